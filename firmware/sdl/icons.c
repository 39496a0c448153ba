/* icons.c — the kiosk's own drawings in its buttons (scene.h's
 * DRAW_ICON), as SVG drawn at the size shown (pictures_draw_svg(), as the
 * pictograms content names are), but never named by content: they
 * belong to the kiosk's controls. White, tinted when drawn. */
#include "icons.h"

#include "pictures.h"

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
	if (!svg) {
		snprintf(err, cap, "no such icon");
		return NULL;
	}
	return pictures_draw_svg(svg, strlen(svg), w, h, err, cap);
}
