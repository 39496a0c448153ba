/* main.c — signpost's command line. Start reading here.
 *
 * Parses the options of the staff-facing contract (see --help and the
 * README) and hands over to app_check(), app_preview(), app_sheet() or
 * app_run(). */
#include "app.h"
#include "verdict.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SIGNPOST_VERSION
#define SIGNPOST_VERSION "0"
#endif

#define DEFAULT_CONFIG "/etc/signpost/content.yaml"

/* A check or a picture is a process that measures, draws and exits: what
 * it frees is kept for what it allocates next, not handed back to the
 * kernel and faulted in afresh (the ink of five scripts' sample lines,
 * drawn at 100 px, was 5,900 page faults, a quarter of a check's time).
 * The kiosk keeps glibc's defaults: it gives memory back after a reload. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

static const char usage[] =
	"usage: signpost [--config FILE] [--window WxH]      run the kiosk\n"
	"       signpost --check [--config FILE] [--size WxH]\n"
	"                                                     check the content, print problems\n"
	"       signpost --preview DIR [--size WxH] [--config FILE]\n"
	"                                                     save every screen as PNG in DIR\n"
	"       signpost --sheet FILE [--size WxH] [--config FILE]\n"
	"                                                     every screen, labelled, in one PNG\n"
	"       signpost --version | --help\n"
	"\n"
	"FILE defaults to $SIGNPOST_CONFIG, else " DEFAULT_CONFIG ".\n"
	"--window WxH runs in a window (Esc quits) instead of fullscreen.\n"
	"--size WxH is the screen size for --check, --preview and --sheet (default:\n"
	"        the running kiosk's, from its status file, for --check and --sheet;\n"
	"        else 800x480). --sheet - writes the PNG to standard output.\n"
	"--status FILE is where the running kiosk says what it shows (default\n"
	"        $RUNTIME_DIRECTORY/status, or /run/signpost/status if it exists).\n"
	"SIGHUP, or saving the content file, reloads it; invalid content is refused\n"
	"and the last good content stays on screen.\n"
	"--trace prints what the kiosk shows to stderr: for tests only, never on a\n"
	"        kiosk in use (without it nothing records what visitors look at).\n"
	"Exit status: 0 ok, 1 content invalid, 2 usage or environment error.\n";

static int parse_size(const char *s, int *w, int *h)
{
	char x;
	if (!s || sscanf(s, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X') || *w < 64 ||
	    *h < 64 || *w > 16384 || *h > 16384)
		return -1;
	return 0;
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "signpost: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n(signpost --help shows how to use it)\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct app_options o = { 0 };
	enum { RUN, CHECK, CHECK_CHILD, PREVIEW, SHEET } mode = RUN;
	const char *window = NULL, *size = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0) {
			printf("signpost %s\n", SIGNPOST_VERSION);
			return 0;
		} else if (strcmp(a, "--check") == 0) {
			mode = CHECK;
		} else if (strcmp(a, "--check-child") == 0) {
			mode = CHECK_CHILD; /* the kiosk's own, see verdict.h */
		} else if (strcmp(a, "--trace") == 0) {
			o.trace = true;
		} else if (strcmp(a, "--status") == 0) {
			if (!next)
				return usage_error("%s needs a value", a);
			o.status = next;
			i++;
		} else if (strcmp(a, "--config") == 0 || strcmp(a, "--preview") == 0 ||
			   strcmp(a, "--window") == 0 || strcmp(a, "--size") == 0 || strcmp(a, "--sheet") == 0) {
			if (!next)
				return usage_error("%s needs a value", a);
			i++;
			if (a[2] == 'c')
				o.config = next;
			else if (a[2] == 's' && a[3] == 'h') {
				mode = SHEET;
				o.sheet = next;
			} else if (a[2] == 'p') {
				mode = PREVIEW;
				o.preview_dir = next;
			} else if (a[2] == 'w')
				window = next;
			else
				size = next;
		} else if (a[0] != '-' && !o.config) {
			o.config = a; /* signpost --check FILE reads naturally too */
		} else {
			return usage_error("unknown option '%s'", a);
		}
	}
	if (!o.config)
		o.config = getenv("SIGNPOST_CONFIG");
	if (!o.config || !*o.config)
		o.config = DEFAULT_CONFIG;

	const char *dims = mode == RUN ? window : size;
	if ((mode == RUN && size) || (mode != RUN && window))
		return usage_error("%s", mode == RUN ? "--size goes with --check or --preview; use "
						       "--window WxH to run in a window"
						     : "--window is for running the kiosk; use --size WxH");
	if (dims && parse_size(dims, &o.w, &o.h) != 0)
		return usage_error("'%s' is not a size; write it like 800x480", dims);

	if (mode != RUN)
		keep_freed_memory();
	switch (mode) {
	case CHECK:
		return app_check(&o);
	case CHECK_CHILD:
		return verdict_child(o.config, o.w, o.h);
	case PREVIEW:
		return app_preview(&o);
	case SHEET:
		return app_sheet(&o);
	default:
		return app_run(&o);
	}
}
