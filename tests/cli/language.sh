# language.sh — a visitor who reads Arabic, end to end: the real kiosk in a
# window under Xvfb, driven with xdotool, checked through --trace and
# screenshots. The language button opens the picker, where each language
# is named in its own script; choosing Arabic switches the whole screen,
# right to left; the contrast button switches colours; the privacy reset
# brings back the default language and colours.
. "$(dirname "$0")/lib.sh"

for tool in Xvfb xdotool import convert compare; do
	command -v $tool >/dev/null || { fail "$tool is needed (the README's test command installs it)"; done_testing; exit 1; }
done
fc-list : family | grep -qx "Noto Sans Arabic" ||
	{ fail "font 'Noto Sans Arabic' is needed: apt-get install fonts-noto-core"; done_testing; exit 1; }
start_xvfb 800x480
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

cat >"$tmp/c.yaml" <<'YAML'
kiosk:
  languages: [en, ar, bn]
  idle_timeout: 10
  quick_exit: neutral
  help: { name: "Support line", number: "0808 500 2222" }
theme:
  fonts: { ar: "Noto Sans Arabic", bn: "Noto Sans Bengali" }
labels:
  language_name: { en: "English", ar: "العربية", bn: "বাংলা" }
  language: { en: "Language", ar: "اللغة", bn: "ভাষা" }
  back: { en: "Back", ar: "رجوع", bn: "ফিরে যান" }
screens:
  - id: first
    title: { en: "Your rights", ar: "حقوقك", bn: "আপনার অধিকার" }
    blocks: [ { text: { en: "You choose.", ar: "القرار لك.", bn: "আপনি বেছে নিন।" } } ]
  - id: neutral
    title: "Waiting room"
    blocks: [ { text: "Please take a seat." } ]
YAML
"$bin" --check --config "$tmp/c.yaml" 2>"$tmp/check"
[ $? = 0 ] && ok || { fail "the test content does not pass --check"; cat "$tmp/check" >&2; }

start_session "$tmp/c.yaml"

# mean brightness (0..1) of a region: WxH+X+Y
ink() { convert "$tmp/$1.png" -crop "$2" -colorspace gray -format "%[fx:mean]" info:; }
pixel() { convert "$tmp/$1.png" -format "%[hex:p{$2,$3}]" info:; }

tap 400 240 # wakes the kiosk
expect_state "input mode=browse screen=first page=1 lang=en" "touch wakes"
shot english

# 1. The language button opens the picker: every language, as a button.
tap_button language
expect_state "mode=languages" "language button opens the picker"
shot picker
for arg in 0 1 2; do
	set -- $(button set-language $arg)
	if [ -n "${1:-}" ]; then ok; else fail "no button for language $arg in the picker"; fi
done
# the picker shows something other than the page it covers
if [ "$(compare -metric AE "$tmp/english.png" "$tmp/picker.png" null: 2>&1)" -gt 2000 ]; then ok; else
	fail "the picker does not look different from the page"
fi

# 2. Arabic: the whole screen switches, and reads right to left.
tap_button set-language 1
expect_state "mode=browse screen=first page=1 lang=ar" "choosing Arabic"
shot arabic
if grep -q "^trace: button back .*arg=0" "$trace"; then ok; else fail "no Back button in Arabic"; fi
# the title "حقوقك" is short: right-aligned, its ink is in the right half of
# the title row, where the English title "Your rights" has none
title_row=100
left_ar=$(ink arabic 340x50+48+$((title_row - 25)))
right_ar=$(ink arabic 340x50+412+$((title_row - 25)))
right_en=$(ink english 340x50+412+$((title_row - 25)))
if awk "BEGIN { exit !($right_ar > $left_ar + 0.01 && $right_ar > $right_en + 0.01) }"; then ok; else
	fail "the Arabic title is not on the right (left $left_ar, right $right_ar, English right $right_en)"
fi

# 3. High contrast: black background, and back again.
tap_button contrast
expect_state "lang=ar" "contrast keeps the language"
shot contrast
case "$(pixel contrast 400 300)" in 000000*) ok ;; *) fail "high contrast background is #$(pixel contrast 400 300), not black" ;; esac

# 4. Left alone: the idle notice, then the privacy reset: English, the
# theme's own colours, the loop.
expect_state "idle mode=idle" "idle notice" 11
expect_state "reset mode=attract screen=first page=1 lang=en" "privacy reset brings back English" 31
shot reset
case "$(pixel reset 400 300)" in 1B2340*) ok ;; *) fail "after the reset the background is #$(pixel reset 400 300), not the theme's" ;; esac
if [ "$(compare -metric AE -fuzz 5% "$tmp/english.png" "$tmp/reset.png" null: 2>&1)" -lt 200000 ]; then ok; else
	fail "the screen after the reset does not look like the English one"
fi
kill $pid
wait $pid 2>/dev/null
done_testing
