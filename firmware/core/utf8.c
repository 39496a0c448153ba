/* utf8.c — strict UTF-8 decoding; see utf8.h. */
#include "utf8.h"

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}

	size_t len;
	uint32_t v;
	unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		v = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		v = u[0] & 0x0F;
		if (u[0] == 0xE0)
			lo = 0xA0; /* overlong */
		else if (u[0] == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		v = u[0] & 0x07;
		if (u[0] == 0xF0)
			lo = 0x90; /* overlong */
		else if (u[0] == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		return 0; /* a continuation byte, an overlong lead, or 0xF5..0xFF */
	}
	if (n < len || u[1] < lo || u[1] > hi)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (u[i] & 0x3F);
	}
	*cp = v;
	return len;
}

size_t utf8_count(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; count++) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		i += len ? len : 1;
	}
	return count;
}

size_t utf8_prefix(const char *s, size_t n, size_t max)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			len = 1;
		if (i + len > max)
			break;
		i += len;
	}
	return i;
}

bool utf8_has_rtl(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		if (l == 0) {
			i++;
			continue;
		}
		i += l;
		if ((cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
		    (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
		    (cp >= 0x1E800 && cp <= 0x1EFFF))
			return true;
	}
	return false;
}
