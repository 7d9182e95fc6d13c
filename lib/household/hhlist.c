#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/diag.h"
#include "household/hhlist.h"

static const char *const common[HH_NCOLS] = { "village_code", "household_id",
	"head_name", "head_id_number", "members", "per_capita_income",
	"poverty_line", "decision", "reasons" };

struct reading {
	struct hhlist *l;
	char *err;
	size_t errlen;
};

static int
header(struct reading *rd, const struct csvin_row *row)
{
	struct hhlist *l = rd->l;

	for (size_t i = 0; i < row->n; i++) {
		for (size_t j = 0; j < i; j++)
			if (strcmp(row->cell[i], row->cell[j]) == 0) {
				snprintf(rd->err, rd->errlen, "%s:%lu: column %s appears "
				    "twice", l->file, row->line, row->cell[i]);
				return 1;
			}
		hhlist_column(l, row->cell[i]);
	}
	l->nstored = l->ncols;
	for (int c = 0; c < HH_NCOLS; c++)
		if ((l->col[c] = hhlist_find(l, common[c])) < 0) {
			snprintf(rd->err, rd->errlen, "%s:%lu: required column %s is "
			    "missing (is this a household list from tpa-survey?)",
			    l->file, row->line, common[c]);
			return 1;
		}
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	struct hhlist *l = rd->l;
	const char *hid;
	int inserted;

	if (row->index == 0)
		return header(rd, row);
	if (row->n != l->nstored) {
		snprintf(rd->err, rd->errlen, "%s:%lu: the row has %zu cells, the "
		    "header %zu", l->file, row->line, row->n, l->nstored);
		return 1;
	}
	hid = row->cell[l->col[HH_HOUSEHOLD]];
	if (*hid == '\0') {
		snprintf(rd->err, rd->errlen, "%s:%lu: household_id is empty",
		    l->file, row->line);
		return 1;
	}
	strmap_put(&l->index, hid, strlen(hid), (uint32_t)l->nrows, &inserted);
	if (!inserted) {
		snprintf(rd->err, rd->errlen, "%s:%lu: household %s is listed twice",
		    l->file, row->line, hid);
		return 1;
	}
	xgrow(&l->row, &l->cap_rows, l->nrows + 1, sizeof *l->row);
	l->line = xrealloc(l->line, l->cap_rows * sizeof *l->line);
	l->row[l->nrows] = l->arena_len;
	l->line[l->nrows] = (uint32_t)row->line;
	for (size_t i = 0; i < row->n; i++) {
		xgrow(&l->arena, &l->arena_cap, l->arena_len + row->len[i] + 1, 1);
		memcpy(l->arena + l->arena_len, row->cell[i], row->len[i] + 1);
		l->arena_len += row->len[i] + 1;
	}
	l->nrows++;
	return 0;
}

int
hhlist_read(struct hhlist *l, const char *path, enum csv_encoding enc,
    char *err, size_t errlen)
{
	struct reading rd = { l, err, errlen };
	struct csvin *in;
	int rc;

	memset(l, 0, sizeof *l);
	strmap_init(&l->index);
	if ((in = csvin_open(path, enc, err, errlen)) == NULL)
		return -1;
	l->file = xstrdup(csvin_name(in));
	rc = csvin_read(in, on_row, &rd);
	if (rc < 0)
		snprintf(err, errlen, "%s", csvin_error(in));
	else if (rc == 0 && l->ncols == 0) {
		snprintf(err, errlen, "%s:1: empty file: a header row is required", l->file);
		rc = -1;
	}
	if (rc == 0)
		memcpy(l->sha256, csvin_sha256(in), DIGEST_HEX);
	csvin_close(in);
	return rc == 0 ? 0 : -1;
}

void
hhlist_free(struct hhlist *l)
{
	for (size_t i = 0; i < l->ncols; i++)
		free(l->names[i]);
	free(l->names);
	free(l->file);
	free(l->arena);
	free(l->row);
	free(l->line);
	strmap_free(&l->index);
	memset(l, 0, sizeof *l);
}

int
hhlist_find(const struct hhlist *l, const char *name)
{
	for (size_t i = 0; i < l->ncols; i++)
		if (strcmp(l->names[i], name) == 0)
			return (int)i;
	return -1;
}

int
hhlist_column(struct hhlist *l, const char *name)
{
	int c = hhlist_find(l, name);

	if (c >= 0)
		return c;
	xgrow(&l->names, &l->cap_cols, l->ncols + 1, sizeof *l->names);
	l->names[l->ncols] = xstrdup(name);
	return (int)l->ncols++;
}

const char *
hhlist_cell(const struct hhlist *l, size_t r, int col)
{
	const char *s = l->arena + l->row[r];

	if (col < 0 || (size_t)col >= l->nstored)
		return "";
	while (col-- > 0)
		s += strlen(s) + 1;
	return s;
}

void
hhlist_cells(const struct hhlist *l, size_t r, const char **cells)
{
	const char *s = l->arena + l->row[r];

	for (size_t i = 0; i < l->ncols; i++) {
		if (i < l->nstored) {
			cells[i] = s;
			s += strlen(s) + 1;
		} else {
			cells[i] = "";
		}
	}
}

struct key {
	const char *village, *household;
	uint32_t row;
};

static int
cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->village, y->village);

	return c ? c : strcmp(x->household, y->household);
}

uint32_t *
hhlist_order(const struct hhlist *l)
{
	struct key *k = xcalloc(l->nrows, sizeof *k);
	uint32_t *order = xcalloc(l->nrows, sizeof *order);
	const char **cells = xcalloc(l->ncols, sizeof *cells);

	for (size_t r = 0; r < l->nrows; r++) {
		hhlist_cells(l, r, cells);
		k[r].village = cells[l->col[HH_VILLAGE]];
		k[r].household = cells[l->col[HH_HOUSEHOLD]];
		k[r].row = (uint32_t)r;
	}
	qsort(k, l->nrows, sizeof *k, cmp);
	for (size_t r = 0; r < l->nrows; r++)
		order[r] = k[r].row;
	free(k);
	free(cells);
	return order;
}

void
hhlist_write_header(const struct hhlist *l, struct csvout *w)
{
	csvout_row(w, (const char *const *)l->names, l->ncols);
}
