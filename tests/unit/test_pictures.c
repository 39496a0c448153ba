/* test_pictures.c — pictures in the core: what the loader accepts and
 * refuses of kiosk.logo, picture blocks and pictograms, and how they are
 * laid out with the text (fixed-width fake measurer, sizes given by hand
 * as the SDL edge would fill them in). */
#include "content.h"
#include "fixture.h"
#include "layout.h"
#include "load.h"
#include "pictogram.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

#define HEAD "kiosk: { quick_exit: none }\nscreens:\n  - id: a\n    title: \"T\"\n    blocks:\n"

static enum load_result load(const char *text, struct content *c, struct diag_list *d)
{
	return content_load_buffer("test.yaml", text, strlen(text), c, d);
}

/* The error at line:col, or NULL. */
static const struct diag *error_at(const struct diag_list *d, int line, int col)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == DIAG_ERROR && d->items[i].line == line && d->items[i].col == col)
			return &d->items[i];
	return NULL;
}

static const char every_kind[] =
	"kiosk:\n"
	"  languages: [en, pl]\n"
	"  quick_exit: none\n"
	"  logo:\n"
	"    file: logo.png\n"
	"    alt: {en: \"Our centre\", pl: \"Nasze centrum\"}\n"
	"    place: welcome\n"
	"screens:\n"
	"  - id: a\n"
	"    title: {en: \"T\", pl: \"T\"}\n"
	"    blocks:\n"
	"      - picture:\n"
	"          file: maps/way in.JPG\n"
	"          alt: {en: \"Map\", pl: \"Mapa\"}\n"
	"          caption: {en: \"Here\", pl: \"Tu\"}\n"
	"      - bullets:\n"
	"          - {en: \"plain\", pl: \"zwykły\"}\n"
	"          - text: {en: \"with\", pl: \"z\"}\n"
	"            icon: {pictogram: clock, alt: {en: \"Clock\", pl: \"Zegar\"}}\n"
	"      - call:\n"
	"          name: {en: \"N\", pl: \"N\"}\n"
	"          number: \"0808 500 2222\"\n"
	"          icon: {file: phone.png, alt: {en: \"Phone\", pl: \"Telefon\"}}\n";

static void test_every_kind_loads(void)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load(every_kind, &c, &d), LOAD_OK);
	diag_print(&d, "test.yaml", stderr);
	if (c.n_screens != 1) {
		diag_clear(&d);
		return;
	}
	CHECK_INT(c.n_pictures, 4);
	CHECK(c.logo != NULL && c.logo == c.pictures[0]);
	CHECK_STR(c.logo->file, "logo.png");
	CHECK_INT(c.logo->place, LOGO_WELCOME);
	CHECK_STR(c.logo->alt.by_lang[1], "Nasze centrum");
	const struct block *b = c.screens[0].blocks;
	CHECK_INT(b[0].kind, BLOCK_PICTURE);
	CHECK_STR(b[0].picture->file, "maps/way in.JPG");
	CHECK(b[0].picture->has_caption);
	CHECK_STR(b[0].picture->caption.by_lang[1], "Tu");
	CHECK_INT(b[0].picture->file_at.line, 13);
	CHECK_INT(b[0].picture->file_at.col, 17);
	CHECK_INT(b[1].n_items, 2);
	CHECK(b[1].item_icons && b[1].item_icons[0] == NULL && b[1].item_icons[1] != NULL);
	CHECK_STR(b[1].items[1].by_lang[0], "with");
	CHECK_INT(b[1].item_icons[1]->pictogram, pictogram_find("clock", 5));
	CHECK(b[2].call.icon != NULL && b[2].call.icon->file && strcmp(b[2].call.icon->file, "phone.png") == 0);
	for (size_t i = 0; i < c.n_pictures; i++)
		CHECK_INT(c.pictures[i]->index, i);
	content_free(&c);
	diag_clear(&d);
}

/* One block; its error at line:col contains want. */
struct refusal {
	const char *block;
	int line, col;
	const char *want;
};

