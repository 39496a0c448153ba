/* load_private.h — what the loader's files share; not for use outside them.
 *
 * load.h is the loader's public face (content_load_buffer). Behind it the
 * work is split by job, each file named after what it holds:
 *
 *   load.c          the steps: defaults, the walk, the checks after it
 *   load_report.c   problems as messages: where, what, what to write instead
 *   load_suggest.c  words compared as staff mean them; the nearest for a typo
 *   load_values.c   numbers, colours, yes/no and screen ids
 *   load_schema.c   the schema: a table of fields for each section
 *   load_walk.c     the walk over the tree against those tables
 *   load_lang.c     languages, translatable texts and what is not translated
 *   load_hours.c    opening hours, dates and display.sleep
 *   load_numbers.c  phone numbers, QR data, and numbers that must agree
 *   load_text.c     what a text may hold: curly quotes, bidi controls, lengths
 *
 * A function given a struct loader reports what is wrong through it (the
 * messages are counted, capped and sorted at the end) and returns at most
 * whether the value was usable. Memory comes only from the content's arena
 * (what the content keeps) or the tree's (scratch, freed with the tree when
 * the load ends); nothing here is freed on its own. */
#ifndef SIGNPOST_LOAD_PRIVATE_H
#define SIGNPOST_LOAD_PRIVATE_H

#include "load.h"
#include "yamltree.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAX_SCREENS 1000
/* Limits no real centre meets, so a file under 1 MiB is always checked and
 * laid out quickly: a screen a visitor reads holds far less. */
#define MAX_TEXT_CHARS 2000    /* one paragraph, list item, title or label */
#define MAX_WORD_CHARS 200     /* characters with no space between them */
#define MAX_BLOCKS 60          /* blocks on one screen */
#define MAX_ITEMS 60           /* items in one list */
#define MAX_PICTURES 64        /* pictures the content names, pictograms included */
#define MAX_LANG_CHARS 30000   /* all the text of one language: 50 pages */
#define MAX_ALL_CHARS 120000   /* all the text of all languages */
#define MAX_ID_CHARS 40
#define MAX_NUMBER_CHARS 40
#define MAX_PROBLEMS 200 /* of each severity; more would bury the first */
#define MAX_FIELDS 32    /* keys in the biggest section (load_schema.c asserts it) */
#define MAX_NAME 64      /* longer words are never suggestion candidates */
#define EXCERPT 40       /* bytes of a value quoted back in a message */
#define EXCERPT_SIZE (EXCERPT + 8)

#define WANT_TEXT "text, or one text per language like {en: \"...\", pl: \"...\"}"
#define WANT_DAY "opening hours in quotes like \"09:00-17:00\", or closed"

/* One load in progress: the content being filled, the tree it comes from,
 * the problems found, and what the checks after the walk need of it. */
struct loader {
	struct content *c;
	struct ytree *tree;              /* its arena also holds our scratch */
	struct diag_list *diags; /* ours, sorted before the caller sees it */
	size_t n_errors, n_warnings;
	bool langs_bad;                  /* kiosk.languages was wrong: skip
					    language checks that would only
					    repeat it */
	const struct ynode *quick_exit;  /* kiosk.quick_exit's value */
	const struct ynode *lang_at[CONTENT_MAX_LANGS]; /* each code in kiosk.languages */
	/* texts not in every language: the first few are reported as found,
	 * the rest counted, per language, from the place of the first */
	size_t untranslated, more_by_lang[CONTENT_MAX_LANGS];
	struct mark more_at;
	const struct ynode *sleep_outside; /* display.sleep: outside_hours */
	const struct ynode *sleep_at;      /* display.sleep, when it sends the screen to sleep */
	const struct ynode **screen_ids; /* per screen, its id value */
	struct locator where;            /* finds a character in the file */
	struct picture **pictures;       /* the pictures named so far (scratch) */
	size_t n_pictures, cap_pictures;
	bool *loop_given;                /* per screen */
};

/* ---- the schema (tables in load_schema.c, walked by load_walk.c) ------- */

