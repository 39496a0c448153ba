#!/bin/sh
# toolchain/dev.sh — install what is missing, build, and run the kiosk or
# the tests. The README's two commands call this; .ci/run calls `test`.
#
#   sh toolchain/dev.sh run     build, then run the kiosk on config/content.yaml
#                               (in a window when a desktop is there,
#                               fullscreen on KMS/DRM otherwise)
#   sh toolchain/dev.sh test    build (normal and ASan+UBSan) and run every test,
#                               then the Raspberry Pi builds (toolchain/cross.sh),
#                               then the .deb in a VM (tests/system/vm.sh)
#
# Every stage runs under a time limit (ctest --timeout for each test,
# toolchain/limit.sh for the rest), so the test command ends, pass or fail.
#
# Works as root on a fresh Debian 12 / Raspberry Pi OS bookworm machine, or as
# a user with sudo. Only missing packages are installed.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jobs=$(nproc 2>/dev/null || echo 2)

# What building needs, and what the tests need on top.
build_pkgs="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev \
libsdl2-image-dev libpng-dev libjpeg-dev libyaml-dev libfontconfig-dev libfribidi-dev libharfbuzz-dev libqrencode-dev libespeak-ng-dev fontconfig fonts-dejavu-core"
test_pkgs="xvfb xauth xdotool imagemagick openssh-server openssh-client systemd sudo \
clang libclang-rt-14-dev fonts-noto-core zbar-tools tzdata ansible-core ansible-lint python3-apt \
qemu-system-x86 qemu-utils debootstrap"

. toolchain/as-root.sh
. toolchain/limit.sh

install_missing() {
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "dev.sh: installing:$missing"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

build() { # build DIR [cmake options...]
	dir=$1
	shift
	cmake -S . -B "$dir" "$@" >/dev/null
	cmake --build "$dir" -j "$jobs"
}

case "${1:-}" in
run)
	install_missing $build_pkgs
	build build -DCMAKE_BUILD_TYPE=Release -DSIGNPOST_TEST_HOOKS=OFF
	if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
		exec ./build/signpost --config config/content.yaml --window 1280x800
	fi
	exec ./build/signpost --config config/content.yaml
	;;
test)
	install_missing $build_pkgs $test_pkgs
	# the test builds honour the fault hook (tests/cli/isolate.sh); the
	# packages that cross.sh makes do not
	export SIGNPOST_REQUIRE_HOOKS=1
	build build -DCMAKE_BUILD_TYPE=Release -DSIGNPOST_WERROR=ON -DSIGNPOST_TEST_HOOKS=ON
	(cd build && ctest --output-on-failure --timeout 600 -j "$jobs")
	echo "dev.sh: the same tests with AddressSanitizer, LeakSanitizer and UBSan"
	build build-asan -DCMAKE_BUILD_TYPE=Debug -DSIGNPOST_WERROR=ON -DSIGNPOST_SANITIZE=ON -DSIGNPOST_TEST_HOOKS=ON
	# Mesa's GL driver is loaded and unloaded by SDL, so LeakSanitizer cannot
	# name (or suppress) the memory it keeps for the process's life: the
	# sanitizer run draws with SDL's software renderer, which we own end to end.
	(cd build-asan &&
		SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0" \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure --timeout 900 -j "$jobs")
	echo "dev.sh: fuzzing the loader for 60 s"
	limit 600 "the fuzz run (tests/fuzz/run.sh 60)" sh tests/fuzz/run.sh 60
	echo "dev.sh: Raspberry Pi builds: arm64 cross build, its tests under qemu, the packages"
	limit 3600 "the Raspberry Pi builds (toolchain/cross.sh test)" sh toolchain/cross.sh test
	# the installed .deb on the Linux console, in a virtual machine
	# (Debian 12 amd64 under QEMU; the image is made once and cached)
	if [ "$(dpkg --print-architecture)" = amd64 ]; then
		# the package cross.sh made for this machine, as shipped (no test
		# hooks: the VM's faults come from a preloaded library)
		deb=""
		for deb in build-cross-amd64/signpost_*_amd64.deb; do break; done
		[ -e "$deb" ] || deb=""
		echo "dev.sh: the .deb on the console: Debian 12 in QEMU (tests/system/vm.sh ${deb:-with build/'s package})"
		limit 3600 "the system test (tests/system/vm.sh)" $root_prefix sh tests/system/vm.sh $deb
	else
		echo "dev.sh: the system test (tests/system/vm.sh) needs an amd64 machine; not run here"
	fi
	;;
*)
	echo "usage: sh toolchain/dev.sh run|test" >&2
	exit 2
	;;
esac
