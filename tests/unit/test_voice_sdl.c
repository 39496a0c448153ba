/* test_voice_sdl.c — a visitor's speech session (voice.h) on a real
 * frame's speech, and the speaker's pure parts (speaker.h): which keys
 * are which, which sound outputs the content's setting allows; and the
 * loader's speech.output, with its messages. */
#include "fixture.h"
#include "test.h"

#include "deck.h"
#include "diag.h"
#include "kiosk.h"
#include "load.h"
#include "scene.h"
#include "speaker.h"
#include "speech.h"
#include "voice.h"

#include <stdlib.h>
#include <string.h>

static const char *two_screens =
	"kiosk: { quick_exit: neutral, help: { name: \"Support line\", number: \"0808 500 2222\" } }\n"
	"screens:\n"
	"  - { id: first, title: \"First\", blocks: [ { text: \"One\" }, { steps: [\"a\", \"b\"] } ] }\n"
	"  - { id: neutral, title: \"Waiting room\", blocks: [ { text: \"Sit.\" } ] }\n";

struct frame {
	struct content c;
	struct deck d;
	struct kiosk k;
	struct speech sp;
};

static bool frame_open(struct frame *f, const char *yaml, const struct kiosk_pose *p)
{
	memset(f, 0, sizeof *f);
	struct diag_list dl = { 0 };
	bool ok = content_load_buffer("voice.yaml", yaml, strlen(yaml), &f->c, &dl) == LOAD_OK;
	if (!ok)
		diag_print(&dl, "voice.yaml", stderr);
	diag_clear(&dl);
	if (!ok)
		return false;
	deck_build(&f->d, &fake_measurer, &f->c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
	kiosk_init(&f->k, &f->c, 0);
	kiosk_set_page_counts(&f->k, f->d.page_counts, f->d.n);
	kiosk_pose(&f->k, p, 0);
	speech_build(&f->sp, &(struct speech_input){ &f->c, &f->k, f->d.layouts });
	return true;
}

static void frame_close(struct frame *f)
{
	speech_free(&f->sp);
	kiosk_free(&f->k);
	deck_free(&f->d);
	content_free(&f->c);
}

/* The step of the first utterance with this part (and action). */
static size_t step_of(const struct speech *sp, enum speech_part part, enum kiosk_action action)
{
	for (size_t i = 0; i < sp->n; i++)
		if (sp->u[i].part == part && (part != SPEECH_BUTTON || sp->u[i].action == action))
			return sp->u[i].step;
	return SIZE_MAX;
}

static void test_first_key_only_turns_speech_on(void)
{
	struct frame f;
	if (!frame_open(&f, two_screens, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }))
		{ CHECK(false); return; }
	struct voice v;
	voice_init(&v);
	CHECK(!v.on);
	/* whatever the key, the first only turns speech on: the intro, and
	 * the screen from the top; it presses nothing */
	for (int key = VOICE_KEY_NEXT; key < VOICE_KEY_QUICK_EXIT; key++) {
		voice_init(&v);
		struct voice_reply r = voice_key(&v, &f.sp, (enum voice_key)key);
		CHECK(v.on);
		CHECK(r.wake);
		CHECK(r.intro);
		CHECK_INT(r.say, VOICE_SAY_ON);
		CHECK_INT(r.press, ACTION_NONE);
		CHECK_INT(v.cur.step, 0);
	}
	/* a key that is none of ours does nothing at all */
	voice_init(&v);
	struct voice_reply r = voice_key(&v, &f.sp, VOICE_KEY_NONE);
	CHECK(!v.on);
	CHECK(!r.wake && !r.stop && !r.intro);
	CHECK_INT(r.say, VOICE_SAY_NOTHING);
	frame_close(&f);
}

