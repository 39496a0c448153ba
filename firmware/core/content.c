/* content.c — small queries on the content model; see content.h. */
#include "content.h"

#include "utf8.h"

#include <string.h>

int content_find_screen(const struct content *c, const char *id)
{
	for (size_t i = 0; i < c->n_screens; i++)
		if (strcmp(c->screens[i].id, id) == 0)
			return (int)i;
	return -1;
}

bool content_lang_rtl(const char *code)
{
	/* languages whose usual script runs right to left (ISO 639 codes) */
	static const char *const rtl[] = { "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "syr",
					   "ug", "ur", "yi", NULL };
	size_t n = strcspn(code, "-_"); /* "ar-EG" is Arabic */
	for (size_t i = 0; rtl[i]; i++)
		if (strlen(rtl[i]) == n && strncmp(rtl[i], code, n) == 0)
			return true;
	return false;
}

static void each_ltext(const struct content *c, const struct ltext *t,
		       void (*fn)(void *, size_t, const char *, struct mark), void *ctx)
{
	for (size_t l = 0; l < c->n_langs; l++)
		if (t->by_lang[l])
			fn(ctx, l, t->by_lang[l], t->at[l]);
}

static void each_call(const struct content *c, const struct call *call,
		      void (*fn)(void *, size_t, const char *, struct mark), void *ctx)
{
	each_ltext(c, &call->name, fn, ctx);
	if (call->has_hours)
		each_ltext(c, &call->hours, fn, ctx);
	/* the number is drawn in every language's font */
	for (size_t l = 0; l < c->n_langs && call->number; l++)
		fn(ctx, l, call->number, call->at_number);
}

void content_each_text(const struct content *c,
		       void (*fn)(void *ctx, size_t lang, const char *text, struct mark at), void *ctx)
{
	const struct labels *lb = &c->labels;
	const struct ltext *labels[] = { &lb->touch_hint, &lb->help_prefix, &lb->back, &lb->topics,
					 &lb->quick_exit, &lb->still_there, &lb->touch_to_continue,
					 &lb->language };
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		each_ltext(c, labels[i], fn, ctx);
	/* each language's own name is drawn in that language's font */
	for (size_t l = 0; l < c->n_langs; l++)
		fn(ctx, l, lb->language_name.by_lang[l], lb->language_name.at[l]);
	if (c->has_help)
		each_call(c, &c->help, fn, ctx);
	if (c->out_of_hours.given) {
		each_ltext(c, &c->out_of_hours.text, fn, ctx);
		if (c->out_of_hours.own_call)
			each_call(c, &c->out_of_hours.call, fn, ctx);
	}
	for (size_t s = 0; s < c->n_screens; s++) {
		const struct screen *sc = &c->screens[s];
		each_ltext(c, &sc->title, fn, ctx);
		for (size_t b = 0; b < sc->n_blocks; b++) {
			const struct block *bl = &sc->blocks[b];
			switch (bl->kind) {
			case BLOCK_TEXT:
				each_ltext(c, &bl->text, fn, ctx);
				break;
			case BLOCK_STEPS:
			case BLOCK_BULLETS:
				for (size_t i = 0; i < bl->n_items; i++)
					each_ltext(c, &bl->items[i], fn, ctx);
				break;
			case BLOCK_CALL:
				each_call(c, &bl->call, fn, ctx);
				break;
			case BLOCK_QR:
				if (bl->qr.has_caption)
					each_ltext(c, &bl->qr.caption, fn, ctx);
				break;
			case BLOCK_PICTURE:
				if (bl->picture->has_caption)
					each_ltext(c, &bl->picture->caption, fn, ctx);
				break;
			}
		}
	}
}

void content_each_alt(const struct content *c,
		      void (*fn)(void *ctx, size_t lang, const char *text, struct mark at), void *ctx)
{
	for (size_t i = 0; i < c->n_pictures; i++)
		each_ltext(c, &c->pictures[i]->alt, fn, ctx);
}

static bool before(int line, int col, struct mark m)
{
	return line < m.line || (line == m.line && col < m.col);
}

struct mark content_locate(struct locator *l, struct mark from, uint32_t cp)
{
	/* go on from where the last search ended when it is at or after from
	 * (the next character of the same text, or a later text); start again
	 * only for a text earlier in the file */
	if (!(from.line == l->from.line && from.col == l->from.col) && !before(l->line, l->col, from)) {
		l->i = 0;
		l->line = l->col = 1;
	}
	if (l->line == 0)
		l->line = l->col = 1;
	l->from = from;
	while (l->i < l->len) {
		uint32_t c = 0;
		size_t n = utf8_decode(l->src + l->i, l->len - l->i, &c);
		if (n == 0)
			n = 1; /* not UTF-8: the loader refused it already */
		struct mark here = { l->line, l->col };
		if (c == '\n') {
			l->line++;
			l->col = 1;
		} else {
			l->col++;
		}
		l->i += n;
		if (c == cp && !before(here.line, here.col, from))
			return here;
	}
	/* not found (written as an escape, say): the next search starts over */
	l->i = 0;
	l->line = l->col = 1;
	l->from = (struct mark){ 0, 0 };
	return from;
}

void content_free(struct content *c)
{
	if (!c)
		return;
	arena_free(&c->arena);
	memset(c, 0, sizeof *c);
}
