/* rules/condition.c: conditions compiled from YAML, checked against field
 * types, bound to slots and evaluated on typed cells built by hand. */
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "rules/condition.h"
#include "rules/yamldoc.h"
#include "values/date.h"
#include "suites.h"

static const struct enum_value occupation_values[] = {
	{ "civil_servant", "公务员" }, { "farmer", "务农" },
};
static const struct enum_def occupation_codes = { "occupation",
	occupation_values, 2, NULL };

static const struct field f_urban_house = { .name = "urban_house", .type = FT_YES_NO };
static const struct field f_car_value = { .name = "car_value", .type = FT_MONEY };
static const struct field f_area = { .name = "area", .type = FT_NUMBER };
static const struct field f_built = { .name = "built", .type = FT_DATE };
static const struct field f_remark = { .name = "remark", .type = FT_TEXT };
static const struct field f_occupation = { .name = "occupation", .type = FT_CODE,
	.codes = &occupation_codes, .other_allow = 1 };
static const struct field f_boat = { .name = "boat", .type = FT_TEXT };
static const struct field f_ship = { .name = "ship", .type = FT_TEXT };

/* The household's columns, then the members'. */
static const char *const hnames[] = { "urban_house", "car_value", "area",
	"built", "housing", "remark", "per_capita_income" };
#define HWIDTH 7
static const char *const mnames[] = { "health", "age", "occupation" };
#define MWIDTH 3

static const struct field *
types(void *ctx, const char *name)
{
	static const struct field *const declared[] = { &f_urban_house,
		&f_car_value, &f_area, &f_built, &f_remark, &f_occupation,
		&f_boat, &f_ship };

	(void)ctx;
	for (size_t i = 0; i < sizeof declared / sizeof declared[0]; i++)
		if (strcmp(declared[i]->name, name) == 0)
			return declared[i];
	return field_builtin(name);   /* housing, health, age, per_capita_income */
}

/* Household columns are slots 0..6; a member column named at household
 * level is the head's cell, HWIDTH + its index. Unknown names: -1. */
static int
slot(void *ctx, const char *field, int member, size_t line, size_t col)
{
	(void)ctx;
	(void)line;
	(void)col;
	if (!member)
		for (int i = 0; i < HWIDTH; i++)
			if (strcmp(hnames[i], field) == 0)
				return i;
	for (int i = 0; i < MWIDTH; i++)
		if (strcmp(mnames[i], field) == 0)
			return member ? i : HWIDTH + i;
	return -1;
}

/* A text arena: offset 0 holds "", as the readers keep it. */
struct arena {
	char text[1024];
	size_t len;
};

static struct cell
put(struct arena *a, const char *s, int64_t v)
{
	struct cell c = { v, 0, 0 };
	size_t n = strlen(s);

	if (a->len == 0)
		a->len = 1;     /* text[0] is already '\0' */
	if (n == 0)
		return c;
	ck_assert_uint_le(a->len + n + 1, sizeof a->text);
	memcpy(a->text + a->len, s, n + 1);
	c.off = (uint32_t)a->len;
	c.len = (uint32_t)n;
	a->len += n + 1;
	return c;
}

/* The household of every test:
 *   urban_house yes, car_value 30000.00 yuan (3,000,000 fen), area 2.5,
 *   built 2015-05-23, housing c_grade (index 1), remark 张三家,
 *   per_capita_income 2855.00;
 * members, head first:
 *   1. serious (2), age 45, occupation farmer (1)
 *   2. healthy (0), age 70, occupation 个体 (not in the list: -1)
 *   3. chronic (1), age 12, occupation empty. */
struct fixture {
	struct arena h, m;
	struct cell hc[HWIDTH];
	struct cell mc[3 * MWIDTH];
	struct cond_context ctx;
};

static struct fixture fx;

#define MICRO 1000000LL

