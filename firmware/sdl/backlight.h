/* backlight.h — the panel's backlight off while the kiosk sleeps, where the
 * platform allows it.
 *
 * SDL has no display power API. On KMS/DRM a panel with a backlight driver
 * (the official Raspberry Pi touchscreens) has /sys/class/backlight/NAME/
 * bl_power: 4 is off, 0 is on. Elsewhere (an HDMI monitor, a desktop
 * under X11) the black frame is all there is. Failure is never an error:
 * it is said once in the log, and the screen stays black. */
#ifndef SIGNPOST_BACKLIGHT_H
#define SIGNPOST_BACKLIGHT_H

#include <stdbool.h>

/* Switches every backlight in /sys/class/backlight (or in
 * $SIGNPOST_BACKLIGHT_DIR, for tests) on or off. Only under the kmsdrm
 * video driver, or when that variable is set: never a developer's laptop
 * screen. Returns true when at least one backlight took it. */
bool backlight_set(bool on, const char *video_driver);

#endif
