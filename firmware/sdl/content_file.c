/* content_file.c — the content file from disk; see content_file.h.
 *
 * The one place the content file is opened: a regular file only (a FIFO
 * must not hang the kiosk, a terminal never becomes its controlling one),
 * read once, at most one byte over the limit, so "too big" needs no trust
 * in st_size. The bytes then go to the core's content_load_buffer(), which
 * never touches a file. A reason a file cannot
 * be read is put in words for staff, at line 0. */
#include "content_file.h"

#include "arena.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The reason a file cannot be read, in words for staff. */
static void io_problem(struct diag_list *diags, int err)
{
	switch (err) {
	case ENOENT:
		diag_add(diags, DIAG_ERROR, 0, 0, "the file does not exist; check the folder and the file name");
		break;
	case EACCES:
	case EPERM:
		diag_add(diags, DIAG_ERROR, 0, 0,
			 "no permission to read the file; make it readable, for example with: chmod a+r FILE");
		break;
	case EISDIR:
		diag_add(diags, DIAG_ERROR, 0, 0,
			 "this is a folder, not a file; give the path of the content file itself, like "
			 "/etc/signpost/content.yaml");
		break;
	default:
		diag_add(diags, DIAG_ERROR, 0, 0, "the file cannot be read (%s); check the path and the file",
			 strerror(err));
		break;
	}
}

enum load_result content_read(const char *path, char **buf_out, size_t *len_out, struct diag_list *diags)
{
	*buf_out = NULL;
	*len_out = 0;
	/* O_NONBLOCK: a FIFO must not hang us; O_NOCTTY: a terminal must not
	 * become ours (its hang-up a SIGHUP). Both are refused below anyway. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		io_problem(diags, errno);
		return LOAD_IO;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int err = errno;
		close(fd);
		io_problem(diags, err);
		return LOAD_IO;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		if (S_ISDIR(st.st_mode))
			io_problem(diags, EISDIR);
		else
			diag_add(diags, DIAG_ERROR, 0, 0,
				 "this is not a regular file; give the path of the content file itself");
		return LOAD_IO;
	}

	/* Read one byte more than allowed, so "too big" needs no trust in st_size. */
	size_t want = CONTENT_MAX_FILE_BYTES + 1;
	size_t cap = st.st_size >= 0 && (uintmax_t)st.st_size < want ? (size_t)st.st_size + 1 : want;
	char *buf = xmalloc(cap);
	size_t n = 0;
	int err = 0;
	while (n < want) {
		if (n == cap) {
			cap = cap * 2 < want ? cap * 2 : want;
			buf = xrealloc(buf, cap);
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			err = errno;
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (err) {
		free(buf);
		io_problem(diags, err);
		return LOAD_IO;
	}
	*buf_out = buf;
	*len_out = n;
	return LOAD_OK;
}

enum load_result content_load_bytes(const char *path, const char *src, size_t len, struct content *out,
				    struct pictures *pics, struct diag_list *diags)
{
	struct pictures mine;
	if (!pics)
		pics = &mine;
	memset(pics, 0, sizeof *pics);
	enum load_result r = content_load_buffer(path, src, len, out, diags);
	if (r != LOAD_OK)
		return r;
	bool ok = pictures_read(pics, out, diags);
	if (!ok || pics == &mine)
		pictures_free(pics);
	if (!ok) {
		content_free(out);
		memset(out, 0, sizeof *out);
		diag_sort(diags);
		return LOAD_INVALID;
	}
	return LOAD_OK;
}

enum load_result content_load(const char *path, struct content *out, struct pictures *pics,
			      struct diag_list *diags)
{
	memset(out, 0, sizeof *out);
	if (pics)
		memset(pics, 0, sizeof *pics);
	char *buf;
	size_t n;
	enum load_result r = content_read(path, &buf, &n, diags);
	if (r != LOAD_OK)
		return r;
	r = content_load_bytes(path, buf, n, out, pics, diags);
	free(buf);
	return r;
}
