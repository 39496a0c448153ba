# tests/system/cuts.sh — power cuts while the content changes; sourced by
# shellcheck shell=sh disable=SC2154 # (sourced by vm.sh, which sets the variables)
# vm.sh after its other checks, with the guest up and the package
# installed (it uses vm.sh's g, st, dump, differ, wait_ssh, wait_active,
# boot, ok and bad).
#
# Two good contents, A (the default) and B (A with another first title),
# each with its --preview picture of the first screen. The guest is shut
# down cleanly and from then on booted with cache=writeback, so that what
# the guest flushed is on the host's disk and what it did not may be lost,
# as on an SD card when the power goes. Then, CUTS times (20 unless
# SIGNPOST_VM_CUTS says): a script in the guest changes the content over
# and over as staff and a fleet would (a save by rename or a
# `signpostctl put`, sometimes followed by `systemctl reload` or
# `systemctl restart`, each at a random moment), QEMU is killed (SIGKILL: no shutdown, no flush) at a random
# moment 0.5-8 s later, and the guest boots again. After each boot:
#  - the screen shows A's or B's first screen (few pixels differ);
#  - `signpostctl status` names the content on the screen (its sha256);
#  - the installed file passes `signpostctl check`;
#  - no temporary is left (NAME.XXXXXX beside the kiosk's files, and the
#    last good copy's folder's last-good.XXXXXX and last-good.old, put's
#    beside the content and in its history; /usr/lib/tmpfiles.d).
# Counts are printed: how many boots showed A, B, a last good copy
# (installed file and screen differ), and failures.

cuts=${SIGNPOST_VM_CUTS:-20}
sed 's/^    title: "Welcome: help after sexual violence"/    title: "Welcome: support after sexual violence"/' \
	"$src/config/content.yaml" >"$out/B.yaml"
cmp -s "$src/config/content.yaml" "$out/B.yaml" && bad "cuts: B is the same as A (config/content.yaml changed?)"
for v in A B; do
	f=$src/config/content.yaml
	[ $v = B ] && f=$out/B.yaml
	"$src/build/signpost" --preview "$out/preview-$v" --size ${W}x$H --config "$f" >/dev/null 2>&1 ||
		bad "cuts: --preview of $v failed"
	for first in "$out/preview-$v"/01-*.png; do break; done
	cp "$first" "$out/first-$v.png"
	eval "sha_$v=\$(sha256sum \"\$f\" | cut -d' ' -f1)"
done
[ "$(differ "$out/first-A.png" "$out/first-B.png")" -gt 2000 ] 2>/dev/null ||
	bad "cuts: A's and B's first screens cannot be told apart"

# shellcheck disable=SC2086
limit 120 "scp of the cut test's files" scp -q $ssh_opts -P "$port" "$src/config/content.yaml" root@127.0.0.1:/root/A.yaml &&
	limit 120 "scp of the cut test's files" scp -q $ssh_opts -P "$port" "$out/B.yaml" root@127.0.0.1:/root/B.yaml ||
	bad "cuts: could not copy A and B to the guest"
# the changes, as staff and a fleet make them: saves by rename (the kiosk
# reloads on its own), a reload, a restart; at random moments
g "cat >/root/churn.sh" <<'EOF'
r() { od -An -N1 -tu1 /dev/urandom | tr -d ' '; }
# the first change is to the content not installed now, then back and forth
i=0
cmp -s /etc/signpost/content.yaml /root/B.yaml && i=1
while :; do
	i=$((i + 1))
	f=/root/A.yaml
	[ $((i % 2)) = 1 ] && f=/root/B.yaml
	case $(($(r) % 5)) in
	0) signpostctl put <"$f" ;; # as staff publish
	*) cp "$f" /root/stage.yaml && mv /root/stage.yaml /etc/signpost/content.yaml ;;
	esac
	case $(($(r) % 4)) in
	1) systemctl reload signpost ;;
	2) systemctl restart signpost ;;
	esac
	sleep "$(($(r) % 3)).$(r)"
