#include <stdio.h>
#include <string.h>

#include "base/idset.h"
#include "base/strbuf.h"
#include "values/date.h"
#include "values/idnumber.h"
#include "suites.h"

static struct id_checker *c;

static void setup(void) { c = id_checker_new(2015); }
static void teardown(void) { id_checker_free(c); }

static enum id_status
check(const char *s, char out[ID_LEN + 1])
{
	return id_check(c, s, strlen(s), out);
}

START_TEST(standard_examples)
{
	char out[ID_LEN + 1];

	/* The examples of GB 11643-1999. */
	ck_assert_int_eq(check("11010519491231002X", out), ID_OK);
	ck_assert_str_eq(out, "11010519491231002X");
	ck_assert_int_eq(check("440524188001010014", out), ID_OK);
	ck_assert_int_eq(check("110105194912310021", out), ID_BAD_CHECKSUM);
}
END_TEST

START_TEST(check_character)
{
	ck_assert_int_eq(id_check_char("11010519491231002"), 'X');
	ck_assert_int_eq(id_check_char("44052418800101001"), '4');
}
END_TEST

START_TEST(lower_case_x)
{
	char out[ID_LEN + 1];

	ck_assert_int_eq(check("11010519491231002x", out), ID_OK);
	ck_assert_str_eq(out, "11010519491231002X");
}
END_TEST

START_TEST(formats)
{
	char out[ID_LEN + 1];

	ck_assert_int_eq(check("1101051949123100", out), ID_BAD_FORMAT);
	ck_assert_int_eq(check("1101051949123100211", out), ID_BAD_FORMAT);
	ck_assert_int_eq(check("11010519491231002Y", out), ID_BAD_FORMAT);
	ck_assert_int_eq(check("X10105194912310021", out), ID_BAD_FORMAT);
	ck_assert_int_eq(check("", out), ID_BAD_FORMAT);
	ck_assert_int_eq(check("１１０１０５１９４９１２３１００２Ｘ", out), ID_BAD_FORMAT);
	/* 15 digits: the old numbers, refused with their own code. */
	ck_assert_int_eq(check("110105491231002", out), ID_OLD_15_DIGIT);
	ck_assert_str_eq(id_status_code(ID_OLD_15_DIGIT), "OLD_15_DIGIT_ID");
	ck_assert_str_eq(id_status_code(ID_BAD_FORMAT), "BAD_ID_FORMAT");
	ck_assert_str_eq(id_status_code(ID_BAD_CHECKSUM), "BAD_ID_CHECKSUM");
	ck_assert_str_eq(id_status_code(ID_BAD_DATE), "BAD_ID_DATE");
	ck_assert_ptr_null(id_status_code(ID_OK));
}
END_TEST

/* Numbers built with the right check character around a given date. */
static void
make(char out[ID_LEN + 1], const char *date8)
{
	memcpy(out, "371323", 6);
	memcpy(out + 6, date8, 8);
	memcpy(out + 14, "011", 3);
	out[17] = id_check_char(out);
	out[18] = '\0';
}

START_TEST(birth_dates)
{
	char id[ID_LEN + 1], out[ID_LEN + 1];

	make(id, "19800230");       /* 30 February */
	ck_assert_int_eq(check(id, out), ID_BAD_DATE);
	make(id, "19801301");
	ck_assert_int_eq(check(id, out), ID_BAD_DATE);
	make(id, "20000229");       /* a leap day */
	ck_assert_int_eq(check(id, out), ID_OK);
	make(id, "19000229");       /* 1900 was no leap year */
	ck_assert_int_eq(check(id, out), ID_BAD_DATE);
	make(id, "20151231");       /* the last day of the village's year */
	ck_assert_int_eq(check(id, out), ID_OK);
	make(id, "20160101");       /* after it */
	ck_assert_int_eq(check(id, out), ID_BAD_DATE);
}
END_TEST

