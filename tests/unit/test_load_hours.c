/* test_load_hours.c — the loader's side of opening hours, display.sleep,
 * kiosk.out_of_hours and qr blocks: what valid content becomes, and the
 * message and place for each mistake not already in tests/invalid/. */
#include "load.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

#define SCREENS_ONLY "screens:\n  - { id: a, title: \"A\", blocks: [ { text: \"x\" } ] }\n"
#define NO_QUICK_EXIT "kiosk: { quick_exit: none }\n" /* where kiosk: is not otherwise given */
#define SCREENS SCREENS_ONLY NO_QUICK_EXIT

static enum load_result load(const char *yaml, struct content *c, struct diag_list *d)
{
	return content_load_buffer("test.yaml", yaml, strlen(yaml), c, d);
}

/* yaml must fail with exactly one error, at line:col, containing message. */
static void refused(const char *yaml, int line, int col, const char *message)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load(yaml, &c, &d), LOAD_INVALID);
	CHECK_INT(diag_count(&d, DIAG_ERROR), 1);
	for (size_t i = 0; i < d.n; i++)
		if (d.items[i].severity == DIAG_ERROR) {
			CHECK_INT(d.items[i].line, line);
			CHECK_INT(d.items[i].col, col);
			CHECK_CONTAINS(d.items[i].message, message);
		}
	if (diag_count(&d, DIAG_ERROR) != 1)
		diag_print(&d, "test.yaml", stderr);
	diag_clear(&d);
}

static void hours_become_minutes_per_weekday(void)
{
	struct content c;
	struct diag_list d = { 0 };
	const char *yaml = "hours:\n"
			   "  monday: \"09:00-17:00\"\n"
			   "  tuesday: \"9:00 - 12:30, 13:30-17:00\"\n"
			   "  wednesday: \"09:00\xe2\x80\x93" "17:00\"\n" /* an en dash, as a word processor writes it */
			   "  thursday: \"00:00-24:00\"\n"
			   "  friday: CLOSED\n"
			   "  exceptions:\n"
			   "    2026-12-25: closed\n"
			   "    \"2026-12-24\": \"09:00-13:00\"\n"
			   "display:\n  sleep: \"22:30-06:45\"\n" SCREENS;
	CHECK_INT(load(yaml, &c, &d), LOAD_OK);
	/* the one warning: hours and sleep need the kiosk to know the time */
	CHECK_INT(d.n, 1);
	if (d.n == 1)
		CHECK_CONTAINS(d.items[0].message, "need the kiosk to know the time");
	else
		diag_print(&d, "test.yaml", stderr);
	CHECK(c.hours.given);
	CHECK_INT(c.hours.week[0].n, 1);
	CHECK_INT(c.hours.week[0].span[0].from, 540);
	CHECK_INT(c.hours.week[0].span[0].to, 1020);
	CHECK_INT(c.hours.week[1].n, 2);
	CHECK_INT(c.hours.week[1].span[1].from, 810);
	CHECK_INT(c.hours.week[2].span[0].to, 1020);
	CHECK_INT(c.hours.week[3].span[0].to, 1440);
	CHECK_INT(c.hours.week[4].n, 0);
	CHECK_INT(c.hours.week[5].n, 0); /* not listed: closed */
	CHECK_INT(c.hours.n_exceptions, 2);
	CHECK_INT(c.hours.exceptions[0].date.day, 25);
	CHECK_INT(c.hours.exceptions[0].hours.n, 0);
	CHECK_INT(c.hours.exceptions[1].hours.span[0].to, 780);
	CHECK_INT(c.sleep.mode, SLEEP_RANGE);
	CHECK_INT(c.sleep.from, 22 * 60 + 30);
	CHECK_INT(c.sleep.to, 6 * 60 + 45);
	CHECK(!c.out_of_hours.given);
	diag_clear(&d);
	content_free(&c);
}

