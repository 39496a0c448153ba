/* ops.c — staff operations for the running kiosk; see ops.h. Nothing
 * here records what a visitor looked at. */
#define _GNU_SOURCE /* memmem */
#include "ops.h"

#include "run.h"

#include "atomic_file.h"
#include "check.h"
#include "content_file.h"
#include "memo.h"

#include "arena.h"
#include "load.h"
#include "sha256.h"
#include "verdict.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *ops_reload_name(enum ops_reload r)
{
	static const char *const names[] = {
		[OPS_RELOAD_NONE] = "none",
		[OPS_RELOAD_OK] = "ok",
		[OPS_RELOAD_FAILED] = "failed",
	};
	_Static_assert(sizeof names / sizeof names[0] == OPS_RELOAD_COUNT_, "a name for each result");
	return r < OPS_RELOAD_COUNT_ ? names[r] : "?";
}

void ops_close(struct ops *ops)
{
	if (ops->check.pid > 0) {
		struct diag_list d = { 0 };
		verdict_kill(&ops->check);
		verdict_finish(&ops->check, &d);
		diag_clear(&d);
	}
	free(ops->pending_src);
	ops->pending_src = NULL;
	diag_clear(&ops->reload_diags);
	if (ops->status_path[0])
		unlink(ops->status_path);
	free(ops->shown_src);
	ops->shown_src = NULL;
	free(ops->shown_key);
	ops->shown_key = NULL;
}

static void iso_time(time_t t, char out[32])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Writes the status file atomically. It says what runs, what content it
 * shows and whether the clock can be trusted (clock_trust.h); never
 * anything about what visitors looked at. Each problem is one
 * line: diag_add() escaped the control characters staff's text may hold. */
void ops_status_write(struct run *st)
{
	if (!st->ops.status_path[0])
		return;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return;
	char hash[65], since[32], loaded[32], reloaded[32];
	sha256_hex(st->c->sha256, hash);
	iso_time(st->ops.started, since);
	iso_time(st->ops.loaded_at, loaded);
	iso_time(st->ops.reload_at, reloaded);
	fprintf(f, "pid=%ld\nrunning_since=%s\ncontent_file=%s\ncontent_sha256=%s\n"
		   "content_loaded_at=%s\nscreens=%zu\nlast_reload=%s\n",
		(long)getpid(), since, st->o->config, hash, loaded, st->c->n_screens, ops_reload_name(st->ops.last));
	/* the output every gate checks at (signpost --check reads it back) */
	fprintf(f, "output=%dx%d\nrotation=%d\ndiagonal_inches=%.1f\nreloads=%lu\n", st->disp.pw,
		st->disp.ph, st->c->rotation, st->c->diagonal_inches, st->ops.reloads);
	if (st->ops.reload_at)
		fprintf(f, "last_reload_at=%s\n", reloaded);
	fprintf(f, "last_reload_errors=%zu\n", diag_count(&st->ops.reload_diags, DIAG_ERROR));
	fprintf(f, "clock=%s\n", clock_trust_name(st->clock.basis)); /* can the hours be applied */
	/* a check of the file under way (or, at start, about to be): what
	 * is on screen may change when it ends */
	fprintf(f, "checking=%s\n", st->ops.check.pid || st->ops.check_at_start ? "yes" : "no");
	for (size_t i = 0; i < st->ops.reload_diags.n; i++) {
		const struct diag *d = &st->ops.reload_diags.items[i];
		if (d->line > 0)
			fprintf(f, "problem=%s:%d:%d: %s: %s\n", st->o->config, d->line, d->col,
				d->severity == DIAG_ERROR ? "error" : "warning", d->message);
		else
			fprintf(f, "problem=%s: %s: %s\n", st->o->config,
				d->severity == DIAG_ERROR ? "error" : "warning", d->message);
	}
	fclose(f);
	/* A failure is said once; every later write tries again (the folder
	 * may come back, or the disk have room), and says when it works. */
	if (!atomic_file_write(st->ops.status_path, text, len, false)) {
		if (!st->ops.status_failing)
			fprintf(stderr, "signpost: warning: cannot write the status file %s: %s; trying again at "
					"the next change\n", st->ops.status_path, strerror(errno));
		st->ops.status_failing = true;
	} else if (st->ops.status_failing) {
		fprintf(stderr, "signpost: the status file %s is written again\n", st->ops.status_path);
		st->ops.status_failing = false;
	}
	free(text);
}

