# os.sh — the Pi's OS lockdown snippets (config/os/) and setup-lockdown.sh,
# checked without touching this machine: every drop-in's keys are ones
# systemd knows (the stock /etc/systemd/*.conf list every key, commented; a
# list of our own when they are absent), the values that matter are what the
# README promises (CtrlAltDelBurstAction=none, RuntimeWatchdogSec <= 14 s for
# the Pi's bcm2835 watchdog, Storage=volatile, kernel.sysrq = 0), and the
# script, run with ROOT=<scratch folder>, writes exactly those files and the
# masking links there, twice without change, and never runs raspi-config.
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
# a bad option is refused, and a mistyped one never runs as the real thing
ROOT=$root sh "$script" --overlya >/dev/null 2>&1
[ $? = 2 ] && ok || fail "an unknown option is not refused with exit 2"
done_testing
