# lib.sh — shared helpers for the command-line tests. Sourced, not run.
# Each test script gets: $1 = the signpost binary, $2 = the source tree.
# It counts checks and ends with "N passed, N failed" like the C tests.
bin=$1
src=$2
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	echo "FAIL: $*" >&2
}
# expect_exit CODE DESCRIPTION -- command...
expect_exit() {
	want=$1
	what=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else
		fail "$what: exit $got, expected $want"
		sed 's/^/    /' "$tmp/err" >&2
	fi
}
# expect_err TEXT DESCRIPTION: the last command's output contains TEXT (on
# stderr, or on stdout, where --check writes its report)
expect_err() {
	if grep -qF -- "$1" "$tmp/err" "$tmp/out"; then ok; else
		fail "$2: the output lacks '$1'"
		sed 's/^/    /' "$tmp/out" "$tmp/err" >&2
	fi
}
done_testing() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}

. "$src/tests/xvfb.sh"

# --- the kiosk with a state folder and a status file ---
# start_kiosk: the kiosk on $conf in an 800x480 window, its state in
# $tmp/state, its status in $status and its log in $tmp/log; sets $pid and
# waits for the status file and the first frame. stop_kiosk ends it; status_get KEY reads it.
start_kiosk() {
	rm -f "$status"
	STATE_DIRECTORY="$tmp/state" "$bin" --window 800x480 --trace --status "$status" \
		--config "$conf" 2>"$tmp/log" &
	pid=$!
	i=0
	while [ ! -s "$status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	first_frame "$tmp/log"
	sleep "${1:-0.3}"
}
stop_kiosk() { kill $pid; wait $pid 2>/dev/null; }
status_get() { sed -n "s/^$1=//p" "$status" | head -n 1; }

# first_frame LOG: until the kiosk ($pid, --trace into LOG) presented its
# first frame (`trace: ready`, printed as it says READY=1) or ended (20 s
# at most: a loaded machine, a sanitizer build)
first_frame() {
	i=0
	while ! grep -q "^trace: ready$" "$1" 2>/dev/null && kill -0 $pid 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
# checked_after LOG: when the kiosk started on its last good copy while its
# file is checked (firmware/sdl/ops.h), until that check ended (10 s at most)
checked_after() {
	i=0
	while grep -q "^trace: check remembered (start, the last good copy)" "$1" &&
		! grep -q "^trace: reload \(ok\|failed\)" "$1" && kill -0 $pid 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

# --- a visitor's session with the real kiosk, through its --trace log ---
# start_session CONFIG: the kiosk in an 800x480 window on $DISPLAY, tracing to
# $trace; sets $pid (the caller's EXIT trap kills it). Waits for its start.
start_session() {
	trace="$tmp/trace"
	"$bin" --window 800x480 --trace --config "$1" 2>"$trace" &
	pid=$!
	i=0
	while ! grep -q "trace: start" "$trace" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 0.5
}
# last_state: the last mode/screen line of the trace
last_state() { grep -E "^trace: (start|input|loop|idle|reset|quick-exit) " "$trace" | tail -1; }
expect_state() { # PATTERN WHAT [SLEEP, default 0.4 s]: after SLEEP, then up to 5 s more (a loaded
	# machine, a sanitizer build: a timer's trace line may come late, never early)
	sleep "${3:-0.4}"
	i=0
	while ! last_state | grep -q -- "$1" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	if last_state | grep -q -- "$1"; then ok; else
		fail "$2: expected '$1', trace says '$(last_state)'"
		# a kiosk that ended says why at the end of its log
		kill -0 "$pid" 2>/dev/null || grep -v "^trace: button" "$trace" | tail -n 30 | sed 's/^/    /' >&2
	fi
}
button() { # NAME [ARG]: the centre of the last such button drawn (any ARG if none is given)
	grep "^trace: button $1 .*arg=${2:-[-0-9]*}\$" "$trace" | tail -1 | awk '{print $4, $5}'
}
tap() { xdotool mousemove "$1" "$2" click 1; } # x y
tap_button() { # NAME [ARG]
	set -- $(button "$1" "${2:-}") "$1"
	[ $# -ge 3 ] || { fail "no button '$1' on screen"; return; }
	tap "$1" "$2"
}
shot() { import -window root "$tmp/$1.png"; } # NAME: a screenshot in $tmp/NAME.png
# two_screens TITLE: a small valid content file on standard output, a first
# screen with that title and the neutral screen Quick exit shows
two_screens() {
	cat <<YAML
kiosk: { quick_exit: neutral }
screens:
  - { id: first, title: "$1", blocks: [ { text: "One" } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
}

# heard ...: what SDL's disk audio driver captured (tests/cli/heard.py says
# how); the speech tests set SDL_AUDIODRIVER=disk and SDL_DISKAUDIOFILE
heard() { python3 "$src/tests/cli/heard.py" "$@"; }

# need_fault_hook: the test builds' fault hook (-DSIGNPOST_TEST_HOOKS=ON,
# firmware/sdl/verdict.c) is in $bin, or the test is skipped (exit 77) or,
# where dev.sh requires the hook, failed. A check that ends by itself (a
# status up to 128) had no hook crash it.
need_fault_hook() {
	printf 'screens: [ { id: a, title: "FAULT", blocks: [ { text: "x" } ] } ]\n' >"$tmp/probe.yaml"
	SIGNPOST_TEST_FAULT=crash:FAULT "$bin" --check-child --size 800x480 --config p <"$tmp/probe.yaml" >/dev/null 2>&1
	[ $? -gt 128 ] && return 0
	echo "this build has no fault hook (configure with -DSIGNPOST_TEST_HOOKS=ON)"
	[ -n "${SIGNPOST_REQUIRE_HOOKS:-}" ] && { fail "no fault hook in a build that must have one"; done_testing; exit 1; }
	exit 77
}
