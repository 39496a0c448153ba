/* test_scene.c — frames as data: what the draw list holds in the loop and
 * during transitions, and the colour arithmetic behind the palette. */
#include "fixture.h"
#include "world.h"
#include "test.h"

#include "deck.h"
#include "gesture.h"
#include "kiosk.h"
#include "scene.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void world_init(struct world *w, int width, int height)
{
	fixture_content(&w->c, 3);
	for (size_t s = 0; s < 3; s++) {
		struct block *b = fixture_blocks(&w->c, s, 2);
		const char *steps[] = { "First thing", "Second thing" };
		fixture_list(&w->c, &b[0], BLOCK_STEPS, steps, 2);
		b[1].kind = BLOCK_CALL;
		b[1].call = (struct call){ .name = lt("The Havens"), .number = "020 3299 6900" };
	}
	world_start(w, width, height);
}


static size_t count(const struct draw_list *l, enum draw_role r)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += l->items[i].role == r;
	return n;
}

static const struct draw_item *find(const struct draw_list *l, enum draw_role r)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].role == r)
			return &l->items[i];
	return NULL;
}

static void still_frame_has_everything_in_place(void)
{
	struct world w;
	world_init(&w, 800, 480);
	world_build(&w, 0);
	CHECK(w.dl.n > 0);
	CHECK_INT(w.dl.items[0].role, ROLE_BACKGROUND);
	CHECK_INT(w.dl.items[0].rgb, 0x1B2340);
	CHECK_INT(count(&w.dl, ROLE_BACKGROUND), 1);
	CHECK_INT(count(&w.dl, ROLE_STEP_BADGE), 2);
	CHECK_INT(count(&w.dl, ROLE_STEP_NUMBER), 2);
	CHECK_INT(count(&w.dl, ROLE_CALL_NUMBER), 1);
	CHECK_INT(count(&w.dl, ROLE_HELP_NUMBER), 1);
	CHECK(count(&w.dl, ROLE_HINT) >= 1);
	CHECK_INT(count(&w.dl, ROLE_DOT) + count(&w.dl, ROLE_DOT_CURRENT), 3);
	CHECK_INT(count(&w.dl, ROLE_DOT_CURRENT), 1);
	const struct draw_item *num = find(&w.dl, ROLE_CALL_NUMBER);
	CHECK_STR(num->text, "020 3299 6900");
	CHECK_INT(num->rgb, 0x1B2340); /* dark ink on the yellow accent reads best */
	CHECK_INT(find(&w.dl, ROLE_CALL_BOX)->rgb, 0xF2B705);
	CHECK(find(&w.dl, ROLE_CALL_BOX)->radius > 0);
	size_t len;
	const struct draw_item *badge = find(&w.dl, ROLE_STEP_BADGE);
	const struct draw_item *n1 = find(&w.dl, ROLE_STEP_NUMBER);
	CHECK_STR(draw_item_text(n1, &len), "1");
	/* the number sits centred in its circle */
	CHECK(abs((n1->x + n1->w / 2) - (badge->x + badge->w / 2)) <= 1);
	for (size_t i = 0; i < w.dl.n; i++) {
		const struct draw_item *it = &w.dl.items[i];
		CHECK(it->x >= 0 && it->y >= 0 && it->x + it->w <= 800 && it->y + it->h <= 480);
		CHECK_INT(it->alpha == 0, 0);
	}
	world_free(&w);
}

static void dots_follow_the_loop(void)
{
	struct world w;
	world_init(&w, 800, 480);
	kiosk_tick(&w.k, 12000);
	kiosk_tick(&w.k, 12400);
	world_build(&w, 12400);
	/* the current dot is the second one: further right than the first */
	const struct draw_item *cur = find(&w.dl, ROLE_DOT_CURRENT);
	const struct draw_item *first = find(&w.dl, ROLE_DOT);
	CHECK(cur && first && cur->x > first->x);
	CHECK_INT(cur->rgb, 0xF2B705);
	world_free(&w);
}

static void fade_draws_both_pages_new_one_translucent(void)
{
	struct world w;
	world_init(&w, 800, 480);
	kiosk_tick(&w.k, 12000);
	world_build(&w, 12150);
	CHECK_INT(count(&w.dl, ROLE_BACKGROUND), 2);
	size_t second = 0;
	for (size_t i = 1; i < w.dl.n; i++)
		if (w.dl.items[i].role == ROLE_BACKGROUND)
			second = i;
	CHECK_INT(w.dl.items[0].alpha, 255);
	CHECK(w.dl.items[second].alpha > 100 && w.dl.items[second].alpha < 155); /* halfway */
	world_build(&w, 12299);
	for (size_t i = 1; i < w.dl.n; i++)
		if (w.dl.items[i].role == ROLE_BACKGROUND)
			CHECK(w.dl.items[i].alpha > 250);
	kiosk_tick(&w.k, 12300);
	world_build(&w, 12300);
	CHECK_INT(count(&w.dl, ROLE_BACKGROUND), 1);
	world_free(&w);
}

static void slide_moves_pages_sideways(void)
{
	struct world w;
	world_init(&w, 800, 480);
	w.c.transition = TRANSITION_SLIDE;
	kiosk_tick(&w.k, 12000);
	world_build(&w, 12150);
	int xs[2], n = 0;
	for (size_t i = 0; i < w.dl.n && n < 2; i++)
		if (w.dl.items[i].role == ROLE_BACKGROUND)
			xs[n++] = w.dl.items[i].x;
	CHECK_INT(n, 2);
	CHECK_INT(xs[0], -400); /* halfway out to the left */
	CHECK_INT(xs[1], 400);  /* halfway in from the right */
	world_free(&w);
}

