/* app.c — check, preview and run; see app.h. The staff operations of the
 * running kiosk (status file, reload, file watcher) are in ops.c.
 *
 * The run loop sleeps in SDL_WaitEventTimeout until the kiosk's next
 * deadline or an event, so a static screen costs nothing between frames.
 * Signals arrive through a thread that waits for them with sigwait() and
 * turns each into an SDL event: the main loop handles SIGTERM, SIGINT and
 * SIGHUP in one place, with no work done in a signal handler. */
#include "app.h"

#include "abspointer.h"
#include "arena.h"
#include "check.h"
#include "content_file.h"
#include "backlight.h"
#include "load.h"
#include "pngout.h"
#include "run.h"
#include "schedule_run.h"
#include "wake.h"

#include <SDL.h>
#include <dirent.h>
#include <errno.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Loads and prints problems; returns the exit code of the load. */
static int load_content(const char *path, struct content *c, bool quiet_ok)
{
	struct diag_list d = { 0 };
	enum load_result r = content_load(path, c, &d);
	if (!quiet_ok || r != LOAD_OK)
		diag_print(&d, path, stderr);
	diag_clear(&d);
	return (int)r;
}

static bool open_text(struct text *t, const struct content *c)
{
	char err[512], problem[1600];
	if (!text_open(t, c->theme.font, err, sizeof err)) {
		fprintf(stderr, "signpost: error: %s\n", err);
		return false;
	}
	if (t->fell_back)
		fprintf(stderr, "signpost: warning: %s; using %s\n", t->why, TEXT_FALLBACK_FAMILY);
	if (!text_set_langs(t, c, problem, sizeof problem))
		fprintf(stderr, "signpost: warning: %s\n", problem);
	return true;
}


/* The report goes to stdout, like nginx -t's, so `signpost --check | less`
 * shows it; the exit code says whether the content can be shown. */
int app_check(const struct app_options *o)
{
	struct content c;
	struct diag_list d = { 0 };
	char *src = NULL;
	size_t len = 0;
	enum load_result r = content_read(o->config, &src, &len, &d);
	if (r == LOAD_OK)
		r = content_load_buffer(o->config, src, len, &c, &d);
	int code = (int)r;
	if (r == LOAD_OK) {
		struct text t;
		char err[512];
		if (!text_open(&t, c.theme.font, err, sizeof err)) {
			diag_print(&d, o->config, stdout);
			printf("signpost: error: %s\n", err);
			code = 2;
			goto out;
		}
		int lw, lh;
		check_picture_size(&c, o->w ? o->w : APP_DEFAULT_W, o->h ? o->h : APP_DEFAULT_H, &lw, &lh);
		if (!check_complete(&t, &c, src, len, lw, lh, true, &d))
			code = 1;
		text_close(&t);
		diag_sort(&d);
	}
	diag_print(&d, o->config, stdout);
	if (code == 0)
		printf("%s: ok: %zu screens, %zu language%s, %zu warning%s\n", o->config, c.n_screens,
		       c.n_langs, c.n_langs == 1 ? "" : "s", diag_count(&d, DIAG_WARNING),
		       diag_count(&d, DIAG_WARNING) == 1 ? "" : "s");
out:
	fflush(stdout);
	if (r == LOAD_OK)
		content_free(&c);
	free(src);
	diag_clear(&d);
	return code;
}

/* What --preview draws with, and where it writes. */
struct preview {
	struct render rd;
	SDL_Surface *surf;
	const struct content *c;
	const struct measurer *by_lang;
	const char *dir;
	size_t written;
};

/* Draws what kiosk k shows over deck dk into the surface and saves it as
 * dir/name. */
static bool preview_one(struct preview *pv, const struct deck *dk, struct kiosk *k, const char *name)
{
	struct draw_list dl = { 0 };
	struct scene_input in = { dk->content, k, dk->layouts, &pv->by_lang[k->lang], k->shown_at, pv->by_lang };
	scene_build(&dl, &in);
	render_frame(&pv->rd, &dl);
	SDL_RenderPresent(pv->rd.r);
	draw_list_free(&dl);
	char path[4096], err[300];
	snprintf(path, sizeof path, "%s/%s", pv->dir, name);
	if (!png_write(pv->surf, path, err, sizeof err)) {
		fprintf(stderr, "signpost: error: cannot write %s: %s\n", path, err);
		return false;
	}
	pv->written++;
	return true;
}

/* A kiosk over deck dk in language lang, as a visitor finds it after a
 * touch: reading (mode), text size and contrast as given, with one step
 * of history, so Back is drawn as it is while reading. */
