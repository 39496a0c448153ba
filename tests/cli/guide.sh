# guide.sh — every command the guides show runs, and shows what they say.
#
# The guides are README.md, config/GUIDE.md (staff), config/INSTALL.md (the
# volunteer), config/fleet/README.md (many kiosks) and firmware/README.md
# (developers). In them:
#   ```sh block with lines "$ COMMAND" each followed by the output it prints:
#       each block runs in a fresh copy of config/ (content.yaml, examples/,
#       os/ ...) that also holds draft.yaml, a copy of content.yaml; HOME is
#       that folder; `signpost` is the binary under test and `signpostctl`
#       the repository's. Each command runs with sh -c, stderr and stdout
#       together, and must print exactly the lines shown (the copy's path
#       written as ~). Lines before the first "$ " are not allowed.
#       `ssh kiosk@HOST WORD` reaches a kiosk this test runs (under Xvfb
#       at 800x480, its content the default again at each block's start):
#       an `ssh` on PATH gives WORD to `signpostctl --ssh` as sshd would,
#       with the key alice@laptop, and shows the kiosk's paths as a Pi's.
#       In the output a time (2026-12-07 10:15:02 UTC) stands for any
#       time, SHA_NEW for the sha256 of draft.yaml as the block left it and
#       SHA_OLD for the default content's.
#   ```sh block with no "$ " at all, ```sh-pi (needs a Pi, systemd, ssh or
#   root) and ```sh-dev (a long build): not run; they must pass sh -n, and
#   every repository path, signpost option and signpostctl command they
#   name must exist.
#   ```bat (the Windows Command Prompt) and ```powershell blocks: each line
#       "PROMPT> COMMAND" that runs ssh must be, once PowerShell's
#       `cmd /c "..."` is unwrapped, a command a ```sh block of the same
#       guide runs (the same words and redirections; a "| tail" cut off),
#       so a Windows reader is shown only what this test ran.
# The manual pages (config/man/) describe every option of signpost --help
# and every word of signpostctl, and nothing else.
# Anywhere in a guide, `signpost --OPTION` must be an option of signpost
# --help and `signpostctl WORD` one of signpostctl's commands.
# A failure names the guide and the line.
. "$(dirname "$0")/lib.sh"

guides="README.md config/GUIDE.md config/INSTALL.md config/fleet/README.md firmware/README.md"
ctl_words="check reload restart status put get history undo sheet help --ssh --publish"

# a folder on PATH: `signpost` is the binary under test, `signpostctl` ours
mkdir -p "$tmp/bin"
ln -s "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$tmp/bin/signpost"
ln -s "$src/config/signpostctl" "$tmp/bin/signpostctl"
"$bin" --help >"$tmp/help" 2>&1

# the kiosk `ssh kiosk@HOST` reaches, and that ssh
kiosk=$tmp/kiosk
mkdir -p "$kiosk/history"
cp "$src/config/content.yaml" "$kiosk/content.yaml"
printf 'restrict ssh-ed25519 AAAAguide alice@laptop\n' >"$kiosk/keys"
printf 'publickey ssh-ed25519 AAAAguide\n' >"$kiosk/auth"
kiosk_pid=
cat >"$tmp/bin/ssh" <<STANDIN
#!/bin/sh
# a stand-in: ssh [-n] [-i F] [-o X] [-p N] USER@HOST WORDS
while [ \$# -gt 0 ]; do
	case \$1 in
	-n) exec </dev/null; shift ;;
	-i | -o | -p) shift 2 ;;
	-*) shift ;;
	*) break ;;
	esac
done
shift
# (stderr through sed, stdout untouched: a PNG, or the content's bytes)
{ SSH_ORIGINAL_COMMAND="\$*" SSH_USER_AUTH=$kiosk/auth sh $src/config/signpostctl --bin $bin \\
	--config $kiosk/content.yaml --status $kiosk/status --history $kiosk/history --keys $kiosk/keys --ssh \\
	2>&1 1>&3 3>&- | sed "s#$kiosk/content.yaml#/etc/signpost/content.yaml#g; s#$kiosk/status#/run/signpost/status#g" >&2; } 3>&1
