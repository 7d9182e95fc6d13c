/* rules/rules.c: fields: (types, code lists, merging through include),
 * the type check of every condition at load with FILE:LINE:COL, and
 * includes (read once, capped, FIFOs and cycles refused). Positions in
 * the expected messages are counted by hand from the texts below: lines
 * from 1, columns from 1 at the first character of the node. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/strbuf.h"
#include "rules/rules.h"
#include "suites.h"

/* Load DIR/main.yaml into R. The problems go to ERR with DIR written as
 * "D", so that messages can be compared. */
static int
load(const char *dir, struct rules *r, struct strbuf *err)
{
	char *path = test_path(dir, "main.yaml");
	struct strbuf raw = { 0 };
	size_t dl = strlen(dir);
	int rc;

	memset(r, 0, sizeof *r);
	rc = rules_load(r, path, &raw);
	strbuf_reset(err);
	for (const char *s = strbuf_str(&raw); *s != '\0'; ) {
		if (strncmp(s, dir, dl) == 0) {
			strbuf_putc(err, 'D');
			s += dl;
		} else {
			strbuf_putc(err, *s++);
		}
	}
	strbuf_free(&raw);
	free(path);
	return rc;
}

#define HAS(err, text) ck_assert_msg(strstr(strbuf_str(err), (text)) != NULL, \
	"\"%s\" not in:\n%s", (text), strbuf_str(err))

static size_t
lines(const struct strbuf *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->len; i++)
		n += b->s[i] == '\n';
	return n;
}

static int
code_of(const struct field *f, const char *s)
{
	return enum_lookup(f->codes, s, strlen(s));
}

