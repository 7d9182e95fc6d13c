/* paths, outfile, csvout and provenance: what lands on disk. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "io/csvout.h"
#include "base/alloc.h"
#include "io/infile.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "io/provenance.h"
#include "suites.h"
#include "values/text.h"

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
	char hex[DIGEST_HEX], err[256];
	struct outfile *f;
	struct stat st;

	test_write(path, "old\n");
	f = outfile_open(path, OUTFILE_PRIVATE, err, sizeof err);
	ck_assert_ptr_nonnull(f);
	outfile_puts(f, "new\n");
	/* Until the commit, the old content stays, beside one temporary. */
	got = test_slurp(path, NULL);
	ck_assert_str_eq(got, "old\n");
	free(got);
	ck_assert_int_eq(count_entries(dir), 2);
	ck_assert_int_eq(outfile_finish(f, hex, err, sizeof err), 0);
	ck_assert_int_eq(outfile_commit(f, err, sizeof err), 0);
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

/* A writer that writes the temporary by name (as libxlsxwriter does): its
 * bytes are digested, the mode decided at the end applies, the rename
 * replaces the old file. */
START_TEST(adopt_written_by_name)
{
	char *dir = test_tmpdir(), *path = path_in(dir, "w.xlsx"), *got;
	char hex[DIGEST_HEX], err[256];
	struct outfile *f;
	struct stat st;
	const char *tmp;
	FILE *fp;
	mode_t mask = umask(022);

	test_write(path, "old\n");
	f = outfile_open(path, OUTFILE_PRIVATE, err, sizeof err);
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(tmp = outfile_temporary(f));
	ck_assert_int_eq(stat(tmp, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_ptr_nonnull(fp = fopen(tmp, "wb"));
	fputs("new\n", fp);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_int_eq(outfile_adopt(f, OUTFILE_PUBLIC, err, sizeof err), 0);
	ck_assert_int_eq(outfile_finish(f, hex, err, sizeof err), 0);
	ck_assert_int_eq(outfile_commit(f, err, sizeof err), 0);
	umask(mask);
	got = test_slurp(path, NULL);
	ck_assert_str_eq(got, "new\n");
	free(got);
	ck_assert_str_eq(hex, "7aa7a5359173d05b63cfd682e3c38487f3cb4f7f1d60659fe59fab1505977d4c");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	ck_assert_int_eq(count_entries(dir), 1);
	/* Standard output has no temporary to write by name. */
	f = outfile_open("-", OUTFILE_PUBLIC, err, sizeof err);
	ck_assert_ptr_null(outfile_temporary(f));
	ck_assert_int_eq(outfile_adopt(f, OUTFILE_PUBLIC, err, sizeof err), -1);
	outfile_abort(f);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(abort_keeps_old)
{
	char *dir = test_tmpdir(), *path = path_in(dir, "out.csv"), *got, err[256];
	struct outfile *f;

	test_write(path, "old\n");
	f = outfile_open(path, OUTFILE_PUBLIC, err, sizeof err);
	ck_assert_ptr_nonnull(f);
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

/* Rewinding throws away what was written, digest included; only a
 * temporary can be rewound. */
START_TEST(rewind_starts_again)
{
	char *dir = test_tmpdir(), *path = path_in(dir, "out.csv"), *got, err[256];
	char hex[DIGEST_HEX], want[DIGEST_HEX];
	struct outfile *f, *dev;

	test_write(path, "old\n");
	f = outfile_open(path, OUTFILE_PUBLIC, err, sizeof err);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(outfile_rewindable(f), 1);
	for (int i = 0; i < 20000; i++)      /* past the buffer: on disk */
		outfile_puts(f, "first pass ");
	ck_assert_int_eq(outfile_rewind(f, err, sizeof err), 0);
	outfile_puts(f, "second\n");
	ck_assert_int_eq(outfile_finish(f, hex, err, sizeof err), 0);
	ck_assert_int_eq(outfile_commit(f, err, sizeof err), 0);
	got = test_slurp(path, NULL);
	ck_assert_str_eq(got, "second\n");
	free(got);
	digest_bytes("second\n", 7, want);
	ck_assert_str_eq(hex, want);
	ck_assert_int_eq(count_entries(dir), 1);

	dev = outfile_open("/dev/null", OUTFILE_PUBLIC, err, sizeof err);
	ck_assert_ptr_nonnull(dev);
	ck_assert_int_eq(outfile_rewindable(dev), 0);
	ck_assert_int_eq(outfile_rewind(dev, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "/dev/null"));
	outfile_abort(dev);
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
	char *dir = test_tmpdir(), *path = path_in(dir, "w.csv"), *got, err[256];
	struct outfile *f = outfile_open(path, OUTFILE_PUBLIC, err, sizeof err);
	struct csvout w;

	ck_assert_ptr_nonnull(f);
	csvout_init(&w, f, kind);
	csvout_row(&w, cells, n);
	ck_assert_int_eq(outfile_finish(f, NULL, err, sizeof err), 0);
	ck_assert_int_eq(outfile_commit(f, err, sizeof err), 0);
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
	char *got, sha[DIGEST_HEX], err[256];
	struct provenance p;

	memset(sha, 'a', 64);
	sha[64] = '\0';
	test_write(prov, "output,sha256,stage,tool_version,rules,rules_sha256,inputs\n"
	    "a.csv,1,other,0,,,\nb.csv,2,apply,0,,,\nc.csv,3,other,0,,,\n");
	provenance_init(&p, "apply", out);
	provenance_input(&p, in, sha);
	provenance_input(&p, "/elsewhere/x.yaml", sha);
	provenance_output(&p, out, sha);
	ck_assert_int_eq(provenance_prepare(&p, err, sizeof err), 0);
	ck_assert_int_eq(provenance_commit(&p, err, sizeof err), 0);
	ck_assert_str_eq(provenance_notes(&p), "");
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
	got = path_in(dir, ".tpa-deps.mk");
	unlink(got);
	free(got);
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

/* ---- outfile: devices, refusals, long names ---- */

START_TEST(device_in_place)
{
	char err[256], hex[DIGEST_HEX];
	struct outfile *f = outfile_open("/dev/null", OUTFILE_PRIVATE, err, sizeof err);
	struct stat st;

	ck_assert_msg(f != NULL, "%s", err);
	ck_assert(outfile_in_place(f));
	ck_assert(!outfile_is_stdout(f));
	ck_assert_str_eq(outfile_path(f), "/dev/null");
	outfile_puts(f, "abc");
	/* fsync(2) of /dev/null fails with EINVAL: not a write error. */
	ck_assert_int_eq(outfile_finish(f, hex, err, sizeof err), 0);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert_int_eq(outfile_commit(f, err, sizeof err), 0);
	ck_assert_int_eq(stat("/dev/null", &st), 0);
	ck_assert(S_ISCHR(st.st_mode));

	f = outfile_open("-", OUTFILE_PRIVATE, err, sizeof err);
	ck_assert(outfile_is_stdout(f) && outfile_in_place(f));
	ck_assert_int_eq(outfile_finish(f, NULL, err, sizeof err), 0);
	ck_assert_int_eq(outfile_commit(f, err, sizeof err), 0);
}
END_TEST

START_TEST(full_device)
{
	char err[256];
	struct outfile *f = outfile_open("/dev/full", OUTFILE_PRIVATE, err, sizeof err);
	struct stat st;

	ck_assert_msg(f != NULL, "%s", err);
	ck_assert(outfile_in_place(f));
	outfile_puts(f, "household_id\n");
	ck_assert_int_eq(outfile_finish(f, NULL, err, sizeof err), -1);
	ck_assert_str_eq(err, "cannot write /dev/full: No space left on device");
	outfile_abort(f);
	ck_assert_int_eq(stat("/dev/full", &st), 0);
	ck_assert(S_ISCHR(st.st_mode));
}
END_TEST

START_TEST(refused_outputs)
{
	char *top = test_enter(), err[256];
	struct sockaddr_un sa;
	struct stat st;
	int s = socket(AF_UNIX, SOCK_STREAM, 0);

	ck_assert_int_eq(mkfifo("fifo", 0600), 0);
	ck_assert_int_eq(mkdir("dir", 0700), 0);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, "sock");
	ck_assert_int_ge(s, 0);
	ck_assert_int_eq(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);

	ck_assert_ptr_null(outfile_open("fifo", OUTFILE_PUBLIC, err, sizeof err));
	ck_assert_str_eq(err, "fifo: output is a FIFO (named pipe), not a file: "
	    "give another name (or - for standard output)");
	ck_assert_ptr_null(outfile_open("dir", OUTFILE_PUBLIC, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "dir: output is a folder"));
	ck_assert_ptr_null(outfile_open("dir/", OUTFILE_PUBLIC, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "dir/: output is a folder"));
	ck_assert_ptr_null(outfile_open("sock", OUTFILE_PUBLIC, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "sock: output is a socket"));
	ck_assert_ptr_null(outfile_open("nosuch/x.csv", OUTFILE_PUBLIC, err, sizeof err));
	ck_assert_str_eq(err, "cannot write nosuch/x.csv: No such file or directory");
	/* Nothing replaced, nothing left. */
	ck_assert(stat("fifo", &st) == 0 && S_ISFIFO(st.st_mode));
	ck_assert(stat("dir", &st) == 0 && S_ISDIR(st.st_mode));
	ck_assert(stat("sock", &st) == 0 && S_ISSOCK(st.st_mode));
	ck_assert_int_eq(count_entries("."), 3);
	close(s);
	test_leave(top);
}
END_TEST

/* The one temporary in the current folder: its name. */
static char *
only_temporary(void)
{
	DIR *d = opendir(".");
	struct dirent *e;
	char *name = NULL;

	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, ".tmp-") != NULL) {
			ck_assert_ptr_null(name);
			name = xstrdup(e->d_name);
		}
	closedir(d);
	ck_assert_ptr_nonnull(name);
	return name;
}

START_TEST(long_names)
{
	char *top = test_enter(), err[256], name[NAME_MAX + 1], stale[NAME_MAX + 1];
	static const size_t lengths[] = { 244, 255 };

	for (size_t k = 0; k < 2; k++) {
		size_t n = lengths[k];
		struct outfile *f;
		char *tmp, *got;

		/* "a", then two-byte characters, so that the cut of the
		 * temporary's name falls inside one. */
		size_t fill = n - 5;

		name[0] = 'a';
		for (size_t i = 0; i + 2 <= fill; i += 2)
			memcpy(name + 1 + i, "\xC3\xA9", 2);
		if (fill & 1)
			name[n - 5] = 'x';
		memcpy(name + n - 4, ".csv", 5);
		ck_assert_uint_eq(strlen(name), n);
		f = outfile_open(name, OUTFILE_PUBLIC, err, sizeof err);
		ck_assert_msg(f != NULL, "%zu bytes: %s", n, err);
		outfile_puts(f, "x\n");
		tmp = only_temporary();
		ck_assert_uint_le(strlen(tmp), NAME_MAX);
		ck_assert_uint_eq(utf8_valid_prefix(tmp, strlen(tmp), 0), strlen(tmp));
		ck_assert_int_eq(outfile_finish(f, NULL, err, sizeof err), 0);
		ck_assert_int_eq(outfile_commit(f, err, sizeof err), 0);
		got = test_slurp(name, NULL);
		ck_assert_str_eq(got, "x\n");
		free(got);

		/* A killed run's temporary of the long name is found again:
		 * same prefix, a process that does not exist. */
		snprintf(stale, sizeof stale, "%.*s2147483646-abcdef",
		    (int)(strstr(tmp, ".tmp-") + 5 - tmp), tmp);
		test_write(stale, "stale");
		f = outfile_open(name, OUTFILE_PUBLIC, err, sizeof err);
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(access(stale, F_OK), -1);
		outfile_abort(f);
		free(tmp);
		unlink(name);
		ck_assert_int_eq(count_entries("."), 0);
	}
	test_leave(top);
}
END_TEST

START_TEST(commit_unfinished)
{
	char *top = test_enter(), err[256];
	struct outfile *f = outfile_open("x.csv", OUTFILE_PUBLIC, err, sizeof err);

	outfile_puts(f, "x\n");
	ck_assert_int_eq(outfile_commit(f, err, sizeof err), -1);
	ck_assert_int_eq(count_entries("."), 0);
	test_leave(top);
}
END_TEST

/* ---- provenance: names, reading, repair, verification, make ---- */

#define HEAD "output,sha256,stage,tool_version,rules,rules_sha256,inputs\n"
#define A64 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define B64 "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

START_TEST(names_relative_to_the_folder)
{
	char *top = test_enter(), err[256], *got;
	struct provenance p;

	ck_assert_int_eq(system("mkdir -p county/2015/v county/rules && "
	    ": >county/rules/x.yaml && : >county/rules/inc.yaml && "
	    ": >county/2015/v/in.csv && : >elsewhere.csv && "
	    "ln -s ../../../elsewhere.csv county/2015/v/link.csv"), 0);
	/* Run from the top, as make -C or a shell elsewhere would. */
	provenance_init(&p, "survey", "county/2015/v/out.csv");
	provenance_rules(&p, "county/rules/x.yaml", A64);
	provenance_input(&p, "county/2015/v/in.csv", A64);
	provenance_input(&p, "-", A64);
	provenance_input(&p, "county/rules/../rules/inc.yaml", A64);
	provenance_output(&p, "county/2015/v/out.csv", B64);
	/* An output that is a symbolic link is replaced, not followed. */
	provenance_output(&p, "county/2015/v/link.csv", B64);
	ck_assert_int_eq(provenance_prepare(&p, err, sizeof err), 0);
	ck_assert_int_eq(provenance_commit(&p, err, sizeof err), 0);
	provenance_free(&p);
	provenance_free(&p);   /* harmless */
	got = test_slurp("county/2015/v/PROVENANCE.csv", NULL);
	ck_assert_str_eq(got, HEAD
	    "link.csv," B64 ",survey," TPA_VERSION ",../../rules/x.yaml," A64 ","
	    "in.csv@" A64 ";stdin@" A64 ";../../rules/inc.yaml@" A64 "\n"
	    "out.csv," B64 ",survey," TPA_VERSION ",../../rules/x.yaml," A64 ","
	    "in.csv@" A64 ";stdin@" A64 ";../../rules/inc.yaml@" A64 "\n");
	free(got);
	got = test_slurp("county/2015/v/.tpa-deps.mk", NULL);
	ck_assert_ptr_nonnull(strstr(got,
	    "link.csv: ../../rules/inc.yaml ../../rules/x.yaml in.csv\n"
	    "out.csv: ../../rules/inc.yaml ../../rules/x.yaml in.csv\n"
	    "\n"
	    "../../rules/inc.yaml:\n"
	    "../../rules/x.yaml:\n"
	    "in.csv:\n"));
	free(got);
	test_leave(top);
}
END_TEST

START_TEST(deps_file)
{
	char *top = test_enter(), err[256], *got;
	struct provenance p;

	/* Rows of other stages are in it too; names make cannot say are
	 * left out; special characters are escaped. */
	test_write("PROVENANCE.csv", HEAD
	    "a.csv,1,other,0,r.yaml,2,in.csv@3;stdin@4\n"
	    "my out.csv,1,other,0,,,a b$#:*.csv@5;100%.csv@6;~x.csv@7\n"
	    "odd%.csv,1,other,0,,,in.csv@1\n");
	provenance_init(&p, "apply", "b.csv");
	provenance_input(&p, "in.csv", A64);
	provenance_output(&p, "b.csv", A64);
	ck_assert_int_eq(provenance_prepare(&p, err, sizeof err), 0);
	ck_assert_int_eq(provenance_commit(&p, err, sizeof err), 0);
	provenance_free(&p);
	got = test_slurp(".tpa-deps.mk", NULL);
	ck_assert_str_eq(got,
	    "# What each output of this folder was made from, as PROVENANCE.csv records it.\n"
	    "# Written by tpa; include it from the folder's Makefile.\n"
	    "a.csv: in.csv r.yaml\n"
	    "b.csv: in.csv\n"
	    "my\\ out.csv: a\\ b$$\\#\\:\\*.csv \\~x.csv\n"
	    "\n"
	    "a\\ b$$\\#\\:\\*.csv:\n"
	    "in.csv:\n"
	    "r.yaml:\n"
	    "\\~x.csv:\n");
	free(got);
	test_leave(top);
}
END_TEST

START_TEST(read_rows)
{
	char *top = test_enter(), err[256];
	struct provenance_rows rows;
	const struct provenance_row *r;

	ck_assert_int_eq(provenance_read(".", &rows, err, sizeof err), 1);
	ck_assert_uint_eq(rows.n, 0);
	provenance_rows_free(&rows);
	test_write("PROVENANCE.csv", HEAD
	    "a.csv," A64 ",survey,0.1.0,../r.yaml," B64 ",in.csv@" A64 ";x@y.csv@" B64 "\n"
	    "\n"
	    "\"b,c.csv\",1,apply,0.1.0,,,\n");
	ck_assert_int_eq(provenance_read(".", &rows, err, sizeof err), 0);
	ck_assert_uint_eq(rows.n, 2);
	r = provenance_find(&rows, "a.csv");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->sha256, A64);
	ck_assert_str_eq(r->stage, "survey");
	ck_assert_str_eq(r->tool_version, "0.1.0");
	ck_assert_str_eq(r->rules, "../r.yaml");
	ck_assert_str_eq(r->rules_sha256, B64);
	ck_assert_uint_eq(r->ninputs, 2);
	ck_assert_str_eq(r->inputs[0].name, "in.csv");
	ck_assert_str_eq(r->inputs[0].sha256, A64);
	ck_assert_str_eq(r->inputs[1].name, "x@y.csv");
	ck_assert_str_eq(r->inputs[1].sha256, B64);
	ck_assert_uint_eq(r->line, 2);
	r = provenance_find(&rows, "b,c.csv");
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->line, 4);
	ck_assert_uint_eq(r->ninputs, 0);
	ck_assert_str_eq(r->rules, "");
	ck_assert_ptr_null(provenance_find(&rows, "c.csv"));
	provenance_rows_free(&rows);

	/* A row that cannot be read is an error at its line. */
	test_write("PROVENANCE.csv", HEAD "a.csv,1,s,0,,,\nb.csv,1,s,0,,,in\xA1.csv@1\n");
	ck_assert_int_eq(provenance_read(".", &rows, err, sizeof err), -1);
	ck_assert_str_eq(err, "PROVENANCE.csv:3: byte 17 of the line is not UTF-8; "
	    "fix or delete that line (the stage that wrote it writes it again)");
	ck_assert_uint_eq(rows.n, 0);
	provenance_rows_free(&rows);
	test_write("PROVENANCE.csv", HEAD "a.csv,1,s,0,,\n");
	ck_assert_int_eq(provenance_read(".", &rows, err, sizeof err), -1);
	ck_assert_str_eq(err, "PROVENANCE.csv:2: the row has 6 cells, not 7; "
	    "fix or delete that line (the stage that wrote it writes it again)");
	provenance_rows_free(&rows);
	test_leave(top);
}
END_TEST

