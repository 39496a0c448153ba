#!/bin/sh
# compare.sh — signpost against a Chromium kiosk, side by side, on this machine.
# Run by hand, not by the tests (about 5 minutes):
#     sh tests/bench/compare.sh build/signpost
# Needs: Debian's chromium, hyperfine, Xvfb, xdotool, python3, cc (for a small
# LD_PRELOAD probe, built into a scratch folder).  RUNS=N repeats each timed
# run N times (default 15; Chromium and the 30 s idle runs fewer, see below).
#
# What it measures (medians of repeated runs):
#  1. first frame: process start -> PNG written, for signpost --preview of a
#     one-screen content file (the default content's "reporting" screen) and
#     for `chromium --headless --screenshot` of tests/bench/page.html (the same
#     screen as a web page), at 800x480 and 1920x1080 (hyperfine).  Also
#     signpost's start -> first SDL_RenderPresent returning, in a window under
#     Xvfb with the default content (timed by the probe, see below).
#  2. peak resident memory: the sum of VmRSS over all of a run's processes,
#     sampled every 5 ms (Chromium: every process of its session), and the
#     sum of each process's own peak (VmHWM) as an upper bound.
#  3. CPU over 30 s of a static screen: the kiosk in an 800x480 window, one
#     tap (xdotool) pauses the attract loop, then utime+stime from
#     /proc/PID/stat (and the tasks' schedstat, in ns) over 30 s.
#  4. CPU per frame of a 300 ms fade at 1920x1080 with SDL's software renderer
#     (SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0): content with
#     cycle: 3 (the per-screen durations removed), 30 s of the attract loop;
#     the probe logs CLOCK_PROCESS_CPUTIME_ID after every present, so the
#     frames of each fade are counted, not estimated; CPU of the fade divided
#     by its frames, median over the fades.
#  5. reload of a 200-screen content file: tests/bench/reload_time.sh.
#  6. tap -> present inside the program: tests/bench/tap_latency.sh.
#
# The probe: a tiny shared object preloaded into signpost that wraps
# SDL_RenderPresent and appends "n wall_ns cpu_ns" to $BENCH_PRESENT_LOG
# after each present.  (Without it one could use --trace: the first
# "trace: buttons end" line follows the first present.)
set -eu
bin=${1:-build/signpost}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
runs=${RUNS:-15}
src=$(cd "$(dirname "$0")/../.." && pwd)
page=$src/tests/bench/page.html
tmp=$(mktemp -d)
. "$src/tests/xvfb.sh"
xvfb=
trap '[ -z "$xvfb" ] || kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
for t in chromium hyperfine Xvfb xdotool python3 cc; do
	command -v $t >/dev/null || { echo "compare.sh: needs $t" >&2; exit 2; }
done
note() { printf '.. %s\n' "$*" >&2; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# --- inputs ----------------------------------------------------------------
# one screen: the default content's settings and its "reporting" screen
{
	sed -n '1,/^screens:/p' "$src/config/content.yaml" | sed 's/quick_exit: neutral/quick_exit: reporting/'
	sed -n '/^  - id: reporting/,/^  # ---/p' "$src/config/content.yaml" | grep -v '^  # ---'
} >"$tmp/one.yaml"
# the attract loop changing screen every 3 s
sed -e 's/^\(  cycle:\) *[0-9]*/\1 3/' -e '/^    duration:/d' "$src/config/content.yaml" >"$tmp/cycle3.yaml"
"$bin" --check --config "$tmp/one.yaml" 2>/dev/null || { echo "compare.sh: one.yaml invalid" >&2; exit 2; }
"$bin" --check --config "$tmp/cycle3.yaml" 2>/dev/null || { echo "compare.sh: cycle3.yaml invalid" >&2; exit 2; }

cat >"$tmp/probe.c" <<'EOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
static long long ns(clockid_t c) { struct timespec t; clock_gettime(c, &t); return t.tv_sec * 1000000000LL + t.tv_nsec; }
void SDL_RenderPresent(void *r)
{
	static void (*real)(void *);
	static int fd = -1;
	static unsigned long n;
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "SDL_RenderPresent");
	real(r);
	if (fd < 0) {
		const char *p = getenv("BENCH_PRESENT_LOG");
		if (!p || (fd = open(p, O_WRONLY | O_CREAT | O_APPEND, 0644)) < 0)
			return;
	}
	char b[80];
	int k = snprintf(b, sizeof b, "%lu %lld %lld\n", ++n, ns(CLOCK_REALTIME), ns(CLOCK_PROCESS_CPUTIME_ID));
	if (write(fd, b, (size_t)k) < 0) {}
}
EOF
cc -O2 -shared -fPIC -o "$tmp/probe.so" "$tmp/probe.c" -ldl

