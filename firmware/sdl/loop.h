/* loop.h — the run loop's event loop, in the shape of Redis's ae.c: a
 * table of sources (a descriptor, what it is for, its handler) and a table
 * of timers (when, its handler). One pass:
 *
 *   now = the clock, read once;
 *   the sources that poll() found ready run their handlers;
 *   the timers due by now run theirs;
 *   (the caller drains SDL's events and draws if something changed);
 *   one poll() over every source, until the nearest timer (timers.h).
 *
 * Adding a wake source or a timer is one call here, never an edit to the
 * wait. A handler gets the pass's time; it may arm, disarm or add timers
 * and sources. Nothing in the loop knows what the kiosk is. */
#ifndef SIGNPOST_LOOP_H
#define SIGNPOST_LOOP_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOOP_MAX_SOURCES 48
#define LOOP_MAX_TIMERS 12

typedef void loop_source_fn(void *ctx, int fd, uint64_t now);
typedef void loop_timer_fn(void *ctx, uint64_t now);

struct loop_source {
	const char *name;     /* what it is for, for --trace and the docs */
	loop_source_fn *ready;
	void *ctx;
};

struct loop_timer {
	const char *name;
	loop_timer_fn *fire;  /* runs once when due; it re-arms if it repeats */
	void *ctx;
};

struct loop {
	struct pollfd fds[LOOP_MAX_SOURCES]; /* fds[i] belongs to src[i] */
	struct loop_source src[LOOP_MAX_SOURCES];
	size_t n_src;
	uint64_t due[LOOP_MAX_TIMERS];       /* TIMER_OFF, or when */
	struct loop_timer timer[LOOP_MAX_TIMERS];
	size_t n_timers;
	uint64_t (*clock_ms)(void);          /* monotonic milliseconds */
	unsigned long passes;                /* how often it woke, for --trace */
};

/* An empty loop reading time from clock_ms. */
void loop_init(struct loop *l, uint64_t (*clock_ms)(void));

/* Adds fd (read readiness) with its handler; false when fd < 0 or the
 * table is full. */
bool loop_source_add(struct loop *l, int fd, const char *name, loop_source_fn *ready, void *ctx);

/* Removes every source whose handler is `ready` and whose ctx is ctx (a
 * module's group of descriptors, such as the input devices). */
void loop_source_remove_all(struct loop *l, loop_source_fn *ready, void *ctx);

/* A new timer, off; returns its id for loop_timer_set(). */
int loop_timer_add(struct loop *l, const char *name, loop_timer_fn *fire, void *ctx);

/* Arms timer id for `due` (monotonic ms), or disarms it with TIMER_OFF. */
void loop_timer_set(struct loop *l, int id, uint64_t due);

/* The start of a pass: reads the clock once, runs the handlers of the
 * sources the last wait found ready, then of the timers due; returns the
 * pass's time. */
uint64_t loop_pass(struct loop *l);

/* The end of a pass: waits for a source or the nearest timer, whichever
 * comes first; `now` is the pass's time, and with `at_once` it does not
 * wait at all (events already queued). */
void loop_wait(struct loop *l, uint64_t now, bool at_once);

#endif
