/* trace.c — --trace's lines; see trace.h. */
#include "trace.h"

#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void trace_state(struct trace *t, const struct content *c, const struct kiosk *k, const char *why,
		 uint64_t now)
{
	if (!t->on)
		return;
	const char *id = c->screens[k->view.screen].id;
	if (t->mode == k->mode && strcmp(t->screen, id) == 0 && t->page == k->view.page &&
	    t->lang == k->lang && t->scale == k->text_scale && strcmp(why, "start") != 0)
		return;
	t->mode = k->mode;
	snprintf(t->screen, sizeof t->screen, "%s", id);
	t->page = k->view.page;
	t->lang = k->lang;
	t->scale = k->text_scale;
	fprintf(stderr, "trace: %s mode=%s screen=%s page=%d lang=%s scale=%.1f t=%.3f\n", why,
		kiosk_mode_name(k->mode), id, k->view.page + 1, c->langs[k->lang], k->text_scale,
		(double)now / 1000.0);
}

void trace_buttons(struct trace *t, const struct draw_list *l)
{
	if (!t->on)
		return;
	if (t->n_hits == l->n_hits && (!l->n_hits || memcmp(t->hits, l->hits, l->n_hits * sizeof *t->hits) == 0))
		return;
	for (size_t i = 0; i < l->n_hits; i++) {
		const struct hit *h = &l->hits[i];
		fprintf(stderr, "trace: button %s %d %d %d %d arg=%d\n", kiosk_action_name(h->action),
			h->x + h->w / 2, h->y + h->h / 2, h->w, h->h, h->arg);
	}
	fprintf(stderr, "trace: buttons end\n");
	t->hits = xrealloc(t->hits, (l->n_hits ? l->n_hits : 1) * sizeof *t->hits);
	memcpy(t->hits, l->hits, l->n_hits * sizeof *t->hits);
	t->n_hits = l->n_hits;
}

void trace_free(struct trace *t)
{
	free(t->hits);
	t->hits = NULL;
	t->n_hits = 0;
}
