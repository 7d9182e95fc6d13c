/* tpa-file: read the confirmed list, the primary list, the applicants and
 * last year's registry; decide attribute, causes, exit and status with
 * decide/registry; write the registry. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strmap.h"
#include "decide/registry.h"
#include "household/list.h"
#include "household/people.h"
#include "household/previous.h"
#include "household/registryfile.h"
#include "io/csvout.h"
#include "io/ledger.h"
#include "stages/auditarea.h"
#include "stages/cards.h"
#include "stages/notice.h"
#include "stages/file.h"
#include "stages/shell.h"
#include "stages/stats.h"
#include "values/hhnumber.h"
#include "values/money.h"
#include "values/text.h"

/* A household of this year's registry (or a candidate for it). */
struct reg {
	char *id;
	long primary;                /* its row in primary.csv, or -1 */
	long confirmed_row;          /* its row in the announced list, or -1 */
	int confirmed;
	struct registry_entry prev;
	struct registry_status st;
	int exits;                   /* -1: no survey to tell */
	int attribute, cause;
	char *others;
	size_t first_member, nmembers;
	int seen;
};

struct filing {
	const struct file_options *o;
	struct stage st;
	struct hhlist primary, confirmed;
	struct reg *reg;
	size_t nreg, reg_cap;
	struct strmap index;         /* household_id -> reg */
	struct strmap history;       /* households that exited before -> 1 + exited_year */
	char **history_ids;          /* with their registered_since */
	int *history_since, *history_exited;
	size_t nhistory;
	/* members of the listed households */
	struct card_member *members;
	size_t nmembers, members_cap;
	char *text;                  /* members' cells */
	size_t text_len, text_cap;
	/* applicants.csv */
	const struct schema *aschema;
	size_t ncells;               /* applicant header cells */
	int hcol;                    /* their household_id */
	char **aschema_names;        /* their names (NULL: unnamed), kept */
	unsigned char *awant;
	struct strbuf missing;
	size_t nmissing;
	struct cell *hcells;         /* the primary row, typed */
	struct strbuf others, err;
	int year;
};

static struct reg *
reg_of(struct filing *f, const char *id)
{
	uint32_t *r = hhnumber_get(&f->index, id, strlen(id));

	return r ? &f->reg[*r] : NULL;
}

