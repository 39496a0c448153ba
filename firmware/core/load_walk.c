/* load_walk.c — the walk over the node tree against the schema's tables;
 * see load_private.h.
 *
 * walk_section() checks each key of a map against its section's table
 * (unknown, mis-indented, duplicate, missing) and hands each value to
 * check_field(), which reads it by its field's type: a value parser, a
 * nested section, or the lists of screens, blocks and items walked here.
 * A block's kind is the one of text, steps, bullets, call, qr or picture it has. */
#include "load_private.h"

#include <stdio.h>
#include <string.h>

static int field_index(const struct section *s, const char *key)
{
	for (size_t i = 0; i < s->n_fields; i++)
		if (strcmp(s->fields[i].key, key) == 0)
			return (int)i;
	return -1;
}

static void unknown_key(struct loader *L, const struct section *s, const struct ynode *k, bool *suggested)
{
	char q[EXCERPT_SIZE];
	excerpt(k->str, k->len, q);

	/* A key of another section is most likely mis-indented, not misspelt. */
	for (const struct section *const *other = s->near; other && *other; other++) {
		if (field_index(*other, k->str) >= 0) {
			error_at(L, k, "unknown key '%s' %s; '%s' belongs %s, so check its indentation", q, s->where,
				 q, (*other)->home);
			return;
		}
	}
	const char *names[MAX_FIELDS];
	for (size_t i = 0; i < s->n_fields; i++)
		names[i] = s->fields[i].key;
	int near = nearest(k->str, names, s->n_fields);
	if (near >= 0) {
		suggested[near] = true;
		error_at(L, k, "unknown key '%s' %s; did you mean '%s'?", q, s->where, names[near]);
		return;
	}
	char list[256];
	error_at(L, k, "unknown key '%s' %s; the keys allowed there are: %s", q, s->where,
		 join(names, s->n_fields, MAX_FIELDS, list, sizeof list));
}

static void check_field(struct loader *L, const struct field *f, const struct ynode *v, void *obj);

size_t walk_section(struct loader *L, const struct section *s, const struct ynode *map, void *obj,
		    struct seen *seen)
{
	bool suggested[MAX_FIELDS] = { false };
	size_t unusable = 0;
	for (const struct ynode *k = map->child; k && k->next; k = k->next->next) {
		const struct ynode *v = k->next;
		if (!key_ok(L, k)) {
			unusable++;
			continue;
		}
		int i = field_index(s, k->str);
		if (i < 0) {
			unknown_key(L, s, k, suggested);
			unusable++;
			continue;
		}
		if (seen[i].key) {
			error_at(L, k, "duplicate key '%s' %s; the first '%s' is on line %d, so delete one of them",
				 k->str, s->where, k->str, seen[i].key->line);
			continue;
		}
		seen[i] = (struct seen){ k, v };
		check_field(L, &s->fields[i], v, obj);
	}
	/* a misspelt required key was already reported with its suggestion */
	for (size_t i = 0; i < s->n_fields; i++)
		if (s->fields[i].missing && !seen[i].key && !suggested[i])
			error_at(L, map, "%s has no '%s'; %s", s->noun, s->fields[i].key, s->fields[i].missing);
	if (s->finish)
		s->finish(obj);
	return unusable;
}

static void get_section(struct loader *L, const struct field *f, const char *subject, const struct ynode *v,
			void *obj)
{
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, subject, f->want);
		return;
	}
	struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
	walk_section(L, f->sub, v, obj, seen);
}

static void get_items(struct loader *L, const struct field *f, const char *subject, const struct ynode *v,
		      struct block *b)
{
	struct content *c = L->c;
	if (v->kind != YNODE_LIST) {
		wrong_type(L, v, subject, f->want);
		return;
	}
	if (v->n == 0) {
		error_at(L, v, "%s is empty; add at least one item, like  - \"...\"", subject);
		return;
	}
	if (v->n > MAX_ITEMS) {
		error_at(L, v, "%s has %zu items, more than the %d a screen can show; split it over "
			       "several screens",
			 subject, v->n, MAX_ITEMS);
		return;
	}
	b->items = arena_array(&c->arena, v->n, sizeof *b->items);
	for (const struct ynode *item = v->child; item; item = item->next)
		if (is_item_with_icon(item) && !b->item_icons)
			b->item_icons = arena_array(&c->arena, v->n, sizeof *b->item_icons);
	size_t i = 0;
	for (const struct ynode *item = v->child; item; item = item->next) {
		char what[96];
		snprintf(what, sizeof what, "item %zu of %s", ++i, subject);
		if (item->kind == YNODE_BAD)
			continue;
		bool ok = is_item_with_icon(item)
				  ? get_item_with_icon(L, item, &b->items[b->n_items], &b->item_icons[b->n_items])
				  : get_ltext(L, item, what, &b->items[b->n_items]);
		if (ok)
			b->n_items++;
	}
}

