/* scene.c — builds the draw list for a frame; see scene.h.
 *
 * A frame is one or two pages (two while a transition runs) plus the attract
 * chrome (page dots) on top. Colours come from the theme: the band is the
 * background moved a little toward the text colour; ink on the accent is
 * whichever of background and text reads better on it. Each text item is
 * pushed with the language it is written in (push_text): the page's, a
 * label's (which may not be translated), or 0 for signs and digits drawn
 * alike in every language; nothing keeps a current language. */
#include "scene.h"

#include "arena.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double channel_lin(uint32_t c)
{
	double v = c / 255.0;
	return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
	return 0.2126 * channel_lin((rgb >> 16) & 0xFF) + 0.7152 * channel_lin((rgb >> 8) & 0xFF) +
	       0.0722 * channel_lin(rgb & 0xFF);
}

double colour_contrast(uint32_t a, uint32_t b)
{
	double la = luminance(a), lb = luminance(b);
	if (la < lb) {
		double t = la;
		la = lb;
		lb = t;
	}
	return (la + 0.05) / (lb + 0.05);
}

uint32_t colour_mix(uint32_t a, uint32_t b, double t)
{
	uint32_t out = 0;
	for (int shift = 16; shift >= 0; shift -= 8) {
		double ca = (a >> shift) & 0xFF, cb = (b >> shift) & 0xFF;
		out |= (uint32_t)lround(ca + (cb - ca) * t) << shift;
	}
	return out;
}

const char *draw_item_text(const struct draw_item *it, size_t *len)
{
	if (it->text) {
		*len = it->len;
		return it->text;
	}
	*len = strlen(it->own_text);
	return it->own_text;
}

/* A place on the frame: top-left x, y, and size. */
struct box {
	int x, y, w, h;
};

/* A new item of kind in box, in rgb at alpha (text: push_text()). */
static struct draw_item *push(struct draw_list *l, enum draw_kind kind, enum draw_role role, struct box b,
			      uint32_t rgb, uint8_t alpha)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 128;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	struct draw_item *it = &l->items[l->n++];
	memset(it, 0, sizeof *it);
	*it = (struct draw_item){ .kind = kind, .role = role, .x = b.x, .y = b.y, .w = b.w, .h = b.h,
				  .rgb = rgb, .alpha = alpha };
	return it;
}

/* A new text item in box, written in language lang: its font, its
 * direction. The caller sets its text. */
static struct draw_item *push_text(struct draw_list *l, enum draw_role role, size_t lang, struct box b,
				   uint32_t rgb, uint8_t alpha)
{
	struct draw_item *it = push(l, DRAW_TEXT, role, b, rgb, alpha);
	it->lang = (uint8_t)lang;
	return it;
}

struct palette {
	uint32_t bg, text, accent, on_accent, band, muted;
};

struct colours scene_colours(const struct theme *t, bool high_contrast)
{
	if (high_contrast)
		return t->high_contrast;
	return (struct colours){ .background = t->background, .text = t->text, .accent = t->accent };
}

static struct palette palette_of(const struct theme *theme, bool high_contrast)
{
	struct colours t = scene_colours(theme, high_contrast);
	struct palette p = { .bg = t.background, .text = t.text, .accent = t.accent };
	p.on_accent = colour_contrast(t.accent, t.background) >= colour_contrast(t.accent, t.text)
			      ? t.background
			      : t.text;
	p.band = colour_mix(t.background, t.text, 0.08);
	/* high contrast: no softened greys at all */
	p.muted = high_contrast ? t.text : colour_mix(t.text, t.background, 0.22);
	return p;
}

/* Right to left: what was pushed since item `from` (and hit `from_hit`)
 * mirrored across the w pixels wide frame. */
static void mirror_items(struct draw_list *out, size_t from, size_t from_hit, int w)
{
	for (size_t i = from; i < out->n; i++)
		out->items[i].x = w - out->items[i].x - out->items[i].w;
	for (size_t i = from_hit; i < out->n_hits; i++)
		out->hits[i].x = w - out->hits[i].x - out->hits[i].w;
}

static bool rtl_now(const struct scene_input *in)
{
	return in->content->rtl[in->kiosk->lang];
}

static const struct {
	enum draw_role role;
	enum draw_kind kind;
} elem_map[] = {
	[ELEM_TITLE] = { ROLE_TITLE, DRAW_TEXT },
	[ELEM_BODY] = { ROLE_BODY, DRAW_TEXT },
	[ELEM_STEP_BADGE] = { ROLE_STEP_BADGE, DRAW_CIRCLE },
	[ELEM_BULLET] = { ROLE_BULLET, DRAW_RECT },
	[ELEM_CALL_BOX] = { ROLE_CALL_BOX, DRAW_RECT },
	[ELEM_CALL_NAME] = { ROLE_CALL_NAME, DRAW_TEXT },
	[ELEM_CALL_NUMBER] = { ROLE_CALL_NUMBER, DRAW_TEXT },
	[ELEM_CALL_HOURS] = { ROLE_CALL_HOURS, DRAW_TEXT },
	[ELEM_BAND] = { ROLE_BAND, DRAW_RECT },
	[ELEM_HELP_PREFIX] = { ROLE_HELP_PREFIX, DRAW_TEXT },
	[ELEM_HELP_NUMBER] = { ROLE_HELP_NUMBER, DRAW_TEXT },
	[ELEM_HELP_NAME] = { ROLE_HELP_NAME, DRAW_TEXT },
	[ELEM_HINT] = { ROLE_HINT, DRAW_TEXT },
	[ELEM_QR] = { ROLE_QR, DRAW_QR },
	[ELEM_QR_CAPTION] = { ROLE_QR_CAPTION, DRAW_TEXT },
	[ELEM_PICTURE] = { ROLE_PICTURE, DRAW_PICTURE },
	[ELEM_PICTURE_CAPTION] = { ROLE_PICTURE_CAPTION, DRAW_TEXT },
	[ELEM_ICON] = { ROLE_ICON, DRAW_PICTURE },
	[ELEM_CALL_ICON] = { ROLE_ICON, DRAW_PICTURE },
	[ELEM_LOGO] = { ROLE_LOGO, DRAW_PICTURE },
};

/* The colour of an element; in the out-of-hours banner the band is the
 * accent and everything on it the ink that reads on the accent. */
static uint32_t elem_colour(enum elem_role r, const struct palette *p, bool banner)
{
	if (banner && (r == ELEM_BAND || r == ELEM_HELP_PREFIX || r == ELEM_HELP_NUMBER || r == ELEM_HELP_NAME))
		return r == ELEM_BAND ? p->accent : p->on_accent;
	switch (r) {
	case ELEM_STEP_BADGE:
	case ELEM_BULLET:
	case ELEM_CALL_BOX:
	case ELEM_HELP_NUMBER:
	case ELEM_ICON:
		return p->accent;
	case ELEM_CALL_NAME:
	case ELEM_CALL_NUMBER:
	case ELEM_CALL_HOURS:
	case ELEM_CALL_ICON:
		return p->on_accent;
	case ELEM_BAND:
		return p->band;
	case ELEM_HELP_PREFIX:
	case ELEM_HINT:
		return p->muted;
	default:
		return p->text;
	}
}