static void contrast_matches_wcag_examples(void)
{
	CHECK(fabs(colour_contrast(0x000000, 0xFFFFFF) - 21.0) < 0.01);
	CHECK(fabs(colour_contrast(0xFFFFFF, 0xFFFFFF) - 1.0) < 0.01);
	CHECK(fabs(colour_contrast(0x777777, 0xFFFFFF) - 4.48) < 0.01);
	CHECK(fabs(colour_contrast(0x1B2340, 0xFFFFFF) - 15.5) < 0.2);
	CHECK(colour_contrast(0xF2B705, 0x1B2340) > 7.0);
	CHECK_INT(colour_mix(0x000000, 0xFFFFFF, 0.5), 0x808080);
	CHECK_INT(colour_mix(0x102030, 0x102030, 0.7), 0x102030);
}


/* Where a logical point is drawn on the panel: the inverse of
 * gesture_rotate_point, written out here independently. */
static void to_panel(int rot, int pw, int ph, int lx, int ly, int *px, int *py)
{
	switch (rot) {
	case 90: *px = pw - 1 - ly; *py = lx; break;
	case 180: *px = pw - 1 - lx; *py = ph - 1 - ly; break;
	case 270: *px = ly; *py = ph - 1 - lx; break;
	default: *px = lx; *py = ly; break;
	}
}

static void buttons_are_hit_where_they_are_drawn_in_every_rotation(void)
{
	static const int rots[] = { 0, 90, 180, 270 };
	const int pw = 800, ph = 480;
	for (int r = 0; r < 4; r++) {
		int lw = rots[r] % 180 ? ph : pw, lh = rots[r] % 180 ? pw : ph;
		struct world w;
		world_init(&w, lw, lh);
		w.c.quick_exit = 2;
		kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }, 0);
		world_build(&w, 0);
		CHECK(w.dl.n_hits >= 4);
		for (size_t i = 0; i < w.dl.n_hits; i++) {
			const struct hit *h = &w.dl.hits[i];
			/* a touch on the panel at the middle of the drawn button */
			int px, py, lx, ly, arg;
			to_panel(rots[r], pw, ph, h->x + h->w / 2, h->y + h->h / 2, &px, &py);
			CHECK(px >= 0 && px < pw && py >= 0 && py < ph);
			gesture_rotate_point(rots[r], pw, ph, px, py, &lx, &ly);
			CHECK_INT(scene_hit(&w.dl, lx, ly, &arg), h->action);
			/* and targets are at least 9 mm */
			CHECK(h->h >= 9 * gesture_px_per_mm(lw, lh, 0) - 1);
		}
		world_free(&w);
	}
}

static void attract_shows_only_quick_exit_and_touch_hint(void)
{
	struct world w;
	world_init(&w, 800, 480);
	w.c.quick_exit = 2;
	world_build(&w, 0);
	CHECK_INT(w.dl.n_hits, 1);
	CHECK_INT(w.dl.hits[0].action, ACTION_QUICK_EXIT);
	CHECK_INT(count(&w.dl, ROLE_QUICK_EXIT), 1);
	CHECK(count(&w.dl, ROLE_HINT) >= 1);
	/* once touched: the hint goes, the navigation comes */
	kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }, 0);
	world_build(&w, 0);
	CHECK_INT(count(&w.dl, ROLE_HINT), 0);
	int arg;
	const struct draw_item *qe = find(&w.dl, ROLE_QUICK_EXIT);
	CHECK_INT(scene_hit(&w.dl, qe->x + 2, qe->y + 2, &arg), ACTION_QUICK_EXIT);
	CHECK_INT(qe->rgb, 0xFFFFFF); /* its own colour, not the accent */
	/* pressed: drawn in the accent at once */
	kiosk_input(&w.k, INPUT_DOWN, ACTION_QUICK_EXIT, 0, 0);
	world_build(&w, 0);
	CHECK_INT(find(&w.dl, ROLE_QUICK_EXIT)->rgb, 0xF2B705);
	/* no neutral screen configured: no Quick exit button to promise one */
	w.c.quick_exit = -1;
	world_build(&w, 0);
	CHECK_INT(count(&w.dl, ROLE_QUICK_EXIT), 0);
	world_free(&w);
}

/* After Quick exit, its screen is an ordinary waiting-room notice: nothing
 * to press, no hint, no page dots; a touch wakes the kiosk as usual. */
