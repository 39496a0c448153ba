/* timers.h — the run loop's deadline merge, kept pure so it can be tested:
 * given the due times of a table of timers (monotonic milliseconds, or
 * TIMER_OFF) and the time now, how long the loop may wait before the
 * nearest one. The loop (firmware/sdl/loop.h) keeps the table and its
 * handlers; it asks this once a pass, so adding a timer is a row in that
 * table, never an edit here. */
#ifndef SIGNPOST_TIMERS_H
#define SIGNPOST_TIMERS_H

#include <stddef.h>
#include <stdint.h>

#define TIMER_OFF UINT64_MAX
#define TIMER_MAX_WAIT_MS 86400000 /* a day: poll() takes an int */

/* Index of the timer due soonest among due[0..n), or n when all are off. */
size_t timers_nearest(const uint64_t *due, size_t n);

/* How long to wait from now: -1 (wait for a source, no timeout) when every
 * timer is off; 0 when one is due (due <= now); else the milliseconds until
 * the nearest, at most TIMER_MAX_WAIT_MS. Waiting that long never passes a
 * due time. */
int timers_wait_ms(const uint64_t *due, size_t n, uint64_t now);

#endif
