/* test_sleep.c — the kiosk asleep (display.sleep), against a fake clock:
 * a black frame with nothing to press, a waking touch that does nothing
 * else, sleep again after the idle timeout with a privacy reset, a reader
 * never cut off, a simulated week of nights in milliseconds, and no sleep
 * at all while the time is not trusted. */
#include "fixture.h"
#include "world.h"
#include "test.h"

#include "deck.h"
#include "kiosk.h"
#include "load.h"
#include "scene.h"
#include "schedule.h"

#include <stdlib.h>

static void world_init(struct world *w)
{
	fixture_content(&w->c, 3);
	w->c.quick_exit = 2;
	w->c.screens[2].loop = false;
	for (size_t s = 0; s < 3; s++)
		fixture_text(&w->c, fixture_blocks(&w->c, s, 1), "Some words");
	world_start(w, 800, 480);
}


/* A tap at the place of `action` on the current frame, as the SDL edge
 * does it: down, then up. */
static void tap(struct world *w, enum kiosk_action action, int arg, uint64_t now)
{
	kiosk_input(&w->k, INPUT_DOWN, action, arg, now);
	kiosk_input(&w->k, INPUT_TAP, action, arg, now + 80);
}

static bool has_action(const struct draw_list *l, enum kiosk_action a)
{
	for (size_t i = 0; i < l->n_hits; i++)
		if (l->hits[i].action == a)
			return true;
	return false;
}

static void asleep_is_a_black_frame_with_nothing_to_press(void)
{
	struct world w;
	world_init(&w);
	CHECK(kiosk_set_sleep(&w.k, true, 1000));
	CHECK_INT(w.k.mode, KIOSK_SLEEP);
	world_build(&w, 1000);
	CHECK_INT(w.dl.n, 0);
	CHECK_INT(w.dl.n_hits, 0);
	CHECK_INT(w.dl.clear_rgb, 0x000000);
	/* nothing to do until a touch or the schedule */
	CHECK_INT(kiosk_next_deadline(&w.k, 1000), KIOSK_NO_DEADLINE);
	CHECK(!kiosk_tick(&w.k, 1000 + 86400000ULL));
	CHECK_INT(w.k.mode, KIOSK_SLEEP);
	CHECK(!kiosk_set_sleep(&w.k, true, 5000)); /* told again: no change */
	world_free(&w);
}

static void the_waking_touch_does_nothing_else(void)
{
	struct world w;
	world_init(&w);
	kiosk_set_sleep(&w.k, true, 0);
	/* a finger where Topics or Quick exit would be: it only wakes */
	tap(&w, ACTION_HOME, 0, 1000);
	CHECK_INT(w.k.mode, KIOSK_BROWSE);
	CHECK_INT(w.k.view.screen, 0);
	CHECK_INT(w.k.n_history, 0);
	kiosk_set_sleep(&w.k, false, 2000); /* (the schedule may say wake meanwhile) */
	kiosk_set_sleep(&w.k, true, 2000);
	CHECK_INT(w.k.mode, KIOSK_BROWSE); /* a reader is not cut off */
	kiosk_set_sleep(&w.k, true, 2000);
	world_build(&w, 2000);
	CHECK(has_action(&w.dl, ACTION_HOME)); /* navigation is shown now */
	tap(&w, ACTION_QUICK_EXIT, 0, 3000);
	/* awake, the waking touch is over: this one counts */
	CHECK_INT(w.k.view.screen, 2);
	world_free(&w);

	/* a swipe that wakes is swallowed as well */
	world_init(&w);
	kiosk_set_sleep(&w.k, true, 0);
	kiosk_input(&w.k, INPUT_DOWN, ACTION_NONE, 0, 1000);
	kiosk_input(&w.k, INPUT_SWIPE_NEXT, ACTION_NONE, 0, 1200);
	CHECK_INT(w.k.mode, KIOSK_BROWSE);
	CHECK_INT(w.k.view.screen, 0);
	/* and a lifted finger whose landing was lost wakes too, and nothing more */
	kiosk_set_sleep(&w.k, false, 1300);
	world_free(&w);
	world_init(&w);
	kiosk_set_sleep(&w.k, true, 0);
	kiosk_input(&w.k, INPUT_TAP, ACTION_HOME, 0, 1000);
	CHECK_INT(w.k.mode, KIOSK_BROWSE);
	world_free(&w);
}

