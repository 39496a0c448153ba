/* test_load.c — the content loader, from staff's side of the file.
 *
 * Every file in tests/invalid/ is a mistake someone could really make; the
 * table below says where the loader must point and what it must say, and a
 * check makes sure no file there is left out of the table. The rest loads
 * valid content and looks at defaults, translations, limits that are
 * generated rather than checked in (1 MiB, deep nesting), and robustness:
 * every prefix of every invalid file, under the sanitizers in CI. */
#include "load.h"
#include "slurp.h"
#include "test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define INVALID_DIR SIGNPOST_SOURCE_DIR "/tests/invalid"

struct invalid_case {
	const char *file;
	int errors;          /* errors in all (warnings are not counted); a kiosk
				section without quick_exit is one more */
	int line, col;       /* where the problem must be reported */
	const char *message; /* part of the message there */
};

static const struct invalid_case invalid_cases[] = {
	/* unknown keys */
	{ "unknown_key_suggestion.yaml", 2, 5, 5, "unknown key 'titel' in a screen; did you mean 'title'?" },
	{ "unknown_key_no_suggestion.yaml", 1, 3, 3,
	  "unknown key 'colour' in the theme section; the keys allowed there are: background, text, accent, font" },
	{ "unknown_key_misindented.yaml", 2, 3, 1, "'cycle' belongs under 'kiosk:', so check its indentation" },
	{ "unknown_key_text_in_screen.yaml", 1, 4, 5, "'text' belongs in a block (under 'blocks:'" },
	{ "unknown_key_call_fields_in_block.yaml", 2, 8, 9, "'number' belongs under 'call:' in a block" },
	/* wrong types, at several levels */
	{ "wrong_type_root_list.yaml", 1, 1, 1, "the file must be made of settings such as 'kiosk:' and 'screens:'" },
	{ "wrong_type_screens_scalar.yaml", 2, 3, 10, "'screens' must be a list of screens, each starting with '- id:', not 'welcome'" },
	{ "wrong_type_kiosk_list.yaml", 1, 2, 3, "'kiosk' must be settings indented under 'kiosk:', like  cycle: 12, not a list" },
	{ "wrong_type_languages_scalar.yaml", 2, 2, 14, "'languages' must be a list of language codes, like [en, pl], not 'en'" },
	{ "wrong_type_title_list.yaml", 1, 4, 7, "'title' must be text, or one text per language" },
	/* say: how speech says a number */
	{ "say_not_text.yaml", 1, 10, 13, "'say' must be text, or one text per language like {en: \"...\", pl: \"...\"}, not a list" },
	{ "say_misspelt_language.yaml", 1, 7, 36, "language 'pk' in 'say' is not in kiosk.languages (en, pl); did you mean 'pl'?" },
	{ "wrong_type_blocks_map.yaml", 1, 5, 7, "'blocks' must be a list of blocks" },
	{ "wrong_type_block_scalar.yaml", 1, 5, 9, "each block must be one of text, steps, bullets, call, qr or picture" },
	{ "wrong_type_steps_scalar.yaml", 1, 5, 16, "'steps' must be a list of texts" },
	/* missing and empty */
	{ "missing_id.yaml", 1, 2, 5, "this screen has no 'id'; add one, like  id: reporting" },
	{ "missing_title.yaml", 1, 2, 5, "this screen has no 'title'" },
	{ "missing_blocks.yaml", 1, 2, 5, "this screen has no 'blocks'" },
	{ "missing_screens.yaml", 2, 1, 1, "the file has no 'screens'" },
	{ "empty_title.yaml", 1, 3, 12, "'title' is empty" },
	{ "empty_screens.yaml", 2, 3, 10, "'screens' is empty; add at least one screen" },
	{ "empty_steps.yaml", 1, 6, 16, "'steps' is empty; add at least one item" },
	{ "empty.yaml", 1, 0, 0, "the file is empty" },
	{ "only_comments.yaml", 1, 0, 0, "the file is empty" },
	/* duplicates */
	{ "duplicate_key.yaml", 1, 6, 5, "duplicate key 'title' in a screen; the first 'title' is on line 3" },
	{ "duplicate_screen_id.yaml", 1, 10, 9, "two screens have the id 'helplines'; the first is on line 2" },
	{ "duplicate_language.yaml", 2, 2, 23, "language 'en' is listed twice" },
	/* values */
	{ "bad_colour.yaml", 1, 2, 15, "colour 'background' must be a # and 6 hex digits" },
	{ "unquoted_colour.yaml", 1, 2, 14,
	  "colour 'background' is empty: in YAML a # starts a comment, so put colours in quotes, like \"#1B2340\"" },
	{ "cycle_out_of_range.yaml", 2, 3, 10, "'cycle' must be a number of seconds between 3 and 600, like 12" },
	{ "cycle_not_number.yaml", 2, 2, 10, "'cycle' must be a number of seconds between 3 and 600, like 12, not '12 seconds'" },
	{ "idle_timeout_too_short.yaml", 2, 2, 17, "'idle_timeout' must be a number of seconds between 10 and 3600" },
	{ "bad_bool.yaml", 1, 4, 11, "'loop' must be true or false, not 'ture'" },
	{ "bad_rotation.yaml", 1, 2, 13, "'rotation' must be 0, 90, 180 or 270" },
	{ "bad_transition.yaml", 2, 2, 15, "'transition' must be fade, slide or none" },
	{ "bad_screen_id.yaml", 1, 2, 9, "did you mean 'reporting-a-crime'?" },
	{ "bad_language_code.yaml", 2, 2, 19, "'Polish' is not a language code" },
	{ "quick_exit_missing_screen.yaml", 1, 3, 15,
	  "kiosk.quick_exit names the screen 'nuetral', but no screen has that id; did you mean 'neutral'?" },
	{ "quick_exit_renamed_screen.yaml", 1, 2, 15,
	  "kiosk.quick_exit names the screen 'neutral', but no screen has that id; if the Quick exit screen was "
	  "renamed, write its new id here, like  quick_exit: weather" },
	{ "quick_exit_deleted.yaml", 1, 2, 3, "kiosk has no 'quick_exit'; without it there is no Quick exit "
	  "button; add the id of an ordinary-looking screen that the button shows, like  quick_exit: neutral "
	  "(only if this kiosk must have no Quick exit button, write  quick_exit: none)" },
	{ "quick_exit_no_kiosk_section.yaml", 1, 1, 1, "the file has no 'kiosk:' section, so there is no Quick "
	  "exit button; add at the top  kiosk:  and under it  quick_exit: ID" },
	{ "quick_exit_misspelt.yaml", 1, 2, 3, "unknown key 'quikc_exit' in the kiosk section; did you mean "
	  "'quick_exit'?" },
	/* blocks and calls */
	{ "block_two_kinds.yaml", 1, 6, 9, "this block has both 'text' and 'call'" },
	{ "block_no_kind.yaml", 1, 6, 8, "this block is empty; give it one of text, steps, bullets, call, qr or picture" },
	{ "block_empty_map.yaml", 1, 5, 9, "this block has none of text, steps, bullets, call, qr or picture" },
	{ "call_without_number.yaml", 1, 6, 11, "this call has no 'number'" },
	{ "number_without_digit.yaml", 1, 7, 19, "'number' has no digits in it" },
	{ "number_with_letter_o.yaml", 1, 7, 46, "'number' has the letter O where a zero seems meant ('O8O8 5OO "
	  "2222'); type the digit 0 (zero) instead of the letter O" },
	{ "qr_other_number_than_call.yaml", 1, 11, 17, "this QR code dials +448085002222, but the number printed "
	  "beside it (line 9) is 0800 123 4567; a visitor who scans it would call another number than the one "
	  "shown. If 0800 123 4567 is right, write  data: \"tel:+448001234567\"; if the code is right, correct "
	  "the number" },
	{ "qr_other_number_than_help.yaml", 1, 14, 17, "this QR code and the number beside it dial 0808 500 2222, "
	  "but kiosk.help gives the same line ('Rape Crisis 24/7 Support Line') the number 0800 123 4567 (line 5)" },
	{ "help_without_name.yaml", 2, 3, 5, "kiosk.help has no 'name'" },
	{ "qr_tel_with_spaces.yaml", 1, 7, 17, "written as tel: and the digits with no spaces (best with the "
	  "country code, like \"tel:+448085002222\"), not 'tel:0808 500 2222'; did you mean \"tel:08085002222\"?" },
	{ "qr_not_a_link.yaml", 1, 6, 17, "'data' must be a web link starting with https:// or a phone number" },
	{ "qr_without_data.yaml", 1, 6, 11, "this qr block has no 'data'" },
	/* opening hours and sleep */
	{ "hours_not_a_time.yaml", 1, 2, 11, "'monday' has '09:00-25:00', which is not a time of day" },
	{ "hours_without_minutes.yaml", 1, 2, 11, "'monday' must be opening hours like \"09:00-17:00\" (24-hour clock, "
	  "with the minutes)" },
	{ "hours_unknown_weekday.yaml", 1, 3, 3, "unknown key 'tuseday' in the hours section; did you mean 'tuesday'?" },
	{ "hours_closes_before_opens.yaml", 1, 2, 11, "the hours '17:00-09:00' for 'friday' close before they open" },
	{ "hours_date_not_iso.yaml", 1, 4, 5, "'25/12/2026' in 'exceptions' is not a date; write dates as "
	  "year-month-day in quotes, like \"2026-12-25\"" },
	{ "hours_date_not_in_calendar.yaml", 1, 4, 5, "'2026-02-30' in 'exceptions' is not a day of the calendar" },
	{ "sleep_outside_hours_without_hours.yaml", 1, 2, 10, "'sleep' is outside_hours, but there are no opening hours" },
	{ "sleep_not_times.yaml", 1, 2, 10, "not '22-7'" },
	{ "out_of_hours_without_number.yaml", 2, 5, 5, "kiosk.out_of_hours has no number to call" },
	/* translations */
	{ "unknown_language.yaml", 2, 5, 33,
	  "language 'pk' in 'title' is not in kiosk.languages (en, pl); did you mean 'pl'?" },
	{ "missing_default_translation.yaml", 2, 6, 7, "'title' has no 'en' text" },
	/* the raw text */
	{ "tab_indentation.yaml", 1, 4, 1, "tab character in indentation; indent with spaces only" },
	{ "invalid_utf8.yaml", 1, 3, 16, "not valid UTF-8 (byte 0xE9)" },
	{ "nul_byte.yaml", 1, 5, 28, "NUL byte" },
	{ "control_character.yaml", 1, 5, 34, "invisible control character (U+0007)" },
	/* YAML features we refuse, and YAML syntax */
	{ "anchor.yaml", 1, 3, 12, "YAML anchors and aliases (& and *) are not allowed; write the text out in full" },
	{ "alias.yaml", 2, 6, 15, "YAML anchors and aliases (& and *) are not allowed; write the text out in full" },
	{ "tag.yaml", 1, 3, 12, "YAML tags (words starting with !) are not allowed" },
	{ "too_deep.yaml", 2, 6, 16, "nested too deeply" },
	{ "two_documents.yaml", 2, 6, 1, "a second YAML document starts here" },
	{ "unclosed_quote_end.yaml", 1, 5, 15, "this quoted text has no closing quote" },
	{ "unclosed_quote_middle.yaml", 1, 3, 12, "this quoted text runs on to line 5" },
	{ "colon_in_text.yaml", 1, 3, 19, "if the text contains a colon, put the whole text in quotes" },
	{ "missing_colon.yaml", 1, 3, 5, "this line has no ':' after its key" },
	{ "bad_indentation.yaml", 1, 4, 4, "this line is not indented like the lines around it" },
	/* ... and what libyaml's words would hide */
	{ "indent_extra_space_after_plain.yaml", 1, 3, 6,
	  "'title' is indented 1 space more than 'id' on the line above" },
	{ "indent_extra_space.yaml", 1, 4, 6, "'duration' is indented 1 space more than 'title' on the line above" },
	{ "quote_inside_double_quotes.yaml", 1, 5, 28,
	  "this \" ends the quoted text early, so the words after it are left over; a \" inside a text in "
	  "double quotes must be written \\\"" },
	{ "apostrophe_inside_single_quotes.yaml", 1, 3, 19,
	  "this ' ends the quoted text early, so the words after it are left over; put a text with an "
	  "apostrophe in double quotes (like \"it isn't\"), or write the apostrophe twice" },
	{ "curly_quotes.yaml", 1, 3, 12, "this text is in curly quotes" },
	/* several problems at once: see test_several_problems() */
	{ "several_problems.yaml", 6, 6, 14, "colour 'background' is empty" },
};

