/* The area: county.yaml, town.yaml, villages.csv, and their entries'
 * fingerprints. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "rules/area.h"
#include "rules/columns.h"
#include "rules/village_area.h"
#include "io/provenance.h"
#include "stages/init.h"
#include "values/date.h"
#include "suites.h"

/* SPEC §8's county.yaml. */
static const char good_county[] =
"county: {code: \"371323\", name: 沂水县, contact: 沂水县扶贫开发领导小组办公室 0539-2251369, hotline: \"12317\"}\n"
"year: 2015\n"
"previous_year: 2014\n"
"rules: ../../rules/yishui-2015.yaml\n"
"rules_by_town: {\"371323106\": ../../rules/xujiahu-2015.yaml}\n"
"columns: ../../columns.yaml\n"
"publicity: {start: 2015-06-21, end: 2015-06-25}\n"
"towns: {\"371323105\": {quota: 120}}\n"
"audit: {sample: {help: 3, not_helped: 2, exiting: 1}, seed: \"2015-06-26 福彩3D 418\"}\n"
"as_of: 2015-07-01\n";

#define COUNTY_MIN "county: {code: \"371323\", name: 沂水县, contact: 县扶贫办}\n" \
	"year: 2015\nrules: ../../rules/yishui-2015.yaml\n"

static const char good_town[] =
"town: {code: \"371323105\", name: 临涧镇, contact: 临涧镇扶贫办 孙主任 0539-2516018}\n"
"publicity: {start: 2015-06-14, end: 2015-06-20, closed: 2015-06-22}\n"
"audit: {sample: {help: 3, not_helped: 2, exiting: 1}, seed: \"2015-06-21 福彩3D 052\"}\n";

#define TOWN_MIN "town: {code: \"371323105\", name: 临涧镇, contact: 镇扶贫办}\n"

/* Chinese headers, UTF-8 with a BOM; the county's columns file adds 村子
 * for name. */
static const char good_villages[] =
"\xEF\xBB\xBF" "村代码,村名,户籍人口,户数,重点村,规模,乡镇公示开始日期,乡镇公示结束日期,"
"乡镇公示办结日期,上年村代码,村级公示指纹,乡镇公示指纹,备注\n"
"371323105201,双河村,2937,812,是,20,,,,,0A1B-2C3D 4E5F-6071 8293-A4B5 C6D7-E8F9,,\n"
"371323105202,石桥村,\"1,120\",301,否,,2015/6/15,2015年6月21日,2015-06-23,371323105299,,,新编码\n";

#define VILLAGES_MIN "village_code,name,population,key_village\n"

/* The folder of the last area: its path is "T" in messages. */
static char root[512];

/* Write the area in a new folder: ROOT/rules/{yishui,xujiahu}-2015.yaml,
 * ROOT/columns.yaml, ROOT/2015/county-371323/county.yaml (COUNTY),
 * ROOT/2015/town-371323105/town.yaml and villages.csv (VILLAGES, N bytes),
 * ROOT/2015/371323105201/. A NULL file is not written. */
static char *
area_folder(const char *county, const char *town, const char *villages,
    size_t n)
{
	static const char *const dirs[] = { "rules", "2015", "2015/county-371323",
		"2015/town-371323105", "2015/371323105201", NULL };
	char *dir = test_tmpdir(), path[1024];

	snprintf(root, sizeof root, "%s", dir);
	for (int i = 0; dirs[i] != NULL; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, dirs[i]);
		ck_assert_int_eq(mkdir(path, 0700), 0);
	}
	test_write_in(dir, "rules/yishui-2015.yaml", "\n");
	test_write_in(dir, "rules/xujiahu-2015.yaml", "\n");
	test_write_in(dir, "columns.yaml", "name: [村子]\n");
	if (county != NULL)
		test_write_in(dir, "2015/county-371323/county.yaml", county);
	if (town != NULL)
		test_write_in(dir, "2015/town-371323105/town.yaml", town);
	if (villages != NULL) {
		FILE *fp;

		snprintf(path, sizeof path, "%s/2015/town-371323105/villages.csv", dir);
		fp = fopen(path, "wb");
		ck_assert_ptr_nonnull(fp);
		ck_assert_uint_eq(fwrite(villages, 1, n, fp), n);
		ck_assert_int_eq(fclose(fp), 0);
	}
	return dir;
}

/* ERR with ROOT replaced by "T" (static). */
static const char *
masked(const char *err)
{
	static char out[4096];
	size_t o = 0;

	for (const char *e = err; *e != '\0' && o + 1 < sizeof out; ) {
		if (strncmp(e, root, strlen(root)) == 0) {
			out[o++] = 'T';
			e += strlen(root);
		} else {
			out[o++] = *e++;
		}
	}
	out[o] = '\0';
	return out;
}

/* Load the area of village 371323105201 from COUNTY, TOWN and VILLAGES:
 * "" when it loads, else the error, masked. */
static const char *
load_area(const char *county, const char *town, const char *villages)
{
	char *dir = area_folder(county, town, villages, strlen(villages));
	char vdir[1024], err[4096];
	struct area a;
	int rc;

	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	rc = area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO, err,
	    sizeof err);
	if (rc == 0)
		area_free(&a);
	test_rmtree(dir);
	return rc == 0 ? "" : masked(err);
}

#define C(text) load_area(text, TOWN_MIN, VILLAGES_MIN)
#define T(text) load_area(COUNTY_MIN, text, VILLAGES_MIN)
#define V(text) load_area(COUNTY_MIN, TOWN_MIN, text)
#define CY "T/2015/county-371323/county.yaml"
#define TY "T/2015/town-371323105/town.yaml"
#define VC "T/2015/town-371323105/villages.csv"

