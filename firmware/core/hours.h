/* hours.h — opening hours and the display's sleep times, as plain data.
 *
 * The loader fills these in (content.h holds them); schedule.h says what
 * they mean at a given local time. Every time here is local wall-clock time
 * in minutes since midnight, so a 09:00 opening is 540 in winter and in
 * summer alike: daylight saving is the edge's business (it turns the epoch
 * into local time and back), never the schedule's. */
#ifndef SIGNPOST_HOURS_H
#define SIGNPOST_HOURS_H

#include <stdbool.h>
#include <stddef.h>

#define HOURS_MAX_SPANS 4 /* "09:00-12:30, 13:30-17:00" is two */
#define MINUTES_PER_DAY 1440

/* A calendar date (proleptic Gregorian), month and day 1-based. */
struct civil_date {
	int year, month, day;
};

/* Local wall-clock time: a date and the minute of that day (0..1439). */
struct civil_time {
	int year, month, day;
	int minute;
};

/* One day's opening hours: n spans [from, to) in minutes, in order, not
 * overlapping, to <= 1440 ("24:00"); n == 0 is closed all day. */
struct day_hours {
	int n;
	struct {
		int from, to;
	} span[HOURS_MAX_SPANS];
};

/* A date whose hours differ from its weekday's (a bank holiday). */
struct hours_exception {
	struct civil_date date;
	struct day_hours hours;
};

struct hours {
	bool given;                /* false: no hours, the centre is never "closed" */
	struct day_hours week[7];  /* [0] Monday ... [6] Sunday; unlisted days closed */
	struct hours_exception *exceptions; /* n_exceptions, in file order */
	size_t n_exceptions;
};

/* display.sleep: when the screen goes black. */
enum sleep_mode {
	SLEEP_NEVER,         /* the default */
	SLEEP_RANGE,         /* every day from `from` to `to` (wraps midnight when from > to) */
	SLEEP_OUTSIDE_HOURS, /* whenever the hours say closed */
};

struct sleep_rule {
	enum sleep_mode mode;
	int from, to; /* SLEEP_RANGE, minutes since midnight, from != to */
};

#endif
