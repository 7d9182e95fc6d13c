#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/search.h"
#include "household/list.h"
#include "household/surveyset.h"
#include "rules/rules.h"
#include "values/hhnumber.h"
#include "values/text.h"

const char *const survey_known[S_NKNOWN] = { "household_id", "survey_date",
	"surveyors", "wage_income", "business_income", "property_income",
	"transfer_income", "housing", "drinking_water", "dibao", "main_cause" };
static const unsigned char survey_required[S_NKNOWN] = { 1, 1, 1, 1, 1, 1, 1 };

struct reading {
	struct surveyset *s;
	const struct surveyset_options *o;
	void (*problem)(void *ctx, const struct read_problem *p);
	void *ctx;
	struct strbuf *err;
	struct household_buf buf;     /* text of the row being read */
	struct strbuf msg;
	int have_schema;
	/* The blank income parts of the row being read, left blank and read
	 * as 0; per column, whether the rules read a blank as 0. */
	struct blanks {
		struct strbuf names, labels;
		int n;
	} blank, zero;
	unsigned char *as_zero;
};

static void
report_as(struct reading *rd, unsigned long line, const char *hid,
    const char *field, const char *code, int warning)
{
	struct read_problem p = { rd->s->file, line, hid, NULL, 0, field, code,
		strbuf_str(&rd->msg), warning };

	if (rd->problem != NULL)
		rd->problem(rd->ctx, &p);
}

static void
report(struct reading *rd, unsigned long line, const char *hid,
    const char *field, const char *code)
{
	report_as(rd, line, hid, field, code, 0);
}

/* Add the blank income part NAME (LABEL in L) to B: the names joined by
 * ';' (the problem's field), the labels as a list (its message). */
static void
blank_add(struct blanks *b, const char *name, const char *label, enum lang l)
{
	if (b->n++ > 0)
		strbuf_putc(&b->names, ';');
	strbuf_puts(&b->names, name);
	wording_list_sep(&b->labels, l);
	strbuf_puts(&b->labels, label);
}

static void
blanks_reset(struct blanks *b)
{
	strbuf_reset(&b->names);
	strbuf_reset(&b->labels);
	b->n = 0;
}

static void
blanks_free(struct blanks *b)
{
	strbuf_free(&b->names);
	strbuf_free(&b->labels);
}

static uint32_t
store(struct surveyset *s, const char *t, size_t n)
{
	return (uint32_t)xstore(&s->text, &s->text_len, &s->text_cap, t, n);
}

static const char *
household_of(const void *s, size_t i)
{
	const struct surveyset *ss = s;

	return surveyset_household(ss, &ss->rows[i]);
}

/* Whether the row being added (s->nrows) keeps the household_ids in
 * strictly increasing order (values/hhnumber.h), its stored id being
 * HID[0..N) exactly: then no two rows can be for the same household. */
static int
still_ordered(const struct surveyset *s, const char *hid, size_t n)
{
	const char *mine = surveyset_household(s, &s->rows[s->nrows]);

	if (strlen(mine) != n || memcmp(mine, hid, n) != 0)
		return 0;
	return s->nrows == 0 ||
	    hhnumber_cmp(surveyset_household(s, &s->rows[s->nrows - 1]), mine) < 0;
}

/* Leave ordered mode: index the rows so far (all different households). */
static void
index_all(struct surveyset *s)
{
	for (size_t i = 0; i < s->nrows; i++) {
		const char *k = surveyset_household(s, &s->rows[i]);

		hhnumber_put(&s->index, k, strlen(k), (uint32_t)i, NULL);
	}
	s->ordered = 0;
}

