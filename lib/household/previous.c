/* Last year's registry: households.csv first (its households, their
 * status, the registry's year and village), then members.csv against it,
 * then history.csv when there. */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "household/previous.h"
#include "values/hhnumber.h"
#include "io/csvin.h"
#include "io/paths.h"

enum { H_HOUSEHOLD, H_STATUS, H_SINCE, H_EXITED, H_YEAR, H_VILLAGE, H_MEMBERS,
	H_N };

static const char *const names[H_N] = { "household_id", "status",
	"registered_since", "exited_year", "year", "village_code", "members" };

/* Columns each file needs (the registry is tpa-file's). */
static const unsigned char need[PREVIOUS_NFILES][H_N] = {
	[PREVIOUS_HOUSEHOLDS] = { [H_HOUSEHOLD] = 1, [H_STATUS] = 1, [H_YEAR] = 1,
		[H_VILLAGE] = 1, [H_MEMBERS] = 1 },
	[PREVIOUS_MEMBERS] = { [H_HOUSEHOLD] = 1 },
	[PREVIOUS_HISTORY] = { [H_HOUSEHOLD] = 1 },
};

struct reading {
	struct previous_registry *p;
	const struct previous_expect *x;
	int file;
	const char *name;             /* as messages name the file */
	struct columns cols;
	unsigned long year_line;      /* the row that fixed the year */
	struct strbuf *err;
};

/* A year cell: 1 to 4 digits; 0 when empty; -1 when not a year. */
static int
year_of(const char *s)
{
	int y = 0, n = 0;

	for (; *s >= '0' && *s <= '9' && n < 4; s++, n++)
		y = y * 10 + (*s - '0');
	return *s != '\0' ? -1 : y;
}

/* A members cell: a whole number of 1 to 1,000,000; -1 when not. */
static long
members_of(const char *s)
{
	long m = 0;
	size_t n = 0;

	for (; *s >= '0' && *s <= '9' && n < 7; s++, n++)
		m = m * 10 + (*s - '0');
	return *s != '\0' || n == 0 || m < 1 || m > 1000000 ? -1 : m;
}

/* village_code, where the file has one, must be the village's. */
static int
check_village(struct reading *r, const struct csvin_row *row, const char *hid)
{
	const char *code = columns_cell(&r->cols, row, H_VILLAGE, NULL);

	if (r->cols.pos[H_VILLAGE] < 0 || strcmp(code, r->x->code) == 0)
		return 0;
	strbuf_printf(r->err, _("%s:%lu: household %s is of village %s, not %s: "
	    "the previous registry must be this village's own\n"), r->name,
	    row->line, hid, *code ? code : "\"\"", r->x->code);
	return -1;
}

static int
household_row(struct reading *r, const struct csvin_row *row, const char *hid)
{
	struct previous_registry *p = r->p;
	const char *status = columns_cell(&r->cols, row, H_STATUS, NULL);
	const char *year = columns_cell(&r->cols, row, H_YEAR, NULL);
	const char *members = columns_cell(&r->cols, row, H_MEMBERS, NULL);
	long m = members_of(members);
	int s = enum_lookup(&enum_status, status, strlen(status));
	int y = year_of(year), inserted;
	struct previous_household *h;

	if (check_village(r, row, hid) != 0)
		return -1;
	if (y <= 0) {
		strbuf_printf(r->err, _("%s:%lu: household %s: year \"%s\" is not a "
		    "year: the registry is damaged\n"), r->name, row->line, hid, year);
		return -1;
	}
	if (p->year == 0) {
		p->year = y;
		r->year_line = row->line;
	} else if (y != p->year) {
		strbuf_printf(r->err, _("%s:%lu: household %s is of %d, and line %lu "
		    "of %d: the registry is damaged\n"), r->name, row->line, hid, y,
		    r->year_line, p->year);
		return -1;
	}
	if (y >= r->x->year) {
		strbuf_printf(r->err, _("%s:%lu: the registry is of %d: the previous "
		    "registry of a village of %d must be of an earlier year\n"),
		    r->name, row->line, y, r->x->year);
		return -1;
	}
	if (s < 0) {
		strbuf_printf(r->err, _("%s:%lu: household %s: status \"%s\" is not one "
		    "of new, continuing, exited, returned, unexplained\n"), r->name,
		    row->line, hid, status);
		return -1;
	}
	if (m < 0) {
		strbuf_printf(r->err, _("%s:%lu: household %s: members \"%s\" is not "
		    "a whole number of 1 or more: the registry is damaged\n"), r->name,
		    row->line, hid, members);
		return -1;
	}
	(void)hhnumber_put(&p->index, hid, strlen(hid), (uint32_t)p->nhouseholds,
	    &inserted);
	if (!inserted) {
		strbuf_printf(r->err, _("%s:%lu: household %s is there twice: the "
		    "registry is damaged\n"), r->name, row->line, hid);
		return -1;
	}
	p->households = xrealloc(p->households, (p->nhouseholds + 1) *
	    sizeof *p->households);
	h = &p->households[p->nhouseholds++];
	h->id = xstrdup(hid);
	h->status = (enum status)s;
	h->members = m;
	h->rows = 0;
	h->line = row->line;
	h->registered_since = year_of(columns_cell(&r->cols, row, H_SINCE, NULL));
	h->exited_year = year_of(columns_cell(&r->cols, row, H_EXITED, NULL));
	if (h->registered_since < 0)
		h->registered_since = 0;
	if (h->exited_year < 0)
		h->exited_year = 0;
	return 0;
}

