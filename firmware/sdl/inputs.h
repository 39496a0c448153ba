/* inputs.h — the input devices (/dev/input/event*), opened read-only for
 * the run loop's poll() to know when a touch or a key arrived. SDL reads
 * the same devices through its own descriptors on KMS/DRM; each open of an
 * evdev device gets its own copy of the events, so this copy is read and
 * dropped. A device that appears or goes away later (a panel
 * re-enumerated, a USB touch controller plugged in) is seen through
 * inotify on the folder, which needs no netlink socket. */
#ifndef SIGNPOST_INPUTS_H
#define SIGNPOST_INPUTS_H

#include <stdbool.h>
#include <sys/types.h>

#define INPUTS_MAX 32

struct inputs {
	int dir_fd;             /* inotify on the folder; -1: none */
	size_t n;
	int fd[INPUTS_MAX];     /* non-blocking, read-only */
	dev_t dev[INPUTS_MAX];  /* which device each is */
	char dir[256];
};

/* Opens every event device in dir that can be read, and watches dir. */
void inputs_open(struct inputs *in, const char *dir);

/* After dir_fd polled readable: reads the notice, opens devices that came
 * (or became readable), closes those that went. True when the set changed. */
bool inputs_rescan(struct inputs *in);

/* After fd[i] polled readable: reads and drops this copy of its events.
 * A device that is gone is closed (and the ones after it move down):
 * returns false then. */
bool inputs_drain(struct inputs *in, size_t i);

void inputs_close(struct inputs *in);

#endif
