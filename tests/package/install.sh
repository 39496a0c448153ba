#!/bin/sh
# tests/package/install.sh — the package as a volunteer meets it, in a scratch
# Debian 12 root (debootstrap minbase; no systemd running):
# `apt-get install ./signpost_*.deb` pulls in its Depends and nothing else is
# needed for the installed `signpost --check` and `--preview` to pass on
# /etc/signpost/content.yaml, also as the `signpost` user, who is in the
# video, input and render groups; the service is enabled for boot; an edited
# content file survives a reinstall, an upgrade with a new default and a
# remove; /etc/signpost belongs to signpost-publish (the account staff
# publish as) and no group may write it; purge takes the users, their
# groups, /var/lib/signpost, /var/lib/signpost-publish and /etc/signpost
# away.
#
#   sh tests/package/install.sh DEB ROOTDIR [MIRROR]
#
# ROOTDIR/pristine is made once (debootstrap, about 30 s) and keeps the
# packages downloaded for signpost's Depends; each run copies it to
# ROOTDIR/scratch. Needs root (chroot) and debootstrap.
set -eu

deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$2
mirror=${3:-http://deb.debian.org/debian}
pristine=$root/pristine scratch=$root/scratch
fail=0
bad() {
	echo "FAIL: $*"
	fail=1
}

mkdir -p "$root"
if [ ! -e "$pristine/.signpost-ready" ]; then
	rm -rf "$pristine"
	echo "making a Debian 12 minbase root in $pristine"
	debootstrap --variant=minbase bookworm "$pristine" "$mirror" >"$root/debootstrap.log" 2>&1 ||
		{ tail -n 20 "$root/debootstrap.log"; exit 1; }
	touch "$pristine/.signpost-ready"
fi
rm -rf "$scratch"
cp -a "$pristine" "$scratch"
cp /etc/resolv.conf "$scratch/etc/resolv.conf"
cp "$deb" "$scratch/tmp/"
pkg=/tmp/$(basename "$deb")

in_root() {
	chroot "$scratch" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
# as_kiosk CMD...: as the signpost user, the way the service runs it
as_kiosk() {
	in_root setpriv --reuid=signpost --regid=signpost --init-groups \
		env HOME=/var/lib/signpost "$@"
}

echo "== apt-get install $pkg"
in_root apt-get update -q >/dev/null
in_root apt-get install -y -q --no-install-recommends "$pkg" >"$root/install.log" 2>&1 ||
	{ tail -n 30 "$root/install.log"; exit 1; }
grep -E '^(Setting up|E:|W:)' "$root/install.log" | tail -n 5
# Keep the downloads for the next run.
cp -n "$scratch"/var/cache/apt/archives/*.deb "$pristine/var/cache/apt/archives/" 2>/dev/null || true

echo "== the installed program"
in_root signpost --version
if in_root signpost --check --config /etc/signpost/content.yaml >"$root/check.log" 2>&1; then
	tail -n 1 "$root/check.log"
else
	bad "signpost --check --config /etc/signpost/content.yaml failed:"
	cat "$root/check.log"
fi
in_root signpost --check >/dev/null 2>&1 || bad "signpost --check (the default file) failed"
as_kiosk signpost --check --config /etc/signpost/content.yaml >/dev/null 2>&1 ||
	bad "signpost --check fails for the signpost user"
in_root mkdir -p /tmp/preview
in_root chown signpost /tmp/preview
if as_kiosk signpost --preview /tmp/preview --config /etc/signpost/content.yaml >/dev/null 2>&1; then
	echo "--preview as the signpost user: $(find "$scratch/tmp/preview" -name '*.png' | wc -l) pictures"
else
	bad "signpost --preview fails for the signpost user"
fi
[ -x "$scratch/usr/bin/signpostctl" ] && {
	in_root signpostctl check >/dev/null 2>&1 || bad "signpostctl check failed"
}

echo "== user, groups, service, conffile"
in_root getent passwd signpost || bad "no signpost user"
groups=$(in_root id -nG signpost || true)
echo "signpost is in: $groups"
for g in signpost video input render audio; do
	echo " $groups " | grep -q " $g " || bad "signpost is not in the group $g"
done
shell=$(in_root getent passwd signpost | cut -d: -f7)
case $shell in */nologin | */false) ;; *) bad "signpost has a login shell: $shell" ;; esac
if [ -e "$scratch/usr/lib/systemd/system/signpost.service" ]; then
	wants=$(in_root sh -c 'ls /etc/systemd/system/*.wants/signpost.service 2>/dev/null' || true)
	if [ -n "$wants" ]; then echo "enabled: $wants"; else bad "the service is not enabled"; fi
fi
# shellcheck disable=SC2016
in_root dpkg-query -W -f='${Conffiles}\n' signpost | grep -q /etc/signpost/content.yaml ||
	bad "dpkg does not list /etc/signpost/content.yaml as a conffile"

