/* household/list.c, votefile.c and objectionfile.c: household lists read
 * and written back, votes and objections read against a list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "household/list.h"
#include "household/objectionfile.h"
#include "household/registryfile.h"
#include "household/votefile.h"
#include "values/date.h"
#include "suites.h"

struct problem_copy {
	unsigned long line;
	char household[16], field[32], code[32];
};

struct problems {
	struct problem_copy p[16];
	size_t n;
};

static void
on_problem(void *ctx, const struct read_problem *p)
{
	struct problems *ps = ctx;
	struct problem_copy *c;

	ck_assert_uint_lt(ps->n, 16);
	c = &ps->p[ps->n++];
	c->line = p->line;
	snprintf(c->household, sizeof c->household, "%s", p->household);
	snprintf(c->field, sizeof c->field, "%s", p->field);
	snprintf(c->code, sizeof c->code, "%s", p->code);
}

static const struct problem_copy *
problem_at(const struct problems *ps, unsigned long line, const char *code)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->p[i].line == line && strcmp(ps->p[i].code, code) == 0)
			return &ps->p[i];
	return NULL;
}

/* Read TEXT (written to DIR/NAME) as a household list. */
static int
read_list(const char *dir, const char *text, struct hhlist *l,
    struct problems *ps, struct strbuf *err)
{
	char *path = test_path(dir, "list.csv");
	struct list_options o = { path, ENC_AUTO, NULL, NULL, LANG_EN };
	int rc;

	test_write(path, text);
	if (ps != NULL)
		ps->n = 0;
	rc = hhlist_read(l, &o, ps ? on_problem : NULL, ps, err);
	free(path);
	return rc;
}

