/* run.h — the running kiosk's state, owned by the run loop (app.c), which
 * lends it to the staff operations (ops.c). Nothing calls back into the
 * loop: the wait (wake.h), the schedule (schedule_run.h), the clock and
 * the file watcher are modules with their own state that the loop asks.
 * Internal to firmware/sdl. */
#ifndef SIGNPOST_RUN_H
#define SIGNPOST_RUN_H

#include "abspointer.h"
#include "app.h"
#include "deck.h"
#include "diag.h"
#include "gesture.h"
#include "kiosk.h"
#include "notify.h"
#include "render.h"
#include "scene.h"
#include "text.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#define RELOAD_SETTLE_MS 300 /* editors write in steps: wait for quiet */
#define DEVICE_SETTLE_MS 3000     /* after /dev/input changed: udev's news comes */
#define DEVICE_SETTLE_STEP_MS 200 /* meanwhile SDL is asked this often */

struct run {
	const struct app_options *o;
	struct content *c;    /* the content on screen: the last good one */
	struct text text;
	struct measurer m;    /* for the kiosk's current language */
	struct measurer by_lang[CONTENT_MAX_LANGS];
	struct deck deck;
	struct kiosk kiosk;
	struct gesture_state gesture;
	struct abs_pointer abs; /* a tablet-like panel's range, see abspointer.h */
	struct render render;
	struct draw_list dl;
	SDL_Window *win;
	SDL_Renderer *r;
	SDL_Texture *target; /* the logical picture, when the display is rotated */
	SDL_Texture *fade_page[2]; /* during a fade: the leaving and arriving page */
	uint64_t fade_start;       /* the transition they were drawn for */
	bool fullscreen, quit, dirty;
	int pw, ph;          /* the output as the panel scans it out */
	int lw, lh;          /* the picture we draw: pw x ph turned by rotation */
	/* what the trace last reported, to print only changes */
	struct {
		enum kiosk_mode mode;
		char screen[64]; /* by id: indices change with a reload */
		int page;
		size_t lang;
		double scale;
	} traced;
	struct hit *traced_hits; /* --trace: the buttons last reported */
	size_t n_traced_hits;
	Uint32 input_at;      /* SDL timestamp of the input behind the next frame */
	/* staff operations */
	struct notify notify;
	bool ready_sent;
	uint64_t next_ping;   /* watchdog */
	uint64_t reload_due;  /* a change to the file was seen: reload then */
	uint64_t devices_settle; /* until then, look for SDL's new devices often */
	char status_path[4096]; /* empty: no status file */
	time_t started, loaded_at, reload_at;
	const char *reload_result; /* "none", "ok", "failed" */
	char *shown_src;      /* the bytes st->c was loaded from */
	size_t shown_len;
	bool save_good;       /* keep them as the last good copy after the next frame */
	struct diag_list reload_diags; /* the last failed reload's problems */
	Uint64 input_counter; /* performance counter when it was handled */
	/* the schedule (schedule_run.c) */
	bool closed;          /* the out-of-hours banner is up */
	uint64_t schedule_due; /* SDL ticks of its next change; 0 = none */
	bool backlight_off;   /* switched off for sleep */
	unsigned long wakeups, wakeups_asleep; /* loop iterations, for --trace */
};

/* Finds where the status file goes (--status, $RUNTIME_DIRECTORY, or
 * /run/signpost); ops_status_write() writes it, atomically. */
void ops_status_open(struct run *st);
void ops_status_write(struct run *st);

/* Start-up, once the renderer is there (the complete check needs the
 * output's size): the content file if it passes the complete check, else
 * the last good copy, else the built-in screen; st->c and st->text are set
 * up afterwards. False only when no font at all can be opened. */
bool ops_load_first(struct run *st);

/* After a frame is on screen: the content it shows becomes the last good
 * copy (systemd's StateDirectory), if it is new. */
void ops_save_good(struct run *st);

/* Loads the file again; swaps only valid content. True when it did: the
 * caller lays out again and looks at the schedule. */
bool ops_reload(struct run *st, const char *why);

#endif
