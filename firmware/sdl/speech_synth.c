/* speech_synth.c — speech with libespeak-ng; see speech_synth.h.
 *
 * espeak-ng is started in AUDIO_OUTPUT_SYNCHRONOUS mode: espeak_Synth()
 * returns once the text is spoken, having handed every buffer of samples
 * and its events to our callback, which appends them to the audio the
 * call was given (through the events' user_data). The voice is chosen
 * by language for each utterance (espeak_SetVoiceByProperties). */
#include "speech_synth.h"

#include "arena.h"

#include <espeak-ng/speak_lib.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAUSE_MS 350 /* silence after each utterance: the keypad's steps are heard apart */

static int rate;

/* What the callback appends to: the audio, and which utterance it is. */
struct synth_job {
	struct speech_audio *out;
	const char *text;
	size_t utterance;
};

static void append_samples(struct speech_audio *a, const short *wav, size_t n)
{
	if (a->n + n > a->cap) {
		size_t cap = a->cap ? a->cap : 16384;
		while (cap < a->n + n)
			cap *= 2;
		a->pcm = xrealloc(a->pcm, cap * sizeof *a->pcm);
		a->cap = cap;
	}
	if (wav)
		memcpy(a->pcm + a->n, wav, n * sizeof *wav);
	else
		memset(a->pcm + a->n, 0, n * sizeof *a->pcm);
	a->n += n;
}

/* The byte offset of character `chars` (0-based) of UTF-8 text s. */
static size_t byte_of_char(const char *s, size_t chars)
{
	size_t i = 0;
	while (s[i] && chars > 0) {
		i++;
		while ((s[i] & 0xC0) == 0x80)
			i++;
		chars--;
	}
	return i;
}

static void add_word(struct synth_job *job, const espeak_EVENT *ev)
{
	struct speech_audio *a = job->out;
	if (ev->text_position < 1 || ev->length < 1)
		return;
	/* espeak counts characters from 1 */
	size_t off = byte_of_char(job->text, (size_t)ev->text_position - 1);
	size_t end = byte_of_char(job->text, (size_t)(ev->text_position - 1 + ev->length));
	if (end <= off)
		return;
	if (a->n_words == a->cap_words) {
		a->cap_words = a->cap_words ? a->cap_words * 2 : 64;
		a->words = xrealloc(a->words, a->cap_words * sizeof *a->words);
	}
	size_t start = a->starts[job->utterance];
	a->words[a->n_words++] = (struct speech_word){
		.utterance = job->utterance,
		.sample = start + (size_t)ev->audio_position * (size_t)rate / 1000,
		.off = off,
		.len = end - off,
	};
}

static int on_synth(short *wav, int n, espeak_EVENT *events)
{
	struct synth_job *job = events ? events->user_data : NULL;
	if (!job)
		return 0;
	for (espeak_EVENT *ev = events; ev->type != espeakEVENT_LIST_TERMINATED; ev++)
		if (ev->type == espeakEVENT_WORD)
			add_word(job, ev);
	if (wav && n > 0)
		append_samples(job->out, wav, (size_t)n);
	return 0; /* go on */
}

bool speech_synth_open(char *err, size_t errlen)
{
	if (rate > 0)
		return true; /* started already (speech_check_voices()) */
	rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, NULL, espeakINITIALIZE_DONT_EXIT);
	if (rate <= 0) {
		snprintf(err, errlen, "espeak-ng could not start (are its voices, espeak-ng-data, installed?)");
		return false;
	}
	espeak_SetSynthCallback(on_synth);
	return true;
}

/* The languages of espeak's voices, each code followed by a NUL, asked
 * for once: each espeak_ListVoices() reads every voice file again (about
 * 400 files: a check of five languages opened 2,000 files for it) */
static char *voice_langs;
static size_t voice_langs_len;

void speech_synth_close(void)
{
	if (rate > 0)
		espeak_Terminate();
	rate = 0;
	free(voice_langs);
	voice_langs = NULL;
	voice_langs_len = 0;
}

static void list_voice_langs(void)
{
	/* espeak's list: each voice's languages one after another, each
	 * after a priority byte */
	const espeak_VOICE **voices = espeak_ListVoices(NULL);
	size_t len = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t v = 0; voices && voices[v]; v++)
			for (const char *l = voices[v]->languages; l && *l; l += strlen(l + 1) + 2) {
				size_t n = strlen(l + 1) + 1;
				if (pass == 1)
					memcpy(voice_langs + len, l + 1, n);
				len += n;
			}
		if (pass == 0) {
			voice_langs = xrealloc(NULL, len + 1);
			voice_langs_len = len;
			len = 0;
		}
	}
}

static bool set_voice(const char *lang)
{
	espeak_VOICE spec = { .languages = lang };
	return espeak_SetVoiceByProperties(&spec) == EE_OK;
}