#define N_CASES (sizeof invalid_cases / sizeof invalid_cases[0])

static const char minimal[] = "screens:\n"
			      "  - id: welcome\n"
			      "    title: \"Welcome\"\n"
			      "    blocks:\n"
			      "      - text: \"You are safe here.\"\n"
			      "kiosk: { quick_exit: none }\n";

static const struct diag *find_diag(const struct diag_list *d, enum diag_severity sev, int line, int col)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == sev && d->items[i].line == line && d->items[i].col == col)
			return &d->items[i];
	return NULL;
}

static bool sorted(const struct diag_list *d)
{
	for (size_t i = 1; i < d->n; i++)
		if (d->items[i - 1].line > d->items[i].line ||
		    (d->items[i - 1].line == d->items[i].line && d->items[i - 1].col > d->items[i].col))
			return false;
	return true;
}

static bool is_zero(const struct content *c)
{
	static const struct content zero;
	return memcmp(c, &zero, sizeof zero) == 0;
}

static void print_diags(const struct diag_list *d, const char *path)
{
	diag_print(d, path, stderr);
}

static enum load_result load_text(const char *text, struct content *c, struct diag_list *d)
{
	return content_load_buffer("test.yaml", text, strlen(text), c, d);
}

static void test_invalid_files(void)
{
	for (size_t i = 0; i < N_CASES; i++) {
		const struct invalid_case *t = &invalid_cases[i];
		char path[512];
		snprintf(path, sizeof path, "%s/%s", INVALID_DIR, t->file);
		test_current = t->file;

		struct content c;
		struct diag_list d = { 0 };
		enum load_result r = load_file(path, &c, &d);
		CHECK_INT(r, LOAD_INVALID);
		CHECK(is_zero(&c));
		CHECK_INT(diag_count(&d, DIAG_ERROR), t->errors);
		CHECK(sorted(&d));
		const struct diag *at = find_diag(&d, DIAG_ERROR, t->line, t->col);
		CHECK(at != NULL);
		if (at)
			CHECK_CONTAINS(at->message, t->message);
		if (!at || (int)diag_count(&d, DIAG_ERROR) != t->errors)
			print_diags(&d, t->file);
		diag_clear(&d);
		content_free(&c);
	}
}

