/* kiosk.c — the attract loop, touch navigation, idle notice and privacy
 * reset; the names of the modes and actions; and kiosk_pose(), which puts
 * the kiosk into any frame a visitor can meet (for --preview, --check and
 * the tests); see kiosk.h.
 *
 * Privacy: the history exists only for Back and is wiped by Quick exit and
 * by the idle reset; nothing here is written anywhere. */
#include "kiosk.h"

#include "arena.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ---------------------------------------------------------------- */

static const struct {
	const char *name, *where;
} mode_names[] = {
	[KIOSK_ATTRACT] = { "attract", "in the loop" },
	[KIOSK_BROWSE] = { "browse", "while reading" },
	[KIOSK_MENU] = { "menu", "in the topics" },
	[KIOSK_IDLE] = { "idle", "on the idle notice" },
	[KIOSK_LANGS] = { "languages", "in the language picker" },
	[KIOSK_SLEEP] = { "sleep", "asleep" },
};
_Static_assert(sizeof mode_names / sizeof mode_names[0] == KIOSK_MODE_COUNT_, "a name for every mode");

/* --trace's word (tests parse it); --check's "the %s button" or "a %s
 * tile"; --check's touch target */
static const struct {
	const char *name, *button, *target;
} action_names[] = {
	[ACTION_NONE] = { "none", "a button", "a button" },
	[ACTION_BACK] = { "back", "Back", "Back" },
	[ACTION_HOME] = { "topics", "Topics", "Topics" },
	[ACTION_PREV] = { "previous", "previous (\xe2\x80\xb9)", "previous" },
	[ACTION_NEXT] = { "next", "next (\xe2\x80\xba)", "next" },
	[ACTION_LANGUAGE] = { "language", "language", "the language button" },
	[ACTION_TEXT_SIZE] = { "text-size", "A+", "A+" },
	[ACTION_QUICK_EXIT] = { "quick-exit", "Quick exit", "Quick exit" },
	[ACTION_OPEN] = { "open", "topic", "a topic" },
	[ACTION_MENU_PAGE] = { "menu-page", "next page of topics", "a page of topics" },
	[ACTION_SET_LANGUAGE] = { "set-language", "language", "a language" },
	[ACTION_CONTRAST] = { "contrast", "contrast (\xe2\x97\x90)", "the contrast button" },
	[ACTION_SPEECH] = { "speech", "Listen", "the Listen button" },
};
_Static_assert(sizeof action_names / sizeof action_names[0] == ACTION_COUNT_, "names for every action");

const char *kiosk_mode_name(enum kiosk_mode m)
{
	return (unsigned)m < KIOSK_MODE_COUNT_ && mode_names[m].name ? mode_names[m].name : "?";
}

const char *kiosk_mode_where(enum kiosk_mode m)
{
	return (unsigned)m < KIOSK_MODE_COUNT_ && mode_names[m].where ? mode_names[m].where : "?";
}

const char *kiosk_action_name(enum kiosk_action a)
{
	return (unsigned)a < ACTION_COUNT_ && action_names[a].name ? action_names[a].name : "?";
}

const char *kiosk_action_button(enum kiosk_action a)
{
	return (unsigned)a < ACTION_COUNT_ && action_names[a].button ? action_names[a].button : "?";
}

const char *kiosk_action_target(enum kiosk_action a)
{
	return (unsigned)a < ACTION_COUNT_ && action_names[a].target ? action_names[a].target : "?";
}

/* ---- the loop ------------------------------------------------------------- */

/* The loop's screens, in order. */
static void loop_build(struct kiosk *k)
{
	k->n_loop = 0;
	for (size_t i = 0; i < k->content->n_screens && k->n_loop < KIOSK_MAX_LOOP; i++)
		if (k->content->screens[i].loop)
			k->loop[k->n_loop++] = (int)i;
}

void kiosk_init(struct kiosk *k, const struct content *c, uint64_t now)
{
	memset(k, 0, sizeof *k);
	k->content = c;
	k->mode = KIOSK_ATTRACT;
	k->text_scale = 1.0;
	loop_build(k);
	k->page_count = xcalloc(c->n_screens ? c->n_screens : 1, sizeof *k->page_count);
	for (size_t i = 0; i < c->n_screens; i++)
		k->page_count[i] = 1;
	kiosk_privacy_reset(k, now);
}

bool kiosk_set_speech(struct kiosk *k, bool ready, bool on)
{
	bool changed = k->speech_ready != ready || k->speech_on != (on && ready);
	k->speech_ready = ready;
	k->speech_on = on && ready;
	return changed;
}

