/* verdict.h — the complete check (check.h) run apart from the screen: in
 * a child process of our own program, with limits on its memory, CPU time
 * and wall time, so that content which crashes the check (a bug of ours,
 * or of FreeType, HarfBuzz, FriBidi, libyaml, libqrencode), exhausts
 * memory or takes too long is a refusal with a message, never the death of
 * the process that holds the screen.
 *
 * The kiosk gives the child the exact bytes it read (a memfd as its
 * standard input: what is checked is what will be shown) and the output's
 * size; only the verdict and the problems come back, one line each on a
 * pipe: the kiosk then loads the accepted bytes itself, once, and lays
 * them out for its own language. The laid-out result does not cross: it
 * would be as big as the content and need a format of its own, for a
 * layout that costs one language at one size.
 *
 * A reload waits for the child inside the run loop (its pipe is a source,
 * its time limit a timer), so frames and watchdog pings go on; start-up
 * waits for it directly (verdict_wait), unless the verdict on the same
 * bytes at the same output is remembered (memo.h). */
#ifndef SIGNPOST_VERDICT_H
#define SIGNPOST_VERDICT_H

#include "diag.h"
#include "pictures.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define VERDICT_WALL_MS 30000       /* the check may take this long */
#define VERDICT_CPU_S 25            /* and this much CPU */
#define VERDICT_MEMORY_MB 768       /* address space of the check */

enum verdict_result {
	VERDICT_PENDING,  /* the child is still at it */
	VERDICT_OK,       /* passed: the bytes may be loaded and shown */
	VERDICT_REFUSED,  /* problems with the content: the diagnostics say */
	VERDICT_CRASHED,  /* the check died (a signal, or out of memory) */
	VERDICT_TIMEOUT,  /* it took longer than verdict_wall_ms(): killed */
	VERDICT_FAILED,   /* the child could not be started */
};

/* One check running in a child. */
struct verdict {
	pid_t pid;          /* 0: none */
	int out_fd;         /* the child's report; -1: closed */
	char *report;       /* what it wrote so far; owned */
	size_t n_report, cap_report;
	enum verdict_result result;
	int signal;         /* VERDICT_CRASHED: the signal that ended it */
	/* VERDICT_OK: the SHA-256 of each picture the child read and checked,
	 * for the kiosk to find the same bytes when it reads them (owned) */
	uint8_t (*pic_sha)[32];
	size_t n_pic_sha;
};

/* Starts the check of src[0..len) (named path in messages) at an output
 * of w x h pixels, before rotation. False (result VERDICT_FAILED, the
 * reason in d) when no child could be made. */
bool verdict_start(struct verdict *v, const char *path, const char *src, size_t len, int w, int h,
		   struct diag_list *d);

/* After out_fd polled readable: reads what is there. True when the report
 * is complete (the child closed it): call verdict_finish(). */
bool verdict_read(struct verdict *v);

/* The time limit passed: the child is killed; verdict_finish() says so. */
void verdict_kill(struct verdict *v);

/* Reaps the child and gives the result; the child's problems are added to
 * d, and for a crash or a timeout one error saying so. */
enum verdict_result verdict_finish(struct verdict *v, struct diag_list *d);

/* How long a check may take: VERDICT_WALL_MS (test builds: less when
 * SIGNPOST_TEST_CHECK_MS says so). */
int verdict_wall_ms(void);

/* Whether pics are the pictures the child checked, byte for byte; else
 * an error in d (a picture changed while it was checked). */
bool verdict_same_pictures(const struct verdict *v, const struct pictures *pics, struct diag_list *d,
			   const struct content *c);

/* Frees what v keeps after verdict_finish() (the pictures' hashes). */
void verdict_clear(struct verdict *v);

/* Start-up: waits (at most verdict_wall_ms()) and finishes. */
enum verdict_result verdict_wait(struct verdict *v, struct diag_list *d);

/* The child's side (`signpost --check-child`, never typed by people):
 * limits itself, reads the content from standard input, checks it at
 * w x h and writes the report to standard output. Returns the exit code:
 * 0 passed, 1 refused, 2 could not check. */
int verdict_child(const char *path, int w, int h);

#endif
