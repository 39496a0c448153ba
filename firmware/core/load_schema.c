/* load_schema.c — the schema of the content file, as tables; see
 * load_private.h.
 *
 * A section (the top of the file, kiosk:, a screen, a block, a call, ...)
 * is a table of fields: each field's key, its type, where its value goes
 * in the section's object, and the words for messages (what it must be,
 * how to add it when it is required). Each section also names the
 * sections whose keys are most often mis-indented into it, for "'cycle'
 * belongs under 'kiosk:'". load_walk.c walks the tree against them. */
#include "load_private.h"

#include <stddef.h>

/* top_section, screen_section and block_section are load_private.h's */
static const struct section kiosk_section, help_section, display_section, theme_section, contrast_section,
	labels_section, call_section, hours_section, out_of_hours_section, qr_section, logo_section, banner_call_section,
	picture_section, icon_section, speech_section;

static void call_finish(void *obj)
{
	struct call *call = obj;
	call->has_hours = call->hours.by_lang[0] != NULL;
	call->has_say = call->say.by_lang[0] != NULL;
}

#define WANT_ALT "the words for those who cannot see the picture: what it shows, like  alt: \"Our logo\""
#define MISSING_ALT "add its words for those who cannot see it (speech reads them, --check prints them), " \
		    "like  alt: \"Map: reception is on the left\""
#define PICTURE_FILE_FIELD \
	{ .key = "file", .type = FT_PICTURE_FILE, .want = "the name of a PNG or JPEG file, like logo.png" }
#define PICTURE_ALT_FIELD \
	{ .key = "alt", .type = FT_LTEXT, .offset = offsetof(struct picture, alt), .want = WANT_ALT, \
	  .missing = MISSING_ALT }

static const struct field logo_fields[] = {
	PICTURE_FILE_FIELD,
	PICTURE_ALT_FIELD,
	{ .key = "place", .type = FT_LOGO_PLACE, .offset = offsetof(struct picture, place),
	  .want = "title (beside every screen's title) or welcome (large, on the first screen)" },
};

static const struct field picture_fields[] = {
	PICTURE_FILE_FIELD,
	PICTURE_ALT_FIELD,
	{ .key = "caption", .type = FT_LTEXT, .offset = offsetof(struct picture, caption), .want = WANT_TEXT },
};

static const struct field icon_fields[] = {
	{ .key = "pictogram", .type = FT_PICTOGRAM, .want = "the name of one of the kiosk's pictograms, like phone" },
	PICTURE_FILE_FIELD,
	PICTURE_ALT_FIELD,
};

/* a call's settings; kiosk.help and the banner's call take the first
 * four (the band at the bottom has no room for a pictogram) */
static const struct field call_fields[] = {
	{ .key = "name", .type = FT_LTEXT, .offset = offsetof(struct call, name), .want = WANT_TEXT,
	  .missing = "add it, like  name: \"The Havens\"" },
	{ .key = "number", .type = FT_PHONE, .offset = offsetof(struct call, number),
	  .marked = true, .mark_offset = offsetof(struct call, at_number),
	  .want = "a phone number in quotes, like \"0808 500 2222\"",
	  .missing = "add the phone number, like  number: \"0808 500 2222\"" },
	{ .key = "hours", .type = FT_LTEXT, .offset = offsetof(struct call, hours), .want = WANT_TEXT },
	{ .key = "say", .type = FT_LTEXT, .offset = offsetof(struct call, say),
	  .want = "how speech says the number, in quotes, like \"oh eight oh eight, five hundred\"" },
	{ .key = "icon", .type = FT_PICTURE, .offset = offsetof(struct call, icon), .sub = &icon_section,
	  .want = "settings indented under 'icon:': pictogram (or file) and alt" },
};
#define HELP_FIELDS 4

static const struct field item_fields[] = {
	{ .key = "text", .type = FT_LTEXT, .offset = offsetof(struct item_in, text), .want = WANT_TEXT,
	  .missing = "add the item's words, like  text: \"...\"" },
	{ .key = "icon", .type = FT_PICTURE, .offset = offsetof(struct item_in, icon), .sub = &icon_section,
	  .want = "settings indented under 'icon:': pictogram (or file) and alt" },
};

