# speech_keys.sh — speech for a visitor who cannot see the screen, end to
# end: the real kiosk in a window under Xvfb, a keyboard's keys pressed
# with xdotool (a USB keypad's keys arrive the same way), what it played
# captured by SDL's disk audio driver (a file written as the sound is
# played, silence included, so its length is a time) and compared with
# what --preview says the screen says (tests/cli/heard.py matches the
# loudness of each utterance every 10 ms). Checked:
#   - speech is off until asked for, and goes nowhere by default (no
#     headset among the outputs: not to the system's default output);
#   - the first key turns it on and wakes the kiosk, and the screen is
#     read in order: the title, then its text, in the voice --preview
#     uses; the key does nothing else;
#   - down, up, repeat and choose move over and say one step, choose on
#     the Topics button opens the topics, which are read from the top;
#     other keys are ignored;
#   - Quick exit stops the sound at once (silence from the next buffer)
#     and turns speech off; louder is louder, and the next visitor starts
#     at the first volume again, after Quick exit and after the idle reset;
#   - the idle notice is spoken.
. "$(dirname "$0")/lib.sh"

for tool in Xvfb xdotool python3; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
is() { awk "BEGIN { exit !($1) }"; }        # is EXPRESSION: awk says it holds
plus() { awk "BEGIN { print $1 + $2 }"; } # plus A B

