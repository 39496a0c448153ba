/* atomic_file.c — files written beside and renamed over; see
 * atomic_file.h. */
#include "atomic_file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SUFFIX_LEN 6 /* mkstemp's XXXXXX */

/* The folder path is in, in out (dirname() may write to its argument). */
static void folder_of(const char *path, char *out, size_t size)
{
	char copy[4096];
	snprintf(copy, sizeof copy, "%s", path);
	snprintf(out, size, "%s", dirname(copy));
}

/* fsync of the folder: what makes a rename in it durable. A file system
 * that cannot sync a folder (EINVAL) has nothing more to offer. */
static bool sync_folder(const char *path)
{
	char dir[4096];
	folder_of(path, dir, sizeof dir);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0 || errno == EINVAL;
	int err = errno;
	close(fd);
	errno = err;
	return ok;
}

bool write_all(int fd, const char *data, size_t len)
{
	for (size_t done = 0; done < len;) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		done += (size_t)n;
	}
	return true;
}

bool atomic_file_write(const char *path, const char *data, size_t len, bool durable)
{
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return false;
	bool ok = fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fchmod(fd, 0644) == 0 && write_all(fd, data, len);
	if (ok && durable)
		ok = fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		int err = errno;
		unlink(tmp);
		errno = err;
		return false;
	}
	return !durable || sync_folder(path);
}

/* NAME.XXXXXX, with six of mkstemp's letters and digits. */
static bool is_temporary(const char *entry, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(entry, name, n) != 0 || entry[n] != '.' || strlen(entry + n + 1) != SUFFIX_LEN)
		return false;
	for (const char *p = entry + n + 1; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
}

int atomic_file_clean(const char *path)
{
	char dir[4096], copy[4096];
	folder_of(path, dir, sizeof dir);
	snprintf(copy, sizeof copy, "%s", path);
	const char *name = basename(copy);
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
	if (!d) {
		int err = errno;
		if (dfd >= 0)
			close(dfd);
		errno = err;
		return -1;
	}
	int removed = 0;
	for (struct dirent *e; (e = readdir(d));) {
		struct stat sb;
		/* lstat's view: a link is a link, whatever it points to; unlinkat()
		 * removes a name, never what a link points to */
		if (is_temporary(e->d_name, name) && fstatat(dfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(sb.st_mode) && unlinkat(dfd, e->d_name, 0) == 0)
			removed++;
	}
	closedir(d); /* closes dfd */
	return removed;
}
