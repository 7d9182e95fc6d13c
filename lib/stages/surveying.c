#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strmap.h"
#include "household/people.h"
#include "stages/surveying.h"
#include "values/hhnumber.h"
#include "values/money.h"

struct derivation {
	const struct surveying_options *o;
	const struct surveying_handler *h;
	struct surveyset *ss;
	const struct schema *aschema;
	size_t hwidth;                  /* survey cells + members + per_capita_income */
	unsigned char *awant;
	struct strbuf missing;
	size_t nmissing;               /* distinct columns missing */
	struct strmap missing_names;
	struct household_buf hb;        /* the household's own cells */
	const char **labels;
	size_t labels_cap;
	struct eligibility e;
	struct trace trace;
	struct strbuf msg;
};

static void
problem(void *ctx, const struct read_problem *p)
{
	struct derivation *d = ctx;

	if (d->h->problem != NULL)
		d->h->problem(d->h->ctx, p);
}

static void
other(void *ctx, const struct read_problem *p, const char *value)
{
	struct derivation *d = ctx;

	if (d->h->other != NULL)
		d->h->other(d->h->ctx, p, value);
}

/* Where a field of the rules is: the survey's cells, then members and
 * per_capita_income, then the head's applicant cells; for a member, the
 * applicant cells and age. */
static int
slot(void *ctx, const char *field, int member, size_t line, size_t col)
{
	struct derivation *d = ctx;
	size_t swidth = d->ss->schema.cols.ncells;
	int c;

	(void)line;
	(void)col;
	if (member) {
		if (strcmp(field, "age") == 0)
			return (int)d->aschema->cols.ncells;
		if ((c = schema_find(d->aschema, field)) >= 0) {
			d->awant[c] = 1;
			return c;
		}
		return -1;
	}
	if (strcmp(field, "members") == 0)
		return (int)swidth;
	if (strcmp(field, "per_capita_income") == 0)
		return (int)swidth + 1;
	if ((c = schema_find(&d->ss->schema, field)) >= 0)
		return c;
	if ((c = schema_find(d->aschema, field)) >= 0) {
		d->awant[c] = 1;
		return (int)d->hwidth + c;
	}
	return -1;
}

struct naming {
	struct derivation *d;
	const struct rule *rule;
};

/* Count each missing column once, however many rules read it. */
static void
count_missing(struct derivation *d, const char *field, int member)
{
	char key[512];
	int inserted;

	snprintf(key, sizeof key, "%d:%s", member, field);
	strmap_put(&d->missing_names, key, strlen(key), 0, &inserted);
	d->nmissing += (size_t)inserted;
}

static void
name_missing(void *ctx, const char *field, int member, size_t line, size_t col)
{
	struct naming *n = ctx;

	count_missing(n->d, field, member);
	strbuf_printf(&n->d->missing, member ?
	    _("%s:%zu:%zu: rule %s: %s is not a column of the members "
	    "(applicants)\n") :
	    _("%s:%zu:%zu: rule %s: %s is not a column of the household (survey, "
	    "applicants' head row, members, per_capita_income)\n"),
	    n->rule->file, line, col, n->rule->id, field);
}

static int
on_header(void *ctx, struct schema *s, struct strbuf *err)
{
	struct derivation *d = ctx;
	const struct rule_list *lists[2] = { &d->o->rules->exclusions,
		&d->o->rules->considerations };

	d->aschema = s;
	d->hwidth = d->ss->schema.cols.ncells + 2;
	d->awant = xcalloc(s->cols.ncells + 1, 1);
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->n; i++) {
			const struct rule *x = &lists[l]->items[i];
			size_t n = cond_bind(x->when, slot, d);

			if (n > 0) {
				struct naming nm = { d, x };

				cond_unbound(x->when, name_missing, &nm);
			}
		}
	if (d->nmissing > 0) {
		strbuf_puts(err, strbuf_str(&d->missing));
		strbuf_printf(err, ngettext("%s: the rules read %zu column that %s "
		    "and %s lack: add them, or leave out the rules that read them\n",
		    "%s: the rules read %zu columns that %s and %s lack: add them, "
		    "or leave out the rules that read them\n", d->nmissing),
		    d->o->rules->path, d->nmissing, d->ss->file, s->file);
		return -1;
	}
	schema_want(s, d->awant);
	if (d->h->header != NULL && d->h->header(d->h->ctx, d->ss, s) != 0)
		return -1;
	return 0;
}

