/* test_speaker_sdl.c — a headset plugged in while the kiosk runs
 * (speaker.h): SDL's disk audio driver stands in for the sound card (its
 * one output, "System audio output device", written to /dev/null). An
 * output the setting allows that appears is opened and says so (the run
 * loop then turns speech on); one it does not allow is left alone; ours
 * going away closes it (speech off); a stop drops what is queued.
 * Headphone sockets (jack.h): which outputs a socket's state allows, which
 * socket belongs to which output, and a socket's events read from a pipe
 * standing in for its event device: a plug put in opens its output, taken
 * out closes it, a socket that goes away is dropped. */
#define _GNU_SOURCE
#include "test.h"

#include "speaker.h"

#include <SDL.h>
#include <fcntl.h>
#include <linux/input.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static SDL_AudioDeviceEvent added(Uint32 which)
{
	return (SDL_AudioDeviceEvent){ .type = SDL_AUDIODEVICEADDED, .which = which, .iscapture = 0 };
}

static void test_plugged_in(void)
{
	struct speaker s = { 0 };
	bool gone = true;
	/* before SDL's audio is started nothing is news */
	SDL_AudioDeviceEvent ev = added(0);
	CHECK(!speaker_device_event(&s, &ev, SPEECH_OUT_NAMED, "System audio", &gone));
	CHECK(!gone);
	/* started with a setting that names no output here: nothing open */
	speaker_open(&s, SPEECH_OUT_NAMED, "Jabra", false);
	CHECK(s.audio);
	CHECK(s.dev == 0);
	/* an output appears that the setting does not allow: still nothing */
	CHECK(!speaker_device_event(&s, &ev, SPEECH_OUT_NAMED, "Jabra", &gone));
	CHECK(!speaker_device_event(&s, &ev, SPEECH_OUT_HEADSET, NULL, &gone));
	CHECK(s.dev == 0);
	/* one it allows: opened, and the caller is told */
	CHECK(speaker_device_event(&s, &ev, SPEECH_OUT_NAMED, "System audio", &gone));
	CHECK(s.dev != 0);
	CHECK(strcmp(s.name, "System audio output device") == 0);
	/* a capture device is never news */
	ev.iscapture = 1;
	CHECK(!speaker_device_event(&s, &ev, SPEECH_OUT_NAMED, "System audio", &gone));
	/* something said, then stopped: nothing left queued */
	struct speech sp = { 0 };
	struct voice v;
	voice_init(&v);
	if (s.synth) {
		static const char *const texts[] = { "One two three four five six seven.", "Eight nine ten." };
		struct utterance u[2];
		for (int i = 0; i < 2; i++)
			u[i] = (struct utterance){ .part = SPEECH_TEXT, .text = texts[i], .lang = "en", .step = (size_t)i };
		sp.u = u;
		sp.n = 2;
		sp.n_steps = 2;
		speaker_say(&s, NULL, &sp, 0, SIZE_MAX, &v);
		size_t heard = 0;
		int ms = speaker_feed(&s, &heard);
		CHECK(ms >= 0); /* more to come, or some still playing */
		CHECK(SDL_GetQueuedAudioSize(s.dev) > 0);
		speaker_stop(&s);
		CHECK_INT(SDL_GetQueuedAudioSize(s.dev), 0);
		CHECK_INT(speaker_feed(&s, &heard), -1); /* nothing more to say */
	}
	/* ours goes away: closed, and the caller is told */
	SDL_AudioDeviceEvent removed = { .type = SDL_AUDIODEVICEREMOVED, .which = s.dev, .iscapture = 0 };
	CHECK(!speaker_device_event(&s, &removed, SPEECH_OUT_NAMED, "System audio", &gone));
	CHECK(gone);
	CHECK(s.dev == 0);
	speaker_close(&s);
}

/* A socket's name belongs to its card's outputs only. */
static void test_socket_names(void)
{
	CHECK(jack_belongs("HDA Intel PCH Headphone", "HDA Intel PCH, ALC256 Analog"));
	CHECK(jack_belongs("QEMU USB Audio Headphone", "QEMU USB Audio, USB Audio"));
	CHECK(jack_belongs("System audio output device Headphone", "System audio output device"));
	CHECK(jack_belongs("HDA Intel PCH Headphone", "HDA Intel, ALC256 Analog")); /* could: see below */
	CHECK(!jack_belongs("HDA Intel PCH Headphone", "vc4-hdmi-0, MAI PCM i2s-hifi-0"));
	CHECK(!jack_belongs("HDA Intel PCHX Headphone", "HDA Intel PCH, ALC256 Analog"));
	CHECK(!jack_belongs("Headphone", ", nothing"));
	struct jacks js = { .n = 2 };
	snprintf(js.j[0].name, sizeof js.j[0].name, "HDA Intel PCH Headphone");
	snprintf(js.j[1].name, sizeof js.j[1].name, "HDA Intel PCH Front Headphone");
	static const char *const outputs[] = { "vc4-hdmi-0, MAI PCM i2s-hifi-0", "HDA Intel PCH, ALC256 Analog",
					       "HDA Intel, ALC3 Digital" };
	CHECK_INT(jacks_state_of(&js, outputs[0], outputs, 3), JACK_NONE);
	CHECK_INT(jacks_state_of(&js, outputs[1], outputs, 3), JACK_EMPTY);
	js.j[1].in = true; /* either socket of the card */
	CHECK_INT(jacks_state_of(&js, outputs[1], outputs, 3), JACK_PLUGGED);
	/* a card "HDA Intel" beside "HDA Intel PCH": the sockets are the latter's */
	CHECK_INT(jacks_state_of(&js, outputs[2], outputs, 3), JACK_NONE);
	CHECK_INT(jacks_state_of(&js, outputs[2], outputs, 1), JACK_PLUGGED); /* alone, it would be its */
	CHECK_INT(jacks_state_of(&js, NULL, outputs, 3), JACK_NONE);
}