START_TEST(area_good)
{
	char *dir = area_folder(good_county, good_town, good_villages,
	    sizeof good_villages - 1);
	char vdir[1024], err[4096], want[1024];
	const struct area_village *v;
	struct area a;

	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	ck_assert_msg(area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO,
	    err, sizeof err) == 0, "%s", err);
	ck_assert_str_eq(a.county.code, "371323");
	ck_assert_str_eq(a.county.name, "沂水县");
	ck_assert_str_eq(a.county.contact, "沂水县扶贫开发领导小组办公室 0539-2251369");
	ck_assert_str_eq(a.county.hotline, "12317");
	ck_assert_int_eq(a.county.year, 2015);
	ck_assert_int_eq(a.county.previous_year, 2014);
	ck_assert_str_eq(a.county.rules, "../../rules/yishui-2015.yaml");
	snprintf(want, sizeof want, "%s/2015/county-371323/../../rules/yishui-2015.yaml", dir);
	ck_assert_str_eq(a.county.rules_path, want);
	ck_assert_uint_eq(a.county.nrules_by_town, 1);
	ck_assert_str_eq(a.county.rules_by_town[0].code, "371323106");
	ck_assert_str_eq(a.county.columns, "../../columns.yaml");
	ck_assert_int_eq(a.county.publicity.start, date_days(2015, 6, 21));
	ck_assert_int_eq(a.county.publicity.closed, 0);
	ck_assert(!area_period_closed(&a.county.publicity));
	ck_assert_uint_eq(a.county.ntowns, 1);
	ck_assert_int_eq(a.county.towns[0].quota, 120);
	ck_assert_int_eq(a.county.audit.help, 3);
	ck_assert_int_eq(a.county.audit.not_helped, 2);
	ck_assert_int_eq(a.county.audit.exiting, 1);
	ck_assert_str_eq(a.county.audit.seed, "2015-06-26 福彩3D 418");
	ck_assert_int_eq(a.county.as_of, date_days(2015, 7, 1));
	ck_assert_str_eq(a.town.code, "371323105");
	ck_assert_str_eq(a.town.name, "临涧镇");
	ck_assert_str_eq(a.town.contact, "临涧镇扶贫办 孙主任 0539-2516018");
	ck_assert_int_eq(a.town.audit.exiting, 1);
	ck_assert_uint_eq(a.town.nvillages, 2);
	v = a.village;
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v->code, "371323105201");
	ck_assert_str_eq(v->name, "双河村");
	ck_assert_int_eq(v->population, 2937);
	ck_assert_int_eq(v->households, 812);
	ck_assert_int_eq(v->key_village, 1);
	ck_assert_int_eq(v->quota, 20);
	/* empty town_* cells: town.yaml's period and closing */
	ck_assert_int_eq(v->town.start, date_days(2015, 6, 14));
	ck_assert_int_eq(v->town.end, date_days(2015, 6, 20));
	ck_assert_int_eq(v->town.closed, date_days(2015, 6, 22));
	ck_assert(area_period_closed(&v->town));
	ck_assert_str_eq(v->posted_village, "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
	ck_assert_str_eq(v->posted_town, "");
	v = area_town_village(&a.town, "371323105202");
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(v->population, 1120);
	ck_assert_int_eq(v->key_village, 0);
	ck_assert_int_eq(v->quota, -1);
	ck_assert_int_eq(v->town.start, date_days(2015, 6, 15));
	ck_assert_int_eq(v->town.end, date_days(2015, 6, 21));
	ck_assert_int_eq(v->town.closed, date_days(2015, 6, 23));
	ck_assert_str_eq(v->previous_code, "371323105299");
	ck_assert_ptr_null(area_town_village(&a.town, "371323105203"));
	area_free(&a);
	test_rmtree(dir);
}
END_TEST

