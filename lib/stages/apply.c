/* tpa-apply: application intake (SPEC §6 apply). Every row is validated;
 * rows are grouped into households wherever they stand; a household is
 * accepted whole or rejected whole; the same ID number in two rows rejects
 * every household holding it. With --previous, last year's registered
 * households are carried in for re-survey unless a new application
 * replaces them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/idset.h"
#include "base/strmap.h"
#include "household/previous.h"
#include "household/roster.h"
#include "household/schema.h"
#include "io/csvout.h"
#include "io/rejects.h"
#include "rules/columns.h"
#include "stages/apply.h"
#include "stages/shell.h"
#include "values/date.h"
#include "values/enums.h"
#include "values/field.h"
#include "values/hhnumber.h"
#include "values/idnumber.h"
#include "values/text.h"

/* The columns apply knows, in applicants.csv order. */
enum {
	C_VILLAGE, C_HOUSEHOLD, C_NAME, C_ID, C_RELATION, C_SEX, C_BIRTH,
	C_HEALTH, C_LABOR, C_EDUCATION, C_IN_SCHOOL, C_OCCUPATION, C_PHONE,
	C_GROUP, C_APPLY_DATE, C_REASON, C_SOURCE, NKNOWN
};
const char *const apply_columns[APPLY_NCOLUMNS] = {
	"village_code", "household_id", "name", "id_number", "relation", "sex",
	"birth_date", "health", "labor", "education", "in_school", "occupation",
	"phone", "group", "apply_date", "declared_reason", "source",
};
_Static_assert(NKNOWN == APPLY_NCOLUMNS, "apply_columns has a name per column");
static const unsigned char required[NKNOWN] = {
	[C_HOUSEHOLD] = 1, [C_NAME] = 1, [C_ID] = 1, [C_RELATION] = 1,
	[C_APPLY_DATE] = 1,
};
static const unsigned char required_previous[NKNOWN] = {
	[C_HOUSEHOLD] = 1, [C_NAME] = 1, [C_ID] = 1, [C_RELATION] = 1,
};
static const struct enum_def *const enums[NKNOWN] = {
	[C_RELATION] = &enum_relation, [C_SEX] = &enum_sex,
	[C_HEALTH] = &enum_health, [C_LABOR] = &enum_labor,
	[C_EDUCATION] = &enum_education, [C_IN_SCHOOL] = &enum_in_school,
};
/* Free-text columns: TAB, LF and CR allowed inside. */
static const unsigned char free_text[NKNOWN] = { [C_REASON] = 1 };

#define NAME_MAX_CHARS 64
#define HOUSEHOLD_ID_MAX 32     /* characters of a household_id */
/* Cells stored per person: the known columns but village_code, then the
 * extra columns. */
#define K(k) ((k) - 1)

/* One input file (applications.csv, or last year's members.csv). */
struct source_file {
	const char *path;
	const char *name;             /* as messages name it */
	struct columns cols;
	int carried;                  /* last year's registry */
	const char *sha256;           /* carried: the bytes its check read */
	int have_header;
};

struct intake {
	const struct apply_options *o;
	struct stage *st;
	enum lang lang;
	struct source_file *file;     /* the one being read */
	size_t nextra;                /* extra columns carried through */
	char **extra;                 /* their names */
	int *extra_cell;              /* per extra column: the current file's cell, or -1 */
	struct id_checker *ids;
	struct roster roster;
	int roster_ready;
	struct idlist people;         /* ID numbers and their people */
	uint32_t last_household;      /* the nearest row above's with a
	                                 household_id (rows come grouped) */
	size_t empty_rows;            /* rows with every cell empty: skipped */
	struct rejects rejects;
	int hint[NKNOWN];             /* enumeration value last seen per column */
	const char **cells;           /* scratch: one row's cells */
	size_t *lens;
	struct strmap exited;         /* previous: households that exited */
	struct strmap applied;        /* households of this year's applications */
	struct strmap registry_form;  /* previous: household -> its number as written */
	struct strbuf registry_forms;
	size_t registry_width;        /* previous: widest number with leading zeros */
	int registry_digits;          /* previous: a number made only of digits */
	struct strbuf msg, quote, err;
	char *previous_members;       /* last year's registry/members.csv */
	struct previous_registry previous;
};

/* Problems of one row are recorded as they are found. */
struct row_check {
	struct intake *in;
	const struct csvin_row *row;
	const char *household;        /* as written, "" when missing */
	const char *id;               /* as written */
	size_t id_len;
	int problems;
};

static void
reject(struct row_check *rc, const char *field, const char *code)
{
	struct intake *in = rc->in;

	rejects_add(&in->rejects, in->file->name, rc->row->line, rc->household,
	    rc->id, rc->id_len, field, code, strbuf_str(&in->msg));
	strbuf_reset(&in->msg);
	rc->problems++;
}

