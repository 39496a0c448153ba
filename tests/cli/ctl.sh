# ctl.sh — signpostctl as staff use it (without systemd: it signals the
# kiosk named in the status file), and the systemd unit as systemd reads it:
# its settings and bounds, its caches where Mesa really puts them, and its
# stop message, which never waits on a stopped console.
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
# the publishing side takes only put and undo
expect_exit 2 "--publish of another word" -- sh "$ctl" --publish get x
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
	"User=signpost" "SupplementaryGroups=video input render audio" "SDL_AUDIODRIVER=alsa" "DeviceAllow=char-alsa rw" "SDL_VIDEODRIVER=kmsdrm" \
	"bin/signpost --check --config" "ExecReload=/bin/kill -HUP \$MAINPID" "RuntimeDirectory=signpost" \
	"DeviceAllow=char-drm rw" "DeviceAllow=char-input r" "NoNewPrivileges=yes" "ProtectSystem=strict" \
	"ExecStartPre=-+/usr/sbin/runuser -u signpost-publish -- " "bin/signpostctl --publish recover"; do
	grep -qF -- "$setting" "$unit" && ok || fail "the unit lacks $setting"
done
# bounds: no core dump, memory and tasks bounded to what fits a Pi Zero 2 W
# (512 MB) and a Pi 5; a device path names a device node, never a folder
for setting in "LimitCORE=0" "MemorySwapMax=0"; do
	grep -qx -- "$setting" "$unit" && ok || fail "the unit lacks $setting"
