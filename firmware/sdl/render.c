/* render.c — draw-list replay with SDL_Renderer; see render.h. */
#include "render.h"

#include "icons.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void render_init(struct render *rd, SDL_Renderer *r, struct text *text)
{
	memset(rd, 0, sizeof *rd);
	rd->r = r;
	rd->text = text;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The rows of a white-on-transparent text surface that have ink: from
 * *top, *h of them (the whole surface when it has none). */
static void ink_rows(SDL_Surface *s, int *top, int *h)
{
	int first = -1, last = -1;
	if (s->format->BytesPerPixel == 4 && SDL_LockSurface(s) == 0) {
		for (int y = 0; y < s->h; y++) {
			const Uint8 *row = (const Uint8 *)s->pixels + y * s->pitch;
			bool ink = false;
			for (int x = 0; x < s->w && !ink; x++) {
				Uint8 r, g, b, a;
				SDL_GetRGBA(((const Uint32 *)row)[x], s->format, &r, &g, &b, &a);
				ink = a > 64; /* faint anti-aliasing at an edge does not count */
			}
			if (ink) {
				if (first < 0)
					first = y;
				last = y;
			}
		}
		SDL_UnlockSurface(s);
	}
	*top = first < 0 ? 0 : first;
	*h = first < 0 ? s->h : last - first + 1;
}

/* The texture for a text run, white on transparent; made on first use. */
static struct render_entry *text_texture(struct render *rd, size_t lang, enum font_style style, int px,
					 const char *s, size_t len)
{
	char head[24];
	int hl = snprintf(head, sizeof head, "%zu:%d:%d:", lang, (int)style, px);
	size_t key_len = (size_t)hl + len;
	char stack[512];
	char *key = key_len < sizeof stack ? stack : malloc(key_len);
	if (!key)
		abort();
	memcpy(key, head, (size_t)hl);
	memcpy(key + hl, s, len);

	size_t slot = hash_bytes(key, key_len) % RENDER_CACHE_SLOTS;
	for (size_t probe = 0; probe < RENDER_CACHE_SLOTS; probe++) {
		struct render_entry *e = &rd->cache[(slot + probe) % RENDER_CACHE_SLOTS];
		if (!e->key)
			break;
		if (e->key_len == key_len && memcmp(e->key, key, key_len) == 0) {
			if (key != stack)
				free(key);
			return e;
		}
	}
	if (rd->n_cached >= RENDER_CACHE_SLOTS * 3 / 4)
		render_flush(rd); /* keep probing short; a frame refills what it needs */

	struct render_entry *e = NULL;
	for (size_t probe = 0; probe < RENDER_CACHE_SLOTS; probe++) {
		e = &rd->cache[(slot + probe) % RENDER_CACHE_SLOTS];
		if (!e->key)
			break;
	}
	int top = 0;
	SDL_Surface *surf = text_render(rd->text, lang, style, px, s, len, &top);
	e->key = key != stack ? key : malloc(key_len);
	if (!e->key)
		abort();
	if (key == stack)
		memcpy(e->key, key, key_len);
	e->key_len = key_len;
	e->tex = NULL;
	e->w = e->h = 0;
	e->dy = top;
	if (surf) {
		ink_rows(surf, &e->ink_top, &e->ink_h);
		e->tex = SDL_CreateTextureFromSurface(rd->r, surf);
		e->w = surf->w;
		e->h = surf->h;
		SDL_FreeSurface(surf);
		rd->textures_made++;
	}
	rd->n_cached++;
	return e;
}

/* An anti-aliased white disc of diameter d, for circles and round corners. */
static SDL_Texture *disc_texture(struct render *rd, int d)
{
	for (size_t i = 0; i < rd->n_discs; i++)
		if (rd->discs[i].d == d)
			return rd->discs[i].tex;
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, d, d, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!s)
		return NULL;
	double r = d / 2.0;
	for (int y = 0; y < d; y++) {
		Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
		for (int x = 0; x < d; x++) {
			/* coverage from 4x4 subsamples */
			int inside = 0;
			for (int sy = 0; sy < 4; sy++)
				for (int sx = 0; sx < 4; sx++) {
					double px = x + (sx + 0.5) / 4 - r, py = y + (sy + 0.5) / 4 - r;
					inside += px * px + py * py <= r * r;
				}
			Uint32 a = (Uint32)(inside * 255 / 16);
			row[x] = (a << 24) | 0xFFFFFF;
		}
	}
	SDL_Texture *t = SDL_CreateTextureFromSurface(rd->r, s);
	SDL_FreeSurface(s);
	if (t)
		SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
	if (rd->n_discs == sizeof rd->discs / sizeof rd->discs[0]) {
		SDL_DestroyTexture(rd->discs[0].tex);
		memmove(&rd->discs[0], &rd->discs[1], (rd->n_discs - 1) * sizeof rd->discs[0]);
		rd->n_discs--;
	}
	rd->discs[rd->n_discs].d = d;
	rd->discs[rd->n_discs].tex = t;
	rd->n_discs++;
	return t;
}

