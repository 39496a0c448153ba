# speech.sh — what --preview says: beside each screen's picture in the
# loop, NAME.wav (16-bit mono PCM at espeak-ng's rate) and
# NAME.speech.txt (each utterance with its start, language, part and
# text, then the words espeak-ng's events named). For the default content
# and the five-language example: every WAV is speech (long enough, sound
# in most of its stretches, silence between utterances), as long as the
# transcript says; the transcript starts with the screen's title in the
# screen's language and holds its text blocks in order; the words espeak
# says it spoke are the transcript's own words. A second --preview into
# the same folder replaces them; --check warns about a language without
# a voice at the line and column where it is declared.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

command -v python3 >/dev/null || { fail "python3 is needed"; done_testing; exit 1; }

for config in config/content.yaml config/examples/multilingual.yaml; do
	out="$tmp/$(basename "$config" .yaml)"
	expect_exit 0 "$config: --preview" -- "$bin" --preview "$out" --config "$src/$config"
	expect_err "wrote what" "$config: --preview says it wrote the speech"
	if python3 - "$src/$config" "$out" >"$tmp/py" 2>&1 <<'EOF'; then ok; else
import glob, os, re, struct, sys, math
import yaml

config, out = sys.argv[1], sys.argv[2]
content = yaml.safe_load(open(config, encoding="utf-8"))
langs = content.get("kiosk", {}).get("languages", ["en"])
screens = {s["id"]: s for s in content["screens"]}
problems = []

def text_in(t, lang):
    if isinstance(t, dict):
        return t.get(lang, t[langs[0]]), (lang if lang in t else langs[0])
    return t, langs[0]

import unicodedata
def words_of(s):
    # split at spaces and punctuation (Python's \w leaves out the vowel
    # signs of Bengali and Urdu, so it is not used)
    cut = "".join(" " if unicodedata.category(ch)[0] in "PZS" else ch for ch in s)
    return cut.split()

wavs = sorted(glob.glob(os.path.join(out, "*.wav")))
pngs = [p for p in glob.glob(os.path.join(out, "[0-9][0-9]-*-[0-9].png"))
        if not re.search(r"-(large|contrast)-|-closed|/00-", p)]
if len(wavs) != len(pngs) or not wavs:
    problems.append("%d WAV files for %d pictures of the loop" % (len(wavs), len(pngs)))
