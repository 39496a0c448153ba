/* fontcheck.h — `--check`'s font coverage: every character of every text
 * must be drawable by its language's fonts (theme.fonts, then theme.font),
 * or it would be an empty box on the screen. */
#ifndef SIGNPOST_FONTCHECK_H
#define SIGNPOST_FONTCHECK_H

#include "content.h"
#include "diag.h"
#include "text.h"

#include <stddef.h>

/* Adds an error at the character's line and column (found in src, the
 * file's bytes) for each character a language's fonts cannot draw, with
 * the font to use and the Debian package that has it. Returns how many. */
size_t fontcheck(struct text *t, const struct content *c, const char *src, size_t len,
		 struct diag_list *d);

#endif
