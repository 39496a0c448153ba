/* load.c — YAML content file -> content model, strictly checked; see load.h.
 *
 * Four steps, each refusing what the next cannot handle: read the file (at
 * most 1 MiB), check the raw text and build a node tree (yamltree.c), then
 * walk the tree against the schema tables below, filling a struct content
 * in its own arena. Problems go to a local list that is sorted and then
 * appended to the caller's; content is handed out only without errors.
 *
 * Where a message points: a problem with a key (unknown, duplicate, a
 * block's second kind) points at the key; a problem with a value (wrong
 * type, out of range, empty, unknown screen or language) at the value;
 * something missing at the start of the group it is missing from; a
 * problem with the whole file (too big, empty, unreadable) at line 0. */
#include "load.h"

#include "schedule.h"
#include "sha256.h"

#include "utf8.h"
#include "yamltree.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_SCREENS 1000
/* Limits no real centre meets, so a file under 1 MiB is always checked and
 * laid out quickly: a screen a visitor reads holds far less. */
#define MAX_TEXT_CHARS 2000    /* one paragraph, list item, title or label */
#define MAX_WORD_CHARS 200     /* characters with no space between them */
#define MAX_BLOCKS 60          /* blocks on one screen */
#define MAX_ITEMS 60           /* items in one list */
#define MAX_LANG_CHARS 30000   /* all the text of one language: 50 pages */
#define MAX_ALL_CHARS 120000   /* all the text of all languages */
#define MAX_ID_CHARS 40
#define MAX_NUMBER_CHARS 40
#define MAX_PROBLEMS 200 /* of each severity; more would bury the first */
#define MAX_FIELDS 16    /* keys in the biggest section */
#define MAX_NAME 64      /* longer words are never suggestion candidates */
#define EXCERPT 40       /* bytes of a value quoted back in a message */
#define EXCERPT_SIZE (EXCERPT + 8)

#define WANT_TEXT "text, or one text per language like {en: \"...\", pl: \"...\"}"

struct loader {
	struct content *c;
	struct ytree *tree;              /* its arena also holds our scratch */
	struct diag_list *diags; /* ours, sorted before the caller sees it */
	size_t n_errors, n_warnings;
	bool langs_bad;                  /* kiosk.languages was wrong: skip
					    language checks that would only
					    repeat it */
	const struct ynode *quick_exit;  /* kiosk.quick_exit's value */
	const struct ynode *lang_at[CONTENT_MAX_LANGS]; /* each code in kiosk.languages */
	/* texts not in every language: the first few are reported as found,
	 * the rest counted, per language, from the place of the first */
	size_t untranslated, more_by_lang[CONTENT_MAX_LANGS];
	struct mark more_at;
	const struct ynode *sleep_outside; /* display.sleep: outside_hours */
	const struct ynode **screen_ids; /* per screen, its id value */
	struct locator where;            /* finds a character in the file */
	bool *loop_given;                /* per screen */
};

/* ---- reporting ---------------------------------------------------------- */

static void vreport(struct loader *L, enum diag_severity sev, int line, int col, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));

static void vreport(struct loader *L, enum diag_severity sev, int line, int col, const char *fmt, va_list ap)
{
	size_t *count = sev == DIAG_ERROR ? &L->n_errors : &L->n_warnings;
	if (++*count > MAX_PROBLEMS)
		return;
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	diag_add(L->diags, sev, line, col, "%s", msg);
}

static void error_at(struct loader *L, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void warn_at(struct loader *L, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void error_file(struct loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void error_at(struct loader *L, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(L, DIAG_ERROR, at->line, at->col, fmt, ap);
	va_end(ap);
}

static void warn_at(struct loader *L, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(L, DIAG_WARNING, at->line, at->col, fmt, ap);
	va_end(ap);
}

static void error_file(struct loader *L, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(L, DIAG_ERROR, 0, 0, fmt, ap);
	va_end(ap);
}

/* s[0..n) as a short one-line quote for a message, in out[EXCERPT_SIZE]. */
static const char *excerpt(const char *s, size_t n, char *out)
{
	size_t k = utf8_prefix(s, n, EXCERPT);
	memcpy(out, s, k);
	for (size_t i = 0; i < k; i++)
		if ((unsigned char)out[i] < 0x20)
			out[i] = ' ';
	strcpy(out + k, k < n ? "..." : "");
	return out;
}

/* What a value is, for "must be X, not Y"; out has EXCERPT_SIZE + 2. */
static const char *describe(const struct ynode *v, char *out)
{
	switch (v->kind) {
	case YNODE_MAP:
		return "a group of settings";
	case YNODE_LIST:
		return "a list";
	case YNODE_SCALAR: {
		if (v->len == 0)
			return "empty";
		char q[EXCERPT_SIZE];
		snprintf(out, EXCERPT_SIZE + 2, "'%s'", excerpt(v->str, v->len, q));
		return out;
	}
	default:
		return "unreadable";
	}
}

/* Is the rest of the line after this (empty, plain) value a comment? Then
 * the staff member wrote  key: #... , and YAML took it for a comment. */
static bool comment_follows(const struct loader *L, const struct ynode *v)
{
	size_t len;
	const char *line = ytree_line(L->tree, v->line, &len);
	if (!line || !v->plain)
		return false;
	size_t i = 0;
	for (int col = 1; col < v->col && i < len; col++) {
		uint32_t cp;
		size_t k = utf8_decode(line + i, len - i, &cp);
		i += k ? k : 1;
	}
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i < len && line[i] == '#';
}

static void empty_value(struct loader *L, const struct ynode *v, const char *subject, const char *want)
{
	if (comment_follows(L, v))
		error_at(L, v, "%s is empty: in YAML a # starts a comment, so put text that contains # in quotes",
			 subject);
	else
		error_at(L, v, "%s is empty; it must be %s", subject, want);
}

static void wrong_type(struct loader *L, const struct ynode *v, const char *subject, const char *want)
{
	if (v->kind == YNODE_BAD)
		return;
	if (v->kind == YNODE_SCALAR && v->len == 0) {
		empty_value(L, v, subject, want);
		return;
	}
	char d[EXCERPT_SIZE + 2];
	error_at(L, v, "%s must be %s, not %s", subject, want, describe(v, d));
}

/* A non-empty single value, or an error saying what it should have been. */
static bool want_scalar(struct loader *L, const struct ynode *v, const char *subject, const char *want)
{
	if (v->kind == YNODE_SCALAR && v->len > 0)
		return true;
	wrong_type(L, v, subject, want);
	return false;
}

/* ---- small helpers ------------------------------------------------------- */

/* n elements of size bytes in the arena. n is bounded by the tree, itself
 * bounded by the 1 MiB file, so overflow means memory is corrupt. */
static void *arena_array(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		abort();
	return arena_alloc(a, n * size);
}

static char lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* A letter, in any script (UTF-8's lead and continuation bytes). */
static bool letter(char ch)
{
	return (unsigned char)ch >= 0x80 || (lower(ch) >= 'a' && lower(ch) <= 'z');
}

static bool equal_nocase(const char *a, size_t n, const char *b)
{
	size_t m = strlen(b);
	if (n != m)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

/* Optimal string alignment distance (insert, delete, change, swap two
 * neighbours), ASCII case ignored; SIZE_MAX for words too long to matter. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > MAX_NAME || m > MAX_NAME)
		return SIZE_MAX;
	size_t rows[3][MAX_NAME + 1];
	size_t *two = rows[0], *one = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= m; j++)
		one[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = lower(a[i - 1]) != lower(b[j - 1]);
			size_t best = one[j - 1] + cost;
			if (one[j] + 1 < best)
				best = one[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) && two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			cur[j] = best;
		}
		size_t *t = two;
		two = one;
		one = cur;
		cur = t;
	}
	return one[m];
}

/* Index of the name nearest to word, if near enough to be a typo; else -1. */
static int nearest(const char *word, const char *const *names, size_t n)
{
	int best = -1;
	size_t best_d = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (!names[i])
			continue;
		size_t len = strlen(names[i]);
		size_t limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
		size_t d = edit_distance(word, names[i]);
		if (d <= limit && d < best_d) {
			best = (int)i;
			best_d = d;
		}
	}
	return best;
}

/* Appends s to out[size] (holding *used bytes), cutting it short if full. */
static void append(char *out, size_t size, size_t *used, const char *s)
{
	size_t n = strlen(s);
	if (n > size - 1 - *used)
		n = size - 1 - *used;
	memcpy(out + *used, s, n);
	*used += n;
	out[*used] = '\0';
}

/* "a, b, c" (at most max names, then "..."), in out[size]. */
static const char *join(const char *const *names, size_t n, size_t max, char *out, size_t size)
{
	size_t used = 0, shown = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (!names[i])
			continue;
		if (shown == max) {
			append(out, size, &used, ", ...");
			break;
		}
		if (shown++)
			append(out, size, &used, ", ");
		append(out, size, &used, names[i]);
	}
	return out;
}

static const struct ynode *map_get(const struct ynode *map, const char *key)
{
	for (const struct ynode *k = map->child; k && k->next; k = k->next->next)
		if (k->kind == YNODE_SCALAR && strcmp(k->str, key) == 0)
			return k->next;
	return NULL;
}

static struct mark mark_of(const struct ynode *v)
{
	return (struct mark){ v->line, v->col };
}

/* A key must be a word; the value is looked at only when it is. */
static bool key_ok(struct loader *L, const struct ynode *k)
{
	if (k->kind == YNODE_BAD)
		return false;
	if (k->kind != YNODE_SCALAR) {
		char d[EXCERPT_SIZE + 2];
		error_at(L, k, "a key must be a single word followed by ':', like title:, not %s", describe(k, d));
		return false;
	}
	if (k->len == 0) {
		error_at(L, k, "there is a ':' here with no key in front of it; write the key, like title:");
		return false;
	}
	return true;
}

/* ---- values ------------------------------------------------------------- */

/* Decimal only: digits, an optional point and sign. No exponents, hex, inf
 * or nan, and no locale: a Polish locale must not make "10.1" invalid. */
static bool parse_decimal(const char *s, size_t n, double *out)
{
	size_t i = 0, digits = 0;
	bool negative = false;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		negative = s[i++] == '-';
	double v = 0;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		v = v * 10 + (s[i] - '0');
	if (i < n && s[i] == '.') {
		double scale = 0.1;
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++, scale /= 10)
			v += (s[i] - '0') * scale;
	}
	if (i != n || digits == 0)
		return false;
	*out = negative ? -v : v;
	return true;
}

static int hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = lower(ch);
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* "#RRGGBB" or "#RGB" -> 0xRRGGBB. */
static bool parse_colour(const char *s, size_t n, uint32_t *out)
{
	if ((n != 7 && n != 4) || s[0] != '#')
		return false;
	uint32_t v = 0;
	for (size_t i = 1; i < n; i++) {
		int d = hex_digit(s[i]);
		if (d < 0)
			return false;
		v = v << (n == 4 ? 8 : 4) | (uint32_t)(n == 4 ? d * 17 : d);
	}
	*out = v;
	return true;
}

static bool parse_bool(const char *s, size_t n, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on" }, *const no[] = { "false", "no", "off" };
	for (size_t i = 0; i < 3; i++) {
		if (equal_nocase(s, n, yes[i])) {
			*out = true;
			return true;
		}
		if (equal_nocase(s, n, no[i])) {
			*out = false;
			return true;
		}
	}
	return false;
}

static bool id_valid(const char *s, size_t n)
{
	if (n == 0 || n > MAX_ID_CHARS)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
			return false;
	return true;
}

/* 2-3 lowercase letters, optionally -REGION: two capitals or three digits. */
static bool lang_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] >= 'a' && s[i] <= 'z')
		i++;
	if (i < 2 || i > 3)
		return false;
	if (i == n)
		return true;
	const char *r = s + i + 1;
	size_t rn = n - i - 1;
	if (s[i] != '-')
		return false;
	if (rn == 2)
		return r[0] >= 'A' && r[0] <= 'Z' && r[1] >= 'A' && r[1] <= 'Z';
	if (rn == 3)
		return r[0] >= '0' && r[0] <= '9' && r[1] >= '0' && r[1] <= '9' && r[2] >= '0' && r[2] <= '9';
	return false;
}