static void preview_kiosk(struct kiosk *k, const struct deck *dk, size_t lang, enum kiosk_mode mode,
			  bool high_contrast)
{
	kiosk_init(k, dk->content, 0);
	kiosk_set_page_counts(k, dk->page_counts, dk->n);
	k->lang = lang;
	k->text_scale = dk->text_scale;
	k->high_contrast = high_contrast;
	k->mode = mode;
	int first;
	if (kiosk_topics(k, &first, 1) > 0)
		k->view = (struct kiosk_view){ first, 0 };
	k->history[0] = (struct kiosk_view){ 0, -1 };
	k->n_history = mode == KIOSK_ATTRACT ? 0 : 1;
}

/* Every page of every screen of the deck (language lang, its text scale):
 * as the loop shows it (NN-ID-LANG-PAGE.png; the Quick exit screen as the
 * notice it is after Quick exit), while the centre is closed (-closed), at
 * large text (-large-, after a touch) or in high contrast (-contrast-,
 * after a touch). */
enum preview_look { LOOK_LOOP, LOOK_CLOSED, LOOK_LARGE, LOOK_CONTRAST };

static bool preview_screens(struct preview *pv, const struct deck *dk, size_t lang, enum preview_look look)
{
	const struct content *c = pv->c;
	struct kiosk k;
	bool loop = look == LOOK_LOOP || look == LOOK_CLOSED;
	preview_kiosk(&k, dk, lang, loop ? KIOSK_ATTRACT : KIOSK_BROWSE, look == LOOK_CONTRAST);
	static const char *const infix[] = { "", "", "-large", "-contrast" };
	bool ok = true;
	for (size_t s = 0; s < c->n_screens && ok; s++) {
		/* no banner on the Quick exit screen, and after Quick exit no A+
		 * or contrast: those pictures would show nothing a visitor sees */
		if ((int)s == c->quick_exit && look != LOOK_LOOP)
			continue;
		for (int p = 0; p < dk->page_counts[s] && ok; p++) {
			k.view = (struct kiosk_view){ (int)s, p };
			k.notice = loop && (int)s == c->quick_exit; /* as Quick exit shows it */
			/* the dots as the loop shows them: this screen's place in it */
			for (size_t i = 0; i < k.n_loop; i++)
				if (k.loop[i] == (int)s)
					k.loop_pos = i;
			char name[256];
			snprintf(name, sizeof name, "%02zu-%s-%s%s-%d%s.png", s + 1, c->screens[s].id,
				 c->langs[lang], infix[look], p + 1, look == LOOK_CLOSED ? "-closed" : "");
			ok = preview_one(pv, dk, &k, name);
		}
	}
	kiosk_free(&k);
	return ok;
}

/* The kiosk's own panels in language lang at the deck's text scale: every
 * page of the topics (00-topics-LANG[-large]-PAGE.png) and the language
 * picker (00-languages-LANG[-large]-1.png). */
static bool preview_panels(struct preview *pv, const struct deck *dk, size_t lang)
{
	const char *large = dk->text_scale > 1.0 ? "-large" : "";
	struct kiosk k;
	preview_kiosk(&k, dk, lang, KIOSK_MENU, false);
	struct scene_input in = { dk->content, &k, dk->layouts, &pv->by_lang[lang], 0, pv->by_lang };
	int pages = scene_menu_pages(&in);
	bool ok = true;
	char name[256];
	for (int p = 0; p < pages && ok; p++) {
		k.menu_page = p;
		snprintf(name, sizeof name, "00-topics-%s%s-%d.png", pv->c->langs[lang], large, p + 1);
		ok = preview_one(pv, dk, &k, name);
	}
	if (ok && pv->c->n_langs > 1) {
		k.mode = KIOSK_LANGS;
		k.before_langs = KIOSK_BROWSE;
		snprintf(name, sizeof name, "00-languages-%s%s-1.png", pv->c->langs[lang], large);
		ok = preview_one(pv, dk, &k, name);
	}
	kiosk_free(&k);
	return ok;
}

/* Removes the pictures an earlier --preview left in dir (NN-ID-LANGUAGE
 * [-large|-contrast]-PAGE[-closed].png, regular files only), so a screen
 * since removed or renamed leaves no picture of content that no longer is.
 * Other files stay. Returns how many it removed, or -1 after saying what
 * went wrong. */
static long preview_clear(const char *dir)
{
	regex_t ours;
	if (regcomp(&ours,
		    "^[0-9]{2,}-[a-z0-9_-]{1,40}-[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}))?(-large|-contrast)?-[0-9]+(-closed)?[.]png$",
		    REG_EXTENDED | REG_NOSUB) != 0)
		return 0;
	long removed = 0;
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "signpost: error: cannot read the folder %s: %s\n", dir, strerror(errno));
		regfree(&ours);
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(d)) && removed >= 0) {
		char path[4096];
		struct stat st;
		if (regexec(&ours, e->d_name, 0, NULL, 0) != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (unlink(path) == 0) {
			removed++;
		} else {
			fprintf(stderr, "signpost: error: cannot remove the older picture %s: %s; remove it, or "
					"preview into an empty folder\n",
				path, strerror(errno));
			removed = -1;
		}
	}
	closedir(d);
	regfree(&ours);
	return removed;
}

