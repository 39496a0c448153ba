/* test_atomic_file_sdl.c — files replaced whole (firmware/sdl/atomic_file.c):
 * a durable write syncs the new file, renames it, then syncs the folder, in
 * that order (the kiosk's last good copy must survive a power cut); a plain
 * one (the status file) syncs nothing; a failed one leaves nothing behind;
 * and the clean-up at start removes exactly the temporaries a power cut
 * leaves (NAME.XXXXXX, regular files) and nothing else: not the file, not
 * other names, not a folder, not a link nor what it points to.
 *
 * fsync() and rename() are watched with the linker's --wrap (this test is
 * linked with -Wl,--wrap=fsync,--wrap=rename; see tests/CMakeLists.txt):
 * atomic_file.c's calls come here first, are written down, and go on. */
#include "test.h"

#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int __real_fsync(int fd);
int __real_rename(const char *from, const char *to);
int __wrap_fsync(int fd);
int __wrap_rename(const char *from, const char *to);

/* What atomic_file.c did, in order: "f" fsync of a file, "d" fsync of a
 * folder, "r" a rename. */
static char calls[64];
static ino_t synced_folder;

static void note(char c)
{
	size_t n = strlen(calls);
	if (n + 1 < sizeof calls)
		calls[n] = c, calls[n + 1] = '\0';
}

int __wrap_fsync(int fd)
{
	struct stat sb;
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		note('d');
		synced_folder = sb.st_ino;
	} else {
		note('f');
	}
	return __real_fsync(fd);
}

int __wrap_rename(const char *from, const char *to)
{
	note('r');
	return __real_rename(from, to);
}

static char dir[256];

static void path_in(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", dir, name);
}

