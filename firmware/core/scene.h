/* scene.h — (content, kiosk state, layouts, time) -> a draw list.
 *
 * The draw list is the frame as data: rectangles, circles and text runs, each
 * with its place, colour and role. The SDL edge replays it; tests ask it
 * questions ("is a call number on screen", "is anything outside the screen")
 * without a display. */
#ifndef SIGNPOST_SCENE_H
#define SIGNPOST_SCENE_H

#include "content.h"
#include "kiosk.h"
#include "layout.h"

#include <stddef.h>
#include <stdint.h>

enum draw_kind {
	DRAW_RECT,
	DRAW_CIRCLE,
	DRAW_TEXT,
	DRAW_QR, /* qr's modules, `module` px each, dark on white with the quiet
		    zone, whatever the theme: w x h is the whole square */
	DRAW_PICTURE, /* pic at w x h: a pictogram in rgb, a file's picture as it is */
	DRAW_ICON,    /* one of the kiosk's own drawings (icon) at w x h, in rgb */
};

/* The kiosk's own drawings, in its buttons (the SDL edge draws them). */
enum icon {
	ICON_LISTEN, /* a loudspeaker: the Listen button */
};

enum draw_role {
	ROLE_BACKGROUND,
	ROLE_TITLE,
	ROLE_RULE,
	ROLE_BODY,
	ROLE_STEP_BADGE,
	ROLE_STEP_NUMBER,
	ROLE_BULLET,
	ROLE_CALL_BOX,
	ROLE_CALL_NAME,
	ROLE_CALL_NUMBER,
	ROLE_CALL_HOURS,
	ROLE_BAND,
	ROLE_HELP_PREFIX,
	ROLE_HELP_NUMBER,
	ROLE_HELP_NAME,
	ROLE_HINT,
	ROLE_DOT,
	ROLE_DOT_CURRENT,
	ROLE_PAGE_NUMBER,
	ROLE_BUTTON,       /* a navigation button's shape */
	ROLE_QUICK_EXIT,   /* the Quick exit button's shape: a colour of its own */
	ROLE_BUTTON_LABEL,
	ROLE_MENU_TITLE,
	ROLE_TILE,         /* a topic in the menu */
	ROLE_TILE_LABEL,
	ROLE_SHADE,        /* dims the screen behind the idle notice */
	ROLE_NOTICE,       /* the idle notice's card */
	ROLE_NOTICE_TITLE,
	ROLE_NOTICE_TEXT,
	ROLE_COUNTDOWN,    /* the bar that shrinks until the privacy reset */
	ROLE_LANG_TILE,    /* a language in the picker */
	ROLE_LANG_NAME,    /* its name, in its own script */
	ROLE_LANG_CURRENT, /* the outline around the language in use */
	ROLE_QR,           /* a take-away QR code */
	ROLE_QR_CAPTION,
	ROLE_BANNER,       /* the band when it is the out-of-hours banner */
	ROLE_PICTURE,      /* a picture block's picture */
	ROLE_PICTURE_CAPTION,
	ROLE_ICON,         /* a pictogram beside a list item or in a call box */
	ROLE_LOGO,         /* kiosk.logo */
};

struct draw_item {
	enum draw_kind kind;
	enum draw_role role;
	int x, y, w, h;        /* text: top-left of the run; circle: bounding box */
	uint32_t rgb;          /* 0xRRGGBB */
	uint8_t alpha;         /* 255 = opaque */
	int radius;            /* rect: rounded corners */
	enum font_style style; /* text */
	int px;                /* text size in pixels */
	const char *text;      /* points into the content, or NULL: use own_text */
	size_t len;
	char own_text[32];     /* short texts made by the scene ("3", "2 / 5") */
	uint8_t lang;          /* text: the language it is in (its font, its
				  direction); 0 for other items */
	const struct qr_code *qr; /* DRAW_QR: points into the content */
	int module;               /* DRAW_QR: pixels per module */
	const struct picture *pic; /* DRAW_PICTURE: points into the content */
	enum icon icon;            /* DRAW_ICON */
	/* a button's shape (ROLE_BUTTON, ROLE_QUICK_EXIT, ROLE_TILE,
	 * ROLE_LANG_TILE): what it does, drawn enabled or not; ACTION_NONE
	 * for everything else */
	enum kiosk_action action;
	int arg;
	/* text: the box (y, h) is its button's; the renderer centres the
	 * text's real ink in it, which a font's line box does not (Nastaliq's
	 * tall line box left Urdu labels on the bottom edge) */
	bool centre_ink;
};

/* A place on the frame that does something when touched. */
struct hit {
	int x, y, w, h;
	enum kiosk_action action;
	int arg;
};

struct draw_list {
	struct draw_item *items;
	size_t n, cap;
	struct hit *hits;
	size_t n_hits, cap_hits;
	uint32_t clear_rgb; /* the colour behind everything */
};

/* What the scene needs: layouts[i] is screen i laid out at the current size,
 * language and text scale. */
struct scene_input {
	const struct content *content;
	const struct kiosk *kiosk;
	const struct screen_layout *layouts;
	const struct measurer *measurer; /* for the kiosk's current language */
	uint64_t now;
	/* one measurer per language, for the picker, where each language's
	 * name is written in its own script; NULL = measurer for all */
	const struct measurer *by_lang;
};

/* Whether the frame for k draws the screen on view alone: no other
 * screen's layout (the topics are drawn over another screen, a slide or a
 * fade shows two). Then a deck laid out for that screen only
 * (deck_build_first()) is all the frame needs. */
bool scene_view_alone(const struct kiosk *k);

/* Replaces the list's items with the frame for in. The list keeps its
 * memory between frames; free with draw_list_free(). */
void scene_build(struct draw_list *out, const struct scene_input *in);

/* How many pages of tiles the topics menu has for in (at its size,
 * language and text scale): what --preview and --check go through. */
int scene_menu_pages(const struct scene_input *in);

/* The action of the button at (x, y) on the frame in l (the topmost when
 * they overlap), with its argument; ACTION_NONE when there is none. */
enum kiosk_action scene_hit(const struct draw_list *l, int x, int y, int *arg);

/* During a fade: how opaque the arriving page is at time now (0..255, eased
 * as scene_build draws it). The SDL edge uses it to fade between two
 * pages drawn once, instead of drawing both pages every frame. */
uint8_t scene_fade_alpha(const struct kiosk *k, uint64_t now);

/* The text of a text item (its own_text when text is NULL). */
const char *draw_item_text(const struct draw_item *it, size_t *len);

void draw_list_free(struct draw_list *l);

/* WCAG relative-luminance contrast ratio of two 0xRRGGBB colours (1..21). */
double colour_contrast(uint32_t a, uint32_t b);

/* The colours a kiosk in this state draws with: the theme's, or its
 * high-contrast ones. */
struct colours scene_colours(const struct theme *t, bool high_contrast);

/* a blended toward b by t (0..1). */
uint32_t colour_mix(uint32_t a, uint32_t b, double t);

#endif
