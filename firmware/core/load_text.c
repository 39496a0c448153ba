/* load_text.c — what a text may hold; see load_private.h.
 *
 * Curly quotes around a plain value (Word's, kept by YAML as part of the
 * text) are warned about while the tree is walked; check_texts() runs at
 * the end over every text and number of loaded content: a text's length
 * and its longest word, each language's total and all of them together
 * (the limits in load_private.h), and bidi controls, which change the
 * order characters are shown in without showing themselves. */
#include "load_private.h"

#include "utf8.h"

#include <string.h>

void curly_quoted(struct loader *L, const struct ynode *v)
{
	static const char *const open[] = { "\xe2\x80\x9c", "\xe2\x80\x98", "\xe2\x80\x9e" };
	static const char *const close[] = { "\xe2\x80\x9d", "\xe2\x80\x99", "\xe2\x80\x9c" };
	if (v->kind != YNODE_SCALAR || !v->plain || v->len < 6)
		return;
	for (size_t i = 0; i < 3; i++)
		if (memcmp(v->str, open[i], 3) == 0 && memcmp(v->str + v->len - 3, close[i], 3) == 0) {
			warn_at(L, v, "this text is in curly quotes (as Word and phones write them), which YAML "
				      "keeps as part of the text, so the kiosk shows them; type straight quotes "
				      "\"...\" instead");
			return;
		}
}

/* Bidi controls change the order characters are shown in without showing
 * themselves: an override turns "0082 005 8080" into 0808 500 2800 on the
 * screen, a number nobody can find in the file. */
static bool bidi_override(uint32_t cp) { return cp == 0x202D || cp == 0x202E; }
static bool bidi_embedding(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202C) || (cp >= 0x2066 && cp <= 0x2069);
}
static bool bidi_mark(uint32_t cp) { return cp == 0x200E || cp == 0x200F || cp == 0x061C; }

struct text_scan {
	struct loader *L;
	size_t chars[CONTENT_MAX_LANGS]; /* all the text of each language */
	struct mark over[CONTENT_MAX_LANGS];
	const char *last;                /* the text seen last, not counted twice */
};

/* One text of one language: its length, its longest word, and the bidi
 * controls it may hold (strict: a number or a QR code's data, none). */
static void scan_one(struct text_scan *ts, size_t lang, const char *text, struct mark at, bool strict)
{
	struct loader *L = ts->L;
	struct content *c = L->c;
	size_t n = strlen(text), chars = 0, word = 0, longest = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(text + i, n - i, &cp);
		if (k == 0)
			break; /* the loader refused bad UTF-8 already */
		i += k;
		chars++;
		word = cp == ' ' || cp == '\n' ? 0 : word + 1;
		if (word > longest)
			longest = word;
		if (bidi_override(cp))
			error_at_char(L, at, cp, "this text has the invisible character U+%04X (a right-to-left or "
				      "left-to-right override), which shows the characters after it in another order "
				      "than they are written in the file; delete it (retype the text around it)",
				      (unsigned)cp);
		else if (strict && (bidi_embedding(cp) || bidi_mark(cp)))
			error_at_char(L, at, cp, "this number has the invisible character U+%04X (a direction "
				      "mark), which can change the order the digits are shown in; delete it and "
				      "write only the digits, spaces and +",
				      (unsigned)cp);
		else if (!strict && bidi_embedding(cp) && !c->rtl[lang])
			error_at_char(L, at, cp, "this '%s' text has the invisible character U+%04X (a direction "
				      "embedding or isolate), which only a right-to-left language needs and which "
				      "changes the order the text is shown in; delete it",
				      c->langs[lang], (unsigned)cp);
	}
	if (text == ts->last && lang > 0)
		; /* the same text again, for the next language */
	else if (chars > MAX_TEXT_CHARS)
		error_at(L, &(struct ynode){ .line = at.line, .col = at.col },
			 "this text has %zu characters, more than the %d one block may have; a visitor reads "
			 "short paragraphs, so split it into several blocks or screens",
			 chars, MAX_TEXT_CHARS);
	else if (longest > MAX_WORD_CHARS)
		error_at(L, &(struct ynode){ .line = at.line, .col = at.col },
			 "this text has %zu characters in a row with no space, more than the %d allowed; "
			 "put spaces between the words (a long link is better as a QR code)",
			 longest, MAX_WORD_CHARS);
	ts->last = text;
	ts->chars[lang] += chars;
	if (ts->chars[lang] > MAX_LANG_CHARS && ts->chars[lang] - chars <= MAX_LANG_CHARS)
		ts->over[lang] = at;
}

static void scan_text_cb(void *ctx, size_t lang, const char *text, struct mark at)
{
	scan_one(ctx, lang, text, at, false);
}

static void scan_number(struct text_scan *ts, const char *number, struct mark at)
{
	if (number)
		scan_one(ts, 0, number, at, true);
}

void check_texts(struct loader *L)
{
	struct content *c = L->c;
	struct text_scan ts = { .L = L };
	content_each_text(c, scan_text_cb, &ts);
	content_each_alt(c, scan_text_cb, &ts);
	ts.last = NULL;
	L->where.i = 0; /* the numbers again, from the start: a character found */
	L->where.line = 0; /* above is found again, and reported once */
	scan_number(&ts, c->help.number, c->help.at_number);
	if (c->out_of_hours.given && c->out_of_hours.own_call)
		scan_number(&ts, c->out_of_hours.call.number, c->out_of_hours.call.at_number);
	for (size_t s = 0; s < c->n_screens; s++)
		for (size_t b = 0; b < c->screens[s].n_blocks; b++) {
			const struct block *bl = &c->screens[s].blocks[b];
			if (bl->kind == BLOCK_CALL)
				scan_number(&ts, bl->call.number, bl->call.at_number);
			else if (bl->kind == BLOCK_QR)
				scan_number(&ts, bl->qr.data, bl->qr.data_at);
		}
	size_t all = 0;
	for (size_t l = 0; l < c->n_langs; l++)
		all += ts.chars[l];
	if (all > MAX_ALL_CHARS)
		error_file(L, "the texts of all the languages have %zu characters together, more than the %d a "
			      "kiosk may have; keep the screens short, or offer fewer languages",
			   all, MAX_ALL_CHARS);
	for (size_t l = 0; l < c->n_langs; l++)
		if (ts.over[l].line)
			error_at(L, &(struct ynode){ .line = ts.over[l].line, .col = ts.over[l].col },
				 "the '%s' texts have %zu characters in all, more than the %d a kiosk may have "
				 "(this text is past that); a visitor cannot read so much: keep each screen short",
				 c->langs[l], ts.chars[l], MAX_LANG_CHARS);
}
