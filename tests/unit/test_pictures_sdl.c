/* test_pictures_sdl.c — decoding pictures (pictures.c): exact pixels at
 * the picture's own size, the box filter's averages when shrunk, alpha
 * kept without a dark fringe, an EXIF turn, the pictograms at any size;
 * and every seed of the picture fuzzer (tests/fuzz/pictures) and every
 * input it ever found (tests/regression/pictures) decoded at three boxes
 * under the sanitizers, each exactly its box or refused with a reason. */
#include "pictogram.h"
#include "arena.h"
#include "pictures.h"
#include "slurp.h"
#include "test.h"

#include <SDL.h>
#include <dirent.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

/* a PNG of w x h RGBA pixels, in memory (libpng's simplified writer) */
static unsigned char *make_png(const uint32_t *rgba, int w, int h, size_t *len)
{
	png_image img = { .version = PNG_IMAGE_VERSION, .width = (png_uint_32)w, .height = (png_uint_32)h,
			  .format = PNG_FORMAT_RGBA };
	unsigned char *px = malloc((size_t)w * (size_t)h * 4);
	for (int i = 0; i < w * h; i++) {
		px[i * 4] = (unsigned char)(rgba[i] >> 24);
		px[i * 4 + 1] = (unsigned char)(rgba[i] >> 16);
		px[i * 4 + 2] = (unsigned char)(rgba[i] >> 8);
		px[i * 4 + 3] = (unsigned char)rgba[i];
	}
	png_alloc_size_t size = 0;
	png_image_write_to_memory(&img, NULL, &size, 0, px, 0, NULL);
	unsigned char *out = malloc(size);
	png_image_write_to_memory(&img, out, &size, 0, px, 0, NULL);
	free(px);
	*len = size;
	return out;
}

/* the pixel at (x, y) as 0xRRGGBBAA */
static uint32_t at(SDL_Surface *s, int x, int y)
{
	Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
	return (p & 0xFFFFFF) << 8 | p >> 24; /* ARGB8888 */
}

static SDL_Surface *decode(unsigned char *data, size_t len, int w, int h)
{
	struct picture_bytes pb = { 0 };
	char err[400] = "";
	if (!pictures_probe(data, len, &pb, err, sizeof err)) {
		fprintf(stderr, "probe: %s\n", err);
		return NULL;
	}
	pb.data = data;
	pb.len = len;
	struct pictures ps = { &pb, 1 };
	SDL_Surface *s = pictures_decode(&ps, 0, w, h, err, sizeof err);
	if (!s)
		fprintf(stderr, "decode: %s\n", err);
	return s;
}

static void test_exact_and_shrunk(void)
{
	/* 4 x 2: red, green, blue, white / black, red, half-transparent blue,
	 * transparent red (its colour must count for nothing) */
	const uint32_t px[8] = { 0xFF0000FF, 0x00FF00FF, 0x0000FFFF, 0xFFFFFFFF,
				 0x000000FF, 0xFF0000FF, 0x0000FF80, 0xFF000000 };
	size_t len;
	unsigned char *png = make_png(px, 4, 2, &len);
	SDL_Surface *s = decode(png, len, 4, 2);
	CHECK(s != NULL);
	if (s) {
		for (int i = 0; i < 7; i++)
			CHECK_INT(at(s, i % 4, i / 4), px[i]);
		CHECK_INT(at(s, 3, 1) & 0xFF, 0); /* transparent */
		SDL_FreeSurface(s);
	}
	/* 2 x 1: each the average of its 2 x 2 */
	s = decode(png, len, 2, 1);
	CHECK(s != NULL);
	if (s) {
		/* red, green, black, red: (255+0+0+255)/4 = 127 red, 63 green */
		CHECK_INT(at(s, 0, 0), 0x7F3F00FF);
		/* blue, white, half blue, transparent: weighted by alpha, so the
		 * transparent pixel adds no black; alpha the plain average */
		uint32_t right = at(s, 1, 0);
		CHECK_INT(right & 0xFF, (255 + 255 + 128 + 0) / 4);
		CHECK_INT(right >> 8 & 0xFF, 255 * (255 + 255 + 128) / (255 + 255 + 128)); /* blue */
		CHECK((right >> 24) > 0x58 && (right >> 24) < 0x70); /* red: white's share alone */
		SDL_FreeSurface(s);
	}
	/* larger than the picture: stretched to the box exactly */
	s = decode(png, len, 40, 20);
	CHECK(s && s->w == 40 && s->h == 20);
	if (s)
		SDL_FreeSurface(s);
	free(png);
}

/* A JPEG of 40 x 20: its top half red on the left and blue on the right,
 * its bottom half green; turned by EXIF 6 (90 degrees clockwise) it is
 * 20 x 40, its left half green, its right half red above and blue below
 * (turned the other way, or mirrored, red would be on the left). */
