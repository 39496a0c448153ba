/* test_speech.c — what a screen says (speech.h), on content loaded from
 * YAML and laid out with the fake measurer: the order, each utterance's
 * language, numbers in digit groups, staff's say:, the framing words in
 * the screen's language, Arabic pages, paged screens, and the cursor. */
#include "fixture.h"
#include "test.h"

#include "deck.h"
#include "diag.h"
#include "kiosk.h"
#include "load.h"
#include "speech.h"

#include <stdlib.h>
#include <string.h>

struct said {
	struct content c;
	struct deck d;
	struct kiosk k;
	struct speech sp;
};

/* Loads text, lays it out at w x h in language lang, poses p and builds
 * what that frame says. False (and a message) when the content is refused. */
static bool say(struct said *s, const char *text, int w, int h, const struct kiosk_pose *p)
{
	memset(s, 0, sizeof *s);
	struct diag_list dl = { 0 };
	if (content_load_buffer("speech.yaml", text, strlen(text), &s->c, &dl) != LOAD_OK) {
		diag_print(&dl, "speech.yaml", stderr);
		diag_clear(&dl);
		return false;
	}
	diag_clear(&dl);
	deck_build(&s->d, &fake_measurer, &s->c,
		   (struct layout_spec){ .w = w, .h = h, .lang = p->lang, .text_scale = 1.0 });
	kiosk_init(&s->k, &s->c, 0);
	kiosk_set_page_counts(&s->k, s->d.page_counts, s->d.n);
	kiosk_pose(&s->k, p, 0);
	speech_build(&s->sp, &(struct speech_input){ &s->c, &s->k, s->d.layouts });
	return true;
}

static void said_free(struct said *s)
{
	speech_free(&s->sp);
	kiosk_free(&s->k);
	deck_free(&s->d);
	content_free(&s->c);
}

/* The transcript as one string: "part/lang:text" lines. */
static char *transcript(const struct speech *sp)
{
	size_t n = 1;
	for (size_t i = 0; i < sp->n; i++)
		n += strlen(sp->u[i].text) + 32;
	char *out = malloc(n), *p = out;
	*p = '\0';
	for (size_t i = 0; i < sp->n; i++)
		p += sprintf(p, "%s/%s:%s\n", speech_part_name(sp->u[i].part), sp->u[i].lang, sp->u[i].text);
	return out;
}

static const char one_screen[] = "kiosk:\n"
				 "  quick_exit: neutral\n"
				 "  help: {name: \"Support line\", number: \"0808 802 9999\"}\n"
				 "screens:\n"
				 "  - id: welcome\n"
				 "    title: \"You are safe here\"\n"
				 "    blocks:\n"
				 "      - text: \"We believe you.\"\n"
				 "      - bullets: [\"Tea\", \"Time\"]\n"
				 "      - call: {name: \"Childline\", number: \"0800 1111\", hours: \"Day and night\",\n"
				 "               icon: {pictogram: phone, alt: \"A telephone\"}}\n"
				 "  - id: neutral\n"
				 "    title: \"Opening times\"\n"
				 "    blocks: [{text: \"Monday to Friday\"}]\n";

/* Title, texts, items, the call as its pictogram's words, name, number
 * and hours, the support line, the buttons as buttons, Quick exit
 * last: in the order of the screen. */
