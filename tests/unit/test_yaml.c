/* yamldoc, village.yaml and column aliases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "rules/columns.h"
#include "values/field.h"
#include "values/date.h"
#include "base/alloc.h"
#include "suites.h"
#include "rules/village.h"
#include "rules/yamldoc.h"

/* SPEC §3's example. */
static const char good_village[] =
"village:\n"
"  code: \"371323105201\"\n"
"  name: 双河村\n"
"  town: 临涧镇\n"
"  county: 沂水县\n"
"  population: 2937\n"
"  key_village: true\n"
"  contact: 村委会 张主任 0539-1234567\n"
"contacts:\n"
"  town: 临涧镇扶贫办 0539-7654321\n"
"  county: 沂水县扶贫办 0539-2222222\n"
"  hotline: \"12317\"\n"
"language: en\n"
"year: 2015\n"
"rules: ../../rules/example-2015.yaml\n"
"columns: ../../columns.yaml\n"
"previous: ../../2014/371323105201/registry\n"
"quota: 1400\n"
"appraisal:\n"
"  date: 2015-06-03\n"
"  representatives: 32\n"
"publicity:\n"
"  village: {start: 2015-06-05, end: 2015-06-11}\n"
"  town:    {start: 2015-06-14, end: 2015-06-20}\n"
"  county:  {start: 2015-06-21, end: 2015-06-25}\n";

/* The minimal village.yaml, to which a test adds one line. */
#define MINIMAL "village:\n  code: \"371323105201\"\nyear: 2015\n"

/* The county folder of the last load_village(), as "T" in its messages. */
static char county[512];

/* Load TEXT as T/2015/371323105201/village.yaml, in a county folder T
 * that holds rules/example-2015.yaml, columns.yaml, a FIFO named fifo and
 * 2014/371323105201/registry/members.csv. Returns the error with T's
 * name replaced by "T", from the village.yaml on, or "" (static). */
