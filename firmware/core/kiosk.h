/* kiosk.h — the kiosk's state machine, driven by events and a time value.
 *
 * (state, event, now) -> state. The caller passes the monotonic time in
 * milliseconds with every call; the kiosk never reads a clock, so a day of
 * attract loop runs in a test in microseconds. What to draw is derived from
 * the state by the scene (scene.h); when the next thing must happen is
 * kiosk_next_deadline(), so the main loop can sleep until then. */
#ifndef SIGNPOST_KIOSK_H
#define SIGNPOST_KIOSK_H

#include "content.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KIOSK_TRANSITION_MS 300
#define KIOSK_NO_DEADLINE UINT64_MAX
#define KIOSK_MAX_LOOP 1024

enum kiosk_mode { KIOSK_ATTRACT };

/* Which page of which screen. */
struct kiosk_view {
	int screen;
	int page;
};

struct kiosk {
	const struct content *content;
	enum kiosk_mode mode;
	size_t lang;
	double text_scale;

	int loop[KIOSK_MAX_LOOP]; /* screen indices in the attract loop, in order */
	size_t n_loop;
	size_t loop_pos;          /* index into loop[] of the current screen */
	int *page_count;          /* per screen, from the layout; owned */

	struct kiosk_view view;   /* what is on screen (or arriving) now */
	uint64_t shown_at;        /* when view arrived (start of its transition) */

	bool in_transition;
	struct kiosk_view from;   /* what is leaving, while in_transition */
	uint64_t transition_start;
};

/* Starts the attract loop on content c at time now. Every screen has one page
 * until kiosk_set_page_counts() says otherwise. Free with kiosk_free(). */
void kiosk_init(struct kiosk *k, const struct content *c, uint64_t now);
void kiosk_free(struct kiosk *k);

/* Tells the kiosk how many pages each screen has at the current size (one
 * count per content screen). Keeps the current view valid. */
void kiosk_set_page_counts(struct kiosk *k, const int *counts, size_t n);

/* Lets time pass: advances the loop and ends transitions that are due.
 * Returns true when what should be drawn has changed. */
bool kiosk_tick(struct kiosk *k, uint64_t now);

/* The time at which kiosk_tick() next has something to do, or
 * KIOSK_NO_DEADLINE. While a transition runs, that is now (animate). */
uint64_t kiosk_next_deadline(const struct kiosk *k, uint64_t now);

/* Transition progress 0..1 at time now (1 when none is running). */
double kiosk_transition_progress(const struct kiosk *k, uint64_t now);

/* How long view's screen stays in the loop, in milliseconds. */
uint64_t kiosk_dwell_ms(const struct kiosk *k, int screen);

#endif