static void defaults_without_hours(void)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load(SCREENS, &c, &d), LOAD_OK);
	CHECK(!c.hours.given);
	CHECK_INT(c.sleep.mode, SLEEP_NEVER);
	CHECK(!c.out_of_hours.given);
	content_free(&c);
	CHECK_INT(load("display: { sleep: never }\n" SCREENS, &c, &d), LOAD_OK);
	CHECK_INT(c.sleep.mode, SLEEP_NEVER);
	content_free(&c);
	diag_clear(&d);
}

static void out_of_hours_number_is_its_own_or_the_help_line(void)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load("hours: { monday: \"09:00-17:00\" }\n"
		       "kiosk:\n"
		       "  help: { name: \"Centre\", number: \"020 7000 0000\" }\n"
		       "  out_of_hours: { text: {en: \"Closed now\"} }\n"
		       "  quick_exit: none\n" SCREENS_ONLY,
		       &c, &d),
		  LOAD_OK);
	CHECK(c.out_of_hours.given);
	CHECK(!c.out_of_hours.own_call);
	CHECK_STR(c.out_of_hours.call.number, "020 7000 0000");
	CHECK_STR(c.out_of_hours.text.by_lang[0], "Closed now");
	content_free(&c);
	CHECK_INT(load("hours: { monday: \"09:00-17:00\" }\n"
		       "kiosk:\n"
		       "  out_of_hours:\n"
		       "    text: \"Closed now. Day and night:\"\n"
		       "    call: { name: \"Support line\", number: \"0808 500 2222\", hours: \"24/7\" }\n"
		       "  quick_exit: none\n" SCREENS_ONLY,
		       &c, &d),
		  LOAD_OK);
	CHECK(c.out_of_hours.own_call);
	CHECK(c.out_of_hours.call.has_hours);
	CHECK_STR(c.out_of_hours.call.number, "0808 500 2222");
	content_free(&c);
	/* nothing but, for each, that the hours need the kiosk to know the time */
	CHECK_INT(d.n, 2);
	for (size_t i = 0; i < d.n; i++)
		CHECK_CONTAINS(d.items[i].message, "need the kiosk to know the time");
	diag_clear(&d);
	/* a banner without hours is never shown: a warning, not an error */
	CHECK_INT(load("kiosk:\n  help: { name: \"Centre\", number: \"020 7000 0000\" }\n"
		       "  out_of_hours: { text: \"Closed now\" }\n"
		       "  quick_exit: none\n" SCREENS_ONLY,
		       &c, &d),
		  LOAD_OK);
	CHECK_INT(d.n, 1);
	if (d.n == 1) {
		CHECK_INT(d.items[0].severity, DIAG_WARNING);
		CHECK_INT(d.items[0].line, 3);
		CHECK_CONTAINS(d.items[0].message, "kiosk.out_of_hours is never shown: there are no opening hours");
	}
	content_free(&c);
	diag_clear(&d);
}

/* The warning that hours and sleep need the kiosk to know the time: once
 * per file, at the hours (else at the sleep times), saying what a visitor
 * would not see until the time is known; none without either. */
