/* kiosk.h — the kiosk's state machine, driven by events and a time value.
 *
 * (state, event, now) -> state. The caller passes the monotonic time in
 * milliseconds with every call; the kiosk never reads a clock, so a day of
 * attract loop runs in a test in microseconds. What to draw is derived from
 * the state by the scene (scene.h); when the next thing must happen is
 * kiosk_next_deadline(), so the main loop can sleep until then. Only
 * kiosk.c writes struct kiosk; --preview, --check and tests set a frame
 * with kiosk_pose(). */
#ifndef SIGNPOST_KIOSK_H
#define SIGNPOST_KIOSK_H

#include "content.h"
#include "gesture.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KIOSK_TRANSITION_MS 300
#define KIOSK_NO_DEADLINE UINT64_MAX
#define KIOSK_MAX_LOOP 1024
#define KIOSK_MAX_HISTORY 32
#define KIOSK_IDLE_GRACE_MS 30000 /* "are you still there?" stays this long */
#define KIOSK_LARGE_TEXT 1.5

enum kiosk_mode {
	KIOSK_ATTRACT, /* the loop runs by itself */
	KIOSK_BROWSE,  /* a visitor is reading: loop paused, navigation shown */
	KIOSK_MENU,    /* the topics, as tiles */
	KIOSK_IDLE,    /* "are you still there?" over the screen */
	KIOSK_LANGS,   /* the language picker */
	KIOSK_SLEEP,   /* the schedule says the screen is off: a black frame;
			  a touch wakes it into KIOSK_BROWSE and does nothing else */
	KIOSK_MODE_COUNT_ /* not a mode: how many there are */
};

/* What a button does. Hit regions in the draw list carry one. */
enum kiosk_action {
	ACTION_NONE,
	ACTION_BACK,
	ACTION_HOME,       /* the topics menu */
	ACTION_PREV,
	ACTION_NEXT,
	ACTION_LANGUAGE,   /* open (or close) the language picker */
	ACTION_TEXT_SIZE,  /* normal <-> large */
	ACTION_QUICK_EXIT,
	ACTION_OPEN,       /* a topic tile: arg = screen index */
	ACTION_MENU_PAGE,  /* another page of topics: arg = page */
	ACTION_SET_LANGUAGE, /* a language in the picker: arg = language index */
	ACTION_CONTRAST,   /* normal <-> high-contrast colours */
	ACTION_SPEECH,     /* speech on (or off): shown while an output can speak */
	ACTION_COUNT_      /* not an action: how many there are */
};

/* Input, already recognised (gesture.h) and hit-tested (scene.h). */
enum kiosk_input {
	INPUT_DOWN,       /* a finger landed on `action` (or on nothing) */
	INPUT_TAP,        /* and lifted again without moving: press `action` */
	INPUT_SWIPE_NEXT, /* right to left */
	INPUT_SWIPE_PREV, /* left to right */
	INPUT_CANCEL,     /* lifted after moving, neither tap nor swipe */
};

/* Which page of which screen. */
struct kiosk_view {
	int screen;
	int page;
};

struct kiosk {
	const struct content *content;
	enum kiosk_mode mode;
	size_t lang;
	double text_scale;
	bool high_contrast;
	enum kiosk_mode before_langs; /* KIOSK_LANGS: what the picker covers */

	int loop[KIOSK_MAX_LOOP]; /* screen indices in the attract loop, in order */
	size_t n_loop;
	size_t loop_pos;          /* index into loop[] of the current screen */
	int *page_count;          /* per screen, from the layout; owned */

	struct kiosk_view view;   /* what is on screen (or arriving) now */
	uint64_t shown_at;        /* when view arrived (start of its transition) */

	bool in_transition;
	struct kiosk_view from;   /* what is leaving, while in_transition */
	uint64_t transition_start;