done
mem=$(sed -n 's/^MemoryMax=\([0-9]*\)M$/\1/p' "$unit")
[ -n "$mem" ] && [ "$mem" -ge 200 ] && [ "$mem" -le 400 ] && ok || fail "MemoryMax is not between 200M and 400M: '$(grep '^MemoryMax=' "$unit")'"
tasks=$(sed -n 's/^TasksMax=\([0-9]*\)$/\1/p' "$unit")
[ -n "$tasks" ] && [ "$tasks" -ge 32 ] && [ "$tasks" -le 256 ] && ok || fail "TasksMax is not between 32 and 256: '$(grep '^TasksMax=' "$unit")'"
grep -E '^DeviceAllow=/dev/(dri|input|snd|bus|pts)/?( |$)' "$unit" && fail "a DeviceAllow= names a folder (it allows nothing)" || ok
# caches in the runtime folder (RAM), not in the home that is the state folder
grep -qx 'RuntimeDirectory=signpost signpost/cache' "$unit" && ok || fail "the unit has no runtime cache folder"
grep -q '^Environment=.*XDG_CACHE_HOME=%t/signpost/cache' "$unit" && ok || fail "XDG_CACHE_HOME is not the runtime cache folder"
grep -q '^Environment=.*MESA_SHADER_CACHE_DIR=%t/signpost/cache' "$unit" && ok || fail "MESA_SHADER_CACHE_DIR is not the runtime cache folder"
# ... and the names are the ones Mesa reads: the kiosk drawing with OpenGL
# (Mesa's llvmpipe here) under the unit's Environment= fills that folder
mkdir -p "$tmp/run/signpost/cache"
cache_env=$(sed -n 's/^Environment=\(.*%t.*\)/\1/p' "$unit" | sed "s#%t#$tmp/run#g")
# (leaks of Mesa's unloaded driver are not this test's: see tests/lsan.supp)
env $cache_env SDL_RENDER_DRIVER=opengl ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	"$bin" --window 640x400 --config "$tmp/c.yaml" 2>"$tmp/gl.log" &
glpid=$!
i=0
while [ -z "$(ls -A "$tmp/run/signpost/cache" 2>/dev/null)" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $glpid 2>/dev/null
wait $glpid
[ -d "$tmp/run/signpost/cache/mesa_shader_cache" ] && ok ||
	fail "Mesa's shader cache did not go to the unit's cache folder: $(ls -A "$tmp/run/signpost/cache") $(head -n 5 "$tmp/gl.log")"
# ExecStopPost's message to tty1, run as systemd would run it against a
# pseudo-terminal instead: on a console whose output is stopped (Ctrl+S,
# Scroll Lock) it must end at once, not wait for a key; on one that is not,
# the message arrives
python3 - "$unit" >"$tmp/stop.log" 2>&1 <<'PY'
import os, shlex, subprocess, sys, termios, time
text = open(sys.argv[1]).read().replace("\\\n", " ")
line = next(l for l in text.splitlines() if l.startswith("ExecStopPost="))
args = shlex.split(line[len("ExecStopPost="):].lstrip("+-@:!"))
cmd = args[2].replace("$$", "$").replace("%%", "%").replace("\\\\", "\\")
m, s = os.openpty()
cmd = cmd.replace("/dev/tty1", os.ttyname(s))
env = dict(os.environ, SERVICE_RESULT="watchdog", EXIT_CODE="killed", EXIT_STATUS="ABRT")
def run():
    t = time.monotonic()
    p = subprocess.Popen(["/bin/sh", "-c", cmd], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        out = p.communicate(timeout=5)[0].decode()
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return None, ""
    return time.monotonic() - t, out
termios.tcflow(s, termios.TCOOFF)
took, out = run()
print("stopped console: " + ("still waiting after 5 s" if took is None else "%.2f s" % took))
print("journal line: " + out.strip())
termios.tcflow(s, termios.TCOON)
took, out = run()
os.set_blocking(m, False)
try:
    shown = os.read(m, 4096).decode(errors="replace")
except BlockingIOError:
    shown = ""
print("console shows: " + shown.replace("\033", "ESC").replace("\r", "").replace("\n", " ").strip())
PY
grep -qE '^stopped console: 0\.[0-9]+ s' "$tmp/stop.log" && ok || fail "ExecStopPost waits on a stopped console: $(cat "$tmp/stop.log")"
grep -q '^journal line: signpost stopped (watchdog: killed ABRT) and starts again' "$tmp/stop.log" && ok || fail "ExecStopPost does not log its line: $(cat "$tmp/stop.log")"
grep -q '^console shows: ESC\[2JESC\[H.*signpost stopped (watchdog: killed ABRT)' "$tmp/stop.log" && ok ||
	fail "ExecStopPost's message does not reach a console that is not stopped: $(cat "$tmp/stop.log")"
# the sudoers drop-in parses, and allows exactly reload and restart of the unit
if command -v visudo >/dev/null; then
	visudo -c -q -f "$src/config/remote/sudoers-signpost" && ok || fail "visudo rejects config/remote/sudoers-signpost"
else
	fail "visudo is needed (package sudo)"
fi
# as root: reload and restart; as signpost-publish (never root): put and undo
allowed() { # RUNAS: what the drop-in lets the group run as RUNAS
	grep "^%signpost-staff ALL=($1) NOPASSWD:" "$src/config/remote/sudoers-signpost" | sed 's/.*NOPASSWD://' |
		tr ',' '\n' | sed 's/^ *//' | sed 's#^/bin/#/usr/bin/#' | sort -u | tr '\n' ';'
}
[ "$(allowed root)" = "/usr/bin/systemctl reload signpost.service;/usr/bin/systemctl restart signpost.service;" ] &&
	ok || fail "the sudoers drop-in allows more than reload and restart as root: $(allowed root)"
[ "$(allowed signpost-publish)" = "/usr/bin/signpostctl --publish put *;/usr/bin/signpostctl --publish undo *;" ] &&
	ok || fail "the sudoers drop-in allows more than put and undo as signpost-publish: $(allowed signpost-publish)"
[ "$(grep -v '^#' "$src/config/remote/sudoers-signpost" | grep -c .)" = 2 ] && ok || fail "the sudoers drop-in has other rules"
done_testing
