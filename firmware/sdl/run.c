/* run.c — the running kiosk: app_run() sets up, runs the event loop
 * (loop.h) and tears down. Its sources and timers:
 *
 *   sources  signals (SIGTERM/SIGINT stop, SIGHUP reload), the content
 *            file's folder, the clock being set, the clock being marked
 *            synchronised (until it is; clock_trust.h), the input
 *            devices' folder, the headphone sockets that report a plug
 *            (jack.h, while speech has an output setting), and (wake.c's
 *            own) the display connection or the input devices;
 *   timers   kiosk (its next deadline: loop turn, idle notice, countdown,
 *            reset, or a frame while a transition runs), watchdog, reload
 *            (the file has been quiet for a moment), schedule (the next
 *            change of banner or sleep), devices (ask SDL while udev
 *            tells it of a new device), sdl (a window system that cannot
 *            be listened to), check (a reload's check in a child, given
 *            verdict_wall_ms()), proven (new content on screen long
 *            enough to be the last good copy); and while that check runs, its report's
 *            pipe is a source too.
 *
 * Each pass: the clock once, ready sources and due timers, SDL's events,
 * a frame if something changed, then one wait until the nearest timer.
 * The core decides everything; this file applies its answers. */
#include "app.h"

#include "backlight.h"
#include "clock.h"
#include "run.h"
#include "schedule.h"
#include "schedule_run.h"
#include "timers.h"

#include <SDL.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void fade_forget(struct fade *f)
{
	for (int i = 0; i < 2; i++) {
		if (f->page[i])
			SDL_DestroyTexture(f->page[i]);
		f->page[i] = NULL;
	}
	f->start = UINT64_MAX;
}

/* Lays every screen out again for the output size, language and text size;
 * drops cached textures. With first_only, only the screen on view when the
 * frame shows it alone (not the topics, drawn over another screen, nor a
 * slide or fade between two): the first frame waits for its layout alone,
 * and whole_deck() (after that frame, or before anything could move off
 * the screen) does the rest. */
static void relayout_as(struct run *st, bool first_only)
{
	display_layout(&st->disp, st->c->rotation);
	text_measurers(&st->text, st->by_lang);
	st->m = st->by_lang[st->kiosk.lang];
	deck_free(&st->deck);
	struct layout_spec spec = { .w = st->disp.lw, .h = st->disp.lh, .lang = st->kiosk.lang,
				    .text_scale = st->kiosk.text_scale, .out_of_hours = st->closed,
				    .listen = st->speaker.dev != 0 };
	if (first_only && scene_view_alone(&st->kiosk))
		deck_build_first(&st->deck, &st->m, st->c, spec, (size_t)st->kiosk.view.screen);
	else
		deck_build(&st->deck, &st->m, st->c, spec);
	kiosk_set_page_counts(&st->kiosk, st->deck.page_counts, st->deck.n);
	gesture_init(&st->gesture, st->deck.layouts[st->deck.first].m.px_per_mm);
	render_flush(&st->render);
	fade_forget(&st->fade);
	st->dirty = true;
}

static void relayout(struct run *st)
{
	relayout_as(st, false);
}

/* The screens relayout_as() left, laid out now. */
static void whole_deck(struct run *st)
{
	if (!st->deck.partial)
		return;
	deck_finish(&st->deck, &st->m);
	kiosk_set_page_counts(&st->kiosk, st->deck.page_counts, st->deck.n);
}

static void voice_follow(struct run *st, uint64_t now);
static void on_voice_key(struct run *st, enum voice_key key, uint64_t now);
static void on_headset(struct run *st, uint64_t now);
static void on_listen(struct run *st, uint64_t now);
static void speech_off(struct run *st);
static void add_sockets(struct run *st);
static void speak(struct run *st, const struct voice_reply *r, uint64_t now);
static void voice_press(struct run *st, const struct voice_reply *r, uint64_t now);

/* After the kiosk changed: a new layout when its language or text size
 * did (a privacy reset restores both), the trace's line, and speech
 * following the frame. */
static void changed(struct run *st, const char *why, uint64_t now)
{
	if (st->kiosk.lang != st->deck.lang || st->kiosk.text_scale != st->deck.text_scale)
		relayout(st);
	trace_state(&st->trace, st->c, &st->kiosk, why, now);
	voice_follow(st, now);
}

static void arm(struct run *st, enum run_timer t, uint64_t due);
static void reload(struct run *st, const char *why, uint64_t now);

/* ---- drawing -------------------------------------------------------------- */

static void build(struct run *st, const struct kiosk *k, uint64_t now)
{
	struct scene_input in = { st->c, k, st->deck.layouts, &st->m, now, st->by_lang };
	scene_build(&st->dl, &in);
}

/* A fade in the attract loop: the leaving and the arriving page are drawn
 * once, into two textures, when it starts; each frame then costs two copies
 * (one of them blended) instead of drawing two full pages. Returns false
 * when it cannot (no target textures): then the frame is drawn as usual. */
