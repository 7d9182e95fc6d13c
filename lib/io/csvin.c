#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "io/csvin.h"
#include "io/infile.h"
#include "base/alloc.h"
#include "values/text.h"

#define CHUNK (256 * 1024)
/* A line longer than this is fed to the parser in pieces, so that a line
 * without end cannot grow the text buffer. */
#define LONG_LINE (64 * 1024)

/* What a record may hold (the limits of files people provide). */
enum { TOO_LONG_NONE, TOO_LONG_CELL, TOO_LONG_RECORD, TOO_MANY_CELLS };

struct csvin {
	char *name;
	int fd;                     /* -1 when reading from memory */
	const char *mem;            /* memory input */
	size_t mem_len, mem_off;
	enum csv_encoding enc;
	int decided;                /* encoding settled (AUTO waits for non-ASCII) */
	int bom_checked;
	char head[3];               /* the first bytes, until the BOM is decided */
	size_t head_len;
	iconv_t cd;
	unsigned long src_line;     /* where the next raw byte for iconv lies: */
	size_t src_col;             /* its line, and bytes before it in that line */
	struct digest *digest;
	char sha256[DIGEST_HEX];
	unsigned long long bytes;

	char *raw;                  /* GB18030 bytes waiting for iconv */
	size_t raw_len, raw_cap;
	char *text;                 /* UTF-8 text not yet fed to the parser */
	size_t text_len, text_cap;

	struct csv_parser parser;
	unsigned long line;         /* physical line being fed (1-based) */
	unsigned long rec_line;     /* line where the current record started */
	int in_record;
	unsigned long rows;

	/* The record being assembled. */
	char *cells;
	size_t cells_len, cells_cap;
	size_t *off, *len;
	const char **ptr;
	size_t nf, nf_cap;

	size_t chunk;               /* bytes per read */
	const char *progress;       /* program name when showing progress */
	double started, shown;      /* monotonic seconds */

	csvin_fn fn;
	void *ctx;
	int too_long;               /* TOO_LONG_*: a limit was passed */
	int stop;                   /* the callback's non-zero return */
	int broken;                 /* the parser could not be set up */
	char err[512];
};

