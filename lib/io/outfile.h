/* Atomic output files. Data goes to a temporary file in the destination's
 * folder; outfile_commit() flushes, fsyncs and renames it over the
 * destination. Until then the previous version of the file is untouched,
 * and a run that dies (die(), a signal such as SIGINT or SIGTERM) leaves no
 * temporary file behind. The path "-" (or NULL) is standard output.
 * Every byte written is also fed to a SHA-256 digest for PROVENANCE.csv.
 * Temporaries are named ".NAME.tmp-PID-XXXXXX"; opening NAME removes those
 * whose process no longer exists (a run killed by SIGKILL). */
#ifndef TPA_OUTFILE_H
#define TPA_OUTFILE_H

#include <stddef.h>

#include "io/digest.h"

/* Who may read a file: PRIVATE files hold full ID numbers and are created
 * mode 0600 whatever the umask; PUBLIC files get 0666 less the umask. */
enum outfile_mode { OUTFILE_PRIVATE, OUTFILE_PUBLIC };

struct outfile;

/* Open PATH for writing. Dies with EXIT_ERROR (and a message naming PATH)
 * when its temporary file cannot be created. */
struct outfile *outfile_open(const char *path, enum outfile_mode mode);

/* Append N bytes. A write error is remembered and reported at commit. */
void outfile_write(struct outfile *f, const void *p, size_t n);
void outfile_puts(struct outfile *f, const char *s);
void outfile_printf(struct outfile *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Finish the file's contents: flush and fsync the temporary. Writes the
 * file's SHA-256 into HEX if it is not NULL. Dies with EXIT_ERROR on any
 * failure (the temporary is then removed). A stage finishes all its outputs
 * before it commits any, so that a full disk changes none of them. */
void outfile_finish(struct outfile *f, char hex[DIGEST_HEX]);

/* Rename the finished temporary into place. Dies with EXIT_ERROR on
 * failure. Frees F. */
void outfile_commit(struct outfile *f);

/* Drop the file: remove the temporary, keep any previous version. Frees F. */
void outfile_abort(struct outfile *f);

/* Whether F writes to standard output. */
int outfile_is_stdout(const struct outfile *f);
const char *outfile_path(const struct outfile *f);

#endif
