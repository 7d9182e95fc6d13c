#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "household/objectionfile.h"
#include "household/schema.h"
#include "values/date.h"
#include "values/field.h"

enum { O_HOUSEHOLD, O_ABOUT, O_RECEIVED, O_KIND, O_SUMMARY, O_OUTCOME,
	O_DECIDED, O_DECIDED_BY, O_VILLAGE, O_NKNOWN };
const char *const objection_columns[O_NKNOWN] = { "household_id", "about",
	"received", "kind", "summary", "outcome", "decided", "decided_by",
	"village_code" };
_Static_assert(O_VILLAGE == OBJECTION_NVILLAGE,
    "village_code follows the columns of a village's objections file");
static const unsigned char required[O_NKNOWN] = { [O_HOUSEHOLD] = 1,
	[O_RECEIVED] = 1, [O_KIND] = 1, [O_OUTCOME] = 1 };
static const unsigned char required_shared[O_NKNOWN] = { [O_HOUSEHOLD] = 1,
	[O_RECEIVED] = 1, [O_KIND] = 1, [O_OUTCOME] = 1, [O_VILLAGE] = 1 };

struct reading {
	struct objectionfile *f;
	const struct objectionfile_options *o;
	void (*note)(void *ctx, const struct objection_note *n);
	void *ctx;
	struct schema schema;
	int have_schema;
	struct strbuf text, *err;
	struct digest *village;      /* of the village's rows, or NULL */
	int bad;                     /* a row of no known village */
};

static void
note(struct reading *rd, const struct objection *x)
{
	struct objection_note n = { rd->f->file, x->line, x->household,
		strbuf_str(&rd->text) };

	if (rd->note != NULL)
		rd->note(rd->ctx, &n);
	strbuf_reset(&rd->text);
}

/* A date of the received and decided type: every form a date column
 * takes elsewhere, full-width digits and 15年6月7日 near YEAR included.
 * NO_DATE when S is empty or not a date; *SHORT_YEAR tells a two-digit year
 * that could not be read. */
