#include <string.h>

#include "base/strbuf.h"
#include "values/enums.h"
#include "suites.h"

static const char *
code(const struct enum_def *d, const char *s)
{
	int i = enum_lookup(d, s, strlen(s));

	return i < 0 ? NULL : d->values[i].code;
}

START_TEST(codes_and_labels)
{
	ck_assert_str_eq(code(&enum_relation, "户主"), "head");
	ck_assert_str_eq(code(&enum_relation, "head"), "head");
	ck_assert_str_eq(code(&enum_relation, "HEAD"), "head");
	ck_assert_str_eq(code(&enum_relation, "儿媳/女婿"), "child_in_law");
	ck_assert_str_eq(code(&enum_relation, "女婿"), "child_in_law");
	ck_assert_str_eq(code(&enum_relation, "孙子女"), "grandchild");
	ck_assert_str_eq(code(&enum_relation, "兄弟姐妹"), "sibling");
	ck_assert_str_eq(code(&enum_sex, "女"), "female");
	ck_assert_str_eq(code(&enum_health, "患有大病"), "serious");
	ck_assert_str_eq(code(&enum_health, "长期慢性病"), "chronic");
	ck_assert_str_eq(code(&enum_labor, "弱劳动力或半劳动力"), "partial");
	ck_assert_str_eq(code(&enum_labor, "丧失劳动力"), "none");
	ck_assert_str_eq(code(&enum_labor, "无劳动力"), "none");
	ck_assert_str_eq(code(&enum_education, "文盲或半文盲"), "illiterate");
	ck_assert_str_eq(code(&enum_education, "大专及以上"), "college");
	ck_assert_str_eq(code(&enum_in_school, "vocational"), "vocational");
	ck_assert_str_eq(code(&enum_housing, "C级危房"), "c_grade");
	ck_assert_str_eq(code(&enum_housing, "无房"), "none");
	ck_assert_str_eq(code(&enum_cause, "交通条件落后"), "poor_transport");
	ck_assert_str_eq(code(&enum_cause, "自身发展动力不足"), "lack_of_motivation");
	ck_assert_str_eq(code(&enum_attribute, "特困供养(五保)贫困户"), "five_guarantee");
}
END_TEST

START_TEST(unknown_values)
{
	ck_assert_ptr_null(code(&enum_health, "很好"));
	ck_assert_ptr_null(code(&enum_relation, ""));
	ck_assert_ptr_null(code(&enum_relation, "户"));
	ck_assert_ptr_null(code(&enum_sex, "m"));
}
END_TEST

START_TEST(twelve_causes)
{
	char buf[512];

	ck_assert_uint_eq(enum_cause.count, 12);
	ck_assert_ptr_eq(enum_for_field("health"), &enum_health);
	ck_assert_ptr_null(enum_for_field("name"));
	ck_assert_str_eq(enum_codes(&enum_sex, buf, sizeof buf), "male, female");
}
END_TEST

START_TEST(lookup_case_and_width)
{
	/* Codes and ASCII labels in any ASCII case. */
	ck_assert_str_eq(code(&enum_housing, "SAFE"), "safe");
	ck_assert_str_eq(code(&enum_housing, "C_Grade"), "c_grade");
	ck_assert_str_eq(code(&enum_housing, "c级危房"), "c_grade");
	ck_assert_str_eq(code(&enum_housing, "C级危房"), "c_grade");
	ck_assert_str_eq(code(&enum_yes_no, "TRUE"), "yes");
	ck_assert_str_eq(code(&enum_yes_no, "N"), "no");
	ck_assert_str_eq(code(&enum_decision, "Over_Quota"), "over_quota");
	ck_assert_str_eq(code(&enum_objection_outcome, "UPHELD"), "upheld");
	/* Full-width letters, digits and brackets read as ASCII. */
	ck_assert_str_eq(code(&enum_relation, "ＨＥＡＤ"), "head");
	ck_assert_str_eq(code(&enum_relation, "ｈｅａｄ"), "head");
	ck_assert_str_eq(code(&enum_housing, "Ｄ级危房"), "d_grade");
	ck_assert_str_eq(code(&enum_yes_no, "１"), "yes");
	ck_assert_str_eq(code(&enum_attribute, "特困供养（五保）贫困户"), "five_guarantee");
	ck_assert_str_eq(code(&enum_cause, "ＬＡＣＫ＿ＯＦ＿ＬＡＮＤ"), "lack_of_land");
	/* No prefixes, no near misses. */
	ck_assert_ptr_null(code(&enum_housing, "saf"));
	ck_assert_ptr_null(code(&enum_housing, "safe "));
	ck_assert_ptr_null(code(&enum_yes_no, "maybe"));
	ck_assert_ptr_null(code(&enum_yes_no, "ye"));
	ck_assert_ptr_null(code(&enum_yes_no, "ＹＥ"));
}
END_TEST

