/* watch.h — the content file's folder, watched with inotify: one
 * descriptor the run loop polls, and a read that says whether the change
 * was to the content file (written in place, written elsewhere and renamed
 * over it, or deleted). Watching the folder, not the file, is what catches
 * the rename most editors and `signpostctl save` do. No thread. */
#ifndef SIGNPOST_WATCH_H
#define SIGNPOST_WATCH_H

#include <stdbool.h>

struct watch {
	int fd;          /* inotify, non-blocking; -1: not watching */
	char name[256];  /* the file's name in the watched folder */
};

/* Starts watching path's folder; on failure fd is -1 and a warning says
 * how to reload instead. */
void watch_open(struct watch *w, const char *path);

/* Reads what inotify has; true when it concerned the file. */
bool watch_read(struct watch *w);

void watch_close(struct watch *w);

#endif
