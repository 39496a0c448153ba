# run.sh — the real kiosk in a window and fullscreen under Xvfb: it shows the
# content, keeps running whatever keys are pressed in fullscreen, advances the
# attract loop, and exits 0 within a second of SIGTERM or SIGINT.
. "$(dirname "$0")/lib.sh"

if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null || ! command -v convert >/dev/null; then
	fail "Xvfb, xdotool and ImageMagick are needed (the README's test command installs them)"
	done_testing
	exit 1
fi
start_xvfb 800x480
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

# wait_window: until a window named signpost is mapped (10 s at most)
wait_window() {
	i=0
	while [ $i -lt 100 ]; do
		xdotool search --onlyvisible --name '^signpost$' >/dev/null 2>&1 && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# stops_within_a_second PID SIGNAL
stops_within_a_second() {
	kill -"$2" "$1"
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 10 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 "$1" 2>/dev/null; then
		fail "still running 1 s after SIG$2"
		kill -KILL "$1"
	else ok; fi
	wait "$1"
	rc=$?
	if [ $rc = 0 ]; then ok; else fail "exit code $rc after SIG$2, expected 0"; fi
}

# 1. a window: the welcome screen, drawn in the theme's colours
"$bin" --window 800x480 --trace --config "$src/config/content.yaml" 2>"$tmp/trace" &
pid=$!
if wait_window; then ok; else fail "no window appeared"; fi
first_frame "$tmp/trace"
if grep -q "^trace: ready$" "$tmp/trace"; then ok; else fail "no first frame (trace: ready) within 20 s"; fi
import -window root "$tmp/shot.png"
bg=$(convert "$tmp/shot.png" -format '%[hex:p{4,4}]' info:)
case "$bg" in 1B2340*) ok ;; *) fail "background is #$bg, expected #1B2340" ;; esac
colours=$(convert "$tmp/shot.png" -format '%k' info:)
if [ "$colours" -gt 50 ]; then ok; else fail "only $colours colours on screen: no text drawn?"; fi
# the accent-coloured help number is on screen
accent=$(convert "$tmp/shot.png" -fill black +opaque '#F2B705' -fill white -opaque '#F2B705' -format '%[fx:mean*w*h]' info:)
if [ "${accent%.*}" -gt 200 ]; then ok; else fail "no accent-coloured help number ($accent pixels)"; fi
if grep -q "trace: start mode=attract screen=welcome page=1" "$tmp/trace"; then ok; else fail "trace lacks the start"; fi
stops_within_a_second $pid TERM

# 1b. the renderer: with no GPU (no /dev/dri/renderD*, as under Xvfb here),
# SDL's own software renderer rather than OpenGL drawn by the CPU; a
# renderer named in SDL_RENDER_DRIVER is used as asked
if ls /dev/dri/renderD* >/dev/null 2>&1; then
	echo "run.sh: this machine has a GPU render node; the no-GPU choice is not tested here"
else
	if grep -q "^trace: renderer software$" "$tmp/trace"; then ok; else
		fail "without a GPU the renderer is not software: $(grep 'trace: renderer' "$tmp/trace")"
	fi
fi
# (not in the sanitizer run, which keeps Mesa out: LeakSanitizer cannot
# follow a driver that is loaded and unloaded)
if [ -z "${ASAN_OPTIONS:-}" ]; then
	SDL_RENDER_DRIVER=opengl "$bin" --window 320x240 --trace --config "$src/config/content.yaml" 2>"$tmp/trace-gl" &
	pid=$!
	i=0
	while ! grep -q "trace: start" "$tmp/trace-gl" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	if grep -q "^trace: renderer opengl$" "$tmp/trace-gl"; then ok; else
		fail "SDL_RENDER_DRIVER=opengl was not used: $(grep 'trace: renderer' "$tmp/trace-gl")"
	fi
	stops_within_a_second $pid TERM
fi

# 2. fullscreen: no key or combination ends it; SIGINT does
"$bin" --config "$src/config/content.yaml" 2>"$tmp/err" &
pid=$!
if wait_window; then ok; else fail "no fullscreen window appeared: $(cat "$tmp/err")"; fi
for k in Escape ctrl+q alt+F4 ctrl+c ctrl+w ctrl+alt+BackSpace q; do
	xdotool search --name '^signpost$' windowfocus --sync key "$k" 2>/dev/null || xdotool key "$k"
done
sleep 0.5
if kill -0 $pid 2>/dev/null; then ok; else fail "a key press ended the fullscreen kiosk"; fi
stops_within_a_second $pid INT

# 3. the attract loop moves on by itself
cat >"$tmp/loop.yaml" <<'YAML'
kiosk: { cycle: 3, quick_exit: none }
screens:
  - { id: first, title: "First", blocks: [ { text: "One" } ] }
  - { id: second, title: "Second", blocks: [ { text: "Two" } ] }
YAML
"$bin" --window 640x400 --trace --config "$tmp/loop.yaml" 2>"$tmp/trace" &
pid=$!
wait_window || fail "no window for the loop test"
first_frame "$tmp/trace"
sleep 3.5 # the 3 s cycle, then up to 5 s more on a loaded machine
i=0
while ! grep -q "trace: loop mode=attract screen=second page=1" "$tmp/trace" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if grep -q "trace: loop mode=attract screen=second page=1" "$tmp/trace"; then ok; else fail "loop did not advance"; cat "$tmp/trace" >&2; fi
stops_within_a_second $pid TERM

# 4. no display at all: a clear message and exit 2, whether a driver is named
# or SDL is left to look for one (it would settle for its invisible offscreen
# driver)
DISPLAY= SDL_VIDEODRIVER=x11 expect_exit 2 "no display (x11 asked for)" -- "$bin" --window 640x400 --config "$src/config/content.yaml"
expect_err "cannot open the display" "says the display is the problem"
expect_exit 2 "no display at all" -- env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER \
	timeout 20 "$bin" --config "$src/config/content.yaml"
expect_err "cannot open the display" "says the display is the problem"
done_testing