static bool footer_role(enum elem_role r)
{
	return r == ELEM_BAND || r == ELEM_HELP_PREFIX || r == ELEM_HELP_NUMBER || r == ELEM_HELP_NAME;
}

/* The language the touch hint of view v is shown in while the loop runs:
 * each loop step (each page) the next of the languages that have a hint of
 * their own, so a visitor who reads only one of them sees, within a few
 * screens, that the kiosk speaks it. */
static size_t hint_lang(const struct kiosk *k, struct kiosk_view v)
{
	const struct content *c = k->content;
	size_t own[CONTENT_MAX_LANGS], n = 0;
	for (size_t l = 0; l < c->n_langs; l++)
		if (l == k->lang || c->labels.touch_hint.by_lang[l] != c->labels.touch_hint.by_lang[0] ||
		    l == 0)
			own[n++] = l;
	size_t step = 0;
	for (size_t i = 0; i < k->n_loop; i++)
		if (k->loop[i] == v.screen) {
			step = i;
			break;
		}
	step += (size_t)(v.page > 0 ? v.page : 0);
	/* the kiosk's own language first, the others after it in turn */
	size_t first = 0;
	for (size_t i = 0; i < n; i++)
		if (own[i] == k->lang)
			first = i;
	return n ? own[(first + step) % n] : k->lang;
}

/* The touch hint in language lang where the layout put it (top left, in the
 * room the page's Quick exit button leaves, centred on the button bar).
 * A hint that does not fit there gives way to the page's own, which the
 * layout made fit. */
static void scene_hint(struct draw_list *out, const struct scene_input *in, const struct metrics *mt,
		       const struct palette *p, size_t lang, int dx, uint8_t alpha)
{
	const struct content *c = in->content;
	size_t page_lang = in->kiosk->lang;
	int room = layout_hint_room(in->measurer, mt, c, page_lang);
	struct line lines[LAYOUT_HINT_LINES];
	size_t n;
	int px;
	const struct measurer *m = in->by_lang ? &in->by_lang[lang] : in->measurer;
	if (!layout_hint_fit(m, mt, c->labels.touch_hint.by_lang[lang], room, lines, LAYOUT_HINT_LINES, &n, &px) &&
	    lang != page_lang) {
		lang = page_lang;
		m = in->by_lang ? &in->by_lang[lang] : in->measurer;
		layout_hint_fit(m, mt, c->labels.touch_hint.by_lang[lang], room, lines, LAYOUT_HINT_LINES, &n, &px);
	}
	const char *hint = c->labels.touch_hint.by_lang[lang];
	int lh = m->line_height(m->ctx, FONT_REGULAR, px);
	int y = mt->top_y + (mt->btn_h - (int)n * lh) / 2;
	for (size_t i = 0; i < n; i++) {
		struct box b = { mt->margin_x + dx, y + (int)i * lh, lines[i].width, lh };
		struct draw_item *it = push_text(out, ROLE_HINT, lang, b, p->muted, alpha);
		it->style = FONT_REGULAR;
		it->px = px;
		it->text = hint + lines[i].off;
		it->len = lines[i].len;
	}
}

static bool help_role(enum draw_role r)
{
	return r == ROLE_HELP_PREFIX || r == ROLE_HELP_NAME || r == ROLE_HELP_NUMBER;
}

/* Right to left, the help line's pieces on one line stand mirrored: the
 * prefix on the right, the name to its left. When none of them has a
 * right-to-left letter (labels not translated: English), that read
 * backwards ("Line Talk to someone now:"); such a line is put back left to
 * right as a unit, still against the right margin. */
static void help_line_ltr(struct draw_list *out, size_t from)
{
	for (size_t i = from; i < out->n; i++) {
		if (!help_role(out->items[i].role))
			continue;
		/* the pieces that share i's line (the hours beside a larger number
		 * sit a little lower, but on it) */
		size_t group[8], n = 0;
		int top = out->items[i].y, bottom = top + out->items[i].h;
		bool rtl = false, done = false;
		for (size_t j = from; j < out->n && n < 8; j++) {
			const struct draw_item *b = &out->items[j];
			if (!help_role(b->role) || b->y >= bottom || b->y + b->h <= top)
				continue;
			if (j < i) {
				done = true; /* the line was handled with an earlier piece */
				break;
			}
			group[n++] = j;
			size_t len;
			const char *t = draw_item_text(b, &len);
			rtl |= utf8_has_rtl(t, len);
		}
		if (done || rtl || n < 2)
			continue;
		int left = out->items[group[0]].x, right = left + out->items[group[0]].w;
		for (size_t g = 1; g < n; g++) {
			const struct draw_item *b = &out->items[group[g]];
			left = b->x < left ? b->x : left;
			right = b->x + b->w > right ? b->x + b->w : right;
		}
		for (size_t g = 0; g < n; g++) {
			struct draw_item *b = &out->items[group[g]];
			b->x = left + right - b->x - b->w;
		}
	}
}

/* What of a page scene_elems() draws. */
enum page_part {
	PART_WHOLE,
	PART_FOOTER, /* the band with the help line (or banner), under a panel */
};

