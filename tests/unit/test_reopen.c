/* reopen: a level's reopen.csv read, bad rows left out with FILE:LINE, and
 * the bytes a receipt copies of a row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/reopen.h"
#include "values/date.h"
#include "suites.h"

START_TEST(absent)
{
	char *d = test_tmpdir();
	struct reopen r;
	struct strbuf err = { 0 };

	ck_assert_int_eq(reopen_load(&r, d, NULL, &err), 0);
	ck_assert_int_eq(r.exists, 0);
	ck_assert_uint_eq(r.n, 0);
	ck_assert_uint_eq(err.len, 0);
	reopen_free(&r);
	strbuf_free(&err);
	free(d);
}
END_TEST

START_TEST(rows)
{
	char *d = test_tmpdir();
	struct reopen r;
	struct strbuf err = { 0 };

	/* a BOM, Chinese headers in another order, a blank row */
	test_write_in(d, "reopen.csv", "\xef\xbb\xbf重新受理原因,村代码,日期\n"
	    "\"H034 的调查更正, 重新评议\",371323105201,2015/7/2\n"
	    ",,\n"
	    "又一次,371323105202,2015年7月3日\n");
	ck_assert_int_eq(reopen_load(&r, d, NULL, &err), 0);
	ck_assert_uint_eq(r.n, 2);
	ck_assert_str_eq(r.row[0].village, "371323105201");
	ck_assert_int_eq(r.row[0].date, date_days(2015, 7, 2));
	ck_assert_str_eq(r.row[0].reason, "H034 的调查更正, 重新评议");
	ck_assert_uint_eq(r.row[0].line, 2);
	ck_assert_uint_eq(r.row[1].line, 4);
	reopen_free(&r);
	strbuf_free(&err);
	free(d);
}
END_TEST

START_TEST(bad_rows)
{
	char *d = test_tmpdir();
	struct reopen r;
	struct strbuf err = { 0 };

	test_write_in(d, "reopen.csv", "village_code,date,reason\n"
	    "37132310520,2015-07-02,x\n"
	    "371323105201,2015-02-30,x\n"
	    "371323105201,2015-07-02,\n"
	    "371323105201,2015-07-02,x\n"
	    "371323105201,2015/7/2,x\n");
	ck_assert_int_eq(reopen_load(&r, d, NULL, &err), 4);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_uint_eq(r.row[0].line, 5);
	ck_assert_ptr_nonnull(strstr(err.s, "reopen.csv:2: village_code: "));
	ck_assert_ptr_nonnull(strstr(err.s, "reopen.csv:3: date: "));
	ck_assert_ptr_nonnull(strstr(err.s, "reopen.csv:4: reason: "));
	ck_assert_ptr_nonnull(strstr(err.s, "reopen.csv:6: the same row as line 5"));
	reopen_free(&r);
	strbuf_free(&err);
	free(d);
}
END_TEST

START_TEST(no_reason_column)
{
	char *d = test_tmpdir();
	struct reopen r;
	struct strbuf err = { 0 };

	test_write_in(d, "reopen.csv", "village_code,date\n371323105201,2015-07-02\n");
	ck_assert_int_eq(reopen_load(&r, d, NULL, &err), -1);
	ck_assert_uint_eq(r.n, 0);
	ck_assert_ptr_nonnull(strstr(err.s, "reason"));
	reopen_free(&r);
	strbuf_free(&err);
	free(d);
}
END_TEST

START_TEST(row_bytes)
{
	struct reopen_row row = { "371323105201", 0, NULL, 2 };
	struct strbuf b = { 0 };

	row.date = date_days(2015, 7, 2);
	row.reason = "plain";
	reopen_row_bytes(&row, &b);
	ck_assert_str_eq(b.s, "village_code,date,reason\n371323105201,2015-07-02,plain\n");
	strbuf_reset(&b);
	row.reason = "a, \"b\"";
	reopen_row_bytes(&row, &b);
	ck_assert_str_eq(b.s, "village_code,date,reason\n371323105201,2015-07-02,\"a, \"\"b\"\"\"\n");
	strbuf_free(&b);
}
END_TEST

Suite *
suite_reopen(void)
{
	Suite *s = suite_create("reopen");
	TCase *tc = tcase_create("reopen");

	tcase_add_test(tc, absent);
	tcase_add_test(tc, rows);
	tcase_add_test(tc, bad_rows);
	tcase_add_test(tc, no_reason_column);
	tcase_add_test(tc, row_bytes);
	suite_add_tcase(s, tc);
	return s;
}
