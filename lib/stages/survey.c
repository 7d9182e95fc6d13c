#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/columns.h"
#include "io/csvout.h"
#include "values/date.h"
#include "io/diag.h"
#include "values/enums.h"
#include "household/household.h"
#include "values/money.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "io/provenance.h"
#include "io/rejects.h"
#include "rules/rules.h"
#include "stages/survey.h"
#include "values/text.h"
#include "rules/village.h"

/* Applicant columns survey reads. */
enum { A_VILLAGE, A_HOUSEHOLD, A_NAME, A_ID, A_RELATION, A_BIRTH, A_NKNOWN };
static const char *const a_known[A_NKNOWN] = { "village_code", "household_id",
	"name", "id_number", "relation", "birth_date" };
static const unsigned char a_required[A_NKNOWN] = { [A_HOUSEHOLD] = 1,
	[A_NAME] = 1, [A_ID] = 1, [A_RELATION] = 1 };

/* Survey columns, in primary.csv order after household_id. */
enum { S_HOUSEHOLD, S_DATE, S_SURVEYORS, S_WAGE, S_BUSINESS, S_PROPERTY,
	S_TRANSFER, S_HOUSING, S_WATER, S_DIBAO, S_CAUSE, S_NKNOWN };
static const char *const s_known[S_NKNOWN] = { "household_id", "survey_date",
	"surveyors", "wage_income", "business_income", "property_income",
	"transfer_income", "housing", "drinking_water", "dibao", "main_cause" };
static const unsigned char s_required[S_NKNOWN] = { 1, 1, 1, 1, 1, 1, 1 };
static const struct enum_def *const s_enums[S_NKNOWN] = {
	[S_HOUSING] = &enum_housing, [S_WATER] = &enum_drinking_water,
	[S_DIBAO] = &enum_yes_no, [S_CAUSE] = &enum_cause };

/* The primary list's leading columns. */
static const char *const primary_head[] = { "village_code", "household_id",
	"head_name", "head_id_number", "members", "per_capita_income",
	"poverty_line", "decision", "reasons" };
#define NHEAD (sizeof primary_head / sizeof primary_head[0])

enum survey_state { NO_SURVEY, SURVEYED, SURVEY_REJECTED };

struct stage {
	const struct survey_options *o;
	struct rules rules;
	struct village village;
	int have_village;
	int year;                    /* for ages */
	struct column_aliases *aliases;
	char err[1024];

	/* applicants */
	const char *afile;
	struct columns acols;
	struct roster roster;

	/* survey */
	const char *sfile;
	struct columns scols;
	size_t nout;                 /* survey columns written (not household_id) */
	const char **out_names;
	int *out_cell;               /* header cell of each, or -1 */
	unsigned char *out_numeric;  /* must hold a number */
	char *cells;                 /* normalised survey cells, by household */
	size_t cells_len, cells_cap;
	uint64_t *cells_of;          /* per household: offset in cells */
	unsigned char *state;        /* per household: enum survey_state */
	uint32_t *survey_line;       /* per household: line of its survey row */
	unsigned long survey_rows;

	/* rule scopes */
	const char **hh_names, **member_names;
	size_t nhh, nmember;

	struct rejects srejects;
	int hint[S_NKNOWN];          /* enumeration value last seen per column */
};

static int
applicant_header(struct stage *st, const struct csvin_row *row)
{
	if (columns_header(&st->acols, st->aliases, st->afile, row, a_known,
	    a_required, A_NKNOWN, st->err, sizeof st->err) != 0)
		return 1;
	roster_init(&st->roster, row->n);
	return 0;
}

