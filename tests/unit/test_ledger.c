/* ledger: LEDGER.csv read, its chain checked, rows appended. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "io/digest.h"
#include "io/ledger.h"
#include "suites.h"

#define Z64 "0000000000000000000000000000000000000000000000000000000000000000"
#define A64 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define B64 "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define HEAD "seq,village_code,receipt,file,sha256,prev\n"

/* A ledger of two rows, the second's prev computed here. */
static char *
two_rows(void)
{
	const char *r1 = "1,371323105201,1,received/371323105201/1/survey.csv,"
	    A64 "," Z64;
	char h[DIGEST_HEX], *s = xmalloc(1024);

	digest_bytes(r1, strlen(r1), h);
	snprintf(s, 1024, HEAD "%s\n2,371323105201,1,"
	    "received/371323105201/1/votes.csv," B64 ",%s\n", r1, h);
	return s;
}

/* The two rows of two_rows(), as entries to append. */
static const struct ledger_entry E1 = { "371323105201", 1,
	"received/371323105201/1/survey.csv", A64 };
static const struct ledger_entry E2 = { "371323105201", 1,
	"received/371323105201/1/votes.csv", B64 };

START_TEST(load_none)
{
	char *d = test_tmpdir();
	struct ledger l;
	struct strbuf err = { 0 };

	ck_assert_int_eq(ledger_load(&l, d, &err), 0);
	ck_assert_int_eq(l.exists, 0);
	ck_assert_uint_eq(l.nrows, 0);
	ledger_free(&l);
	strbuf_free(&err);
	test_rmtree(d);
}
END_TEST

START_TEST(load_chain)
{
	char *d = test_tmpdir(), *s = two_rows();
	struct ledger l;
	struct strbuf err = { 0 };
	const struct ledger_row *r;

	test_write_in(d, "LEDGER.csv", s);
	ck_assert_int_eq(ledger_load(&l, d, &err), 0);
	ck_assert_uint_eq(l.nrows, 2);
	ck_assert_int_eq(ledger_latest_receipt(&l, "371323105201"), 1);
	ck_assert_int_eq(ledger_latest_receipt(&l, "371323105202"), 0);
	r = ledger_latest_file(&l, "371323105201", "votes.csv");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->seq, 2);
	ck_assert_str_eq(r->sha256, B64);
	ck_assert_ptr_null(ledger_latest_file(&l, "371323105201", "applications.csv"));
	ck_assert_ptr_eq(ledger_receipt_last(&l, "371323105201", 1), r);
	ck_assert_ptr_eq(ledger_row_seq(&l, 1), &l.row[0]);
	ck_assert_ptr_null(ledger_row_seq(&l, 3));
	ledger_free(&l);
	strbuf_free(&err);
	free(s);
	test_rmtree(d);
}
END_TEST

/* Each edit of a good ledger is refused at its line. */
START_TEST(load_broken)
{
	static const struct { const char *from, *to, *want; } edits[] = {
		{ "1,371323105201,1,received", "1,371323105201,2,received", ":3: the chain" },
		{ "survey.csv,aaaa", "survey.csv,abaa", ":3: the chain" },
		{ "\n2,", "\n3,", ":3: seq is 3" },
		{ "\n2,", "\n\"2\",", ":3: not written" },
		{ "seq,", "Seq,", ":1: the header" },
		{ "1/votes.csv", "1/vo\r\ntes.csv", ":3: a carriage" },
		{ ",aaaa", ",Aaaa", ":2: sha256" },
		{ "1,371323105201,1,received", "1,37132310520,1,received", ":2: village" },
	};

	for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
		char *d = test_tmpdir(), *s = two_rows(), *p = strstr(s, edits[i].from);
		char *t = xmalloc(strlen(s) + 16);
		struct ledger l;
		struct strbuf err = { 0 };

		ck_assert_ptr_nonnull(p);
		snprintf(t, strlen(s) + 16, "%.*s%s%s", (int)(p - s), s, edits[i].to,
		    p + strlen(edits[i].from));
		test_write_in(d, "LEDGER.csv", t);
		ck_assert_msg(ledger_load(&l, d, &err) == -1, "%zu loads", i);
		ck_assert_msg(strstr(strbuf_str(&err), edits[i].want) != NULL,
		    "%zu: %s", i, strbuf_str(&err));
		ledger_free(&l);
		strbuf_free(&err);
		free(s);
		free(t);
		test_rmtree(d);
	}
}
END_TEST

START_TEST(load_no_final_lf)
{
	char *d = test_tmpdir();
	struct ledger l;
	struct strbuf err = { 0 };

	test_write_in(d, "LEDGER.csv", "seq,village_code,receipt,file,sha256,prev");
	ck_assert_int_eq(ledger_load(&l, d, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "line feed"));
	ledger_free(&l);
	strbuf_free(&err);
	test_rmtree(d);
}
END_TEST

