/* values/wording.c: every message has a zh and an en format taking the
 * arguments its comment in wording.h lists, in the same order. */
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "values/field.h"
#include "values/wording.h"
#include "suites.h"

/* The arguments of each message, from the comments of enum msg:
 * s string, i int, u unsigned, z size_t, l unsigned long, d long, L long long. */
static const char *const args[NMSGS] = {
	[MSG_EMPTY] = "s",
	[MSG_EMPTY_ON_HEAD] = "s",
	[MSG_NAME_TOO_LONG] = "s",
	[MSG_HOUSEHOLD_ID_FORM] = "ss",
	[MSG_NOT_THIS_VILLAGE] = "ss",
	[MSG_ID_FORMAT] = "s",
	[MSG_ID_CHECKSUM] = "s",
	[MSG_ID_DATE] = "s",
	[MSG_ID_OLD] = "s",
	[MSG_ID_MANGLED] = "s",
	[MSG_NOT_ONE_OF] = "sss",
	[MSG_NOT_A_DATE] = "ss",
	[MSG_SHORT_YEAR] = "ssi",
	[MSG_NOT_VALUE] = "sss",
	[MSG_CONTROL] = "ss",
	[MSG_DISAGREES_WITH_ID] = "ss",
	[MSG_DUPLICATE_PERSON] = "",
	[MSG_NO_HEAD] = "s",
	[MSG_MULTIPLE_HEADS] = "su",
	[MSG_INCOMPLETE] = "s",
	[MSG_INCOMPLETE_UNNUMBERED] = "s",
	[MSG_INCOMPLETE_MISNUMBERED] = "s",
	[MSG_COLUMN_PLACE] = "z",
	[MSG_CONFIDENTIAL] = "",
	[MSG_EMPTY_HOUSEHOLD_ID] = "ss",
	[MSG_BLANK_INCOME] = "s",
	[MSG_BLANK_AS_ZERO] = "s",
	[MSG_UNLISTED] = "ss",
	[MSG_RAGGED] = "zz",
	[MSG_UNNAMED_COLUMN] = "zs",
	[MSG_HOUSEHOLD_AMBIGUOUS] = "ss",
	[MSG_ZEROS_RESTORED] = "ss",
	[MSG_ZEROS_DROPPED] = "ss",
	[MSG_NEGATIVE] = "ss",
	[MSG_DUPLICATE_SURVEY] = "s",
	[MSG_ORPHAN_SURVEY] = "ss",
	[MSG_MEMBER_BAD] = "ssss",
	[MSG_PATTERN_LIMIT] = "ss",
	[MSG_WHOLE_NUMBER] = "",
	[MSG_AUDIT_NOT_REACHED] = "s",
	[MSG_AUDIT_MISSING] = "s",
	[MSG_AUDIT_BAD] = "sls",
	[MSG_AUDIT_CANNOT_READ] = "s",
	[MSG_AUDIT_NOT_REGULAR] = "s",
	[MSG_AUDIT_LEAK_HOUSEHOLD] = "ss",
	[MSG_AUDIT_LEAK_PERSON] = "sLsL",
	[MSG_AUDIT_DUPLICATE_HOUSEHOLD] = "s",
	[MSG_AUDIT_DUPLICATE_PERSON] = "sss",
	[MSG_AUDIT_MISMATCH] = "ssss",
	[MSG_AUDIT_QUORUM] = "LL",
	[MSG_AUDIT_PERIOD_SHORT] = "sdL",
	[MSG_AUDIT_DATE_ORDER] = "ssss",
	[MSG_AUDIT_DATE_ORDER_TOWN] = "",
	[MSG_AUDIT_PENDING] = "sl",
	[MSG_AUDIT_OVER_QUOTA] = "sLL",
	[MSG_AUDIT_PROV_OUTPUT] = "s",
	[MSG_AUDIT_PROV_INPUT] = "ss",
	[MSG_AUDIT_PROV_RULES] = "ss",
	[MSG_AUDIT_PROV_MISSING] = "s",
	[MSG_AUDIT_RULES_DIFFER] = "ss",
	[MSG_AUDIT_NOTICE] = "sss",
	[MSG_AUDIT_NOTICE_ROW] = "ssss",
	[MSG_AUDIT_NOTICE_PRINTED] = "ssss",
	[MSG_AUDIT_NOTICE_RECEIPT] = "sss",
	[MSG_AUDIT_NOTICE_NO_RECEIPT] = "sss",
	[MSG_AUDIT_NOTICE_POSTED] = "sssss",
	[MSG_AUDIT_RULES_CHANGED] = "ss",
	[MSG_AUDIT_POSTED_NONE] = "ss",
	[MSG_AUDIT_AREA_PERIOD] = "sssss",
	[MSG_AUDIT_AREA_NO_LIST] = "szs",
	[MSG_AUDIT_AREA_MISSING] = "sss",
	[MSG_AUDIT_AREA_RECEIVED_SINCE] = "ss",
	[MSG_AUDIT_AREA_NO_VILLAGE] = "sss",
	[MSG_AUDIT_AREA_UNKNOWN] = "ssz",
	[MSG_AUDIT_AREA_TOTAL] = "sss",
	[MSG_AUDIT_OUTSIDE_PERIOD] = "slssss",
	[MSG_PAPER_FINGERPRINT] = "ss",
	[MSG_PAPER_RECEIPT] = "s",
	[MSG_PAPER_NO_RECEIPT] = "",
	[MSG_AUDIT_UNEXPLAINED] = "s",
	[MSG_SAMPLE_WHY_HELP] = "",
	[MSG_SAMPLE_VERIFY_HELP] = "",
	[MSG_SAMPLE_WHY_NOT_HELPED] = "s",
	[MSG_SAMPLE_VERIFY_NOT_HELPED] = "",
	[MSG_SAMPLE_WHY_EXITING] = "s",
	[MSG_SAMPLE_VERIFY_EXITING] = "",
	[MSG_SAMPLE_NOT_RECEIVED] = "s",
	[MSG_SAMPLE_LEDGER_BROKEN] = "ss",
	[MSG_SAMPLE_COPY_DIFFERS] = "s",
	[MSG_SAMPLE_NO_PREVIOUS] = "s",
	[MSG_SAMPLE_PREDICTABLE] = "s",
	[MSG_AUDIT_PERMISSIONS] = "ss",
	[MSG_AUDIT_QUOTA_TOTAL] = "LLz",
	[MSG_AUDIT_FOLDER_NOT_CODE] = "ss",
	[MSG_AUDIT_VILLAGE_MISSING] = "ss",
	[MSG_AUDIT_VILLAGE_NOT_LISTED] = "ss",
	[MSG_AUDIT_TOWN_QUOTA] = "ssLLs",
	[MSG_AUDIT_OWNER_FILE] = "ss",
	[MSG_AUDIT_LEDGER_BROKEN] = "s",
	[MSG_AUDIT_NOT_RECEIVED] = "sss",
	[MSG_AUDIT_CHANGED] = "sssss",
	[MSG_AUDIT_CHANGED_ADDED] = "ss",
	[MSG_AUDIT_CHANGED_REMOVED] = "ss",
	[MSG_AUDIT_PREVIOUS_CHANGED] = "ssss",
	[MSG_AUDIT_PREVIOUS_ADDED] = "s",
	[MSG_AUDIT_PREVIOUS_REMOVED] = "s",
	[MSG_AUDIT_PREVIOUS_NO_LEDGER] = "ss",
	[MSG_AUDIT_PREVIOUS_UNRECEIVED] = "ss",
	[MSG_AUDIT_FILED_UNLISTED] = "s",
	[MSG_AUDIT_FILED_MISSING] = "s",
	[MSG_AUDIT_REPOST_MISSING] = "sslss",
	[MSG_REPOST_PERIOD] = "sss",
	[MSG_REPOST_NO_LIST] = "s",
	[MSG_REPOST_FINGERPRINT_EMPTY] = "sss",
	[MSG_REPOST_FINGERPRINT_WRONG] = "ssss",
	[MSG_AUDIT_REOPENED] = "sslsds",
	[MSG_AUDIT_REOPENED_VILLAGE] = "sslsds",
	[MSG_LEDGER_NOT_ROW] = "",
	[MSG_LEDGER_QUOTED] = "",
	[MSG_LEDGER_NOT_WRITTEN] = "",
	[MSG_LEDGER_HEADER] = "",
	[MSG_LEDGER_CELLS] = "",
	[MSG_LEDGER_SEQ] = "sz",
	[MSG_LEDGER_CODE] = "",
	[MSG_LEDGER_RECEIPT] = "",
	[MSG_LEDGER_FILE] = "",
	[MSG_LEDGER_SHA] = "",
	[MSG_LEDGER_PREV] = "",
	[MSG_LEDGER_CHAIN] = "",
	[MSG_LEDGER_EMPTY] = "",
	[MSG_LEDGER_BOM] = "",
	[MSG_LEDGER_NO_LF] = "",
	[MSG_LEDGER_CR] = "",
	[MSG_LEDGER_FIRST_UNCHECKED] = "s",
	[MSG_LEDGER_FIRST_ZEROS] = "s",
	[MSG_LEDGER_FIRST_NONE] = "s",
	[MSG_LEDGER_NEITHER] = "s",
	[MSG_LEDGER_PIN_BROKEN] = "sd",
	[MSG_LEDGER_PIN_SHORT] = "sd",
	[MSG_LEDGER_PIN_HASH] = "sdss",
	[MSG_LEDGER_MISSING] = "s",
	[MSG_LEDGER_HASH] = "sss",
	[MSG_LEDGER_UNRECORDED] = "s",
	[MSG_LEDGER_NOT_VILLAGE] = "s",
	[MSG_LEDGER_NO_ROWS] = "s",
	[MSG_AREA_NOT_YET] = "s",
	[MSG_AREA_NOT_RECEIVED] = "s",
	[MSG_AREA_NO_PERIOD] = "",
	[MSG_AREA_TOTAL_TOWN] = "zzL",
	[MSG_AREA_TOTAL_COUNTY] = "zzL",
	[MSG_AREA_VILLAGES_NOT_YET] = "z",
};

