#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/search.h"
#include "base/i18n.h"
#include "household/list.h"
#include "io/csvout.h"
#include "values/hhnumber.h"
#include "values/text.h"

const char *const list_known[L_NKNOWN] = { "village_code", "household_id",
	"head_name", "head_id_number", "members", "per_capita_income",
	"poverty_line", "decision", "reasons", "group", "votes_for",
	"votes_against", "votes_abstain", "rank", "objections" };

#define MICRO 1000000LL

static uint32_t
store(struct hhlist *l, const char *s, size_t n)
{
	return (uint32_t)xstore(&l->text, &l->text_len, &l->text_cap, s, n);
}

static void
start(struct hhlist *l, const char *file)
{
	memset(l, 0, sizeof *l);
	strmap_init(&l->index);
	strmap_init(&l->columns);
	l->file = xstrdup(file);
	for (int k = 0; k < L_NKNOWN; k++)
		l->col[k] = -1;
	store(l, "", 0);     /* offset 0 reads "" */
}

int
hhlist_find(const struct hhlist *l, const char *name)
{
	const uint32_t *c = strmap_get(&l->columns, name, strlen(name));

	return c != NULL ? (int)*c : -1;
}

/* A list's columns: the spec's types (members and per_capita_income are
 * columns here, not computed), the rules' for the survey's others. */
static const struct field *
type_of(const struct rules *rules, const char *name)
{
	const struct field *f = rules ? rules_field(rules, name) : field_builtin(name);

	if (f != NULL && f->computed && strcmp(name, "age") == 0)
		return &field_free_text;
	return f != NULL ? f : &field_free_text;
}

/* Room left in each row for the columns a stage adds to a list it has
 * read (appraise adds four), so that adding them copies no row. */
#define SPARE_COLUMNS 4

/* Give each row WIDTH cells: the rows are laid out again, once. */
static void
widen(struct hhlist *l, size_t width)
{
	if (l->cell != NULL) {
		uint32_t *wider = xcalloc(l->rows_cap * width, sizeof *wider);

		for (size_t r = 0; r < l->nrows; r++)
			memcpy(wider + r * width, l->cell + r * l->width,
			    l->width * sizeof *wider);
		free(l->cell);
		l->cell = wider;
	}
	l->width = width;
}

/* Add column NAME to a list (its rows get an empty cell). */
static int
add_column(struct hhlist *l, const char *name, const struct field *type)
{
	size_t old = l->ncols, cap = l->cols_cap;

	xgrow(&l->names, &l->cols_cap, l->ncols + 1, sizeof *l->names);
	if (l->cols_cap != cap || l->field == NULL)   /* grows as names does */
		l->field = xrealloc(l->field, l->cols_cap * sizeof *l->field);
	l->names[l->ncols] = xstrdup(name);
	(void)strmap_put(&l->columns, name, strlen(name), (uint32_t)l->ncols, NULL);
	l->field[l->ncols] = type;
	l->ncols++;
	/* Rows already there are laid out again: by doubling, so that adding
	 * columns one by one stays linear. */
	if (l->ncols > l->width)
		widen(l, l->cell != NULL && 2 * l->width > l->ncols + SPARE_COLUMNS ?
		    2 * l->width : l->ncols + SPARE_COLUMNS);
	for (int k = 0; k < L_NKNOWN; k++)
		if (l->col[k] < 0 && strcmp(list_known[k], name) == 0)
			l->col[k] = (int)old;
	return (int)old;
}

int
hhlist_column(struct hhlist *l, const char *name, const struct field *type)
{
	int c = hhlist_find(l, name);

	if (c >= 0)
		return c;
	return add_column(l, name, type ? type : type_of(NULL, name));
}

void
hhlist_init(struct hhlist *l, const char *file)
{
	start(l, file);
	for (int k = 0; k < L_NLEADING; k++)
		add_column(l, list_known[k], type_of(NULL, list_known[k]));
}