static void test_moving_and_choosing(void)
{
	struct frame f;
	if (!frame_open(&f, two_screens, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }))
		{ CHECK(false); return; }
	struct voice v;
	voice_init(&v);
	voice_key(&v, &f.sp, VOICE_KEY_NEXT); /* on */
	struct voice_reply r = voice_key(&v, &f.sp, VOICE_KEY_NEXT);
	CHECK_INT(v.cur.step, 1);
	CHECK(r.stop);
	CHECK_INT(r.say, VOICE_SAY_STEP);
	CHECK_INT(r.press, ACTION_NONE);
	/* up at the top stays on the title and says it */
	voice_key(&v, &f.sp, VOICE_KEY_PREV);
	r = voice_key(&v, &f.sp, VOICE_KEY_PREV);
	CHECK_INT(v.cur.step, 0);
	CHECK_INT(r.say, VOICE_SAY_STEP);
	/* down at the end stays on the last step */
	for (size_t i = 0; i < f.sp.n_steps + 3; i++)
		voice_key(&v, &f.sp, VOICE_KEY_NEXT);
	CHECK_INT(v.cur.step, f.sp.n_steps - 1);
	/* choose on a text says it again and presses nothing */
	v.cur.step = 1;
	r = voice_key(&v, &f.sp, VOICE_KEY_CHOOSE);
	CHECK_INT(r.press, ACTION_NONE);
	CHECK_INT(r.say, VOICE_SAY_STEP);
	/* choose on a button presses it */
	size_t topics = step_of(&f.sp, SPEECH_BUTTON, ACTION_HOME);
	CHECK(topics != SIZE_MAX);
	v.cur.step = topics;
	r = voice_key(&v, &f.sp, VOICE_KEY_CHOOSE);
	CHECK_INT(r.press, ACTION_HOME);
	v.cur.step = step_of(&f.sp, SPEECH_BUTTON, ACTION_QUICK_EXIT);
	r = voice_key(&v, &f.sp, VOICE_KEY_CHOOSE);
	CHECK_INT(r.press, ACTION_QUICK_EXIT);
	/* the screen keys press next and previous */
	r = voice_key(&v, &f.sp, VOICE_KEY_NEXT_SCREEN);
	CHECK_INT(r.press, ACTION_NEXT);
	r = voice_key(&v, &f.sp, VOICE_KEY_PREV_SCREEN);
	CHECK_INT(r.press, ACTION_PREV);
	/* repeat and help */
	CHECK_INT(voice_key(&v, &f.sp, VOICE_KEY_REPEAT).say, VOICE_SAY_STEP);
	CHECK_INT(voice_key(&v, &f.sp, VOICE_KEY_HELP).say, VOICE_SAY_HELP);
	/* while reading on, the cursor follows what is heard */
	voice_heard(&v, 2);
	CHECK_INT(v.cur.step, 2);
	/* a new frame is read from the top */
	r = voice_frame_changed(&v);
	CHECK(r.stop);
	CHECK_INT(r.say, VOICE_SAY_ON);
	CHECK_INT(v.cur.step, 0);
	frame_close(&f);
}

static void test_volume_speed_and_reset(void)
{
	struct frame f;
	if (!frame_open(&f, two_screens, &(struct kiosk_pose){ .mode = KIOSK_BROWSE }))
		{ CHECK(false); return; }
	struct voice v;
	voice_init(&v);
	CHECK_INT(v.volume, VOICE_VOLUME_START);
	CHECK_INT(v.rate, VOICE_RATE_START);
	voice_key(&v, &f.sp, VOICE_KEY_LOUDER); /* on: does nothing else */
	CHECK_INT(v.volume, VOICE_VOLUME_START);
	for (int i = 0; i < 20; i++)
		voice_key(&v, &f.sp, VOICE_KEY_LOUDER);
	CHECK_INT(v.volume, VOICE_VOLUMES);
	for (int i = 0; i < 20; i++)
		voice_key(&v, &f.sp, VOICE_KEY_QUIETER);
	CHECK_INT(v.volume, 1);
	for (int i = 0; i < 20; i++)
		voice_key(&v, &f.sp, VOICE_KEY_FASTER);
	CHECK_INT(v.rate, VOICE_RATE_MAX);
	struct voice_reply r = voice_key(&v, &f.sp, VOICE_KEY_SLOWER);
	CHECK_INT(v.rate, VOICE_RATE_MAX - VOICE_RATE_STEP);
	CHECK_INT(r.say, VOICE_SAY_STEP); /* heard at the new speed */
	/* the gain: 1 at the start, twice as loud two steps up */
	CHECK(voice_gain(VOICE_VOLUME_START) == 1.0);
	CHECK(voice_gain(VOICE_VOLUME_START + 2) > 1.99 && voice_gain(VOICE_VOLUME_START + 2) < 2.01);
	CHECK(voice_gain(1) < voice_gain(2));
	/* Quick exit: off, pressed, everything back for the next visitor */
	v.cur.step = 2;
	r = voice_key(&v, &f.sp, VOICE_KEY_QUICK_EXIT);
	CHECK(r.stop);
	CHECK_INT(r.press, ACTION_QUICK_EXIT);
	CHECK(!v.on);
	CHECK_INT(v.volume, VOICE_VOLUME_START);
	CHECK_INT(v.rate, VOICE_RATE_START);
	CHECK_INT(v.cur.step, 0);
	/* Quick exit while off: pressed, and speech stays off */
	r = voice_key(&v, &f.sp, VOICE_KEY_QUICK_EXIT);
	CHECK_INT(r.press, ACTION_QUICK_EXIT);
	CHECK(!r.stop && !v.on);
	/* the idle reset */
	voice_key(&v, &f.sp, VOICE_KEY_NEXT);
	voice_key(&v, &f.sp, VOICE_KEY_LOUDER);
	CHECK(voice_reset(&v));
	CHECK(!v.on);
	CHECK_INT(v.volume, VOICE_VOLUME_START);
	CHECK(!voice_reset(&v)); /* nothing was on */
	frame_close(&f);
}

