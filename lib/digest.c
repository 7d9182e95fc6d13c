#include <stdlib.h>

#include <openssl/evp.h>

#include "diag.h"
#include "digest.h"

struct digest {
	EVP_MD_CTX *ctx;
};

struct digest *
digest_new(void)
{
	struct digest *d = xmalloc(sizeof *d);

	d->ctx = EVP_MD_CTX_new();
	if (d->ctx == NULL || EVP_DigestInit_ex(d->ctx, EVP_sha256(), NULL) != 1)
		die(EXIT_ERROR, "cannot start a SHA-256 digest");
	return d;
}

void
digest_update(struct digest *d, const void *p, size_t n)
{
	if (n > 0 && EVP_DigestUpdate(d->ctx, p, n) != 1)
		die(EXIT_ERROR, "SHA-256 digest failed");
}

void
digest_finish(struct digest *d, char hex[DIGEST_HEX])
{
	static const char xd[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	if (EVP_DigestFinal_ex(d->ctx, md, &len) != 1 || len != 32)
		die(EXIT_ERROR, "SHA-256 digest failed");
	for (unsigned i = 0; i < len; i++) {
		hex[2 * i] = xd[md[i] >> 4];
		hex[2 * i + 1] = xd[md[i] & 15];
	}
	hex[64] = '\0';
	EVP_MD_CTX_free(d->ctx);
	free(d);
}

void
digest_bytes(const void *p, size_t n, char hex[DIGEST_HEX])
{
	struct digest *d = digest_new();

	digest_update(d, p, n);
	digest_finish(d, hex);
}
