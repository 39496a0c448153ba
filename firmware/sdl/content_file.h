/* content_file.h — reading the content file: the OS side of the loader.
 *
 * The core (load.h) checks bytes; these open the file, read it once and
 * hand the bytes over. Every problem, reading or content, is appended to
 * diags; a file that cannot be read is LOAD_IO with the reason in words
 * for staff, at line 0. */
#ifndef SIGNPOST_CONTENT_FILE_H
#define SIGNPOST_CONTENT_FILE_H

#include "load.h"
#include "pictures.h"

#include <stddef.h>

/* Reads and checks the file at path and the pictures it names. On LOAD_OK
 * the caller owns *out and frees it with content_free(), and *pics (when
 * not NULL: else the pictures are read, checked and measured, then
 * dropped) with pictures_free(). Diagnostics are appended to diags, sorted
 * by place; the caller clears them. */
enum load_result content_load(const char *path, struct content *out, struct pictures *pics,
			      struct diag_list *diags);

/* content_load_buffer() of src[0..len), then the pictures it names, read
 * from the folder of path: both, or neither (LOAD_INVALID, nothing kept). */
enum load_result content_load_bytes(const char *path, const char *src, size_t len, struct content *out,
				    struct pictures *pics, struct diag_list *diags);

/* Reads the file once, as content_load() does (a regular file, at most one
 * byte over the limit, never blocking on a FIFO), for callers that keep the
 * bytes: the kiosk checks, shows and saves exactly what it read. On LOAD_OK
 * the caller frees *buf. */
enum load_result content_read(const char *path, char **buf, size_t *len, struct diag_list *diags);

#endif
