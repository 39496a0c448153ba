/* utf8.h — strict UTF-8 decoding for the loader's checks and messages.
 *
 * "Strict" is what both libyaml's reader and the text renderer accept: no
 * overlong forms, no UTF-16 surrogates, nothing above U+10FFFF. Columns in
 * messages count code points, as libyaml's marks do, so these helpers are
 * also how the loader turns bytes into columns. */
#ifndef SIGNPOST_UTF8_H
#define SIGNPOST_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..n) into *cp and returns its length in bytes
 * (1 to 4); returns 0 when the bytes there are not valid UTF-8 or n == 0. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Number of code points in s[0..n); an invalid byte counts as one. */
size_t utf8_count(const char *s, size_t n);

/* The longest prefix of s[0..n) of at most max bytes that does not cut a
 * character in two; returns its length in bytes. */
size_t utf8_prefix(const char *s, size_t n, size_t max);

/* Whether s[0..n) has a letter of a right-to-left script (Hebrew, Arabic,
 * Syriac, Thaana, N'Ko and their presentation forms): an English fallback
 * label has none, and reads left to right even on a right-to-left page. */
bool utf8_has_rtl(const char *s, size_t n);

#endif