static void tint(SDL_Texture *t, uint32_t rgb, uint8_t alpha)
{
	SDL_SetTextureColorMod(t, (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
	SDL_SetTextureAlphaMod(t, alpha);
}

static void fill_rect(struct render *rd, const struct draw_item *it)
{
	SDL_SetRenderDrawColor(rd->r, (it->rgb >> 16) & 0xFF, (it->rgb >> 8) & 0xFF, it->rgb & 0xFF,
			       it->alpha);
	int r = it->radius;
	if (r * 2 > it->w)
		r = it->w / 2;
	if (r * 2 > it->h)
		r = it->h / 2;
	if (r <= 0) {
		SDL_RenderFillRect(rd->r, &(SDL_Rect){ it->x, it->y, it->w, it->h });
		return;
	}
	/* a cross of two rects plus four quarter discs */
	SDL_RenderFillRect(rd->r, &(SDL_Rect){ it->x + r, it->y, it->w - 2 * r, it->h });
	SDL_RenderFillRect(rd->r, &(SDL_Rect){ it->x, it->y + r, r, it->h - 2 * r });
	SDL_RenderFillRect(rd->r, &(SDL_Rect){ it->x + it->w - r, it->y + r, r, it->h - 2 * r });
	SDL_Texture *disc = disc_texture(rd, 2 * r);
	if (!disc)
		return;
	tint(disc, it->rgb, it->alpha);
	const SDL_Rect src[4] = { { 0, 0, r, r }, { r, 0, r, r }, { 0, r, r, r }, { r, r, r, r } };
	const SDL_Rect dst[4] = { { it->x, it->y, r, r },
				  { it->x + it->w - r, it->y, r, r },
				  { it->x, it->y + it->h - r, r, r },
				  { it->x + it->w - r, it->y + it->h - r, r, r } };
	for (int i = 0; i < 4; i++)
		SDL_RenderCopy(rd->r, disc, &src[i], &dst[i]);
}

/* A QR code: a white square (the quiet zone included), then each run of
 * dark modules in a row as one black rectangle of whole pixels. Black on
 * white whatever the theme: the contrast a phone camera needs. */
static void draw_qr(struct render *rd, const struct draw_item *it)
{
	const struct qr_code *q = it->qr;
	int m = it->module;
	if (!q || m < 1)
		return;
	SDL_SetRenderDrawColor(rd->r, 255, 255, 255, it->alpha);
	SDL_RenderFillRect(rd->r, &(SDL_Rect){ it->x, it->y, it->w, it->h });
	SDL_SetRenderDrawColor(rd->r, 0, 0, 0, it->alpha);
	int x0 = it->x + QR_QUIET_ZONE * m, y0 = it->y + QR_QUIET_ZONE * m;
	for (int y = 0; y < q->width; y++)
		for (int x = 0; x < q->width;) {
			if (!qr_dark(q, x, y)) {
				x++;
				continue;
			}
			int run = 1;
			while (x + run < q->width && qr_dark(q, x + run, y))
				run++;
			SDL_RenderFillRect(rd->r, &(SDL_Rect){ x0 + x * m, y0 + y * m, run * m, m });
			x += run;
		}
}

static void drop_pictures(struct render *rd)
{
	for (size_t i = 0; i < rd->n_pic_tex; i++)
		if (rd->pic_tex[i].tex)
			SDL_DestroyTexture(rd->pic_tex[i].tex);
	rd->n_pic_tex = 0;
}

void render_set_pictures(struct render *rd, const struct pictures *pics)
{
	drop_pictures(rd);
	rd->pics = pics;
}

/* The picture of a DRAW_PICTURE (or the drawing of a DRAW_ICON) at its
 * size: decoded once, kept. Icons are kept as indices past any picture's. */
static SDL_Texture *picture_texture(struct render *rd, const struct draw_item *it)
{
	bool icon = it->kind == DRAW_ICON;
	if (!icon && (!rd->pics || !it->pic))
		return NULL;
	size_t index = icon ? SIZE_MAX - (size_t)it->icon : it->pic->index;
	for (size_t i = 0; i < rd->n_pic_tex; i++)
		if (rd->pic_tex[i].index == index && rd->pic_tex[i].w == it->w && rd->pic_tex[i].h == it->h)
			return rd->pic_tex[i].tex;
	if (rd->n_pic_tex == RENDER_PICTURES)
		drop_pictures(rd);
	char err[256] = "";
	SDL_Surface *s = icon ? icon_draw(it->icon, it->w, it->h, err, sizeof err)
			      : pictures_decode(rd->pics, index, it->w, it->h, err, sizeof err);
	SDL_Texture *tex = s ? SDL_CreateTextureFromSurface(rd->r, s) : NULL;
	if (s)
		SDL_FreeSurface(s);
	if (tex) {
		SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
		rd->textures_made++;
	}
	rd->pic_tex[rd->n_pic_tex].index = index;
	rd->pic_tex[rd->n_pic_tex].w = it->w;
	rd->pic_tex[rd->n_pic_tex].h = it->h;
	rd->pic_tex[rd->n_pic_tex++].tex = tex;
	return tex;
}

void render_frame(struct render *rd, const struct draw_list *l)
{
	SDL_SetRenderDrawBlendMode(rd->r, SDL_BLENDMODE_BLEND);
	uint32_t c = l->clear_rgb;
	SDL_SetRenderDrawColor(rd->r, (c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, 255);
	SDL_RenderClear(rd->r);
	for (size_t i = 0; i < l->n; i++) {
		const struct draw_item *it = &l->items[i];
		switch (it->kind) {
		case DRAW_RECT:
			fill_rect(rd, it);
			break;
		case DRAW_CIRCLE: {
			SDL_Texture *disc = disc_texture(rd, it->w);
			if (disc) {
				tint(disc, it->rgb, it->alpha);
				SDL_RenderCopy(rd->r, disc, NULL, &(SDL_Rect){ it->x, it->y, it->w, it->h });
			}
			break;
		}
		case DRAW_QR:
			draw_qr(rd, it);
			break;
		case DRAW_PICTURE: {
			SDL_Texture *tex = picture_texture(rd, it);
			if (!tex)
				break; /* the check decoded it; only memory can fail here */
			if (it->pic->pictogram >= 0)
				tint(tex, it->rgb, it->alpha);
			else
				tint(tex, 0xFFFFFF, it->alpha);
			SDL_RenderCopy(rd->r, tex, NULL, &(SDL_Rect){ it->x, it->y, it->w, it->h });
			break;
		}
		case DRAW_ICON: {
			SDL_Texture *tex = picture_texture(rd, it);
			if (!tex)
				break;
			tint(tex, it->rgb, it->alpha);
			SDL_RenderCopy(rd->r, tex, NULL, &(SDL_Rect){ it->x, it->y, it->w, it->h });
			break;
		}
		case DRAW_TEXT: {
			size_t len;
			const char *s = draw_item_text(it, &len);
			if (len == 0)
				break;
			/* a label: its ink, with that of "Hg" in the same font and
			 * line, centred in its button's height. "Hg" keeps Latin
			 * labels on one baseline with or without a descender; a
			 * script that sits low in its line box (Nastaliq) comes up
			 * with its ink. (The reference first: making a texture may
			 * empty the cache, and with it an entry already found.) */
			int ref_top = 0, ref_bottom = 0;
			if (it->centre_ink) {
				const struct render_entry *ref = text_texture(rd, it->lang, it->style, it->px, "Hg", 2);
				ref_top = ref->ink_top;
				ref_bottom = ref->tex ? ref->ink_top + ref->ink_h : 0;
			}
			struct render_entry *e = text_texture(rd, it->lang, it->style, it->px, s, len);
			if (e->tex) {
				tint(e->tex, it->rgb, it->alpha);
				int y = it->y + e->dy; /* tall strokes may rise above the line */
				if (it->centre_ink) {
					int top = e->ink_top, bottom = e->ink_top + e->ink_h;
					if (ref_bottom > 0) {
						top = ref_top < top ? ref_top : top;
						bottom = ref_bottom > bottom ? ref_bottom : bottom;
					}
					y = it->y + (it->h - (bottom - top)) / 2 - top;
				}
				SDL_RenderCopy(rd->r, e->tex, NULL, &(SDL_Rect){ it->x, y, e->w, e->h });
			}
			break;
		}
		}
	}
}

void render_flush(struct render *rd)
{
	for (size_t i = 0; i < RENDER_CACHE_SLOTS; i++) {
		struct render_entry *e = &rd->cache[i];
		if (e->tex)
			SDL_DestroyTexture(e->tex);
		free(e->key);
		memset(e, 0, sizeof *e);
	}
	rd->n_cached = 0;
	for (size_t i = 0; i < rd->n_discs; i++)
		SDL_DestroyTexture(rd->discs[i].tex);
	rd->n_discs = 0;
	drop_pictures(rd);
}

void render_free(struct render *rd)
{
	render_flush(rd);
	rd->r = NULL;
}
