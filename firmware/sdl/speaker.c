/* speaker.c — speech played to a visitor; see speaker.h.
 *
 * The output is an SDL audio device with a queue (SDL_QueueAudio): a
 * step is synthesised (speech_synth.h, synchronous, a few milliseconds),
 * scaled to the voice's volume and queued; while reading on, the next
 * steps follow as the queue runs short, so no synthesis holds the loop
 * for a whole screen. Stopping clears the queue: what SDL has taken
 * into the buffer it is playing is all that is heard after it. */
#include "speaker.h"

#include "arena.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

enum voice_key speaker_key_of(SDL_Keycode key, SDL_Keymod mod, bool escape_quits)
{
	bool shift = (mod & KMOD_SHIFT) != 0;
	switch (key) {
	case SDLK_DOWN:
	case SDLK_KP_2:
		return VOICE_KEY_NEXT;
	case SDLK_TAB:
		return shift ? VOICE_KEY_PREV : VOICE_KEY_NEXT;
	case SDLK_UP:
	case SDLK_KP_8:
		return VOICE_KEY_PREV;
	case SDLK_RIGHT:
	case SDLK_KP_6:
	case SDLK_PAGEDOWN:
		return VOICE_KEY_NEXT_SCREEN;
	case SDLK_LEFT:
	case SDLK_KP_4:
	case SDLK_PAGEUP:
		return VOICE_KEY_PREV_SCREEN;
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
	case SDLK_SPACE:
	case SDLK_KP_5:
		return VOICE_KEY_CHOOSE;
	case SDLK_r:
	case SDLK_KP_0:
		return VOICE_KEY_REPEAT;
	case SDLK_h:
	case SDLK_F1:
	case SDLK_HELP:
	case SDLK_QUESTION:
		return VOICE_KEY_HELP;
	case SDLK_SLASH:
		return shift ? VOICE_KEY_HELP : VOICE_KEY_NONE;
	case SDLK_PLUS:
	case SDLK_EQUALS:
	case SDLK_KP_PLUS:
	case SDLK_VOLUMEUP:
		return VOICE_KEY_LOUDER;
	case SDLK_MINUS:
	case SDLK_KP_MINUS:
	case SDLK_VOLUMEDOWN:
		return VOICE_KEY_QUIETER;
	case SDLK_RIGHTBRACKET:
	case SDLK_KP_MULTIPLY:
		return VOICE_KEY_FASTER;
	case SDLK_LEFTBRACKET:
	case SDLK_KP_DIVIDE:
		return VOICE_KEY_SLOWER;
	case SDLK_ESCAPE:
		return escape_quits ? VOICE_KEY_NONE : VOICE_KEY_QUICK_EXIT;
	case SDLK_BACKSPACE:
	case SDLK_DELETE:
	case SDLK_KP_PERIOD:
		return VOICE_KEY_QUICK_EXIT;
	default:
		return VOICE_KEY_NONE;
	}
}

/* Whether s contains part, ASCII case ignored. */
static bool contains_nocase(const char *s, const char *part)
{
	size_t n = strlen(part);
	for (; *s; s++)
		if (SDL_strncasecmp(s, part, n) == 0)
			return true;
	return false;
}

bool speaker_output_fits(enum speech_output o, const char *setting_name, const char *name, enum jack_state socket)
{
	static const char *const headset[] = { "headphone", "headset", "earphone", "earpiece" };
	if (!name)
		return o == SPEECH_OUT_LOUDSPEAKER;
	/* a socket that says nothing is in it: nobody would hear */
	if (socket == JACK_EMPTY && o != SPEECH_OUT_LOUDSPEAKER)
		return false;
	switch (o) {
	case SPEECH_OUT_HEADSET:
		if (socket == JACK_PLUGGED)
			return true;
		for (size_t i = 0; i < sizeof headset / sizeof headset[0]; i++)
			if (contains_nocase(name, headset[i]))
				return true;
		return false;
	case SPEECH_OUT_NAMED:
		return setting_name && *setting_name && contains_nocase(name, setting_name);
	case SPEECH_OUT_LOUDSPEAKER:
		return true;
	case SPEECH_OUT_NONE:
	default:
		return false;
	}
}

/* The state of the sockets of the output called name (jack.h). */
static enum jack_state socket_state(const struct speaker *s, const char *name)
{
	if (s->jacks.n == 0 || !name)
		return JACK_NONE;
	const char *outputs[16];
	size_t n = 0;
	int all = SDL_GetNumAudioDevices(0);
	for (int i = 0; i < all && n < sizeof outputs / sizeof outputs[0]; i++)
		outputs[n++] = SDL_GetAudioDeviceName(i, 0);
	return jacks_state_of(&s->jacks, name, outputs, n);
}

/* espeak-ng, started when there is an output to speak to (a kiosk with
 * no headset never loads the voices). */
static bool synth_ready(struct speaker *s)
{
	char err[300];
	if (!s->synth && !speech_synth_open(err, sizeof err)) {
		fprintf(stderr, "signpost: speech: %s; the kiosk cannot speak\n", err);
		return false;
	}
	s->synth = true;
	s->rate = speech_synth_sample_rate();
	return true;
}

