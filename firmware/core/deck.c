/* deck.c — all screens laid out at once; see deck.h. */
#include "deck.h"

#include "arena.h"
#include "kiosk.h"
#include "scene.h"
#include "utf8.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* A deck of c for spec with nothing laid out yet. */
static void deck_start(struct deck *d, const struct content *c, struct layout_spec spec)
{
	memset(d, 0, sizeof *d);
	d->content = c;
	d->n = c->n_screens;
	d->w = spec.w;
	d->h = spec.h;
	d->lang = spec.lang;
	d->text_scale = spec.text_scale;
	d->out_of_hours = spec.out_of_hours;
	d->spec = spec;
	d->layouts = xcalloc(d->n ? d->n : 1, sizeof *d->layouts);
	d->page_counts = xcalloc(d->n ? d->n : 1, sizeof *d->page_counts);
}

static void deck_lay(struct deck *d, const struct measurer *m, size_t i, struct layout_spec spec)
{
	layout_screen(&d->layouts[i], m, d->content, i, spec);
	d->page_counts[i] = (int)d->layouts[i].n_pages;
}

/* deck_build(); with normal (not NULL), an A+ deck starts each screen
 * from the shrink normal's layout of it found */
static void build_from(struct deck *d, const struct measurer *m, const struct content *c,
		       struct layout_spec spec, const struct deck *normal)
{
	deck_start(d, c, spec);
	for (size_t i = 0; i < d->n; i++) {
		if (normal)
			spec.normal_shrink = normal->layouts[i].shrink;
		deck_lay(d, m, i, spec);
	}
}

void deck_build(struct deck *d, const struct measurer *m, const struct content *c, struct layout_spec spec)
{
	build_from(d, m, c, spec, NULL);
}

void deck_build_first(struct deck *d, const struct measurer *m, const struct content *c,
		      struct layout_spec spec, size_t first)
{
	deck_start(d, c, spec);
	if (first >= d->n)
		first = 0;
	if (d->n > 0)
		deck_lay(d, m, first, spec);
	d->partial = d->n > 1;
	d->first = first;
}

void deck_finish(struct deck *d, const struct measurer *m)
{
	if (!d->partial)
		return;
	for (size_t i = 0; i < d->n; i++)
		if (i != d->first)
			deck_lay(d, m, i, d->spec);
	d->partial = false;
}

void deck_free(struct deck *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		layout_free(&d->layouts[i]);
	free(d->layouts);
	free(d->page_counts);
	memset(d, 0, sizeof *d);
}

void deck_set_init(struct deck_set *s, const struct measurer *by_lang, const struct content *c, int w, int h)
{
	memset(s, 0, sizeof *s);
	s->by_lang = by_lang;
	s->c = c;
	s->w = w;
	s->h = h;
}

const struct deck *deck_set_get(struct deck_set *s, size_t lang, enum deck_kind kind)
{
	if (s->decks[lang][kind])
		return s->decks[lang][kind];
	struct layout_spec spec = { .w = s->w, .h = s->h, .lang = lang,
				    .text_scale = kind == DECK_LARGE ? KIOSK_LARGE_TEXT : 1.0,
				    .out_of_hours = kind == DECK_CLOSED,
				    /* the fuller bar, as a kiosk with a headset has it */
				    .listen = true };
	struct deck *d = s->decks[lang][kind] = xcalloc(1, sizeof *d);
	if (kind != DECK_LARGE) {
		deck_build(d, &s->by_lang[lang], s->c, spec);
		return d;
	}
	/* A+ starts from the shrink of normal text, which that deck found:
	 * the screen's fit at normal text is not searched for again */
	build_from(d, &s->by_lang[lang], s->c, spec, deck_set_get(s, lang, DECK_NORMAL));
	return d;
}

void deck_set_free(struct deck_set *s)
{
	if (!s)
		return;
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++)
		for (size_t k = 0; k < DECK_KINDS_; k++) {
			deck_free(s->decks[l][k]);
			free(s->decks[l][k]);
			s->decks[l][k] = NULL;
		}
}

