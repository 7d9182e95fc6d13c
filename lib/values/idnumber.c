#include <stdlib.h>
#include <string.h>

#include "values/date.h"
#include "base/alloc.h"
#include "base/strbuf.h"
#include "values/idnumber.h"

struct id_checker {
	long last_day;             /* 31 December of the village's year */
};

struct id_checker *
id_checker_new(int last_year)
{
	struct id_checker *c = xcalloc(1, sizeof *c);

	c->last_day = date_days(last_year, 12, 31);
	return c;
}

void
id_checker_free(struct id_checker *c)
{
	free(c);
}

static size_t
count_digits(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/* What a spreadsheet makes of an 18-digit number shown in a cell:
 * "3.71323E+17", "3.71323195803120E+17". */
static int
scientific(const char *s, size_t n)
{
	size_t i = 1, k;

	if (n < 4 || s[0] < '1' || s[0] > '9')
		return 0;
	if (s[i] == '.') {
		k = count_digits(s + i + 1, n - i - 1);
		if (k == 0)
			return 0;
		i += 1 + k;
	}
	if (i >= n || (s[i] != 'E' && s[i] != 'e'))
		return 0;
	i++;
	if (i < n && s[i] == '+')
		i++;
	k = count_digits(s + i, n - i);
	return k > 0 && i + k == n;
}

char
id_check_char(const char *d)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	int sum = 0;

	for (int i = 0; i < 17; i++)
		sum += (d[i] - '0') * weight[i];
	return "10X98765432"[sum % 11];
}

static int
num(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

enum id_status
id_check(struct id_checker *c, const char *s, size_t n, char out[ID_LEN + 1])
{
	int y, m, d;

	if (n == 15 && count_digits(s, n) == 15)
		return ID_OLD_15_DIGIT;
	if (scientific(s, n))
		return ID_MANGLED;
	if (n != ID_LEN || count_digits(s, 17) != 17 ||
	    !((s[17] >= '0' && s[17] <= '9') || s[17] == 'X' || s[17] == 'x'))
		return ID_BAD_FORMAT;
	memcpy(out, s, ID_LEN);
	out[ID_LEN] = '\0';
	if (out[17] == 'x')
		out[17] = 'X';
	if (id_check_char(out) != out[17])
		/* Excel keeps 15 significant digits: the last three become 0. */
		return memcmp(out + 15, "000", 3) == 0 ? ID_MANGLED : ID_BAD_CHECKSUM;
	y = num(out + 6, 4);
	m = num(out + 10, 2);
	d = num(out + 12, 2);
	if (y < 1800 || !date_valid(y, m, d) || date_days(y, m, d) > c->last_day)
		return ID_BAD_DATE;
	return ID_OK;
}

const char *
id_status_code(enum id_status st)
{
	switch (st) {
	case ID_BAD_FORMAT: return "BAD_ID_FORMAT";
	case ID_BAD_CHECKSUM: return "BAD_ID_CHECKSUM";
	case ID_BAD_DATE: return "BAD_ID_DATE";
	case ID_OLD_15_DIGIT: return "OLD_15_DIGIT_ID";
	case ID_MANGLED: return "ID_MANGLED";
	case ID_OK: break;
	}
	return NULL;
}

int
id_sex(const char id[ID_LEN])
{
	return (id[16] - '0') % 2 == 1 ? 1 : 2;
}

long
id_birth(const char id[ID_LEN])
{
	return date_days(num(id + 6, 4), num(id + 10, 2), num(id + 12, 2));
}

const char *
id_mask(char buf[ID_MASKED_BUF], const char *s, size_t n)
{
	size_t keep_head = 6, keep_tail = 4;

	/* An ID a spreadsheet wrote as a number ("3.71323195803121E+17"):
	 * the first six digits and the exponent shown, the other digits
	 * masked, so that the clerk sees what happened to the cell. */
	if (n < ID_MASKED_BUF && scientific(s, n)) {
		size_t digits = 0;

		for (size_t i = 0; i < n; i++) {
			int exp = s[i] == 'E' || s[i] == 'e';

			if (exp) {
				memcpy(buf + i, s + i, n - i);
				break;
			}
			buf[i] = s[i] >= '0' && s[i] <= '9' && ++digits > keep_head ? '*' : s[i];
		}
		buf[n] = '\0';
		return buf;
	}

	if (n > ID_MASKED_BUF - 1)
		n = ID_MASKED_BUF - 1;
	if (n <= keep_head + keep_tail)
		keep_head = keep_tail = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		int shown = i < keep_head || i >= n - keep_tail;

		/* Only ASCII letters and digits are ever shown. */
		if (shown && ((ch >= '0' && ch <= '9') || ch == 'X' || ch == 'x'))
			buf[i] = ch == 'x' ? 'X' : (char)ch;
		else
			buf[i] = '*';
	}
	buf[n] = '\0';
	return buf;
}

