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
#   ```sh block with no "$ " at all, ```sh-pi (needs a Pi, systemd, ssh or
#   root) and ```sh-dev (a long build): not run; they must pass sh -n, and
#   every repository path, signpost option and signpostctl command they
#   name must exist.
# Anywhere in a guide, `signpost --OPTION` must be an option of signpost
# --help and `signpostctl WORD` one of signpostctl's commands.
# A failure names the guide and the line.
. "$(dirname "$0")/lib.sh"

guides="README.md config/GUIDE.md config/INSTALL.md config/fleet/README.md firmware/README.md"
ctl_words="check reload restart status --ssh"

# a folder on PATH: `signpost` is the binary under test, `signpostctl` ours
mkdir -p "$tmp/bin"
ln -s "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$tmp/bin/signpost"
ln -s "$src/config/signpostctl" "$tmp/bin/signpostctl"
"$bin" --help >"$tmp/help" 2>&1

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
	cmd="" cmd_line=""
	: >"$tmp/expected"
	# a sentinel "$ " line at the end runs the last command
	{ cat "$lines"; printf '0\t$ \n'; } | while IFS="$(printf '\t')" read -r l text; do
		case $text in
		'$ '*)
			if [ -n "$cmd" ]; then
				(cd "$work" && HOME=$work PATH=$tmp/bin:$PATH sh -c "$cmd") >"$tmp/actual.raw" 2>&1
				sed "s|$work|~|g" "$tmp/actual.raw" >"$tmp/actual"
				if cmp -s "$tmp/expected" "$tmp/actual"; then
					echo ok
				else
					echo "FAIL: $g:$cmd_line: \`$cmd\` prints something else than the guide shows (- guide, + real):" >&2
					diff -u "$tmp/expected" "$tmp/actual" | tail -n +3 | sed 's/^/    /' >&2
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
		*) continue ;;
		esac
		cut -f2- "$tmp/lines" >"$tmp/script"
		if sh -n "$tmp/script" 2>"$tmp/err"; then ok; else
			fail "$g:$first: the \`\`\`$kind block is not valid shell: $(cat "$tmp/err")"
		fi
		while IFS="$(printf '\t')" read -r l text; do names_ok "$g" "$l" "$text"; done <"$tmp/lines"
	done
done
# the guides show commands with their output: if none ran, the parser broke
[ "$ran" -ge 10 ] && ok || fail "only $ran blocks with \$ commands were found and run"
done_testing
