/* test_kiosk.c — the attract loop against a fake clock; touch, idle and
 * Quick exit; and kiosk_pose(), checked against the taps that lead to each
 * frame. */
#include "fixture.h"
#include "test.h"

#include "deck.h"
#include "kiosk.h"
#include "scene.h"

static void loop_content(struct content *c)
{
	fixture_content(c, 4);
	c->cycle = 12;
	c->screens[1].duration = 20; /* override */
	c->screens[2].loop = false;  /* not in the loop */
}

static void starts_on_first_loop_screen_and_waits_its_duration(void)
{
	struct content c;
	loop_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 1000);
	CHECK_INT(k.n_loop, 3);
	CHECK_INT(k.view.screen, 0);
	CHECK_INT(kiosk_next_deadline(&k, 1000), 13000);
	CHECK(!kiosk_tick(&k, 12999));
	CHECK_INT(k.view.screen, 0);
	CHECK(kiosk_tick(&k, 13000));
	CHECK_INT(k.view.screen, 1);
	CHECK(k.in_transition);
	CHECK_INT(k.from.screen, 0);
	kiosk_free(&k);
	content_free(&c);
}

static void per_screen_duration_and_skipped_screens_and_wrap(void)
{
	struct content c;
	loop_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_tick(&k, 12000);
	CHECK_INT(k.view.screen, 1);
	kiosk_tick(&k, 12500); /* the transition ends */
	CHECK_INT(kiosk_next_deadline(&k, 12500), 32000); /* 20 s override */
	kiosk_tick(&k, 31999);
	CHECK_INT(k.view.screen, 1);
	kiosk_tick(&k, 32000);
	CHECK_INT(k.view.screen, 3); /* screen 2 is not in the loop */
	kiosk_tick(&k, 44000);
	CHECK_INT(k.view.screen, 0); /* wraps around */
	kiosk_free(&k);
	content_free(&c);
}

static void transition_lasts_300ms_then_nothing_to_do(void)
{
	struct content c;
	loop_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_tick(&k, 12000);
	CHECK(k.in_transition);
	CHECK_INT(kiosk_next_deadline(&k, 12100), 12100); /* animate now */
	CHECK(kiosk_transition_progress(&k, 12150) > 0.49 && kiosk_transition_progress(&k, 12150) < 0.51);
	CHECK(kiosk_tick(&k, 12300));
	CHECK(!k.in_transition);
	CHECK_INT(kiosk_transition_progress(&k, 12300), 1);
	CHECK_INT(kiosk_next_deadline(&k, 12300), 32000);
	kiosk_free(&k);
	content_free(&c);
}

static void transition_none_switches_at_once(void)
{
	struct content c;
	loop_content(&c);
	c.transition = TRANSITION_NONE;
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	CHECK(kiosk_tick(&k, 12000));
	CHECK_INT(k.view.screen, 1);
	CHECK(!k.in_transition);
	CHECK_INT(kiosk_next_deadline(&k, 12000), 32000);
	kiosk_free(&k);
	content_free(&c);
}

static void pages_of_a_screen_each_get_the_duration(void)
{
	struct content c;
	loop_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	int counts[4] = { 2, 1, 1, 3 };
	kiosk_set_page_counts(&k, counts, 4);
	kiosk_tick(&k, 12000);
	CHECK_INT(k.view.screen, 0);
	CHECK_INT(k.view.page, 1);
	kiosk_tick(&k, 24000);
	CHECK_INT(k.view.screen, 1);
	CHECK_INT(k.view.page, 0);
	kiosk_tick(&k, 44000);
	CHECK_INT(k.view.screen, 3);
	kiosk_tick(&k, 56000);
	kiosk_tick(&k, 68000);
	CHECK_INT(k.view.page, 2);
	kiosk_tick(&k, 80000);
	CHECK_INT(k.view.screen, 0);
	CHECK_INT(k.view.page, 0);
	/* fewer pages after a relayout: the view stays valid */
	kiosk_pose(&k, &(struct kiosk_pose){ .view = { 3, 2 } }, 80000);
	CHECK_INT(k.view.page, 2);
	int fewer[4] = { 1, 1, 1, 1 };
	kiosk_set_page_counts(&k, fewer, 4);
	CHECK_INT(k.view.page, 0);
	kiosk_free(&k);
	content_free(&c);
}

static void single_screen_loop_never_wakes(void)
{
	struct content c;
	fixture_content(&c, 1);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	CHECK(kiosk_next_deadline(&k, 0) == KIOSK_NO_DEADLINE);
	CHECK(!kiosk_tick(&k, 1000000));
	kiosk_free(&k);
	/* nothing in the loop: the first screen stands still */
	c.screens[0].loop = false;
	kiosk_init(&k, &c, 0);
	CHECK_INT(k.n_loop, 0);
	CHECK_INT(k.view.screen, 0);
	CHECK(kiosk_next_deadline(&k, 0) == KIOSK_NO_DEADLINE);
	CHECK(!kiosk_tick(&k, 1000000));
	kiosk_free(&k);
	content_free(&c);
}