static void qr_finish(void *obj)
{
	struct qr_block *q = obj;
	q->has_caption = q->caption.by_lang[0] != NULL;
}

static void hours_finish(void *obj)
{
	((struct hours *)obj)->given = true;
}

static void out_of_hours_finish(void *obj)
{
	struct out_of_hours *o = obj;
	o->given = true;
	o->own_call = o->call.number != NULL;
}

static const struct field qr_fields[] = {
	{ .key = "data", .type = FT_QR_DATA, .offset = offsetof(struct qr_block, data),
	  .want = "a link or a phone number in quotes, like \"tel:+448085002222\" or \"https://...\"",
	  .missing = "add what the code holds, like  data: \"tel:+448085002222\"" },
	{ .key = "caption", .type = FT_LTEXT, .offset = offsetof(struct qr_block, caption), .want = WANT_TEXT },
};

static const struct field hours_fields[] = {
	{ .key = "monday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[0]), .want = WANT_DAY },
	{ .key = "tuesday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[1]), .want = WANT_DAY },
	{ .key = "wednesday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[2]), .want = WANT_DAY },
	{ .key = "thursday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[3]), .want = WANT_DAY },
	{ .key = "friday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[4]), .want = WANT_DAY },
	{ .key = "saturday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[5]), .want = WANT_DAY },
	{ .key = "sunday", .type = FT_DAY_HOURS, .offset = offsetof(struct hours, week[6]), .want = WANT_DAY },
	{ .key = "exceptions", .type = FT_EXCEPTIONS,
	  .want = "dates, each with its hours, indented under 'exceptions:', like  \"2026-12-25\": closed" },
};

static const struct field out_of_hours_fields[] = {
	{ .key = "text", .type = FT_LTEXT, .offset = offsetof(struct out_of_hours, text), .want = WANT_TEXT,
	  .missing = "add the banner's words, like  text: \"We are closed now. This line is open day and night:\"" },
	{ .key = "call", .type = FT_SECTION, .offset = offsetof(struct out_of_hours, call), .sub = &banner_call_section,
	  .want = "settings indented under 'call:': name, number and hours" },
};

static const struct field kiosk_fields[KIOSK_N] = {
	[KIOSK_LANGUAGES] = { .key = "languages", .type = FT_LANGS },
	[KIOSK_CYCLE] = { .key = "cycle", .type = FT_NUMBER, .offset = offsetof(struct content, cycle),
			  .min = 3, .max = 600, .want = "a number of seconds between 3 and 600, like 12" },
	[KIOSK_IDLE] = { .key = "idle_timeout", .type = FT_NUMBER,
			 .offset = offsetof(struct content, idle_timeout), .min = 10, .max = 3600,
			 .want = "a number of seconds between 10 and 3600, like 90" },
	[KIOSK_QUICK_EXIT] = { .key = "quick_exit", .type = FT_SCREEN_REF,
			       .want = "the id of a screen, like neutral (or none for no Quick exit button)",
			       .missing = "without it there is no Quick exit button; add the id of an "
					  "ordinary-looking screen that the button shows, like  quick_exit: neutral "
					  "(only if this kiosk must have no Quick exit button, write  quick_exit: none)" },
	[KIOSK_TRANSITION] = { .key = "transition", .type = FT_TRANSITION,
			       .offset = offsetof(struct content, transition),
			       .want = "fade, slide or none (none: screens change without movement)" },
	[KIOSK_HELP] = { .key = "help", .type = FT_SECTION, .offset = offsetof(struct content, help),
			 .sub = &help_section,
			 .want = "settings indented under 'help:': name, number and hours" },
	[KIOSK_OUT_OF_HOURS] = { .key = "out_of_hours", .type = FT_SECTION,
				 .offset = offsetof(struct content, out_of_hours), .sub = &out_of_hours_section,
				 .want = "settings indented under 'out_of_hours:': text, and call if the number is "
					 "not kiosk.help's" },
	[KIOSK_LOGO] = { .key = "logo", .type = FT_PICTURE, .offset = offsetof(struct content, logo),
			 .sub = &logo_section, .want = "settings indented under 'logo:': file, alt and place" },
	[KIOSK_QUICK_EXIT_HOLD] = { .key = "quick_exit_hold", .type = FT_NUMBER,
				    .offset = offsetof(struct content, quick_exit_hold), .min = 10, .max = 3600,
				    .want = "a number of seconds between 10 and 3600 that the Quick exit screen "
					    "stays before the loop starts again, like 180" },
};

static const struct field speech_fields[] = {
	{ .key = "output", .type = FT_SPEECH_OUTPUT,
	  .want = "headset, none, or part of the name of a sound output in quotes, like \"USB Headset\"" },
	{ .key = "say", .type = FT_SPEECH_WORDS,
	  .want = "words, each with how the voice should say it, indented under 'say:', like  \"24/7\": "
		  "\"twenty-four seven\"" },
};

static const struct field display_fields[] = {
	{ .key = "rotation", .type = FT_ROTATION, .offset = offsetof(struct content, rotation),
	  .want = "0, 90, 180 or 270 (degrees)" },
	{ .key = "diagonal_inches", .type = FT_NUMBER, .offset = offsetof(struct content, diagonal_inches),
	  .min = 2, .max = 100, .want = "the size of the screen in inches between 2 and 100, like 10.1" },
	{ .key = "viewing_distance_cm", .type = FT_NUMBER,
	  .offset = offsetof(struct content, viewing_distance_cm), .min = 20, .max = 500,
	  .want = "how far a visitor's eyes are from the screen, in centimetres between 20 and 500, like 40" },
	{ .key = "sleep", .type = FT_SLEEP, .offset = offsetof(struct content, sleep),
	  .want = "when the screen goes black: times in quotes like \"22:00-07:00\", outside_hours, or never" },
};

#define COLOUR_FIELD(T, NAME) \
	{ .key = #NAME, .type = FT_COLOUR, .offset = offsetof(T, NAME), .marked = true, \
	  .mark_offset = offsetof(T, at_##NAME) }

static const struct field theme_fields[] = {
	COLOUR_FIELD(struct theme, background),
	COLOUR_FIELD(struct theme, text),
	COLOUR_FIELD(struct theme, accent),
	{ .key = "font", .type = FT_FONT, .offset = offsetof(struct theme, font),
	  .want = "the name of a font in quotes, like \"DejaVu Sans\"" },
	{ .key = "fonts", .type = FT_LANG_FONTS,
	  .want = "a font per language code, indented under 'fonts:', like  ar: \"Noto Sans Arabic\"" },
	{ .key = "high_contrast", .type = FT_SECTION, .offset = offsetof(struct theme, high_contrast),
	  .sub = &contrast_section,
	  .want = "colours indented under 'high_contrast:', like  background: \"#000000\"" },
};

static const struct field contrast_fields[] = {
	COLOUR_FIELD(struct colours, background),
	COLOUR_FIELD(struct colours, text),
	COLOUR_FIELD(struct colours, accent),
};

static const struct field labels_fields[] = {
	{ .key = "touch_hint", .type = FT_LTEXT, .offset = offsetof(struct labels, touch_hint), .want = WANT_TEXT },
	{ .key = "help_prefix", .type = FT_LTEXT, .offset = offsetof(struct labels, help_prefix), .want = WANT_TEXT },
	{ .key = "back", .type = FT_LTEXT, .offset = offsetof(struct labels, back), .want = WANT_TEXT },
	{ .key = "topics", .type = FT_LTEXT, .offset = offsetof(struct labels, topics), .want = WANT_TEXT },
	{ .key = "quick_exit", .type = FT_LTEXT, .offset = offsetof(struct labels, quick_exit), .want = WANT_TEXT },
	{ .key = "language_name", .type = FT_LTEXT, .offset = offsetof(struct labels, language_name), .want = WANT_TEXT },
	{ .key = "still_there", .type = FT_LTEXT, .offset = offsetof(struct labels, still_there), .want = WANT_TEXT },
	{ .key = "touch_to_continue", .type = FT_LTEXT, .offset = offsetof(struct labels, touch_to_continue), .want = WANT_TEXT },
	{ .key = "language", .type = FT_LTEXT, .offset = offsetof(struct labels, language), .want = WANT_TEXT },
	{ .key = "listen", .type = FT_LTEXT, .offset = offsetof(struct labels, listen), .want = WANT_TEXT },
	/* spoken only */
	{ .key = "button", .type = FT_LTEXT, .offset = offsetof(struct labels, button), .want = WANT_TEXT },
	{ .key = "page_of", .type = FT_LTEXT, .offset = offsetof(struct labels, page_of), .want = WANT_TEXT },
	{ .key = "next", .type = FT_LTEXT, .offset = offsetof(struct labels, next), .want = WANT_TEXT },
	{ .key = "previous", .type = FT_LTEXT, .offset = offsetof(struct labels, previous), .want = WANT_TEXT },
	{ .key = "larger_text", .type = FT_LTEXT, .offset = offsetof(struct labels, larger_text), .want = WANT_TEXT },
	{ .key = "smaller_text", .type = FT_LTEXT, .offset = offsetof(struct labels, smaller_text), .want = WANT_TEXT },
	{ .key = "contrast", .type = FT_LTEXT, .offset = offsetof(struct labels, contrast), .want = WANT_TEXT },
	{ .key = "speech_on", .type = FT_LTEXT, .offset = offsetof(struct labels, speech_on), .want = WANT_TEXT },
	{ .key = "speech_help", .type = FT_LTEXT, .offset = offsetof(struct labels, speech_help), .want = WANT_TEXT },
	{ .key = "speech_touch", .type = FT_LTEXT, .offset = offsetof(struct labels, speech_touch), .want = WANT_TEXT },
	{ .key = "any_key", .type = FT_LTEXT, .offset = offsetof(struct labels, any_key), .want = WANT_TEXT },
	{ .key = "stop_speech", .type = FT_LTEXT, .offset = offsetof(struct labels, stop_speech), .want = WANT_TEXT },
};

static const struct field block_fields[BLOCK_N] = {
	[BLOCK_F_TEXT] = { .key = "text", .type = FT_LTEXT, .offset = offsetof(struct block, text), .want = WANT_TEXT },
	[BLOCK_F_STEPS] = { .key = "steps", .type = FT_ITEMS, .want = "a list of texts, each starting with '- '" },
	[BLOCK_F_BULLETS] = { .key = "bullets", .type = FT_ITEMS, .want = "a list of texts, each starting with '- '" },
	[BLOCK_F_CALL] = { .key = "call", .type = FT_SECTION, .offset = offsetof(struct block, call),
			   .sub = &call_section,
			   .want = "settings indented under 'call:': name, number and hours" },
	[BLOCK_F_QR] = { .key = "qr", .type = FT_SECTION, .offset = offsetof(struct block, qr), .sub = &qr_section,
			 .want = "settings indented under 'qr:': data, and a caption" },
	[BLOCK_F_PICTURE] = { .key = "picture", .type = FT_PICTURE, .offset = offsetof(struct block, picture),
			      .sub = &picture_section,
			      .want = "settings indented under 'picture:': file, alt and a caption" },
};

/* in block_fields order */
const enum block_kind block_kinds[BLOCK_N] = { BLOCK_TEXT, BLOCK_STEPS, BLOCK_BULLETS, BLOCK_CALL,
					       BLOCK_QR, BLOCK_PICTURE };

static const struct field screen_fields[SCREEN_N] = {
	[SCREEN_ID] = { .key = "id", .type = FT_ID, .offset = offsetof(struct screen, id),
			.want = "1 to 40 lowercase letters, digits, '-' or '_' (no spaces), like reporting",
			.missing = "add one, like  id: reporting" },
	[SCREEN_TITLE] = { .key = "title", .type = FT_LTEXT, .offset = offsetof(struct screen, title),
			   .want = WANT_TEXT, .missing = "add one, like  title: \"What happens when you report\"" },
	[SCREEN_LOOP] = { .key = "loop", .type = FT_BOOL, .offset = offsetof(struct screen, loop),
			  .want = "true or false" },
	[SCREEN_DURATION] = { .key = "duration", .type = FT_NUMBER, .offset = offsetof(struct screen, duration),
			      .min = 3, .max = 600, .want = "a number of seconds between 3 and 600, like 20" },
	[SCREEN_SHOW_HELP] = { .key = "show_help", .type = FT_BOOL, .offset = offsetof(struct screen, show_help),
			       .want = "true or false" },
	[SCREEN_BLOCKS] = { .key = "blocks", .type = FT_BLOCKS,
			    .want = "a list of blocks, each starting with '- ', like  - text: \"...\"",
			    .missing = "add 'blocks:' with at least one block under it, like  - text: \"...\"" },
};

static const struct field top_fields[TOP_N] = {
	[TOP_KIOSK] = { .key = "kiosk", .type = FT_SECTION, .sub = &kiosk_section,
			.want = "settings indented under 'kiosk:', like  cycle: 12" },
	[TOP_DISPLAY] = { .key = "display", .type = FT_SECTION, .sub = &display_section,
			  .want = "settings indented under 'display:', like  rotation: 0" },
	[TOP_THEME] = { .key = "theme", .type = FT_SECTION, .offset = offsetof(struct content, theme),
			.sub = &theme_section,
			.want = "settings indented under 'theme:', like  background: \"#1B2340\"" },
	[TOP_LABELS] = { .key = "labels", .type = FT_SECTION, .offset = offsetof(struct content, labels),
			 .sub = &labels_section,
			 .want = "texts indented under 'labels:', like  touch_hint: \"Touch the screen\"" },
	[TOP_SCREENS] = { .key = "screens", .type = FT_SCREENS,
			  .want = "a list of screens, each starting with '- id:'",
			  .missing = "add 'screens:' with at least one screen under it, starting with '- id:'" },
	[TOP_HOURS] = { .key = "hours", .type = FT_SECTION, .offset = offsetof(struct content, hours),
			.sub = &hours_section,
			.want = "the opening hours indented under 'hours:', like  monday: \"09:00-17:00\"" },
	[TOP_SPEECH] = { .key = "speech", .type = FT_SECTION, .sub = &speech_section,
			 .want = "settings indented under 'speech:', like  output: headset" },
};

/* the walk keeps one slot per key of a section (load_walk.c's seen[]) */
_Static_assert(sizeof logo_fields / sizeof logo_fields[0] <= MAX_FIELDS, "MAX_FIELDS: logo_fields");
_Static_assert(sizeof picture_fields / sizeof picture_fields[0] <= MAX_FIELDS, "MAX_FIELDS: picture_fields");
_Static_assert(sizeof icon_fields / sizeof icon_fields[0] <= MAX_FIELDS, "MAX_FIELDS: icon_fields");
_Static_assert(sizeof call_fields / sizeof call_fields[0] <= MAX_FIELDS, "MAX_FIELDS: call_fields");
_Static_assert(sizeof item_fields / sizeof item_fields[0] <= MAX_FIELDS, "MAX_FIELDS: item_fields");
_Static_assert(sizeof qr_fields / sizeof qr_fields[0] <= MAX_FIELDS, "MAX_FIELDS: qr_fields");
_Static_assert(sizeof hours_fields / sizeof hours_fields[0] <= MAX_FIELDS, "MAX_FIELDS: hours_fields");
_Static_assert(sizeof out_of_hours_fields / sizeof out_of_hours_fields[0] <= MAX_FIELDS, "MAX_FIELDS: out_of_hours_fields");
_Static_assert(sizeof kiosk_fields / sizeof kiosk_fields[0] <= MAX_FIELDS, "MAX_FIELDS: kiosk_fields");
_Static_assert(sizeof speech_fields / sizeof speech_fields[0] <= MAX_FIELDS, "MAX_FIELDS: speech_fields");
_Static_assert(sizeof display_fields / sizeof display_fields[0] <= MAX_FIELDS, "MAX_FIELDS: display_fields");
_Static_assert(sizeof theme_fields / sizeof theme_fields[0] <= MAX_FIELDS, "MAX_FIELDS: theme_fields");
_Static_assert(sizeof contrast_fields / sizeof contrast_fields[0] <= MAX_FIELDS, "MAX_FIELDS: contrast_fields");
_Static_assert(sizeof labels_fields / sizeof labels_fields[0] <= MAX_FIELDS, "MAX_FIELDS: labels_fields");
_Static_assert(sizeof block_fields / sizeof block_fields[0] <= MAX_FIELDS, "MAX_FIELDS: block_fields");
_Static_assert(sizeof screen_fields / sizeof screen_fields[0] <= MAX_FIELDS, "MAX_FIELDS: screen_fields");
_Static_assert(sizeof top_fields / sizeof top_fields[0] <= MAX_FIELDS, "MAX_FIELDS: top_fields");

#define FIELDS(a) (a), sizeof(a) / sizeof((a)[0])

static const struct section *const top_near[] = { &kiosk_section, &display_section, &speech_section, &theme_section,
						  &labels_section, &screen_section, &hours_section, NULL };
static const struct section *const kiosk_near[] = { &display_section, &theme_section, &labels_section,
						    &hours_section, NULL };
static const struct section *const display_near[] = { &kiosk_section, &theme_section, NULL };
static const struct section *const theme_near[] = { &display_section, &kiosk_section, NULL };
static const struct section *const labels_near[] = { &kiosk_section, NULL };
static const struct section *const screen_near[] = { &block_section, &call_section, &kiosk_section, NULL };
static const struct section *const block_near[] = { &call_section, &qr_section, &screen_section, NULL };
static const struct section *const call_near[] = { &block_section, NULL };
static const struct section *const speech_near[] = { &kiosk_section, &display_section, NULL };
static const struct section *const hours_near[] = { &kiosk_section, &display_section, NULL };
static const struct section *const qr_near[] = { &block_section, &call_section, NULL };

const struct section top_section = {
	"at the top of the file", "the file", "at the top of the file (not indented)",
	FIELDS(top_fields), top_near, NULL,
};
static const struct section kiosk_section = {
	"in the kiosk section", "kiosk", "under 'kiosk:'", FIELDS(kiosk_fields), kiosk_near, NULL,
};
static const struct section help_section = {
	"in kiosk.help", "kiosk.help", "under 'help:'", call_fields, HELP_FIELDS, NULL, call_finish,
};
static const struct section speech_section = {
	"in the speech section", "speech", "under 'speech:'", FIELDS(speech_fields), speech_near, NULL,
};
static const struct section display_section = {
	"in the display section", "display", "under 'display:'", FIELDS(display_fields), display_near, NULL,
};
static const struct section theme_section = {
	"in the theme section", "theme", "under 'theme:'", FIELDS(theme_fields), theme_near, NULL,
};
static const struct section contrast_section = {
	"in theme.high_contrast", "theme.high_contrast", "under 'high_contrast:'", FIELDS(contrast_fields), NULL,
	NULL,
};
static const struct section labels_section = {
	"in the labels section", "labels", "under 'labels:'", FIELDS(labels_fields), labels_near, NULL,
};
const struct section screen_section = {
	"in a screen", "this screen", "in a screen (under 'screens:')", FIELDS(screen_fields), screen_near, NULL,
};
const struct section block_section = {
	"in a block", "this block", "in a block (under 'blocks:', like  - text: ...)", FIELDS(block_fields),
	block_near, NULL,
};
static const struct section call_section = {
	"in a call", "this call", "under 'call:' in a block", FIELDS(call_fields), call_near, call_finish,
};
static const struct section banner_call_section = {
	"in kiosk.out_of_hours.call", "this call", "under 'call:' in kiosk.out_of_hours", call_fields, HELP_FIELDS,
	NULL, call_finish,
};
static const struct section hours_section = {
	"in the hours section", "hours", "under 'hours:'", FIELDS(hours_fields), hours_near, hours_finish,
};
static const struct section logo_section = {
	"in kiosk.logo", "kiosk.logo", "under 'logo:' in the kiosk section", FIELDS(logo_fields), NULL, NULL,
};
static const struct section picture_section = {
	"in a picture", "this picture", "under 'picture:' in a block", FIELDS(picture_fields), NULL, NULL,
};
static const struct section icon_section = {
	"in an icon", "this icon", "under 'icon:' in a call or a list item", FIELDS(icon_fields), NULL, NULL,
};
const struct section item_section = {
	"in a list item", "this item", "in a list item (under steps: or bullets:)", FIELDS(item_fields), NULL,
	NULL,
};
static const struct section out_of_hours_section = {
	"in kiosk.out_of_hours", "kiosk.out_of_hours", "under 'out_of_hours:' in the kiosk section",
	FIELDS(out_of_hours_fields), NULL, out_of_hours_finish,
};
static const struct section qr_section = {
	"in a qr block", "this qr block", "under 'qr:' in a block", FIELDS(qr_fields), qr_near, qr_finish,
};
