/* load_numbers.c — phone numbers and QR data, and numbers that must agree;
 * see load_private.h.
 *
 * A call's number is kept as written (staff know how their line is
 * written) but must have digits, and no letter O for a zero; a qr block's
 * data must be a tel: number or a web link a phone reads back exactly, and
 * is encoded here. check_numbers() then compares them: a QR code beside a
 * call must dial its number, and one line named with two numbers is
 * likely half an update. */
#include "load_private.h"

#include "utf8.h"

#include <stdio.h>
#include <string.h>

/* Where a letter O stands among digits ("O8O8 5OO 2222": typed for a
 * zero), or n: a run of digits and O's with at least one of each, with no
 * other letter touching it ("SHOUT 85258" is words and a number). */
static size_t letter_o_in_number(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == 'O' || s[i] == 'o')) {
			i++;
			continue;
		}
		size_t start = i, first_o = n;
		bool digit = false;
		while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == 'O' || s[i] == 'o')) {
			digit |= s[i] >= '0' && s[i] <= '9';
			if ((s[i] == 'O' || s[i] == 'o') && first_o == n)
				first_o = i;
			i++;
		}
		bool touches = (start > 0 && letter(s[start - 1])) || (i < n && letter(s[i]));
		if (digit && first_o < n && !touches)
			return first_o;
	}
	return n;
}

void get_phone(struct loader *L, const struct field *f, const struct ynode *v, const char **out)
{
	if (!want_scalar(L, v, "'number'", f->want))
		return;
	bool digit = false;
	for (size_t i = 0; i < v->len; i++)
		digit |= v->str[i] >= '0' && v->str[i] <= '9';
	size_t chars = utf8_count(v->str, v->len);
	char q[EXCERPT_SIZE];
	curly_quoted(L, v);
	size_t letter_o = letter_o_in_number(v->str, v->len);
	if (letter_o < v->len)
		error_at(L, v, "'number' has the letter O where a zero seems meant ('%s'); type the digit 0 "
			       "(zero) instead of the letter O, or the kiosk shows a number nobody can dial",
			 excerpt(v->str, v->len, q));
	else if (!digit)
		error_at(L, v, "'number' has no digits in it ('%s'); write the phone number, like \"0808 500 2222\"",
			 excerpt(v->str, v->len, q));
	else if (chars > MAX_NUMBER_CHARS)
		error_at(L, v, "'number' is %zu characters long, and at most %d fit; write only the number, and "
			       "put other words in 'hours'",
			 chars, MAX_NUMBER_CHARS);
	else
		*out = arena_strndup(&L->c->arena, v->str, v->len);
}