void ops_status_open(struct run *st)
{
	const char *dir = getenv("RUNTIME_DIRECTORY"); /* systemd's RuntimeDirectory= */
	struct stat sb;
	if (st->o->status)
		snprintf(st->ops.status_path, sizeof st->ops.status_path, "%s", st->o->status);
	else if (dir && *dir)
		/* the first of its folders: systemd lists several with ':' */
		snprintf(st->ops.status_path, sizeof st->ops.status_path, "%.*s/status",
			 (int)strcspn(dir, ":"), dir);
	else if (stat("/run/signpost", &sb) == 0 && S_ISDIR(sb.st_mode) && access("/run/signpost", W_OK) == 0)
		snprintf(st->ops.status_path, sizeof st->ops.status_path, "/run/signpost/status");
}

/* ---- content that survives a broken file -------------------------------- */

/* Shown when the content file cannot be used at start-up and no copy of a
 * good one exists: calm, ordinary, with a number to call. */
static const char builtin_content[] =
	"kiosk:\n"
	"  quick_exit: none\n"
	"  help: { name: \"Rape Crisis 24/7 Support Line\", number: \"0808 500 2222\",\n"
	"          hours: \"Free, day and night\" }\n"
	"labels: { touch_hint: \"Thank you for waiting.\" }\n"
	"screens:\n"
	"  - id: unavailable\n"
	"    title: \"Information screen\"\n"
	"    blocks:\n"
	"      - text: \"This screen is resting for a moment.\"\n"
	"      - text: \"Please ask at reception if you need anything.\"\n";

/* A file of the kiosk's own state: in systemd's StateDirectory, or in
 * /var/lib/signpost when it exists and is ours to write; "" when neither. */
static void state_path(char *out, size_t size, const char *name)
{
	const char *dir = getenv("STATE_DIRECTORY");
	out[0] = '\0';
	if (dir && *dir)
		snprintf(out, size, "%s/%s", dir, name);
	else if (access("/var/lib/signpost", W_OK) == 0)
		snprintf(out, size, "/var/lib/signpost/%s", name);
}

/* Where the last good content is kept: the last that was shown and
 * proven (OPS_PROVEN_MS on screen, or a clean stop), with the pictures it
 * names, in one folder (last-good/content.yaml and the pictures under
 * their names) replaced whole. A kiosk of an older version kept the file
 * alone, last-good.yaml: read when there is no folder yet. */
#define LAST_GOOD_DIR "last-good"
#define LAST_GOOD_OLD_FILE "last-good.yaml"

static void last_good_path(char *out, size_t size)
{
	char dir[4096];
	state_path(dir, sizeof dir, LAST_GOOD_DIR);
	struct stat sb;
	if (dir[0] && stat(dir, &sb) != 0)
		state_path(out, size, LAST_GOOD_OLD_FILE);
	else if (dir[0])
		snprintf(out, size, "%s/content.yaml", dir);
	else
		out[0] = '\0';
}

/* The content on screen and its pictures as the last good copy. */
static bool keep_last_good(struct run *st, const char *dir)
{
	struct atomic_entry *files = xcalloc(1 + st->pics.n, sizeof *files);
	size_t n = 0;
	files[n++] = (struct atomic_entry){ "content.yaml", st->ops.shown_src, st->ops.shown_len };
	for (size_t i = 0; i < st->pics.n && i < st->c->n_pictures; i++) {
		const char *name = st->c->pictures[i]->file;
		bool again = false; /* a picture named twice is kept once */
		for (size_t j = 1; j < n && name; j++)
			again = again || strcmp(files[j].name, name) == 0;
		if (name && st->pics.p[i].owned && !again)
			files[n++] = (struct atomic_entry){ name, st->pics.p[i].data, st->pics.p[i].len };
	}
	bool ok = atomic_folder_write(dir, files, n);
	int err = errno;
	free(files);
	errno = err;
	return ok;
}

/* "trying": the sha256 of content the kiosk has started showing but not
 * yet proven, and how many starts with it did not end well. */
