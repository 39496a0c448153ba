/* test_kiosk.c — the attract loop against a fake clock. */
#include "fixture.h"
#include "test.h"

#include "kiosk.h"

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
	k.view = (struct kiosk_view){ 3, 2 };
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
	return TEST_DONE();
}
