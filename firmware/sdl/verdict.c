/* verdict.c — the complete check in a child process; see verdict.h.
 *
 * The report, one line each, tab-separated:
 *   P <TAB> e|w <TAB> LINE <TAB> COL <TAB> message   a problem
 *   F <TAB> INDEX <TAB> sha256                       a picture it checked
 *   V <TAB> ok|refused                               the verdict, last
 * A report without its V line is a check that did not end by itself. */
#define _GNU_SOURCE
#include "verdict.h"

#include "arena.h"
#include "atomic_file.h"
#include "check.h"
#include "content_file.h"
#include "sha256.h"
#include "load.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---- the child ------------------------------------------------------------ */

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

static void limit_self(void)
{
	/* dies with the kiosk; gains no privileges; leaves no core dump */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	struct rlimit none = { 0, 0 }, cpu = { VERDICT_CPU_S, VERDICT_CPU_S + 1 };
	setrlimit(RLIMIT_CORE, &none);
	/* under the unit's MemoryMax the kernel ends this process first, not
	 * the kiosk (raising one's own score needs no privilege) */
	FILE *oom = fopen("/proc/self/oom_score_adj", "w");
	if (oom) {
		fputs("1000\n", oom);
		fclose(oom);
	}
	setrlimit(RLIMIT_CPU, &cpu);
#ifndef SANITIZED /* AddressSanitizer reserves terabytes of address space */
	struct rlimit mem = { (rlim_t)VERDICT_MEMORY_MB << 20, (rlim_t)VERDICT_MEMORY_MB << 20 };
	setrlimit(RLIMIT_AS, &mem);
#endif
}

#ifdef SIGNPOST_TEST_HOOKS
/* Tests only (builds with SIGNPOST_TEST_HOOKS): SIGNPOST_TEST_FAULT=
 * crash|hang|eat:TEXT makes the check of content holding TEXT crash, hang
 * or eat memory, as a bug in a library would. */
static void test_fault(const char *src, size_t len)
{
	const char *f = getenv("SIGNPOST_TEST_FAULT");
	const char *colon = f ? strchr(f, ':') : NULL;
	if (!colon || !memmem(src, len, colon + 1, strlen(colon + 1)))
		return;
	if (strncmp(f, "crash:", 6) == 0)
		raise(SIGSEGV);
	if (strncmp(f, "hang:", 5) == 0)
		for (;;)
			pause();
	if (strncmp(f, "eat:", 4) == 0) {
		/* until the limit stops it; a sanitizer build has none, so at
		 * 4 GiB it dies as the kernel's OOM killer would end it */
		for (int mb = 0; mb < 4096; mb++) {
			char *p = malloc(1 << 20);
			if (!p)
				abort(); /* as arena.c does when memory runs out */
			memset(p, 1, 1 << 20);
		}
		raise(SIGKILL);
	}
}
#endif

int verdict_wall_ms(void)
{
#ifdef SIGNPOST_TEST_HOOKS
	const char *ms = getenv("SIGNPOST_TEST_CHECK_MS"); /* tests: a shorter limit */
	if (ms && atoi(ms) > 0)
		return atoi(ms);
#endif
	return VERDICT_WALL_MS;
}

static void report(const struct diag_list *d, const struct pictures *pics, bool ok)
{
	for (size_t i = 0; ok && i < pics->n; i++) {
		char hex[65];
		sha256_hex(pics->p[i].sha256, hex);
		printf("F\t%zu\t%s\n", i, hex);
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *p = &d->items[i];
		printf("P\t%c\t%d\t%d\t%s\n", p->severity == DIAG_ERROR ? 'e' : 'w', p->line, p->col,
		       p->message);
	}
	printf("V\t%s\n", ok ? "ok" : "refused");
	fflush(stdout);
}

int verdict_child(const char *path, int w, int h)
{
	limit_self();
	struct diag_list d = { 0 };
	char *src = NULL;
	size_t len = 0;
	struct content c;
	struct pictures pics = { 0 };
	bool ok = false;
	enum load_result r = content_read("/proc/self/fd/0", &src, &len, &d);
	if (r == LOAD_OK) {
#ifdef SIGNPOST_TEST_HOOKS
		test_fault(src, len);
#endif
		r = content_load_bytes(path, src, len, &c, &pics, &d);
	}
	if (r == LOAD_OK) {
		struct text t;
		char err[512];
		ok = text_open(&t, c.theme.font, err, sizeof err);
		if (!ok)
			diag_add(&d, DIAG_ERROR, 0, 0, "%s", err);
		if (ok) {
			int lw, lh;
			check_picture_size(&c, w, h, &lw, &lh);
			ok = check_complete(&t, &c, &pics, src, len, lw, lh, false, &d);
			text_close(&t);
		}
		content_free(&c);
	}
	diag_sort(&d);
	report(&d, &pics, ok);
	pictures_free(&pics);
	diag_clear(&d);
	free(src);
	return ok ? 0 : 1;
}

