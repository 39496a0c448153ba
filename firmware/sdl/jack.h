/* jack.h — headphone sockets that say when a plug is in: a sound card's
 * jack, which Linux gives as an input device (phys "ALSA", named after
 * the card: "<card> <jack>", like "HDA Intel PCH Headphone") reporting
 * the switch SW_HEADPHONE_INSERT. A sound output belongs to a socket when
 * the socket's name starts with the output's card, the part of SDL's
 * output name before its first ", " ("HDA Intel PCH, ALC256 Analog"),
 * and no other output's card is a longer start of it.
 *
 * speaker.c asks which state the socket of an output is in; the run loop
 * waits on each socket's descriptor and calls jacks_read when it is
 * readable. A Raspberry Pi's own 3.5 mm socket reports nothing; most
 * codec boards and laptops' sockets do. */
#ifndef SIGNPOST_JACK_H
#define SIGNPOST_JACK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define JACKS_MAX 8

enum jack_state {
	JACK_NONE,    /* the output has no socket that reports */
	JACK_EMPTY,   /* its socket says nothing is plugged in */
	JACK_PLUGGED, /* its socket says headphones are plugged in */
};

struct jack {
	int fd;         /* non-blocking, read-only */
	dev_t dev;
	char name[128]; /* the input device's name: the card's, then the jack's */
	bool in;        /* a plug is in */
};

struct jacks {
	size_t n;
	struct jack j[JACKS_MAX];
	char dir[256];
};

/* Opens every socket among dir's event devices (/dev/input). */
void jacks_open(struct jacks *js, const char *dir);

/* After the folder changed: closes sockets that went, opens those that
 * came. True when the set changed. */
bool jacks_rescan(struct jacks *js);

/* After j[i].fd polled readable: reads its events. True when its plug
 * state changed (a socket that went away counts as unplugged, and is
 * closed: the ones after it move down). */
bool jacks_read(struct jacks *js, size_t i, bool *gone);

/* Whether the socket named jack_name could belong to the output named
 * output: its name starts with output's card and a space. */
bool jack_belongs(const char *jack_name, const char *output);

/* The state of output's sockets (plugged when any says so), among the n
 * outputs there are (a socket goes to the card whose name is the longest
 * start of its own). */
enum jack_state jacks_state_of(const struct jacks *js, const char *output, const char *const *outputs, size_t n);

void jacks_close(struct jacks *js);

#endif
