/* values/field.c: every type's parser, number_format, field_format,
 * field_describe. The expected values are worked out from SPEC §3 and §4
 * ("Field types") and the contract in values/field.h. */
#include <string.h>

#include "base/strbuf.h"
#include "household/list.h"
#include "household/objectionfile.h"
#include "household/people.h"
#include "household/registryfile.h"
#include "household/surveyset.h"
#include "household/votefile.h"
#include "io/rejects.h"
#include "stages/apply.h"
#include "values/date.h"
#include "values/field.h"
#include "suites.h"

static const struct field yes_no = { .name = "urban_house", .type = FT_YES_NO };
static const struct field number = { .name = "area", .type = FT_NUMBER };
static const struct field money = { .name = "car_value", .type = FT_MONEY };
static const struct field date = { .name = "built", .type = FT_DATE };
static const struct field text = { .name = "surveyors", .type = FT_TEXT };
static const struct field free_text = { .name = "summary", .type = FT_TEXT,
	.free_text = 1 };

static const struct enum_value occupation_values[] = {
	{ "civil_servant", "公务员|国家机关工作人员" },
	{ "farmer", "务农|农民" },
	{ "migrant_worker", "外出务工|务工" },
};
static const struct enum_def occupation_codes = { "occupation",
	occupation_values, 3, NULL };
static const struct field code_reject = { .name = "occupation", .type = FT_CODE,
	.codes = &occupation_codes };
static const struct field code_allow = { .name = "occupation", .type = FT_CODE,
	.codes = &occupation_codes, .other_allow = 1 };

/* The village's year of every parse. */
#define YEAR 2015

/* One parse: its status, value and stored text. */
struct parsed {
	enum field_status st;
	int64_t v;
	char text[256];
	int points_into_input;
};

static struct parsed
parse(const struct field *f, const char *s)
{
	struct parsed p;
	char buf[FIELD_BUF];
	const char *norm = NULL;
	size_t n = 0;

	memset(&p, 0, sizeof p);
	p.v = 12345;    /* must be overwritten on OK and OTHER */
	p.st = field_parse(f, s, strlen(s), YEAR, &p.v, &norm, &n, buf);
	if (p.st == FIELD_OK || p.st == FIELD_OTHER) {
		ck_assert_ptr_nonnull(norm);
		ck_assert_uint_lt(n, sizeof p.text);
		memcpy(p.text, norm, n);
		p.text[n] = '\0';
		p.points_into_input = norm >= s && norm < s + strlen(s);
	}
	return p;
}

#define OK_AS(f, s, want_v, want_text) do { \
	struct parsed p_ = parse((f), (s)); \
	ck_assert_msg(p_.st == FIELD_OK, "\"%s\": status %d, not FIELD_OK", (s), (int)p_.st); \
	ck_assert_msg(p_.v == (int64_t)(want_v), "\"%s\": value %lld, want %lld", (s), \
	    (long long)p_.v, (long long)(want_v)); \
	ck_assert_str_eq(p_.text, (want_text)); \
} while (0)

#define STATUS(f, s, want) do { \
	struct parsed p_ = parse((f), (s)); \
	ck_assert_msg(p_.st == (want), "\"%s\": status %d, want %d", (s), \
	    (int)p_.st, (int)(want)); \
} while (0)

