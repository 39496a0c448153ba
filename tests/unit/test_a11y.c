/* test_a11y.c — the accessibility checks behind --check (contrast, touch
 * targets, text size) and right-to-left layout, with the fake measurer. */
#include "fixture.h"
#include "test.h"

#include "a11y.h"
#include "deck.h"
#include "layout.h"
#include "scene.h"

#include <math.h>

static bool near(double a, double b, double eps)
{
	return fabs(a - b) <= eps;
}

static void contrast_matches_known_wcag_pairs(void)
{
	/* published ratios: black/white 21:1; #777777 on white 4.48:1 (the
	 * classic "fails AA" grey); #767676 on white 4.54:1 (the lightest that
	 * passes); WebAIM's #0000FF on white 8.59:1 */
	CHECK(near(colour_contrast(0x000000, 0xFFFFFF), 21.0, 0.01));
	CHECK(near(colour_contrast(0x777777, 0xFFFFFF), 4.48, 0.01));
	CHECK(near(colour_contrast(0x767676, 0xFFFFFF), 4.54, 0.01));
	CHECK(near(colour_contrast(0x0000FF, 0xFFFFFF), 8.59, 0.01));
	CHECK(near(colour_contrast(0xFFFFFF, 0x777777), colour_contrast(0x777777, 0xFFFFFF), 1e-12));
	CHECK(near(colour_contrast(0x1B2340, 0x1B2340), 1.0, 1e-12));
}

static size_t count(const struct diag_list *d, enum diag_severity sev, const char *needle)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->items[i].severity == sev && strstr(d->items[i].message, needle) != NULL;
	return n;
}

static void print(const struct diag_list *d)
{
	diag_print(d, "fixture", stderr);
}

static void theme_contrast_errors_name_ratio_and_place(void)
{
	struct content c;
	fixture_content(&c, 2);
	struct diag_list d = { 0 };
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	CHECK_INT(count(&d, DIAG_ERROR, "contrast"), 0); /* the default theme passes */
	diag_clear(&d);

	/* grey text on white: 4.48:1, just under 4.5 */
	c.theme.background = 0xFFFFFF;
	c.theme.text = 0x777777;
	c.theme.accent = 0x1B2340;
	c.theme.at_text = (struct mark){ 12, 9 };
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	const struct diag *e = NULL;
	for (size_t i = 0; i < d.n; i++)
		if (strstr(d.items[i].message, "theme: the body text"))
			e = &d.items[i];
	CHECK(e != NULL);
	if (e) {
		CHECK_INT(e->severity, DIAG_ERROR);
		CHECK_INT(e->line, 12);
		CHECK_INT(e->col, 9);
		/* 4.478, shown rounded down: a failing ratio never reads "4.50" */
		CHECK_CONTAINS(e->message, "4.47:1");
		CHECK_CONTAINS(e->message, "4.5:1");
	}
	diag_clear(&d);

	/* one step darker passes */
	c.theme.text = 0x595959;
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	CHECK_INT(count(&d, DIAG_ERROR, "theme: the body text"), 0);
	diag_clear(&d);

	/* the high-contrast theme must reach 7:1: white on #555555 is 7.46,
	 * on #666666 5.74 */
	c.theme.high_contrast = (struct colours){ .background = 0x666666, .text = 0xFFFFFF, .accent = 0xFFFFFF };
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	CHECK_INT(count(&d, DIAG_ERROR, "theme.high_contrast: the body text"), 1);
	CHECK_INT(count(&d, DIAG_ERROR, "7.0:1"), count(&d, DIAG_ERROR, "theme.high_contrast: the body text") +
							count(&d, DIAG_ERROR, "theme.high_contrast: the words"));
	if (count(&d, DIAG_ERROR, "theme.high_contrast: the body text") != 1)
		print(&d);
	diag_clear(&d);
	c.theme.high_contrast.background = 0x555555;
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	CHECK_INT(count(&d, DIAG_ERROR, "theme.high_contrast: the body text"), 0);
	diag_clear(&d);
	content_free(&c);
}

