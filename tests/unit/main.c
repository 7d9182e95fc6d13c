#define _XOPEN_SOURCE 700   /* nftw */

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "suites.h"

char *
test_tmpdir(void)
{
	char tmpl[] = "/tmp/tpa-unit-XXXXXX";
	char *d = mkdtemp(tmpl);

	ck_assert_ptr_nonnull(d);
	return xstrdup(d);
}

char *
test_slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long len;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = xmalloc((size_t)len + 1);
	if (fread(buf, 1, (size_t)len, fp) != (size_t)len)
		len = 0;
	buf[len] = '\0';
	fclose(fp);
	if (n)
		*n = (size_t)len;
	return buf;
}

void
test_write(const char *path, const char *s)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	fputs(s, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

char *
test_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

void
test_write_in(const char *dir, const char *name, const char *s)
{
	char *p = test_path(dir, name);

	test_write(p, s);
	free(p);
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

void
test_rmtree(char *dir)
{
	if (dir == NULL)
		return;
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

/* The suites, by the names Check knows them by (CK_RUN_SUITE=NAME runs
 * one; run --list names them, for running them side by side). */
#define SUITE(n) { #n, suite_##n }
static const struct {
	const char *name;
	Suite *(*make)(void);
} suites[] = {
	SUITE(idnumber), SUITE(date), SUITE(money), SUITE(enums), SUITE(text),
	SUITE(hhnumber),
	SUITE(csvin), SUITE(csvout), SUITE(yamldoc), SUITE(village), SUITE(area),
	SUITE(columns), SUITE(strmap), SUITE(household), SUITE(outfile),
	SUITE(provenance), SUITE(paths), SUITE(pattern), SUITE(options),
	SUITE(field), SUITE(wording), SUITE(rules), SUITE(condition),
	SUITE(people), SUITE(surveyset), SUITE(lists), SUITE(votefile),
	SUITE(objectionfile), SUITE(tablediff), SUITE(eligibility), SUITE(registry),
	SUITE(appraisal), SUITE(objections), SUITE(checks), SUITE(ledger),
	SUITE(reopen),
};

int
main(int argc, char **argv)
{
	SRunner *sr;
	int failed;

	if (argc == 2 && strcmp(argv[1], "--list") == 0) {
		for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
			puts(suites[i].name);
		return 0;
	}
	program_set_name("unit");
	sr = srunner_create(NULL);
	for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
		srunner_add_suite(sr, suites[i].make());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
