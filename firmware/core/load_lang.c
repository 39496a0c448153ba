/* load_lang.c — languages and translations; see load_private.h.
 *
 * kiosk.languages is read first (every text needs it); then each
 * translatable text, a string for every language or one per language code,
 * becomes a struct ltext with the default language's text where another
 * is missing, and what is missing is reported: the first few texts one by
 * one, the rest counted by check_translations() at the end, with the
 * kiosk's own words left in English and languages without a name of their
 * own. theme.fonts (a font per language) is read here too. */
#include "load_private.h"

#include <stdio.h>
#include <string.h>

/* 2-3 lowercase letters, optionally -REGION: two capitals or three digits. */
static bool lang_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] >= 'a' && s[i] <= 'z')
		i++;
	if (i < 2 || i > 3)
		return false;
	if (i == n)
		return true;
	const char *r = s + i + 1;
	size_t rn = n - i - 1;
	if (s[i] != '-')
		return false;
	if (rn == 2)
		return r[0] >= 'A' && r[0] <= 'Z' && r[1] >= 'A' && r[1] <= 'Z';
	if (rn == 3)
		return r[0] >= '0' && r[0] <= '9' && r[1] >= '0' && r[1] <= '9' && r[2] >= '0' && r[2] <= '9';
	return false;
}

static int lang_index(const struct content *c, const char *code)
{
	for (size_t i = 0; i < c->n_langs; i++)
		if (strcmp(c->langs[i], code) == 0)
			return (int)i;
	return -1;
}

#define MAX_UNTRANSLATED 3 /* reported one by one; then one line counts the rest */

/* A text v (named what) that has no text of its own in the languages
 * marked missing: the visitor who chose one reads the default language.
 * Texts with no letters ("24/7") read the same in every language, a call's
 * name written once is a name ("The Havens", "Childline") kept as it is,
 * a speech.say written once is for the first language's voice alone (the
 * others read the word as written), and language_name is checked on its
 * own (check_translations). */
static void untranslated(struct loader *L, const struct ynode *v, const char *what, const bool *missing)
{
	struct content *c = L->c;
	if (L->langs_bad || c->n_langs < 2 || strcmp(what, "'language_name'") == 0 ||
	    (v->kind == YNODE_SCALAR && strcmp(what, "'name'") == 0) ||
	    (v->kind == YNODE_SCALAR && strncmp(what, "how to say ", 11) == 0))
		return;
	char list[CONTENT_MAX_LANGS * 16] = "";
	size_t used = 0, n = 0, first = 0;
	for (size_t i = 1; i < c->n_langs; i++) {
		if (!missing[i])
			continue;
		if (!first)
			first = i;
		append(list, sizeof list, &used, n++ ? ", '" : "'");
		append(list, sizeof list, &used, c->langs[i]);
		append(list, sizeof list, &used, "'");
	}
	bool letters = false;
	for (const char *p = v->kind == YNODE_SCALAR ? v->str : "x"; *p && !letters; p++)
		letters = letter(*p);
	if (n == 0 || !letters)
		return;
	if (L->untranslated++ < MAX_UNTRANSLATED) {
		if (v->kind == YNODE_SCALAR)
			warn_at(L, v, "%s is written once for every language, so it is shown in '%s' to a visitor "
				      "who chose %s; give one text per language, like {%s: \"...\", %s: \"...\"}",
				what, c->langs[0], list, c->langs[0], c->langs[first]);
		else
			warn_at(L, v, "no %s text for %s; the '%s' text is shown instead; add %s, like  %s: \"...\"",
				list, what, c->langs[0], n == 1 ? "it" : "them", c->langs[first]);
		return;
	}
	if (L->untranslated == MAX_UNTRANSLATED + 1)
		L->more_at = (struct mark){ v->line, v->col };
	for (size_t i = 1; i < c->n_langs; i++)
		L->more_by_lang[i] += missing[i];
}

