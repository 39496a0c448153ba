/* pngout.h — --preview's pictures, written with libpng: the fastest
 * compression, which for a frame of flat colours and text is also about
 * the smallest, and no alpha channel (a frame is opaque). */
#ifndef SIGNPOST_PNGOUT_H
#define SIGNPOST_PNGOUT_H

#include <stdbool.h>
#include <stddef.h>

struct SDL_Surface;

/* Writes an ARGB8888 surface to path as an RGB PNG. On failure returns
 * false with the reason in err. */
bool png_write(const struct SDL_Surface *s, const char *path, char *err, size_t errlen);

#endif
