/* Conditions and rules files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules/condition.h"
#include "io/diag.h"
#include "rules/rules.h"
#include "suites.h"
#include "rules/yamldoc.h"

/* Household columns and member columns the test conditions bind to. */
static const char *const hh_names[] = { "x", "housing", "name", "members" };
static const char *const member_names[] = { "health", "age", "occupation" };

static struct cond *
compile(const char *yaml)
{
	struct yamldoc d;
	struct cond *c;
	char err[512];

	ck_assert_int_eq(yamldoc_load_bytes(&d, "t.yaml", yaml, strlen(yaml)), 0);
	c = cond_compile(&d, yamldoc_root(&d), 0);
	ck_assert_msg(c != NULL, "%s", d.err);
	yamldoc_free(&d);
	ck_assert_int_eq(cond_bind(c, hh_names, 4, member_names, 3, "t.yaml",
	    "T", err, sizeof err), 0);
	return c;
}

static const char *
compile_error(const char *yaml)
{
	static char err[1024];
	struct yamldoc d;
	struct cond *c;

	ck_assert_int_eq(yamldoc_load_bytes(&d, "t.yaml", yaml, strlen(yaml)), 0);
	c = cond_compile(&d, yamldoc_root(&d), 0);
	ck_assert_ptr_null(c);
	snprintf(err, sizeof err, "%s", d.err);
	yamldoc_free(&d);
	return err;
}

/* Evaluate YAML on a household where x = X and members as given
 * (health, age, occupation triples). */
static int
eval(const char *yaml, const char *x, size_t nmembers, const char *const *members)
{
	struct cond *c = compile(yaml);
	const char *hh[4] = { x, "c_grade", "张三", "3" };
	char err[256];
	struct cond_context ctx = { hh, nmembers, members, 3, NULL, NULL, err, sizeof err };
	int r = cond_eval(c, &ctx);

	cond_free(c);
	return r;
}

static int
on_x(const char *yaml, const char *x)
{
	return eval(yaml, x, 0, NULL);
}

START_TEST(comparisons)
{
	ck_assert_int_eq(on_x("{field: x, equals: abc}", "abc"), 1);
	ck_assert_int_eq(on_x("{field: x, equals: abc}", "ABC"), 0);
	ck_assert_int_eq(on_x("{field: x, equals: 10}", "10.00"), 1);   /* numbers numerically */
	ck_assert_int_eq(on_x("{field: x, equals: '10'}", "1,0"), 0);
	ck_assert_int_eq(on_x("{field: x, not_equals: abc}", "abd"), 1);
	ck_assert_int_eq(on_x("{field: x, not_equals: abc}", "abc"), 0);
	ck_assert_int_eq(on_x("{field: x, in: [a, b, 3]}", "b"), 1);
	ck_assert_int_eq(on_x("{field: x, in: [a, b, 3]}", "3.0"), 1);
	ck_assert_int_eq(on_x("{field: x, in: [a, b]}", "c"), 0);
	ck_assert_int_eq(on_x("{field: x, not_in: [a, b]}", "c"), 1);
	ck_assert_int_eq(on_x("{field: x, not_in: [a, b]}", "a"), 0);
	ck_assert_int_eq(on_x("{field: x, gt: 30000}", "30000.01"), 1);
	ck_assert_int_eq(on_x("{field: x, gt: 30000}", "30000"), 0);
	ck_assert_int_eq(on_x("{field: x, ge: 30000}", "30000.00"), 1);
	ck_assert_int_eq(on_x("{field: x, ge: 30000}", "29999.99"), 0);
	ck_assert_int_eq(on_x("{field: x, lt: 0}", "-0.01"), 1);
	ck_assert_int_eq(on_x("{field: x, lt: 0}", "0"), 0);
	ck_assert_int_eq(on_x("{field: x, le: 2855.5}", "2855.50"), 1);
	ck_assert_int_eq(on_x("{field: x, le: 2855.5}", "2855.51"), 0);
	ck_assert_int_eq(on_x("{field: x, between: [10, 20]}", "10"), 1);
	ck_assert_int_eq(on_x("{field: x, between: [10, 20]}", "20"), 1);
	ck_assert_int_eq(on_x("{field: x, between: [10, 20]}", "20.01"), 0);
	ck_assert_int_eq(on_x("{field: x, between: [10, 20]}", "9.99"), 0);
	ck_assert_int_eq(on_x("{field: x, gt: 5}", "many"), 0);         /* not a number */
	ck_assert_int_eq(on_x("{field: x, empty: true}", ""), 1);
	ck_assert_int_eq(on_x("{field: x, empty: true}", "a"), 0);
	ck_assert_int_eq(on_x("{field: x, empty: false}", "a"), 1);
	ck_assert_int_eq(on_x("{field: x, empty: false}", ""), 0);
}
END_TEST

