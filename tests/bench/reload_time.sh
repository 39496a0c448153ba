#!/bin/sh
# reload_time.sh — time of a live reload (load, check, lay out every screen,
# swap), for the default content and for a generated 200-screen file, as the
# kiosk itself measures it (--trace: "reload ok screens=N in X ms"), over 20
# SIGHUPs each, in an 800x480 window under Xvfb.
# Run by hand:  sh tests/bench/reload_time.sh build/signpost
set -eu
bin=${1:-build/signpost}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
. "$src/tests/xvfb.sh"
start_xvfb 800x480
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

# 200 screens: the default content's screens repeated with new ids
{
	sed -n '1,/^screens:/p' "$src/config/content.yaml"
	i=0
	while [ $i -lt 25 ]; do
		sed -n '/^screens:/,$p' "$src/config/content.yaml" | tail -n +2 |
			sed "s/^  - id: \(.*\)/  - id: \1-$i/" | grep -v "quick_exit"
		i=$((i + 1))
	done
} >"$tmp/200.yaml"
sed -i "s/quick_exit: neutral/quick_exit: neutral-0/" "$tmp/200.yaml"

for f in "$src/config/content.yaml" "$tmp/200.yaml"; do
	"$bin" --window 800x480 --trace --config "$f" 2>"$tmp/trace" &
	pid=$!
	sleep 1.5
	i=0
	while [ $i -lt 20 ]; do kill -HUP $pid; sleep 0.3; i=$((i + 1)); done
	kill $pid
	wait $pid || true
	grep "^trace: reload ok" "$tmp/trace" | awk '{print $4, $6}' | sed 's/screens=//' | sort -n -k2 |
		awk -v f="$(basename "$f")" '{ s = $1; t[NR] = $2 } END {
			printf "%-14s %4d screens: reload median %.1f ms, min %.1f, max %.1f (n=%d)\n", f, s, t[int(NR/2)+1], t[1], t[NR], NR }'
done
