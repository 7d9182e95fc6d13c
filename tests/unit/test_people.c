/* household/people.c and household/surveyset.c: files written to a temp
 * folder, read into typed records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "household/people.h"
#include "household/surveyset.h"
#include "values/date.h"
#include "suites.h"

/* Problems reported by a reader, copied. */
struct problem_copy {
	unsigned long line;
	char household[16], field[80], code[32], message[512];
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
	snprintf(c->message, sizeof c->message, "%s", p->message);
}

/* The problem at LINE with CODE, or NULL. */
static const struct problem_copy *
problem_at(const struct problems *ps, unsigned long line, const char *code)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->p[i].line == line && strcmp(ps->p[i].code, code) == 0)
			return &ps->p[i];
	return NULL;
}

static size_t
lines_of(const struct strbuf *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->len; i++)
		n += b->s[i] == '\n';
	return n;
}

/* ---- people files ---- */

/* What a test keeps of each household handed over. */
struct member_copy {
	char name[32], health[16], birth[16], age_text[8];
	int age, head;
	unsigned long line;
	int64_t age_v, health_v;
	uint32_t age_len, health_len;
};

struct household_copy {
	char id[16], village[16];
	unsigned long line;
	size_t nmembers, mwidth;
	unsigned heads, bad;
	struct member_copy m[4];
};

struct people_seen {
	struct household_copy h[8];
	size_t n;
	struct problems problems;
	int stop_after;                  /* 0: never stop */
};

static void
cell_text(const struct household *h, size_t m, int col, char *out, size_t len)
{
	const struct cell *c;

	if (col < 0) {
		out[0] = '\0';
		return;
	}
	c = &h->mcells[m * h->mwidth + (size_t)col];
	snprintf(out, len, "%.*s", (int)c->len, h->text + c->off);
}

static int
on_household(void *ctx, const struct household *h)
{
	struct people_seen *s = ctx;
	struct household_copy *c;
	int name = schema_find(h->mschema, "name");
	int health = schema_find(h->mschema, "health");
	int birth = schema_find(h->mschema, "birth_date");

	ck_assert_uint_lt(s->n, 8);
	c = &s->h[s->n++];
	snprintf(c->id, sizeof c->id, "%s", h->id);
	snprintf(c->village, sizeof c->village, "%s", h->village_code);
	c->line = h->line;
	c->nmembers = h->nmembers;
	c->mwidth = h->mwidth;
	c->heads = h->heads;
	c->bad = h->bad;
	for (size_t m = 0; m < h->nmembers && m < 4; m++) {
		struct member_copy *mc = &c->m[m];
		const struct cell *age = &h->mcells[m * h->mwidth + h->mwidth - 1];

		cell_text(h, m, name, mc->name, sizeof mc->name);
		cell_text(h, m, health, mc->health, sizeof mc->health);
		cell_text(h, m, birth, mc->birth, sizeof mc->birth);
		snprintf(mc->age_text, sizeof mc->age_text, "%.*s", (int)age->len,
		    h->text + age->off);
		mc->age = h->member[m].age;
		mc->head = h->member[m].head;
		mc->line = h->member[m].line;
		mc->age_v = age->v;
		mc->age_len = age->len;
		if (health >= 0) {
			mc->health_v = h->mcells[m * h->mwidth + (size_t)health].v;
			mc->health_len = h->mcells[m * h->mwidth + (size_t)health].len;
		}
	}
	return s->stop_after > 0 && (int)s->n >= s->stop_after ? 7 : 0;
}

static void
on_people_problem(void *ctx, const struct read_problem *p)
{
	struct people_seen *s = ctx;

	on_problem(&s->problems, p);
}

/* Read TEXT as DIR/applicants.csv for 2015. */
static int
read_people(const char *text, struct people_seen *seen, struct strbuf *err)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "applicants.csv");
	struct column_aliases *a = aliases_new();
	struct people_options o = { path, ENC_AUTO, a, NULL, 2015, LANG_EN, NULL };
	struct people_handler h = { seen, NULL, on_household, on_people_problem, NULL };
	char sha[DIGEST_HEX];
	int rc;

	test_write(path, text);
	seen->problems.n = 0;
	rc = people_read(&o, &h, sha, err);
	aliases_free(a);
	free(path);
	test_rmtree(dir);
	return rc;
}

