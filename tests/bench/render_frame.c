/* render_frame.c — how long one screen takes to draw from nothing: layout
 * (measuring and shaping every line), the draw list, and every text texture
 * made afresh (the render cache flushed before each frame), with SDL's
 * software renderer into a surface. Prints the median and the 90th
 * percentile per screen. Built with the tests, run by hand:
 *   build/tests/render_frame tests/render/content.yaml reporting 800x480 */
#include "content_file.h"
#include "deck.h"
#include "kiosk.h"
#include "load.h"
#include "render.h"
#include "scene.h"
#include "text.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUNS 60

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	int w = 800, h = 480;
	if (argc < 3 || (argc > 3 && sscanf(argv[3], "%dx%d", &w, &h) != 2)) {
		fprintf(stderr, "usage: render_frame CONTENT SCREEN-ID [WxH]\n");
		return 2;
	}
	struct content c;
	struct diag_list d = { 0 };
	if (content_load(argv[1], &c, NULL, &d) != LOAD_OK) {
		diag_print(&d, argv[1], stderr);
		return 1;
	}
	diag_clear(&d);
	int screen = content_find_screen(&c, argv[2]);
	if (screen < 0) {
		fprintf(stderr, "no screen '%s'\n", argv[2]);
		return 1;
	}
	struct text t;
	char err[512];
	if (!text_open(&t, c.theme.font, err, sizeof err))
		return 1;
	text_set_langs(&t, &c, NULL, 0);
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
	struct render rd;
	render_init(&rd, r, &t);
	struct measurer by_lang[CONTENT_MAX_LANGS];
	double ms[2][RUNS];
	struct draw_list dl = { 0 };
	for (int i = 0; i < 2 * RUNS; i++) {
		/* cold: the fonts opened afresh too (the first time a language is
		 * shown); warm: fonts open, every width and texture made again (a
		 * later switch to that language) */
		bool cold = i < RUNS;
		render_flush(&rd);
		if (cold) { /* fonts found again; sizes are opened while measuring */
			text_close(&t);
			if (!text_open(&t, c.theme.font, err, sizeof err))
				return 1;
			text_set_langs(&t, &c, NULL, 0);
		} else {
			text_forget_widths(&t);
		}
		text_measurers(&t, by_lang);
		Uint64 t0 = SDL_GetPerformanceCounter();
		struct deck dk;
		deck_build(&dk, &by_lang[0], &c, (struct layout_spec){ .w = w, .h = h, .text_scale = 1.0 });
		struct kiosk k;
		kiosk_init(&k, &c, 0);
		kiosk_set_page_counts(&k, dk.page_counts, dk.n);
		kiosk_pose(&k, &(struct kiosk_pose){ .view = { screen, 0 } }, 0);
		struct scene_input in = { &c, &k, dk.layouts, &by_lang[0], 0, by_lang };
		scene_build(&dl, &in);
		render_frame(&rd, &dl);
		SDL_RenderPresent(r);
		ms[!cold][i % RUNS] = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
		kiosk_free(&k);
		deck_free(&dk);
	}
	qsort(ms[0], RUNS, sizeof ms[0][0], cmp);
	qsort(ms[1], RUNS, sizeof ms[1][0], cmp);
	printf("%s %s %dx%d: cold median %.2f ms (p90 %.2f), warm fonts median %.2f ms (p90 %.2f); "
	       "layout of all %zu screens + one frame, %d runs each\n",
	       argv[1], argv[2], w, h, ms[0][RUNS / 2], ms[0][RUNS * 9 / 10], ms[1][RUNS / 2],
	       ms[1][RUNS * 9 / 10], c.n_screens, RUNS);
	draw_list_free(&dl);
	render_free(&rd);
	SDL_DestroyRenderer(r);
	SDL_FreeSurface(surf);
	text_close(&t);
	content_free(&c);
	TTF_Quit();
	SDL_Quit();
	return 0;
}
