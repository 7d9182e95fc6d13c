#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "base/i18n.h"
#include "io/csvin.h"
#include "io/csvout.h"
#include "io/rejects.h"
#include "values/idnumber.h"

void
rejects_init(struct rejects *r, const char *stage, const char *village_code)
{
	memset(r, 0, sizeof *r);
	r->stage = stage;
	r->village_code = village_code;
}

static uint64_t
store(struct rejects *r, const char *s, size_t n)
{
	return xstore(&r->arena, &r->arena_len, &r->arena_cap, s, n);
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static uint32_t
file_rank(struct rejects *r, const char *file)
{
	for (size_t i = 0; i < r->nfiles; i++)
		if (strcmp(r->files[i], file) == 0)
			return (uint32_t)i;
	r->files = xrealloc(r->files, (r->nfiles + 1) * sizeof *r->files);
	r->files[r->nfiles] = xstrdup(file);
	return (uint32_t)r->nfiles++;
}

void
rejects_add(struct rejects *r, const char *file, unsigned long line,
    const char *household, const char *id, size_t id_len, const char *field,
    const char *code, const char *message)
{
	char masked[ID_MASKED_BUF];
	struct reject *x;
	const char *base = base_name(file);

	xgrow(&r->list, &r->cap, r->n + 1, sizeof *r->list);
	x = &r->list[r->n];
	x->line = (uint32_t)line;
	x->seq = (uint32_t)r->n;
	x->code = code;
	x->file_rank = file_rank(r, base);
	x->file = store(r, base, strlen(base));
	x->household = store(r, household ? household : "",
	    household ? strlen(household) : 0);
	id_mask(masked, id ? id : "", id ? id_len : 0);
	x->id = store(r, masked, strlen(masked));
	x->field = store(r, field, strlen(field));
	x->message = store(r, message, strlen(message));
	x->warning = 0;
	r->n++;
}

void
rejects_warn(struct rejects *r, const char *file, unsigned long line,
    const char *household, const char *id, size_t id_len, const char *field,
    const char *code, const char *message)
{
	rejects_add(r, file, line, household, id, id_len, field, code, message);
	r->list[r->n - 1].warning = 1;
}

/* qsort has no context argument: sort keys carry their own pointers. */
struct key {
	const char *household;
	const struct reject *x;
};

static int
cmp(const void *a, const void *b)
{
	const struct key *p = a, *q = b;
	int c = strcmp(p->household, q->household);

	if (c != 0)
		return c;
	if (p->x->file_rank != q->x->file_rank)
		return p->x->file_rank < q->x->file_rank ? -1 : 1;
	if (p->x->line != q->x->line)
		return p->x->line < q->x->line ? -1 : 1;
	return p->x->seq < q->x->seq ? -1 : p->x->seq > q->x->seq;
}

const char *const rejects_columns[REJECTS_NCOLUMNS] = { "stage", "file",
	"line", "village_code", "household_id", "id_number", "field", "code",
	"message", "severity" };

void
rejects_write(struct rejects *r, struct outfile *out)
{
	struct key *keys = xcalloc(r->n, sizeof *keys);
	struct csvout w;

	for (size_t i = 0; i < r->n; i++) {
		keys[i].household = r->arena + r->list[i].household;
		keys[i].x = &r->list[i];
	}
	qsort(keys, r->n, sizeof *keys, cmp);
	csvout_init(&w, out, CSVOUT_HUMAN);
	csvout_bom(&w);
	csvout_row(&w, rejects_columns, REJECTS_NCOLUMNS);
	for (size_t i = 0; i < r->n; i++) {
		const struct reject *x = keys[i].x;

		csvout_str(&w, r->stage);
		csvout_str(&w, r->arena + x->file);
		csvout_int(&w, x->line);
		csvout_str(&w, r->village_code);
		csvout_str(&w, r->arena + x->household);
		csvout_str(&w, r->arena + x->id);
		csvout_str(&w, r->arena + x->field);
		csvout_str(&w, x->code);
		csvout_str(&w, r->arena + x->message);
		csvout_str(&w, x->warning ? "warning" : "error");
		csvout_end(&w);
	}
	free(keys);
}

void
rejects_free(struct rejects *r)
{
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i]);
	free(r->files);
	free(r->list);
	free(r->arena);
	memset(r, 0, sizeof *r);
}

enum { RC_FILE, RC_LINE, RC_HOUSEHOLD, RC_ID, RC_FIELD, RC_CODE, RC_MESSAGE,
	RC_SEVERITY, NRC };
static const char *const reject_columns[NRC] = { "file", "line",
	"household_id", "id_number", "field", "code", "message", "severity" };

struct reading {
	struct rejects_file *f;
	const char *path;
	struct strbuf *err;
	int col[NRC];
	int have_header;
};

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	struct reject_row *r;
	const char *c[NRC];

	if (!rd->have_header) {
		for (int k = 0; k < NRC; k++) {
			rd->col[k] = -1;
			/* csvin took off the BOM rejects_write puts */
			for (size_t i = 0; i < row->n; i++)
				if (strcmp(row->cell[i], reject_columns[k]) == 0)
					rd->col[k] = (int)i;
			if (rd->col[k] < 0) {
				strbuf_printf(rd->err, _("%s:%lu: not a rejects file: no "
				    "column %s\n"), rd->path, row->line, reject_columns[k]);
				return -1;
			}
		}
		rd->have_header = 1;
		return 0;
	}
	for (int k = 0; k < NRC; k++)
		c[k] = (size_t)rd->col[k] < row->n ? row->cell[rd->col[k]] : "";
	xgrow(&rd->f->row, &rd->f->cap, rd->f->n + 1, sizeof *rd->f->row);
	r = &rd->f->row[rd->f->n++];
	r->line = row->line;
	r->source_line = strtoul(c[RC_LINE], NULL, 10);
	r->file = xstrdup(c[RC_FILE]);
	r->household = xstrdup(c[RC_HOUSEHOLD]);
	r->id = xstrdup(c[RC_ID]);
	r->field = xstrdup(c[RC_FIELD]);
	r->code = xstrdup(c[RC_CODE]);
	r->message = xstrdup(c[RC_MESSAGE]);
	r->warning = strcmp(c[RC_SEVERITY], "warning") == 0;
	return 0;
}

int
rejects_read(struct rejects_file *f, const char *path, struct strbuf *err)
{
	struct reading rd = { f, path, err, { 0 }, 0 };
	struct csvin_file in = { path, ENC_AUTO, NULL, on_row, &rd,
		&rd.have_header, NULL };
	char *name = NULL;
	int rc;

	memset(f, 0, sizeof *f);
	rc = csvin_read_file(&in, &name, f->sha256, err);
	free(name);
	return rc == 0 ? 0 : -1;
}

void
rejects_file_free(struct rejects_file *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->row[i].file);
		free(f->row[i].household);
		free(f->row[i].id);
		free(f->row[i].field);
		free(f->row[i].code);
		free(f->row[i].message);
	}
	free(f->row);
	memset(f, 0, sizeof *f);
}
