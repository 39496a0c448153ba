/* clock.c — local time for the schedule; see clock.h. */
#include "clock.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/timerfd.h>
#include <unistd.h>

struct civil_time clock_civil_at(time_t t)
{
	struct tm tm;
	if (!localtime_r(&t, &tm))
		memset(&tm, 0, sizeof tm);
	return (struct civil_time){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
				    tm.tm_hour * 60 + tm.tm_min };
}

time_t clock_epoch_of(const struct civil_time *at)
{
	struct tm tm = { 0 };
	tm.tm_year = at->year - 1900;
	tm.tm_mon = at->month - 1;
	tm.tm_mday = at->day;
	tm.tm_hour = at->minute / 60;
	tm.tm_min = at->minute % 60;
	tm.tm_isdst = -1; /* the time zone knows whether summer time applies then */
	return mktime(&tm);
}

int64_t clock_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A timer that never expires, armed with TFD_TIMER_CANCEL_ON_SET: its read
 * fails with ECANCELED when, and only when, the real-time clock is set. */
static bool arm(int fd)
{
	struct itimerspec far = { .it_value = { .tv_sec = INT32_MAX } };
	return timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &far, NULL) == 0;
}

int clock_watch_open(void)
{
	int fd = timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK);
	if (fd >= 0 && !arm(fd)) {
		close(fd);
		fd = -1;
	}
	return fd;
}

bool clock_watch_read(int fd)
{
	uint64_t n;
	ssize_t r;
	while ((r = read(fd, &n, sizeof n)) < 0 && errno == EINTR)
		;
	if (r < 0 && errno == ECANCELED) {
		arm(fd);
		return true;
	}
	return false;
}