static void a_day_of_loop_keeps_its_rhythm(void)
{
	/* 24 simulated hours, waking exactly at each deadline as the main loop
	 * does: the loop visits screens in order and never drifts */
	struct content c;
	loop_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	uint64_t now = 0, end = 24ULL * 3600 * 1000;
	long changes = 0;
	int expect[3] = { 0, 1, 3 };
	size_t pos = 0;
	while (now < end) {
		uint64_t d = kiosk_next_deadline(&k, now);
		if (d >= end)
			break;
		now = d == now ? now + 16 : d;
		struct kiosk_view before = k.view;
		kiosk_tick(&k, now);
		if (before.screen != k.view.screen) {
			pos = (pos + 1) % 3;
			CHECK_INT(k.view.screen, expect[pos]);
			changes++;
		}
	}
	/* one round is 12 + 20 + 12 = 44 s */
	CHECK_INT(changes, (long)(end / 44000 * 3 + (end % 44000 >= 12000) + (end % 44000 >= 32000)));
	kiosk_free(&k);
	content_free(&c);
}

static void late_wakeup_catches_up_without_animating_the_past(void)
{
	struct content c;
	loop_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	CHECK(kiosk_tick(&k, 45000)); /* slept through three changes */
	CHECK_INT(k.view.screen, 0);   /* 12 s -> 1, 32 s -> 3, 44 s -> 0 */
	CHECK(!k.in_transition);       /* the 44 s change is 1 s old */
	CHECK_INT(kiosk_next_deadline(&k, 45000), 56000);
	kiosk_free(&k);
	content_free(&c);
}


/* ---- touch ---------------------------------------------------------------- */

/* four topics and a neutral screen, two languages */
static void touch_content(struct content *c)
{
	fixture_content(c, 5);
	c->quick_exit = 4;
	c->screens[4].loop = false;
	c->langs[1] = "pl";
	c->n_langs = 2;
	c->idle_timeout = 90;
}

static void tap(struct kiosk *k, enum kiosk_action a, int arg, uint64_t now)
{
	kiosk_input(k, INPUT_DOWN, a, arg, now);
	kiosk_input(k, INPUT_TAP, a, arg, now + 80);
}

static void touch_pauses_the_loop_and_wakes_without_pressing(void)
{
	struct content c;
	touch_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_tick(&k, 12000); /* the loop is on screen 1 */
	/* the first touch lands where the Topics button will be: it only wakes */
	CHECK(kiosk_input(&k, INPUT_DOWN, ACTION_HOME, 0, 12100));
	CHECK_INT(k.mode, KIOSK_BROWSE);
	CHECK_INT(k.view.screen, 1);
	CHECK(!k.in_transition);
	kiosk_input(&k, INPUT_TAP, ACTION_HOME, 0, 12180);
	CHECK_INT(k.mode, KIOSK_BROWSE); /* not the menu */
	CHECK_INT(k.pressed, ACTION_NONE);
	/* a swipe that wakes does not turn the page either */
	kiosk_privacy_reset(&k, 13000);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 13000);
	kiosk_input(&k, INPUT_SWIPE_NEXT, ACTION_NONE, 0, 13200);
	CHECK_INT(k.view.screen, 0);
	/* paused: a long time later, still there (until idle) */
	CHECK(!kiosk_tick(&k, 13000 + 60000));
	CHECK_INT(k.view.screen, 0);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	kiosk_free(&k);
	content_free(&c);
}

static void next_previous_back_and_the_menu(void)
{
	struct content c;
	touch_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	int pages[5] = { 1, 2, 1, 1, 1 };
	kiosk_set_page_counts(&k, pages, 5);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 100);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 150);
	CHECK(!kiosk_can_prev(&k));
	CHECK(!kiosk_can_back(&k));
	tap(&k, ACTION_NEXT, 0, 1000);
	CHECK_INT(k.view.screen, 1);
	CHECK_INT(k.view.page, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 2000);
	kiosk_input(&k, INPUT_SWIPE_NEXT, ACTION_NONE, 0, 2200);
	CHECK_INT(k.view.page, 1); /* pages before screens */
	int index, total;
	kiosk_topic_position(&k, &index, &total);
	CHECK_INT(index, 1);
	CHECK_INT(total, 4); /* four topics (of five pages); the neutral screen is not one */
	tap(&k, ACTION_NEXT, 0, 3000);
	tap(&k, ACTION_NEXT, 0, 4000);
	CHECK_INT(k.view.screen, 3);
	CHECK(!kiosk_can_next(&k)); /* never onto the neutral screen */
	tap(&k, ACTION_NEXT, 0, 5000);
	CHECK_INT(k.view.screen, 3);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 6000);
	kiosk_input(&k, INPUT_SWIPE_PREV, ACTION_NONE, 0, 6200);
	CHECK_INT(k.view.screen, 2);
	/* Topics, open one, Back to the menu, Back to where we were */
	tap(&k, ACTION_HOME, 0, 7000);
	CHECK_INT(k.mode, KIOSK_MENU);
	tap(&k, ACTION_OPEN, 0, 8000);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	CHECK_INT(k.view.screen, 0);
	tap(&k, ACTION_BACK, 0, 9000);
	CHECK_INT(k.mode, KIOSK_MENU);
	tap(&k, ACTION_BACK, 0, 10000);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	CHECK_INT(k.view.screen, 2);
	/* a press shows while the finger is down, and a cancelled one does nothing */
	kiosk_input(&k, INPUT_DOWN, ACTION_NEXT, 0, 11000);
	CHECK_INT(k.pressed, ACTION_NEXT);
	kiosk_input(&k, INPUT_CANCEL, ACTION_NEXT, 0, 11300);
	CHECK_INT(k.pressed, ACTION_NONE);
	CHECK_INT(k.view.screen, 2);
	kiosk_free(&k);
	content_free(&c);
}

