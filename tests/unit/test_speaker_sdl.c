/* test_speaker_sdl.c — a headset plugged in while the kiosk runs
 * (speaker.h): SDL's disk audio driver stands in for the sound card (its
 * one output, "System audio output device", written to /dev/null). An
 * output the setting allows that appears is opened and says so (the run
 * loop then turns speech on); one it does not allow is left alone; ours
 * going away closes it (speech off); a stop drops what is queued. */
#include "test.h"

#include "speaker.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
	setenv("SDL_AUDIODRIVER", "disk", 1);
	setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
	setenv("SDL_DISKAUDIODELAY", "1", 1);
	if (SDL_Init(0) != 0)
		return 1;
	RUN(test_plugged_in);
	SDL_Quit();
	return TEST_DONE();
}