/* A file added to tests/invalid/ without a row above would test nothing. */
static void test_every_invalid_file_is_in_the_table(void)
{
	DIR *dir = opendir(INVALID_DIR);
	CHECK(dir != NULL);
	if (!dir)
		return;
	size_t files = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		files++;
		bool found = false;
		for (size_t i = 0; i < N_CASES && !found; i++)
			found = strcmp(invalid_cases[i].file, e->d_name) == 0;
		if (!found)
			fprintf(stderr, "tests/invalid/%s is not in the table of test_load.c\n", e->d_name);
		CHECK(found);
	}
	closedir(dir);
	CHECK_INT(files, N_CASES);
	CHECK(N_CASES >= 30);
}

static void test_several_problems(void)
{
	static const struct {
		int line, col;
		const char *message;
	} want[] = {
		{ 3, 10, "'cycle' must be a number of seconds between 3 and 600" },
		{ 4, 15, "kiosk.quick_exit names the screen 'neutral', but no screen has that id; if the Quick exit "
			 "screen was renamed, write its new id here, like  quick_exit: welcome" },
		{ 6, 14, "colour 'background' is empty: in YAML a # starts a comment" },
		{ 9, 5, "unknown key 'titel' in a screen; did you mean 'title'?" },
		{ 12, 9, "two screens have the id 'welcome'; the first is on line 8" },
		{ 16, 11, "this call has no 'number'" },
	};
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_file(INVALID_DIR "/several_problems.yaml", &c, &d), LOAD_INVALID);
	CHECK_INT(d.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < d.n && i < sizeof want / sizeof want[0]; i++) {
		CHECK_INT(d.items[i].severity, DIAG_ERROR);
		CHECK_INT(d.items[i].line, want[i].line);
		CHECK_INT(d.items[i].col, want[i].col);
		CHECK_CONTAINS(d.items[i].message, want[i].message);
	}
	diag_clear(&d);
}

