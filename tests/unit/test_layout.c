/* test_layout.c — wrapping, shrinking and pagination with the fake measurer. */
#include "fixture.h"
#include "test.h"

#include "layout.h"
#include "qr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void wrap_breaks_at_spaces(void)
{
	/* px 10 -> 5 px per character; 45 px = 9 characters per line */
	struct line l[8];
	size_t n = layout_wrap(&fake_measurer, FONT_REGULAR, 10, "one two three four", 45, l, 8);
	CHECK_INT(n, 3);
	CHECK_INT(l[0].len, 7); /* "one two" */
	CHECK_INT(l[0].width, 35);
	CHECK_INT(l[1].off, 8); /* "three" */
	CHECK_INT(l[1].len, 5);
	CHECK_INT(l[2].off, 14);
	CHECK_INT(l[2].len, 4);
}

static void wrap_exact_fit_stays_on_one_line(void)
{
	struct line l[4];
	size_t n = layout_wrap(&fake_measurer, FONT_REGULAR, 10, "abcde fghi", 50, l, 4);
	CHECK_INT(n, 1);
	CHECK_INT(l[0].width, 50);
}

static void wrap_breaks_long_words(void)
{
	struct line l[8];
	size_t n = layout_wrap(&fake_measurer, FONT_REGULAR, 10, "abcdefghijklmnopqrstuvwxy", 50, l, 8);
	CHECK_INT(n, 3);
	CHECK_INT(l[0].len, 10);
	CHECK_INT(l[1].len, 10);
	CHECK_INT(l[2].len, 5);
	for (size_t i = 0; i < n; i++)
		CHECK(l[i].width <= 50);
}

/* a measurer that counts the bytes it is asked to measure */
static size_t measured_bytes;
static int counting_width(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	measured_bytes += len;
	return fake_width(ctx, style, px, s, len);
}

static void wrap_cost_is_linear_in_the_text(void)
{
	/* one 100,000-letter word, and the same letters as words of 7 with
	 * spaces, on lines of 20 characters: the measuring must grow with the
	 * text (a few times its length), not with its square (which would be
	 * 100,000 x 5,000 lines) */
	const struct measurer m = { .text_width = counting_width, .line_height = fake_line_height };
	size_t len = 100000;
	char *word = malloc(len + 1), *words = malloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		word[i] = 'a';
		words[i] = i % 8 == 7 ? ' ' : 'a';
	}
	word[len] = words[len] = '\0';
	for (int k = 0; k < 2; k++) {
		measured_bytes = 0;
		size_t n = layout_wrap(&m, FONT_REGULAR, 10, k ? words : word, 100, NULL, 0);
		CHECK_INT(n, k ? 6250 : 5000); /* 2 words a line; 20 letters a line */
		CHECK(measured_bytes < 40 * len);
		if (measured_bytes >= 40 * len)
			fprintf(stderr, "  measured %zu bytes for a %zu-byte text\n", measured_bytes, len);
	}
	free(word);
	free(words);
}

static void wrap_long_word_never_splits_a_character(void)
{
	/* each "é" is 2 bytes; 3 characters per line */
	struct line l[8];
	size_t n = layout_wrap(&fake_measurer, FONT_REGULAR, 10, "ééééééé", 15, l, 8);
	CHECK_INT(n, 3);
	CHECK_INT(l[0].len, 6);
	CHECK_INT(l[2].len, 2);
}

static void wrap_narrower_than_one_character_still_progresses(void)
{
	struct line l[8];
	size_t n = layout_wrap(&fake_measurer, FONT_REGULAR, 10, "abc", 1, l, 8);
	CHECK_INT(n, 3);
}

static void wrap_honours_newlines_and_trailing_newline(void)
{
	struct line l[8];
	size_t n = layout_wrap(&fake_measurer, FONT_REGULAR, 10, "first\n\nsecond\n", 500, l, 8);
	CHECK_INT(n, 3);
	CHECK_INT(l[0].len, 5);
	CHECK_INT(l[1].len, 0); /* the blank line between paragraphs */
	CHECK_INT(l[2].off, 7);
}

