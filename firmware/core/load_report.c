/* load_report.c — the loader's problems as messages; see load_private.h.
 *
 * Every problem goes through vreport(): counted per severity, kept up to
 * MAX_PROBLEMS, placed at a line and column (a key, a value, a character
 * inside a text, or line 0 for the whole file). The helpers below word the
 * messages staff meet most: a value quoted back, what a value is ("a
 * list", "empty"), a # taken for a comment, a wrong type, a bad key, and
 * lists of names ("a, b, c") for "the keys allowed there are: ...". */
#include "load_private.h"

#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

void error_at(struct loader *L, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(L, DIAG_ERROR, at->line, at->col, fmt, ap);
	va_end(ap);
}

void warn_at(struct loader *L, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(L, DIAG_WARNING, at->line, at->col, fmt, ap);
	va_end(ap);
}

void error_file(struct loader *L, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(L, DIAG_ERROR, 0, 0, fmt, ap);
	va_end(ap);
}

void error_at_char(struct loader *L, struct mark text, uint32_t cp, const char *fmt, ...)
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

const char *excerpt(const char *s, size_t n, char *out)
{
	size_t k = utf8_prefix(s, n, EXCERPT);
	memcpy(out, s, k);
	for (size_t i = 0; i < k; i++)
		if ((unsigned char)out[i] < 0x20)
			out[i] = ' ';
	strcpy(out + k, k < n ? "..." : "");
	return out;
}

const char *describe(const struct ynode *v, char *out)
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

bool comment_follows(const struct loader *L, const struct ynode *v)
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

void wrong_type(struct loader *L, const struct ynode *v, const char *subject, const char *want)
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

bool want_scalar(struct loader *L, const struct ynode *v, const char *subject, const char *want)
{
	if (v->kind == YNODE_SCALAR && v->len > 0)
		return true;
	wrong_type(L, v, subject, want);
	return false;
}

bool key_ok(struct loader *L, const struct ynode *k)
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

void append(char *out, size_t size, size_t *used, const char *s)
{
	size_t n = strlen(s);
	if (n > size - 1 - *used)
		n = size - 1 - *used;
	memcpy(out + *used, s, n);
	*used += n;
	out[*used] = '\0';
}

const char *join(const char *const *names, size_t n, size_t max, char *out, size_t size)
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
