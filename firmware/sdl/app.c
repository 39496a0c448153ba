/* app.c — check and preview; see app.h. Running the kiosk (app_run) is
 * run.c, its event loop loop.c. */
#include "app.h"

#include "abspointer.h"
#include "arena.h"
#include "check.h"
#include "content_file.h"
#include "backlight.h"
#include "load.h"
#include "pictogram.h"
#include "pngout.h"
#include "run.h"
#include "sheet.h"
#include "speech_synth.h"
#include "voice.h"
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
static int load_content(const char *path, struct content *c, struct pictures *pics, bool quiet_ok)
{
	struct diag_list d = { 0 };
	enum load_result r = content_load(path, c, pics, &d);
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


/* The output a running kiosk checks against, from its status file
 * (--status, $RUNTIME_DIRECTORY/status, /run/signpost/status): the size
 * --check uses when none is given, so every gate gives the kiosk's own
 * verdict. False when no kiosk says. */
static bool kiosk_output(const struct app_options *o, int *w, int *h, char *from, size_t n)
{
	const char *dir = getenv("RUNTIME_DIRECTORY");
	if (o->status)
		snprintf(from, n, "%s", o->status);
	else if (dir && *dir)
		snprintf(from, n, "%.*s/status", (int)strcspn(dir, ":"), dir); /* the first folder */
	else
		snprintf(from, n, "/run/signpost/status");
	FILE *f = fopen(from, "r");
	if (!f)
		return false;
	char line[256];
	bool found = false;
	while (!found && fgets(line, sizeof line, f))
		found = sscanf(line, "output=%dx%d", w, h) == 2 && *w > 0 && *h > 0 && *w <= 16384 &&
			*h <= 16384;
	fclose(f);
	return found;
}

/* Each picture with its words, as speech will read them (in the first
 * language; the others are checked like every text). */
static void print_pictures(const char *path, const struct content *c)
{
	for (size_t i = 0; i < c->n_pictures; i++) {
		const struct picture *p = c->pictures[i];
		char what[96];
		if (p->file)
			snprintf(what, sizeof what, "'%s', %d x %d pixels", p->file, p->w, p->h);
		else
			snprintf(what, sizeof what, "the pictogram '%s'", pictogram_names[p->pictogram]);
		printf("%s:%d:%d: picture: %s: \"%s\"\n", path, p->file_at.line, p->file_at.col, what,
		       p->alt.by_lang[0]);
	}
}

/* The report goes to stdout, like nginx -t's, so `signpost --check | less`
 * shows it; the exit code says whether the content can be shown. */
int app_check(const struct app_options *o)
{
	struct content c;
	struct pictures pics = { 0 };
	struct diag_list d = { 0 };
	char *src = NULL;
	size_t len = 0;
	enum load_result r = content_read(o->config, &src, &len, &d);
	if (r == LOAD_OK)
		r = content_load_bytes(o->config, src, len, &c, &pics, &d);
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
		int w = o->w, h = o->h, lw, lh;
		char from[4200];
		if (!w && kiosk_output(o, &w, &h, from, sizeof from))
			fprintf(stderr, "signpost: checking at %dx%d, the running kiosk's screen (%s)\n", w, h,
				from);
		else if (!w)
			w = APP_DEFAULT_W, h = APP_DEFAULT_H;
		check_picture_size(&c, w, h, &lw, &lh);
		if (!check_complete(&t, &c, &pics, src, len, lw, lh, true, &d))
			code = 1;
		text_close(&t);
		diag_sort(&d);
	}
	diag_print(&d, o->config, stdout);
	if (r == LOAD_OK)
		print_pictures(o->config, &c);
	if (code == 0)
		printf("%s: ok: %zu screens, %zu language%s, %zu warning%s\n", o->config, c.n_screens,
		       c.n_langs, c.n_langs == 1 ? "" : "s", diag_count(&d, DIAG_WARNING),
		       diag_count(&d, DIAG_WARNING) == 1 ? "" : "s");
out:
	fflush(stdout);
	pictures_free(&pics);
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
	bool counting;       /* the sheet's first pass: count, draw nothing */
	bool speech;         /* espeak-ng started: each screen's speech beside its picture */
	size_t spoken;       /* screens whose speech was written */
	double synth_s;      /* seconds spent synthesising (--trace says) */
	double heard_s;      /* seconds of speech written */
	struct sheet *sheet; /* --sheet: each picture goes here, not to dir */
};

/* Draws what kiosk k shows over deck dk into the surface and saves it as
 * dir/name. */
