#include <string.h>

#include "values/date.h"
#include "suites.h"

static int
parse(const char *s, long *d)
{
	return date_parse(s, strlen(s), d);
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
		"2015-02-29", "2015-00-10", "2015-05-32", "15-05-23",
		"2015-05-23x", "2015/05-23", "2015年5月23", "23/05/2015",
		"2015-005-23", "２０１５-05-23" };
	long d;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(parse(bad[i], &d) == -1, "%s", bad[i]);
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
	tcase_add_test(t, leap_years);
	tcase_add_test(t, day_numbers);
	tcase_add_test(t, ages);
	suite_add_tcase(s, t);
	return s;
}
