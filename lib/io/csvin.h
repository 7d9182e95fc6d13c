/* Streaming CSV reader on libcsv (RFC 4180). Reads in large chunks, strips
 * a UTF-8 byte-order mark, accepts CRLF or LF, decodes GB18030/GBK through
 * iconv (detected when the bytes are not UTF-8, or forced), refuses NUL
 * bytes and undecodable text, and hands each record to a callback with its
 * cells trimmed (white space and U+3000) and the physical line on which
 * the record starts. No allocation per field: cells live in one buffer
 * that is reused from record to record. */
#ifndef TPA_CSVIN_H
#define TPA_CSVIN_H

#include <stddef.h>

#include "base/strbuf.h"
#include "io/digest.h"

enum csv_encoding { ENC_AUTO, ENC_UTF8, ENC_GB18030 };

/* The most a record of a file may hold: a cell of 1 MiB, a record of
 * 16 MiB (its cells' bytes, one more each), 1,048,576 cells. Beyond them
 * csvin_read stops with "cell too long" or "record too long" at the line
 * where the record starts, so that an input without end (a device, a
 * quote never closed) is never read into memory whole. */
#define CSVIN_CELL_MAX   ((size_t)1 << 20)
#define CSVIN_RECORD_MAX ((size_t)16 << 20)
#define CSVIN_CELLS_MAX  ((size_t)1 << 20)

struct csvin_row {
	size_t n;                 /* number of cells */
	const char *const *cell;  /* n NUL-terminated cells, valid during the callback */
	const size_t *len;        /* their lengths in bytes */
	unsigned long line;       /* physical line where the record starts */
	unsigned long index;      /* 0 for the header, then 1, 2, ... */
};

/* Whether every cell of ROW is empty after trimming: a blank row of a
 * spreadsheet, which readers skip and count (never a reject). */
int csvin_row_empty(const struct csvin_row *row);

/* Return 0 to go on, anything else to stop reading (csvin_read returns it). */
typedef int (*csvin_fn)(void *ctx, const struct csvin_row *row);

struct csvin;

/* Parse an encoding name: auto, utf-8/utf8, gb18030/gbk/gb2312/cp936.
 * Returns 0, or -1 when the name is unknown. */
int csvin_encoding_parse(const char *name, enum csv_encoding *enc);

/* Open PATH ("-" is standard input). Returns NULL with a message in ERR
 * when it cannot be opened. */
struct csvin *csvin_open(const char *path, enum csv_encoding enc, char *err,
    size_t errlen);
/* Read from memory (BYTES must outlive the reader); NAME is for messages. */
struct csvin *csvin_open_mem(const char *name, const char *bytes, size_t n,
    enum csv_encoding enc);

/* Read at most N bytes at a time (N >= 1; the default is 256 KiB): the
 * tests and the fuzzer use tiny chunks to cut characters, quotes and line
 * ends at every possible place. */
void csvin_set_chunk(struct csvin *in, size_t n);

/* Show a progress line (rows, MB/s) on standard error while reading, when
 * it is a terminal. PROGRAM prefixes it. */
void csvin_set_progress(struct csvin *in, const char *program);

/* Read every record, calling FN for each. Returns 0 at the end, the
 * callback's value if it stopped, or -1 on an error (see csvin_error):
 * not CSV, NUL byte, undecodable text, read error. */
int csvin_read(struct csvin *in, csvin_fn fn, void *ctx);

/* "FILE:LINE: message" of the last error. */
const char *csvin_error(const struct csvin *in);
/* The name given at open. */
const char *csvin_name(const struct csvin *in);
/* The name messages and rejects give the file at PATH: "stdin" for "-". */
const char *csvin_path_name(const char *path);
/* SHA-256 of the raw bytes read (complete once csvin_read returned 0). */
const char *csvin_sha256(const struct csvin *in);
/* Bytes read so far. */
unsigned long long csvin_bytes(const struct csvin *in);
/* Encoding used (after detection). */
enum csv_encoding csvin_encoding(const struct csvin *in);

void csvin_close(struct csvin *in);

/* A whole tpa file read through a callback: the frame every reader of a
 * list, survey, votes or objections file shares. */
struct csvin_file {
	const char *path;
	enum csv_encoding encoding;
	const char *progress;      /* program name for a progress line, or NULL */
	csvin_fn on_row;
	void *ctx;
	const int *header_seen;    /* the flag ON_ROW sets at the header row */
	int (*at_end)(void *ctx);  /* after the last row, or NULL */
};
/* Open and read F. Once the file is open, *NAME (freed first) holds a copy
 * of its name for messages, so that ON_ROW may use it; the caller frees it.
 * A file without a header row is an error. Returns 0 with SHA256 the hash
 * of the bytes read; the value ON_ROW or AT_END stopped with; or -1 with a
 * line in ERR (unless ON_ROW or AT_END wrote one). */
int csvin_read_file(const struct csvin_file *f, char **name,
    char sha256[DIGEST_HEX], struct strbuf *err);

#endif
