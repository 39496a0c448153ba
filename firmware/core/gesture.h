/* gesture.h — pointer down/move/up -> tap or swipe; rotation of points.
 *
 * Touch and mouse come through the same recogniser, in screen pixels of the
 * logical (rotated) screen. Thresholds are millimetres, turned into pixels
 * with the display's size, so a swipe is the same finger movement on a 7"
 * panel and a 21" monitor. Only the first finger down counts; others are
 * ignored until it lifts. */
#ifndef SIGNPOST_GESTURE_H
#define SIGNPOST_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

#define GESTURE_TAP_SLOP_MM 5.0    /* a tap may wander this far */
#define GESTURE_SWIPE_MIN_MM 15.0  /* a swipe travels at least this far sideways */
#define GESTURE_SWIPE_MAX_MS 800   /* ... and within this time: slower is a drag */
#define GESTURE_TAP_MAX_MS 2000    /* a finger resting longer is not a tap */
#define GESTURE_DEFAULT_DIAGONAL_IN 10.1

enum gesture_kind {
	GESTURE_NONE,
	GESTURE_DOWN,        /* a finger landed (for pressed feedback) */
	GESTURE_TAP,
	GESTURE_SWIPE_LEFT,  /* finger moved right to left: next */
	GESTURE_SWIPE_RIGHT, /* left to right: previous */
	GESTURE_CANCEL,      /* the finger lifted without a tap or swipe */
};

struct gesture {
	enum gesture_kind kind;
	int x, y; /* where it started (down, tap, swipe) */
};

struct gesture_state {
	double px_per_mm;
	bool active;
	int64_t finger; /* which pointer owns the gesture */
	int x0, y0, x, y;
	uint64_t t0;
	double max_travel; /* furthest from the start, in pixels */
};

/* Pixels per millimetre of a w x h screen of diagonal inches (0 = unknown:
 * GESTURE_DEFAULT_DIAGONAL_IN is assumed). */
double gesture_px_per_mm(int w, int h, double diagonal_inches);

void gesture_init(struct gesture_state *g, double px_per_mm);

/* Feeds one pointer event; returns what it completes (GESTURE_NONE if
 * nothing yet). finger identifies the pointer (mouse: 0). */
struct gesture gesture_down(struct gesture_state *g, int64_t finger, int x, int y, uint64_t now);
struct gesture gesture_move(struct gesture_state *g, int64_t finger, int x, int y, uint64_t now);
struct gesture gesture_up(struct gesture_state *g, int64_t finger, int x, int y, uint64_t now);

/* Maps a point on the physical output (pw x ph, as the panel scans out) to
 * the logical screen that is drawn rotated by `rotation` degrees clockwise.
 * Logical size is pw x ph for 0/180 and ph x pw for 90/270. */
void gesture_rotate_point(int rotation, int pw, int ph, int px, int py, int *lx, int *ly);

#endif