void deck_check_fit(const struct measurer *by_lang, const struct content *c, int w, int h,
		    struct diag_list *diags)
{
	struct deck_set set;
	deck_set_init(&set, by_lang, c, w, h);
	deck_set_check_fit(&set, diags);
	deck_set_free(&set);
}

void deck_set_check_fit(struct deck_set *set, struct diag_list *diags)
{
	const struct content *c = set->c;
	int w = set->w, h = set->h;
	bool banner = c->out_of_hours.given && c->hours.given;
	for (size_t lang = 0; lang < c->n_langs; lang++) {
		const struct deck *normal = deck_set_get(set, lang, DECK_NORMAL);
		const struct deck *shut = banner ? deck_set_get(set, lang, DECK_CLOSED) : NULL;
		for (size_t s = 0; s < c->n_screens; s++) {
			const struct screen *sc = &c->screens[s];
			const struct screen_layout l = normal->layouts[s];
			if (l.n_pages > 1)
				diag_add(diags, DIAG_WARNING, sc->at.line, sc->at.col,
					 "screen '%s' (%s) is too long for a %dx%d screen: it is shown "
					 "on %zu pages, in smaller text; shorten it or split it into "
					 "two screens",
					 sc->id, c->langs[lang], w, h, l.n_pages);
			else if (l.shrink < 1.0)
				diag_add(diags, DIAG_WARNING, sc->at.line, sc->at.col,
					 "screen '%s' (%s) is a little long for a %dx%d screen: its "
					 "text is shown at %d%% of the normal size; shorten it to "
					 "keep the text large",
					 sc->id, c->langs[lang], w, h, (int)lround(l.shrink * 100));
			/* the out-of-hours banner takes more room than the help line,
			 * or room where there was none: say so when that hurts */
			if (banner && (int)s != c->quick_exit) {
				const struct screen_layout closed = shut->layouts[s];
				if (closed.n_pages > l.n_pages)
					diag_add(diags, DIAG_WARNING, sc->at.line, sc->at.col,
						 "screen '%s' (%s) is too long for a %dx%d screen while the "
						 "centre is closed: with the out-of-hours banner it is shown "
						 "on %zu pages; shorten it",
						 sc->id, c->langs[lang], w, h, closed.n_pages);
				else if (closed.shrink < l.shrink)
					diag_add(diags, DIAG_WARNING, sc->at.line, sc->at.col,
						 "screen '%s' (%s) is a little long for a %dx%d screen while "
						 "the centre is closed: with the out-of-hours banner its text "
						 "is shown at %d%% of the normal size",
						 sc->id, c->langs[lang], w, h, (int)lround(closed.shrink * 100));
			}
		}
	}
}

/* The QR elements of one layout that are too fine to scan; each block is
 * reported once (reported[] per block of the screen). */
static size_t check_layout_qr(const struct screen_layout *l, const struct content *c, const struct screen *sc,
			      bool *reported, struct diag_list *diags)
{
	size_t errors = 0;
	double per_mm = l->m.px_per_mm;
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_elems; i++) {
			const struct elem *e = &l->pages[p].elems[i];
			if (e->role != ELEM_QR || e->block < 0 || reported[e->block])
				continue;
			bool small_px = e->module < QR_MIN_MODULE_PX;
			bool small_mm = c->diagonal_inches > 0 && e->module / per_mm < QR_MIN_MODULE_MM - 1e-9;
			if (!small_px && !small_mm)
				continue;
			const struct qr_block *qb = &sc->blocks[e->block].qr;
			/* the widest code whose modules would still be big enough */
			int need = QR_MIN_MODULE_PX;
			if (c->diagonal_inches > 0 && (int)ceil(QR_MIN_MODULE_MM * per_mm) > need)
				need = (int)ceil(QR_MIN_MODULE_MM * per_mm);
			int widest = (int)floor(l->m.u * LAYOUT_QR_SIDE_U / need) - 2 * QR_QUIET_ZONE;
			size_t fits = qr_capacity(widest);
			char hint[160];
			if (fits > 0)
				snprintf(hint, sizeof hint, "at most %zu characters fit; use a shorter link", fits);
			else
				snprintf(hint, sizeof hint, "no QR code fits at this size");
			diag_add(diags, DIAG_ERROR, qb->data_at.line, qb->data_at.col,
				 "this QR code holds too much to scan on a %dx%d screen: its squares would be %d px "
				 "(%.2f mm) wide, and at least %d px%s are needed (%zu characters given; %s)",
				 l->m.w, l->m.h, e->module, e->module / per_mm, QR_MIN_MODULE_PX,
				 c->diagonal_inches > 0 ? " and 0.5 mm" : "", strlen(qb->data), hint);
			reported[e->block] = true;
			errors++;
		}
	return errors;
}

