/* inputs.c — input devices for the run loop's wait; see inputs.h. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

static void drop(struct inputs *in, size_t i)
{
	close(in->fd[i]);
	in->n--;
	memmove(&in->fd[i], &in->fd[i + 1], (in->n - i) * sizeof in->fd[0]);
	memmove(&in->dev[i], &in->dev[i + 1], (in->n - i) * sizeof in->dev[0]);
}

bool evdev_walk(const char *dir, const struct evdev_set *set)
{
	dev_t seen[64];
	size_t n_seen = 0;
	bool changed = false;
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (strncmp(e->d_name, "event", 5) != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat sb;
		if (stat(path, &sb) != 0 || !S_ISCHR(sb.st_mode))
			continue;
		if (n_seen < sizeof seen / sizeof seen[0])
			seen[n_seen++] = sb.st_rdev;
		size_t i = 0, n = set->n(set->ctx);
		while (i < n && set->dev_of(set->ctx, i) != sb.st_rdev)
			i++;
		if (i < n || n == set->room)
			continue;
		/* a node udev has not yet given to the input group fails here;
		 * the change of its permissions brings another look */
		int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
		if (fd >= 0 && set->take(set->ctx, fd, sb.st_rdev))
			changed = true;
	}
	if (d)
		closedir(d);
	for (size_t i = set->n(set->ctx); i-- > 0;) {
		size_t j = 0;
		while (j < n_seen && seen[j] != set->dev_of(set->ctx, i))
			j++;
		if (j == n_seen && n_seen < sizeof seen / sizeof seen[0]) {
			set->gone(set->ctx, i);
			changed = true;
		}
	}
	return changed;
}

static size_t inputs_n(void *ctx)
{
	return ((struct inputs *)ctx)->n;
}

static dev_t inputs_dev(void *ctx, size_t i)
{
	return ((struct inputs *)ctx)->dev[i];
}

static bool inputs_take(void *ctx, int fd, dev_t dev)
{
	struct inputs *in = ctx;
	in->fd[in->n] = fd;
	in->dev[in->n++] = dev;
	return true;
}

static void inputs_gone(void *ctx, size_t i)
{
	drop(ctx, i);
}

/* Makes the open set match the folder: devices that went are closed,
 * readable ones that came are opened. True when it changed. */
static bool scan(struct inputs *in)
{
	return evdev_walk(in->dir, &(struct evdev_set){ in, inputs_n, INPUTS_MAX, inputs_dev, inputs_take,
							 inputs_gone });
}

void inputs_open(struct inputs *in, const char *dir)
{
	in->n = 0;
	snprintf(in->dir, sizeof in->dir, "%s", dir);
	in->dir_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (in->dir_fd >= 0 && inotify_add_watch(in->dir_fd, dir, IN_CREATE | IN_DELETE | IN_ATTRIB) < 0) {
		close(in->dir_fd);
		in->dir_fd = -1;
	}
	scan(in);
}

bool inputs_rescan(struct inputs *in)
{
	char buf[4096] __attribute__((aligned(8)));
	for (;;) {
		ssize_t n = read(in->dir_fd, buf, sizeof buf);
		if (n <= 0 && !(n < 0 && errno == EINTR))
			break;
	}
	return scan(in);
}

bool inputs_drain(struct inputs *in, size_t i)
{
	char buf[4096];
	for (;;) {
		ssize_t n = read(in->fd[i], buf, sizeof buf);
		if (n > 0 || (n < 0 && errno == EINTR))
			continue;
		if (n < 0 && errno == EAGAIN)
			return true;
		drop(in, i); /* ENODEV: unplugged */
		return false;
	}
}

void inputs_close(struct inputs *in)
{
	while (in->n)
		drop(in, in->n - 1);
	if (in->dir_fd >= 0)
		close(in->dir_fd);
	in->dir_fd = -1;
}
