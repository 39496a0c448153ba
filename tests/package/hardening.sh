#!/bin/sh
# tests/package/hardening.sh — every program is built hardened: a
# position-independent executable (ELF type DYN, FLAGS_1 PIE), bound at
# start (BIND_NOW, or FLAGS_1 NOW) with its relocations then read-only
# (a GNU_RELRO segment: full RELRO), with the stack protector
# (__stack_chk_fail imported) and, unless --no-fortify, glibc's checked
# functions (_FORTIFY_SOURCE: at least one __*_chk other than that).
#
#   sh tests/package/hardening.sh [--no-fortify] PATH...
#
# PATH is a program, or a folder whose every ELF program is checked
# (CMake's own CMakeFiles/ left out: its compiler probes are not ours).
# Prints one line per program, ends with "N passed, N failed" and fails if
# any failed or none was found. Called by tests/cli/hardening.sh (the build
# it runs in), tests/package/contents.sh (the package's program) and
# toolchain/cross.sh test (the cross builds). readelf reads any target's
# programs, so it runs on the build machine.
set -u

fortify=yes
if [ "${1:-}" = --no-fortify ]; then
	fortify=no
	shift
fi
[ $# -gt 0 ] || { echo "usage: sh tests/package/hardening.sh [--no-fortify] PATH..." >&2; exit 2; }
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # FILE
	f=$1
	readelf -hdlW --dyn-syms "$f" >"$tmp/elf" 2>/dev/null || { echo "FAIL: $f: not an ELF file readelf can read"; failed=$((failed + 1)); return; }
	why=""
	grep -q 'Type:[[:space:]]*DYN' "$tmp/elf" && grep -q '(FLAGS_1).*PIE' "$tmp/elf" || why="$why not PIE;"
	grep -q '(FLAGS).*BIND_NOW' "$tmp/elf" || grep -q '(FLAGS_1).* NOW' "$tmp/elf" || why="$why no BIND_NOW;"
	grep -q '^[[:space:]]*GNU_RELRO' "$tmp/elf" || why="$why no GNU_RELRO;"
	grep -q ' __stack_chk_fail' "$tmp/elf" || why="$why no stack protector (__stack_chk_fail);"
	chk=$(grep -oE ' __[a-z0-9_]+_chk(@|$| )' "$tmp/elf" | grep -v __stack_chk | sort -u | wc -l)
	[ "$fortify" = no ] || [ "$chk" -gt 0 ] || why="$why no _FORTIFY_SOURCE (no __*_chk function);"
	if [ -z "$why" ]; then
		echo "ok: $f: PIE, BIND_NOW, GNU_RELRO, stack protector$([ "$fortify" = yes ] && echo ", fortify ($chk checked functions)")"
		passed=$((passed + 1))
	else
		echo "FAIL: $f:$why"
		failed=$((failed + 1))
	fi
}

for path in "$@"; do
	if [ -d "$path" ]; then
		find "$path" -name CMakeFiles -prune -o -type f -perm -u+x -print | sort >"$tmp/files"
		while read -r f; do
			# ELF programs only (scripts and the like are not this test's)
			[ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
			check "$f"
		done <"$tmp/files"
	else
		check "$path"
	fi
done
[ $((passed + failed)) -gt 0 ] || { echo "FAIL: no program found in $*"; failed=1; }
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
