# notify.sh — the systemd notification protocol against a socket the test
# owns: READY=1 only after the first frame, WATCHDOG=1 at half the
# WATCHDOG_USEC interval, STOPPING=1 on exit.
. "$(dirname "$0")/lib.sh"
listen="$(dirname "$bin")/tests/notify_listen"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
start_xvfb 640x400
trap 'kill $pid $lpid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

"$listen" "$tmp/notify.sock" 60 >"$tmp/log" &
lpid=$!
sleep 0.3
NOTIFY_SOCKET="$tmp/notify.sock" WATCHDOG_USEC=1000000 \
	"$bin" --window 640x400 --trace --config "$src/config/content.yaml" 2>"$tmp/trace" &
pid=$!
# 4 s from the first frame, however long a loaded machine or a sanitizer
# build takes to get there
first_frame "$tmp/trace"
sleep 4
kill -TERM $pid
wait $pid
rc=$?
sleep 0.3 # the last message in, then the listener (line-buffered) can go
kill $lpid
wait $lpid
[ $rc = 0 ] && ok || fail "exit code $rc"

# READY=1 exactly once, and not before the first frame (the trace's start
# line comes before the first frame is drawn)
n=$(grep -c ' READY=1$' "$tmp/log")
[ "$n" = 1 ] && ok || fail "READY=1 sent $n times"
head -n 1 "$tmp/log" | grep -q ' READY=1$' && ok || fail "the first message is not READY=1: $(head -n 1 "$tmp/log")"
grep -q "trace: buttons end" "$tmp/trace" && ok || fail "no frame was drawn"
# WATCHDOG=1 every 500 ms (half of 1 s): about 8 in the 4 s after READY=1,
# evenly spaced
pings=$(awk '/ READY=1$/ { r = 1 } r && / WATCHDOG=1$/ { n++ } END { print n + 0 }' "$tmp/log")
if [ "$pings" -ge 6 ] && [ "$pings" -le 9 ]; then ok; else fail "$pings watchdog pings in about 4 s, expected about 8"; fi
grep ' WATCHDOG=1$' "$tmp/log" | awk 'NR > 1 { d = $1 - prev; if (d < 350 || d > 650) bad++ } { prev = $1 } END { exit bad > 0 }' &&
	ok || fail "watchdog pings are not 500 ms apart: $(grep WATCHDOG "$tmp/log" | awk '{print $1}' | tr '\n' ' ')"
tail -n 1 "$tmp/log" | grep -q ' STOPPING=1$' && ok || fail "the last message is not STOPPING=1: $(tail -n 1 "$tmp/log")"

# no NOTIFY_SOCKET: nothing is sent anywhere and nothing breaks
"$bin" --window 640x400 --config "$src/config/content.yaml" 2>"$tmp/err" &
pid=$!
sleep 1.5
kill -TERM $pid
wait $pid && ok || fail "without systemd the kiosk did not run cleanly"
done_testing