STANDIN
chmod +x "$tmp/bin/ssh"
# kiosk_fresh: the kiosk runs (started once) and shows the default content,
# with no history
kiosk_fresh() {
	rm -rf "$kiosk/history" && mkdir -p "$kiosk/history"
	if [ -z "$kiosk_pid" ]; then
		start_xvfb 800x480
		"$bin" --window 800x480 --status "$kiosk/status" --config "$kiosk/content.yaml" 2>"$kiosk/log" &
		kiosk_pid=$!
		trap 'kill $kiosk_pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
	fi
	cmp -s "$src/config/content.yaml" "$kiosk/content.yaml" || cp "$src/config/content.yaml" "$kiosk/content.yaml"
	i=0
	until [ "$(sed -n 's/^content_sha256=//p' "$kiosk/status" 2>/dev/null)" = "$sha_old" ] &&
		[ "$(sed -n 's/^last_reload=//p' "$kiosk/status" 2>/dev/null)" != failed ]; do
		[ $i -lt 200 ] || { fail "the guide's kiosk does not show the default content: $(cat "$kiosk/log")"; break; }
		sleep 0.1
		i=$((i + 1))
	done
}
sha_old=$(sha256sum "$src/config/content.yaml" | cut -d' ' -f1)

# blocks GUIDE: one line per line inside a fenced block,
# "N<TAB>KIND<TAB>LINE<TAB>TEXT", N numbering the blocks of the file
blocks() {
	# a block indented under a list item: its lines lose that indentation
	awk 'BEGIN { n = 0; kind = "" }
	     /^ *```[A-Za-z-]*$/ {
		if (kind == "") {
			info = $0; match(info, /^ */); indent = RLENGTH; sub(/^ *```/, "", info)
			n++; kind = (info == "" ? "-" : info); next
		}
		kind = ""; next }
	     kind != "" { line = $0; if (substr(line, 1, indent) ~ /^ *$/) line = substr(line, indent + 1)
			  printf "%d\t%s\t%d\t%s\n", n, kind, NR, line }' "$1"
}

# names_ok GUIDE LINE TEXT: the repository paths, options and signpostctl
# commands named in TEXT exist
names_ok() {
	g=$1 l=$2 text=$3
	for word in $(printf '%s\n' "$text" | sed 's/#.*//'); do
		word=${word%[,;:.)]}
		case $word in
		toolchain/* | tests/* | config/* | firmware/* | assets/* | .ci/*)
			[ -e "$src/$word" ] || fail "$g:$l: '$word' is not in the repository" ;;
		/usr/share/signpost/os/* | /usr/share/signpost/remote/*)
			[ -e "$src/config/${word#/usr/share/signpost/}" ] ||
				fail "$g:$l: '$word' is installed from config/${word#/usr/share/signpost/}, which does not exist" ;;
		*.yml)
			case $word in */* | *=*) ;; *)
				[ -e "$src/$(dirname "$g")/$word" ] || fail "$g:$l: '$word' is not in $(dirname "$g")/" ;;
			esac ;;
		esac
	done
	words_ok "$g" "$l" "$text"
}

# words_ok GUIDE LINE TEXT: `signpost --OPTION` and `signpostctl WORD` in
# TEXT are real
words_ok() {
	for opt in $(printf '%s\n' "$3" | grep -o 'signpost --[a-z]*' | sed 's/^signpost //'); do
		grep -q -- "$opt\b" "$tmp/help" || fail "$1:$2: signpost has no option $opt (not in signpost --help)"
	done
	printf '%s\n' "$3" | grep -o 'signpostctl\( --[a-z]* [^ `]*\)* [-a-z]*' | while read -r _ rest; do
		set -- $rest
		while [ $# -gt 1 ] && case $1 in --config | --status | --bin) true ;; *) false ;; esac; do shift 2; done
		case " $ctl_words " in
		*" ${1:-} "*) ;;
		*) echo "$1" ;;
		esac
	done >"$tmp/badctl"
	while read -r w; do fail "$1:$2: signpostctl has no command '$w' (only: $ctl_words)"; done <"$tmp/badctl"
	for w in $(printf '%s\n' "$3" | grep -o 'ssh kiosk@[A-Za-z.]* [a-z]*' | awk '{ print $3 }'); do
		case " $ctl_words " in *" $w "*) ;; *) fail "$1:$2: a staff key runs only $ctl_words, not '$w'" ;; esac
	done
}

