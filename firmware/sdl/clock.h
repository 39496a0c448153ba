/* clock.h — the wall clock, at the edge: local civil time for the core's
 * schedule, and back.
 *
 * The core's schedule works in local wall-clock time (schedule.h); this is
 * where the epoch becomes local time through the C library's time zone
 * (TZ, or /etc/localtime), so daylight saving is handled here, once: a
 * 09:00 opening is 08:00 UTC in British Summer Time and 09:00 UTC in
 * winter, and the day the clocks change has 23 or 25 hours. */
#ifndef SIGNPOST_CLOCK_H
#define SIGNPOST_CLOCK_H

#include "hours.h"

#include <stdint.h>
#include <time.h>

/* Local civil time at epoch second t (localtime_r). */
struct civil_time clock_civil_at(time_t t);

/* The epoch second at which local wall-clock time reaches `at` (mktime,
 * daylight saving decided by the time zone). A time that does not exist
 * (the hour skipped in spring) comes out as the moment the clocks jump
 * over it; one that happens twice (autumn) as either. */
time_t clock_epoch_of(const struct civil_time *at);

/* Milliseconds since the epoch, from the real-time clock. */
int64_t clock_now_ms(void);

/* A descriptor for the run loop's poll(), readable when, and only when,
 * the system clock was set (NTP's first sync after a Pi boots without a
 * real-time clock, an administrator's `date -s`): a schedule computed from
 * the old time is then wrong. Linux timerfd; -1 when it cannot be had (the
 * schedule is still right for a clock that is only ever slewed). */
int clock_watch_open(void);

/* After fd polled readable: true when the clock was set. Arms it again. */
bool clock_watch_read(int fd);

#endif
