# toolchain/limit.sh — time limits for the test command's outside calls
# (QEMU, ssh, scp, QMP, X tools, debootstrap, whole stages), so that nothing
# it runs can wait forever. Sourced by dev.sh, cross.sh and the system test; POSIX sh.
#
#   limit SECONDS WHAT COMMAND [ARG...]
#
# runs COMMAND with its standard streams, and returns its status. If it has
# not ended after SECONDS it gets SIGTERM, then SIGKILL 5 s later, and one
# line "TIMEOUT after SECONDS s: WHAT" goes to stderr; the status is then
# 124 (coreutils' timeout), which callers treat as any other failure.
limit() {
	_secs=$1 _what=$2
	shift 2
	timeout -k 5 "$_secs" "$@"
	_rc=$?
	if [ $_rc = 124 ] || [ $_rc = 137 ]; then
		echo "TIMEOUT after $_secs s: $_what" >&2
		return 124
	fi
	return $_rc
}
