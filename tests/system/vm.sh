#!/bin/sh
# tests/system/vm.sh — the .deb on the path the kiosk exists for: a minimal
# Debian 12 booted in QEMU (systemd as PID 1, virtio-gpu at 1280x800 for
# KMS/DRM, a usb-tablet, user networking with ssh on 127.0.0.1), the
# package installed as a volunteer would (`apt install ./signpost_*.deb`),
# then checked from outside: the service runs, the screen (a QMP
# screendump) is what --preview drew; a uinput touchscreen made in the guest
# and QEMU's tablet press next, Topics and Quick exit (each screen compared
# with the same taps on the host kiosk under Xvfb); a touchscreen made after
# the kiosk started works; reload good and bad through systemctl and
# signpostctl; opening hours on a clock the kiosk cannot trust (the guest
# boots with its RTC at 02:00 and no network time: content, no banner,
# not black; marked synchronised as systemd-timesyncd marks it: black
# within a second; set to 10:00: content); watchdog restart after SIGSTOP
# and restart after SIGSEGV,
# timed; 15 restarts in a row leave it running; the staff key publishes
# (put shows the draft's --preview, a bad draft changes nothing, undo, get,
# sheet) and the sshd drop-in refuses everything else (publish.sh);
# wake-ups a second and CPU of the kiosk over 30 s on a static screen and
# in the attract loop; a check that crashes, hangs or eats memory, on
# reload and at start (faults.sh); after a reboot it comes back with no
# login prompt; speech to a USB sound card QEMU records, started and
# stopped with a keypad made in the guest (speech.sh); and 20 power cuts
# while the content changes (cuts.sh).
# Prints each check with its figure, and times.
#
#   sh tests/system/vm.sh [DEB]
#
# Without DEB, build/ is built and packed (cpack) first. The
# image is made once by tests/system/image.sh (cached in
# $SIGNPOST_VM_CACHE, /var/cache/signpost-vm). KVM only once it has been
# seen to boot the cached kernel to its first console line, else TCG with
# -cpu Nehalem (QEMU 7.2's TCG with -cpu max miscompiles llvmpipe); the
# choice and its reason are printed (tests/system/accel.sh;
# SIGNPOST_VM_ACCEL=kvm|tcg forces either). Every QEMU, QMP, ssh, scp and
# X call runs under a time limit that names what timed out
# (toolchain/limit.sh), and every wait is bounded by a deadline, so
# the run ends, pass or fail. Needs root, qemu-system-x86, qemu-utils,
# debootstrap, python3, ImageMagick (compare) and a C compiler. Screens,
# logs and the guest's journal are left in $SIGNPOST_VM_OUT
# (/tmp/signpost-vm).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
cache=${SIGNPOST_VM_CACHE:-/var/cache/signpost-vm}
out=${SIGNPOST_VM_OUT:-/tmp/signpost-vm}
W=1280 H=800
# the guest's clock at boot: today (UTC) at 02:00, a closed hour of the
# hours the clock check below gives it, as a Pi after a power cut in the
# night with no network time (the image has no systemd-timesyncd, and
# nothing in the guest sets the clock)
rtc_base="$(date -u +%Y-%m-%d)T02:00:00"
t0=$(date +%s)
fail=0
now() { date +%s.%N | cut -c1-14; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
ok() { echo "ok   $*"; }
bad() {
	echo "FAIL $*"
	fail=1
}
. "$src/toolchain/limit.sh"
. "$here/accel.sh"
# deadline SECONDS: the time, in whole seconds since the epoch, SECONDS from now
deadline() { echo $(($(date +%s) + $1)); }
before() { [ "$(date +%s)" -lt "$1" ]; } # before DEADLINE

rm -rf "$out" && mkdir -p "$out"
ssh_close() { :; } # until the guest's port is known

# the guest's speed under TCG is the host's: say what else is running
echo "host: load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; busiest: $(ps -eo pcpu=,comm= --sort=-pcpu | head -n 3 | awk '{ printf "%s %s%% ", $2, $1 }')"

# --- the image ----------------------------------------------------------------
t=$(now)
limit 2400 "making the guest's image (tests/system/image.sh)" sh "$here/image.sh" "$cache" || exit 1
echo "time image: $(since "$t") s (about 7-13 minutes when it is made, else cached)"

# --- boot -------------------------------------------------------------------
# the guest's disk: an overlay on the cached image, thrown away after the run
limit 60 "qemu-img create" qemu-img create -q -f qcow2 -b "$cache/base.img" -F raw "$out/disk.qcow2" || exit 1
t=$(now)
choose_accel "$cache/vmlinuz" "$out" || exit 1
echo "accel: $accel_name: $accel_why (chosen in $(since "$t") s)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
qmp="$out/qmp.sock"
# boot CACHE: QEMU on the guest's disk with that cache mode (unsafe while
# the guest's fsyncs need not reach the host's disk, which makes apt about
# twice as fast; writeback where a power cut must lose only what the guest
# did not flush); qemu_pid and t_boot are set
boot() {
	t_boot=$(now)
	# shellcheck disable=SC2086
	qemu-system-x86_64 -machine q35 $accel -smp 2 -m 2048 \
		-kernel "$cache/vmlinuz" -initrd "$cache/initrd.img" \
		-append "root=/dev/vda rw console=ttyS0 quiet" \
		-drive file="$out/disk.qcow2",if=virtio,format=qcow2,cache=$1 \
		-rtc base="$rtc_base" \
		-vga none -device virtio-vga,xres=$W,yres=$H -display none \
		-device qemu-xhci -device usb-tablet \
		-audiodev wav,id=snd0,path="$out/speech.wav",out.frequency=22050,out.channels=2,out.format=s16 \
		-device usb-audio,audiodev=snd0 \
		-netdev user,id=n0,hostfwd=tcp:127.0.0.1:$port-:22 -device virtio-net-pci,netdev=n0 \
		-qmp unix:"$qmp",server=on,wait=off -serial file:"$out/serial.log" \
		>>"$out/qemu.log" 2>&1 &
	qemu_pid=$!
}
boot unsafe
trap 'ssh_close; limit 10 "QMP quit" python3 "$here/qmp.py" "$qmp" quit >/dev/null 2>&1 || true; sleep 1; kill -KILL $qemu_pid 2>/dev/null || true' EXIT

# --- while it boots: the package, the tools, the host's reference ----------
deb=${1:-}
if [ -z "$deb" ]; then
	[ -e "$src/build/CMakeCache.txt" ] || cmake -S "$src" -B "$src/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build "$src/build" -j2 >/dev/null
	(cd "$src/build" && cpack >/dev/null)
	for deb in "$src"/build/signpost_*.deb; do break; done
fi
echo "package: $deb ($(dpkg-deb -f "$deb" Depends))"
cc -std=c11 -O2 -Wall -Wextra -static -o "$out/touchscreen" "$here/touchscreen.c"
cc -std=c11 -O2 -Wall -Wextra -static -o "$out/keypad" "$here/keypad.c"
"$src/build/signpost" --preview "$out/preview" --size ${W}x$H --config "$src/config/content.yaml" >/dev/null 2>&1 ||
	bad "signpost --preview on the host failed"
for neutral in "$out"/preview/*-neutral-*.png; do break; done

# The same taps on the host's kiosk (SDL's software renderer under Xvfb
# draws the same pixels as on the console): what next and Topics must show.
# Button centres come from its --trace.
tmp=$out
. "$src/tests/xvfb.sh"
start_xvfb ${W}x$H
"$src/build/signpost" --window ${W}x$H --trace --config "$src/config/content.yaml" 2>"$out/host-trace.txt" &
host_kiosk=$!
i=0
until grep -q 'trace: buttons end' "$out/host-trace.txt" 2>/dev/null || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
[ $i -lt 100 ] || bad "the host kiosk under Xvfb drew no buttons in 10 s (see $out/host-trace.txt)"
host_button() { grep "^trace: button $1 " "$out/host-trace.txt" | tail -n 1 | awk '{ print $4 "," $5 }'; }
host_tap() { limit 20 "xdotool tap at $1" xdotool mousemove "${1%,*}" "${1#*,}" click 1; sleep 1.5; }
quick=$(host_button quick-exit)
host_tap 640,400
next=$(host_button next)
host_tap "$next"
limit 30 "import (screenshot of Xvfb)" import -window root "$out/host-next.png"
topics=$(host_button topics)
host_tap "$topics"
limit 30 "import (screenshot of Xvfb)" import -window root "$out/host-topics.png"
quick2=$(host_button quick-exit)
kill $host_kiosk $xvfb 2>/dev/null || true
echo "host kiosk: next at $next, Topics at $topics, Quick exit at $quick"
[ -n "$next" ] && [ -n "$topics" ] && [ -n "$quick" ] && [ -n "$quick2" ] || bad "no buttons in the host kiosk's trace"


# one ssh connection per user, shared by every command (ControlMaster):
# a new connection costs the TCG guest about a second of key exchange
ssh_opts="-i $cache/id_ed25519 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
	-o LogLevel=ERROR -o ConnectTimeout=5 -o BatchMode=yes
	-o ServerAliveInterval=5 -o ServerAliveCountMax=6
	-o ControlMaster=auto -o ControlPath=$out/ssh-%r -o ControlPersist=600"
# gl SECONDS COMMAND: a command in the guest, as root, under a time limit;
# g COMMAND: the same with 120 s, more than any single check needs
# shellcheck disable=SC2086
gl() {
	_l=$1
	shift
	limit "$_l" "ssh to the guest: $(echo "$*" | head -n 1 | cut -c1-60)" ssh $ssh_opts -p "$port" root@127.0.0.1 "$@"
}
g() { gl 120 "$@"; }
# the shared connections end (before a reboot, and at the end)
ssh_close() {
	for u in root kiosk; do
		# shellcheck disable=SC2086
		limit 10 "closing the shared ssh connection" ssh $ssh_opts -p "$port" -O exit $u@127.0.0.1 2>/dev/null || true
	done
}
wait_ssh() { # seconds
	end=$(deadline "$1")
	until gl 30 true </dev/null >/dev/null 2>&1; do # the first becomes the shared connection
		before "$end" || return 1
		kill -0 $qemu_pid 2>/dev/null || return 1
		sleep 1
	done
}
wait_ssh 400 || { bad "the guest never answered ssh (see $out/serial.log)"; exit 1; }
ok "guest up ($accel_name), ssh after $(since "$t_boot") s"

# --- install as a volunteer would --------------------------------------------
t=$(now)
# shellcheck disable=SC2086
limit 300 "scp of the package to the guest" scp -q $ssh_opts -P "$port" "$deb" "$out/touchscreen" "$out/keypad" root@127.0.0.1:/root/ ||
	{ bad "could not copy the package to the guest"; exit 1; }
t=$(now)
if gl 900 "DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./$(basename "$deb")" >"$out/install.log" 2>&1; then
	ok "apt install ./$(basename "$deb"): $(since "$t") s"
else
	bad "apt install failed:"
	tail -n 20 "$out/install.log"
	exit 1
fi

if g "grep -q SIGNPOST_TEST_FAULT /usr/bin/signpost"; then
	echo "package: a test build (its fault hook is built in, unused here; dev.sh passes cross.sh's package)"
else
	echo "package: as shipped, no test hooks"
fi

# waits (up to $1 s) until the service is active, i.e. READY=1: first frame
wait_active() {
	end=$(deadline "$1")
	until [ "$(gl 30 systemctl is-active signpost 2>/dev/null)" = active ]; do
		before "$end" || return 1
		sleep 0.5
	done
}
qmp() { limit 30 "QMP $1" python3 "$here/qmp.py" "$qmp" "$@"; }
dump() { qmp screendump "$1"; }
# pixels that differ between a screendump and a picture
differ() { compare -metric AE "$1" "$2" null: 2>&1 | cut -d' ' -f1; }
fresh() { # a new kiosk process, in the attract loop
	g systemctl restart signpost || true
	wait_active 60 || bad "not active after a restart"
	sleep 1
}
# like NAME REFERENCE [TRIES]: the screen (a screendump every half second,
# TRIES of them, 12 unless told) comes to match a picture (few pixels
# differ); n is left with the last count
like() {
	i=0
	while :; do
		sleep 0.5
		dump "$out/$1.png"
		n=$(differ "$out/$1.png" "$2")
		{ [ "$n" = 0 ] || [ "$n" -lt 2000 ] 2>/dev/null; } && return 0
		i=$((i + 1))
		[ $i -lt "${3:-12}" ] || return 1
	done
}
is_neutral() { like "$1" "$neutral" "${2:-12}"; } # NAME [TRIES]: Quick exit's screen is up
# measure SECONDS: the kiosk's wake-ups a second (voluntary context
# switches of all its threads: each is a sleep that something ended) and
# its CPU share, over that time
measure() {
	g "pid=\$(systemctl show -p MainPID --value signpost)
	   sw() { cat /proc/\$pid/task/*/status | awk '/^voluntary_ctxt_switches/ { n += \$2 } END { print n }'; }
	   cpu() { awk '{ print \$14 + \$15 }' /proc/\$pid/stat; }
	   a=\$(sw); c=\$(cpu); sleep $1; b=\$(sw); d=\$(cpu)
	   awk -v w=\$((b - a)) -v t=\$((d - c)) -v hz=\$(getconf CLK_TCK) -v s=$1 \
	       'BEGIN { printf \"%.1f wake-ups/s, CPU %.1f %%\", w / s, 100 * t / hz / s }'"
}