static bool draw_fade(struct run *st, uint64_t now)
{
	struct kiosk *k = &st->kiosk;
	struct fade *f = &st->fade;
	SDL_Renderer *r = st->disp.r;
	if (f->start != k->transition_start) {
		fade_forget(f);
		struct kiosk still = *k; /* each page on its own, without the fade */
		still.in_transition = false;
		for (int i = 0; i < 2; i++) {
			/* pages are opaque: without an alpha channel, SDL's software
			 * renderer fades with one alpha for the whole copy (its fast
			 * path), about 10 times cheaper than blending per pixel */
			f->page[i] = SDL_CreateTexture(r, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
						       st->disp.lw, st->disp.lh);
			if (!f->page[i] || SDL_SetRenderTarget(r, f->page[i]) != 0) {
				SDL_SetRenderTarget(r, NULL);
				fade_forget(f);
				return false;
			}
			still.view = i == 0 ? k->from : k->view;
			build(st, &still, now); /* the arriving page's buttons stay in dl */
			render_frame(&st->render, &st->dl);
		}
		SDL_SetTextureBlendMode(f->page[0], SDL_BLENDMODE_NONE);
		SDL_SetTextureBlendMode(f->page[1], SDL_BLENDMODE_BLEND);
		f->start = k->transition_start;
	}
	display_begin(&st->disp);
	SDL_RenderCopy(r, f->page[0], NULL, NULL);
	SDL_SetTextureAlphaMod(f->page[1], scene_fade_alpha(k, now));
	SDL_RenderCopy(r, f->page[1], NULL, NULL);
	return true;
}

/* A frame: the backlight on before a frame that needs it and off after
 * the black frame of sleep; the first frame (on KMS/DRM drawn twice) says
 * READY=1, and what it shows becomes the last good content. */
static void draw(struct run *st, uint64_t now)
{
	bool asleep = st->kiosk.mode == KIOSK_SLEEP;
	schedule_run_backlight(&st->backlight_off, asleep, true);
	bool faded = st->kiosk.in_transition && st->kiosk.mode == KIOSK_ATTRACT &&
		     st->c->transition == TRANSITION_FADE && draw_fade(st, now);
	if (!st->kiosk.in_transition && st->fade.page[0])
		fade_forget(&st->fade); /* 2 full-screen textures are not kept idle */
	if (!faded) {
		build(st, &st->kiosk, now);
		display_begin(&st->disp);
		render_frame(&st->render, &st->dl);
	}
	display_present(&st->disp);
	trace_buttons(&st->trace, &st->dl);
	if (st->input_at && st->trace.on) {
		double ms = (double)(SDL_GetPerformanceCounter() - st->input_counter) * 1000.0 /
			    (double)SDL_GetPerformanceFrequency();
		fprintf(stderr, "trace: presented %.3f ms after handling input (%u ms after the event)\n",
			ms, SDL_GetTicks() - st->input_at);
	}
	st->input_at = 0;
	if (st->ops.save_good) { /* new content on screen: proven in a while */
		ops_shown(st);
		arm(st, TIMER_PROVEN, now + (uint64_t)ops_proven_ms());
	}
	schedule_run_backlight(&st->backlight_off, asleep, false);
	st->dirty = st->kiosk.in_transition; /* keep animating */
	if (!st->ready_sent && st->disp.kms && ++st->start_frames < 2) {
		/* On KMS/DRM the first frame is drawn twice: the first present
		 * only sets the mode (drmModeSetCrtc), and virtio-gpu shows a
		 * frame from the first page flip on, so a static first screen
		 * stayed black until the attract loop's next screen (seen in
		 * tests/system/vm.sh). Elsewhere one present shows it. */
		st->dirty = true;
	} else if (!st->ready_sent) {
		notify_send(&st->notify, "READY=1"); /* the first frame is on screen */
		st->ready_sent = true;
		if (st->trace.on) /* tests wait for this, not for a guessed time */
			fprintf(stderr, "trace: ready\n");
		if (st->ops.check_at_start) /* the last good copy is: now the file (ops.h) */
			reload(st, "start", now);
		/* after the first frame, which never waits for sound */
		speaker_open(&st->speaker, st->c->speech_output, st->c->speech_name, st->trace.on);
		add_sockets(st);
	}
	whole_deck(st); /* the first frame is shown: now the other screens */
}

/* ---- input ---------------------------------------------------------------- */

enum pointer_kind { POINTER_DOWN, POINTER_MOVE, POINTER_UP };

/* One recognised gesture: hit-test where it started on the frame now shown,
 * and tell the kiosk. */
