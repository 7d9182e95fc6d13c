#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strmap.h"
#include "household/people.h"
#include "values/date.h"
#include "values/hhnumber.h"
#include "values/wording.h"

const char *const people_known[P_NKNOWN] = { "village_code", "household_id",
	"name", "id_number", "relation", "birth_date", "group", "source" };
static const unsigned char people_required[P_NKNOWN] = { [P_HOUSEHOLD] = 1,
	[P_NAME] = 1, [P_ID] = 1, [P_RELATION] = 1 };

struct reading {
	const struct people_options *o;
	const struct people_handler *h;
	char *file;
	struct schema schema;
	int have_schema;
	size_t width;                  /* header cells + age */
	struct household_buf buf;
	struct cell *sorted;           /* members' cells in output order */
	size_t sorted_cap;
	struct member *sorted_member;
	size_t sorted_member_cap;
	struct strbuf cur;             /* the household being gathered */
	int have_cur;
	unsigned long cur_line;
	unsigned heads, bad;
	/* Households already handed over. While they come in ascending
	 * order (values/hhnumber.h; as tpa writes its lists) they are only
	 * appended to ASC, and none can be a repeat; after the first one out of order, a repeat is
	 * looked for in ASC (binary search) and in SEEN. */
	struct strbuf asc;             /* the ids, each ended by NUL */
	size_t *asc_off, nasc, asc_cap;
	int unordered;
	struct strmap seen;
	struct strbuf msg;
	struct strbuf *err;
	int failed;
};

/* Whether household HID was handed over before; remembers it. */
static int
seen_before(struct reading *rd, const char *hid, size_t hlen)
{
	size_t lo = 0, hi = rd->nasc;
	int inserted;

	if (!rd->unordered && (rd->nasc == 0 ||
	    hhnumber_cmp(hid, rd->asc.s + rd->asc_off[rd->nasc - 1]) > 0)) {
		xgrow(&rd->asc_off, &rd->asc_cap, rd->nasc + 1, sizeof *rd->asc_off);
		rd->asc_off[rd->nasc++] = rd->asc.len;
		strbuf_add(&rd->asc, hid, hlen);
		strbuf_putc(&rd->asc, '\0');
		return 0;
	}
	rd->unordered = 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = hhnumber_cmp(hid, rd->asc.s + rd->asc_off[mid]);

		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	hhnumber_put(&rd->seen, hid, hlen, 0, &inserted);
	return !inserted;
}

static void
problem(struct reading *rd, unsigned long line, const char *household,
    const char *id, size_t id_len, const char *field, const char *code,
    const char *message)
{
	struct read_problem p = { rd->file, line, household, id, id_len, field,
		code, message, 0 };

	if (rd->h->problem != NULL)
		rd->h->problem(rd->h->ctx, &p);
}

static int
header(struct reading *rd, const struct csvin_row *row)
{
	const struct people_options *o = rd->o;

	rd->have_schema = 1;
	if (schema_header(&rd->schema, o->aliases, o->rules, rd->file, row,
	    people_known, P_NKNOWN, people_required, rd->err) != 0)
		return -1;
	if (rd->h->header != NULL && rd->h->header(rd->h->ctx, &rd->schema, rd->err) != 0)
		return -1;
	/* The columns every reader needs are always read. */
	for (int k = 0; k < P_NKNOWN; k++)
		if (rd->schema.cols.pos[k] >= 0)
			rd->schema.want[rd->schema.cols.pos[k]] = 1;
	rd->width = row->n + 1;
	return 0;
}

/* Whether member A goes before member B: head first, then by ID number,
 * then by line. */
static int
before(const struct member *a, const struct member *b)
{
	int c;

	if (a->head != b->head)
		return a->head > b->head;
	if ((c = strcmp(a->id, b->id)) != 0)
		return c < 0;
	return a->line < b->line;
}