static void wrap_empty_text_has_no_lines(void)
{
	struct line l[2];
	CHECK_INT(layout_wrap(&fake_measurer, FONT_REGULAR, 10, "", 50, l, 2), 0);
	CHECK_INT(layout_wrap(&fake_measurer, FONT_REGULAR, 10, "   ", 50, l, 2), 0);
}

static void wrap_counts_beyond_capacity(void)
{
	struct line l[1];
	size_t n = layout_wrap(&fake_measurer, FONT_REGULAR, 10, "aa bb cc dd", 10, l, 1);
	CHECK_INT(n, 4);
	CHECK_INT(l[0].len, 2);
}

/* every element inside the screen, and no two text elements overlapping */
static void check_page_sane(const struct screen_layout *l, const struct page *p)
{
	for (size_t i = 0; i < p->n_elems; i++) {
		const struct elem *a = &p->elems[i];
		CHECK(a->x >= 0 && a->y >= 0);
		CHECK(a->x + a->w <= l->m.w && a->y + a->h <= l->m.h);
		if (a->role == ELEM_BODY || a->role == ELEM_STEP_BADGE || a->role == ELEM_CALL_BOX)
			CHECK(a->y >= l->m.body_top && a->y + a->h <= l->m.body_bottom);
		if (!a->text || a->role == ELEM_BAND)
			continue;
		for (size_t j = i + 1; j < p->n_elems; j++) {
			const struct elem *b = &p->elems[j];
			if (!b->text)
				continue;
			bool overlap = a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h &&
				       b->y < a->y + a->h;
			CHECK(!overlap);
		}
	}
}

static size_t count_role(const struct page *p, enum elem_role r)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n_elems; i++)
		n += p->elems[i].role == r;
	return n;
}

static void short_screen_fits_at_full_size(void)
{
	struct content c;
	fixture_content(&c, 1);
	struct block *b = fixture_blocks(&c, 0, 2);
	fixture_text(&c, &b[0], "A short paragraph.");
	const char *steps[] = { "First", "Second" };
	fixture_list(&c, &b[1], BLOCK_STEPS, steps, 2);
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	CHECK_INT(l.n_pages, 1);
	CHECK(l.shrink == 1.0);
	CHECK_INT(l.m.body_px, 24); /* 5% of the short side */
	CHECK_INT(count_role(&l.pages[0], ELEM_STEP_BADGE), 2);
	CHECK_INT(count_role(&l.pages[0], ELEM_HELP_NUMBER), 1);
	check_page_sane(&l, &l.pages[0]);
	layout_free(&l);
	content_free(&c);
}

static void sizes_scale_with_resolution(void)
{
	struct content c;
	fixture_content(&c, 1);
	struct block *b = fixture_blocks(&c, 0, 1);
	fixture_text(&c, &b[0], "Hello.");
	struct screen_layout small, big, portrait;
	layout_screen(&small, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	layout_screen(&big, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 1920, .h = 1080, .text_scale = 1.0 });
	layout_screen(&portrait, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 480, .h = 800, .text_scale = 1.0 });
	CHECK_INT(big.m.body_px, 54);
	CHECK_INT(portrait.m.body_px, small.m.body_px);
	CHECK(big.m.title_px > big.m.body_px);
	check_page_sane(&portrait, &portrait.pages[0]);
	check_page_sane(&big, &big.pages[0]);
	layout_free(&small);
	layout_free(&big);
	layout_free(&portrait);
	content_free(&c);
}

static char *words(int n)
{
	char *s = malloc((size_t)n * 6 + 1);
	s[0] = '\0';
	for (int i = 0; i < n; i++)
		strcat(s, i ? " word" : "word");
	return s;
}

