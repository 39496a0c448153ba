/* backlight.c — bl_power through sysfs; see backlight.h. */
#include "backlight.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SYSFS_BACKLIGHT "/sys/class/backlight"

bool backlight_set(bool on, const char *video_driver)
{
	static bool said; /* one log line per run, not one per night */
	const char *dir = getenv("SIGNPOST_BACKLIGHT_DIR");
	if (!dir || !*dir) {
		if (!video_driver || strcasecmp(video_driver, "kmsdrm") != 0)
			return false;
		dir = SYSFS_BACKLIGHT;
	}
	DIR *d = opendir(dir);
	int err = d ? 0 : errno;
	bool any = false;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s/bl_power", dir, e->d_name);
		FILE *f = fopen(path, "w");
		if (!f) {
			err = errno;
			continue;
		}
		/* FB_BLANK_POWERDOWN (4) / FB_BLANK_UNBLANK (0) */
		bool ok = fputs(on ? "0\n" : "4\n", f) >= 0;
		ok = fclose(f) == 0 && ok;
		if (ok)
			any = true;
		else
			err = errno;
	}
	if (d)
		closedir(d);
	if (!any && !said) {
		said = true;
		fprintf(stderr, "signpost: the backlight cannot be switched %s here (%s in %s); while asleep the "
				"screen shows black\n",
			on ? "on" : "off", err ? strerror(err) : "no backlight", dir);
	}
	return any;
}
