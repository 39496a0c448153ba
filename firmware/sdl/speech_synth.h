/* speech_synth.h — utterances (speech.h) turned into sound with
 * libespeak-ng: 16-bit mono PCM at espeak's rate, each utterance in the
 * voice of its language, and espeak's word events kept beside the
 * samples, so a caller (the preview's transcript, a test, later the
 * keypad) knows which utterance and which word are being spoken at any
 * sample. Nothing here writes down what is spoken. One synthesiser per
 * process: espeak-ng keeps its state in globals. */
#ifndef SIGNPOST_SPEECH_SYNTH_H
#define SIGNPOST_SPEECH_SYNTH_H

#include "diag.h"
#include "speech.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A word espeak said: of utterance `utterance`, starting at `sample` of
 * the audio, the bytes text[off .. off+len) of that utterance's text. */
struct speech_word {
	size_t utterance;
	size_t sample;
	size_t off, len;
};

/* Sound made from a speech: owned by the caller, freed with
 * speech_audio_free() (NULL is ok). starts[i] is where utterance i begins. */
struct speech_audio {
	int16_t *pcm;
	size_t n, cap;
	int rate;
	struct speech_word *words;
	size_t n_words, cap_words;
	size_t *starts;
	size_t n_starts;
};

/* Starts espeak-ng (its voices from espeak-ng-data, in retrieval mode:
 * nothing is played). False, with the reason in err, when it cannot. */
bool speech_synth_open(char *err, size_t errlen);
void speech_synth_close(void);

/* Whether espeak-ng has a voice for this language code ("en", "pl",
 * "ar"). speech_synth_open() first. */
bool speech_synth_has_voice(const char *lang);

/* --check: a warning (at the code in kiosk.languages) for each language
 * of c that espeak-ng has no voice for: its texts would be read in
 * English sounds. Starts espeak-ng for the question when it is not
 * started, and leaves it started (speech_synth.c says why); when it
 * cannot start, one warning says so. */
void speech_check_voices(const struct content *c, struct diag_list *d);

/* Appends the sound of every utterance of sp to out, in order, with a
 * short pause after each; a language without a voice is said in the
 * default voice (English). False, with the reason in err, when espeak
 * fails. */
bool speech_synth_say(const struct speech *sp, struct speech_audio *out, char *err, size_t errlen);

/* The same for utterances [from, to) of sp: appended to out, starts[i]
 * set for those. */
bool speech_synth_say_range(const struct speech *sp, size_t from, size_t to, struct speech_audio *out, char *err,
			    size_t errlen);

/* espeak-ng's samples a second (22050); 0 before speech_synth_open(). */
int speech_synth_sample_rate(void);

/* The speed of what is synthesised next, in words a minute (voice.h). */
void speech_synth_set_rate(int words_a_minute);

void speech_audio_free(struct speech_audio *a);

/* Writes a's samples to path as a WAV file (PCM, 16-bit, mono). False,
 * with the reason in err, on failure. */
bool speech_audio_write_wav(const struct speech_audio *a, const char *path, char *err, size_t errlen);

#endif
