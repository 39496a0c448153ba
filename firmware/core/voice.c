/* voice.c — a visitor's speech session; see voice.h. */
#include "voice.h"

#include <math.h>

void voice_init(struct voice *v)
{
	*v = (struct voice){ .volume = VOICE_VOLUME_START, .rate = VOICE_RATE_START };
}

bool voice_reset(struct voice *v)
{
	bool was = v->on;
	voice_init(v);
	return was;
}

struct voice_reply voice_start(struct voice *v)
{
	if (v->on)
		return (struct voice_reply){ .say = VOICE_SAY_NOTHING };
	v->on = true;
	v->cur.step = 0;
	return (struct voice_reply){ .stop = true, .wake = true, .intro = true, .say = VOICE_SAY_ON };
}

struct voice_reply voice_frame_changed(struct voice *v)
{
	if (!v->on)
		return (struct voice_reply){ .say = VOICE_SAY_NOTHING };
	v->cur.step = 0;
	return (struct voice_reply){ .stop = true, .say = VOICE_SAY_ON };
}

void voice_heard(struct voice *v, size_t step)
{
	if (v->on)
		v->cur.step = step;
}

static int clamp(int x, int lo, int hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

/* The button the cursor is on, if its step is one. */
static const struct utterance *button_at(const struct speech *sp, const struct speech_cursor *cur)
{
	size_t n;
	const struct utterance *u = speech_cursor_get(sp, cur, &n);
	for (size_t i = 0; u && i < n; i++)
		if (u[i].part == SPEECH_BUTTON && u[i].action != ACTION_NONE)
			return &u[i];
	return NULL;
}

struct voice_reply voice_key(struct voice *v, const struct speech *sp, enum voice_key key)
{
	struct voice_reply r = { .say = VOICE_SAY_NOTHING };
	if (key == VOICE_KEY_NONE || key >= VOICE_KEY_COUNT_)
		return r;
	r.wake = true;
	if (key == VOICE_KEY_QUICK_EXIT) {
		r.stop = voice_reset(v);
		r.press = ACTION_QUICK_EXIT;
		return r;
	}
	if (!v->on) {
		/* the first key only turns speech on: what it would do is not
		 * done, as the touch that wakes the kiosk does nothing else */
		return voice_start(v);
	}
	r.stop = true;
	switch (key) {
	case VOICE_KEY_NEXT:
		speech_cursor_next(sp, &v->cur); /* at the end: the last step again */
		r.say = VOICE_SAY_STEP;
		break;
	case VOICE_KEY_PREV:
		speech_cursor_prev(sp, &v->cur);
		r.say = VOICE_SAY_STEP;
		break;
	case VOICE_KEY_NEXT_SCREEN:
	case VOICE_KEY_PREV_SCREEN:
		/* a new screen is read from the top; where there is none, the
		 * step is said again, so a key is never met with silence */
		r.press = key == VOICE_KEY_NEXT_SCREEN ? ACTION_NEXT : ACTION_PREV;
		r.say = VOICE_SAY_STEP;
		break;
	case VOICE_KEY_CHOOSE: {
		const struct utterance *b = button_at(sp, &v->cur);
		if (b) {
			r.press = b->action;
			r.arg = b->arg;
		}
		r.say = VOICE_SAY_STEP;
		break;
	}
	case VOICE_KEY_REPEAT:
		r.say = VOICE_SAY_STEP;
		break;
	case VOICE_KEY_HELP:
		r.say = VOICE_SAY_HELP;
		break;
	case VOICE_KEY_LOUDER:
	case VOICE_KEY_QUIETER:
		v->volume = clamp(v->volume + (key == VOICE_KEY_LOUDER ? 1 : -1), 1, VOICE_VOLUMES);
		r.say = VOICE_SAY_STEP;
		break;
	case VOICE_KEY_FASTER:
	case VOICE_KEY_SLOWER:
		v->rate = clamp(v->rate + (key == VOICE_KEY_FASTER ? VOICE_RATE_STEP : -VOICE_RATE_STEP),
				VOICE_RATE_MIN, VOICE_RATE_MAX);
		r.say = VOICE_SAY_STEP;
		break;
	default:
		break;
	}
	return r;
}

double voice_gain(int volume)
{
	/* 3 dB a step: 0.25 at the quietest, 4 at the loudest */
	return pow(2.0, (double)(clamp(volume, 1, VOICE_VOLUMES) - VOICE_VOLUME_START) / 2.0);
}

struct voice_frame voice_frame_of(const struct kiosk *k)
{
	return (struct voice_frame){ .mode = k->mode,
				     .screen = k->view.screen,
				     .page = k->view.page,
				     .menu_page = k->menu_page,
				     .lang = k->lang,
				     .notice = k->notice };
}

bool voice_frame_same(struct voice_frame a, struct voice_frame b)
{
	/* the loop and reading show the same screen: a key that wakes the
	 * kiosk on the screen shown does not start it again */
	bool a_screen = a.mode == KIOSK_ATTRACT || a.mode == KIOSK_BROWSE;
	bool b_screen = b.mode == KIOSK_ATTRACT || b.mode == KIOSK_BROWSE;
	if (a_screen != b_screen || (!a_screen && a.mode != b.mode))
		return false;
	return a.screen == b.screen && a.page == b.page && a.menu_page == b.menu_page && a.lang == b.lang &&
	       a.notice == b.notice;
}
