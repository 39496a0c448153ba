/* speech.c — what a screen says; see speech.h.
 *
 * The screen's blocks are read in the order they stand on the page the
 * kiosk shows (its layout's elements name their block), so a paged
 * screen says what its page shows and no more. The buttons are the ones
 * the scene draws in that state (those that lead somewhere), read in a
 * fixed order: Back, Topics, previous, next, the language, text size,
 * contrast, and Quick exit last, where a keypad's own key also reaches
 * it. */
#include "speech.h"

#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct builder {
	struct speech *sp;
	const struct content *c;
	size_t lang; /* the kiosk's */
	size_t step;
};

/* A byte of a word: a letter or digit (any script's letters are bytes
 * from 0x80 in UTF-8). */
static bool word_byte(char ch)
{
	unsigned char u = (unsigned char)ch;
	return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

/* text with each word of speech.say that language lang gives its own way
 * of saying replaced by it, where it stands whole (not inside another
 * word); a copy to free. */
static char *say_words(const struct content *c, size_t lang, const char *text)
{
	size_t len = strlen(text), cap = len + 1, n = 0;
	char *out = xmalloc(cap);
	for (size_t i = 0; i < len;) {
		const struct spoken_word *hit = NULL;
		for (size_t w = 0; w < c->n_spoken && !hit; w++) {
			const struct spoken_word *sw = &c->spoken[w];
			if (ltext_lang(&sw->say, lang) != lang || sw->len > len - i ||
			    memcmp(text + i, sw->word, sw->len) != 0)
				continue;
			bool starts_word = word_byte(sw->word[0]), ends_word = word_byte(sw->word[sw->len - 1]);
			if (starts_word && i > 0 && word_byte(text[i - 1]))
				continue;
			if (ends_word && word_byte(text[i + sw->len]))
				continue;
			hit = sw;
		}
		const char *put_s = hit ? hit->say.by_lang[lang] : text + i;
		size_t put_n = hit ? strlen(put_s) : 1;
		if (n + put_n + 1 > cap) {
			while (n + put_n + 1 > cap)
				cap *= 2;
			out = xrealloc(out, cap);
		}
		memcpy(out + n, put_s, put_n);
		n += put_n;
		i += hit ? hit->len : 1;
	}
	out[n] = '\0';
	return out;
}

static void push(struct builder *b, enum speech_part part, const char *text, size_t lang, int block, int item)
{
	struct speech *sp = b->sp;
	if (!text || !*text)
		return;
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 32;
		sp->u = xrealloc(sp->u, sp->cap * sizeof *sp->u);
	}
	char *own;
	if (b->c->n_spoken && part != SPEECH_CALL_NUMBER) {
		own = say_words(b->c, lang, text);
	} else {
		size_t len = strlen(text);
		own = xmalloc(len + 1);
		memcpy(own, text, len + 1);
	}
	sp->u[sp->n++] = (struct utterance){ .part = part, .text = own, .lang = b->c->langs[lang],
					     .lang_index = lang, .block = block, .item = item,
					     .action = ACTION_NONE, .step = b->step };
}

/* The next utterances belong to a new step. */
static void next_step(struct builder *b)
{
	if (b->sp->n > 0 && b->sp->u[b->sp->n - 1].step == b->step)
		b->step++;
}

/* A translatable text in the kiosk's language, in the language it is
 * written in (an untranslated one in the default's). */
static void say_ltext(struct builder *b, enum speech_part part, const struct ltext *t, int block, int item)
{
	if (t->by_lang[0])
		push(b, part, t->by_lang[b->lang], ltext_lang(t, b->lang), block, item);
}

static void say_picture(struct builder *b, const struct picture *pic, int block)
{
	if (pic)
		say_ltext(b, SPEECH_PICTURE, &pic->alt, block, -1);
}

static void say_call(struct builder *b, const struct call *call, int block)
{
	next_step(b);
	say_picture(b, call->icon, block);
	say_ltext(b, SPEECH_CALL_NAME, &call->name, block, -1);
	next_step(b);
	/* staff's words for the number, in the languages that give their own;
	 * digit by digit in the others (English words in a Polish voice would
	 * be worse than digits) */
	if (call->has_say && ltext_lang(&call->say, b->lang) == b->lang) {
		say_ltext(b, SPEECH_CALL_NUMBER, &call->say, block, -1);
	} else if (call->number) {
		char words[256];
		speech_number_words(call->number, words, sizeof words);
		push(b, SPEECH_CALL_NUMBER, words, b->lang, block, -1);
	}
	if (call->has_hours) {
		next_step(b);
		say_ltext(b, SPEECH_CALL_HOURS, &call->hours, block, -1);
	}
}

