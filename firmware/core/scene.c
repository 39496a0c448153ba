/* scene.c — builds the draw list for a frame; see scene.h.
 *
 * A frame is one or two pages (two while a transition runs) plus the attract
 * chrome (page dots) on top. Colours come from the theme: the band is the
 * background moved a little toward the text colour; ink on the accent is
 * whichever of background and text reads better on it. */
#include "scene.h"

#include "arena.h"

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

static struct draw_item *push(struct draw_list *l, enum draw_kind kind, enum draw_role role,
			      int x, int y, int w, int h, uint32_t rgb, uint8_t alpha)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 128;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	struct draw_item *it = &l->items[l->n++];
	memset(it, 0, sizeof *it);
	*it = (struct draw_item){ .kind = kind, .role = role, .x = x, .y = y, .w = w, .h = h,
				  .rgb = rgb, .alpha = alpha };
	return it;
}

struct palette {
	uint32_t bg, text, accent, on_accent, band, muted;
};

static struct palette palette_of(const struct theme *t)
{
	struct palette p = { .bg = t->background, .text = t->text, .accent = t->accent };
	p.on_accent = colour_contrast(t->accent, t->background) >= colour_contrast(t->accent, t->text)
			      ? t->background
			      : t->text;
	p.band = colour_mix(t->background, t->text, 0.08);
	p.muted = colour_mix(t->text, t->background, 0.22);
	return p;
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
};

static uint32_t elem_colour(enum elem_role r, const struct palette *p)
{
	switch (r) {
	case ELEM_STEP_BADGE:
	case ELEM_BULLET:
	case ELEM_CALL_BOX:
	case ELEM_HELP_NUMBER:
		return p->accent;
	case ELEM_CALL_NAME:
	case ELEM_CALL_NUMBER:
	case ELEM_CALL_HOURS:
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

/* One page of a screen, shifted by dx and drawn at alpha. */
static void scene_page(struct draw_list *out, const struct scene_input *in, struct kiosk_view v,
		       int dx, uint8_t alpha)
{
	const struct screen_layout *l = &in->layouts[v.screen];
	const struct page *pg = &l->pages[v.page < (int)l->n_pages ? v.page : 0];
	struct palette p = palette_of(&in->content->theme);
	const struct metrics *mt = &l->m;

	push(out, DRAW_RECT, ROLE_BACKGROUND, dx, 0, mt->w, mt->h, p.bg, alpha);
	int title_bottom = mt->margin_top;
	for (size_t i = 0; i < pg->n_elems; i++) {
		const struct elem *e = &pg->elems[i];
		struct draw_item *it = push(out, elem_map[e->role].kind, elem_map[e->role].role,
					    e->x + dx, e->y, e->w, e->h, elem_colour(e->role, &p), alpha);
		it->style = e->style;
		it->px = e->px;
		it->text = e->text;
		it->len = e->len;
		if (e->role == ELEM_CALL_BOX)
			it->radius = (int)lround(mt->u * 1.5);
		if (e->role == ELEM_TITLE && e->y + e->h > title_bottom)
			title_bottom = e->y + e->h;
		if (e->role == ELEM_STEP_BADGE) {
			/* the number, centred in its circle, in the ink that reads on accent */
			struct draw_item *num = push(out, DRAW_TEXT, ROLE_STEP_NUMBER, e->x + dx, e->y,
						     e->w, e->h, p.on_accent, alpha);
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
	/* a short accent rule under the title */
	int rule_h = (int)lround(mt->u * 0.9);
	push(out, DRAW_RECT, ROLE_RULE, mt->margin_x + dx, title_bottom + (int)lround(mt->u * 1.6),
	     (int)lround(mt->u * 14), rule_h > 2 ? rule_h : 2, p.accent, alpha);
}

/* Attract chrome: one dot per loop screen, and "2 / 3" when the current
 * screen has more pages than one. */
static void scene_dots(struct draw_list *out, const struct scene_input *in)
{
	const struct kiosk *k = in->kiosk;
	const struct metrics *mt = &in->layouts[k->view.screen].m;
	struct palette p = palette_of(&in->content->theme);
	if (k->n_loop < 2 && k->page_count[k->view.screen] < 2)
		return;
	int d = mt->dot_d, step = d * 2;
	int x = mt->dots_right - (int)k->n_loop * step + (step - d);
	for (size_t i = 0; i < k->n_loop; i++) {
		bool cur = i == k->loop_pos && k->loop[i] == k->view.screen;
		push(out, DRAW_CIRCLE, cur ? ROLE_DOT_CURRENT : ROLE_DOT, x + (int)i * step,
		     mt->dots_cy - d / 2, d, d, cur ? p.accent : p.muted, cur ? 255 : 110);
	}
	int pages = k->page_count[k->view.screen];
	if (pages > 1) {
		struct draw_item *it = push(out, DRAW_TEXT, ROLE_PAGE_NUMBER, 0, 0, 0, 0, p.muted, 255);
		snprintf(it->own_text, sizeof it->own_text, "%d / %d", k->view.page + 1, pages);
		it->px = mt->small_px;
		it->style = FONT_REGULAR;
		size_t len = strlen(it->own_text);
		it->w = in->measurer->text_width(in->measurer->ctx, FONT_REGULAR, it->px, it->own_text, len);
		it->h = in->measurer->line_height(in->measurer->ctx, FONT_REGULAR, it->px);
		it->x = x - step - it->w;
		it->y = mt->dots_cy - it->h / 2;
	}
}

static double ease(double t)
{
	return t * t * (3 - 2 * t); /* smoothstep: gentle start and end */
}

void scene_build(struct draw_list *out, const struct scene_input *in)
{
	const struct kiosk *k = in->kiosk;
	out->n = 0;
	out->clear_rgb = in->content->theme.background;
	int w = in->layouts[k->view.screen].m.w;
	double t = ease(kiosk_transition_progress(k, in->now));
	if (k->in_transition && t < 1.0) {
		if (in->content->transition == TRANSITION_SLIDE) {
			int off = (int)lround(t * w);
			scene_page(out, in, k->from, -off, 255);
			scene_page(out, in, k->view, w - off, 255);
		} else {
			scene_page(out, in, k->from, 0, 255);
			scene_page(out, in, k->view, 0, (uint8_t)lround(t * 255));
		}
	} else {
		scene_page(out, in, k->view, 0, 255);
	}
	scene_dots(out, in);
}

void draw_list_free(struct draw_list *l)
{
	if (!l)
		return;
	free(l->items);
	memset(l, 0, sizeof *l);
}