static void after_the_idle_timeout_it_sleeps_again_with_a_privacy_reset(void)
{
	struct world w;
	world_init(&w);
	kiosk_set_sleep(&w.k, true, 0);
	tap(&w, ACTION_NONE, 0, 1000);
	tap(&w, ACTION_TEXT_SIZE, 0, 2000);
	tap(&w, ACTION_NEXT, 0, 3000);
	CHECK(w.k.text_scale > 1.0);
	CHECK_INT(w.k.view.screen, 1);
	CHECK_INT(w.k.n_history, 1);
	uint64_t idle = 3080 + 90000;
	CHECK_INT(kiosk_next_deadline(&w.k, 3080), idle);
	CHECK(kiosk_tick(&w.k, idle));
	CHECK_INT(w.k.mode, KIOSK_IDLE); /* "are you still there?" first */
	CHECK(kiosk_tick(&w.k, idle + KIOSK_IDLE_GRACE_MS));
	CHECK_INT(w.k.mode, KIOSK_SLEEP);
	CHECK(w.k.text_scale == 1.0);
	CHECK_INT(w.k.lang, 0);
	CHECK_INT(w.k.n_history, 0);
	CHECK_INT(w.k.view.screen, 0);
	/* the schedule's morning: back to the loop */
	CHECK(kiosk_set_sleep(&w.k, false, idle + 60000));
	CHECK_INT(w.k.mode, KIOSK_ATTRACT);
	CHECK(kiosk_next_deadline(&w.k, idle + 60000) != KIOSK_NO_DEADLINE);
	world_free(&w);
}

static void quick_exit_at_night_shows_the_neutral_screen_then_sleeps(void)
{
	struct world w;
	world_init(&w);
	kiosk_set_sleep(&w.k, true, 0);
	tap(&w, ACTION_NONE, 0, 1000);
	tap(&w, ACTION_QUICK_EXIT, 0, 2000);
	CHECK_INT(w.k.mode, KIOSK_ATTRACT);
	CHECK_INT(w.k.view.screen, 2);
	uint64_t shown = w.k.shown_at, dwell = kiosk_dwell_ms(&w.k, 2);
	CHECK_INT(kiosk_next_deadline(&w.k, shown), shown + dwell);
	CHECK(!kiosk_tick(&w.k, shown + dwell - 1));
	CHECK_INT(w.k.view.screen, 2);
	CHECK(kiosk_tick(&w.k, shown + dwell));
	CHECK_INT(w.k.mode, KIOSK_SLEEP);
	world_free(&w);
}

/* A week of a centre open 09:00-17:00 on weekdays, asleep outside them,
 * minute by minute: the kiosk wakes and falls asleep once each weekday, a
 * visitor at 21:00 on Wednesday wakes it for one idle timeout, and nothing
 * ever happens while asleep but those. */
