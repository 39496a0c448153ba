#!/bin/sh
# start_time.sh — issue 28's table, side by side in one run: a bare SDL2 +
# SDL2_ttf program (tests/bench/bare.c) and signpost on the default and the
# five-language content, first frame cold and warm, peak memory, the
# complete check, and reloads with the longest gap between watchdog pings
# (tests/bench/start_time.py says how each is measured). Benchmarks, not
# tests: run by hand, under `nice` on a shared machine.
#   sh tests/bench/start_time.sh build/signpost [RUNS]
# LARGEST=FILE adds a reload of FILE (tests/bench/largest.sh makes the
# largest file the limits allow).
set -eu
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# shellcheck disable=SC2046
cc -O2 "$here/tests/bench/bare.c" $(pkg-config --cflags --libs sdl2 SDL2_ttf) -o "$out/bare"
python3 "$here/tests/bench/start_time.py" "$bin" "$out/bare" "$here" "${2:-5}"
