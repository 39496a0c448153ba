/* pictogram.h — the names of the kiosk's own pictograms.
 *
 * Content names one with  pictogram: phone  beside a call or a list item;
 * the drawings are assets/pictograms/NAME.svg, built into the program by
 * the SDL edge (firmware/sdl/pictures.c). The core knows only the names,
 * to check what content writes. */
#ifndef SIGNPOST_PICTOGRAM_H
#define SIGNPOST_PICTOGRAM_H

#include <stddef.h>

#define PICTOGRAM_N 8

/* "phone", "clock", ...: assets/pictograms' files without ".svg" */
extern const char *const pictogram_names[PICTOGRAM_N];

/* The index of the pictogram called name[0..len), or -1. */
int pictogram_find(const char *name, size_t len);

#endif