START_TEST(lookup_with_hint)
{
	int hint = -1;

	ck_assert_int_eq(enum_lookup_hint(&enum_health, "大病", strlen("大病"), &hint), 2);
	ck_assert_int_eq(hint, 2);
	ck_assert_int_eq(enum_lookup_hint(&enum_health, "serious", 7, &hint), 2);
	ck_assert_int_eq(enum_lookup_hint(&enum_health, "健康", strlen("健康"), &hint), 0);
	ck_assert_int_eq(hint, 0);
	ck_assert_int_eq(enum_lookup_hint(&enum_health, "unknown", 7, &hint), -1);
	ck_assert_int_eq(hint, 0);
	hint = 99;       /* a stale hint out of range is ignored */
	ck_assert_int_eq(enum_lookup_hint(&enum_health, "disabled", 8, &hint), 3);
}
END_TEST

START_TEST(labels)
{
	static const struct enum_value bare_values[] = { { "alpha", "" },
		{ "beta", "乙|二" } };
	static const struct enum_def bare = { "bare", bare_values, 2, NULL };
	size_t n;
	const char *l;

	/* The first label, the Chinese one of SPEC §3 and §5. */
	l = enum_label(&enum_health, 2, &n);
	ck_assert_uint_eq(n, strlen("患有大病"));
	ck_assert(memcmp(l, "患有大病", n) == 0);
	l = enum_label(&enum_cause, 9, &n);
	ck_assert_uint_eq(n, strlen("交通条件落后"));
	ck_assert(memcmp(l, "交通条件落后", n) == 0);
	l = enum_label(&enum_attribute, 0, &n);
	ck_assert(n == strlen("一般贫困户") && memcmp(l, "一般贫困户", n) == 0);
	/* No label: the code. */
	l = enum_label(&bare, 0, &n);
	ck_assert_uint_eq(n, 5);
	ck_assert(memcmp(l, "alpha", 5) == 0);
	l = enum_label(&bare, 1, &n);
	ck_assert(n == strlen("乙") && memcmp(l, "乙", n) == 0);
}
END_TEST

/* A list with a cache answers every text as the same list without one:
 * repeats, more distinct texts than slots, texts that match nothing (never
 * remembered), full-width forms, a label that is another value's code. */
