/* speaker.h — speech played to a visitor: the sound output the content
 * names (speech.output), opened through SDL's audio, fed one step of
 * speech at a time so a key is answered after one step's synthesis, and
 * silenced at once (what is queued is dropped; only the buffer the
 * device is playing ends). A keypad's keys become voice.h's keys here.
 *
 * Which output: by default one whose name says headphones or a headset
 * (a Raspberry Pi's "bcm2835 Headphones" socket, a "USB Headset"); a
 * name the content gives; or the system's default output only when the
 * content says, in SPEECH_LOUDSPEAKER_WORDS, that the room may hear it.
 * An output that appears later (a USB headset plugged in) is opened
 * then, and turns speech on; so is one whose socket says headphones were
 * plugged in (jack.h), which also counts as a headset whatever its name.
 * An output whose socket says nothing is plugged in is not used until
 * something is, and is closed when the plug comes out. Nothing here
 * writes down what is said. */
#ifndef SIGNPOST_SPEAKER_H
#define SIGNPOST_SPEAKER_H

#include "jack.h"
#include "speech.h"
#include "speech_synth.h"
#include "voice.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SPEAKER_BUFFER_SAMPLES 1024 /* one buffer: what still plays after a stop (46 ms) */
#define SPEAKER_AHEAD_MS 600        /* keep this much queued while reading on */
#define SPEAKER_MARKS 256

struct speaker {
	bool audio;             /* SDL's audio started */
	bool synth;             /* espeak-ng started */
	SDL_AudioDeviceID dev;  /* 0: no output open */
	char name[160];         /* the output's name ("" for the default) */
	struct jacks jacks;     /* the sockets that report a plug, while audio is started */
	int rate;               /* samples a second */
	bool trace;

	const struct speech *words; /* the intro or the help, said before the screen */
	bool say_words;
	const struct speech *sp; /* the frame's speech, owned by the caller */
	size_t next_u, end_u;   /* utterances of sp still to synthesise */
	double gain;
	struct speech_audio a;  /* scratch: one step */
	int16_t *out;           /* scratch: the step at its volume */
	size_t out_cap;

	uint64_t queued;        /* samples queued since the last stop */
	Uint32 key_at;          /* --trace: the SDL time of the key being answered
				   (tests/bench/speech.sh times its first samples) */
	struct speaker_mark {
		uint64_t at; /* samples queued before it */
		size_t step;
	} marks[SPEAKER_MARKS]; /* where each step starts */
	size_t n_marks;
};

/* The key a keypad's key stands for (voice.h); VOICE_KEY_NONE for any
 * other. Escape is Quick exit only when escape_quits is false (in a
 * development window Esc closes it). */
enum voice_key speaker_key_of(SDL_Keycode key, SDL_Keymod mod, bool escape_quits);

/* Whether an output named name (NULL: the system's default), whose
 * socket is in state socket, is one the setting allows. */
bool speaker_output_fits(enum speech_output o, const char *setting_name, const char *name, enum jack_state socket);

/* Starts SDL's audio and opens the output the setting allows, if one is
 * there (espeak-ng is started with it, not before); says on stderr which,
 * or why there is none. Nothing when o is SPEECH_OUT_NONE. */
void speaker_open(struct speaker *s, enum speech_output o, const char *setting_name, bool trace);
void speaker_close(struct speaker *s);

/* SDL_AUDIODEVICEADDED/REMOVED: true when an output the setting allows
 * was opened now (speech then starts) or ours went away (*gone). */
bool speaker_device_event(struct speaker *s, const SDL_AudioDeviceEvent *ev, enum speech_output o,
			  const char *setting_name, bool *gone);

/* After jacks.j[i].fd polled readable: true when a plug put into that
 * socket opened its output now (speech then starts); *gone when the plug
 * taken out closed ours. The sockets after i may have moved down. */
bool speaker_jack_event(struct speaker *s, size_t i, enum speech_output o, const char *setting_name, bool *gone);

/* After the input devices' folder changed: looks for sockets again;
 * true when one that came with a plug in opened its output now. */
bool speaker_sockets_changed(struct speaker *s, enum speech_output o, const char *setting_name);

/* Drops what is queued: silence after the buffer now playing. */
void speaker_stop(struct speaker *s);

/* Says (after what is queued): words first when given (NULL: none),
 * then sp's steps [from, to) (to past the end: the rest of the screen),
 * at the voice's volume and speed. sp must live until the speaker is
 * stopped or done. */
void speaker_say(struct speaker *s, const struct speech *words, const struct speech *sp, size_t from, size_t to,
		 const struct voice *v);

/* Synthesises more while what is queued runs short; *heard is the step
 * of sp being heard (unchanged when none is). Returns the milliseconds
 * until it wants to be called again, or -1 when all is said. */
int speaker_feed(struct speaker *s, size_t *heard);

#endif
