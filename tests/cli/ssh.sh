# ssh.sh — staff over SSH, against a real OpenSSH server this test starts
# on 127.0.0.1 with throwaway keys and the shipped drop-in
# (config/remote/sshd-signpost.conf) included as sshd_config.d is: only its
# group's name, the keys file's path and the forced command's paths are
# this test's. The staff key publishes (put, get, history, undo, check and
# sheet of a draft) and each of these gets nothing: a shell, a terminal,
# another command, local, remote and dynamic forwarding, sftp, scp (both
# protocols), an environment variable naming another program, a key
# written into the account's own authorized_keys, a key not in the
# root-owned file, and a password. sshd -T shows the rest (no ~/.ssh/rc,
# no user environment, no agent or X11 forwarding).
. "$(dirname "$0")/lib.sh"
for tool in Xvfb ssh ssh-keygen ssh-keyscan sftp scp; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { fail "sshd is needed (openssh-server)"; done_testing; exit 1; }
start_xvfb 640x400
trap 'kill $pid $xvfb $(cat "$tmp/sshd.pid" 2>/dev/null) $fwd 2>/dev/null; rm -rf "$tmp"' EXIT
fwd=

# the kiosk, running, on content in a folder of its own
mkdir -p "$tmp/etc" "$tmp/history"
cp "$src/config/content.yaml" "$tmp/etc/content.yaml"
"$bin" --window 640x400 --status "$tmp/status" --config "$tmp/etc/content.yaml" 2>"$tmp/kiosk.log" &
pid=$!

ssh-keygen -q -t ed25519 -N "" -f "$tmp/host" >/dev/null
ssh-keygen -q -t ed25519 -N "" -C "alice@laptop" -f "$tmp/staff" >/dev/null
ssh-keygen -q -t ed25519 -N "" -f "$tmp/other" >/dev/null
# (sshd starts sessions with a clean environment: the sanitizer build's
# settings are passed on explicitly)
sanitizer=""
[ -n "${ASAN_OPTIONS:-}" ] && sanitizer="ASAN_OPTIONS=$ASAN_OPTIONS"
[ -n "${LSAN_OPTIONS:-}" ] && sanitizer="$sanitizer LSAN_OPTIONS=$LSAN_OPTIONS"
forced="$sanitizer sh $src/config/signpostctl --bin $bin --config $tmp/etc/content.yaml --status $tmp/status --history $tmp/history --keys $tmp/staff_keys --ssh"

# the root-owned keys file: the staff key, as staff_keys.example writes it
sed -n 's/^restrict ssh-ed25519 [^ ]* \(.*\)/restrict/p' "$src/config/remote/staff_keys.example" | grep -qx restrict && ok ||
	fail "staff_keys.example has no 'restrict ssh-ed25519 KEY NAME' line"
printf 'restrict %s\n' "$(cat "$tmp/staff.pub")" >"$tmp/staff_keys"
chmod 644 "$tmp/staff_keys"
# the account's own ~/.ssh/authorized_keys, which it can write (stood in
# for by a file of this test: the main config names it, as sshd's default
# names ~/.ssh/authorized_keys)
: >"$tmp/home_keys"
chmod 600 "$tmp/home_keys"

user=$(id -un)
group=$(id -gn)
dropin=$src/config/remote/sshd-signpost.conf
sed -e "s#^Match Group signpost-staff\$#Match Group $group#" \
	-e "s#^\(\tAuthorizedKeysFile\) /etc/ssh/signpost_staff_keys\$#\1 $tmp/staff_keys#" \
	-e "s#^\(\tForceCommand\) /usr/bin/signpostctl --ssh\$#\1 $forced#" "$dropin" >"$tmp/dropin.conf"
# exactly those three lines changed: the rest is the shipped text
[ "$(diff "$dropin" "$tmp/dropin.conf" | grep -c '^>')" = 3 ] && ok ||
	fail "the drop-in's Match, AuthorizedKeysFile or ForceCommand line is not as this test expects: $(diff "$dropin" "$tmp/dropin.conf")"