void kiosk_privacy_reset(struct kiosk *k, uint64_t now)
{
	k->mode = KIOSK_ATTRACT;
	k->lang = 0;
	k->text_scale = 1.0;
	k->high_contrast = false;
	k->n_history = 0;
	k->menu_page = 0;
	k->pressed = ACTION_NONE;
	k->in_transition = false;
	k->notice = false;
	k->loop_pos = 0;
	/* With nothing marked for the loop, the first screen stands still. */
	k->view = (struct kiosk_view){ k->n_loop ? k->loop[0] : 0, 0 };
	k->shown_at = now;
	k->last_input = now;
}

/* The index in c of old's screen s, or -1. */
static int same_screen(const struct content *old, int s, const struct content *c)
{
	return s >= 0 && (size_t)s < old->n_screens ? content_find_screen(c, old->screens[s].id) : -1;
}

void kiosk_rebind(struct kiosk *k, const struct content *c, uint64_t now)
{
	const struct content *old = k->content;
	int screen = same_screen(old, k->view.screen, c);
	/* a visitor keeps their language; the loop takes the new default */
	size_t lang = 0;
	for (size_t i = 0; k->mode != KIOSK_ATTRACT && i < c->n_langs; i++)
		if (strcmp(c->langs[i], old->langs[k->lang]) == 0)
			lang = i;
	size_t kept = 0;
	for (size_t i = 0; i < k->n_history; i++) {
		struct kiosk_view v = k->history[i];
		if (v.page >= 0 && (v.screen = same_screen(old, v.screen, c)) < 0)
			continue;
		k->history[kept++] = v;
	}
	k->n_history = kept;

	k->content = c;
	free(k->page_count);
	k->page_count = xcalloc(c->n_screens ? c->n_screens : 1, sizeof *k->page_count);
	for (size_t i = 0; i < c->n_screens; i++)
		k->page_count[i] = 1;
	loop_build(k);
	k->in_transition = false;
	k->pressed = ACTION_NONE;
	if (screen < 0) {
		kiosk_privacy_reset(k, now);
		return;
	}
	k->lang = lang;
	k->view.screen = screen;
	k->loop_pos = 0;
	for (size_t i = 0; i < k->n_loop; i++)
		if (k->loop[i] == screen)
			k->loop_pos = i;
}

void kiosk_free(struct kiosk *k)
{
	if (!k)
		return;
	free(k->page_count);
	k->page_count = NULL;
}

void kiosk_set_page_counts(struct kiosk *k, const int *counts, size_t n)
{
	for (size_t i = 0; i < n && i < k->content->n_screens; i++)
		k->page_count[i] = counts[i] > 0 ? counts[i] : 1;
	if (k->view.page >= k->page_count[k->view.screen])
		k->view.page = k->page_count[k->view.screen] - 1;
	if (k->in_transition && k->from.page >= k->page_count[k->from.screen])
		k->in_transition = false;
}

uint64_t kiosk_dwell_ms(const struct kiosk *k, int screen)
{
	if (k->notice && screen == k->content->quick_exit) {
		/* an ordinary notice after Quick exit: it stays quick_exit_hold in
		 * all, its pages (if it has several) taking turns */
		int pages = k->page_count[screen] > 0 ? k->page_count[screen] : 1;
		return (uint64_t)llround(k->content->quick_exit_hold * 1000.0 / pages);
	}
	double s = k->content->screens[screen].duration;
	if (s <= 0)
		s = k->content->cycle;
	return (uint64_t)llround(s * 1000.0);
}

bool kiosk_showing_notice(const struct kiosk *k)
{
	return k->notice && k->mode == KIOSK_ATTRACT && k->view.screen == k->content->quick_exit;
}

static bool loop_moves(const struct kiosk *k)
{
	return k->n_loop > 1 || (k->n_loop == 1 && k->page_count[k->loop[0]] > 1);
}

/* The view that follows the current one in the loop. */
static void loop_advance(struct kiosk *k)
{
	if (k->view.page + 1 < k->page_count[k->view.screen]) {
		k->view.page++;
		return;
	}
	k->notice = false; /* the loop takes over again */
	k->loop_pos = (k->loop_pos + 1) % k->n_loop;
	k->view.screen = k->loop[k->loop_pos];
	k->view.page = 0;
}

