/* sheet.h — the contact sheet (`signpost --sheet FILE`): every picture
 * --preview draws, shrunk and labelled with its --preview name, in one PNG
 * small enough to open in any picture viewer or mail. The pictures come in
 * one at a time and leave in bands (a row of them), so memory holds one
 * band, never the whole sheet: the number of pictures is known before the
 * first (app.c counts them in a pass that draws nothing). */
#ifndef SIGNPOST_SHEET_H
#define SIGNPOST_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct SDL_Surface;
struct text;
struct sheet;

/* Starts a sheet of count pictures of pic_w x pic_h on out (a file open for
 * writing; the caller closes it), titled title (drawn with t's first
 * face). NULL with the reason in err when it cannot. */
struct sheet *sheet_open(FILE *out, int pic_w, int pic_h, size_t count, struct text *t, const char *title,
			 char *err, size_t errlen);

/* Adds the next picture (ARGB8888, pic_w x pic_h) with its label. */
bool sheet_add(struct sheet *s, const struct SDL_Surface *pic, const char *label, char *err, size_t errlen);

/* Writes what is left and the PNG's end, frees s (NULL is fine). False,
 * with the reason, when the PNG could not be finished. */
bool sheet_close(struct sheet *s, char *err, size_t errlen);

/* Frees s without finishing the PNG (after an error). */
void sheet_free(struct sheet *s);

#endif