/* ---- the kiosk's side ----------------------------------------------------- */

static void say(struct diag_list *d, const char *what)
{
	if (d)
		diag_add(d, DIAG_ERROR, 0, 0, "%s", what);
}

bool verdict_start(struct verdict *v, const char *path, const char *src, size_t len, int w, int h,
		   struct diag_list *d)
{
	memset(v, 0, sizeof *v);
	v->out_fd = -1;
	v->result = VERDICT_FAILED;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	int in = memfd_create("signpost-content", MFD_CLOEXEC);
	int out[2] = { -1, -1 };
	bool ok = n > 0 && in >= 0 && pipe2(out, O_CLOEXEC) == 0 && write_all(in, src, len) &&
		  lseek(in, 0, SEEK_SET) == 0;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	bool fa_ok = ok && posix_spawn_file_actions_init(&fa) == 0;
	if (fa_ok && posix_spawnattr_init(&attr) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		fa_ok = false;
	}
	if (fa_ok) {
		/* the kiosk blocks its signals for its signalfd: the child must
		 * not inherit that */
		sigset_t none;
		sigemptyset(&none);
		posix_spawnattr_setsigmask(&attr, &none);
		posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
		exe[n] = '\0';
		char size[32];
		snprintf(size, sizeof size, "%dx%d", w, h);
		char *argv[] = { exe, "--check-child", "--size", size, "--config", (char *)path, NULL };
		posix_spawn_file_actions_adddup2(&fa, in, 0);
		posix_spawn_file_actions_adddup2(&fa, out[1], 1);
		ok = posix_spawn(&v->pid, exe, &fa, &attr, argv, environ) == 0;
		posix_spawn_file_actions_destroy(&fa);
		posix_spawnattr_destroy(&attr);
	}
	if (in >= 0)
		close(in);
	if (out[1] >= 0)
		close(out[1]);
	if (!fa_ok || !ok) {
		if (out[0] >= 0)
			close(out[0]);
		v->pid = 0;
		diag_add(d, DIAG_ERROR, 0, 0, "the check could not be started (%s); the kiosk keeps "
					      "showing what it showed",
			 strerror(errno));
		return false;
	}
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	v->out_fd = out[0];
	v->result = VERDICT_PENDING;
	return true;
}

bool verdict_read(struct verdict *v)
{
	for (;;) {
		if (v->cap_report - v->n_report < 4096) {
			v->cap_report = v->cap_report ? v->cap_report * 2 : 8192;
			v->report = xrealloc(v->report, v->cap_report);
		}
		ssize_t got = read(v->out_fd, v->report + v->n_report, v->cap_report - v->n_report - 1);
		if (got > 0) {
			v->n_report += (size_t)got;
			continue;
		}
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 && errno == EAGAIN)
			return false;
		close(v->out_fd); /* the end, or an error: the same */
		v->out_fd = -1;
		return true;
	}
}

void verdict_kill(struct verdict *v)
{
	if (v->pid > 0)
		kill(v->pid, SIGKILL);
	v->result = VERDICT_TIMEOUT;
}

