/* test_clock_trust_sdl.c — whether the wall clock can be believed
 * (clock_trust.h), through its test hook: a scratch folder stands in for
 * systemd-timesyncd's /run/systemd/timesync, so the kernel is not asked
 * and the test alone decides. The volunteer's setting (battery), the
 * folder made after the start (watched through its parent), the file
 * touched as timesyncd touches it, a folder already marked, and nothing
 * to watch at all. */
#include "test.h"

#include "clock_trust.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[] = "/tmp/signpost-trust-XXXXXX";

/* Whether fd has news within ms milliseconds. */
static bool readable(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return fd >= 0 && poll(&p, 1, ms) == 1;
}

static void touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644); /* as systemd's touch() */
	CHECK(fd >= 0);
	if (fd >= 0)
		close(fd);
}

static void hook(const char *dir)
{
	unsetenv("SIGNPOST_CLOCK");
	setenv("SIGNPOST_TIMESYNC_DIR", dir, 1);
}

static void a_battery_clock_is_trusted_from_the_start(void)
{
	char dir[256];
	snprintf(dir, sizeof dir, "%s/none", scratch);
	hook(dir);
	setenv("SIGNPOST_CLOCK", "battery", 1);
	struct clock_trust ct;
	clock_trust_open(&ct);
	CHECK(clock_trusted(&ct));
	CHECK_INT(ct.basis, CLOCK_BATTERY);
	CHECK_INT(ct.fd, -1); /* nothing to wait for */
	CHECK_STR(clock_trust_name(ct.basis), "battery");
	clock_trust_close(&ct);
}

/* Not synchronised at start, and timesyncd not even started: its folder
 * comes later (watched through the parent), then the file in it. */
static void synchronised_when_timesyncd_marks_it(void)
{
	char dir[256], file[300];
	snprintf(dir, sizeof dir, "%s/timesync", scratch);
	snprintf(file, sizeof file, "%s/synchronized", dir);
	hook(dir);
	struct clock_trust ct;
	clock_trust_open(&ct);
	CHECK(!clock_trusted(&ct));
	CHECK_STR(clock_trust_name(ct.basis), "unsynchronised");
	CHECK(!ct.ask_kernel); /* the hook: the test decides */
	CHECK(ct.fd >= 0);
	CHECK(ct.wd_dir < 0 && ct.wd_parent >= 0);
	CHECK(!readable(ct.fd, 0)); /* quiet until something happens */
	CHECK_INT(mkdir(dir, 0755), 0);
	CHECK(readable(ct.fd, 1000));
	CHECK(!clock_trust_read(&ct)); /* the folder, no file yet */
	CHECK(!clock_trusted(&ct));
	CHECK(ct.wd_dir >= 0 && ct.wd_parent < 0);
	touch(file);
	CHECK(readable(ct.fd, 1000));
	CHECK(clock_trust_read(&ct));
	CHECK(clock_trusted(&ct));
	CHECK_INT(ct.basis, CLOCK_SYNCHRONISED);
	CHECK_STR(clock_trust_name(ct.basis), "synchronised");
	/* since boot: the file going does not take the trust away */
	unlink(file);
	CHECK(!clock_trust_look(&ct));
	CHECK(clock_trusted(&ct));
	clock_trust_close(&ct);
	CHECK_INT(ct.fd, -1);
	clock_trust_close(&ct); /* again: nothing happens */
	rmdir(dir);
}

/* The folder removed while watched (its watch goes), then made again and
 * marked: still seen. */
static void the_folder_can_go_and_come_back(void)
{
	char dir[256], file[300];
	snprintf(dir, sizeof dir, "%s/again", scratch);
	snprintf(file, sizeof file, "%s/synchronized", dir);
	hook(dir);
	CHECK_INT(mkdir(dir, 0755), 0);
	struct clock_trust ct;
	clock_trust_open(&ct);
	CHECK(!clock_trusted(&ct));
	CHECK(ct.wd_dir >= 0);
	CHECK_INT(rmdir(dir), 0);
	CHECK(readable(ct.fd, 1000));
	CHECK(!clock_trust_read(&ct));
	CHECK(ct.wd_dir < 0 && ct.wd_parent >= 0);
	CHECK_INT(mkdir(dir, 0755), 0);
	touch(file);
	bool trusted = false;
	for (int i = 0; i < 4 && !trusted && readable(ct.fd, 1000); i++)
		trusted = clock_trust_read(&ct);
	CHECK(trusted);
	clock_trust_close(&ct);
	unlink(file);
	rmdir(dir);
}

static void already_marked_at_the_start(void)
{
	char dir[256], file[300];
	snprintf(dir, sizeof dir, "%s/marked", scratch);
	snprintf(file, sizeof file, "%s/synchronized", dir);
	CHECK_INT(mkdir(dir, 0755), 0);
	touch(file);
	hook(dir);
	struct clock_trust ct;
	clock_trust_open(&ct);
	CHECK(clock_trusted(&ct));
	CHECK_INT(ct.basis, CLOCK_SYNCHRONISED);
	CHECK_INT(ct.fd, -1); /* nothing more to learn */
	unlink(file);
	rmdir(dir);
}

/* No folder and no parent to watch: untrusted, nothing in the loop (a
 * clock step still makes it look again). A setting it does not know is
 * the default. */
static void nothing_to_watch_and_a_setting_it_does_not_know(void)
{
	char dir[256];
	snprintf(dir, sizeof dir, "%s/no/such/folder", scratch);
	hook(dir);
	setenv("SIGNPOST_CLOCK", "rtc", 1);
	struct clock_trust ct;
	clock_trust_open(&ct); /* says on stderr that 'rtc' is not known */
	CHECK(!clock_trusted(&ct));
	CHECK_INT(ct.fd, -1);
	CHECK(!clock_trust_look(&ct));
	clock_trust_close(&ct);
	setenv("SIGNPOST_CLOCK", "network", 1); /* the default, said aloud */
	clock_trust_open(&ct);
	CHECK(!clock_trusted(&ct));
	clock_trust_close(&ct);
	unsetenv("SIGNPOST_CLOCK");
}

int main(void)
{
	if (!mkdtemp(scratch)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(a_battery_clock_is_trusted_from_the_start);
	RUN(synchronised_when_timesyncd_marks_it);
	RUN(the_folder_can_go_and_come_back);
	RUN(already_marked_at_the_start);
	RUN(nothing_to_watch_and_a_setting_it_does_not_know);
	rmdir(scratch);
	return TEST_DONE();
}
