/* load.c — YAML content -> content model, strictly checked; see load.h.
 *
 * Three steps, each refusing what the next cannot handle: check the raw
 * text and build a node tree (yamltree.c), then walk the tree against the
 * schema tables (load_schema.c, load_walk.c, pictures in load_pictures.c),
 * filling a struct content in
 * its own arena, then the checks that need all of it: the Quick exit
 * screen, hours, numbers that must agree, translations, texts. Problems go
 * to a local list that is sorted and then appended to the caller's;
 * content is handed out only without errors. The file itself is read on
 * the SDL/OS side (firmware/sdl/content_file.c): the core gets bytes.
 *
 * Where a message points: a problem with a key (unknown, duplicate, a
 * block's second kind) points at the key; a problem with a value (wrong
 * type, out of range, empty, unknown screen or language) at the value;
 * something missing at the start of the group it is missing from; a
 * problem with the whole file (too big, empty, unreadable) at line 0. */
#include "load_private.h"

#include "sha256.h"

#include <string.h>

static void set_defaults(struct content *c, const char *path)
{
	memset(c, 0, sizeof *c);
	c->path = arena_strdup(&c->arena, path);
	c->langs[0] = arena_strdup(&c->arena, "en");
	c->n_langs = 1;
	c->cycle = 12;
	c->idle_timeout = 90;
	c->quick_exit = -1;
	c->quick_exit_hold = 180;
	c->transition = TRANSITION_FADE;
	c->theme.background = 0x1B2340;
	c->theme.text = 0xFFFFFF;
	c->theme.accent = 0xF2B705;
	c->theme.font = arena_strdup(&c->arena, "DejaVu Sans");
	/* white and yellow on black: 21:1 and 14:1 */
	c->theme.high_contrast.background = 0x000000;
	c->theme.high_contrast.text = 0xFFFFFF;
	c->theme.high_contrast.accent = 0xFFD400;
}

/* The quick-exit screen must exist; it stays out of the loop unless asked. */
static void resolve_quick_exit(struct loader *L)
{
	struct content *c = L->c;
	const struct ynode *q = L->quick_exit;
	if (!q || c->n_screens == 0)
		return; /* without screens, that was reported already */
	bool none = equal_nocase(q->str, q->len, "none"); /* no Quick exit, deliberately */
	const char **ids = arena_array(&L->tree->arena, c->n_screens, sizeof *ids);
	for (size_t i = 0; i < c->n_screens; i++) {
		ids[i] = c->screens[i].id;
		for (size_t j = 0; j < i && ids[i]; j++)
			if (ids[j] && strcmp(ids[i], ids[j]) == 0)
				ids[i] = NULL; /* a duplicate, reported already; list it once */
		if (ids[i] && strcmp(ids[i], q->str) == 0) {
			c->quick_exit = (int)i;
			if (!L->loop_given[i])
				c->screens[i].loop = false;
			return;
		}
	}
	if (none)
		return;
	char e[EXCERPT_SIZE];
	int near = nearest(q->str, ids, c->n_screens);
	if (near >= 0) {
		error_at(L, q, "kiosk.quick_exit names the screen '%s', but no screen has that id; did you mean '%s'?",
			 excerpt(q->str, q->len, e), ids[near]);
		return;
	}
	/* Renamed, most likely: the screen kept out of the loop is the Quick
	 * exit screen's usual shape; else the id least unlike the old one. */
	int out_of_loop = -1, n_out = 0;
	size_t best_d = SIZE_MAX;
	for (size_t i = 0; i < c->n_screens; i++) {
		if (!ids[i])
			continue;
		if (L->loop_given[i] && !c->screens[i].loop && n_out++ == 0)
			out_of_loop = (int)i;
		size_t d = edit_distance(q->str, ids[i]);
		if (d < best_d) {
			best_d = d;
			near = (int)i;
		}
	}
	if (n_out == 1)
		near = out_of_loop;
	if (near < 0)
		return; /* no screen has a usable id; that was reported */
	error_at(L, q, "kiosk.quick_exit names the screen '%s', but no screen has that id; if the Quick exit "
		       "screen was renamed, write its new id here, like  quick_exit: %s",
		 excerpt(q->str, q->len, e), ids[near]);
}

