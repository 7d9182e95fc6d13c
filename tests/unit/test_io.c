/* outfile, csvout and provenance: what lands on disk. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/csvout.h"
#include "io/diag.h"
#include "io/outfile.h"
#include "io/provenance.h"
#include "suites.h"

static int
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static char *
path_in(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

START_TEST(atomic_replace)
{
	char *dir = test_tmpdir(), *path = path_in(dir, "out.csv"), *got;
	char hex[DIGEST_HEX];
	struct outfile *f;
	struct stat st;

	test_write(path, "old\n");
	f = outfile_open(path, OUTFILE_PRIVATE);
	outfile_puts(f, "new\n");
	/* Until the commit, the old content stays, beside one temporary. */
	got = test_slurp(path, NULL);
	ck_assert_str_eq(got, "old\n");
	free(got);
	ck_assert_int_eq(count_entries(dir), 2);
	outfile_finish(f, hex);
	outfile_commit(f);
	got = test_slurp(path, NULL);
	ck_assert_str_eq(got, "new\n");
	free(got);
	ck_assert_int_eq(count_entries(dir), 1);
	/* sha256 of "new\n", as sha256sum gives it. */
	ck_assert_str_eq(hex, "7aa7a5359173d05b63cfd682e3c38487f3cb4f7f1d60659fe59fab1505977d4c");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(abort_keeps_old)
{
	char *dir = test_tmpdir(), *path = path_in(dir, "out.csv"), *got;
	struct outfile *f;

	test_write(path, "old\n");
	f = outfile_open(path, OUTFILE_PUBLIC);
	outfile_puts(f, "half a fi");
	outfile_abort(f);
	got = test_slurp(path, NULL);
	ck_assert_str_eq(got, "old\n");
	free(got);
	ck_assert_int_eq(count_entries(dir), 1);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(digest_of_known_text)
{
	char hex[DIGEST_HEX];

	/* FIPS 180-2 example "abc". */
	digest_bytes("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	digest_bytes("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
END_TEST

static char *
csv_of(enum csvout_kind kind, const char *const *cells, size_t n)
{
	char *dir = test_tmpdir(), *path = path_in(dir, "w.csv"), *got;
	struct outfile *f = outfile_open(path, OUTFILE_PUBLIC);
	struct csvout w;

	csvout_init(&w, f, kind);
	csvout_row(&w, cells, n);
	outfile_finish(f, NULL);
	outfile_commit(f);
	got = test_slurp(path, NULL);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return got;
}

START_TEST(minimal_quoting)
{
	const char *cells[] = { "plain", "a,b", "say \"hi\"", "l1\nl2", "", "张三", "cr\r" };
	char *got = csv_of(CSVOUT_DATA, cells, 7);

	ck_assert_str_eq(got, "plain,\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\",,张三,\"cr\r\"\n");
	free(got);
}
END_TEST

START_TEST(formula_guard)
{
	const char *cells[] = { "=1+1", "+86", "-3", "@SUM(A1)", "\tx", "a=b",
		"=HYPERLINK(\"x\",\"y\")" };
	char *got = csv_of(CSVOUT_HUMAN, cells, 7);

	ck_assert_str_eq(got, "'=1+1,'+86,'-3,'@SUM(A1),'\tx,a=b,"
	    "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\n");
	free(got);
	got = csv_of(CSVOUT_DATA, cells, 2);   /* data files keep values exact */
	ck_assert_str_eq(got, "=1+1,+86\n");
	free(got);
}
END_TEST

START_TEST(provenance_rows)
{
	char *dir = test_tmpdir(), *out = path_in(dir, "b.csv");
	char *in = path_in(dir, "in.csv"), *prov = path_in(dir, "PROVENANCE.csv");
	char *got, sha[DIGEST_HEX];
	struct provenance p;

	memset(sha, 'a', 64);
	sha[64] = '\0';
	test_write(prov, "output,sha256,stage,tool_version,rules,rules_sha256,inputs\n"
	    "a.csv,1,other,0,,,\nb.csv,2,apply,0,,,\nc.csv,3,other,0,,,\n");
	provenance_init(&p, "apply", out);
	provenance_input(&p, in, sha);
	provenance_input(&p, "/elsewhere/x.yaml", sha);
	provenance_output(&p, out, sha);
	provenance_prepare(&p);
	provenance_commit(&p);
	provenance_free(&p);
	got = test_slurp(prov, NULL);
	ck_assert_str_eq(got,
	    "output,sha256,stage,tool_version,rules,rules_sha256,inputs\n"
	    "a.csv,1,other,0,,,\n"
	    "b.csv,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,"
	    "apply," TPA_VERSION ",,,"
	    "in.csv@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;"
	    "/elsewhere/x.yaml@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
	    "c.csv,3,other,0,,,\n");
	free(got);
	unlink(prov);
	rmdir(dir);
	free(dir);
	free(out);
	free(in);
	free(prov);
}
END_TEST

Suite *
suite_outfile(void)
{
	Suite *s = suite_create("outfile");
	TCase *t = tcase_create("core");

	tcase_add_test(t, atomic_replace);
	tcase_add_test(t, abort_keeps_old);
	tcase_add_test(t, digest_of_known_text);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_csvout(void)
{
	Suite *s = suite_create("csvout");
	TCase *t = tcase_create("core");

	tcase_add_test(t, minimal_quoting);
	tcase_add_test(t, formula_guard);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_provenance(void)
{
	Suite *s = suite_create("provenance");
	TCase *t = tcase_create("core");

	tcase_add_test(t, provenance_rows);
	suite_add_tcase(s, t);
	return s;
}