/* Exactly one of text, steps, bullets, call and qr makes a block's kind. */
static void block_kind(struct loader *L, const struct ynode *map, struct block *b, const struct seen *seen,
		       size_t unusable)
{
	const struct ynode *first = NULL;
	int first_i = -1;
	for (int i = 0; i < BLOCK_N; i++) {
		const struct ynode *k = seen[i].key;
		if (k && (!first || k->line < first->line || (k->line == first->line && k->col < first->col))) {
			first = k;
			first_i = i;
		}
	}
	if (!first) {
		/* unknown keys were reported already, with what to write instead */
		if (unusable == 0)
			error_at(L, map, "this block has none of text, steps, bullets, call, qr or picture; give it one of them, "
					 "like  - text: \"...\"");
		return;
	}
	b->kind = block_kinds[first_i];
	for (int i = 0; i < BLOCK_N; i++) {
		if (!seen[i].key || i == first_i)
			continue;
		error_at(L, seen[i].key,
			 "this block has both '%s' and '%s'; a block takes only one of text, steps, bullets, call, qr or picture, "
			 "so start '%s' as a new block with '- '",
			 first->str, seen[i].key->str, seen[i].key->str);
	}
}

static void get_blocks(struct loader *L, const struct field *f, const struct ynode *v, struct screen *s)
{
	struct content *c = L->c;
	if (v->kind != YNODE_LIST) {
		wrong_type(L, v, "'blocks'", f->want);
		return;
	}
	if (v->n == 0) {
		error_at(L, v, "'blocks' is empty; add at least one block, like  - text: \"...\"");
		return;
	}
	if (v->n > MAX_BLOCKS) {
		error_at(L, v, "this screen has %zu blocks, more than the %d one screen can hold; split it "
			       "into several screens",
			 v->n, MAX_BLOCKS);
		return;
	}
	s->blocks = arena_array(&c->arena, v->n, sizeof *s->blocks);
	for (const struct ynode *item = v->child; item; item = item->next) {
		if (item->kind == YNODE_BAD)
			continue;
		if (item->kind == YNODE_SCALAR && item->len == 0) {
			error_at(L, item, "this block is empty; give it one of text, steps, bullets, call, qr or picture, like  "
					  "- text: \"...\"");
			continue;
		}
		if (item->kind != YNODE_MAP) {
			wrong_type(L, item, "each block",
				   "one of text, steps, bullets, call, qr or picture, like  - text: \"...\"");
			continue;
		}
		struct block *b = &s->blocks[s->n_blocks++];
		b->at = mark_of(item);
		struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
		size_t unusable = walk_section(L, &block_section, item, b, seen);
		block_kind(L, item, b, seen, unusable);
	}
}

static void get_screens(struct loader *L, const struct field *f, const struct ynode *v)
{
	struct content *c = L->c;
	struct arena *tmp = &L->tree->arena;
	if (v->kind != YNODE_LIST) {
		wrong_type(L, v, "'screens'", f->want);
		return;
	}
	if (v->n == 0) {
		error_at(L, v, "'screens' is empty; add at least one screen, starting with '- id:'");
		return;
	}
	if (v->n > MAX_SCREENS) {
		error_at(L, v, "there are %zu screens, more than the %d allowed; remove some", v->n, MAX_SCREENS);
		return;
	}
	c->screens = arena_array(&c->arena, v->n, sizeof *c->screens);
	L->screen_ids = arena_array(tmp, v->n, sizeof *L->screen_ids);
	L->loop_given = arena_array(tmp, v->n, sizeof *L->loop_given);
	for (const struct ynode *item = v->child; item; item = item->next) {
		if (item->kind == YNODE_BAD)
			continue;
		if (item->kind != YNODE_MAP) {
			wrong_type(L, item, "each screen", "a group of settings starting with '- id:'");
			continue;
		}
		size_t n = c->n_screens++;
		struct screen *s = &c->screens[n];
		s->at = mark_of(item);
		s->loop = true;
		s->show_help = true;
		struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
		walk_section(L, &screen_section, item, s, seen);
		L->loop_given[n] = seen[SCREEN_LOOP].key != NULL;
		if (!s->id)
			continue;
		for (size_t j = 0; j < n; j++) {
			if (c->screens[j].id && strcmp(c->screens[j].id, s->id) == 0) {
				error_at(L, seen[SCREEN_ID].val,
					 "two screens have the id '%s'; the first is on line %d, so give each screen "
					 "its own id",
					 s->id, L->screen_ids[j]->line);
				break;
			}
		}
		L->screen_ids[n] = seen[SCREEN_ID].val;
	}
}

