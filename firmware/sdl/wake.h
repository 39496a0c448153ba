/* wake.h — the kiosk's wake sources: what can end its one wait (loop.h).
 * The kiosk owns that wait rather than SDL_WaitEventTimeout, which on
 * KMS/DRM does not block at all (SDL 2.26 polls every open input device
 * about 840 times a second there). The sources:
 *
 *   - the signals it answers (SIGHUP reload, SIGTERM/SIGINT stop), through
 *     a signalfd: no signal handler, no thread;
 *   - the content file's folder (watch.h);
 *   - the clock being set (clock.h), and, until it is trusted, being
 *     marked synchronised (clock_trust.h, which owns that descriptor);
 *   - the display connection under X11 or Wayland, or on KMS/DRM the input
 *     devices themselves (inputs.h), so a touch wakes it, and their folder,
 *     so a device plugged in later is seen.
 *
 * wake_open() puts the display and the input devices in the loop itself
 * (their handlers only read and drop: SDL reads its own copy when the loop
 * pumps its events); the signals, the file, the clock and the devices'
 * folder are the run loop's to add, with its handlers, through the
 * descriptors here. Nothing else wakes the process: a static screen costs
 * the watchdog's pings and nothing more. */
#ifndef SIGNPOST_WAKE_H
#define SIGNPOST_WAKE_H

#include "inputs.h"
#include "loop.h"
#include "watch.h"

#include <SDL.h>
#include <signal.h>
#include <stdbool.h>

enum wake_signal {
	WAKE_STOP = 1 << 0,   /* SIGTERM or SIGINT */
	WAKE_RELOAD = 1 << 1, /* SIGHUP */
};

struct wake {
	int sig_fd;          /* signalfd for the blocked signals; -1: none */
	struct watch file;   /* the content file */
	int clock_fd;        /* set-clock timerfd (clock.h); -1: none */
	int display_fd;      /* X11 or Wayland connection; -1: none */
	bool use_inputs;     /* KMS/DRM: the input devices wake it */
	struct inputs inputs;
	bool deaf;           /* a window system that cannot be listened to */
	struct loop *loop;
};

/* The signals in `signals` must be blocked in every thread already (before
 * SDL starts threads). Opens every source for this window's driver and
 * adds the display's and the input devices' to l. */
void wake_open(struct wake *w, struct loop *l, const sigset_t *signals, const char *content_path,
	       SDL_Window *win);

/* After sig_fd polled readable: the wake_signal bits of what arrived. */
unsigned wake_signals(struct wake *w);

/* After inputs.dir_fd polled readable: opens the devices that came and
 * closes those that went, in the loop too. True when the set changed (SDL
 * hears of it from udev a little later). */
bool wake_devices_changed(struct wake *w);

void wake_close(struct wake *w);

#endif