static void a_little_too_long_shrinks_but_stays_one_page(void)
{
	/* find a paragraph length that no longer fits at full size but does
	 * fit at the floor: it must shrink, not paginate */
	bool seen = false;
	for (int n = 20; n < 200 && !seen; n += 2) {
		struct content c;
		fixture_content(&c, 1);
		char *t = words(n);
		fixture_text(&c, &fixture_blocks(&c, 0, 1)[0], t);
		struct screen_layout l;
		layout_screen(&l, &fake_measurer, &c, 0,
			      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
		if (l.shrink < 1.0 && l.n_pages == 1) {
			seen = true;
			CHECK(l.shrink >= LAYOUT_SHRINK_FLOOR - 1e-9);
			CHECK(l.m.body_px < 24);
			check_page_sane(&l, &l.pages[0]);
		}
		CHECK(!(l.n_pages > 1 && l.shrink > LAYOUT_SHRINK_FLOOR + 1e-9)); /* shrink first */
		layout_free(&l);
		free(t);
		content_free(&c);
	}
	CHECK(seen);
}

static void much_too_long_paginates_at_the_floor_without_losing_text(void)
{
	struct content c;
	fixture_content(&c, 1);
	char *t = words(400);
	fixture_text(&c, &fixture_blocks(&c, 0, 1)[0], t);
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	CHECK(l.n_pages > 1);
	CHECK(l.shrink <= LAYOUT_SHRINK_FLOOR + 1e-9);
	size_t chars = 0;
	for (size_t p = 0; p < l.n_pages; p++) {
		check_page_sane(&l, &l.pages[p]);
		CHECK_INT(count_role(&l.pages[p], ELEM_TITLE), 1); /* title on every page */
		for (size_t i = 0; i < l.pages[p].n_elems; i++)
			if (l.pages[p].elems[i].role == ELEM_BODY)
				chars += l.pages[p].elems[i].len + 1;
	}
	CHECK_INT(chars, strlen(t) + 1); /* every word is on some page */
	layout_free(&l);
	free(t);
	content_free(&c);
}

static void list_items_are_not_split_across_pages(void)
{
	struct content c;
	fixture_content(&c, 1);
	const char *items[12];
	char *t = words(12);
	for (int i = 0; i < 12; i++)
		items[i] = t;
	fixture_list(&c, &fixture_blocks(&c, 0, 1)[0], BLOCK_BULLETS, items, 12);
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	CHECK(l.n_pages > 1);
	size_t bullets = 0;
	for (size_t p = 0; p < l.n_pages; p++) {
		check_page_sane(&l, &l.pages[p]);
		/* an item's lines follow its bullet on the same page: the first body
		 * line of a page always sits at the top of the body */
		const struct page *pg = &l.pages[p];
		for (size_t i = 0; i < pg->n_elems; i++)
			if (pg->elems[i].role == ELEM_BODY) {
				CHECK(i > 0 && pg->elems[i - 1].role == ELEM_BULLET);
				break;
			}
		bullets += count_role(pg, ELEM_BULLET);
	}
	CHECK_INT(bullets, 12);
	layout_free(&l);
	free(t);
	content_free(&c);
}

static void call_block_one_row_when_wide_stacked_when_narrow(void)
{
	struct content c;
	fixture_content(&c, 1);
	struct block *b = fixture_blocks(&c, 0, 1);
	b->kind = BLOCK_CALL;
	b->call = (struct call){ .name = lt("Rape Crisis 24/7 Support Line for England and Wales"), .number = "0808 500 2222",
				 .hours = lt("Open 24 hours"), .has_hours = true };
	struct screen_layout wide, narrow;
	layout_screen(&wide, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 1920, .h = 1080, .text_scale = 1.0 });
	layout_screen(&narrow, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 480, .h = 800, .text_scale = 1.0 });
	const struct elem *name = NULL, *num = NULL;
	for (size_t i = 0; i < wide.pages[0].n_elems; i++) {
		const struct elem *e = &wide.pages[0].elems[i];
		if (e->role == ELEM_CALL_NAME)
			name = e;
		if (e->role == ELEM_CALL_NUMBER)
			num = e;
	}
	CHECK(name && num && num->x > name->x + name->w); /* side by side */
	name = num = NULL;
	for (size_t i = 0; i < narrow.pages[0].n_elems; i++) {
		const struct elem *e = &narrow.pages[0].elems[i];
		if (e->role == ELEM_CALL_NAME)
			name = e;
		if (e->role == ELEM_CALL_NUMBER)
			num = e;
	}
	CHECK(name && num && num->y >= name->y + name->h); /* stacked */
	check_page_sane(&wide, &wide.pages[0]);
	check_page_sane(&narrow, &narrow.pages[0]);
	layout_free(&wide);
	layout_free(&narrow);
	content_free(&c);
}

/* A short name but long hours: beside the number the hours would be a
 * narrow column of a word or two a line (a portrait panel), so the box is
 * stacked and the hours get its whole width; short hours stay beside. */