static void test_exif_turn(void)
{
	size_t len = 0;
	char *jpg = slurp(SIGNPOST_SOURCE_DIR "/tests/render/quarters.jpg", &len);
	CHECK(jpg != NULL);
	if (!jpg)
		return;
	/* the EXIF block, by hand: orientation 6 */
	static const unsigned char app1[] = { 0xFF, 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8,
					      0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0 };
	size_t n = len + sizeof app1;
	unsigned char *turned = malloc(n);
	memcpy(turned, jpg, 2);
	memcpy(turned + 2, app1, sizeof app1);
	memcpy(turned + 2 + sizeof app1, jpg + 2, len - 2);
	struct picture_bytes pb = { 0 };
	char err[400];
	CHECK(pictures_probe(turned, n, &pb, err, sizeof err));
	CHECK_INT(pb.orientation, 6);
	SDL_Surface *s = decode(turned, n, pb.stored_h, pb.stored_w);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(s->w, 20);
		CHECK_INT(s->h, 40);
		uint32_t right_top = at(s, 15, 8), right_bottom = at(s, 15, 32), left = at(s, 4, 20);
		CHECK((right_top >> 24) > 200 && (right_top >> 8 & 0xFF) < 80);       /* red */
		CHECK((right_bottom >> 8 & 0xFF) > 200 && (right_bottom >> 24) < 80); /* blue */
		CHECK((left >> 16 & 0xFF) > 150 && (left >> 24) < 80);                /* green */
		SDL_FreeSurface(s);
	}
	free(turned);
	free(jpg);
}

/* Every pictogram draws at a small and a large size, white ink on
 * transparent, and has ink. */
static void test_pictograms(void)
{
	for (int i = 0; i < PICTOGRAM_N; i++) {
		size_t len;
		const char *svg = pictogram_svg(i, &len);
		struct picture_bytes pb = { .data = (unsigned char *)svg, .len = len, .format = PICTURE_SVG,
					    .stored_w = 1, .stored_h = 1, .orientation = 1 };
		struct pictures ps = { &pb, 1 };
		int sizes[] = { 24, 160 };
		for (int k = 0; k < 2; k++) {
			char err[400] = "";
			SDL_Surface *s = pictures_decode(&ps, 0, sizes[k], sizes[k], err, sizeof err);
			test_current = pictogram_names[i];
			CHECK(s && s->w == sizes[k] && s->h == sizes[k]);
			if (!s)
				continue;
			int ink = 0, coloured = 0;
			for (int y = 0; y < s->h; y++)
				for (int x = 0; x < s->w; x++) {
					uint32_t p = at(s, x, y);
					ink += (p & 0xFF) > 128;
					coloured += (p & 0xFF) > 128 && (p >> 8) != 0xFFFFFF;
				}
			CHECK(ink > sizes[k] * sizes[k] / 10); /* a drawing, not a dot */
			CHECK_INT(coloured, 0);                /* white, to be tinted */
			SDL_FreeSurface(s);
		}
	}
	test_current = "test_pictograms";
}

static size_t replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len = 0;
		char *data = slurp(path, &len);
		if (!data)
			continue;
		struct picture_bytes pb = { 0 };
		char err[400];
		test_current = e->d_name;
		if (pictures_probe((unsigned char *)data, len, &pb, err, sizeof err)) {
			pb.data = (unsigned char *)data;
			pb.len = len;
			struct pictures ps = { &pb, 1 };
			static const int boxes[][2] = { { 640, 480 }, { 7, 300 }, { 1, 1 } };
			for (size_t b = 0; b < 3; b++) {
				err[0] = '\0';
				SDL_Surface *s = pictures_decode(&ps, 0, boxes[b][0], boxes[b][1], err, sizeof err);
				CHECK(s ? s->w == boxes[b][0] && s->h == boxes[b][1] : err[0] != '\0');
				if (s)
					SDL_FreeSurface(s);
			}
		} else {
			CHECK(err[0] != '\0');
		}
		free(data);
		n++;
	}
	closedir(d);
	test_current = "test_replay";
	return n;
}

static void test_replay(void)
{
	size_t seeds = replay_dir(SIGNPOST_SOURCE_DIR "/tests/fuzz/pictures");
	size_t found = replay_dir(SIGNPOST_SOURCE_DIR "/tests/regression/pictures");
	CHECK(seeds >= 10);
	printf("pictures replayed: %zu seeds, %zu found by the fuzzer\n", seeds, found);
}

int main(void)
{
	RUN(test_exact_and_shrunk);
	RUN(test_exif_turn);
	RUN(test_pictograms);
	RUN(test_replay);
	return TEST_DONE();
}