/* Argument I: "<A1>" ... for strings, 7001 ... for numbers, so that each
 * can be found in the text. */
static const char *const str[] = { "<A1>", "<A2>", "<A3>", "<A4>", "<A5>",
	"<A6>" };
#define NUM(i) (7001 + (i))

/* Write message M in L with arguments of signature SIG. */
static void
say(struct strbuf *b, enum lang l, enum msg m, const char *sig)
{
	if (strcmp(sig, "") == 0)
		wording(b, l, m);
	else if (strcmp(sig, "s") == 0)
		wording(b, l, m, str[0]);
	else if (strcmp(sig, "ss") == 0)
		wording(b, l, m, str[0], str[1]);
	else if (strcmp(sig, "sss") == 0)
		wording(b, l, m, str[0], str[1], str[2]);
	else if (strcmp(sig, "ssss") == 0)
		wording(b, l, m, str[0], str[1], str[2], str[3]);
	else if (strcmp(sig, "sssss") == 0)
		wording(b, l, m, str[0], str[1], str[2], str[3], str[4]);
	else if (strcmp(sig, "slssss") == 0)
		wording(b, l, m, str[0], (unsigned long)NUM(1), str[2], str[3],
		    str[4], str[5]);
	else if (strcmp(sig, "sslss") == 0)
		wording(b, l, m, str[0], str[1], (unsigned long)NUM(2), str[3],
		    str[4]);
	else if (strcmp(sig, "sslsds") == 0)
		wording(b, l, m, str[0], str[1], (unsigned long)NUM(2), str[3],
		    (long)NUM(4), str[5]);
	else if (strcmp(sig, "ssi") == 0)
		wording(b, l, m, str[0], str[1], (int)NUM(2));
	else if (strcmp(sig, "su") == 0)
		wording(b, l, m, str[0], (unsigned)NUM(1));
	else if (strcmp(sig, "zz") == 0)
		wording(b, l, m, (size_t)NUM(0), (size_t)NUM(1));
	else if (strcmp(sig, "z") == 0)
		wording(b, l, m, (size_t)NUM(0));
	else if (strcmp(sig, "zzL") == 0)
		wording(b, l, m, (size_t)NUM(0), (size_t)NUM(1), (long long)NUM(2));
	else if (strcmp(sig, "zs") == 0)
		wording(b, l, m, (size_t)NUM(0), str[1]);
	else if (strcmp(sig, "sls") == 0)
		wording(b, l, m, str[0], (unsigned long)NUM(1), str[2]);
	else if (strcmp(sig, "sLsL") == 0)
		wording(b, l, m, str[0], (long long)NUM(1), str[2], (long long)NUM(3));
	else if (strcmp(sig, "LL") == 0)
		wording(b, l, m, (long long)NUM(0), (long long)NUM(1));
	else if (strcmp(sig, "sdL") == 0)
		wording(b, l, m, str[0], (long)NUM(1), (long long)NUM(2));
	else if (strcmp(sig, "sd") == 0)
		wording(b, l, m, str[0], (long)NUM(1));
	else if (strcmp(sig, "sdss") == 0)
		wording(b, l, m, str[0], (long)NUM(1), str[2], str[3]);
	else if (strcmp(sig, "sz") == 0)
		wording(b, l, m, str[0], (size_t)NUM(1));
	else if (strcmp(sig, "szs") == 0)
		wording(b, l, m, str[0], (size_t)NUM(1), str[2]);
	else if (strcmp(sig, "ssz") == 0)
		wording(b, l, m, str[0], str[1], (size_t)NUM(2));
	else if (strcmp(sig, "sl") == 0)
		wording(b, l, m, str[0], (unsigned long)NUM(1));
	else if (strcmp(sig, "sLL") == 0)
		wording(b, l, m, str[0], (long long)NUM(1), (long long)NUM(2));
	else if (strcmp(sig, "ssLLs") == 0)
		wording(b, l, m, str[0], str[1], (long long)NUM(2), (long long)NUM(3),
		    str[4]);
	else if (strcmp(sig, "LLz") == 0)
		wording(b, l, m, (long long)NUM(0), (long long)NUM(1), (size_t)NUM(2));
	else
		ck_abort_msg("message %d: no call for arguments \"%s\"", (int)m, sig);
}