static bool preview_one(struct preview *pv, const struct deck *dk, struct kiosk *k, const char *name)
{
	if (pv->counting) {
		pv->written++;
		return true;
	}
	struct draw_list dl = { 0 };
	struct scene_input in = { dk->content, k, dk->layouts, &pv->by_lang[k->lang], k->shown_at, pv->by_lang };
	scene_build(&dl, &in);
	render_frame(&pv->rd, &dl);
	SDL_RenderPresent(pv->rd.r);
	draw_list_free(&dl);
	char path[4096], err[300];
	if (pv->sheet) {
		snprintf(path, sizeof path, "%.*s", (int)(strlen(name) - 4), name); /* without .png */
		if (!sheet_add(pv->sheet, pv->surf, path, err, sizeof err)) {
			fprintf(stderr, "signpost: error: cannot write the sheet: %s\n", err);
			return false;
		}
		pv->written++;
		return true;
	}
	snprintf(path, sizeof path, "%s/%s", pv->dir, name);
	if (!png_write(pv->surf, path, err, sizeof err)) {
		fprintf(stderr, "signpost: error: cannot write %s: %s\n", path, err);
		return false;
	}
	pv->written++;
	return true;
}

/* Writes dir/NAME.speech.txt: each utterance at the second it starts,
 * its language, what it is and its words, then the words espeak-ng said
 * (its word events), so staff can read what a screen will say and tests
 * can hold the sound to the screen. */
static bool write_transcript(const char *path, const struct speech *sp, const struct speech_audio *a)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	fprintf(f, "# %.1f s at %d Hz\n", a->rate ? (double)a->n / a->rate : 0.0, a->rate);
	for (size_t i = 0; i < sp->n; i++) {
		const struct utterance *u = &sp->u[i];
		fprintf(f, "%.2f\t%s\t%s\t%s\n", (double)a->starts[i] / a->rate, u->lang, speech_part_name(u->part),
			u->text);
		fputs("words:", f);
		for (size_t w = 0; w < a->n_words; w++)
			if (a->words[w].utterance == i)
				fprintf(f, " %.*s", (int)a->words[w].len, u->text + a->words[w].off);
		fputc('\n', f);
	}
	return fclose(f) == 0;
}

/* What the frame named name (.png) says to a visitor who asked for speech
 * there, as NAME.wav and NAME.speech.txt beside the picture. */
