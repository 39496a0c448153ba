/* qr.c — QR encoding through libqrencode; see qr.h. */
#include "qr.h"

#include <qrencode.h>
#include <string.h>

bool qr_encode(const char *data, struct arena *a, struct qr_code *out)
{
	memset(out, 0, sizeof *out);
	if (strlen(data) > QR_MAX_DATA)
		return false;
	/* QR_MODE_8 with case kept: the bytes come back exactly as written,
	 * while runs of digits still get the compact numeric mode */
	QRcode *q = QRcode_encodeString(data, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return false;
	size_t n = (size_t)q->width * (size_t)q->width;
	uint8_t *m = arena_alloc(a, n);
	for (size_t i = 0; i < n; i++)
		m[i] = q->data[i] & 1;
	out->width = q->width;
	out->modules = m;
	QRcode_free(q);
	return true;
}

bool qr_dark(const struct qr_code *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->width || y >= q->width)
		return false;
	return q->modules[(size_t)y * (size_t)q->width + (size_t)x] != 0;
}

/* Width of the code for n bytes that need byte mode; 0 when too long. */
static int width_for(size_t n)
{
	char buf[QR_MAX_DATA + 1];
	memset(buf, 'a', n);
	buf[n] = '\0';
	QRcode *q = QRcode_encodeString8bit(buf, 0, QR_ECLEVEL_M);
	int w = 0;
	if (q) {
		w = q->width;
		QRcode_free(q);
	}
	return w;
}

size_t qr_capacity(int max_width)
{
	size_t lo = 0, hi = QR_MAX_DATA; /* width_for(lo) fits; find the last that does */
	if (width_for(1) > max_width)
		return 0;
	lo = 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		int w = width_for(mid);
		if (w > 0 && w <= max_width)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}
