#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "household/tablediff.h"
#include "io/ledger.h"
#include "stages/received.h"
#include "suites.h"

/* Each difference as one line "household|id|column|old|new|+-". */
static void
collect(void *ctx, const struct tablediff *d)
{
	strbuf_printf(ctx, "%s|%s|%s|%s|%s|%s\n", d->household, d->id, d->column,
	    d->old, d->new, d->added ? "+" : d->removed ? "-" : "");
}

/* The differences of NAME between the texts OLD and NEW (NEW NULL: gone). */
static char *
diff(const char *name, const char *old, const char *new, long *n)
{
	char *dir = test_tmpdir(), *po = test_path(dir, "old"),
	    *pn = test_path(dir, "new"), *out;
	struct column_aliases *a = aliases_new();
	struct tablediff_options o = { name, a, NULL, 2015, NULL };
	struct strbuf b = { 0 }, err = { 0 };

	test_write(po, old);
	if (new != NULL)
		test_write(pn, new);
	*n = tablediff_files(&o, po, new ? pn : NULL, collect, &b, &err);
	ck_assert_msg(*n >= 0, "%s", strbuf_str(&err));
	out = xstrdup(strbuf_str(&b));
	strbuf_free(&b);
	strbuf_free(&err);
	aliases_free(a);
	free(po);
	free(pn);
	test_rmtree(dir);
	return out;
}

static const char survey[] =
    "household_id,survey_date,wage_income,dibao\n"
    "001,2015-05-03,6000,yes\n"
    "002,2015-05-04,1200.5,no\n";