START_TEST(derived)
{
	ck_assert_int_eq(id_sex("11010519491231002X"), 2);   /* 002: even */
	ck_assert_int_eq(id_sex("440524188001010014"), 1);   /* 001: odd */
	ck_assert_int_eq(id_birth("11010519491231002X"), date_days(1949, 12, 31));
}
END_TEST

START_TEST(masking)
{
	char buf[ID_MASKED_BUF];

	ck_assert_str_eq(id_mask(buf, "37132319800101123X", 18), "371323********123X");
	ck_assert_str_eq(id_mask(buf, "371323198001011", 15), "371323*****1011");
	ck_assert_str_eq(id_mask(buf, "1234", 4), "****");
	ck_assert_str_eq(id_mask(buf, "", 0), "");
	/* Nothing but digits and X is ever shown. */
	ck_assert_str_eq(id_mask(buf, "abcdefghijklmnop", 16), "****************");
	/* A spreadsheet's number: the first six digits and the exponent, so
	 * the clerk sees what Excel did; 15 digits of an ID never shown. */
	ck_assert_str_eq(id_mask(buf, "3.71323E+17", 11), "3.71323E+17");
	ck_assert_str_eq(id_mask(buf, "3.71323195803121E+17", 20), "3.71323*********E+17");
	ck_assert_str_eq(id_mask(buf, "3.71323195803121e17", 19), "3.71323*********e17");
}
END_TEST

static const char *
masked(const char *s, struct strbuf *b)
{
	strbuf_reset(b);
	id_mask_runs(b, s, strlen(s));
	return strbuf_str(b);
}

START_TEST(mask_runs_ids)
{
	struct strbuf b = { 0 };

	/* 18 ID characters: first 6 and last 4 shown. */
	ck_assert_str_eq(masked("ID 37132319800101123X here", &b),
	    "ID 371323********123X here");
	ck_assert_str_eq(masked("110105194912310021", &b), "110105********0021");
	/* A lower-case x is an ID character, shown upper-case. */
	ck_assert_str_eq(masked("37132319800101123x", &b), "371323********123X");
	/* 15 digits: 371323 800101 123 -> first 6, 5 stars, last 4 (1123). */
	ck_assert_str_eq(masked("old 371323800101123 no", &b), "old 371323*****1123 no");
	/* At the start, at the end, next to Chinese text (bytes >= 0x80 are
	 * no digits). */
	ck_assert_str_eq(masked("37132319800101123X是户主", &b), "371323********123X是户主");
	ck_assert_str_eq(masked("户主身份证37132319800101123X", &b),
	    "户主身份证371323********123X");
	ck_assert_str_eq(masked("身份证号371323198001011234有误", &b),
	    "身份证号371323********1234有误");
	/* Several runs in one text. */
	ck_assert_str_eq(masked("37132319800101123X,110105194912310021;371323800101123", &b),
	    "371323********123X,110105********0021;371323*****1123");
	strbuf_free(&b);
}
END_TEST

START_TEST(mask_runs_leaves_others)
{
	struct strbuf b = { 0 };
	static const char *const kept[] = {
		"household 12 of group 3",
		"13712345678",                   /* a phone number */
		"12345678901234",                /* 14 digits */
		"12345678901234567890",          /* 20 digits */
		"H001 2015-05-23 2855.00",
		"3.71323E+17",
		"",
	};

	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		ck_assert_str_eq(masked(kept[i], &b), kept[i]);
	strbuf_free(&b);
}
END_TEST

/* Bank card numbers, 16 to 19 digits, are masked like ID numbers: the
 * first 6 and last 4 digits shown. */