static int
on_applicant(void *ctx, const struct csvin_row *row)
{
	struct stage *st = ctx;
	const char *hid, *rel;
	uint32_t h;
	int r, head;

	if (row->index == 0)
		return applicant_header(st, row);
	hid = columns_cell(&st->acols, row, A_HOUSEHOLD, NULL);
	if (row->n != st->acols.ncells || *hid == '\0') {
		const char *id = columns_cell(&st->acols, row, A_ID, NULL);

		rejects_add(&st->srejects, row->line, hid, id, strlen(id),
		    *hid ? "" : "household_id", *hid ? "RAGGED_ROW" : "MISSING_FIELD",
		    "%s", *hid ? "the row's cells do not match the header" :
		    "household_id is empty");
		return 0;
	}
	rel = columns_cell(&st->acols, row, A_RELATION, NULL);
	r = enum_lookup(&enum_relation, rel, strlen(rel));
	head = r >= 0 && strcmp(enum_relation.values[r].code, "head") == 0;
	h = roster_household(&st->roster, hid, strlen(hid), row->line);
	roster_add(&st->roster, h, row->line, head, NULL,
	    (const char *const *)row->cell, row->len);
	return 0;
}

/* Which columns the rules compare as numbers. */
static void
mark_numeric(void *ctx, const char *field, int member)
{
	struct stage *st = ctx;

	if (member)
		return;
	for (size_t i = 0; i < st->nout; i++)
		if (strcmp(st->out_names[i], field) == 0)
			st->out_numeric[i] = 1;
}

/* Household scope: survey columns, the head's applicant columns, members,
 * per_capita_income. Member scope: applicant columns and age. */
static int
bind_rules(struct stage *st)
{
	size_t n = 0;

	st->hh_names = xcalloc(st->nout + st->acols.ncells + 3, sizeof *st->hh_names);
	st->hh_names[n++] = "household_id";
	for (size_t i = 0; i < st->nout; i++)
		st->hh_names[n++] = st->out_names[i];
	for (size_t i = 0; i < st->acols.ncells; i++)
		st->hh_names[n++] = st->acols.name[i] ? st->acols.name[i] : "";
	st->hh_names[n++] = "members";
	st->hh_names[n++] = "per_capita_income";
	st->nhh = n;
	st->nmember = st->acols.ncells + 1;
	st->member_names = xcalloc(st->nmember, sizeof *st->member_names);
	for (size_t i = 0; i < st->acols.ncells; i++)
		st->member_names[i] = st->acols.name[i] ? st->acols.name[i] : "";
	st->member_names[st->acols.ncells] = "age";
	if (rules_bind(&st->rules.exclusions, st->hh_names, st->nhh,
	    st->member_names, st->nmember, st->err, sizeof st->err) != 0 ||
	    rules_bind(&st->rules.considerations, st->hh_names, st->nhh,
	    st->member_names, st->nmember, st->err, sizeof st->err) != 0)
		return -1;
	for (size_t i = 0; i < st->rules.exclusions.n; i++)
		cond_numeric_fields(st->rules.exclusions.items[i].when, mark_numeric, st);
	for (size_t i = 0; i < st->rules.considerations.n; i++)
		cond_numeric_fields(st->rules.considerations.items[i].when, mark_numeric, st);
	return 0;
}

static int
survey_header(struct stage *st, const struct csvin_row *row)
{
	size_t n = 0;

	if (columns_header(&st->scols, st->aliases, st->sfile, row, s_known,
	    s_required, S_NKNOWN, st->err, sizeof st->err) != 0)
		return 1;
	st->out_names = xcalloc(S_NKNOWN + row->n, sizeof *st->out_names);
	st->out_cell = xcalloc(S_NKNOWN + row->n, sizeof *st->out_cell);
	st->out_numeric = xcalloc(S_NKNOWN + row->n, 1);
	for (int k = 1; k < S_NKNOWN; k++) {
		st->out_names[n] = s_known[k];
		st->out_numeric[n] = k >= S_WAGE && k <= S_TRANSFER;
		st->out_cell[n++] = st->scols.pos[k];
	}
	for (size_t i = 0; i < row->n; i++)
		if (st->scols.slot[i] < 0 && st->scols.name[i] != NULL) {
			st->out_names[n] = st->scols.name[i];
			st->out_cell[n++] = (int)i;
		}
	st->nout = n;
	return bind_rules(st) != 0;
}

struct srow {
	struct stage *st;
	const struct csvin_row *row;
	const char *hid;
	int problems;
};

static void
sproblem(struct srow *s, const char *field, const char *code, const char *fmt,
    const char *value)
{
	rejects_add(&s->st->srejects, s->row->line, s->hid, NULL, 0, field, code,
	    fmt, field, value);
	s->problems++;
}