START_TEST(yes_no_words)
{
	/* SPEC §4: yes/no, y/n, true/false, 1/0, 是/否, 有/无, √/×, held as
	 * yes (1) and no (0). */
	static const char *const yes[] = { "yes", "y", "true", "1", "是", "有", "√",
		"YES", "Yes", "yEs", "Y", "TRUE", "True", "tRUE" };
	static const char *const no[] = { "no", "n", "false", "0", "否", "无", "×",
		"NO", "No", "nO", "N", "FALSE", "False" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		OK_AS(&yes_no, yes[i], 1, "yes");
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		OK_AS(&yes_no, no[i], 0, "no");
}
END_TEST

START_TEST(yes_no_full_width)
{
	/* Full-width letters and digits read as their ASCII forms:
	 * Ｙ U+FF39, Ｅ U+FF25, Ｓ U+FF33, １ U+FF11, Ｎ U+FF2E. */
	OK_AS(&yes_no, "ＹＥＳ", 1, "yes");
	OK_AS(&yes_no, "ｙｅｓ", 1, "yes");
	OK_AS(&yes_no, "１", 1, "yes");
	OK_AS(&yes_no, "０", 0, "no");
	OK_AS(&yes_no, "Ｎo", 0, "no");       /* full-width N, ASCII o */
	OK_AS(&yes_no, "ＴＲＵＥ", 1, "yes");
	OK_AS(&yes_no, "Ｆalse", 0, "no");
}
END_TEST

START_TEST(yes_no_refused)
{
	static const char *const bad[] = { "maybe", "ye", "yess", "2", "-1",
		"是的", "没有", "yes no", "ｍａｙｂｅ", "t", "f", "√×" };

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		STATUS(&yes_no, bad[i], FIELD_BAD);
	STATUS(&yes_no, "", FIELD_EMPTY);
	STATUS(&yes_no, "ye\x01s", FIELD_CONTROL);
	STATUS(&yes_no, "yes\t", FIELD_CONTROL);   /* TAB only in free text */
}
END_TEST

START_TEST(numbers)
{
	/* Millionths: 3.5 -> 3,500,000. */
	OK_AS(&number, "3", 3000000, "3");
	OK_AS(&number, "0", 0, "0");
	OK_AS(&number, "-0", 0, "0");
	OK_AS(&number, "2.5", 2500000, "2.5");
	OK_AS(&number, "2.50", 2500000, "2.5");
	OK_AS(&number, "0.000001", 1, "0.000001");
	OK_AS(&number, "12.345678", 12345678, "12.345678");
	OK_AS(&number, "-12", -12000000, "-12");
	OK_AS(&number, "+7", 7000000, "7");
	OK_AS(&number, "-0.25", -250000, "-0.25");
	OK_AS(&number, "1,234", 1234000000LL, "1234");
	OK_AS(&number, "1,234,567.5", 1234567500000LL, "1234567.5");
	OK_AS(&number, "007", 7000000, "7");
	/* Full-width digits, sign, separator and point (U+FF10.., U+FF0D,
	 * U+FF0C, U+FF0E). */
	OK_AS(&number, "１２", 12000000, "12");
	OK_AS(&number, "３．５", 3500000, "3.5");
	OK_AS(&number, "－５", -5000000, "-5");
	OK_AS(&number, "１，２３４", 1234000000LL, "1234");
}
END_TEST

START_TEST(numbers_refused)
{
	static const char *const bad[] = { "abc", "1.2345678" /* 7 places */,
		"1,23", "12,34,567", "1234,567", ",123", "1,,234", "1,2345",
		"1 234", "--1", "+-1", "1e5", "0x10", "-", "+", ".", "1.2.3",
		"12a", "¥12", "1.5%", "99999999999999999999", "三" };

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		STATUS(&number, bad[i], FIELD_BAD);
	STATUS(&number, "", FIELD_EMPTY);
	STATUS(&number, "1\n2", FIELD_CONTROL);
}
END_TEST

START_TEST(long_full_width_number)
{
	/* "1,234,567.123456" is a number (thousands separators, six places);
	 * typed in full-width forms it is 16 characters of 3 bytes each and
	 * must read the same. */
	OK_AS(&number, "1,234,567.123456", 1234567123456LL, "1234567.123456");
	OK_AS(&number, "１，２３４，５６７．１２３４５６", 1234567123456LL,
	    "1234567.123456");
}
END_TEST

START_TEST(money_amounts)
{
	/* Fen, written with two decimals. */
	OK_AS(&money, "1200", 120000, "1200.00");
	OK_AS(&money, "1,200.50", 120050, "1200.50");
	OK_AS(&money, "¥12.3", 1230, "12.30");
	OK_AS(&money, "￥35", 3500, "35.00");
	OK_AS(&money, "-50", -5000, "-50.00");
	OK_AS(&money, "0.05", 5, "0.05");
	OK_AS(&money, "１２００", 120000, "1200.00");
	OK_AS(&money, "１，２００．５", 120050, "1200.50");
	OK_AS(&money, "￥１２", 1200, "12.00");
	STATUS(&money, "12.345", FIELD_BAD);
	STATUS(&money, "12,3x", FIELD_BAD);
	STATUS(&money, "1,23", FIELD_BAD);
	STATUS(&money, "abc", FIELD_BAD);
	STATUS(&money, "十元", FIELD_BAD);
	STATUS(&money, "", FIELD_EMPTY);
}
END_TEST

START_TEST(dates)
{
	long d = date_days(2015, 5, 23);

	OK_AS(&date, "2015-05-23", d, "2015-05-23");
	OK_AS(&date, "2015/5/23", d, "2015-05-23");
	OK_AS(&date, "2015.5.23", d, "2015-05-23");
	OK_AS(&date, "2015年5月23日", d, "2015-05-23");
	/* Full-width digits and separators (－ U+FF0D, ／ U+FF0F, ． U+FF0E). */
	OK_AS(&date, "２０１５－０５－２３", d, "2015-05-23");
	OK_AS(&date, "２０１５／５／２３", d, "2015-05-23");
	OK_AS(&date, "２０１５．５．２３", d, "2015-05-23");
	OK_AS(&date, "２０１５年５月２３日", d, "2015-05-23");
	OK_AS(&date, "2016-02-29", date_days(2016, 2, 29), "2016-02-29");
	STATUS(&date, "2015-02-29", FIELD_BAD);   /* 2015 is no leap year */
	STATUS(&date, "2015-13-01", FIELD_BAD);
	STATUS(&date, "23/5/2015", FIELD_BAD);
	STATUS(&date, "2015-5", FIELD_BAD);
	STATUS(&date, "20150523", FIELD_BAD);
	STATUS(&date, "2015年5月23", FIELD_BAD);
	STATUS(&date, "2015-05/23", FIELD_BAD);
	/* A spreadsheet's Chinese short form: the two-digit year near the
	 * village's year (YEAR); else a short year, to be typed in full. */
	OK_AS(&date, "15年5月23日", d, "2015-05-23");
	OK_AS(&date, "１５年５月２３日", d, "2015-05-23");
	OK_AS(&date, "08年1月2日", date_days(2008, 1, 2), "2008-01-02");
	STATUS(&date, "97年5月23日", FIELD_SHORT_YEAR);
	STATUS(&date, "15-5-23", FIELD_SHORT_YEAR);
	STATUS(&date, "15/5/23", FIELD_SHORT_YEAR);
	STATUS(&date, "15年2月30日", FIELD_BAD);
	STATUS(&date, "", FIELD_EMPTY);
}
END_TEST

START_TEST(codes_with_labels)
{
	const struct field *housing = field_builtin("housing");

	/* Codes and labels read as the code; index in the list. */
	OK_AS(&code_reject, "civil_servant", 0, "civil_servant");
	OK_AS(&code_reject, "Civil_Servant", 0, "civil_servant");
	OK_AS(&code_reject, "公务员", 0, "civil_servant");
	OK_AS(&code_reject, "国家机关工作人员", 0, "civil_servant");
	OK_AS(&code_reject, "农民", 1, "farmer");
	OK_AS(&code_reject, "FARMER", 1, "farmer");
	OK_AS(&code_reject, "务工", 2, "migrant_worker");
	/* Full-width letters: ｆａｒｍｅｒ. */
	OK_AS(&code_reject, "ｆａｒｍｅｒ", 1, "farmer");
	/* The built-in housing list of SPEC §3 (safe, c_grade, d_grade, none). */
	ck_assert_ptr_nonnull(housing);
	ck_assert_int_eq(housing->type, FT_CODE);
	OK_AS(housing, "安全", 0, "safe");
	OK_AS(housing, "C级危房", 1, "c_grade");
	OK_AS(housing, "c级危房", 1, "c_grade");
	OK_AS(housing, "Ｃ级危房", 1, "c_grade");
	OK_AS(housing, "D_GRADE", 2, "d_grade");
	OK_AS(housing, "无房", 3, "none");
	STATUS(housing, "危房", FIELD_BAD);
}
END_TEST

START_TEST(codes_other)
{
	struct parsed p;

	/* other: reject -> BAD_VALUE. */
	STATUS(&code_reject, "个体", FIELD_BAD);
	STATUS(&code_reject, "teacher", FIELD_BAD);
	/* other: allow -> kept as typed, value -1. */
	p = parse(&code_allow, "个体");
	ck_assert_int_eq(p.st, FIELD_OTHER);
	ck_assert_int_eq(p.v, -1);
	ck_assert_str_eq(p.text, "个体");
	ck_assert(p.points_into_input);
	p = parse(&code_allow, "Teacher");
	ck_assert_int_eq(p.st, FIELD_OTHER);
	ck_assert_int_eq(p.v, -1);
	ck_assert_str_eq(p.text, "Teacher");
	/* A listed value is still read as its code. */
	OK_AS(&code_allow, "务农", 1, "farmer");
	STATUS(&code_allow, "", FIELD_EMPTY);
	STATUS(&code_allow, "个\x02体", FIELD_CONTROL);
	STATUS(&code_reject, "farmer\n", FIELD_CONTROL);
}
END_TEST

START_TEST(text_and_control_characters)
{
	struct parsed p;

	p = parse(&text, "张三, 李四");
	ck_assert_int_eq(p.st, FIELD_OK);
	ck_assert_int_eq(p.v, 0);
	ck_assert_str_eq(p.text, "张三, 李四");
	ck_assert(p.points_into_input);     /* text is kept, not copied */
	/* C0 controls and DEL refused; TAB, LF and CR only in free text. */
	STATUS(&text, "a\tb", FIELD_CONTROL);
	STATUS(&text, "a\nb", FIELD_CONTROL);
	STATUS(&text, "a\rb", FIELD_CONTROL);
	STATUS(&text, "a\x7f", FIELD_CONTROL);
	STATUS(&text, "\x1b[31m", FIELD_CONTROL);
	STATUS(&text, "", FIELD_EMPTY);
	OK_AS(&free_text, "第一行\r\n第二行\t完", 0, "第一行\r\n第二行\t完");
	STATUS(&free_text, "a\x01b", FIELD_CONTROL);
	STATUS(&free_text, "a\x7f", FIELD_CONTROL);
	STATUS(&free_text, "\x1f", FIELD_CONTROL);
	STATUS(&free_text, "", FIELD_EMPTY);
}
END_TEST

START_TEST(formatting_numbers)
{
	char buf[FIELD_BUF];

	ck_assert_str_eq(number_format(buf, 0), "0");
	ck_assert_str_eq(number_format(buf, 3500000), "3.5");
	ck_assert_str_eq(number_format(buf, -12000000), "-12");
	ck_assert_str_eq(number_format(buf, 1), "0.000001");
	ck_assert_str_eq(number_format(buf, -1), "-0.000001");
	ck_assert_str_eq(number_format(buf, 100), "0.0001");
	ck_assert_str_eq(number_format(buf, 10000000), "10");
	ck_assert_str_eq(number_format(buf, 1234567123456LL), "1234567.123456");
	ck_assert_str_eq(number_format(buf, -250000), "-0.25");
}
END_TEST

START_TEST(formatting_values)
{
	char buf[FIELD_BUF];
	const struct field *housing = field_builtin("housing");

	ck_assert_str_eq(field_format(&yes_no, 1, buf), "yes");
	ck_assert_str_eq(field_format(&yes_no, 0, buf), "no");
	ck_assert_str_eq(field_format(&number, 2500000, buf), "2.5");
	ck_assert_str_eq(field_format(&money, 120050, buf), "1200.50");
	ck_assert_str_eq(field_format(&money, -5, buf), "-0.05");
	ck_assert_str_eq(field_format(&date, date_days(2015, 12, 31), buf), "2015-12-31");
	ck_assert_str_eq(field_format(housing, 1, buf), "c_grade");
	ck_assert_str_eq(field_format(&code_allow, 2, buf), "migrant_worker");
	ck_assert_str_eq(field_format(&code_allow, -1, buf), "");
}
END_TEST

static const char *
describe(const struct field *f, int zh, struct strbuf *b)
{
	strbuf_reset(b);
	field_describe(f, zh, b);
	return strbuf_str(b);
}

START_TEST(descriptions)
{
	struct strbuf b = { 0 }, zh = { 0 };
	const struct field *housing = field_builtin("housing");
	static const char *const forms[] = { "2015-05-23", "2015/5/23",
		"2015.5.23", "2015年5月23日" };

	/* English: what each type accepts. */
	ck_assert_ptr_nonnull(strstr(describe(&yes_no, 0, &b), "yes or no"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&b), "是/否"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&b), "有/无"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&b), "√/×"));
	ck_assert_ptr_nonnull(strstr(describe(&number, 0, &b), "number"));
	ck_assert_ptr_nonnull(strstr(describe(&money, 0, &b), "amount in yuan"));
	describe(&date, 0, &b);
	for (size_t i = 0; i < 4; i++)
		ck_assert_ptr_nonnull(strstr(strbuf_str(&b), forms[i]));
	/* A code: its codes, each with its first (Chinese) label. */
	ck_assert_str_eq(describe(housing, 0, &b),
	    "one of: safe (安全), c_grade (C级危房), d_grade (D级危房), none (无房)");
	ck_assert_str_eq(describe(&code_reject, 0, &b), "one of: civil_servant (公务员), "
	    "farmer (务农), migrant_worker (外出务工)");
	ck_assert_ptr_nonnull(strstr(describe(&text, 0, &b), "text"));

	/* Chinese: in Chinese words, never the English ones. */
	describe(&yes_no, 1, &zh);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&zh), "是或否"));
	ck_assert_ptr_null(strstr(strbuf_str(&zh), "yes or no"));
	ck_assert_ptr_nonnull(strstr(describe(&number, 1, &zh), "数字"));
	ck_assert_ptr_nonnull(strstr(describe(&money, 1, &zh), "元"));
	ck_assert_ptr_null(strstr(strbuf_str(&zh), "amount"));
	describe(&date, 1, &zh);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&zh), "日期"));
	for (size_t i = 0; i < 4; i++)
		ck_assert_ptr_nonnull(strstr(strbuf_str(&zh), forms[i]));
	describe(housing, 1, &zh);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&zh),
	    "safe (安全), c_grade (C级危房), d_grade (D级危房), none (无房)"));
	ck_assert_ptr_null(strstr(strbuf_str(&zh), "one of"));
	ck_assert_ptr_nonnull(strstr(describe(&text, 1, &zh), "文字"));
	strbuf_free(&b);
	strbuf_free(&zh);
}
END_TEST