START_TEST(fields_loaded)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };
	const struct field *f;
	char buf[FIELD_BUF];
	const char *norm;
	size_t n;
	int64_t v;

	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\n"
	    "fields:\n"
	    "  urban_house: {type: yes_no, title_zh: 城镇商品房}\n"
	    "  car_value: {type: money, title: Value of the car}\n"
	    "  area: {type: number}\n"
	    "  built: {type: date}\n"
	    "  remark: {type: text}\n"
	    "  declared_reason: {type: text}\n"
	    "  occupation:\n"
	    "    type: code\n"
	    "    title_zh: 职业\n"
	    "    values:\n"
	    "      civil_servant: [公务员, 国家机关工作人员]\n"
	    "      farmer: 务农\n"
	    "      teacher: ~\n"
	    "    other: allow\n"
	    "  job:\n"
	    "    type: code\n"
	    "    values: {cadre: [村干部]}\n"
	    "    other: reject\n");
	ck_assert_msg(load(dir, &r, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_int_eq(r.poverty_line, 285500);
	ck_assert_uint_eq(r.nfields, 8);

	f = rules_field(&r, "urban_house");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->type, FT_YES_NO);
	ck_assert_str_eq(f->title_zh, "城镇商品房");
	f = rules_field(&r, "car_value");
	ck_assert_int_eq(f->type, FT_MONEY);
	ck_assert_str_eq(f->title, "Value of the car");
	ck_assert_int_eq(rules_field(&r, "area")->type, FT_NUMBER);
	ck_assert_int_eq(rules_field(&r, "built")->type, FT_DATE);
	f = rules_field(&r, "remark");
	ck_assert_int_eq(f->type, FT_TEXT);
	ck_assert(!f->free_text);
	/* declared_reason stays free text when declared text. */
	ck_assert(rules_field(&r, "declared_reason")->free_text);

	/* occupation: three codes, the labels of each, other: allow. */
	f = rules_field(&r, "occupation");
	ck_assert_int_eq(f->type, FT_CODE);
	ck_assert_str_eq(f->title_zh, "职业");
	ck_assert(f->other_allow);
	ck_assert_uint_eq(f->codes->count, 3);
	ck_assert_str_eq(f->codes->values[0].code, "civil_servant");
	ck_assert_str_eq(f->codes->values[1].code, "farmer");
	ck_assert_str_eq(f->codes->values[2].code, "teacher");
	ck_assert_int_eq(code_of(f, "公务员"), 0);
	ck_assert_int_eq(code_of(f, "国家机关工作人员"), 0);
	ck_assert_int_eq(code_of(f, "务农"), 1);
	ck_assert_int_eq(code_of(f, "TEACHER"), 2);
	ck_assert_int_eq(code_of(f, "个体"), -1);
	/* Cells are read through the declared type. */
	ck_assert_int_eq(field_parse(f, "国家机关工作人员", strlen("国家机关工作人员"), 0,
	    &v, &norm, &n, buf), FIELD_OK);
	ck_assert_int_eq(v, 0);
	ck_assert(n == strlen("civil_servant") && memcmp(norm, "civil_servant", n) == 0);
	ck_assert_int_eq(field_parse(f, "个体", strlen("个体"), 0, &v, &norm, &n, buf),
	    FIELD_OTHER);
	ck_assert_int_eq(v, -1);

	f = rules_field(&r, "job");
	ck_assert(!f->other_allow);
	ck_assert_int_eq(code_of(f, "村干部"), 0);
	ck_assert_int_eq(field_parse(f, "个体", strlen("个体"), 0, &v, &norm, &n, buf),
	    FIELD_BAD);

	/* Undeclared columns: the built-in type, or none. */
	ck_assert_ptr_eq(rules_field(&r, "health"), field_builtin("health"));
	ck_assert_ptr_null(rules_field(&r, "has_boat"));
	rules_free(&r);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(fields_merged_through_include)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };
	const struct field *f;

	test_write_in(dir, "main.yaml",
	    "include: [a.yaml, b.yaml]\n"
	    "income: {poverty_line: 2855}\n"
	    "exclusions:\n"
	    "  - id: X1\n"
	    "    when: {any_member: {field: occupation, in: [公务员, 国家机关工作人员, 务农]}}\n");
	test_write_in(dir, "a.yaml",
	    "fields:\n"
	    "  occupation:\n"
	    "    type: code\n"
	    "    values:\n"
	    "      civil_servant: [公务员]\n"
	    "    other: allow\n");
	test_write_in(dir, "b.yaml",
	    "fields:\n"
	    "  occupation:\n"
	    "    type: code\n"
	    "    values:\n"
	    "      civil_servant: [国家机关工作人员, 公务员]\n"
	    "      farmer: [务农]\n");
	ck_assert_msg(load(dir, &r, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(r.nfields, 1);
	f = rules_field(&r, "occupation");
	ck_assert_uint_eq(f->codes->count, 2);
	/* Labels of both files, 公务员 once. */
	ck_assert_str_eq(f->codes->values[0].labels, "公务员|国家机关工作人员");
	ck_assert_str_eq(f->codes->values[1].code, "farmer");
	ck_assert_int_eq(code_of(f, "国家机关工作人员"), 0);
	ck_assert_int_eq(code_of(f, "务农"), 1);
	ck_assert(f->other_allow);
	rules_free(&r);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(fields_of_different_types)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };

	test_write_in(dir, "main.yaml",
	    "include: [a.yaml, b.yaml]\n"
	    "income: {poverty_line: 2855}\n");
	test_write_in(dir, "a.yaml", "fields:\n  has_car: {type: yes_no}\n");
	test_write_in(dir, "b.yaml", "fields:\n  has_car: {type: number}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	/* At the second declaration (b.yaml line 2, column 3), naming the
	 * first. */
	HAS(&err, "D/b.yaml:2:3: ");
	HAS(&err, "has_car");
	HAS(&err, "number");
	HAS(&err, "yes_no");
	HAS(&err, "D/a.yaml:2");
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(labels_reading_as_another_code)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };

	/* 务农 on line 7 at column 16 ("      worker: [" is 15 characters). */
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\n"
	    "fields:\n"
	    "  occupation:\n"
	    "    type: code\n"
	    "    values:\n"
	    "      farmer: [务农]\n"
	    "      worker: [务农, 打工]\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:7:16: ");
	HAS(&err, "务农");
	HAS(&err, "farmer");

	/* The same across two included files. */
	test_write_in(dir, "main.yaml",
	    "include: [a.yaml, b.yaml]\n"
	    "income: {poverty_line: 2855}\n");
	test_write_in(dir, "a.yaml",
	    "fields:\n  occupation: {type: code, values: {farmer: [务农]}}\n");
	test_write_in(dir, "b.yaml",
	    "fields:\n  occupation:\n    type: code\n    values:\n      worker: [务农]\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/b.yaml:5:16: ");
	HAS(&err, "farmer");

	/* A code that is already another code's label. */
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\n"
	    "fields:\n"
	    "  occupation:\n"
	    "    type: code\n"
	    "    values:\n"
	    "      farmer: [worker]\n"
	    "      worker: ~\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:7:7: ");
	HAS(&err, "farmer");
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(spec_columns_redeclared)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };

	/* A typed column of SPEC §3: an error, whatever the type given. */
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\nfields:\n  health: {type: text}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:3:3: ");
	HAS(&err, "health");
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\nfields:\n  dibao: {type: yes_no}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:3:3: ");
	HAS(&err, "dibao");
	/* A computed one. */
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\nfields:\n  age: {type: number}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:3:3: ");
	/* occupation is free text: code or text, nothing else. */
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\nfields:\n  occupation: {type: yes_no}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:3:");
	HAS(&err, "occupation");
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\n"
	    "fields:\n  occupation: {type: code, values: {civil_servant: [公务员]}}\n");
	ck_assert_msg(load(dir, &r, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_int_eq(rules_field(&r, "occupation")->type, FT_CODE);
	rules_free(&r);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

/* Load a rules file whose only problem is on line 6 or so; ERR gets it. */
static int
load_text(const char *text, struct strbuf *err)
{
	char *dir = test_tmpdir();
	struct rules r;
	int rc;

	test_write_in(dir, "main.yaml", text);
	rc = load(dir, &r, err);
	if (rc == 0)
		rules_free(&r);
	test_rmtree(dir);
	return rc;
}

#define PREAMBLE \
	"income: {poverty_line: 2855}\n" \
	"fields:\n" \
	"  urban_house: {type: yes_no}\n" \
	"  car_value: {type: money}\n" \
	"exclusions:\n" \
	"  - id: X1\n"

START_TEST(type_check_at_load)
{
	struct strbuf err = { 0 };

	/* Line 7 is "    when: {...}": the condition starts at column 11. */
	ck_assert_int_eq(load_text(PREAMBLE
	    "    when: {field: has_boat, equals: 'yes'}\n", &err), -1);
	HAS(&err, "D/main.yaml:7:11: has_boat");
	ck_assert_uint_eq(lines(&err), 1);

	/* 'ye' is not yes or no: at the literal, column 40. */
	ck_assert_int_eq(load_text(PREAMBLE
	    "    when: {field: urban_house, equals: 'ye'}\n", &err), -1);
	HAS(&err, "D/main.yaml:7:40: ");
	HAS(&err, "\"ye\"");
	ck_assert_uint_eq(lines(&err), 1);

	/* A code not in housing's list: at "mansion", column 39. */
	ck_assert_int_eq(load_text(PREAMBLE
	    "    when: {field: housing, in: [safe, mansion]}\n", &err), -1);
	HAS(&err, "D/main.yaml:7:39: ");
	HAS(&err, "\"mansion\"");
	ck_assert_uint_eq(lines(&err), 1);

	/* abc is no amount: column 34. */
	ck_assert_int_eq(load_text(PREAMBLE
	    "    when: {field: car_value, gt: abc}\n", &err), -1);
	HAS(&err, "D/main.yaml:7:34: ");
	HAS(&err, "\"abc\"");
	ck_assert_uint_eq(lines(&err), 1);

	/* gt on a code: at the condition. */
	ck_assert_int_eq(load_text(PREAMBLE
	    "    when: {field: housing, gt: safe}\n", &err), -1);
	HAS(&err, "D/main.yaml:7:11: ");
	HAS(&err, "housing");
	ck_assert_uint_eq(lines(&err), 1);

	/* The same literals, right for their types, load. */
	ck_assert_msg(load_text(PREAMBLE
	    "    when: {all: [{field: urban_house, equals: 是}, "
	    "{field: housing, in: [safe, C级危房]}, {field: car_value, gt: '30,000'}]}\n",
	    &err) == 0, "%s", strbuf_str(&err));
	strbuf_free(&err);
}
END_TEST

START_TEST(problems_of_three_files_at_once)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };

	test_write_in(dir, "main.yaml",
	    "include: [a.yaml, b.yaml]\n"
	    "income: {poverty_line: 2855}\n"
	    "fields:\n"
	    "  urban_house: {type: yes_no}\n"
	    "exclusions:\n"
	    "  - id: X1\n"
	    "    when: {field: has_boat, equals: 'yes'}\n");
	test_write_in(dir, "a.yaml",
	    "considerations:\n"
	    "  - id: C1\n"
	    "    when: {field: urban_house, equals: 'ye'}\n");
	test_write_in(dir, "b.yaml",
	    "causes:\n"
	    "  - id: illness\n"
	    "    when: {any_member: {field: health, equals: sick}}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:7:11: ");
	HAS(&err, "D/a.yaml:3:40: ");
	HAS(&err, "D/b.yaml:3:48: ");   /* "sick" */
	ck_assert_uint_eq(lines(&err), 3);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(include_read_once)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };

	/* a.yaml reached three times: directly, as ./a.yaml and through
	 * b.yaml. Read twice, its X_A would be "defined twice". */
	test_write_in(dir, "main.yaml",
	    "include: [a.yaml, b.yaml, ./a.yaml]\n"
	    "income: {poverty_line: 2855}\n");
	test_write_in(dir, "a.yaml", "exclusions:\n  - {id: X_A, when: {}}\n");
	test_write_in(dir, "b.yaml",
	    "include: [a.yaml]\nexclusions:\n  - {id: X_B, when: {}}\n");
	ck_assert_msg(load(dir, &r, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(r.exclusions.n, 2);
	ck_assert_str_eq(r.exclusions.items[0].id, "X_A");
	ck_assert_str_eq(r.exclusions.items[1].id, "X_B");
	ck_assert_uint_eq(r.nfiles, 3);
	ck_assert_ptr_nonnull(strstr(r.files[0].path, "main.yaml"));
	ck_assert_ptr_nonnull(strstr(r.files[1].path, "a.yaml"));
	ck_assert_ptr_nonnull(strstr(r.files[2].path, "b.yaml"));
	rules_free(&r);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

/* main.yaml including N files f00.yaml ... */
static void
write_includes(const char *dir, int n)
{
	struct strbuf main = { 0 };
	char name[32];

	strbuf_puts(&main, "income: {poverty_line: 2855}\ninclude:\n");
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof name, "f%02d.yaml", i);
		strbuf_printf(&main, "  - %s\n", name);
		test_write_in(dir, name, "version: 1\n");
	}
	test_write_in(dir, "main.yaml", strbuf_str(&main));
	strbuf_free(&main);
}

