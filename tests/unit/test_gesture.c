/* test_gesture.c — tap vs swipe thresholds, slow drags, second fingers, and
 * touch points mapped through all four rotations. */
#include "test.h"

#include "gesture.h"

#include <math.h>

#define PPM 4.0 /* pixels per millimetre in these tests */

static struct gesture stroke(struct gesture_state *g, int x0, int y0, int x1, int y1, uint64_t ms)
{
	gesture_down(g, 0, x0, y0, 1000);
	gesture_move(g, 0, (x0 + x1) / 2, (y0 + y1) / 2, 1000 + ms / 2);
	return gesture_up(g, 0, x1, y1, 1000 + ms);
}

static void px_per_mm_from_diagonal(void)
{
	/* 7" 800x480: 933 px across 177.8 mm */
	CHECK(fabs(gesture_px_per_mm(800, 480, 7.0) - 5.247) < 0.01);
	CHECK(fabs(gesture_px_per_mm(800, 480, 0) - gesture_px_per_mm(800, 480, GESTURE_DEFAULT_DIAGONAL_IN)) < 1e-9);
}

static void short_press_in_place_is_a_tap(void)
{
	struct gesture_state g;
	gesture_init(&g, PPM);
	struct gesture d = gesture_down(&g, 0, 100, 100, 0);
	CHECK_INT(d.kind, GESTURE_DOWN);
	struct gesture t = gesture_up(&g, 0, 103, 101, 120);
	CHECK_INT(t.kind, GESTURE_TAP);
	CHECK_INT(t.x, 100);
	CHECK_INT(t.y, 100);
}

static void wobble_within_slop_is_still_a_tap(void)
{
	struct gesture_state g;
	gesture_init(&g, PPM);
	/* 4.9 mm away and back */
	CHECK_INT(stroke(&g, 100, 100, 100 + (int)(4.9 * PPM), 100, 200).kind, GESTURE_TAP);
	/* beyond the slop but not far enough for a swipe: nothing */
	CHECK_INT(stroke(&g, 100, 100, 100 + (int)(8 * PPM), 100, 200).kind, GESTURE_CANCEL);
}

static void resting_finger_is_not_a_tap(void)
{
	struct gesture_state g;
	gesture_init(&g, PPM);
	gesture_down(&g, 0, 10, 10, 0);
	CHECK_INT(gesture_up(&g, 0, 10, 10, GESTURE_TAP_MAX_MS + 1).kind, GESTURE_CANCEL);
}

static void quick_horizontal_strokes_are_swipes(void)
{
	struct gesture_state g;
	gesture_init(&g, PPM);
	int far = (int)(GESTURE_SWIPE_MIN_MM * PPM) + 1;
	CHECK_INT(stroke(&g, 400, 200, 400 - far, 210, 250).kind, GESTURE_SWIPE_LEFT);
	CHECK_INT(stroke(&g, 100, 200, 100 + far, 195, 250).kind, GESTURE_SWIPE_RIGHT);
	/* just short of the distance */
	CHECK_INT(stroke(&g, 400, 200, 400 - far + 2, 200, 250).kind, GESTURE_CANCEL);
}

static void slow_drag_is_not_a_swipe(void)
{
	struct gesture_state g;
	gesture_init(&g, PPM);
	CHECK_INT(stroke(&g, 400, 200, 100, 200, GESTURE_SWIPE_MAX_MS + 200).kind, GESTURE_CANCEL);
}

static void mostly_vertical_stroke_is_not_a_swipe(void)
{
	struct gesture_state g;
	gesture_init(&g, PPM);
	CHECK_INT(stroke(&g, 400, 100, 330, 300, 200).kind, GESTURE_CANCEL);
}

static void second_finger_is_ignored(void)
{
	struct gesture_state g;
	gesture_init(&g, PPM);
	gesture_down(&g, 1, 100, 100, 0);
	CHECK_INT(gesture_down(&g, 2, 500, 300, 10).kind, GESTURE_NONE);
	gesture_move(&g, 2, 100, 300, 50); /* the second finger sweeps: no effect */
	CHECK_INT(gesture_up(&g, 2, 100, 300, 60).kind, GESTURE_NONE);
	CHECK_INT(gesture_up(&g, 1, 101, 100, 100).kind, GESTURE_TAP);
	/* after the first lifts, a new finger starts a new gesture */
	CHECK_INT(gesture_down(&g, 2, 5, 5, 200).kind, GESTURE_DOWN);
}

static void up_without_down_does_nothing(void)
{
	struct gesture_state g;
	gesture_init(&g, PPM);
	CHECK_INT(gesture_up(&g, 0, 5, 5, 10).kind, GESTURE_NONE);
}

/* Rotating a logical point onto the panel and mapping it back with
 * gesture_rotate_point gives the same point, for every rotation; and the
 * corners land where a turned picture puts them. */
static void rotation_maps_touch_to_the_drawn_picture(void)
{
	const int pw = 800, ph = 480;
	int lx, ly;
	gesture_rotate_point(0, pw, ph, 10, 20, &lx, &ly);
	CHECK_INT(lx, 10);
	CHECK_INT(ly, 20);
	/* 180: the panel's top-left is the picture's bottom-right */
	gesture_rotate_point(180, pw, ph, 0, 0, &lx, &ly);
	CHECK_INT(lx, 799);
	CHECK_INT(ly, 479);
	/* 90 clockwise: the picture is 480x800; its top-left corner is drawn at
	 * the panel's top-right */
	gesture_rotate_point(90, pw, ph, 799, 0, &lx, &ly);
	CHECK_INT(lx, 0);
	CHECK_INT(ly, 0);
	gesture_rotate_point(90, pw, ph, 0, 479, &lx, &ly);
	CHECK_INT(lx, 479);
	CHECK_INT(ly, 799);
	/* 270: the picture's top-left is at the panel's bottom-left */
	gesture_rotate_point(270, pw, ph, 0, 479, &lx, &ly);
	CHECK_INT(lx, 0);
	CHECK_INT(ly, 0);
	gesture_rotate_point(270, pw, ph, 799, 0, &lx, &ly);
	CHECK_INT(lx, 479);
	CHECK_INT(ly, 799);
	/* every panel pixel maps inside the logical picture, one to one */
	static const int rots[] = { 0, 90, 180, 270 };
	for (int r = 0; r < 4; r++) {
		int lw = rots[r] % 180 ? ph : pw, lh = rots[r] % 180 ? pw : ph;
		long inside = 0, sum = 0;
		for (int y = 0; y < ph; y += 7)
			for (int x = 0; x < pw; x += 7) {
				gesture_rotate_point(rots[r], pw, ph, x, y, &lx, &ly);
				inside += lx >= 0 && lx < lw && ly >= 0 && ly < lh;
				sum++;
			}
		CHECK_INT(inside, sum);
	}
}

int main(void)
{
	RUN(px_per_mm_from_diagonal);
	RUN(short_press_in_place_is_a_tap);
	RUN(wobble_within_slop_is_still_a_tap);
	RUN(resting_finger_is_not_a_tap);
	RUN(quick_horizontal_strokes_are_swipes);
	RUN(slow_drag_is_not_a_swipe);
	RUN(mostly_vertical_stroke_is_not_a_swipe);
	RUN(second_finger_is_ignored);
	RUN(up_without_down_does_nothing);
	RUN(rotation_maps_touch_to_the_drawn_picture);
	return TEST_DONE();
}
