/* paths, outfile, csvout and provenance: what lands on disk. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/csvout.h"
#include "io/diag.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "io/provenance.h"
#include "suites.h"

/* EXPR (a string the caller frees) equals WANT. */
#define STR_IS(expr, want) do { \
	char *s_ = (expr); \
	ck_assert_str_eq(s_, want); \
	free(s_); \
} while (0)

static void
rm_rf(const char *dir)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Run in a fresh folder; test_leave() goes back (tests may share a
 * process: CK_FORK=no under the sanitizers). */
static char saved_cwd[PATH_MAX];

static char *
test_enter(void)
{
	char *dir = test_tmpdir();

	ck_assert_ptr_nonnull(getcwd(saved_cwd, sizeof saved_cwd));
	ck_assert_int_eq(chdir(dir), 0);
	return dir;
}

static void
test_leave(char *dir)
{
	ck_assert_int_eq(chdir(saved_cwd), 0);
	rm_rf(dir);
	free(dir);
}

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

/* ---- paths ---- */

START_TEST(path_parts)
{
	STR_IS(path_dir("x.csv"), ".");
	STR_IS(path_dir("/x"), "/");
	STR_IS(path_dir("a/b/c.csv"), "a/b");
	STR_IS(path_dir("a//c.csv"), "a");
	STR_IS(path_dir("a/b/"), "a/b");
	ck_assert_str_eq(path_base("a/b/c.csv"), "c.csv");
	ck_assert_str_eq(path_base("c.csv"), "c.csv");
	ck_assert_str_eq(path_base("a/"), "");
	STR_IS(path_join(".", "x.csv"), "x.csv");
	STR_IS(path_join("d", "/abs/x.csv"), "/abs/x.csv");
	STR_IS(path_join("d", "x.csv"), "d/x.csv");
	STR_IS(path_join("d/", "x.csv"), "d/x.csv");
	STR_IS(path_join("/", "x.csv"), "/x.csv");
	STR_IS(path_beside(NULL, "r.csv"), "r.csv");
	STR_IS(path_beside("-", "r.csv"), "r.csv");
	STR_IS(path_beside("o.csv", "r.csv"), "r.csv");
	STR_IS(path_beside("v/o.csv", "r.csv"), "v/r.csv");
	STR_IS(path_beside("/o.csv", "r.csv"), "/r.csv");
}
END_TEST

START_TEST(relative_names)
{
	char *top = test_enter(), here[PATH_MAX], want[PATH_MAX + 32], *abs;

	ck_assert_int_eq(system("mkdir -p county/2015/v county/rules && "
	    ": >county/rules/x.yaml && : >county/2015/v/in.csv && "
	    "ln -s v county/2015/link"), 0);
	STR_IS(path_relative("county/2015/v", "county/rules/x.yaml"), "../../rules/x.yaml");
	STR_IS(path_relative("county/2015/v", "county/2015/v/in.csv"), "in.csv");
	STR_IS(path_relative("county/2015/v", "county/2015/v/../v/./in.csv"), "in.csv");
	STR_IS(path_relative("county/2015/v/", "county//2015/v/in.csv"), "in.csv");
	/* An output that does not exist yet: by its folder. */
	STR_IS(path_relative("county/2015/v", "county/2015/v/new.csv"), "new.csv");
	STR_IS(path_relative("county/2015/v", "county/rules/../2015/new.csv"), "../new.csv");
	STR_IS(path_relative("county/2015/v", "county/2015/v"), ".");
	STR_IS(path_relative("county/2015/v", "county"), "../..");
	STR_IS(path_relative("county/2015/v", "-"), "stdin");
	/* Symbolic links are resolved, on both sides. */
	STR_IS(path_relative("county/2015/link", "county/2015/v/in.csv"), "in.csv");
	STR_IS(path_relative("county/2015/v", "county/2015/link/in.csv"), "in.csv");
	/* The current folder and absolute paths. */
	ck_assert_ptr_nonnull(getcwd(here, sizeof here));
	snprintf(want, sizeof want, "%s/county/rules/x.yaml", here);
	STR_IS(path_relative(".", want), "county/rules/x.yaml");
	abs = path_relative("county/2015/v", want);
	ck_assert_str_eq(abs, "../../rules/x.yaml");
	free(abs);
	/* No folder to resolve: the path made absolute. */
	snprintf(want, sizeof want, "%s/nosuch/x.csv", here);
	STR_IS(path_relative("county/2015/v", "nosuch/./x.csv"), want);
	STR_IS(path_relative("county/2015/v", "/nosuch/../elsewhere/x.yaml"), "/elsewhere/x.yaml");
	test_leave(top);
}
END_TEST