/* Every language at normal and large (A+) text: the screens as the loop
 * shows them, while closed (with hours and a banner), large, and in high
 * contrast (normal size only: its colours are the same at any size, and
 * it would double the pictures again), then the topics and the language
 * picker. The pictures are the size the kiosk draws: --size turned by
 * display.rotation, upright, as a visitor reads them. */
int app_preview(const struct app_options *o)
{
	struct content c;
	int code = load_content(o->config, &c, true);
	if (code != 0)
		return code;
	int w, h;
	check_picture_size(&c, o->w ? o->w : APP_DEFAULT_W, o->h ? o->h : APP_DEFAULT_H, &w, &h);
	struct text t;
	struct preview pv = { .c = &c, .dir = o->preview_dir };
	SDL_Renderer *r = NULL;
	code = 2;
	if (mkdir(o->preview_dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "signpost: error: cannot create %s: %s\n", o->preview_dir, strerror(errno));
		goto out_content;
	}
	long cleared = preview_clear(o->preview_dir);
	if (cleared < 0)
		goto out_content;
	if (!open_text(&t, &c))
		goto out_content;
	pv.surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	r = pv.surf ? SDL_CreateSoftwareRenderer(pv.surf) : NULL;
	if (!r) {
		fprintf(stderr, "signpost: error: cannot make a %dx%d drawing surface: %s\n", w, h,
			SDL_GetError());
		goto out_text;
	}
	render_init(&pv.rd, r, &t);
	struct measurer by_lang[CONTENT_MAX_LANGS];
	text_measurers(&t, by_lang);
	pv.by_lang = by_lang;
	bool ok = true;
	bool closed = c.hours.given && c.out_of_hours.given;
	for (size_t lang = 0; lang < c.n_langs && ok; lang++) {
		struct deck dk;
		deck_build(&dk, &by_lang[lang], &c, w, h, lang, 1.0);
		ok = preview_screens(&pv, &dk, lang, LOOK_LOOP) && preview_screens(&pv, &dk, lang, LOOK_CONTRAST) &&
		     preview_panels(&pv, &dk, lang);
		deck_free(&dk);
		if (ok && closed) {
			deck_build_hours(&dk, &by_lang[lang], &c, w, h, lang, 1.0, true);
			ok = preview_screens(&pv, &dk, lang, LOOK_CLOSED);
			deck_free(&dk);
		}
		if (ok) {
			deck_build(&dk, &by_lang[lang], &c, w, h, lang, KIOSK_LARGE_TEXT);
			ok = preview_screens(&pv, &dk, lang, LOOK_LARGE) && preview_panels(&pv, &dk, lang);
			deck_free(&dk);
		}
	}
	render_free(&pv.rd);
	if (ok) {
		if (cleared > 0)
			fprintf(stderr, "%s: wrote %zu pictures (%dx%d) to %s, in place of the %ld it held "
					"from before\n",
				o->config, pv.written, w, h, o->preview_dir, cleared);
		else
			fprintf(stderr, "%s: wrote %zu pictures (%dx%d) to %s\n", o->config, pv.written, w, h,
				o->preview_dir);
		code = 0;
	}
	SDL_DestroyRenderer(r);
out_text:
	SDL_FreeSurface(pv.surf);
	text_close(&t);
out_content:
	content_free(&c);
	return code;
}

/* ---- the running kiosk ------------------------------------------------- */

static const char *const mode_names[] = { "attract", "browse", "menu", "idle", "languages", "sleep" };
static const char *const action_names[] = {
	[ACTION_NONE] = "none",		  [ACTION_BACK] = "back",
	[ACTION_HOME] = "topics",	  [ACTION_PREV] = "previous",
	[ACTION_NEXT] = "next",		  [ACTION_LANGUAGE] = "language",
	[ACTION_TEXT_SIZE] = "text-size", [ACTION_QUICK_EXIT] = "quick-exit",
	[ACTION_OPEN] = "open",		  [ACTION_MENU_PAGE] = "menu-page",
	[ACTION_SET_LANGUAGE] = "set-language", [ACTION_CONTRAST] = "contrast",
};

/* --trace only: the buttons of a frame, when they differ from the last
 * frame's, so end-to-end tests can find them without guessing pixels. */
static void trace_buttons(struct run *st, struct hit **last, size_t *n_last)
{
	const struct draw_list *l = &st->dl;
	if (*n_last == l->n_hits && (!l->n_hits || memcmp(*last, l->hits, l->n_hits * sizeof **last) == 0))
		return;
	for (size_t i = 0; i < l->n_hits; i++) {
		const struct hit *h = &l->hits[i];
		fprintf(stderr, "trace: button %s %d %d %d %d arg=%d\n", action_names[h->action],
			h->x + h->w / 2, h->y + h->h / 2, h->w, h->h, h->arg);
	}
	fprintf(stderr, "trace: buttons end\n");
	*last = xrealloc(*last, (l->n_hits ? l->n_hits : 1) * sizeof **last);
	memcpy(*last, l->hits, l->n_hits * sizeof **last);
	*n_last = l->n_hits;
}

