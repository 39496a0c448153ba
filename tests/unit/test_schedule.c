/* test_schedule.c — opening hours and sleep times against a fake clock.
 *
 * The schedule is fed local civil time as a value, so two weeks minute by
 * minute (with a bank holiday in them) take milliseconds: every minute's
 * answer is checked against the hours as written, and every minute's "next
 * change" against the first later minute whose answer differs, worked out
 * the slow way. Daylight saving is the edge's (test_clock_sdl.c). The
 * time's trust is passed in with it: an untrusted time applies no hours. */
#include "test.h"

#include "load.h"
#include "schedule.h"

#include <stdlib.h>
#include <string.h>

static void load(const char *yaml, struct content *c)
{
	struct diag_list d = { 0 };
	enum load_result r = content_load_buffer("test.yaml", yaml, strlen(yaml), c, &d);
	if (r != LOAD_OK)
		diag_print(&d, "test.yaml", stderr);
	CHECK_INT(r, LOAD_OK);
	diag_clear(&d);
}

/* A time the edge vouches for: the clock was synchronised since boot. */
#define TRUSTED(t) (&(struct schedule_time){ (t), true })
#define UNTRUSTED(t) (&(struct schedule_time){ (t), false })

#define SCREENS "screens:\n  - { id: a, title: \"A\", blocks: [ { text: \"x\" } ] }\n" \
	"kiosk: { quick_exit: none }\n"

static const char centre[] =
	"hours:\n"
	"  monday: \"09:00-17:00\"\n"
	"  tuesday: \"09:00-12:30, 13:30-17:00\"\n"
	"  wednesday: \"09:00-17:00\"\n"
	"  thursday: \"09:00-20:00\"\n"
	"  friday: \"09:00-17:00\"\n"
	"  saturday: \"10:00-13:00\"\n"
	"  sunday: closed\n"
	"  exceptions:\n"
	"    \"2026-12-25\": closed\n"           /* Christmas Day, a Friday */
	"    \"2026-12-24\": \"09:00-13:00\"\n"  /* Christmas Eve, a Thursday */
	"    \"2026-12-27\": \"11:00-15:00\"\n"  /* a Sunday opening */
	"display:\n"
	"  sleep: \"22:00-07:00\"\n" SCREENS;

static void civil_dates_and_weekdays(void)
{
	CHECK_INT(civil_days(1970, 1, 1), 0);
	CHECK_INT(civil_days(2000, 3, 1), 11017);
	CHECK_INT(civil_weekday(2026, 12, 25), 4);  /* Friday */
	CHECK_INT(civil_weekday(2026, 3, 29), 6);   /* Sunday: clocks go forward */
	CHECK_INT(civil_weekday(2026, 10, 25), 6);  /* Sunday: clocks go back */
	CHECK_INT(civil_weekday(1970, 1, 1), 3);    /* Thursday */
	CHECK_INT(civil_weekday(1969, 12, 29), 0);  /* Monday, before the epoch */
	for (int64_t d = -800000; d < 800000; d += 997) {
		struct civil_date c = civil_from_days(d);
		CHECK(civil_date_valid(c.year, c.month, c.day) || c.year < 1);
		if (civil_days(c.year, c.month, c.day) != d) {
			CHECK_INT(civil_days(c.year, c.month, c.day), d);
			break;
		}
	}
	CHECK(civil_date_valid(2028, 2, 29));
	CHECK(!civil_date_valid(2026, 2, 29));
	CHECK(!civil_date_valid(2100, 2, 29));
	CHECK(civil_date_valid(2000, 2, 29));
	CHECK(!civil_date_valid(2026, 4, 31));
	CHECK(!civil_date_valid(2026, 13, 1));
}

static struct civil_time at(int y, int m, int d, int hh, int mm)
{
	return (struct civil_time){ y, m, d, hh * 60 + mm };
}

