/* fixture.h — content built in code and a fixed-width fake measurer, so
 * layout, kiosk and scene tests need neither YAML nor fonts.
 *
 * The fake measurer: every character (code point) is px/2 wide, a line is
 * px * 5/4 high. Widths are then easy to reason about in tests. */
#ifndef SIGNPOST_FIXTURE_H
#define SIGNPOST_FIXTURE_H

#include "content.h"
#include "layout.h"

#include <stdio.h>
#include <string.h>

static inline int fake_width(void *ctx, enum font_style style, int px, const char *s, size_t len)
{
	(void)ctx;
	(void)style;
	int cps = 0;
	for (size_t i = 0; i < len; i++)
		cps += ((unsigned char)s[i] & 0xC0) != 0x80;
	return cps * px / 2;
}

static inline int fake_line_height(void *ctx, enum font_style style, int px)
{
	(void)ctx;
	(void)style;
	return px * 5 / 4;
}

static const struct measurer fake_measurer = { .text_width = fake_width, .line_height = fake_line_height };

/* the same fake for every language */
static const struct measurer fake_by_lang[CONTENT_MAX_LANGS] = {
	[0 ... CONTENT_MAX_LANGS - 1] = { .text_width = fake_width, .line_height = fake_line_height }
};

static inline struct ltext lt(const char *s)
{
	struct ltext t;
	memset(&t, 0, sizeof t);
	for (int i = 0; i < CONTENT_MAX_LANGS; i++)
		t.by_lang[i] = s;
	return t;
}

/* A content with n screens "s0".."sN", each with a title and the given
 * blocks (copied). Defaults as the loader would set them. */
static inline void fixture_content(struct content *c, size_t n_screens)
{
	memset(c, 0, sizeof *c);
	c->path = "fixture";
	c->langs[0] = "en";
	c->n_langs = 1;
	c->cycle = 12;
	c->idle_timeout = 90;
	c->quick_exit_hold = 180;
	c->quick_exit = -1;
	c->transition = TRANSITION_FADE;
	c->theme = (struct theme){ .background = 0x1B2340, .text = 0xFFFFFF, .accent = 0xF2B705,
				   .font = "DejaVu Sans",
				   .high_contrast = { .background = 0, .text = 0xFFFFFF, .accent = 0xFFD400 } };
	c->labels.touch_hint = lt("Touch the screen to find out more");
	c->labels.help_prefix = lt("Talk to someone now:");
	c->labels.back = lt("Back");
	c->labels.topics = lt("Topics");
	c->labels.quick_exit = lt("Quick exit");
	c->labels.language_name = lt("English");
	c->labels.still_there = lt("Are you still there?");
	c->labels.touch_to_continue = lt("Touch the screen to continue.");
	c->labels.language = lt("Language");
	c->help = (struct call){ .name = lt("Support line"), .number = "0808 500 2222" };
	c->has_help = true;
	c->screens = arena_alloc(&c->arena, n_screens * sizeof *c->screens);
	c->n_screens = n_screens;
	for (size_t i = 0; i < n_screens; i++) {
		struct screen *s = &c->screens[i];
		char id[32];
		snprintf(id, sizeof id, "s%zu", i);
		s->id = arena_strdup(&c->arena, id);
		s->title = lt("A title");
		s->loop = true;
		s->show_help = true;
		s->at = (struct mark){ (int)i * 10 + 1, 5 };
	}
}

static inline struct block *fixture_blocks(struct content *c, size_t screen, size_t n)
{
	struct screen *s = &c->screens[screen];
	s->blocks = arena_alloc(&c->arena, n * sizeof *s->blocks);
	s->n_blocks = n;
	return s->blocks;
}

static inline void fixture_text(struct content *c, struct block *b, const char *text)
{
	(void)c;
	b->kind = BLOCK_TEXT;
	b->text = lt(text);
}

static inline void fixture_list(struct content *c, struct block *b, enum block_kind kind,
			 const char **items, size_t n)
{
	b->kind = kind;
	b->items = arena_alloc(&c->arena, n * sizeof *b->items);
	b->n_items = n;
	for (size_t i = 0; i < n; i++)
		b->items[i] = lt(items[i]);
}

#endif