/* --trace only: one line for each change of what is on screen. Without
 * --trace nothing here runs: no record of what a visitor looked at. */
static void run_trace_state(struct run *st, const char *why)
{
	if (!st->o->trace)
		return;
	const struct kiosk *k = &st->kiosk;
	const char *id = st->c->screens[k->view.screen].id;
	if (st->traced.mode == k->mode && strcmp(st->traced.screen, id) == 0 &&
	    st->traced.page == k->view.page && st->traced.lang == k->lang &&
	    st->traced.scale == k->text_scale && strcmp(why, "start") != 0)
		return;
	st->traced.mode = k->mode;
	snprintf(st->traced.screen, sizeof st->traced.screen, "%s", id);
	st->traced.page = k->view.page;
	st->traced.lang = k->lang;
	st->traced.scale = k->text_scale;
	fprintf(stderr, "trace: %s mode=%s screen=%s page=%d lang=%s scale=%.1f t=%.3f\n", why,
		mode_names[k->mode], st->c->screens[k->view.screen].id, k->view.page + 1,
		st->c->langs[k->lang], k->text_scale, SDL_GetTicks64() / 1000.0);
}

static void fade_forget(struct run *st)
{
	for (int i = 0; i < 2; i++) {
		if (st->fade_page[i])
			SDL_DestroyTexture(st->fade_page[i]);
		st->fade_page[i] = NULL;
	}
	st->fade_start = UINT64_MAX;
}

/* Lays every screen out again for the output size, language and text size;
 * drops cached textures. */
static void run_relayout(struct run *st)
{
	SDL_GetRendererOutputSize(st->r, &st->pw, &st->ph);
	int rot = st->c->rotation;
	st->lw = rot % 180 ? st->ph : st->pw;
	st->lh = rot % 180 ? st->pw : st->ph;
	text_measurers(&st->text, st->by_lang);
	st->m = st->by_lang[st->kiosk.lang];
	deck_free(&st->deck);
	deck_build_hours(&st->deck, &st->m, st->c, st->lw, st->lh, st->kiosk.lang,
			 st->kiosk.text_scale, st->closed);
	kiosk_set_page_counts(&st->kiosk, st->deck.page_counts, st->deck.n);
	gesture_init(&st->gesture, st->deck.layouts[0].m.px_per_mm);
	render_flush(&st->render);
	fade_forget(st);
	if (st->target)
		SDL_DestroyTexture(st->target);
	st->target = NULL;
	if (rot) {
		/* opaque (no alpha channel): turning it onto the panel is a plain
		 * copy, not a per-pixel blend */
		st->target = SDL_CreateTexture(st->r, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
					       st->lw, st->lh);
		if (!st->target)
			fprintf(stderr, "signpost: warning: cannot rotate the picture (%s); "
					"showing it unrotated\n", SDL_GetError());
	}
	st->dirty = true;
}

/* A fade in the attract loop: the leaving and the arriving page are drawn
 * once, into two textures, when it starts; each frame then costs two copies
 * (one of them blended) instead of drawing two full pages. Returns false
 * when it cannot (no target textures): then the frame is drawn as usual. */
static bool draw_fade(struct run *st, Uint64 now)
{
	struct kiosk *k = &st->kiosk;
	if (st->fade_start != k->transition_start) {
		fade_forget(st);
		struct kiosk still = *k; /* each page on its own, without the fade */
		still.in_transition = false;
		for (int i = 0; i < 2; i++) {
			/* pages are opaque: without an alpha channel, SDL's software
			 * renderer fades with one alpha for the whole copy (its fast
			 * path), about 10 times cheaper than blending per pixel */
			st->fade_page[i] = SDL_CreateTexture(st->r, SDL_PIXELFORMAT_RGB888,
							     SDL_TEXTUREACCESS_TARGET, st->lw, st->lh);
			if (!st->fade_page[i] || SDL_SetRenderTarget(st->r, st->fade_page[i]) != 0) {
				SDL_SetRenderTarget(st->r, NULL);
				fade_forget(st);
				return false;
			}
			still.view = i == 0 ? k->from : k->view;
			struct scene_input in = { st->c, &still, st->deck.layouts, &st->m, now, st->by_lang };
			scene_build(&st->dl, &in); /* the arriving page's buttons stay in dl */
			render_frame(&st->render, &st->dl);
		}
		SDL_SetTextureBlendMode(st->fade_page[0], SDL_BLENDMODE_NONE);
		SDL_SetTextureBlendMode(st->fade_page[1], SDL_BLENDMODE_BLEND);
		st->fade_start = k->transition_start;
	}
	SDL_SetRenderTarget(st->r, st->target);
	SDL_RenderCopy(st->r, st->fade_page[0], NULL, NULL);
	SDL_SetTextureAlphaMod(st->fade_page[1], scene_fade_alpha(k, now));
	SDL_RenderCopy(st->r, st->fade_page[1], NULL, NULL);
	return true;
}