START_TEST(cached_lookups)
{
	static const struct enum_value v[] = {
		{ "farmer", "务农|农民" }, { "civil_servant", "公务员|teacher" },
		{ "teacher", "教师" }, { "worker", "工人|打工" }, { "driver", "司机" },
		{ "doctor", "医生" }, { "soldier", "军人" }, { "cadre", "村干部" },
		{ "student", "学生" }, { "other", "其他|ＯＴＨＥＲ" },
	};
	static const struct enum_def plain = { "occupation", v, 10, NULL };
	static struct enum_cache cache;
	const struct enum_def cached = { "occupation", v, 10, &cache };
	static const char *const texts[] = { "务农", "农民", "公务员", "teacher",
	    "教师", "打工", "司机", "医生", "军人", "村干部", "学生", "其他",
	    "ＦＡＲＭＥＲ", "FARMER", "个体", "", "other", "务农", "个体", "司机" };
	unsigned seed = 7;

	for (int round = 0; round < 2000; round++) {
		const char *t;
		size_t n;

		seed = seed * 1103515245u + 12345u;
		t = texts[(seed >> 16) % (sizeof texts / sizeof texts[0])];
		n = strlen(t);

		ck_assert_int_eq(enum_lookup(&cached, t, n), enum_lookup(&plain, t, n));
	}
	/* "teacher" is the code of value 2 and a label of value 1: the code wins,
	 * cached or not. */
	ck_assert_int_eq(enum_lookup(&cached, "teacher", 7), 2);
	ck_assert_int_eq(enum_lookup(&cached, "teacher", 7), 2);
	ck_assert_int_eq(enum_lookup(&cached, "个体", strlen("个体")), -1);
	/* A code followed by a NUL byte and more (found by the values
	 * fuzzer): no match, and nothing read past the code's end. */
	ck_assert_int_eq(enum_lookup(&enum_relation, "sibling\0\1\0\0\01660", 14), -1);
	ck_assert_int_eq(enum_lookup(&plain, "farmer\0xx", 9), -1);
}
END_TEST

START_TEST(descriptions)
{
	static const struct enum_value bare_values[] = { { "alpha", "" },
		{ "beta", "乙|二" } };
	static const struct enum_def bare = { "bare", bare_values, 2, NULL };
	struct strbuf b = { 0 };

	enum_describe(&enum_sex, &b);
	ck_assert_str_eq(strbuf_str(&b), "male (男), female (女)");
	strbuf_reset(&b);
	enum_describe(&enum_drinking_water, &b);
	ck_assert_str_eq(strbuf_str(&b), "safe (安全), unsafe (不安全)");
	strbuf_reset(&b);
	enum_describe(&bare, &b);
	ck_assert_str_eq(strbuf_str(&b), "alpha, beta (乙)");
	strbuf_free(&b);
}
END_TEST