void get_qr_data(struct loader *L, const struct field *f, const struct ynode *v, struct qr_block *qb)
{
	char q[EXCERPT_SIZE];
	if (!want_scalar(L, v, "'data'", f->want))
		return;
	const char *s = v->str;
	size_t n = v->len, digits = 0;
	bool ascii = true, space = false, numberish = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		ascii &= ch >= 0x20 && ch < 0x7F;
		space |= ch == ' ';
		digits += ch >= '0' && ch <= '9';
		numberish &= (ch >= '0' && ch <= '9') || (ch && strchr(" +-().", ch));
	}
	bool tel = starts_nocase(s, n, "tel:");
	if ((tel && space) || (numberish && digits > 0)) {
		/* the likely fix: tel: and the number without spaces */
		char better[EXCERPT_SIZE + 8];
		size_t k = (size_t)snprintf(better, sizeof better, "%s", tel ? "" : "tel:");
		for (size_t i = 0; i < n && k + 1 < sizeof better; i++)
			if (s[i] != ' ')
				better[k++] = s[i];
		better[k] = '\0';
		error_at(L, v, "'data' must be a phone number written as tel: and the digits with no spaces (best "
			       "with the country code, like \"tel:+448085002222\"), not '%s'; did you mean \"%s\"?",
			 excerpt(s, n, q), better);
		return;
	}
	if (space) {
		error_at(L, v, "'data' is a link with spaces in it ('%s'); a link has none, so copy it again from "
			       "the browser's address bar",
			 excerpt(s, n, q));
		return;
	}
	if (!ascii) {
		error_at(L, v, "'data' has letters a phone may read back differently ('%s'); use only plain "
			       "letters, digits and punctuation (copy the link from the browser's address bar)",
			 excerpt(s, n, q));
		return;
	}
	if (tel) {
		size_t i = 4 + (n > 4 && s[4] == '+');
		bool ok = digits >= 3 && i < n;
		for (; ok && i < n; i++)
			ok = (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '.' || s[i] == '(' || s[i] == ')';
		if (!ok) {
			error_at(L, v, "'data' must be tel: and a phone number (digits, best with the country code, "
				       "like \"tel:+448085002222\"), not '%s'",
				 excerpt(s, n, q));
			return;
		}
	} else if (!(starts_nocase(s, n, "https://") || starts_nocase(s, n, "http://")) || n < 10) {
		error_at(L, v, "'data' must be a web link starting with https:// or a phone number starting "
			       "with tel:, like \"tel:+448085002222\", not '%s'",
			 excerpt(s, n, q));
		return;
	}
	if (!qr_encode(v->str, &L->c->arena, &qb->code)) {
		error_at(L, v, "'data' is too long for a QR code (%zu characters); use a shorter link", n);
		return;
	}
	qb->data = arena_strndup(&L->c->arena, s, n);
	qb->data_at = mark_of(v);
}

#define MAX_DIGITS 40

/* The digits of a phone number or a tel: link, and whether it was written
 * with a + (or 00) before a country code. */
struct digits {
	char d[MAX_DIGITS + 1];
	size_t n;
	bool international;
};

static struct digits digits_of(const char *s)
{
	struct digits g = { .n = 0 };
	if (starts_nocase(s, strlen(s), "tel:"))
		s += 4;
	while (*s == ' ')
		s++;
	g.international = *s == '+' || (s[0] == '0' && s[1] == '0');
	for (; *s && g.n < MAX_DIGITS; s++)
		if (*s >= '0' && *s <= '9')
			g.d[g.n++] = *s;
	g.d[g.n] = '\0';
	return g;
}

/* Do two numbers ring the same line? "0808 500 2222" is "tel:08085002222"
 * and "tel:+448085002222": the same digits after the leading zeros, or the
 * same with a country code (1 to 3 digits) in front of the one written
 * with a +. */
static bool same_number(const char *a, const char *b)
{
	struct digits x = digits_of(a), y = digits_of(b);
	const char *p = x.d, *q = y.d;
	while (*p == '0')
		p++;
	while (*q == '0')
		q++;
	size_t np = strlen(p), nq = strlen(q);
	if (np == nq)
		return strcmp(p, q) == 0;
	bool x_longer = np > nq;
	const char *lg = x_longer ? p : q, *sh = x_longer ? q : p;
	size_t nl = x_longer ? np : nq, ns = x_longer ? nq : np;
	bool plus = x_longer ? x.international : y.international;
	return plus && ns >= 4 && nl - ns <= 3 && strcmp(lg + (nl - ns), sh) == 0;
}

/* What a QR code beside number should hold: the number as tel: and its
 * digits, with the country code of the old code when it had one. */
static void tel_for(const char *number, const char *old_data, char *out, size_t size)
{
	struct digits n = digits_of(number), o = digits_of(old_data);
	if (o.international && !n.international && n.n > 1 && n.d[0] == '0' && n.d[1] != '0') {
		/* the old code's country code: its digits before a national number
		 * as long as this one without its 0 */
		for (size_t cc = 1; cc <= 3; cc++)
			if (o.n == cc + n.n - 1) {
				snprintf(out, size, "tel:+%.*s%s", (int)cc, o.d, n.d + 1);
				return;
			}
	}
	snprintf(out, size, "tel:%s%s", n.international ? "+" : "", n.d);
}

/* A name as staff see it: ASCII case, and spaces around and between the
 * words (one or several), do not count. */
