/* deck.h — every screen of a content laid out for one size, language and
 * text scale: what the scene draws from, rebuilt only when one of those
 * changes (never per frame). Also the fit check behind `--check`. */
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
};

/* Lays out every screen of c. Free with deck_free(). */
void deck_build(struct deck *d, const struct measurer *m, const struct content *c, int w, int h,
		size_t lang, double text_scale);
void deck_free(struct deck *d);

/* Lays out every screen in every language at w x h (by_lang[i] measures
 * language i) and adds a warning (at the screen's id) for each that had to
 * shrink or be split into pages. */
void deck_check_fit(const struct measurer *by_lang, const struct content *c, int w, int h,
		    struct diag_list *diags);

#endif
