# clock.sh — the real kiosk under Xvfb with a clock it cannot believe (a Pi
# after a power cut, before network time), through the test hook
# SIGNPOST_TIMESYNC_DIR: a scratch folder stands in for systemd-timesyncd's
# /run/systemd/timesync, and the kernel is then not asked. At an hour its
# content says closed and asleep, it shows the content (not black, no
# closed banner), and the status file, signpostctl status and the log say
# the clock is not synchronised. Then the folder is made and marked
# synchronised, as timesyncd marks it: asleep within a second, without a
# restart, and the status says so. With SIGNPOST_CLOCK=battery (a battery
# clock, the volunteer's setting) it trusts the clock from the start; a
# setting it does not know is said in the log.
. "$(dirname "$0")/lib.sh"

for tool in Xvfb xdotool import convert; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
start_xvfb 800x480
pid=
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
trace="$tmp/trace"
ctl="$src/config/signpostctl"
unset SIGNPOST_CLOCK

# wait_for PATTERN: until the trace has it (10 s at most)
wait_for() {
	i=0
	# 20 s at most: a sanitizer build starts slowly on a loaded machine
	while ! grep -q -- "$1" "$trace" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q -- "$1" "$trace"
}
mean() { convert "$1" -format '%[fx:int(mean*255)]' info:; }
ms() { echo $(($(date +%s%N) / 1000000)); }
status() { SIGNPOST_STATUS="$tmp/status" SIGNPOST_CONFIG="$tmp/closed.yaml" SIGNPOST_BIN="$bin" sh "$ctl" status; }
clock_line() { sed -n 's/^clock=//p' "$tmp/status"; }
stop() {
	kill -TERM $pid
	wait $pid
	rc=$?
	pid=
	[ $rc = 0 ] && ok || fail "exit code $rc"
}

# closed all week (no day has hours), a banner, and asleep while closed:
# any moment of any day is one where a trusted clock puts it to sleep
cat >"$tmp/closed.yaml" <<'YAML'
hours:
  monday: closed
kiosk:
  quick_exit: neutral
  help: { name: "Centre", number: "020 7000 0000" }
  out_of_hours:
    text: "We are closed now. This line is open day and night:"
    call: { name: "Support line", number: "0808 500 2222" }
display:
  sleep: outside_hours
screens:
  - { id: first, title: "First topic", blocks: [ { text: "One" } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML

# 1. Not synchronised, and timesyncd's folder not even there yet
sync="$tmp/timesync"
: >"$trace" # before the kiosk starts: wait_for must not find the last run's lines
SIGNPOST_TIMESYNC_DIR="$sync" "$bin" --window 800x480 --trace --status "$tmp/status" \
	--config "$tmp/closed.yaml" 2>"$trace" &
pid=$!
wait_for "trace: schedule closed=0 asleep=0 next=none clock=untrusted" && ok ||
	fail "with an untrusted clock the schedule is not open and awake: $(grep 'trace: schedule' "$trace")"
first_frame "$trace"
sleep 1.5 # time enough for anything that would send it to sleep
grep -q "^trace: sleep " "$trace" && fail "it went to sleep on a clock it cannot trust" || ok
import -window root "$tmp/untrusted.png"
[ "$(mean "$tmp/untrusted.png")" -gt 10 ] && ok || fail "untrusted, the screen is black"
band=$(convert "$tmp/untrusted.png" -format '%[hex:p{5,470}]' info:)
case "$band" in F2B705*) fail "untrusted, the closed banner is up (#$band)" ;; *) ok ;; esac
[ "$(clock_line)" = unsynchronised ] && ok || fail "the status file says clock=$(clock_line), not unsynchronised"
status >"$tmp/ctl.out" 2>&1
grep -qx "clock:       not synchronised since boot: the hours are not applied" "$tmp/ctl.out" && ok ||
	fail "signpostctl status does not say the clock is not synchronised: $(cat "$tmp/ctl.out")"
grep -q "^signpost: the clock is not synchronised since boot: the opening hours and sleep times are not applied" "$trace" &&
	ok || fail "the log does not say the hours wait for the clock"

# 2. timesyncd starts (its folder) and synchronises (its file): asleep
# within a second, the status too
mkdir "$sync"
sleep 0.3
grep -q "^trace: sleep " "$trace" && fail "asleep before the clock was marked synchronised" || ok
t0=$(ms)
: >"$sync/synchronized"
until grep -q "^trace: sleep mode=sleep" "$trace" || [ $(($(ms) - t0)) -gt 5000 ]; do sleep 0.02; done
took=$(($(ms) - t0))
echo "marked synchronised: asleep after $took ms"
[ "$took" -le 1000 ] && ok || fail "asleep $took ms after the clock was marked synchronised (at most 1000)"
grep -q "trace: schedule closed=1 asleep=1 next=none clock=trusted" "$trace" && ok ||
	fail "the trusted schedule is not closed and asleep: $(grep 'trace: schedule' "$trace")"
grep -q "^signpost: the clock is synchronised now" "$trace" && ok || fail "the log does not say the clock is synchronised"
sleep 0.5
import -window root "$tmp/trusted.png"
[ "$(mean "$tmp/trusted.png")" = 0 ] && ok || fail "trusted and asleep, the screen is not black (mean $(mean "$tmp/trusted.png"))"
[ "$(clock_line)" = synchronised ] && ok || fail "the status file says clock=$(clock_line), not synchronised"
status >"$tmp/ctl.out" 2>&1
grep -qx "clock:       synchronised" "$tmp/ctl.out" && ok ||
	fail "signpostctl status does not say the clock is synchronised: $(cat "$tmp/ctl.out")"
stop

# 3. The volunteer's setting for a battery clock: trusted from the start
: >"$trace" # before the kiosk starts: wait_for must not find the last run's lines
SIGNPOST_CLOCK=battery SIGNPOST_TIMESYNC_DIR="$tmp/none" "$bin" --window 800x480 --trace \
	--status "$tmp/status" --config "$tmp/closed.yaml" 2>"$trace" &
pid=$!
wait_for "trace: sleep mode=sleep" && ok || fail "with SIGNPOST_CLOCK=battery it did not sleep at a closed hour"
grep -q "trace: schedule closed=1 asleep=1 next=none clock=trusted" "$trace" && ok ||
	fail "with SIGNPOST_CLOCK=battery the clock is not trusted: $(grep 'trace: schedule' "$trace")"
[ "$(clock_line)" = battery ] && ok || fail "the status file says clock=$(clock_line), not battery"
status >"$tmp/ctl.out" 2>&1
grep -qx "clock:       the board's own battery clock (SIGNPOST_CLOCK=battery)" "$tmp/ctl.out" && ok ||
	fail "signpostctl status does not name the battery clock: $(cat "$tmp/ctl.out")"
stop

# 4. A setting it does not know: said, and the clock not trusted
: >"$trace" # before the kiosk starts: wait_for must not find the last run's lines
SIGNPOST_CLOCK=rtc SIGNPOST_TIMESYNC_DIR="$tmp/none" "$bin" --window 800x480 --trace \
	--config "$tmp/closed.yaml" 2>"$trace" &
pid=$!
wait_for "clock=untrusted" && ok || fail "SIGNPOST_CLOCK=rtc made the clock trusted: $(grep 'trace: schedule' "$trace")"
grep -q "signpost: warning: SIGNPOST_CLOCK=rtc is not a setting signpost knows; write SIGNPOST_CLOCK=battery" "$trace" &&
	ok || fail "an unknown SIGNPOST_CLOCK is not said in the log"
stop
done_testing
