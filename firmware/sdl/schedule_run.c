/* schedule_run.c — the core's schedule at the wall clock; see
 * schedule_run.h. Between two changes nothing here runs: the loop sleeps
 * in its one wait (wake.h) until then, or until a touch, a signal, the
 * watchdog, the clock being set, or the clock being marked synchronised. */
#include "schedule_run.h"

#include "backlight.h"
#include "clock.h"
#include "schedule.h"

#include <SDL.h>
#include <stdio.h>
#include <time.h>

#define SCHEDULE_MARGIN_MS 50    /* wake just after the minute, never before */
#define SCHEDULE_RETRY_MS 60000  /* when the time zone gave no usable answer */

void schedule_run_start(void)
{
	tzset();
}

struct schedule_now schedule_run_look(const struct content *c, bool trusted, bool trace)
{
	int64_t now_ms = clock_now_ms();
	struct schedule_time now = { clock_civil_at((time_t)(now_ms / 1000)), trusted };
	struct schedule_state s = schedule_at(c, &now);
	struct schedule_now r = { s.closed && c->out_of_hours.given, s.asleep, -1 };
	struct civil_time next;
	const char *clock = trusted ? "trusted" : "untrusted";
	if (schedule_next_change(c, &now, &next)) {
		int64_t wait = (int64_t)clock_epoch_of(&next) * 1000 - now_ms;
		if (wait <= 0)
			wait = SCHEDULE_RETRY_MS;
		r.next_in_ms = wait + SCHEDULE_MARGIN_MS;
		if (trace)
			fprintf(stderr, "trace: schedule closed=%d asleep=%d next=%04d-%02d-%02dT%02d:%02d in %.1f s clock=%s\n",
				s.closed, s.asleep, next.year, next.month, next.day, next.minute / 60,
				next.minute % 60, (double)wait / 1000.0, clock);
	} else if (trace) {
		fprintf(stderr, "trace: schedule closed=%d asleep=%d next=none clock=%s\n", s.closed, s.asleep, clock);
	}
	return r;
}

void schedule_run_backlight(bool *off, bool asleep, bool on)
{
	if (on && *off && !asleep) {
		backlight_set(true, SDL_GetCurrentVideoDriver());
		*off = false;
	} else if (!on && !*off && asleep) {
		backlight_set(false, SDL_GetCurrentVideoDriver());
		*off = true; /* tried: the black frame is there either way */
	}
}
