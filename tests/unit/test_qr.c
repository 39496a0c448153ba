/* test_qr.c — take-away QR codes and the out-of-hours banner, as data:
 * encoding, whole-pixel modules, the code beside a call's number (or under
 * it when narrow), nothing overlapping, the --check rule for data too long
 * to scan, and the banner in the band of every screen but Quick exit's. */
#include "fixture.h"
#include "test.h"

#include "deck.h"
#include "kiosk.h"
#include "qr.h"
#include "scene.h"

#include <stdlib.h>

static void fixture_qr(struct content *c, struct block *b, const char *data, const char *caption)
{
	b->kind = BLOCK_QR;
	b->qr.data = data;
	b->qr.data_at = (struct mark){ 42, 17 };
	CHECK(qr_encode(data, &c->arena, &b->qr.code));
	if (caption) {
		b->qr.caption = lt(caption);
		b->qr.has_caption = true;
	}
}

static void fixture_call(struct block *b, const char *name, const char *number)
{
	b->kind = BLOCK_CALL;
	b->call = (struct call){ .name = lt(name), .number = number };
}

static void encodes_the_smallest_code(void)
{
	struct arena a = { 0 };
	struct qr_code q;
	CHECK(qr_encode("tel:+448085002222", &a, &q));
	CHECK_INT(q.width, 21); /* version 1: digits are packed as digits */
	/* the three finder patterns: dark corners, light just inside them */
	CHECK(qr_dark(&q, 0, 0) && qr_dark(&q, 20, 0) && qr_dark(&q, 0, 20));
	CHECK(!qr_dark(&q, 1, 1) && !qr_dark(&q, 19, 1));
	CHECK(!qr_dark(&q, -1, 0) && !qr_dark(&q, 21, 5)); /* the quiet zone */
	CHECK(qr_encode("https://rapecrisis.org.uk/get-help/want-to-talk/", &a, &q));
	CHECK_INT(q.width, 33); /* version 4 */
	char longest[QR_MAX_DATA + 2];
	memset(longest, '7', sizeof longest - 1);
	longest[QR_MAX_DATA + 1] = '\0';
	CHECK(!qr_encode(longest, &a, &q));
	/* what fits in a code at most w modules wide */
	CHECK_INT(qr_capacity(20), 0);
	CHECK_INT(qr_capacity(21), 14); /* version 1-M, bytes */
	CHECK_INT(qr_capacity(29), 42); /* version 3-M */
	CHECK(qr_capacity(57) > qr_capacity(29));
	arena_free(&a);
}

/* Every element inside the screen; text runs and codes never overlap each
 * other, and a code overlaps nothing at all. */
static void check_no_overlap(const struct screen_layout *l, int w, int h)
{
	for (size_t p = 0; p < l->n_pages; p++) {
		const struct page *pg = &l->pages[p];
		for (size_t i = 0; i < pg->n_elems; i++) {
			const struct elem *a = &pg->elems[i];
			CHECK(a->x >= 0 && a->y >= 0 && a->x + a->w <= w && a->y + a->h <= h);
			for (size_t j = 0; j < pg->n_elems; j++) {
				const struct elem *b = &pg->elems[j];
				bool both_text = a->text && b->text;
				bool code = a->role == ELEM_QR && b->role != ELEM_BAND;
				if (i == j || !(both_text || code))
					continue;
				bool overlap = a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h &&
					       b->y < a->y + a->h;
				if (overlap)
					fprintf(stderr, "  role %d at %d,%d %dx%d overlaps role %d at %d,%d %dx%d\n",
						a->role, a->x, a->y, a->w, a->h, b->role, b->x, b->y, b->w, b->h);
				CHECK(!overlap);
			}
		}
	}
}

static const struct elem *find_elem(const struct screen_layout *l, enum elem_role r)
{
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_elems; i++)
			if (l->pages[p].elems[i].role == r)
				return &l->pages[p].elems[i];
	return NULL;
}

