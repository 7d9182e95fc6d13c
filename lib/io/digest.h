/* SHA-256 of files and streams (GNU Nettle), written as 64
 * lower-case hex digits: what PROVENANCE.csv records. */
#ifndef TPA_DIGEST_H
#define TPA_DIGEST_H

#include <stddef.h>

#define DIGEST_HEX 65  /* 64 hex digits and the terminating NUL */

struct digest;

/* A new running digest. Never NULL (dies on allocation failure). */
struct digest *digest_new(void);
void digest_update(struct digest *d, const void *p, size_t n);
/* Write the hex digest into HEX and free D. */
void digest_finish(struct digest *d, char hex[DIGEST_HEX]);

/* Digest of a whole byte string. */
void digest_bytes(const void *p, size_t n, char hex[DIGEST_HEX]);

/* Digest of the file PATH. Returns 0, or -1 when it cannot be read. */
int digest_file(const char *path, char hex[DIGEST_HEX]);
/* Whether the file PATH can be read and has the digest HEX (a record's:
 * an output, a receipt's copy, a list still as it was). */
int digest_file_is(const char *path, const char *hex);

#endif