static void test_order_of_a_screen(void)
{
	struct said s;
	if (!say(&s, one_screen, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }))
		{ CHECK(false); return; }
	char *t = transcript(&s.sp);
	CHECK_STR(t, "title/en:You are safe here\n"
		     "text/en:We believe you.\n"
		     "item/en:Tea\n"
		     "item/en:Time\n"
		     "picture/en:A telephone\n"
		     "call-name/en:Childline\n"
		     "call-number/en:0 8 0 0, 1 1 1 1\n"
		     "call-hours/en:Day and night\n"
		     "help/en:Talk to someone now:\n"
		     "call-name/en:Support line\n"
		     "call-number/en:0 8 0 8, 8 0 2, 9 9 9 9\n"
		     "button/en:Button: Topics\n"
		     "button/en:Button: Larger text\n"
		     "button/en:Button: High contrast\n"
		     "button/en:Button: Quick exit\n");
	free(t);
	/* each thing on the screen is one step of the cursor; the items keep
	 * their block and index, the buttons their action */
	const struct utterance *u = &s.sp.u[3];
	CHECK_INT(u->block, 1);
	CHECK_INT(u->item, 1);
	CHECK_INT(s.sp.u[s.sp.n - 1].action, ACTION_QUICK_EXIT);
	/* a call's pictogram is said with its name: one step */
	CHECK_INT(s.sp.u[4].step, s.sp.u[5].step);
	CHECK_INT(s.sp.n_steps, s.sp.n - 1);
	said_free(&s);

	/* in the loop, only Quick exit is a button; the notice it leads to has none */
	if (!say(&s, one_screen, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_ATTRACT }))
		{ CHECK(false); return; }
	CHECK_INT(s.sp.u[s.sp.n - 1].action, ACTION_QUICK_EXIT);
	CHECK_INT(s.sp.u[s.sp.n - 2].part, SPEECH_CALL_NUMBER);
	said_free(&s);
	if (!say(&s, one_screen, 800, 480,
		 &(struct kiosk_pose){ .mode = KIOSK_ATTRACT, .view = { 1, 0 }, .notice = true }))
		{ CHECK(false); return; }
	t = transcript(&s.sp);
	CHECK_STR(t, "title/en:Opening times\ntext/en:Monday to Friday\n");
	free(t);
	said_free(&s);
}

static void test_number_groups(void)
{
	char out[64];
	CHECK_INT(speech_number_words("116 006", out, sizeof out), strlen("1 1 6, 0 0 6"));
	CHECK_STR(out, "1 1 6, 0 0 6");
	speech_number_words("+44 (0)20-3299 6900", out, sizeof out);
	CHECK_STR(out, "+4 4, 0, 2 0, 3 2 9 9, 6 9 0 0");
	speech_number_words("999", out, sizeof out);
	CHECK_STR(out, "9 9 9");
	/* too small a buffer: cut and terminated, the length it needed returned */
	CHECK_INT(speech_number_words("0808 500 2222", out, 6), strlen("0 8 0 8, 5 0 0, 2 2 2 2"));
	CHECK_STR(out, "0 8 0");
	CHECK_INT(speech_fill_page("Page {page} of {pages}", 2, 3, out, sizeof out), 11);
	CHECK_STR(out, "Page 2 of 3");
	speech_fill_page("{pages}/{page} {x}", 12, 30, out, sizeof out);
	CHECK_STR(out, "30/12 {x}");
}

/* say: replaces the digits in the language that gives it; a language
 * without its own is read digit by digit. */
static void test_say_overrides_digits(void)
{
	static const char text[] = "kiosk:\n"
				   "  languages: [en, pl]\n"
				   "  quick_exit: none\n"
				   "screens:\n"
				   "  - id: a\n"
				   "    title: {en: \"Help\", pl: \"Pomoc\"}\n"
				   "    blocks:\n"
				   "      - call:\n"
				   "          name: \"Rape Crisis\"\n"
				   "          number: \"0808 500 2222\"\n"
				   "          say: {en: \"oh eight oh eight, five hundred, double two double two\"}\n";
	for (size_t lang = 0; lang < 2; lang++) {
		struct said s;
		if (!say(&s, text, 800, 480, &(struct kiosk_pose){ .lang = lang }))
			{ CHECK(false); return; }
		const struct utterance *num = NULL;
		for (size_t i = 0; i < s.sp.n; i++)
			if (s.sp.u[i].part == SPEECH_CALL_NUMBER)
				num = &s.sp.u[i];
		CHECK(num != NULL);
		if (num) {
			CHECK_STR(num->text, lang == 0 ? "oh eight oh eight, five hundred, double two double two"
						       : "0 8 0 8, 5 0 0, 2 2 2 2");
			CHECK_STR(num->lang, lang == 0 ? "en" : "pl");
		}
		said_free(&s);
	}
}