/* Opens the output called name (NULL: the system's default). */
static bool open_output(struct speaker *s, const char *name)
{
	if (!synth_ready(s))
		return false;
	SDL_AudioSpec want = { .freq = s->rate, .format = AUDIO_S16SYS, .channels = 1,
			       .samples = SPEAKER_BUFFER_SAMPLES }, have;
	SDL_AudioDeviceID dev = SDL_OpenAudioDevice(name, 0, &want, &have, 0);
	if (!dev) {
		fprintf(stderr, "signpost: speech: cannot open the sound output '%s': %s\n",
			name ? name : "default", SDL_GetError());
		return false;
	}
	s->dev = dev;
	snprintf(s->name, sizeof s->name, "%s", name ? name : "");
	s->queued = 0;
	s->n_marks = 0;
	SDL_PauseAudioDevice(dev, 0);
	fprintf(stderr, "signpost: speech: through the sound output '%s'\n", name ? name : "the system's default");
	return true;
}

/* The first output the setting allows, opened. */
static bool pick(struct speaker *s, enum speech_output o, const char *setting_name, bool say_none)
{
	if (o == SPEECH_OUT_LOUDSPEAKER)
		return open_output(s, NULL);
	int n = SDL_GetNumAudioDevices(0);
	char seen[400] = "";
	size_t used = 0;
	for (int i = 0; i < n; i++) {
		const char *name = SDL_GetAudioDeviceName(i, 0);
		if (!name)
			continue;
		if (speaker_output_fits(o, setting_name, name, socket_state(s, name)))
			return open_output(s, name);
		int k = snprintf(seen + used, sizeof seen - used, "%s'%s'", used ? ", " : "", name);
		if (k > 0 && (size_t)k < sizeof seen - used)
			used += (size_t)k;
	}
	if (say_none)
		fprintf(stderr,
			"signpost: speech: no sound output %s%s%s (outputs seen: %s); speech starts when one is "
			"plugged in\n",
			o == SPEECH_OUT_HEADSET ? "named as headphones or a headset" : "named like '",
			o == SPEECH_OUT_HEADSET ? "" : setting_name, o == SPEECH_OUT_HEADSET ? "" : "'",
			used ? seen : "none");
	return false;
}

void speaker_open(struct speaker *s, enum speech_output o, const char *setting_name, bool trace)
{
	s->trace = trace;
	if (o == SPEECH_OUT_NONE || s->audio)
		return;
	/* ALSA, as on the console: no sound server is asked (PulseAudio's
	 * client would look for one on the X display, and try to start one).
	 * A driver someone named is kept (the tests' disk driver). */
	setenv("SDL_AUDIODRIVER", "alsa", 0);
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
		fprintf(stderr, "signpost: speech: no sound (%s); the kiosk cannot speak\n", SDL_GetError());
		return;
	}
	s->audio = true;
	jacks_open(&s->jacks, "/dev/input");
	/* SDL announces every output there is as it starts: only outputs
	 * that come later are news (a headset plugged in) */
	SDL_PumpEvents();
	SDL_FlushEvent(SDL_AUDIODEVICEADDED);
	pick(s, o, setting_name, true);
}

void speaker_close(struct speaker *s)
{
	if (s->dev)
		SDL_CloseAudioDevice(s->dev);
	s->dev = 0;
	if (s->audio) {
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		jacks_close(&s->jacks);
	}
	s->audio = false;
	speech_audio_free(&s->a);
	free(s->out);
	s->out = NULL;
	s->out_cap = 0;
	/* espeak-ng stays started for the process (speech_synth.c says why) */
}

/* Our output is gone: nothing more is played to it. */
static void lose_output(struct speaker *s)
{
	SDL_CloseAudioDevice(s->dev);
	s->dev = 0;
	s->next_u = s->end_u;
	s->say_words = false;
}

bool speaker_device_event(struct speaker *s, const SDL_AudioDeviceEvent *ev, enum speech_output o,
			  const char *setting_name, bool *gone)
{
	*gone = false;
	if (!s->audio || ev->iscapture)
		return false;
	if (ev->type == SDL_AUDIODEVICEREMOVED) {
		if (s->dev && ev->which == s->dev) {
			fprintf(stderr, "signpost: speech: the sound output '%s' went away\n", s->name);
			lose_output(s);
			*gone = true;
		}
		return false;
	}
	if (s->dev)
		return false;
	const char *name = SDL_GetAudioDeviceName((int)ev->which, 0);
	if (!name || !speaker_output_fits(o, setting_name, name, socket_state(s, name)))
		return false;
	return open_output(s, name);
}

