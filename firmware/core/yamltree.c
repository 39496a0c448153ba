/* yamltree.c — raw text checks, then libyaml events -> struct ynode tree.
 *
 * See yamltree.h. The tree is built without recursion: a small stack holds
 * the maps and lists being filled, and it can never grow past
 * YTREE_MAX_DEPTH because deeper ones are counted, skipped and reported
 * instead of built. */
#include "yamltree.h"

#include "utf8.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Past this many open maps and lists, stop reading: libyaml keeps a stack
 * entry per level, and a file of a million '[' would otherwise grow it. */
#define YTREE_STOP_DEPTH 64

/* More than this and the rest of the list would bury the first ones. */
#define YTREE_MAX_PROBLEMS 100

#define ALIAS_MESSAGE "YAML anchors and aliases (& and *) are not allowed; write the text out in full, " \
		      "and put text that starts with & or * in quotes"

struct builder {
	struct ytree *t;
	struct diag_list *diags;
	size_t errors;
	struct ynode *open[YTREE_MAX_DEPTH]; /* the maps and lists being filled */
	struct ynode *last[YTREE_MAX_DEPTH]; /* the last child of each */
	size_t depth;
	size_t skip; /* maps and lists open beyond YTREE_MAX_DEPTH */
	size_t docs;
	/* The previous event was quoted text over several lines: when the next
	 * one fails, a missing closing quote is the likely cause. */
	bool quote_multiline;
	int quote_line, quote_col, quote_end;
};

static void say(struct builder *b, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void say(struct builder *b, int line, int col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(b->diags, DIAG_ERROR, line, col, "%s", msg);
	b->errors++;
}

static bool too_many(struct builder *b, int line, int col)
{
	if (b->errors < YTREE_MAX_PROBLEMS)
		return false;
	say(b, line, col, "too many problems, so checking stopped here; fix the ones above and check again");
	return true;
}

/* libyaml's marks are 0-based. */
static int one_based(size_t v)
{
	return v < (size_t)INT_MAX ? (int)v + 1 : INT_MAX;
}

/* Length of the line break at s, or 0. libyaml (YAML 1.1) also breaks lines
 * at NEL, LS and PS, so we must too or our line numbers would drift. */
static size_t break_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0)
		return 0;
	if (u[0] == '\n')
		return 1;
	if (u[0] == '\r')
		return n > 1 && u[1] == '\n' ? 2 : 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0x85)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
		return 3;
	return 0;
}