/* Asleep, from a clean start: nothing of a visitor is kept. */
static void fall_asleep(struct kiosk *k, uint64_t now)
{
	kiosk_privacy_reset(k, now);
	k->mode = KIOSK_SLEEP;
}

bool kiosk_set_sleep(struct kiosk *k, bool asleep, uint64_t now)
{
	if (asleep == k->sleep_wanted)
		return false;
	k->sleep_wanted = asleep;
	if (asleep && k->mode == KIOSK_ATTRACT) {
		fall_asleep(k, now);
		return true;
	}
	if (!asleep && k->mode == KIOSK_SLEEP) {
		kiosk_privacy_reset(k, now);
		return true;
	}
	return false;
}

bool kiosk_tick(struct kiosk *k, uint64_t now)
{
	bool changed = false;
	if (k->mode == KIOSK_SLEEP)
		return false;
	/* wanted asleep but showing the loop (after a Quick exit): one dwell */
	if (k->mode == KIOSK_ATTRACT && k->sleep_wanted &&
	    now >= k->shown_at + kiosk_dwell_ms(k, k->view.screen)) {
		fall_asleep(k, now);
		return true;
	}
	if (k->in_transition && now >= k->transition_start + KIOSK_TRANSITION_MS) {
		k->in_transition = false;
		changed = true;
	}
	uint64_t idle_ms = (uint64_t)llround(k->content->idle_timeout * 1000.0);
	if ((k->mode == KIOSK_BROWSE || k->mode == KIOSK_MENU || k->mode == KIOSK_LANGS) &&
	    now >= k->last_input + idle_ms) {
		k->before_idle = k->mode;
		k->mode = KIOSK_IDLE;
		k->idle_since = now;
		return true;
	}
	if (k->mode == KIOSK_IDLE) {
		if (now >= k->idle_since + KIOSK_IDLE_GRACE_MS) {
			kiosk_privacy_reset(k, now);
			if (k->sleep_wanted)
				k->mode = KIOSK_SLEEP;
		}
		return true; /* the countdown moves on */
	}
	if (k->mode != KIOSK_ATTRACT || !loop_moves(k))
		return changed;
	/* Catch up in whole steps if we were asleep for longer than one dwell
	 * (a suspended process, a slow frame): the loop keeps its rhythm. */
	while (now >= k->shown_at + kiosk_dwell_ms(k, k->view.screen)) {
		uint64_t due = k->shown_at + kiosk_dwell_ms(k, k->view.screen);
		k->from = k->view;
		loop_advance(k);
		k->shown_at = due;
		bool animate = k->content->transition != TRANSITION_NONE &&
			       now < due + KIOSK_TRANSITION_MS;
		k->in_transition = animate;
		k->transition_start = due;
		changed = true;
	}
	return changed;
}

uint64_t kiosk_next_deadline(const struct kiosk *k, uint64_t now)
{
	if (k->mode == KIOSK_SLEEP)
		return KIOSK_NO_DEADLINE; /* only a touch or the schedule wakes it */
	if (k->in_transition)
		return now;
	if (k->mode == KIOSK_ATTRACT && k->sleep_wanted)
		return k->shown_at + kiosk_dwell_ms(k, k->view.screen);
	if (k->mode == KIOSK_BROWSE || k->mode == KIOSK_MENU || k->mode == KIOSK_LANGS)
		return k->last_input + (uint64_t)llround(k->content->idle_timeout * 1000.0);
	if (k->mode == KIOSK_IDLE) {
		/* once a second for the countdown, then the reset */
		uint64_t next = k->idle_since + ((now - k->idle_since) / 1000 + 1) * 1000;
		uint64_t reset = k->idle_since + KIOSK_IDLE_GRACE_MS;
		return next < reset ? next : reset;
	}
	if (!loop_moves(k))
		return KIOSK_NO_DEADLINE;
	return k->shown_at + kiosk_dwell_ms(k, k->view.screen);
}

double kiosk_transition_progress(const struct kiosk *k, uint64_t now)
{
	if (!k->in_transition)
		return 1.0;
	if (now <= k->transition_start)
		return 0.0;
	double t = (double)(now - k->transition_start) / KIOSK_TRANSITION_MS;
	return t > 1.0 ? 1.0 : t;
}

/* ---- touch ---------------------------------------------------------------- */

static bool is_topic(const struct kiosk *k, int screen)
{
	return screen != k->content->quick_exit;
}

static size_t n_calls(const struct screen *sc)
{
	size_t n = 0;
	for (size_t b = 0; b < sc->n_blocks; b++)
		n += sc->blocks[b].kind == BLOCK_CALL;
	return n;
}