static void hours_and_sleep_need_the_time_once(void)
{
	static const struct {
		const char *yaml;
		int line, col;
		const char *what, *unseen; /* unseen NULL: no parenthesis at all */
	} cases[] = {
		{ "hours:\n  monday: \"09:00-17:00\"\n" SCREENS, 1, 1, "the opening hours need", NULL },
		{ "display:\n  sleep: \"22:00-07:00\"\n" SCREENS, 2, 10, "the sleep times need", "(no black screen)" },
		{ "hours:\n  monday: \"09:00-17:00\"\n"
		  "kiosk:\n  help: { name: \"Centre\", number: \"020 7000 0000\" }\n"
		  "  out_of_hours: { text: \"Closed now\" }\n  quick_exit: none\n"
		  "display:\n  sleep: outside_hours\n" SCREENS_ONLY,
		  1, 1, "the opening hours and the sleep times need", "(no closed banner, no black screen)" },
		{ "hours:\n  monday: \"09:00-17:00\"\n"
		  "kiosk:\n  help: { name: \"Centre\", number: \"020 7000 0000\" }\n"
		  "  out_of_hours: { text: \"Closed now\" }\n  quick_exit: none\n" SCREENS_ONLY,
		  1, 1, "the opening hours need", "(no closed banner)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct content c;
		struct diag_list d = { 0 };
		CHECK_INT(load(cases[i].yaml, &c, &d), LOAD_OK);
		CHECK_INT(d.n, 1);
		if (d.n == 1) {
			CHECK_INT(d.items[0].severity, DIAG_WARNING);
			CHECK_INT(d.items[0].line, cases[i].line);
			CHECK_INT(d.items[0].col, cases[i].col);
			CHECK_CONTAINS(d.items[0].message, cases[i].what);
			CHECK_CONTAINS(d.items[0].message, "as on an open day");
			CHECK_CONTAINS(d.items[0].message, "network time");
			CHECK_CONTAINS(d.items[0].message, "battery clock");
			CHECK_CONTAINS(d.items[0].message, "'signpostctl status'");
			if (cases[i].unseen)
				CHECK_CONTAINS(d.items[0].message, cases[i].unseen);
			else
				CHECK(!strstr(d.items[0].message, "(no "));
		} else {
			diag_print(&d, "test.yaml", stderr);
		}
		content_free(&c);
		diag_clear(&d);
	}
	/* neither hours nor sleep (sleep: never is no sleep): nothing to say */
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load("display:\n  sleep: never\n" SCREENS, &c, &d), LOAD_OK);
	CHECK_INT(d.n, 0);
	content_free(&c);
	diag_clear(&d);
	/* content with errors is not shown at all: only the errors are said */
	CHECK_INT(load("hours:\n  monday: \"9-17\"\n  tuesday: \"09:00-17:00\"\n" SCREENS, &c, &d), LOAD_INVALID);
	CHECK_INT(d.n, 1);
	for (size_t i = 0; i < d.n; i++)
		CHECK(!strstr(d.items[i].message, "know the time"));
	diag_clear(&d);
}

static void qr_blocks_are_encoded_at_load(void)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load("screens:\n  - id: a\n    title: \"A\"\n    blocks:\n"
		       "      - qr: { data: \"tel:+448085002222\", caption: \"Scan to call\" }\n"
		       "      - qr:\n          data: \"https://example.org/help?x=1&y=2\"\n" NO_QUICK_EXIT,
		       &c, &d),
		  LOAD_OK);
	diag_print(&d, "test.yaml", stderr);
	const struct block *b = c.screens[0].blocks;
	CHECK_INT(b[0].kind, BLOCK_QR);
	CHECK_STR(b[0].qr.data, "tel:+448085002222");
	CHECK_INT(b[0].qr.code.width, 21);
	CHECK(b[0].qr.has_caption);
	CHECK_STR(b[0].qr.caption.by_lang[0], "Scan to call");
	CHECK_INT(b[0].qr.data_at.line, 5);
	CHECK_INT(b[0].qr.data_at.col, 21);
	CHECK(!b[1].qr.has_caption);
	CHECK_INT(b[1].qr.data_at.line, 7);
	CHECK(b[1].qr.code.width > 21);
	content_free(&c);
	diag_clear(&d);
}

