/* keypad.c — a USB keypad made with uinput, for the system test
 * (tests/system/vm.sh) to press the kiosk's speech keys with, inside the
 * guest, as a visitor's keypad would.
 *
 *   keypad [-w MS] KEY[:MS] ...
 *   keypad -j NAME [-w MS] in|out[:MS] ...
 *
 * Creates a keyboard (EV_KEY with the keypad's keys: udev tags it
 * ID_INPUT_KEY and SDL reads it as a keyboard), waits -w ms (2000) for
 * the kiosk to open it, then presses and releases each KEY (down, up,
 * kp2, kp5, kpdot, enter, backspace, plus, minus, h, r), each followed by
 * MS ms (1000) before the next; keeps the device a second and removes it.
 * Prints each press with the time since the start; exit 1 on any failure.
 * With -j, a headphone socket instead, as a sound card's jack is given
 * by Linux (sound/core/jack.c): an input device called NAME (the card's
 * name, then the jack's: "QEMU USB Audio Headphone"), phys "ALSA", with
 * the switch SW_HEADPHONE_INSERT, nothing plugged in at first; "in" and
 * "out" put the plug in and take it out.
 * Needs /dev/uinput (root). */
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

static const struct {
	const char *name;
	int code;
} keys[] = {
	{ "down", KEY_DOWN },	     { "up", KEY_UP },	       { "left", KEY_LEFT },   { "right", KEY_RIGHT },
	{ "enter", KEY_ENTER },	     { "kp2", KEY_KP2 },       { "kp5", KEY_KP5 },     { "kp8", KEY_KP8 },
	{ "kpdot", KEY_KPDOT },	     { "backspace", KEY_BACKSPACE }, { "plus", KEY_KPPLUS }, { "minus", KEY_KPMINUS },
	{ "h", KEY_H },		     { "r", KEY_R },	       { "esc", KEY_ESC },
};

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&t, &t) != 0)
		;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void emit(int type, int code, int value)
{
	struct input_event e;
	memset(&e, 0, sizeof e);
	e.type = (unsigned short)type;
	e.code = (unsigned short)code;
	e.value = value;
	if (write(fd, &e, sizeof e) != (ssize_t)sizeof e) {
		perror("keypad: write");
		exit(1);
	}
}

int main(int argc, char **argv)
{
	long wait = 2000;
	const char *jack = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "w:j:")) != -1) {
		if (opt == 'w') {
			wait = atol(optarg);
		} else if (opt == 'j') {
			jack = optarg;
		} else {
			fprintf(stderr, "usage: keypad [-j NAME] [-w MS] KEY[:MS] ...\n");
			return 2;
		}
	}
	fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
	if (fd < 0) {
		perror("keypad: /dev/uinput");
		return 1;
	}
	ioctl(fd, UI_SET_EVBIT, EV_SYN);
	if (jack) {
		ioctl(fd, UI_SET_EVBIT, EV_SW);
		ioctl(fd, UI_SET_SWBIT, SW_HEADPHONE_INSERT);
		ioctl(fd, UI_SET_PHYS, "ALSA");
	} else {
		ioctl(fd, UI_SET_EVBIT, EV_KEY);
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
			ioctl(fd, UI_SET_KEYBIT, keys[i].code);
	}
	struct uinput_setup s;
	memset(&s, 0, sizeof s);
	s.id.bustype = BUS_USB;
	s.id.vendor = 0x5167; /* "Sg" */
	s.id.product = 0x0002;
	snprintf(s.name, sizeof s.name, "%s", jack ? jack : "signpost test keypad");
	if (ioctl(fd, UI_DEV_SETUP, &s) < 0 || ioctl(fd, UI_DEV_CREATE) < 0) {
		perror("keypad: creating the device");
		return 1;
	}
	double t0 = now();
	printf("keypad: created\n");
	fflush(stdout);
	sleep_ms(wait);
	for (int i = optind; i < argc; i++) {
		char name[32];
		long after = 1000;
		if (sscanf(argv[i], "%31[a-z0-9]:%ld", name, &after) < 1)
			return fprintf(stderr, "keypad: bad key %s\n", argv[i]), 2;
		if (jack && (strcmp(name, "in") == 0 || strcmp(name, "out") == 0)) {
			emit(EV_SW, SW_HEADPHONE_INSERT, strcmp(name, "in") == 0);
			emit(EV_SYN, SYN_REPORT, 0);
			printf("keypad: plug %s at %.2f s\n", name, now() - t0);
			fflush(stdout);
			sleep_ms(after);
			continue;
		}
		int code = -1;
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (strcmp(keys[k].name, name) == 0)
				code = keys[k].code;
		if (code < 0)
			return fprintf(stderr, "keypad: no key %s\n", name), 2;
		emit(EV_KEY, code, 1);
		emit(EV_SYN, SYN_REPORT, 0);
		sleep_ms(60);
		emit(EV_KEY, code, 0);
		emit(EV_SYN, SYN_REPORT, 0);
		printf("keypad: %s at %.2f s\n", name, now() - t0);
		fflush(stdout);
		sleep_ms(after);
	}
	sleep_ms(1000);
	ioctl(fd, UI_DEV_DESTROY);
	close(fd);
	return 0;
}
