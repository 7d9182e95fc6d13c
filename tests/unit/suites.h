/* One Check suite per lib file. */
#ifndef TPA_TEST_SUITES_H
#define TPA_TEST_SUITES_H

#include <check.h>

Suite *suite_idnumber(void);
Suite *suite_date(void);
Suite *suite_money(void);
Suite *suite_enums(void);
Suite *suite_text(void);
Suite *suite_hhnumber(void);
Suite *suite_csvin(void);
Suite *suite_csvout(void);
Suite *suite_yamldoc(void);
Suite *suite_village(void);
Suite *suite_area(void);
Suite *suite_columns(void);
Suite *suite_strmap(void);
Suite *suite_household(void);
Suite *suite_outfile(void);
Suite *suite_provenance(void);
Suite *suite_paths(void);
Suite *suite_pattern(void);
Suite *suite_options(void);
Suite *suite_field(void);
Suite *suite_wording(void);
Suite *suite_rules(void);
Suite *suite_condition(void);
Suite *suite_people(void);
Suite *suite_surveyset(void);
Suite *suite_lists(void);
Suite *suite_votefile(void);
Suite *suite_objectionfile(void);
Suite *suite_tablediff(void);
Suite *suite_eligibility(void);
Suite *suite_appraisal(void);
Suite *suite_objections(void);
Suite *suite_registry(void);
Suite *suite_checks(void);
Suite *suite_ledger(void);
Suite *suite_reopen(void);

/* A fresh empty folder for a test; caller frees the path. */
char *test_tmpdir(void);
/* The whole content of a file (NUL-terminated); caller frees. */
char *test_slurp(const char *path, size_t *n);
/* Write S to PATH. */
void test_write(const char *path, const char *s);
/* DIR/NAME; caller frees. */
char *test_path(const char *dir, const char *name);
/* Write S to DIR/NAME. */
void test_write_in(const char *dir, const char *name, const char *s);
/* Remove DIR and everything under it, and free the string. */
void test_rmtree(char *dir);

#endif
