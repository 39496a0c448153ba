#!/usr/bin/env python3
"""start_time.py — tests/bench/start_time.sh's measurements, side by side in
one run (SDL's dummy video driver, 1280x800): first frame (exec to READY=1
on our own NOTIFY_SOCKET) of the bare SDL2+SDL2_ttf program and of signpost
on the default and the five-language content, cold (no remembered verdict),
warm, and with the file changed since the last start (the last good copy
remembered: shown first, the file checked after it); the peak memory of the whole kiosk (its resident memory plus its
check child's, sampled every millisecond); the complete check of each; a
reload of the five-language example from save to new content and the
longest gap between watchdog pings during it.
  start_time.py SIGNPOST BARE SRC [RUNS]
SECTIONS=start,check,reload (the default: all three) chooses what runs;
LARGEST=FILE adds FILE to the reloads (with the pictures beside it;
LARGEST_NAME names its row)."""
import os, shutil, socket, statistics, struct, subprocess, sys, tempfile, time

signpost, bare, src = sys.argv[1:4]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
contents = {"default (1 language)": os.path.join(src, "config/content.yaml"),
            "multilingual (5 languages)": os.path.join(src, "config/examples/multilingual.yaml")}
tmp = tempfile.mkdtemp(prefix="signpost-start-")
sock_path = os.path.join(tmp, "notify")
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(sock_path)
sock.setblocking(False)
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)  # Linux; Python 3.11 has no name for it
# the kernel's time of each message's arrival, not when this loop got to it
sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def drain():
    """The messages waiting, each with its arrival (CLOCK_MONOTONIC's
    offset applied to the kernel's CLOCK_REALTIME stamp)."""
    msgs = []
    while True:
        try:
            data, anc, _, _ = sock.recvmsg(4096, 64)
        except BlockingIOError:
            return msgs
        t = time.monotonic()
        for level, kind, raw in anc:
            if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                sec, nsec = struct.unpack("qq", raw[:16])
                t = sec + nsec / 1e9 - (time.time() - time.monotonic())
        msgs.append((t, data.decode()))


def start(argv, env, until_ready=True, timeout=30):
    """Starts argv; returns (process, seconds to READY=1, peak KiB of it and its children)."""
    drain()
    e = dict(os.environ, SDL_VIDEODRIVER="dummy", NOTIFY_SOCKET=sock_path, **env)
    t0 = time.monotonic()
    p = subprocess.Popen(argv, env=e, stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "log"), "w"))
    peak, ready = 0, None
    while time.monotonic() - t0 < timeout:
        total = rss_kib(p.pid) + sum(rss_kib(c) for c in children(p.pid))
        peak = max(peak, total)
        for t, m in drain():
            if "READY=1" in m.split("\n"):
                ready = t - t0
        if ready is not None or p.poll() is not None:
            break
        time.sleep(0.001)
    return p, ready, peak


def stop(p):
    p.terminate()
    p.wait()


def state(name):
    d = os.path.join(tmp, name)
    os.makedirs(d, exist_ok=True)
    return d


def row(what, times, peaks):
    times = [t for t in times if t is not None]
    print(f"| {what} | {statistics.median(times) * 1000:.1f} ms | {max(peaks) / 1024:.1f} MiB |")


