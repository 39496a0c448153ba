# tests/system/faults.sh — a check that crashes, hangs or eats memory, in the
# shellcheck shell=sh disable=SC2154 # (sourced by vm.sh, which sets the variables)
# installed kiosk; sourced by vm.sh (it uses vm.sh's g, st, dump, differ,
# like, wait_active, ok and bad), with the default content on screen and
# proven.
#
# The package has no test hooks: tests/system/fault.c, preloaded into the
# service through a drop-in (LD_PRELOAD), makes the check's child crash
# (SIGSEGV), hang or eat memory on content that carries
# "# signpost-fault: crash|hang|eat". For each, the file is saved (a
# rename) and `signpostctl reload` must refuse it with the kiosk's words,
# the same kiosk process still showing the default content; then
# `systemctl restart` with that file installed must come up on the last
# good copy at once (its first frame, READY=1, does not wait for the check),
# then refuse the file and say why. The drop-in is removed afterwards.

# shows_good NAME: the screen (a screendump) is one of the default content's
# --preview pictures, whichever screen the attract loop is on (n: pixels off)
shows_good() {
	i=0
	while :; do
		dump "$out/$1.png"
		n=$(for p in "$out"/preview/*.png; do differ "$out/$1.png" "$p"; done | sort -n | head -n 1)
		[ "$n" -lt 2000 ] 2>/dev/null && return 0
		i=$((i + 1))
		[ $i -lt 4 ] || return 1
		sleep 0.5
	done
}
good_sha=$(g sha256sum /root/content.good | cut -d' ' -f1)
cc -shared -fPIC -O2 -Wall -Wextra -o "$out/fault.so" "$here/fault.c" -ldl || bad "faults: fault.c did not build"
# shellcheck disable=SC2086
limit 120 "scp of fault.so" scp -q $ssh_opts -P "$port" "$out/fault.so" root@127.0.0.1:/usr/local/lib/signpost-fault.so ||
	bad "faults: could not copy fault.so to the guest"
g "mkdir -p /etc/systemd/system/signpost.service.d &&
   printf '[Service]\nEnvironment=LD_PRELOAD=/usr/local/lib/signpost-fault.so\n' >/etc/systemd/system/signpost.service.d/fault.conf &&
   systemctl daemon-reload && systemctl restart signpost" || bad "faults: could not add the drop-in"
wait_active 60 || bad "faults: not active with the preloaded fault library"
for fault in crash hang eat; do
	g "{ cat /root/content.good; echo '# signpost-fault: $fault'; } >/root/fault.yaml"
	pid=$(g systemctl show -p MainPID --value signpost)
	restarts=$(g systemctl show -p NRestarts --value signpost)
	t=$(now)
	g "cp /root/fault.yaml /root/stage.yaml && mv /root/stage.yaml /etc/signpost/content.yaml"
	rc=0
	gl 180 signpostctl reload >"$out/fault-$fault.log" 2>&1 || rc=$?
	took=$(since "$t")
	now_pid=$(g systemctl show -p MainPID --value signpost)
	now_restarts=$(g systemctl show -p NRestarts --value signpost)
	why=$(grep -m1 'the check of this file' "$out/fault-$fault.log" | sed 's/^ *//' | cut -c1-100)
	if [ $rc = 1 ] && [ -n "$why" ] && [ "$now_pid" = "$pid" ] && [ "$now_restarts" = "$restarts" ] &&
		[ "$(st content_sha256)" = "$good_sha" ] && shows_good "fault-$fault-reload"; then
		ok "faults: the check's $fault on reload: refused after $took s, the same kiosk shows the default content ($why)"
	else
		bad "faults: the check's $fault on reload: signpostctl said $rc after $took s; pid $pid -> $now_pid, restarts $restarts -> $now_restarts, $n pixels off the default content: $(tail -n 2 "$out/fault-$fault.log")"
	fi
	t=$(now)
	g systemctl restart signpost || true
	restarts=$(g systemctl show -p NRestarts --value signpost)
	shown=""
	wait_active 120 && like "fault-$fault-start" "$first_pic" 6 && shown=$(since "$t")
	if [ -n "$shown" ] && settled 120 && [ "$(st last_reload)" = failed ] &&
		[ "$(st content_sha256)" = "$good_sha" ] &&
		[ "$(g systemctl show -p NRestarts --value signpost)" = "$restarts" ]; then
		why=$(st problem | head -n 1 | cut -c1-100)
		ok "faults: the check's $fault at start: the last good copy on screen after $shown s, the file refused after $(since "$t") s, no restart ($why)"
	else
		bad "faults: the check's $fault at start: $(g systemctl is-active signpost), last_reload=$(st last_reload), restarts $restarts -> $(g systemctl show -p NRestarts --value signpost), $n pixels off the first screen"
	fi
done
g "rm /etc/systemd/system/signpost.service.d/fault.conf && systemctl daemon-reload &&
   cp /root/content.good /etc/signpost/content.yaml && systemctl restart signpost"
{ wait_active 60 && settled 60; } || bad "faults: not active after the drop-in was removed"
