/* text.c — fontconfig lookup, bidi runs, SDL_ttf shaping (HarfBuzz's own
 * for the words' estimates); see text.h. */
#include "text.h"

#include "utf8.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <fribidi.h>
#include <hb.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- finding fonts -------------------------------------------------------- */

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
		if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
			/* a match names several families (localised names): any will do */
			for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &fam) == FcResultMatch; i++)
				if (strcasecmp((const char *)fam, family) == 0) {
					snprintf(path, pathlen, "%s", (const char *)file);
					ok = true;
					break;
				}
		}
		FcPatternDestroy(match);
	}
	FcPatternDestroy(pat);
	return ok;
}

/* Maps a font file into memory once (SDL_ttf then opens every size from
 * it instead of reading the file in small pieces for each size, and
 * HarfBuzz shapes the words' estimates from it). Mapped, not read: only
 * the pages of the glyphs and tables in use are resident, as when
 * FreeType opens a file itself (reading DejaVu Sans and its bold whole was
 * 1.4 MiB of a kiosk's 24). Like every program that maps its fonts, a
 * font file rewritten in place while the kiosk runs can end it; package
 * upgrades replace files under a new name, which leaves the mapping as
 * it was. */
static bool read_font(struct text_face *f, int style)
{
	int fd = open(f->path[style], O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	void *map = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size <= INT_MAX
			    ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)
			    : MAP_FAILED;
	close(fd);
	if (map == MAP_FAILED)
		return false;
	f->file[style] = map;
	f->file_len[style] = (size_t)st.st_size;
	return true;
}

static TTF_Font *open_face(struct text_face *f, int style, int px)
{
	if (!f->file[style] && !read_font(f, style))
		return NULL;
	TTF_Font *font = TTF_OpenFontRW(SDL_RWFromConstMem(f->file[style], (int)f->file_len[style]), 1, px);
	if (font)
		TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	return font;
}

static void face_close(struct text_face *f)
{
	for (int st = 0; st < 2; st++) {
		if (f->probe[st])
			TTF_CloseFont(f->probe[st]);
		if (f->hb[st])
			hb_font_destroy(f->hb[st]);
		if (f->file[st])
			munmap(f->file[st], f->file_len[st]);
	}
	memset(f, 0, sizeof *f);
}

/* Finds and opens family as a face; on failure says why in why. */
static bool face_open(struct text_face *f, const char *family, char *why, size_t whylen)
{
	memset(f, 0, sizeof *f);
	snprintf(f->family, sizeof f->family, "%s", family);
	if (!find_font(family, false, f->path[FONT_REGULAR], sizeof f->path[0])) {
		snprintf(why, whylen, "font '%s' is not installed", family);
		return false;
	}
	/* a family without a bold face still works: bold uses regular */
	if (!find_font(family, true, f->path[FONT_BOLD], sizeof f->path[0]))
		memcpy(f->path[FONT_BOLD], f->path[FONT_REGULAR], sizeof f->path[0]);
	/* the files must really open: a truncated or damaged font would draw
	 * nothing at all */
	for (int st = FONT_REGULAR; st <= FONT_BOLD; st++) {
		f->probe[st] = open_face(f, st, 16);
		if (!f->probe[st]) {
			snprintf(why, whylen, "font '%s' cannot be opened (%s: %s)", family, f->path[st],
				 TTF_GetError());
			face_close(f);
			return false;
		}
	}
	return true;
}

static void widths_clear(struct text *t);
static void fonts_clear(struct text *t);
static const char *lang_script_of(const struct content *c, size_t lang);
static void lines_tune(struct text *t, const char *const scripts[CONTENT_MAX_LANGS]);

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
	for (size_t i = 0; i < CONTENT_MAX_LANGS; i++)
		t->lang_ctx[i] = (struct text_lang){ t, i };
	const char *want = family ? family : TEXT_FALLBACK_FAMILY;
	if (face_open(&t->faces[0], want, t->why, sizeof t->why)) {
		t->n_faces = 1;
		return true;
	}
	char ignored[1400];
	if (face_open(&t->faces[0], TEXT_FALLBACK_FAMILY, ignored, sizeof ignored)) {
		t->n_faces = 1;
		t->fell_back = true;
		return true;
	}
	snprintf(err, errlen,
		 "no font found for '%s' nor '%s'; install one with: apt-get install fonts-dejavu-core", want,
		 TEXT_FALLBACK_FAMILY);
	return false;
}

bool text_set_langs(struct text *t, const struct content *c, char *problem, size_t len)
{
	bool ok = text_set_faces(t, c, problem, len);
	text_tune(t, NULL);
	return ok;
}

bool text_set_faces(struct text *t, const struct content *c, char *problem, size_t len)
{
	bool ok = true;
	if (problem && len)
		problem[0] = '\0';
	/* the same fonts and directions as before (a reload that changed only
	 * words): keep every open font and measured width */
	bool same = t->langs_set;
	const char *scripts[CONTENT_MAX_LANGS];
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++)
		scripts[l] = l < c->n_langs ? lang_script_of(c, l) : NULL;
	for (size_t l = 0; l < CONTENT_MAX_LANGS && same; l++) {
		const char *family = l < c->n_langs && c->theme.lang_font[l] ? c->theme.lang_font[l] : "";
		same = strcmp(t->want_font[l], family) == 0 && t->lang_rtl[l] == (l < c->n_langs && c->rtl[l]) &&
		       t->want_script[l] == scripts[l];
	}
	if (same) {
		if (problem && len)
			snprintf(problem, len, "%s", t->langs_problem);
		return t->langs_ok;
	}
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++) {
		const char *family = l < c->n_langs && c->theme.lang_font[l] ? c->theme.lang_font[l] : "";
		snprintf(t->want_font[l], sizeof t->want_font[l], "%s", family);
		t->want_script[l] = scripts[l];
	}
	t->langs_set = true;
	t->tuned = false;
	t->langs_problem[0] = '\0';
	/* faces other than 0 are opened afresh */
	fonts_clear(t);
	widths_clear(t);
	for (size_t i = 1; i < t->n_faces; i++)
		face_close(&t->faces[i]);
	t->n_faces = 1;
	t->n_missing = 0;
	memset(t->ascii_known, 0, sizeof t->ascii_known);
	memset(t->ascii, 0, sizeof t->ascii);
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++) {
		t->lang_face[l] = 0;
		t->lang_rtl[l] = l < c->n_langs && c->rtl[l];
	}
	for (size_t l = 0; l < c->n_langs; l++) {
		const char *family = c->theme.lang_font[l];
		if (!family || strcasecmp(family, t->faces[0].family) == 0)
			continue;
		size_t f = 1;
		while (f < t->n_faces && strcasecmp(t->faces[f].family, family) != 0)
			f++;
		char why[1400];
		if (f == t->n_faces && face_open(&t->faces[f], family, why, sizeof why))
			t->n_faces++;
		if (f < t->n_faces) {
			t->lang_face[l] = (int)f;
		} else {
			ok = false;
			if (!t->langs_problem[0])
				snprintf(t->langs_problem, sizeof t->langs_problem,
					 "%s (theme.fonts, for '%s'); using '%s' instead", why, c->langs[l],
					 t->faces[0].family);
		}
	}
	if (problem && len)
		snprintf(problem, len, "%s", t->langs_problem);
	t->langs_ok = ok;
	return ok;
}