/* Prepare and commit a record of "apply" writing b.csv (and c.csv). */
static int
run_apply(const char *extra_output, char *err, size_t errlen, char **notes)
{
	struct provenance p;
	int rc;

	provenance_init(&p, "apply", "b.csv");
	provenance_input(&p, "in.csv", A64);
	provenance_output(&p, "b.csv", B64);
	if (extra_output)
		provenance_output(&p, extra_output, B64);
	rc = provenance_prepare(&p, err, errlen);
	if (rc == 0)
		rc = provenance_commit(&p, err, errlen);
	*notes = xstrdup(provenance_notes(&p));
	provenance_free(&p);
	return rc;
}

#define NEW_B "b.csv," B64 ",apply," TPA_VERSION ",,,in.csv@" A64 "\n"

START_TEST(unreadable_own_rows_are_replaced)
{
	char *top = test_enter(), err[256], *notes, *got;

	/* Issue 9: a crash wrote garbage into an input name of this stage's
	 * rows; every later run stopped at it. */
	test_write("PROVENANCE.csv", HEAD
	    "a.csv,1,other,0,,,\n"
	    "b.csv," A64 ",apply,0.1.0,,,in.csv@" A64 ";\xA1\xFE\x01garbage@" A64 "\n"
	    "c.csv,1,apply,0.1.0,,\n"
	    "d.csv,1,other,0,,,\n");
	ck_assert_int_eq(run_apply("c.csv", err, sizeof err, &notes), 0);
	ck_assert_str_eq(notes,
	    "PROVENANCE.csv:3: an unreadable row of b.csv was replaced "
	    "(byte 158 of the line is not UTF-8)\n"
	    "PROVENANCE.csv:4: an unreadable row of c.csv was replaced "
	    "(the row has 6 cells, not 7)");
	free(notes);
	got = test_slurp("PROVENANCE.csv", NULL);
	ck_assert_str_eq(got, HEAD "a.csv,1,other,0,,,\n" NEW_B
	    "c.csv," B64 ",apply," TPA_VERSION ",,,in.csv@" A64 "\n"
	    "d.csv,1,other,0,,,\n");
	free(got);

	/* Broken quoting: only the line it starts on is skipped. */
	test_write("PROVENANCE.csv", HEAD
	    "b.csv,1,apply,0,,\"x\"y,\n"
	    "d.csv,1,other,0,,,\n"
	    "\"b.csv\",1,apply,0,,,\"in.csv@1\n"
	    "\n");
	ck_assert_int_eq(run_apply(NULL, err, sizeof err, &notes), 0);
	ck_assert_str_eq(notes,
	    "PROVENANCE.csv:2: an unreadable row of b.csv was replaced "
	    "(text after a closing quote)\n"
	    "PROVENANCE.csv:4: an unreadable row of b.csv was replaced "
	    "(a quoted cell is never closed)");
	free(notes);
	got = test_slurp("PROVENANCE.csv", NULL);
	ck_assert_str_eq(got, HEAD NEW_B "d.csv,1,other,0,,,\n");
	free(got);

	/* A damaged header is rewritten; a clean run leaves no note. */
	test_write("PROVENANCE.csv", "output,sha\xFF\n");
	ck_assert_int_eq(run_apply(NULL, err, sizeof err, &notes), 0);
	ck_assert_str_eq(notes, "");
	free(notes);
	got = test_slurp("PROVENANCE.csv", NULL);
	ck_assert_str_eq(got, HEAD NEW_B);
	free(got);
	test_leave(top);
}
END_TEST

