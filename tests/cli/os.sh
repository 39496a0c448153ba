# os.sh — the Pi's OS lockdown snippets (config/os/) and setup-lockdown.sh,
# checked without touching this machine: every drop-in's keys are ones
# systemd knows (the stock /etc/systemd/*.conf list every key, commented; a
# list of our own when they are absent), the values that matter are what the
# README promises (CtrlAltDelBurstAction=none, RuntimeWatchdogSec <= 14 s for
# the Pi's bcm2835 watchdog, Storage=volatile, kernel.sysrq = 0), and the
# script, run with ROOT=<scratch folder>, writes exactly those files and the
# masking links there, twice without change, and never runs raspi-config;
# SSH passwords are closed only after an administrator's key login was
# seen with a key they still have, and a Desktop image boots to the
# console with its display manager masked.
. "$(dirname "$0")/lib.sh"
os=$src/config/os

# check_keys FILE SECTION STOCK KNOWN...: every key=value line of FILE is
# under [SECTION] and its key is in STOCK (as "#Key=" or "Key=") or KNOWN
check_keys() {
	file=$1 section=$2 stock=$3
	shift 3
	[ -f "$file" ] || { fail "$file is missing"; return; }
	head -n 1 "$file" | grep -q '^# signpost' && ok || fail "$file: no comment header"
	grep -qx "\[$section\]" "$file" && ok || fail "$file: no [$section] section"
	bad=$(grep -v -e '^#' -e '^$' -e "^\[$section\]$" "$file" | grep -v '^[A-Za-z]*=[^ ]' || true)
	[ -z "$bad" ] && ok || fail "$file: lines that are not Key=value: $bad"
	for key in $(grep '^[A-Za-z]*=' "$file" | cut -d= -f1); do
		known=no
		if [ -f "$stock" ] && grep -q "^#\{0,1\}$key=" "$stock"; then known=yes; fi
		for k in "$@"; do [ "$k" = "$key" ] && known=yes; done
		[ $known = yes ] && ok || fail "$file: systemd has no setting '$key'"
	done
}
# value FILE KEY: the value of Key= in FILE
value() { sed -n "s/^$2=//p" "$1" | tail -n 1; }
# seconds SPAN: a systemd time span (14, 14s, 2min, 1min 30s) in seconds
seconds() {
	echo "$1" | awk '{ t = 0; s = $0; gsub(/ /, "", s)
		while (match(s, /^[0-9]+(min|ms|s|m|h)?/)) {
			n = substr(s, 1, RLENGTH); s = substr(s, RLENGTH + 1)
			v = n + 0; u = n; sub(/^[0-9]+/, "", u)
			t += u == "min" || u == "m" ? v * 60 : u == "h" ? v * 3600 : u == "ms" ? v / 1000 : v
		}
		print (s == "" ? t : -1) }'
}

sys=$os/system.conf.d/signpost.conf
check_keys "$sys" Manager /etc/systemd/system.conf CtrlAltDelBurstAction RuntimeWatchdogSec \
	RebootWatchdogSec
[ "$(value "$sys" CtrlAltDelBurstAction)" = none ] && ok || fail "CtrlAltDelBurstAction is not none"
wd=$(seconds "$(value "$sys" RuntimeWatchdogSec)")
[ "$wd" -gt 0 ] 2>/dev/null && [ "$wd" -le 14 ] && ok ||
	fail "RuntimeWatchdogSec is $(value "$sys" RuntimeWatchdogSec) ($wd s): the Pi's watchdog needs 1..14 s"
[ "$(seconds "$(value "$sys" RebootWatchdogSec)")" -gt 0 ] 2>/dev/null && ok || fail "RebootWatchdogSec is not a time"

jd=$os/journald.conf.d/signpost.conf
check_keys "$jd" Journal /etc/systemd/journald.conf Storage RuntimeMaxUse RuntimeMaxFileSize \
	ForwardToSyslog
[ "$(value "$jd" Storage)" = volatile ] && ok || fail "journald Storage is not volatile"

ld=$os/logind.conf.d/signpost.conf
check_keys "$ld" Login /etc/systemd/logind.conf NAutoVTs ReserveVT HandlePowerKey \
	HandlePowerKeyLongPress HandleRebootKey HandleRebootKeyLongPress HandleSuspendKey \
	HandleSuspendKeyLongPress HandleHibernateKey HandleHibernateKeyLongPress
[ "$(value "$ld" NAutoVTs)" = 0 ] && ok || fail "logind NAutoVTs is not 0"
[ "$(value "$ld" HandlePowerKey)" = ignore ] && ok || fail "logind HandlePowerKey is not ignore"