/* Hand the gathered household over. */
static int
flush(struct reading *rd)
{
	struct household_buf *b = &rd->buf;
	struct household hh;
	size_t n = b->nmember, *order;
	int sorted = 1, village, rc;

	if (!rd->have_cur)
		return 0;
	rd->have_cur = 0;
	for (size_t i = 1; i < n && sorted; i++)
		sorted = !before(&b->member[i], &b->member[i - 1]);
	memset(&hh, 0, sizeof hh);
	hh.member = b->member;
	hh.mcells = b->mcells;
	if (!sorted) {
		order = xcalloc(n, sizeof *order);
		for (size_t i = 0; i < n; i++) {
			size_t j = i;

			while (j > 0 && before(&b->member[i], &b->member[order[j - 1]])) {
				order[j] = order[j - 1];
				j--;
			}
			order[j] = i;
		}
		xgrow(&rd->sorted, &rd->sorted_cap, n * rd->width, sizeof *rd->sorted);
		xgrow(&rd->sorted_member, &rd->sorted_member_cap, n, sizeof *rd->sorted_member);
		for (size_t i = 0; i < n; i++) {
			rd->sorted_member[i] = b->member[order[i]];
			memcpy(rd->sorted + i * rd->width, b->mcells + order[i] * rd->width,
			    rd->width * sizeof *rd->sorted);
		}
		free(order);
		hh.member = rd->sorted_member;
		hh.mcells = rd->sorted;
	}
	hh.id = strbuf_str(&rd->cur);
	hh.line = rd->cur_line;
	hh.nmembers = n;
	hh.mwidth = rd->width;
	hh.mschema = &rd->schema;
	hh.heads = rd->heads;
	hh.bad = rd->bad;
	hh.text = b->text;
	village = rd->schema.cols.pos[P_VILLAGE];
	hh.village_code = village >= 0 && n > 0 ?
	    b->text + hh.mcells[village].off : "";
	rc = rd->h->household(rd->h->ctx, &hh);
	household_buf_reset(b);
	return rc;
}

