#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "io/outfile.h"
#include "io/paths.h"

#define OUT_BUFSIZE (256 * 1024)
#define MAX_PENDING 16

/*
 * A temporary's name is ".NAME.tmp-PID-XXXXXX". The part of NAME it copies
 * is cut so that the longest such name (a 10-digit PID) fits NAME_MAX; the
 * cut does not depend on the PID, so that a later run finds the
 * temporaries of a killed one by the same prefix.
 */
#define TMP_TAIL_MAX (sizeof ".tmp-" - 1 + 10 + 1 + 6)
#define TMP_NAME_MAX (NAME_MAX - 1 - TMP_TAIL_MAX)

enum kind {
	TEMPORARY,      /* a temporary renamed over the destination */
	STANDARD_OUT,   /* standard output, in place */
	DEVICE          /* a character device, in place */
};

struct outfile {
	char *path;             /* destination as given */
	int fd;                 /* -1 once closed */
	enum kind kind;
	int error;              /* first errno of a failed write, or 0 */
	int finished;           /* outfile_finish() succeeded */
	mode_t mode;
	struct digest *digest;  /* NULL once finished */
	size_t slot;            /* index in pending[] (temporaries) */
	size_t used;
	char buf[OUT_BUFSIZE];
};

/*
 * Temporary files not yet committed. This is the one piece of module state:
 * the exit and signal handlers must find the temporaries to remove them,
 * and a signal handler can reach nothing else. Paths are fixed arrays so
 * the handler only calls unlink(2), which is async-signal-safe.
 */
static char pending[MAX_PENDING][PATH_MAX];
static volatile sig_atomic_t pending_used[MAX_PENDING];

static void
remove_pending(void)
{
	for (size_t i = 0; i < MAX_PENDING; i++)
		if (pending_used[i]) {
			unlink(pending[i]);
			pending_used[i] = 0;
		}
}