START_TEST(mask_runs_bank_cards)
{
	struct strbuf b = { 0 };

	ck_assert_str_eq(masked("1234567890123456", &b), "123456******3456");
	ck_assert_str_eq(masked("12345678901234567", &b), "123456*******4567");
	ck_assert_str_eq(masked("1234567890123456789", &b), "123456*********6789");
	ck_assert_str_eq(masked("卡号6222020200112239010请核对", &b),
	    "卡号622202*********9010请核对");
	ck_assert_str_eq(masked("card 6222 0202 0011 2239 010", &b),
	    "card 6222 0202 0011 2239 010");   /* groups: none is a run */
	/* 19 digits holding an 18-digit ID: the whole run masked */
	ck_assert_str_eq(masked("1371323198001011234", &b), "137132*********1234");
	/* ID characters followed by a digit: the 17 digits masked */
	ck_assert_str_eq(masked("37132319800101123X5", &b), "371323*******1123X5");
	/* full-width digits too */
	ck_assert_ptr_null(strstr(masked("６２２２０２０２００１１２２３９０１０", &b),
	    "０２００１１２２"));
	strbuf_free(&b);
}
END_TEST

START_TEST(mask_runs_full_width_id)
{
	struct strbuf b = { 0 };
	char out[256];

	/* An ID typed with a Chinese input method in full-width mode, in the
	 * wrong column: still a full ID number (tpa reads full-width digits
	 * as digits everywhere else), so a message must not repeat it. Its
	 * birth date, 19800101, must not show in either form. */
	snprintf(out, sizeof out, "%s", masked("户编号 ３７１３２３１９８００１０１１２３Ｘ 不对", &b));
	strbuf_free(&b);
	ck_assert_ptr_null(strstr(out, "３７１３２３１９８００１０１１２３Ｘ"));
	ck_assert_ptr_null(strstr(out, "１９８００１０１"));
	ck_assert_ptr_null(strstr(out, "19800101"));
	ck_assert_ptr_nonnull(strstr(out, "户编号 "));
	ck_assert_ptr_nonnull(strstr(out, " 不对"));
}
END_TEST

START_TEST(mangled_by_a_spreadsheet)
{
	char out[ID_LEN + 1], id[ID_LEN + 1];

	/* Scientific notation, as Excel shows an 18-digit number. */
	ck_assert_int_eq(check("3.71323E+17", out), ID_MANGLED);
	ck_assert_int_eq(check("3.71323195803120E+17", out), ID_MANGLED);
	ck_assert_int_eq(check("3.71323e+17", out), ID_MANGLED);
	ck_assert_str_eq(id_status_code(ID_MANGLED), "ID_MANGLED");
	/* 15 significant digits kept, the last three zeroed: 37132319580312
	 * 0 then 000. The check character of the first 17 must not be the
	 * 0 that stands there, or this would be a valid number. */
	memcpy(id, "371323195803120000", ID_LEN + 1);
	ck_assert_int_ne(id_check_char(id), '0');
	ck_assert_int_eq(check(id, out), ID_MANGLED);
	/* The same with a real checksum failure elsewhere stays a checksum
	 * error: only a trailing 000 tells of a spreadsheet. */
	memcpy(id, "371323195803120001", ID_LEN + 1);
	if (id_check_char(id) != '1')
		ck_assert_int_eq(check(id, out), ID_BAD_CHECKSUM);
}
END_TEST

START_TEST(valid_id_ending_000)
{
	char id[ID_LEN + 1], out[ID_LEN + 1];
	int found = 0;

	/* 371323, 1958MMDD, sequence 100, then a check character of 0: search
	 * the birth days for one whose check character is 0 (sum % 11 == 1). */
	for (int day = 1; day <= 28 && !found; day++)
		for (int month = 1; month <= 12 && !found; month++) {
			snprintf(id, sizeof id, "3713231958%02d%02d100", month, day);
			if (id_check_char(id) == '0') {
				id[17] = '0';
				id[18] = '\0';
				found = 1;
			}
		}
	ck_assert(found);
	ck_assert_str_eq(id + 15, "000");
	ck_assert_int_eq(check(id, out), ID_OK);
	ck_assert_str_eq(out, id);
}
END_TEST

/* idlist finds the same repeats as idset, in the order they were added:
 * random ID numbers, every seventh one a repeat of an earlier one, the
 * smallest and the largest number, and two that differ in the last digit. */