sections = os.environ.get("SECTIONS", "start,check,reload").split(",")
if "start" in sections:
    print("| | first frame (median of %d) | peak memory (kiosk + check child) |" % runs)
    print("|---|---:|---:|")
    ts, ps = [], []
    for _ in range(runs):
        p, t, pk = start([bare, "1280x800", font], {})
        ts.append(t), ps.append(pk), stop(p)
    row("bare SDL2 + SDL2_ttf program", ts, ps)
    for name, path in contents.items():
        for warm in (False, True):
            ts, ps = [], []
            st = state("state-" + name[:4] + str(warm))
            for _ in range(runs):
                memo = os.path.join(st, "verdict")
                if not warm and os.path.exists(memo):
                    os.unlink(memo)
                if warm and not os.path.exists(memo):  # a first start proves it (a clean stop)
                    p, _, _ = start([signpost, "--window", "1280x800", "--config", path], {"STATE_DIRECTORY": st})
                    stop(p)
                p, t, pk = start([signpost, "--window", "1280x800", "--config", path], {"STATE_DIRECTORY": st})
                ts.append(t), ps.append(pk), stop(p)
            row(f"signpost, {name}, {'warm (verdict remembered)' if warm else 'cold (check in a child)'}", ts, ps)
        # the file changed since the last start (a put, an edit, a power
        # cut): the last good copy is remembered, shown first, and the
        # file checked after it
        ts, ps = [], []
        st = state("state-" + name[:4] + "changed")
        conf = os.path.join(tmp, "changed.yaml")
        data = open(path, "rb").read()
        for i in range(runs):
            open(conf, "wb").write(data)
            p, _, _ = start([signpost, "--window", "1280x800", "--config", conf], {"STATE_DIRECTORY": st})
            time.sleep(0.5)
            stop(p)  # proven: the last good copy and its verdict
            open(conf, "wb").write(data + b"\n# changed %d\n" % i)
            p, t, pk = start([signpost, "--window", "1280x800", "--config", conf], {"STATE_DIRECTORY": st})
            ts.append(t), ps.append(pk), stop(p)
        row(f"signpost, {name}, file changed since (last good copy remembered)", ts, ps)
if "check" in sections:
    print()
    print("| complete check, `--check --size 1280x800` | median of %d | peak memory |" % runs)
    print("|---|---:|---:|")
    for name, path in contents.items():
        ts, ps = [], []
        for _ in range(runs):
            t0 = time.monotonic()
            r = subprocess.run(["/usr/bin/time", "-f", "%M", signpost, "--check", "--size", "1280x800", "--config", path],
                               env=dict(os.environ, SDL_VIDEODRIVER="dummy"), capture_output=True, text=True)
            ts.append(time.monotonic() - t0)
            ps.append(int(r.stderr.strip().split("\n")[-1]))
        row(name, ts, ps)
if "reload" in sections:
    print()
    print("| reload from save to new content (--trace's 'reload ok'), median of %d | time | longest watchdog gap | kiosk at rest | peak (kiosk + check child) |" % runs)
    print("|---|---:|---:|---:|---:|")
    largest = os.environ.get("LARGEST", "")
    for name, path in list(contents.items()) + ([(os.environ.get("LARGEST_NAME", "largest file the limits allow"), largest)] if largest else []):
        conf = os.path.join(tmp, "reload.yaml")
        data = open(path, "rb").read()
        open(conf, "wb").write(data)
        # the pictures beside the file go beside its copy
        for f in os.listdir(os.path.dirname(path)):
            if f.lower().endswith((".png", ".jpg", ".jpeg")):
                shutil.copyfile(os.path.join(os.path.dirname(path), f), os.path.join(tmp, f))
        st = state("state-reload")
        p, t, _ = start([signpost, "--window", "1280x800", "--trace", "--config", conf],
                        {"STATE_DIRECTORY": st, "WATCHDOG_USEC": "100000"}, timeout=60)
        times, gaps, peaks, rests = [], [], [], []
        log = os.path.join(tmp, "log")
        for i in range(runs):
            time.sleep(0.5)
            drain()
            seen = os.path.getsize(log)  # only what the kiosk writes from now on is read
            rests.append(rss_kib(p.pid))
            t0 = time.monotonic()
            with open(conf, "wb") as f:
                f.write(data + b"\n# save %d\n" % i)
            pings, peak, done = [t0], 0, None
            while time.monotonic() - t0 < 60 and done is None:
                peak = max(peak, rss_kib(p.pid) + sum(rss_kib(c) for c in children(p.pid)))
                pings += [t for t, m in drain() if "WATCHDOG=1" in m]
                if os.path.getsize(log) > seen:
                    with open(log) as f:
                        f.seek(seen)
                        if "trace: reload ok" in f.read():
                            done = time.monotonic() - t0
                time.sleep(0.001)
            time.sleep(0.1)
            pings += [t for t, m in drain() if "WATCHDOG=1" in m]
            times.append(done), peaks.append(peak)
            gaps.append(max(b - a for a, b in zip(pings, pings[1:])))
        stop(p)
        times = [t for t in times if t is not None]
        print(f"| {name} | {statistics.median(times) * 1000:.0f} ms | {max(gaps) * 1000:.0f} ms | {statistics.median(rests) / 1024:.1f} MiB | {max(peaks) / 1024:.1f} MiB |")