struct reading {
	struct hhlist *l;
	const struct list_options *o;
	void (*problem)(void *ctx, const struct read_problem *p);
	void *ctx;
	struct strbuf *err;
	struct strbuf msg;
	size_t nstored;
	int have_header, failed;
	int ordered;                  /* household_ids so far strictly increase */
};

static int
report(struct reading *rd, unsigned long line, const char *hid,
    const char *field, const char *code)
{
	struct read_problem p = { rd->l->file, line, hid, NULL, 0, field, code,
		strbuf_str(&rd->msg), 0 };

	if (rd->problem == NULL) {
		strbuf_printf(rd->err, "%s:%lu: %s\n", rd->l->file, line,
		    strbuf_str(&rd->msg));
		rd->failed = 1;
		return -1;
	}
	rd->problem(rd->ctx, &p);
	return 0;
}

static int
header(struct reading *rd, const struct csvin_row *row)
{
	struct hhlist *l = rd->l;

	for (size_t i = 0; i < row->n; i++) {
		const char *name = row->len[i] > 0 ? columns_canonical(rd->o->aliases,
		    rd->o->rules, row->cell[i], row->len[i]) : NULL;

		if (name == NULL)
			name = row->cell[i];
		if (hhlist_find(l, name) >= 0) {
			strbuf_printf(rd->err, _("%s:%lu: column %s appears twice\n"),
			    l->file, row->line, name);
			return -1;
		}
		add_column(l, name, type_of(rd->o->rules, name));
	}
	rd->nstored = l->ncols;
	for (int k = 0; k < L_NLEADING; k++)
		if (l->col[k] < 0) {
			strbuf_printf(rd->err, _("%s:%lu: required column %s is missing "
			    "(is this a household list from tpa-survey?)\n"), l->file,
			    row->line, list_known[k]);
			return -1;
		}
	rd->have_header = 1;
	return 0;
}

/* Parse known column K of row R; 0, or -1 after reporting it. */
static int
number(struct reading *rd, const struct csvin_row *row, const char *hid,
    int k, int64_t *out, int need_whole, int required)
{
	struct hhlist *l = rd->l;
	int c = l->col[k];
	const char *s = c >= 0 && (size_t)c < row->n ? row->cell[c] : "";
	size_t n = strlen(s);
	const struct field *f;
	char buf[FIELD_BUF];
	const char *norm;
	size_t normlen;
	enum field_status st;
	struct strbuf q = { 0 };

	if (c < 0)
		return 1;
	f = l->field[c];
	st = field_parse(f, s, n, 0, out, &norm, &normlen, buf);
	if (st == FIELD_EMPTY && !required)
		return 1;
	if (st == FIELD_OK && (!need_whole || (*out % MICRO == 0 && *out >= 0)))
		return 0;
	strbuf_reset(&rd->msg);
	text_quote(&q, s, n);
	if (st == FIELD_EMPTY)
		wording(&rd->msg, rd->o->lang, MSG_EMPTY, list_known[k]);
	else {
		struct strbuf what = { 0 };

		if (need_whole)
			wording(&what, rd->o->lang, MSG_WHOLE_NUMBER);
		else
			field_describe(f, rd->o->lang == LANG_ZH, &what);
		wording(&rd->msg, rd->o->lang, MSG_NOT_VALUE, list_known[k],
		    strbuf_str(&q), strbuf_str(&what));
		strbuf_free(&what);
	}
	strbuf_free(&q);
	report(rd, row->line, hid, list_known[k], "BAD_VALUE");
	return -1;
}

static const char *
household_at(const struct hhlist *l, size_t r)
{
	return hhlist_cell(l, r, l->col[L_HOUSEHOLD]);
}

static const char *
household_of(const void *l, size_t r)
{
	return household_at(l, r);
}

/* Index the rows not indexed yet (all different households). */
static void
index_rows(struct hhlist *l)
{
	for (; l->nindexed < l->nrows; l->nindexed++) {
		const char *k = household_at(l, l->nindexed);

		hhnumber_put(&l->index, k, strlen(k), (uint32_t)l->nindexed, NULL);
	}
}

