/* load_values.c — single values: numbers, colours, yes/no, screen ids;
 * see load_private.h.
 *
 * The parsers take bytes and say whether they read (no locale, no libc
 * number parsing: "10.1" reads the same in a Polish locale); the getters
 * take a node of the tree, fill the content and report what is wrong.
 * Also two small helpers every file uses: arrays in an arena and a key's
 * value in a map. */
#include "load_private.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *arena_array(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		abort();
	return arena_alloc(a, n * size);
}

const struct ynode *map_get(const struct ynode *map, const char *key)
{
	for (const struct ynode *k = map->child; k && k->next; k = k->next->next)
		if (k->kind == YNODE_SCALAR && strcmp(k->str, key) == 0)
			return k->next;
	return NULL;
}

bool parse_decimal(const char *s, size_t n, double *out)
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

bool parse_bool(const char *s, size_t n, bool *out)
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

void get_id(struct loader *L, const struct field *f, const struct ynode *v, const char **out)
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

void get_colour(struct loader *L, const struct field *f, const struct ynode *v, uint32_t *out)
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