static int lang_index(const struct content *c, const char *code)
{
	for (size_t i = 0; i < c->n_langs; i++)
		if (strcmp(c->langs[i], code) == 0)
			return (int)i;
	return -1;
}

/* A plain value in Word's curly quotes, “...” or ‘...’: YAML keeps the
 * quotes as part of the text, so the kiosk would show them. */
static void curly_quoted(struct loader *L, const struct ynode *v)
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

#define MAX_UNTRANSLATED 3 /* reported one by one; then one line counts the rest */

/* A text v (named what) that has no text of its own in the languages
 * marked missing: the visitor who chose one reads the default language.
 * Texts with no letters ("24/7") read the same in every language, a call's
 * name written once is a name ("The Havens", "Childline") kept as it is,
 * and language_name is checked on its own (check_translations). */
static void untranslated(struct loader *L, const struct ynode *v, const char *what, const bool *missing)
{
	struct content *c = L->c;
	if (L->langs_bad || c->n_langs < 2 || strcmp(what, "'language_name'") == 0 ||
	    (v->kind == YNODE_SCALAR && strcmp(what, "'name'") == 0))
		return;
	char list[CONTENT_MAX_LANGS * 16] = "";
	size_t used = 0, n = 0, first = 0;
	for (size_t i = 1; i < c->n_langs; i++) {
		if (!missing[i])
			continue;
		if (!first)
			first = i;
		append(list, sizeof list, &used, n++ ? ", '" : "'");
		append(list, sizeof list, &used, c->langs[i]);
		append(list, sizeof list, &used, "'");
	}
	bool letters = false;
	for (const char *p = v->kind == YNODE_SCALAR ? v->str : "x"; *p && !letters; p++)
		letters = letter(*p);
	if (n == 0 || !letters)
		return;
	if (L->untranslated++ < MAX_UNTRANSLATED) {
		if (v->kind == YNODE_SCALAR)
			warn_at(L, v, "%s is written once for every language, so it is shown in '%s' to a visitor "
				      "who chose %s; give one text per language, like {%s: \"...\", %s: \"...\"}",
				what, c->langs[0], list, c->langs[0], c->langs[first]);
		else
			warn_at(L, v, "no %s text for %s; the '%s' text is shown instead; add %s, like  %s: \"...\"",
				list, what, c->langs[0], n == 1 ? "it" : "them", c->langs[first]);
		return;
	}
	if (L->untranslated == MAX_UNTRANSLATED + 1)
		L->more_at = (struct mark){ v->line, v->col };
	for (size_t i = 1; i < c->n_langs; i++)
		L->more_by_lang[i] += missing[i];
}

/* Translatable text: one string for every language, or a string per
 * language code; what names it in messages ("'title'", "item 2 of
 * 'steps'"). Fills *out, falling back to the default language, only when
 * the text is usable. */
static bool get_ltext(struct loader *L, const struct ynode *v, const char *what, struct ltext *out)
{
	struct content *c = L->c;
	struct ltext t;
	memset(&t, 0, sizeof t);

	if (v->kind == YNODE_SCALAR && v->len > 0) {
		const char *s = arena_strndup(&c->arena, v->str, v->len);
		curly_quoted(L, v);
		bool missing[CONTENT_MAX_LANGS] = { false };
		for (size_t i = 0; i < c->n_langs; i++) {
			t.by_lang[i] = s;
			t.at[i] = (struct mark){ v->line, v->col };
			missing[i] = i > 0;
		}
		untranslated(L, v, what, missing);
		*out = t;
		return true;
	}
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, what, WANT_TEXT);
		return false;
	}

	const struct ynode *keys[CONTENT_MAX_LANGS] = { NULL };
	bool suggested[CONTENT_MAX_LANGS] = { false }; /* a misspelt code was reported */
	bool ok = true;
	for (const struct ynode *k = v->child; k && k->next; k = k->next->next) {
		const struct ynode *val = k->next;
		if (!key_ok(L, k)) {
			ok = false;
			continue;
		}
		char q[EXCERPT_SIZE];
		int li = lang_index(c, k->str);
		if (li < 0) {
			char list[256], sub[CONTENT_MAX_LANGS * 24];
			int near = nearest(k->str, c->langs, c->n_langs);
			join(c->langs, c->n_langs, CONTENT_MAX_LANGS, list, sizeof list);
			if (near >= 0) {
				snprintf(sub, sizeof sub, "did you mean '%s'?", c->langs[near]);
				suggested[near] = true;
			} else
				snprintf(sub, sizeof sub, "to use it, add it to kiosk.languages");
			if (!L->langs_bad)
				error_at(L, k, "language '%s' in %s is not in kiosk.languages (%s); %s",
					 excerpt(k->str, k->len, q), what, list, sub);
			ok = false;
			continue;
		}
		if (keys[li]) {
			error_at(L, k, "the '%s' text of %s is given twice; the first is on line %d, so delete one",
				 c->langs[li], what, keys[li]->line);
			continue;
		}
		keys[li] = k;
		char subject[160];
		snprintf(subject, sizeof subject, "the '%s' text of %s", c->langs[li], what);
		if (!want_scalar(L, val, subject, "text")) {
			ok = false;
			continue;
		}
		curly_quoted(L, val);
		t.by_lang[li] = arena_strndup(&c->arena, val->str, val->len);
		t.at[li] = (struct mark){ val->line, val->col };
	}
	if (!keys[0]) {
		if (!L->langs_bad)
			error_at(L, v, "%s has no '%s' text; the first language in kiosk.languages must always "
				       "have text",
				 what, c->langs[0]);
		return false;
	}
	bool missing[CONTENT_MAX_LANGS] = { false };
	for (size_t i = 1; i < c->n_langs; i++)
		missing[i] = !keys[i] && !suggested[i];
	untranslated(L, v, what, missing);
	if (!ok || !t.by_lang[0])
		return false;
	for (size_t i = 1; i < c->n_langs; i++)
		if (!t.by_lang[i]) {
			t.by_lang[i] = t.by_lang[0];
			t.at[i] = t.at[0];
		}
	*out = t;
	return true;
}

/* kiosk.languages, read before anything else because every text needs it. */
static void get_languages(struct loader *L, const struct ynode *v)
{
	struct content *c = L->c;
	const char *want = "a list of language codes, like [en, pl]";
	L->langs_bad = true; /* until proven otherwise */
	if (v->kind == YNODE_BAD)
		return;
	if (v->kind != YNODE_LIST) {
		wrong_type(L, v, "'languages'", want);
		return;
	}
	if (v->n == 0) {
		error_at(L, v, "'languages' is empty; list at least one language code, like [en]");
		return;
	}
	if (v->n > CONTENT_MAX_LANGS) {
		error_at(L, v, "'languages' lists %zu languages; at most %d are allowed", v->n, CONTENT_MAX_LANGS);
		return;
	}
	const char *langs[CONTENT_MAX_LANGS];
	size_t n = 0;
	bool ok = true;
	for (const struct ynode *item = v->child; item; item = item->next) {
		char q[EXCERPT_SIZE];
		if (item->kind == YNODE_BAD || !want_scalar(L, item, "each language", "a language code, like en")) {
			ok = false;
			continue;
		}
		if (!lang_valid(item->str, item->len)) {
			error_at(L, item, "'%s' is not a language code; use 2 or 3 lowercase letters, like en or pl "
					  "(or with a region, like pt-BR)",
				 excerpt(item->str, item->len, q));
			ok = false;
			continue;
		}
		size_t j = 0;
		while (j < n && strcmp(langs[j], item->str) != 0)
			j++;
		if (j < n) {
			error_at(L, item, "language '%s' is listed twice; delete one of them", item->str);
			ok = false;
			continue;
		}
		L->lang_at[n] = item;
		langs[n++] = item->str;
	}
	if (n > 0) {
		for (size_t i = 0; i < n; i++)
			c->langs[i] = arena_strdup(&c->arena, langs[i]);
		c->n_langs = n;
	}
	L->langs_bad = !ok;
}

/* ---- the schema ----------------------------------------------------------- */

enum field_type {
	FT_SECTION,    /* a group of settings, checked against field.sub */
	FT_NUMBER,     /* double in [min, max] */
	FT_BOOL,       /* bool */
	FT_COLOUR,     /* uint32_t 0xRRGGBB */
	FT_FONT,       /* const char *, not empty */
	FT_LTEXT,      /* struct ltext */
	FT_PHONE,      /* const char *, as written */
	FT_ID,         /* const char *, a screen id */
	FT_ROTATION,   /* int */
	FT_TRANSITION, /* enum transition */
	FT_LANGS,      /* kiosk.languages: read first, see get_languages() */
	FT_LANG_FONTS, /* theme.fonts: a font family per language code */
	FT_SCREEN_REF, /* kiosk.quick_exit: checked when all screens are known */
	FT_SCREENS,    /* the content's screens */
	FT_BLOCKS,     /* a screen's blocks */
	FT_ITEMS,      /* a block's steps or bullets */
	FT_DAY_HOURS,  /* struct day_hours: "09:00-17:00", several, or closed */
	FT_EXCEPTIONS, /* hours.exceptions: "YYYY-MM-DD": day hours */
	FT_SLEEP,      /* struct sleep_rule: "22:00-07:00", outside_hours, never */
	FT_QR_DATA,    /* a qr block's data, encoded into the block */
};

