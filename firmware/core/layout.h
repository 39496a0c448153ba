/* layout.h — text wrapping, fitting and pagination for a given screen size.
 *
 * Pure: text is measured through `struct measurer` (SDL_ttf in the program,
 * a fixed-width fake in unit tests). Sizes derive from the screen: u is one
 * hundredth of the shorter side, so a layout at 800x480 and at 1920x1080 has
 * the same proportions. A screen is laid out at its nominal size; if its
 * blocks do not fit, the text shrinks in steps down to a readable floor, and
 * only then is it split into pages. Nothing is ever clipped or overlapped.
 * Pictures are boxes of their own shape (struct picture's w x h, square
 * while unknown) that grow and shrink with the text. */
#ifndef SIGNPOST_LAYOUT_H
#define SIGNPOST_LAYOUT_H

#include "content.h"

#include <stdbool.h>
#include <stddef.h>

enum font_style { FONT_REGULAR, FONT_BOLD };

struct measurer {
	void *ctx;
	/* Width in pixels of text[0..len) (UTF-8) drawn in style at px size. */
	int (*text_width)(void *ctx, enum font_style style, int px, const char *text, size_t len);
	/* Distance in pixels from one line's top to the next line's top. */
	int (*line_height)(void *ctx, enum font_style style, int px);
	/* Height of a capital letter in pixels, for the text-size check; NULL
	 * means 72 % of px (DejaVu Sans). */
	int (*cap_height)(void *ctx, enum font_style style, int px);
	/* Line height of the main (Latin) font at px, from which the spaces
	 * between paragraphs and items, the pads of call boxes and the step
	 * badges are sized, so that a script with tall lines does not also get
	 * wide gaps; NULL means line_height. */
	int (*space_height)(void *ctx, enum font_style style, int px);
	/* NULL, or an estimate of text_width for a word (with the spaces before
	 * it) cheaper than measuring it at px: within word_slack pixels of
	 * text_width. Wrapping adds words up with it and measures them with
	 * text_width only where a line's sum is too close to call. */
	int (*word_width)(void *ctx, enum font_style style, int px, const char *text, size_t len);
	int word_slack;
	/* Only how many lines a text takes matters (a layout tried at a size
	 * to see whether it fits): a line whose words add up to well within
	 * the width is not measured whole, and its width is their sum. */
	bool counting;
};

/* How much wider than its words added up (each measured with the spaces
 * before it) a line of n words may measure whole, in pixels, for a
 * counting measurer to take a line without measuring it: each word's
 * width is rounded down to a whole pixel, and shaping and kerning may join
 * across a space (the shipped content and the five-language example: 16
 * px at most, never more than 2 px a word and 4 more; test_text_sdl.c). */
#define LAYOUT_JOIN_SLACK(n) (2 * (int)(n) + 12)

/* One wrapped line: text[off .. off+len) of the source string. */
struct line {
	size_t off, len;
	int width;
};

/* Wraps text into lines no wider than max_width, breaking at spaces (and at
 * explicit newlines); a word wider than a line is broken between characters.
 * Returns the number of lines (>= 1 for non-empty text, 0 for empty text) and
 * stores up to cap of them in out. */
size_t layout_wrap(const struct measurer *m, enum font_style style, int px, const char *text,
		   int max_width, struct line *out, size_t cap);

/* What a laid-out element is, so the scene can style it and tests can ask
 * "is there a call number on this page" without looking at pixels. */
enum elem_role {
	ELEM_TITLE,       /* a line of the screen title */
	ELEM_BODY,        /* a line of paragraph, step or bullet text */
	ELEM_STEP_BADGE,  /* the numbered circle of a step; number in `number` */
	ELEM_BULLET,      /* the mark in front of a bullet item */
	ELEM_CALL_BOX,    /* the filled box behind a call block */
	ELEM_CALL_NAME,
	ELEM_CALL_NUMBER,
	ELEM_CALL_HOURS,
	ELEM_BAND,        /* the footer band behind the help line and hint */
	ELEM_HELP_PREFIX, /* "Talk to someone now:" */
	ELEM_HELP_NUMBER,
	ELEM_HELP_NAME,   /* the service's name and hours */
	ELEM_HINT,        /* "Touch the screen to find out more", top left */
	ELEM_QR,          /* a QR code with its quiet zone: qr, module px per module */
	ELEM_QR_CAPTION,  /* a line of the caption under it */
	ELEM_PICTURE,     /* a picture block's picture: pic */
	ELEM_PICTURE_CAPTION, /* a line of the words under it */
	ELEM_ICON,        /* a pictogram beside a list item: pic */
	ELEM_CALL_ICON,   /* a pictogram in a call box, before the name: pic */
	ELEM_LOGO,        /* kiosk.logo: pic */
};

/* A positioned element. Text elements point into the content (text, len);
 * their box is x, y (top-left), w, h in screen pixels. */
struct elem {
	enum elem_role role;
	int x, y, w, h;
	enum font_style style;
	int px;
	const char *text;
	size_t len;
	int number; /* ELEM_STEP_BADGE */
	int block;  /* index of the content block it belongs to; -1 for title */
	const struct qr_code *qr; /* ELEM_QR: the code, in the content */
	int module;               /* ELEM_QR: pixels per module, a whole number */
	const struct picture *pic; /* the pictures' elements: in the content */
};

