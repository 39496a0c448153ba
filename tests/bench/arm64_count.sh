#!/bin/sh
# arm64_count.sh — instruction counts of the arm64 build under qemu-aarch64,
# the nearest figure for a Pi this machine gives (QEMU's TCG counts every
# guest instruction it runs; no timing, no caches): the complete check
# (`--check --size 1280x800`) of the default and the five-language content,
# and the bare SDL2 + SDL2_ttf program (bare.c) from start to exit a second
# after its first frame.
#
# Needs qemu-user (Debian 12's qemu-aarch64 7.2 loads TCG plugins, but the
# package ships none: qemu_insn.c is one, built here for the host with cc)
# and the arm64 libraries of toolchain/cross.sh with crossbuild-essential-arm64.
# Not a test's need, so not in dev.sh's list. The kiosk's own start is not
# counted: its check runs in a child started by posix_spawn, which qemu-user
# cannot run (an arm64 program started from inside the emulator needs
# binfmt_misc, not registered on this machine), and a remembered start needs
# a verdict that a checked start wrote first.
#   sh toolchain/cross.sh build arm64   # or: cmake with toolchain/arm64.cmake
#   sh tests/bench/arm64_count.sh build-cross-arm64/signpost [OTHER/signpost ...]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -shared -fPIC "$here/tests/bench/qemu_insn.c" -o "$tmp/libinsn.so"
# shellcheck disable=SC2046
aarch64-linux-gnu-gcc -O2 "$here/tests/bench/bare.c" \
	$(PKG_CONFIG_PATH=/usr/lib/aarch64-linux-gnu/pkgconfig PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig \
		pkg-config --cflags --libs sdl2 SDL2_ttf) -o "$tmp/bare"
export SDL_VIDEODRIVER=dummy
count() { # COMMAND...: its guest instructions, printed by the plugin at exit
	qemu-aarch64 -L / -plugin "$tmp/libinsn.so" -d plugin -D "$tmp/count" "$@" >/dev/null 2>&1 || true
	sed -n 's/^insns: //p' "$tmp/count"
}
for bin in "$@"; do
	bin=$(realpath "$bin")
	for c in content examples/multilingual; do
		printf '%-60s %15s instructions\n' "$bin --check --size 1280x800 $(basename "$c")" \
			"$(count "$bin" --check --size 1280x800 --config "$here/config/$c.yaml")"
	done
done
BARE_SAY=1 qemu-aarch64 -L / -plugin "$tmp/libinsn.so" -d plugin -D "$tmp/count" "$tmp/bare" 1280x800 \
	/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf 2>"$tmp/log" &
pid=$!
i=0
while ! grep -q "^bare: ready" "$tmp/log" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
sleep 1
kill -TERM $pid
wait $pid || true
printf '%-60s %15s instructions\n' "bare SDL2 + SDL2_ttf program (arm64)" "$(sed -n 's/^insns: //p' "$tmp/count")"
