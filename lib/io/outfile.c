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

#include "io/diag.h"
#include "io/outfile.h"

#define OUT_BUFSIZE (256 * 1024)
#define MAX_PENDING 16

struct outfile {
	char *path;             /* destination as given */
	int fd;
	int is_stdout;
	int error;              /* first errno of a failed write, or 0 */
	mode_t mode;
	struct digest *digest;
	size_t slot;            /* index in pending[] */
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

/*
 * Remove the temporaries of PATH left by runs that were killed outright
 * (SIGKILL, a power cut): ".BASE.tmp-PID-XXXXXX" whose process is gone.
 * A temporary of a live process (a concurrent run) is left alone.
 */
static void
remove_stale(const char *path, const char *base)
{
	char dir[PATH_MAX], prefix[NAME_MAX + 8], victim[PATH_MAX];
	size_t dirlen = (size_t)(base - path), plen;
	struct dirent *e;
	DIR *d;

	if (dirlen >= sizeof dir)
		return;
	memcpy(dir, path, dirlen);
	dir[dirlen] = '\0';
	if ((size_t)snprintf(prefix, sizeof prefix, ".%s.tmp-", base) >= sizeof prefix)
		return;
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

struct outfile *
outfile_open(const char *path, enum outfile_mode mode)
{
	struct outfile *f = xcalloc(1, sizeof *f);
	const char *slash, *base;
	size_t slot;
	int n;

	f->digest = digest_new();
	if (path == NULL || strcmp(path, "-") == 0) {
		f->path = xstrdup("-");
		f->fd = STDOUT_FILENO;
		f->is_stdout = 1;
		return f;
	}
	install_handlers();
	for (slot = 0; slot < MAX_PENDING && pending_used[slot]; slot++)
		continue;
	if (slot == MAX_PENDING)
		die(EXIT_ERROR, "%s: too many output files open", path);
	slash = strrchr(path, '/');
	base = slash ? slash + 1 : path;
	if (*base == '\0')
		die(EXIT_ERROR, "%s: output is a folder, not a file", path);
	remove_stale(path, base);
	n = snprintf(pending[slot], PATH_MAX, "%.*s.%s.tmp-%ld-XXXXXX",
	    (int)(base - path), path, base, (long)getpid());
	if (n < 0 || n >= PATH_MAX)
		die(EXIT_ERROR, "%s: path too long", path);
	f->fd = mkstemp(pending[slot]);
	if (f->fd < 0)
		die(EXIT_ERROR, "cannot write %s: %s", path, strerror(errno));
	pending_used[slot] = 1;
	f->slot = slot;
	f->path = xstrdup(path);
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
	if (n < 0)
		die(EXIT_ERROR, "output formatting failed");
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

static void
release(struct outfile *f)
{
	free(f->path);
	free(f);
}

void
outfile_finish(struct outfile *f, char hex[DIGEST_HEX])
{
	char tmp[DIGEST_HEX];

	flush(f);
	digest_finish(f->digest, hex ? hex : tmp);
	f->digest = NULL;
	if (f->is_stdout) {
		if (f->error != 0)
			die(EXIT_ERROR, "standard output: %s", strerror(f->error));
		return;
	}
	if (f->error == 0 && fchmod(f->fd, f->mode) != 0)
		f->error = errno;
	if (f->error == 0 && fsync(f->fd) != 0)
		f->error = errno;
	if (close(f->fd) != 0 && f->error == 0)
		f->error = errno;
	f->fd = -1;
	if (f->error != 0)
		die(EXIT_ERROR, "cannot write %s: %s", f->path, strerror(f->error));
}

void
outfile_commit(struct outfile *f)
{
	if (!f->is_stdout) {
		if (rename(pending[f->slot], f->path) != 0)
			die(EXIT_ERROR, "cannot write %s: %s", f->path,
			    strerror(errno));
		pending_used[f->slot] = 0;
	}
	release(f);
}

void
outfile_abort(struct outfile *f)
{
	if (f->digest != NULL) {
		char tmp[DIGEST_HEX];

		digest_finish(f->digest, tmp);
	}
	if (!f->is_stdout) {
		if (f->fd >= 0)
			close(f->fd);
		unlink(pending[f->slot]);
		pending_used[f->slot] = 0;
	}
	release(f);
}

int
outfile_is_stdout(const struct outfile *f)
{
	return f->is_stdout;
}

const char *
outfile_path(const struct outfile *f)
{
	return f->path;
}