#define AR_TITLE "\xd8\xa3\xd9\x86\xd8\xaa \xd8\xa8\xd8\xa3\xd9\x85\xd8\xa7\xd9\x86" /* أنت بأمان */
#define AR_BUTTON "\xd8\xb2\xd8\xb1"                                               /* زر */
#define AR_EXIT "\xd8\xae\xd8\xb1\xd9\x88\xd8\xac"                                 /* خروج */

/* An Arabic page says its texts in Arabic, an untranslated one in
 * English, and frames a button in the screen's language when the content
 * gives the word; when it does not, the English word and the Arabic label
 * are two utterances of one step. */
static void test_arabic_page(void)
{
	static const char fmt[] = "kiosk:\n"
				  "  languages: [en, ar]\n"
				  "  quick_exit: neutral\n"
				  "labels:\n"
				  "  quick_exit: {en: \"Quick exit\", ar: \"" AR_EXIT "\"}\n"
				  "%s"
				  "screens:\n"
				  "  - id: a\n"
				  "    title: {en: \"You are safe\", ar: \"" AR_TITLE "\"}\n"
				  "    blocks:\n"
				  "      - text: {en: \"Only in English\"}\n"
				  "  - id: neutral\n"
				  "    title: {en: \"Times\", ar: \"" AR_TITLE "\"}\n"
				  "    blocks: [{text: \"x\"}]\n";
	for (int translated = 0; translated < 2; translated++) {
		char text[2048];
		snprintf(text, sizeof text, fmt, translated ? "  button: {en: \"Button\", ar: \"" AR_BUTTON "\"}\n" : "");
		struct said s;
		if (!say(&s, text, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_ATTRACT, .lang = 1 }))
			{ CHECK(false); return; }
		char *t = transcript(&s.sp);
		if (translated)
			CHECK_STR(t, "title/ar:" AR_TITLE "\ntext/en:Only in English\nbutton/ar:" AR_BUTTON ": " AR_EXIT "\n");
		else
			CHECK_STR(t, "title/ar:" AR_TITLE "\ntext/en:Only in English\nbutton/en:Button\nbutton/ar:" AR_EXIT "\n");
		CHECK_INT(s.sp.u[0].lang_index, 1);
		/* one step for the button either way */
		CHECK_INT(s.sp.n_steps, 3);
		free(t);
		said_free(&s);
	}
}

/* A screen in pages says what its page shows, and which page it is. */
static void test_paged_screen(void)
{
	char text[8192] = "kiosk: {quick_exit: none}\nscreens:\n  - id: long\n    title: \"Long\"\n    blocks:\n";
	for (int i = 0; i < 30; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text),
			 "      - text: \"Paragraph %d with enough words in it to take a line or two of the page\"\n", i);
	struct said s;
	if (!say(&s, text, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_ATTRACT }))
		{ CHECK(false); return; }
	int pages = s.d.page_counts[0];
	CHECK(pages > 1);
	said_free(&s);
	char want[32];
	int first_of_last = -1;
	for (int p = 0; p < pages; p++) {
		if (!say(&s, text, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_ATTRACT, .view = { 0, p } }))
			{ CHECK(false); return; }
		CHECK_STR(s.sp.u[0].text, "Long");
		const struct utterance *last = &s.sp.u[s.sp.n - 1];
		snprintf(want, sizeof want, "Page %d of %d", p + 1, pages);
		CHECK_INT(last->part, SPEECH_PAGE);
		CHECK_STR(last->text, want);
		/* the page's own paragraphs: page 0 starts with the first, later
		 * pages further on */
		CHECK_INT(s.sp.u[1].part, SPEECH_TEXT);
		if (p == 0)
			CHECK_INT(s.sp.u[1].block, 0);
		else
			CHECK(s.sp.u[1].block > first_of_last);
		first_of_last = s.sp.u[1].block;
		if (p == pages - 1)
			CHECK_INT(s.sp.u[s.sp.n - 2].block, 29);
		said_free(&s);
	}
}

/* The cursor moves step by step, stops at the ends, and a step may hold
 * more than one utterance. */
