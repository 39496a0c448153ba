/* wake.h — the run loop's one wait. The kiosk owns it rather than
 * SDL_WaitEventTimeout, which on KMS/DRM does not block at all (SDL 2.26
 * polls every open input device about 840 times a second there). One
 * poll() covers everything that can wake the kiosk:
 *
 *   - the signals it answers (SIGHUP reload, SIGTERM/SIGINT stop), through
 *     a signalfd: no signal handler, no thread;
 *   - the content file's folder (watch.h);
 *   - the clock being set (clock.h);
 *   - the display connection under X11 or Wayland, or on KMS/DRM the input
 *     devices themselves (inputs.h), so a touch wakes it;
 *   - and the caller's next deadline (frame, cycle, idle, watchdog,
 *     schedule), as the timeout.
 *
 * After it returns, the caller pumps SDL's events. Nothing else wakes the
 * process: a static screen costs the watchdog's pings and nothing more. */
#ifndef SIGNPOST_WAKE_H
#define SIGNPOST_WAKE_H

#include "inputs.h"
#include "watch.h"

#include <SDL.h>
#include <signal.h>
#include <stdbool.h>

enum wake_reason {
	WAKE_STOP = 1 << 0,    /* SIGTERM or SIGINT */
	WAKE_RELOAD = 1 << 1,  /* SIGHUP */
	WAKE_FILE = 1 << 2,    /* the content file changed */
	WAKE_CLOCK = 1 << 3,   /* the system clock was set */
	WAKE_DEVICES = 1 << 4, /* an input device came or went */
	WAKE_INPUT = 1 << 5,   /* input, or the display connection has news */
};

struct wake {
	int sig_fd;          /* signalfd for the blocked signals; -1: none */
	struct watch file;   /* the content file */
	int clock_fd;        /* -1: none */
	int display_fd;      /* X11 or Wayland connection; -1: none */
	bool use_inputs;     /* KMS/DRM: the input devices wake it */
	struct inputs inputs;
	int max_wait_ms;     /* -1, or a cap when nothing tells of input */
	unsigned long polls; /* how often poll() returned, for --trace */
};

/* The signals in `signals` must be blocked in every thread already (before
 * SDL starts threads). Sets up every source for this window's driver. */
void wake_open(struct wake *w, const sigset_t *signals, const char *content_path, SDL_Window *win);

/* Waits until something in the list happens or timeout_ms pass (-1:
 * forever); returns the wake_reason bits of what happened (0: the time). */
unsigned wake_wait(struct wake *w, int timeout_ms);

void wake_close(struct wake *w);

#endif
