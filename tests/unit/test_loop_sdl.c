/* test_loop_sdl.c — the run loop's event loop (firmware/sdl/loop.c) with
 * the kiosk's wake sources (wake.c, inputs.c, watch.c): timers fire in
 * order of their due times, once, after one wait rather than a busy loop;
 * each source wakes the loop and runs its own handler, with what it
 * brings, and nothing else does: a change to another file in the content's
 * folder, or a device nobody touched, wakes no handler that cares. Input
 * devices are stood in for by pseudo-terminals (character devices that
 * become readable when written to), linked into a folder the way
 * /dev/input holds event devices. */
#define _GNU_SOURCE
#include "test.h"

#include "inputs.h"
#include "loop.h"
#include "timers.h"
#include "wake.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[256];
static char content[300];

static double ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1000 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static uint64_t clock_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

/* What the handlers saw. */
static struct seen {
	unsigned signals;   /* wake_signal bits */
	int file;           /* the content file changed */
	int other;          /* a wake-up in its folder that was not about it */
	int fired[4];       /* timers, by id */
	char order[8];      /* the ids in the order they fired */
	size_t n_order;
	int devices;        /* the device set changed */
} seen;

static struct wake w;
static struct loop l;

static void on_signals(void *ctx, int fd, uint64_t now)
{
	(void)ctx, (void)fd, (void)now;
	seen.signals |= wake_signals(&w);
}

static void on_file(void *ctx, int fd, uint64_t now)
{
	(void)ctx, (void)fd, (void)now;
	if (watch_read(&w.file))
		seen.file++;
	else
		seen.other++;
}

static void on_folder(void *ctx, int fd, uint64_t now)
{
	(void)ctx, (void)fd, (void)now;
	seen.devices += wake_devices_changed(&w);
}

static void on_timer(void *ctx, uint64_t now)
{
	(void)now;
	int id = (int)(intptr_t)ctx;
	seen.fired[id]++;
	if (seen.n_order < sizeof seen.order - 1)
		seen.order[seen.n_order++] = (char)('0' + id);
}

static void setup(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	memset(&seen, 0, sizeof seen);
	loop_init(&l, clock_ms);
	wake_open(&w, &l, &set, content, NULL);
	loop_source_add(&l, w.sig_fd, "signals", on_signals, NULL);
	loop_source_add(&l, w.file.fd, "content file", on_file, NULL);
	for (int i = 0; i < 4; i++)
		CHECK_INT(loop_timer_add(&l, "t", on_timer, (void *)(intptr_t)i), i);
}

/* One pass as the kiosk's loop makes it: the wait, then what it brought. */
static uint64_t pass(void)
{
	uint64_t now = clock_ms();
	loop_wait(&l, now, false);
	return loop_pass(&l);
}

static void timers_fire_in_order_once_after_one_wait(void)
{
	setup();
	uint64_t t0 = clock_ms();
	loop_timer_set(&l, 2, t0 + 150);
	loop_timer_set(&l, 0, t0 + 60);
	/* timer 1 and 3 stay off */
	unsigned long passes = l.passes;
	uint64_t now = pass();
	CHECK(now >= t0 + 60 && now < t0 + 140);
	CHECK_STR(seen.order, "0");
	CHECK_INT(l.passes - passes, 1); /* one wake-up for it, not a busy loop */
	now = pass();
	CHECK(now >= t0 + 150 && now < t0 + 1000);
	CHECK_STR(seen.order, "02");
	CHECK_INT(l.passes - passes, 2);
	/* fired timers are off until armed again: nothing is due */
	CHECK_INT(timers_wait_ms(l.due, l.n_timers, now), -1);
	/* two due at once both fire in the same pass */
	loop_timer_set(&l, 3, now + 30);
	loop_timer_set(&l, 1, now + 30);
	pass();
	CHECK_STR(seen.order, "0213");
	/* a disarmed timer never fires */
	now = clock_ms();
	loop_timer_set(&l, 1, now + 20);
	loop_timer_set(&l, 1, TIMER_OFF);
	loop_timer_set(&l, 0, now + 80);
	pass();
	CHECK_STR(seen.order, "02130");
	wake_close(&w);
}

static void signals_wake_with_their_reason(void)
{
	setup();
	kill(getpid(), SIGHUP);
	pass();
	CHECK_INT(seen.signals, WAKE_RELOAD);
	seen.signals = 0;
	kill(getpid(), SIGTERM);
	pass();
	CHECK_INT(seen.signals, WAKE_STOP);
	seen.signals = 0;
	kill(getpid(), SIGHUP);
	kill(getpid(), SIGTERM);
	pass();
	CHECK_INT(seen.signals, WAKE_RELOAD | WAKE_STOP);
	wake_close(&w);
}

