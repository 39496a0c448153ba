/* test_large_text.c — A+ for the visitors who need larger text (EN 301
 * 549 5.1.4, issue #32): on a small panel (7 inches, 40 cm) the A+ layout
 * keeps body capitals at 0.7 degrees and more pages rather than shrink
 * to fit one, and a call box's small text is the body's size there;
 * several calls go a page each at A+ rather than shrink together (at
 * normal size they share a page); only a list item or a call taller than
 * a page makes A+ smaller, and --check says so. Laid out with the fake
 * measurer (capitals 0.72 of the size). */
#include "fixture.h"
#include "test.h"

#include "a11y.h"
#include "deck.h"
#include "diag.h"
#include "kiosk.h"
#include "load.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *text_screen =
	"kiosk: { quick_exit: none }\n"
	"display: { diagonal_inches: 7 }\n"
	"screens:\n"
	"  - id: long\n"
	"    title: \"Reading\"\n"
	"    blocks:\n"
	"      - text: \"One two three four five six seven eight nine ten eleven twelve thirteen.\"\n"
	"      - text: \"Fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one.\"\n"
	"      - text: \"Twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven.\"\n"
	"      - call: { name: \"Line\", number: \"0808 500 2222\", hours: \"Day and night\" }\n";

/* The smallest size of elements of this role on any page of screen s. */
static int smallest(const struct screen_layout *l, enum elem_role role)
{
	int px = 0;
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_elems; i++)
			if (l->pages[p].elems[i].role == role && (!px || l->pages[p].elems[i].px < px))
				px = l->pages[p].elems[i].px;
	return px;
}

/* Capitals of px at 0.72 of it, on this deck's panel, seen from 40 cm. */
static double degrees(const struct screen_layout *l, int px)
{
	return a11y_visual_angle(lround(px * 0.72) / l->m.px_per_mm, 400.0);
}

static bool load(struct content *c, const char *yaml)
{
	struct diag_list dl = { 0 };
	bool ok = content_load_buffer("large.yaml", yaml, strlen(yaml), c, &dl) == LOAD_OK;
	if (!ok)
		diag_print(&dl, "large.yaml", stderr);
	diag_clear(&dl);
	return ok;
}

static void test_readable_at_a_plus(void)
{
	struct content c = { 0 };
	if (!load(&c, text_screen))
		{ CHECK(false); return; }
	struct deck normal = { 0 }, large = { 0 };
	deck_build(&normal, &fake_measurer, &c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	deck_build(&large, &fake_measurer, &c,
		   (struct layout_spec){ .w = 800, .h = 480, .text_scale = KIOSK_LARGE_TEXT });
	const struct screen_layout *n = &normal.layouts[0], *l = &large.layouts[0];
	/* normal: smaller than 0.7 degrees on 7 inches, the hours smaller still */
	CHECK(degrees(n, smallest(n, ELEM_BODY)) < A11Y_MIN_CAP_DEGREES);
	CHECK(smallest(n, ELEM_CALL_HOURS) < smallest(n, ELEM_BODY));
	/* A+: 0.7 degrees, on more pages; the hours at the body's size */
	CHECK(degrees(l, smallest(l, ELEM_BODY)) >= A11Y_MIN_CAP_DEGREES);
	CHECK(l->n_pages > n->n_pages);
	CHECK_INT(smallest(l, ELEM_CALL_HOURS), smallest(l, ELEM_BODY));
	/* nothing past the body's bottom on any page */
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_elems; i++) {
			const struct elem *e = &l->pages[p].elems[i];
			if (e->role == ELEM_BODY || e->role == ELEM_CALL_BOX)
				CHECK(e->y + e->h <= l->m.body_bottom + 1);
		}
	/* and --check finds nothing to say about A+ */
	struct diag_list dl = { 0 };
	const struct measurer by_lang[1] = { fake_measurer };
	a11y_check(&c, by_lang, 800, 480, &dl);
	bool a_plus = false;
	for (size_t i = 0; i < dl.n; i++)
		a_plus = a_plus || strstr(dl.items[i].message, "even with A+") != NULL;
	CHECK(!a_plus);
	diag_clear(&dl);
	deck_free(&normal);
	deck_free(&large);
	content_free(&c);
}

/* Four calls: taller than a page together at the readable size. At A+
 * they go on more pages, each number and its hours at 0.7 degrees, and
 * --check has nothing to say about A+; at normal size they share one. */
static void test_calls_apart_at_a_plus(void)
{
	char yaml[2048];
	snprintf(yaml, sizeof yaml,
		 "kiosk: { quick_exit: none }\n"
		 "display: { diagonal_inches: 7 }\n"
		 "screens:\n"
		 "  - id: calls\n"
		 "    title: \"Numbers\"\n"
		 "    blocks:\n"
		 "%s%s%s%s",
		 "      - call: { name: \"One\", number: \"0808 500 2222\", hours: \"Day and night, every day\" }\n",
		 "      - call: { name: \"Two\", number: \"0808 500 2223\", hours: \"Day and night, every day\" }\n",
		 "      - call: { name: \"Three\", number: \"0808 500 2224\", hours: \"Day and night, every day\" }\n",
		 "      - call: { name: \"Four\", number: \"0808 500 2225\", hours: \"Day and night, every day\" }\n");
	struct content c = { 0 };
	if (!load(&c, yaml))
		{ CHECK(false); return; }
	struct deck normal = { 0 }, large = { 0 };
	deck_build(&normal, &fake_measurer, &c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	deck_build(&large, &fake_measurer, &c,
		   (struct layout_spec){ .w = 800, .h = 480, .text_scale = KIOSK_LARGE_TEXT });
	const struct screen_layout *n = &normal.layouts[0], *l = &large.layouts[0];
	CHECK_INT(n->n_pages, 1);
	CHECK(l->n_pages > 1);
	CHECK(degrees(l, smallest(l, ELEM_CALL_HOURS)) >= A11Y_MIN_CAP_DEGREES);
	CHECK(degrees(l, smallest(l, ELEM_CALL_NAME)) >= A11Y_MIN_CAP_DEGREES);
	/* every number on some page, none cut off */
	int numbers = 0;
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_elems; i++) {
			const struct elem *e = &l->pages[p].elems[i];
			numbers += e->role == ELEM_CALL_NUMBER;
			if (e->role == ELEM_CALL_BOX)
				CHECK(e->y + e->h <= l->m.body_bottom + 1);
		}
	CHECK_INT(numbers, 4);
	struct diag_list dl = { 0 };
	const struct measurer by_lang[1] = { fake_measurer };
	a11y_check(&c, by_lang, 800, 480, &dl);
	bool a_plus = false;
	for (size_t i = 0; i < dl.n; i++)
		a_plus = a_plus || strstr(dl.items[i].message, "even with A+ (larger text)") != NULL;
	CHECK(!a_plus);
	diag_clear(&dl);
	deck_free(&normal);
	deck_free(&large);
	content_free(&c);
}

int main(void)
{
	RUN(test_readable_at_a_plus);
	RUN(test_calls_apart_at_a_plus);
	return TEST_DONE();
}
