/* yamldoc, village.yaml and column aliases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules/columns.h"
#include "values/date.h"
#include "io/diag.h"
#include "suites.h"
#include "rules/village.h"
#include "rules/yamldoc.h"

static const char good_village[] =
"village:\n"
"  code: \"371323105201\"\n"
"  name: 双河村\n"
"  town: 临涧镇\n"
"  county: 沂水县\n"
"  population: 2937\n"
"  key_village: true\n"
"  contact: 村委会 张主任 0539-1234567\n"
"year: 2015\n"
"rules: ../../rules/example-2015.yaml\n"
"quota: 1400\n"
"appraisal:\n"
"  date: 2015-06-03\n"
"  representatives: 32\n"
"publicity:\n"
"  village: {start: 2015-06-05, end: 2015-06-11}\n"
"  town:    {start: 2015-06-14, end: 2015-06-20}\n"
"  county:  {start: 2015-06-21, end: 2015-06-25}\n";

/* Load TEXT as DIR/village.yaml; returns the error or "" (static). */
static const char *
load_village(const char *text, struct village *v)
{
	static char err[1024];
	char *dir = test_tmpdir();
	char path[512];
	int rc;

	snprintf(path, sizeof path, "%s/village.yaml", dir);
	test_write(path, text);
	rc = village_load(v, dir, err, sizeof err);
	unlink(path);
	rmdir(dir);
	free(dir);
	if (rc == 0)
		return "";
	/* Drop the folder from the message: "village.yaml:L:C: ..." */
	return strstr(err, "village.yaml");
}

START_TEST(village_fields)
{
	struct village v;

	ck_assert_str_eq(load_village(good_village, &v), "");
	ck_assert_str_eq(v.code, "371323105201");
	ck_assert_str_eq(v.name, "双河村");
	ck_assert_str_eq(v.town, "临涧镇");
	ck_assert_str_eq(v.county, "沂水县");
	ck_assert_int_eq(v.population, 2937);
	ck_assert_int_eq(v.key_village, 1);
	ck_assert_int_eq(v.year, 2015);
	ck_assert_int_eq(v.quota, 1400);
	ck_assert_int_eq(v.representatives, 32);
	ck_assert_int_eq(v.total, -1);
	ck_assert_int_eq(v.appraisal_date, date_days(2015, 6, 3));
	ck_assert_int_eq(v.publicity[0].start, date_days(2015, 6, 5));
	ck_assert_int_eq(v.publicity[2].end, date_days(2015, 6, 25));
	ck_assert_ptr_nonnull(strstr(v.rules_path, "/../../rules/example-2015.yaml"));
	village_free(&v);
}
END_TEST

START_TEST(village_errors)
{
	struct village v;

	ck_assert_str_eq(load_village("village:\n  code: \"37132310520\"\nyear: 2015\n", &v),
	    "village.yaml:2:9: village.code must be 12 digits, not \"37132310520\"");
	ck_assert_str_eq(load_village("village:\n  code: \"371323105201\"\nyear: 2015\nyear: 2016\n", &v),
	    "village.yaml:4:1: duplicate key \"year\" (first at line 3)");
	ck_assert_str_eq(load_village("village:\n  code: \"371323105201\"\n  populaton: 3\nyear: 2015\n", &v),
	    "village.yaml:3:3: unknown key \"populaton\" (expected code, name, town, "
	    "county, population, key_village, contact)");
	ck_assert_str_eq(load_village("village:\n  code: \"371323105201\"\n  population: many\nyear: 2015\n", &v),
	    "village.yaml:3:15: expected a whole number from 0 to 1000000000, not \"many\"");
	ck_assert_str_eq(load_village("village:\n  code: \"371323105201\"\n  key_village: perhaps\nyear: 2015\n", &v),
	    "village.yaml:3:16: expected true or false, not \"perhaps\"");
	ck_assert_str_eq(load_village("village:\n  code: \"371323105201\"\n", &v),
	    "village.yaml:1:1: year: is missing");
	ck_assert_str_eq(load_village("village:\n  code: \"371323105201\"\nyear: 2015\n"
	    "publicity:\n  village: {start: 2015-06-11, end: 2015-06-05}\n", &v),
	    "village.yaml:5:37: the period ends before it starts");
	ck_assert_str_eq(load_village("village:\n  code: \"371323105201\"\nyear: 2015\n"
	    "appraisal: {date: 2015-02-30}\n", &v),
	    "village.yaml:4:19: expected a date like 2015-06-03, not \"2015-02-30\"");
	ck_assert_str_eq(load_village("village: [1, 2\nyear: 2015\n", &v),
	    "village.yaml:2:5: did not find expected ',' or ']' while parsing a flow sequence");
	ck_assert_str_eq(load_village("", &v),
	    "village.yaml: empty file: a village.yaml needs village: and year:");
	ck_assert_str_eq(load_village("a: &x 1\nb: *x\n", &v),
	    "village.yaml:1:4: this value is reused through an alias (*name); aliases are not supported");
}
END_TEST

