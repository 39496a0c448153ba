/* test_text_sdl.c — text.c's font cache: many sizes of one face keep few
 * fonts open (the oldest is set to the new size), and a font set to a size
 * measures exactly as one opened at that size does (the layouts, and so
 * --check's verdict and the pictures, must not depend on which it was),
 * and as wide as the hinted font that draws it.
 * And the estimate of a word's width (measured once, scaled) is within
 * TEXT_WORD_SLACK of its width at the size, and a line measured whole
 * within LAYOUT_JOIN_SLACK of its words added up, for every word and line
 * the layouts of the shipped content and the five-language example
 * measure.
 * And a face's font files are mapped while it is open (only the pages in
 * use resident, not the whole file read into the heap), and unmapped when
 * the text engine closes. */
#include "test.h"

#include "content_file.h"
#include "deck.h"
#include "kiosk.h"
#include "load.h"
#include "text.h"

#include <SDL_ttf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct text text;

#define LATIN "AVAWAY To Tyke, Wave! 0808 802 9999"
/* "it is not your fault" in Arabic: shaped, right to left, by face 0 */
#define ARABIC "\u0644\u064a\u0633 \u0630\u0646\u0628\u0643"

/* The width and line height SDL_ttf gives for s with a font opened afresh
 * at px, set up as text.c sets the fonts it draws with. */
static void fresh(int px, const char *s, bool rtl, const char *script, int *w, int *lh)
{
	TTF_Font *f = TTF_OpenFont(text.faces[0].path[FONT_REGULAR], px);
	CHECK(f != NULL);
	if (!f)
		return;
	TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
	TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(f, script);
	int h = 0;
	CHECK(TTF_SizeUTF8(f, s, w, &h) == 0);
	*lh = TTF_FontLineSkip(f) > TTF_FontHeight(f) ? TTF_FontLineSkip(f) : TTF_FontHeight(f);
	TTF_CloseFont(f);
}

static void many_sizes_keep_few_fonts_open(void)
{
	unsigned long opened = text.fonts_opened, resized = text.fonts_resized;
	for (int px = 10; px < 40; px++)
		CHECK(text_font(&text, 0, FONT_REGULAR, px) != NULL);
	CHECK(text.fonts_opened - opened <= TEXT_FACE_SIZES);
	CHECK(text.fonts_resized - resized >= 30 - TEXT_FACE_SIZES);
	/* the same sizes again: still no more fonts opened */
	for (int px = 10; px < 40; px++)
		CHECK(text_font(&text, 0, FONT_REGULAR, px) != NULL);
	CHECK(text.fonts_opened - opened <= TEXT_FACE_SIZES);
}

static void resized_fonts_measure_as_fresh_ones(void)
{
	struct measurer m = text_measurer(&text, 0);
	/* up and down through the sizes, so every font measured has been set
	 * to other sizes before */
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 40; i++) {
			int px = round == 0 ? 9 + i : 48 - i;
			text_forget_widths(&text);
			int w = m.text_width(m.ctx, FONT_REGULAR, px, LATIN, strlen(LATIN));
			int lh = m.line_height(m.ctx, FONT_REGULAR, px);
			int want_w = -1, want_lh = -1;
			fresh(px, LATIN, false, "Latn", &want_w, &want_lh);
			CHECK_INT(w, want_w);
			CHECK_INT(lh, want_lh);
			w = m.text_width(m.ctx, FONT_REGULAR, px, ARABIC, strlen(ARABIC));
			fresh(px, ARABIC, true, "Arab", &want_w, &want_lh);
			CHECK_INT(w, want_w);
		}
	CHECK(text.fonts_resized > 0);
}

