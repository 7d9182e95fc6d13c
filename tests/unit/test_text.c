#include <string.h>

#include "base/strbuf.h"
#include "suites.h"
#include "values/text.h"

static const char *
trim(const char *s, char *buf)
{
	size_t n = strlen(s);
	const char *t = text_trim(s, &n);

	memcpy(buf, t, n);
	buf[n] = '\0';
	return buf;
}

START_TEST(trimming)
{
	char buf[64];

	ck_assert_str_eq(trim("  张三 ", buf), "张三");
	ck_assert_str_eq(trim("\xE3\x80\x80张三\xE3\x80\x80", buf), "张三");   /* U+3000 */
	ck_assert_str_eq(trim("\t\r\n x \n", buf), "x");
	ck_assert_str_eq(trim("\xC2\xA0" "a b" "\xC2\xA0", buf), "a b");
	ck_assert_str_eq(trim("   ", buf), "");
	ck_assert_str_eq(trim("", buf), "");
	ck_assert_str_eq(trim("张\xE3\x80\x80三", buf), "张\xE3\x80\x80三");
}
END_TEST

START_TEST(utf8)
{
	const char *ok = "ab张三😀";

	ck_assert_uint_eq(utf8_valid_prefix(ok, strlen(ok), 0), strlen(ok));
	ck_assert_uint_eq(utf8_chars(ok, strlen(ok)), 5);
	ck_assert_uint_eq(utf8_valid_prefix("a\xD5\xC5", 3, 0), 1);    /* GBK 张 */
	ck_assert_uint_eq(utf8_valid_prefix("a\xC0\x80", 3, 0), 1);    /* overlong */
	ck_assert_uint_eq(utf8_valid_prefix("a\xED\xA0\x80", 4, 0), 1); /* surrogate */
	ck_assert_uint_eq(utf8_valid_prefix("a\xF4\x90\x80\x80", 5, 0), 1);
	ck_assert_uint_eq(utf8_valid_prefix("a\xE5\xBC", 3, 0), 1);    /* cut short */
	ck_assert_uint_eq(utf8_valid_prefix("a\xE5\xBC", 3, 1), 3);    /* ... more to come */
	ck_assert_uint_eq(utf8_valid_prefix("\xFF", 1, 1), 0);
}
END_TEST

START_TEST(counts_and_case)
{
	char buf[32];

	ck_assert_str_eq(text_count(buf, 0), "0");
	ck_assert_str_eq(text_count(buf, 999), "999");
	ck_assert_str_eq(text_count(buf, 1390), "1,390");
	ck_assert_str_eq(text_count(buf, 1000000), "1,000,000");
	ck_assert(text_ieq("Household_ID", 12, "household_id"));
	ck_assert(!text_ieq("household", 9, "household_id"));
	ck_assert(!text_ieq("household_idx", 13, "household_id"));
	ck_assert_uint_eq(text_width("ab张三", strlen("ab张三")), 6);
}
END_TEST

static const char *
fold(const char *s, char *out, size_t *n)
{
	*n = text_fold_width(s, strlen(s), out);
	return out;
}

