# fleet.sh — the fleet playbook (config/fleet) as an organisation runs it,
# against this machine over a real OpenSSH server on 127.0.0.1 that the test
# starts with throwaway keys. Two kiosks in two centres: two kiosk processes
# under Xvfb, each with its own content file and status file; a small
# stand-in for systemd restarts them (there is no systemd here).
#
# The playbooks pass `ansible-playbook --syntax-check` and ansible-lint's
# production profile. Then, in order: a first rollout puts each centre's
# content on its kiosk (and installs the package); running it again changes
# nothing; content with a mistake is refused by the kiosk's own check
# (signpostctl put) at the first kiosk, the rollout stops there and both
# kiosks keep what they show; new valid content is put live on each kiosk
# exactly once, confirmed by the new file's sha256; content naming a
# picture goes live with it (signpost_pictures), and a damaged picture is
# refused at the first kiosk with the loader's message, content and
# picture unchanged on both; a package upgrade restarts each kiosk once and
# puts nothing; a last run changes nothing; status.yml reports what each
# kiosk shows.
#
# The package step installs a stand-in package per kiosk
# (signpost-fleet-test-a/-b, no files) built here, not the real signpost
# .deb: installing that would replace /usr/bin/signpost and
# /etc/signpost on the machine running the tests (on a Pi used for
# development, its real kiosk). Both stand-ins are purged at the end. Without
# root or password-less sudo the package step is left out.
#
# Exit 77 (skipped) only when ansible-playbook is not installed.
. "$(dirname "$0")/lib.sh"
if ! command -v ansible-playbook >/dev/null; then
	echo "SKIP: ansible-playbook is not installed (apt-get install ansible-core; the README's test command installs it)"
	exit 77
fi
for tool in Xvfb ssh ssh-keygen ansible-lint python3 sha256sum setsid; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
# the Python that Debian's Ansible runs on, which has PyYAML
py=/usr/bin/python3
[ -x "$py" ] || py=python3
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { fail "sshd is needed (openssh-server)"; done_testing; exit 1; }

# root: directly, or through sudo without a password
if [ "$(id -u)" = 0 ]; then
	as_root() { "$@"; }
	can_root=yes
elif sudo -n true 2>/dev/null; then
	as_root() { sudo -n "$@"; }
	can_root=yes
else
	can_root=no
fi
if [ $can_root = yes ] && command -v sudo >/dev/null; then become=true; else become=false; fi
purge_test_packages() {
	[ $can_root = yes ] || return 0
	for k in a b; do
		if dpkg-query -W -f='${Status}' signpost-fleet-test-$k 2>/dev/null | grep -q installed; then
			as_root dpkg --purge signpost-fleet-test-$k >/dev/null 2>&1
		fi
	done
}