static void feed(struct run *st, struct gesture g, Uint32 timestamp, uint64_t now)
{
	enum kiosk_input in;
	if (!kiosk_input_of(g.kind, &in))
		return;
	whole_deck(st); /* input may move to another screen */
	int arg;
	enum kiosk_action action = scene_hit(&st->dl, g.x, g.y, &arg);
	bool woke = st->kiosk.mode == KIOSK_SLEEP;
	if (kiosk_input(&st->kiosk, in, action, arg, now)) {
		st->dirty = true;
		if (!st->input_at) {
			st->input_at = timestamp;
			st->input_counter = SDL_GetPerformanceCounter();
		}
	}
	changed(st, woke && st->kiosk.mode != KIOSK_SLEEP ? "wake"
		    : action == ACTION_QUICK_EXIT && in == INPUT_TAP ? "quick-exit"
								     : "input",
		now);
	if (in == INPUT_TAP && action == ACTION_SPEECH && st->kiosk.speech_ready)
		on_listen(st, now);
}

/* ---- touch exploration ---------------------------------------------------- */

/* While speech is on, a finger says what is under it and a double tap
 * chooses it; a swipe still turns the page. Reading, the topics and the
 * picker are explored; the loop, sleep and the idle notice take a touch
 * as ever (it wakes them). A touch that lands on Quick exit is never
 * explored: one touch there works at once, with speech or without. */
static bool exploring(struct run *st, enum pointer_kind kind, int x, int y)
{
	enum kiosk_mode m = st->kiosk.mode;
	if (!st->voice.on || !(m == KIOSK_BROWSE || m == KIOSK_MENU || m == KIOSK_LANGS))
		return false;
	if (kind == POINTER_DOWN) {
		int arg;
		st->quick_touch = scene_hit(&st->dl, x, y, &arg) == ACTION_QUICK_EXIT;
	}
	return !st->quick_touch;
}

#define DOUBLE_TAP_MS 500

/* Says what is at (x, y) on the frame shown, unless it was just said. */
static void explore_at(struct run *st, int x, int y, uint64_t now)
{
	if (!voice_frame_same(st->said, voice_frame_of(&st->kiosk)) || !st->speech.n) {
		speech_build(&st->speech, &(struct speech_input){ st->c, &st->kiosk, st->deck.layouts });
		st->said = voice_frame_of(&st->kiosk);
	}
	int arg;
	enum kiosk_action a = scene_hit(&st->dl, x, y, &arg);
	size_t step = SIZE_MAX;
	if (a != ACTION_NONE)
		step = speech_step_of_button(&st->speech, a, arg);
	else if (st->kiosk.mode == KIOSK_BROWSE)
		step = speech_step_at(&st->speech, &st->deck.layouts[st->kiosk.view.screen], st->kiosk.view.page, x, y);
	if (step == SIZE_MAX || step == st->explored)
		return;
	st->explored = step;
	st->voice.cur.step = step;
	struct voice_reply r = { .stop = true, .say = VOICE_SAY_STEP };
	speak(st, &r, now);
}

static void explore(struct run *st, enum pointer_kind kind, struct gesture g, int x, int y, Uint32 timestamp,
		    uint64_t now)
{
	if (kind == POINTER_DOWN) {
		st->explored = SIZE_MAX; /* a new touch says it again */
		/* a visitor is here: the idle notice waits */
		kiosk_input(&st->kiosk, INPUT_DOWN, ACTION_NONE, 0, now);
		kiosk_input(&st->kiosk, INPUT_CANCEL, ACTION_NONE, 0, now);
	}
	if (kind != POINTER_UP)
		explore_at(st, x, y, now);
	if (g.kind == GESTURE_SWIPE_LEFT || g.kind == GESTURE_SWIPE_RIGHT) {
		feed(st, g, timestamp, now);
		return;
	}
	if (g.kind != GESTURE_TAP)
		return;
	int arg;
	enum kiosk_action a = scene_hit(&st->dl, g.x, g.y, &arg);
	bool second = a != ACTION_NONE && a == st->tap_action && arg == st->tap_arg && now - st->tap_at <= DOUBLE_TAP_MS;
	st->tap_at = now;
	st->tap_action = a;
	st->tap_arg = arg;
	if (!second)
		return;
	st->tap_action = ACTION_NONE; /* a third tap starts again */
	if (a == ACTION_SPEECH) {
		speech_off(st);
		return;
	}
	struct voice_reply r = { .press = a, .arg = arg, .wake = true };
	voice_press(st, &r, now);
}

/* A pointer event on the panel, in output pixels, to the recogniser. */
static void pointer(struct run *st, enum pointer_kind kind, int64_t finger, float px, float py,
		    Uint32 timestamp, uint64_t now)
{
	int lx, ly;
	const struct display *d = &st->disp;
	gesture_rotate_point(d->target ? d->rotation : 0, d->pw, d->ph, (int)px, (int)py, &lx, &ly);
	struct gesture g = kind == POINTER_DOWN   ? gesture_down(&st->gesture, finger, lx, ly, now)
			   : kind == POINTER_MOVE ? gesture_move(&st->gesture, finger, lx, ly, now)
						  : gesture_up(&st->gesture, finger, lx, ly, now);
	if (exploring(st, kind, lx, ly))
		explore(st, kind, g, lx, ly, timestamp, now);
	else
		feed(st, g, timestamp, now);
	if (kind == POINTER_UP)
		st->quick_touch = false;
}