static void
setup(void)
{
	memset(&fx, 0, sizeof fx);
	fx.hc[0] = put(&fx.h, "yes", 1);
	fx.hc[1] = put(&fx.h, "30000.00", 3000000);
	fx.hc[2] = put(&fx.h, "2.5", 2500000);
	fx.hc[3] = put(&fx.h, "2015-05-23", date_days(2015, 5, 23));
	fx.hc[4] = put(&fx.h, "c_grade", 1);
	fx.hc[5] = put(&fx.h, "张三家", 0);
	fx.hc[6] = put(&fx.h, "2855.00", 285500);
	fx.mc[0] = put(&fx.m, "serious", 2);
	fx.mc[1] = put(&fx.m, "45", 45 * MICRO);
	fx.mc[2] = put(&fx.m, "farmer", 1);
	fx.mc[3] = put(&fx.m, "healthy", 0);
	fx.mc[4] = put(&fx.m, "70", 70 * MICRO);
	fx.mc[5] = put(&fx.m, "个体", -1);
	fx.mc[6] = put(&fx.m, "chronic", 1);
	fx.mc[7] = put(&fx.m, "12", 12 * MICRO);
	fx.mc[8] = put(&fx.m, "", 0);
	fx.ctx.household = fx.hc;
	fx.ctx.household_width = HWIDTH;
	fx.ctx.members = fx.mc;
	fx.ctx.nmembers = 3;
	fx.ctx.member_width = MWIDTH;
	fx.ctx.htext = fx.h.text;
	fx.ctx.mtext = fx.m.text;
}

static struct cond *
compile(const char *yaml)
{
	struct yamldoc d;
	struct cond *c;
	struct strbuf err = { 0 };

	ck_assert_int_eq(yamldoc_load_bytes(&d, "t.yaml", yaml, strlen(yaml)), 0);
	c = cond_compile(&d, yamldoc_root(&d), 0);
	ck_assert_msg(c != NULL, "%s: %s", yaml, d.err);
	yamldoc_free(&d);
	ck_assert_msg(cond_check(c, "t.yaml", types, NULL, &err) == 0, "%s: %s",
	    yaml, strbuf_str(&err));
	strbuf_free(&err);
	return c;
}

static int
eval(const char *yaml)
{
	struct cond *c = compile(yaml);
	int r;

	ck_assert_uint_eq(cond_bind(c, slot, NULL), 0);
	r = cond_eval(c, &fx.ctx);
	cond_free(c);
	return r;
}

#define TRUE(y) ck_assert_msg(eval(y) == 1, "%s should hold", (y))
#define FALSE(y) ck_assert_msg(eval(y) == 0, "%s should not hold", (y))

START_TEST(equals_on_each_type)
{
	TRUE("{field: urban_house, equals: 'yes'}");
	TRUE("{field: urban_house, equals: 是}");
	TRUE("{field: urban_house, equals: ＹＥＳ}");
	FALSE("{field: urban_house, equals: 'no'}");
	FALSE("{field: urban_house, equals: 无}");
	/* Money exactly, in fen. */
	TRUE("{field: car_value, equals: 30000}");
	TRUE("{field: car_value, equals: '30,000.00'}");
	FALSE("{field: car_value, equals: 30000.01}");
	/* Numbers numerically. */
	TRUE("{field: area, equals: 2.5}");
	TRUE("{field: area, equals: 2.50}");
	FALSE("{field: area, equals: 3}");
	/* Dates in any input form. */
	TRUE("{field: built, equals: 2015-05-23}");
	TRUE("{field: built, equals: 2015年5月23日}");
	FALSE("{field: built, equals: 2015/5/24}");
	/* Codes through their labels. */
	TRUE("{field: housing, equals: c_grade}");
	TRUE("{field: housing, equals: C级危房}");
	FALSE("{field: housing, equals: safe}");
	/* Text as it is. */
	TRUE("{field: remark, equals: 张三家}");
	FALSE("{field: remark, equals: 张三}");
	TRUE("{field: per_capita_income, equals: 2855}");
}
END_TEST

START_TEST(not_equals_in_not_in)
{
	TRUE("{field: housing, not_equals: safe}");
	FALSE("{field: housing, not_equals: c_grade}");
	TRUE("{field: housing, in: [d_grade, C级危房]}");
	FALSE("{field: housing, in: [安全, d_grade]}");
	TRUE("{field: housing, not_in: [safe, none]}");
	FALSE("{field: housing, not_in: [c_grade]}");
	TRUE("{field: area, in: [1, 2.5]}");
	FALSE("{field: area, not_in: [1, 2.5]}");
	TRUE("{field: urban_house, in: [√]}");
	TRUE("{field: remark, not_in: [张三, 李四家]}");
}
END_TEST

