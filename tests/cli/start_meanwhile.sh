# start_meanwhile.sh — a start on a file that is new at this output, with a
# last good copy whose verdict is remembered: that copy is the first frame,
# at once, and the file is checked in a child after it, as a reload is
# (firmware/sdl/ops.h, ops_load_first). A good file then replaces the copy
# on screen and is proven as any other; a file the check refuses leaves the
# copy, says why with its line, and the status says which is shown and that
# no check runs any more; a check that hangs never holds back the first
# frame; a file shown this way that takes the kiosk down twice is refused
# at the third start, as a checked one is. SDL's dummy driver, --trace.
. "$(dirname "$0")/lib.sh"
need_fault_hook
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy
mkdir "$tmp/state"
conf="$tmp/c.yaml"
status="$tmp/status"
pid=
sha() { sha256sum "$1" | cut -d' ' -f1; }
# run [FAULT]: a start; waits for its first frame, then (when the file is
# checked after it) for that check's end, then stops cleanly, which proves
# what is on screen
run() {
	rm -f "$tmp/log" "$status"
	SIGNPOST_TEST_FAULT=${1:-} SIGNPOST_TEST_CHECK_MS=3000 STATE_DIRECTORY="$tmp/state" "$bin" \
		--window 1280x800 --trace --status "$status" --config "$conf" 2>"$tmp/log" &
	pid=$!
	first_frame "$tmp/log"
	# the status as the first frame left it
	cp "$status" "$tmp/status.first" 2>/dev/null || : >"$tmp/status.first"
	checked_after "$tmp/log"
	sleep 0.3 # the new content's frame
	cp "$status" "$tmp/status.last" 2>/dev/null || : >"$tmp/status.last"
	kill -TERM $pid 2>/dev/null
	wait $pid 2>/dev/null
	pid=
}
first() { sed -n "s/^$1=//p" "$tmp/status.first"; }
last() { sed -n "s/^$1=//p" "$tmp/status.last"; }
# line_of PATTERN: where the trace says PATTERN first (0: never)
line_of() { grep -n "$1" "$tmp/log" | head -n 1 | cut -d: -f1 | grep . || echo 0; }

two_screens "Version A" >"$conf"
a=$(sha "$conf")
run
grep -qF "trace: check in a child (start)" "$tmp/log" && ok || fail "the first start did not check the file"
[ "$(last content_sha256)" = "$a" ] && ok || fail "A is not on screen after the first start"
[ "$(last checking)" = no ] && ok || fail "the status says a check runs after the first start: $(last checking)"

# B, valid: A at once, B after its check
two_screens "Version B" >"$conf"
b=$(sha "$conf")
run
grep -q "showing the last good content .* while $conf is checked" "$tmp/log" && ok ||
	fail "B: the log does not say the last good copy is shown meanwhile: $(grep signpost: "$tmp/log")"
[ "$(line_of '^trace: start')" -lt "$(line_of 'trace: check in a child (start)')" ] && ok ||
	fail "B: the check did not come after the first frame"
grep -q "^trace: reload ok" "$tmp/log" && ok || fail "B: not taken after its check: $(grep 'signpost:\|trace: reload' "$tmp/log")"
[ "$(last content_sha256)" = "$b" ] && [ "$(last checking)" = no ] && [ "$(last last_reload)" = ok ] && ok ||
	fail "B: the status after the check: $(cat "$tmp/status.last")"
run
grep -qF "trace: check remembered (start)" "$tmp/log" && ok || fail "B, shown and stopped cleanly, is not remembered"
[ "$(first content_sha256)" = "$b" ] && ok || fail "B's remembered start does not show B first"

# C, refused by the check: B stays, and the status says why and where
two_screens "Version C" | sed 's/blocks: \[ { text: "One" } \]/blocks: [ { txet: "One" } ]/' >"$conf"
run
[ "$(first content_sha256)" = "$b" ] && ok || fail "C: the first frame is not the last good copy's"
grep -q "cannot be shown; still showing the last good content" "$tmp/log" && ok ||
	fail "C: the log does not say C was refused: $(grep signpost: "$tmp/log")"
[ "$(last content_sha256)" = "$b" ] && [ "$(last last_reload)" = failed ] && [ "$(last checking)" = no ] && ok ||
	fail "C: the status after the refusal: $(cat "$tmp/status.last")"
grep -q "^problem=$conf:3:[0-9]*: error: .*txet" "$tmp/status.last" && ok ||
	fail "C: the status does not say where C is wrong: $(grep problem= "$tmp/status.last")"

# D, whose check hangs: the first frame does not wait for it, and until
# the check's time runs out the status says the copy is shown and a check
# runs. (The fault hook is part of the verdict's key: B is proven under it
# first, as a kiosk would have proven it.)
two_screens "Version B" >"$conf"
run hang:HANG
[ "$(last content_sha256)" = "$b" ] && ok || fail "B under the fault hook is not on screen"
two_screens "Version D HANG" >"$conf"
run hang:HANG
[ "$(first content_sha256)" = "$b" ] && ok || fail "D: the first frame is not the last good copy's"
[ "$(first checking)" = yes ] && ok || fail "D: while its check runs the status does not say so: $(first checking)"
[ "$(line_of '^trace: start')" -gt 0 ] && [ "$(line_of '^trace: start')" -lt "$(line_of '^trace: reload failed')" ] && ok ||
	fail "D: the first frame waited for the hanging check: $(grep 'trace: \(start\|reload\)' "$tmp/log")"
[ "$(last content_sha256)" = "$b" ] && [ "$(last last_reload)" = failed ] && ok ||
	fail "D: the status after the check's time ran out: $(cat "$tmp/status.last")"

# E, accepted after its check, then takes the kiosk down on screen twice:
# the third start refuses it as it refuses a checked one
two_screens "Version B" >"$conf"
run # proven again without the hang hook (die: is not part of the key)
two_screens "Version E DIE-ME" >"$conf"
for n in 1 2; do
	run die:DIE-ME
	grep -q "^trace: reload ok" "$tmp/log" && ok || fail "E: start $n did not take E after its check"
done
[ "$(cut -d' ' -f2 "$tmp/state/trying")" = 2 ] && ok || fail "E: its starts are not counted: $(cat "$tmp/state/trying")"
run die:DIE-ME
grep -q "stopped 2 times in a row while showing this file" "$tmp/log" && ok ||
	fail "E: the third start does not refuse it: $(grep signpost: "$tmp/log")"
[ "$(last content_sha256)" = "$b" ] && ok || fail "E: the third start does not show the last good copy"
grep -q "while $conf is checked" "$tmp/log" && fail "E: a refused file is checked again" || ok
done_testing