/* A mouse event's place in output pixels. An absolute pointer's raw units
 * (SDL 2.26 on KMS/DRM, see abspointer.h) are replaced by the device's own
 * position, scaled; the device is looked for when a press looks like one. */
static void mouse_place(struct run *st, int ex, int ey, bool press, float *x, float *y)
{
	*x = (float)ex;
	*y = (float)ey;
	int pw = st->disp.pw, ph = st->disp.ph;
	bool suspect = abs_pointer_suspect(pw, ph, ex, ey);
	if (press && (suspect || st->abs.raw) && st->abs.fd < 0 &&
	    abs_pointer_find(&st->abs, "/dev/input") && !st->abs.raw) {
		st->abs.raw = true;
		fprintf(stderr, "signpost: a pointer gives device units (%d..%d x %d..%d), not pixels: "
				"taking its position from the device\n",
			st->abs.min_x, st->abs.max_x, st->abs.min_y, st->abs.max_y);
	}
	int px, py;
	if (st->abs.raw && abs_pointer_read(&st->abs, pw, ph, &px, &py)) {
		*x = (float)px;
		*y = (float)py;
	}
}

static void handle_event(struct run *st, const SDL_Event *ev, uint64_t now)
{
	float x, y;
	switch (ev->type) {
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
	case SDL_FINGERUP:
		/* touch coordinates are 0..1 across the panel */
		pointer(st, ev->type == SDL_FINGERDOWN ? POINTER_DOWN : ev->type == SDL_FINGERMOTION ? POINTER_MOVE : POINTER_UP,
			(int64_t)ev->tfinger.fingerId, ev->tfinger.x * (float)st->disp.pw,
			ev->tfinger.y * (float)st->disp.ph, ev->tfinger.timestamp, now);
		break;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT) {
			bool down = ev->type == SDL_MOUSEBUTTONDOWN;
			mouse_place(st, ev->button.x, ev->button.y, down, &x, &y);
			pointer(st, down ? POINTER_DOWN : POINTER_UP, -1, x, y, ev->button.timestamp, now);
		}
		break;
	case SDL_MOUSEMOTION:
		if (ev->motion.which != SDL_TOUCH_MOUSEID && (ev->motion.state & SDL_BUTTON_LMASK)) {
			mouse_place(st, ev->motion.x, ev->motion.y, false, &x, &y);
			pointer(st, POINTER_MOVE, -1, x, y, ev->motion.timestamp, now);
		}
		break;
	case SDL_KEYDOWN: {
		/* Esc quits only in a development window; in fullscreen nothing a
		 * visitor can press ends the program (it is Quick exit there) */
		if (!st->disp.fullscreen && ev->key.keysym.sym == SDLK_ESCAPE) {
			st->quit = true;
			break;
		}
		enum voice_key key = speaker_key_of(ev->key.keysym.sym, ev->key.keysym.mod, !st->disp.fullscreen);
		if (key != VOICE_KEY_NONE && !ev->key.repeat) {
			st->speaker.key_at = ev->key.timestamp;
			on_voice_key(st, key, now);
		}
		break;
	}
	case SDL_AUDIODEVICEADDED:
	case SDL_AUDIODEVICEREMOVED: {
		bool gone;
		if (speaker_device_event(&st->speaker, &ev->adevice, st->c->speech_output, st->c->speech_name, &gone))
			on_headset(st, now);
		else if (gone)
			speech_off(st);
		break;
	}
	case SDL_WINDOWEVENT:
		if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
			relayout(st);
		else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED)
			st->dirty = true;
		else if (ev->window.event == SDL_WINDOWEVENT_CLOSE && !st->disp.fullscreen)
			st->quit = true;
		break;
	default:
		break;
	}
}

/* ---- timers --------------------------------------------------------------- */

static void arm(struct run *st, enum run_timer t, uint64_t due)
{
	loop_timer_set(&st->loop, st->timer[t], due);
}

/* ---- speech --------------------------------------------------------------- */

static void on_speech(void *ctx, uint64_t now)
{
	struct run *st = ctx;
	size_t heard = st->voice.cur.step;
	int ms = speaker_feed(&st->speaker, &heard);
	voice_heard(&st->voice, heard);
	arm(st, TIMER_SPEECH, ms < 0 ? TIMER_OFF : now + (uint64_t)ms);
}

static void speech_off(struct run *st)
{
	if (voice_reset(&st->voice) && st->trace.on)
		fprintf(stderr, "trace: speech off\n");
	speaker_stop(&st->speaker);
	arm(st, TIMER_SPEECH, TIMER_OFF);
}