struct section;

struct field {
	const char *key;
	enum field_type type;
	size_t offset;              /* where the value goes in the section's object */
	double min, max;            /* FT_NUMBER */
	const char *want;           /* what the value must be, for messages */
	const char *missing;        /* set for required fields: how to add it */
	const struct section *sub;  /* FT_SECTION */
	bool marked;                /* record where the value was written ... */
	size_t mark_offset;         /* ... in a struct mark at this offset */
};

struct section {
	const char *where;                   /* "in a screen", after "unknown key 'x'" */
	const char *noun;                    /* "this screen", before "has no 'id'" */
	const char *home;                    /* "in a screen (under 'screens:')" */
	const struct field *fields;
	size_t n_fields;
	const struct section *const *near;   /* whose keys get mis-indented into this one */
	void (*finish)(void *obj);           /* after all keys were checked */
};

/* the index of each field in its table, where code needs to know it */
enum { TOP_KIOSK, TOP_DISPLAY, TOP_THEME, TOP_LABELS, TOP_SCREENS, TOP_HOURS, TOP_N };
enum { KIOSK_LANGUAGES, KIOSK_CYCLE, KIOSK_IDLE, KIOSK_QUICK_EXIT, KIOSK_TRANSITION, KIOSK_HELP,
       KIOSK_OUT_OF_HOURS, KIOSK_QUICK_EXIT_HOLD, KIOSK_N };
enum { SCREEN_ID, SCREEN_TITLE, SCREEN_LOOP, SCREEN_DURATION, SCREEN_SHOW_HELP, SCREEN_BLOCKS, SCREEN_N };
enum { BLOCK_F_TEXT, BLOCK_F_STEPS, BLOCK_F_BULLETS, BLOCK_F_CALL, BLOCK_F_QR, BLOCK_N };

static const struct section top_section, kiosk_section, help_section, display_section, theme_section,
	contrast_section, labels_section, screen_section, block_section, call_section, hours_section,
	out_of_hours_section, qr_section;

static void call_finish(void *obj)
{
	struct call *call = obj;
	call->has_hours = call->hours.by_lang[0] != NULL;
}

static const struct field call_fields[] = {
	{ .key = "name", .type = FT_LTEXT, .offset = offsetof(struct call, name), .want = WANT_TEXT,
	  .missing = "add it, like  name: \"The Havens\"" },
	{ .key = "number", .type = FT_PHONE, .offset = offsetof(struct call, number),
	  .marked = true, .mark_offset = offsetof(struct call, at_number),
	  .want = "a phone number in quotes, like \"0808 500 2222\"",
	  .missing = "add the phone number, like  number: \"0808 500 2222\"" },
	{ .key = "hours", .type = FT_LTEXT, .offset = offsetof(struct call, hours), .want = WANT_TEXT },
};

static void qr_finish(void *obj)
{
	struct qr_block *q = obj;
	q->has_caption = q->caption.by_lang[0] != NULL;
}

static void hours_finish(void *obj)
{
	((struct hours *)obj)->given = true;
}

static void out_of_hours_finish(void *obj)
{
	struct out_of_hours *o = obj;
	o->given = true;
	o->own_call = o->call.number != NULL;
}

static const struct field qr_fields[] = {
	{ .key = "data", .type = FT_QR_DATA, .offset = offsetof(struct qr_block, data),
	  .want = "a link or a phone number in quotes, like \"tel:+448085002222\" or \"https://...\"",
	  .missing = "add what the code holds, like  data: \"tel:+448085002222\"" },
	{ .key = "caption", .type = FT_LTEXT, .offset = offsetof(struct qr_block, caption), .want = WANT_TEXT },
};

