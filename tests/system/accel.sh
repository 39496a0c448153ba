# tests/system/accel.sh — which accelerator the system test's guest runs on.
# Sourced; POSIX sh.
#
#   choose_accel KERNEL WORKDIR
#
# sets $accel (QEMU's options), $accel_name (KVM or TCG) and $accel_why (one
# line: why). KVM is chosen only after it has been seen to run a guest: the
# kernel KERNEL, booted under `-accel kvm -cpu host` (the options the real
# boot uses) with its console on the serial port, prints its first line
# ("Linux version ...") within $SIGNPOST_VM_PROBE_SECONDS (8 s unless
# told). A working KVM prints it in well under a second. No /dev/kvm, one
# that cannot be opened, a QEMU that aborts (as on nested hypervisors that
# refuse an MSR), one that hangs, or one that starts but prints nothing:
# each falls back to TCG, and $accel_why says which. The probe QEMU is
# killed when it has answered or when the time is up, whatever it does.
#
# SIGNPOST_VM_ACCEL=kvm or tcg forces either, without a probe.
# SIGNPOST_KVM_DEVICE (default /dev/kvm) is for the test of this choice
# (tests/cli/accel.sh), which puts stand-in QEMUs on PATH.
choose_accel() {
	_kernel=$1 _work=$2
	_dev=${SIGNPOST_KVM_DEVICE:-/dev/kvm}
	_limit=${SIGNPOST_VM_PROBE_SECONDS:-8}
	_kvm="-accel kvm -cpu host"
	_tcg="-accel tcg,thread=multi -cpu Nehalem"
	case ${SIGNPOST_VM_ACCEL:-} in
	kvm)
		accel=$_kvm accel_name=KVM accel_why="forced by SIGNPOST_VM_ACCEL=kvm"
		return 0
		;;
	tcg)
		accel=$_tcg accel_name=TCG accel_why="forced by SIGNPOST_VM_ACCEL=tcg"
		return 0
		;;
	'') ;;
	*)
		echo "accel: SIGNPOST_VM_ACCEL must be kvm or tcg, not '$SIGNPOST_VM_ACCEL'" >&2
		return 2
		;;
	esac
	accel=$_tcg accel_name=TCG
	if [ ! -e "$_dev" ]; then
		accel_why="no $_dev"
		return 0
	fi
	if ! { : <>"$_dev"; } 2>/dev/null; then
		accel_why="$_dev cannot be opened for reading and writing"
		return 0
	fi
	_log=$_work/kvm-probe.serial _err=$_work/kvm-probe.err
	: >"$_log"
	: >"$_err"
	# no disk: the kernel panics a little later, and -no-reboot ends it
	# shellcheck disable=SC2086
	qemu-system-x86_64 -machine q35 $_kvm -m 256 -nodefaults -display none \
		-no-reboot -monitor none -serial file:"$_log" -kernel "$_kernel" \
		-append "console=ttyS0 panic=-1" </dev/null >/dev/null 2>"$_err" &
	_pid=$!
	_t=0 _seen="" _ended=""
	while [ "$_t" -lt $((_limit * 10)) ]; do
		if grep -q 'Linux version' "$_log" 2>/dev/null; then
			_seen=yes
			break
		fi
		kill -0 "$_pid" 2>/dev/null || { _ended=yes; break; }
		sleep 0.1
		_t=$((_t + 1))
	done
	# a last look: it may have printed the line and ended between two looks
	[ -n "$_seen" ] || ! grep -q 'Linux version' "$_log" 2>/dev/null || _seen=yes
	kill -KILL "$_pid" 2>/dev/null
	wait "$_pid" 2>/dev/null
	_rc=$?
	if [ -n "$_seen" ]; then
		accel=$_kvm accel_name=KVM
		accel_why="KVM booted the kernel to its first console line in $(awk -v t="$_t" 'BEGIN { printf "%.1f", t / 10 }') s"
	elif [ -n "$_ended" ]; then
		# its first line says why (QEMU's "error: failed to set MSR ...")
		_msg=$(grep -v '^[[:space:]]*$' "$_err" | head -n 1 | cut -c1-120)
		accel_why="QEMU under KVM ended (status $_rc) before the kernel printed anything${_msg:+: $_msg}"
	else
		accel_why="QEMU under KVM printed nothing on the console in $_limit s"
	fi
	return 0
}