/* The elements of page v (or only its footer), shifted by dx, at alpha. */
static void scene_elems(struct draw_list *out, const struct scene_input *in, struct kiosk_view v,
			enum page_part part, int dx, uint8_t alpha)
{
	const struct screen_layout *l = &in->layouts[v.screen];
	if (l->n_pages == 0)
		return; /* not laid out (a deck in part): nothing to draw */
	const struct page *pg = &l->pages[v.page < (int)l->n_pages ? v.page : 0];
	const struct metrics *mt = &l->m;
	struct palette pal = palette_of(&in->content->theme, in->kiosk->high_contrast);
	const struct palette *p = &pal;
	bool banner = mt->out_of_hours;
	size_t lang = in->kiosk->lang;
	bool notice = kiosk_showing_notice(in->kiosk);
	bool attract = in->kiosk->mode == KIOSK_ATTRACT && !notice;
	/* the band only behind a help line (or banner): a screen without one
	 * (show_help: false) keeps no empty grey band under its last lines */
	bool band = false;
	for (size_t i = 0; i < pg->n_elems && !band; i++)
		band = footer_role(pg->elems[i].role) && pg->elems[i].role != ELEM_BAND;
	bool hint_drawn = false;
	size_t from = out->n;
	for (size_t i = 0; i < pg->n_elems; i++) {
		const struct elem *e = &pg->elems[i];
		if ((part == PART_FOOTER && !footer_role(e->role)) || (e->role == ELEM_HINT && !attract) ||
		    (e->role == ELEM_BAND && !band))
			continue;
		if (e->role == ELEM_HINT && in->content->n_langs > 1) {
			/* in the loop, the hint takes the languages in turn */
			if (!hint_drawn)
				scene_hint(out, in, mt, p, hint_lang(in->kiosk, v), dx, alpha);
			hint_drawn = true;
			continue;
		}
		enum draw_role role = banner && e->role == ELEM_BAND ? ROLE_BANNER : elem_map[e->role].role;
		struct box b = { e->x + dx, e->y, e->w, e->h };
		uint32_t rgb = elem_colour(e->role, p, banner);
		struct draw_item *it = elem_map[e->role].kind == DRAW_TEXT
					       ? push_text(out, role, lang, b, rgb, alpha)
					       : push(out, elem_map[e->role].kind, role, b, rgb, alpha);
		it->qr = e->qr;
		it->module = e->module;
		it->pic = e->pic;
		it->style = e->style;
		it->px = e->px;
		it->text = e->text;
		it->len = e->len;
		if (e->role == ELEM_CALL_BOX)
			it->radius = (int)lround(mt->u * 1.5);
		if (e->role == ELEM_STEP_BADGE) {
			/* the number, centred in its circle, in the ink that reads on accent */
			struct draw_item *num = push_text(out, ROLE_STEP_NUMBER, lang, b, p->on_accent,
							  alpha);
			num->style = FONT_BOLD;
			num->px = e->px;
			snprintf(num->own_text, sizeof num->own_text, "%d", e->number);
			size_t len = strlen(num->own_text);
			int tw = in->measurer->text_width(in->measurer->ctx, FONT_BOLD, e->px,
							  num->own_text, len);
			int th = in->measurer->line_height(in->measurer->ctx, FONT_BOLD, e->px);
			num->x = e->x + dx + (e->w - tw) / 2;
			num->y = e->y + (e->h - th) / 2;
			num->w = tw;
			num->h = th;
		}
	}
	if (in->content->rtl[lang])
		help_line_ltr(out, from);
}

/* A short accent rule under a title whose last line ends at bottom. */
static void scene_rule(struct draw_list *out, const struct metrics *mt, const struct palette *p,
		       int bottom, int dx, uint8_t alpha, bool rtl)
{
	int rule_h = (int)lround(mt->u * 0.9), rule_w = (int)lround(mt->u * 14);
	int x = rtl ? mt->w - mt->margin_x - rule_w : mt->margin_x;
	struct box b = { x + dx, bottom + (int)lround(mt->u * 1.6), rule_w, rule_h > 2 ? rule_h : 2 };
	push(out, DRAW_RECT, ROLE_RULE, b, p->accent, alpha);
}

/* One page of a screen, shifted by dx and drawn at alpha. */
static void scene_page(struct draw_list *out, const struct scene_input *in, struct kiosk_view v,
		       int dx, uint8_t alpha)
{
	const struct screen_layout *l = &in->layouts[v.screen];
	if (l->n_pages == 0)
		return; /* not laid out (a deck in part): nothing to draw */
	const struct page *pg = &l->pages[v.page < (int)l->n_pages ? v.page : 0];
	struct palette p = palette_of(&in->content->theme, in->kiosk->high_contrast);
	const struct metrics *mt = &l->m;

	push(out, DRAW_RECT, ROLE_BACKGROUND, (struct box){ dx, 0, mt->w, mt->h }, p.bg, alpha);
	scene_elems(out, in, v, PART_WHOLE, dx, alpha);
	int title_bottom = mt->title_top;
	for (size_t i = 0; i < pg->n_elems; i++)
		if (pg->elems[i].role == ELEM_TITLE && pg->elems[i].y + pg->elems[i].h > title_bottom)
			title_bottom = pg->elems[i].y + pg->elems[i].h;
	scene_rule(out, mt, &p, title_bottom, dx, alpha, rtl_now(in));
}

/* ---- buttons -------------------------------------------------------------- */

static void add_hit(struct draw_list *l, struct box b, enum kiosk_action a, int arg)
{
	if (l->n_hits == l->cap_hits) {
		l->cap_hits = l->cap_hits ? l->cap_hits * 2 : 16;
		l->hits = xrealloc(l->hits, l->cap_hits * sizeof *l->hits);
	}
	l->hits[l->n_hits++] = (struct hit){ b.x, b.y, b.w, b.h, a, arg };
}

enum kiosk_action scene_hit(const struct draw_list *l, int x, int y, int *arg)
{
	for (size_t i = l->n_hits; i-- > 0;) {
		const struct hit *h = &l->hits[i];
		if (x >= h->x && x < h->x + h->w && y >= h->y && y < h->y + h->h) {
			*arg = h->arg;
			return h->action;
		}
	}
	*arg = 0;
	return ACTION_NONE;
}

static int text_w(const struct scene_input *in, enum font_style st, int px, const char *s)
{
	return in->measurer->text_width(in->measurer->ctx, st, px, s, strlen(s));
}

static int text_h(const struct scene_input *in, enum font_style st, int px)
{
	return in->measurer->line_height(in->measurer->ctx, st, px);
}

/* The measurer for text in language lang (which may not be the kiosk's:
 * the picker's names, the signs drawn alike in every language). */
static const struct measurer *lang_measurer(const struct scene_input *in, size_t lang)
{
	return in->by_lang ? &in->by_lang[lang] : in->measurer;
}

static int button_px(const struct metrics *mt)
{
	return layout_button_px(mt);
}

/* Width of a button with this label. */
static int button_w(const struct scene_input *in, const struct metrics *mt, const char *label)
{
	return layout_button_w(in->measurer, mt, label);
}

enum button_look { LOOK_PLAIN, LOOK_QUICK_EXIT, LOOK_OPEN /* its panel is open */ };

/* A button of width w at (x, y), btn_h high, with its label written in
 * language lang at px; disabled ones are drawn faint and do nothing. */
struct button {
	int x, y, w;
	const char *label; /* may be the caller's buffer: copied when short */
	size_t lang;
	int px;
	enum kiosk_action action;
	int arg;
	bool enabled;
	enum button_look look;
	bool drawn;        /* an icon instead of the label (which speech says) */
	enum icon icon;
};

