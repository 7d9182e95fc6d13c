/* The registry built: the confirmed list, the primary list, the
 * applicants and last year's registry in; each household decided with
 * decide/registry; households.csv, members.csv and history.csv out. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "decide/filing.h"
#include "household/registryfile.h"
#include "io/csvout.h"
#include "values/hhnumber.h"

const char *
card_member_cell(const char *text, const struct card_member *m, size_t i)
{
	const char *s = text + m->cells + 1;

	while (i-- > 0)
		s += strlen(s) + 1;
	return s;
}

static struct filed *
reg_of(struct filing *f, const char *id)
{
	uint32_t *r = hhnumber_get(&f->index, id, strlen(id));

	return r ? &f->reg[*r] : NULL;
}

static struct filed *
reg_add(struct filing *f, const char *id)
{
	struct filed *r = reg_of(f, id);

	if (r != NULL)
		return r;
	xgrow(&f->reg, &f->reg_cap, f->nreg + 1, sizeof *f->reg);
	r = &f->reg[f->nreg];
	memset(r, 0, sizeof *r);
	r->id = xstrdup(id);
	r->primary = hhlist_lookup(f->primary, id);
	r->confirmed_row = -1;
	r->exits = -1;
	r->attribute = r->cause = -1;
	hhnumber_put(&f->index, id, strlen(id), (uint32_t)f->nreg, NULL);
	f->nreg++;
	return r;
}

/* Last year's registry, read and checked whole: its households with
 * their status, and the households of its history.csv. */
static void
take_previous(struct filing *f, const struct previous_registry *p)
{
	for (size_t i = 0; i < p->nhouseholds; i++) {
		const struct previous_household *h = &p->households[i];
		struct filed *r = reg_add(f, h->id);

		r->prev.known = 1;
		r->prev.status = h->status;
		r->prev.registered_since = h->registered_since;
		r->prev.exited_year = h->exited_year;
	}
	for (size_t i = 0; i < p->nhistory; i++) {
		const struct previous_household *h = &p->history[i];

		f->history_ids = xrealloc(f->history_ids, (f->nhistory + 1) * sizeof *f->history_ids);
		f->history_since = xrealloc(f->history_since, (f->nhistory + 1) * sizeof *f->history_since);
		f->history_exited = xrealloc(f->history_exited, (f->nhistory + 1) * sizeof *f->history_exited);
		f->history_ids[f->nhistory] = xstrdup(h->id);
		f->history_since[f->nhistory] = h->registered_since;
		f->history_exited[f->nhistory] = h->exited_year;
		hhnumber_put(&f->history, h->id, strlen(h->id), (uint32_t)f->nhistory, NULL);
		f->nhistory++;
	}
}

/* Fields of the rules: the primary list's columns (the survey's, members,
 * per_capita_income), then the head's applicant cells; for a member, the
 * applicant cells and age. */
static int
slot(void *ctx, const char *field, int member, size_t line, size_t col)
{
	struct filing *f = ctx;
	int c;

	(void)line;
	(void)col;
	if (member) {
		if (strcmp(field, "age") == 0)
			return (int)f->ncells;
		if ((c = schema_find(f->aschema, field)) >= 0) {
			f->awant[c] = 1;
			return c;
		}
		return -1;
	}
	if ((c = hhlist_find(f->primary, field)) >= 0)
		return c;
	if ((c = schema_find(f->aschema, field)) >= 0) {
		f->awant[c] = 1;
		return (int)f->primary->ncols + c;
	}
	return -1;
}

struct naming {
	struct filing *f;
	const char *what;
	const struct rule *rule;
};

static void
name_missing(void *ctx, const char *field, int member, size_t line, size_t col)
{
	struct naming *n = ctx;

	strbuf_printf(&n->f->missing, "%s:%zu:%zu: %s %s: %s is not a column of "
	    "the %s\n", n->rule ? n->rule->file : n->f->rules->exit_file, line,
	    col, n->what, n->rule ? n->rule->id : "", field, member ?
	    "members (applicants)" : "household (primary list, applicants' head row)");
}

static void
bind(struct filing *f, struct cond *c, const char *what, const struct rule *x)
{
	size_t n = cond_bind(c, slot, f);

	if (n > 0) {
		struct naming nm = { f, what, x };

		f->nmissing += n;
		cond_unbound(c, name_missing, &nm);
	}
}