# only signpostctl put (as signpost-publish) and root write the content
owner=$(in_root stat -c '%U:%G %a' /etc/signpost)
echo "/etc/signpost: $owner"
[ "$owner" = "signpost-publish:signpost-publish 755" ] || bad "/etc/signpost is $owner, not signpost-publish's, 755"
shell=$(in_root getent passwd signpost-publish | cut -d: -f7)
case $shell in */nologin | */false) ;; *) bad "signpost-publish has a login shell: '$shell'" ;; esac
[ -f "$scratch/var/lib/signpost-publish/lock" ] || bad "no /var/lib/signpost-publish/lock"
in_root dpkg-query -W -f='${Conffiles}\n' signpost | grep -q /etc/ssh/sshd_config.d/signpost-staff.conf ||
	bad "the sshd drop-in is not a conffile"
[ -s "$scratch/usr/share/man/man1/signpostctl.1.gz" ] || bad "no manual page signpostctl(1)"

echo "== the staff's edit is kept"
echo '# edited by staff' >>"$scratch/etc/signpost/content.yaml"
in_root dpkg -i "$pkg" >/dev/null 2>&1 || bad "reinstalling failed"
tail -n 1 "$scratch/etc/signpost/content.yaml" | grep -q 'edited by staff' ||
	bad "reinstalling overwrote the edited /etc/signpost/content.yaml"
in_root signpost --check >/dev/null 2>&1 || bad "signpost --check failed after the reinstall"
# An upgrade whose default content changed: dpkg keeps the staff's file (as
# when asked and answered N) and puts the new default beside it. A service
# the administrator disabled stays disabled.
up=$root/upgrade
rm -rf "$up" && mkdir -p "$up"
dpkg-deb -R "$deb" "$up/pkg"
sed -i 's/^Version: .*/&+upgradetest/' "$up/pkg/DEBIAN/control"
echo '# a newer default' >>"$up/pkg/etc/signpost/content.yaml"
(cd "$up/pkg" && find etc usr -type f -exec md5sum {} + >DEBIAN/md5sums)
dpkg-deb -b "$up/pkg" "$scratch/tmp/upgrade.deb" >/dev/null
unit_file=$scratch/usr/lib/systemd/system/signpost.service
[ -e "$unit_file" ] && in_root env DPKG_MAINTSCRIPT_PACKAGE=signpost deb-systemd-helper disable signpost.service
in_root dpkg --force-confold -i /tmp/upgrade.deb >"$root/upgrade.log" 2>&1 ||
	{ bad "the upgrade failed:"; cat "$root/upgrade.log"; }
if [ -e "$unit_file" ]; then
	in_root sh -c 'ls /etc/systemd/system/*.wants/signpost.service' >/dev/null 2>&1 &&
		bad "the upgrade enabled the service the administrator had disabled"
	in_root env DPKG_MAINTSCRIPT_PACKAGE=signpost deb-systemd-helper enable signpost.service
fi
tail -n 1 "$scratch/etc/signpost/content.yaml" | grep -q 'edited by staff' ||
	bad "the upgrade overwrote the edited /etc/signpost/content.yaml"
tail -n 1 "$scratch/etc/signpost/content.yaml.dpkg-dist" 2>/dev/null | grep -q 'a newer default' ||
	bad "the upgrade did not leave the new default in content.yaml.dpkg-dist"
echo "upgrade: the edit kept, the new default in /etc/signpost/content.yaml.dpkg-dist"
in_root apt-get remove -y -q signpost >/dev/null 2>&1 || bad "apt-get remove failed"
[ -e "$scratch/usr/bin/signpost" ] && bad "remove left /usr/bin/signpost"
tail -n 1 "$scratch/etc/signpost/content.yaml" 2>/dev/null | grep -q 'edited by staff' ||
	bad "remove (not purge) lost the edited /etc/signpost/content.yaml"

echo "== purge"
echo 'an editor backup' >"$scratch/etc/signpost/content.yaml~"
in_root apt-get purge -y -q signpost >/dev/null 2>&1 || bad "apt-get purge failed"
in_root getent passwd signpost >/dev/null && bad "purge left the signpost user"
in_root getent group signpost >/dev/null && bad "purge left the signpost group"
in_root getent passwd signpost-publish >/dev/null && bad "purge left the signpost-publish user"
in_root getent group signpost-publish >/dev/null && bad "purge left the signpost-publish group"
for g in video input render audio; do
	in_root getent group "$g" >/dev/null || bad "purge removed the system group $g"
done
for p in /etc/signpost /var/lib/signpost /var/lib/signpost-publish /etc/ssh/sshd_config.d/signpost-staff.conf; do
	[ -e "$scratch$p" ] && bad "purge left $p"
done
in_root sh -c 'ls /etc/systemd/system/*.wants/signpost.service' >/dev/null 2>&1 &&
	bad "purge left the service enabled"

[ "$fail" = 0 ] && echo "ok: installed, checked, reinstalled, removed and purged"
exit $fail
