#!/usr/bin/env python3
"""tests/system/qmp.py — the few QMP commands the system test needs.

    qmp.py SOCKET screendump FILE.png     the guest's screen, as QEMU sees it
    qmp.py SOCKET tap X Y [W H]           a tap of the usb-tablet at pixel X,Y
                                          of a W x H screen (1280x800)
    qmp.py SOCKET quit

The tablet reports 0..32767 on both axes across the screen, as the real
device does; the guest sees those units, not pixels.
"""
import json
import socket
import sys
import time


class QMP:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # QEMU answers in milliseconds; a guest that stopped must not hold us
        self.sock.settimeout(20)
        self.sock.connect(path)
        self.file = self.sock.makefile("rw")
        self.read()  # the greeting
        self.cmd("qmp_capabilities")

    def read(self):
        while True:
            try:
                line = self.file.readline()
            except socket.timeout:
                raise SystemExit("qmp: QEMU did not answer in 20 s")
            if not line:
                raise SystemExit("qmp: QEMU closed the connection")
            msg = json.loads(line)
            if "event" not in msg:
                return msg

    def cmd(self, name, **args):
        self.file.write(json.dumps({"execute": name, "arguments": args}) + "\n")
        self.file.flush()
        reply = self.read()
        if "error" in reply:
            raise SystemExit("qmp: %s: %s" % (name, reply["error"].get("desc")))
        return reply.get("return")


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    q = QMP(sys.argv[1])
    what = sys.argv[2]
    if what == "screendump":
        q.cmd("screendump", filename=sys.argv[3], format="png")
    elif what == "tap":
        x, y = float(sys.argv[3]), float(sys.argv[4])
        w = float(sys.argv[5]) if len(sys.argv) > 5 else 1280.0
        h = float(sys.argv[6]) if len(sys.argv) > 6 else 800.0
        ax = min(32767, int((x + 0.5) * 32768 / w))
        ay = min(32767, int((y + 0.5) * 32768 / h))
        q.cmd("input-send-event", events=[
            {"type": "abs", "data": {"axis": "x", "value": ax}},
            {"type": "abs", "data": {"axis": "y", "value": ay}}])
        time.sleep(0.05)
        q.cmd("input-send-event", events=[{"type": "btn", "data": {"down": True, "button": "left"}}])
        time.sleep(0.08)
        q.cmd("input-send-event", events=[{"type": "btn", "data": {"down": False, "button": "left"}}])
    elif what == "quit":
        q.cmd("quit")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
