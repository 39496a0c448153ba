#!/bin/sh
# soak.sh HOURS [BUILD_DIR] — the long soak of the pure core, by hand:
# test_soak (tests/unit/test_soak.c) through HOURS simulated hours (72 for
# the release check) in the ASan + LSan + UBSan build, ending with zero leaks.
#
#   sh tests/bench/soak.sh 72                  build-asan/ (dev.sh test makes it)
#   sh tests/bench/soak.sh 72 build            the Release build, whose
#                                              ru_maxrss has no ASan quarantine
#   SIGNPOST_SOAK_SEED=7 sh tests/bench/soak.sh 72    another random run
#
# Prints simulated hours, steps, frames, reloads, memory (ru_maxrss at start
# and end; under ASan the end figure includes its quarantine of freed memory,
# up to 256 MiB, not a leak: the test's own check of the memory in use at
# rest is the one that counts) and the wall time.
set -eu
hours=${1:-72}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-$src/build-asan}
bin=$build/tests/test_soak
if [ ! -x "$bin" ]; then
	echo "soak.sh: no $bin: build first (sh toolchain/dev.sh test, or cmake --build $build)" >&2
	exit 2
fi
start=$(date +%s.%N)
cd "$src"
rc=0
SIGNPOST_SOAK_HOURS=$hours \
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"$bin" || rc=$?
end=$(date +%s.%N)
echo "soak.sh: $hours simulated hours in $(awk "BEGIN { printf \"%.1f\", $end - $start }") s of wall time ($build)"
exit $rc