START_TEST(resave_is_no_difference)
{
	/* GBK, CRLF, Chinese headers, columns reordered, 001 -> 1, 6000 ->
	 * 6000.00, 是 for yes */
	static const char gbk[] =
	    "\xbb\xa7\xb1\xe0\xba\xc5,\xb9\xa4\xd7\xca\xd0\xd4\xca\xd5\xc8\xeb,"
	    "survey_date,dibao\r\n"
	    "1,6000.00,2015-05-03,\xca\xc7\r\n"
	    "2,\"1,200.50\",2015-5-4,no\r\n";
	static const char bom[] = "\xef\xbb\xbfwage_income,household_id,"
	    "survey_date,dibao\n6000.00,1,2015-05-03,是\n1200.50,002,2015-05-04,否\n";
	long n;
	char *got = diff("survey.csv", survey, gbk, &n);

	ck_assert_str_eq(got, "");
	ck_assert_int_eq(n, 0);
	free(got);
	got = diff("survey.csv", survey, bom, &n);
	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

START_TEST(changes_named)
{
	static const char changed[] =
	    "household_id,survey_date,wage_income,dibao\n"
	    "1,2015-05-03,1000,yes\n"
	    "3,2015-05-04,0,no\n";
	long n;
	char *got = diff("survey.csv", survey, changed, &n);

	ck_assert_str_eq(got,
	    "1||wage_income|6000.00|1000.00|\n"
	    "3|||||+\n"
	    "002|||||-\n");
	ck_assert_int_eq(n, 3);
	free(got);
	got = diff("survey.csv", survey, NULL, &n);
	ck_assert_str_eq(got, "001|||||-\n002|||||-\n");
	free(got);
}
END_TEST

START_TEST(people_by_id)
{
	static const char old[] = "household_id,id_number,name\n"
	    "1,37132319800101001x,张三\n1,371323198202020022,李四\n";
	static const char reordered[] = "name,household_id,id_number\n"
	    "李四,01,371323198202020022\n张三,1,37132319800101001X\n";
	static const char renamed[] = "household_id,id_number,name\n"
	    "1,37132319800101001X,张三\n1,371323198202020022,李五\n";
	long n;
	char *got = diff("applications.csv", old, reordered, &n);

	ck_assert_str_eq(got, "");
	free(got);
	got = diff("applications.csv", old, renamed, &n);
	ck_assert_str_eq(got, "1|371323198202020022|name|李四|李五|\n");
	free(got);
}
END_TEST

START_TEST(objections_by_order)
{
	static const char old[] = "household_id,received,kind,outcome\n"
	    "1,2015-06-01,wrongly_included,upheld\n"
	    "1,2015-06-02,data_error,dismissed\n";
	static const char changed[] = "household_id,received,kind,outcome\n"
	    "1,2015-06-01,wrongly_included,dismissed\n"
	    "1,2015-06-02,data_error,dismissed\n";
	long n;
	char *got = diff("objections-village.csv", old, changed, &n);

	ck_assert_str_eq(got, "1||outcome|upheld|dismissed|\n");
	free(got);
}
END_TEST

START_TEST(yaml_by_key)
{
	static const char old[] = "village: {code: \"371323105201\", name: 东村}\n"
	    "appraisal: {date: 2015-06-01, representatives: 21}\n";
	static const char same[] = "appraisal:\n  representatives: 21\n"
	    "  date: 2015-06-01\nvillage:\n  name: 东村\n  code: '371323105201'\n";
	static const char changed[] = "village: {code: \"371323105201\", name: 东村}\n"
	    "appraisal: {date: 2015-06-01, representatives: 25}\n";
	long n;
	char *got = diff("village.yaml", old, same, &n);

	ck_assert_str_eq(got, "");
	free(got);
	got = diff("village.yaml", old, changed, &n);
	ck_assert_str_eq(got, "||appraisal.representatives|21|25|\n");
	free(got);
}
END_TEST

START_TEST(computed_columns_typed)
{
	/* members and per_capita_income are the stages' own; a list re-saved
	 * writes them otherwise */
	static const char old[] = "household_id,members,per_capita_income,decision\n"
	    "001,2,1000.00,confirmed\n";
	static const char same[] = "decision,per_capita_income,members,household_id\r\n"
	    "confirmed,1000,2,1\r\n";
	static const char changed[] = "household_id,members,per_capita_income,decision\n"
	    "001,2,1000.01,confirmed\n";
	long n;
	char *got = diff("publicized-village.csv", old, same, &n);

	ck_assert_str_eq(got, "");
	free(got);
	got = diff("publicized-village.csv", old, changed, &n);
	ck_assert_str_eq(got, "001||per_capita_income|1000.00|1000.01|\n");
	free(got);
}
END_TEST

static void
collect_change(void *ctx, const struct received_change *c)
{
	strbuf_printf(ctx, "%s:", c->file);
	collect(ctx, c->d);
}

static void
add_row(struct ledger *l, long receipt, const char *file)
{
	struct ledger_row *r;

	l->row = xrealloc(l->row, (l->nrows + 1) * sizeof *l->row);
	r = &l->row[l->nrows++];
	memset(r, 0, sizeof *r);
	r->seq = (long)l->nrows;
	strcpy(r->village, "371323105201");
	r->receipt = receipt;
	r->file = xstrdup(file);
}

/* A reopened village's second receipt against its first: the households
 * whose rows differ, file by file; a re-save is none, a notice is not
 * compared. */
START_TEST(reopened_receipts)
{
	char *dir = test_tmpdir(), *p;
	struct column_aliases *a = aliases_new();
	struct received_village v = { "371323105201", dir, NULL, a, NULL, 2015 };
	struct ledger l;
	struct strbuf b = { 0 }, err = { 0 };
	static const char *const made[] = { "received", "received/371323105201",
		"received/371323105201/1", "received/371323105201/2" };

	for (size_t i = 0; i < 4; i++) {
		p = test_path(dir, made[i]);
		ck_assert_int_eq(mkdir(p, 0700), 0);
		free(p);
	}
	test_write_in(dir, "received/371323105201/1/survey.csv", survey);
	test_write_in(dir, "received/371323105201/2/survey.csv",
	    "household_id,survey_date,wage_income,dibao\n"
	    "1,2015-05-03,6000.00,是\n2,2015-05-04,900,no\n");
	test_write_in(dir, "received/371323105201/1/votes.csv",
	    "household_id,votes_for,votes_against,votes_abstain\n001,20,1,0\n");
	test_write_in(dir, "received/371323105201/2/votes.csv",
	    "votes_against,household_id,votes_for,votes_abstain\r\n1,1,20,0\r\n");
	test_write_in(dir, "received/371323105201/1/notice-village.html", "a");
	test_write_in(dir, "received/371323105201/2/notice-village.html", "b");
	memset(&l, 0, sizeof l);
	l.dir = xstrdup(dir);
	add_row(&l, 1, "received/371323105201/1/survey.csv");
	add_row(&l, 1, "received/371323105201/1/votes.csv");
	add_row(&l, 1, "received/371323105201/1/notice-village.html");
	add_row(&l, 2, "received/371323105201/2/survey.csv");
	add_row(&l, 2, "received/371323105201/2/votes.csv");
	add_row(&l, 2, "received/371323105201/2/notice-village.html");
	ck_assert_int_eq(received_reopened(&v, &l, 2, LEVEL_TOWN, collect_change,
	    &b, &err), 1);
	ck_assert_str_eq(strbuf_str(&b),
	    "survey.csv:2||wage_income|1200.50|900.00|\n");
	ck_assert_str_eq(strbuf_str(&err), "");
	strbuf_reset(&b);
	/* receipt 1 has none before it */
	ck_assert_int_eq(received_reopened(&v, &l, 1, LEVEL_TOWN, collect_change,
	    &b, &err), 0);
	ledger_free(&l);
	strbuf_free(&b);
	strbuf_free(&err);
	aliases_free(a);
	test_rmtree(dir);
}
END_TEST

Suite *
suite_tablediff(void)
{
	Suite *s = suite_create("tablediff");
	TCase *t = tcase_create("core");

	tcase_add_test(t, resave_is_no_difference);
	tcase_add_test(t, changes_named);
	tcase_add_test(t, people_by_id);
	tcase_add_test(t, objections_by_order);
	tcase_add_test(t, yaml_by_key);
	tcase_add_test(t, computed_columns_typed);
	tcase_add_test(t, reopened_receipts);
	suite_add_tcase(s, t);
	return s;
}
