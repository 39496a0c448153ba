/* memo.c — verdicts remembered across starts; see memo.h for what the
 * key holds and why. */
#define _GNU_SOURCE
#include "memo.h"

#include "atomic_file.h"
#include "sha256.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* "PATH DEV INO SIZE MTIME" of a file, as it is now on disk. */
static void file_line(FILE *out, const char *what, const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		memset(&sb, 0, sizeof sb); /* gone: a key no record has */
	fprintf(out, "%s %s %llu %llu %lld %lld.%09ld\n", what, path, (unsigned long long)sb.st_dev,
		(unsigned long long)sb.st_ino, (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
		sb.st_mtim.tv_nsec);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* SHA-256 of the executable files mapped now (memo.h), once a process:
 * every library the check uses is linked, so mapped from the start. In
 * the order of their names: where they are mapped changes every run. */
static const char *program_hex(void)
{
	static char hex[65];
	if (hex[0])
		return hex;
	char **lines = NULL;
	size_t n = 0, cap = 0;
	FILE *maps = fopen("/proc/self/maps", "re");
	char line[4352];
	while (maps && fgets(line, sizeof line, maps)) {
		char perms[8], dev[32], path[4096];
		unsigned long long ino;
		if (sscanf(line, "%*s %7s %*s %31s %llu %4095s", perms, dev, &ino, path) != 4 ||
		    perms[2] != 'x' || path[0] != '/')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 128;
			lines = realloc(lines, cap * sizeof *lines);
			if (!lines)
				abort(); /* out of memory: fatal by policy */
		}
		char *text = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&text, &len);
		if (!out)
			abort();
		file_line(out, "file", path);
		fprintf(out, "mapped %s %llu\n", dev, ino);
		fclose(out);
		lines[n++] = text;
	}
	if (maps)
		fclose(maps);
	qsort(lines, n, sizeof *lines, by_text);
	char *list = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&list, &len);
	for (size_t i = 0; out && i < n; i++)
		if (i == 0 || strcmp(lines[i], lines[i - 1]) != 0) /* a file mapped in parts, once */
			fputs(lines[i], out);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	if (out)
		fclose(out);
	uint8_t digest[32];
	sha256(list ? list : "", list ? len : 0, digest);
	sha256_hex(digest, hex);
	free(list);
	return hex;
}

char *memo_head(const char *src, size_t len, int w, int h)
{
	uint8_t digest[32];
	char content[65];
	sha256(src, len, digest);
	sha256_hex(digest, content);
	char *text = NULL;
	if (asprintf(&text, "signpost verdict 1\ncontent %s\noutput %dx%d\nprogram %s\n", content, w, h,
		     program_hex()) < 0)
		abort(); /* out of memory: fatal by policy */
	return text;
}

char *memo_key(const char *src, size_t len, int w, int h, const struct text *t, const struct pictures *pics)
{
	char *head = memo_head(src, len, w, h), *text = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&text, &n);
	if (!out)
		abort();
	fputs(head, out);
	free(head);
	for (size_t f = 0; f < t->n_faces; f++)
		for (int style = 0; style < 2; style++)
			if (t->faces[f].path[style][0])
				file_line(out, "font", t->faces[f].path[style]);
	/* every folder fontconfig looks in (text_open() initialised it): a
	 * font added or removed there changes its folder's mtime, and may
	 * change which font a family or a missing character gets */
	FcStrList *dirs = FcConfigGetFontDirs(NULL);
	for (FcChar8 *dir; dirs && (dir = FcStrListNext(dirs));)
		file_line(out, "fontdir", (const char *)dir);
	FcStrListDone(dirs);
	/* the pictures' bytes: a picture replaced under the same name is new */
	for (size_t i = 0; pics && i < pics->n; i++) {
		char hex[65];
		sha256_hex(pics->p[i].sha256, hex);
		fprintf(out, "picture %s\n", hex);
	}
#ifdef SIGNPOST_TEST_HOOKS
	const char *fault = getenv("SIGNPOST_TEST_FAULT");
	if (fault && *fault && strncmp(fault, "die:", 4) != 0) /* die: is the kiosk's, not the check's */
		fprintf(out, "fault %s\n", fault);