/* Draws button b; one under a finger is drawn pressed. */
static void button(struct draw_list *out, const struct scene_input *in, const struct metrics *mt,
		   const struct palette *p, const struct button *b)
{
	const struct kiosk *k = in->kiosk;
	bool pressed = b->enabled && k->pressed == b->action &&
		       (b->action != ACTION_OPEN || k->pressed_arg == b->arg);
	uint32_t fill = b->look == LOOK_QUICK_EXIT ? p->text : colour_mix(p->bg, p->text, 0.16);
	uint32_t ink = b->look == LOOK_QUICK_EXIT ? p->bg : p->text;
	if (pressed || b->look == LOOK_OPEN) {
		fill = p->accent;
		ink = p->on_accent;
	}
	uint8_t alpha = b->enabled ? 255 : 90;
	struct box shape = { b->x, b->y, b->w, mt->btn_h };
	enum draw_role role = b->look == LOOK_QUICK_EXIT ? ROLE_QUICK_EXIT : ROLE_BUTTON;
	struct draw_item *it = push(out, DRAW_RECT, role, shape, fill, alpha);
	it->radius = mt->btn_h / 4;
	it->action = b->action;
	it->arg = b->arg;
	if (b->drawn) {
		int side = mt->btn_h * 3 / 5;
		struct box at = { b->x + (b->w - side) / 2, b->y + (mt->btn_h - side) / 2, side, side };
		struct draw_item *ic = push(out, DRAW_ICON, ROLE_BUTTON_LABEL, at, ink, alpha);
		ic->icon = b->icon;
		if (b->enabled)
			add_hit(out, shape, b->action, b->arg);
		return;
	}
	const struct measurer *m = lang_measurer(in, b->lang);
	size_t len = strlen(b->label);
	int tw = m->text_width(m->ctx, FONT_BOLD, b->px, b->label, len);
	/* centred on its ink by the renderer, in the button's height */
	struct box text = { b->x + (b->w - tw) / 2, b->y, tw, mt->btn_h };
	struct draw_item *t = push_text(out, ROLE_BUTTON_LABEL, b->lang, text, ink, alpha);
	t->centre_ink = true;
	t->style = FONT_BOLD;
	t->px = b->px;
	t->len = len;
	if (t->len < sizeof t->own_text)
		memcpy(t->own_text, b->label, t->len + 1);
	else
		t->text = b->label;
	if (b->enabled)
		add_hit(out, shape, b->action, b->arg);
}

/* The bar at the top: Quick exit always (when there is a neutral screen),
 * and Listen beside it while an output can speak; Back, Topics, language
 * and text size once a visitor has touched. */
static void scene_top_bar(struct draw_list *out, const struct scene_input *in, const struct metrics *mt,
			  const struct palette *p)
{
	const struct content *c = in->content;
	const struct kiosk *k = in->kiosk;
	size_t lang = k->lang;
	int gap = (int)lround(mt->u * 2), px = button_px(mt), y = mt->top_y;
	int right = mt->w - mt->margin_x;
	if (c->quick_exit >= 0) {
		const char *qe = c->labels.quick_exit.by_lang[lang];
		int w = button_w(in, mt, qe);
		right -= w;
		button(out, in, mt, p,
		       &(struct button){ .x = right, .y = y, .w = w, .label = qe,
					 .lang = ltext_lang(&c->labels.quick_exit, lang), .px = px,
					 .action = ACTION_QUICK_EXIT, .enabled = true,
					 .look = LOOK_QUICK_EXIT });
		right -= gap;
	}
	if (k->speech_ready && mt->listen && c->speech_output != SPEECH_OUT_NONE) {
		/* beside Quick exit in every mode, so it is where a tactile
		 * sign on the bezel says; lit while speech is on */
		/* a loudspeaker drawn, as wide as A+: no word to fit or to
		 * translate on the screen (speech says "Listen") */
		int w = button_w(in, mt, "A+");
		right -= w;
		button(out, in, mt, p,
		       &(struct button){ .x = right, .y = y, .w = w, .label = "", .px = px,
					 .action = ACTION_SPEECH, .enabled = true,
					 .look = k->speech_on ? LOOK_OPEN : LOOK_PLAIN, .drawn = true,
					 .icon = ICON_LISTEN });
		right -= gap;
	}
	if (k->mode == KIOSK_ATTRACT)
		return; /* the hint is on the left, from the layout */

	/* text size, contrast and language: beside Quick exit, or in a second
	 * row under it when one row cannot hold them all (layout.c decides) */
	bool two_rows = mt->bar_rows == 2;
	int y2 = two_rows ? mt->bar2_y : y;
	int r = two_rows ? mt->w - mt->margin_x : right;
	/* A+ and the contrast sign are drawn alike in every language: lang 0 */
	const char *size = k->text_scale > 1.0 ? "A\xe2\x88\x92" : "A+"; /* A− / A+ */
	int w = button_w(in, mt, "A+");
	r -= w;
	button(out, in, mt, p,
	       &(struct button){ .x = r, .y = y2, .w = w, .label = size, .px = px,
				 .action = ACTION_TEXT_SIZE, .enabled = true, .look = LOOK_PLAIN });
	r -= gap;
	const char *contrast = "\xe2\x97\x90"; /* ◐ */
	r -= w;
	/* on: drawn in the accent, like an open panel, so it shows its state */
	button(out, in, mt, p,
	       &(struct button){ .x = r, .y = y2, .w = w, .label = contrast, .px = px,
				 .action = ACTION_CONTRAST, .enabled = true,
				 .look = k->high_contrast ? LOOK_OPEN : LOOK_PLAIN });
	r -= gap;
	if (c->n_langs > 1) {
		const char *name = c->labels.language_name.by_lang[lang];
		w = button_w(in, mt, name);
		r -= w;
		button(out, in, mt, p,
		       &(struct button){ .x = r, .y = y2, .w = w, .label = name, .lang = lang, .px = px,
					 .action = ACTION_LANGUAGE, .enabled = true,
					 .look = k->mode == KIOSK_LANGS ? LOOK_OPEN : LOOK_PLAIN });
		r -= gap;
	}
	if (!two_rows)
		right = r;
	int x = mt->margin_x;
	char back[160];
	/* ‹ Back; right to left, the arrow stands first on the right, pointing right */
	layout_back_label(c, lang, back, sizeof back);
	w = button_w(in, mt, back);
	button(out, in, mt, p,
	       &(struct button){ .x = x, .y = y, .w = w, .label = back,
				 .lang = ltext_lang(&c->labels.back, lang), .px = px, .action = ACTION_BACK,
				 .enabled = kiosk_can_back(k), .look = LOOK_PLAIN });
	x += w + gap;
	const char *topics = c->labels.topics.by_lang[lang];
	w = button_w(in, mt, topics);
	struct button home = { .x = x, .y = y, .w = w, .label = topics,
			       .lang = ltext_lang(&c->labels.topics, lang), .px = px, .action = ACTION_HOME,
			       .enabled = k->mode != KIOSK_MENU, .look = LOOK_PLAIN };
	if (x + w <= right) {
		button(out, in, mt, p, &home);
	} else if (two_rows && mt->margin_x + w <= r) {
		/* no room beside Back and Quick exit: at the start of the second
		 * row (--check says when it fits nowhere) */
		home.x = mt->margin_x;
		home.y = y2;
		button(out, in, mt, p, &home);
	}
}

/* The row of previous, "3 / 7", next: index of total (the count), on page
 * of pages (the dots under it); prev and next do what the arrows do, with
 * index - 1 and index + 1, where they lead anywhere (can_prev, can_next). */
struct arrows {
	int index, total;
	int page, pages;
	enum kiosk_action prev, next;
	bool can_prev, can_next;
};