/* 1 MiB exactly is allowed; one byte more is not. Generated, not checked in. */
static void test_size_limit(void)
{
	size_t size = CONTENT_MAX_FILE_BYTES;
	char *buf = malloc(size + 1);
	memcpy(buf, minimal, sizeof minimal - 1);
	memset(buf + sizeof minimal - 1, '#', size + 1 - (sizeof minimal - 1)); /* one long comment */
	buf[size - 1] = '\n';

	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(content_load_buffer("big.yaml", buf, size, &c, &d), LOAD_OK);
	CHECK_INT(d.n, 0);
	content_free(&c);

	buf[size - 1] = '#';
	buf[size] = '\n';
	CHECK_INT(content_load_buffer("big.yaml", buf, size + 1, &c, &d), LOAD_INVALID);
	CHECK_INT(d.n, 1);
	if (d.n == 1) {
		CHECK_INT(d.items[0].line, 0);
		CHECK_CONTAINS(d.items[0].message, "larger than 1 MiB (1048576 bytes)");
	}
	diag_clear(&d);
	free(buf);
}

static void test_minimal_defaults(void)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(minimal, &c, &d), LOAD_OK);
	CHECK_INT(d.n, 0);
	CHECK_STR(c.path, "test.yaml");
	CHECK_INT(c.n_langs, 1);
	CHECK_STR(c.langs[0], "en");
	CHECK(c.cycle == 12);
	CHECK(c.idle_timeout == 90);
	CHECK_INT(c.quick_exit, -1);
	CHECK_INT(c.transition, TRANSITION_FADE);
	CHECK(!c.has_help);
	CHECK_INT(c.rotation, 0);
	CHECK(c.diagonal_inches == 0);
	CHECK_INT(c.theme.background, 0x1B2340);
	CHECK_INT(c.theme.text, 0xFFFFFF);
	CHECK_INT(c.theme.accent, 0xF2B705);
	CHECK_STR(c.theme.font, "DejaVu Sans");
	CHECK_STR(c.labels.touch_hint.by_lang[0], "Touch the screen to find out more");
	CHECK_STR(c.labels.help_prefix.by_lang[0], "Talk to someone now:");
	CHECK_INT(c.n_screens, 1);
	if (c.n_screens == 1) {
		const struct screen *s = &c.screens[0];
		CHECK_STR(s->id, "welcome");
		CHECK_INT(s->at.line, 2);
		CHECK_INT(s->at.col, 5);
		CHECK_STR(s->title.by_lang[0], "Welcome");
		CHECK(s->loop);
		CHECK(s->show_help);
		CHECK(s->duration == 0);
		CHECK_INT(s->n_blocks, 1);
		CHECK_INT(s->blocks[0].kind, BLOCK_TEXT);
		CHECK_INT(s->blocks[0].at.line, 5);
		CHECK_INT(s->blocks[0].at.col, 9);
		CHECK_STR(s->blocks[0].text.by_lang[0], "You are safe here.");
	}
	CHECK_INT(content_find_screen(&c, "welcome"), 0);
	content_free(&c);
}

static const char full[] =
	"kiosk:\n"
	"  languages: [en, pl, pt-BR]\n"
	"  cycle: 15.5\n"
	"  idle_timeout: 120\n"
	"  quick_exit: neutral\n"
	"  transition: none\n"
	"  help:\n"
	"    name: \"Rape Crisis 24/7 Support Line\"\n"
	"    number: \"0808 500 2222\"\n"
	"    hours: { en: \"Free, day and night\", pl: \"Bezpłatnie, całą dobę\", pt-BR: \"Grátis\" }\n"
	"display:\n"
	"  rotation: 270\n"
	"  diagonal_inches: 10.1\n"
	"theme: { background: \"#000\", text: \"#fafafa\", accent: \"#F2B705\", font: \"Noto Sans\" }\n"
	"labels:\n"
	"  touch_hint: { en: \"Touch me\", pl: \"Dotknij\", pt-BR: \"Toque\" }\n"
	"screens:\n"
	"  - id: reporting\n"
	"    title: { en: \"Reporting\", pl: \"Zgłoszenie\", pt-BR: \"Denúncia\" }\n"
	"    duration: 20\n"
	"    show_help: No\n"
	"    blocks:\n"
	"      - steps: [\"One\", { en: \"Two\", pl: \"Dwa\", pt-BR: \"Dois\" }]\n"
	"      - bullets:\n"
	"          - \"A\"\n"
	"          - \"B\"\n"
	"      - call: { name: \"The Havens\", number: \"020 3299 6900\" }\n"
	"  - id: neutral\n"
	"    title: \"Opening hours\"\n"
	"    blocks:\n"
	"      - text: \"9 to 5\"\n"
	"  - id: loop-neutral\n"
	"    title: \"Other\"\n"
	"    loop: off\n"
	"    blocks:\n"
	"      - text: \"x\"\n";