START_TEST(unreadable_other_rows_stop)
{
	static const char old[] = HEAD "a.csv,1,other,0,,,\n"
	    "c.csv,1,other,0,,,in.csv@1;\xA1garbage@2\n";
	char *top = test_enter(), err[256], *notes, *got;

	test_write("PROVENANCE.csv", old);
	ck_assert_int_eq(run_apply(NULL, err, sizeof err, &notes), -1);
	ck_assert_str_eq(err, "PROVENANCE.csv:3: byte 28 of the line is not UTF-8; "
	    "fix or delete that line (the stage that wrote it writes it again)");
	free(notes);
	/* Nothing changed, nothing left, the lock released. */
	got = test_slurp("PROVENANCE.csv", NULL);
	ck_assert_str_eq(got, old);
	free(got);
	ck_assert_int_eq(count_entries("."), 1);
	/* Deleting the line, as the message says, recovers. */
	test_write("PROVENANCE.csv", HEAD "a.csv,1,other,0,,,\n");
	ck_assert_int_eq(run_apply(NULL, err, sizeof err, &notes), 0);
	free(notes);
	got = test_slurp("PROVENANCE.csv", NULL);
	ck_assert_str_eq(got, HEAD "a.csv,1,other,0,,,\n" NEW_B);
	free(got);
	test_leave(top);
}
END_TEST