/* The child's lines into d; true when it gave its verdict "ok". */
static bool parse(struct verdict *v, struct diag_list *d, bool *ended)
{
	bool ok = false;
	*ended = false;
	if (!v->report)
		return false;
	v->report[v->n_report] = '\0';
	char *save = NULL;
	for (char *line = strtok_r(v->report, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char sev;
		int ln, col, at = 0;
		size_t index;
		char hex[65];
		if (sscanf(line, "P\t%c\t%d\t%d\t%n", &sev, &ln, &col, &at) == 3 && at > 0)
			diag_add(d, sev == 'w' ? DIAG_WARNING : DIAG_ERROR, ln, col, "%s", line + at);
		else if (sscanf(line, "F\t%zu\t%64[0-9a-f]", &index, hex) == 2 && index == v->n_pic_sha &&
			 strlen(hex) == 64 && index < 4096) {
			v->pic_sha = xrealloc(v->pic_sha, (index + 1) * sizeof *v->pic_sha);
			for (int b = 0; b < 32; b++) {
				unsigned x;
				sscanf(hex + 2 * b, "%2x", &x);
				v->pic_sha[index][b] = (uint8_t)x;
			}
			v->n_pic_sha++;
		}
		else if (strncmp(line, "V\t", 2) == 0) {
			*ended = true;
			ok = strcmp(line + 2, "ok") == 0;
		}
	}
	return ok;
}

enum verdict_result verdict_finish(struct verdict *v, struct diag_list *d)
{
	if (v->out_fd >= 0) {
		close(v->out_fd);
		v->out_fd = -1;
	}
	int status = 0;
	bool reaped = false;
	while (v->pid > 0) {
		pid_t r = waitpid(v->pid, &status, 0);
		if (r == v->pid)
			reaped = true;
		if (r == v->pid || (r < 0 && errno != EINTR))
			break;
	}
	v->pid = 0;
	bool ended;
	bool ok = parse(v, d, &ended);
	if (v->result == VERDICT_TIMEOUT) {
		diag_clear(d);
		diag_add(d, DIAG_ERROR, 0, 0, "the check of this file took longer than %.0f seconds and was "
					      "stopped; the kiosk keeps showing what it showed. Make the file "
					      "smaller (fewer languages or screens) and try again",
			 verdict_wall_ms() / 1000.0);
	} else if (reaped && WIFSIGNALED(status)) {
		v->result = VERDICT_CRASHED;
		v->signal = WTERMSIG(status);
		diag_clear(d);
		diag_add(d, DIAG_ERROR, 0, 0, "the check of this file crashed (signal %d: %s%s); the kiosk "
					      "keeps showing what it showed. Send the file to whoever looks after "
					      "the kiosk: it has found a fault",
			 v->signal, strsignal(v->signal),
			 v->signal == SIGXCPU   ? ", it used too much time"
			 : v->signal == SIGABRT ? ", it may have run out of memory"
			 : v->signal == SIGKILL ? ", most likely for using too much memory"
						: "");
	} else if (reaped && WIFEXITED(status) && WEXITSTATUS(status) == 0 && ended && ok) {
		v->result = VERDICT_OK;
	} else if (reaped && WIFEXITED(status) && WEXITSTATUS(status) == 1 && ended) {
		v->result = VERDICT_REFUSED;
	} else {
		v->result = VERDICT_CRASHED;
		if (!diag_has_errors(d))
			say(d, "the check of this file ended without a verdict; the kiosk keeps showing what "
			       "it showed");
	}
	free(v->report);
	v->report = NULL;
	v->n_report = v->cap_report = 0;
	return v->result;
}

bool verdict_same_pictures(const struct verdict *v, const struct pictures *pics, struct diag_list *d,
			   const struct content *c)
{
	bool same = v->n_pic_sha == pics->n;
	for (size_t i = 0; same && i < pics->n; i++) {
		if (memcmp(v->pic_sha[i], pics->p[i].sha256, 32) != 0) {
			diag_add(d, DIAG_ERROR, c->pictures[i]->file_at.line, c->pictures[i]->file_at.col,
				 "the picture '%s' changed while the content was checked; it is checked again "
				 "when it stays the same for a moment",
				 c->pictures[i]->file ? c->pictures[i]->file : "(pictogram)");
			return false;
		}
	}
	if (!same)
		diag_add(d, DIAG_ERROR, 0, 0, "the pictures changed while the content was checked; it is checked "
					      "again when they stay the same for a moment");
	return same;
}

void verdict_clear(struct verdict *v)
{
	free(v->pic_sha);
	v->pic_sha = NULL;
	v->n_pic_sha = 0;
}

static uint64_t mono_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

enum verdict_result verdict_wait(struct verdict *v, struct diag_list *d)
{
	uint64_t end = mono_ms() + (uint64_t)verdict_wall_ms();
	for (;;) {
		uint64_t now = mono_ms();
		if (now >= end) {
			verdict_kill(v);
			break;
		}
		struct pollfd p = { .fd = v->out_fd, .events = POLLIN };
		int r = poll(&p, 1, (int)(end - now));
		if (r > 0 && verdict_read(v))
			break;
	}
	return verdict_finish(v, d);
}
