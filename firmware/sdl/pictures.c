/* pictures.c — reading, checking and decoding the content's pictures; see
 * pictures.h. */
#define _GNU_SOURCE
#include "pictures.h"

#include "pictogram.h"
#include "sha256.h"

#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <fcntl.h>
#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- headers -------------------------------------------------------------- */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned get16(const unsigned char *p, bool le)
{
	return le ? (unsigned)p[1] << 8 | p[0] : be16(p);
}

static uint32_t get32(const unsigned char *p, bool le)
{
	return le ? (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0] : be32(p);
}

/* The orientation tag of an EXIF block (after "Exif\0\0"): 1..8, 1 when
 * absent or unreadable. Every offset is checked against n. */
static int exif_orientation(const unsigned char *p, size_t n)
{
	if (n < 8)
		return 1;
	bool le = p[0] == 'I' && p[1] == 'I';
	if (!le && !(p[0] == 'M' && p[1] == 'M'))
		return 1;
	if (get16(p + 2, le) != 42)
		return 1;
	uint32_t ifd = get32(p + 4, le);
	if (ifd > n - 2)
		return 1;
	unsigned count = get16(p + ifd, le);
	for (unsigned i = 0; i < count; i++) {
		size_t e = (size_t)ifd + 2 + (size_t)i * 12;
		if (e + 12 > n)
			break;
		if (get16(p + e, le) == 0x0112) {
			unsigned v = get16(p + e + 8, le);
			return get16(p + e + 2, le) == 3 && v >= 1 && v <= 8 ? (int)v : 1;
		}
	}
	return 1;
}

static bool probe_png(const unsigned char *d, size_t n, struct picture_bytes *out, char *err, size_t cap)
{
	if (n < 33 || be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0) {
		snprintf(err, cap, "it is cut short or damaged (a PNG without its header)");
		return false;
	}
	out->stored_w = (int)(be32(d + 16) > 0x7fffffff ? 0 : be32(d + 16));
	out->stored_h = (int)(be32(d + 20) > 0x7fffffff ? 0 : be32(d + 20));
	bool interlaced = d[28] != 0;
	/* an animated PNG says so before its first frame's data; and a chunk
	 * before it may not claim more bytes than the file has: libpng
	 * allocates a text chunk's claimed length before it reads it (a
	 * 57-byte file claiming 1.9 GB, found by the fuzz target) */
	for (size_t at = 8; at + 8 <= n;) {
		uint32_t len = be32(d + at);
		if (memcmp(d + at + 4, "IDAT", 4) == 0)
			break;
		if (memcmp(d + at + 4, "acTL", 4) == 0) {
			snprintf(err, cap, "it is an animated PNG; the kiosk shows still pictures only, so save "
					   "one frame of it as a PNG");
			return false;
		}
		if (len > n - at - 8 || n - at - 8 - len < 4) {
			snprintf(err, cap, "it is damaged or cut short (a part of it claims %lu bytes, more than the "
					   "file has); save or export it again",
				 (unsigned long)len);
			return false;
		}
		at += 12 + (size_t)len;
	}
	if (interlaced && (uint64_t)out->stored_w * (uint64_t)out->stored_h > PICTURE_INTERLACED_MAX_PIXELS) {
		snprintf(err, cap, "it is an interlaced PNG of %d x %d pixels, which would have to be read whole; "
				   "save it again without interlacing (\"progressive\" off), or smaller",
			 out->stored_w, out->stored_h);
		return false;
	}
	out->format = PICTURE_PNG;
	return true;
}

static bool probe_jpeg(const unsigned char *d, size_t n, struct picture_bytes *out, char *err, size_t cap)
{
	out->orientation = 1;
	size_t at = 2;
	while (at + 4 <= n) {
		if (d[at] != 0xFF) {
			snprintf(err, cap, "it is damaged (its JPEG markers are broken)");
			return false;
		}
		unsigned marker = d[at + 1];
		if (marker == 0xFF) {
			at++; /* fill byte */
			continue;
		}
		unsigned len = be16(d + at + 2);
		if (len < 2 || at + 2 + len > n)
			break;
		const unsigned char *seg = d + at + 4;
		size_t seg_n = len - 2;
		if (marker == 0xE1 && seg_n > 6 && memcmp(seg, "Exif\0\0", 6) == 0)
			out->orientation = exif_orientation(seg + 6, seg_n - 6);
		/* SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC) */
		if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
			if (seg_n < 6)
				break;
			out->stored_h = (int)be16(seg + 1);
			out->stored_w = (int)be16(seg + 3);
			if (seg[5] == 4) {
				snprintf(err, cap, "it is a CMYK JPEG (made for printing), which screens do not show "
						   "as meant; save it as RGB (sRGB) JPEG or PNG");
				return false;
			}
			out->format = PICTURE_JPEG;
			return true;
		}
		if (marker == 0xDA)
			break; /* image data before any size */
		at += 2 + len;
	}
	snprintf(err, cap, "it is cut short or damaged (a JPEG without its size)");
	return false;
}

