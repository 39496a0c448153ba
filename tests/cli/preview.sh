# preview.sh — `signpost --preview DIR`: one PNG per screen page, no display.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

expect_exit 0 "preview default content" -- "$bin" --preview "$tmp/p" --config "$src/config/content.yaml"
for id in welcome reporting advice rights havens help urgent neutral; do
	if ls "$tmp/p"/*-"$id"-en-1.png >/dev/null 2>&1; then ok; else fail "no preview for $id"; fi
done
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

printf 'screens: [\n' >"$tmp/bad.yaml"
expect_exit 1 "invalid content gives no pictures" -- "$bin" --preview "$tmp/none" --config "$tmp/bad.yaml"
if [ -z "$(ls "$tmp/none" 2>/dev/null)" ]; then ok; else fail "pictures written for invalid content"; fi

: >"$tmp/file"
expect_exit 2 "cannot write" -- "$bin" --preview "$tmp/file/sub" --config "$src/config/content.yaml"
expect_err "cannot create" "says it cannot create the folder"
done_testing
