/* Last year's registry: households.csv first (its households, their
 * status, the registry's year and village), then members.csv against it,
 * then history.csv when there. */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "household/previous.h"
#include "household/registryfile.h"
#include "values/hhnumber.h"
#include "io/paths.h"

/* Columns each file needs (the registry is tpa-file's). */
static const unsigned char need[PREVIOUS_NFILES][RC_N] = {
	[PREVIOUS_HOUSEHOLDS] = { [RC_HOUSEHOLD] = 1, [RC_STATUS] = 1, [RC_YEAR] = 1,
		[RC_VILLAGE] = 1, [RC_MEMBERS] = 1 },
	[PREVIOUS_MEMBERS] = { [RC_HOUSEHOLD] = 1 },
	[PREVIOUS_HISTORY] = { [RC_HOUSEHOLD] = 1 },
};

struct reading {
	struct previous_registry *p;
	const struct previous_expect *x;
};

/* What last year's registry's reader says of a fault of ROW (F). */
static int
say(struct reading *r, enum registry_fault fault, const struct registryfile *f,
    const struct registry_row *row, struct strbuf *err)
{
	const struct registry_whole *w = &r->p->whole;
	const char *hid = row->cell[RC_HOUSEHOLD], *code = row->cell[RC_VILLAGE];

	switch (fault) {
	case REGISTRY_WHOLE:
		return 0;
	case REGISTRY_NOT_VILLAGE:
		strbuf_printf(err, _("%s:%lu: household %s is of village %s, not "
		    "%s: the previous registry must be this village's own\n"),
		    f->name, row->line, hid, *code ? code : "\"\"", r->x->code);
		break;
	case REGISTRY_NOT_YEAR:
		strbuf_printf(err, _("%s:%lu: household %s: year \"%s\" is not a "
		    "year: the registry is damaged\n"), f->name, row->line, hid,
		    row->cell[RC_YEAR]);
		break;
	case REGISTRY_NOT_ONE:
		strbuf_printf(err, _("%s:%lu: household %s is of %d, and line %lu "
		    "of %d: the registry is damaged\n"), f->name, row->line, hid,
		    row->year, w->line, w->year);
		break;
	case REGISTRY_NOT_EARLIER:
		strbuf_printf(err, _("%s:%lu: the registry is of %d: the previous "
		    "registry of a village of %d must be of an earlier year\n"),
		    f->name, row->line, row->year, r->x->year);
		break;
	case REGISTRY_NOT_STATUS:
		strbuf_printf(err, _("%s:%lu: household %s: status \"%s\" is not "
		    "one of new, continuing, exited, returned, unexplained\n"),
		    f->name, row->line, hid, row->cell[RC_STATUS]);
		break;
	case REGISTRY_NOT_MEMBERS:
		strbuf_printf(err, _("%s:%lu: household %s: members \"%s\" is not "
		    "a whole number of 1 or more: the registry is damaged\n"),
		    f->name, row->line, hid, row->cell[RC_MEMBERS]);
		break;
	case REGISTRY_TWICE:
		strbuf_printf(err, _("%s:%lu: household %s is there twice: the "
		    "registry is damaged\n"), f->name, row->line, hid);
		break;
	default:
		strbuf_printf(err, _("%s:%lu: household %s is not in "
		    "households.csv: the registry is damaged\n"), f->name,
		    row->line, hid);
		break;
	}
	return -1;
}

static int
household_row(struct reading *r, const struct registryfile *f,
    const struct registry_row *row, struct strbuf *err)
{
	struct previous_registry *p = r->p;
	struct previous_household *h;

	if (say(r, registry_whole_household(&p->whole, f, row), f, row,
	    err) != 0)
		return -1;
	if (p->year == 0)
		p->year = row->year;
	p->households = xrealloc(p->households, (p->nhouseholds + 1) *
	    sizeof *p->households);
	h = &p->households[p->nhouseholds++];
	h->id = xstrdup(row->cell[RC_HOUSEHOLD]);
	h->status = (enum status)row->status;
	h->members = (long)row->members;
	h->rows = 0;
	h->line = row->line;
	h->registered_since = row->since > 0 ? row->since : 0;
	h->exited_year = row->exited > 0 ? row->exited : 0;
	return 0;
}

