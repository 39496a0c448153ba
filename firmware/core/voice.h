/* voice.h — a visitor's speech session, driven by keys (the EZ Access
 * model) and by what the kiosk shows.
 *
 * (session, key, the frame's speech) -> (session, what to do). Pure like
 * the kiosk: no audio, no clock, no keycodes. The SDL edge (speaker.h)
 * maps a keypad's keys to enum voice_key, plays what a reply asks for and
 * tells the session which step is being heard while it reads on; the
 * kiosk action a key stands for is pressed by the edge like a tap.
 *
 * Speech is off until a visitor asks for it: the first key (any but
 * Quick exit) or a headset plugged in turns it on and reads the screen
 * from the top. Up and down move one step (speech.h) and say it; left and
 * right change screen, which is then read from the top; choose presses
 * the button just heard, or says the step again; volume and speed change
 * in steps and the step is said again at the new setting. Quick exit, the
 * idle reset and sleep turn speech off and put volume and speed back, so
 * the next visitor starts as the first did. Nothing here keeps what was
 * said. */
#ifndef SIGNPOST_VOICE_H
#define SIGNPOST_VOICE_H

#include "kiosk.h"
#include "speech.h"

#include <stdbool.h>
#include <stddef.h>

enum voice_key {
	VOICE_KEY_NONE,        /* not a key of ours: ignored */
	VOICE_KEY_NEXT,        /* the next step on the screen (down) */
	VOICE_KEY_PREV,        /* the step before (up) */
	VOICE_KEY_NEXT_SCREEN, /* right */
	VOICE_KEY_PREV_SCREEN, /* left */
	VOICE_KEY_CHOOSE,      /* enter: press the button just heard */
	VOICE_KEY_REPEAT,
	VOICE_KEY_HELP,        /* how to use the keys */
	VOICE_KEY_LOUDER,
	VOICE_KEY_QUIETER,
	VOICE_KEY_FASTER,
	VOICE_KEY_SLOWER,
	VOICE_KEY_QUICK_EXIT,
	VOICE_KEY_COUNT_
};

#define VOICE_VOLUMES 9       /* volume steps 1..9 */
#define VOICE_VOLUME_START 5  /* the voice as espeak-ng makes it */
#define VOICE_RATE_MIN 100    /* words a minute */
#define VOICE_RATE_MAX 250
#define VOICE_RATE_STEP 25
#define VOICE_RATE_START 150  /* slower than espeak-ng's 175: visitors may be in
				 shock or listening in a second language */

struct voice {
	bool on;
	int volume; /* 1..VOICE_VOLUMES */
	int rate;   /* words a minute, VOICE_RATE_MIN..MAX */
	struct speech_cursor cur;
};

enum voice_say {
	VOICE_SAY_NOTHING,
	VOICE_SAY_STEP,    /* the cursor's step alone */
	VOICE_SAY_ON,      /* from the cursor's step to the end of the screen */
	VOICE_SAY_HELP,    /* how to use the keys (labels.speech_help) */
};

/* What the edge does after a key or a change of screen, in this order:
 * stop what is playing (at once: what is queued is dropped), press the
 * kiosk action (like a tap; a new frame is then read from the top by
 * voice_frame_changed()), say the intro (labels.speech_on), then say. */
struct voice_reply {
	bool stop;
	enum kiosk_action press; /* ACTION_NONE: nothing */
	int arg;
	bool wake;               /* the key is a visitor's input: wake the kiosk
				    (from the loop, the idle notice, sleep) */
	bool intro;
	enum voice_say say;
};

/* Off, at the volume and speed every visitor starts with. */
void voice_init(struct voice *v);

/* A key, with the speech of the frame on screen. Every key wakes the
 * kiosk; Quick exit presses Quick exit and turns speech off. */
struct voice_reply voice_key(struct voice *v, const struct speech *sp, enum voice_key key);

/* Speech turned on without a key (a headset plugged in): the intro, and
 * the screen from the top. Nothing when it is on already. */
struct voice_reply voice_start(struct voice *v);

/* The frame changed while speech is on (another screen, page, the
 * topics, the idle notice, a language): read it from the top. */
struct voice_reply voice_frame_changed(struct voice *v);

/* What a frame is, for speech: when any of it changes, the frame is
 * read again from the top. */
struct voice_frame {
	enum kiosk_mode mode;
	int screen, page, menu_page;
	size_t lang;
	bool notice;
};
struct voice_frame voice_frame_of(const struct kiosk *k);
bool voice_frame_same(struct voice_frame a, struct voice_frame b);

/* While reading on: the step now heard, so that choose acts on what the
 * visitor just heard. */
void voice_heard(struct voice *v, size_t step);

/* Quick exit, the idle reset, sleep, the headset unplugged: off, volume
 * and speed back. Returns true when speech was on (the edge then stops
 * the sound at once). */
bool voice_reset(struct voice *v);

/* The gain for a volume step: 1 at VOICE_VOLUME_START, 3 dB a step. */
double voice_gain(int volume);

#endif
