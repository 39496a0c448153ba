/* fuzz_load.c — libFuzzer target over the content loader and what follows
 * it: the bytes go through content_load_buffer() (pre-scan, libyaml, node
 * tree, schema walk); content that loads is then laid out at 800x480 with
 * the fixed-width fake measurer (deck_build; with the out-of-hours banner
 * when it has one) and drawn as draw lists in the loop, woken, in the
 * topics menu and asleep (kiosk + scene_build), and its schedule and QR
 * codes are checked, so the layout and scene of strange but valid content
 * are exercised too. Then the complete check the kiosk runs before showing
 * anything (check_complete: real fonts through SDL_ttf, font coverage with
 * the places of missing characters, fit, QR codes, contrast), at 800x480
 * and, turned, at 480x800. Everything is freed again, so LeakSanitizer
 * sees any leak.
 *
 * Beyond "no crash, no leak", the loader's contract is checked on every
 * input and a breach aborts (libFuzzer then saves the input): LOAD_OK never
 * comes with errors, LOAD_INVALID always does, and a refused load leaves the
 * content empty. Built and run by tests/fuzz/run.sh; every input that ever
 * failed here is kept in tests/regression/ and replayed by test_regression. */
#include "fixture.h"

#include "check.h"

#include "deck.h"
#include "diag.h"
#include "kiosk.h"
#include "load.h"
#include "scene.h"
#include "schedule.h"

#include <stdint.h>
#include <stdlib.h>

static int all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		if (b[i])
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* the fonts, opened once: SDL_ttf and fontconfig are slow to start */
static struct text fonts;
static int have_fonts;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char err[512];
	have_fonts = text_open(&fonts, "DejaVu Sans", err, sizeof err);
	if (!have_fonts)
		abort(); /* the run would fuzz less than it says */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct content c;
	struct diag_list d = { 0 };
	enum load_result r = content_load_buffer("fuzz.yaml", (const char *)data, size, &c, &d);
	if (r == LOAD_OK && diag_has_errors(&d))
		abort(); /* accepted content that has errors */
	if (r == LOAD_INVALID && !diag_has_errors(&d))
		abort(); /* refused without saying why */
	if (r != LOAD_OK && !all_zero(&c, sizeof c))
		abort(); /* a refused load must leave nothing behind */
	if (r == LOAD_OK) {
		/* the last language: every text falls back to the default one */
		size_t lang = c.n_langs ? c.n_langs - 1 : 0;
		struct deck dk;
		deck_build(&dk, &fake_measurer, &c,
			   (struct layout_spec){ .w = 800, .h = 480, .lang = lang, .text_scale = 1.0,
						 .out_of_hours = c.out_of_hours.given });
		struct schedule_time t = { { 2026, 3, 29, 90 }, true };
		struct civil_time next;
		schedule_at(&c, &t);
		schedule_next_change(&c, &t, &next);
		deck_check_qr(&fake_measurer, &c, 800, 480, &d);
		struct kiosk k;
		kiosk_init(&k, &c, 0);
		kiosk_set_page_counts(&k, dk.page_counts, dk.n);
		kiosk_pose(&k, &(struct kiosk_pose){ .lang = lang }, 0);
		/* three frames: the attract loop, then woken (buttons), then
		 * the topics menu */
		struct draw_list dl = { 0 };
		struct scene_input in = { &c, &k, dk.layouts, &fake_measurer, 0, NULL };
		scene_build(&dl, &in);
		kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 1);
		kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 2);
		in.now = 3;
		scene_build(&dl, &in);
		kiosk_input(&k, INPUT_DOWN, ACTION_HOME, 0, 4);
		kiosk_input(&k, INPUT_TAP, ACTION_HOME, 0, 5);
		in.now = 6;
		scene_build(&dl, &in);
		kiosk_set_sleep(&k, true, 7);
		kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 8);
		in.now = 9;
		scene_build(&dl, &in);
		draw_list_free(&dl);
		kiosk_free(&k);
		deck_free(&dk);
		/* the complete check, with the real fonts; its verdict must agree
		 * with what it reported */
		size_t before = diag_count(&d, DIAG_ERROR);
		bool ok = check_complete(&fonts, &c, NULL, (const char *)data, size, 800, 480, true, &d);
		if (ok != (diag_count(&d, DIAG_ERROR) == before))
			abort();
		check_complete(&fonts, &c, NULL, (const char *)data, size, 480, 800, false, &d);
	}
	content_free(&c);
	diag_clear(&d);
	return 0;
}