static int
on_header(void *ctx, struct schema *s, struct strbuf *err)
{
	struct filing *f = ctx;
	const struct rules *r = f->rules;

	f->aschema = s;
	f->ncells = s->cols.ncells;
	f->hcol = s->cols.pos[P_HOUSEHOLD];
	f->awant = xcalloc(s->cols.ncells + 1, 1);
	f->aschema_names = xcalloc(s->cols.ncells + 1, sizeof *f->aschema_names);
	for (size_t i = 0; i < s->cols.ncells; i++)
		f->aschema_names[i] = s->cols.name[i] ? xstrdup(s->cols.name[i]) : NULL;
	for (size_t i = 0; i < s->cols.ncells; i++)
		f->awant[i] = 1;   /* members.csv has every column */
	for (size_t i = 0; i < r->attributes.n; i++)
		bind(f, r->attributes.items[i].when, "attribute", &r->attributes.items[i]);
	for (size_t i = 0; i < r->causes.n; i++)
		bind(f, r->causes.items[i].when, "cause", &r->causes.items[i]);
	if (r->exit != NULL)
		bind(f, r->exit, "exit", NULL);
	if (f->nmissing > 0) {
		strbuf_puts(err, strbuf_str(&f->missing));
		return -1;
	}
	schema_want(s, f->awant);
	return 0;
}

static uint32_t
store(struct filing *f, const char *s, size_t n)
{
	return (uint32_t)xstore(&f->text, &f->text_len, &f->text_cap, s, n);
}

static int
code_of(const struct household *h, const struct cell *cells, int pos,
    const struct enum_def *def)
{
	if (pos < 0 || cells[pos].len == 0 || h->mschema->field[pos]->codes != def)
		return -1;
	return (int)cells[pos].v;
}

/* Decide what the rules say of household H (its members from
 * applicants.csv; NULL when it has none). */
static void
decide(struct filing *f, struct filed *r, const struct household *h)
{
	struct cond_context cx;
	const struct rules *rules = f->rules;
	int main_cause = -1, mc;

	memset(&cx, 0, sizeof cx);
	xgrow(&f->hcells, &f->hcells_cap, f->primary->ncols + 1, sizeof *f->hcells);
	if (r->primary >= 0) {
		(void)hhlist_typed(f->primary, (size_t)r->primary, f->hcells);
		mc = hhlist_find(f->primary, "main_cause");
		if (mc >= 0 && f->hcells[mc].len > 0 && f->primary->field[mc]->codes == &enum_cause)
			main_cause = (int)f->hcells[mc].v;
	} else {
		memset(f->hcells, 0, (f->primary->ncols + 1) * sizeof *f->hcells);
	}
	cx.household = f->hcells;
	cx.household_width = f->primary->ncols;
	cx.htext = f->primary->text;
	if (h != NULL) {
		cx.members = h->mcells;
		cx.nmembers = h->nmembers;
		cx.member_width = h->mwidth;
		cx.mtext = h->text;
	}
	if (!r->confirmed && r->primary >= 0 && h != NULL) {
		int e = registry_exit(rules, &cx, NULL);

		if (e < 0) {
			strbuf_printf(&f->warn, _("household %s: the exit condition could "
			    "not be evaluated (a pattern went over its match limit)"), r->id);
			strbuf_putc(&f->warn, '\n');
		}
		r->exits = e < 0 ? -1 : e;
	}
	r->attribute = registry_attribute(rules, &cx, NULL);
	if (registry_causes(rules, &cx, main_cause, &r->cause, &f->others, NULL) != 0)
		r->cause = -1;
	free(r->others);
	r->others = xstrdup(strbuf_str(&f->others));
}

static int
on_household(void *ctx, const struct household *h)
{
	struct filing *f = ctx;
	struct filed *r = reg_of(f, h->id);
	const struct schema *s = h->mschema;

	if (r == NULL)
		return 0;
	r->seen = 1;
	if (h->bad > 0) {
		/* the survey left such a household unverified: applicants.csv
		 * was changed since, and the registry would miss members */
		strbuf_printf(&f->warn, _("household %s: %s has rows of it that "
		    "cannot be read (a cell that is not a value of its column, or "
		    "a row without household_id below it: merged cells?): its "
		    "registry entry may lack members"), r->id,
		    h->mschema->file);
		strbuf_putc(&f->warn, '\n');
	}
	decide(f, r, h);
	r->first_member = f->nmembers;
	r->nmembers = h->nmembers;
	for (size_t m = 0; m < h->nmembers; m++) {
		const struct cell *c = h->mcells + m * h->mwidth;
		struct card_member *cm;

		xgrow(&f->members, &f->members_cap, f->nmembers + 1, sizeof *f->members);
		cm = &f->members[f->nmembers++];
		memset(cm, 0, sizeof *cm);
		cm->cells = store(f, "", 0);
		for (size_t i = 0; i < h->mwidth; i++)
			(void)store(f, h->text + c[i].off, c[i].len);
		cm->labor = code_of(h, c, schema_find(s, "labor"), &enum_labor);
		cm->health = code_of(h, c, schema_find(s, "health"), &enum_health);
	}
	return 0;
}