static void say_block(struct builder *b, const struct block *bl, int index)
{
	switch (bl->kind) {
	case BLOCK_TEXT:
		next_step(b);
		say_ltext(b, SPEECH_TEXT, &bl->text, index, -1);
		break;
	case BLOCK_STEPS:
	case BLOCK_BULLETS:
		for (size_t i = 0; i < bl->n_items; i++) {
			next_step(b);
			if (bl->item_icons)
				say_picture(b, bl->item_icons[i], index);
			say_ltext(b, SPEECH_ITEM, &bl->items[i], index, (int)i);
		}
		break;
	case BLOCK_CALL:
		say_call(b, &bl->call, index);
		break;
	case BLOCK_QR:
		if (bl->qr.has_caption) {
			next_step(b);
			say_ltext(b, SPEECH_CAPTION, &bl->qr.caption, index, -1);
		}
		break;
	case BLOCK_PICTURE:
		next_step(b);
		say_picture(b, bl->picture, index);
		if (bl->picture && bl->picture->has_caption)
			say_ltext(b, SPEECH_CAPTION, &bl->picture->caption, index, -1);
		break;
	}
}

/* A button: the frame word and its label, one step; one utterance when
 * both are in one language ("Button: Quick exit"). */
static void say_button(struct builder *b, const struct ltext *label, enum kiosk_action action, int arg)
{
	const struct content *c = b->c;
	const char *word = c->labels.button.by_lang[b->lang], *name = label->by_lang[b->lang];
	size_t word_lang = ltext_lang(&c->labels.button, b->lang);
	/* a language's name is in that language (the picker's tiles) */
	size_t name_lang = label == &c->labels.language_name ? (size_t)arg : ltext_lang(label, b->lang);
	if (label == &c->labels.language_name)
		name = label->by_lang[arg];
	next_step(b);
	size_t from = b->sp->n;
	if (word_lang == name_lang) {
		size_t n = strlen(word) + strlen(name) + 3;
		char *text = xmalloc(n);
		snprintf(text, n, "%s: %s", word, name);
		push(b, SPEECH_BUTTON, text, word_lang, -1, -1);
		free(text);
	} else {
		push(b, SPEECH_BUTTON, word, word_lang, -1, -1);
		push(b, SPEECH_BUTTON, name, name_lang, -1, -1);
	}
	for (size_t i = from; i < b->sp->n; i++) {
		b->sp->u[i].action = action;
		b->sp->u[i].arg = arg;
	}
}

/* The blocks of page `page` of screen s, in the order they stand there. */
static void say_page_blocks(struct builder *b, const struct speech_input *in, int s, int page)
{
	const struct screen *sc = &b->c->screens[s];
	const struct screen_layout *lay = in->layouts ? &in->layouts[s] : NULL;
	if (!lay || lay->n_pages == 0) {
		for (size_t i = 0; i < sc->n_blocks; i++)
			say_block(b, &sc->blocks[i], (int)i);
		return;
	}
	if (page < 0 || (size_t)page >= lay->n_pages)
		page = (int)lay->n_pages - 1;
	const struct page *pg = &lay->pages[page];
	int last = -1;
	for (size_t e = 0; e < pg->n_elems; e++) {
		const struct elem *el = &pg->elems[e];
		if (el->role == ELEM_LOGO) {
			next_step(b);
			say_picture(b, b->c->logo, -1);
		}
		/* a block's elements stand together; a block split over two
		 * pages is said on each */
		if (el->block < 0 || el->block == last || (size_t)el->block >= sc->n_blocks)
			continue;
		last = el->block;
		say_block(b, &sc->blocks[el->block], el->block);
	}
}

