#include <string.h>

#include "base/search.h"
#include "base/strmap.h"
#include "suites.h"
#include "values/hhnumber.h"
#include "values/text.h"

static const char *
key(const char *s, char *buf)
{
	size_t n;
	const char *k = hhnumber_key(s, strlen(s), &n);

	memcpy(buf, k, n);
	buf[n] = '\0';
	return buf;
}

START_TEST(keys)
{
	char buf[64];

	ck_assert_str_eq(key("001", buf), "1");
	ck_assert_str_eq(key("1", buf), "1");
	ck_assert_str_eq(key("0100", buf), "100");
	ck_assert_str_eq(key("000", buf), "0");
	ck_assert_str_eq(key("0", buf), "0");
	ck_assert_str_eq(key("H001", buf), "H001");
	ck_assert_str_eq(key("01A", buf), "01A");
	ck_assert_str_eq(key("-01", buf), "-01");
	ck_assert_str_eq(key("", buf), "");
	ck_assert(text_digits("0123", 4));
	ck_assert(!text_digits("", 0));
	ck_assert(!text_digits("12a", 3));
	ck_assert_uint_eq(hhnumber_pad("7", 1, 3), 2);
	ck_assert_uint_eq(hhnumber_pad("1234", 4, 3), 0);
	ck_assert_uint_eq(hhnumber_pad("H7", 2, 3), 0);
	ck_assert_uint_eq(hhnumber_pad("7", 1, 0), 0);
}
END_TEST

START_TEST(order)
{
	/* in increasing order: numbers by value, then the others bytewise */
	static const char *const up[] = { "0", "2", "010", "11", "100", "-1",
		"01A", "A", "H1", "H10", "H2", "_", "a" };
	size_t n = sizeof up / sizeof up[0];

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = hhnumber_cmp(up[i], up[j]);

			ck_assert_msg(i < j ? c < 0 : i > j ? c > 0 : c == 0,
			    "%s vs %s: %d", up[i], up[j], c);
		}
	ck_assert_int_eq(hhnumber_cmp("1", "001"), 0);
	ck_assert_int_eq(hhnumber_cmp("000", "0"), 0);
	ck_assert(hhnumber_same("7", "0007"));
	ck_assert(!hhnumber_same("H1", "H01"));
	ck_assert(!hhnumber_same("H1", "h1"));
	ck_assert(!hhnumber_same("1", "1 "));
}
END_TEST

START_TEST(maps)
{
	struct strmap m;
	int inserted;

	strmap_init(&m);
	hhnumber_put(&m, "007", 3, 1, &inserted);
	ck_assert(inserted);
	hhnumber_put(&m, "7", 1, 2, &inserted);
	ck_assert(!inserted);
	ck_assert_ptr_nonnull(hhnumber_get(&m, "07", 2));
	ck_assert_uint_eq(*hhnumber_get(&m, "07", 2), 1);
	ck_assert_ptr_null(hhnumber_get(&m, "70", 2));
	hhnumber_put(&m, "H7", 2, 3, NULL);
	ck_assert_ptr_null(hhnumber_get(&m, "H07", 3));
	strmap_free(&m);
}
END_TEST

static const char *
at(const void *ctx, size_t i)
{
	return ((const char *const *)ctx)[i];
}

/* A list sorted bytewise whose numbers have one width is in the order of
 * hhnumber_cmp: found by value, searched forward from the cursor. */
START_TEST(search)
{
	static const char *const list[] = { "001", "002", "007", "010", "012",
		"099", "100", "H01" };
	size_t n = sizeof list / sizeof list[0], cursor = 0;

	for (size_t i = 1; i < n; i++)
		ck_assert_int_lt(hhnumber_cmp(list[i - 1], list[i]), 0);
	ck_assert_int_eq(sorted_find(list, at, n, "1", &cursor, hhnumber_cmp), 0);
	ck_assert_int_eq(sorted_find(list, at, n, "7", &cursor, hhnumber_cmp), 2);
	ck_assert_int_eq(sorted_find(list, at, n, "0012", &cursor, hhnumber_cmp), 4);
	ck_assert_int_eq(sorted_find(list, at, n, "100", &cursor, hhnumber_cmp), 6);
	ck_assert_int_eq(sorted_find(list, at, n, "H01", &cursor, hhnumber_cmp), 7);
	ck_assert_int_eq(sorted_find(list, at, n, "H1", &cursor, hhnumber_cmp), -1);
	ck_assert_int_eq(sorted_find(list, at, n, "3", &cursor, hhnumber_cmp), -1);
	ck_assert_int_eq(sorted_find(list, at, n, "2", &cursor, hhnumber_cmp), 1);
}
END_TEST

Suite *
suite_hhnumber(void)
{
	Suite *s = suite_create("hhnumber");
	TCase *t = tcase_create("core");

	tcase_add_test(t, keys);
	tcase_add_test(t, order);
	tcase_add_test(t, maps);
	tcase_add_test(t, search);
	suite_add_tcase(s, t);
	return s;
}
