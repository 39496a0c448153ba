/* text.c — fontconfig lookup and SDL_ttf fonts; see text.h. */
#include "text.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Asks fontconfig for family in the given weight. Writes the file path and
 * returns true only when the match really is that family (fontconfig always
 * returns *something*, so we check the family name it picked). */
static bool find_font(const char *family, bool bold, char *path, size_t pathlen)
{
	bool ok = false;
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *match = FcFontMatch(NULL, pat, &res);
	if (match) {
		FcChar8 *file = NULL, *fam = NULL;
		if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
		    FcPatternGetString(match, FC_FAMILY, 0, &fam) == FcResultMatch &&
		    strcasecmp((const char *)fam, family) == 0) {
			snprintf(path, pathlen, "%s", (const char *)file);
			ok = true;
		}
		FcPatternDestroy(match);
	}
	FcPatternDestroy(pat);
	return ok;
}

bool text_open(struct text *t, const char *family, char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	if (!TTF_WasInit() && TTF_Init() != 0) {
		snprintf(err, errlen, "cannot start the text engine: %s", TTF_GetError());
		return false;
	}
	if (!FcInit()) {
		snprintf(err, errlen, "cannot start fontconfig");
		return false;
	}
	const char *families[] = { family ? family : TEXT_FALLBACK_FAMILY, TEXT_FALLBACK_FAMILY };
	for (int f = 0; f < 2; f++) {
		if (!find_font(families[f], false, t->path[FONT_REGULAR], sizeof t->path[0])) {
			if (f == 0)
				snprintf(t->why, sizeof t->why, "font '%s' is not installed", families[f]);
			continue;
		}
		/* a family without a bold face still works: bold uses regular */
		if (!find_font(families[f], true, t->path[FONT_BOLD], sizeof t->path[0]))
			memcpy(t->path[FONT_BOLD], t->path[FONT_REGULAR], sizeof t->path[0]);
		/* the files must really open: a truncated or damaged font would
		 * draw nothing at all */
		bool usable = true;
		for (int st = FONT_REGULAR; st <= FONT_BOLD && usable; st++) {
			TTF_Font *probe = TTF_OpenFont(t->path[st], 16);
			if (!probe) {
				if (f == 0)
					snprintf(t->why, sizeof t->why, "font '%s' cannot be opened (%s: %s)",
						 families[f], t->path[st], TTF_GetError());
				usable = false;
			} else {
				TTF_CloseFont(probe);
			}
		}
		if (!usable)
			continue;
		t->fell_back = f > 0;
		return true;
	}
	snprintf(err, errlen,
		 "no font found for '%s' nor '%s'; install one with: apt-get install fonts-dejavu-core",
		 families[0], TEXT_FALLBACK_FAMILY);
	return false;
}

struct text_width {
	char *key; /* style, px and the text; NULL = free slot */
	size_t key_len;
	int width;
};

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void widths_clear(struct text *t)
{
	for (size_t i = 0; i < t->cap_widths; i++)
		free(t->widths[i].key);
	free(t->widths);
	t->widths = NULL;
	t->n_widths = t->cap_widths = 0;
}

/* The slot for key: its entry, or the free slot where it belongs. */
static struct text_width *widths_slot(struct text *t, const char *key, size_t len)
{
	size_t i = fnv1a(key, len) & (t->cap_widths - 1);
	while (t->widths[i].key &&
	       !(t->widths[i].key_len == len && memcmp(t->widths[i].key, key, len) == 0))
		i = (i + 1) & (t->cap_widths - 1);
	return &t->widths[i];
}

/* Reads a font file into memory once (SDL_ttf then opens every size from
 * it instead of reading the file in small pieces for each size). */
static bool read_font(struct text *t, int style)
{
	SDL_RWops *rw = SDL_RWFromFile(t->path[style], "rb");
	if (!rw)
		return false;
	Sint64 size = SDL_RWsize(rw);
	void *buf = size > 0 ? SDL_malloc((size_t)size) : NULL;
	bool ok = buf && SDL_RWread(rw, buf, 1, (size_t)size) == (size_t)size;
	SDL_RWclose(rw);
	if (!ok) {
		SDL_free(buf);
		return false;
	}
	t->file[style] = buf;
	t->file_len[style] = (size_t)size;
	return true;
}

