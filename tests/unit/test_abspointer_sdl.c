/* test_abspointer_sdl.c — an absolute pointer's raw units mapped to the
 * screen (firmware/sdl/abspointer.c): what SDL 2.26 on KMS/DRM delivers
 * for QEMU's usb-tablet (0..32767, sometimes clamped to the last pixel)
 * must be recognised and scaled to the pixel the panel was touched at, and
 * coordinates that are already pixels (X11, a newer SDL) left alone. The
 * device's own position is read in the system test (tests/system/). */
#include "test.h"

#include "abspointer.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void scale_ends_and_middle(void)
{
	/* QEMU's tablet: 0..32767 across 1280 x 800 */
	CHECK_INT(abs_pointer_scale(0, 0, 32767, 1280), 0);
	CHECK_INT(abs_pointer_scale(32767, 0, 32767, 1280), 1279);
	CHECK_INT(abs_pointer_scale(16384, 0, 32767, 1280), 640);
	CHECK_INT(abs_pointer_scale(16384, 0, 32767, 800), 400);
	/* the tap: x=28360 y=2297 is pixel (1107, 56) */
	CHECK_INT(abs_pointer_scale(28360, 0, 32767, 1280), 1107);
	CHECK_INT(abs_pointer_scale(2297, 0, 32767, 800), 56);
	/* a controller whose range does not start at 0 */
	CHECK_INT(abs_pointer_scale(100, 100, 4195, 800), 0);
	CHECK_INT(abs_pointer_scale(4195, 100, 4195, 800), 799);
	CHECK_INT(abs_pointer_scale(2148, 100, 4195, 800), 400);
	/* negative ranges */
	CHECK_INT(abs_pointer_scale(0, -1000, 999, 100), 50);
}

static void scale_clamps_and_empty_ranges(void)
{
	CHECK_INT(abs_pointer_scale(-5, 0, 32767, 1280), 0);
	CHECK_INT(abs_pointer_scale(40000, 0, 32767, 1280), 1279);
	CHECK_INT(abs_pointer_scale(5, 7, 7, 1280), 0);
	CHECK_INT(abs_pointer_scale(5, 9, 7, 1280), 0);
	CHECK_INT(abs_pointer_scale(5, 0, 10, 0), 0);
	/* the whole int range: no overflow */
	CHECK_INT(abs_pointer_scale(2147483647, -2147483647 - 1, 2147483647, 1000), 999);
}

static void what_looks_like_device_units(void)
{
	/* pixels inside the output are pixels */
	CHECK(!abs_pointer_suspect(1280, 800, 0, 0));
	CHECK(!abs_pointer_suspect(1280, 800, 1107, 56));
	CHECK(!abs_pointer_suspect(1280, 800, 1278, 798));
	/* raw units: outside, or clamped by SDL to the last column or row */
	CHECK(abs_pointer_suspect(1280, 800, 28360, 2297));
	CHECK(abs_pointer_suspect(1280, 800, 500, 2297));
	CHECK(abs_pointer_suspect(1280, 800, 1279, 799));
	CHECK(abs_pointer_suspect(1280, 800, 1279, 56));
	CHECK(abs_pointer_suspect(1280, 800, 100, 799));
	CHECK(abs_pointer_suspect(1280, 800, -1, 10));
}

static void no_device_nothing_read(void)
{
	struct abs_pointer p;
	abs_pointer_init(&p);
	CHECK_INT(p.fd, -1);
	CHECK(!p.raw);
	int x = 7, y = 9;
	CHECK(!abs_pointer_read(&p, 1280, 800, &x, &y));
	CHECK(x == 7 && y == 9);
	abs_pointer_close(&p);
	abs_pointer_close(&p); /* twice is fine */
	CHECK_INT(p.fd, -1);
}

static void find_skips_what_is_not_a_device(void)
{
	char dir[] = "/tmp/signpost-abs-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	struct abs_pointer p;
	abs_pointer_init(&p);
	CHECK(!abs_pointer_find(&p, dir));
	CHECK_INT(p.fd, -1);
	char path[64];
	snprintf(path, sizeof path, "%s/event0", dir);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f)
		fclose(f);
	CHECK(!abs_pointer_find(&p, dir)); /* a plain file: its ioctls fail */
	unlink(path);
	rmdir(dir);
	CHECK(!abs_pointer_find(&p, "/nonexistent/signpost"));
}

int main(void)
{
	RUN(scale_ends_and_middle);
	RUN(scale_clamps_and_empty_ranges);
	RUN(what_looks_like_device_units);
	RUN(no_device_nothing_read);
	RUN(find_skips_what_is_not_a_device);
	return TEST_DONE();
}