START_TEST(builtins_and_type_names)
{
	static const char *const names[NFTYPES] = { "text", "yes_no", "number",
		"money", "date", "code" };
	enum ftype t;

	for (int i = 0; i < NFTYPES; i++) {
		ck_assert_str_eq(ftype_name((enum ftype)i), names[i]);
		ck_assert_int_eq(ftype_parse(names[i], &t), 0);
		ck_assert_int_eq(t, i);
	}
	ck_assert_int_eq(ftype_parse("boolean", &t), -1);
	ck_assert_int_eq(ftype_parse("Yes_No", &t), -1);
	/* SPEC §3's typed columns and the computed ones. */
	ck_assert_int_eq(field_builtin("dibao")->type, FT_YES_NO);
	ck_assert_int_eq(field_builtin("wage_income")->type, FT_MONEY);
	ck_assert_int_eq(field_builtin("birth_date")->type, FT_DATE);
	ck_assert_int_eq(field_builtin("health")->type, FT_CODE);
	ck_assert(!field_builtin("health")->redeclarable);
	ck_assert(field_builtin("occupation")->redeclarable);
	ck_assert(field_builtin("declared_reason")->free_text);
	ck_assert(!field_builtin("name")->free_text);
	ck_assert(field_builtin("age")->computed);
	ck_assert_int_eq(field_builtin("per_capita_income")->type, FT_MONEY);
	ck_assert_int_eq(field_builtin("members")->type, FT_NUMBER);
	ck_assert_ptr_null(field_builtin("has_car"));
}
END_TEST