/* Same size and format, same pixels. */
static bool same_pixels(const SDL_Surface *a, const SDL_Surface *b)
{
	if (!a || !b || a->w != b->w || a->h != b->h || a->format->format != b->format->format)
		return false;
	for (int y = 0; y < a->h; y++)
		if (memcmp((const Uint8 *)a->pixels + y * a->pitch, (const Uint8 *)b->pixels + y * b->pitch,
			   (size_t)a->w * a->format->BytesPerPixel) != 0)
			return false;
	return true;
}

/* One font measures (unhinted) and draws (light hinting): a line drawn
 * after the font measured is the line a text engine that never measured
 * draws. */
static void one_font_measures_and_draws(void)
{
	static struct text fresh_text;
	char err[256];
	CHECK(text_open(&fresh_text, "DejaVu Sans", err, sizeof err));
	int px = 23; /* a size no other test here uses */
	SDL_Surface *want = text_render(&fresh_text, 0, FONT_REGULAR, px, LATIN, strlen(LATIN), NULL);
	struct measurer m = text_measurer(&text, 0);
	text_forget_widths(&text);
	m.text_width(m.ctx, FONT_REGULAR, px, LATIN, strlen(LATIN));
	unsigned long fonts = text.fonts_opened + text.fonts_resized, set = text.hinting_set;
	SDL_Surface *drawn = text_render(&text, 0, FONT_REGULAR, px, LATIN, strlen(LATIN), NULL);
	CHECK_INT((int)(text.fonts_opened + text.fonts_resized - fonts), 0); /* the font that measured */
	CHECK_INT((int)(text.hinting_set - set), 1);                         /* set to draw */
	CHECK(same_pixels(want, drawn));
	SDL_FreeSurface(want);
	SDL_FreeSurface(drawn);
	text_close(&fresh_text);
}

/* A measurer that passes everything to text.c's and, for each word the
 * layout estimates, measures it at its size too. */
struct spy {
	struct measurer real;
	long words, lines;
	int worst, worst_join;
	char worst_word[128];
	int worst_px;
};

/* Measures s as text.c does and, when it holds several words (a line
 * measured whole), how much wider it is than its words added up. */
static int spy_text(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	struct spy *sp = ctx;
	int whole = sp->real.text_width(sp->real.ctx, style, px, s, len), sum = 0;
	size_t n = 0;
	for (size_t we = 0; we < len; n++) {
		size_t e = we;
		while (e < len && s[e] == ' ')
			e++;
		while (e < len && s[e] != ' ')
			e++;
		sum += sp->real.text_width(sp->real.ctx, style, px, s + we, e - we);
		we = e;
	}
	if (n > 1) {
		sp->lines++;
		int over = whole - sum - LAYOUT_JOIN_SLACK(n);
		if (over > sp->worst_join)
			sp->worst_join = over;
	}
	return whole;
}

static int spy_word(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	struct spy *sp = ctx;
	int est = sp->real.word_width(sp->real.ctx, style, px, s, len);
	int d = abs(est - sp->real.text_width(sp->real.ctx, style, px, s, len));
	sp->words++;
	if (d > sp->worst) {
		sp->worst = d;
		sp->worst_px = px;
		snprintf(sp->worst_word, sizeof sp->worst_word, "%.*s", (int)len, s);
	}
	return est;
}

static int spy_line(void *ctx, enum font_style style, int px)
{
	struct spy *sp = ctx;
	return sp->real.line_height(sp->real.ctx, style, px);
}

static int spy_cap(void *ctx, enum font_style style, int px)
{
	struct spy *sp = ctx;
	return sp->real.cap_height(sp->real.ctx, style, px);
}

static int spy_space(void *ctx, enum font_style style, int px)
{
	struct spy *sp = ctx;
	return sp->real.space_height(sp->real.ctx, style, px);
}