bool pictures_probe(const unsigned char *data, size_t len, struct picture_bytes *out, char *err, size_t cap)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	out->orientation = 1;
	bool ok;
	if (len >= 8 && memcmp(data, png_sig, 8) == 0)
		ok = probe_png(data, len, out, err, cap);
	else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
		ok = probe_jpeg(data, len, out, err, cap);
	else {
		snprintf(err, cap, "it is not a PNG or JPEG picture (whatever its name says); save it as PNG or "
				   "JPEG");
		return false;
	}
	if (!ok)
		return false;
	if (out->stored_w <= 0 || out->stored_h <= 0) {
		snprintf(err, cap, "it says it has no pixels; it is damaged");
		return false;
	}
	uint64_t px = (uint64_t)out->stored_w * (uint64_t)out->stored_h;
	uint64_t most = out->format == PICTURE_PNG ? PICTURE_MAX_PNG_PIXELS : PICTURE_MAX_PIXELS;
	if (out->stored_w > PICTURE_MAX_SIDE || out->stored_h > PICTURE_MAX_SIDE || px > most) {
		snprintf(err, cap, "it says it is %d x %d pixels, more than a kiosk shows (a %s of at most %d "
				   "million pixels, %d a side); make it smaller: 2000 pixels across is plenty",
			 out->stored_w, out->stored_h, out->format == PICTURE_PNG ? "PNG" : "JPEG",
			 (int)(most / 1000000), PICTURE_MAX_SIDE);
		return false;
	}
	return true;
}

/* ---- reading -------------------------------------------------------------- */

/* The folder of path, opened (".", for a name without one). */
static int open_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	char dir[4096];
	size_t n = (size_t)(slash - path);
	if (n == 0)
		n = 1; /* "/content.yaml" */
	if (n >= sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(dir, path, n);
	dir[n] = '\0';
	return open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* name (checked by the loader: relative, no "..") opened under folder one
 * part at a time, never through a link. */
static int open_beneath(int folder, const char *name)
{
	char part[256];
	int at = folder;
	for (const char *s = name;;) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n >= sizeof part) {
			errno = ENAMETOOLONG;
			break;
		}
		memcpy(part, s, n);
		part[n] = '\0';
		int fd = openat(at, part,
				(e ? O_DIRECTORY : O_NONBLOCK | O_NOCTTY) | O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (at != folder)
			close(at);
		if (fd < 0 || !e)
			return fd;
		at = fd;
		s = e + 1;
	}
	if (at != folder)
		close(at);
	return -1;
}

static bool read_file(int folder, const char *name, struct picture_bytes *out, char *err, size_t cap)
{
	int fd = open_beneath(folder, name);
	if (fd < 0) {
		if (errno == ELOOP || errno == ENOTDIR)
			snprintf(err, cap, "it is a link (or a folder on its way is); copy the picture itself into "
					   "the content file's folder");
		else if (errno == ENOENT)
			snprintf(err, cap, "there is no such file next to the content file; copy the picture there, "
					   "or correct the name (capitals count)");
		else
			snprintf(err, cap, "it cannot be read (%s)", strerror(errno));
		return false;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, cap, "it is not a regular file; name a picture file");
		close(fd);
		return false;
	}
	if (st.st_size > PICTURE_MAX_BYTES) {
		snprintf(err, cap, "the file is %lld bytes, more than the %d MB (%d bytes) a picture may be; save "
				   "it smaller (2000 pixels across is plenty for a screen)",
			 (long long)st.st_size, PICTURE_MAX_BYTES >> 20, PICTURE_MAX_BYTES);
		close(fd);
		return false;
	}
	/* read once, at most one byte past the limit, whatever it grows to */
	size_t cap_b = (size_t)st.st_size + 1, n = 0;
	unsigned char *buf = malloc(cap_b);
	if (!buf)
		abort();
	for (;;) {
		ssize_t r = read(fd, buf + n, cap_b - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
		if (n == cap_b) {
			if (cap_b > PICTURE_MAX_BYTES)
				break;
			cap_b = cap_b * 2 > PICTURE_MAX_BYTES + 1 ? PICTURE_MAX_BYTES + 1 : cap_b * 2;
			buf = realloc(buf, cap_b);
			if (!buf)
				abort();
		}
	}
	close(fd);
	if (n > PICTURE_MAX_BYTES) {
		snprintf(err, cap, "the file grew past the %d MB a picture may be while it was read",
			 PICTURE_MAX_BYTES >> 20);
		free(buf);
		return false;
	}
	out->data = buf;
	out->len = n;
	out->owned = true;
	return true;
}