/* Normalise survey cell I of ROW into BUF; returns the text to store. */
static const char *
normalise(struct srow *s, size_t i, char *buf)
{
	struct stage *st = s->st;
	int pos = st->out_cell[i];
	const char *v = pos >= 0 && (size_t)pos < s->row->n ? s->row->cell[pos] : "";
	size_t n = strlen(v);
	int k = i + 1 < S_NKNOWN ? (int)i + 1 : -1;
	long long fen;
	long days;

	if (k == S_DATE || k == S_SURVEYORS || (k >= S_WAGE && k <= S_TRANSFER)) {
		if (n == 0) {
			sproblem(s, st->out_names[i], "MISSING_FIELD", "%s is empty%s", "");
			return "";
		}
	}
	if (n == 0)
		return "";
	if (k == S_DATE) {
		if (date_parse(v, n, &days) != 0) {
			sproblem(s, st->out_names[i], "BAD_DATE", "%s \"%s\" is not a date", v);
			return "";
		}
		return date_format(buf, days);
	}
	if (k > 0 && s_enums[k] != NULL) {
		int e = enum_lookup_hint(s_enums[k], v, n, &st->hint[k]);

		if (e < 0) {
			char codes[300], fmt[400];

			snprintf(fmt, sizeof fmt, "%%s \"%%s\" is not one of: %s",
			    enum_codes(s_enums[k], codes, sizeof codes));
			sproblem(s, st->out_names[i], "BAD_VALUE", fmt, v);
			return "";
		}
		return s_enums[k]->values[e].code;
	}
	if (st->out_numeric[i]) {
		if (money_parse(v, n, &fen) != 0) {
			sproblem(s, st->out_names[i], "BAD_VALUE", "%s \"%s\" is not an amount", v);
			return "";
		}
		if (fen < 0 && k >= S_WAGE && k <= S_TRANSFER && k != S_BUSINESS) {
			sproblem(s, st->out_names[i], "BAD_VALUE",
			    "%s \"%s\" cannot be negative (only business_income can)", v);
			return "";
		}
		return money_format(buf, fen);
	}
	return v;
}

static int
on_survey(void *ctx, const struct csvin_row *row)
{
	struct stage *st = ctx;
	struct srow s = { st, row, "", 0 };
	uint32_t *hp;
	uint32_t h = NO_HOUSEHOLD;
	uint64_t off;

	if (row->index == 0)
		return survey_header(st, row);
	st->survey_rows++;
	s.hid = columns_cell(&st->scols, row, S_HOUSEHOLD, NULL);
	if (row->n != st->scols.ncells) {
		char count[64];

		snprintf(count, sizeof count, "%zu cells, the header has %zu",
		    row->n, st->scols.ncells);
		sproblem(&s, "", "RAGGED_ROW", "%sthe row has %s", count);
	}
	if (*s.hid == '\0') {
		sproblem(&s, "household_id", "MISSING_FIELD", "%s is empty%s", "");
		return 0;
	}
	hp = strmap_get(&st->roster.index, s.hid, strlen(s.hid));
	if (hp == NULL) {
		sproblem(&s, "household_id", "ORPHAN_SURVEY",
		    "%s \"%s\" is not in the applicants", s.hid);
		return 0;
	}
	h = *hp;
	if (st->state[h] != NO_SURVEY) {
		/* Two rows for one household: neither can be trusted. */
		if (st->survey_line[h] != 0)
			rejects_add(&st->srejects, st->survey_line[h], s.hid, NULL, 0,
			    "household_id", "DUPLICATE_SURVEY",
			    "household %s has more than one survey row", s.hid);
		st->survey_line[h] = 0;
		st->state[h] = SURVEY_REJECTED;
		rejects_add(&st->srejects, row->line, s.hid, NULL, 0, "household_id",
		    "DUPLICATE_SURVEY", "household %s has more than one survey row", s.hid);
		return 0;
	}
	st->survey_line[h] = (uint32_t)row->line;
	off = st->cells_len;
	for (size_t i = 0; i < st->nout; i++) {
		char buf[MONEY_BUF + DATE_BUF];
		const char *v = normalise(&s, i, buf);
		size_t n = strlen(v);

		xgrow(&st->cells, &st->cells_cap, st->cells_len + n + 1, 1);
		memcpy(st->cells + st->cells_len, v, n + 1);
		st->cells_len += n + 1;
	}
	st->cells_of[h] = off;
	st->state[h] = s.problems ? SURVEY_REJECTED : SURVEYED;
	if (s.problems)
		st->survey_line[h] = 0;   /* its own rejects say why */
	return 0;
}