	/* touch */
	uint64_t last_input;      /* for the idle timeout */
	uint64_t idle_since;      /* KIOSK_IDLE: when the notice appeared */
	enum kiosk_mode before_idle;
	bool swallow;             /* ignore the rest of the waking gesture */
	enum kiosk_action pressed; /* the button under a finger, shown pressed */
	int pressed_arg;
	struct kiosk_view history[KIOSK_MAX_HISTORY]; /* for Back; page -1 = menu */
	size_t n_history;
	int menu_page;

	bool sleep_wanted;        /* the schedule says the screen should be off */
	bool notice;              /* after Quick exit: its screen is shown as an
				     ordinary notice (no controls) for
				     quick_exit_hold, until the loop or a touch */
	bool speech_ready;        /* a sound output can speak: the Listen button
				     is shown (the edge knows; kiosk_set_speech) */
	bool speech_on;           /* speech is on: the button is drawn lit */
};

/* Starts the attract loop on content c at time now. Every screen has one page
 * until kiosk_set_page_counts() says otherwise. Free with kiosk_free(). */
void kiosk_init(struct kiosk *k, const struct content *c, uint64_t now);
void kiosk_free(struct kiosk *k);

/* Tells the kiosk how many pages each screen has at the current size (one
 * count per content screen). Keeps the current view valid. */
void kiosk_set_page_counts(struct kiosk *k, const int *counts, size_t n);

/* Lets time pass: advances the loop and ends transitions that are due.
 * Returns true when what should be drawn has changed. */
bool kiosk_tick(struct kiosk *k, uint64_t now);

/* The time at which kiosk_tick() next has something to do, or
 * KIOSK_NO_DEADLINE. While a transition runs, that is now (animate). */
uint64_t kiosk_next_deadline(const struct kiosk *k, uint64_t now);

/* Transition progress 0..1 at time now (1 when none is running). */
double kiosk_transition_progress(const struct kiosk *k, uint64_t now);

/* Whether the Quick exit screen is up as an ordinary notice: no buttons,
 * no hint, no page dots. */
bool kiosk_showing_notice(const struct kiosk *k);

/* How long view's screen stays in the loop, in milliseconds. */
uint64_t kiosk_dwell_ms(const struct kiosk *k, int screen);

/* The kiosk input a recognised gesture is; false for GESTURE_NONE. */
bool kiosk_input_of(enum gesture_kind g, enum kiosk_input *out);

/* Moves the kiosk onto newly loaded content c; k->content must still be
 * valid during the call (it is freed afterwards). Whoever is reading stays
 * on the same screen (matched by id), page and language (by code) when they
 * still exist; history to screens that are gone is dropped; if the current
 * screen is gone, the kiosk goes back to the start of the loop. Page counts
 * are 1 until kiosk_set_page_counts(). */
void kiosk_rebind(struct kiosk *k, const struct content *c, uint64_t now);

/* A visitor's input at time now. The touch that wakes the kiosk from the
 * attract loop (or from the idle notice) does nothing else: the rest of that
 * gesture is swallowed. Quick exit, shown in every mode, works at once,
 * and so does Listen: a visitor who cannot see the screen finds it at
 * its place and it answers the first touch (the edge starts speech).
 * Returns true when what should be drawn has changed; the caller then
 * checks lang and text_scale, which need a new layout when they change. */
bool kiosk_input(struct kiosk *k, enum kiosk_input in, enum kiosk_action action, int arg,
		 uint64_t now);

/* Tells the kiosk whether the schedule wants the screen off (display.sleep),
 * acting on a change only. From the attract loop it falls asleep at once,
 * with a privacy reset; a visitor who is reading is never interrupted: the
 * kiosk sleeps when the idle notice has run out, and after a Quick exit
 * once the neutral screen has been up for its dwell. Asleep and no longer
 * wanted, it goes back to the loop. True when what should be drawn changed. */
bool kiosk_set_sleep(struct kiosk *k, bool asleep, uint64_t now);