/* Previous, "3 / 7", next, right-aligned in the band's navigation area,
 * always in the same place: the count sits in a slot as wide as "88 / 88",
 * so the arrows do not move when it reads "10 / 12". When the screen has
 * several pages (pages > 1), small dots under the count say which one this
 * is: the count itself is of topics, the same at any text size. */
static void scene_arrows(struct draw_list *out, const struct scene_input *in, const struct metrics *mt,
			 const struct palette *p, const struct arrows *a)
{
	int px = (int)lround(mt->u * 6);
	int right = mt->nav_x + mt->nav_w;
	int gap = (int)lround(mt->u * 2);
	/* right to left, the row is mirrored: next on the left, pointing left */
	bool rtl = rtl_now(in);
	const char *next_mark = rtl ? "\xe2\x80\xb9" : "\xe2\x80\xba"; /* ‹ or › */
	const char *prev_mark = rtl ? "\xe2\x80\xba" : "\xe2\x80\xb9";
	size_t from = out->n, from_hit = out->n_hits;
	/* marks and digits: the same in every language (lang 0) */
	button(out, in, mt, p,
	       &(struct button){ .x = right - mt->btn_h, .y = mt->nav_y, .w = mt->btn_h, .label = next_mark,
				 .px = px, .action = a->next, .arg = a->index + 1, .enabled = a->can_next,
				 .look = LOOK_PLAIN });
	/* on the out-of-hours banner, the ink that reads on the accent */
	uint32_t ink = mt->out_of_hours ? p->on_accent : p->text;
	const struct measurer *m0 = lang_measurer(in, 0);
	int slot = m0->text_width(m0->ctx, FONT_REGULAR, mt->small_px, "88 / 88", 7);
	int slot_x = right - mt->btn_h - gap - slot;
	struct draw_item *it = push_text(out, ROLE_PAGE_NUMBER, 0, (struct box){ 0 }, ink, 255);
	snprintf(it->own_text, sizeof it->own_text, "%d / %d", a->index + 1, a->total);
	it->px = mt->small_px;
	it->style = FONT_REGULAR;
	it->w = m0->text_width(m0->ctx, FONT_REGULAR, it->px, it->own_text, strlen(it->own_text));
	it->h = m0->line_height(m0->ctx, FONT_REGULAR, it->px);
	it->x = slot_x + (slot - it->w) / 2;
	int d = (int)lround(mt->dot_d * 0.6);
	if (d < 3)
		d = 3;
	int pages = a->pages;
	int dots_h = pages > 1 ? d + d / 2 : 0;
	it->y = mt->nav_y + (mt->btn_h - it->h - dots_h) / 2;
	if (pages > 1) {
		int step = 2 * d;
		if (pages * step - d > slot) /* many pages: closer together */
			step = (slot + d) / pages > d + 1 ? (slot + d) / pages : d + 1;
		int dots_w = (pages - 1) * step + d;
		int dx = slot_x + (slot - dots_w) / 2, dy = it->y + it->h + d / 2;
		uint32_t current = mt->out_of_hours ? p->on_accent : p->accent;
		/* (right to left, mirrored below: the first page's dot on the right) */
		for (int i = 0; i < pages; i++)
			push(out, DRAW_CIRCLE, i == a->page ? ROLE_DOT_CURRENT : ROLE_DOT,
			     (struct box){ dx + i * step, dy, d, d }, i == a->page ? current : ink,
			     i == a->page ? 255 : 110);
	}
	button(out, in, mt, p,
	       &(struct button){ .x = slot_x - gap - mt->btn_h, .y = mt->nav_y, .w = mt->btn_h,
				 .label = prev_mark, .px = px, .action = a->prev, .arg = a->index - 1,
				 .enabled = a->can_prev, .look = LOOK_PLAIN });
	if (rtl)
		mirror_items(out, from, from_hit, mt->w);
}

/* Attract: one dot per loop screen, and "2 / 3" when the current screen has
 * more pages than one. */
static void scene_dots(struct draw_list *out, const struct scene_input *in, const struct metrics *mt,
		       const struct palette *p)
{
	const struct kiosk *k = in->kiosk;
	if (k->n_loop < 2 && k->page_count[k->view.screen] < 2)
		return;
	int d = mt->dot_d, step = d * 2;
	int cy = mt->nav_y + mt->btn_h / 2;
	size_t from = out->n;
	int x = mt->nav_x + mt->nav_w - (int)k->n_loop * step + (step - d);
	/* on the out-of-hours banner, dots in the ink that reads on the accent */
	uint32_t current = mt->out_of_hours ? p->on_accent : p->accent;
	uint32_t other = mt->out_of_hours ? p->on_accent : p->muted;
	for (size_t i = 0; i < k->n_loop; i++) {
		bool cur = i == k->loop_pos && k->loop[i] == k->view.screen;
		struct box dot = { x + (int)i * step, cy - d / 2, d, d };
		push(out, DRAW_CIRCLE, cur ? ROLE_DOT_CURRENT : ROLE_DOT, dot, cur ? current : other,
		     cur ? 255 : 110);
	}
	int pages = k->page_count[k->view.screen];
	if (pages > 1) {
		/* digits: the same in every language, left to right (lang 0) */
		struct draw_item *it = push_text(out, ROLE_PAGE_NUMBER, 0, (struct box){ 0 }, other, 255);
		snprintf(it->own_text, sizeof it->own_text, "%d / %d", k->view.page + 1, pages);
		it->px = mt->small_px;
		it->style = FONT_REGULAR;
		const struct measurer *m0 = lang_measurer(in, 0);
		it->w = m0->text_width(m0->ctx, FONT_REGULAR, it->px, it->own_text, strlen(it->own_text));
		it->h = m0->line_height(m0->ctx, FONT_REGULAR, it->px);
		it->x = x - step - it->w;
		it->y = cy - it->h / 2;
	}
	if (rtl_now(in))
		mirror_items(out, from, out->n_hits, mt->w);
}

/* ---- the topics menu ------------------------------------------------------ */

#define MENU_MAX_TOPICS 1024

/* The same at any text size: what A+ makes larger on a panel is its
 * tiles' words, and a title 1.5 times as tall took the room of a row of
 * them (in Urdu, of the last language in the picker). */
static int panel_title_px(const struct scene_input *in, const struct metrics *mt)
{
	(void)in;
	return (int)lround(mt->u * 7.5);
}

/* The title of a panel drawn over the page (the topics, the language
 * picker) with its accent rule, right-aligned right to left; returns the y
 * under the title. */
static int panel_title(struct draw_list *out, const struct scene_input *in, const struct metrics *mt,
		       const struct palette *p, const struct ltext *label)
{
	const char *text = label->by_lang[in->kiosk->lang];
	int px = panel_title_px(in, mt);
	int lh = text_h(in, FONT_BOLD, px);
	int w = text_w(in, FONT_BOLD, px, text);
	bool rtl = rtl_now(in);
	struct box b = { rtl ? mt->w - mt->margin_x - w : mt->margin_x, mt->title_top, w, lh };
	struct draw_item *t = push_text(out, ROLE_MENU_TITLE, ltext_lang(label, in->kiosk->lang), b, p->text, 255);
	t->style = FONT_BOLD;
	t->px = px;
	t->text = text;
	t->len = strlen(text);
	scene_rule(out, mt, p, mt->title_top + lh, 0, 255, rtl);
	return mt->title_top + lh;
}