/* Evaluation of one household. */
struct verdict {
	const char *decision;
	char reasons[1024];
	long long pci;        /* fen; valid when surveyed */
};

static void
add_reason(struct verdict *v, const char *id)
{
	size_t n = strlen(v->reasons);

	snprintf(v->reasons + n, sizeof v->reasons - n, "%s%s", n ? ";" : "", id);
}

/* Scratch space reused from household to household. */
struct scratch {
	const char **hh;
	const char **members;
	const char **labels;
	char (*ages)[16];
	size_t cap;
	char members_buf[24], pci_buf[MONEY_BUF];
};

static int
eval_rule(const struct rule *r, struct cond_context *ctx, const char *hid)
{
	int res;

	if (ctx->trace != NULL)
		trace_printf(ctx->trace, "%s  %s%s%s\n", r->id, r->title ? r->title : "",
		    r->title_zh ? " / " : "", r->title_zh ? r->title_zh : "");
	if (ctx->trace != NULL)
		ctx->trace->depth = 1;
	res = cond_eval(r->when, ctx);
	if (res < 0)
		die(EXIT_ERROR, "%s: rule %s on household %s: %s", r->file, r->id,
		    hid, ctx->err);
	if (ctx->trace != NULL) {
		ctx->trace->depth = 0;
		trace_printf(ctx->trace, "  => %s %s\n\n", r->id, res ? "HOLDS" : "does not hold");
	}
	return res;
}

/* Decide household H, whose people are PEOPLE[0..N) (head first). */
static void
decide(struct stage *st, uint32_t h, const uint32_t *people, size_t n,
    struct scratch *sc, struct trace *trace, struct verdict *v)
{
	size_t width = st->acols.ncells + 1, k = 0;
	const char *hid = roster_household_id(&st->roster, h);
	const char *survey = st->cells + st->cells_of[h];
	const char **head = NULL;
	struct cond_context ctx;
	long long sum = 0, fen;
	char err[512];
	int any;

	v->reasons[0] = '\0';
	v->pci = 0;
	if (st->state[h] != SURVEYED) {
		v->decision = "unverified";
		add_reason(v, "SURVEY_MISSING");
		return;
	}
	if (n > sc->cap) {
		sc->cap = n * 2;
		sc->members = xrealloc(sc->members, sc->cap * width * sizeof *sc->members);
		sc->labels = xrealloc(sc->labels, sc->cap * sizeof *sc->labels);
		sc->ages = xrealloc(sc->ages, sc->cap * sizeof *sc->ages);
	}
	for (size_t m = 0; m < n; m++) {
		const char **row = sc->members + m * width;
		const char *birth;
		long days;
		int age;

		roster_cells(&st->roster, people[m], row);
		if (m == 0)
			head = row;
		birth = st->acols.pos[A_BIRTH] >= 0 ? row[st->acols.pos[A_BIRTH]] : "";
		sc->ages[m][0] = '\0';
		if (*birth && date_parse(birth, strlen(birth), &days) == 0 &&
		    st->year > 0 && (age = date_age_at_year_end(days, st->year)) >= 0)
			snprintf(sc->ages[m], sizeof sc->ages[m], "%d", age);
		row[width - 1] = sc->ages[m];
		sc->labels[m] = row[st->acols.pos[A_NAME]];
	}
	/* Household values: household_id, survey, head's applicant row,
	 * members, per_capita_income. */
	sc->hh[k++] = hid;
	for (size_t i = 0; i < st->nout; i++) {
		sc->hh[k++] = survey;
		if (i + 1 < S_NKNOWN && i + 1 >= S_WAGE && i + 1 <= S_TRANSFER &&
		    money_parse(survey, strlen(survey), &fen) == 0)
			sum += fen;
		survey += strlen(survey) + 1;
	}
	for (size_t i = 0; i < st->acols.ncells; i++)
		sc->hh[k++] = head[i];
	v->pci = money_div_round(sum, (long long)n);
	snprintf(sc->members_buf, sizeof sc->members_buf, "%zu", n);
	sc->hh[k++] = sc->members_buf;
	sc->hh[k++] = money_format(sc->pci_buf, v->pci);