static void call_block_stacked_when_its_hours_are_long(void)
{
	struct content c;
	fixture_content(&c, 1);
	struct block *b = fixture_blocks(&c, 0, 1);
	b->kind = BLOCK_CALL;
	b->call = (struct call){ .name = lt("The Havens"), .number = "020 3299 6900",
				 .hours = lt("Open 24 hours. Camberwell, Paddington, Whitechapel."), .has_hours = true };
	for (int pass = 0; pass < 2; pass++) {
		struct screen_layout l;
		layout_screen(&l, &fake_measurer, &c, 0,
			      (struct layout_spec){ .w = 480, .h = 800, .text_scale = 1.0 });
		const struct elem *name = NULL, *num = NULL;
		int hours_lines = 0;
		for (size_t i = 0; i < l.pages[0].n_elems; i++) {
			const struct elem *e = &l.pages[0].elems[i];
			name = e->role == ELEM_CALL_NAME ? e : name;
			num = e->role == ELEM_CALL_NUMBER ? e : num;
			hours_lines += e->role == ELEM_CALL_HOURS;
		}
		CHECK(name && num);
		if (name && num && pass == 0) {
			CHECK(num->y >= name->y + name->h); /* stacked */
			CHECK(hours_lines <= 2);
		} else if (name && num) {
			CHECK(num->x > name->x + name->w); /* side by side */
			CHECK_INT(hours_lines, 1);
		}
		check_page_sane(&l, &l.pages[0]);
		layout_free(&l);
		b->call.hours = lt("Open 24 hours");
	}
	content_free(&c);
}

/* A phone number is never broken across lines: in a call box and in the
 * help line, at every width down to a small portrait panel, it is one
 * element holding the whole number, inside the screen. */
static void phone_numbers_are_never_broken(void)
{
	const char *number = "+44 808 500 2222 0808 500 2222"; /* 30 characters */
	struct content c;
	fixture_content(&c, 1);
	c.help.number = number;
	struct block *b = fixture_blocks(&c, 0, 1);
	b->kind = BLOCK_CALL;
	b->call = (struct call){ .name = lt("Rape Crisis 24/7 Support Line"), .number = number };
	const int sizes[][2] = { { 1920, 1080 }, { 800, 480 }, { 480, 800 }, { 320, 480 } };
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		struct screen_layout l;
		layout_screen(&l, &fake_measurer, &c, 0,
			      (struct layout_spec){ .w = sizes[k][0], .h = sizes[k][1], .text_scale = 1.0 });
		size_t calls = 0;
		for (size_t p = 0; p < l.n_pages; p++) {
			CHECK_INT(count_role(&l.pages[p], ELEM_HELP_NUMBER), 1);
			for (size_t i = 0; i < l.pages[p].n_elems; i++) {
				const struct elem *e = &l.pages[p].elems[i];
				if (e->role != ELEM_CALL_NUMBER && e->role != ELEM_HELP_NUMBER)
					continue;
				calls += e->role == ELEM_CALL_NUMBER;
				CHECK_INT((int)e->len, (int)strlen(number));
				CHECK(e->x >= 0 && e->x + e->w <= sizes[k][0]);
			}
		}
		CHECK_INT((int)calls, 1);
		layout_free(&l);
	}
	content_free(&c);
}

/* Calls in a row (the numbers a visitor needs) stay on one page together
 * whenever a page can hold them, however much text comes before them. */