/* One of n words (any case): its index, or -1 with the field's error. */
static int get_word(struct loader *L, const struct field *f, const char *subject, const struct ynode *v,
		    const char *const *words, size_t n)
{
	char d[EXCERPT_SIZE + 2];
	if (!want_scalar(L, v, subject, f->want))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (equal_nocase(v->str, v->len, words[i]))
			return (int)i;
	error_at(L, v, "%s must be %s, not %s", subject, f->want, describe(v, d));
	return -1;
}

/* speech.output: headset, none, the loudspeaker's own words, or part of
 * an output's name. A loudspeaker is heard by the whole waiting room, so
 * it is taken only in the words that say so; a name that looks like one
 * is refused with them. */
static void get_speech_output(struct loader *L, const struct field *f, const char *subject, const struct ynode *v,
			      struct content *c)
{
	char q[EXCERPT_SIZE];
	if (!want_scalar(L, v, subject, f->want))
		return;
	if (equal_nocase(v->str, v->len, "headset")) {
		c->speech_output = SPEECH_OUT_HEADSET;
		return;
	}
	if (equal_nocase(v->str, v->len, "none")) {
		c->speech_output = SPEECH_OUT_NONE;
		return;
	}
	if (equal_nocase(v->str, v->len, SPEECH_LOUDSPEAKER_WORDS)) {
		c->speech_output = SPEECH_OUT_LOUDSPEAKER;
		return;
	}
	bool speaker = false;
	for (size_t i = 0; i + 7 <= v->len && !speaker; i++)
		speaker = starts_nocase(v->str + i, v->len - i, "speaker");
	if (speaker) {
		error_at(L, v,
			 "the output '%s' sounds like a loudspeaker, which everyone in the waiting room would hear; speech "
			 "is for one visitor, so it goes to a headset (write  output: headset). Only if this kiosk "
			 "must speak aloud, write exactly  output: \"%s\"",
			 excerpt(v->str, v->len, q), SPEECH_LOUDSPEAKER_WORDS);
		return;
	}
	if (v->len > 100) {
		error_at(L, v, "%s is longer than a sound output's name: give part of the name, like \"USB Headset\"",
			 subject);
		return;
	}
	c->speech_output = SPEECH_OUT_NAMED;
	c->speech_name = arena_strndup(&L->c->arena, v->str, v->len);
}

/* speech.say: a map of words to how to say them (a text, or one per
 * language). Words are looked for whole in what speech reads. */
static void get_speech_words(struct loader *L, const struct field *f, const struct ynode *v, struct content *c)
{
	char q[EXCERPT_SIZE];
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, "'say'", f->want);
		return;
	}
	size_t n = v->n / 2;
	if (n > CONTENT_MAX_SPOKEN_WORDS) {
		error_at(L, v, "speech.say has %zu words; at most %d are read: keep the ones the voice gets wrong", n,
			 CONTENT_MAX_SPOKEN_WORDS);
		return;
	}
	c->spoken = arena_alloc(&c->arena, (n ? n : 1) * sizeof *c->spoken);
	for (const struct ynode *k = v->child; k && k->next; k = k->next->next) {
		const struct ynode *val = k->next;
		if (k->kind != YNODE_SCALAR || k->len == 0) {
			error_at(L, k, "each word under 'say:' is a word or a few, in quotes, like  \"24/7\": "
				       "\"twenty-four seven\"");
			continue;
		}
		if (k->len > CONTENT_MAX_SPOKEN_WORD) {
			error_at(L, k, "'%s' is longer than a word (%d characters at most): give the word the voice "
				       "gets wrong, not the sentence", excerpt(k->str, k->len, q), CONTENT_MAX_SPOKEN_WORD);
			continue;
		}
		bool twice = false;
		for (size_t i = 0; i < c->n_spoken && !twice; i++)
			twice = c->spoken[i].len == k->len && memcmp(c->spoken[i].word, k->str, k->len) == 0;
		if (twice) {
			error_at(L, k, "'%s' is under 'say:' twice; delete one", excerpt(k->str, k->len, q));
			continue;
		}
		char what[96];
		snprintf(what, sizeof what, "how to say '%s'", excerpt(k->str, k->len, q));
		struct spoken_word w = { .word = arena_strndup(&c->arena, k->str, k->len), .len = k->len,
					 .at = { k->line, k->col } };
		if (get_ltext(L, val, what, &w.say))
			c->spoken[c->n_spoken++] = w;
	}
}