bool get_ltext(struct loader *L, const struct ynode *v, const char *what, struct ltext *out)
{
	struct content *c = L->c;
	struct ltext t;
	memset(&t, 0, sizeof t);

	if (v->kind == YNODE_SCALAR && v->len > 0) {
		const char *s = arena_strndup(&c->arena, v->str, v->len);
		curly_quoted(L, v);
		bool missing[CONTENT_MAX_LANGS] = { false };
		for (size_t i = 0; i < c->n_langs; i++) {
			t.by_lang[i] = s;
			t.at[i] = (struct mark){ v->line, v->col };
			missing[i] = i > 0;
		}
		untranslated(L, v, what, missing);
		*out = t;
		return true;
	}
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, what, WANT_TEXT);
		return false;
	}

	const struct ynode *keys[CONTENT_MAX_LANGS] = { NULL };
	bool suggested[CONTENT_MAX_LANGS] = { false }; /* a misspelt code was reported */
	bool ok = true;
	for (const struct ynode *k = v->child; k && k->next; k = k->next->next) {
		const struct ynode *val = k->next;
		if (!key_ok(L, k)) {
			ok = false;
			continue;
		}
		char q[EXCERPT_SIZE];
		int li = lang_index(c, k->str);
		if (li < 0) {
			char list[256], sub[CONTENT_MAX_LANGS * 24];
			int near = nearest(k->str, c->langs, c->n_langs);
			join(c->langs, c->n_langs, CONTENT_MAX_LANGS, list, sizeof list);
			if (near >= 0) {
				snprintf(sub, sizeof sub, "did you mean '%s'?", c->langs[near]);
				suggested[near] = true;
			} else
				snprintf(sub, sizeof sub, "to use it, add it to kiosk.languages");
			if (!L->langs_bad)
				error_at(L, k, "language '%s' in %s is not in kiosk.languages (%s); %s",
					 excerpt(k->str, k->len, q), what, list, sub);
			ok = false;
			continue;
		}
		if (keys[li]) {
			error_at(L, k, "the '%s' text of %s is given twice; the first is on line %d, so delete one",
				 c->langs[li], what, keys[li]->line);
			continue;
		}
		keys[li] = k;
		char subject[160];
		snprintf(subject, sizeof subject, "the '%s' text of %s", c->langs[li], what);
		if (!want_scalar(L, val, subject, "text")) {
			ok = false;
			continue;
		}
		curly_quoted(L, val);
		t.by_lang[li] = arena_strndup(&c->arena, val->str, val->len);
		t.at[li] = (struct mark){ val->line, val->col };
	}
	if (!keys[0]) {
		if (!L->langs_bad)
			error_at(L, v, "%s has no '%s' text; the first language in kiosk.languages must always "
				       "have text",
				 what, c->langs[0]);
		return false;
	}
	bool missing[CONTENT_MAX_LANGS] = { false };
	for (size_t i = 1; i < c->n_langs; i++)
		missing[i] = !keys[i] && !suggested[i];
	untranslated(L, v, what, missing);
	if (!ok || !t.by_lang[0])
		return false;
	for (size_t i = 1; i < c->n_langs; i++)
		if (!t.by_lang[i]) {
			t.by_lang[i] = t.by_lang[0];
			t.at[i] = t.at[0];
		}
	*out = t;
	return true;
}