static unsigned trying_count(const char *hex)
{
	char path[4096], line[128], have[65];
	unsigned n = 0;
	state_path(path, sizeof path, "trying");
	FILE *f = path[0] ? fopen(path, "re") : NULL;
	if (f && fgets(line, sizeof line, f) && sscanf(line, "%64s %u", have, &n) == 2 && strcmp(have, hex) == 0) {
		fclose(f);
		return n;
	}
	if (f)
		fclose(f);
	return 0;
}

static void trying_set(const char *hex, unsigned n)
{
	char path[4096], line[128];
	state_path(path, sizeof path, "trying");
	int len = snprintf(line, sizeof line, "%s %u\n", hex, n);
	if (path[0] && !atomic_file_write(path, line, (size_t)len, true))
		fprintf(stderr, "signpost: warning: cannot write %s: %s\n", path, strerror(errno));
}

static void src_hex(const char *src, size_t len, char hex[65])
{
	uint8_t digest[32];
	sha256(src, len, digest);
	sha256_hex(digest, hex);
}

int ops_proven_ms(void)
{
#ifdef SIGNPOST_TEST_HOOKS
	const char *ms = getenv("SIGNPOST_TEST_PROVEN_MS"); /* tests: sooner */
	if (ms && atoi(ms) > 0)
		return atoi(ms);
#endif
	return OPS_PROVEN_MS;
}

/* At start: the temporaries a power cut left of the state files, which
 * are written durably (atomic_file.h). */
void ops_state_clean(void)
{
	char dir[4096];
	state_path(dir, sizeof dir, LAST_GOOD_DIR);
	int k = dir[0] ? atomic_folder_clean(dir) : 0;
	if (k > 0)
		fprintf(stderr, "signpost: removed %d unfinished cop%s of %s (left by a power cut)\n", k,
			k == 1 ? "y" : "ies", dir);
	static const char *const names[] = { "last-good.yaml", "trying", MEMO_FILE };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[4096];
		state_path(path, sizeof path, names[i]);
		int n = path[0] ? atomic_file_clean(path) : 0;
		if (n > 0)
			fprintf(stderr, "signpost: removed %d unfinished cop%s of %s (left by a power cut)\n", n,
				n == 1 ? "y" : "ies", path);
		else if (n < 0 && errno != ENOENT)
			fprintf(stderr, "signpost: warning: cannot look for unfinished copies of %s: %s\n", path,
				strerror(errno));
	}
}

void ops_shown(struct run *st)
{
	if (!st->ops.save_good)
		return;
	st->ops.save_good = false;
	st->ops.unproven = true;
#ifdef SIGNPOST_TEST_HOOKS
	/* tests: SIGNPOST_TEST_FAULT=die:TEXT, the kiosk dies with content
	 * holding TEXT on screen, as a bug in drawing it would */
	const char *f = getenv("SIGNPOST_TEST_FAULT");
	if (f && strncmp(f, "die:", 4) == 0 && st->ops.shown_src &&
	    memmem(st->ops.shown_src, st->ops.shown_len, f + 4, strlen(f + 4)))
		raise(SIGSEGV);
#endif
}

void ops_proven(struct run *st)
{
	if (!st->ops.unproven)
		return;
	st->ops.unproven = false;
	char path[4096];
	state_path(path, sizeof path, LAST_GOOD_DIR);
	if (path[0] && st->ops.shown_src && !keep_last_good(st, path))
		fprintf(stderr, "signpost: warning: cannot keep a copy of the content in %s: %s\n", path,
			strerror(errno));
	else if (path[0] && st->ops.shown_src) {
		state_path(path, sizeof path, LAST_GOOD_OLD_FILE);
		unlink(path); /* an older version's copy: the folder has taken its place */
	}
	state_path(path, sizeof path, "trying");
	if (path[0])
		unlink(path);
	/* and its verdict is remembered: the next start at this output skips
	 * the check (memo.h) */
	state_path(path, sizeof path, MEMO_FILE);
	struct text_ink ink;
	text_ink_get(&st->text, &ink);
	if (path[0] && st->ops.shown_key && !memo_write(path, st->ops.shown_key, &ink))
		fprintf(stderr, "signpost: warning: cannot remember the check's verdict in %s: %s\n", path,
			strerror(errno));
}

