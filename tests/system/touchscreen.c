/* touchscreen.c — a multitouch touchscreen made with uinput, for the system
 * test (tests/system/vm.sh) to tap the kiosk with, inside the guest.
 *
 *   touchscreen [-s WxH] [-w MS] [-f FILE] [-g MS] [-k MS] X,Y ...
 *
 * Creates the device (INPUT_PROP_DIRECT with ABS_MT_* and BTN_TOUCH, so
 * udev tags it ID_INPUT_TOUCHSCREEN and SDL reads it as touch) with a range
 * of W x H (1280x800: one unit a pixel), waits -w ms (1500) — or, with -f,
 * until FILE exists and then 500 ms — taps each X,Y in turn -g ms apart
 * (1500), keeps the device -k ms (1000) and removes it. Prints what it
 * does; exit 1 on any failure. Needs /dev/uinput (root). */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static int fd = -1;

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&t, &t) != 0)
		;
}

static void emit(int type, int code, int value)
{
	struct input_event e;
	memset(&e, 0, sizeof e);
	e.type = (unsigned short)type;
	e.code = (unsigned short)code;
	e.value = value;
	if (write(fd, &e, sizeof e) != (ssize_t)sizeof e) {
		perror("touchscreen: write");
		exit(1);
	}
}

static void abs_setup(int code, int max)
{
	struct uinput_abs_setup a;
	memset(&a, 0, sizeof a);
	a.code = (unsigned short)code;
	a.absinfo.minimum = 0;
	a.absinfo.maximum = max;
	if (ioctl(fd, UI_ABS_SETUP, &a) < 0) {
		perror("touchscreen: UI_ABS_SETUP");
		exit(1);
	}
}

static void tap(int id, int x, int y)
{
	emit(EV_ABS, ABS_MT_SLOT, 0);
	emit(EV_ABS, ABS_MT_TRACKING_ID, id);
	emit(EV_ABS, ABS_MT_POSITION_X, x);
	emit(EV_ABS, ABS_MT_POSITION_Y, y);
	emit(EV_KEY, BTN_TOUCH, 1);
	emit(EV_ABS, ABS_X, x);
	emit(EV_ABS, ABS_Y, y);
	emit(EV_SYN, SYN_REPORT, 0);
	sleep_ms(80);
	emit(EV_ABS, ABS_MT_TRACKING_ID, -1);
	emit(EV_KEY, BTN_TOUCH, 0);
	emit(EV_SYN, SYN_REPORT, 0);
}

int main(int argc, char **argv)
{
	int w = 1280, h = 800;
	long wait = 1500, gap = 1500, keep = 1000;
	const char *file = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "s:w:f:g:k:")) != -1) {
		switch (opt) {
		case 's':
			if (sscanf(optarg, "%dx%d", &w, &h) != 2 || w < 2 || h < 2)
				return fprintf(stderr, "touchscreen: bad size %s\n", optarg), 2;
			break;
		case 'w': wait = atol(optarg); break;
		case 'f': file = optarg; break;
		case 'g': gap = atol(optarg); break;
		case 'k': keep = atol(optarg); break;
		default:
			fprintf(stderr, "usage: touchscreen [-s WxH] [-w MS] [-f FILE] [-g MS] [-k MS] X,Y ...\n");
			return 2;
		}
	}
	fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
	if (fd < 0) {
		perror("touchscreen: /dev/uinput");
		return 1;
	}
	ioctl(fd, UI_SET_EVBIT, EV_SYN);
	ioctl(fd, UI_SET_EVBIT, EV_KEY);
	ioctl(fd, UI_SET_KEYBIT, BTN_TOUCH);
	ioctl(fd, UI_SET_EVBIT, EV_ABS);
	ioctl(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT);
	int codes[] = { ABS_X, ABS_Y, ABS_MT_SLOT, ABS_MT_TRACKING_ID, ABS_MT_POSITION_X, ABS_MT_POSITION_Y };
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		ioctl(fd, UI_SET_ABSBIT, codes[i]);
	abs_setup(ABS_X, w - 1);
	abs_setup(ABS_Y, h - 1);
	abs_setup(ABS_MT_SLOT, 9);
	abs_setup(ABS_MT_TRACKING_ID, 65535);
	abs_setup(ABS_MT_POSITION_X, w - 1);
	abs_setup(ABS_MT_POSITION_Y, h - 1);
	struct uinput_setup s;
	memset(&s, 0, sizeof s);
	s.id.bustype = BUS_VIRTUAL;
	s.id.vendor = 0x5167; /* "Sg" */
	s.id.product = 0x0001;
	snprintf(s.name, sizeof s.name, "signpost test touchscreen");
	if (ioctl(fd, UI_DEV_SETUP, &s) < 0 || ioctl(fd, UI_DEV_CREATE) < 0) {
		perror("touchscreen: creating the device");
		return 1;
	}
	char sys[64] = "?";
	ioctl(fd, UI_GET_SYSNAME(sizeof sys), sys);
	printf("touchscreen: %s created (%dx%d)\n", sys, w, h);
	fflush(stdout);
	if (file) {
		while (access(file, F_OK) != 0)
			sleep_ms(50);
		wait = 500;
	}
	sleep_ms(wait);
	for (int i = optind; i < argc; i++) {
		int x, y;
		if (sscanf(argv[i], "%d,%d", &x, &y) != 2)
			return fprintf(stderr, "touchscreen: bad point %s\n", argv[i]), 2;
		if (i > optind)
			sleep_ms(gap);
		tap(i, x, y);
		printf("touchscreen: tap %d,%d\n", x, y);
		fflush(stdout);
	}
	sleep_ms(keep);
	ioctl(fd, UI_DEV_DESTROY);
	close(fd);
	return 0;
}
