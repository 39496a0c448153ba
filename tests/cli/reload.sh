# reload.sh — live reload that never loses content: a valid edit takes effect
# (status file and trace); an invalid edit, a half-written file and a deleted
# file keep the old content on screen; write-and-rename is caught; SIGHUP
# reloads; a visitor stays where they are; 100 reloads in a row (the
# sanitizer build checks they leak nothing at exit).
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

mkdir "$tmp/etc"
conf="$tmp/etc/content.yaml"
status="$tmp/status"
write_content() { # TITLE-OF-SECOND [extra screen]
	cat <<YAML
kiosk: { cycle: 30, quick_exit: neutral }
screens:
  - { id: first, title: "First topic", blocks: [ { text: "One" } ] }
  - { id: second, title: "$1", blocks: [ { text: "Two" } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
${2:-}
YAML
}
write_content "Second topic" >"$conf"
"$bin" --window 800x480 --trace --status "$status" --config "$conf" 2>"$tmp/trace" &
pid=$!
i=0
while [ ! -s "$status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
get() { sed -n "s/^$1=//p" "$status" | head -n 1; }
wait_for() { # KEY VALUE: up to 3 s
	i=0
	while [ "$(get "$1")" != "$2" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(get "$1")" = "$2" ]
}
hash() { sha256sum "$conf" | cut -d' ' -f1; }
reloads() { grep -c "^trace: reload ok" "$tmp/trace"; }

# the status file at start: what runs, what it shows, no visitor data
[ "$(get pid)" = "$pid" ] && ok || fail "status pid is '$(get pid)', expected $pid"
[ "$(get content_sha256)" = "$(hash)" ] && ok || fail "status hash differs from sha256sum"
[ "$(get last_reload)" = none ] && ok || fail "last_reload is '$(get last_reload)' at start"
grep -qiE "screen=|mode=|view|touch" "$status" && fail "the status file mentions what is viewed" || ok

# a visitor is reading the second screen
xdotool mousemove 400 250 click 1
sleep 0.3
set -- $(grep "^trace: button next " "$tmp/trace" | tail -1 | awk '{print $4, $5}')
xdotool mousemove "$1" "$2" click 1
sleep 0.4

# 1. a valid edit, written in place: taken, and the visitor stays put
write_content "Second topic, edited" >"$conf"
wait_for content_sha256 "$(hash)" && ok || fail "a valid edit was not taken"
[ "$(get last_reload)" = ok ] && ok || fail "last_reload is '$(get last_reload)'"
[ "$(reloads)" = 1 ] && ok || fail "$(reloads) reloads for one save (should settle into one)"
grep "^trace: reload mode=\|^trace: input" "$tmp/trace" | tail -1 | grep -q "mode=browse screen=second" &&
	ok || fail "the visitor was moved by the reload: $(grep '^trace: ' "$tmp/trace" | grep -v button | tail -1)"

# 2. an invalid edit: refused, the old content stays, problems in the status
good=$(get content_sha256)
sed 's/title: "First topic"/titel: "First topic"/' "$conf" >"$tmp/bad.yaml"
cat "$tmp/bad.yaml" >"$conf"
wait_for last_reload failed && ok || fail "an invalid edit was not reported"
[ "$(get content_sha256)" = "$good" ] && ok || fail "the invalid content replaced the good one"
grep -q "^problem=$conf:3:18: error: unknown key 'titel'" "$status" && ok ||
	fail "the problem is not in the status file: $(grep problem "$status")"
kill -0 $pid && ok || fail "the kiosk died on invalid content"

# 3. write-and-rename (what many editors do): caught
write_content "Renamed in" >"$tmp/etc/.content.yaml.swp"
mv "$tmp/etc/.content.yaml.swp" "$conf"
wait_for content_sha256 "$(hash)" && ok || fail "a write-and-rename save was not caught"
[ "$(get last_reload)" = ok ] && ok || fail "after rename last_reload is '$(get last_reload)'"

# 4. a half-written file (cut mid-line) and a deleted file: old content kept
good=$(get content_sha256)
write_content "Half" | head -c 120 >"$conf"
wait_for last_reload failed && ok || fail "a half-written file was taken"
[ "$(get content_sha256)" = "$good" ] && ok || fail "a half-written file replaced the content"
rm "$conf"
sleep 0.6
grep -q "^problem=.*does not exist" "$status" && ok || fail "a deleted file is not reported"
[ "$(get content_sha256)" = "$good" ] && ok || fail "deleting the file lost the content"
kill -0 $pid && ok || fail "the kiosk died when its file was deleted"

# 5. SIGHUP reloads (with the watcher's help or without)
write_content "Back again" >"$conf"
sleep 0.6
before=$(reloads)
kill -HUP $pid
sleep 0.4
[ "$(reloads)" -gt "$before" ] && ok || fail "SIGHUP did not reload"

# 6. a reload that removes the screen being read goes back to the loop
# (each write waited for: a reload's check runs in a child, which a loaded
# machine makes slow)
shown() { grep -c "^trace: reload mode=" "$tmp/trace"; } # a reload's new state
reloaded_after() { # COUNT: until more than COUNT reloads were shown, up to 10 s
	i=0
	while [ "$(shown)" -le "$1" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
before=$(shown)
write_content "Second topic" >"$conf"
reloaded_after "$before"
sed '/id: second/d' "$conf" >"$tmp/less.yaml"
before=$(shown)
cat "$tmp/less.yaml" >"$conf"
reloaded_after "$before"
grep "^trace: reload mode=" "$tmp/trace" | tail -1 | grep -q "mode=attract screen=first" &&
	ok || fail "a removed screen did not send the kiosk back to the loop"

# 7. a hundred reloads in a row, alternating good and bad content
write_content "Second topic" >"$tmp/good.yaml"
i=0
while [ $i -lt 100 ]; do
	if [ $((i % 2)) = 0 ]; then cp "$tmp/good.yaml" "$conf"; else cp "$tmp/bad.yaml" "$conf"; fi
	kill -HUP $pid
	i=$((i + 1))
done
cp "$tmp/good.yaml" "$conf"
kill -HUP $pid
wait_for content_sha256 "$(hash)" && ok || fail "after 100 reloads the last good content is not shown"
kill -0 $pid && ok || fail "the kiosk did not survive 100 reloads"

kill -TERM $pid
wait $pid
rc=$?
[ $rc = 0 ] && ok || fail "exit code $rc after the reloads (a leak in the sanitizer build exits non-zero)"
[ ! -e "$status" ] && ok || fail "the status file is left behind after exit"
done_testing