static void open_and_closed_on_the_hours(void)
{
	struct content c;
	load(centre, &c);
	struct civil_time t;
	CHECK(c.hours.given);
	t = at(2026, 12, 21, 8, 59); /* Monday */
	CHECK(!schedule_open(&c.hours, &t));
	t = at(2026, 12, 21, 9, 0);
	CHECK(schedule_open(&c.hours, &t));
	t = at(2026, 12, 21, 16, 59);
	CHECK(schedule_open(&c.hours, &t));
	t = at(2026, 12, 21, 17, 0); /* closing time is closed */
	CHECK(!schedule_open(&c.hours, &t));
	t = at(2026, 12, 22, 13, 0); /* Tuesday lunch */
	CHECK(!schedule_open(&c.hours, &t));
	t = at(2026, 12, 22, 13, 30);
	CHECK(schedule_open(&c.hours, &t));
	t = at(2026, 12, 24, 14, 0); /* Christmas Eve: short day */
	CHECK(!schedule_open(&c.hours, &t));
	t = at(2026, 12, 25, 10, 0); /* Christmas Day: closed although a Friday */
	CHECK(!schedule_open(&c.hours, &t));
	t = at(2027, 12, 24, 19, 0); /* a Friday next year: no exception */
	CHECK(!schedule_open(&c.hours, &t));
	t = at(2027, 12, 23, 19, 0); /* a Thursday next year: late opening */
	CHECK(schedule_open(&c.hours, &t));
	t = at(2026, 12, 27, 12, 0); /* Sunday exception */
	CHECK(schedule_open(&c.hours, &t));
	t = at(2026, 12, 20, 12, 0); /* an ordinary Sunday */
	CHECK(!schedule_open(&c.hours, &t));

	/* asleep from 22:00 to 07:00, across midnight */
	t = at(2026, 12, 21, 21, 59);
	CHECK(!schedule_at(&c, TRUSTED(t)).asleep);
	t = at(2026, 12, 21, 22, 0);
	CHECK(schedule_at(&c, TRUSTED(t)).asleep);
	t = at(2026, 12, 22, 0, 0);
	CHECK(schedule_at(&c, TRUSTED(t)).asleep);
	t = at(2026, 12, 22, 6, 59);
	CHECK(schedule_at(&c, TRUSTED(t)).asleep);
	t = at(2026, 12, 22, 7, 0);
	CHECK(!schedule_at(&c, TRUSTED(t)).asleep);
	content_free(&c);
}

/* Two weeks around Christmas, minute by minute: each minute's state is the
 * hours as written, and schedule_next_change() from each minute is exactly
 * the first later minute whose state differs. */
