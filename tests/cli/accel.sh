# accel.sh — the system test's choice of accelerator (tests/system/accel.sh)
# and its time limits (toolchain/limit.sh), with no real KVM: stand-in
# qemu-system-x86_64 programs on PATH that hang (and ignore SIGTERM), abort
# as QEMU does on a nested hypervisor that refuses an MSR, start but print
# nothing, print too late, or boot; and /dev/kvm missing or present. Each
# must lead to the right accelerator, with its reason, within the probe's
# limit, and leave no stand-in running.
#   sh tests/cli/accel.sh BIN SRC      (BIN unused: ctest passes it to all)
set -u
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'pkill -KILL -f "$tmp/" 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
ok() { :; }
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
. "$src/tests/system/accel.sh"
. "$src/toolchain/limit.sh"

mkdir -p "$tmp/bin" "$tmp/work"
: >"$tmp/vmlinuz"
: >"$tmp/kvm" # a /dev/kvm that exists and opens
export SIGNPOST_VM_PROBE_SECONDS=2
PATH="$tmp/bin:$PATH"

# stand-in NAME BODY: the qemu-system-x86_64 the probe will find
stand_in() {
	{
		echo '#!/bin/sh'
		echo 'serial=""; for a; do case $a in file:*) serial=${a#file:} ;; esac; done'
		printf '%s\n' "$2"
	} >"$tmp/bin/qemu-system-x86_64"
	chmod +x "$tmp/bin/qemu-system-x86_64"
	echo "$1" >"$tmp/which"
}
# expect NAME WANT WHY-PATTERN: choose_accel picks WANT, says WHY, in time
expect() {
	t0=$(date +%s)
	choose_accel "$tmp/vmlinuz" "$tmp/work"
	t=$(($(date +%s) - t0))
	[ "$accel_name" = "$2" ] && ok || fail "$1: chose $accel_name ($accel_why), not $2"
	echo "$accel_why" | grep -q -- "$3" && ok || fail "$1: the reason '$accel_why' does not say '$3'"
	# the probe's limit, a second of slack for the last look and the kill
	[ $t -le $((SIGNPOST_VM_PROBE_SECONDS + 2)) ] && ok ||
		fail "$1: the choice took $t s, the limit is $SIGNPOST_VM_PROBE_SECONDS s"
	case $2 in
	KVM) echo "$accel" | grep -q -- '-accel kvm -cpu host' && ok || fail "$1: KVM, but the options are '$accel'" ;;
	TCG) echo "$accel" | grep -q -- '-accel tcg' && ok || fail "$1: TCG, but the options are '$accel'" ;;
	esac
	sleep 0.2
	pgrep -f "$tmp/bin/qemu" >/dev/null && fail "$1: a stand-in QEMU is still running after the choice"
	echo "$1: $accel_name ($accel_why) in $t s"
}

export SIGNPOST_KVM_DEVICE="$tmp/kvm"

# boots: the kernel's first line on the serial port
stand_in works 'echo "Linux version 6.1.0-28-amd64 (stand-in)" >"$serial"; exec sleep 100'
expect "a KVM that boots" KVM "first console line"

# aborts at once, as on the nested hypervisor of issue 25
stand_in aborts 'echo "qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69" >&2
echo "qemu-system-x86_64: ../../target/i386/kvm/kvm.c:3183: kvm_buf_set_msrs: Assertion \`ret == cpu->kvm_msr_buf->nmsrs'"'"' failed." >&2; kill -ABRT $$'
expect "a KVM that aborts" TCG "ended (status .*failed to set MSR 0x10a"

# hangs and ignores SIGTERM (QMP on stdio waiting for a quit that never comes)
stand_in hangs 'trap "" TERM INT HUP; while :; do sleep 1; done'
expect "a KVM that hangs" TCG "printed nothing on the console in 2 s"

# starts, then prints its first line only after the limit
stand_in late 'sleep 4; echo "Linux version 6.1.0 (late)" >"$serial"; exec sleep 100'
expect "a KVM too slow to boot" TCG "printed nothing"

# exits 0 at once, having printed nothing: not a boot
stand_in exits 'exit 0'
expect "a QEMU that exits at once" TCG "ended (status 0)"

# no /dev/kvm at all: no probe is run (the stand-in would say KVM)
stand_in works 'echo "Linux version 6.1.0 (stand-in)" >"$serial"; exec sleep 100'
SIGNPOST_KVM_DEVICE="$tmp/no-such-kvm" expect "no /dev/kvm" TCG "no $tmp/no-such-kvm"

# a device that cannot be opened (only meaningful when not root)
if [ "$(id -u)" != 0 ]; then
	: >"$tmp/kvm-ro" && chmod 000 "$tmp/kvm-ro"
	SIGNPOST_KVM_DEVICE="$tmp/kvm-ro" expect "an unreadable /dev/kvm" TCG "cannot be opened"
fi

# forced either way, whatever the probe would say
stand_in aborts 'kill -ABRT $$'
SIGNPOST_VM_ACCEL=kvm expect "forced kvm" KVM "forced by SIGNPOST_VM_ACCEL=kvm"
stand_in works 'echo "Linux version 6.1.0 (stand-in)" >"$serial"; exec sleep 100'
SIGNPOST_VM_ACCEL=tcg expect "forced tcg" TCG "forced by SIGNPOST_VM_ACCEL=tcg"
if SIGNPOST_VM_ACCEL=fast choose_accel "$tmp/vmlinuz" "$tmp/work" 2>"$tmp/err"; then
	fail "SIGNPOST_VM_ACCEL=fast was taken"
else
	grep -q "must be kvm or tcg" "$tmp/err" && ok || fail "SIGNPOST_VM_ACCEL=fast: no message ($(cat "$tmp/err"))"
fi

# limit: a command that ignores SIGTERM ends by SIGKILL, with a line that
# says what timed out; one that ends in time keeps its status
cat >"$tmp/stubborn" <<'EOF'
#!/bin/sh
trap "" TERM
while :; do sleep 1; done
EOF
chmod +x "$tmp/stubborn"
t0=$(date +%s)
limit 1 "the stubborn thing" "$tmp/stubborn" 2>"$tmp/err"
rc=$?
t=$(($(date +%s) - t0))
[ $rc = 124 ] && ok || fail "limit: status $rc for a command that timed out, not 124"
grep -q "TIMEOUT after 1 s: the stubborn thing" "$tmp/err" && ok || fail "limit: no TIMEOUT line ($(cat "$tmp/err"))"
[ $t -le 8 ] && ok || fail "limit: a stubborn command held it for $t s"
limit 5 "false" sh -c 'exit 3' 2>"$tmp/err"
rc=$?
[ $rc = 3 ] && ok || fail "limit: status $rc for a command that ended with 3"
[ -s "$tmp/err" ] && fail "limit: a line for a command that ended in time: $(cat "$tmp/err")"

[ $fails = 0 ] && echo "accel: ok" || echo "accel: $fails failures"
[ $fails = 0 ]