void get_languages(struct loader *L, const struct ynode *v)
{
	struct content *c = L->c;
	const char *want = "a list of language codes, like [en, pl]";
	L->langs_bad = true; /* until proven otherwise */
	if (v->kind == YNODE_BAD)
		return;
	if (v->kind != YNODE_LIST) {
		wrong_type(L, v, "'languages'", want);
		return;
	}
	if (v->n == 0) {
		error_at(L, v, "'languages' is empty; list at least one language code, like [en]");
		return;
	}
	if (v->n > CONTENT_MAX_LANGS) {
		error_at(L, v, "'languages' lists %zu languages; at most %d are allowed", v->n, CONTENT_MAX_LANGS);
		return;
	}
	const char *langs[CONTENT_MAX_LANGS];
	size_t n = 0;
	bool ok = true;
	for (const struct ynode *item = v->child; item; item = item->next) {
		char q[EXCERPT_SIZE];
		if (item->kind == YNODE_BAD || !want_scalar(L, item, "each language", "a language code, like en")) {
			ok = false;
			continue;
		}
		if (!lang_valid(item->str, item->len)) {
			error_at(L, item, "'%s' is not a language code; use 2 or 3 lowercase letters, like en or pl "
					  "(or with a region, like pt-BR)",
				 excerpt(item->str, item->len, q));
			ok = false;
			continue;
		}
		size_t j = 0;
		while (j < n && strcmp(langs[j], item->str) != 0)
			j++;
		if (j < n) {
			error_at(L, item, "language '%s' is listed twice; delete one of them", item->str);
			ok = false;
			continue;
		}
		L->lang_at[n] = item;
		langs[n++] = item->str;
	}
	if (n > 0) {
		for (size_t i = 0; i < n; i++) {
			c->langs[i] = arena_strdup(&c->arena, langs[i]);
			c->lang_at[i] = (struct mark){ L->lang_at[i]->line, L->lang_at[i]->col };
		}
		c->n_langs = n;
	}
	L->langs_bad = !ok;
}

void get_lang_fonts(struct loader *L, const struct field *f, const struct ynode *v, struct theme *t)
{
	struct content *c = L->c;
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, "'fonts'", f->want);
		return;
	}
	for (const struct ynode *k = v->child; k && k->next; k = k->next->next) {
		const struct ynode *val = k->next;
		char q[EXCERPT_SIZE], list[256];
		if (!key_ok(L, k))
			continue;
		int li = lang_index(c, k->str);
		if (li < 0) {
			int near = nearest(k->str, c->langs, c->n_langs);
			if (!L->langs_bad)
				error_at(L, k, "theme.fonts names the language '%s', which is not in kiosk.languages "
					       "(%s)%s%s%s",
					 excerpt(k->str, k->len, q), join(c->langs, c->n_langs, CONTENT_MAX_LANGS, list,
									  sizeof list),
					 near >= 0 ? "; did you mean '" : "", near >= 0 ? c->langs[near] : "",
					 near >= 0 ? "'?" : "");
			continue;
		}
		if (t->lang_font[li]) {
			error_at(L, k, "theme.fonts gives a font for '%s' twice; delete one", c->langs[li]);
			continue;
		}
		char subject[64];
		snprintf(subject, sizeof subject, "the font for '%s'", c->langs[li]);
		if (val->kind == YNODE_BAD || !want_scalar(L, val, subject, "the name of a font in quotes, like "
									 "\"Noto Sans Arabic\""))
			continue;
		t->lang_font[li] = arena_strndup(&c->arena, val->str, val->len);
		t->at_lang_font[li] = (struct mark){ val->line, val->col };
	}
}

/* The kiosk's own words: their key under labels: and their English text,
 * used in every language until translated. */
