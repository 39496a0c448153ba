/* icons.c — the kiosk's own drawings in its buttons (scene.h's
 * DRAW_ICON), as SVG drawn at the size shown by SDL_image, like the
 * pictograms content names (pictures.c), but never named by content:
 * they belong to the kiosk's controls. White, tinted when drawn. */
#include "icons.h"

#include <SDL_image.h>
#include <stdio.h>
#include <string.h>

/* a loudspeaker with two waves: "this reads aloud" without words */
static const char listen_svg[] =
	"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"48\" height=\"48\" viewBox=\"0 0 48 48\">"
	"<path fill=\"#fff\" d=\"M5 17 H13 L25 7 V41 L13 31 H5 Z\"/>"
	"<path fill=\"none\" stroke=\"#fff\" stroke-width=\"4\" stroke-linecap=\"round\" d=\"M31 17 C34.5 20.5 34.5 27.5 31 31\"/>"
	"<path fill=\"none\" stroke=\"#fff\" stroke-width=\"4\" stroke-linecap=\"round\" d=\"M36.5 11 C43 17.5 43 30.5 36.5 37\"/>"
	"</svg>";

SDL_Surface *icon_draw(enum icon i, int w, int h, char *err, size_t cap)
{
	const char *svg = i == ICON_LISTEN ? listen_svg : NULL;
	if (!svg || w <= 0 || h <= 0) {
		snprintf(err, cap, "no such icon");
		return NULL;
	}
	SDL_RWops *rw = SDL_RWFromConstMem(svg, (int)strlen(svg));
	SDL_Surface *s = rw ? IMG_LoadSizedSVG_RW(rw, w, h) : NULL;
	if (rw)
		SDL_RWclose(rw);
	SDL_Surface *d = s ? SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888) : NULL;
	if (!d) {
		snprintf(err, cap, "the icon could not be drawn (%s)", SDL_GetError());
		if (s)
			SDL_FreeSurface(s);
		return NULL;
	}
	SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
	SDL_Rect at = { (w - s->w) / 2, (h - s->h) / 2, s->w, s->h };
	SDL_BlitSurface(s, NULL, d, &at);
	SDL_FreeSurface(s);
	return d;
}