static void check_content(struct loader *L)
{
	struct content *c = L->c;
	const struct ynode *root = L->tree->root;
	char d[EXCERPT_SIZE + 2];

	if (!root || (root->kind == YNODE_SCALAR && root->len == 0 && root->plain)) {
		error_file(L, "the file is empty (or has only comments); write the content in it, starting with "
			      "a 'screens:' list");
		return;
	}
	if (root->kind == YNODE_BAD)
		return;
	if (root->kind != YNODE_MAP) {
		error_at(L, root, "the file must be made of settings such as 'kiosk:' and 'screens:', each at the "
				  "start of a line, not %s",
			 describe(root, d));
		return;
	}
	const struct ynode *kiosk = map_get(root, "kiosk");
	const struct ynode *langs = kiosk && kiosk->kind == YNODE_MAP ? map_get(kiosk, "languages") : NULL;
	if (langs)
		get_languages(L, langs);
	for (size_t i = 0; i < c->n_langs; i++)
		c->rtl[i] = content_lang_rtl(c->langs[i]);
	set_label_defaults(c);

	struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
	walk_section(L, &top_section, root, c, seen);
	finish_pictures(L);
	if (!seen[TOP_KIOSK].key && !near_key(root, "kiosk"))
		error_at(L, root, "the file has no 'kiosk:' section, so there is no Quick exit button; add at the "
				  "top  kiosk:  and under it  quick_exit: ID  with the id of an ordinary-looking "
				  "screen (only if this kiosk must have no Quick exit button:  quick_exit: none)");
	resolve_quick_exit(L);
	c->has_help = c->help.number != NULL;
	check_hours_settings(L, seen[TOP_HOURS].key, kiosk);
	check_numbers(L);
	check_translations(L);
	if (L->n_errors == 0)
		check_texts(L);
	if (L->n_errors == 0)
		warn_needs_the_time(L, seen[TOP_HOURS].key);
}

enum load_result content_load_buffer(const char *path, const char *buf, size_t len, struct content *out,
				     struct diag_list *diags)
{
	struct content c;
	struct diag_list mine = { NULL, 0, 0 };
	struct ytree tree;
	struct loader L = { .c = &c, .tree = &tree, .diags = &mine };
	L.where = (struct locator){ .src = buf ? buf : "", .len = buf ? len : 0 };

	memset(out, 0, sizeof *out);
	memset(&tree, 0, sizeof tree);
	set_defaults(&c, path ? path : "(content)");
	if (!buf)
		len = 0;

	if (len > CONTENT_MAX_FILE_BYTES) {
		error_file(&L, "the file is larger than 1 MiB (1048576 bytes), the most allowed; check that it is "
			       "the right file");
	} else {
		L.n_errors += ytree_parse(&tree, buf, len, &mine);
		if (L.n_errors == 0 || (tree.complete && tree.root))
			check_content(&L);
	}
	if (L.n_errors > MAX_PROBLEMS || L.n_warnings > MAX_PROBLEMS)
		diag_add(&mine, DIAG_ERROR, 0, 0, "only the first %d problems of each kind are shown; fix them and "
			 "check again", MAX_PROBLEMS);

	diag_sort(&mine);
	for (size_t i = 0; i < mine.n; i++)
		diag_add(diags, mine.items[i].severity, mine.items[i].line, mine.items[i].col, "%s",
			 mine.items[i].message);
	diag_clear(&mine);
	ytree_free(&tree);

	if (L.n_errors > 0) {
		content_free(&c);
		return LOAD_INVALID;
	}
	sha256(buf, len, c.sha256);
	*out = c;
	return LOAD_OK;
}
