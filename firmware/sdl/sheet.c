/* sheet.c — the contact sheet; see sheet.h. Each picture is shrunk with
 * SDL's bilinear stretch (its text stays readable at about half size) into
 * a cell of a band one row of cells tall, its label under it; a full band
 * is written to the PNG and cleared for the next row. Deflate at its
 * strongest with adaptive row filters: a sheet is written once and sent
 * over SSH, so its size matters more than the milliseconds. */
#include "sheet.h"

#include "text.h"

#include <SDL.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#define THUMB 360    /* the longer side of a shrunk picture */
#define MAX_WIDTH 1800
#define GAP 12       /* between cells, and the margin */
#define LABEL_H 20   /* the label's strip under a picture */
#define LABEL_PX 13
#define TITLE_H 36
#define TITLE_PX 18
#define BACKGROUND 0xFFEEEEEEu
#define FRAME 0xFF888888u
#define INK 0x20

struct sheet {
	FILE *out;
	png_structp png;
	png_infop info;
	char why[256];
	struct text *t;
	int w, tw, th, cols, cell_h;
	size_t count, added;
	SDL_Surface *band;   /* one row of cells */
	unsigned char *row;  /* one RGB row for libpng */
};

static void on_error(png_structp png, png_const_charp msg)
{
	struct sheet *s = png_get_error_ptr(png);
	snprintf(s->why, sizeof s->why, "%s", msg);
	png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

/* Writes the first n rows of surf (ARGB8888, s->w wide) to the PNG. */
static bool write_rows(struct sheet *s, const SDL_Surface *surf, int n)
{
	if (setjmp(png_jmpbuf(s->png)) != 0)
		return false;
	for (int y = 0; y < n; y++) {
		const Uint32 *px = (const Uint32 *)((const Uint8 *)surf->pixels + (size_t)y * (size_t)surf->pitch);
		for (int x = 0; x < s->w; x++) {
			s->row[3 * x] = (unsigned char)(px[x] >> 16);
			s->row[3 * x + 1] = (unsigned char)(px[x] >> 8);
			s->row[3 * x + 2] = (unsigned char)px[x];
		}
		png_write_row(s->png, s->row);
	}
	return true;
}

/* Draws text in dark ink at (x, y) on dst, cut at max_w pixels. */
static void draw_label(struct text *t, SDL_Surface *dst, int x, int y, int max_w, int px, const char *text)
{
	int top = 0;
	SDL_Surface *ink = text_render(t, 0, FONT_REGULAR, px, text, strlen(text), &top);
	if (!ink)
		return;
	SDL_SetSurfaceColorMod(ink, INK, INK, INK);
	SDL_SetSurfaceBlendMode(ink, SDL_BLENDMODE_BLEND);
	SDL_Rect from = { 0, 0, ink->w < max_w ? ink->w : max_w, ink->h };
	SDL_Rect to = { x, y + top, 0, 0 };
	SDL_BlitSurface(ink, &from, dst, &to);
	SDL_FreeSurface(ink);
}

/* The PNG's header, for a sheet h pixels tall. */
static bool begin_png(struct sheet *s, int h)
{
	if (setjmp(png_jmpbuf(s->png)) != 0)
		return false;
	png_init_io(s->png, s->out);
	png_set_compression_level(s->png, 9);
	png_set_filter(s->png, 0, PNG_ALL_FILTERS);
	png_set_IHDR(s->png, s->info, (png_uint_32)s->w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(s->png, s->info);
	return true;
}

/* The PNG's end. */
static bool end_png(struct sheet *s)
{
	if (setjmp(png_jmpbuf(s->png)) != 0)
		return false;
	png_write_end(s->png, NULL);
	return true;
}

static bool fail(char *err, size_t errlen, const char *why)
{
	snprintf(err, errlen, "%s", why);
	return false;
}

struct sheet *sheet_open(FILE *out, int pic_w, int pic_h, size_t count, struct text *t, const char *title,
			 char *err, size_t errlen)
{
	struct sheet *s = calloc(1, sizeof *s);
	if (!s || count == 0 || pic_w <= 0 || pic_h <= 0) {
		fail(err, errlen, s ? "no pictures" : "out of memory");
		free(s);
		return NULL;
	}
	s->out = out;
	s->t = t;
	s->count = count;
	int longer = pic_w > pic_h ? pic_w : pic_h;
	s->tw = pic_w * THUMB / longer;
	s->th = pic_h * THUMB / longer;
	s->cols = (MAX_WIDTH - GAP) / (s->tw + GAP);
	if (s->cols < 1)
		s->cols = 1;
	if ((size_t)s->cols > count)
		s->cols = (int)count;
	s->w = GAP + s->cols * (s->tw + GAP);
	s->cell_h = s->th + LABEL_H + GAP;
	int rows = (int)((count + (size_t)s->cols - 1) / (size_t)s->cols);
	int h = TITLE_H + rows * s->cell_h + GAP;
	s->band = SDL_CreateRGBSurfaceWithFormat(0, s->w, s->cell_h > TITLE_H ? s->cell_h : TITLE_H, 32,
						 SDL_PIXELFORMAT_ARGB8888);
	s->row = malloc((size_t)s->w * 3);
	s->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, s, on_error, on_warning);
	s->info = s->png ? png_create_info_struct(s->png) : NULL;
	if (!s->band || !s->row || !s->png || !s->info) {
		fail(err, errlen, "out of memory");
		sheet_free(s);
		return NULL;
	}
	if (!begin_png(s, h)) {
		fail(err, errlen, s->why);
		sheet_free(s);
		return NULL;
	}
	/* the title band */
	SDL_FillRect(s->band, NULL, BACKGROUND);
	draw_label(t, s->band, GAP, (TITLE_H - TITLE_PX * 3 / 2) / 2 + 2, s->w - 2 * GAP, TITLE_PX, title);
	if (!write_rows(s, s->band, TITLE_H)) {
		fail(err, errlen, s->why);
		sheet_free(s);
		return NULL;
	}
	SDL_FillRect(s->band, NULL, BACKGROUND);
	return s;
}

bool sheet_add(struct sheet *s, const SDL_Surface *pic, const char *label, char *err, size_t errlen)
{
	if (s->added >= s->count)
		return fail(err, errlen, "more pictures than counted");
	int col = (int)(s->added % (size_t)s->cols);
	int x = GAP + col * (s->tw + GAP);
	SDL_Rect frame = { x - 1, 0, s->tw + 2, s->th + 2 };
	SDL_FillRect(s->band, &frame, FRAME);
	SDL_Rect to = { x, 1, s->tw, s->th };
	/* (SDL's stretch takes a non-const source; it only reads it) */
	if (SDL_SoftStretchLinear((SDL_Surface *)pic, NULL, s->band, &to) != 0 &&
	    SDL_BlitScaled((SDL_Surface *)pic, NULL, s->band, &to) != 0)
		return fail(err, errlen, SDL_GetError());
	draw_label(s->t, s->band, x, s->th + 4, s->tw, LABEL_PX, label);
	s->added++;
	if (col == s->cols - 1 || s->added == s->count) {
		if (!write_rows(s, s->band, s->cell_h))
			return fail(err, errlen, s->why);
		SDL_FillRect(s->band, NULL, BACKGROUND);
	}
	return true;
}

bool sheet_close(struct sheet *s, char *err, size_t errlen)
{
	if (!s)
		return true;
	bool ok = s->added == s->count;
	if (!ok)
		fail(err, errlen, "fewer pictures than counted");
	else if (!write_rows(s, s->band, GAP))
		ok = fail(err, errlen, s->why);
	else if (!end_png(s))
		ok = fail(err, errlen, s->why);
	sheet_free(s);
	return ok;
}

void sheet_free(struct sheet *s)
{
	if (!s)
		return;
	png_destroy_write_struct(s->png ? &s->png : NULL, s->info ? &s->info : NULL);
	SDL_FreeSurface(s->band);
	free(s->row);
	free(s);
}
