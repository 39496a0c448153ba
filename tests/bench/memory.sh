#!/bin/sh
# memory.sh — peak resident memory of the running kiosk (GNU time -v), in a
# window under Xvfb, showing the default content for 30 s (a loop of screen
# changes and fades), with SDL's default renderer and with the software one.
# Run by hand:  sh tests/bench/memory.sh build/signpost
set -eu
bin=${1:-build/signpost}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
. "$src/tests/xvfb.sh"
start_xvfb 1920x1080
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
for size in 800x480 1920x1080; do
	for r in default software; do
		if [ $r = software ]; then export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0; else unset SDL_RENDER_DRIVER SDL_FRAMEBUFFER_ACCELERATION; fi
		/usr/bin/time -v timeout -s TERM 30 "$bin" --window $size --config "$src/config/content.yaml" 2>"$tmp/t" || true
		printf '%-10s %-9s peak RSS %6d KiB, CPU %s s user + %s s system over 30 s\n' $size $r \
			"$(awk -F': ' '/Maximum resident/ {print $2}' "$tmp/t")" \
			"$(awk -F': ' '/User time/ {print $2}' "$tmp/t")" "$(awk -F': ' '/System time/ {print $2}' "$tmp/t")"
	done
done