	ctx.household = sc->hh;
	ctx.nmembers = n;
	ctx.members = sc->members;
	ctx.member_width = width;
	ctx.member_labels = sc->labels;
	ctx.trace = trace;
	ctx.err = err;
	ctx.errlen = sizeof err;

	if (trace)
		trace_printf(trace, "-- exclusions (any that holds excludes)\n\n");
	for (size_t i = 0; i < st->rules.exclusions.n; i++)
		if (eval_rule(&st->rules.exclusions.items[i], &ctx, hid))
			add_reason(v, st->rules.exclusions.items[i].id);
	if (v->reasons[0] != '\0') {
		v->decision = "excluded";
		return;
	}
	if (v->pci < st->rules.poverty_line) {
		v->decision = "eligible";
		return;
	}
	/* At or above the line: within line x (1 + margin), considerations. */
	__extension__ typedef __int128 wide;
	if ((wide)v->pci * 1000000 <= (wide)st->rules.poverty_line * (1000000 + st->rules.margin)) {
		if (trace)
			trace_printf(trace, "-- considerations (income within the margin; any that holds admits)\n\n");
		any = 0;
		for (size_t i = 0; i < st->rules.considerations.n; i++)
			if (eval_rule(&st->rules.considerations.items[i], &ctx, hid)) {
				add_reason(v, st->rules.considerations.items[i].id);
				any = 1;
			}
		if (any) {
			v->decision = "eligible";
			return;
		}
	}
	v->decision = "above_line";
	add_reason(v, "INCOME");
}

static void
write_household(struct stage *st, struct csvout *w, uint32_t h,
    const uint32_t *people, size_t n, const struct verdict *v,
    const char **cells)
{
	const char *vcode = st->have_village ? st->village.code : "";
	const char *survey = st->cells + st->cells_of[h];
	char buf[MONEY_BUF];

	roster_cells(&st->roster, people[0], cells);
	if (st->acols.pos[A_VILLAGE] >= 0 && *cells[st->acols.pos[A_VILLAGE]])
		vcode = cells[st->acols.pos[A_VILLAGE]];
	csvout_str(w, vcode);
	csvout_str(w, roster_household_id(&st->roster, h));
	if (st->roster.households[h].heads == 1 && st->roster.people[people[0]].head) {
		csvout_str(w, cells[st->acols.pos[A_NAME]]);
		csvout_str(w, cells[st->acols.pos[A_ID]]);
	} else {
		csvout_str(w, "");
		csvout_str(w, "");
	}
	csvout_int(w, (long long)n);
	csvout_str(w, st->state[h] == SURVEYED ? money_format(buf, v->pci) : "");
	csvout_fen(w, st->rules.poverty_line);
	csvout_str(w, v->decision);
	csvout_str(w, v->reasons);
	for (size_t i = 0; i < st->nout; i++) {
		if (st->state[h] == SURVEYED) {
			csvout_str(w, survey);
			survey += strlen(survey) + 1;
		} else {
			csvout_str(w, "");
		}
	}
	csvout_end(w);
}

static void
read_csv(struct stage *st, const char *path, csvin_fn fn, struct csvin **keep)
{
	struct csvin *in = csvin_open(path, st->o->encoding, st->err, sizeof st->err);
	int rc;

	if (in == NULL)
		die(EXIT_ERROR, "%s", st->err);
	if (!st->o->quiet)
		csvin_set_progress(in, diag_program());
	if (fn == on_applicant)
		st->afile = csvin_name(in);
	else
		st->sfile = csvin_name(in);
	rc = csvin_read(in, fn, st);
	if (rc != 0)
		die(EXIT_ERROR, "%s", rc < 0 ? csvin_error(in) : st->err);
	if (csvin_bytes(in) == 0 || (fn == on_applicant ? st->acols.ncells : st->scols.ncells) == 0)
		die(EXIT_ERROR, "%s:1: empty file: a header row is required", csvin_name(in));
	*keep = in;
}