START_TEST(matches)
{
	/* On a code, the code is tested (labels were read as codes). */
	TRUE("{field: housing, matches: '^c_'}");
	FALSE("{field: housing, matches: '危房'}");
	TRUE("{field: remark, matches: '^张'}");
	TRUE("{field: remark, matches: '^.{3}$'}");   /* UTF mode: 3 characters */
	/* Numbers as they are stored: money with two decimals. */
	TRUE("{field: car_value, matches: '^30000\\.00$'}");
	FALSE("{field: remark, matches: '^李'}");
}
END_TEST

START_TEST(orderings)
{
	/* 30000.00 yuan. */
	FALSE("{field: car_value, gt: 30000}");
	TRUE("{field: car_value, ge: 30000}");
	TRUE("{field: car_value, gt: 29999.99}");
	TRUE("{field: car_value, lt: 30000.01}");
	FALSE("{field: car_value, lt: 30000}");
	TRUE("{field: car_value, le: 30000}");
	FALSE("{field: car_value, le: 29999.99}");
	TRUE("{field: car_value, between: [30000, 30000]}");
	FALSE("{field: car_value, between: ['1,000', 29999.99]}");
	/* 2.5 */
	TRUE("{field: area, gt: 2.499999}");
	FALSE("{field: area, lt: 2.5}");
	TRUE("{field: area, le: 2.5}");
	TRUE("{field: area, between: [2, 3]}");
	FALSE("{field: area, between: [2.500001, 3]}");
	/* 2015-05-23 */
	TRUE("{field: built, lt: 2015-06-01}");
	FALSE("{field: built, gt: 2015-05-23}");
	TRUE("{field: built, ge: 2015-05-23}");
	TRUE("{field: built, between: [2015/5/1, 2015年5月31日]}");
	FALSE("{field: built, between: [2015-05-24, 2015-12-31]}");
	/* 2855.00: the line itself is not below it. */
	TRUE("{field: per_capita_income, ge: 2855}");
	FALSE("{field: per_capita_income, lt: 2855}");
}
END_TEST

START_TEST(empty_and_combinations)
{
	TRUE("{field: remark, empty: false}");
	FALSE("{field: remark, empty: true}");
	TRUE("{}");
	FALSE("{all: [{field: urban_house, equals: 'yes'}, {field: housing, equals: safe}]}");
	TRUE("{any: [{field: urban_house, equals: 'yes'}, {field: housing, equals: safe}]}");
	TRUE("{all: [{field: urban_house, equals: 'yes'}, {not: {field: housing, equals: safe}}]}");
	FALSE("{not: {}}");
	TRUE("{all: []}");
	FALSE("{any: []}");
	/* A member column at household level is the head's. */
	TRUE("{field: occupation, equals: farmer}");
	TRUE("{field: health, equals: serious}");
}
END_TEST

START_TEST(member_quantifiers)
{
	TRUE("{any_member: {field: health, equals: serious}}");
	FALSE("{any_member: {field: health, equals: disabled}}");
	TRUE("{all_members: {field: age, ge: 12}}");
	FALSE("{all_members: {field: age, ge: 13}}");
	/* Ages under 60: 45 and 12, two members. */
	TRUE("{count_members: {where: {field: age, lt: 60}, ge: 2}}");
	FALSE("{count_members: {where: {field: age, lt: 60}, ge: 3}}");
	TRUE("{count_members: {where: {field: age, lt: 60}, equals: 2}}");
	TRUE("{count_members: {where: {field: age, lt: 60}, gt: 1}}");
	FALSE("{count_members: {where: {field: age, lt: 60}, gt: 2}}");
	FALSE("{count_members: {where: {field: age, lt: 60}, le: 1}}");
	TRUE("{count_members: {where: {field: age, lt: 60}, lt: 3}}");
	TRUE("{count_members: {where: {field: health, in: [serious, chronic]}, equals: 2}}");
	/* One member must meet both parts: member 2 is 70 and healthy. */
	TRUE("{any_member: {all: [{field: age, ge: 60}, {field: health, equals: healthy}]}}");
	FALSE("{any_member: {all: [{field: age, ge: 60}, {field: health, equals: serious}]}}");
	/* The household's own cells inside a member condition. */
	TRUE("{all: [{field: urban_house, equals: 'yes'}, {any_member: {field: age, gt: 65}}]}");
}
END_TEST

