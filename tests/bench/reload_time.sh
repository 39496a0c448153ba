#!/bin/sh
# reload_time.sh — time of a live reload (load, check, lay out every screen,
# swap), for the default content and for the largest file the limits allow, as the
# kiosk itself measures it (--trace: "reload ok screens=N in X ms"), over 20
# saves of the file each, in an 800x480 window under Xvfb.
# Run by hand:  sh tests/bench/reload_time.sh build/signpost
set -eu
bin=${1:-build/signpost}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
. "$src/tests/xvfb.sh"
start_xvfb 800x480
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

# the largest file the limits allow (largest.py: 4 languages, 60 screens,
# about 120,000 characters; the 200-screen file this used to make was over
# the limits and refused), other words in each variant (v), so each reload
# lays out text the kiosk has never measured
v=0
while [ $v -le 20 ]; do
	python3 "$src/tests/bench/largest.py" $v >"$tmp/largest-$v.yaml"
	cp "$src/config/content.yaml" "$tmp/content-$v.yaml"
	v=$((v + 1))
done

for name in content largest; do
	cp "$tmp/$name-0.yaml" "$tmp/$name.yaml"
	"$bin" --window 800x480 --trace --config "$tmp/$name.yaml" 2>"$tmp/trace" &
	pid=$!
	sleep ${SETTLE:-3}
	i=1
	while [ $i -le 20 ]; do
		cp "$tmp/$name-$i.yaml" "$tmp/$name.yaml" # the watcher reloads it
		sleep ${EVERY:-2}
		i=$((i + 1))
	done
	kill $pid
	wait $pid && echo "(exit 0)" >&2 || echo "kiosk exit status $?" >&2
	grep "^trace: reload ok" "$tmp/trace" | awk '{print $4, $6}' | sed 's/screens=//' | sort -n -k2 |
		awk -v f="$name.yaml" '{ s = $1; t[NR] = $2 } END {
			printf "%-14s %4d screens: reload median %.1f ms, min %.1f, max %.1f (n=%d)\n", f, s, t[int(NR/2)+1], t[1], t[NR], NR }'
done
