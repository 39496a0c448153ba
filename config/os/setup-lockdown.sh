#!/bin/sh
# setup-lockdown.sh [--overlay] — lock a Raspberry Pi OS (bookworm) kiosk down
# so that a visitor with the touchscreen or an attached keyboard cannot leave
# the kiosk, and so that the SD card is spared. Run as root on the Pi, once;
# running it again changes nothing. See README, "On the Raspberry Pi" ->
# "Lockdown". It:
#   - masks getty@tty1 (no login prompt on the kiosk's console) and
#     ctrl-alt-del.target (Ctrl+Alt+Del does nothing): links to /dev/null;
#   - installs the drop-ins next to this script: system.conf.d (no forced
#     reboot by a Ctrl+Alt+Del burst; hardware watchdog 14 s), logind.conf.d
#     (no logins on other consoles, power keys ignored), sysctl.d (no Magic
#     SysRq), journald.conf.d (journal in RAM only);
#   - closes SSH password logins (sshd_config.d: keys only), but only once
#     it has seen an administrator (a member of the group sudo) log in over
#     SSH with a key that is still in their authorized_keys (sshd's
#     "Accepted publickey" in the journal, or /var/log/auth.log), so it
#     cannot lock the volunteer out; otherwise it says how to make that
#     login and leaves passwords on;
#   - on a Desktop image (a display manager installed): boots to the
#     console (default.target -> multi-user.target) and masks the display
#     manager, so no logged-in desktop waits behind the kiosk (Ctrl+Alt+F7);
#   - leaves network time on, and turns it on if it is off (`timedatectl
#     set-ntp true`): the kiosk applies opening hours and sleep only once
#     the clock is synchronised (INSTALL.md, "The time"); says so when there
#     is no systemd-timesyncd to do it;
#   - with --overlay: makes the root file system read-only with a RAM overlay
#     (Raspberry Pi OS's `raspi-config nonint enable_overlayfs`). Every change
#     is then lost at reboot, so do this last; undo with
#     `sudo raspi-config nonint disable_overlayfs` and a reboot. Just before,
#     it saves the time for fake-hwclock (`fake-hwclock save`): under the
#     overlay its saved time can no longer move on, so it is as recent as it
#     can be. (Keeping it fresh would mean writing the boot partition every
#     hour, which a power cut can damage; the kiosk never trusts that time
#     anyway.)
# ROOT=DIR puts everything under DIR instead of / and touches nothing of the
# running system (no systemctl, no sysctl, no raspi-config, no sshd
# reload; SSH logins are read from DIR/var/log/auth.log): for tests and
# for preparing an image.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=${ROOT:-/}
root=${root%/}
overlay=no
for a in "$@"; do
	case "$a" in
	--overlay) overlay=yes ;;
	-h | --help)
		sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "setup-lockdown.sh: unknown option '$a' (only --overlay)" >&2
		exit 2
		;;
	esac
done
live=no
[ -z "$root" ] && live=yes
if [ "$live" = yes ] && [ "$(id -u)" != 0 ]; then
	echo "setup-lockdown.sh: run as root: sudo sh $0 $*" >&2
	exit 2
fi

changed=0
say() { echo "setup-lockdown.sh: $*"; }

# install_file SRC DEST: copies when missing or different
install_file() {
	dest=$root$2
	if [ -f "$dest" ] && cmp -s "$1" "$dest"; then
		say "unchanged  $2"
		return
	fi
	mkdir -p "$(dirname "$dest")"
	cp "$1" "$dest.tmp.$$"
	chmod 0644 "$dest.tmp.$$"
	mv -f "$dest.tmp.$$" "$dest"
	say "installed  $2"
	changed=$((changed + 1))
}

# mask UNIT: what `systemctl mask` does, a link to /dev/null in /etc
mask() {
	link=$root/etc/systemd/system/$1
	if [ -L "$link" ] && [ "$(readlink "$link")" = /dev/null ]; then
		say "unchanged  $1 masked"
		return
	fi
	mkdir -p "$(dirname "$link")"
	rm -f "$link"
	ln -s /dev/null "$link"
	say "masked     $1 (/etc/systemd/system/$1 -> /dev/null)"
	changed=$((changed + 1))
}

# link NAME TARGET: what `systemctl set-default` does, a link in /etc
link() {
	l=$root/etc/systemd/system/$1
	if [ -L "$l" ] && [ "$(readlink "$l")" = "$2" ]; then
		say "unchanged  $1 -> $2"
		return
	fi
	mkdir -p "$(dirname "$l")"
	rm -f "$l"
	ln -s "$2" "$l"
	say "set        $1 -> $2"
	changed=$((changed + 1))
}

# key_login: "USER FINGERPRINT" of an administrator (group sudo) whose
# last SSH login with a key is one that is still in their authorized_keys
# (sshd logs "Accepted publickey for USER from ... ssh2: ED25519
# SHA256:..."); nothing when there is none
key_login() {
	if [ "$live" = yes ]; then
		journalctl -q --no-pager _COMM=sshd 2>/dev/null
		journalctl -q --no-pager -u ssh -u sshd 2>/dev/null
	fi
	cat "$root/var/log/auth.log" 2>/dev/null
} 2>/dev/null
admin_with_key() {
	admins=$(awk -F: '$1 == "sudo" { gsub(/,/, " ", $4); print $4 }' "$root/etc/group" 2>/dev/null || true)
	key_login | sed -n 's/.*Accepted publickey for \([^ ]*\) from .* ssh2: [A-Z0-9-]* \(SHA256:[^ ]*\).*/\1 \2/p' |
		sort -u | while read -r user fp; do
			case " $admins " in *" $user "*) ;; *) continue ;; esac
			home=$(awk -F: -v u="$user" '$1 == u { print $6 }' "$root/etc/passwd" 2>/dev/null || true)
			keys=$root$home/.ssh/authorized_keys
			{ [ -n "$home" ] && [ -f "$keys" ]; } || continue
			ssh-keygen -lf "$keys" 2>/dev/null | awk '{ print $2 }' | grep -qx "$fp" || continue
			echo "$user $fp"
			break
		done
}