/* The screen whose footer (help line) the panels over the page show: the
 * first topic that has one, so the topics and the language picker always
 * show the support line, whichever screen was showing before. */
static int panel_screen(const struct scene_input *in)
{
	const struct content *c = in->content;
	int topics[MENU_MAX_TOPICS];
	size_t n = kiosk_topics(in->kiosk, topics, MENU_MAX_TOPICS);
	if (n == 0)
		return in->kiosk->view.screen;
	for (size_t i = 0; i < n && i < MENU_MAX_TOPICS; i++)
		if (c->screens[topics[i]].show_help && c->has_help)
			return topics[i];
	return topics[0];
}

/* Where the topics' tiles go: two columns in landscape, one in portrait,
 * all one height (the tallest title's), as many rows as fit above the
 * footer, and as many pages as that takes. */
struct menu_geom {
	int topics[MENU_MAX_TOPICS];
	size_t n;
	int cols, gap, tile_w, tile_h, pad, px, lh, top, per_page, pages;
};

/* The tiles with their titles at px: their height (the tallest title's),
 * the rows that fit the area, and the pages. */
static void menu_at(const struct scene_input *in, const struct metrics *mt, struct menu_geom *g, int px,
		    int area)
{
	const struct content *c = in->content;
	g->px = px;
	g->lh = text_h(in, FONT_BOLD, px);
	g->tile_h = mt->btn_h * 3 / 2;
	/* only the lines are counted: none is drawn from here */
	struct measurer counting = *in->measurer;
	counting.counting = true;
	for (size_t i = 0; i < g->n; i++) {
		size_t lines = layout_wrap(&counting, FONT_BOLD, px,
					   c->screens[g->topics[i]].title.by_lang[in->kiosk->lang],
					   g->tile_w - 2 * g->pad, NULL, 0);
		int h = (int)lines * g->lh + 2 * g->pad;
		if (h > g->tile_h)
			g->tile_h = h;
	}
	int rows = (area + g->gap) / (g->tile_h + g->gap);
	if (rows < 1)
		rows = 1;
	g->per_page = rows * g->cols;
	g->pages = g->n ? ((int)g->n + g->per_page - 1) / g->per_page : 1;
}

static void menu_geometry(const struct scene_input *in, const struct metrics *mt, struct menu_geom *g)
{
	const struct kiosk *k = in->kiosk;
	g->n = kiosk_topics(k, g->topics, MENU_MAX_TOPICS);
	if (g->n > MENU_MAX_TOPICS)
		g->n = MENU_MAX_TOPICS;
	g->cols = mt->w > mt->h ? 2 : 1;
	g->gap = (int)lround(mt->u * 2.5);
	int inner = mt->w - 2 * mt->margin_x;
	g->tile_w = (inner - (g->cols - 1) * g->gap) / g->cols;
	g->pad = (int)lround(mt->u * 2.5);
	int title_bottom = mt->title_top + text_h(in, FONT_BOLD, panel_title_px(in, mt));
	g->top = title_bottom + (int)lround(mt->u * 5);
	int area = mt->body_bottom - g->top;
	/* the titles at the text size, smaller (down to the floor a screen's
	 * text shrinks to) when even one row of tiles would not fit */
	int nominal = (int)lround(mt->u * 5 * k->text_scale);
	int floor_px = (int)lround(mt->u * 5 * LAYOUT_SHRINK_FLOOR);
	int px = nominal;
	for (;; px--) {
		menu_at(in, mt, g, px, area);
		if (g->tile_h <= area || px <= floor_px)
			break;
	}
	/* then, like a screen's text, down to 80 % of the text size while
	 * that saves a page: a script whose titles take two lines (Arabic)
	 * gets as many tiles a page as English, not half as many */
	int lowest = (int)lround(nominal * LAYOUT_SHRINK_FLOOR), best = px, best_pages = g->pages;
	/* no size makes a tile lower than a title of one line does: once the
	 * pages are as few as tiles that low take, no smaller size can save
	 * one, and the sizes below are not tried */
	int low = mt->btn_h * 3 / 2, most_rows = (area + g->gap) / (low + g->gap);
	int fewest = g->n ? ((int)g->n + (most_rows < 1 ? 1 : most_rows) * g->cols - 1) /
				    ((most_rows < 1 ? 1 : most_rows) * g->cols)
			  : 1;
	for (int smaller = px - 1; smaller >= lowest && best_pages > fewest; smaller--) {
		menu_at(in, mt, g, smaller, area);
		if (g->pages < best_pages) {
			best_pages = g->pages;
			best = smaller;
		}
	}
	menu_at(in, mt, g, best, area);
}

int scene_menu_pages(const struct scene_input *in)
{
	struct menu_geom *g = xcalloc(1, sizeof *g);
	menu_geometry(in, &in->layouts[panel_screen(in)].m, g);
	int pages = g->pages;
	free(g);
	return pages;
}

static void scene_menu(struct draw_list *out, const struct scene_input *in)
{
	const struct content *c = in->content;
	const struct kiosk *k = in->kiosk;
	int under = panel_screen(in);
	const struct metrics *mt = &in->layouts[under].m;
	struct palette p = palette_of(&c->theme, k->high_contrast);
	push(out, DRAW_RECT, ROLE_BACKGROUND, (struct box){ 0, 0, mt->w, mt->h }, p.bg, 255);
	scene_elems(out, in, (struct kiosk_view){ under, 0 }, PART_FOOTER, 0, 255);

	panel_title(out, in, mt, &p, &c->labels.topics);
	size_t tiles_from = out->n, tile_hits_from = out->n_hits;
	struct menu_geom *g = xcalloc(1, sizeof *g);
	menu_geometry(in, mt, g);
	int page = k->menu_page < g->pages ? k->menu_page : g->pages - 1;
	for (int i = 0; i < g->per_page; i++) {
		size_t ti = (size_t)page * (size_t)g->per_page + (size_t)i;
		if (ti >= g->n)
			break;
		int x = mt->margin_x + (i % g->cols) * (g->tile_w + g->gap);
		int y = g->top + (i / g->cols) * (g->tile_h + g->gap);
		int screen = g->topics[ti];
		bool pressed = k->pressed == ACTION_OPEN && k->pressed_arg == screen;
		struct box shape = { x, y, g->tile_w, g->tile_h };
		struct draw_item *tile = push(out, DRAW_RECT, ROLE_TILE, shape,
					      pressed ? p.accent : colour_mix(p.bg, p.text, 0.12), 255);
		tile->radius = (int)lround(mt->u * 1.5);
		tile->action = ACTION_OPEN;
		tile->arg = screen;
		add_hit(out, shape, ACTION_OPEN, screen);
		/* a stripe of accent on the left says "this is a topic to open" */
		struct box stripe = { x, y + tile->radius, (int)lround(mt->u * 1.2), g->tile_h - 2 * tile->radius };
		push(out, DRAW_RECT, ROLE_TILE, stripe, p.accent, 255);
		const char *title = c->screens[screen].title.by_lang[k->lang];
		struct line lines[8];
		size_t nl = layout_wrap(in->measurer, FONT_BOLD, g->px, title, g->tile_w - 2 * g->pad, lines, 8);
		int ty = y + (g->tile_h - (int)(nl < 8 ? nl : 8) * g->lh) / 2;
		for (size_t j = 0; j < nl && j < 8; j++) {
			struct box b = { x + g->pad, ty + (int)j * g->lh, lines[j].width, g->lh };
			struct draw_item *it = push_text(out, ROLE_TILE_LABEL, k->lang, b,
							 pressed ? p.on_accent : p.text, 255);
			it->style = FONT_BOLD;
			it->px = g->px;
			it->text = title + lines[j].off;
			it->len = lines[j].len;
		}
	}
	if (rtl_now(in))
		mirror_items(out, tiles_from, tile_hits_from, mt->w);
	if (g->pages > 1)
		scene_arrows(out, in, mt, &p,
			     &(struct arrows){ .index = page, .total = g->pages, .page = 0, .pages = 1,
					       .prev = ACTION_MENU_PAGE, .next = ACTION_MENU_PAGE,
					       .can_prev = page > 0, .can_next = page + 1 < g->pages });
	free(g);
	scene_top_bar(out, in, mt, &p);
}

