/* display.h — the window or screen the kiosk draws on: SDL's video, the
 * window (fullscreen, or a development window), the renderer best for this
 * machine, and the picture turned for a rotated panel. The run loop asks
 * it for the sizes and hands it each frame to show. */
#ifndef SIGNPOST_DISPLAY_H
#define SIGNPOST_DISPLAY_H

#include <SDL.h>
#include <stdbool.h>

struct display {
	SDL_Window *win;
	SDL_Renderer *r;
	SDL_Texture *target; /* the logical picture, when the display is rotated */
	bool fullscreen;     /* no --window: no key ends the program */
	int rotation;        /* degrees, from the content */
	int pw, ph;          /* the output as the panel scans it out */
	int lw, lh;          /* the picture we draw: pw x ph turned by rotation */
	bool kms;            /* KMS/DRM: the first present only sets the mode */
};

/* Starts SDL's video and opens a window of w x h (0 x 0: fullscreen) with
 * the renderer this machine draws best with: the GPU's, else SDL's own
 * software renderer (never OpenGL computed by the CPU); on KMS/DRM
 * whatever SDL can make. False, with the reason on stderr, when there is
 * no screen (SDL's offscreen or dummy driver counts as none unless asked
 * for by name) or no renderer; d is then closed. trace: the renderer's
 * name on stderr. */
bool display_open(struct display *d, int w, int h, bool trace);

/* Reads the output's size again and makes the picture for `rotation`
 * (0, 90, 180, 270): lw x lh, and the texture it is drawn into when turned. */
void display_layout(struct display *d, int rotation);

/* Where a frame is drawn: the turned picture, or the output itself. */
void display_begin(struct display *d);

/* Shows the frame drawn since display_begin(): turns the picture onto the
 * panel when rotated, then presents. */
void display_present(struct display *d);

void display_close(struct display *d);

#endif
