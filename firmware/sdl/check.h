/* check.h — the complete check of content the loader accepted: fonts for
 * every character, a voice for every language, text that fits, QR codes
 * that scan, contrast and sizes.
 * `--check`, the kiosk's start-up and every reload (SIGHUP, a saved file)
 * run this one function, so what reaches the screen is exactly what
 * `--check` accepts. */
#ifndef SIGNPOST_CHECK_H
#define SIGNPOST_CHECK_H

#include "content.h"
#include "diag.h"
#include "pictures.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>

/* Checks c (loaded from the bytes src[0..len), with its pictures pics) as
 * it would be shown on a w x h picture (already turned by the content's
 * rotation): each picture is decoded at the largest and the smallest size
 * it is shown at, and one shown larger than it is (blurred) is warned
 * about. t has c's theme
 * font open; its per-language fonts are set up for c. Problems go to d;
 * returns false when any of them is an error. all: every problem, for
 * staff reading --check; otherwise (the kiosk) it stops at the first
 * stage with an error, since the content is refused either way. */
bool check_complete(struct text *t, const struct content *c, const struct pictures *pics, const char *src,
		    size_t len, int w, int h, bool all, struct diag_list *d);

/* The picture a w x h output shows when c turns it by its rotation. */
void check_picture_size(const struct content *c, int w, int h, int *lw, int *lh);

#endif
