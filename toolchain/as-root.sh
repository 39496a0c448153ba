# as-root.sh — as_root COMMAND...: run it as root (directly when we are
# root, else through sudo). Sourced by dev.sh and cross.sh.
as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "$(basename "$0"): need root to install packages: run as root or install sudo" >&2
		exit 2
	fi
}
# $root_prefix: the same as a word to put before a program (empty or
# "sudo"), for where a shell function cannot go (under timeout, in limit)
root_prefix=""
[ "$(id -u)" = 0 ] || root_prefix=sudo
