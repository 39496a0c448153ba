# ssh.sh — remote access with least privilege, against a real OpenSSH server
# this test starts on 127.0.0.1 with throwaway host and user keys: the key
# restricted as in config/remote/authorized_keys.example runs signpostctl's
# status and reload, and is refused a shell, port forwarding and any other
# command.
. "$(dirname "$0")/lib.sh"
for tool in Xvfb ssh ssh-keygen ssh-keyscan; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { fail "sshd is needed (openssh-server)"; done_testing; exit 1; }
start_xvfb 640x400
trap 'kill $pid $xvfb $(cat "$tmp/sshd.pid" 2>/dev/null) $fwd 2>/dev/null; rm -rf "$tmp"' EXIT
fwd=

# the kiosk, running
cp "$src/config/content.yaml" "$tmp/c.yaml"
"$bin" --window 640x400 --status "$tmp/status" --config "$tmp/c.yaml" 2>"$tmp/kiosk.log" &
pid=$!

# throwaway keys; the user key gets exactly the example's restrictions
ssh-keygen -q -t ed25519 -N "" -f "$tmp/host" >/dev/null
ssh-keygen -q -t ed25519 -N "" -f "$tmp/staff" >/dev/null
# (sshd starts sessions with a clean environment: the sanitizer build's
# settings are passed on explicitly)
sanitizer=""
[ -n "${ASAN_OPTIONS:-}" ] && sanitizer="ASAN_OPTIONS=$ASAN_OPTIONS"
[ -n "${LSAN_OPTIONS:-}" ] && sanitizer="$sanitizer LSAN_OPTIONS=$LSAN_OPTIONS"
forced="$sanitizer sh $src/config/signpostctl --bin $bin --config $tmp/c.yaml --status $tmp/status --ssh"
opts=$(sed -n 's/^\(restrict\),command="[^"]*" .*/\1/p' "$src/config/remote/authorized_keys.example")
[ "$opts" = restrict ] && ok || fail "the example key line does not start with restrict,command=..."
printf '%s,command="%s" %s\n' "$opts" "$forced" "$(cat "$tmp/staff.pub")" >"$tmp/authorized_keys"
chmod 600 "$tmp/authorized_keys"

user=$(id -un)
port=$((20000 + $$ % 20000))
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
AllowTcpForwarding yes
AllowStreamLocalForwarding yes
PermitTTY yes
X11Forwarding yes
PermitUserRC yes
LogLevel ERROR
CONF
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
"$sshd" -f "$tmp/sshd_config" -E "$tmp/sshd.log"
i=0
while [ ! -s "$tmp/sshd.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$tmp/sshd.pid" ] && ok || { fail "sshd did not start: $(cat "$tmp/sshd.log")"; done_testing; exit 1; }

run_ssh() {
	ssh -i "$tmp/staff" -p $port -o BatchMode=yes -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "$@"
}
i=0
while [ ! -s "$tmp/status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done

expect_exit 0 "ssh status" -- run_ssh "$user@127.0.0.1" status
grep -q "signpost is running (pid $pid)" "$tmp/out" && ok || fail "status over ssh: $(cat "$tmp/out" "$tmp/err")"

sed -i 's/Where to get help now/Where to get help today/' "$tmp/c.yaml"
expect_exit 0 "ssh reload" -- run_ssh "$user@127.0.0.1" reload
grep -q "^reloaded: " "$tmp/out" && ok || fail "reload over ssh: $(cat "$tmp/out" "$tmp/err")"

expect_exit 2 "ssh any other command" -- run_ssh "$user@127.0.0.1" "cat /etc/hostname"
expect_err "may run only" "other commands are refused by name"
grep -q . "$tmp/out" && fail "another command produced output: $(cat "$tmp/out")" || ok

# a shell: asked for with no command (and once more with a terminal); the
# forced command runs instead and refuses
printf 'echo SHELL-OPEN\nexit\n' >"$tmp/stdin"
run_ssh "$user@127.0.0.1" <"$tmp/stdin" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 2 ] && ok || fail "a shell request exited $rc, expected 2"
grep -q "may run only" "$tmp/err" && ok || fail "a shell request was not refused by signpostctl: $(cat "$tmp/err")"
run_ssh -tt "$user@127.0.0.1" <"$tmp/stdin" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc != 0 ] && ok || fail "a terminal session exited 0"
grep -q "SHELL-OPEN" "$tmp/out" && fail "a shell was opened" || ok

# remote forwarding: refused by the server (restrict)
expect_exit 255 "ssh -R forwarding" -- run_ssh -o ExitOnForwardFailure=yes -R 127.0.0.1:$((port + 1)):127.0.0.1:$port "$user@127.0.0.1" status
# local forwarding: the tunnel is set up on this side, but the server refuses
# to connect it anywhere: nothing comes back through it
# (ssh itself in the background, not the run_ssh function: $! must be ssh)
ssh -i "$tmp/staff" -p $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o LogLevel=ERROR -N -L 127.0.0.1:$((port + 2)):127.0.0.1:$port "$user@127.0.0.1" 2>"$tmp/fwd.err" &
fwd=$!
sleep 1
keys=$(timeout 5 ssh-keyscan -p $((port + 2)) 127.0.0.1 2>/dev/null)
[ -z "$keys" ] && ok || fail "local port forwarding reached sshd through the tunnel"
kill $fwd 2>/dev/null
wait $fwd 2>/dev/null
fwd=
# control: the same tunnel with an unrestricted key does reach sshd, so the
# check above can fail
ssh-keygen -q -t ed25519 -N "" -f "$tmp/control" >/dev/null
cat "$tmp/control.pub" >>"$tmp/authorized_keys"
ssh -i "$tmp/control" -p $port -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o LogLevel=ERROR -N -L 127.0.0.1:$((port + 3)):127.0.0.1:$port "$user@127.0.0.1" &
fwd=$!
sleep 1
keys=$(timeout 5 ssh-keyscan -p $((port + 3)) 127.0.0.1 2>/dev/null)
[ -n "$keys" ] && ok || fail "control: an unrestricted tunnel did not work either, so the forwarding check proves nothing"
kill $fwd 2>/dev/null
wait $fwd 2>/dev/null
fwd=

# the client's environment does not count under --ssh (sshd may accept
# variables a client sends): SIGNPOST_BIN naming another program is ignored
printf '#!/bin/sh\ntouch "%s/evil-ran"\n' "$tmp" >"$tmp/evil"
chmod +x "$tmp/evil"
SSH_ORIGINAL_COMMAND=check SIGNPOST_BIN="$tmp/evil" SIGNPOST_CONFIG=/nonexistent \
	expect_exit 0 "--ssh with a hostile environment" -- sh "$src/config/signpostctl" --bin "$bin" --config "$tmp/c.yaml" --ssh
[ ! -e "$tmp/evil-ran" ] && ok || fail "--ssh ran the program SIGNPOST_BIN named"
grep -q "ok: " "$tmp/out" && ok || fail "--ssh check did not check the configured file: $(cat "$tmp/out" "$tmp/err")"
# control: without --ssh the environment is honoured, so the check above can fail
SIGNPOST_BIN="$tmp/evil" sh "$src/config/signpostctl" check >/dev/null 2>&1
[ -e "$tmp/evil-ran" ] && ok || fail "control: SIGNPOST_BIN is not used even without --ssh"

kill -TERM $pid
wait $pid
done_testing
