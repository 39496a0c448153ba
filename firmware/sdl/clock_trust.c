/* clock_trust.c — whether the wall clock can be believed; see
 * clock_trust.h. */
#include "clock_trust.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/timex.h>
#include <unistd.h>

#define KERNEL_MAXERROR_LIMIT_US 16000000L /* the kernel's NTP_PHASE_LIMIT: not synchronised */

const char *clock_trust_name(enum clock_basis b)
{
	static const char *const names[] = {
		[CLOCK_UNSYNCHRONISED] = "unsynchronised",
		[CLOCK_SYNCHRONISED] = "synchronised",
		[CLOCK_BATTERY] = "battery",
	};
	_Static_assert(sizeof names / sizeof names[0] == CLOCK_BASIS_COUNT_, "a name for each basis");
	return b < CLOCK_BASIS_COUNT_ ? names[b] : "?";
}

bool clock_trusted(const struct clock_trust *ct)
{
	return ct->basis != CLOCK_UNSYNCHRONISED;
}

/* The kernel's view, as timedatectl's "System clock synchronized": an NTP
 * daemon clears STA_UNSYNC (systemd-timesyncd) or keeps the maximum error
 * small (chrony keeps STA_UNSYNC set unless told to sync the RTC). A read
 * needs no privilege, but a seccomp filter (ProtectClock=yes) may refuse
 * it: then it is not asked again. */
static bool kernel_synchronised(struct clock_trust *ct)
{
	if (!ct->ask_kernel)
		return false;
	struct timex tx;
	memset(&tx, 0, sizeof tx); /* modes 0: read only */
	if (adjtimex(&tx) < 0) {
		ct->ask_kernel = false;
		return false;
	}
	return !(tx.status & STA_UNSYNC) || tx.maxerror < KERNEL_MAXERROR_LIMIT_US;
}

static bool timesyncd_synchronised(const struct clock_trust *ct)
{
	char path[sizeof ct->dir + sizeof CLOCK_TRUST_FILE + 1];
	snprintf(path, sizeof path, "%s/%s", ct->dir, CLOCK_TRUST_FILE);
	struct stat sb;
	return stat(path, &sb) == 0;
}

/* The folder watched if it exists, else its parent for the folder to
 * come (timesyncd makes it when it starts). Nothing at all when neither
 * exists: then only a clock step makes it look again. */
static void rewatch(struct clock_trust *ct)
{
	if (ct->fd < 0 || ct->wd_dir >= 0)
		return;
	ct->wd_dir = inotify_add_watch(ct->fd, ct->dir,
				       IN_CREATE | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR);
	if (ct->wd_dir >= 0) {
		if (ct->wd_parent >= 0)
			inotify_rm_watch(ct->fd, ct->wd_parent);
		ct->wd_parent = -1;
		return;
	}
	if (ct->wd_parent >= 0)
		return;
	char parent[sizeof ct->dir];
	snprintf(parent, sizeof parent, "%s", ct->dir);
	char *slash = strrchr(parent, '/');
	if (!slash)
		snprintf(parent, sizeof parent, ".");
	else if (slash == parent)
		slash[1] = '\0'; /* the root folder */
	else
		*slash = '\0';
	ct->wd_parent = inotify_add_watch(ct->fd, parent, IN_CREATE | IN_MOVED_TO | IN_ONLYDIR);
}

bool clock_trust_look(struct clock_trust *ct)
{
	if (ct->basis != CLOCK_UNSYNCHRONISED)
		return false; /* trusted stays trusted */
	if (kernel_synchronised(ct) || timesyncd_synchronised(ct)) {
		ct->basis = CLOCK_SYNCHRONISED;
		return true;
	}
	return false;
}

void clock_trust_open(struct clock_trust *ct)
{
	memset(ct, 0, sizeof *ct);
	ct->fd = ct->wd_dir = ct->wd_parent = -1;
	const char *setting = getenv("SIGNPOST_CLOCK");
	if (setting && strcmp(setting, "battery") == 0) {
		ct->basis = CLOCK_BATTERY;
		return;
	}
	if (setting && *setting && strcmp(setting, "network") != 0)
		fprintf(stderr, "signpost: warning: SIGNPOST_CLOCK=%s is not a setting signpost knows; "
				"write SIGNPOST_CLOCK=battery if this board has a clock with a battery, else "
				"leave it out (network time)\n",
			setting);
	const char *hook = getenv("SIGNPOST_TIMESYNC_DIR");
	ct->ask_kernel = !(hook && *hook);
	snprintf(ct->dir, sizeof ct->dir, "%s", hook && *hook ? hook : CLOCK_TRUST_DIR);
	ct->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	rewatch(ct); /* before looking: a file made in between is still seen */
	if (clock_trust_look(ct) || (ct->wd_dir < 0 && ct->wd_parent < 0))
		clock_trust_close(ct); /* trusted, or nothing to watch */
}

bool clock_trust_read(struct clock_trust *ct)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;
	while ((n = read(ct->fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
		for (char *p = buf; n > 0 && p < buf + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			if (e->mask & IN_IGNORED) { /* that folder went (or its watch did) */
				if (e->wd == ct->wd_dir)
					ct->wd_dir = -1;
				if (e->wd == ct->wd_parent)
					ct->wd_parent = -1;
			}
			p += sizeof *e + e->len;
		}
	rewatch(ct);
	return clock_trust_look(ct);
}

void clock_trust_close(struct clock_trust *ct)
{
	if (ct->fd >= 0)
		close(ct->fd);
	ct->fd = ct->wd_dir = ct->wd_parent = -1;
}
