/* abspointer.c — absolute pointers mapped to the screen; see abspointer.h.
 * The device look-up reads evdev's capability bits with ioctl(), the way
 * udev's input_id does. The device stays open read-only only for
 * EVIOCGABS: its events are never read here (SDL reads its own). */
#include "abspointer.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/input.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define LONG_BITS ((int)(sizeof(unsigned long) * CHAR_BIT))
#define NLONGS(n) ((n) / LONG_BITS + 1)

static bool has_bit(const unsigned long *bits, int n)
{
	return (bits[n / LONG_BITS] >> (n % LONG_BITS)) & 1UL;
}

void abs_pointer_init(struct abs_pointer *p)
{
	memset(p, 0, sizeof *p);
	p->fd = -1;
}

void abs_pointer_close(struct abs_pointer *p)
{
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
}

int abs_pointer_scale(int v, int min, int max, int pixels)
{
	if (max <= min || pixels <= 0)
		return 0;
	long long p = (long long)(v - (long long)min) * pixels / ((long long)max - min + 1);
	return p < 0 ? 0 : p >= pixels ? pixels - 1 : (int)p;
}

bool abs_pointer_suspect(int w, int h, int x, int y)
{
	return x < 0 || y < 0 || x >= w - 1 || y >= h - 1;
}

/* Whether fd is an absolute pointer; its X and Y ranges into p. */
static bool probe(int fd, struct abs_pointer *p)
{
	unsigned long ev[NLONGS(EV_MAX)] = { 0 }, abs[NLONGS(ABS_MAX)] = { 0 };
	unsigned long key[NLONGS(KEY_MAX)] = { 0 }, prop[NLONGS(INPUT_PROP_MAX)] = { 0 };
	if (ioctl(fd, EVIOCGBIT(0, sizeof ev), ev) < 0 || !has_bit(ev, EV_ABS) || !has_bit(ev, EV_KEY))
		return false;
	if (ioctl(fd, EVIOCGBIT(EV_ABS, sizeof abs), abs) < 0 || !has_bit(abs, ABS_X) ||
	    !has_bit(abs, ABS_Y))
		return false;
	if (ioctl(fd, EVIOCGBIT(EV_KEY, sizeof key), key) < 0 || !has_bit(key, BTN_LEFT) ||
	    has_bit(key, BTN_TOUCH))
		return false;
	if (ioctl(fd, EVIOCGPROP(sizeof prop), prop) >= 0 && has_bit(prop, INPUT_PROP_DIRECT))
		return false;
	struct input_absinfo ax, ay;
	if (ioctl(fd, EVIOCGABS(ABS_X), &ax) < 0 || ioctl(fd, EVIOCGABS(ABS_Y), &ay) < 0 ||
	    ax.maximum <= ax.minimum || ay.maximum <= ay.minimum)
		return false;
	p->min_x = ax.minimum;
	p->max_x = ax.maximum;
	p->min_y = ay.minimum;
	p->max_y = ay.maximum;
	return true;
}

bool abs_pointer_find(struct abs_pointer *p, const char *dir)
{
	abs_pointer_close(p);
	DIR *d = opendir(dir);
	if (!d)
		return false;
	for (struct dirent *e; p->fd < 0 && (e = readdir(d));) {
		if (strncmp(e->d_name, "event", 5) != 0)
			continue;
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
		if (fd < 0)
			continue;
		if (probe(fd, p))
			p->fd = fd;
		else
			close(fd);
	}
	closedir(d);
	return p->fd >= 0;
}

bool abs_pointer_read(struct abs_pointer *p, int w, int h, int *x, int *y)
{
	struct input_absinfo ax, ay;
	if (p->fd < 0 || ioctl(p->fd, EVIOCGABS(ABS_X), &ax) < 0 ||
	    ioctl(p->fd, EVIOCGABS(ABS_Y), &ay) < 0) {
		abs_pointer_close(p);
		return false;
	}
	*x = abs_pointer_scale(ax.value, p->min_x, p->max_x, w);
	*y = abs_pointer_scale(ay.value, p->min_y, p->max_y, h);
	return true;
}