sc=$os/sysctl.d/90-signpost.conf
head -n 1 "$sc" | grep -q '^# signpost' && ok || fail "$sc: no comment header"
bad=$(grep -v -e '^#' -e '^$' "$sc" | grep -v '^[a-z0-9_.]* = [^ ]*$' || true)
[ -z "$bad" ] && ok || fail "$sc: lines that are not 'key = value': $bad"
[ "$(sed -n 's/^kernel\.sysrq *= *//p' "$sc")" = 0 ] && ok || fail "kernel.sysrq is not 0"
# (not /proc/sys: a container's kernel may not show them)
for key in $(grep '^[a-z]' "$sc" | cut -d' ' -f1); do
	case "$key" in kernel.sysrq | kernel.panic) ok ;; *) fail "$sc: unexpected setting $key" ;; esac
done

script=$os/setup-lockdown.sh
sh -n "$script" && ok || fail "setup-lockdown.sh does not parse (sh -n)"
head -n 2 "$script" | grep -q '^# setup-lockdown.sh' && ok || fail "setup-lockdown.sh: no comment header"
root=$tmp/root
mkdir -p "$root"
ROOT=$root sh "$script" --overlay >"$tmp/out" 2>"$tmp/err" && ok || fail "setup-lockdown.sh failed: $(cat "$tmp/err")"
for unit in getty@tty1.service ctrl-alt-del.target; do
	link=$root/etc/systemd/system/$unit
	[ -L "$link" ] && [ "$(readlink "$link")" = /dev/null ] && ok || fail "$unit is not masked (-> /dev/null)"
done
for f in systemd/system.conf.d/signpost.conf systemd/logind.conf.d/signpost.conf \
	systemd/journald.conf.d/signpost.conf sysctl.d/90-signpost.conf; do
	cmp -s "$root/etc/$f" "$os/${f#systemd/}" && ok || fail "/etc/$f not installed as in config/os"
done
n=$(find "$root" ! -type d | wc -l)
[ "$n" = 6 ] && ok || fail "setup-lockdown.sh wrote $n files, expected 6: $(find "$root" ! -type d)"
grep -q "would run  raspi-config nonint enable_overlayfs" "$tmp/out" && ok ||
	fail "--overlay under ROOT does not say what it would do: $(cat "$tmp/out")"
grep -q "6 change(s)" "$tmp/out" && ok || fail "first run did not report 6 changes: $(cat "$tmp/out")"
grep -q "would save the time for fake-hwclock" "$tmp/out" && ok ||
	fail "--overlay under ROOT does not say it would save fake-hwclock's time: $(cat "$tmp/out")"
# network time stays on (the kiosk's hours wait for it): the script turns
# it on, and nothing in it turns it off
grep -q "timedatectl set-ntp true" "$script" && ok || fail "setup-lockdown.sh does not turn network time on"
grep -E -q "set-ntp (false|0|no)|(mask|disable|stop).*timesyncd" "$script" &&
	fail "setup-lockdown.sh turns network time off" || ok
# idempotent: a second run changes nothing and says so
before=$(cd "$root" && find . -exec ls -ld --time-style=+%s.%N {} + | sort)
ROOT=$root sh "$script" >"$tmp/out2" 2>&1 && ok || fail "second run failed: $(cat "$tmp/out2")"
grep -q "nothing to change" "$tmp/out2" && ok || fail "second run changed something: $(cat "$tmp/out2")"
after=$(cd "$root" && find . -exec ls -ld --time-style=+%s.%N {} + | sort)
[ "$before" = "$after" ] && ok || fail "second run touched files"
# and systemd reads them as we mean them (offline, under --root)
if command -v systemd-analyze >/dev/null 2>&1 &&
	systemd-analyze --root="$root" cat-config systemd/journald.conf >"$tmp/cat" 2>/dev/null; then
	grep -q '^Storage=volatile' "$tmp/cat" && ok || fail "systemd-analyze cat-config does not show Storage=volatile"
	systemd-analyze --root="$root" cat-config systemd/system.conf 2>/dev/null |
		grep -q '^RuntimeWatchdogSec=14s' && ok || fail "systemd-analyze cat-config does not show the watchdog"
fi
# SSH password logins: kept while no administrator's key login was seen
# (the empty root above), closed once one was, with a key still in their
# authorized_keys; a login with a key since removed, or by a user who is
# not an administrator, does not count
grep -q "kept       SSH password logins: no administrator" "$tmp/out" && ok ||
	fail "with no key login seen, the script does not say it keeps passwords: $(cat "$tmp/out")"
[ ! -e "$root/etc/ssh/sshd_config.d/10-signpost-lockdown.conf" ] && ok || fail "passwords closed with no key login seen"
sshd_conf=$os/sshd_config.d/signpost.conf
head -n 1 "$sshd_conf" | grep -q '^# signpost' && ok || fail "$sshd_conf: no comment header"
for want in "PasswordAuthentication no" "KbdInteractiveAuthentication no" "PermitEmptyPasswords no"; do
	grep -qx "$want" "$sshd_conf" && ok || fail "$sshd_conf lacks '$want'"
