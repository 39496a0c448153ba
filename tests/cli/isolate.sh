# isolate.sh — no content file can take the screen down: the complete check
# runs in a child process (firmware/sdl/verdict.c), so a check that
# crashes, hangs or eats memory is a refusal with a message, never the
# kiosk's death. With the test builds' fault hook (SIGNPOST_TEST_FAULT=
# crash|hang|eat:TEXT: the check of content holding TEXT does that), on a
# reload and at start: the kiosk keeps running and showing good content,
# and the status file says why. And content that passes its check but takes
# the kiosk down once on screen (die:TEXT) is refused after two such
# starts: the last good copy is shown, and the status says why.
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }

need_fault_hook

start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir "$tmp/etc" "$tmp/state"
conf="$tmp/etc/content.yaml"
status="$tmp/status"
write_content() { two_screens "$1"; } # TITLE
get() { sed -n "s/^$1=//p" "$status" | head -n 1; }
wait_for() { # KEY VALUE SECONDS
	i=0
	while [ "$(get "$1")" != "$2" ] && [ $i -lt $(($3 * 10)) ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(get "$1")" = "$2" ]
}
export SIGNPOST_TEST_CHECK_MS=2000 # the hang is stopped after 2 s, not 30
start() { # the kiosk on $conf; waits for its status file
	rm -f "$status"
	SIGNPOST_TEST_FAULT=$1 STATE_DIRECTORY="$tmp/state" "$bin" --window 800x480 --trace \
		--status "$status" --config "$conf" 2>"$tmp/log" &
	pid=$!
	i=0
	while [ ! -s "$status" ] && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 0.3
}
stop() { kill $pid; wait $pid 2>/dev/null; }

for fault in crash hang eat; do
	case $fault in
	crash) said="crashed" ;;
	hang) said="took longer than 2 seconds" ;;
	eat) said="crashed\|took longer than 2 seconds" ;; # a sanitizer build has no memory limit: the time stops it
	esac
	# on a reload: the good content stays, the kiosk runs, the status says why
	write_content "Good" >"$conf"
	start "$fault:POISON"
	good=$(get content_sha256)
	[ -n "$good" ] && ok || fail "$fault: the kiosk did not start on good content"
	write_content "POISON" >"$conf"
	wait_for last_reload failed 15 && ok || fail "$fault: the reload was not refused (last_reload=$(get last_reload))"
	kill -0 $pid 2>/dev/null && ok || fail "$fault: the kiosk died when the check of a saved file did"
	[ "$(get content_sha256)" = "$good" ] && ok || fail "$fault: the poisoned file reached the screen"
	grep -q "^problem=.*the check of this file \($said\)" "$status" && ok ||
		fail "$fault: the status does not say the check $fault: $(grep problem= "$status")"
	grep -q "keeps showing what it showed" "$tmp/log" && ok || fail "$fault: the log does not say what is shown"
	# and it still answers: a good file after it is shown
	write_content "Better" >"$conf"
	wait_for last_reload ok 10 && ok || fail "$fault: a good file after the poisoned one was not taken"
	[ "$(get content_sha256)" != "$good" ] && ok || fail "$fault: the good file after it is not on screen"
	stop

	# at start, with a last good copy: that is shown, and the log says why
	mkdir -p "$tmp/state/last-good" && write_content "Kept" >"$tmp/state/last-good/content.yaml"
	kept=$(sha256sum "$tmp/state/last-good/content.yaml" | cut -d' ' -f1)
	write_content "POISON" >"$conf"
	start "$fault:POISON"
	kill -0 $pid 2>/dev/null && ok || fail "$fault: the kiosk died at start on a file whose check did"
	[ "$(get content_sha256)" = "$kept" ] && ok ||
		fail "$fault: at start, not the last good copy on screen ($(get content_sha256), want $kept)"
	grep -q "showing the last good content" "$tmp/log" && ok || fail "$fault: at start, the log does not say it shows the last good copy"
	grep -q "the check of this file" "$tmp/log" && ok || fail "$fault: at start, the log does not say why: $(head -n 5 "$tmp/log")"
	stop
	rm -rf "$tmp/state/last-good"
done

# at start with no last good copy: the resting screen, not a dark one
write_content "POISON" >"$conf"
start "crash:POISON"
kill -0 $pid 2>/dev/null && ok || fail "no last good copy: the kiosk died at start"
grep -q "built-in 'resting' screen" "$tmp/log" && ok || fail "no last good copy: the resting screen is not shown: $(head -n 5 "$tmp/log")"
grep -q "trace: start" "$tmp/log" && ok || fail "no last good copy: no frame"
stop

# content that passes its check, then takes the kiosk down with it on
# screen (die: a fault in drawing it): after two such starts the next one
# goes back to the last good copy, and says why
write_content "Kept" >"$conf"
start ""
stop # a clean stop proves it: it is the last good copy now
kept=$(sha256sum "$tmp/state/last-good/content.yaml" | cut -d' ' -f1)
write_content "DIE-ME" >"$conf"
for n in 1 2; do
	start "die:DIE-ME"
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	kill -0 $pid 2>/dev/null && fail "start $n: the die hook did not fire" || ok
	wait $pid 2>/dev/null
done
[ "$(cut -d' ' -f2 "$tmp/state/trying")" = 2 ] && ok || fail "two starts that died are not counted: $(cat "$tmp/state/trying")"
cmp -s "$tmp/state/last-good/content.yaml" - <<EOF_KEPT && ok || fail "content that died on screen became the last good copy"
$(write_content "Kept")
EOF_KEPT
start "die:DIE-ME"
sleep 0.5
kill -0 $pid 2>/dev/null && ok || fail "the third start died with the same file again"
[ "$(get content_sha256)" = "$kept" ] && ok || fail "the third start does not show the last good copy"
grep -q "stopped 2 times in a row while showing this file" "$tmp/log" && ok || fail "the third start does not say why: $(head -n 4 "$tmp/log")"
grep -q "^problem=.*stopped 2 times in a row" "$status" && ok || fail "the status does not say why"
# a fixed file is shown again at once
write_content "Fixed" >"$conf"
wait_for last_reload ok 10 && ok || fail "the fixed file was not taken"
stop

# the hook only ever fires on the chosen text: a normal file is untouched
write_content "Good" >"$conf"
start "crash:NOT-IN-THIS-FILE"
[ "$(get last_reload)" = none ] && [ -n "$(get content_sha256)" ] && ok || fail "the hook fired on a file without its text"
stop
done_testing
