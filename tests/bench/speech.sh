#!/bin/sh
# speech.sh BIN [RUNS] — speech to a visitor, measured (issue #32): the real
# kiosk in a window under Xvfb, SDL's disk audio driver as its sound card,
# keys from xdotool. For the default content and the five-language example
# (each with speech.output naming the disk driver's output):
#   - key to first sound: the kiosk's own trace of the time from handling
#     the key to the first samples queued (synthesis of the first step),
#     median of RUNS keys; the device adds at most one buffer (1024
#     samples, 46 ms) on top;
#   - CPU while speaking: the kiosk's user+system time over 10 s of
#     reading the first screen, as a share of one core;
#   - memory: the kiosk's peak resident memory (VmHWM) after speaking, and
#     without speech (output: none), in one run each.
# Needs Xvfb, xdotool. Run by hand; the figures go in the issue's note.
set -eu
bin=$(readlink -f "$1")
runs=${2:-7}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
Xvfb :71 -screen 0 800x480x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:71 SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$tmp/heard.raw"
sleep 1

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system, in clock ticks
hz=$(getconf CLK_TCK)

for config in content.yaml examples/multilingual.yaml; do
	for out in '"System audio output device"' none; do
		sed '/^speech:/,/^[^ ]/{/^speech:/d;/^  /d}' "$src/config/$config" >"$tmp/c.yaml"
		printf '\nspeech:\n  output: %s\n' "$out" >>"$tmp/c.yaml"
		"$bin" --window 800x480 --trace --config "$tmp/c.yaml" 2>"$tmp/log" &
		pid=$!
		i=0
		while ! grep -q "^trace: start" "$tmp/log" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
		sleep 1.5
		if [ "$out" = none ]; then
			xdotool key Down
			sleep 1
			hwm=$(sed -n 's/^VmHWM:[ \t]*//p' "/proc/$pid/status")
			echo "$config, no speech: peak memory $hwm"
			kill $pid
			wait $pid 2>/dev/null || true
			continue
		fi
		xdotool key Down # speech on: the intro, then the screen
		sleep 4
		t0=$(ticks $pid)
		s0=$(date +%s.%N)
		sleep 10
		t1=$(ticks $pid)
		s1=$(date +%s.%N)
		cpu=$(awk "BEGIN { printf \"%.1f\", 100 * ($t1 - $t0) / $hz / ($s1 - $s0) }")
		k=0
		while [ $k -lt "$runs" ]; do
			xdotool key Down
			sleep 0.7
			k=$((k + 1))
		done
		hwm=$(sed -n 's/^VmHWM:[ \t]*//p' "/proc/$pid/status")
		kill $pid
		wait $pid 2>/dev/null || true
		first=$(sed -n 's/^trace: speech first samples queued \([0-9.]*\) ms after the key.*/\1/p' "$tmp/log" |
			tail -n "$runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
		echo "$config, speaking: key to first samples queued $first ms (median of $runs), CPU $cpu % of a core while reading, peak memory $hwm"
	done
done