static void test_full_content(void)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(full, &c, &d), LOAD_OK);
	CHECK_INT(diag_count(&d, DIAG_ERROR), 0); /* warnings: its texts are not all translated */
	if (diag_count(&d, DIAG_ERROR))
		print_diags(&d, "full");
	CHECK_INT(c.n_langs, 3);
	CHECK_STR(c.langs[2], "pt-BR");
	CHECK(c.cycle == 15.5);
	CHECK(c.idle_timeout == 120);
	CHECK_INT(c.quick_exit, 1);
	CHECK_INT(c.transition, TRANSITION_NONE);
	CHECK(c.has_help);
	CHECK_STR(c.help.name.by_lang[1], "Rape Crisis 24/7 Support Line");
	CHECK_STR(c.help.number, "0808 500 2222");
	CHECK(c.help.has_hours);
	CHECK_STR(c.help.hours.by_lang[1], "Bezpłatnie, całą dobę");
	CHECK_INT(c.rotation, 270);
	CHECK(c.diagonal_inches > 10.09 && c.diagonal_inches < 10.11);
	CHECK_INT(c.theme.background, 0x000000);
	CHECK_INT(c.theme.text, 0xFAFAFA);
	CHECK_STR(c.theme.font, "Noto Sans");
	CHECK_STR(c.labels.touch_hint.by_lang[2], "Toque");
	CHECK_STR(c.labels.help_prefix.by_lang[2], "Talk to someone now:");
	CHECK_INT(c.n_screens, 3);
	if (c.n_screens == 3) {
		const struct screen *s = &c.screens[0];
		CHECK(s->duration == 20);
		CHECK(!s->show_help);
		CHECK(s->loop);
		CHECK_INT(s->n_blocks, 3);
		CHECK_INT(s->blocks[0].kind, BLOCK_STEPS);
		CHECK_INT(s->blocks[0].n_items, 2);
		CHECK_STR(s->blocks[0].items[0].by_lang[2], "One");
		CHECK_STR(s->blocks[0].items[1].by_lang[1], "Dwa");
		CHECK_INT(s->blocks[1].kind, BLOCK_BULLETS);
		CHECK_INT(s->blocks[1].n_items, 2);
		CHECK_STR(s->blocks[1].items[1].by_lang[0], "B");
		CHECK_INT(s->blocks[2].kind, BLOCK_CALL);
		CHECK_STR(s->blocks[2].call.number, "020 3299 6900");
		CHECK(!s->blocks[2].call.has_hours);
		CHECK(s->blocks[2].call.hours.by_lang[0] == NULL);
		/* the quick-exit screen is out of the loop unless it says otherwise */
		CHECK(!c.screens[1].loop);
		CHECK(!c.screens[2].loop);
	}
	content_free(&c);
	diag_clear(&d);
}

/* quick_exit: none is a choice staff make: no Quick exit button, and no
 * problem reported, where a missing quick_exit is an error. */
static void test_quick_exit_none_is_a_choice(void)
{
	static const char text[] = "kiosk: { quick_exit: none }\n"
				   "screens:\n"
				   "  - { id: welcome, title: \"Welcome\", blocks: [ { text: \"Hello\" } ] }\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(text, &c, &d), LOAD_OK);
	CHECK_INT(d.n, 0);
	CHECK_INT(c.quick_exit, -1);
	CHECK(c.screens[0].loop);
	content_free(&c);
	diag_clear(&d);
	static const char none_screen[] = "kiosk: { quick_exit: none }\n"
					  "screens:\n"
					  "  - { id: welcome, title: \"Welcome\", blocks: [ { text: \"Hello\" } ] }\n"
					  "  - { id: none, title: \"Weather\", blocks: [ { text: \"Sunny\" } ] }\n";
	CHECK_INT(load_text(none_screen, &c, &d), LOAD_OK);
	CHECK_INT(c.quick_exit, 1); /* a screen called none is a screen */
	content_free(&c);
	diag_clear(&d);
}

static void test_quick_exit_in_loop_when_asked(void)
{
	static const char text[] = "kiosk: { quick_exit: neutral }\n"
				    "screens:\n"
				    "  - id: neutral\n"
				    "    title: \"Opening hours\"\n"
				    "    loop: yes\n"
				    "    blocks: [ text: \"9 to 5\" ]\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(text, &c, &d), LOAD_OK);
	CHECK_INT(c.quick_exit, 0);
	if (c.n_screens == 1)
		CHECK(c.screens[0].loop);
	diag_clear(&d);
	content_free(&c);
}

/* A language without its own text shows the default language's, with a
 * warning; the rest of the program never sees a missing translation. */
static void test_translation_fallback(void)
{
	static const char text[] = "kiosk:\n"
				   "  languages: [en, pl, de]\n"
				   "  quick_exit: none\n"
				   "labels:\n"
				   "  language_name: {en: \"English\", pl: \"Polski\", de: \"Deutsch\"}\n"
				   "screens:\n"
				   "  - id: rights\n"
				   "    title: { en: \"Your rights\", pl: \"Twoje prawa\" }\n"
				   "    blocks:\n"
				   "      - text: \"Same for everyone\"\n"
				   "      - text: \"24/7\"\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(text, &c, &d), LOAD_OK);
	CHECK_INT(diag_count(&d, DIAG_ERROR), 0);
	static const struct {
		int line, col;
		const char *message;
	} want[] = {
		{ 2, 19, "the kiosk's own words (touch_hint, help_prefix, back, topics, quick_exit, still_there, "
			 "touch_to_continue, language) are not given under 'labels:', so they are shown in English "
			 "in every language; add them under labels: with a text per language, like  touch_hint: "
			 "{en: \"Touch the screen to find out more\", pl: \"...\"}" },
		{ 2, 19, "the words speech adds (button, page_of, next, previous, larger_text, smaller_text, contrast, "
			 "speech_on, speech_help, speech_touch, any_key, listen, stop_speech) "
			 "are not given under 'labels:', so they are said in English in every language; add them under "
			 "labels: with a text per language, like  button: {en: \"Button\", pl: \"...\"}" },
		{ 8, 12, "no 'de' text for 'title'; the 'en' text is shown instead; add it, like  de: \"...\"" },
		{ 10, 15, "'text' is written once for every language, so it is shown in 'en' to a visitor who chose "
			  "'pl', 'de'; give one text per language, like {en: \"...\", pl: \"...\"}" },
	};
	CHECK_INT(d.n, sizeof want / sizeof want[0]); /* "24/7" has no words to translate */
	for (size_t i = 0; i < d.n && i < sizeof want / sizeof want[0]; i++) {
		CHECK_INT(d.items[i].severity, DIAG_WARNING);
		CHECK_INT(d.items[i].line, want[i].line);
		CHECK_INT(d.items[i].col, want[i].col);
		CHECK_CONTAINS(d.items[i].message, want[i].message);
	}
	if (d.n != sizeof want / sizeof want[0])
		print_diags(&d, "fallback");
	if (c.n_screens == 1) {
		const struct ltext *t = &c.screens[0].title;
		CHECK_STR(t->by_lang[0], "Your rights");
		CHECK_STR(t->by_lang[1], "Twoje prawa");
		CHECK_STR(t->by_lang[2], "Your rights");
		const struct ltext *b = &c.screens[0].blocks[0].text;
		for (size_t i = 0; i < 3; i++)
			CHECK_STR(b->by_lang[i], "Same for everyone");
		CHECK_STR(c.labels.touch_hint.by_lang[1], "Touch the screen to find out more");
	}
	diag_clear(&d);
	content_free(&c);
}