static int
data_row(struct reading *rd, const struct csvin_row *row)
{
	struct surveyset *s = rd->s;
	const struct schema *sc = &s->schema;
	size_t width = sc->cols.ncells;
	int hpos = sc->cols.pos[S_HOUSEHOLD], problems = 0, inserted, rc;
	const char *hid = (size_t)hpos < row->n ? row->cell[hpos] : "";
	size_t hlen = (size_t)hpos < row->n ? row->len[hpos] : 0;
	struct survey_row *r;
	struct cell *cells;
	uint32_t *slot;
	enum lang l = rd->o->lang;
	struct blanks *blank = &rd->blank, *zero = &rd->zero;

	if (csvin_row_empty(row)) {
		s->empty_rows++;
		return 0;
	}
	strbuf_reset(&rd->msg);
	blanks_reset(blank);
	blanks_reset(zero);
	if (row->n != width) {
		wording(&rd->msg, l, MSG_RAGGED, row->n, width);
		report(rd, row->line, hid, "", "RAGGED_ROW");
		problems++;
	}
	if (hlen == 0) {
		strbuf_reset(&rd->msg);
		wording(&rd->msg, l, MSG_EMPTY, field_label(sc->field[hpos],
		    "household_id", l));
		report(rd, row->line, "", "household_id", "MISSING_FIELD");
		return 0;
	}
	xgrow(&s->rows, &s->rows_cap, s->nrows + 1, sizeof *s->rows);
	xgrow(&s->cells, &s->cells_cap, (s->nrows + 1) * width, sizeof *s->cells);
	r = &s->rows[s->nrows];
	memset(r, 0, sizeof *r);
	r->cells = (uint32_t)(s->nrows * width);
	r->line = (uint32_t)row->line;
	cells = s->cells + r->cells;
	household_buf_reset(&rd->buf);
	for (size_t i = 0; i < width; i++) {
		int k = sc->cols.slot[i];
		const char *v = i < row->n ? row->cell[i] : "";
		size_t n = i < row->n ? row->len[i] : 0;
		const char *name = sc->cols.name[i] ? sc->cols.name[i] : "";

		strbuf_reset(&rd->msg);
		memset(&cells[i], 0, sizeof cells[i]);
		if (!sc->want[i])
			continue;
		if (n == 0 && k >= S_WAGE && k <= S_TRANSFER) {
			/* a clerk leaves a zero blank: one problem for the
			 * row, or 0 by the county's rule */
			const char *label = field_label(sc->field[i], name, l);

			if (rd->as_zero[i]) {
				blank_add(zero, name, label, l);
				cells[i].off = store(s, "", 0);
			} else
				blank_add(blank, name, label, l);
			continue;
		}
		if (n == 0 && k > 0 && survey_required[k]) {
			wording(&rd->msg, l, MSG_EMPTY, field_label(sc->field[i], name, l));
			report(rd, row->line, hid, name, "MISSING_FIELD");
			problems++;
			continue;
		}
		rc = household_parse_cell(&rd->buf, sc->field[i], name, v, n,
		    rd->o->year, &cells[i], l, &rd->msg);
		if (rc < 0) {
			report(rd, row->line, hid, name, household_bad_code(sc->field[i]));
			problems++;
			continue;
		}
		if (rc > 0 && rd->o->other != NULL) {
			struct read_problem p = { s->file, row->line, hid, NULL, 0,
				NULL, NULL, NULL, 0 };
			const char *value = rd->buf.text + cells[i].off;

			household_unlisted(&p, &rd->msg, sc->field[i], name, value, l);
			rd->o->other(rd->ctx, &p, value);
		}
		if (k >= S_WAGE && k <= S_TRANSFER && k != S_BUSINESS &&
		    cells[i].len > 0 && cells[i].v < 0) {
			struct strbuf q = { 0 };

			text_quote(&q, v, n);
			wording(&rd->msg, l, MSG_NEGATIVE, field_label(sc->field[i],
			    name, l), strbuf_str(&q));
			strbuf_free(&q);
			report(rd, row->line, hid, name, "BAD_VALUE");
			problems++;
			continue;
		}
		if (k >= S_WAGE && k <= S_TRANSFER)
			r->income += cells[i].v;
		cells[i].off = store(s, rd->buf.text + cells[i].off, cells[i].len);
	}
	if (blank->n > 0) {
		strbuf_reset(&rd->msg);
		wording(&rd->msg, l, MSG_BLANK_INCOME, strbuf_str(&blank->labels));
		report(rd, row->line, hid, strbuf_str(&blank->names), "MISSING_FIELD");
		problems++;
	}
	if (zero->n > 0) {
		strbuf_reset(&rd->msg);
		wording(&rd->msg, l, MSG_BLANK_AS_ZERO, strbuf_str(&zero->labels));
		report_as(rd, row->line, hid, strbuf_str(&zero->names),
		    "BLANK_AS_ZERO", 1);
	}
	r->state = problems ? SURVEY_REFUSED : SURVEY_OK;
	if (cells[hpos].len == 0)
		r->used = 1;   /* its household_id refused (BAD_VALUE): never an orphan */
	if (s->ordered && !still_ordered(s, hid, hlen))
		index_all(s);
	if (s->ordered) {
		s->nrows++;
		return 0;
	}
	slot = hhnumber_put(&s->index, hid, hlen, (uint32_t)s->nrows, &inserted);
	if (!inserted) {
		struct survey_row *first = &s->rows[*slot];

		strbuf_reset(&rd->msg);
		wording(&rd->msg, l, MSG_DUPLICATE_SURVEY, hid);
		if (first->state != SURVEY_DUPLICATE)
			report(rd, first->line, hid, "household_id", "DUPLICATE_SURVEY");
		report(rd, row->line, hid, "household_id", "DUPLICATE_SURVEY");
		first->state = SURVEY_DUPLICATE;
		r->state = SURVEY_DUPLICATE;
		r->used = 1;   /* reported already: never an orphan */
	}
	s->nrows++;
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	struct surveyset *s = rd->s;

	if (row->index > 0)
		return data_row(rd, row);
	rd->have_schema = 1;
	if (schema_header(&s->schema, rd->o->aliases, rd->o->rules, s->file, row,
	    survey_known, S_NKNOWN, survey_required, rd->err) != 0)
		return -1;
	/* a column the household list has and the survey does not give:
	 * kept, it would stand for what the stage computes or takes from
	 * applicants.csv (a decision, an income, the head) */
	for (size_t i = 0; i < s->schema.cols.ncells; i++) {
		const char *name = s->schema.cols.name[i];

		if (s->schema.cols.slot[i] >= 0 || name == NULL)
			continue;
		for (int k = 0; k < L_NKNOWN; k++)
			if (strcmp(name, list_known[k]) == 0) {
				strbuf_printf(rd->err, _("%s:%lu: column %zu (%s) is "
				    "one the household list is given by the stages, "
				    "not by the survey: remove it or give it another "
				    "name"), s->file, row->line, i + 1, name);
				return -1;
			}
	}
	/* which blank income parts the rules read as 0: asked once */
	rd->as_zero = xcalloc(s->schema.cols.ncells + 1, 1);
	for (size_t i = 0; i < s->schema.cols.ncells; i++) {
		int k = s->schema.cols.slot[i];

		rd->as_zero[i] = k >= S_WAGE && k <= S_TRANSFER &&
		    rules_blank_as_zero(rd->o->rules, s->schema.cols.name[i]);
	}
	return 0;
}

