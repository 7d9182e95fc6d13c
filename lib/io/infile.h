/* Opening a file to read: never blocking on a FIFO, and knowing what kind
 * of file it is before a byte is read. Every reader of a tpa file opens
 * through here. */
#ifndef TPA_INFILE_H
#define TPA_INFILE_H

#include <stddef.h>

#include "base/strbuf.h"

enum infile_kind {
	INFILE_REGULAR,   /* only a regular file (after symbolic links) */
	INFILE_STREAM,    /* also a pipe, a FIFO or a character device: a file
			     given explicitly, read once as a stream */
};

/* What infile_open returns besides a descriptor. */
#define INFILE_ERROR       (-1)   /* cannot open: errno says why */
#define INFILE_NOT_REGULAR (-2)   /* opened, but not a kind KIND allows */

/* Open PATH read-only with O_NONBLOCK, so that a FIFO without a writer
 * cannot block, check the kind of file on the descriptor (fstat), then
 * clear O_NONBLOCK. Returns the descriptor (the caller closes it), or
 * INFILE_ERROR / INFILE_NOT_REGULAR with a message in ERR ("cannot open
 * PATH: ...", "cannot read PATH: not a regular file"). A folder is never accepted. */
int infile_open(const char *path, enum infile_kind kind, char *err, size_t errlen);

/* Whether PATH, when it exists, is a regular file: 1 when it is, 0 when
 * it does not exist, INFILE_NOT_REGULAR when it exists as something else
 * (a FIFO, a device, a folder, a link to one), INFILE_ERROR when it cannot
 * be opened (ERR says why). Opens the file as infile_open does. */
int infile_regular(const char *path, char *err, size_t errlen);

/* The whole of the regular file PATH appended to B (opened as
 * infile_open does). Returns 1, 0 when PATH does not exist (B
 * untouched), or -1 with a message in ERR. */
int infile_read_all(const char *path, struct strbuf *b, char *err,
    size_t errlen);

#endif
