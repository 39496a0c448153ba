/* load_hours.c — opening hours, dates and display.sleep; see
 * load_private.h.
 *
 * Times are the 24-hour clock ("09:00-17:00", several a day, or closed),
 * dates year-month-day and real days of the calendar; what they mean at a
 * moment is schedule.c's job. check_hours_settings() then checks what
 * hours:, display.sleep and kiosk.out_of_hours need of each other;
 * warn_needs_the_time() that they need the kiosk to know the time. */
#include "load_private.h"

#include "schedule.h"

#include <stdio.h>
#include <string.h>

static size_t skip_spaces(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* A clock time "H:MM" or "HH:MM" at s[*i]: minutes since midnight, 24:00
 * included; -1 when it is not written like a time, -2 when it is but is no
 * time of day ("25:00", "9:75"). Moves *i past it. */
static int parse_clock(const char *s, size_t n, size_t *i)
{
	size_t p = *i, digits = 0;
	int h = 0, m = 0;
	while (p < n && s[p] >= '0' && s[p] <= '9' && digits < 3) {
		h = h * 10 + (s[p++] - '0');
		digits++;
	}
	if (digits < 1 || digits > 2 || p >= n || s[p] != ':')
		return -1;
	p++;
	if (p + 2 > n || s[p] < '0' || s[p] > '9' || s[p + 1] < '0' || s[p + 1] > '9')
		return -1;
	m = (s[p] - '0') * 10 + (s[p + 1] - '0');
	p += 2;
	if (p < n && s[p] >= '0' && s[p] <= '9')
		return -1;
	*i = p;
	if (m > 59 || h > 24 || (h == 24 && m > 0))
		return -2;
	return h * 60 + m;
}

/* "09:00-17:00" (also with spaces, or an en dash as Word writes it) in
 * s[0..n): from and to in minutes. 0 when it reads; -1 when it is not
 * written like that; -2 for a time that is no time of day. */
static int parse_time_range(const char *s, size_t n, int *from, int *to)
{
	size_t i = skip_spaces(s, 0, n);
	int a = parse_clock(s, n, &i);
	if (a < 0)
		return a;
	i = skip_spaces(s, i, n);
	if (i < n && s[i] == '-')
		i++;
	else if (i + 3 <= n && memcmp(s + i, "\xe2\x80\x93", 3) == 0)
		i += 3;
	else
		return -1;
	i = skip_spaces(s, i, n);
	int b = parse_clock(s, n, &i);
	if (b < 0)
		return b;
	if (skip_spaces(s, i, n) != n)
		return -1;
	*from = a;
	*to = b;
	return 0;
}

bool get_day_hours(struct loader *L, const struct ynode *v, const char *subject, struct day_hours *out)
{
	char q[EXCERPT_SIZE];
	if (!want_scalar(L, v, subject, WANT_DAY))
		return false;
	if (equal_nocase(v->str, v->len, "closed")) {
		out->n = 0;
		return true;
	}
	struct day_hours d = { 0 };
	size_t start = 0;
	while (start <= v->len) {
		size_t end = start;
		while (end < v->len && v->str[end] != ',')
			end++;
		const char *part = v->str + start;
		size_t plen = end - start;
		int from, to, r = parse_time_range(part, plen, &from, &to);
		if (r == -2) {
			error_at(L, v, "%s has '%s', which is not a time of day; the 24-hour clock goes from 00:00 "
				       "to 23:59, and 24:00 is midnight at the end of the day",
				 subject, excerpt(v->str, v->len, q));
			return false;
		}
		if (r < 0) {
			error_at(L, v, "%s must be opening hours like \"09:00-17:00\" (24-hour clock, with the "
				       "minutes), several like \"09:00-12:30, 13:30-17:00\", or closed; not '%s'",
				 subject, excerpt(v->str, v->len, q));
			return false;
		}
		if (to <= from) {
			char range[EXCERPT_SIZE];
			excerpt(part + skip_spaces(part, 0, plen), plen - skip_spaces(part, 0, plen), range);
			if (to == from)
				error_at(L, v, "the hours '%s' for %s open and close at the same time; write closed "
					       "for a day without opening hours",
					 range, subject);
			else
				error_at(L, v, "the hours '%s' for %s close before they open; for hours past "
					       "midnight, end the day at 24:00 and start the next day at 00:00",
					 range, subject);
			return false;
		}
		if (d.n == HOURS_MAX_SPANS) {
			error_at(L, v, "%s has more than %d time spans; at most %d are allowed", subject,
				 HOURS_MAX_SPANS, HOURS_MAX_SPANS);
			return false;
		}
		if (d.n > 0 && from < d.span[d.n - 1].to) {
			error_at(L, v, "the hours '%s' for %s overlap or are out of order; write them from "
				       "morning to evening, each once",
				 excerpt(v->str, v->len, q), subject);
			return false;
		}
		d.span[d.n].from = from;
		d.span[d.n].to = to;
		d.n++;
		start = end + 1;
	}
	*out = d;
	return true;
}

/* "2026-12-25" -> a real calendar date. */
static bool parse_date(const char *s, size_t n, struct civil_date *out)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return false;
	int v[3] = { 0, 0, 0 };
	static const int at[3] = { 0, 5, 8 }, len[3] = { 4, 2, 2 };
	for (int k = 0; k < 3; k++)
		for (int j = 0; j < len[k]; j++) {
			char ch = s[at[k] + j];
			if (ch < '0' || ch > '9')
				return false;
			v[k] = v[k] * 10 + (ch - '0');
		}
	*out = (struct civil_date){ v[0], v[1], v[2] };
	return true;
}

