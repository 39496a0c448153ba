/* watch.c — the content file watcher; see watch.h. */
#include "watch.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <unistd.h>

/* In the folder: the file written, renamed to or from, made or deleted;
 * and the folder itself moved or deleted. Above it, while it is missing:
 * anything made or moved in (it may be the folder, or a folder on the way
 * to it), and that folder itself going. IN_IGNORED, IN_UNMOUNT and
 * IN_Q_OVERFLOW come without asking. */
#define DIR_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | \
		    IN_MOVE_SELF | IN_ONLYDIR)
#define ABOVE_EVENTS (IN_CREATE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
#define GONE (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)

/* A picture file (by its name) beside the content file: the content may
 * name it, and a picture is part of what is shown. */
static bool picture_name(const char *name)
{
	size_t n = strlen(name);
	static const char *const ext[] = { ".png", ".jpg", ".jpeg" };
	for (size_t i = 0; i < 3; i++) {
		size_t k = strlen(ext[i]);
		if (n > k && strcasecmp(name + n - k, ext[i]) == 0)
			return true;
	}
	return false;
}

static void forget(int fd, int *wd)
{
	if (*wd >= 0)
		inotify_rm_watch(fd, *wd); /* EINVAL when the kernel dropped it already */
	*wd = -1;
}

/* The folder above p, in place: "/a/b" -> "/a", "/a" -> "/", "b" -> ".".
 * False when p is already "/" or ".". */
static bool up(char *p)
{
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	char *slash = strrchr(p, '/');
	if (!slash) {
		if (strcmp(p, ".") == 0)
			return false;
		strcpy(p, ".");
	} else if (slash == p) {
		if (p[1] == '\0')
			return false;
		p[1] = '\0';
	} else {
		*slash = '\0';
	}
	return true;
}

/* Watches the folder that has w->dir's path now; while there is none, the
 * nearest folder above it that exists. True when the folder is watched. */
static bool arm(struct watch *w)
{
	forget(w->fd, &w->dir_wd);
	forget(w->fd, &w->above_wd);
	w->dir_wd = inotify_add_watch(w->fd, w->dir, DIR_EVENTS);
	if (w->dir_wd >= 0)
		return true;
	char p[sizeof w->dir];
	snprintf(p, sizeof p, "%s", w->dir);
	while (w->above_wd < 0 && up(p))
		w->above_wd = inotify_add_watch(w->fd, p, ABOVE_EVENTS);
	/* it may have come between the two looks */
	w->dir_wd = inotify_add_watch(w->fd, w->dir, DIR_EVENTS);
	if (w->dir_wd >= 0)
		forget(w->fd, &w->above_wd);
	return w->dir_wd >= 0;
}

void watch_open(struct watch *w, const char *path)
{
	char dir[4096], base[4096];
	snprintf(dir, sizeof dir, "%s", path);
	snprintf(base, sizeof base, "%s", path);
	snprintf(w->dir, sizeof w->dir, "%s", dirname(dir));
	snprintf(w->name, sizeof w->name, "%s", basename(base));
	w->dir_wd = w->above_wd = -1;
	w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	int err = errno;
	if (w->fd >= 0 && !arm(w)) {
		err = errno;
		if (w->above_wd >= 0)
			fprintf(stderr, "signpost: warning: the folder %s does not exist; the kiosk watches for it "
					"to appear\n", w->dir);
	}
	if (w->fd < 0 || (w->dir_wd < 0 && w->above_wd < 0)) {
		fprintf(stderr, "signpost: warning: cannot watch %s for changes (%s); reload with "
				"SIGHUP (signpostctl reload)\n", path, strerror(err));
		watch_close(w);
	}
}

/* After the folder went or moved: watch what has its path now, or the
 * nearest folder above while nothing has, and say so. */
static void rearm(struct watch *w)
{
	if (arm(w))
		fprintf(stderr, "signpost: the folder %s was replaced; watching the new one for changes\n", w->dir);
	else if (w->above_wd >= 0)
		fprintf(stderr, "signpost: warning: the folder %s was moved or removed; the kiosk keeps what it "
				"shows and watches for the folder to come back\n", w->dir);
	else
		fprintf(stderr, "signpost: warning: cannot watch %s for changes any more (%s); reload with "
				"SIGHUP (signpostctl reload)\n", w->dir, strerror(errno));
}

bool watch_read(struct watch *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool maybe = false, lost = false, above = false;
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break; /* EAGAIN: all read */
		for (char *q = buf; q < buf + n;) {
			struct inotify_event *e = (struct inotify_event *)q;
			if (e->mask & IN_Q_OVERFLOW)
				maybe = true; /* events were lost: ours may have been one */
			else if (e->wd == w->dir_wd && (e->mask & GONE))
				lost = true;
			else if (e->wd == w->dir_wd && e->len &&
				 (strcmp(e->name, w->name) == 0 || picture_name(e->name)))
				maybe = true;
			else if (e->wd == w->above_wd && w->above_wd >= 0)
				above = true;
			/* anything else: another file, or a watch given up before */
			q += sizeof *e + e->len;
		}
	}
	if (lost) {
		rearm(w);
		return true; /* the reload says what is there now, or why nothing is */
	}
	if (above && arm(w)) {
		fprintf(stderr, "signpost: the folder %s is back; watching it for changes\n", w->dir);
		return true;
	}
	return maybe;
}

void watch_close(struct watch *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = w->dir_wd = w->above_wd = -1;
}
