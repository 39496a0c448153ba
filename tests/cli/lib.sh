# lib.sh — shared helpers for the command-line tests. Sourced, not run.
# Each test script gets: $1 = the signpost binary, $2 = the source tree.
# It counts checks and ends with "N passed, N failed" like the C tests.
bin=$1
src=$2
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	echo "FAIL: $*" >&2
}
# expect_exit CODE DESCRIPTION -- command...
expect_exit() {
	want=$1
	what=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else
		fail "$what: exit $got, expected $want"
		sed 's/^/    /' "$tmp/err" >&2
	fi
}
# expect_err TEXT DESCRIPTION: the last command's stderr contains TEXT
expect_err() {
	if grep -qF -- "$1" "$tmp/err"; then ok; else
		fail "$2: stderr lacks '$1'"
		sed 's/^/    /' "$tmp/err" >&2
	fi
}
done_testing() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}

. "$src/tests/xvfb.sh"
