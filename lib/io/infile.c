#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "io/infile.h"

static int
allowed(const struct stat *st, enum infile_kind kind)
{
	if (S_ISREG(st->st_mode))
		return 1;
	return kind == INFILE_STREAM &&
	    (S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode) || S_ISSOCK(st->st_mode));
}

int
infile_open(const char *path, enum infile_kind kind, char *err, size_t errlen)
{
	struct stat st;
	int fd, flags;

	do
		fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		int e = errno;

		snprintf(err, errlen, _("cannot open %s: %s"), path, strerror(e));
		errno = e;
		return INFILE_ERROR;
	}
	if (fstat(fd, &st) != 0) {
		int e = errno;

		snprintf(err, errlen, _("cannot open %s: %s"), path, strerror(e));
		close(fd);
		errno = e;
		return INFILE_ERROR;
	}
	if (!allowed(&st, kind)) {
		snprintf(err, errlen, _("cannot read %s: not a regular file"), path);
		close(fd);
		errno = EINVAL;
		return INFILE_NOT_REGULAR;
	}
	if ((flags = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		int e = errno;

		snprintf(err, errlen, _("cannot open %s: %s"), path, strerror(e));
		close(fd);
		errno = e;
		return INFILE_ERROR;
	}
	return fd;
}

int
infile_regular(const char *path, char *err, size_t errlen)
{
	int fd = infile_open(path, INFILE_REGULAR, err, errlen);

	if (fd >= 0) {
		close(fd);
		return 1;
	}
	if (fd == INFILE_ERROR && errno == ENOENT)
		return 0;
	return fd;
}

int
infile_read_all(const char *path, struct strbuf *b, char *err, size_t errlen)
{
	char buf[65536];
	int fd = infile_open(path, INFILE_REGULAR, err, errlen);
	ssize_t n;

	if (fd < 0)
		return fd == INFILE_ERROR && errno == ENOENT ? 0 : -1;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errlen, _("cannot read %s: %s"), path,
			    strerror(errno));
			close(fd);
			return -1;
		}
		strbuf_add(b, buf, (size_t)n);
	}
	close(fd);
	return 1;
}
