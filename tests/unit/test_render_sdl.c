/* test_render_sdl.c — real fonts, real SDL software renderer, no display.
 *
 * Screens of tests/render/content.yaml are drawn at 800x480 and 1920x1080
 * and compared with golden PNGs in tests/render/golden/ with a small
 * tolerance (anti-aliasing may differ by a shade between FreeType builds).
 * To accept new pictures deliberately, run with SIGNPOST_UPDATE_GOLDENS=1
 * and look at every changed PNG before committing it.
 *
 * Also: the default content laid out with SDL_ttf measuring, at the sizes
 * staff use, never overlaps or leaves the screen. */
#include "test.h"

#include "content_file.h"
#include "deck.h"
#include "kiosk.h"
#include "load.h"
#include "render.h"
#include "scene.h"
#include "text.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN_DIR "tests/render/golden"
#define CHANNEL_TOLERANCE 48    /* per colour channel, out of 255 */
#define PIXEL_TOLERANCE 0.005   /* share of pixels allowed to differ */

static struct text text;
static struct measurer m;

/* The language golden_named() draws in (the example's Urdu and Arabic);
 * the content's first otherwise. */
static size_t draw_lang;

/* What a golden shows beyond a screen in the loop: the kiosk after a
 * touch (mode), at a text scale, or the Quick exit screen as the notice it
 * is after Quick exit. */
struct view {
	enum kiosk_mode mode;
	double scale;
	bool notice;
};

static const struct view in_the_loop = { KIOSK_ATTRACT, 1.0, false };

static SDL_Surface *draw(const struct content *c, const char *id, int w, int h, bool closed,
			 struct view v, struct draw_list *dl_out, struct deck *dk)
{
	/* the content's fonts and directions (Arabic and Bengali goldens) */
	text_set_langs(&text, c, NULL, 0);
	m = text_measurer(&text, draw_lang);
	deck_build(dk, &m, c,
		   (struct layout_spec){ .w = w, .h = h, .lang = draw_lang, .text_scale = v.scale,
					 .out_of_hours = closed });
	struct kiosk k;
	kiosk_init(&k, c, 0);
	kiosk_set_page_counts(&k, dk->page_counts, dk->n);
	/* after a touch, Back leads somewhere, as after opening a topic */
	struct kiosk_pose pose = { .mode = v.mode, .view = { id ? content_find_screen(c, id) : 0, 0 },
				   .lang = draw_lang, .large_text = v.scale > 1.0, .notice = v.notice,
				   .history = true };
	kiosk_pose(&k, &pose, 0);
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
	struct render rd;
	render_init(&rd, r, &text);
	struct scene_input in = { c, &k, dk->layouts, &m, 0, NULL };
	scene_build(dl_out, &in);
	render_frame(&rd, dl_out);
	SDL_RenderPresent(r);
	render_free(&rd);
	SDL_DestroyRenderer(r);
	kiosk_free(&k);
	return surf;
}

static Uint32 pixel_at(SDL_Surface *s, int x, int y)
{
	return ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] & 0xFFFFFF;
}

/* share of pixels that differ by more than the tolerance in any channel */
static double compare(SDL_Surface *a, SDL_Surface *b)
{
	long bad = 0;
	for (int y = 0; y < a->h; y++)
		for (int x = 0; x < a->w; x++) {
			Uint32 p = pixel_at(a, x, y), q = pixel_at(b, x, y);
			for (int sh = 0; sh <= 16; sh += 8) {
				int d = (int)((p >> sh) & 0xFF) - (int)((q >> sh) & 0xFF);
				if (d > CHANNEL_TOLERANCE || d < -CHANNEL_TOLERANCE) {
					bad++;
					break;
				}
			}
		}
	return (double)bad / ((double)a->w * a->h);
}

/* Every pixel of each QR code is pure black or pure white and is the
 * module it belongs to: whole-pixel modules, no blur, the quiet zone white. */