void text_tune(struct text *t, const struct text_ink *given)
{
	if (t->tuned && !given)
		return;
	t->tuned = true;
	if (!given) {
		lines_tune(t, t->want_script);
		return;
	}
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++) {
		/* a language is tuned only where its face and script say it can
		 * be: what lines_tune() would have measured */
		bool tuned = given->tuned[l] && t->want_script[l] && t->lang_face[l] != 0;
		t->lang_script[l] = tuned ? t->want_script[l] : NULL;
		t->lang_size[l] = tuned ? given->size[l] : 1.0;
		for (int st = FONT_REGULAR; st <= FONT_BOLD; st++) {
			t->lang_above[l][st] = tuned ? given->above[l][st] : 0;
			t->lang_below[l][st] = tuned ? given->below[l][st] : 0;
			t->lang_touch[l][st] = tuned ? given->touch[l][st] : 0;
		}
	}
	for (int st = FONT_REGULAR; st <= FONT_BOLD; st++)
		t->clearance[st] = given->clearance[st];
}

void text_ink_get(const struct text *t, struct text_ink *out)
{
	memset(out, 0, sizeof *out);
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++) {
		out->tuned[l] = t->lang_script[l] != NULL;
		if (!out->tuned[l])
			continue; /* nothing else: an untuned language uses none of it */
		out->size[l] = t->lang_size[l];
		for (int st = FONT_REGULAR; st <= FONT_BOLD; st++) {
			out->above[l][st] = t->lang_above[l][st];
			out->below[l][st] = t->lang_below[l][st];
			out->touch[l][st] = t->lang_touch[l][st];
		}
	}
	for (int st = FONT_REGULAR; st <= FONT_BOLD; st++)
		out->clearance[st] = t->clearance[st];
}

const char *text_family(const struct text *t, size_t lang)
{
	return t->faces[t->lang_face[lang < CONTENT_MAX_LANGS ? lang : 0]].family;
}

/* What a font is asked for: to draw (light hinting), to measure (none, see
 * run_width), or for metrics that hinting does not change (either). */
enum hint { HINT_ANY = -1, HINT_NONE, HINT_LIGHT };

/* The font for (face, style, px), set to hinting h. One font serves both:
 * a second FT_Face and HarfBuzz face for the same size cost about 290 KB,
 * and setting the hinting only empties the font's glyph cache (measuring
 * and drawing come in runs: a layout, then its frames). */
static TTF_Font *font_get(struct text *t, int face, enum font_style style, int px, enum hint h)
{
	if (px < 1)
		px = 1;
	t->font_clock++;
	for (size_t i = 0; i < t->n_fonts; i++)
		if (t->fonts[i].face == face && t->fonts[i].style == style && t->fonts[i].px == px) {
			t->fonts[i].used = t->font_clock;
			if (h != HINT_ANY && t->fonts[i].hinted != (h == HINT_LIGHT)) {
				TTF_SetFontHinting(t->fonts[i].font, h == HINT_LIGHT ? TTF_HINTING_LIGHT
										 : TTF_HINTING_NONE);
				t->fonts[i].hinted = h == HINT_LIGHT;
				t->hinting_set++;
			}
			return t->fonts[i].font;
		}
	/* past TEXT_FACE_SIZES sizes of one face and style (or with the
	 * cache full), the one of them used longest ago is set to the new
	 * size instead of a font opened afresh: FreeType's hinter studies a
	 * face's glyphs and HarfBuzz plans its shaping once per opened face,
	 * which cost more than all the measuring a check of five languages
	 * does (each size opened anew: 933 opens, 2,840 M instructions) */
	size_t same = 0, oldest_same = TEXT_MAX_FONTS;
	for (size_t i = 0; i < t->n_fonts; i++)
		if (t->fonts[i].face == face && t->fonts[i].style == style) {
			same++;
			if (oldest_same == TEXT_MAX_FONTS || t->fonts[i].used < t->fonts[oldest_same].used)
				oldest_same = i;
		}
	if (same > 0 && (same >= TEXT_FACE_SIZES || t->n_fonts == TEXT_MAX_FONTS) &&
	    TTF_SetFontSize(t->fonts[oldest_same].font, px) == 0) {
		t->fonts_resized++;
		t->fonts[oldest_same].px = px;
		t->fonts[oldest_same].used = t->font_clock;
		return font_get(t, face, style, px, h); /* its hinting */
	}
	TTF_Font *font = open_face(&t->faces[face], style, px);
	if (!font)
		return NULL;
	bool hinted = h != HINT_NONE; /* open_face() set light hinting */
	if (!hinted)
		TTF_SetFontHinting(font, TTF_HINTING_NONE);
	t->fonts_opened++;
	size_t at = t->n_fonts;
	if (at == TEXT_MAX_FONTS) {
		/* the cache full of other faces: the one used longest ago goes */
		at = 0;
		for (size_t i = 1; i < t->n_fonts; i++)
			if (t->fonts[i].used < t->fonts[at].used)
				at = i;
		TTF_CloseFont(t->fonts[at].font);
	} else {
		t->n_fonts++;
	}
	t->fonts[at].face = face;
	t->fonts[at].style = style;
	t->fonts[at].px = px;
	t->fonts[at].hinted = hinted;
	t->fonts[at].font = font;
	t->fonts[at].used = t->font_clock;
	return font;
}

TTF_Font *text_font(struct text *t, int face, enum font_style style, int px)
{
	return font_get(t, face, style, px, HINT_LIGHT);
}

static void fonts_clear(struct text *t)
{
	for (size_t i = 0; i < t->n_fonts; i++)
		TTF_CloseFont(t->fonts[i].font);
	t->n_fonts = 0;
	memset(t->caps, 0, sizeof t->caps);
}

/* ---- runs ------------------------------------------------------------------ */

/* ISO 15924 script of a character; NULL for the characters every script
 * shares (spaces, digits, punctuation), which join the run around them. */