static void touch_targets_checked_for_the_display_size(void)
{
	struct content c;
	fixture_content(&c, 3);
	c.langs[1] = "pl";
	c.n_langs = 2;
	c.quick_exit = 2;
	struct diag_list d = { 0 };
	/* a 7-inch 800x480 panel: every button is at least 9 mm */
	c.diagonal_inches = 7;
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	CHECK_INT(count(&d, DIAG_ERROR, "mm across"), 0);
	if (count(&d, DIAG_ERROR, "mm across"))
		print(&d);
	diag_clear(&d);
	/* the same pixels on a 3-inch panel cannot have 9 mm buttons */
	c.diagonal_inches = 3;
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	CHECK(count(&d, DIAG_ERROR, "smaller than the 9 mm") >= 1);
	CHECK(count(&d, DIAG_ERROR, "Quick exit") >= 1);
	diag_clear(&d);
	/* and a large 1920x1080 panel of 21.5 inches passes */
	c.diagonal_inches = 21.5;
	a11y_check(&c, fake_by_lang, 1920, 1080, &d);
	CHECK_INT(count(&d, DIAG_ERROR, "mm across"), 0);
	diag_clear(&d);
	content_free(&c);
}

static void text_size_against_visual_angle(void)
{
	/* 0.7 degrees at 40 cm is 4.89 mm */
	CHECK(near(a11y_visual_angle(4.887, 400), 0.7, 0.001));
	CHECK(near(a11y_visual_angle(10, 1000), 0.573, 0.001));

	struct content c;
	fixture_content(&c, 2);
	struct diag_list d = { 0 };
	/* 800x480 on 7 inches: body 24 px, capitals 17 px = 3.3 mm: 0.47 degrees at 40 cm */
	c.diagonal_inches = 7;
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	CHECK_INT(count(&d, DIAG_WARNING, "EN 301 549"), 1);
	CHECK_INT(count(&d, DIAG_ERROR, "EN 301 549"), 0);
	diag_clear(&d);
	/* 1920x1080 on 15.6 inches: body 54 px, capitals 39 px = 7 mm: 1.0 degree */
	c.diagonal_inches = 15.6;
	a11y_check(&c, fake_by_lang, 1920, 1080, &d);
	CHECK_INT(count(&d, DIAG_WARNING, "EN 301 549"), 0);
	diag_clear(&d);
	/* the same panel seen from 1 m is too far */
	c.viewing_distance_cm = 100;
	a11y_check(&c, fake_by_lang, 1920, 1080, &d);
	CHECK_INT(count(&d, DIAG_WARNING, "EN 301 549"), 1);
	diag_clear(&d);
	content_free(&c);
}

/* The hours line inside a call box is smaller than the body text (0.85 of
 * it): on a 7-inch 800x480 panel its capitals are under 3 mm. One warning,
 * at the place the hours are written, naming the box and its screen. */
