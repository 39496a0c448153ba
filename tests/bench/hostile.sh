#!/bin/sh
# hostile.sh — time and peak memory of `signpost --check` on files a careless
# or hostile editor could write, all under the 1 MiB file limit: one word
# with no spaces (10, 40, 80 and 900 KB), 47,000 characters no font draws,
# 1 MiB of one-letter list items (all refused by the limits), and the
# worst cases the limits allow: 420 screens, 30,000 characters of one
# language as 199-character words, as characters no font draws, as lists. Goal: each < 1 s and < 100 MB. Also the default content, as
# the baseline. Timing is reported, never asserted.
# Run by hand:  sh tests/bench/hostile.sh build/signpost
# With KIOSK=1 it then runs the kiosk (800x480 window under Xvfb) on the
# default content, saves each file over it in turn and puts the default
# back after each, printing the kiosk's resident memory (VmRSS) and how long
# the reload took: memory after going back to the default should be what it
# was before.
set -eu
bin=${1:-build/signpost}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

head_yaml() { printf 'kiosk: { quick_exit: neutral }\nscreens:\n  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }\n'; }
word() { # KB: one screen, one paragraph, one word of KB kilobytes
	head_yaml
	printf '  - id: w\n    title: "W"\n    blocks:\n      - text: "'
	head -c $(($1 * 1024)) /dev/zero | tr '\0' 'a'
	printf '"\n'
}
missing() { # N different characters no font draws (private use), in one text
	head_yaml
	printf '  - id: m\n    title: "M"\n    blocks:\n      - text: "'
	python3 -c "import sys; sys.stdout.write(' '.join(chr(0xF0000 + i) for i in range($1)))"
	printf '"\n'
}
bullets() { # 1 MiB of one-letter list items
	head_yaml
	printf '  - id: b\n    title: "B"\n    blocks:\n      - bullets: ['
	head -c 524000 /dev/zero | tr '\0' 'a' | sed 's/a/a,/g'
	printf 'a]\n'
}
many() { # 420 short screens of about 60 characters (near the 30,000 in all)
	head_yaml
	i=0
	while [ $i -lt 420 ]; do
		printf '  - { id: s%d, title: "Screen %d", blocks: [ { text: "A short text, about sixty characters long, screen %d" } ] }\n' $i $i $i
		i=$((i + 1))
	done
}
# Within the limits, the worst cases: the most text a language may have
# (30,000 characters) as 199-character words (each broken by glyph), as
# different characters no font draws, and as 60-item lists of one letter.
py_screens() { # PYTHON-EXPRESSION-FOR-TEXT-I: 14 screens of 1 text of 1999 characters
	head_yaml
	python3 -c "
import sys
for i in range(14):
    t = $1
    sys.stdout.write('  - id: s%d\n    title: \"S%d\"\n    blocks:\n      - text: \"%s\"\n' % (i, i, t[:1999]))
"
}
maxwords() { py_screens "' '.join(['w' * 199] * 10)"; }
maxmissing() { py_screens "' '.join(chr(0xF0000 + i * 1000 + j) for j in range(1000))"; }
maxbullets() {
	head_yaml
	i=0
	while [ $i -lt 8 ]; do
		printf '  - id: b%d\n    title: "B"\n    blocks:\n' $i
		j=0
		while [ $j -lt 60 ]; do
			printf '      - bullets: [%s]\n' "$(yes a | head -n 60 | paste -sd,)"
			j=$((j + 1))
		done
		i=$((i + 1))
	done
}

word 10 >"$tmp/word-10k.yaml"
word 40 >"$tmp/word-40k.yaml"
word 80 >"$tmp/word-80k.yaml"
word 900 >"$tmp/word-900k.yaml"
missing 47000 >"$tmp/missing-47k.yaml"
bullets >"$tmp/bullets-1m.yaml"
many >"$tmp/many.yaml"
maxwords >"$tmp/max-words.yaml"
maxmissing >"$tmp/max-missing.yaml"
maxbullets >"$tmp/max-bullets.yaml"
cp "$src/config/content.yaml" "$tmp/default.yaml"

printf '%-18s %9s %8s %7s %6s  %s\n' file bytes seconds MB exit "first line of the report"
for f in ${ONLY:-default word-10k word-40k word-80k word-900k missing-47k bullets-1m many max-words max-missing max-bullets}; do
	/usr/bin/time -f '%e %M' -o "$tmp/time" timeout 300 "$bin" --check --config "$tmp/$f.yaml" \
		>"$tmp/out" 2>&1 && code=0 || code=$?
	set -- $(tail -n 1 "$tmp/time")
	printf '%-18s %9d %8s %7d %6s  %.70s\n' "$f" "$(wc -c <"$tmp/$f.yaml")" "$1" $(($2 / 1024)) "$code" \
		"$(grep -v '^Command' "$tmp/out" | head -n 1 | sed "s|$tmp/||")"
done

[ "${KIOSK:-0}" = 1 ] || exit 0
. "$src/tests/xvfb.sh"
start_xvfb 800x480
trap 'kill $xvfb $kiosk 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir "$tmp/live"
cp "$src/config/content.yaml" "$tmp/live/content.yaml"
"$bin" --window 800x480 --status "$tmp/status" --config "$tmp/live/content.yaml" 2>"$tmp/kiosk.log" &
kiosk=$!
get() { sed -n "s/^$1=//p" "$tmp/status" 2>/dev/null | head -n 1; }
rss() { awk '/^VmRSS/ { print int($2 / 1024) }' /proc/$kiosk/status; }
i=0
while [ -z "$(get pid)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
sleep 2
# put FILE: save it over the live content, wait for the kiosk's verdict
put() {
	before=$(get last_reload_at)
	cp "$tmp/$1.yaml" "$tmp/live/content.yaml.new"
	mv "$tmp/live/content.yaml.new" "$tmp/live/content.yaml"
	t0=$(date +%s.%N)
	i=0
	while [ "$(get last_reload_at)" = "$before" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
	t1=$(date +%s.%N)
	sleep 1
	printf '%-18s %-7s %6.2f s %6d MB\n' "$1" "$(get last_reload)" "$(echo "$t1 - $t0" | bc)" "$(rss)"
}
echo
printf 'kiosk: %-11s %-7s %8s %9s\n' "" reload took RSS
printf '%-18s %-7s %8s %6d MB\n' "start (default)" - - "$(rss)"
for f in ${ONLY:-word-40k missing-47k bullets-1m many max-words max-missing max-bullets}; do
	put "$f"
	put default
done