/* Finish and commit OUT, DIR/NAME, and return its text (caller frees). */
static char *
committed_text(const char *dir, const char *name, struct outfile *out)
{
	char *path = test_path(dir, name), *text, err[512];

	ck_assert_msg(outfile_finish(out, NULL, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(outfile_commit(out, err, sizeof err) == 0, "%s", err);
	text = test_slurp(path, NULL);
	ck_assert_ptr_nonnull(text);
	free(path);
	return text;
}

/* Write L to DIR/out.csv and return its text (caller frees). */
static char *
write_list(const char *dir, const struct hhlist *l)
{
	char *path = test_path(dir, "out.csv"), err[512];
	struct outfile *out = outfile_open(path, OUTFILE_PUBLIC, err, sizeof err);

	ck_assert_msg(out != NULL, "%s", err);
	free(path);
	hhlist_write(l, out);
	return committed_text(dir, "out.csv", out);
}

#define LIST_HEADER "village_code,household_id,head_name,head_id_number," \
	"members,per_capita_income,poverty_line,decision,reasons,group," \
	"votes_for,votes_against,votes_abstain,rank,housing,note\n"

/* Sorted by village_code then household_id, quoted as tpa writes. */
static const char sorted_list[] = LIST_HEADER
    "371323105201,H1,张三,371323195012310011,3,1200.50,2855.00,proposed,,一组,20,5,2,1,c_grade,\"a,b\"\n"
    "371323105201,H2,李四,371323196001010022,1,-50.00,2855.00,eligible,C2,,,,,,safe,\"say \"\"hi\"\"\"\n"
    "371323105201,H3,王五,371323197001010033,2,3000.00,2855.00,above_line,INCOME,,,,,,safe,\n";

START_TEST(round_trip)
{
	char *dir = test_tmpdir(), *text;
	struct hhlist l;
	struct strbuf err = { 0 };

	ck_assert_msg(read_list(dir, sorted_list, &l, NULL, &err) == 0, "%s",
	    strbuf_str(&err));
	ck_assert_uint_eq(l.nrows, 3);
	ck_assert_uint_eq(l.ncols, 16);
	text = write_list(dir, &l);
	ck_assert_str_eq(text, sorted_list);
	free(text);
	hhlist_free(&l);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

/* Rows made one at a time and streamed: the same text hhlist_write gives
 * for them in any order, and a row out of order is refused unwritten. */
static const char *const stream_rows[][3] = {
	{ "371323105201", "H1", "张三" },
	{ "371323105201", "H2", "李,四" },
	{ "371323105202", "H0", "王五" },
};

#define STREAM_HEADER "village_code,household_id,head_name,head_id_number," \
	"members,per_capita_income,poverty_line,decision,reasons\n"

static void
add_stream_row(struct hhlist *l, size_t i)
{
	size_t r = hhlist_add(l, stream_rows[i][1], i + 2);

	hhlist_set_str(l, r, l->col[L_VILLAGE], stream_rows[i][0]);
	hhlist_set_str(l, r, l->col[L_HEAD_NAME], stream_rows[i][2]);
}

/* A stream to DIR/stream.csv; stream_text finishes it and returns the
 * file's text (caller frees). */
static struct outfile *
stream_open(const char *dir, struct hhlist *l, struct hhlist_stream *s)
{
	char *path = test_path(dir, "stream.csv"), err[512];
	struct outfile *out = outfile_open(path, OUTFILE_PUBLIC, err, sizeof err);

	ck_assert_msg(out != NULL, "%s", err);
	free(path);
	hhlist_init(l, "stream.csv");
	hhlist_stream_init(s, out);
	return out;
}

static char *
stream_text(const char *dir, struct outfile *out, struct hhlist *l,
    struct hhlist_stream *s)
{
	hhlist_stream_end(s, l);
	hhlist_stream_free(s);
	hhlist_free(l);
	return committed_text(dir, "stream.csv", out);
}

START_TEST(stream_in_order)
{
	char *dir = test_tmpdir(), *text;
	struct hhlist l;
	struct hhlist_stream s;
	struct outfile *out = stream_open(dir, &l, &s);
	static const char want[] = STREAM_HEADER
	    "371323105201,H1,张三,,,,,,\n"
	    "371323105201,H2,\"李,四\",,,,,,\n"
	    "371323105202,H0,王五,,,,,,\n";

	for (size_t i = 0; i < 3; i++) {
		add_stream_row(&l, i);
		ck_assert_int_eq(hhlist_stream_row(&s, &l), 0);
		ck_assert_uint_eq(l.nrows, 0);
	}
	/* H1 of the first village again: before the last row written */
	add_stream_row(&l, 0);
	ck_assert_int_eq(hhlist_stream_row(&s, &l), -1);
	ck_assert_uint_eq(l.nrows, 1);
	text = stream_text(dir, out, &l, &s);
	ck_assert_str_eq(text, want);
	free(text);

	/* The same rows kept whole, added in another order, sorted on write. */
	hhlist_init(&l, "out.csv");
	add_stream_row(&l, 2);
	add_stream_row(&l, 0);
	add_stream_row(&l, 1);
	text = write_list(dir, &l);
	ck_assert_str_eq(text, want);
	free(text);
	hhlist_free(&l);
	test_rmtree(dir);
}
END_TEST

START_TEST(stream_no_rows)
{
	char *dir = test_tmpdir(), *text;
	struct hhlist l;
	struct hhlist_stream s;
	struct outfile *out = stream_open(dir, &l, &s);

	text = stream_text(dir, out, &l, &s);
	ck_assert_str_eq(text, STREAM_HEADER);
	free(text);
	test_rmtree(dir);
}
END_TEST

/* A list read in household order is indexed only when looked up; a repeat
 * right after its first row and households out of order are still found. */
START_TEST(index_of_ordered_list)
{
	char *dir = test_tmpdir();
	struct hhlist l;
	struct problems ps;
	struct strbuf err = { 0 };
	static const char repeat[] = LIST_HEADER
	    "V,H1,a,,1,1.00,2855.00,eligible,,,,,,,,\n"
	    "V,H2,b,,1,1.00,2855.00,eligible,,,,,,,,\n"
	    "V,H2,c,,1,1.00,2855.00,eligible,,,,,,,,\n"     /* 4: right after */
	    "V,H3,d,,1,1.00,2855.00,eligible,,,,,,,,\n";
	static const char unordered[] = LIST_HEADER
	    "V,H1,a,,1,1.00,2855.00,eligible,,,,,,,,\n"
	    "V,H3,b,,1,1.00,2855.00,eligible,,,,,,,,\n"
	    "V,H2,c,,1,1.00,2855.00,eligible,,,,,,,,\n"
	    "V,H4,d,,1,1.00,2855.00,eligible,,,,,,,,\n"
	    "V,H3,e,,1,1.00,2855.00,eligible,,,,,,,,\n";    /* 6: far after */

	ck_assert_msg(read_list(dir, repeat, &l, &ps, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(ps.n, 1);
	ck_assert_ptr_nonnull(problem_at(&ps, 4, "DUPLICATE_HOUSEHOLD"));
	ck_assert_uint_eq(l.nrows, 3);
	ck_assert_int_eq(hhlist_lookup(&l, "H3"), 2);
	ck_assert_int_eq(hhlist_lookup(&l, "H1"), 0);
	ck_assert_int_eq(hhlist_lookup(&l, "H0"), -1);
	ck_assert_int_eq(hhlist_lookup(&l, "H25"), -1);
	ck_assert_int_eq(hhlist_lookup(&l, "H2"), 1);
	ck_assert_int_eq(hhlist_lookup(&l, "H9"), -1);
	ck_assert_int_eq(hhlist_lookup(&l, "H3"), 2);
	hhlist_free(&l);

	/* 500 households in order, every other one looked up forwards, all
	 * backwards, and the missing ones between them */
	{
		struct strbuf t = { 0 };
		char id[16];

		strbuf_puts(&t, LIST_HEADER);
		for (int i = 0; i < 500; i++)
			strbuf_printf(&t, "V,H%04d,a,,1,1.00,2855.00,eligible,,,,,,,,\n", 2 * i);
		ck_assert_msg(read_list(dir, strbuf_str(&t), &l, &ps, &err) == 0, "%s",
		    strbuf_str(&err));
		ck_assert_uint_eq(ps.n, 0);
		for (int i = 0; i < 500; i += 2) {
			snprintf(id, sizeof id, "H%04d", 2 * i);
			ck_assert_int_eq(hhlist_lookup(&l, id), i);
		}
		for (int i = 499; i >= 0; i--) {
			snprintf(id, sizeof id, "H%04d", 2 * i);
			ck_assert_int_eq(hhlist_lookup(&l, id), i);
			snprintf(id, sizeof id, "H%04d", 2 * i + 1);
			ck_assert_int_eq(hhlist_lookup(&l, id), -1);
		}
		hhlist_free(&l);
		strbuf_free(&t);
	}

	ck_assert_msg(read_list(dir, unordered, &l, &ps, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(ps.n, 1);
	ck_assert_ptr_nonnull(problem_at(&ps, 6, "DUPLICATE_HOUSEHOLD"));
	ck_assert_uint_eq(l.nrows, 4);
	ck_assert_int_eq(hhlist_lookup(&l, "H2"), 2);
	ck_assert_int_eq(hhlist_lookup(&l, "H4"), 3);
	hhlist_free(&l);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(parsed_numbers)
{
	char *dir = test_tmpdir();
	struct hhlist l;
	struct strbuf err = { 0 };
	const struct list_row *r;

	ck_assert_msg(read_list(dir, sorted_list, &l, NULL, &err) == 0, "%s",
	    strbuf_str(&err));
	ck_assert_int_eq(l.col[L_HOUSEHOLD], 1);
	ck_assert_int_eq(l.col[L_RANK], 13);
	ck_assert_int_eq(l.col[L_OBJECTIONS], -1);
	ck_assert_int_eq(hhlist_find(&l, "housing"), 14);
	ck_assert_int_eq(hhlist_lookup(&l, "H2"), 1);
	ck_assert_int_eq(hhlist_lookup(&l, "H9"), -1);

	r = &l.row[0];
	ck_assert_uint_eq(r->line, 2);
	ck_assert_int_eq(r->members, 3);
	ck_assert_int_eq(r->pci, 120050);             /* 1200.50 yuan in fen */
	ck_assert_int_eq(r->poverty_line, 285500);
	ck_assert_int_eq(r->decision, DEC_PROPOSED);
	ck_assert_int_eq(r->votes[0], 20);
	ck_assert_int_eq(r->votes[1], 5);
	ck_assert_int_eq(r->votes[2], 2);
	ck_assert_int_eq(r->rank, 1);
	ck_assert_uint_eq(r->has, LR_PCI | LR_VOTES | LR_RANK);
	ck_assert_int_eq(r->objections, 0);

	r = &l.row[1];
	ck_assert_int_eq(r->members, 1);
	ck_assert_int_eq(r->pci, -5000);
	ck_assert_int_eq(r->decision, DEC_ELIGIBLE);
	ck_assert_uint_eq(r->has, LR_PCI);            /* no votes, no rank */
	ck_assert_str_eq(hhlist_cell(&l, 1, l.col[L_REASONS]), "C2");
	ck_assert_str_eq(hhlist_cell(&l, 1, 15), "say \"hi\"");

	r = &l.row[2];
	ck_assert_int_eq(r->members, 2);
	ck_assert_int_eq(r->pci, 300000);
	ck_assert_int_eq(r->decision, DEC_ABOVE_LINE);
	ck_assert_str_eq(hhlist_cell(&l, 2, -1), "");
	hhlist_free(&l);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(written_in_order)
{
	char *dir = test_tmpdir(), *text;
	struct hhlist l;
	struct strbuf err = { 0 };
	static const char in[] = "village_code,household_id,head_name,head_id_number,"
	    "members,per_capita_income,poverty_line,decision,reasons\n"
	    "371323105202,H0,甲,,1,1.00,2855.00,eligible,\n"
	    "371323105201,H9,乙,,1,1.00,2855.00,eligible,\n"
	    "371323105201,H10,丙,,1,1.00,2855.00,eligible,\n";
	/* village_code first; then household_id bytewise: "H10" < "H9". */
	static const char want[] = "village_code,household_id,head_name,head_id_number,"
	    "members,per_capita_income,poverty_line,decision,reasons\n"
	    "371323105201,H10,丙,,1,1.00,2855.00,eligible,\n"
	    "371323105201,H9,乙,,1,1.00,2855.00,eligible,\n"
	    "371323105202,H0,甲,,1,1.00,2855.00,eligible,\n";

	ck_assert_msg(read_list(dir, in, &l, NULL, &err) == 0, "%s", strbuf_str(&err));
	text = write_list(dir, &l);
	ck_assert_str_eq(text, want);
	free(text);
	hhlist_free(&l);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(column_added_to_rows)
{
	char *dir = test_tmpdir(), *text;
	struct hhlist l;
	struct strbuf err = { 0 };
	char before[3][16][64];
	int obj, again, extra;
	size_t r4;
	/* H4 has no village_code: "" sorts before every code, so it comes
	 * first. 18 columns: H4's row is "", "H4" and 16 empty cells. */
	static const char want[] = "village_code,household_id,head_name,head_id_number,"
	    "members,per_capita_income,poverty_line,decision,reasons,group,"
	    "votes_for,votes_against,votes_abstain,rank,housing,note,objections,extra\n"
	    ",H4,,,,,,,,,,,,,,,,\n"
	    "371323105201,H1,张三,371323195012310011,3,1200.50,2855.00,proposed,,一组,20,5,2,1,c_grade,\"a,b\",,\n"
	    "371323105201,H2,李四,371323196001010022,1,-50.00,2855.00,eligible,C2,,,,,,safe,\"say \"\"hi\"\"\",2,x\n"
	    "371323105201,H3,王五,371323197001010033,2,3000.00,2855.00,above_line,INCOME,,,,,,safe,,,\n";

	ck_assert_msg(read_list(dir, sorted_list, &l, NULL, &err) == 0, "%s",
	    strbuf_str(&err));
	for (size_t r = 0; r < 3; r++)
		for (int c = 0; c < 16; c++)
			snprintf(before[r][c], sizeof before[r][c], "%s", hhlist_cell(&l, r, c));
	/* A column added when rows exist: every row gets an empty cell and
	 * keeps its others. */
	obj = hhlist_column(&l, "objections", NULL);
	ck_assert_int_eq(obj, 16);
	ck_assert_int_eq(l.col[L_OBJECTIONS], 16);
	ck_assert_uint_eq(l.ncols, 17);
	for (size_t r = 0; r < 3; r++) {
		for (int c = 0; c < 16; c++)
			ck_assert_str_eq(hhlist_cell(&l, r, c), before[r][c]);
		ck_assert_str_eq(hhlist_cell(&l, r, obj), "");
	}
	hhlist_set_str(&l, 1, obj, "2");
	again = hhlist_column(&l, "objections", NULL);
	ck_assert_int_eq(again, obj);
	extra = hhlist_column(&l, "extra", NULL);
	ck_assert_int_eq(extra, 17);
	hhlist_set_str(&l, 1, extra, "x");
	for (size_t r = 0; r < 3; r++)
		for (int c = 0; c < 16; c++)
			ck_assert_str_eq(hhlist_cell(&l, r, c), before[r][c]);
	ck_assert_str_eq(hhlist_cell(&l, 0, obj), "");
	ck_assert_str_eq(hhlist_cell(&l, 1, obj), "2");
	ck_assert_str_eq(hhlist_cell(&l, 2, obj), "");
	/* A row added after: empty but for its household_id. */
	r4 = hhlist_add(&l, "H4", 0);
	ck_assert_uint_eq(r4, 3);
	ck_assert_int_eq(hhlist_lookup(&l, "H4"), 3);
	ck_assert_int_eq(l.row[3].decision, NDECISIONS);
	ck_assert_str_eq(hhlist_cell(&l, 3, extra), "");
	ck_assert_str_eq(hhlist_cell(&l, 3, l.col[L_HOUSEHOLD]), "H4");
	hhlist_set_decision(&l, 2, DEC_OVER_QUOTA);
	ck_assert_int_eq(l.row[2].decision, DEC_OVER_QUOTA);
	ck_assert_str_eq(hhlist_cell(&l, 2, l.col[L_DECISION]), "over_quota");
	hhlist_set_decision(&l, 2, DEC_ABOVE_LINE);
	text = write_list(dir, &l);
	ck_assert_str_eq(text, want);
	free(text);
	hhlist_free(&l);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(many_rows_restrided)
{
	struct hhlist l;
	char id[16], name[16];
	int col;

	/* Columns added between rows, more rows than any first allocation. */
	hhlist_init(&l, "list.csv");
	for (int i = 0; i < 150; i++) {
		size_t r;

		snprintf(id, sizeof id, "H%03d", i);
		snprintf(name, sizeof name, "n%d", i);
		r = hhlist_add(&l, id, (unsigned long)i + 2);
		hhlist_set_str(&l, r, l.col[L_HEAD_NAME], name);
		if (i == 70) {
			col = hhlist_column(&l, "group", NULL);
			ck_assert_int_eq(col, L_NLEADING);
		}
		if (i == 70 || i == 149)
			for (int k = 0; k <= i; k++) {
				snprintf(id, sizeof id, "H%03d", k);
				snprintf(name, sizeof name, "n%d", k);
				ck_assert_str_eq(hhlist_cell(&l, (size_t)k, l.col[L_HOUSEHOLD]), id);
				ck_assert_str_eq(hhlist_cell(&l, (size_t)k, l.col[L_HEAD_NAME]), name);
				ck_assert_str_eq(hhlist_cell(&l, (size_t)k, L_NLEADING), "");
				ck_assert_int_eq(hhlist_lookup(&l, id), k);
			}
	}
	hhlist_free(&l);
}
END_TEST

START_TEST(made_from_nothing)
{
	char *dir = test_tmpdir(), *text;
	struct hhlist l;
	int col;

	hhlist_init(&l, "primary.csv");
	ck_assert_uint_eq(l.ncols, L_NLEADING);
	ck_assert_int_eq(l.col[L_REASONS], 8);
	hhlist_add(&l, "B", 2);
	hhlist_add(&l, "A", 3);
	col = hhlist_column(&l, "group", NULL);
	ck_assert_int_eq(l.col[L_GROUP], col);
	hhlist_set_str(&l, 0, col, "二组");
	hhlist_set_decision(&l, 1, DEC_EXCLUDED);
	text = write_list(dir, &l);
	ck_assert_str_eq(text, "village_code,household_id,head_name,head_id_number,"
	    "members,per_capita_income,poverty_line,decision,reasons,group\n"
	    ",A,,,,,,excluded,,\n"
	    ",B,,,,,,,,二组\n");
	free(text);
	hhlist_free(&l);
	test_rmtree(dir);
}
END_TEST

START_TEST(typed_cells)
{
	char *dir = test_tmpdir();
	struct hhlist l;
	struct strbuf err = { 0 };
	struct cell c[16];

	ck_assert_msg(read_list(dir, LIST_HEADER
	    "371323105201,H1,张三,371323195012310011,3,1200.50,2855.00,proposed,,一组,20,5,2,1,danger,x\n",
	    &l, NULL, &err) == 0, "%s", strbuf_str(&err));
	/* housing "danger" is no housing code: the one bad cell, left empty. */
	ck_assert_uint_eq(hhlist_typed(&l, 0, c), 1);
	ck_assert_uint_eq(c[14].len, 0);
	ck_assert_int_eq(c[4].v, 3000000);              /* members: a number */
	ck_assert_int_eq(c[5].v, 120050);               /* per_capita_income: fen */
	ck_assert_int_eq(c[7].v, DEC_PROPOSED);         /* decision: its code */
	ck_assert_int_eq(c[10].v, 20000000);
	ck_assert_str_eq(l.text + c[2].off, "张三");
	ck_assert_uint_eq(c[2].len, strlen("张三"));
	hhlist_free(&l);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(row_problems)
{
	char *dir = test_tmpdir();
	struct hhlist l;
	static struct problems ps;
	struct strbuf err = { 0 };
	static const char text[] = "village_code,household_id,head_name,head_id_number,"
	    "members,per_capita_income,poverty_line,decision,reasons,votes_for,"
	    "votes_against,votes_abstain,rank\n"
	    "V,H1,a,,2.5,1.00,2855.00,eligible,,,,,\n"          /* 2: members */
	    "V,H2,b,,1,1.00,2855.00,maybe,,,,,\n"               /* 3: decision */
	    "V,H3,c,,1,1.00,2855.00,eligible,,x,1,1,\n"         /* 4: votes_for */
	    "V,H1,d,,1,1.00,2855.00,eligible,,,,,\n"            /* 5: twice */
	    "V,H4,e,,1,1.00,2855.00,eligible,\n"                /* 6: ragged */
	    "V,H5,f,,1,one,2855.00,eligible,,,,,-1\n"           /* 7: pci, rank */
	    "V,,g,,1,1.00,2855.00,eligible,,,,,\n";             /* 8: no id */

	ck_assert_msg(read_list(dir, text, &l, &ps, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_ptr_nonnull(problem_at(&ps, 2, "BAD_VALUE"));
	ck_assert_str_eq(problem_at(&ps, 2, "BAD_VALUE")->field, "members");
	ck_assert_str_eq(problem_at(&ps, 3, "BAD_VALUE")->field, "decision");
	ck_assert_str_eq(problem_at(&ps, 4, "BAD_VALUE")->field, "votes_for");
	ck_assert_ptr_nonnull(problem_at(&ps, 5, "DUPLICATE_HOUSEHOLD"));
	ck_assert_ptr_nonnull(problem_at(&ps, 6, "RAGGED_ROW"));
	ck_assert_ptr_nonnull(problem_at(&ps, 7, "BAD_VALUE"));
	ck_assert_ptr_nonnull(problem_at(&ps, 8, "MISSING_FIELD"));
	/* Rows kept as far as they could be read; the second H1 and the row
	 * without a household are not. */
	ck_assert_uint_eq(l.nrows, 5);
	ck_assert_int_eq(l.row[hhlist_lookup(&l, "H2")].decision, NDECISIONS);
	ck_assert_uint_eq(l.row[hhlist_lookup(&l, "H3")].has & LR_VOTES, 0);
	ck_assert_uint_eq(l.row[hhlist_lookup(&l, "H5")].has & (LR_PCI | LR_RANK), 0);
	ck_assert_str_eq(hhlist_cell(&l, (size_t)hhlist_lookup(&l, "H1"),
	    l.col[L_HEAD_NAME]), "a");
	hhlist_free(&l);

	/* With no problem callback, the first problem is the error. */
	ck_assert_int_eq(read_list(dir, text, &l, NULL, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "list.csv:2: "));
	hhlist_free(&l);

	/* A leading column missing. */
	strbuf_reset(&err);
	ck_assert_int_eq(read_list(dir, "village_code,household_id,head_name,"
	    "head_id_number,members,per_capita_income,poverty_line,reasons\n", &l,
	    NULL, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "decision"));
	hhlist_free(&l);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

/* ---- votes.csv ---- */

struct notes {
	unsigned long line[16];
	char household[16][16];
	size_t n;
};

static void
on_vote_note(void *ctx, const struct vote_note *n)
{
	struct notes *ns = ctx;

	ck_assert_uint_lt(ns->n, 16);
	ck_assert_ptr_nonnull(strstr(n->file, "votes.csv"));
	ck_assert_uint_gt(n->text->len, 0);
	ns->line[ns->n] = n->line;
	snprintf(ns->household[ns->n], sizeof ns->household[0], "%s", n->household);
	ns->n++;
}

/* H1..H7 eligible but H3, excluded. */
static void
eligible_list(struct hhlist *l)
{
	static const char *const ids[] = { "H1", "H2", "H3", "H4", "H5", "H6", "H7" };

	hhlist_init(l, "primary.csv");
	for (size_t i = 0; i < 7; i++) {
		size_t r = hhlist_add(l, ids[i], i + 2);

		hhlist_set_decision(l, r, i == 2 ? DEC_EXCLUDED : DEC_ELIGIBLE);
	}
}

START_TEST(votes_read)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "votes.csv");
	struct hhlist l;
	struct vote v[7];
	static struct notes ns;
	struct strbuf err = { 0 };
	struct votefile_options o = { path, ENC_AUTO, NULL, 32 };
	struct column_aliases *a = aliases_new();
	char sha[DIGEST_HEX];

	o.aliases = a;
	eligible_list(&l);
	memset(v, 0, sizeof v);
	memset(&ns, 0, sizeof ns);
	/* 32 representatives present. */
	test_write(path, "household_id,votes_for,votes_against,votes_abstain\n"
	    "H1,20,5,2\n"            /* 2: fine */
	    "H2,20,5\n"              /* 3: ragged */
	    "H3,10,0,0\n"            /* 4: not eligible: nothing changes */
	    "H4,abc,1,1\n"           /* 5: not numbers */
	    "H5,20,10,3\n"           /* 6: 33 votes > 32 */
	    "H6,20,10,2\n"           /* 7: exactly 32: fine */
	    "H7,1.5,0,0\n"           /* 8: not whole */
	    "H1,1,1,1\n"             /* 9: a second row for H1 */
	    "H9,1,1,1\n");           /* 10: unknown */
	ck_assert_msg(votefile_read(&o, &l, v, on_vote_note, &ns, sha, &err) == 0,
	    "%s", strbuf_str(&err));
	ck_assert_int_eq(v[0].state, VOTE_BAD);       /* H1, twice */
	ck_assert_int_eq(v[1].state, VOTE_BAD);       /* H2 */
	ck_assert_int_eq(v[2].state, VOTE_NONE);      /* H3 */
	ck_assert_int_eq(v[3].state, VOTE_BAD);       /* H4 */
	ck_assert_int_eq(v[4].state, VOTE_BAD);       /* H5 */
	ck_assert_int_eq(v[5].state, VOTE_OK);        /* H6 */
	ck_assert_int_eq(v[5].n[0], 20);
	ck_assert_int_eq(v[5].n[1], 10);
	ck_assert_int_eq(v[5].n[2], 2);
	ck_assert_int_eq(v[6].state, VOTE_BAD);       /* H7 */
	/* Every row but the two fine ones noted, at its line. */
	ck_assert_uint_eq(ns.n, 7);
	{
		static const unsigned long lines[] = { 3, 4, 5, 6, 8, 9, 10 };
		static const char *const hh[] = { "H2", "H3", "H4", "H5", "H7", "H1", "H9" };

		for (size_t i = 0; i < 7; i++) {
			ck_assert_uint_eq(ns.line[i], lines[i]);
			ck_assert_str_eq(ns.household[i], hh[i]);
		}
	}
	aliases_free(a);
	hhlist_free(&l);
	strbuf_free(&err);
	free(path);
	test_rmtree(dir);
}
END_TEST

START_TEST(votes_first_row_fine)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "votes.csv");
	struct hhlist l;
	struct vote v[7];
	static struct notes ns;
	struct strbuf err = { 0 };
	struct column_aliases *a = aliases_new();
	struct votefile_options o = { path, ENC_AUTO, a, 30 };
	char sha[DIGEST_HEX];

	eligible_list(&l);
	memset(v, 0, sizeof v);
	memset(&ns, 0, sizeof ns);
	/* Chinese headers (the built-in aliases); 16 of 30 is more than half. */
	test_write(path, "户编号,赞成票,反对票,弃权票\n"
	    "H1,16,14,0\n");
	ck_assert_msg(votefile_read(&o, &l, v, on_vote_note, &ns, sha, &err) == 0,
	    "%s", strbuf_str(&err));
	ck_assert_int_eq(v[0].state, VOTE_OK);
	ck_assert_int_eq(v[0].n[0], 16);
	ck_assert_uint_eq(ns.n, 0);
	/* A required column missing. */
	test_write(path, "household_id,votes_for,votes_against\nH1,1,1\n");
	ck_assert_int_eq(votefile_read(&o, &l, v, on_vote_note, &ns, sha, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "votes_abstain"));
	aliases_free(a);
	hhlist_free(&l);
	strbuf_free(&err);
	free(path);
	test_rmtree(dir);
}
END_TEST

START_TEST(votes_full_width_digits)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "votes.csv");
	struct hhlist l;
	struct vote v[7];
	static struct notes ns;
	struct strbuf err = { 0 };
	struct column_aliases *a = aliases_new();
	struct votefile_options o = { path, ENC_AUTO, a, 30 };
	char sha[DIGEST_HEX];
	int rc;

	/* votes_for is a number column (SPEC §3); full-width digits read as
	 * digits in every number cell: １６ is 16. */
	eligible_list(&l);
	memset(v, 0, sizeof v);
	memset(&ns, 0, sizeof ns);
	test_write(path, "household_id,votes_for,votes_against,votes_abstain\n"
	    "H1,１６,１４,０\n");
	rc = votefile_read(&o, &l, v, on_vote_note, &ns, sha, &err);
	aliases_free(a);
	hhlist_free(&l);
	strbuf_free(&err);
	free(path);
	test_rmtree(dir);
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(v[0].state, VOTE_OK);
	ck_assert_int_eq(v[0].n[0], 16);
	ck_assert_int_eq(v[0].n[1], 14);
	ck_assert_int_eq(v[0].n[2], 0);
	ck_assert_uint_eq(ns.n, 0);
}
END_TEST

/* ---- objections.csv ---- */

struct objection_notes {
	unsigned long line[16];
	size_t n;
};

static void
on_objection_note(void *ctx, const struct objection_note *n)
{
	struct objection_notes *ns = ctx;

	ck_assert_uint_lt(ns->n, 16);
	ck_assert(*n->text != '\0');
	ns->line[ns->n++] = n->line;
}

static int
noted(const struct objection_notes *ns, unsigned long line)
{
	int k = 0;

	for (size_t i = 0; i < ns->n; i++)
		k += ns->line[i] == line;
	return k;
}

START_TEST(objections_read)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "objections.csv");
	struct objectionfile f;
	static struct objection_notes ns;
	struct strbuf err = { 0 };
	struct column_aliases *a = aliases_new();
	struct objectionfile_options o = { path, ENC_AUTO, a, 0, NULL, NULL, NULL };

	memset(&ns, 0, sizeof ns);
	test_write(path,
	    "household_id,about,received,kind,summary,outcome,decided,decided_by\n"
	    "H1,,2015-06-06,wrongly_included,有车,upheld,2015-06-12,镇\n"           /* 2 */
	    "H2,,2015/6/7,错评,,成立,,\n"                                           /* 3 */
	    "H3,,2015-06-07,bogus,,upheld,,\n"                                      /* 4 */
	    "H4,,2015-06-07,data_error,,maybe,,\n"                                  /* 5 */
	    "H5,,2015-06-07,data_error,,dismissed,2015-13-01,\n"                    /* 6 */
	    ",张某 371323195012310011,2015年6月8日,wrongly_excluded,漏评,upheld,2015.6.12,村\n" /* 7 */
	    "H6,,not a date,wrongly_included,,pending,,\n"                          /* 8 */
	    "H7,,2015-06-07,wrongly_included,,upheld\n");                           /* 9 */
	ck_assert_msg(objectionfile_read(&f, &o, on_objection_note, &ns, &err) == 0,
	    "%s", strbuf_str(&err));
	ck_assert_uint_eq(f.n, 8);

	ck_assert_str_eq(f.o[0].household, "H1");
	ck_assert_int_eq(f.o[0].kind, KIND_WRONGLY_INCLUDED);
	ck_assert_int_eq(f.o[0].outcome, OUTCOME_UPHELD);
	ck_assert_int_eq(f.o[0].received, date_days(2015, 6, 6));
	ck_assert_int_eq(f.o[0].decided, date_days(2015, 6, 12));
	ck_assert_str_eq(f.o[0].summary, "有车");
	ck_assert_str_eq(f.o[0].decided_by, "镇");
	ck_assert_uint_eq(f.o[0].line, 2);
	ck_assert_int_eq(noted(&ns, 2), 0);

	/* Chinese labels of kind and outcome; no decided date. */
	ck_assert_int_eq(f.o[1].kind, KIND_WRONGLY_INCLUDED);
	ck_assert_int_eq(f.o[1].outcome, OUTCOME_UPHELD);
	ck_assert_int_eq(f.o[1].received, date_days(2015, 6, 7));
	ck_assert_int_eq(f.o[1].decided, NO_DATE);
	ck_assert_int_eq(noted(&ns, 3), 0);

	/* An unknown kind or outcome: pending, and noted. */
	ck_assert_int_eq(f.o[2].outcome, OUTCOME_PENDING);
	ck_assert_int_eq(noted(&ns, 4), 1);
	ck_assert_int_eq(f.o[3].outcome, OUTCOME_PENDING);
	ck_assert_int_eq(f.o[3].kind, KIND_DATA_ERROR);
	ck_assert_int_eq(noted(&ns, 5), 1);

	/* A bad decided date: noted, kept as written, no day. */
	ck_assert_int_eq(f.o[4].outcome, OUTCOME_DISMISSED);
	ck_assert_int_eq(f.o[4].decided, NO_DATE);
	ck_assert_str_eq(f.o[4].decided_text, "2015-13-01");
	ck_assert_int_eq(noted(&ns, 6), 1);

	/* About a household left out. */
	ck_assert_str_eq(f.o[5].household, "");
	ck_assert_str_eq(f.o[5].about, "张某 371323195012310011");
	ck_assert_int_eq(f.o[5].kind, KIND_WRONGLY_EXCLUDED);
	ck_assert_int_eq(f.o[5].received, date_days(2015, 6, 8));
	ck_assert_int_eq(f.o[5].decided, date_days(2015, 6, 12));

	/* A bad received date. */
	ck_assert_int_eq(f.o[6].received, NO_DATE);
	ck_assert_str_eq(f.o[6].received_text, "not a date");
	ck_assert_int_eq(f.o[6].outcome, OUTCOME_PENDING);
	ck_assert_int_eq(noted(&ns, 8), 1);

	/* A ragged row counts as pending, whatever it says. */
	ck_assert_int_eq(f.o[7].outcome, OUTCOME_PENDING);
	ck_assert_int_eq(noted(&ns, 9), 1);
	ck_assert_uint_eq(ns.n, 5);
	objectionfile_free(&f);

	/* A required column missing. */
	test_write(path, "household_id,about,received,summary,outcome\n");
	ck_assert_int_eq(objectionfile_read(&f, &o, on_objection_note, &ns, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "kind"));
	objectionfile_free(&f);
	aliases_free(a);
	strbuf_free(&err);
	free(path);
	test_rmtree(dir);
}
END_TEST

START_TEST(objections_full_width_dates)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "objections.csv");
	struct objectionfile f;
	static struct objection_notes ns;
	struct strbuf err = { 0 };
	struct column_aliases *a = aliases_new();
	struct objectionfile_options o = { path, ENC_AUTO, a, 0, NULL, NULL, NULL };
	long received = 0, decided = 0;
	size_t n = 0;
	int rc;

	/* received and decided are date columns (SPEC §3); a date typed in
	 * full-width digits reads as the same date there as anywhere else. */
	memset(&ns, 0, sizeof ns);
	test_write(path,
	    "household_id,about,received,kind,summary,outcome,decided,decided_by\n"
	    "H1,,２０１５－０６－０６,wrongly_included,,upheld,２０１５年６月１２日,镇\n");
	rc = objectionfile_read(&f, &o, on_objection_note, &ns, &err);
	if (rc == 0 && f.n == 1) {
		received = f.o[0].received;
		decided = f.o[0].decided;
	}
	n = f.n;
	objectionfile_free(&f);
	aliases_free(a);
	strbuf_free(&err);
	free(path);
	test_rmtree(dir);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(received, date_days(2015, 6, 6));
	ck_assert_int_eq(decided, date_days(2015, 6, 12));
	ck_assert_uint_eq(ns.n, 0);
}
END_TEST

/* A registry file read through the one reader: the header matched by
 * name and alias in any order, each row's values parsed once. */
struct registry_seen {
	int headers;
	const char *maperr;
	char maperr_copy[256];
	struct registry_row rows[4];
	char household[4][8];
	size_t n;
};

static int
seen_header(void *ctx, const struct registryfile *f, const char *maperr,
    struct strbuf *err)
{
	struct registry_seen *rs = ctx;

	(void)f;
	rs->headers++;
	if (maperr != NULL) {
		snprintf(rs->maperr_copy, sizeof rs->maperr_copy, "%s", maperr);
		rs->maperr = rs->maperr_copy;
		strbuf_puts(err, "stopped\n");
		return -1;
	}
	return 0;
}

static int
seen_row(void *ctx, const struct registryfile *f, const struct registry_row *r,
    struct strbuf *err)
{
	struct registry_seen *rs = ctx;

	(void)err;
	ck_assert_int_eq(f->file, REGISTRY_HOUSEHOLDS);
	ck_assert_uint_lt(rs->n, 4);
	snprintf(rs->household[rs->n], sizeof rs->household[0], "%s",
	    r->cell[RC_HOUSEHOLD]);
	rs->rows[rs->n++] = *r;
	return 0;
}

START_TEST(registry_file_rows)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "households.csv");
	struct registry_seen rs;
	struct registryfile_handler h = { &rs, seen_header, seen_row };
	struct column_aliases *a = aliases_new();
	struct strbuf err = { 0 };
	char sha[DIGEST_HEX];

	memset(&rs, 0, sizeof rs);
	/* 户编号 is household_id's Chinese header; no labor column at all */
	test_write(path, "year,户编号,status,members,village_code,registered_since,"
	    "exited_year,attribute,main_cause\n"
	    "2016,A,continuing,3,371323105201,2015,,general,illness\n"
	    "2,016,B,未说明,0,371323105201,,,nonsense,\n"
	    "20160,C,gone,1.5,371323105201,x,2016,,\n");
	ck_assert_msg(registryfile_read(path, REGISTRY_HOUSEHOLDS, a, &h, sha,
	    &err) == 0, "%s", strbuf_str(&err));
	ck_assert_int_eq(rs.headers, 1);
	ck_assert_uint_eq(rs.n, 3);
	ck_assert_str_eq(rs.household[0], "A");
	ck_assert_uint_eq(rs.rows[0].line, 2);
	ck_assert_int_eq(rs.rows[0].status, STATUS_CONTINUING);
	ck_assert_int_eq(rs.rows[0].year, 2016);
	ck_assert_int_eq(rs.rows[0].since, 2015);
	ck_assert_int_eq(rs.rows[0].exited, 0);
	ck_assert_int_eq(rs.rows[0].members, 3);
	ck_assert_int_eq(rs.rows[0].attribute, enum_lookup(&enum_attribute, "general", 7));
	ck_assert_int_ge(rs.rows[0].attribute, 0);
	ck_assert_int_ge(rs.rows[0].cause, 0);
	ck_assert_int_eq(rs.rows[0].labor, -1);
	ck_assert_str_eq(rs.rows[0].cell[RC_LABOR], "");
	/* "2,016" unquoted is two cells: the row is shifted, year "2" (a
	 * year of one digit), household "016", status "B" (none) */
	ck_assert_str_eq(rs.household[1], "016");
	ck_assert_int_eq(rs.rows[1].year, 2);
	ck_assert_int_eq(rs.rows[1].status, -1);
	/* a year of five digits, a status that is none, members 1.5 */
	ck_assert_int_eq(rs.rows[2].year, -1);
	ck_assert_int_eq(rs.rows[2].status, -1);
	ck_assert_int_eq(rs.rows[2].members, -1);
	ck_assert_int_eq(rs.rows[2].since, -1);
	ck_assert_int_eq(rs.rows[2].exited, 2016);
	ck_assert_int_eq((int)strlen(sha), DIGEST_HEX - 1);

	/* members 0, and status 未说明 (unexplained by its label) */
	memset(&rs, 0, sizeof rs);
	test_write(path, "household_id,status,members\nA,未说明,0\nB,exited,1000000\n"
	    "C,returned,1000001\n");
	ck_assert_int_eq(registryfile_read(path, REGISTRY_HOUSEHOLDS, a, &h, sha,
	    &err), 0);
	ck_assert_int_eq(rs.rows[0].status, STATUS_UNEXPLAINED);
	ck_assert_int_eq(rs.rows[0].members, -1);
	ck_assert_int_eq(rs.rows[1].members, 1000000);
	ck_assert_int_eq(rs.rows[2].members, -1);
	ck_assert_int_eq(rs.rows[2].year, 0);

	/* two cells naming one column: the header callback is told why */
	memset(&rs, 0, sizeof rs);
	test_write(path, "household_id,status,户编号\nA,new,A\n");
	ck_assert_int_eq(registryfile_read(path, REGISTRY_HOUSEHOLDS, a, &h, sha,
	    &err), -1);
	ck_assert_ptr_nonnull(rs.maperr);
	ck_assert_msg(strstr(rs.maperr, "columns 1 and 3 both name household_id") !=
	    NULL, "%s", rs.maperr);
	ck_assert_str_eq(strbuf_str(&err), "stopped\n");
	ck_assert_uint_eq(rs.n, 0);

	/* a file that cannot be opened: its reason, and no line end */
	strbuf_reset(&err);
	free(path);
	path = test_path(dir, "none.csv");
	ck_assert_int_eq(registryfile_read(path, REGISTRY_HOUSEHOLDS, a, &h, sha,
	    &err), REGISTRYFILE_UNOPENED);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "none.csv"));
	ck_assert_ptr_null(strchr(strbuf_str(&err), '\n'));
	aliases_free(a);
	strbuf_free(&err);
	free(path);
	test_rmtree(dir);
}
END_TEST

/* A row of a registry file with these cells (status and members parsed as
 * registryfile_read would). */
static struct registry_row
whole_row(unsigned long line, const char *hid, const char *code, int year,
    int status, long long members)
{
	struct registry_row r;

	memset(&r, 0, sizeof r);
	for (int k = 0; k < RC_N; k++)
		r.cell[k] = "";
	r.line = line;
	r.cell[RC_HOUSEHOLD] = hid;
	r.len[RC_HOUSEHOLD] = strlen(hid);
	r.cell[RC_VILLAGE] = code;
	r.len[RC_VILLAGE] = strlen(code);
	r.year = year;
	r.status = status;
	r.members = members;
	return r;
}

START_TEST(registry_whole_checks)
{
	int pos[RC_N];
	struct registryfile hf = { "h", "households.csv", REGISTRY_HOUSEHOLDS,
		{ 0, NULL, NULL, pos, RC_N } };
	struct registryfile mf = { "m", "members.csv", REGISTRY_MEMBERS,
		{ 0, NULL, NULL, pos, RC_N } };
	struct registry_expect x = { "371323105201", 2016 };
	struct registry_whole w;
	struct registry_row r;
	size_t k;

	for (int i = 0; i < RC_N; i++)
		pos[i] = i;
	/* none required: one village of one year, each household once */
	registry_whole_init(&w, NULL);
	r = whole_row(2, "1", "371323105201", 2015, 1, 2);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r), REGISTRY_WHOLE);
	ck_assert_str_eq(w.code, "371323105201");
	ck_assert_int_eq(w.year, 2015);
	ck_assert_uint_eq(w.line, 2);
	r = whole_row(3, "2", "371323105202", 2015, 1, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r), REGISTRY_NOT_ONE);
	r = whole_row(3, "2", "371323105201", 2014, 1, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r), REGISTRY_NOT_ONE);
	r = whole_row(3, "2", "371323105201", -1, 1, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r), REGISTRY_NOT_YEAR);
	r = whole_row(3, "2", "371323105201", 2015, -1, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r),
	    REGISTRY_NOT_STATUS);
	r = whole_row(3, "2", "371323105201", 2015, 1, -1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r),
	    REGISTRY_NOT_MEMBERS);
	r = whole_row(3, "01", "371323105201", 2015, 1, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r), REGISTRY_TWICE);
	r = whole_row(3, "2", "371323105201", 2015, 2, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r), REGISTRY_WHOLE);
	ck_assert_uint_eq(w.nhh, 2);
	/* members.csv: each row of a household there, of the village */
	r = whole_row(2, "3", "371323105201", 0, -1, -1);
	ck_assert_int_eq(registry_whole_member(&w, &mf, &r, &k), REGISTRY_UNLISTED);
	r = whole_row(2, "2", "371323105202", 0, -1, -1);
	ck_assert_int_eq(registry_whole_member(&w, &mf, &r, &k), REGISTRY_UNLISTED);
	r = whole_row(2, "1", "371323105201", 0, -1, -1);
	ck_assert_int_eq(registry_whole_member(&w, &mf, &r, &k), REGISTRY_WHOLE);
	ck_assert_uint_eq(k, 0);
	ck_assert_int_eq(registry_whole_rows(&w, &k), REGISTRY_ROWS);
	ck_assert_uint_eq(k, 0);
	ck_assert_int_eq(registry_whole_member(&w, &mf, &r, &k), REGISTRY_WHOLE);
	ck_assert_int_eq(registry_whole_rows(&w, &k), REGISTRY_NO_ROWS);
	ck_assert_uint_eq(k, 1);
	r = whole_row(4, "2", "371323105201", 0, -1, -1);
	ck_assert_int_eq(registry_whole_member(&w, &mf, &r, &k), REGISTRY_WHOLE);
	ck_assert_uint_eq(k, 1);
	ck_assert_int_eq(registry_whole_rows(&w, &k), REGISTRY_WHOLE);
	ck_assert_uint_eq(k, 2);
	registry_whole_free(&w);

	/* the caller's village and a year the registry's comes before */
	registry_whole_init(&w, &x);
	r = whole_row(2, "1", "371323105202", 2015, 1, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r),
	    REGISTRY_NOT_VILLAGE);
	r = whole_row(2, "1", "371323105201", 2016, 1, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r),
	    REGISTRY_NOT_EARLIER);
	registry_whole_free(&w);
	registry_whole_init(&w, &x);
	r = whole_row(2, "1", "371323105201", 2015, 1, 1);
	ck_assert_int_eq(registry_whole_household(&w, &hf, &r), REGISTRY_WHOLE);
	r = whole_row(2, "1", "371323105202", 0, -1, -1);
	ck_assert_int_eq(registry_whole_member(&w, &mf, &r, &k),
	    REGISTRY_NOT_VILLAGE);
	/* a members.csv without village_code: by the household alone */
	pos[RC_VILLAGE] = -1;
	ck_assert_int_eq(registry_whole_member(&w, &mf, &r, &k), REGISTRY_WHOLE);
	registry_whole_free(&w);
}
END_TEST