static void mistakes_and_where_they_are_reported(void)
{
	refused("hours:\n  monday: \"09:00-13:00, 12:00-17:00\"\n" SCREENS, 2, 11,
		"the hours '09:00-13:00, 12:00-17:00' for 'monday' overlap or are out of order");
	refused("hours:\n  monday: \"09:00-09:00\"\n" SCREENS, 2, 11, "open and close at the same time");
	refused("hours:\n  monday: \"01:00-02:00, 03:00-04:00, 05:00-06:00, 07:00-08:00, 09:00-10:00\"\n" SCREENS,
		2, 11, "more than 4 time spans");
	refused("hours:\n  monday: \"09:60-17:00\"\n" SCREENS, 2, 11, "which is not a time of day");
	refused("hours:\n  monday: \"24:30-24:45\"\n" SCREENS, 2, 11, "which is not a time of day");
	refused("hours:\n  monday: [\"09:00-17:00\"]\n" SCREENS, 2, 11, "'monday' must be opening hours");
	refused("hours:\n  monday: \"9am-5pm\"\n" SCREENS, 2, 11, "with the minutes");
	refused("hours:\n  exceptions:\n    \"2026-12-25\": closed\n    \"2026-12-25\": \"10:00-12:00\"\n" SCREENS,
		4, 5, "the date 2026-12-25 is given twice in 'exceptions'; the first is on line 3");
	refused("hours:\n  exceptions:\n    \"2026-12-25\": \"10:00\"\n" SCREENS, 3, 19, "'2026-12-25' must be opening hours");
	refused("hours:\n  exceptions: closed\n" SCREENS, 2, 15, "'exceptions' must be dates, each with its hours");
	refused("display:\n  sleep: \"07:00-07:00\"\n" SCREENS, 2, 10, "'sleep' starts and ends at the same time");
	refused("display:\n  sleep: \"23:00-25:00\"\n" SCREENS, 2, 10, "which is not a time of day");
	refused("kiosk:\n  out_of_hours: \"Closed\"\n"
		       "  quick_exit: none\n" SCREENS_ONLY, 2, 17, "'out_of_hours' must be settings indented");
	refused("kiosk:\n  monday: \"09:00-17:00\"\n"
		       "  quick_exit: none\n" SCREENS_ONLY, 2, 3, "'monday' belongs under 'hours:'");
	refused("screens:\n  - { id: a, title: \"A\", blocks: [ { qr: { data: \"0808 500 2222\" } } ] }\n" NO_QUICK_EXIT, 2, 50,
		"did you mean \"tel:08085002222\"?");
	refused("screens:\n  - { id: a, title: \"A\", blocks: [ { qr: { data: \"tel:help\" } } ] }\n" NO_QUICK_EXIT, 2, 50,
		"'data' must be tel: and a phone number");
	refused("screens:\n  - { id: a, title: \"A\", blocks: [ { qr: { data: \"https://example.org/caf\xc3\xa9\" } } ] }\n" NO_QUICK_EXIT,
		2, 50, "'data' has letters a phone may read back differently");
	refused("screens:\n  - { id: a, title: \"A\", blocks: [ { qr: { data: \"https://exa mple.org/\" } } ] }\n" NO_QUICK_EXIT,
		2, 50, "'data' is a link with spaces in it");
	refused("screens:\n  - { id: a, title: \"A\", blocks: [ { qr: { data: \"tel:999\" }, text: \"y\" } ] }\n" NO_QUICK_EXIT, 2, 63,
		"this block has both 'qr' and 'text'");
	/* longer than any QR code holds */
	size_t n = 3000;
	char *yaml = malloc(n + 200);
	int k = snprintf(yaml, 200, "screens:\n  - { id: a, title: \"A\", blocks: [ { qr: { data: \"https://e.org/");
	memset(yaml + k, 'a', n);
	strcpy(yaml + k + n, "\" } } ] }\n" NO_QUICK_EXIT);
	refused(yaml, 2, 50, "'data' is too long for a QR code");
	free(yaml);
}

int main(void)
{
	RUN(hours_become_minutes_per_weekday);
	RUN(defaults_without_hours);
	RUN(out_of_hours_number_is_its_own_or_the_help_line);
	RUN(hours_and_sleep_need_the_time_once);
	RUN(qr_blocks_are_encoded_at_load);
	RUN(mistakes_and_where_they_are_reported);
	return TEST_DONE();
}