static void draw(struct run *st, Uint64 now)
{
	bool faded = st->kiosk.in_transition && st->kiosk.mode == KIOSK_ATTRACT &&
		     st->c->transition == TRANSITION_FADE && draw_fade(st, now);
	if (!st->kiosk.in_transition && st->fade_page[0])
		fade_forget(st); /* 2 full-screen textures are not kept idle */
	if (!faded) {
		struct scene_input in = { st->c, &st->kiosk, st->deck.layouts, &st->m, now, st->by_lang };
		scene_build(&st->dl, &in);
		SDL_SetRenderTarget(st->r, st->target);
		render_frame(&st->render, &st->dl);
	}
	if (st->target) {
		/* the logical picture is drawn: turn it onto the panel */
		SDL_SetRenderTarget(st->r, NULL);
		SDL_SetRenderDrawColor(st->r, 0, 0, 0, 255);
		SDL_RenderClear(st->r);
		SDL_Rect dst = { (st->pw - st->lw) / 2, (st->ph - st->lh) / 2, st->lw, st->lh };
		SDL_RenderCopyEx(st->r, st->target, NULL, &dst, st->c->rotation, NULL, SDL_FLIP_NONE);
	}
	SDL_RenderPresent(st->r);
	if (st->o->trace)
		trace_buttons(st, &st->traced_hits, &st->n_traced_hits);
	if (st->input_at && st->o->trace) {
		double ms = (double)(SDL_GetPerformanceCounter() - st->input_counter) * 1000.0 /
			    (double)SDL_GetPerformanceFrequency();
		fprintf(stderr, "trace: presented %.3f ms after handling input (%u ms after the event)\n",
			ms, SDL_GetTicks() - st->input_at);
	}
	st->input_at = 0;
}

/* One recognised gesture: hit-test where it started on the frame now shown,
 * tell the kiosk, and lay out again if language or text size changed. */
static void feed(struct run *st, struct gesture g, Uint32 timestamp)
{
	enum kiosk_input in;
	if (!kiosk_input_of(g.kind, &in))
		return;
	int arg;
	enum kiosk_action action = scene_hit(&st->dl, g.x, g.y, &arg);
	size_t lang = st->kiosk.lang;
	double scale = st->kiosk.text_scale;
	bool woke = st->kiosk.mode == KIOSK_SLEEP;
	if (kiosk_input(&st->kiosk, in, action, arg, SDL_GetTicks64())) {
		st->dirty = true;
		if (!st->input_at) {
			st->input_at = timestamp;
			st->input_counter = SDL_GetPerformanceCounter();
		}
	}
	if (lang != st->kiosk.lang || scale != st->kiosk.text_scale)
		run_relayout(st);
	run_trace_state(st, woke && st->kiosk.mode != KIOSK_SLEEP ? "wake"
			    : action == ACTION_QUICK_EXIT && in == INPUT_TAP ? "quick-exit"
									     : "input");
}

/* A pointer event on the panel, in output pixels, to the recogniser. */
static void pointer(struct run *st, int kind, int64_t finger, float px, float py, Uint32 timestamp)
{
	int lx, ly;
	gesture_rotate_point(st->target ? st->c->rotation : 0, st->pw, st->ph, (int)px, (int)py,
			     &lx, &ly);
	uint64_t now = SDL_GetTicks64();
	struct gesture g = kind == 0   ? gesture_down(&st->gesture, finger, lx, ly, now)
			   : kind == 1 ? gesture_move(&st->gesture, finger, lx, ly, now)
				       : gesture_up(&st->gesture, finger, lx, ly, now);
	feed(st, g, timestamp);
}

/* A mouse event's place in output pixels. An absolute pointer's raw units
 * (SDL 2.26 on KMS/DRM, see abspointer.h) are replaced by the device's own
 * position, scaled; the device is looked for when a press looks like one. */
static void mouse_place(struct run *st, int ex, int ey, bool press, float *x, float *y)
{
	*x = (float)ex;
	*y = (float)ey;
	bool suspect = abs_pointer_suspect(st->pw, st->ph, ex, ey);
	if (press && (suspect || st->abs.raw) && st->abs.fd < 0 &&
	    abs_pointer_find(&st->abs, "/dev/input") && !st->abs.raw) {
		st->abs.raw = true;
		fprintf(stderr, "signpost: a pointer gives device units (%d..%d x %d..%d), not pixels: "
				"taking its position from the device\n",
			st->abs.min_x, st->abs.max_x, st->abs.min_y, st->abs.max_y);
	}
	int px, py;
	if (st->abs.raw && abs_pointer_read(&st->abs, st->pw, st->ph, &px, &py)) {
		*x = (float)px;
		*y = (float)py;
	}
}