Suite *
suite_lists(void)
{
	Suite *s = suite_create("lists");
	TCase *t = tcase_create("core");

	tcase_add_test(t, round_trip);
	tcase_add_test(t, parsed_numbers);
	tcase_add_test(t, written_in_order);
	tcase_add_test(t, column_added_to_rows);
	tcase_add_test(t, many_rows_restrided);
	tcase_add_test(t, made_from_nothing);
	tcase_add_test(t, typed_cells);
	tcase_add_test(t, row_problems);
	tcase_add_test(t, index_of_ordered_list);
	tcase_add_test(t, stream_in_order);
	tcase_add_test(t, stream_no_rows);
	tcase_add_test(t, registry_file_rows);
	tcase_add_test(t, registry_whole_checks);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_votefile(void)
{
	Suite *s = suite_create("votefile");
	TCase *t = tcase_create("core");

	tcase_add_test(t, votes_read);
	tcase_add_test(t, votes_first_row_fine);
	tcase_add_test(t, votes_full_width_digits);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_objectionfile(void)
{
	Suite *s = suite_create("objectionfile");
	TCase *t = tcase_create("core");

	tcase_add_test(t, objections_read);
	tcase_add_test(t, objections_full_width_dates);
	suite_add_tcase(s, t);
	return s;
}