/* Problems reported by provenance_verify, as "CODE name;..." text. */
struct problems {
	char text[1024];
};

static void
note_problem(void *ctx, const struct provenance_row *row,
    enum provenance_problem what, const char *name)
{
	static const char *const codes[] = { "OUTPUT_MISSING", "OUTPUT_CHANGED",
		"INPUT_MISSING", "INPUT_CHANGED", "RULES_MISSING", "RULES_CHANGED" };
	struct problems *p = ctx;
	size_t n = strlen(p->text);

	snprintf(p->text + n, sizeof p->text - n, "%s%s:%s %s", n ? ";" : "",
	    row->output, codes[what], name);
}

/* Verify the folder "v" and return the problems found. */
static char *
verify(void)
{
	struct provenance_rows rows;
	struct problems p = { "" };
	char err[256];
	size_t n;

	ck_assert_int_eq(provenance_read("v", &rows, err, sizeof err), 0);
	n = provenance_verify("v", &rows, note_problem, &p);
	provenance_rows_free(&rows);
	if (n == 0)
		ck_assert_str_eq(p.text, "");
	return xstrdup(p.text);
}

/* One run of a stage in folder "v": rules ../rules/r.yaml including
 * ../rules/inc.yaml, input in.csv, outputs out.csv and side.csv with the
 * given contents. SIDE_BLOCKED makes side.csv's rename fail. Returns what
 * provenance_seal() returned. */