static void idle_notice_then_privacy_reset(void)
{
	struct content c;
	touch_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 1000);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 1100);
	tap(&k, ACTION_LANGUAGE, 0, 2000); /* opens the picker ... */
	CHECK_INT(k.mode, KIOSK_LANGS);
	tap(&k, ACTION_SET_LANGUAGE, 1, 2500); /* ... where a language is chosen */
	CHECK_INT(k.mode, KIOSK_BROWSE);
	tap(&k, ACTION_CONTRAST, 0, 2800);
	CHECK(k.high_contrast);
	tap(&k, ACTION_TEXT_SIZE, 0, 3000);
	tap(&k, ACTION_NEXT, 0, 4000);
	CHECK_INT(k.lang, 1);
	CHECK(k.text_scale >= 1.5);
	uint64_t last = 4080;
	CHECK_INT(kiosk_next_deadline(&k, 5000), last + 90000);
	CHECK(!kiosk_tick(&k, last + 89999));
	CHECK_INT(k.mode, KIOSK_BROWSE);
	CHECK(kiosk_tick(&k, last + 90000));
	CHECK_INT(k.mode, KIOSK_IDLE);
	/* at least 20 s to answer */
	CHECK(KIOSK_IDLE_GRACE_MS >= 20000);
	kiosk_tick(&k, last + 90000 + KIOSK_IDLE_GRACE_MS - 1);
	CHECK_INT(k.mode, KIOSK_IDLE);
	/* one touch continues, and does nothing else */
	CHECK(kiosk_input(&k, INPUT_DOWN, ACTION_NEXT, 0, last + 100000));
	kiosk_input(&k, INPUT_TAP, ACTION_NEXT, 0, last + 100080);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	CHECK_INT(k.view.screen, 1);
	CHECK_INT(k.lang, 1);
	/* left alone this time: notice, then the reset */
	uint64_t idle_at = last + 100080 + 90000;
	kiosk_tick(&k, idle_at);
	CHECK_INT(k.mode, KIOSK_IDLE);
	CHECK(kiosk_tick(&k, idle_at + KIOSK_IDLE_GRACE_MS));
	CHECK_INT(k.mode, KIOSK_ATTRACT);
	CHECK_INT(k.lang, 0);
	CHECK(k.text_scale == 1.0);
	CHECK(!k.high_contrast);
	CHECK_INT(k.n_history, 0);
	CHECK_INT(k.view.screen, 0);
	CHECK(!kiosk_can_back(&k));
	/* and the loop runs again from there */
	CHECK_INT(kiosk_next_deadline(&k, idle_at + KIOSK_IDLE_GRACE_MS), idle_at + KIOSK_IDLE_GRACE_MS + 12000);
	kiosk_free(&k);
	content_free(&c);
}

static void language_picker_opens_chooses_and_closes(void)
{
	struct content c;
	touch_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 1000);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 1100);
	tap(&k, ACTION_NEXT, 0, 1500);
	CHECK_INT(k.view.screen, 1);
	/* outside the picker, a language cannot be set */
	CHECK(!kiosk_input(&k, INPUT_TAP, ACTION_SET_LANGUAGE, 1, 1600) || k.lang == 0);
	CHECK_INT(k.lang, 0);
	tap(&k, ACTION_LANGUAGE, 0, 2000);
	CHECK_INT(k.mode, KIOSK_LANGS);
	CHECK(kiosk_can_back(&k));
	/* Back closes it, and the visitor is where they were */
	tap(&k, ACTION_BACK, 0, 2500);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	CHECK_INT(k.view.screen, 1);
	CHECK_INT(k.n_history, 1); /* the step to screen 1 is still there */
	/* the language button again closes it too */
	tap(&k, ACTION_LANGUAGE, 0, 3000);
	tap(&k, ACTION_LANGUAGE, 0, 3500);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	/* from the topics, choosing returns to the topics */
	tap(&k, ACTION_HOME, 0, 4000);
	tap(&k, ACTION_LANGUAGE, 0, 4500);
	tap(&k, ACTION_SET_LANGUAGE, 1, 5000);
	CHECK_INT(k.mode, KIOSK_MENU);
	CHECK_INT(k.lang, 1);
	/* an index past the languages does nothing */
	tap(&k, ACTION_LANGUAGE, 0, 5500);
	CHECK(!kiosk_input(&k, INPUT_TAP, ACTION_SET_LANGUAGE, 7, 5600) || k.lang == 1);
	CHECK_INT(k.lang, 1);
	/* left alone in the picker: the idle notice, then the reset */
	kiosk_tick(&k, 5600 + 90000);
	CHECK_INT(k.mode, KIOSK_IDLE);
	kiosk_tick(&k, 5600 + 90000 + KIOSK_IDLE_GRACE_MS);
	CHECK_INT(k.mode, KIOSK_ATTRACT);
	CHECK_INT(k.lang, 0);
	kiosk_free(&k);
	content_free(&c);
}