/* Parses bytes that passed the check (or were proven before) and opens
 * their fonts: *out and *t, or false with the problems in d. */
static bool parse_and_open(const char *path, const char *src, size_t len, const struct verdict *checked,
			   bool tune, struct content **out, struct pictures *pics, struct text *t,
			   struct diag_list *d)
{
	struct content *c = xcalloc(1, sizeof *c);
	char err[512];
	bool ok = content_load_bytes(path, src, len, c, pics, d) == LOAD_OK;
	/* the pictures read here are the ones the child checked, or none is
	 * shown: a picture is decoded in this process only once it passed */
	if (ok && checked && !verdict_same_pictures(checked, pics, d, c)) {
		pictures_free(pics);
		content_free(c);
		ok = false;
	}
	if (ok && !text_open(t, c->theme.font, err, sizeof err)) {
		diag_add(d, DIAG_ERROR, 0, 0, "%s", err);
		pictures_free(pics);
		content_free(c);
		ok = false;
	}
	if (!ok) {
		free(c);
		return false;
	}
	text_set_faces(t, c, NULL, 0);
	if (tune)
		text_tune(t, NULL);
	*out = c;
	return true;
}

/* The same bytes were checked and proven at this output, with this
 * program and these fonts (memo.h): parsed and opened without a check.
 * False when the record says otherwise (nothing is kept then). */
static bool take_remembered(struct run *st, const char *path, const char *src, size_t len,
			    struct content **c, struct pictures *pics, struct text *t, char **key)
{
	char memo[4096];
	state_path(memo, sizeof memo, MEMO_FILE);
	if (!memo[0] || !memo_may_match(memo, src, len, st->disp.pw, st->disp.ph))
		return false;
	struct diag_list ignored = { 0 }; /* the check said them when it ran */
	bool ok = parse_and_open(path, src, len, NULL, false, c, pics, t, &ignored);
	diag_clear(&ignored);
	if (!ok)
		return false;
	*key = memo_key(src, len, st->disp.pw, st->disp.ph, t, pics);
	struct text_ink ink;
	bool have_ink;
	if (memo_matches(memo, *key, &ink, &have_ink)) {
		text_tune(t, have_ink ? &ink : NULL); /* the tuning measured for these fonts */
		return true;
	}
	free(*key); /* a font changed: the check runs */
	*key = NULL;
	text_close(t);
	pictures_free(pics);
	content_free(*c);
	free(*c);
	*c = NULL;
	return false;
}

enum take {
	TAKEN,
	REFUSED,    /* the problems are in d */
	UNREMEMBERED, /* with may_check false: no verdict remembered for it */
};

/* Reads path once and takes it when its verdict at this output is
 * remembered (memo.h), or, with may_check, when it passes the complete
 * check at the output's size, run in a child (verdict.h): st->c, st->text
 * and the bytes for the last good copy. Otherwise nothing changes. With
 * counted, the crash-twice rule applies and a start taking it counts. */
static enum take take_first(struct run *st, const char *path, bool counted, bool may_check,
			    struct diag_list *d)
{
	char *src = NULL;
	size_t len = 0;
	enum load_result r = content_read(path, &src, &len, d);
	char hex[65] = "";
	unsigned tries = 0;
	if (r == LOAD_OK && counted) {
		/* content that was accepted, then took the kiosk down with it on
		 * screen, OPS_TRIES times running: not again until it changes */
		src_hex(src, len, hex);
		tries = trying_count(hex);
		if (tries >= OPS_TRIES) {
			diag_add(d, DIAG_ERROR, 0, 0, "the kiosk stopped %u times in a row while showing this file "
						      "(it may have found a fault in the kiosk); it shows its last good "
						      "content until the file changes. Send the file to whoever looks "
						      "after the kiosk",
				 tries);
			free(src);
			return REFUSED;
		}
	}
	if (r != LOAD_OK) {
		free(src);
		return REFUSED;
	}
	struct content *c = NULL;
	struct pictures pics = { 0 };
	struct text t;
	char *key = NULL;
	bool known = take_remembered(st, path, src, len, &c, &pics, &t, &key);
	if (st->o->trace && (known || may_check))
		fprintf(stderr, !known	  ? "trace: check in a child (start)\n"
				: counted ? "trace: check remembered (start)\n"
					  : "trace: check remembered (start, the last good copy)\n");
	if (!known && !may_check) {
		free(src);
		return UNREMEMBERED;
	}
	if (!known) {
		struct verdict v;
		bool ok = verdict_start(&v, path, src, len, st->disp.pw, st->disp.ph, d) &&
			  verdict_wait(&v, d) == VERDICT_OK &&
			  parse_and_open(path, src, len, &v, true, &c, &pics, &t, d); /* accepted: only now
										   does this process
										   parse it */
		verdict_clear(&v);
		if (!ok) {
			free(src);
			return REFUSED;
		}
		key = memo_key(src, len, st->disp.pw, st->disp.ph, &t, &pics);
	}
	if (counted)
		trying_set(hex, tries + 1); /* a start that dies with it on screen counts */
	content_free(st->c);
	free(st->c);
	st->c = c;
	pictures_free(&st->pics);
	st->pics = pics;
	st->text = t;
	free(st->ops.shown_src);
	st->ops.shown_src = src;
	st->ops.shown_len = len;
	free(st->ops.shown_key);
	st->ops.shown_key = key;
	return TAKEN;
}