static void check_qr_pixels(SDL_Surface *surf, const struct draw_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		const struct draw_item *it = &dl->items[i];
		if (it->kind != DRAW_QR)
			continue;
		long wrong = 0;
		for (int y = 0; y < it->h; y++)
			for (int x = 0; x < it->w; x++) {
				int mx = x / it->module - QR_QUIET_ZONE, my = y / it->module - QR_QUIET_ZONE;
				Uint32 want = qr_dark(it->qr, mx, my) ? 0x000000 : 0xFFFFFF;
				wrong += pixel_at(surf, it->x + x, it->y + y) != want;
			}
		CHECK_INT(wrong, 0);
	}
}

/* The golden NAME-WxH.png of screen id (NULL: the topics or another
 * panel v shows). */
static void golden_named(const struct content *c, const char *id, const char *name, int w, int h,
			 bool closed, struct view v)
{
	struct draw_list dl = { 0 };
	struct deck dk;
	SDL_Surface *surf = draw(c, id, w, h, closed, v, &dl, &dk);
	char path[512];
	snprintf(path, sizeof path, GOLDEN_DIR "/%s-%dx%d.png", name, w, h);
	id = name;
	check_qr_pixels(surf, &dl);

	/* what the draw list promises is really in the pixels: the call box is
	 * filled with the accent colour, the background is the theme's */
	for (size_t i = 0; i < dl.n; i++) {
		const struct draw_item *it = &dl.items[i];
		if (it->role == ROLE_CALL_BOX)
			CHECK_INT(pixel_at(surf, it->x + it->w / 2, it->y + 3), 0xF2B705);
	}
	CHECK_INT(pixel_at(surf, 2, 2), 0x1B2340);

	if (getenv("SIGNPOST_UPDATE_GOLDENS")) {
		CHECK_INT(IMG_SavePNG(surf, path), 0);
		printf("wrote %s: look at it before committing\n", path);
	} else {
		SDL_Surface *raw = IMG_Load(path);
		if (!raw) {
			fprintf(stderr, "%s: missing golden; create it with SIGNPOST_UPDATE_GOLDENS=1\n", path);
			CHECK(raw != NULL);
		} else {
			SDL_Surface *g = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
			CHECK_INT(g->w, w);
			CHECK_INT(g->h, h);
			if (g->w == w && g->h == h) {
				double diff = compare(surf, g);
				if (diff > PIXEL_TOLERANCE) {
					char out[512];
					snprintf(out, sizeof out, "%s-%dx%d.actual.png", id, w, h);
					IMG_SavePNG(surf, out);
					fprintf(stderr, "%s differs in %.2f%% of pixels; actual frame in %s\n",
						path, diff * 100, out);
				}
				CHECK(diff <= PIXEL_TOLERANCE);
			}
			SDL_FreeSurface(g);
			SDL_FreeSurface(raw);
		}
	}
	SDL_FreeSurface(surf);
	draw_list_free(&dl);
	deck_free(&dk);
}

static void golden_at(const struct content *c, const char *id, int w, int h, bool closed)
{
	char name[128];
	snprintf(name, sizeof name, "%s%s", id, closed ? "-closed" : "");
	golden_named(c, id, name, w, h, closed, in_the_loop);
}

static void golden(const struct content *c, const char *id, int w, int h)
{
	golden_at(c, id, w, h, false);
}

static struct content fixture;

static void goldens_small(void)
{
	golden(&fixture, "reporting", 800, 480);
	golden(&fixture, "havens", 800, 480);
	golden(&fixture, "neutral", 800, 480);
}

static void goldens_large(void)
{
	golden(&fixture, "reporting", 1920, 1080);
	golden(&fixture, "havens", 1920, 1080);
}

static void golden_portrait(void)
{
	golden(&fixture, "havens", 480, 800);
	/* after a touch: the two rows of buttons, Topics among them, and the
	 * arrows at the bottom of the band */
	golden_named(&fixture, "havens", "havens-touched", 480, 800, false,
		     (struct view){ KIOSK_BROWSE, 1.0, false });
}

