# remember.sh — a start on content already checked and proven at this
# output skips the check in a child (firmware/sdl/memo.h), and nothing
# else does: the kiosk (SDL's dummy driver, --trace) says at start whether
# its check ran in a child (at a start on a file new here, after the last
# good copy's first frame). Same file, same output: remembered. One byte
# changed, another window size, a font file touched or added, another binary, a
# record cut short by a power cut, a fault hook that changes the check:
# the check runs. A remembered file that then takes the kiosk down twice
# is still refused by the crash-twice rule.
. "$(dirname "$0")/lib.sh"
need_fault_hook
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir "$tmp/state" "$tmp/fonts" "$tmp/fccache"
# fonts of our own, so one can be touched: DejaVu Sans copied, and a
# fontconfig that knows only them
for f in DejaVuSans.ttf DejaVuSans-Bold.ttf; do
	cp "/usr/share/fonts/truetype/dejavu/$f" "$tmp/fonts/"
done
cat >"$tmp/fonts.conf" <<XML
<?xml version="1.0"?>
<fontconfig><dir>$tmp/fonts</dir><cachedir>$tmp/fccache</cachedir></fontconfig>
XML
export FONTCONFIG_FILE="$tmp/fonts.conf" SDL_VIDEODRIVER=dummy STATE_DIRECTORY="$tmp/state"
conf="$tmp/c.yaml"
write_content() { two_screens "$1"; } # TITLE
pid=
run() { # [SIZE [BINARY [FAULT]]]: a start to its first frame and a clean stop (which proves what it showed)
	rm -f "$tmp/log" # not the last run's "trace: start"
	SIGNPOST_TEST_FAULT=${3:-} "${2:-$bin}" --window "${1:-1280x800}" --trace --config "$conf" 2>"$tmp/log" &
	pid=$!
	first_frame "$tmp/log"
	# a file new here is checked after the last good copy's first frame
	# (cli/start_meanwhile.sh): its check's end and its frame, so the
	# clean stop proves what the file shows
	checked_after "$tmp/log"
	sleep 0.2
	kill -TERM $pid 2>/dev/null
	wait $pid 2>/dev/null
	pid=
}
expect_start() { # remembered|child WHAT
	if [ "$1" = remembered ]; then want="trace: check remembered (start)"; else want="trace: check in a child (start)"; fi
	grep -qF "$want" "$tmp/log" && ok || fail "$2: expected '$want'; the log says: $(grep '^trace: check' "$tmp/log")"
}

write_content "Hello" >"$conf"
run
expect_start child "the first start"
[ -s "$tmp/state/verdict" ] && ok || fail "no verdict remembered after a clean stop"
grep -q "^content $(sha256sum "$conf" | cut -d' ' -f1)\$" "$tmp/state/verdict" && ok || fail "the record names other content"
run
expect_start remembered "the same file at the same output"
grep -q "^trace: start" "$tmp/log" && ok || fail "the remembered start did not reach its first frame"

write_content "Hellp" >"$conf" # one byte
run
expect_start child "one byte changed"
run
expect_start remembered "the changed file, proven"

run 1024x600
expect_start child "another output size"
run 1280x800
expect_start child "back at 1280x800 (the record is for 1024x600 now)"

touch "$tmp/fonts/DejaVuSans-Bold.ttf"
run
expect_start child "a font file touched"
run
expect_start remembered "after the touched font was checked"

cp /usr/share/fonts/truetype/noto/NotoKufiArabic-Regular.ttf "$tmp/fonts/" # another family installed beside
run
expect_start child "a font added to a folder fontconfig reads"
run
expect_start remembered "after the added font was checked"

cp "$bin" "$tmp/signpost-other"
run 1280x800 "$tmp/signpost-other"
expect_start child "another program binary"
run
expect_start child "the first binary again"

run 1280x800 "$bin" crash:NOT-IN-THIS-FILE
expect_start child "a fault hook that changes the check"
run 1280x800 "$bin" crash:NOT-IN-THIS-FILE
expect_start remembered "the same fault hook again"
run
expect_start child "no fault hook"

# a power cut mid-write: the record cut short, and a temporary beside it
head -c 100 "$tmp/state/verdict" >"$tmp/state/verdict.AbC123"
cp "$tmp/state/verdict.AbC123" "$tmp/state/verdict"
run
expect_start child "a record cut short"
[ ! -e "$tmp/state/verdict.AbC123" ] && ok || fail "the record's temporary was not removed at start"
run
expect_start remembered "the record written whole again"

# remembered, then it takes the kiosk down on screen twice: refused
write_content "DIE-ME" >"$conf"
run
run
expect_start remembered "DIE-ME proven"
for n in 1 2; do
	run 1280x800 "$bin" die:DIE-ME
	expect_start remembered "start $n that dies"
done
[ "$(cut -d' ' -f2 "$tmp/state/trying")" = 2 ] && ok || fail "remembered starts that died are not counted: $(cat "$tmp/state/trying")"
run 1280x800 "$bin" die:DIE-ME
grep -q "stopped 2 times in a row while showing this file" "$tmp/log" && ok ||
	fail "the third start does not refuse the file: $(head -n 4 "$tmp/log")"
done_testing
