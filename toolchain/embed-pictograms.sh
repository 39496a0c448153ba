#!/bin/sh
# toolchain/embed-pictograms.sh SOURCE_TREE OUT.c — the kiosk's pictograms
# (assets/pictograms/NAME.svg) as C strings, pictogram_sources[], in the
# order of the names in firmware/core/pictogram.c, which is the one list
# of them. Run by CMakeLists.txt and tests/fuzz/run.sh. A name without its
# drawing is an error, so the build stops.
set -eu
src=$1
out=$2
names=$(sed -n '/pictogram_names\[PICTOGRAM_N\] = {/,/};/p' "$src/firmware/core/pictogram.c" |
	grep -o '"[a-z_-]*"' | tr -d '"')
[ -n "$names" ] || { echo "embed-pictograms: no names in firmware/core/pictogram.c" >&2; exit 1; }
{
	echo "/* made by toolchain/embed-pictograms.sh from assets/pictograms: do not edit */"
	echo "const char *const pictogram_sources[] = {"
	for name in $names; do
		svg="$src/assets/pictograms/$name.svg"
		[ -f "$svg" ] || { echo "embed-pictograms: $svg is missing" >&2; exit 1; }
		# each line a C string: backslashes and quotes escaped
		sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/\\n"/' "$svg"
		echo ","
	done
	echo "};"
} >"$out.new"
mv "$out.new" "$out"