size_t deck_check_qr(const struct measurer *m, const struct content *c, int w, int h,
		     struct diag_list *diags)
{
	struct deck_set set;
	deck_set_init(&set, m, c, w, h);
	size_t errors = deck_set_check_qr(&set, diags);
	deck_set_free(&set);
	return errors;
}

size_t deck_set_check_qr(struct deck_set *set, struct diag_list *diags)
{
	/* a code's module size depends on the screen alone, not on language,
	 * text or banner: the first language's layout is enough */
	const struct content *c = set->c;
	size_t errors = 0;
	for (size_t s = 0; s < c->n_screens; s++) {
		const struct screen *sc = &c->screens[s];
		bool any = false;
		for (size_t b = 0; b < sc->n_blocks; b++)
			any |= sc->blocks[b].kind == BLOCK_QR;
		if (!any)
			continue;
		bool *reported = xcalloc(sc->n_blocks, sizeof *reported);
		errors += check_layout_qr(&deck_set_get(set, 0, DECK_NORMAL)->layouts[s], c, sc, reported, diags);
		free(reported);
	}
	return errors;
}

/* ---- what the kiosk really draws ------------------------------------------- */

enum frame_problem {
	FP_OUTSIDE,       /* a control beyond the screen's edge */
	FP_TEXT_OUTSIDE,  /* text beyond the screen's edge */
	FP_CONTROLS,      /* two controls on top of each other */
	FP_UNDER_CONTROL, /* text under a control */
	FP_MISSING,       /* a control the kiosk should show is not there */
	FP_TEXT_ON_TEXT,  /* two runs of text on top of each other */
	FP_OUT_OF_BOX,    /* words sticking out of their button, tile or call box */
	FP_ON_FOOTER,     /* tiles or text over the support line's band */
	FP_NUMBER,        /* a call's number not drawn whole */
	FP_NUMBER_WRAPPED, /* a phone number in a text broken across lines */
	FP_CALL_PAGES,    /* the calls of one screen on different pages */
	FP_COUNT
};

struct frames {
	const struct content *c;
	const struct measurer *by_lang;
	int w, h;
	struct diag_list *d;
	size_t errors;
	bool *reported; /* [problem][screen + 2]: each problem once per screen
			   (and once for the topics, once for the picker) */
	/* the frame being looked at */
	size_t lang;
	double scale;
	int screen;     /* -1: the topics, -2: the language picker */
	int page, pages;
	const char *when;
};

#define PANEL_TOPICS (-1)
#define PANEL_LANGS (-2)

/* "screen 'help' (ar, large text, page 2 of 3, after a touch)" */
static void frame_where(const struct frames *f, char *out, size_t cap)
{
	const char *size = f->scale > 1.0 ? ", large text: A+" : "";
	char page[48] = "";
	if (f->pages > 1)
		snprintf(page, sizeof page, ", page %d of %d", f->page + 1, f->pages);
	if (f->screen >= 0)
		snprintf(out, cap, "screen '%s' (%s%s%s, %s)", f->c->screens[f->screen].id,
			 f->c->langs[f->lang], size, page, f->when);
	else
		snprintf(out, cap, "the %s (%s%s%s)", f->screen == PANEL_TOPICS ? "topics" : "language picker",
			 f->c->langs[f->lang], size, page);
}