port=$((20000 + $$ % 20000))
# the main file as permissive as a careless one: the drop-in, included
# first (as Debian's sshd_config does), must win
cat >"$tmp/sshd_config" <<CONF
Include $tmp/dropin.conf
Port $port
ListenAddress 127.0.0.1
HostKey $tmp/host
PidFile $tmp/sshd.pid
AuthorizedKeysFile $tmp/home_keys
StrictModes no
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication yes
PubkeyAuthentication yes
PermitRootLogin yes
AllowTcpForwarding yes
AllowStreamLocalForwarding yes
AllowAgentForwarding yes
PermitTTY yes
X11Forwarding yes
PermitUserRC yes
PermitUserEnvironment yes
AcceptEnv *
Subsystem sftp internal-sftp
LogLevel ERROR
CONF
# what sshd makes of it for this user, and for another (the drop-in stays
# inside its Match)
"$sshd" -T -f "$tmp/sshd_config" -C "user=$user,host=localhost,addr=127.0.0.1" >"$tmp/effective" 2>&1 ||
	fail "sshd -T: $(cat "$tmp/effective")"
for want in "authorizedkeysfile $tmp/staff_keys" "authenticationmethods publickey" "passwordauthentication no" \
	"kbdinteractiveauthentication no" "disableforwarding yes" "allowtcpforwarding no" "allowagentforwarding no" \
	"allowstreamlocalforwarding no" "x11forwarding no" "permittunnel no" "permittty no" "permituserrc no" \
	"permituserenvironment no" "exposeauthinfo yes" "permitopen none" "permitlisten none"; do
	grep -qx "$want" "$tmp/effective" && ok || fail "sshd -T for the staff group lacks '$want': $(grep "^${want%% *} " "$tmp/effective")"
done
grep -q "^forcecommand .*signpostctl .* --ssh\$" "$tmp/effective" && ok || fail "sshd -T: no forced command: $(grep ^forcecommand "$tmp/effective")"

