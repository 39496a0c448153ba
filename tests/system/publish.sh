# tests/system/publish.sh — the staff's key in the virtual machine, set up
# as config/INSTALL.md says ("Remote access with least privilege": the
# group signpost-staff, the sudoers drop-in, the root-owned keys file, the
# package's sshd drop-in): put a draft live (the screen becomes its
# --preview), a draft with a mistake refused (the screen unchanged), undo
# (the old screen back), a draft naming a picture the volunteer copied in
# (the screen its --preview, picture and all), the same sent as an archive
# with its picture (put as one unit: the same), get (the live bytes), sheet
# (a PNG that decodes),
# the other words, and what the sshd drop-in refuses: a shell, a terminal,
# another command, forwarding, sftp and scp, a client's environment, a key
# in ~kiosk/.ssh/authorized_keys, a key not in the root-owned file, a
# password. /etc/signpost is signpost-publish's, and the kiosk account
# cannot write it.
#
# Sourced by tests/system/vm.sh (POSIX sh), once the service runs and
# before the reboot; uses its g, gl, dump, differ, like, ok, bad,
# wait_active, limit, $ssh_opts, $port, $out, $cache, $src, $W and $H, and
# ImageMagick's identify on the host. Leaves the default content live.

# --- the staff account ------------------------------------------------------
if g "adduser --disabled-password --gecos 'kiosk staff' kiosk >/dev/null &&
   addgroup --system signpost-staff >/dev/null && adduser kiosk signpost-staff >/dev/null &&
   install -m 0440 /usr/share/signpost/remote/sudoers-signpost /etc/sudoers.d/signpost && visudo -c >/dev/null &&
   install -m 0644 -o root -g root /dev/null /etc/ssh/signpost_staff_keys &&
   echo \"restrict \$(head -n 1 /root/.ssh/authorized_keys | awk '{ print \$1, \$2 }') alice@laptop\" >>/etc/ssh/signpost_staff_keys &&
   sshd -t && systemctl reload ssh"; then
	ok "staff account set up as INSTALL.md says (sshd -t passes with the package's drop-in)"
else
	bad "setting up the staff account failed"
fi
# k WORDS: the staff key runs WORDS (stdin is the caller's); kn: without
# the shared connection (each its own session, as a staff computer makes)
# shellcheck disable=SC2086
k() { limit 180 "ssh with the staff key: $*" ssh $ssh_opts -p "$port" kiosk@127.0.0.1 "$@"; }
plain_opts="-i $cache/id_ed25519 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
	-o ConnectTimeout=10 -o BatchMode=yes -o ControlMaster=no -o ControlPath=none -p $port"
# shellcheck disable=SC2086
kn() { limit 120 "ssh (own connection) with the staff key: $*" ssh $plain_opts "$@"; }
staff_sha() { g "sha256sum /etc/signpost/content.yaml" | cut -d' ' -f1; }

g "sshd -T -C user=kiosk,host=staff-laptop,addr=10.0.2.2" >"$out/sshd-T-kiosk.txt" 2>&1 || bad "sshd -T for kiosk failed"
for want in "forcecommand /usr/bin/signpostctl --ssh" "authorizedkeysfile /etc/ssh/signpost_staff_keys" \
	"authenticationmethods publickey" "passwordauthentication no" "disableforwarding yes" "permittty no" \
	"permituserrc no" "permituserenvironment no" "x11forwarding no" "allowagentforwarding no" "exposeauthinfo yes"; do
	grep -qx "$want" "$out/sshd-T-kiosk.txt" && ok "sshd for the staff group: $want" || bad "sshd for the staff group lacks '$want'"
done

# --- drafts and what they must look like --------------------------------------
# two one-screen drafts (their loop screen holds still) and one with a mistake
pub_draft() { # TITLE [KEY]
	printf 'kiosk: { quick_exit: neutral }\nscreens:\n'
	printf '  - { id: notice, %s: "%s", blocks: [ { text: "Published from a staff computer." } ] }\n' "${2:-title}" "$1"
	printf '  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }\n'
}
pub_draft "First published" >"$out/pub-a.yaml"
pub_draft "Second published" >"$out/pub-b.yaml"
pub_draft "Never shown" titel >"$out/pub-bad.yaml"
for d in a b; do
	"$src/build/signpost" --preview "$out/pub-preview-$d" --size "${W}x$H" --config "$out/pub-$d.yaml" >/dev/null 2>&1 ||
		bad "signpost --preview of draft $d on the host failed"
