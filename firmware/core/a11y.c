/* a11y.c — accessibility checks; see a11y.h. */
#include "a11y.h"

#include "deck.h"
#include "kiosk.h"
#include "scene.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define A11Y_PI 3.14159265358979323846

double a11y_visual_angle(double size_mm, double distance_mm)
{
	return 2.0 * atan(size_mm / (2.0 * distance_mm)) * 180.0 / A11Y_PI;
}

/* ---- contrast --------------------------------------------------------------- */

static void hex(uint32_t rgb, char out[8])
{
	snprintf(out, 8, "#%06X", (unsigned)(rgb & 0xFFFFFF));
}

/* A colour as a message names it, with the place staff set it. */
struct named_colour {
	const char *name; /* "accent", "the footer band" */
	uint32_t rgb;
	struct mark at;
};

/* The contrast a pair needs, and the rule that says so. */
struct contrast_need {
	double ratio;
	const char *rule; /* "that text needs (WCAG 1.4.3)" */
};

/* One pair: fg drawn on bg (what, in theme) needs at least need. The error
 * points at the colour the staff set (fg's place, else bg's). */
static void pair(struct diag_list *d, const char *theme, const char *what, struct named_colour fg,
		 struct named_colour bg, struct contrast_need need)
{
	double ratio = colour_contrast(fg.rgb, bg.rgb);
	if (ratio + 1e-9 >= need.ratio)
		return;
	char a[8], b[8];
	hex(fg.rgb, a);
	hex(bg.rgb, b);
	struct mark at = fg.at.line ? fg.at : bg.at;
	diag_add(d, DIAG_ERROR, at.line, at.col,
		 "%s: %s, %s \"%s\" on %s \"%s\", has a contrast of %.2f:1, below the %.1f:1 %s; make one "
		 "of the two darker or lighter (a contrast checker shows the ratio as you try colours)",
		 theme, what, fg.name, a, bg.name, b, floor(ratio * 100) / 100, need.ratio, need.rule);
}

static void check_colours(struct diag_list *d, const char *theme, const struct colours *t, bool high)
{
	struct contrast_need text = { high ? 7.0 : 4.5, high ? "that high contrast needs (WCAG 1.4.6)"
							     : "that text needs (WCAG 1.4.3)" };
	struct contrast_need large = { high ? 4.5 : 3.0,
				       high ? "that high contrast needs for large text (WCAG 1.4.6)"
					    : "that large text and marks need (WCAG 1.4.3, 1.4.11)" };
	/* what the scene derives: the band and the ink on the accent */
	uint32_t band = colour_mix(t->background, t->text, 0.08);
	uint32_t on_accent = colour_contrast(t->accent, t->background) >= colour_contrast(t->accent, t->text)
				     ? t->background
				     : t->text;
	uint32_t muted = high ? t->text : colour_mix(t->text, t->background, 0.22);
	struct named_colour ink = { "text", t->text, t->at_text };
	struct named_colour bg = { "background", t->background, t->at_background };
	struct named_colour accent = { "accent", t->accent, t->at_accent };
	struct named_colour footer = { "the footer band", band, t->at_background };
	pair(d, theme, "the body text", ink, bg, text);
	if (colour_contrast(t->text, t->background) >= text.ratio)
		pair(d, theme, "the hints and labels (text softened toward the background)",
		     (struct named_colour){ "that text", muted, t->at_text }, footer, text);
	pair(d, theme, "the support number in the footer", accent, footer, large);
	pair(d, theme, "the words in a call box (drawn on the accent)",
	     (struct named_colour){ on_accent == t->text ? "text" : "background", on_accent, t->at_accent },
	     accent, text);
	pair(d, theme, "step numbers and bullets", accent, bg, large);
}

/* ---- touch targets ---------------------------------------------------------- */

struct targets {
	const struct content *c;
	int w, h;
	double px_per_mm;
	bool reported[ACTION_COUNT_];
	struct diag_list *d;
};

static void check_hits(struct targets *tg, const struct draw_list *dl, const char *mode)
{
	for (size_t i = 0; i < dl->n_hits; i++) {
		const struct hit *h = &dl->hits[i];
		if (tg->reported[h->action])
			continue;
		double side = (h->w < h->h ? h->w : h->h) / tg->px_per_mm;
		if (side + 1e-9 < A11Y_MIN_TARGET_MM) {
			tg->reported[h->action] = true;
			diag_add(tg->d, DIAG_ERROR, 0, 0,
				 "on a %dx%d screen of %.1f inches, %s (%s) is %.1f mm across, smaller than the "
				 "%.0f mm a finger needs; use a larger screen, or set display.diagonal_inches "
				 "to the screen's real size",
				 tg->w, tg->h, tg->c->diagonal_inches > 0 ? tg->c->diagonal_inches : 10.1,
				 kiosk_action_target(h->action), mode, side, A11Y_MIN_TARGET_MM);
		} else if (h->x < 0 || h->y < 0 || h->x + h->w > tg->w || h->y + h->h > tg->h) {
			tg->reported[h->action] = true;
			diag_add(tg->d, DIAG_ERROR, 0, 0,
				 "on a %dx%d screen, %s (%s) does not fit on the screen; use a larger screen or "
				 "shorter labels",
				 tg->w, tg->h, kiosk_action_target(h->action), mode);
		}
	}
}

