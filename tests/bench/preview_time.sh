#!/bin/sh
# preview_time.sh — how long `signpost --preview` takes for the default
# content, at 800x480 and 1920x1080 (hyperfine, from Debian's hyperfine).
# Run by hand:  sh tests/bench/preview_time.sh build/signpost
set -eu
bin=${1:-build/signpost}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hyperfine -N -w 2 -r 20 \
	"$bin --preview $tmp/a --config $src/config/content.yaml" \
	"$bin --preview $tmp/b --size 1920x1080 --config $src/config/content.yaml" \
	"$bin --check --config $src/config/content.yaml"