done
shows() { # NAME DRAFT: the screen becomes DRAFT's --preview, 0 pixels off
	if like "$1" "$out/pub-preview-$2/01-notice-en-1.png" 20 && [ "$n" = 0 ]; then
		ok "$1: the screen is draft $2's --preview ($n pixels differ)"
	else
		bad "$1: the screen is not draft $2's --preview ($n pixels differ; $out/$1.png)"
	fi
}
original=$(staff_sha)
g "cp /etc/signpost/content.yaml /root/content.before-publish"

# --- put, refused, undo, get, sheet --------------------------------------------
if k put <"$out/pub-a.yaml" >"$out/pub-put-a.log" 2>&1; then
	ok "staff put of draft a: $(grep '^put live' "$out/pub-put-a.log" | cut -c1-70)"
else
	bad "staff put of draft a failed: $(tail -n 3 "$out/pub-put-a.log")"
fi
[ "$(st content_sha256)" = "$(sha256sum "$out/pub-a.yaml" | cut -d' ' -f1)" ] && ok "the status says draft a is shown" ||
	bad "the status does not say draft a is shown"
shows pub-put-a a
k put <"$out/pub-b.yaml" >"$out/pub-put-b.log" 2>&1 || bad "staff put of draft b failed: $(tail -n 3 "$out/pub-put-b.log")"
shows pub-put-b b
if k put <"$out/pub-bad.yaml" >"$out/pub-put-bad.log" 2>&1; then
	bad "a draft with a mistake was put"
else
	ok "a draft with a mistake is refused: $(grep -m1 'error' "$out/pub-put-bad.log" | cut -c1-70)"
fi
[ "$(staff_sha)" = "$(sha256sum "$out/pub-b.yaml" | cut -d' ' -f1)" ] && ok "the refused draft changed nothing" ||
	bad "the refused draft changed the content"
shows pub-refused b
k undo </dev/null >"$out/pub-undo.log" 2>&1 && ok "staff undo: $(tail -n 1 "$out/pub-undo.log" | cut -c1-70)" ||
	bad "staff undo failed: $(tail -n 3 "$out/pub-undo.log")"
shows pub-undo a
# a picture: copied in by the volunteer (as INSTALL.md allows too), then a
# draft that shows it put live; the screen is its --preview
pub_draft_picture() {
	printf 'kiosk: { quick_exit: neutral }\nscreens:\n'
	printf '  - { id: notice, title: "Where to find us", blocks: [ { picture: { file: way-in.png, alt: "Floor plan", caption: "Reception is on the left." } } ] }\n'
	printf '  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }\n'
}
pub_draft_picture >"$out/pub-c.yaml"
cp "$src/config/examples/way-in.png" "$out/way-in.png"
"$src/build/signpost" --preview "$out/pub-preview-c" --size "${W}x$H" --config "$out/pub-c.yaml" >/dev/null 2>&1 ||
	bad "signpost --preview of the draft with a picture on the host failed"
if limit 120 "scp of a picture to the guest" scp -q $ssh_opts -P "$port" "$out/way-in.png" root@127.0.0.1:/root/ &&
	g "install -o signpost-publish -g signpost-publish -m 0644 /root/way-in.png /etc/signpost/way-in.png" &&
	k put <"$out/pub-c.yaml" >"$out/pub-put-c.log" 2>&1; then
	ok "staff put of a draft with a picture: $(grep '^put live' "$out/pub-put-c.log" | cut -c1-60)"
else
	bad "staff put of a draft with a picture failed: $(tail -n 3 "$out/pub-put-c.log")"
