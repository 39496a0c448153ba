/* diag.h — problems found in content, reported the way compilers do.
 *
 * Every problem has a place (line and column, 1-based; 0 when the problem is
 * about the whole file) and a message written for centre staff: what is wrong
 * and what to do. Printed as FILE:LINE:COL: error|warning: message. */
#ifndef SIGNPOST_DIAG_H
#define SIGNPOST_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_severity severity;
	int line, col; /* 1-based; 0 = no position */
	char *message; /* owned by the list */
};

struct diag_list {
	struct diag *items;
	size_t n, cap;
};

/* Appends a formatted problem. The list owns the copy of the message. */
void diag_add(struct diag_list *l, enum diag_severity sev, int line, int col,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

size_t diag_count(const struct diag_list *l, enum diag_severity sev);
bool diag_has_errors(const struct diag_list *l);

/* Sorts by line, then column (stable), so output reads top to bottom. */
void diag_sort(struct diag_list *l);

/* Prints each as "path:line:col: error: message\n" (or "path: error: ..."). */
void diag_print(const struct diag_list *l, const char *path, FILE *out);

/* Frees every message and the array; the list is empty afterwards. */
void diag_clear(struct diag_list *l);

#endif