START_TEST(village_missing_file)
{
	struct village v;
	char err[512];

	ck_assert_int_eq(village_load(&v, "/nonexistent/village.yaml", err, sizeof err), -1);
	ck_assert_str_eq(err, "cannot open /nonexistent/village.yaml: No such file or directory");
	village_free(&v);
}
END_TEST

START_TEST(yaml_scalars)
{
	struct yamldoc d;
	long long v;
	int b;

	ck_assert_int_eq(yamldoc_load_bytes(&d, "x.yaml",
	    "a: 0.10\nb: '1'\nc: no\nd: \"yes\"\ne: 12\n", 36), 0);
	ck_assert_int_eq(yamldoc_decimal(&d, yamldoc_get(&d, yamldoc_root(&d), "a"), &v), 0);
	ck_assert_int_eq(v, 100000);
	ck_assert_int_eq(yamldoc_bool(&d, yamldoc_get(&d, yamldoc_root(&d), "c"), &b), 0);
	ck_assert_int_eq(b, 0);
	/* A quoted "yes" is text, not a boolean. */
	ck_assert_int_eq(yamldoc_bool(&d, yamldoc_get(&d, yamldoc_root(&d), "d"), &b), -1);
	ck_assert_int_eq(yamldoc_int(&d, yamldoc_get(&d, yamldoc_root(&d), "e"), 0, 10, &v), -1);
	ck_assert_str_eq(d.err, "x.yaml:5:4: expected a whole number from 0 to 10, not \"12\"");
	yamldoc_free(&d);
}
END_TEST

START_TEST(builtin_aliases)
{
	struct column_aliases *a = aliases_new();

	ck_assert_str_eq(aliases_canonical(a, "户编号", strlen("户编号")), "household_id");
	ck_assert_str_eq(aliases_canonical(a, "身份证号", strlen("身份证号")), "id_number");
	ck_assert_str_eq(aliases_canonical(a, "Household_ID", 12), "household_id");
	ck_assert_ptr_null(aliases_canonical(a, "has_car", 7));
	aliases_free(a);
}
END_TEST

