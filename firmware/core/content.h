/* content.h — the content model: what the kiosk shows, loaded from YAML.
 *
 * Everything here is plain data owned by one arena (content.arena). Strings
 * that staff can translate are `struct ltext`: one string per configured
 * language, already resolved at load time so that a language without its own
 * translation falls back to the default language's text. Nothing in the rest
 * of the program has to handle a missing translation. */
#ifndef SIGNPOST_CONTENT_H
#define SIGNPOST_CONTENT_H

#include "arena.h"
#include "hours.h"
#include "qr.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CONTENT_MAX_LANGS 16
#define CONTENT_MAX_FILE_BYTES (1024 * 1024)

/* Translatable text: by_lang[i] is the text for content.langs[i]; never NULL
 * for i < content.n_langs once loaded (falls back to the default language). */
/* Where something was written in the YAML file (1-based), for messages. */
struct mark {
	int line, col;
};

struct ltext {
	const char *by_lang[CONTENT_MAX_LANGS];
	/* where each language's text starts in the file (a language without
	 * its own text has the default language's place); {0, 0} for texts the
	 * kiosk supplies itself */
	struct mark at[CONTENT_MAX_LANGS];
};

/* The language t's text for language lang is written in: lang, or the
 * default language (0) when lang has no text of its own and shows the
 * default's (an untranslated label on an Arabic page is English, and is
 * drawn as English: its font, left to right). */
static inline size_t ltext_lang(const struct ltext *t, size_t lang)
{
	return lang > 0 && t->by_lang[lang] == t->by_lang[0] ? 0 : lang;
}

/* A picture the content names: a PNG or JPEG file next to the content
 * file (named relative to its folder), or a pictogram of the kiosk's own
 * set (pictogram.h). Its words (alt) are what speech reads and what
 * --check prints; they are required. The loader checks the name; the SDL
 * edge reads the file and fills in w and h before anything is laid out. */
struct picture {
	const char *file;      /* as written ("logo.png", "maps/way.jpg"), or NULL */
	int pictogram;         /* index in pictogram_names, or -1 */
	struct mark at;        /* where its settings start */
	struct mark file_at;   /* where file: or pictogram: was written */
	struct ltext alt;      /* the words for those who cannot see it */
	struct ltext caption;  /* a picture block's words under it; by_lang[0] NULL when absent */
	bool has_caption;
	int place;             /* kiosk.logo only: enum logo_place */
	size_t index;          /* its place in content.pictures */
	int w, h;              /* its size in pixels, EXIF orientation applied;
				  0 until the edge has read it (laid out square) */
};

enum logo_place {
	LOGO_TITLE,   /* beside every screen's title, on the side away from
			 where its lines start */
	LOGO_WELCOME, /* on the first screen only, above its title, larger */
};

struct call {
	struct ltext name;  /* "The Havens" */
	const char *number; /* "020 3299 6900", shown as written */
	struct mark at_number;
	struct ltext hours; /* "Open 24 hours"; by_lang[0] == NULL when absent */
	bool has_hours;
	/* how speech says the number, in each language that gives it
	 * ("oh eight oh eight, ..."); by_lang[0] == NULL when absent, and a
	 * language without its own is read digit by digit */
	struct ltext say;
	bool has_say;
	struct picture *icon; /* a pictogram beside the name, or NULL */
};

enum block_kind { BLOCK_TEXT, BLOCK_STEPS, BLOCK_BULLETS, BLOCK_CALL, BLOCK_QR, BLOCK_PICTURE };

/* A take-away QR code: a link or a tel: number, with a caption under it.
 * Right after a call block it is drawn beside that call's number. */
struct qr_block {
	const char *data;      /* "tel:+448085002222", exactly as written */
	struct mark data_at;   /* where data was written, for --check */
	struct qr_code code;   /* encoded by the loader, in the arena */
	struct ltext caption;  /* by_lang[0] == NULL when absent */
	bool has_caption;
};

