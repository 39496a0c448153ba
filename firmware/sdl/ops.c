/* ops.c — staff operations for the running kiosk: the status file, live
 * reload that keeps the last good content, the content file watcher, and
 * the copy of the last good content shown when the file is broken at
 * start-up. Nothing here records what a visitor looked at. */
#include "run.h"

#include "fontcheck.h"

#include "arena.h"
#include "load.h"
#include "sha256.h"

#include <SDL.h>
#include <errno.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void iso_time(time_t t, char out[32])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Writes the status file atomically (a new file renamed over the old), so a
 * reader never sees half of it. It says what runs and what content it shows;
 * never anything about what visitors looked at. */
void ops_status_write(struct run *st)
{
	if (!st->status_path[0])
		return;
	char tmp[4200], hash[65], since[32], loaded[32], reloaded[32];
	snprintf(tmp, sizeof tmp, "%s.new", st->status_path);
	FILE *f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "signpost: warning: cannot write the status file %s: %s\n", tmp,
			strerror(errno));
		st->status_path[0] = '\0'; /* say it once */
		return;
	}
	sha256_hex(st->c->sha256, hash);
	iso_time(st->started, since);
	iso_time(st->loaded_at, loaded);
	iso_time(st->reload_at, reloaded);
	fprintf(f, "pid=%ld\nrunning_since=%s\ncontent_file=%s\ncontent_sha256=%s\n"
		   "content_loaded_at=%s\nscreens=%zu\nlast_reload=%s\n",
		(long)getpid(), since, st->o->config, hash, loaded, st->c->n_screens, st->reload_result);
	if (st->reload_at)
		fprintf(f, "last_reload_at=%s\n", reloaded);
	fprintf(f, "last_reload_errors=%zu\n", diag_count(&st->reload_diags, DIAG_ERROR));
	for (size_t i = 0; i < st->reload_diags.n; i++) {
		const struct diag *d = &st->reload_diags.items[i];
		if (d->line > 0)
			fprintf(f, "problem=%s:%d:%d: %s: %s\n", st->o->config, d->line, d->col,
				d->severity == DIAG_ERROR ? "error" : "warning", d->message);
		else
			fprintf(f, "problem=%s: %s: %s\n", st->o->config,
				d->severity == DIAG_ERROR ? "error" : "warning", d->message);
	}
	bool ok = fclose(f) == 0;
	if (!ok || rename(tmp, st->status_path) != 0) {
		fprintf(stderr, "signpost: warning: cannot write the status file %s: %s\n", st->status_path,
			strerror(errno));
		unlink(tmp);
	}
}

void ops_status_open(struct run *st)
{
	const char *dir = getenv("RUNTIME_DIRECTORY"); /* systemd's RuntimeDirectory= */
	struct stat sb;
	if (st->o->status)
		snprintf(st->status_path, sizeof st->status_path, "%s", st->o->status);
	else if (dir && *dir)
		snprintf(st->status_path, sizeof st->status_path, "%s/status", dir);
	else if (stat("/run/signpost", &sb) == 0 && S_ISDIR(sb.st_mode) && access("/run/signpost", W_OK) == 0)
		snprintf(st->status_path, sizeof st->status_path, "/run/signpost/status");
}

/* ---- content that survives a broken file -------------------------------- */

/* Shown when the content file cannot be used at start-up and no copy of a
 * good one exists: calm, ordinary, with a number to call. */
static const char builtin_content[] =
	"kiosk:\n"
	"  help: { name: \"Rape Crisis 24/7 Support Line\", number: \"0808 500 2222\",\n"
	"          hours: \"Free, day and night\" }\n"
	"labels: { touch_hint: \"Thank you for waiting.\" }\n"
	"screens:\n"
	"  - id: unavailable\n"
	"    title: \"Information screen\"\n"
	"    blocks:\n"
	"      - text: \"This screen is resting for a moment.\"\n"
	"      - text: \"Please ask at reception if you need anything.\"\n";

/* Where the last content that loaded is kept: systemd's StateDirectory, or
 * /var/lib/signpost when it exists and is ours to write. */
static void last_good_path(char *out, size_t size)
{
	const char *dir = getenv("STATE_DIRECTORY");
	out[0] = '\0';
	if (dir && *dir)
		snprintf(out, size, "%s/last-good.yaml", dir);
	else if (access("/var/lib/signpost", W_OK) == 0)
		snprintf(out, size, "/var/lib/signpost/last-good.yaml");
}

/* Keeps a copy of the file that just loaded (if it still has the bytes that
 * loaded: same SHA-256), written atomically. */
