# state.sh — the running kiosk's own files: at start it removes the
# temporaries of its state files that a power cut left in the state folder
# (last-good.yaml.XXXXXX, trying.XXXXXX; regular files only) and nothing
# else there;
# a status file it cannot write is said once in the log, tried again at
# every later write, and written again (and said so) once it can be.
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
start_xvfb 640x400
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
pid=

conf="$tmp/content.yaml"
printf 'kiosk: { quick_exit: none }\nscreens:\n  - { id: first, title: "First", blocks: [ { text: "One" } ] }\n' >"$conf"
state="$tmp/state"
mkdir "$state" "$tmp/run"
status="$tmp/run/status"
# what a power cut leaves: two temporaries; and what it does not
echo old >"$state/last-good.yaml"
echo cut >"$state/last-good.yaml.Xq3ZkP"
echo cut >"$state/last-good.yaml.000aaa"
echo keep >"$state/last-good.yaml.notes"
echo keep >"$state/last-good.yaml.Xq3Zk"
echo keep >"$state/other.yaml.Xq3ZkP"
echo cut >"$state/trying.Q1w2E3"
echo outside >"$tmp/outside"
ln -s "$tmp/outside" "$state/last-good.yaml.Lnk123"
mkdir "$state/last-good.yaml.Dir123"

STATE_DIRECTORY="$state" "$bin" --window 640x400 --status "$status" --config "$conf" 2>"$tmp/log" &
pid=$!
i=0
while [ ! -s "$status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$status" ] && ok || fail "the kiosk wrote no status: $(cat "$tmp/log")"

# 1. the state folder at start
left=$(cd "$state" && LC_ALL=C ls -A | tr '\n' ' ')
for kept in last-good.yaml.notes last-good.yaml.Xq3Zk other.yaml.Xq3ZkP last-good.yaml.Lnk123 last-good.yaml.Dir123; do
	[ -e "$state/$kept" ] || [ -L "$state/$kept" ] && ok || fail "the clean-up removed $kept, which is not a temporary"
done
[ ! -e "$state/last-good.yaml.Xq3ZkP" ] && [ ! -e "$state/last-good.yaml.000aaa" ] && [ ! -e "$state/trying.Q1w2E3" ] && ok ||
	fail "the temporaries are still there: $left"
[ "$(cat "$tmp/outside")" = outside ] && ok || fail "the clean-up touched what a link points to"
grep -q "removed 2 unfinished copies of $state/last-good.yaml (left by a power cut)" "$tmp/log" &&
	grep -q "removed 1 unfinished copy of $state/trying (left by a power cut)" "$tmp/log" &&
	ok || fail "the log does not say what was removed: $(cat "$tmp/log")"

# 2. the status file's folder goes away: said once, tried at each write
reloads() { grep -c "^signpost: reloaded" "$tmp/log"; }
reload_and_wait() { # N: SIGHUP, then wait for the Nth reload
	kill -HUP $pid
	i=0
	while [ "$(reloads)" -lt "$1" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(reloads)" -ge "$1" ]
}
rm -rf "$tmp/run"
reload_and_wait 1 && ok || fail "no reload after SIGHUP: $(cat "$tmp/log")"
reload_and_wait 2 && ok || fail "no second reload after SIGHUP"
[ "$(grep -c "cannot write the status file $status" "$tmp/log")" = 1 ] && ok ||
	fail "the failed status write is not said exactly once: $(grep status "$tmp/log")"
# it comes back: the next write makes the file again, and says so
mkdir "$tmp/run"
reload_and_wait 3 && ok || fail "no third reload after SIGHUP"
i=0
while [ ! -s "$status" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$status" ] && ok || fail "the status file was never written again once its folder was back"
[ "$(sed -n 's/^last_reload=//p' "$status")" = ok ] && ok || fail "the status file is not the new one: $(cat "$status")"
grep -q "the status file $status is written again" "$tmp/log" && ok || fail "the log does not say the status file is back"

kill -TERM $pid
wait $pid
[ ! -e "$status" ] && ok || fail "the status file was left behind at exit"
done_testing
