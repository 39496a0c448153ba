/* icons.h — the kiosk's own drawings in its buttons (icons.c). */
#ifndef SIGNPOST_ICONS_H
#define SIGNPOST_ICONS_H

#include "scene.h"

#include <SDL.h>
#include <stddef.h>

/* Icon i drawn white at w x h (ARGB, transparent around it); NULL with
 * the reason in err. */
SDL_Surface *icon_draw(enum icon i, int w, int h, char *err, size_t cap);

#endif