static void last_good_save(const struct content *c, const char *config)
{
	char path[4096], tmp[4200];
	last_good_path(path, sizeof path);
	if (!path[0])
		return;
	FILE *in = fopen(config, "rb");
	if (!in)
		return;
	char *buf = xmalloc(CONTENT_MAX_FILE_BYTES + 1);
	size_t len = fread(buf, 1, CONTENT_MAX_FILE_BYTES + 1, in);
	fclose(in);
	uint8_t digest[32];
	sha256(buf, len, digest);
	snprintf(tmp, sizeof tmp, "%s.new", path);
	FILE *out = len <= CONTENT_MAX_FILE_BYTES && memcmp(digest, c->sha256, 32) == 0 ? fopen(tmp, "wb") : NULL;
	if (out) {
		bool ok = fwrite(buf, 1, len, out) == len;
		ok = fclose(out) == 0 && ok;
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(buf);
}

/* Start-up: the content file; if it cannot be used, the last good copy; if
 * there is none, the built-in screen. The kiosk always starts with something
 * calm on screen, the reason goes to the log and the status file, and the
 * file is watched, so fixing it brings the real content back. */
void ops_load_first(struct run *st)
{
	struct diag_list d = { 0 };
	if (content_load(st->o->config, st->c, &d) == LOAD_OK) {
		diag_clear(&d);
		last_good_save(st->c, st->o->config);
		return;
	}
	fprintf(stderr, "signpost: %s cannot be shown:\n", st->o->config);
	diag_print(&d, st->o->config, stderr);
	st->reload_diags = d;
	st->reload_result = "failed";
	st->reload_at = time(NULL);
	char path[4096];
	last_good_path(path, sizeof path);
	struct diag_list ignored = { 0 };
	if (path[0] && content_load(path, st->c, &ignored) == LOAD_OK) {
		fprintf(stderr, "signpost: showing the last good content (%s) until the file is fixed\n", path);
	} else {
		content_load_buffer("(built-in)", builtin_content, sizeof builtin_content - 1, st->c, &ignored);
		fprintf(stderr, "signpost: showing the built-in 'resting' screen until the file is fixed\n");
	}
	diag_clear(&ignored);
}

/* Loads the file again; the new content replaces the old only when it is
 * valid. Otherwise the last good content stays on screen and every problem
 * goes to the log and the status file. */
void ops_reload(struct run *st, const char *why)
{
	Uint64 t0 = SDL_GetPerformanceCounter();
	struct content *c = xcalloc(1, sizeof *c);
	struct diag_list d = { 0 };
	enum load_result r = content_load(st->o->config, c, &d);
	st->reload_at = time(NULL);
	diag_clear(&st->reload_diags);
	/* its fonts: a new theme font is opened beside the old one, and the
	 * new content is refused if any of its characters would be a box */
	struct text fresh, *t = &st->text;
	bool own = false;
	if (r == LOAD_OK && strcmp(c->theme.font, st->c->theme.font) != 0) {
		char err[512];
		own = text_open(&fresh, c->theme.font, err, sizeof err);
		if (own)
			t = &fresh;
	}
	if (r == LOAD_OK) {
		text_set_langs(t, c, NULL, 0);
		if (fontcheck_file(t, c, st->o->config, &d)) {
			r = LOAD_INVALID;
			content_free(c);
			if (own)
				text_close(&fresh);
			else
				text_set_langs(&st->text, st->c, NULL, 0);
		}
	}
	if (r != LOAD_OK) {
		free(c);
		fprintf(stderr, "signpost: reload (%s) refused; still showing the content loaded before:\n", why);
		diag_print(&d, st->o->config, stderr);
		st->reload_diags = d;
		st->reload_result = "failed";
		ops_status_write(st);
		if (st->o->trace)
			fprintf(stderr, "trace: reload failed\n");
		return;
	}
	render_flush(&st->render); /* textures of the old texts and fonts */
	if (own) {
		text_close(&st->text);
		st->text = fresh; /* run_relayout() makes its measurers afresh */
	}
	kiosk_rebind(&st->kiosk, c, SDL_GetTicks64());
	content_free(st->c);
	free(st->c);
	st->c = c;
	diag_clear(&d); /* warnings: --check shows them */
	st->loaded_at = st->reload_at;
	st->reload_result = "ok";
	last_good_save(c, st->o->config);
	run_relayout(st);
	st->schedule_due = 1; /* new hours or sleep times: look again now */
	ops_status_write(st);
	fprintf(stderr, "signpost: reloaded %s (%s): %zu screens\n", st->o->config, why, c->n_screens);
	if (st->o->trace)
		fprintf(stderr, "trace: reload ok screens=%zu in %.2f ms\n", c->n_screens,
			(double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency());
	run_trace_state(st, "reload");
}

struct watch {
	int fd;
	char name[256]; /* the content file's name in the watched folder */
};

/* Blocks on inotify and turns each change to the content file (written in
 * place, or written elsewhere and renamed over it, or deleted) into an SDL
 * event. Watching the folder, not the file, is what catches renames. */
static void *watch_thread(void *arg)
{
	struct watch *w = arg;
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			break;
		}
		bool ours = false;
		for (char *p = buf; p < buf + n;) {
			struct inotify_event *e = (struct inotify_event *)p;
			if (e->len && strcmp(e->name, w->name) == 0)
				ours = true;
			p += sizeof *e + e->len;
		}
		if (ours) {
			SDL_Event ev = { .type = run_file_event };
			SDL_PushEvent(&ev);
		}
	}
	free(w);
	return NULL;
}

void ops_watch_start(struct run *st)
{
	st->inotify_fd = inotify_init1(IN_CLOEXEC);
	if (st->inotify_fd < 0)
		return;
	char dir[4096], base[4096];
	snprintf(dir, sizeof dir, "%s", st->o->config);
	snprintf(base, sizeof base, "%s", st->o->config);
	struct watch *w = xcalloc(1, sizeof *w);
	w->fd = st->inotify_fd;
	snprintf(w->name, sizeof w->name, "%s", basename(base));
	if (inotify_add_watch(st->inotify_fd, dirname(dir),
			      IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE) < 0) {
		fprintf(stderr, "signpost: warning: cannot watch %s for changes (%s); reload with "
				"SIGHUP (signpostctl reload)\n", st->o->config, strerror(errno));
		free(w);
		close(st->inotify_fd);
		st->inotify_fd = -1;
		return;
	}
	pthread_t tid;
	if (pthread_create(&tid, NULL, watch_thread, w) != 0) {
		free(w);
		return;
	}
	pthread_detach(tid);
}

