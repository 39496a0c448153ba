/* load.h — YAML content file -> content model, strictly checked.
 *
 * libyaml does the parsing; everything else is ours: a raw pre-scan (size,
 * UTF-8, tabs in indentation), a small node tree with positions (aliases and
 * over-deep nesting refused while it is built), and a table-driven schema
 * walk that reports every problem in one pass. Each problem names its place
 * and says what to do, for staff who are not programmers. The core never
 * opens the file: it gets the bytes (firmware/sdl/content_file.h reads
 * them). The parts behind this face share load_private.h. */
#ifndef SIGNPOST_LOAD_H
#define SIGNPOST_LOAD_H

#include "content.h"
#include "diag.h"

#include <stddef.h>

enum load_result {
	LOAD_OK = 0,      /* *out holds content; diags may hold warnings */
	LOAD_INVALID = 1, /* content errors, all in diags; *out is left empty */
	LOAD_IO = 2,      /* content_read(): the file could not be read (missing,
			     a directory, no permission); the reason is in diags */
};

/* Checks the content file's bytes buf[0..len) and loads them; path is used
 * only in messages and content.path, and buf need not be NUL-terminated.
 * On LOAD_OK the caller owns *out and frees it with content_free().
 * Diagnostics are appended to diags, sorted by place; the caller clears
 * them. Never LOAD_IO: reading the file is the caller's (content_read() in
 * firmware/sdl/content_file.h, a test's helper, the fuzzer). */
enum load_result content_load_buffer(const char *path, const char *buf, size_t len,
				     struct content *out, struct diag_list *diags);

#endif