start_xvfb 640x400
kiosk_pids() { for k in a b; do sed -n 's/^pid=//p' "$tmp/kiosk-$k/status" 2>/dev/null; done; }
cleanup() {
	# shellcheck disable=SC2046
	kill $pids $(kiosk_pids) 2>/dev/null
	# Ansible's SSH connections stay open for reuse (ControlPersist): close them
	for sock in "$tmp"/cp/*; do
		[ -S "$sock" ] && ssh -o ControlPath="$sock" -O exit fleet-test >/dev/null 2>&1
	done
	kill $(cat "$tmp/sshd.pid" 2>/dev/null) $xvfb 2>/dev/null
	purge_test_packages
	rm -rf "$tmp"
}
pids=""
trap cleanup EXIT
purge_test_packages

# --- the playbooks, as written --------------------------------------------
(cd "$src/config/fleet" && ansible-playbook --syntax-check rollout.yml status.yml) </dev/null >"$tmp/syntax" 2>&1 &&
	ok || fail "ansible-playbook --syntax-check: $(cat "$tmp/syntax")"
(cd "$src/config/fleet" && XDG_CACHE_HOME="$tmp/cache" ANSIBLE_HOME="$tmp/ansible-lint" \
	ansible-lint --nocolor --offline --profile production) >"$tmp/lint" 2>&1 &&
	ok || fail "ansible-lint --profile production: $(cat "$tmp/lint")"

# --- two kiosks, each showing the package's default content ---------------
start_kiosk() { # a|b
	d="$tmp/kiosk-$1"
	"$bin" --window 640x400 --trace --status "$d/status" --config "$d/content.yaml" 2>>"$d/trace" &
	pids="$pids $!"
}
for k in a b; do
	mkdir -p "$tmp/kiosk-$k/pkg"
	cp "$src/config/content.yaml" "$tmp/kiosk-$k/content.yaml"
	start_kiosk $k
done
get() { sed -n "s/^$2=//p" "$tmp/kiosk-$1/status" 2>/dev/null | head -n 1; }
file_hash() { sha256sum "$tmp/kiosk-$1/content.yaml" | cut -d' ' -f1; }
for k in a b; do
	i=0
	while [ -z "$(get $k pid)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(get $k content_sha256)" = "$(file_hash $k)" ] && ok || fail "kiosk $k did not start"
done

# The test's stand-in for systemd: `restart` stops the kiosk named in the
# status file and starts it again, detached (as the test's own user when
# Ansible became root); everything else is the real signpostctl, with the
# kiosk's history in its test folder.
cat >"$tmp/ctl.sh" <<'CTL'
echo "$FLEET_KIOSK $1" >>"$FLEET_DIR/ctl.log"
[ "$1" = restart ] || exec sh "$FLEET_SRC/config/signpostctl" --history "$FLEET_DIR/$FLEET_KIOSK/history" "$@"
"$SIGNPOST_BIN" --check --config "$SIGNPOST_CONFIG" >/dev/null || exit 1
old=$(sed -n 's/^pid=//p' "$SIGNPOST_STATUS")
kill -TERM "$old"
while kill -0 "$old" 2>/dev/null; do sleep 0.05; done
as_owner=""
[ "$(id -u)" != "$FLEET_UID" ] && as_owner="setpriv --reuid=$FLEET_UID --regid=$FLEET_GID --clear-groups"
$as_owner setsid "$SIGNPOST_BIN" --window 640x400 --trace --status "$SIGNPOST_STATUS" \
	--config "$SIGNPOST_CONFIG" </dev/null >/dev/null 2>>"$FLEET_DIR/$FLEET_KIOSK/trace" &
i=0
while [ $i -lt 100 ]; do
	new=$(sed -n 's/^pid=//p' "$SIGNPOST_STATUS" 2>/dev/null)
	[ -n "$new" ] && [ "$new" != "$old" ] && { echo "restarted: the kiosk (pid $new) shows $SIGNPOST_CONFIG"; exit 0; }
	sleep 0.1
	i=$((i + 1))
done
echo "the kiosk did not come back" >&2
exit 3
CTL
: >"$tmp/ctl.log"
# ctl_count KIOSK VERB: how often the playbook asked for VERB on KIOSK
ctl_count() { grep -c "^kiosk-$1 $2$" "$tmp/ctl.log"; }

# --- stand-in packages (when we may install them) -------------------------
make_deb() { # a|b VERSION
	d="$tmp/debs/fleet-test-$1-$2"
	mkdir -p "$d/DEBIAN"
	cat >"$d/DEBIAN/control" <<CONTROL
Package: signpost-fleet-test-$1
Version: $2
Architecture: all
Maintainer: signpost tests <tests@example.invalid>
Description: stand-in package for the signpost fleet test
 Installed and purged by tests/cli/fleet.sh.
CONTROL
	dpkg-deb --root-owner-group --build "$d" "$tmp/debs/signpost-fleet-test-$1_$2_all.deb" >/dev/null
}
if [ $can_root = yes ]; then
	for v in 1.0 1.1; do make_deb a $v && make_deb b $v; done
fi

# --- an SSH server on 127.0.0.1, throwaway keys ---------------------------
ssh-keygen -q -t ed25519 -N "" -f "$tmp/host" >/dev/null
ssh-keygen -q -t ed25519 -N "" -f "$tmp/admin" >/dev/null
cp "$tmp/admin.pub" "$tmp/authorized_keys"
chmod 600 "$tmp/authorized_keys"
user=$(id -un)
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
for try in 0 1 2; do
	port=$((20000 + ($$ * 7 + try * 101) % 20000))
	cat >"$tmp/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $tmp/host
PidFile $tmp/sshd.pid
AuthorizedKeysFile $tmp/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
LogLevel ERROR
CONF
	"$sshd" -f "$tmp/sshd_config" -E "$tmp/sshd.log" && break
done
i=0
while [ ! -s "$tmp/sshd.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$tmp/sshd.pid" ] && ok || { fail "sshd did not start: $(cat "$tmp/sshd.log")"; done_testing; exit 1; }
printf '[127.0.0.1]:%s %s\n' $port "$(cut -d' ' -f1,2 "$tmp/host.pub")" >"$tmp/known_hosts"

# --- the control machine's side: config/fleet with this test's inventory ---
fleet="$tmp/fleet"
cp -R "$src/config/fleet" "$fleet"
rm -f "$fleet"/host_vars/*.yml
cat >"$fleet/inventory.yml" <<INV
kiosks:
  children:
    centre_north:
      hosts:
        kiosk-a:
    centre_south:
      hosts:
        kiosk-b:
INV
# what staff could type as a centre's name, and must not break the YAML
tricky='Riverside "Women'"'"'s" Centre: #1 \ Zoë — 50% {not a template}'
q() { "$py" -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1"; }
for k in a b; do
	env_extra=""
	for v in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS SDL_RENDER_DRIVER SDL_FRAMEBUFFER_ACCELERATION; do
		eval "val=\${$v:-}"
		[ -n "$val" ] && env_extra="$env_extra
  $v: $(q "$val")"
	done
	{
		cat <<HV
ansible_host: 127.0.0.1
ansible_port: $port
ansible_user: $(q "$user")
ansible_ssh_private_key_file: $(q "$tmp/admin")
ansible_ssh_common_args: $(q "-o UserKnownHostsFile=$tmp/known_hosts -o StrictHostKeyChecking=yes")
ansible_python_interpreter: /usr/bin/python3
ansible_remote_tmp: $(q "$tmp/ansible/remote")
ansible_become: $become
signpost_content_file: $(q "$tmp/kiosk-$k/content.yaml")
signpost_bin: $(q "$bin")
signpost_ctl: $(q "sh $tmp/ctl.sh")
signpost_package_dir: $(q "$tmp/kiosk-$k/pkg")
signpost_stage_dir: $(q "$tmp/kiosk-$k/stage")
signpost_deb: "{{ '$tmp/debs/signpost-fleet-test-${k}_' ~ fleet_test_version ~ '_all.deb' if fleet_test_version is defined else '' }}"
signpost_env:
  SIGNPOST_STATUS: $(q "$tmp/kiosk-$k/status")
  DISPLAY: $(q "$DISPLAY")
  FLEET_KIOSK: kiosk-$k
  FLEET_DIR: $(q "$tmp")
  FLEET_SRC: $(q "$src")
  FLEET_UID: "$(id -u)"
  FLEET_GID: "$(id -g)"$env_extra
HV
		[ $k = a ] && echo "display_rotation: 90"
		[ $k = b ] && printf 'centre_name: %s\n' "$(q "$tricky")"
	} >"$fleet/host_vars/kiosk-$k.yml"
done

export ANSIBLE_CONFIG="$fleet/ansible.cfg" ANSIBLE_HOME="$tmp/ansible" ANSIBLE_LOCAL_TEMP="$tmp/ansible/local" \
	ANSIBLE_SSH_CONTROL_PATH_DIR="$tmp/cp" ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 \
	ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_STDOUT_CALLBACK=default XDG_CACHE_HOME="$tmp/cache"
# play NAME [ansible-playbook options]: run rollout.yml, output in $tmp/NAME.log
play() {
	name=$1
	shift
	if [ ! -f "$fleet/rollout.yml" ]; then
		fail "the test's scratch folder $fleet is gone (removed by something outside this test?)"
		done_testing
		exit 1
	fi
	t0=$(date +%s.%N)
	# stdin from /dev/null: ansible refuses a non-blocking stdin, which an ssh
	# started from the same terminal can leave behind
	(cd "$fleet" && ansible-playbook rollout.yml "$@") </dev/null >"$tmp/$name.log" 2>&1
	rc=$?
	seconds=$(echo "$t0 $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
	echo "fleet: $name: exit $rc, $seconds s"
}
# recap NAME KIOSK FIELD: that kiosk's count in the PLAY RECAP (empty if absent)
recap() { sed -n "s/^kiosk-$2 *: .* $3=\([0-9]*\).*/\1/p" "$tmp/$1.log"; }
# report NAME KIOSK: the "Say what changed" lines for that kiosk
report() {
	awk -v h="kiosk-$2" '
		/^TASK \[Say what changed/ { t = 1 }
		t && $0 ~ "^ok: \\[" h "\\]" { p = 1; next }
		p && /^}/ { p = 0 }
		p && /"(package|content|kiosk|check): / { sub(/^ *"/, ""); sub(/",?$/, ""); print }' "$tmp/$1.log"
}
show() { sed 's/^/    /' "$tmp/$1.log" >&2; }
content_title() { # KIOSK ID: the title of screen ID in the kiosk's file, as YAML reads it
	"$py" -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
print([s["title"] for s in d["screens"] if s["id"] == sys.argv[2]][0])' "$tmp/kiosk-$1/content.yaml" "$2"
}

# --- 1. the first rollout: each centre's content (and the package) --------
version1=""
[ $can_root = yes ] && version1="-e fleet_test_version=1.0"
# shellcheck disable=SC2086
play first $version1
[ $rc = 0 ] && ok || { fail "the first rollout failed"; show first; }
[ "$(content_title a centre)" = "North London Centre" ] && ok || fail "kiosk a's centre screen: $(content_title a centre)"
[ "$(content_title b centre)" = "$tricky" ] && ok ||
	fail "a centre name with quotes, apostrophe, colon, # and backslash came out as: $(content_title b centre)"
grep -q "^  rotation: 90$" "$tmp/kiosk-a/content.yaml" && ok || fail "kiosk a's rotation is not 90"
grep -q "^  rotation: 0$" "$tmp/kiosk-b/content.yaml" && ok || fail "kiosk b's rotation is not the default 0"
for k in a b; do
	[ "$(get $k content_sha256)" = "$(file_hash $k)" ] && ok || fail "kiosk $k does not show its new file"
	if [ $can_root = yes ]; then
		[ "$(dpkg-query -W -f='${Version}' signpost-fleet-test-$k 2>/dev/null)" = 1.0 ] && ok ||
			fail "the package for kiosk $k is not installed"
		[ "$(ctl_count $k restart)" = 1 ] && ok || fail "kiosk $k restarted $(ctl_count $k restart) times for a new package"
		[ "$(ctl_count $k reload)" = 0 ] && ok || fail "kiosk $k was reloaded after its restart"
	else
		[ "$(ctl_count $k reload)" = 0 ] && ok || fail "kiosk $k reloaded $(ctl_count $k reload) times"
	fi
	[ "$(ctl_count $k put)" = 1 ] && ok || fail "kiosk $k had its content put $(ctl_count $k put) times"
done
[ $can_root = yes ] || echo "fleet: not root and no password-less sudo: the package step was not tried"

# --- 2. the same content again: nothing changes (the package's turn is 6) --
cp "$tmp/ctl.log" "$tmp/ctl.before"
play again
[ $rc = 0 ] && ok || { fail "the second run failed"; show again; }
for k in a b; do
	[ "$(recap again $k changed)" = 0 ] && ok || { fail "the second run changed $(recap again $k changed) things on kiosk $k"; show again; }
done
cmp -s "$tmp/ctl.log" "$tmp/ctl.before" && ok || fail "the second run reloaded or restarted a kiosk"

# ctl_changes: the reloads and restarts since ctl.before (puts are
# counted apart: a refused one changes nothing)
ctl_changes() {
	grep -v ' put$' "$tmp/ctl.before" >"$tmp/ctl.before-puts"
	grep -v ' put$' "$tmp/ctl.log" | cmp -s - "$tmp/ctl.before-puts" || echo changed
}

# --- 3. content with a mistake: refused at the first kiosk -----------------
for k in a b; do
	cp "$tmp/kiosk-$k/content.yaml" "$tmp/kiosk-$k/before.yaml"
	eval "shown_$k=\$(get $k content_sha256) pid_$k=\$(get $k pid)"
done
cp "$fleet/content.yaml.j2" "$tmp/good.j2"
sed -i 's/^    title: "Your rights if pressured to withdraw"/    titel: "Your rights if pressured to withdraw"/' "$fleet/content.yaml.j2"
play invalid
[ $rc != 0 ] && ok || fail "content with a mistake was rolled out"
# signpost's own message, at the line and column of the mistake in content.yaml.j2
line=$(grep -n '^    titel:' "$fleet/content.yaml.j2" | cut -d: -f1)
grep -q "content.yaml:$line:5: error: unknown key 'titel' in a screen; did you mean 'title'?" "$tmp/invalid.log" && ok ||
	{ fail "the rollout does not show signpost's message for line $line"; show invalid; }
[ "$(recap invalid a failed)" = 1 ] && ok || fail "kiosk a is not counted as failed"
[ "$(recap invalid b ok)" = "" ] || [ "$(recap invalid b ok)" = 0 ] && ok ||
	fail "the rollout went on to kiosk b after kiosk a failed"
for k in a b; do
	cmp -s "$tmp/kiosk-$k/content.yaml" "$tmp/kiosk-$k/before.yaml" && ok || fail "kiosk $k's content file was changed"
	eval "want=\$shown_$k wantpid=\$pid_$k"
	[ "$(get $k content_sha256)" = "$want" ] && ok || fail "kiosk $k no longer shows its content"
	[ "$(get $k pid)" = "$wantpid" ] && kill -0 "$wantpid" 2>/dev/null && ok || fail "kiosk $k is not running as before"
done
[ -z "$(ctl_changes)" ] && ok || fail "refused content reloaded or restarted a kiosk"
[ "$(ctl_count b put)" = "$(grep -c '^kiosk-b put$' "$tmp/ctl.before")" ] && ok || fail "refused content was put on kiosk b too"

# a kiosk without signpost: said plainly, before anything is changed
play missing --limit kiosk-a -e signpost_bin=/nonexistent/signpost
[ $rc != 0 ] && ok || fail "a kiosk without signpost was not reported"
grep -q "signpost is not installed on kiosk-a (/nonexistent/signpost): roll out the package too" "$tmp/missing.log" && ok ||
	{ fail "the missing signpost is not explained"; show missing; }
cmp -s "$tmp/kiosk-a/content.yaml" "$tmp/kiosk-a/before.yaml" && ok || fail "kiosk a's content file was changed"

# --- 4. new valid content: installed, one reload each, confirmed -----------
sed 's/^    title: "Your rights if pressured to withdraw"/    title: "Your rights if you feel pressured"/' \
	"$tmp/good.j2" >"$fleet/content.yaml.j2"
for k in a b; do eval "reloads_$k=\$(grep -c '^trace: reload ok' \"\$tmp/kiosk-$k/trace\")"; done
play new
new_seconds=$seconds
[ $rc = 0 ] && ok || { fail "rolling out new content failed"; show new; }
for k in a b; do
	[ "$(content_title $k rights)" = "Your rights if you feel pressured" ] && ok || fail "kiosk $k's file lacks the edit"
	[ "$(get $k content_sha256)" = "$(file_hash $k)" ] && ok || fail "kiosk $k does not show the new file"
	[ "$(get $k last_reload)" = ok ] && ok || fail "kiosk $k's last reload: $(get $k last_reload)"
	eval "before=\$reloads_$k"
	[ "$(grep -c '^trace: reload ok' "$tmp/kiosk-$k/trace")" -gt "$before" ] && ok || fail "kiosk $k did not reload"
	n=$(($(ctl_count $k put) - $(grep -c "^kiosk-$k put$" "$tmp/ctl.before")))
	want=1
	[ $k = a ] && want=2 # and the refused one of step 3
	[ $n = $want ] && ok || fail "the content was put $n times on kiosk $k, not $want"
	[ "$(ctl_count $k restart)" = "$(grep -c "^kiosk-$k restart$" "$tmp/ctl.before")" ] && ok || fail "kiosk $k was restarted for new content"
	[ "$(recap new $k changed)" = 2 ] && ok || fail "kiosk $k: changed=$(recap new $k changed), expected 2 (content, put)"
	report new $k >"$tmp/report"
	grep -qx "content: new: checked, installed" "$tmp/report" && ok || fail "kiosk $k's report: $(cat "$tmp/report")"
	grep -q "^kiosk: put live: the kiosk shows it (.* sha256 $(file_hash $k))$" "$tmp/report" &&
		ok || fail "kiosk $k's report does not confirm the new sha256: $(cat "$tmp/report")"
	grep -q "^check: content.yaml: ok: [0-9]* screens" "$tmp/report" &&
		ok || fail "kiosk $k's report does not give the check's summary: $(cat "$tmp/report")"
	echo "fleet: kiosk-$k reported:"
	sed 's/^/    /' "$tmp/report"
done
echo "fleet: new content to 2 kiosks (one, then the other): $new_seconds s," \
	"$(echo "$new_seconds" | awk '{ printf "%.2f", $1 / 2 }') s per kiosk"

# --- 4b. a picture with the content: put live together -------------------
# content.yaml.j2 names a plan on the centre screen; signpost_pictures
# (relative to the fleet folder, as group_vars/all.yml says) carries it
mkdir "$fleet/pictures"
cp "$src/config/examples/way-in.png" "$fleet/pictures/plan.png"
cp "$fleet/content.yaml.j2" "$tmp/nopicture.j2"
sed 's/^      - text: {{ centre_address | to_json }}$/&\n      - picture: { file: plan.png, alt: "The way in" }/' \
	"$tmp/nopicture.j2" >"$fleet/content.yaml.j2"
grep -q 'file: plan.png' "$fleet/content.yaml.j2" || fail "the picture block was not added to content.yaml.j2"
sed -i 's|^signpost_pictures: \[\]$|signpost_pictures: [pictures/plan.png]|' "$fleet/group_vars/all.yml"
grep -q '^signpost_pictures: \[pictures/plan.png\]$' "$fleet/group_vars/all.yml" || fail "signpost_pictures was not set in group_vars/all.yml"
cp "$tmp/ctl.log" "$tmp/ctl.before"
play picture
[ $rc = 0 ] && ok || { fail "rolling out content with a picture failed"; show picture; }
for k in a b; do
	cmp -s "$tmp/kiosk-$k/plan.png" "$fleet/pictures/plan.png" && ok || fail "kiosk $k has not the plan beside its content"
	grep -q 'file: plan.png' "$tmp/kiosk-$k/content.yaml" && [ "$(get $k content_sha256)" = "$(file_hash $k)" ] && ok ||
		fail "kiosk $k does not show the content naming the plan"
	n=$(($(ctl_count $k put) - $(grep -c "^kiosk-$k put$" "$tmp/ctl.before")))
	[ $n = 1 ] && ok || fail "the content and its picture were put $n times on kiosk $k"
done
# a damaged picture: refused at the first kiosk, with the loader's word
for k in a b; do eval "shown_$k=\$(get $k content_sha256)"; done
head -c 300 "$src/config/examples/way-in.png" >"$fleet/pictures/plan.png"
sed 's/"The way in"/"The way in, from the car park"/' "$fleet/content.yaml.j2" >"$tmp/j2" && cp "$tmp/j2" "$fleet/content.yaml.j2"
cp "$tmp/ctl.log" "$tmp/ctl.before"
play badpicture
[ $rc != 0 ] && ok || fail "a damaged picture was rolled out"
grep -q "error: the picture 'plan.png': it is damaged or cut short" "$tmp/badpicture.log" && ok ||
	{ fail "the rollout does not show the loader's message for the damaged picture"; show badpicture; }
[ "$(recap badpicture b ok)" = "" ] || [ "$(recap badpicture b ok)" = 0 ] && ok || fail "the rollout went on to kiosk b after the damaged picture"
for k in a b; do
	cmp -s "$tmp/kiosk-$k/plan.png" "$src/config/examples/way-in.png" && ok || fail "kiosk $k's plan was changed by a refused rollout"
	eval "want=\$shown_$k"
	[ "$(get $k content_sha256)" = "$want" ] && [ "$(file_hash $k)" = "$want" ] && ok || fail "kiosk $k's content was changed by a refused rollout"
done
[ -z "$(ctl_changes)" ] && ok || fail "a refused picture reloaded or restarted a kiosk"
cp "$src/config/examples/way-in.png" "$fleet/pictures/plan.png"
play picture2
[ $rc = 0 ] && ok || { fail "the rollout with the plan mended failed"; show picture2; }

# --- 5. a package upgrade: one restart each, no put ------------------------
version2=""
if [ $can_root = yes ]; then
	version2="-e fleet_test_version=1.1"
	cp "$tmp/ctl.log" "$tmp/ctl.before"
	for k in a b; do eval "pid_$k=\$(get $k pid)"; done
	play upgrade $version2
	[ $rc = 0 ] && ok || { fail "the package upgrade failed"; show upgrade; }
	for k in a b; do
		[ "$(dpkg-query -W -f='${Version}' signpost-fleet-test-$k 2>/dev/null)" = 1.1 ] && ok ||
			fail "kiosk $k's package was not upgraded"
		n=$(($(ctl_count $k restart) - $(grep -c "^kiosk-$k restart$" "$tmp/ctl.before")))
		[ $n = 1 ] && ok || fail "kiosk $k restarted $n times for one upgrade"
		n=$(($(ctl_count $k put) - $(grep -c "^kiosk-$k put$" "$tmp/ctl.before")))
		[ $n = 0 ] && ok || fail "kiosk $k had its content put $n times, though it did not change"
		eval "old=\$pid_$k"
		[ "$(get $k pid)" != "$old" ] && [ "$(get $k content_sha256)" = "$(file_hash $k)" ] && ok ||
			fail "kiosk $k is not a new process showing its file"
		report upgrade $k >"$tmp/report"
		grep -qx "package: signpost-fleet-test-${k}_1.1_all.deb installed" "$tmp/report" &&
			grep -qx "content: unchanged" "$tmp/report" && ok || fail "kiosk $k's report: $(cat "$tmp/report")"
	done
fi

# --- 6. the same again: nothing changes -----------------------------------
cp "$tmp/ctl.log" "$tmp/ctl.before"
# shellcheck disable=SC2086
play last $version2
[ $rc = 0 ] && ok || { fail "the last run failed"; show last; }
for k in a b; do
	[ "$(recap last $k changed)" = 0 ] && ok || { fail "the last run changed $(recap last $k changed) things on kiosk $k"; show last; }
	report last $k >"$tmp/report"
	grep -qx "content: unchanged" "$tmp/report" && grep -qx "kiosk: left as it was" "$tmp/report" && ok ||
		fail "kiosk $k's report after no change: $(cat "$tmp/report")"
done
cmp -s "$tmp/ctl.log" "$tmp/ctl.before" && ok || fail "the last run reloaded or restarted a kiosk"

# --- 7. what each kiosk shows now ------------------------------------------
(cd "$fleet" && ansible-playbook status.yml) </dev/null >"$tmp/status.log" 2>&1 && ok || { fail "status.yml failed"; show status; }
for k in a b; do
	grep -q "\"signpost is running (pid $(get $k pid)) since " "$tmp/status.log" && ok || fail "status.yml does not show kiosk $k running"
	grep -q "\"sha256:      $(file_hash $k)\"" "$tmp/status.log" && ok || fail "status.yml does not show kiosk $k's sha256"
done
grep -c '"the file:    unchanged since it was loaded"' "$tmp/status.log" | grep -qx 2 && ok ||
	fail "status.yml does not say both files are what the kiosks show"
# and whether each knows the time (this machine's answer, whichever it is)
grep -c '"clock:       \(synchronised\|not synchronised since boot: the hours are not applied\)"' "$tmp/status.log" | grep -qx 2 && ok ||
	fail "status.yml does not say whether each kiosk's clock is synchronised"

done_testing
