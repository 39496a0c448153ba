/* layout.c — wrap, fit, paginate; see layout.h.
 *
 * A screen's blocks become a flow of "units" (a paragraph line, a list item,
 * a call box), each with its elements placed relative to the unit. Fitting
 * tries the whole flow at decreasing sizes; pagination then cuts the flow
 * between units, keeping a list item's lines together when they fit on one
 * page. Titles repeat on every page. */
#include "layout.h"

#include "arena.h"
#include "gesture.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- wrapping ---------------------------------------------------------- */

static size_t utf8_next(const char *s, size_t i, size_t end)
{
	i++;
	while (i < end && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

static void emit_line(struct line *out, size_t cap, size_t *n, size_t off, size_t len, int width)
{
	if (*n < cap)
		out[*n] = (struct line){ off, len, width };
	(*n)++;
}

/* The width of text[s, e) when it is at most budget, else -1. A long run is
 * measured in growing prefixes, so a word far wider than the line costs
 * about a line's worth of measuring, not the whole word's, on every line
 * it is broken over. */
static int width_within(const struct measurer *m, enum font_style style, int px, const char *text,
			size_t s, size_t e, int budget)
{
	for (size_t n = 256; s + n < e; n *= 2) {
		size_t cut = s + n;
		while (cut < e && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut++;
		if (m->text_width(m->ctx, style, px, text + s, cut - s) > budget)
			return -1;
	}
	int w = m->text_width(m->ctx, style, px, text + s, e - s);
	return w > budget ? -1 : w;
}

/* text[i, end) advanced by up to n characters, stopping at a space. */
static size_t advance_chars(const char *text, size_t i, size_t end, size_t n)
{
	while (n-- > 0 && i < end && text[i] != ' ')
		i = utf8_next(text, i, end);
	return i;
}

static size_t count_chars(const char *text, size_t i, size_t end)
{
	size_t n = 0;
	for (; i < end; i = utf8_next(text, i, end))
		n++;
	return n;
}

/* The longest start of the word at text[ls..] that fits max_width, at least
 * one character (so wrapping always moves on): prefixes of 1, 2, 4 ...
 * characters until one is too wide, then halving between the last that
 * fitted and the first that did not. About log2(characters) measurements
 * of at most a line each, where trying one character more each time would
 * be quadratic in the line's length. */
static size_t break_word(const struct measurer *m, enum font_style style, int px, const char *text,
			 size_t ls, size_t end, int max_width, int *width)
{
	size_t good = utf8_next(text, ls, end), bad = 0;
	int good_w = m->text_width(m->ctx, style, px, text + ls, good - ls);
	for (size_t step = 1; !bad; step *= 2) {
		size_t probe = advance_chars(text, good, end, step);
		if (probe == good)
			break; /* the whole word fits after all */
		int w = m->text_width(m->ctx, style, px, text + ls, probe - ls);
		if (w > max_width)
			bad = probe;
		else
			good = probe, good_w = w;
	}
	while (bad) {
		size_t between = count_chars(text, good, bad);
		if (between <= 1)
			break;
		size_t mid = advance_chars(text, good, bad, between / 2);
		int w = m->text_width(m->ctx, style, px, text + ls, mid - ls);
		if (w > max_width)
			bad = mid;
		else
			good = mid, good_w = w;
	}
	*width = good_w;
	return good;
}

/* The end of the word at text[we..end) with the spaces before it: the
 * piece a line's words are measured in. */
static size_t word_end(const char *text, size_t we, size_t end)
{
	while (we < end && text[we] == ' ')
		we++;
	while (we < end && text[we] != ' ')
		we++;
	return we;
}

/* The words of a line from text[ls..] added up with the measurer's estimate
 * (word_width): true with *fit_end and *n_words where every sum is further
 * than the slack from max_width, so that adding up the words measured
 * exactly gives the same line; false where one is too close to call, or a
 * word is long enough to be measured in pieces (width_within). */
static bool words_estimated(const struct measurer *m, enum font_style style, int px, const char *text,
			    size_t ls, size_t end, int max_width, size_t *fit_end, size_t *n_words, int *est)
{
	int sum = 0, slack = 0;
	size_t we = ls;
	*fit_end = ls;
	*n_words = 0;
	*est = 0;
	while (we < end) {
		size_t e = word_end(text, we, end);
		if (e - we >= 256)
			return false;
		sum += m->word_width(m->ctx, style, px, text + we, e - we);
		slack += m->word_slack;
		if (sum - slack > max_width)
			return true; /* this word is too wide for the line, surely */
		if (sum + slack > max_width)
			return false;
		*fit_end = e;
		(*n_words)++;
		*est = sum;
		we = e;
	}
	return true;
}

/* Wraps one paragraph text[start, end) (no newlines inside). */
static void wrap_paragraph(const struct measurer *m, enum font_style style, int px, const char *text,
			   size_t start, size_t end, int max_width, struct line *out, size_t cap,
			   size_t *n)
{
	size_t ls = start;
	while (ls < end && text[ls] == ' ')
		ls++;
	if (ls >= end) {
		emit_line(out, cap, n, start, 0, 0); /* a blank line between paragraphs */
		return;
	}
	while (ls < end) {
		size_t fit_end = ls;
		int fit_w = 0;
		size_t we = ls;
		/* words are measured one at a time (with the spaces before them)
		 * and added up: each word is measured once, however many lines and
		 * text sizes try it, instead of every longer and longer line being
		 * measured anew; first with the estimate, then, where that is too
		 * close to call, each word at px */
		size_t n_words = 0;
		int sure = 0; /* how far fit_w may be from the words measured at px */
		if (m->word_width &&
		    words_estimated(m, style, px, text, ls, end, max_width, &fit_end, &n_words, &fit_w))
			we = end, sure = (int)n_words * m->word_slack; /* counted: measure the line whole */
		else
			fit_end = ls, n_words = 0, fit_w = 0;
		while (we < end) {
			size_t e = word_end(text, we, end);
			int ww = width_within(m, style, px, text, we, e, max_width - fit_w);
			if (ww < 0)
				break;
			fit_end = e;
			fit_w += ww;
			we = e;
			n_words++;
		}
		/* the line as it will be drawn, measured whole (kerning or shaping
		 * may join across a space); in the rare case it is wider than the
		 * sum said, words go back to the next line until it fits. Where
		 * only the lines are counted, a line far enough within the width
		 * is taken as it is. */
		bool taken = m->counting && n_words > 0 && fit_w + sure + LAYOUT_JOIN_SLACK(n_words) <= max_width;
		while (n_words > 0 && !taken) {
			fit_w = m->text_width(m->ctx, style, px, text + ls, fit_end - ls);
			if (fit_w <= max_width || n_words == 1)
				break;
			while (fit_end > ls && text[fit_end - 1] != ' ')
				fit_end--;
			while (fit_end > ls && text[fit_end - 1] == ' ')
				fit_end--;
			n_words--;
		}
		if (n_words == 1 && fit_w > max_width)
			fit_end = ls; /* one word too wide after all: broken below */
		if (fit_end == ls) /* the first word alone is too wide: broken */
			fit_end = break_word(m, style, px, text, ls, end, max_width, &fit_w);
		emit_line(out, cap, n, ls, fit_end - ls, fit_w);
		ls = fit_end;
		while (ls < end && text[ls] == ' ')
			ls++;
	}
}

size_t layout_wrap(const struct measurer *m, enum font_style style, int px, const char *text,
		   int max_width, struct line *out, size_t cap)
{
	size_t len = strlen(text);
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
		len--; /* YAML block scalars end with a newline */
	size_t n = 0;
	if (max_width < 1)
		max_width = 1;
	size_t pos = 0;
	while (pos < len) {
		size_t pend = pos;
		while (pend < len && text[pend] != '\n')
			pend++;
		wrap_paragraph(m, style, px, text, pos, pend, max_width, out, cap, &n);
		pos = pend + 1;
	}
	return n;
}

/* Wraps into a freshly allocated array; *n gets the count. */
static struct line *wrap_alloc(const struct measurer *m, enum font_style style, int px,
			       const char *text, int max_width, size_t *n)
{
	size_t count = layout_wrap(m, style, px, text, max_width, NULL, 0);
	struct line *lines = xcalloc(count ? count : 1, sizeof *lines);
	layout_wrap(m, style, px, text, max_width, lines, count);
	*n = count;
	return lines;
}

/* ---- metrics ----------------------------------------------------------- */

struct metrics layout_metrics(int w, int h, double text_scale, double diagonal_inches)
{
	struct metrics mt = { .w = w, .h = h };
	mt.u = (w < h ? w : h) / 100.0;
	mt.margin_x = (int)lround(mt.u * 6);
	mt.title_px = (int)lround(mt.u * 7.5 * text_scale);
	mt.body_px = (int)lround(mt.u * 5.0 * text_scale);
	mt.small_px = (int)lround(mt.u * 4.0);
	mt.dot_d = (int)lround(mt.u * 2);
	mt.px_per_mm = gesture_px_per_mm(w, h, diagonal_inches);
	int nine_mm = (int)ceil(9.0 * mt.px_per_mm), nine_u = (int)lround(mt.u * 9);
	mt.btn_h = nine_mm > nine_u ? nine_mm : nine_u;
	/* a button never takes more than a sixth of the shorter side (a tiny
	 * panel cannot have 9 mm buttons and room to read: --check says so) */
	int most = (int)lround(mt.u * 16);
	if (mt.btn_h > most)
		mt.btn_h = most;
	mt.top_y = (int)lround(mt.u * 2.5);
	mt.bar_rows = 1;
	mt.bar2_y = mt.top_y;
	mt.title_top = mt.top_y + mt.btn_h + (int)lround(mt.u * 2.5);
	/* body_top, body_bottom and the band are set once title and footer are
	 * measured (layout_screen) */
	mt.band_top = h;
	mt.body_top = mt.title_top;
	mt.body_bottom = h;
	return mt;
}

int layout_button_px(const struct metrics *mt)
{
	return (int)lround(mt->u * 4.2);
}

int layout_button_w(const struct measurer *m, const struct metrics *mt, const char *label)
{
	int w = m->text_width(m->ctx, FONT_BOLD, layout_button_px(mt), label, strlen(label)) +
		(int)lround(mt->btn_h * 0.8);
	return w > mt->btn_h ? w : mt->btn_h;
}

void layout_back_label(const struct content *c, size_t lang, char *out, size_t cap)
{
	/* the arrow points the way of the word's own script */
	snprintf(out, cap, "%s %s", c->rtl[ltext_lang(&c->labels.back, lang)] ? "\xe2\x80\xba" : "\xe2\x80\xb9",
		 c->labels.back.by_lang[lang]);
}

/* Two rows of buttons when one row cannot hold Back, Topics, the language,
 * contrast, text size, Listen (when the content may speak) and Quick
 * exit with their gaps: the title moves down
 * by a row. Every language's screens are laid out with their own labels. */
static void bar_rows(struct metrics *mt, const struct measurer *m, const struct content *c, size_t lang)
{
	int gap = (int)lround(mt->u * 2);
	char back[160];
	layout_back_label(c, lang, back, sizeof back);
	int need = layout_button_w(m, mt, back) + gap + layout_button_w(m, mt, c->labels.topics.by_lang[lang]);
	if (c->quick_exit >= 0)
		need += gap + layout_button_w(m, mt, c->labels.quick_exit.by_lang[lang]);
	need += 2 * (gap + layout_button_w(m, mt, "A+")); /* text size and contrast */
	need += layout_listen_w(m, mt, c, lang);            /* Listen, with its gap */
	if (c->n_langs > 1)
		need += gap + layout_button_w(m, mt, c->labels.language_name.by_lang[lang]);
	if (need <= mt->w - 2 * mt->margin_x)
		return;
	mt->bar_rows = 2;
	mt->bar2_y = mt->top_y + mt->btn_h + gap;
	mt->title_top += mt->btn_h + gap;
}

/* ---- the flow of units -------------------------------------------------- */

struct unit {
	size_t first, n; /* elements in flow.elems */
	int h;
	int gap_before;  /* space above it unless it starts a page */
	bool glued;      /* continues the previous unit (same list item) */
};

struct flow {
	struct elem *elems;
	size_t n_elems, cap_elems;
	struct unit *units;
	size_t n_units, cap_units;
};

static struct elem *flow_elem(struct flow *f)
{
	if (f->n_elems == f->cap_elems) {
		f->cap_elems = f->cap_elems ? f->cap_elems * 2 : 64;
		f->elems = xrealloc(f->elems, f->cap_elems * sizeof *f->elems);
	}
	struct elem *e = &f->elems[f->n_elems++];
	memset(e, 0, sizeof *e);
	return e;
}

static void flow_unit(struct flow *f, size_t first, int h, int gap_before, bool glued)
{
	if (f->n_units == f->cap_units) {
		f->cap_units = f->cap_units ? f->cap_units * 2 : 32;
		f->units = xrealloc(f->units, f->cap_units * sizeof *f->units);
	}
	f->units[f->n_units++] = (struct unit){ first, f->n_elems - first, h, gap_before, glued };
}

struct sizes {
	int body_px, body_lh, title_px, title_lh;
	int call_small_px; /* a call's hours: smaller than the body's at normal
			      size, the body's own at A+, which is for those who
			      need it larger (EN 301 549 5.1.4 inside the box too) */
	bool calls_apart;  /* A+: consecutive calls may go on different pages
			      rather than shrink below 0.7 degrees together */
	int space_lh;  /* the Latin line at body_px: spaces, pads and markers */
	int x, width; /* body column */
	int block_gap, item_gap;
	double pic_scale; /* the pictures' most height, scaled so that the rest
			     of the screen fits beside them (1: as large as allowed) */
};

/* A picture's box within max_w x max_h, its shape kept (a square while
 * its size is not known). */
static void picture_box(const struct picture *p, int max_w, int max_h, int *w, int *h)
{
	double aspect = p->w > 0 && p->h > 0 ? (double)p->h / p->w : 1.0;
	int bw = max_w, bh = (int)lround(bw * aspect);
	if (bh > max_h) {
		bh = max_h;
		bw = (int)lround(bh / aspect);
	}
	*w = bw > 1 ? bw : 1;
	*h = bh > 1 ? bh : 1;
}

/* The side of a pictogram beside a list item's text. */
static int icon_side(const struct sizes *z)
{
	return (int)lround(z->space_lh * 1.2);
}

/* Adds text as lines at (x, rel_y) inside the unit being built; returns the
 * height used. */
static int add_lines(struct flow *f, const struct measurer *m, enum elem_role role,
		     enum font_style style, int px, int lh, const char *text, int x, int y,
		     int width, int block)
{
	size_t n;
	struct line *lines = wrap_alloc(m, style, px, text, width, &n);
	for (size_t i = 0; i < n; i++) {
		struct elem *e = flow_elem(f);
		*e = (struct elem){ .role = role, .x = x, .y = y + (int)i * lh, .w = lines[i].width,
				    .h = lh, .style = style, .px = px, .text = text + lines[i].off,
				    .len = lines[i].len, .block = block };
	}
	free(lines);
	return (int)n * lh;
}

/* The largest size, from px down to min_px, at which a phone number fits
 * width on one line (min_px when none does). */
static int number_px(const struct measurer *m, int px, int min_px, const char *number, int width)
{
	size_t len = strlen(number);
	while (px > min_px && m->text_width(m->ctx, FONT_BOLD, px, number, len) > width)
		px--;
	return px;
}

/* A phone number, never broken across lines: one element, made smaller (down
 * to min_px) when it is wider than width. Returns its height. */
static int add_number(struct flow *f, const struct measurer *m, enum elem_role role, int px,
		      int min_px, const char *number, int x, int y, int width, int block)
{
	px = number_px(m, px, min_px, number, width);
	int lh = m->line_height(m->ctx, FONT_BOLD, px);
	size_t len = strlen(number);
	struct elem *e = flow_elem(f);
	*e = (struct elem){ .role = role, .x = x, .y = y,
			    .w = m->text_width(m->ctx, FONT_BOLD, px, number, len), .h = lh,
			    .style = FONT_BOLD, .px = px, .text = number, .len = len, .block = block };
	return lh;
}

/* A paragraph: one unit per line, so it can break across pages anywhere. */
static void flow_text(struct flow *f, const struct measurer *m, const struct sizes *z,
		      const char *text, int block, int gap)
{
	size_t n;
	struct line *lines = wrap_alloc(m, FONT_REGULAR, z->body_px, text, z->width, &n);
	for (size_t i = 0; i < n; i++) {
		size_t first = f->n_elems;
		struct elem *e = flow_elem(f);
		*e = (struct elem){ .role = ELEM_BODY, .x = z->x, .y = 0, .w = lines[i].width,
				    .h = z->body_lh, .style = FONT_REGULAR, .px = z->body_px,
				    .text = text + lines[i].off, .len = lines[i].len, .block = block };
		flow_unit(f, first, z->body_lh, i == 0 ? gap : 0, i > 0);
	}
	free(lines);
}

/* A list item: marker plus wrapped text, one unit. */
static void flow_item(struct flow *f, const struct measurer *m, const struct sizes *z,
		      enum block_kind kind, int number, const char *text, const struct picture *icon,
		      int block, int gap)
{
	size_t first = f->n_elems;
	/* a pictogram after a step's number, or in place of a bullet; the
	 * text after it, a one-line text centred against it */
	bool marked = kind == BLOCK_STEPS || !icon;
	int indent = !marked ? 0 : kind == BLOCK_STEPS ? (int)lround(z->space_lh * 1.35) : (int)lround(z->space_lh * 0.9);
	int side = icon ? icon_side(z) : 0, text_x = indent + (icon ? side + (int)lround(z->space_lh * 0.35) : 0);
	bool one_line = icon && layout_wrap(m, FONT_REGULAR, z->body_px, text, z->width - text_x, NULL, 0) <= 1;
	int dy = one_line && side > z->body_lh ? (side - z->body_lh) / 2 : 0;
	if (icon)
		*flow_elem(f) = (struct elem){ .role = ELEM_ICON, .x = z->x + indent, .y = 0, .w = side, .h = side,
					       .block = block, .pic = icon };
	if (kind == BLOCK_STEPS) {
		int d = z->space_lh;
		*flow_elem(f) = (struct elem){ .role = ELEM_STEP_BADGE, .x = z->x, .y = dy + (z->body_lh - d) / 2,
					       .w = d, .h = d, .style = FONT_BOLD,
					       .px = (int)lround(z->body_px * 0.8), .number = number,
					       .block = block };
	} else if (marked) {
		int d = (int)lround(z->body_px * 0.32);
		*flow_elem(f) = (struct elem){ .role = ELEM_BULLET, .x = z->x + d / 2,
					       .y = dy + (z->body_lh - d) / 2, .w = d, .h = d, .block = block };
	}
	int h = dy + add_lines(f, m, ELEM_BODY, FONT_REGULAR, z->body_px, z->body_lh, text,
			       z->x + text_x, dy, z->width - text_x, block);
	if (h < z->body_lh)
		h = z->body_lh;
	if (h < side)
		h = side;
	flow_unit(f, first, h, gap, false);
}

/* A call block: a filled box with the name, the number large, the hours. */
static void flow_call(struct flow *f, const struct measurer *m, const struct sizes *z,
		      const struct call *call, size_t lang, int block, int gap)
{
	size_t first = f->n_elems;
	int pad = (int)lround(z->space_lh * 0.4);
	int inner = z->width - 2 * pad;
	int num_px = (int)lround(z->body_px * 1.4);
	int num_lh = m->line_height(m->ctx, FONT_BOLD, num_px);
	int small_px = z->call_small_px;
	int small_lh = m->line_height(m->ctx, FONT_REGULAR, small_px);
	int num_w = m->text_width(m->ctx, FONT_BOLD, num_px, call->number, strlen(call->number));
	const char *name = call->name.by_lang[lang];
	const char *hours = call->has_hours ? call->hours.by_lang[lang] : NULL;

	struct elem *box = flow_elem(f);
	size_t box_i = f->n_elems - 1;
	*box = (struct elem){ .role = ELEM_CALL_BOX, .x = z->x, .y = 0, .w = z->width, .block = block };
	/* a pictogram at the start of the box, as high as the number's line;
	 * name, hours and number after it */
	int side = call->icon ? num_lh : 0, icon_w = call->icon ? side + (int)lround(z->space_lh * 0.5) : 0;
	size_t icon_i = 0;
	if (call->icon) {
		*flow_elem(f) = (struct elem){ .role = ELEM_CALL_ICON, .x = z->x + pad, .w = side, .h = side,
					       .block = block, .pic = call->icon };
		icon_i = f->n_elems - 1;
	}
	int x0 = z->x + pad + icon_w;
	inner -= icon_w;

	int gap_x = (int)lround(z->space_lh * 0.8);
	int left_w = inner - num_w - gap_x;
	/* side by side only while the name and the hours each keep to two
	 * comfortable lines; squeezed beside the number, longer hours became a
	 * narrow column of one or two words a line (a portrait panel) */
	bool one_row = left_w >= inner / 3 &&
		       layout_wrap(m, FONT_BOLD, z->body_px, name, left_w, NULL, 0) <= 2 &&
		       (!hours || layout_wrap(m, FONT_REGULAR, small_px, hours, left_w, NULL, 0) <= 2);
	int h;
	if (one_row) {
		/* one row: name and hours on the left, the number on the right */
		int y = pad;
		size_t left_first = f->n_elems;
		y += add_lines(f, m, ELEM_CALL_NAME, FONT_BOLD, z->body_px, z->body_lh, name,
			       x0, y, left_w, block);
		if (hours)
			y += add_lines(f, m, ELEM_CALL_HOURS, FONT_REGULAR, small_px, small_lh, hours,
				       x0, y, left_w, block);
		int left_h = y - pad;
		int row_h = left_h > num_lh ? left_h : num_lh;
		for (size_t i = left_first; i < f->n_elems; i++)
			f->elems[i].y += (row_h - left_h) / 2;
		struct elem *num = flow_elem(f);
		*num = (struct elem){ .role = ELEM_CALL_NUMBER, .x = z->x + z->width - pad - num_w,
				      .y = pad + (row_h - num_lh) / 2, .w = num_w, .h = num_lh,
				      .style = FONT_BOLD, .px = num_px, .text = call->number,
				      .len = strlen(call->number), .block = block };
		h = row_h + 2 * pad;
	} else {
		/* stacked: name, number, hours */
		int y = pad;
		y += add_lines(f, m, ELEM_CALL_NAME, FONT_BOLD, z->body_px, z->body_lh, name,
			       x0, y, inner, block);
		y += add_number(f, m, ELEM_CALL_NUMBER, num_px, z->body_px, call->number,
				x0, y, inner, block);
		if (hours)
			y += add_lines(f, m, ELEM_CALL_HOURS, FONT_REGULAR, small_px, small_lh, hours,
				       x0, y, inner, block);
		h = y + pad;
	}
	if (call->icon)
		f->elems[icon_i].y = (h - side) / 2;
	f->elems[box_i].h = h;
	flow_unit(f, first, h, gap, false);
}

int layout_qr_module(const struct metrics *mt, const struct qr_code *q)
{
	int modules = q->width + 2 * QR_QUIET_ZONE;
	int module = (int)floor(mt->u * LAYOUT_QR_SIDE_U / modules);
	return module > 0 ? module : 1;
}

/* A QR code's side in pixels, quiet zone included. */
static int qr_side(const struct metrics *mt, const struct qr_block *qb)
{
	return layout_qr_module(mt, &qb->code) * (qb->code.width + 2 * QR_QUIET_ZONE);
}

/* The code's element, its top left at (x, y); returns its index. */
static size_t add_qr_code(struct flow *f, const struct metrics *mt, const struct qr_block *qb, int block,
			  int x, int y)
{
	int side = qr_side(mt, qb);
	*flow_elem(f) = (struct elem){ .role = ELEM_QR, .x = x, .y = y, .w = side, .h = side, .block = block,
				       .qr = &qb->code, .module = layout_qr_module(mt, &qb->code) };
	return f->n_elems - 1;
}

/* The caption's lines from y down, in a column col_w wide at x: each
 * centred in it, or (right) against its right edge. Returns their height. */
static int add_qr_caption(struct flow *f, const struct measurer *m, const struct sizes *z,
			  const struct qr_block *qb, size_t lang, int block, int x, int y, int col_w, bool right)
{
	int px = (int)lround(z->body_px * 0.85);
	int lh = m->line_height(m->ctx, FONT_REGULAR, px);
	const char *text = qb->caption.by_lang[lang];
	size_t n;
	struct line *lines = wrap_alloc(m, FONT_REGULAR, px, text, col_w, &n);
	for (size_t i = 0; i < n; i++) {
		int lx = right ? x + col_w - lines[i].width : x + (col_w - lines[i].width) / 2;
		*flow_elem(f) = (struct elem){ .role = ELEM_QR_CAPTION, .x = lx, .y = y + (int)i * lh,
					       .w = lines[i].width, .h = lh, .style = FONT_REGULAR, .px = px,
					       .text = text + lines[i].off, .len = lines[i].len, .block = block };
	}
	free(lines);
	return (int)n * lh;
}

/* A QR code and its caption in a column col_w wide at (x, y) of the unit
 * being built, both centred in it; returns the height used. */
static int add_qr_column(struct flow *f, const struct measurer *m, const struct sizes *z,
			 const struct metrics *mt, const struct qr_block *qb, size_t lang, int block,
			 int x, int y, int col_w)
{
	int side = qr_side(mt, qb);
	add_qr_code(f, mt, qb, block, x + (col_w - side) / 2, y);
	int h = side;
	if (qb->has_caption) {
		h += (int)lround(z->space_lh * 0.15);
		h += add_qr_caption(f, m, z, qb, lang, block, x, y + h, col_w, false);
	}
	return h;
}

/* A QR code with its caption beside it, on the side towards the text
 * (the left, mirrored right to left), centred against the code: a column
 * as high as the code alone. Returns the height used. */
static int add_qr_beside(struct flow *f, const struct measurer *m, const struct sizes *z,
			 const struct metrics *mt, const struct qr_block *qb, size_t lang, int block, int x,
			 int y, int cap_w, int gap)
{
	int side = qr_side(mt, qb);
	size_t code = add_qr_code(f, mt, qb, block, x + cap_w + gap, y);
	if (!qb->has_caption)
		return side;
	size_t first = f->n_elems;
	/* right-aligned, against the code */
	int ch = add_qr_caption(f, m, z, qb, lang, block, x, y, cap_w, true);
	/* centred against each other: the shorter one moves down */
	if (ch > side)
		f->elems[code].y += (ch - side) / 2;
	else
		for (size_t i = first; i < f->n_elems; i++)
			f->elems[i].y += (side - ch) / 2;
	return ch > side ? ch : side;
}

/* The column a QR code and its caption take: the code, or a little more
 * so that a short caption keeps to a line or two. */
static int qr_column_w(const struct sizes *z, const struct metrics *mt, const struct qr_block *qb)
{
	int side = qr_side(mt, qb);
	int w = (int)lround(mt->u * 26);
	if (w < side)
		w = side;
	return w < z->width ? w : z->width;
}

/* The width of a caption beside its code: about 20 units, or the
 * caption's longest word, which is never broken. */
static int qr_caption_w(const struct measurer *m, const struct sizes *z, const struct metrics *mt,
			const struct qr_block *qb, size_t lang)
{
	int cap_w = (int)lround(mt->u * 20);
	const char *t = qb->caption.by_lang[lang];
	int px = (int)lround(z->body_px * 0.85);
	for (size_t i = 0, n = strlen(t); i < n;) {
		size_t e = i;
		while (e < n && t[e] != ' ')
			e++;
		int ww = m->text_width(m->ctx, FONT_REGULAR, px, t + i, e - i);
		if (ww > cap_w)
			cap_w = ww;
		i = e + 1;
	}
	return cap_w;
}

/* A QR block on its own: the column at the left of the body. */
static void flow_qr(struct flow *f, const struct measurer *m, const struct sizes *z,
		    const struct metrics *mt, const struct qr_block *qb, size_t lang, int block, int gap)
{
	size_t first = f->n_elems;
	int h = add_qr_column(f, m, z, mt, qb, lang, block, z->x, 0, qr_column_w(z, mt, qb));
	flow_unit(f, first, h, gap, false);
}

/* A picture block: the picture as wide as the column or as high as
 * max_h allows, against the side where lines start, and its caption under
 * it; one unit, never split. */
static void flow_picture(struct flow *f, const struct measurer *m, const struct sizes *z,
			 const struct picture *p, enum elem_role role, int max_h, size_t lang, int block,
			 int gap)
{
	size_t first = f->n_elems;
	int w, h;
	picture_box(p, z->width, max_h, &w, &h);
	*flow_elem(f) = (struct elem){ .role = role, .x = z->x, .y = 0, .w = w, .h = h, .block = block, .pic = p };
	if (p->has_caption) {
		int px = (int)lround(z->body_px * 0.85);
		int lh = m->line_height(m->ctx, FONT_REGULAR, px);
		h += (int)lround(z->space_lh * 0.2);
		h += add_lines(f, m, ELEM_PICTURE_CAPTION, FONT_REGULAR, px, lh, p->caption.by_lang[lang], z->x, h,
			       z->width, block);
	}
	flow_unit(f, first, h, gap, false);
}

static int group_height(const struct flow *f, size_t i, size_t *end);

/* A call block with a QR code beside its number, as one unit: the call box
 * narrower on the left, the code on the right, the shorter of the two
 * centred against the taller. False (nothing added) when the call box would
 * get less than half of the width: then they are stacked instead. */
static bool flow_call_beside_qr(struct flow *f, const struct measurer *m, const struct sizes *z,
				const struct metrics *mt, const struct call *call,
				const struct qr_block *qb, size_t lang, int block, int gap, bool compact);

/* A call's QR code that cannot go beside the number goes under the call
 * box, against the same edge as a code beside its number would be: its
 * column with the caption under the code, or (compact) the caption beside
 * it, towards the text. One unit, glued to the call's. */
static void flow_qr_under(struct flow *f, const struct measurer *m, const struct sizes *z,
			  const struct metrics *mt, const struct qr_block *qb, size_t lang, int block, int gap,
			  bool compact)
{
	size_t first = f->n_elems;
	int right = z->x + z->width, h;
	if (compact) {
		int cap_w = qb->has_caption ? qr_caption_w(m, z, mt, qb, lang) : 0;
		int cap_gap = qb->has_caption ? (int)lround(z->space_lh * 0.4) : 0;
		h = add_qr_beside(f, m, z, mt, qb, lang, block, right - qr_side(mt, qb) - cap_gap - cap_w, 0,
				  cap_w, cap_gap);
	} else {
		int col_w = qr_column_w(z, mt, qb);
		h = add_qr_column(f, m, z, mt, qb, lang, block, right - col_w, 0, col_w);
	}
	flow_unit(f, first, h, gap, true);
}

/* Consecutive calls (each maybe with its QR code after it) are the numbers
 * a visitor needs together: one group of units glued into one page, each
 * code beside its number or, where the panel is too narrow for that (a
 * portrait one), under it. When the group is taller than a page, the
 * codes' captions go beside the codes instead of under them, which makes
 * each unit only as high as its call box or its code. Returns the index of
 * the group's last block. */
static size_t flow_call_group(struct flow *f, const struct measurer *m, const struct sizes *z,
			      const struct metrics *mt, const struct screen *sc, size_t lang, size_t b, int gap)
{
	size_t first_elem = f->n_elems, first_unit = f->n_units, last = b;
	for (int compact = 0; compact < 2; compact++) {
		f->n_elems = first_elem;
		f->n_units = first_unit;
		size_t i = b;
		while (i < sc->n_blocks && sc->blocks[i].kind == BLOCK_CALL) {
			const struct block *bl = &sc->blocks[i];
			const struct qr_block *qb = i + 1 < sc->n_blocks && sc->blocks[i + 1].kind == BLOCK_QR
							    ? &sc->blocks[i + 1].qr
							    : NULL;
			int g = i == b ? gap : z->block_gap;
			size_t call_unit = f->n_units;
			if (qb && flow_call_beside_qr(f, m, z, mt, &bl->call, qb, lang, (int)i, g, compact)) {
				i++; /* the code went beside the number */
			} else {
				flow_call(f, m, z, &bl->call, lang, (int)i, g);
				if (qb) {
					flow_qr_under(f, m, z, mt, qb, lang, (int)i + 1, z->item_gap, compact);
					i++;
				}
			}
			/* every call after the group's first is glued to the one
			 * before, at normal size: the numbers are seen together */
			f->units[call_unit].glued = call_unit > first_unit && !z->calls_apart;
			last = i;
			i++;
		}
		size_t end;
		if (group_height(f, first_unit, &end) <= mt->body_bottom - mt->body_top)
			break;
	}
	return last;
}

/* The tallest a picture block may be: half the body's height and a bit,
 * growing with the text; the words next to it stay readable. */
static int picture_max_h(const struct sizes *z, const struct metrics *mt)
{
	int most = (int)lround(z->space_lh * 8.0 * z->pic_scale), body = mt->body_bottom - mt->body_top;
	return most < body ? most : body;
}

/* The height the pictures of a body take (the welcome logo's too). */
static int pictures_height(const struct flow *f)
{
	int h = 0;
	for (size_t i = 0; i < f->n_elems; i++)
		if (f->elems[i].role == ELEM_PICTURE || f->elems[i].role == ELEM_LOGO)
			h += f->elems[i].h;
	return h;
}

static void flow_blocks(struct flow *f, const struct measurer *m, const struct sizes *z,
			const struct metrics *mt, const struct screen *sc, size_t lang, const struct picture *welcome)
{
	if (welcome)
		flow_picture(f, m, z, welcome, ELEM_LOGO, (int)lround(z->space_lh * 4.0 * z->pic_scale), lang, -1, 0);
	for (size_t b = 0; b < sc->n_blocks; b++) {
		const struct block *bl = &sc->blocks[b];
		int gap = b == 0 && !welcome ? 0 : z->block_gap;
		switch (bl->kind) {
		case BLOCK_TEXT:
			flow_text(f, m, z, bl->text.by_lang[lang], (int)b, gap);
			break;
		case BLOCK_STEPS:
		case BLOCK_BULLETS:
			for (size_t i = 0; i < bl->n_items; i++)
				flow_item(f, m, z, bl->kind, (int)i + 1, bl->items[i].by_lang[lang],
					  bl->item_icons ? bl->item_icons[i] : NULL, (int)b,
					  i == 0 ? gap : z->item_gap);
			break;
		case BLOCK_CALL:
			b = flow_call_group(f, m, z, mt, sc, lang, b, gap);
			break;
		case BLOCK_QR:
			flow_qr(f, m, z, mt, &bl->qr, lang, (int)b, gap);
			break;
		case BLOCK_PICTURE:
			flow_picture(f, m, z, bl->picture, ELEM_PICTURE, picture_max_h(z, mt), lang, (int)b, gap);
			break;
		}
	}
}

static bool flow_call_beside_qr(struct flow *f, const struct measurer *m, const struct sizes *z,
				const struct metrics *mt, const struct call *call,
				const struct qr_block *qb, size_t lang, int block, int gap, bool compact)
{
	int col_w = qr_column_w(z, mt, qb);
	int gap_x = (int)lround(z->space_lh * 0.8);
	/* compact: the caption beside the code, in a column of its own */
	int side = qr_side(mt, qb);
	int cap_gap = (int)lround(z->space_lh * 0.4), cap_w = 0;
	if (compact && qb->has_caption)
		cap_w = qr_caption_w(m, z, mt, qb, lang);
	if (compact)
		col_w = (qb->has_caption ? cap_w + cap_gap : 0) + side;
	struct sizes narrow = *z;
	narrow.width = z->width - col_w - gap_x;
	if (narrow.width < z->width / 2)
		return false;
	/* the number whole and at its full size, or the code goes below */
	int pad = (int)lround(z->space_lh * 0.4), num_px = (int)lround(z->body_px * 1.4);
	int icon_w = call->icon ? m->line_height(m->ctx, FONT_BOLD, num_px) + (int)lround(z->space_lh * 0.5) : 0;
	if (m->text_width(m->ctx, FONT_BOLD, num_px, call->number, strlen(call->number)) >
	    narrow.width - 2 * pad - icon_w)
		return false;
	size_t first = f->n_elems;
	flow_call(f, m, &narrow, call, lang, block, gap);
	struct unit *u = &f->units[f->n_units - 1];
	int call_h = u->h;
	size_t qr_first = f->n_elems;
	int qr_h = compact ? add_qr_beside(f, m, z, mt, qb, lang, block + 1, z->x + z->width - col_w, 0,
					   qb->has_caption ? cap_w : 0, qb->has_caption ? cap_gap : 0)
			   : add_qr_column(f, m, z, mt, qb, lang, block + 1, z->x + z->width - col_w, 0, col_w);
	int dy_call = qr_h > call_h ? (qr_h - call_h) / 2 : 0;
	int dy_qr = qr_h > call_h ? 0 : (call_h - qr_h) / 2;
	for (size_t i = first; i < f->n_elems; i++)
		f->elems[i].y += i < qr_first ? dy_call : dy_qr;
	u = &f->units[f->n_units - 1];
	u->n = f->n_elems - first;
	u->h = qr_h > call_h ? qr_h : call_h;
	return true;
}

/* Height of the glued group that starts at unit i. */
static int group_height(const struct flow *f, size_t i, size_t *end)
{
	int h = f->units[i].h;
	size_t j = i + 1;
	while (j < f->n_units && f->units[j].glued) {
		h += f->units[j].h + f->units[j].gap_before;
		j++;
	}
	*end = j;
	return h;
}

/* The tallest glued group (the calls a visitor needs together) or lone
 * unit: what must fit one page. */
static int tallest_group(const struct flow *f)
{
	int h = 0;
	for (size_t i = 0, end; i < f->n_units; i = end) {
		int g = group_height(f, i, &end);
		h = g > h ? g : h;
	}
	return h;
}

static int flow_height(const struct flow *f)
{
	int h = 0;
	for (size_t i = 0; i < f->n_units; i++)
		h += f->units[i].h + (i ? f->units[i].gap_before : 0);
	return h;
}

/* ---- pages -------------------------------------------------------------- */

static void page_push(struct page *p, size_t *cap, const struct elem *e, int dy)
{
	if (p->n_elems == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		p->elems = xrealloc(p->elems, *cap * sizeof *p->elems);
	}
	struct elem c = *e;
	c.y += dy;
	p->elems[p->n_elems++] = c;
}

static struct page *new_page(struct screen_layout *out, const struct flow *title, size_t *cap)
{
	out->pages = xrealloc(out->pages, (out->n_pages + 1) * sizeof *out->pages);
	struct page *p = &out->pages[out->n_pages++];
	*p = (struct page){ 0 };
	*cap = 0;
	for (size_t i = 0; i < title->n_elems; i++)
		page_push(p, cap, &title->elems[i], 0);
	return p;
}

static void paginate(struct screen_layout *out, const struct flow *title, const struct flow *body)
{
	int top = out->m.body_top, avail = out->m.body_bottom - out->m.body_top;
	size_t cap;
	struct page *p = new_page(out, title, &cap);
	int y = 0;
	bool empty = true;
	size_t i = 0;
	while (i < body->n_units) {
		size_t end;
		int gh = group_height(body, i, &end);
		int need = gh + (empty ? 0 : body->units[i].gap_before);
		if (!empty && y + need > avail && gh <= avail) {
			p = new_page(out, title, &cap);
			y = 0;
			empty = true;
		}
		/* place the group unit by unit; a group taller than a page breaks */
		for (size_t u = i; u < end; u++) {
			const struct unit *un = &body->units[u];
			int g = empty ? 0 : un->gap_before;
			if (!empty && y + g + un->h > avail) {
				p = new_page(out, title, &cap);
				y = 0;
				empty = true;
				g = 0;
			}
			y += g;
			for (size_t k = 0; k < un->n; k++)
				page_push(p, &cap, &body->elems[un->first + k], top + y);
			y += un->h;
			empty = false;
		}
		i = end;
	}
}

static void flow_free(struct flow *f)
{
	free(f->elems);
	free(f->units);
	memset(f, 0, sizeof *f);
}

/* The help line: "prefix name" on one line when they fit, then the number
 * large, with the hours beside it when they fit. Placed at (x, y); returns
 * its height. */
static int footer_help(struct flow *f, const struct measurer *m, const struct call *help,
		       const char *prefix, size_t lang, const struct metrics *mt, int x, int y, int width)
{
	int small_px = mt->small_px, num_px = (int)lround(mt->u * 6.5);
	int small_lh = m->line_height(m->ctx, FONT_REGULAR, small_px);
	int num_lh = m->line_height(m->ctx, FONT_BOLD, num_px);
	const char *name = help->name.by_lang[lang];
	int space = m->text_width(m->ctx, FONT_REGULAR, small_px, " ", 1);
	int prefix_w = m->text_width(m->ctx, FONT_REGULAR, small_px, prefix, strlen(prefix));
	int name_w = m->text_width(m->ctx, FONT_BOLD, small_px, name, strlen(name));
	int h = add_lines(f, m, ELEM_HELP_PREFIX, FONT_REGULAR, small_px, small_lh, prefix, x, y,
			  width, -1);
	if (h == small_lh && prefix_w + space + name_w <= width)
		add_lines(f, m, ELEM_HELP_NAME, FONT_BOLD, small_px, small_lh, name,
			  x + prefix_w + space, y, width, -1);
	else
		h += add_lines(f, m, ELEM_HELP_NAME, FONT_BOLD, small_px, small_lh, name, x, y + h,
			       width, -1);
	num_px = number_px(m, num_px, small_px, help->number, width);
	num_lh = m->line_height(m->ctx, FONT_BOLD, num_px);
	int num_w = m->text_width(m->ctx, FONT_BOLD, num_px, help->number, strlen(help->number));
	int nh = add_number(f, m, ELEM_HELP_NUMBER, num_px, small_px, help->number, x, y + h, width, -1);
	if (help->has_hours) {
		const char *hours = help->hours.by_lang[lang];
		int hours_w = m->text_width(m->ctx, FONT_REGULAR, small_px, hours, strlen(hours));
		int hx = x + num_w + 2 * space;
		if (nh == num_lh && hx + hours_w <= x + width)
			add_lines(f, m, ELEM_HELP_NAME, FONT_REGULAR, small_px, small_lh, hours, hx,
				  y + h + (num_lh - small_lh) * 2 / 3, width, -1);
		else
			nh += add_lines(f, m, ELEM_HELP_NAME, FONT_REGULAR, small_px, small_lh, hours, x,
					y + h + nh, width, -1);
	}
	return h + nh;
}

static void shift(struct flow *f, size_t from, int dx, int dy)
{
	for (size_t i = from; i < f->n_elems; i++) {
		f->elems[i].x += dx;
		f->elems[i].y += dy;
	}
}

/* The footer band: the help line (who to call, the number large) and the
 * navigation area (page dots, later previous/next). Side by side when the
 * number fits beside the navigation; otherwise the navigation is a row above
 * the help line. It does not shrink with the body text: it is the one thing
 * every visitor must be able to read. */
static void layout_footer(struct flow *f, const struct measurer *m, const struct content *c,
			  bool with_help, bool out_of_hours, size_t lang, struct metrics *mt)
{
	/* out of hours the band is the banner: its words and its number */
	const struct call *help = out_of_hours ? &c->out_of_hours.call : &c->help;
	const char *prefix = out_of_hours ? c->out_of_hours.text.by_lang[lang]
					  : c->labels.help_prefix.by_lang[lang];
	with_help |= out_of_hours;
	int pad = (int)lround(mt->u * 2.5), gap = (int)lround(mt->u * 4);
	int inner = mt->w - 2 * mt->margin_x;
	size_t band_i = f->n_elems;
	flow_elem(f)->role = ELEM_BAND;

	int n_dots = 0;
	for (size_t i = 0; i < c->n_screens; i++)
		n_dots += c->screens[i].loop;
	int dots_w = (n_dots + 3) * mt->dot_d * 2; /* and room for "2 / 3" */
	int label_w = m->text_width(m->ctx, FONT_REGULAR, mt->small_px, "88 / 88", 7);
	int arrows_w = 2 * mt->btn_h + label_w + 2 * gap;
	mt->nav_w = dots_w > arrows_w ? dots_w : arrows_w;
	if (mt->nav_w > inner)
		mt->nav_w = inner;
	int num_w = with_help ? m->text_width(m->ctx, FONT_BOLD, (int)lround(mt->u * 6.5),
					      help->number, strlen(help->number))
			      : 0;
	bool side = with_help && inner - mt->nav_w - gap >= num_w;

	/* the navigation always at the bottom of the band (below the help line
	 * when they do not fit side by side): the arrows stand in the same
	 * place on every screen, with or without a help line */
	size_t first = f->n_elems;
	int content_h;
	if (side) {
		int help_h = footer_help(f, m, help, prefix, lang, mt, mt->margin_x, 0, inner - mt->nav_w - gap);
		content_h = help_h > mt->btn_h ? help_h : mt->btn_h;
		shift(f, first, 0, (content_h - help_h) / 2);
	} else {
		content_h = mt->btn_h;
		if (with_help)
			content_h += gap / 2 + footer_help(f, m, help, prefix, lang, mt, mt->margin_x, 0, inner);
	}
	int nav_y = content_h - mt->btn_h;
	int band_h = content_h + 2 * pad;
	mt->band_top = mt->h - band_h;
	shift(f, first, 0, mt->band_top + pad);
	mt->nav_x = mt->w - mt->margin_x - mt->nav_w;
	mt->nav_y = mt->band_top + pad + nav_y;
	f->elems[band_i] = (struct elem){ .role = ELEM_BAND, .x = 0, .y = mt->band_top, .w = mt->w,
					  .h = band_h, .block = -1 };
	mt->body_bottom = mt->band_top - (int)lround(mt->u * 4);
}

int layout_listen_w(const struct measurer *m, const struct metrics *mt, const struct content *c, size_t lang)
{
	if (!mt->listen || c->speech_output == SPEECH_OUT_NONE)
		return 0;
	(void)lang; /* a drawing, as wide as A+, in every language */
	return layout_button_w(m, mt, "A+") + (int)lround(mt->u * 2);
}

int layout_hint_room(const struct measurer *m, const struct metrics *mt, const struct content *c, size_t lang)
{
	int room = (mt->w - 2 * mt->margin_x) * 11 / 20;
	if (c->quick_exit >= 0 || layout_listen_w(m, mt, c, lang) > 0) {
		/* clear of Listen and the Quick exit button by two of the bar's gaps */
		int qx = mt->w - mt->margin_x - layout_listen_w(m, mt, c, lang) -
			 (c->quick_exit >= 0 ? layout_button_w(m, mt, c->labels.quick_exit.by_lang[lang]) : 0);
		int clear = qx - (int)lround(mt->u * 4) - mt->margin_x;
		if (clear < room)
			room = clear;
	}
	return room > 0 ? room : 1;
}

bool layout_hint_fit(const struct measurer *m, const struct metrics *mt, const char *hint, int width,
		     struct line *lines, size_t cap, size_t *n, int *px)
{
	/* its lines within the bar and the margin above it, so they keep
	 * clear of the title */
	int most = mt->btn_h + mt->top_y;
	for (int step = 0;; step++) {
		*px = (int)lround(mt->small_px * (1.0 - 0.05 * step));
		size_t k = layout_wrap(m, FONT_REGULAR, *px, hint, width, lines, cap);
		*n = k < cap ? k : cap;
		if (k <= cap && (int)k * m->line_height(m->ctx, FONT_REGULAR, *px) <= most)
			return true;
		if (step == 4) /* 80 % */
			return false;
	}
}

/* The touch hint, at the top left where the buttons will be once touched,
 * centred on the bar; the Quick exit button keeps the right side. */
static void layout_hint(struct flow *f, const struct measurer *m, const struct content *c,
			size_t lang, const struct metrics *mt)
{
	const char *hint = c->labels.touch_hint.by_lang[lang];
	struct line lines[LAYOUT_HINT_LINES];
	size_t n;
	int px;
	layout_hint_fit(m, mt, hint, layout_hint_room(m, mt, c, lang), lines, LAYOUT_HINT_LINES, &n, &px);
	int lh = m->line_height(m->ctx, FONT_REGULAR, px);
	int y = mt->top_y + (mt->btn_h - (int)n * lh) / 2;
	for (size_t i = 0; i < n; i++)
		*flow_elem(f) = (struct elem){ .role = ELEM_HINT, .x = mt->margin_x, .y = y + (int)i * lh,
					       .w = lines[i].width, .h = lh, .style = FONT_REGULAR, .px = px,
					       .text = hint + lines[i].off, .len = lines[i].len, .block = -1 };
}

/* A screen being laid out: into out, by way of the flows title and body,
 * screen s of c measured with m, for spec. */
struct screen_job {
	struct screen_layout *out;
	struct flow *title, *body;
	const struct measurer *m;
	const struct content *c;
	size_t s;
	struct layout_spec spec;
};

/* Lays the job's title and body at shrink factor k; returns true when it
 * fits on one page. Leaves the flows for the caller to paginate or free. */
static bool layout_try(const struct screen_job *j, double k)
{
	const struct measurer *m = j->m;
	const struct content *c = j->c;
	const struct screen *sc = &c->screens[j->s];
	size_t lang = j->spec.lang;
	struct flow *title = j->title, *body = j->body;
	struct metrics mt = layout_metrics(j->spec.w, j->spec.h, j->spec.text_scale * k, c->diagonal_inches);
	mt.listen = j->spec.listen && c->speech_output != SPEECH_OUT_NONE;
	bar_rows(&mt, m, c, lang);
	struct sizes z = { .body_px = mt.body_px, .title_px = mt.title_px };
	/* A+ is for those who need it larger: the hours as large as the body,
	 * and each call a page's unit of its own (layout_screen()) */
	z.calls_apart = j->spec.text_scale > 1.0;
	z.call_small_px = z.calls_apart ? z.body_px : (int)lround(z.body_px * 0.85);
	z.body_lh = m->line_height(m->ctx, FONT_REGULAR, z.body_px);
	z.title_lh = m->line_height(m->ctx, FONT_BOLD, z.title_px);
	z.x = mt.margin_x;
	z.width = j->spec.w - 2 * mt.margin_x;
	/* the spaces come from the Latin line: a script whose lines are tall
	 * (Nastaliq's strokes rise high) gets no wider gaps for it */
	z.space_lh = m->space_height ? m->space_height(m->ctx, FONT_REGULAR, z.body_px) : z.body_lh;
	z.block_gap = (int)lround(z.space_lh * 0.6);
	z.item_gap = (int)lround(z.space_lh * 0.3);
	z.pic_scale = 1.0;

	layout_hint(title, m, c, lang, &mt);
	/* the logo, never on the Quick exit screen, which must look ordinary */
	const struct picture *logo = c->logo && (int)j->s != c->quick_exit ? c->logo : NULL;
	int title_w = z.width, logo_h = 0;
	if (logo && logo->place == LOGO_TITLE) {
		int lw;
		picture_box(logo, (int)lround(mt.u * 30), (int)lround(z.title_lh * 1.3), &lw, &logo_h);
		title_w -= lw + (int)lround(mt.u * 3);
		*flow_elem(title) = (struct elem){ .role = ELEM_LOGO, .x = z.x + z.width - lw, .y = mt.title_top,
						   .w = lw, .h = logo_h, .block = -1, .pic = logo };
	}
	int th = add_lines(title, m, ELEM_TITLE, FONT_BOLD, z.title_px, z.title_lh,
			   sc->title.by_lang[lang], z.x, mt.title_top, title_w, -1);
	if (th < logo_h)
		th = logo_h;
	/* room for the accent rule under the title (drawn by the scene) */
	mt.body_top = mt.title_top + th + (int)lround(mt.u * 5);
	mt.out_of_hours = j->spec.out_of_hours;
	layout_footer(title, m, c, sc->show_help && c->has_help, j->spec.out_of_hours, lang, &mt);
	/* the first screen: screens[0], or [1] when [0] is the Quick exit one */
	bool first = j->s == (c->quick_exit == 0 ? 1u : 0u);
	const struct picture *welcome = logo && logo->place == LOGO_WELCOME && first ? logo : NULL;
	flow_blocks(body, m, &z, &mt, sc, lang, welcome);
	/* pictures give way first: smaller (down to under half their most
	 * height), so that the text around them keeps its size and its page */
	int room = mt.body_bottom - mt.body_top;
	for (int tries = 0; tries < 3 && z.pic_scale > LAYOUT_PICTURE_FLOOR; tries++) {
		int over = flow_height(body) - room, pics = pictures_height(body);
		if (over <= 0 || pics <= 0)
			break;
		/* what the pictures are asked for, less what is over (and a
		 * pixel for rounding); their most height is what scales */
		double most = 0;
		for (size_t i = 0; i < body->n_elems; i++)
			if (body->elems[i].role == ELEM_PICTURE || body->elems[i].role == ELEM_LOGO)
				most += body->elems[i].h;
		z.pic_scale *= (most - over - 1) / most;
		if (z.pic_scale < LAYOUT_PICTURE_FLOOR)
			z.pic_scale = LAYOUT_PICTURE_FLOOR;
		flow_free(body);
		flow_blocks(body, m, &z, &mt, sc, lang, welcome);
	}

	j->out->m = mt;
	j->out->shrink = k;
	return flow_height(body) <= mt.body_bottom - mt.body_top;
}

/* Right to left: the page mirrored, so lines are right-aligned, markers
 * stand on the right of their items and a call's number on its left. The
 * touch hint stays at the top left, where the buttons appear. The
 * navigation area is left in place: the scene mirrors what it draws there. */
static void mirror(struct screen_layout *l)
{
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_elems; i++) {
			struct elem *e = &l->pages[p].elems[i];
			if (e->role != ELEM_HINT)
				e->x = l->m.w - e->x - e->w;
		}
}

/* Lays the job's screen out into title and body at the largest size that
 * does: nominal first, then 5% steps down to soft (LAYOUT_SHRINK_FLOOR, or
 * higher: A+'s readable size); past it, on down (never below least, as a
 * fraction of the text scale) only while one unit (a list item) or group
 * of calls is taller than a page: a page is never taller than the screen,
 * and the numbers a visitor needs stay on one page together. Returns the
 * size used, as a fraction of the text scale. */
/* Whether the screen laid out at ks[i] is the one to keep (layout_fit);
 * the flows hold it either way, and *need its body's height when it is
 * too tall. */
static bool fit_at(const struct screen_job *j, const double *ks, size_t i, size_t n, double soft, int *need)
{
	bool one_page = layout_try(j, ks[i]);
	int page = j->out->m.body_bottom - j->out->m.body_top;
	*need = flow_height(j->body);
	return one_page || i + 1 == n || (ks[i] <= soft + 1e-9 && tallest_group(j->body) <= page);
}

/* The index of the first of ks[0..n) that does (fit_at), as trying each
 * in turn would find (a smaller size never fits worse), with fewer tries:
 * a screen's text takes room about as the square of its size, so the try
 * at full size says where to start: a step above that guess (never below
 * ks[at_soft], where a screen may turn into pages), then on down, or up
 * while the size above does too. */
static size_t fit_search(const struct screen_job *j, const double *ks, size_t n, size_t at_soft, double soft)
{
	int need;
	if (fit_at(j, ks, 0, n, soft, &need))
		return 0; /* most screens */
	int page = j->out->m.body_bottom - j->out->m.body_top;
	double guess = need > 0 && page > 0 ? sqrt((double)page / need) : ks[n - 1];
	size_t i = 1;
	while (i + 1 < n && ks[i + 1] >= guess - 1e-9)
		i++;
	if (i > 1)
		i--; /* a step above the guess */
	if (i > at_soft)
		i = at_soft;
	flow_free(j->title);
	flow_free(j->body);
	if (fit_at(j, ks, i, n, soft, &need)) {
		while (i > 1) {
			flow_free(j->title);
			flow_free(j->body);
			if (!fit_at(j, ks, i - 1, n, soft, &need))
				break;
			i--;
		}
		return i;
	}
	do {
		flow_free(j->title);
		flow_free(j->body);
	} while (!fit_at(j, ks, ++i, n, soft, &need));
	return i;
}

static double layout_fit(const struct screen_job *j, double least, double soft)
{
	if (soft < LAYOUT_SHRINK_FLOOR)
		soft = LAYOUT_SHRINK_FLOOR;
	/* the sizes, largest first: 5% steps, exactly soft where a step
	 * passes it, exactly least last */
	double ks[64];
	size_t n = 0, at_soft = 0;
	for (int step = 0; n < sizeof ks / sizeof ks[0]; step++) {
		double k = 1.0 - 0.05 * step;
		if (step > 0 && k < soft - 1e-9 && k + 0.05 > soft + 1e-9)
			k = soft;
		if (k < least)
			k = least;
		if (k >= soft - 1e-9)
			at_soft = n;
		ks[n++] = k;
		if (k <= least + 1e-9)
			break;
	}
	/* The tries only count lines (measurer.counting); the size they find
	 * is then laid out with every line measured whole, and on down should
	 * that not fit after all. Each size's words are estimated once. */
	struct measurer counting = *j->m;
	counting.counting = true;
	struct screen_job jc = *j;
	jc.m = &counting;
	size_t i = fit_search(&jc, ks, n, at_soft, soft);
	int need;
	for (;;) {
		flow_free(j->title);
		flow_free(j->body);
		if (fit_at(j, ks, i, n, soft, &need))
			return ks[i];
		i++;
	}
}

/* The text scale at which body capitals are 0.7 degrees high on the
 * content's panel, seen from its viewing distance (40 cm when not given):
 * EN 301 549 5.1.4, which A+ is there to meet. */
static double readable_scale(const struct measurer *m, const struct content *c, int w, int h)
{
	struct metrics mt = layout_metrics(w, h, 1.0, c->diagonal_inches);
	double distance_mm = (c->viewing_distance_cm > 0 ? c->viewing_distance_cm : 40.0) * 10.0;
	int cap = m->cap_height ? m->cap_height(m->ctx, FONT_REGULAR, mt.body_px) : (int)lround(mt.body_px * 0.72);
	if (cap <= 0 || mt.px_per_mm <= 0)
		return 1.0;
	double need_mm = 2.0 * distance_mm * tan(0.7 / 2.0 * 3.14159265358979323846 / 180.0);
	return 1.03 * need_mm / (cap / mt.px_per_mm); /* and a little: capitals are whole pixels */
}

void layout_screen(struct screen_layout *out, const struct measurer *m, const struct content *c,
		   size_t s, struct layout_spec spec)
{
	/* never on the Quick exit screen: it must look ordinary */
	spec.out_of_hours = spec.out_of_hours && c->out_of_hours.given && (int)s != c->quick_exit;
	memset(out, 0, sizeof *out);
	struct flow title = { 0 }, body = { 0 };
	struct screen_job job = { .out = out, .title = &title, .body = &body, .m = m, .c = c, .s = s,
				  .spec = spec };
	double least = LAYOUT_CALLS_FLOOR;
	if (spec.text_scale > 1.0 && spec.normal_shrink > 0) {
		least = spec.normal_shrink > LAYOUT_CALLS_FLOOR ? spec.normal_shrink : LAYOUT_CALLS_FLOOR;
	} else if (spec.text_scale > 1.0) {
		/* large text never draws smaller than normal text would */
		struct screen_job normal = job;
		normal.spec.text_scale = 1.0;
		double k = layout_fit(&normal, LAYOUT_CALLS_FLOOR, LAYOUT_SHRINK_FLOOR);
		flow_free(&title);
		flow_free(&body);
		memset(out, 0, sizeof *out);
		least = k > LAYOUT_CALLS_FLOOR ? k : LAYOUT_CALLS_FLOOR;
	}
	double soft = LAYOUT_SHRINK_FLOOR;
	if (spec.text_scale > 1.0) {
		/* A+ is for those who need larger text: it turns into more pages
		 * rather than give up size below 0.7 degrees (as far as A+
		 * goes); only a list item or a call taller than a page makes it
		 * smaller. So a screen of several numbers may show them a page
		 * each at A+ (at normal size they stay on one page together) */
		double readable = readable_scale(m, c, spec.w, spec.h);
		if (readable > spec.text_scale)
			readable = spec.text_scale;
		soft = readable / spec.text_scale;
	}
	layout_fit(&job, least / spec.text_scale, soft);
	paginate(out, &title, &body);
	flow_free(&title);
	flow_free(&body);
	if (c->rtl[spec.lang])
		mirror(out);
}

void layout_free(struct screen_layout *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n_pages; i++)
		free(l->pages[i].elems);
	free(l->pages);
	memset(l, 0, sizeof *l);
}
