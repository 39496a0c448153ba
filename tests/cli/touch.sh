# touch.sh — a visitor's session, end to end: the real kiosk in a window under
# Xvfb, driven with xdotool (clicks and drags stand in for touches), checked
# through its --trace log and screenshots. Button positions come from the
# trace ("trace: button NAME X Y W H"), never guessed.
. "$(dirname "$0")/lib.sh"

for tool in Xvfb xdotool import convert compare; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

cat >"$tmp/c.yaml" <<'YAML'
kiosk:
  cycle: 3
  idle_timeout: 10
  quick_exit: neutral
  help: { name: "Support line", number: "0808 500 2222" }
screens:
  - { id: first, title: "First topic", blocks: [ { text: "One" } ] }
  - { id: second, title: "Second topic", blocks: [ { steps: ["a", "b"] } ] }
  - { id: third, title: "Third topic", blocks: [ { bullets: ["c"] } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
start_session "$tmp/c.yaml"

swipe() { # from-x to-x
	xdotool mousemove "$1" 240 mousedown 1 mousemove $(((${1} + ${2}) / 2)) 245 mousemove "$2" 250 mouseup 1
}

# 1. The attract loop runs; the first touch wakes the kiosk and does nothing
# else, even on the spot where the Topics button then appears.
expect_state "start mode=attract screen=first" "kiosk starts in the loop" 0
sleep 3.2
expect_state "loop mode=attract screen=second" "loop advances by itself" 0
set -- $(button quick-exit)
qx=$1 qy=$2
tap 190 33 # where Topics will be
expect_state "input mode=browse screen=second page=1" "touch wakes on the screen shown"
if grep -q "mode=menu" "$trace"; then fail "the waking touch pressed a button"; else ok; fi
shot browse
# navigation is drawn: the Back / Topics bar and the Quick exit button
set -- $(button topics)
if [ -n "${1:-}" ]; then ok; else fail "no Topics button after waking"; fi
qe=$(convert "$tmp/browse.png" -format "%[hex:p{$qx,$((qy - 12))}]" info:)
case "$qe" in FFFFFF*) ok ;; *) fail "Quick exit is not drawn in its own colour (#$qe)" ;; esac

# 2. The loop is paused while someone reads.
sleep 3.5
expect_state "input mode=browse screen=second" "loop stays paused" 0

# 3. Next and previous, by button and by swipe.
tap_button next
expect_state "screen=third" "next button"
swipe 150 600
expect_state "screen=second" "swipe right goes back" 0.6
swipe 600 150
expect_state "screen=third" "swipe left goes forward" 0.6
swipe 600 150
expect_state "screen=third" "no further than the last topic" 0.6
grep -q "mode=browse screen=neutral" "$trace" && fail "next went past the topics onto the neutral screen" || ok
swipe 150 600
expect_state "screen=second" "swipe right goes back" 0.6
# a slow drag is not a swipe
xdotool mousemove 600 240 mousedown 1 sleep 1.2 mousemove 150 240 sleep 0.1 mouseup 1
expect_state "screen=second" "a slow drag does not turn the page" 0.4

# 4. Topics menu, a tile, and Back.
tap_button topics
expect_state "mode=menu" "Topics opens the menu"
set -- $(grep "^trace: button open " "$trace" | tail -4 | awk '$NF == "arg=0" {print $4, $5}' | tail -1)
tap "$1" "$2"
expect_state "mode=browse screen=first" "a tile opens its topic"
tap_button back
expect_state "mode=menu" "Back returns to the menu"
tap_button back
expect_state "mode=browse screen=second" "Back again returns to where the visitor was"

# 5. Pressed feedback: a finger on Quick exit turns it the accent colour at once.
set -- $(button text-size)
tap "$1" "$2"
expect_state "scale=1.5" "text size button makes the text larger"
set -- $(button quick-exit)
xdotool mousemove "$1" "$2" mousedown 1
sleep 0.3
shot pressed
pc=$(convert "$tmp/pressed.png" -format "%[hex:p{$(($1 - 30)),$(($2 - 12))}]" info:)
case "$pc" in F2B705*) ok ;; *) fail "pressed Quick exit is #$pc, expected the accent #F2B705" ;; esac

# 6. Quick exit: the neutral screen, language and size reset, no way Back.
xdotool mouseup 1
expect_state "quick-exit mode=attract screen=neutral page=1 lang=en scale=1.0" "Quick exit" 0.3
shot quick
"$bin" --preview "$tmp/pv" --config "$tmp/c.yaml" 2>/dev/null
diff=$(compare -metric AE -fuzz 25% "$tmp/quick.png" "$tmp/pv/04-neutral-en-1.png" null: 2>&1)
if [ "${diff%%.*}" -lt 2000 ]; then ok; else fail "after Quick exit the screen is not the neutral screen ($diff pixels differ)"; fi
tap 400 250 # wake again: no history survives the Quick exit
sleep 0.4
set -- $(grep -E "^trace: button back " "$trace" | tail -1 | awk '{print $4, $5}')
tap "$1" "$2"
expect_state "input mode=browse screen=neutral" "Back has nothing to return to after Quick exit"

# 7. Idle: the notice after idle_timeout, a touch continues; left alone, the
# privacy reset brings back the loop.
expect_state "idle mode=idle screen=neutral" "the idle notice appears after idle_timeout" 10.5
shot idle
tap 100 100
expect_state "input mode=browse screen=neutral" "one touch continues"
tap_button topics
expect_state "mode=menu" "a touch after the notice is a normal touch again"
expect_state "idle mode=idle" "the notice returns" 10.5
expect_state "reset mode=attract screen=first page=1 lang=en scale=1.0" "privacy reset after the notice" 30.5
grep -q "presented" "$trace" && ok || fail "no input-to-present timing in the trace"

if kill $pid 2>/dev/null; then
	wait $pid
	rc=$?
	[ $rc = 0 ] && ok || fail "exit code $rc"
else
	wait $pid
	fail "the kiosk had ended before the test did (exit $?); the end of its log:"
	grep -v "^trace: button" "$trace" | tail -n 40 | sed 's/^/    /' >&2
fi
done_testing
