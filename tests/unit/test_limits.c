/* test_limits.c — what a text may hold: the limits that keep checking and
 * layout of any file quick (a paragraph, a word, a list, a screen, all the
 * text of a language), the bidi controls that would show something other
 * than what the file says, and messages that quote control characters back
 * without passing them on. */
#include "load.h"
#include "test.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD "kiosk: { quick_exit: neutral }\nscreens:\n" \
	     "  - { id: neutral, title: \"Waiting room\", blocks: [ { text: \"Please sit.\" } ] }\n"

/* A growing buffer for generated files. */
struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->n + (size_t)len + 1 > b->cap) {
		b->cap = (b->n + (size_t)len + 1) * 2;
		b->s = realloc(b->s, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
}

static void put_repeat(struct buf *b, const char *s, size_t times)
{
	for (size_t i = 0; i < times; i++)
		put(b, "%s", s);
}

/* Loads b; returns the result, the diagnostics in d. */
static enum load_result load(struct buf *b, struct diag_list *d)
{
	struct content c;
	enum load_result r = content_load_buffer("t.yaml", b->s, b->n, &c, d);
	if (r == LOAD_OK)
		content_free(&c);
	return r;
}

/* The one error in d, which must be at line:col and say what. */
static void check_one_error(struct diag_list *d, int line, int col, const char *what)
{
	CHECK_INT(diag_count(d, DIAG_ERROR), 1);
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == DIAG_ERROR) {
			CHECK_INT(d->items[i].line, line);
			CHECK_INT(d->items[i].col, col);
			CHECK_CONTAINS(d->items[i].message, what);
			if (!strstr(d->items[i].message, what))
				fprintf(stderr, "  message: %s\n", d->items[i].message);
		}
}

static void test_text_length(void)
{
	for (int over = 0; over <= 1; over++) {
		struct buf b = { 0 };
		struct diag_list d = { 0 };
		put(&b, HEAD "  - id: long\n    title: \"Long\"\n    blocks:\n      - text: \"");
		/* 2000 characters (words of 9 letters and a space), then one more */
		for (int i = 0; i < 200; i++)
			put(&b, "%s", i == 199 ? "abcdefghi" : "abcdefghi ");
		put(&b, "%s\"\n", over ? "xx" : "x");
		CHECK_INT(load(&b, &d), over ? LOAD_INVALID : LOAD_OK);
		if (over)
			check_one_error(&d, 7, 15, "this text has 2001 characters, more than the 2000 one block may have");
		diag_clear(&d);
		free(b.s);
	}
}

static void test_word_length(void)
{
	for (int over = 0; over <= 1; over++) {
		struct buf b = { 0 };
		struct diag_list d = { 0 };
		put(&b, HEAD "  - { id: w, title: \"W\", blocks: [ { text: \"a ");
		put_repeat(&b, "é", 200 + (size_t)over); /* characters, not bytes, count */
		put(&b, " b\" } ] }\n");
		CHECK_INT(load(&b, &d), over ? LOAD_INVALID : LOAD_OK);
		if (over)
			check_one_error(&d, 4, 44, "201 characters in a row with no space, more than the 200 allowed");
		diag_clear(&d);
		free(b.s);
	}
}

static void test_items_and_blocks(void)
{
	struct buf b = { 0 };
	struct diag_list d = { 0 };
	put(&b, HEAD "  - { id: l, title: \"L\", blocks: [ { bullets: [");
	put_repeat(&b, "a, ", 60);
	put(&b, "a] } ] }\n");
	CHECK_INT(load(&b, &d), LOAD_INVALID);
	check_one_error(&d, 4, 47, "'bullets' has 61 items, more than the 60 a screen can show");
	diag_clear(&d);
	free(b.s);

	b = (struct buf){ 0 };
	put(&b, HEAD "  - id: many\n    title: \"Many\"\n    blocks:\n");
	put_repeat(&b, "      - text: \"x\"\n", 61);
	CHECK_INT(load(&b, &d), LOAD_INVALID);
	check_one_error(&d, 7, 7, "this screen has 61 blocks, more than the 60 one screen can hold");
	diag_clear(&d);
	free(b.s);
}