static void quick_exit_screen_is_an_ordinary_notice(void)
{
	struct world w;
	world_init(&w, 800, 480);
	w.c.quick_exit = 2;
	w.c.screens[2].loop = false;
	kiosk_free(&w.k);
	kiosk_init(&w.k, &w.c, 0);
	kiosk_set_page_counts(&w.k, w.d.page_counts, w.d.n);
	kiosk_input(&w.k, INPUT_DOWN, ACTION_QUICK_EXIT, 0, 1000);
	kiosk_input(&w.k, INPUT_TAP, ACTION_QUICK_EXIT, 0, 1050);
	world_build(&w, 1100);
	CHECK_INT(w.k.view.screen, 2);
	CHECK_INT(w.dl.n_hits, 0);
	CHECK_INT(count(&w.dl, ROLE_QUICK_EXIT), 0);
	CHECK_INT(count(&w.dl, ROLE_BUTTON), 0);
	CHECK_INT(count(&w.dl, ROLE_HINT), 0);
	CHECK_INT(count(&w.dl, ROLE_DOT) + count(&w.dl, ROLE_DOT_CURRENT), 0);
	CHECK(count(&w.dl, ROLE_TITLE) >= 1);
	CHECK_INT(count(&w.dl, ROLE_HELP_NUMBER), 1); /* its help line, in its band */
	CHECK_INT(count(&w.dl, ROLE_BAND), 1);
	/* without a help line, no empty band either */
	w.c.screens[2].show_help = false;
	deck_free(&w.d);
	deck_build(&w.d, &fake_measurer, &w.c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	world_build(&w, 1100);
	CHECK_INT(count(&w.dl, ROLE_BAND), 0);
	CHECK(count(&w.dl, ROLE_TITLE) >= 1);
	/* still there after a normal cycle */
	kiosk_tick(&w.k, 1050 + 60000);
	world_build(&w, 1050 + 60000);
	CHECK_INT(w.k.view.screen, 2);
	CHECK_INT(count(&w.dl, ROLE_QUICK_EXIT), 0);
	/* a touch wakes it: the controls come back */
	kiosk_input(&w.k, INPUT_DOWN, ACTION_NONE, 0, 70000);
	kiosk_input(&w.k, INPUT_TAP, ACTION_NONE, 0, 70050);
	world_build(&w, 70100);
	CHECK_INT(w.k.mode, KIOSK_BROWSE);
	CHECK_INT(count(&w.dl, ROLE_QUICK_EXIT), 1);
	world_free(&w);
}

/* Once touched, every control is there and none covers another, on a
 * portrait panel as on a landscape one, with several languages: Back,
 * Topics, the language, contrast, text size and Quick exit. On a narrow
 * panel they take two rows and the title moves down below them. */
static void top_bar_has_every_control_apart_in_portrait_and_landscape(void)
{
	const int sizes[][2] = { { 800, 480 }, { 480, 800 }, { 320, 480 }, { 1920, 1080 } };
	const enum kiosk_action want[] = { ACTION_BACK, ACTION_HOME, ACTION_LANGUAGE, ACTION_CONTRAST,
					   ACTION_TEXT_SIZE, ACTION_QUICK_EXIT };
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		struct world w;
		fixture_content(&w.c, 3);
		w.c.langs[1] = "pl";
		w.c.n_langs = 2;
		w.c.labels.language_name = lt("Português do Brasil");
		w.c.quick_exit = 2;
		world_start(&w, sizes[k][0], sizes[k][1]);
		kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .history = true }, 0);
		world_build(&w, 0);
		for (size_t a = 0; a < sizeof want / sizeof want[0]; a++) {
			size_t n = 0;
			for (size_t i = 0; i < w.dl.n_hits; i++)
				n += w.dl.hits[i].action == want[a];
			CHECK_INT((int)n, 1);
		}
		int bar_bottom = 0;
		for (size_t i = 0; i < w.dl.n_hits; i++) {
			const struct hit *h = &w.dl.hits[i];
			CHECK(h->x >= 0 && h->x + h->w <= sizes[k][0]);
			if (h->action != ACTION_NEXT && h->action != ACTION_PREV && h->y + h->h > bar_bottom)
				bar_bottom = h->y + h->h;
			for (size_t j = i + 1; j < w.dl.n_hits; j++) {
				const struct hit *o = &w.dl.hits[j];
				bool apart = h->x + h->w <= o->x || o->x + o->w <= h->x || h->y + h->h <= o->y ||
					     o->y + o->h <= h->y;
				CHECK(apart);
			}
		}
		const struct draw_item *title = find(&w.dl, ROLE_TITLE);
		CHECK(title && title->y >= bar_bottom);
		world_free(&w);
	}
}

/* The contrast button shows whether high contrast is on: filled with the
 * accent while it is, plain like its neighbours while it is not. */
static void contrast_button_shows_its_state(void)
{
	struct world w;
	world_init(&w, 800, 480);
	uint32_t fill[2], size_fill[2];
	for (int on = 0; on < 2; on++) {
		kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .high_contrast = on }, 0);
		world_build(&w, 0);
		fill[on] = size_fill[on] = 0;
		for (size_t i = 0; i < w.dl.n_hits; i++) {
			const struct hit *h = &w.dl.hits[i];
			for (size_t j = 0; j < w.dl.n; j++) {
				const struct draw_item *it = &w.dl.items[j];
				if (it->role != ROLE_BUTTON || it->x != h->x || it->y != h->y)
					continue;
				if (h->action == ACTION_CONTRAST)
					fill[on] = it->rgb;
				if (h->action == ACTION_TEXT_SIZE)
					size_fill[on] = it->rgb;
			}
		}
	}
	CHECK(fill[0] == size_fill[0]); /* off: like the other buttons */
	CHECK(fill[1] != size_fill[1]); /* on: stands out */
	world_free(&w);
}

static void idle_notice_covers_all_but_quick_exit(void)
{
	struct world w;
	world_init(&w, 800, 480);
	w.c.quick_exit = 2;
	kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_IDLE }, 1000); /* the notice up at 1000 */
	world_build(&w, 1000 + KIOSK_IDLE_GRACE_MS / 2);
	CHECK_INT(w.dl.n_hits, 1);
	CHECK_INT(w.dl.hits[0].action, ACTION_QUICK_EXIT);
	CHECK_INT(count(&w.dl, ROLE_NOTICE_TITLE), 1);
	const struct draw_item *shade = find(&w.dl, ROLE_SHADE);
	CHECK(shade && shade->alpha == 255 && shade->w == 800 && shade->h == 480); /* blanked */
	const struct draw_item *bar = find(&w.dl, ROLE_COUNTDOWN);
	const struct draw_item *track = NULL;
	for (size_t i = 0; i < w.dl.n; i++)
		if (&w.dl.items[i] == bar)
			track = &w.dl.items[i - 1];
	CHECK(bar && track && abs(bar->w - track->w / 2) <= 1); /* half the time left */
	world_free(&w);
}

