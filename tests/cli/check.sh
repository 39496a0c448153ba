# check.sh — `signpost --check` and the exit-code contract.
. "$(dirname "$0")/lib.sh"

expect_exit 0 "default content is valid" -- "$bin" --check --config "$src/config/content.yaml"
expect_err "ok: 9 screens" "check says how much it checked"
# the report is on stdout, so `signpost --check | less` shows it
grep -q "ok: 9 screens" "$tmp/out" && ok || fail "the summary is not on stdout"
[ ! -s "$tmp/err" ] && ok || fail "--check wrote to stderr: $(cat "$tmp/err")"
# the default content is for the 7-inch panel: the small text in its call
# boxes is measured and warned about where it is written (the first hours:
# line of the shipped file)
line=$(grep -n '^          hours: ' "$src/config/content.yaml" | head -1 | cut -d: -f1)
expect_err "content.yaml:$line:18: warning: on a 800x480 screen of 7.0 inches seen from 40 cm, the small text in the call box 'Rape Crisis 24/7 Support Line' of screen 'help' (en)" "small text in call boxes is measured, at its place"

cat >"$tmp/bad.yaml" <<'YAML'
screens:
  - id: welcome
    titel: "Welcome"
    blocks:
      - text: "Hello"
YAML
expect_exit 1 "invalid content" -- "$bin" --check --config "$tmp/bad.yaml"
expect_err "$tmp/bad.yaml:3:5: error: unknown key 'titel'" "error names file, line and column"
grep -q "3:5: error: unknown key" "$tmp/out" && ok || fail "the problems are not on stdout"
expect_err "did you mean 'title'?" "error suggests the nearest key"

# $SIGNPOST_CONFIG is the default when --config is not given
SIGNPOST_CONFIG="$tmp/bad.yaml" expect_exit 1 "SIGNPOST_CONFIG is used" -- "$bin" --check

expect_exit 2 "missing file" -- "$bin" --check --config "$tmp/nope.yaml"
expect_err "$tmp/nope.yaml" "missing file is named"
expect_exit 2 "a directory" -- "$bin" --check --config "$tmp"
: >"$tmp/empty.yaml"
expect_exit 1 "empty file" -- "$bin" --check --config "$tmp/empty.yaml"
expect_err "empty" "empty file is called empty"

# text too long for the screen: valid, but warned about
{
	echo "screens:"
	echo "  - id: long"
	echo "    title: \"A long screen\""
	echo "    blocks:"
	i=0
	while [ $i -lt 30 ]; do
		echo "      - text: \"This is a sentence that goes on for a while, number $i.\""
		i=$((i + 1))
	done
	echo "kiosk: { quick_exit: none }"
} >"$tmp/long.yaml"
expect_exit 0 "long content is still valid" -- "$bin" --check --config "$tmp/long.yaml"
expect_err "$tmp/long.yaml:2:5: warning: screen 'long' (en) is too long" "pagination is reported"
grep -q "quick_exit" "$tmp/out" "$tmp/err" && fail "quick_exit: none was warned about" || ok
# Without a Quick exit the kiosk is not safe to leave in a waiting room: a
# deleted quick_exit line is an error, and only  quick_exit: none  is a choice.
grep -v "quick_exit" "$tmp/long.yaml" >"$tmp/no-exit.yaml"
expect_exit 1 "a missing quick_exit is an error" -- "$bin" --check --config "$tmp/no-exit.yaml"
expect_err "$tmp/no-exit.yaml:1:1: error: the file has no 'kiosk:' section, so there is no Quick exit button" "a missing Quick exit is an error at the top of the file"
printf 'kiosk:\n  cycle: 12\nscreens:\n  - {id: a, title: "A", blocks: [{text: "b"}]}\n' >"$tmp/no-exit2.yaml"
expect_exit 1 "a kiosk section without quick_exit is an error" -- "$bin" --check --config "$tmp/no-exit2.yaml"
expect_err "$tmp/no-exit2.yaml:2:3: error: kiosk has no 'quick_exit'; without it there is no Quick exit button" "a missing Quick exit is an error where kiosk's settings start"
expect_err "quick_exit: none" "it says how to choose no Quick exit"

expect_exit 1 "the file may also follow --check" -- "$bin" --check "$tmp/bad.yaml"
expect_err "$tmp/bad.yaml:3:5: error: unknown key 'titel'" "the file after --check is the one checked"
expect_exit 2 "unknown option" -- "$bin" --chek
expect_err "unknown option '--chek'" "unknown option is named"
expect_exit 2 "bad size" -- "$bin" --check --size big --config "$src/config/content.yaml"
expect_exit 0 "--version" -- "$bin" --version
expect_exit 0 "--help" -- "$bin" --help
# Font coverage: a Bengali word in the Bengali text, with only DejaVu Sans
# (which has no Bengali) as its font, is reported at its line and column,
# with the font and package that would draw it. With the font set, it passes.
cat >"$tmp/bn.yaml" <<'YAML'
kiosk: { languages: [en, bn], quick_exit: none }
# Bengali
screens:
  - id: one
    title: {en: "Help", bn: "সাহায্য"}
    blocks:
      - text: {en: "Ask us.", bn: "আমাদের জিজ্ঞাসা করুন।"}