/* Tells the kiosk whether speech can be heard (an output is open) and
 * whether it is on, which the Listen button shows. True when what should
 * be drawn changed. Neither is the visitor's state: a privacy reset
 * leaves them to the edge, which turns speech off with it. */
bool kiosk_set_speech(struct kiosk *k, bool ready, bool on);

/* Back to the attract loop from the start: default language and text size,
 * no history. What the idle timeout does, and nothing is left behind. */
void kiosk_privacy_reset(struct kiosk *k, uint64_t now);

/* A frame a visitor can meet, by name. All zero is the loop on screen 0 in
 * the default language. */
struct kiosk_pose {
	enum kiosk_mode mode;
	/* KIOSK_LANGS, KIOSK_IDLE: what the picker or the notice is over:
	 * KIOSK_BROWSE (also when left 0), KIOSK_MENU, or (the notice only)
	 * KIOSK_LANGS, the picker over reading */
	enum kiosk_mode under;
	struct kiosk_view view; /* the page shown, or the one the topics, the
				   picker and the notice were opened over */
	int menu_page;          /* the page of the topics */
	size_t lang;            /* chosen in the picker */
	bool large_text;        /* A+ pressed */
	bool high_contrast;     /* the contrast button pressed */
	/* KIOSK_ATTRACT on the Quick exit screen: shown as it is after Quick
	 * exit, an ordinary notice with no controls */
	bool notice;
	/* Back leads somewhere, as after opening a topic: one step of history,
	 * to the topics (page menu_page). Without it, reading is as just after
	 * the waking touch. The topics have their step whatever this says (a
	 * visitor reaches them only by one); the loop and sleep have none. */
	bool history;
	/* an output can speak: the Listen button is there (speech itself off) */
	bool speech_ready;
};

/* Puts k (with its page counts set) into exactly the state frame p is
 * drawn from, as a visitor would reach it: everything else as after a
 * privacy reset at time now (no transition, nothing pressed, the idle
 * notice just up, the schedule not asking for sleep, the loop's place at
 * view's screen, or after the notice as Quick exit leaves it). Asleep,
 * the view is the start of the loop. A page beyond the screen's count
 * stands for its last page, a screen that is none for screen 0. The one
 * way, outside kiosk.c, to set a kiosk's state (--preview, --check,
 * tests). */
void kiosk_pose(struct kiosk *k, const struct kiosk_pose *p, uint64_t now);

/* The screens a visitor moves through with previous/next and sees as topics:
 * every screen but the quick-exit one; those with the most phone numbers to
 * call first (a visitor in a hurry finds them on the first page of
 * Topics), and in file order where they have as many. Fills out (up to cap) and returns how many. */
size_t kiosk_topics(const struct kiosk *k, int *out, size_t cap);

/* Position of view's screen among the topics (0-based; -1 for the neutral
 * screen) and their number, for "3 / 7": the same at any text size, where
 * a count of pages would jump when A+ makes more of them. */
void kiosk_topic_position(const struct kiosk *k, int *index, int *total);

/* The names of a mode, from one table with a name for each (kiosk.c):
 * its word in --trace ("browse"), and where a visitor is in it, for
 * --check's messages ("while reading"). "?" for a value that is none. */
const char *kiosk_mode_name(enum kiosk_mode m);
const char *kiosk_mode_where(enum kiosk_mode m);

/* The names of an action, from one table (kiosk.c): its word in --trace
 * ("quick-exit"); what --check calls its button in "the %s button" and "a
 * %s tile" ("Quick exit", "topic"); and its button as a touch target, a
 * phrase of its own ("the language button"). "?" for a value that is
 * none. */
const char *kiosk_action_name(enum kiosk_action a);
const char *kiosk_action_button(enum kiosk_action a);
const char *kiosk_action_target(enum kiosk_action a);

/* Whether previous / next / back lead anywhere from here. */
bool kiosk_can_prev(const struct kiosk *k);
bool kiosk_can_next(const struct kiosk *k);
bool kiosk_can_back(const struct kiosk *k);

#endif