void get_exceptions(struct loader *L, const struct field *f, const struct ynode *v, struct hours *h)
{
	char q[EXCERPT_SIZE];
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, "'exceptions'", f->want);
		return;
	}
	h->exceptions = arena_array(&L->c->arena, v->n / 2 + 1, sizeof *h->exceptions);
	const struct ynode **keys = arena_array(&L->tree->arena, v->n / 2 + 1, sizeof *keys);
	for (const struct ynode *k = v->child; k && k->next; k = k->next->next) {
		if (!key_ok(L, k))
			continue;
		struct civil_date d;
		if (!parse_date(k->str, k->len, &d)) {
			error_at(L, k, "'%s' in 'exceptions' is not a date; write dates as year-month-day in quotes, "
				       "like \"2026-12-25\"",
				 excerpt(k->str, k->len, q));
			continue;
		}
		if (!civil_date_valid(d.year, d.month, d.day)) {
			error_at(L, k, "'%s' in 'exceptions' is not a day of the calendar; check the month and day "
				       "(year-month-day, like \"2026-12-25\")",
				 excerpt(k->str, k->len, q));
			continue;
		}
		size_t i = 0;
		while (i < h->n_exceptions && memcmp(&h->exceptions[i].date, &d, sizeof d) != 0)
			i++;
		if (i < h->n_exceptions) {
			error_at(L, k, "the date %s is given twice in 'exceptions'; the first is on line %d, so "
				       "delete one",
				 k->str, keys[i]->line);
			continue;
		}
		char subject[64];
		snprintf(subject, sizeof subject, "'%s'", k->str);
		struct day_hours dh;
		if (k->next->kind == YNODE_BAD || !get_day_hours(L, k->next, subject, &dh))
			continue;
		keys[h->n_exceptions] = k;
		h->exceptions[h->n_exceptions++] = (struct hours_exception){ d, dh };
	}
}