enum field_type {
	FT_SECTION,    /* a group of settings, checked against field.sub */
	FT_NUMBER,     /* double in [min, max] */
	FT_BOOL,       /* bool */
	FT_COLOUR,     /* uint32_t 0xRRGGBB */
	FT_FONT,       /* const char *, not empty */
	FT_LTEXT,      /* struct ltext */
	FT_PHONE,      /* const char *, as written */
	FT_ID,         /* const char *, a screen id */
	FT_ROTATION,   /* int */
	FT_TRANSITION, /* enum transition */
	FT_LANGS,      /* kiosk.languages: read first, see get_languages() */
	FT_LANG_FONTS, /* theme.fonts: a font family per language code */
	FT_SCREEN_REF, /* kiosk.quick_exit: checked when all screens are known */
	FT_SCREENS,    /* the content's screens */
	FT_BLOCKS,     /* a screen's blocks */
	FT_ITEMS,      /* a block's steps or bullets */
	FT_DAY_HOURS,  /* struct day_hours: "09:00-17:00", several, or closed */
	FT_EXCEPTIONS, /* hours.exceptions: "YYYY-MM-DD": day hours */
	FT_SLEEP,      /* struct sleep_rule: "22:00-07:00", outside_hours, never */
	FT_QR_DATA,    /* a qr block's data, encoded into the block */
	FT_PICTURE,    /* struct picture *: a group of settings (field.sub) naming a picture */
	FT_PICTURE_FILE, /* read by get_picture(): the file's name */
	FT_PICTOGRAM,  /* read by get_picture(): a pictogram's name */
	FT_LOGO_PLACE, /* int: enum logo_place */
	FT_SPEECH_OUTPUT, /* speech.output: enum speech_output and its name */
	FT_SPEECH_WORDS,  /* speech.say: words and how to say them */
};

struct section;

struct field {
	const char *key;
	enum field_type type;
	size_t offset;              /* where the value goes in the section's object */
	double min, max;            /* FT_NUMBER */
	const char *want;           /* what the value must be, for messages */
	const char *missing;        /* set for required fields: how to add it */
	const struct section *sub;  /* FT_SECTION */
	bool marked;                /* record where the value was written ... */
	size_t mark_offset;         /* ... in a struct mark at this offset */
};

struct section {
	const char *where;                   /* "in a screen", after "unknown key 'x'" */
	const char *noun;                    /* "this screen", before "has no 'id'" */
	const char *home;                    /* "in a screen (under 'screens:')" */
	const struct field *fields;
	size_t n_fields;
	const struct section *const *near;   /* whose keys get mis-indented into this one */
	void (*finish)(void *obj);           /* after all keys were checked */
};

/* the index of each field in its table, where code needs to know it */
enum { TOP_KIOSK, TOP_DISPLAY, TOP_THEME, TOP_LABELS, TOP_SCREENS, TOP_HOURS, TOP_SPEECH, TOP_N };
enum { KIOSK_LANGUAGES, KIOSK_CYCLE, KIOSK_IDLE, KIOSK_QUICK_EXIT, KIOSK_TRANSITION, KIOSK_HELP,
       KIOSK_OUT_OF_HOURS, KIOSK_QUICK_EXIT_HOLD, KIOSK_LOGO, KIOSK_N };
enum { SCREEN_ID, SCREEN_TITLE, SCREEN_LOOP, SCREEN_DURATION, SCREEN_SHOW_HELP, SCREEN_BLOCKS, SCREEN_N };
enum { BLOCK_F_TEXT, BLOCK_F_STEPS, BLOCK_F_BULLETS, BLOCK_F_CALL, BLOCK_F_QR, BLOCK_F_PICTURE, BLOCK_N };

/* The key and value given for each field of a section; NULL when absent. */
struct seen {
	const struct ynode *key, *val;
};

extern const struct section top_section;    /* the whole file */
extern const struct section screen_section; /* each of screens: */
extern const struct section block_section;  /* each of a screen's blocks: */
extern const struct section item_section;   /* a list item with a pictogram */

/* What item_section fills: a list item's text and its pictogram. */
struct item_in {
	struct ltext text;
	struct picture *icon;
};
/* The kind of block each of block_fields makes, in that table's order. */
extern const enum block_kind block_kinds[BLOCK_N];

/* Checks every key of map against s and fills obj; seen[] (s->n_fields
 * entries) gets what was given. Returns the number of unusable keys. */
size_t walk_section(struct loader *L, const struct section *s, const struct ynode *map, void *obj,
		    struct seen *seen);

/* ---- reporting (load_report.c) ------------------------------------------ */