static void right_to_left_swipes_are_mirrored(void)
{
	struct content c;
	touch_content(&c);
	c.langs[1] = "ar";
	c.rtl[1] = true;
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 1000);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 1100);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 1500);
	kiosk_input(&k, INPUT_SWIPE_NEXT, ACTION_NONE, 0, 1600); /* right to left: next */
	CHECK_INT(k.view.screen, 1);
	tap(&k, ACTION_LANGUAGE, 0, 2000);
	tap(&k, ACTION_SET_LANGUAGE, 1, 2500);
	/* in Arabic the same swipe goes back, and left to right goes on */
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 3000);
	kiosk_input(&k, INPUT_SWIPE_NEXT, ACTION_NONE, 0, 3100);
	CHECK_INT(k.view.screen, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 3500);
	kiosk_input(&k, INPUT_SWIPE_PREV, ACTION_NONE, 0, 3600);
	CHECK_INT(k.view.screen, 1);
	kiosk_free(&k);
	content_free(&c);
}

static void idle_countdown_wakes_once_a_second(void)
{
	struct content c;
	touch_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 0);
	kiosk_tick(&k, 90000);
	CHECK_INT(k.mode, KIOSK_IDLE);
	CHECK_INT(kiosk_next_deadline(&k, 90000), 91000);
	CHECK_INT(kiosk_next_deadline(&k, 90500), 91000);
	CHECK_INT(kiosk_next_deadline(&k, 119500), 120000);
	kiosk_free(&k);
	content_free(&c);
}

static void quick_exit_clears_everything_in_one_step(void)
{
	struct content c;
	touch_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 100);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 150);
	tap(&k, ACTION_LANGUAGE, 0, 1000);
	tap(&k, ACTION_TEXT_SIZE, 0, 2000);
	tap(&k, ACTION_NEXT, 0, 3000);
	tap(&k, ACTION_HOME, 0, 4000);
	CHECK(k.n_history > 0);
	CHECK(kiosk_input(&k, INPUT_DOWN, ACTION_QUICK_EXIT, 0, 5000));
	CHECK_INT(k.pressed, ACTION_QUICK_EXIT);
	CHECK(kiosk_input(&k, INPUT_TAP, ACTION_QUICK_EXIT, 0, 5050));
	CHECK_INT(k.mode, KIOSK_ATTRACT);
	CHECK_INT(k.view.screen, 4);
	CHECK(!k.in_transition); /* no animation */
	CHECK_INT(k.lang, 0);
	CHECK(k.text_scale == 1.0);
	CHECK_INT(k.n_history, 0);
	CHECK_INT(k.menu_page, 0);
	/* an ordinary notice: it stays quick_exit_hold (180 s), not one cycle */
	CHECK(kiosk_showing_notice(&k));
	CHECK_INT((int)kiosk_dwell_ms(&k, 4), 180000);
	kiosk_tick(&k, 5050 + 12000);
	CHECK_INT(k.view.screen, 4);
	CHECK(kiosk_showing_notice(&k));
	/* then the loop resumes from the neutral screen, to the first topic */
	kiosk_tick(&k, 5050 + 180000);
	CHECK_INT(k.view.screen, 0);
	CHECK(!kiosk_showing_notice(&k));
	/* Quick exit works straight from the attract loop and from the idle
	 * notice: no waking touch first */
	kiosk_input(&k, INPUT_DOWN, ACTION_QUICK_EXIT, 0, 20000);
	CHECK_INT(k.mode, KIOSK_ATTRACT);
	kiosk_input(&k, INPUT_TAP, ACTION_QUICK_EXIT, 0, 20050);
	CHECK_INT(k.view.screen, 4);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 21000);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 21050);
	kiosk_tick(&k, 21050 + 90000);
	CHECK_INT(k.mode, KIOSK_IDLE);
	kiosk_input(&k, INPUT_DOWN, ACTION_QUICK_EXIT, 0, 120000);
	kiosk_input(&k, INPUT_TAP, ACTION_QUICK_EXIT, 0, 120050);
	CHECK_INT(k.mode, KIOSK_ATTRACT);
	CHECK_INT(k.view.screen, 4);
	kiosk_free(&k);
	content_free(&c);
}

static void history_is_bounded(void)
{
	struct content c;
	touch_content(&c);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 0);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 10);
	for (int i = 0; i < 500; i++)
		tap(&k, i % 2 ? ACTION_PREV : ACTION_NEXT, 0, 100 + (uint64_t)i * 200);
	CHECK_INT(k.n_history, KIOSK_MAX_HISTORY);
	kiosk_free(&k);
	content_free(&c);
}


static void rebind_keeps_the_visitor_where_they_are(void)
{
	struct content a, b;
	touch_content(&a);
	touch_content(&b);
	/* b: the same ids in another order, one screen fewer ("s1" is gone) */
	b.screens[0].id = "s3";
	b.screens[1].id = "s0";
	b.screens[2].id = "s2";
	b.screens[3].id = "s4";
	b.screens[4].id = "extra";
	b.langs[0] = "pl";
	b.langs[1] = "en";
	struct kiosk k;
	kiosk_init(&k, &a, 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 100);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 150);
	tap(&k, ACTION_NEXT, 0, 1000); /* s0 -> s1 */
	tap(&k, ACTION_NEXT, 0, 2000); /* s1 -> s2 */
	tap(&k, ACTION_TEXT_SIZE, 0, 3000);
	CHECK_INT(k.n_history, 2);
	kiosk_rebind(&k, &b, 4000);
	CHECK(k.content == &b);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	CHECK_STR(b.screens[k.view.screen].id, "s2");
	CHECK_STR(b.langs[k.lang], "en"); /* same language, new place in the list */
	CHECK(k.text_scale > 1.0);
	CHECK_INT(k.n_history, 1); /* s1 is gone from history; s0 is kept */
	CHECK_STR(b.screens[k.history[0].screen].id, "s0");
	/* the screen being read is gone from the next content: back to the
	 * start of the loop, with nothing remembered */
	struct content c2;
	touch_content(&c2);
	c2.screens[2].id = "gone";
	kiosk_rebind(&k, &c2, 6000); /* b's "s2" does not exist in c2 */
	CHECK_INT(k.mode, KIOSK_ATTRACT);
	CHECK_INT(k.n_history, 0);
	CHECK_INT(k.lang, 0);
	CHECK(k.text_scale == 1.0);
	CHECK(k.content == &c2);
	kiosk_free(&k);
	content_free(&a);
	content_free(&b);
	content_free(&c2);
}

