/* a11y.h — `--check`'s accessibility checks, for a given screen size.
 *
 * - Colour contrast (WCAG 2.1, 1.4.3 and 1.4.11): every pair of theme
 *   colours the kiosk draws text or marks with, measured; below 4.5:1 for
 *   text (3:1 for large text and marks) is an error, and the high-contrast
 *   theme must reach 7:1 (1.4.6).
 * - Touch targets: every button of every mode (loop, reading, topics,
 *   language picker, idle notice) in every language, at both text sizes, is
 *   at least 9 mm on its shorter side on the configured display, and lies
 *   on the screen.
 * - Text size (EN 301 549, 5.1.4): body text whose capital letters are
 *   smaller than 0.7 degrees of visual angle at the viewing distance is a
 *   warning; so is the smaller text inside call boxes (the hours under a
 *   service's name), at the place it is written; and either of them that
 *   stays under 0.7 degrees with A+ (larger text), which is there for
 *   the visitors who need it. */
#ifndef SIGNPOST_A11Y_H
#define SIGNPOST_A11Y_H

#include "content.h"
#include "deck.h"
#include "diag.h"
#include "layout.h"

#define A11Y_MIN_TARGET_MM 9.0
#define A11Y_MIN_CAP_DEGREES 0.7
#define A11Y_DEFAULT_DISTANCE_CM 40.0 /* arm's length: a visitor touching the screen */

/* Visual angle in degrees of something size_mm high seen from distance_mm. */
double a11y_visual_angle(double size_mm, double distance_mm);

/* Runs every check on c for a w x h screen; by_lang[i] measures language i. */
void a11y_check(const struct content *c, const struct measurer *by_lang, int w, int h,
		struct diag_list *d);

/* The same on a set's decks (deck.h), which the other checks share. */
void a11y_check_set(struct deck_set *set, struct diag_list *d);

#endif