static const char *
load_village(const char *text, struct village *v)
{
	static const char *const dirs[] = { "rules", "2014", "2014/371323105201",
		"2014/371323105201/registry", "2015", "2015/371323105201", NULL };
	static const char *const files[] = { "rules/example-2015.yaml",
		"columns.yaml", "2014/371323105201/registry/members.csv", NULL };
	static char err[1024], out[1024];
	char *dir = test_tmpdir(), path[1024];
	size_t o = 0;
	int rc, i;

	snprintf(county, sizeof county, "%s", dir);
	for (i = 0; dirs[i] != NULL; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, dirs[i]);
		ck_assert_int_eq(mkdir(path, 0700), 0);
	}
	for (i = 0; files[i] != NULL; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		test_write(path, "\n");
	}
	snprintf(path, sizeof path, "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	snprintf(path, sizeof path, "%s/2015/371323105201/village.yaml", dir);
	test_write(path, text);
	snprintf(path, sizeof path, "%s/2015/371323105201", dir);
	rc = village_load(v, path, err, sizeof err);
	snprintf(path, sizeof path, "%s/2015/371323105201/village.yaml", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/fifo", dir);
	unlink(path);
	for (i = 0; files[i] != NULL; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	for (i = 0; dirs[i] != NULL; i++)
		;
	while (i-- > 0) {
		snprintf(path, sizeof path, "%s/%s", dir, dirs[i]);
		rmdir(path);
	}
	rmdir(dir);
	free(dir);
	if (rc == 0)
		return "";
	for (const char *e = err; *e != '\0' && o + 1 < sizeof out; ) {
		if (strncmp(e, county, strlen(county)) == 0) {
			out[o++] = 'T';
			e += strlen(county);
		} else {
			out[o++] = *e++;
		}
	}
	out[o] = '\0';
	/* Drop the folder from the message: "village.yaml:L:C: ..." */
	return strstr(out, "village.yaml");
}

START_TEST(village_fields)
{
	struct village v;
	char want[1024];

	ck_assert_str_eq(load_village(good_village, &v), "");
	ck_assert_str_eq(v.code, "371323105201");
	ck_assert_str_eq(v.name, "双河村");
	ck_assert_str_eq(v.town, "临涧镇");
	ck_assert_str_eq(v.county, "沂水县");
	ck_assert_str_eq(v.contact, "村委会 张主任 0539-1234567");
	ck_assert_str_eq(v.contact_town, "临涧镇扶贫办 0539-7654321");
	ck_assert_str_eq(v.contact_county, "沂水县扶贫办 0539-2222222");
	ck_assert_str_eq(v.hotline, "12317");
	ck_assert_int_eq(v.language, VILLAGE_EN);
	ck_assert_int_eq(v.population, 2937);
	ck_assert_int_eq(v.key_village, 1);
	ck_assert_int_eq(v.year, 2015);
	ck_assert_int_eq(v.quota, 1400);
	ck_assert_int_eq(v.representatives, 32);
	ck_assert_int_eq(v.total, -1);
	ck_assert_int_eq(v.appraisal_date, date_days(2015, 6, 3));
	ck_assert_int_eq(v.publicity[0].start, date_days(2015, 6, 5));
	ck_assert_int_eq(v.publicity[2].end, date_days(2015, 6, 25));
	ck_assert_str_eq(v.rules, "../../rules/example-2015.yaml");
	snprintf(want, sizeof want, "%s/2015/371323105201/../../rules/example-2015.yaml", county);
	ck_assert_str_eq(v.rules_path, want);
	snprintf(want, sizeof want, "%s/2015/371323105201/../../columns.yaml", county);
	ck_assert_str_eq(v.columns_path, want);
	snprintf(want, sizeof want, "%s/2015/371323105201/../../2014/371323105201/registry", county);
	ck_assert_str_eq(v.previous, want);
	village_free(&v);
}
END_TEST

/* What is not given: defaults and NULLs. */
START_TEST(village_defaults)
{
	struct village v;

	ck_assert_str_eq(load_village(MINIMAL, &v), "");
	ck_assert_int_eq(v.language, VILLAGE_ZH);
	ck_assert_ptr_null(v.contact);
	ck_assert_ptr_null(v.contact_town);
	ck_assert_ptr_null(v.contact_county);
	ck_assert_ptr_null(v.hotline);
	ck_assert_ptr_null(v.rules);
	ck_assert_ptr_null(v.rules_path);
	ck_assert_ptr_null(v.columns_path);
	ck_assert_ptr_null(v.previous);
	ck_assert_int_eq(v.population, -1);
	ck_assert_int_eq(v.quota, -1);
	village_free(&v);
	ck_assert_str_eq(load_village(MINIMAL "language: zh\ncontacts: {hotline: 12317}\n", &v), "");
	ck_assert_int_eq(v.language, VILLAGE_ZH);
	ck_assert_str_eq(v.hotline, "12317");
	ck_assert_ptr_null(v.contact_town);
	village_free(&v);
	/* previous: names last year's registry folder, never its members.csv */
	ck_assert_ptr_nonnull(strstr(load_village(MINIMAL
	    "previous: ../../2014/371323105201/registry/members.csv\n", &v),
	    "is not a folder"));
}
END_TEST

/* Each new key's errors, and a path that is not there, at FILE:LINE:COL. */
START_TEST(village_new_keys)
{
	struct village v;

	ck_assert_str_eq(load_village(MINIMAL "language: fr\n", &v),
	    "village.yaml:4:11: language must be zh or en, not \"fr\"");
	ck_assert_str_eq(load_village(MINIMAL "language: [zh]\n", &v),
	    "village.yaml:4:11: expected a single value, not a list");
	ck_assert_str_eq(load_village(MINIMAL "contacts: {town: x, phone: y}\n", &v),
	    "village.yaml:4:21: unknown key \"phone\" (expected town, county, hotline)");
	ck_assert_str_eq(load_village(MINIMAL "contacts: 12317\n", &v),
	    "village.yaml:4:11: expected a mapping (key: value)");
	ck_assert_str_eq(load_village(MINIMAL "contacts:\n  county: {a: 1}\n", &v),
	    "village.yaml:5:11: expected a single value, not a mapping");
	ck_assert_str_eq(load_village(MINIMAL "contacts:\n  hotline: \"\\e]0;x\\a\"\n", &v),
	    "village.yaml:5:12: a control character (U+001B) in the value");
	ck_assert_str_eq(load_village(MINIMAL "rules: ../../rules/example-2016.yaml\n", &v),
	    "village.yaml:4:8: rules: \"../../rules/example-2016.yaml\" does not exist "
	    "(looked for \"T/2015/371323105201/../../rules/example-2016.yaml\")");
	ck_assert_str_eq(load_village(MINIMAL "rules: ../../rules\n", &v),
	    "village.yaml:4:8: rules: \"../../rules\" is not a regular file");
	ck_assert_str_eq(load_village(MINIMAL "rules: ../../fifo\n", &v),
	    "village.yaml:4:8: rules: \"../../fifo\" is not a regular file");
	ck_assert_str_eq(load_village(MINIMAL "rules: ''\n", &v),
	    "village.yaml:4:8: rules: expected a path relative to this file");
	ck_assert_str_eq(load_village(MINIMAL "columns: ../columns.yaml\n", &v),
	    "village.yaml:4:10: columns: \"../columns.yaml\" does not exist "
	    "(looked for \"T/2015/371323105201/../columns.yaml\")");
	ck_assert_str_eq(load_village(MINIMAL "columns: ../../2014\n", &v),
	    "village.yaml:4:10: columns: \"../../2014\" is not a regular file");
	ck_assert_str_eq(load_village(MINIMAL "previous: ../../2014/371323105202/registry\n", &v),
	    "village.yaml:4:11: previous: \"../../2014/371323105202/registry\" does not exist "
	    "(looked for \"T/2015/371323105201/../../2014/371323105202/registry\")");
	ck_assert_str_eq(load_village(MINIMAL "previous: ../../columns.yaml/registry\n", &v),
	    "village.yaml:4:11: previous: \"../../columns.yaml/registry\" does not exist "
	    "(looked for \"T/2015/371323105201/../../columns.yaml/registry\")");
	ck_assert_str_eq(load_village(MINIMAL "previous: ../../fifo\n", &v),
	    "village.yaml:4:11: previous: \"../../fifo\" is not a folder (last "
	    "year's registry folder)");
	ck_assert_str_eq(load_village(MINIMAL "previous: [a]\n", &v),
	    "village.yaml:4:11: expected a single value, not a list");
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
	ck_assert_str_eq(load_village("village:\n  code: \"371323105201\"\nyear: 2015\nprevius: x\n", &v),
	    "village.yaml:4:1: unknown key \"previus\" (expected village, contacts, "
	    "language, year, rules, columns, previous, quota, appraisal, publicity)");
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
	    "village.yaml:1:4: this value is named for reuse (&x); anchors and aliases are not supported");
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

/* Load BYTES[0..N) as x.yaml; returns the error or "" (static). */
static const char *
load_err(const char *bytes, size_t n)
{
	static char err[1024];
	struct yamldoc d;
	int rc = yamldoc_load_bytes(&d, "x.yaml", bytes, n);

	snprintf(err, sizeof err, "%s", rc == 0 ? "" : d.err);
	yamldoc_free(&d);
	return err;
}

static const char *
load_str(const char *s)
{
	return load_err(s, strlen(s));
}

/* OPEN N times, MIDDLE, CLOSE N times, a newline; caller frees. */
static char *
nest(const char *open, size_t n, const char *middle, const char *close)
{
	size_t lo = strlen(open), lm = strlen(middle), lc = strlen(close);
	char *s = xmalloc(n * (lo + lc) + lm + 2), *p = s;

	for (size_t i = 0; i < n; i++, p += lo)
		memcpy(p, open, lo);
	memcpy(p, middle, lm);
	p += lm;
	for (size_t i = 0; i < n; i++, p += lc)
		memcpy(p, close, lc);
	*p++ = '\n';
	*p = '\0';
	return s;
}

/* 100,000 levels of [ or {a: are refused at level 65, at once (libyaml
 * alone took 20 s and 45 s); 64 levels load. */
START_TEST(yaml_deep)
{
	char *s;

	s = nest("[", 100000, "", "]");
	ck_assert_str_eq(load_str(s), "x.yaml:1:66: nested more than 64 levels deep");
	free(s);
	/* The key "a" in the mapping at level 64 is at level 65. */
	s = nest("{a: ", 100000, "1", "}");
	ck_assert_str_eq(load_str(s), "x.yaml:1:258: nested more than 64 levels deep");
	free(s);
	/* The root is level 0: 64 levels below it load, a scalar at 65 does not. */
	s = nest("[", 65, "", "]");
	ck_assert_str_eq(load_str(s), "");
	free(s);
	s = nest("[", 65, "1", "]");
	ck_assert_str_eq(load_str(s), "x.yaml:1:66: nested more than 64 levels deep");
	free(s);
	s = nest("- ", 66, "x", "");
	ck_assert_str_eq(load_str(s), "x.yaml:1:131: nested more than 64 levels deep");
	free(s);
}
END_TEST

/* A mapping of 40,000 keys: a duplicate at the end is found, and without
 * it the file loads (the pairwise check took 4 s). */
START_TEST(yaml_wide)
{
	size_t cap = 40000 * 16 + 64, o = 0;
	char *s = xmalloc(cap);
	struct yamldoc d;
	long long v;

	o += (size_t)snprintf(s + o, cap - o, "x:\n");
	for (int i = 0; i < 40000; i++)
		o += (size_t)snprintf(s + o, cap - o, "  k%d: %d\n", i, i);
	ck_assert_int_eq(yamldoc_load_bytes(&d, "x.yaml", s, o), 0);
	ck_assert_int_eq(yamldoc_int(&d, yamldoc_get(&d,
	    yamldoc_get(&d, yamldoc_root(&d), "x"), "k39999"), 0, 99999, &v), 0);
	ck_assert_int_eq(v, 39999);
	yamldoc_free(&d);
	o += (size_t)snprintf(s + o, cap - o, "  k7: 0\n");
	ck_assert_str_eq(load_err(s, o), "x.yaml:40002:3: duplicate key \"k7\" (first at line 9)");
	free(s);
}
END_TEST

/* The duplicate reported is the first one a reader meets, nested or not. */
START_TEST(yaml_duplicate_order)
{
	ck_assert_str_eq(load_str("x: 1\ny: 1\ny: 2\nx: 2\n"),
	    "x.yaml:3:1: duplicate key \"y\" (first at line 2)");
	ck_assert_str_eq(load_str("a:\n  b: 1\n  b: 2\nc: 1\nc: 2\n"),
	    "x.yaml:3:3: duplicate key \"b\" (first at line 2)");
	ck_assert_str_eq(load_str("a: {b: 1}\nc: 1\nd: {c: 1, c: 2}\nc: 2\n"),
	    "x.yaml:3:11: duplicate key \"c\" (first at line 3)");
	ck_assert_str_eq(load_str("k: 1\nk: 2\nk: 3\n"),
	    "x.yaml:2:1: duplicate key \"k\" (first at line 1)");
	ck_assert_str_eq(load_str("a: 1\nb: 2\nc: [1, 1, 1]\n"), "");
	ck_assert_str_eq(load_str("{[a]: 1}\n"), "x.yaml:1:2: a key must be a plain name");
}
END_TEST

/* More than 1,000,000 values are refused before the document is built. */
START_TEST(yaml_node_cap)
{
	size_t n = 1000000;
	char *s = xmalloc(2 * n + 3), *p = s;

	*p++ = '[';
	for (size_t i = 0; i < n; i++) {
		*p++ = '1';
		*p++ = i + 1 < n ? ',' : ']';
	}
	*p++ = '\n';
	ck_assert_str_eq(load_err(s, (size_t)(p - s)),
	    "x.yaml:1:2000000: more than 1000000 values in one file");
	free(s);
}
END_TEST

/* Bytes that are not UTF-8 are placed by line and column. */
START_TEST(yaml_not_utf8)
{
	/* 双河村 in GBK: CB AB decodes as one UTF-8 character, BA does not. */
	ck_assert_str_eq(load_str("a: 1\nname: \xcb\xab\xba\xd3\xb4\xe5\n"),
	    "x.yaml:2:8: byte 0xBA is not UTF-8: the file must be UTF-8 "
	    "(if it was saved as GBK or ANSI, save it as UTF-8)");
	/* Columns count characters, lines count CR LF once; a BOM is no column. */
	ck_assert_str_eq(load_str("\xef\xbb\xbf" "a: 1\r\nb: 双\r\nc: 河\xff\n"),
	    "x.yaml:3:5: byte 0xFF is not UTF-8: the file must be UTF-8 "
	    "(if it was saved as GBK or ANSI, save it as UTF-8)");
	/* A character cut short: placed at its first byte. */
	ck_assert_str_eq(load_str("a: 1\nb: ab\xe5\x8f\nc: 1\n"),
	    "x.yaml:2:6: byte 0xE5 is not UTF-8: the file must be UTF-8 "
	    "(if it was saved as GBK or ANSI, save it as UTF-8)");
	ck_assert_str_eq(load_str("a: 1\nb: ab\xe5\x8f"),
	    "x.yaml:2:6: byte 0xE5 is not UTF-8: the file must be UTF-8 "
	    "(if it was saved as GBK or ANSI, save it as UTF-8)");
	ck_assert_str_eq(load_err("\xff\xfe" "a\0:\0 \0" "1\0", 8),
	    "x.yaml:1:1: the file is UTF-16: the file must be UTF-8 (save it as UTF-8)");
	ck_assert_str_eq(load_str("a: 1\nb: \xc2\x9b\n"),
	    "x.yaml:2:4: a control character (U+009B) in the file; the file must "
	    "be UTF-8 (if it was saved as GBK or ANSI, save it as UTF-8)");
}
END_TEST

START_TEST(yaml_one_document)
{
	ck_assert_str_eq(load_str("a: 1\n---\nb: 2\n"),
	    "x.yaml:2:1: a second YAML document starts here: the file must hold only one");
	ck_assert_str_eq(load_str("---\na: 1\n...\n---\n"),
	    "x.yaml:4:1: a second YAML document starts here: the file must hold only one");
	ck_assert_str_eq(load_str("---\na: 1\n...\n"), "");
	ck_assert_str_eq(load_str("a: 1\n---\n"),
	    "x.yaml:2:1: a second YAML document starts here: the file must hold only one");
}
END_TEST

/* Control characters: escaped in a quoted scalar or raw in the file. */
START_TEST(yaml_control)
{
	struct yamldoc d;
	const char *s;

	ck_assert_str_eq(load_str("title: \"\\e[2J\"\n"),
	    "x.yaml:1:8: a control character (U+001B) in the value");
	ck_assert_str_eq(load_str("- ok\n- \"a\\0b\"\n"),
	    "x.yaml:2:3: a control character (U+0000) in the value");
	ck_assert_str_eq(load_str("a: {\"b\\x07\": 1}\n"),
	    "x.yaml:1:5: a control character (U+0007) in the key");
	ck_assert_str_eq(load_str("a: \"x\\ry\"\n"),
	    "x.yaml:1:4: a control character (U+000D) in the value");
	ck_assert_str_eq(load_str("a: \"x\\x7f\"\n"),
	    "x.yaml:1:4: a control character (U+007F) in the value");
	ck_assert_str_eq(load_str("a: 1\nb: x\x1b[31m\n"),
	    "x.yaml:2:5: a control character (U+001B) in the file");
	/* TAB and LF are text. */
	ck_assert_int_eq(yamldoc_load_bytes(&d, "x.yaml", "a: \"1\\t2\\n3\"\n", 13), 0);
	ck_assert_int_eq(yamldoc_string(&d, yamldoc_get(&d, yamldoc_root(&d), "a"), &s), 0);
	ck_assert_str_eq(s, "1\t2\n3");
	yamldoc_free(&d);
}
END_TEST

START_TEST(yaml_anchors)
{
	ck_assert_str_eq(load_str("a: &x [1]\nb: 2\n"),
	    "x.yaml:1:4: this value is named for reuse (&x); anchors and aliases are not supported");
	ck_assert_str_eq(load_str("a: 1\nb: *x\n"),
	    "x.yaml:2:4: this value is reused through an alias (*x); aliases are not supported");
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

#define CANON(a, s) aliases_canonical((a), (s), strlen(s))

/* A header as a form or a spreadsheet writes it names the same column:
 * full-width letters and brackets, spaces inside (ASCII, U+3000, no-break),
 * a unit that leaves the values' meaning as it is. */
START_TEST(aliases_as_clerks_write_them)
{
	struct column_aliases *a = aliases_new();

	ck_assert_str_eq(CANON(a, "\xef\xbd\x84\xef\xbd\x85\xef\xbd\x83\xef\xbd\x89"
	    "\xef\xbd\x93\xef\xbd\x89\xef\xbd\x8f\xef\xbd\x8e"), "decision");  /* ｄｅｃｉｓｉｏｎ */
	ck_assert_str_eq(CANON(a, "结 论"), "decision");
	ck_assert_str_eq(CANON(a, "结\xe3\x80\x80论"), "decision");           /* U+3000 */
	ck_assert_str_eq(CANON(a, "结\xc2\xa0论"), "decision");                /* U+00A0 */
	ck_assert_str_eq(CANON(a, " 户 编 号 "), "household_id");
	ck_assert_str_eq(CANON(a, "per capita income"), "per_capita_income");
	ck_assert_str_eq(CANON(a, "Per-Capita  Income"), "per_capita_income");
	ck_assert_str_eq(CANON(a, "decision\xe2\x80\x8b"), "decision");       /* U+200B */
	ck_assert_str_eq(CANON(a, "\xef\xbb\xbf结论"), "decision");          /* U+FEFF */
	ck_assert_str_eq(CANON(a, "工资性收入（元）"), "wage_income");
	ck_assert_str_eq(CANON(a, "工资性收入(元)"), "wage_income");
	ck_assert_str_eq(CANON(a, "工资性收入 （元）"), "wage_income");
	ck_assert_str_eq(CANON(a, "工资性收入（元/年）"), "wage_income");
	ck_assert_str_eq(CANON(a, "家庭人口（人）"), "members");
	ck_assert_str_eq(CANON(a, "户数（户）"), "households");
	ck_assert_str_eq(CANON(a, "户籍人口(人)"), "population");
	/* a unit that changes what the values mean, or is not the column's,
	 * is not dropped */
	ck_assert_ptr_null(CANON(a, "工资性收入（万元）"));
	ck_assert_ptr_null(CANON(a, "工资性收入（元/人）"));
	ck_assert_ptr_null(CANON(a, "工资性收入(人)"));
	ck_assert_ptr_null(CANON(a, "户籍人口(户)"));
	ck_assert_ptr_null(CANON(a, "户数(人)"));
	ck_assert_ptr_null(CANON(a, "是否低保(元)"));
	ck_assert_ptr_null(CANON(a, "户编号(人)"));
	ck_assert_ptr_null(CANON(a, "工资性收入（元"));
	ck_assert_ptr_null(CANON(a, "（元）"));
	ck_assert_ptr_null(CANON(a, "结论x"));
	aliases_free(a);
}
END_TEST

/* Every input column of SPEC §3 — objections and votes included — and
 * every column of the lists and the registry reads under its Chinese
 * title (values/field.c title_zh), which is its first alias. */
START_TEST(chinese_title_of_every_column)
{
	static const char *const names[] = { "village_code", "household_id",
		"name", "id_number", "relation", "sex", "birth_date", "health",
		"labor", "education", "in_school", "occupation", "phone", "group",
		"apply_date", "declared_reason", "source", "survey_date",
		"surveyors", "wage_income", "business_income", "property_income",
		"transfer_income", "housing", "drinking_water", "dibao",
		"main_cause", "head_name", "head_id_number", "poverty_line",
		"decision", "reasons", "votes_for", "votes_against",
		"votes_abstain", "rank", "objections", "attribute", "other_causes",
		"status", "year", "registered_since", "exited_year", "about",
		"received", "kind", "summary", "outcome", "decided", "decided_by",
		"members", "per_capita_income" };
	struct column_aliases *a = aliases_new();

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *zh = field_builtin(names[i])->title_zh;
		const char *c = aliases_canonical(a, zh, strlen(zh));

		ck_assert_msg(c != NULL && strcmp(c, names[i]) == 0, "%s: %s", names[i], zh);
		ck_assert_str_eq(aliases_first(a, names[i]), zh);
	}
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
	struct strbuf pairs = { 0 };
	const struct field *cat;
	size_t ncat;

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
			strbuf_printf(&pairs, "\n%s\t%s\n", canonical, alias);
		}
	}
	/* ...and every alias of the column catalogue is in the file. */
	cat = field_catalogue(&ncat);
	for (size_t i = 0; i < ncat; i++) {
		const char *s = cat[i].aliases ? cat[i].aliases : "";

		while (*s != '\0') {
			size_t k = strcspn(s, "|");
			char want[256];

			snprintf(want, sizeof want, "\n%s\t%.*s\n", cat[i].name, (int)k, s);
			ck_assert_msg(strstr(strbuf_str(&pairs), want) != NULL,
			    "%s: %.*s is not in rules/columns.yaml", cat[i].name, (int)k, s);
			s += k + (s[k] == '|');
		}
	}
	strbuf_free(&pairs);
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
	tcase_add_test(t, yaml_duplicate_order);
	tcase_add_test(t, yaml_not_utf8);
	tcase_add_test(t, yaml_one_document);
	tcase_add_test(t, yaml_control);
	tcase_add_test(t, yaml_anchors);
	suite_add_tcase(s, t);
	/* Hostile sizes: the default 4 s per test is the guard against a
	 * return of quadratic loading. */
	t = tcase_create("hostile");
	tcase_add_test(t, yaml_deep);
	tcase_add_test(t, yaml_wide);
	tcase_add_test(t, yaml_node_cap);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_village(void)
{
	Suite *s = suite_create("village");
	TCase *t = tcase_create("core");

	tcase_add_test(t, village_fields);
	tcase_add_test(t, village_defaults);
	tcase_add_test(t, village_new_keys);
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
	tcase_add_test(t, aliases_as_clerks_write_them);
	tcase_add_test(t, chinese_title_of_every_column);
	tcase_add_test(t, shipped_columns_yaml);
	tcase_add_test(t, user_aliases);
	tcase_add_test(t, header_mapping);
	suite_add_tcase(s, t);
	return s;
}
