#!/bin/sh
# tests/package/contents.sh — a signpost .deb holds what it promises: its name,
# version and architecture; every file the install rules put in it; the live
# content as a conffile; the maintainer scripts; a hardened binary for the
# right machine; and Depends that name the package of every library the binary
# links (and no library it does not link, except what SDL opens at run time
# on KMS/DRM: EGL, OpenGL and Mesa's drivers; and the voices libespeak-ng reads).
#
#   sh tests/package/contents.sh DEB ARCH SRC
#
# Called by toolchain/cross.sh test. The target's libraries must be installed
# (multiarch) for the library-to-package look-up. The binary's hardening is
# tests/package/hardening.sh's to check.
set -eu

deb=$1 arch=$2 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() {
	echo "FAIL: $*"
	fail=1
}

version=$(sed -n 's/^project(signpost VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ "$(basename "$deb")" = "signpost_${version}_${arch}.deb" ] ||
	bad "file name $(basename "$deb"), expected signpost_${version}_${arch}.deb"
for field in Package:signpost Version:$version Architecture:$arch; do
	got=$(dpkg-deb -f "$deb" "${field%%:*}")
	[ "$got" = "${field#*:}" ] || bad "${field%%:*} is '$got', expected '${field#*:}'"
done

# Files: what the install rules promise.
dpkg-deb --contents "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' >"$tmp/files"
expect="/usr/bin/signpost /etc/signpost/content.yaml /usr/share/signpost/content.yaml
/usr/share/doc/signpost/copyright /usr/share/doc/signpost/changelog.gz"
[ -e "$src/config/signpostctl" ] && expect="$expect /usr/bin/signpostctl"
[ -e "$src/config/remote/sshd-signpost.conf" ] && expect="$expect /etc/ssh/sshd_config.d/signpost-staff.conf"
for page in "$src"/config/man/*.1; do
	[ -e "$page" ] && expect="$expect /usr/share/man/man1/$(basename "$page").gz"
done
[ -e "$src/config/signpost-tmpfiles.conf" ] && expect="$expect /usr/lib/tmpfiles.d/signpost.conf"
[ -e "$src/README.md" ] && expect="$expect /usr/share/doc/signpost/README.md"
[ -e "$src/config/GUIDE.md" ] && expect="$expect /usr/share/doc/signpost/GUIDE.md /usr/share/doc/signpost/INSTALL.md"
if [ -e "$src/config/signpost.service.in" ] || [ -e "$src/config/signpost.service" ]; then
	expect="$expect /usr/lib/systemd/system/signpost.service"
fi
for dir in assets config/remote config/os; do
	[ -d "$src/$dir" ] || continue
	dest=/usr/share/signpost/$(basename "$dir")
	expect="$expect $(cd "$src/$dir" && find . -type f | sed "s|^\.|$dest|")"
done
missing=0
for f in $expect; do
	grep -qx "$f" "$tmp/files" || { bad "$f is not in the package"; missing=$((missing + 1)); }
done
echo "files: $(($(echo "$expect" | wc -w) - missing)) of the $(echo "$expect" | wc -w) expected files are there"

# The live content: a conffile, the same as the default.
dpkg-deb --ctrl-tarfile "$deb" | tar -x -C "$tmp" ./conffiles ./postinst ./prerm ./postrm ||
	bad "conffiles or a maintainer script is missing"
grep -qx /etc/signpost/content.yaml "$tmp/conffiles" 2>/dev/null ||
	bad "/etc/signpost/content.yaml is not listed in conffiles"
if [ -e "$src/config/remote/sshd-signpost.conf" ]; then
	grep -qx /etc/ssh/sshd_config.d/signpost-staff.conf "$tmp/conffiles" 2>/dev/null ||
		bad "/etc/ssh/sshd_config.d/signpost-staff.conf is not listed in conffiles"
fi
for s in postinst prerm postrm; do
	[ -x "$tmp/$s" ] || bad "$s is not executable"
done
mkdir "$tmp/root"
dpkg-deb -x "$deb" "$tmp/root"
cmp -s "$tmp/root/etc/signpost/content.yaml" "$src/config/content.yaml" ||
	bad "/etc/signpost/content.yaml differs from config/content.yaml"

# The binary: for this architecture, stripped.
bin=$tmp/root/usr/bin/signpost
case $arch in
arm64) machine=AArch64 triplet=aarch64-linux-gnu ;;
armhf) machine=ARM triplet=arm-linux-gnueabihf ;;
amd64) machine=X86-64 triplet=x86_64-linux-gnu ;;
*) machine=unknown triplet=unknown ;;
esac
readelf -h "$bin" | grep -q "Machine:.*$machine" || bad "/usr/bin/signpost is not an $machine binary"
readelf -S "$bin" | grep -q '\.debug_info' && bad "/usr/bin/signpost is not stripped"
# hardened: PIE, BIND_NOW, full RELRO, stack protector, _FORTIFY_SOURCE
if sh "$src/tests/package/hardening.sh" "$bin" >"$tmp/hardening"; then
	echo "hardening: $(head -n 1 "$tmp/hardening" | sed "s|$tmp/root||")"
else
	bad "/usr/bin/signpost is not hardened: $(head -n 1 "$tmp/hardening" | sed "s|$tmp/root||")"
fi

# Depends: every linked library's package is named, and every library
# package named is linked. Other dependencies are the ones packaging.cmake
# adds on purpose.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | sort >"$tmp/depends"
readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >"$tmp/needed"
: >"$tmp/linked"
while read -r soname; do
	pkg=$(dpkg -S "/lib/$triplet/$soname" "/usr/lib/$triplet/$soname" 2>/dev/null |
		head -n 1 | cut -d: -f1)
	if [ -z "$pkg" ]; then
		bad "no installed package has $soname for $arch"
		continue
	fi
	echo "$pkg" >>"$tmp/linked"
	grep -qx "$pkg" "$tmp/depends" || bad "links $soname but Depends does not name $pkg"
done <"$tmp/needed"
sort -u "$tmp/linked" -o "$tmp/linked"
# What it needs without linking it: the fallback font, fontconfig, adduser,
# and what SDL loads at run time on KMS/DRM (without them: "EGL not
# initialized" on the console, issue #14), and espeak-ng's voices.
for pkg in adduser fontconfig fonts-dejavu-core libegl1 libgl1 libgl1-mesa-dri espeak-ng-data; do
	grep -qx "$pkg" "$tmp/depends" || bad "Depends does not name $pkg"
done
echo "linked: $(tr '\n' ' ' <"$tmp/linked")"
while read -r pkg; do
	case $pkg in
	adduser | fontconfig | fonts-dejavu-core | libegl1 | libgl1 | libgl1-mesa-dri | espeak-ng-data) ;;
	*) grep -qx "$pkg" "$tmp/linked" || bad "Depends names $pkg, which the binary does not link" ;;
	esac
done <"$tmp/depends"

[ "$fail" = 0 ] && echo "ok: $(basename "$deb")"
exit $fail