static void small_text_in_call_boxes(void)
{
	struct content c;
	fixture_content(&c, 2);
	struct block *b = fixture_blocks(&c, 0, 2);
	b[0].kind = BLOCK_CALL;
	b[0].call = (struct call){ .name = lt("The Havens"), .number = "020 3299 6900",
				   .hours = lt("Open 24 hours"), .has_hours = true };
	b[0].call.hours.at[0] = (struct mark){ 21, 18 };
	b[1].kind = BLOCK_CALL;
	b[1].call = (struct call){ .name = lt("Childline"), .number = "0800 1111",
				   .hours = lt("Free"), .has_hours = true };
	b[1].call.hours.at[0] = (struct mark){ 25, 18 };
	struct diag_list d = { 0 };
	/* 800x480 on 7 inches: body 24 px, hours 20 px, capitals 14 px = 2.7 mm */
	c.diagonal_inches = 7;
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	/* at the normal size; with A+ it is the body's size, the calls a page
	 * each if need be, and large enough */
	CHECK_INT(count(&d, DIAG_WARNING, "the small text in the call box"), 1);
	CHECK_INT(count(&d, DIAG_WARNING, "even with A+"), 0);
	CHECK_INT(count(&d, DIAG_ERROR, "call box '"), 0);
	const struct diag *w = NULL;
	for (size_t i = 0; i < d.n; i++)
		if (strstr(d.items[i].message, "the small text in the call box") &&
		    !strstr(d.items[i].message, "even with A+"))
			w = &d.items[i];
	CHECK(w != NULL);
	if (w) {
		CHECK_INT(w->line, 21); /* where the first box's hours are written */
		CHECK_INT(w->col, 18);
		CHECK_CONTAINS(w->message, "'The Havens' of screen 's0' (en)");
		CHECK_CONTAINS(w->message, "capitals 2.7 mm (0.38 degrees)");
		CHECK_CONTAINS(w->message, "(and in 1 other call box)");
		CHECK_CONTAINS(w->message, "0.7 degrees (4.9 mm)");
		CHECK_CONTAINS(w->message, "in a text: block");
		CHECK_CONTAINS(w->message, "display.diagonal_inches");
	}
	diag_clear(&d);
	/* a box without hours has no small text */
	b[0].call.has_hours = b[1].call.has_hours = false;
	a11y_check(&c, fake_by_lang, 800, 480, &d);
	CHECK_INT(count(&d, DIAG_WARNING, "call box"), 0);
	diag_clear(&d);
	b[0].call.has_hours = b[1].call.has_hours = true;
	/* 1920x1080 on 15.6 inches: hours 46 px, capitals 33 px = 5.9 mm, 0.85 degrees */
	c.diagonal_inches = 15.6;
	a11y_check(&c, fake_by_lang, 1920, 1080, &d);
	CHECK_INT(count(&d, DIAG_WARNING, "call box"), 0);
	if (count(&d, DIAG_WARNING, "call box"))
		print(&d);
	diag_clear(&d);
	/* the body text passes from 55 cm there, the hours do not */
	c.viewing_distance_cm = 55;
	a11y_check(&c, fake_by_lang, 1920, 1080, &d);
	CHECK_INT(count(&d, DIAG_WARNING, "the body text"), 0);
	CHECK_INT(count(&d, DIAG_WARNING, "the small text in the call box"), 1);
	diag_clear(&d);
	content_free(&c);
}

static void right_to_left_pages_are_mirrored(void)
{
	struct content c;
	fixture_content(&c, 1);
	c.langs[1] = "ar";
	c.rtl[1] = true;
	c.n_langs = 2;
	struct block *b = fixture_blocks(&c, 0, 2);
	const char *steps[] = { "One", "Two" };
	fixture_list(&c, &b[0], BLOCK_STEPS, steps, 2);
	b[1].kind = BLOCK_CALL;
	b[1].call = (struct call){ .name = lt("The Havens"), .number = "020 3299 6900" };
	struct screen_layout ltr, rtl;
	layout_screen(&ltr, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	layout_screen(&rtl, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .lang = 1, .text_scale = 1.0 });
	CHECK_INT(ltr.n_pages, rtl.n_pages);
	CHECK_INT(ltr.pages[0].n_elems, rtl.pages[0].n_elems);
	int margin = ltr.m.margin_x;
	for (size_t i = 0; i < ltr.pages[0].n_elems; i++) {
		const struct elem *l = &ltr.pages[0].elems[i], *r = &rtl.pages[0].elems[i];
		CHECK_INT(r->y, l->y);
		CHECK_INT(r->w, l->w);
		if (l->role == ELEM_HINT) {
			CHECK_INT(r->x, l->x); /* stays where the buttons appear */
			continue;
		}
		CHECK_INT(r->x, 800 - l->x - l->w);
		if (l->role == ELEM_TITLE || l->role == ELEM_STEP_BADGE)
			CHECK_INT(r->x + r->w, 800 - margin); /* right-aligned */
		if (l->role == ELEM_CALL_NUMBER)
			CHECK(r->x < 400); /* the number on the left of its box */
	}
	layout_free(&ltr);
	layout_free(&rtl);
	content_free(&c);
}

int main(void)
{
	RUN(contrast_matches_known_wcag_pairs);
	RUN(theme_contrast_errors_name_ratio_and_place);
	RUN(touch_targets_checked_for_the_display_size);
	RUN(text_size_against_visual_angle);
	RUN(small_text_in_call_boxes);
	RUN(right_to_left_pages_are_mirrored);
	return TEST_DONE();
}