/* What libyaml's reader refuses as "control characters". */
static bool is_control(uint32_t cp)
{
	return !(cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85 ||
		 (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
		 (cp >= 0x10000 && cp <= 0x10FFFF));
}

static void add_line(struct ytree *t, size_t *cap, size_t start)
{
	if (t->n_lines == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		t->lines = xrealloc(t->lines, *cap * sizeof *t->lines);
	}
	t->lines[t->n_lines++] = start;
}

/* Checks the bytes before libyaml sees them, whose own messages for these
 * are cryptic, and records where each line starts. Bad UTF-8, NUL and
 * control characters are reported once (a wrongly saved file has thousands);
 * tabs once per line. */
static void prescan(struct builder *b)
{
	struct ytree *t = b->t;
	const char *s = t->buf;
	size_t n = t->len, i = 0, cap = 0;
	int line = 1, col = 1;
	bool indent = true; /* only spaces and tabs so far on this line */
	bool said_nul = false, said_utf8 = false, said_control = false;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* a byte order mark: libyaml skips it without a column */
	add_line(t, &cap, i);
	while (i < n) {
		if (too_many(b, line, col))
			return;
		size_t br = break_len(s + i, n - i);
		if (br) {
			i += br;
			add_line(t, &cap, i);
			line++;
			col = 1;
			indent = true;
			continue;
		}
		uint32_t cp = 0;
		size_t len = s[i] ? utf8_decode(s + i, n - i, &cp) : 0;
		if (s[i] == '\0') {
			if (!said_nul)
				say(b, line, col,
				    "the file contains a NUL byte, so it is not plain text (it may be saved as "
				    "UTF-16, or not be a text file); save it as UTF-8 text");
			said_nul = true;
		} else if (len == 0) {
			if (!said_utf8)
				say(b, line, col,
				    "the text here is not valid UTF-8 (byte 0x%02X); save the file with the UTF-8 "
				    "encoding",
				    (unsigned)(unsigned char)s[i]);
			said_utf8 = true;
		} else if (is_control(cp)) {
			if (!said_control)
				say(b, line, col, "there is an invisible control character (U+%04X) here; delete it",
				    (unsigned)cp);
			said_control = true;
		} else if (indent && cp == '\t') {
			say(b, line, col, "tab character in indentation; indent with spaces only");
			indent = false;
		} else if (cp != ' ') {
			indent = false;
		}
		i += len ? len : 1;
		col++;
	}
}

static struct ynode *node_new(struct builder *b, enum ynode_kind kind, yaml_mark_t at)
{
	struct ynode *node = arena_alloc(&b->t->arena, sizeof *node);
	node->kind = kind;
	node->line = one_based(at.line);
	node->col = one_based(at.column);
	return node;
}

static void attach(struct builder *b, struct ynode *node)
{
	if (b->depth == 0) {
		if (!b->t->root)
			b->t->root = node;
		return;
	}
	size_t d = b->depth - 1;
	if (b->last[d])
		b->last[d]->next = node;
	else
		b->open[d]->child = node;
	b->last[d] = node;
	b->open[d]->n++;
}

/* Anchors and tags are legal YAML that the content never needs; each one
 * is a mistake or a trick, so it is refused. */
static void check_properties(struct builder *b, const yaml_char_t *anchor, const yaml_char_t *tag,
			     yaml_mark_t at)
{
	if (anchor)
		say(b, one_based(at.line), one_based(at.column), ALIAS_MESSAGE);
	if (tag)
		say(b, one_based(at.line), one_based(at.column),
		    "YAML tags (words starting with !) are not allowed; remove the tag, and put text that "
		    "starts with ! in quotes");
}

static void on_scalar(struct builder *b, const yaml_event_t *e)
{
	const char *value = (const char *)e->data.scalar.value;
	size_t len = e->data.scalar.length;
	yaml_scalar_style_t style = e->data.scalar.style;

	check_properties(b, e->data.scalar.anchor, e->data.scalar.tag, e->start_mark);

	/* Raw control characters were refused by the pre-scan, but a
	 * double-quoted "\0" or "\x01" makes them too. */
	bool control = false;
	for (size_t i = 0; i < len && !control; i++) {
		unsigned char ch = (unsigned char)value[i];
		control = (ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0x7F;
	}
	struct ynode *node;
	if (control) {
		say(b, one_based(e->start_mark.line), one_based(e->start_mark.column),
		    "this text contains an invisible control character (an escape such as \\0 or \\x01); "
		    "remove it");
		node = node_new(b, YNODE_BAD, e->start_mark);
	} else {
		node = node_new(b, YNODE_SCALAR, e->start_mark);
		node->str = arena_strndup(&b->t->arena, value, len);
		node->len = len;
		node->plain = style == YAML_PLAIN_SCALAR_STYLE;
	}
	attach(b, node);

	if ((style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
	    e->end_mark.line > e->start_mark.line) {
		b->quote_multiline = true;
		b->quote_line = one_based(e->start_mark.line);
		b->quote_col = one_based(e->start_mark.column);
		b->quote_end = one_based(e->end_mark.line);
	}
}

/* Returns false to stop reading. */
static bool on_open(struct builder *b, const yaml_event_t *e, enum ynode_kind kind)
{
	if (kind == YNODE_MAP)
		check_properties(b, e->data.mapping_start.anchor, e->data.mapping_start.tag, e->start_mark);
	else
		check_properties(b, e->data.sequence_start.anchor, e->data.sequence_start.tag, e->start_mark);

	if (b->skip > 0 || b->depth == YTREE_MAX_DEPTH) {
		if (b->skip == 0) {
			say(b, one_based(e->start_mark.line), one_based(e->start_mark.column),
			    "this is nested too deeply (more than %d lists and groups of settings inside each "
			    "other, which the content never needs); check the indentation and the [ ] and { } "
			    "brackets",
			    YTREE_MAX_DEPTH);
			attach(b, node_new(b, YNODE_BAD, e->start_mark));
		}
		b->skip++;
		return b->depth + b->skip <= YTREE_STOP_DEPTH;
	}
	struct ynode *node = node_new(b, kind, e->start_mark);
	attach(b, node);
	b->open[b->depth] = node;
	b->last[b->depth] = NULL;
	b->depth++;
	return true;
}

/* Returns false to stop reading. */
static bool on_event(struct builder *b, const yaml_event_t *e)
{
	b->quote_multiline = false;
	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		if (b->docs == 0)
			b->t->complete = true; /* an empty file, read to its end */
		return false;
	case YAML_DOCUMENT_START_EVENT:
		if (++b->docs > 1) {
			say(b, one_based(e->start_mark.line), one_based(e->start_mark.column),
			    "a second YAML document starts here (a '---' line after the content); keep "
			    "everything in one document and remove this line");
			return false;
		}
		return true;
	case YAML_DOCUMENT_END_EVENT:
		b->t->complete = true;
		return true;
	case YAML_ALIAS_EVENT:
		if (b->skip == 0) {
			say(b, one_based(e->start_mark.line), one_based(e->start_mark.column), ALIAS_MESSAGE);
			attach(b, node_new(b, YNODE_BAD, e->start_mark));
		}
		return true;
	case YAML_SCALAR_EVENT:
		if (b->skip == 0)
			on_scalar(b, e);
		return true;
	case YAML_SEQUENCE_START_EVENT:
		return on_open(b, e, YNODE_LIST);
	case YAML_MAPPING_START_EVENT:
		return on_open(b, e, YNODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->skip > 0)
			b->skip--;
		else if (b->depth > 0)
			b->depth--;
		return true;
	default:
		return true;
	}
}

/* libyaml's problems in plain words. context NULL matches any context;
 * problem NULL matches any problem in that context. */
static const struct yaml_words {
	const char *problem, *context;
	bool at_context; /* point at where the thing began, not where it broke */
	const char *say; /* may use %d: the line where the thing began */
} yaml_words[] = {
	{ "found unexpected end of stream", "while scanning a quoted scalar", true,
	  "this quoted text has no closing quote; add the missing quote at the end of the text" },
	{ "found unexpected document indicator", "while scanning a quoted scalar", true,
	  "this quoted text has no closing quote; add the missing quote at the end of the text" },
	{ "found unknown escape character", NULL, false,
	  "unknown escape after a backslash (\\) in double quotes; write \\\\ for a backslash, or use "
	  "single quotes" },
	{ "did not find expected hexdecimal number", NULL, false,
	  "a \\x, \\u or \\U escape in double quotes is not complete; write the character itself instead" },
	{ "found invalid Unicode character escape code", NULL, false,
	  "a \\u or \\U escape in double quotes is not a real character; write the character itself "
	  "instead" },
	{ "could not find expected ':'", NULL, true,
	  "this line has no ':' after its key; write it as key: value (and put text that contains a colon "
	  "in quotes)" },
	{ "mapping values are not allowed in this context", NULL, false,
	  "unexpected ':' here; if the text contains a colon, put the whole text in quotes" },
	{ "block sequence entries are not allowed in this context", NULL, false,
	  "a '- ' list item cannot start here; check the indentation of this line" },
	{ "did not find expected key", NULL, false,
	  "this line is not indented like the lines around it; line it up with the other keys of its "
	  "group, using spaces, and write it as key: value" },
	{ "did not find expected '-' indicator", NULL, false,
	  "this line is not indented like the lines around it; line it up with the other keys of its "
	  "group, or start a list item with '- ' lined up with the other items" },
	{ "did not find expected node content", NULL, false,
	  "a value is missing or cannot start here; put text that starts with a sign such as [ ] { } , "
	  "| > @ in quotes" },
	{ "did not find expected ',' or ']'", NULL, false,
	  "the list in [ ] that starts on line %d is not closed here; add the missing ']' (and put text "
	  "that contains a comma in quotes)" },
	{ "did not find expected ',' or '}'", NULL, false,
	  "the group in { } that starts on line %d is not closed here; add the missing '}' (and put text "
	  "that contains a comma in quotes)" },
	{ "found character that cannot start any token", NULL, false,
	  "a value cannot start with this character; put the text in quotes" },
	{ NULL, "while scanning an alias", true, "a value cannot start with '*'; put the text in quotes" },
	{ NULL, "while scanning an anchor", true, "a value cannot start with '&'; put the text in quotes" },
	{ NULL, "while scanning a tag", true, "a value cannot start with '!'; put the text in quotes" },
	{ "found undefined tag handle", NULL, true, "a value cannot start with '!'; put the text in quotes" },
	{ NULL, "while scanning a directive", true, "a line cannot start with '%%'; put the text in quotes" },
	{ "did not find expected <document start>", NULL, false,
	  "there is more text after the end of the document (a '...' line); remove the '...' line" },
	{ "found a tab character that violates indentation", NULL, false,
	  "tab character in indentation; indent with spaces only" },
	{ "found a tab character where an indentation space is expected", NULL, false,
	  "tab character in indentation; indent with spaces only" },
};

/* ---- what a line of the file shows about a syntax error ------------------ */

/* Byte offset of the 1-based character column col in a line (libyaml
 * counts columns in characters); len when the line is shorter. */
static size_t col_offset(const char *s, size_t len, int col)
{
	size_t i = 0;
	for (int c = 1; c < col && i < len; c++) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
	}
	return i;
}

/* The 1-based character column of byte offset i in a line. */
static int offset_col(const char *s, size_t i)
{
	int col = 1;
	for (size_t j = 0; j < i;) {
		uint32_t cp;
		size_t k = utf8_decode(s + j, i - j, &cp);
		j += k ? k : 1;
		col++;
	}
	return col;
}

/* Where the key of a line starts: after its indentation and a "- ". */
static size_t key_start(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && s[i] == ' ')
		i++;
	while (i + 1 < len && s[i] == '-' && s[i + 1] == ' ') {
		i += 2;
		while (i < len && s[i] == ' ')
			i++;
	}
	return i;
}

