# pictures.sh — picture files as staff and strangers make them: each kind
# --check must show or refuse, refused at the line and column that name it
# with what to do, and what --preview draws of the ones it shows.
#
# Made here with ImageMagick and python3 (a few hostile ones byte by byte):
# PNG and JPEG, a JPEG named .png, 16-bit, palette with transparency,
# interlaced (small: shown; large: refused), CMYK, animated, cut short (and
# a chunk claiming more than the file), a
# 1 KB PNG that claims 30000x30000, over 8 MB, a link, a link on the way,
# a FIFO, a missing file, an EXIF-turned photo; and a picture too small
# for its box (warned about: blurred).
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

command -v convert >/dev/null || { fail "ImageMagick's convert is needed"; done_testing; exit 1; }
command -v python3 >/dev/null || { fail "python3 is needed"; done_testing; exit 1; }

d="$tmp/c"
mkdir -p "$d/pics"
# content.yaml naming FILE in a picture block (line 9, column 17)
content() {
	cat >"$d/content.yaml" <<EOF
kiosk:
  quick_exit: none
screens:
  - id: way
    title: "Where to find us"
    blocks:
      - text: "Reception is on the left."
      - picture:
          file: $1
          alt: "Map of the ground floor"
EOF
}
# shows FILE WHAT: --check accepts it
shows() {
	content "$1"
	expect_exit 0 "$2: shown" -- "$bin" --check --size 800x480 --config "$d/content.yaml"
}
# refuses FILE TEXT WHAT: --check refuses it at 9:17 with TEXT
refuses() {
	content "$1"
	expect_exit 1 "$3: refused" -- "$bin" --check --size 800x480 --config "$d/content.yaml"
	expect_err "content.yaml:9:17: error: the picture '$1': $2" "$3: said where and why"
}

convert -size 400x200 xc:'#d02020' "$d/red.png"
convert -size 400x200 xc:'#20a020' -quality 90 "$d/green.jpg"
shows red.png "a PNG"
expect_err "picture: 'red.png', 400 x 200 pixels: \"Map of the ground floor\"" "--check prints the picture and its words"
shows green.jpg "a JPEG"
cp "$d/green.jpg" "$d/pics/named-wrong.png"
shows pics/named-wrong.png "a JPEG named .png, in a folder"
convert -size 400x200 xc:'#2020d0' -depth 16 "png48:$d/deep.png"
shows deep.png "a 16-bit PNG"
convert -size 400x200 xc:'#d02020' -fill none -draw "rectangle 0,0 50,50" -transparent '#d02020' -colors 4 "png8:$d/pal.png"
shows pal.png "a palette PNG with transparency"
convert -size 400x200 xc:'#d0d020' -interlace PNG "$d/inter.png"
shows inter.png "a small interlaced PNG"
convert -size 2400x2000 xc:'#d0d020' -interlace PNG "$d/inter-big.png"
refuses inter-big.png "it is an interlaced PNG of 2400 x 2000 pixels" "a large interlaced PNG"
convert -size 400x200 xc:'#d02020' -colorspace CMYK "$d/cmyk.jpg"
refuses cmyk.jpg "it is a CMYK JPEG" "a CMYK JPEG"