/* The Quick exit screen as Quick exit shows it: an ordinary notice, no
 * controls, no hint, no dots. */
static void golden_quick_exit(void)
{
	golden_named(&fixture, "neutral", "neutral-notice", 800, 480, false,
		     (struct view){ KIOSK_ATTRACT, 1.0, true });
}

/* Arabic joined and right to left (with a Latin name and a phone number
 * inside), Bengali shaped (conjuncts, vowel signs before the consonant):
 * checked by eye before these goldens were frozen */
static struct content arabic, bengali;

static void goldens_scripts(void)
{
	golden(&arabic, "havens-ar", 800, 480);
	golden(&arabic, "reporting-ar", 1920, 1080);
	golden(&bengali, "havens-bn", 800, 480);
	golden(&bengali, "reporting-bn", 1920, 1080);
	/* the topics in Arabic at A+: tiles from the right, the titles large */
	golden_named(&arabic, NULL, "topics-ar-large", 800, 480, false,
		     (struct view){ KIOSK_MENU, KIOSK_LARGE_TEXT, false });
}

/* the five-language example: Urdu's welcome on one page (in Naskh, spaced
 * by its ink, not by the font's ascent and descent); Arabic in large text,
 * the two calls of "Where to get help now" with their codes. Looked at
 * before they were frozen. */
static struct content example;

static void goldens_example(void)
{
	draw_lang = 3; /* ur */
	golden_named(&example, "welcome", "welcome-ur", 800, 480, false, in_the_loop);
	draw_lang = 2; /* ar */
	golden_named(&example, "reporting", "reporting-ar-large", 800, 480, false,
		     (struct view){ KIOSK_ATTRACT, KIOSK_LARGE_TEXT, false });
	golden_named(&example, "help", "help-ar", 800, 480, false, in_the_loop);
	draw_lang = 0;
}

/* a QR code beside the number; the out-of-hours banner */
static void goldens_qr_and_banner(void)
{
	golden(&fixture, "qr", 800, 480);
	golden(&fixture, "qr", 1920, 1080);
	golden(&fixture, "qr", 480, 800);
	golden_at(&fixture, "havens", 800, 480, true);
}

/* text textures are made once and reused: drawing the same frame again, or
 * a fade frame by frame, makes no new ones */