static bool is_key_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
	       ch == '-';
}

/* Word's curly quotes: “ ” ‘ ’ (and „ as German writes it). */
static size_t curly_quote(const char *s, size_t n)
{
	uint32_t cp;
	size_t k = n ? utf8_decode(s, n, &cp) : 0;
	return k && (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x201E) ? k : 0;
}

/* A value on this line starts with a curly quote (after "key: " or "- "). */
static bool curly_value(const char *s, size_t len, size_t before)
{
	size_t k = key_start(s, len);
	for (size_t i = k; i < before && i < len; i++) {
		bool starts = i == k || s[i - 1] == '[' || s[i - 1] == '{' || s[i - 1] == ',' ||
			      (i >= 2 && s[i - 1] == ' ' && (s[i - 2] == ':' || s[i - 2] == ','));
		if (starts && curly_quote(s + i, len - i))
			return true;
	}
	return false;
}

/* The key of the nearest line above `line` that holds one, with its
 * column; false when there is none. */
static bool key_above(const struct ytree *t, int line, int *col, const char **key, size_t *key_len)
{
	for (int l = line - 1; l >= 1; l--) {
		size_t len;
		const char *s = ytree_line(t, l, &len);
		size_t k = key_start(s, len);
		if (k == len || s[k] == '#')
			continue; /* blank, or a comment */
		size_t e = k;
		while (e < len && is_key_char(s[e]))
			e++;
		if (e == k || e >= len || s[e] != ':')
			return false;
		*col = offset_col(s, k);
		*key = s + k;
		*key_len = e - k;
		return true;
	}
	return false;
}

