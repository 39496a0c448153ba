/* text.c — fontconfig lookup and SDL_ttf fonts; see text.h. */
#include "text.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
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
	TTF_Font *font = TTF_OpenFont(t->path[style], px);
	if (!font)
		return NULL;
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	t->fonts[t->n_fonts].style = style;
	t->fonts[t->n_fonts].px = px;
	t->fonts[t->n_fonts].font = font;
	t->n_fonts++;
	return font;
}

static int measure_width(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	TTF_Font *font = text_font(ctx, style, px);
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
}