bool pictures_read(struct pictures *ps, struct content *c, struct diag_list *d)
{
	memset(ps, 0, sizeof *ps);
	if (c->n_pictures == 0)
		return true;
	ps->p = calloc(c->n_pictures, sizeof *ps->p);
	if (!ps->p)
		abort();
	ps->n = c->n_pictures;
	int folder = -1;
	bool ok = true;
	for (size_t i = 0; i < c->n_pictures; i++) {
		struct picture *pic = c->pictures[i];
		struct picture_bytes *pb = &ps->p[i];
		char err[400];
		if (pic->pictogram >= 0) {
			size_t len;
			const char *svg = pictogram_svg(pic->pictogram, &len);
			pb->data = (unsigned char *)svg;
			pb->len = len;
			pb->format = PICTURE_SVG;
			pb->stored_w = pb->stored_h = 1; /* drawn square, at any size */
			pb->orientation = 1;
		} else {
			if (folder < 0)
				folder = open_folder(c->path);
			bool read = folder >= 0 ? read_file(folder, pic->file, pb, err, sizeof err)
						: (snprintf(err, sizeof err, "the content file's folder cannot be opened (%s)",
							    strerror(errno)),
						   false);
			if (read && !pictures_probe(pb->data, pb->len, pb, err, sizeof err))
				read = false;
			if (!read) {
				diag_add(d, DIAG_ERROR, pic->file_at.line, pic->file_at.col, "the picture '%s': %s",
					 pic->file, err);
				ok = false;
				continue;
			}
		}
		sha256(pb->data, pb->len, pb->sha256);
		bool turned = pb->orientation >= 5;
		pic->w = turned ? pb->stored_h : pb->stored_w;
		pic->h = turned ? pb->stored_w : pb->stored_h;
	}
	if (folder >= 0)
		close(folder);
	return ok;
}

void pictures_free(struct pictures *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->p[i].owned)
			free(ps->p[i].data);
	free(ps->p);
	memset(ps, 0, sizeof *ps);
}

/* ---- shrinking rows as they come ------------------------------------------ */

/* A box filter from W x H rows of RGBA straight down to tw x th (tw <= W,
 * th <= H): each output pixel the average of the input pixels that fall in
 * it, weighted by their alpha, so a transparent edge adds no dark fringe. */
struct shrink {
	int W, H, tw, th;
	uint64_t *acc; /* per output column: r*a, g*a, b*a, a, count */
	uint32_t *col; /* each input column's output column, times 5 */
	int y_in, y_out;
	SDL_Surface *out;
};

static bool shrink_init(struct shrink *s, int W, int H, int tw, int th)
{
	memset(s, 0, sizeof *s);
	s->W = W, s->H = H, s->tw = tw, s->th = th;
	s->acc = calloc((size_t)tw * 5, sizeof *s->acc);
	s->col = malloc((size_t)W * sizeof *s->col);
	s->out = SDL_CreateRGBSurfaceWithFormat(0, tw, th, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!s->acc || !s->col || !s->out)
		return false;
	for (int x = 0; x < W; x++)
		s->col[x] = (uint32_t)((int64_t)x * tw / W) * 5;
	return true;
}

