#!/bin/sh
# script_render.sh — the cost of complex scripts: the same three screens
# (tests/render/*.yaml: Latin, Arabic, Bengali) drawn to PNG by --preview,
# and laid out by --check (every screen measured, shaped and checked), side
# by side (hyperfine, from Debian's hyperfine).
# Run by hand:  sh tests/bench/script_render.sh build/signpost
set -eu
bin=${1:-build/signpost}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 800x480 1920x1080; do
	hyperfine -N -w 3 -r 20 \
		-n "latin $size" "$bin --preview $tmp/l --size $size --config $src/tests/render/content.yaml" \
		-n "arabic $size" "$bin --preview $tmp/a --size $size --config $src/tests/render/arabic.yaml" \
		-n "bengali $size" "$bin --preview $tmp/b --size $size --config $src/tests/render/bengali.yaml"
done
hyperfine -N -w 3 -r 20 \
	-n "check latin" "$bin --check --config $src/tests/render/content.yaml" \
	-n "check arabic" "$bin --check --config $src/tests/render/arabic.yaml" \
	-n "check bengali" "$bin --check --config $src/tests/render/bengali.yaml"
