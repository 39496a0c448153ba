#!/bin/sh
# tests/fuzz/run.sh SECONDS — build the libFuzzer target over the content
# loader and the complete check (clang, ASan + UBSan + libFuzzer) and run it
# for SECONDS.
#
#   sh tests/fuzz/run.sh 60       the short bounded run of `dev.sh test`
#   sh tests/fuzz/run.sh 3600     a longer run, by hand
#
# The target is fuzz_load.c plus firmware/core/*.c and the check's SDL_ttf
# side (firmware/sdl/check.c, fontcheck.c, text.c), compiled with one plain
# clang command into build-fuzz/ ($FUZZ_BUILD_DIR to move it). It runs on a
# working copy of the seed corpus (tests/fuzz/corpus: the default and
# example content and every file in tests/invalid/), kept in
# build-fuzz/corpus so a later run starts from what an earlier one found.
# An input that crashes, leaks, hangs or breaks the loader's contract is
# copied into tests/regression/ (replayed by test_regression from then on)
# and the run fails. Ends with "N passed, N failed" like the other tests.
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

mkdir -p "$build/corpus" "$build/artifacts"
# shellcheck disable=SC2046 # pkg-config's words are meant to split
"$cc" -std=c11 -g -O1 -Wall -Wextra -Wundef -Wshadow -Wstrict-prototypes \
	-D_POSIX_C_SOURCE=200809L -D_FILE_OFFSET_BITS=64 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer \
	-I"$here/firmware/core" -I"$here/firmware/sdl" -I"$here/tests" \
	"$here/tests/fuzz/fuzz_load.c" "$here"/firmware/core/*.c \
	"$here/firmware/sdl/check.c" "$here/firmware/sdl/fontcheck.c" "$here/firmware/sdl/text.c" \
	$(pkg-config --cflags --libs yaml-0.1 libqrencode sdl2 SDL2_ttf fontconfig fribidi) -lm \
	-o "$build/fuzz_load"

cp "$here"/tests/fuzz/corpus/* "$build/corpus/"
rm -f "$build"/artifacts/*

# -timeout: one input (even 1 MiB under ASan) takes well under a second;
# -rss_limit_mb: a loader that balloons is a bug too; -len_control grows
# inputs gradually towards max_len instead of starting huge.
# -jobs runs the fuzzing in child processes, each logging to fuzz-N.log here
parallel=""
[ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
set +e
cd "$build"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"$build/fuzz_load" "$build/corpus" \
	-dict="$here/tests/fuzz/yaml.dict" \
	-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	-max_len="$max_len" -print_final_stats=1 \
	$parallel \
	-artifact_prefix="$build/artifacts/" >"$build/fuzz.log" 2>&1
rc=$?
set -e
if [ "$jobs" -gt 1 ]; then
	cat "$build"/fuzz-*.log >>"$build/fuzz.log" 2>/dev/null || true
	rm -f "$build"/fuzz-*.log
fi

execs=$(grep -h '^stat::number_of_executed_units:' "$build/fuzz.log" |
	awk '{ n += $2 } END { print n + 0 }')
corpus=$(ls "$build/corpus" | wc -l)
echo "fuzz: $execs executions in $seconds s; working corpus $corpus inputs ($build/corpus)"

found=0
for a in "$build"/artifacts/*; do
	[ -f "$a" ] || continue
	found=$((found + 1))
	name=$(basename "$a")
	cp "$a" "$here/tests/regression/$name.yaml"
	echo "fuzz: FOUND $name -> tests/regression/$name.yaml (make it pass, keep it)" >&2
done
if [ "$rc" != 0 ] || [ "$found" != 0 ]; then
	grep -E 'ERROR|SUMMARY|^==|^#0|^    #[0-9]' "$build/fuzz.log" | head -n 60 >&2
	echo "fuzz: log in $build/fuzz.log" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
echo "1 passed, 0 failed"