static void calls_in_a_row_share_a_page(void)
{
	for (int n = 10; n <= 300; n += 10) {
		struct content c;
		fixture_content(&c, 1);
		struct block *b = fixture_blocks(&c, 0, 3);
		char *text = words(n);
		fixture_text(&c, &b[0], text);
		b[1].kind = b[2].kind = BLOCK_CALL;
		b[1].call = (struct call){ .name = lt("Rape Crisis"), .number = "0808 500 2222" };
		b[2].call = (struct call){ .name = lt("The Havens"), .number = "020 3299 6900" };
		struct screen_layout l;
		layout_screen(&l, &fake_measurer, &c, 0,
			      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
		int page_of[2] = { -1, -1 };
		for (size_t p = 0; p < l.n_pages; p++)
			for (size_t i = 0; i < l.pages[p].n_elems; i++) {
				const struct elem *e = &l.pages[p].elems[i];
				if (e->role == ELEM_CALL_NUMBER && e->block >= 1)
					page_of[e->block - 1] = (int)p;
			}
		CHECK(page_of[0] >= 0 && page_of[0] == page_of[1]);
		layout_free(&l);
		content_free(&c);
		free(text);
	}
}

/* Two calls, each with a QR code and a caption of two lines under it, are
 * too tall for a page at 800x480 (the Polish "Where to get help now"): the
 * captions go beside the codes and both numbers share the page. A page is
 * never taller than the screen, even at large text. */
/* A screen of two calls, each followed by its QR code (Rape Crisis and The
 * Havens, as "Where to get help now"): the calls' names and hours, and the
 * codes' captions (NULL: none), as given. */
static void two_calls_with_codes(struct content *c, const char *name0, const char *hours0,
				 const char *hours1, const char *caption0, const char *caption1)
{
	fixture_content(c, 1);
	struct block *b = fixture_blocks(c, 0, 4);
	const char *data[2] = { "tel:+448085002222", "tel:+442032996900" };
	const char *captions[2] = { caption0, caption1 };
	b[0].kind = b[2].kind = BLOCK_CALL;
	b[0].call = (struct call){ .name = lt(name0), .number = "0808 500 2222", .hours = lt(hours0),
				   .has_hours = true };
	b[2].call = (struct call){ .name = lt("The Havens"), .number = "020 3299 6900", .hours = lt(hours1),
				   .has_hours = true };
	for (int q = 0; q < 2; q++) {
		struct block *qb = &b[1 + 2 * q];
		qb->kind = BLOCK_QR;
		qb->qr.data = data[q];
		CHECK(qr_encode(data[q], &c->arena, &qb->qr.code));
		qb->qr.has_caption = captions[q] != NULL;
		if (captions[q])
			qb->qr.caption = lt(captions[q]);
	}
}

static void calls_with_codes_share_a_page_captions_beside(void)
{
	static const double scales[] = { 1.0, 1.5 };
	for (size_t k = 0; k < 2; k++) {
		struct content c;
		two_calls_with_codes(&c, "Telefon Rape Crisis 24/7", "Bezpłatnie, dzień i noc.", "Czynne całą dobę",
				     "Zeskanuj, aby zadzwonić", "Zeskanuj, aby zadzwonić");
		struct screen_layout l;
		layout_screen(&l, &fake_measurer, &c, 0,
			      (struct layout_spec){ .w = 800, .h = 480, .text_scale = scales[k] });
		int page_of[2] = { -1, -1 };
		for (size_t p = 0; p < l.n_pages; p++) {
			check_page_sane(&l, &l.pages[p]);
			const struct elem *code = NULL;
			for (size_t i = 0; i < l.pages[p].n_elems; i++) {
				const struct elem *e = &l.pages[p].elems[i];
				if (e->role == ELEM_CALL_NUMBER)
					page_of[e->block / 2] = (int)p;
				if (e->role == ELEM_QR) {
					code = e;
					CHECK(e->y + e->h <= l.m.body_bottom);
				}
				/* the caption beside its code, not under it */
				if (e->role == ELEM_QR_CAPTION && k == 0) {
					CHECK(code != NULL);
					if (code) {
						CHECK(e->x + e->w <= code->x);
						CHECK(e->y >= code->y && e->y + e->h <= code->y + code->h);
					}
				}
			}
		}
		if (k == 0) {
			CHECK(page_of[0] >= 0);
			CHECK_INT(page_of[1], page_of[0]);
		}
		layout_free(&l);
		content_free(&c);
	}
}

/* A "Where to get help now" like the shipped one, with longer hours: two
 * calls, each with its QR code.
 * On a portrait panel a code cannot go beside its number, so it goes under
 * its call box, at the right like a code beside a number, and
 * stays with it: both numbers and both codes share one page at normal
 * text; at large text each code is on its own call's page. */
static void calls_with_codes_under_them_share_a_page_in_portrait(void)
{
	static const double scales[] = { 1.0, 1.5 };
	for (size_t k = 0; k < 2; k++) {
		struct content c;
		two_calls_with_codes(&c, "Rape Crisis 24/7 Support Line",
				     "Free, day and night. Age 16+. England and Wales. Not an emergency service.",
				     "Open 24 hours", "Scan to call", NULL);
		struct screen_layout l;
		layout_screen(&l, &fake_measurer, &c, 0,
			      (struct layout_spec){ .w = 480, .h = 800, .text_scale = scales[k] });
		int page_of[4] = { -1, -1, -1, -1 };
		int right = l.m.w - l.m.margin_x;
		for (size_t p = 0; p < l.n_pages; p++) {
			check_page_sane(&l, &l.pages[p]);
			const struct elem *box = NULL;
			for (size_t i = 0; i < l.pages[p].n_elems; i++) {
				const struct elem *e = &l.pages[p].elems[i];
				if (e->role == ELEM_CALL_BOX)
					box = e;
				if (e->role == ELEM_CALL_NUMBER || e->role == ELEM_QR)
					page_of[e->block] = (int)p;
				if (e->role != ELEM_QR)
					continue;
				/* at the right, where a code beside a number is */
				CHECK(e->x + e->w <= right && e->x + e->w / 2 > right / 2 + l.m.margin_x / 2);
				CHECK(e->y + e->h <= l.m.body_bottom);
				/* under its own call box, or beside it */
				CHECK(box != NULL && box->block == e->block - 1);
				if (box && box->x + box->w > e->x)
					CHECK(e->y >= box->y + box->h);
			}
		}
		/* at normal size all on one page; at A+ each code on its call's page */
		for (int i = 0; i < 4; i++)
			CHECK_INT(page_of[i], k == 0 ? 0 : page_of[i & ~1]);
		CHECK(page_of[0] >= 0 && page_of[2] >= 0);
		layout_free(&l);
		content_free(&c);
	}
}

/* A+ asks for larger text: when a call or an item taller than a page makes
 * large text give up size, it is never below what normal text shows. */
static void large_text_is_never_smaller_than_normal(void)
{
	static const int sizes[][2] = { { 800, 480 }, { 480, 800 }, { 1024, 600 } };
	static const char *names[] = { "Rape Crisis 24/7 Support Line", "The Havens", "Childline",
				       "Emergency", "Samaritans", "Victim Support" };
	static const char *numbers[] = { "0808 500 2222", "020 3299 6900", "0800 1111",
					 "999",		  "116 123",	   "0808 16 89 111" };
	for (size_t z = 0; z < 3; z++)
		for (int n = 0; n <= 40; n += 40)
			for (size_t calls = 1; calls <= 6; calls++) {
				struct content c;
				fixture_content(&c, 1);
				struct block *b = fixture_blocks(&c, 0, 1 + calls);
				char *text = words(n);
				fixture_text(&c, &b[0], text);
				for (size_t i = 0; i < calls; i++) {
					b[1 + i].kind = BLOCK_CALL;
					b[1 + i].call = (struct call){ .name = lt(names[i]), .number = numbers[i],
								       .hours = lt("Free, day and night. Age 16+."),
								       .has_hours = true };
				}
				struct screen_layout normal, large;
				layout_screen(&normal, &fake_measurer, &c, 0,
					      (struct layout_spec){ .w = sizes[z][0], .h = sizes[z][1],
								    .text_scale = 1.0 });
				layout_screen(&large, &fake_measurer, &c, 0,
					      (struct layout_spec){ .w = sizes[z][0], .h = sizes[z][1],
								    .text_scale = 1.5 });
				CHECK(large.m.body_px >= normal.m.body_px);
				if (getenv("DBG") || large.m.body_px < normal.m.body_px)
					fprintf(stderr, "  %dx%d, %d words, %zu calls: A+ %d px, normal %d px\n",
						sizes[z][0], sizes[z][1], n, calls, large.m.body_px, normal.m.body_px);
				layout_free(&normal);
				layout_free(&large);
				content_free(&c);
				free(text);
			}
}

static void empty_blocks_and_no_blocks_still_give_a_page(void)
{
	struct content c;
	fixture_content(&c, 1);
	fixture_text(&c, &fixture_blocks(&c, 0, 1)[0], "");
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	CHECK_INT(l.n_pages, 1);
	CHECK_INT(count_role(&l.pages[0], ELEM_BODY), 0);
	CHECK_INT(count_role(&l.pages[0], ELEM_TITLE), 1);
	layout_free(&l);
	c.screens[0].n_blocks = 0;
	layout_screen(&l, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	CHECK_INT(l.n_pages, 1);
	layout_free(&l);
	content_free(&c);
}

static void large_text_scale_reflows(void)
{
	struct content c;
	fixture_content(&c, 1);
	char *t = words(30);
	fixture_text(&c, &fixture_blocks(&c, 0, 1)[0], t);
	struct screen_layout normal, large;
	layout_screen(&normal, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 1920, .h = 1080, .text_scale = 1.0 });
	layout_screen(&large, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 1920, .h = 1080, .text_scale = 1.5 });
	CHECK(large.m.body_px >= normal.m.body_px * 3 / 2 - 1 || large.n_pages > normal.n_pages ||
	      large.shrink < 1.0);
	CHECK(count_role(&large.pages[0], ELEM_BODY) > count_role(&normal.pages[0], ELEM_BODY));
	layout_free(&normal);
	layout_free(&large);
	free(t);
	content_free(&c);
}