static const struct {
	size_t offset;
	const char *key, *text;
	bool spoken; /* said by speech, never shown */
} label_defaults[] = {
	{ offsetof(struct labels, touch_hint), "touch_hint", "Touch the screen to find out more", false },
	{ offsetof(struct labels, help_prefix), "help_prefix", "Talk to someone now:", false },
	{ offsetof(struct labels, back), "back", "Back", false },
	{ offsetof(struct labels, topics), "topics", "Topics", false },
	{ offsetof(struct labels, quick_exit), "quick_exit", "Quick exit", false },
	{ offsetof(struct labels, still_there), "still_there", "Are you still there?", false },
	{ offsetof(struct labels, touch_to_continue), "touch_to_continue", "Touch the screen to continue.", false },
	{ offsetof(struct labels, language), "language", "Language", false },
	{ offsetof(struct labels, button), "button", "Button", true },
	{ offsetof(struct labels, page_of), "page_of", "Page {page} of {pages}", true },
	{ offsetof(struct labels, next), "next", "Next", true },
	{ offsetof(struct labels, previous), "previous", "Previous", true },
	{ offsetof(struct labels, larger_text), "larger_text", "Larger text", true },
	{ offsetof(struct labels, smaller_text), "smaller_text", "Smaller text", true },
	{ offsetof(struct labels, contrast), "contrast", "High contrast", true },
	{ offsetof(struct labels, speech_on), "speech_on", "Speech is on. For help with the keys, press H.", true },
	{ offsetof(struct labels, speech_help), "speech_help",
	  "Up and down arrows: the next or the previous thing on this screen. "
	  "Left and right arrows: the previous or the next screen. "
	  "Enter: choose the button you just heard. R: hear it again. "
	  "Plus and minus: louder or quieter. The square brackets: slower or faster. "
	  "Escape: Quick exit, which leaves this screen at once and stops the speech.", true },
	{ offsetof(struct labels, speech_touch), "speech_touch",
	  "Speech is on. Touch the screen to hear what is under your finger. Tap twice quickly to choose it.", true },
	{ offsetof(struct labels, any_key), "any_key", "Or press any key.", true },
	{ offsetof(struct labels, listen), "listen", "Listen", true },
	{ offsetof(struct labels, stop_speech), "stop_speech", "Stop speech", true },
};

void set_label_defaults(struct content *c)
{
	for (size_t d = 0; d < sizeof label_defaults / sizeof label_defaults[0]; d++) {
		struct ltext *t = (struct ltext *)((char *)&c->labels + label_defaults[d].offset);
		const char *text = arena_strdup(&c->arena, label_defaults[d].text);
		for (size_t i = 0; i < c->n_langs; i++)
			t->by_lang[i] = text;
	}
	/* a language is named by its code until the content names it */
	for (size_t i = 0; i < c->n_langs; i++)
		c->labels.language_name.by_lang[i] = c->langs[i];
}

/* The kiosk's own words that the content does not give, shown or spoken
 * (in English) in every language: one warning for them all. */
static void untranslated_labels(struct loader *L, bool spoken)
{
	struct content *c = L->c;
	const size_t n_own = sizeof label_defaults / sizeof label_defaults[0];
	char keys[256] = "";
	size_t used = 0, n = 0, first = 0;
	for (size_t i = 0; i < n_own; i++) {
		const struct ltext *t = (const struct ltext *)(const void *)((const char *)&c->labels + label_defaults[i].offset);
		if (t->at[0].line || label_defaults[i].spoken != spoken)
			continue; /* given: a missing language was reported with it */
		if (n == 0)
			first = i;
		append(keys, sizeof keys, &used, n++ ? ", " : "");
		append(keys, sizeof keys, &used, label_defaults[i].key);
	}
	if (n) {
		const struct ltext *t =
			(const struct ltext *)(const void *)((const char *)&c->labels + label_defaults[first].offset);
		warn_at(L, L->lang_at[1],
			"%s (%s) %s not given under 'labels:', so %s %s in English in "
			"every language; add %s under labels: with a text per language, like  %s: {%s: \"%s\", "
			"%s: \"...\"}",
			spoken ? (n == 1 ? "the word speech adds" : "the words speech adds")
			       : (n == 1 ? "the kiosk's own word" : "the kiosk's own words"),
			keys, n == 1 ? "is" : "are", n == 1 ? "it is" : "they are", spoken ? "said" : "shown",
			n == 1 ? "it" : "them", label_defaults[first].key, c->langs[0],
			strncmp(c->langs[0], "en", 2) == 0 ? t->by_lang[0] : "...", c->langs[1]);
	}
}

