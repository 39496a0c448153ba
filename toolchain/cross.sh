#!/bin/sh
# toolchain/cross.sh — Raspberry Pi builds from a Debian 12 amd64 machine:
# cross builds through Debian multiarch, their tests under qemu-user, and the
# .deb to install on the Pi (see toolchain/INSTALL-ON-PI.md).
#
#   sh toolchain/cross.sh build arm64|armhf|amd64
#         install what is missing, build, and make
#         build-cross-ARCH/signpost_VERSION_ARCH.deb
#   sh toolchain/cross.sh test [arm64|armhf ...]
#         (default: arm64 on a PC; on the Pi, none) cross-build with warnings
#         as errors and run ctest under qemu (all but the Xvfb tests), compare
#         --check and --preview with the native build, build the packages (and
#         the native one), check their contents, Depends and every
#         program's hardening (readelf), run lintian, and
#         install the native one into a scratch Debian root (install, check,
#         reinstall, remove, purge). Ends with "N passed, N failed".
#
# arm64 is 64-bit Raspberry Pi OS (Pi 3, 4, 5, Zero 2 W); armhf the 32-bit
# one on ARMv7 and later (not the ARMv6 Pi 1 and Zero). Build directories go
# into the checkout, or into $SIGNPOST_BUILD_ROOT when it is set. Works as
# root or through sudo; only missing packages are installed.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jobs=$(nproc 2>/dev/null || echo 2)
out=${SIGNPOST_BUILD_ROOT:-$here}
mkdir -p "$out"
out=$(cd "$out" && pwd)
host_arch=$(dpkg --print-architecture)
mirror=${SIGNPOST_MIRROR:-http://deb.debian.org/debian}

# Host tools, and the target's libraries (the -dev packages of dev.sh).
build_pkgs="build-essential cmake pkg-config dpkg-dev fontconfig fonts-dejavu-core"
target_pkgs="libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libpng-dev libjpeg-dev libyaml-dev libfontconfig-dev libfribidi-dev libharfbuzz-dev libqrencode-dev libespeak-ng-dev"
test_pkgs="imagemagick lintian debootstrap"

. toolchain/as-root.sh
. toolchain/limit.sh

triplet() { # ARCH -> GNU triplet of Debian's cross compiler
	case $1 in
	arm64) echo aarch64-linux-gnu ;;
	armhf) echo arm-linux-gnueabihf ;;
	amd64) echo x86_64-linux-gnu ;;
	*)
		echo "cross.sh: unknown architecture '$1' (arm64, armhf or amd64)" >&2
		exit 2
		;;
	esac
}

# Packages to install for ARCH (the target libraries qualified by :ARCH).
pkgs_for() {
	if [ "$1" = "$host_arch" ]; then
		echo "$target_pkgs"
	else
		echo "crossbuild-essential-$1"
		for p in $target_pkgs; do echo "$p:$1"; done
	fi
}

install_missing() { # ARCH... [-- more packages]
	archs="" extra="" missing="" added=""
	while [ $# -gt 0 ]; do
		[ "$1" = -- ] && { shift; extra="$*"; break; }
		archs="$archs $1"
		shift
	done
	for a in $archs; do
		[ "$a" = "$host_arch" ] && continue
		if ! dpkg --print-foreign-architectures | grep -qx "$a"; then
			echo "cross.sh: adding the $a architecture to dpkg"
			as_root dpkg --add-architecture "$a"
			added="$added $a"
		fi
	done
	for p in $build_pkgs $extra $(for a in $archs; do pkgs_for "$a"; done); do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing$added" ] && return 0
	echo "cross.sh: installing:$missing"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
		echo "cross.sh: apt-get update had errors; trying to install anyway" >&2
	# shellcheck disable=SC2086
	if [ -n "$missing" ] && ! as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends $missing; then
		# An architecture without its packages would only slow down (or,
		# with a broken mirror, fail) every later apt-get update.
		for a in $added; do as_root dpkg --remove-architecture "$a" || true; done
		echo "cross.sh: could not install:$missing" >&2
		exit 2
	fi
}

# configure_build ARCH DIR TARGET [cmake options...]: Release with Debian's
# hardening flags and, on 32 bits, large-file support (without it readdir()
# fails under qemu-arm on a 64-bit kernel, whose ext4 returns 64-bit
# directory offsets); prefix /usr (so the content goes to /etc/signpost).
configure_build() {
	arch=$1 dir=$2 target=$3
	shift 3
	set -- -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr "$@"
	if [ "$arch" != "$host_arch" ]; then
		set -- -DCMAKE_TOOLCHAIN_FILE="$here/toolchain/$arch.cmake" "$@"
	fi
	flags() {
		DEB_HOST_ARCH=$arch DEB_BUILD_MAINT_OPTIONS="hardening=+all future=+lfs" \
			dpkg-buildflags --get "$1" 2>/dev/null
	}
	if [ -z "${SOURCE_DATE_EPOCH:-}" ] && [ -d .git ] && command -v git >/dev/null 2>&1; then
		SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || true)
		[ -n "$SOURCE_DATE_EPOCH" ] && export SOURCE_DATE_EPOCH
	fi
	mkdir -p "$dir"
	cmake -S "$here" -B "$dir" "$@" \
		-DCMAKE_C_FLAGS="$(flags CPPFLAGS) $(flags CFLAGS)" \
		-DCMAKE_EXE_LINKER_FLAGS="$(flags LDFLAGS)" >"$dir/configure.log" 2>&1 ||
		{ cat "$dir/configure.log" >&2; exit 1; }
	cmake --build "$dir" -j "$jobs" ${target:+--target "$target"}
}

