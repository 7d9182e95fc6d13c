#include <string.h>

#include "values/date.h"
#include "suites.h"

static int
parse(const char *s, long *d)
{
	return date_parse(s, strlen(s), 0, d);
}

/* S read in a village of YEAR. */
static int
parse_in(const char *s, int year, long *d)
{
	return date_parse(s, strlen(s), year, d);
}

START_TEST(input_forms)
{
	static const char *const forms[] = { "2015-05-23", "2015/5/23",
		"2015.5.23", "2015年5月23日", "2015-5-23", "2015/05/23" };
	long want = date_days(2015, 5, 23), d;
	char buf[DATE_BUF];

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		ck_assert_msg(parse(forms[i], &d) == 0, "%s", forms[i]);
		ck_assert_int_eq(d, want);
	}
	ck_assert_str_eq(date_format(buf, want), "2015-05-23");
}
END_TEST

START_TEST(refused)
{
	static const char *const bad[] = { "", "2015", "2015-05", "2015-13-01",
		"2015-02-29", "2015-00-10", "2015-05-32", "015-05-23", "5-05-23",
		"2015-05-23x", "2015/05-23", "2015年5月23", "23/05/2015",
		"2015-005-23", "２０１５-05-23" };
	long d;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(parse(bad[i], &d) == -1, "%s", bad[i]);
	/* a two-digit year with no village's year to read it near */
	ck_assert_int_eq(parse("15-05-23", &d), DATE_SHORT_YEAR);
}
END_TEST

START_TEST(two_digit_years)
{
	long d;

	/* 15年5月26日 (a spreadsheet's Chinese short form): the year ending
	 * in 15 closest to the village's year, when within 10 years. */
	ck_assert_int_eq(parse_in("15年5月26日", 2015, &d), 0);
	ck_assert_int_eq(d, date_days(2015, 5, 26));
	ck_assert_int_eq(parse_in("15年5月26日", 2016, &d), 0);
	ck_assert_int_eq(d, date_days(2015, 5, 26));
	ck_assert_int_eq(parse_in("05年12月1日", 2015, &d), 0);
	ck_assert_int_eq(d, date_days(2005, 12, 1));
	ck_assert_int_eq(parse_in("25年1月1日", 2015, &d), 0);
	ck_assert_int_eq(d, date_days(2025, 1, 1));
	/* across a century: 99 in 2005 is 1999, 01 in 1998 is 2001 */
	ck_assert_int_eq(parse_in("99年12月31日", 2005, &d), 0);
	ck_assert_int_eq(d, date_days(1999, 12, 31));
	ck_assert_int_eq(parse_in("01年1月1日", 1998, &d), 0);
	ck_assert_int_eq(d, date_days(2001, 1, 1));
	/* 58 in 1960 (a birth year near the ID number's) */
	ck_assert_int_eq(parse_in("58年3月12日", 1958, &d), 0);
	ck_assert_int_eq(d, date_days(1958, 3, 12));
	/* more than 10 years away, or no year to read it near */
	ck_assert_int_eq(parse_in("04年12月31日", 2015, &d), DATE_SHORT_YEAR);
	ck_assert_int_eq(parse_in("26年1月1日", 2015, &d), DATE_SHORT_YEAR);
	ck_assert_int_eq(parse_in("58年3月12日", 2015, &d), DATE_SHORT_YEAR);
	ck_assert_int_eq(parse_in("15年5月26日", 0, &d), DATE_SHORT_YEAR);
	/* 15-5-26, 15/5/26, 15.5.26: which is the year is not sure (26/5/15
	 * is a day first); never read */
	ck_assert_int_eq(parse_in("15-5-26", 2015, &d), DATE_SHORT_YEAR);
	ck_assert_int_eq(parse_in("15/5/26", 2015, &d), DATE_SHORT_YEAR);
	ck_assert_int_eq(parse_in("15.5.26", 2015, &d), DATE_SHORT_YEAR);
	ck_assert_int_eq(parse_in("26/5/15", 2015, &d), DATE_SHORT_YEAR);
	/* not dates whatever the year */
	ck_assert_int_eq(parse_in("15年2月29日", 2015, &d), -1);
	ck_assert_int_eq(parse_in("15年13月1日", 2015, &d), -1);
	ck_assert_int_eq(parse_in("15-13-01", 2015, &d), -1);
	ck_assert_int_eq(parse_in("15年5月26", 2015, &d), -1);
	ck_assert_int_eq(parse_in("5年5月26日", 2015, &d), -1);
	ck_assert_int_eq(parse_in("015年5月26日", 2015, &d), -1);
	/* 16年2月29日: 2016 is a leap year */
	ck_assert_int_eq(parse_in("16年2月29日", 2015, &d), 0);
	ck_assert_int_eq(d, date_days(2016, 2, 29));
	/* four digits are read whatever the year */
	ck_assert_int_eq(parse_in("1958年3月12日", 2015, &d), 0);
	ck_assert_int_eq(d, date_days(1958, 3, 12));
}
END_TEST

START_TEST(leap_years)
{
	long d;

	ck_assert_int_eq(parse("2016-02-29", &d), 0);
	ck_assert_int_eq(parse("2000-02-29", &d), 0);
	ck_assert_int_eq(parse("1900-02-29", &d), -1);
}
END_TEST

START_TEST(day_numbers)
{
	int y, m, dd;

	ck_assert_int_eq(date_days(1970, 1, 1), 0);
	ck_assert_int_eq(date_days(1970, 1, 2), 1);
	ck_assert_int_eq(date_days(1969, 12, 31), -1);
	ck_assert_int_eq(date_days(2000, 3, 1) - date_days(2000, 2, 28), 2);
	/* Publicity period 2015-06-05 .. 2015-06-11: 7 days inclusive. */
	ck_assert_int_eq(date_days(2015, 6, 11) - date_days(2015, 6, 5) + 1, 7);
	for (long d = -800000; d < 800000; d += 997) {
		date_ymd(d, &y, &m, &dd);
		ck_assert_int_eq(date_days(y, m, dd), d);
	}
}
END_TEST

START_TEST(ages)
{
	/* Whole years on 31 December of the rules' year. */
	ck_assert_int_eq(date_age_at_year_end(date_days(1955, 12, 31), 2015), 60);
	ck_assert_int_eq(date_age_at_year_end(date_days(1956, 1, 1), 2015), 59);
	ck_assert_int_eq(date_age_at_year_end(date_days(2015, 12, 31), 2015), 0);
	ck_assert_int_eq(date_age_at_year_end(date_days(2016, 1, 1), 2015), -1);
}
END_TEST

Suite *
suite_date(void)
{
	Suite *s = suite_create("date");
	TCase *t = tcase_create("core");

	tcase_add_test(t, input_forms);
	tcase_add_test(t, refused);
	tcase_add_test(t, two_digit_years);
	tcase_add_test(t, leap_years);
	tcase_add_test(t, day_numbers);
	tcase_add_test(t, ages);
	suite_add_tcase(s, t);
	return s;
}