/* Past the first three untranslated texts, one warning counts the rest,
 * per language, at the first of them; a language without a name is one
 * warning at its code, with the names to write. */
static void test_many_untranslated_texts(void)
{
	static const char text[] = "kiosk:\n"
				   "  languages: [en, pl, ar]\n"
				   "  quick_exit: none\n"
				   "labels: { language_name: {en: \"English\", pl: \"English\"} }\n"
				   "screens:\n"
				   "  - id: a\n"
				   "    title: {en: \"A\", pl: \"A-pl\", ar: \"A-ar\"}\n"
				   "    blocks:\n"
				   "      - text: \"one\"\n"
				   "      - text: {en: \"two\", pl: \"dwa\"}\n"
				   "      - text: \"three\"\n"
				   "      - text: \"four\"\n"
				   "      - text: {en: \"five\", ar: \"five-ar\"}\n"
				   "      - text: \"six\"\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(text, &c, &d), LOAD_OK);
	const struct diag *w = find_diag(&d, DIAG_WARNING, 12, 15);
	CHECK(w != NULL);
	if (w)
		CHECK_CONTAINS(w->message, "and 3 more texts from here on are not in every language (missing: pl: 3, "
					   "ar: 2); the 'en' text is shown instead");
	CHECK(find_diag(&d, DIAG_WARNING, 9, 15) != NULL);
	CHECK(find_diag(&d, DIAG_WARNING, 10, 15) != NULL);
	CHECK(find_diag(&d, DIAG_WARNING, 11, 15) != NULL);
	CHECK(find_diag(&d, DIAG_WARNING, 13, 15) == NULL); /* counted, not listed */
	bool named = false; /* the kiosk's own words are reported at 2:19 too */
	for (size_t i = 0; i < d.n; i++)
		named |= d.items[i].line == 2 && d.items[i].col == 19 &&
			 strstr(d.items[i].message, "the languages 'pl', 'ar' have no name of their own under labels: "
						    "language_name, so the language button and the list of languages "
						    "show another language's name; name each language in its own "
						    "language, like  language_name: {en: \"English\", pl: \"Polski\", "
						    "ar: \"العربية\"}");
	CHECK(named);
	diag_clear(&d);
	content_free(&c);
}

/* A QR code dials the number beside it however each is written; one
 * service with two numbers is a warning at the second, naming the first. */
static void test_numbers_that_must_agree(void)
{
	static const char same[] = "kiosk:\n"
				   "  quick_exit: none\n"
				   "  help: { name: \"Samaritans\", number: \"116 123\" }\n"
				   "screens:\n"
				   "  - id: a\n"
				   "    title: \"A\"\n"
				   "    blocks:\n"
				   "      - call: { name: \"samaritans\", number: \"116123\" }\n"
				   "      - qr: { data: \"tel:116123\" }\n"
				   "      - call: { name: \"Rape Crisis\", number: \"0808 500 2222\" }\n"
				   "      - qr: { data: \"tel:+448085002222\" }\n"
				   "      - call: { name: \"Havens\", number: \"+44 20 3299 6900\" }\n"
				   "      - qr: { data: \"tel:02032996900\" }\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(same, &c, &d), LOAD_OK);
	CHECK_INT(d.n, 0);
	if (d.n)
		print_diags(&d, "same");
	content_free(&c);
	diag_clear(&d);

	static const char two[] = "kiosk:\n"
				  "  quick_exit: none\n"
				  "  help: { name: \"Rape Crisis\", number: \"0808 500 2222\" }\n"
				  "screens:\n"
				  "  - id: a\n"
				  "    title: \"A\"\n"
				  "    blocks:\n"
				  "      - call: { name: \"Rape  crisis\", number: \"0800 123 4567\" }\n"
				  "      - call: { name: \"Childline\", number: \"0800 1111\" }\n";
	CHECK_INT(load_text(two, &c, &d), LOAD_OK);
	CHECK_INT(diag_count(&d, DIAG_WARNING), 1);
	const struct diag *w = find_diag(&d, DIAG_WARNING, 8, 47);
	CHECK(w != NULL);
	if (w)
		CHECK_CONTAINS(w->message, "'Rape  crisis' has the number 0800 123 4567 here, but 0808 500 2222 on "
					   "line 3; if its number changed, change it in both places");
	else
		print_diags(&d, "two");
	content_free(&c);
	diag_clear(&d);
}