static void handle_event(struct run *st, const SDL_Event *ev)
{
	switch (ev->type) {
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
	case SDL_FINGERUP:
		/* touch coordinates are 0..1 across the panel */
		pointer(st, ev->type == SDL_FINGERDOWN ? 0 : ev->type == SDL_FINGERMOTION ? 1 : 2,
			(int64_t)ev->tfinger.fingerId, ev->tfinger.x * (float)st->pw,
			ev->tfinger.y * (float)st->ph, ev->tfinger.timestamp);
		break;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT) {
			float x, y;
			mouse_place(st, ev->button.x, ev->button.y, ev->type == SDL_MOUSEBUTTONDOWN, &x, &y);
			pointer(st, ev->type == SDL_MOUSEBUTTONDOWN ? 0 : 2, -1, x, y, ev->button.timestamp);
		}
		break;
	case SDL_MOUSEMOTION:
		if (ev->motion.which != SDL_TOUCH_MOUSEID && (ev->motion.state & SDL_BUTTON_LMASK)) {
			float x, y;
			mouse_place(st, ev->motion.x, ev->motion.y, false, &x, &y);
			pointer(st, 1, -1, x, y, ev->motion.timestamp);
		}
		break;
	case SDL_KEYDOWN:
		/* Esc quits only in a development window; in fullscreen nothing a
		 * visitor can press ends the program */
		if (!st->fullscreen && ev->key.keysym.sym == SDLK_ESCAPE)
			st->quit = true;
		break;
	case SDL_WINDOWEVENT:
		if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
			run_relayout(st);
		else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED)
			st->dirty = true;
		else if (ev->window.event == SDL_WINDOWEVENT_CLOSE && !st->fullscreen)
			st->quit = true;
		break;
	default:
		break;
	}
}

/* Whether the machine has a GPU that could draw for us: a DRM render
 * node (/dev/dri/renderD128 on a Pi, on a desktop). */
static bool gpu_present(void)
{
	DIR *d = opendir("/dev/dri");
	bool found = false;
	for (struct dirent *e; d && !found && (e = readdir(d));)
		found = strncmp(e->d_name, "renderD", 7) == 0;
	if (d)
		closedir(d);
	return found;
}

/* Whether r draws with OpenGL that the CPU computes (Mesa's llvmpipe,
 * softpipe or swrast) rather than a GPU. */
static bool software_gl(SDL_Renderer *r)
{
	SDL_RendererInfo info;
	if (SDL_GetRendererInfo(r, &info) != 0 || strncmp(info.name, "opengl", 6) != 0)
		return false;
	typedef const unsigned char *(*get_string_fn)(unsigned int);
	get_string_fn get_string;
	void *sym = SDL_GL_GetProcAddress("glGetString");
	memcpy(&get_string, &sym, sizeof get_string); /* object to function pointer */
	const char *name = get_string ? (const char *)get_string(0x1F01 /* GL_RENDERER */) : NULL;
	return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "swrast"));
}

/* The schedule now: banner up or down (a new layout), asleep or awake,
 * and when to look again. */
static void look_at_schedule(struct run *st)
{
	struct schedule_now s = schedule_run_look(st->c, st->o->trace);
	if (s.banner != st->closed) {
		st->closed = s.banner;
		run_relayout(st);
	}
	size_t lang = st->kiosk.lang;
	double scale = st->kiosk.text_scale;
	if (kiosk_set_sleep(&st->kiosk, s.asleep, SDL_GetTicks64())) {
		st->dirty = true;
		if (lang != st->kiosk.lang || scale != st->kiosk.text_scale)
			run_relayout(st); /* falling asleep is a privacy reset */
		run_trace_state(st, s.asleep ? "sleep" : "wake");
	}
	st->schedule_due = s.next_in_ms < 0 ? 0 : SDL_GetTicks64() + (uint64_t)s.next_in_ms;
}

/* The content file again; new content is laid out, and its hours and
 * sleep times looked at. */
static void reload(struct run *st, const char *why)
{
	if (!ops_reload(st, why))
		return;
	run_relayout(st);
	look_at_schedule(st);
	run_trace_state(st, "reload");
}

