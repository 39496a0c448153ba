# xvfb.sh — start_xvfb WxH: a private X server for one test or benchmark.
# Sourced. Needs $tmp (a scratch folder); sets DISPLAY and $xvfb (the
# server's pid), which the caller's EXIT trap must kill.
start_xvfb() {
	exec 3>"$tmp/display"
	Xvfb -displayfd 3 -screen 0 "$1"x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb=$!
	i=0
	while [ ! -s "$tmp/display" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$tmp/display" ] || echo "xvfb: Xvfb gave no display number in 5 s (is xvfb installed?)" >&2
	export DISPLAY=":$(cat "$tmp/display")"
}
