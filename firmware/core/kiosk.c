/* kiosk.c — the attract loop and (later) touch navigation; see kiosk.h. */
#include "kiosk.h"

#include "arena.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void kiosk_init(struct kiosk *k, const struct content *c, uint64_t now)
{
	memset(k, 0, sizeof *k);
	k->content = c;
	k->mode = KIOSK_ATTRACT;
	k->text_scale = 1.0;
	for (size_t i = 0; i < c->n_screens && k->n_loop < KIOSK_MAX_LOOP; i++)
		if (c->screens[i].loop)
			k->loop[k->n_loop++] = (int)i;
	k->page_count = xcalloc(c->n_screens ? c->n_screens : 1, sizeof *k->page_count);
	for (size_t i = 0; i < c->n_screens; i++)
		k->page_count[i] = 1;
	/* With nothing marked for the loop, the first screen stands still. */
	k->view.screen = k->n_loop ? k->loop[0] : 0;
	k->shown_at = now;
}

void kiosk_free(struct kiosk *k)
{
	if (!k)
		return;
	free(k->page_count);
	k->page_count = NULL;
}

void kiosk_set_page_counts(struct kiosk *k, const int *counts, size_t n)
{
	for (size_t i = 0; i < n && i < k->content->n_screens; i++)
		k->page_count[i] = counts[i] > 0 ? counts[i] : 1;
	if (k->view.page >= k->page_count[k->view.screen])
		k->view.page = k->page_count[k->view.screen] - 1;
	if (k->in_transition && k->from.page >= k->page_count[k->from.screen])
		k->in_transition = false;
}

uint64_t kiosk_dwell_ms(const struct kiosk *k, int screen)
{
	double s = k->content->screens[screen].duration;
	if (s <= 0)
		s = k->content->cycle;
	return (uint64_t)llround(s * 1000.0);
}

static bool loop_moves(const struct kiosk *k)
{
	return k->n_loop > 1 || (k->n_loop == 1 && k->page_count[k->loop[0]] > 1);
}

/* The view that follows the current one in the loop. */
static void loop_advance(struct kiosk *k)
{
	if (k->view.page + 1 < k->page_count[k->view.screen]) {
		k->view.page++;
		return;
	}
	k->loop_pos = (k->loop_pos + 1) % k->n_loop;
	k->view.screen = k->loop[k->loop_pos];
	k->view.page = 0;
}

bool kiosk_tick(struct kiosk *k, uint64_t now)
{
	bool changed = false;
	if (k->in_transition && now >= k->transition_start + KIOSK_TRANSITION_MS) {
		k->in_transition = false;
		changed = true;
	}
	if (k->mode != KIOSK_ATTRACT || !loop_moves(k))
		return changed;
	/* Catch up in whole steps if we were asleep for longer than one dwell
	 * (a suspended process, a slow frame): the loop keeps its rhythm. */
	while (now >= k->shown_at + kiosk_dwell_ms(k, k->view.screen)) {
		uint64_t due = k->shown_at + kiosk_dwell_ms(k, k->view.screen);
		k->from = k->view;
		loop_advance(k);
		k->shown_at = due;
		bool animate = k->content->transition != TRANSITION_NONE &&
			       now < due + KIOSK_TRANSITION_MS;
		k->in_transition = animate;
		k->transition_start = due;
		changed = true;
	}
	return changed;
}

uint64_t kiosk_next_deadline(const struct kiosk *k, uint64_t now)
{
	if (k->in_transition)
		return now;
	if (k->mode != KIOSK_ATTRACT || !loop_moves(k))
		return KIOSK_NO_DEADLINE;
	return k->shown_at + kiosk_dwell_ms(k, k->view.screen);
}

double kiosk_transition_progress(const struct kiosk *k, uint64_t now)
{
	if (!k->in_transition)
		return 1.0;
	if (now <= k->transition_start)
		return 0.0;
	double t = (double)(now - k->transition_start) / KIOSK_TRANSITION_MS;
	return t > 1.0 ? 1.0 : t;
}
