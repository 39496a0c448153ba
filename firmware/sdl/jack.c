/* jack.c — headphone sockets that report a plug; see jack.h. The folder
 * is walked as inputs.c walks it (evdev_walk), keeping the sockets. */
#include "jack.h"

#include "inputs.h"

#include <errno.h>
#include <linux/input.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define BITS_OF(n) (((n) + 8 * sizeof(unsigned long) - 1) / (8 * sizeof(unsigned long)))

static bool bit(const unsigned long *bits, int n)
{
	return (bits[n / (8 * sizeof *bits)] >> (n % (8 * sizeof *bits))) & 1;
}

/* fd is a socket that reports headphones: its name and plug state. */
static bool socket_of(int fd, struct jack *j)
{
	unsigned long sw[BITS_OF(SW_MAX + 1)] = { 0 }, state[BITS_OF(SW_MAX + 1)] = { 0 };
	char phys[32] = "";
	if (ioctl(fd, EVIOCGBIT(EV_SW, sizeof sw), sw) < 0 || !bit(sw, SW_HEADPHONE_INSERT))
		return false;
	/* a sound card's jack (sound/core/jack.c); not a lid or a tablet switch */
	if (ioctl(fd, EVIOCGPHYS(sizeof phys - 1), phys) < 0 || strcmp(phys, "ALSA") != 0)
		return false;
	memset(j->name, 0, sizeof j->name);
	if (ioctl(fd, EVIOCGNAME(sizeof j->name - 1), j->name) < 0)
		return false;
	j->in = ioctl(fd, EVIOCGSW(sizeof state), state) >= 0 && bit(state, SW_HEADPHONE_INSERT);
	j->fd = fd;
	return true;
}

static void drop(struct jacks *js, size_t i)
{
	close(js->j[i].fd);
	js->n--;
	memmove(&js->j[i], &js->j[i + 1], (js->n - i) * sizeof js->j[0]);
}

static size_t jacks_n(void *ctx)
{
	return ((struct jacks *)ctx)->n;
}

static dev_t jacks_dev(void *ctx, size_t i)
{
	return ((struct jacks *)ctx)->j[i].dev;
}

/* An event device: kept when it is a headphone socket. */
static bool jacks_take(void *ctx, int fd, dev_t dev)
{
	struct jacks *js = ctx;
	struct jack *j = &js->j[js->n];
	if (!socket_of(fd, j)) {
		close(fd);
		return false;
	}
	j->dev = dev;
	js->n++;
	fprintf(stderr, "signpost: speech: the socket '%s' says %s\n", j->name,
		j->in ? "headphones are plugged in" : "nothing is plugged in");
	return true;
}

static void jacks_gone(void *ctx, size_t i)
{
	drop(ctx, i);
}

static bool scan(struct jacks *js)
{
	return evdev_walk(js->dir, &(struct evdev_set){ js, jacks_n, JACKS_MAX, jacks_dev, jacks_take, jacks_gone });
}

void jacks_open(struct jacks *js, const char *dir)
{
	memset(js, 0, sizeof *js);
	snprintf(js->dir, sizeof js->dir, "%s", dir);
	scan(js);
}

bool jacks_rescan(struct jacks *js)
{
	return js->dir[0] && scan(js);
}

bool jacks_read(struct jacks *js, size_t i, bool *gone)
{
	struct jack *j = &js->j[i];
	bool was = j->in;
	struct input_event ev[16];
	ssize_t got;
	*gone = false;
	while ((got = read(j->fd, ev, sizeof ev)) > 0)
		for (size_t k = 0; k < (size_t)got / sizeof ev[0]; k++)
			if (ev[k].type == EV_SW && ev[k].code == SW_HEADPHONE_INSERT)
				j->in = ev[k].value != 0;
	if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) {
		/* the socket went (its card was unplugged) */
		*gone = true;
		drop(js, i);
		return was;
	}
	return j->in != was;
}

/* The length of output's card name: up to its first ", ". */
static size_t card_len(const char *output)
{
	const char *end = strstr(output, ", ");
	return end ? (size_t)(end - output) : strlen(output);
}

bool jack_belongs(const char *jack_name, const char *output)
{
	size_t card = card_len(output);
	return card > 0 && strncmp(jack_name, output, card) == 0 && jack_name[card] == ' ';
}

enum jack_state jacks_state_of(const struct jacks *js, const char *output, const char *const *outputs, size_t n)
{
	enum jack_state s = JACK_NONE;
	for (size_t i = 0; output && i < js->n; i++) {
		if (!jack_belongs(js->j[i].name, output))
			continue;
		/* "HDA Intel PCH Headphone" is the socket of "HDA Intel PCH",
		 * not of a card "HDA Intel" beside it */
		bool longer = false;
		for (size_t k = 0; k < n && !longer; k++)
			longer = outputs[k] && card_len(outputs[k]) > card_len(output) &&
				 jack_belongs(js->j[i].name, outputs[k]);
		if (!longer)
			s = js->j[i].in ? JACK_PLUGGED : (s == JACK_NONE ? JACK_EMPTY : s);
	}
	return s;
}

void jacks_close(struct jacks *js)
{
	for (size_t i = 0; i < js->n; i++)
		close(js->j[i].fd);
	js->n = 0;
	js->dir[0] = '\0';
}