static const char *
label(struct intake *in, int k)
{
	return field_label(field_builtin(apply_columns[k]), apply_columns[k], in->lang);
}

static const char *
quoted(struct intake *in, const char *s, size_t n)
{
	strbuf_reset(&in->quote);
	text_quote(&in->quote, s, n);
	return strbuf_str(&in->quote);
}

static const char *
cell(struct row_check *rc, int k, size_t *n)
{
	return columns_cell(&rc->in->file->cols, rc->row, k, n);
}

static void
missing(struct row_check *rc, int k)
{
	wording(&rc->in->msg, rc->in->lang, MSG_EMPTY, label(rc->in, k));
	reject(rc, apply_columns[k], "MISSING_FIELD");
}

/* Normalise an enumerated cell into *OUT (its code). */
static void
check_enum(struct row_check *rc, int k)
{
	struct intake *in = rc->in;
	size_t n;
	const char *s = cell(rc, k, &n);
	int v;

	in->cells[K(k)] = s;
	in->lens[K(k)] = n;
	if (n == 0)
		return;
	if ((v = enum_lookup_hint(enums[k], s, n, &in->hint[k])) < 0) {
		struct strbuf codes = { 0 };

		enum_describe(enums[k], &codes);
		wording(&in->msg, in->lang, MSG_NOT_ONE_OF, label(in, k),
		    quoted(in, s, n), strbuf_str(&codes));
		strbuf_free(&codes);
		reject(rc, apply_columns[k], "BAD_VALUE");
		in->lens[K(k)] = 0;
		return;
	}
	in->cells[K(k)] = enums[k]->values[v].code;
	in->lens[K(k)] = strlen(in->cells[K(k)]);
}

/* A date cell, written YYYY-MM-DD into BUF; a two-digit year is read
 * near YEAR. Returns 0, 1 when empty, -1. */
static int
check_date(struct row_check *rc, int k, int year, char *buf, long *days)
{
	struct intake *in = rc->in;
	size_t n;
	const char *s = cell(rc, k, &n);
	char folded[64];
	int r;

	if (n == 0)
		return 1;
	if (n < sizeof folded && text_has_wide_forms(s, n)) {
		size_t m = text_fold_width(s, n, folded);

		r = date_parse(folded, m, year, days);
	} else
		r = date_parse(s, n, year, days);
	if (r == 0) {
		date_format(buf, *days);
		return 0;
	}
	if (r == DATE_SHORT_YEAR)
		wording(&in->msg, in->lang, MSG_SHORT_YEAR, label(in, k),
		    quoted(in, s, n), DATE_YEAR_WINDOW);
	else
		wording(&in->msg, in->lang, MSG_NOT_A_DATE, label(in, k),
		    quoted(in, s, n));
	reject(rc, apply_columns[k], "BAD_DATE");
	return -1;
}

/* Control characters: refused everywhere but inside free text. */
static void
check_controls(struct row_check *rc)
{
	struct intake *in = rc->in;
	const struct columns *c = &in->file->cols;

	for (size_t i = 0; i < rc->row->n && i < c->ncells; i++) {
		int k = c->slot[i];
		int free = k < 0 || free_text[k];
		const char *name = k >= 0 ? apply_columns[k] : c->name[i];
		const struct field *f;

		if (text_control(rc->row->cell[i], rc->row->len[i], free) < 0)
			continue;
		f = name ? field_builtin(name) : NULL;
		/* a confidential cell (phone, bank account) is never quoted */
		wording(&in->msg, in->lang, MSG_CONTROL,
		    k >= 0 ? label(in, k) : c->name[i] ? c->name[i] : "",
		    f != NULL && f->confidential ? "" :
		    quoted(in, rc->row->cell[i], rc->row->len[i]));
		reject(rc, k >= 0 ? apply_columns[k] : c->name[i] ? c->name[i] : "", "BAD_VALUE");
	}
}