/* Whether topic a comes before topic b: the more phone numbers to call a
 * screen has, the earlier (where to get help, what to do in danger); the
 * rest in file order. */
static bool topic_before(const struct content *c, int a, int b)
{
	size_t na = n_calls(&c->screens[a]), nb = n_calls(&c->screens[b]);
	return na != nb ? na > nb : a < b;
}

/* The place of screen among the topics, or -1 (the neutral screen). */
static int topic_rank(const struct kiosk *k, int screen)
{
	const struct content *c = k->content;
	if (screen < 0 || (size_t)screen >= c->n_screens || !is_topic(k, screen))
		return -1;
	int rank = 0;
	for (size_t s = 0; s < c->n_screens; s++)
		rank += is_topic(k, (int)s) && topic_before(c, (int)s, screen);
	return rank;
}

/* The topic just after (dir 1) or just before (dir -1) screen in that
 * order; -1 at either end. */
static int topic_next(const struct kiosk *k, int screen, int dir)
{
	const struct content *c = k->content;
	int best = -1;
	for (size_t i = 0; i < c->n_screens; i++) {
		int s = (int)i;
		if (!is_topic(k, s) || s == screen)
			continue;
		bool beyond = dir > 0 ? topic_before(c, screen, s) : topic_before(c, s, screen);
		bool nearer = best < 0 || (dir > 0 ? topic_before(c, s, best) : topic_before(c, best, s));
		if (beyond && nearer)
			best = s;
	}
	return best;
}

size_t kiosk_topics(const struct kiosk *k, int *out, size_t cap)
{
	size_t n = 0;
	for (size_t s = 0; s < k->content->n_screens; s++) {
		if (!is_topic(k, (int)s))
			continue;
		/* insertion, stable: a screen goes after those before it; with
		 * out full, the last falls off when one comes before it */
		size_t at = n < cap ? n : cap;
		while (at > 0 && topic_before(k->content, (int)s, out[at - 1])) {
			if (at < cap)
				out[at] = out[at - 1];
			at--;
		}
		if (at < cap)
			out[at] = (int)s;
		n++;
	}
	return n;
}

/* The view one step forward (dir 1) or back (dir -1) through the pages of
 * the topics, in the order of the topics menu; false at either end. */
static bool step_view(const struct kiosk *k, struct kiosk_view *v, int dir)
{
	if (topic_rank(k, v->screen) < 0)
		return false; /* the neutral screen is not one of the topics */
	int page = v->page + dir;
	if (page >= 0 && page < k->page_count[v->screen]) {
		v->page = page;
		return true;
	}
	int s = topic_next(k, v->screen, dir);
	if (s < 0)
		return false;
	v->screen = s;
	v->page = dir > 0 ? 0 : k->page_count[s] - 1;
	return true;
}

bool kiosk_can_prev(const struct kiosk *k)
{
	struct kiosk_view v = k->view;
	return k->mode == KIOSK_BROWSE && step_view(k, &v, -1);
}

bool kiosk_can_next(const struct kiosk *k)
{
	struct kiosk_view v = k->view;
	return k->mode == KIOSK_BROWSE && step_view(k, &v, 1);
}

bool kiosk_can_back(const struct kiosk *k)
{
	return k->n_history > 0 || k->mode == KIOSK_LANGS;
}

void kiosk_topic_position(const struct kiosk *k, int *index, int *total)
{
	*index = topic_rank(k, k->view.screen);
	*total = (int)kiosk_topics(k, NULL, 0);
}

/* Remembers where the visitor is, for Back; the oldest falls off. */
static void history_push(struct kiosk *k)
{
	if (k->n_history == KIOSK_MAX_HISTORY) {
		memmove(&k->history[0], &k->history[1], (KIOSK_MAX_HISTORY - 1) * sizeof k->history[0]);
		k->n_history--;
	}
	k->history[k->n_history++] = k->mode == KIOSK_MENU
					     ? (struct kiosk_view){ k->menu_page, -1 }
					     : k->view;
}

static void do_quick_exit(struct kiosk *k, uint64_t now)
{
	kiosk_privacy_reset(k, now);
	if (k->content->quick_exit >= 0) {
		k->view = (struct kiosk_view){ k->content->quick_exit, 0 };
		k->notice = true;
		/* the loop resumes from here: its next step is the first screen */
		k->loop_pos = k->n_loop ? k->n_loop - 1 : 0;
	}
}

