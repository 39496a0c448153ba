/* watch.h — the content file's folder, watched with inotify: one
 * descriptor the run loop polls, and a read that says whether the file may
 * have changed (written in place, written elsewhere and renamed over it, or
 * deleted), or a picture beside it (a .png, .jpg or .jpeg in the same
 * folder; one in a folder inside it waits for a reload). Watching the
 * folder, not the file, is what catches the rename most editors and
 * `signpostctl save` do. No thread.
 *
 * Automatic reloads must not end silently: when inotify's queue overflows
 * (events were lost), the answer is "maybe changed"; when the folder itself
 * is moved away, removed or replaced (a sync tool, `mv new etc/signpost`),
 * the watch is put on whatever folder now has that path, and while there is
 * none, on the nearest folder above it that exists, until it comes back.
 * Each of these is "maybe changed" too: the reload that follows shows the
 * file, or says why it cannot. The descriptor stays the same throughout. */
#ifndef SIGNPOST_WATCH_H
#define SIGNPOST_WATCH_H

#include <stdbool.h>

struct watch {
	int fd;             /* inotify, non-blocking; -1: not watching */
	int dir_wd;         /* the folder's watch; -1 while it is not there */
	int above_wd;       /* while it is not: the nearest folder above it; else -1 */
	char dir[4096];     /* the folder's path */
	char name[256];     /* the file's name in the watched folder */
};

/* Starts watching path's folder; on failure fd is -1 and a warning says
 * how to reload instead. */
void watch_open(struct watch *w, const char *path);

/* Reads what inotify has; true when the file may have changed: an event
 * about it, lost events, or its folder gone, moved or back again. */
bool watch_read(struct watch *w);

void watch_close(struct watch *w);

#endif