/* The line's key starts deeper than the key on the line above: say by how
 * much. False when it does not (or there is no key to compare with). */
static bool deeper_key(struct builder *b, const char *s, size_t len, int line)
{
	size_t k = key_start(s, len), e = k;
	while (e < len && is_key_char(s[e]))
		e++;
	int above_col;
	const char *above;
	size_t above_len;
	if (e == k || e >= len || s[e] != ':' || !key_above(b->t, line, &above_col, &above, &above_len))
		return false;
	int key_col = offset_col(s, k);
	if (key_col <= above_col)
		return false;
	int extra = key_col - above_col;
	say(b, line, key_col,
	    "'%.*s' is indented %d space%s more than '%.*s' on the line above, so it does not belong to "
	    "any group; start it in the same column as '%.*s' (the keys of one group line up)",
	    (int)(e - k), s + k, extra, extra == 1 ? "" : "s", (int)above_len, above, (int)above_len, above);
	return true;
}

/* The causes libyaml's own words hide, found in the line itself: a key
 * indented deeper than its group, a quote that ends a text early, Word's
 * curly quotes. True when it said something. */
static bool explain(struct builder *b, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "";
	int line = one_based(p->problem_mark.line), col = one_based(p->problem_mark.column);
	size_t len;
	const char *s = ytree_line(b->t, line, &len);
	if (!s)
		return false;
	size_t at = col_offset(s, len, col);

	if (curly_value(s, len, at < len ? at + 1 : len)) {
		size_t i = 0;
		while (i < len && !curly_quote(s + i, len - i))
			i++;
		say(b, line, offset_col(s, i),
		    "this text is in curly quotes (“ ” or ‘ ’, as Word and phones write them), which YAML "
		    "does not take as quotes; type straight quotes \"...\" instead (turn off smart quotes, or "
		    "edit the file in a plain text editor)");
		return true;
	}

	if (strcmp(problem, "mapping values are not allowed in this context") == 0) {
		/* "  key:" alone before the colon, on a line deeper than the key
		 * above: the line was read as more of the text above it */
		size_t k = key_start(s, len), e = k;
		while (e < len && is_key_char(s[e]))
			e++;
		return e > k && e == at && deeper_key(b, s, len, line);
	}

	if (strcmp(problem, "did not find expected key") == 0 ||
	    strcmp(problem, "did not find expected '-' indicator") == 0 ||
	    strncmp(problem, "did not find expected ','", 25) == 0) {
		/* more text right after a closing quote: that quote ended it */
		if (key_start(s, len) >= at) /* the line starts there */
			return strncmp(problem, "did not find expected ','", 25) != 0 && deeper_key(b, s, len, line);
		size_t q = at;
		while (q > 0 && s[q - 1] == ' ')
			q--;
		if (q == 0 || (s[q - 1] != '"' && s[q - 1] != '\''))
			return false;
		int qcol = offset_col(s, q - 1);
		if (s[q - 1] == '"')
			say(b, line, qcol,
			    "this \" ends the quoted text early, so the words after it are left over; a \" inside "
			    "a text in double quotes must be written \\\" (like \"Ask for the \\\"SARC\\\"\"), or "
			    "use single quotes ' inside it instead");
		else
			say(b, line, qcol,
			    "this ' ends the quoted text early, so the words after it are left over; put a text "
			    "with an apostrophe in double quotes (like \"it isn't\"), or write the apostrophe "
			    "twice inside single quotes (like 'it isn''t')");
		return true;
	}
	return false;
}