static void test_cursor(void)
{
	struct said s;
	if (!say(&s, one_screen, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }))
		{ CHECK(false); return; }
	struct speech_cursor cur = { 0 };
	size_t n = 0;
	const struct utterance *u = speech_cursor_get(&s.sp, &cur, &n);
	CHECK_INT(n, 1);
	CHECK_STR(u->text, "You are safe here");
	CHECK(!speech_cursor_prev(&s.sp, &cur));
	size_t moves = 0;
	while (speech_cursor_next(&s.sp, &cur))
		moves++;
	CHECK_INT(moves, s.sp.n_steps - 1);
	u = speech_cursor_get(&s.sp, &cur, &n);
	CHECK_STR(u->text, "Button: Quick exit");
	CHECK(speech_cursor_prev(&s.sp, &cur));
	u = speech_cursor_get(&s.sp, &cur, &n);
	CHECK_STR(u->text, "Button: High contrast");
	said_free(&s);
}

/* The idle notice is spoken too, and the topics are buttons that open them. */
static void test_panels(void)
{
	struct said s;
	if (!say(&s, one_screen, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_IDLE }))
		{ CHECK(false); return; }
	char *t = transcript(&s.sp);
	CHECK_STR(t, "title/en:Are you still there?\ntext/en:Touch the screen to continue.\ntext/en:Or press any key.\n");
	free(t);
	said_free(&s);
	if (!say(&s, one_screen, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_MENU }))
		{ CHECK(false); return; }
	CHECK_STR(s.sp.u[0].text, "Topics");
	CHECK_STR(s.sp.u[1].text, "Button: You are safe here");
	CHECK_INT(s.sp.u[1].action, ACTION_OPEN);
	CHECK_INT(s.sp.u[1].arg, 0);
	said_free(&s);
}

/* Touch exploration: the middle of each element of the page says the
 * step it belongs to: the title, the text, each bullet, the call's name,
 * number and hours, the support line; nothing outside them. */
static void test_step_at(void)
{
	struct said s;
	if (!say(&s, one_screen, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }))
		{ CHECK(false); return; }
	const struct screen_layout *lay = &s.d.layouts[0];
	const struct page *pg = &lay->pages[0];
	int seen[ELEM_LOGO + 1] = { 0 };
	int bullet = -1;
	for (size_t e = 0; e < pg->n_elems; e++) {
		const struct elem *el = &pg->elems[e];
		if (el->role == ELEM_BULLET)
			bullet++;
		size_t step = speech_step_at(&s.sp, lay, 0, el->x + el->w / 2, el->y + el->h / 2);
		const struct utterance *u = NULL;
		for (size_t i = 0; i < s.sp.n && step != SIZE_MAX; i++)
			if (s.sp.u[i].step == step && s.sp.u[i].part != SPEECH_PICTURE) {
				u = &s.sp.u[i];
				break;
			}
		const char *want = NULL;
		switch (el->role) {
		case ELEM_TITLE: want = "You are safe here"; break;
		case ELEM_BODY: want = el->block == 0 ? "We believe you." : bullet == 0 ? "Tea" : "Time"; break;
		case ELEM_CALL_NAME: want = "Childline"; break;
		case ELEM_CALL_NUMBER: want = "0 8 0 0, 1 1 1 1"; break;
		case ELEM_CALL_HOURS: want = "Day and night"; break;
		case ELEM_HELP_PREFIX: want = "Talk to someone now:"; break;
		case ELEM_HELP_NUMBER: want = "0 8 0 8, 8 0 2, 9 9 9 9"; break;
		default: continue;
		}
		seen[el->role]++;
		if (!u) {
			fprintf(stderr, "element %zu (role %d): nothing said, expected '%s'\n", e, (int)el->role, want);
			CHECK(false);
			continue;
		}
		CHECK_STR(u->text, want);
	}
	CHECK(seen[ELEM_TITLE] && seen[ELEM_BODY] >= 3 && seen[ELEM_CALL_NUMBER] && seen[ELEM_HELP_NUMBER]);
	/* outside everything, and a page that is not there */
	CHECK(speech_step_at(&s.sp, lay, 0, -5, -5) == SIZE_MAX);
	CHECK(speech_step_at(&s.sp, lay, 7, 100, 100) == SIZE_MAX);
	said_free(&s);
}

