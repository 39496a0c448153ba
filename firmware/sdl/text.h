/* text.h — fonts found through fontconfig, text shaped by SDL_ttf's
 * HarfBuzz, and the measurer the pure layout uses.
 *
 * One `struct text` per process. It knows a few font families ("faces"):
 * face 0 is the theme's font (or DejaVu Sans), and each language may have
 * its own (theme.fonts). A line of text is cut into runs of one direction
 * (GNU FriBidi's levels), one script and one face: a run takes the
 * language's face when that face can draw it and face 0 otherwise, so an
 * Arabic sentence with "Childline" in it draws both. Each run is shaped
 * with its direction and script, and runs are placed in visual order.
 * Widths are measured unhinted (light hinting, which draws, moves ink only
 * up and down) and cached by (language, style, size, text); a word is also
 * shaped once by HarfBuzz in font units, from which its width at any size
 * is estimated for the layout to add words up with (measurer.word_width).
 * TTF_Fonts per (face, style, size, hinted or not), at most
 * TEXT_FACE_SIZES sizes of each open at once: past them the oldest is set
 * to the new size, which keeps the face's hinting and shaping data (made
 * once per opened face). */
#ifndef SIGNPOST_TEXT_H
#define SIGNPOST_TEXT_H

#include "content.h"
#include "layout.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct _TTF_Font TTF_Font;
struct SDL_Surface;

#define TEXT_MAX_FONTS 64
/* sizes of one face and style open at once; past them one is resized.
 * An open size is about 110 KB (FreeType's face, SDL_ttf's glyph cache,
 * HarfBuzz's copies of the layout tables). With 2 instead of 8, a warm
 * kiosk peaked 1.5 MB lower, its first frame took 3 % fewer instructions
 * and the checks fewer too (default 128 -> 118 M, five languages 638 ->
 * 632 M; with 3 or 4 the five languages were 622 or 619 M, for 0.6-1 MB
 * more); drawing every screen cost the same (tests/bench, 2026-12-08). */
#define TEXT_FACE_SIZES 2
#define TEXT_MAX_FACES (CONTENT_MAX_LANGS + 1)
#define TEXT_FALLBACK_FAMILY "DejaVu Sans"
#define TEXT_CAPS 64 /* capital heights kept (text_cap_height) */

/* A table of measured widths (text.c). */
struct text_widths {
	struct text_width *slot;
	size_t n, cap;
};

/* How far the estimate of a word's width may be from its width measured at
 * its size, in pixels: see text_measurer and tests/unit/test_text_sdl.c. */
#define TEXT_WORD_SLACK 2

struct text_face {
	char family[128];
	char path[2][1024]; /* FONT_REGULAR, FONT_BOLD */
	void *file[2];      /* each file mapped once; every size opens from memory */
	size_t file_len[2];
	TTF_Font *probe[2]; /* for "can this face draw that character" */
	struct hb_font_t *hb[2]; /* HarfBuzz on file[], in font units: word widths */
};

struct text;

/* What a measurer's ctx points at: the text engine and a language. */
struct text_lang {
	struct text *t;
	size_t lang;
};

struct text {
	bool fell_back;     /* the theme's family could not be used ... */
	char why[1400];     /* ... and why, in words for staff */
	struct text_face faces[TEXT_MAX_FACES];
	size_t n_faces;
	/* per language: its face (0 = the theme's) and direction */
	int lang_face[CONTENT_MAX_LANGS];
	bool lang_rtl[CONTENT_MAX_LANGS];
	/* per language, when its own face draws a script we have a sample of
	 * (text_set_langs): the size its face is drawn at for a nominal px
	 * (size * px); the most ink of a line above and below the baseline,
	 * and how close two lines can be without touching, per style, as
	 * fractions of px: its line height comes from these instead of the
	 * font's ascent and descent, which make room for rare mark stacks */
	const char *lang_script[CONTENT_MAX_LANGS];
	double lang_size[CONTENT_MAX_LANGS];
	double lang_above[CONTENT_MAX_LANGS][2], lang_below[CONTENT_MAX_LANGS][2];
	double lang_touch[CONTENT_MAX_LANGS][2];
	/* face 0's room between two Latin lines as close as they can be: its
	 * line skip less that, as a fraction of px, per style */
	double clearance[2];
	struct text_lang lang_ctx[CONTENT_MAX_LANGS];
	/* what text_set_langs() last set up, to keep it when nothing changed */
	bool langs_set, langs_ok;
	bool tuned; /* text_tune() since the faces last changed */
	char want_font[CONTENT_MAX_LANGS][128];
	const char *want_script[CONTENT_MAX_LANGS];
	char langs_problem[1600];
	struct {
		int face;
		enum font_style style;
		int px;
		bool hinted; /* light hinting (drawing), or none (measuring) */
		TTF_Font *font;
		unsigned long used; /* font_clock when last asked for */
	} fonts[TEXT_MAX_FONTS];
	size_t n_fonts;
	unsigned long font_clock;
	/* characters no face had: the face found for each (-1: none) */
	struct {
		uint32_t cp;
		int face;
	} missing[32];
	size_t n_missing;
	/* which ASCII characters each language's fonts draw (text_covers) */
	uint64_t ascii[CONTENT_MAX_LANGS][2];
	bool ascii_known[CONTENT_MAX_LANGS];
	/* widths already measured, by (language, style, size, text): a layout
	 * measures the same words again and again */
	struct text_widths widths;
	/* words measured once, in font units, by (language, style, text), from
	 * which their width at any size is estimated (text_measurer) */
	struct text_widths words;
	struct hb_buffer_t *hb_buffer; /* for them */
	unsigned long measured, cached; /* for benchmarks */
	unsigned long words_measured;   /* words measured in font units */
	unsigned long fonts_opened;     /* TTF_Fonts opened so far */
	unsigned long fonts_resized;    /* and set to another size instead */
	unsigned long hinting_set;      /* a font set from drawing to measuring, or back */
	/* capital heights by (px, style): 0 = none yet, else px * 2 + style + 1 */
	struct text_cap {
		unsigned key;
		int height;
	} caps[TEXT_CAPS];
};

