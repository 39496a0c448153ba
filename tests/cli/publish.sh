# publish.sh — signpostctl's publishing verbs on this machine (ssh.sh has
# them over a real sshd): put checks a draft at the running kiosk's size
# (a QR code too dense for 800x480 but not for its 1024x600 is put),
# installs it in one rename and confirms it on screen by sha256; a refused
# draft (errors, UTF-16, too large, too slow, none) changes nothing; a draft
# the kiosk itself refuses (the test builds' fault hook crashes the kiosk's
# own check of it) is rolled back; two puts at once are serialised, each
# confirmed; the history keeps at least 10 versions with who and when; undo
# goes back one version at a time; get is byte for byte; sheet is one PNG
# with a picture for every one --preview draws.
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
need_fault_hook
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir "$tmp/etc" "$tmp/history"
conf=$tmp/etc/content.yaml
cp "$src/config/content.yaml" "$conf"
# the kiosk's own check of a draft holding REFUSED-BY-KIOSK crashes (a
# refusal); signpostctl's check of it passes
SIGNPOST_TEST_FAULT=crash:REFUSED-BY-KIOSK "$bin" --window 1024x600 --status "$tmp/status" --config "$conf" 2>"$tmp/kiosk.log" &
pid=$!
i=0
while [ ! -s "$tmp/status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
ctl() { env -u SIGNPOST_TEST_FAULT sh "$src/config/signpostctl" --bin "$bin" --config "$conf" --status "$tmp/status" --history "$tmp/history" "$@"; }
shown() { sed -n 's/^content_sha256=//p' "$tmp/status"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
# draft N: the default content with its first title numbered
draft() { sed "s/^    title: \"Welcome: help after sexual violence\"/    title: \"Welcome ($1)\"/" "$src/config/content.yaml"; }
draft 1 | cmp -s - "$src/config/content.yaml" && fail "draft() changes nothing"
refuse() { # WHAT STATUS TEXT: the draft on stdin is refused, nothing changes
	before=$(sha "$conf") reloads=$(sed -n 's/^reloads=//p' "$tmp/status")
	expect_exit "$2" "put $1" -- ctl put
	expect_err "$3" "put $1 says why"
	[ "$(sha "$conf")" = "$before" ] && [ "$(shown)" = "$before" ] && ok || fail "put $1 changed the content"
	[ "$(sed -n 's/^reloads=//p' "$tmp/status")" = "$reloads" ] && ok || fail "put $1 made the kiosk reload"
}

# put, shown and confirmed, at the kiosk's size
draft 1 >"$tmp/d1.yaml"
expect_exit 0 "put a draft" -- ctl put <"$tmp/d1.yaml"
expect_err "put live: the kiosk shows it (9 screens, sha256 $(sha "$tmp/d1.yaml"))" "put confirms by sha256"
expect_err "checking at 1024x600, the running kiosk's screen" "put checks at the kiosk's size"
[ "$(shown)" = "$(sha "$tmp/d1.yaml")" ] && ok || fail "the kiosk does not show the draft put"
cmp -s "$tmp/d1.yaml" "$conf" && ok || fail "the installed file is not the draft's bytes"
[ "$(stat -c %a "$conf")" = 644 ] && ok || fail "the installed file is not readable by all (mode $(stat -c %a "$conf"))"
[ "$(find "$tmp/etc" -mindepth 1 ! -name content.yaml | wc -l)" = 0 ] && ok || fail "put left a temporary beside the content: $(find "$tmp/etc" -mindepth 1)"
# the kiosk's verdict, not 800x480's: a QR link too dense for 800x480 that
# the kiosk's 1024x600 takes is put; one too dense for both is refused
qrdraft() { # LINK-LENGTH
	printf 'kiosk: { quick_exit: neutral }\nscreens:\n  - id: one\n    title: "Help"\n    blocks:\n'
	printf '      - qr: { data: "https://example.org/%s", caption: "Scan" }\n' "$(printf "%${1}s" | tr ' ' a)"
	printf '  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }\n'
}
qrdraft 40 >"$tmp/qr40.yaml"
qrdraft 400 >"$tmp/qr400.yaml"
"$bin" --check --size 800x480 --config "$tmp/qr40.yaml" >/dev/null 2>&1
[ $? = 1 ] && ok || fail "the 40-character QR link is not too dense at 800x480: the test below proves nothing"
expect_exit 0 "put a draft only the kiosk's size takes" -- ctl put <"$tmp/qr40.yaml"
[ "$(shown)" = "$(sha "$tmp/qr40.yaml")" ] && ok || fail "the draft the kiosk's size takes is not shown"
expect_exit 1 "put a draft too dense for the kiosk" -- ctl put <"$tmp/qr400.yaml"
[ "$(shown)" = "$(sha "$tmp/qr40.yaml")" ] && ok || fail "the draft too dense for the kiosk changed what it shows"
# a draft naming a picture beside the live content: checked with it, put
picdraft() { # FILE
	printf 'kiosk: { quick_exit: neutral }\nscreens:\n  - id: way\n    title: "Where to find us"\n    blocks:\n'
	printf '      - picture: { file: %s, alt: "Floor plan" }\n' "$1"
	printf '  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }\n'
}
mkdir -p "$tmp/etc/plans"
cp "$src/config/examples/way-in.png" "$tmp/etc/plans/way-in.png"
picdraft plans/way-in.png >"$tmp/pic.yaml"
expect_exit 0 "check - of a draft naming a picture on the kiosk" -- ctl check - <"$tmp/pic.yaml"
expect_exit 0 "put a draft naming a picture on the kiosk" -- ctl put <"$tmp/pic.yaml"
[ "$(shown)" = "$(sha "$tmp/pic.yaml")" ] && ok || fail "the draft with a picture is not shown"
picdraft plans/missing.png >"$tmp/nopic.yaml"
expect_exit 1 "put a draft naming a picture the kiosk lacks" -- ctl put <"$tmp/nopic.yaml"
expect_err "content.yaml:6:26: error: the picture 'plans/missing.png': there is no such file" "says which picture is missing"
[ "$(shown)" = "$(sha "$tmp/pic.yaml")" ] && ok || fail "the draft naming a missing picture changed what is shown"
rm -r "$tmp/etc/plans"

# --- a unit: content.yaml and its pictures in one archive -----------------
# site A: a plan (way-in.png) and the content naming it; site B: another
# picture under the same name and another title
mkdir "$tmp/siteA" "$tmp/siteB"
picdraft way-in.png >"$tmp/siteA/content.yaml"
cp "$src/config/examples/way-in.png" "$tmp/siteA/way-in.png"
picdraft way-in.png | sed 's/Where to find us/How to find us/' >"$tmp/siteB/content.yaml"
cp "$src/tests/fuzz/pictures/a-rgb.png" "$tmp/siteB/way-in.png"
cmp -s "$tmp/siteA/way-in.png" "$tmp/siteB/way-in.png" && fail "the two sites' pictures are the same: the tests below prove nothing"
[ ! -e "$tmp/etc/way-in.png" ] && ok || fail "the kiosk has a way-in.png already: the first archive proves nothing"
# tarball DIR FILE...: FILEs of DIR in one archive on standard output, as
# staff make one (tar -cf - content.yaml way-in.png)
tarball() { (cd "$1" && shift && tar -cf - "$@"); }
tarball "$tmp/siteA" content.yaml way-in.png >"$tmp/siteA.tar"
expect_exit 0 "check - of an archive" -- ctl check - <"$tmp/siteA.tar"
expect_err "pictures from the archive: way-in.png" "check of an archive says which pictures it carries"
expect_exit 0 "put an archive with its picture" -- ctl put <"$tmp/siteA.tar"
expect_err "put live: the kiosk shows it (2 screens, sha256 $(sha "$tmp/siteA/content.yaml"))" "an archive's put is confirmed by its content's sha256"
[ "$(shown)" = "$(sha "$tmp/siteA/content.yaml")" ] && ok || fail "the kiosk does not show the archive's content"
cmp -s "$tmp/etc/way-in.png" "$tmp/siteA/way-in.png" && cmp -s "$conf" "$tmp/siteA/content.yaml" && ok ||
	fail "the archive's files are not installed as they were"
[ "$(stat -c %a "$tmp/etc/way-in.png")" = 644 ] && ok || fail "the installed picture is not readable by all"
[ "$(find "$tmp/etc" -mindepth 1 -name '.*' | wc -l)" = 0 ] && ok || fail "the put of an archive left a temporary: $(find "$tmp/etc" -name '.*')"
# the screen that shows the picture, as the kiosk draws the live content
"$bin" --preview "$tmp/pvA" --size 1024x600 --config "$conf" >/dev/null 2>&1
"$bin" --preview "$tmp/pvB" --size 1024x600 --config "$tmp/siteB/content.yaml" >/dev/null 2>&1
cmp -s "$tmp/pvA/way-en-1.png" "$tmp/pvB/way-en-1.png" && fail "the screen with site A's picture looks like site B's" || ok
# a gzip-compressed archive too; the same content with another picture is
# a change (a picture is part of what is shown), and the kiosk confirms it
tarball "$tmp/siteB" way-in.png >"$tmp/picB.tar"
mkdir "$tmp/siteA2" && cp "$tmp/siteA/content.yaml" "$tmp/siteB/way-in.png" "$tmp/siteA2/"
tarball "$tmp/siteA2" content.yaml way-in.png | gzip >"$tmp/siteA2.tar.gz"
reloads=$(sed -n 's/^reloads=//p' "$tmp/status")
expect_exit 0 "put a tar.gz: the same content, another picture" -- ctl put <"$tmp/siteA2.tar.gz"
expect_err "put live: the kiosk shows it" "a put that changes only a picture is confirmed"
cmp -s "$tmp/etc/way-in.png" "$tmp/siteB/way-in.png" && ok || fail "the tar.gz's picture is not installed"
[ "$(sed -n 's/^reloads=//p' "$tmp/status")" != "$reloads" ] && ok || fail "a new picture did not make the kiosk reload"
# undo right after: the picture it replaced comes back
expect_exit 0 "undo a put of a picture" -- ctl undo
cmp -s "$tmp/etc/way-in.png" "$tmp/siteA/way-in.png" && ok || fail "undo did not bring back the picture the put replaced"
# site B (another title, another picture), then undo: site A whole
tarball "$tmp/siteB" content.yaml way-in.png >"$tmp/siteB.tar"
# (an mv that notes what it renames beside the content: the picture goes in
# place before content.yaml, never after)
mkdir "$tmp/mvbin"
printf '#!/bin/sh\nfor a; do last=$a; done\necho "$last" >>"%s"\nexec /bin/mv "$@"\n' "$tmp/mv.log" >"$tmp/mvbin/mv"
chmod +x "$tmp/mvbin/mv"
PATH="$tmp/mvbin:$PATH" expect_exit 0 "put site B's archive" -- ctl put <"$tmp/siteB.tar"
[ "$(grep "^$tmp/etc/[^/]*$" "$tmp/mv.log" | sed 's|.*/||' | tr '\n' ' ')" = ".signpost-put.redo way-in.png content.yaml " ] && ok ||
	fail "put did not rename its redo list, the picture, then content.yaml: $(cat "$tmp/mv.log")"
cmp -s "$tmp/etc/way-in.png" "$tmp/siteB/way-in.png" && [ "$(shown)" = "$(sha "$tmp/siteB/content.yaml")" ] && ok ||
	fail "site B is not live with its picture"
expect_exit 0 "undo site B" -- ctl undo
cmp -s "$tmp/etc/way-in.png" "$tmp/siteA/way-in.png" && [ "$(shown)" = "$(sha "$tmp/siteA/content.yaml")" ] && ok ||
	fail "undo did not bring back site A with its own picture"
# a draft on its own (no archive) still uses the live pictures
picdraft way-in.png | sed 's/Floor plan/Plan of the floor/' >"$tmp/picalone.yaml"
expect_exit 0 "put a draft alone naming a live picture" -- ctl put <"$tmp/picalone.yaml"
cmp -s "$tmp/etc/way-in.png" "$tmp/siteA/way-in.png" && ok || fail "a draft alone changed the live picture"
# an archive without the picture its content names: the live one fills in, said
tarball "$tmp/siteB" content.yaml >"$tmp/onlyyaml.tar"
expect_exit 0 "put an archive of content.yaml alone" -- ctl put <"$tmp/onlyyaml.tar"
expect_err "pictures already on the kiosk, which the content names and the archive does not carry: way-in.png" "says the live picture fills in"
cmp -s "$tmp/etc/way-in.png" "$tmp/siteA/way-in.png" && ok || fail "an archive without a picture changed the live one"

# a damaged picture in an archive: refused with the loader's word, and
# neither the content nor the live picture changes
mkdir "$tmp/siteBad"
cp "$tmp/siteB/content.yaml" "$tmp/siteBad/"
head -c 300 "$tmp/siteA/way-in.png" >"$tmp/siteBad/way-in.png"
tarball "$tmp/siteBad" content.yaml way-in.png >"$tmp/bad-picture.tar"
sleep 1 # the last put's own reload by the watch (its renames) is over
refuse "an archive with a damaged picture" 1 "content.yaml:6:26: error: the picture 'way-in.png'" <"$tmp/bad-picture.tar"
cmp -s "$tmp/etc/way-in.png" "$tmp/siteA/way-in.png" && ok || fail "a refused archive changed the live picture"
# hostile archives: refused from their listing, before anything is unpacked
mkdir -p "$tmp/h/in" "$tmp/h/files"
cp "$tmp/siteB/content.yaml" "$tmp/siteB/way-in.png" "$tmp/h/in/"
cp "$tmp/siteB/way-in.png" "$tmp/h/x.png"
(cd "$tmp/h/in" && tar -cPf - content.yaml ../x.png) >"$tmp/h/dotdot.tar"
refuse "an archive with a ../x.png" 2 "the archive's \"../x.png\" has a .. in its name" <"$tmp/h/dotdot.tar"
expect_err "tar -cf site.tar content.yaml way-in.png" "a refused archive says how to make one"
(cd "$tmp/h/in" && tar -cPf - content.yaml "$tmp/h/x.png") >"$tmp/h/abs.tar"
refuse "an archive with an absolute name" 2 "the archive's \"$tmp/h/x.png\" is an absolute name" <"$tmp/h/abs.tar"
ln -s /etc/passwd "$tmp/h/in/link.png"
(cd "$tmp/h/in" && tar -cf - content.yaml link.png) >"$tmp/h/link.tar"
rm "$tmp/h/in/link.png"
refuse "an archive with a symbolic link" 2 "the archive's \"link.png\" is a symbolic link" <"$tmp/h/link.tar"
ln "$tmp/h/in/way-in.png" "$tmp/h/in/hard.png"
(cd "$tmp/h/in" && tar -cf - content.yaml way-in.png hard.png) >"$tmp/h/hard.tar"
refuse "an archive with a hard link" 2 "the archive's \"hard.png\" is a hard link" <"$tmp/h/hard.tar"
rm "$tmp/h/in/hard.png"
mkdir "$tmp/h/in/plans" && cp "$tmp/siteB/way-in.png" "$tmp/h/in/plans/"
(cd "$tmp/h/in" && tar -cf - content.yaml plans) >"$tmp/h/folder.tar"
refuse "an archive with a folder" 2 "the archive's \"plans/\" is a folder" <"$tmp/h/folder.tar"
expect_err "the archive's \"plans/way-in.png\" is in a folder" "a picture in a folder is named"
(cd "$tmp/h/in" && tar -cf - way-in.png) >"$tmp/h/noyaml.tar"
refuse "an archive without content.yaml" 2 "the archive holds no content.yaml" <"$tmp/h/noyaml.tar"
(cd "$tmp/h/in" && cp "$src/config/signpostctl" notes.txt && tar -cf - content.yaml notes.txt) >"$tmp/h/other.tar"
refuse "an archive with another kind of file" 2 "the archive's \"notes.txt\" is neither content.yaml nor a picture" <"$tmp/h/other.tar"
i=1
while [ $i -le 65 ]; do cp "$tmp/siteB/way-in.png" "$tmp/h/files/p$i.png"; i=$((i + 1)); done
cp "$tmp/siteB/content.yaml" "$tmp/h/files/"
(cd "$tmp/h/files" && tar -cf - content.yaml p*.png) >"$tmp/h/many.tar"
refuse "an archive with 65 pictures" 2 "the archive holds 65 pictures; a content may name at most 64" <"$tmp/h/many.tar"
head -c 8388609 /dev/zero >"$tmp/h/in/huge.png"
(cd "$tmp/h/in" && tar -cf - content.yaml huge.png) >"$tmp/h/huge.tar"
refuse "an archive with a picture over 8 MiB" 2 "the archive's \"huge.png\" is larger than 8 MiB" <"$tmp/h/huge.tar"
head -c 40000000 /dev/zero >"$tmp/h/in/bomb.png"
(cd "$tmp/h/in" && tar -czf - content.yaml bomb.png) >"$tmp/h/bomb.tar.gz"
[ "$(wc -c <"$tmp/h/bomb.tar.gz")" -lt 1000000 ] && ok || fail "the gzip bomb is not small"
refuse "a small tar.gz that unpacks to 40 MB" 2 "the archive unpacks to more than 32 MiB" <"$tmp/h/bomb.tar.gz"
cp "$tmp/h/many.tar" "$tmp/h/big.tar" && head -c 34000000 /dev/zero >>"$tmp/h/big.tar"
refuse "an archive over 32 MiB" 2 "the archive is larger than 32 MiB" <"$tmp/h/big.tar"
rm -f "$tmp/h/in/bomb.png" "$tmp/h/in/huge.png" "$tmp/h/big.tar"
[ "$(find "$tmp/etc" "$tmp" -maxdepth 1 -name x.png | wc -l)" = 0 ] && ok || fail "a hostile archive wrote x.png"

# a put cut off by a power cut after its redo list was written: the next
# put or the boot (--publish recover) finishes it, content.yaml included
cp "$tmp/siteB/way-in.png" "$tmp/etc/.signpost-put.0"
cp "$tmp/siteB/content.yaml" "$tmp/etc/.signpost-put.content"
printf '.signpost-put.0\tway-in.png\n.signpost-put.content\tcontent.yaml\n' >"$tmp/etc/.signpost-put.redo"
expect_exit 0 "recover a put cut off after its redo list" -- ctl --publish recover
cmp -s "$conf" "$tmp/siteB/content.yaml" && cmp -s "$tmp/etc/way-in.png" "$tmp/siteB/way-in.png" && ok ||
	fail "recover did not finish the put: its content or its picture is not in place"
[ "$(find "$tmp/etc" -mindepth 1 -name '.*' | wc -l)" = 0 ] && ok || fail "recover left $(find "$tmp/etc" -name '.*')"
# cut off after some of the renames: the rest are done
cp "$tmp/siteA/content.yaml" "$tmp/etc/.signpost-put.content"
printf '.signpost-put.0\tway-in.png\n.signpost-put.content\tcontent.yaml\n' >"$tmp/etc/.signpost-put.redo"
cp "$tmp/siteA/way-in.png" "$tmp/etc/way-in.png"
expect_exit 0 "recover a put cut off between its renames" -- ctl --publish recover
cmp -s "$conf" "$tmp/siteA/content.yaml" && cmp -s "$tmp/etc/way-in.png" "$tmp/siteA/way-in.png" && ok ||
	fail "recover did not finish a half-renamed put"
# cut off before the list: its temporaries are removed, nothing changes
before=$(sha "$conf")
cp "$tmp/siteB/way-in.png" "$tmp/etc/.signpost-put.0"
cp "$tmp/siteB/content.yaml" "$tmp/etc/.signpost-put.content"
printf '.signpost-put.0\tway-in.png\n' >"$tmp/etc/.signpost-put.redo.new"
expect_exit 0 "recover a put cut off before its redo list" -- ctl --publish recover
[ "$(sha "$conf")" = "$before" ] && cmp -s "$tmp/etc/way-in.png" "$tmp/siteA/way-in.png" && ok ||
	fail "recover put in place a put that had no redo list"
[ "$(find "$tmp/etc" -mindepth 1 -name '.*' | wc -l)" = 0 ] && ok || fail "recover left $(find "$tmp/etc" -name '.*')"
# a list naming something outside the folder is not followed
printf 'x' >"$tmp/etc/.signpost-put.0"
printf '.signpost-put.0\t../escaped.png\n' >"$tmp/etc/.signpost-put.redo"
expect_exit 0 "recover a list naming ../escaped.png" -- ctl --publish recover
[ ! -e "$tmp/escaped.png" ] && ok || fail "recover renamed a temporary out of the content's folder"
# a put finishes a left-over list before its own check
cp "$tmp/siteB/way-in.png" "$tmp/etc/.signpost-put.0"
printf '.signpost-put.0\tway-in.png\n' >"$tmp/etc/.signpost-put.redo"
expect_exit 0 "put after a put cut off" -- ctl put <"$tmp/d1.yaml"
cmp -s "$tmp/etc/way-in.png" "$tmp/siteB/way-in.png" && ok || fail "a put did not finish the left-over redo list first"
[ "$(shown)" = "$(sha "$tmp/d1.yaml")" ] && ok || fail "the put after a cut off one is not shown"
# the kiosk refuses an archive: the content and the picture it replaced
# both come back
mkdir "$tmp/siteR"
picdraft way-in.png | sed 's/Where to find us/REFUSED-BY-KIOSK/' >"$tmp/siteR/content.yaml"
cp "$tmp/siteA/way-in.png" "$tmp/siteR/"
before=$(sha "$conf")
tarball "$tmp/siteR" content.yaml way-in.png >"$tmp/refused.tar"
expect_exit 1 "put an archive the kiosk refuses" -- ctl put <"$tmp/refused.tar"
expect_err "the version before is back (sha256 $before), with its pictures" "an archive the kiosk refused is rolled back"
[ "$(sha "$conf")" = "$before" ] && cmp -s "$tmp/etc/way-in.png" "$tmp/siteB/way-in.png" && ok ||
	fail "the refused archive's content or picture stayed installed"
rm -f "$tmp/etc/way-in.png"

expect_exit 0 "put draft 1 again" -- ctl put <"$tmp/d1.yaml"
# the same draft again: nothing to do
expect_exit 0 "put the live content again" -- ctl put <"$tmp/d1.yaml"
expect_err "unchanged" "the same draft again says so"

# refused drafts change nothing, and say why
sed 's/^    title: "Where to get help now"/    titel: "Where to get help now"/' "$tmp/d1.yaml" >"$tmp/bad.yaml"
titel=$(grep -n '^    titel:' "$tmp/bad.yaml" | cut -d: -f1) # the line of the mistake
refuse "with a mistake" 1 "content.yaml:$titel:5: error: unknown key 'titel' in a screen; did you mean 'title'?" <"$tmp/bad.yaml"
iconv -f UTF-8 -t UTF-16 "$tmp/d1.yaml" >"$tmp/u16.yaml"
refuse "in UTF-16 with a BOM" 2 "Save it as UTF-8: in Notepad, File > Save as, Encoding: UTF-8" <"$tmp/u16.yaml"
iconv -f UTF-8 -t UTF-16LE "$tmp/d1.yaml" >"$tmp/u16le.yaml"
refuse "in UTF-16 without a BOM" 2 "is saved as UTF-16 or another encoding that is not UTF-8" <"$tmp/u16le.yaml"
{ cat "$tmp/d1.yaml"; head -c 1048576 /dev/zero | tr '\0' '#'; } >"$tmp/big.yaml"
refuse "larger than 1 MiB" 2 "larger than 1 MiB" <"$tmp/big.yaml"
refuse "of nothing" 2 "no draft arrived" </dev/null
# a draft that never ends: refused after the time limit
mkfifo "$tmp/fifo"
sleep 30 >"$tmp/fifo" &
slow=$!
SIGNPOST_DRAFT_SECONDS=4 refuse "that never ends" 2 "did not arrive within 4 seconds" <"$tmp/fifo"
expect_err "waiting for a draft on standard input" "a draft slow to come says how to send one"
kill $slow 2>/dev/null
# a UTF-8 byte-order mark: the kiosk reads it, so it is put, with a note
{ printf '\357\273\277'; draft bom; } >"$tmp/bom.yaml"
expect_exit 0 "put a draft with a UTF-8 byte-order mark" -- ctl put <"$tmp/bom.yaml"
expect_err "byte-order mark" "a UTF-8 BOM gets a note"
[ "$(shown)" = "$(sha "$tmp/bom.yaml")" ] && ok || fail "the draft with a UTF-8 BOM is not shown"

# the kiosk's own word is final: a draft it refuses is rolled back
before=$(sha "$conf")
draft REFUSED-BY-KIOSK >"$tmp/refused.yaml"
expect_exit 1 "put a draft the kiosk refuses" -- ctl put <"$tmp/refused.yaml"
expect_err "the version before is back (sha256 $before)" "a draft the kiosk refused is rolled back"
[ "$(sha "$conf")" = "$before" ] && [ "$(shown)" = "$before" ] && ok || fail "the refused draft stayed installed"

# two puts at once: serialised, each shown and confirmed in turn
draft 2 >"$tmp/d2.yaml"
draft 3 >"$tmp/d3.yaml"
ctl put <"$tmp/d2.yaml" >"$tmp/p2.out" 2>&1 &
a=$!
ctl put <"$tmp/d3.yaml" >"$tmp/p3.out" 2>&1 &
b=$!
wait $a
ra=$?
wait $b
rb=$?
[ $ra = 0 ] && [ $rb = 0 ] && ok || fail "two puts at once: exit $ra and $rb: $(cat "$tmp/p2.out" "$tmp/p3.out")"
grep -q "put live: the kiosk shows it (9 screens, sha256 $(sha "$tmp/d2.yaml"))" "$tmp/p2.out" && ok || fail "the first of two puts was not confirmed: $(cat "$tmp/p2.out")"
grep -q "put live: the kiosk shows it (9 screens, sha256 $(sha "$tmp/d3.yaml"))" "$tmp/p3.out" && ok || fail "the second of two puts was not confirmed: $(cat "$tmp/p3.out")"
last=$(sha "$conf")
[ "$last" = "$(sha "$tmp/d2.yaml")" ] || [ "$last" = "$(sha "$tmp/d3.yaml")" ] && [ "$(shown)" = "$last" ] && ok ||
	fail "after two puts the kiosk shows neither"

# history: at least 10 versions, newest first, each with when and who
n=4
while [ $n -le 12 ]; do
	draft $n | ctl put >/dev/null 2>&1 || fail "put $n failed"
	n=$((n + 1))
done
expect_exit 0 "history" -- ctl history
kept=$(grep -c ' put  by .*, kept$' "$tmp/out")
[ "$kept" -ge 10 ] && ok || fail "history keeps $kept versions, fewer than 10: $(cat "$tmp/out")"
sed -n 2p "$tmp/out" | grep -q "^20[0-9-]* [0-9:]* UTC  put  by $(id -un) on the kiosk: sha256 $(sha "$conf") (live now), kept\$" && ok ||
	fail "the newest history line is not the live one with when and who: $(sed -n 2p "$tmp/out")"
[ "$(find "$tmp/history/versions" -name '*.yaml' | wc -l)" -ge 10 ] && ok || fail "fewer than 10 versions are kept as files"

# undo: one version back at a time, each shown
draft 11 >"$tmp/d11.yaml"
draft 10 >"$tmp/d10.yaml"
expect_exit 0 "undo" -- ctl undo
[ "$(sha "$conf")" = "$(sha "$tmp/d11.yaml")" ] && [ "$(shown)" = "$(sha "$tmp/d11.yaml")" ] && ok || fail "undo did not bring back the version before"
expect_err "undone: the kiosk shows it" "undo confirms"
expect_exit 0 "undo again" -- ctl undo
[ "$(shown)" = "$(sha "$tmp/d10.yaml")" ] && ok || fail "a second undo did not go one more version back"
# by hand (not put): nothing to undo
draft by-hand >"$conf"
expect_exit 1 "undo of content not put" -- ctl undo
expect_err "nothing to undo" "undo says why it cannot"

# get: byte for byte
ctl put <"$tmp/bom.yaml" >/dev/null 2>&1
ctl get >"$tmp/got.yaml"
cmp -s "$tmp/got.yaml" "$conf" && cmp -s "$tmp/got.yaml" "$tmp/bom.yaml" && ok || fail "get is not the live bytes"

# sheet: one PNG, as large as the pictures --preview draws make it, at the
# kiosk's size
ctl sheet - <"$tmp/d1.yaml" >"$tmp/sheet.png" 2>"$tmp/sheet.err" && ok || fail "sheet failed: $(cat "$tmp/sheet.err")"
"$bin" --preview "$tmp/pv" --size 1024x600 --config "$tmp/d1.yaml" 2>"$tmp/pv.err"
pictures=$(ls "$tmp/pv"/*.png | wc -l) # (the speech beside them is not on the sheet)
grep -q "drew $pictures pictures (1024x600) on one sheet" "$tmp/sheet.err" && ok ||
	fail "sheet has not the $pictures pictures --preview draws: $(cat "$tmp/sheet.err")"
if command -v identify >/dev/null; then
	# 4 columns of 360x210 pictures, each with its label (20) and gaps (12),
	# under a title (36)
	size=$(identify -format '%wx%h' "$tmp/sheet.png" 2>&1)
	[ "$size" = "1500x$((36 + (pictures + 3) / 4 * 242 + 12))" ] && ok || fail "the sheet is $size, not 4 columns of $pictures pictures"
fi
bytes=$(wc -c <"$tmp/sheet.png")
[ "$bytes" -lt 2000000 ] && ok || fail "the sheet is $bytes bytes: too large to mail or open anywhere"
# sheet of a draft with a mistake: its problems, no picture
ctl sheet - <"$tmp/bad.yaml" >"$tmp/bad.png" 2>"$tmp/err"
[ $? = 1 ] && [ ! -s "$tmp/bad.png" ] && ok || fail "sheet of a draft with errors: $(cat "$tmp/err")"
# check of a draft on stdin (- ; over ssh, check reads one): content.yaml:LINE:COL
expect_exit 1 "check - of a draft with a mistake" -- ctl check - <"$tmp/bad.yaml"
expect_err "content.yaml:$titel:5: error: unknown key 'titel'" "check - names content.yaml:LINE:COL"
done_testing