/* What is not given: defaults. */
START_TEST(area_defaults)
{
	static const char villages[] = VILLAGES_MIN "371323105201,双河村,,n\n";
	char *dir = area_folder(COUNTY_MIN, TOWN_MIN, villages,
	    sizeof villages - 1);
	char vdir[1024], err[4096];
	struct area a;

	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	ck_assert_msg(area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO,
	    err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(a.county.previous_year, 2014);
	ck_assert_int_eq(a.county.previous_year_given, 0);
	ck_assert_ptr_null(a.county.hotline);
	ck_assert_ptr_null(a.county.columns_path);
	ck_assert_int_eq(a.county.audit.help, -1);
	ck_assert_ptr_null(a.county.audit.seed);
	ck_assert_int_eq(a.county.as_of, 0);
	ck_assert_ptr_nonnull(a.village);
	ck_assert_int_eq(a.village->population, -1);
	ck_assert_int_eq(a.village->households, -1);
	ck_assert_int_eq(a.village->key_village, 0);
	ck_assert_int_eq(a.village->town.start, 0);
	ck_assert(!area_period_closed(&a.village->town));
	area_free(&a);
	test_rmtree(dir);
}
END_TEST

/* county.yaml: one error of each kind, at FILE:LINE:COL. */
START_TEST(area_county_errors)
{
	ck_assert_str_eq(C(COUNTY_MIN "hotlien: 1\n"),
	    CY ":4:1: unknown key \"hotlien\" (expected county, year, "
	    "previous_year, rules, rules_by_town, columns, publicity, towns, "
	    "audit, as_of)");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县, contact: x, phone: 1}\n"
	    "year: 2015\nrules: ../../rules/yishui-2015.yaml\n"),
	    CY ":1:49: unknown key \"phone\" (expected code, name, contact, hotline)");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县}\n"
	    "year: 2015\nrules: ../../rules/yishui-2015.yaml\n"),
	    CY ":1:9: county.contact is missing");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县, contact: \"\"}\n"
	    "year: 2015\nrules: ../../rules/yishui-2015.yaml\n"),
	    CY ":1:46: county.contact is empty: fill it in");
	ck_assert_str_eq(C("county: {code: \"37132\", name: 沂水县, contact: x}\n"
	    "year: 2015\nrules: ../../rules/yishui-2015.yaml\n"),
	    CY ":1:16: county.code must be 6 digits, not \"37132\"");
	ck_assert_str_eq(C("county: {code: \"371324\", name: 沂水县, contact: x}\n"
	    "year: 2015\nrules: ../../rules/yishui-2015.yaml\n"),
	    CY ":1:16: the code 371324 is not the folder's: the folder is named "
	    "county-371323, and must be named county-371324");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县, contact: [x]}\n"
	    "year: 2015\nrules: ../../rules/yishui-2015.yaml\n"),
	    CY ":1:46: expected a single value, not a list");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县, contact: x}\n"
	    "year: last\nrules: ../../rules/yishui-2015.yaml\n"),
	    CY ":2:7: expected a whole number from 1949 to 9999, not \"last\"");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县, contact: x}\n"
	    "rules: ../../rules/yishui-2015.yaml\n"),
	    CY ":1:1: year: is missing");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县, contact: x}\n"
	    "year: 2015\n"),
	    CY ":1:1: rules: is missing (the rules file of the year, relative to "
	    "this file)");
	ck_assert_str_eq(C(COUNTY_MIN "previous_year: 2015\n"),
	    CY ":4:16: previous_year 2015 must come before year 2015");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县, contact: x}\n"
	    "year: 2015\nrules: ../../rules/yishui-2016.yaml\n"),
	    CY ":3:8: rules: \"../../rules/yishui-2016.yaml\" does not exist (looked "
	    "for \"T/2015/county-371323/../../rules/yishui-2016.yaml\")");
	ck_assert_str_eq(C("county: {code: \"371323\", name: 沂水县, contact: x}\n"
	    "year: 2015\nrules: \"\"\n"),
	    CY ":3:8: rules: expected a path relative to this file");
	ck_assert_str_eq(C(COUNTY_MIN "columns: ../../rules\n"),
	    CY ":4:10: columns: \"../../rules\" is not a regular file");
	ck_assert_str_eq(C(COUNTY_MIN "rules_by_town: {\"37132310\": ../../rules/xujiahu-2015.yaml}\n"),
	    CY ":4:17: rules_by_town: \"37132310\" is not a town code (9 digits)");
	ck_assert_str_eq(C(COUNTY_MIN "rules_by_town: {\"371324106\": ../../rules/xujiahu-2015.yaml}\n"),
	    CY ":4:17: rules_by_town: town 371324106 is not in county 371323");
	ck_assert_str_eq(C(COUNTY_MIN "rules_by_town: {\"371323106\": ../rules/xujiahu-2015.yaml}\n"),
	    CY ":4:30: rules_by_town: \"../rules/xujiahu-2015.yaml\" does not exist "
	    "(looked for \"T/2015/county-371323/../rules/xujiahu-2015.yaml\")");
	ck_assert_str_eq(C(COUNTY_MIN "publicity: {start: 2015-06-21}\n"),
	    CY ":4:12: a period needs start and end dates");
	ck_assert_str_eq(C(COUNTY_MIN "publicity: {start: 2015-06-21, end: 2015-06-25, closed: soon}\n"),
	    CY ":4:57: expected a date like 2015-06-03, not \"soon\"");
	ck_assert_str_eq(C(COUNTY_MIN "towns: {\"371323105\": {quota: many}}\n"),
	    CY ":4:30: expected a whole number from 0 to 1000000000, not \"many\"");
	ck_assert_str_eq(C(COUNTY_MIN "towns: {\"371323105\": {}}\n"),
	    CY ":4:22: towns.371323105.quota is missing (the people handed down to "
	    "the town)");
	ck_assert_str_eq(C(COUNTY_MIN "audit: {sample: {help: 3, not_helped: 2}}\n"),
	    CY ":4:17: audit.sample.exiting is missing (the households drawn per "
	    "village)");
	ck_assert_str_eq(C(COUNTY_MIN "audit: {seed: \"a\\nb\"}\n"),
	    CY ":4:15: audit.seed: a line end in the value");
	ck_assert_str_eq(C(COUNTY_MIN "as_of: 2015-13-01\n"),
	    CY ":4:8: expected a date like 2015-06-03, not \"2015-13-01\"");
	ck_assert_str_eq(C(""), CY ": empty file: a county.yaml needs county:, "
	    "year: and rules:");
}
END_TEST

START_TEST(area_town_errors)
{
	ck_assert_str_eq(T(TOWN_MIN "year: 2015\n"),
	    TY ":2:1: unknown key \"year\" (expected town, publicity, audit)");
	ck_assert_str_eq(T("town: {code: \"371323105\", name: 临涧镇}\n"),
	    TY ":1:7: town.contact is missing");
	ck_assert_str_eq(T("town: {code: \"371323105\", name: \"\", contact: x}\n"),
	    TY ":1:33: town.name is empty: fill it in");
	ck_assert_str_eq(T("town: {code: \"371323106\", name: 临涧镇, contact: x}\n"),
	    TY ":1:14: the code 371323106 is not the folder's: the folder is named "
	    "town-371323105, and must be named town-371323106");
	ck_assert_str_eq(T("town: {code: 371323105, name: 临涧镇, contact: x}\n"
	    "publicity: {start: 2015-06-20, end: 2015-06-14}\n"),
	    TY ":2:37: the period ends before it starts");
	ck_assert_str_eq(T(TOWN_MIN "audit: {sample: {help: -1, not_helped: 1, exiting: 1}}\n"),
	    TY ":2:24: expected a whole number from 0 to 1000000, not \"-1\"");
	ck_assert_str_eq(T(TOWN_MIN "audit: [1]\n"),
	    TY ":2:8: expected a mapping (key: value)");
	ck_assert_str_eq(load_area(COUNTY_MIN, NULL, VILLAGES_MIN),
	    "T/2015/371323105201: village 371323105201 is in a county's area, and "
	    "its town's file T/2015/town-371323105/town.yaml does "
	    "not exist");
	ck_assert_str_eq(load_area(NULL, TOWN_MIN, VILLAGES_MIN),
	    "T/2015/371323105201: village 371323105201 is in a county's area, and "
	    "its county's file T/2015/county-371323/county.yaml "
	    "does not exist");
}
END_TEST