static int
history_row(struct reading *r, const struct csvin_row *row, const char *hid)
{
	struct previous_registry *p = r->p;
	struct previous_household *h;
	int since = year_of(columns_cell(&r->cols, row, H_SINCE, NULL));
	int exited = year_of(columns_cell(&r->cols, row, H_EXITED, NULL));

	/* An exit in the village's year or later: not last year's registry. */
	if (exited >= r->x->year) {
		strbuf_printf(r->err, _("%s:%lu: household %s exited in %d: the "
		    "previous registry of a village of %d must be of an earlier "
		    "year\n"), r->name, row->line, hid, exited, r->x->year);
		return -1;
	}
	p->history = xrealloc(p->history, (p->nhistory + 1) * sizeof *p->history);
	h = &p->history[p->nhistory++];
	memset(h, 0, sizeof *h);
	h->id = xstrdup(hid);
	h->status = STATUS_EXITED;
	h->registered_since = since > 0 ? since : 0;
	h->exited_year = exited > 0 ? exited : 0;
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *r = ctx;
	const char *hid;
	char msg[1024];

	if (row->index == 0) {
		if (columns_header(&r->cols, r->x->aliases, r->name, row, names,
		    need[r->file], H_N, msg, sizeof msg) != 0) {
			strbuf_printf(r->err, _("%s (not a registry that tpa-file "
			    "wrote)\n"), msg);
			return -1;
		}
		return 0;
	}
	hid = columns_cell(&r->cols, row, H_HOUSEHOLD, NULL);
	if (*hid == '\0') {
		strbuf_printf(r->err, _("%s:%lu: household_id is empty: the registry "
		    "is damaged\n"), r->name, row->line);
		return -1;
	}
	switch (r->file) {
	case PREVIOUS_HOUSEHOLDS:
		return household_row(r, row, hid);
	case PREVIOUS_MEMBERS:
		if (check_village(r, row, hid) != 0)
			return -1;
		{
			uint32_t *i = hhnumber_get(&r->p->index, hid, strlen(hid));

			if (i == NULL) {
				strbuf_printf(r->err, _("%s:%lu: household %s is not in "
				    "households.csv: the registry is damaged\n"), r->name,
				    row->line, hid);
				return -1;
			}
			r->p->households[*i].rows++;
		}
		return 0;
	default:
		return history_row(r, row, hid);
	}
}

static int
read_one(struct previous_registry *p, const struct previous_expect *x,
    int file, struct strbuf *err)
{
	struct reading r;
	char msg[1024];
	struct csvin *in = csvin_open(p->path[file], ENC_UTF8, msg, sizeof msg);
	int rc;

	if (in == NULL) {
		strbuf_printf(err, _("%s (last year's registry)\n"), msg);
		return -1;
	}
	memset(&r, 0, sizeof r);
	r.p = p;
	r.x = x;
	r.file = file;
	r.name = csvin_name(in);
	r.err = err;
	rc = csvin_read(in, on_row, &r);
	if (rc < 0 && err->len == 0)
		strbuf_printf(err, "%s\n", csvin_error(in));
	if (rc == 0)
		memcpy(p->sha256[file], csvin_sha256(in), DIGEST_HEX);
	csvin_close(in);
	columns_free(&r.cols);
	return rc == 0 ? 0 : -1;
}