static void
on_signal(int sig)
{
	remove_pending();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
install_handlers(void)
{
	static int installed;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

	if (installed)
		return;
	installed = 1;
	atexit(remove_pending);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

/* How many bytes of BASE a temporary's name copies: all of it when it
 * fits, else as many as fit without cutting a UTF-8 character. */
static size_t
tmp_name_len(const char *base)
{
	size_t n = strlen(base);

	if (n <= TMP_NAME_MAX)
		return n;
	n = TMP_NAME_MAX;
	while (n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/*
 * Remove the temporaries of PATH left by runs that were killed outright
 * (SIGKILL, a power cut): ".BASE.tmp-PID-XXXXXX" whose process is gone.
 * A temporary of a live process (a concurrent run) is left alone.
 */
static void
remove_stale(const char *path, const char *base)
{
	char dir[PATH_MAX], prefix[NAME_MAX + 1], victim[PATH_MAX];
	size_t dirlen = (size_t)(base - path), plen;
	struct dirent *e;
	DIR *d;

	if (dirlen >= sizeof dir)
		return;
	memcpy(dir, path, dirlen);
	dir[dirlen] = '\0';
	snprintf(prefix, sizeof prefix, ".%.*s.tmp-", (int)tmp_name_len(base), base);
	plen = strlen(prefix);
	if ((d = opendir(dirlen ? dir : ".")) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *end;
		long pid;

		if (strncmp(e->d_name, prefix, plen) != 0)
			continue;
		pid = strtol(e->d_name + plen, &end, 10);
		if (pid <= 0 || *end != '-')
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;   /* alive, or not ours to judge */
		if ((size_t)snprintf(victim, sizeof victim, "%s%s", dir, e->d_name) < sizeof victim)
			unlink(victim);
	}
	closedir(d);
}

static struct outfile *
new_outfile(const char *path, enum kind kind, int fd)
{
	struct outfile *f = xmalloc(sizeof *f);

	f->path = xstrdup(path);
	f->fd = fd;
	f->kind = kind;
	f->error = 0;
	f->finished = 0;
	f->mode = 0;
	f->digest = digest_new();
	f->slot = 0;
	f->used = 0;
	return f;
}

/* Open an existing character device to write through it. */
static struct outfile *
open_device(const char *path, char *err, size_t errlen)
{
	struct stat st;
	int fd;

	do
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		snprintf(err, errlen, _("cannot write %s: %s"), path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISCHR(st.st_mode)) {
		/* Replaced between stat(2) and open(2): trust neither. */
		close(fd);
		snprintf(err, errlen, _("cannot write %s: it changed while being "
		    "opened"), path);
		return NULL;
	}
	return new_outfile(path, DEVICE, fd);
}

/*
 * Whether PATH names an open file of a process (/dev/stdout, /dev/fd/1,
 * /proc/self/fd/1) rather than a file in a folder: renaming over it would
 * replace the link (as root, /dev/stdout itself), never write the file.
 */
static int
names_descriptor(const char *path)
{
	char buf[PATH_MAX], *dir;
	struct stat st;
	ssize_t n;
	int r = 0;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (n = readlink(path, buf, sizeof buf - 1)) > 0) {
		buf[n] = '\0';
		if (strncmp(buf, "/proc/", 6) == 0)
			return 1;
	}
	dir = path_dir(path);
	if (realpath(dir, buf) != NULL && strncmp(buf, "/proc/", 6) == 0)
		r = 1;
	free(dir);
	return r;
}

/* Whether ST is the file of standard output. */
static int
is_stdout(const struct stat *st)
{
	struct stat out;

	return fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == st->st_dev &&
	    out.st_ino == st->st_ino;
}

/* What an existing PATH of mode M is, when it cannot be an output. */
static const char *
refused(mode_t m)
{
	if (S_ISDIR(m))
		return _("a folder");
	if (S_ISFIFO(m))
		return _("a FIFO (named pipe)");
	if (S_ISSOCK(m))
		return _("a socket");
	if (S_ISBLK(m))
		return _("a block device");
	if (!S_ISREG(m) && !S_ISCHR(m))
		return _("not a regular file");
	return NULL;
}

struct outfile *
outfile_open(const char *path, enum outfile_mode mode, char *err, size_t errlen)
{
	struct outfile *f;
	const char *base, *what;
	struct stat st;
	size_t slot;
	int n, fd;

	if (path == NULL || strcmp(path, "-") == 0)
		return new_outfile("-", STANDARD_OUT, STDOUT_FILENO);
	base = path_base(path);
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		snprintf(err, errlen, _("%s: output is a folder, not a file"), path);
		return NULL;
	}
	if (stat(path, &st) == 0) {
		if (names_descriptor(path)) {
			/* Written through when it is our standard output (a
			 * pipe, a file, a terminal), refused otherwise. */
			if (is_stdout(&st))
				return new_outfile(path, STANDARD_OUT, STDOUT_FILENO);
			if (!S_ISCHR(st.st_mode)) {
				snprintf(err, errlen, _("%s: output is an open file of "
				    "a process, not a file: give a file name (or - "
				    "for standard output)"), path);
				return NULL;
			}
		}
		if ((what = refused(st.st_mode)) != NULL) {
			/* TRANSLATORS: the second %s is "a folder", "a FIFO (named
			 * pipe)", "a socket", "a block device" or "not a regular
			 * file". */
			snprintf(err, errlen, _("%s: output is %s, not a file: give "
			    "another name (or - for standard output)"), path, what);
			return NULL;
		}
		if (S_ISCHR(st.st_mode))
			return open_device(path, err, errlen);
	} else if (errno != ENOENT) {
		snprintf(err, errlen, _("cannot write %s: %s"), path, strerror(errno));
		return NULL;
	}
	install_handlers();
	for (slot = 0; slot < MAX_PENDING && pending_used[slot]; slot++)
		continue;
	if (slot == MAX_PENDING) {
		snprintf(err, errlen, _("%s: too many output files open"), path);
		return NULL;
	}
	remove_stale(path, base);
	n = snprintf(pending[slot], PATH_MAX, "%.*s.%.*s.tmp-%ld-XXXXXX",
	    (int)(base - path), path, (int)tmp_name_len(base), base,
	    (long)getpid());
	if (n < 0 || n >= PATH_MAX) {
		snprintf(err, errlen, _("cannot write %s: path too long"), path);
		return NULL;
	}
	if ((fd = mkstemp(pending[slot])) < 0) {
		snprintf(err, errlen, _("cannot write %s: %s"), path, strerror(errno));
		return NULL;
	}
	pending_used[slot] = 1;
	f = new_outfile(path, TEMPORARY, fd);
	f->slot = slot;
	if (mode == OUTFILE_PRIVATE) {
		f->mode = 0600;
	} else {
		mode_t mask = umask(0);

		umask(mask);
		f->mode = 0666 & ~mask;
	}
	return f;
}

static void
flush(struct outfile *f)
{
	size_t off = 0;

	digest_update(f->digest, f->buf, f->used);
	while (off < f->used && f->error == 0) {
		ssize_t w = write(f->fd, f->buf + off, f->used - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			f->error = errno;
		} else {
			off += (size_t)w;
		}
	}
	f->used = 0;
}

void
outfile_write(struct outfile *f, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0) {
		size_t room = OUT_BUFSIZE - f->used;
		size_t k = n < room ? n : room;

		memcpy(f->buf + f->used, s, k);
		f->used += k;
		s += k;
		n -= k;
		if (f->used == OUT_BUFSIZE)
			flush(f);
	}
}

void
outfile_puts(struct outfile *f, const char *s)
{
	outfile_write(f, s, strlen(s));
}

void
outfile_printf(struct outfile *f, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (f->error == 0)
			f->error = errno ? errno : EINVAL;
		return;
	}
	if ((size_t)n < sizeof small) {
		outfile_write(f, small, (size_t)n);
	} else {
		char *big = xmalloc((size_t)n + 1);

		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		outfile_write(f, big, (size_t)n);
		free(big);
	}
}

