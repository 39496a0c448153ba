/* abspointer.h — absolute pointers mapped to the screen.
 *
 * A touch panel that reports as an absolute pointer rather than a
 * touchscreen (QEMU's usb-tablet and virtio-tablet, some USB touch
 * controllers) arrives as mouse events. SDL 2.26's evdev input (KMS/DRM)
 * takes such a device's raw units (0..32767) for the mouse's x and y, not
 * pixels, and then sometimes clamps them to the window's last pixel: a tap
 * never lands on a button, and the clamped ones have lost where it was.
 * Once an event outside the output or on its last row or column shows
 * this, the position comes from the device itself (EVIOCGABS: its current
 * value and its range) and is scaled to pixels. Under X11, or an SDL that
 * scales them itself, coordinates stay inside and nothing changes.
 * No SDL here: the run loop (run.c) calls it with what SDL delivered. */
#ifndef SIGNPOST_ABSPOINTER_H
#define SIGNPOST_ABSPOINTER_H

#include <stdbool.h>

struct abs_pointer {
	bool raw;   /* SDL was seen giving device units: map from now on */
	int fd;     /* the absolute pointer, read-only, for EVIOCGABS; -1: none */
	int min_x, max_x, min_y, max_y; /* its range */
};

/* Sets p up with no device (fd -1). */
void abs_pointer_init(struct abs_pointer *p);

/* Closes the device, if any; p stays usable. */
void abs_pointer_close(struct abs_pointer *p);

/* v in min..max to a pixel in 0..pixels-1: linear, clamped at both ends;
 * 0 when the range is empty. */
int abs_pointer_scale(int v, int min, int max, int pixels);

/* Whether a mouse event at (x, y) on an output of w x h pixels looks like
 * device units: outside the output, or on its last column or row (where
 * SDL clamps them). */
bool abs_pointer_suspect(int w, int h, int x, int y);

/* Looks through DIR/event* (DIR is /dev/input on a machine) for an
 * absolute pointer: absolute X and Y and a left button, and not a
 * touchscreen (no INPUT_PROP_DIRECT, no BTN_TOUCH: SDL gives those as
 * touch, already scaled). Keeps the first one open in p->fd with its
 * range. Returns whether one was found; devices it cannot open are
 * skipped. */
bool abs_pointer_find(struct abs_pointer *p, const char *dir);

/* The device's current position, scaled to w x h pixels, into *x, *y.
 * False (and the device closed) if it is gone. */
bool abs_pointer_read(struct abs_pointer *p, int w, int h, int *x, int *y);

#endif