static void text_textures_are_reused(void)
{
	struct deck dk;
	deck_build(&dk, &m, &fixture, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	struct kiosk k;
	kiosk_init(&k, &fixture, 0);
	kiosk_set_page_counts(&k, dk.page_counts, dk.n);
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 800, 480, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
	struct render rd;
	render_init(&rd, r, &text);
	struct draw_list dl = { 0 };
	uint64_t dwell = kiosk_dwell_ms(&k, k.view.screen);
	unsigned long made[4];
	uint64_t times[4] = { 0, 10, dwell + 100, dwell + 200 };
	for (int i = 0; i < 4; i++) {
		kiosk_tick(&k, times[i]);
		struct scene_input in = { &fixture, &k, dk.layouts, &m, times[i], NULL };
		scene_build(&dl, &in);
		render_frame(&rd, &dl);
		made[i] = rd.textures_made;
	}
	CHECK(made[0] > 5);             /* the first frame makes its texts */
	CHECK_INT(made[1], made[0]);    /* the same frame again: none */
	CHECK(made[2] > made[1]);       /* the fade brings the next page's texts */
	CHECK_INT(made[3], made[2]);    /* later fade frames: none */
	draw_list_free(&dl);
	render_free(&rd);
	SDL_DestroyRenderer(r);
	SDL_FreeSurface(surf);
	kiosk_free(&k);
	deck_free(&dk);
}

/* the shipped content with real glyph widths: nothing outside the screen,
 * no two runs of text on top of each other, at every size staff use */
static void default_content_never_overlaps(void)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(content_load("config/content.yaml", &c, NULL, &d), LOAD_OK);
	diag_clear(&d);
	static const int sizes[][2] = { { 800, 480 }, { 480, 800 }, { 1024, 600 },
					{ 1280, 800 }, { 1920, 1080 }, { 1080, 1920 } };
	/* and out of hours, with a banner that gives the help line */
	c.out_of_hours = (struct out_of_hours){ .given = true, .call = c.help };
	for (size_t i = 0; i < c.n_langs; i++)
		c.out_of_hours.text.by_lang[i] = "We are closed now. This line is open day and night:";
	int qr_codes = 0;
	for (size_t z = 0; z < 2 * sizeof sizes / sizeof sizes[0]; z++) {
		int w = sizes[z % 6][0], h = sizes[z % 6][1];
		struct deck dk;
		deck_build(&dk, &m, &c,
			   (struct layout_spec){ .w = w, .h = h, .text_scale = 1.0, .out_of_hours = z >= 6 });
		for (size_t s = 0; s < dk.n; s++)
			for (size_t p = 0; p < dk.layouts[s].n_pages; p++) {
				const struct page *pg = &dk.layouts[s].pages[p];
				for (size_t i = 0; i < pg->n_elems; i++) {
					const struct elem *a = &pg->elems[i];
					CHECK(a->x >= 0 && a->y >= 0 && a->x + a->w <= w && a->y + a->h <= h);
					for (size_t j = 0; j < pg->n_elems; j++) {
						const struct elem *b = &pg->elems[j];
						/* text never on text; a QR code on nothing */
						bool both_text = j > i && a->text && b->text;
						bool code = a->role == ELEM_QR && j != i && b->role != ELEM_BAND;
						if (!both_text && !code)
							continue;
						CHECK(!(a->x < b->x + b->w && b->x < a->x + a->w &&
							a->y < b->y + b->h && b->y < a->y + a->h));
					}
					if (a->role == ELEM_QR) {
						qr_codes++;
						CHECK(a->module >= QR_MIN_MODULE_PX);
					}
				}
			}
		deck_free(&dk);
	}
	CHECK_INT(qr_codes, 12 * 3); /* the help and urgent screens' codes, at every size */
	content_free(&c);
}

/* The page a call number of screen id is on in each of its calls: true
 * when they all share one. */
static bool calls_share_a_page(const struct deck *dk, const struct content *c, const char *id)
{
	const struct screen_layout *l = &dk->layouts[content_find_screen(c, id)];
	int page = -1, calls = 0;
	bool one = true;
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_elems; i++)
			if (l->pages[p].elems[i].role == ELEM_CALL_NUMBER) {
				one = one && (page < 0 || page == (int)p);
				page = (int)p;
				calls++;
			}
	return one && calls >= 2;
}

/* The five-language example, with its fonts and a measurer per language. */
static void load_example(struct content *c, struct measurer by_lang[CONTENT_MAX_LANGS])
{
	struct diag_list d = { 0 };
	CHECK_INT(content_load("config/examples/multilingual.yaml", c, NULL, &d), LOAD_OK);
	diag_clear(&d);
	text_set_langs(&text, c, NULL, 0);
	text_measurers(&text, by_lang);
}

/* The five-language example with its real fonts at 800x480, normal and
 * large text, open and closed, landscape and portrait: nothing off the
 * screen or under the band; the numbers of "Where to get help now" and "If
 * you are in danger" on one page; Arabic spaced and sized like English. */
