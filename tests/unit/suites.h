/* One Check suite per lib file. */
#ifndef TPA_TEST_SUITES_H
#define TPA_TEST_SUITES_H

#include <check.h>

Suite *suite_idnumber(void);
Suite *suite_date(void);
Suite *suite_money(void);
Suite *suite_enums(void);
Suite *suite_text(void);
Suite *suite_csvin(void);
Suite *suite_csvout(void);
Suite *suite_yamldoc(void);
Suite *suite_village(void);
Suite *suite_columns(void);
Suite *suite_strmap(void);
Suite *suite_household(void);
Suite *suite_outfile(void);
Suite *suite_provenance(void);
Suite *suite_paths(void);
Suite *suite_pattern(void);
Suite *suite_options(void);
Suite *suite_rules(void);
Suite *suite_lists(void);

/* A fresh empty folder for a test; caller frees the path. */
char *test_tmpdir(void);
/* The whole content of a file (NUL-terminated); caller frees. */
char *test_slurp(const char *path, size_t *n);
/* Write S to PATH. */
void test_write(const char *path, const char *s);

#endif