static const char *script_of(uint32_t cp)
{
	static const struct {
		uint32_t lo, hi;
		const char *tag;
	} ranges[] = {
		{ 0x0041, 0x005A, "Latn" }, { 0x0061, 0x007A, "Latn" }, { 0x00C0, 0x024F, "Latn" },
		{ 0x1E00, 0x1EFF, "Latn" }, { 0x0370, 0x03FF, "Grek" }, { 0x0400, 0x052F, "Cyrl" },
		{ 0x0530, 0x058F, "Armn" }, { 0x0590, 0x05FF, "Hebr" }, { 0x0600, 0x065F, "Arab" },
		{ 0x066A, 0x06EF, "Arab" }, { 0x06FA, 0x06FF, "Arab" }, { 0x0750, 0x077F, "Arab" },
		{ 0x08A0, 0x08FF, "Arab" }, { 0x0900, 0x097F, "Deva" }, { 0x0980, 0x09FF, "Beng" },
		{ 0x0A00, 0x0A7F, "Guru" }, { 0x0A80, 0x0AFF, "Gujr" }, { 0x0B00, 0x0B7F, "Orya" },
		{ 0x0B80, 0x0BFF, "Taml" }, { 0x0C00, 0x0C7F, "Telu" }, { 0x0C80, 0x0CFF, "Knda" },
		{ 0x0D00, 0x0D7F, "Mlym" }, { 0x0D80, 0x0DFF, "Sinh" }, { 0x0E00, 0x0E7F, "Thai" },
		{ 0x10A0, 0x10FF, "Geor" }, { 0x1200, 0x139F, "Ethi" }, { 0x3040, 0x309F, "Hira" },
		{ 0x30A0, 0x30FF, "Kana" }, { 0x4E00, 0x9FFF, "Hani" }, { 0xAC00, 0xD7AF, "Hang" },
		{ 0xFB1D, 0xFB4F, "Hebr" }, { 0xFB50, 0xFDFF, "Arab" }, { 0xFE70, 0xFEFF, "Arab" },
	};
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i].lo && cp <= ranges[i].hi)
			return ranges[i].tag;
	return NULL;
}

/* Digits, punctuation and signs every script shares, which face 0 draws
 * in any language (not spaces and joiners: they belong to the run they
 * are in). */
static bool is_sign(uint32_t cp)
{
	return (cp > 0x20 && cp < 0x7F && script_of(cp) == NULL) || (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 ||
	       cp == 0xF7 || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E);
}

static bool face_has(const struct text_face *f, uint32_t cp)
{
	return f->probe[FONT_REGULAR] && TTF_GlyphIsProvided32(f->probe[FONT_REGULAR], cp);
}

/* ---- line height from the ink of real lines ------------------------------ */

/* A font's ascent and descent make room for the tallest mark stack it can
 * draw anywhere: Noto Sans Arabic's line is 2.1 em, Noto Nastaliq Urdu's
 * 2.5 em, DejaVu Sans's 1.17. A language's lines are spaced instead by two
 * lines of ordinary text in its script, drawn with its font, one under the
 * other: the closest they can be without their ink touching, plus the
 * clearance face 0 leaves between two Latin lines that close. And since
 * scripts look bigger or smaller at the same px (Naskh Arabic's letters
 * sit low in the em), the language's own face is drawn larger when the
 * middle half of its ink is a shorter band than a Latin line's, by at most
 * LANG_SIZE_MAX. */
#define INK_PX 100
#define INK_ALPHA 96 /* a pixel this opaque is ink that can be seen touching */
#define LANG_SIZE_MAX 1.1

static const struct {
	const char *script;
	bool rtl;
	const char *lines[2];
} ink_samples[] = {
	{ "Latn", false,
	  { "Whatever happened, it is not your fault. You can touch the screen",
	    "to read more, at your own pace. Nothing you look at here is recorded." } },
	/* Arabic letters as Arabic, Persian and Urdu write them, with marks */
	{ "Arab", true,
	  { "\u0645\u0631\u062d\u0628\u0627\u064b: \u062a\u0634\u0631\u062d \u0647\u0630\u0647 "
	    "\u0627\u0644\u0634\u0627\u0634\u0629 \u062e\u064a\u0627\u0631\u0627\u062a\u0643 "
	    "\u0648\u0623\u064a\u0646 \u064a\u0645\u0643\u0646\u0643 \u0627\u0644\u062d\u0635\u0648\u0644. "
	    "\u062c\u0648 \u06a9\u0686\u06be \u0628\u06be\u06cc \u06c1\u0648\u0627\u060c \u0627\u0633 "
	    "\u0645\u06cc\u06ba \u0622\u067e \u06a9\u0627 \u06a9\u0648\u0626\u06cc \u0642\u0635\u0648\u0631 "
	    "\u0646\u06c1\u06cc\u06ba\u06d4",
	    "\u064a\u064f\u0631\u062c\u0649 \u0644\u0645\u0633 \u0627\u0644\u0634\u0627\u0634\u0629. "
	    "\u0636\u0627\u0628\u0637 \u0645\u062f\u0631\u0651\u064e\u0628. \u06cc\u06c1 "
	    "\u0627\u0633\u06a9\u0631\u06cc\u0646 \u0627\u0648\u0631 \u0645\u062f\u062f "
	    "\u0645\u0644\u0646\u06d2 \u06a9\u06cc \u062c\u06af\u06c1\u06cc\u06ba \u0628\u062a\u0627\u062a\u06cc "
	    "\u06c1\u06d2\u06d4 \u0622\u067e \u0627\u067e\u0646\u06cc \u0631\u0641\u062a\u0627\u0631 "
	    "\u0633\u06d2 \u067e\u0691\u06be\u0646\u06d2 \u06a9\u06d2 \u0644\u06cc\u06d2" } },
	{ "Hebr", true,
	  { "\u05de\u05d4 \u05e9\u05dc\u05d0 \u05e7\u05e8\u05d4, \u05d6\u05d5 \u05dc\u05d0 "
	    "\u05d0\u05e9\u05de\u05ea\u05da.",
	    "\u05d0\u05e4\u05e9\u05e8 \u05dc\u05d2\u05e2\u05ea \u05d1\u05de\u05e1\u05da \u05db\u05d3\u05d9 "
	    "\u05dc\u05e7\u05e8\u05d5\u05d0 \u05e2\u05d5\u05d3." } },
	{ "Beng", false,
	  { "\u09af\u09be-\u0987 \u0998\u099f\u09c7 \u09a5\u09be\u0995\u09c1\u0995, \u098f\u09a4\u09c7 "
	    "\u0986\u09aa\u09a8\u09be\u09b0 \u0995\u09cb\u09a8\u09cb \u09a6\u09cb\u09b7 \u09a8\u09c7\u0987\u0964",
	    "\u098f\u0987 \u09b8\u09cd\u0995\u09cd\u09b0\u09bf\u09a8\u09c7 \u09b8\u09cd\u09ac\u09be\u0997\u09a4\u09ae "
	    "\u09b8\u09b9\u09be\u09af\u09bc\u09a4\u09be \u09aa\u09be\u09ac\u09c7\u09a8\u0964 "
	    "\u0997\u09a4\u09bf\u09a4\u09c7 \u09aa\u09a1\u09bc\u09a4\u09c7 \u09aa\u09be\u09b0\u09c7\u09a8\u0964" } },
	{ "Deva", false,
	  { "\u091c\u094b \u092d\u0940 \u0939\u0941\u0906, \u0909\u0938\u092e\u0947\u0902 "
	    "\u0906\u092a\u0915\u0940 \u0915\u094b\u0908 \u0917\u0932\u0924\u0940 \u0928\u0939\u0940\u0902 \u0939\u0948\u0964",
	    "\u092f\u0939 \u0938\u094d\u0915\u094d\u0930\u0940\u0928 \u0906\u092a\u0915\u0947 "
	    "\u0935\u093f\u0915\u0932\u094d\u092a \u092c\u0924\u093e\u0924\u0940 \u0939\u0948\u0964" } },
};

