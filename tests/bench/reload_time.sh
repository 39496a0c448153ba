#!/bin/sh
# reload_time.sh — time of a live reload (load, check, lay out every screen,
# swap), for the default content and for a generated 200-screen file, as the
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

# 200 screens: the default content's screens repeated with new ids, and
# every title and paragraph made different per copy and per variant (v), so
# each reload lays out text the kiosk has never measured
make_200() { # VARIANT
	sed -n '1,/^screens:/p' "$src/config/content.yaml"
	i=0
	while [ $i -lt 25 ]; do
		sed -n '/^screens:/,$p' "$src/config/content.yaml" | tail -n +2 |
			sed "s/^  - id: \(.*\)/  - id: \1-$i/; s/^\(    title: \".*\)\"$/\1 ($1.$i)\"/; s/^\(      - text: \".*\)\"$/\1 ($1.$i)\"/" |
			grep -v "quick_exit"
		i=$((i + 1))
	done
}
v=0
while [ $v -le 20 ]; do
	make_200 $v | sed "s/quick_exit: neutral/quick_exit: neutral-0/" >"$tmp/200-$v.yaml"
	cp "$src/config/content.yaml" "$tmp/content-$v.yaml"
	v=$((v + 1))
done

for name in content 200; do
	cp "$tmp/$name-0.yaml" "$tmp/$name.yaml"
	"$bin" --window 800x480 --trace --config "$tmp/$name.yaml" 2>"$tmp/trace" &
	pid=$!
	sleep 1.5
	i=1
	while [ $i -le 20 ]; do
		cp "$tmp/$name-$i.yaml" "$tmp/$name.yaml" # the watcher reloads it
		sleep 0.8
		i=$((i + 1))
	done
	kill $pid
	wait $pid && echo "(exit 0)" >&2 || echo "kiosk exit status $?" >&2
	grep "^trace: reload ok" "$tmp/trace" | awk '{print $4, $6}' | sed 's/screens=//' | sort -n -k2 |
		awk -v f="$name.yaml" '{ s = $1; t[NR] = $2 } END {
			printf "%-14s %4d screens: reload median %.1f ms, min %.1f, max %.1f (n=%d)\n", f, s, t[int(NR/2)+1], t[1], t[NR], NR }'
done