# run_block GUIDE FILE: FILE holds the block's "LINE<TAB>TEXT"
# lines; runs each "$ " command and compares what it prints
run_block() {
	g=$1 lines=$2
	work=$tmp/work
	rm -rf "$work"
	cp -R "$src/config" "$work"
	cp "$work/content.yaml" "$work/draft.yaml"
	grep -q 'ssh kiosk@' "$lines" && kiosk_fresh
	cmd="" cmd_line=""
	: >"$tmp/expected"
	# a sentinel "$ " line at the end runs the last command
	{ cat "$lines"; printf '0\t$ \n'; } | while IFS="$(printf '\t')" read -r l text; do
		case $text in
		'$ '*)
			if [ -n "$cmd" ]; then
				(cd "$work" && HOME=$work PATH=$tmp/bin:$PATH sh -c "$cmd") >"$tmp/actual.raw" 2>&1
				sed "s|$work|~|g" "$tmp/actual.raw" >"$tmp/actual"
				# any time is the guide's time; the drafts' sha256 by name
				sha_new=$(sha256sum "$work/draft.yaml" | cut -d' ' -f1)
				for f in expected actual; do
					sed -E "s/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC/2026-12-07 10:15:02 UTC/g; s/$sha_new/SHA_NEW/g; s/$sha_old/SHA_OLD/g" \
						"$tmp/$f" >"$tmp/$f.n"
				done
				if cmp -s "$tmp/expected.n" "$tmp/actual.n"; then
					echo ok
				else
					echo "FAIL: $g:$cmd_line: \`$cmd\` prints something else than the guide shows (- guide, + real):" >&2
					diff -u "$tmp/expected.n" "$tmp/actual.n" | tail -n +3 | sed 's/^/    /' >&2
					echo fail
				fi
			fi
			cmd=${text#\$ } cmd_line=$l
			: >"$tmp/expected"
			;;
		*)
			if [ -z "$cmd" ]; then
				echo "FAIL: $g:$l: a \`\`\`sh block with \$ commands shows output before its first command" >&2
				echo fail
			else
				printf '%s\n' "$text" >>"$tmp/expected"
			fi
			;;
		esac
	done >"$tmp/results"
	while read -r r; do
		if [ "$r" = ok ]; then ok; else failed=$((failed + 1)); fi
	done <"$tmp/results"
}

# windows_ok GUIDE FILE: every ssh command of a Windows block (FILE holds
# its "LINE<TAB>TEXT" lines) is one a ```sh block of GUIDE runs
windows_ok() {
	while IFS="$(printf '\t')" read -r l text; do
		case $text in *'> '*ssh*) ;; *) continue ;; esac
		c=${text#*> }
		case $c in 'cmd /c "'*'"') c=${c#cmd /c \"} c=${c%\"} ;; esac
		if grep -qxF -- "$c" "$tmp/sshwords"; then ok; else
			fail "$1:$l: the Windows command '$c' is not one a \`\`\`sh block of $1 runs"
		fi
	done <"$2"
}

# README.md starts with the two commands
head -n 6 "$src/README.md" >"$tmp/top"
printf '# signpost\n\n```sh\nsh toolchain/dev.sh run\nsh toolchain/dev.sh test\n```\n' | cmp -s - "$tmp/top" && ok ||
	fail "README.md:1: does not start with the two commands"

ran=0
for g in $guides; do
	[ -f "$src/$g" ] || { fail "$g: the guide is missing"; continue; }
	# a table of contents near the top, except in the short README
	if [ "$g" != README.md ]; then
		head -n 40 "$src/$g" | grep -q '^## Contents' && ok || fail "$g:1: no '## Contents' near the top"
	fi
	# every line: options and signpostctl commands named in the prose
	n=0
	while IFS= read -r text; do
		n=$((n + 1))
		case $text in
		*'`'*signpost*) words_ok "$g" "$n" "$(printf '%s\n' "$text" | grep -o '`[^`]*`' | tr -d '`')" ;;
		esac
	done <"$src/$g"
	blocks "$src/$g" >"$tmp/blocks"
	# the commands this guide's ```sh blocks run, for its Windows blocks,
	# with the last "| ..." (a tail) cut off
	awk -F'\t' '$2 == "sh" && $4 ~ /^\$ / { sub(/^\$ /, "", $4); print $4 }' "$tmp/blocks" |
		sed 's/ | [^<>|]*$//' >"$tmp/sshwords"
	for b in $(cut -f1 "$tmp/blocks" | uniq); do
		awk -F'\t' -v b="$b" '$1 == b' "$tmp/blocks" >"$tmp/block"
		kind=$(head -n 1 "$tmp/block" | cut -f2)
		first=$(head -n 1 "$tmp/block" | cut -f3)
		cut -f3- "$tmp/block" >"$tmp/lines"
		case $kind in
		sh)
			if grep -q "$(printf '\t')\\$ " "$tmp/lines"; then
				run_block "$g" "$tmp/lines"
				ran=$((ran + 1))
				continue
			fi ;;
		sh-pi | sh-dev) ;;
		bat | powershell)
			windows_ok "$g" "$tmp/lines"
			continue
			;;
		*) continue ;;
		esac
		cut -f2- "$tmp/lines" >"$tmp/script"
		if sh -n "$tmp/script" 2>"$tmp/err"; then ok; else
			fail "$g:$first: the \`\`\`$kind block is not valid shell: $(cat "$tmp/err")"
		fi
		while IFS="$(printf '\t')" read -r l text; do names_ok "$g" "$l" "$text"; done <"$tmp/lines"
	done