int app_run(const struct app_options *o)
{
	struct run st = { .o = o, .reload_result = "none", .fade_start = UINT64_MAX };
	abs_pointer_init(&st.abs);
	st.c = xcalloc(1, sizeof *st.c);
	int code = 2;

	/* Block the signals in every thread (SDL's included) before SDL starts;
	 * the loop reads them from a signalfd (wake.h). */
	static sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	/* A kiosk takes no typed text, so no Compose table (dead keys, é from
	 * ' and e): without this, Xlib (and xkbcommon) read the locale's
	 * thousands of Compose lines at start, about 6 ms of CPU of the first
	 * frame in a window. A value someone set is kept. */
	setenv("XCOMPOSEFILE", "/dev/null", 0);
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	/* touch and mouse each arrive once, as themselves */
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");

	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "signpost: error: cannot open the display: %s\n"
				"  (on the Pi run it on the console with SDL_VIDEODRIVER=kmsdrm; on a "
				"desktop, from a terminal in that desktop)\n",
			SDL_GetError());
		goto out_sdl;
	}
	/* With no X11, Wayland or KMS to be had, SDL 2.26 settles for its
	 * offscreen driver and the kiosk would run where nobody can see it:
	 * that is "no display", unless someone asked for it by name. */
	const char *driver = SDL_GetCurrentVideoDriver();
	const char *asked = SDL_getenv("SDL_VIDEODRIVER");
	if (driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0) &&
	    !(asked && strcmp(asked, driver) == 0)) {
		fprintf(stderr, "signpost: error: cannot open the display: no screen found (only SDL's "
				"%s driver, which shows nothing)\n"
				"  (on the Pi run it on the console with SDL_VIDEODRIVER=kmsdrm; on a "
				"desktop, from a terminal in that desktop)\n",
			driver);
		goto out_sdl;
	}
	st.fullscreen = o->w == 0;
	Uint32 flags = SDL_WINDOW_SHOWN | (st.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
	st.win = SDL_CreateWindow("signpost", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				  st.fullscreen ? 0 : o->w, st.fullscreen ? 0 : o->h, flags);
	if (!st.win) {
		fprintf(stderr, "signpost: error: cannot open a window: %s\n", SDL_GetError());
		goto out_sdl;
	}
	if (st.fullscreen)
		SDL_ShowCursor(SDL_DISABLE);
	/* SDL picks the best renderer (the GPU's on the Pi), or the one named
	 * by SDL_RENDER_DRIVER (say, software on a Pi 5 with SDL < 2.30) */
	SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
	bool chosen = SDL_getenv("SDL_RENDER_DRIVER") != NULL;
	/* SDL's software renderer draws into the window's framebuffer. X11 has
	 * one of its own, copied straight: the leanest. SDL 2.26's KMS/DRM has
	 * none: SDL makes one from an OpenGL texture, so there the hint must
	 * stay on ("0" leaves the software renderer nothing to draw into:
	 * "Couldn't find matching render driver", issue #14). */
	bool kms = driver && SDL_strcasecmp(driver, "kmsdrm") == 0; /* SDL says "KMSDRM" */
	const char *framebuffer = kms ? "1" : "0";
	/* no GPU at all (no DRM render node): OpenGL would be Mesa drawing on
	 * the CPU, which costs ~90 MB more than SDL's own software renderer and
	 * draws no faster, so go straight to that */
	bool gpu = chosen || gpu_present();
	if (!gpu)
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, framebuffer);
	st.r = SDL_CreateRenderer(st.win, -1, gpu ? 0 : SDL_RENDERER_SOFTWARE);
	if (st.r && !chosen && software_gl(st.r)) {
		/* OpenGL drawn by the CPU (Mesa's llvmpipe: no GPU, as under Xvfb
		 * or on a board without its driver) costs ~90 MB more than SDL's
		 * own software renderer and draws no faster: use that instead (on
		 * KMS/DRM it still presents through OpenGL, but draws the same
		 * pixels as --preview) */
		SDL_DestroyRenderer(st.r);
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, framebuffer);
		st.r = SDL_CreateRenderer(st.win, -1, SDL_RENDERER_SOFTWARE);
	}
	if (!st.r) /* no GPU driver: the software renderer where it can present */
		st.r = SDL_CreateRenderer(st.win, -1, SDL_RENDERER_SOFTWARE);
	if (!st.r && kms) /* and on KMS/DRM, whatever SDL can make of it */
		st.r = SDL_CreateRenderer(st.win, -1, 0);
	if (st.r && st.o->trace) {
		SDL_RendererInfo info;
		if (SDL_GetRendererInfo(st.r, &info) == 0)
			fprintf(stderr, "trace: renderer %s\n", info.name);
	}
	if (!st.r) {
		fprintf(stderr, "signpost: error: cannot draw to the window: %s\n", SDL_GetError());
		goto out_win;
	}
	/* the content, checked as --check would at this output's size */
	if (!ops_load_first(&st))
		goto out_renderer;
	render_init(&st.render, st.r, &st.text);
	kiosk_init(&st.kiosk, st.c, SDL_GetTicks64());
	run_relayout(&st);
	run_trace_state(&st, "start");
	schedule_run_start();
	look_at_schedule(&st);
	st.started = st.loaded_at = time(NULL);
	ops_status_open(&st);
	ops_status_write(&st);
	struct wake wake;
	wake_open(&wake, &set, o->config, st.win);
	notify_init(&st.notify);
	if (st.notify.watchdog_ms)
		st.next_ping = SDL_GetTicks64() + st.notify.watchdog_ms;

	while (!st.quit) {
		Uint64 now = SDL_GetTicks64();
		st.wakeups++;
		st.wakeups_asleep += st.kiosk.mode == KIOSK_SLEEP;
		if (st.schedule_due && now >= st.schedule_due)
			look_at_schedule(&st);
		enum kiosk_mode before = st.kiosk.mode;
		if (kiosk_tick(&st.kiosk, now)) {
			st.dirty = true;
			if (st.kiosk.lang != st.deck.lang || st.kiosk.text_scale != st.deck.text_scale)
				run_relayout(&st); /* the privacy reset restores language and size */
			run_trace_state(&st, st.kiosk.mode == KIOSK_SLEEP ? "sleep"
					 : before == KIOSK_IDLE && st.kiosk.mode == KIOSK_ATTRACT ? "reset"
					 : st.kiosk.mode == KIOSK_ATTRACT                     ? "loop"
											      : "idle");
		}
		if (st.reload_due && now >= st.reload_due) {
			st.reload_due = 0;
			reload(&st, "file changed");
		}
		if (st.dirty) {
			/* the backlight on before the frame that needs it */
			schedule_run_backlight(&st.backlight_off, st.kiosk.mode == KIOSK_SLEEP, true);
			draw(&st, now);
			ops_save_good(&st); /* what is on screen now is the last good content */
			/* and off after the black frame */
			schedule_run_backlight(&st.backlight_off, st.kiosk.mode == KIOSK_SLEEP, false);
			st.dirty = st.kiosk.in_transition; /* keep animating */
			if (!st.ready_sent) {
				notify_send(&st.notify, "READY=1"); /* the first frame is on screen */
				st.ready_sent = true;
			}
		}
		if (st.next_ping && now >= st.next_ping) {
			notify_send(&st.notify, "WATCHDOG=1");
			st.next_ping = now + st.notify.watchdog_ms;
		}
		uint64_t deadline = kiosk_next_deadline(&st.kiosk, SDL_GetTicks64());
		if (st.reload_due && st.reload_due < deadline)
			deadline = st.reload_due;
		if (st.next_ping && st.next_ping < deadline)
			deadline = st.next_ping;
		if (st.schedule_due && st.schedule_due < deadline)
			deadline = st.schedule_due;
		int timeout;
		if (st.dirty)
			timeout = 16; /* animating: about one frame */
		else if (deadline == KIOSK_NO_DEADLINE)
			timeout = -1;
		else {
			Uint64 t = SDL_GetTicks64();
			timeout = deadline <= t ? 0 : (int)(deadline - t > 86400000 ? 86400000 : deadline - t);
		}
		/* an input device came or went: udev tells SDL a moment after the
		 * folder changed, so look at SDL's events a few times meanwhile */
		if (st.devices_settle > SDL_GetTicks64() && (timeout < 0 || timeout > DEVICE_SETTLE_STEP_MS))
			timeout = DEVICE_SETTLE_STEP_MS;
		SDL_PumpEvents(); /* what the window system or the devices already had */
		if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
			timeout = 0;
		unsigned what = wake_wait(&wake, timeout);
		if (what & WAKE_STOP)
			st.quit = true;
		if (what & WAKE_RELOAD)
			reload(&st, "SIGHUP");
		if (what & WAKE_FILE)
			st.reload_due = SDL_GetTicks64() + RELOAD_SETTLE_MS;
		if (what & WAKE_CLOCK)
			st.schedule_due = 1; /* the clock was set: look at the schedule again now */
		if (what & WAKE_DEVICES)
			st.devices_settle = SDL_GetTicks64() + DEVICE_SETTLE_MS;
		SDL_Event ev;
		while (SDL_PollEvent(&ev))
			handle_event(&st, &ev);
	}
	code = 0;
	if (o->trace) /* for the test that sleep costs nothing: how often the loop woke */
		fprintf(stderr, "trace: wakeups %lu (%lu asleep)\n", st.wakeups, st.wakeups_asleep);
	if (st.backlight_off)
		backlight_set(true, SDL_GetCurrentVideoDriver());
	notify_send(&st.notify, "STOPPING=1");
	notify_close(&st.notify);
	wake_close(&wake);
	abs_pointer_close(&st.abs);
	diag_clear(&st.reload_diags);
	if (st.status_path[0])
		unlink(st.status_path);

	draw_list_free(&st.dl);
	free(st.traced_hits);
	kiosk_free(&st.kiosk);
	deck_free(&st.deck);
	render_free(&st.render);
	fade_forget(&st);
	if (st.target)
		SDL_DestroyTexture(st.target);
	text_close(&st.text);
out_renderer:
	SDL_DestroyRenderer(st.r);
out_win:
	SDL_DestroyWindow(st.win);
out_sdl:
	SDL_Quit();
	content_free(st.c);
	free(st.c);
	free(st.shown_src);
	return code;
}