static bool same_name(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	while (*a && *b) {
		bool sa = *a == ' ', sb = *b == ' ';
		if (sa || sb) {
			if (!sa || !sb)
				return false;
			while (*a == ' ')
				a++;
			while (*b == ' ')
				b++;
			continue;
		}
		if (lower(*a++) != lower(*b++))
			return false;
	}
	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	return !*a && !*b;
}

void check_numbers(struct loader *L)
{
	struct content *c = L->c;
	char e1[EXCERPT_SIZE], e2[EXCERPT_SIZE], better[80];
	const struct call *help = c->help.number ? &c->help : NULL;

	for (size_t si = 0; si < c->n_screens; si++) {
		const struct screen *sc = &c->screens[si];
		for (size_t b = 1; b < sc->n_blocks; b++) {
			const struct qr_block *qr = &sc->blocks[b].qr;
			const struct call *call = &sc->blocks[b - 1].call;
			if (sc->blocks[b].kind != BLOCK_QR || sc->blocks[b - 1].kind != BLOCK_CALL || !qr->data ||
			    !call->number || !starts_nocase(qr->data, strlen(qr->data), "tel:"))
				continue;
			const struct ynode at = { .line = qr->data_at.line, .col = qr->data_at.col };
			if (!same_number(qr->data, call->number)) {
				tel_for(call->number, qr->data, better, sizeof better);
				error_at(L, &at,
					 "this QR code dials %s, but the number printed beside it (line %d) is %s; a "
					 "visitor who scans it would call another number than the one shown. If %s is "
					 "right, write  data: \"%s\"; if the code is right, correct the number",
					 excerpt(qr->data + 4, strlen(qr->data) - 4, e1), call->at_number.line,
					 excerpt(call->number, strlen(call->number), e2), e2, better);
			} else if (help && same_name(call->name.by_lang[0], help->name.by_lang[0]) &&
				   !same_number(qr->data, help->number)) {
				tel_for(help->number, qr->data, better, sizeof better);
				error_at(L, &at,
					 "this QR code and the number beside it dial %s, but kiosk.help gives the same "
					 "line ('%s') the number %s (line %d); if the number changed, change it here "
					 "too (number: \"%s\" and  data: \"%s\"), or correct kiosk.help",
					 excerpt(call->number, strlen(call->number), e1), help->name.by_lang[0],
					 excerpt(help->number, strlen(help->number), e2), help->at_number.line,
					 help->number, better);
			}
		}
	}

	/* every call with a number, in file order: help, the banner's, blocks */
	size_t n = 0, cap = 2;
	for (size_t si = 0; si < c->n_screens; si++)
		cap += c->screens[si].n_blocks;
	const struct call **calls = arena_array(&L->tree->arena, cap, sizeof *calls);
	if (help)
		calls[n++] = help;
	if (c->out_of_hours.given && c->out_of_hours.own_call)
		calls[n++] = &c->out_of_hours.call;
	for (size_t si = 0; si < c->n_screens; si++)
		for (size_t b = 0; b < c->screens[si].n_blocks; b++)
			if (c->screens[si].blocks[b].kind == BLOCK_CALL && c->screens[si].blocks[b].call.number)
				calls[n++] = &c->screens[si].blocks[b].call;
	for (size_t i = 1; i < n; i++) {
		for (size_t j = 0; j < i; j++) {
			if (!same_name(calls[i]->name.by_lang[0], calls[j]->name.by_lang[0]) ||
			    same_number(calls[i]->number, calls[j]->number))
				continue;
			const struct ynode at = { .line = calls[i]->at_number.line, .col = calls[i]->at_number.col };
			warn_at(L, &at,
				"'%s' has the number %s here, but %s on line %d; if its number changed, change it "
				"in both places (and in a QR code beside it), or give the two lines different names",
				excerpt(calls[i]->name.by_lang[0], strlen(calls[i]->name.by_lang[0]), e1),
				calls[i]->number, excerpt(calls[j]->number, strlen(calls[j]->number), e2),
				calls[j]->at_number.line);
			break;
		}
	}
}