int
outfile_rewindable(const struct outfile *f)
{
	return f->kind == TEMPORARY && f->digest != NULL;
}

int
outfile_rewind(struct outfile *f, char *err, size_t errlen)
{
	char tmp[DIGEST_HEX];

	if (!outfile_rewindable(f)) {
		snprintf(err, errlen, _("%s: cannot be written again"), f->path);
		return -1;
	}
	if (lseek(f->fd, 0, SEEK_SET) < 0 || ftruncate(f->fd, 0) != 0) {
		snprintf(err, errlen, "%s: %s", f->path, strerror(errno));
		return -1;
	}
	f->used = 0;
	digest_finish(f->digest, tmp);
	f->digest = digest_new();
	return 0;
}

static void
release(struct outfile *f)
{
	if (f->digest != NULL) {
		char tmp[DIGEST_HEX];

		digest_finish(f->digest, tmp);
	}
	free(f->path);
	free(f);
}

/* Whether an fsync error only says the file cannot be synced. */
static int
cannot_sync(int e)
{
	return e == EINVAL || e == ENOTSUP || e == EOPNOTSUPP || e == EROFS;
}

int
outfile_finish(struct outfile *f, char hex[DIGEST_HEX], char *err, size_t errlen)
{
	char tmp[DIGEST_HEX];

	if (f->digest == NULL) {
		snprintf(err, errlen, _("%s: finished twice"), f->path);
		return -1;
	}
	flush(f);
	digest_finish(f->digest, hex ? hex : tmp);
	f->digest = NULL;
	if (f->kind == STANDARD_OUT) {
		if (f->error != 0) {
			snprintf(err, errlen, _("standard output: %s"), strerror(f->error));
			return -1;
		}
		f->finished = 1;
		return 0;
	}
	if (f->error == 0 && f->kind == TEMPORARY && fchmod(f->fd, f->mode) != 0)
		f->error = errno;
	if (f->error == 0 && fsync(f->fd) != 0 &&
	    (f->kind == TEMPORARY || !cannot_sync(errno)))
		f->error = errno;
	if (close(f->fd) != 0 && f->error == 0 && errno != EINTR)
		f->error = errno;
	f->fd = -1;
	if (f->error != 0) {
		snprintf(err, errlen, _("cannot write %s: %s"), f->path,
		    strerror(f->error));
		return -1;
	}
	f->finished = 1;
	return 0;
}

int
outfile_commit(struct outfile *f, char *err, size_t errlen)
{
	int rc = 0;

	if (!f->finished) {
		snprintf(err, errlen, _("%s: committed before it was finished"), f->path);
		outfile_abort(f);
		return -1;
	}
	if (f->kind == TEMPORARY) {
		if (rename(pending[f->slot], f->path) != 0) {
			snprintf(err, errlen, _("cannot write %s: %s"), f->path,
			    strerror(errno));
			unlink(pending[f->slot]);
			rc = -1;
		}
		pending_used[f->slot] = 0;
	}
	release(f);
	return rc;
}

void
outfile_abort(struct outfile *f)
{
	if (f->kind != STANDARD_OUT && f->fd >= 0)
		close(f->fd);
	if (f->kind == TEMPORARY) {
		unlink(pending[f->slot]);
		pending_used[f->slot] = 0;
	}
	release(f);
}

const char *
outfile_temporary(const struct outfile *f)
{
	return f->kind == TEMPORARY ? pending[f->slot] : NULL;
}

int
outfile_adopt(struct outfile *f, enum outfile_mode mode, char *err, size_t errlen)
{
	ssize_t n;

	if (f->kind != TEMPORARY || f->digest == NULL || f->used != 0) {
		snprintf(err, errlen, "%s: not a temporary to adopt", f->path);
		return -1;
	}
	if (lseek(f->fd, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "cannot read back %s: %s", f->path, strerror(errno));
		return -1;
	}
	while ((n = read(f->fd, f->buf, sizeof f->buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "cannot read back %s: %s", f->path,
			    strerror(errno));
			return -1;
		}
		digest_update(f->digest, f->buf, (size_t)n);
	}
	if (mode == OUTFILE_PRIVATE) {
		f->mode = 0600;
	} else {
		mode_t mask = umask(0);

		umask(mask);
		f->mode = 0666 & ~mask;
	}
	return 0;
}

int
outfile_is_stdout(const struct outfile *f)
{
	return f->kind == STANDARD_OUT;
}

int
outfile_in_place(const struct outfile *f)
{
	return f->kind != TEMPORARY;
}

const char *
outfile_path(const struct outfile *f)
{
	return f->path;
}