static void only_the_content_file_counts(void)
{
	setup();
	CHECK(w.file.fd >= 0);
	loop_timer_set(&l, 0, clock_ms() + 2000); /* a bound on each wait */
	/* another file in the same folder: woken, but not about the content */
	char other[300];
	snprintf(other, sizeof other, "%s/notes.txt", dir);
	write_file(other, "x");
	pass();
	CHECK_INT(seen.file, 0);
	CHECK(seen.other >= 1);
	/* the content file, written in place */
	write_file(content, "screens: []\n");
	pass();
	CHECK_INT(seen.file, 1);
	/* written elsewhere and renamed over it, as editors and signpostctl do */
	char tmp[300];
	snprintf(tmp, sizeof tmp, "%s/.content.yaml.new", dir);
	write_file(tmp, "screens: []\n");
	loop_timer_set(&l, 1, clock_ms() + 50);
	pass(); /* the new file's own events: not ours */
	CHECK_INT(seen.file, 1);
	CHECK_INT(rename(tmp, content), 0);
	pass();
	CHECK(seen.file >= 2);
	CHECK_INT(seen.fired[0], 0); /* every wait ended by a source, none by the bound */
	unlink(other);
	wake_close(&w);
}

/* a pseudo-terminal: its secondary side is a character device that reads
 * as a device would (EAGAIN until written to) */
static int pty(char *name, size_t size)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0);
	snprintf(name, size, "%s", ptsname(m));
	return m;
}

static void devices_wake_come_and_go(void)
{
	char devs[300];
	snprintf(devs, sizeof devs, "%s/input", dir);
	mkdir(devs, 0755);
	char a[64], b[64], link_a[400], link_b[400];
	int ma = pty(a, sizeof a), mb = pty(b, sizeof b);
	snprintf(link_a, sizeof link_a, "%s/event0", devs);
	snprintf(link_b, sizeof link_b, "%s/event1", devs);
	CHECK_INT(symlink(a, link_a), 0);
	char not_event[400];
	snprintf(not_event, sizeof not_event, "%s/mouse0", devs);
	CHECK_INT(symlink(b, not_event), 0); /* not an event device: left alone */

	setup();
	/* as wake_open() does on KMS/DRM, with the stand-in folder */
	inputs_open(&w.inputs, devs);
	w.use_inputs = true;
	CHECK(w.inputs.dir_fd >= 0);
	CHECK_INT((int)w.inputs.n, 1);
	wake_devices_changed(&w); /* puts the device in the loop */
	loop_source_add(&l, w.inputs.dir_fd, "input devices' folder", on_folder, NULL);
	size_t sources = l.n_src;
	/* a device that came later: seen through the folder, and in the loop */
	CHECK_INT(symlink(b, link_b), 0);
	pass();
	CHECK_INT(seen.devices, 1);
	CHECK_INT((int)w.inputs.n, 2);
	CHECK_INT(l.n_src, sources + 1);
	/* quiet devices do not wake it: the timer ends the wait */
	loop_timer_set(&l, 0, clock_ms() + 100);
	pass();
	CHECK_INT(seen.fired[0], 1);
	/* "touching" one does, and its copy of the events is read: the next
	 * wait is quiet again rather than a busy loop */
	CHECK_INT((int)write(mb, "tap\n", 4), 4);
	loop_timer_set(&l, 0, clock_ms() + 2000);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pass();
	CHECK(ms_since(&t0) < 1000);
	CHECK_INT(seen.fired[0], 1);
	loop_timer_set(&l, 0, clock_ms() + 100);
	unsigned long before = l.passes;
	pass();
	CHECK_INT(seen.fired[0], 2);
	CHECK_INT((int)(l.passes - before), 1);
	/* a device that went away is closed, and out of the loop */
	unlink(link_a);
	loop_timer_set(&l, 0, clock_ms() + 2000);
	pass();
	CHECK_INT(seen.devices, 2);
	CHECK_INT((int)w.inputs.n, 1);
	CHECK_INT(l.n_src, sources);
	wake_close(&w);
	CHECK_INT(w.inputs.dir_fd, -1);
	unlink(link_b);
	unlink(not_event);
	rmdir(devs);
	close(ma);
	close(mb);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/signpost-wake-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	snprintf(content, sizeof content, "%s/content.yaml", dir);
	write_file(content, "screens: []\n");
	RUN(timers_fire_in_order_once_after_one_wait);
	RUN(signals_wake_with_their_reason);
	RUN(only_the_content_file_counts);
	RUN(devices_wake_come_and_go);
	unlink(content);
	rmdir(dir);
	return TEST_DONE();
}