/* ---- the language picker -------------------------------------------------- */

/* Every language as a large tile with its name in its own script (and its
 * own font); the one in use is outlined. Over the footer of the screen that
 * was showing, like the topics. */
static void scene_langs(struct draw_list *out, const struct scene_input *in)
{
	const struct content *c = in->content;
	const struct kiosk *k = in->kiosk;
	/* the support line under the picker whatever it was opened over (the
	 * topics, or a screen without one), as under the topics */
	int under = panel_screen(in);
	const struct metrics *mt = &in->layouts[under].m;
	struct palette p = palette_of(&c->theme, k->high_contrast);
	push(out, DRAW_RECT, ROLE_BACKGROUND, (struct box){ 0, 0, mt->w, mt->h }, p.bg, 255);
	scene_elems(out, in, (struct kiosk_view){ under, 0 }, PART_FOOTER, 0, 255);

	int title_bottom = panel_title(out, in, mt, &p, &c->labels.language);

	size_t n = c->n_langs;
	int gap = (int)lround(mt->u * 2.5);
	int inner = mt->w - 2 * mt->margin_x;
	int top = title_bottom + (int)lround(mt->u * 5);
	int area = mt->body_bottom - top;
	int px = (int)lround(mt->u * 5.5);
	int tile_h = mt->btn_h * 3 / 2;
	/* more columns, then lower tiles (never under a touch target), until
	 * every language is on the one page */
	int cols = mt->w > mt->h ? 2 : 1;
	int rows = (area + gap) / (tile_h + gap);
	while (rows * cols < (int)n && cols < (mt->w > mt->h ? 4 : 2)) {
		cols++;
	}
	while (rows * cols < (int)n && tile_h > mt->btn_h) {
		tile_h--;
		rows = (area + gap) / (tile_h + gap);
	}
	if (rows < 1)
		rows = 1;
	int tile_w = (inner - (cols - 1) * gap) / cols;
	int ring = (int)lround(mt->u * 0.8);
	if (ring < 2)
		ring = 2;
	for (size_t i = 0; i < n && (int)i < rows * cols; i++) {
		/* right to left, tiles fill from the right */
		int col = (int)i % cols;
		if (rtl_now(in))
			col = cols - 1 - col;
		int x = mt->margin_x + col * (tile_w + gap);
		int y = top + ((int)i / cols) * (tile_h + gap);
		bool current = i == k->lang;
		bool pressed = k->pressed == ACTION_SET_LANGUAGE && k->pressed_arg == (int)i;
		struct box outline = { x - ring, y - ring, tile_w + 2 * ring, tile_h + 2 * ring };
		if (current)
			push(out, DRAW_RECT, ROLE_LANG_CURRENT, outline, p.accent, 255)->radius =
				(int)lround(mt->u * 1.5) + ring;
		struct box shape = { x, y, tile_w, tile_h };
		struct draw_item *tile = push(out, DRAW_RECT, ROLE_LANG_TILE, shape,
					      pressed ? p.accent : colour_mix(p.bg, p.text, 0.12), 255);
		tile->radius = (int)lround(mt->u * 1.5);
		tile->action = ACTION_SET_LANGUAGE;
		tile->arg = (int)i;
		add_hit(out, shape, ACTION_SET_LANGUAGE, (int)i);
		/* the name in its own language: its font, its direction */
		const struct measurer *m = in->by_lang ? &in->by_lang[i] : in->measurer;
		const char *name = c->labels.language_name.by_lang[i];
		size_t len = strlen(name);
		int nw = m->text_width(m->ctx, FONT_BOLD, px, name, len);
		/* centred on its ink, in the tile's height: a script with a tall
		 * line box (Nastaliq) is not pushed to the tile's bottom edge */
		struct box b = { x + (tile_w - nw) / 2, y, nw, tile_h };
		struct draw_item *it = push_text(out, ROLE_LANG_NAME, i, b, pressed ? p.on_accent : p.text, 255);
		it->centre_ink = true;
		it->style = FONT_BOLD;
		it->px = px;
		it->text = name;
		it->len = len;
	}
	scene_top_bar(out, in, mt, &p);
}

/* ---- the idle notice ------------------------------------------------------ */

/* The n wrapped lines of text, written in language lang, in style at px,
 * lh apart, in rgb. */
struct text_lines {
	enum draw_role role;
	const char *text;
	const struct line *lines;
	size_t n;
	size_t lang;
	enum font_style style;
	int px, lh;
	uint32_t rgb;
};

/* Lines t, each centred in [x, x + w), from y down; returns the y under
 * the last one. */
static int centred_lines(struct draw_list *out, const struct text_lines *t, int x, int w, int y)
{
	for (size_t i = 0; i < t->n; i++, y += t->lh) {
		const struct line *l = &t->lines[i];
		struct box b = { x + (w - l->width) / 2, y, l->width, t->lh };
		struct draw_item *it = push_text(out, t->role, t->lang, b, t->rgb, 255);
		it->style = t->style;
		it->px = t->px;
		it->text = t->text + l->off;
		it->len = l->len;
	}
	return y;
}

