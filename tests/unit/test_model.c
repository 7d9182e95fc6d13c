/* strmap, household, pattern, options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "household/roster.h"
#include "stages/options.h"
#include "values/pattern.h"
#include "base/strmap.h"
#include "suites.h"

START_TEST(map_many_keys)
{
	struct strmap m;
	char key[32];
	int inserted;

	strmap_init(&m);
	for (uint32_t i = 0; i < 100000; i++) {
		int n = snprintf(key, sizeof key, "H%u", i);

		strmap_put(&m, key, (size_t)n, i, &inserted);
		ck_assert(inserted);
	}
	for (uint32_t i = 0; i < 100000; i += 7) {
		int n = snprintf(key, sizeof key, "H%u", i);
		uint32_t *v = strmap_get(&m, key, (size_t)n);

		ck_assert_ptr_nonnull(v);
		ck_assert_uint_eq(*v, i);
		ck_assert_str_eq(strmap_key(&m, v), key);
	}
	ck_assert_uint_eq(*strmap_put(&m, "H5", 2, 99, &inserted), 5);
	ck_assert(!inserted);
	ck_assert_ptr_null(strmap_get(&m, "H", 1));
	ck_assert_ptr_null(strmap_get(&m, "H100000", 7));
	strmap_free(&m);
}
END_TEST

START_TEST(households_in_order)
{
	struct roster r;
	const char *cells[2];
	size_t lens[2] = { 1, 1 };
	/* Rows of three households, scattered; heads not first. */
	static const struct { const char *hh, *id, *name; int head; } rows[] = {
		{ "B", "222222222222222222", "b2", 0 },
		{ "A", "333333333333333333", "a3", 0 },
		{ "B", "111111111111111111", "b1", 0 },
		{ "B", "999999999999999999", "bh", 1 },
		{ "A", "000000000000000000", "ah", 1 },
		{ "A-1", "555555555555555555", "x", 1 },
	};
	static const char *const want[] = { "ah", "a3", "x", "bh", "b1", "b2" };
	uint32_t *order;

	roster_init(&r, 2);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		uint32_t h = roster_household(&r, rows[i].hh, strlen(rows[i].hh), i + 2);

		cells[0] = rows[i].hh;
		cells[1] = rows[i].name;
		lens[0] = strlen(rows[i].hh);
		lens[1] = strlen(rows[i].name);
		roster_add(&r, h, i + 2, rows[i].head, rows[i].id, cells, lens);
	}
	ck_assert_uint_eq(r.nhouseholds, 3);
	ck_assert_uint_eq(r.households[0].people, 3);
	ck_assert_uint_eq(r.households[0].heads, 1);
	ck_assert_uint_eq(r.households[0].first_line, 2);
	order = roster_order(&r);
	for (size_t i = 0; i < 6; i++) {
		const char *got[2];
		size_t n[2];

		roster_cells(&r, order[i], got, n);
		ck_assert_str_eq(got[1], want[i]);
		ck_assert_uint_eq(n[1], strlen(want[i]));
		ck_assert_uint_eq(n[0], strlen(got[0]));
	}
	free(order);
	roster_free(&r);
}
END_TEST

/* A roster of one-cell people, one per household ID of IDS, in order. */
static void
roster_of(struct roster *r, const char *const *ids, uint32_t n)
{
	roster_init(r, 1);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t h = roster_household(r, ids[i], strlen(ids[i]), i + 2);
		const char *cells[1] = { ids[i] };
		size_t lens[1] = { strlen(ids[i]) };

		roster_add(r, h, i + 2, 1, NULL, cells, lens);
	}
}

/* Households that come sorted keep their order (no sort is needed), and
 * one out of place among them is still put in its place. */