/* Says what a reply asks for, on the frame now shown. */
static void speak(struct run *st, const struct voice_reply *r, uint64_t now)
{
	if (r->stop)
		speaker_stop(&st->speaker);
	if (!st->voice.on || (!r->intro && r->say == VOICE_SAY_NOTHING))
		return;
	whole_deck(st);
	speech_build(&st->speech, &(struct speech_input){ st->c, &st->kiosk, st->deck.layouts });
	st->said = voice_frame_of(&st->kiosk);
	const struct labels *lb = &st->c->labels;
	const struct ltext *label = r->say == VOICE_SAY_HELP ? &lb->speech_help
				    : r->intro && st->by_touch ? &lb->speech_touch
				    : r->intro		     ? &lb->speech_on
							     : NULL;
	if (label)
		speech_build_words(&st->words, st->c, label, st->kiosk.lang);
	size_t from = st->voice.cur.step, to = from;
	if (r->say == VOICE_SAY_STEP)
		to = from + 1;
	else if (r->say == VOICE_SAY_ON)
		to = SIZE_MAX;
	if (st->trace.on) /* how much, never what */
		fprintf(stderr, "trace: speech says%s steps %zu..%zu of %zu\n", label ? " words, then" : "", from,
			to == SIZE_MAX ? st->speech.n_steps : to, st->speech.n_steps);
	speaker_say(&st->speaker, label ? &st->words : NULL, &st->speech, from, to, &st->voice);
	on_speech(st, now); /* the first step now: a key is answered at once */
}

/* The frame changed while speech is on: a reset, sleep or Quick exit
 * ends speech; anything else is read from the top. */
static void voice_follow(struct run *st, uint64_t now)
{
	if (!st->voice.on || st->keying)
		return;
	if (st->kiosk.mode == KIOSK_ATTRACT || st->kiosk.mode == KIOSK_SLEEP) {
		speech_off(st);
		return;
	}
	if (voice_frame_same(st->said, voice_frame_of(&st->kiosk)))
		return;
	struct voice_reply r = voice_frame_changed(&st->voice);
	speak(st, &r, now);
}

/* A reply's kiosk part: a wake and the action pressed, as a tap would. */
static void voice_press(struct run *st, const struct voice_reply *r, uint64_t now)
{
	if (!r->wake && r->press == ACTION_NONE)
		return;
	bool woke = st->kiosk.mode == KIOSK_SLEEP;
	bool moved = kiosk_input(&st->kiosk, INPUT_DOWN, r->press, r->arg, now);
	moved |= kiosk_input(&st->kiosk, r->press != ACTION_NONE ? INPUT_TAP : INPUT_CANCEL, r->press, r->arg, now);
	if (moved)
		st->dirty = true;
	changed(st, woke && st->kiosk.mode != KIOSK_SLEEP ? "wake"
		    : r->press == ACTION_QUICK_EXIT		 ? "quick-exit"
								 : "input",
		now);
}

/* A keypad's key (speaker.h maps it): the session answers, the kiosk
 * moves, and speech says the new frame from the top or what the key
 * asked for. */
static void on_voice_key(struct run *st, enum voice_key key, uint64_t now)
{
	whole_deck(st); /* a key may move to another screen */
	struct voice_frame before = voice_frame_of(&st->kiosk);
	bool was_on = st->voice.on;
	speech_build(&st->speech, &(struct speech_input){ st->c, &st->kiosk, st->deck.layouts });
	struct voice_reply r = voice_key(&st->voice, &st->speech, key);
	if (st->trace.on && st->voice.on != was_on)
		fprintf(stderr, "trace: speech %s\n", st->voice.on ? "on" : "off");
	if (r.stop)
		speaker_stop(&st->speaker);
	st->keying = true;
	voice_press(st, &r, now);
	st->keying = false;
	if (!st->voice.on)
		return;
	if (st->kiosk.mode == KIOSK_ATTRACT || st->kiosk.mode == KIOSK_SLEEP) {
		speech_off(st);
		return;
	}
	if (!voice_frame_same(before, voice_frame_of(&st->kiosk))) {
		struct voice_reply fresh = voice_frame_changed(&st->voice);
		r.say = fresh.say;
	}
	r.stop = false;
	speak(st, &r, now);
}

/* The Listen button tapped (speech off: exploration is not on yet). */
static void on_listen(struct run *st, uint64_t now)
{
	if (st->voice.on) {
		speech_off(st);
		return;
	}
	struct voice_reply r = voice_start(&st->voice);
	if (st->trace.on)
		fprintf(stderr, "trace: speech on\n");
	st->by_touch = true; /* the intro says how to explore */
	speak(st, &r, now);
	st->by_touch = false;
}

/* Speech turned on by a headset plugged in. */
static void on_headset(struct run *st, uint64_t now)
{
	whole_deck(st);
	struct voice_reply r = voice_start(&st->voice);
	if (st->trace.on && r.intro)
		fprintf(stderr, "trace: speech on\n");
	st->keying = true;
	voice_press(st, &r, now);
	st->keying = false;
	if (st->kiosk.mode == KIOSK_ATTRACT || st->kiosk.mode == KIOSK_SLEEP)
		return;
	speak(st, &r, now);
}