mask getty@tty1.service
mask ctrl-alt-del.target
# a Desktop image: the console at boot, and no display manager behind it
dm=$(readlink "$root/etc/systemd/system/display-manager.service" 2>/dev/null || true)
if [ -n "$dm" ]; then
	link default.target /lib/systemd/system/multi-user.target
	mask "$(basename "$dm")"
elif readlink "$root/etc/systemd/system/default.target" 2>/dev/null | grep -q 'graphical\.target$'; then
	link default.target /lib/systemd/system/multi-user.target
fi
install_file "$here/system.conf.d/signpost.conf" /etc/systemd/system.conf.d/signpost.conf
install_file "$here/logind.conf.d/signpost.conf" /etc/systemd/logind.conf.d/signpost.conf
install_file "$here/journald.conf.d/signpost.conf" /etc/systemd/journald.conf.d/signpost.conf
install_file "$here/sysctl.d/90-signpost.conf" /etc/sysctl.d/90-signpost.conf

# SSH: keys only, once a key login of an administrator was seen to work
nopassword=/etc/ssh/sshd_config.d/10-signpost-lockdown.conf
sshd_changed=no
if [ -f "$root$nopassword" ] && cmp -s "$here/sshd_config.d/signpost.conf" "$root$nopassword"; then
	say "unchanged  $nopassword (SSH: keys only)"
else
	seen=$(admin_with_key || true)
	if [ -n "$seen" ]; then
		before=$changed
		install_file "$here/sshd_config.d/signpost.conf" "$nopassword"
		[ "$changed" != "$before" ] && sshd_changed=yes
		say "closed     SSH password logins: ${seen%% *} has logged in with a key (${seen#* }) that is still in their authorized_keys; from now on only keys"
	else
		say "kept       SSH password logins: no administrator (group sudo) has logged in over SSH with a key"
		say "           still in their authorized_keys; so that this cannot lock you out, log in once with"
		say "           your key (ssh pi@kiosk.local from your computer, after ssh-copy-id), then run this again"
	fi
fi

if [ "$live" = yes ]; then
	if [ "$sshd_changed" = yes ]; then
		if sshd -t 2>/dev/null; then
			{ systemctl reload ssh 2>/dev/null || systemctl reload sshd; } && say "applied    SSH keys only now (sshd reloaded)"
		else
			rm -f "$nopassword"
			say "note: sshd -t refuses its configuration with $nopassword; removed it again, passwords stay on"
		fi
	fi
	if [ "$changed" -gt 0 ]; then
		systemctl daemon-reload
		sysctl -q -p /etc/sysctl.d/90-signpost.conf && say "applied    kernel.sysrq = 0 now"
		systemctl restart systemd-journald && say "applied    journal in RAM now"
	fi
	if systemctl is-active -q rsyslog 2>/dev/null; then
		say "note: rsyslog still writes /var/log to the SD card; 'sudo apt purge rsyslog' stops that"
	fi
	[ -e /dev/watchdog0 ] || say "note: no /dev/watchdog0: add dtparam=watchdog=on to /boot/firmware/config.txt"
	# network time stays on: without it the kiosk never applies its hours
	if [ "$(timedatectl show -p NTP --value 2>/dev/null)" = yes ]; then
		say "unchanged  network time on (systemd-timesyncd)"
	elif [ "$(timedatectl show -p CanNTP --value 2>/dev/null)" = yes ] && timedatectl set-ntp true; then
		say "enabled    network time (timedatectl set-ntp true)"
		changed=$((changed + 1))
	else
		say "note: no network time here (no systemd-timesyncd): the kiosk applies opening hours and sleep only with synchronised time; 'sudo apt install systemd-timesyncd', or a battery clock (INSTALL.md, 'The time')"
	fi
fi

if [ "$overlay" = yes ]; then
	if [ "$live" = no ]; then
		say "would save the time for fake-hwclock, if it is installed (not under ROOT=$root)"
		say "would run  raspi-config nonint enable_overlayfs (not under ROOT=$root)"
	elif command -v raspi-config >/dev/null 2>&1; then
		# the last time fake-hwclock can save: under the overlay it is
		# frozen (INSTALL.md, "The time")
		if command -v fake-hwclock >/dev/null 2>&1 && fake-hwclock save; then
			say "saved      the time for fake-hwclock: after a power cut the Pi starts from now until network time"
		fi
		raspi-config nonint enable_overlayfs
		say "enabled    read-only root with a RAM overlay (from the next boot)"
		changed=$((changed + 1))
	else
		echo "setup-lockdown.sh: --overlay needs raspi-config (Raspberry Pi OS)" >&2
		exit 2
	fi
fi

if [ "$changed" -eq 0 ]; then
	say "nothing to change: already locked down"
else
	say "$changed change(s); reboot to apply all of them (sudo reboot)"
fi
