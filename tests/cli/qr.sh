# qr.sh — take-away QR codes read back by a real decoder: every code in the
# default content's --preview pictures, at 800x480 and 1920x1080, gives back
# exactly the data written in the content (zbarimg, from zbar-tools), and
# --check refuses a code too fine to scan at the size it checks.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

command -v zbarimg >/dev/null || { fail "zbarimg is needed (zbar-tools; the README's test command installs it)"; done_testing; exit 1; }

content="$src/config/content.yaml"
# the data of every qr block, as written
sed -n 's/^ *data: "\(.*\)".*$/\1/p' "$content" | sort >"$tmp/want"
[ "$(wc -l <"$tmp/want")" -ge 3 ] && ok || fail "the default content has fewer than 3 QR codes"

# decoded SIZE: every code zbarimg finds in the previews at SIZE, sorted
# (the pictures as the loop shows them: the -large- and -contrast- ones
# show the same codes again)
decoded() {
	rm -rf "$tmp/p"
	"$bin" --preview "$tmp/p" --size "$1" --config "$content" 2>/dev/null || fail "preview at $1"
	for f in "$tmp/p"/[0-9][0-9]-*-en-[0-9].png; do
		zbarimg -q --raw "$f" 2>/dev/null
	done | sort
}
for size in 800x480 1920x1080 480x800; do
	decoded $size >"$tmp/got"
	if cmp -s "$tmp/want" "$tmp/got"; then ok; else
		fail "at $size the codes decode to something else than the content's data:"
		diff "$tmp/want" "$tmp/got" | sed 's/^/    /' >&2
	fi
done
# the smallest sizes: --check accepts a shorter side of 363 px (3 px per
# module); the decoder still reads 2 px modules (a shorter side of 242 px),
# and no longer 1 px ones
expect_exit 0 "check accepts 605x363" -- "$bin" --check --size 605x363 --config "$content"
expect_exit 1 "check refuses 604x362" -- "$bin" --check --size 604x362 --config "$content"
expect_err "its squares would be 2 px" "says how fine the squares would be"
decoded 404x242 >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" && ok || fail "2 px modules (404x242) no longer decode"

# a link too long to scan on the small screen, fine on a large one
cat >"$tmp/long.yaml" <<'YAML'
screens:
  - id: web
    title: "Our website"
    blocks:
      - text: "Read more on our website."
      - qr:
          data: "https://example.org/a/very/long/link/that/makes/the/code/far/too/fine/to/scan/from/a/phone/at/arms/length/on/a/small/panel"
          caption: "Scan to open"
kiosk: { quick_exit: none }
YAML
expect_exit 1 "a code too fine to scan is refused" -- "$bin" --check --config "$tmp/long.yaml"
expect_err "$tmp/long.yaml:7:17: error: this QR code holds too much to scan on a 800x480 screen" "at the data, with the size"
expect_err "use a shorter link" "says what to do"
expect_exit 0 "the same code on a large screen" -- "$bin" --check --size 1920x1080 --config "$tmp/long.yaml"
# and read back on that large screen, exactly
"$bin" --preview "$tmp/big" --size 1920x1080 --config "$tmp/long.yaml" 2>/dev/null
got=$(zbarimg -q --raw "$tmp/big/01-web-en-1.png" 2>/dev/null)
[ "$got" = "https://example.org/a/very/long/link/that/makes/the/code/far/too/fine/to/scan/from/a/phone/at/arms/length/on/a/small/panel" ] &&
	ok || fail "the long link decodes as '$got'"
done_testing