static void scene_idle(struct draw_list *out, const struct scene_input *in, const struct metrics *mt)
{
	const struct content *c = in->content;
	const struct kiosk *k = in->kiosk;
	struct palette p = palette_of(&c->theme, k->high_contrast);
	out->n_hits = 0; /* nothing under the notice can be pressed ... */
	/* the page behind is blanked, not dimmed: over 30 s a passer-by could
	 * read what the visitor was reading (and in high contrast a dimmed
	 * title still read at 1.7:1) */
	push(out, DRAW_RECT, ROLE_SHADE, (struct box){ 0, 0, mt->w, mt->h }, p.bg, 255);
	/* ... but Quick exit, which stays on top and works at once */
	if (c->quick_exit >= 0) {
		const char *qe = c->labels.quick_exit.by_lang[k->lang];
		int w = button_w(in, mt, qe);
		button(out, in, mt, &p,
		       &(struct button){ .x = mt->w - mt->margin_x - w, .y = mt->top_y, .w = w, .label = qe,
					 .lang = ltext_lang(&c->labels.quick_exit, k->lang),
					 .px = button_px(mt), .action = ACTION_QUICK_EXIT, .enabled = true,
					 .look = LOOK_QUICK_EXIT });
	}

	int inner = mt->w - 2 * mt->margin_x;
	int card_w = inner < (int)lround(mt->u * 130) ? inner : (int)lround(mt->u * 130);
	int pad = (int)lround(mt->u * 5);
	int title_px = (int)lround(mt->u * 7.5), body_px = (int)lround(mt->u * 5);
	int title_lh = text_h(in, FONT_BOLD, title_px), body_lh = text_h(in, FONT_REGULAR, body_px);
	const char *title = c->labels.still_there.by_lang[k->lang];
	const char *text = c->labels.touch_to_continue.by_lang[k->lang];
	struct line tl[6], bl[6];
	size_t nt = layout_wrap(in->measurer, FONT_BOLD, title_px, title, card_w - 2 * pad, tl, 6);
	size_t nb = layout_wrap(in->measurer, FONT_REGULAR, body_px, text, card_w - 2 * pad, bl, 6);
	nt = nt < 6 ? nt : 6;
	nb = nb < 6 ? nb : 6;
	int bar_h = (int)lround(mt->u * 1.5);
	int card_h = 2 * pad + (int)nt * title_lh + (int)lround(mt->u * 2) + (int)nb * body_lh +
		     (int)lround(mt->u * 4) + bar_h;
	int x = (mt->w - card_w) / 2, y = (mt->h - card_h) / 2;
	struct draw_item *card = push(out, DRAW_RECT, ROLE_NOTICE, (struct box){ x, y, card_w, card_h },
				      colour_mix(p.bg, p.text, 0.12), 255);
	card->radius = (int)lround(mt->u * 2);
	int ty = y + pad;
	struct text_lines heading = { .role = ROLE_NOTICE_TITLE, .text = title, .lines = tl, .n = nt,
				      .lang = ltext_lang(&c->labels.still_there, k->lang), .style = FONT_BOLD,
				      .px = title_px, .lh = title_lh, .rgb = p.text };
	struct text_lines words = { .role = ROLE_NOTICE_TEXT, .text = text, .lines = bl, .n = nb,
				    .lang = ltext_lang(&c->labels.touch_to_continue, k->lang), .style = FONT_REGULAR,
				    .px = body_px, .lh = body_lh, .rgb = p.text };
	ty = centred_lines(out, &heading, x, card_w, ty);
	ty += (int)lround(mt->u * 2);
	ty = centred_lines(out, &words, x, card_w, ty);
	ty += (int)lround(mt->u * 4);
	/* the time left, as a bar that empties: no numbers to read or translate */
	uint64_t spent = in->now > k->idle_since ? in->now - k->idle_since : 0;
	double left = spent >= KIOSK_IDLE_GRACE_MS ? 0 : 1.0 - (double)spent / KIOSK_IDLE_GRACE_MS;
	int bar_w = card_w - 2 * pad;
	struct box track = { x + pad, ty, bar_w, bar_h };
	struct box bar = { x + pad, ty, (int)lround(bar_w * left), bar_h };
	push(out, DRAW_RECT, ROLE_BAND, track, p.bg, 255)->radius = bar_h / 2;
	push(out, DRAW_RECT, ROLE_COUNTDOWN, bar, p.accent, 255)->radius = bar_h / 2;
}

static double ease(double t)
{
	return t * t * (3 - 2 * t); /* smoothstep: gentle start and end */
}

uint8_t scene_fade_alpha(const struct kiosk *k, uint64_t now)
{
	return (uint8_t)lround(ease(kiosk_transition_progress(k, now)) * 255);
}

bool scene_view_alone(const struct kiosk *k)
{
	return (k->mode == KIOSK_ATTRACT || k->mode == KIOSK_BROWSE) && !k->in_transition;
}

void scene_build(struct draw_list *out, const struct scene_input *in)
{
	const struct kiosk *k = in->kiosk;
	out->n = 0;
	out->n_hits = 0;
	out->clear_rgb = scene_colours(&in->content->theme, k->high_contrast).background;
	if (k->mode == KIOSK_SLEEP) {
		out->clear_rgb = 0x000000; /* asleep: a black frame, nothing to press */
		return;
	}
	const struct metrics *mt = &in->layouts[k->view.screen].m;
	struct palette p = palette_of(&in->content->theme, in->kiosk->high_contrast);
	enum kiosk_mode mode = k->mode == KIOSK_IDLE ? k->before_idle : k->mode;

	if (mode == KIOSK_MENU) {
		scene_menu(out, in);
	} else if (mode == KIOSK_LANGS) {
		scene_langs(out, in);
	} else {
		double t = ease(kiosk_transition_progress(k, in->now));
		if (k->in_transition && t < 1.0) {
			int w = mt->w;
			if (in->content->transition == TRANSITION_SLIDE) {
				int off = (int)lround(t * w);
				scene_page(out, in, k->from, -off, 255);
				scene_page(out, in, k->view, w - off, 255);
			} else {
				scene_page(out, in, k->from, 0, 255);
				scene_page(out, in, k->view, 0, scene_fade_alpha(k, in->now));
			}
		} else {
			scene_page(out, in, k->view, 0, 255);
		}
		if (kiosk_showing_notice(in->kiosk)) {
			return; /* an ordinary notice: nothing of the kiosk's controls */
		} else if (mode == KIOSK_ATTRACT) {
			scene_dots(out, in, mt, &p);
		} else {
			int index, total;
			kiosk_topic_position(k, &index, &total);
			if (index >= 0) {
				struct arrows a = { .index = index, .total = total, .page = k->view.page,
						    .pages = k->page_count[k->view.screen], .prev = ACTION_PREV,
						    .next = ACTION_NEXT, .can_prev = kiosk_can_prev(k),
						    .can_next = kiosk_can_next(k) };
				scene_arrows(out, in, mt, &p, &a);
			}
		}
		scene_top_bar(out, in, mt, &p);
	}
	if (k->mode == KIOSK_IDLE)
		scene_idle(out, in, mt);
}

void draw_list_free(struct draw_list *l)
{
	if (!l)
		return;
	free(l->items);
	free(l->hits);
	memset(l, 0, sizeof *l);
}
