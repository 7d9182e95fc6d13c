#include <string.h>

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

Suite *
suite_enums(void)
{
	Suite *s = suite_create("enums");
	TCase *t = tcase_create("core");

	tcase_add_test(t, codes_and_labels);
	tcase_add_test(t, unknown_values);
	tcase_add_test(t, twelve_causes);
	suite_add_tcase(s, t);
	return s;
}