static void syntax_error(struct builder *b, const yaml_parser_t *p)
{
	if (p->error == YAML_MEMORY_ERROR) {
		say(b, 0, 0, "out of memory while reading the file; try again, or restart the device");
		return;
	}
	if (b->quote_multiline) {
		say(b, b->quote_line, b->quote_col,
		    "this quoted text runs on to line %d, and the file cannot be read after it; is its "
		    "closing quote missing?",
		    b->quote_end);
		return;
	}
	if (explain(b, p))
		return;
	const char *problem = p->problem ? p->problem : "";
	const char *context = p->context ? p->context : "";
	for (size_t i = 0; i < sizeof yaml_words / sizeof yaml_words[0]; i++) {
		const struct yaml_words *w = &yaml_words[i];
		if ((w->problem && strcmp(w->problem, problem) != 0) ||
		    (w->context && strcmp(w->context, context) != 0))
			continue;
		yaml_mark_t at = w->at_context ? p->context_mark : p->problem_mark;
		char msg[400];
		/* the table's formats use at most one %d, the line where it began */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		snprintf(msg, sizeof msg, w->say, one_based(p->context_mark.line));
#pragma GCC diagnostic pop
		say(b, one_based(at.line), one_based(at.column), "%s", msg);
		return;
	}
	say(b, one_based(p->problem_mark.line), one_based(p->problem_mark.column),
	    "the file cannot be read as YAML here (libyaml says: %s%s%s); check the indentation, quotes "
	    "and colons on this line and the one above",
	    problem, *context ? " " : "", context);
}

size_t ytree_parse(struct ytree *t, const char *buf, size_t len, struct diag_list *diags)
{
	memset(t, 0, sizeof *t);
	t->buf = buf ? buf : "";
	t->len = buf ? len : 0;
	struct builder b = { .t = t, .diags = diags };

	prescan(&b);
	if (b.errors)
		return b.errors; /* libyaml would only repeat them less clearly */

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		say(&b, 0, 0, "out of memory while reading the file; try again, or restart the device");
		return b.errors;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)t->buf, t->len);
	for (;;) {
		yaml_event_t event;
		if (!yaml_parser_parse(&parser, &event)) {
			syntax_error(&b, &parser);
			break;
		}
		bool more = on_event(&b, &event);
		int line = one_based(event.start_mark.line), col = one_based(event.start_mark.column);
		yaml_event_delete(&event);
		if (!more || too_many(&b, line, col))
			break;
	}
	yaml_parser_delete(&parser);
	return b.errors;
}

const char *ytree_line(const struct ytree *t, int line, size_t *len)
{
	if (line < 1 || (size_t)line > t->n_lines)
		return NULL;
	size_t start = t->lines[line - 1], end = start;
	while (end < t->len && break_len(t->buf + end, t->len - end) == 0)
		end++;
	*len = end - start;
	return t->buf + start;
}

void ytree_free(struct ytree *t)
{
	if (!t)
		return;
	arena_free(&t->arena);
	free(t->lines);
	memset(t, 0, sizeof *t);
}