static void two_weeks_minute_by_minute(void)
{
	struct content c;
	load(centre, &c);
	enum { DAYS = 14, N = DAYS * MINUTES_PER_DAY };
	int64_t first = civil_days(2026, 12, 19); /* a Saturday */
	unsigned char *state = malloc(N + MINUTES_PER_DAY);
	/* the hours as a table, independently of schedule_open() */
	static const int week[7][4] = { { 540, 1020, 0, 0 },   { 540, 750, 810, 1020 }, { 540, 1020, 0, 0 },
					{ 540, 1200, 0, 0 },   { 540, 1020, 0, 0 },     { 600, 780, 0, 0 },
					{ 0, 0, 0, 0 } };
	for (int i = 0; i < N + MINUTES_PER_DAY; i++) {
		struct civil_date d = civil_from_days(first + i / MINUTES_PER_DAY);
		int min = i % MINUTES_PER_DAY, wd = civil_weekday(d.year, d.month, d.day);
		const int *h = week[wd];
		bool open = (min >= h[0] && min < h[1]) || (min >= h[2] && min < h[3]);
		if (d.month == 12 && d.day == 25)
			open = false;
		if (d.month == 12 && d.day == 24)
			open = min >= 540 && min < 780;
		if (d.month == 12 && d.day == 27)
			open = min >= 660 && min < 900;
		bool asleep = min >= 1320 || min < 420;
		state[i] = (unsigned char)((open ? 0 : 1) | (asleep ? 2 : 0));
	}
	int wrong_state = 0, wrong_next = 0, changes = 0;
	int next_diff = -1; /* scanning backwards: the next minute whose state differs */
	for (int i = N + MINUTES_PER_DAY - 1; i >= 0; i--) {
		if (i + 1 < N + MINUTES_PER_DAY && state[i + 1] != state[i])
			next_diff = i + 1;
		if (i >= N)
			continue;
		struct civil_date d = civil_from_days(first + i / MINUTES_PER_DAY);
		struct civil_time t = { d.year, d.month, d.day, i % MINUTES_PER_DAY };
		struct schedule_state s = schedule_at(&c, TRUSTED(t));
		wrong_state += (unsigned char)((s.closed ? 1 : 0) | (s.asleep ? 2 : 0)) != state[i];
		struct civil_time next;
		bool found = schedule_next_change(&c, TRUSTED(t), &next);
		int got = found ? (int)((civil_days(next.year, next.month, next.day) - first) * MINUTES_PER_DAY +
					next.minute)
				: -1;
		wrong_next += got != next_diff;
		changes += i > 0 && state[i] != state[i - 1];
	}
	CHECK_INT(wrong_state, 0);
	CHECK_INT(wrong_next, 0);
	CHECK(changes > 40); /* openings, closings, lunches, nights */
	free(state);
	content_free(&c);
}

static void no_hours_never_closed_and_nothing_to_wait_for(void)
{
	struct content c;
	load(SCREENS, &c);
	struct civil_time t = at(2026, 12, 25, 3, 0), next;
	CHECK(!c.hours.given);
	CHECK(schedule_open(&c.hours, &t));
	CHECK(!schedule_at(&c, TRUSTED(t)).closed);
	CHECK(!schedule_at(&c, TRUSTED(t)).asleep);
	CHECK(!schedule_next_change(&c, TRUSTED(t), &next));
	content_free(&c);
}

static void sleep_outside_hours_follows_the_hours(void)
{
	struct content c;
	load("hours:\n  monday: \"09:00-17:00\"\n  tuesday: \"00:00-24:00\"\n  wednesday: \"00:00-12:00\"\n"
	     "display:\n  sleep: outside_hours\n" SCREENS,
	     &c);
	CHECK_INT(c.sleep.mode, SLEEP_OUTSIDE_HOURS);
	struct civil_time t = at(2026, 12, 21, 17, 0), next; /* Monday closing */
	CHECK(schedule_at(&c, TRUSTED(t)).asleep && schedule_at(&c, TRUSTED(t)).closed);
	CHECK(schedule_next_change(&c, TRUSTED(t), &next));
	/* open all Tuesday and on into Wednesday morning: one stretch */
	CHECK_INT(next.day, 22);
	CHECK_INT(next.minute, 0);
	t = next;
	CHECK(schedule_next_change(&c, TRUSTED(t), &next));
	CHECK_INT(next.day, 23);
	CHECK_INT(next.minute, 12 * 60);
	/* then closed until next Monday 09:00 */
	t = next;
	CHECK(schedule_next_change(&c, TRUSTED(t), &next));
	CHECK_INT(next.day, 28);
	CHECK_INT(next.minute, 9 * 60);
	content_free(&c);
}

static void an_exception_far_ahead_is_still_found(void)
{
	struct content c;
	load("hours:\n  exceptions:\n    \"2027-06-01\": \"10:00-11:00\"\n" SCREENS, &c);
	struct civil_time t = at(2026, 12, 25, 12, 0), next;
	CHECK(schedule_at(&c, TRUSTED(t)).closed);
	CHECK(schedule_next_change(&c, TRUSTED(t), &next));
	CHECK_INT(next.year, 2027);
	CHECK_INT(next.month, 6);
	CHECK_INT(next.day, 1);
	CHECK_INT(next.minute, 600);
	/* beyond the horizon: nothing to wait for */
	t = at(2025, 1, 1, 12, 0);
	CHECK(!schedule_next_change(&c, TRUSTED(t), &next));
	content_free(&c);
}