/* speech.say: a word said as staff wrote it, wherever it stands whole,
 * in the languages that give their own way of saying it; never inside
 * another word, never in a number's digits. */
static void test_spoken_words(void)
{
	static const char yaml[] =
		"kiosk: {languages: [en, pl], quick_exit: none,\n"
		"        help: {name: \"Line 24/7\", number: \"0808 24 7\"}}\n"
		"speech:\n"
		"  say:\n"
		"    \"24/7\": \"twenty-four seven\"\n"
		"    SARC: {en: \"sark\", pl: \"sark po polsku\"}\n"
		"screens:\n"
		"  - id: one\n"
		"    title: {en: \"The SARC, open 24/7\", pl: \"SARC 24/7\"}\n"
		"    blocks:\n"
		"      - text: {en: \"SARCS and XSARC stay; (SARC) goes.\", pl: \"SARC.\"}\n";
	struct said s;
	if (!say(&s, yaml, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }))
		{ CHECK(false); return; }
	CHECK_INT(s.c.n_spoken, 2);
	CHECK_STR(s.sp.u[0].text, "The sark, open twenty-four seven");
	CHECK_STR(s.sp.u[1].text, "SARCS and XSARC stay; (sark) goes.");
	bool number_kept = false, name_said = false;
	for (size_t i = 0; i < s.sp.n; i++) {
		if (s.sp.u[i].part == SPEECH_CALL_NUMBER)
			number_kept = strstr(s.sp.u[i].text, "twenty") == NULL;
		if (s.sp.u[i].part == SPEECH_CALL_NAME)
			name_said = strcmp(s.sp.u[i].text, "Line twenty-four seven") == 0;
	}
	CHECK(number_kept);
	CHECK(name_said);
	said_free(&s);
	/* Polish: its own way for SARC; "24/7" was given once, for English */
	if (!say(&s, yaml, 800, 480, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .lang = 1 }))
		{ CHECK(false); return; }
	CHECK_STR(s.sp.u[0].text, "sark po polsku 24/7");
	said_free(&s);
	/* a way of saying written once is the first language's on purpose:
	 * no "written once for every language" warning about it */
	{
		struct content c = { 0 };
		struct diag_list dl = { 0 };
		CHECK(content_load_buffer("say.yaml", yaml, strlen(yaml), &c, &dl) == LOAD_OK);
		for (size_t k = 0; k < dl.n; k++)
			if (strstr(dl.items[k].message, "how to say")) {
				diag_print(&dl, "say.yaml", stderr);
				CHECK(!"a warning about a say: written once");
			}
		diag_clear(&dl);
		content_free(&c);
	}
	/* the loader's refusals, at their place */
	static const struct {
		const char *say, *message;
	} bad[] = {
		{ "say: [a, b]", "'say' must be words, each with how the voice should say it" },
		{ "say: {\"24/7\": a, \"24/7\": b}", "'24/7' is under 'say:' twice; delete one" },
		{ "say: {\"a very long run of words that nobody would call a single word at all\": x}",
		  "is longer than a word (60 characters at most)" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[512];
		snprintf(text, sizeof text, "speech:\n  %s\nscreens: [{id: a, title: \"T\", blocks: [{text: \"x\"}]}]\n",
			 bad[i].say);
		struct content c = { 0 };
		struct diag_list dl = { 0 };
		CHECK(content_load_buffer("say.yaml", text, strlen(text), &c, &dl) != LOAD_OK);
		bool found = false;
		for (size_t k = 0; k < dl.n; k++)
			found = found || (strstr(dl.items[k].message, bad[i].message) && dl.items[k].line == 2);
		if (!found)
			diag_print(&dl, "say.yaml", stderr);
		CHECK(found);
		diag_clear(&dl);
	}
}

int main(void)
{
	RUN(test_spoken_words);
	RUN(test_step_at);
	RUN(test_order_of_a_screen);
	RUN(test_number_groups);
	RUN(test_say_overrides_digits);
	RUN(test_arabic_page);
	RUN(test_paged_screen);
	RUN(test_cursor);
	RUN(test_panels);
	return TEST_DONE();
}