static void check_targets(struct deck_set *set, struct diag_list *d)
{
	const struct content *c = set->c;
	const struct measurer *by_lang = set->by_lang;
	int w = set->w, h = set->h;
	struct targets tg = { .c = c, .w = w, .h = h, .d = d };
	tg.px_per_mm = layout_metrics(w, h, 1.0, c->diagonal_inches).px_per_mm;
	static const enum deck_kind kinds[] = { DECK_NORMAL, DECK_LARGE };
	struct draw_list dl = { 0 };
	for (size_t lang = 0; lang < c->n_langs; lang++) {
		for (size_t si = 0; si < 2; si++) {
			const struct deck *dk = deck_set_get(set, lang, kinds[si]);
			struct kiosk k;
			kiosk_init(&k, c, 0);
			kiosk_set_page_counts(&k, dk->page_counts, dk->n);
			/* over the first topic, opened from the topics (Back leads
			 * there); the picker and the notice over reading it */
			struct kiosk_pose pose = { .lang = lang, .large_text = kinds[si] == DECK_LARGE,
						   .history = true, .under = KIOSK_BROWSE,
						   .speech_ready = c->speech_output != SPEECH_OUT_NONE };
			int topics[1];
			if (kiosk_topics(&k, topics, 1) > 0)
				pose.view = (struct kiosk_view){ topics[0], 0 };
			static const enum kiosk_mode modes[] = { KIOSK_ATTRACT, KIOSK_BROWSE, KIOSK_MENU,
								 KIOSK_LANGS, KIOSK_IDLE };
			for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
				if (modes[m] == KIOSK_LANGS && c->n_langs < 2)
					continue;
				pose.mode = modes[m];
				kiosk_pose(&k, &pose, 0);
				struct scene_input in = { .content = c, .kiosk = &k, .layouts = dk->layouts,
							  .measurer = &by_lang[lang], .now = 0, .by_lang = by_lang };
				scene_build(&dl, &in);
				check_hits(&tg, &dl, kiosk_mode_where(modes[m]));
			}
			kiosk_free(&k);
		}
	}
	draw_list_free(&dl);
}

/* ---- text size -------------------------------------------------------------- */

static void check_text_size(struct deck_set *set, struct diag_list *d)
{
	const struct content *c = set->c;
	const struct measurer *by_lang = set->by_lang;
	int w = set->w, h = set->h;
	double distance_cm = c->viewing_distance_cm > 0 ? c->viewing_distance_cm : A11Y_DEFAULT_DISTANCE_CM;
	struct metrics mt = layout_metrics(w, h, 1.0, c->diagonal_inches);
	double smallest = 1e9;
	int at_screen = -1;
	size_t at_lang = 0;
	for (size_t lang = 0; lang < c->n_langs; lang++) {
		const struct measurer *m = &by_lang[lang];
		for (size_t s = 0; s < c->n_screens; s++) {
			const struct screen_layout l = deck_set_get(set, lang, DECK_NORMAL)->layouts[s];
			int body_px = (int)lround(mt.u * 5.0 * l.shrink);
			int cap = m->cap_height ? m->cap_height(m->ctx, FONT_REGULAR, body_px)
						: (int)lround(body_px * 0.72);
			double deg = a11y_visual_angle(cap / mt.px_per_mm, distance_cm * 10.0);
			if (deg < smallest) {
				smallest = deg;
				at_screen = (int)s;
				at_lang = lang;
			}
		}
	}
	if (at_screen < 0 || smallest + 1e-9 >= A11Y_MIN_CAP_DEGREES)
		return;
	const struct screen *sc = &c->screens[at_screen];
	double need_mm = 2.0 * distance_cm * 10.0 * tan(A11Y_MIN_CAP_DEGREES / 2.0 * A11Y_PI / 180.0);
	diag_add(d, DIAG_WARNING, sc->at.line, sc->at.col,
		 "on a %dx%d screen of %.1f inches seen from %.0f cm, the body text of screen '%s' (%s) has "
		 "capitals %.2f degrees high; EN 301 549 (5.1.4) asks for %.1f degrees (%.1f mm): use a "
		 "larger screen, fewer words per screen%s, or set display.diagonal_inches and "
		 "display.viewing_distance_cm to the real ones",
		 w, h, c->diagonal_inches > 0 ? c->diagonal_inches : 10.1, distance_cm, sc->id,
		 c->langs[at_lang], smallest, A11Y_MIN_CAP_DEGREES, need_mm,
		 " (visitors can also press A+)");
}

