#include <stdlib.h>
#include <string.h>

#include "values/date.h"
#include "io/diag.h"
#include "values/idnumber.h"
#include "values/pattern.h"

struct id_checker {
	struct pattern *full;      /* 17 digits and a digit or X */
	struct pattern *old;       /* 15 digits */
	long last_day;             /* 31 December of the village's year */
};

struct id_checker *
id_checker_new(int last_year)
{
	struct id_checker *c = xcalloc(1, sizeof *c);
	char err[256];

	c->full = pattern_compile("[0-9]{17}[0-9Xx]", PATTERN_WHOLE, err, sizeof err);
	c->old = pattern_compile("[0-9]{15}", PATTERN_WHOLE, err, sizeof err);
	if (c->full == NULL || c->old == NULL)
		die(EXIT_ERROR, "internal pattern: %s", err);
	c->last_day = date_days(last_year, 12, 31);
	return c;
}

void
id_checker_free(struct id_checker *c)
{
	if (c == NULL)
		return;
	pattern_free(c->full);
	pattern_free(c->old);
	free(c);
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

	if (n == 15 && pattern_match(c->old, s, n) == 1)
		return ID_OLD_15_DIGIT;
	if (n != ID_LEN || pattern_match(c->full, s, n) != 1)
		return ID_BAD_FORMAT;
	memcpy(out, s, ID_LEN);
	out[ID_LEN] = '\0';
	if (out[17] == 'x')
		out[17] = 'X';
	if (id_check_char(out) != out[17])
		return ID_BAD_CHECKSUM;
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
