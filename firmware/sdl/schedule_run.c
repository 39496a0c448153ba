/* schedule_run.c — the core's schedule applied to the running kiosk: the
 * wall clock read here, the banner, sleep and the backlight, and the next
 * moment the loop must wake for it. Between two changes nothing here runs:
 * the loop sleeps in its one wait (wake.h) until then, or until a touch, a
 * signal, the watchdog, or the clock being set. Only --trace says anything, and nothing about
 * what visitors looked at. */
#include "run.h"

#include "backlight.h"
#include "clock.h"
#include "schedule.h"

#include <SDL.h>
#include <stdio.h>
#include <time.h>

#define SCHEDULE_MARGIN_MS 50    /* wake just after the minute, never before */
#define SCHEDULE_RETRY_MS 60000  /* when the time zone gave no usable answer */

void run_schedule_start(struct run *st)
{
	tzset();
	run_schedule_update(st);
}

void run_schedule_update(struct run *st)
{
	int64_t now_ms = clock_now_ms();
	struct civil_time now = clock_civil_at((time_t)(now_ms / 1000));
	struct schedule_state s = schedule_at(st->c, &now);

	bool banner = s.closed && st->c->out_of_hours.given;
	if (banner != st->closed) {
		st->closed = banner;
		run_relayout(st);
	}
	size_t lang = st->kiosk.lang;
	double scale = st->kiosk.text_scale;
	if (kiosk_set_sleep(&st->kiosk, s.asleep, SDL_GetTicks64())) {
		st->dirty = true;
		if (lang != st->kiosk.lang || scale != st->kiosk.text_scale)
			run_relayout(st); /* falling asleep is a privacy reset */
		run_trace_state(st, s.asleep ? "sleep" : "wake");
	}

	struct civil_time next;
	st->schedule_due = 0;
	if (schedule_next_change(st->c, &now, &next)) {
		int64_t wait = (int64_t)clock_epoch_of(&next) * 1000 - now_ms;
		if (wait <= 0)
			wait = SCHEDULE_RETRY_MS;
		st->schedule_due = SDL_GetTicks64() + (uint64_t)wait + SCHEDULE_MARGIN_MS;
		if (st->o->trace)
			fprintf(stderr, "trace: schedule closed=%d asleep=%d next=%04d-%02d-%02dT%02d:%02d in %.1f s\n",
				s.closed, s.asleep, next.year, next.month, next.day, next.minute / 60,
				next.minute % 60, (double)wait / 1000.0);
	} else if (st->o->trace) {
		fprintf(stderr, "trace: schedule closed=%d asleep=%d next=none\n", s.closed, s.asleep);
	}
}

void run_backlight(struct run *st, bool on)
{
	bool asleep = st->kiosk.mode == KIOSK_SLEEP;
	if (on && st->backlight_off && !asleep) {
		backlight_set(true, SDL_GetCurrentVideoDriver());
		st->backlight_off = false;
	} else if (!on && !st->backlight_off && asleep) {
		backlight_set(false, SDL_GetCurrentVideoDriver());
		st->backlight_off = true; /* tried: the black frame is there either way */
	}
}
