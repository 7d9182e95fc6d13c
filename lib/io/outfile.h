/* Atomic output files. Data goes to a temporary file in the destination's
 * folder; outfile_finish() flushes and fsyncs it, outfile_commit() renames
 * it over the destination. Until then the previous version of the file is
 * untouched, and a run that ends early (an exit, a signal such as SIGINT
 * or SIGTERM) leaves no temporary file behind. Every byte written is also
 * fed to a SHA-256 digest for PROVENANCE.csv.
 *
 * Temporaries are named ".NAME.tmp-PID-XXXXXX", NAME cut (at a character
 * boundary) so that the whole name fits NAME_MAX; opening NAME removes the
 * temporaries of it whose process no longer exists (a run killed by
 * SIGKILL).
 *
 * Two kinds of output are written in place, with no temporary and no
 * rename: standard output ("-" or NULL, or a path such as /dev/stdout that
 * names it), and a path that already is a character device (/dev/null,
 * /dev/full, a terminal). Such outputs are not files of a village folder
 * and get no PROVENANCE.csv row. A path that exists and is a folder, FIFO,
 * socket or block device, or that names another open file of a process
 * (/dev/fd/N, /proc/...), is refused, never replaced.
 *
 * Nothing here exits: failures are returned with a message in the
 * caller's ERR[ERRLEN]. */
#ifndef TPA_OUTFILE_H
#define TPA_OUTFILE_H

#include <stddef.h>

#include "io/digest.h"

/* Who may read a file: PRIVATE files hold full ID numbers and are created
 * mode 0600 whatever the umask; PUBLIC files get 0666 less the umask. The
 * mode applies to temporaries only (a device keeps its own). */
enum outfile_mode { OUTFILE_PRIVATE, OUTFILE_PUBLIC };

struct outfile;

/* Open PATH for writing (see above for "-", devices and what is refused).
 * Returns NULL with a message naming PATH in ERR when it cannot be opened:
 * not a file, its folder missing or not writable, a path too long, too
 * many outputs open at once. */
struct outfile *outfile_open(const char *path, enum outfile_mode mode,
    char *err, size_t errlen);

/* Append N bytes. A write error is remembered and reported by
 * outfile_finish(). */
void outfile_write(struct outfile *f, const void *p, size_t n);
void outfile_puts(struct outfile *f, const char *s);
void outfile_printf(struct outfile *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Finish the file's contents: flush, digest (written into HEX if it is not
 * NULL), set the mode of a temporary, fsync and close. fsync failing with
 * EINVAL, ENOTSUP or EROFS on a device (which cannot sync) is no error.
 * Returns 0, or -1 with a message in ERR on any write error; F then still
 * needs outfile_abort() (or the exit handler removes its temporary). A
 * stage finishes all its outputs before it commits any, so that a full
 * disk changes none of them. */
int outfile_finish(struct outfile *f, char hex[DIGEST_HEX], char *err,
    size_t errlen);

/* Rename the finished temporary into place (nothing to do for standard
 * output or a device). Returns 0, or -1 with a message in ERR (the
 * temporary is then removed and the destination keeps its old content).
 * Frees F in every case. */
int outfile_commit(struct outfile *f, char *err, size_t errlen);

/* For a writer that creates its file by name (libxlsxwriter writes a
 * workbook itself, at workbook_close()): the path of F's temporary, or
 * NULL when F is written in place (standard output, a device). The writer
 * must overwrite that very file (fopen "wb"), never replace or remove it,
 * and nothing may be written to F through outfile_write() as well. */
const char *outfile_temporary(const struct outfile *f);

/* Take what such a writer left in the temporary as F's content: its bytes
 * are read back into the digest, and MODE replaces the mode given at open
 * (a writer may only know at the end whether the file holds full ID
 * numbers; until outfile_finish() the temporary stays 0600). Then finish
 * and commit F as any other. Returns 0, or -1 with a message in ERR. */
int outfile_adopt(struct outfile *f, enum outfile_mode mode, char *err,
    size_t errlen);

/* Start the content again: what was written so far is thrown away, as if
 * F had just been opened. Only a temporary can be rewound (not standard
 * output or a device: outfile_rewindable). Returns 0, or -1 with a
 * message in ERR. */
int outfile_rewindable(const struct outfile *f);
int outfile_rewind(struct outfile *f, char *err, size_t errlen);

/* Drop the file: remove the temporary, keep any previous version. Frees F. */
void outfile_abort(struct outfile *f);

/* Whether F writes to standard output. */
int outfile_is_stdout(const struct outfile *f);
/* Whether F is written in place: standard output or a character device.
 * Such outputs get no PROVENANCE.csv row. */
int outfile_in_place(const struct outfile *f);
/* The destination as given to outfile_open ("-" for standard output). */
const char *outfile_path(const struct outfile *f);

#endif