/* Topics, and previous / next through them, have the screens with the most
 * phone numbers first ("Where to get help now", "If you are in danger"), the
 * rest in file order; the neutral screen is not among them, whatever it
 * holds. */
static void topics_with_calls_come_first(void)
{
	struct content c;
	touch_content(&c);
	static const size_t calls[5] = { 1, 0, 2, 0, 3 }; /* the neutral screen has the most */
	for (size_t s = 0; s < 5; s++) {
		struct block *b = fixture_blocks(&c, s, calls[s] + 1);
		fixture_text(&c, &b[0], "Words");
		for (size_t i = 1; i <= calls[s]; i++) {
			b[i].kind = BLOCK_CALL;
			b[i].call = (struct call){ .name = lt("A line"), .number = "0800 000 0000" };
		}
	}
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	int topics[8], want[4] = { 2, 0, 1, 3 };
	CHECK_INT(kiosk_topics(&k, topics, 8), 4);
	for (int i = 0; i < 4; i++)
		CHECK_INT(topics[i], want[i]);
	/* a short array gets the first ones */
	int first[2];
	CHECK_INT(kiosk_topics(&k, first, 2), 4);
	CHECK_INT(first[0], 2);
	CHECK_INT(first[1], 0);
	/* next and previous follow the same order, and the count with them */
	kiosk_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .view = { 2, 0 } }, 150);
	CHECK(!kiosk_can_prev(&k));
	int index, total;
	for (int i = 1; i < 4; i++) {
		tap(&k, ACTION_NEXT, 0, 1000 * (uint64_t)i);
		CHECK_INT(k.view.screen, want[i]);
		kiosk_topic_position(&k, &index, &total);
		CHECK_INT(index, i);
		CHECK_INT(total, 4);
	}
	CHECK(!kiosk_can_next(&k));
	tap(&k, ACTION_PREV, 0, 9000);
	CHECK_INT(k.view.screen, 1);
	kiosk_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .view = { 4, 0 } }, 9100);
	kiosk_topic_position(&k, &index, &total);
	CHECK_INT(index, -1); /* the neutral screen has no place among them */
	kiosk_free(&k);
	content_free(&c);
}

/* ---- a frame posed is the frame walked to ---------------------------------- */

/* touch_content with screen 2 long enough for three pages at 800x480, laid
 * out: the pages the kiosk counts are the deck's. */
static void pose_content(struct content *c, struct deck *d)
{
	touch_content(c);
	/* 24 items of two lines each */
	static const char *items[24];
	for (size_t i = 0; i < 24; i++)
		items[i] = "A thing to know, said in a line and then in a few more words after it";
	fixture_list(c, fixture_blocks(c, 2, 1), BLOCK_BULLETS, items, 24);
	deck_build(d, &fake_measurer, c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 });
}

/* How many elements of two layouts of a screen differ (pages counted as
 * all their elements when one layout has more). */
static size_t layout_differences(const struct screen_layout *a, const struct screen_layout *b)
{
	size_t differ = a->n_pages != b->n_pages;
	for (size_t p = 0; p < a->n_pages && p < b->n_pages; p++) {
		const struct page *x = &a->pages[p], *y = &b->pages[p];
		differ += x->n_elems != y->n_elems;
		for (size_t i = 0; i < x->n_elems && i < y->n_elems; i++) {
			const struct elem *e = &x->elems[i], *f = &y->elems[i];
			differ += e->role != f->role || e->x != f->x || e->y != f->y || e->w != f->w ||
				  e->h != f->h || e->style != f->style || e->px != f->px || e->text != f->text ||
				  e->len != f->len || e->number != f->number || e->block != f->block ||
				  e->qr != f->qr || e->module != f->module || e->pic != f->pic;
		}
	}
	return differ;
}

/* A deck built first screen first (what the kiosk's start does, so its
 * first frame waits for one screen) lays that screen out as the whole
 * deck would, nothing else until it is finished, and then every screen
 * as the whole deck would: three pages of screen 2 included. */
