/* test_wake_sdl.c — the run loop's one wait (firmware/sdl/wake.c,
 * inputs.c, watch.c): each thing that may wake the kiosk does, with the
 * reason it brings, and nothing else does: a change to another file in the
 * content's folder, or a device nobody touched, leaves the wait to its
 * timeout. Input devices are stood in for by pseudo-terminals (character
 * devices that become readable when written to), linked into a folder
 * the way /dev/input holds event devices. */
#define _GNU_SOURCE
#include "test.h"

#include "inputs.h"
#include "wake.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
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

static void setup(struct wake *w, sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, set, NULL);
	wake_open(w, set, content, NULL);
}

static void timeout_alone(void)
{
	struct wake w;
	sigset_t set;
	setup(&w, &set);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_INT(wake_wait(&w, 150), 0);
	double ms = ms_since(&t0);
	CHECK(ms >= 149 && ms < 1000);
	CHECK_INT((int)w.polls, 1); /* one wake-up, not a busy loop */
	wake_close(&w);
}

static void signals_wake_with_their_reason(void)
{
	struct wake w;
	sigset_t set;
	setup(&w, &set);
	kill(getpid(), SIGHUP);
	CHECK_INT(wake_wait(&w, 2000), WAKE_RELOAD);
	kill(getpid(), SIGTERM);
	CHECK_INT(wake_wait(&w, 2000), WAKE_STOP);
	kill(getpid(), SIGHUP);
	kill(getpid(), SIGTERM);
	CHECK_INT(wake_wait(&w, 2000), WAKE_RELOAD | WAKE_STOP);
	wake_close(&w);
}

static void only_the_content_file_counts(void)
{
	struct wake w;
	sigset_t set;
	setup(&w, &set);
	CHECK(w.file.fd >= 0);
	/* another file in the same folder: woken inside, but the wait goes on
	 * to its timeout and says nothing happened */
	char other[300];
	snprintf(other, sizeof other, "%s/notes.txt", dir);
	write_file(other, "x");
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_INT(wake_wait(&w, 200), 0);
	CHECK(ms_since(&t0) >= 199);
	CHECK(w.polls >= 2);
	/* the content file, written in place */
	write_file(content, "screens: []\n");
	CHECK_INT(wake_wait(&w, 2000), WAKE_FILE);
	/* written elsewhere and renamed over it, as editors and signpostctl do */
	char tmp[300];
	snprintf(tmp, sizeof tmp, "%s/.content.yaml.new", dir);
	write_file(tmp, "screens: []\n");
	wake_wait(&w, 50); /* the new file's own events: not ours */
	CHECK_INT(rename(tmp, content), 0);
	CHECK_INT(wake_wait(&w, 2000), WAKE_FILE);
	unlink(other);
	wake_wait(&w, 20);
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

	struct inputs in;
	inputs_open(&in, devs);
	CHECK(in.dir_fd >= 0);
	CHECK_INT((int)in.n, 1);
	/* a device that came later: seen through the folder */
	CHECK_INT(symlink(b, link_b), 0);
	struct wake w;
	sigset_t set;
	setup(&w, &set);
	wake_close(&w);
	w.inputs = in;
	w.use_inputs = true;
	CHECK_INT(wake_wait(&w, 2000), WAKE_DEVICES);
	CHECK_INT((int)w.inputs.n, 2);
	/* quiet devices do not wake it */
	CHECK_INT(wake_wait(&w, 100), 0);
	/* "touching" one does, and its copy of the events is read: the next
	 * wait is quiet again rather than a busy loop */
	CHECK_INT((int)write(mb, "tap\n", 4), 4);
	CHECK_INT(wake_wait(&w, 2000), WAKE_INPUT);
	unsigned long before = w.polls;
	CHECK_INT(wake_wait(&w, 100), 0);
	CHECK_INT((int)(w.polls - before), 1);
	/* a device that went away is closed */
	unlink(link_a);
	CHECK_INT(wake_wait(&w, 2000), WAKE_DEVICES);
	CHECK_INT((int)w.inputs.n, 1);
	inputs_close(&w.inputs);
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
	RUN(timeout_alone);
	RUN(signals_wake_with_their_reason);
	RUN(only_the_content_file_counts);
	RUN(devices_wake_come_and_go);
	unlink(content);
	rmdir(dir);
	return TEST_DONE();
}