static void screen_without_help_has_no_help_line(void)
{
	struct content c;
	fixture_content(&c, 1);
	fixture_text(&c, &fixture_blocks(&c, 0, 1)[0], "x");
	c.screens[0].show_help = false;
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	CHECK_INT(count_role(&l.pages[0], ELEM_HELP_NUMBER), 0);
	CHECK(count_role(&l.pages[0], ELEM_HINT) >= 1);
	layout_free(&l);
	content_free(&c);
}

/* A measurer where a whole line is wider than its words added up (as
 * kerning across a space could make it): 10 px per character, and 15 px
 * more for any text of more than one word. */
static int kerned_width(void *ctx, enum font_style style, int px, const char *text, size_t len)
{
	(void)ctx;
	(void)style;
	(void)px;
	bool inner_space = false;
	for (size_t i = 1; i < len; i++)
		inner_space |= text[i] == ' ' && text[i - 1] != ' ';
	return (int)len * 10 + (inner_space ? 15 : 0);
}

static void wrap_checks_each_line_whole(void)
{
	const struct measurer m = { .text_width = kerned_width, .line_height = fake_line_height };
	/* "aaaa bbbb" adds up to 90 px but measures 105: at 100 px it must not
	 * share a line */
	const char *text = "aaaa bbbb cc";
	struct line lines[8];
	size_t n = layout_wrap(&m, FONT_REGULAR, 20, text, 100, lines, 8);
	CHECK_INT(n, 2);
	for (size_t i = 0; i < n && i < 8; i++) {
		CHECK(lines[i].width <= 100);
		CHECK_INT(lines[i].width, kerned_width(NULL, FONT_REGULAR, 20, text + lines[i].off, lines[i].len));
	}
	CHECK_INT(lines[0].len, 4); /* "aaaa" */
	CHECK_INT(lines[1].off, 5);  /* "bbbb cc": 70 + 15 = 85 fits */
	CHECK_INT(lines[1].len, 7);
	/* with room for the joined width, both words stay on the first line */
	n = layout_wrap(&m, FONT_REGULAR, 20, text, 105, lines, 8);
	CHECK_INT(lines[0].len, 9);
}

