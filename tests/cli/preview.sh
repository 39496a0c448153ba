# preview.sh — `signpost --preview DIR`: one PNG per screen page, no display:
# as the loop shows it, at large text (A+) and in high contrast, and the
# topics and the language picker, in every language.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

expect_exit 0 "preview default content" -- "$bin" --preview "$tmp/p" --config "$src/config/content.yaml"
for id in welcome reporting advice rights havens help urgent neutral; do
	if ls "$tmp/p"/*-"$id"-en-1.png >/dev/null 2>&1; then ok; else fail "no preview for $id"; fi
	# after a touch: large text and high contrast (not the Quick exit screen,
	# where a visitor never has either: Quick exit resets them)
	for look in large contrast; do
		if [ "$id" = neutral ]; then
			ls "$tmp/p"/*-neutral-en-$look-1.png >/dev/null 2>&1 && fail "a $look picture of the Quick exit screen" || ok
		else
			ls "$tmp/p"/*-"$id"-en-$look-1.png >/dev/null 2>&1 && ok || fail "no $look preview for $id"
		fi
	done
done
# the topics, first with the screens that have phone numbers, normal and A+
for f in 00-topics-en-1.png 00-topics-en-large-1.png; do
	[ -f "$tmp/p/$f" ] && ok || fail "no $f"
done
# one language: no language picker
ls "$tmp/p"/00-languages-* >/dev/null 2>&1 && fail "a language picker for one language" || ok
for f in "$tmp/p"/*.png; do
	# a real PNG of the default size: signature, then IHDR width 800, height 480
	sig=$(od -An -tx1 -N24 "$f" | tr -d ' \n')
	case "$sig" in
	89504e470d0a1a0a0000000d4948445200000320000001e0) ok ;;
	*) fail "$f is not an 800x480 PNG ($sig)" ;;
	esac
done

expect_exit 0 "preview at 1920x1080" -- "$bin" --preview "$tmp/big" --size 1920x1080 --config "$src/config/content.yaml"
sig=$(od -An -tx1 -N24 "$tmp/big/01-welcome-en-1.png" | tr -d ' \n')
case "$sig" in 89504e470d0a1a0a0000000d494844520000078000000438) ok ;; *) fail "1920x1080 size: $sig" ;; esac

# Into a folder with pictures of an earlier preview: its own older pictures
# (07-help from when the screens came in another order; it is 03-help now) go,
# nothing else does.
mkdir "$tmp/again"
for f in 07-help-en-1.png 09-gone-pt-BR-2-closed.png notes.txt holiday.png 01-welcome-en-1.png.bak; do
	echo old >"$tmp/again/$f"
done
expect_exit 0 "preview into a folder with older pictures" -- "$bin" --preview "$tmp/again" --config "$src/config/content.yaml"
[ ! -e "$tmp/again/07-help-en-1.png" ] && ok || fail "the older 07-help picture is still there beside 03-help"
[ ! -e "$tmp/again/09-gone-pt-BR-2-closed.png" ] && ok || fail "a picture of a screen that is gone was left"
for f in notes.txt holiday.png 01-welcome-en-1.png.bak; do
	[ "$(cat "$tmp/again/$f")" = old ] && ok || fail "$f, not a picture of ours, was touched"
done
n=$(ls "$tmp/p" | wc -l)
[ "$(ls "$tmp/again" | wc -l)" -eq $((n + 3)) ] && ok || fail "expected $n pictures and 3 other files: $(ls "$tmp/again")"
expect_err "in place of the 2 it held from before" "it says it replaced the older pictures"

# several languages: each has its pictures, and the picker in each; a
# panel turned by display.rotation gives upright pictures of what it shows
expect_exit 0 "preview of the multilingual example" -- "$bin" --preview "$tmp/ml" --config "$src/config/examples/multilingual.yaml"
for f in 01-welcome-ar-1.png 01-welcome-ar-large-1.png 01-welcome-ur-contrast-1.png 00-topics-bn-large-1.png \
	00-languages-en-1.png 00-languages-ur-large-1.png; do
	[ -f "$tmp/ml/$f" ] && ok || fail "no $f"
done
sed 's/^  rotation: 0 /  rotation: 90 /' "$src/config/content.yaml" >"$tmp/turned.yaml"
grep -q "^  rotation: 90 " "$tmp/turned.yaml" || fail "the rotation line was not found to change"
expect_exit 0 "preview of a turned panel" -- "$bin" --preview "$tmp/turned" --config "$tmp/turned.yaml"
sig=$(od -An -tx1 -N24 "$tmp/turned/01-welcome-en-1.png" | tr -d ' \n')
case "$sig" in *000001e000000320) ok ;; *) fail "rotation 90 on 800x480 is not a 480x800 picture: $sig" ;; esac

printf 'screens: [\n' >"$tmp/bad.yaml"
expect_exit 1 "invalid content gives no pictures" -- "$bin" --preview "$tmp/none" --config "$tmp/bad.yaml"
if [ -z "$(ls "$tmp/none" 2>/dev/null)" ]; then ok; else fail "pictures written for invalid content"; fi

: >"$tmp/file"
expect_exit 2 "cannot write" -- "$bin" --preview "$tmp/file/sub" --config "$src/config/content.yaml"
expect_err "cannot create" "says it cannot create the folder"
done_testing
