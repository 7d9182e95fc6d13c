#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strmap.h"
#include "io/paths.h"

char *
path_dir(const char *path)
{
	const char *slash = strrchr(path, '/'), *end;

	if (slash == NULL)
		return xstrdup(".");
	for (end = slash; end > path && end[-1] == '/'; end--)
		continue;
	if (end == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(end - path));
}

const char *
path_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

char *
path_join(const char *dir, const char *rel)
{
	size_t d = strlen(dir), r = strlen(rel);
	char *p;

	if (rel[0] == '/' || d == 0 || strcmp(dir, ".") == 0)
		return xstrdup(rel);
	while (d > 1 && dir[d - 1] == '/')
		d--;
	p = xmalloc(d + r + 2);
	memcpy(p, dir, d);
	if (dir[d - 1] != '/')
		p[d++] = '/';
	memcpy(p + d, rel, r + 1);
	return p;
}

char *
path_beside(const char *output, const char *name)
{
	const char *slash = output && strcmp(output, "-") != 0 ?
	    strrchr(output, '/') : NULL;
	size_t dir = slash ? (size_t)(slash - output) + 1 : 0;
	char *p = xmalloc(dir + strlen(name) + 1);

	if (dir > 0)
		memcpy(p, output, dir);
	strcpy(p + dir, name);
	return p;
}

