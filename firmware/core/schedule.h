/* schedule.h — is the centre open, should the screen sleep, and when does
 * that next change; from local wall-clock time passed in as a value, with
 * whether that time can be believed.
 *
 * The core never reads a clock: the SDL edge turns the epoch into local
 * civil time (localtime_r, so the time zone and daylight saving are the C
 * library's) and passes it here. The answer for "when next" is also local
 * civil time; the edge turns it back into an epoch (mktime), which is where
 * a 23- or 25-hour day is accounted for. A week of schedule therefore runs
 * in a test in microseconds.
 *
 * A Raspberry Pi has no clock that runs while it is off: after a power cut
 * it starts from the time it last saved, maybe months old, until network
 * time arrives. So the time comes with its trust, decided at the edge
 * like the time itself; on a time that is not trusted the schedule applies
 * nothing (never closed, never asleep, nothing to wait for), and the
 * screens show as on an open day. */
#ifndef SIGNPOST_SCHEDULE_H
#define SIGNPOST_SCHEDULE_H

#include "content.h"
#include "hours.h"

#include <stdbool.h>
#include <stdint.h>

/* How far ahead schedule_next_change() looks: a year and a bit, so an
 * exception next Christmas is still found. */
#define SCHEDULE_HORIZON_DAYS 400

/* The moment the schedule is asked about: local wall-clock time, and
 * whether the clock it was read from can be believed (synchronised to
 * network time since boot, or a battery clock the volunteer vouches for). */
struct schedule_time {
	struct civil_time local;
	bool trusted;
};

struct schedule_state {
	bool closed; /* hours are given, the time is trusted, and they say closed now */
	bool asleep; /* the time is trusted and display.sleep says the screen is off now */
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

/* Whether anything c shows depends on the time: opening hours (the
 * closed banner, sleep outside them) or display.sleep. */
bool schedule_uses_time(const struct content *c);

/* What the content's hours and display.sleep say at `now`; neither closed
 * nor asleep when now is not trusted, whatever the hours say. */
struct schedule_state schedule_at(const struct content *c, const struct schedule_time *now);

/* The first local minute after now at which schedule_at() gives a
 * different answer, in *next; false when nothing changes within the
 * horizon (always open, never asleep) or now is not trusted (then only
 * the trust changing changes anything: the edge looks again then). */
bool schedule_next_change(const struct content *c, const struct schedule_time *now,
			  struct civil_time *next);

#endif
