# ctl_trust.sh — signpostctl does not trust the status file, which the
# kiosk's own user can write: its values (a file name, a problem) reach the
# terminal with control characters, escape sequences and bidi controls
# escaped, never raw; a reload never signals the pid written there under
# systemd (the service is asked instead, even when it is not running), nor
# without systemd unless that pid is a signpost process of the status
# file's owner. A decoy process stands where a planted pid would point.
#
# systemd is stood in for: a copy of signpostctl whose SYSTEMD_RUN points at
# a folder of this test, and a `systemctl` (and `sudo`) on PATH that write
# down what they are asked. The real kiosk without systemd: ctl.sh and ssh.sh.
. "$(dirname "$0")/lib.sh"
trap 'kill $decoy 2>/dev/null; rm -rf "$tmp"' EXIT

mkdir "$tmp/bin" "$tmp/systemd"
sed "s#^SYSTEMD_RUN=/run/systemd/system #SYSTEMD_RUN=$tmp/systemd #" "$src/config/signpostctl" >"$tmp/ctl-systemd"
sed "s#^SYSTEMD_RUN=/run/systemd/system #SYSTEMD_RUN=$tmp/no-systemd #" "$src/config/signpostctl" >"$tmp/ctl-plain"
grep -q "^SYSTEMD_RUN=$tmp/systemd " "$tmp/ctl-systemd" && ok || fail "signpostctl has no SYSTEMD_RUN= line to point elsewhere"
cat >"$tmp/bin/systemctl" <<EOF
#!/bin/sh
echo "\$*" >>"$tmp/systemctl.log"
state=\$(cat "$tmp/unit-state")
case "\$*" in
"show -p LoadState --value signpost.service") echo loaded ;;
"show -p MainPID --value signpost.service") echo 4242 ;;
"is-active --quiet signpost.service") [ "\$state" = active ] ;;
"is-active signpost.service") echo "\$state"; [ "\$state" = active ] ;;
"reload signpost.service") [ "\$state" = active ] && sh "$tmp/on-reload" ;;
*) exit 1 ;;
esac
EOF
printf '#!/bin/sh\n[ "$1" = -n ] && shift\nexec "$@"\n' >"$tmp/bin/sudo"
chmod +x "$tmp/bin/systemctl" "$tmp/bin/sudo"
export PATH="$tmp/bin:$PATH"

conf="$tmp/c.yaml"
printf 'kiosk: { quick_exit: none }\nscreens:\n  - { id: a, title: "A", blocks: [ { text: "b" } ] }\n' >"$conf"
hash=$(sha256sum "$conf" | cut -d' ' -f1)
export SIGNPOST_BIN="$bin" SIGNPOST_CONFIG="$conf" SIGNPOST_STATUS="$tmp/status"

# the decoy: what a pid planted in the status file points at (it dies of a SIGHUP)
sleep 600 &
decoy=$!
status() { # [PID]: a status file that shows the file, reloads=0
	printf 'pid=%s\nrunning_since=2026-01-01T00:00:00Z\ncontent_file=%s\ncontent_sha256=%s\n' "${1:-$decoy}" "$conf" "$hash" >"$tmp/status"
	printf 'content_loaded_at=2026-01-01T00:00:00Z\nscreens=1\nlast_reload=ok\nreloads=0\nlast_reload_errors=0\n' >>"$tmp/status"
}
# what the kiosk does when the service reloads it: one more reload, ok
echo "sed -i 's/^reloads=.*/reloads=1/' '$tmp/status'" >"$tmp/on-reload"
alive() { kill -0 $decoy 2>/dev/null; }

# 1. under systemd, the service running: asked through systemd, the decoy untouched
status
echo active >"$tmp/unit-state"
: >"$tmp/systemctl.log"
expect_exit 0 "reload under systemd" -- sh "$tmp/ctl-systemd" reload
grep -qx "reload signpost.service" "$tmp/systemctl.log" && ok || fail "the service was not asked to reload: $(cat "$tmp/systemctl.log")"
alive && ok || fail "under systemd, the pid in the status file was signalled"

# 2. under systemd, the service stopped (or starting): refused; the file's pid is never the fallback
for state in inactive activating failed; do
	echo $state >"$tmp/unit-state"
	: >"$tmp/systemctl.log"
	expect_exit 2 "reload with the service $state" -- sh "$tmp/ctl-systemd" reload
	expect_err "the kiosk service is not running ($state)" "says the service is not running"
	grep -q "^reload" "$tmp/systemctl.log" && fail "a $state service was asked to reload" || ok
	alive && ok || fail "with the service $state, the pid in the status file was signalled"
done

# 3. no systemd: a pid that is not a signpost kiosk is never signalled
expect_exit 2 "reload of a pid that is not a kiosk" -- sh "$tmp/ctl-plain" reload
expect_err "not a signpost kiosk's" "says the pid is not a kiosk's"
alive && ok || fail "a pid that is not a signpost kiosk was signalled"
# (never 0, 1 or a negative pid here: a signpostctl that regressed would
# signal this test's process group, or init)
for planted in "" abc "$decoy; id" "$decoy $decoy" "$decoy
$decoy"; do
	status "$planted"
	expect_exit 2 "reload of pid '$planted'" -- sh "$tmp/ctl-plain" reload
done
alive && ok || fail "a planted pid was signalled"

# 4. what the status file says reaches the terminal escaped
esc=$(printf '\033') bel=$(printf '\007') csi=$(printf '\302\233') rlo=$(printf '\342\200\256')
{
	printf 'pid=%s\nrunning_since=2026%s[2J\n' "$decoy" "$esc"
	printf 'content_file=%s]0;pwned%s/etc/x%syaml.exe\n' "$esc" "$bel" "$rlo"
	printf 'content_sha256=0000\ncontent_loaded_at=x\nscreens=1%s31m\nlast_reload=failed\n' "$csi"
	printf 'last_reload_at=x\nlast_reload_errors=1\nproblem=%s[31mred%s[0m\t\303\251t\303\251 \342\200\224 ok\n' "$esc" "$esc"
} >"$tmp/status"
expect_exit 0 "status of a hostile status file" -- sh "$tmp/ctl-plain" status
raw=$(LC_ALL=C grep -c "$esc\|$bel\|$csi\|$rlo" "$tmp/out")
[ "$raw" = 0 ] && ok || fail "signpostctl status printed raw control characters: $(od -c "$tmp/out" | head -n 20)"
for shown in 'since 2026\x1B[2J' '\x1B]0;pwned\x07/etc/x\u202Eyaml.exe' '1\u009B31m' '  \x1B[31mred\x1B[0m\tété — ok'; do
	grep -qF -- "$shown" "$tmp/out" && ok || fail "status does not show '$shown' escaped: $(cat "$tmp/out")"
done
# and reload's report of a kiosk that refused the file
echo active >"$tmp/unit-state"
echo "sed -i 's/^reloads=.*/reloads=1/' '$tmp/status'" >"$tmp/on-reload"
printf 'reloads=0\n' >>"$tmp/status"
printf 'kiosk: { quick_exit: none }\nscreens:\n  - { id: a, title: "B", blocks: [ { text: "b" } ] }\n' >"$conf"
expect_exit 1 "reload that the kiosk refused" -- sh "$tmp/ctl-systemd" reload
raw=$(LC_ALL=C grep -c "$esc\|$bel\|$csi\|$rlo" "$tmp/err")
[ "$raw" = 0 ] && ok || fail "signpostctl reload printed raw control characters"
grep -qF -- '\x1B[31mred' "$tmp/err" && ok || fail "reload does not show the problem escaped: $(cat "$tmp/err")"
done_testing