/* Two draw lists alike, item for item. */
static bool same_frame(const struct draw_list *a, const struct draw_list *b)
{
	if (a->n != b->n || a->n_hits != b->n_hits)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const struct draw_item *x = &a->items[i], *y = &b->items[i];
		if (x->kind != y->kind || x->role != y->role || x->x != y->x || x->y != y->y || x->w != y->w ||
		    x->h != y->h || x->rgb != y->rgb || x->alpha != y->alpha || x->text != y->text ||
		    x->len != y->len || strcmp(x->own_text, y->own_text) != 0)
			return false;
	}
	return true;
}

/* A start or a reload lays out the screen on view first and the rest after
 * its frame: where scene_view_alone() says the frame needs no other
 * screen, a deck laid out for that screen alone draws what the whole deck
 * draws; the topics (over another screen), the language picker and a fade
 * are not such frames (the topics' tiles are sized from the screen under
 * them: from a deck in part, a division by zero). */
static void a_deck_in_part_draws_the_view_alone(void)
{
	struct world w;
	world_init(&w, 800, 480);
	struct deck part;
	deck_build_first(&part, &fake_measurer, &w.c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 }, 1);
	struct draw_list dl = { 0 };
	const struct kiosk_pose poses[] = {
		{ .mode = KIOSK_ATTRACT, .view = { 1, 0 } },
		{ .mode = KIOSK_BROWSE, .view = { 1, 0 } },
		{ .mode = KIOSK_BROWSE, .view = { 1, 0 }, .history = true, .large_text = false },
		{ .mode = KIOSK_MENU, .view = { 1, 0 } },
		{ .mode = KIOSK_LANGS, .view = { 1, 0 } },
	};
	int alone = 0;
	for (size_t i = 0; i < sizeof poses / sizeof poses[0]; i++) {
		kiosk_pose(&w.k, &poses[i], 0);
		if (!scene_view_alone(&w.k))
			continue; /* needs the whole deck (the kiosk lays it out) */
		alone++;
		world_build(&w, 0);
		struct scene_input in = { &w.c, &w.k, part.layouts, &fake_measurer, 0, NULL };
		scene_build(&dl, &in);
		CHECK(same_frame(&w.dl, &dl));
	}
	CHECK_INT(alone, 3);
	kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_MENU }, 0);
	CHECK(!scene_view_alone(&w.k));
	/* a fade in the loop shows two screens */
	kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_ATTRACT, .view = { 1, 0 } }, 0);
	w.k.in_transition = true;
	CHECK(!scene_view_alone(&w.k));
	draw_list_free(&dl);
	deck_free(&part);
	world_free(&w);
}

static void menu_lists_topics_but_not_the_neutral_screen(void)
{
	struct world w;
	world_init(&w, 800, 480);
	w.c.quick_exit = 2;
	kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_MENU }, 0);
	world_build(&w, 0);
	size_t tiles = 0;
	for (size_t i = 0; i < w.dl.n_hits; i++)
		if (w.dl.hits[i].action == ACTION_OPEN) {
			CHECK(w.dl.hits[i].arg != 2);
			tiles++;
		}
	CHECK_INT(tiles, 2);
	world_free(&w);
}


/* Topics whose titles take two lines at the text size (Arabic, say) get
 * their titles a little smaller, down to 80 %, when that saves a page: as
 * many tiles a page as titles of one line get, not half as many. At A+ the
 * titles stay above 80 % of the large size. */
static void topic_tiles_give_up_a_little_size_to_save_pages(void)
{
	static const char *shorter = "Twenty characters ab";       /* one line at full size */
	static const char *longer = "Thirty characters in a title x"; /* two at full size, one at 80 % */
	for (int large = 0; large < 2; large++) {
		int pages[2], px[2];
		for (int t = 0; t < 2; t++) {
			struct world w;
			fixture_content(&w.c, 12);
			for (size_t s = 0; s < 12; s++) {
				struct block *b = fixture_blocks(&w.c, s, 1);
				fixture_text(&w.c, &b[0], "Some text.");
				w.c.screens[s].title = lt(t ? longer : shorter);
			}
			world_start(&w, 800, 480);
			deck_free(&w.d);
			deck_build(&w.d, &fake_measurer, &w.c,
				   (struct layout_spec){ .w = 800, .h = 480,
							 .text_scale = large ? KIOSK_LARGE_TEXT : 1.0 });
			kiosk_set_page_counts(&w.k, w.d.page_counts, w.d.n);
			kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_MENU, .large_text = large }, 0);
			struct scene_input in = { &w.c, &w.k, w.d.layouts, &fake_measurer, 0, NULL };
			pages[t] = scene_menu_pages(&in);
			world_build(&w, 0);
			const struct draw_item *label = find(&w.dl, ROLE_TILE_LABEL);
			CHECK(label != NULL);
			px[t] = label ? label->px : 0;
			world_free(&w);
		}
		int nominal = (int)lround(4.8 * 5 * (large ? KIOSK_LARGE_TEXT : 1.0));
		if (!large) {
			CHECK_INT(pages[1], pages[0]);
			CHECK(px[1] < px[0]);
		}
		CHECK(px[1] >= (int)lround(nominal * 0.8));
		if (!large)
			CHECK_INT(px[0], nominal);
	}
}

/* ---- issue: every panel, every language ----------------------------------- */

static const struct draw_item *find_action(const struct draw_list *l, enum kiosk_action a)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].action == a)
			return &l->items[i];
	return NULL;
}