/* About 1,500 characters of words of 1 to 12 letters, a few of up to 40. */
static void random_words(char text[2000])
{
	size_t n = 0;
	unsigned r = 7;
	while (n < 1500) {
		r = r * 1103515245u + 12345u;
		size_t wl = 1 + (r >> 16) % (n > 700 && n < 720 ? 40 : 12);
		for (size_t i = 0; i < wl; i++)
			text[n++] = (char)('a' + (r >> (i % 16)) % 26);
		text[n++] = ' ';
	}
	text[n] = '\0';
}

/* an estimate off by up to 2 px either way, as a hash of the word says,
 * and the words the layout asked it about */
static long estimated;
static int rough_width(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	estimated++;
	return fake_width(ctx, style, px, s, len) + (int)(h % 5) - 2;
}

static void wrap_with_an_estimate_breaks_where_measuring_does(void)
{
	/* words of 1 to 12 letters (and a few of up to 40), at every width
	 * from 30 to 400 px: adding words up with an estimate within the
	 * slack gives the same lines, widths included, as measuring each word
	 * (a line measures as its words add up: nothing else can hide a
	 * difference) */
	const struct measurer exact = { .text_width = fake_width, .line_height = fake_line_height };
	const struct measurer rough = { .text_width = fake_width, .line_height = fake_line_height,
					.word_width = rough_width, .word_slack = 2 };
	char text[2000];
	random_words(text);
	estimated = 0;
	int differ = 0;
	for (int w = 30; w <= 400; w++) {
		struct line a[400], b[400];
		size_t na = layout_wrap(&exact, FONT_REGULAR, 20, text, w, a, 400);
		size_t nb = layout_wrap(&rough, FONT_REGULAR, 20, text, w, b, 400);
		bool same = na == nb;
		for (size_t i = 0; same && i < na && i < 400; i++)
			same = a[i].off == b[i].off && a[i].len == b[i].len && a[i].width == b[i].width;
		differ += !same;
	}
	CHECK_INT(differ, 0);
	CHECK(estimated > 10000); /* the estimate was used, not only the exact widths */
}