/* Whether every argument shows, in the order given. */
static void
check_arguments(const char *text, const char *sig, int m, const char *lang)
{
	const char *at = text;

	for (size_t i = 0; sig[i] != '\0'; i++) {
		char num[16];
		const char *want = str[i], *p;

		if (sig[i] != 's') {
			snprintf(num, sizeof num, "%d", NUM((int)i));
			want = num;
		}
		p = strstr(at, want);
		ck_assert_msg(p != NULL, "message %d (%s) \"%s\": argument %zu (%s) "
		    "missing or out of order", m, lang, text, i + 1, want);
		at = p + strlen(want);
	}
}

START_TEST(every_message_in_both_languages)
{
	struct strbuf zh = { 0 }, en = { 0 };

	for (int m = 0; m < NMSGS; m++) {
		int chinese = 0;

		ck_assert_msg(args[m] != NULL, "message %d is not in this test's table", m);
		strbuf_reset(&zh);
		strbuf_reset(&en);
		say(&zh, LANG_ZH, (enum msg)m, args[m]);
		say(&en, LANG_EN, (enum msg)m, args[m]);
		ck_assert_msg(zh.len > 0, "message %d has no zh text", m);
		ck_assert_msg(en.len > 0, "message %d has no en text", m);
		ck_assert_msg(strcmp(strbuf_str(&zh), strbuf_str(&en)) != 0,
		    "message %d: zh and en are the same", m);
		/* The zh text is in Chinese: it holds bytes of CJK characters
		 * beyond those of its arguments. */
		for (size_t i = 0; i < zh.len; i++)
			chinese |= (unsigned char)zh.s[i] >= 0x80;
		ck_assert_msg(chinese, "message %d: zh \"%s\" holds no Chinese", m, zh.s);
		check_arguments(strbuf_str(&zh), args[m], m, "zh");
		check_arguments(strbuf_str(&en), args[m], m, "en");
	}
	strbuf_free(&zh);
	strbuf_free(&en);
}
END_TEST

START_TEST(field_labels)
{
	static const struct field declared = { .name = "has_car", .type = FT_YES_NO,
		.title_zh = "有车" };
	static const struct field untitled = { .name = "boat", .type = FT_YES_NO };

	ck_assert_str_eq(field_label(field_builtin("health"), "health", LANG_ZH), "健康状况");
	ck_assert_str_eq(field_label(field_builtin("health"), "health", LANG_EN), "health");
	ck_assert_str_eq(field_label(&declared, "has_car", LANG_ZH), "有车");
	ck_assert_str_eq(field_label(&declared, "has_car", LANG_EN), "has_car");
	ck_assert_str_eq(field_label(&untitled, "boat", LANG_ZH), "boat");
	ck_assert_str_eq(field_label(NULL, "extra", LANG_ZH), "extra");
}
END_TEST

Suite *
suite_wording(void)
{
	Suite *s = suite_create("wording");
	TCase *t = tcase_create("core");

	tcase_add_test(t, every_message_in_both_languages);
	tcase_add_test(t, field_labels);
	suite_add_tcase(s, t);
	return s;
}
