# heard.py — what a sound capture holds, for speech_keys.sh. A capture is
# SDL's disk audio driver's file: 16-bit mono PCM at 22050 Hz, written as
# the kiosk played it (silence included), so a byte offset is a time.
#
#   heard.py silent CAPTURE FROM [TO]
#       exit 0 when every sample in bytes [FROM, TO) is silence (at most 8
#       of 32767: what a resampler may leave); prints how many are not
#   heard.py find CAPTURE FROM WAV T0 T1
#       where WAV's stretch [T0, T1) seconds (a --preview WAV: one
#       utterance) is best heard in the capture after byte FROM, matched
#       by their loudness every 10 ms (espeak-ng's voice varies a little
#       from one saying to the next, so samples are not compared): prints
#       the correlation, the second it starts at, and how much louder the
#       capture is there
#   heard.py stretches CAPTURE FROM WAV T1
#       the title's rhythm: WAV's stretches of sound (words run together,
#       split by a pause of 150 ms or more) that start before T1 seconds,
#       as their lengths and the pauses between them, against the same
#       number of stretches in a row in the capture, starting at one of
#       the first six after byte FROM (the title follows the few stretches
#       of the intro): prints the smallest sum of differences in seconds
#       and the second where that match starts. A guest's sound card under
#       emulation can bend the loudness of a saying but keeps its pauses
#       where they are, so this tells one screen's title from another where
#       the loudness alone may not
import array, struct, sys

RATE = 22050
HOP = RATE // 100


def pcm_of(path, skip=0):
    a = array.array("h")
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] == b"RIFF":
        data = data[44:]
    data = data[skip - skip % 2:]
    a.frombytes(data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        a.byteswap()
    return a


def envelope(a):
    return [(sum(x * x for x in a[i:i + HOP]) / HOP) ** 0.5 for i in range(0, len(a) - HOP + 1, HOP)]


def corr(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = sum((a - mx) ** 2 for a in x) ** 0.5
    sy = sum((b - my) ** 2 for b in y) ** 0.5
    return sxy / (sx * sy) if sx and sy else 0.0


def stretches(env, gap=15):
    # runs above 8 % of the loudest 10 ms, split where 150 ms are below
    th = max(env, default=0) * 0.08
    out, start, last, quiet = [], None, 0, 0
    for i, v in enumerate(env):
        if v > th:
            if start is None:
                start = i
            quiet, last = 0, i
        elif start is not None:
            quiet += 1
            if quiet >= gap:
                out.append((start / 100, (last + 1 - start) / 100))
                start = None
    if start is not None:
        out.append((start / 100, (last + 1 - start) / 100))
    return out


def rhythm(st):
    # lengths of the stretches and of the pauses between them, in turn
    out, end = [], None
    for start, length in st:
        if end is not None:
            out.append(start - end)
        out.append(length)
        end = start + length
    return out


def main():
    what = sys.argv[1]
    if what == "silent":
        cap = pcm_of(sys.argv[2], int(sys.argv[3]))
        if len(sys.argv) > 4:
            cap = cap[: max(0, (int(sys.argv[4]) - int(sys.argv[3])) // 2)]
        # silence: nothing above the last bit or two a resampler leaves
        loud = sum(1 for x in cap if abs(x) > 8)
        print(loud)
        return 0 if loud == 0 else 1
    if what == "find":
        cap = envelope(pcm_of(sys.argv[2], int(sys.argv[3])))
        ref = pcm_of(sys.argv[4])
        t0, t1 = float(sys.argv[5]), float(sys.argv[6])
        want = envelope(ref[int(t0 * RATE):int(t1 * RATE)])
        if len(cap) < len(want) or not want:
            print("0 0 0")
            return 1
        best = max((corr(want, cap[i:i + len(want)]), i) for i in range(len(cap) - len(want) + 1))
        here = cap[best[1]:best[1] + len(want)]
        ratio = (sum(x * x for x in here) / max(1e-9, sum(x * x for x in want))) ** 0.5
        print("%.3f %.2f %.2f" % (best[0], int(sys.argv[3]) / 2 / RATE + best[1] / 100, ratio))
        return 0
    if what == "stretches":
        skip = int(sys.argv[3])
        cap = stretches(envelope(pcm_of(sys.argv[2], skip)))
        t1 = float(sys.argv[5])
        want = rhythm([st for st in stretches(envelope(pcm_of(sys.argv[4]))) if st[0] < t1])
        n = (len(want) + 1) // 2
        if not want or len(cap) < n:
            print("99 0")
            return 1
        best = min((sum(abs(a - b) for a, b in zip(want, rhythm(cap[i:i + n]))), cap[i][0])
                   for i in range(min(6, len(cap) - n + 1)))
        print("%.2f %.2f" % (best[0], skip / 2 / RATE + best[1]))
        return 0
    print("heard.py: silent, find or stretches", file=sys.stderr)
    return 2


sys.exit(main())
