/* gesture.c — the tap/swipe recogniser and rotation mapping; see gesture.h. */
#include "gesture.h"

#include <math.h>
#include <stdlib.h>

double gesture_px_per_mm(int w, int h, double diagonal_inches)
{
	if (diagonal_inches <= 0)
		diagonal_inches = GESTURE_DEFAULT_DIAGONAL_IN;
	return sqrt((double)w * w + (double)h * h) / (diagonal_inches * 25.4);
}

void gesture_init(struct gesture_state *g, double px_per_mm)
{
	*g = (struct gesture_state){ .px_per_mm = px_per_mm > 0 ? px_per_mm : 4.0 };
}

struct gesture gesture_down(struct gesture_state *g, int64_t finger, int x, int y, uint64_t now)
{
	if (g->active)
		return (struct gesture){ GESTURE_NONE, 0, 0 }; /* a second finger */
	g->active = true;
	g->finger = finger;
	g->x0 = g->x = x;
	g->y0 = g->y = y;
	g->t0 = now;
	g->max_travel = 0;
	return (struct gesture){ GESTURE_DOWN, x, y };
}

struct gesture gesture_move(struct gesture_state *g, int64_t finger, int x, int y, uint64_t now)
{
	(void)now;
	if (g->active && finger == g->finger) {
		g->x = x;
		g->y = y;
		double d = hypot(x - g->x0, y - g->y0);
		if (d > g->max_travel)
			g->max_travel = d;
	}
	return (struct gesture){ GESTURE_NONE, 0, 0 };
}

struct gesture gesture_up(struct gesture_state *g, int64_t finger, int x, int y, uint64_t now)
{
	if (!g->active || finger != g->finger)
		return (struct gesture){ GESTURE_NONE, 0, 0 };
	gesture_move(g, finger, x, y, now);
	g->active = false;
	struct gesture out = { GESTURE_CANCEL, g->x0, g->y0 };
	uint64_t dt = now - g->t0;
	int dx = x - g->x0, dy = y - g->y0;
	if (g->max_travel <= GESTURE_TAP_SLOP_MM * g->px_per_mm) {
		if (dt <= GESTURE_TAP_MAX_MS)
			out.kind = GESTURE_TAP;
	} else if (abs(dx) >= GESTURE_SWIPE_MIN_MM * g->px_per_mm && abs(dx) > 2 * abs(dy) &&
		   dt <= GESTURE_SWIPE_MAX_MS) {
		out.kind = dx < 0 ? GESTURE_SWIPE_LEFT : GESTURE_SWIPE_RIGHT;
	}
	return out;
}

void gesture_rotate_point(int rotation, int pw, int ph, int px, int py, int *lx, int *ly)
{
	switch (rotation) {
	case 90: /* logical is ph x pw, drawn turned clockwise */
		*lx = py;
		*ly = pw - 1 - px;
		break;
	case 180:
		*lx = pw - 1 - px;
		*ly = ph - 1 - py;
		break;
	case 270:
		*lx = ph - 1 - py;
		*ly = px;
		break;
	default:
		*lx = px;
		*ly = py;
		break;
	}
}