YAML
expect_exit 1 "a character no font draws is an error" -- "$bin" --check --config "$tmp/bn.yaml"
expect_err "$tmp/bn.yaml:5:30: error: the 'bn' text has 'স' (U+09B8), which the font 'DejaVu Sans' cannot draw" "the missing character is named at its line and column"
expect_err "fonts: {bn: \"Noto Sans Bengali\"}" "the fix names the font"
expect_err "$tmp/bn.yaml:5:34: error: and 18 more places in the 'bn' texts" "past the first few, one line counts the rest"
sed 's/^kiosk:/theme:\n  fonts: {bn: "Noto Sans Bengali"}\nkiosk:/' "$tmp/bn.yaml" >"$tmp/bn-font.yaml"
expect_exit 0 "with a Bengali font the same content passes" -- "$bin" --check --config "$tmp/bn-font.yaml"
sed 's/Noto Sans Bengali/Noto Sans Nowhere/' "$tmp/bn-font.yaml" >"$tmp/bn-missing.yaml"
expect_exit 1 "a per-language font that is not installed is an error" -- "$bin" --check --config "$tmp/bn-missing.yaml"
expect_err "$tmp/bn-missing.yaml:2:15: error: font 'Noto Sans Nowhere' is not installed (theme.fonts, for 'bn')" "the missing font is reported where it is named"

# What the kiosk draws, every frame of it (each language, normal and A+):
# the shipped content and the multilingual example have no control missing,
# off the screen or on another at the sizes of the panels in use. (Warnings
# may remain where the layout could not place text at A+.)
for f in config/content.yaml config/examples/multilingual.yaml; do
	for size in 800x480 1024x600 1280x800 480x800; do
		expect_exit 0 "$f at $size" -- "$bin" --check --config "$src/$f" --size $size
		grep -q ": error: " "$tmp/out" && fail "$f at $size: $(grep ': error: ' "$tmp/out" | head -3)" || ok
		# the shipped content keeps each screen's numbers on one page,
		# at A+ too (the text gives up some of its size for that), on the
		# landscape panels; in portrait at A+ the help screen's two
		# calls, each with its code under it, still take two pages (the
		# warning says so)
		if [ "$f" = config/content.yaml ] && [ $size != 480x800 ]; then
			grep -q "on different pages" "$tmp/out" && fail "$f at $size: $(grep 'on different pages' "$tmp/out" | head -2)" || ok
		fi
	done
done
# a Topics button with no room in portrait is an error at the screen's place
cat >"$tmp/topics.yaml" <<'YAML'
kiosk: { quick_exit: none }
labels: { topics: "Every topic there is on this kiosk" }
screens:
  - id: one
    title: "Help"
    blocks:
      - text: "Ask us."
YAML
expect_exit 1 "a Topics button that fits nowhere" -- "$bin" --check --size 480x800 --config "$tmp/topics.yaml"
expect_err "$tmp/topics.yaml:4:5: error: on a 480x800 screen, screen 'one' (en, after a touch): there is no room for the Topics button" "a missing control is an error where its screen is"

# Accessibility: a theme with too little contrast is an error with its ratio.
printf 'theme:\n  background: "#FFFFFF"\n  text: "#777777"\nscreens:\n  - {id: a, title: "A", blocks: [{text: "b"}]}\nkiosk: {quick_exit: none}\n' >"$tmp/grey.yaml"
expect_exit 1 "low contrast is an error" -- "$bin" --check --config "$tmp/grey.yaml"
expect_err "$tmp/grey.yaml:3:9: error: theme: the body text, text \"#777777\" on background \"#FFFFFF\", has a contrast of 4.47:1, below the 4.5:1" "contrast error names the ratio"
# The fleet's shared content (config/fleet/content.yaml.j2) is the default
# content plus the centre's screen and the per-kiosk display values: a line
# of config/content.yaml missing from it means the two have drifted apart.
grep -v -e '^  rotation: ' -e '^  diagonal_inches: ' -e 'touchscreen. Another screen? Measure it' \
	-e 'text are sized for it, and --check measures them' \
	-e '^  # --- [0-9]\. ' "$src/config/content.yaml" >"$tmp/default-lines"
missing=$(grep -v -x -F -f "$src/config/fleet/content.yaml.j2" "$tmp/default-lines" | head -3)
if [ -z "$missing" ]; then ok; else fail "config/fleet/content.yaml.j2 lacks lines of config/content.yaml: $missing"; fi
done_testing