static int
stage_run(const char *out_text, const char *side_text, int side_blocked)
{
	static const char *const files[] = { "../rules/r.yaml", "../rules/inc.yaml", "in.csv" };
	struct outfile *outs[2];
	char sha[3][DIGEST_HEX], out_sha[2][DIGEST_HEX], err[256], *data;
	struct provenance p;
	int rc;

	ck_assert_int_eq(chdir("v"), 0);
	for (size_t i = 0; i < 3; i++) {
		size_t n;

		data = test_slurp(files[i], &n);
		digest_bytes(data, n, sha[i]);
		free(data);
	}
	outs[0] = outfile_open("out.csv", OUTFILE_PRIVATE, err, sizeof err);
	outs[1] = outfile_open("side.csv", OUTFILE_PUBLIC, err, sizeof err);
	outfile_puts(outs[0], out_text);
	outfile_puts(outs[1], side_text);
	ck_assert_int_eq(outfile_finish(outs[0], out_sha[0], err, sizeof err), 0);
	ck_assert_int_eq(outfile_finish(outs[1], out_sha[1], err, sizeof err), 0);
	if (side_blocked)   /* a folder in its place: rename(2) fails */
		ck_assert_int_eq(system("rm -f side.csv && mkdir side.csv && : >side.csv/x"), 0);
	provenance_init(&p, "survey", "out.csv");
	provenance_rules(&p, files[0], sha[0]);
	provenance_input(&p, files[2], sha[2]);
	provenance_input(&p, files[1], sha[1]);
	provenance_output(&p, "out.csv", out_sha[0]);
	provenance_output(&p, "side.csv", out_sha[1]);
	rc = provenance_seal(&p, outs, 2, err, sizeof err);
	provenance_free(&p);
	ck_assert_int_eq(chdir(".."), 0);
	return rc;
}