static void code_beside_the_number_in_whole_pixels(void)
{
	struct content c;
	fixture_content(&c, 1);
	struct block *b = fixture_blocks(&c, 0, 3);
	fixture_call(&b[0], "Support line", "0808 500 2222");
	fixture_qr(&c, &b[1], "tel:+448085002222", "Scan to call");
	fixture_text(&c, &b[2], "After the code");
	static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 800 }, { 1920, 1080 } };
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		int w = sizes[z][0], h = sizes[z][1];
		struct screen_layout l;
		layout_screen(&l, &fake_measurer, &c, 0,
			      (struct layout_spec){ .w = w, .h = h, .text_scale = 1.0 });
		const struct elem *qr = find_elem(&l, ELEM_QR), *box = find_elem(&l, ELEM_CALL_BOX);
		const struct elem *num = find_elem(&l, ELEM_CALL_NUMBER);
		CHECK(qr && box && num);
		if (!qr || !box || !num)
			continue;
		CHECK(qr->module >= QR_MIN_MODULE_PX);
		CHECK_INT(qr->module, layout_qr_module(&l.m, &c.screens[0].blocks[1].qr.code));
		CHECK_INT(qr->w, qr->module * (21 + 2 * QR_QUIET_ZONE)); /* whole modules */
		CHECK_INT(qr->w, qr->h);
		CHECK(qr->x >= box->x + box->w);         /* beside the box, to its right */
		CHECK(qr->y < box->y + box->h && box->y < qr->y + qr->h);
		CHECK(find_elem(&l, ELEM_QR_CAPTION) != NULL);
		CHECK(find_elem(&l, ELEM_QR_CAPTION)->y >= qr->y + qr->h);
		CHECK_INT(qr->block, 1);
		check_no_overlap(&l, w, h);
		layout_free(&l);
	}
	/* large text (A+): the code keeps its size, nothing overlaps */
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		struct screen_layout big;
		layout_screen(&big, &fake_measurer, &c, 0,
			      (struct layout_spec){ .w = sizes[z][0], .h = sizes[z][1], .text_scale = 1.5 });
		const struct elem *qr = find_elem(&big, ELEM_QR);
		CHECK(qr && qr->module >= QR_MIN_MODULE_PX);
		check_no_overlap(&big, sizes[z][0], sizes[z][1]);
		layout_free(&big);
	}
	/* portrait: still beside the number, in a narrower box */
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 480, .h = 800, .text_scale = 1.0 });
	const struct elem *qr = find_elem(&l, ELEM_QR), *box = find_elem(&l, ELEM_CALL_BOX);
	CHECK(qr && box && qr->x >= box->x + box->w);
	check_no_overlap(&l, 480, 800);
	layout_free(&l);
	content_free(&c);
}