struct ink {
	double above, below; /* the most ink above and below the baseline */
	double touch;        /* the closest two lines can be, baseline to baseline */
	double body;         /* the band holding the middle half of the ink */
};

/* Per column of a drawn line (from its start, in reading order): its
 * highest and lowest ink, in pixels from the baseline, up positive. */
struct profile {
	int *top, *bottom;
	int w;
};

/* Draws line with font into p, adding each row's ink to rows[] (from the
 * ascent line down) and *total. Drawn shaded on black, one byte a pixel:
 * SDL_ttf's 8-bit surface holds each pixel's coverage, the same values
 * its blended drawing puts in the alpha channel, in a quarter of the
 * memory (a 6000x300 line was 7 MB as ARGB8888). */
static bool profile_of(TTF_Font *font, bool rtl, const char *line, struct profile *p, double *rows,
		       int rows_cap, double *total)
{
	SDL_Surface *s = TTF_RenderUTF8_Shaded(font, line, (SDL_Color){ 255, 255, 255, 255 },
					       (SDL_Color){ 0, 0, 0, 255 });
	if (!s)
		return false;
	if (s->format->BytesPerPixel != 1) { /* not the 8-bit surface this reads */
		SDL_FreeSurface(s);
		return false;
	}
	int ascent = TTF_FontAscent(font), w = s->w, height = s->h, pitch = s->pitch;
	const Uint8 *pixels = s->pixels;
	p->w = w;
	p->top = malloc((size_t)w * sizeof *p->top);
	p->bottom = malloc((size_t)w * sizeof *p->bottom);
	if (!p->top || !p->bottom)
		abort();
	/* each row's ink, summed as an integer, then added: the same sums as
	 * adding each pixel to the doubles (whole numbers far below 2^53 add
	 * exactly); and the first and last rows with any ink at all */
	int first = height, last = -1;
	for (int y = 0; y < height; y++) {
		const Uint8 *row = pixels + y * pitch;
		unsigned sum = 0;
		for (int x = 0; x < w; x++)
			sum += row[x];
		if (sum && first == height)
			first = y;
		if (sum)
			last = y;
		if (y < rows_cap) {
			rows[y] += (double)sum;
			*total += (double)sum;
		}
	}
	/* each column's highest and lowest ink, read down from the first row
	 * with ink and up from the last to the first ink: the pixels between,
	 * and the empty rows a tall line leaves above and below, are never
	 * read again (per pixel, tracking both in one pass over the rows was
	 * most of the sample lines' cost) */
	for (int x = 0; x < w; x++) {
		int col = rtl ? w - 1 - x : x, y = first;
		while (y <= last && pixels[y * pitch + x] < INK_ALPHA)
			y++;
		if (y > last) { /* no ink in this column */
			p->top[col] = INT32_MIN;
			p->bottom[col] = INT32_MAX;
			continue;
		}
		int end = last;
		while (pixels[end * pitch + x] < INK_ALPHA)
			end--;
		p->top[col] = ascent - y;          /* up from the baseline, positive */
		p->bottom[col] = ascent - end - 1; /* the bottom edge of the lowest ink */
	}
	SDL_FreeSurface(s);
	return true;
}

/* How close line b may stand under line a, baseline to baseline, with
 * both starting at the same edge. */
static int closest(const struct profile *a, const struct profile *b)
{
	int d = 0;
	for (int x = 0; x < a->w && x < b->w; x++)
		if (a->bottom[x] != INT32_MAX && b->top[x] != INT32_MIN && b->top[x] - a->bottom[x] > d)
			d = b->top[x] - a->bottom[x];
	return d;
}

/* The ink of the sample lines for a script drawn by face in style, as
 * fractions of the size; false when they cannot be drawn. */
static bool ink_of(struct text *t, int face, enum font_style style, size_t sample, struct ink *out)
{
	TTF_Font *font = open_face(&t->faces[face], style, INK_PX);
	if (!font)
		return false;
	bool rtl = ink_samples[sample].rtl;
	TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(font, ink_samples[sample].script);
	enum { ROWS = 8 * INK_PX };
	double *rows = calloc(ROWS, sizeof *rows), total = 0;
	if (!rows)
		abort();
	struct profile p[2] = { { 0 }, { 0 } };
	bool ok = profile_of(font, rtl, ink_samples[sample].lines[0], &p[0], rows, ROWS, &total) &&
		  profile_of(font, rtl, ink_samples[sample].lines[1], &p[1], rows, ROWS, &total) && total > 0;
	TTF_CloseFont(font);
	if (ok) {
		int above = 0, below = 0;
		for (int i = 0; i < 2; i++)
			for (int x = 0; x < p[i].w; x++) {
				if (p[i].top[x] != INT32_MIN && p[i].top[x] > above)
					above = p[i].top[x];
				if (p[i].bottom[x] != INT32_MAX && -p[i].bottom[x] > below)
					below = -p[i].bottom[x];
			}
		int ab = closest(&p[0], &p[1]), ba = closest(&p[1], &p[0]);
		/* the rows holding the middle half of the ink */
		double sum = 0;
		int q1 = -1, q3 = -1;
		for (int y = 0; y < ROWS && q3 < 0; y++) {
			sum += rows[y];
			if (q1 < 0 && sum >= total / 4)
				q1 = y;
			if (sum >= total * 3 / 4)
				q3 = y;
		}
		*out = (struct ink){ .above = (double)above / INK_PX,
				     .below = (double)below / INK_PX,
				     .touch = (double)(ab > ba ? ab : ba) / INK_PX,
				     .body = (double)(q3 - q1 + 1) / INK_PX };
	}
	for (int i = 0; i < 2; i++) {
		free(p[i].top);
		free(p[i].bottom);
	}
	free(rows);
	return ok;
}

/* The script a language writes in, other than Latin, from its own words
 * (its name, then its labels); NULL when they are all Latin or shared. */
static const char *lang_script_of(const struct content *c, size_t lang)
{
	const struct ltext *words[] = { &c->labels.language_name, &c->labels.topics, &c->labels.back,
					&c->labels.touch_hint, &c->labels.quick_exit };
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		const char *s = words[w]->by_lang[lang];
		size_t len = s ? strlen(s) : 0;
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t k = utf8_decode(s + i, len - i, &cp);
			if (k == 0)
				break;
			const char *script = script_of(cp);
			if (script && strcmp(script, "Latn") != 0)
				return script;
			i += k;
		}
	}
	return NULL;
}

/* Sets each language's size and ink (see above) for the script its words
 * are in; a language on face 0, or in a script without a sample, keeps its
 * fonts' own line heights. */