static void
load_rules(struct stage *st)
{
	const char *path = st->o->rules;

	if (st->o->village != NULL) {
		if (village_load(&st->village, st->o->village, st->err, sizeof st->err) != 0)
			die(EXIT_ERROR, "%s", st->err);
		st->have_village = 1;
	}
	if (path == NULL && st->have_village)
		path = st->village.rules_path;
	if (path == NULL)
		die(EXIT_ERROR, "no rules: give --rules, or --village with a "
		    "village.yaml that names its rules");
	st->rules.include_anywhere = st->o->include_anywhere;
	if (rules_load(&st->rules, path, st->err, sizeof st->err) != 0)
		die(EXIT_ERROR, "%s", st->err);
	st->year = st->rules.year ? st->rules.year : st->have_village ? st->village.year : 0;
}

int
survey_run(const struct survey_options *o)
{
	struct stage st;
	struct csvin *ain, *sin;
	struct outfile *out = NULL, *rej = NULL;
	struct csvout w;
	struct scratch sc;
	uint32_t *order, *people;
	char *rejects_path = NULL;
	char out_sha[DIGEST_HEX], rej_sha[DIGEST_HEX], count[8][32];
	size_t counts[4] = { 0 }, explained = 0;
	struct trace trace = { NULL, 0, 0, 0 };

	memset(&st, 0, sizeof st);
	memset(&sc, 0, sizeof sc);
	st.o = o;
	load_rules(&st);
	st.aliases = aliases_new();
	if (o->columns && aliases_load(st.aliases, o->columns, st.err, sizeof st.err) != 0)
		die(EXIT_ERROR, "%s", st.err);

	rejects_init(&st.srejects, "survey", path_base(o->applicants),
	    st.have_village ? st.village.code : "");
	read_csv(&st, o->applicants, on_applicant, &ain);
	if (!st.have_village && st.roster.npeople > 0 && st.acols.pos[A_VILLAGE] >= 0) {
		const char **cells = xcalloc(st.roster.ncells, sizeof *cells);

		roster_cells(&st.roster, 0, cells);
		st.srejects.village_code = cells[st.acols.pos[A_VILLAGE]];
		free(cells);
	}
	rejects_file(&st.srejects, path_base(o->survey));
	st.cells_of = xcalloc(st.roster.nhouseholds + 1, sizeof *st.cells_of);
	st.state = xcalloc(st.roster.nhouseholds + 1, 1);
	st.survey_line = xcalloc(st.roster.nhouseholds + 1, sizeof *st.survey_line);
	if (o->explain == NULL) {
		if ((out = outfile_open(o->output, OUTFILE_PRIVATE, st.err, sizeof st.err)) == NULL)
			die(EXIT_ERROR, "%s", st.err);
		/* Beside the output, unless that is written in place (a device). */
		rejects_path = o->rejects ? xstrdup(o->rejects) : path_beside(
		    outfile_in_place(out) ? NULL : o->output, "rejects-survey.csv");
		if ((rej = outfile_open(rejects_path, OUTFILE_PUBLIC, st.err, sizeof st.err)) == NULL)
			die(EXIT_ERROR, "%s", st.err);
	}
	read_csv(&st, o->survey, on_survey, &sin);

	sc.hh = xcalloc(st.nhh, sizeof *sc.hh);
	order = roster_order(&st.roster);
	if (out != NULL) {
		csvout_init(&w, out, CSVOUT_DATA);
		for (size_t i = 0; i < NHEAD; i++)
			csvout_str(&w, primary_head[i]);
		for (size_t i = 0; i < st.nout; i++)
			csvout_str(&w, st.out_names[i]);
		csvout_end(&w);
	}
	people = order;
	while (people < order + st.roster.npeople) {
		uint32_t h = st.roster.people[*people].household;
		size_t n = 0;
		struct verdict v;
		int explain = o->explain && strcmp(o->explain, roster_household_id(&st.roster, h)) == 0;

		while (people + n < order + st.roster.npeople &&
		    st.roster.people[people[n]].household == h)
			n++;
		decide(&st, h, people, n, &sc, explain ? &trace : NULL, &v);
		if (explain) {
			char line[MONEY_BUF], pci[MONEY_BUF];

			printf("household %s: members %zu, per-capita income %s, "
			    "poverty line %s (margin to %s)\n\n", o->explain, n,
			    st.state[h] == SURVEYED ? money_format(pci, v.pci) : "unknown (no valid survey row)",
			    money_format(line, st.rules.poverty_line),
			    money_format((char[MONEY_BUF]){ 0 },
			    (st.rules.poverty_line * (1000000 + st.rules.margin)) / 1000000));
			if (trace.text)
				fputs(trace.text, stdout);
			printf("decision: %s%s%s\n", v.decision, v.reasons[0] ? "  reasons: " : "", v.reasons);
			explained = 1;
		}
		if (out != NULL)
			write_household(&st, &w, h, people, n, &v, sc.hh);
		counts[v.decision[0] == 'e' && v.decision[1] == 'l' ? 0 :
		    v.decision[0] == 'e' ? 1 : v.decision[0] == 'a' ? 2 : 3]++;
		people += n;
	}
	if (o->explain != NULL) {
		if (!explained)
			die(EXIT_ERROR, "household %s is not in %s", o->explain, st.afile);
		if (fflush(stdout) != 0)
			die(EXIT_ERROR, "standard output: write error");
	} else {
		rejects_write(&st.srejects, rej);
		if (outfile_finish(out, out_sha, st.err, sizeof st.err) != 0 ||
		    outfile_finish(rej, rej_sha, st.err, sizeof st.err) != 0)
			die(EXIT_ERROR, "%s", st.err);
		struct provenance p, *pp = NULL;

		if (!outfile_in_place(out)) {
			pp = &p;
			provenance_init(pp, "survey", o->output);
			provenance_rules(pp, st.rules.path, st.rules.sha256);
			provenance_input(pp, o->applicants, csvin_sha256(ain));
			provenance_input(pp, o->survey, csvin_sha256(sin));
			if (st.have_village)
				provenance_input(pp, st.village.path, st.village.sha256);
			for (size_t i = 1; i < st.rules.nfiles; i++)
				provenance_input(pp, st.rules.files[i].path, st.rules.files[i].sha256);
			provenance_output(pp, o->output, out_sha);
			if (!outfile_in_place(rej))
				provenance_output(pp, rejects_path, rej_sha);
		}
		if (provenance_seal(pp, (struct outfile *const[]){ out, rej }, 2, st.err, sizeof st.err) != 0)
			die(EXIT_ERROR, "%s", st.err);
		if (pp != NULL) {
			warnlines(provenance_notes(pp));
			provenance_free(pp);
		}
		if (!o->quiet)
			fprintf(stderr, "primary: %s households: %s eligible, %s "
			    "excluded, %s above the line, %s unverified; %s problems "
			    "in the survey rejects\n",
			    text_count(count[0], st.roster.nhouseholds),
			    text_count(count[1], counts[0]), text_count(count[2], counts[1]),
			    text_count(count[3], counts[2]), text_count(count[4], counts[3]),
			    text_count(count[5], st.srejects.n));
	}

	free(trace.text);
	free(order);
	free(sc.hh);
	free(sc.members);
	free(sc.labels);
	free(sc.ages);
	csvin_close(ain);
	csvin_close(sin);
	free(rejects_path);
	free(st.out_names);
	free(st.out_cell);
	free(st.out_numeric);
	free(st.cells);
	free(st.cells_of);
	free(st.state);
	free(st.survey_line);
	free(st.hh_names);
	free(st.member_names);
	columns_free(&st.acols);
	columns_free(&st.scols);
	roster_free(&st.roster);
	rejects_free(&st.srejects);
	aliases_free(st.aliases);
	rules_free(&st.rules);
	if (st.have_village)
		village_free(&st.village);
	return EXIT_DONE;
}
