/* diag.c — the list of content problems; see diag.h. */
#include "diag.h"

#include "arena.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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