/* Each household of households.csv has as many rows in members.csv as
 * its members say, one at least. */
static int
check_members(const struct previous_registry *p, struct strbuf *err)
{
	for (size_t i = 0; i < p->nhouseholds; i++) {
		const struct previous_household *h = &p->households[i];

		if (h->rows == 0) {
			strbuf_printf(err, _("%s:%lu: household %s has no row in %s: "
			    "the registry is damaged\n"), p->path[PREVIOUS_HOUSEHOLDS],
			    h->line, h->id, p->path[PREVIOUS_MEMBERS]);
			return -1;
		}
		if ((unsigned long)h->members != h->rows) {
			strbuf_printf(err, _("%s:%lu: household %s has %ld members, and "
			    "%lu rows in %s: the registry is damaged\n"),
			    p->path[PREVIOUS_HOUSEHOLDS], h->line, h->id, h->members,
			    h->rows, p->path[PREVIOUS_MEMBERS]);
			return -1;
		}
	}
	return 0;
}

/* Whether DIR is the registry folder of the village (VILLAGE_DIR/registry). */
static int
own_registry(const char *dir, const char *village_dir)
{
	char *own = path_join(village_dir, "registry"), msg[256];
	struct file_id a, b;
	int same = 0;

	if (file_id_get(dir, &a, msg, sizeof msg) == 0) {
		if (file_id_get(own, &b, msg, sizeof msg) == 0) {
			same = a.exists && b.exists && file_id_same(&a, &b);
			file_id_free(&b);
		}
		file_id_free(&a);
	}
	free(own);
	return same;
}

int
previous_read(struct previous_registry *p, const char *dir,
    const struct previous_expect *x, struct strbuf *err)
{
	static const char *const files[PREVIOUS_NFILES] = { "households.csv",
		"members.csv", "history.csv" };

	memset(p, 0, sizeof *p);
	strmap_init(&p->index);
	if (!path_is_dir(dir)) {
		strbuf_printf(err, _("%s: not a folder: the previous registry is "
		    "named by its folder (last year's VILLAGE/registry)\n"), dir);
		return -1;
	}
	if (x->village_dir != NULL && own_registry(dir, x->village_dir)) {
		strbuf_printf(err, _("%s: the village's own registry cannot be its "
		    "previous one: name last year's registry folder\n"), dir);
		return -1;
	}
	for (int i = 0; i < PREVIOUS_NFILES; i++)
		p->path[i] = path_join(dir, files[i]);
	if (!path_exists(p->path[PREVIOUS_HISTORY])) {
		free(p->path[PREVIOUS_HISTORY]);
		p->path[PREVIOUS_HISTORY] = NULL;
	}
	for (int i = 0; i < PREVIOUS_NFILES; i++) {
		if (p->path[i] != NULL && read_one(p, x, i, err) != 0)
			return -1;
		/* Its year is that of its households: with none, a registry of
		 * any year would pass. */
		if (i == PREVIOUS_HOUSEHOLDS && p->nhouseholds == 0) {
			strbuf_printf(err, _("%s: the registry holds no household, so "
			    "its year cannot be checked against the village's: a "
			    "village with no household last year names no previous "
			    "registry\n"), p->path[i]);
			return -1;
		}
	}
	return check_members(p, err);
}

const struct previous_household *
previous_household(const struct previous_registry *p, const char *id)
{
	uint32_t *i = hhnumber_get(&p->index, id, strlen(id));

	return i != NULL ? &p->households[*i] : NULL;
}

void
previous_free(struct previous_registry *p)
{
	for (int i = 0; i < PREVIOUS_NFILES; i++)
		free(p->path[i]);
	for (size_t i = 0; i < p->nhouseholds; i++)
		free(p->households[i].id);
	for (size_t i = 0; i < p->nhistory; i++)
		free(p->history[i].id);
	free(p->households);
	free(p->history);
	strmap_free(&p->index);
	memset(p, 0, sizeof *p);
}
