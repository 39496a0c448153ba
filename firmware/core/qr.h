/* qr.h — QR codes as module matrices, for take-away links and numbers.
 *
 * Encoding is pure computation (libqrencode, no platform), so it lives in
 * the core: the loader encodes each code once, into the content's arena;
 * the layout then knows how many modules wide it is and picks a whole
 * number of pixels per module (crisp, no scaling); --check refuses data too
 * long to scan at the screen size; the scene puts the matrix in the draw
 * list and the SDL edge fills the squares. */
#ifndef SIGNPOST_QR_H
#define SIGNPOST_QR_H

#include "arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define QR_QUIET_ZONE 4      /* light modules around the code, each side */
#define QR_MIN_MODULE_PX 3   /* below this a phone camera misreads LCD pixels */
#define QR_MIN_MODULE_MM 0.5 /* and, when the panel size is known, this */
#define QR_MAX_DATA 1024     /* bytes; far beyond what any screen could show */

struct qr_code {
	int width;               /* modules per side, without the quiet zone */
	const uint8_t *modules;  /* width * width, row by row; 1 = dark */
};

/* Encodes data (NUL-terminated) at error correction level M, in the
 * smallest version that holds it; the matrix goes into a (freed with it).
 * False when it cannot be encoded (too long for any QR code). */
bool qr_encode(const char *data, struct arena *a, struct qr_code *out);

/* Whether module (x, y) of q is dark; outside the code (the quiet zone)
 * is light. */
bool qr_dark(const struct qr_code *q, int x, int y);

/* The longest data, in bytes, whose code is at most max_width modules wide
 * (0 when not even the smallest code is that narrow): what --check tells
 * staff will fit. */
size_t qr_capacity(int max_width);

#endif
