/* notify.c — sd_notify without libsystemd; see notify.h and sd_notify(3). */
#include "notify.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

void notify_init(struct notify *n)
{
	memset(n, 0, sizeof *n);
	n->fd = -1;
	const char *sock = getenv("NOTIFY_SOCKET");
	if (sock && (sock[0] == '/' || sock[0] == '@') && strlen(sock) < sizeof n->path) {
		snprintf(n->path, sizeof n->path, "%s", sock);
		n->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	}
	/* the watchdog is ours only if WATCHDOG_PID is unset or names us */
	const char *usec = getenv("WATCHDOG_USEC"), *pid = getenv("WATCHDOG_PID");
	if (usec && (!pid || atol(pid) == (long)getpid())) {
		unsigned long long us = strtoull(usec, NULL, 10);
		n->watchdog_ms = us / 2000; /* half the interval, in ms */
		if (us > 0 && n->watchdog_ms == 0)
			n->watchdog_ms = 1;
	}
}

void notify_send(struct notify *n, const char *msg)
{
	if (n->fd < 0)
		return;
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	size_t len = strlen(n->path);
	memcpy(addr.sun_path, n->path, len);
	if (addr.sun_path[0] == '@')
		addr.sun_path[0] = '\0'; /* abstract namespace */
	sendto(n->fd, msg, strlen(msg), MSG_NOSIGNAL, (struct sockaddr *)&addr,
	       (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len));
}

void notify_close(struct notify *n)
{
	if (n->fd >= 0)
		close(n->fd);
	n->fd = -1;
}