int
csvin_encoding_parse(const char *name, enum csv_encoding *enc)
{
	static const struct { const char *name; enum csv_encoding enc; } names[] = {
		{ "auto", ENC_AUTO }, { "utf-8", ENC_UTF8 }, { "utf8", ENC_UTF8 },
		{ "gb18030", ENC_GB18030 }, { "gbk", ENC_GB18030 },
		{ "gb2312", ENC_GB18030 }, { "cp936", ENC_GB18030 },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (text_ieq(name, strlen(name), names[i].name)) {
			*enc = names[i].enc;
			return 0;
		}
	return -1;
}

static struct csvin *
new_reader(const char *name, enum csv_encoding enc)
{
	struct csvin *in = xcalloc(1, sizeof *in);

	in->name = xstrdup(name);
	in->fd = -1;
	in->enc = enc;
	in->decided = enc != ENC_AUTO;
	in->cd = (iconv_t)-1;
	in->digest = digest_new();
	in->line = 1;
	in->src_line = 1;
	in->chunk = CHUNK;
	in->text_cap = 2 * CHUNK;
	in->text = xmalloc(in->text_cap);
	if (csv_init(&in->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		in->broken = 1;
		return in;
	}
	csv_set_blk_size(&in->parser, 64 * 1024);
	return in;
}

struct csvin *
csvin_open(const char *path, enum csv_encoding enc, char *err, size_t errlen)
{
	struct csvin *in;
	int fd;

	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else if ((fd = infile_open(path, INFILE_STREAM, err, errlen)) < 0) {
		return NULL;
	}
	in = new_reader(csvin_path_name(path), enc);
	in->fd = fd;
	return in;
}

const char *
csvin_path_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "stdin" : path;
}

struct csvin *
csvin_open_mem(const char *name, const char *bytes, size_t n,
    enum csv_encoding enc)
{
	struct csvin *in = new_reader(name, enc);

	in->mem = bytes;
	in->mem_len = n;
	return in;
}

static int
fail(struct csvin *in, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(in->err, sizeof in->err, "%s:%lu: ", in->name, line);

	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof in->err)
		vsnprintf(in->err + n, sizeof in->err - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* libcsv field callback: trim and append to the record buffer. */
static void
on_cell(void *s, size_t n, void *data)
{
	struct csvin *in = data;
	const char *p = s ? s : "";

	if (in->stop || in->too_long)
		return;
	if (n > CSVIN_CELL_MAX) {
		in->too_long = TOO_LONG_CELL;
		return;
	}
	if (in->cells_len + n + 1 > CSVIN_RECORD_MAX) {
		in->too_long = TOO_LONG_RECORD;
		return;
	}
	if (in->nf >= CSVIN_CELLS_MAX) {
		in->too_long = TOO_MANY_CELLS;
		return;
	}
	p = text_trim(p, &n);
	xgrow(&in->cells, &in->cells_cap, in->cells_len + n + 1, 1);
	if (in->nf == in->nf_cap) {   /* the three arrays grow together */
		in->nf_cap = in->nf_cap ? 2 * in->nf_cap : 64;
		in->off = xrealloc(in->off, in->nf_cap * sizeof *in->off);
		in->len = xrealloc(in->len, in->nf_cap * sizeof *in->len);
		in->ptr = xrealloc(in->ptr, in->nf_cap * sizeof *in->ptr);
	}
	memcpy(in->cells + in->cells_len, p, n);
	in->cells[in->cells_len + n] = '\0';
	in->off[in->nf] = in->cells_len;
	in->len[in->nf] = n;
	in->nf++;
	in->cells_len += n + 1;
}

/* libcsv record callback: hand the record over. */
static void
on_record(int c, void *data)
{
	struct csvin *in = data;
	struct csvin_row row;

	(void)c;
	in->in_record = 0;
	if (in->stop || in->too_long) {
		in->nf = in->cells_len = 0;
		return;
	}
	for (size_t i = 0; i < in->nf; i++)
		in->ptr[i] = in->cells + in->off[i];
	row.n = in->nf;
	row.cell = in->ptr;
	row.len = in->len;
	row.line = in->rec_line;
	row.index = in->rows++;
	in->stop = in->fn(in->ctx, &row);
	in->nf = in->cells_len = 0;
}

/* The error for a limit passed in the record that starts at in->rec_line
 * (a cell still being read counts too). Returns 0 when none was. */
static int
check_limits(struct csvin *in)
{
	if (!in->too_long && in->parser.entry_pos > CSVIN_CELL_MAX)
		in->too_long = TOO_LONG_CELL;
	switch (in->too_long) {
	case TOO_LONG_CELL:
		return fail(in, in->rec_line, _("cell too long: a cell of this record "
		    "holds more than 1 MiB (is a quote left open?)"));
	case TOO_LONG_RECORD:
		return fail(in, in->rec_line, _("record too long: this record holds "
		    "more than 16 MiB (is a quote left open?)"));
	case TOO_MANY_CELLS:
		return fail(in, in->rec_line, _("record too long: this record has "
		    "more than 1,048,576 cells"));
	}
	return 0;
}

int
csvin_row_empty(const struct csvin_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		if (row->len[i] > 0)
			return 0;
	return 1;
}

static int
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Feed one physical line (ending in LF, or the last one) to libcsv. */
static int
feed_line(struct csvin *in, const char *s, size_t n)
{
	size_t valid;

	if (memchr(s, '\0', n) != NULL)
		return fail(in, in->line, _("a NUL byte: this is not a text file"));
	/* Undecided input is ASCII so far; GB18030 comes out of iconv valid. */
	if (in->enc != ENC_GB18030 && (valid = utf8_valid_prefix(s, n, 0)) < n)
		return fail(in, in->line,
		    _("byte %zu of the line is not UTF-8 (the file is read as "
		    "UTF-8; if it is GBK, give --encoding gb18030)"), valid + 1);
	if (!in->in_record && !blank(s, n)) {
		in->in_record = 1;
		in->rec_line = in->line;
	}
	if (csv_parse(&in->parser, s, n, on_cell, on_record, in) != n)
		return fail(in, in->line, _("not valid CSV: %s (a quote inside an "
		    "unquoted cell, or text after a closing quote)"),
		    csv_strerror(csv_error(&in->parser)));
	if (check_limits(in) != 0)
		return -1;
	if (n > 0 && s[n - 1] == '\n')
		in->line++;
	return 0;
}

/* Where to cut S[0..N) so that no UTF-8 character is split: before an
 * incomplete sequence at its end (invalid bytes are left to the check of
 * feed_line). */
static size_t
cut_point(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0) {
		unsigned c = (unsigned char)s[i - 1];
		size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;

		if (len > 1 && n - (i - 1) < len)
			return i - 1;
	}
	return n;
}

/* Feed every complete line of in->text; keep the rest. At EOF feed all. */
static int
feed_text(struct csvin *in, int eof)
{
	size_t start = 0;

	while (start < in->text_len && !in->stop) {
		char *nl = memchr(in->text + start, '\n', in->text_len - start);
		size_t end;

		if (nl == NULL) {
			size_t left = in->text_len - start;

			if (!eof && left < LONG_LINE)
				break;
			/* At the end, or a line too long to hold: feed what is
			 * there, less a character cut by the end of the text. */
			end = in->text_len;
			if (!eof)
				end = start + cut_point(in->text + start, left);
		} else {
			end = (size_t)(nl - in->text) + 1;
		}
		if (feed_line(in, in->text + start, end - start) != 0)
			return -1;
		start = end;
	}
	if (in->stop)
		start = in->text_len;
	memmove(in->text, in->text + start, in->text_len - start);
	in->text_len -= start;
	return 0;
}

/* How many bytes from the first one that is not ASCII detection looks at
 * (fewer only at the end of the input). */
#define DETECT_SPAN 256

/* Note that raw bytes S[0..N) went into the text: where the next one lies
 * (for messages about GB18030 bytes that cannot be decoded). */
static void
advance(struct csvin *in, const char *s, size_t n)
{
	const char *nl;

	while ((nl = memchr(s, '\n', n)) != NULL) {
		in->src_line++;
		in->src_col = 0;
		n -= (size_t)(nl + 1 - s);
		s = nl + 1;
	}
	in->src_col += n;
}

/*
 * Whether the bytes S[0..N) (a window; AVAIL >= N bytes are there to
 * finish a sequence that starts inside it) read as UTF-8 text: at least
 * one valid multi-byte sequence, and more valid ones than invalid bytes.
 * Valid UTF-8 with one damaged character is still UTF-8 (the damage is
 * an error at its line); GBK text is almost never valid UTF-8.
 */
static int
looks_utf8(const char *s, size_t n, size_t avail)
{
	size_t valid = 0, invalid = 0, i = 0;

	while (i < n) {
		unsigned c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 :
		    c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;

		if (len == 1) {
			i++;
		} else if (len > 0 && i + len <= avail &&
		    utf8_valid_prefix(s + i, len, 0) == len) {
			valid++;
			i += len;
		} else {
			invalid++;
			i++;
		}
	}
	return valid >= 1 && valid > invalid;
}

/*
 * Decide the encoding from the bytes that follow the first one that is not
 * ASCII. Bytes wait in in->raw until DETECT_SPAN of them (and three more,
 * to finish a character cut by the window) follow the first non-ASCII
 * byte, so that the decision never depends on where chunks end. Returns 1
 * when decided (in->raw holds the bytes to decode), 0 while still waiting
 * (the ASCII seen so far has gone to in->text).
 */
static int
detect(struct csvin *in, const char *s, size_t n, int eof)
{
	size_t i, window;

	xgrow(&in->raw, &in->raw_cap, in->raw_len + n, 1);
	memcpy(in->raw + in->raw_len, s, n);
	in->raw_len += n;
	for (i = 0; i < in->raw_len && (unsigned char)in->raw[i] < 0x80; i++)
		continue;
	if (i == in->raw_len || (in->raw_len - i < DETECT_SPAN + 3 && !eof)) {
		/* ASCII reads the same either way: pass it on. */
		xgrow(&in->text, &in->text_cap, in->text_len + i, 1);
		memcpy(in->text + in->text_len, in->raw, i);
		in->text_len += i;
		advance(in, in->raw, i);
		memmove(in->raw, in->raw + i, in->raw_len - i);
		in->raw_len -= i;
		if (in->raw_len == 0 || !eof)
			return 0;
		i = 0;
	}
	in->decided = 1;
	window = in->raw_len - i < DETECT_SPAN ? in->raw_len - i : DETECT_SPAN;
	in->enc = looks_utf8(in->raw + i, window, in->raw_len - i) ?
	    ENC_UTF8 : ENC_GB18030;
	return 1;
}

static int decode(struct csvin *in, const char *s, size_t n, int eof);

/* Append decoded text for raw bytes S[0..N). The first three bytes wait
 * until they are all in (chunks may be tiny): a UTF-8 BOM is dropped. */
static int
take(struct csvin *in, const char *s, size_t n, int eof)
{
	char *joined;
	size_t k;
	int rc;

	if (in->bom_checked)
		return decode(in, s, n, eof);
	k = n < 3 - in->head_len ? n : 3 - in->head_len;
	memcpy(in->head + in->head_len, s, k);
	in->head_len += k;
	if (in->head_len < 3 && !eof)
		return 0;
	in->bom_checked = 1;
	if (in->head_len == 3 && memcmp(in->head, "\xEF\xBB\xBF", 3) == 0) {
		if (in->enc == ENC_AUTO) {
			in->enc = ENC_UTF8;
			in->decided = 1;
		}
		return decode(in, s + k, n - k, eof);
	}
	/* Not a BOM: the held bytes go first, with the rest of this chunk,
	 * so that detection sees them together. */
	joined = xmalloc(in->head_len + n);
	memcpy(joined, in->head, in->head_len);
	memcpy(joined + in->head_len, s + k, n - k);
	rc = decode(in, joined, in->head_len + n - k, eof);
	free(joined);
	return rc;
}

static int
decode(struct csvin *in, const char *s, size_t n, int eof)
{
	if (!in->decided) {
		if (!detect(in, s, n, eof))
			return 0;
		/* The bytes held for detection are the input now. */
		s = NULL;
		n = 0;
		if (in->enc == ENC_UTF8) {
			xgrow(&in->text, &in->text_cap, in->text_len + in->raw_len, 1);
			memcpy(in->text + in->text_len, in->raw, in->raw_len);
			in->text_len += in->raw_len;
			in->raw_len = 0;
			return 0;
		}
	}
	if (in->enc != ENC_GB18030) {
		xgrow(&in->text, &in->text_cap, in->text_len + n, 1);
		memcpy(in->text + in->text_len, s, n);
		in->text_len += n;
		return 0;
	}
	if (in->cd == (iconv_t)-1 &&
	    (in->cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return fail(in, in->line, _("GB18030 decoding is not available: %s"),
		    strerror(errno));
	if (n > 0) {
		xgrow(&in->raw, &in->raw_cap, in->raw_len + n, 1);
		memcpy(in->raw + in->raw_len, s, n);
		in->raw_len += n;
	}
	{
		char *src = in->raw;
		size_t left = in->raw_len;

		while (left > 0) {
			char *dst, *from = src;
			size_t room, rc;

			xgrow(&in->text, &in->text_cap, in->text_len + 4 * left + 16, 1);
			dst = in->text + in->text_len;
			room = in->text_cap - in->text_len;
			rc = iconv(in->cd, &src, &left, &dst, &room);
			in->text_len = (size_t)(dst - in->text);
			advance(in, from, (size_t)(src - from));
			if (rc == (size_t)-1) {
				if (errno == E2BIG)
					continue;
				if (errno == EINVAL && !eof)
					break;
				return fail(in, in->src_line, _("byte %zu of the line "
				    "cannot be decoded as GB18030 (nor is it UTF-8)"),
				    in->src_col + 1);
			}
		}
		if (left > 0)
			memmove(in->raw, src, left);
		in->raw_len = left;
	}
	return 0;
}

void
csvin_set_chunk(struct csvin *in, size_t n)
{
	in->chunk = n > 0 && n <= CHUNK ? n : CHUNK;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
csvin_set_progress(struct csvin *in, const char *program)
{
	if (isatty(STDERR_FILENO)) {
		in->progress = program;
		in->started = in->shown = now();
	}
}

/* The progress line, at most twice a second; DONE clears it. */
static void
progress(struct csvin *in, int done)
{
	double t;

	if (in->progress == NULL)
		return;
	if (done) {
		if (in->shown > in->started)
			fputs("\r\033[K", stderr);
		return;
	}
	if ((t = now()) - in->shown < 0.5)
		return;
	in->shown = t;
	fputc('\r', stderr);
	fprintf(stderr, _("%s: %s: %lu rows, %.0f MB, %.1f MB/s"), in->progress,
	    in->name, in->rows, (double)in->bytes / 1048576,
	    (double)in->bytes / 1048576 / (t - in->started));
	fputs("\033[K", stderr);
}

/* Read the next chunk into BUF. Returns bytes read, 0 at EOF, -1 on error. */
static ssize_t
read_chunk(struct csvin *in, char *buf, size_t n)
{
	ssize_t r;

	if (n > in->chunk)
		n = in->chunk;
	if (in->fd < 0) {
		size_t k = in->mem_len - in->mem_off;

		if (k > n)
			k = n;
		memcpy(buf, in->mem + in->mem_off, k);
		in->mem_off += k;
		return (ssize_t)k;
	}
	do
		r = read(in->fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

int
csvin_read(struct csvin *in, csvin_fn fn, void *ctx)
{
	char *chunk = xmalloc(CHUNK);
	int rc = 0;

	in->fn = fn;
	in->ctx = ctx;
	if (in->broken) {
		free(chunk);
		return fail(in, 1, _("out of memory setting up the CSV parser"));
	}
	for (;;) {
		ssize_t r = read_chunk(in, chunk, CHUNK);

		if (r < 0) {
			rc = fail(in, in->line, _("read error: %s"), strerror(errno));
			break;
		}
		digest_update(in->digest, chunk, (size_t)r);
		in->bytes += (unsigned long long)r;
		progress(in, 0);
		if (take(in, chunk, (size_t)r, r == 0) != 0 ||
		    feed_text(in, r == 0) != 0) {
			rc = -1;
			break;
		}
		if (in->stop)
			break;
		if (r == 0) {
			if (csv_fini(&in->parser, on_cell, on_record, in) != 0)
				rc = fail(in, in->rec_line,
				    _("a quoted cell opened here is never closed"));
			else if (check_limits(in) != 0)
				rc = -1;
			break;
		}
	}
	free(chunk);
	progress(in, 1);
	if (rc == 0 && in->stop)
		rc = in->stop;
	if (rc == 0)
		digest_finish(in->digest, in->sha256);
	else
		digest_finish(in->digest, (char[DIGEST_HEX]){ 0 });
	in->digest = NULL;
	return rc;
}

const char *
csvin_error(const struct csvin *in)
{
	return in->err;
}

const char *
csvin_name(const struct csvin *in)
{
	return in->name;
}

const char *
csvin_sha256(const struct csvin *in)
{
	return in->sha256;
}

unsigned long long
csvin_bytes(const struct csvin *in)
{
	return in->bytes;
}

enum csv_encoding
csvin_encoding(const struct csvin *in)
{
	return in->enc;
}

void
csvin_close(struct csvin *in)
{
	if (in == NULL)
		return;
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	if (in->digest != NULL) {
		char tmp[DIGEST_HEX];

		digest_finish(in->digest, tmp);
	}
	csv_free(&in->parser);
	free(in->name);
	free(in->raw);
	free(in->text);
	free(in->cells);
	free(in->off);
	free(in->len);
	free(in->ptr);
	free(in);
}

int
csvin_read_file(const struct csvin_file *f, char **name,
    char sha256[DIGEST_HEX], struct strbuf *err)
{
	char msg[1024];
	struct csvin *in = csvin_open(f->path, f->encoding, msg, sizeof msg);
	int rc;

	if (in == NULL) {
		strbuf_printf(err, "%s\n", msg);
		return -1;
	}
	free(*name);
	*name = xstrdup(csvin_name(in));
	if (f->progress != NULL)
		csvin_set_progress(in, f->progress);
	rc = csvin_read(in, f->on_row, f->ctx);
	if (rc != 0 && err->len == 0)
		strbuf_printf(err, "%s\n", csvin_error(in));
	if (rc == 0 && !*f->header_seen) {
		strbuf_printf(err, _("%s:1: empty file: a header row is required\n"), *name);
		rc = -1;
	}
	if (rc == 0 && f->at_end != NULL)
		rc = f->at_end(f->ctx);
	if (rc == 0)
		memcpy(sha256, csvin_sha256(in), DIGEST_HEX);
	csvin_close(in);
	return rc;
}