static void lines_tune(struct text *t, const char *const scripts[CONTENT_MAX_LANGS])
{
	struct ink latin[2];
	bool have_latin = false;
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++) {
		t->lang_script[l] = NULL;
		t->lang_size[l] = 1.0;
		int face = t->lang_face[l];
		size_t sample = 1, n_samples = sizeof ink_samples / sizeof ink_samples[0];
		while (scripts[l] && sample < n_samples && strcmp(ink_samples[sample].script, scripts[l]) != 0)
			sample++;
		if (face == 0 || !scripts[l] || sample == n_samples)
			continue;
		if (!have_latin) {
			for (int st = FONT_REGULAR; st <= FONT_BOLD; st++) {
				if (!ink_of(t, 0, st, 0, &latin[st]))
					return;
				TTF_Font *font = open_face(&t->faces[0], st, INK_PX);
				int skip = font ? TTF_FontLineSkip(font) : INK_PX;
				if (font)
					TTF_CloseFont(font);
				t->clearance[st] = (double)skip / INK_PX - latin[st].touch;
			}
			have_latin = true;
		}
		struct ink own[2];
		if (!ink_of(t, face, FONT_REGULAR, sample, &own[0]) || !ink_of(t, face, FONT_BOLD, sample, &own[1]))
			continue;
		double size = latin[FONT_REGULAR].body / own[FONT_REGULAR].body;
		size = size < 1.0 ? 1.0 : size > LANG_SIZE_MAX ? LANG_SIZE_MAX : size;
		t->lang_script[l] = scripts[l];
		t->lang_size[l] = size;
		for (int st = FONT_REGULAR; st <= FONT_BOLD; st++) {
			t->lang_above[l][st] = own[st].above * size;
			t->lang_below[l][st] = own[st].below * size;
			t->lang_touch[l][st] = own[st].touch * size;
		}
		if (getenv("SIGNPOST_DEBUG_INK"))
			fprintf(stderr, "lang %zu %s size %.3f above %.3f below %.3f touch %.3f/%.3f clearance %.3f (latin touch %.3f body %.3f, own body %.3f)\n",
				l, scripts[l], size, t->lang_above[l][0], t->lang_below[l][0], t->lang_touch[l][0], t->lang_touch[l][1],
				t->clearance[0], latin[0].touch, latin[0].body, own[0].body);
	}
}

/* The size a run of language lang is drawn at for a nominal px. */
static int run_px(const struct text *t, size_t lang, int face, int px)
{
	if (face != 0 && face == t->lang_face[lang] && t->lang_script[lang])
		return (int)lround(px * t->lang_size[lang]);
	return px;
}

const char *text_family_for(uint32_t cp, char *out, size_t len)
{
	const char *found = NULL;
	FcPattern *pat = FcPatternCreate();
	FcCharSet *cs = FcCharSetCreate();
	FcCharSetAddChar(cs, cp);
	FcPatternAddCharSet(pat, FC_CHARSET, cs);
	FcPatternAddInteger(pat, FC_WEIGHT, FC_WEIGHT_REGULAR);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *match = FcFontMatch(NULL, pat, &res);
	FcCharSet *has = NULL;
	FcChar8 *fam = NULL;
	if (match && FcPatternGetCharSet(match, FC_CHARSET, 0, &has) == FcResultMatch &&
	    FcCharSetHasChar(has, cp) && FcPatternGetString(match, FC_FAMILY, 0, &fam) == FcResultMatch) {
		snprintf(out, len, "%s", (const char *)fam);
		found = out;
	}
	if (match)
		FcPatternDestroy(match);
	FcCharSetDestroy(cs);
	FcPatternDestroy(pat);
	return found;
}

/* A face for a character neither the language's font nor face 0 has: any
 * installed font that has it (fontconfig's choice), so the screen never
 * shows an empty box when the machine can do better. -1 when none. */
static int face_for_missing(struct text *t, uint32_t cp)
{
	for (size_t i = 0; i < t->n_missing; i++)
		if (t->missing[i].cp == cp)
			return t->missing[i].face;
	int face = -1;
	char family[128];
	if (text_family_for(cp, family, sizeof family)) {
		for (size_t f = 0; f < t->n_faces && face < 0; f++)
			if (strcasecmp(t->faces[f].family, family) == 0 && face_has(&t->faces[f], cp))
				face = (int)f;
		char why[1400];
		if (face < 0 && t->n_faces < TEXT_MAX_FACES &&
		    face_open(&t->faces[t->n_faces], family, why, sizeof why) &&
		    face_has(&t->faces[t->n_faces], cp))
			face = (int)t->n_faces++;
	}
	if (t->n_missing == sizeof t->missing / sizeof t->missing[0])
		t->n_missing = 0;
	t->missing[t->n_missing].cp = cp;
	t->missing[t->n_missing].face = face;
	t->n_missing++;
	return face;
}

struct text_run {
	size_t off, len;  /* bytes of the source text */
	int face;
	bool rtl;
	const char *script;
	int level;
};

#define MAX_RUNS 64
#define MAX_CHARS 1024

/* Cuts s[0..len) into runs, in visual order (left to right). Returns the
 * number of runs (at least 1: a text too long to cut is one run). */