t=$(now)
if wait_active 120; then
	ok "service active (READY=1 after the first frame): $(since "$t") s after the install"
else
	bad "service not active: $(g systemctl is-active signpost)"
	g journalctl -u signpost --no-pager | tail -n 20
fi
g systemctl show -p NRestarts -p Result signpost | tr '\n' ' '
echo

# SIGNPOST_VM_ONLY=speech: the speech checks alone (while working on them)
if [ "${SIGNPOST_VM_ONLY:-}" = speech ]; then
	. "$here/speech.sh"
	echo "time whole run: $(($(date +%s) - t0)) s ($accel_name)"
	exit $fail
fi

# the first screen, at once: a first frame that did not reach the panel
# (KMS/DRM shows a frame from the first page flip on) would be black here
for first_pic in "$out"/preview/01-*.png; do break; done
if like kiosk "$first_pic" 2; then ok "the first screen is on the panel within a second of READY=1 ($n pixels differ from --preview)"; else bad "the first screen is not on the panel a second after READY=1 (mean $(convert "$out/kiosk.png" -format '%[fx:int(mean*255)]' info:), $n pixels differ)"; fi
best=$(for p in "$out"/preview/*.png; do echo "$(differ "$out/kiosk.png" "$p") $(basename "$p")"; done | sort -n | head -n 1)
echo "screendump $out/kiosk.png: closest --preview picture: $best (pixels differing)"
is_neutral before-taps 1 && bad "the neutral screen was up before any tap"

# the attract loop's cost: the kiosk the install started is in it
attract=$(measure 30)
echo "figure attract loop over 30 s: $attract"

# --- touch ----------------------------------------------------------------
# a touchscreen that exists before the kiosk starts: a tap in the middle
# wakes the kiosk, then Quick exit (where the host kiosk has it). A second tap there
# would wake it again: the screen Quick exit shows has no buttons.
g "rm -f /tmp/go; ./touchscreen -f /tmp/go 640,400 $quick >/tmp/ts.log 2>&1 & sleep 1; systemctl restart signpost; touch /tmp/go; wait"
if is_neutral touch-before; then ok "touchscreen present at start: Quick exit shows the neutral screen ($n pixels differ from --preview)"; else bad "touchscreen present at start: Quick exit did not work ($n pixels differ)"; fi

# the neutral screen stays for minutes: a static screen's cost
static=$(measure 30)
echo "figure static screen over 30 s: $static"

# touchscreens created while the kiosk runs (hotplug through udev), one
# for each tap: next, Topics, then Quick exit from the topics
fresh
g "./touchscreen -w 2000 640,400 $next" >/dev/null
if like ts-next "$out/host-next.png"; then ok "touchscreen created after start: next shows the next screen ($n pixels differ from the host's)"; else bad "touchscreen: next did not show the next screen ($n pixels differ)"; fi
g "./touchscreen -w 2000 $topics" >/dev/null
if like ts-topics "$out/host-topics.png"; then ok "touchscreen created after start: Topics shows the topics ($n pixels differ)"; else bad "touchscreen: Topics did not show the topics ($n pixels differ)"; fi
g "./touchscreen -w 2000 $quick2" >/dev/null
if is_neutral touch-after; then ok "touchscreen created after start: Quick exit works ($n pixels differ)"; else bad "touchscreen created after start: Quick exit did not work ($n pixels differ)"; fi

# QEMU's usb-tablet: an absolute pointer, raw units in SDL 2.26
fresh
qmp tap 640 400 $W $H
sleep 1.5
qmp tap "${next%,*}" "${next#*,}" $W $H
if like tablet-next "$out/host-next.png"; then ok "usb-tablet: next shows the next screen ($n pixels differ)"; else bad "usb-tablet: next did not work ($n pixels differ)"; fi
qmp tap "${topics%,*}" "${topics#*,}" $W $H
if like tablet-topics "$out/host-topics.png"; then ok "usb-tablet: Topics shows the topics ($n pixels differ)"; else bad "usb-tablet: Topics did not work ($n pixels differ)"; fi
qmp tap "${quick2%,*}" "${quick2#*,}" $W $H
if is_neutral tablet; then ok "usb-tablet: Quick exit works ($n pixels differ)"; else bad "usb-tablet: Quick exit did not work ($n pixels differ)"; fi
g journalctl -u signpost --no-pager -o cat | grep 'device units' | tail -n 1 || true

# --- reload, good and bad, with the unit's sandbox (seccomp and the rest) ----
st() { g "sed -n 's/^$1=//p' /run/signpost/status" 2>/dev/null; }
# settled SECONDS: until the kiosk's check of its file has ended (at a start
# on a file new there, the last good copy is shown while it runs)
settled() {
	end=$(deadline "$1")
	until [ "$(st checking)" != yes ]; do
		before "$end" || return 1
		sleep 0.5
	done
}
filter=$(g systemctl show -p SystemCallFilter --value signpost | cut -c1-20)
[ -n "$filter" ] && ok "the unit runs under a system call filter ($filter...)" || bad "no SystemCallFilter on the unit"
g "cp /etc/signpost/content.yaml /root/content.good"
g "sed -i 's/^  cycle: 12 /  cycle: 13 /' /etc/signpost/content.yaml"
if g signpostctl reload >"$out/reload.log" 2>&1 && [ "$(st last_reload)" = ok ] &&
	[ "$(st content_sha256)" = "$(g sha256sum /etc/signpost/content.yaml | cut -d' ' -f1)" ]; then
	ok "signpostctl reload of an edited file: shown ($(tail -n 1 "$out/reload.log" | cut -c1-60)...)"
else
	bad "signpostctl reload failed: $(cat "$out/reload.log")"
fi
good_sha=$(st content_sha256)
g "sed -i 's/^  cycle: 13 /  cycle: 1300 /' /etc/signpost/content.yaml"
if g systemctl reload signpost >/dev/null 2>&1; then bad "systemctl reload took a file with an error"; else ok "systemctl reload refuses a file with an error"; fi
sleep 2
[ "$(st content_sha256)" = "$good_sha" ] && [ "$(g systemctl is-active signpost)" = active ] &&
	ok "the kiosk still shows the last good content" || bad "the kiosk lost its content after a refused reload"
if g signpostctl reload >"$out/reload-bad.log" 2>&1; then bad "signpostctl reload took a file with an error"; else ok "signpostctl reload refuses it too: $(grep -m1 'error' "$out/reload-bad.log" | cut -c1-70)..."; fi
g "cp /root/content.good /etc/signpost/content.yaml"
g systemctl reload signpost && ok "systemctl reload of the good file" || bad "systemctl reload of the good file failed"
g journalctl -u signpost --no-pager -o cat | grep -i 'seccomp\|bad system call\|operation not permitted' | tail -n 3 || true

# --- opening hours on a clock the kiosk cannot trust ------------------------
# The default content with hours (09:00-17:00 every day), the closed
# banner and sleep outside the hours. The guest's clock says about 02:00
# and nothing has synchronised it: the kiosk must show the content as on an
# open day (not black, no banner) and say clock=unsynchronised. Then the
# clock is marked synchronised as systemd-timesyncd marks it (the folder
# and its file): black within a second, no restart. Then the clock is set
# to 10:00 (an open hour): content again.
mean() { convert "$1" -format '%[fx:int(mean*255)]' info:; }
band() { convert "$1" -format "%[hex:p{5,$((H - 10))}]" info:; } # the help band's colour
hours_yaml=$out/hours.yaml
sed 's/^  sleep: never /  sleep: outside_hours /; s/^  # out_of_hours:/  out_of_hours:/; s/^  #   text:/    text:/' \
	"$src/config/content.yaml" >"$hours_yaml"
{
	echo "hours:"
	for d in monday tuesday wednesday thursday friday saturday sunday; do echo "  $d: \"09:00-17:00\""; done
} >>"$hours_yaml"
grep -q '^  sleep: outside_hours ' "$hours_yaml" && grep -q '^  out_of_hours:' "$hours_yaml" ||
	bad "the hours content was not made (config/content.yaml changed?)"
"$src/build/signpost" --check --config "$hours_yaml" >"$out/hours-check.txt" 2>&1 ||
	bad "the hours content does not pass --check: $(grep error "$out/hours-check.txt" | head -n 2)"
"$src/build/signpost" --preview "$out/hours-preview" --size ${W}x$H --config "$hours_yaml" >/dev/null 2>&1 ||
	bad "--preview of the hours content failed"
for closed_pic in "$out"/hours-preview/01-*-closed.png; do break; done
accent=$(band "$closed_pic")
case "$accent" in F2B705*) ;; *) bad "the closed preview has no banner where the check looks (#$accent)" ;; esac
guest_hour=$(g date +%H)
echo "guest clock: $(g date -u +%FT%TZ) (booted with -rtc base=$rtc_base)"
case "$guest_hour" in
0[0-8]) ;;
*) bad "the guest's clock is at $guest_hour h, not a closed hour: -rtc base=$rtc_base did not reach it" ;;
esac
# shellcheck disable=SC2086
limit 120 "scp of the hours content to the guest" scp -q $ssh_opts -P "$port" "$hours_yaml" root@127.0.0.1:/root/ ||
	bad "could not copy the hours content to the guest"
g "cp /root/hours.yaml /etc/signpost/content.yaml" || bad "could not install the hours content in the guest"
fresh
dump "$out/clock-untrusted.png"
m=$(mean "$out/clock-untrusted.png") b=$(band "$out/clock-untrusted.png")
if [ "$m" -gt 10 ] && [ "${b#F2B705}" = "$b" ]; then
	ok "untrusted clock at $guest_hour h, closed by the hours: content (mean $m), no banner (band #$b)"
else
	bad "untrusted clock at a closed hour: mean $m, band #$b (black or the closed banner)"
fi
[ "$(st clock)" = unsynchronised ] && ok "status: clock=unsynchronised; signpostctl: $(g signpostctl status | grep '^clock:')" ||
	bad "the status says clock=$(st clock), not unsynchronised"
g "mkdir -p /run/systemd/timesync && touch /run/systemd/timesync/synchronized" || bad "could not mark the clock synchronised"
t=$(now)
sleep 1
dump "$out/clock-trusted.png"
m=$(mean "$out/clock-trusted.png")
if [ "$m" = 0 ]; then
	ok "marked synchronised at a closed hour: black at the first screendump, $(since "$t") s after"
else
	i=0
	while [ $i -lt 10 ] && [ "$(mean "$out/clock-trusted.png")" != 0 ]; do sleep 0.5; dump "$out/clock-trusted.png"; i=$((i + 1)); done
	bad "marked synchronised at a closed hour: not black within a second (mean $m; $(if [ $i -lt 10 ]; then echo "black after $(since "$t") s"; else echo "still not black after $(since "$t") s"; fi))"
fi
[ "$(st clock)" = synchronised ] && ok "status: clock=synchronised" || bad "the status says clock=$(st clock), not synchronised"
# shellcheck disable=SC2016 # the guest's shell expands it: the guest's date
g 'date -s "$(date +%F) 10:00:00"' >/dev/null || bad "could not set the guest's clock"
t=$(now)
i=0
until dump "$out/clock-open.png" && m=$(mean "$out/clock-open.png") && [ "$m" -gt 10 ] || [ $i -ge 10 ]; do
	sleep 0.5
	i=$((i + 1))
done
b=$(band "$out/clock-open.png")
if [ "$m" -gt 10 ] && [ "${b#F2B705}" = "$b" ]; then
	ok "clock set to 10:00, an open hour: content again after $(since "$t") s (mean $m, no banner)"
else
	bad "clock set to 10:00: mean $m, band #$b after $(since "$t") s"
fi
g journalctl -u signpost --no-pager -o cat | grep 'the clock is' | tail -n 2 || true
g "cp /root/content.good /etc/signpost/content.yaml"
g systemctl reload signpost || bad "systemctl reload of the good file after the clock check failed"

# --- a check that crashes, hangs or eats memory (tests/system/faults.sh) --
. "$here/faults.sh"

# --- restarts -----------------------------------------------------------------
t=$(now)
i=0
while [ $i -lt 15 ]; do
	g systemctl restart signpost || bad "restart $((i + 1)) failed"
	i=$((i + 1))
done
sleep 2
state=$(g systemctl is-active signpost || true)
if [ "$state" = active ]; then ok "15 systemctl restarts in a row: still active ($(since "$t") s in all: restart to first frame $(awk -v s="$(since "$t")" 'BEGIN { printf "%.1f", (s - 2) / 15 }') s each)"; else bad "after 15 restarts: $state"; fi

# a hang: the watchdog (WatchdogSec) ends it and systemd starts it again
pid=$(g systemctl show -p MainPID --value signpost)
t=$(now)
g "kill -STOP $pid"
end=$(deadline 90)
until np=$(gl 30 systemctl show -p MainPID --value signpost) && [ "$np" != "$pid" ] && [ "$np" != 0 ] &&
	[ "$(gl 30 systemctl is-active signpost)" = active ]; do
	before "$end" || break
	sleep 1
done
if before "$end"; then ok "SIGSTOP: the watchdog restarted it, first frame after $(since "$t") s"; else bad "SIGSTOP: not restarted within 90 s"; fi

# a crash: restarted, and said in the journal
pid=$(g systemctl show -p MainPID --value signpost)
t=$(now)
g "kill -SEGV $pid"
sleep 1
dump "$out/crashed.png"
if wait_active 60; then ok "SIGSEGV: active again after $(since "$t") s"; else bad "SIGSEGV: not restarted"; fi
line=$(g journalctl -u signpost --no-pager -o cat | grep 'starts again' | tail -n 1 || true)
if [ -n "$line" ]; then ok "the crash is said: $line"; else bad "no 'starts again' line in the journal"; fi

# --- the staff key, set up as config/INSTALL.md says: publishing, and what
# the sshd drop-in refuses (tests/system/publish.sh) -------------------------
. "$here/publish.sh"

# --- speech: a USB sound card recorded by QEMU, a keypad made in the guest
# (tests/system/speech.sh) ---------------------------------------------------
. "$here/speech.sh"

# --- reboot -------------------------------------------------------------------
g systemctl reboot || true
ssh_close
sleep 5
t=$(now)
wait_ssh 400 || bad "the guest did not come back after a reboot"
wait_active 120 || bad "not active after the reboot"
mono=$(g systemctl show -p ActiveEnterTimestampMonotonic --value signpost)
first=$(awk -v u="$mono" 'BEGIN { printf "%.1f", u / 1000000 }')
ok "reboot: first frame (READY=1) $first s after the kernel started"
getty=$(g systemctl is-active getty@tty1 || true)
if [ "$getty" = active ]; then bad "a login prompt on tty1 after the reboot"; else ok "no login prompt on tty1 ($getty)"; fi
sleep 2
dump "$out/after-reboot.png"

g journalctl -b -1 --no-pager >"$out/journal-before-reboot.txt" 2>&1 || true
g journalctl -u signpost -b --no-pager >"$out/journal.txt" 2>&1 || true

# --- power cuts while the content changes (tests/system/cuts.sh) ------------
. "$here/cuts.sh"
echo "time whole run: $(($(date +%s) - t0)) s ($accel_name); pictures and logs in $out"
[ $fail = 0 ] && echo "system test: ok" || echo "system test: FAILED"
exit $fail