struct page {
	struct elem *elems; /* title lines first, then body */
	size_t n_elems;
};

/* Sizes for a screen size and text scale (1.0 normal, 1.5 large text). */
struct metrics {
	int w, h;
	double u;              /* min(w, h) / 100 */
	int margin_x;
	int title_px, body_px, small_px;
	double px_per_mm;
	int btn_h;             /* touch targets: at least 9 mm, and 9u */
	int top_y;             /* the button bar at the top: Quick exit, Back ... */
	int bar_rows;          /* 1; 2 when the buttons do not fit one row (a
				  portrait panel): Back, Topics, Quick exit
				  above; language, contrast, text size below */
	int bar2_y;            /* the second row's top, when bar_rows is 2 */
	int title_top;
	int band_top;          /* the footer band runs from here to the bottom */
	int body_top, body_bottom; /* the region blocks are laid into */
	/* the navigation area in the band: page dots while the loop runs,
	 * previous / "3 / 9" / next once touched; right-aligned */
	int nav_x, nav_y, nav_w;
	int dot_d;
	bool out_of_hours;     /* the band is the out-of-hours banner (accent) */
	bool listen;           /* the bar has room for Listen (layout_spec.listen) */
};

struct screen_layout {
	struct metrics m;
	double shrink;  /* 1.0 = nominal size; < 1.0 when the text was shrunk */
	struct page *pages;
	size_t n_pages;
};

/* Nominal metrics before the title and footer are measured; diagonal_inches
 * sizes the touch targets (0 = unknown). */
struct metrics layout_metrics(int w, int h, double text_scale, double diagonal_inches);

/* The top bar's buttons: their label size, and a button's width for a
 * label (the scene draws them with the same numbers). */
int layout_button_px(const struct metrics *mt);
int layout_button_w(const struct measurer *m, const struct metrics *mt, const char *label);

/* The touch hint (shown in the loop, where the Back and Topics buttons
 * will be): the width it may take in a page of language lang, clear of that
 * language's Listen and Quick exit buttons; and its lines in that width, at the small
 * size or down to 80 % of it until they fit the height of the button bar
 * (false when they do not even then; lines, n and px are then those of 80 %
 * size). At most LAYOUT_HINT_LINES lines. */
#define LAYOUT_HINT_LINES 4
/* The room the Listen button takes left of Quick exit, its gap included:
 * 0 when the layout has none for it (mt->listen) or the content never
 * speaks (speech.output: none). */
int layout_listen_w(const struct measurer *m, const struct metrics *mt, const struct content *c, size_t lang);
int layout_hint_room(const struct measurer *m, const struct metrics *mt, const struct content *c, size_t lang);
bool layout_hint_fit(const struct measurer *m, const struct metrics *mt, const char *hint, int width,
		     struct line *lines, size_t cap, size_t *n, int *px);

/* "‹ Back" in language lang (the arrow pointing the way of the script). */
void layout_back_label(const struct content *c, size_t lang, char *out, size_t cap);

/* What a layout is for: a w x h screen, a language, a text size, and
 * whether the hours say closed. */
struct layout_spec {
	int w, h;
	size_t lang;
	double text_scale;  /* 1.0 normal, larger with A+ (KIOSK_LARGE_TEXT) */
	bool listen;        /* room in the bar for Listen: an output can speak
			       (the running kiosk's), or --check's fuller bar */
	bool out_of_hours;  /* the content's out-of-hours banner in the band of
			       every screen but the Quick exit one (when the
			       content has a banner) */
	double normal_shrink; /* A+ only: the shrink layout_screen() gave this
				 screen at text_scale 1.0 (0: not known, it
				 is found again) */
};

/* Lays out screen s of c for spec, measuring with m (which measures
 * spec.lang). The result owns its arrays; free with layout_free(). Always
 * produces at least one page. */
void layout_screen(struct screen_layout *out, const struct measurer *m, const struct content *c,
		   size_t s, struct layout_spec spec);

/* The side of a QR code in modules, quiet zone included, and the pixels per
 * module it gets in a layout of metrics mt: a whole number, the largest
 * that keeps the code within LAYOUT_QR_SIDE_U units (at least 1). */
#define LAYOUT_QR_SIDE_U 24.0
int layout_qr_module(const struct metrics *mt, const struct qr_code *q);

/* The smallest shrink factor layout_screen() will use before paginating.
 * While a single unit or a group of calls is taller than a page, it goes
 * on down to LAYOUT_CALLS_FLOOR of the normal size (LAYOUT_CALLS_FLOOR /
 * scale with large text): the numbers a visitor needs stay together. */
#define LAYOUT_SHRINK_FLOOR 0.8
/* Before the text shrinks, pictures do: down to this fraction of the
 * height they may take. */
#define LAYOUT_PICTURE_FLOOR 0.45
#define LAYOUT_CALLS_FLOOR 0.65

void layout_free(struct screen_layout *l);

#endif
