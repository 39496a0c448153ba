/* trace.h — --trace, for tests and debugging only: one line on stderr for
 * each change of what is on screen, and the buttons of each new frame, so
 * end-to-end tests can follow the kiosk without guessing pixels. Without
 * --trace none of it runs: nothing records what a visitor looked at. */
#ifndef SIGNPOST_TRACE_H
#define SIGNPOST_TRACE_H

#include "content.h"
#include "kiosk.h"
#include "scene.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct trace {
	bool on;
	/* what was last reported, to print only changes */
	enum kiosk_mode mode;
	char screen[64]; /* by id: indices change with a reload */
	int page;
	size_t lang;
	double scale;
	struct hit *hits; /* the buttons last reported; owned */
	size_t n_hits;
};

/* "trace: WHY mode=... screen=... page=... lang=... scale=... t=..." when
 * what is on screen changed (always for why "start"); now in ms. */
void trace_state(struct trace *t, const struct content *c, const struct kiosk *k, const char *why,
		 uint64_t now);

/* "trace: button NAME X Y W H arg=N" for each button of the frame, then
 * "trace: buttons end", when they differ from the last frame's. */
void trace_buttons(struct trace *t, const struct draw_list *l);

void trace_free(struct trace *t);

#endif
