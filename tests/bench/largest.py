#!/usr/bin/env python3
"""largest.py — prints the largest content the loader's limits allow
(firmware/core/load_private.h): four languages of about 29,850 characters
each, just under MAX_LANG_CHARS (30,000) and MAX_ALL_CHARS (120,000), in
60 screens of three paragraphs (61 are refused), made of made-up words so
that little is measured twice. Each VARIANT has other words (the same
sizes): text a kiosk reloading it has never measured. Seeded: the same
file for the same VARIANT.  largest.py [VARIANT] > largest.yaml"""
import random, sys

variant = sys.argv[1] if len(sys.argv) > 1 else "0"
rng = random.Random("28-" + variant)
langs = ["en", "pl", "de", "fr"]
syll = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "da", "zo", "fe"]


def word():
    return "".join(rng.choice(syll) for _ in range(rng.randint(1, 4)))


def para(n):
    out = ""
    while len(out) < n:
        out += word() + " "
    return out[:n].strip().capitalize() + "."


print("kiosk:\n  languages: [%s]\n  quick_exit: neutral" % ", ".join(langs))
print("screens:")
print('  - { id: neutral, title: "Waiting room", blocks: [ { text: "Please take a seat." } ] }')
for s in range(60):
    print("  - id: s%d" % s)
    print("    title:")
    for l in langs:
        print('      %s: "Screen %d %s"' % (l, s, l))
    print("    blocks:")
    for b in range(3):
        print("      - text:")
        for l in langs:
            print('          %s: "%s"' % (l, para(160)))
