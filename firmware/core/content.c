/* content.c — small queries on the content model; see content.h. */
#include "content.h"

#include <string.h>

int content_find_screen(const struct content *c, const char *id)
{
	for (size_t i = 0; i < c->n_screens; i++)
		if (strcmp(c->screens[i].id, id) == 0)
			return (int)i;
	return -1;
}

void content_free(struct content *c)
{
	if (!c)
		return;
	arena_free(&c->arena);
	memset(c, 0, sizeof *c);
}