struct block {
	enum block_kind kind;
	struct mark at;
	struct ltext text;   /* BLOCK_TEXT */
	struct ltext *items; /* BLOCK_STEPS, BLOCK_BULLETS: n_items entries */
	struct picture **item_icons; /* each item's pictogram or NULL; the
					array is NULL when no item has one */
	size_t n_items;
	struct call call;    /* BLOCK_CALL */
	struct qr_block qr;  /* BLOCK_QR */
	struct picture *picture; /* BLOCK_PICTURE */
};

struct screen {
	const char *id; /* [a-z0-9_-]+, unique */
	struct mark at;
	struct ltext title;
	struct block *blocks;
	size_t n_blocks;
	bool loop;         /* shown in the attract loop */
	double duration;   /* seconds in the loop; 0 = kiosk.cycle */
	bool show_help;    /* the help line at the bottom; default true */
};

/* kiosk.out_of_hours: while the hours say closed, the band at the bottom of
 * every screen (but the Quick exit one) says so and gives a number that
 * answers now, in place of the help line. */
struct out_of_hours {
	bool given;
	struct ltext text; /* "We are closed now. This line is open day and night:" */
	struct call call;  /* its own number, or a copy of kiosk.help */
	bool own_call;
};

enum transition { TRANSITION_FADE, TRANSITION_SLIDE, TRANSITION_NONE };

/* Colours are 0xRRGGBB. */
struct colours {
	uint32_t background, text, accent;
	/* where each was set in the file; {0, 0} = the built-in default */
	struct mark at_background, at_text, at_accent;
};

struct theme {
	uint32_t background, text, accent;
	struct mark at_background, at_text, at_accent;
	const char *font; /* fontconfig family name, "DejaVu Sans" by default */
	/* a family per language (theme.fonts), NULL = font; the text falls back
	 * to `font` for any run of text the language's font cannot draw */
	const char *lang_font[CONTENT_MAX_LANGS];
	struct mark at_lang_font[CONTENT_MAX_LANGS];
	/* what the high-contrast button switches to (theme.high_contrast):
	 * black, white and yellow unless the content says otherwise */
	struct colours high_contrast;
};

/* Words the kiosk itself shows, translatable like everything else. */
struct labels {
	struct ltext touch_hint;    /* "Touch the screen to find out more" */
	struct ltext help_prefix;   /* "Talk to someone now:" */
	struct ltext back;          /* "Back" */
	struct ltext topics;        /* "Topics": the Home button and menu title */
	struct ltext quick_exit;    /* "Quick exit" */
	struct ltext language_name; /* each language's own name: "English" */
	struct ltext still_there;   /* "Are you still there?" */
	struct ltext touch_to_continue; /* "Touch the screen to continue." */
	struct ltext language;      /* "Language": the title of the picker */
	/* spoken only (speech.h): the words that frame the reading */
	struct ltext button;        /* "Button", before a button's label */
	struct ltext page_of;       /* "Page {page} of {pages}" */
	struct ltext next;          /* "Next": the arrow */
	struct ltext previous;      /* "Previous" */
	struct ltext larger_text;   /* "Larger text": A+ */
	struct ltext smaller_text;  /* "Smaller text": A- */
	struct ltext contrast;      /* "High contrast": the contrast button */
	struct ltext speech_on;     /* "Speech is on. For help, press H." */
	struct ltext speech_help;   /* how to use the keys (voice.h) */
	struct ltext speech_touch;  /* the intro when Listen was touched: how to explore */
	struct ltext any_key;       /* "Or press any key.": after the idle notice's words */
	struct ltext listen;        /* "Listen": the loudspeaker button that starts speech */
	struct ltext stop_speech;   /* "Stop speech": the Listen button while speech is on */
};

/* speech.output: where speech may be heard. Speech is for one visitor:
 * by default it goes only to a headset, never to a loudspeaker the room
 * hears unless the content says so in so many words. */