static int
by_id(const void *a, const void *b)
{
	const struct filed *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

/* The survey's columns of the primary list: after the group, before the
 * appraisal's and publicity's; main_cause is the registry's own. */
static int
survey_column(const struct hhlist *l, size_t c)
{
	const char *name = l->names[c];

	for (int k = 0; k < L_NKNOWN; k++)
		if (strcmp(name, list_known[k]) == 0)
			return 0;
	return strcmp(name, "main_cause") != 0;
}

void
filing_write_households(struct filing *f, struct outfile *out)
{
	const struct hhlist *p = f->primary;
	struct csvout w;
	char num[32];

	csvout_init(&w, out, CSVOUT_DATA);
	for (size_t i = 0; i < REGISTRY_NHOUSEHOLD_COLUMNS; i++)
		csvout_str(&w, registry_household_columns[i]);
	for (size_t c = 0; c < p->ncols; c++)
		if (survey_column(p, c))
			csvout_str(&w, p->names[c]);
	csvout_end(&w);
	for (size_t i = 0; i < f->n; i++) {
		const struct filed *r = f->order[i];
		size_t row = r->primary >= 0 ? (size_t)r->primary : 0;
		int has = r->primary >= 0;

		csvout_str(&w, f->village_code);
		csvout_str(&w, r->id);
		csvout_str(&w, has ? hhlist_cell(p, row, p->col[L_HEAD_NAME]) : "");
		csvout_str(&w, has ? hhlist_cell(p, row, p->col[L_HEAD_ID]) : "");
		csvout_str(&w, has ? hhlist_cell(p, row, p->col[L_MEMBERS]) : "");
		csvout_str(&w, has ? hhlist_cell(p, row, p->col[L_PCI]) : "");
		csvout_str(&w, r->attribute >= 0 ? enum_code(&enum_attribute, r->attribute) : "");
		csvout_str(&w, r->cause >= 0 ? enum_code(&enum_cause, r->cause) : "");
		csvout_str(&w, r->others ? r->others : "");
		csvout_str(&w, status_code(r->st.status));
		csvout_int(&w, f->year);
		if (r->st.registered_since > 0)
			csvout_int(&w, r->st.registered_since);
		else
			csvout_str(&w, "");
		if (r->st.exited_year > 0) {
			snprintf(num, sizeof num, "%d", r->st.exited_year);
			csvout_str(&w, num);
		} else {
			csvout_str(&w, "");
		}
		for (size_t c = 0; c < p->ncols; c++)
			if (survey_column(p, c))
				csvout_str(&w, has ? hhlist_cell(p, row, (int)c) : "");
		csvout_end(&w);
	}
}

void
filing_write_members(struct filing *f, struct outfile *out)
{
	struct csvout w;

	csvout_init(&w, out, CSVOUT_DATA);
	for (size_t i = 0; i < f->ncells; i++)
		if (f->aschema_names[i] != NULL)
			csvout_str(&w, f->aschema_names[i]);
	csvout_str(&w, "age");
	csvout_end(&w);
	for (size_t i = 0; i < f->n; i++)
		for (size_t m = 0; m < f->order[i]->nmembers; m++) {
			const struct card_member *cm = &f->members[f->order[i]->first_member + m];
			const char *cell = card_member_cell(f->text, cm, 0);

			/* the cells lie one after the other: walk them once */
			for (size_t c = 0; c <= f->ncells; c++, cell += strlen(cell) + 1)
				if ((int)c == f->hcol)
					csvout_str(&w, f->order[i]->id);
				else if (c == f->ncells || f->aschema_names[c] != NULL)
					csvout_str(&w, cell);
			csvout_end(&w);
		}
}

/* A household not in last year's registry that exited in an earlier year
 * (history.csv) comes back as returned, its first year kept. */
static void
history_entry(struct filing *f, struct filed *r)
{
	const uint32_t *h;

	if (r->prev.known || (h = hhnumber_get(&f->history, r->id, strlen(r->id))) == NULL)
		return;
	r->prev.exited_year = f->history_exited[*h];
	if (r->prev.registered_since == 0)
		r->prev.registered_since = f->history_since[*h];
}

struct history_row {
	const char *id;
	int since, exited;
};

/* sorted by household number */
static int
by_history_id(const void *a, const void *b)
{
	return strcmp(((const struct history_row *)a)->id,
	    ((const struct history_row *)b)->id);
}

/* history.csv: the households that exited in this or an earlier year and
 * are not in this year's registry, so that a return is told next year. */
void
filing_write_history(struct filing *f, struct outfile *out)
{
	struct csvout w;
	struct history_row *rows = xcalloc(f->nhistory + f->nreg + 1, sizeof *rows);
	size_t n = 0;

	for (size_t i = 0; i < f->nhistory; i++) {
		struct filed *r = reg_of(f, f->history_ids[i]);

		if (r != NULL && r->st.listed)
			continue;
		rows[n].id = f->history_ids[i];
		rows[n].since = f->history_since[i];
		rows[n].exited = f->history_exited[i];
		n++;
	}
	for (size_t i = 0; i < f->nreg; i++) {
		struct filed *r = &f->reg[i];

		/* Exited last year, not registered again this year. */
		if (r->st.listed || !r->prev.known || r->prev.status != STATUS_EXITED)
			continue;
		if (hhnumber_get(&f->history, r->id, strlen(r->id)) != NULL)
			continue;
		rows[n].id = r->id;
		rows[n].since = r->prev.registered_since;
		rows[n].exited = r->prev.exited_year;
		n++;
	}
	qsort(rows, n, sizeof *rows, by_history_id);
	csvout_init(&w, out, CSVOUT_DATA);
	csvout_row(&w, registry_history_columns, REGISTRY_NHISTORY_COLUMNS);
	for (size_t i = 0; i < n; i++) {
		csvout_str(&w, rows[i].id);
		if (rows[i].since > 0)
			csvout_int(&w, rows[i].since);
		else
			csvout_str(&w, "");
		csvout_int(&w, rows[i].exited);
		csvout_end(&w);
	}
	free(rows);
}

void
filing_init(struct filing *f, const struct rules *rules,
    const char *village_code, int year, const struct hhlist *primary,
    const struct hhlist *confirmed)
{
	memset(f, 0, sizeof *f);
	f->rules = rules;
	f->village_code = village_code;
	f->year = year;
	f->primary = primary;
	f->confirmed = confirmed;
	strmap_init(&f->index);
	strmap_init(&f->history);
}

void
filing_previous(struct filing *f, const struct previous_registry *p)
{
	take_previous(f, p);
}

void
filing_confirmed(struct filing *f)
{
	const struct hhlist *c = f->confirmed;

	for (size_t i = 0; i < c->nrows; i++)
		if (c->row[i].decision == DEC_CONFIRMED) {
			const char *hid = hhlist_cell(c, i, c->col[L_HOUSEHOLD]);
			struct filed *r = reg_add(f, hid);

			/* The registry keeps the number as last year's wrote it. */
			if (strcmp(r->id, hid) != 0) {
				strbuf_printf(&f->warn, _("%s:%lu: household %s is written "
				    "%s in last year's registry (the same number): the "
				    "registry writes %s"), c->file,
				    (unsigned long)c->row[i].line, hid, r->id, r->id);
				strbuf_putc(&f->warn, '\n');
			}
			r->confirmed = 1;
			r->confirmed_row = (long)i;
		}
}

struct people_handler
filing_people(struct filing *f)
{
	struct people_handler h = { f, on_header, on_household, NULL, NULL };

	return h;
}

void
filing_finish(struct filing *f)
{
	f->order = xcalloc(f->nreg + 1, sizeof *f->order);
	f->n = 0;
	for (size_t i = 0; i < f->nreg; i++) {
		struct filed *r = &f->reg[i];

		if (!r->seen && r->confirmed)
			decide(f, r, NULL);
		history_entry(f, r);
		registry_status(r->confirmed, r->exits, &r->prev, f->year, &r->st);
		if (r->st.listed)
			f->order[f->n++] = r;
		if (r->st.listed && r->st.status == STATUS_UNEXPLAINED) {
			strbuf_printf(&f->unexplained, "%s%s", f->nunexplained ? ", " : "",
			    r->id);
			f->nunexplained++;
		}
	}
	qsort(f->order, f->n, sizeof *f->order, by_id);
}

void
filing_free(struct filing *f)
{
	for (size_t i = 0; i < f->nreg; i++) {
		free(f->reg[i].id);
		free(f->reg[i].others);
	}
	free(f->reg);
	strmap_free(&f->index);
	strmap_free(&f->history);
	for (size_t i = 0; i < f->nhistory; i++)
		free(f->history_ids[i]);
	free(f->history_ids);
	free(f->history_since);
	free(f->history_exited);
	free(f->members);
	free(f->text);
	free(f->awant);
	if (f->aschema_names != NULL)
		for (size_t i = 0; i < f->ncells; i++)
			free(f->aschema_names[i]);
	free(f->aschema_names);
	free(f->hcells);
	free(f->order);
	strbuf_free(&f->missing);
	strbuf_free(&f->others);
	strbuf_free(&f->unexplained);
	strbuf_free(&f->warn);
}