static int
history_row(struct reading *r, const struct registryfile *f,
    const struct registry_row *row, struct strbuf *err)
{
	struct previous_registry *p = r->p;
	struct previous_household *h;
	const char *hid = row->cell[RC_HOUSEHOLD];

	/* An exit in the village's year or later: not last year's registry. */
	if (row->exited >= r->x->year) {
		strbuf_printf(err, _("%s:%lu: household %s exited in %d: the "
		    "previous registry of a village of %d must be of an earlier "
		    "year\n"), f->name, row->line, hid, row->exited, r->x->year);
		return -1;
	}
	p->history = xrealloc(p->history, (p->nhistory + 1) * sizeof *p->history);
	h = &p->history[p->nhistory++];
	memset(h, 0, sizeof *h);
	h->id = xstrdup(hid);
	h->status = STATUS_EXITED;
	h->registered_since = row->since > 0 ? row->since : 0;
	h->exited_year = row->exited > 0 ? row->exited : 0;
	return 0;
}

static int
on_header(void *ctx, const struct registryfile *f, const char *maperr,
    struct strbuf *err)
{
	struct reading *r = ctx;
	char msg[1024];

	if (maperr == NULL && columns_require(&f->cols, r->x->aliases, f->name, 1,
	    registry_columns, need[f->file], msg, sizeof msg) == 0)
		return 0;
	strbuf_printf(err, _("%s (not a registry that tpa-file wrote)\n"),
	    maperr != NULL ? maperr : msg);
	return -1;
}

static int
on_row(void *ctx, const struct registryfile *f, const struct registry_row *row,
    struct strbuf *err)
{
	struct reading *r = ctx;
	const char *hid = row->cell[RC_HOUSEHOLD];

	if (*hid == '\0') {
		strbuf_printf(err, _("%s:%lu: household_id is empty: the registry "
		    "is damaged\n"), f->name, row->line);
		return -1;
	}
	switch (f->file) {
	case REGISTRY_HOUSEHOLDS:
		return household_row(r, f, row, err);
	case REGISTRY_MEMBERS: {
		size_t k;

		if (say(r, registry_whole_member(&r->p->whole, f, row, &k), f, row,
		    err) != 0)
			return -1;
		r->p->households[k].rows++;
		return 0;
	}
	default:
		return history_row(r, f, row, err);
	}
}

static int
read_one(struct previous_registry *p, const struct previous_expect *x,
    int file, struct strbuf *err)
{
	struct reading r = { p, x };
	struct registryfile_handler h = { &r, on_header, on_row };
	size_t said = err->len;
	int rc = registryfile_read(p->path[file], (enum registry_file)file,
	    x->aliases, &h, p->sha256[file], err);

	if (rc == REGISTRYFILE_UNOPENED) {
		char *msg = xstrdup(strbuf_str(err) + said);

		strbuf_truncate(err, said);
		strbuf_printf(err, _("%s (last year's registry)\n"), msg);
		free(msg);
	}
	return rc == 0 ? 0 : -1;
}

/* Each household of households.csv has as many rows in members.csv as
 * its members say, one at least. */
static int
check_members(const struct previous_registry *p, struct strbuf *err)
{
	size_t k;
	enum registry_fault fault = registry_whole_rows(&p->whole, &k);
	const struct previous_household *h;

	if (fault == REGISTRY_WHOLE)
		return 0;
	h = &p->households[k];
	if (fault == REGISTRY_NO_ROWS)
		strbuf_printf(err, _("%s:%lu: household %s has no row in %s: "
		    "the registry is damaged\n"), p->path[PREVIOUS_HOUSEHOLDS],
		    h->line, h->id, p->path[PREVIOUS_MEMBERS]);
	else if (fault == REGISTRY_ROWS)
		strbuf_printf(err, _("%s:%lu: household %s has %ld members, and "
		    "%lu rows in %s: the registry is damaged\n"),
		    p->path[PREVIOUS_HOUSEHOLDS], h->line, h->id, h->members,
		    h->rows, p->path[PREVIOUS_MEMBERS]);
	return -1;
}

/* Whether DIR is the registry folder of the village (VILLAGE_DIR/registry). */
static int
own_registry(const char *dir, const char *village_dir)
{
	char *own = path_join(village_dir, "registry");
	int same = path_same(dir, own);

	free(own);
	return same;
}

int
previous_read(struct previous_registry *p, const char *dir,
    const struct previous_expect *x, struct strbuf *err)
{
	struct registry_expect rx = { x->code, x->year };

	memset(p, 0, sizeof *p);
	registry_whole_init(&p->whole, &rx);
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
		p->path[i] = path_join(dir, registry_file_names[i]);
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
	uint32_t *i = hhnumber_get(&p->whole.index, id, strlen(id));

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
	registry_whole_free(&p->whole);
	memset(p, 0, sizeof *p);
}