static void multilingual_example_lays_out_like_english(void)
{
	struct content c;
	struct measurer by_lang[CONTENT_MAX_LANGS];
	load_example(&c, by_lang);
	c.out_of_hours = (struct out_of_hours){ .given = true, .call = c.help };
	for (size_t i = 0; i < c.n_langs; i++)
		c.out_of_hours.text.by_lang[i] = "We are closed now. This line is open day and night:";
	for (size_t lang = 0; lang < c.n_langs; lang++)
		for (int z = 0; z < 8; z++) {
			double scale = z & 1 ? KIOSK_LARGE_TEXT : 1.0;
			bool closed = z & 2;
			int W = z & 4 ? 480 : 800, H = z & 4 ? 800 : 480; /* landscape, portrait */
			struct deck dk;
			deck_build(&dk, &by_lang[lang], &c,
				   (struct layout_spec){ .w = W, .h = H, .lang = lang, .text_scale = scale,
							 .out_of_hours = closed });
			for (size_t s = 0; s < dk.n; s++)
				for (size_t p = 0; p < dk.layouts[s].n_pages; p++) {
					const struct screen_layout *l = &dk.layouts[s];
					const struct page *pg = &l->pages[p];
					for (size_t i = 0; i < pg->n_elems; i++) {
						const struct elem *e = &pg->elems[i];
						CHECK(e->x >= 0 && e->y >= 0 && e->x + e->w <= W && e->y + e->h <= H);
						bool body = e->role != ELEM_TITLE && e->role != ELEM_HINT &&
							    e->role != ELEM_BAND && e->role < ELEM_BAND;
						body |= e->role == ELEM_QR || e->role == ELEM_QR_CAPTION;
						if (body &&
						    !(e->y >= l->m.body_top && e->y + e->h <= l->m.body_bottom)) {
							fprintf(stderr, "%s %s %dx%d x%.1f%s page %zu: element %d at y %d..%d outside %d..%d\n",
								c.langs[lang], c.screens[s].id, W, H, scale, closed ? " closed" : "", p + 1,
								(int)e->role, e->y, e->y + e->h, l->m.body_top, l->m.body_bottom);
							CHECK(false);
						}
					}
				}
			/* at normal size the numbers stay together; A+ turns into
			 * pages rather than go below 0.7 degrees (--check warns
			 * when that parts them) */
			if (scale == 1.0) {
				CHECK(calls_share_a_page(&dk, &c, "help"));
				CHECK(calls_share_a_page(&dk, &c, "urgent"));
			}
			if (scale == 1.0 && !closed && W == 800 && strcmp(c.langs[lang], "en") != 0)
				CHECK_INT(dk.page_counts[content_find_screen(&c, "welcome")], 1);
			deck_free(&dk);
		}
	/* Arabic lines about as far apart as English ones (Noto Sans Arabic's
	 * own ascent and descent made them 1.8 times); digits drawn alike */
	const struct measurer *en = &by_lang[0], *ar = &by_lang[2];
	for (int px = 16; px <= 60; px += 4) {
		int le = en->line_height(en->ctx, FONT_REGULAR, px), la = ar->line_height(ar->ctx, FONT_REGULAR, px);
		CHECK(la >= le && la * 10 <= le * 16);
		const char *num = "0808 500 2222";
		for (size_t lang = 1; lang < c.n_langs; lang++)
			CHECK_INT(by_lang[lang].text_width(by_lang[lang].ctx, FONT_BOLD, px, num, strlen(num)),
				  en->text_width(en->ctx, FONT_BOLD, px, num, strlen(num)));
	}
	content_free(&c);
}

/* Every title, text and list item of the example, in every language and
 * both styles, draws its ink inside the width the measurer gives it: the
 * layout places and wraps text by that width, so ink beyond it would stick
 * out of a tile or a call box. */