static bool preview_speech(struct preview *pv, const struct deck *dk, const struct kiosk *k, const char *name)
{
	if (!pv->speech || pv->counting || pv->sheet)
		return true;
	struct speech sp = { 0 };
	speech_build(&sp, &(struct speech_input){ dk->content, k, dk->layouts });
	struct speech_audio a = { 0 };
	char err[300], path[4096];
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	bool ok = speech_synth_say(&sp, &a, err, sizeof err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	pv->synth_s += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	int stem = (int)(strlen(name) - 4); /* without .png */
	if (!ok) {
		fprintf(stderr, "signpost: error: cannot say %.*s: %s\n", stem, name, err);
	} else {
		snprintf(path, sizeof path, "%s/%.*s.wav", pv->dir, stem, name);
		ok = speech_audio_write_wav(&a, path, err, sizeof err);
		if (!ok)
			fprintf(stderr, "signpost: error: %s\n", err);
	}
	if (ok) {
		snprintf(path, sizeof path, "%s/%.*s.speech.txt", pv->dir, stem, name);
		ok = write_transcript(path, &sp, &a);
		if (!ok)
			fprintf(stderr, "signpost: error: cannot write %s: %s\n", path, strerror(errno));
	}
	if (ok) {
		pv->spoken++;
		pv->heard_s += (double)a.n / a.rate;
	}
	speech_audio_free(&a);
	speech_free(&sp);
	return ok;
}

/* A kiosk over deck dk, and the frame a visitor finds in language lang
 * after a touch: reading (mode) the first topic, text size and contrast as
 * given, with one step of history, so Back is drawn as it is while
 * reading. */
static struct kiosk_pose preview_kiosk(struct kiosk *k, const struct deck *dk, size_t lang,
				       enum kiosk_mode mode, bool high_contrast)
{
	kiosk_init(k, dk->content, 0);
	kiosk_set_page_counts(k, dk->page_counts, dk->n);
	struct kiosk_pose pose = { .mode = mode, .lang = lang, .large_text = dk->text_scale > 1.0,
				   .high_contrast = high_contrast, .history = true,
				   /* as a kiosk without a headset shows it: no Listen */
				   .speech_ready = false };
	int first;
	if (kiosk_topics(k, &first, 1) > 0)
		pose.view = (struct kiosk_view){ first, 0 };
	kiosk_pose(k, &pose, 0);
	return pose;
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
	struct kiosk_pose pose = preview_kiosk(&k, dk, lang, loop ? KIOSK_ATTRACT : KIOSK_BROWSE,
					       look == LOOK_CONTRAST);
	static const char *const infix[] = { "", "", "-large", "-contrast" };
	bool ok = true;
	for (size_t s = 0; s < c->n_screens && ok; s++) {
		/* no banner on the Quick exit screen, and after Quick exit no A+
		 * or contrast: those pictures would show nothing a visitor sees */
		if ((int)s == c->quick_exit && look != LOOK_LOOP)
			continue;
		for (int p = 0; p < dk->page_counts[s] && ok; p++) {
			pose.view = (struct kiosk_view){ (int)s, p };
			pose.notice = loop && (int)s == c->quick_exit; /* as Quick exit shows it */
			kiosk_pose(&k, &pose, 0);
			char name[256];
			snprintf(name, sizeof name, "%02zu-%s-%s%s-%d%s.png", s + 1, c->screens[s].id,
				 c->langs[lang], infix[look], p + 1, look == LOOK_CLOSED ? "-closed" : "");
			ok = preview_one(pv, dk, &k, name);
			if (ok && look == LOOK_LOOP) {
				/* speech is asked for: the screen as read after a
				 * touch, its buttons and all (the notice has none) */
				struct kiosk_pose heard = pose;
				if (!pose.notice)
					heard.mode = KIOSK_BROWSE;
				kiosk_pose(&k, &heard, 0);
				ok = preview_speech(pv, dk, &k, name);
			}
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
	struct kiosk_pose pose = preview_kiosk(&k, dk, lang, KIOSK_MENU, false);
	struct scene_input in = { dk->content, &k, dk->layouts, &pv->by_lang[lang], 0, pv->by_lang };
	int pages = scene_menu_pages(&in);
	bool ok = true;
	char name[256];
	for (int p = 0; p < pages && ok; p++) {
		pose.menu_page = p;
		kiosk_pose(&k, &pose, 0);
		snprintf(name, sizeof name, "00-topics-%s%s-%d.png", pv->c->langs[lang], large, p + 1);
		ok = preview_one(pv, dk, &k, name);
	}
	if (ok && pv->c->n_langs > 1) {
		pose.mode = KIOSK_LANGS;
		pose.under = KIOSK_BROWSE;
		kiosk_pose(&k, &pose, 0);
		snprintf(name, sizeof name, "00-languages-%s%s-1.png", pv->c->langs[lang], large);
		ok = preview_one(pv, dk, &k, name);
	}
	kiosk_free(&k);
	return ok;
}

/* Removes the pictures an earlier --preview left in dir (NN-ID-LANGUAGE
 * [-large|-contrast]-PAGE[-closed].png, regular files only, and the
 * speech beside them: .wav and .speech.txt), so a screen
 * since removed or renamed leaves no picture of content that no longer is.
 * Other files stay. Returns how many pictures it removed, or -1 after
 * saying what went wrong. */
static long preview_clear(const char *dir)
{
	regex_t ours;
	if (regcomp(&ours,
		    "^[0-9]{2,}-[a-z0-9_-]{1,40}-[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}))?(-large|-contrast)?-[0-9]+(-closed)?[.](png|wav|speech[.]txt)$",
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
			size_t nl = strlen(e->d_name);
			removed += nl > 4 && strcmp(e->d_name + nl - 4, ".png") == 0; /* pictures counted */
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
 * picker: each through preview_one(). */
static bool preview_walk(struct preview *pv, int w, int h)
{
	const struct content *c = pv->c;
	bool ok = true;
	bool closed = c->hours.given && c->out_of_hours.given;
	for (size_t lang = 0; lang < c->n_langs && ok; lang++) {
		struct deck dk;
		deck_build(&dk, &pv->by_lang[lang], c,
			   (struct layout_spec){ .w = w, .h = h, .lang = lang, .text_scale = 1.0 });
		ok = preview_screens(pv, &dk, lang, LOOK_LOOP) && preview_screens(pv, &dk, lang, LOOK_CONTRAST) &&
		     preview_panels(pv, &dk, lang);
		deck_free(&dk);
		if (ok && closed) {
			deck_build(&dk, &pv->by_lang[lang], c,
				   (struct layout_spec){ .w = w, .h = h, .lang = lang, .text_scale = 1.0,
							 .out_of_hours = true });
			ok = preview_screens(pv, &dk, lang, LOOK_CLOSED);
			deck_free(&dk);
		}
		if (ok) {
			deck_build(&dk, &pv->by_lang[lang], c,
				   (struct layout_spec){ .w = w, .h = h, .lang = lang,
							 .text_scale = KIOSK_LARGE_TEXT });
			ok = preview_screens(pv, &dk, lang, LOOK_LARGE) && preview_panels(pv, &dk, lang);
			deck_free(&dk);
		}
	}
	return ok;
}

/* The pictures are the size the kiosk draws: --size turned by
 * display.rotation, upright, as a visitor reads them. --preview writes
 * each into a folder; --sheet (o->sheet) all of them, shrunk, into one
 * PNG (a first pass counts them), at the running kiosk's size when no
 * --size is given, as --check does. */
static int preview_or_sheet(const struct app_options *o)
{
	struct content c;
	struct pictures pics;
	int code = load_content(o->config, &c, &pics, true);
	if (code != 0)
		return code;
	int w = o->w, h = o->h;
	char from[4200];
	if (!w && o->sheet && kiosk_output(o, &w, &h, from, sizeof from))
		fprintf(stderr, "signpost: drawing at %dx%d, the running kiosk's screen (%s)\n", w, h, from);
	else if (!w)
		w = APP_DEFAULT_W, h = APP_DEFAULT_H;
	check_picture_size(&c, w, h, &w, &h);
	struct text t;
	struct preview pv = { .c = &c, .dir = o->preview_dir };
	SDL_Renderer *r = NULL;
	FILE *out = NULL;
	long cleared = 0;
	code = 2;
	if (!o->sheet) {
		if (mkdir(o->preview_dir, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "signpost: error: cannot create %s: %s\n", o->preview_dir, strerror(errno));
			goto out_content;
		}
		cleared = preview_clear(o->preview_dir);
		if (cleared < 0)
			goto out_content;
		char err[300];
		pv.speech = speech_synth_open(err, sizeof err);
		if (!pv.speech)
			fprintf(stderr, "signpost: warning: no speech beside the pictures: %s\n", err);
		else
			speech_synth_set_rate(VOICE_RATE_START); /* as a visitor first hears it */
	}
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
	render_set_pictures(&pv.rd, &pics);
	struct measurer by_lang[CONTENT_MAX_LANGS];
	text_measurers(&t, by_lang);
	pv.by_lang = by_lang;
	bool ok = true;
	if (o->sheet) {
		pv.counting = true;
		ok = preview_walk(&pv, w, h);
		pv.counting = false;
		size_t count = pv.written;
		pv.written = 0;
		bool to_stdout = strcmp(o->sheet, "-") == 0;
		out = to_stdout ? stdout : fopen(o->sheet, "wb");
		char title[600], err[300];
		snprintf(title, sizeof title, "%s: %zu screens, %zu language%s, %zu pictures of %dx%d",
			 o->config, c.n_screens, c.n_langs, c.n_langs == 1 ? "" : "s", count, w, h);
		if (!out) {
			fprintf(stderr, "signpost: error: cannot write %s: %s\n", o->sheet, strerror(errno));
			ok = false;
		} else if (ok && !(pv.sheet = sheet_open(out, w, h, count, &t, title, err, sizeof err))) {
			fprintf(stderr, "signpost: error: cannot write the sheet: %s\n", err);
			ok = false;
		}
		ok = ok && preview_walk(&pv, w, h);
		if (ok && !sheet_close(pv.sheet, err, sizeof err)) {
			fprintf(stderr, "signpost: error: cannot write the sheet: %s\n", err);
			ok = false;
		} else if (!ok) {
			sheet_free(pv.sheet);
		}
		pv.sheet = NULL;
		if (out && fflush(out) != 0)
			ok = false;
		if (out && !to_stdout && fclose(out) != 0)
			ok = false;
		if (ok)
			fprintf(stderr, "%s: drew %zu pictures (%dx%d) on one sheet, %s\n", o->config, pv.written,
				w, h, to_stdout ? "on standard output" : o->sheet);
		else if (out && !to_stdout)
			remove(o->sheet);
	} else {
		ok = preview_walk(&pv, w, h);
	}
	render_free(&pv.rd);
	if (ok && !o->sheet) {
		if (cleared > 0)
			fprintf(stderr, "%s: wrote %zu pictures (%dx%d) to %s, in place of the %ld it held "
					"from before\n",
				o->config, pv.written, w, h, o->preview_dir, cleared);
		else
			fprintf(stderr, "%s: wrote %zu pictures (%dx%d) to %s\n", o->config, pv.written, w, h,
				o->preview_dir);
		if (pv.speech)
			fprintf(stderr, "%s: wrote what %zu screens say (.wav and .speech.txt beside their pictures)\n",
				o->config, pv.spoken);
		if (pv.speech && o->trace)
			fprintf(stderr, "signpost: %.1f s of speech synthesised in %.2f s\n", pv.heard_s, pv.synth_s);
	}
	if (ok)
		code = 0;
	SDL_DestroyRenderer(r);
out_text:
	SDL_FreeSurface(pv.surf);
	text_close(&t);
out_content:
	if (pv.speech)
		speech_synth_close();
	pictures_free(&pics);
	content_free(&c);
	return code;
}

int app_preview(const struct app_options *o)
{
	return preview_or_sheet(o);
}

int app_sheet(const struct app_options *o)
{
	return preview_or_sheet(o);
}