static void make_file(const char *name, const char *text)
{
	char p[400];
	path_in(p, sizeof p, name);
	FILE *f = fopen(p, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static bool exists(const char *name)
{
	char p[400];
	struct stat sb;
	path_in(p, sizeof p, name);
	return lstat(p, &sb) == 0;
}

static char *slurp_name(const char *name)
{
	static char buf[256];
	char p[400];
	path_in(p, sizeof p, name);
	FILE *f = fopen(p, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	return buf;
}

/* The names in dir, sorted, space-separated. */
static const char *listing(void)
{
	static char out[1024];
	char cmd[400];
	snprintf(cmd, sizeof cmd, "ls -A '%s' | LC_ALL=C sort | tr '\\n' ' '", dir);
	FILE *p = popen(cmd, "r");
	size_t n = p ? fread(out, 1, sizeof out - 1, p) : 0;
	if (p)
		pclose(p);
	out[n] = '\0';
	return out;
}

static void durable_write_syncs_file_renames_then_syncs_folder(void)
{
	char path[400];
	path_in(path, sizeof path, "last-good.yaml");
	struct stat folder;
	CHECK_INT(stat(dir, &folder), 0);
	calls[0] = '\0';
	synced_folder = 0;
	CHECK(atomic_file_write(path, "screens: []\n", 12, true));
	CHECK_STR(calls, "frd");
	CHECK(synced_folder == folder.st_ino); /* the file's own folder */
	CHECK_STR(slurp_name("last-good.yaml"), "screens: []\n");
	struct stat sb;
	CHECK_INT(stat(path, &sb), 0);
	CHECK_INT(sb.st_mode & 0777, 0644);
	CHECK_STR(listing(), "last-good.yaml "); /* no temporary left */
	/* again, over the old one */
	calls[0] = '\0';
	CHECK(atomic_file_write(path, "kiosk: {}\n", 10, true));
	CHECK_STR(calls, "frd");
	CHECK_STR(slurp_name("last-good.yaml"), "kiosk: {}\n");
	unlink(path);
}

static void plain_write_syncs_nothing(void)
{
	char path[400];
	path_in(path, sizeof path, "status");
	calls[0] = '\0';
	CHECK(atomic_file_write(path, "pid=1\n", 6, false));
	CHECK_STR(calls, "r");
	CHECK_STR(slurp_name("status"), "pid=1\n");
	unlink(path);
}

static void failed_write_leaves_nothing(void)
{
	char path[400];
	path_in(path, sizeof path, "gone/status");
	errno = 0;
	CHECK(!atomic_file_write(path, "pid=1\n", 6, true));
	CHECK_INT(errno, ENOENT);
	/* the rename fails: the temporary is removed, the error kept */
	path_in(path, sizeof path, "a-folder");
	CHECK_INT(mkdir(path, 0755), 0);
	char inside[400];
	path_in(inside, sizeof inside, "a-folder/x");
	make_file("a-folder/x", "x");
	errno = 0;
	CHECK(!atomic_file_write(path, "pid=1\n", 6, false)); /* rename over a folder that is not empty */
	CHECK(errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST);
	CHECK_STR(listing(), "a-folder ");
	unlink(inside);
	rmdir(path);
}

static void clean_removes_only_temporaries(void)
{
	make_file("last-good.yaml", "the copy itself");
	make_file("last-good.yaml.Ab3dE9", "a power cut's");
	make_file("last-good.yaml.000000", "another");
	make_file("last-good.yaml.Ab3dE", "five letters");
	make_file("last-good.yaml.Ab3dE9x", "seven");
	make_file("last-good.yaml.Ab-dE9", "not mkstemp's letters");
	make_file("last-good.yaml.", "no suffix");
	make_file("last-good.yamlXAb3dE9", "no dot");
	make_file("other.yaml.Ab3dE9", "another file's");
	make_file("status.Ab3dE9", "the status file's");
	/* a link with a temporary's name, to a file outside, and one to a folder */
	char outside[300], link_path[400], sub[400], dir_link[400];
	snprintf(outside, sizeof outside, "%s.outside", dir);
	FILE *f = fopen(outside, "w");
	CHECK(f != NULL);
	if (f)
		fclose(f);
	path_in(link_path, sizeof link_path, "last-good.yaml.Lnk123");
	CHECK_INT(symlink(outside, link_path), 0);
	path_in(sub, sizeof sub, "last-good.yaml.Dir123");
	CHECK_INT(mkdir(sub, 0755), 0);
	path_in(dir_link, sizeof dir_link, "last-good.yaml.DLk123");
	CHECK_INT(symlink(sub, dir_link), 0);

	char path[400];
	path_in(path, sizeof path, "last-good.yaml");
	CHECK_INT(atomic_file_clean(path), 2);
	CHECK(!exists("last-good.yaml.Ab3dE9"));
	CHECK(!exists("last-good.yaml.000000"));
	CHECK_STR(listing(), "last-good.yaml last-good.yaml. last-good.yaml.Ab-dE9 last-good.yaml.Ab3dE "
			     "last-good.yaml.Ab3dE9x last-good.yaml.DLk123 last-good.yaml.Dir123 "
			     "last-good.yaml.Lnk123 last-good.yamlXAb3dE9 other.yaml.Ab3dE9 status.Ab3dE9 ");
	CHECK(access(outside, F_OK) == 0); /* what the link points to is untouched */
	CHECK_STR(slurp_name("last-good.yaml"), "the copy itself");
	/* nothing left to do */
	CHECK_INT(atomic_file_clean(path), 0);
	/* a folder that is not there */
	char missing[400];
	path_in(missing, sizeof missing, "gone/last-good.yaml");
	errno = 0;
	CHECK_INT(atomic_file_clean(missing), -1);
	CHECK_INT(errno, ENOENT);

	unlink(outside);
	unlink(dir_link);
	rmdir(sub);
	unlink(link_path);
	const char *names[] = { "last-good.yaml", "last-good.yaml.Ab3dE", "last-good.yaml.Ab3dE9x",
				"last-good.yaml.Ab-dE9", "last-good.yaml.", "last-good.yamlXAb3dE9",
				"other.yaml.Ab3dE9", "status.Ab3dE9" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		path_in(path, sizeof path, names[i]);
		unlink(path);
	}
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/signpost-atomic-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	RUN(durable_write_syncs_file_renames_then_syncs_folder);
	RUN(plain_write_syncs_nothing);
	RUN(failed_write_leaves_nothing);
	RUN(clean_removes_only_temporaries);
	CHECK_STR(listing(), "");
	rmdir(dir);
	return TEST_DONE();
}