for wav in wavs:
    name = os.path.basename(wav)[:-4]
    data = open(wav, "rb").read()
    if data[:4] != b"RIFF" or data[8:16] != b"WAVEfmt ":
        problems.append(name + ": not a WAV file")
        continue
    fmt, ch, rate, _, _, bits = struct.unpack("<HHIIHH", data[20:36])
    if (fmt, ch, bits) != (1, 1, 16) or data[36:40] != b"data":
        problems.append(name + ": not 16-bit mono PCM")
        continue
    n = struct.unpack("<I", data[40:44])[0] // 2
    pcm = struct.unpack("<%dh" % n, data[44:44 + 2 * n])
    seconds = n / rate
    # sound in stretches of 50 ms: most of them speech, a few pauses
    win = rate // 20
    loud = [math.sqrt(sum(x * x for x in pcm[i:i + win]) / win) > 200 for i in range(0, n - win, win)]
    share = sum(loud) / max(len(loud), 1)
    lines = open(os.path.join(out, name + ".speech.txt"), encoding="utf-8").read().split("\n")
    head = re.match(r"# ([0-9.]+) s at ([0-9]+) Hz", lines[0])
    if not head or abs(float(head.group(1)) - seconds) > 0.1 or int(head.group(2)) != rate:
        problems.append("%s: the transcript says %s, the WAV is %.1f s at %d Hz" % (name, lines[0], seconds, rate))
    utts = [l.split("\t") for l in lines[1:] if l and not l.startswith("words:")]
    heard = [l.split("words:", 1)[1].split() for l in lines[1:] if l.startswith("words:")]
    if not 2 <= seconds <= 20 * max(len(utts), 1) or share < 0.4 or share > 0.95:
        problems.append("%s: %.1f s with sound in %.0f %% of it" % (name, seconds, 100 * share))
    if not any(loud[:20]) or all(loud):
        problems.append(name + ": no speech in its first second, or no pause at all")
    m = re.match(r"[0-9]+-(.+)-([a-z]{2,3})-([0-9]+)$", name)
    sid, lang, page = m.group(1), m.group(2), int(m.group(3))
    title, tlang = text_in(screens[sid]["title"], lang)
    if not utts or utts[0][1:] != [tlang, "title", title]:
        problems.append("%s: starts with %r, not the title %r in %s" % (name, utts[0] if utts else None, title, tlang))
    # the text blocks of a screen of one page, in order
    if not os.path.exists(os.path.join(out, "%s-%s-%s-2.png" % (name.split("-")[0], sid, lang))):
        texts = [text_in(b["text"], lang) for b in screens[sid]["blocks"] if "text" in b]
        said = [(u[3], u[1]) for u in utts if u[2] == "text"]
        if said != texts:
            problems.append("%s: says the texts %r, the screen has %r" % (name, said, texts))
    # espeak's word events name words of the utterance being spoken
    if len(heard) != len(utts):
        problems.append(name + ": a words line per utterance is missing")
    # (espeak's character positions drift by one now and then, in Urdu, or
    # after digits: a word named may be part of one, never from elsewhere)
    for u, h in zip(utts, heard):
        own = words_of(u[3].lower())
        named = [w for w in h if words_of(w)]
        stray = [w for w in named if w.lower() not in u[3].lower()]
        if u[2] in ("title", "text", "item") and (not named or stray or len(named) < 0.7 * len(own)):
            problems.append("%s: espeak named %r for %r" % (name, h, u[3]))
    print("%s: %.1f s, sound in %.0f %%, %d utterances" % (name, seconds, 100 * share, len(utts)))
for p in problems:
    print("PROBLEM: " + p)
sys.exit(1 if problems else 0)
EOF
		fail "$config: the speech does not match the screens"
		grep PROBLEM "$tmp/py" >&2
	fi
done

# an Arabic screen is said in Arabic, with an Arabic voice's word events
grep -q "	ar	title	" "$tmp/multilingual/01-welcome-ar-1.speech.txt" && ok ||
	fail "the Arabic welcome screen's title is not said in Arabic"

# a second preview replaces the speech of the first (a renamed screen
# leaves none behind) and counts only pictures as what it replaced
sed 's/- id: welcome/- id: hello/' "$src/config/content.yaml" >"$tmp/renamed.yaml"
expect_exit 0 "--preview again" -- "$bin" --preview "$tmp/content" --config "$tmp/renamed.yaml"
[ ! -e "$tmp/content/01-welcome-en-1.wav" ] && [ -e "$tmp/content/01-hello-en-1.wav" ] &&
	[ ! -e "$tmp/content/01-welcome-en-1.speech.txt" ] && ok ||
	fail "a second --preview left the speech of a screen that is gone"
n=$(ls "$tmp/content"/*.png | wc -l)
expect_err "in place of the $n it held from before" "--preview counts the pictures it replaced"

# a language espeak-ng has no voice for: a warning where it is declared
sed 's/languages: \[en\]/languages: [en, tlh]/' "$src/config/content.yaml" >"$tmp/tlh.yaml"
line=$(grep -n "languages: \[en, tlh\]" "$tmp/tlh.yaml" | cut -d: -f1)
col=$(($(grep "languages: \[en, tlh\]" "$tmp/tlh.yaml" | sed 's/tlh.*//' | wc -c)))
expect_exit 0 "--check with a language without a voice" -- "$bin" --check --config "$tmp/tlh.yaml"
expect_err "$tmp/tlh.yaml:$line:$col: warning: espeak-ng has no voice for the language 'tlh'" \
	"--check warns about a language without a voice, at its place"
expect_exit 0 "--check of the default content" -- "$bin" --check --config "$src/config/content.yaml"
if grep -q "no voice" "$tmp/out"; then fail "--check warns about a voice English has"; else ok; fi

done_testing