content() { # OUTPUT: a content file speaking to that output
	cat <<YAML
kiosk:
  cycle: 60
  idle_timeout: 10
  quick_exit: neutral
  help: { name: "Support line", number: "0808 500 2222" }
speech: { output: $1 }
screens:
  - id: first
    title: "First topic"
    blocks:
      - text: "One two three four five six seven eight nine ten. This is a long text that goes on for a while, so that speech has something to say for many seconds."
  - { id: second, title: "Second topic", blocks: [ { steps: ["Come in.", "Sit down."] } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
}

# 1. By default speech goes to a headset only: SDL's one output here is
# "System audio output device", so nothing is opened and nothing played.
content headset >"$tmp/c.yaml"
cap="$tmp/heard.raw"
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$cap"
start_session "$tmp/c.yaml"
xdotool key Down
sleep 1
if grep -q "speech: no sound output named as headphones or a headset (outputs seen: 'System audio output device')" "$trace"; then ok; else
	fail "no headset: the kiosk does not say so"; grep speech "$trace" >&2
fi
if [ ! -s "$cap" ] || heard silent "$cap" 0 >/dev/null; then ok; else fail "speech played without a headset"; fi
kill $pid; wait $pid 2>/dev/null

# 2. Named, it is used. Nothing is said before a key.
content '"System audio output device"' >"$tmp/c.yaml"
expect_exit 0 "the content is valid" -- "$bin" --check --config "$tmp/c.yaml"
rm -f "$cap"
start_session "$tmp/c.yaml"
i=0
while ! grep -q "speech: through the sound output 'System audio output device'" "$trace" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
sleep 1
if [ -s "$cap" ] && heard silent "$cap" 0 >/dev/null; then ok; else fail "sound before any key (or no capture)"; fi

"$bin" --preview "$tmp/pv" --size 800x480 --config "$tmp/c.yaml" 2>/dev/null
wav="$tmp/pv/01-first-en-1.wav"
[ -s "$wav" ] && ok || fail "--preview wrote no speech for the first screen"
# the preview's utterances: start second, part, text
at() { sed -n "s/^\([0-9.]*\)\ten\t$1\t.*/\1/p" "$tmp/pv/01-first-en-1.speech.txt" | head -n 1; }
title_at=$(at title) text_at=$(at text)

# 3. The first key: speech on, the kiosk awake on the screen shown, and
# the screen read from the top (the intro, the title, then the text).
mark=$(stat -c %s "$cap")
xdotool key Down
expect_state "input mode=browse screen=first page=1" "the first key wakes the kiosk"
grep -q "^trace: speech on" "$trace" && ok || fail "the first key did not turn speech on"
grep -q "^trace: speech says words, then steps 0\.\.[0-9]* of" "$trace" && ok ||
	fail "the first key did not read the screen from the top"
sleep 9
set -- $(heard find "$cap" "$mark" "$wav" "$title_at" "$(plus "$text_at" -0.4)")
title_corr=$1 title_s=$2 title_gain=$3
set -- $(heard find "$cap" "$mark" "$wav" "$text_at" "$(plus "$text_at" 2.5)")
text_corr=$1 text_s=$2
if is "$title_corr > 0.9 && $text_corr > 0.9 && $text_s > $title_s"; then ok; else
	fail "the screen was not heard in order: title $title_corr at $title_s s, text $text_corr at $text_s s"
fi
if is "$title_gain > 0.85 && $title_gain < 1.15"; then ok; else
	fail "the first volume is not the voice's own: $title_gain times"
fi

# 4. Up and down move one step and say it; repeat says it again; choose
# on what is not a button says it again and presses nothing.
says() { grep -c "^trace: speech says$1" "$trace"; }
n=$(says " steps 0\.\.1 of")
xdotool key Up # from wherever the reading was: towards the title
xdotool key Up
xdotool key Up
xdotool key Up
xdotool key Up
sleep 0.3
[ "$(says " steps 0\.\.1 of")" -gt "$n" ] && ok || fail "up did not come back to the title"
n=$(says " steps 1\.\.2 of")
xdotool key Down
sleep 0.3
[ "$(says " steps 1\.\.2 of")" -gt "$n" ] && ok || fail "down did not say the next step alone"
n=$(says " steps 1\.\.2 of")
xdotool key r
sleep 0.3
[ "$(says " steps 1\.\.2 of")" -gt "$n" ] && ok || fail "repeat did not say the step again"
xdotool key Return
expect_state "input mode=browse screen=first" "choose on a text presses nothing"
lines=$(wc -l <"$trace")
xdotool key a x F5 Shift_L
sleep 0.3
if sed -n "$((lines + 1)),\$p" "$trace" | grep -q "^trace: \(speech\|input\)"; then fail "an ignored key did something"; else ok; fi

# 5. Choose on the Topics button opens the topics, read from the top. Its
# step: after the title, the text, the support line's words, its name and
# number (woken from the loop, there is no Back button).
xdotool key Up Up Up Up
for k in 1 2 3 4 5; do xdotool key Down; done
sleep 0.3
grep -q "^trace: speech says steps 5\.\.6 of" "$trace" && ok || fail "down did not reach the sixth step"
xdotool key Return
expect_state "input mode=menu" "choose on the Topics button opens the topics"
grep "^trace: speech says" "$trace" | tail -n 1 | grep -q "steps 0\.\.[0-9]* of" && ok ||
	fail "the topics were not read from the top"

# 6. Louder, then Quick exit: the sound stops within a buffer, speech is
# off, and the kiosk shows the neutral screen.
xdotool key plus plus
sleep 1.5
xdotool key BackSpace
expect_state "quick-exit mode=attract screen=neutral" "the Quick exit key" 0.2
grep -q "^trace: speech off" "$trace" && ok || fail "Quick exit left speech on"
grep "^trace: speech stopped" "$trace" | tail -n 1 | grep -q "([1-9][0-9]* samples dropped)" && ok ||
	fail "Quick exit did not drop what was still to be said"
sleep 0.2
mark=$(stat -c %s "$cap")
sleep 1.5
set -- $(heard silent "$cap" "$mark")
[ "$1" = 0 ] && ok || fail "$1 samples were heard after Quick exit had stopped speech"

# 7. The next visitor: the first key turns speech on again, at the first
# volume, on the neutral screen.
mark=$(stat -c %s "$cap")
xdotool key Down
sleep 3
mark_loud=$(stat -c %s "$cap")
xdotool key plus plus # louder: then the idle reset must put it back
sleep 2.5
nwav="$tmp/pv/03-neutral-en-1.wav"
set -- $(heard find "$cap" "$mark_loud" "$nwav" 0 0.8)
if is "$1 > 0.9 && $3 > 1.6 && $3 < 2.4"; then ok; else
	fail "two steps louder was not twice as loud: $3 times (correlation $1)"
fi

# 8. The idle notice is spoken; the reset after it turns speech off and
# the next visitor starts at the first volume.
mark=$(stat -c %s "$cap")
expect_state "idle mode=idle" "the idle notice comes" 9
sleep 2
set -- $(heard silent "$cap" "$mark")
[ "$1" -gt 10000 ] && ok || fail "the idle notice was not spoken ($1 samples of sound)"
expect_state "reset mode=attract" "the idle reset" 29
grep "^trace: speech off" "$trace" | wc -l | grep -q "^2$" && ok || fail "the idle reset did not turn speech off"
mark=$(stat -c %s "$cap")
xdotool key Down
sleep 5
set -- $(heard find "$cap" "$mark" "$wav" "$title_at" "$(plus "$text_at" -0.4)")
if is "$1 > 0.9 && $3 > 0.85 && $3 < 1.15"; then ok; else
	fail "after the idle reset the volume is not the first: $3 times (correlation $1)"
fi

# 9. Nothing in the log says what was spoken.
if grep -q "First topic\|One two three\|Waiting room\|Support line" "$trace"; then
	fail "the log holds what was said"
else ok; fi

done_testing