/* The arrows stand in one place on every screen: with a help line beside
 * them or none (show_help: false), landscape and portrait; and the band is
 * drawn only behind a help line. */
static void arrows_stay_in_place_and_no_empty_band(void)
{
	static const int sizes[][2] = { { 800, 480 }, { 480, 800 }, { 1024, 600 } };
	for (size_t z = 0; z < 3; z++) {
		struct world w;
		world_init(&w, sizes[z][0], sizes[z][1]);
		w.c.screens[1].show_help = false;
		deck_free(&w.d);
		deck_build(&w.d, &fake_measurer, &w.c,
			   (struct layout_spec){ .w = sizes[z][0], .h = sizes[z][1], .text_scale = 1.0 });
		int y[3], x[3];
		for (int s = 0; s < 3; s++) {
			kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .view = { s, 0 } }, 0);
			world_build(&w, 0);
			const struct draw_item *next = find_action(&w.dl, ACTION_NEXT);
			CHECK(next != NULL);
			y[s] = next ? next->y : -1;
			x[s] = next ? next->x : -1;
			CHECK_INT(count(&w.dl, ROLE_BAND), s == 1 ? 0 : 1);
			/* at the bottom of the screen, as far in as the band's padding */
			CHECK(next && next->y + next->h <= sizes[z][1] && next->y + next->h >= sizes[z][1] - 20);
		}
		CHECK_INT(y[1], y[0]);
		CHECK_INT(y[2], y[0]);
		CHECK_INT(x[1], x[0]);
		world_free(&w);
	}
}

/* "3 / 7" counts topics: A+ makes more pages, not more topics; the pages of
 * a long topic are dots under the count. */
static void count_is_of_topics_at_any_text_size(void)
{
	struct world w;
	world_init(&w, 800, 480);
	kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .view = { 1, 0 } }, 0);
	world_build(&w, 0);
	size_t len;
	CHECK_STR(draw_item_text(find(&w.dl, ROLE_PAGE_NUMBER), &len), "2 / 3");
	int pages[3] = { 2, 4, 3 }; /* as A+ might make them */
	kiosk_set_page_counts(&w.k, pages, 3);
	kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .view = { 1, 2 } }, 0);
	world_build(&w, 0);
	CHECK_STR(draw_item_text(find(&w.dl, ROLE_PAGE_NUMBER), &len), "2 / 3");
	CHECK_INT(count(&w.dl, ROLE_DOT) + count(&w.dl, ROLE_DOT_CURRENT), 4);
	const struct draw_item *cur = find(&w.dl, ROLE_DOT_CURRENT), *first = find(&w.dl, ROLE_DOT);
	CHECK(cur && first && cur->x > first->x); /* the third of four */
	const struct draw_item *num = find(&w.dl, ROLE_PAGE_NUMBER);
	CHECK(cur && num && cur->y >= num->y + num->h); /* under the count */
	world_free(&w);
}

/* Two languages, the second right to left; its labels not translated
 * unless given. */
static void two_langs(struct world *w, bool arabic_labels)
{
	world_init(w, 800, 480);
	w->c.langs[1] = "ar";
	w->c.rtl[1] = true;
	w->c.n_langs = 2;
	w->c.labels.language_name.by_lang[1] = "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9";
	w->c.labels.touch_hint.by_lang[1] = "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb3"; /* ألمس */
	if (arabic_labels) {
		w->c.labels.help_prefix.by_lang[1] = "\xd8\xaa\xd8\xad\xd8\xaf\xd8\xab:";
		w->c.help.name.by_lang[1] = "\xd8\xae\xd8\xb7 \xd8\xaf\xd8\xb9\xd9\x85";
	}
	deck_free(&w->d);
	deck_build(&w->d, &fake_measurer, &w->c,
		   (struct layout_spec){ .w = 800, .h = 480, .lang = 1, .text_scale = 1.0 });
	kiosk_pose(&w->k, &(struct kiosk_pose){ .lang = 1 }, 0);
}

/* Right to left, a help line of English fallbacks reads left to right as a
 * unit ("Talk to someone now: Support line", not "Support line Talk to
 * someone now:"), against the right margin; translated, it stays mirrored. */
static void english_help_line_reads_left_to_right_on_a_rtl_page(void)
{
	for (int translated = 0; translated < 2; translated++) {
		struct world w;
		two_langs(&w, translated);
		world_build(&w, 0);
		const struct draw_item *prefix = find(&w.dl, ROLE_HELP_PREFIX), *name = find(&w.dl, ROLE_HELP_NAME);
		CHECK(prefix && name && prefix->y == name->y);
		if (prefix && name) {
			if (translated)
				CHECK(prefix->x > name->x); /* right to left: the prefix first, on the right */
			else
				CHECK(prefix->x < name->x);
			/* either way the line ends at the right margin */
			int right = prefix->x + prefix->w > name->x + name->w ? prefix->x + prefix->w
									    : name->x + name->w;
			CHECK_INT(right, 800 - w.d.layouts[0].m.margin_x);
		}
		world_free(&w);
	}
}

/* The label drawn on the button of action a. */
static const struct draw_item *label_of(const struct draw_list *l, enum kiosk_action a)
{
	for (size_t i = 0; i + 1 < l->n; i++)
		if (l->items[i].action == a && l->items[i].kind == DRAW_RECT &&
		    l->items[i + 1].role == ROLE_BUTTON_LABEL)
			return &l->items[i + 1];
	return NULL;
}