/* kerned_width, counting the lines measured whole */
static long measured_whole;
static int kerned_counted(void *ctx, enum font_style style, int px, const char *text, size_t len)
{
	for (size_t i = 1; i < len; i++)
		if (text[i] == ' ' && text[i - 1] != ' ') {
			measured_whole++;
			break;
		}
	return kerned_width(ctx, style, px, text, len);
}

static void wrap_counting_counts_as_measuring_does(void)
{
	/* a line measures 15 px wider whole than its words add up: counting
	 * (a size tried to see whether it fits) must count the lines that
	 * measuring each line whole gives, measuring fewer of them */
	const struct measurer exact = { .text_width = kerned_counted, .line_height = fake_line_height,
					.word_width = rough_width, .word_slack = 2 };
	struct measurer counting = exact;
	counting.counting = true;
	char text[2000];
	random_words(text);
	int differ = 0;
	long whole_exact = 0, whole_counting = 0;
	for (int w = 30; w <= 400; w++) {
		measured_whole = 0;
		size_t na = layout_wrap(&exact, FONT_REGULAR, 20, text, w, NULL, 0);
		whole_exact += measured_whole;
		measured_whole = 0;
		size_t nb = layout_wrap(&counting, FONT_REGULAR, 20, text, w, NULL, 0);
		whole_counting += measured_whole;
		differ += na != nb;
	}
	CHECK_INT(differ, 0);
	CHECK(whole_counting < whole_exact / 2);
}

int main(void)
{
	RUN(wrap_counting_counts_as_measuring_does);
	RUN(wrap_with_an_estimate_breaks_where_measuring_does);
	RUN(wrap_checks_each_line_whole);
	RUN(wrap_breaks_at_spaces);
	RUN(wrap_exact_fit_stays_on_one_line);
	RUN(wrap_breaks_long_words);
	RUN(wrap_long_word_never_splits_a_character);
	RUN(wrap_cost_is_linear_in_the_text);
	RUN(wrap_narrower_than_one_character_still_progresses);
	RUN(wrap_honours_newlines_and_trailing_newline);
	RUN(wrap_empty_text_has_no_lines);
	RUN(wrap_counts_beyond_capacity);
	RUN(short_screen_fits_at_full_size);
	RUN(sizes_scale_with_resolution);
	RUN(a_little_too_long_shrinks_but_stays_one_page);
	RUN(much_too_long_paginates_at_the_floor_without_losing_text);
	RUN(list_items_are_not_split_across_pages);
	RUN(call_block_one_row_when_wide_stacked_when_narrow);
	RUN(call_block_stacked_when_its_hours_are_long);
	RUN(phone_numbers_are_never_broken);
	RUN(calls_in_a_row_share_a_page);
	RUN(calls_with_codes_share_a_page_captions_beside);
	RUN(calls_with_codes_under_them_share_a_page_in_portrait);
	RUN(large_text_is_never_smaller_than_normal);
	RUN(empty_blocks_and_no_blocks_still_give_a_page);
	RUN(large_text_scale_reflows);
	RUN(screen_without_help_has_no_help_line);
	return TEST_DONE();
}