#define WANT_DAY "opening hours in quotes like \"09:00-17:00\", or closed"
static const struct field hours_fields[] = {
	{ .key = "monday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[0]), .want = WANT_DAY },
	{ .key = "tuesday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[1]), .want = WANT_DAY },
	{ .key = "wednesday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[2]), .want = WANT_DAY },
	{ .key = "thursday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[3]), .want = WANT_DAY },
	{ .key = "friday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[4]), .want = WANT_DAY },
	{ .key = "saturday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[5]), .want = WANT_DAY },
	{ .key = "sunday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[6]), .want = WANT_DAY },
	{ .key = "exceptions", .type = FT_EXCEPTIONS,
	  .want = "dates, each with its hours, indented under 'exceptions:', like  \"2026-12-25\": closed" },
};

static const struct field out_of_hours_fields[] = {
	{ .key = "text", .type = FT_LTEXT, .offset = offsetof(struct out_of_hours, text), .want = WANT_TEXT,
	  .missing = "add the banner's words, like  text: \"We are closed now. This line is open day and night:\"" },
	{ .key = "call", .type = FT_SECTION, .offset = offsetof(struct out_of_hours, call), .sub = &call_section,
	  .want = "settings indented under 'call:': name, number and hours" },
};

static const struct field kiosk_fields[KIOSK_N] = {
	[KIOSK_LANGUAGES] = { .key = "languages", .type = FT_LANGS },
	[KIOSK_CYCLE] = { .key = "cycle", .type = FT_NUMBER, .offset = offsetof(struct content, cycle),
			  .min = 3, .max = 600, .want = "a number of seconds between 3 and 600, like 12" },
	[KIOSK_IDLE] = { .key = "idle_timeout", .type = FT_NUMBER,
			 .offset = offsetof(struct content, idle_timeout), .min = 10, .max = 3600,
			 .want = "a number of seconds between 10 and 3600, like 90" },
	[KIOSK_QUICK_EXIT] = { .key = "quick_exit", .type = FT_SCREEN_REF,
			       .want = "the id of a screen, like neutral (or none for no Quick exit button)",
			       .missing = "without it there is no Quick exit button; add the id of an "
					  "ordinary-looking screen that the button shows, like  quick_exit: neutral "
					  "(only if this kiosk must have no Quick exit button, write  quick_exit: none)" },
	[KIOSK_TRANSITION] = { .key = "transition", .type = FT_TRANSITION,
			       .offset = offsetof(struct content, transition),
			       .want = "fade, slide or none (none: screens change without movement)" },
	[KIOSK_HELP] = { .key = "help", .type = FT_SECTION, .offset = offsetof(struct content, help),
			 .sub = &help_section,
			 .want = "settings indented under 'help:': name, number and hours" },
	[KIOSK_OUT_OF_HOURS] = { .key = "out_of_hours", .type = FT_SECTION,
				 .offset = offsetof(struct content, out_of_hours), .sub = &out_of_hours_section,
				 .want = "settings indented under 'out_of_hours:': text, and call if the number is "
					 "not kiosk.help's" },
	[KIOSK_QUICK_EXIT_HOLD] = { .key = "quick_exit_hold", .type = FT_NUMBER,
				    .offset = offsetof(struct content, quick_exit_hold), .min = 10, .max = 3600,
				    .want = "a number of seconds between 10 and 3600 that the Quick exit screen "
					    "stays before the loop starts again, like 180" },
};

static const struct field display_fields[] = {
	{ .key = "rotation", .type = FT_ROTATION, .offset = offsetof(struct content, rotation),
	  .want = "0, 90, 180 or 270 (degrees)" },
	{ .key = "diagonal_inches", .type = FT_NUMBER, .offset = offsetof(struct content, diagonal_inches),
	  .min = 2, .max = 100, .want = "the size of the screen in inches between 2 and 100, like 10.1" },
	{ .key = "viewing_distance_cm", .type = FT_NUMBER,
	  .offset = offsetof(struct content, viewing_distance_cm), .min = 20, .max = 500,
	  .want = "how far a visitor's eyes are from the screen, in centimetres between 20 and 500, like 40" },
	{ .key = "sleep", .type = FT_SLEEP, .offset = offsetof(struct content, sleep),
	  .want = "when the screen goes black: times in quotes like \"22:00-07:00\", outside_hours, or never" },
};

#define COLOUR_FIELD(T, NAME) \
	{ .key = #NAME, .type = FT_COLOUR, .offset = offsetof(T, NAME), .marked = true, \
	  .mark_offset = offsetof(T, at_##NAME) }

static const struct field theme_fields[] = {
	COLOUR_FIELD(struct theme, background),
	COLOUR_FIELD(struct theme, text),
	COLOUR_FIELD(struct theme, accent),
	{ .key = "font", .type = FT_FONT, .offset = offsetof(struct theme, font),
	  .want = "the name of a font in quotes, like \"DejaVu Sans\"" },
	{ .key = "fonts", .type = FT_LANG_FONTS,
	  .want = "a font per language code, indented under 'fonts:', like  ar: \"Noto Sans Arabic\"" },
	{ .key = "high_contrast", .type = FT_SECTION, .offset = offsetof(struct theme, high_contrast),
	  .sub = &contrast_section,
	  .want = "colours indented under 'high_contrast:', like  background: \"#000000\"" },
};

static const struct field contrast_fields[] = {
	COLOUR_FIELD(struct colours, background),
	COLOUR_FIELD(struct colours, text),
	COLOUR_FIELD(struct colours, accent),
};

static const struct field labels_fields[] = {
	{ .key = "touch_hint", .type = FT_LTEXT, .offset = offsetof(struct labels, touch_hint), .want = WANT_TEXT },
	{ .key = "help_prefix", .type = FT_LTEXT, .offset = offsetof(struct labels, help_prefix), .want = WANT_TEXT },
	{ .key = "back", .type = FT_LTEXT, .offset = offsetof(struct labels, back), .want = WANT_TEXT },
	{ .key = "topics", .type = FT_LTEXT, .offset = offsetof(struct labels, topics), .want = WANT_TEXT },
	{ .key = "quick_exit", .type = FT_LTEXT, .offset = offsetof(struct labels, quick_exit), .want = WANT_TEXT },
	{ .key = "language_name", .type = FT_LTEXT, .offset = offsetof(struct labels, language_name), .want = WANT_TEXT },
	{ .key = "still_there", .type = FT_LTEXT, .offset = offsetof(struct labels, still_there), .want = WANT_TEXT },
	{ .key = "touch_to_continue", .type = FT_LTEXT, .offset = offsetof(struct labels, touch_to_continue), .want = WANT_TEXT },
	{ .key = "language", .type = FT_LTEXT, .offset = offsetof(struct labels, language), .want = WANT_TEXT },
};

static const struct field block_fields[BLOCK_N] = {
	[BLOCK_F_TEXT] = { .key = "text", .type = FT_LTEXT, .offset = offsetof(struct block, text), .want = WANT_TEXT },
	[BLOCK_F_STEPS] = { .key = "steps", .type = FT_ITEMS, .want = "a list of texts, each starting with '- '" },
	[BLOCK_F_BULLETS] = { .key = "bullets", .type = FT_ITEMS, .want = "a list of texts, each starting with '- '" },
	[BLOCK_F_CALL] = { .key = "call", .type = FT_SECTION, .offset = offsetof(struct block, call),
			   .sub = &call_section,
			   .want = "settings indented under 'call:': name, number and hours" },
	[BLOCK_F_QR] = { .key = "qr", .type = FT_SECTION, .offset = offsetof(struct block, qr), .sub = &qr_section,
			 .want = "settings indented under 'qr:': data, and a caption" },
};

/* in block_fields order */
static const enum block_kind block_kinds[BLOCK_N] = { BLOCK_TEXT, BLOCK_STEPS, BLOCK_BULLETS, BLOCK_CALL,
						      BLOCK_QR };

static const struct field screen_fields[SCREEN_N] = {
	[SCREEN_ID] = { .key = "id", .type = FT_ID, .offset = offsetof(struct screen, id),
			.want = "1 to 40 lowercase letters, digits, '-' or '_' (no spaces), like reporting",
			.missing = "add one, like  id: reporting" },
	[SCREEN_TITLE] = { .key = "title", .type = FT_LTEXT, .offset = offsetof(struct screen, title),
			   .want = WANT_TEXT, .missing = "add one, like  title: \"What happens when you report\"" },
	[SCREEN_LOOP] = { .key = "loop", .type = FT_BOOL, .offset = offsetof(struct screen, loop),
			  .want = "true or false" },
	[SCREEN_DURATION] = { .key = "duration", .type = FT_NUMBER, .offset = offsetof(struct screen, duration),
			      .min = 3, .max = 600, .want = "a number of seconds between 3 and 600, like 20" },
	[SCREEN_SHOW_HELP] = { .key = "show_help", .type = FT_BOOL, .offset = offsetof(struct screen, show_help),
			       .want = "true or false" },
	[SCREEN_BLOCKS] = { .key = "blocks", .type = FT_BLOCKS,
			    .want = "a list of blocks, each starting with '- ', like  - text: \"...\"",
			    .missing = "add 'blocks:' with at least one block under it, like  - text: \"...\"" },
};

static const struct field top_fields[TOP_N] = {
	[TOP_KIOSK] = { .key = "kiosk", .type = FT_SECTION, .sub = &kiosk_section,
			.want = "settings indented under 'kiosk:', like  cycle: 12" },
	[TOP_DISPLAY] = { .key = "display", .type = FT_SECTION, .sub = &display_section,
			  .want = "settings indented under 'display:', like  rotation: 0" },
	[TOP_THEME] = { .key = "theme", .type = FT_SECTION, .offset = offsetof(struct content, theme),
			.sub = &theme_section,
			.want = "settings indented under 'theme:', like  background: \"#1B2340\"" },
	[TOP_LABELS] = { .key = "labels", .type = FT_SECTION, .offset = offsetof(struct content, labels),
			 .sub = &labels_section,
			 .want = "texts indented under 'labels:', like  touch_hint: \"Touch the screen\"" },
	[TOP_SCREENS] = { .key = "screens", .type = FT_SCREENS,
			  .want = "a list of screens, each starting with '- id:'",
			  .missing = "add 'screens:' with at least one screen under it, starting with '- id:'" },
	[TOP_HOURS] = { .key = "hours", .type = FT_SECTION, .offset = offsetof(struct content, hours),
			.sub = &hours_section,
			.want = "the opening hours indented under 'hours:', like  monday: \"09:00-17:00\"" },
};

#define FIELDS(a) (a), sizeof(a) / sizeof((a)[0])

static const struct section *const top_near[] = { &kiosk_section, &display_section, &theme_section,
						  &labels_section, &screen_section, &hours_section, NULL };
static const struct section *const kiosk_near[] = { &display_section, &theme_section, &labels_section,
						    &hours_section, NULL };
static const struct section *const display_near[] = { &kiosk_section, &theme_section, NULL };
static const struct section *const theme_near[] = { &display_section, &kiosk_section, NULL };
static const struct section *const labels_near[] = { &kiosk_section, NULL };
static const struct section *const screen_near[] = { &block_section, &call_section, &kiosk_section, NULL };
static const struct section *const block_near[] = { &call_section, &qr_section, &screen_section, NULL };
static const struct section *const call_near[] = { &block_section, NULL };
static const struct section *const hours_near[] = { &kiosk_section, &display_section, NULL };
static const struct section *const qr_near[] = { &block_section, &call_section, NULL };

static const struct section top_section = {
	"at the top of the file", "the file", "at the top of the file (not indented)",
	FIELDS(top_fields), top_near, NULL,
};
static const struct section kiosk_section = {
	"in the kiosk section", "kiosk", "under 'kiosk:'", FIELDS(kiosk_fields), kiosk_near, NULL,
};
static const struct section help_section = {
	"in kiosk.help", "kiosk.help", "under 'help:'", FIELDS(call_fields), NULL, call_finish,
};
static const struct section display_section = {
	"in the display section", "display", "under 'display:'", FIELDS(display_fields), display_near, NULL,
};
static const struct section theme_section = {
	"in the theme section", "theme", "under 'theme:'", FIELDS(theme_fields), theme_near, NULL,
};
static const struct section contrast_section = {
	"in theme.high_contrast", "theme.high_contrast", "under 'high_contrast:'", FIELDS(contrast_fields), NULL,
	NULL,
};
static const struct section labels_section = {
	"in the labels section", "labels", "under 'labels:'", FIELDS(labels_fields), labels_near, NULL,
};
static const struct section screen_section = {
	"in a screen", "this screen", "in a screen (under 'screens:')", FIELDS(screen_fields), screen_near, NULL,
};
static const struct section block_section = {
	"in a block", "this block", "in a block (under 'blocks:', like  - text: ...)", FIELDS(block_fields),
	block_near, NULL,
};
static const struct section call_section = {
	"in a call", "this call", "under 'call:' in a block", FIELDS(call_fields), call_near, call_finish,
};
static const struct section hours_section = {
	"in the hours section", "hours", "under 'hours:'", FIELDS(hours_fields), hours_near, hours_finish,
};
static const struct section out_of_hours_section = {
	"in kiosk.out_of_hours", "kiosk.out_of_hours", "under 'out_of_hours:' in the kiosk section",
	FIELDS(out_of_hours_fields), NULL, out_of_hours_finish,
};
static const struct section qr_section = {
	"in a qr block", "this qr block", "under 'qr:' in a block", FIELDS(qr_fields), qr_near, qr_finish,
};

static int field_index(const struct section *s, const char *key)
{
	for (size_t i = 0; i < s->n_fields; i++)
		if (strcmp(s->fields[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* The key and value given for each field of a section; NULL when absent. */
struct seen {
	const struct ynode *key, *val;
};

static void unknown_key(struct loader *L, const struct section *s, const struct ynode *k, bool *suggested)
{
	char q[EXCERPT_SIZE];
	excerpt(k->str, k->len, q);

	/* A key of another section is most likely mis-indented, not misspelt. */
	for (const struct section *const *other = s->near; other && *other; other++) {
		if (field_index(*other, k->str) >= 0) {
			error_at(L, k, "unknown key '%s' %s; '%s' belongs %s, so check its indentation", q, s->where,
				 q, (*other)->home);
			return;
		}
	}
	const char *names[MAX_FIELDS];
	for (size_t i = 0; i < s->n_fields; i++)
		names[i] = s->fields[i].key;
	int near = nearest(k->str, names, s->n_fields);
	if (near >= 0) {
		suggested[near] = true;
		error_at(L, k, "unknown key '%s' %s; did you mean '%s'?", q, s->where, names[near]);
		return;
	}
	char list[256];
	error_at(L, k, "unknown key '%s' %s; the keys allowed there are: %s", q, s->where,
		 join(names, s->n_fields, MAX_FIELDS, list, sizeof list));
}

static void check_field(struct loader *L, const struct field *f, const struct ynode *v, void *obj);

/* Checks every key of map against s and fills obj; seen[] (s->n_fields
 * entries) gets what was given. Returns the number of unusable keys. */
static size_t walk_section(struct loader *L, const struct section *s, const struct ynode *map, void *obj,
			   struct seen *seen)
{
	bool suggested[MAX_FIELDS] = { false };
	size_t unusable = 0;
	for (const struct ynode *k = map->child; k && k->next; k = k->next->next) {
		const struct ynode *v = k->next;
		if (!key_ok(L, k)) {
			unusable++;
			continue;
		}
		int i = field_index(s, k->str);
		if (i < 0) {
			unknown_key(L, s, k, suggested);
			unusable++;
			continue;
		}
		if (seen[i].key) {
			error_at(L, k, "duplicate key '%s' %s; the first '%s' is on line %d, so delete one of them",
				 k->str, s->where, k->str, seen[i].key->line);
			continue;
		}
		seen[i] = (struct seen){ k, v };
		check_field(L, &s->fields[i], v, obj);
	}
	/* a misspelt required key was already reported with its suggestion */
	for (size_t i = 0; i < s->n_fields; i++)
		if (s->fields[i].missing && !seen[i].key && !suggested[i])
			error_at(L, map, "%s has no '%s'; %s", s->noun, s->fields[i].key, s->fields[i].missing);
	if (s->finish)
		s->finish(obj);
	return unusable;
}

static void get_section(struct loader *L, const struct field *f, const char *subject, const struct ynode *v,
			void *obj)
{
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, subject, f->want);
		return;
	}
	struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
	walk_section(L, f->sub, v, obj, seen);
}

static void get_items(struct loader *L, const struct field *f, const char *subject, const struct ynode *v,
		      struct block *b)
{
	struct content *c = L->c;
	if (v->kind != YNODE_LIST) {
		wrong_type(L, v, subject, f->want);
		return;
	}
	if (v->n == 0) {
		error_at(L, v, "%s is empty; add at least one item, like  - \"...\"", subject);
		return;
	}
	if (v->n > MAX_ITEMS) {
		error_at(L, v, "%s has %zu items, more than the %d a screen can show; split it over "
			       "several screens",
			 subject, v->n, MAX_ITEMS);
		return;
	}
	b->items = arena_array(&c->arena, v->n, sizeof *b->items);
	size_t i = 0;
	for (const struct ynode *item = v->child; item; item = item->next) {
		char what[96];
		snprintf(what, sizeof what, "item %zu of %s", ++i, subject);
		if (item->kind != YNODE_BAD && get_ltext(L, item, what, &b->items[b->n_items]))
			b->n_items++;
	}
}

/* Exactly one of text, steps, bullets, call and qr makes a block's kind. */
static void block_kind(struct loader *L, const struct ynode *map, struct block *b, const struct seen *seen,
		       size_t unusable)
{
	const struct ynode *first = NULL;
	int first_i = -1;
	for (int i = 0; i < BLOCK_N; i++) {
		const struct ynode *k = seen[i].key;
		if (k && (!first || k->line < first->line || (k->line == first->line && k->col < first->col))) {
			first = k;
			first_i = i;
		}
	}
	if (!first) {
		/* unknown keys were reported already, with what to write instead */
		if (unusable == 0)
			error_at(L, map, "this block has none of text, steps, bullets, call or qr; give it one of them, "
					 "like  - text: \"...\"");
		return;
	}
	b->kind = block_kinds[first_i];
	for (int i = 0; i < BLOCK_N; i++) {
		if (!seen[i].key || i == first_i)
			continue;
		error_at(L, seen[i].key,
			 "this block has both '%s' and '%s'; a block takes only one of text, steps, bullets, call or qr, "
			 "so start '%s' as a new block with '- '",
			 first->str, seen[i].key->str, seen[i].key->str);
	}
}

static void get_blocks(struct loader *L, const struct field *f, const struct ynode *v, struct screen *s)
{
	struct content *c = L->c;
	if (v->kind != YNODE_LIST) {
		wrong_type(L, v, "'blocks'", f->want);
		return;
	}
	if (v->n == 0) {
		error_at(L, v, "'blocks' is empty; add at least one block, like  - text: \"...\"");
		return;
	}
	if (v->n > MAX_BLOCKS) {
		error_at(L, v, "this screen has %zu blocks, more than the %d one screen can hold; split it "
			       "into several screens",
			 v->n, MAX_BLOCKS);
		return;
	}
	s->blocks = arena_array(&c->arena, v->n, sizeof *s->blocks);
	for (const struct ynode *item = v->child; item; item = item->next) {
		if (item->kind == YNODE_BAD)
			continue;
		if (item->kind == YNODE_SCALAR && item->len == 0) {
			error_at(L, item, "this block is empty; give it one of text, steps, bullets, call or qr, like  "
					  "- text: \"...\"");
			continue;
		}
		if (item->kind != YNODE_MAP) {
			wrong_type(L, item, "each block",
				   "one of text, steps, bullets, call or qr, like  - text: \"...\"");
			continue;
		}
		struct block *b = &s->blocks[s->n_blocks++];
		b->at = mark_of(item);
		struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
		size_t unusable = walk_section(L, &block_section, item, b, seen);
		block_kind(L, item, b, seen, unusable);
	}
}

static void get_screens(struct loader *L, const struct field *f, const struct ynode *v)
{
	struct content *c = L->c;
	struct arena *tmp = &L->tree->arena;
	if (v->kind != YNODE_LIST) {
		wrong_type(L, v, "'screens'", f->want);
		return;
	}
	if (v->n == 0) {
		error_at(L, v, "'screens' is empty; add at least one screen, starting with '- id:'");
		return;
	}
	if (v->n > MAX_SCREENS) {
		error_at(L, v, "there are %zu screens, more than the %d allowed; remove some", v->n, MAX_SCREENS);
		return;
	}
	c->screens = arena_array(&c->arena, v->n, sizeof *c->screens);
	L->screen_ids = arena_array(tmp, v->n, sizeof *L->screen_ids);
	L->loop_given = arena_array(tmp, v->n, sizeof *L->loop_given);
	for (const struct ynode *item = v->child; item; item = item->next) {
		if (item->kind == YNODE_BAD)
			continue;
		if (item->kind != YNODE_MAP) {
			wrong_type(L, item, "each screen", "a group of settings starting with '- id:'");
			continue;
		}
		size_t n = c->n_screens++;
		struct screen *s = &c->screens[n];
		s->at = mark_of(item);
		s->loop = true;
		s->show_help = true;
		struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
		walk_section(L, &screen_section, item, s, seen);
		L->loop_given[n] = seen[SCREEN_LOOP].key != NULL;
		if (!s->id)
			continue;
		for (size_t j = 0; j < n; j++) {
			if (c->screens[j].id && strcmp(c->screens[j].id, s->id) == 0) {
				error_at(L, seen[SCREEN_ID].val,
					 "two screens have the id '%s'; the first is on line %d, so give each screen "
					 "its own id",
					 s->id, L->screen_ids[j]->line);
				break;
			}
		}
		L->screen_ids[n] = seen[SCREEN_ID].val;
	}
}

static void get_id(struct loader *L, const struct field *f, const struct ynode *v, const char **out)
{
	if (!want_scalar(L, v, "'id'", f->want))
		return;
	if (id_valid(v->str, v->len)) {
		*out = arena_strndup(&L->c->arena, v->str, v->len);
		return;
	}
	/* "Report Crime" -> report-crime: what they most likely meant */
	char q[EXCERPT_SIZE], better[MAX_ID_CHARS + 1];
	size_t n = 0, from = 0, to = v->len;
	while (from < to && v->str[from] == ' ')
		from++;
	while (to > from && v->str[to - 1] == ' ')
		to--;
	bool ok = to > from && to - from <= MAX_ID_CHARS;
	for (size_t i = from; ok && i < to; i++) {
		char ch = v->str[i] == ' ' ? '-' : lower(v->str[i]);
		ok = id_valid(&ch, 1);
		better[n++] = ch;
	}
	better[n] = '\0';
	if (ok)
		error_at(L, v, "'id' must be %s, not '%s'; did you mean '%s'?", f->want,
			 excerpt(v->str, v->len, q), better);
	else
		error_at(L, v, "'id' must be %s, not '%s'", f->want, excerpt(v->str, v->len, q));
}

/* Where a letter O stands among digits ("O8O8 5OO 2222": typed for a
 * zero), or n: a run of digits and O's with at least one of each, with no
 * other letter touching it ("SHOUT 85258" is words and a number). */
static size_t letter_o_in_number(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == 'O' || s[i] == 'o')) {
			i++;
			continue;
		}
		size_t start = i, first_o = n;
		bool digit = false;
		while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == 'O' || s[i] == 'o')) {
			digit |= s[i] >= '0' && s[i] <= '9';
			if ((s[i] == 'O' || s[i] == 'o') && first_o == n)
				first_o = i;
			i++;
		}
		bool touches = (start > 0 && letter(s[start - 1])) || (i < n && letter(s[i]));
		if (digit && first_o < n && !touches)
			return first_o;
	}
	return n;
}

static void get_phone(struct loader *L, const struct field *f, const struct ynode *v, const char **out)
{
	if (!want_scalar(L, v, "'number'", f->want))
		return;
	bool digit = false;
	for (size_t i = 0; i < v->len; i++)
		digit |= v->str[i] >= '0' && v->str[i] <= '9';
	size_t chars = utf8_count(v->str, v->len);
	char q[EXCERPT_SIZE];
	curly_quoted(L, v);
	size_t letter_o = letter_o_in_number(v->str, v->len);
	if (letter_o < v->len)
		error_at(L, v, "'number' has the letter O where a zero seems meant ('%s'); type the digit 0 "
			       "(zero) instead of the letter O, or the kiosk shows a number nobody can dial",
			 excerpt(v->str, v->len, q));
	else if (!digit)
		error_at(L, v, "'number' has no digits in it ('%s'); write the phone number, like \"0808 500 2222\"",
			 excerpt(v->str, v->len, q));
	else if (chars > MAX_NUMBER_CHARS)
		error_at(L, v, "'number' is %zu characters long, and at most %d fit; write only the number, and "
			       "put other words in 'hours'",
			 chars, MAX_NUMBER_CHARS);
	else
		*out = arena_strndup(&L->c->arena, v->str, v->len);
}

static void get_colour(struct loader *L, const struct field *f, const struct ynode *v, uint32_t *out)
{
	char q[EXCERPT_SIZE];
	if (v->kind == YNODE_SCALAR && v->len == 0) {
		if (comment_follows(L, v))
			error_at(L, v, "colour '%s' is empty: in YAML a # starts a comment, so put colours in quotes, "
				       "like \"#1B2340\"",
				 f->key);
		else
			error_at(L, v, "colour '%s' is empty; write a colour in quotes, like \"#1B2340\"", f->key);
		return;
	}
	if (v->kind != YNODE_SCALAR) {
		char subject[64];
		snprintf(subject, sizeof subject, "colour '%s'", f->key);
		wrong_type(L, v, subject, "a colour in quotes, like \"#1B2340\"");
		return;
	}
	if (!parse_colour(v->str, v->len, out))
		error_at(L, v, "colour '%s' must be a # and 6 hex digits (0-9, A-F) in quotes, like \"#1B2340\", "
			       "not '%s'",
			 f->key, excerpt(v->str, v->len, q));
}

/* theme.fonts: {ar: "Noto Sans Arabic", ...}, only for listed languages. */
static void get_lang_fonts(struct loader *L, const struct field *f, const struct ynode *v, struct theme *t)
{
	struct content *c = L->c;
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, "'fonts'", f->want);
		return;
	}
	for (const struct ynode *k = v->child; k && k->next; k = k->next->next) {
		const struct ynode *val = k->next;
		char q[EXCERPT_SIZE], list[256];
		if (!key_ok(L, k))
			continue;
		int li = lang_index(c, k->str);
		if (li < 0) {
			int near = nearest(k->str, c->langs, c->n_langs);
			if (!L->langs_bad)
				error_at(L, k, "theme.fonts names the language '%s', which is not in kiosk.languages "
					       "(%s)%s%s%s",
					 excerpt(k->str, k->len, q), join(c->langs, c->n_langs, CONTENT_MAX_LANGS, list,
									  sizeof list),
					 near >= 0 ? "; did you mean '" : "", near >= 0 ? c->langs[near] : "",
					 near >= 0 ? "'?" : "");
			continue;
		}
		if (t->lang_font[li]) {
			error_at(L, k, "theme.fonts gives a font for '%s' twice; delete one", c->langs[li]);
			continue;
		}
		char subject[64];
		snprintf(subject, sizeof subject, "the font for '%s'", c->langs[li]);
		if (val->kind == YNODE_BAD || !want_scalar(L, val, subject, "the name of a font in quotes, like "
									 "\"Noto Sans Arabic\""))
			continue;
		t->lang_font[li] = arena_strndup(&c->arena, val->str, val->len);
		t->at_lang_font[li] = (struct mark){ val->line, val->col };
	}
}

/* ---- times, dates and QR data --------------------------------------------- */

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

/* One day's opening hours: closed, or time ranges separated by commas, each
 * closing after it opens, in order, not overlapping. */
static bool get_day_hours(struct loader *L, const struct ynode *v, const char *subject, struct day_hours *out)
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

static void get_exceptions(struct loader *L, const struct field *f, const struct ynode *v, struct hours *h)
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

static void get_sleep(struct loader *L, const struct field *f, const struct ynode *v, struct sleep_rule *out)
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
		L->sleep_outside = v;
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
	else
		*out = (struct sleep_rule){ SLEEP_RANGE, from % MINUTES_PER_DAY, to % MINUTES_PER_DAY };
}

static bool starts_nocase(const char *s, size_t n, const char *prefix)
{
	size_t m = strlen(prefix);
	return n >= m && equal_nocase(s, m, prefix);
}

/* A qr block's data: a tel: number a phone can dial, or a web link; ASCII
 * without spaces, so what a phone reads back is exactly what was written. */
static void get_qr_data(struct loader *L, const struct field *f, const struct ynode *v, struct qr_block *qb)
{
	char q[EXCERPT_SIZE];
	if (!want_scalar(L, v, "'data'", f->want))
		return;
	const char *s = v->str;
	size_t n = v->len, digits = 0;
	bool ascii = true, space = false, numberish = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		ascii &= ch >= 0x20 && ch < 0x7F;
		space |= ch == ' ';
		digits += ch >= '0' && ch <= '9';
		numberish &= (ch >= '0' && ch <= '9') || (ch && strchr(" +-().", ch));
	}
	bool tel = starts_nocase(s, n, "tel:");
	if ((tel && space) || (numberish && digits > 0)) {
		/* the likely fix: tel: and the number without spaces */
		char better[EXCERPT_SIZE + 8];
		size_t k = (size_t)snprintf(better, sizeof better, "%s", tel ? "" : "tel:");
		for (size_t i = 0; i < n && k + 1 < sizeof better; i++)
			if (s[i] != ' ')
				better[k++] = s[i];
		better[k] = '\0';
		error_at(L, v, "'data' must be a phone number written as tel: and the digits with no spaces (best "
			       "with the country code, like \"tel:+448085002222\"), not '%s'; did you mean \"%s\"?",
			 excerpt(s, n, q), better);
		return;
	}
	if (space) {
		error_at(L, v, "'data' is a link with spaces in it ('%s'); a link has none, so copy it again from "
			       "the browser's address bar",
			 excerpt(s, n, q));
		return;
	}
	if (!ascii) {
		error_at(L, v, "'data' has letters a phone may read back differently ('%s'); use only plain "
			       "letters, digits and punctuation (copy the link from the browser's address bar)",
			 excerpt(s, n, q));
		return;
	}
	if (tel) {
		size_t i = 4 + (n > 4 && s[4] == '+');
		bool ok = digits >= 3 && i < n;
		for (; ok && i < n; i++)
			ok = (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '.' || s[i] == '(' || s[i] == ')';
		if (!ok) {
			error_at(L, v, "'data' must be tel: and a phone number (digits, best with the country code, "
				       "like \"tel:+448085002222\"), not '%s'",
				 excerpt(s, n, q));
			return;
		}
	} else if (!(starts_nocase(s, n, "https://") || starts_nocase(s, n, "http://")) || n < 10) {
		error_at(L, v, "'data' must be a web link starting with https:// or a phone number starting "
			       "with tel:, like \"tel:+448085002222\", not '%s'",
			 excerpt(s, n, q));
		return;
	}
	if (!qr_encode(v->str, &L->c->arena, &qb->code)) {
		error_at(L, v, "'data' is too long for a QR code (%zu characters); use a shorter link", n);
		return;
	}
	qb->data = arena_strndup(&L->c->arena, s, n);
	qb->data_at = mark_of(v);
}

static void check_field(struct loader *L, const struct field *f, const struct ynode *v, void *obj)
{
	char subject[64], q[EXCERPT_SIZE], d[EXCERPT_SIZE + 2];
	void *dst = (char *)obj + f->offset;
	snprintf(subject, sizeof subject, "'%s'", f->key);
	if (v->kind == YNODE_BAD)
		return;
	if (f->marked)
		*(struct mark *)(void *)((char *)obj + f->mark_offset) = (struct mark){ v->line, v->col };

	switch (f->type) {
	case FT_SECTION:
		get_section(L, f, subject, v, dst);
		break;
	case FT_NUMBER: {
		double x;
		if (!want_scalar(L, v, subject, f->want))
			break;
		if (parse_decimal(v->str, v->len, &x) && x >= f->min && x <= f->max)
			*(double *)dst = x;
		else
			error_at(L, v, "%s must be %s, not %s", subject, f->want, describe(v, d));
		break;
	}
	case FT_BOOL:
		if (want_scalar(L, v, subject, f->want) && !parse_bool(v->str, v->len, (bool *)dst))
			error_at(L, v, "%s must be true or false, not '%s'", subject, excerpt(v->str, v->len, q));
		break;
	case FT_COLOUR:
		get_colour(L, f, v, (uint32_t *)dst);
		break;
	case FT_FONT:
		if (want_scalar(L, v, subject, f->want))
			*(const char **)dst = arena_strndup(&L->c->arena, v->str, v->len);
		break;
	case FT_LTEXT:
		get_ltext(L, v, subject, (struct ltext *)dst);
		break;
	case FT_PHONE:
		get_phone(L, f, v, (const char **)dst);
		break;
	case FT_ID:
		get_id(L, f, v, (const char **)dst);
		break;
	case FT_ROTATION: {
		static const char *const angles[] = { "0", "90", "180", "270" };
		if (!want_scalar(L, v, subject, f->want))
			break;
		size_t i = 0;
		while (i < 4 && strcmp(v->str, angles[i]) != 0)
			i++;
		if (i < 4)
			*(int *)dst = (int)i * 90;
		else
			error_at(L, v, "%s must be %s, not %s", subject, f->want, describe(v, d));
		break;
	}
	case FT_TRANSITION: {
		static const char *const names[] = { [TRANSITION_FADE] = "fade", [TRANSITION_SLIDE] = "slide",
						     [TRANSITION_NONE] = "none" };
		if (!want_scalar(L, v, subject, f->want))
			break;
		size_t i = 0;
		while (i < 3 && !equal_nocase(v->str, v->len, names[i]))
			i++;
		if (i < 3)
			*(enum transition *)dst = (enum transition)i;
		else
			error_at(L, v, "%s must be %s, not %s", subject, f->want, describe(v, d));
		break;
	}
	case FT_LANGS:
		break; /* read first, by get_languages() */
	case FT_LANG_FONTS:
		get_lang_fonts(L, f, v, (struct theme *)obj);
		break;
	case FT_SCREEN_REF:
		if (want_scalar(L, v, subject, f->want))
			L->quick_exit = v;
		break;
	case FT_SCREENS:
		get_screens(L, f, v);
		break;
	case FT_BLOCKS:
		get_blocks(L, f, v, (struct screen *)obj);
		break;
	case FT_ITEMS:
		get_items(L, f, subject, v, (struct block *)obj);
		break;
	case FT_DAY_HOURS:
		get_day_hours(L, v, subject, (struct day_hours *)dst);
		break;
	case FT_EXCEPTIONS:
		get_exceptions(L, f, v, (struct hours *)obj);
		break;
	case FT_SLEEP:
		get_sleep(L, f, v, (struct sleep_rule *)dst);
		break;
	case FT_QR_DATA:
		get_qr_data(L, f, v, (struct qr_block *)obj);
		break;
	}
}

/* The quick-exit screen must exist; it stays out of the loop unless asked. */
static void resolve_quick_exit(struct loader *L)
{
	struct content *c = L->c;
	const struct ynode *q = L->quick_exit;
	if (!q || c->n_screens == 0)
		return; /* without screens, that was reported already */
	bool none = equal_nocase(q->str, q->len, "none"); /* no Quick exit, deliberately */
	const char **ids = arena_array(&L->tree->arena, c->n_screens, sizeof *ids);
	for (size_t i = 0; i < c->n_screens; i++) {
		ids[i] = c->screens[i].id;
		for (size_t j = 0; j < i && ids[i]; j++)
			if (ids[j] && strcmp(ids[i], ids[j]) == 0)
				ids[i] = NULL; /* a duplicate, reported already; list it once */
		if (ids[i] && strcmp(ids[i], q->str) == 0) {
			c->quick_exit = (int)i;
			if (!L->loop_given[i])
				c->screens[i].loop = false;
			return;
		}
	}
	if (none)
		return;
	char e[EXCERPT_SIZE];
	int near = nearest(q->str, ids, c->n_screens);
	if (near >= 0) {
		error_at(L, q, "kiosk.quick_exit names the screen '%s', but no screen has that id; did you mean '%s'?",
			 excerpt(q->str, q->len, e), ids[near]);
		return;
	}
	/* Renamed, most likely: the screen kept out of the loop is the Quick
	 * exit screen's usual shape; else the id least unlike the old one. */
	int out_of_loop = -1, n_out = 0;
	size_t best_d = SIZE_MAX;
	for (size_t i = 0; i < c->n_screens; i++) {
		if (!ids[i])
			continue;
		if (L->loop_given[i] && !c->screens[i].loop && n_out++ == 0)
			out_of_loop = (int)i;
		size_t d = edit_distance(q->str, ids[i]);
		if (d < best_d) {
			best_d = d;
			near = (int)i;
		}
	}
	if (n_out == 1)
		near = out_of_loop;
	if (near < 0)
		return; /* no screen has a usable id; that was reported */
	error_at(L, q, "kiosk.quick_exit names the screen '%s', but no screen has that id; if the Quick exit "
		       "screen was renamed, write its new id here, like  quick_exit: %s",
		 excerpt(q->str, q->len, e), ids[near]);
}

static void set_defaults(struct content *c, const char *path)
{
	memset(c, 0, sizeof *c);
	c->path = arena_strdup(&c->arena, path);
	c->langs[0] = arena_strdup(&c->arena, "en");
	c->n_langs = 1;
	c->cycle = 12;
	c->idle_timeout = 90;
	c->quick_exit = -1;
	c->quick_exit_hold = 180;
	c->transition = TRANSITION_FADE;
	c->theme.background = 0x1B2340;
	c->theme.text = 0xFFFFFF;
	c->theme.accent = 0xF2B705;
	c->theme.font = arena_strdup(&c->arena, "DejaVu Sans");
	/* white and yellow on black: 21:1 and 14:1 */
	c->theme.high_contrast.background = 0x000000;
	c->theme.high_contrast.text = 0xFFFFFF;
	c->theme.high_contrast.accent = 0xFFD400;
}

/* The kiosk's own words: their key under labels: and their English text,
 * used in every language until translated. */
static const struct {
	size_t offset;
	const char *key, *text;
} label_defaults[] = {
	{ offsetof(struct labels, touch_hint), "touch_hint", "Touch the screen to find out more" },
	{ offsetof(struct labels, help_prefix), "help_prefix", "Talk to someone now:" },
	{ offsetof(struct labels, back), "back", "Back" },
	{ offsetof(struct labels, topics), "topics", "Topics" },
	{ offsetof(struct labels, quick_exit), "quick_exit", "Quick exit" },
	{ offsetof(struct labels, still_there), "still_there", "Are you still there?" },
	{ offsetof(struct labels, touch_to_continue), "touch_to_continue", "Touch the screen to continue." },
	{ offsetof(struct labels, language), "language", "Language" },
};

static void set_label_defaults(struct content *c)
{
	for (size_t d = 0; d < sizeof label_defaults / sizeof label_defaults[0]; d++) {
		struct ltext *t = (struct ltext *)((char *)&c->labels + label_defaults[d].offset);
		const char *text = arena_strdup(&c->arena, label_defaults[d].text);
		for (size_t i = 0; i < c->n_langs; i++)
			t->by_lang[i] = text;
	}
	/* a language is named by its code until the content names it */
	for (size_t i = 0; i < c->n_langs; i++)
		c->labels.language_name.by_lang[i] = c->langs[i];
}

/* What hours, display.sleep and kiosk.out_of_hours need of each other. */
static void check_hours_settings(struct loader *L, const struct ynode *hours_key, const struct ynode *kiosk)
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

/* ---- numbers that must agree ---------------------------------------------- */

#define MAX_DIGITS 40

/* The digits of a phone number or a tel: link, and whether it was written
 * with a + (or 00) before a country code. */
struct digits {
	char d[MAX_DIGITS + 1];
	size_t n;
	bool international;
};

static struct digits digits_of(const char *s)
{
	struct digits g = { .n = 0 };
	if (starts_nocase(s, strlen(s), "tel:"))
		s += 4;
	while (*s == ' ')
		s++;
	g.international = *s == '+' || (s[0] == '0' && s[1] == '0');
	for (; *s && g.n < MAX_DIGITS; s++)
		if (*s >= '0' && *s <= '9')
			g.d[g.n++] = *s;
	g.d[g.n] = '\0';
	return g;
}

/* Do two numbers ring the same line? "0808 500 2222" is "tel:08085002222"
 * and "tel:+448085002222": the same digits after the leading zeros, or the
 * same with a country code (1 to 3 digits) in front of the one written
 * with a +. */
static bool same_number(const char *a, const char *b)
{
	struct digits x = digits_of(a), y = digits_of(b);
	const char *p = x.d, *q = y.d;
	while (*p == '0')
		p++;
	while (*q == '0')
		q++;
	size_t np = strlen(p), nq = strlen(q);
	if (np == nq)
		return strcmp(p, q) == 0;
	bool x_longer = np > nq;
	const char *lg = x_longer ? p : q, *sh = x_longer ? q : p;
	size_t nl = x_longer ? np : nq, ns = x_longer ? nq : np;
	bool plus = x_longer ? x.international : y.international;
	return plus && ns >= 4 && nl - ns <= 3 && strcmp(lg + (nl - ns), sh) == 0;
}

/* What a QR code beside number should hold: the number as tel: and its
 * digits, with the country code of the old code when it had one. */
static void tel_for(const char *number, const char *old_data, char *out, size_t size)
{
	struct digits n = digits_of(number), o = digits_of(old_data);
	if (o.international && !n.international && n.n > 1 && n.d[0] == '0' && n.d[1] != '0') {
		/* the old code's country code: its digits before a national number
		 * as long as this one without its 0 */
		for (size_t cc = 1; cc <= 3; cc++)
			if (o.n == cc + n.n - 1) {
				snprintf(out, size, "tel:+%.*s%s", (int)cc, o.d, n.d + 1);
				return;
			}
	}
	snprintf(out, size, "tel:%s%s", n.international ? "+" : "", n.d);
}

/* A name as staff see it: ASCII case, and spaces around and between the
 * words (one or several), do not count. */
static bool same_name(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	while (*a && *b) {
		bool sa = *a == ' ', sb = *b == ' ';
		if (sa || sb) {
			if (!sa || !sb)
				return false;
			while (*a == ' ')
				a++;
			while (*b == ' ')
				b++;
			continue;
		}
		if (lower(*a++) != lower(*b++))
			return false;
	}
	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	return !*a && !*b;
}

/* A tel: QR code must dial the number printed beside it (the call block
 * just before it), and a call of the help line the help line's number; the
 * same service named with two numbers is likely half an update. */
static void check_numbers(struct loader *L)
{
	struct content *c = L->c;
	char e1[EXCERPT_SIZE], e2[EXCERPT_SIZE], better[80];
	const struct call *help = c->help.number ? &c->help : NULL;

	for (size_t si = 0; si < c->n_screens; si++) {
		const struct screen *sc = &c->screens[si];
		for (size_t b = 1; b < sc->n_blocks; b++) {
			const struct qr_block *qr = &sc->blocks[b].qr;
			const struct call *call = &sc->blocks[b - 1].call;
			if (sc->blocks[b].kind != BLOCK_QR || sc->blocks[b - 1].kind != BLOCK_CALL || !qr->data ||
			    !call->number || !starts_nocase(qr->data, strlen(qr->data), "tel:"))
				continue;
			const struct ynode at = { .line = qr->data_at.line, .col = qr->data_at.col };
			if (!same_number(qr->data, call->number)) {
				tel_for(call->number, qr->data, better, sizeof better);
				error_at(L, &at,
					 "this QR code dials %s, but the number printed beside it (line %d) is %s; a "
					 "visitor who scans it would call another number than the one shown. If %s is "
					 "right, write  data: \"%s\"; if the code is right, correct the number",
					 excerpt(qr->data + 4, strlen(qr->data) - 4, e1), call->at_number.line,
					 excerpt(call->number, strlen(call->number), e2), e2, better);
			} else if (help && same_name(call->name.by_lang[0], help->name.by_lang[0]) &&
				   !same_number(qr->data, help->number)) {
				tel_for(help->number, qr->data, better, sizeof better);
				error_at(L, &at,
					 "this QR code and the number beside it dial %s, but kiosk.help gives the same "
					 "line ('%s') the number %s (line %d); if the number changed, change it here "
					 "too (number: \"%s\" and  data: \"%s\"), or correct kiosk.help",
					 excerpt(call->number, strlen(call->number), e1), help->name.by_lang[0],
					 excerpt(help->number, strlen(help->number), e2), help->at_number.line,
					 help->number, better);
			}
		}
	}

	/* every call with a number, in file order: help, the banner's, blocks */
	size_t n = 0, cap = 2;
	for (size_t si = 0; si < c->n_screens; si++)
		cap += c->screens[si].n_blocks;
	const struct call **calls = arena_array(&L->tree->arena, cap, sizeof *calls);
	if (help)
		calls[n++] = help;
	if (c->out_of_hours.given && c->out_of_hours.own_call)
		calls[n++] = &c->out_of_hours.call;
	for (size_t si = 0; si < c->n_screens; si++)
		for (size_t b = 0; b < c->screens[si].n_blocks; b++)
			if (c->screens[si].blocks[b].kind == BLOCK_CALL && c->screens[si].blocks[b].call.number)
				calls[n++] = &c->screens[si].blocks[b].call;
	for (size_t i = 1; i < n; i++) {
		for (size_t j = 0; j < i; j++) {
			if (!same_name(calls[i]->name.by_lang[0], calls[j]->name.by_lang[0]) ||
			    same_number(calls[i]->number, calls[j]->number))
				continue;
			const struct ynode at = { .line = calls[i]->at_number.line, .col = calls[i]->at_number.col };
			warn_at(L, &at,
				"'%s' has the number %s here, but %s on line %d; if its number changed, change it "
				"in both places (and in a QR code beside it), or give the two lines different names",
				excerpt(calls[i]->name.by_lang[0], strlen(calls[i]->name.by_lang[0]), e1),
				calls[i]->number, excerpt(calls[j]->number, strlen(calls[j]->number), e2),
				calls[j]->at_number.line);
			break;
		}
	}
}

/* ---- what texts may hold ------------------------------------------------ */

/* Bidi controls change the order characters are shown in without showing
 * themselves: an override turns "0082 005 8080" into 0808 500 2800 on the
 * screen, a number nobody can find in the file. */
static bool bidi_override(uint32_t cp) { return cp == 0x202D || cp == 0x202E; }
static bool bidi_embedding(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202C) || (cp >= 0x2066 && cp <= 0x2069);
}
static bool bidi_mark(uint32_t cp) { return cp == 0x200E || cp == 0x200F || cp == 0x061C; }

/* An error at a character, once: a text shared by every language is seen
 * once per language. */
static void error_at_char(struct loader *L, struct mark text, uint32_t cp, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void error_at_char(struct loader *L, struct mark text, uint32_t cp, const char *fmt, ...)
{
	struct mark m = content_locate(&L->where, text, cp);
	for (size_t i = 0; i < L->diags->n; i++)
		if (L->diags->items[i].line == m.line && L->diags->items[i].col == m.col)
			return;
	va_list ap;
	va_start(ap, fmt);
	vreport(L, DIAG_ERROR, m.line, m.col, fmt, ap);
	va_end(ap);
}

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

static void check_texts(struct loader *L)
{
	struct content *c = L->c;
	struct text_scan ts = { .L = L };
	content_each_text(c, scan_text_cb, &ts);
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

/* Each language's own name, as a visitor looks for it in the picker. */
static const char *endonym(const char *code)
{
	static const char *const names[][2] = {
		{ "en", "English" }, { "pl", "Polski" }, { "ar", "العربية" }, { "ur", "اردو" },
		{ "bn", "বাংলা" }, { "fr", "Français" }, { "es", "Español" }, { "de", "Deutsch" },
		{ "pt", "Português" }, { "ro", "Română" }, { "it", "Italiano" }, { "lt", "Lietuvių" },
		{ "uk", "Українська" }, { "ru", "Русский" }, { "tr", "Türkçe" }, { "fa", "فارسی" },
		{ "pa", "ਪੰਜਾਬੀ" }, { "gu", "ગુજરાતી" }, { "so", "Soomaali" }, { "zh", "中文" },
		{ "cy", "Cymraeg" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strncmp(code, names[i][0], 2) == 0 && (code[2] == '\0' || code[2] == '-'))
			return names[i][1];
	return "...";
}

/* With several languages: the count of untranslated texts past the first
 * few, the kiosk's own words left in English, and a name for each language
 * (without one the picker shows its code). */
static void check_translations(struct loader *L)
{
	struct content *c = L->c;
	if (L->langs_bad || c->n_langs < 2)
		return;
	if (L->untranslated > MAX_UNTRANSLATED) {
		char counts[CONTENT_MAX_LANGS * 24] = "", one[32];
		size_t used = 0;
		for (size_t i = 1; i < c->n_langs; i++) {
			if (!L->more_by_lang[i])
				continue;
			snprintf(one, sizeof one, "%s%s: %zu", used ? ", " : "", c->langs[i], L->more_by_lang[i]);
			append(counts, sizeof counts, &used, one);
		}
		size_t more = L->untranslated - MAX_UNTRANSLATED;
		warn_at(L, &(struct ynode){ .line = L->more_at.line, .col = L->more_at.col },
			"and %zu more text%s from here on %s not in every language (missing: %s); the '%s' text is "
			"shown instead, so give each one a text per language",
			more, more == 1 ? "" : "s", more == 1 ? "is" : "are", counts, c->langs[0]);
	}

	const size_t n_own = sizeof label_defaults / sizeof label_defaults[0];
	char keys[256] = "";
	size_t used = 0, n = 0, first = 0;
	for (size_t i = 0; i < n_own; i++) {
		const struct ltext *t = (const struct ltext *)(const void *)((const char *)&c->labels + label_defaults[i].offset);
		if (t->at[0].line)
			continue; /* given: a missing language was reported with it */
		if (n == 0)
			first = i;
		append(keys, sizeof keys, &used, n++ ? ", " : "");
		append(keys, sizeof keys, &used, label_defaults[i].key);
	}
	if (n) {
		const struct ltext *t =
			(const struct ltext *)(const void *)((const char *)&c->labels + label_defaults[first].offset);
		warn_at(L, L->lang_at[1],
			"the kiosk's own word%s (%s) %s not given under 'labels:', so %s shown in English in "
			"every language; add %s under labels: with a text per language, like  %s: {%s: \"%s\", "
			"%s: \"...\"}",
			n == 1 ? "" : "s", keys, n == 1 ? "is" : "are", n == 1 ? "it is" : "they are",
			n == 1 ? "it" : "them", label_defaults[first].key, c->langs[0],
			strncmp(c->langs[0], "en", 2) == 0 ? t->by_lang[0] : "...", c->langs[1]);
	}

	/* a language without its own name shows its code, or another's name */
	const struct ltext *names = &c->labels.language_name;
	char unnamed[CONTENT_MAX_LANGS * 16] = "", example[CONTENT_MAX_LANGS * 48] = "";
	size_t nu = 0, u = 0, ue = 0;
	int first_unnamed = -1;
	for (size_t i = 0; i < c->n_langs; i++) {
		bool named = names->at[i].line != 0 &&
			     (i == 0 || names->at[i].line != names->at[0].line || names->at[i].col != names->at[0].col);
		for (size_t j = 0; j < i && named; j++)
			named = strcmp(names->by_lang[i], names->by_lang[j]) != 0; /* a copy: "English" twice */
		if (i < 3) {
			append(example, sizeof example, &ue, i ? ", " : "");
			append(example, sizeof example, &ue, c->langs[i]);
			append(example, sizeof example, &ue, ": \"");
			append(example, sizeof example, &ue, endonym(c->langs[i]));
			append(example, sizeof example, &ue, "\"");
		}
		if (named)
			continue;
		if (first_unnamed < 0)
			first_unnamed = (int)i;
		append(unnamed, sizeof unnamed, &u, nu++ ? ", '" : "'");
		append(unnamed, sizeof unnamed, &u, c->langs[i]);
		append(unnamed, sizeof unnamed, &u, "'");
	}
	if (first_unnamed >= 0)
		warn_at(L, L->lang_at[first_unnamed],
			"%s %s %s no name of %s own under labels: language_name, so the language button and the "
			"list of languages show %s; name each language in its own language, like  "
			"language_name: {%s%s}",
			nu == 1 ? "language" : "the languages", unnamed, nu == 1 ? "has" : "have",
			nu == 1 ? "its" : "their",
			names->at[first_unnamed].line ? "another language's name" : nu == 1 ? "its code" : "their codes",
			example, c->n_langs > 3 ? ", ..." : "");
}

/* A key of map that is key misspelt (reported already, with key suggested). */
static bool near_key(const struct ynode *map, const char *key)
{
	const char *names[1] = { key };
	for (const struct ynode *k = map->child; k && k->next; k = k->next->next)
		if (k->kind == YNODE_SCALAR && nearest(k->str, names, 1) == 0)
			return true;
	return false;
}

static void check_content(struct loader *L)
{
	struct content *c = L->c;
	const struct ynode *root = L->tree->root;
	char d[EXCERPT_SIZE + 2];

	if (!root || (root->kind == YNODE_SCALAR && root->len == 0 && root->plain)) {
		error_file(L, "the file is empty (or has only comments); write the content in it, starting with "
			      "a 'screens:' list");
		return;
	}
	if (root->kind == YNODE_BAD)
		return;
	if (root->kind != YNODE_MAP) {
		error_at(L, root, "the file must be made of settings such as 'kiosk:' and 'screens:', each at the "
				  "start of a line, not %s",
			 describe(root, d));
		return;
	}
	const struct ynode *kiosk = map_get(root, "kiosk");
	const struct ynode *langs = kiosk && kiosk->kind == YNODE_MAP ? map_get(kiosk, "languages") : NULL;
	if (langs)
		get_languages(L, langs);
	for (size_t i = 0; i < c->n_langs; i++)
		c->rtl[i] = content_lang_rtl(c->langs[i]);
	set_label_defaults(c);

	struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
	walk_section(L, &top_section, root, c, seen);
	if (!seen[TOP_KIOSK].key && !near_key(root, "kiosk"))
		error_at(L, root, "the file has no 'kiosk:' section, so there is no Quick exit button; add at the "
				  "top  kiosk:  and under it  quick_exit: ID  with the id of an ordinary-looking "
				  "screen (only if this kiosk must have no Quick exit button:  quick_exit: none)");
	resolve_quick_exit(L);
	c->has_help = c->help.number != NULL;
	check_hours_settings(L, seen[TOP_HOURS].key, kiosk);
	check_numbers(L);
	check_translations(L);
	if (L->n_errors == 0)
		check_texts(L);
}

enum load_result content_load_buffer(const char *path, const char *buf, size_t len, struct content *out,
				     struct diag_list *diags)
{
	struct content c;
	struct diag_list mine = { NULL, 0, 0 };
	struct ytree tree;
	struct loader L = { .c = &c, .tree = &tree, .diags = &mine };
	L.where = (struct locator){ .src = buf ? buf : "", .len = buf ? len : 0 };

	memset(out, 0, sizeof *out);
	memset(&tree, 0, sizeof tree);
	set_defaults(&c, path ? path : "(content)");
	if (!buf)
		len = 0;

	if (len > CONTENT_MAX_FILE_BYTES) {
		error_file(&L, "the file is larger than 1 MiB (1048576 bytes), the most allowed; check that it is "
			       "the right file");
	} else {
		L.n_errors += ytree_parse(&tree, buf, len, &mine);
		if (L.n_errors == 0 || (tree.complete && tree.root))
			check_content(&L);
	}
	if (L.n_errors > MAX_PROBLEMS || L.n_warnings > MAX_PROBLEMS)
		diag_add(&mine, DIAG_ERROR, 0, 0, "only the first %d problems of each kind are shown; fix them and "
			 "check again", MAX_PROBLEMS);

	diag_sort(&mine);
	for (size_t i = 0; i < mine.n; i++)
		diag_add(diags, mine.items[i].severity, mine.items[i].line, mine.items[i].col, "%s",
			 mine.items[i].message);
	diag_clear(&mine);
	ytree_free(&tree);

	if (L.n_errors > 0) {
		content_free(&c);
		return LOAD_INVALID;
	}
	sha256(buf, len, c.sha256);
	*out = c;
	return LOAD_OK;
}

/* The reason a file cannot be read, in words for staff. */
static void io_problem(struct diag_list *diags, int err)
{
	switch (err) {
	case ENOENT:
		diag_add(diags, DIAG_ERROR, 0, 0, "the file does not exist; check the folder and the file name");
		break;
	case EACCES:
	case EPERM:
		diag_add(diags, DIAG_ERROR, 0, 0,
			 "no permission to read the file; make it readable, for example with: chmod a+r FILE");
		break;
	case EISDIR:
		diag_add(diags, DIAG_ERROR, 0, 0,
			 "this is a folder, not a file; give the path of the content file itself, like "
			 "/etc/signpost/content.yaml");
		break;
	default:
		diag_add(diags, DIAG_ERROR, 0, 0, "the file cannot be read (%s); check the path and the file",
			 strerror(err));
		break;
	}
}

enum load_result content_read(const char *path, char **buf_out, size_t *len_out, struct diag_list *diags)
{
	*buf_out = NULL;
	*len_out = 0;
	/* O_NONBLOCK: a FIFO must not hang us; it is refused below anyway */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		io_problem(diags, errno);
		return LOAD_IO;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int err = errno;
		close(fd);
		io_problem(diags, err);
		return LOAD_IO;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		if (S_ISDIR(st.st_mode))
			io_problem(diags, EISDIR);
		else
			diag_add(diags, DIAG_ERROR, 0, 0,
				 "this is not a regular file; give the path of the content file itself");
		return LOAD_IO;
	}

	/* Read one byte more than allowed, so "too big" needs no trust in st_size. */
	size_t want = CONTENT_MAX_FILE_BYTES + 1;
	size_t cap = st.st_size >= 0 && (uintmax_t)st.st_size < want ? (size_t)st.st_size + 1 : want;
	char *buf = xmalloc(cap);
	size_t n = 0;
	int err = 0;
	while (n < want) {
		if (n == cap) {
			cap = cap * 2 < want ? cap * 2 : want;
			buf = xrealloc(buf, cap);
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			err = errno;
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (err) {
		free(buf);
		io_problem(diags, err);
		return LOAD_IO;
	}
	*buf_out = buf;
	*len_out = n;
	return LOAD_OK;
}

enum load_result content_load(const char *path, struct content *out, struct diag_list *diags)
{
	memset(out, 0, sizeof *out);
	char *buf;
	size_t n;
	enum load_result r = content_read(path, &buf, &n, diags);
	if (r != LOAD_OK)
		return r;
	r = content_load_buffer(path, buf, n, out, diags);
	free(buf);
	return r;
}