START_TEST(verify_each_problem)
{
	char *top = test_enter(), *got;
	struct provenance_rows rows;
	char err[256];

	ck_assert_int_eq(system("mkdir v rules && echo rules >rules/r.yaml && "
	    "echo inc >rules/inc.yaml && echo in >v/in.csv"), 0);
	ck_assert_int_eq(stage_run("out 1\n", "side 1\n", 0), 0);
	STR_IS(verify(), "");

	/* An output changed by hand. */
	test_write("v/out.csv", "out 2\n");
	STR_IS(verify(), "out.csv:OUTPUT_CHANGED out.csv");
	test_write("v/out.csv", "out 1\n");
	/* An input, an included rules file, the rules. */
	test_write("v/in.csv", "in 2\n");
	STR_IS(verify(), "out.csv:INPUT_CHANGED in.csv;side.csv:INPUT_CHANGED in.csv");
	test_write("v/in.csv", "in\n");
	test_write("rules/inc.yaml", "inc 2\n");
	STR_IS(verify(), "out.csv:INPUT_CHANGED ../rules/inc.yaml;"
	    "side.csv:INPUT_CHANGED ../rules/inc.yaml");
	test_write("rules/inc.yaml", "inc\n");
	test_write("rules/r.yaml", "rules 2\n");
	STR_IS(verify(), "out.csv:RULES_CHANGED ../rules/r.yaml;"
	    "side.csv:RULES_CHANGED ../rules/r.yaml");
	unlink("rules/r.yaml");
	STR_IS(verify(), "out.csv:RULES_MISSING ../rules/r.yaml;"
	    "side.csv:RULES_MISSING ../rules/r.yaml");
	test_write("rules/r.yaml", "rules\n");
	unlink("v/in.csv");
	STR_IS(verify(), "out.csv:INPUT_MISSING in.csv;side.csv:INPUT_MISSING in.csv");
	test_write("v/in.csv", "in\n");
	unlink("v/side.csv");
	STR_IS(verify(), "side.csv:OUTPUT_MISSING side.csv");
	test_write("v/side.csv", "side 1\n");
	STR_IS(verify(), "");

	/* A row removed by hand: the output has no row. */
	got = test_slurp("v/PROVENANCE.csv", NULL);
	*strstr(got, "side.csv,") = '\0';
	test_write("v/PROVENANCE.csv", got);
	free(got);
	ck_assert_int_eq(provenance_read("v", &rows, err, sizeof err), 0);
	ck_assert_ptr_nonnull(provenance_find(&rows, "out.csv"));
	ck_assert_ptr_null(provenance_find(&rows, "side.csv"));
	provenance_rows_free(&rows);
	test_leave(top);
}
END_TEST

