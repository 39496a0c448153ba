/* pictures.h — the pictures content names: read once, checked from their
 * headers, decoded at the size they are shown.
 *
 * A picture file is untrusted input like the content file: it is opened
 * from the content file's folder one name at a time without following
 * links (a regular file, at most PICTURE_MAX_BYTES), its header is read
 * and its pixel count refused past PICTURE_MAX_PIXELS (a PNG's past
 * PICTURE_MAX_PNG_PIXELS) before anything is decoded, and it is decoded row by row (libpng, libjpeg with its DCT
 * scaling) straight down to the size of its box, so a 12-megapixel photo
 * shown 600 pixels wide costs 600 pixels' worth of memory, not 48 MB. A
 * JPEG's EXIF orientation is applied. The kiosk's own pictograms are SVG
 * drawings built into the program (assets/pictograms), drawn with
 * SDL2_image's SVG reader, which is given no other SVG. */
#ifndef SIGNPOST_PICTURES_H
#define SIGNPOST_PICTURES_H

#include "content.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct SDL_Surface;

#define PICTURE_MAX_BYTES (8 << 20)        /* a file */
#define PICTURE_MAX_PIXELS (40 * 1000 * 1000) /* width x height, as the header says */
/* a PNG has no scaled decoding: every pixel is read, on a Pi 5-10 times
 * slower than here (16 million: about 0.4 s here), in the check and again
 * in the kiosk when it first draws it */
#define PICTURE_MAX_PNG_PIXELS (16 * 1000 * 1000)
#define PICTURE_MAX_SIDE 16000              /* pixels, either side */
/* an interlaced PNG is decoded whole before it is shrunk */
#define PICTURE_INTERLACED_MAX_PIXELS (4 * 1000 * 1000)

enum picture_format { PICTURE_PNG, PICTURE_JPEG, PICTURE_SVG };

/* One picture's bytes, as read. */
struct picture_bytes {
	unsigned char *data;
	size_t len;
	bool owned;                /* false: a pictogram built into the program */
	enum picture_format format;
	int stored_w, stored_h;    /* as stored, before the orientation */
	int orientation;           /* EXIF 1..8; 1 as stored */
	uint8_t sha256[32];
};

/* The pictures of one content: p[i] is content.pictures[i]'s. */
struct pictures {
	struct picture_bytes *p;
	size_t n;
};

/* Reads every picture c names (files relative to the folder of c->path)
 * and fills in each struct picture's w and h. A file that cannot be read,
 * is not a picture, is too big or is of a kind not shown is an error in d
 * at the line and column that name it; true when there is none. *ps is
 * to be freed with pictures_free() either way. */
bool pictures_read(struct pictures *ps, struct content *c, struct diag_list *d);

void pictures_free(struct pictures *ps);

/* Picture i decoded at exactly w x h pixels (ARGB8888, straight alpha);
 * a pictogram white on transparent, for tinting. NULL, with the reason in
 * err[cap], when the file does not decode (damaged, cut short). */
struct SDL_Surface *pictures_decode(const struct pictures *ps, size_t i, int w, int h, char *err, size_t cap);

/* The headers only: the format, the stored size and the orientation of
 * data[0..len), or false with the reason in err[cap] for staff. For the
 * fuzz target as well as pictures_read(). */
bool pictures_probe(const unsigned char *data, size_t len, struct picture_bytes *out, char *err, size_t cap);

/* The SVG source of pictogram i (pictogram.h), built into the program. */
/* An SVG drawing (a pictogram, the kiosk's icons.c) drawn at w x h,
 * centred, ARGB with transparency; NULL with the reason in err. */
struct SDL_Surface *pictures_draw_svg(const char *svg, size_t len, int w, int h, char *err, size_t cap);
const char *pictogram_svg(int i, size_t *len);

#endif