static void test_frames(void)
{
	struct kiosk k = { .mode = KIOSK_ATTRACT, .view = { 1, 0 } };
	struct voice_frame a = voice_frame_of(&k);
	k.mode = KIOSK_BROWSE; /* woken on the screen shown: the same frame */
	CHECK(voice_frame_same(a, voice_frame_of(&k)));
	k.view.page = 1;
	CHECK(!voice_frame_same(a, voice_frame_of(&k)));
	k.view.page = 0;
	k.mode = KIOSK_MENU;
	CHECK(!voice_frame_same(a, voice_frame_of(&k)));
	k.mode = KIOSK_BROWSE;
	k.lang = 1;
	CHECK(!voice_frame_same(a, voice_frame_of(&k)));
	k.lang = 0;
	k.mode = KIOSK_IDLE;
	CHECK(!voice_frame_same(a, voice_frame_of(&k)));
}

static void test_keys(void)
{
	CHECK_INT(speaker_key_of(SDLK_DOWN, 0, false), VOICE_KEY_NEXT);
	CHECK_INT(speaker_key_of(SDLK_UP, 0, false), VOICE_KEY_PREV);
	CHECK_INT(speaker_key_of(SDLK_TAB, KMOD_LSHIFT, false), VOICE_KEY_PREV);
	CHECK_INT(speaker_key_of(SDLK_RIGHT, 0, false), VOICE_KEY_NEXT_SCREEN);
	CHECK_INT(speaker_key_of(SDLK_KP_4, 0, false), VOICE_KEY_PREV_SCREEN);
	CHECK_INT(speaker_key_of(SDLK_RETURN, 0, false), VOICE_KEY_CHOOSE);
	CHECK_INT(speaker_key_of(SDLK_r, 0, false), VOICE_KEY_REPEAT);
	CHECK_INT(speaker_key_of(SDLK_h, 0, false), VOICE_KEY_HELP);
	CHECK_INT(speaker_key_of(SDLK_SLASH, KMOD_RSHIFT, false), VOICE_KEY_HELP); /* ? */
	CHECK_INT(speaker_key_of(SDLK_SLASH, 0, false), VOICE_KEY_NONE);
	CHECK_INT(speaker_key_of(SDLK_VOLUMEUP, 0, false), VOICE_KEY_LOUDER);
	CHECK_INT(speaker_key_of(SDLK_KP_MINUS, 0, false), VOICE_KEY_QUIETER);
	CHECK_INT(speaker_key_of(SDLK_RIGHTBRACKET, 0, false), VOICE_KEY_FASTER);
	CHECK_INT(speaker_key_of(SDLK_LEFTBRACKET, 0, false), VOICE_KEY_SLOWER);
	CHECK_INT(speaker_key_of(SDLK_ESCAPE, 0, false), VOICE_KEY_QUICK_EXIT);
	CHECK_INT(speaker_key_of(SDLK_ESCAPE, 0, true), VOICE_KEY_NONE); /* a window: Esc closes it */
	CHECK_INT(speaker_key_of(SDLK_BACKSPACE, 0, true), VOICE_KEY_QUICK_EXIT);
	/* letters, function keys, modifiers: nothing */
	static const SDL_Keycode others[] = { SDLK_a, SDLK_x, SDLK_F5, SDLK_LSHIFT, SDLK_LALT, SDLK_LGUI, SDLK_F4 };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		CHECK_INT(speaker_key_of(others[i], 0, false), VOICE_KEY_NONE);
}

