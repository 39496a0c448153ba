/* schedule.c — opening hours and sleep times at a local time; see
 * schedule.h.
 *
 * Between two boundaries (an opening, a closing, the start or end of the
 * sleep range, a midnight) nothing changes, so the next change is the first
 * boundary after now at which the answer differs: a handful of minutes to
 * try per day, for at most SCHEDULE_HORIZON_DAYS days. A time that is not
 * trusted is answered before any of that: open, awake, no change ahead. */
#include "schedule.h"

#include <string.h>

/* Howard Hinnant's days_from_civil / civil_from_days: exact for the
 * proleptic Gregorian calendar, no tables, no time zone. */
int64_t civil_days(int year, int month, int day)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct civil_date civil_from_days(int64_t days)
{
	days += 719468;
	int64_t era = (days >= 0 ? days : days - 146096) / 146097;
	int64_t doe = days - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	return (struct civil_date){ (int)(yoe + era * 400 + (m <= 2)), (int)m, (int)d };
}

int civil_weekday(int year, int month, int day)
{
	int64_t d = civil_days(year, month, day);
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	int64_t w = (d + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

bool civil_date_valid(int year, int month, int day)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return day <= len[month - 1] + (month == 2 && leap);
}

const struct day_hours *schedule_day(const struct hours *h, int year, int month, int day)
{
	for (size_t i = 0; i < h->n_exceptions; i++) {
		const struct civil_date *d = &h->exceptions[i].date;
		if (d->year == year && d->month == month && d->day == day)
			return &h->exceptions[i].hours;
	}
	return &h->week[civil_weekday(year, month, day)];
}

static bool in_day(const struct day_hours *d, int minute)
{
	for (int i = 0; i < d->n; i++)
		if (minute >= d->span[i].from && minute < d->span[i].to)
			return true;
	return false;
}

bool schedule_open(const struct hours *h, const struct civil_time *t)
{
	if (!h->given)
		return true;
	return in_day(schedule_day(h, t->year, t->month, t->day), t->minute);
}

static bool in_range(int from, int to, int minute)
{
	if (from < to)
		return minute >= from && minute < to;
	return minute >= from || minute < to; /* across midnight */
}

bool schedule_uses_time(const struct content *c)
{
	return c->hours.given || c->sleep.mode != SLEEP_NEVER;
}

/* What the hours and display.sleep say at t, taking t as true. */
static struct schedule_state state_at(const struct content *c, const struct civil_time *t)
{
	struct schedule_state s = { .closed = !schedule_open(&c->hours, t) };
	switch (c->sleep.mode) {
	case SLEEP_NEVER:
		break;
	case SLEEP_RANGE:
		s.asleep = in_range(c->sleep.from, c->sleep.to, t->minute);
		break;
	case SLEEP_OUTSIDE_HOURS:
		s.asleep = s.closed;
		break;
	}
	return s;
}

struct schedule_state schedule_at(const struct content *c, const struct schedule_time *now)
{
	if (!now->trusted)
		return (struct schedule_state){ .closed = false, .asleep = false };
	return state_at(c, &now->local);
}

static void add_boundary(int *b, int *n, int minute)
{
	if (minute < 0 || minute >= MINUTES_PER_DAY)
		return; /* 24:00 is the next day's midnight */
	for (int i = 0; i < *n; i++)
		if (b[i] == minute)
			return;
	int i = (*n)++;
	while (i > 0 && b[i - 1] > minute) {
		b[i] = b[i - 1];
		i--;
	}
	b[i] = minute;
}

bool schedule_next_change(const struct content *c, const struct schedule_time *at_now,
			  struct civil_time *next)
{
	if (!at_now->trusted)
		return false;
	const struct civil_time *t = &at_now->local;
	struct schedule_state now = state_at(c, t);
	int64_t today = civil_days(t->year, t->month, t->day);
	for (int64_t d = 0; d <= SCHEDULE_HORIZON_DAYS; d++) {
		struct civil_date date = civil_from_days(today + d);
		int b[2 * HOURS_MAX_SPANS + 3], n = 0;
		add_boundary(b, &n, 0);
		if (c->hours.given) {
			const struct day_hours *h = schedule_day(&c->hours, date.year, date.month, date.day);
			for (int i = 0; i < h->n; i++) {
				add_boundary(b, &n, h->span[i].from);
				add_boundary(b, &n, h->span[i].to);
			}
		}
		if (c->sleep.mode == SLEEP_RANGE) {
			add_boundary(b, &n, c->sleep.from);
			add_boundary(b, &n, c->sleep.to);
		}
		for (int i = 0; i < n; i++) {
			if (d == 0 && b[i] <= t->minute)
				continue;
			struct civil_time at = { date.year, date.month, date.day, b[i] };
			struct schedule_state s = state_at(c, &at);
			if (s.closed != now.closed || s.asleep != now.asleep) {
				*next = at;
				return true;
			}
		}
	}
	return false;
}