static size_t text_runs(struct text *t, size_t lang, const char *s, size_t len, struct text_run *out)
{
	static FriBidiChar cps[MAX_CHARS];
	static size_t offs[MAX_CHARS + 1];
	static FriBidiCharType types[MAX_CHARS];
	static FriBidiBracketType brackets[MAX_CHARS];
	static FriBidiLevel levels[MAX_CHARS];
	static int faces[MAX_CHARS];
	static const char *scripts[MAX_CHARS];

	int own = t->lang_face[lang];
	bool rtl = t->lang_rtl[lang];
	/* the common case: ASCII (no right-to-left letter in it) drawn by face 0 */
	bool ascii = true;
	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii && (own == 0 || len == 0)) {
		out[0] = (struct text_run){ 0, len, 0, false, "Latn", 0 };
		return 1;
	}

	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			cp = 0xFFFD;
			k = 1;
		}
		if (n == MAX_CHARS)
			goto whole;
		offs[n] = i;
		cps[n++] = cp;
		i += k;
	}
	offs[n] = len;
	if (n == 0) {
		out[0] = (struct text_run){ 0, 0, 0, rtl, "Latn", rtl };
		return 1;
	}
	fribidi_get_bidi_types(cps, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(cps, (FriBidiStrIndex)n, types, brackets);
	/* a text with no right-to-left letter in it (a phone number, a name
	 * in Latin letters) reads left to right even among Arabic: "0808 500
	 * 2222" must not come out as "2222 500 0808" */
	bool any_rtl = false;
	for (size_t i = 0; i < n && !any_rtl; i++)
		any_rtl = FRIBIDI_IS_LETTER(types[i]) && FRIBIDI_IS_RTL(types[i]);
	FriBidiParType base = rtl && any_rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	if (!fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n, &base, levels))
		for (size_t i = 0; i < n; i++)
			levels[i] = rtl;

	/* script and face per character; shared characters join their
	 * neighbours (the one before, or the first strong one after) */
	for (size_t i = 0; i < n; i++) {
		scripts[i] = script_of(cps[i]);
		faces[i] = -1;
		if (!scripts[i] && is_sign(cps[i]) && face_has(&t->faces[0], cps[i])) {
			/* digits and signs at the size and in the shape of face
			 * 0's, in every language: a phone number as big as in
			 * English, a chevron that is not a comma */
			scripts[i] = "Latn";
			faces[i] = 0;
		} else if (scripts[i]) {
			faces[i] = own != 0 && face_has(&t->faces[own], cps[i]) ? own
				   : face_has(&t->faces[0], cps[i])		 ? 0
										 : face_for_missing(t, cps[i]);
			if (faces[i] < 0)
				faces[i] = own;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (scripts[i])
			continue;
		size_t j = i;
		if (i > 0) {
			j = i - 1;
		} else {
			while (j < n && !scripts[j])
				j++;
		}
		if (j < n && scripts[j] && faces[j] >= 0 && face_has(&t->faces[faces[j]], cps[i])) {
			scripts[i] = scripts[j];
			faces[i] = faces[j];
		} else if (j < n && i > 0) {
			scripts[i] = scripts[j];
			faces[i] = face_has(&t->faces[own], cps[i]) ? own : 0;
		} else {
			scripts[i] = j < n ? scripts[j] : (rtl ? "Arab" : "Latn");
			faces[i] = face_has(&t->faces[own], cps[i]) ? own : 0;
		}
	}

	size_t nr = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && levels[j] == levels[i] && faces[j] == faces[i] &&
		       strcmp(scripts[j], scripts[i]) == 0)
			j++;
		if (nr == MAX_RUNS)
			goto whole;
		out[nr++] = (struct text_run){ offs[i], offs[j] - offs[i], faces[i], levels[i] & 1, scripts[i],
					  levels[i] };
		i = j;
	}
	/* visual order (UAX #9, L2): from the highest level down to the lowest
	 * odd one, reverse every sequence of runs at that level or above */
	int max = 0, min_odd = 1 << 30;
	for (size_t i = 0; i < nr; i++) {
		if (out[i].level > max)
			max = out[i].level;
		if ((out[i].level & 1) && out[i].level < min_odd)
			min_odd = out[i].level;
	}
	for (int lv = max; lv >= min_odd && lv > 0; lv--) {
		for (size_t i = 0; i < nr;) {
			if (out[i].level < lv) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < nr && out[j].level >= lv)
				j++;
			for (size_t a = i, b = j - 1; a < b; a++, b--) {
				struct text_run tmp = out[a];
				out[a] = out[b];
				out[b] = tmp;
			}
			i = j;
		}
	}
	return nr;
whole:
	out[0] = (struct text_run){ 0, len, own, rtl, "Zyyy", rtl };
	return 1;
}

/* A NUL-terminated copy of s[0..len) in buf (or on the heap when longer). */
static char *terminated(const char *s, size_t len, char *buf, size_t cap)
{
	char *z = len < cap ? buf : SDL_malloc(len + 1);
	if (z) {
		memcpy(z, s, len);
		z[len] = '\0';
	}
	return z;
}

/* The font for a run, set to its direction and script, and to hinting h. */
static TTF_Font *run_font(struct text *t, const struct text_run *r, enum font_style style, int px, enum hint h)
{
	TTF_Font *font = font_get(t, r->face, style, px, h);
	if (font) {
		TTF_SetFontDirection(font, r->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
		TTF_SetFontScriptName(font, r->script);
	}
	return font;
}

static int run_width(struct text *t, size_t lang, const struct text_run *r, enum font_style style, int px,
		     const char *s)
{
	/* measured unhinted: light hinting moves ink only up and down, so the
	 * widths are the drawn ones, without FreeType's autohinter studying
	 * every glyph at every size */
	TTF_Font *font = run_font(t, r, style, run_px(t, lang, r->face, px), HINT_NONE);
	if (!font || r->len == 0)
		return 0;
	char buf[512];
	char *z = terminated(s + r->off, r->len, buf, sizeof buf);
	int w = 0, h = 0;
	if (!z || TTF_SizeUTF8(font, z, &w, &h) != 0)
		w = 0;
	if (z != buf)
		SDL_free(z);
	return w;
}

static int measure_uncached(struct text *t, size_t lang, enum font_style style, int px, const char *s,
			    size_t len)
{
	struct text_run runs[MAX_RUNS];
	size_t nr = text_runs(t, lang, s, len, runs);
	int w = 0;
	for (size_t i = 0; i < nr; i++)
		w += run_width(t, lang, &runs[i], style, px, s);
	return w;
}

static int measure_line_height(void *ctx, enum font_style style, int px);

SDL_Surface *text_render(struct text *t, size_t lang, enum font_style style, int px, const char *s,
			 size_t len, int *top_out)
{
	struct text_run runs[MAX_RUNS];
	size_t nr = text_runs(t, lang, s, len, runs);
	SDL_Surface *parts[MAX_RUNS] = { NULL };
	int ascent[MAX_RUNS] = { 0 };
	int w = 0, top = 0, bottom = 0;
	if (top_out)
		*top_out = 0;
	for (size_t i = 0; i < nr; i++) {
		TTF_Font *font = run_font(t, &runs[i], style, run_px(t, lang, runs[i].face, px), HINT_LIGHT);
		if (!font || runs[i].len == 0)
			continue;
		char buf[512];
		char *z = terminated(s + runs[i].off, runs[i].len, buf, sizeof buf);
		parts[i] = z ? TTF_RenderUTF8_Blended(font, z, (SDL_Color){ 255, 255, 255, 255 }) : NULL;
		if (z != buf)
			SDL_free(z);
		if (!parts[i])
			continue;
		ascent[i] = TTF_FontAscent(font);
		w += parts[i]->w;
		if (ascent[i] > top)
			top = ascent[i];
		if (parts[i]->h - ascent[i] > bottom)
			bottom = parts[i]->h - ascent[i];
	}
	int lh = measure_line_height(&t->lang_ctx[lang], style, px);
	int baseline, height, above = 0;
	if (t->lang_script[lang]) {
		/* the baseline where the script's ink sits centred in the line;
		 * the surface reaches above the line's top when a font's
		 * ascent (room for its tallest strokes) does */
		double a = t->lang_above[lang][style], b = t->lang_below[lang][style];
		baseline = (int)lround((lh - (a + b) * px) / 2 + a * px);
		above = top > baseline ? top - baseline : 0;
		height = (baseline + bottom > lh ? baseline + bottom : lh) + above;
		baseline += above;
	} else {
		/* every line of a language has the same baseline, whichever of
		 * its fonts draw it, centred in the line height the layout
		 * measured: so a Latin word in an Arabic line, or a Latin button
		 * in the Arabic screen, sits where an Arabic one would */
		int faces[2] = { 0, t->lang_face[lang] };
		int asc = top, desc = bottom;
		for (int f = 0; f < 2; f++) {
			TTF_Font *font = font_get(t, faces[f], style, px, HINT_ANY);
			if (font) {
				asc = TTF_FontAscent(font) > asc ? TTF_FontAscent(font) : asc;
				desc = -TTF_FontDescent(font) > desc ? -TTF_FontDescent(font) : desc;
			}
		}
		baseline = (lh > asc + desc ? (lh - asc - desc) / 2 : 0) + asc;
		height = baseline + desc > lh ? baseline + desc : lh;
	}
	if (top_out)
		*top_out = -above;
	if (nr == 1 && parts[0] && baseline == ascent[0] && parts[0]->h == height)
		return parts[0];
	SDL_Surface *out = w > 0 ? SDL_CreateRGBSurfaceWithFormat(0, w, height, 32, SDL_PIXELFORMAT_ARGB8888)
				 : NULL;
	int x = 0;
	for (size_t i = 0; i < nr; i++) {
		if (!parts[i])
			continue;
		if (out) {
			/* copy, not blend: the runs do not overlap */
			SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
			SDL_BlitSurface(parts[i], NULL, out,
					&(SDL_Rect){ x, baseline - ascent[i], parts[i]->w, parts[i]->h });
		}
		x += parts[i]->w;
		SDL_FreeSurface(parts[i]);
	}
	return out;
}

/* ---- the width cache -------------------------------------------------------- */

struct text_width {
	char *key; /* language, style, px (0 for words) and the text; NULL = free slot */
	size_t key_len;
	int width, width2;
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

static void table_clear(struct text_widths *tb)
{
	for (size_t i = 0; i < tb->cap; i++)
		free(tb->slot[i].key);
	free(tb->slot);
	*tb = (struct text_widths){ 0 };
}

static void widths_clear(struct text *t)
{
	table_clear(&t->widths);
	table_clear(&t->words);
}

/* The slot for key: its entry, or the free slot where it belongs. */
static struct text_width *table_slot(struct text_widths *tb, const char *key, size_t len)
{
	size_t i = fnv1a(key, len) & (tb->cap - 1);
	while (tb->slot[i].key && !(tb->slot[i].key_len == len && memcmp(tb->slot[i].key, key, len) == 0))
		i = (i + 1) & (tb->cap - 1);
	return &tb->slot[i];
}

/* The entry for (head, s[0..len)) in tb: found (*found true) or new, its
 * key set and its widths left for the caller to fill. */
static struct text_width *table_get(struct text_widths *tb, const unsigned char head[4], const char *s,
				    size_t len, bool *found)
{
	size_t key_len = 4 + len;
	char stack[512];
	char *key = key_len <= sizeof stack ? stack : malloc(key_len);
	if (!key)
		abort();
	memcpy(key, head, 4);
	memcpy(key + 4, s, len);
	if (tb->n * 2 >= tb->cap) {
		/* grow (or start); past a bound, start afresh */
		size_t cap = tb->cap ? tb->cap * 2 : 1024;
		if (cap > 65536) {
			table_clear(tb);
			cap = 1024;
		}
		struct text_width *old = tb->slot;
		size_t old_cap = tb->cap;
		tb->slot = calloc(cap, sizeof *tb->slot);
		if (!tb->slot)
			abort();
		tb->cap = cap;
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].key)
				*table_slot(tb, old[i].key, old[i].key_len) = old[i];
		free(old);
	}
	struct text_width *e = table_slot(tb, key, key_len);
	*found = e->key != NULL;
	if (*found) {
		if (key != stack)
			free(key);
		return e;
	}
	e->key = key == stack ? malloc(key_len) : key;
	if (!e->key)
		abort();
	if (key == stack)
		memcpy(e->key, key, key_len);
	e->key_len = key_len;
	tb->n++;
	return e;
}

