/* schedule.h — is the centre open, should the screen sleep, and when does
 * that next change; from local wall-clock time passed in as a value.
 *
 * The core never reads a clock: the SDL edge turns the epoch into local
 * civil time (localtime_r, so the time zone and daylight saving are the C
 * library's) and passes it here. The answer for "when next" is also local
 * civil time; the edge turns it back into an epoch (mktime), which is where
 * a 23- or 25-hour day is accounted for. A week of schedule therefore runs
 * in a test in microseconds. */
#ifndef SIGNPOST_SCHEDULE_H
#define SIGNPOST_SCHEDULE_H

#include "content.h"
#include "hours.h"

#include <stdbool.h>
#include <stdint.h>

/* How far ahead schedule_next_change() looks: a year and a bit, so an
 * exception next Christmas is still found. */
#define SCHEDULE_HORIZON_DAYS 400

struct schedule_state {
	bool closed; /* hours are given and say closed now */
	bool asleep; /* display.sleep says the screen is off now */
};

/* Days from 1970-01-01 to the date (negative before it). */
int64_t civil_days(int year, int month, int day);

/* The date `days` after 1970-01-01. */
struct civil_date civil_from_days(int64_t days);

/* 0 = Monday ... 6 = Sunday. */
int civil_weekday(int year, int month, int day);

/* Whether year-month-day is a real calendar date (years 1..9999). */
bool civil_date_valid(int year, int month, int day);

/* The hours that apply on a date: its exception if there is one, else its
 * weekday's. */
const struct day_hours *schedule_day(const struct hours *h, int year, int month, int day);

/* Whether the hours say open at t; always true when no hours are given. */
bool schedule_open(const struct hours *h, const struct civil_time *t);

/* What the content's hours and display.sleep say at local time t. */
struct schedule_state schedule_at(const struct content *c, const struct civil_time *t);

/* The first local minute after t at which schedule_at() gives a different
 * answer, in *next; false when nothing changes within the horizon (always
 * open, never asleep). */
bool schedule_next_change(const struct content *c, const struct civil_time *t,
			  struct civil_time *next);

#endif