START_TEST(patterns)
{
	ck_assert_int_eq(on_x("{field: x, matches: '^(civil_servant|public_institution)$'}", "public_institution"), 1);
	ck_assert_int_eq(on_x("{field: x, matches: '^(civil_servant|public_institution)$'}", "civil_servant2"), 0);
	/* Chinese patterns, UTF mode: one character is one character. */
	ck_assert_int_eq(on_x("{field: x, matches: '公务员|事业单位'}", "镇事业单位职工"), 1);
	ck_assert_int_eq(on_x("{field: x, matches: '^.{2}$'}", "张三"), 1);
	ck_assert_int_eq(on_x("{field: x, matches: '^\\p{Han}+$'}", "张三"), 1);
	ck_assert_int_eq(on_x("{field: x, matches: '^\\p{Han}+$'}", "张3"), 0);
}
END_TEST

START_TEST(missing_cells)
{
	static const char *const conds[] = { "{field: x, equals: a}",
		"{field: x, not_equals: a}", "{field: x, in: [a]}",
		"{field: x, not_in: [a]}", "{field: x, matches: '.*'}",
		"{field: x, gt: 0}", "{field: x, ge: 0}", "{field: x, lt: 1}",
		"{field: x, le: 0}", "{field: x, between: [0, 1]}",
		"{field: x, empty: false}" };

	for (size_t i = 0; i < sizeof conds / sizeof conds[0]; i++)
		ck_assert_msg(on_x(conds[i], "") == 0, "%s", conds[i]);
	ck_assert_int_eq(on_x("{field: x, empty: true}", ""), 1);
	ck_assert_int_eq(on_x("{not: {field: x, equals: a}}", ""), 1);
}
END_TEST

START_TEST(logic)
{
	ck_assert_int_eq(on_x("{}", ""), 1);
	ck_assert_int_eq(on_x("{all: [{field: x, gt: 1}, {field: x, lt: 3}]}", "2"), 1);
	ck_assert_int_eq(on_x("{all: [{field: x, gt: 1}, {field: x, lt: 3}]}", "3"), 0);
	ck_assert_int_eq(on_x("{any: [{field: x, equals: a}, {field: x, equals: b}]}", "b"), 1);
	ck_assert_int_eq(on_x("{any: [{field: x, equals: a}, {field: x, equals: b}]}", "c"), 0);
	ck_assert_int_eq(on_x("{not: {field: x, equals: a}}", "a"), 0);
	ck_assert_int_eq(on_x("{all: []}", ""), 1);
	ck_assert_int_eq(on_x("{any: []}", ""), 0);
	/* Enumeration labels in rules read as codes. */
	ck_assert_int_eq(on_x("{field: housing, in: [C级危房, d_grade]}", ""), 1);
	ck_assert_int_eq(on_x("{field: members, equals: 3}", ""), 1);
}
END_TEST

START_TEST(quantifiers)
{
	const char *members[] = {
		"healthy", "45", "farmer",
		"serious", "70", "",
		"chronic", "12", "civil_servant",
	};

	ck_assert_int_eq(eval("{any_member: {field: health, equals: serious}}", "", 3, members), 1);
	ck_assert_int_eq(eval("{any_member: {field: health, equals: disabled}}", "", 3, members), 0);
	ck_assert_int_eq(eval("{all_members: {field: age, ge: 12}}", "", 3, members), 1);
	ck_assert_int_eq(eval("{all_members: {field: age, ge: 13}}", "", 3, members), 0);
	ck_assert_int_eq(eval("{all_members: {any: [{field: age, ge: 60}, {field: age, lt: 16}]}}", "", 3, members), 0);
	ck_assert_int_eq(eval("{all_members: {any: [{field: age, ge: 60}, {field: age, lt: 16}]}}", "", 2, members + 3), 1);
	ck_assert_int_eq(eval("{count_members: {where: {field: health, in: [serious, chronic]}, ge: 2}}", "", 3, members), 1);
	ck_assert_int_eq(eval("{count_members: {where: {field: health, in: [serious, chronic]}, gt: 2}}", "", 3, members), 0);
	ck_assert_int_eq(eval("{count_members: {where: {field: health, in: [serious, chronic]}, equals: 2}}", "", 3, members), 1);
	ck_assert_int_eq(eval("{count_members: {where: {field: age, lt: 16}, le: 1}}", "", 3, members), 1);
	ck_assert_int_eq(eval("{count_members: {where: {field: age, lt: 16}, lt: 1}}", "", 3, members), 0);
	ck_assert_int_eq(eval("{any_member: {field: occupation, empty: true}}", "", 3, members), 1);
}
END_TEST