/* On a right-to-left page, a label nobody translated is the default
 * language's words and is drawn as such (its font, left to right), with
 * Back's arrow pointing left before it: "‹ Back", not "Back ›" backwards.
 * Translated labels are drawn in the page's language, the arrow pointing
 * right. Panel titles and the idle notice alike. */
static void untranslated_labels_keep_their_own_direction_on_a_rtl_page(void)
{
	for (int translated = 0; translated < 2; translated++) {
		struct world w;
		two_langs(&w, false);
		w.c.quick_exit = 2;
		if (translated) {
			w.c.labels.back.by_lang[1] = "\xd8\xb1\xd8\xac\xd9\x88\xd8\xb9"; /* رجوع */
			w.c.labels.topics.by_lang[1] = "\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xa7\xd8\xb6\xd9\x8a\xd8\xb9";
			w.c.labels.quick_exit.by_lang[1] = "\xd8\xae\xd8\xb1\xd9\x88\xd8\xac";
		}
		deck_free(&w.d);
		deck_build(&w.d, &fake_measurer, &w.c,
			   (struct layout_spec){ .w = 800, .h = 480, .lang = 1, .text_scale = 1.0 });
		kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .lang = 1, .history = true }, 0);
		world_build(&w, 0);
		int want = translated ? 1 : 0;
		const enum kiosk_action actions[] = { ACTION_BACK, ACTION_HOME, ACTION_QUICK_EXIT };
		for (size_t a = 0; a < 3; a++) {
			const struct draw_item *t = label_of(&w.dl, actions[a]);
			CHECK(t != NULL);
			if (t)
				CHECK_INT(t->lang, want);
		}
		const struct draw_item *back = label_of(&w.dl, ACTION_BACK);
		if (back) {
			size_t len;
			const char *text = draw_item_text(back, &len);
			/* ‹ (U+2039) before an English word, › (U+203A) before an Arabic one */
			CHECK(len > 3 && memcmp(text, translated ? "\xe2\x80\xba" : "\xe2\x80\xb9", 3) == 0);
		}
		/* the Topics panel's title, and the idle notice */
		kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_MENU, .lang = 1 }, 0);
		world_build(&w, 0);
		const struct draw_item *title = find(&w.dl, ROLE_MENU_TITLE);
		CHECK(title && title->lang == want);
		kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_IDLE, .lang = 1 }, 0);
		world_build(&w, 0);
		const struct draw_item *notice = find(&w.dl, ROLE_NOTICE_TITLE);
		CHECK(notice && notice->lang == 0); /* never translated here */
		world_free(&w);
	}
}

/* In the loop, the touch hint takes the languages in turn, screen by
 * screen, so a visitor sees their language is there; once touched, no
 * hint. */