static void shrink_emit(struct shrink *s)
{
	Uint32 *row = (Uint32 *)((Uint8 *)s->out->pixels + (size_t)s->y_out * (size_t)s->out->pitch);
	for (int x = 0; x < s->tw; x++) {
		uint64_t *a = &s->acc[(size_t)x * 5];
		Uint32 px = 0;
		if (a[4] > 0 && a[3] > 0) {
			Uint32 r = (Uint32)(a[0] / a[3]), g = (Uint32)(a[1] / a[3]), b = (Uint32)(a[2] / a[3]);
			Uint32 al = (Uint32)(a[3] / a[4]);
			px = al << 24 | r << 16 | g << 8 | b;
		}
		row[x] = px;
		memset(a, 0, 5 * sizeof *a);
	}
}

/* One input row of W RGBA pixels (or RGB when bpp is 3). */
static void shrink_row(struct shrink *s, const unsigned char *in, int bpp)
{
	int oy = (int)((int64_t)s->y_in * s->th / s->H);
	if (oy != s->y_out) {
		shrink_emit(s);
		s->y_out = oy;
	}
	if (bpp == 3) {
		for (int x = 0; x < s->W; x++) {
			const unsigned char *p = in + (size_t)x * 3;
			uint64_t *a = &s->acc[s->col[x]];
			a[0] += p[0] * 255u;
			a[1] += p[1] * 255u;
			a[2] += p[2] * 255u;
			a[3] += 255;
			a[4] += 1;
		}
	} else {
		for (int x = 0; x < s->W; x++) {
			const unsigned char *p = in + (size_t)x * 4;
			unsigned al = p[3];
			uint64_t *a = &s->acc[s->col[x]];
			a[0] += p[0] * al;
			a[1] += p[1] * al;
			a[2] += p[2] * al;
			a[3] += al;
			a[4] += 1;
		}
	}
	if (++s->y_in == s->H)
		shrink_emit(s);
}

static void shrink_free(struct shrink *s)
{
	free(s->acc);
	free(s->col);
	if (s->out)
		SDL_FreeSurface(s->out);
	memset(s, 0, sizeof *s);
}

/* ---- PNG ------------------------------------------------------------------ */

struct png_job {
	const unsigned char *data;
	size_t len, off;
	char *err;
	size_t cap;
	unsigned char *row, *whole;
	png_bytep *rows;
	struct shrink sh;
};

static void png_fail(png_structp png, png_const_charp msg)
{
	struct png_job *j = png_get_error_ptr(png);
	snprintf(j->err, j->cap, "it is damaged or cut short (%s)", msg);
	png_longjmp(png, 1);
}

static void png_quiet(png_structp png, png_const_charp msg)
{
	(void)png, (void)msg;
}

static void png_from_memory(png_structp png, png_bytep out, size_t n)
{
	struct png_job *j = png_get_io_ptr(png);
	if (n > j->len - j->off)
		png_error(png, "the file ends too early");
	memcpy(out, j->data + j->off, n);
	j->off += n;
}

static SDL_Surface *decode_png(const struct picture_bytes *pb, int tw, int th, char *err, size_t cap)
{
	/* on the heap: what changes between setjmp() and a longjmp() must not
	 * live in the function's own variables */
	struct png_job *jp = calloc(1, sizeof *jp);
	if (!jp)
		abort();
	*jp = (struct png_job){ .data = pb->data, .len = pb->len, .err = err, .cap = cap };
#define j (*jp)
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, jp, png_fail, png_quiet);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	SDL_Surface *volatile result = NULL;
	if (!info) {
		snprintf(err, cap, "out of memory");
		png_destroy_read_struct(&png, NULL, NULL);
		free(jp);
		return NULL;
	}
	if (setjmp(png_jmpbuf(png)))
		goto done;
	png_set_read_fn(png, jp, png_from_memory);
	png_set_user_limits(png, PICTURE_MAX_SIDE, PICTURE_MAX_SIDE);
	png_set_chunk_malloc_max(png, 4 << 20);
	png_read_info(png, info);
	int W = (int)png_get_image_width(png, info), H = (int)png_get_image_height(png, info);
	if (W != pb->stored_w || H != pb->stored_h)
		png_error(png, "its size changed");
	png_set_expand(png);    /* palette, grey under 8 bits, tRNS: RGBA */
	png_set_strip_16(png);  /* 16 bits a channel: 8 */
	png_set_gray_to_rgb(png);
	png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
	int passes = png_set_interlace_handling(png);
	png_read_update_info(png, info);
	if (png_get_rowbytes(png, info) != (size_t)W * 4)
		png_error(png, "an unexpected pixel format");
	if (!shrink_init(&j.sh, W, H, tw < W ? tw : W, th < H ? th : H))
		png_error(png, "out of memory");
	if (passes == 1) {
		j.row = malloc((size_t)W * 4);
		if (!j.row)
			png_error(png, "out of memory");
		for (int y = 0; y < H; y++) {
			png_read_row(png, j.row, NULL);
			shrink_row(&j.sh, j.row, 4);
		}
	} else {
		/* interlaced: whole, within PICTURE_INTERLACED_MAX_PIXELS (probed) */
		j.whole = malloc((size_t)W * (size_t)H * 4);
		j.rows = malloc((size_t)H * sizeof *j.rows);
		if (!j.whole || !j.rows)
			png_error(png, "out of memory");
		for (int y = 0; y < H; y++)
			j.rows[y] = j.whole + (size_t)y * (size_t)W * 4;
		png_read_image(png, j.rows);
		for (int y = 0; y < H; y++)
			shrink_row(&j.sh, j.rows[y], 4);
	}
	result = j.sh.out;
	j.sh.out = NULL;
