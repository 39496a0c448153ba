/* check.c — the complete check; see check.h. */
#include "check.h"

#include "a11y.h"
#include "deck.h"
#include "fontcheck.h"

#include <stdio.h>
#include <string.h>

void check_picture_size(const struct content *c, int w, int h, int *lw, int *lh)
{
	bool turned = c->rotation % 180 != 0;
	*lw = turned ? h : w;
	*lh = turned ? w : h;
}

bool check_complete(struct text *t, const struct content *c, const char *src, size_t len, int w,
		    int h, bool all, struct diag_list *d)
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
	if (!all && diag_count(d, DIAG_ERROR) > errors)
		return false; /* refused already: no layout for content never shown */
	/* each (language, text size, banner) laid out once, for every check */
	struct deck_set set;
	deck_set_init(&set, by_lang, c, w, h);
	deck_set_check_fit(&set, d);
	deck_set_check_frames(&set, d); /* what the kiosk draws: controls, text, numbers */
	deck_set_check_qr(&set, d); /* a code nobody can scan is an error */
	a11y_check_set(&set, d);
	deck_set_free(&set);
	return diag_count(d, DIAG_ERROR) == errors;
}
