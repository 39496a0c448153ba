/* atomic_file.c — files written beside and renamed over; see
 * atomic_file.h. */
#define _GNU_SOURCE
#include "atomic_file.h"

#include <dirent.h>
#include <ftw.h>
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

/* ---- folders -------------------------------------------------------------- */

/* A file under the folder dfd, folders on the way made; the file and its
 * folder synced. */
static bool write_entry(int dfd, const struct atomic_entry *e)
{
	char name[4096];
	snprintf(name, sizeof name, "%s", e->name);
	int at = dfd;
	char *s = name;
	bool ok = true;
	for (char *slash; ok && (slash = strchr(s, '/')); s = slash + 1) {
		*slash = '\0';
		if (mkdirat(at, s, 0755) != 0 && errno != EEXIST)
			ok = false;
		int next = ok ? openat(at, s, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
		if (at != dfd)
			close(at);
		at = next;
		ok = at >= 0;
	}
	int fd = ok ? openat(at, s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644) : -1;
	ok = fd >= 0 && write_all(fd, e->data, e->len) && fsync(fd) == 0;
	int err = errno;
	if (fd >= 0)
		close(fd);
	if (ok && at != dfd && fsync(at) != 0 && errno != EINVAL)
		ok = false, err = errno;
	if (at != dfd && at >= 0)
		close(at);
	errno = err;
	return ok;
}

static int remove_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb, (void)type, (void)ftw;
	return remove(path) == 0 ? 0 : -1;
}

/* path and everything under it; links are removed, never followed. */
static bool remove_tree(const char *path)
{
	return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT) == 0;
}

bool atomic_folder_write(const char *path, const struct atomic_entry *files, size_t n)
{
	char tmp[4200], old[4200];
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
	snprintf(old, sizeof old, "%s.old", path);
	if (!mkdtemp(tmp))
		return false;
	chmod(tmp, 0755);
	int dfd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool ok = dfd >= 0;
	for (size_t i = 0; ok && i < n; i++)
		ok = write_entry(dfd, &files[i]);
	if (ok)
		ok = fsync(dfd) == 0 || errno == EINVAL;
	int err = errno;
	if (dfd >= 0)
		close(dfd);
	if (ok && renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_EXCHANGE) == 0) {
		ok = sync_folder(path);
		err = errno;
		remove_tree(tmp); /* the old folder, now under the temporary's name */
	} else if (ok && errno == ENOENT) {
		ok = rename(tmp, path) == 0 && sync_folder(path); /* the first copy */
		err = errno;
	} else if (ok && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP)) {
		/* no exchange here: the old one aside, the new one in, the old
		 * one away; a cut between the first two leaves NAME.old, which
		 * atomic_folder_clean() puts back */
		remove_tree(old);
		ok = rename(path, old) == 0 && rename(tmp, path) == 0 && sync_folder(path);
		err = errno;
		if (ok)
			remove_tree(old);
	} else {
		err = errno;
		ok = false;
	}
	if (!ok)
		remove_tree(tmp);
	errno = err;
	return ok;
}

int atomic_folder_clean(const char *path)
{
	char dir[4096], copy[4096], old[4200];
	folder_of(path, dir, sizeof dir);
	snprintf(copy, sizeof copy, "%s", path);
	snprintf(old, sizeof old, "%s.old", path);
	const char *name = basename(copy);
	int removed = 0;
	struct stat sb;
	if (lstat(old, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		if (lstat(path, &sb) != 0 && errno == ENOENT && rename(old, path) == 0)
			sync_folder(path); /* cut between the two renames: the old copy back */
		else if (remove_tree(old))
			removed++;
	}
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	for (struct dirent *e; (e = readdir(d));) {
		char full[8300];
		snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
		if (is_temporary(e->d_name, name) && lstat(full, &sb) == 0 && S_ISDIR(sb.st_mode) && remove_tree(full))
			removed++;
	}
	closedir(d);
	return removed;
}