static int measure_width(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	struct text_lang *tl = ctx;
	struct text *t = tl->t;
	if (len == 0)
		return 0;
	/* the key: language, style and size in 4 bytes (no printf: this runs
	 * for every word of every line of every layout), then the text */
	unsigned char head[4] = { (unsigned char)tl->lang, (unsigned char)style, (unsigned char)(px & 0xFF),
				  (unsigned char)((px >> 8) & 0xFF) };
	bool found;
	struct text_width *e = table_get(&t->widths, head, s, len, &found);
	if (found) {
		t->cached++;
	} else {
		e->width = measure_uncached(t, tl->lang, style, px, s, len);
		t->measured++;
	}
	return e->width;
}

/* ---- words measured once ------------------------------------------------------
 *
 * A layout tries a screen at several sizes, and each size measured every
 * word afresh: the five-language example measured 1,847 words 12,869 times.
 * A word's width is nearly proportional to its size (glyphs are placed by
 * HarfBuzz in fractions of a pixel, and light hinting moves nothing
 * sideways), so each word is shaped once by HarfBuzz in font units, from
 * the font file in memory (no FreeType face, no glyph loaded), and scaled:
 * within TEXT_WORD_SLACK pixels of its width measured at the size (the
 * rounding of each glyph's place and of its ink's edges). The layout uses
 * the estimate only to add words up, and measures exactly where a line's
 * words might add up to within the slack of its width. */

static hb_font_t *word_font(struct text *t, int face, enum font_style style)
{
	struct text_face *f = &t->faces[face];
	if (!f->hb[style] && (f->file[style] || read_font(f, style))) {
		hb_blob_t *blob = hb_blob_create(f->file[style], (unsigned)f->file_len[style],
						 HB_MEMORY_MODE_READONLY, NULL, NULL);
		hb_face_t *hf = hb_face_create(blob, 0);
		f->hb[style] = hb_font_create(hf); /* scaled in font units */
		hb_face_destroy(hf);
		hb_blob_destroy(blob);
	}
	return f->hb[style];
}

/* The width of run r of s in font font as SDL_ttf measures it (the ink's
 * left edge or the pen's start, whichever is further left, to the ink's
 * right edge or the pen's end), in 1/256 of a pixel a pixel of size. */
static int run_units(struct text *t, hb_font_t *font, const struct text_run *r, const char *s)
{
	if (!t->hb_buffer)
		t->hb_buffer = hb_buffer_create();
	hb_buffer_t *b = t->hb_buffer;
	hb_buffer_clear_contents(b);
	hb_buffer_set_direction(b, r->rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
	hb_buffer_set_script(b, hb_script_from_string(r->script, 4));
	hb_buffer_guess_segment_properties(b);
	hb_buffer_add_utf8(b, s + r->off, (int)r->len, 0, (int)r->len);
	hb_shape(font, b, &(hb_feature_t){ HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START,
					    HB_FEATURE_GLOBAL_END },
		 1);
	unsigned n = 0;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, NULL);
	long x = 0, minx = 0, maxx = 0;
	for (unsigned g = 0; g < n; g++) {
		hb_glyph_extents_t ext;
		if (hb_font_get_glyph_extents(font, info[g].codepoint, &ext) && ext.width != 0) {
			long left = x + pos[g].x_offset + ext.x_bearing;
			if (left < minx)
				minx = left;
			if (left + ext.width > maxx)
				maxx = left + ext.width;
		}
		x += pos[g].x_advance;
	}
	if (x > maxx)
		maxx = x;
	unsigned upem = hb_face_get_upem(hb_font_get_face(font));
	return upem ? (int)(((maxx - minx) * 256 + upem / 2) / upem) : 0;
}