/* Word's curly quotes around a whole value are kept by YAML as part of the
 * text: a warning at the value; curly quotes inside a text are fine. */
static void test_curly_quotes_around_a_value(void)
{
	static const char text[] = "kiosk: {quick_exit: none}\n"
				   "screens:\n"
				   "  - id: a\n"
				   "    title: \xe2\x80\x9cWelcome\xe2\x80\x9d\n"
				   "    blocks:\n"
				   "      - call: {name: \"X\", number: \xe2\x80\x9c" "0808 500 2222\xe2\x80\x9d}\n"
				   "      - text: She said \xe2\x80\x9chi\xe2\x80\x9d to me\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(text, &c, &d), LOAD_OK);
	CHECK_INT(d.n, 2);
	const struct diag *w = find_diag(&d, DIAG_WARNING, 4, 12);
	CHECK(w != NULL);
	if (w)
		CHECK_CONTAINS(w->message, "this text is in curly quotes (as Word and phones write them), which YAML "
					   "keeps as part of the text, so the kiosk shows them; type straight quotes");
	CHECK(find_diag(&d, DIAG_WARNING, 6, 35) != NULL);
	content_free(&c);
	diag_clear(&d);
}

/* Diagnostics are appended after what the caller already had. */
static void test_appends_to_callers_list(void)
{
	struct content c;
	struct diag_list d = { 0 };
	diag_add(&d, DIAG_WARNING, 99, 1, "from before");
	CHECK_INT(load_text("kiosk: { quick_exit: none }\nscreens: []\n", &c, &d), LOAD_INVALID);
	CHECK_INT(d.n, 2);
	if (d.n == 2) {
		CHECK_STR(d.items[0].message, "from before");
		CHECK_INT(d.items[1].line, 2);
	}
	diag_clear(&d);
}

/* A byte order mark takes no column; CRLF ends a line like LF does. */
static void test_bom_and_crlf(void)
{
	static const char text[] = "\xEF\xBB\xBFscreens:\r\n"
				   "  - id: welcome\r\n"
				   "    titel: \"Welcome\"\r\n"
				   "    blocks: [ text: \"x\" ]\r\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(text, &c, &d), LOAD_INVALID);
	CHECK(find_diag(&d, DIAG_ERROR, 3, 5) != NULL);
	diag_clear(&d);

	static const char bad[] = "\xEF\xBB\xBFscreens:\r\n\tx: 1\r\n";
	CHECK_INT(load_text(bad, &c, &d), LOAD_INVALID);
	CHECK(find_diag(&d, DIAG_ERROR, 2, 1) != NULL);
	diag_clear(&d);
}

/* Columns count characters, as libyaml's do, not bytes. */
static void test_columns_count_characters(void)
{
	static const char text[] = "screens:\n"
				   "  - id: prawa\n"
				   "    title: \"Prawa\"\n"
				   "    blocks: [ { text: \"Żółć\", rows: 1 } ]\n";
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_text(text, &c, &d), LOAD_INVALID);
	CHECK(find_diag(&d, DIAG_ERROR, 4, 31) != NULL); /* 'rows', after 4 two-byte letters */
	diag_clear(&d);
}

/* Far deeper than the limit: one error, no crash, no runaway memory. */
static void test_very_deep_nesting(void)
{
	size_t depth = 100000;
	char *buf = malloc(depth * 2 + 16);
	size_t n = 0;
	n += (size_t)sprintf(buf, "screens: ");
	for (size_t i = 0; i < depth; i++)
		buf[n++] = '[';
	for (size_t i = 0; i < depth; i++)
		buf[n++] = ']';
	buf[n++] = '\n';
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(content_load_buffer("deep.yaml", buf, n, &c, &d), LOAD_INVALID);
	CHECK_INT(diag_count(&d, DIAG_ERROR), 1);
	if (d.n >= 1) {
		CHECK_INT(d.items[0].line, 1);
		CHECK_INT(d.items[0].col, 18); /* the tenth '[' */
		CHECK_CONTAINS(d.items[0].message, "nested too deeply");
	}
	diag_clear(&d);
	free(buf);
}

/* Thousands of mistakes give a readable list, not thousands of lines. */
static void test_problems_are_capped(void)
{
	size_t keys = 5000;
	char *buf = malloc(keys * 16 + 64);
	size_t n = (size_t)sprintf(buf, "%s", minimal);
	for (size_t i = 0; i < keys; i++)
		n += (size_t)sprintf(buf + n, "k%zu: 1\n", i);
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(content_load_buffer("many.yaml", buf, n, &c, &d), LOAD_INVALID);
	CHECK(d.n > 100 && d.n <= 201);
	CHECK(sorted(&d));
	if (d.n > 0)
		CHECK_CONTAINS(d.items[0].message, "only the first");
	diag_clear(&d);

	/* the same for the raw-text checks: a file indented with tabs */
	n = 0;
	for (size_t i = 0; i < keys; i++)
		n += (size_t)sprintf(buf + n, "\tk%zu: 1\n", i);
	CHECK_INT(content_load_buffer("tabs.yaml", buf, n, &c, &d), LOAD_INVALID);
	CHECK(d.n > 50 && d.n <= 101);
	diag_clear(&d);
	free(buf);
}

/* Every prefix of every invalid file, and each with one byte changed:
 * nothing may crash or leak (the sanitizers watch), and the result is
 * always a verdict with a reason. A poor man's fuzzer, run in CI. */