/* The kiosk's own deadline; while a transition runs, the next frame. */
static void arm_kiosk(struct run *st, uint64_t now)
{
	uint64_t due = kiosk_next_deadline(&st->kiosk, now);
	if (st->kiosk.in_transition || st->dirty)
		due = now + FRAME_MS; /* animating: about one frame */
	arm(st, TIMER_KIOSK, due == KIOSK_NO_DEADLINE ? TIMER_OFF : due);
}

static void on_kiosk(void *ctx, uint64_t now)
{
	struct run *st = ctx;
	enum kiosk_mode before = st->kiosk.mode;
	whole_deck(st); /* the kiosk's time may move to another screen */
	if (!kiosk_tick(&st->kiosk, now))
		return;
	st->dirty = true;
	changed(st, st->kiosk.mode == KIOSK_SLEEP ? "sleep"
		    : before == KIOSK_IDLE && st->kiosk.mode == KIOSK_ATTRACT ? "reset"
		    : st->kiosk.mode == KIOSK_ATTRACT                     ? "loop"
									  : "idle",
		now);
}

static void on_proven(void *ctx, uint64_t now)
{
	(void)now;
	ops_proven(ctx);
}

static void on_watchdog(void *ctx, uint64_t now)
{
	struct run *st = ctx;
	notify_send(&st->notify, "WATCHDOG=1");
	arm(st, TIMER_WATCHDOG, now + st->notify.watchdog_ms);
}

/* The schedule now: banner up or down (a new layout), asleep or awake,
 * and when to look again. */
static void on_schedule(void *ctx, uint64_t now)
{
	struct run *st = ctx;
	struct schedule_now s = schedule_run_look(st->c, clock_trusted(&st->clock), st->trace.on);
	if (s.banner != st->closed) {
		st->closed = s.banner;
		relayout(st);
	}
	if (kiosk_set_sleep(&st->kiosk, s.asleep, now)) {
		st->dirty = true;
		changed(st, s.asleep ? "sleep" : "wake", now); /* falling asleep is a privacy reset */
	}
	arm(st, TIMER_SCHEDULE, s.next_in_ms < 0 ? TIMER_OFF : now + (uint64_t)s.next_in_ms);
}

static void on_check(void *ctx, int fd, uint64_t now);

/* The content file again: its check starts in a child, and the loop goes
 * on (frames, watchdog) until it answers. A reload asked for meanwhile
 * runs after it, on the file as it is then. */
static void reload(struct run *st, const char *why, uint64_t now)
{
	if (st->ops.check.pid) {
		st->reload_again = why;
		return;
	}
	if (!ops_reload_start(st, why))
		return;
	loop_source_add(&st->loop, st->ops.check.out_fd, "the content's check", on_check, st);
	arm(st, TIMER_CHECK, now + (uint64_t)verdict_wall_ms());
}

/* The check answered, or ran out of time: new content is laid out, and
 * its hours and sleep times looked at. */
static void checked(struct run *st, uint64_t now)
{
	loop_source_remove_all(&st->loop, on_check, st);
	arm(st, TIMER_CHECK, TIMER_OFF);
	enum speech_output was_out = st->c->speech_output;
	const char *was_name = st->c->speech_name;
	char was[160];
	snprintf(was, sizeof was, "%s", was_name ? was_name : "");
	if (ops_reload_finish(st, now)) {
		/* what was being said came from the old content: stop it, and
		 * read the new frame; another output setting is taken now */
		bool speaking = st->voice.on;
		speaker_stop(&st->speaker);
		if (was_out != st->c->speech_output || strcmp(was, st->c->speech_name ? st->c->speech_name : "") != 0) {
			speech_off(st);
			speaking = false;
			speaker_close(&st->speaker);
			speaker_open(&st->speaker, st->c->speech_output, st->c->speech_name, st->trace.on);
			add_sockets(st);
		}
		relayout_as(st, true); /* the screen on view; the rest after its frame */
		if (speaking) {
			st->said.mode = KIOSK_MODE_COUNT_; /* not the frame on screen */
			voice_follow(st, now);
		}
		on_schedule(st, now);
		trace_state(&st->trace, st->c, &st->kiosk, "reload", now);
	}
	const char *again = st->reload_again;
	st->reload_again = NULL;
	if (again)
		reload(st, again, now);
}

static void on_check(void *ctx, int fd, uint64_t now)
{
	(void)fd;
	struct run *st = ctx;
	if (verdict_read(&st->ops.check))
		checked(st, now);
}

static void on_check_time(void *ctx, uint64_t now)
{
	struct run *st = ctx;
	verdict_kill(&st->ops.check);
	checked(st, now);
}

static void on_reload(void *ctx, uint64_t now)
{
	reload(ctx, "file changed", now);
}

/* While udev tells SDL of a new device, SDL is asked every step. */
static void on_devices_step(void *ctx, uint64_t now)
{
	struct run *st = ctx;
	if (now < st->devices_settle)
		arm(st, TIMER_DEVICES, now + DEVICE_SETTLE_STEP_MS);
}

