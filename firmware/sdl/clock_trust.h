/* clock_trust.h — whether the wall clock can be believed, at the edge.
 *
 * A Raspberry Pi (3, 4, Zero 2 W; a 5 without its battery) has no clock
 * that runs while it is off: after a power cut it boots with the time
 * fake-hwclock last saved and keeps it until network time arrives, which
 * in a locked-down waiting room may be late or never. Linux cannot tell a
 * good hardware clock from a stale one, so the time is trusted only when
 *
 *   - the volunteer said that this board keeps time itself:
 *     SIGNPOST_CLOCK=battery in the service's environment (a battery
 *     clock: the Pi 5's with its battery fitted, or an RTC board); or
 *   - it was synchronised to network time since boot: systemd-timesyncd
 *     says so (it touches /run/systemd/timesync/synchronized on each
 *     sync), or the kernel does (adjtimex: STA_UNSYNC clear or the maximum
 *     error under 16 s; the shipped unit's ProtectClock=yes refuses even
 *     that read, so there timesyncd's file is what counts).
 *
 * Once synchronised it stays trusted until the process ends: a clock that
 * was right drifts by a second a day, not by hours. The news comes without
 * polling: inotify on timesyncd's folder (on its parent until the folder
 * exists), which the run loop has as a source until the trust arrives,
 * and the clock-set timerfd (clock.h), after which it looks again.
 *
 * For tests, SIGNPOST_TIMESYNC_DIR names a folder to watch instead of
 * /run/systemd/timesync, and the kernel is then not asked: the test alone
 * decides. Nothing here knows what the schedule is (schedule_run.h). */
#ifndef SIGNPOST_CLOCK_TRUST_H
#define SIGNPOST_CLOCK_TRUST_H

#include <stdbool.h>

#define CLOCK_TRUST_DIR "/run/systemd/timesync" /* systemd-timesyncd's */
#define CLOCK_TRUST_FILE "synchronized"         /* there once it synchronised */

/* Why the time is believed, or not. */
enum clock_basis {
	CLOCK_UNSYNCHRONISED, /* no network time since boot: the hours are not applied */
	CLOCK_SYNCHRONISED,   /* network time since boot */
	CLOCK_BATTERY,        /* SIGNPOST_CLOCK=battery: the volunteer vouches for it */
	CLOCK_BASIS_COUNT_
};

struct clock_trust {
	enum clock_basis basis;
	bool ask_kernel;    /* adjtimex: not under the test hook, nor once refused */
	char dir[1024];     /* timesyncd's folder */
	int fd;             /* inotify, readable when that folder changed; -1: none */
	int wd_dir;         /* the watch on dir; -1 until it exists */
	int wd_parent;      /* the watch on dir's parent meanwhile; -1: none */
};

/* Reads the setting (SIGNPOST_CLOCK: battery, or network, the default)
 * and the test hook, looks once, and, while the time is not trusted,
 * opens fd. A setting it does not know is said once on stderr and taken
 * as the default. */
void clock_trust_open(struct clock_trust *ct);

/* Looks again (the kernel, timesyncd's file); true when the time has just
 * become trusted. */
bool clock_trust_look(struct clock_trust *ct);

/* After fd polled readable: reads its news, watches the folder once it
 * exists, and looks again; true when the time has just become trusted. */
bool clock_trust_read(struct clock_trust *ct);

/* Whether the time can be believed now. */
bool clock_trusted(const struct clock_trust *ct);

/* "unsynchronised", "synchronised", "battery": the status file's clock=. */
const char *clock_trust_name(enum clock_basis b);

/* Closes fd (nothing more to learn once trusted, or at the end); safe
 * to call again. */
void clock_trust_close(struct clock_trust *ct);

#endif
