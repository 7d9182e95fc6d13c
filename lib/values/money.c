#include <stdio.h>
#include <string.h>

#include "values/money.h"

int
money_parse(const char *s, size_t n, long long *fen)
{
	const char *end = s + n;
	long long yuan = 0, cents = 0;
	int neg = 0, digits = 0, group = -1;

	if (s < end && (*s == '-' || *s == '+')) {
		neg = *s == '-';
		s++;
	}
	if (end - s >= 2 && memcmp(s, "\xC2\xA5", 2) == 0)          /* ¥ */
		s += 2;
	else if (end - s >= 3 && memcmp(s, "\xEF\xBF\xA5", 3) == 0) /* ￥ */
		s += 3;
	if (!neg && s < end && *s == '-') {     /* ¥-12 */
		neg = 1;
		s++;
	}
	for (; s < end && *s != '.'; s++) {
		if (*s == ',') {
			/* A separator needs digits before it and, if another
			 * separator came before, exactly three since. */
			if (digits == 0 || (group < 0 && digits > 3) ||
			    (group >= 0 && group != 3))
				return -1;
			group = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return -1;
		yuan = yuan * 10 + (*s - '0');
		if (yuan > MONEY_MAX_FEN / 100)
			return -1;
		digits++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return -1;
	if (s < end) {  /* decimals */
		int dec = 0;

		s++;
		for (; s < end; s++, dec++) {
			if (*s < '0' || *s > '9' || dec >= 2)
				return -1;
			cents = cents * 10 + (*s - '0');
		}
		if (dec == 0 && digits == 0)
			return -1;
		if (dec == 1)
			cents *= 10;
	} else if (digits == 0) {
		return -1;
	}
	*fen = (yuan * 100 + cents) * (neg ? -1 : 1);
	return 0;
}

const char *
money_format(char buf[MONEY_BUF], long long fen)
{
	unsigned long long a = fen < 0 ? 0ULL - (unsigned long long)fen :
	    (unsigned long long)fen;

	snprintf(buf, MONEY_BUF, "%s%llu.%02llu", fen < 0 ? "-" : "", a / 100,
	    a % 100);
	return buf;
}

long long
money_div_round(long long num, long long den)
{
	long long q = num / den, r = num % den;

	if (2 * (r < 0 ? -r : r) >= den)
		q += num < 0 ? -1 : 1;
	return q;
}