/* The small text in call boxes (the hours line under a service's name) is
 * drawn smaller than the body text, so a panel can give readable body text
 * and still unreadable hours. Measured as the kiosk shows it (normal text
 * size, after any shrinking to fit); one warning, at the smallest, with the
 * number of other call boxes that are too small as well. */
static void check_call_text(struct deck_set *set, struct diag_list *d)
{
	const struct content *c = set->c;
	const struct measurer *by_lang = set->by_lang;
	int w = set->w, h = set->h;
	double distance_cm = c->viewing_distance_cm > 0 ? c->viewing_distance_cm : A11Y_DEFAULT_DISTANCE_CM;
	double px_per_mm = layout_metrics(w, h, 1.0, c->diagonal_inches).px_per_mm;
	double smallest = 1e9, smallest_mm = 0;
	const struct screen *at_screen = NULL;
	const struct call *at_call = NULL;
	size_t at_lang = 0, too_small = 0;
	for (size_t lang = 0; lang < c->n_langs; lang++) {
		const struct measurer *m = &by_lang[lang];
		for (size_t s = 0; s < c->n_screens; s++) {
			const struct screen *sc = &c->screens[s];
			const struct screen_layout l = deck_set_get(set, lang, DECK_NORMAL)->layouts[s];
			/* each call block once: its smallest line */
			for (size_t b = 0; b < sc->n_blocks; b++) {
				if (sc->blocks[b].kind != BLOCK_CALL)
					continue;
				int px = 0;
				for (size_t p = 0; p < l.n_pages; p++)
					for (size_t i = 0; i < l.pages[p].n_elems; i++) {
						const struct elem *e = &l.pages[p].elems[i];
						if (e->block == (int)b && e->role == ELEM_CALL_HOURS &&
						    (px == 0 || e->px < px))
							px = e->px;
					}
				if (px == 0)
					continue; /* no hours line */
				int cap = m->cap_height ? m->cap_height(m->ctx, FONT_REGULAR, px)
							: (int)lround(px * 0.72);
				double mm = cap / px_per_mm;
				double deg = a11y_visual_angle(mm, distance_cm * 10.0);
				if (deg + 1e-9 >= A11Y_MIN_CAP_DEGREES)
					continue;
				too_small++;
				if (deg < smallest) {
					smallest = deg;
					smallest_mm = mm;
					at_screen = sc;
					at_call = &sc->blocks[b].call;
					at_lang = lang;
				}
			}
		}
	}
	if (!at_call)
		return;
	double need_mm = 2.0 * distance_cm * 10.0 * tan(A11Y_MIN_CAP_DEGREES / 2.0 * A11Y_PI / 180.0);
	struct mark at = at_call->hours.at[at_lang];
	char others[96] = "";
	if (too_small > 1)
		snprintf(others, sizeof others, " (and in %zu other call box%s)", too_small - 1,
			 too_small - 1 == 1 ? "" : "es");
	diag_add(d, DIAG_WARNING, at.line, at.col,
		 "on a %dx%d screen of %.1f inches seen from %.0f cm, the small text in the call box '%s' "
		 "of screen '%s' (%s) has capitals %.1f mm (%.2f degrees) high%s; EN 301 549 (5.1.4) asks "
		 "for %.1f degrees (%.1f mm): keep a call's hours to a few words and put what a visitor "
		 "must read in a text: block, which is larger; shorten the screen if its text is shrunk; "
		 "use a larger screen; or set display.diagonal_inches and display.viewing_distance_cm to "
		 "the real ones (visitors can also press A+)",
		 w, h, c->diagonal_inches > 0 ? c->diagonal_inches : 10.1, distance_cm,
		 at_call->name.by_lang[at_lang], at_screen->id, c->langs[at_lang], smallest_mm, smallest,
		 others, A11Y_MIN_CAP_DEGREES, need_mm);
}

/* A+ is for the visitors who need larger text: with it, the body text and
 * the call boxes' small text must reach 0.7 degrees (EN 301 549 5.1.4
 * asks that a visitor can get there). Measured as the A+ decks are laid
 * out (after any giving up of size for a list item or a call box taller
 * than a page);
 * one warning each, at the smallest, with how many others are short. */
