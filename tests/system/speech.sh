# tests/system/speech.sh — sourced by vm.sh: speech on the console, as a
# visitor meets it. The guest has a USB sound card (QEMU's usb-audio,
# which calls itself "USB Audio"), recorded on the host as it plays
# ($out/speech.wav: -audiodev wav, 22050 Hz stereo: QEMU would sum the
# two channels of the card into one, twice as loud, clipped), and a USB keypad made
# in the guest with uinput (tests/system/keypad.c). Checked:
#   - with the default setting (a headset only) the kiosk opens no output:
#     the sound card is no headset, and the journal says which it saw;
#   - content naming the output ("USB Audio") is taken by a reload, and
#     the kiosk opens it inside its sandbox (ALSA through /dev/snd);
#   - the keypad's first key makes sound in the recording, and what is
#     heard is the screen's title as --preview says it (heard.py matches
#     each loop screen's preview WAV, as the loop may be on any of them:
#     the loudness every 10 ms picks the screen, and its title's rhythm
#     of sound and pauses must be there too);
#   - the numeric keypad's "." (Quick exit) stops it: no sound after,
#     and the neutral screen is on the panel;
#   - the content is put back afterwards (a headset only, by default);
#   - a headphone socket that reports its plug (keypad.c -j: an input
#     device named after the card, as Linux gives a sound card's jack):
#     the plug in opens the card and speech is heard without a key, the
#     plug out closes it and the recording is silent after.
# Prints when the sound started and stopped, measured in the recording.
wav="$out/speech.wav"
heard() { python3 "$src/tests/cli/heard.py" "$@"; }
# frames recorded so far; left FILE: the recording's left channel, as
# heard.py reads it (16-bit mono), so a frame count times 2 is a byte in it
frames() { echo $((($(stat -c %s "$wav") - 44) / 4)); }
left() {
	python3 -c 'import sys; d = open(sys.argv[1], "rb").read()[44:]; n = len(d) // 4 * 4
sys.stdout.buffer.write(b"".join(d[i:i + 2] for i in range(0, n, 4)))' "$wav" >"$1"
}

t=$(now)
line=$(g "journalctl -u signpost -b -o cat | grep 'speech:' | tail -n 1" || true)
case $line in
*"no sound output named as headphones or a headset"*"USB Audio"*)
	ok "speech, by default: no output opened, the USB sound card is no headset ($(echo "$line" | cut -c1-110)...)" ;;
*) bad "speech, by default: expected no output and the USB card among those seen, the journal says: $line" ;;
esac

# the content, naming the card; a reload takes it
g "cp /etc/signpost/content.yaml /root/content-before-speech.yaml &&
   sed 's/^  output: headset /  output: \"USB Audio\" /' /root/content-before-speech.yaml >/etc/signpost/content.yaml &&
   grep -q '^  output: \"USB Audio\"' /etc/signpost/content.yaml &&
   signpostctl reload" >"$out/speech-reload.log" 2>&1 || bad "the content naming the USB output was not taken: $(tail -n 1 "$out/speech-reload.log")"
end=$(deadline 30)
until g "journalctl -u signpost -b -o cat | grep -q \"speech: through the sound output '.*USB Audio\"" 2>/dev/null; do
	before "$end" || break
	sleep 1
done
line=$(g "journalctl -u signpost -b -o cat | grep 'speech:' | tail -n 1" || true)
case $line in
*"through the sound output"*) ok "speech: the output named in the content is open, in the sandbox: $line" ;;
*) bad "speech: the USB output was not opened: $line" ;;
esac

# the audio host-side: the loop screens as --preview says them, at the VM's size
"$src/build/signpost" --preview "$out/speech-preview" --size ${W}x$H --config "$src/config/content.yaml" >/dev/null 2>&1 ||
	bad "--preview of the content for speech failed"
[ -s "$wav" ] || bad "QEMU recorded nothing to $wav"
mark=$(($(frames) * 2))
g "./keypad -w 2500 down:9000 kpdot:2500" >"$out/keypad.log" 2>&1 || bad "the keypad in the guest failed: $(tail -n 1 "$out/keypad.log")"
sleep 1
after=$(($(frames) * 2))
sleep 3
left "$out/speech-left.raw"
stopped=$(heard silent "$out/speech-left.raw" "$after" || true)
if [ "$stopped" = 0 ]; then ok "speech: silence after Quick exit (3 s recorded)"; else bad "speech: $stopped samples of sound after Quick exit"; fi
if is_neutral speech-quick-exit 6; then ok "speech: the keypad's Quick exit shows the neutral screen ($n pixels differ)"; else bad "speech: the keypad's Quick exit did not show the neutral screen ($n pixels differ)"; fi