static void words_estimated_within_the_slack(void)
{
	static const char *const files[] = { "config/content.yaml", "config/examples/multilingual.yaml" };
	static const int sizes[][2] = { { 800, 480 }, { 1280, 800 }, { 1920, 1080 }, { 720, 1280 } };
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		struct content c;
		struct diag_list d = { 0 };
		CHECK_INT(content_load(files[f], &c, NULL, &d), LOAD_OK);
		diag_clear(&d);
		text_set_langs(&text, &c, NULL, 0);
		static struct spy spies[CONTENT_MAX_LANGS];
		struct measurer m[CONTENT_MAX_LANGS];
		for (size_t l = 0; l < CONTENT_MAX_LANGS; l++) {
			spies[l] = (struct spy){ .real = text_measurer(&text, l), .worst_join = INT_MIN };
			m[l] = (struct measurer){ .ctx = &spies[l], .text_width = spy_text, .line_height = spy_line,
						  .cap_height = spy_cap, .space_height = spy_space,
						  .word_width = spy_word, .word_slack = spies[l].real.word_slack };
		}
		for (size_t l = 0; l < c.n_langs; l++)
			for (size_t z = 0; z < 2 * sizeof sizes / sizeof sizes[0]; z++) {
				struct deck dk;
				deck_build(&dk, &m[l], &c,
					   (struct layout_spec){ .w = sizes[z / 2][0], .h = sizes[z / 2][1], .lang = l,
								 .text_scale = z % 2 ? KIOSK_LARGE_TEXT : 1.0 });
				deck_free(&dk);
			}
		long words = 0, lines = 0;
		for (size_t l = 0; l < c.n_langs; l++) {
			words += spies[l].words;
			lines += spies[l].lines;
			/* no line measured whole is wider than its words and the
			 * slack a counting layout allows it */
			CHECK(spies[l].worst_join <= 0);
			if (spies[l].worst > TEXT_WORD_SLACK)
				fprintf(stderr, "  %s (%s): '%s' at %d px is %d px off\n", files[f], c.langs[l],
					spies[l].worst_word, spies[l].worst_px, spies[l].worst);
			CHECK(spies[l].worst <= TEXT_WORD_SLACK);
		}
		/* the estimate really was asked, and lines measured: thousands */
		CHECK(words > 1000);
		CHECK(lines > 1000);
		content_free(&c);
	}
}

/* How many of this process's mappings are of the file at path. */
static int mappings_of(const char *path)
{
	FILE *maps = fopen("/proc/self/maps", "re");
	CHECK(maps != NULL);
	int n = 0;
	char line[4352];
	size_t len = strlen(path);
	while (maps && fgets(line, sizeof line, maps)) {
		char *at = strchr(line, '/');
		if (at && strncmp(at, path, len) == 0 && (at[len] == '\n' || at[len] == '\0'))
			n++;
	}
	if (maps)
		fclose(maps);
	return n;
}

static void font_files_mapped_while_open(void)
{
	/* the shared engine has the same file mapped already: a second
	 * engine adds its own mapping, and closing takes it away again */
	const char *path = text.faces[0].path[FONT_REGULAR];
	int before = mappings_of(path);
	CHECK(before >= 1);
	struct text t;
	char err[256];
	CHECK(text_open(&t, "DejaVu Sans", err, sizeof err));
	CHECK(text_font(&t, 0, FONT_REGULAR, 24) != NULL); /* a size opened from the file */
	CHECK_INT(mappings_of(path), before + 1);
	text_close(&t);
	CHECK_INT(mappings_of(path), before);
}

int main(void)
{
	char err[256];
	if (!text_open(&text, "DejaVu Sans", err, sizeof err) || text.fell_back) {
		fprintf(stderr, "DejaVu Sans is needed for the text tests: %s\n", err);
		return 1;
	}
	RUN(many_sizes_keep_few_fonts_open);
	RUN(resized_fonts_measure_as_fresh_ones);
	RUN(one_font_measures_and_draws);
	RUN(words_estimated_within_the_slack);
	RUN(font_files_mapped_while_open);
	text_close(&text);
	TTF_Quit();
	return TEST_DONE();
}
