/* app.h — the four things the program does, each wiring core and SDL:
 * check content, write previews (a folder of them, or one sheet), run the
 * kiosk. main.c only parses the
 * command line and calls one of these. Each returns the process exit code
 * (0 ok, 1 content invalid, 2 usage or environment error). */
#ifndef SIGNPOST_APP_H
#define SIGNPOST_APP_H

#include <stdbool.h>

#define APP_DEFAULT_W 800 /* the official 7" Raspberry Pi panel */
#define APP_DEFAULT_H 480

struct app_options {
	const char *config;   /* content file */
	int w, h;             /* --window / --size; 0 = not given */
	const char *preview_dir;
	const char *sheet;    /* --sheet FILE ("-": standard output) */
	bool trace;           /* --trace: state transitions to stderr */
	const char *status;   /* --status FILE; NULL: $RUNTIME_DIRECTORY/status or
				 /run/signpost/status when that folder exists */
};

int app_check(const struct app_options *o);
int app_preview(const struct app_options *o);
/* --sheet: every picture of --preview, shrunk and labelled, in one PNG */
int app_sheet(const struct app_options *o);
int app_run(const struct app_options *o); /* run.c */

#endif