python3 - "$d" <<'EOF'
import struct, sys, zlib
d = sys.argv[1]
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = open(d + "/red.png", "rb").read()
ihdr_end = 8 + 25
# animated: an acTL chunk before the image data
open(d + "/anim.png", "wb").write(png[:ihdr_end] + chunk(b"acTL", struct.pack(">II", 2, 0)) + png[ihdr_end:])
# cut short in the middle of its data
open(d + "/cut.png", "wb").write(png[: len(png) // 2])
# a text chunk before the image data that claims 1.9 GB in a file of a
# few bytes (libpng would allocate the claimed length first: the fuzz
# target's find, tests/regression/pictures/oom-truncated-text-palette.png)
open(d + "/claims.png", "wb").write(png[:ihdr_end] + struct.pack(">I", 0x75000004) + b"tEXtdate" + b"\0" * 8)
# 1 KB that claims 30000 x 30000
ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 6, 0, 0, 0)
bomb = png[:8] + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 900)) + chunk(b"IEND", b"")
open(d + "/bomb.png", "wb").write(bomb)
# a JPEG turned by EXIF: stored 400 x 200, orientation 6 (shown 200 x 400)
jpg = open(d + "/green.jpg", "rb").read()
tiff = b"MM\0\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, 6, 0) + struct.pack(">I", 0)
app1 = b"Exif\0\0" + tiff
open(d + "/turned.jpg", "wb").write(jpg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpg[2:])
# a JPEG cut short: its data ends early
open(d + "/cut.jpg", "wb").write(jpg[: len(jpg) * 2 // 3])
# over 8 MB
open(d + "/huge.png", "wb").write(png + b"\0" * (8 << 20))
# not a picture at all, named as one
open(d + "/text.png", "wb").write(b"hello, this is not a picture\n")
EOF
refuses anim.png "it is an animated PNG" "an animated PNG"
refuses cut.png "it is damaged or cut short" "a PNG cut short"
refuses claims.png "it is damaged or cut short (a part of it claims 1962934276 bytes, more than the file has)" "a PNG chunk that claims more than the file"
refuses bomb.png "it says it is 30000 x 30000 pixels, more than a kiosk shows (a PNG of at most 16 million" "a 1 KB PNG that claims 30000x30000"
refuses cut.jpg "it is damaged or cut short" "a JPEG cut short"
refuses huge.png "the file is " "a file over 8 MB"
expect_err "bytes, more than the 8 MB (8388608 bytes) a picture may be" "a file over 8 MB: the limit said"
refuses text.png "it is not a PNG or JPEG picture" "text named .png"
shows turned.jpg "an EXIF-turned JPEG"
expect_err "'turned.jpg', 200 x 400 pixels" "its EXIF orientation turns it"
refuses missing.png "there is no such file next to the content file" "a missing file"
ln -s red.png "$d/link.png"
refuses link.png "it is a link" "a link"
ln -s pics "$d/linkdir"
refuses linkdir/named-wrong.png "it is a link" "a link to a folder on the way"
ln -s /etc/hostname "$d/out.png"
refuses out.png "it is a link" "a link out of the folder"
mkfifo "$d/fifo.png"
content fifo.png
timeout 10 "$bin" --check --size 800x480 --config "$d/content.yaml" >"$tmp/out" 2>"$tmp/err"
[ $? = 1 ] && ok || fail "a FIFO: refused without waiting for a writer"
expect_err "it is not a regular file" "a FIFO: said"

# too small for its box: shown, with a warning that it will look blurred
convert -size 60x30 xc:'#d02020' "$d/small.png"
content small.png
expect_exit 0 "a small picture: shown" -- "$bin" --check --size 800x480 --config "$d/content.yaml"
expect_err "content.yaml:9:17: warning: the picture 'small.png' is 60 x 30 pixels but is shown up to" "a small picture: warned about"

# --preview draws it: the red picture's pixels are on the screen, in the
# body, in its colour; the EXIF-turned one is taller than it is wide
content red.png
"$bin" --preview "$tmp/pv" --size 800x480 --config "$d/content.yaml" 2>/dev/null || fail "preview"
red=$(convert "$tmp/pv/01-way-en-1.png" -fill black +opaque '#d02020' -fill white -opaque '#d02020' -format '%[fx:int(mean*w*h)]' info:)
[ "${red:-0}" -gt 20000 ] && ok || fail "the preview shows $red pixels of the red picture's colour, expected its box (over 20000)"
content turned.jpg
"$bin" --preview "$tmp/pv" --size 800x480 --config "$d/content.yaml" 2>/dev/null || fail "preview of the turned JPEG"
box=$(convert "$tmp/pv/01-way-en-1.png" -fuzz 10% -fill black +opaque '#20a020' -fill white -opaque '#20a020' -trim -format '%w %h' info: 2>/dev/null)
set -- $box
[ "${1:-0}" -gt 0 ] && [ "${2:-0}" -gt "${1:-0}" ] && ok || fail "the turned JPEG is drawn $box (w h), expected taller than wide"
done_testing
