# hardening.sh — every program this build made (the kiosk, the tests, the
# helpers) is hardened as CMakeLists.txt asks, from source with no flags
# given: PIE, BIND_NOW, full RELRO and the stack protector always, and
# _FORTIFY_SOURCE in the optimised builds that are not sanitizer builds
# (tests/package/hardening.sh does the looking; the packages are checked by
# tests/package/contents.sh).
. "$(dirname "$0")/lib.sh"
build=$(dirname "$bin")
cache="$build/CMakeCache.txt"
[ -r "$cache" ] && ok || fail "no CMakeCache.txt beside $bin"
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
sanitize=$(sed -n 's/^SIGNPOST_SANITIZE:[A-Z]*=//p' "$cache")
fortify=""
case "$type:$sanitize" in
Debug:* | *:ON | *:on | *:1 | *:TRUE | *:YES) fortify=--no-fortify ;;
esac
sh "$src/tests/package/hardening.sh" $fortify "$build" >"$tmp/report" 2>&1 && ok ||
	fail "$(grep -v '^ok: ' "$tmp/report")"
# all of them: the kiosk, every unit test, the helpers
n=$(grep -c '^ok: ' "$tmp/report")
want=$(($(ls "$src"/tests/unit/test_*.c | wc -l) + 4)) # signpost, notify_listen, render_frame, pages
[ "$n" -ge "$want" ] && ok || fail "only $n programs checked, expected at least $want: $(cat "$tmp/report")"
grep -q "^ok: $build/signpost:" "$tmp/report" && ok || fail "the kiosk itself was not checked"
echo "($type build, sanitizers ${sanitize:-OFF}: $n programs$([ -z "$fortify" ] && echo ", fortify expected"))"
done_testing
