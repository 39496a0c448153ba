/* load_pictures.c — pictures the content names: the logo, picture blocks
 * and the pictograms beside calls and list items; see load_private.h.
 *
 * A picture is a group of settings: file: (a PNG or JPEG next to the
 * content file) or pictogram: (one of the kiosk's own), and alt: (its
 * words, translated like every text, required). The loader checks what
 * it can without the file: the name is relative to the content file's
 * folder and stays inside it, and it is a kind the kiosk shows. The SDL
 * edge reads the file (firmware/sdl/pictures.c). */
#include "load_private.h"

#include "pictogram.h"

#include <stdio.h>
#include <string.h>

#define MAX_PICTURE_NAME 200 /* bytes of a file name, folders included */

static bool ends_nocase(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && equal_nocase(s + n - k, k, suffix);
}

/* A file name as staff write it: relative, '/' between folders, no '..',
 * no control characters, a PNG or JPEG by its name. */
static bool picture_name_ok(struct loader *L, const struct ynode *v)
{
	const char *s = v->str;
	size_t n = v->len;
	char q[EXCERPT_SIZE];
	excerpt(s, n, q);
	if (n > MAX_PICTURE_NAME) {
		error_at(L, v, "the picture's name is %zu bytes long, more than the %d allowed; give the file a "
			       "shorter name",
			 n, MAX_PICTURE_NAME);
		return false;
	}
	if (s[0] == '/' || s[0] == '~' || (n > 1 && s[1] == ':')) {
		error_at(L, v, "'%s' is not named from the content file's folder; put the picture in that folder "
			       "and write only its name, like  file: logo.png",
			 q);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\\') {
			error_at(L, v, "'%s' has a '\\'; write '/' between a folder and a file, like  file: "
				       "pictures/logo.png",
				 q);
			return false;
		}
		if (ch < 0x20 || ch == 0x7f) {
			error_at(L, v, "the picture's name '%s' has a control character in it; type the name again",
				 q);
			return false;
		}
	}
	for (size_t i = 0; i <= n;) {
		size_t e = i;
		while (e < n && s[e] != '/')
			e++;
		size_t part = e - i;
		if (part == 0 || (part == 1 && s[i] == '.') || (part == 2 && s[i] == '.' && s[i + 1] == '.')) {
			error_at(L, v, "'%s' must name a file in the content file's folder or in a folder inside "
				       "it, without '..', './' or '//'; like  file: pictures/logo.png",
				 q);
			return false;
		}
		i = e + 1;
	}
	if (ends_nocase(s, n, ".png") || ends_nocase(s, n, ".jpg") || ends_nocase(s, n, ".jpeg"))
		return true;
	if (ends_nocase(s, n, ".svg"))
		error_at(L, v, "'%s' is an SVG drawing, which the kiosk does not show from a content file (its "
			       "reader is not made for files from outside); save it as PNG and name that",
			 q);
	else
		error_at(L, v, "'%s' is not a PNG or JPEG picture (its name must end in .png, .jpg or .jpeg); "
			       "save it as PNG or JPEG and name that",
			 q);
	return false;
}

static bool pictogram_ok(struct loader *L, const struct ynode *v, int *out)
{
	int i = pictogram_find(v->str, v->len);
	if (i >= 0) {
		*out = i;
		return true;
	}
	char q[EXCERPT_SIZE], list[256];
	int near = nearest(v->str, pictogram_names, PICTOGRAM_N);
	join(pictogram_names, PICTOGRAM_N, PICTOGRAM_N, list, sizeof list);
	if (near >= 0)
		error_at(L, v, "there is no pictogram '%s'; did you mean '%s'? (the kiosk has: %s)",
			 excerpt(v->str, v->len, q), pictogram_names[near], list);
	else
		error_at(L, v, "there is no pictogram '%s'; the kiosk has: %s (or name a picture of your own "
			       "with  file:)",
			 excerpt(v->str, v->len, q), list);
	return false;
}

