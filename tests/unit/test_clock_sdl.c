/* test_clock_sdl.c — the edge between the wall clock and the schedule, in
 * the Europe/London time zone, across both daylight-saving changes of 2026
 * (clocks forward at 01:00 UTC on Sunday 29 March, back at 01:00 UTC on
 * Sunday 25 October).
 *
 * The schedule is in local wall-clock time; the edge turns epochs into it
 * (clock_civil_at) and the next change back into an epoch (clock_epoch_of).
 * A 09:00 opening must then be 08:00 UTC in summer and 09:00 UTC in winter,
 * and the wait until the next change must be an hour shorter or longer
 * across the 23- and 25-hour days. */
#include "test.h"

#include "clock.h"
#include "load.h"
#include "schedule.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* seconds since the epoch of a UTC date and time */
static time_t utc(int y, int mo, int d, int h, int mi)
{
	return (time_t)(civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60);
}

static void load(const char *yaml, struct content *c)
{
	struct diag_list d = { 0 };
	CHECK_INT(content_load_buffer("test.yaml", yaml, strlen(yaml), c, &d), LOAD_OK);
	diag_print(&d, "test.yaml", stderr);
	diag_clear(&d);
}

/* The epoch of the next change after epoch t, as the running kiosk works
 * it out; 0 when there is none. */
static time_t next_change_after(const struct content *c, time_t t)
{
	struct schedule_time now = { clock_civil_at(t), true };
	struct civil_time next;
	return schedule_next_change(c, &now, &next) ? clock_epoch_of(&next) : 0;
}

static void local_time_either_side_of_the_changes(void)
{
	struct civil_time t = clock_civil_at(utc(2026, 3, 29, 0, 59));
	CHECK_INT(t.day, 29);
	CHECK_INT(t.minute, 59); /* 00:59 GMT */
	t = clock_civil_at(utc(2026, 3, 29, 1, 0));
	CHECK_INT(t.minute, 2 * 60); /* 02:00 BST: 01:00-02:00 local never happens */
	t = clock_civil_at(utc(2026, 10, 25, 0, 30));
	CHECK_INT(t.minute, 60 + 30); /* 01:30 BST */
	t = clock_civil_at(utc(2026, 10, 25, 1, 30));
	CHECK_INT(t.minute, 60 + 30); /* 01:30 GMT: the same local time again */
	t = clock_civil_at(utc(2026, 12, 31, 23, 59));
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.minute, 23 * 60 + 59);
}

static void a_nine_oclock_opening_in_summer_and_winter(void)
{
	struct civil_time summer = { 2026, 6, 1, 9 * 60 }, winter = { 2026, 12, 1, 9 * 60 };
	CHECK_INT(clock_epoch_of(&summer), utc(2026, 6, 1, 8, 0));
	CHECK_INT(clock_epoch_of(&winter), utc(2026, 12, 1, 9, 0));
	/* on the change days themselves, after the change */
	struct civil_time spring = { 2026, 3, 29, 9 * 60 }, autumn = { 2026, 10, 25, 9 * 60 };
	CHECK_INT(clock_epoch_of(&spring), utc(2026, 3, 29, 8, 0));
	CHECK_INT(clock_epoch_of(&autumn), utc(2026, 10, 25, 9, 0));
}