static int
data_row(struct reading *rd, const struct csvin_row *row)
{
	struct hhlist *l = rd->l;
	const char *hid = (size_t)l->col[L_HOUSEHOLD] < row->n ?
	    row->cell[l->col[L_HOUSEHOLD]] : "";
	struct list_row *r;
	int64_t v;
	int inserted;

	if (row->n != rd->nstored) {
		strbuf_reset(&rd->msg);
		wording(&rd->msg, rd->o->lang, MSG_RAGGED, row->n, rd->nstored);
		if (report(rd, row->line, hid, "", "RAGGED_ROW") != 0)
			return -1;
	}
	if (*hid == '\0') {
		strbuf_reset(&rd->msg);
		wording(&rd->msg, rd->o->lang, MSG_EMPTY, "household_id");
		return report(rd, row->line, "", "household_id", "MISSING_FIELD");
	}
	/* Households in strictly increasing order (by value: 1 = 001) cannot
	 * repeat: while they come so, the index waits (for a lookup, or the
	 * first one out of order, which indexes the rows before it). */
	if (!rd->ordered || (l->nrows > 0 &&
	    hhnumber_cmp(household_at(l, l->nrows - 1), hid) >= 0)) {
		rd->ordered = 0;
		index_rows(l);
		hhnumber_put(&l->index, hid, strlen(hid), (uint32_t)l->nrows, &inserted);
		if (!inserted) {
			strbuf_reset(&rd->msg);
			strbuf_printf(&rd->msg, _("household %s is listed twice"), hid);
			return report(rd, row->line, hid, "household_id", "DUPLICATE_HOUSEHOLD");
		}
	}
	hhlist_add(l, NULL, row->line);
	if (rd->ordered)
		l->sorted = l->nrows;
	else
		l->nindexed = l->nrows;
	r = &l->row[l->nrows - 1];
	for (size_t i = 0; i < row->n && i < rd->nstored; i++)
		l->cell[(l->nrows - 1) * l->width + i] = store(l, row->cell[i], row->len[i]);
	if (number(rd, row, hid, L_MEMBERS, &v, 1, 1) == 0)
		r->members = v / MICRO;
	else if (rd->failed)
		return -1;
	if (number(rd, row, hid, L_PCI, &v, 0, 0) == 0) {
		r->pci = v;
		r->has |= LR_PCI;
	} else if (rd->failed)
		return -1;
	if (number(rd, row, hid, L_POVERTY_LINE, &v, 0, 1) == 0)
		r->poverty_line = v;
	else if (rd->failed)
		return -1;
	if (number(rd, row, hid, L_DECISION, &v, 0, 1) == 0)
		r->decision = (uint8_t)v;
	else if (rd->failed)
		return -1;
	else
		r->decision = NDECISIONS;
	{
		int got = 0;

		for (int k = 0; k < 3; k++) {
			int rc = number(rd, row, hid, L_VOTES_FOR + k, &v, 1, 0);

			if (rc == 0) {
				r->votes[k] = v / MICRO;
				got++;
			} else if (rc < 0 && rd->failed)
				return -1;
		}
		if (got == 3)
			r->has |= LR_VOTES;
	}
	if (number(rd, row, hid, L_RANK, &v, 1, 0) == 0) {
		r->rank = v / MICRO;
		r->has |= LR_RANK;
	} else if (rd->failed)
		return -1;
	if (number(rd, row, hid, L_OBJECTIONS, &v, 1, 0) == 0)
		r->objections = v / MICRO;
	else if (rd->failed)
		return -1;
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;

	if (row->index == 0)
		return header(rd, row) != 0 ? -1 : 0;
	return data_row(rd, row) != 0 ? -1 : 0;
}

int
hhlist_read(struct hhlist *l, const struct list_options *o,
    void (*problem)(void *ctx, const struct read_problem *p), void *ctx,
    struct strbuf *err)
{
	struct reading rd;
	struct csvin_file f = { o->path, o->encoding, NULL, on_row, &rd,
	    &rd.have_header, NULL };
	int rc;

