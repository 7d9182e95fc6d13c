/* hhlist (the household lists between stages) and notice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/diag.h"
#include "household/hhlist.h"
#include "stages/notice.h"
#include "suites.h"

static const char head[] = "village_code,household_id,head_name,head_id_number,"
    "members,per_capita_income,poverty_line,decision,reasons";

static int
read_list(const char *text, struct hhlist *l, char *err, size_t errlen)
{
	char *dir = test_tmpdir(), path[512];
	int rc;

	snprintf(path, sizeof path, "%s/list.csv", dir);
	test_write(path, text);
	rc = hhlist_read(l, path, ENC_UTF8, err, errlen);
	unlink(path);
	rmdir(dir);
	free(dir);
	return rc;
}

START_TEST(list_order_and_columns)
{
	char text[1024], err[512];
	const char *cells[16];
	struct hhlist l;
	uint32_t *order;

	snprintf(text, sizeof text, "%s,extra\n"
	    "371323105202,B1,乙,x,1,1.00,2855.00,eligible,,e1\n"
	    "371323105201,B2,甲,x,2,2.00,2855.00,proposed,C1,e2\n"
	    "371323105201,A9,丙,x,3,3.00,2855.00,excluded,X1,e3\n", head);
	ck_assert_int_eq(read_list(text, &l, err, sizeof err), 0);
	ck_assert_uint_eq(l.nrows, 3);
	ck_assert_int_eq(hhlist_find(&l, "extra"), 9);
	ck_assert_int_eq(hhlist_column(&l, "rank"), 10);    /* added */
	ck_assert_int_eq(hhlist_column(&l, "extra"), 9);    /* found */
	order = hhlist_order(&l);
	hhlist_cells(&l, order[0], cells);
	ck_assert_str_eq(cells[l.col[HH_HOUSEHOLD]], "A9");
	ck_assert_str_eq(cells[10], "");
	hhlist_cells(&l, order[2], cells);
	ck_assert_str_eq(cells[l.col[HH_HOUSEHOLD]], "B1");  /* the other village last */
	ck_assert_str_eq(cells[9], "e1");
	free(order);
	hhlist_free(&l);
}
END_TEST

START_TEST(list_errors)
{
	char text[1024], err[512];
	struct hhlist l;

	snprintf(text, sizeof text, "%s\n371323105201,A1,甲,x,1,1.00,2855.00,eligible,\n"
	    "371323105201,A1,乙,x,1,1.00,2855.00,eligible,\n", head);
	ck_assert_int_eq(read_list(text, &l, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "list.csv:3: household A1 is listed twice"));
	hhlist_free(&l);
	ck_assert_int_eq(read_list("household_id,decision\nA1,eligible\n", &l, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "list.csv:1: required column village_code is missing"));
	hhlist_free(&l);
	snprintf(text, sizeof text, "%s\n371323105201,A1,甲\n", head);
	ck_assert_int_eq(read_list(text, &l, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "list.csv:2: the row has 3 cells, the header 9"));
	hhlist_free(&l);
}
END_TEST

/* The text notice aligns columns by display width: a Chinese character
 * takes two columns. */
START_TEST(text_notice_alignment)
{
	struct village v;
	struct notice_row rows[2];
	struct notice n;
	char *dir = test_tmpdir(), path[512], *got, *line, err[256];
	struct outfile *out;

	memset(&v, 0, sizeof v);
	v.name = "双河村";
	v.town = "临涧镇";
	v.county = "沂水县";
	v.contact = "村委会";
	v.year = 2015;
	v.publicity[0].start = 16591;   /* 2015-06-05 */
	v.publicity[0].end = 16597;
	v.publicity[0].given = 1;
	rows[0].name = "张三";
	strcpy(rows[0].masked, "371323********011X");
	rows[0].members = "2";
	rows[0].income = "2100.00";
	rows[1].name = "欧阳小明";
	strcpy(rows[1].masked, "371323********603X");
	rows[1].members = "12";
	rows[1].income = "900.50";
	n.village = &v;
	n.level = LEVEL_VILLAGE;
	n.rows = rows;
	n.nrows = 2;
	n.people = 14;
	snprintf(path, sizeof path, "%s/n.txt", dir);
	out = outfile_open(path, OUTFILE_PUBLIC, err, sizeof err);
	ck_assert_ptr_nonnull(out);
	notice_write(&n, NOTICE_TEXT, out);
	ck_assert_int_eq(outfile_finish(out, NULL, err, sizeof err), 0);
	ck_assert_int_eq(outfile_commit(out, err, sizeof err), 0);
	got = test_slurp(path, NULL);
	ck_assert_ptr_nonnull(strstr(got, "双河村2015年建档立卡贫困户公示\n（村级公示）\n"));
	ck_assert_ptr_nonnull(strstr(got, "公示期为2015年6月5日至2015年6月11日（共7天）"));
	/* 序号 is 4 columns wide, 户主姓名 8: names are padded to 8. */
	line = strstr(got, "   1  张三      371323********011X         2           2100.00\n");
	ck_assert_msg(line != NULL, "%s", got);
	ck_assert_ptr_nonnull(strstr(got, "   2  欧阳小明  371323********603X        12            900.50\n"));
	ck_assert_ptr_nonnull(strstr(got, "合计：2户，14人\n"));
	free(got);
	unlink(path);
	rmdir(dir);
	free(dir);
}
END_TEST

Suite *
suite_lists(void)
{
	Suite *s = suite_create("lists");
	TCase *t = tcase_create("core");

	tcase_add_test(t, list_order_and_columns);
	tcase_add_test(t, list_errors);
	tcase_add_test(t, text_notice_alignment);
	suite_add_tcase(s, t);
	return s;
}
