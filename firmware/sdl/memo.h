/* memo.h — verdicts remembered across starts (memo.c): a start on content
 * that was already checked and proven at this output skips the check in a
 * child (verdict.h) and shows its first frame after one load and layout.
 *
 * The record is one small text file in the state folder, written whole
 * (atomic_file.h, durable) by ops_proven() only. It holds the key of the
 * one complete check it stands for: everything that check's verdict is a
 * function of. Any difference is a miss, and a miss only costs a check:
 *
 *   content  SHA-256 of the exact bytes (display.rotation and
 *            display.diagonal_inches are among them)
 *   output   the panel's pixels before rotation (what the check is given)
 *   program  SHA-256 over every executable file mapped into this process
 *            (the signpost binary and each shared library: SDL_ttf,
 *            FreeType, HarfBuzz, FriBidi, libyaml, ...): path, the device
 *            and inode it was mapped from, and the size, inode and
 *            modification time (ns) of the file now under that path. A
 *            package upgrade writes new files (new inodes), a rebuild a
 *            new mtime; it costs a read of /proc/self/maps and one stat
 *            a library (well under a millisecond), not a hash of 60 MB
 *   font     each font file the kiosk's own fontconfig lookup chose for
 *            this content: path, device, inode, size, mtime (ns); and
 *            each folder fontconfig looks in, the same way (a font added
 *            or removed there changes the folder's mtime): so a font
 *            changed, removed, or preferred by a new package is a miss
 *   fault    (test builds only) SIGNPOST_TEST_FAULT when it changes what
 *            the check does (crash, hang, eat; not die, the kiosk's own)
 *
 * After the key, the record carries the lines' tuning the kiosk measured
 * for these fonts (text.h: text_tune()): it is a function of the fonts
 * and the program, both in the key, and measuring it is about half of a
 * five-language start.
 *
 * The fonts are known only once the content is parsed, so a record whose
 * content, output and program lines match lets the kiosk parse the bytes
 * it already proved (memo_may_match), then compare the whole key
 * (memo_matches) before it trusts the record. */
#ifndef SIGNPOST_MEMO_H
#define SIGNPOST_MEMO_H

#include "pictures.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>

#define MEMO_FILE "verdict" /* in the state folder */

/* The record's first lines for src[0..len) at w x h (malloc'ed text;
 * the caller frees). */
char *memo_head(const char *src, size_t len, int w, int h);

/* The whole key: memo_head() and the font files t uses after
 * text_set_langs() (malloc'ed; the caller frees). */
char *memo_key(const char *src, size_t len, int w, int h, const struct text *t, const struct pictures *pics);

/* The record at path starts with memo_head(src, len, w, h). */
bool memo_may_match(const char *path, const char *src, size_t len, int w, int h);

/* The record at path is key, with nothing after it but the lines'
 * tuning (text_tune()) it was written with: then *ink is that and
 * *have_ink true. A record with anything else after the key, or a
 * tuning out of the range text_tune() makes, is no match. */
bool memo_matches(const char *path, const char *key, struct text_ink *ink, bool *have_ink);

/* Writes key as the record at path, with ink (if not NULL) after it,
 * durably (a power cut leaves the old record or the new one). False with
 * errno when it failed. */
bool memo_write(const char *path, const char *key, const struct text_ink *ink);

#endif