START_TEST(idlist_same_as_idset)
{
	enum { N = 20000 };
	static char ids[N][ID_LEN + 1];
	static uint32_t first[N];       /* per entry: the first entry with its number */
	struct idlist l;
	struct idset s;
	uint64_t x = 88172645463325252ULL;
	size_t groups = 0, in_groups = 0;

	for (size_t i = 0; i < N; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		if (i % 7 == 6)
			memcpy(ids[i], ids[x % i], ID_LEN + 1);
		else
			snprintf(ids[i], sizeof ids[i], "%017llu%c",
			    (unsigned long long)(x % 100000000000000000ULL), 'X');
	}
	memcpy(ids[0], "00000000000000000X", ID_LEN + 1);
	memcpy(ids[1], "99999999999999999X", ID_LEN + 1);
	memcpy(ids[2], "00000000000000001X", ID_LEN + 1);
	memcpy(ids[3], "00000000000000000X", ID_LEN + 1);   /* ids[0] again */
	idlist_init(&l);
	idset_init(&s);
	for (uint32_t i = 0; i < N; i++) {
		const uint32_t *seen = idset_add(&s, ids[i], i);

		first[i] = seen ? *seen : i;
		idlist_add(&l, ids[i], i);
	}
	idlist_sort(&l);
	ck_assert_uint_eq(l.n, N);
	for (size_t i = 0, j; i < l.n; i = j) {
		for (j = i + 1; j < l.n && l.v[j].key == l.v[i].key; j++) {
			/* same number, added later, same first entry */
			ck_assert_uint_lt(l.v[j - 1].value, l.v[j].value);
			ck_assert_str_eq(ids[l.v[j].value], ids[l.v[i].value]);
			ck_assert_uint_eq(first[l.v[j].value], l.v[i].value);
		}
		if (j < l.n)   /* ascending numbers */
			ck_assert_int_lt(strcmp(ids[l.v[i].value], ids[l.v[j].value]), 0);
		ck_assert_uint_eq(first[l.v[i].value], l.v[i].value);
		if (j - i > 1) {
			groups++;
			in_groups += j - i;
		}
	}
	/* every entry idset saw as a repeat is in a group */
	{
		size_t repeats = 0;

		for (size_t i = 0; i < N; i++)
			repeats += first[i] != i;
		ck_assert_uint_eq(in_groups - groups, repeats);
		ck_assert_uint_gt(repeats, N / 8);
	}
	ck_assert_uint_eq(l.v[0].value, 0);     /* 000...0: smallest */
	ck_assert_uint_eq(l.v[1].value, 3);
	ck_assert_uint_eq(l.v[2].value, 2);
	ck_assert_uint_eq(l.v[N - 1].value, 1); /* 999...9: largest */
	idset_free(&s);
	idlist_free(&l);

	/* none and one */
	idlist_init(&l);
	idlist_sort(&l);
	ck_assert_uint_eq(l.n, 0);
	idlist_add(&l, ids[5], 5);
	idlist_sort(&l);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_uint_eq(l.v[0].value, 5);
	idlist_free(&l);
}
END_TEST

Suite *
suite_idnumber(void)
{
	Suite *s = suite_create("idnumber");
	TCase *t = tcase_create("core");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, standard_examples);
	tcase_add_test(t, check_character);
	tcase_add_test(t, lower_case_x);
	tcase_add_test(t, formats);
	tcase_add_test(t, birth_dates);
	tcase_add_test(t, derived);
	tcase_add_test(t, masking);
	tcase_add_test(t, mask_runs_ids);
	tcase_add_test(t, mask_runs_leaves_others);
	tcase_add_test(t, mask_runs_bank_cards);
	tcase_add_test(t, mask_runs_full_width_id);
	tcase_add_test(t, mangled_by_a_spreadsheet);
	tcase_add_test(t, valid_id_ending_000);
	tcase_add_test(t, idlist_same_as_idset);
	suite_add_tcase(s, t);
	return s;
}