/* A socket that says headphones are in makes its output a headset; one
 * that says nothing is in keeps even a "Headphones" output shut. */
static void test_socket_states(void)
{
	CHECK(speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "QEMU USB Audio, USB Audio", JACK_PLUGGED));
	CHECK(!speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "QEMU USB Audio, USB Audio", JACK_EMPTY));
	CHECK(!speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "QEMU USB Audio, USB Audio", JACK_NONE));
	CHECK(!speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "bcm2835 Headphones", JACK_EMPTY));
	CHECK(speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "bcm2835 Headphones", JACK_NONE));
	CHECK(!speaker_output_fits(SPEECH_OUT_NAMED, "QEMU", "QEMU USB Audio, USB Audio", JACK_EMPTY));
	CHECK(speaker_output_fits(SPEECH_OUT_NAMED, "QEMU", "QEMU USB Audio, USB Audio", JACK_PLUGGED));
	CHECK(!speaker_output_fits(SPEECH_OUT_NAMED, "Jabra", "QEMU USB Audio, USB Audio", JACK_PLUGGED));
	CHECK(!speaker_output_fits(SPEECH_OUT_NONE, NULL, "QEMU USB Audio, USB Audio", JACK_PLUGGED));
}

static void plug(int fd, int value)
{
	struct input_event e[2];
	memset(e, 0, sizeof e);
	e[0].type = EV_SW;
	e[0].code = SW_HEADPHONE_INSERT;
	e[0].value = value;
	e[1].type = EV_SYN; /* SYN_REPORT */
	CHECK(write(fd, e, sizeof e) == (ssize_t)sizeof e);
}

/* The disk driver's one output, with a socket of its card: the plug in
 * opens it (speech starts), out closes it (speech stops). */
static void test_socket_events(void)
{
	struct speaker s = { 0 };
	bool gone = true;
	speaker_open(&s, SPEECH_OUT_HEADSET, NULL, false);
	CHECK(s.audio);
	CHECK(s.dev == 0); /* "System audio output device" is no headset by its name */
	int p[2];
	if (pipe2(p, O_NONBLOCK | O_CLOEXEC) != 0 || s.jacks.n == JACKS_MAX) {
		CHECK(false);
		speaker_close(&s);
		return;
	}
	size_t i = s.jacks.n++; /* beside any real socket of this machine's */
	s.jacks.j[i] = (struct jack){ .fd = p[0], .in = false };
	snprintf(s.jacks.j[i].name, sizeof s.jacks.j[i].name, "System audio output device Headphone");
	/* events that are not the headphone switch: nothing */
	struct input_event other = { .type = EV_SW, .code = SW_LID, .value = 1 };
	CHECK(write(p[1], &other, sizeof other) == (ssize_t)sizeof other);
	CHECK(!speaker_jack_event(&s, i, SPEECH_OUT_HEADSET, NULL, &gone));
	CHECK(!gone);
	CHECK(s.dev == 0);
	/* a plug in: its output is opened, and the caller told */
	plug(p[1], 1);
	CHECK(speaker_jack_event(&s, i, SPEECH_OUT_HEADSET, NULL, &gone));
	CHECK(!gone);
	CHECK(s.dev != 0);
	CHECK(strcmp(s.name, "System audio output device") == 0);
	/* in again (a bounce): nothing new */
	plug(p[1], 1);
	CHECK(!speaker_jack_event(&s, i, SPEECH_OUT_HEADSET, NULL, &gone));
	CHECK(s.dev != 0);
	/* out: closed, and the caller told */
	plug(p[1], 0);
	CHECK(!speaker_jack_event(&s, i, SPEECH_OUT_HEADSET, NULL, &gone));
	CHECK(gone);
	CHECK(s.dev == 0);
	/* in and the socket's device gone at once: the socket is dropped */
	plug(p[1], 1);
	CHECK(speaker_jack_event(&s, i, SPEECH_OUT_HEADSET, NULL, &gone));
	CHECK(s.dev != 0);
	close(p[1]);
	size_t n = s.jacks.n;
	(void)speaker_jack_event(&s, i, SPEECH_OUT_HEADSET, NULL, &gone);
	CHECK_INT(s.jacks.n, n - 1);
	speaker_close(&s); /* closes the pipe's end with the sockets */
}

int main(void)
{
	setenv("SDL_AUDIODRIVER", "disk", 1);
	setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
	setenv("SDL_DISKAUDIODELAY", "1", 1);
	if (SDL_Init(0) != 0)
		return 1;
	RUN(test_plugged_in);
	RUN(test_socket_names);
	RUN(test_socket_states);
	RUN(test_socket_events);
	SDL_Quit();
	return TEST_DONE();
}
