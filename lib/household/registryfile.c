/* A registry file read row by row, each row's values parsed once. */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "household/registryfile.h"
#include "values/enums.h"
#include "values/hhnumber.h"
#include "values/money.h"

const char *const registry_file_names[REGISTRY_NFILES] = { "households.csv",
	"members.csv", "history.csv" };

const char *const registry_household_columns[REGISTRY_NHOUSEHOLD_COLUMNS] = {
	"village_code", "household_id", "head_name", "head_id_number", "members",
	"per_capita_income", "attribute", "main_cause", "other_causes", "status",
	"year", "registered_since", "exited_year" };
const char *const registry_history_columns[REGISTRY_NHISTORY_COLUMNS] = { "household_id",
	"registered_since", "exited_year" };

const char *const registry_columns[RC_N] = { "household_id", "status",
	"registered_since", "exited_year", "year", "village_code", "attribute",
	"main_cause", "members", "labor", "health" };

int
registry_year(const char *s)
{
	int y = 0, n = 0;

	for (; *s >= '0' && *s <= '9' && n < 4; s++, n++)
		y = y * 10 + (*s - '0');
	return *s != '\0' ? -1 : y;
}

struct reading {
	struct registryfile f;
	const struct column_aliases *aliases;
	const struct registryfile_handler *h;
	struct strbuf *err;
};

/* The enum value of column K's cell, or -1 (not one). */
static int
lookup(const struct registry_row *r, int k, const struct enum_def *def)
{
	return enum_lookup(def, r->cell[k], r->len[k]);
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	struct registry_row r;
	char msg[1024];

	if (row->index == 0) {
		int mapped = columns_map(&rd->f.cols, rd->aliases, rd->f.name, row,
		    registry_columns, RC_N, msg, sizeof msg) == 0;

		return rd->h->header(rd->h->ctx, &rd->f, mapped ? NULL : msg, rd->err);
	}
	r.line = row->line;
	for (int k = 0; k < RC_N; k++)
		r.cell[k] = columns_cell(&rd->f.cols, row, k, &r.len[k]);
	r.status = lookup(&r, RC_STATUS, &enum_status);
	r.year = registry_year(r.cell[RC_YEAR]);
	r.since = registry_year(r.cell[RC_SINCE]);
	r.exited = registry_year(r.cell[RC_EXITED]);
	/* A household's people: a whole number, 1 or more (the bound keeps
	 * any sum far from overflow). */
	if (decimal_parse(r.cell[RC_MEMBERS], r.cell[RC_MEMBERS] + r.len[RC_MEMBERS],
	    0, 1000000, &r.members) != 0 || r.members < 1)
		r.members = -1;
	r.attribute = lookup(&r, RC_ATTRIBUTE, &enum_attribute);
	r.cause = lookup(&r, RC_CAUSE, &enum_cause);
	r.labor = lookup(&r, RC_LABOR, &enum_labor);
	r.health = lookup(&r, RC_HEALTH, &enum_health);
	return rd->h->row(rd->h->ctx, &rd->f, &r, rd->err);
}

int
registryfile_read(const char *path, enum registry_file file,
    const struct column_aliases *a, const struct registryfile_handler *h,
    char sha256[DIGEST_HEX], struct strbuf *err)
{
	struct reading rd;
	char msg[1024];
	struct csvin *in = csvin_open(path, ENC_UTF8, msg, sizeof msg);
	size_t said = err->len;
	int rc;

	if (in == NULL) {
		strbuf_puts(err, msg);
		return REGISTRYFILE_UNOPENED;
	}
	memset(&rd, 0, sizeof rd);
	rd.f.path = path;
	rd.f.name = csvin_name(in);
	rd.f.file = file;
	rd.aliases = a;
	rd.h = h;
	rd.err = err;
	rc = csvin_read(in, on_row, &rd);
	if (rc != 0 && err->len == said)
		strbuf_printf(err, "%s\n", csvin_error(in));
	if (rc == 0)
		memcpy(sha256, csvin_sha256(in), DIGEST_HEX);
	csvin_close(in);
	columns_free(&rd.f.cols);
	return rc == 0 ? 0 : -1;
}

void
registry_whole_init(struct registry_whole *w, const struct registry_expect *x)
{
	memset(w, 0, sizeof *w);
	if (x != NULL)
		w->x = *x;
	strmap_init(&w->index);
}

/* village_code, where the file has one, must be the expected one. */
static int
other_village(const struct registry_whole *w, const struct registryfile *f,
    const struct registry_row *r)
{
	return w->x.code != NULL && f->cols.pos[RC_VILLAGE] >= 0 &&
	    strcmp(r->cell[RC_VILLAGE], w->x.code) != 0;
}

enum registry_fault
registry_whole_household(struct registry_whole *w,
    const struct registryfile *f, const struct registry_row *r)
{
	const char *code = r->cell[RC_VILLAGE];
	struct registry_household *h;
	int inserted;

	if (other_village(w, f, r))
		return REGISTRY_NOT_VILLAGE;
	if (r->year < 1)
		return REGISTRY_NOT_YEAR;
	if (w->year == 0) {
		w->code = xstrdup(code);
		w->year = r->year;
		w->line = r->line;
	} else if (strcmp(code, w->code) != 0 || r->year != w->year)
		return REGISTRY_NOT_ONE;
	if (w->x.before > 0 && r->year >= w->x.before)
		return REGISTRY_NOT_EARLIER;
	if (r->status < 0)
		return REGISTRY_NOT_STATUS;
	if (r->members < 0)
		return REGISTRY_NOT_MEMBERS;
	(void)hhnumber_put(&w->index, r->cell[RC_HOUSEHOLD], r->len[RC_HOUSEHOLD],
	    (uint32_t)w->nhh, &inserted);
	if (!inserted)
		return REGISTRY_TWICE;
	w->hh = xrealloc(w->hh, (w->nhh + 1) * sizeof *w->hh);
	h = &w->hh[w->nhh++];
	h->id = xstrdup(r->cell[RC_HOUSEHOLD]);
	h->status = r->status;
	h->members = r->members;
	h->line = r->line;
	h->rows = 0;
	return REGISTRY_WHOLE;
}

enum registry_fault
registry_whole_member(struct registry_whole *w, const struct registryfile *f,
    const struct registry_row *r, size_t *k)
{
	uint32_t *i;

	if (other_village(w, f, r))
		return REGISTRY_NOT_VILLAGE;
	i = hhnumber_get(&w->index, r->cell[RC_HOUSEHOLD], r->len[RC_HOUSEHOLD]);
	if (i == NULL || (f->cols.pos[RC_VILLAGE] >= 0 &&
	    strcmp(r->cell[RC_VILLAGE], w->code) != 0))
		return REGISTRY_UNLISTED;
	w->hh[*i].rows++;
	*k = *i;
	return REGISTRY_WHOLE;
}

enum registry_fault
registry_whole_rows(const struct registry_whole *w, size_t *k)
{
	for (*k = 0; *k < w->nhh; ++*k) {
		const struct registry_household *h = &w->hh[*k];

		if (h->rows == 0)
			return REGISTRY_NO_ROWS;
		if ((unsigned long long)h->members != h->rows)
			return REGISTRY_ROWS;
	}
	return REGISTRY_WHOLE;
}

void
registry_whole_free(struct registry_whole *w)
{
	for (size_t i = 0; i < w->nhh; i++)
		free(w->hh[i].id);
	free(w->hh);
	free(w->code);
	strmap_free(&w->index);
	memset(w, 0, sizeof *w);
}