/* A clock that cannot be believed (a Pi after a power cut, before network
 * time): on a Monday night, closed and in the sleep range, nothing
 * applies and nothing is waited for, while the same minute trusted is
 * closed and asleep; and over two weeks no untrusted minute is either. */
static void an_untrusted_time_applies_no_hours(void)
{
	struct content c;
	load(centre, &c);
	struct civil_time night = at(2026, 12, 21, 23, 0), next;
	struct schedule_state s = schedule_at(&c, TRUSTED(night));
	CHECK(s.closed && s.asleep);
	s = schedule_at(&c, UNTRUSTED(night));
	CHECK(!s.closed);
	CHECK(!s.asleep);
	CHECK(!schedule_next_change(&c, UNTRUSTED(night), &next));
	CHECK(schedule_next_change(&c, TRUSTED(night), &next));
	CHECK_INT(next.minute, 7 * 60); /* trusted, it wakes at 07:00 */
	int64_t first = civil_days(2026, 12, 19);
	int wrong = 0;
	for (int i = 0; i < 14 * MINUTES_PER_DAY; i++) {
		struct civil_date d = civil_from_days(first + i / MINUTES_PER_DAY);
		struct civil_time t = { d.year, d.month, d.day, i % MINUTES_PER_DAY };
		s = schedule_at(&c, UNTRUSTED(t));
		wrong += s.closed || s.asleep || schedule_next_change(&c, UNTRUSTED(t), &next);
	}
	CHECK_INT(wrong, 0);
	content_free(&c);

	/* sleep outside the hours, and a banner: neither on an untrusted time */
	load("hours:\n  monday: \"09:00-17:00\"\n"
	     "kiosk:\n  quick_exit: none\n  help: { name: \"Line\", number: \"0808 500 2222\" }\n"
	     "  out_of_hours: { text: \"We are closed now.\" }\n"
	     "display:\n  sleep: outside_hours\n"
	     "screens:\n  - { id: a, title: \"A\", blocks: [ { text: \"x\" } ] }\n",
	     &c);
	struct civil_time sunday = at(2026, 12, 20, 12, 0);
	CHECK(c.out_of_hours.given);
	s = schedule_at(&c, TRUSTED(sunday));
	CHECK(s.closed && s.asleep);
	s = schedule_at(&c, UNTRUSTED(sunday));
	CHECK(!s.closed && !s.asleep);
	CHECK(!schedule_next_change(&c, UNTRUSTED(sunday), &next));
	content_free(&c);
}

/* What --check warns about and the kiosk logs: content whose screens
 * depend on the time. */
static void which_content_depends_on_the_time(void)
{
	struct content c;
	load(SCREENS, &c);
	CHECK(!schedule_uses_time(&c));
	content_free(&c);
	load(centre, &c);
	CHECK(schedule_uses_time(&c));
	content_free(&c);
	load("hours:\n  monday: \"09:00-17:00\"\n" SCREENS, &c);
	CHECK(schedule_uses_time(&c));
	content_free(&c);
	load("display:\n  sleep: \"22:00-07:00\"\n" SCREENS, &c);
	CHECK(schedule_uses_time(&c));
	content_free(&c);
}

int main(void)
{
	RUN(civil_dates_and_weekdays);
	RUN(open_and_closed_on_the_hours);
	RUN(two_weeks_minute_by_minute);
	RUN(no_hours_never_closed_and_nothing_to_wait_for);
	RUN(sleep_outside_hours_follows_the_hours);
	RUN(an_exception_far_ahead_is_still_found);
	RUN(an_untrusted_time_applies_no_hours);
	RUN(which_content_depends_on_the_time);
	return TEST_DONE();
}