static void check_large_text(struct deck_set *set, struct diag_list *d)
{
	const struct content *c = set->c;
	double distance_cm = c->viewing_distance_cm > 0 ? c->viewing_distance_cm : A11Y_DEFAULT_DISTANCE_CM;
	double px_per_mm = layout_metrics(set->w, set->h, 1.0, c->diagonal_inches).px_per_mm;
	struct {
		double deg, mm;
		int screen;
		size_t lang, short_ones;
		const struct call *call;
	} worst[2] = { { 1e9, 0, -1, 0, 0, NULL }, { 1e9, 0, -1, 0, 0, NULL } }; /* body, call */
	for (size_t lang = 0; lang < c->n_langs; lang++) {
		const struct measurer *m = &set->by_lang[lang];
		const struct deck *dk = deck_set_get(set, lang, DECK_LARGE);
		for (size_t s = 0; s < c->n_screens; s++) {
			const struct screen_layout *l = &dk->layouts[s];
			int px[2] = { 0, 0 };
			int block = -1;
			for (size_t p = 0; p < l->n_pages; p++)
				for (size_t i = 0; i < l->pages[p].n_elems; i++) {
					const struct elem *e = &l->pages[p].elems[i];
					int k = e->role == ELEM_BODY ? 0 : e->role == ELEM_CALL_HOURS ? 1 : -1;
					if (k < 0 || e->px <= 0 || (px[k] && e->px >= px[k]))
						continue;
					px[k] = e->px;
					if (k == 1)
						block = e->block;
				}
			for (int k = 0; k < 2; k++) {
				if (!px[k])
					continue;
				int cap = m->cap_height ? m->cap_height(m->ctx, FONT_REGULAR, px[k])
							: (int)lround(px[k] * 0.72);
				double mm = cap / px_per_mm, deg = a11y_visual_angle(mm, distance_cm * 10.0);
				if (deg + 1e-9 >= A11Y_MIN_CAP_DEGREES)
					continue;
				worst[k].short_ones++;
				if (deg < worst[k].deg) {
					worst[k].deg = deg;
					worst[k].mm = mm;
					worst[k].screen = (int)s;
					worst[k].lang = lang;
					worst[k].call = k == 1 && block >= 0 ? &c->screens[s].blocks[block].call : NULL;
				}
			}
		}
	}
	double need_mm = 2.0 * distance_cm * 10.0 * tan(A11Y_MIN_CAP_DEGREES / 2.0 * A11Y_PI / 180.0);
	for (int k = 0; k < 2; k++) {
		if (worst[k].screen < 0)
			continue;
		const struct screen *sc = &c->screens[worst[k].screen];
		struct mark at = k == 1 && worst[k].call ? worst[k].call->hours.at[worst[k].lang] : sc->at;
		char what[200], others[96] = "";
		if (k == 0)
			snprintf(what, sizeof what, "the body text of screen '%s' (%s)", sc->id, c->langs[worst[k].lang]);
		else
			snprintf(what, sizeof what, "the small text in the call box '%s' of screen '%s' (%s)",
				 worst[k].call ? worst[k].call->name.by_lang[worst[k].lang] : "?", sc->id,
				 c->langs[worst[k].lang]);
		if (worst[k].short_ones > 1)
			snprintf(others, sizeof others, " (and on %zu other screen%s)", worst[k].short_ones - 1,
				 worst[k].short_ones - 1 == 1 ? "" : "s");
		diag_add(d, DIAG_WARNING, at.line, at.col,
			 "on a %dx%d screen of %.1f inches seen from %.0f cm, %s has capitals %.1f mm (%.2f "
			 "degrees) high even with A+ (larger text)%s; EN 301 549 (5.1.4) asks that a visitor can "
			 "make it %.1f degrees (%.1f mm): A+ gives up size only where a list item or a call box "
			 "is taller than a page, so shorten the longest item or the call's hours (what a visitor "
			 "must read can go in a text: block), use a larger screen, or set display.diagonal_inches "
			 "and display.viewing_distance_cm to the real ones",
			 set->w, set->h, c->diagonal_inches > 0 ? c->diagonal_inches : 10.1, distance_cm, what,
			 worst[k].mm, worst[k].deg, others, A11Y_MIN_CAP_DEGREES, need_mm);
	}
}

void a11y_check(const struct content *c, const struct measurer *by_lang, int w, int h,
		struct diag_list *d)
{
	struct deck_set set;
	deck_set_init(&set, by_lang, c, w, h);
	a11y_check_set(&set, d);
	deck_set_free(&set);
}

void a11y_check_set(struct deck_set *set, struct diag_list *d)
{
	const struct content *c = set->c;
	struct colours normal = { c->theme.background, c->theme.text, c->theme.accent,
				  c->theme.at_background, c->theme.at_text, c->theme.at_accent };
	check_colours(d, "theme", &normal, false);
	check_colours(d, "theme.high_contrast", &c->theme.high_contrast, true);
	check_targets(set, d);
	check_text_size(set, d);
	check_call_text(set, d);
	check_large_text(set, d);
}