static struct reg *
reg_add(struct filing *f, const char *id)
{
	struct reg *r = reg_of(f, id);

	if (r != NULL)
		return r;
	xgrow(&f->reg, &f->reg_cap, f->nreg + 1, sizeof *f->reg);
	r = &f->reg[f->nreg];
	memset(r, 0, sizeof *r);
	r->id = xstrdup(id);
	r->primary = hhlist_lookup(&f->primary, id);
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
		struct reg *r = reg_add(f, h->id);

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
	if ((c = hhlist_find(&f->primary, field)) >= 0)
		return c;
	if ((c = schema_find(f->aschema, field)) >= 0) {
		f->awant[c] = 1;
		return (int)f->primary.ncols + c;
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
	    "the %s\n", n->rule ? n->rule->file : n->f->st.rules.exit_file, line,
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
	struct rules *r = &f->st.rules;

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
decide(struct filing *f, struct reg *r, const struct household *h)
{
	struct cond_context cx;
	const struct rules *rules = &f->st.rules;
	int main_cause = -1, mc;

	memset(&cx, 0, sizeof cx);
	xgrow(&f->hcells, &(size_t){ 0 }, f->primary.ncols + 1, sizeof *f->hcells);
	if (r->primary >= 0) {
		(void)hhlist_typed(&f->primary, (size_t)r->primary, f->hcells);
		mc = hhlist_find(&f->primary, "main_cause");
		if (mc >= 0 && f->hcells[mc].len > 0 && f->primary.field[mc]->codes == &enum_cause)
			main_cause = (int)f->hcells[mc].v;
	} else {
		memset(f->hcells, 0, (f->primary.ncols + 1) * sizeof *f->hcells);
	}
	cx.household = f->hcells;
	cx.household_width = f->primary.ncols;
	cx.htext = f->primary.text;
	if (h != NULL) {
		cx.members = h->mcells;
		cx.nmembers = h->nmembers;
		cx.member_width = h->mwidth;
		cx.mtext = h->text;
	}
	if (!r->confirmed && r->primary >= 0 && h != NULL) {
		int e = registry_exit(rules, &cx, NULL);

		if (e < 0)
			stage_warn(&f->st, _("household %s: the exit condition could not "
			    "be evaluated (a pattern went over its match limit)"), r->id);
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
	struct reg *r = reg_of(f, h->id);
	const struct schema *s = h->mschema;

	if (r == NULL)
		return 0;
	r->seen = 1;
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
	const struct reg *const *x = a, *const *y = b;

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

static void
write_households(struct filing *f, struct reg **order, size_t n,
    struct outfile *out)
{
	static const char *const head[] = { "village_code", "household_id",
		"head_name", "head_id_number", "members", "per_capita_income",
		"attribute", "main_cause", "other_causes", "status", "year",
		"registered_since", "exited_year" };
	const struct hhlist *p = &f->primary;
	struct csvout w;
	char num[32];

	csvout_init(&w, out, CSVOUT_DATA);
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csvout_str(&w, head[i]);
	for (size_t c = 0; c < p->ncols; c++)
		if (survey_column(p, c))
			csvout_str(&w, p->names[c]);
	csvout_end(&w);
	for (size_t i = 0; i < n; i++) {
		const struct reg *r = order[i];
		size_t row = r->primary >= 0 ? (size_t)r->primary : 0;
		int has = r->primary >= 0;

		csvout_str(&w, f->st.village.code);
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

static void
write_members(struct filing *f, struct reg **order, size_t n, struct outfile *out)
{
	struct csvout w;

	csvout_init(&w, out, CSVOUT_DATA);
	for (size_t i = 0; i < f->ncells; i++)
		if (f->aschema_names[i] != NULL)
			csvout_str(&w, f->aschema_names[i]);
	csvout_str(&w, "age");
	csvout_end(&w);
	for (size_t i = 0; i < n; i++)
		for (size_t m = 0; m < order[i]->nmembers; m++) {
			const struct card_member *cm = &f->members[order[i]->first_member + m];
			const char *cell = card_member_cell(f->text, cm, 0);

			/* the cells lie one after the other: walk them once */
			for (size_t c = 0; c <= f->ncells; c++, cell += strlen(cell) + 1)
				if ((int)c == f->hcol)
					csvout_str(&w, order[i]->id);
				else if (c == f->ncells || f->aschema_names[c] != NULL)
					csvout_str(&w, cell);
			csvout_end(&w);
		}
}

/* A household not in last year's registry that exited in an earlier year
 * (history.csv) comes back as returned, its first year kept. */
static void
history_entry(struct filing *f, struct reg *r)
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
static void
write_history(struct filing *f, struct outfile *out)
{
	struct csvout w;
	struct history_row *rows = xcalloc(f->nhistory + f->nreg + 1, sizeof *rows);
	size_t n = 0;

	for (size_t i = 0; i < f->nhistory; i++) {
		struct reg *r = reg_of(f, f->history_ids[i]);

		if (r != NULL && r->st.listed)
			continue;
		rows[n].id = f->history_ids[i];
		rows[n].since = f->history_since[i];
		rows[n].exited = f->history_exited[i];
		n++;
	}
	for (size_t i = 0; i < f->nreg; i++) {
		struct reg *r = &f->reg[i];

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
	csvout_row(&w, (const char *const[]){ "household_id", "registered_since",
	    "exited_year" }, 3);
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

static void
count(struct filing *f, struct reg **order, size_t n, struct stats *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < n; i++) {
		const struct reg *r = order[i];
		long long people = r->primary >= 0 ?
		    f->primary.row[r->primary].members : (long long)r->nmembers;

		stats_household(s, r->st.status, r->attribute, r->cause, people);
		for (size_t m = 0; m < r->nmembers; m++) {
			const struct card_member *cm = &f->members[r->first_member + m];

			stats_person(s, r->st.status, cm->labor, cm->health);
		}
	}
}

static int
make_dir(struct stage *st, const char *dir)
{
	struct stat sb;

	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			return stage_fail(st, _("%s: not a folder"), dir);
		return 0;
	}
	if (mkdir(dir, 0755) != 0)
		return stage_fail(st, _("cannot make %s: %s"), dir, strerror(errno));
	return 0;
}

static void
filing_free(struct filing *f)
{
	hhlist_free(&f->primary);
	hhlist_free(&f->confirmed);
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
	strbuf_free(&f->missing);
	strbuf_free(&f->others);
	strbuf_free(&f->err);
}

int
file_run(const struct file_options *o)
{
	struct filing f;
	struct stage *st = &f.st;
	struct outfile *hh, *mem, *hist, *sc, *sv, *cards;
	char *pub = NULL, *prim = NULL, *app = NULL, *out_dir = NULL;
	struct previous_registry previous;
	char *paths[6] = { 0 }, sha[DIGEST_HEX];
	struct reg **order = NULL;
	struct stats stats;
	struct strbuf title = { 0 }, unexplained = { 0 };
	size_t n = 0, nunexplained = 0;
	int status = EXIT_ERROR;
	static const char *const names[6] = { "households.csv", "members.csv",
		"history.csv", "stats.csv", "stats.svg", "cards.html" };

	memset(&f, 0, sizeof f);
	memset(&previous, 0, sizeof previous);
	f.o = o;
	strmap_init(&f.index);
	strmap_init(&f.history);
	stage_begin(st, "file", o->quiet);
	stage_record_in(st, o->dir);
	{
		char *t = o->output ? path_join(o->output, "households.csv") :
		    path_join(o->dir, "registry/households.csv");

		stage_target(st, t);
		free(t);
	}
	st->town_dir = o->town;
	st->county_dir = o->county;
	if (stage_load_village(st, o->village ? o->village : o->dir, 1) != 0 ||
	    stage_load_rules(st, o->rules, o->include_anywhere) != 0 ||
	    stage_load_columns(st, o->columns) != 0)
		goto out;
	f.year = st->village.year;
	{
		/* the announced list: that of the last level that posts */
		struct strbuf b = { 0 };

		strbuf_printf(&b, "publicized-%s.csv",
		    level_code(rules_last_level(&st->rules)));
		pub = path_join(o->dir, strbuf_str(&b));
		strbuf_free(&b);
	}
	prim = path_join(o->dir, "primary.csv");
	app = path_join(o->dir, "applicants.csv");
	out_dir = o->output ? xstrdup(o->output) : path_join(o->dir, "registry");
	if (stage_input(st, pub) != 0 || stage_input(st, prim) != 0 ||
	    stage_input(st, app) != 0)
		goto out;
	{
		struct list_options lo = { prim, o->encoding, st->aliases, &st->rules, st->lang };

		if (hhlist_read(&f.primary, &lo, NULL, NULL, &f.err) != 0) {
			stage_fail_lines(st, &f.err);
			goto out;
		}
		stage_read(st, prim, f.primary.sha256);
		lo.path = pub;
		if (hhlist_read(&f.confirmed, &lo, NULL, NULL, &f.err) != 0) {
			stage_fail_lines(st, &f.err);
			goto out;
		}
		stage_read(st, pub, f.confirmed.sha256);
	}
	{
		const char *prev = o->previous ? o->previous : st->village.previous;

		if (prev != NULL) {
			if (stage_load_previous(st, &previous, prev) != 0)
				goto out;
			take_previous(&f, &previous);
		}
	}
	for (size_t i = 0; i < f.confirmed.nrows; i++)
		if (f.confirmed.row[i].decision == DEC_CONFIRMED) {
			const char *hid = hhlist_cell(&f.confirmed, i,
			    f.confirmed.col[L_HOUSEHOLD]);
			struct reg *r = reg_add(&f, hid);

			/* The registry keeps the number as last year's wrote it. */
			if (strcmp(r->id, hid) != 0)
				stage_warn(st, _("%s:%lu: household %s is written %s in last "
				    "year's registry (the same number): the registry writes %s"),
				    f.confirmed.file, (unsigned long)f.confirmed.row[i].line,
				    hid, r->id, r->id);
			r->confirmed = 1;
			r->confirmed_row = (long)i;
		}
	if (make_dir(st, out_dir) != 0)
		goto out;
	stage_record_in(st, o->dir);
	for (int i = 0; i < 6; i++)
		paths[i] = path_join(out_dir, names[i]);
	if ((hh = stage_output(st, paths[0], OUTFILE_PRIVATE)) == NULL ||
	    (mem = stage_output(st, paths[1], OUTFILE_PRIVATE)) == NULL ||
	    (hist = stage_output(st, paths[2], OUTFILE_PUBLIC)) == NULL ||
	    (sc = stage_output(st, paths[3], OUTFILE_PUBLIC)) == NULL ||
	    (sv = stage_output(st, paths[4], OUTFILE_PUBLIC)) == NULL ||
	    (cards = stage_output(st, paths[5], OUTFILE_PRIVATE)) == NULL)
		goto out;
	{
		/* The registry is this year's: ages on 31 December of the
		 * village's year, in members.csv and for the exit rule. */
		struct people_options po = { app, o->encoding, st->aliases, &st->rules,
			f.year, st->lang, NULL };
		struct people_handler ph = { &f, on_header, on_household, NULL, NULL };

		if (people_read(&po, &ph, sha, &f.err) != 0) {
			stage_fail_lines(st, &f.err);
			goto out;
		}
		stage_read(st, app, sha);
	}
	order = xcalloc(f.nreg + 1, sizeof *order);
	for (size_t i = 0; i < f.nreg; i++) {
		struct reg *r = &f.reg[i];

		if (!r->seen && r->confirmed)
			decide(&f, r, NULL);
		history_entry(&f, r);
		registry_status(r->confirmed, r->exits, &r->prev, f.year, &r->st);
		if (r->st.listed)
			order[n++] = r;
		if (r->st.listed && r->st.status == STATUS_UNEXPLAINED) {
			strbuf_printf(&unexplained, "%s%s", nunexplained ? ", " : "", r->id);
			nunexplained++;
		}
	}
	qsort(order, n, sizeof *order, by_id);
	write_households(&f, order, n, hh);
	write_members(&f, order, n, mem);
	write_history(&f, hist);
	count(&f, order, n, &stats);
	stats_write_csv(&stats, NULL, 0, sc);
	notice_place(&st->village, LEVEL_COUNTY, &title);
	strbuf_printf(&title, st->lang == LANG_EN ? " %d: registered poor households" :
	    "%d年建档立卡贫困户统计", f.year);
	stats_write_svg(&stats, strbuf_str(&title), st->lang, sv);
	{
		struct cards c = { &st->village, st->lang, f.year, &f.primary,
			(const char *const *)f.aschema_names, f.ncells, f.text };
		struct card_household *ch = xcalloc(n + 1, sizeof *ch);

		for (size_t i = 0; i < n; i++) {
			const struct reg *r = order[i];

			ch[i].id = r->id;
			ch[i].primary = r->primary;
			ch[i].attribute = r->attribute;
			ch[i].cause = r->cause;
			ch[i].others = r->others;
			ch[i].status = r->st.status;
			ch[i].registered_since = r->st.registered_since;
			ch[i].members = f.members + r->first_member;
			ch[i].nmembers = r->nmembers;
		}
		cards_write(&c, ch, n, cards);
		free(ch);
	}
	{
		struct strbuf why = { 0 };
		int rc;

		strbuf_printf(&why, "unexplained: %s", strbuf_str(&unexplained));
		rc = stage_commit_blocked(st, nunexplained ? strbuf_str(&why) : NULL);
		strbuf_free(&why);
		if (rc != 0)
			goto out;
	}
	status = nunexplained ? EXIT_BLOCKED : EXIT_DONE;
	if (nunexplained)
		stage_warn(st, _("%zu household(s) of last year's registry are neither "
		    "confirmed this year nor meet the exit condition: %s (status "
		    "unexplained; the audit reports them)"), nunexplained,
		    strbuf_str(&unexplained));
	if (!o->quiet) {
		char c[5][32];

		fprintf(stderr, _("registry: %s households: %s new, %s continuing, %s "
		    "returned, %s exited\n"), text_count(c[0], n),
		    text_count(c[1], (uint64_t)stats.status[STATUS_NEW][0]),
		    text_count(c[2], (uint64_t)stats.status[STATUS_CONTINUING][0]),
		    text_count(c[3], (uint64_t)stats.status[STATUS_RETURNED][0]),
		    text_count(c[4], (uint64_t)stats.status[STATUS_EXITED][0]));
	}
out:
	free(order);
	free(pub);
	free(prim);
	free(app);
	free(out_dir);
	previous_free(&previous);
	for (int i = 0; i < 6; i++)
		free(paths[i]);
	strbuf_free(&title);
	strbuf_free(&unexplained);
	filing_free(&f);
	return stage_end(st, status);
}

/* tpa-file stats: the statistics of several registries, recomputed from
 * their households.csv and members.csv. Each registry is one village of
 * one year: the same village twice, or registries of two years, would
 * count households twice. */
struct rollup {
	struct stage *st;
	struct stats *s;
	int members;                  /* reading members.csv */
	struct registry_whole w;      /* households.csv and members.csv */
	const char *households;       /* households.csv, for messages */
};

/* What the roll-up says of a fault of row R (F). */
static int
rollup_say(struct rollup *ru, enum registry_fault fault,
    const struct registryfile *f, const struct registry_row *r,
    struct strbuf *err)
{
	const char *hid = r->cell[RC_HOUSEHOLD], *code = r->cell[RC_VILLAGE];

	switch (fault) {
	case REGISTRY_WHOLE:
		return 0;
	case REGISTRY_NOT_YEAR:
		strbuf_printf(err, _("%s:%lu: year \"%s\" is not a year"),
		    f->name, r->line, r->cell[RC_YEAR]);
		break;
	case REGISTRY_NOT_ONE:
		strbuf_printf(err, _("%s:%lu: village %s of %lld, and line %lu "
		    "village %s of %d: a registry is one village of one year"),
		    f->name, r->line, code, (long long)r->year, ru->w.line,
		    ru->w.code, ru->w.year);
		break;
	case REGISTRY_NOT_STATUS:
		strbuf_printf(err, _("%s:%lu: status \"%s\" is not known"),
		    f->name, r->line, r->cell[RC_STATUS]);
		break;
	case REGISTRY_NOT_MEMBERS:
		strbuf_printf(err, _("%s:%lu: members \"%s\" is not a whole number "
		    "of 1 or more"), f->name, r->line, r->cell[RC_MEMBERS]);
		break;
	case REGISTRY_TWICE:
		strbuf_printf(err, _("%s:%lu: household %s is there twice: the "
		    "registry is damaged"), f->name, r->line, hid);
		break;
	default:
		strbuf_printf(err, _("%s:%lu: household %s of village %s is not "
		    "in %s: the registry is damaged"), f->name, r->line, hid,
		    code, ru->households);
		break;
	}
	strbuf_putc(err, '\n');
	return -1;
}

static int
on_registry_header(void *ctx, const struct registryfile *f, const char *maperr,
    struct strbuf *err)
{
	static const int hneed[] = { RC_HOUSEHOLD, RC_STATUS, RC_ATTRIBUTE,
		RC_CAUSE, RC_MEMBERS, RC_VILLAGE, RC_YEAR };
	static const int mneed[] = { RC_HOUSEHOLD, RC_LABOR, RC_HEALTH,
		RC_VILLAGE };
	struct rollup *ru = ctx;
	const int *need = ru->members ? mneed : hneed;
	size_t n = ru->members ? sizeof mneed / sizeof *mneed :
	    sizeof hneed / sizeof *hneed;

	if (maperr != NULL) {
		strbuf_printf(err, "%s\n", maperr);
		return -1;
	}
	for (size_t k = 0; k < n; k++)
		if (f->cols.pos[need[k]] < 0) {
			strbuf_printf(err, _("%s: column %s is missing"), f->name,
			    registry_columns[need[k]]);
			strbuf_putc(err, '\n');
			return -1;
		}
	return 0;
}

static int
on_registry_row(void *ctx, const struct registryfile *f,
    const struct registry_row *r, struct strbuf *err)
{
	struct rollup *ru = ctx;
	size_t k;

	if (ru->members) {
		/* Each member is of a household of households.csv. */
		if (rollup_say(ru, registry_whole_member(&ru->w, f, r, &k), f, r,
		    err) != 0)
			return -1;
		stats_person(ru->s, (enum status)ru->w.hh[k].status, r->labor,
		    r->health);
		return 0;
	}
	/* A registry is one village of one year. */
	if (r->len[RC_VILLAGE] != 12 ||
	    strspn(r->cell[RC_VILLAGE], "0123456789") != 12) {
		strbuf_printf(err, _("%s:%lu: village_code \"%s\" is not a "
		    "village code"), f->name, r->line, r->cell[RC_VILLAGE]);
		strbuf_putc(err, '\n');
		return -1;
	}
	if (rollup_say(ru, registry_whole_household(&ru->w, f, r), f, r,
	    err) != 0)
		return -1;
	stats_household(ru->s, (enum status)r->status, r->attribute, r->cause,
	    r->members);
	return 0;
}

static int
read_registry_file(struct rollup *ru, const char *path)
{
	struct registryfile_handler h = { ru, on_registry_header, on_registry_row };
	struct strbuf err = { 0 };
	char sha[DIGEST_HEX];
	int rc = registryfile_read(path, ru->members ? REGISTRY_MEMBERS :
	    REGISTRY_HOUSEHOLDS, ru->st->aliases, &h, sha, &err);

	if (rc != 0)
		stage_fail_lines(ru->st, &err);
	else if (stage_input(ru->st, path) == 0)
		stage_read(ru->st, path, sha);
	strbuf_free(&err);
	return rc == 0 && ru->st->err.len == 0 ? 0 : EXIT_ERROR;
}

/* What tpa-file stats counts: each registry's households.csv and
 * members.csv, and in an area the villages it leaves out. */
struct counted {
	char **hs, **ms;             /* the files read */
	char **name;                 /* the registry, for messages */
	size_t n;
	struct stats_left_out *left;
	size_t nleft;
};

static void
count_files(struct counted *c, char *hs, char *ms, const char *name)
{
	c->hs = xrealloc(c->hs, (c->n + 1) * sizeof *c->hs);
	c->ms = xrealloc(c->ms, (c->n + 1) * sizeof *c->ms);
	c->name = xrealloc(c->name, (c->n + 1) * sizeof *c->name);
	c->hs[c->n] = hs;
	c->ms[c->n] = ms;
	c->name[c->n++] = xstrdup(name);
}

static int
by_code(const void *x, const void *y)
{
	return strcmp(((const struct stats_left_out *)x)->code,
	    ((const struct stats_left_out *)y)->code);
}

/* The county's copy of NAME of village CODE's latest registry receipt, or
 * NULL with *WHY saying why there is none. */
static char *
received_copy(const struct ledger *l, const char *code, const char *name,
    const char **why)
{
	const struct ledger_row *row = ledger_latest_file(l, code, name);
	char *p, sha[DIGEST_HEX];

	if (row == NULL) {
		*why = "not_received";
		return NULL;
	}
	p = path_join(l->dir, row->file);
	if (digest_file(p, sha) != 0 || strcmp(sha, row->sha256) != 0) {
		*why = "copy_changed";
		free(p);
		return NULL;
	}
	return p;
}

/* In an area (DIR holds town.yaml or county.yaml, SPEC §8), with the
 * county's LEDGER.csv: every village the level's villages.csv list is
 * counted from the registry the county received, or left out. The
 * operands must be registries of listed villages. Returns 0, 1 when the
 * county keeps no ledger (the registries given are counted as they are),
 * or EXIT_ERROR. */
static int
received_registries(struct stage *st, const char *dir,
    const struct file_stats_options *o, struct counted *c)
{
	struct audit_area aa;
	struct ledger l;
	struct strbuf err = { 0 };
	int rc = EXIT_ERROR;

	memset(&l, 0, sizeof l);
	if (audit_area_load(&aa, dir, NULL, 0, &err) != 0) {
		stage_fail_lines(st, &err);
		strbuf_free(&err);
		return EXIT_ERROR;
	}
	for (size_t i = 0; i < o->nregistries; i++) {
		char *real = realpath(o->registries[i], NULL), *v;
		int ok = 0;

		v = path_dir(real != NULL ? real : o->registries[i]);
		for (size_t t = 0; t < aa.ntowns && !ok; t++)
			ok = area_town_village(&aa.towns[t], path_base(v)) != NULL;
		free(v);
		free(real);
		if (!ok) {
			stage_fail(st, _("%s is not the registry of a village of the %s's "
			    "villages.csv: in an area the statistics cover the listed "
			    "villages"), o->registries[i],
			    aa.is_county ? _("county") : _("town"));
			goto out;
		}
	}
	if (!aa.have_county) {
		rc = 1;
		goto out;
	}
	if (ledger_load(&l, aa.county.dir, &err) != 0) {
		stage_fail_lines(st, &err);
		goto out;
	}
	if (!l.exists) {
		rc = 1;
		goto out;
	}
	if (stage_input(st, l.path) != 0)
		goto out;
	for (size_t t = 0; t < aa.ntowns; t++)
		for (size_t k = 0; k < aa.towns[t].nvillages; k++) {
			const char *code = aa.towns[t].village[k].code, *why = NULL;
			char *hs = received_copy(&l, code, "registry/households.csv", &why);
			char *ms = hs ? received_copy(&l, code, "registry/members.csv", &why) : NULL;

			if (hs != NULL && ms != NULL) {
				count_files(c, hs, ms, code);
				continue;
			}
			if (hs == NULL && strcmp(why, "not_received") == 0) {
				char rel[64], *p;

				snprintf(rel, sizeof rel, "../%s/registry/households.csv", code);
				p = path_join(dir, rel);
				if (!path_exists(p))
					why = "no_registry";
				free(p);
			}
			free(hs);
			c->left = xrealloc(c->left, (c->nleft + 1) * sizeof *c->left);
			snprintf(c->left[c->nleft].code, sizeof c->left[c->nleft].code,
			    "%s", code);
			c->left[c->nleft++].why = why;
		}
	if (c->nleft > 0)
		qsort(c->left, c->nleft, sizeof *c->left, by_code);
	rc = 0;
out:
	ledger_free(&l);
	audit_area_free(&aa);
	strbuf_free(&err);
	return rc;
}

int
file_stats_run(const struct file_stats_options *o)
{
	struct stage st;
	struct stats total;
	struct outfile *sc, *sv;
	char *csv = NULL, *svg = NULL;
	const char *dir = o->output ? o->output : ".";
	struct strbuf title = { 0 };
	struct strmap villages;
	struct counted c;
	size_t year_of_registry = 0;
	int status = EXIT_ERROR, year = 0, rc = 1;

	memset(&total, 0, sizeof total);
	memset(&c, 0, sizeof c);
	strmap_init(&villages);
	stage_begin(&st, "file", o->quiet);
	if (stage_load_columns(&st, NULL) != 0)
		goto out;
	csv = path_join(dir, "stats.csv");
	svg = path_join(dir, "stats.svg");
	/* In an area, only what the county received (SPEC §8). */
	if (audit_area_is(dir) && (rc = received_registries(&st, dir, o, &c)) == EXIT_ERROR)
		goto out;
	if (rc == 1)
		for (size_t i = 0; i < o->nregistries; i++)
			count_files(&c, path_join(o->registries[i], "households.csv"),
			    path_join(o->registries[i], "members.csv"), o->registries[i]);
	for (size_t i = 0; i < c.n; i++)
		if (stage_input(&st, c.hs[i]) || stage_input(&st, c.ms[i]))
			goto out;
	{
		/* A registry named twice would be counted twice. */
		size_t first, twice = paths_repeated((const char *const *)c.hs,
		    c.n, &first);

		if (twice < c.n) {
			stage_fail(&st, _("%s is given twice (as %s and %s): it would "
			    "be counted twice"), c.hs[twice], c.name[first],
			    c.name[twice]);
			goto out;
		}
	}
	if ((sc = stage_output(&st, csv, OUTFILE_PUBLIC)) == NULL ||
	    (sv = stage_output(&st, svg, OUTFILE_PUBLIC)) == NULL)
		goto out;
	for (size_t i = 0; i < c.n; i++) {
		struct rollup ru;
		struct stats one;
		char *m = c.ms[i];
		size_t k;

		memset(&ru, 0, sizeof ru);
		memset(&one, 0, sizeof one);
		ru.st = &st;
		ru.s = &one;
		registry_whole_init(&ru.w, NULL);
		rc = read_registry_file(&ru, c.hs[i]);
		if (rc == 0 && ru.w.year != 0) {
			/* one village once, one year */
			int inserted;
			uint32_t *first = strmap_put(&villages, ru.w.code, 12,
			    (uint32_t)i, &inserted);

			if (!inserted)
				rc = stage_fail(&st, _("%s: village %s is also the registry "
				    "%s: it would be counted twice"), c.name[i],
				    ru.w.code, c.name[*first]);
			else if (year == 0)
				year = ru.w.year, year_of_registry = i;
			else if (ru.w.year != year)
				rc = stage_fail(&st, _("%s: the registry of %d, and %s of %d: "
				    "statistics add up registries of one year"),
				    c.name[i], ru.w.year,
				    c.name[year_of_registry], year);
		}
		ru.members = 1;
		ru.households = c.hs[i];
		if (rc == 0)
			rc = read_registry_file(&ru, m);
		/* Each household has as many rows in members.csv as its members. */
		if (rc == 0 && registry_whole_rows(&ru.w, &k) != REGISTRY_WHOLE) {
			const struct registry_household *x = &ru.w.hh[k];

			rc = stage_fail(&st, _("%s:%lu: household %s has %lld "
			    "members, and %lu rows in %s: the registry is "
			    "damaged"), c.hs[i], x->line, x->id, x->members, x->rows, m);
		}
		registry_whole_free(&ru.w);
		if (rc != 0)
			goto out;
		stats_add(&total, &one);
	}
	stats_write_csv(&total, c.left, c.nleft, sc);
	strbuf_printf(&title, "建档立卡贫困户统计（%zu个村）", c.n);
	stats_write_svg(&total, strbuf_str(&title), LANG_ZH, sv);
	if (stage_commit(&st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet)
		fprintf(stderr, _("stats: %zu registries\n"), c.n);
out:
	strmap_free(&villages);
	for (size_t i = 0; i < c.n; i++) {
		free(c.hs[i]);
		free(c.ms[i]);
		free(c.name[i]);
	}
	free(c.hs);
	free(c.ms);
	free(c.name);
	free(c.left);
	free(csv);
	free(svg);
	strbuf_free(&title);
	return stage_end(&st, status);
}