static const struct refusal refusals[] = {
	{ "      - picture: {file: a.png}\n", 6, 18, "has no 'alt'" },
	{ "      - picture: a.png\n", 6, 18, "needs its words" },
	{ "      - picture: {alt: \"A\"}\n", 6, 18, "names no picture" },
	{ "      - picture: {file: /etc/passwd.png, alt: \"A\"}\n", 6, 25, "not named from the content file's folder" },
	{ "      - picture: {file: ../up.png, alt: \"A\"}\n", 6, 25, "without '..'" },
	{ "      - picture: {file: a/../../up.png, alt: \"A\"}\n", 6, 25, "without '..'" },
	{ "      - picture: {file: a//b.png, alt: \"A\"}\n", 6, 25, "'//'" },
	{ "      - picture: {file: 'pics\\logo.png', alt: \"A\"}\n", 6, 25, "write '/' between" },
	{ "      - picture: {file: C:/logo.png, alt: \"A\"}\n", 6, 25, "not named from the content file's folder" },
	{ "      - picture: {file: logo.svg, alt: \"A\"}\n", 6, 25, "save it as PNG" },
	{ "      - picture: {file: logo.gif, alt: \"A\"}\n", 6, 25, "not a PNG or JPEG" },
	{ "      - picture: {file: logo, alt: \"A\"}\n", 6, 25, "not a PNG or JPEG" },
	{ "      - picture: {pictogram: phone, alt: \"A\"}\n", 6, 19, "unknown key 'pictogram'" },
	{ "      - bullets:\n          - text: \"x\"\n            icon: {pictogram: phnoe, alt: \"A\"}\n", 8, 31,
	  "did you mean 'phone'?" },
	{ "      - bullets:\n          - text: \"x\"\n            icon: {pictogram: phone, file: a.png, alt: \"A\"}\n",
	  8, 31, "either a file or a pictogram" },
	{ "      - bullets:\n          - icon: {pictogram: phone, alt: \"A\"}\n", 7, 13, "has no 'text'" },
	{ "      - text: \"x\"\n        picture: {file: a.png, alt: \"A\"}\n", 7, 9, "has both 'text' and 'picture'" },
};

static void test_refusals(void)
{
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		const struct refusal *r = &refusals[i];
		char text[1024];
		snprintf(text, sizeof text, "%s%s", HEAD, r->block);
		struct content c;
		struct diag_list d = { 0 };
		test_current = r->want;
		CHECK_INT(load(text, &c, &d), LOAD_INVALID);
		const struct diag *e = error_at(&d, r->line, r->col);
		CHECK(e != NULL);
		if (e)
			CHECK_CONTAINS(e->message, r->want);
		else
			diag_print(&d, "test.yaml", stderr);
		diag_clear(&d);
	}
	test_current = "test_refusals";
}

/* kiosk.logo's place is one of its words, and says which when it is not. */
static void test_logo_place(void)
{
	const char *text = "kiosk:\n  quick_exit: none\n  logo: {file: l.png, alt: \"L\", place: corner}\n"
			   "screens:\n  - id: a\n    title: \"T\"\n    blocks:\n      - text: \"x\"\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load(text, &c, &d), LOAD_INVALID);
	const struct diag *e = error_at(&d, 3, 40);
	CHECK(e && strstr(e->message, "'place' must be title (beside every screen's title) or welcome"));
	if (!e)
		diag_print(&d, "test.yaml", stderr);
	diag_clear(&d);
}

/* The help line's band has no room for a pictogram: its call takes none. */
static void test_help_takes_no_icon(void)
{
	const char *text = "kiosk:\n  quick_exit: none\n  help:\n    name: \"N\"\n    number: \"0808 500 2222\"\n"
			   "    icon: {pictogram: phone, alt: \"A\"}\n"
			   "screens:\n  - id: a\n    title: \"T\"\n    blocks:\n      - text: \"x\"\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load(text, &c, &d), LOAD_INVALID);
	const struct diag *e = error_at(&d, 6, 5);
	CHECK(e && strstr(e->message, "unknown key 'icon' in kiosk.help"));
	diag_clear(&d);
}

