# verdict.sh — one verdict: every gate gives the running kiosk's own. The
# kiosk (here at 1280x800) records the output it checks at in its status;
# `signpost --check` with no --size and signpostctl check, reload and
# restart's check use it. A QR code that is too dense for 800x480 but fine
# at 1280x800 passes the gates of a 1280x800 kiosk, and one too dense for
# 1280x800 is refused by them; the other way round, buttons with long
# words that fit across 800x480 (5:3) but not across 1280x800 (16:10, the
# buttons are sized by the height) pass at 800x480 and are refused by the
# 1280x800 kiosk's gates. Reload confirms only what the kiosk says:
# when the kiosk refuses a file the gate passed (here: its check crashes,
# through the test builds' fault hook), reload exits 1 with the kiosk's
# problems instead of waiting and saying nothing.
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null || { fail "Xvfb is needed"; done_testing; exit 1; }
need_fault_hook
start_xvfb 1280x800
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
ctl="$src/config/signpostctl"
export SIGNPOST_BIN="$bin" SIGNPOST_CONFIG="$tmp/c.yaml" SIGNPOST_STATUS="$tmp/status"
qr() { # LINK-LENGTH [TITLE]
	cat <<YAML
kiosk: { quick_exit: neutral }
screens:
  - id: one
    title: "${2:-Help}"
    blocks:
      - text: "Scan for more."
      - qr: { data: "https://example.org/$(printf "%${1}s" | tr ' ' a)", caption: "Scan" }
  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }
YAML
}
wide() { # the default content with 44-character words on two buttons
	w="Quick exit now please leave Quick exit now p"
	sed "s/^  help_prefix: \"Talk to someone:\" /  help_prefix: \"Talk to someone:\"\n  quick_exit: \"$w\"\n  topics: \"$w\"\n/" \
		"$src/config/content.yaml"
}
get() { sed -n "s/^$1=//p" "$tmp/status" | head -n 1; }

# the files the test relies on: 60 characters fit at 1280x800 only
qr 60 >"$tmp/fits-1280.yaml"
qr 200 >"$tmp/too-dense.yaml"
expect_exit 1 "--check at 800x480 refuses the 60-character code" -- "$bin" --check --size 800x480 --config "$tmp/fits-1280.yaml"
expect_exit 0 "--check at 1280x800 takes it" -- "$bin" --check --size 1280x800 --config "$tmp/fits-1280.yaml"
expect_exit 1 "--check at 1280x800 refuses the 200-character code" -- "$bin" --check --size 1280x800 --config "$tmp/too-dense.yaml"
wide >"$tmp/fits-800.yaml"
grep -q '^  quick_exit: "Quick exit now' "$tmp/fits-800.yaml" && ok || fail "the long buttons were not made (config/content.yaml changed?)"
expect_exit 0 "--check at 800x480 takes buttons with 44-character words" -- "$bin" --check --size 800x480 --config "$tmp/fits-800.yaml"
expect_exit 1 "--check at 1280x800 refuses them" -- "$bin" --check --size 1280x800 --config "$tmp/fits-800.yaml"

qr 10 >"$tmp/c.yaml"
SIGNPOST_TEST_FAULT=crash:CRASH-ME "$bin" --window 1280x800 --status "$tmp/status" --config "$tmp/c.yaml" 2>"$tmp/kiosk.log" &
pid=$!
i=0
while [ ! -s "$tmp/status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(get output)" = 1280x800 ] && ok || fail "the status does not say the output: $(get output)"
[ -n "$(get rotation)" ] && [ -n "$(get diagonal_inches)" ] && ok || fail "the status lacks rotation or diagonal"

# --check with no --size: at the running kiosk's screen, and it says so
expect_exit 0 "--check of a running 1280x800 kiosk takes what fits at 1280x800" -- \
	"$bin" --check --status "$tmp/status" --config "$tmp/fits-1280.yaml"
expect_err "checking at 1280x800, the running kiosk's screen" "--check says which size"
expect_exit 1 "--check of a running 1280x800 kiosk refuses what is too dense for it" -- \
	"$bin" --check --status "$tmp/status" --config "$tmp/too-dense.yaml"
# as ExecReload runs it: systemd names the unit's runtime folders in
# RUNTIME_DIRECTORY, ':' between them; the status is in the first
expect_exit 0 "--check under the unit's RUNTIME_DIRECTORY (several folders)" -- \
	env RUNTIME_DIRECTORY="$tmp:$tmp/cache" "$bin" --check --config "$tmp/fits-1280.yaml"
expect_err "checking at 1280x800" "--check finds the status in the first runtime folder"
expect_exit 1 "--check with no kiosk still checks at 800x480" -- \
	"$bin" --check --status "$tmp/no-such-status" --config "$tmp/fits-1280.yaml"
expect_exit 1 "--check of a running 1280x800 kiosk refuses what fits only at 800x480" -- \
	"$bin" --check --status "$tmp/status" --config "$tmp/fits-800.yaml"
expect_err "Quick exit" "--check says which button does not fit"

# signpostctl: the same verdict as the kiosk's, both ways
cp "$tmp/fits-1280.yaml" "$tmp/c.yaml"
expect_exit 0 "signpostctl check: what the 1280x800 kiosk takes" -- sh "$ctl" check
expect_exit 0 "signpostctl reload: shown" -- sh "$ctl" reload
[ "$(get content_sha256)" = "$(sha256sum "$tmp/c.yaml" | cut -d' ' -f1)" ] && ok || fail "reload: not on screen"
cp "$tmp/too-dense.yaml" "$tmp/c.yaml"
expect_exit 1 "signpostctl check: what the 1280x800 kiosk refuses" -- sh "$ctl" check
expect_exit 1 "signpostctl reload: refused before the kiosk is touched" -- sh "$ctl" reload
cp "$tmp/fits-800.yaml" "$tmp/c.yaml"
expect_exit 1 "signpostctl check: what fits at 800x480 but not on the 1280x800 kiosk" -- sh "$ctl" check
sleep 1 # the kiosk's own reload of the save: refused by the kiosk too
expect_exit 1 "signpostctl reload: refused" -- sh "$ctl" reload
[ "$(get content_sha256)" = "$(sha256sum "$tmp/fits-1280.yaml" | cut -d' ' -f1)" ] && ok || fail "the kiosk does not show the last file it took"

# a file the gate passes but the kiosk refuses: reload says so, at once
qr 10 "CRASH-ME" >"$tmp/c.yaml"
sleep 1 # the kiosk's own reload of the save, which it refuses too
t0=$(date +%s)
expect_exit 1 "signpostctl reload of a file the kiosk refuses" -- sh "$ctl" reload
[ $(($(date +%s) - t0)) -lt 20 ] && ok || fail "reload waited for its time limit instead of the kiosk's answer"
expect_err "the kiosk refused" "reload says the kiosk refused it"
expect_err "the check of this file crashed" "reload prints the kiosk's problem"
kill -0 $pid && ok || fail "the kiosk died"
done_testing
