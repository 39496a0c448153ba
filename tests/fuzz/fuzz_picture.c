/* fuzz_picture.c — libFuzzer target over the picture path: the bytes of a
 * file staff named as a picture go through pictures_probe() (the headers:
 * PNG or JPEG, the size, the orientation, the refusals made before any
 * decoding) and, when it passes, pictures_decode() at three boxes (larger
 * than the picture can be, a thin one, one pixel), as the check child and
 * the kiosk decode it (libpng row by row, libjpeg with its scaling, the
 * shrink, the EXIF turn, the stretch). A decoded surface must be exactly
 * the box asked for; anything else aborts, and libFuzzer keeps the input.
 * Built and run by tests/fuzz/run.sh; every input that ever failed here is
 * kept in tests/regression/pictures/ and replayed by test_pictures_sdl. */
#include "pictures.h"

#include <SDL.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct picture_bytes pb = { 0 };
	char err[400];
	if (!pictures_probe(data, size, &pb, err, sizeof err))
		return 0;
	pb.data = (unsigned char *)data;
	pb.len = size;
	pb.owned = false;
	struct pictures ps = { &pb, 1 };
	static const int boxes[][2] = { { 640, 480 }, { 7, 300 }, { 1, 1 } };
	for (size_t i = 0; i < sizeof boxes / sizeof boxes[0]; i++) {
		err[0] = '\0';
		SDL_Surface *s = pictures_decode(&ps, 0, boxes[i][0], boxes[i][1], err, sizeof err);
		if (s && (s->w != boxes[i][0] || s->h != boxes[i][1]))
			abort(); /* the box is the contract */
		if (!s && !err[0])
			abort(); /* a refusal always says why */
		if (s)
			SDL_FreeSurface(s);
	}
	return 0;
}