/* Appending gives the same bytes as the ledger written by hand. */
START_TEST(append)
{
	char *d = test_tmpdir(), *want = two_rows(), *got, *p;
	struct ledger l;
	struct strbuf err = { 0 };
	struct stat st;

	ck_assert_int_eq(ledger_load(&l, d, &err), 0);
	ck_assert_int_eq(ledger_append(&l, Z64, &E1, 1, &err), 0);
	ck_assert_int_eq(ledger_append(&l, A64, &E2, 1, &err), 0);
	ck_assert_uint_eq(l.nrows, 2);
	p = test_path(d, "LEDGER.csv");
	got = test_slurp(p, NULL);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_eq(st.st_mode & 0600, 0600);
	ledger_free(&l);
	/* and what it wrote reads back with the same hashes */
	ck_assert_int_eq(ledger_load(&l, d, &err), 0);
	ck_assert_uint_eq(l.nrows, 2);
	ck_assert_int_eq(ledger_append(&l, Z64, &E1, 0, &err), 0);
	ledger_free(&l);
	strbuf_free(&err);
	free(got);
	free(want);
	free(p);
	test_rmtree(d);
}
END_TEST

/* Rows added in memory are seen by the lookups at once and reach
 * LEDGER.csv only at the save, all in one write: the same bytes as the
 * ledger written by hand. Villages interleaved keep their own rows. */
START_TEST(add_then_save)
{
	char *d = test_tmpdir(), *want = two_rows(), *got, *p;
	struct ledger l;
	struct strbuf err = { 0 };
	struct ledger_entry o[3] = {
		{ "371323105202", 1, "received/371323105202/1/survey.csv", B64 },
		{ "371323105201", 2, "received/371323105201/2/survey.csv", B64 },
		{ "371323105202", 2, "received/371323105202/2/votes.csv", A64 } };
	const struct ledger_row *r;

	p = test_path(d, "LEDGER.csv");
	ck_assert_int_eq(ledger_load(&l, d, &err), 0);
	ck_assert_int_eq(ledger_add(&l, Z64, &E1, 1, &err), 0);
	ck_assert_int_eq(ledger_add(&l, Z64, &E2, 1, &err), 0);
	ck_assert_int_eq(ledger_latest_receipt(&l, "371323105201"), 1);
	r = ledger_receipt_last(&l, "371323105201", 1);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->seq, 2);
	/* nothing written yet */
	ck_assert_int_eq(access(p, F_OK), -1);
	ck_assert_int_eq(ledger_save(&l, &err), 0);
	got = test_slurp(p, NULL);
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_int_eq(ledger_add(&l, Z64, o, 3, &err), 0);
	ck_assert_int_eq(ledger_latest_receipt(&l, "371323105201"), 2);
	ck_assert_int_eq(ledger_latest_receipt(&l, "371323105202"), 2);
	ck_assert_int_eq(ledger_latest_receipt(&l, "371323105203"), 0);
	r = ledger_latest_file(&l, "371323105201", "survey.csv");
	ck_assert_int_eq(r->seq, 4);
	r = ledger_latest_file(&l, "371323105201", "votes.csv");
	ck_assert_int_eq(r->seq, 2);
	r = ledger_latest_file(&l, "371323105202", "survey.csv");
	ck_assert_int_eq(r->seq, 3);
	ck_assert_ptr_null(ledger_latest_file(&l, "371323105202", "x.csv"));
	ck_assert_ptr_null(ledger_receipt_last(&l, "371323105202", 3));
	/* the receipts holding survey.csv, the latest first, each by its
	 * last row: receipt 2 (row 4), receipt 1 (row 2, votes.csv) */
	{
		size_t nfp;
		char (*fp)[FINGERPRINT_LEN] = ledger_notice_rows(&l, "371323105201",
		    "survey.csv", &nfp);
		char want4[FINGERPRINT_LEN], want2[FINGERPRINT_LEN];

		ck_assert_uint_eq(nfp, 2);
		fingerprint_format(l.row[3].hash, want4);
		fingerprint_format(l.row[1].hash, want2);
		ck_assert_str_eq(fp[0], want4);
		ck_assert_str_eq(fp[1], want2);
		free(fp);
		ck_assert_ptr_null(ledger_notice_rows(&l, "371323105203",
		    "survey.csv", &nfp));
		ck_assert_uint_eq(nfp, 0);
		ck_assert_ptr_eq(ledger_notice_row(&l, "371323105201", "votes.csv"),
		    &l.row[1]);
	}
	/* still two rows on disk */
	got = test_slurp(p, NULL);
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_int_eq(ledger_save(&l, &err), 0);
	ledger_free(&l);
	/* the five rows read back, chained, with the same lookups */
	ck_assert_int_eq(ledger_load(&l, d, &err), 0);
	ck_assert_uint_eq(l.nrows, 5);
	ck_assert_int_eq(ledger_latest_receipt(&l, "371323105202"), 2);
	r = ledger_latest_file(&l, "371323105201", "survey.csv");
	ck_assert_int_eq(r->seq, 4);
	ledger_free(&l);
	strbuf_free(&err);
	free(want);
	free(p);
	test_rmtree(d);
}
END_TEST