static int
data_row(struct reading *rd, const struct csvin_row *row)
{
	const struct schema *s = &rd->schema;
	struct household_buf *b = &rd->buf;
	int hpos = s->cols.pos[P_HOUSEHOLD], ipos = s->cols.pos[P_ID];
	const char *hid = (size_t)hpos < row->n ? row->cell[hpos] : "";
	size_t hlen = (size_t)hpos < row->n ? row->len[hpos] : 0;
	const char *id = ipos >= 0 && (size_t)ipos < row->n ? row->cell[ipos] : "";
	size_t idlen = ipos >= 0 && (size_t)ipos < row->n ? row->len[ipos] : 0;
	struct member *m;
	struct cell *cells;
	int rc, birth = s->cols.pos[P_BIRTH], rel = s->cols.pos[P_RELATION];

	if (csvin_row_empty(row))
		return 0;
	if (hlen == 0) {
		/* Merged cells leave household_id blank on a household's
		 * member rows: the household being gathered is incomplete, and
		 * is never decided on the members it has. */
		const char *label = field_label(field_builtin("household_id"),
		    "household_id", rd->o->lang);

		strbuf_reset(&rd->msg);
		if (rd->have_cur) {
			wording(&rd->msg, rd->o->lang, MSG_EMPTY_HOUSEHOLD_ID, label,
			    strbuf_str(&rd->cur));
			rd->bad++;
		} else
			wording(&rd->msg, rd->o->lang, MSG_EMPTY, label);
		problem(rd, row->line, rd->have_cur ? strbuf_str(&rd->cur) : "", id,
		    idlen, "household_id", "MISSING_FIELD", strbuf_str(&rd->msg));
		return 0;
	}
	if (!rd->have_cur || strcmp(strbuf_str(&rd->cur), hid) != 0) {
		if ((rc = flush(rd)) != 0)
			return rc;
		if (seen_before(rd, hid, hlen)) {
			strbuf_printf(rd->err, _("%s:%lu: the rows of household %s are "
			    "not together (other households' rows come between): "
			    "this is not a list as tpa writes it\n"), rd->file,
			    row->line, hid);
			return -1;
		}
		strbuf_reset(&rd->cur);
		strbuf_add(&rd->cur, hid, hlen);
		rd->have_cur = 1;
		rd->cur_line = row->line;
		rd->heads = rd->bad = 0;
	}
	xgrow(&b->member, &b->member_cap, b->nmember + 1, sizeof *b->member);
	m = &b->member[b->nmember++];
	memset(m, 0, sizeof *m);
	m->line = row->line;
	m->age = NO_AGE;
	if (idlen <= ID_LEN)
		memcpy(m->id, id, idlen);
	xgrow(&b->mcells, &b->mcells_cap, (b->mcells_len + 1) * rd->width, sizeof *b->mcells);
	cells = b->mcells + b->mcells_len * rd->width;
	b->mcells_len++;
	memset(cells, 0, rd->width * sizeof *cells);
	if (row->n != s->cols.ncells) {
		strbuf_reset(&rd->msg);
		wording(&rd->msg, rd->o->lang, MSG_RAGGED, row->n, s->cols.ncells);
		problem(rd, row->line, hid, id, idlen, "", "RAGGED_ROW",
		    strbuf_str(&rd->msg));
		rd->bad++;
	}
	for (size_t i = 0; i < s->cols.ncells; i++) {
		if (!s->want[i] || i >= row->n) {
			household_buf_text(b, "", 0, &cells[i]);
			continue;
		}
		strbuf_reset(&rd->msg);
		rc = household_parse_cell(b, s->field[i], s->cols.name[i],
		    row->cell[i], row->len[i], rd->o->year, &cells[i], rd->o->lang,
		    &rd->msg);
		if (rc < 0) {
			problem(rd, row->line, hid, id, idlen, s->cols.name[i],
			    household_bad_code(s->field[i]), strbuf_str(&rd->msg));
			rd->bad++;
		} else if (rc > 0 && rd->h->other != NULL) {
			struct read_problem p = { rd->file, row->line, hid, id, idlen,
				NULL, NULL, NULL, 0 };
			const char *value = b->text + cells[i].off;

			household_unlisted(&p, &rd->msg, s->field[i], s->cols.name[i],
			    value, rd->o->lang);
			rd->h->other(rd->h->ctx, &p, value);
		}
	}
	if (rel >= 0 && cells[rel].len > 0 &&
	    s->field[rel]->codes == &enum_relation && cells[rel].v == 0)
		m->head = 1;
	rd->heads += (unsigned)m->head;
	if (birth >= 0 && cells[birth].len > 0 && rd->o->year > 0 &&
	    s->field[birth]->type == FT_DATE)
		m->age = date_age_at_year_end((long)cells[birth].v, rd->o->year);
	if (m->age != NO_AGE) {
		char num[16];
		int len = snprintf(num, sizeof num, "%d", m->age);

		household_buf_text(b, num, (size_t)len, &cells[rd->width - 1]);
		cells[rd->width - 1].v = (int64_t)m->age * 1000000;
	}
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;

	if (row->index == 0)
		return header(rd, row) != 0 ? -1 : 0;
	return data_row(rd, row);
}

static int
at_end(void *ctx)
{
	return flush(ctx);
}

int
people_read(const struct people_options *o, const struct people_handler *h,
    char sha256[DIGEST_HEX], struct strbuf *err)
{
	struct reading rd;
	struct csvin_file f = { o->path, o->encoding, o->progress, on_row, &rd,
	    &rd.have_schema, at_end };
	int rc;

	memset(&rd, 0, sizeof rd);
	rd.o = o;
	rd.h = h;
	rd.err = err;
	strmap_init(&rd.seen);
	rc = csvin_read_file(&f, &rd.file, sha256, err);
	free(rd.file);
	schema_free(&rd.schema);
	household_buf_free(&rd.buf);
	free(rd.sorted);
	free(rd.sorted_member);
	strbuf_free(&rd.cur);
	strbuf_free(&rd.msg);
	strmap_free(&rd.seen);
	strbuf_free(&rd.asc);
	free(rd.asc_off);
	return rc;
}
