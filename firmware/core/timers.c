/* timers.c — the deadline merge; see timers.h. */
#include "timers.h"

size_t timers_nearest(const uint64_t *due, size_t n)
{
	size_t best = n;
	for (size_t i = 0; i < n; i++)
		if (due[i] != TIMER_OFF && (best == n || due[i] < due[best]))
			best = i;
	return best;
}

int timers_wait_ms(const uint64_t *due, size_t n, uint64_t now)
{
	size_t i = timers_nearest(due, n);
	if (i == n)
		return -1;
	if (due[i] <= now)
		return 0;
	uint64_t left = due[i] - now;
	return left > TIMER_MAX_WAIT_MS ? TIMER_MAX_WAIT_MS : (int)left;
}