bool speaker_jack_event(struct speaker *s, size_t i, enum speech_output o, const char *setting_name, bool *gone)
{
	*gone = false;
	char name[sizeof s->jacks.j[0].name];
	snprintf(name, sizeof name, "%s", s->jacks.j[i].name);
	bool went;
	if (!jacks_read(&s->jacks, i, &went))
		return false;
	bool in = !went && s->jacks.j[i].in;
	fprintf(stderr, "signpost: speech: the socket '%s' says %s\n", name,
		in ? "headphones are plugged in" : went ? "it went away" : "they were taken out");
	if (s->dev && s->name[0] && jack_belongs(name, s->name) &&
	    !speaker_output_fits(o, setting_name, s->name, socket_state(s, s->name))) {
		fprintf(stderr, "signpost: speech: stopped: nothing is plugged into '%s'\n", s->name);
		lose_output(s);
		*gone = true;
		return false;
	}
	return in && !s->dev && pick(s, o, setting_name, false);
}

bool speaker_sockets_changed(struct speaker *s, enum speech_output o, const char *setting_name)
{
	if (!s->audio || !jacks_rescan(&s->jacks) || s->dev)
		return false;
	return pick(s, o, setting_name, false);
}

void speaker_stop(struct speaker *s)
{
	if (!s->dev)
		return;
	Uint32 left = SDL_GetQueuedAudioSize(s->dev);
	SDL_ClearQueuedAudio(s->dev);
	if (s->trace && (left || s->next_u < s->end_u || s->say_words))
		fprintf(stderr, "trace: speech stopped (%u samples dropped)\n", left / 2);
	s->next_u = s->end_u = 0;
	s->say_words = false;
	s->sp = NULL;
	s->queued = 0;
	s->n_marks = 0;
}

/* The first utterance of sp at or after step. */
static size_t utterance_of_step(const struct speech *sp, size_t step)
{
	size_t i = 0;
	while (i < sp->n && sp->u[i].step < step)
		i++;
	return i;
}

void speaker_say(struct speaker *s, const struct speech *words, const struct speech *sp, size_t from, size_t to,
		 const struct voice *v)
{
	if (!s->dev)
		return;
	s->words = words;
	s->say_words = words && words->n > 0;
	s->sp = sp;
	s->next_u = sp ? utterance_of_step(sp, from) : 0;
	s->end_u = sp ? utterance_of_step(sp, to) : 0;
	s->gain = voice_gain(v->volume);
	speech_synth_set_rate(v->rate);
}

/* Queues a's samples at the speaker's volume. */
static void queue(struct speaker *s, const struct speech_audio *a)
{
	if (a->n > s->out_cap) {
		s->out = xrealloc(s->out, a->n * sizeof *s->out);
		s->out_cap = a->n;
	}
	for (size_t i = 0; i < a->n; i++) {
		long x = lround(a->pcm[i] * s->gain);
		s->out[i] = (int16_t)(x > 32767 ? 32767 : x < -32768 ? -32768 : x);
	}
	if (SDL_QueueAudio(s->dev, s->out, (Uint32)(a->n * sizeof *s->out)) == 0)
		s->queued += a->n;
	if (s->key_at && s->trace) /* how soon, never what */
		fprintf(stderr, "trace: speech first samples queued %u ms after the key\n", SDL_GetTicks() - s->key_at);
	s->key_at = 0;
}

/* The next piece: the words, or one step of sp. */
static bool synth_next(struct speaker *s)
{
	char err[300];
	s->a.n = 0;
	s->a.n_words = 0;
	bool ok;
	if (s->say_words) {
		s->say_words = false;
		ok = speech_synth_say_range(s->words, 0, s->words->n, &s->a, err, sizeof err);
	} else {
		size_t from = s->next_u, to = from;
		while (to < s->end_u && s->sp->u[to].step == s->sp->u[from].step)
			to++;
		s->next_u = to;
		if (s->n_marks < SPEAKER_MARKS)
			s->marks[s->n_marks++] = (struct speaker_mark){ s->queued, s->sp->u[from].step };
		ok = speech_synth_say_range(s->sp, from, to, &s->a, err, sizeof err);
	}
	if (!ok) {
		fprintf(stderr, "signpost: speech: %s\n", err);
		s->next_u = s->end_u;
		return false;
	}
	queue(s, &s->a);
	return true;
}

int speaker_feed(struct speaker *s, size_t *heard)
{
	if (!s->dev)
		return -1;
	uint64_t ahead = SDL_GetQueuedAudioSize(s->dev) / 2;
	uint64_t played = s->queued > ahead ? s->queued - ahead : 0;
	for (size_t i = 0; i < s->n_marks && s->marks[i].at <= played; i++)
		*heard = s->marks[i].step;
	uint64_t want = (uint64_t)s->rate * SPEAKER_AHEAD_MS / 1000;
	while (ahead < want && (s->say_words || (s->sp && s->next_u < s->end_u))) {
		uint64_t before = s->queued;
		if (!synth_next(s))
			break;
		ahead += s->queued - before;
	}
	if (s->say_words || (s->sp && s->next_u < s->end_u))
		return 100;
	if (ahead > 0) /* all queued: follow it to its end */
		return (int)(ahead * 1000 / (uint64_t)s->rate) + 20;
	return -1;
}
