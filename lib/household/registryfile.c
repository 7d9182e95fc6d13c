/* A registry file read row by row, each row's values parsed once. */
#include <string.h>

#include "household/registryfile.h"
#include "values/enums.h"
#include "values/money.h"

const char *const registry_file_names[REGISTRY_NFILES] = { "households.csv",
	"members.csv", "history.csv" };

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