/* The digit at S[0..N) as 0..9, or -1; *W is its width in bytes (1 for
 * ASCII, 3 for a full-width ０..９). X or x, either width, is 10. */
static int
id_char(const char *s, size_t n, size_t *w)
{
	const unsigned char *u = (const unsigned char *)s;

	*w = 1;
	if (n == 0)
		return -1;
	if (u[0] >= '0' && u[0] <= '9')
		return u[0] - '0';
	if (u[0] == 'X' || u[0] == 'x')
		return 10;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
		*w = 3;
		return u[2] - 0x90;
	}
	if (n >= 3 && ((u[0] == 0xEF && u[1] == 0xBC && u[2] == 0xB8) ||
	    (u[0] == 0xEF && u[1] == 0xBD && u[2] == 0x98))) {
		*w = 3;
		return 10;
	}
	return -1;
}

int
id_next_run(const char *s, size_t n, size_t *pos, size_t *start,
    char masked[ID_MASKED_BUF])
{
	size_t i = *pos;

	while (i < n) {
		size_t w, j, d = 0, len, digits_end;
		int c = id_char(s + i, n - i, &w);
		char ascii[CARD_MAX];

		if (c < 0 || c == 10) {
			i += c < 0 ? 1 : w;
			continue;
		}
		/* A run of digits, of either width, starts at I; whole runs are
		 * stepped over, so a non-digit comes before it. */
		for (j = i; j < n && (c = id_char(s + j, n - j, &w)) >= 0 && c != 10; j += w) {
			if (d < CARD_MAX)
				ascii[d] = (char)('0' + c);
			d++;
		}
		len = d;
		digits_end = j;
		if (d == 17 && j < n && id_char(s + j, n - j, &w) == 10) {
			ascii[len++] = 'X';
			j += w;
		}
		c = j < n ? id_char(s + j, n - j, &w) : -1;
		if ((len == ID_LEN || d == 15) && !(c >= 0 && c != 10)) {
			id_mask(masked, ascii, len);
			*start = i;
			*pos = j;
			return 1;
		}
		/* A bank card number: 16 to 19 digits, masked the same way
		 * (an X after them, as in 17 digits and an X followed by a
		 * digit, does not make them an ID number). */
		if (d >= CARD_MIN && d <= CARD_MAX) {
			id_mask(masked, ascii, d);
			*start = i;
			*pos = digits_end;
			return 1;
		}
		i = j;
	}
	*pos = n;
	return 0;
}

void
id_mask_runs(struct strbuf *b, const char *s, size_t n)
{
	size_t pos = 0, start, from = 0;
	char masked[ID_MASKED_BUF];

	while (id_next_run(s, n, &pos, &start, masked)) {
		strbuf_add(b, s + from, start - from);
		strbuf_puts(b, masked);
		from = pos;
	}
	strbuf_add(b, s + from, n - from);
}