/* rules/columns.yaml holds the same aliases as the built-in table. */
START_TEST(shipped_columns_yaml)
{
	struct column_aliases *a = aliases_new(), *b = aliases_new();
	struct yamldoc d;
	yaml_node_t *root;
	char err[512];

	ck_assert_int_eq(yamldoc_load(&d, "../../rules/columns.yaml"), 0);
	root = yamldoc_root(&d);
	ck_assert_int_eq(aliases_load(b, "../../rules/columns.yaml", err, sizeof err), 0);
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *v = yaml_document_get_node(&d.doc, p->value);
		const char *canonical = (const char *)
		    yaml_document_get_node(&d.doc, p->key)->data.scalar.value;

		ck_assert(v->type == YAML_SEQUENCE_NODE);
		for (yaml_node_item_t *it = v->data.sequence.items.start;
		    it < v->data.sequence.items.top; it++) {
			const char *alias = (const char *)
			    yaml_document_get_node(&d.doc, *it)->data.scalar.value;
			const char *c = aliases_canonical(a, alias, strlen(alias));

			ck_assert_msg(c != NULL && strcmp(c, canonical) == 0,
			    "%s: %s", canonical, alias);
		}
	}
	/* ...and every built-in alias is in the file. */
	ck_assert_str_eq(aliases_first(a, "household_id"), "户编号");
	yamldoc_free(&d);
	aliases_free(a);
	aliases_free(b);
}
END_TEST

START_TEST(user_aliases)
{
	struct column_aliases *a = aliases_new();
	char *dir = test_tmpdir(), path[512], err[512];

	snprintf(path, sizeof path, "%s/c.yaml", dir);
	test_write(path, "has_car: [是否有车, 有无汽车]\nhousehold_id: 户主编号\n");
	ck_assert_int_eq(aliases_load(a, path, err, sizeof err), 0);
	ck_assert_str_eq(aliases_canonical(a, "有无汽车", strlen("有无汽车")), "has_car");
	ck_assert_str_eq(aliases_canonical(a, "户主编号", strlen("户主编号")), "household_id");
	test_write(path, "Has Car: x\n");
	ck_assert_int_eq(aliases_load(a, path, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "c.yaml:1:1: \"Has Car\" is not a column name"));
	unlink(path);
	rmdir(dir);
	free(dir);
	aliases_free(a);
}
END_TEST

START_TEST(header_mapping)
{
	static const char *const known[] = { "household_id", "name", "id_number" };
	static const unsigned char required[] = { 1, 1, 1 };
	const char *cells[] = { "姓名", "户编号", "备注", "" };
	size_t lens[] = { 6, 9, 6, 0 };
	struct csvin_row h = { 4, cells, lens, 1, 0 };
	struct column_aliases *a = aliases_new();
	struct columns c;
	char err[256];

	ck_assert_int_eq(columns_map(&c, a, "f.csv", &h, known, 3, err, sizeof err), 0);
	ck_assert_int_eq(c.pos[0], 1);
	ck_assert_int_eq(c.pos[1], 0);
	ck_assert_int_eq(c.pos[2], -1);
	ck_assert_str_eq(c.name[2], "备注");
	ck_assert_ptr_null(c.name[3]);
	ck_assert_int_eq(columns_require(&c, a, "f.csv", 1, known, required, err, sizeof err), -1);
	ck_assert_str_eq(err, "f.csv:1: required column id_number (身份证号) is missing");
	columns_free(&c);
	cells[2] = "household_ID";
	lens[2] = 12;
	ck_assert_int_eq(columns_map(&c, a, "f.csv", &h, known, 3, err, sizeof err), -1);
	ck_assert_str_eq(err, "f.csv:1: columns 2 and 3 both name household_id");
	columns_free(&c);
	aliases_free(a);
}
END_TEST

Suite *
suite_yamldoc(void)
{
	Suite *s = suite_create("yamldoc");
	TCase *t = tcase_create("core");

	tcase_add_test(t, yaml_scalars);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_village(void)
{
	Suite *s = suite_create("village");
	TCase *t = tcase_create("core");

	tcase_add_test(t, village_fields);
	tcase_add_test(t, village_errors);
	tcase_add_test(t, village_missing_file);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_columns(void)
{
	Suite *s = suite_create("columns");
	TCase *t = tcase_create("core");

	tcase_add_test(t, builtin_aliases);
	tcase_add_test(t, shipped_columns_yaml);
	tcase_add_test(t, user_aliases);
	tcase_add_test(t, header_mapping);
	suite_add_tcase(s, t);
	return s;
}