static void a_deck_built_first_screen_first_is_the_whole_deck(void)
{
	struct content c;
	struct deck whole;
	pose_content(&c, &whole);
	CHECK(whole.n >= 3);
	CHECK_INT(whole.page_counts[2], 3);
	for (size_t first = 0; first < whole.n; first++) {
		struct deck d;
		deck_build_first(&d, &fake_measurer, &c, (struct layout_spec){ .w = 800, .h = 480, .text_scale = 1.0 },
				 first);
		CHECK(d.partial);
		CHECK_INT(d.first, first);
		CHECK_INT(layout_differences(&d.layouts[first], &whole.layouts[first]), 0);
		CHECK_INT(d.page_counts[first], whole.page_counts[first]);
		for (size_t i = 0; i < d.n; i++)
			if (i != first)
				CHECK_INT(d.layouts[i].n_pages, 0);
		deck_finish(&d, &fake_measurer);
		CHECK(!d.partial);
		for (size_t i = 0; i < d.n; i++) {
			CHECK_INT(layout_differences(&d.layouts[i], &whole.layouts[i]), 0);
			CHECK_INT(d.page_counts[i], whole.page_counts[i]);
		}
		deck_finish(&d, &fake_measurer); /* a finished deck is left as it is */
		CHECK_INT(layout_differences(&d.layouts[2], &whole.layouts[2]), 0);
		deck_free(&d);
	}
	deck_free(&whole);
	content_free(&c);
}

/* How many items of two draw lists differ in anything drawn. */
static size_t draw_differences(const struct draw_list *a, const struct draw_list *b)
{
	size_t n = a->n < b->n ? a->n : b->n, differ = 0;
	for (size_t i = 0; i < n; i++) {
		const struct draw_item *x = &a->items[i], *y = &b->items[i];
		size_t lx, ly;
		const char *tx = draw_item_text(x, &lx), *ty = draw_item_text(y, &ly);
		differ += x->kind != y->kind || x->role != y->role || x->x != y->x || x->y != y->y ||
			  x->w != y->w || x->h != y->h || x->rgb != y->rgb || x->alpha != y->alpha ||
			  x->radius != y->radius || x->style != y->style || x->px != y->px || x->lang != y->lang ||
			  x->action != y->action || x->arg != y->arg || x->qr != y->qr || lx != ly ||
			  memcmp(tx, ty, lx) != 0;
	}
	n = a->n_hits < b->n_hits ? a->n_hits : b->n_hits;
	for (size_t i = 0; i < n; i++)
		differ += memcmp(&a->hits[i], &b->hits[i], sizeof a->hits[i]) != 0;
	return differ;
}

/* posed and walked show the same frame at time now: what the scene reads
 * of them, and the frame it draws from each. */
static void same_frame(const struct kiosk *posed, const struct kiosk *walked, const struct deck *d,
		       uint64_t now)
{
	CHECK_INT(posed->mode, walked->mode);
	if (walked->mode == KIOSK_IDLE) {
		CHECK_INT(posed->before_idle, walked->before_idle);
		CHECK_INT(posed->idle_since, walked->idle_since);
	}
	if (walked->mode == KIOSK_LANGS || (walked->mode == KIOSK_IDLE && walked->before_idle == KIOSK_LANGS))
		CHECK_INT(posed->before_langs, walked->before_langs);
	CHECK_INT(posed->view.screen, walked->view.screen);
	CHECK_INT(posed->view.page, walked->view.page);
	CHECK_INT(posed->menu_page, walked->menu_page);
	CHECK_INT(posed->lang, walked->lang);
	CHECK(posed->text_scale == walked->text_scale);
	CHECK_INT(posed->high_contrast, walked->high_contrast);
	CHECK_INT(posed->in_transition, walked->in_transition);
	CHECK_INT(posed->pressed, walked->pressed);
	CHECK_INT(kiosk_showing_notice(posed), kiosk_showing_notice(walked));
	CHECK_INT(kiosk_can_back(posed), kiosk_can_back(walked));
	CHECK_INT(kiosk_can_prev(posed), kiosk_can_prev(walked));
	CHECK_INT(kiosk_can_next(posed), kiosk_can_next(walked));
	if (walked->mode == KIOSK_ATTRACT) /* the page dots */
		CHECK_INT(posed->loop_pos, walked->loop_pos);
	CHECK_INT(posed->sleep_wanted, walked->sleep_wanted);
	CHECK(kiosk_next_deadline(posed, now) == kiosk_next_deadline(walked, now));

	struct draw_list a = { 0 }, b = { 0 };
	struct scene_input in = { walked->content, posed, d->layouts, &fake_measurer, now, NULL };
	scene_build(&a, &in);
	in.kiosk = walked;
	scene_build(&b, &in);
	CHECK_INT(a.n, b.n);
	CHECK_INT(a.n_hits, b.n_hits);
	CHECK_INT(a.clear_rgb, b.clear_rgb);
	CHECK_INT(draw_differences(&a, &b), 0);
	draw_list_free(&a);
	draw_list_free(&b);
}

/* Poses p at time now over the deck's content and checks it against the
 * kiosk walked there; then both go on alike: a tap on next (which wakes
 * the loop, turns a page, opens nothing in the topics), the idle notice,
 * the reset. */
static void check_pose(struct kiosk *walked, const struct kiosk_pose *p, uint64_t now, const struct deck *d)
{
	struct kiosk posed;
	kiosk_init(&posed, walked->content, 0);
	kiosk_set_page_counts(&posed, d->page_counts, d->n);
	kiosk_pose(&posed, p, now);
	same_frame(&posed, walked, d, now);
	uint64_t t = now + 1000;
	tap(&posed, ACTION_NEXT, 0, t);
	tap(walked, ACTION_NEXT, 0, t);
	same_frame(&posed, walked, d, t + 80);
	for (uint64_t later = t + 80 + 90000; later <= t + 80 + 90000 + KIOSK_IDLE_GRACE_MS; later += 10000) {
		kiosk_tick(&posed, later);
		kiosk_tick(walked, later);
		same_frame(&posed, walked, d, later);
	}
	kiosk_free(&posed);
}