TTF_Font *text_font(struct text *t, enum font_style style, int px)
{
	if (px < 1)
		px = 1;
	for (size_t i = 0; i < t->n_fonts; i++)
		if (t->fonts[i].style == style && t->fonts[i].px == px)
			return t->fonts[i].font;
	if (t->n_fonts == TEXT_MAX_FONTS) {
		/* many sizes in play (shrinking): start the cache afresh */
		for (size_t i = 0; i < t->n_fonts; i++)
			TTF_CloseFont(t->fonts[i].font);
		t->n_fonts = 0;
	}
	if (!t->file[style] && !read_font(t, style))
		return NULL;
	TTF_Font *font = TTF_OpenFontRW(SDL_RWFromConstMem(t->file[style], (int)t->file_len[style]), 1, px);
	if (!font)
		return NULL;
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	t->fonts[t->n_fonts].style = style;
	t->fonts[t->n_fonts].px = px;
	t->fonts[t->n_fonts].font = font;
	t->n_fonts++;
	return font;
}

static int measure_uncached(struct text *t, enum font_style style, int px, const char *s, size_t len);

static int measure_width(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	struct text *t = ctx;
	if (len == 0)
		return 0;
	char head[16];
	int hl = snprintf(head, sizeof head, "%d:%d:", (int)style, px);
	size_t key_len = (size_t)hl + len;
	char stack[512];
	char *key = key_len <= sizeof stack ? stack : malloc(key_len);
	if (!key)
		abort();
	memcpy(key, head, (size_t)hl);
	memcpy(key + hl, s, len);
	if (t->n_widths * 2 >= t->cap_widths) {
		/* grow (or start); past a bound, start afresh */
		size_t cap = t->cap_widths ? t->cap_widths * 2 : 1024;
		if (cap > 65536) {
			widths_clear(t);
			cap = 1024;
		}
		struct text_width *old = t->widths;
		size_t old_cap = t->cap_widths;
		t->widths = calloc(cap, sizeof *t->widths);
		if (!t->widths)
			abort();
		t->cap_widths = cap;
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].key)
				*widths_slot(t, old[i].key, old[i].key_len) = old[i];
		free(old);
	}
	struct text_width *e = widths_slot(t, key, key_len);
	if (e->key) {
		t->cached++;
	} else {
		e->width = measure_uncached(t, style, px, s, len);
		e->key = key == stack ? malloc(key_len) : key;
		if (!e->key)
			abort();
		if (key == stack)
			memcpy(e->key, key, key_len);
		e->key_len = key_len;
		t->n_widths++;
		t->measured++;
		key = NULL;
	}
	int w = e->width;
	if (key && key != stack)
		free(key);
	return w;
}

static int measure_uncached(struct text *t, enum font_style style, int px, const char *s, size_t len)
{
	TTF_Font *font = text_font(t, style, px);
	if (!font || len == 0)
		return 0;
	char buf[512];
	char *copy = len < sizeof buf ? buf : SDL_malloc(len + 1);
	if (!copy)
		return 0;
	memcpy(copy, s, len);
	copy[len] = '\0';
	int w = 0, h = 0;
	if (TTF_SizeUTF8(font, copy, &w, &h) != 0)
		w = 0;
	if (copy != buf)
		SDL_free(copy);
	return w;
}

static int measure_line_height(void *ctx, enum font_style style, int px)
{
	TTF_Font *font = text_font(ctx, style, px);
	if (!font)
		return px;
	int skip = TTF_FontLineSkip(font), height = TTF_FontHeight(font);
	return skip > height ? skip : height;
}

struct measurer text_measurer(struct text *t)
{
	return (struct measurer){ .ctx = t, .text_width = measure_width,
				  .line_height = measure_line_height };
}

void text_close(struct text *t)
{
	for (size_t i = 0; i < t->n_fonts; i++)
		TTF_CloseFont(t->fonts[i].font);
	t->n_fonts = 0;
	for (int st = 0; st < 2; st++) {
		SDL_free(t->file[st]);
		t->file[st] = NULL;
	}
	widths_clear(t);
}
