/* wake.c — the kiosk's wake sources, opened and put in the loop; see
 * wake.h. */
#include "wake.h"

#include "clock.h"

#include <SDL_syswm.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

/* A function of a library SDL already loaded (SDL opens its window
 * system's libraries privately, so they are asked for by name); NULL when
 * it is not loaded. */
static void *loaded_fn(const char *lib, const char *name)
{
	void *h = dlopen(lib, RTLD_NOW | RTLD_NOLOAD);
	void *fn = h ? dlsym(h, name) : NULL;
	if (h)
		dlclose(h); /* NOLOAD took a reference; SDL still holds its own */
	return fn;
}

/* The descriptor the window system's news arrives on; -1 when there is
 * none (KMS/DRM, the dummy driver) or it cannot be had. */
static int display_fd(SDL_Window *win, bool *known)
{
	SDL_SysWMinfo info;
	SDL_VERSION(&info.version);
	*known = true;
	if (!win || !SDL_GetWindowWMInfo(win, &info))
		return -1;
	switch (info.subsystem) {
#ifdef SDL_VIDEO_DRIVER_X11
	case SDL_SYSWM_X11:
		return ConnectionNumber(info.info.x11.display);
#endif
#ifdef SDL_VIDEO_DRIVER_WAYLAND
	case SDL_SYSWM_WAYLAND: {
		typedef int (*get_fd_fn)(void *);
		get_fd_fn get_fd;
		void *sym = loaded_fn("libwayland-client.so.0", "wl_display_get_fd");
		memcpy(&get_fd, &sym, sizeof get_fd); /* object to function pointer */
		if (get_fd)
			return get_fd(info.info.wl.display);
		break;
	}
#endif
	case SDL_SYSWM_KMSDRM:
		return -1;
	default:
		break;
	}
	*known = false;
	return -1;
}

/* The display connection: SDL reads it when the loop pumps its events. */
static void on_display(void *ctx, int fd, uint64_t now)
{
	(void)ctx, (void)fd, (void)now;
}

/* An input device: this copy of its events is read and dropped (SDL reads
 * its own); one that is gone is closed. */
static void add_inputs(struct wake *w);

static void on_input(void *ctx, int fd, uint64_t now)
{
	(void)now;
	struct wake *w = ctx;
	for (size_t i = 0; i < w->inputs.n; i++)
		if (w->inputs.fd[i] == fd) {
			if (!inputs_drain(&w->inputs, i))
				add_inputs(w); /* the ones after it moved down */
			return;
		}
}

static void add_inputs(struct wake *w)
{
	loop_source_remove_all(w->loop, on_input, w);
	for (size_t i = 0; i < w->inputs.n; i++)
		loop_source_add(w->loop, w->inputs.fd[i], "input device", on_input, w);
}

void wake_open(struct wake *w, struct loop *l, const sigset_t *signals, const char *content_path,
	       SDL_Window *win)
{
	memset(w, 0, sizeof *w);
	w->loop = l;
	w->sig_fd = signalfd(-1, signals, SFD_CLOEXEC | SFD_NONBLOCK);
	watch_open(&w->file, content_path);
	w->clock_fd = clock_watch_open();
	bool known;
	w->display_fd = display_fd(win, &known);
	const char *driver = SDL_GetCurrentVideoDriver();
	w->use_inputs = driver && SDL_strcasecmp(driver, "kmsdrm") == 0;
	w->inputs.dir_fd = -1;
	if (w->use_inputs)
		inputs_open(&w->inputs, "/dev/input");
	/* a window system we cannot listen to: the caller asks SDL often
	 * enough to answer a touch at once */
	w->deaf = !known;
	if (w->sig_fd < 0)
		fprintf(stderr, "signpost: warning: cannot wait for signals (%s)\n", strerror(errno));
	loop_source_add(l, w->display_fd, "display connection", on_display, w);
	add_inputs(w);
}

unsigned wake_signals(struct wake *w)
{
	unsigned what = 0;
	struct signalfd_siginfo si;
	while (read(w->sig_fd, &si, sizeof si) == (ssize_t)sizeof si)
		what |= si.ssi_signo == SIGHUP ? WAKE_RELOAD : WAKE_STOP;
	return what;
}

bool wake_devices_changed(struct wake *w)
{
	bool changed = inputs_rescan(&w->inputs);
	add_inputs(w);
	return changed;
}

void wake_close(struct wake *w)
{
	if (w->sig_fd >= 0)
		close(w->sig_fd);
	watch_close(&w->file);
	if (w->clock_fd >= 0)
		close(w->clock_fd);
	if (w->use_inputs)
		inputs_close(&w->inputs);
	w->sig_fd = w->clock_fd = -1;
}
