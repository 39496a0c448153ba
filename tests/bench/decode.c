/* decode.c — how long the largest picture the limits allow takes to
 * check and draw, and what it costs in memory: pictures_probe() and
 * pictures_decode() of FILE into a box of W x H, RUNS times; prints the
 * median time and the process's peak resident memory (which holds the
 * file's bytes, the decoder's rows and the box, never the whole picture
 * for a JPEG or a PNG that is not interlaced). A benchmark, run by hand
 * (tests/bench/pictures.sh makes the pictures):
 *   decode FILE W H [RUNS] */
#include "pictures.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: decode FILE W H [RUNS]\n");
		return 2;
	}
	int w = atoi(argv[2]), h = atoi(argv[3]), runs = argc > 4 ? atoi(argv[4]) : 5;
	FILE *f = fopen(argv[1], "rb");
	if (!f)
		return 2;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *data = malloc((size_t)len);
	if (!data || fread(data, 1, (size_t)len, f) != (size_t)len)
		return 2;
	fclose(f);
	double times[64];
	if (runs > 64)
		runs = 64;
	struct picture_bytes pb = { 0 };
	char err[400];
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		if (!pictures_probe(data, (size_t)len, &pb, err, sizeof err)) {
			fprintf(stderr, "%s: %s\n", argv[1], err);
			return 1;
		}
		pb.data = data;
		pb.len = (size_t)len;
		struct pictures ps = { &pb, 1 };
		SDL_Surface *s = pictures_decode(&ps, 0, w, h, err, sizeof err);
		if (!s) {
			fprintf(stderr, "%s: %s\n", argv[1], err);
			return 1;
		}
		SDL_FreeSurface(s);
		times[r] = now_ms() - t0;
	}
	qsort(times, (size_t)runs, sizeof times[0], cmp);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("%s: %d x %d, %ld bytes, into %d x %d: median %.1f ms of %d, peak %.1f MiB\n", argv[1], pb.stored_w,
	       pb.stored_h, len, w, h, times[runs / 2], runs, ru.ru_maxrss / 1024.0);
	free(data);
	return 0;
}
