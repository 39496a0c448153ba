/* test_watch_sdl.c — the content file's watcher (firmware/sdl/watch.c)
 * never stops without a word, in a temporary folder: an inotify queue that
 * overflowed (more events than /proc/sys/fs/inotify/max_queued_events, none
 * of them about the file) counts as "maybe changed"; a folder moved away
 * and a new one put in its place (what a sync tool or `mv new etc/signpost`
 * does) is watched in its place, and the old one no longer; a folder
 * removed is waited for and watched again when it is made again; and
 * through all of it the descriptor the loop polls stays the same. The
 * loop's own tests (test_loop_sdl.c) cover the ordinary changes. */
#include "test.h"

#include "watch.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char top[256];     /* the test's own folder */
static char dir[300];     /* the content's folder, in it */
static char content[400]; /* the content file */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The loop's view: is there something to read within ms? */
static bool readable(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, ms) == 1;
}

/* What the loop would do when woken: read, and say whether to reload. */
static bool changed_within(struct watch *w, int ms)
{
	return readable(w->fd, ms) && watch_read(w);
}

static long max_queued_events(void)
{
	FILE *f = fopen("/proc/sys/fs/inotify/max_queued_events", "r");
	long n = -1;
	if (f) {
		if (fscanf(f, "%ld", &n) != 1)
			n = -1;
		fclose(f);
	}
	return n;
}

static void overflow_is_maybe_changed(void)
{
	struct watch w;
	watch_open(&w, content);
	CHECK(w.fd >= 0);
	long max = max_queued_events();
	CHECK(max > 0);
	if (max <= 0 || max > 1000000) {
		fprintf(stderr, "test_watch_sdl: max_queued_events is %ld; overflow not tried\n", max);
		watch_close(&w);
		return;
	}
	/* other files only: made, written, deleted (three events each) */
	char other[400];
	bool made = true;
	for (long i = 0; i < max / 3 + 100; i++) {
		snprintf(other, sizeof other, "%s/other-%ld", dir, i);
		int fd = open(other, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
		made = made && fd >= 0;
		if (fd >= 0)
			close(fd);
		unlink(other);
	}
	CHECK(made);
	CHECK(changed_within(&w, 1000)); /* none was about it, but events were lost */
	/* quiet again afterwards, and still watching */
	CHECK(!readable(w.fd, 50));
	write_file(other, "x");
	CHECK(readable(w.fd, 1000));
	CHECK(!watch_read(&w)); /* another file: not ours */
	unlink(other);
	CHECK(readable(w.fd, 1000) && !watch_read(&w));
	write_file(content, "screens: []\n");
	CHECK(changed_within(&w, 1000));
	watch_close(&w);
}

static void folder_replaced_is_watched_in_its_place(void)
{
	struct watch w;
	watch_open(&w, content);
	int fd = w.fd;
	char old[400], inside_old[500];
	snprintf(old, sizeof old, "%s.old", dir);
	snprintf(inside_old, sizeof inside_old, "%s/content.yaml", old);
	/* moved away, a new one with the file in its place */
	CHECK_INT(rename(dir, old), 0);
	CHECK_INT(mkdir(dir, 0755), 0);
	write_file(content, "screens: []\n");
	CHECK(changed_within(&w, 1000));
	CHECK_INT(w.fd, fd); /* the loop's descriptor is the same */
	/* the new folder's file is the one watched now */
	write_file(content, "kiosk: {}\n");
	CHECK(changed_within(&w, 1000));
	/* and the old folder no longer wakes it */
	write_file(inside_old, "kiosk: {}\n");
	CHECK(!readable(w.fd, 100) || !watch_read(&w));
	unlink(inside_old);
	rmdir(old);
	/* swapped the other way: the new folder renamed over the place of an
	 * empty one (rename() replaces an empty folder) */
	char fresh[400], inside_fresh[500];
	snprintf(fresh, sizeof fresh, "%s.new", dir);
	snprintf(inside_fresh, sizeof inside_fresh, "%s/content.yaml", fresh);
	CHECK_INT(mkdir(fresh, 0755), 0);
	write_file(inside_fresh, "screens: []\n");
	unlink(content);
	CHECK(changed_within(&w, 1000)); /* the file deleted: ours */
	CHECK_INT(rename(fresh, dir), 0);
	CHECK(changed_within(&w, 1000));
	write_file(content, "screens: []\n");
	CHECK(changed_within(&w, 1000));
	watch_close(&w);
}

static void folder_removed_is_waited_for(void)
{
	struct watch w;
	watch_open(&w, content);
	int fd = w.fd;
	unlink(content);
	CHECK_INT(rmdir(dir), 0);
	CHECK(changed_within(&w, 1000));
	CHECK(w.above_wd >= 0); /* waiting, on the folder above */
	/* another name made above it: not the folder, no reload */
	char other[400];
	snprintf(other, sizeof other, "%s/unrelated", top);
	write_file(other, "x");
	CHECK(!changed_within(&w, 200));
	unlink(other);
	CHECK(!changed_within(&w, 200));
	/* made again: watched again, and a reload to see what it holds */
	CHECK_INT(mkdir(dir, 0755), 0);
	CHECK(changed_within(&w, 1000));
	CHECK_INT(w.above_wd, -1);
	write_file(content, "screens: []\n");
	CHECK(changed_within(&w, 1000));
	CHECK_INT(w.fd, fd);
	/* two levels gone (the folder and the one above it), and back */
	char mid[400], deep[500], deep_content[600];
	snprintf(mid, sizeof mid, "%s/mid", top);
	snprintf(deep, sizeof deep, "%s/signpost", mid);
	snprintf(deep_content, sizeof deep_content, "%s/content.yaml", deep);
	CHECK_INT(mkdir(mid, 0755), 0);
	CHECK_INT(mkdir(deep, 0755), 0);
	write_file(deep_content, "screens: []\n");
	watch_close(&w);
	watch_open(&w, deep_content);
	unlink(deep_content);
	rmdir(deep);
	rmdir(mid);
	CHECK(changed_within(&w, 1000));
	CHECK_INT(mkdir(mid, 0755), 0);
	CHECK(!changed_within(&w, 200)); /* on the way, not there yet */
	CHECK_INT(mkdir(deep, 0755), 0);
	CHECK(changed_within(&w, 1000));
	write_file(deep_content, "screens: []\n");
	CHECK(changed_within(&w, 1000));
	watch_close(&w);
	unlink(deep_content);
	rmdir(deep);
	rmdir(mid);
}

int main(void)
{
	snprintf(top, sizeof top, "/tmp/signpost-watch-XXXXXX");
	if (!mkdtemp(top))
		return 1;
	snprintf(dir, sizeof dir, "%s/signpost", top);
	snprintf(content, sizeof content, "%s/content.yaml", dir);
	mkdir(dir, 0755);
	write_file(content, "screens: []\n");
	RUN(overflow_is_maybe_changed);
	RUN(folder_replaced_is_watched_in_its_place);
	RUN(folder_removed_is_waited_for);
	unlink(content);
	rmdir(dir);
	rmdir(top);
	return TEST_DONE();
}