static void test_truncated_and_mutated_inputs(void)
{
	static const char bytes[] = { '\0', '\t', '\n', '"', '\'', '#', '&', '*', '-', ':', '[', '{', '}', '!', '|', '\xC3', '\xFF' };
	size_t runs = 0, bad = 0;
	for (size_t i = 0; i < N_CASES; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", INVALID_DIR, invalid_cases[i].file);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		char buf[4096];
		size_t len = fread(buf, 1, sizeof buf, f);
		fclose(f);
		for (size_t cut = 0; cut <= len; cut++) {
			for (size_t m = 0; m <= sizeof bytes; m++) {
				char copy[4096];
				memcpy(copy, buf, cut);
				if (m < sizeof bytes && cut > 0)
					copy[(cut * 7 + m) % cut] = bytes[m];
				struct content c;
				struct diag_list d = { 0 };
				enum load_result r = content_load_buffer("fuzz.yaml", copy, cut, &c, &d);
				bad += r == LOAD_INVALID && !diag_has_errors(&d);
				bad += r == LOAD_OK && diag_has_errors(&d);
				bad += r != LOAD_OK && !is_zero(&c);
				runs++;
				diag_clear(&d);
				content_free(&c);
			}
		}
	}
	CHECK(runs > 10000);
	CHECK_INT(bad, 0);
}

static void test_load_free_cycles(void)
{
	const char *path = SIGNPOST_SOURCE_DIR "/config/content.yaml";
	struct stat st;
	bool have_config = stat(path, &st) == 0;
	for (int i = 0; i < 100; i++) {
		struct content c;
		struct diag_list d = { 0 };
		enum load_result r = have_config ? load_file(path, &c, &d) : load_text(full, &c, &d);
		CHECK_INT(r, LOAD_OK);
		diag_clear(&d);
		content_free(&c);
		content_free(&c); /* freeing twice is harmless */
	}
	content_free(NULL);
}

/* The content we ship must load cleanly: no errors, no warnings. */
static void test_shipped_content(void)
{
	const char *path = SIGNPOST_SOURCE_DIR "/config/content.yaml";
	struct stat st;
	if (stat(path, &st) != 0) {
		printf("config/content.yaml not found; skipped\n");
		return;
	}
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(load_file(path, &c, &d), LOAD_OK);
	CHECK_INT(d.n, 0);
	print_diags(&d, "config/content.yaml");
	CHECK(c.n_screens > 0);
	CHECK(c.quick_exit >= 0);
	diag_clear(&d);
	content_free(&c);
}

/* Every label given (the labels section is the biggest: 22 keys), then
 * one misspelt: each is read into its place, and the misspelt one gets
 * its suggestion. The fuzzer found that a section past the walk's slots
 * (MAX_FIELDS was 16) wrote past them. */
static void test_every_label(void)
{
	static const char *const keys[] = { "touch_hint", "help_prefix", "back", "topics", "quick_exit",
					    "language_name", "still_there", "touch_to_continue", "language",
					    "button", "page_of", "next", "previous", "larger_text", "smaller_text",
					    "contrast", "speech_on", "speech_help", "speech_touch", "any_key",
					    "listen", "stop_speech" };
	char yaml[4096] = "kiosk: {quick_exit: none}\nlabels:\n";
	size_t n = strlen(yaml);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		n += (size_t)snprintf(yaml + n, sizeof yaml - n, "  %s: \"L%zu\"\n", keys[i], i);
	n += (size_t)snprintf(yaml + n, sizeof yaml - n, "  speach_help: \"x\"\n");
	snprintf(yaml + n, sizeof yaml - n, "screens: [{id: a, title: \"T\", blocks: [{text: \"x\"}]}]\n");
	struct content c = { 0 };
	struct diag_list d = { 0 };
	CHECK(content_load_buffer("labels.yaml", yaml, strlen(yaml), &c, &d) != LOAD_OK);
	bool said = false;
	for (size_t i = 0; i < d.n; i++)
		said = said || (strstr(d.items[i].message, "unknown key 'speach_help'") &&
				strstr(d.items[i].message, "did you mean 'speech_help'?") && d.items[i].line == 25);
	CHECK(said);
	diag_clear(&d);
	/* without the misspelt one it loads, every label where it belongs */
	char *cut = strstr(yaml, "  speach_help");
	memmove(cut, strstr(cut, "screens:"), strlen(strstr(cut, "screens:")) + 1);
	enum load_result r = content_load_buffer("labels.yaml", yaml, strlen(yaml), &c, &d);
	CHECK_INT(r, LOAD_OK);
	if (r == LOAD_OK) {
		CHECK_STR(c.labels.stop_speech.by_lang[0], "L21");
		CHECK_STR(c.labels.speech_touch.by_lang[0], "L18");
		CHECK_STR(c.labels.touch_hint.by_lang[0], "L0");
		content_free(&c);
	}
	diag_clear(&d);
}

int main(void)
{
	RUN(test_every_label);
	RUN(test_invalid_files);
	RUN(test_every_invalid_file_is_in_the_table);
	RUN(test_several_problems);
	RUN(test_size_limit);
	RUN(test_minimal_defaults);
	RUN(test_full_content);
	RUN(test_quick_exit_in_loop_when_asked);
	RUN(test_quick_exit_none_is_a_choice);
	RUN(test_numbers_that_must_agree);
	RUN(test_many_untranslated_texts);
	RUN(test_curly_quotes_around_a_value);
	RUN(test_translation_fallback);
	RUN(test_appends_to_callers_list);
	RUN(test_bom_and_crlf);
	RUN(test_columns_count_characters);
	RUN(test_very_deep_nesting);
	RUN(test_problems_are_capped);
	RUN(test_truncated_and_mutated_inputs);
	RUN(test_load_free_cycles);
	RUN(test_shipped_content);
	return TEST_DONE();
}
