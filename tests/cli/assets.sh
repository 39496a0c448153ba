# assets.sh — broken or missing assets never stop the kiosk: a font family
# that is not installed, a damaged font file, and a content file that cannot
# be used at start-up (then the last good copy, or a calm built-in screen,
# until the file is fixed). --check reports each.
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
fonts=/usr/share/fonts/truetype/dejavu

content() { # FONT TITLE
	printf 'kiosk: { quick_exit: neutral }\ntheme: { font: "%s" }\nscreens:\n' "$1"
	printf '  - { id: first, title: "%s", blocks: [ { text: "One" } ] }\n' "$2"
	printf '  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please sit." } ] }\n'
}
colours() { convert "$1" -format '%k' info:; }

# 1. a font family that is not installed: a warning, DejaVu Sans draws
content "No Such Font" "First" >"$tmp/c.yaml"
expect_exit 0 "an uninstalled font is not an error" -- "$bin" --check --config "$tmp/c.yaml"
expect_err "warning: font 'No Such Font' is not installed; 'DejaVu Sans' is used instead" "--check names the font"
expect_exit 0 "preview with an uninstalled font" -- "$bin" --preview "$tmp/p1" --config "$tmp/c.yaml"
[ "$(colours "$tmp/p1/01-first-en-1.png")" -gt 50 ] && ok || fail "no text drawn with the fallback font"

# 2. a damaged font file: fontconfig still lists it (from its cache), SDL_ttf
# cannot open it; DejaVu Sans draws instead
mkdir -p "$tmp/fonts" "$tmp/fccache"
cp "$fonts/DejaVuSans.ttf" "$fonts/DejaVuSans-Bold.ttf" "$fonts/DejaVuSerif.ttf" "$fonts/DejaVuSerif-Bold.ttf" "$tmp/fonts/"
cat >"$tmp/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$tmp/fonts</dir><cachedir>$tmp/fccache</cachedir></fontconfig>
CONF
export FONTCONFIG_FILE="$tmp/fonts.conf"
fc-cache "$tmp/fonts" >/dev/null 2>&1
touch -r "$tmp/fonts" "$tmp/stamp"
for f in DejaVuSerif.ttf DejaVuSerif-Bold.ttf; do
	head -c 2000 "$tmp/fonts/$f" >"$tmp/cut" && cat "$tmp/cut" >"$tmp/fonts/$f"
done
touch -r "$tmp/stamp" "$tmp/fonts" # the folder looks unchanged: the cache stays
content "DejaVu Serif" "First" >"$tmp/c.yaml"
expect_exit 0 "a damaged font is not an error" -- "$bin" --check --config "$tmp/c.yaml"
expect_err "warning: font 'DejaVu Serif' cannot be opened" "--check says the font file is damaged"
expect_exit 0 "preview with a damaged font" -- "$bin" --preview "$tmp/p2" --config "$tmp/c.yaml"
[ "$(colours "$tmp/p2/01-first-en-1.png")" -gt 50 ] && ok || fail "no text drawn after a damaged font"
unset FONTCONFIG_FILE

# 3. content that cannot be used at start-up, and no copy of a good one: the
# built-in screen, the reason in the log and the status; fixing the file
# brings the content
printf 'screens: [\n' >"$tmp/c.yaml"
"$bin" --window 800x480 --trace --status "$tmp/status" --config "$tmp/c.yaml" 2>"$tmp/log" &
pid=$!
first_frame "$tmp/log"
sleep 0.5
kill -0 $pid && ok || fail "the kiosk did not start on a broken file"
grep -q "trace: start mode=attract screen=unavailable" "$tmp/log" && ok || fail "not the built-in screen: $(grep trace: "$tmp/log" | head -2)"
grep -q "showing the built-in" "$tmp/log" && ok || fail "the log does not say why"
grep -q "^problem=$tmp/c.yaml" "$tmp/status" && ok || fail "the status has no problem line"
import -window root "$tmp/shot.png"
[ "$(colours "$tmp/shot.png")" -gt 50 ] && ok || fail "the built-in screen is blank"
content "DejaVu Sans" "Fixed" >"$tmp/c.yaml"
sleep 1
grep -q "trace: reload mode=attract screen=first" "$tmp/log" && ok || fail "fixing the file did not bring the content: $(grep -v button "$tmp/log" | tail -5)"
kill $pid
wait $pid

# 4. with a copy of the last good content (systemd's StateDirectory), a file
# broken at start-up shows that copy
mkdir "$tmp/state"
content "DejaVu Sans" "Last good" >"$tmp/c.yaml"
STATE_DIRECTORY="$tmp/state" "$bin" --window 800x480 --config "$tmp/c.yaml" 2>/dev/null &
pid=$!
sleep 1.5
kill $pid
wait $pid
cmp -s "$tmp/c.yaml" "$tmp/state/last-good/content.yaml" && ok || fail "no copy of the good content was kept"
rm "$tmp/c.yaml" # even a deleted file
STATE_DIRECTORY="$tmp/state" "$bin" --window 800x480 --trace --config "$tmp/c.yaml" 2>"$tmp/log" &
pid=$!
sleep 1.5
grep -q "trace: start mode=attract screen=first" "$tmp/log" && ok || fail "the last good content is not shown"
grep -q "showing the last good content" "$tmp/log" && ok || fail "the log does not say it shows the last good copy"
grep -q "does not exist" "$tmp/log" && ok || fail "the log does not say what is wrong with the file"
kill $pid
wait $pid
[ $? = 0 ] && ok || fail "unclean exit"
done_testing