/* The band at the bottom: the out-of-hours banner, or the help line. */
static void say_band(struct builder *b, const struct speech_input *in, int s)
{
	const struct content *c = b->c;
	const struct screen_layout *lay = in->layouts ? &in->layouts[s] : NULL;
	if (lay && lay->m.out_of_hours && c->out_of_hours.given) {
		next_step(b);
		say_ltext(b, SPEECH_HELP, &c->out_of_hours.text, -1, -1);
		say_call(b, c->out_of_hours.own_call ? &c->out_of_hours.call : &c->help, -1);
	} else if (c->has_help && c->screens[s].show_help) {
		next_step(b);
		say_ltext(b, SPEECH_HELP, &c->labels.help_prefix, -1, -1);
		say_call(b, &c->help, -1);
	}
}

/* Listen (as "Stop speech" while speech is on), then Quick exit, on
 * every frame but the notice Quick exit leads to. */
static void say_quick_exit(struct builder *b, const struct kiosk *k, bool notice)
{
	if (!notice && k->speech_ready && b->c->speech_output != SPEECH_OUT_NONE)
		say_button(b, k->speech_on ? &b->c->labels.stop_speech : &b->c->labels.listen, ACTION_SPEECH, 0);
	if (!notice && b->c->quick_exit >= 0)
		say_button(b, &b->c->labels.quick_exit, ACTION_QUICK_EXIT, 0);
}

static void say_screen(struct builder *b, const struct speech_input *in)
{
	const struct content *c = b->c;
	const struct kiosk *k = in->kiosk;
	const struct labels *lb = &c->labels;
	int s = k->view.screen;
	if (s < 0 || (size_t)s >= c->n_screens)
		return;
	say_ltext(b, SPEECH_TITLE, &c->screens[s].title, -1, -1);
	say_page_blocks(b, in, s, k->view.page);
	bool notice = kiosk_showing_notice(k);
	if (!notice)
		say_band(b, in, s);
	if (k->mode == KIOSK_BROWSE && !notice) {
		if (kiosk_can_back(k))
			say_button(b, &lb->back, ACTION_BACK, 0);
		say_button(b, &lb->topics, ACTION_HOME, 0);
		if (kiosk_can_prev(k))
			say_button(b, &lb->previous, ACTION_PREV, 0);
		if (kiosk_can_next(k))
			say_button(b, &lb->next, ACTION_NEXT, 0);
		if (c->n_langs > 1)
			say_button(b, &lb->language, ACTION_LANGUAGE, 0);
		say_button(b, k->text_scale > 1.0 ? &lb->smaller_text : &lb->larger_text, ACTION_TEXT_SIZE, 0);
		say_button(b, &lb->contrast, ACTION_CONTRAST, 0);
	}
	say_quick_exit(b, k, notice);
	int pages = k->page_count ? k->page_count[s] : 1;
	if (pages > 1) {
		const char *tmpl = lb->page_of.by_lang[b->lang];
		char text[256];
		speech_fill_page(tmpl, k->view.page + 1, pages, text, sizeof text);
		next_step(b);
		push(b, SPEECH_PAGE, text, ltext_lang(&lb->page_of, b->lang), -1, -1);
	}
}

void speech_build(struct speech *sp, const struct speech_input *in)
{
	for (size_t i = 0; i < sp->n; i++)
		free((char *)sp->u[i].text);
	sp->n = 0;
	sp->n_steps = 0;
	const struct kiosk *k = in->kiosk;
	struct builder b = { .sp = sp, .c = in->content, .lang = k->lang };
	const struct labels *lb = &b.c->labels;
	switch (k->mode) {
	case KIOSK_ATTRACT:
	case KIOSK_BROWSE:
		say_screen(&b, in);
		break;
	case KIOSK_MENU: {
		/* the topics, each a button that opens it */
		say_ltext(&b, SPEECH_TITLE, &lb->topics, -1, -1);
		int topics[KIOSK_MAX_LOOP];
		size_t n = kiosk_topics(k, topics, KIOSK_MAX_LOOP);
		for (size_t i = 0; i < n; i++)
			say_button(&b, &b.c->screens[topics[i]].title, ACTION_OPEN, topics[i]);
		if (kiosk_can_back(k))
			say_button(&b, &lb->back, ACTION_BACK, 0);
		say_quick_exit(&b, k, false);
		break;
	}
	case KIOSK_LANGS:
		say_ltext(&b, SPEECH_TITLE, &lb->language, -1, -1);
		for (size_t i = 0; i < b.c->n_langs; i++)
			say_button(&b, &lb->language_name, ACTION_SET_LANGUAGE, (int)i);
		say_quick_exit(&b, k, false);
		break;
	case KIOSK_IDLE:
		say_ltext(&b, SPEECH_TITLE, &lb->still_there, -1, -1);
		next_step(&b);
		say_ltext(&b, SPEECH_TEXT, &lb->touch_to_continue, -1, -1);
		say_ltext(&b, SPEECH_TEXT, &lb->any_key, -1, -1);
		break;
	case KIOSK_SLEEP:
	case KIOSK_MODE_COUNT_:
		break;
	}
	sp->n_steps = sp->n ? sp->u[sp->n - 1].step + 1 : 0;
}

