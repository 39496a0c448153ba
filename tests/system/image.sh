#!/bin/sh
# tests/system/image.sh — a minimal Debian 12 machine for the system test
# (tests/system/vm.sh): debootstrap minbase plus what booting under QEMU and
# being driven over ssh need (systemd, udev, a kernel, openssh-server,
# and sudo, which Raspberry Pi OS has and the staff key uses),
# nothing graphic — the .deb must bring everything the kiosk needs.
#
#   sh tests/system/image.sh [CACHE]      (default /var/cache/signpost-vm)
#
# Leaves in CACHE: base.img (raw ext4, the root file system, booted through
# a qcow2 overlay so it stays pristine), vmlinuz, initrd.img, and id_ed25519
# (root's ssh key in the guest). Made once (about 7 minutes); made again
# only when this script changes. Needs root, debootstrap, mkfs.ext4 (-d).
set -eu

cache=${1:-${SIGNPOST_VM_CACHE:-/var/cache/signpost-vm}}
mirror=${SIGNPOST_MIRROR:-http://deb.debian.org/debian}
here=$(cd "$(dirname "$0")" && pwd)
stamp=$(sha256sum "$here/image.sh" | cut -c1-16)

if [ -e "$cache/ready-$stamp" ]; then
	echo "image: cached in $cache ($stamp)"
	exit 0
fi
start=$(date +%s)
mkdir -p "$cache"
rm -rf "$cache/root" "$cache"/ready-* "$cache/base.img"
root=$cache/root
echo "image: debootstrap bookworm into $root (log: $cache/debootstrap.log)"
debootstrap --variant=minbase \
	--include=systemd-sysv,udev,kmod,dbus,linux-image-amd64,openssh-server,procps,iproute2,sudo \
	bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
	{ tail -n 30 "$cache/debootstrap.log"; exit 1; }

echo signpost-vm >"$root/etc/hostname"
echo '/dev/vda / ext4 defaults,errors=remount-ro 0 1' >"$root/etc/fstab"
# QEMU's user networking: DHCP, and its DNS forwarder
cat >"$root/etc/systemd/network/80-vm.network" <<'EOF'
[Match]
Name=en* eth*

[Network]
DHCP=ipv4
EOF
rm -f "$root/etc/resolv.conf"
echo 'nameserver 10.0.2.3' >"$root/etc/resolv.conf"
ln -sf /lib/systemd/system/systemd-networkd.service \
	"$root/etc/systemd/system/multi-user.target.wants/systemd-networkd.service"
# root over ssh with the test's key only; the console needs no password
[ -e "$cache/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C signpost-vm -f "$cache/id_ed25519"
mkdir -p -m 700 "$root/root/.ssh"
cp "$cache/id_ed25519.pub" "$root/root/.ssh/authorized_keys"
chroot "$root" passwd -d root >/dev/null
# the kiosk's run-time libraries are downloaded in advance (not installed),
# so that `apt install ./signpost_*.deb` in the guest needs no mirror
cp /etc/resolv.conf "$root/etc/resolv.conf"
chroot "$root" apt-get update -q >"$cache/apt.log" 2>&1
chroot "$root" apt-get install -q -y -d --no-install-recommends \
	libsdl2-2.0-0 libsdl2-ttf-2.0-0 libyaml-0-2 libpng16-16 libfontconfig1 libfribidi0 \
	libqrencode4 fontconfig fonts-dejavu-core adduser libegl1 libgl1 libgl1-mesa-dri \
	>>"$cache/apt.log" 2>&1 || { tail -n 20 "$cache/apt.log"; exit 1; }
echo 'nameserver 10.0.2.3' >"$root/etc/resolv.conf"

cp -L "$root/vmlinuz" "$cache/vmlinuz"
cp -L "$root/initrd.img" "$cache/initrd.img"
echo "image: base.img (raw ext4, 4 GiB sparse)"
mkfs.ext4 -q -F -L signpost-root -d "$root" "$cache/base.img" 4G
rm -rf "$root"
touch "$cache/ready-$stamp"
echo "image: made in $(($(date +%s) - start)) s"
