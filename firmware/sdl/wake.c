/* wake.c — the run loop's one wait; see wake.h. */
#include "wake.h"

#include "clock.h"

#include <SDL_syswm.h>
#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
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

void wake_open(struct wake *w, const sigset_t *signals, const char *content_path, SDL_Window *win)
{
	memset(w, 0, sizeof *w);
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
	/* a window system we cannot listen to: look at SDL's events often
	 * enough to answer a touch at once */
	w->max_wait_ms = known ? -1 : 10;
	if (w->sig_fd < 0)
		fprintf(stderr, "signpost: warning: cannot wait for signals (%s)\n", strerror(errno));
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One poll(): what it brought that concerns the kiosk. */
static unsigned wait_once(struct wake *w, int timeout_ms)
{
	enum { SIG, FILE_, CLOCK, DISPLAY, DEVICES, FIXED };
	struct pollfd p[FIXED + INPUTS_MAX];
	int fixed[FIXED] = { w->sig_fd, w->file.fd, w->clock_fd, w->display_fd, w->inputs.dir_fd };
	for (int i = 0; i < FIXED; i++)
		p[i] = (struct pollfd){ .fd = fixed[i], .events = POLLIN }; /* -1 is skipped */
	size_t n_inputs = w->inputs.n;
	for (size_t i = 0; i < n_inputs; i++)
		p[FIXED + i] = (struct pollfd){ .fd = w->inputs.fd[i], .events = POLLIN };
	int r = poll(p, FIXED + n_inputs, timeout_ms);
	w->polls++;
	if (r <= 0)
		return 0; /* the time came (or EINTR) */
	unsigned what = 0;
	if (p[SIG].revents) {
		struct signalfd_siginfo si;
		while (read(w->sig_fd, &si, sizeof si) == (ssize_t)sizeof si)
			what |= si.ssi_signo == SIGHUP ? WAKE_RELOAD : WAKE_STOP;
	}
	if (p[FILE_].revents && watch_read(&w->file))
		what |= WAKE_FILE;
	if (p[CLOCK].revents && clock_watch_read(w->clock_fd))
		what |= WAKE_CLOCK;
	if (p[DISPLAY].revents)
		what |= WAKE_INPUT; /* SDL reads it when the caller pumps */
	/* backwards: a device that is gone moves the later ones down */
	for (size_t i = n_inputs; i-- > 0;)
		if (p[FIXED + i].revents) {
			what |= WAKE_INPUT;
			inputs_drain(&w->inputs, i);
		}
	if (p[DEVICES].revents) {
		inputs_rescan(&w->inputs);
		what |= WAKE_DEVICES; /* SDL hears of it from udev a little later */
	}
	return what;
}

unsigned wake_wait(struct wake *w, int timeout_ms)
{
	if (w->max_wait_ms >= 0 && (timeout_ms < 0 || timeout_ms > w->max_wait_ms))
		timeout_ms = w->max_wait_ms;
	int64_t end = timeout_ms < 0 ? INT64_MAX : now_ms() + timeout_ms;
	for (;;) {
		unsigned what = wait_once(w, timeout_ms);
		if (what)
			return what;
		/* nothing for the kiosk (another file in the content's folder
		 * changed, a signal interrupted): wait out the rest */
		if (timeout_ms >= 0) {
			int64_t left = end - now_ms();
			if (left <= 0)
				return 0;
			timeout_ms = (int)left;
		}
	}
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