/* ABS (absolute) without empty, "." and ".." components. */
static char *
normalize(const char *abs)
{
	char *out = xmalloc(strlen(abs) + 2);
	const char *p = abs;
	size_t len = 0;

	while (*p != '\0') {
		size_t k;

		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		k = strcspn(p, "/");
		if (k == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
		} else if (k != 1 || p[0] != '.') {
			out[len++] = '/';
			memcpy(out + len, p, k);
			len += k;
		}
		p += k;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	return out;
}

/* PATH made absolute against the current folder, without resolving. */
static char *
absolute(const char *path)
{
	char cwd[PATH_MAX], *joined, *abs;

	if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
		return normalize(path);
	joined = path_join(cwd, path);
	abs = normalize(joined);
	free(joined);
	return abs;
}

/* PATH resolved: its realpath, or the realpath of its folder and its
 * name when it does not exist. NULL when neither resolves. */
static char *
resolve(const char *path)
{
	char buf[PATH_MAX], *dir, *r = NULL;
	const char *base;

	if (realpath(path, buf) != NULL)
		return xstrdup(buf);
	base = path_base(path);
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return NULL;
	dir = path_dir(path);
	if (realpath(dir, buf) != NULL)
		r = path_join(buf, base);
	free(dir);
	return r;
}

/* TO as reached from FROM, both absolute and normalized. */
static char *
relative(const char *from, const char *to)
{
	const char *f = from, *t = to;
	size_t ups = 0, tlen, len = 0;
	char *r;

	for (;;) {
		size_t fk, tk;

		while (*f == '/')
			f++;
		while (*t == '/')
			t++;
		fk = strcspn(f, "/");
		tk = strcspn(t, "/");
		if (fk == 0 || fk != tk || memcmp(f, t, fk) != 0)
			break;
		f += fk;
		t += tk;
	}
	while (*f != '\0') {
		ups++;
		f += strcspn(f, "/");
		while (*f == '/')
			f++;
	}
	tlen = strlen(t);
	if (ups == 0 && tlen == 0)
		return xstrdup(".");
	r = xmalloc(3 * ups + tlen + 1);
	for (size_t i = 0; i < ups; i++) {
		memcpy(r + len, "../", 3);
		len += 3;
	}
	memcpy(r + len, t, tlen + 1);
	len += tlen;
	if (tlen == 0)
		r[len - 1] = '\0';   /* "../.." rather than "../../" */
	return r;
}

char *
path_relative(const char *from_dir, const char *path)
{
	char buf[PATH_MAX], *to, *rel;

	if (strcmp(path, "-") == 0)
		return xstrdup("stdin");
	if ((to = resolve(path)) == NULL)
		return absolute(path);
	if (realpath(from_dir, buf) == NULL)
		return to;
	rel = relative(buf, to);
	free(to);
	return rel;
}

int
file_id_get(const char *path, struct file_id *id, char *err, size_t errlen)
{
	char buf[PATH_MAX], *dir;
	const char *base = path_base(path);
	struct stat st;

	memset(id, 0, sizeof *id);
	if (strcmp(path, "-") == 0)
		return 0;
	if (stat(path, &st) == 0) {
		id->exists = 1;
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		id->is_chardev = S_ISCHR(st.st_mode);
		id->resolved = xstrdup(realpath(path, buf) ? buf : path);
		return 0;
	}
	if (errno != ENOENT) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		snprintf(err, errlen, _("%s: names a folder, not a file"), path);
		return -1;
	}
	dir = path_dir(path);
	if (realpath(dir, buf) == NULL) {
		snprintf(err, errlen, _("%s: folder %s: %s"), path, dir, strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	id->resolved = path_join(buf, base);
	return 0;
}

int
file_id_same(const struct file_id *a, const struct file_id *b)
{
	if (a->is_chardev || b->is_chardev || a->resolved == NULL ||
	    b->resolved == NULL || a->exists != b->exists)
		return 0;
	if (a->exists)
		return a->dev == b->dev && a->ino == b->ino;
	return strcmp(a->resolved, b->resolved) == 0;
}

void
file_id_free(struct file_id *id)
{
	free(id->resolved);
	id->resolved = NULL;
}

int
path_same(const char *a, const char *b)
{
	struct file_id x, y;
	char e[512];
	int same = 0;

	if (file_id_get(a, &x, e, sizeof e) != 0)
		return 0;
	if (file_id_get(b, &y, e, sizeof e) == 0) {
		same = x.exists && y.exists && file_id_same(&x, &y);
		file_id_free(&y);
	}
	file_id_free(&x);
	return same;
}

size_t
paths_repeated(const char *const *paths, size_t n, size_t *earlier)
{
	struct strmap seen;
	size_t i;

	strmap_init(&seen);
	for (i = 0; i < n; i++) {
		struct stat st;
		char key[64];
		uint32_t *first;
		int inserted;

		if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0)
			continue;
		snprintf(key, sizeof key, "%ju:%ju", (uintmax_t)st.st_dev,
		    (uintmax_t)st.st_ino);
		first = strmap_put(&seen, key, strlen(key), (uint32_t)i, &inserted);
		if (!inserted) {
			*earlier = *first;
			break;
		}
	}
	strmap_free(&seen);
	return i;
}

/* Make the one folder P (its parent exists). */
static int
make_one(const char *dir, const char *p, mode_t mode, char *err, size_t errlen)
{
	struct stat st;

	if (mkdir(p, mode) == 0)
		return 0;
	if (errno == EEXIST && stat(p, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;   /* there already, or made meanwhile */
	if (errno == EEXIST)
		snprintf(err, errlen, _("cannot make the folder %s: %s is not a "
		    "folder"), dir, p);
	else
		snprintf(err, errlen, _("cannot make the folder %s: %s"), dir,
		    strerror(errno));
	return -1;
}

int
path_make_dirs(const char *dir, mode_t mode, char *err, size_t errlen)
{
	struct stat st;
	char *p;
	int rc = 0;

	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		snprintf(err, errlen, _("%s: not a folder"), dir);
		return -1;
	}
	p = xstrdup(dir);
	for (char *s = p + 1; *s != '\0' && rc == 0; s++)
		if (*s == '/' && s[-1] != '/') {
			*s = '\0';
			rc = make_one(dir, p, mode, err, errlen);
			*s = '/';
		}
	if (rc == 0)
		rc = make_one(dir, p, mode, err, errlen);
	free(p);
	return rc;
}

int
path_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

int
path_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
path_is_file(const char *path)
{
	struct stat st;

	return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int
path_lock_dir(const char *dir, char *err, size_t errlen)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	while (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		int e = errno;

		if (e == EINTR)
			continue;
		close(fd);
		fd = -1;
		errno = e;
	}
	if (fd < 0)
		snprintf(err, errlen, _("cannot lock %s: %s"), dir, strerror(errno));
	return fd;
}

static int
by_bytes(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

char **
path_entries(const char *dir, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;
	DIR *dp = opendir(dir);

	*n = 0;
	if (dp == NULL)
		return NULL;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		xgrow(&names, &cap, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(names, *n, sizeof *names, by_bytes);
	return names;
}

void
path_entries_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Remove the folder PATH and everything under it. Returns 0 or -1. */
int
path_remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int rc = 0;

	if (d == NULL)
		return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		char *p;
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = path_join(path, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rc |= path_remove_tree(p);
		else if (unlink(p) != 0)
			rc = -1;
		free(p);
	}
	closedir(d);
	return rmdir(path) == 0 && rc == 0 ? 0 : -1;
}

int
path_search(const char *name, struct strbuf *b)
{
	const char *path = getenv("PATH"), *s;

	if (path == NULL)
		path = "/usr/bin:/bin";
	for (s = path; ; ) {
		size_t k = strcspn(s, ":");

		strbuf_reset(b);
		if (k == 0)
			strbuf_puts(b, ".");
		else
			strbuf_add(b, s, k);
		strbuf_printf(b, "/%s", name);
		if (access(strbuf_str(b), X_OK) == 0)
			return 0;
		if (s[k] == '\0')
			return -1;
		s += k + 1;
	}
}

/* The folders PREFIX-PID-XXXXXX in TMP of processes no longer running,
 * ours: removed with what they hold. */
static void
temp_sweep(const char *tmp, const char *prefix)
{
	DIR *d = opendir(tmp);
	struct dirent *e;
	size_t pl = strlen(prefix);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		long pid;
		int off = 0;
		struct stat sb;
		char *path;

		if (strncmp(e->d_name, prefix, pl) != 0 || e->d_name[pl] != '-' ||
		    sscanf(e->d_name + pl + 1, "%ld-%n", &pid, &off) != 1 ||
		    off == 0 || strlen(e->d_name + pl + 1 + off) != 6 || pid <= 0 ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		path = path_join(tmp, e->d_name);
		if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    sb.st_uid == geteuid())
			(void)path_remove_tree(path);
		free(path);
	}
	closedir(d);
}

int
path_temp_dir(const char *prefix, char *dir, size_t n, const char **base)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if (base != NULL)
		*base = tmp;
	temp_sweep(tmp, prefix);
	if ((size_t)snprintf(dir, n, "%s/%s-%ld-XXXXXX", tmp, prefix,
	    (long)getpid()) >= n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return mkdtemp(dir) != NULL ? 0 : -1;
}
