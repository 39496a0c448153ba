/* render.h — replays a draw list with an SDL_Renderer.
 *
 * Text runs become textures once and are reused from a cache keyed by
 * (text, style, size); colour and alpha are applied at draw time, so a fade
 * costs no new textures. Circles and rounded corners come from one
 * anti-aliased disc texture per size. A picture becomes a texture at the
 * size it is drawn (pictures.h decodes it straight to that size); a
 * pictogram is tinted like text. */
#ifndef SIGNPOST_RENDER_H
#define SIGNPOST_RENDER_H

#include "pictures.h"
#include "scene.h"
#include "text.h"

#include <stddef.h>

struct SDL_Renderer;
struct SDL_Texture;

#define RENDER_CACHE_SLOTS 1024
#define RENDER_PICTURES 64 /* pictures kept as textures; then they are made again */

struct render_entry {
	char *key; /* style, px and the text, packed; NULL = empty slot */
	size_t key_len;
	struct SDL_Texture *tex;
	int w, h;
	int dy; /* the texture's top below the line's (text_render's top) */
	int ink_top, ink_h; /* the rows that have ink (for centre_ink) */
};

struct render {
	struct SDL_Renderer *r;
	struct text *text;
	struct render_entry cache[RENDER_CACHE_SLOTS];
	size_t n_cached;
	struct {
		int d;
		struct SDL_Texture *tex;
	} discs[16];
	size_t n_discs;
	/* pictures at the sizes drawn, decoded on first use */
	const struct pictures *pics;
	struct {
		size_t index;
		int w, h;
		struct SDL_Texture *tex; /* NULL: it did not decode (never tried again) */
	} pic_tex[RENDER_PICTURES];
	size_t n_pic_tex;
	unsigned long textures_made; /* for tests and benchmarks */
};

/* Prepares to draw with r (not owned) and fonts from text (not owned). */
void render_init(struct render *rd, struct SDL_Renderer *r, struct text *text);

/* Clears and draws the list; does not present. */
void render_frame(struct render *rd, const struct draw_list *l);

/* The pictures of the content drawn from now on (not owned); their
 * textures are dropped. */
void render_set_pictures(struct render *rd, const struct pictures *pics);

/* Drops every cached texture (content reloaded, size changed). */
void render_flush(struct render *rd);

/* render_flush() and forget the renderer. */
void render_free(struct render *rd);

#endif