static void test_too_many(void)
{
	size_t cap = 65536, n = 0;
	char *text = malloc(cap);
	n += (size_t)snprintf(text, cap, "%s      - bullets:\n", HEAD);
	for (int i = 0; i < 60; i++)
		n += (size_t)snprintf(text + n, cap - n, "          - text: \"x\"\n            icon: {pictogram: info, alt: \"i\"}\n");
	n += (size_t)snprintf(text + n, cap - n, "      - bullets:\n");
	for (int i = 0; i < 10; i++)
		n += (size_t)snprintf(text + n, cap - n, "          - text: \"y\"\n            icon: {pictogram: info, alt: \"i\"}\n");
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load(text, &c, &d), LOAD_INVALID);
	bool said = false;
	for (size_t i = 0; i < d.n; i++)
		said = said || strstr(d.items[i].message, "more than 64 pictures");
	CHECK(said);
	diag_clear(&d);
	free(text);
}

/* ---- layout ------------------------------------------------------------ */

static const struct elem *find(const struct screen_layout *l, size_t page, enum elem_role role)
{
	for (size_t i = 0; i < l->pages[page].n_elems; i++)
		if (l->pages[page].elems[i].role == role)
			return &l->pages[page].elems[i];
	return NULL;
}

static bool overlap(const struct elem *a, const struct elem *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static struct content load_ok(const char *text)
{
	struct content c;
	struct diag_list d = { 0 };
	if (load(text, &c, &d) != LOAD_OK) {
		diag_print(&d, "test.yaml", stderr);
		abort();
	}
	diag_clear(&d);
	return c;
}

/* A picture block keeps its shape, stays in the body, and the text after
 * it comes below it; right to left, it stands against the right margin. */
static void test_picture_block_layout(void)
{
	struct content c = load_ok("kiosk: {quick_exit: none, languages: [en, ar]}\nscreens:\n  - id: a\n"
				   "    title: \"T\"\n    blocks:\n"
				   "      - picture: {file: m.png, alt: \"M\", caption: \"Cap\"}\n"
				   "      - text: \"after\"\n");
	c.pictures[0]->w = 400, c.pictures[0]->h = 200; /* as the edge fills them in */
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	CHECK_INT(l.n_pages, 1);
	const struct elem *p = find(&l, 0, ELEM_PICTURE), *cap = find(&l, 0, ELEM_PICTURE_CAPTION),
			  *body = find(&l, 0, ELEM_BODY);
	CHECK(p && cap && body);
	if (p && cap && body) {
		CHECK(p->pic == c.pictures[0]);
		CHECK_INT(p->w, 2 * p->h); /* 400 x 200: its shape */
		CHECK(p->y >= l.m.body_top && p->y + p->h <= l.m.body_bottom);
		CHECK_INT(p->x, l.m.margin_x);
		CHECK(cap->y >= p->y + p->h);
		CHECK(body->y >= cap->y + cap->h);
	}
	layout_free(&l);
	layout_screen(&l, &fake_measurer, &c, 0,
		      (struct layout_spec){ .w = 800, .h = 480, .lang = 1, .text_scale = 1.0 });
	p = find(&l, 0, ELEM_PICTURE);
	CHECK(p && p->x + p->w == 800 - l.m.margin_x);
	layout_free(&l);
	content_free(&c);
}

/* A tall picture gives way before the text shrinks: the screen stays on
 * one page at full size; with a picture alone it may take more height. */
static void test_picture_gives_way(void)
{
	struct content c = load_ok(HEAD "      - picture: {file: m.png, alt: \"M\"}\n"
					"      - text: \"one two three four five six seven eight nine ten\"\n"
					"      - text: \"one two three four five six seven eight nine ten\"\n"
					"      - text: \"one two three four five six seven eight nine ten\"\n");
	c.pictures[0]->w = 1000, c.pictures[0]->h = 1000;
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	CHECK_INT(l.n_pages, 1);
	CHECK(l.shrink == 1.0);
	const struct elem *p = find(&l, 0, ELEM_PICTURE);
	int with_text = p ? p->h : 0;
	CHECK(p && p->w == p->h);
	layout_free(&l);
	c.screens[0].n_blocks = 1; /* the picture alone */
	layout_screen(&l, &fake_measurer, &c, 0, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	p = find(&l, 0, ELEM_PICTURE);
	CHECK(p && p->h > with_text);
	CHECK(p && p->y + p->h <= l.m.body_bottom);
	layout_free(&l);
	content_free(&c);
}

/* Pictograms: beside an item's text, in place of its bullet; in a call
 * box before the name, inside the box; the text never under them. */
static void test_pictograms(void)
{
	struct content c = load_ok(HEAD "      - bullets:\n          - text: \"with\"\n"
					"            icon: {pictogram: clock, alt: \"C\"}\n"
					"      - call:\n          name: \"N\"\n          number: \"0808 500 2222\"\n"
					"          icon: {pictogram: phone, alt: \"P\"}\n");
	struct screen_layout l;
	layout_screen(&l, &fake_measurer, &c, 0, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	const struct elem *icon = find(&l, 0, ELEM_ICON), *body = find(&l, 0, ELEM_BODY),
			  *box = find(&l, 0, ELEM_CALL_BOX), *call_icon = find(&l, 0, ELEM_CALL_ICON),
			  *name = find(&l, 0, ELEM_CALL_NAME), *number = find(&l, 0, ELEM_CALL_NUMBER);
	CHECK(icon && body && box && call_icon && name && number);
	CHECK(find(&l, 0, ELEM_BULLET) == NULL);
	if (icon && body && box && call_icon && name && number) {
		CHECK_INT(icon->x, l.m.margin_x);
		CHECK(icon->w == icon->h);
		CHECK(body->x >= icon->x + icon->w);
		CHECK(!overlap(icon, body));
		CHECK(call_icon->x > box->x && call_icon->x + call_icon->w < box->x + box->w);
		CHECK(call_icon->y > box->y && call_icon->y + call_icon->h < box->y + box->h);
		CHECK(!overlap(call_icon, name) && !overlap(call_icon, number));
	}
	layout_free(&l);
	content_free(&c);
}

/* The logo beside every page's title, clear of it; never on the Quick
 * exit screen, which must look ordinary; place: welcome only on the first
 * screen. */
static void test_logo(void)
{
	const char *text = "kiosk:\n  quick_exit: neutral\n  logo: {file: l.png, alt: \"L\", place: %s}\n"
			   "screens:\n  - id: a\n    title: \"A long title that takes the width of the screen\"\n"
			   "    blocks:\n      - text: \"x\"\n  - id: b\n    title: \"B\"\n    blocks:\n"
			   "      - text: \"y\"\n  - id: neutral\n    title: \"Bus times\"\n    loop: false\n"
			   "    blocks:\n      - text: \"z\"\n";
	char buf[1024];
	snprintf(buf, sizeof buf, text, "title");
	struct content c = load_ok(buf);
	c.pictures[0]->w = 300, c.pictures[0]->h = 100;
	struct screen_layout l;
	for (size_t s = 0; s < 3; s++) {
		layout_screen(&l, &fake_measurer, &c, s, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
		const struct elem *logo = find(&l, 0, ELEM_LOGO), *title = find(&l, 0, ELEM_TITLE);
		if (s == 2) {
			CHECK(logo == NULL);
		} else {
			CHECK(logo && title && !overlap(logo, title));
			CHECK(logo && logo->x + logo->w == 800 - l.m.margin_x);
			CHECK(logo && logo->y + logo->h <= l.m.body_top);
		}
		layout_free(&l);
	}
	content_free(&c);
	snprintf(buf, sizeof buf, text, "welcome");
	c = load_ok(buf);
	for (size_t s = 0; s < 3; s++) {
		layout_screen(&l, &fake_measurer, &c, s, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
		const struct elem *logo = find(&l, 0, ELEM_LOGO);
		CHECK(s == 0 ? logo != NULL && logo->y >= l.m.body_top : logo == NULL);
		layout_free(&l);
	}
	content_free(&c);
}

int main(void)
{
	RUN(test_every_kind_loads);
	RUN(test_refusals);
	RUN(test_logo_place);
	RUN(test_help_takes_no_icon);
	RUN(test_too_many);
	RUN(test_picture_block_layout);
	RUN(test_picture_gives_way);
	RUN(test_pictograms);
	RUN(test_logo);
	return TEST_DONE();
}