/* A commit stopped between renames (here: one rename fails) leaves
 * PROVENANCE.csv old, last, and the new output it does not match. */
START_TEST(interrupted_commit_is_detected)
{
	char *top = test_enter(), *got;

	ck_assert_int_eq(system("mkdir v rules && echo rules >rules/r.yaml && "
	    "echo inc >rules/inc.yaml && echo in >v/in.csv"), 0);
	ck_assert_int_eq(stage_run("out 1\n", "side 1\n", 0), 0);
	ck_assert_int_eq(stage_run("out 2\n", "side 2\n", 1), -1);
	got = test_slurp("v/out.csv", NULL);
	ck_assert_str_eq(got, "out 2\n");
	free(got);
	STR_IS(verify(), "out.csv:OUTPUT_CHANGED out.csv;side.csv:OUTPUT_MISSING side.csv");
	/* No temporary left (PROVENANCE.csv's nor side.csv's), no lock held. */
	ck_assert_int_eq(system("test -z \"$(find v -name '*.tmp-*')\""), 0);
	ck_assert_int_eq(system("rm -r v/side.csv"), 0);
	ck_assert_int_eq(stage_run("out 2\n", "side 2\n", 0), 0);
	STR_IS(verify(), "");
	test_leave(top);
}
END_TEST

Suite *
suite_outfile(void)
{
	Suite *s = suite_create("outfile");
	TCase *t = tcase_create("core");

	tcase_add_test(t, atomic_replace);
	tcase_add_test(t, adopt_written_by_name);
	tcase_add_test(t, abort_keeps_old);
	tcase_add_test(t, rewind_starts_again);
	tcase_add_test(t, digest_of_known_text);
	tcase_add_test(t, device_in_place);
	tcase_add_test(t, full_device);
	tcase_add_test(t, refused_outputs);
	tcase_add_test(t, long_names);
	tcase_add_test(t, commit_unfinished);
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
	tcase_add_test(t, names_relative_to_the_folder);
	tcase_add_test(t, deps_file);
	tcase_add_test(t, read_rows);
	tcase_add_test(t, unreadable_own_rows_are_replaced);
	tcase_add_test(t, unreadable_other_rows_stop);
	tcase_add_test(t, verify_each_problem);
	tcase_add_test(t, interrupted_commit_is_detected);
	suite_add_tcase(s, t);
	return s;
}