/* What a visitor of pose p reads under the picker and the notice (the mode
 * itself for the other frames). */
static enum kiosk_mode pose_base(const struct kiosk_pose *p)
{
	if (p->mode != KIOSK_LANGS && p->mode != KIOSK_IDLE)
		return p->mode;
	if (p->under == KIOSK_MENU || (p->mode == KIOSK_IDLE && p->under == KIOSK_LANGS))
		return p->under;
	return KIOSK_BROWSE;
}

void kiosk_pose(struct kiosk *k, const struct kiosk_pose *p, uint64_t now)
{
	kiosk_privacy_reset(k, now);
	k->swallow = false;
	k->before_langs = k->before_idle = KIOSK_BROWSE;
	if (p->mode == KIOSK_SLEEP) {
		k->sleep_wanted = true;
		k->mode = KIOSK_SLEEP;
		return;
	}
	k->sleep_wanted = false;
	k->speech_ready = p->speech_ready;
	k->speech_on = false;
	k->lang = p->lang < k->content->n_langs ? p->lang : 0;
	k->text_scale = p->large_text ? KIOSK_LARGE_TEXT : 1.0;
	k->high_contrast = p->high_contrast;
	k->menu_page = p->menu_page > 0 ? p->menu_page : 0;
	struct kiosk_view v = p->view;
	if (v.screen < 0 || (size_t)v.screen >= k->content->n_screens)
		v.screen = 0;
	if (v.page >= k->page_count[v.screen])
		v.page = k->page_count[v.screen] - 1;
	if (v.page < 0)
		v.page = 0;
	k->view = k->from = v;
	k->loop_pos = 0;
	for (size_t i = 0; i < k->n_loop; i++)
		if (k->loop[i] == v.screen)
			k->loop_pos = i;

	enum kiosk_mode base = pose_base(p);
	if (base == KIOSK_ATTRACT) {
		k->mode = KIOSK_ATTRACT;
		if (p->notice && v.screen == k->content->quick_exit) {
			/* as do_quick_exit() leaves it */
			k->notice = true;
			k->loop_pos = k->n_loop ? k->n_loop - 1 : 0;
		}
		return;
	}
	if (base == KIOSK_MENU) /* from the screen they were reading */
		k->history[k->n_history++] = v;
	else if (p->history)
		k->history[k->n_history++] = (struct kiosk_view){ k->menu_page, -1 };
	k->mode = base; /* KIOSK_LANGS: the picker over reading */
	if (p->mode == KIOSK_LANGS) {
		k->before_langs = base;
		k->mode = KIOSK_LANGS;
	} else if (p->mode == KIOSK_IDLE) {
		k->before_idle = base;
		k->mode = KIOSK_IDLE;
		k->idle_since = now;
	}
}

static bool act(struct kiosk *k, enum kiosk_action action, int arg, uint64_t now)
{
	struct kiosk_view v = k->view;
	switch (action) {
	case ACTION_NONE:
	case ACTION_COUNT_:
		return false;
	case ACTION_QUICK_EXIT:
		do_quick_exit(k, now);
		return true;
	case ACTION_BACK:
		if (k->mode == KIOSK_LANGS) { /* Back closes the picker */
			k->mode = k->before_langs;
			return true;
		}
		if (!k->n_history)
			return false;
		v = k->history[--k->n_history];
		if (v.page < 0) {
			k->mode = KIOSK_MENU;
			k->menu_page = v.screen;
		} else {
			k->mode = KIOSK_BROWSE;
			k->view = v;
		}
		return true;
	case ACTION_HOME:
		if (k->mode == KIOSK_LANGS)
			k->mode = k->before_langs;
		if (k->mode == KIOSK_MENU)
			return false;
		history_push(k);
		k->mode = KIOSK_MENU;
		k->menu_page = 0;
		return true;
	case ACTION_PREV:
	case ACTION_NEXT:
		if (k->mode != KIOSK_BROWSE || !step_view(k, &v, action == ACTION_NEXT ? 1 : -1))
			return false;
		history_push(k);
		k->view = v;
		return true;
	case ACTION_LANGUAGE:
		if (k->content->n_langs < 2)
			return false;
		if (k->mode == KIOSK_LANGS) {
			k->mode = k->before_langs;
		} else {
			k->before_langs = k->mode;
			k->mode = KIOSK_LANGS;
		}
		return true;
	case ACTION_SET_LANGUAGE:
		if (k->mode != KIOSK_LANGS || arg < 0 || (size_t)arg >= k->content->n_langs)
			return false;
		k->lang = (size_t)arg;
		k->mode = k->before_langs;
		return true;
	case ACTION_CONTRAST:
		k->high_contrast = !k->high_contrast;
		return true;
	case ACTION_SPEECH:
		/* the edge turns speech on or off; here the loop stops, so
		 * what is read stays on screen */
		if (k->mode == KIOSK_ATTRACT || k->mode == KIOSK_IDLE) {
			k->mode = k->mode == KIOSK_IDLE ? k->before_idle : KIOSK_BROWSE;
			k->notice = false;
			k->in_transition = false;
		}
		return k->speech_ready;
	case ACTION_TEXT_SIZE:
		k->text_scale = k->text_scale > 1.0 ? 1.0 : KIOSK_LARGE_TEXT;
		return true;
	case ACTION_OPEN:
		if (arg < 0 || (size_t)arg >= k->content->n_screens || k->mode != KIOSK_MENU)
			return false;
		history_push(k);
		k->mode = KIOSK_BROWSE;
		k->view = (struct kiosk_view){ arg, 0 };
		return true;
	case ACTION_MENU_PAGE:
		if (k->mode != KIOSK_MENU || arg < 0)
			return false;
		k->menu_page = arg;
		return true;
	}
	return false;
}