/* Every column of every file tpa reads or writes, as its reader or
 * writer declares it, is in the column catalogue with a Chinese title:
 * the export's headers, the template's, the messages' come from there,
 * and a column added to a file but not to the catalogue fails here. */
START_TEST(every_file_column_in_catalogue)
{
	static const struct {
		const char *file;
		const char *const *names;
		size_t n;
	} files[] = {
		{ "applications.csv", apply_columns, APPLY_NCOLUMNS },
		{ "applicants.csv", people_known, P_NKNOWN },
		{ "survey.csv", survey_known, S_NKNOWN },
		{ "votes.csv", vote_columns, VOTE_NCOLUMNS },
		{ "objections.csv", objection_columns, OBJECTION_NVILLAGE + 1 },
		{ "primary.csv", list_known, L_NKNOWN },
		{ "registry/households.csv", registry_household_columns,
		    REGISTRY_NHOUSEHOLD_COLUMNS },
		{ "registry/history.csv", registry_history_columns,
		    REGISTRY_NHISTORY_COLUMNS },
		{ "registry (read)", registry_columns, RC_N },
		{ "rejects", rejects_columns, REJECTS_NCOLUMNS },
	};

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		for (size_t k = 0; k < files[i].n; k++) {
			const char *name = files[i].names[k];
			const struct field *f = field_builtin(name);

			if (f == NULL)
				f = field_report(name);
			ck_assert_msg(f != NULL && f->title_zh != NULL && *f->title_zh,
			    "%s: column %s has no Chinese title in the catalogue",
			    files[i].file, name);
		}
}
END_TEST

Suite *
suite_field(void)
{
	Suite *s = suite_create("field");
	TCase *t = tcase_create("core");

	tcase_add_test(t, yes_no_words);
	tcase_add_test(t, yes_no_full_width);
	tcase_add_test(t, yes_no_refused);
	tcase_add_test(t, numbers);
	tcase_add_test(t, numbers_refused);
	tcase_add_test(t, long_full_width_number);
	tcase_add_test(t, money_amounts);
	tcase_add_test(t, dates);
	tcase_add_test(t, codes_with_labels);
	tcase_add_test(t, codes_other);
	tcase_add_test(t, text_and_control_characters);
	tcase_add_test(t, formatting_numbers);
	tcase_add_test(t, formatting_values);
	tcase_add_test(t, descriptions);
	tcase_add_test(t, builtins_and_type_names);
	tcase_add_test(t, every_file_column_in_catalogue);
	suite_add_tcase(s, t);
	return s;
}
