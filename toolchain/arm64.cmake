# toolchain/arm64.cmake — cross build for 64-bit Raspberry Pi OS bookworm
# (Pi 3, 4, 5, 400, Zero 2 W) on Debian 12, the Debian way: no sysroot, the
# cross compiler, and the target's pkg-config wrapper, which finds the arm64
# libraries that multiarch installed in /usr/lib/aarch64-linux-gnu
# (dpkg --add-architecture arm64; apt-get install crossbuild-essential-arm64
# libsdl2-dev:arm64 ...). `sh toolchain/cross.sh build arm64` installs those
# and uses this file:
#
#   cmake -S . -B build-cross-arm64 -DCMAKE_TOOLCHAIN_FILE=toolchain/arm64.cmake
#
# ctest runs each test program through qemu-user (package qemu-user). `-L /`
# makes qemu load the multiarch dynamic loader (/lib/ld-linux-aarch64.so.1,
# from libc6:arm64) and so the libc that goes with it: the copy under
# /usr/aarch64-linux-gnu belongs to the cross toolchain's libc, which is
# older than libc6:arm64 and would be mixed with its libc.so.6.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "pkg-config for the target")
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L / CACHE STRING "Runs the target's programs (tests)")