void get_sleep(struct loader *L, const struct field *f, const struct ynode *v, struct sleep_rule *out)
{
	char q[EXCERPT_SIZE];
	bool no;
	if (!want_scalar(L, v, "'sleep'", f->want))
		return;
	if (equal_nocase(v->str, v->len, "never") || (parse_bool(v->str, v->len, &no) && !no)) {
		*out = (struct sleep_rule){ SLEEP_NEVER, 0, 0 };
		return;
	}
	if (equal_nocase(v->str, v->len, "outside_hours") || equal_nocase(v->str, v->len, "outside hours")) {
		*out = (struct sleep_rule){ SLEEP_OUTSIDE_HOURS, 0, 0 };
		L->sleep_outside = L->sleep_at = v;
		return;
	}
	int from, to, r = parse_time_range(v->str, v->len, &from, &to);
	if (r == -2)
		error_at(L, v, "'sleep' has '%s', which is not a time of day; the 24-hour clock goes from 00:00 "
			       "to 23:59",
			 excerpt(v->str, v->len, q));
	else if (r < 0)
		error_at(L, v, "'sleep' must be %s, not '%s'", f->want, excerpt(v->str, v->len, q));
	else if (from % MINUTES_PER_DAY == to % MINUTES_PER_DAY)
		error_at(L, v, "'sleep' starts and ends at the same time ('%s'); give the time it goes black "
			       "and the time it comes back, like \"22:00-07:00\"",
			 excerpt(v->str, v->len, q));
	else {
		*out = (struct sleep_rule){ SLEEP_RANGE, from % MINUTES_PER_DAY, to % MINUTES_PER_DAY };
		L->sleep_at = v;
	}
}

/* Hours and sleep trust the kiosk's clock, and a Pi without a battery
 * clock does not know the time after a power cut until network time
 * comes; meanwhile it applies neither (schedule.h). Said once, at the
 * hours (else at the sleep times), in the words of a staff member. */
void warn_needs_the_time(struct loader *L, const struct ynode *hours_key)
{
	const struct content *c = L->c;
	bool hours = c->hours.given && hours_key, sleep = c->sleep.mode != SLEEP_NEVER && L->sleep_at;
	if (!hours && !sleep)
		return;
	bool banner = hours && c->out_of_hours.given;
	warn_at(L, hours ? hours_key : L->sleep_at,
		"%s need the kiosk to know the time, and a Raspberry Pi has no clock that runs while it is "
		"off: after a power cut it knows the time again only from the network (or from a battery "
		"clock, if one is fitted), and until then it shows the screens as on an open day%s; ask "
		"whoever installed it to give it network time (INSTALL.md, 'The time'); 'signpostctl "
		"status' says whether it has it",
		hours && sleep ? "the opening hours and the sleep times" : hours ? "the opening hours" : "the sleep times",
		banner && sleep ? " (no closed banner, no black screen)"
		: banner	? " (no closed banner)"
		: sleep		? " (no black screen)"
				: "");
}

void check_hours_settings(struct loader *L, const struct ynode *hours_key, const struct ynode *kiosk)
{
	struct content *c = L->c;
	if (L->sleep_outside && !c->hours.given)
		error_at(L, L->sleep_outside, "'sleep' is outside_hours, but there are no opening hours; add an "
					      "'hours:' section, or give sleep times like \"22:00-07:00\"");
	const struct ynode *ooh = kiosk && kiosk->kind == YNODE_MAP ? map_get(kiosk, "out_of_hours") : NULL;
	if (!ooh || !c->out_of_hours.given)
		return;
	if (!c->out_of_hours.own_call && !(ooh->kind == YNODE_MAP && map_get(ooh, "call"))) {
		/* (a 'call:' given but broken was reported already) */
		if (c->has_help)
			c->out_of_hours.call = c->help;
		else
			error_at(L, ooh, "kiosk.out_of_hours has no number to call; add 'call:' under it with the "
					 "name and number of a line that is open then, or a kiosk.help line");
	}
	if (!hours_key)
		warn_at(L, ooh, "kiosk.out_of_hours is never shown: there are no opening hours; add an 'hours:' "
				"section");
}
