#include <string.h>

#include "base/i18n.h"
#include "household/schema.h"
#include "household/votefile.h"
#include "values/field.h"

enum { V_HOUSEHOLD, V_FOR, V_AGAINST, V_ABSTAIN, V_NKNOWN };
const char *const vote_columns[VOTE_NCOLUMNS] = { "household_id", "votes_for",
	"votes_against", "votes_abstain" };
_Static_assert(V_NKNOWN == VOTE_NCOLUMNS, "vote_columns has a name per column");
static const unsigned char required[V_NKNOWN] = { 1, 1, 1, 1 };

struct reading {
	const struct votefile_options *o;
	const struct hhlist *l;
	struct vote *votes;
	void (*note)(void *ctx, const struct vote_note *n);
	void *ctx;
	struct schema schema;
	int have_schema;
	char *file;
	struct strbuf text, *err;
};

static void
note(struct reading *rd, unsigned long line, const char *hid)
{
	struct vote_note n = { rd->file, line, hid, &rd->text, 0 };

	if (rd->note != NULL)
		rd->note(rd->ctx, &n);
	strbuf_reset(&rd->text);
}

/* A vote count: a whole number of the votes_for type (full-width digits
 * and thousands separators read as everywhere else), 0 to 1,000,000. */
static int
count(const char *s, long long *v)
{
	static const struct field *f;
	char buf[FIELD_BUF];
	const char *norm;
	size_t nlen;
	int64_t m;

	if (f == NULL)
		f = field_builtin("votes_for");
	if (field_parse(f, s, strlen(s), 0, &m, &norm, &nlen, buf) != FIELD_OK ||
	    m < 0 || m % 1000000 != 0 || m / 1000000 > 1000000)
		return -1;
	*v = m / 1000000;
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	const char *c[V_NKNOWN];
	long long v[3];
	long r;
	struct vote *vt;

	if (row->index == 0) {
		rd->have_schema = 1;
		return schema_header(&rd->schema, rd->o->aliases, NULL, rd->file, row,
		    vote_columns, V_NKNOWN, required, rd->err);
	}
	if (csvin_row_empty(row))   /* a blank spreadsheet row */
		return 0;
	for (int k = 0; k < V_NKNOWN; k++)
		c[k] = columns_cell(&rd->schema.cols, row, k, NULL);
	r = hhlist_lookup(rd->l, c[V_HOUSEHOLD]);
	if (r < 0) {
		strbuf_printf(&rd->text, _("household \"%s\" is not in the list; the "
		    "vote changes nothing"), c[V_HOUSEHOLD]);
		note(rd, row->line, c[V_HOUSEHOLD]);
		return 0;
	}
	if (rd->l->row[r].decision != DEC_ELIGIBLE) {
		struct vote_note n = { rd->file, row->line, c[V_HOUSEHOLD],
			&rd->text, 1 };

		strbuf_printf(&rd->text, _("household %s is not eligible (%s); the "
		    "vote changes nothing"), c[V_HOUSEHOLD],
		    hhlist_cell(rd->l, (size_t)r, rd->l->col[L_DECISION]));
		if (rd->note != NULL)
			rd->note(rd->ctx, &n);
		strbuf_reset(&rd->text);
		return 0;
	}
	if (strcmp(hhlist_cell(rd->l, (size_t)r, rd->l->col[L_HOUSEHOLD]),
	    c[V_HOUSEHOLD]) != 0) {
		/* the same number (values/hhnumber.h): the vote counts */
		strbuf_printf(&rd->text, _("household %s is written %s in the list "
		    "(the same number): the vote counts for it"), c[V_HOUSEHOLD],
		    hhlist_cell(rd->l, (size_t)r, rd->l->col[L_HOUSEHOLD]));
		note(rd, row->line, c[V_HOUSEHOLD]);
	}
	vt = &rd->votes[r];
	if (vt->state != VOTE_NONE) {
		strbuf_printf(&rd->text, _("household %s has a second vote row: both "
		    "are set aside"), c[V_HOUSEHOLD]);
		vt->state = VOTE_BAD;
		note(rd, row->line, c[V_HOUSEHOLD]);
		return 0;
	}
	if (row->n != rd->schema.cols.ncells) {
		strbuf_printf(&rd->text, _("household %s: the row has %zu cells, the "
		    "header %zu"), c[V_HOUSEHOLD], row->n, rd->schema.cols.ncells);
		vt->state = VOTE_BAD;
		note(rd, row->line, c[V_HOUSEHOLD]);
		return 0;
	}
	if (count(c[V_FOR], &v[0]) != 0 || count(c[V_AGAINST], &v[1]) != 0 ||
	    count(c[V_ABSTAIN], &v[2]) != 0) {
		strbuf_printf(&rd->text, _("household %s: the votes are not whole "
		    "numbers"), c[V_HOUSEHOLD]);
		vt->state = VOTE_BAD;
		note(rd, row->line, c[V_HOUSEHOLD]);
		return 0;
	}
	if (v[0] + v[1] + v[2] > rd->o->present) {
		strbuf_printf(&rd->text, _("household %s: more votes than "
		    "representatives (%lld votes, %lld representatives present)"),
		    c[V_HOUSEHOLD], v[0] + v[1] + v[2], rd->o->present);
		vt->state = VOTE_BAD;
		note(rd, row->line, c[V_HOUSEHOLD]);
		return 0;
	}
	vt->state = VOTE_OK;
	memcpy(vt->n, v, sizeof v);
	return 0;
}

int
votefile_read(const struct votefile_options *o, const struct hhlist *l,
    struct vote *votes, void (*notefn)(void *ctx, const struct vote_note *n),
    void *ctx, char sha256[DIGEST_HEX], struct strbuf *err)
{
	struct reading rd;
	struct csvin_file f = { o->path, o->encoding, NULL, on_row, &rd,
	    &rd.have_schema, NULL };
	int rc;

	memset(&rd, 0, sizeof rd);
	rd.o = o;
	rd.l = l;
	rd.votes = votes;
	rd.note = notefn;
	rd.ctx = ctx;
	rd.err = err;
	rc = csvin_read_file(&f, &rd.file, sha256, err);
	free(rd.file);
	schema_free(&rd.schema);
	strbuf_free(&rd.text);
	return rc == 0 ? 0 : -1;
}