static void posed_loop_and_notice_are_the_ones_the_loop_shows(void)
{
	struct content c;
	struct deck d;
	pose_content(&c, &d);
	CHECK(d.page_counts[2] >= 3);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_set_page_counts(&k, d.page_counts, d.n);
	/* the loop on page 2 of screen 2, its fade over */
	uint64_t now = 0;
	while (!(k.view.screen == 2 && k.view.page == 1 && !k.in_transition) && now < 1000000)
		kiosk_tick(&k, now += 100);
	CHECK_INT(k.loop_pos, 2);
	check_pose(&k, &(struct kiosk_pose){ .view = { 2, 1 } }, k.shown_at, &d);
	/* the notice after Quick exit, pressed while reading at A+ */
	kiosk_privacy_reset(&k, 200000);
	tap(&k, ACTION_NONE, 0, 200000);
	tap(&k, ACTION_TEXT_SIZE, 0, 201000);
	tap(&k, ACTION_QUICK_EXIT, 0, 202000);
	CHECK(kiosk_showing_notice(&k));
	check_pose(&k, &(struct kiosk_pose){ .view = { 4, 0 }, .notice = true }, 202080, &d);
	kiosk_free(&k);
	deck_free(&d);
	content_free(&c);
}

static void posed_reading_is_reading_tapped_to(void)
{
	struct content c;
	struct deck d;
	pose_content(&c, &d);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_set_page_counts(&k, d.page_counts, d.n);
	/* just woken on the loop's second screen: no history */
	kiosk_tick(&k, 12000);
	kiosk_tick(&k, 12300);
	tap(&k, ACTION_NONE, 0, 13000);
	check_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .view = { 1, 0 } }, 13080, &d);
	/* page 2 of screen 2, opened from the topics, in Polish at A+ in
	 * high contrast */
	kiosk_privacy_reset(&k, 20000);
	tap(&k, ACTION_NONE, 0, 20000);
	tap(&k, ACTION_LANGUAGE, 0, 21000);
	tap(&k, ACTION_SET_LANGUAGE, 1, 22000);
	tap(&k, ACTION_TEXT_SIZE, 0, 23000);
	tap(&k, ACTION_CONTRAST, 0, 24000);
	tap(&k, ACTION_HOME, 0, 25000);
	tap(&k, ACTION_OPEN, 2, 26000);
	tap(&k, ACTION_NEXT, 0, 27000);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	CHECK_INT(k.view.page, 1);
	check_pose(&k,
		   &(struct kiosk_pose){ .mode = KIOSK_BROWSE, .view = { 2, 1 }, .lang = 1, .large_text = true,
					 .high_contrast = true, .history = true },
		   27080, &d);
	kiosk_free(&k);
	deck_free(&d);
	content_free(&c);
}

static void posed_panels_are_the_panels_tapped_to(void)
{
	struct content c;
	struct deck d;
	pose_content(&c, &d);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_set_page_counts(&k, d.page_counts, d.n);
	/* the second page of the topics, opened over screen 0 */
	tap(&k, ACTION_NONE, 0, 1000);
	tap(&k, ACTION_HOME, 0, 2000);
	tap(&k, ACTION_MENU_PAGE, 1, 3000);
	check_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_MENU, .menu_page = 1 }, 3080, &d);
	/* (check_pose() went on to the reset) the picker over the topics */
	kiosk_privacy_reset(&k, 200000);
	tap(&k, ACTION_NONE, 0, 201000);
	tap(&k, ACTION_HOME, 0, 202000);
	tap(&k, ACTION_MENU_PAGE, 1, 203000);
	tap(&k, ACTION_LANGUAGE, 0, 204000);
	check_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_LANGS, .under = KIOSK_MENU, .menu_page = 1 }, 204080,
		   &d);
	/* the picker over reading, just woken on the notice's screen */
	kiosk_privacy_reset(&k, 400000);
	tap(&k, ACTION_QUICK_EXIT, 0, 400000);
	tap(&k, ACTION_NONE, 0, 401000);
	tap(&k, ACTION_LANGUAGE, 0, 402000);
	check_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_LANGS, .view = { 4, 0 } }, 402080, &d);
	kiosk_free(&k);
	deck_free(&d);
	content_free(&c);
}