/* Each language's own name, as a visitor looks for it in the picker. */
static const char *endonym(const char *code)
{
	static const char *const names[][2] = {
		{ "en", "English" }, { "pl", "Polski" }, { "ar", "العربية" }, { "ur", "اردو" },
		{ "bn", "বাংলা" }, { "fr", "Français" }, { "es", "Español" }, { "de", "Deutsch" },
		{ "pt", "Português" }, { "ro", "Română" }, { "it", "Italiano" }, { "lt", "Lietuvių" },
		{ "uk", "Українська" }, { "ru", "Русский" }, { "tr", "Türkçe" }, { "fa", "فارسی" },
		{ "pa", "ਪੰਜਾਬੀ" }, { "gu", "ગુજરાતી" }, { "so", "Soomaali" }, { "zh", "中文" },
		{ "cy", "Cymraeg" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strncmp(code, names[i][0], 2) == 0 && (code[2] == '\0' || code[2] == '-'))
			return names[i][1];
	return "...";
}

void check_translations(struct loader *L)
{
	struct content *c = L->c;
	if (L->langs_bad || c->n_langs < 2)
		return;
	if (L->untranslated > MAX_UNTRANSLATED) {
		char counts[CONTENT_MAX_LANGS * 24] = "", one[32];
		size_t used = 0;
		for (size_t i = 1; i < c->n_langs; i++) {
			if (!L->more_by_lang[i])
				continue;
			snprintf(one, sizeof one, "%s%s: %zu", used ? ", " : "", c->langs[i], L->more_by_lang[i]);
			append(counts, sizeof counts, &used, one);
		}
		size_t more = L->untranslated - MAX_UNTRANSLATED;
		warn_at(L, &(struct ynode){ .line = L->more_at.line, .col = L->more_at.col },
			"and %zu more text%s from here on %s not in every language (missing: %s); the '%s' text is "
			"shown instead, so give each one a text per language",
			more, more == 1 ? "" : "s", more == 1 ? "is" : "are", counts, c->langs[0]);
	}

	/* the words shown, then the words only speech says: one warning each */
	untranslated_labels(L, false);
	untranslated_labels(L, true);

	/* a language without its own name shows its code, or another's name */
	const struct ltext *names = &c->labels.language_name;
	char unnamed[CONTENT_MAX_LANGS * 16] = "", example[CONTENT_MAX_LANGS * 48] = "";
	size_t nu = 0, u = 0, ue = 0;
	int first_unnamed = -1;
	for (size_t i = 0; i < c->n_langs; i++) {
		bool named = names->at[i].line != 0 &&
			     (i == 0 || names->at[i].line != names->at[0].line || names->at[i].col != names->at[0].col);
		for (size_t j = 0; j < i && named; j++)
			named = strcmp(names->by_lang[i], names->by_lang[j]) != 0; /* a copy: "English" twice */
		if (i < 3) {
			append(example, sizeof example, &ue, i ? ", " : "");
			append(example, sizeof example, &ue, c->langs[i]);
			append(example, sizeof example, &ue, ": \"");
			append(example, sizeof example, &ue, endonym(c->langs[i]));
			append(example, sizeof example, &ue, "\"");
		}
		if (named)
			continue;
		if (first_unnamed < 0)
			first_unnamed = (int)i;
		append(unnamed, sizeof unnamed, &u, nu++ ? ", '" : "'");
		append(unnamed, sizeof unnamed, &u, c->langs[i]);
		append(unnamed, sizeof unnamed, &u, "'");
	}
	if (first_unnamed >= 0)
		warn_at(L, L->lang_at[first_unnamed],
			"%s %s %s no name of %s own under labels: language_name, so the language button and the "
			"list of languages show %s; name each language in its own language, like  "
			"language_name: {%s%s}",
			nu == 1 ? "language" : "the languages", unnamed, nu == 1 ? "has" : "have",
			nu == 1 ? "its" : "their",
			names->at[first_unnamed].line ? "another language's name" : nu == 1 ? "its code" : "their codes",
			example, c->n_langs > 3 ? ", ..." : "");
}