bool ops_load_first(struct run *st)
{
	SDL_GetRendererOutputSize(st->disp.r, &st->disp.pw, &st->disp.ph);
	struct diag_list d = { 0 };
	char path[4096];
	last_good_path(path, sizeof path);
	enum take took = take_first(st, st->o->config, true, false, &d);
	struct diag_list ignored = { 0 };
	if (took == UNREMEMBERED && path[0] && take_first(st, path, false, false, &ignored) == TAKEN) {
		/* a file new at this output, and a last good copy whose verdict
		 * is remembered: that copy is the first frame, at once, and the
		 * file is checked in a child after it, as a reload would be
		 * (run.c), instead of a dark screen for the whole check */
		diag_clear(&ignored);
		st->ops.check_at_start = true;
		fprintf(stderr, "signpost: showing the last good content (%s) while %s is checked\n", path,
			st->o->config);
		return true;
	}
	diag_clear(&ignored);
	if (took == UNREMEMBERED)
		took = take_first(st, st->o->config, true, true, &d); /* checked before the first frame */
	if (took == TAKEN) {
		st->ops.save_good = true; /* once the first frame shows it */
		diag_clear(&d);
		return true;
	}
	fprintf(stderr, "signpost: %s cannot be shown:\n", st->o->config);
	diag_print(&d, st->o->config, stderr);
	st->ops.reload_diags = d;
	st->ops.last = OPS_RELOAD_FAILED;
	st->ops.reload_at = time(NULL);
	bool ok = path[0] && take_first(st, path, false, true, &ignored) == TAKEN;
	if (ok) {
		fprintf(stderr, "signpost: showing the last good content (%s) until the file is fixed\n", path);
	} else {
		content_free(st->c);
		pictures_free(&st->pics);
		content_load_buffer("(built-in)", builtin_content, sizeof builtin_content - 1, st->c, &ignored);
		char err[512];
		ok = text_open(&st->text, st->c->theme.font, err, sizeof err);
		if (ok) {
			text_set_langs(&st->text, st->c, NULL, 0);
			fprintf(stderr, "signpost: showing the built-in 'resting' screen until the file is fixed\n");
		} else {
			fprintf(stderr, "signpost: error: %s\n", err);
		}
	}
	diag_clear(&ignored);
	return ok;
}


/* Hands the heap that a big file's check and layout used back to the
 * system: glibc keeps freed memory for the next malloc otherwise, and a
 * kiosk that went back to its usual content should use what it used. */