static void test_language_total(void)
{
	/* 16 screens of 1990 characters: 31,840 of English in all */
	struct buf b = { 0 };
	struct diag_list d = { 0 };
	put(&b, HEAD);
	for (int s = 0; s < 16; s++) {
		put(&b, "  - { id: s%d, title: \"S\", blocks: [ { text: \"", s);
		put_repeat(&b, "abcdefghi ", 199);
		put(&b, "\" } ] }\n");
	}
	CHECK_INT(load(&b, &d), LOAD_INVALID);
	CHECK_INT(diag_count(&d, DIAG_ERROR), 1);
	if (d.n >= 1) {
		CHECK_CONTAINS(d.items[0].message, "the 'en' texts have");
		CHECK_CONTAINS(d.items[0].message, "more than the 30000 a kiosk may have");
		/* the 15th long text goes past 30,000, with the labels' words */
		CHECK_INT(d.items[0].line, 4 + 14);
	}
	diag_clear(&d);
	free(b.s);
}

static void test_bidi_controls(void)
{
	struct diag_list d = { 0 };
	/* an override in a number: shows 0808 500 2800 for what the file has */
	struct buf b = { 0 };
	put(&b, HEAD "  - { id: c, title: \"C\", blocks: [ { call: { name: \"X\", number: \"\u202E0082 005 8080\" } } ] }\n");
	CHECK_INT(load(&b, &d), LOAD_INVALID);
	check_one_error(&d, 4, 66, "U+202E");
	CHECK_CONTAINS(d.items[0].message, "another order");
	diag_clear(&d);
	free(b.s);

	/* a direction mark in a number; in a QR code's data */
	b = (struct buf){ 0 };
	put(&b, HEAD "  - { id: c, title: \"C\", blocks: [ { call: { name: \"X\", number: \"0808\u200F 500 2222\" } } ] }\n");
	CHECK_INT(load(&b, &d), LOAD_INVALID);
	check_one_error(&d, 4, 70, "this number has the invisible character U+200F");
	diag_clear(&d);
	free(b.s);
	b = (struct buf){ 0 };
	put(&b, HEAD "  - { id: c, title: \"C\", blocks: [ { qr: { data: \"tel:+44808\u20665002222\" } } ] }\n");
	CHECK_INT(load(&b, &d), LOAD_INVALID);
	check_one_error(&d, 4, 50, "'data' has letters a phone may read back differently");
	diag_clear(&d);
	free(b.s);

	/* an isolate in English text is refused; in Arabic it is allowed */
	b = (struct buf){ 0 };
	put(&b, "kiosk: { quick_exit: neutral, languages: [en, ar] }\nscreens:\n"
		"  - { id: neutral, title: { en: \"W\", ar: \"\u0627\u0646\u062a\u0638\u0627\u0631 \u2066999\u2069\" },"
		" blocks: [ { text: { en: \"a \u2067b\u2069\", ar: \"\u0628\" } } ] }\n");
	CHECK_INT(load(&b, &d), LOAD_INVALID);
	CHECK_INT(diag_count(&d, DIAG_ERROR), 2);
	if (d.n == 2) {
		CHECK_INT(d.items[0].col, 87);
		CHECK_CONTAINS(d.items[0].message, "'en' text has the invisible character U+2067");
		CHECK_INT(d.items[1].col, 89);
		CHECK_CONTAINS(d.items[1].message, "U+2069");
	}
	diag_clear(&d);
	free(b.s);

	/* a right-to-left mark in a text is fine */
	b = (struct buf){ 0 };
	put(&b, HEAD "  - { id: t, title: \"T\", blocks: [ { text: \"a\u200Fb\" } ] }\n");
	CHECK_INT(load(&b, &d), LOAD_OK);
	CHECK_INT(diag_count(&d, DIAG_ERROR), 0);
	diag_clear(&d);
	free(b.s);
}

static void test_messages_escape_controls(void)
{
	struct diag_list d = { 0 };
	diag_add(&d, DIAG_ERROR, 1, 1, "not '%s'", "a\nb\x1b[2J\xc2\x9b" "c\u202Ed\t");
	CHECK_STR(d.items[0].message, "not 'a\\nb\\x1B[2J\\u009Bc\\u202Ed\\t'");
	/* other text, Arabic and accents included, is left alone */
	diag_add(&d, DIAG_ERROR, 1, 1, "%s", "é \u0627 “x” ‹ ›");
	CHECK_STR(d.items[1].message, "é \u0627 “x” ‹ ›");
	diag_clear(&d);
}

int main(void)
{
	RUN(test_text_length);
	RUN(test_word_length);
	RUN(test_items_and_blocks);
	RUN(test_language_total);
	RUN(test_bidi_controls);
	RUN(test_messages_escape_controls);
	return TEST_DONE();
}