enum speech_output {
	SPEECH_OUT_HEADSET,     /* a sound output named as headphones or a headset (the default) */
	SPEECH_OUT_NAMED,       /* the output whose name contains speech_name */
	SPEECH_OUT_LOUDSPEAKER, /* the system's default output, whatever it is */
	SPEECH_OUT_NONE,        /* no speech */
};
#define SPEECH_LOUDSPEAKER_WORDS "loudspeaker, heard by everyone in the room"

/* speech.say: how the voice says a word it gets wrong ("24/7", a
 * service's initials), wherever the word stands in a text, in the
 * languages that give their own way of saying it. */
struct spoken_word {
	const char *word; /* as written in the texts */
	size_t len;
	struct ltext say; /* what is said instead */
	struct mark at;
};
#define CONTENT_MAX_SPOKEN_WORDS 200
#define CONTENT_MAX_SPOKEN_WORD 60 /* bytes */

struct content {
	struct arena arena;
	const char *path; /* as given, in the arena */
	uint8_t sha256[32]; /* of the bytes it was loaded from */

	/* kiosk: */
	const char *langs[CONTENT_MAX_LANGS]; /* codes; langs[0] is the default */
	bool rtl[CONTENT_MAX_LANGS];          /* written right to left (ar, ur, he, fa ...) */
	struct mark lang_at[CONTENT_MAX_LANGS]; /* where each code is in kiosk.languages; {0, 0} for the
						   default "en" of content without that list */
	size_t n_langs;
	double cycle;         /* seconds per loop screen, default 12 */
	double idle_timeout;  /* seconds, default 90 */
	int quick_exit;       /* screen index of the neutral screen; -1 if none */
	double quick_exit_hold; /* seconds it stays before the loop resumes, default 180 */
	enum transition transition; /* default fade */
	struct call help;     /* the help line shown at the bottom of screens */
	bool has_help;

	/* display: */
	int rotation;           /* 0, 90, 180, 270 */
	double diagonal_inches; /* 0 when not given */
	double viewing_distance_cm; /* 0 when not given (checks assume 40) */

	struct theme theme;
	struct labels labels;

	/* speech: */
	enum speech_output speech_output;
	const char *speech_name; /* SPEECH_OUT_NAMED: part of the output's name */
	struct spoken_word *spoken; /* speech.say, in the arena */
	size_t n_spoken;

	struct screen *screens;
	size_t n_screens;

	/* every picture the content names, in the order written */
	struct picture **pictures;
	size_t n_pictures;
	struct picture *logo; /* kiosk.logo, or NULL */

	/* hours: and what happens outside them */
	struct hours hours;              /* hours.given false: always open */
	struct sleep_rule sleep;         /* display.sleep; SLEEP_NEVER by default */
	struct out_of_hours out_of_hours; /* kiosk.out_of_hours: the banner */
};

/* Whether text in the language with this code is written right to left. */
bool content_lang_rtl(const char *code);

/* Calls fn for every text the content shows (each language, each string),
 * with the language index and where it was written. */
void content_each_text(const struct content *c,
		       void (*fn)(void *ctx, size_t lang, const char *text, struct mark at), void *ctx);

/* Calls fn for every picture's words (alt), each language: texts that
 * are spoken and printed, never drawn. */
void content_each_alt(const struct content *c,
		      void (*fn)(void *ctx, size_t lang, const char *text, struct mark at), void *ctx);

/* Finds characters of texts in src, the file the content was loaded from.
 * Start with { src, len } and the rest zero. */
struct locator {
	const char *src;
	size_t len;
	size_t i;          /* where the last search ended */
	int line, col;     /* its place */
	struct mark from;  /* the text it searched */
};

/* Where the character cp first appears at or after mark from (a text's
 * place), after the character found last when it is the same text: the
 * characters of one text, asked for in order, are found in one pass over
 * the file. Columns count characters, as in every message. Returns from
 * when it is not found (an escape, say). */
struct mark content_locate(struct locator *l, struct mark from, uint32_t cp);

/* Index of the screen with this id, or -1. */
int content_find_screen(const struct content *c, const char *id);

/* Frees everything the content owns (its arena); NULL is ok. */
void content_free(struct content *c);

#endif