/* A town whose folder is right but not in the county given; a missing
 * villages.csv. */
START_TEST(area_town_place)
{
	char *dir = area_folder(COUNTY_MIN, TOWN_MIN, NULL, 0);
	char vdir[1024], err[4096];
	struct area a;

	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	ck_assert_int_eq(area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO,
	    err, sizeof err), -1);
	ck_assert_str_eq(masked(err), "T/2015/town-371323105/town.yaml: "
	    "T/2015/town-371323105/villages.csv does not exist: a "
	    "town folder holds the list of its villages (tpa-area(5))");
	/* --town DIR names another town than the village's */
	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	ck_assert_int_eq(area_load(&a, vdir, "371323106201", vdir, NULL, ENC_AUTO,
	    err, sizeof err), -1);
	ck_assert_str_eq(masked(err), "T/2015/371323105201: village 371323106201 "
	    "is in a county's area, and its town's file "
	    "T/2015/371323105201/town.yaml does not exist");
	test_rmtree(dir);
}
END_TEST

/* villages.csv: each bad cell names FILE:LINE and its column, every one
 * of a file in one message. */
START_TEST(area_villages_errors)
{
	ck_assert_str_eq(V("village_code,name,population\n"),
	    VC ":1: required column key_village (重点村) is missing");
	ck_assert_str_eq(V(VILLAGES_MIN "371323105201,双河村,many,是\n"),
	    VC ":2: population: \"many\" is not a whole number");
	ck_assert_str_eq(V(VILLAGES_MIN "371323105201,双河村,2.5,是\n"),
	    VC ":2: population: \"2.5\" is not a whole number");
	ck_assert_str_eq(V(VILLAGES_MIN "371323105201,双河村,29,也许\n"),
	    VC ":2: key_village: \"也许\" is not 是 or 否 (yes or no)");
	ck_assert_str_eq(V(VILLAGES_MIN "371323105201,双河村,29,\n"),
	    VC ":2: key_village: empty: write 是 (a key poor village) or 否");
	ck_assert_str_eq(V(VILLAGES_MIN "3.71323E+11,双河村,29,是\n"),
	    VC ":2: village_code: \"3.71323E+11\" is not a village code (12 "
	    "digits; a spreadsheet may have turned it into a number: format the "
	    "column as text)");
	ck_assert_str_eq(V(VILLAGES_MIN "371323106201,双河村,29,是\n"),
	    VC ":2: village_code: village 371323106201 is not in town 371323105");
	ck_assert_str_eq(V(VILLAGES_MIN "371323105201,,29,是\n"),
	    VC ":2: name: empty: the village's name is needed");
	ck_assert_str_eq(V(VILLAGES_MIN "371323105201,双河村,29,是\n"
	    "371323105201,双河,29,是\n"),
	    VC ":3: village_code: village 371323105201 is listed twice (first at "
	    "line 2)");
	ck_assert_str_eq(V(VILLAGES_MIN "371323105201,双河村,29,是,1\n"),
	    VC ":2: the row has 5 cells, the header 4");
	ck_assert_str_eq(V("村代码,村名,人口,重点村,乡镇公示开始日期\n"
	    "371323105201,双河村,29,是,6月14日\n"),
	    VC ":2: town_start (乡镇公示开始日期): \"6月14日\" is not a date "
	    "(2015-06-14, 2015/6/14, 2015年6月14日)");
	ck_assert_str_eq(V("village_code,name,population,key_village,town_end\n"
	    "371323105201,双河村,29,是,2015-06-20\n"),
	    VC ":2: town_start: empty, and T/2015/town-371323105/"
	    "town.yaml gives no town posting period: give both town_start and "
	    "town_end");
	ck_assert_str_eq(V("village_code,name,population,key_village,town_start,town_end\n"
	    "371323105201,双河村,29,是,2015-06-20,2015-06-14\n"),
	    VC ":2: town_end: the town posting ends (2015-06-14) before it starts "
	    "(2015-06-20)");
	ck_assert_str_eq(V("village_code,name,population,key_village,town_closed\n"
	    "371323105201,双河村,29,是,2015-06-20\n"),
	    VC ":2: town_closed: closed, but there is no town posting period "
	    "(town_start, town_end, or town.yaml's publicity)");
	ck_assert_str_eq(V("village_code,name,population,key_village,posted_town\n"
	    "371323105201,双河村,29,是,0a1b-2c3d\n"),
	    VC ":2: posted_town: \"0a1b-2c3d\" is not a fingerprint (32 hex "
	    "digits, as the notice prints them in groups of four)");
	ck_assert_str_eq(V("village_code,name,population,key_village,previous_code\n"
	    "371323105201,双河村,29,是,371323105291;371323105292\n"),
	    VC ":2: previous_code: PREVIOUS_AMBIGUOUS: \"371323105291;371323105292\" "
	    "names several villages: a merger of villages is not supported; give "
	    "one village's code");
	ck_assert_str_eq(V("village_code,name,population,key_village,previous_code\n"
	    "371323105201,双河村,29,是,371323105299\n"
	    "371323105202,石桥村,29,是,371323105299\n"),
	    VC ":3: previous_code: PREVIOUS_AMBIGUOUS: villages 371323105201 (line "
	    "2) and 371323105202 both take last year's registry of 371323105299: "
	    "a split of a village is not supported");
	/* several bad cells: all of them, one line each */
	ck_assert_str_eq(V(VILLAGES_MIN "371323105201,双河村,x,是\n"
	    "371323105202,石桥村,29,maybe\n"),
	    VC ":2: population: \"x\" is not a whole number\n"
	    VC ":3: key_village: \"maybe\" is not 是 or 否 (yes or no)");
	ck_assert_str_eq(V(""), VC ":1: empty file: a header row is required");
}
END_TEST