void get_picture(struct loader *L, const struct field *f, const struct ynode *v, struct picture **out)
{
	struct content *c = L->c;
	char subject[64];
	snprintf(subject, sizeof subject, "'%s'", f->key);
	if (v->kind == YNODE_SCALAR && v->len > 0) {
		/* picture: logo.png: the words are missing, and they are not optional */
		error_at(L, v, "%s needs its words for those who cannot see it; write it as settings under "
			       "'%s:', like  file: %s  and  alt: \"...\" (what the picture shows)",
			 subject, f->key, pictogram_find(v->str, v->len) >= 0 ? "..." : "NAME.png");
		return;
	}
	if (v->kind != YNODE_MAP) {
		wrong_type(L, v, subject, f->want);
		return;
	}
	if (L->n_pictures == MAX_PICTURES) {
		error_at(L, v, "the content names more than %d pictures, the most a kiosk shows; use fewer",
			 MAX_PICTURES);
		return;
	}
	struct picture *p = arena_array(&c->arena, 1, sizeof *p);
	p->pictogram = -1;
	p->at = mark_of(v);
	struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
	size_t unusable = walk_section(L, f->sub, v, p, seen);
	const struct ynode *file = NULL, *picto = NULL;
	for (size_t i = 0; i < f->sub->n_fields; i++) {
		if (!seen[i].val)
			continue;
		if (strcmp(f->sub->fields[i].key, "file") == 0)
			file = seen[i].val;
		else if (strcmp(f->sub->fields[i].key, "pictogram") == 0)
			picto = seen[i].val;
	}
	bool ok = true;
	if (file && picto) {
		error_at(L, picto, "a picture is either a file or a pictogram, not both; delete one of them");
		ok = false;
	} else if (!file && !picto && unusable > 0) {
		ok = false; /* a misspelt or misplaced key was reported, with what to write */
	} else if (!file && !picto) {
		bool may_picto = false;
		for (size_t i = 0; i < f->sub->n_fields; i++)
			may_picto = may_picto || strcmp(f->sub->fields[i].key, "pictogram") == 0;
		error_at(L, v, "%s names no picture; add  file: NAME.png  (a picture in the content file's "
			       "folder)%s",
			 subject, may_picto ? ", or  pictogram: phone  (one of the kiosk's own)" : "");
		ok = false;
	}
	if (file && ok && want_scalar(L, file, "'file'", "the name of a PNG or JPEG file, like logo.png")) {
		ok = picture_name_ok(L, file);
		if (ok) {
			p->file = arena_strndup(&c->arena, file->str, file->len);
			p->file_at = mark_of(file);
		}
	} else if (file) {
		ok = false;
	}
	if (picto && ok && want_scalar(L, picto, "'pictogram'", "the name of one of the kiosk's pictograms")) {
		ok = pictogram_ok(L, picto, &p->pictogram);
		p->file_at = mark_of(picto);
	} else if (picto) {
		ok = false;
	}
	p->has_caption = p->caption.by_lang[0] != NULL;
	if (!ok || !p->alt.by_lang[0])
		return; /* the missing alt: was reported by the walk */
	p->index = L->n_pictures;
	if (L->n_pictures == L->cap_pictures) {
		size_t cap = L->cap_pictures ? L->cap_pictures * 2 : 8;
		struct picture **grown = arena_array(&L->tree->arena, cap, sizeof *grown);
		if (L->n_pictures)
			memcpy(grown, L->pictures, L->n_pictures * sizeof *grown);
		L->pictures = grown;
		L->cap_pictures = cap;
	}
	L->pictures[L->n_pictures++] = p;
	*out = p;
}

bool is_item_with_icon(const struct ynode *item)
{
	return item->kind == YNODE_MAP && (map_get(item, "text") || map_get(item, "icon"));
}

bool get_item_with_icon(struct loader *L, const struct ynode *item, struct ltext *text, struct picture **icon)
{
	struct item_in in = { .icon = NULL };
	struct seen seen[MAX_FIELDS] = { { NULL, NULL } };
	walk_section(L, &item_section, item, &in, seen);
	if (!in.text.by_lang[0])
		return false; /* reported by the walk */
	*text = in.text;
	*icon = in.icon;
	return true;
}

void finish_pictures(struct loader *L)
{
	struct content *c = L->c;
	c->n_pictures = L->n_pictures;
	c->pictures = arena_array(&c->arena, L->n_pictures ? L->n_pictures : 1, sizeof *c->pictures);
	if (L->n_pictures)
		memcpy(c->pictures, L->pictures, L->n_pictures * sizeof *c->pictures);
}