fi
shows pub-put-c c
k undo </dev/null >"$out/pub-undo-c.log" 2>&1 || bad "staff undo after the picture failed: $(tail -n 3 "$out/pub-undo-c.log")"
shows pub-undo-c a
# the same with its picture in one archive, as staff send it (a picture the
# kiosk does not have yet, by another name): put live as one unit, the
# screen its --preview, picture and all, no temporary left; undo as before
mkdir -p "$out/pub-d"
sed 's/way-in\.png/way-in-sent.png/' "$out/pub-c.yaml" >"$out/pub-d/content.yaml"
cp "$src/config/examples/way-in.png" "$out/pub-d/way-in-sent.png"
"$src/build/signpost" --preview "$out/pub-preview-d" --size "${W}x$H" --config "$out/pub-d/content.yaml" >/dev/null 2>&1 ||
	bad "signpost --preview of the archive's draft on the host failed"
(cd "$out/pub-d" && tar -cf "$out/pub-d.tar" content.yaml way-in-sent.png) || bad "tar of the draft and its picture failed"
if k put <"$out/pub-d.tar" >"$out/pub-put-d.log" 2>&1; then
	ok "staff put of an archive with its picture: $(grep '^put live' "$out/pub-put-d.log" | cut -c1-60)"
else
	bad "staff put of an archive with its picture failed: $(tail -n 3 "$out/pub-put-d.log")"
fi
shows pub-put-d d
g "test -f /etc/signpost/way-in-sent.png && ! ls -A /etc/signpost | grep -q '^\.signpost-put'" &&
	ok "the archive's picture is in /etc/signpost, no temporary left" || bad "the archive's picture is not in /etc/signpost, or a temporary is left"
k undo </dev/null >"$out/pub-undo-d.log" 2>&1 || bad "staff undo after the archive failed: $(tail -n 3 "$out/pub-undo-d.log")"
shows pub-undo-d a
k get </dev/null >"$out/pub-get.yaml" 2>"$out/pub-get.err"
cmp -s "$out/pub-get.yaml" "$out/pub-a.yaml" && ok "staff get returns the live bytes" || bad "staff get: not the live bytes ($(cat "$out/pub-get.err"))"
k history </dev/null >"$out/pub-history.log" 2>&1
grep -q "undo by alice@laptop" "$out/pub-history.log" && grep -q "put  by alice@laptop" "$out/pub-history.log" &&
	ok "history names the key: $(sed -n 2p "$out/pub-history.log" | cut -c1-70)" || bad "history: $(cat "$out/pub-history.log")"
k sheet <"$out/pub-b.yaml" >"$out/pub-sheet.png" 2>"$out/pub-sheet.err"
size=$(limit 30 "identify the sheet" identify -format '%wx%h' "$out/pub-sheet.png" 2>&1)
case $size in [0-9]*x[0-9]*) ok "staff sheet: a PNG of $size that decodes, $(wc -c <"$out/pub-sheet.png") bytes" ;;
*) bad "staff sheet is not a picture: $size $(cat "$out/pub-sheet.err")" ;; esac
for word in status check reload restart; do
	if k "$word" </dev/null >"$out/key-$word.log" 2>&1; then ok "staff key: '$word' works ($(tail -n 1 "$out/key-$word.log" | cut -c1-60))"; else bad "staff key: '$word' failed: $(tail -n 2 "$out/key-$word.log")"; fi
done
wait_active 60 || bad "not active after the staff key's restart"
# who may write the content
owner=$(g "stat -c '%U:%G %a' /etc/signpost /etc/signpost/content.yaml" | tr '\n' ' ')
[ "$owner" = "signpost-publish:signpost-publish 755 signpost-publish:signpost-publish 644 " ] &&
	ok "the content is signpost-publish's, readable by all: $owner" || bad "the content's owner and mode: $owner"
if g "runuser -u kiosk -- sh -c 'echo x >>/etc/signpost/content.yaml'" 2>/dev/null; then bad "the kiosk account can write the content"; else ok "the kiosk account cannot write the content"; fi

