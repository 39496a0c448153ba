/* text.h — fonts found through fontconfig, opened with SDL_ttf, and the
 * measurer the pure layout uses.
 *
 * One `struct text` per process: it keeps a TTF_Font per (style, pixel size)
 * in use, so measuring and drawing the same sizes again costs nothing. */
#ifndef SIGNPOST_TEXT_H
#define SIGNPOST_TEXT_H

#include "layout.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct _TTF_Font TTF_Font;

#define TEXT_MAX_FONTS 48
#define TEXT_FALLBACK_FAMILY "DejaVu Sans"

struct text {
	char path[2][1024]; /* FONT_REGULAR, FONT_BOLD */
	bool fell_back;     /* the family asked for could not be used ... */
	char why[1400];     /* ... and why, in words for staff */
	struct {
		enum font_style style;
		int px;
		TTF_Font *font;
	} fonts[TEXT_MAX_FONTS];
	size_t n_fonts;
	/* each font file read once; every size opens from memory */
	void *file[2];
	size_t file_len[2];
	/* widths already measured, by (style, size, text): a layout measures
	 * the same words again and again (every line prefix, every shrink step,
	 * the same footer on every screen) */
	struct text_width *widths;
	size_t n_widths, cap_widths;
	unsigned long measured, cached; /* for benchmarks */
};

/* Finds the files for family (regular and bold) through fontconfig, falling
 * back to DejaVu Sans. Returns false with a message in err when no usable
 * font exists at all. Initialises SDL_ttf (TTF_Init) if needed. */
bool text_open(struct text *t, const char *family, char *err, size_t errlen);

/* The font for (style, px), opened on first use; NULL if it cannot be. */
TTF_Font *text_font(struct text *t, enum font_style style, int px);

/* A measurer backed by t (measurer.ctx = t). */
struct measurer text_measurer(struct text *t);

/* Closes every font; t can be opened again. */
void text_close(struct text *t);

#endif