/* A ledger that cannot be written keeps its rows, in memory and on disk. */
START_TEST(append_fails)
{
	char *d = test_tmpdir(), *gone = test_path(d, "town-371323105"), *s = two_rows();
	struct ledger l;
	struct strbuf err = { 0 };
	struct ledger_entry e = { "371323105201", 2,
		"received/371323105201/2/survey.csv", A64 };
	struct ledger_entry bad = { "371323105201", 2, "a,b", A64 };

	mkdir(gone, 0777);
	test_write_in(gone, "LEDGER.csv", s);
	ck_assert_int_eq(ledger_load(&l, gone, &err), 0);
	/* a file name a row cannot hold */
	ck_assert_int_eq(ledger_append(&l, Z64, &bad, 1, &err), -1);
	ck_assert_uint_eq(l.nrows, 2);
	strbuf_reset(&err);
	test_rmtree(xstrdup(gone));
	ck_assert_int_eq(ledger_append(&l, Z64, &e, 1, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "town-371323105"));
	ck_assert_uint_eq(l.nrows, 2);
	ledger_free(&l);
	strbuf_free(&err);
	free(s);
	free(gone);
	test_rmtree(d);
}
END_TEST

/* The first row pinned to last year's ledger. */
START_TEST(first_prev)
{
	char *base = test_tmpdir(), *y1 = test_path(base, "2014"),
	    *y2 = test_path(base, "2015"), *t1, *t2, *s = two_rows(), *yd;
	char prev[DIGEST_HEX];
	struct ledger l, p;
	struct strbuf err = { 0 };
	struct ledger_entry e = { "371323105201", 1,
		"received/371323105201/1/survey.csv", A64 };

	mkdir(y1, 0777);
	mkdir(y2, 0777);
	t1 = test_path(y1, "town-371323105");
	t2 = test_path(y2, "town-371323105");
	mkdir(t1, 0777);
	mkdir(t2, 0777);
	yd = ledger_year_dir(t2, 2014);
	/* no ledger last year: zeros */
	ck_assert_int_eq(ledger_first_prev(yd, prev, &err), 0);
	ck_assert_str_eq(prev, Z64);
	test_write_in(t1, "LEDGER.csv", s);
	ck_assert_int_eq(ledger_first_prev(yd, prev, &err), 0);
	ck_assert_int_eq(ledger_load(&p, t1, &err), 0);
	ck_assert_str_eq(prev, p.row[1].hash);
	ck_assert_int_eq(ledger_load(&l, t2, &err), 0);
	ck_assert_int_eq(ledger_append(&l, prev, &e, 1, &err), 0);
	ck_assert_int_eq(ledger_check_first_prev(&l, yd, &err), 0);
	/* pinned to the first row: also verifies */
	memcpy(l.row[0].prev, p.row[0].hash, DIGEST_HEX);
	ck_assert_int_eq(ledger_check_first_prev(&l, yd, &err), 0);
	/* zeros while last year has rows: refused */
	memcpy(l.row[0].prev, Z64, DIGEST_HEX);
	ck_assert_int_eq(ledger_check_first_prev(&l, yd, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "no row of"));
	ledger_free(&l);
	ledger_free(&p);
	strbuf_free(&err);
	free(s);
	free(yd);
	free(t1);
	free(t2);
	free(y1);
	free(y2);
	test_rmtree(base);
}
END_TEST

START_TEST(fingerprint)
{
	char fp[FINGERPRINT_LEN];
	const char *h = "0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef";

	fingerprint_format(h, fp);
	ck_assert_str_eq(fp, "0123 4567 89ab cdef 0123 4567 89ab cdef");
	ck_assert_int_eq(fingerprint_matches("0123-4567 89AB CDEF 0123 4567 89ab cdef", h), 1);
	ck_assert_int_eq(fingerprint_matches("0123 4567 89ab cdef 0123 4567 89ab cdee", h), 0);
}
END_TEST

Suite *
suite_ledger(void)
{
	Suite *s = suite_create("ledger");
	TCase *tc = tcase_create("ledger");

	tcase_add_test(tc, load_none);
	tcase_add_test(tc, load_chain);
	tcase_add_test(tc, load_broken);
	tcase_add_test(tc, load_no_final_lf);
	tcase_add_test(tc, append);
	tcase_add_test(tc, append_fails);
	tcase_add_test(tc, add_then_save);
	tcase_add_test(tc, first_prev);
	tcase_add_test(tc, fingerprint);
	suite_add_tcase(s, tc);
	return s;
}