START_TEST(same_file)
{
	char *top = test_enter(), err[256];
	struct file_id x, l, h, up, y, n1, n2, n3, null1, null2, in, out;

	ck_assert_int_eq(system(": >x.csv && : >y.csv && ln -s x.csv l.csv && "
	    "ln x.csv h.csv && mkdir d"), 0);
	ck_assert_int_eq(file_id_get("x.csv", &x, err, sizeof err), 0);
	ck_assert_int_eq(file_id_get("l.csv", &l, err, sizeof err), 0);
	ck_assert_int_eq(file_id_get("h.csv", &h, err, sizeof err), 0);
	ck_assert_int_eq(file_id_get("d/../x.csv", &up, err, sizeof err), 0);
	ck_assert_int_eq(file_id_get("y.csv", &y, err, sizeof err), 0);
	ck_assert(x.exists && !x.is_chardev);
	ck_assert(file_id_same(&x, &l));     /* through a symbolic link */
	ck_assert(file_id_same(&x, &h));     /* a hard link */
	ck_assert(file_id_same(&x, &up));    /* through d/.. */
	ck_assert(!file_id_same(&x, &y));
	file_id_free(&y);
	/* Files that do not exist yet: by folder and name. */
	ck_assert_int_eq(file_id_get("new.csv", &n1, err, sizeof err), 0);
	ck_assert_int_eq(file_id_get("d/../new.csv", &n2, err, sizeof err), 0);
	ck_assert_int_eq(file_id_get("d/new.csv", &n3, err, sizeof err), 0);
	ck_assert(!n1.exists);
	ck_assert(file_id_same(&n1, &n2));
	ck_assert(!file_id_same(&n1, &n3));
	ck_assert(!file_id_same(&n1, &x));
	/* Character devices and "-" are never the same as anything. */
	ck_assert_int_eq(file_id_get("/dev/null", &null1, err, sizeof err), 0);
	ck_assert_int_eq(file_id_get("/dev/null", &null2, err, sizeof err), 0);
	ck_assert(null1.is_chardev);
	ck_assert(!file_id_same(&null1, &null2));
	ck_assert_int_eq(file_id_get("-", &in, err, sizeof err), 0);
	ck_assert_int_eq(file_id_get("-", &out, err, sizeof err), 0);
	ck_assert(!file_id_same(&in, &out));
	/* A folder that does not exist is an error naming it. */
	ck_assert_int_eq(file_id_get("nosuch/x.csv", &y, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "nosuch"));
	file_id_free(&x);
	file_id_free(&l);
	file_id_free(&h);
	file_id_free(&up);
	file_id_free(&n1);
	file_id_free(&n2);
	file_id_free(&n3);
	file_id_free(&null1);
	file_id_free(&null2);
	file_id_free(&in);
	file_id_free(&out);
	test_leave(top);
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

Suite *
suite_paths(void)
{
	Suite *s = suite_create("paths");
	TCase *t = tcase_create("core");

	tcase_add_test(t, path_parts);
	tcase_add_test(t, relative_names);
	tcase_add_test(t, same_file);
	suite_add_tcase(s, t);
	return s;
}