START_TEST(opening_to_read)
{
	char *top = test_enter(), err[256];
	int fd;

	test_write("plain.csv", "a\n");
	ck_assert_int_eq(mkfifo("fifo", 0600), 0);
	ck_assert_int_eq(mkdir("dir", 0700), 0);
	ck_assert_int_eq(symlink("/dev/zero", "zero"), 0);
	ck_assert_int_eq(symlink("plain.csv", "link"), 0);
	/* a regular file, also through a link, opens blocking again */
	ck_assert_int_ge(fd = infile_open("link", INFILE_REGULAR, err, sizeof err), 0);
	ck_assert_int_eq(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	close(fd);
	/* a FIFO nobody writes to: refused at once, or read as empty */
	ck_assert_int_eq(infile_open("fifo", INFILE_REGULAR, err, sizeof err),
	    INFILE_NOT_REGULAR);
	ck_assert_str_eq(err, "cannot read fifo: not a regular file");
	ck_assert_int_ge(fd = infile_open("fifo", INFILE_STREAM, err, sizeof err), 0);
	{
		char c;

		ck_assert_int_eq(read(fd, &c, 1), 0);
	}
	close(fd);
	ck_assert_int_eq(infile_open("zero", INFILE_REGULAR, err, sizeof err),
	    INFILE_NOT_REGULAR);
	ck_assert_int_eq(infile_open("dir", INFILE_STREAM, err, sizeof err),
	    INFILE_NOT_REGULAR);
	ck_assert_int_eq(infile_open("nosuch", INFILE_REGULAR, err, sizeof err),
	    INFILE_ERROR);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_int_eq(infile_regular("plain.csv", err, sizeof err), 1);
	ck_assert_int_eq(infile_regular("nosuch", err, sizeof err), 0);
	ck_assert_int_eq(infile_regular("fifo", err, sizeof err), INFILE_NOT_REGULAR);
	ck_assert_int_eq(infile_regular("zero", err, sizeof err), INFILE_NOT_REGULAR);
	test_leave(top);
}
END_TEST

START_TEST(repeated_paths)
{
	char *top = test_enter();
	const char *one[] = { "v", "w", "v/" };
	const char *two[] = { "x", "v", "w", "./w", "l" };
	const char *none[] = { "v", "w", "nosuch", "nosuch", "-", "-" };
	size_t first = 99;

	ck_assert_int_eq(mkdir("v", 0700), 0);
	ck_assert_int_eq(mkdir("w", 0700), 0);
	ck_assert_int_eq(symlink("v", "l"), 0);
	ck_assert_uint_eq(paths_repeated(one, 3, &first), 2);
	ck_assert_uint_eq(first, 0);
	ck_assert_uint_eq(paths_repeated(two, 5, &first), 3);
	ck_assert_uint_eq(first, 2);
	ck_assert_uint_eq(paths_repeated(two, 3, &first), 3);
	ck_assert_uint_eq(paths_repeated(none, 6, &first), 6);
	test_leave(top);
}
END_TEST

START_TEST(making_folders)
{
	char *top = test_enter(), err[256];

	ck_assert_int_eq(path_make_dirs("a/b//c/", 0777, err, sizeof err), 0);
	ck_assert(path_is_dir("a/b/c"));
	ck_assert_int_eq(path_make_dirs("a/b/c", 0777, err, sizeof err), 0);
	test_write("f", "");
	ck_assert_int_eq(path_make_dirs("f/x/y", 0777, err, sizeof err), -1);
	ck_assert_str_eq(err, "cannot make the folder f/x/y: f is not a folder");
	ck_assert_int_eq(path_make_dirs("f", 0777, err, sizeof err), -1);
	ck_assert_str_eq(err, "f: not a folder");
	test_leave(top);
}
END_TEST

Suite *
suite_paths(void)
{
	Suite *s = suite_create("paths");
	TCase *t = tcase_create("core");

	tcase_add_test(t, path_parts);
	tcase_add_test(t, relative_names);
	tcase_add_test(t, same_file);
	tcase_add_test(t, opening_to_read);
	tcase_add_test(t, repeated_paths);
	tcase_add_test(t, making_folders);
	suite_add_tcase(s, t);
	return s;
}