	memset(&rd, 0, sizeof rd);
	rd.l = l;
	rd.ordered = 1;
	rd.o = o;
	rd.problem = problem;
	rd.ctx = ctx;
	rd.err = err;
	start(l, o->path);
	rc = csvin_read_file(&f, &l->file, l->sha256, err);
	strbuf_free(&rd.msg);
	return rc == 0 ? 0 : -1;
}

void
hhlist_free(struct hhlist *l)
{
	for (size_t i = 0; i < l->ncols; i++)
		free(l->names[i]);
	free(l->names);
	free(l->field);
	free(l->file);
	free(l->cell);
	free(l->text);
	free(l->row);
	strmap_free(&l->index);
	strmap_free(&l->columns);
	memset(l, 0, sizeof *l);
}

size_t
hhlist_add(struct hhlist *l, const char *id, unsigned long line)
{
	size_t r = l->nrows;
	size_t cap = l->rows_cap;

	xgrow(&l->row, &l->rows_cap, r + 1, sizeof *l->row);
	if (l->cell == NULL && l->width < l->ncols + SPARE_COLUMNS)
		l->width = l->ncols + SPARE_COLUMNS;
	if (l->rows_cap != cap || l->cell == NULL)
		l->cell = xrealloc(l->cell, l->rows_cap * l->width * sizeof *l->cell);
	memset(&l->row[r], 0, sizeof l->row[r]);
	l->row[r].line = (uint32_t)line;
	l->row[r].decision = NDECISIONS;
	memset(l->cell + r * l->width, 0, l->width * sizeof *l->cell);
	l->nrows++;
	if (id != NULL)
		hhlist_set_str(l, r, l->col[L_HOUSEHOLD], id);
	return r;
}

const char *
hhlist_cell(const struct hhlist *l, size_t r, int col)
{
	if (col < 0 || (size_t)col >= l->ncols)
		return "";
	return l->text + l->cell[r * l->width + (size_t)col];
}

void
hhlist_set(struct hhlist *l, size_t r, int col, const char *s, size_t n)
{
	if (col < 0)
		return;
	l->cell[r * l->width + (size_t)col] = n ? store(l, s, n) : 0;
}

void
hhlist_set_str(struct hhlist *l, size_t r, int col, const char *s)
{
	hhlist_set(l, r, col, s, strlen(s));
}

void
hhlist_set_decision(struct hhlist *l, size_t r, enum decision d)
{
	l->row[r].decision = (uint8_t)d;
	hhlist_set_str(l, r, l->col[L_DECISION], decision_code(d));
}

void
hhlist_add_reason(struct hhlist *l, size_t r, enum reason reason)
{
	const char *old = hhlist_cell(l, r, l->col[L_REASONS]);
	struct strbuf b = { 0 };

	strbuf_printf(&b, "%s%s%s", old, *old ? ";" : "", reason_code(reason));
	hhlist_set(l, r, l->col[L_REASONS], b.s, b.len);
	strbuf_free(&b);
}

long
hhlist_lookup(const struct hhlist *l, const char *id)
{
	/* The index is a cache: a list written row by row (survey) never
	 * pays for it unless someone looks a household up. */
	struct hhlist *m = (struct hhlist *)l;
	uint32_t *r;

	/* A list read in order needs no index: a file that follows it (votes,
	 * objections) finds its households just after the last one found. */
	if (m->sorted == m->nrows)
		return sorted_find(m, household_of, m->nrows, id, &m->cursor,
		    hhnumber_cmp);
	index_rows(m);
	r = hhnumber_get(&m->index, id, strlen(id));
	return r ? (long)*r : -1;
}