static void loop_hint_takes_the_languages_in_turn(void)
{
	struct world w;
	two_langs(&w, false);
	deck_free(&w.d);
	deck_build(&w.d, &fake_measurer, &w.c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	for (int s = 0; s < 3; s++) {
		kiosk_pose(&w.k, &(struct kiosk_pose){ .view = { s, 0 } }, 0); /* the loop, in English */
		world_build(&w, 0);
		const struct draw_item *hint = find(&w.dl, ROLE_HINT);
		CHECK(hint != NULL);
		if (hint) {
			CHECK_INT(hint->lang, s % 2);
			CHECK(hint->text == w.c.labels.touch_hint.by_lang[s % 2]);
		}
	}
	/* an untranslated hint would repeat the English one: that language is
	 * left out of the turns */
	w.c.labels.touch_hint.by_lang[1] = w.c.labels.touch_hint.by_lang[0];
	kiosk_pose(&w.k, &(struct kiosk_pose){ .view = { 1, 0 } }, 0);
	world_build(&w, 0);
	CHECK_INT(find(&w.dl, ROLE_HINT)->lang, 0);
	world_free(&w);
}

/* The hint of another language keeps clear of the page's Quick exit
 * button, which may be wider in the page's language (a portrait panel,
 * Polish page, Arabic hint): it wraps, or gets smaller, or, when it cannot
 * fit the bar even so, the page's own hint is shown instead. */
static void loop_hint_of_another_language_keeps_clear_of_quick_exit(void)
{
	static const char *hints[] = { "Touch", "Touch the screen to find out more about help",
				       "Touch the screen to find out more about help and support, "
				       "free and private, day and night, in your own language" };
	for (size_t h = 0; h < 3; h++) {
		struct world w;
		world_init(&w, 480, 800);
		w.c.quick_exit = 2;
		w.c.n_langs = 2;
		w.c.langs[1] = "pl";
		w.c.labels.quick_exit.by_lang[0] = "Szybkie wyjscie teraz"; /* a wide button */
		w.c.labels.touch_hint.by_lang[0] = "Dotknij";
		w.c.labels.touch_hint.by_lang[1] = hints[h];
		deck_free(&w.d);
		deck_build(&w.d, &fake_measurer, &w.c,
			   (struct layout_spec){ .w = 480, .h = 800, .text_scale = 1.0 });
		size_t shown[2] = { 0, 0 };
		for (int s = 0; s < 2; s++) {
			kiosk_pose(&w.k, &(struct kiosk_pose){ .view = { s, 0 } }, 0);
			world_build(&w, 0);
			const struct draw_item *qe = find_action(&w.dl, ACTION_QUICK_EXIT);
			CHECK(qe != NULL);
			const struct metrics *mt = &w.d.layouts[s].m;
			size_t lines = 0;
			for (size_t i = 0; i < w.dl.n; i++) {
				const struct draw_item *it = &w.dl.items[i];
				if (it->role != ROLE_HINT)
					continue;
				lines++;
				shown[it->lang]++;
				CHECK(qe && it->x + it->w < qe->x);
				/* within the bar and the margin above it */
				CHECK(it->y >= mt->top_y / 2 - 1 && it->y + it->h <= mt->top_y * 3 / 2 + mt->btn_h + 1);
			}
			CHECK(lines >= 1);
		}
		if (h < 2)
			CHECK(shown[1] > 0); /* a hint that fits takes its turn */
		else
			CHECK_INT(shown[1], 0); /* too long: the page's own instead */
		world_free(&w);
	}
}

/* The picker and the topics show the support line whatever they are
 * opened over (a screen without one, the topics), at any text size. */
static void panels_always_show_the_support_line(void)
{
	struct world w;
	two_langs(&w, true);
	w.c.screens[0].show_help = false;
	for (int large = 0; large < 2; large++) {
		deck_free(&w.d);
		deck_build(&w.d, &fake_measurer, &w.c,
			   (struct layout_spec){ .w = 800, .h = 480, .lang = 1,
						 .text_scale = large ? KIOSK_LARGE_TEXT : 1.0 });
		static const enum kiosk_mode under[] = { KIOSK_BROWSE, KIOSK_MENU };
		for (int u = 0; u < 2; u++) {
			kiosk_pose(&w.k,
				   &(struct kiosk_pose){ .mode = KIOSK_LANGS, .under = under[u], .lang = 1,
							 .large_text = large },
				   0);
			world_build(&w, 0);
			CHECK_INT(count(&w.dl, ROLE_HELP_NUMBER), 1);
			CHECK_INT(count(&w.dl, ROLE_LANG_TILE), 2);
		}
		kiosk_pose(&w.k, &(struct kiosk_pose){ .mode = KIOSK_MENU, .lang = 1, .large_text = large }, 0);
		world_build(&w, 0);
		CHECK_INT(count(&w.dl, ROLE_HELP_NUMBER), 1);
	}
	world_free(&w);
}

/* Labels are centred on their ink by the renderer: their box is the
 * button's height, flagged so. */
static void labels_are_centred_on_their_ink(void)
{
	struct world w;
	world_init(&w, 800, 480);
	w.c.quick_exit = 2;
	world_build(&w, 0);
	const struct draw_item *qe = find(&w.dl, ROLE_QUICK_EXIT), *label = find(&w.dl, ROLE_BUTTON_LABEL);
	CHECK(qe && label && label->centre_ink);
	if (qe && label) {
		CHECK_INT(label->y, qe->y);
		CHECK_INT(label->h, qe->h);
		CHECK(label->x > qe->x && label->x + label->w < qe->x + qe->w);
	}
	world_free(&w);
}

/* ---- --check on the draw lists --------------------------------------------- */

/* Runs the frame check on w's content at width x height; returns the
 * errors and leaves the messages in d. */
static size_t frames(struct world *w, int width, int height, struct diag_list *d)
{
	return deck_check_frames(fake_by_lang, &w->c, width, height, d);
}

static bool said(const struct diag_list *d, enum diag_severity sev, const char *what)
{
	if (getenv("SHOW_DIAGS"))
		for (size_t i = 0; i < d->n; i++)
			fprintf(stderr, "  said: %s\n", d->items[i].message);
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == sev && strstr(d->items[i].message, what))
			return true;
	return false;
}

static void check_frames_is_quiet_on_good_content(void)
{
	static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 800 }, { 480, 800 } };
	for (size_t z = 0; z < 4; z++) {
		struct world w;
		world_init(&w, sizes[z][0], sizes[z][1]);
		w.c.quick_exit = 2;
		struct diag_list d = { 0 };
		CHECK_INT(frames(&w, sizes[z][0], sizes[z][1], &d), 0);
		CHECK_INT(d.n, 0);
		for (size_t i = 0; i < d.n; i++)
			fprintf(stderr, "  unexpected: %s\n", d.items[i].message);
		diag_clear(&d);
		world_free(&w);
	}
}

/* A control with no room, controls on each other and off the screen */
static void check_frames_finds_controls_missing_or_on_each_other(void)
{
	struct world w;
	world_init(&w, 480, 800);
	w.c.quick_exit = 2;
	w.c.labels.topics = lt("All the topics there are on this kiosk");
	struct diag_list d = { 0 };
	CHECK(frames(&w, 480, 800, &d) > 0);
	CHECK(said(&d, DIAG_ERROR, "there is no room for the Topics button"));
	CHECK(said(&d, DIAG_ERROR, "(en, after a touch)"));
	CHECK_INT(d.items[0].line, 1); /* at the first screen's place */
	CHECK_INT(d.items[0].col, 5);
	diag_clear(&d);
	w.c.labels.topics = lt("Topics");
	w.c.labels.quick_exit = lt("Leave this screen at once and show the waiting room notice in its place, "
				   "please");
	CHECK(frames(&w, 800, 480, &d) > 0);
	CHECK(said(&d, DIAG_ERROR, "the Quick exit button does not fit on the screen"));
	CHECK(said(&d, DIAG_ERROR, "buttons lie on top of each other"));
	diag_clear(&d);
	world_free(&w);
}

/* Topic titles so long that one tile is taller than the room above the
 * support line: a tile over the footer is an error. */
static void check_frames_finds_tiles_over_the_support_line(void)
{
	struct world w;
	world_init(&w, 800, 480);
	w.c.screens[1].title = lt("A title so long that its tile cannot be held by the room between the title "
				  "of the topics and the support line even at the smallest size its words take "
				  "when the topics shrink them to fit a row of tiles, which they do; and on, and on, "
				  "and on, with more words than any title should have, more than eight lines of "
				  "them, so that even the tallest tile would not hold them, which the check must "
				  "say");
	struct diag_list d = { 0 };
	CHECK(frames(&w, 800, 480, &d) > 0);
	CHECK(said(&d, DIAG_ERROR, "tile reaches into the support line"));
	CHECK(said(&d, DIAG_ERROR, "the topics (en"));
	diag_clear(&d);
	world_free(&w);
}