static void posed_idle_notice_and_sleep_are_the_ones_time_brings(void)
{
	struct content c;
	struct deck d;
	pose_content(&c, &d);
	struct kiosk k;
	kiosk_init(&k, &c, 0);
	kiosk_set_page_counts(&k, d.page_counts, d.n);
	/* over screen 3, opened from the topics, left alone */
	tap(&k, ACTION_NONE, 0, 1000);
	tap(&k, ACTION_HOME, 0, 2000);
	tap(&k, ACTION_OPEN, 3, 3000);
	kiosk_tick(&k, 3080 + 90000);
	CHECK_INT(k.mode, KIOSK_IDLE);
	check_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_IDLE, .view = { 3, 0 }, .history = true }, 3080 + 90000,
		   &d);
	/* over the picker, which is over reading */
	kiosk_privacy_reset(&k, 200000);
	tap(&k, ACTION_NONE, 0, 200000);
	tap(&k, ACTION_LANGUAGE, 0, 201000);
	kiosk_tick(&k, 201080 + 90000);
	CHECK_INT(k.before_idle, KIOSK_LANGS);
	check_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_IDLE, .under = KIOSK_LANGS }, 201080 + 90000, &d);
	/* asleep: the schedule turned the screen off during the loop */
	kiosk_privacy_reset(&k, 400000);
	kiosk_tick(&k, 413000);
	kiosk_set_sleep(&k, true, 413500);
	CHECK_INT(k.mode, KIOSK_SLEEP);
	check_pose(&k, &(struct kiosk_pose){ .mode = KIOSK_SLEEP, .view = { 3, 0 } }, 413500, &d);
	kiosk_free(&k);
	deck_free(&d);
	content_free(&c);
}

/* Nothing of the state before a pose is left: a kiosk in the middle of a
 * visit, a button held down, posed into the loop is a kiosk just started. */
static void a_pose_leaves_nothing_of_before(void)
{
	struct content c;
	struct deck d;
	pose_content(&c, &d);
	struct kiosk k, fresh;
	kiosk_init(&k, &c, 0);
	kiosk_set_page_counts(&k, d.page_counts, d.n);
	tap(&k, ACTION_NONE, 0, 1000);
	tap(&k, ACTION_TEXT_SIZE, 0, 2000);
	tap(&k, ACTION_HOME, 0, 3000);
	tap(&k, ACTION_LANGUAGE, 0, 4000);
	tap(&k, ACTION_SET_LANGUAGE, 1, 5000);
	kiosk_input(&k, INPUT_DOWN, ACTION_OPEN, 2, 6000);
	kiosk_set_sleep(&k, true, 6000);
	kiosk_pose(&k, &(struct kiosk_pose){ 0 }, 7000);
	kiosk_init(&fresh, &c, 7000);
	kiosk_set_page_counts(&fresh, d.page_counts, d.n);
	same_frame(&k, &fresh, &d, 7000);
	CHECK_INT(k.n_history, 0);
	CHECK(!k.swallow);
	kiosk_free(&fresh);
	kiosk_free(&k);
	deck_free(&d);
	content_free(&c);
}

/* Every mode and action has its names (a table with a hole would give
 * "?"), and --trace's words tell them apart. */
static void every_mode_and_action_has_its_names(void)
{
	for (int m = 0; m < KIOSK_MODE_COUNT_; m++) {
		CHECK(strcmp(kiosk_mode_name((enum kiosk_mode)m), "?") != 0);
		CHECK(strcmp(kiosk_mode_where((enum kiosk_mode)m), "?") != 0);
		for (int n = 0; n < m; n++)
			CHECK(strcmp(kiosk_mode_name((enum kiosk_mode)m), kiosk_mode_name((enum kiosk_mode)n)) != 0);
	}
	for (int a = 0; a < ACTION_COUNT_; a++) {
		CHECK(strcmp(kiosk_action_name((enum kiosk_action)a), "?") != 0);
		CHECK(strcmp(kiosk_action_button((enum kiosk_action)a), "?") != 0);
		CHECK(strcmp(kiosk_action_target((enum kiosk_action)a), "?") != 0);
		for (int b = 0; b < a; b++)
			CHECK(strcmp(kiosk_action_name((enum kiosk_action)a), kiosk_action_name((enum kiosk_action)b)) != 0);
	}
	CHECK_STR(kiosk_mode_name(KIOSK_LANGS), "languages");
	CHECK_STR(kiosk_action_name(ACTION_QUICK_EXIT), "quick-exit");
	CHECK_STR(kiosk_action_name(ACTION_COUNT_), "?");
}

int main(void)
{
	RUN(starts_on_first_loop_screen_and_waits_its_duration);
	RUN(per_screen_duration_and_skipped_screens_and_wrap);
	RUN(transition_lasts_300ms_then_nothing_to_do);
	RUN(transition_none_switches_at_once);
	RUN(pages_of_a_screen_each_get_the_duration);
	RUN(single_screen_loop_never_wakes);
	RUN(a_day_of_loop_keeps_its_rhythm);
	RUN(late_wakeup_catches_up_without_animating_the_past);
	RUN(touch_pauses_the_loop_and_wakes_without_pressing);
	RUN(next_previous_back_and_the_menu);
	RUN(idle_notice_then_privacy_reset);
	RUN(idle_countdown_wakes_once_a_second);
	RUN(quick_exit_clears_everything_in_one_step);
	RUN(history_is_bounded);
	RUN(language_picker_opens_chooses_and_closes);
	RUN(right_to_left_swipes_are_mirrored);
	RUN(rebind_keeps_the_visitor_where_they_are);
	RUN(topics_with_calls_come_first);
	RUN(posed_loop_and_notice_are_the_ones_the_loop_shows);
	RUN(posed_reading_is_reading_tapped_to);
	RUN(posed_panels_are_the_panels_tapped_to);
	RUN(posed_idle_notice_and_sleep_are_the_ones_time_brings);
	RUN(a_pose_leaves_nothing_of_before);
	RUN(a_deck_built_first_screen_first_is_the_whole_deck);
	RUN(every_mode_and_action_has_its_names);
	return TEST_DONE();
}
