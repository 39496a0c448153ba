/* test_scene.c — frames as data: what the draw list holds in the loop and
 * during transitions, and the colour arithmetic behind the palette. */
#include "fixture.h"
#include "test.h"

#include "deck.h"
#include "kiosk.h"
#include "scene.h"

#include <math.h>
#include <stdlib.h>

struct world {
	struct content c;
	struct deck d;
	struct kiosk k;
	struct draw_list dl;
};

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
	deck_build(&w->d, &fake_measurer, &w->c, width, height, 0, 1.0);
	kiosk_init(&w->k, &w->c, 0);
	kiosk_set_page_counts(&w->k, w->d.page_counts, w->d.n);
	memset(&w->dl, 0, sizeof w->dl);
}

static void world_build(struct world *w, uint64_t now)
{
	struct scene_input in = { &w->c, &w->k, w->d.layouts, &fake_measurer, now };
	scene_build(&w->dl, &in);
}

static void world_free(struct world *w)
{
	draw_list_free(&w->dl);
	kiosk_free(&w->k);
	deck_free(&w->d);
	content_free(&w->c);
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

int main(void)
{
	RUN(still_frame_has_everything_in_place);
	RUN(dots_follow_the_loop);
	RUN(fade_draws_both_pages_new_one_translucent);
	RUN(slide_moves_pages_sideways);
	RUN(contrast_matches_wcag_examples);
	return TEST_DONE();
}