size_t
hhlist_typed(const struct hhlist *l, size_t r, struct cell *out)
{
	size_t bad = 0;

	for (size_t c = 0; c < l->ncols; c++) {
		const char *s = l->text + l->cell[r * l->width + c];
		size_t n = strlen(s);
		char buf[FIELD_BUF];
		const char *norm;
		size_t normlen;
		enum field_status st;

		out[c].off = l->cell[r * l->width + c];
		out[c].len = (uint32_t)n;
		out[c].v = 0;
		/* a list's dates are as tpa wrote them: YYYY-MM-DD */
		st = field_parse(l->field[c], s, n, 0, &out[c].v, &norm, &normlen, buf);
		if (st == FIELD_BAD || st == FIELD_CONTROL || st == FIELD_SHORT_YEAR) {
			out[c].len = 0;
			bad++;
		}
	}
	return bad;
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
	uint32_t *order = xcalloc(l->nrows + 1, sizeof *order);
	struct key k2[2], *k;
	size_t r = 1;

	/* a list read in order keeps it (as the stable sort would) */
	if (l->nrows > 0)
		k2[0] = (struct key){ hhlist_cell(l, 0, l->col[L_VILLAGE]),
			household_at(l, 0), 0 };
	for (; r < l->nrows; r++) {
		struct key *prev = &k2[(r - 1) % 2], *now = &k2[r % 2];

		*now = (struct key){ hhlist_cell(l, r, l->col[L_VILLAGE]),
			household_at(l, r), 0 };
		if (cmp(prev, now) > 0)
			break;
	}
	for (size_t i = 0; i < l->nrows; i++)
		order[i] = (uint32_t)i;
	if (r >= l->nrows)
		return order;
	k = xcalloc(l->nrows + 1, sizeof *k);
	for (size_t i = 0; i < l->nrows; i++) {
		k[i].village = hhlist_cell(l, i, l->col[L_VILLAGE]);
		k[i].household = household_at(l, i);
		k[i].row = (uint32_t)i;
	}
	qsort(k, l->nrows, sizeof *k, cmp);
	for (size_t i = 0; i < l->nrows; i++)
		order[i] = k[i].row;
	free(k);
	return order;
}

static void
write_row(struct csvout *w, const struct hhlist *l, size_t r)
{
	const uint32_t *cells = l->cell + r * l->width;

	for (size_t c = 0; c < l->ncols; c++)
		csvout_str(w, l->text + cells[c]);
	csvout_end(w);
}

void
hhlist_write(const struct hhlist *l, struct outfile *out)
{
	uint32_t *order = hhlist_order(l);
	struct csvout w;

	csvout_init(&w, out, CSVOUT_DATA);
	csvout_row(&w, (const char *const *)l->names, l->ncols);
	for (size_t i = 0; i < l->nrows; i++)
		write_row(&w, l, order[i]);
	free(order);
}

void
hhlist_stream_init(struct hhlist_stream *s, struct outfile *out)
{
	memset(s, 0, sizeof *s);
	s->out = out;
	csvout_init(&s->w, out, CSVOUT_DATA);
}

static void
stream_header(struct hhlist_stream *s, const struct hhlist *l)
{
	if (s->rows++ == 0)
		csvout_row(&s->w, (const char *const *)l->names, l->ncols);
}

int
hhlist_stream_row(struct hhlist_stream *s, struct hhlist *l)
{
	struct key now;

	if (l->nrows != 1)
		return -1;
	now = (struct key){ hhlist_cell(l, 0, l->col[L_VILLAGE]), household_at(l, 0), 0 };
	if (s->rows > 0) {
		struct key last = { strbuf_str(&s->last),
			strbuf_str(&s->last) + strlen(strbuf_str(&s->last)) + 1, 0 };

		if (cmp(&last, &now) > 0)
			return -1;
	}
	stream_header(s, l);
	write_row(&s->w, l, 0);
	strbuf_reset(&s->last);
	strbuf_add(&s->last, now.village, strlen(now.village) + 1);
	strbuf_add(&s->last, now.household, strlen(now.household) + 1);
	/* empty the list: its columns stay */
	l->nrows = 0;
	l->nindexed = 0;
	l->cursor = 0;
	l->sorted = 0;
	strmap_free(&l->index);
	strmap_init(&l->index);
	l->text_len = 1;
	return 0;
}

void
hhlist_stream_end(struct hhlist_stream *s, const struct hhlist *l)
{
	if (s->rows == 0)
		stream_header(s, l);
}

void
hhlist_stream_free(struct hhlist_stream *s)
{
	strbuf_free(&s->last);
	memset(s, 0, sizeof *s);
}