static int
household_id_ok(const char *s, size_t n)
{
	if (n == 0 || n > HOUSEHOLD_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

static void
check_id(struct row_check *rc, char id[ID_LEN + 1], enum id_status *st)
{
	static const enum msg why[] = {
		[ID_BAD_FORMAT] = MSG_ID_FORMAT,
		[ID_BAD_CHECKSUM] = MSG_ID_CHECKSUM,
		[ID_BAD_DATE] = MSG_ID_DATE,
		[ID_OLD_15_DIGIT] = MSG_ID_OLD,
		[ID_MANGLED] = MSG_ID_MANGLED,
	};
	struct intake *in = rc->in;

	*st = ID_BAD_FORMAT;
	id[0] = '\0';
	if (rc->id_len == 0) {
		missing(rc, C_ID);
		return;
	}
	if ((*st = id_check(in->ids, rc->id, rc->id_len, id)) != ID_OK) {
		wording(&in->msg, in->lang, why[*st], label(in, C_ID));
		reject(rc, "id_number", id_status_code(*st));
		id[0] = '\0';
	}
}

static int
data_row(struct intake *in, const struct csvin_row *row)
{
	struct source_file *f = in->file;
	struct row_check rc = { in, row, "", "", 0, 0 };
	char id[ID_LEN + 1], birth[DATE_BUF], applied[DATE_BUF];
	const char **cells = in->cells;
	size_t *lens = in->lens, n, hlen;
	uint32_t household = NO_HOUSEHOLD, person;
	enum id_status st;
	const char *s;
	long days, bdays = 0;
	int head, bstate, unnumbered;
	char wide[4 * HOUSEHOLD_ID_MAX + 1];
	uint32_t spoiled_below = NO_HOUSEHOLD;

	if (csvin_row_empty(row)) {
		in->empty_rows++;
		return 0;
	}
	rc.household = cell(&rc, C_HOUSEHOLD, &hlen);
	/* Ｈ０１ typed with a Chinese input method is H01 */
	if (hlen < sizeof wide && text_has_wide_forms(rc.household, hlen)) {
		hlen = text_fold_width(rc.household, hlen, wide);
		rc.household = wide;
	}
	rc.id = cell(&rc, C_ID, &rc.id_len);
	/* No household_id under a row that has one: Excel's merged cells
	 * leave it blank on a household's member rows. The household above
	 * is incomplete, and this row's problems name it. */
	unnumbered = hlen == 0 && in->last_household != NO_HOUSEHOLD;
	if (unnumbered) {
		struct roster_household *above =
		    &in->roster.households[in->last_household];

		above->unnumbered = 1;
		above->rejected = 1;
		rc.household = roster_household_id(&in->roster, in->last_household);
	}
	/* A household of last year's registry: carried unless it exited or
	 * a new application replaces it. A row without household_id after
	 * it belongs to no household above. */
	if (f->carried && hlen > 0 && (hhnumber_get(&in->exited, rc.household, hlen) ||
	    hhnumber_get(&in->applied, rc.household, hlen))) {
		in->last_household = NO_HOUSEHOLD;
		return 0;
	}
	if (!f->carried && hlen > 0 && in->previous_members != NULL)
		hhnumber_put(&in->applied, rc.household, hlen, 0, NULL);
	if (row->n != f->cols.ncells) {
		wording(&in->msg, in->lang, MSG_RAGGED, row->n, f->cols.ncells);
		reject(&rc, "", "RAGGED_ROW");
	}
	for (size_t i = 0; i < row->n && i < f->cols.ncells; i++)
		if (f->cols.name[i] == NULL && row->len[i] > 0) {
			struct strbuf field = { 0 };

			/* no name to give it: its place, in the file's words */
			wording(&field, in->lang, MSG_COLUMN_PLACE, i + 1);
			wording(&in->msg, in->lang, MSG_UNNAMED_COLUMN, i + 1,
			    quoted(in, row->cell[i], row->len[i]));
			reject(&rc, strbuf_str(&field), "BAD_VALUE");
			strbuf_free(&field);
		}
	check_controls(&rc);

	/* household_id */
	if (unnumbered) {
		wording(&in->msg, in->lang, MSG_EMPTY_HOUSEHOLD_ID,
		    label(in, C_HOUSEHOLD), rc.household);
		reject(&rc, apply_columns[C_HOUSEHOLD], "MISSING_FIELD");
	} else if (hlen == 0) {
		missing(&rc, C_HOUSEHOLD);
	} else {
		uint32_t last = in->last_household;

		if (!household_id_ok(rc.household, hlen)) {
			wording(&in->msg, in->lang, MSG_HOUSEHOLD_ID_FORM,
			    label(in, C_HOUSEHOLD), quoted(in, rc.household, hlen));
			reject(&rc, "household_id", "BAD_VALUE");
			if (last != NO_HOUSEHOLD && strcmp(roster_household_id(
			    &in->roster, last), rc.household) != 0)
				spoiled_below = last;
		}
		if (last != NO_HOUSEHOLD && strcmp(roster_household_id(&in->roster,
		    last), rc.household) == 0)
			household = last;
		else
			household = roster_household(&in->roster, rc.household, hlen,
			    row->line);
		if (household == NO_HOUSEHOLD)
			return stage_fail(in->st, _("%s:%lu: too many households"),
			    f->name, row->line), -1;
		/* a household's rows come from one file: 1 and 01 there are
		 * two households or one written two ways, never merged */
		roster_household_seen(&in->roster, household, rc.household, hlen);
		in->last_household = household;
		in->roster.households[household].carried = (uint8_t)f->carried;
	}

	/* village_code, when the file has one */
	s = cell(&rc, C_VILLAGE, &n);
	if (n > 0 && (n != 12 || memcmp(s, in->st->village.code, 12) != 0)) {
		wording(&in->msg, in->lang, MSG_NOT_THIS_VILLAGE,
		    label(in, C_VILLAGE), quoted(in, s, n));
		reject(&rc, "village_code", "BAD_VALUE");
	}

	/* name */
	cells[K(C_NAME)] = cell(&rc, C_NAME, &lens[K(C_NAME)]);
	if (lens[K(C_NAME)] == 0)
		missing(&rc, C_NAME);
	else if (utf8_chars(cells[K(C_NAME)], lens[K(C_NAME)]) > NAME_MAX_CHARS) {
		wording(&in->msg, in->lang, MSG_NAME_TOO_LONG, label(in, C_NAME));
		reject(&rc, "name", "BAD_VALUE");
	}

	/* id_number */
	check_id(&rc, id, &st);
	cells[K(C_ID)] = id;
	lens[K(C_ID)] = id[0] ? ID_LEN : 0;

	/* relation */
	check_enum(&rc, C_RELATION);
	(void)cell(&rc, C_RELATION, &n);
	if (n == 0)
		missing(&rc, C_RELATION);
	head = lens[K(C_RELATION)] > 0 && strcmp(cells[K(C_RELATION)], "head") == 0;
	/* a member row (not a head) whose number a stray character spoiled
	 * (H0<U+200B>01) would leave the household above it smaller: that
	 * household is not decided either */
	if (spoiled_below != NO_HOUSEHOLD && !head) {
		in->roster.households[spoiled_below].misnumbered = 1;
		in->roster.households[spoiled_below].rejected = 1;
	}

	/* sex and birth_date: must agree with the ID number, filled from it */
	check_enum(&rc, C_SEX);
	/* a two-digit birth year is read in the ID number's century */
	if (st == ID_OK) {
		int by, bm, bd;

		date_ymd(id_birth(id), &by, &bm, &bd);
		bstate = check_date(&rc, C_BIRTH, by, birth, &bdays);
	} else
		bstate = check_date(&rc, C_BIRTH, in->st->village.year, birth, &bdays);
	if (st == ID_OK) {
		const char *sex = id_sex(id) == 1 ? "male" : "female";

		if (lens[K(C_SEX)] > 0 && strcmp(cells[K(C_SEX)], sex) != 0) {
			size_t typed;
			const char *t = cell(&rc, C_SEX, &typed);

			/* as the clerk typed it (女), not its code */
			wording(&in->msg, in->lang, MSG_DISAGREES_WITH_ID,
			    label(in, C_SEX), quoted(in, t, typed));
			reject(&rc, "sex", "SEX_MISMATCH");
		}
		if (bstate == 0 && bdays != id_birth(id)) {
			size_t typed;
			const char *t = cell(&rc, C_BIRTH, &typed);

			wording(&in->msg, in->lang, MSG_DISAGREES_WITH_ID,
			    label(in, C_BIRTH), quoted(in, t, typed));
			reject(&rc, "birth_date", "BIRTH_MISMATCH");
		}
		cells[K(C_SEX)] = sex;
		lens[K(C_SEX)] = strlen(sex);
		cells[K(C_BIRTH)] = date_format(birth, id_birth(id));
		lens[K(C_BIRTH)] = strlen(birth);
	} else {
		cells[K(C_BIRTH)] = "";
		lens[K(C_BIRTH)] = 0;
	}

	/* health (default healthy), labor, education, schooling */
	check_enum(&rc, C_HEALTH);
	(void)cell(&rc, C_HEALTH, &n);
	if (n == 0) {
		cells[K(C_HEALTH)] = "healthy";
		lens[K(C_HEALTH)] = strlen("healthy");
	}
	check_enum(&rc, C_LABOR);
	check_enum(&rc, C_EDUCATION);
	check_enum(&rc, C_IN_SCHOOL);

	/* free text */
	cells[K(C_OCCUPATION)] = cell(&rc, C_OCCUPATION, &lens[K(C_OCCUPATION)]);
	cells[K(C_PHONE)] = cell(&rc, C_PHONE, &lens[K(C_PHONE)]);
	cells[K(C_GROUP)] = cell(&rc, C_GROUP, &lens[K(C_GROUP)]);
	cells[K(C_REASON)] = cell(&rc, C_REASON, &lens[K(C_REASON)]);

	/* apply_date: required on the head's row of an application */
	cells[K(C_APPLY_DATE)] = "";
	lens[K(C_APPLY_DATE)] = 0;
	if ((bstate = check_date(&rc, C_APPLY_DATE, in->st->village.year, applied,
	    &days)) == 0) {
		cells[K(C_APPLY_DATE)] = applied;
		lens[K(C_APPLY_DATE)] = strlen(applied);
	} else if (bstate == 1 && head && !f->carried) {
		wording(&in->msg, in->lang, MSG_EMPTY_ON_HEAD, label(in, C_APPLY_DATE));
		reject(&rc, "apply_date", "MISSING_FIELD");
	}
	cells[K(C_SOURCE)] = f->carried ? "registry" : "application";
	lens[K(C_SOURCE)] = strlen(cells[K(C_SOURCE)]);

	for (size_t e = 0; e < in->nextra; e++) {
		int pos = in->extra_cell[e];

		cells[K(NKNOWN) + e] = pos >= 0 && (size_t)pos < row->n ? row->cell[pos] : "";
		lens[K(NKNOWN) + e] = pos >= 0 && (size_t)pos < row->n ? row->len[pos] : 0;
	}
	cells[K(C_HOUSEHOLD)] = hlen > 0 ? rc.household : "";
	lens[K(C_HOUSEHOLD)] = hlen;

	person = roster_add(&in->roster, household, row->line, head,
	    id[0] ? id : NULL, cells, lens);
	if (person == UINT32_MAX)
		return stage_fail(in->st, _("%s:%lu: too many rows"), f->name, row->line), -1;
	in->roster.people[person].carried = (uint8_t)f->carried;
	if (rc.problems > 0) {
		in->roster.people[person].rejected = 1;
		if (household != NO_HOUSEHOLD)
			in->roster.households[household].rejected = 1;
	}

	if (id[0] != '\0')
		idlist_add(&in->people, id, person);
	return 0;
}

/* The first file's header fixes the extra columns; a later file's extra
 * columns are matched to them by name (others are not carried). */
static int
header(struct intake *in, const struct csvin_row *row)
{
	struct source_file *f = in->file;
	char err[1024];

	if (columns_map(&f->cols, in->st->aliases, f->name, row, apply_columns, NKNOWN,
	    err, sizeof err) != 0)
		return stage_fail(in->st, "%s", err), -1;
	f->have_header = 1;
	{
		struct schema s = { 0 };

		/* every missing column in one message */
		s.cols = f->cols;
		s.file = f->name;
		strbuf_reset(&in->err);
		if (schema_require(&s, in->st->aliases, row->line, apply_columns,
		    f->carried ? required_previous : required, &in->err) != 0)
			return stage_fail_lines(in->st, &in->err), -1;
	}
	if (!in->roster_ready) {
		in->extra = xcalloc(row->n + 1, sizeof *in->extra);
		for (size_t i = 0; i < row->n; i++)
			if (f->cols.slot[i] < 0 && f->cols.name[i] != NULL)
				in->extra[in->nextra++] = xstrdup(f->cols.name[i]);
		roster_init(&in->roster, K(NKNOWN) + in->nextra);
		in->roster_ready = 1;
		in->cells = xcalloc(K(NKNOWN) + in->nextra + 1, sizeof *in->cells);
		in->lens = xcalloc(K(NKNOWN) + in->nextra + 1, sizeof *in->lens);
		in->extra_cell = xcalloc(in->nextra + 1, sizeof *in->extra_cell);
	}
	{
		/* where each extra column is in this file: its names hashed once */
		struct strmap at;

		strmap_init(&at);
		for (size_t i = 0; i < row->n; i++)
			if (f->cols.name[i] != NULL)
				(void)strmap_put(&at, f->cols.name[i], strlen(f->cols.name[i]),
				    (uint32_t)i, NULL);
		for (size_t e = 0; e < in->nextra; e++) {
			const uint32_t *i = strmap_get(&at, in->extra[e], strlen(in->extra[e]));

			in->extra_cell[e] = i != NULL ? (int)*i : -1;
		}
		strmap_free(&at);
	}
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct intake *in = ctx;

	return row->index == 0 ? header(in, row) : data_row(in, row);
}

/* The file a person's row came from, named as its reader names it (and
 * so as the row's other rejects do). */
static const char *
row_file(const struct intake *in, const struct roster_person *p)
{
	return csvin_path_name(p->carried ? in->previous_members : in->o->input);
}

/* The same person twice, in either file: every household holding the
 * number goes, and each person holding it gets one reject row. */
static void
judge_duplicates(struct intake *in)
{
	struct idlist *l = &in->people;

	idlist_sort(l);
	for (size_t i = 0, j; i < l->n; i = j) {
		for (j = i + 1; j < l->n && l->v[j].key == l->v[i].key; j++)
			;
		if (j - i < 2)
			continue;
		for (size_t k = i; k < j; k++) {
			struct roster_person *p = &in->roster.people[l->v[k].value];

			wording(&in->msg, in->lang, MSG_DUPLICATE_PERSON);
			rejects_add(&in->rejects, row_file(in, p), p->line,
			    p->household == NO_HOUSEHOLD ? "" :
			    roster_household_id(&in->roster, p->household),
			    p->id, ID_LEN, "id_number", "DUPLICATE_PERSON",
			    strbuf_str(&in->msg));
			strbuf_reset(&in->msg);
			p->rejected = 2;
			if (p->household != NO_HOUSEHOLD)
				in->roster.households[p->household].rejected = 1;
		}
	}
	idlist_free(l);   /* not needed to write: memory back before that */
}

/* Household-level problems: heads, and rows left without a reason. */
static void
judge_households(struct intake *in)
{
	struct roster *r = &in->roster;

	for (size_t h = 0; h < r->nhouseholds; h++)
		if (r->households[h].heads != 1 || r->households[h].ambiguous)
			r->households[h].rejected = 1;
	for (size_t i = 0; i < r->npeople; i++) {
		struct roster_person *p = &r->people[i];
		struct roster_household *h;
		const char *hid, *file;
		enum msg m;
		const char *code, *field = "relation";

		if (p->household == NO_HOUSEHOLD)
			continue;
		h = &r->households[p->household];
		if (!h->rejected)
			continue;
		hid = roster_household_id(r, p->household);
		file = row_file(in, p);
		if (h->ambiguous) {
			const char *written = r->arena + p->cells;

			strbuf_reset(&in->msg);
			wording(&in->msg, in->lang, MSG_HOUSEHOLD_AMBIGUOUS, hid,
			    r->arena + h->other);
			rejects_add(&in->rejects, file, p->line, written, p->id,
			    strlen(p->id), "household_id", "HOUSEHOLD_ID_AMBIGUOUS",
			    strbuf_str(&in->msg));
			strbuf_reset(&in->msg);
			p->rejected = 1;
			continue;
		}
		if (h->heads == 0) {
			m = MSG_NO_HEAD;
			code = "NO_HEAD";
		} else if (h->heads > 1 && p->head) {
			m = MSG_MULTIPLE_HEADS;
			code = "MULTIPLE_HEADS";
		} else if (!p->rejected) {
			m = h->unnumbered ? MSG_INCOMPLETE_UNNUMBERED :
			    h->misnumbered ? MSG_INCOMPLETE_MISNUMBERED : MSG_INCOMPLETE;
			code = "HOUSEHOLD_INCOMPLETE";
			field = "";
		} else {
			continue;
		}
		strbuf_reset(&in->msg);
		wording(&in->msg, in->lang, m, hid, h->heads);
		rejects_add(&in->rejects, file, p->line, hid, p->id, strlen(p->id),
		    field, code, strbuf_str(&in->msg));
		strbuf_reset(&in->msg);
		p->rejected = 1;
	}
}

/* The village's width, to which a number of digits written without its
 * leading zeros is padded: that of the widest number written with leading
 * zeros in last year's registry, when it holds a number of digits at all;
 * else the width most of this year's households are written in with a
 * leading zero (each household counted once, at its widest such form on
 * an accepted row; a tie goes to the width of the earlier household), so
 * that one household written otherwise does not renumber the village.
 * 0 when no number carries a leading zero. */
static size_t
village_width(const struct intake *in)
{
	const struct roster *r = &in->roster;
	size_t count[HOUSEHOLD_ID_MAX + 1] = { 0 };
	size_t first[HOUSEHOLD_ID_MAX + 1] = { 0 };
	size_t *widest, best = 0, seen = 0;

	if (in->registry_digits)
		return in->registry_width;
	widest = xcalloc(r->nhouseholds + 1, sizeof *widest);
	for (size_t i = 0; i < r->npeople; i++) {
		const struct roster_person *p = &r->people[i];
		const struct roster_household *hh;
		const char *written = r->arena + p->cells;
		size_t n = strlen(written);

		if (p->household == NO_HOUSEHOLD || p->rejected || p->carried)
			continue;
		hh = &r->households[p->household];
		if (hh->rejected || hh->carried || hh->ambiguous)
			continue;
		if (n > 1 && n <= HOUSEHOLD_ID_MAX && written[0] == '0' &&
		    text_digits(written, n) && n > widest[p->household])
			widest[p->household] = n;
	}
	for (size_t h = 0; h < r->nhouseholds; h++)
		if (widest[h] > 0 && count[widest[h]]++ == 0)
			first[widest[h]] = seen++;
	for (size_t w = 2; w <= HOUSEHOLD_ID_MAX; w++)
		if (count[w] > 0 && (best == 0 || count[w] > count[best] ||
		    (count[w] == count[best] && first[w] < first[best])))
			best = w;
	free(widest);
	return best;
}

/* The form each accepted household's number is written in: last year's
 * registry's for a household it holds; else, for a number made only of
 * digits narrower than the village's width (village_width), padded with
 * zeros to it; else as written. Each household written otherwise gets one
 * warning, at its first row. */
static void
restore_forms(struct intake *in)
{
	struct roster *r = &in->roster;
	size_t width = village_width(in);
	unsigned char *warned = xcalloc(r->nhouseholds + 1, 1);
	struct strbuf form = { 0 };

	for (size_t h = 0; h < r->nhouseholds; h++) {
		const char *id = roster_household_id(r, (uint32_t)h);
		size_t n = strlen(id), pad;
		const uint32_t *reg = hhnumber_get(&in->registry_form, id, n);

		if (r->households[h].rejected)
			continue;
		strbuf_reset(&form);
		if (reg != NULL) {
			strbuf_puts(&form, in->registry_forms.s + *reg);
		} else {
			for (pad = hhnumber_pad(id, n, width); pad > 0; pad--)
				strbuf_putc(&form, '0');
			strbuf_add(&form, id, n);
		}
		if (strcmp(strbuf_str(&form), id) != 0)
			roster_household_form(r, (uint32_t)h, form.s, form.len);
	}
	for (size_t i = 0; i < r->npeople; i++) {
		const struct roster_person *p = &r->people[i];
		const char *written = r->arena + p->cells, *id;
		int longer;

		if (p->household == NO_HOUSEHOLD || r->households[p->household].rejected ||
		    warned[p->household])
			continue;
		id = roster_household_id(r, p->household);
		if (strcmp(written, id) == 0)
			continue;
		warned[p->household] = 1;
		longer = strlen(id) > strlen(written);
		strbuf_reset(&in->msg);
		wording(&in->msg, in->lang, longer ? MSG_ZEROS_RESTORED :
		    MSG_ZEROS_DROPPED, written, id);
		rejects_warn(&in->rejects, row_file(in, p), p->line, written, p->id,
		    strlen(p->id), "household_id", longer ? "LEADING_ZEROS_RESTORED" :
		    "LEADING_ZEROS_DROPPED", strbuf_str(&in->msg));
		strbuf_reset(&in->msg);
	}
	strbuf_free(&form);
	free(warned);
}

static void
write_applicants(struct intake *in, struct outfile *out)
{
	struct roster *r = &in->roster;
	uint32_t *order = roster_order(r);
	size_t code_len = strlen(in->st->village.code);
	struct csvout w;

	csvout_init(&w, out, CSVOUT_DATA);
	for (size_t k = 0; k < NKNOWN; k++)
		csvout_str(&w, apply_columns[k]);
	for (size_t e = 0; e < in->nextra; e++)
		csvout_str(&w, in->extra[e]);
	csvout_end(&w);
	for (size_t i = 0; i < r->npeople; i++) {
		const struct roster_person *p = &r->people[order[i]];

		if (p->household == NO_HOUSEHOLD || r->households[p->household].rejected)
			continue;
		roster_cells(r, order[i], in->cells, in->lens);
		csvout_cell(&w, in->st->village.code, code_len);
		csvout_str(&w, roster_household_id(r, p->household));
		for (size_t c = K(C_HOUSEHOLD) + 1; c < r->ncells; c++)
			csvout_cell(&w, in->cells[c], in->lens[c]);
		csvout_end(&w);
	}
	free(order);
}

static int
read_file(struct intake *in, struct source_file *f)
{
	char err[1024];
	struct csvin *csv;
	int rc;

	in->file = f;
	in->last_household = NO_HOUSEHOLD;
	if ((csv = csvin_open(f->path, in->o->encoding, err, sizeof err)) == NULL)
		return stage_fail(in->st, "%s", err);
	f->name = csvin_name(csv);
	if (!in->o->quiet)
		csvin_set_progress(csv, program_name());
	rc = csvin_read(csv, on_row, in);
	if (rc < 0 && in->st->err.len == 0)
		stage_fail(in->st, "%s", csvin_error(csv));
	else if (rc == 0 && !f->have_header)
		rc = stage_fail(in->st, _("%s:1: empty file: a header row is required"),
		    f->name);
	if (rc == 0 && f->sha256 != NULL && strcmp(f->sha256, csvin_sha256(csv)) != 0)
		rc = stage_fail(in->st, _("%s changed while it was read"), f->name);
	if (rc == 0 && f->sha256 == NULL)   /* last year's: recorded with its registry */
		stage_read(in->st, f->path, csvin_sha256(csv));
	f->name = f->carried ? in->previous_members : in->o->input;
	csvin_close(csv);
	return rc == 0 ? 0 : EXIT_ERROR;
}

/* Last year's households.csv gives the village's form of its numbers. */
static void
registry_form(struct intake *in, const char *hid)
{
	size_t n = strlen(hid);
	int inserted;

	if (n == 0)
		return;
	hhnumber_put(&in->registry_form, hid, n, (uint32_t)in->registry_forms.len,
	    &inserted);
	if (inserted) {
		strbuf_add(&in->registry_forms, hid, n);
		strbuf_putc(&in->registry_forms, '\0');
	}
	if (text_digits(hid, n)) {
		in->registry_digits = 1;
		if (hid[0] == '0' && n > 1 && n > in->registry_width)
			in->registry_width = n;
	}
}

static void
summary(struct intake *in)
{
	size_t accepted_hh = 0, accepted_people = 0, rejected_hh = 0, carried = 0;
	char count[4][32];

	for (size_t h = 0; h < in->roster.nhouseholds; h++) {
		if (in->roster.households[h].rejected) {
			rejected_hh++;
		} else {
			accepted_hh++;
			accepted_people += in->roster.households[h].people;
			carried += in->roster.households[h].carried;
		}
	}
	/* TRANSLATORS: the summary of a run; counts are written like 1,234. */
	fprintf(stderr, _("applicants: %s households, %s people accepted; %s "
	    "households rejected"), text_count(count[0], accepted_hh),
	    text_count(count[1], accepted_people), text_count(count[2], rejected_hh));
	if (in->previous_members != NULL)
		fprintf(stderr, _("; %s carried from last year's registry"),
		    text_count(count[3], carried));
	if (in->empty_rows > 0)
		fprintf(stderr, ngettext("; %s empty row skipped",
		    "; %s empty rows skipped", in->empty_rows),
		    text_count(count[3], in->empty_rows));
	fputc('\n', stderr);
}

int
apply_run(const struct apply_options *o)
{
	struct intake in;
	struct stage st;
	struct source_file apps, prev;
	struct outfile *out, *rej;
	char *rejects_path = NULL;
	int status = EXIT_ERROR;

	memset(&in, 0, sizeof in);
	memset(&apps, 0, sizeof apps);
	memset(&prev, 0, sizeof prev);
	in.o = o;
	in.st = &st;
	strmap_init(&in.exited);
	strmap_init(&in.applied);
	strmap_init(&in.registry_form);
	idlist_init(&in.people);
	stage_begin(&st, "apply", o->quiet);
	stage_target(&st, o->output);
	st.town_dir = o->town;
	st.county_dir = o->county;
	if (stage_load_village(&st, o->village, 1) != 0 ||
	    stage_load_columns(&st, o->columns) != 0 ||
	    stage_input(&st, o->input) != 0)
		goto out;
	/* --previous: last year's registry folder, else the one village.yaml
	 * names; checked whole before any of it is carried. */
	{
		const char *last = o->previous ? o->previous : st.village.previous;

		if (last != NULL && stage_load_previous(&st, &in.previous, last) != 0)
			goto out;
		if (last != NULL) {
			struct previous_registry *p = &in.previous;

			in.previous_members = xstrdup(p->path[PREVIOUS_MEMBERS]);
			for (size_t i = 0; i < p->nhouseholds; i++)
			{
				const char *hid = p->households[i].id;

				if (p->households[i].status == STATUS_EXITED)
					hhnumber_put(&in.exited, hid, strlen(hid), 0, NULL);
				registry_form(&in, hid);
			}
		}
	}
	in.lang = st.lang;
	if ((out = stage_output(&st, o->output, OUTFILE_PRIVATE)) == NULL)
		goto out;
	rejects_path = o->rejects ? xstrdup(o->rejects) :
	    stage_beside(&st, out, "rejects-apply.csv");
	if ((rej = stage_output(&st, rejects_path, OUTFILE_PUBLIC)) == NULL)
		goto out;
	in.ids = id_checker_new(st.village.year);
	rejects_init(&in.rejects, "apply", st.village.code);
	apps.path = o->input;
	if (read_file(&in, &apps) != 0)
		goto out;
	if (in.previous_members != NULL) {
		prev.path = in.previous_members;
		prev.carried = 1;
		prev.sha256 = in.previous.sha256[PREVIOUS_MEMBERS];
		if (read_file(&in, &prev) != 0)
			goto out;
	}
	judge_duplicates(&in);
	judge_households(&in);
	restore_forms(&in);
	write_applicants(&in, out);
	rejects_write(&in.rejects, rej);
	if (stage_commit(&st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet)
		summary(&in);
out:
	free(rejects_path);
	free(in.previous_members);
	previous_free(&in.previous);
	columns_free(&apps.cols);
	columns_free(&prev.cols);
	for (size_t e = 0; e < in.nextra; e++)
		free(in.extra[e]);
	free(in.extra);
	free(in.extra_cell);
	free(in.cells);
	free(in.lens);
	if (in.roster_ready)
		roster_free(&in.roster);
	idlist_free(&in.people);
	rejects_free(&in.rejects);
	id_checker_free(in.ids);
	strmap_free(&in.exited);
	strmap_free(&in.applied);
	strmap_free(&in.registry_form);
	strbuf_free(&in.registry_forms);
	strbuf_free(&in.msg);
	strbuf_free(&in.quote);
	strbuf_free(&in.err);
	return stage_end(&st, status);
}