/* A phone number in a text broken between lines; the calls of a screen on
 * two pages; text the layout could not keep off the support line (a step
 * taller than a page even in the smallest text): warnings. */
static void check_frames_warns_of_numbers_calls_and_text(void)
{
	struct world w;
	world_init(&w, 800, 480);
	/* at 800x480 a body line holds 61 characters of the fake font: the
	 * number's last group goes to the next line */
	struct block *b = fixture_blocks(&w.c, 0, 1);
	fixture_text(&w.c, &b[0], "aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaa 0808 500 2222 is free");
	b = fixture_blocks(&w.c, 1, 3);
	b[0].kind = BLOCK_CALL;
	b[0].call = (struct call){ .name = lt("First line"), .number = "0800 000 0001" };
	fixture_text(&w.c, &b[1], "Words between the calls, long enough to fill a page and more. Words between "
				  "the calls, long enough to fill a page and more. Words between the calls, long "
				  "enough to fill a page and more. Words between the calls, long enough. Words "
				  "between the calls, long enough to fill a page and more at normal size too. "
				  "Words between the calls, long enough to fill a page and more. Words between "
				  "the calls, long enough to fill a page and more at normal size too.");
	b[2].kind = BLOCK_CALL;
	b[2].call = (struct call){ .name = lt("Second line"), .number = "0800 000 0002" };
	const char *step[] = { "A step so long that at large text it takes more than a page, and a step is "
			       "never broken between pages while it fits one, but this one does not fit one, "
			       "so it runs on and on, over the footer and its support line, which is what the "
			       "check is there to say; staff shorten it. And it goes on: a step so long that at "
			       "large text it takes more than a page, and a step is never broken between pages "
			       "while it fits one, but this one does not fit one, so it runs on and on. "
			       "Large text gives up size for a step taller than a page, down to the normal "
			       "text's smallest, and still this one does not fit: so it runs on and on, over "
			       "the footer and its support line, which is what the check is there to say; "
			       "staff shorten it. And it goes on and on and on, a step so long that nothing "
			       "fits it on one page, however small the text, so it runs on and on and on. "
			       "Text gives up size for a step taller than a page down to 65 % of the normal "
			       "size, and still this one does not fit: so it runs on and on, over the footer "
			       "and its support line, which is what the check is there to say; staff shorten "
			       "it. And on and on, a step so long that nothing fits it on one page. And it "
			       "goes on: a step so long that at large text it takes more than a page, and a "
			       "step is never broken between pages while it fits one, but this one does not "
			       "fit one, so it runs on and on, over the footer and its support line, which is "
			       "what the check is there to say; staff shorten it. And it goes on and on and "
			       "on, a step so long that nothing fits it on one page, however small the text." };
	b = fixture_blocks(&w.c, 2, 1);
	fixture_list(&w.c, &b[0], BLOCK_STEPS, step, 1);
	struct diag_list d = { 0 };
	CHECK_INT(frames(&w, 800, 480, &d), 0);
	CHECK(said(&d, DIAG_WARNING, "a phone number is broken between two lines"));
	CHECK(said(&d, DIAG_WARNING, "screen 's1'"));
	CHECK(said(&d, DIAG_WARNING, "its phone numbers are on different pages"));
	CHECK(said(&d, DIAG_WARNING, "screen 's2'"));
	CHECK(said(&d, DIAG_WARNING, "runs into the support line"));
	for (size_t i = 0; i < d.n; i++)
		CHECK_INT(d.items[i].severity, DIAG_WARNING);
	diag_clear(&d);
	world_free(&w);
}

int main(void)
{
	RUN(still_frame_has_everything_in_place);
	RUN(dots_follow_the_loop);
	RUN(fade_draws_both_pages_new_one_translucent);
	RUN(slide_moves_pages_sideways);
	RUN(contrast_matches_wcag_examples);
	RUN(buttons_are_hit_where_they_are_drawn_in_every_rotation);
	RUN(attract_shows_only_quick_exit_and_touch_hint);
	RUN(quick_exit_screen_is_an_ordinary_notice);
	RUN(top_bar_has_every_control_apart_in_portrait_and_landscape);
	RUN(contrast_button_shows_its_state);
	RUN(idle_notice_covers_all_but_quick_exit);
	RUN(menu_lists_topics_but_not_the_neutral_screen);
	RUN(a_deck_in_part_draws_the_view_alone);
	RUN(topic_tiles_give_up_a_little_size_to_save_pages);
	RUN(arrows_stay_in_place_and_no_empty_band);
	RUN(count_is_of_topics_at_any_text_size);
	RUN(english_help_line_reads_left_to_right_on_a_rtl_page);
	RUN(untranslated_labels_keep_their_own_direction_on_a_rtl_page);
	RUN(loop_hint_takes_the_languages_in_turn);
	RUN(loop_hint_of_another_language_keeps_clear_of_quick_exit);
	RUN(panels_always_show_the_support_line);
	RUN(labels_are_centred_on_their_ink);
	RUN(check_frames_is_quiet_on_good_content);
	RUN(check_frames_finds_controls_missing_or_on_each_other);
	RUN(check_frames_finds_tiles_over_the_support_line);
	RUN(check_frames_warns_of_numbers_calls_and_text);
	return TEST_DONE();
}
