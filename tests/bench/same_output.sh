#!/bin/sh
# same_output.sh — does a change keep what signpost says and draws? Runs two
# builds' `--check` (stdout, stderr and exit status) and `--preview` on
# config/content.yaml and every config/examples/*.yaml at 800x480,
# 1280x800, 1024x600 and 720x1280, and compares: the check's output byte
# for byte, the PNGs pixel for pixel (ImageMagick's `compare -metric AE`).
# Prints each difference and "N same, N different".
#   sh tests/bench/same_output.sh BEFORE/signpost AFTER/signpost
set -u
before=$(realpath "$1")
after=$(realpath "$2")
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy
same=0 diff=0
for f in "$here/config/content.yaml" "$here"/config/examples/*.yaml; do
	for size in 800x480 1280x800 1024x600 720x1280; do
		name="$(basename "$f" .yaml) $size"
		for side in before after; do
			eval bin=\$$side
			mkdir -p "$tmp/$side"
			"$bin" --check --size "$size" --config "$f" >"$tmp/$side.out" 2>"$tmp/$side.err"
			echo "exit $?" >>"$tmp/$side.out"
			rm -rf "$tmp/$side"/*
			"$bin" --preview "$tmp/$side" --size "$size" --config "$f" >/dev/null 2>&1
		done
		if cmp -s "$tmp/before.out" "$tmp/after.out" && cmp -s "$tmp/before.err" "$tmp/after.err"; then
			same=$((same + 1))
		else
			diff=$((diff + 1))
			echo "check differs: $name"
			diff "$tmp/before.out" "$tmp/after.out" | head -5
		fi
		if [ "$(cd "$tmp/before" && ls)" != "$(cd "$tmp/after" && ls)" ]; then
			diff=$((diff + 1))
			echo "preview files differ: $name"
			continue
		fi
		for png in "$tmp"/before/*.png; do
			[ -e "$png" ] || continue
			ae=$(compare -metric AE "$png" "$tmp/after/$(basename "$png")" null: 2>&1)
			if [ "$ae" = "0" ]; then
				same=$((same + 1))
			else
				diff=$((diff + 1))
				echo "preview differs: $name $(basename "$png"): $ae pixels"
			fi
		done
	done
done
echo "$same same, $diff different"
[ "$diff" -eq 0 ]