static void a_simulated_week_of_nights(void)
{
	struct content c;
	const char *yaml = "kiosk: { quick_exit: none }\n"
			   "hours:\n  monday: \"09:00-17:00\"\n  tuesday: \"09:00-17:00\"\n"
			   "  wednesday: \"09:00-17:00\"\n  thursday: \"09:00-17:00\"\n  friday: \"09:00-17:00\"\n"
			   "display:\n  sleep: outside_hours\n"
			   "screens:\n  - { id: a, title: \"A\", blocks: [ { text: \"x\" } ] }\n"
			   "  - { id: b, title: \"B\", blocks: [ { text: \"y\" } ] }\n";
	struct diag_list d = { 0 };
	CHECK_INT(content_load_buffer("week.yaml", yaml, strlen(yaml), &c, &d), LOAD_OK);
	diag_clear(&d);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	int64_t monday = civil_days(2026, 12, 7);
	int falls = 0, wakes = 0, visitor_woke = 0;
	enum kiosk_mode last = k.mode;
	for (int i = 0; i < 7 * MINUTES_PER_DAY; i++) {
		uint64_t now = (uint64_t)i * 60000;
		struct civil_date day = civil_from_days(monday + i / MINUTES_PER_DAY);
		struct civil_time t = { day.year, day.month, day.day, i % MINUTES_PER_DAY };
		kiosk_set_sleep(&k, schedule_at(&c, &(struct schedule_time){ t, true }).asleep, now);
		if (i == 2 * MINUTES_PER_DAY + 21 * 60) { /* Wednesday 21:00 */
			kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, now);
			kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, now + 50);
			visitor_woke = k.mode == KIOSK_BROWSE;
		}
		kiosk_tick(&k, now);
		falls += k.mode == KIOSK_SLEEP && last != KIOSK_SLEEP;
		wakes += k.mode != KIOSK_SLEEP && last == KIOSK_SLEEP;
		last = k.mode;
	}
	CHECK(visitor_woke);
	CHECK_INT(falls, 7); /* Monday 00:00, 5 evenings, and after the Wednesday visitor */
	CHECK_INT(wakes, 6); /* 5 mornings, and the visitor */
	CHECK_INT(k.mode, KIOSK_SLEEP); /* Sunday night */
	kiosk_free(&k);
	content_free(&c);
}

/* A Pi whose clock is not trusted until Wednesday 22:00 (network time
 * arrives then, at night): until that minute it never sleeps, though its
 * clock says night and closed, and in that very minute it does. Then the
 * nights as usual. */
static void no_sleep_until_the_time_is_trusted(void)
{
	struct content c;
	const char *yaml = "kiosk: { quick_exit: none }\n"
			   "hours:\n  monday: \"09:00-17:00\"\n  tuesday: \"09:00-17:00\"\n"
			   "  wednesday: \"09:00-17:00\"\n  thursday: \"09:00-17:00\"\n  friday: \"09:00-17:00\"\n"
			   "display:\n  sleep: outside_hours\n"
			   "screens:\n  - { id: a, title: \"A\", blocks: [ { text: \"x\" } ] }\n"
			   "  - { id: b, title: \"B\", blocks: [ { text: \"y\" } ] }\n";
	struct diag_list d = { 0 };
	CHECK_INT(content_load_buffer("week.yaml", yaml, strlen(yaml), &c, &d), LOAD_OK);
	diag_clear(&d);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	int64_t monday = civil_days(2026, 12, 7);
	const int trusted_from = 2 * MINUTES_PER_DAY + 22 * 60;
	int asleep_untrusted = 0, falls = 0;
	bool slept_at_once = false;
	enum kiosk_mode last = k.mode;
	for (int i = 0; i < 7 * MINUTES_PER_DAY; i++) {
		uint64_t now = (uint64_t)i * 60000;
		struct civil_date day = civil_from_days(monday + i / MINUTES_PER_DAY);
		struct schedule_time t = { { day.year, day.month, day.day, i % MINUTES_PER_DAY },
					   i >= trusted_from };
		kiosk_set_sleep(&k, schedule_at(&c, &t).asleep, now);
		kiosk_tick(&k, now);
		asleep_untrusted += !t.trusted && k.mode == KIOSK_SLEEP;
		if (i == trusted_from)
			slept_at_once = k.mode == KIOSK_SLEEP;
		falls += k.mode == KIOSK_SLEEP && last != KIOSK_SLEEP;
		last = k.mode;
	}
	CHECK_INT(asleep_untrusted, 0);
	CHECK(slept_at_once);
	CHECK_INT(falls, 3); /* Wednesday 22:00, Thursday and Friday evenings */
	CHECK_INT(k.mode, KIOSK_SLEEP);
	kiosk_free(&k);
	content_free(&c);
}

int main(void)
{
	RUN(asleep_is_a_black_frame_with_nothing_to_press);
	RUN(the_waking_touch_does_nothing_else);
	RUN(after_the_idle_timeout_it_sleeps_again_with_a_privacy_reset);
	RUN(quick_exit_at_night_shows_the_neutral_screen_then_sleeps);
	RUN(a_simulated_week_of_nights);
	RUN(no_sleep_until_the_time_is_trusted);
	return TEST_DONE();
}
