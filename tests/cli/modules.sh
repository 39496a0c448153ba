# modules.sh — firmware/README.md's module map is true to the tree: every
# file it names under firmware/core/ or firmware/sdl/ exists there, and
# every .c file in those folders is named (a new file gets its line).
. "$(dirname "$0")/lib.sh"
readme="$src/firmware/README.md"
# the map: the text block that opens with "firmware/core/"; NAME<TAB>FOLDER
awk '
	/^```/ { if (inmap) exit; block = !block; next }
	block && /^firmware\/core\// { inmap = 1 }
	inmap && /^firmware\/[a-z]+\// { split($1, p, "/"); dir = p[2] }
	inmap && /^  [a-z_0-9]+\.[ch] / { print $1 "\t" dir }
' "$readme" >"$tmp/map"
[ -s "$tmp/map" ] && ok || fail "no module map found in firmware/README.md"
while IFS="$(printf '\t')" read -r name dir; do
	[ -e "$src/firmware/$dir/$name" ] && ok ||
		fail "firmware/README.md's module map names firmware/$dir/$name, which does not exist"
done <"$tmp/map"
for dir in core sdl; do
	for f in "$src/firmware/$dir"/*.c; do
		name=$(basename "$f")
		grep -q "^$name	$dir\$" "$tmp/map" && ok ||
			fail "firmware/$dir/$name is not in firmware/README.md's module map: give it a line"
	done
done
done_testing
