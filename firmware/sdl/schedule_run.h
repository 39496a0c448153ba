/* schedule_run.h — the core's schedule at the wall clock: whether the
 * out-of-hours banner is up and the kiosk asleep now, and how long until
 * that changes. The run loop applies the answer and sleeps until then; on
 * a clock that cannot be trusted it waits for the trust instead.
 * Only --trace says anything, and nothing about what visitors looked at. */
#ifndef SIGNPOST_SCHEDULE_RUN_H
#define SIGNPOST_SCHEDULE_RUN_H

#include "content.h"

#include <stdbool.h>
#include <stdint.h>

struct schedule_now {
	bool banner;        /* the out-of-hours banner belongs on screen */
	bool asleep;        /* the display sleeps */
	int64_t next_in_ms; /* until the next change (just after it); -1: none */
};

/* Start-up: the time zone. */
void schedule_run_start(void);

/* Reads the wall clock (local time, daylight saving included) and asks the
 * core's schedule; trusted: whether that clock can be believed
 * (clock_trust.h), else nothing applies and nothing is waited for.
 * trace: one line saying what and when next. */
struct schedule_now schedule_run_look(const struct content *c, bool trusted, bool trace);

/* The backlight: on for a frame that needs it, off once the black frame
 * of sleep is shown; *off remembers which it is. */
void schedule_run_backlight(bool *off, bool asleep, bool on);

#endif