static void on_sdl_step(void *ctx, uint64_t now)
{
	arm(ctx, TIMER_SDL, now + 10);
}

/* ---- sources -------------------------------------------------------------- */

static void on_signals(void *ctx, int fd, uint64_t now)
{
	(void)fd;
	struct run *st = ctx;
	unsigned what = wake_signals(&st->wake);
	if (what & WAKE_STOP)
		st->quit = true;
	else if (what & WAKE_RELOAD)
		reload(st, "SIGHUP", now);
}

static void on_file(void *ctx, int fd, uint64_t now)
{
	(void)fd;
	struct run *st = ctx;
	if (watch_read(&st->wake.file)) /* not another file in its folder */
		arm(st, TIMER_RELOAD, now + RELOAD_SETTLE_MS);
}

static void on_clock_synced(void *ctx, int fd, uint64_t now);

/* The time has just become trusted: the schedule applies from now on (in
 * this very pass), the status file says so, and there is nothing more to
 * watch for. */
static void clock_became_trusted(struct run *st, uint64_t now)
{
	loop_source_remove_all(&st->loop, on_clock_synced, st);
	clock_trust_close(&st->clock);
	fprintf(stderr, "signpost: the clock is synchronised now: opening hours and sleep times apply\n");
	ops_status_write(st);
	arm(st, TIMER_SCHEDULE, now);
}

static void on_clock(void *ctx, int fd, uint64_t now)
{
	struct run *st = ctx;
	if (!clock_watch_read(fd))
		return;
	if (clock_trust_look(&st->clock)) /* a step is how network time often arrives */
		clock_became_trusted(st, now);
	arm(st, TIMER_SCHEDULE, now); /* the clock was set: look again now */
}

static void on_clock_synced(void *ctx, int fd, uint64_t now)
{
	(void)fd;
	struct run *st = ctx;
	if (clock_trust_read(&st->clock))
		clock_became_trusted(st, now);
}

/* An input device came or went: udev tells SDL a moment after the folder
 * changed, so SDL's events are looked at a few times meanwhile. */
static void on_device_folder(void *ctx, int fd, uint64_t now)
{
	(void)fd;
	struct run *st = ctx;
	wake_devices_changed(&st->wake);
	st->devices_settle = now + DEVICE_SETTLE_MS;
	arm(st, TIMER_DEVICES, now + DEVICE_SETTLE_STEP_MS);
	if (speaker_sockets_changed(&st->speaker, st->c->speech_output, st->c->speech_name))
		on_headset(st, now);
	add_sockets(st);
}

/* A headphone socket (jack.h) says a plug went in or came out. */
static void on_socket(void *ctx, int fd, uint64_t now)
{
	struct run *st = ctx;
	const struct jacks *js = &st->speaker.jacks;
	for (size_t i = 0; i < js->n; i++)
		if (js->j[i].fd == fd) {
			bool gone;
			if (speaker_jack_event(&st->speaker, i, st->c->speech_output, st->c->speech_name, &gone))
				on_headset(st, now);
			else if (gone)
				speech_off(st);
			add_sockets(st); /* one that went is closed, the ones after it moved */
			return;
		}
}

static void add_sockets(struct run *st)
{
	loop_source_remove_all(&st->loop, on_socket, st);
	for (size_t i = 0; i < st->speaker.jacks.n; i++)
		loop_source_add(&st->loop, st->speaker.jacks.j[i].fd, "headphone socket", on_socket, st);
}

/* ---- the loop ------------------------------------------------------------- */

static uint64_t ticks(void)
{
	return SDL_GetTicks64();
}

/* The sources and timers of the running kiosk, in the loop. */
static void add_sources_and_timers(struct run *st)
{
	struct loop *l = &st->loop;
	struct wake *w = &st->wake;
	loop_source_add(l, w->sig_fd, "signals", on_signals, st);
	loop_source_add(l, w->file.fd, "content file", on_file, st);
	loop_source_add(l, w->clock_fd, "clock set", on_clock, st);
	loop_source_add(l, st->clock.fd, "clock synchronised", on_clock_synced, st);
	loop_source_add(l, w->inputs.dir_fd, "input devices' folder", on_device_folder, st);
	static const struct {
		enum run_timer id;
		const char *name;
		loop_timer_fn *fire;
	} timers[RUN_TIMER_COUNT_] = {
		{ TIMER_KIOSK, "kiosk", on_kiosk },
		{ TIMER_WATCHDOG, "watchdog", on_watchdog },
		{ TIMER_RELOAD, "reload", on_reload },
		{ TIMER_SCHEDULE, "schedule", on_schedule },
		{ TIMER_DEVICES, "devices", on_devices_step },
		{ TIMER_SDL, "sdl", on_sdl_step },
		{ TIMER_CHECK, "check", on_check_time },
		{ TIMER_PROVEN, "proven", on_proven },
		{ TIMER_SPEECH, "speech", on_speech },
	};
	for (size_t i = 0; i < RUN_TIMER_COUNT_; i++)
		st->timer[timers[i].id] = loop_timer_add(l, timers[i].name, timers[i].fire, st);
}