# what was heard: sound from the first key to Quick exit, and the title of
# the screen on view among it
python3 - "$out/speech-left.raw" "$mark" "$after" >"$out/speech-span.txt" <<'EOF' || true
import array, sys
data = open(sys.argv[1], "rb").read()
a = array.array("h"); a.frombytes(data[int(sys.argv[2]):int(sys.argv[3])][: (int(sys.argv[3]) - int(sys.argv[2])) // 2 * 2])
loud = [i for i, x in enumerate(a) if abs(x) > 300]
print("%.2f %.2f" % ((loud[0] / 22050, loud[-1] / 22050) if loud else (-1, -1)))
EOF
set -- $(cat "$out/speech-span.txt") -1 -1
first=$1 last=$2
best=0 best_name= near=99 near_name= near_at= alike=
for w in "$out"/speech-preview/0[1-9]-*-en-1.wav; do
	[ -e "$w" ] || continue
	ts="${w%.wav}.speech.txt"
	# the title: from 0 to the next utterance's start, less its pause
	end_t=$(awk -F'\t' '!/^#/ && !/^words:/ { n++; if (n == 2) { print $1 - 0.4; exit } }' "$ts")
	[ -n "$end_t" ] || continue
	set -- $(heard find "$out/speech-left.raw" "$mark" "$w" 0 "$end_t")
	if awk "BEGIN { exit !($1 > $best) }"; then best=$1 best_name=$(basename "$w" .wav); fi
	# and the rhythm of its stretches of sound
	set -- $(heard stretches "$out/speech-left.raw" "$mark" "$w" "$end_t")
	if awk "BEGIN { exit !($1 <= 0.2) }"; then alike="$alike $(basename "$w" .wav)"; fi
	if awk "BEGIN { exit !($1 < $near) }"; then near=$1 near_name=$(basename "$w" .wav) near_at=$2; fi
done
if awk "BEGIN { exit !($first >= 0 && $last > $first) }"; then
	ok "speech: sound from $first s to $last s after the keypad was made (first key at 2.5 s, Quick exit at 11.5 s, plus the keypad's start over ssh)"
else
	bad "speech: no sound recorded after the first key"
fi
if awk "BEGIN { exit !($last >= 0 && $last < 14.5) }"; then ok "speech: the sound ended with Quick exit"; else bad "speech: the sound went on after Quick exit (until $last s)"; fi
# Under emulation the guest's card bends the loudness of a saying (a
# correlation of 0.97 on one run, 0.75 on the next for the same title) but
# not where its pauses fall. The title counts as heard when the screen
# whose title's loudness matches best is one whose rhythm (its stretches
# of sound and the pauses between, as --preview says it) is in the
# recording just after the intro, within 0.2 s in all; or when the
# loudness alone matches closely (correlation over 0.85). Two loop titles'
# rhythms may both be near (now and help were), so the rhythm alone does
# not decide.
case "$alike " in
*" $best_name "*) ok "speech: what was heard is the title of $best_name as --preview says it (loudness correlation $best; its rhythm among those within 0.2 s:$alike)" ;;
*)
	if awk "BEGIN { exit !($best > 0.85) }"; then
		ok "speech: what was heard is the title of $best_name as --preview says it (loudness correlation $best; rhythm closest to $near_name, $near s off)"
	else
		bad "speech: the title of no loop screen was heard (loudness closest to $best_name, $best; rhythm within 0.2 s:${alike:- none}, closest $near_name, $near s off)"
	fi ;;
esac

# the content as it was
g "cp /root/content-before-speech.yaml /etc/signpost/content.yaml && signpostctl reload" >/dev/null 2>&1 ||
	bad "the content could not be put back after the speech checks"

# a headphone socket that reports a plug (the card's jack, made with
# uinput under the card's name): with the default setting the card is no
# headset by its name, but a plug in its socket makes it one
mark=$(($(frames) * 2))
g "./keypad -j 'QEMU USB Audio Headphone' -w 2500 in:4000 out:1" >"$out/jack.log" 2>&1 ||
	bad "the headphone socket in the guest failed: $(tail -n 1 "$out/jack.log")"
# QEMU records only while the guest has the card open, and writes what it
# recorded a little later: here the card is open from the plug in to the
# plug out, so the recording since the mark is those 4 s
sleep 2
unplugged=$(($(frames) * 2))
sleep 3
left "$out/speech-left.raw"
journal=$(g "journalctl -u signpost -b -o cat | grep 'speech:' | tail -n 6" || true)
case $journal in
*"socket 'QEMU USB Audio Headphone' says nothing is plugged in"*"says headphones are plugged in"*"through the sound output '"*"USB Audio"*"says they were taken out"*"stopped: nothing is plugged into"*)
	ok "speech: a headphone socket is seen, its plug in opens its card, its plug out closes it (journal: $(echo "$journal" | tr '\n' '|' | cut -c1-200)...)" ;;
*) bad "speech: the headphone socket's plug did not open and close the card; the journal says: $(echo "$journal" | tr '\n' '|')" ;;
esac
set -- $(python3 - "$out/speech-left.raw" "$mark" "$unplugged" <<'EOF2' || true
import array, sys
data = open(sys.argv[1], "rb").read()
a = array.array("h"); a.frombytes(data[int(sys.argv[2]):int(sys.argv[3])][: (int(sys.argv[3]) - int(sys.argv[2])) // 2 * 2])
loud = [i for i, x in enumerate(a) if abs(x) > 300]
print("%.2f %.2f" % ((loud[0] / 22050, loud[-1] / 22050) if loud else (-1, -1)))
EOF2
) -1 -1
held=$(awk "BEGIN { printf \"%.2f\", ($unplugged - $mark) / 2 / 22050 }")
if awk "BEGIN { exit !($1 >= 0 && $1 < 1.5) }"; then
	ok "speech: the plug in was heard with no key pressed: sound $1 s after the card opened, to $2 s (the card open for $held s: the plug was in for 4 s)"
else
	bad "speech: no sound within 1.5 s of the plug going into the socket (the recording since: $held s, sound from $1 s)"
fi
if awk "BEGIN { exit !($held < 5.5) }"; then ok "speech: the card was closed with the plug out (open $held s in all)"; else bad "speech: the card stayed open after the plug came out ($held s recorded)"; fi
stopped=$(heard silent "$out/speech-left.raw" "$unplugged" || true)
if [ "$stopped" = 0 ]; then ok "speech: silence after the plug came out (3 s more)"; else bad "speech: $stopped samples of sound after the plug came out"; fi

echo "time speech: $(since "$t") s"
