#include <stdio.h>
#include <string.h>

#include "values/money.h"

int
decimal_parse(const char *s, const char *end, int places, long long max_whole,
    long long *scaled)
{
	long long whole = 0, frac = 0;
	int digits = 0, group = -1, dec = 0;

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
		whole = whole * 10 + (*s - '0');
		if (whole > max_whole)
			return -1;
		digits++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return -1;
	if (s < end) {  /* decimals */
		for (s++; s < end; s++, dec++) {
			if (*s < '0' || *s > '9' || dec >= places)
				return -1;
			frac = frac * 10 + (*s - '0');
		}
		if (dec == 0 && digits == 0)
			return -1;
	} else if (digits == 0) {
		return -1;
	}
	for (int k = 0; k < places; k++)
		whole *= 10;
	for (; dec < places; dec++)
		frac *= 10;
	*scaled = whole + frac;
	return 0;
}

int
money_parse(const char *s, size_t n, long long *fen)
{
	const char *end = s + n;
	int neg = 0;

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
	if (decimal_parse(s, end, 2, MONEY_MAX_FEN / 100, fen) != 0)
		return -1;
	if (neg)
		*fen = -*fen;
	return 0;
}

const char *
money_format(char buf[MONEY_BUF], long long fen)
{
	unsigned long long a = fen < 0 ? 0ULL - (unsigned long long)fen :
	    (unsigned long long)fen;

	char digits[MONEY_BUF], *p = digits + sizeof digits;
	size_t n;

	/* By hand: this runs for every money cell of a million households. */
	*--p = '\0';
	*--p = (char)('0' + a % 10);
	*--p = (char)('0' + a / 10 % 10);
	*--p = '.';
	a /= 100;
	do
		*--p = (char)('0' + a % 10);
	while ((a /= 10) > 0);
	if (fen < 0)
		*--p = '-';
	n = (size_t)(digits + sizeof digits - p);
	memcpy(buf, p, n);
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
