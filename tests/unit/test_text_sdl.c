/* test_text_sdl.c — text.c's font cache: many sizes of one face keep few
 * fonts open (the oldest is set to the new size), and a font set to a size
 * measures exactly as one opened at that size does (the layouts, and so
 * --check's verdict and the pictures, must not depend on which it was). */
#include "test.h"

#include "text.h"

#include <SDL_ttf.h>

static struct text text;

#define LATIN "AVAWAY To Tyke, Wave! 0808 802 9999"
/* "it is not your fault" in Arabic: shaped, right to left, by face 0 */
#define ARABIC "\u0644\u064a\u0633 \u0630\u0646\u0628\u0643"

/* The width and line height SDL_ttf gives for s with a font opened afresh
 * at px, set up as text.c sets its fonts. */
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

int main(void)
{
	char err[256];
	if (!text_open(&text, "DejaVu Sans", err, sizeof err) || text.fell_back) {
		fprintf(stderr, "DejaVu Sans is needed for the text tests: %s\n", err);
		return 1;
	}
	RUN(many_sizes_keep_few_fonts_open);
	RUN(resized_fonts_measure_as_fresh_ones);
	text_close(&text);
	TTF_Quit();
	return TEST_DONE();
}
