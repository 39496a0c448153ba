# speech_touch.sh — speech started and used by touch, end to end: the real
# kiosk in a window under Xvfb, clicks from xdotool standing in for
# touches, what it played captured by SDL's disk audio driver. Checked:
#   - the Listen button is there while an output can speak, beside Quick
#     exit, already in the attract loop, and answers the first touch (it
#     is not swallowed as a waking touch): speech on, the screen heard;
#   - while speech is on, a touch says what is under the finger (the
#     title, the text, a button) and presses nothing; a double tap on a
#     button chooses it (the topics, then read from the top); a swipe
#     still turns the page, and the new screen is read from the top;
#   - Listen, double tapped, turns speech off, and a tap presses again;
#   - with speech on, one touch on Quick exit works at once and ends it;
#   - with speech.output: none there is no Listen button.
. "$(dirname "$0")/lib.sh"

for tool in Xvfb xdotool python3; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
says() { grep -c "^trace: speech says$1" "$trace"; }
said_last() { grep "^trace: speech says" "$trace" | tail -n 1; }

content() { # OUTPUT
	cat <<YAML
kiosk: { cycle: 60, quick_exit: neutral }
speech: { output: $1 }
screens:
  - { id: first, title: "First topic", blocks: [ { text: "Some words to be read." } ] }
  - { id: second, title: "Second topic", blocks: [ { steps: ["Come in.", "Sit down."] } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
}

export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$tmp/heard.raw"
content '"System audio output device"' >"$tmp/c.yaml"
"$bin" --preview "$tmp/pv" --size 800x480 --config "$tmp/c.yaml" 2>/dev/null
start_session "$tmp/c.yaml"
i=0
while ! grep -q "speech: through the sound output" "$trace" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.5

# 1. Listen, in the loop, beside Quick exit; the first touch starts speech.
set -- $(button speech)
if [ $# -ge 2 ]; then ok; else fail "no Listen button in the loop"; fi
lx=${1:-0} ly=${2:-0}
set -- $(button quick-exit)
if [ "${1:-0}" -gt "$lx" ] && [ "${2:-0}" = "$ly" ]; then ok; else fail "Listen is not left of Quick exit in its row"; fi
mark=$(stat -c %s "$tmp/heard.raw")
tap "$lx" "$ly"
expect_state "input mode=browse screen=first" "Listen wakes the kiosk"
grep -q "^trace: speech on" "$trace" && ok || fail "the first touch on Listen did not start speech"
sleep 9
set -- $(heard find "$tmp/heard.raw" "$mark" "$tmp/pv/01-first-en-1.wav" 0 0.8)
if awk "BEGIN { exit !($1 > 0.9) }"; then ok; else fail "the title was not heard after Listen (correlation $1)"; fi

# 2. A touch says what is under it: the title (step 0), the text (step 1;
# at 800x480 the title's line is near y=95 and the text's near y=150),
# a button; nothing is pressed.
n=$(says " steps 0\.\.1 of")
tap 120 95
sleep 0.3
[ "$(says " steps 0\.\.1 of")" -gt "$n" ] && ok || fail "a touch on the title did not say it ($(said_last))"
n=$(says " steps 1\.\.2 of")
tap 120 150
sleep 0.3
[ "$(says " steps 1\.\.2 of")" -gt "$n" ] && ok || fail "a touch on the text did not say it ($(said_last))"
lines=$(wc -l <"$trace")
tap_button topics
sleep 0.8 # longer than a double tap
expect_state "input mode=browse screen=first" "one touch on Topics presses nothing"
sed -n "$((lines + 1)),\$p" "$trace" | grep -q "^trace: speech says steps [0-9]*\.\." && ok ||
	fail "a touch on Topics did not say it"

# 3. A double tap chooses: the topics, read from the top.
set -- $(button topics)
xdotool mousemove "$1" "$2" click 1 sleep 0.15 click 1
expect_state "input mode=menu" "a double tap on Topics opens the topics"
said_last | grep -q "steps 0\.\.[0-9]* of" && ok || fail "the topics were not read from the top ($(said_last))"
# a topic, double tapped
set -- $(button open 1)
xdotool mousemove "$1" "$2" click 1 sleep 0.15 click 1
expect_state "input mode=browse screen=second" "a double tap on a topic opens it"

# 4. A swipe turns the page and the new screen is read from the top.
xdotool mousemove 150 240 mousedown 1 mousemove 375 245 mousemove 600 250 mouseup 1
expect_state "input mode=browse screen=first" "a swipe turns to the previous screen while speech is on" 0.6
said_last | grep -q "steps 0\.\.[0-9]* of" && ok || fail "the new screen was not read from the top"

# 5. Listen, double tapped, turns speech off; then a tap presses again.
set -- $(button speech)
xdotool mousemove "$1" "$2" click 1 sleep 0.15 click 1
sleep 0.4
grep -q "^trace: speech off" "$trace" && ok || fail "a double tap on Listen did not turn speech off"
sleep 0.6
tap_button topics
expect_state "input mode=menu" "with speech off a tap presses"

# 6. With speech on, one touch on Quick exit works at once (it is never
# explored: a visitor in a hurry must not need two taps), and speech ends.
sleep 0.6
tap_button speech
sleep 0.5
[ "$(grep -c '^trace: speech on' "$trace")" -ge 2 ] && ok || fail "Listen did not start speech again"
sleep 0.6
tap_button quick-exit
expect_state "quick-exit mode=attract screen=neutral" "one touch on Quick exit while speech is on"
[ "$(grep -c '^trace: speech off' "$trace")" -ge 2 ] && ok || fail "Quick exit by touch left speech on"
kill $pid
wait $pid 2>/dev/null

# 6. speech.output: none: no Listen button anywhere.
content none >"$tmp/c.yaml"
start_session "$tmp/c.yaml"
tap 400 300
sleep 0.5
if grep -q "^trace: button speech" "$trace"; then fail "Listen shown on a kiosk that never speaks"; else ok; fi

done_testing
