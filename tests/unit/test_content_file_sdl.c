/* test_content_file_sdl.c — reading the content file (firmware/sdl/
 * content_file.c), the one place the program opens it: what staff are told
 * when the path is wrong (missing, a folder, a FIFO), that a FIFO never
 * hangs the kiosk, that a huge file is read only to one byte over the
 * limit, that the bytes read are the bytes in the file, and that a
 * terminal given as the file never becomes the kiosk's controlling
 * terminal (O_NOCTTY: its hang-up would be a SIGHUP, its keys signals).
 * What the loader makes of the bytes is test_load.c's. */
#define _GNU_SOURCE /* posix_openpt, ptsname */
#include "test.h"

#include "content_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[256];

static const char minimal[] = "kiosk:\n  quick_exit: none\nscreens:\n"
			      "  - id: a\n    title: \"A\"\n    blocks:\n      - text: \"b\"\n";

static bool is_zero(const struct content *c)
{
	static const struct content zero;
	return memcmp(c, &zero, sizeof zero) == 0;
}

static void write_file(const char *path, const char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		CHECK_INT(fwrite(bytes, 1, n, f), n);
		fclose(f);
	}
}

/* content_load() of path is LOAD_IO with one message at line 0 saying why. */
static void refused(const char *path, const char *why)
{
	struct content c;
	struct diag_list d = { 0 };
	CHECK_INT(content_load(path, &c, NULL, &d), LOAD_IO);
	CHECK(is_zero(&c));
	CHECK_INT(d.n, 1);
	if (d.n == 1) {
		CHECK_INT(d.items[0].line, 0);
		CHECK_CONTAINS(d.items[0].message, why);
	}
	diag_clear(&d);

	char *buf = (char *)1;
	size_t len = 1;
	CHECK_INT(content_read(path, &buf, &len, &d), LOAD_IO);
	CHECK(buf == NULL);
	CHECK_INT(len, 0);
	diag_clear(&d);
}

static void test_missing_file_folder_and_fifo(void)
{
	char path[300];
	snprintf(path, sizeof path, "%s/no-such-file.yaml", dir);
	refused(path, "the file does not exist");
	refused(dir, "this is a folder, not a file");
	snprintf(path, sizeof path, "%s/fifo", dir);
	CHECK_INT(mkfifo(path, 0600), 0);
	refused(path, "this is not a regular file"); /* and returns: O_NONBLOCK */
	unlink(path);
}

static void test_bytes_as_in_the_file(void)
{
	char path[300];
	snprintf(path, sizeof path, "%s/content.yaml", dir);
	write_file(path, minimal, sizeof minimal - 1);
	struct diag_list d = { 0 };
	char *buf;
	size_t len;
	CHECK_INT(content_read(path, &buf, &len, &d), LOAD_OK);
	CHECK_INT(len, sizeof minimal - 1);
	CHECK(buf && len == sizeof minimal - 1 && memcmp(buf, minimal, len) == 0);
	free(buf);

	struct content c;
	CHECK_INT(content_load(path, &c, NULL, &d), LOAD_OK);
	CHECK_INT(d.n, 0);
	CHECK_STR(c.path, path);
	CHECK_INT(c.n_screens, 1);
	content_free(&c);

	write_file(path, "", 0);
	CHECK_INT(content_read(path, &buf, &len, &d), LOAD_OK);
	CHECK_INT(len, 0);
	free(buf);
	CHECK_INT(content_load(path, &c, NULL, &d), LOAD_INVALID);
	CHECK_INT(d.n, 1);
	if (d.n == 1)
		CHECK_CONTAINS(d.items[0].message, "the file is empty");
	diag_clear(&d);
	unlink(path);
}

/* A file far over the limit is read to one byte over it, which is enough
 * for the loader to say it is too big. */
static void test_huge_file_read_to_one_byte_over(void)
{
	char path[300];
	snprintf(path, sizeof path, "%s/huge.yaml", dir);
	size_t size = 3 * (size_t)CONTENT_MAX_FILE_BYTES;
	char *bytes = malloc(size);
	memset(bytes, '#', size);
	write_file(path, bytes, size);
	free(bytes);

	struct diag_list d = { 0 };
	char *buf;
	size_t len;
	CHECK_INT(content_read(path, &buf, &len, &d), LOAD_OK);
	CHECK_INT(len, CONTENT_MAX_FILE_BYTES + 1);
	free(buf);

	struct content c;
	CHECK_INT(content_load(path, &c, NULL, &d), LOAD_INVALID);
	CHECK(is_zero(&c));
	CHECK_INT(d.n, 1);
	if (d.n == 1) {
		CHECK_INT(d.items[0].line, 0);
		CHECK_CONTAINS(d.items[0].message, "larger than 1 MiB (1048576 bytes)");
	}
	diag_clear(&d);
	unlink(path);
}

/* A session leader with no controlling terminal (the kiosk under systemd
 * is one) that opens a terminal without O_NOCTTY makes it its own. Here a
 * child becomes such a leader, is given a pseudo-terminal as the content
 * file, and then looks: /dev/tty must still be no terminal of its. */
static void test_terminal_is_never_taken_as_controlling(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0);
	if (m < 0)
		return;
	char name[64];
	snprintf(name, sizeof name, "%s", ptsname(m));
	pid_t pid = fork();
	if (pid == 0) {
		if (setsid() < 0)
			_exit(3);
		struct diag_list d = { 0 };
		char *buf = NULL;
		size_t len = 0;
		if (content_read(name, &buf, &len, &d) != LOAD_IO) /* not a regular file: refused */
			_exit(4);
		int tty = open("/dev/tty", O_RDONLY | O_NOCTTY);
		_exit(tty < 0 && errno == ENXIO ? 0 : 5);
	}
	int st = -1;
	CHECK(pid > 0 && waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st));
	CHECK_INT(WEXITSTATUS(st), 0); /* 5: the terminal became the controlling one */
	close(m);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/signpost-content-file-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_missing_file_folder_and_fifo);
	RUN(test_bytes_as_in_the_file);
	RUN(test_huge_file_read_to_one_byte_over);
	RUN(test_terminal_is_never_taken_as_controlling);
	rmdir(dir);
	return TEST_DONE();
}