void speech_build_words(struct speech *sp, const struct content *c, const struct ltext *t, size_t lang)
{
	for (size_t i = 0; i < sp->n; i++)
		free((char *)sp->u[i].text);
	sp->n = 0;
	struct builder b = { .sp = sp, .c = c, .lang = lang < c->n_langs ? lang : 0 };
	say_ltext(&b, SPEECH_TEXT, t, -1, -1);
	sp->n_steps = sp->n ? 1 : 0;
}

void speech_free(struct speech *sp)
{
	if (!sp)
		return;
	for (size_t i = 0; i < sp->n; i++)
		free((char *)sp->u[i].text);
	free(sp->u);
	*sp = (struct speech){ 0 };
}

/* Appends s to out[*used..cap), always terminated; *used counts what was
 * needed, so the caller learns how much room it would have taken. */
static void put(char *out, size_t cap, size_t *used, const char *s, size_t len)
{
	if (*used < cap) {
		size_t room = cap - *used - 1;
		memcpy(out + *used, s, len < room ? len : room);
		out[*used + (len < room ? len : room)] = '\0';
	}
	*used += len;
}

size_t speech_number_words(const char *number, char *out, size_t cap)
{
	size_t used = 0;
	if (cap)
		out[0] = '\0';
	bool in_group = false, any = false;
	for (const char *p = number; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			/* a digit after a space in the same group; ", " after a
			 * group ends (the pause a voice makes at a comma) */
			if (any)
				put(out, cap, &used, in_group ? " " : ", ", in_group ? 1 : 2);
			put(out, cap, &used, p, 1);
			in_group = any = true;
		} else if (*p == '+' && !any) {
			put(out, cap, &used, "+", 1);
		} else {
			in_group = false;
		}
	}
	return used;
}

size_t speech_fill_page(const char *tmpl, int page, int pages, char *out, size_t cap)
{
	size_t used = 0;
	if (cap)
		out[0] = '\0';
	static const char k_page[] = "{page}", k_pages[] = "{pages}";
	for (const char *p = tmpl; *p;) {
		char num[16];
		if (strncmp(p, k_pages, sizeof k_pages - 1) == 0) {
			int n = snprintf(num, sizeof num, "%d", pages);
			put(out, cap, &used, num, (size_t)n);
			p += sizeof k_pages - 1;
		} else if (strncmp(p, k_page, sizeof k_page - 1) == 0) {
			int n = snprintf(num, sizeof num, "%d", page);
			put(out, cap, &used, num, (size_t)n);
			p += sizeof k_page - 1;
		} else {
			put(out, cap, &used, p, 1);
			p++;
		}
	}
	return used;
}

const struct utterance *speech_cursor_get(const struct speech *sp, const struct speech_cursor *cur, size_t *n)
{
	*n = 0;
	const struct utterance *first = NULL;
	for (size_t i = 0; i < sp->n; i++) {
		if (sp->u[i].step != cur->step)
			continue;
		if (!first)
			first = &sp->u[i];
		++*n;
	}
	return first;
}

bool speech_cursor_next(const struct speech *sp, struct speech_cursor *cur)
{
	if (cur->step + 1 >= sp->n_steps)
		return false;
	cur->step++;
	return true;
}

bool speech_cursor_prev(const struct speech *sp, struct speech_cursor *cur)
{
	(void)sp;
	if (cur->step == 0)
		return false;
	cur->step--;
	return true;
}

/* The first utterance of this part (and block, item when given: -2 is
 * any): its step, or SIZE_MAX. */
