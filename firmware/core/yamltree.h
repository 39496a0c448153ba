/* yamltree.h — a YAML file as a small tree of nodes that know their place.
 *
 * The content loader never sees libyaml: this module checks the raw text
 * (UTF-8, NUL bytes, control characters, tabs in indentation), then builds
 * its own tree from libyaml's events, refusing on the way what a content file
 * never needs and what could hurt us: anchors and aliases, tags, a second
 * document, and nesting deeper than the schema (libyaml 0.2.5 has no limit of
 * its own). libyaml's syntax errors are translated into plain words. Every
 * problem is an error in the diagnostic list at a 1-based line and column;
 * columns count characters, as libyaml does. The schema is the loader's job
 * (load_schema.c, load_walk.c). */
#ifndef SIGNPOST_YAMLTREE_H
#define SIGNPOST_YAMLTREE_H

#include "arena.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

/* The content schema never nests more mappings and lists than this:
 * top > screens > screen > blocks > block > steps > item > icon > {en: ..}. */
#define YTREE_MAX_DEPTH 9

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_MAP,  /* children are key, value, key, value, ... */
	YNODE_LIST,
	YNODE_BAD,  /* refused (alias, too deep, bad characters): already
		       reported, so the schema check passes over it quietly */
};

struct ynode {
	enum ynode_kind kind;
	int line, col;       /* where it starts, 1-based */
	const char *str;     /* YNODE_SCALAR: the value, NUL-terminated */
	size_t len;          /* its length in bytes (no NUL inside) */
	bool plain;          /* YNODE_SCALAR written without quotes */
	struct ynode *child; /* first child of a map or list */
	size_t n;            /* number of children (a map has 2 per key) */
	struct ynode *next;  /* next sibling */
};

struct ytree {
	struct arena arena;  /* every node and string */
	struct ynode *root;  /* the first document; NULL when there is none */
	bool complete;       /* read to the end of the first document (or of an
				empty file); false after an error that stopped
				reading, when root may be missing or partial */
	const char *buf;     /* the text parsed (not owned) */
	size_t len;
	size_t *lines;       /* byte offset of the start of each line */
	size_t n_lines;
};

/* Parses buf[0..len) (need not be NUL-terminated) into t, appending every
 * problem to diags as an error; returns how many it added. t is
 * overwritten; free it with ytree_free() whatever the result. buf must
 * outlive t. */
size_t ytree_parse(struct ytree *t, const char *buf, size_t len, struct diag_list *diags);

/* The text of a line (1-based) without its line break, and its length in
 * bytes; NULL when there is no such line. */
const char *ytree_line(const struct ytree *t, int line, size_t *len);

/* Frees the nodes and the line table; t is empty afterwards. NULL is ok. */
void ytree_free(struct ytree *t);

#endif
