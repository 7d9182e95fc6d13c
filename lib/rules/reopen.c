/* A level's reopen.csv: see reopen.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "io/csvin.h"
#include "io/paths.h"
#include "rules/area.h"
#include "rules/columns.h"
#include "rules/reopen.h"
#include "values/date.h"
#include "values/field.h"

enum { R_CODE, R_DATE, R_REASON, R_N };
static const char *const known[R_N] = { "village_code", "date", "reason" };
static const unsigned char required[R_N] = { 1, 1, 1 };

struct reading {
	struct reopen *r;
	struct column_aliases *aliases;
	struct columns cols;
	int header_seen;
	char *file;
	struct strbuf *err;
	int nerr;
};

static void
row_error(struct reading *rd, unsigned long line, int k, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void
row_error(struct reading *rd, unsigned long line, int k, const char *fmt, ...)
{
	va_list ap;

	rd->nerr++;
	if (k >= 0)
		strbuf_printf(rd->err, "%s:%lu: %s: ", rd->file, line, known[k]);
	else
		strbuf_printf(rd->err, "%s:%lu: ", rd->file, line);
	va_start(ap, fmt);
	strbuf_vprintf(rd->err, fmt, ap);
	va_end(ap);
	strbuf_putc(rd->err, '\n');
}

static const struct field date_field = { .name = "date", .type = FT_DATE };

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	struct reopen *r = rd->r;
	const char *c[R_N];
	char buf[FIELD_BUF], msg[1024];
	const char *norm;
	size_t nlen;
	int64_t v;

	if (row->index == 0) {
		rd->header_seen = 1;
		if (columns_header(&rd->cols, rd->aliases, rd->file, row, known,
		    required, R_N, msg, sizeof msg) != 0) {
			strbuf_printf(rd->err, "%s\n", msg);
			return -1;
		}
		return 0;
	}
	if (csvin_row_empty(row))
		return 0;
	if (row->n > rd->cols.ncells) {
		row_error(rd, row->line, -1, _("the row has %zu cells, the header "
		    "%zu"), row->n, rd->cols.ncells);
		return 0;
	}
	for (int k = 0; k < R_N; k++)
		c[k] = columns_cell(&rd->cols, row, k, NULL);
	if (strlen(c[R_CODE]) != 12 || strspn(c[R_CODE], "0123456789") != 12) {
		row_error(rd, row->line, R_CODE, _("\"%s\" is not a village code "
		    "(12 digits)"), c[R_CODE]);
		return 0;
	}
	if (field_parse(&date_field, c[R_DATE], strlen(c[R_DATE]), 0, &v, &norm,
	    &nlen, buf) != FIELD_OK) {
		row_error(rd, row->line, R_DATE, _("\"%s\" is not a date (2015-06-14, "
		    "2015/6/14, 2015年6月14日)"), c[R_DATE]);
		return 0;
	}
	if (*c[R_REASON] == '\0') {
		row_error(rd, row->line, R_REASON, _("empty: a reopen says why the "
		    "village is accepted again"));
		return 0;
	}
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->row[i].village, c[R_CODE]) == 0 &&
		    r->row[i].date == (long)v &&
		    strcmp(r->row[i].reason, c[R_REASON]) == 0) {
			row_error(rd, row->line, -1, _("the same row as line %lu: "
			    "each reopen row is used once"), r->row[i].line);
			return 0;
		}
	xgrow(&r->row, &r->cap, r->n + 1, sizeof *r->row);
	memset(&r->row[r->n], 0, sizeof r->row[r->n]);
	snprintf(r->row[r->n].village, sizeof r->row[r->n].village, "%s", c[R_CODE]);
	r->row[r->n].date = (long)v;
	r->row[r->n].reason = xstrdup(c[R_REASON]);
	r->row[r->n].line = row->line;
	r->n++;
	return 0;
}

int
reopen_load(struct reopen *r, const char *dir, const char *columns_path,
    struct strbuf *err)
{
	struct reading rd;
	struct csvin_file f;
	char msg[1024];
	int rc;

	memset(r, 0, sizeof *r);
	r->path = path_join(dir, "reopen.csv");
	if (!path_exists(r->path))
		return 0;
	r->exists = 1;
	memset(&rd, 0, sizeof rd);
	rd.r = r;
	rd.err = err;
	rd.aliases = aliases_new_reopen();
	if (columns_path != NULL &&
	    aliases_load(rd.aliases, columns_path, msg, sizeof msg) != 0) {
		strbuf_printf(err, "%s\n", msg);
		aliases_free(rd.aliases);
		return -1;
	}
	memset(&f, 0, sizeof f);
	f.path = r->path;
	f.encoding = ENC_AUTO;
	f.on_row = on_row;
	f.ctx = &rd;
	f.header_seen = &rd.header_seen;
	if (!path_is_file(r->path)) {
		strbuf_printf(err, _("cannot read %s: not a regular file"), r->path);
		strbuf_putc(err, '\n');
		rc = -1;
	} else if (csvin_read_file(&f, &rd.file, r->sha256, err) != 0) {
		rc = -1;
	} else {
		r->read = 1;
		rc = rd.nerr;
	}
	if (rc < 0) {
		for (size_t i = 0; i < r->n; i++)
			free(r->row[i].reason);
		r->n = 0;
	}
	free(rd.file);
	columns_free(&rd.cols);
	aliases_free(rd.aliases);
	return rc;
}

void
reopen_free(struct reopen *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->row[i].reason);
	free(r->row);
	free(r->path);
	memset(r, 0, sizeof *r);
}

int
reopen_keep_listed(struct reopen *ro, const struct area_town *t, size_t n,
    struct strbuf *err)
{
	size_t kept = 0;
	int out = 0;

	for (size_t i = 0; i < ro->n; i++) {
		int listed = 0;

		for (size_t k = 0; k < n && !listed; k++)
			listed = area_town_village(&t[k], ro->row[i].village) != NULL;
		if (listed) {
			ro->row[kept++] = ro->row[i];
			continue;
		}
		strbuf_printf(err, _("%s:%lu: village_code: %s is not a village "
		    "of %s"), ro->path, ro->row[i].line, ro->row[i].village,
		    n == 1 ? t[0].villages_path : "villages.csv");
		strbuf_putc(err, '\n');
		free(ro->row[i].reason);
		out++;
	}
	ro->n = kept;
	return out;
}

void
reopen_row_bytes(const struct reopen_row *row, struct strbuf *b)
{
	char d[DATE_BUF];

	strbuf_printf(b, "village_code,date,reason\n%s,%s,", row->village,
	    date_format(d, row->date));
	if (strpbrk(row->reason, ",\"\r\n") == NULL) {
		strbuf_puts(b, row->reason);
	} else {
		strbuf_putc(b, '"');
		for (const char *p = row->reason; *p; p++) {
			if (*p == '"')
				strbuf_putc(b, '"');
			strbuf_putc(b, *p);
		}
		strbuf_putc(b, '"');
	}
	strbuf_putc(b, '\n');
}