# --- what the staff key cannot do ----------------------------------------------
ssh-keygen -q -t ed25519 -N "" -f "$out/pub-other" >/dev/null 2>&1 <<EOF
y
EOF
refused() { # WHAT COMMAND...: refused, and what it got
	if "$@" </dev/null >"$out/pub-refused.log" 2>&1; then
		bad "staff key: $1 was allowed: $(head -n 2 "$out/pub-refused.log")"
	else
		ok "staff key: refused $(head -n 1 "$out/pub-refused.log" | cut -c1-70)"
	fi
}
refused kn kiosk@127.0.0.1
refused kn -tt kiosk@127.0.0.1
refused kn kiosk@127.0.0.1 "sh -c id"
refused kn kiosk@127.0.0.1 "systemctl stop signpost"
refused kn kiosk@127.0.0.1 "cat /etc/shadow"
refused kn -o ExitOnForwardFailure=yes -R 127.0.0.1:2222:127.0.0.1:22 kiosk@127.0.0.1 status
# shellcheck disable=SC2086
refused limit 60 "sftp with the staff key" sftp -b /dev/null -i "$cache/id_ed25519" -o StrictHostKeyChecking=no \
	-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR -P "$port" kiosk@127.0.0.1
refused limit 60 "scp with the staff key" scp -O -i "$cache/id_ed25519" -o StrictHostKeyChecking=no \
	-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR -P "$port" kiosk@127.0.0.1:/etc/hostname "$out/pub-stolen"
[ -e "$out/pub-stolen" ] && bad "scp copied a file out"
# local forwarding to the guest's own sshd: nothing comes back through it
# shellcheck disable=SC2086
ssh $plain_opts -N -L 127.0.0.1:$((port + 7)):127.0.0.1:22 kiosk@127.0.0.1 2>/dev/null &
tunnel=$!
sleep 3
banner=$(limit 10 "ssh-keyscan through the tunnel" ssh-keyscan -p $((port + 7)) 127.0.0.1 2>/dev/null || true)
kill $tunnel 2>/dev/null || true
[ -z "$banner" ] && ok "staff key: local forwarding carries nothing" || bad "staff key: local forwarding reached the guest's sshd"
# an environment variable: the guest's sshd accepts LANG and LC_*, and
# signpostctl sets its own
LC_ALL=evil LANG=evil kn -o SendEnv=LC_ALL -o SendEnv=LANG kiosk@127.0.0.1 status </dev/null >"$out/pub-env.log" 2>&1 &&
	ok "a client's LANG and LC_ALL change nothing: $(head -n 1 "$out/pub-env.log" | cut -c1-50)" ||
	bad "status with a client's LC_ALL failed: $(head -n 3 "$out/pub-env.log")"
# a key written into the account's own authorized_keys: never read
g "install -d -o kiosk -m 700 /home/kiosk/.ssh && cat >/home/kiosk/.ssh/authorized_keys && chown kiosk /home/kiosk/.ssh/authorized_keys" <"$out/pub-other.pub"
# shellcheck disable=SC2086,SC2046
refused limit 60 "ssh with a key in ~kiosk/.ssh/authorized_keys" ssh $(echo "$plain_opts" | sed "s#$cache/id_ed25519#$out/pub-other#") kiosk@127.0.0.1 status
# a key not in the root-owned file (the same key, taken out of it)
g "cp /etc/ssh/signpost_staff_keys /root/staff_keys && : >/etc/ssh/signpost_staff_keys"
refused kn kiosk@127.0.0.1 status
g "cp /root/staff_keys /etc/ssh/signpost_staff_keys"
# a password
# shellcheck disable=SC2086
refused limit 60 "ssh with a password" ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes \
	-o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive -p "$port" kiosk@127.0.0.1 status
[ "$(g systemctl is-active signpost)" = active ] || bad "the kiosk is not running after the staff key's tries"

# the default content back, through the same path
k put <"$src/config/content.yaml" >"$out/pub-restore.log" 2>&1 || bad "putting the default content back failed: $(tail -n 2 "$out/pub-restore.log")"
[ "$(staff_sha)" = "$original" ] || bad "the default content is not back"