done
# the manual pages: every option of --help, every word of signpostctl, and
# nothing else
man1=$src/config/man/signpost.1 man2=$src/config/man/signpostctl.1
for page in "$man1" "$man2"; do
	[ -f "$page" ] || { fail "$page is missing"; continue; }
	head -n 1 "$page" | grep -q '^\.\\"' && ok || fail "$page: no comment at the top"
	grep -q '^\.TH ' "$page" && grep -q '^\.SH NAME' "$page" && grep -q '^\.SH SYNOPSIS' "$page" && ok ||
		fail "$page: no .TH, NAME or SYNOPSIS"
	if command -v man >/dev/null; then
		MANWIDTH=80 man --warnings -l "$page" >"$tmp/man.txt" 2>"$tmp/man.err" && [ ! -s "$tmp/man.err" ] && ok ||
			fail "$page: man -l complains: $(cat "$tmp/man.err")"
	fi
done
grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u >"$tmp/help-opts"
grep -o '\\-\\-[a-z][a-z-]*' "$man1" | sed 's/\\-/-/g' | sort -u >"$tmp/man-opts"
[ -s "$tmp/help-opts" ] && ok || fail "no options found in signpost --help"
comm -23 "$tmp/help-opts" "$tmp/man-opts" >"$tmp/missing"
while read -r o; do fail "signpost.1 does not describe $o (signpost --help has it)"; done <"$tmp/missing"
comm -13 "$tmp/help-opts" "$tmp/man-opts" >"$tmp/extra"
while read -r o; do fail "signpost.1 describes $o, which signpost --help does not have"; done <"$tmp/extra"
# signpostctl's words: its usage line, and the words --ssh runs
sh "$src/config/signpostctl" nonsense 2>&1 | sed -n 's/^usage: signpostctl //p' | tr '|' '\n' | sed 's/ .*//' >"$tmp/words"
SSH_ORIGINAL_COMMAND=nonsense sh "$src/config/signpostctl" --ssh 2>&1 | sed -n 's/.*may run only: //p' |
	tr ',' '\n' | tr -d ' ' >>"$tmp/words"
printf -- '--ssh\n--publish\n' >>"$tmp/words"
sort -u "$tmp/words" | grep . >"$tmp/ctl-words"
# the words the page describes: the .TP items under WORDS
awk '/^\.SH WORDS/ { on = 1; next } /^\.SH/ { on = 0 } on && prev == ".TP" { print } { prev = $0 }' "$man2" |
	sed 's/^\.BR* //; s/\\-/-/g; s/ .*//; s/"//g' | sort -u >"$tmp/man-words"
comm -23 "$tmp/ctl-words" "$tmp/man-words" >"$tmp/missing"
while read -r w; do fail "signpostctl.1 does not describe the word '$w'"; done <"$tmp/missing"
comm -13 "$tmp/ctl-words" "$tmp/man-words" >"$tmp/extra"
while read -r w; do fail "signpostctl.1 describes '$w', which signpostctl does not run"; done <"$tmp/extra"
for w in $ctl_words; do
	grep -qx -- "$w" "$tmp/ctl-words" && ok || fail "guide.sh's list names '$w', which signpostctl does not run"
done
[ "$(wc -l <"$tmp/ctl-words")" -ge 10 ] && ok || fail "only $(wc -l <"$tmp/ctl-words") signpostctl words found"

# the guides show commands with their output: if none ran, the parser broke
[ "$ran" -ge 10 ] && ok || fail "only $ran blocks with \$ commands were found and run"
done_testing
