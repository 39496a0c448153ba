/* run.h — the running kiosk (run.c): the content on screen, the core's
 * state (kiosk, deck, gesture), the display, and the parts other modules
 * own and keep here (the staff operations' struct ops, the schedule's,
 * the trace's), wired to one event loop (loop.h) of sources and timers.
 * ops.c is lent the whole of it; nothing calls back into the loop.
 * Internal to firmware/sdl. */
#ifndef SIGNPOST_RUN_H
#define SIGNPOST_RUN_H

#include "abspointer.h"
#include "app.h"
#include "clock_trust.h"
#include "deck.h"
#include "display.h"
#include "gesture.h"
#include "kiosk.h"
#include "loop.h"
#include "notify.h"
#include "ops.h"
#include "render.h"
#include "scene.h"
#include "speaker.h"
#include "speech.h"
#include "voice.h"
#include "text.h"
#include "trace.h"
#include "wake.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#define RELOAD_SETTLE_MS 300      /* editors write in steps: wait for quiet */
#define DEVICE_SETTLE_MS 3000     /* after /dev/input changed: udev's news comes */
#define DEVICE_SETTLE_STEP_MS 200 /* meanwhile SDL is asked this often */
#define FRAME_MS 16               /* a frame while a transition runs */

/* The loop's timers, by what they are for. */
enum run_timer {
	TIMER_KIOSK,    /* the kiosk's next deadline: cycle, idle, countdown, frames */
	TIMER_WATCHDOG, /* systemd's WATCHDOG=1 */
	TIMER_RELOAD,   /* the content file changed: reload once it is quiet */
	TIMER_SCHEDULE, /* the next change of banner or sleep */
	TIMER_DEVICES,  /* an input device came or went: ask SDL again soon */
	TIMER_SDL,      /* a window system we cannot listen to: ask SDL often */
	TIMER_CHECK,    /* a reload's check in a child: its time limit */
	TIMER_PROVEN,   /* new content on screen long enough: the last good copy */
	TIMER_SPEECH,   /* speech playing: feed the output, follow what is heard */
	RUN_TIMER_COUNT_
};

struct fade {
	SDL_Texture *page[2]; /* the leaving and arriving page */
	uint64_t start;       /* the transition they were drawn for */
};

struct run {
	const struct app_options *o;
	struct content *c;    /* the content on screen: the last good one */
	struct pictures pics; /* its pictures, read with it (pictures.h) */
	struct text text;
	struct measurer m;    /* for the kiosk's current language */
	struct measurer by_lang[CONTENT_MAX_LANGS];
	struct deck deck;
	struct kiosk kiosk;
	struct gesture_state gesture;
	struct abs_pointer abs; /* a tablet-like panel's range, see abspointer.h */
	struct render render;
	struct draw_list dl;
	struct display disp;
	struct fade fade;
	struct loop loop;
	int timer[RUN_TIMER_COUNT_]; /* loop timer ids */
	struct wake wake;
	struct clock_trust clock; /* whether the wall clock can be believed */
	struct notify notify;
	struct ops ops;
	struct trace trace;
	struct voice voice;     /* the visitor's speech session (voice.h) */
	struct speaker speaker; /* its sound output (speaker.h) */
	struct speech speech;   /* what the frame says, while speech is on */
	struct speech words;    /* the intro or the help */
	struct voice_frame said; /* the frame speech was built for */
	bool keying;            /* a key is being handled: it says what follows itself */
	bool by_touch;          /* speech started by Listen: the touch intro */
	bool quick_touch;       /* the finger now down landed on Quick exit */
	size_t explored;        /* touch exploration: the step last said under the finger */
	uint64_t tap_at;        /* the last tap while speech is on, for a double tap */
	enum kiosk_action tap_action;
	int tap_arg;
	bool quit, dirty, ready_sent;
	int start_frames; /* frames drawn before READY=1 (see draw()) */
	const char *reload_again; /* a reload asked for while one was checked */
	bool closed;          /* the out-of-hours banner is up */
	bool backlight_off;   /* switched off for sleep */
	uint64_t devices_settle; /* until then, ask SDL for new devices often */
	Uint32 input_at;      /* SDL timestamp of the input behind the next frame */
	Uint64 input_counter; /* performance counter when it was handled */
	unsigned long passes_asleep; /* loop passes while asleep, for --trace */
};

#endif