static void texts_are_drawn_as_wide_as_measured(void)
{
	struct content c;
	struct measurer by_lang[CONTENT_MAX_LANGS];
	load_example(&c, by_lang);
	int worst = 0, texts = 0;
	for (size_t lang = 0; lang < c.n_langs; lang++)
		for (size_t s = 0; s < c.n_screens; s++) {
			const struct screen *sc = &c.screens[s];
			const char *t[64];
			size_t n = 0;
			t[n++] = sc->title.by_lang[lang];
			for (size_t b = 0; b < sc->n_blocks && n < 60; b++) {
				const struct block *bl = &sc->blocks[b];
				if (bl->kind == BLOCK_TEXT)
					t[n++] = bl->text.by_lang[lang];
				for (size_t i = 0; i < bl->n_items && n < 60; i++)
					t[n++] = bl->items[i].by_lang[lang];
				if (bl->kind == BLOCK_CALL)
					t[n++] = bl->call.name.by_lang[lang];
			}
			for (size_t i = 0; i < n; i++)
				for (int style = 0; style < 2; style++) {
					enum font_style fs = style ? FONT_BOLD : FONT_REGULAR;
					int px = 28;
					/* a line's worth: up to the first newline, at most 60 bytes on a character boundary */
					size_t len = strcspn(t[i], "\n");
					if (len > 60)
						for (len = 60; len > 0 && ((unsigned char)t[i][len] & 0xC0) == 0x80; len--)
							;
					int measured = by_lang[lang].text_width(by_lang[lang].ctx, fs, px, t[i], len);
					int top;
					SDL_Surface *surf = text_render(&text, lang, fs, px, t[i], len, &top);
					if (!surf)
						continue;
					int right = 0;
					for (int y = 0; y < surf->h; y++)
						for (int x = 0; x < surf->w; x++) {
							Uint32 p = ((Uint32 *)((Uint8 *)surf->pixels + y * surf->pitch))[x];
							Uint8 r, g, b, a;
							SDL_GetRGBA(p, surf->format, &r, &g, &b, &a);
							if (a > 64 && x + 1 > right)
								right = x + 1;
						}
					SDL_FreeSurface(surf);
					texts++;
					if (right - measured > worst)
						worst = right - measured;
					if (right > measured + 1) {
						fprintf(stderr, "%s: \"%.*s\" inks %d px, measured %d\n", c.langs[lang],
							(int)len, t[i], right, measured);
						CHECK(right <= measured + 1);
					}
				}
		}
	CHECK(texts > 200);
	fprintf(stderr, "  %d texts: ink at most %d px beyond the measured width\n", texts, worst);
	content_free(&c);
}

int main(void)
{
	char err[256];
	if (!text_open(&text, "DejaVu Sans", err, sizeof err) || text.fell_back) {
		fprintf(stderr, "DejaVu Sans is needed for the render tests: %s\n", err);
		return 1;
	}
	m = text_measurer(&text, 0);
	struct diag_list d = { 0 };
	if (content_load("tests/render/content.yaml", &fixture, NULL, &d) != LOAD_OK) {
		diag_print(&d, "tests/render/content.yaml", stderr);
		return 1;
	}
	diag_clear(&d);
	if (content_load("tests/render/arabic.yaml", &arabic, NULL, &d) != LOAD_OK ||
	    content_load("tests/render/bengali.yaml", &bengali, NULL, &d) != LOAD_OK) {
		diag_print(&d, "tests/render/arabic.yaml or bengali.yaml", stderr);
		return 1;
	}
	diag_clear(&d);
	if (content_load("config/examples/multilingual.yaml", &example, NULL, &d) != LOAD_OK) {
		diag_print(&d, "config/examples/multilingual.yaml", stderr);
		return 1;
	}
	diag_clear(&d);
	RUN(goldens_small);
	RUN(goldens_large);
	RUN(golden_portrait);
	RUN(golden_quick_exit);
	RUN(goldens_scripts);
	RUN(goldens_qr_and_banner);
	RUN(goldens_example);
	RUN(default_content_never_overlaps);
	RUN(multilingual_example_lays_out_like_english);
	RUN(texts_are_drawn_as_wide_as_measured);
	RUN(text_textures_are_reused);
	content_free(&fixture);
	content_free(&arabic);
	content_free(&bengali);
	content_free(&example);
	text_close(&text);
	TTF_Quit();
	IMG_Quit();
	SDL_Quit();
	return TEST_DONE();
}