#endif
	fputs("end\n", out);
	fclose(out);
	return text;
}

/* The record, whole (NULL when there is none); at most 64 KiB. */
static char *record(const char *path)
{
	FILE *f = path[0] ? fopen(path, "re") : NULL;
	if (!f)
		return NULL;
	char *text = malloc(65537);
	size_t n = text ? fread(text, 1, 65536, f) : 0;
	fclose(f);
	if (text)
		text[n] = '\0';
	return text;
}

bool memo_may_match(const char *path, const char *src, size_t len, int w, int h)
{
	char *have = record(path);
	if (!have)
		return false;
	char *head = memo_head(src, len, w, h);
	bool same = strncmp(have, head, strlen(head)) == 0;
	free(head);
	free(have);
	return same;
}

/* The tuning's lines after the key: "ink L SIZE A0 A1 B0 B1 T0 T1" for
 * each tuned language, then "clearance C0 C1". Hex floats (%a): what is
 * read back is the very double written. */
static void ink_lines(FILE *out, const struct text_ink *ink)
{
	for (size_t l = 0; l < CONTENT_MAX_LANGS; l++)
		if (ink->tuned[l])
			fprintf(out, "ink %zu %a %a %a %a %a %a %a\n", l, ink->size[l], ink->above[l][0],
				ink->above[l][1], ink->below[l][0], ink->below[l][1], ink->touch[l][0],
				ink->touch[l][1]);
	fprintf(out, "clearance %a %a\n", ink->clearance[0], ink->clearance[1]);
}

/* One number of a line: finite and within [lo, hi], else false. */
static bool number(char **at, double lo, double hi, double *out)
{
	char *end;
	double v = strtod(*at, &end);
	if (end == *at || !(v >= lo && v <= hi)) /* NaN fails both */
		return false;
	*at = end;
	*out = v;
	return true;
}

/* Reads ink_lines() back; false (and nothing to use) on anything else. */
static bool ink_parse(char *text, struct text_ink *ink)
{
	memset(ink, 0, sizeof *ink);
	bool clearance = false;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (!next)
			return false; /* cut short */
		*next++ = '\0';
		char *at = line;
		if (strncmp(at, "ink ", 4) == 0 && !clearance) {
			at += 4;
			char *end;
			unsigned long l = strtoul(at, &end, 10);
			if (end == at || l >= CONTENT_MAX_LANGS || ink->tuned[l])
				return false;
			at = end;
			/* what lines_tune() can make: a size of 1 to 1.1, ink
			 * within a few times the size */
			bool ok = number(&at, 1.0, 2.0, &ink->size[l]);
			double *v[] = { &ink->above[l][0], &ink->above[l][1], &ink->below[l][0], &ink->below[l][1],
					&ink->touch[l][0], &ink->touch[l][1] };
			for (size_t i = 0; ok && i < sizeof v / sizeof v[0]; i++)
				ok = number(&at, -10.0, 10.0, v[i]);
			if (!ok || *at)
				return false;
			ink->tuned[l] = true;
		} else if (strncmp(at, "clearance ", 10) == 0 && !clearance) {
			at += 10;
			if (!number(&at, -10.0, 10.0, &ink->clearance[0]) || !number(&at, -10.0, 10.0, &ink->clearance[1]) ||
			    *at)
				return false;
			clearance = true;
		} else {
			return false;
		}
	}
	return clearance;
}

bool memo_matches(const char *path, const char *key, struct text_ink *ink, bool *have_ink)
{
	*have_ink = false;
	char *have = record(path);
	size_t n = strlen(key);
	bool same = have && strncmp(have, key, n) == 0;
	if (same && have[n]) {
		/* after the key, only the tuning (a record of an older kiosk
		 * has none: it is measured) */
		same = ink_parse(have + n, ink);
		*have_ink = same;
	}
	free(have);
	return same;
}

bool memo_write(const char *path, const char *key, const struct text_ink *ink)
{
	char *text = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&text, &n);
	if (!out)
		abort();
	fputs(key, out);
	if (ink)
		ink_lines(out, ink);
	fclose(out);
	bool ok = atomic_file_write(path, text, n, true);
	int saved = errno;
	free(text);
	errno = saved;
	return ok;
}
