#include <string.h>

#include "values/money.h"
#include "suites.h"

static int
parse(const char *s, long long *fen)
{
	return money_parse(s, strlen(s), fen);
}

START_TEST(amounts)
{
	static const struct { const char *s; long long fen; } ok[] = {
		{ "0", 0 }, { "2855", 285500 }, { "2855.5", 285550 },
		{ "2855.05", 285505 }, { "1,234.56", 123456 },
		{ "1,234,567", 123456700 }, { "¥1,200", 120000 },
		{ "￥35.1", 3510 }, { "-300", -30000 }, { "-0.01", -1 },
		{ "¥-12.30", -1230 }, { "+7", 700 }, { ".5", 50 }, { "12.", 1200 },
	};
	long long fen;

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(parse(ok[i].s, &fen) == 0, "%s", ok[i].s);
		ck_assert_int_eq(fen, ok[i].fen);
	}
}
END_TEST

START_TEST(refused)
{
	static const char *const bad[] = { "", "-", "¥", "12,3x", "1.234",
		"12,34", "1234,567", ",123", "1,2345", "1..2", "abc", "1 000",
		"1e5", "12.3.4", "99999999999999999999", "." };
	long long fen;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(parse(bad[i], &fen) == -1, "%s", bad[i]);
}
END_TEST

START_TEST(format)
{
	char buf[MONEY_BUF];

	ck_assert_str_eq(money_format(buf, 0), "0.00");
	ck_assert_str_eq(money_format(buf, 5), "0.05");
	ck_assert_str_eq(money_format(buf, 285500), "2855.00");
	ck_assert_str_eq(money_format(buf, -1230), "-12.30");
	ck_assert_str_eq(money_format(buf, -5), "-0.05");
}
END_TEST

START_TEST(rounding_half_away_from_zero)
{
	ck_assert_int_eq(money_div_round(1000, 3), 333);   /* 333.33 */
	ck_assert_int_eq(money_div_round(2000, 3), 667);   /* 666.67 */
	ck_assert_int_eq(money_div_round(5, 2), 3);        /* 2.5 -> 3 */
	ck_assert_int_eq(money_div_round(-5, 2), -3);      /* -2.5 -> -3 */
	ck_assert_int_eq(money_div_round(-1000, 3), -333);
	ck_assert_int_eq(money_div_round(7, 4), 2);        /* 1.75 -> 2 */
	ck_assert_int_eq(money_div_round(9, 4), 2);        /* 2.25 -> 2 */
	ck_assert_int_eq(money_div_round(0, 7), 0);
}
END_TEST

Suite *
suite_money(void)
{
	Suite *s = suite_create("money");
	TCase *t = tcase_create("core");

	tcase_add_test(t, amounts);
	tcase_add_test(t, refused);
	tcase_add_test(t, format);
	tcase_add_test(t, rounding_half_away_from_zero);
	suite_add_tcase(s, t);
	return s;
}
