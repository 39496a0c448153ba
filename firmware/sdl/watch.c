/* watch.c — the content file watcher; see watch.h. */
#include "watch.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

void watch_open(struct watch *w, const char *path)
{
	w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	char dir[4096], base[4096];
	snprintf(dir, sizeof dir, "%s", path);
	snprintf(base, sizeof base, "%s", path);
	snprintf(w->name, sizeof w->name, "%s", basename(base));
	if (w->fd < 0 || inotify_add_watch(w->fd, dirname(dir), IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
								  IN_CREATE | IN_DELETE) < 0) {
		fprintf(stderr, "signpost: warning: cannot watch %s for changes (%s); reload with "
				"SIGHUP (signpostctl reload)\n", path, strerror(errno));
		watch_close(w);
	}
}

bool watch_read(struct watch *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool ours = false;
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return ours; /* EAGAIN: all read */
		for (char *q = buf; q < buf + n;) {
			struct inotify_event *e = (struct inotify_event *)q;
			if (e->len && strcmp(e->name, w->name) == 0)
				ours = true;
			q += sizeof *e + e->len;
		}
	}
}

void watch_close(struct watch *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
}