done
sshd=$(command -v sshd || echo /usr/sbin/sshd)
if [ -x "$sshd" ]; then
	ssh-keygen -q -t ed25519 -N "" -f "$tmp/hostkey" >/dev/null
	printf 'HostKey %s\nInclude %s\nPasswordAuthentication yes\n' "$tmp/hostkey" "$sshd_conf" >"$tmp/sshd_config"
	"$sshd" -T -f "$tmp/sshd_config" >"$tmp/sshd-T" 2>&1 && grep -qx "passwordauthentication no" "$tmp/sshd-T" && ok ||
		fail "sshd -T with the drop-in first: passwords still on: $(grep -i passwordauth "$tmp/sshd-T")"
fi
desk=$tmp/desktop
mkdir -p "$desk/etc/systemd/system" "$desk/home/pi/.ssh" "$desk/home/staff/.ssh" "$desk/var/log"
ln -s /lib/systemd/system/lightdm.service "$desk/etc/systemd/system/display-manager.service"
ln -s /lib/systemd/system/graphical.target "$desk/etc/systemd/system/default.target"
printf 'root:x:0:\nsudo:x:27:pi\nstaff:x:1001:\n' >"$desk/etc/group"
printf 'root:x:0:0:root:/root:/bin/bash\npi:x:1000:1000::/home/pi:/bin/bash\nstaff:x:1001:1001::/home/staff:/bin/sh\n' >"$desk/etc/passwd"
for k in admin old staff; do ssh-keygen -q -t ed25519 -N "" -f "$tmp/$k" >/dev/null; done
cp "$tmp/admin.pub" "$desk/home/pi/.ssh/authorized_keys"
cp "$tmp/staff.pub" "$desk/home/staff/.ssh/authorized_keys"
fp() { ssh-keygen -lf "$tmp/$1.pub" | awk '{ print $2 }'; }
login() { echo "2026-12-07T09:00:00 kiosk sshd[812]: Accepted publickey for $1 from 192.168.1.20 port 51234 ssh2: ED25519 $(fp "$2")"; }
# not yet: a removed key of the admin, and a key login of a user who is not one
{ login pi old; login staff staff; echo "kiosk sshd[9]: Accepted password for pi from 192.168.1.20 port 1 ssh2"; } >"$desk/var/log/auth.log"
ROOT=$desk sh "$script" >"$tmp/out3" 2>&1 && ok || fail "setup-lockdown.sh on a desktop root failed: $(cat "$tmp/out3")"
grep -q "kept       SSH password logins" "$tmp/out3" && [ ! -e "$desk/etc/ssh/sshd_config.d/10-signpost-lockdown.conf" ] && ok ||
	fail "passwords closed on a removed key, a password login or a non-administrator's key: $(cat "$tmp/out3")"
# the desktop: console at boot, display manager masked, each said
[ "$(readlink "$desk/etc/systemd/system/default.target")" = /lib/systemd/system/multi-user.target ] && ok ||
	fail "default.target is not multi-user.target on a desktop image"
[ "$(readlink "$desk/etc/systemd/system/lightdm.service")" = /dev/null ] && ok || fail "the display manager is not masked"
grep -q "set        default.target -> /lib/systemd/system/multi-user.target" "$tmp/out3" && grep -q "masked     lightdm.service" "$tmp/out3" && ok ||
	fail "the script does not say what it did to the desktop: $(cat "$tmp/out3")"
# now the admin logs in with the key in their authorized_keys
login pi admin >>"$desk/var/log/auth.log"
ROOT=$desk sh "$script" >"$tmp/out4" 2>&1 && ok || fail "second desktop run failed: $(cat "$tmp/out4")"
cmp -s "$sshd_conf" "$desk/etc/ssh/sshd_config.d/10-signpost-lockdown.conf" && ok || fail "passwords not closed after an admin's key login"
grep -q "closed     SSH password logins: pi has logged in with a key ($(fp admin))" "$tmp/out4" && ok ||
	fail "the script does not say whose key login it saw: $(cat "$tmp/out4")"
grep -q "1 change(s)" "$tmp/out4" && ok || fail "closing passwords is not one change: $(cat "$tmp/out4")"
ROOT=$desk sh "$script" >"$tmp/out5" 2>&1
grep -q "nothing to change" "$tmp/out5" && ok || fail "a third run changed something: $(cat "$tmp/out5")"

# a bad option is refused, and a mistyped one never runs as the real thing
ROOT=$root sh "$script" --overlya >/dev/null 2>&1
[ $? = 2 ] && ok || fail "an unknown option is not refused with exit 2"
done_testing
