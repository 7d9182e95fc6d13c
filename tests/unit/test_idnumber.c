#include <string.h>

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
	suite_add_tcase(s, t);
	return s;
}
