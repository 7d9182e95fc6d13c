/* Calendar dates. Held as a day number (days since 1970-01-01, proleptic
 * Gregorian), so periods are differences; written as YYYY-MM-DD. */
#ifndef TPA_DATE_H
#define TPA_DATE_H

#include <stddef.h>

#define DATE_BUF 16

/* Whether Y-M-D is a real date (years 1 to 9999). */
int date_valid(int y, int m, int d);
/* Day number of a valid Y-M-D. */
long date_days(int y, int m, int d);
/* Y-M-D of a day number. */
void date_ymd(long days, int *y, int *m, int *d);

/* Parse S[0..N) (trimmed) in any input form: 2015-05-23, 2015/5/23,
 * 2015.5.23, 2015年5月23日. Returns 0 and the day number in *DAYS, or -1
 * when S is not a real date. */
int date_parse(const char *s, size_t n, long *days);

/* Age in whole years on 31 December of YEAR of someone born on day BIRTH:
 * YEAR minus the birth year. -1 when born after that day. */
int date_age_at_year_end(long birth, int year);

/* Write DAYS as YYYY-MM-DD into BUF. Returns BUF. */
const char *date_format(char buf[DATE_BUF], long days);

#endif
