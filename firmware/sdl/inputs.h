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

/* One look at dir's event devices, for a set of open ones (this file's,
 * and jack.c's sockets): each character device "event*" not yet in the
 * set is opened read-only and non-blocking and given to take (which keeps
 * the descriptor, or closes it and says no) while the set has room; then
 * gone is told each member, from the last down, whose device is no longer
 * there. dev_of(ctx, i) is member i's device; n the members now. True when
 * the set changed. */
struct evdev_set {
	void *ctx;
	size_t (*n)(void *ctx);
	size_t room;
	dev_t (*dev_of)(void *ctx, size_t i);
	bool (*take)(void *ctx, int fd, dev_t dev);
	void (*gone)(void *ctx, size_t i);
};
bool evdev_walk(const char *dir, const struct evdev_set *set);

#endif
