/* ops.h — staff operations of the running kiosk (ops.c): the status file
 * that `signpostctl status` reads, a live reload that keeps the last good
 * content, and the copy of the last good content shown when the file is
 * broken at start-up. They work on the running kiosk (run.h) and call
 * nothing back: the caller lays out again after a reload. Nothing here
 * records what a visitor looked at. */
#ifndef SIGNPOST_OPS_H
#define SIGNPOST_OPS_H

#include "diag.h"
#include "verdict.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct run;

enum ops_reload {
	OPS_RELOAD_NONE,   /* none since the start */
	OPS_RELOAD_OK,
	OPS_RELOAD_FAILED, /* refused: the last good content stays */
	OPS_RELOAD_COUNT_
};

/* The staff operations' part of the running kiosk. */
struct ops {
	char status_path[4096];     /* empty: no status file */
	bool status_failing;        /* the last write of it failed (said once) */
	time_t started, loaded_at, reload_at;
	enum ops_reload last;       /* the last reload's result */
	unsigned long reloads;      /* reloads ended since the start, either way */
	struct diag_list reload_diags; /* the last failed reload's problems */
	char *shown_src;            /* the bytes the content on screen was loaded from */
	size_t shown_len;
	char *shown_key;            /* its check's key (memo.h), remembered once proven */
	bool save_good;             /* new on screen with the next frame */
	bool unproven;              /* on screen, not yet the last good copy */
	/* a reload under way: its check in a child, the bytes it checks */
	struct verdict check;       /* check.pid != 0 while it runs */
	char *pending_src;
	size_t pending_len;
	const char *pending_why;
	uint64_t reload_t0;         /* performance counter at its start, for --trace */
	bool check_at_start;        /* the last good copy is shown while the file is
				       checked: the caller starts it after the first frame */
};

/* "none", "ok", "failed": as the status file says it. */
const char *ops_reload_name(enum ops_reload r);

/* Finds where the status file goes (--status, $RUNTIME_DIRECTORY, or
 * /run/signpost); ops_status_write() writes it, atomically. A write that
 * fails is said once in the log and tried again at the next write. */
void ops_status_open(struct run *st);
void ops_status_write(struct run *st);

/* At start: removes the unfinished temporaries of the state files that a
 * power cut left in the state folder (last-good.yaml.XXXXXX and
 * trying.XXXXXX, regular files only; see atomic_file_clean()), and says so
 * in the log. */
void ops_state_clean(void);

/* Start-up, once the display is open (the complete check needs the
 * output's size): the content file if its verdict at this output is
 * remembered (memo.h); else the last good copy if its verdict is, with
 * ops.check_at_start set: the caller checks the file after the first
 * frame, as a reload (ops_reload_start(st, "start")); else the file if it
 * passes the complete check now; else the last good copy, else the
 * built-in screen. st->c and st->text are set up afterwards. False only
 * when no font at all can be opened. */
bool ops_load_first(struct run *st);

#define OPS_TRIES 2          /* starts that die with the same new content */
#define OPS_PROVEN_MS 60000  /* on screen this long: it is good */

/* After a frame is on screen: content that is new there starts being
 * proven (the caller arms a timer of OPS_PROVEN_MS for ops_proven()). */
void ops_shown(struct run *st);

/* New content on screen survived (OPS_PROVEN_MS, or a clean stop): it
 * becomes the last good copy (systemd's StateDirectory), its tries are
 * forgotten and its check's verdict is remembered (memo.h). Until then a start that dies with it counts against it: after
 * OPS_TRIES such starts it is refused and the last good copy shown. */
void ops_proven(struct run *st);

/* OPS_PROVEN_MS (test builds: SIGNPOST_TEST_PROVEN_MS when set). */
int ops_proven_ms(void);

/* A reload: reads the file and starts its check in a child (ops.check,
 * whose out_fd the caller polls and whose time limit it keeps). False when
 * it is refused at once (it cannot be read, no child): the status says so. */
bool ops_reload_start(struct run *st, const char *why);

/* The check ended (or was killed): swaps in the new content only when it
 * passed. True when it did: the caller lays out again and looks at the
 * schedule. now: the loop's time. */
bool ops_reload_finish(struct run *st, uint64_t now);

/* Frees what struct ops holds (a check still running is killed) and
 * removes the status file. */
void ops_close(struct ops *ops);

#endif