START_TEST(unlisted_code_equals_nothing)
{
	/* Member 2's occupation 个体 is no listed code (v = -1): it equals
	 * none of them, so only not_equals and not_in hold for it. Member 3's
	 * occupation is empty: nothing but empty: true holds for it. */
	FALSE("{any_member: {all: [{field: age, equals: 70}, {field: occupation, equals: civil_servant}]}}");
	FALSE("{any_member: {all: [{field: age, equals: 70}, {field: occupation, equals: farmer}]}}");
	TRUE("{count_members: {where: {field: occupation, in: [civil_servant, farmer]}, equals: 1}}");
	TRUE("{count_members: {where: {field: occupation, not_in: [civil_servant, farmer]}, equals: 1}}");
	TRUE("{count_members: {where: {field: occupation, not_equals: farmer}, equals: 1}}");
	TRUE("{count_members: {where: {field: occupation, empty: true}, equals: 1}}");
	/* matches tests the value as typed. */
	TRUE("{any_member: {field: occupation, matches: '个体'}}");
}
END_TEST

START_TEST(missing_cells)
{
	static const char *const fail[] = {
		"{field: car_value, equals: 0}", "{field: car_value, not_equals: 0}",
		"{field: car_value, in: [0]}", "{field: car_value, not_in: [1]}",
		"{field: car_value, gt: -1}", "{field: car_value, ge: 0}",
		"{field: car_value, lt: 1}", "{field: car_value, le: 0}",
		"{field: car_value, between: [-1, 1]}",
		"{field: car_value, matches: '.*'}", "{field: car_value, matches: '^$'}",
		"{field: car_value, empty: false}",
		/* v is 0 in an empty yes_no cell, and 0 is "no": still false. */
		"{field: urban_house, equals: 'no'}", "{field: urban_house, not_equals: 'yes'}",
		"{field: housing, equals: safe}", "{field: housing, not_in: [safe]}",
		"{field: remark, equals: ''}", "{field: remark, not_equals: x}",
	};

	/* Empty cells: length 0, value 0. */
	fx.hc[0] = put(&fx.h, "", 0);
	fx.hc[1] = put(&fx.h, "", 0);
	fx.hc[4] = put(&fx.h, "", 0);
	fx.hc[5] = put(&fx.h, "", 0);
	for (size_t i = 0; i < sizeof fail / sizeof fail[0]; i++)
		FALSE(fail[i]);
	TRUE("{field: car_value, empty: true}");
	TRUE("{field: urban_house, empty: true}");
	TRUE("{field: housing, empty: true}");
}
END_TEST

START_TEST(no_members)
{
	fx.ctx.nmembers = 0;
	/* The head's cells are missing. */
	FALSE("{field: occupation, equals: farmer}");
	FALSE("{field: occupation, not_equals: farmer}");
	TRUE("{field: occupation, empty: true}");
	FALSE("{any_member: {}}");
	TRUE("{count_members: {where: {}, equals: 0}}");
}
END_TEST

struct unbound {
	char field[32];
	int member;
	size_t line, col;
};

struct unbound_list {
	struct unbound u[8];
	size_t n;
};

static void
on_unbound(void *ctx, const char *field, int member, size_t line, size_t col)
{
	struct unbound_list *l = ctx;

	ck_assert_uint_lt(l->n, 8);
	snprintf(l->u[l->n].field, sizeof l->u[l->n].field, "%s", field);
	l->u[l->n].member = member;
	l->u[l->n].line = line;
	l->u[l->n].col = col;
	l->n++;
}

START_TEST(unbound_fields)
{
	/* boat (a member's) and ship (the household's) are not columns of
	 * the inputs. Their conditions: line 3 at column 18 ("  - {any_member: "
	 * is 17 characters), line 4 at column 5. */
	struct cond *c = compile(
	    "all:\n"
	    "  - {field: urban_house, equals: 'yes'}\n"
	    "  - {any_member: {field: boat, equals: x}}\n"
	    "  - {field: ship, empty: true}\n"
	    "  - {any_member: {field: health, equals: healthy}}\n");
	struct unbound_list l = { 0 };

	ck_assert_uint_eq(cond_bind(c, slot, NULL), 2);
	cond_unbound(c, on_unbound, &l);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.u[0].field, "boat");
	ck_assert_int_eq(l.u[0].member, 1);
	ck_assert_uint_eq(l.u[0].line, 3);
	ck_assert_uint_eq(l.u[0].col, 18);
	ck_assert_str_eq(l.u[1].field, "ship");
	ck_assert_int_eq(l.u[1].member, 0);
	ck_assert_uint_eq(l.u[1].line, 4);
	ck_assert_uint_eq(l.u[1].col, 5);
	cond_free(c);
}
END_TEST

