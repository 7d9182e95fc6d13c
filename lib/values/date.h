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

/* A two-digit year is read only this many years either side of the
 * village's year. */
#define DATE_YEAR_WINDOW 10
/* date_parse: a date whose two-digit year cannot be settled. */
#define DATE_SHORT_YEAR (-2)

/* Parse S[0..N) (trimmed) in any input form: 2015-05-23, 2015/5/23,
 * 2015.5.23, 2015年5月23日; and 15年5月23日 (a spreadsheet's Chinese short
 * form) as the year ending in 15 closest to YEAR, when that is within
 * DATE_YEAR_WINDOW years of YEAR. Returns 0 and the day number in *DAYS;
 * DATE_SHORT_YEAR when the year has two digits and the date cannot be read
 * that way (YEAR 0, too far from YEAR, or 15-5-23, 15/5/23, 15.5.23, whose
 * order of year and day is not sure); -1 when S is not a date. */
int date_parse(const char *s, size_t n, int year, long *days);

/* Age in whole years on 31 December of YEAR of someone born on day BIRTH:
 * YEAR minus the birth year. -1 when born after that day. */
int date_age_at_year_end(long birth, int year);

/* Write DAYS as YYYY-MM-DD into BUF. Returns BUF. */
const char *date_format(char buf[DATE_BUF], long days);

#endif