static void test_outputs(void)
{
	/* by default: headphones or a headset, never anything else */
	CHECK(speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "bcm2835 Headphones", JACK_NONE));
	CHECK(speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "Logitech USB Headset, USB Audio", JACK_NONE));
	CHECK(!speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "vc4-hdmi-0, MAI PCM i2s-hifi-0", JACK_NONE));
	CHECK(!speaker_output_fits(SPEECH_OUT_HEADSET, NULL, "System audio output device", JACK_NONE));
	CHECK(!speaker_output_fits(SPEECH_OUT_HEADSET, NULL, NULL, JACK_NONE)); /* the system's default */
	CHECK(speaker_output_fits(SPEECH_OUT_NAMED, "jabra", "Jabra EVOLVE 20 MS, USB Audio", JACK_NONE));
	CHECK(!speaker_output_fits(SPEECH_OUT_NAMED, "jabra", "bcm2835 Headphones", JACK_NONE));
	CHECK(!speaker_output_fits(SPEECH_OUT_NAMED, "", "bcm2835 Headphones", JACK_NONE));
	CHECK(speaker_output_fits(SPEECH_OUT_LOUDSPEAKER, NULL, NULL, JACK_NONE));
	CHECK(!speaker_output_fits(SPEECH_OUT_NONE, NULL, "bcm2835 Headphones", JACK_NONE));
}

