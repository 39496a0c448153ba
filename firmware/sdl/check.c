/* check.c — the complete check; see check.h. */
#include "check.h"

#include "a11y.h"
#include "deck.h"
#include "fontcheck.h"
#include "speech_synth.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void check_picture_size(const struct content *c, int w, int h, int *lw, int *lh)
{
	bool turned = c->rotation % 180 != 0;
	*lw = turned ? h : w;
	*lh = turned ? w : h;
}

/* The largest and smallest box each picture is drawn in, over the decks. */
struct boxes {
	int max_w, max_h, min_w, min_h;
};

static void picture_boxes(const struct deck *dk, struct boxes *b)
{
	for (size_t s = 0; s < dk->n; s++)
		for (size_t p = 0; p < dk->layouts[s].n_pages; p++) {
			const struct page *pg = &dk->layouts[s].pages[p];
			for (size_t i = 0; i < pg->n_elems; i++) {
				const struct elem *e = &pg->elems[i];
				if (!e->pic)
					continue;
				struct boxes *x = &b[e->pic->index];
				if (e->w * e->h > x->max_w * x->max_h)
					x->max_w = e->w, x->max_h = e->h;
				if (x->min_w == 0 || e->w * e->h < x->min_w * x->min_h)
					x->min_w = e->w, x->min_h = e->h;
			}
		}
}

/* Each picture decoded as the kiosk will draw it, here, apart from the
 * screen (the check runs in a child): a file that does not decode is an
 * error at its name; one drawn larger than its pixels, a warning. */
static void check_pictures(struct deck_set *set, const struct content *c, const struct pictures *pics,
			   struct diag_list *d)
{
	if (!pics || c->n_pictures == 0)
		return;
	struct boxes *b = calloc(c->n_pictures, sizeof *b);
	if (!b)
		abort();
	for (size_t l = 0; l < c->n_langs; l++)
		for (int k = 0; k < DECK_KINDS_; k++)
			if (k != DECK_CLOSED || c->out_of_hours.given)
				picture_boxes(deck_set_get(set, l, (enum deck_kind)k), b);
	for (size_t i = 0; i < c->n_pictures; i++) {
		const struct picture *p = c->pictures[i];
		if (b[i].max_w == 0)
			continue; /* not drawn (the logo of a kiosk whose only screen is Quick exit) */
		int sizes[2][2] = { { b[i].max_w, b[i].max_h }, { b[i].min_w, b[i].min_h } };
		for (int k = 0; k < 2; k++) {
			char err[400] = "";
			SDL_Surface *s = pictures_decode(pics, i, sizes[k][0], sizes[k][1], err, sizeof err);
			if (!s) {
				diag_add(d, DIAG_ERROR, p->file_at.line, p->file_at.col, "the picture '%s': %s",
					 p->file ? p->file : "(pictogram)", err);
				break;
			}
			SDL_FreeSurface(s);
			if (sizes[1][0] == sizes[0][0] && sizes[1][1] == sizes[0][1])
				break;
		}
		/* a quarter larger than its pixels looks soft; past that, blurred */
		if (p->file && b[i].max_w * 4 > p->w * 5)
			diag_add(d, DIAG_WARNING, p->file_at.line, p->file_at.col,
				 "the picture '%s' is %d x %d pixels but is shown up to %d x %d on this screen, so "
				 "it will look blurred; use one at least %d pixels wide",
				 p->file, p->w, p->h, b[i].max_w, b[i].max_h, b[i].max_w);
	}
	free(b);
}

bool check_complete(struct text *t, const struct content *c, const struct pictures *pics, const char *src,
		    size_t len, int w, int h, bool all, struct diag_list *d)
{
	size_t errors = diag_count(d, DIAG_ERROR);
	if (t->fell_back)
		diag_add(d, DIAG_WARNING, 0, 0,
			 "%s; '%s' is used instead (install the font, or change theme: font)", t->why,
			 TEXT_FALLBACK_FAMILY);
	char problem[1600];
	if (!text_set_langs(t, c, problem, sizeof problem)) {
		size_t l = 0;
		while (l < c->n_langs && !(c->theme.lang_font[l] && strstr(problem, c->theme.lang_font[l])))
			l++;
		struct mark at = l < c->n_langs ? c->theme.at_lang_font[l] : (struct mark){ 0, 0 };
		diag_add(d, DIAG_ERROR, at.line, at.col,
			 "%s; install it (fonts-noto-core has the Noto fonts) or name an installed one "
			 "(fc-list : family lists them)",
			 problem);
	}
	/* no Quick exit screen: an error of the loader, unless staff wrote
	 * quick_exit: none, which is their choice and not warned about */
	struct measurer by_lang[CONTENT_MAX_LANGS];
	text_measurers(t, by_lang);
	fontcheck(t, c, src, len, d);
	speech_check_voices(c, d);
	if (!all && diag_count(d, DIAG_ERROR) > errors)
		return false; /* refused already: no layout for content never shown */
	/* each (language, text size, banner) laid out once, for every check */
	struct deck_set set;
	deck_set_init(&set, by_lang, c, w, h);
	deck_set_check_fit(&set, d);
	deck_set_check_frames(&set, d); /* what the kiosk draws: controls, text, numbers */
	deck_set_check_qr(&set, d); /* a code nobody can scan is an error */
	a11y_check_set(&set, d);
	check_pictures(&set, c, pics, d);
	deck_set_free(&set);
	return diag_count(d, DIAG_ERROR) == errors;
}