bool kiosk_input(struct kiosk *k, enum kiosk_input in, enum kiosk_action action, int arg,
		 uint64_t now)
{
	k->last_input = now;
	if (in == INPUT_DOWN) {
		k->swallow = false;
		bool at_once = action == ACTION_QUICK_EXIT || (action == ACTION_SPEECH && k->speech_ready);
		if (k->mode == KIOSK_IDLE && !at_once) {
			k->mode = k->before_idle;
			k->swallow = true;
			return true;
		}
		if (k->mode == KIOSK_SLEEP) {
			/* wake: the screen comes on for the idle timeout, and the
			 * touch that woke it does nothing else */
			k->mode = KIOSK_BROWSE;
			k->swallow = true;
			return true;
		}
		if (k->mode == KIOSK_ATTRACT && !at_once) {
			/* wake: the loop pauses on what is shown now */
			k->mode = KIOSK_BROWSE;
			k->notice = false;
			k->in_transition = false;
			k->swallow = true;
			return true;
		}
		k->pressed = action;
		k->pressed_arg = arg;
		return action != ACTION_NONE;
	}

	/* the end of a gesture */
	bool was_pressed = k->pressed != ACTION_NONE;
	k->pressed = ACTION_NONE;
	if (k->swallow) {
		k->swallow = false;
		return was_pressed;
	}
	bool quick = in == INPUT_TAP && (action == ACTION_QUICK_EXIT || (action == ACTION_SPEECH && k->speech_ready));
	if (k->mode == KIOSK_SLEEP || (!quick && (k->mode == KIOSK_IDLE || k->mode == KIOSK_ATTRACT))) {
		/* an end without a beginning (a lost down event): treat as a wake */
		if (k->mode == KIOSK_IDLE)
			k->mode = k->before_idle;
		else
			k->mode = KIOSK_BROWSE;
		k->in_transition = false;
		return true;
	}
	if (k->content->rtl[k->lang] && (in == INPUT_SWIPE_NEXT || in == INPUT_SWIPE_PREV))
		/* right to left, the next page lies to the left: swipe left to right */
		in = in == INPUT_SWIPE_NEXT ? INPUT_SWIPE_PREV : INPUT_SWIPE_NEXT;
	switch (in) {
	case INPUT_TAP:
		return act(k, action, arg, now) || was_pressed;
	case INPUT_SWIPE_NEXT:
		return act(k, ACTION_NEXT, 0, now) || was_pressed;
	case INPUT_SWIPE_PREV:
		return act(k, ACTION_PREV, 0, now) || was_pressed;
	default:
		return was_pressed;
	}
}

bool kiosk_input_of(enum gesture_kind g, enum kiosk_input *out)
{
	switch (g) {
	case GESTURE_DOWN:
		*out = INPUT_DOWN;
		return true;
	case GESTURE_TAP:
		*out = INPUT_TAP;
		return true;
	case GESTURE_SWIPE_LEFT:
		*out = INPUT_SWIPE_NEXT;
		return true;
	case GESTURE_SWIPE_RIGHT:
		*out = INPUT_SWIPE_PREV;
		return true;
	case GESTURE_CANCEL:
		*out = INPUT_CANCEL;
		return true;
	default:
		return false;
	}
}
