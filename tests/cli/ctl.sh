# ctl.sh — signpostctl as staff use it (without systemd: it signals the
# kiosk named in the status file), and the systemd unit as systemd reads it.
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
start_xvfb 640x400
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
ctl="$src/config/signpostctl"
export SIGNPOST_BIN="$bin" SIGNPOST_CONFIG="$tmp/c.yaml" SIGNPOST_STATUS="$tmp/status"
content() {
	printf 'kiosk: { quick_exit: neutral }\nscreens:\n'
	printf '  - { id: first, %s: "%s", blocks: [ { text: "One" } ] }\n' "${2:-title}" "$1"
	printf '  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please sit." } ] }\n'
}
content "First" >"$tmp/c.yaml"

expect_exit 3 "status with no kiosk" -- sh "$ctl" status
grep -q "not running" "$tmp/out" && ok || fail "status does not say the kiosk is not running"
expect_exit 2 "reload with no kiosk" -- sh "$ctl" reload
expect_err "not running" "reload says the kiosk is not running"
expect_exit 0 "check valid content" -- sh "$ctl" check
expect_exit 2 "unknown verb" -- sh "$ctl" shell
expect_exit 2 "restart needs systemd here" -- sh "$ctl" restart

"$bin" --window 640x400 --status "$tmp/status" --config "$tmp/c.yaml" 2>"$tmp/kiosk.log" &
pid=$!
i=0
while [ ! -s "$tmp/status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done

expect_exit 0 "status of a running kiosk" -- sh "$ctl" status
grep -q "signpost is running (pid $pid)" "$tmp/out" && ok || fail "status: $(cat "$tmp/out")"
grep -q "unchanged since it was loaded" "$tmp/out" && ok || fail "status does not compare the file"
# whether it knows the time: this machine's own answer (cli/clock.sh has both)
grep -q "^clock:       \(synchronised\|not synchronised since boot: the hours are not applied\)\$" "$tmp/out" && ok ||
	fail "status does not say whether the clock is synchronised: $(cat "$tmp/out")"

# a valid edit: reload checks, signals, and confirms from the status file
content "First, edited" >"$tmp/c.yaml"
expect_exit 0 "reload valid content" -- sh "$ctl" reload
grep -q "^reloaded: the kiosk now shows $tmp/c.yaml (2 screens, sha256 $(sha256sum "$tmp/c.yaml" | cut -d' ' -f1))" "$tmp/out" &&
	ok || fail "reload did not confirm: $(cat "$tmp/out")"

# an invalid edit: refused before the kiosk is touched, with FILE:LINE:COL
good=$(sed -n 's/^content_sha256=//p' "$tmp/status")
content "First" titel >"$tmp/c.yaml"
expect_exit 1 "reload invalid content" -- sh "$ctl" reload
expect_err "$tmp/c.yaml:3:18: error: unknown key 'titel'" "the problem is shown"
expect_err "not reloaded" "says nothing was reloaded"
[ "$(sed -n 's/^content_sha256=//p' "$tmp/status")" = "$good" ] && ok || fail "invalid content reached the kiosk"
expect_exit 0 "status after a refused reload" -- sh "$ctl" status
grep -q "changed since it was loaded, but it has errors" "$tmp/out" && ok || fail "status does not say the changed file has errors: $(cat "$tmp/out")"
grep -q "reload' to show it" "$tmp/out" && fail "status offers a reload that would be refused" || ok
grep -q "^  $tmp/c.yaml:3:18: error: unknown key 'titel'" "$tmp/out" && ok || fail "status does not say what is wrong: $(cat "$tmp/out")"
# a valid change not yet shown: status offers the reload
content "First, edited again" >"$tmp/c2.yaml"
SIGNPOST_CONFIG="$tmp/c2.yaml" expect_exit 0 "status with a valid change" -- sh "$ctl" status
grep -q "changed since it was loaded; 'signpostctl reload' to show it" "$tmp/out" && ok || fail "status does not offer the reload: $(cat "$tmp/out")"

# the SSH forced command: the four words, nothing else (under --ssh the
# environment does not count: the key line's options say where things are)
content "First" >"$tmp/c.yaml"
SSH_ORIGINAL_COMMAND=status expect_exit 0 "--ssh status" -- sh "$ctl" --bin "$bin" --config "$tmp/c.yaml" --status "$tmp/status" --ssh
SSH_ORIGINAL_COMMAND=reload expect_exit 0 "--ssh reload" -- sh "$ctl" --bin "$bin" --config "$tmp/c.yaml" --status "$tmp/status" --ssh
SSH_ORIGINAL_COMMAND="cat /etc/shadow" expect_exit 2 "--ssh other command" -- sh "$ctl" --ssh
expect_err "may run only" "says what the key may run"
SSH_ORIGINAL_COMMAND="status; id" expect_exit 2 "--ssh with a command glued on" -- sh "$ctl" --ssh
expect_exit 2 "--ssh with no command (a shell)" -- env -u SSH_ORIGINAL_COMMAND sh "$ctl" --ssh

kill -TERM $pid
wait $pid

# the unit, as systemd reads it (paths pointed at this build)
unit="$(dirname "$bin")/signpost.service"
if command -v systemd-analyze >/dev/null; then
	sed "s#/[^ ]*/bin/signpost #$bin #g" "$unit" >"$tmp/signpost.service"
	systemd-analyze verify "$tmp/signpost.service" >"$tmp/verify" 2>&1
	rc=$?
	if [ $rc = 0 ] && [ ! -s "$tmp/verify" ]; then ok; else fail "systemd-analyze verify: $(cat "$tmp/verify")"; fi
else
	fail "systemd-analyze is needed (package systemd)"
fi
# (no start limit: restarts staff ask for never leave the kiosk off; no
# PrivateNetwork, so udev's hotplug announcements reach it, yet no network)
for setting in "Type=notify" "WatchdogSec=" "Restart=always" "RestartSec=" "StartLimitIntervalSec=0" \
	"PrivateNetwork=no" "IPAddressDeny=any" "RestrictAddressFamilies=AF_UNIX AF_NETLINK" \
	"User=signpost" "SupplementaryGroups=video input render" "SDL_VIDEODRIVER=kmsdrm" \
	"bin/signpost --check --config" "ExecReload=/bin/kill -HUP \$MAINPID" "RuntimeDirectory=signpost" \
	"DeviceAllow=char-drm rw" "DeviceAllow=char-input r" "NoNewPrivileges=yes" "ProtectSystem=strict"; do
	grep -qF -- "$setting" "$unit" && ok || fail "the unit lacks $setting"
done
# the sudoers drop-in parses, and allows exactly reload and restart of the unit
if command -v visudo >/dev/null; then
	visudo -c -q -f "$src/config/remote/sudoers-signpost" && ok || fail "visudo rejects config/remote/sudoers-signpost"
else
	fail "visudo is needed (package sudo)"
fi
allowed=$(grep -v '^#' "$src/config/remote/sudoers-signpost" | sed 's/.*NOPASSWD://' | tr ',' '\n' | sed 's/^ *//' | sed 's#^/bin/#/usr/bin/#' | sort -u | tr '\n' ';')
[ "$allowed" = "/usr/bin/systemctl reload signpost.service;/usr/bin/systemctl restart signpost.service;" ] &&
	ok || fail "the sudoers drop-in allows more than reload and restart: $allowed"
done_testing