/* Whether run_px() scales a run of face in lang. */
static bool run_scaled(const struct text *t, size_t lang, int face)
{
	return face != 0 && face == t->lang_face[lang] && t->lang_script[lang];
}

static int measure_word(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	struct text_lang *tl = ctx;
	struct text *t = tl->t;
	if (len == 0)
		return 0;
	/* the key: language and style (no size: one entry serves them all);
	 * width is the runs drawn at px, width2 those drawn at run_px(), each
	 * in 1/256 of a pixel a pixel of size */
	unsigned char head[4] = { (unsigned char)tl->lang, (unsigned char)style, 0, 0 };
	bool found;
	struct text_width *e = table_get(&t->words, head, s, len, &found);
	if (!found) {
		struct text_run runs[MAX_RUNS];
		size_t nr = text_runs(t, tl->lang, s, len, runs);
		e->width = e->width2 = 0;
		for (size_t i = 0; i < nr; i++) {
			hb_font_t *font = runs[i].len ? word_font(t, runs[i].face, style) : NULL;
			if (font)
				*(run_scaled(t, tl->lang, runs[i].face) ? &e->width2 : &e->width) +=
					run_units(t, font, &runs[i], s);
		}
		t->words_measured++;
	}
	int own = t->lang_face[tl->lang];
	long sum = (long)e->width * px + (long)e->width2 * run_px(t, tl->lang, own, px);
	return (int)((sum + 128) / 256);
}

static int font_line_height(struct text *t, int face, enum font_style style, int px)
{
	TTF_Font *font = font_get(t, face, style, px, HINT_ANY);
	if (!font)
		return px;
	int skip = TTF_FontLineSkip(font), height = TTF_FontHeight(font);
	return skip > height ? skip : height;
}

/* The ink of the language's lines with face 0's room around it (see
 * lines_tune), never less than face 0's own line; for a language without
 * that, the taller of its own font and face 0 (which draws the runs the
 * language's font cannot). */
static int measure_line_height(void *ctx, enum font_style style, int px)
{
	struct text_lang *tl = ctx;
	if (tl->t->lang_script[tl->lang]) {
		TTF_Font *font = font_get(tl->t, 0, style, px, HINT_ANY);
		int skip = font ? TTF_FontLineSkip(font) : px, height = font ? TTF_FontHeight(font) : px;
		int h = (int)ceil((tl->t->lang_touch[tl->lang][style] + tl->t->clearance[style]) * px);
		/* never more than the language's font asks for itself */
		int own = font_line_height(tl->t, tl->t->lang_face[tl->lang], style,
					   run_px(tl->t, tl->lang, tl->t->lang_face[tl->lang], px));
		skip = skip > height ? skip : height;
		h = h < own ? h : own;
		return h > skip ? h : skip;
	}
	int faces[2] = { 0, tl->t->lang_face[tl->lang] };
	int best = 0;
	for (int i = 0; i < (faces[1] ? 2 : 1); i++) {
		TTF_Font *font = font_get(tl->t, faces[i], style, px, HINT_ANY);
		int h = px;
		if (font) {
			int skip = TTF_FontLineSkip(font), height = TTF_FontHeight(font);
			h = skip > height ? skip : height;
		}
		if (h > best)
			best = h;
	}
	return best;
}

int text_cap_height(struct text *t, size_t lang, enum font_style style, int px)
{
	/* the capital H of face 0 as drawn (hinting moves its top): scripts
	 * without capitals are judged by the Latin text beside them. Kept
	 * by size, so that asking does not set a measuring font's hinting
	 * back and forth. */
	(void)lang;
	unsigned key = (unsigned)px * 2 + (unsigned)style;
	struct text_cap *c = &t->caps[key % TEXT_CAPS];
	if (c->key == key + 1)
		return c->height;
	TTF_Font *font = text_font(t, 0, style, px);
	int minx, maxx, miny, maxy, advance;
	int h = !font || TTF_GlyphMetrics32(font, 'H', &minx, &maxx, &miny, &maxy, &advance) != 0 ? px * 72 / 100
													 : maxy;
	*c = (struct text_cap){ key + 1, h };
	return h;
}

static int measure_space_height(void *ctx, enum font_style style, int px)
{
	struct text_lang *tl = ctx;
	TTF_Font *font = font_get(tl->t, 0, style, px, HINT_ANY);
	if (!font)
		return px;
	int skip = TTF_FontLineSkip(font), height = TTF_FontHeight(font);
	return skip > height ? skip : height;
}

static int measure_cap_height(void *ctx, enum font_style style, int px)
{
	struct text_lang *tl = ctx;
	return text_cap_height(tl->t, tl->lang, style, px);
}

struct measurer text_measurer(struct text *t, size_t lang)
{
	for (size_t i = 0; i < CONTENT_MAX_LANGS; i++)
		t->lang_ctx[i] = (struct text_lang){ t, i }; /* t may have been copied */
	return (struct measurer){ .ctx = &t->lang_ctx[lang < CONTENT_MAX_LANGS ? lang : 0],
				  .text_width = measure_width,
				  .word_width = measure_word,
				  .word_slack = TEXT_WORD_SLACK,
				  .line_height = measure_line_height,
				  .cap_height = measure_cap_height,
				  .space_height = measure_space_height };
}

void text_measurers(struct text *t, struct measurer out[CONTENT_MAX_LANGS])
{
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++)
		out[l] = text_measurer(t, l);
}

static bool covers_uncached(struct text *t, size_t lang, uint32_t cp);

bool text_covers(struct text *t, size_t lang, uint32_t cp)
{
	/* most text is ASCII: answered from a table made once per language */
	if (cp < 128) {
		if (!t->ascii_known[lang]) {
			for (uint32_t c = 0; c < 128; c++)
				if (covers_uncached(t, lang, c))
					t->ascii[lang][c / 64] |= 1ULL << (c % 64);
			t->ascii_known[lang] = true;
		}
		return t->ascii[lang][cp / 64] >> (cp % 64) & 1;
	}
	return covers_uncached(t, lang, cp);
}

static bool covers_uncached(struct text *t, size_t lang, uint32_t cp)
{
	const struct text_face *own = &t->faces[t->lang_face[lang]], *base = &t->faces[0];
	for (int st = FONT_REGULAR; st <= FONT_BOLD; st++) {
		bool in_own = own->probe[st] && TTF_GlyphIsProvided32(own->probe[st], cp);
		bool in_base = base->probe[st] && TTF_GlyphIsProvided32(base->probe[st], cp);
		if (!in_own && !in_base)
			return false;
	}
	return true;
}

void text_forget_widths(struct text *t)
{
	widths_clear(t);
}

void text_close(struct text *t)
{
	if (t->hb_buffer)
		hb_buffer_destroy(t->hb_buffer);
	t->hb_buffer = NULL;
	fonts_clear(t);
	for (size_t i = 0; i < t->n_faces; i++)
		face_close(&t->faces[i]);
	t->n_faces = 0;
	widths_clear(t);
}
