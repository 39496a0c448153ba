#!/bin/sh
# tap_latency.sh — tap-to-present inside the program, over N taps (default 100).
# Run by hand, not by the tests:  sh tests/bench/tap_latency.sh build/signpost [N]
# The kiosk runs in an 800x480 window under Xvfb with --trace; xdotool taps
# next/previous alternately; the trace's "presented X ms after handling
# input (Y ms after the event)" lines give the time from handling the tap to
# SDL_RenderPresent returning, and from the X event's timestamp.
set -eu
bin=${1:-build/signpost}
n=${2:-100}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
. "$src/tests/xvfb.sh"
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" --window 800x480 --trace --config "$src/config/content.yaml" 2>"$tmp/trace" &
pid=$!
sleep 1
xdotool mousemove 400 250 click 1
sleep 0.5
button() { grep "^trace: button $1 " "$tmp/trace" | tail -1 | awk '{print $4, $5}'; }
set -- $(button next)
nx=$1 ny=$2
xdotool mousemove $nx $ny click 1 # off the first page, so previous is enabled
sleep 0.3
set -- $(button previous)
px=$1 py=$2
: >"$tmp/trace.before"
cp "$tmp/trace" "$tmp/trace.before"
i=0
while [ $i -lt "$n" ]; do
	if [ $((i % 2)) = 0 ]; then xdotool mousemove $nx $ny click 1; else xdotool mousemove $px $py click 1; fi
	sleep 0.15
	i=$((i + 1))
done
sleep 0.3
tail -n +$(($(wc -l <"$tmp/trace.before") + 1)) "$tmp/trace" | grep "presented" |
	awk '{ e = $8; sub(/\(/, "", e); print $3, e }' | sort -n >"$tmp/lat"
awk -v n="$n" '{ a[NR] = $1; b[NR] = $2; s += $1 } END {
	printf "taps: %d, frames presented after a tap: %d\n", n, NR
	printf "handling -> present (ms): median %.2f, p90 %.2f, max %.2f, mean %.2f\n", a[int(NR/2)+1], a[int(NR*0.9)], a[NR], s/NR
}' "$tmp/lat"
sort -n -k2 "$tmp/lat" | awk '{ b[NR] = $2 } END { printf "event timestamp -> present (ms, 1 ms steps): median %d, p90 %d, max %d\n", b[int(NR/2)+1], b[int(NR*0.9)], b[NR] }'