static size_t step_where(const struct speech *sp, int part, int block, int item)
{
	for (size_t i = 0; i < sp->n; i++) {
		const struct utterance *u = &sp->u[i];
		if ((part < 0 || (int)u->part == part) && (block == -2 || u->block == block) &&
		    (item == -2 || u->item == item))
			return u->step;
	}
	return SIZE_MAX;
}

size_t speech_step_of_button(const struct speech *sp, enum kiosk_action action, int arg)
{
	for (size_t i = 0; i < sp->n; i++)
		if (sp->u[i].part == SPEECH_BUTTON && sp->u[i].action == action &&
		    (sp->u[i].arg == arg || action != ACTION_OPEN))
			return sp->u[i].step;
	return SIZE_MAX;
}

size_t speech_step_at(const struct speech *sp, const struct screen_layout *lay, int page, int x, int y)
{
	if (!lay || page < 0 || (size_t)page >= lay->n_pages)
		return SIZE_MAX;
	const struct page *pg = &lay->pages[page];
	int block = -1, item = -1;
	size_t behind = SIZE_MAX; /* a call's box or the band: what is on it comes first */
	for (size_t e = 0; e < pg->n_elems; e++) {
		const struct elem *el = &pg->elems[e];
		/* a list's items: each starts at its badge (numbered) or bullet */
		if (el->block != block) {
			block = el->block;
			item = -1;
		}
		if (el->role == ELEM_STEP_BADGE)
			item = el->number - 1;
		else if (el->role == ELEM_BULLET)
			item++;
		if (x < el->x || x >= el->x + el->w || y < el->y || y >= el->y + el->h)
			continue;
		switch (el->role) {
		case ELEM_TITLE:
			return step_where(sp, SPEECH_TITLE, -2, -2);
		case ELEM_BAND:
			behind = step_where(sp, SPEECH_HELP, -1, -2);
			continue;
		case ELEM_CALL_BOX:
			behind = step_where(sp, SPEECH_CALL_NAME, el->block, -2);
			continue;
		case ELEM_HELP_PREFIX:
			return step_where(sp, SPEECH_HELP, -1, -2);
		case ELEM_HELP_NAME: {
			size_t s = step_where(sp, SPEECH_CALL_NAME, -1, -2);
			return s != SIZE_MAX ? s : step_where(sp, SPEECH_HELP, -1, -2);
		}
		case ELEM_HELP_NUMBER: {
			size_t s = step_where(sp, SPEECH_CALL_NUMBER, -1, -2);
			return s != SIZE_MAX ? s : step_where(sp, SPEECH_HELP, -1, -2);
		}
		case ELEM_HINT:
			continue;
		case ELEM_LOGO:
			return step_where(sp, SPEECH_PICTURE, -1, -2);
		case ELEM_CALL_NAME:
		case ELEM_CALL_ICON:
			return step_where(sp, SPEECH_CALL_NAME, el->block, -2);
		case ELEM_CALL_NUMBER:
			return step_where(sp, SPEECH_CALL_NUMBER, el->block, -2);
		case ELEM_CALL_HOURS:
			return step_where(sp, SPEECH_CALL_HOURS, el->block, -2);
		default:
			if (el->block < 0)
				continue;
			if (item >= 0) {
				size_t s = step_where(sp, SPEECH_ITEM, el->block, item);
				if (s != SIZE_MAX)
					return s;
			}
			return step_where(sp, -1, el->block, -2);
		}
	}
	return behind;
}

const char *speech_part_name(enum speech_part p)
{
	static const char *const names[SPEECH_PART_COUNT_] = {
		[SPEECH_TITLE] = "title",	 [SPEECH_TEXT] = "text",		[SPEECH_ITEM] = "item",
		[SPEECH_CALL_NAME] = "call-name", [SPEECH_CALL_NUMBER] = "call-number", [SPEECH_CALL_HOURS] = "call-hours",
		[SPEECH_HELP] = "help",		 [SPEECH_PICTURE] = "picture",		[SPEECH_CAPTION] = "caption",
		[SPEECH_BUTTON] = "button",	 [SPEECH_PAGE] = "page",
	};
	return (unsigned)p < SPEECH_PART_COUNT_ && names[p] ? names[p] : "?";
}
