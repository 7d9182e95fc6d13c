#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "base/alloc.h"
#include "io/digest.h"
#include "io/infile.h"

struct digest {
	struct sha256_ctx ctx;
};

struct digest *
digest_new(void)
{
	struct digest *d = xmalloc(sizeof *d);

	sha256_init(&d->ctx);
	return d;
}

void
digest_update(struct digest *d, const void *p, size_t n)
{
	sha256_update(&d->ctx, n, p);
}

void
digest_finish(struct digest *d, char hex[DIGEST_HEX])
{
	static const char xd[] = "0123456789abcdef";
	uint8_t md[SHA256_DIGEST_SIZE];

	sha256_digest(&d->ctx, sizeof md, md);
	for (unsigned i = 0; i < sizeof md; i++) {
		hex[2 * i] = xd[md[i] >> 4];
		hex[2 * i + 1] = xd[md[i] & 15];
	}
	hex[64] = '\0';
	free(d);
}

void
digest_bytes(const void *p, size_t n, char hex[DIGEST_HEX])
{
	struct digest *d = digest_new();

	digest_update(d, p, n);
	digest_finish(d, hex);
}

int
digest_file(const char *path, char hex[DIGEST_HEX])
{
	char buf[65536];
	struct digest *d;
	ssize_t n;
	char err[64];
	int fd = infile_open(path, INFILE_REGULAR, err, sizeof err);

	if (fd < 0)
		return -1;
	d = digest_new();
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			digest_finish(d, hex);
			return -1;
		}
		digest_update(d, buf, (size_t)n);
	}
	close(fd);
	digest_finish(d, hex);
	return 0;
}

int
digest_file_is(const char *path, const char *hex)
{
	char now[DIGEST_HEX];

	return digest_file(path, now) == 0 && strcmp(now, hex) == 0;
}
