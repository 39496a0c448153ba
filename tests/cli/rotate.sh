# rotate.sh — display.rotation turns the picture and the touch together: a
# 480x800 portrait picture on an 800x480 panel mounted on its side. The
# Quick exit button is found in the (logical) trace, mapped onto the panel by
# hand, and touched there; the screenshot must show it there too.
. "$(dirname "$0")/lib.sh"
for tool in Xvfb xdotool import convert; do
	command -v $tool >/dev/null || { fail "$tool is needed"; done_testing; exit 1; }
done
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

for rot in 90 180 270; do
	cat >"$tmp/c.yaml" <<YAML
kiosk: { quick_exit: neutral }
display: { rotation: $rot }
screens:
  - { id: first, title: "First topic", blocks: [ { text: "One" } ] }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
	: >"$tmp/trace"
	"$bin" --window 800x480 --trace --config "$tmp/c.yaml" 2>"$tmp/trace" &
	pid=$!
	i=0
	while ! grep -q "trace: buttons end" "$tmp/trace" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 0.3
	set -- $(grep "^trace: button quick-exit " "$tmp/trace" | tail -1 | awk '{print $4, $5}')
	lx=$1 ly=$2
	case $rot in
	90) px=$((799 - ly)) py=$lx ;;
	180) px=$((799 - lx)) py=$((479 - ly)) ;;
	270) px=$ly py=$((479 - lx)) ;;
	esac
	import -window root "$tmp/shot.png"
	c=$(convert "$tmp/shot.png" -format "%[hex:p{$px,$py}]" info:)
	# the label is dark on white: look for white within a few pixels
	white=$(convert "$tmp/shot.png" -crop 24x24+$((px - 12))+$((py - 12)) -fill black +opaque white -format '%[fx:mean*w*h]' info:)
	if [ "${white%.*}" -gt 20 ]; then ok; else fail "rotation $rot: no Quick exit drawn at panel $px,$py (#$c)"; fi
	xdotool mousemove $px $py click 1
	sleep 0.4
	if grep -q "^trace: quick-exit mode=attract screen=neutral" "$tmp/trace"; then ok; else
		fail "rotation $rot: touching the panel at $px,$py did not press Quick exit"
	fi
	kill $pid
	wait $pid
done
done_testing
