# pictures_live.sh — a content file and its pictures go live together or
# not at all, in the running kiosk (Xvfb): the picture on screen is the
# one in the folder; a picture replaced by a broken one is refused on the
# save and the screen keeps the old one; the last good copy keeps the
# pictures with the content, byte for byte, and shows them when the
# content file is later broken and its picture gone; what a power cut
# leaves of writing that copy is cleaned (or put back) at start.
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
command -v convert >/dev/null || { fail "ImageMagick is needed"; done_testing; exit 1; }
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

mkdir -p "$tmp/etc/pics" "$tmp/state"
conf="$tmp/etc/content.yaml"
status="$tmp/status"
cat >"$conf" <<'YAML'
kiosk: { quick_exit: neutral }
screens:
  - id: way
    title: "Where to find us"
    blocks:
      - picture: { file: pics/map.png, alt: "Map of the ground floor" }
  - { id: neutral, title: "Waiting room", loop: false, blocks: [ { text: "Please take a seat." } ] }
YAML
convert -size 400x200 xc:'#d02020' "$tmp/etc/pics/map.png"
start() { start_kiosk 0.5; } # lib.sh: the kiosk on $conf with a state directory
stop() { stop_kiosk; }
# pixels COLOUR: how many pixels of the window are that colour (±8 %)
pixels() {
	import -window root "$tmp/shot.png" 2>/dev/null
	convert "$tmp/shot.png" -fuzz 8% -fill black +opaque "$1" -fill white -opaque "$1" \
		-format '%[fx:int(mean*w*h)]' info:
}

# 1. shown: the red picture is on screen
start
red=$(pixels '#d02020')
[ "${red:-0}" -gt 20000 ] && ok || fail "the picture is not on screen ($red red pixels)"

# 2. the picture saved over with a broken one: refused, the red one stays
head -c $(($(stat -c %s "$tmp/etc/pics/map.png") / 2)) "$tmp/etc/pics/map.png" >"$tmp/broken.png"
cp "$tmp/broken.png" "$tmp/etc/pics/map.png.new" && mv "$tmp/etc/pics/map.png.new" "$tmp/etc/pics/map.png"
kill -HUP $pid # a picture in a folder inside the content's waits for a reload
i=0
while ! grep -q "trace: reload failed" "$tmp/log" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
grep -q "trace: reload failed" "$tmp/log" && ok || fail "a broken picture was not refused"
grep -q "content.yaml:6:26: error: the picture 'pics/map.png': it is damaged or cut short" "$tmp/log" && ok ||
	fail "the refusal does not say which picture and where: $(grep error "$tmp/log" | head -n 2)"
red=$(pixels '#d02020')
[ "${red:-0}" -gt 20000 ] && ok || fail "the old picture left the screen after a refused save ($red red pixels)"

# 3. a good new picture saved beside the content file: shown on the save
convert -size 400x200 xc:'#2040d0' "$tmp/etc/blue.png"
sed 's#pics/map.png#blue.png#' "$conf" >"$conf.new" && mv "$conf.new" "$conf"
i=0
while [ "$(grep -c 'trace: reload ok' "$tmp/log")" -lt 1 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.3
blue=$(pixels '#2040d0')
[ "${blue:-0}" -gt 20000 ] && ok || fail "the new picture is not on screen ($blue blue pixels)"
# the blue picture itself changed (same name): a save of the picture alone reloads
convert -size 400x200 xc:'#20a020' "$tmp/green.png"
cp "$tmp/green.png" "$tmp/etc/blue.png"
i=0
while [ "$(grep -c 'trace: reload ok' "$tmp/log")" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.3
green=$(pixels '#20a020')
[ "${green:-0}" -gt 20000 ] && ok || fail "a picture saved beside the content file was not reloaded ($green green pixels)"
stop

# 4. the last good copy: the content and its picture, byte for byte
cmp -s "$conf" "$tmp/state/last-good/content.yaml" && ok || fail "the last good copy is not the content shown"
cmp -s "$tmp/etc/blue.png" "$tmp/state/last-good/blue.png" && ok || fail "the last good copy lacks the picture shown"
[ "$(ls "$tmp/state/last-good" | wc -l)" = 2 ] && ok || fail "the last good copy holds more than the content and its picture: $(ls "$tmp/state/last-good")"

# 5. the content file broken and its picture gone: the last good copy
# shows, with its picture
echo "screens: [" >"$conf"
rm "$tmp/etc/blue.png"
start
grep -q "showing the last good content" "$tmp/log" && ok || fail "the last good copy was not taken"
green=$(pixels '#20a020')
[ "${green:-0}" -gt 20000 ] && ok || fail "the last good copy shows without its picture ($green green pixels)"
stop

# 6. what a power cut leaves while the copy is written: a half-written
# folder is removed; the old copy moved aside (no exchange on that file
# system) is put back when the new one never arrived
mkdir -p "$tmp/state/last-good.Xq3ZkP/pics"
echo half >"$tmp/state/last-good.Xq3ZkP/content.yaml"
mkdir "$tmp/state/last-good.notours"
mv "$tmp/state/last-good" "$tmp/state/last-good.old"
start
[ ! -e "$tmp/state/last-good.Xq3ZkP" ] && ok || fail "a half-written copy was left"
[ -d "$tmp/state/last-good.notours" ] && ok || fail "a folder that is not ours was removed"
grep -q "showing the last good content" "$tmp/log" && ok || fail "the copy moved aside was not put back"
green=$(pixels '#20a020')
[ "${green:-0}" -gt 20000 ] && ok || fail "the copy put back shows without its picture ($green green pixels)"
stop
done_testing