/* The kiosk, from its content to its first frame's wait: false when it
 * cannot run (no display, no font). */
static bool run_open(struct run *st, const sigset_t *signals)
{
	if (!display_open(&st->disp, st->o->w, st->o->h, st->o->trace))
		return false;
	ops_state_clean(); /* a power cut's temporaries, before the state folder is used */
	/* the content, checked as --check would at this output's size */
	if (!ops_load_first(st))
		return false;
	uint64_t now = ticks();
	render_init(&st->render, st->disp.r, &st->text);
	render_set_pictures(&st->render, &st->pics);
	kiosk_init(&st->kiosk, st->c, now);
	relayout_as(st, true);
	trace_state(&st->trace, st->c, &st->kiosk, "start", now);
	schedule_run_start();
	clock_trust_open(&st->clock);
	if (!clock_trusted(&st->clock) && schedule_uses_time(st->c))
		fprintf(stderr, "signpost: the clock is not synchronised since boot: the opening hours and sleep "
				"times are not applied until it is (network time, or SIGNPOST_CLOCK=battery for a "
				"battery clock; see INSTALL.md)\n");
	st->ops.started = st->ops.loaded_at = time(NULL);
	ops_status_open(st);
	ops_status_write(st);
	loop_init(&st->loop, ticks);
	wake_open(&st->wake, &st->loop, signals, st->o->config, st->disp.win);
	add_sources_and_timers(st);
	on_schedule(st, now);
	if (st->notify.watchdog_ms)
		arm(st, TIMER_WATCHDOG, now + st->notify.watchdog_ms);
	if (st->wake.deaf)
		arm(st, TIMER_SDL, now);
	return true;
}

/* Undoes run_open(), as far as it went. */
static void run_close(struct run *st)
{
	if (st->loop.clock_ms) { /* it got as far as the loop */
		if (st->trace.on) /* for the test that sleep costs nothing: how often the loop woke */
			fprintf(stderr, "trace: wakeups %lu (%lu asleep)\n", st->loop.passes, st->passes_asleep);
		if (st->backlight_off)
			backlight_set(true, SDL_GetCurrentVideoDriver());
		notify_send(&st->notify, "STOPPING=1");
		ops_proven(st); /* a clean stop: what is on screen did not take it down */
		wake_close(&st->wake);
		clock_trust_close(&st->clock);
		draw_list_free(&st->dl);
		kiosk_free(&st->kiosk);
		deck_free(&st->deck);
		render_free(&st->render);
		fade_forget(&st->fade);
		text_close(&st->text);
		speaker_close(&st->speaker);
		speech_free(&st->speech);
		speech_free(&st->words);
	}
	notify_close(&st->notify);
	trace_free(&st->trace);
	abs_pointer_close(&st->abs);
	ops_close(&st->ops);
	display_close(&st->disp);
	pictures_free(&st->pics);
	content_free(st->c);
	free(st->c);
}

int app_run(const struct app_options *o)
{
	struct run st = { .o = o, .trace.on = o->trace, .fade.start = UINT64_MAX };
	voice_init(&st.voice);
	abs_pointer_init(&st.abs);
	notify_init(&st.notify);
	st.c = xcalloc(1, sizeof *st.c);
	/* Block the signals in every thread (SDL's included) before SDL starts;
	 * the loop reads them from a signalfd (wake.h). */
	sigset_t signals;
	sigemptyset(&signals);
	sigaddset(&signals, SIGTERM);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &signals, NULL);
	/* A kiosk takes no typed text, so no Compose table (dead keys, é from
	 * ' and e): without this, Xlib (and xkbcommon) read the locale's
	 * thousands of Compose lines at start, about 6 ms of CPU of the first
	 * frame in a window. A value someone set is kept. */
	setenv("XCOMPOSEFILE", "/dev/null", 0);
	bool ok = run_open(&st, &signals);
	while (ok && !st.quit) {
		uint64_t now = loop_pass(&st.loop); /* ready sources, due timers */
		st.passes_asleep += st.kiosk.mode == KIOSK_SLEEP;
		SDL_Event ev;
		while (!st.quit && SDL_PollEvent(&ev))
			handle_event(&st, &ev, now);
		if (kiosk_set_speech(&st.kiosk, st.speaker.dev != 0, st.voice.on))
			st.dirty = true; /* Listen shown, hidden or lit */
		if (st.deck.spec.listen != (st.speaker.dev != 0))
			relayout(&st); /* room in the bar for Listen, or none */
		if (st.dirty)
			draw(&st, now);
		arm_kiosk(&st, now);
		SDL_PumpEvents(); /* what the window system or the devices already had */
		loop_wait(&st.loop, now, st.quit || SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT));
	}
	run_close(&st);
	return ok ? 0 : 2;
}
