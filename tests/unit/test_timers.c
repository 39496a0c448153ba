/* test_timers.c — the run loop's deadline merge (timers.h): the nearest of
 * a table of timers, no due time ever slept through (checked on many
 * random tables), the day's cap, and a simulated loop of the kiosk's own
 * timers showing that a static screen wakes only for the watchdog and the
 * attract loop only for its turns. */
#include "test.h"
#include "world.h"

#include "kiosk.h"
#include "timers.h"

#include <stdlib.h>

static void nearest_of_a_table(void)
{
	uint64_t due[] = { TIMER_OFF, 900, 400, TIMER_OFF, 700 };
	CHECK_INT(timers_nearest(due, 5), 2);
	CHECK_INT(timers_wait_ms(due, 5, 100), 300);
	CHECK_INT(timers_wait_ms(due, 5, 400), 0); /* due now: no wait */
	CHECK_INT(timers_wait_ms(due, 5, 5000), 0); /* overdue: no wait */
	uint64_t off[] = { TIMER_OFF, TIMER_OFF };
	CHECK_INT(timers_nearest(off, 2), 2);
	CHECK_INT(timers_wait_ms(off, 2, 100), -1); /* only a source wakes it */
	CHECK_INT(timers_wait_ms(off, 0, 100), -1);
	uint64_t far[] = { 100 + 3ULL * TIMER_MAX_WAIT_MS };
	CHECK_INT(timers_wait_ms(far, 1, 100), TIMER_MAX_WAIT_MS);
	uint64_t at_zero[] = { 0 };
	CHECK_INT(timers_wait_ms(at_zero, 1, 0), 0); /* 0 is a time, not "off" */
}

/* For random tables and times: waiting what it says never passes a due
 * time, waits only as long as it must, and says -1 only when all are off. */
static void no_timer_is_ever_slept_through(void)
{
	srand(26);
	for (int round = 0; round < 100000; round++) {
		uint64_t due[8];
		size_t n = (size_t)(rand() % 9);
		uint64_t now = (uint64_t)rand() % 100000;
		uint64_t min = TIMER_OFF;
		for (size_t i = 0; i < n; i++) {
			int kind = rand() % 4;
			due[i] = kind == 0   ? TIMER_OFF
				 : kind == 1 ? now - (uint64_t)(rand() % 50 > (int)now ? 0 : rand() % 50)
					     : now + (uint64_t)rand() % (kind == 2 ? 1000 : 200000000);
			if (due[i] < min)
				min = due[i];
		}
		int w = timers_wait_ms(due, n, now);
		if (min == TIMER_OFF) {
			CHECK_INT(w, -1);
			continue;
		}
		CHECK(w >= 0);
		CHECK(now + (uint64_t)w <= (min > now ? min : now)); /* never past one */
		if (min > now && min - now <= TIMER_MAX_WAIT_MS)
			CHECK_INT(w, min - now); /* and no earlier than it must */
		if (test_failed)
			return;
	}
}

/* The kiosk's timers as the run loop keeps them: the kiosk's own deadline
 * (a frame every 16 ms while a transition runs) and the watchdog's ping
 * every period. Returns how often the loop woke between from and to, not
 * counting the frames of transitions, which *frames counts. */
static int wakeups(struct kiosk *k, uint64_t from, uint64_t to, uint64_t ping_ms, int *frames)
{
	enum { KIOSK, WATCHDOG, RELOAD, SCHEDULE, N };
	uint64_t due[N] = { TIMER_OFF, from + ping_ms, TIMER_OFF, TIMER_OFF };
	uint64_t now = from;
	int woke = 0;
	for (;;) {
		uint64_t d = kiosk_next_deadline(k, now);
		due[KIOSK] = k->in_transition ? now + 16 : d == KIOSK_NO_DEADLINE ? TIMER_OFF : d;
		int w = timers_wait_ms(due, N, now);
		if (w < 0 || now + (uint64_t)w > to)
			return woke;
		now += (uint64_t)w;
		if (k->in_transition)
			++*frames;
		else
			woke++;
		if (due[WATCHDOG] <= now)
			due[WATCHDOG] = now + ping_ms;
		kiosk_tick(k, now);
	}
}

static void a_static_screen_wakes_only_for_the_watchdog(void)
{
	struct world w;
	fixture_content(&w.c, 3);
	w.c.quick_exit = 2;
	w.c.screens[2].loop = false;
	world_start(&w, 800, 480);
	/* the neutral screen after Quick exit stays until a touch */
	kiosk_input(&w.k, INPUT_DOWN, ACTION_NONE, 0, 1000); /* wakes the screen */
	kiosk_input(&w.k, INPUT_TAP, ACTION_NONE, 0, 1080);
	kiosk_input(&w.k, INPUT_DOWN, ACTION_QUICK_EXIT, 0, 2000);
	kiosk_input(&w.k, INPUT_TAP, ACTION_QUICK_EXIT, 0, 2080);
	CHECK_INT(w.k.view.screen, 2);
	/* a minute with WatchdogSec=10 (a ping every 5 s): 12 wake-ups */
	int frames = 0;
	CHECK_INT(wakeups(&w.k, 3000, 63000, 5000, &frames), 12);
	CHECK_INT(frames, 0);
	CHECK_INT(w.k.view.screen, 2);
	world_free(&w);
}

static void the_attract_loop_wakes_for_its_turns(void)
{
	struct world w;
	fixture_content(&w.c, 3);
	w.c.quick_exit = 2;
	w.c.screens[2].loop = false;
	world_start(&w, 800, 480);
	/* two screens in the loop: turns and the watchdog, nothing between */
	uint64_t dwell = kiosk_next_deadline(&w.k, 0);
	CHECK(dwell > 1000 && dwell != KIOSK_NO_DEADLINE);
	int frames = 0;
	int n = wakeups(&w.k, 0, 60000, 5000, &frames);
	int turns = (int)(60000 / (dwell + KIOSK_TRANSITION_MS));
	/* a wake-up for each ping and each turn, and the frames of each turn's
	 * transition (300 ms at 16 ms a frame): nothing else */
	CHECK(n >= 12 + turns - 1 && n <= 12 + turns + 1);
	CHECK(frames >= turns * (KIOSK_TRANSITION_MS / 16) && frames <= (turns + 1) * (KIOSK_TRANSITION_MS / 16 + 2));
	world_free(&w);
}

int main(void)
{
	RUN(nearest_of_a_table);
	RUN(no_timer_is_ever_slept_through);
	RUN(a_static_screen_wakes_only_for_the_watchdog);
	RUN(the_attract_loop_wakes_for_its_turns);
	return TEST_DONE();
}