START_TEST(check_problems)
{
	struct yamldoc d;
	struct cond *c;
	struct strbuf err = { 0 };
	/* Three problems in one condition, each reported, each at its place:
	 * the typeless field at its condition (line 2, column 5), the literal
	 * "maybe" (line 3, column 34: "  - {field: urban_house, equals: " is 33
	 * characters), gt on text (line 4, column 5). */
	const char *yaml =
	    "any:\n"
	    "  - {field: has_boat, equals: x}\n"
	    "  - {field: urban_house, equals: maybe}\n"
	    "  - {field: remark, gt: 3}\n"
	    "  - {field: per_capita_income, gt: 1}\n";

	ck_assert_int_eq(yamldoc_load_bytes(&d, "t.yaml", yaml, strlen(yaml)), 0);
	c = cond_compile(&d, yamldoc_root(&d), 0);
	ck_assert_ptr_nonnull(c);
	yamldoc_free(&d);
	ck_assert_uint_eq(cond_check(c, "t.yaml", types, NULL, &err), 3);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "t.yaml:2:5: has_boat"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "t.yaml:3:34: \"maybe\""));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "t.yaml:4:5: gt"));
	cond_free(c);
	strbuf_free(&err);
}
END_TEST

/* The number of problems cond_check finds in YAML; ERR gets them. */
static size_t
problems(const char *yaml, struct strbuf *err)
{
	struct yamldoc d;
	struct cond *c;
	size_t n;

	ck_assert_int_eq(yamldoc_load_bytes(&d, "t.yaml", yaml, strlen(yaml)), 0);
	c = cond_compile(&d, yamldoc_root(&d), 0);
	ck_assert_msg(c != NULL, "%s", d.err);
	yamldoc_free(&d);
	strbuf_reset(err);
	n = cond_check(c, "t.yaml", types, NULL, err);
	cond_free(c);
	return n;
}

START_TEST(check_scopes_and_ranges)
{
	struct strbuf err = { 0 };

	/* age is a member's; per_capita_income the household's (its
	 * condition at column 14: "{any_member: " is 13 characters). */
	ck_assert_uint_eq(problems("{field: age, ge: 60}", &err), 1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "t.yaml:1:1: age"));
	ck_assert_uint_eq(problems("{any_member: {field: per_capita_income, gt: 1}}", &err), 1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "t.yaml:1:14: per_capita_income"));
	ck_assert_uint_eq(problems("{any_member: {field: age, ge: 60}}", &err), 0);
	/* between [high, low]. */
	ck_assert_uint_eq(problems("{field: area, between: [3, 2]}", &err), 1);
	ck_assert_uint_eq(problems("{field: area, between: [2, 3]}", &err), 0);
	/* Every literal of a list is checked: two bad ones, two problems. */
	ck_assert_uint_eq(problems("{field: housing, in: [safe, castle, c_grade, tent]}", &err), 2);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "\"castle\""));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&err), "\"tent\""));
	/* An unlisted value is no code to test, even with other: allow. */
	ck_assert_uint_eq(problems("{field: occupation, equals: 个体}", &err), 1);
	/* matches and empty take no typed literal. */
	ck_assert_uint_eq(problems("{field: car_value, matches: 'x'}", &err), 0);
	ck_assert_uint_eq(problems("{field: housing, empty: true}", &err), 0);
	strbuf_free(&err);
}
END_TEST

Suite *
suite_condition(void)
{
	Suite *s = suite_create("condition");
	TCase *t = tcase_create("core");

	tcase_add_checked_fixture(t, setup, NULL);
	tcase_add_test(t, equals_on_each_type);
	tcase_add_test(t, not_equals_in_not_in);
	tcase_add_test(t, matches);
	tcase_add_test(t, orderings);
	tcase_add_test(t, empty_and_combinations);
	tcase_add_test(t, member_quantifiers);
	tcase_add_test(t, unlisted_code_equals_nothing);
	tcase_add_test(t, missing_cells);
	tcase_add_test(t, no_members);
	tcase_add_test(t, unbound_fields);
	tcase_add_test(t, check_problems);
	tcase_add_test(t, check_scopes_and_ranges);
	suite_add_tcase(s, t);
	return s;
}
