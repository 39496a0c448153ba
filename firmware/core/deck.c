/* deck.c — all screens laid out at once; see deck.h. */
#include "deck.h"

#include "arena.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void deck_build(struct deck *d, const struct measurer *m, const struct content *c, int w, int h,
		size_t lang, double text_scale)
{
	memset(d, 0, sizeof *d);
	d->content = c;
	d->n = c->n_screens;
	d->w = w;
	d->h = h;
	d->lang = lang;
	d->text_scale = text_scale;
	d->layouts = xcalloc(d->n ? d->n : 1, sizeof *d->layouts);
	d->page_counts = xcalloc(d->n ? d->n : 1, sizeof *d->page_counts);
	for (size_t i = 0; i < d->n; i++) {
		layout_screen(&d->layouts[i], m, c, i, lang, w, h, text_scale);
		d->page_counts[i] = (int)d->layouts[i].n_pages;
	}
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

void deck_check_fit(const struct measurer *by_lang, const struct content *c, int w, int h,
		    struct diag_list *diags)
{
	for (size_t lang = 0; lang < c->n_langs; lang++) {
		for (size_t s = 0; s < c->n_screens; s++) {
			const struct screen *sc = &c->screens[s];
			struct screen_layout l;
			layout_screen(&l, &by_lang[lang], c, s, lang, w, h, 1.0);
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
			layout_free(&l);
		}
	}
}