static void frame_report(struct frames *f, enum frame_problem p, enum diag_severity sev, int screen,
			 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* One problem of the frame, said once per screen (screen: the one it is
 * about, for its place in the file; a panel's when it is about none). */
static void frame_report(struct frames *f, enum frame_problem p, enum diag_severity sev, int screen,
			 const char *fmt, ...)
{
	bool *seen = &f->reported[(size_t)p * (f->c->n_screens + 2) + (size_t)(f->screen + 2)];
	if (*seen)
		return;
	*seen = true;
	char where[256], what[768];
	frame_where(f, where, sizeof where);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	struct mark at = { 0, 0 };
	if (screen >= 0)
		at = f->c->screens[screen].at;
	else if (f->screen == PANEL_TOPICS)
		at = f->c->labels.topics.at[f->lang];
	else if (f->screen == PANEL_LANGS)
		at = f->c->labels.language.at[f->lang];
	diag_add(f->d, sev, at.line, at.col, "on a %dx%d screen, %s: %s", f->w, f->h, where, what);
	f->errors += sev == DIAG_ERROR;
}

static bool overlap(const struct draw_item *a, const struct draw_item *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static bool inside(const struct draw_item *a, int x, int y, int w, int h)
{
	return a->x >= x && a->y >= y && a->x + a->w <= x + w && a->y + a->h <= y + h;
}

static bool is_control(const struct draw_item *it)
{
	return it->action != ACTION_NONE;
}

/* Words that belong in a control's shape: checked to be inside it. */
static bool is_label(const struct draw_item *it)
{
	return it->role == ROLE_BUTTON_LABEL || it->role == ROLE_TILE_LABEL || it->role == ROLE_LANG_NAME;
}

static bool is_footer(enum draw_role r)
{
	return r == ROLE_BAND || r == ROLE_BANNER || r == ROLE_HELP_PREFIX || r == ROLE_HELP_NAME ||
	       r == ROLE_HELP_NUMBER || r == ROLE_DOT || r == ROLE_DOT_CURRENT || r == ROLE_PAGE_NUMBER;
}

static bool is_call_words(enum draw_role r)
{
	return r == ROLE_CALL_NAME || r == ROLE_CALL_NUMBER || r == ROLE_CALL_HOURS;
}

/* A short quotation of a text item, for messages. */
static void quote(const struct draw_item *it, char *out, size_t cap)
{
	size_t len;
	const char *t = draw_item_text(it, &len);
	size_t n = utf8_prefix(t, len, 40);
	snprintf(out, cap, "\"%.*s%s\"", (int)n, t, n < len ? "..." : "");
}

/* Geometry: controls and text inside the screen, controls apart, no text
 * under a control or on other text, words inside their shapes, nothing of
 * the page over the footer's band. from: the first item to look at (the
 * idle notice's, over a page that is blanked). */
static void frame_geometry(struct frames *f, const struct draw_list *dl, size_t from)
{
	const struct draw_item *band = NULL;
	for (size_t i = from; i < dl->n; i++)
		if (dl->items[i].role == ROLE_BAND || dl->items[i].role == ROLE_BANNER)
			band = &dl->items[i];
	for (size_t i = from; i < dl->n; i++) {
		const struct draw_item *a = &dl->items[i];
		char q[96];
		bool text = a->kind == DRAW_TEXT || a->kind == DRAW_QR;
		int screen = f->screen >= 0 ? f->screen : a->action == ACTION_OPEN ? a->arg : -1;
		if ((is_control(a) || text) && !inside(a, 0, 0, f->w, f->h)) {
			if (is_control(a))
				frame_report(f, FP_OUTSIDE, DIAG_ERROR, screen,
					     "the %s button does not fit on the screen; use shorter words on the "
					     "buttons (labels:) or a larger screen",
					     kiosk_action_button(a->action));
			else {
				quote(a, q, sizeof q);
				frame_report(f, FP_TEXT_OUTSIDE, DIAG_WARNING, screen,
					     "the text %s goes beyond the edge of the screen; shorten it", q);
			}
		}
		if (is_control(a)) {
			for (size_t j = i + 1; j < dl->n; j++) {
				const struct draw_item *b = &dl->items[j];
				if (is_control(b) && overlap(a, b))
					frame_report(f, FP_CONTROLS, DIAG_ERROR, screen,
						     "the %s and %s buttons lie on top of each other, so a touch "
						     "may press the wrong one; use shorter words on the buttons "
						     "(labels:) or a larger screen",
						     kiosk_action_button(a->action),
						     kiosk_action_button(b->action));
			}
			if (band && (a->action == ACTION_OPEN || a->action == ACTION_SET_LANGUAGE) &&
			    overlap(a, band))
				frame_report(f, FP_ON_FOOTER, DIAG_ERROR, screen,
					     "a %s tile reaches into the support line at the bottom and hides it; "
					     "shorten the screens' titles",
					     kiosk_action_button(a->action));
			continue;
		}
		if (!text)
			continue;
		size_t len;
		draw_item_text(a, &len);
		if (a->kind == DRAW_TEXT && len == 0)
			continue;
		quote(a, q, sizeof q);
		if (is_label(a)) {
			/* its shape is the nearest control pushed before it */
			const struct draw_item *shape = NULL;
			for (size_t j = i; j-- > from && !shape;)
				if (is_control(&dl->items[j]))
					shape = &dl->items[j];
			bool vertical = a->role == ROLE_TILE_LABEL;
			if (shape && (a->x < shape->x || a->x + a->w > shape->x + shape->w ||
				      (vertical && (a->y < shape->y || a->y + a->h > shape->y + shape->h))))
				frame_report(f, FP_OUT_OF_BOX, DIAG_WARNING, shape->action == ACTION_OPEN ? shape->arg : screen,
					     "the words %s stick out of their %s button; shorten them",
					     q, kiosk_action_button(shape->action));
			continue;
		}
		if (is_call_words(a->role)) {
			const struct draw_item *box = NULL;
			for (size_t j = i; j-- > from && !box;)
				if (dl->items[j].role == ROLE_CALL_BOX)
					box = &dl->items[j];
			if (box && !inside(a, box->x, box->y, box->w, box->h))
				frame_report(f, FP_OUT_OF_BOX, DIAG_WARNING, screen,
					     "the words %s stick out of their call box; shorten the call's name "
					     "or hours",
					     q);
		}
		for (size_t j = from; j < dl->n; j++) {
			const struct draw_item *b = &dl->items[j];
			if (j == i || !overlap(a, b))
				continue;
			if (is_control(b)) {
				frame_report(f, FP_UNDER_CONTROL, DIAG_WARNING, screen,
					     "the text %s lies under the %s button, which hides it; shorten the "
					     "text or the words on the buttons (labels:)",
					     q, kiosk_action_button(b->action));
			} else if (j > i && (b->kind == DRAW_TEXT || b->kind == DRAW_QR) && !is_label(b)) {
				char q2[96];
				quote(b, q2, sizeof q2);
				frame_report(f, FP_TEXT_ON_TEXT, DIAG_WARNING, screen,
					     "the text %s and %s are drawn on top of each other; shorten the "
					     "screen",
					     q, q2);
			}
		}
		if (band && !is_footer(a->role) && overlap(a, band))
			frame_report(f, FP_ON_FOOTER, DIAG_WARNING, screen,
				     "the text %s runs into the support line at the bottom; shorten the screen", q);
	}
}

/* The controls a frame must have: Quick exit (and Listen, when the
 * content may speak) everywhere but on the notice Quick exit leads to; once touched Back, Topics, contrast, A+ and (with more
 * than one language) the language button; while reading a topic, previous
 * and next. */
static void frame_controls(struct frames *f, const struct draw_list *dl, enum kiosk_mode mode, bool notice,
			   bool topic)
{
	enum kiosk_action want[10];
	size_t n = 0;
	if (f->c->quick_exit >= 0 && !notice)
		want[n++] = ACTION_QUICK_EXIT;
	if (f->c->speech_output != SPEECH_OUT_NONE && !notice && mode != KIOSK_IDLE)
		want[n++] = ACTION_SPEECH; /* as a kiosk with a headset shows it */
	if (mode != KIOSK_ATTRACT && mode != KIOSK_IDLE) {
		want[n++] = ACTION_BACK;
		want[n++] = ACTION_HOME;
		want[n++] = ACTION_CONTRAST;
		want[n++] = ACTION_TEXT_SIZE;
		if (f->c->n_langs > 1)
			want[n++] = ACTION_LANGUAGE;
	}
	if (mode == KIOSK_BROWSE && topic) {
		want[n++] = ACTION_PREV;
		want[n++] = ACTION_NEXT;
	}
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < dl->n && !found; j++)
			found = dl->items[j].action == want[i];
		if (!found)
			frame_report(f, FP_MISSING, DIAG_ERROR, f->screen,
				     "there is no room for the %s button, so a visitor cannot use it; use "
				     "shorter words on the buttons (labels:) or a larger screen",
				     kiosk_action_button(want[i]));
	}
}

static bool number_char(char ch)
{
	return (ch >= '0' && ch <= '9') || ch == ' ' || ch == '-' || ch == '+' || ch == '(' || ch == ')';
}

/* A phone number in a text (a run of at least 6 digits with spaces or
 * dashes) broken between two lines of the same text: next follows line. */
static bool number_broken(const struct draw_item *line, const struct draw_item *next)
{
	if (!line->text || !next->text || next->text <= line->text)
		return false;
	const char *end = line->text + line->len;
	for (const char *p = end; p < next->text; p++)
		if (*p != ' ' && *p != '-')
			return false; /* not the next line of the same text */
	if (line->len == 0 || next->len == 0 || !(end[-1] >= '0' && end[-1] <= '9') ||
	    !(next->text[0] >= '0' && next->text[0] <= '9'))
		return false;
	int digits = 0;
	for (const char *p = end; p-- > line->text && number_char(*p);)
		digits += *p >= '0' && *p <= '9';
	for (const char *p = next->text; p < next->text + next->len && number_char(*p); p++)
		digits += *p >= '0' && *p <= '9';
	return digits >= 6;
}

/* The numbers of a screen's page: each call's and the help line's drawn
 * whole as one run; no phone number in a text broken between lines. */
static void frame_numbers(struct frames *f, const struct draw_list *dl)
{
	const struct screen *sc = &f->c->screens[f->screen];
	for (size_t i = 0; i < dl->n; i++) {
		const struct draw_item *a = &dl->items[i];
		size_t len;
		const char *t = draw_item_text(a, &len);
		if (a->role == ROLE_CALL_NUMBER || a->role == ROLE_HELP_NUMBER) {
			bool whole = false;
			for (size_t b = 0; b < sc->n_blocks && !whole; b++)
				whole = sc->blocks[b].kind == BLOCK_CALL && strlen(sc->blocks[b].call.number) == len &&
					memcmp(sc->blocks[b].call.number, t, len) == 0;
			const struct call *helps[2] = { &f->c->help, &f->c->out_of_hours.call };
			for (size_t h = 0; h < 2 && !whole; h++)
				whole = helps[h]->number && strlen(helps[h]->number) == len &&
					memcmp(helps[h]->number, t, len) == 0;
			if (!whole)
				frame_report(f, FP_NUMBER, DIAG_ERROR, f->screen,
					     "the phone number is broken into pieces (\"%.*s\" on its own)",
					     (int)utf8_prefix(t, len, 40), t);
		}
		if (a->role == ROLE_BODY)
			for (size_t j = i + 1; j < dl->n; j++)
				if (dl->items[j].role == ROLE_BODY && number_broken(a, &dl->items[j])) {
					char q[96];
					quote(a, q, sizeof q);
					frame_report(f, FP_NUMBER_WRAPPED, DIAG_WARNING, f->screen,
						     "a phone number is broken between two lines (%s ends the first); "
						     "give it a call: block of its own, where a number is never broken",
						     q);
				}
	}
}

/* The calls of each screen on one page: a visitor in a hurry may not turn
 * the page to find the number they need. Not at A+: a visitor who asked
 * for larger text gets the numbers at a size they can read, a page each
 * if need be ("Page 1 of 2" on screen and in speech), rather than all
 * together too small for them (EN 301 549 5.1.4). */
static void deck_calls_pages(struct frames *f, const struct deck *dk)
{
	if (dk->text_scale > 1.0)
		return;
	for (size_t s = 0; s < dk->n; s++) {
		const struct screen_layout *l = &dk->layouts[s];
		int first = -1, last = -1;
		for (size_t p = 0; p < l->n_pages; p++)
			for (size_t i = 0; i < l->pages[p].n_elems; i++)
				if (l->pages[p].elems[i].role == ELEM_CALL_NUMBER) {
					if (first < 0)
						first = (int)p;
					last = (int)p;
				}
		if (first == last)
			continue;
		f->screen = (int)s;
		f->page = 0;
		f->pages = 1; /* the message names the pages */
		f->when = "after a touch";
		frame_report(f, FP_CALL_PAGES, DIAG_WARNING, (int)s,
			     "its phone numbers are on different pages (%d to %d), so a visitor may not see "
			     "them all; put the calls together and early on the screen, shorten the text "
			     "around them, or move some to a screen of their own",
			     first + 1, last + 1);
	}
}

/* Every frame of one deck (a language, a text size). */
static void deck_frames(struct frames *f, const struct deck *dk, struct draw_list *dl)
{
	const struct content *c = f->c;
	struct kiosk k;
	kiosk_init(&k, c, 0);
	kiosk_set_page_counts(&k, dk->page_counts, dk->n);
	/* after a touch, Back leads to the topics, as after opening a topic */
	struct kiosk_pose pose = { .lang = f->lang, .large_text = dk->text_scale > 1.0, .history = true,
				   .speech_ready = c->speech_output != SPEECH_OUT_NONE };
	struct scene_input in = { .content = c, .kiosk = &k, .layouts = dk->layouts,
				  .measurer = &f->by_lang[f->lang], .now = 0, .by_lang = f->by_lang };
	for (size_t s = 0; s < dk->n; s++) {
		f->screen = (int)s;
		f->pages = dk->page_counts[s];
		bool neutral = (int)s == c->quick_exit;
		for (int p = 0; p < dk->page_counts[s]; p++) {
			f->page = p;
			pose.view = (struct kiosk_view){ (int)s, p };
			/* the loop (or the notice after Quick exit), at normal text
			 * only: A+ and contrast end with the visitor's reading */
			if (dk->text_scale == 1.0) {
				pose.mode = KIOSK_ATTRACT;
				pose.notice = neutral;
				kiosk_pose(&k, &pose, 0);
				f->when = neutral ? "after Quick exit" : "in the loop";
				scene_build(dl, &in);
				frame_geometry(f, dl, 0);
				frame_controls(f, dl, KIOSK_ATTRACT, neutral, false);
				frame_numbers(f, dl);
			}
			if (neutral && dk->text_scale > 1.0)
				continue;
			pose.mode = KIOSK_BROWSE;
			pose.notice = false;
			kiosk_pose(&k, &pose, 0);
			f->when = "after a touch";
			scene_build(dl, &in);
			frame_geometry(f, dl, 0);
			frame_controls(f, dl, KIOSK_BROWSE, false, !neutral);
			frame_numbers(f, dl);
		}
	}
	deck_calls_pages(f, dk);

	/* the topics, every page of them, over the first topic */
	int topics[1];
	if (kiosk_topics(&k, topics, 1) > 0)
		pose.view = (struct kiosk_view){ topics[0], 0 };
	pose.mode = KIOSK_MENU;
	pose.menu_page = 0;
	kiosk_pose(&k, &pose, 0);
	f->screen = PANEL_TOPICS;
	f->pages = scene_menu_pages(&in);
	size_t tiles = 0;
	for (int p = 0; p < f->pages; p++) {
		f->page = p;
		pose.menu_page = p;
		kiosk_pose(&k, &pose, 0);
		scene_build(dl, &in);
		frame_geometry(f, dl, 0);
		frame_controls(f, dl, KIOSK_MENU, false, false);
		for (size_t i = 0; i < dl->n; i++)
			tiles += dl->items[i].action == ACTION_OPEN;
	}
	if (tiles < kiosk_topics(&k, NULL, 0))
		frame_report(f, FP_MISSING, DIAG_ERROR, -1,
			     "%zu of the topics have no tile, so a visitor cannot open them",
			     kiosk_topics(&k, NULL, 0) - tiles);

	/* the language picker, over reading */
	f->page = 0;
	f->pages = 1;
	if (c->n_langs > 1) {
		pose.mode = KIOSK_LANGS;
		pose.under = KIOSK_BROWSE;
		kiosk_pose(&k, &pose, 0);
		f->screen = PANEL_LANGS;
		scene_build(dl, &in);
		frame_geometry(f, dl, 0);
		frame_controls(f, dl, KIOSK_LANGS, false, false);
		size_t langs = 0;
		for (size_t i = 0; i < dl->n; i++)
			langs += dl->items[i].action == ACTION_SET_LANGUAGE;
		if (langs < c->n_langs)
			frame_report(f, FP_MISSING, DIAG_ERROR, -1,
				     "%zu of the %zu languages have no tile, so a visitor cannot choose them; "
				     "use a larger screen or fewer languages",
				     c->n_langs - langs, c->n_langs);
	}

	/* the idle notice over reading the first topic: only what is drawn
	 * over the blanked page counts */
	pose.mode = KIOSK_IDLE;
	pose.under = KIOSK_BROWSE;
	kiosk_pose(&k, &pose, 0);
	f->screen = k.view.screen;
	f->when = "on the \"Are you still there?\" notice";
	scene_build(dl, &in);
	size_t from = 0;
	for (size_t i = 0; i < dl->n; i++)
		if (dl->items[i].role == ROLE_SHADE)
			from = i + 1;
	frame_geometry(f, dl, from);
	kiosk_free(&k);
}

size_t deck_check_frames(const struct measurer *by_lang, const struct content *c, int w, int h,
			 struct diag_list *diags)
{
	struct deck_set set;
	deck_set_init(&set, by_lang, c, w, h);
	size_t errors = deck_set_check_frames(&set, diags);
	deck_set_free(&set);
	return errors;
}

size_t deck_set_check_frames(struct deck_set *set, struct diag_list *diags)
{
	const struct content *c = set->c;
	struct frames f = { .c = c, .by_lang = set->by_lang, .w = set->w, .h = set->h, .d = diags };
	f.reported = xcalloc((size_t)FP_COUNT * (c->n_screens + 2), sizeof *f.reported);
	struct draw_list dl = { 0 };
	static const enum deck_kind kinds[] = { DECK_NORMAL, DECK_LARGE };
	for (size_t lang = 0; lang < c->n_langs; lang++)
		for (size_t i = 0; i < 2; i++) {
			const struct deck *dk = deck_set_get(set, lang, kinds[i]);
			f.lang = lang;
			f.scale = dk->text_scale;
			deck_frames(&f, dk, &dl);
		}
	draw_list_free(&dl);
	free(f.reported);
	return f.errors;
}