START_TEST(households_already_sorted)
{
	static const char *const sorted[] = { "H01", "H02", "H10", "H9" };
	static const char *const late[] = { "H01", "H10", "H02" };
	struct roster r;
	uint32_t *order;

	roster_of(&r, sorted, 4);
	order = roster_households_sorted(&r);
	for (uint32_t i = 0; i < 4; i++)
		ck_assert_uint_eq(order[i], i);
	free(order);
	roster_free(&r);

	roster_of(&r, late, 3);
	order = roster_households_sorted(&r);
	ck_assert_uint_eq(order[0], 0);   /* H01 */
	ck_assert_uint_eq(order[1], 2);   /* H02 */
	ck_assert_uint_eq(order[2], 1);   /* H10 */
	free(order);
	roster_free(&r);
}
END_TEST

START_TEST(patterns)
{
	char err[256];
	struct pattern *p = pattern_compile("^(civil_servant|public_institution)$", 0, err, sizeof err);
	struct pattern *zh = pattern_compile("公务员|事业单位", 0, err, sizeof err);
	struct pattern *whole = pattern_compile("[0-9]{3}", PATTERN_WHOLE, err, sizeof err);
	struct pattern *slow = pattern_compile("(a+)+$", 0, err, sizeof err);
	char subject[4096];

	ck_assert_int_eq(pattern_match(p, "civil_servant", 13), 1);
	ck_assert_int_eq(pattern_match(p, "civil_servants", 14), 0);
	ck_assert_int_eq(pattern_match(zh, "县事业单位职工", strlen("县事业单位职工")), 1);
	ck_assert_int_eq(pattern_match(whole, "123", 3), 1);
	ck_assert_int_eq(pattern_match(whole, "1234", 4), 0);
	ck_assert_int_eq(pattern_match(whole, "123\n", 4), 0);
	/* Invalid UTF-8 subject: an error, not "no match". */
	ck_assert_int_eq(pattern_match(zh, "\xFF", 1), -1);
	/* Catastrophic backtracking ends with -1, promptly. */
	memset(subject, 'a', sizeof subject - 2);
	subject[sizeof subject - 2] = '!';
	subject[sizeof subject - 1] = '\0';
	ck_assert_int_eq(pattern_match(slow, subject, strlen(subject)), -1);
	ck_assert_ptr_null(pattern_compile("(abc", 0, err, sizeof err));
	ck_assert_str_eq(err, "bad pattern at offset 4: missing closing parenthesis");
	pattern_free(p);
	pattern_free(zh);
	pattern_free(whole);
	pattern_free(slow);
}
END_TEST

START_TEST(option_forms)
{
	const char *village = NULL, *out = NULL, *q = NULL;
	const struct option opts[] = {
		{ "village", 0, 1, &village },
		{ "output", 'o', 1, &out },
		{ "quiet", 'q', 0, &q },
		{ NULL, 0, 0, NULL },
	};
	char a0[] = "p", a1[] = "in.csv", a2[] = "--village=v.yaml", a3[] = "-q",
	    a4[] = "-oout.csv", a5[] = "-", a6[] = "--", a7[] = "--odd";
	char *argv[] = { a0, a1, a2, a3, a4, a5, a6, a7, NULL };
	int n;

	options_parse(8, argv, opts, "usage\n", &n);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(argv[0], "in.csv");
	ck_assert_str_eq(argv[1], "-");
	ck_assert_str_eq(argv[2], "--odd");
	ck_assert_str_eq(village, "v.yaml");
	ck_assert_str_eq(out, "out.csv");
	ck_assert_str_eq(q, "1");
}
END_TEST

Suite *
suite_strmap(void)
{
	Suite *s = suite_create("strmap");
	TCase *t = tcase_create("core");

	tcase_add_test(t, map_many_keys);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_household(void)
{
	Suite *s = suite_create("household");
	TCase *t = tcase_create("core");

	tcase_add_test(t, households_in_order);
	tcase_add_test(t, households_already_sorted);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_pattern(void)
{
	Suite *s = suite_create("pattern");
	TCase *t = tcase_create("core");

	tcase_set_timeout(t, 20);
	tcase_add_test(t, patterns);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_options(void)
{
	Suite *s = suite_create("options");
	TCase *t = tcase_create("core");

	tcase_add_test(t, option_forms);
	suite_add_tcase(s, t);
	return s;
}