START_TEST(people_households_in_turn)
{
	static struct people_seen s;
	struct strbuf err = { 0 };
	const struct household_copy *h;

	memset(&s, 0, sizeof s);
	/* H1's rows: a child, the head, the spouse; heads come first, then
	 * by ID number: 371323195101010026 < 371323200307010023. Ages on 31
	 * December 2015: 2015 - birth year. */
	ck_assert_msg(read_people(
	    "village_code,household_id,name,id_number,relation,birth_date,health\n"
	    "371323105201,H1,李小,371323200307010023,子女,2003-07-01,健康\n"
	    "371323105201,H1,张三,371323195012310011,户主,1950-12-31,长期慢性病\n"
	    "371323105201,H1,王芳,371323195101010026,配偶,1951-01-01,患有大病\n"
	    "371323105201,H2,赵六,371323198001010031,head,1980/1/1,healthy\n"
	    "371323105201,H2,赵七,371323201603010042,child,2016-03-01,\n",
	    &s, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(s.n, 2);
	ck_assert_uint_eq(s.problems.n, 0);

	h = &s.h[0];
	ck_assert_str_eq(h->id, "H1");
	ck_assert_str_eq(h->village, "371323105201");
	ck_assert_uint_eq(h->line, 2);
	ck_assert_uint_eq(h->nmembers, 3);
	ck_assert_uint_eq(h->mwidth, 8);    /* 7 header cells and the age */
	ck_assert_uint_eq(h->heads, 1);
	ck_assert_uint_eq(h->bad, 0);
	ck_assert_str_eq(h->m[0].name, "张三");
	ck_assert(h->m[0].head);
	ck_assert_uint_eq(h->m[0].line, 3);
	ck_assert_int_eq(h->m[0].age, 65);              /* born 31 December 1950 */
	ck_assert_str_eq(h->m[0].age_text, "65");
	ck_assert_int_eq(h->m[0].age_v, 65000000);      /* a number: millionths */
	ck_assert_str_eq(h->m[0].health, "chronic");    /* 长期慢性病 */
	ck_assert_int_eq(h->m[0].health_v, 1);
	ck_assert_str_eq(h->m[1].name, "王芳");
	ck_assert(!h->m[1].head);
	ck_assert_int_eq(h->m[1].age, 64);              /* born 1 January 1951 */
	ck_assert_str_eq(h->m[1].health, "serious");
	ck_assert_str_eq(h->m[2].name, "李小");
	ck_assert_int_eq(h->m[2].age, 12);
	ck_assert_uint_eq(h->m[2].line, 2);
	ck_assert_str_eq(h->m[2].health, "healthy");

	h = &s.h[1];
	ck_assert_str_eq(h->id, "H2");
	ck_assert_uint_eq(h->nmembers, 2);
	ck_assert_str_eq(h->m[0].birth, "1980-01-01");   /* written as YYYY-MM-DD */
	ck_assert_int_eq(h->m[0].age, 35);
	/* Born after the year's end: no age, an empty age cell. */
	ck_assert_int_eq(h->m[1].age, NO_AGE);
	ck_assert_uint_eq(h->m[1].age_len, 0);
	ck_assert_uint_eq(h->m[1].health_len, 0);
	strbuf_free(&err);
}
END_TEST

START_TEST(people_bad_cell)
{
	static struct people_seen s;
	struct strbuf err = { 0 };
	const struct problem_copy *p;

	memset(&s, 0, sizeof s);
	ck_assert_msg(read_people(
	    "household_id,name,id_number,relation,health\n"
	    "H1,张三,371323195012310011,户主,maybe\n"
	    "H1,李四,371323200001010022,子女,健康\n"
	    "H2,王五,371323198001010031,户主,健康\n",
	    &s, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(s.n, 2);
	ck_assert_uint_eq(s.problems.n, 1);
	p = problem_at(&s.problems, 2, "BAD_VALUE");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->household, "H1");
	ck_assert_str_eq(p->field, "health");
	ck_assert_ptr_nonnull(strstr(p->message, "\"maybe\""));
	ck_assert_ptr_nonnull(strstr(p->message, "healthy (健康)"));
	/* The household is handed over whole, marked bad; the cell empty. */
	ck_assert_uint_eq(s.h[0].nmembers, 2);
	ck_assert_uint_eq(s.h[0].bad, 1);
	ck_assert_uint_eq(s.h[0].m[0].health_len, 0);
	ck_assert_uint_eq(s.h[1].bad, 0);
	strbuf_free(&err);
}
END_TEST

/* ROWS (after the header) hold a household whose rows are not together:
 * the reading fails, its message naming LINE (and HOUSEHOLD unless NULL). */
static void
split_at(const char *rows, const char *line, const char *household)
{
	static struct people_seen s;
	struct strbuf text = { 0 }, err = { 0 };

	memset(&s, 0, sizeof s);
	strbuf_printf(&text, "household_id,name,id_number,relation\n%s", rows);
	ck_assert_int_eq(read_people(strbuf_str(&text), &s, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), line));
	if (household != NULL)
		ck_assert_ptr_nonnull(strstr(strbuf_str(&err), household));
	strbuf_free(&text);
	strbuf_free(&err);
}

START_TEST(people_split_household)
{
	static struct people_seen s;
	struct strbuf err = { 0 };

	/* Line 4 brings H1 back after H2. */
	split_at("H1,张三,371323195012310011,户主\n"
	    "H2,王五,371323198001010031,户主\n"
	    "H1,李四,371323200001010022,子女\n", "applicants.csv:4: ", "H1");

	/* Out of order but together: accepted. A repeat after the order broke
	 * is found whether the first time came before the break (H3, by the
	 * ordered part) or after it (H1, by the rest). */
	memset(&s, 0, sizeof s);
	ck_assert_msg(read_people(
	    "household_id,name,id_number,relation\n"
	    "H2,王五,371323198001010031,户主\n"
	    "H3,赵六,371323198001010058,户主\n"
	    "H1,张三,371323195012310011,户主\n"
	    "H4,孙七,371323198001010074,户主\n",
	    &s, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(s.n, 4);
	split_at("H2,王五,371323198001010031,户主\n"
	    "H3,赵六,371323198001010058,户主\n"
	    "H1,张三,371323195012310011,户主\n"
	    "H3,李四,371323200001010022,子女\n", "applicants.csv:5: ", NULL);
	split_at("H2,王五,371323198001010031,户主\n"
	    "H1,张三,371323195012310011,户主\n"
	    "H3,赵六,371323198001010058,户主\n"
	    "H1,李四,371323200001010022,子女\n", "applicants.csv:5: ", NULL);
	strbuf_free(&err);
}
END_TEST

START_TEST(people_required_columns_and_rows)
{
	static struct people_seen s;
	struct strbuf err = { 0 };

	/* Both missing columns in one message. */
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(read_people("household_id,name\nH1,张三\n", &s, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "id_number"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "relation"));
	ck_assert_uint_eq(s.n, 0);

	/* A row with no household_id is no member: MISSING_FIELD naming the
	 * household above (merged cells), which is bad, never smaller and
	 * sound. A row with every cell empty is skipped. Chinese headers are
	 * read through the built-in aliases. */
	strbuf_reset(&err);
	memset(&s, 0, sizeof s);
	ck_assert_msg(read_people(
	    "户编号,姓名,身份证号,与户主关系\n"
	    "H1,张三,371323195012310011,户主\n"
	    ",李四,371323200001010022,子女\n"
	    ",,,\n"
	    "H2,王五,371323198001010031,户主\n",
	    &s, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(s.n, 2);
	ck_assert_uint_eq(s.h[0].nmembers, 1);
	ck_assert_uint_eq(s.h[0].bad, 1);
	ck_assert_uint_eq(s.h[1].bad, 0);
	ck_assert_ptr_nonnull(problem_at(&s.problems, 3, "MISSING_FIELD"));
	ck_assert_str_eq(problem_at(&s.problems, 3, "MISSING_FIELD")->household, "H1");
	ck_assert_ptr_nonnull(strstr(problem_at(&s.problems, 3,
	    "MISSING_FIELD")->message, "household H1 above (merged cells)"));
	ck_assert_uint_eq(s.problems.n, 1);

	/* Before any household: it names none. */
	strbuf_reset(&err);
	memset(&s, 0, sizeof s);
	ck_assert_msg(read_people(
	    "household_id,name,id_number,relation\n"
	    ",李四,371323200001010022,子女\n"
	    "H1,张三,371323195012310011,户主\n",
	    &s, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(s.n, 1);
	ck_assert_uint_eq(s.h[0].bad, 0);
	ck_assert_str_eq(problem_at(&s.problems, 2, "MISSING_FIELD")->household, "");

	/* The handler stops the reading: its value comes back. */
	memset(&s, 0, sizeof s);
	s.stop_after = 1;
	ck_assert_int_eq(read_people(
	    "household_id,name,id_number,relation\n"
	    "H1,张三,371323195012310011,户主\n"
	    "H2,王五,371323198001010031,户主\n",
	    &s, &err), 7);
	ck_assert_uint_eq(s.n, 1);
	strbuf_free(&err);
}
END_TEST

struct others {
	char field[8][32], value[8][32], household[8][32];
	unsigned long line[8];
	size_t n;
	struct people_seen seen;
};

static void
on_other(void *ctx, const struct read_problem *p, const char *value)
{
	struct others *o = ctx;

	ck_assert_uint_lt(o->n, 8);
	ck_assert_str_eq(p->code, "UNLISTED_VALUE");
	ck_assert_int_eq(p->warning, 1);
	snprintf(o->field[o->n], sizeof o->field[0], "%s", p->field);
	snprintf(o->value[o->n], sizeof o->value[0], "%s", value);
	snprintf(o->household[o->n], sizeof o->household[0], "%s", p->household);
	o->line[o->n] = p->line;
	o->n++;
}

static int
on_others_household(void *ctx, const struct household *h)
{
	struct others *o = ctx;

	return on_household(&o->seen, h);
}

static void
on_others_problem(void *ctx, const struct read_problem *p)
{
	struct others *o = ctx;

	on_problem(&o->seen.problems, p);
}

/* A member column the rules declare: read by its type. */
START_TEST(people_declared_member_column)
{
	static struct others o;
	char *dir = test_tmpdir(), *rules_path = test_path(dir, "rules.yaml");
	char *path = test_path(dir, "applicants.csv");
	struct column_aliases *a = aliases_new();
	struct rules r;
	struct strbuf err = { 0 };
	struct people_options po = { path, ENC_AUTO, a, &r, 2015, LANG_EN, NULL };
	struct people_handler ph = { &o, NULL, on_others_household,
		on_others_problem, on_other };
	char sha[DIGEST_HEX];

	memset(&o, 0, sizeof o);
	test_write(rules_path,
	    "income: {poverty_line: 2855}\n"
	    "fields:\n"
	    "  occupation:\n"
	    "    type: code\n"
	    "    values: {civil_servant: [公务员], farmer: [务农]}\n"
	    "    other: allow\n"
	    "  has_car: {type: yes_no}\n");
	memset(&r, 0, sizeof r);
	ck_assert_msg(rules_load(&r, rules_path, &err) == 0, "%s", strbuf_str(&err));
	test_write(path,
	    "household_id,name,id_number,relation,occupation,has_car\n"
	    "H1,张三,371323195012310011,户主,公务员,有\n"
	    "H1,李四,371323200001010022,子女,个体,maybe\n");
	ck_assert_msg(people_read(&po, &ph, sha, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(o.seen.n, 1);
	/* 个体 is kept and counted; maybe is no yes or no. */
	ck_assert_uint_eq(o.n, 1);
	ck_assert_str_eq(o.field[0], "occupation");
	ck_assert_str_eq(o.value[0], "个体");
	ck_assert_str_eq(o.household[0], "H1");
	ck_assert_uint_eq(o.line[0], 3);
	ck_assert_uint_eq(o.seen.problems.n, 1);
	ck_assert_str_eq(o.seen.problems.p[0].field, "has_car");
	ck_assert_uint_eq(o.seen.problems.p[0].line, 3);
	ck_assert_uint_eq(o.seen.h[0].bad, 1);
	rules_free(&r);
	aliases_free(a);
	strbuf_free(&err);
	free(path);
	free(rules_path);
	test_rmtree(dir);
}
END_TEST

/* ---- survey.csv ---- */

static int
read_survey(const char *text, struct surveyset *ss, struct problems *ps,
    struct strbuf *err)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "survey.csv");
	struct column_aliases *a = aliases_new();
	struct surveyset_options o = { path, ENC_AUTO, a, NULL, 2015, LANG_EN, NULL, NULL };
	int rc;

	test_write(path, text);
	ps->n = 0;
	rc = surveyset_read(ss, &o, on_problem, ps, err);
	aliases_free(a);
	free(path);
	test_rmtree(dir);
	return rc;
}

#define SURVEY_HEADER "household_id,survey_date,surveyors,wage_income," \
	"business_income,property_income,transfer_income,housing,dibao\n"

/* The text of cell COL of ROW. */
static const char *
survey_cell(const struct surveyset *ss, const struct survey_row *r, const char *col)
{
	int c = schema_find(&ss->schema, col);

	ck_assert_int_ge(c, 0);
	return ss->text + ss->cells[r->cells + (size_t)c].off;
}

static int64_t
survey_value(const struct surveyset *ss, const struct survey_row *r, const char *col)
{
	int c = schema_find(&ss->schema, col);

	return ss->cells[r->cells + (size_t)c].v;
}

/* Blank income parts: one problem for the row, naming them all; with the
 * rules' blank_as_zero, 0 and a warning. A blank row is skipped, counted. */
static struct problems blank_problems;
static int blank_warnings;

static void
on_blank_problem(void *ctx, const struct read_problem *p)
{
	blank_warnings += p->warning;
	on_problem(ctx, p);
}

START_TEST(survey_blank_incomes)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "survey.csv");
	char *rules_path = test_path(dir, "rules.yaml");
	struct column_aliases *a = aliases_new();
	struct rules r;
	struct surveyset ss;
	struct strbuf err = { 0 };
	struct surveyset_options o = { path, ENC_AUTO, a, NULL, 2015, LANG_EN, NULL, NULL };
	const struct survey_row *row;
	const struct problem_copy *p;

	test_write(path, SURVEY_HEADER
	    "H1,2015-05-20,张,2000,,,500,safe,no\n"            /* 2 */
	    ",,,,,,,,\n"                                       /* 3 */
	    "H2,2015-05-20,张,,,,,safe,no\n");                 /* 4 */
	blank_problems.n = 0;
	blank_warnings = 0;
	ck_assert_msg(surveyset_read(&ss, &o, on_blank_problem, &blank_problems,
	    &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(ss.nrows, 2);
	ck_assert_uint_eq(ss.empty_rows, 1);
	ck_assert_uint_eq(blank_problems.n, 2);
	p = problem_at(&blank_problems, 2, "MISSING_FIELD");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->field, "business_income;property_income");
	ck_assert_ptr_nonnull(strstr(p->message, "type 0"));
	p = problem_at(&blank_problems, 4, "MISSING_FIELD");
	ck_assert_str_eq(p->field,
	    "wage_income;business_income;property_income;transfer_income");
	ck_assert_int_eq(surveyset_find(&ss, "H1")->state, SURVEY_REFUSED);
	surveyset_free(&ss);

	/* blank_as_zero: 2,000 + 0 + 0 + 500 = 2,500 yuan; the cells stay
	 * blank. */
	test_write(rules_path, "income: {poverty_line: 2855}\n"
	    "blank_as_zero: [business_income, property_income]\n");
	memset(&r, 0, sizeof r);
	ck_assert_msg(rules_load(&r, rules_path, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_int_eq(rules_blank_as_zero(&r, "property_income"), 1);
	ck_assert_int_eq(rules_blank_as_zero(&r, "wage_income"), 0);
	o.rules = &r;
	blank_problems.n = 0;
	blank_warnings = 0;
	ck_assert_msg(surveyset_read(&ss, &o, on_blank_problem, &blank_problems,
	    &err) == 0, "%s", strbuf_str(&err));
	row = surveyset_find(&ss, "H1");
	ck_assert_int_eq(row->state, SURVEY_OK);
	ck_assert_int_eq(row->income, 250000);
	ck_assert_str_eq(survey_cell(&ss, row, "business_income"), "");
	p = problem_at(&blank_problems, 2, "BLANK_AS_ZERO");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->field, "business_income;property_income");
	/* H2: wages and transfers still refuse it; the others are 0. */
	ck_assert_int_eq(surveyset_find(&ss, "H2")->state, SURVEY_REFUSED);
	ck_assert_str_eq(problem_at(&blank_problems, 4, "MISSING_FIELD")->field,
	    "wage_income;transfer_income");
	ck_assert_ptr_nonnull(problem_at(&blank_problems, 4, "BLANK_AS_ZERO"));
	ck_assert_int_eq(blank_warnings, 2);
	surveyset_free(&ss);
	rules_free(&r);
	aliases_free(a);
	strbuf_free(&err);
	free(path);
	free(rules_path);
	test_rmtree(dir);
}
END_TEST

START_TEST(survey_rows)
{
	static struct problems ps;
	struct surveyset ss;
	struct strbuf err = { 0 };
	const struct survey_row *r;
	const struct problem_copy *p;

	ck_assert_msg(read_survey(SURVEY_HEADER
	    "H1,2015-05-20,张,\"1,200\",-300,0,500.5,C级危房,是\n"       /* 2 */
	    "H2,2015-05-20,张,-100,0,0,0,safe,no\n"                     /* 3 */
	    "H3,2015-05-20,张,100,-2000,0,0,safe,no\n"                  /* 4 */
	    "H4,2015-05-20,,100,0,0,0,safe,no\n"                        /* 5 */
	    "H6,2015-05-20,张,100,0,0,0,danger,no\n"                    /* 6 */
	    "H7,yesterday,张,100,0,0,0,safe,no\n"                       /* 7 */
	    "H8,2015/5/20,张,100,0,0,0,safe,maybe\n",                   /* 8 */
	    &ss, &ps, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(ss.nrows, 7);

	/* 1,200 - 300 + 0 + 500.50 = 1,400.50 yuan. */
	r = surveyset_find(&ss, "H1");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->state, SURVEY_OK);
	ck_assert_int_eq(r->income, 140050);
	ck_assert_uint_eq(r->line, 2);
	ck_assert_str_eq(survey_cell(&ss, r, "wage_income"), "1200.00");
	ck_assert_str_eq(survey_cell(&ss, r, "housing"), "c_grade");
	ck_assert_int_eq(survey_value(&ss, r, "housing"), 1);
	ck_assert_str_eq(survey_cell(&ss, r, "dibao"), "yes");
	ck_assert_int_eq(survey_value(&ss, r, "dibao"), 1);
	ck_assert_str_eq(surveyset_household(&ss, r), "H1");

	/* A negative wage is refused; business_income may be negative:
	 * 100 - 2,000 = -1,900 yuan. */
	r = surveyset_find(&ss, "H2");
	ck_assert_int_eq(r->state, SURVEY_REFUSED);
	p = problem_at(&ps, 3, "BAD_VALUE");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->field, "wage_income");
	ck_assert_str_eq(p->household, "H2");
	r = surveyset_find(&ss, "H3");
	ck_assert_int_eq(r->state, SURVEY_OK);
	ck_assert_int_eq(r->income, -190000);
	ck_assert_ptr_null(problem_at(&ps, 4, "BAD_VALUE"));

	/* A required cell left empty. */
	r = surveyset_find(&ss, "H4");
	ck_assert_int_eq(r->state, SURVEY_REFUSED);
	p = problem_at(&ps, 5, "MISSING_FIELD");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->field, "surveyors");

	/* Cells not of their type. */
	ck_assert_int_eq(surveyset_find(&ss, "H6")->state, SURVEY_REFUSED);
	ck_assert_str_eq(problem_at(&ps, 6, "BAD_VALUE")->field, "housing");
	ck_assert_int_eq(surveyset_find(&ss, "H7")->state, SURVEY_REFUSED);
	/* SPEC §3: a date that is not a date is BAD_DATE, as in apply. */
	ck_assert_ptr_nonnull(problem_at(&ps, 7, "BAD_DATE"));
	ck_assert_str_eq(problem_at(&ps, 7, "BAD_DATE")->field, "survey_date");
	ck_assert_int_eq(surveyset_find(&ss, "H8")->state, SURVEY_REFUSED);
	p = problem_at(&ps, 8, "BAD_VALUE");
	ck_assert_str_eq(p->field, "dibao");
	ck_assert_ptr_nonnull(strstr(p->message, "\"maybe\""));
	ck_assert_ptr_nonnull(strstr(p->message, "是/否"));
	ck_assert_uint_eq(ps.n, 5);

	/* Nothing matched any applicant yet: every row is an orphan so far. */
	for (size_t i = 0; i < ss.nrows; i++)
		ck_assert_int_eq(ss.rows[i].used, 0);
	ck_assert_ptr_null(surveyset_find(&ss, "H5"));
	surveyset_free(&ss);
	strbuf_free(&err);
}
END_TEST

START_TEST(survey_duplicates)
{
	static struct problems ps;
	struct surveyset ss;
	struct strbuf err = { 0 };

	ck_assert_msg(read_survey(SURVEY_HEADER
	    "H5,2015-05-21,李,0,0,0,0,safe,no\n"          /* 2 */
	    "H1,2015-05-21,李,0,0,0,0,safe,no\n"          /* 3 */
	    "H5,2015-05-22,李,10,0,0,0,safe,no\n"         /* 4 */
	    "H5,2015-05-23,李,20,0,0,0,safe,no\n",        /* 5 */
	    &ss, &ps, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(ss.nrows, 4);
	/* Every row of H5 refused and reported once as DUPLICATE_SURVEY. */
	ck_assert_int_eq(ss.rows[0].state, SURVEY_DUPLICATE);
	ck_assert_int_eq(ss.rows[2].state, SURVEY_DUPLICATE);
	ck_assert_int_eq(ss.rows[3].state, SURVEY_DUPLICATE);
	ck_assert_ptr_nonnull(problem_at(&ps, 2, "DUPLICATE_SURVEY"));
	ck_assert_ptr_nonnull(problem_at(&ps, 4, "DUPLICATE_SURVEY"));
	ck_assert_ptr_nonnull(problem_at(&ps, 5, "DUPLICATE_SURVEY"));
	ck_assert_uint_eq(ps.n, 3);
	ck_assert_ptr_eq(surveyset_find(&ss, "H5"), &ss.rows[0]);
	/* The others stand. */
	ck_assert_int_eq(surveyset_find(&ss, "H1")->state, SURVEY_OK);
	ck_assert_int_eq(ss.rows[1].used, 0);
	surveyset_free(&ss);
	strbuf_free(&err);
}
END_TEST

START_TEST(survey_required_columns)
{
	static struct problems ps;
	struct surveyset ss;
	struct strbuf err = { 0 };

	/* Every missing required column named in one message. */
	ck_assert_int_eq(read_survey("household_id,survey_date,surveyors,wage_income\n"
	    "H1,2015-05-20,张,100\n", &ss, &ps, &err), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "business_income"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "property_income"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "transfer_income"));
	ck_assert_uint_eq(lines_of(&err), 1);
	surveyset_free(&ss);
	strbuf_free(&err);
}
END_TEST

Suite *
suite_people(void)
{
	Suite *s = suite_create("people");
	TCase *t = tcase_create("core");

	tcase_add_test(t, people_households_in_turn);
	tcase_add_test(t, people_bad_cell);
	tcase_add_test(t, people_split_household);
	tcase_add_test(t, people_required_columns_and_rows);
	tcase_add_test(t, people_declared_member_column);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_surveyset(void)
{
	Suite *s = suite_create("surveyset");
	TCase *t = tcase_create("core");

	tcase_add_test(t, survey_rows);
	tcase_add_test(t, survey_blank_incomes);
	tcase_add_test(t, survey_duplicates);
	tcase_add_test(t, survey_required_columns);
	suite_add_tcase(s, t);
	return s;
}