/* An error or a warning at a node's line and column (a key or a value);
 * past MAX_PROBLEMS of one severity they are only counted. */
void error_at(struct loader *L, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void warn_at(struct loader *L, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* An error about the whole file (too big, empty), at line 0. */
void error_file(struct loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* An error at the character cp of the text written at text, once: a text
 * shared by every language is seen once per language. */
void error_at_char(struct loader *L, struct mark text, uint32_t cp, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* s[0..n) as a short one-line quote for a message, in out[EXCERPT_SIZE]. */
const char *excerpt(const char *s, size_t n, char *out);

/* What a value is, for "must be X, not Y"; out has EXCERPT_SIZE + 2. */
const char *describe(const struct ynode *v, char *out);

/* Is the rest of the line after this (empty, plain) value a comment? Then
 * the staff member wrote  key: #... , and YAML took it for a comment. */
bool comment_follows(const struct loader *L, const struct ynode *v);

/* Reports that v, named subject, is not want ("must be X, not Y", or that
 * it is empty); nothing for a node reported unreadable already. */
void wrong_type(struct loader *L, const struct ynode *v, const char *subject, const char *want);

/* A non-empty single value, or an error saying what it should have been. */
bool want_scalar(struct loader *L, const struct ynode *v, const char *subject, const char *want);

/* A key must be a word; the value is looked at only when it is. False,
 * with an error, when it is not. */
bool key_ok(struct loader *L, const struct ynode *k);

/* Appends s to out[size] (holding *used bytes), cutting it short if full. */
void append(char *out, size_t size, size_t *used, const char *s);

/* "a, b, c" (at most max names, then "..."), in out[size]; NULL names are
 * left out. Returns out. */
const char *join(const char *const *names, size_t n, size_t max, char *out, size_t size);

/* ---- words (load_suggest.c) --------------------------------------------- */

static inline char lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* A letter, in any script (UTF-8's lead and continuation bytes). */
static inline bool letter(char ch)
{
	return (unsigned char)ch >= 0x80 || (lower(ch) >= 'a' && lower(ch) <= 'z');
}

/* Whether a[0..n) is b, or s[0..n) starts with prefix; ASCII case ignored. */
bool equal_nocase(const char *a, size_t n, const char *b);
bool starts_nocase(const char *s, size_t n, const char *prefix);

/* Optimal string alignment distance (insert, delete, change, swap two
 * neighbours), ASCII case ignored; SIZE_MAX for words too long to matter. */
size_t edit_distance(const char *a, const char *b);

/* Index of the name nearest to word, if near enough to be a typo; else -1.
 * NULL names are skipped. */
int nearest(const char *word, const char *const *names, size_t n);

/* A key of map that is key misspelt (reported already, with key suggested). */
bool near_key(const struct ynode *map, const char *key);

/* ---- values (load_values.c) --------------------------------------------- */

/* n elements of size bytes in the arena. n is bounded by the tree, itself
 * bounded by the 1 MiB file, so overflow means memory is corrupt. */
void *arena_array(struct arena *a, size_t n, size_t size);

/* The value of key in map (a YNODE_MAP), or NULL. */
const struct ynode *map_get(const struct ynode *map, const char *key);

static inline struct mark mark_of(const struct ynode *v)
{
	return (struct mark){ v->line, v->col };
}

/* Decimal only: digits, an optional point and sign. No exponents, hex, inf
 * or nan, and no locale: a Polish locale must not make "10.1" invalid.
 * True, with *out, when s[0..n) is such a number. */
bool parse_decimal(const char *s, size_t n, double *out);

/* true, yes or on; false, no or off (any case) into *out; false otherwise. */
bool parse_bool(const char *s, size_t n, bool *out);

/* A screen id (field f) into *out, in the content's arena; else an error,
 * with the id most likely meant ("Report Crime": report-crime). */
void get_id(struct loader *L, const struct field *f, const struct ynode *v, const char **out);

/* A theme colour, "#RRGGBB" or "#RGB", into *out; else an error that names
 * f->key. */
void get_colour(struct loader *L, const struct field *f, const struct ynode *v, uint32_t *out);

/* ---- languages and translations (load_lang.c) --------------------------- */

/* kiosk.languages, read before anything else because every text needs it:
 * fills c->langs and L->lang_at, and sets L->langs_bad when it was wrong. */
void get_languages(struct loader *L, const struct ynode *v);

/* Translatable text: one string for every language, or a string per
 * language code; what names it in messages ("'title'", "item 2 of
 * 'steps'"). Fills *out, falling back to the default language, only when
 * the text is usable, and then returns true. */
bool get_ltext(struct loader *L, const struct ynode *v, const char *what, struct ltext *out);

/* theme.fonts: {ar: "Noto Sans Arabic", ...}, only for listed languages,
 * into t->lang_font. */
void get_lang_fonts(struct loader *L, const struct field *f, const struct ynode *v, struct theme *t);

/* The kiosk's own words in English in every language, and each language
 * named by its code, until labels: says otherwise. Call after the languages
 * are known. */
void set_label_defaults(struct content *c);

/* With several languages: the count of untranslated texts past the first
 * few, the kiosk's own words left in English, and a name for each language
 * (without one the picker shows its code). */
void check_translations(struct loader *L);

/* ---- hours, dates and sleep (load_hours.c) ------------------------------ */

/* One day's opening hours: closed, or time ranges separated by commas, each
 * closing after it opens, in order, not overlapping. True with *out when v
 * (named subject) reads so; else an error. */
bool get_day_hours(struct loader *L, const struct ynode *v, const char *subject, struct day_hours *out);

/* hours.exceptions: "YYYY-MM-DD": day hours, each a real date given once,
 * into h->exceptions. */
void get_exceptions(struct loader *L, const struct field *f, const struct ynode *v, struct hours *h);

/* display.sleep: a time range, outside_hours (remembered in
 * L->sleep_outside) or never, into *out; L->sleep_at is where it was
 * written, unless never. */
void get_sleep(struct loader *L, const struct field *f, const struct ynode *v, struct sleep_rule *out);

/* What hours, display.sleep and kiosk.out_of_hours need of each other;
 * hours_key is the top-level 'hours' key, kiosk the kiosk section (either
 * may be NULL). */
void check_hours_settings(struct loader *L, const struct ynode *hours_key, const struct ynode *kiosk);

/* The one warning that hours or sleep need the kiosk to know the time
 * (network time or a battery clock), at hours_key or display.sleep; for
 * content that loads, so it never crowds a list of errors. */
void warn_needs_the_time(struct loader *L, const struct ynode *hours_key);

/* ---- phone numbers and QR data (load_numbers.c) ------------------------- */

/* A call's number, as written, into *out; else an error (a letter O for a
 * zero, no digits, too long). */
void get_phone(struct loader *L, const struct field *f, const struct ynode *v, const char **out);

/* A qr block's data: a tel: number a phone can dial, or a web link; ASCII
 * without spaces, so what a phone reads back is exactly what was written.
 * Encoded into qb->code, kept in qb->data. */
void get_qr_data(struct loader *L, const struct field *f, const struct ynode *v, struct qr_block *qb);

/* A tel: QR code must dial the number printed beside it (the call block
 * just before it), and a call of the help line the help line's number; the
 * same service named with two numbers is likely half an update. */
void check_numbers(struct loader *L);

/* ---- pictures (load_pictures.c) ---------------------------------------- */

/* A picture's settings (field f, its section in f->sub) into a new struct
 * picture, *out, listed in L->pictures; else errors: no file or
 * pictogram, both, a name outside the content's folder or of a kind not
 * shown, an unknown pictogram. A missing alt: is the walk's error. */
void get_picture(struct loader *L, const struct field *f, const struct ynode *v, struct picture **out);

/* A list item written as settings (text: and icon:), not as a text. */
bool is_item_with_icon(const struct ynode *item);
bool get_item_with_icon(struct loader *L, const struct ynode *item, struct ltext *text, struct picture **icon);

/* Hands the pictures named to the content (after the walk). */
void finish_pictures(struct loader *L);

/* ---- what texts may hold (load_text.c) ---------------------------------- */

/* A plain value in Word's curly quotes, “...” or ‘...’: YAML keeps the
 * quotes as part of the text, so the kiosk would show them. Warns. */
void curly_quoted(struct loader *L, const struct ynode *v);

/* The lengths of every text and number (one text, one language, all
 * languages), their longest word, and the bidi controls they hold; only
 * for content without other errors. */
void check_texts(struct loader *L);

#endif