static long
date_of(const char *s, int year, int *short_year)
{
	static const struct field *f;
	char buf[FIELD_BUF];
	const char *norm;
	size_t nlen;
	int64_t d;
	enum field_status st;

	if (f == NULL)
		f = field_builtin("received");
	*short_year = 0;
	if (*s == '\0')
		return NO_DATE;
	st = field_parse(f, s, strlen(s), year, &d, &norm, &nlen, buf);
	*short_year = st == FIELD_SHORT_YEAR;
	return st == FIELD_OK ? (long)d : NO_DATE;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	struct objectionfile *f = rd->f;
	const char *c[O_NKNOWN];
	struct objection *x;
	int kind, outcome, short_year;

	if (row->index == 0) {
		rd->have_schema = 1;
		return schema_header(&rd->schema, rd->o->aliases, NULL, f->file, row,
		    objection_columns, O_NKNOWN, rd->o->village ? required_shared : required,
		    rd->err);
	}
	/* a blank spreadsheet row is no objection (never a pending one) */
	if (csvin_row_empty(row))
		return 0;
	for (int k = 0; k < O_NKNOWN; k++)
		c[k] = columns_cell(&rd->schema.cols, row, k, NULL);
	if (rd->o->village != NULL) {
		static const int order[] = { O_VILLAGE, O_HOUSEHOLD, O_ABOUT,
			O_RECEIVED, O_KIND, O_SUMMARY, O_OUTCOME, O_DECIDED,
			O_DECIDED_BY };

		if (*c[O_VILLAGE] == '\0' || (rd->o->known != NULL &&
		    !rd->o->known(rd->o->known_ctx, c[O_VILLAGE]))) {
			if (*c[O_VILLAGE] == '\0')
				strbuf_printf(rd->err, _("%s:%lu: village_code is empty: "
				    "every row of a shared objections file names its "
				    "village\n"), f->file, row->line);
			else
				strbuf_printf(rd->err, _("%s:%lu: village_code \"%s\" is "
				    "not a village of this file's town or county\n"),
				    f->file, row->line, c[O_VILLAGE]);
			rd->bad = 1;
			return 0;
		}
		if (strcmp(c[O_VILLAGE], rd->o->village) != 0)
			return 0;
		for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
			digest_update(rd->village, objection_columns[order[k]],
			    strlen(objection_columns[order[k]]));
			digest_update(rd->village, "=", 1);
			digest_update(rd->village, c[order[k]], strlen(c[order[k]]));
			digest_update(rd->village, "\n", 1);
		}
	}
	xgrow(&f->o, &f->cap, f->n + 1, sizeof *f->o);
	x = &f->o[f->n++];
	memset(x, 0, sizeof *x);
	x->line = row->line;
	x->household = xstrdup(c[O_HOUSEHOLD]);
	x->about = xstrdup(c[O_ABOUT]);
	x->summary = xstrdup(c[O_SUMMARY]);
	x->decided_by = xstrdup(c[O_DECIDED_BY]);
	x->received_text = xstrdup(c[O_RECEIVED]);
	x->decided_text = xstrdup(c[O_DECIDED]);
	kind = enum_lookup(&enum_objection_kind, c[O_KIND], strlen(c[O_KIND]));
	outcome = enum_lookup(&enum_objection_outcome, c[O_OUTCOME], strlen(c[O_OUTCOME]));
	x->kind = kind < 0 ? KIND_DATA_ERROR : (enum objection_kind)kind;
	x->outcome = outcome < 0 ? OUTCOME_PENDING : (enum objection_outcome)outcome;
	if (row->n != rd->schema.cols.ncells) {
		strbuf_printf(&rd->text, _("the row has %zu cells, the header %zu: "
		    "counted as pending"), row->n, rd->schema.cols.ncells);
		x->outcome = OUTCOME_PENDING;
		note(rd, x);
	} else if (kind < 0 || outcome < 0) {
		strbuf_printf(&rd->text, _("kind \"%s\" or outcome \"%s\" is not known "
		    "(wrongly_included, wrongly_excluded, data_error; upheld, "
		    "dismissed, pending): counted as pending"), c[O_KIND], c[O_OUTCOME]);
		x->outcome = OUTCOME_PENDING;
		note(rd, x);
	}
	x->received = date_of(c[O_RECEIVED], rd->o->year, &short_year);
	if (x->received == NO_DATE) {
		strbuf_printf(&rd->text, short_year ? _("received \"%s\" has a "
		    "two-digit year: type the year in four digits") :
		    _("received \"%s\" is not a date"), c[O_RECEIVED]);
		note(rd, x);
	}
	x->decided = date_of(c[O_DECIDED], rd->o->year, &short_year);
	if (*c[O_DECIDED] && x->decided == NO_DATE) {
		strbuf_printf(&rd->text, short_year ? _("decided \"%s\" has a "
		    "two-digit year: type the year in four digits") :
		    _("decided \"%s\" is not a date"), c[O_DECIDED]);
		note(rd, x);
	}
	return 0;
}

int
objectionfile_read(struct objectionfile *f, const struct objectionfile_options *o,
    void (*notefn)(void *ctx, const struct objection_note *n), void *ctx,
    struct strbuf *err)
{
	struct reading rd;
	struct csvin_file in = { o->path, o->encoding, NULL, on_row, &rd,
	    &rd.have_schema, NULL };
	int rc;

	memset(f, 0, sizeof *f);
	memset(&rd, 0, sizeof rd);
	rd.f = f;
	rd.o = o;
	rd.note = notefn;
	rd.ctx = ctx;
	rd.err = err;
	if (o->village != NULL)
		rd.village = digest_new();
	rc = csvin_read_file(&in, &f->file, f->sha256, err);
	if (rd.village != NULL)
		digest_finish(rd.village, f->village_sha256);
	if (rd.bad)
		rc = -1;
	schema_free(&rd.schema);
	strbuf_free(&rd.text);
	return rc == 0 ? 0 : -1;
}

void
objectionfile_free(struct objectionfile *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->o[i].household);
		free(f->o[i].about);
		free(f->o[i].summary);
		free(f->o[i].decided_by);
		free(f->o[i].received_text);
		free(f->o[i].decided_text);
	}
	free(f->o);
	free(f->file);
	memset(f, 0, sizeof *f);
}
