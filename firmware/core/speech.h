/* speech.h — what a screen says, as data.
 *
 * (content, kiosk state, layouts) -> an ordered list of utterances: each a
 * text, the language it is written in (the content's BCP-47 code) and what
 * on the screen it belongs to, so a keypad can move item by item and a
 * touch can say what is under a finger. Pure like the scene: no voice, no
 * audio, no clock; the SDL edge (speech_synth.h) turns utterances into
 * sound. The order is the screen's: its title, its blocks as they stand on
 * the page (texts, list items, calls as name then number, each picture's
 * words), the support line, the buttons as buttons, and "Page 2 of 3" when
 * the screen has pages. Words that frame the reading ("Button", "Page 2 of
 * 3") come from the content's labels, in the screen's language. */
#ifndef SIGNPOST_SPEECH_H
#define SIGNPOST_SPEECH_H

#include "content.h"
#include "kiosk.h"
#include "layout.h"

#include <stddef.h>

enum speech_part {
	SPEECH_TITLE,       /* the screen's (or a panel's) title */
	SPEECH_TEXT,        /* a text block, the idle notice's words */
	SPEECH_ITEM,        /* a step or bullet: block, item */
	SPEECH_CALL_NAME,   /* a call's name (block; -1 for the support line) */
	SPEECH_CALL_NUMBER, /* its number, in groups of digits or as say: gives */
	SPEECH_CALL_HOURS,
	SPEECH_HELP,        /* the support line's words before it, the banner */
	SPEECH_PICTURE,     /* a picture's words (alt): a block, an icon, the logo */
	SPEECH_CAPTION,     /* the words under a picture or a QR code */
	SPEECH_BUTTON,      /* "Button: Quick exit": action, arg */
	SPEECH_PAGE,        /* "Page 2 of 3" */
	SPEECH_PART_COUNT_
};

struct utterance {
	enum speech_part part;
	const char *text;  /* owned by the speech */
	const char *lang;  /* the code as the content gives it ("en", "ar") */
	size_t lang_index; /* into content.langs */
	int block;         /* the content block it belongs to; -1 for none */
	int item;          /* a list item's index in its block; -1 for none */
	enum kiosk_action action; /* SPEECH_BUTTON: what choosing it does */
	int arg;
	/* the cursor's step: utterances with the same step are one thing on
	 * the screen, said together (a list item after its icon's words, a
	 * button's frame word in one language and its label in another) */
	size_t step;
};

struct speech {
	struct utterance *u;
	size_t n, cap;
	size_t n_steps;
};

struct speech_input {
	const struct content *content;
	const struct kiosk *kiosk;
	const struct screen_layout *layouts; /* one per screen, for the kiosk's
						language and text size */
};

/* Replaces sp's utterances with what the frame of in says. The speech
 * keeps its memory between calls; free with speech_free() (NULL is ok). */
void speech_build(struct speech *sp, const struct speech_input *in);
void speech_free(struct speech *sp);

/* Replaces sp's utterances with one text of the content's (a label, like
 * labels.speech_help) in language lang, as one step. */
void speech_build_words(struct speech *sp, const struct content *c, const struct ltext *t, size_t lang);

/* A phone number as a voice should read it: each digit on its own, the
 * groups as written ("116 006" -> "1 1 6, 0 0 6"); a leading + kept;
 * anything else dropped. Writes at most cap bytes (always terminated) and
 * returns the length it needed. */
size_t speech_number_words(const char *number, char *out, size_t cap);

/* Fills a "Page {page} of {pages}" template (the content's words) with
 * the numbers; any other text stays as written. Same contract as above. */
size_t speech_fill_page(const char *tmpl, int page, int pages, char *out, size_t cap);

/* Where a keypad is in a speech: on one step. Next and previous stop at
 * the ends (returning false); repeat is saying the step again. */
struct speech_cursor {
	size_t step;
};

/* The utterances of the cursor's step: the first is returned, *n says
 * how many follow on from it in sp->u (0 when the speech is empty). */
const struct utterance *speech_cursor_get(const struct speech *sp, const struct speech_cursor *cur, size_t *n);
bool speech_cursor_next(const struct speech *sp, struct speech_cursor *cur);
bool speech_cursor_prev(const struct speech *sp, struct speech_cursor *cur);

/* Touch exploration: the step that says what is at (x, y) on the page
 * a speech was built for (its layout: in->layouts of the kiosk's screen),
 * or the step of the button with this action and arg (a hit); SIZE_MAX
 * when nothing there is said. */
size_t speech_step_at(const struct speech *sp, const struct screen_layout *lay, int page, int x, int y);
size_t speech_step_of_button(const struct speech *sp, enum kiosk_action action, int arg);

/* Its word in the preview's transcript ("title", "button"); "?" for a
 * value that is none. */
const char *speech_part_name(enum speech_part p);

#endif
