/* notify.h — the systemd notification protocol (sd_notify), spoken directly:
 * one datagram per message to the AF_UNIX socket named by $NOTIFY_SOCKET.
 * READY=1 once the first frame is on screen, WATCHDOG=1 at half the
 * $WATCHDOG_USEC interval from the main loop, STOPPING=1 on the way out.
 * Without $NOTIFY_SOCKET (not under systemd) every call does nothing. */
#ifndef SIGNPOST_NOTIFY_H
#define SIGNPOST_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

struct notify {
	int fd;                  /* -1 when not under systemd */
	char path[108];          /* sun_path; a leading '@' means abstract */
	uint64_t watchdog_ms;    /* ping interval (half of WATCHDOG_USEC); 0 = none */
};

/* Reads the environment. */
void notify_init(struct notify *n);

/* Sends msg ("READY=1", ...); ignores errors (systemd may be gone). */
void notify_send(struct notify *n, const char *msg);

void notify_close(struct notify *n);

#endif