int
surveyset_read(struct surveyset *s, const struct surveyset_options *o,
    void (*problem)(void *ctx, const struct read_problem *p), void *ctx,
    struct strbuf *err)
{
	struct reading rd;
	struct csvin_file f = { o->path, o->encoding, o->progress, on_row, &rd,
	    &rd.have_schema, NULL };
	int rc;

	memset(s, 0, sizeof *s);
	strmap_init(&s->index);
	s->ordered = 1;
	memset(&rd, 0, sizeof rd);
	rd.s = s;
	rd.o = o;
	rd.problem = problem;
	rd.ctx = ctx;
	rd.err = err;
	store(s, "", 0);    /* offset 0 reads "" */
	rc = csvin_read_file(&f, &s->file, s->sha256, err);
	household_buf_free(&rd.buf);
	strbuf_free(&rd.msg);
	blanks_free(&rd.blank);
	blanks_free(&rd.zero);
	free(rd.as_zero);
	return rc == 0 ? 0 : -1;
}

struct survey_row *
surveyset_find(const struct surveyset *s, const char *id)
{
	/* The cursor is a cache; finding moves it, the set stays the same. */
	struct surveyset *m = (struct surveyset *)s;
	uint32_t *r;
	long i;

	if (!s->ordered) {
		r = hhnumber_get(&s->index, id, strlen(id));
		return r ? &s->rows[*r] : NULL;
	}
	i = sorted_find(s, household_of, s->nrows, id, &m->cursor, hhnumber_cmp);
	return i >= 0 ? &m->rows[i] : NULL;
}

const char *
surveyset_household(const struct surveyset *s, const struct survey_row *r)
{
	int pos = s->schema.cols.pos[S_HOUSEHOLD];

	return s->text + s->cells[r->cells + (size_t)pos].off;
}

void
surveyset_free(struct surveyset *s)
{
	free(s->file);
	schema_free(&s->schema);
	free(s->rows);
	free(s->cells);
	free(s->text);
	strmap_free(&s->index);
	memset(s, 0, sizeof *s);
}