/* Finds the files for family (regular and bold) through fontconfig, falling
 * back to DejaVu Sans, as face 0. Returns false with a message in err when
 * no usable font exists at all. Initialises SDL_ttf (TTF_Init) if needed.
 * Every language uses face 0, left to right, until text_set_langs(). */
bool text_open(struct text *t, const char *family, char *err, size_t errlen);

/* Gives each of c's languages its font (theme.fonts) and direction. A font
 * that is not installed leaves that language on face 0; *problem (if not
 * NULL) then says which, in words for staff, and false is returned. */
bool text_set_langs(struct text *t, const struct content *c, char *problem, size_t len);

/* text_set_langs() in its two halves: the faces and directions, then the
 * lines' tuning (the ink of each script's sample lines, drawn at 100 px:
 * for five languages about half the instructions of a start). The tuning
 * is a function of the fonts chosen and the program alone, so a verdict
 * remembered for both may carry it (memo.h): given, it is taken as it is;
 * NULL measures it (once: again only after the faces change). Nothing may
 * be measured or drawn between the two. */
bool text_set_faces(struct text *t, const struct content *c, char *problem, size_t len);
struct text_ink {
	bool tuned[CONTENT_MAX_LANGS];
	double size[CONTENT_MAX_LANGS];
	double above[CONTENT_MAX_LANGS][2], below[CONTENT_MAX_LANGS][2], touch[CONTENT_MAX_LANGS][2];
	double clearance[2];
};
void text_tune(struct text *t, const struct text_ink *given);
/* The tuning in use, to be given back to text_tune() another time. */
void text_ink_get(const struct text *t, struct text_ink *out);

/* The font for (face, style, px), opened on first use; NULL if it cannot be. */
TTF_Font *text_font(struct text *t, int face, enum font_style style, int px);

/* A measurer for text in language lang (measurer.ctx = &t->lang_ctx[lang]). */
struct measurer text_measurer(struct text *t, size_t lang);

/* text_measurer() for every language: out[lang]. */
void text_measurers(struct text *t, struct measurer out[CONTENT_MAX_LANGS]);

/* Draws s[0..len) in language lang: white on transparent, runs shaped and
 * in visual order, the baseline where every line of the language has it.
 * The surface's top is *top pixels below the line's top (0, or negative
 * when a tall stroke rises above the line, as Nastaliq's do): draw it
 * there. NULL when nothing can be drawn. Free with SDL_FreeSurface. */
struct SDL_Surface *text_render(struct text *t, size_t lang, enum font_style style, int px,
				const char *s, size_t len, int *top);

/* Whether language lang's fonts (its own, then face 0) can draw cp in both
 * styles. */
bool text_covers(struct text *t, size_t lang, uint32_t cp);

/* An installed family that has cp (fontconfig's choice) in out, or NULL. */
const char *text_family_for(uint32_t cp, char *out, size_t len);

/* The family used for language lang. */
const char *text_family(const struct text *t, size_t lang);

/* Capital height of the font for language lang at px, in pixels. */
int text_cap_height(struct text *t, size_t lang, enum font_style style, int px);

/* Forgets every measured width (fonts stay open): for benchmarks. */
void text_forget_widths(struct text *t);

/* Closes every font; t can be opened again. */
void text_close(struct text *t);

#endif