done
EOF
g "cp /root/A.yaml /etc/signpost/content.yaml && systemctl restart signpost"
{ wait_active 60 && settled 60; } || bad "cuts: not active on A before the first cut"
sleep 2
g "sync; poweroff" >/dev/null 2>&1 || true
ssh_close
end=$(deadline 120)
while kill -0 $qemu_pid 2>/dev/null && before "$end"; do sleep 1; done
kill -KILL $qemu_pid 2>/dev/null || true
wait $qemu_pid 2>/dev/null || true

shows_A=0 shows_B=0 shows_good=0 wrong=0
# look LABEL: after a boot, the kiosk shows A or B, says which, its file
# passes the check and no temporary is left; counted
look() {
	if ! wait_ssh 400 || ! wait_active 120 || ! settled 120; then
		bad "$1: the guest or the kiosk did not come up ($(gl 30 systemctl is-active signpost 2>&1))"
		wrong=$((wrong + 1))
		return
	fi
	shown=""
	i=0
	while [ $i -lt 12 ] && [ -z "$shown" ]; do
		sleep 0.5
		dump "$out/cut.png"
		na=$(differ "$out/cut.png" "$out/first-A.png")
		nb=$(differ "$out/cut.png" "$out/first-B.png")
		[ "$na" -lt 2000 ] 2>/dev/null && shown=A
		[ "$nb" -lt 2000 ] 2>/dev/null && shown=B
		i=$((i + 1))
	done
	installed=$(g sha256sum /etc/signpost/content.yaml | cut -d' ' -f1)
	on_screen=$(st content_sha256)
	eval "want=\${sha_${shown:-none}:-}"
	temps=$(g "find /etc/signpost /var/lib/signpost /var/lib/signpost-publish -maxdepth 2 \\( -type f \\( -regex '.*\\.[A-Za-z0-9]\\{6\\}\$' -o -name '*.tmp' \\) -o -type d \\( -regex '.*/last-good\\.[A-Za-z0-9]\\{6\\}\$' -o -name 'last-good.old' \\) \\)" 2>&1)
	problems=""
	[ -n "$shown" ] || problems="$problems; the screen is neither A nor B ($na and $nb pixels differ)"
	[ -n "$shown" ] && [ "$on_screen" != "$want" ] && problems="$problems; the status names $on_screen, the screen shows $shown"
	g signpostctl check >"$out/cut-check.log" 2>&1 || problems="$problems; the installed file fails the check: $(head -n 2 "$out/cut-check.log")"
	[ -z "$temps" ] || problems="$problems; temporaries left: $temps"
	if [ -n "$problems" ]; then
		cp "$out/cut.png" "$out/$(echo "$1" | tr ' ' -).png"
		g journalctl -u signpost -b --no-pager -o cat >"$out/$(echo "$1" | tr ' ' -).journal" 2>&1 || true
		bad "$1:${problems#;}"
		wrong=$((wrong + 1))
		return
	fi
	case $shown in A) shows_A=$((shows_A + 1)) ;; B) shows_B=$((shows_B + 1)) ;; esac
	if [ "$installed" != "$on_screen" ]; then
		shows_good=$((shows_good + 1))
		echo "     $1: the last good copy ($shown), the kiosk says: $(st problem | head -n 1 | cut -c1-150)"
	fi
}
boot writeback
look "the first boot with cache=writeback"
shows_A=0 shows_B=0 shows_good=0 # (wrong counts that boot too)
t_cuts=$(now)
c=1
while [ $c -le "$cuts" ]; do
	# the changes, and the cut at a random moment of them
	g "nohup sh /root/churn.sh >/dev/null 2>&1 &" || true
	sleep "$(awk -v s="$c$$" 'BEGIN { srand(s); printf "%.1f", 0.5 + 7.5 * rand() }')"
	kill -KILL $qemu_pid 2>/dev/null || true
	wait $qemu_pid 2>/dev/null || true
	ssh_close
	rm -f "$out"/ssh-*
	boot writeback
	look "cut $c"
	c=$((c + 1))
done
echo "figure power cuts: $cuts cuts in $(since "$t_cuts") s; after them: $shows_A boots showed A, $shows_B showed B ($shows_good of them a last good copy, the installed file being the other), $wrong wrong"
[ "$wrong" = 0 ] && ok "power cuts: $cuts cuts while the content changed, each boot showed the old or the new content and said which"
