#!/bin/sh
# tests/package/same-output.sh — a cross-built signpost, run under qemu-user,
# says the same as the native one: the same `--check` verdict and messages
# (the default content at two sizes, and every file of tests/invalid/), and
# `--preview` pictures of the default content that match within the render
# test's tolerance (48/255 per channel, 0.5% of the pixels).
#
#   sh tests/package/same-output.sh SRC NATIVE_SIGNPOST [EMULATOR...] TARGET_SIGNPOST
#
# Called by toolchain/cross.sh test; needs ImageMagick (compare, identify).
set -eu

src=$1 native=$2
shift 2
# The last argument is the target binary; the ones before it run it.
emu=""
while [ $# -gt 1 ]; do
	emu="$emu $1"
	shift
done
target=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
fail=0

# run NAME CMD...: output and exit status of CMD, in $tmp/NAME
run() {
	name=$1
	shift
	set +e
	"$@" >"$tmp/$name" 2>&1
	echo "exit status $?" >>"$tmp/$name"
	set -e
}

compare_runs() { # WHAT ARGS...: native and target say the same
	what=$1
	shift
	run native "$native" "$@"
	# shellcheck disable=SC2086
	run target $emu "$target" "$@"
	if ! cmp -s "$tmp/native" "$tmp/target"; then
		echo "FAIL: $what: the outputs differ (native, then target):"
		diff "$tmp/native" "$tmp/target" || true
		fail=1
	fi
}

compare_runs "--check config/content.yaml" --check --config config/content.yaml
tail -n 2 "$tmp/native"
compare_runs "--check --size 1920x1080 config/content.yaml" \
	--check --size 1920x1080 --config config/content.yaml
n=0
for f in tests/invalid/*.yaml; do
	[ -e "$f" ] || continue
	compare_runs "--check $f" --check --config "$f"
	n=$((n + 1))
done
echo "--check: the same output and exit status on config/content.yaml (2 sizes) and $n invalid files"

# --preview: the same pictures, within the tolerance.
mkdir "$tmp/pn" "$tmp/pt"
"$native" --preview "$tmp/pn" --config config/content.yaml >/dev/null
# shellcheck disable=SC2086
$emu "$target" --preview "$tmp/pt" --config config/content.yaml >/dev/null
(cd "$tmp/pn" && ls) >"$tmp/list-native"
(cd "$tmp/pt" && ls) >"$tmp/list-target"
if ! cmp -s "$tmp/list-native" "$tmp/list-target"; then
	echo "FAIL: --preview wrote different files (native, then target):"
	diff "$tmp/list-native" "$tmp/list-target" || true
	fail=1
fi
pictures=0 identical=0
while read -r png; do
	[ -f "$tmp/pt/$png" ] || continue
	pictures=$((pictures + 1))
	if cmp -s "$tmp/pn/$png" "$tmp/pt/$png"; then
		identical=$((identical + 1))
		continue
	fi
	size=$(identify -format '%w %h' "$tmp/pn/$png")
	# compare prints the number of pixels further apart than the fuzz
	bad=$(compare -metric AE -fuzz 18.8% "$tmp/pn/$png" "$tmp/pt/$png" null: 2>&1 || true)
	if ! echo "$size $bad" | awk '{ exit !($3 + 0 == $3 && $3 <= 0.005 * $1 * $2) }'; then
		echo "FAIL: $png: $bad pixels differ by more than 48/255 (allowed: 0.5% of $size)"
		fail=1
	else
		echo "$png: $bad pixels differ by more than 48/255 (within the tolerance)"
	fi
done <"$tmp/list-native"
[ "$pictures" -gt 0 ] || { echo "FAIL: --preview wrote no pictures"; fail=1; }
echo "--preview: $pictures pictures, $identical identical byte for byte, the rest within the tolerance"
exit $fail