START_TEST(decision_tables)
{
	/* SPEC §3: the decisions of each stage, the reason codes that are not
	 * rule ids; §6: the levels; §5: the registry statuses. Each C
	 * enumeration is the index of its table. */
	static const struct { enum decision d; const char *code; } decisions[] = {
		{ DEC_ELIGIBLE, "eligible" }, { DEC_EXCLUDED, "excluded" },
		{ DEC_ABOVE_LINE, "above_line" }, { DEC_UNVERIFIED, "unverified" },
		{ DEC_PROPOSED, "proposed" }, { DEC_VOTED_DOWN, "voted_down" },
		{ DEC_OVER_QUOTA, "over_quota" }, { DEC_NOT_APPRAISED, "not_appraised" },
		{ DEC_CONFIRMED, "confirmed" }, { DEC_REMOVED, "removed" },
		{ DEC_PENDING, "pending" },
	};
	static const struct { enum reason r; const char *code; } reasons[] = {
		{ RSN_INCOME, "INCOME" }, { RSN_SURVEY_MISSING, "SURVEY_MISSING" },
		{ RSN_BAD_VALUE, "BAD_VALUE" }, { RSN_VOTE, "VOTE" },
		{ RSN_SCALE, "SCALE" }, { RSN_NO_VOTE, "NO_VOTE" },
		{ RSN_BAD_VOTE, "BAD_VOTE" }, { RSN_OBJECTION, "OBJECTION" },
	};
	static const struct { enum level l; const char *code; } levels[] = {
		{ LEVEL_VILLAGE, "village" }, { LEVEL_TOWN, "town" },
		{ LEVEL_COUNTY, "county" },
	};
	static const struct { enum status s; const char *code; } statuses[] = {
		{ STATUS_NEW, "new" }, { STATUS_CONTINUING, "continuing" },
		{ STATUS_EXITED, "exited" }, { STATUS_RETURNED, "returned" },
		{ STATUS_UNEXPLAINED, "unexplained" },
	};

	ck_assert_uint_eq(enum_decision.count, NDECISIONS);
	ck_assert_uint_eq(sizeof decisions / sizeof decisions[0], NDECISIONS);
	for (size_t i = 0; i < NDECISIONS; i++) {
		ck_assert_str_eq(decision_code(decisions[i].d), decisions[i].code);
		ck_assert_int_eq(enum_lookup(&enum_decision, decisions[i].code,
		    strlen(decisions[i].code)), (int)decisions[i].d);
	}
	ck_assert_uint_eq(enum_reason.count, NREASONS);
	ck_assert_uint_eq(sizeof reasons / sizeof reasons[0], NREASONS);
	for (size_t i = 0; i < NREASONS; i++)
		ck_assert_str_eq(reason_code(reasons[i].r), reasons[i].code);
	ck_assert_uint_eq(enum_level.count, NLEVELS);
	for (size_t i = 0; i < NLEVELS; i++)
		ck_assert_str_eq(level_code(levels[i].l), levels[i].code);
	ck_assert_uint_eq(enum_status.count, NSTATUSES);
	for (size_t i = 0; i < NSTATUSES; i++)
		ck_assert_str_eq(status_code(statuses[i].s), statuses[i].code);
	/* Sources, objection kinds and outcomes (SPEC §3). */
	ck_assert_str_eq(enum_code(&enum_source, SOURCE_APPLICATION), "application");
	ck_assert_str_eq(enum_code(&enum_source, SOURCE_REGISTRY), "registry");
	ck_assert_str_eq(enum_code(&enum_objection_kind, KIND_WRONGLY_INCLUDED), "wrongly_included");
	ck_assert_str_eq(enum_code(&enum_objection_kind, KIND_WRONGLY_EXCLUDED), "wrongly_excluded");
	ck_assert_str_eq(enum_code(&enum_objection_kind, KIND_DATA_ERROR), "data_error");
	ck_assert_str_eq(enum_code(&enum_objection_outcome, OUTCOME_UPHELD), "upheld");
	ck_assert_str_eq(enum_code(&enum_objection_outcome, OUTCOME_DISMISSED), "dismissed");
	ck_assert_str_eq(enum_code(&enum_objection_outcome, OUTCOME_PENDING), "pending");
	ck_assert_uint_eq(enum_objection_kind.count, 3);
	ck_assert_uint_eq(enum_objection_outcome.count, 3);
	/* The columns they belong to. */
	ck_assert_ptr_eq(enum_for_field("decision"), &enum_decision);
	ck_assert_ptr_eq(enum_for_field("status"), &enum_status);
	ck_assert_ptr_eq(enum_for_field("kind"), &enum_objection_kind);
	ck_assert_ptr_eq(enum_for_field("outcome"), &enum_objection_outcome);
}
END_TEST

START_TEST(spec_code_lists)
{
	/* SPEC §5: the twelve main causes in their official order, the three
	 * household attributes. */
	static const char *const causes[] = { "illness", "disability",
		"education", "disaster", "lack_of_land", "lack_of_water",
		"lack_of_technology", "lack_of_labor", "lack_of_funds",
		"poor_transport", "lack_of_motivation", "other" };
	static const char *const attributes[] = { "general", "low_income",
		"five_guarantee" };

	for (int i = 0; i < 12; i++)
		ck_assert_str_eq(enum_code(&enum_cause, i), causes[i]);
	for (int i = 0; i < 3; i++)
		ck_assert_str_eq(enum_code(&enum_attribute, i), attributes[i]);
	ck_assert_str_eq(code(&enum_cause, "其它"), "other");
	ck_assert_str_eq(code(&enum_attribute, "低保贫困户"), "low_income");
}
END_TEST

Suite *
suite_enums(void)
{
	Suite *s = suite_create("enums");
	TCase *t = tcase_create("core");

	tcase_add_test(t, codes_and_labels);
	tcase_add_test(t, unknown_values);
	tcase_add_test(t, twelve_causes);
	tcase_add_test(t, lookup_case_and_width);
	tcase_add_test(t, lookup_with_hint);
	tcase_add_test(t, labels);
	tcase_add_test(t, descriptions);
	tcase_add_test(t, cached_lookups);
	tcase_add_test(t, decision_tables);
	tcase_add_test(t, spec_code_lists);
	suite_add_tcase(s, t);
	return s;
}