START_TEST(includes_capped)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };
	char want[64];

	/* The top file and 63 includes: RULES_MAX_FILES in all. */
	write_includes(dir, RULES_MAX_FILES - 1);
	ck_assert_msg(load(dir, &r, &err) == 0, "%s", strbuf_str(&err));
	ck_assert_uint_eq(r.nfiles, RULES_MAX_FILES);
	rules_free(&r);
	/* One more is refused, at the include that goes over. */
	write_includes(dir, RULES_MAX_FILES);
	ck_assert_int_eq(load(dir, &r, &err), -1);
	snprintf(want, sizeof want, "more than %d", RULES_MAX_FILES);
	HAS(&err, want);
	/* "  - f63.yaml" is line 3 + 63 = 66, the file name at column 5. */
	HAS(&err, "D/main.yaml:66:5: ");
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(include_fifo_refused)
{
	char *dir = test_tmpdir();
	char *fifo = test_path(dir, "pipe.yaml");
	struct rules r;
	struct strbuf err = { 0 };

	/* Nobody writes to the FIFO: opening it would wait forever. */
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\ninclude: [pipe.yaml]\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:2:11: ");
	HAS(&err, "pipe.yaml");
	HAS(&err, "not a regular file");
	free(fifo);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(include_cycle_refused)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };

	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\ninclude: [a.yaml]\n");
	test_write_in(dir, "a.yaml", "include: [b.yaml]\n");
	test_write_in(dir, "b.yaml", "include: [a.yaml]\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "cycle");
	HAS(&err, "D/b.yaml:1:11: ");
	/* A file that includes itself. */
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\ninclude: [main.yaml]\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "cycle");
	HAS(&err, "D/main.yaml:2:11: ");
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(postings_ordered)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 }, b = { 0 };

	/* no publicity: every level, no minimum */
	test_write_in(dir, "main.yaml", "income: {poverty_line: 2855}\n");
	ck_assert_int_eq(load(dir, &r, &err), 0);
	ck_assert_uint_eq(r.nposting, 3);
	ck_assert_int_eq(rules_level_after(&r, -1), LEVEL_VILLAGE);
	ck_assert_int_eq(rules_level_after(&r, LEVEL_VILLAGE), LEVEL_TOWN);
	ck_assert_int_eq(rules_level_after(&r, LEVEL_TOWN), LEVEL_COUNTY);
	ck_assert_int_eq(rules_level_after(&r, LEVEL_COUNTY), NLEVELS);
	ck_assert_int_eq(rules_level_before(&r, LEVEL_COUNTY), LEVEL_TOWN);
	ck_assert_int_eq(rules_level_before(&r, LEVEL_VILLAGE), -1);
	ck_assert_int_eq((int)rules_last_level(&r), LEVEL_COUNTY);
	ck_assert(r.publicity_days[LEVEL_TOWN] == -1);
	rules_free(&r);

	/* written out of order: the procedure's order */
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\npublicity: {county: 5, village: 7}\n");
	ck_assert_int_eq(load(dir, &r, &err), 0);
	ck_assert_uint_eq(r.nposting, 2);
	ck_assert(rules_posts(&r, LEVEL_VILLAGE) && !rules_posts(&r, LEVEL_TOWN) &&
	    rules_posts(&r, LEVEL_COUNTY));
	ck_assert_int_eq(rules_level_after(&r, LEVEL_VILLAGE), LEVEL_COUNTY);
	ck_assert_int_eq(rules_level_before(&r, LEVEL_COUNTY), LEVEL_VILLAGE);
	/* the town's audit, which does not post, covers the village's list */
	ck_assert_int_eq(rules_level_before(&r, LEVEL_TOWN), LEVEL_VILLAGE);
	ck_assert_int_eq((int)rules_last_level(&r), LEVEL_COUNTY);
	ck_assert(r.publicity_days[LEVEL_COUNTY] == 5);
	rules_postings(&r, &b);
	ck_assert_str_eq(strbuf_str(&b), "village, county");
	rules_free(&r);

	/* the village alone */
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\npublicity: {village: 7}\n");
	ck_assert_int_eq(load(dir, &r, &err), 0);
	ck_assert_uint_eq(r.nposting, 1);
	ck_assert_int_eq(rules_level_after(&r, LEVEL_VILLAGE), NLEVELS);
	ck_assert_int_eq((int)rules_last_level(&r), LEVEL_VILLAGE);
	rules_free(&r);
	strbuf_free(&b);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(postings_replace_the_included)
{
	char *dir = test_tmpdir();
	struct rules r, three;
	struct strbuf err = { 0 };

	test_write_in(dir, "procedure.yaml",
	    "publicity: {village: 7, town: 7, county: 5}\n");
	test_write_in(dir, "main.yaml", "income: {poverty_line: 2855}\n"
	    "include: [procedure.yaml]\npublicity: {village: 10}\n");
	ck_assert_int_eq(load(dir, &r, &err), 0);
	ck_assert_uint_eq(r.nposting, 1);
	ck_assert(r.publicity_days[LEVEL_VILLAGE] == 10);
	ck_assert(r.publicity_days[LEVEL_TOWN] == -1);
	ck_assert(r.publicity_days[LEVEL_COUNTY] == -1);
	test_write_in(dir, "main.yaml", "income: {poverty_line: 2855}\n"
	    "include: [procedure.yaml]\n");
	ck_assert_int_eq(load(dir, &three, &err), 0);
	ck_assert_uint_eq(three.nposting, 3);
	ck_assert(!rules_same_postings(&r, &three));
	ck_assert(rules_same_postings(&three, &three));
	rules_free(&r);
	rules_free(&three);
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

START_TEST(postings_refused)
{
	char *dir = test_tmpdir();
	struct rules r;
	struct strbuf err = { 0 };

	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\npublicity: {village: 7, town: 0}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:2:31: ");
	HAS(&err, "0 days");
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\npublicity: {town: 7}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:2:12: ");
	HAS(&err, "village always posts");
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\npublicity: {village: 7, province: 3}\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/main.yaml:2:25: ");
	HAS(&err, "province");
	/* an included file's error is placed in it */
	test_write_in(dir, "proc.yaml", "publicity: {county: 5}\n");
	test_write_in(dir, "main.yaml",
	    "income: {poverty_line: 2855}\ninclude: [proc.yaml]\n");
	ck_assert_int_eq(load(dir, &r, &err), -1);
	HAS(&err, "D/proc.yaml:1:12: ");
	strbuf_free(&err);
	test_rmtree(dir);
}
END_TEST

Suite *
suite_rules(void)
{
	Suite *s = suite_create("rules");
	TCase *t = tcase_create("core");

	tcase_set_timeout(t, 20);
	tcase_add_test(t, fields_loaded);
	tcase_add_test(t, fields_merged_through_include);
	tcase_add_test(t, fields_of_different_types);
	tcase_add_test(t, labels_reading_as_another_code);
	tcase_add_test(t, spec_columns_redeclared);
	tcase_add_test(t, type_check_at_load);
	tcase_add_test(t, problems_of_three_files_at_once);
	tcase_add_test(t, include_read_once);
	tcase_add_test(t, includes_capped);
	tcase_add_test(t, include_fifo_refused);
	tcase_add_test(t, include_cycle_refused);
	tcase_add_test(t, postings_ordered);
	tcase_add_test(t, postings_replace_the_included);
	tcase_add_test(t, postings_refused);
	suite_add_tcase(s, t);
	return s;
}