# peakmem.py [--for S] CMD...: run CMD in a new session; print
# "peak_sum_rss_kib sum_of_hwm_kib processes wall_s peak_sum_pss_kib"
cat >"$tmp/peakmem.py" <<'EOF'
import os, signal, subprocess, sys, time
args = sys.argv[1:]
limit = None
if args[0] == '--for':
    limit = float(args[1]); args = args[2:]
t0 = time.monotonic()
p = subprocess.Popen(args, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
root = p.pid
peak = 0; hwm = {}; peakpss = 0
def members():
    out = []
    for d in os.listdir('/proc'):
        if not d.isdigit(): continue
        try:
            s = open('/proc/%s/stat' % d).read()
        except OSError: continue
        f = s[s.rfind(')') + 2:].split()
        if int(f[3]) == root: out.append(d)
    return out
def kib(d, key):
    try:
        for line in open('/proc/%s/status' % d):
            if line.startswith(key): return int(line.split()[1])
    except OSError: pass
    return 0
sent = False
while p.poll() is None:
    tot = 0
    for d in members():
        r = kib(d, 'VmRSS:'); tot += r
        h = kib(d, 'VmHWM:')
        if h: hwm[d] = max(hwm.get(d, 0), h)
    peak = max(peak, tot)
    pss = 0
    for d in members():
        try:
            for line in open('/proc/%s/smaps_rollup' % d):
                if line.startswith('Pss:'): pss += int(line.split()[1]); break
        except OSError: pass
    peakpss = max(peakpss, pss)
    if limit is not None and not sent and time.monotonic() - t0 >= limit:
        os.kill(root, signal.SIGTERM); sent = True
    time.sleep(0.005)
print(peak, sum(hwm.values()), len(hwm), round(time.monotonic() - t0, 3), peakpss)
EOF

chrome() { # chrome W,H OUT.png
	rm -rf "$tmp/ud"
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$tmp/ud" --hide-scrollbars --window-size="$1" --screenshot="$2" "file://$page"
}
chrome_flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$tmp/ud --hide-scrollbars"

# --- 1. first frame --------------------------------------------------------
note "first frame: signpost --preview vs chromium --screenshot (hyperfine)"
hf() { # hf NAME RUNS WARMUP PREPARE CMD: median wall time in ms
	if [ -n "$4" ]; then
		hyperfine -N -w "$3" -r "$2" --prepare "$4" --export-json "$tmp/$1.json" "$5" >/dev/null 2>&1
	else
		hyperfine -N -w "$3" -r "$2" --export-json "$tmp/$1.json" "$5" >/dev/null 2>&1
	fi
	python3 -c 'import json,sys; print("%.2f" % (1000 * json.load(open(sys.argv[1]))["results"][0]["median"]))' "$tmp/$1.json"
}
for size in 800x480 1920x1080; do
	w=${size%x*} h=${size#*x}
	rm -rf "$tmp/pv" && mkdir "$tmp/pv"
	eval "sp_first_$w=\$(hf sp$w $runs 3 '' \"$bin --preview $tmp/pv --size $size --config $tmp/one.yaml\")"
	[ -s "$tmp/pv/01-reporting-en-1.png" ] || { echo "compare.sh: signpost wrote no PNG" >&2; exit 2; }
	cruns=$((runs < 10 ? runs : 10))
	rm -f "$tmp/c$w.png"
	eval "ch_first_$w=\$(hf ch$w $cruns 1 \"rm -rf $tmp/ud\" \"chromium $chrome_flags --window-size=$w,$h --screenshot=$tmp/c$w.png file://$page\")"
	[ -s "$tmp/c$w.png" ] || { echo "compare.sh: chromium wrote no PNG" >&2; exit 2; }
done

note "first present in a window under Xvfb (default content, probe)"
(
	start_xvfb 800x480
	trap 'kill $xvfb 2>/dev/null' EXIT
	i=0
	while [ $i -lt "$runs" ]; do
		rm -f "$tmp/present.log"
		sh -c 'date +%s%N >"$1"; shift; exec "$@"' sh "$tmp/t0" \
			env LD_PRELOAD="$tmp/probe.so" BENCH_PRESENT_LOG="$tmp/present.log" \
			"$bin" --window 800x480 --config "$src/config/content.yaml" 2>/dev/null &
		pid=$!
		k=0
		while [ ! -s "$tmp/present.log" ] && [ $k -lt 100 ]; do sleep 0.05; k=$((k + 1)); done
		kill $pid; wait $pid 2>/dev/null || true
		awk -v t0="$(cat "$tmp/t0")" 'NR == 1 { printf "%.2f\n", ($2 - t0) / 1e6 }' "$tmp/present.log"
		i=$((i + 1))
	done
) >"$tmp/win_first"
sp_win_first=$(median <"$tmp/win_first")

# --- 2. peak memory --------------------------------------------------------
note "peak memory (sum of all processes' RSS, 5 ms samples)"
mruns=$((runs < 5 ? runs : 5))
for size in 800x480 1920x1080; do
	w=${size%x*} h=${size#*x}
	: >"$tmp/m_sp" && : >"$tmp/m_ch" && : >"$tmp/m_chh" && : >"$tmp/m_chp"
	i=0
	while [ $i -lt $mruns ]; do
		python3 "$tmp/peakmem.py" "$bin" --preview "$tmp/pv" --size $size --config "$tmp/one.yaml" | awk '{print $1}' >>"$tmp/m_sp"
		rm -rf "$tmp/ud"
		python3 "$tmp/peakmem.py" chromium $chrome_flags --window-size=$w,$h --screenshot="$tmp/c.png" "file://$page" >"$tmp/m"
		awk '{print $1}' "$tmp/m" >>"$tmp/m_ch"
		awk '{print $2, $3}' "$tmp/m" >>"$tmp/m_chh"
		awk '{print $5}' "$tmp/m" >>"$tmp/m_chp"
		i=$((i + 1))
	done
	eval "sp_mem_$w=$(median <"$tmp/m_sp")"
	eval "ch_mem_$w=$(median <"$tmp/m_ch")"
	eval "ch_hwm_$w=$(median <"$tmp/m_chh")"
	eval "ch_pss_$w=$(median <"$tmp/m_chp")"
	eval "ch_procs_$w=$(awk '{print $2}' "$tmp/m_chh" | median)"
done
# the kiosk itself, running 10 s in a window (loop, fades), default renderer
(
	start_xvfb 1920x1080
	trap 'kill $xvfb 2>/dev/null' EXIT
	for size in 800x480 1920x1080; do
		python3 "$tmp/peakmem.py" --for 10 "$bin" --window $size --config "$tmp/cycle3.yaml" | awk '{print $1}'
	done
	for size in 800x480 1920x1080; do
		SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
			python3 "$tmp/peakmem.py" --for 10 "$bin" --window $size --config "$tmp/cycle3.yaml" | awk '{print $1}'
	done
) >"$tmp/m_win"
sp_memwin_800=$(sed -n 1p "$tmp/m_win")
sp_memwin_1920=$(sed -n 2p "$tmp/m_win")
sp_memsw_800=$(sed -n 3p "$tmp/m_win")
sp_memsw_1920=$(sed -n 4p "$tmp/m_win")

# --- 3. static screen CPU --------------------------------------------------
sruns=${STATIC_RUNS:-3}
note "static screen: CPU over 30 s after one tap ($sruns runs of 30 s)"
cpu_ticks() { awk '{ print $14 + $15 }' /proc/$1/stat; }
cpu_ns() { cat /proc/$1/task/*/schedstat | awk '{ s += $1 } END { printf "%d\n", s }'; }
(
	start_xvfb 800x480
	trap 'kill $xvfb 2>/dev/null' EXIT
	hz=$(getconf CLK_TCK)
	i=0
	while [ $i -lt "$sruns" ]; do
		rm -f "$tmp/present.log"
		LD_PRELOAD="$tmp/probe.so" BENCH_PRESENT_LOG="$tmp/present.log" \
			"$bin" --window 800x480 --config "$src/config/content.yaml" 2>/dev/null &
		pid=$!
		sleep 1.5
		xdotool mousemove 400 250 click 1
		sleep 1.5
		t0=$(cpu_ticks $pid) n0=$(cpu_ns $pid) f0=$(wc -l <"$tmp/present.log")
		sleep 30
		t1=$(cpu_ticks $pid) n1=$(cpu_ns $pid) f1=$(wc -l <"$tmp/present.log")
		kill $pid; wait $pid 2>/dev/null || true
		# percent of one core: from ticks, from schedstat ns; frames presented meanwhile
		echo "$t0 $t1 $n0 $n1 $hz $((f1 - f0))" | awk '{ printf "%.4f %.4f %d\n", ($2 - $1) / $5 / 30 * 100, ($4 - $3) / 1e9 / 30 * 100, $6 }'
		i=$((i + 1))
	done
) >"$tmp/static"
sp_static=$(awk '{print $1}' "$tmp/static" | median)
sp_static_ns=$(awk '{print $2}' "$tmp/static" | median)
sp_static_frames=$(awk '{ s += $3 } END { print s }' "$tmp/static")

# --- 4. transition CPU per frame -------------------------------------------
fade() { # fade LABEL: 30 s of the loop at 1920x1080; per-fade "frames cpu_ms_per_frame"
	rm -f "$tmp/present.log"
	LD_PRELOAD="$tmp/probe.so" BENCH_PRESENT_LOG="$tmp/present.log" \
		"$bin" --window 1920x1080 --config "$tmp/cycle3.yaml" 2>/dev/null &
	pid=$!
	sleep 30
	kill $pid; wait $pid 2>/dev/null || true
	# a fade: presents less than 100 ms apart; its CPU runs from the present
	# before it (the still frame it starts from) to its last present
	awk '{ if (NR > 1 && ($2 - pw) < 1e8) { if (!n) { c0 = pc } n++; c1 = $3 }
	       else if (n) { printf "%d %.3f\n", n, (c1 - c0) / 1e6 / n; n = 0 }
	       pw = $2; pc = $3 }
	     END { if (n) printf "%d %.3f\n", n, (c1 - c0) / 1e6 / n }' "$tmp/present.log"
}
note "transition: CPU per frame of a fade at 1920x1080, software renderer (30 s)"
(
	start_xvfb 1920x1080
	trap 'kill $xvfb 2>/dev/null' EXIT
	SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 fade >"$tmp/fade_sw"
	note "transition: the same with SDL's default renderer (30 s, for information)"
	fade >"$tmp/fade_def"
)
sp_fade=$(awk '{print $2}' "$tmp/fade_sw" | median)
sp_fade_frames=$(awk '{print $1}' "$tmp/fade_sw" | median)
sp_fade_n=$(wc -l <"$tmp/fade_sw")
sp_fade_def=$(awk '{print $2}' "$tmp/fade_def" | median)
sp_fade_def_frames=$(awk '{print $1}' "$tmp/fade_def" | median)

# --- 5. reload, 6. tap ------------------------------------------------------
note "reload: tests/bench/reload_time.sh (20 SIGHUPs each)"
sh "$src/tests/bench/reload_time.sh" "$bin" >"$tmp/reload" 2>/dev/null
sp_reload=$(awk '/^200.yaml/ { print $6 }' "$tmp/reload")
sp_reload_default=$(awk '/^content.yaml/ { print $6 }' "$tmp/reload")
note "tap: tests/bench/tap_latency.sh (100 taps)"
sh "$src/tests/bench/tap_latency.sh" "$bin" 100 >"$tmp/tap" 2>/dev/null
sp_tap=$(awk '/^handling/ { sub(/,/, "", $6); print $6 }' "$tmp/tap")
sp_tap_p90=$(awk '/^handling/ { sub(/,/, "", $8); print $8 }' "$tmp/tap")

# --- the table --------------------------------------------------------------
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == "<" ? v + 0 < t + 0 : v + 0 >= t + 0); print ok ? "pass" : "MISS" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
ms() { awk -v v="$1" 'BEGIN { printf "%.2f ms", v }'; }

echo
echo "signpost $("$bin" --version 2>&1 | head -1) vs $(chromium --version 2>/dev/null | head -1)"
echo "$(nproc) cores, $(uname -r); medians; signpost runs: $runs"
echo
fmt='%-40s %14s %14s %9s  %-10s %s\n'
printf "$fmt" measure signpost chromium ratio target result
printf "$fmt" ---------------------------------------- -------------- -------------- --------- ---------- ------
for w in 800 1920; do
	eval "s=\$sp_first_$w c=\$ch_first_$w"
	[ $w = 800 ] && size=800x480 || size=1920x1080
	r=$(awk -v a="$c" -v b="$s" 'BEGIN { print a / b }')
	printf "$fmt" "first frame, start -> PNG, $size" "$(ms "$s")" "$(ms "$c")" "$(ratio "$c" "$s")" ">= 25x" "$(verdict "$r" ">=" 25)"
done
r=$(awk -v a="$ch_first_800" -v b="$sp_win_first" 'BEGIN { print a / b }')
printf "$fmt" "first present, window 800x480 (Xvfb)" "$(ms "$sp_win_first")" "$(ms "$ch_first_800")" "$(ratio "$ch_first_800" "$sp_win_first")" ">= 25x" "$(verdict "$r" ">=" 25)"
for w in 800 1920; do
	eval "s=\$sp_mem_$w c=\$ch_mem_$w"
	[ $w = 800 ] && size=800x480 || size=1920x1080
	r=$(awk -v a="$c" -v b="$s" 'BEGIN { print a / b }')
	printf "$fmt" "peak RSS, PNG of one screen, $size" "$(mib "$s")" "$(mib "$c")" "$(ratio "$c" "$s")" "<= 1/10" "$(verdict "$r" ">=" 10)"
done
for w in 800 1920; do
	eval "s=\$sp_memwin_$w c=\$ch_mem_$w"
	[ $w = 800 ] && size=800x480 || size=1920x1080
	r=$(awk -v a="$c" -v b="$s" 'BEGIN { print a / b }')
	printf "$fmt" "peak RSS, kiosk in a window, $size" "$(mib "$s")" "$(mib "$c")" "$(ratio "$c" "$s")" "<= 1/10" "$(verdict "$r" ">=" 10)"
	eval "s=\$sp_memsw_$w"
	r=$(awk -v a="$c" -v b="$s" 'BEGIN { print a / b }')
	printf "$fmt" "  the same, software renderer" "$(mib "$s")" "$(mib "$c")" "$(ratio "$c" "$s")" "<= 1/10" "$(verdict "$r" ">=" 10)"
done
printf "$fmt" "CPU, static screen, 30 s (% of a core)" "$sp_static %" - - "< 0.1 %" "$(verdict "$sp_static_ns" "<" 0.1)"
printf "$fmt" "CPU per fade frame, 1920x1080, software" "$(ms "$sp_fade")" - - "< 4 ms" "$(verdict "$sp_fade" "<" 4)"
printf "$fmt" "reload, 200 screens" "$(ms "$sp_reload")" - - "< 20 ms" "$(verdict "$sp_reload" "<" 20)"
printf "$fmt" "tap -> present, in the program" "$(ms "$sp_tap")" - - "< 5 ms" "$(verdict "$sp_tap" "<" 5)"
echo
echo "notes:"
echo "  chromium, summed PSS (shared pages counted once): $(mib "$ch_pss_800") at 800x480, $(mib "$ch_pss_1920") at 1920x1080;" \
	"signpost's ratio against that: $(ratio "$ch_pss_800" "$sp_memwin_800") (window, default renderer), $(ratio "$ch_pss_800" "$sp_mem_800") (PNG)"
echo "  chromium: $ch_procs_800 processes at 800x480 (sum of their own peaks: $(mib "$ch_hwm_800"); at 1920x1080: $(mib "$ch_hwm_1920"))"
echo "  static screen: schedstat says $sp_static_ns % of a core; $sp_static_frames frames presented in ${sruns}x30 s"
echo "  fades: $sp_fade_n at 1920x1080 (software), median $sp_fade_frames frames each (counted);" \
	"default renderer: $(ms "$sp_fade_def")/frame, $sp_fade_def_frames frames"
echo "  reload of the default content (9 screens): $(ms "$sp_reload_default"); tap -> present p90 $(ms "$sp_tap_p90")"
