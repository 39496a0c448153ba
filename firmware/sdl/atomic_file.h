/* atomic_file.h — files replaced whole (atomic_file.c): the new bytes go
 * to a temporary beside the file, NAME.XXXXXX (made with O_EXCL, so a link
 * planted there is never followed), which is then renamed over NAME. A
 * reader sees the old file or the new one, never half of either. The
 * status file and the last good copy (ops.c) are written this way; the
 * temporaries a power cut or a kill left between the write and the rename
 * are removed at start. */
#ifndef SIGNPOST_ATOMIC_FILE_H
#define SIGNPOST_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* Replaces path with len bytes of data, mode 0644. durable: the bytes are
 * fsync'ed before the rename and the folder after it, so that once this
 * returns true a power cut leaves the new file under its name (without it
 * the rename itself may not have reached the disk). False with errno set
 * when it failed; the temporary is removed then. */
bool atomic_file_write(const char *path, const char *data, size_t len, bool durable);

/* Writes all of data[0..len) to fd, going on after EINTR and short writes;
 * false on an error (errno says which). */
bool write_all(int fd, const char *data, size_t len);

/* Removes the temporaries atomic_file_write() leaves when it is cut short:
 * regular files in path's folder named exactly NAME.XXXXXX (NAME path's
 * file name, six letters or digits after the dot). Anything else there is
 * left alone, links included (none is followed). Returns how many were
 * removed, or -1 with errno when the folder cannot be read. */
int atomic_file_clean(const char *path);

/* One file of a folder written whole: its name inside the folder (folders
 * on the way are made), and its bytes. */
struct atomic_entry {
	const char *name;
	const void *data;
	size_t len;
};

/* Replaces the folder path with one holding exactly files[0..n): they are
 * written into a new folder beside it, NAME.XXXXXX (each file and folder
 * synced), which then takes path's place in one step (renameat2's
 * RENAME_EXCHANGE; where the file system lacks it, the old folder is moved
 * to NAME.old first, and put back at start if a power cut came between).
 * The folder it replaced is removed. A reader sees the old folder or the
 * new one whole. False with errno when it failed; nothing changed then. */
bool atomic_folder_write(const char *path, const struct atomic_entry *files, size_t n);

/* What atomic_folder_write() leaves when it is cut short: folders named
 * NAME.XXXXXX beside path (removed, with what is in them; no link is
 * followed) and NAME.old (put back when path is missing, else removed).
 * Returns how many were removed, or -1 with errno. */
int atomic_folder_clean(const char *path);

#endif
