/* display.c — SDL's video, the window and the renderer choice; see
 * display.h. */
#include "display.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>

static const char no_display_hint[] =
	"  (on the Pi run it on the console with SDL_VIDEODRIVER=kmsdrm; on a "
	"desktop, from a terminal in that desktop)\n";

/* Whether the machine has a GPU that could draw for us: a DRM render
 * node (/dev/dri/renderD128 on a Pi, on a desktop). */
static bool gpu_present(void)
{
	DIR *dir = opendir("/dev/dri");
	bool found = false;
	for (struct dirent *e; dir && !found && (e = readdir(dir));)
		found = strncmp(e->d_name, "renderD", 7) == 0;
	if (dir)
		closedir(dir);
	return found;
}

/* Whether r draws with OpenGL that the CPU computes (Mesa's llvmpipe,
 * softpipe or swrast) rather than a GPU. */
static bool software_gl(SDL_Renderer *r)
{
	SDL_RendererInfo info;
	if (SDL_GetRendererInfo(r, &info) != 0 || strncmp(info.name, "opengl", 6) != 0)
		return false;
	typedef const unsigned char *(*get_string_fn)(unsigned int);
	get_string_fn get_string;
	void *sym = SDL_GL_GetProcAddress("glGetString");
	memcpy(&get_string, &sym, sizeof get_string); /* object to function pointer */
	const char *name = get_string ? (const char *)get_string(0x1F01 /* GL_RENDERER */) : NULL;
	return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "swrast"));
}

/* SDL picks the best renderer (the GPU's on the Pi), or the one named by
 * SDL_RENDER_DRIVER (say, software on a Pi 5 with SDL < 2.30). */
static SDL_Renderer *choose_renderer(SDL_Window *win, bool kms)
{
	SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
	bool chosen = SDL_getenv("SDL_RENDER_DRIVER") != NULL;
	/* SDL's software renderer draws into the window's framebuffer. X11 has
	 * one of its own, copied straight: the leanest. SDL 2.26's KMS/DRM has
	 * none: SDL makes one from an OpenGL texture, so there the hint must
	 * stay on ("0" leaves the software renderer nothing to draw into:
	 * "Couldn't find matching render driver", issue #14). */
	const char *framebuffer = kms ? "1" : "0";
	/* no GPU at all (no DRM render node): OpenGL would be Mesa drawing on
	 * the CPU, which costs ~90 MB more than SDL's own software renderer and
	 * draws no faster, so go straight to that */
	bool gpu = chosen || gpu_present();
	if (!gpu)
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, framebuffer);
	SDL_Renderer *r = SDL_CreateRenderer(win, -1, gpu ? 0 : SDL_RENDERER_SOFTWARE);
	if (r && !chosen && software_gl(r)) {
		/* OpenGL drawn by the CPU (Mesa's llvmpipe: no GPU, as under Xvfb
		 * or on a board without its driver): SDL's own software renderer
		 * instead (on KMS/DRM it still presents through OpenGL, but draws
		 * the same pixels as --preview) */
		SDL_DestroyRenderer(r);
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, framebuffer);
		r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
	}
	if (!r) /* no GPU driver: the software renderer where it can present */
		r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
	if (!r && kms) /* and on KMS/DRM, whatever SDL can make of it */
		r = SDL_CreateRenderer(win, -1, 0);
	return r;
}

bool display_open(struct display *d, int w, int h, bool trace)
{
	memset(d, 0, sizeof *d);
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	/* touch and mouse each arrive once, as themselves */
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "signpost: error: cannot open the display: %s\n%s", SDL_GetError(),
			no_display_hint);
		goto fail;
	}
	/* With no X11, Wayland or KMS to be had, SDL 2.26 settles for its
	 * offscreen driver and the kiosk would run where nobody can see it:
	 * that is "no display", unless someone asked for it by name. */
	const char *driver = SDL_GetCurrentVideoDriver();
	const char *asked = SDL_getenv("SDL_VIDEODRIVER");
	if (driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0) &&
	    !(asked && strcmp(asked, driver) == 0)) {
		fprintf(stderr, "signpost: error: cannot open the display: no screen found (only SDL's "
				"%s driver, which shows nothing)\n%s",
			driver, no_display_hint);
		goto fail;
	}
	d->fullscreen = w == 0;
	Uint32 flags = SDL_WINDOW_SHOWN | (d->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
	d->win = SDL_CreateWindow("signpost", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				  d->fullscreen ? 0 : w, d->fullscreen ? 0 : h, flags);
	if (!d->win) {
		fprintf(stderr, "signpost: error: cannot open a window: %s\n", SDL_GetError());
		goto fail;
	}
	if (d->fullscreen)
		SDL_ShowCursor(SDL_DISABLE);
	d->kms = driver && SDL_strcasecmp(driver, "kmsdrm") == 0; /* SDL says "KMSDRM" */
	d->r = choose_renderer(d->win, d->kms);
	if (!d->r) {
		fprintf(stderr, "signpost: error: cannot draw to the window: %s\n", SDL_GetError());
		goto fail;
	}
	SDL_RendererInfo info;
	if (trace && SDL_GetRendererInfo(d->r, &info) == 0)
		fprintf(stderr, "trace: renderer %s\n", info.name);
	SDL_GetRendererOutputSize(d->r, &d->pw, &d->ph);
	d->lw = d->pw;
	d->lh = d->ph;
	return true;
fail:
	display_close(d);
	return false;
}

void display_layout(struct display *d, int rotation)
{
	SDL_GetRendererOutputSize(d->r, &d->pw, &d->ph);
	d->rotation = rotation;
	d->lw = rotation % 180 ? d->ph : d->pw;
	d->lh = rotation % 180 ? d->pw : d->ph;
	if (d->target)
		SDL_DestroyTexture(d->target);
	d->target = NULL;
	if (!rotation)
		return;
	/* opaque (no alpha channel): turning it onto the panel is a plain
	 * copy, not a per-pixel blend */
	d->target = SDL_CreateTexture(d->r, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, d->lw, d->lh);
	if (!d->target)
		fprintf(stderr, "signpost: warning: cannot rotate the picture (%s); showing it unrotated\n",
			SDL_GetError());
}

void display_begin(struct display *d)
{
	SDL_SetRenderTarget(d->r, d->target);
}

void display_present(struct display *d)
{
	if (d->target) {
		/* the logical picture is drawn: turn it onto the panel */
		SDL_SetRenderTarget(d->r, NULL);
		SDL_SetRenderDrawColor(d->r, 0, 0, 0, 255);
		SDL_RenderClear(d->r);
		SDL_Rect dst = { (d->pw - d->lw) / 2, (d->ph - d->lh) / 2, d->lw, d->lh };
		SDL_RenderCopyEx(d->r, d->target, NULL, &dst, d->rotation, NULL, SDL_FLIP_NONE);
	}
	SDL_RenderPresent(d->r);
}

void display_close(struct display *d)
{
	if (d->target)
		SDL_DestroyTexture(d->target);
	if (d->r)
		SDL_DestroyRenderer(d->r);
	if (d->win)
		SDL_DestroyWindow(d->win);
	SDL_Quit();
	d->target = NULL;
	d->r = NULL;
	d->win = NULL;
}
