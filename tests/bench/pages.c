/* pages.c — how many pages each screen takes, per language, at normal and
 * large text (A+), laid out with the real fonts: the numbers behind "a
 * screen that fits in English fits in Arabic". Built with the tests, run by
 * hand:
 *   build/tests/pages config/examples/multilingual.yaml [WxH] [-v] [--closed]
 * -v also prints each screen's pages and its shrink factor; --closed lays
 * out with an out-of-hours banner (the help line's number, as in the render
 * tests) when the content has none of its own. */
#include "content_file.h"
#include "deck.h"
#include "kiosk.h"
#include "load.h"
#include "text.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int w = 800, h = 480;
	bool verbose = false, closed = false;
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = true;
		else if (strcmp(argv[i], "--closed") == 0)
			closed = true;
		else if (sscanf(argv[i], "%dx%d", &w, &h) == 2)
			;
		else
			path = argv[i];
	}
	if (!path) {
		fprintf(stderr, "usage: pages CONTENT [WxH] [-v] [--closed]\n");
		return 2;
	}
	struct content c;
	struct diag_list d = { 0 };
	if (content_load(path, &c, NULL, &d) != LOAD_OK) {
		diag_print(&d, path, stderr);
		return 1;
	}
	diag_clear(&d);
	if (closed && !c.out_of_hours.given) {
		c.out_of_hours = (struct out_of_hours){ .given = true, .call = c.help };
		for (size_t i = 0; i < c.n_langs; i++)
			c.out_of_hours.text.by_lang[i] = "We are closed now. This line is open day and night:";
	}
	struct text t;
	char err[512];
	if (!text_open(&t, c.theme.font, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	text_set_langs(&t, &c, NULL, 0);
	static const double scales[2] = { 1.0, KIOSK_LARGE_TEXT };
	printf("%dx%d%s  pages over %zu screens\n", w, h, closed ? " (closed)" : "", c.n_screens);
	printf("lang   normal   A+\n");
	for (size_t l = 0; l < c.n_langs; l++) {
		int total[2] = { 0, 0 };
		char detail[2][512] = { "", "" };
		for (int s = 0; s < 2; s++) {
			struct measurer m = text_measurer(&t, l);
			struct deck dk;
			deck_build(&dk, &m, &c,
				   (struct layout_spec){ .w = w, .h = h, .lang = l, .text_scale = scales[s],
							 .out_of_hours = closed });
			size_t at = 0;
			for (size_t i = 0; i < dk.n; i++) {
				total[s] += dk.page_counts[i];
				at += (size_t)snprintf(detail[s] + at, sizeof detail[s] - at, " %s:%d@%.2f",
						       c.screens[i].id, dk.page_counts[i],
						       dk.layouts[i].shrink);
				if (at >= sizeof detail[s])
					at = sizeof detail[s] - 1;
			}
			deck_free(&dk);
		}
		printf("%-5s %7d %5d\n", c.langs[l], total[0], total[1]);
		if (verbose)
			printf("      normal:%s\n      A+:    %s\n", detail[0], detail[1]);
	}
	text_close(&t);
	content_free(&c);
	TTF_Quit();
	SDL_Quit();
	return 0;
}
