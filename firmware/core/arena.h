/* arena.h — one region of memory per loaded content, freed as one.
 *
 * The loader copies every string and array it keeps into the content's arena,
 * so replacing content on reload is a single arena_free() and nothing can be
 * left dangling or leaked piecemeal. Out of memory is fatal by policy: the
 * process aborts and systemd restarts it. */
#ifndef SIGNPOST_ARENA_H
#define SIGNPOST_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head; /* newest chunk first */
	size_t used_total;        /* bytes handed out, for benchmarks */
};

/* Zero-initialised storage of n bytes, aligned for any type; lives until
 * arena_free(). Never returns NULL (aborts on out of memory). */
void *arena_alloc(struct arena *a, size_t n);

/* A NUL-terminated copy of s[0..len) in the arena. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);

/* Frees every chunk; the arena is empty and reusable afterwards. NULL is ok. */
void arena_free(struct arena *a);

/* Fatal out-of-memory helpers for the few allocations outside arenas. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

#endif