static void check_field(struct loader *L, const struct field *f, const struct ynode *v, void *obj)
{
	char subject[64], q[EXCERPT_SIZE], d[EXCERPT_SIZE + 2];
	void *dst = (char *)obj + f->offset;
	snprintf(subject, sizeof subject, "'%s'", f->key);
	if (v->kind == YNODE_BAD)
		return;
	if (f->marked)
		*(struct mark *)(void *)((char *)obj + f->mark_offset) = (struct mark){ v->line, v->col };

	switch (f->type) {
	case FT_SECTION:
		get_section(L, f, subject, v, dst);
		break;
	case FT_NUMBER: {
		double x;
		if (!want_scalar(L, v, subject, f->want))
			break;
		if (parse_decimal(v->str, v->len, &x) && x >= f->min && x <= f->max)
			*(double *)dst = x;
		else
			error_at(L, v, "%s must be %s, not %s", subject, f->want, describe(v, d));
		break;
	}
	case FT_BOOL:
		if (want_scalar(L, v, subject, f->want) && !parse_bool(v->str, v->len, (bool *)dst))
			error_at(L, v, "%s must be true or false, not '%s'", subject, excerpt(v->str, v->len, q));
		break;
	case FT_COLOUR:
		get_colour(L, f, v, (uint32_t *)dst);
		break;
	case FT_FONT:
		if (want_scalar(L, v, subject, f->want))
			*(const char **)dst = arena_strndup(&L->c->arena, v->str, v->len);
		break;
	case FT_LTEXT:
		get_ltext(L, v, subject, (struct ltext *)dst);
		break;
	case FT_PHONE:
		get_phone(L, f, v, (const char **)dst);
		break;
	case FT_ID:
		get_id(L, f, v, (const char **)dst);
		break;
	case FT_ROTATION: {
		static const char *const angles[] = { "0", "90", "180", "270" };
		if (!want_scalar(L, v, subject, f->want))
			break;
		size_t i = 0;
		while (i < 4 && strcmp(v->str, angles[i]) != 0)
			i++;
		if (i < 4)
			*(int *)dst = (int)i * 90;
		else
			error_at(L, v, "%s must be %s, not %s", subject, f->want, describe(v, d));
		break;
	}
	case FT_SPEECH_OUTPUT:
		get_speech_output(L, f, subject, v, (struct content *)obj);
		break;
	case FT_SPEECH_WORDS:
		get_speech_words(L, f, v, (struct content *)obj);
		break;
	case FT_TRANSITION: {
		static const char *const names[] = { [TRANSITION_FADE] = "fade", [TRANSITION_SLIDE] = "slide",
						     [TRANSITION_NONE] = "none" };
		int i = get_word(L, f, subject, v, names, 3);
		if (i >= 0)
			*(enum transition *)dst = (enum transition)i;
		break;
	}
	case FT_LANGS:
		break; /* read first, by get_languages() */
	case FT_LANG_FONTS:
		get_lang_fonts(L, f, v, (struct theme *)obj);
		break;
	case FT_SCREEN_REF:
		if (want_scalar(L, v, subject, f->want))
			L->quick_exit = v;
		break;
	case FT_SCREENS:
		get_screens(L, f, v);
		break;
	case FT_BLOCKS:
		get_blocks(L, f, v, (struct screen *)obj);
		break;
	case FT_ITEMS:
		get_items(L, f, subject, v, (struct block *)obj);
		break;
	case FT_DAY_HOURS:
		get_day_hours(L, v, subject, (struct day_hours *)dst);
		break;
	case FT_EXCEPTIONS:
		get_exceptions(L, f, v, (struct hours *)obj);
		break;
	case FT_SLEEP:
		get_sleep(L, f, v, (struct sleep_rule *)dst);
		break;
	case FT_QR_DATA:
		get_qr_data(L, f, v, (struct qr_block *)obj);
		break;
	case FT_PICTURE:
		get_picture(L, f, v, (struct picture **)dst);
		break;
	case FT_PICTURE_FILE:
	case FT_PICTOGRAM:
		break; /* read by get_picture(), which knows whether both are given */
	case FT_LOGO_PLACE: {
		static const char *const places[] = { [LOGO_TITLE] = "title", [LOGO_WELCOME] = "welcome" };
		int i = get_word(L, f, subject, v, places, 2);
		if (i >= 0)
			*(int *)dst = i;
		break;
	}
	}
}
