#!/bin/sh
# pictures.sh — what pictures cost, side by side in one run (issue 31):
#   1. first frame and peak memory of the default content, BEFORE (a build
#      without pictures, with its source tree's default content) and AFTER
#      (this tree's build and default content, which has pictograms):
#      tests/bench/start_time.py's start section for each;
#   2. the reload of a content file with 20 pictures (20 photos of 1600 x
#      1200, JPEG, each in a picture block of its own screen), from save to
#      the new content, with the longest gap between watchdog pings: the
#      same script's reload section with LARGEST=that file;
#   3. the decoding of the largest pictures the limits allow (a JPEG of 40
#      million pixels, 8000 x 5000; a PNG of 16 million, 4000 x 4000) into
#      a 1184 x 592 box (a picture block at 1280x800), time and peak memory
#      (tests/bench/decode.c), and its instruction count (callgrind).
# A benchmark, not a test: run by hand, on a quiet machine, under nice.
#   sh tests/bench/pictures.sh BEFORE_BIN BEFORE_SRC AFTER_BUILD_DIR [RUNS]
set -eu
before=$(realpath "$1")
before_src=$(realpath "$2")
build=$(realpath "$3")
runs=${4:-5}
here=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# shellcheck disable=SC2046
cc -O2 "$here/tests/bench/bare.c" $(pkg-config --cflags --libs sdl2 SDL2_ttf) -o "$out/bare"

echo "== 1. first frame and peak memory, default content: before, then after"
SECTIONS=start python3 "$here/tests/bench/start_time.py" "$before" "$out/bare" "$before_src" "$runs"
SECTIONS=start python3 "$here/tests/bench/start_time.py" "$build/signpost" "$out/bare" "$here" "$runs"

echo "== 2. reload of a file with 20 pictures"
mkdir -p "$out/twenty"
{
	echo "kiosk: { quick_exit: neutral }"
	echo "screens:"
	i=1
	while [ $i -le 20 ]; do
		echo "  - id: photo$i"
		echo "    title: \"Photo $i\""
		echo "    blocks:"
		echo "      - picture: {file: photo$i.jpg, alt: \"Photo $i of the centre\"}"
		i=$((i + 1))
	done
	echo "  - { id: neutral, title: \"Waiting room\", loop: false, blocks: [ { text: \"Please take a seat.\" } ] }"
} >"$out/twenty/content.yaml"
i=1
while [ $i -le 20 ]; do
	convert -size 1600x1200 plasma:fractal -seed $i -quality 85 "$out/twenty/photo$i.jpg"
	i=$((i + 1))
done
echo "20 photos: $(du -sh "$out/twenty" | cut -f1)"
SECTIONS=reload LARGEST="$out/twenty/content.yaml" LARGEST_NAME="20 pictures" python3 "$here/tests/bench/start_time.py" \
	"$build/signpost" "$out/bare" "$here" "$runs"

echo "== 3. decoding the largest allowed pictures into a 1184 x 592 box"
convert -size 8000x5000 plasma:fractal -quality 80 "$out/large.jpg"
convert -size 4000x4000 -depth 8 gradient:"#204080"-"#F0C040" "$out/large.png"
"$build/tests/decode" "$out/large.jpg" 1184 592 "$runs"
"$build/tests/decode" "$out/large.png" 1184 592 "$runs"
for f in large.jpg large.png; do
	valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$build/tests/decode" "$out/$f" 1184 592 1 2>&1 |
		sed -n "s/.*refs: *\(.*\)/$f: \1 instructions (callgrind)/p"
done
