/* loop.c — the event loop of sources and timers; see loop.h. */
#include "loop.h"

#include "timers.h"

#include <string.h>

void loop_init(struct loop *l, uint64_t (*clock_ms)(void))
{
	memset(l, 0, sizeof *l);
	l->clock_ms = clock_ms;
}

bool loop_source_add(struct loop *l, int fd, const char *name, loop_source_fn *ready, void *ctx)
{
	if (fd < 0 || l->n_src == LOOP_MAX_SOURCES)
		return false;
	l->fds[l->n_src] = (struct pollfd){ .fd = fd, .events = POLLIN };
	l->src[l->n_src] = (struct loop_source){ name, ready, ctx };
	l->n_src++;
	return true;
}

void loop_source_remove_all(struct loop *l, loop_source_fn *ready, void *ctx)
{
	size_t kept = 0;
	for (size_t i = 0; i < l->n_src; i++) {
		if (l->src[i].ready == ready && l->src[i].ctx == ctx)
			continue;
		l->fds[kept] = l->fds[i];
		l->src[kept] = l->src[i];
		kept++;
	}
	l->n_src = kept;
}

int loop_timer_add(struct loop *l, const char *name, loop_timer_fn *fire, void *ctx)
{
	if (l->n_timers == LOOP_MAX_TIMERS)
		return -1;
	l->timer[l->n_timers] = (struct loop_timer){ name, fire, ctx };
	l->due[l->n_timers] = TIMER_OFF;
	return (int)l->n_timers++;
}

void loop_timer_set(struct loop *l, int id, uint64_t due)
{
	if (id >= 0 && (size_t)id < l->n_timers)
		l->due[id] = due;
}

uint64_t loop_pass(struct loop *l)
{
	uint64_t now = l->clock_ms();
	l->passes++;
	/* a handler may add or remove sources (the input devices' rescan): go
	 * by a copy of what this wait found */
	size_t n = l->n_src;
	struct pollfd ready[LOOP_MAX_SOURCES];
	struct loop_source src[LOOP_MAX_SOURCES];
	memcpy(ready, l->fds, n * sizeof *ready);
	memcpy(src, l->src, n * sizeof *src);
	for (size_t i = 0; i < n; i++) {
		l->fds[i].revents = 0;
		if (ready[i].revents)
			src[i].ready(src[i].ctx, ready[i].fd, now);
	}
	for (size_t i = 0; i < l->n_timers; i++)
		if (l->due[i] <= now) {
			l->due[i] = TIMER_OFF; /* once; fire() re-arms */
			l->timer[i].fire(l->timer[i].ctx, now);
		}
	return now;
}

void loop_wait(struct loop *l, uint64_t now, bool at_once)
{
	int timeout = at_once ? 0 : timers_wait_ms(l->due, l->n_timers, now);
	if (poll(l->fds, l->n_src, timeout) <= 0)
		for (size_t i = 0; i < l->n_src; i++)
			l->fds[i].revents = 0; /* the time came, or a signal (EINTR) */
}
