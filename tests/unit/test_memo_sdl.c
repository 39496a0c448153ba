/* test_memo_sdl.c — the lines' tuning a remembered verdict carries
 * (memo.h, text_tune()): written and read back it is the very tuning
 * measured, a text given it measures and draws its lines as one that
 * measured it, and a record with anything else after its key, a tuning
 * out of range, or one cut short is no match (the check runs). On the
 * five-language example, whose Arabic, Urdu and Bengali are tuned. */
#include "slurp.h"
#include "test.h"

#include "content_file.h"
#include "memo.h"
#include "text.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct content content;
static struct pictures pics;
static char record[] = "/tmp/signpost-memo-XXXXXX";
static const char key[] = "content 1234\noutput 1280 800\nend\n";

static void write_record(const char *text)
{
	FILE *f = fopen(record, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

/* The record as it is now, a string (slurp() gives bytes). */
static char *read_record(size_t *len)
{
	char *bytes = slurp(record, len);
	if (!bytes)
		return NULL;
	char *text = xmalloc(*len + 1);
	memcpy(text, bytes, *len);
	text[*len] = '\0';
	free(bytes);
	return text;
}

/* The record as it is now, with `from` replaced by `to` once. */
static void edit_record(const char *from, const char *to)
{
	size_t len;
	char *text = read_record(&len);
	CHECK(text != NULL);
	if (!text)
		return;
	char *at = strstr(text, from);
	CHECK(at != NULL);
	if (at) {
		char *out = malloc(len + strlen(to) + 1);
		CHECK(out != NULL);
		if (out) {
			sprintf(out, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
			write_record(out);
		}
		free(out);
	}
	free(text);
}

/* The same tuning, bit for bit (== on doubles, which a NaN fails). */
static bool same_ink(const struct text_ink *a, const struct text_ink *b)
{
	bool same = a->clearance[0] == b->clearance[0] && a->clearance[1] == b->clearance[1];
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++) {
		same = same && a->tuned[l] == b->tuned[l];
		if (same && a->tuned[l])
			for (int st = 0; st < 2; st++)
				same = same && a->size[l] == b->size[l] && a->above[l][st] == b->above[l][st] &&
				       a->below[l][st] == b->below[l][st] && a->touch[l][st] == b->touch[l][st];
	}
	return same;
}

/* Line heights and widths of each language's own words at a few sizes. */
static void measure(struct text *t, int out[CONTENT_MAX_LANGS][3][2])
{
	for (size_t l = 0; l < content.n_langs; l++) {
		struct measurer m = text_measurer(t, l);
		const char *s = content.labels.quick_exit.by_lang[l];
		for (int i = 0; i < 3; i++) {
			int px = 18 + 13 * i;
			out[l][i][0] = m.line_height(m.ctx, FONT_REGULAR, px);
			out[l][i][1] = m.text_width(m.ctx, FONT_BOLD, px, s, strlen(s));
		}
	}
}

static void a_remembered_tuning_is_the_measured_one(void)
{
	struct text measured, given;
	char err[256];
	CHECK(text_open(&measured, content.theme.font, err, sizeof err));
	text_set_langs(&measured, &content, NULL, 0);
	struct text_ink ink;
	text_ink_get(&measured, &ink);
	size_t tuned = 0;
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++)
		tuned += ink.tuned[l];
	CHECK(tuned >= 3); /* Arabic, Urdu, Bengali */

	CHECK(memo_write(record, key, &ink));
	struct text_ink back;
	bool have = false;
	CHECK(memo_matches(record, key, &back, &have));
	CHECK(have);
	CHECK(same_ink(&ink, &back));

	CHECK(text_open(&given, content.theme.font, err, sizeof err));
	text_set_faces(&given, &content, NULL, 0);
	text_tune(&given, &back);
	struct text_ink again;
	text_ink_get(&given, &again);
	CHECK(same_ink(&ink, &again));
	int a[CONTENT_MAX_LANGS][3][2], b[CONTENT_MAX_LANGS][3][2];
	measure(&measured, a);
	measure(&given, b);
	for (size_t l = 0; l < content.n_langs; l++)
		for (int i = 0; i < 3; i++) {
			CHECK_INT(b[l][i][0], a[l][i][0]);
			CHECK_INT(b[l][i][1], a[l][i][1]);
		}
	text_close(&measured);
	text_close(&given);
}

static void a_record_with_more_or_less_is_no_match(void)
{
	struct text t;
	char err[256];
	CHECK(text_open(&t, content.theme.font, err, sizeof err));
	text_set_langs(&t, &content, NULL, 0);
	struct text_ink ink, back;
	text_ink_get(&t, &ink);
	text_close(&t);
	bool have = true;

	write_record(key); /* an older kiosk's record: the key alone */
	CHECK(memo_matches(record, key, &back, &have));
	CHECK(!have);

	CHECK(memo_write(record, key, &ink));
	CHECK(!memo_matches(record, "content 1234\noutput 800 480\nend\n", &back, &have));

	CHECK(memo_write(record, key, &ink));
	edit_record("clearance", "loudness");
	CHECK(!memo_matches(record, key, &back, &have));
	CHECK(!have);

	CHECK(memo_write(record, key, &ink));
	edit_record("\nclearance", "\nfont /x 1 2 3 4.5\nclearance");
	CHECK(!memo_matches(record, key, &back, &have));

	/* a size lines_tune() never makes */
	CHECK(memo_write(record, key, &ink));
	edit_record("ink 2 0x1", "ink 2 0x1.8p+3 ");
	CHECK(!memo_matches(record, key, &back, &have));

	CHECK(memo_write(record, key, &ink));
	edit_record("ink 2 ", "ink 2 nan ");
	CHECK(!memo_matches(record, key, &back, &have));

	/* cut short, as a power cut cannot leave it (the write is atomic) but
	 * a broken disk might */
	CHECK(memo_write(record, key, &ink));
	size_t len;
	char *text = read_record(&len);
	CHECK(text != NULL && len > 10);
	if (text) {
		text[len - 4] = '\0';
		write_record(text);
		free(text);
	}
	CHECK(!memo_matches(record, key, &back, &have));

	/* the same language twice */
	CHECK(memo_write(record, key, &ink));
	edit_record("ink 3 ", "ink 2 ");
	CHECK(!memo_matches(record, key, &back, &have));
}

int main(void)
{
	struct diag_list d = { 0 };
	if (content_load(SIGNPOST_SOURCE_DIR "/config/examples/multilingual.yaml", &content, &pics, &d) != LOAD_OK) {
		fprintf(stderr, "the five-language example does not load\n");
		return 1;
	}
	diag_clear(&d);
	int fd = mkstemp(record);
	if (fd < 0)
		return 1;
	close(fd);
	RUN(a_remembered_tuning_is_the_measured_one);
	RUN(a_record_with_more_or_less_is_no_match);
	unlink(record);
	pictures_free(&pics);
	content_free(&content);
	TTF_Quit();
	return TEST_DONE();
}