package() { # DIR: the .deb, printed as its path
	(cd "$1" && cpack -G DEB >cpack.log 2>&1) || { cat "$1/cpack.log" >&2; exit 1; }
	sed -n 's/^CPack: - package: \(.*\) generated\.$/\1/p' "$1/cpack.log"
}

# The emulator ctest uses, from the build's cache (set by the toolchain file).
emulator() { # DIR
	sed -n 's/^CMAKE_CROSSCOMPILING_EMULATOR:[A-Z]*=//p' "$1/CMakeCache.txt" | tr ';' ' '
}

passed=0 failed=0
check() { # NAME COMMAND...: run a check, keep its output in a log, count it
	name=$1
	shift
	log="$out/build-cross-logs/$(echo "$name" | tr -c 'A-Za-z0-9\n' '_').log"
	mkdir -p "$out/build-cross-logs"
	start=$(date +%s)
	# a program runs under a time limit; a function here (run_ctest) is
	# bounded by what it runs (ctest --timeout)
	case $(command -v "$1") in /*) set -- limit 1800 "$name" "$@" ;; esac
	if "$@" >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "cross.sh: ok    $name ($(($(date +%s) - start)) s)"
	else
		failed=$((failed + 1))
		echo "cross.sh: FAIL  $name ($(($(date +%s) - start)) s); the end of $log:"
		tail -n 40 "$log" | sed 's/^/    /'
	fi
}

lint() { # ARCH DEB: no errors; warnings are shown
	check "$1: lintian, no errors" lintian --fail-on error "$2"
	grep -E '^[EW]: ' "$log" | sed 's/^/    /' || true
}

run_ctest() { # DIR
	(cd "$1" && ctest -E '^cli_' --output-on-failure --timeout 900 -j "$jobs")
}

case "${1:-}" in
build)
	[ $# = 2 ] || { echo "usage: sh toolchain/cross.sh build arm64|armhf|amd64" >&2; exit 2; }
	triplet "$2" >/dev/null
	install_missing "$2"
	dir="$out/build-cross-$2"
	configure_build "$2" "$dir" signpost
	deb=$(package "$dir")
	echo "cross.sh: $deb ($(du -k "$deb" | cut -f1) KiB)"
	;;
test)
	shift
	# On a PC, arm64 by default; on the Pi itself, its own package only.
	[ $# -gt 0 ] || [ "$host_arch" != amd64 ] || set -- arm64
	cross=""
	for a in "$@"; do
		triplet "$a" >/dev/null
		if [ "$a" = "$host_arch" ]; then
			echo "cross.sh: $a is this machine's own architecture: its package is the native one"
		else
			cross="$cross $a"
		fi
	done
	# shellcheck disable=SC2086
	install_missing "$host_arch" $cross -- $test_pkgs ${cross:+qemu-user}
	t0=$(date +%s)
	rm -rf "$out/build-cross-logs"
	native="$out/build-cross-$host_arch"
	configure_build "$host_arch" "$native" signpost -DSIGNPOST_WERROR=ON
	native_deb=$(package "$native")
	debs=$native_deb
	for a in $cross; do
		dir="$out/build-cross-$a"
		configure_build "$a" "$dir" "" -DSIGNPOST_WERROR=ON
		deb=$(package "$dir")
		debs="$debs $deb"
		check "$a: ctest under $(emulator "$dir" | cut -d' ' -f1)" run_ctest "$dir"
		# shellcheck disable=SC2046
		check "$a: --check and --preview match $host_arch" \
			sh tests/package/same-output.sh "$here" "$native/signpost" $(emulator "$dir") "$dir/signpost"
		check "$a: package contents and Depends" sh tests/package/contents.sh "$deb" "$a" "$here"
		check "$a: every program hardened (readelf)" sh tests/package/hardening.sh "$dir"
		lint "$a" "$deb"
	done
	check "$host_arch: package contents and Depends" sh tests/package/contents.sh "$native_deb" "$host_arch" "$here"
	check "$host_arch: every program hardened (readelf)" sh tests/package/hardening.sh "$native"
	lint "$host_arch" "$native_deb"
	check "$host_arch: install, check, reinstall, remove, purge in a scratch root" \
		$root_prefix sh tests/package/install.sh "$native_deb" "$out/build-cross-root" "$mirror"
	for deb in $debs; do
		echo "cross.sh: $deb ($(du -k "$deb" | cut -f1) KiB)"
	done
	echo "cross.sh: $passed passed, $failed failed ($(($(date +%s) - t0)) s after installing)"
	[ "$failed" = 0 ]
	;;
*)
	echo "usage: sh toolchain/cross.sh build arm64|armhf|amd64" >&2
	echo "       sh toolchain/cross.sh test [arm64|armhf ...]" >&2
	exit 2
	;;
esac
