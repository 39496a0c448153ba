/* world.h — a kiosk with its content, laid out, and the frames it draws,
 * all with the fake measurer: what the scene and sleep tests drive. The
 * test fills w->c, then calls world_start(). */
#ifndef SIGNPOST_TEST_WORLD_H
#define SIGNPOST_TEST_WORLD_H

#include "fixture.h"

#include "deck.h"
#include "kiosk.h"
#include "scene.h"

#include <string.h>

struct world {
	struct content c;
	struct deck d;
	struct kiosk k;
	struct draw_list dl;
};

/* Lays w->c out at width x height and starts the kiosk at time 0. */
static inline void world_start(struct world *w, int width, int height)
{
	deck_build(&w->d, &fake_measurer, &w->c,
		   (struct layout_spec){ .w = width, .h = height, .text_scale = 1.0 });
	kiosk_init(&w->k, &w->c, 0);
	kiosk_set_page_counts(&w->k, w->d.page_counts, w->d.n);
	memset(&w->dl, 0, sizeof w->dl);
}

/* The frame at time now, into w->dl. */
static inline void world_build(struct world *w, uint64_t now)
{
	struct scene_input in = { &w->c, &w->k, w->d.layouts, &fake_measurer, now, NULL };
	scene_build(&w->dl, &in);
}

static inline void world_free(struct world *w)
{
	draw_list_free(&w->dl);
	kiosk_free(&w->k);
	deck_free(&w->d);
	content_free(&w->c);
}

#endif
