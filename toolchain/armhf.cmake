# toolchain/armhf.cmake — cross build for 32-bit Raspberry Pi OS bookworm on
# Debian 12; see arm64.cmake, which this follows. Debian's armhf is ARMv7
# (Thumb-2, VFPv3-D16): the result runs on the Pi 2, 3, 4, 5, 400 and
# Zero 2 W with the 32-bit OS, not on the ARMv6 Pi 1, Zero and Zero W.
#
#   cmake -S . -B build-cross-armhf -DCMAKE_TOOLCHAIN_FILE=toolchain/armhf.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(PKG_CONFIG_EXECUTABLE arm-linux-gnueabihf-pkg-config CACHE FILEPATH "pkg-config for the target")
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -L / CACHE STRING "Runs the target's programs (tests)")