START_TEST(folding_width)
{
	char out[128];
	size_t n;

	/* U+FF01..U+FF5E are ASCII 0x21..0x7E shifted by 0xFEE0; U+3000 is a
	 * space. Other characters stay as they are. */
	ck_assert_str_eq(fold("ＹＥＳ", out, &n), "YES");
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(fold("１２３", out, &n), "123");
	ck_assert_str_eq(fold("特困供养（五保）贫困户", out, &n), "特困供养(五保)贫困户");
	ck_assert_uint_eq(n, strlen("特困供养(五保)贫困户"));
	ck_assert_str_eq(fold("a\xE3\x80\x80" "b", out, &n), "a b");
	ck_assert_str_eq(fold("！～", out, &n), "!~");     /* U+FF01, U+FF5E: the ends */
	ck_assert_str_eq(fold("ｚＡ０", out, &n), "zA0");
	ck_assert_str_eq(fold("plain 张三", out, &n), "plain 张三");
	/* U+FF5F and U+FFE5 (￥) are outside the range: kept. */
	ck_assert_str_eq(fold("\xEF\xBD\x9F", out, &n), "\xEF\xBD\x9F");
	ck_assert_str_eq(fold("￥１", out, &n), "￥1");
	ck_assert_str_eq(fold("", out, &n), "");
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(wide_forms)
{
	static const char *const wide[] = { "ＹＥＳ", "a１", "\xE3\x80\x80",
		"（", "～", "abc！" };
	static const char *const narrow[] = { "yes", "是", "张三", "√", "×",
		"", "￥12", "C级危房" };

	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		ck_assert_msg(text_has_wide_forms(wide[i], strlen(wide[i])), "%s", wide[i]);
	for (size_t i = 0; i < sizeof narrow / sizeof narrow[0]; i++)
		ck_assert_msg(!text_has_wide_forms(narrow[i], strlen(narrow[i])), "%s", narrow[i]);
}
END_TEST

START_TEST(control_characters)
{
	ck_assert_int_eq(text_control("abc", 3, 0), -1);
	ck_assert_int_eq(text_control("", 0, 0), -1);
	ck_assert_int_eq(text_control("a\x01", 2, 0), 1);
	ck_assert_int_eq(text_control("\x7f", 1, 0), 0);
	ck_assert_int_eq(text_control("\x7f", 1, 1), 0);          /* DEL never */
	ck_assert_int_eq(text_control("a\tb", 3, 0), 1);
	ck_assert_int_eq(text_control("a\tb", 3, 1), -1);
	ck_assert_int_eq(text_control("a\r\nb", 4, 1), -1);
	ck_assert_int_eq(text_control("a\r\nb", 4, 0), 1);
	ck_assert_int_eq(text_control("a\nb\x1f", 4, 1), 3);
	ck_assert_int_eq(text_control("a\0b", 3, 1), 1);          /* NUL */
	/* "张三" is 6 bytes: ESC after it is at offset 6. */
	ck_assert_int_eq(text_control("张三\x1b", 7, 0), 6);
	/* Bytes of multi-byte characters are never control characters. */
	ck_assert_int_eq(text_control("\xC2\x80\xE5\xBC\xA0", 5, 0), -1);

	/* Long text is scanned eight bytes at a time: every control byte,
	 * and each of the boundary bytes, at every offset of 40 bytes of
	 * text mixing ASCII and Chinese (a byte-by-byte scan is the oracle). */
	{
		static const unsigned char probe[] = { 0x00, 0x01, 0x09, 0x0A,
		    0x0D, 0x1B, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0x9F, 0xFF };
		char buf[41];

		for (size_t p = 0; p < sizeof probe; p++)
			for (size_t at = 0; at < 40; at++)
				for (int ft = 0; ft < 2; ft++) {
					long want = -1;

					memcpy(buf, "ab张三cdefgh李四ijklmn王五opqrstu赵六vwx", 40);
					buf[at] = (char)probe[p];
					for (size_t i = 0; i < 40 && want < 0; i++) {
						unsigned char c = (unsigned char)buf[i];

						if ((c < 0x20 || c == 0x7F) && !(ft &&
						    (c == '\t' || c == '\n' || c == '\r')))
							want = (long)i;
					}
					ck_assert_int_eq(text_control(buf, 40, ft), want);
				}
	}
}
END_TEST

static const char *
quote(const char *s, size_t n, struct strbuf *b)
{
	strbuf_reset(b);
	text_quote(b, s, n);
	return strbuf_str(b);
}

START_TEST(quoting)
{
	struct strbuf b = { 0 }, want = { 0 };
	char ascii[64];
	const char *han = "张";

	ck_assert_str_eq(quote("abc", 3, &b), "\"abc\"");
	ck_assert_str_eq(quote("", 0, &b), "\"\"");
	ck_assert_str_eq(quote("张三", strlen("张三"), &b), "\"张三\"");
	/* Control characters as \xNN, each counting as one character. */
	ck_assert_str_eq(quote("a\x01" "b", 3, &b), "\"a\\x01b\"");
	ck_assert_str_eq(quote("\t\n\x7f", 3, &b), "\"\\x09\\x0a\\x7f\"");
	ck_assert_str_eq(quote("\x1b[2J", 4, &b), "\"\\x1b[2J\"");

	/* 48 characters are shown whole; a 49th is cut and "..." added. */
	memset(ascii, 'a', sizeof ascii);
	ck_assert_str_eq(quote(ascii, 48, &b), "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"");
	ck_assert_str_eq(quote(ascii, 49, &b), "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"");

	/* 50 Chinese characters (150 bytes): the first 48 whole, 144 bytes. */
	strbuf_reset(&want);
	for (int i = 0; i < 50; i++)
		strbuf_puts(&want, han);
	{
		struct strbuf in = want;

		want = (struct strbuf){ 0 };
		strbuf_putc(&want, '"');
		strbuf_add(&want, in.s, 48 * 3);
		strbuf_puts(&want, "...\"");
		ck_assert_str_eq(quote(in.s, in.len, &b), strbuf_str(&want));
		strbuf_free(&in);
	}

	/* 47 ASCII, then 张三: the cut falls after 张, never inside it. */
	strbuf_reset(&want);
	memcpy(ascii + 47, "张三", strlen("张三"));
	strbuf_putc(&want, '"');
	strbuf_add(&want, ascii, 47);
	strbuf_puts(&want, "张...\"");
	ck_assert_str_eq(quote(ascii, 47 + strlen("张三"), &b), strbuf_str(&want));

	strbuf_free(&b);
	strbuf_free(&want);
}
END_TEST

Suite *
suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *t = tcase_create("core");

	tcase_add_test(t, trimming);
	tcase_add_test(t, utf8);
	tcase_add_test(t, counts_and_case);
	tcase_add_test(t, folding_width);
	tcase_add_test(t, wide_forms);
	tcase_add_test(t, control_characters);
	tcase_add_test(t, quoting);
	suite_add_tcase(s, t);
	return s;
}