/* villages.csv saved by Chinese Excel: GBK, Chinese headers, CRLF. */
START_TEST(area_villages_gbk)
{
	static const char utf8[] =
	    "村代码,村名,人口,户数,重点村,指标,上年村代码\r\n"
	    "371323105201,双河村,2937,812,是,20,\r\n"
	    "371323105202,石桥村,980,260,否,,371323105299\r\n";
	char gbk[512], *in = (char *)utf8, *out = gbk;
	size_t inleft = sizeof utf8 - 1, outleft = sizeof gbk;
	iconv_t cd = iconv_open("GBK", "UTF-8");
	char *dir, vdir[1024], err[4096];
	struct area a;

	ck_assert(cd != (iconv_t)-1);
	ck_assert(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	iconv_close(cd);
	dir = area_folder(COUNTY_MIN, TOWN_MIN, gbk, sizeof gbk - outleft);
	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	ck_assert_msg(area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO,
	    err, sizeof err) == 0, "%s", err);
	ck_assert_uint_eq(a.town.nvillages, 2);
	ck_assert_str_eq(a.village->name, "双河村");
	ck_assert_int_eq(a.village->population, 2937);
	ck_assert_int_eq(a.village->households, 812);
	ck_assert_int_eq(a.village->key_village, 1);
	ck_assert_int_eq(a.village->quota, 20);
	ck_assert_str_eq(a.town.village[1].name, "石桥村");
	ck_assert_int_eq(a.town.village[1].key_village, 0);
	ck_assert_str_eq(a.town.village[1].previous_code, "371323105299");
	area_free(&a);
	test_rmtree(dir);
}
END_TEST

/* The entries' fingerprints: lines checked by hand, and their SHA-256 as
 * `printf '...' | sha256sum` gives it. */
START_TEST(area_fingerprints)
{
	char *dir = area_folder(good_county, good_town, good_villages,
	    sizeof good_villages - 1);
	char vdir[1024], err[4096];
	struct strbuf b = { 0 };
	struct area_entry e;
	struct area a;
	const char *path, *key;
	char keybuf[32];

	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	ck_assert_msg(area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO,
	    err, sizeof err) == 0, "%s", err);
	area_village_lines(a.village, &b);
	ck_assert_str_eq(b.s,
	    "village_code=371323105201\nname=双河村\npopulation=2937\n"
	    "households=812\nkey_village=yes\nquota=20\ntown_start=2015-06-14\n"
	    "town_end=2015-06-20\ntown_closed=2015-06-22\nprevious_code=\n"
	    "posted_village=0a1b2c3d4e5f60718293a4b5c6d7e8f9\nposted_town=\n");
	area_village_entry(&a.town, a.village, vdir, &e);
	ck_assert_str_eq(e.ref, "../town-371323105/villages.csv#371323105201");
	ck_assert_str_eq(e.sha256,
	    "05390b2f9c499ea5575b8e6b2c314156dcdd270eefd7a846d6741c44f4da9c86");
	area_entry_free(&e);
	ck_assert_int_eq(area_county_entry(&a.county, "rules_by_town.371323106",
	    vdir, &e), 0);
	ck_assert_str_eq(e.ref, "../county-371323/county.yaml#rules_by_town.371323106");
	ck_assert_str_eq(e.sha256,
	    "134a253d058c9e5483b97631ca8de8889445bd38735583f1eca156d05be0376a");
	area_entry_free(&e);
	ck_assert_int_eq(area_county_entry(&a.county, "towns.371323105", vdir, &e), 0);
	ck_assert_str_eq(e.sha256,
	    "d1348e5ae2a0bc633bb06168d299780be36284a3c6b354f7e1299207e1928a0d");
	area_entry_free(&e);
	ck_assert_int_eq(area_county_entry(&a.county, "towns.371323106", vdir, &e), -1);
	ck_assert_int_eq(area_county_entry(&a.county, "quota", vdir, &e), -1);
	strbuf_reset(&b);
	ck_assert_int_eq(area_county_lines(&a.county, "audit", &b), 0);
	ck_assert_str_eq(b.s, "sample.help=3\nsample.not_helped=2\n"
	    "sample.exiting=1\nseed=2015-06-26 福彩3D 418\n");
	strbuf_reset(&b);
	ck_assert_int_eq(area_county_lines(&a.county, "publicity", &b), 0);
	ck_assert_str_eq(b.s, "start=2015-06-21\nend=2015-06-25\nclosed=\n");
	area_county_rules_for(&a.county, "371323106", &path, &key, keybuf);
	ck_assert_str_eq(key, "rules_by_town.371323106");
	ck_assert_str_eq(path, a.county.rules_by_town[0].rules_path);
	area_county_rules_for(&a.county, "371323105", &path, &key, keybuf);
	ck_assert_str_eq(key, "rules");
	ck_assert_str_eq(path, a.county.rules_path);
	/* a change to another village's row changes nothing here; this
	 * village's own cells do */
	area_free(&a);
	strbuf_free(&b);
	test_rmtree(dir);
}
END_TEST