[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
"$sshd" -f "$tmp/sshd_config" -E "$tmp/sshd.log"
i=0
while [ ! -s "$tmp/sshd.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$tmp/sshd.pid" ] && ok || { fail "sshd did not start: $(cat "$tmp/sshd.log")"; done_testing; exit 1; }

opts="-p $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=10"
# shellcheck disable=SC2086
run_ssh() { timeout 60 ssh -i "$tmp/staff" $opts "$@"; }
to="$user@127.0.0.1"
i=0
while [ ! -s "$tmp/status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done

# --- what the key can do ---------------------------------------------------
expect_exit 0 "ssh status" -- run_ssh "$to" status
grep -q "signpost is running (pid $pid)" "$tmp/out" && ok || fail "status over ssh: $(cat "$tmp/out" "$tmp/err")"
expect_exit 0 "ssh help" -- run_ssh "$to" help
grep -q "put <draft.yaml" "$tmp/out" && ok || fail "help over ssh: $(cat "$tmp/out")"

# check of a draft on standard input: the kiosk's verdict, content.yaml:LINE:COL
sed 's/^    title: "Where to get help now"/    titel: "Where to get help now"/' "$src/config/content.yaml" >"$tmp/bad.yaml"
cmp -s "$tmp/bad.yaml" "$src/config/content.yaml" && fail "the bad draft is not bad"
expect_exit 1 "ssh check < a draft with a mistake" -- run_ssh "$to" check <"$tmp/bad.yaml"
grep -q "^content.yaml:[0-9]*:[0-9]*: error: unknown key 'titel'" "$tmp/out" && ok || fail "check of a draft: $(cat "$tmp/out" "$tmp/err")"

# put: checked, installed, shown, confirmed; history names the key
sed 's/Where to get help now/Where to get help today/' "$src/config/content.yaml" >"$tmp/draft.yaml"
new_sha=$(sha256sum "$tmp/draft.yaml" | cut -d' ' -f1)
before=$(sha256sum "$tmp/etc/content.yaml" | cut -d' ' -f1)
expect_exit 0 "ssh put < draft" -- run_ssh "$to" put <"$tmp/draft.yaml"
grep -q "^put live: the kiosk shows it (9 screens, sha256 $new_sha)" "$tmp/out" && ok || fail "put: $(cat "$tmp/out" "$tmp/err")"
grep -q "checking at 640x400, the running kiosk's screen" "$tmp/err" && ok || fail "put's check is not at the kiosk's size: $(cat "$tmp/err")"
[ "$(sed -n 's/^content_sha256=//p' "$tmp/status")" = "$new_sha" ] && ok || fail "put: the kiosk does not show the draft"
cmp -s "$tmp/draft.yaml" "$tmp/etc/content.yaml" && ok || fail "put: the installed file is not the draft's bytes"
expect_exit 0 "ssh history" -- run_ssh "$to" history
grep -q "put  by alice@laptop: sha256 $new_sha (live now), kept" "$tmp/out" && ok || fail "history does not name the key: $(cat "$tmp/out")"
# a refused draft changes nothing
expect_exit 1 "ssh put < a draft with a mistake" -- run_ssh "$to" put <"$tmp/bad.yaml"
expect_err "nothing was changed" "a refused put says so"
cmp -s "$tmp/draft.yaml" "$tmp/etc/content.yaml" && ok || fail "a refused put changed the file"
# get: byte for byte
run_ssh "$to" get >"$tmp/got.yaml" 2>"$tmp/err"
cmp -s "$tmp/got.yaml" "$tmp/etc/content.yaml" && ok || fail "get does not return the live bytes: $(cat "$tmp/err")"
# sheet: a PNG
run_ssh "$to" sheet <"$tmp/draft.yaml" >"$tmp/sheet.png" 2>"$tmp/err"
[ "$(head -c 8 "$tmp/sheet.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && ok || fail "sheet is not a PNG: $(cat "$tmp/err")"
# undo: the version before is back, on screen
expect_exit 0 "ssh undo" -- run_ssh "$to" undo
[ "$(sed -n 's/^content_sha256=//p' "$tmp/status")" = "$before" ] && ok || fail "undo: the kiosk does not show the version before"

# --- what it cannot do -------------------------------------------------------
# refused NAME STATUS...: the last attempt exited with one of STATUS, and
# wrote down what it got for the report
refused() {
	what=$1
	rc=$2
	shift 2
	for want in "$@"; do [ "$rc" = "$want" ] && { ok; return; }; done
	fail "$what: exit $rc, expected one of $*: $(cat "$tmp/out" "$tmp/err" | head -n 5)"
}
got() { printf '%-40s exit %s: %s\n' "$1" "$2" "$(cat "$tmp/err" "$tmp/out" | tr '\n' ' ' | cut -c1-110)" >>"$tmp/refused"; }

# a shell (no command), and one with a terminal forced
printf 'echo SHELL-OPEN\nexit\n' >"$tmp/stdin"
run_ssh "$to" <"$tmp/stdin" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "a shell" $rc; refused "a shell" $rc 2
grep -q "may run only" "$tmp/err" && ok || fail "a shell request was not refused by signpostctl: $(cat "$tmp/err")"
run_ssh -tt "$to" <"$tmp/stdin" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "a terminal (ssh -tt)" $rc; refused "a terminal" $rc 2 255
grep -q "PTY allocation request failed" "$tmp/err" && ok || fail "a terminal was given: $(cat "$tmp/err")"
grep -q "SHELL-OPEN" "$tmp/out" && fail "a shell was opened" || ok
# another command, and one glued to a word
run_ssh "$to" "cat /etc/hostname" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "another command (cat /etc/hostname)" $rc; refused "another command" $rc 2
[ -s "$tmp/out" ] && fail "another command printed: $(cat "$tmp/out")" || ok
run_ssh "$to" "status; id" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "a word with a command glued on" $rc; refused "status; id" $rc 2

# forwarding: remote is refused outright, local and dynamic carry nothing
run_ssh -o ExitOnForwardFailure=yes -R 127.0.0.1:$((port + 1)):127.0.0.1:$port "$to" status >"$tmp/out" 2>"$tmp/err"
rc=$?; got "remote forwarding (ssh -R)" $rc; refused "ssh -R" $rc 255
# (ssh itself in the background, not the run_ssh function: $! must be ssh)
# shellcheck disable=SC2086
tunnel() { # PORT ssh-options...: a tunnel on PORT; is sshd reached through it?
	p=$1
	shift
	ssh -i "$tmp/staff" $opts -N "$@" "$to" 2>"$tmp/fwd.err" &
	fwd=$!
	sleep 1
	keys=$(timeout 5 ssh-keyscan -p "$p" 127.0.0.1 2>/dev/null)
	kill $fwd 2>/dev/null
	wait $fwd 2>/dev/null
	fwd=
	[ -n "$keys" ]
}
if tunnel $((port + 2)) -L 127.0.0.1:$((port + 2)):127.0.0.1:$port; then fail "local forwarding reached sshd"; else ok; fi
printf '%-40s %s\n' "local forwarding (ssh -L)" "the tunnel carries nothing (sshd refuses each channel): $(head -c 100 "$tmp/fwd.err" | tr '\n' ' ')" >>"$tmp/refused"
: >"$tmp/out"
if command -v python3 >/dev/null; then
	# dynamic (SOCKS): a SOCKS5 request through it gets no connection
	ssh -i "$tmp/staff" $opts -N -D 127.0.0.1:$((port + 4)) "$to" 2>"$tmp/fwd.err" &
	fwd=$!
	sleep 1
	python3 - $((port + 4)) $port >"$tmp/socks" 2>&1 <<'PY'
import socket, struct, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(b"\x05\x01\x00"); s.recv(2)
s.sendall(b"\x05\x01\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", int(sys.argv[2])))
r = s.recv(10)
print("reply", r[1] if len(r) > 1 else "none")
try:
    print("banner", s.recv(20))
except Exception as e:
    print("banner none", e)
PY
	kill $fwd 2>/dev/null
	wait $fwd 2>/dev/null
	fwd=
	grep -q "SSH-2.0" "$tmp/socks" && fail "dynamic forwarding reached sshd: $(cat "$tmp/socks")" || ok
	printf '%-40s %s\n' "dynamic forwarding (ssh -D)" "the SOCKS request gets: $(tr '\n' ' ' <"$tmp/socks" | cut -c1-80)" >>"$tmp/refused"
fi
# control: the same tunnel with a key the drop-in does not cover (another
# account's rules: here the file the main config names) does reach sshd,
# so the tunnel checks above can fail
cp "$tmp/sshd_config" "$tmp/sshd_config.control"
sed -i "s#^Include .*##; s#^Port .*#Port $((port + 5))#; s#^PidFile .*#PidFile $tmp/sshd-control.pid#" "$tmp/sshd_config.control"
cat "$tmp/other.pub" >"$tmp/home_keys"
"$sshd" -f "$tmp/sshd_config.control" -E "$tmp/sshd-control.log"
sleep 1
# shellcheck disable=SC2086
ssh -i "$tmp/other" $(echo "$opts" | sed "s/-p $port/-p $((port + 5))/") -N -L 127.0.0.1:$((port + 3)):127.0.0.1:$port "$to" 2>/dev/null &
fwd=$!
sleep 1
keys=$(timeout 5 ssh-keyscan -p $((port + 3)) 127.0.0.1 2>/dev/null)
kill $fwd 2>/dev/null
wait $fwd 2>/dev/null
fwd=
[ -n "$keys" ] && ok || fail "control: an unrestricted tunnel did not work either, so the forwarding check proves nothing"
kill "$(cat "$tmp/sshd-control.pid")" 2>/dev/null

# a key written into the account's own authorized_keys: not read at all
cat "$tmp/other.pub" >"$tmp/home_keys"
timeout 60 ssh -i "$tmp/other" $opts "$to" status >"$tmp/out" 2>"$tmp/err"
rc=$?; got "a key in ~/.ssh/authorized_keys" $rc; refused "a key in the account's own authorized_keys" $rc 255
grep -q "Permission denied" "$tmp/err" && ok || fail "a key in the account's own file got in: $(cat "$tmp/out" "$tmp/err")"
# ... and with no restriction written on it: the same
printf 'command="sh" %s\n' "$(cat "$tmp/staff.pub")" >"$tmp/home_keys"
# a key not in the root-owned file at all
ssh-keygen -q -t ed25519 -N "" -f "$tmp/stranger" >/dev/null
timeout 60 ssh -i "$tmp/stranger" $opts "$to" status >"$tmp/out" 2>"$tmp/err"
rc=$?; got "a key not in the root-owned file" $rc; refused "a stranger's key" $rc 255
# a password: not offered
timeout 60 ssh $opts -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive "$to" status >"$tmp/out" 2>"$tmp/err"
rc=$?; got "a password" $rc; refused "a password" $rc 255
grep -q "Permission denied (publickey)" "$tmp/err" && ok || fail "sshd offers more than publickey: $(cat "$tmp/err")"
# the staff key's own line in ~/.ssh/authorized_keys with command="sh" is
# never read: the forced command is still signpostctl
run_ssh "$to" "id" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "a rewritten authorized_keys (command=sh)" $rc; refused "command=sh in the account's own file" $rc 2
grep -q "may run only" "$tmp/err" && ok || fail "the account's own file changed what the key runs: $(cat "$tmp/out" "$tmp/err")"
: >"$tmp/home_keys"

# sftp and scp (the sftp protocol, and the old one)
printf 'ls /\nget /etc/hostname %s/stolen\n' "$tmp" >"$tmp/batch"
timeout 60 sftp -i "$tmp/staff" -P $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o LogLevel=ERROR -b "$tmp/batch" "$to" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "sftp" $rc; refused "sftp" $rc 1 255
timeout 60 scp -i "$tmp/staff" -P $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o LogLevel=ERROR "$to:/etc/hostname" "$tmp/stolen" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "scp (sftp protocol)" $rc; refused "scp" $rc 1 255
timeout 60 scp -O -i "$tmp/staff" -P $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o LogLevel=ERROR "$to:/etc/hostname" "$tmp/stolen" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "scp -O (the old protocol)" $rc; refused "scp -O" $rc 1 255
[ -e "$tmp/stolen" ] && fail "a file was copied out" || ok
timeout 60 scp -O -i "$tmp/staff" -P $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o LogLevel=ERROR "$tmp/bad.yaml" "$to:$tmp/etc/content.yaml" >"$tmp/out" 2>"$tmp/err"
rc=$?; got "scp -O a file onto the content" $rc; refused "scp onto the content" $rc 1 255
cmp -s "$tmp/bad.yaml" "$tmp/etc/content.yaml" && fail "scp wrote the content file" || ok

# an environment variable naming another program (sshd here accepts any):
# under --ssh signpostctl uses its own
printf '#!/bin/sh\ntouch "%s/evil-ran"\n' "$tmp" >"$tmp/evil"
chmod +x "$tmp/evil"
SIGNPOST_BIN="$tmp/evil" PATH="$tmp:$PATH" run_ssh -o SendEnv=SIGNPOST_BIN -o SendEnv=PATH -o SendEnv=LD_PRELOAD "$to" status >"$tmp/out" 2>"$tmp/err"
rc=$?; got "SendEnv SIGNPOST_BIN=another program" $rc
[ ! -e "$tmp/evil-ran" ] && ok || fail "the client's SIGNPOST_BIN was run"
refused "status with a hostile environment" $rc 0
# control: signpostctl without --ssh honours it, so the check above can fail
SIGNPOST_BIN="$tmp/evil" sh "$src/config/signpostctl" check >/dev/null 2>&1
[ -e "$tmp/evil-ran" ] && ok || fail "control: SIGNPOST_BIN is not used even without --ssh"

echo "refused attempts (what each got):"
sed 's/^/  /' "$tmp/refused"
kill -TERM $pid
wait $pid
done_testing