done:
	free(j.row);
	free(j.whole);
	free(j.rows);
	shrink_free(&j.sh);
	png_destroy_read_struct(&png, &info, NULL);
	free(jp);
	return result;
#undef j
}

/* ---- JPEG ----------------------------------------------------------------- */

struct jpeg_fail {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
	char msg[JMSG_LENGTH_MAX];
};

static void jpeg_exit(j_common_ptr ci)
{
	struct jpeg_fail *f = (struct jpeg_fail *)(void *)ci->err;
	ci->err->format_message(ci, f->msg);
	longjmp(f->jump, 1);
}

static void jpeg_quiet(j_common_ptr ci, int level)
{
	if (level < 0)
		ci->err->num_warnings++; /* counted: a damaged file is refused */
}

/* on the heap: what changes between setjmp() and a longjmp() must not
 * live in the function's own variables */
struct jpeg_job {
	struct jpeg_decompress_struct ci;
	struct jpeg_fail fail;
	unsigned char *row;
	struct shrink sh;
};

static SDL_Surface *decode_jpeg(const struct picture_bytes *pb, int tw, int th, char *err, size_t cap)
{
	struct jpeg_job *j = calloc(1, sizeof *j);
	if (!j)
		abort();
	struct jpeg_decompress_struct *ci = &j->ci;
	ci->err = jpeg_std_error(&j->fail.mgr);
	j->fail.mgr.error_exit = jpeg_exit;
	j->fail.mgr.emit_message = jpeg_quiet;
	SDL_Surface *volatile result = NULL;
	if (setjmp(j->fail.jump)) {
		snprintf(err, cap, "it is damaged or cut short (%s)", j->fail.msg);
		goto done;
	}
	jpeg_create_decompress(ci);
	ci->mem->max_memory_to_use = 64L << 20;
	jpeg_mem_src(ci, pb->data, (unsigned long)pb->len);
	jpeg_read_header(ci, TRUE);
	if ((int)ci->image_width != pb->stored_w || (int)ci->image_height != pb->stored_h) {
		snprintf(j->fail.msg, sizeof j->fail.msg, "its size changed");
		longjmp(j->fail.jump, 1);
	}
	ci->out_color_space = JCS_RGB;
	/* the DCT scaled down as far as it goes without going under the box */
	ci->scale_num = 1;
	ci->scale_denom = 1;
	for (unsigned d = 8; d > 1; d /= 2)
		if ((ci->image_width + d - 1) / d >= (unsigned)tw && (ci->image_height + d - 1) / d >= (unsigned)th) {
			ci->scale_denom = d;
			break;
		}
	jpeg_start_decompress(ci);
	int W = (int)ci->output_width, H = (int)ci->output_height;
	if (ci->output_components != 3 || !shrink_init(&j->sh, W, H, tw < W ? tw : W, th < H ? th : H)) {
		snprintf(j->fail.msg, sizeof j->fail.msg, "an unexpected colour format");
		longjmp(j->fail.jump, 1);
	}
	j->row = malloc((size_t)W * 3);
	if (!j->row)
		abort();
	while (ci->output_scanline < ci->output_height) {
		JSAMPROW rows[1] = { j->row };
		if (jpeg_read_scanlines(ci, rows, 1) != 1)
			break;
		shrink_row(&j->sh, j->row, 3);
	}
	if (j->fail.mgr.num_warnings > 0 || j->sh.y_in != H) {
		snprintf(j->fail.msg, sizeof j->fail.msg, "its data ends early or has errors");
		longjmp(j->fail.jump, 1);
	}
	result = j->sh.out;
	j->sh.out = NULL;
done:
	free(j->row);
	shrink_free(&j->sh);
	jpeg_destroy_decompress(ci);
	free(j);
	return result;
}

