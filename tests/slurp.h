/* slurp.h — a core test reads its own files, as the program's SDL/OS side
 * does: the core gets bytes only (content_load_buffer), never a path to
 * open. How the program opens and reads the file (regular files only, the
 * size limit, read once) is tested on its own, in test_content_file_sdl.c. */
#ifndef SIGNPOST_SLURP_H
#define SIGNPOST_SLURP_H

#include "arena.h"
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A whole file in memory (malloc'd; the caller frees), or NULL. */
static inline char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	fclose(f);
	*len = n;
	return buf;
}

/* The file at path through content_load_buffer(), as the program loads it;
 * LOAD_IO, with the reason in d, when the test cannot read it. */
static inline enum load_result load_file(const char *path, struct content *c, struct diag_list *d)
{
	size_t len;
	char *buf = slurp(path, &len);
	if (!buf) {
		memset(c, 0, sizeof *c);
		diag_add(d, DIAG_ERROR, 0, 0, "the test cannot read %s", path);
		return LOAD_IO;
	}
	enum load_result r = content_load_buffer(path, buf, len, c, d);
	free(buf);
	return r;
}

#endif
