/* pngout.h — --preview's pictures, written with libpng: fast compression
 * (level 2: a frame of flat colours and text compresses almost as well as
 * at the default level, in a third of the time) and no alpha channel (a
 * frame is opaque). */
#ifndef SIGNPOST_PNGOUT_H
#define SIGNPOST_PNGOUT_H

#include <stdbool.h>
#include <stddef.h>

struct SDL_Surface;

/* Writes an ARGB8888 surface to path as an RGB PNG. On failure returns
 * false with the reason in err. */
bool png_write(const struct SDL_Surface *s, const char *path, char *err, size_t errlen);

#endif
