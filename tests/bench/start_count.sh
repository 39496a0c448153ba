#!/bin/sh
# start_count.sh — callgrind instruction counts (repeatable where times are
# not) of a start to the first frame: the bare SDL2+SDL2_ttf program
# (bare.c) and signpost on the default and the five-language content, cold
# (no remembered verdict: the check in a child, counted too) and warm (the
# cold start's clean stop proved it; under valgrind, as the program's
# mapped files are part of the key); each run is stopped with SIGTERM a
# second after its first frame, so the counts include the exit. Then the
# complete check of each (--check). A test build's SIGNPOST_TEST_CHECK_MS
# gives the slow check under valgrind 10 minutes; its 25 s CPU limit stays.
#   sh tests/bench/start_count.sh build/signpost
set -eu
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2046
cc -O2 "$here/tests/bench/bare.c" $(pkg-config --cflags --libs sdl2 SDL2_ttf) -o "$tmp/bare"
export SDL_VIDEODRIVER=dummy
count() { # NAME FUNCTION COMMAND...: runs it under callgrind until READY (a line on stderr), sums the processes
	# FUNCTION is what sends READY=1: the instructions before its first
	# call (callgrind's dump before it) are the first frame's
	name=$1
	ready_fn=$2
	shift 2
	rm -f "$tmp"/cg.* "$tmp/log"
	valgrind --tool=callgrind --trace-children=yes --dump-before="$ready_fn" \
		--callgrind-out-file="$tmp/cg.%p" "$@" 2>"$tmp/log" &
	vg=$!
	i=0
	while ! grep -q "^trace: start\|^bare: ready" "$tmp/log" 2>/dev/null && [ $i -lt 3000 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 1
	kill -TERM $vg
	wait $vg || true
	total=$(grep -h "^summary:" "$tmp"/cg.* | awk '{ s += $2 } END { printf "%.0f", s }')
	# to the first frame: the program's own part before READY, and every
	# other process (the check's child, which ended before it)
	others=$(for f in "$tmp"/cg.*; do case $f in "$tmp/cg.$vg" | "$tmp/cg.$vg".*) ;; *) echo "$f" ;; esac; done)
	ready=$( { grep -h "^summary:" "$tmp/cg.$vg.1" 2>/dev/null || echo "summary: 0"; } | awk '{ print $2 }')
	if [ -n "$others" ]; then
		# shellcheck disable=SC2086
		ready=$(grep -h "^summary:" $others | awk -v r="$ready" '{ s += $2 } END { printf "%.0f", s + r }')
	fi
	printf '%-52s %15s to the first frame, %15s in all (%d processes)\n' "$name" "$ready" "$total" \
		"$(ls "$tmp"/cg.* | sed 's/^\(.*cg\.[0-9]*\).*/\1/' | sort -u | wc -l)"
}
for c in content examples/multilingual; do
	f="$here/config/$c.yaml"
	mkdir -p "$tmp/state"
	count "signpost $(basename "$c"), cold" notify_send env STATE_DIRECTORY="$tmp/state" SIGNPOST_TEST_CHECK_MS=600000 \
		"$bin" --window 1280x800 --trace --config "$f"
	grep -q "check in a child" "$tmp/log" && grep -q "^trace: start.*screen=welcome" "$tmp/log" ||
		echo "  (the cold start did not show the content after a check: see $tmp/log)"
	count "signpost $(basename "$c"), warm" notify_send env STATE_DIRECTORY="$tmp/state" "$bin" --window 1280x800 --trace --config "$f"
	grep -q "check remembered" "$tmp/log" || echo "  (the warm start did not remember: see $tmp/log)"
	rm -rf "$tmp/state"
done
BARE_SAY=1 count "bare SDL2 + SDL2_ttf program" notify "$tmp/bare" 1280x800 /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
for c in content examples/multilingual; do
	valgrind --tool=callgrind --callgrind-out-file="$tmp/check.out" "$bin" --check --size 1280x800 \
		--config "$here/config/$c.yaml" >/dev/null 2>"$tmp/log" || true
	printf '%-52s %15s instructions\n' "--check --size 1280x800 $(basename "$c")" \
		"$(grep "^summary:" "$tmp/check.out" | awk '{ print $2 }')"
done
