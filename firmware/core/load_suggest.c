/* load_suggest.c — words compared as staff mean them, and the nearest
 * known word for a typo; see load_private.h.
 *
 * Keys, language codes, screen ids and yes/no words are compared without
 * ASCII case; a word that is none of the known ones is matched against
 * them by edit distance, so "titel" gets "did you mean 'title'?" and a
 * misspelt required key is not reported a second time as missing. */
#include "load_private.h"

#include <stdint.h>
#include <string.h>

bool equal_nocase(const char *a, size_t n, const char *b)
{
	size_t m = strlen(b);
	if (n != m)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

bool starts_nocase(const char *s, size_t n, const char *prefix)
{
	size_t m = strlen(prefix);
	return n >= m && equal_nocase(s, m, prefix);
}

size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > MAX_NAME || m > MAX_NAME)
		return SIZE_MAX;
	size_t rows[3][MAX_NAME + 1];
	size_t *two = rows[0], *one = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= m; j++)
		one[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = lower(a[i - 1]) != lower(b[j - 1]);
			size_t best = one[j - 1] + cost;
			if (one[j] + 1 < best)
				best = one[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) && two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			cur[j] = best;
		}
		size_t *t = two;
		two = one;
		one = cur;
		cur = t;
	}
	return one[m];
}

int nearest(const char *word, const char *const *names, size_t n)
{
	int best = -1;
	size_t best_d = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (!names[i])
			continue;
		size_t len = strlen(names[i]);
		size_t limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
		size_t d = edit_distance(word, names[i]);
		if (d <= limit && d < best_d) {
			best = (int)i;
			best_d = d;
		}
	}
	return best;
}

bool near_key(const struct ynode *map, const char *key)
{
	const char *names[1] = { key };
	for (const struct ynode *k = map->child; k && k->next; k = k->next->next)
		if (k->kind == YNODE_SCALAR && nearest(k->str, names, 1) == 0)
			return true;
	return false;
}