/* The county's columns file names villages.csv's headers too; 村名 is a
 * village's name only there. */
START_TEST(area_villages_columns)
{
	ck_assert_str_eq(load_area(good_county, good_town,
	    "village_code,村子,population,key_village\n371323105201,双河村,1,是\n"), "");
	ck_assert_str_eq(load_area(COUNTY_MIN, TOWN_MIN,
	    "village_code,村子,population,key_village\n371323105201,双河村,1,是\n"),
	    VC ":1: required column name (村名) is missing");
	/* elsewhere 村名 and 人口 are no column of tpa's */
	{
		struct column_aliases *a = aliases_new(), *v = aliases_new_villages();

		ck_assert_ptr_null(aliases_canonical(a, "村名", strlen("村名")));
		ck_assert_ptr_null(aliases_canonical(a, "人口", strlen("人口")));
		ck_assert_str_eq(aliases_canonical(a, "户籍人口", strlen("户籍人口")),
		    "population");
		ck_assert_str_eq(aliases_canonical(v, "村名", strlen("村名")), "name");
		ck_assert_str_eq(aliases_canonical(v, "姓名", strlen("姓名")), "name");
		ck_assert_str_eq(aliases_first(v, "name"), "村名");
		ck_assert_str_eq(aliases_first(a, "name"), "姓名");
		aliases_free(a);
		aliases_free(v);
	}
}
END_TEST


/* Replace the first FROM in file PATH by TO. */
static void
fill_in(const char *path, const char *from, const char *to)
{
	char *s = test_slurp(path, NULL), *at;
	struct strbuf b = { 0 };

	ck_assert_ptr_nonnull(s);
	at = strstr(s, from);
	ck_assert_msg(at != NULL, "%s: no %s", path, from);
	strbuf_add(&b, s, (size_t)(at - s));
	strbuf_puts(&b, to);
	strbuf_puts(&b, at + strlen(from));
	test_write(path, b.s);
	strbuf_free(&b);
	free(s);
}

/* What tpa-init --county and --town write, the loader reads: refused until
 * the required values are filled in, then loaded, with every commented
 * line uncommented too. */
START_TEST(area_init_round_trip)
{
	char *dir = area_folder(NULL, NULL, NULL, 0);
	char cdir[512], tdir[512], vdir[512], path[1100], err[4096];
	struct init_options o;
	struct area_county c;
	struct area a;

	snprintf(cdir, sizeof cdir, "%s/2016/county-371323", dir);
	snprintf(tdir, sizeof tdir, "%s/2016/town-371323105", dir);
	snprintf(vdir, sizeof vdir, "%s/2016/371323105201", dir);
	memset(&o, 0, sizeof o);
	o.dir = cdir;
	o.county = "371323";
	o.year = "2016";
	o.quiet = 1;
	ck_assert_int_eq(init_run(&o), 0);
	o.dir = tdir;
	o.county = NULL;
	o.town = "371323105";
	ck_assert_int_eq(init_run(&o), 0);
	ck_assert_int_eq(mkdir(vdir, 0700), 0);
	ck_assert_int_eq(area_load(&a, vdir, "371323105201", NULL, NULL,
	    ENC_AUTO, err, sizeof err), -1);
	ck_assert_str_eq(masked(err),
	    "T/2016/county-371323/county.yaml:8:9: county.name is empty: fill it in");
	snprintf(path, sizeof path, "%s/county.yaml", cdir);
	fill_in(path, "name: \"\"", "name: 沂水县");
	ck_assert_int_eq(area_county_load(&c, cdir, err, sizeof err), -1);
	ck_assert_str_eq(masked(err),
	    "T/2016/county-371323/county.yaml:9:12: county.contact is empty: fill it in");
	fill_in(path, "contact: \"\"", "contact: 沂水县扶贫办 0539-2251369");
	ck_assert_int_eq(area_county_load(&c, cdir, err, sizeof err), -1);
	ck_assert_str_eq(masked(err),
	    "T/2016/county-371323/county.yaml:13:8: rules: expected a path "
	    "relative to this file");
	fill_in(path, "rules: \"\"", "rules: ../../rules/yishui-2015.yaml");
	ck_assert_msg(area_county_load(&c, cdir, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(c.year, 2016);
	ck_assert_int_eq(c.previous_year, 2015);
	area_county_free(&c);
	/* every optional line, uncommented as written */
	fill_in(path, "  # hotline:", "  hotline:");
	fill_in(path, "# previous_year:", "previous_year:");
	fill_in(path, "# rules_by_town:", "rules_by_town:");
	fill_in(path, "#   \"371323101\": ../../rules/RULES.yaml",
	    "  \"371323101\": ../../rules/xujiahu-2015.yaml");
	fill_in(path, "# columns:", "columns:");
	fill_in(path, "# publicity:", "publicity:");
	fill_in(path, "#   start:", "  start:");
	fill_in(path, "#   end:", "  end:");
	fill_in(path, "#   closed:", "  closed:");
	fill_in(path, "# towns:", "towns:");
	fill_in(path, "#   \"371323101\": {quota", "  \"371323101\": {quota");
	fill_in(path, "# audit:", "audit:");
	fill_in(path, "#   sample:", "  sample:");
	fill_in(path, "#   seed: \"\"", "  seed: \"2016-06-26\"");
	fill_in(path, "# as_of:", "as_of:");
	ck_assert_msg(area_county_load(&c, cdir, err, sizeof err) == 0, "%s", err);
	ck_assert_str_eq(c.hotline, "12317");
	ck_assert_int_eq(c.previous_year, 2015);
	ck_assert_uint_eq(c.nrules_by_town, 1);
	ck_assert_str_eq(c.columns, "../../columns.yaml");
	ck_assert_int_eq(c.publicity.closed, date_days(2016, 6, 26));
	ck_assert(area_period_closed(&c.publicity));
	ck_assert_int_eq(c.towns[0].quota, 120);
	ck_assert_int_eq(c.audit.not_helped, 2);
	ck_assert_int_eq(c.as_of, date_days(2016, 7, 1));
	area_county_free(&c);
	/* the town */
	ck_assert_int_eq(area_load(&a, vdir, "371323105201", NULL, NULL,
	    ENC_AUTO, err, sizeof err), -1);
	ck_assert_str_eq(masked(err),
	    "T/2016/town-371323105/town.yaml:8:9: town.name is empty: fill it in");
	snprintf(path, sizeof path, "%s/town.yaml", tdir);
	fill_in(path, "name: \"\"", "name: 临涧镇");
	fill_in(path, "contact: \"\"", "contact: 临涧镇扶贫办");
	/* villages.csv as written: its header alone, no village yet */
	ck_assert_msg(area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO,
	    err, sizeof err) == 0, "%s", err);
	ck_assert_uint_eq(a.town.nvillages, 0);
	ck_assert_ptr_null(a.village);
	area_free(&a);
	fill_in(path, "# publicity:", "publicity:");
	fill_in(path, "#   start:", "  start:");
	fill_in(path, "#   end:", "  end:");
	fill_in(path, "#   closed:", "  closed:");
	fill_in(path, "# audit:", "audit:");
	fill_in(path, "#   sample:", "  sample:");
	fill_in(path, "#   seed:", "  seed:");
	snprintf(path, sizeof path, "%s/villages.csv", tdir);
	fill_in(path, "乡镇公示指纹\n", "乡镇公示指纹\n"
	    "371323105201,双河村,2937,812,是,20,,,,,,\n");
	ck_assert_msg(area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO,
	    err, sizeof err) == 0, "%s", err);
	ck_assert_ptr_nonnull(a.village);
	ck_assert_int_eq(a.village->population, 2937);
	ck_assert_int_eq(a.village->households, 812);
	ck_assert_int_eq(a.village->quota, 20);
	ck_assert_int_eq(a.village->town.start, date_days(2016, 6, 14));
	ck_assert(area_period_closed(&a.village->town));
	ck_assert_int_eq(a.town.audit.help, 3);
	area_free(&a);
	test_rmtree(dir);
}
END_TEST