/* The household's own cells: the survey row, members, per_capita_income. */
static void
household_cells(struct derivation *d, const struct survey_row *row,
    size_t members, long long pci, int surveyed)
{
	struct household_buf *hb = &d->hb;
	size_t swidth = d->ss->schema.cols.ncells;
	char num[FIELD_BUF];
	struct cell *c;

	hb->text_len = 0;
	xgrow(&hb->hcells, &hb->hcells_cap, d->hwidth, sizeof *hb->hcells);
	c = hb->hcells;
	for (size_t i = 0; i < swidth; i++) {
		const struct cell *s = row ? &d->ss->cells[row->cells + i] : NULL;

		if (s != NULL && surveyed) {
			household_buf_text(hb, d->ss->text + s->off, s->len, &c[i]);
			c[i].v = s->v;
		} else {
			household_buf_text(hb, "", 0, &c[i]);
			c[i].v = 0;
		}
	}
	number_format(num, (int64_t)members * 1000000);
	household_buf_text(hb, num, strlen(num), &c[swidth]);
	c[swidth].v = (int64_t)members * 1000000;
	if (surveyed) {
		money_format(num, pci);
		household_buf_text(hb, num, strlen(num), &c[swidth + 1]);
		c[swidth + 1].v = pci;
	} else {
		household_buf_text(hb, "", 0, &c[swidth + 1]);
		c[swidth + 1].v = 0;
	}
}

/* A pattern went over its match limit on this household. */
static void
pattern_failed(struct derivation *d, const struct household *h)
{
	const char *field = cond_field(d->e.failed_cond);
	const struct field *f = rules_field(d->o->rules, field);
	struct read_problem p;

	strbuf_reset(&d->msg);
	wording(&d->msg, d->o->lang, MSG_PATTERN_LIMIT,
	    field_label(f, field, d->o->lang), d->e.failed->id);
	memset(&p, 0, sizeof p);
	p.file = d->aschema->file;
	p.line = h->line;
	p.household = h->id;
	p.id = h->member[0].id;
	p.id_len = strlen(h->member[0].id);
	p.field = field;
	p.code = "BAD_VALUE";
	p.message = strbuf_str(&d->msg);
	problem(d, &p);
}

static int
on_household(void *ctx, const struct household *h)
{
	struct derivation *d = ctx;
	struct survey_row *row = surveyset_find(d->ss, h->id);
	int surveyed = row != NULL && row->state == SURVEY_OK;
	long long pci = surveyed ? eligibility_pci(row->income, (long long)h->nmembers) : 0;
	int explaining = d->o->explain != NULL && hhnumber_same(d->o->explain, h->id);
	int name = h->mschema->cols.pos[P_NAME];
	struct cond_context cx;
	struct eligibility_input in;
	struct surveyed s;

	if (row != NULL)
		row->used = 1;
	household_cells(d, row, h->nmembers, pci, surveyed);
	xgrow(&d->labels, &d->labels_cap, h->nmembers + 1, sizeof *d->labels);
	for (size_t m = 0; m < h->nmembers; m++)
		d->labels[m] = h->text + h->mcells[m * h->mwidth + (size_t)name].off;
	memset(&cx, 0, sizeof cx);
	cx.household = d->hb.hcells;
	cx.household_width = d->hwidth;
	cx.members = h->mcells;
	cx.nmembers = h->nmembers;
	cx.member_width = h->mwidth;
	cx.htext = d->hb.text;
	cx.mtext = h->text;
	cx.member_labels = d->labels;
	in.surveyed = surveyed;
	in.bad = h->bad > 0;
	in.pci = pci;
	in.ctx = &cx;
	strbuf_reset(&d->trace.text);
	d->trace.zh = d->o->lang == LANG_ZH;
	eligibility_decide(d->o->rules, &in, explaining ? &d->trace : NULL, &d->e);
	if (d->e.failed != NULL)
		pattern_failed(d, h);
	s.h = h;
	s.row = row;
	s.ss = d->ss;
	s.surveyed = surveyed;
	s.pci = pci;
	s.priced = surveyed && h->bad == 0;
	s.e = &d->e;
	s.trace = explaining ? &d->trace : NULL;
	return d->h->household(d->h->ctx, &s);
}

int
surveying_run(const struct surveying_options *o,
    const struct surveying_handler *h, struct surveyset *ss,
    char applicants_sha[DIGEST_HEX], struct strbuf *err)
{
	struct derivation d;
	int rc;

	memset(&d, 0, sizeof d);
	d.o = o;
	d.h = h;
	d.ss = ss;
	{
		struct surveyset_options so = { o->survey, o->encoding, o->aliases,
			o->rules, o->year, o->lang, o->progress, other };

		if (surveyset_read(ss, &so, problem, &d, err) != 0)
			return -1;
	}
	{
		struct people_options po = { o->applicants, o->encoding, o->aliases,
			o->rules, o->year, o->lang, o->progress };
		struct people_handler ph = { &d, on_header, on_household, problem, other };

		rc = people_read(&po, &ph, applicants_sha, err);
	}
	household_buf_free(&d.hb);
	eligibility_free(&d.e);
	strbuf_free(&d.trace.text);
	strbuf_free(&d.missing);
	strmap_free(&d.missing_names);
	strbuf_free(&d.msg);
	free(d.awant);
	free(d.labels);
	return rc == 0 ? 0 : -1;
}