START_TEST(condition_errors)
{
	ck_assert_str_eq(compile_error("{field: x, bigger: 3}"),
	    "t.yaml:1:12: unknown operator \"bigger\" (expected equals, not_equals, "
	    "in, not_in, matches, gt, ge, lt, le, between, empty)");
	ck_assert_str_eq(compile_error("{field: x, gt: 3, lt: 5}"),
	    "t.yaml:1:19: one operator per condition: \"lt\" is a second one "
	    "(combine conditions with all: or any:)");
	ck_assert_str_eq(compile_error("{field: x, gt: lots}"),
	    "t.yaml:1:16: gt needs a number, not \"lots\"");
	ck_assert_str_eq(compile_error("{field: x, matches: 'a(b'}"),
	    "t.yaml:1:21: bad pattern at offset 3: missing closing parenthesis");
	ck_assert_str_eq(compile_error("{field: x}"), "t.yaml:1:1: field x has no operator");
	ck_assert_str_eq(compile_error("{all: [{field: x, equals: 1}], any: []}"),
	    "t.yaml:1:32: a condition has one form: \"all\" and \"any\" cannot "
	    "stand together (use all: or any:)");
	ck_assert_str_eq(compile_error("{every: []}"),
	    "t.yaml:1:2: unknown condition \"every\" (expected field, all, any, "
	    "not, any_member, all_members, count_members)");
	ck_assert_str_eq(compile_error("{any_member: {all_members: {}}}"),
	    "t.yaml:1:14: all_members cannot stand inside another member condition");
	ck_assert_str_eq(compile_error("{field: housing, equals: palace}"),
	    "t.yaml:1:26: housing has no value \"palace\" (values: safe, c_grade, d_grade, none)");
	ck_assert_str_eq(compile_error("{field: x, between: [5, 1]}"),
	    "t.yaml:1:21: between: the low end is above the high end");
	ck_assert_str_eq(compile_error("[1]"),
	    "t.yaml:1:1: a condition is a mapping, like {field: X, equals: Y}");
}
END_TEST

START_TEST(unknown_column)
{
	struct yamldoc d;
	struct cond *c;
	char err[512];
	const char *y = "{any_member: {field: car_value, gt: 1}}";

	ck_assert_int_eq(yamldoc_load_bytes(&d, "t.yaml", y, strlen(y)), 0);
	c = cond_compile(&d, yamldoc_root(&d), 0);
	ck_assert_int_eq(cond_bind(c, hh_names, 4, member_names, 3, "t.yaml",
	    "X3", err, sizeof err), -1);
	ck_assert_str_eq(err, "t.yaml:1:14: rule X3: car_value is not a column of "
	    "the members (applicants)");
	cond_free(c);
	yamldoc_free(&d);
}
END_TEST

START_TEST(pathological_pattern)
{
	char *x = xmalloc(20001);
	const char *hh[4];
	char err[256];
	struct cond *c = compile("{field: x, matches: '^(a|aa)+$'}");
	struct cond_context ctx = { hh, 0, NULL, 3, NULL, NULL, err, sizeof err };

	memset(x, 'a', 19999);
	x[19999] = 'b';
	x[20000] = '\0';
	hh[0] = x;
	ck_assert_int_eq(cond_eval(c, &ctx), -1);
	ck_assert_ptr_nonnull(strstr(err, "match limit"));
	cond_free(c);
	free(x);
}
END_TEST

/* Rules files in a scratch folder. */
static char *dir;

static void
rules_setup(void)
{
	dir = test_tmpdir();
}

static void
rules_teardown(void)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(dir);
}

static const char *
file(const char *name, const char *text)
{
	static char path[512];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	test_write(path, text);
	return path;
}

static const char *
load_error(const char *name)
{
	static char err[1024];
	struct rules r;
	char path[512];

	memset(&r, 0, sizeof r);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	ck_assert_int_eq(rules_load(&r, path, err, sizeof err), -1);
	/* Drop the scratch folder from the message. */
	return strstr(err, dir) == err ? err + strlen(dir) + 1 : err;
}