/* A closing date on or before the end loads (the audit's DATE_ORDER) but
 * closes nothing. */
START_TEST(area_closed_early)
{
	static const char villages[] = "village_code,name,population,key_village,town_closed\n"
	    "371323105201,双河村,1,是,\n371323105202,石桥村,1,是,2015-06-21\n";
	char *dir = area_folder(COUNTY_MIN, TOWN_MIN
	    "publicity: {start: 2015-06-14, end: 2015-06-20, closed: 2015-06-20}\n",
	    villages, sizeof villages - 1);
	char vdir[1024], err[4096];
	struct area a;

	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	ck_assert_msg(area_load(&a, vdir, "371323105201", NULL, NULL, ENC_AUTO,
	    err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(a.village->town.closed, date_days(2015, 6, 20));
	ck_assert(!area_period_closed(&a.village->town));
	ck_assert(!area_period_closed(&a.town.publicity));
	ck_assert(area_period_closed(&a.town.village[1].town));
	area_free(&a);
	test_rmtree(dir);
}
END_TEST


/* The entries a stage records for a village in an area are checked again
 * by computing each from its file: the same SHA-256, and an edit of
 * another village's row changes nothing. */
START_TEST(area_entries_verified)
{
	char *dir = area_folder(good_county, good_town, good_villages,
	    sizeof good_villages - 1);
	char vdir[1024], err[2048], sha[DIGEST_HEX];
	struct village v;
	struct area a;
	struct area_entry e[VILLAGE_AREA_NENTRIES];
	size_t n;

	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	test_write_in(vdir, "village.yaml", "village:\n  code: \"371323105201\"\n"
	    "  name: 双河村\nyear: 2015\n");
	ck_assert_int_eq(village_load(&v, vdir, err, sizeof err), 0);
	ck_assert_msg(village_area_apply(&v, &a, NULL, NULL, ENC_AUTO, err,
	    sizeof err) == 1, "%s", err);
	ck_assert_int_eq(v.population, 2937);
	ck_assert_int_eq(v.quota, 20);
	ck_assert_int_eq(v.key_village, 1);
	ck_assert_str_eq(v.contact_town, "临涧镇扶贫办 孙主任 0539-2516018");
	ck_assert_str_eq(v.hotline, "12317");
	n = village_area_entries(&v, &a, vdir, e);
	ck_assert_uint_eq(n, 7);   /* row, town, county, year, rules, publicity, columns */
	ck_assert_str_eq(e[0].ref, "../town-371323105/villages.csv#371323105201");
	ck_assert_str_eq(e[1].ref, "../town-371323105/town.yaml#town");
	ck_assert_str_eq(e[4].ref, "../county-371323/county.yaml#rules");
	for (size_t i = 0; i < n; i++) {
		ck_assert_uint_ne(provenance_entry_file(e[i].ref), 0);
		ck_assert_msg(village_area_entry_digest(vdir, e[i].ref, sha) == 0,
		    "%s", e[i].ref);
		ck_assert_str_eq(sha, e[i].sha256);
	}
	/* Another village's row edited: this one's entry is the same. */
	{
		char path[1024];
		FILE *fp;

		snprintf(path, sizeof path, "%s/2015/town-371323105/villages.csv", dir);
		fp = fopen(path, "ab");
		ck_assert_ptr_nonnull(fp);
		fputs("371323105203,新村,100,30,否,1,,,,,,,\n", fp);
		ck_assert_int_eq(fclose(fp), 0);
	}
	ck_assert_int_eq(village_area_entry_digest(vdir, e[0].ref, sha), 0);
	ck_assert_str_eq(sha, e[0].sha256);
	ck_assert_int_eq(village_area_entry_digest(vdir,
	    "../town-371323105/villages.csv#371323105209", sha), -1);
	ck_assert_int_eq(village_area_entry_digest(vdir,
	    "../county-371323/county.yaml#nothing", sha), -1);
	for (size_t i = 0; i < n; i++)
		area_entry_free(&e[i]);
	area_free(&a);
	village_free(&v);
	/* What names an entry, and what is a file name holding '#'. */
	ck_assert_uint_eq(provenance_entry_file("villages.csv#1"), 12);
	ck_assert_uint_eq(provenance_entry_file("../c/county.yaml#rules_by_town.371323106"), 16);
	ck_assert_uint_eq(provenance_entry_file("my villages.csv#1"), 0);
	ck_assert_uint_eq(provenance_entry_file("a#b.csv"), 0);
	ck_assert_uint_eq(provenance_entry_file("town.yaml#"), 0);
	ck_assert_uint_eq(provenance_entry_file("town.yaml#a/b"), 0);
	test_rmtree(dir);
}
END_TEST

/* An area loaded once gives a village the facts village_area_apply()
 * gives, and the recorded entries the SHA-256 read from the files; a
 * reference written otherwise, or another town's, is not the area's. */
START_TEST(area_entries_loaded)
{
	char *dir = area_folder(good_county, good_town, good_villages,
	    sizeof good_villages - 1);
	char vdir[1024], err[2048], sha[DIGEST_HEX], *town, *county;
	struct village v, w;
	struct area a, b;
	struct area_entry e[VILLAGE_AREA_NENTRIES], t;
	size_t n;

	snprintf(vdir, sizeof vdir, "%s/2015/371323105201", dir);
	test_write_in(vdir, "village.yaml", "village:\n  code: \"371323105201\"\n"
	    "  name: 双河村\nyear: 2015\n");
	ck_assert_int_eq(village_load(&v, vdir, err, sizeof err), 0);
	ck_assert_int_eq(village_load(&w, vdir, err, sizeof err), 0);
	ck_assert_msg(village_area_apply(&v, &a, NULL, NULL, ENC_AUTO, err,
	    sizeof err) == 1, "%s", err);
	area_dirs(vdir, "371323105201", NULL, NULL, &town, &county);
	ck_assert_msg(area_load(&b, vdir, "371323105201", town, county, ENC_AUTO,
	    err, sizeof err) == 0, "%s", err);
	b.village = NULL;
	ck_assert_msg(village_area_apply_loaded(&w, &b, town, county, err,
	    sizeof err) == 1, "%s", err);
	ck_assert_ptr_eq(b.village, area_town_village(&b.town, "371323105201"));
	ck_assert_int_eq(w.population, v.population);
	ck_assert_int_eq(w.quota, v.quota);
	ck_assert_str_eq(w.contact_town, v.contact_town);
	ck_assert_str_eq(w.rules_path, v.rules_path);
	area_town_entry(&b.town, vdir, &t);
	ck_assert_str_eq(t.ref, "../town-371323105/town.yaml#town");
	n = village_area_entries(&w, &b, vdir, e);
	ck_assert_str_eq(e[1].ref, t.ref);
	ck_assert_str_eq(e[1].sha256, t.sha256);
	area_entry_free(&t);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(village_area_loaded_digest(&b, vdir, e[i].ref, sha) == 0,
		    "%s", e[i].ref);
		ck_assert_str_eq(sha, e[i].sha256);
		ck_assert_int_eq(village_area_entry_digest(vdir, e[i].ref, sha), 0);
		ck_assert_str_eq(sha, e[i].sha256);
	}
	ck_assert_int_eq(village_area_loaded_digest(&b, vdir,
	    "../../2015/town-371323105/villages.csv#371323105201", sha), -1);
	ck_assert_int_eq(village_area_entry_digest(vdir,
	    "../../2015/town-371323105/villages.csv#371323105201", sha), 0);
	ck_assert_str_eq(sha, e[0].sha256);
	ck_assert_int_eq(village_area_loaded_digest(&b, vdir,
	    "../town-371323106/villages.csv#371323105201", sha), -1);
	ck_assert_int_eq(village_area_loaded_digest(&b, vdir,
	    "../town-371323105/villages.csv#371323105209", sha), -1);
	ck_assert_int_eq(village_area_loaded_digest(&b, vdir,
	    "../county-371323/county.yaml#nothing", sha), -1);
	for (size_t i = 0; i < n; i++)
		area_entry_free(&e[i]);
	free(town);
	free(county);
	area_free(&a);
	area_free(&b);
	village_free(&v);
	village_free(&w);
	test_rmtree(dir);
}
END_TEST

Suite *
suite_area(void)
{
	Suite *s = suite_create("area");
	TCase *t = tcase_create("core");

	tcase_add_test(t, area_good);
	tcase_add_test(t, area_defaults);
	tcase_add_test(t, area_county_errors);
	tcase_add_test(t, area_town_errors);
	tcase_add_test(t, area_town_place);
	tcase_add_test(t, area_villages_errors);
	tcase_add_test(t, area_villages_gbk);
	tcase_add_test(t, area_fingerprints);
	tcase_add_test(t, area_villages_columns);
	tcase_add_test(t, area_init_round_trip);
	tcase_add_test(t, area_closed_early);
	tcase_add_test(t, area_entries_verified);
	tcase_add_test(t, area_entries_loaded);
	suite_add_tcase(s, t);
	return s;
}
