/* fontcheck.c — font coverage of the content; see fontcheck.h. */
#include "fontcheck.h"

#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which Debian package has fonts for a character, and the family in it. */
static void package_for(uint32_t cp, const char **pkg, const char **family)
{
	static const struct {
		uint32_t lo, hi;
		const char *pkg, *family;
	} table[] = {
		{ 0x0000, 0x052F, "fonts-dejavu-core", "DejaVu Sans" },
		{ 0x0590, 0x05FF, "fonts-noto-core", "Noto Sans Hebrew" },
		{ 0x0600, 0x06FF, "fonts-noto-core", "Noto Sans Arabic" },
		{ 0x0750, 0x08FF, "fonts-noto-core", "Noto Sans Arabic" },
		{ 0x0900, 0x097F, "fonts-noto-core", "Noto Sans Devanagari" },
		{ 0x0980, 0x09FF, "fonts-noto-core", "Noto Sans Bengali" },
		{ 0x0A00, 0x0A7F, "fonts-noto-core", "Noto Sans Gurmukhi" },
		{ 0x0A80, 0x0AFF, "fonts-noto-core", "Noto Sans Gujarati" },
		{ 0x0B80, 0x0BFF, "fonts-noto-core", "Noto Sans Tamil" },
		{ 0x0C00, 0x0C7F, "fonts-noto-core", "Noto Sans Telugu" },
		{ 0x0D80, 0x0DFF, "fonts-noto-core", "Noto Sans Sinhala" },
		{ 0x0E00, 0x0E7F, "fonts-noto-core", "Noto Sans Thai" },
		{ 0x10A0, 0x10FF, "fonts-noto-core", "Noto Sans Georgian" },
		{ 0x1200, 0x139F, "fonts-noto-core", "Noto Sans Ethiopic" },
		{ 0x2E80, 0x9FFF, "fonts-noto-cjk", "Noto Sans CJK SC" },
		{ 0xAC00, 0xD7AF, "fonts-noto-cjk", "Noto Sans CJK KR" },
		{ 0xFB50, 0xFEFF, "fonts-noto-core", "Noto Sans Arabic" },
		{ 0x1F000, 0x1FAFF, "fonts-noto-color-emoji", "Noto Color Emoji" },
	};
	*pkg = "fonts-noto-core";
	*family = NULL;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (cp >= table[i].lo && cp <= table[i].hi) {
			*pkg = table[i].pkg;
			*family = table[i].family;
			return;
		}
}

#define MAX_REPORTED 3  /* per language: then one line says how many more */

struct scan {
	struct text *t;
	const struct content *c;
	struct locator where;
	struct diag_list *d;
	uint32_t seen[CONTENT_MAX_LANGS][MAX_REPORTED];
	size_t n_seen[CONTENT_MAX_LANGS];
	size_t more[CONTENT_MAX_LANGS];
	struct mark first_more[CONTENT_MAX_LANGS];
	size_t errors;
};

static bool invisible(uint32_t cp)
{
	/* spaces, line breaks and the zero-width joiners that shaping uses */
	return cp < 0x20 || cp == ' ' || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
}

static void scan_text(void *ctx, size_t lang, const char *text, struct mark at)
{
	struct scan *s = ctx;
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(text + i, n - i, &cp);
		if (k == 0)
			break; /* the loader refused bad UTF-8 already */
		i += k;
		if (invisible(cp) || text_covers(s->t, lang, cp))
			continue;
		bool known = false;
		for (size_t j = 0; j < s->n_seen[lang] && !known; j++)
			known = s->seen[lang][j] == cp;
		if (known)
			continue;
		s->errors++;
		if (s->n_seen[lang] == MAX_REPORTED && s->more[lang]++ > 0)
			continue; /* counted; only the first of these is placed */
		struct mark m = at.line ? content_locate(&s->where, at, cp) : at;
		if (s->n_seen[lang] == MAX_REPORTED) {
			s->first_more[lang] = m;
			continue;
		}
		s->seen[lang][s->n_seen[lang]++] = cp;
		const char *pkg, *family;
		package_for(cp, &pkg, &family);
		char installed[128], fix[400];
		if (text_family_for(cp, installed, sizeof installed))
			snprintf(fix, sizeof fix, "the installed font '%s' has it: set it under theme: as  fonts: {%s: \"%s\"}",
				 installed, s->c->langs[lang], installed);
		else if (family)
			snprintf(fix, sizeof fix, "install a font that has it (apt-get install %s) and set it under "
				 "theme: as  fonts: {%s: \"%s\"}", pkg, s->c->langs[lang], family);
		else
			snprintf(fix, sizeof fix, "install a font that has it (apt-get install %s) and name it "
				 "under theme: fonts:", pkg);
		char utf8[8] = { 0 };
		memcpy(utf8, text + i - k, k);
		diag_add(s->d, DIAG_ERROR, m.line, m.col,
			 "the '%s' text has '%s' (U+%04X), which the font '%s' cannot draw (it would be an "
			 "empty box); %s",
			 s->c->langs[lang], utf8, (unsigned)cp, text_family(s->t, lang), fix);
	}
}

size_t fontcheck(struct text *t, const struct content *c, const char *src, size_t len,
		 struct diag_list *d)
{
	static struct scan s; /* large: not on the stack */
	memset(&s, 0, sizeof s);
	s.t = t;
	s.c = c;
	s.where = (struct locator){ .src = src, .len = len };
	s.d = d;
	content_each_text(c, scan_text, &s);
	for (size_t l = 0; l < c->n_langs; l++)
		if (s.more[l])
			diag_add(d, DIAG_ERROR, s.first_more[l].line, s.first_more[l].col,
				 "and %zu more places in the '%s' texts with characters the font '%s' cannot draw",
				 s.more[l], c->langs[l], text_family(t, l));
	return s.errors;
}
