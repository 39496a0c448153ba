/* deck.h — every screen of a content laid out for one size, language and
 * text scale: what the scene draws from, rebuilt only when one of those
 * changes (never per frame). Also the checks behind `--check` that look at
 * laid-out screens (fit, QR, frames), and the set of decks they share. */
#ifndef SIGNPOST_DECK_H
#define SIGNPOST_DECK_H

#include "content.h"
#include "diag.h"
#include "layout.h"

struct deck {
	const struct content *content;
	struct screen_layout *layouts; /* one per screen */
	int *page_counts;              /* one per screen */
	size_t n;
	int w, h;
	size_t lang;
	double text_scale;
	bool out_of_hours; /* laid out with the out-of-hours banner */
	/* deck_build_first(): only screen `first` is laid out until
	 * deck_finish(); the others' layouts are empty, their counts 0 */
	bool partial;
	size_t first;
	struct layout_spec spec;
};

/* Lays out every screen of c for spec (layout_screen()), measuring with m.
 * Free with deck_free(). */
void deck_build(struct deck *d, const struct measurer *m, const struct content *c, struct layout_spec spec);

/* deck_build() in two halves, so a first frame waits for one screen's
 * layout, not all of them: screen `first` now, the rest in deck_finish()
 * (with the same m), after that frame is shown. Until then only
 * d->layouts[first] may be read. Each screen's layout is the same either
 * way: no screen's layout depends on another's. */
void deck_build_first(struct deck *d, const struct measurer *m, const struct content *c,
		      struct layout_spec spec, size_t first);
void deck_finish(struct deck *d, const struct measurer *m);
void deck_free(struct deck *d);

/* Every deck the complete check looks at, for one content at one output:
 * per language, every screen at normal text, at A+ text, and at normal
 * text with the out-of-hours banner; each laid out once, on first use,
 * and shared by the fit, frame, QR, touch-target and text-size checks
 * (they used to lay every language out again each). */
enum deck_kind { DECK_NORMAL, DECK_LARGE, DECK_CLOSED, DECK_KINDS_ };
struct deck_set {
	const struct measurer *by_lang; /* by_lang[i] measures language i */
	const struct content *c;
	int w, h;
	struct deck *decks[CONTENT_MAX_LANGS][DECK_KINDS_]; /* NULL until asked for */
};

/* An empty set for c at w x h (nothing is laid out yet); free with
 * deck_set_free(). by_lang and c must outlive it. */
void deck_set_init(struct deck_set *s, const struct measurer *by_lang, const struct content *c, int w, int h);

/* The deck of language lang of that kind, laid out now if it was not yet;
 * owned by the set. */
const struct deck *deck_set_get(struct deck_set *s, size_t lang, enum deck_kind kind);
void deck_set_free(struct deck_set *s);

/* The checks below, on a set's decks (what check.c runs, once each). */
void deck_set_check_fit(struct deck_set *s, struct diag_list *diags);
size_t deck_set_check_qr(struct deck_set *s, struct diag_list *diags);
size_t deck_set_check_frames(struct deck_set *s, struct diag_list *diags);

/* Lays out every screen in every language at w x h (by_lang[i] measures
 * language i) and adds a warning (at the screen's id) for each that had to
 * shrink or be split into pages. */
void deck_check_fit(const struct measurer *by_lang, const struct content *c, int w, int h,
		    struct diag_list *diags);

/* Lays out every screen that has a QR code at w x h and adds an error (at
 * the QR block's data) for each code whose modules come out smaller than
 * QR_MIN_MODULE_PX pixels, or QR_MIN_MODULE_MM millimetres when the
 * panel's diagonal is known: too much data to scan at that size. Returns
 * the number of errors added. */
size_t deck_check_qr(const struct measurer *m, const struct content *c, int w, int h,
		     struct diag_list *diags);

/* Draws, as data, every frame a visitor can meet at w x h (the picture the
 * kiosk draws, already turned by the rotation): each page of each screen in
 * the loop and after a touch, every page of the topics, the language picker
 * and the idle notice, in every language (by_lang[i] measures language i),
 * at normal and large (A+) text. Errors, at the screen's place in the file,
 * for what takes a control from a visitor: a control missing, off the
 * screen or on another, a topic or language without its tile, a tile over
 * the support line, a call's number in pieces. Warnings for text the
 * layout failed to place: under a control, off the screen, on other text,
 * out of its button or call box, into the support line's band; for a phone
 * number in a text broken between lines; and for the calls of one screen
 * on different pages. (Warnings, not errors: refusing the content would
 * leave the screen with none, and staff can only shorten the text.) Each
 * problem once per screen. Returns the number of errors added. */
size_t deck_check_frames(const struct measurer *by_lang, const struct content *c, int w, int h,
			 struct diag_list *diags);

#endif