static void give_back_memory(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

/* A reload refused: what is on screen stays, and every problem goes to
 * the log and the status file. */
static void refuse(struct run *st, const char *why, struct diag_list *d)
{
	diag_sort(d);
	if (strcmp(why, "start") == 0)
		fprintf(stderr, "signpost: %s cannot be shown; still showing the last good content:\n",
			st->o->config);
	else
		fprintf(stderr, "signpost: reload (%s) refused; still showing the content loaded before:\n", why);
	diag_print(d, st->o->config, stderr);
	diag_clear(&st->ops.reload_diags);
	st->ops.reload_diags = *d;
	st->ops.last = OPS_RELOAD_FAILED;
	st->ops.reloads++;
	ops_status_write(st);
	if (st->o->trace)
		fprintf(stderr, "trace: reload failed\n");
	give_back_memory();
}

bool ops_reload_start(struct run *st, const char *why)
{
	struct ops *ops = &st->ops;
	ops->check_at_start = false; /* this is it, or a reload that reads the file anyway */
	ops->reload_t0 = SDL_GetPerformanceCounter();
	ops->reload_at = time(NULL);
	struct diag_list d = { 0 };
	char *src = NULL;
	size_t len = 0;
	if (st->o->trace)
		fprintf(stderr, "trace: check in a child (%s)\n", strcmp(why, "start") == 0 ? "start" : "reload");
	if (content_read(st->o->config, &src, &len, &d) != LOAD_OK ||
	    !verdict_start(&ops->check, st->o->config, src, len, st->disp.pw, st->disp.ph, &d)) {
		free(src);
		refuse(st, why, &d);
		return false;
	}
	ops->pending_src = src;
	ops->pending_len = len;
	ops->pending_why = why;
	ops_status_write(st); /* checking=yes */
	return true;
}

/* The check said yes: the new content replaces the old, parsed here for
 * the first time; its theme font is opened beside the old one. The last
 * good copy is written only once a frame of the new content is on
 * screen. */
bool ops_reload_finish(struct run *st, uint64_t now)
{
	struct ops *ops = &st->ops;
	struct diag_list d = { 0 };
	char *src = ops->pending_src;
	size_t len = ops->pending_len;
	const char *why = ops->pending_why;
	ops->pending_src = NULL;
	if (verdict_finish(&ops->check, &d) != VERDICT_OK) {
		verdict_clear(&ops->check);
		free(src);
		refuse(st, why, &d);
		return false;
	}
	struct content *c = xcalloc(1, sizeof *c);
	struct pictures pics = { 0 };
	bool loaded = content_load_bytes(st->o->config, src, len, c, &pics, &d) == LOAD_OK;
	bool ok = loaded && verdict_same_pictures(&ops->check, &pics, &d, c);
	verdict_clear(&ops->check);
	struct text fresh, *t = &st->text;
	bool own = false;
	if (ok && strcmp(c->theme.font, st->c->theme.font) != 0) {
		char err[512];
		own = text_open(&fresh, c->theme.font, err, sizeof err);
		if (own)
			t = &fresh;
		else
			diag_add(&d, DIAG_ERROR, 0, 0, "%s", err), ok = false;
	}
	if (!ok) {
		if (loaded) {
			pictures_free(&pics);
			content_free(c);
		}
		free(c);
		free(src);
		refuse(st, why, &d);
		return false;
	}
	text_set_langs(t, c, NULL, 0);
	diag_clear(&ops->reload_diags);
	render_flush(&st->render); /* textures of the old texts and fonts */
	if (own) {
		text_close(&st->text);
		st->text = fresh; /* the caller's new layout makes its measurers afresh */
	}
	kiosk_rebind(&st->kiosk, c, now);
	content_free(st->c);
	free(st->c);
	st->c = c;
	pictures_free(&st->pics);
	st->pics = pics;
	render_set_pictures(&st->render, &st->pics);
	free(ops->shown_src);
	ops->shown_src = src;
	ops->shown_len = len;
	free(ops->shown_key);
	ops->shown_key = memo_key(src, len, st->disp.pw, st->disp.ph, &st->text, &st->pics);
	ops->save_good = true; /* once a frame shows it */
	char hex[65];
	src_hex(src, len, hex);
	trying_set(hex, trying_count(hex) + 1);
	diag_clear(&d); /* warnings: --check shows them */
	ops->loaded_at = ops->reload_at;
	ops->last = OPS_RELOAD_OK;
	ops->reloads++;
	ops_status_write(st);
	fprintf(stderr, "signpost: reloaded %s (%s): %zu screens\n", st->o->config, why, c->n_screens);
	if (st->o->trace)
		fprintf(stderr, "trace: reload ok screens=%zu in %.2f ms\n", c->n_screens,
			(double)(SDL_GetPerformanceCounter() - ops->reload_t0) * 1000.0 /
				(double)SDL_GetPerformanceFrequency());
	give_back_memory();
	return true;
}
