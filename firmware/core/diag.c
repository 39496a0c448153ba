/* diag.c — the list of content problems; see diag.h. */
#include "diag.h"

#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A message quotes staff's text back; that text may hold control
 * characters (a raw newline would forge a line of the status file, C1's
 * CSI drives a remote terminal) or bidi controls that turn what a terminal
 * shows around. Each is written as an escape instead: \n, \x1B, \u202E. */
static char *escape_controls(const char *msg)
{
	size_t n = strlen(msg);
	char *out = xmalloc(n * 6 + 1); /* a 1-byte control becomes \xNN (4), a 3-byte one \uNNNN (6) */
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		const unsigned char *p = (const unsigned char *)msg + i;
		uint32_t cp = 0x80000000u; /* other bytes of UTF-8: copied as they are */
		size_t k = 1;
		if (p[0] < 0x80)
			cp = p[0];
		else if (p[0] == 0xC2 && i + 1 < n)
			cp = p[1], k = 2; /* U+0080..U+00BF */
		else if (p[0] == 0xE2 && i + 2 < n && (p[1] == 0x80 || p[1] == 0x81))
			cp = 0x2000u | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F), k = 3;
		bool c0 = k == 1 && (cp < 0x20 || cp == 0x7F);
		bool c1 = k == 2 && cp >= 0x80 && cp <= 0x9F;
		bool bidi = k == 3 && ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
				       cp == 0x200E || cp == 0x200F);
		if (c0 && cp == '\n')
			o += (size_t)sprintf(out + o, "\\n");
		else if (c0 && cp == '\t')
			o += (size_t)sprintf(out + o, "\\t");
		else if (c0)
			o += (size_t)sprintf(out + o, "\\x%02X", (unsigned)cp);
		else if (c1)
			o += (size_t)sprintf(out + o, "\\u%04X", (unsigned)cp);
		else if (bidi)
			o += (size_t)sprintf(out + o, "\\u%04X", (unsigned)cp);
		else {
			memcpy(out + o, p, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

void diag_add(struct diag_list *l, enum diag_severity sev, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		len = 0;
	char *msg = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);
	char *safe = escape_controls(msg);
	free(msg);
	msg = safe;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->n++] = (struct diag){ sev, line, col, msg };
}

size_t diag_count(const struct diag_list *l, enum diag_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += l->items[i].severity == sev;
	return n;
}

bool diag_has_errors(const struct diag_list *l)
{
	return diag_count(l, DIAG_ERROR) > 0;
}

void diag_sort(struct diag_list *l)
{
	/* insertion sort: stable, and lists are short */
	for (size_t i = 1; i < l->n; i++) {
		struct diag d = l->items[i];
		size_t j = i;
		while (j > 0 && (l->items[j - 1].line > d.line ||
				 (l->items[j - 1].line == d.line && l->items[j - 1].col > d.col))) {
			l->items[j] = l->items[j - 1];
			j--;
		}
		l->items[j] = d;
	}
}

void diag_print(const struct diag_list *l, const char *path, FILE *out)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->items[i];
		const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
		if (d->line > 0)
			fprintf(out, "%s:%d:%d: %s: %s\n", path, d->line, d->col, sev, d->message);
		else
			fprintf(out, "%s: %s: %s\n", path, sev, d->message);
	}
}

void diag_clear(struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i].message);
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}
