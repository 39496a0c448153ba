# integrity.sh — what reaches the screen is exactly what --check accepts.
# Content the loader takes but the complete check refuses (here: text the
# colour of its background, 1.00:1) is refused at start-up and on reload,
# the last good copy is replaced only by content that was shown and
# proven, quoted
# text cannot forge lines of the status file, and a symlink planted where
# the status file's temporary goes is never followed.
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

mkdir "$tmp/etc" "$tmp/state"
conf="$tmp/etc/content.yaml"
status="$tmp/status"
write_content() { # TITLE [TEXT-COLOUR]
	cat <<YAML
theme: { background: "#1B2340", text: "${2:-#FFFFFF}" }
kiosk: { quick_exit: neutral }
screens:
  - { id: first, title: "$1", blocks: [ { text: "One" } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
}
get() { status_get "$1"; }
wait_for() { # KEY VALUE: up to 5 s
	i=0
	while [ "$(get "$1")" != "$2" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(get "$1")" = "$2" ]
}
start() { start_kiosk; } # lib.sh: the kiosk on $conf with a state directory
stop() { stop_kiosk; }

# the invisible file is refused by --check: the rest of the test relies on it
write_content "Invisible" "#1B2340" >"$tmp/invisible.yaml"
expect_exit 1 "--check refuses text the colour of the background" -- "$bin" --check --config "$tmp/invisible.yaml"
expect_err "contrast of 1.00:1" "--check gives the ratio"

# 1. a good file: shown, and kept as the last good copy once it is proven:
# on screen for a while (a minute; a clean stop counts as well), so content
# that takes the kiosk down with it never becomes the copy to go back to
write_content "Good" >"$conf"
start
[ ! -e "$tmp/state/last-good/content.yaml" ] && ok || fail "content only just shown is already the last good copy"
stop
cmp -s "$conf" "$tmp/state/last-good/content.yaml" && ok || fail "the shown content was not kept as the last good copy at a clean stop"
[ ! -e "$tmp/state/trying" ] && ok || fail "a clean stop left its try counted"
start
good=$(get content_sha256)

# 2. saving the invisible file: refused, the good content and copy stay
cp "$tmp/invisible.yaml" "$conf"
wait_for last_reload failed && ok || fail "a file --check refuses was not refused (last_reload=$(get last_reload))"
[ "$(get content_sha256)" = "$good" ] && ok || fail "the refused file reached the screen"
grep -q "^problem=.*contrast of 1.00:1" "$status" && ok || fail "the status does not say why: $(grep problem= "$status")"
write_content "Good" | cmp -s - "$tmp/state/last-good/content.yaml" && ok || fail "the refused file replaced the last good copy"
grep -q "trace: reload ok" "$tmp/log" && fail "the trace shows a reload that went through" || ok

# 3. SIGHUP (signpostctl reload) is refused the same way
kill -HUP $pid
sleep 1
[ "$(get content_sha256)" = "$good" ] && ok || fail "SIGHUP put the refused file on screen"
stop

# 4. starting on the invisible file: the last good copy is shown instead
start
grep -q "showing the last good content" "$tmp/log" && ok || fail "start-up showed a file --check refuses: $(grep signpost: "$tmp/log")"
grep -q "trace: start mode=attract screen=first" "$tmp/log" && ok || fail "not the last good content at start"
# (the file is checked after the first frame, in a child: a loaded machine
# takes a while)
wait_for last_reload failed && ok || fail "the status does not say the file failed"
write_content "Good" | cmp -s - "$tmp/state/last-good/content.yaml" && ok || fail "start-up replaced the last good copy"
stop

# 5. with no copy: the built-in resting screen, never the invisible text
rm -r "$tmp/state/last-good"
start
grep -q "trace: start mode=attract screen=unavailable" "$tmp/log" && ok || fail "not the built-in screen: $(grep 'trace: start' "$tmp/log")"
[ ! -e "$tmp/state/last-good/content.yaml" ] && ok || fail "the built-in screen was kept as the last good copy"
stop

# 6. quoted text with raw control characters cannot forge status lines, and
# a symlink planted where a temporary could go is not followed
echo "precious" >"$tmp/victim"
ln -s "$tmp/victim" "$status.new"
write_content "Good" >"$conf"
start
printf 'kiosk: { quick_exit: neutral }\nscreens:\n  - { id: neutral, title: "W", blocks: [ { qr: { data: "tel:0808 500\\npid=1\\ncontent_sha256=0000\\nlast_reload=ok" } } ] }\n' >"$conf"
wait_for last_reload failed && ok || fail "the forged file was not refused"
[ "$(grep -c '^pid=' "$status")" = 1 ] && ok || fail "the status file has forged lines: $(cat "$status")"
[ "$(grep -c '^last_reload=' "$status")" = 1 ] && ok || fail "a forged last_reload line"
grep -q '^problem=.*\\n' "$status" && ok || fail "the newline is not shown as \\n: $(grep problem= "$status")"
[ "$(cat "$tmp/victim")" = precious ] && ok || fail "the status file followed a planted symlink"
stop

done_testing