static void next_change_across_the_short_and_the_long_day(void)
{
	struct content c;
	load("kiosk: { quick_exit: none }\n"
	     "hours:\n  monday: \"09:00-17:00\"\n  saturday: \"10:00-13:00\"\n  sunday: \"09:00-12:00\"\n"
	     "display:\n  sleep: \"22:00-07:00\"\n"
	     "screens:\n  - { id: a, title: \"A\", blocks: [ { text: \"x\" } ] }\n",
	     &c);
	/* Spring: asleep at 22:30 GMT on Saturday; awake at 07:00 BST on
	 * Sunday, which is 06:00 UTC: 7.5 hours later, not 8.5 */
	time_t t = utc(2026, 3, 28, 22, 30);
	CHECK(clock_civil_at(t).minute == 22 * 60 + 30);
	time_t next = next_change_after(&c, t);
	CHECK_INT(next, utc(2026, 3, 29, 6, 0));
	CHECK_INT(next - t, 7 * 3600 + 1800);
	/* then the Sunday opening at 09:00 BST = 08:00 UTC */
	CHECK_INT(next_change_after(&c, next), utc(2026, 3, 29, 8, 0));
	/* Autumn: asleep at 22:30 BST on Saturday (21:30 UTC); awake at 07:00
	 * GMT on Sunday = 07:00 UTC: 9.5 hours later, not 8.5 */
	t = utc(2026, 10, 24, 21, 30);
	CHECK_INT(clock_civil_at(t).minute, 22 * 60 + 30);
	next = next_change_after(&c, t);
	CHECK_INT(next, utc(2026, 10, 25, 7, 0));
	CHECK_INT(next - t, 9 * 3600 + 1800);
	CHECK_INT(next_change_after(&c, next), utc(2026, 10, 25, 9, 0));
	/* Closed from Sunday noon to Monday 09:00 across each change */
	CHECK_INT(next_change_after(&c, utc(2026, 3, 29, 11, 30)), utc(2026, 3, 29, 21, 0)); /* sleep 22:00 BST */
	CHECK_INT(next_change_after(&c, utc(2026, 3, 30, 6, 0)), utc(2026, 3, 30, 8, 0));   /* Mon 09:00 BST */
	CHECK_INT(next_change_after(&c, utc(2026, 10, 26, 7, 0)), utc(2026, 10, 26, 9, 0)); /* Mon 09:00 GMT */
	content_free(&c);
}

/* A week of real seconds around each change, stepping from change to
 * change the way the run loop does: every wake-up lands exactly on a
 * change of state, and there are as many as the week has. */
static void a_week_of_wakeups_around_each_change(void)
{
	struct content c;
	load("kiosk: { quick_exit: none }\n"
	     "hours:\n  monday: \"09:00-17:00\"\n  tuesday: \"09:00-17:00\"\n  wednesday: \"09:00-17:00\"\n"
	     "  thursday: \"09:00-17:00\"\n  friday: \"09:00-17:00\"\n  saturday: \"10:00-13:00\"\n"
	     "display:\n  sleep: outside_hours\n"
	     "screens:\n  - { id: a, title: \"A\", blocks: [ { text: \"x\" } ] }\n",
	     &c);
	static const int starts[][3] = { { 2026, 3, 25 }, { 2026, 10, 21 } };
	for (int k = 0; k < 2; k++) {
		time_t t = utc(starts[k][0], starts[k][1], starts[k][2], 0, 0), end = t + 7 * 86400;
		int wakeups = 0, wrong = 0;
		struct schedule_time ct = { clock_civil_at(t), true };
		struct schedule_state s = schedule_at(&c, &ct);
		while ((t = next_change_after(&c, t)) && t < end) {
			wakeups++;
			ct.local = clock_civil_at(t);
			struct schedule_state now = schedule_at(&c, &ct);
			ct.local = clock_civil_at(t - 60);
			struct schedule_state before = schedule_at(&c, &ct);
			/* changed at t, not a minute before */
			wrong += now.asleep == s.asleep || before.asleep != s.asleep;
			s = now;
		}
		CHECK_INT(wrong, 0);
		CHECK_INT(wakeups, 12); /* 6 openings and 6 closings */
	}
	content_free(&c);
}

int main(void)
{
	setenv("TZ", "Europe/London", 1);
	tzset();
	struct civil_time probe = clock_civil_at(utc(2026, 7, 1, 12, 0));
	if (probe.minute != 13 * 60) {
		fprintf(stderr, "no Europe/London time zone here (install tzdata)\n");
		return 1;
	}
	RUN(local_time_either_side_of_the_changes);
	RUN(a_nine_oclock_opening_in_summer_and_winter);
	RUN(next_change_across_the_short_and_the_long_day);
	RUN(a_week_of_wakeups_around_each_change);
	return TEST_DONE();
}
