# hours.sh — opening hours and sleep in the real kiosk under Xvfb: the
# out-of-hours banner while closed (and in --preview), a black screen with
# the backlight off while asleep, no CPU and no wake-ups then but the
# watchdog's, and a waking touch that does nothing else. The kiosk is
# told its clock can be believed (SIGNPOST_CLOCK=battery, the volunteer's
# setting for a battery clock); cli/clock.sh is the clock it cannot.
. "$(dirname "$0")/lib.sh"
export SIGNPOST_CLOCK=battery

for tool in Xvfb xdotool import convert; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
start_xvfb 800x480
pid=
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
trace="$tmp/trace"

# wait_for PATTERN: until the trace has it (10 s at most)
wait_for() {
	i=0
	while ! grep -q -- "$1" "$trace" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q -- "$1" "$trace"
}
# cpu_ticks PID: user + system time so far, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
mean() { convert "$1" -format '%[fx:int(mean*255)]' info:; }

# 1. Closed all week: the banner, in the accent, across the bottom; and the
# same in --preview's -closed pictures
cat >"$tmp/closed.yaml" <<'YAML'
hours:
  monday: closed
kiosk:
  quick_exit: neutral
  help: { name: "Centre", number: "020 7000 0000" }
  out_of_hours:
    text: "We are closed now. This line is open day and night:"
    call: { name: "Support line", number: "0808 500 2222" }
screens:
  - { id: first, title: "First topic", blocks: [ { text: "One" } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
"$bin" --window 800x480 --trace --config "$tmp/closed.yaml" 2>"$trace" &
pid=$!
wait_for "trace: schedule closed=1 asleep=0 next=none" && ok || fail "the schedule is not closed: $(grep schedule "$trace")"
first_frame "$trace"
sleep 0.5
import -window root "$tmp/closed.png"
band=$(convert "$tmp/closed.png" -format '%[hex:p{5,470}]' info:)
case "$band" in F2B705*) ok ;; *) fail "no banner in the accent at the bottom (#$band)" ;; esac
kill $pid; wait $pid; pid=
unset DISPLAY_SAVED
(unset DISPLAY; "$bin" --preview "$tmp/pv" --config "$tmp/closed.yaml" 2>/dev/null)
[ -f "$tmp/pv/01-first-en-1-closed.png" ] && [ -f "$tmp/pv/01-first-en-1.png" ] && ok ||
	fail "--preview wrote no -closed picture: $(ls "$tmp/pv")"
[ ! -f "$tmp/pv/02-neutral-en-1-closed.png" ] && ok || fail "the Quick exit screen got a banner"
band=$(convert "$tmp/pv/01-first-en-1-closed.png" -format '%[hex:p{5,470}]' info:)
case "$band" in F2B705*) ok ;; *) fail "no banner in the -closed preview (#$band)" ;; esac

# 2. Asleep: display.sleep from an hour ago to an hour from now
now=$(date +%H:%M)
from=$(date -d "@$(($(date +%s) - 3600))" +%H:%M)
to=$(date -d "@$(($(date +%s) + 3600))" +%H:%M)
# the content in a folder of its own: the kiosk watches its folder, and the
# screenshots and the trace written beside it would wake it
mkdir -p "$tmp/content"
cat >"$tmp/content/sleep.yaml" <<YAML
display:
  sleep: "$from-$to"
kiosk:
  idle_timeout: 10
  quick_exit: neutral
  help: { name: "Support line", number: "0808 500 2222" }
screens:
  - { id: first, title: "First topic", blocks: [ { text: "One" } ] }
  - { id: second, title: "Second topic", blocks: [ { text: "Two" } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
mkdir -p "$tmp/backlight/panel"
echo 0 >"$tmp/backlight/panel/bl_power"
listen="$(dirname "$bin")/tests/notify_listen"
"$listen" "$tmp/notify.sock" 30 >"$tmp/notify.log" &
lpid=$!
sleep 0.3
# the watchdog asks for a ping every second (WATCHDOG_USEC=2 s): the only
# thing that may wake the loop while it sleeps
SIGNPOST_BACKLIGHT_DIR="$tmp/backlight" NOTIFY_SOCKET="$tmp/notify.sock" WATCHDOG_USEC=2000000 \
	"$bin" --window 800x480 --trace --config "$tmp/content/sleep.yaml" 2>"$trace" &
pid=$!
wait_for "trace: sleep mode=sleep" && ok || fail "not asleep at $now with sleep $from-$to"
grep -q "trace: schedule closed=0 asleep=1 next=.*T$(echo "$to" | sed 's/:/:/')" "$trace" && ok ||
	fail "the next change is not at $to: $(grep 'trace: schedule' "$trace")"
first_frame "$trace"
sleep 0.5
import -window root "$tmp/asleep.png"
[ "$(mean "$tmp/asleep.png")" = 0 ] && ok || fail "asleep, the screen is not black (mean $(mean "$tmp/asleep.png"))"
[ "$(cat "$tmp/backlight/panel/bl_power")" = 4 ] && ok || fail "backlight not off: bl_power=$(cat "$tmp/backlight/panel/bl_power")"

# no CPU while asleep: 4 s, measured from /proc
t0=$(cpu_ticks $pid)
w0=$(grep -c ' WATCHDOG=1$' "$tmp/notify.log")
sleep 4
t1=$(cpu_ticks $pid)
w1=$(grep -c ' WATCHDOG=1$' "$tmp/notify.log")
echo "asleep 4 s: $((t1 - t0)) clock ticks of CPU, $((w1 - w0)) watchdog pings"
[ $((t1 - t0)) -le 3 ] && ok || fail "asleep for 4 s it used $((t1 - t0)) clock ticks of CPU"
[ $((w1 - w0)) -ge 3 ] && ok || fail "the watchdog was not pinged while asleep ($((w1 - w0)) in 4 s)"

# a touch where Topics would be: it wakes the kiosk and does nothing else
xdotool mousemove 190 33 click 1
wait_for "trace: wake mode=browse screen=first" && ok || fail "a touch did not wake it: $(tail -3 "$trace")"
sleep 0.4
grep -q "mode=menu" "$trace" && fail "the waking touch pressed a button" || ok
[ "$(cat "$tmp/backlight/panel/bl_power")" = 0 ] && ok || fail "backlight not back on: bl_power=$(cat "$tmp/backlight/panel/bl_power")"
import -window root "$tmp/awake.png"
[ "$(mean "$tmp/awake.png")" -gt 10 ] && ok || fail "awake, the screen is still black"
# awake now, the next touch counts
set -- $(grep "^trace: button topics " "$trace" | tail -1 | awk '{print $4, $5}')
xdotool mousemove "$1" "$2" click 1
wait_for "mode=menu" && ok || fail "after waking, Topics does not open the menu"

kill -TERM $pid
wait $pid
rc=$?
pid=
kill $lpid 2>/dev/null
[ $rc = 0 ] && ok || fail "exit code $rc"
# the loop's own count: while asleep it woke for the watchdog pings (one a
# second) and the waking touch's few events, nothing else
line=$(grep "^trace: wakeups" "$trace")
pings=$(grep -c ' WATCHDOG=1$' "$tmp/notify.log")
echo "$line ($pings watchdog pings in all)"
asleep=$(echo "$line" | sed 's/.*(\([0-9]*\) asleep).*/\1/')
[ -n "$asleep" ] && [ "$asleep" -le $((pings + 4)) ] && ok ||
	fail "the loop woke $asleep times while asleep, for $pings watchdog pings: $line"
done_testing
