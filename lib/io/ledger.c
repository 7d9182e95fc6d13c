/* LEDGER.csv: see ledger.h. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "io/csvin.h"
#include "io/infile.h"
#include "io/ledger.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "values/wording.h"

static const char ledger_header[] = "seq,village_code,receipt,file,sha256,prev";
static const char zeros[DIGEST_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

static int
is_hex64(const char *s, size_t n)
{
	if (n != 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
			return 0;
	return 1;
}

/* Chain row I of L to the rows of its village before it. */
static void
index_row(struct ledger *l, size_t i)
{
	int inserted;
	uint32_t *last = strmap_put(&l->last, l->row[i].village, 12,
	    (uint32_t)(i + 1), &inserted);

	l->row[i].before = inserted ? 0 : *last;
	*last = (uint32_t)(i + 1);
}

/* A positive decimal number with no leading zero, or -1. */
static long
positive(const char *s, size_t n)
{
	long v = 0;

	if (n == 0 || n > 9 || s[0] == '0')
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

struct reading {
	struct ledger *l;
	const char *bytes;        /* the file */
	const size_t *start;      /* of each physical line */
	size_t nlines;
	struct strbuf *err;
	enum lang lang;           /* of the messages */
};

/* FILE:LINE: and message M of the reading R. */
static int
bad(struct reading *r, unsigned long line, enum msg m, ...)
{
	va_list ap;

	strbuf_printf(r->err, "%s:%lu: ", r->l->path, line);
	va_start(ap, m);
	wording_v(r->err, r->lang, m, ap);
	va_end(ap);
	return 1;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *r = ctx;
	struct ledger *l = r->l;
	const char *raw;
	size_t rawlen, joined = 0;
	struct ledger_row *lr;
	long seq, receipt;

	if (row->line == 0 || row->line > r->nlines)
		return bad(r, row->line, MSG_LEDGER_NOT_ROW);
	raw = r->bytes + r->start[row->line - 1];
	rawlen = r->start[row->line] - r->start[row->line - 1] - 1;
	/* the row's bytes are its cells joined by commas, and nothing else */
	for (size_t i = 0; i < row->n; i++)
		joined += row->len[i] + (i > 0);
	if (joined != rawlen)
		return bad(r, row->line, MSG_LEDGER_QUOTED);
	for (size_t i = 0, o = 0; i < row->n; i++) {
		if (i > 0 && raw[o++] != ',')
			return bad(r, row->line, MSG_LEDGER_NOT_WRITTEN);
		if (memcmp(raw + o, row->cell[i], row->len[i]) != 0)
			return bad(r, row->line, MSG_LEDGER_NOT_WRITTEN);
		o += row->len[i];
	}
	if (row->index == 0) {
		if (rawlen != sizeof ledger_header - 1 ||
		    memcmp(raw, ledger_header, rawlen) != 0)
			return bad(r, row->line, MSG_LEDGER_HEADER);
		return 0;
	}
	if (row->n != 6)
		return bad(r, row->line, MSG_LEDGER_CELLS);
	seq = positive(row->cell[0], row->len[0]);
	if (seq != (long)l->nrows + 1)
		return bad(r, row->line, MSG_LEDGER_SEQ, row->cell[0], l->nrows + 1);
	if (row->len[1] != 12 || strspn(row->cell[1], "0123456789") != 12)
		return bad(r, row->line, MSG_LEDGER_CODE);
	if ((receipt = positive(row->cell[2], row->len[2])) < 0)
		return bad(r, row->line, MSG_LEDGER_RECEIPT);
	if (row->len[3] == 0)
		return bad(r, row->line, MSG_LEDGER_FILE);
	if (!is_hex64(row->cell[4], row->len[4]))
		return bad(r, row->line, MSG_LEDGER_SHA);
	if (!is_hex64(row->cell[5], row->len[5]))
		return bad(r, row->line, MSG_LEDGER_PREV);
	if (l->nrows > 0 && strcmp(row->cell[5], l->row[l->nrows - 1].hash) != 0)
		return bad(r, row->line, MSG_LEDGER_CHAIN);
	xgrow(&l->row, &l->cap, l->nrows + 1, sizeof *l->row);
	lr = &l->row[l->nrows++];
	memset(lr, 0, sizeof *lr);
	lr->seq = seq;
	memcpy(lr->village, row->cell[1], 13);
	lr->receipt = receipt;
	lr->file = xstrndup(row->cell[3], row->len[3]);
	memcpy(lr->sha256, row->cell[4], DIGEST_HEX);
	memcpy(lr->prev, row->cell[5], DIGEST_HEX);
	digest_bytes(raw, rawlen, lr->hash);
	lr->line = row->line;
	index_row(l, l->nrows - 1);
	l->saved = l->nrows;
	return 0;
}

int
ledger_load(struct ledger *l, const char *dir, struct strbuf *err)
{
	return ledger_load_in(l, dir, LANG_EN, err);
}

int
ledger_load_in(struct ledger *l, const char *dir, enum lang lang,
    struct strbuf *err)
{
	struct strbuf b = { 0 };
	struct reading r;
	char msg[1024];
	size_t *start = NULL, nlines = 0, cap = 0;
	struct csvin *in;
	int rc;

	memset(l, 0, sizeof *l);
	l->dir = xstrdup(dir);
	l->path = path_join(dir, "LEDGER.csv");
	if ((rc = infile_read_all(l->path, &b, msg, sizeof msg)) <= 0) {
		if (rc < 0)
			strbuf_puts(err, msg);
		strbuf_free(&b);
		return rc;
	}
	l->exists = 1;
	rc = -1;
	if (b.len == 0) {
		strbuf_printf(err, "%s:1: ", l->path);
		wording(err, lang, MSG_LEDGER_EMPTY);
		goto out;
	}
	if (b.len >= 3 && memcmp(b.s, "\xef\xbb\xbf", 3) == 0) {
		strbuf_printf(err, "%s:1: ", l->path);
		wording(err, lang, MSG_LEDGER_BOM);
		goto out;
	}
	if (b.s[b.len - 1] != '\n') {
		strbuf_printf(err, "%s: ", l->path);
		wording(err, lang, MSG_LEDGER_NO_LF);
		goto out;
	}
	/* the start of each physical line, and one past the end */
	xgrow(&start, &cap, 1, sizeof *start);
	start[0] = 0;
	for (size_t i = 0; i < b.len; i++) {
		if (b.s[i] == '\r') {
			unsigned long line = (unsigned long)nlines + 1;

			strbuf_printf(err, "%s:%lu: ", l->path, line);
			wording(err, lang, MSG_LEDGER_CR);
			goto out;
		}
		if (b.s[i] == '\n') {
			xgrow(&start, &cap, nlines + 2, sizeof *start);
			start[++nlines] = i + 1;
		}
	}
	r.l = l;
	r.bytes = b.s;
	r.start = start;
	r.nlines = nlines;
	r.err = err;
	r.lang = lang;
	in = csvin_open_mem(l->path, b.s, b.len, ENC_UTF8);
	rc = csvin_read(in, on_row, &r);
	if (rc < 0)
		strbuf_puts(err, csvin_error(in));
	csvin_close(in);
	rc = rc == 0 ? 0 : -1;
out:
	free(start);
	strbuf_free(&b);
	return rc;
}

void
ledger_free(struct ledger *l)
{
	for (size_t i = 0; i < l->nrows; i++)
		free(l->row[i].file);
	free(l->row);
	free(l->dir);
	free(l->path);
	strmap_free(&l->last);
	memset(l, 0, sizeof *l);
}

static void
format_row(struct strbuf *b, long seq, const char *village, long receipt,
    const char *file, const char *sha256, const char *prev)
{
	strbuf_printf(b, "%ld,%s,%ld,%s,%s,%s", seq, village, receipt, file,
	    sha256, prev);
}

int
ledger_add(struct ledger *l, const char first_prev[DIGEST_HEX],
    const struct ledger_entry *e, size_t n, struct strbuf *err)
{
	struct strbuf row = { 0 };
	char prev[DIGEST_HEX];

	for (size_t i = 0; i < n; i++)
		if (strlen(e[i].village) != 12 || e[i].receipt < 1 ||
		    e[i].file[0] == '\0' || strpbrk(e[i].file, ",\"\r\n") != NULL ||
		    !is_hex64(e[i].sha256, strlen(e[i].sha256))) {
			strbuf_printf(err, "%s: cannot record %s: not a ledger row",
			    l->path, e[i].file);
			return -1;
		}
	memcpy(prev, l->nrows > 0 ? l->row[l->nrows - 1].hash : first_prev,
	    DIGEST_HEX);
	for (size_t i = 0; i < n; i++) {
		struct ledger_row *r;

		strbuf_reset(&row);
		format_row(&row, (long)l->nrows + 1, e[i].village, e[i].receipt,
		    e[i].file, e[i].sha256, prev);
		xgrow(&l->row, &l->cap, l->nrows + 1, sizeof *l->row);
		r = &l->row[l->nrows++];
		memset(r, 0, sizeof *r);
		r->seq = (long)l->nrows;
		snprintf(r->village, sizeof r->village, "%s", e[i].village);
		r->receipt = e[i].receipt;
		r->file = xstrdup(e[i].file);
		memcpy(r->sha256, e[i].sha256, DIGEST_HEX);
		memcpy(r->prev, prev, DIGEST_HEX);
		digest_bytes(row.s, row.len, r->hash);
		r->line = l->nrows + 1;
		memcpy(prev, r->hash, DIGEST_HEX);
		index_row(l, l->nrows - 1);
	}
	strbuf_free(&row);
	return 0;
}

/* Drop the rows of L from index KEEP on, and index the rest again. */
static void
drop_rows(struct ledger *l, size_t keep)
{
	while (l->nrows > keep)
		free(l->row[--l->nrows].file);
	strmap_free(&l->last);
	strmap_init(&l->last);
	for (size_t i = 0; i < l->nrows; i++)
		index_row(l, i);
}

int
ledger_save(struct ledger *l, struct strbuf *err)
{
	struct strbuf b = { 0 };
	char msg[1024];
	struct outfile *out;

	if (l->saved == l->nrows)
		return 0;
	strbuf_puts(&b, ledger_header);
	strbuf_putc(&b, '\n');
	for (size_t i = 0; i < l->nrows; i++) {
		const struct ledger_row *r = &l->row[i];

		format_row(&b, r->seq, r->village, r->receipt, r->file, r->sha256,
		    r->prev);
		strbuf_putc(&b, '\n');
	}
	if ((out = outfile_open(l->path, OUTFILE_PUBLIC, msg, sizeof msg)) == NULL)
		goto fail;
	outfile_write(out, b.s, b.len);
	if (outfile_finish(out, NULL, msg, sizeof msg) != 0) {
		outfile_abort(out);
		goto fail;
	}
	if (outfile_commit(out, msg, sizeof msg) != 0)
		goto fail;
	strbuf_free(&b);
	l->exists = 1;
	l->saved = l->nrows;
	return 0;
fail:
	strbuf_puts(err, msg);
	strbuf_free(&b);
	drop_rows(l, l->saved);
	return -1;
}

int
ledger_append(struct ledger *l, const char first_prev[DIGEST_HEX],
    const struct ledger_entry *e, size_t n, struct strbuf *err)
{
	if (ledger_add(l, first_prev, e, n, err) != 0)
		return -1;
	return ledger_save(l, err);
}

char *
ledger_year_dir(const char *dir, int year)
{
	struct strbuf b = { 0 };
	char *p, *real = realpath(dir, NULL);

	/* the folder's own name, also when DIR is "." */
	strbuf_printf(&b, "../../%d/%s", year, path_base(real ? real : dir));
	free(real);
	p = path_join(dir, strbuf_str(&b));
	strbuf_free(&b);
	return p;
}

int
ledger_first_prev(const char *prev_dir, char out[DIGEST_HEX], struct strbuf *err)
{
	struct ledger p;
	int rc = ledger_load(&p, prev_dir, err);

	if (rc == 0)
		memcpy(out, p.nrows > 0 ? p.row[p.nrows - 1].hash : zeros, DIGEST_HEX);
	ledger_free(&p);
	return rc;
}

int
ledger_check_first_prev(const struct ledger *l, const char *prev_dir,
    struct strbuf *err)
{
	return ledger_check_first_prev_in(l, prev_dir, LANG_EN, err);
}

int
ledger_check_first_prev_in(const struct ledger *l, const char *prev_dir,
    enum lang lang, struct strbuf *err)
{
	struct ledger p;
	struct strbuf perr = { 0 };
	int rc = 0;

	if (l->nrows == 0)
		return 0;
	if (ledger_load_in(&p, prev_dir, lang, &perr) != 0 && p.nrows == 0 &&
	    strcmp(l->row[0].prev, zeros) != 0) {
		strbuf_printf(err, "%s:%lu: ", l->path, l->row[0].line);
		wording(err, lang, MSG_LEDGER_FIRST_UNCHECKED, strbuf_str(&perr));
		rc = -1;
	} else if (p.nrows == 0) {
		if (strcmp(l->row[0].prev, zeros) != 0) {
			strbuf_printf(err, "%s:%lu: ", l->path, l->row[0].line);
			wording(err, lang, MSG_LEDGER_FIRST_ZEROS, p.path);
			rc = -1;
		}
	} else {
		size_t i;

		/* rows of the previous year that verify are those loaded */
		for (i = 0; i < p.nrows; i++)
			if (strcmp(p.row[i].hash, l->row[0].prev) == 0)
				break;
		if (i == p.nrows) {
			strbuf_printf(err, "%s:%lu: ", l->path, l->row[0].line);
			wording(err, lang, MSG_LEDGER_FIRST_NONE, p.path);
			rc = -1;
		}
	}
	strbuf_free(&perr);
	ledger_free(&p);
	return rc;
}

const struct ledger_row *
ledger_row_seq(const struct ledger *l, long k)
{
	return k >= 1 && (size_t)k <= l->nrows ? &l->row[k - 1] : NULL;
}

/* 1 + the index of the last row of VILLAGE in L, or 0. */
static size_t
first(const struct ledger *l, const char *village)
{
	const uint32_t *v;

	if (strlen(village) != 12 || l->last.slots == NULL ||
	    (v = strmap_get(&l->last, village, 12)) == NULL)
		return 0;
	return *v;
}

size_t *
ledger_village_rows(const struct ledger *l, const char *village, size_t *n)
{
	size_t k = 0, *idx;

	for (size_t i = first(l, village); i > 0; i = l->row[i - 1].before)
		k++;
	*n = k;
	if (k == 0)
		return NULL;
	idx = xcalloc(k, sizeof *idx);
	for (size_t i = first(l, village); i > 0; i = l->row[i - 1].before)
		idx[--k] = i - 1;
	return idx;
}

long
ledger_latest_receipt(const struct ledger *l, const char *village)
{
	long n = 0;

	for (size_t i = first(l, village); i > 0; i = l->row[i - 1].before)
		if (l->row[i - 1].receipt > n)
			n = l->row[i - 1].receipt;
	return n;
}

int
ledger_superseded(const struct ledger *l, const struct ledger_row *r)
{
	return r->receipt < ledger_latest_receipt(l, r->village);
}

/* NAME of a row's file: the part after received/VILLAGE/N/. */
static const char *
received_name(const struct ledger_row *r)
{
	const char *p = r->file;

	if (strncmp(p, "received/", 9) != 0)
		return NULL;
	p += 9;
	if (strncmp(p, r->village, 12) != 0 || p[12] != '/')
		return NULL;
	p += 13;
	p += strspn(p, "0123456789");
	return *p == '/' ? p + 1 : NULL;
}

const struct ledger_row *
ledger_latest_file(const struct ledger *l, const char *village, const char *name)
{
	const struct ledger_row *best = NULL;

	/* from the last row back: of two rows of one receipt, the later */
	for (size_t i = first(l, village); i > 0; i = l->row[i - 1].before) {
		const struct ledger_row *r = &l->row[i - 1];
		const char *n;

		if ((n = received_name(r)) == NULL || strcmp(n, name) != 0)
			continue;
		if (best == NULL || r->receipt > best->receipt)
			best = r;
	}
	return best;
}

const struct ledger_row *
ledger_receipt_last(const struct ledger *l, const char *village, long n)
{
	for (size_t i = first(l, village); i > 0; i = l->row[i - 1].before)
		if (l->row[i - 1].receipt == n)
			return &l->row[i - 1];
	return NULL;
}

const struct ledger_row *
ledger_notice_row(const struct ledger *l, const char *village, const char *name)
{
	const struct ledger_row *copy = ledger_latest_file(l, village, name);

	return copy != NULL ? ledger_receipt_last(l, village, copy->receipt) : NULL;
}

char (*ledger_notice_rows(const struct ledger *l, const char *village,
    const char *name, size_t *n))[FINGERPRINT_LEN]
{
	char (*fp)[FINGERPRINT_LEN] = NULL;
	size_t k = 0;

	/* from the last row back: each receipt's last row comes first */
	for (size_t i = first(l, village); i > 0; i = l->row[i - 1].before) {
		const struct ledger_row *r = &l->row[i - 1], *last;
		const char *rn = received_name(r);

		if (rn == NULL || strcmp(rn, name) != 0 ||
		    (last = ledger_receipt_last(l, village, r->receipt)) == NULL)
			continue;
		fp = xrealloc(fp, (k + 1) * sizeof *fp);
		fingerprint_format(last->hash, fp[k++]);
	}
	*n = k;
	return fp;
}

void
fingerprint_format(const char hex[DIGEST_HEX], char out[FINGERPRINT_LEN])
{
	size_t o = 0;

	for (int i = 0; i < 32; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = hex[i];
	}
	out[o] = '\0';
}

int
fingerprint_matches(const char *typed, const char hex[DIGEST_HEX])
{
	int i = 0;

	for (const char *p = typed; *p != '\0'; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (i >= 32 || tolower((unsigned char)*p) != hex[i])
			return 0;
		i++;
	}
	return i == 32;
}