/* ---- orientation, size, pictograms --------------------------------------- */

/* s turned as EXIF orientation o says (2..8), into a new surface. */
static SDL_Surface *orient(SDL_Surface *s, int o)
{
	bool swap = o >= 5;
	int W = s->w, H = s->h, w = swap ? H : W, h = swap ? W : H;
	SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!d)
		return NULL;
	for (int y = 0; y < H; y++) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
		for (int x = 0; x < W; x++) {
			int dx, dy;
			switch (o) {
			case 2: dx = W - 1 - x, dy = y; break;
			case 3: dx = W - 1 - x, dy = H - 1 - y; break;
			case 4: dx = x, dy = H - 1 - y; break;
			case 5: dx = y, dy = x; break;
			case 6: dx = H - 1 - y, dy = x; break;
			case 7: dx = H - 1 - y, dy = W - 1 - x; break;
			default: dx = y, dy = W - 1 - x; break; /* 8 */
			}
			((Uint32 *)((Uint8 *)d->pixels + (size_t)dy * (size_t)d->pitch))[dx] = row[x];
		}
	}
	return d;
}

/* s at exactly w x h: itself, or stretched (bilinear) when it came out
 * smaller than its box (a picture with fewer pixels than the box). */
static SDL_Surface *to_size(SDL_Surface *s, int w, int h)
{
	if (!s || (s->w == w && s->h == h))
		return s;
	SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (d && SDL_SoftStretchLinear(s, NULL, d, NULL) != 0) {
		SDL_FreeSurface(d);
		d = NULL;
	}
	SDL_FreeSurface(s);
	return d;
}

SDL_Surface *pictures_draw_svg(const char *svg, size_t len, int w, int h, char *err, size_t cap)
{
	SDL_RWops *rw = w > 0 && h > 0 ? SDL_RWFromConstMem(svg, (int)len) : NULL;
	SDL_Surface *s = rw ? IMG_LoadSizedSVG_RW(rw, w, h) : NULL;
	if (rw)
		SDL_RWclose(rw);
	SDL_Surface *d = s ? SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888) : NULL;
	if (!d) {
		snprintf(err, cap, "the drawing could not be made (%s)", SDL_GetError());
		if (s)
			SDL_FreeSurface(s);
		return NULL;
	}
	/* centred in its box, whatever size the reader made it */
	SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
	SDL_Rect at = { (w - s->w) / 2, (h - s->h) / 2, s->w, s->h };
	SDL_BlitSurface(s, NULL, d, &at);
	SDL_FreeSurface(s);
	return d;
}

SDL_Surface *pictures_decode(const struct pictures *ps, size_t i, int w, int h, char *err, size_t cap)
{
	if (i >= ps->n || w <= 0 || h <= 0) {
		snprintf(err, cap, "no such picture");
		return NULL;
	}
	const struct picture_bytes *pb = &ps->p[i];
	if (pb->format == PICTURE_SVG)
		return pictures_draw_svg((const char *)pb->data, pb->len, w, h, err, cap);
	bool swap = pb->orientation >= 5;
	int sw = swap ? h : w, sh = swap ? w : h; /* the box, as stored */
	SDL_Surface *s = pb->format == PICTURE_PNG ? decode_png(pb, sw, sh, err, cap) : decode_jpeg(pb, sw, sh, err, cap);
	if (s && pb->orientation > 1) {
		SDL_Surface *o = orient(s, pb->orientation);
		SDL_FreeSurface(s);
		s = o;
	}
	s = to_size(s, w, h);
	if (!s && !err[0])
		snprintf(err, cap, "out of memory");
	return s;
}

/* made by CMakeLists.txt from assets/pictograms/NAME.svg */
extern const char *const pictogram_sources[PICTOGRAM_N];

const char *pictogram_svg(int i, size_t *len)
{
	*len = strlen(pictogram_sources[i]);
	return pictogram_sources[i];
}
