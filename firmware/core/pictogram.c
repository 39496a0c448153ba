/* pictogram.c — the names of the kiosk's own pictograms; see pictogram.h. */
#include "pictogram.h"

#include <string.h>

/* in the order of assets/pictograms/README.md */
const char *const pictogram_names[PICTOGRAM_N] = {
	"phone", "clock", "police", "doctor", "interpreter", "info", "place", "quiet",
};

int pictogram_find(const char *name, size_t len)
{
	for (int i = 0; i < PICTOGRAM_N; i++)
		if (strlen(pictogram_names[i]) == len && memcmp(pictogram_names[i], name, len) == 0)
			return i;
	return -1;
}
