#!/bin/sh
# tests/fuzz/run.sh SECONDS — build the libFuzzer targets over the content
# loader and the complete check, and over the picture path (clang, ASan +
# UBSan + libFuzzer), and run them for SECONDS: three quarters the loader,
# a quarter the pictures.
#
#   sh tests/fuzz/run.sh 60       the short bounded run of `dev.sh test`
#   sh tests/fuzz/run.sh 3600     a longer run, by hand
#
# The loader's target is fuzz_load.c plus firmware/core/*.c and the check's
# SDL side (firmware/sdl/check.c, fontcheck.c, text.c, pictures.c),
# compiled with one plain clang command into build-fuzz/ ($FUZZ_BUILD_DIR
# to move it). It runs on a working copy of the seed corpus
# (tests/fuzz/corpus: the default and example content and every file in
# tests/invalid/), kept in build-fuzz/corpus so a later run starts from
# what an earlier one found. The pictures' target is fuzz_picture.c plus
# firmware/sdl/pictures.c, on tests/fuzz/pictures (small PNGs and JPEGs of
# every kind the kiosk reads), kept in build-fuzz/pictures. An input that
# crashes, leaks, hangs or breaks a contract is copied into
# tests/regression/ (a picture into tests/regression/pictures/; replayed
# by test_regression and test_pictures_sdl from then on) and the run
# fails. Ends with "N passed, N failed" like the other tests.
#
# Environment: FUZZ_MAX_LEN (bytes, default 1100000: just over the loader's
# 1 MiB limit, so the limit itself is reached), FUZZ_JOBS (parallel fuzzing
# processes, default 1), CC (default clang).
set -eu

here=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-}
case "$seconds" in
'' | *[!0-9]*)
	echo "usage: sh tests/fuzz/run.sh SECONDS" >&2
	exit 2
	;;
esac
build=${FUZZ_BUILD_DIR:-$here/build-fuzz}
max_len=${FUZZ_MAX_LEN:-1100000}
jobs=${FUZZ_JOBS:-1}
cc=${CC:-clang}
case "$cc" in *clang*) ;; *) cc=clang ;; esac # libFuzzer is clang's

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2
	echo "0 passed, 1 failed"
	exit 2
fi

mkdir -p "$build/corpus" "$build/pictures" "$build/artifacts"
sh "$here/toolchain/embed-pictograms.sh" "$here" "$build/pictogram_sources.c"
flags="-std=c11 -g -O1 -Wall -Wextra -Wundef -Wshadow -Wstrict-prototypes
	-D_POSIX_C_SOURCE=200809L -D_FILE_OFFSET_BITS=64
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
	-fno-omit-frame-pointer -I$here/firmware/core -I$here/firmware/sdl -I$here/tests"
# shellcheck disable=SC2046,SC2086 # pkg-config's words and the flags are meant to split
"$cc" $flags \
	"$here/tests/fuzz/fuzz_load.c" "$here"/firmware/core/*.c \
	"$here/firmware/sdl/check.c" "$here/firmware/sdl/fontcheck.c" "$here/firmware/sdl/text.c" \
	"$here/firmware/sdl/pictures.c" "$here/firmware/sdl/speech_synth.c" "$build/pictogram_sources.c" \
	$(pkg-config --cflags --libs yaml-0.1 libqrencode sdl2 SDL2_ttf SDL2_image libpng libjpeg fontconfig fribidi harfbuzz espeak-ng) -lm \
	-o "$build/fuzz_load"
# shellcheck disable=SC2046,SC2086
"$cc" $flags \
	"$here/tests/fuzz/fuzz_picture.c" "$here/firmware/sdl/pictures.c" "$here/firmware/core/sha256.c" "$here/firmware/core/diag.c" "$here/firmware/core/arena.c" \
	"$here/firmware/core/pictogram.c" "$build/pictogram_sources.c" \
	$(pkg-config --cflags --libs sdl2 SDL2_image libpng libjpeg) -lm \
	-o "$build/fuzz_picture"

cp "$here"/tests/fuzz/corpus/* "$build/corpus/"
cp "$here"/tests/fuzz/pictures/* "$build/pictures/"

# fuzz TARGET CORPUS SECONDS MAX_LEN REGRESSION_DIR EXTENSION [OPTION]
# -timeout: one input (even 1 MiB under ASan) takes well under a second;
# -rss_limit_mb: a loader that balloons is a bug too; -len_control grows
# inputs gradually towards max_len instead of starting huge.
# -jobs runs the fuzzing in child processes, each logging to fuzz-N.log here
failed=0
fuzz() {
	target=$1 corpus=$2 secs=$3 len=$4 keep=$5 ext=$6
	shift 6
	parallel=""
	[ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
	rm -f "$build"/artifacts/*
	set +e
	(cd "$build" &&
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
		LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0" \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			"$build/$target" "$corpus" "$@" \
			-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
			-max_len="$len" -print_final_stats=1 \
			$parallel \
			-artifact_prefix="$build/artifacts/" >"$build/$target.log" 2>&1)
	rc=$?
	set -e
	if [ "$jobs" -gt 1 ]; then
		cat "$build"/fuzz-*.log >>"$build/$target.log" 2>/dev/null || true
		rm -f "$build"/fuzz-*.log
	fi
	execs=$(grep -h '^stat::number_of_executed_units:' "$build/$target.log" |
		awk '{ n += $2 } END { print n + 0 }')
	echo "fuzz: $target: $execs executions in $secs s; working corpus $(ls "$corpus" | wc -l) inputs ($corpus)"
	found=0
	for a in "$build"/artifacts/*; do
		[ -f "$a" ] || continue
		found=$((found + 1))
		name=$(basename "$a")
		mkdir -p "$keep"
		cp "$a" "$keep/$name$ext"
		echo "fuzz: FOUND $name -> $keep/$name$ext (make it pass, keep it)" >&2
	done
	if [ "$rc" != 0 ] || [ "$found" != 0 ]; then
		grep -E 'ERROR|SUMMARY|^==|^#0|^    #[0-9]' "$build/$target.log" | head -n 60 >&2
		echo "fuzz: log in $build/$target.log" >&2
		failed=$((failed + 1))
	fi
}
picture_secs=$((seconds / 4))
fuzz fuzz_load "$build/corpus" $((seconds - picture_secs)) "$max_len" "$here/tests/regression" .yaml \
	-dict="$here/tests/fuzz/yaml.dict"
fuzz fuzz_picture "$build/pictures" "$picture_secs" 65536 "$here/tests/regression/pictures" .bin
if [ "$failed" != 0 ]; then
	echo "0 passed, $failed failed"
	exit 1
fi
echo "2 passed, 0 failed"