/* speech.output as staff write it, and the message when it is wrong. */
static void test_setting(void)
{
	static const struct {
		const char *value;
		enum speech_output want;
		const char *name, *message; /* message: an error that says this */
	} cases[] = {
		{ "headset", SPEECH_OUT_HEADSET, NULL, NULL },
		{ "Headset", SPEECH_OUT_HEADSET, NULL, NULL },
		{ "none", SPEECH_OUT_NONE, NULL, NULL },
		{ "\"USB Headset\"", SPEECH_OUT_NAMED, "USB Headset", NULL },
		{ "\"" SPEECH_LOUDSPEAKER_WORDS "\"", SPEECH_OUT_LOUDSPEAKER, NULL, NULL },
		{ "loudspeaker", SPEECH_OUT_HEADSET, NULL,
		  "6:11: error: the output 'loudspeaker' sounds like a loudspeaker, which everyone in the waiting room "
		  "would hear" },
		{ "\"USB Speaker\"", SPEECH_OUT_HEADSET, NULL, "write exactly  output: \"" SPEECH_LOUDSPEAKER_WORDS },
		{ "[a, b]", SPEECH_OUT_HEADSET, NULL, "6:11: error: 'output' must be headset, none, or part of" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char yaml[1024];
		snprintf(yaml, sizeof yaml, "%sspeech:\n  output: %s\n", two_screens, cases[i].value);
		/* two_screens is 4 lines: the value is on line 6 at column 11 */
		struct content c = { 0 };
		struct diag_list dl = { 0 };
		enum load_result res = content_load_buffer("voice.yaml", yaml, strlen(yaml), &c, &dl);
		if (cases[i].message) {
			CHECK(res != LOAD_OK);
			char *text = NULL;
			size_t len = 0;
			FILE *m = open_memstream(&text, &len);
			diag_print(&dl, "voice.yaml", m);
			fclose(m);
			bool says = strstr(text, cases[i].message) != NULL;
			if (!says)
				fprintf(stderr, "case %zu said: %s\n", i, text);
			CHECK(says);
			free(text);
		} else {
			CHECK_INT(res, LOAD_OK);
			if (res == LOAD_OK) {
				CHECK_INT(c.speech_output, cases[i].want);
				if (cases[i].name)
					CHECK_STR(c.speech_name, cases[i].name);
			}
		}
		diag_clear(&dl);
		if (res == LOAD_OK)
			content_free(&c);
	}
	/* none given: a headset */
	struct content c = { 0 };
	struct diag_list dl = { 0 };
	if (content_load_buffer("voice.yaml", two_screens, strlen(two_screens), &c, &dl) == LOAD_OK) {
		CHECK_INT(c.speech_output, SPEECH_OUT_HEADSET);
		content_free(&c);
	} else {
		CHECK(false);
	}
	diag_clear(&dl);
}

/* The Listen button: in the bar only where the layout made room for it
 * (a kiosk with an output, or the check's fuller bar) and while an output
 * can speak; beside Quick exit; the first touch on it acts (no waking
 * touch swallowed); and it is said as a button. */
static const struct draw_item *item_of(const struct draw_list *dl, enum kiosk_action a)
{
	for (size_t i = 0; i < dl->n; i++)
		if (dl->items[i].action == a)
			return &dl->items[i];
	return NULL;
}

static void test_listen_button(void)
{
	struct content c = { 0 };
	struct diag_list dl = { 0 };
	if (content_load_buffer("voice.yaml", two_screens, strlen(two_screens), &c, &dl) != LOAD_OK)
		{ CHECK(false); diag_clear(&dl); return; }
	diag_clear(&dl);
	for (int room = 0; room < 2; room++) {
		struct deck d = { 0 };
		deck_build(&d, &fake_measurer, &c,
			   (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0, .listen = room == 1 });
		/* the bar keeps Listen's room only where it was asked for */
		int lw = layout_listen_w(&fake_measurer, &d.layouts[0].m, &c, 0);
		CHECK(room ? lw > 0 : lw == 0);
		CHECK(layout_hint_room(&fake_measurer, &d.layouts[0].m, &c, 0) > 0);
		for (int ready = 0; ready < 2; ready++) {
			for (int mode = 0; mode < 2; mode++) {
				struct kiosk k;
				kiosk_init(&k, &c, 0);
				kiosk_set_page_counts(&k, d.page_counts, d.n);
				kiosk_pose(&k, &(struct kiosk_pose){ .mode = mode ? KIOSK_BROWSE : KIOSK_ATTRACT,
								  .speech_ready = ready == 1 },
					   0);
				struct draw_list out = { 0 };
				scene_build(&out, &(struct scene_input){ &c, &k, d.layouts, &fake_measurer, 0, NULL });
				const struct draw_item *l = item_of(&out, ACTION_SPEECH), *q = item_of(&out, ACTION_QUICK_EXIT);
				CHECK((l != NULL) == (room && ready));
				if (l && q) {
					CHECK(l->x + l->w < q->x); /* left of Quick exit, */
					CHECK(l->y == q->y);       /* in its row */
					int arg;
					CHECK_INT(scene_hit(&out, l->x + l->w / 2, l->y + l->h / 2, &arg), ACTION_SPEECH);
				}
				struct speech sp = { 0 };
				speech_build(&sp, &(struct speech_input){ &c, &k, d.layouts });
				CHECK((speech_step_of_button(&sp, ACTION_SPEECH, 0) != SIZE_MAX) == (ready == 1));
				speech_free(&sp);
				/* one touch on it, in the loop: it acts at once */
				if (l && mode == 0) {
					CHECK(kiosk_input(&k, INPUT_DOWN, ACTION_SPEECH, 0, 1));
					CHECK_INT(k.mode, KIOSK_ATTRACT); /* not woken by the landing */
					CHECK(kiosk_input(&k, INPUT_TAP, ACTION_SPEECH, 0, 2));
					CHECK_INT(k.mode, KIOSK_BROWSE);
				}
				draw_list_free(&out);
				kiosk_free(&k);
			}
		}
		deck_free(&d);
	}
	/* without an output, Listen is an ordinary waking touch's target:
	 * nothing at once */
	{
		struct deck d = { 0 };
		deck_build(&d, &fake_measurer, &c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
		struct kiosk k;
		kiosk_init(&k, &c, 0);
		kiosk_set_page_counts(&k, d.page_counts, d.n);
		kiosk_input(&k, INPUT_DOWN, ACTION_SPEECH, 0, 1);
		CHECK_INT(k.mode, KIOSK_BROWSE); /* woken, the rest swallowed */
		kiosk_free(&k);
		deck_free(&d);
	}
	/* the bar's room: the check's decks (deck_set) have it, so --check
	 * verifies the fuller bar */
	struct deck_set set;
	const struct measurer by_lang[1] = { fake_measurer };
	deck_set_init(&set, by_lang, &c, 800, 480);
	CHECK(deck_set_get(&set, 0, DECK_NORMAL)->spec.listen);
	deck_set_free(&set);
	content_free(&c);
}

int main(void)
{
	RUN(test_listen_button);
	RUN(test_first_key_only_turns_speech_on);
	RUN(test_moving_and_choosing);
	RUN(test_volume_speed_and_reset);
	RUN(test_frames);
	RUN(test_keys);
	RUN(test_outputs);
	RUN(test_setting);
	return TEST_DONE();
}