bool speech_synth_has_voice(const char *lang)
{
	/* a voice whose language is this code or a dialect of it ("en" for
	 * en-gb) */
	if (!voice_langs)
		list_voice_langs();
	size_t n = strlen(lang);
	for (size_t at = 0; at < voice_langs_len; at += strlen(voice_langs + at) + 1) {
		const char *code = voice_langs + at;
		if (strncmp(code, lang, n) == 0 && (code[n] == '\0' || code[n] == '-'))
			return true;
	}
	return false;
}

void speech_check_voices(const struct content *c, struct diag_list *d)
{
	/* espeak-ng is started once and stays for the process: after an
	 * espeak_Terminate() a second espeak_Initialize() hangs the next
	 * Terminate (the fuzz target, which checks many files in one process,
	 * found it); a check child or --check checks one file and exits */
	char err[300];
	if (rate <= 0 && !speech_synth_open(err, sizeof err)) {
		diag_add(d, DIAG_WARNING, 0, 0, "%s; the kiosk cannot speak (install espeak-ng-data)", err);
		return;
	}
	for (size_t i = 0; i < c->n_langs; i++)
		if (!speech_synth_has_voice(c->langs[i]))
			diag_add(d, DIAG_WARNING, c->lang_at[i].line, c->lang_at[i].col,
				 "espeak-ng has no voice for the language '%s', so speech reads its texts with "
				 "English sounds; check the code (espeak-ng --voices, in the espeak-ng package, lists them), or leave "
				 "it and tell visitors who need speech to choose another language",
				 c->langs[i]);
}

int speech_synth_sample_rate(void)
{
	return rate;
}

void speech_synth_set_rate(int words_a_minute)
{
	if (rate > 0)
		espeak_SetParameter(espeakRATE, words_a_minute, 0);
}

bool speech_synth_say(const struct speech *sp, struct speech_audio *out, char *err, size_t errlen)
{
	return speech_synth_say_range(sp, 0, sp->n, out, err, errlen);
}

bool speech_synth_say_range(const struct speech *sp, size_t from, size_t to, struct speech_audio *out, char *err,
			    size_t errlen)
{
	if (rate <= 0) {
		snprintf(err, errlen, "espeak-ng is not started");
		return false;
	}
	out->rate = rate;
	if (out->n_starts < sp->n) {
		out->starts = xrealloc(out->starts, (sp->n ? sp->n : 1) * sizeof *out->starts);
		out->n_starts = sp->n;
	}
	const char *voice = NULL;
	for (size_t i = from; i < to && i < sp->n; i++) {
		const struct utterance *u = &sp->u[i];
		if (!voice || strcmp(voice, u->lang) != 0) {
			if (!set_voice(u->lang) && !set_voice("en")) {
				snprintf(err, errlen, "espeak-ng has no voice for '%s' nor English", u->lang);
				return false;
			}
			voice = u->lang;
		}
		out->starts[i] = out->n;
		struct synth_job job = { .out = out, .text = u->text, .utterance = i };
		espeak_ERROR e = espeak_Synth(u->text, strlen(u->text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
					      NULL, &job);
		if (e == EE_OK)
			e = espeak_Synchronize();
		if (e != EE_OK) {
			snprintf(err, errlen, "espeak-ng failed (error %d)", (int)e);
			return false;
		}
		append_samples(out, NULL, (size_t)rate * PAUSE_MS / 1000);
	}
	return true;
}

void speech_audio_free(struct speech_audio *a)
{
	if (!a)
		return;
	free(a->pcm);
	free(a->words);
	free(a->starts);
	*a = (struct speech_audio){ 0 };
}

static void le16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xFF);
	p[1] = (unsigned char)(v >> 8 & 0xFF);
}

static void le32(unsigned char *p, unsigned long v)
{
	le16(p, (unsigned)(v & 0xFFFF));
	le16(p + 2, (unsigned)(v >> 16 & 0xFFFF));
}

bool speech_audio_write_wav(const struct speech_audio *a, const char *path, char *err, size_t errlen)
{
	unsigned long bytes = (unsigned long)a->n * 2;
	unsigned char h[44];
	memcpy(h, "RIFF", 4);
	le32(h + 4, 36 + bytes);
	memcpy(h + 8, "WAVEfmt ", 8);
	le32(h + 16, 16);
	le16(h + 20, 1); /* PCM */
	le16(h + 22, 1); /* mono */
	le32(h + 24, (unsigned long)a->rate);
	le32(h + 28, (unsigned long)a->rate * 2);
	le16(h + 32, 2);
	le16(h + 34, 16);
	memcpy(h + 36, "data", 4);
	le32(h + 40, bytes);
	FILE *f = fopen(path, "wb");
	if (!f) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		return false;
	}
	bool ok = fwrite(h, 1, sizeof h, f) == sizeof h;
	/* little-endian samples, whatever the machine */
	unsigned char buf[4096];
	for (size_t i = 0; ok && i < a->n;) {
		size_t k = 0;
		for (; k < sizeof buf / 2 && i < a->n; k++, i++)
			le16(buf + 2 * k, (unsigned)(uint16_t)a->pcm[i]);
		ok = fwrite(buf, 2, k, f) == k;
	}
	if (fclose(f) != 0)
		ok = false;
	if (!ok)
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
	return ok;
}
