/* test_regression.c — every input that ever broke the loader, replayed.
 *
 * tests/regression/ keeps the inputs the fuzzer (tests/fuzz/run.sh) found,
 * as libyaml keeps its regression-inputs/; tests/invalid/ holds the mistakes
 * staff could make. Each file goes through the whole pipeline the fuzzer
 * drives — content_load_buffer(), then for content that loads deck_build()
 * with the fake measurer at 800x480 in every language and text size, and a
 * frame of the loop, woken and of the topics — and is freed again, under the
 * sanitizers in CI. The loader's contract is checked on each: LOAD_OK never
 * with errors, LOAD_INVALID always with one, and a refused load leaves the
 * content empty. An empty tests/regression/ (no crash found yet) is fine; the
 * invalid inputs must then all be refused. */
#include "fixture.h"
#include "test.h"

#include "deck.h"
#include "kiosk.h"
#include "load.h"
#include "scene.h"
#include "slurp.h"

#include <dirent.h>
#include <stdlib.h>

#define REGRESSION_DIR SIGNPOST_SOURCE_DIR "/tests/regression"
#define INVALID_DIR SIGNPOST_SOURCE_DIR "/tests/invalid"

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

static void frames(const struct content *c, const struct deck *dk, size_t lang)
{
	struct kiosk k;
	kiosk_init(&k, c, 0);
	kiosk_set_page_counts(&k, dk->page_counts, dk->n);
	kiosk_pose(&k, &(struct kiosk_pose){ .lang = lang, .large_text = dk->text_scale > 1.0 }, 0);
	struct draw_list dl = { 0 };
	struct scene_input in = { c, &k, dk->layouts, &fake_measurer, 0, NULL };
	scene_build(&dl, &in);
	CHECK(dl.n > 0);
	kiosk_input(&k, INPUT_DOWN, ACTION_NONE, 0, 1);
	kiosk_input(&k, INPUT_TAP, ACTION_NONE, 0, 2);
	in.now = 3;
	scene_build(&dl, &in);
	CHECK_INT(k.mode, KIOSK_BROWSE);
	kiosk_input(&k, INPUT_DOWN, ACTION_HOME, 0, 4);
	kiosk_input(&k, INPUT_TAP, ACTION_HOME, 0, 5);
	in.now = 6;
	scene_build(&dl, &in);
	CHECK_INT(k.mode, KIOSK_MENU);
	draw_list_free(&dl);
	kiosk_free(&k);
}

/* The fuzzer's pipeline on one input; returns the load result. */
static enum load_result pipeline(const char *name, const char *buf, size_t len)
{
	struct content c;
	struct diag_list d = { 0 };
	enum load_result r = content_load_buffer(name, buf, len, &c, &d);
	bool errors = diag_has_errors(&d);
	if (r == LOAD_OK && errors)
		fprintf(stderr, "%s: loaded, but with errors\n", name);
	if (r == LOAD_INVALID && !errors)
		fprintf(stderr, "%s: refused without an error\n", name);
	CHECK(r == LOAD_OK || r == LOAD_INVALID);
	CHECK(r == LOAD_OK ? !errors : errors);
	if (r != LOAD_OK)
		CHECK(all_zero(&c, sizeof c));
	if (r == LOAD_OK) {
		CHECK(c.n_screens > 0 && c.n_langs > 0);
		for (size_t lang = 0; lang < c.n_langs; lang++)
			for (int big = 0; big < 2; big++) {
				struct deck dk;
				deck_build(&dk, &fake_measurer, &c,
					   (struct layout_spec){ .w = 800, .h = 480, .lang = lang,
								 .text_scale = big ? KIOSK_LARGE_TEXT : 1.0 });
				CHECK_INT(dk.n, c.n_screens);
				for (size_t s = 0; s < dk.n; s++)
					CHECK(dk.page_counts[s] >= 1);
				frames(&c, &dk, lang);
				deck_free(&dk);
			}
	}
	content_free(&c);
	diag_clear(&d);
	return r;
}

/* Runs every regular file of dir but README* through the pipeline; counts
 * how many were refused. Returns the number of files. */
static size_t replay_dir(const char *dir, size_t *refused)
{
	DIR *dp = opendir(dir);
	CHECK(dp != NULL);
	if (!dp)
		return 0;
	size_t n = 0;
	*refused = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.' || strncmp(e->d_name, "README", 6) == 0)
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len;
		char *buf = slurp(path, &len);
		if (!buf)
			continue; /* a folder */
		test_current = e->d_name;
		*refused += pipeline(e->d_name, buf, len) != LOAD_OK;
		free(buf);
		n++;
	}
	closedir(dp);
	return n;
}

static void test_regression_inputs(void)
{
	size_t refused;
	size_t n = replay_dir(REGRESSION_DIR, &refused);
	printf("tests/regression: %zu inputs replayed (%zu refused, %zu loaded)\n", n, refused,
	       n - refused);
}

static void test_invalid_inputs_through_the_pipeline(void)
{
	size_t refused;
	size_t n = replay_dir(INVALID_DIR, &refused);
	printf("tests/invalid: %zu inputs replayed, %zu refused\n", n, refused);
	CHECK(n > 40);
	CHECK_INT(refused, n); /* every one of them is a mistake */
}

/* The pipeline itself: valid content goes all the way through, and the
 * checks above would see a broken verdict. */
static void test_pipeline_runs_valid_content(void)
{
	static const char ok[] = "kiosk:\n  languages: [en, pl]\n  quick_exit: n\n"
				 "screens:\n  - id: a\n    title: {en: \"A\", pl: \"B\"}\n"
				 "    blocks:\n      - text: \"Some text\"\n"
				 "  - id: n\n    title: \"Neutral\"\n    blocks:\n      - text: \"x\"\n";
	CHECK_INT(pipeline("ok.yaml", ok, sizeof ok - 1), LOAD_OK);
	CHECK_INT(pipeline("cut.yaml", ok, 30), LOAD_INVALID);
	CHECK_INT(pipeline("empty.yaml", "", 0), LOAD_INVALID);
}

int main(void)
{
	RUN(test_pipeline_runs_valid_content);
	RUN(test_regression_inputs);
	RUN(test_invalid_inputs_through_the_pipeline);
	return TEST_DONE();
}
