/* load.h — YAML content file -> content model, strictly checked.
 *
 * libyaml does the parsing; everything else is ours: a raw pre-scan (size,
 * UTF-8, tabs in indentation), a small node tree with positions (aliases and
 * over-deep nesting refused while it is built), and a table-driven schema
 * walk that reports every problem in one pass. Each problem names its place
 * and says what to do, for staff who are not programmers. */
#ifndef SIGNPOST_LOAD_H
#define SIGNPOST_LOAD_H

#include "content.h"
#include "diag.h"

#include <stddef.h>

enum load_result {
	LOAD_OK = 0,      /* *out holds content; diags may hold warnings */
	LOAD_INVALID = 1, /* content errors, all in diags; *out is left empty */
	LOAD_IO = 2,      /* the file could not be read (missing, a directory,
			     no permission); the reason is in diags */
};

/* Reads and checks the file at path. On LOAD_OK the caller owns *out and frees
 * it with content_free(). Diagnostics are appended to diags, sorted by place;
 * the caller clears them. */
enum load_result content_load(const char *path, struct content *out, struct diag_list *diags);

/* Reads the file once, as content_load() does (a regular file, at most one
 * byte over the limit, never blocking on a FIFO), for callers that keep the
 * bytes: the kiosk checks, shows and saves exactly what it read. On LOAD_OK
 * the caller frees *buf. */
enum load_result content_read(const char *path, char **buf, size_t *len, struct diag_list *diags);

/* The same, from memory; path is used only in messages and content.path.
 * buf need not be NUL-terminated. Used by tests and the fuzzer. */
enum load_result content_load_buffer(const char *path, const char *buf, size_t len,
				     struct content *out, struct diag_list *diags);

#endif