static void a_code_on_its_own_and_in_the_draw_list(void)
{
	struct content c;
	fixture_content(&c, 1);
	struct block *b = fixture_blocks(&c, 0, 2);
	fixture_text(&c, &b[0], "Our website:");
	fixture_qr(&c, &b[1], "https://example.org/", NULL);
	struct deck d;
	deck_build(&d, &fake_measurer, &c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	check_no_overlap(&d.layouts[0], 800, 480);
	CHECK(find_elem(&d.layouts[0], ELEM_QR_CAPTION) == NULL);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	struct draw_list dl = { 0 };
	struct scene_input in = { &c, &k, d.layouts, &fake_measurer, 0, NULL };
	scene_build(&dl, &in);
	const struct draw_item *it = NULL;
	for (size_t i = 0; i < dl.n; i++)
		if (dl.items[i].kind == DRAW_QR)
			it = &dl.items[i];
	CHECK(it != NULL);
	if (it) {
		CHECK_INT(it->role, ROLE_QR);
		CHECK(it->qr == &c.screens[0].blocks[1].qr.code);
		CHECK(it->module >= QR_MIN_MODULE_PX);
		CHECK_INT(it->alpha, 255);
	}
	draw_list_free(&dl);
	kiosk_free(&k);
	deck_free(&d);
	content_free(&c);
}

static void check_refuses_codes_too_fine_to_scan(void)
{
	struct content c;
	fixture_content(&c, 1);
	struct block *b = fixture_blocks(&c, 0, 2);
	fixture_qr(&c, &b[0], "tel:+448085002222", NULL);
	/* a long link: version 9 (53 modules + 8) cannot get 3 px in 24u */
	fixture_qr(&c, &b[1],
		   "https://example.org/a/very/long/link/that/nobody/should/put/on/a/screen/"
		   "because/it/makes/the/code/far/too/fine/to/scan/from/a/phone/at/arms/length/x/y/z",
		   NULL);
	struct diag_list d = { 0 };
	CHECK_INT(deck_check_qr(&fake_measurer, &c, 800, 480, &d), 1);
	CHECK_INT(d.n, 1);
	if (d.n == 1) {
		CHECK_INT(d.items[0].severity, DIAG_ERROR);
		CHECK_INT(d.items[0].line, 42);
		CHECK_INT(d.items[0].col, 17);
		CHECK_CONTAINS(d.items[0].message, "too much to scan on a 800x480 screen");
		CHECK_CONTAINS(d.items[0].message, "at most 42 characters fit");
	}
	diag_clear(&d);
	/* a large screen has room for it */
	CHECK_INT(deck_check_qr(&fake_measurer, &c, 1920, 1080, &d), 0);
	/* a known small panel: half a millimetre per module at the least */
	c.diagonal_inches = 5;
	CHECK(deck_check_qr(&fake_measurer, &c, 1920, 1080, &d) >= 1);
	diag_clear(&d);
	content_free(&c);
}

static void the_banner_replaces_the_help_line_but_not_on_quick_exit(void)
{
	struct content c;
	fixture_content(&c, 3);
	c.quick_exit = 2;
	c.screens[1].show_help = false;
	for (size_t s = 0; s < 3; s++)
		fixture_text(&c, fixture_blocks(&c, s, 1), "Some words");
	c.out_of_hours = (struct out_of_hours){ .given = true, .text = lt("We are closed now. Call:"),
						.call = { .name = lt("Night line"), .number = "0800 000 0000" },
						.own_call = true };
	struct deck open, closed;
	deck_build(&open, &fake_measurer, &c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	deck_build(&closed, &fake_measurer, &c,
		   (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0, .out_of_hours = true });
	CHECK(!open.layouts[0].m.out_of_hours);
	CHECK(closed.layouts[0].m.out_of_hours);
	CHECK(closed.layouts[1].m.out_of_hours);  /* even where the help line is hidden */
	CHECK(!closed.layouts[2].m.out_of_hours); /* the neutral screen stays ordinary */
	const struct elem *num = find_elem(&closed.layouts[0], ELEM_HELP_NUMBER);
	CHECK(num && strncmp(num->text, "0800 000 0000", num->len) == 0);
	const struct elem *prefix = find_elem(&closed.layouts[0], ELEM_HELP_PREFIX);
	CHECK(prefix && strncmp(prefix->text, "We are closed now.", 18) == 0);
	CHECK(find_elem(&closed.layouts[1], ELEM_HELP_NUMBER) != NULL);
	CHECK(find_elem(&open.layouts[1], ELEM_HELP_NUMBER) == NULL);
	num = find_elem(&closed.layouts[2], ELEM_HELP_NUMBER); /* its usual help line */
	CHECK(num && strncmp(num->text, "0808 500 2222", num->len) == 0);
	for (int s = 0; s < 3; s++)
		check_no_overlap(&closed.layouts[s], 800, 480);

	/* drawn in the accent, with ink that reads on it */
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	struct draw_list dl = { 0 };
	struct scene_input in = { &c, &k, closed.layouts, &fake_measurer, 0, NULL };
	scene_build(&dl, &in);
	size_t banners = 0;
	for (size_t i = 0; i < dl.n; i++) {
		if (dl.items[i].role == ROLE_BANNER) {
			banners++;
			CHECK_INT(dl.items[i].rgb, 0xF2B705);
		}
		if (dl.items[i].role == ROLE_HELP_NUMBER)
			CHECK_INT(dl.items[i].rgb, 0x1B2340);
		CHECK(dl.items[i].role != ROLE_BAND || dl.items[i].h < 40); /* no plain band */
	}
	CHECK_INT(banners, 1);

	/* --check says when the banner makes a screen too long */
	const char *many[] = { "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight" };
	fixture_list(&c, &c.screens[1].blocks[0], BLOCK_BULLETS, many, 8);
	c.hours.given = true;
	struct diag_list diags = { 0 };
	deck_check_fit(&fake_measurer, &c, 800, 480, &diags);
	bool said = false;
	for (size_t i = 0; i < diags.n; i++)
		said |= strstr(diags.items[i].message, "screen 's1' (en)") &&
			strstr(diags.items[i].message, "while the centre is closed");
	CHECK(said);
	diag_clear(&diags);
	draw_list_free(&dl);
	kiosk_free(&k);
	deck_free(&open);
	deck_free(&closed);
	content_free(&c);
}

int main(void)
{
	RUN(encodes_the_smallest_code);
	RUN(code_beside_the_number_in_whole_pixels);
	RUN(a_code_on_its_own_and_in_the_draw_list);
	RUN(check_refuses_codes_too_fine_to_scan);
	RUN(the_banner_replaces_the_help_line_but_not_on_quick_exit);
	return TEST_DONE();
}
