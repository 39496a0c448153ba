/* deck.c — all screens laid out at once; see deck.h. */
#include "deck.h"

#include "arena.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

void deck_build(struct deck *d, const struct measurer *m, const struct content *c, int w, int h,
		size_t lang, double text_scale)
{
	deck_build_hours(d, m, c, w, h, lang, text_scale, false);
}

void deck_build_hours(struct deck *d, const struct measurer *m, const struct content *c, int w, int h,
		      size_t lang, double text_scale, bool out_of_hours)
{
	memset(d, 0, sizeof *d);
	d->content = c;
	d->n = c->n_screens;
	d->w = w;
	d->h = h;
	d->lang = lang;
	d->text_scale = text_scale;
	d->out_of_hours = out_of_hours;
	d->layouts = xcalloc(d->n ? d->n : 1, sizeof *d->layouts);
	d->page_counts = xcalloc(d->n ? d->n : 1, sizeof *d->page_counts);
	for (size_t i = 0; i < d->n; i++) {
		layout_screen_hours(&d->layouts[i], m, c, i, lang, w, h, text_scale, out_of_hours);
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
	bool banner = c->out_of_hours.given && c->hours.given;
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
			/* the out-of-hours banner takes more room than the help line,
			 * or room where there was none: say so when that hurts */
			struct screen_layout closed;
			if (banner && (int)s != c->quick_exit) {
				layout_screen_hours(&closed, &by_lang[lang], c, s, lang, w, h, 1.0, true);
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
				layout_free(&closed);
			}
			layout_free(&l);
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
	/* a code's module size depends on the screen alone, not on language,
	 * text or banner: one layout per screen that has a code is enough */
	size_t errors = 0;
	for (size_t s = 0; s < c->n_screens; s++) {
		const struct screen *sc = &c->screens[s];
		bool any = false;
		for (size_t b = 0; b < sc->n_blocks; b++)
			any |= sc->blocks[b].kind == BLOCK_QR;
		if (!any)
			continue;
		bool *reported = xcalloc(sc->n_blocks, sizeof *reported);
		struct screen_layout l;
		layout_screen(&l, m, c, s, 0, w, h, 1.0);
		errors += check_layout_qr(&l, c, sc, reported, diags);
		layout_free(&l);
		free(reported);
	}
	return errors;
}