START_TEST(example_rules_file)
{
	struct rules r;
	char err[1024];

	memset(&r, 0, sizeof r);
	ck_assert_msg(rules_load(&r, "../../rules/example-2015.yaml", err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(r.poverty_line, 285500);
	ck_assert_int_eq(r.margin, 100000);
	ck_assert_int_eq(r.year, 2015);
	ck_assert_uint_eq(r.exclusions.n, 3);
	ck_assert_str_eq(r.exclusions.items[2].id, "X3");
	ck_assert_uint_eq(r.considerations.n, 2);
	ck_assert_uint_eq(r.attributes.n, 2);
	ck_assert_uint_eq(r.causes.n, 5);
	ck_assert_int_eq(r.scale_key, 500000);
	ck_assert_int_eq(r.scale_other, 50000);
	ck_assert_uint_eq(r.nquorum, 2);
	ck_assert_int_eq(r.quorum[0].max_population, 999);
	ck_assert_int_eq(r.quorum[0].representatives, 20);
	ck_assert_int_eq(r.quorum[1].max_population, -1);
	ck_assert_int_eq(r.quorum[1].representatives, 30);
	ck_assert_int_eq(r.publicity_days[2], 5);
	ck_assert_ptr_nonnull(r.exit);
	rules_free(&r);
}
END_TEST

START_TEST(national_lines)
{
	static const struct { const char *file; long long fen; } lines[] = {
		{ "national-2011.yaml", 253600 }, { "national-2012.yaml", 262500 },
		{ "national-2013.yaml", 273600 }, { "national-2014.yaml", 280000 },
		{ "national-2015.yaml", 285500 }, { "national-2016.yaml", 295200 },
		{ "national-2019.yaml", 321800 },
	};
	char path[256], err[1024];

	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		struct rules r;

		memset(&r, 0, sizeof r);
		snprintf(path, sizeof path, "../../rules/%s", lines[i].file);
		ck_assert_msg(rules_load(&r, path, err, sizeof err) == 0, "%s", err);
		ck_assert_int_eq(r.poverty_line, lines[i].fen);
		ck_assert_uint_eq(r.nquorum, 2);          /* the procedure's defaults */
		ck_assert_int_eq(r.publicity_days[0], 7);
		rules_free(&r);
	}
}
END_TEST

START_TEST(exclusion_lists)
{
	struct rules r;
	char err[1024];
	const char *top = file("county.yaml", "version: 1\ninclude: [nine.yaml, seven.yaml]\n"
	    "income: {poverty_line: 2855}\n");
	FILE *in;
	char buf[8192];
	size_t n;

	(void)top;
	/* Copy the shipped lists beside a county file that includes both. */
	in = fopen("../../rules/nine-red-lines.yaml", "r");
	ck_assert_ptr_nonnull(in);
	n = fread(buf, 1, sizeof buf - 1, in);
	buf[n] = '\0';
	fclose(in);
	file("nine.yaml", buf);
	in = fopen("../../rules/seven-out.yaml", "r");
	ck_assert_ptr_nonnull(in);
	n = fread(buf, 1, sizeof buf - 1, in);
	buf[n] = '\0';
	fclose(in);
	file("seven.yaml", buf);
	memset(&r, 0, sizeof r);
	snprintf(buf, sizeof buf, "%s/county.yaml", dir);
	ck_assert_msg(rules_load(&r, buf, err, sizeof err) == 0, "%s", err);
	ck_assert_uint_eq(r.exclusions.n, 16);
	ck_assert_str_eq(r.exclusions.items[0].id, "R1");
	ck_assert_str_eq(r.exclusions.items[9].id, "S1");
	ck_assert_str_eq(r.exclusions.items[0].title_zh, "在城镇购买商品房");
	ck_assert_uint_eq(r.nfiles, 3);
	rules_free(&r);
}
END_TEST

START_TEST(include_merging)
{
	struct rules r;
	char err[1024], path[512];

	file("base.yaml", "version: 1\nincome: {poverty_line: 2000, margin: 0.2}\n"
	    "exclusions:\n  - {id: X1, when: {field: a, equals: 1}}\n"
	    "publicity: {village: 7, town: 7, county: 5}\n");
	file("top.yaml", "include: [base.yaml]\nincome: {poverty_line: 2855}\n"
	    "exclusions:\n  - {id: X2, when: {field: b, equals: 1}}\n"
	    "publicity: {village: 10}\n");
	snprintf(path, sizeof path, "%s/top.yaml", dir);
	memset(&r, 0, sizeof r);
	ck_assert_msg(rules_load(&r, path, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(r.poverty_line, 285500);     /* the including file wins */
	ck_assert_int_eq(r.margin, 200000);           /* kept from the include */
	ck_assert_uint_eq(r.exclusions.n, 2);         /* lists concatenate */
	ck_assert_str_eq(r.exclusions.items[0].id, "X1");
	ck_assert_str_eq(r.exclusions.items[1].id, "X2");
	ck_assert_int_eq(r.publicity_days[0], 10);
	ck_assert_int_eq(r.publicity_days[1], 7);
	rules_free(&r);
}
END_TEST

START_TEST(load_errors)
{
	file("dup.yaml", "income:\n  poverty_line: 2855\n  poverty_line: 2900\n");
	ck_assert_str_eq(load_error("dup.yaml"),
	    "dup.yaml:3:3: duplicate key \"poverty_line\" (first at line 2)");
	file("top.yaml", "incom: {poverty_line: 2855}\n");
	ck_assert_str_eq(load_error("top.yaml"),
	    "top.yaml:1:1: unknown key \"incom\" (expected version, id, title, year, "
	    "include, income, exclusions, considerations, scale, appraisal, "
	    "publicity, exit, attributes, causes)");
	file("line.yaml", "income: {poverty_line: 28a5}\n");
	ck_assert_str_eq(load_error("line.yaml"),
	    "line.yaml:1:24: expected an amount in yuan, not \"28a5\"");
	file("op.yaml", "income: {poverty_line: 2855}\nexclusions:\n"
	    "  - id: X1\n    when: {field: a, bigger: 1}\n");
	ck_assert_str_eq(load_error("op.yaml"),
	    "op.yaml:4:22: unknown operator \"bigger\" (expected equals, not_equals, "
	    "in, not_in, matches, gt, ge, lt, le, between, empty)");
	file("re.yaml", "income: {poverty_line: 2855}\nexclusions:\n"
	    "  - {id: X1, when: {field: a, matches: '[公务员'}}\n");
	ck_assert_str_eq(load_error("re.yaml"),
	    "re.yaml:3:40: bad pattern at offset 10: missing terminating ] for character class");
	file("a.yaml", "include: [b.yaml]\nincome: {poverty_line: 1}\n");
	file("b.yaml", "include: [a.yaml]\n");
	ck_assert_ptr_nonnull(strstr(load_error("a.yaml"), "b.yaml:1:11: include cycle: "));
	ck_assert_ptr_nonnull(strstr(load_error("a.yaml"),
	    "/a.yaml includes itself (through the files above)"));
	file("x1.yaml", "exclusions:\n  - {id: X1, when: {}}\n");
	file("twice.yaml", "include: [x1.yaml]\nincome: {poverty_line: 1}\n"
	    "considerations:\n  - {id: X1, when: {}}\n");
	ck_assert_ptr_nonnull(strstr(load_error("twice.yaml"),
	    "twice.yaml:4:10: rule id X1 is defined twice: first at "));
	ck_assert_ptr_nonnull(strstr(load_error("twice.yaml"), "x1.yaml:2"));
	file("noline.yaml", "version: 1\n");
	ck_assert_str_eq(load_error("noline.yaml"), "noline.yaml: income.poverty_line is missing");
	file("out.yaml", "include: [/etc/hostname]\nincome: {poverty_line: 1}\n");
	ck_assert_ptr_nonnull(strstr(load_error("out.yaml"),
	    "out.yaml:1:11: include /etc/hostname lies outside the rules folder"));
	file("cause.yaml", "income: {poverty_line: 1}\ncauses:\n  - {id: bad_luck, when: {}}\n");
	ck_assert_ptr_nonnull(strstr(load_error("cause.yaml"),
	    "cause.yaml:3:10: \"bad_luck\" is not one of: illness, disability"));
}
END_TEST

Suite *
suite_rules(void)
{
	Suite *s = suite_create("rules");
	TCase *t = tcase_create("conditions");
	TCase *f = tcase_create("files");

	tcase_set_timeout(t, 20);
	tcase_add_test(t, comparisons);
	tcase_add_test(t, patterns);
	tcase_add_test(t, missing_cells);
	tcase_add_test(t, logic);
	tcase_add_test(t, quantifiers);
	tcase_add_test(t, condition_errors);
	tcase_add_test(t, unknown_column);
	tcase_add_test(t, pathological_pattern);
	tcase_add_checked_fixture(f, rules_setup, rules_teardown);
	tcase_add_test(f, example_rules_file);
	tcase_add_test(f, national_lines);
	tcase_add_test(f, exclusion_lists);
	tcase_add_test(f, include_merging);
	tcase_add_test(f, load_errors);
	suite_add_tcase(s, t);
	suite_add_tcase(s, f);
	return s;
}
