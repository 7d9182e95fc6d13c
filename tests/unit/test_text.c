#include <string.h>

#include "suites.h"
#include "values/text.h"

static const char *
trim(const char *s, char *buf)
{
	size_t n = strlen(s);
	const char *t = text_trim(s, &n);

	memcpy(buf, t, n);
	buf[n] = '\0';
	return buf;
}

START_TEST(trimming)
{
	char buf[64];

	ck_assert_str_eq(trim("  张三 ", buf), "张三");
	ck_assert_str_eq(trim("\xE3\x80\x80张三\xE3\x80\x80", buf), "张三");   /* U+3000 */
	ck_assert_str_eq(trim("\t\r\n x \n", buf), "x");
	ck_assert_str_eq(trim("\xC2\xA0" "a b" "\xC2\xA0", buf), "a b");
	ck_assert_str_eq(trim("   ", buf), "");
	ck_assert_str_eq(trim("", buf), "");
	ck_assert_str_eq(trim("张\xE3\x80\x80三", buf), "张\xE3\x80\x80三");
}
END_TEST

START_TEST(utf8)
{
	const char *ok = "ab张三😀";

	ck_assert_uint_eq(utf8_valid_prefix(ok, strlen(ok), 0), strlen(ok));
	ck_assert_uint_eq(utf8_chars(ok, strlen(ok)), 5);
	ck_assert_uint_eq(utf8_valid_prefix("a\xD5\xC5", 3, 0), 1);    /* GBK 张 */
	ck_assert_uint_eq(utf8_valid_prefix("a\xC0\x80", 3, 0), 1);    /* overlong */
	ck_assert_uint_eq(utf8_valid_prefix("a\xED\xA0\x80", 4, 0), 1); /* surrogate */
	ck_assert_uint_eq(utf8_valid_prefix("a\xF4\x90\x80\x80", 5, 0), 1);
	ck_assert_uint_eq(utf8_valid_prefix("a\xE5\xBC", 3, 0), 1);    /* cut short */
	ck_assert_uint_eq(utf8_valid_prefix("a\xE5\xBC", 3, 1), 3);    /* ... more to come */
	ck_assert_uint_eq(utf8_valid_prefix("\xFF", 1, 1), 0);
}
END_TEST

START_TEST(counts_and_case)
{
	char buf[32];

	ck_assert_str_eq(text_count(buf, 0), "0");
	ck_assert_str_eq(text_count(buf, 999), "999");
	ck_assert_str_eq(text_count(buf, 1390), "1,390");
	ck_assert_str_eq(text_count(buf, 1000000), "1,000,000");
	ck_assert(text_ieq("Household_ID", 12, "household_id"));
	ck_assert(!text_ieq("household", 9, "household_id"));
	ck_assert(!text_ieq("household_idx", 13, "household_id"));
	ck_assert_uint_eq(text_width("ab张三", strlen("ab张三")), 6);
}
END_TEST

Suite *
suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *t = tcase_create("core");

	tcase_add_test(t, trimming);
	tcase_add_test(t, utf8);
	tcase_add_test(t, counts_and_case);
	suite_add_tcase(s, t);
	return s;
}
