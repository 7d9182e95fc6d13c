#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "values/date.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

/* Howard Hinnant's days_from_civil. */
long
date_days(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
date_ymd(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Read 1 to MAX digits at *P (before END) into *V. */
static int
digits(const char **p, const char *end, int max, int *v)
{
	int k = 0;

	*v = 0;
	while (*p < end && **p >= '0' && **p <= '9' && k < max) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k;
}

/* Skip the separator SEP (a C string) at *P. */
static int
sep(const char **p, const char *end, const char *s)
{
	size_t n = strlen(s);

	if ((size_t)(end - *p) < n || memcmp(*p, s, n) != 0)
		return 0;
	*p += n;
	return 1;
}

/* The year of two-digit year YY closest to YEAR, or 0 when it is more
 * than DATE_YEAR_WINDOW years away (or YEAR is not known). */
static int
settle_year(int yy, int year)
{
	int y, best;

	if (year <= 0)
		return 0;
	best = year - year % 100 + yy;
	for (y = best - 100; y <= best + 100; y += 100)
		if (abs(y - year) < abs(best - year))
			best = y;
	return abs(best - year) <= DATE_YEAR_WINDOW ? best : 0;
}

int
date_parse(const char *s, size_t n, int year, long *days)
{
	static const char *const forms[][3] = {
		{ "-", "-", "" }, { "/", "/", "" }, { ".", ".", "" },
		{ "\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5" }, /* 年 月 日 */
	};
	enum { CJK = 3 };
	const char *end = s + n;

	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
		const char *p = s;
		int y, m, d, ny;

		ny = digits(&p, end, 4, &y);
		if ((ny != 4 && ny != 2) || !sep(&p, end, forms[f][0]) ||
		    digits(&p, end, 2, &m) < 1 || !sep(&p, end, forms[f][1]) ||
		    digits(&p, end, 2, &d) < 1 || !sep(&p, end, forms[f][2]) ||
		    p != end)
			continue;
		if (ny == 2) {
			/* Only 15年5月26日 says which number is the year; and
			 * only near YEAR is its century beyond doubt. 2000 is
			 * a leap year: any month and day that can be. */
			int full = f == CJK ? settle_year(y, year) : 0;

			if (full == 0)
				return date_valid(2000, m, d) ? DATE_SHORT_YEAR : -1;
			y = full;
		}
		if (!date_valid(y, m, d))
			return -1;
		*days = date_days(y, m, d);
		return 0;
	}
	return -1;
}

const char *
date_format(char buf[DATE_BUF], long days)
{
	int y, m, d;

	date_ymd(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(buf, DATE_BUF, "%04d-%02d-%02d", y, m, d);
		return buf;
	}
	/* Digits by hand: this runs for every person on every row. */
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

int
date_age_at_year_end(long birth, int year)
{
	int y, m, d;

	date_ymd(birth, &y, &m, &d);
	return y > year ? -1 : year - y;
}
