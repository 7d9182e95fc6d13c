#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules/columns.h"
#include "io/csvout.h"
#include "values/date.h"
#include "io/diag.h"
#include "values/enums.h"
#include "household/hhlist.h"
#include "stages/notice.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "io/provenance.h"
#include "stages/publicize.h"
#include "rules/rules.h"
#include "values/text.h"
#include "rules/village.h"

static const char *const levels[3] = { "village", "town", "county" };

int
level_parse(const char *s, enum level *l)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, levels[i]) == 0) {
			*l = (enum level)i;
			return 0;
		}
	return -1;
}

const char *
level_name(enum level l)
{
	return levels[l];
}

/* The decision of a household in the running at level L. */
static const char *
running(enum level l)
{
	return l == LEVEL_VILLAGE ? "proposed" : "confirmed";
}

static void
load_village(const struct publicize_options *o, struct village *v)
{
	char err[1024];

	if (village_load(v, o->village, err, sizeof err) != 0)
		die(EXIT_ERROR, "%s", err);
	if (!v->publicity[o->level].given)
		die(EXIT_ERROR, "%s: publicity.%s (the period: {start, end}) is missing",
		    v->path, levels[o->level]);
}

static void
load_list(const struct publicize_options *o, struct hhlist *l)
{
	char err[1024];

	if (hhlist_read(l, o->list, o->encoding, err, sizeof err) != 0)
		die(EXIT_ERROR, "%s", err);
}

int
publicize_notice(const struct publicize_options *o)
{
	struct village v;
	struct hhlist l;
	struct notice n;
	struct notice_row *rows;
	struct outfile *out;
	const char **cells;
	uint32_t *order;
	char sha[DIGEST_HEX], err[1024];

	load_village(o, &v);
	load_list(o, &l);
	rows = xcalloc(l.nrows + 1, sizeof *rows);
	cells = xcalloc(l.ncols, sizeof *cells);
	order = hhlist_order(&l);
	memset(&n, 0, sizeof n);
	for (size_t i = 0; i < l.nrows; i++) {
		struct notice_row *r = &rows[n.nrows];
		const char *id;

		hhlist_cells(&l, order[i], cells);
		if (strcmp(cells[l.col[HH_DECISION]], running(o->level)) != 0)
			continue;
		id = cells[l.col[HH_HEAD_ID]];
		r->name = cells[l.col[HH_HEAD_NAME]];
		id_mask(r->masked, id, strlen(id));
		r->members = cells[l.col[HH_MEMBERS]];
		r->income = cells[l.col[HH_PCI]];
		n.people += atoll(r->members);
		n.nrows++;
	}
	n.village = &v;
	n.level = o->level;
	n.rows = rows;
	if ((out = outfile_open(o->output, OUTFILE_PUBLIC, err, sizeof err)) == NULL)
		die(EXIT_ERROR, "%s", err);
	notice_write(&n, o->format, out);
	if (outfile_finish(out, sha, err, sizeof err) != 0)
		die(EXIT_ERROR, "%s", err);
	struct provenance p, *pp = NULL;

	if (!outfile_in_place(out)) {
		pp = &p;
		provenance_init(pp, "publicize", o->output);
		provenance_input(pp, o->list, l.sha256);
		provenance_input(pp, v.path, v.sha256);
		provenance_output(pp, o->output, sha);
	}
	if (provenance_seal(pp, (struct outfile *const[]){ out }, 1, err, sizeof err) != 0)
		die(EXIT_ERROR, "%s", err);
	if (pp != NULL) {
		warnlines(provenance_notes(pp));
		provenance_free(pp);
	}
	if (!o->quiet) {
		char a[32], b[32];

		fprintf(stderr, "notice (%s): %s households, %s people\n",
		    levels[o->level], text_count(a, n.nrows), text_count(b, (uint64_t)n.people));
	}
	free(order);
	free(cells);
	free(rows);
	hhlist_free(&l);
	village_free(&v);
	return EXIT_DONE;
}

/* Objections. */
enum { O_HOUSEHOLD, O_ABOUT, O_RECEIVED, O_KIND, O_SUMMARY, O_OUTCOME,
	O_DECIDED, O_DECIDED_BY, O_NKNOWN };
static const char *const o_known[O_NKNOWN] = { "household_id", "about",
	"received", "kind", "summary", "outcome", "decided", "decided_by" };
static const unsigned char o_required[O_NKNOWN] = { [O_HOUSEHOLD] = 1,
	[O_RECEIVED] = 1, [O_KIND] = 1, [O_OUTCOME] = 1 };

static const struct enum_value kinds[] = {
	{ "wrongly_included", "错评|不应纳入" },
	{ "wrongly_excluded", "漏评|应纳未纳" },
	{ "data_error", "信息错误|数据错误" },
};
static const struct enum_value outcomes[] = {
	{ "upheld", "成立|属实" },
	{ "dismissed", "不成立|不属实" },
	{ "pending", "待定|未处理|处理中" },
};
static const struct enum_def kind_def = { "kind", kinds, 3 };
static const struct enum_def outcome_def = { "outcome", outcomes, 3 };
enum { K_INCLUDED, K_EXCLUDED, K_DATA };
enum { OUT_UPHELD, OUT_DISMISSED, OUT_PENDING };

/* What resolve learns of each household. */
struct verdict {
	unsigned objections;
	int removed, pending;
};

/* A row of resurvey.csv. */
#define NRESURVEY 8
static const char *const resurvey_head[NRESURVEY] = { "level", "household_id",
	"about", "kind", "received", "summary", "decided", "decided_by" };

struct resolution {
	const struct publicize_options *o;
	struct village village;
	struct rules rules;
	struct hhlist list;
	struct column_aliases *aliases;
	struct columns cols;
	struct verdict *verdict;
	const char *ofile;
	char **resurvey;            /* NRESURVEY cells per row */
	size_t nresurvey, cap;
	size_t resurvey_here;       /* rows of this level */
	int blocked;
	unsigned pending, outside;
	char err[1024];
};

static void
add_resurvey(struct resolution *r, const char *const *cells)
{
	xgrow(&r->resurvey, &r->cap, (r->nresurvey + 1) * NRESURVEY, sizeof *r->resurvey);
	for (int i = 0; i < NRESURVEY; i++)
		r->resurvey[r->nresurvey * NRESURVEY + i] = xstrdup(cells[i]);
	r->nresurvey++;
}

static int
on_objection(void *ctx, const struct csvin_row *row)
{
	struct resolution *r = ctx;
	const char *c[O_NKNOWN];
	const uint32_t *idx;
	const struct period *p = &r->village.publicity[r->o->level];
	int kind, outcome;
	long received;

	if (row->index == 0)
		return columns_header(&r->cols, r->aliases, r->ofile, row, o_known,
		    o_required, O_NKNOWN, r->err, sizeof r->err) != 0;
	for (int k = 0; k < O_NKNOWN; k++)
		c[k] = columns_cell(&r->cols, row, k, NULL);
	kind = enum_lookup(&kind_def, c[O_KIND], strlen(c[O_KIND]));
	outcome = enum_lookup(&outcome_def, c[O_OUTCOME], strlen(c[O_OUTCOME]));
	if (kind < 0 || outcome < 0 || row->n != r->cols.ncells) {
		warnmsg("%s:%lu: kind \"%s\" or outcome \"%s\" is not known "
		    "(wrongly_included, wrongly_excluded, data_error; upheld, "
		    "dismissed, pending): counted as pending", r->ofile, row->line,
		    c[O_KIND], c[O_OUTCOME]);
		outcome = OUT_PENDING;
		if (kind < 0)
			kind = K_DATA;
	}
	if (date_parse(c[O_RECEIVED], strlen(c[O_RECEIVED]), &received) != 0)
		warnmsg("%s:%lu: received \"%s\" is not a date", r->ofile, row->line,
		    c[O_RECEIVED]);
	else if (received < p->start || received > p->end) {
		char a[DATE_BUF], b[DATE_BUF], d[DATE_BUF];

		warnmsg("%s:%lu: received %s, outside the %s publicity period %s to %s",
		    r->ofile, row->line, date_format(d, received), levels[r->o->level],
		    date_format(a, p->start), date_format(b, p->end));
		r->outside++;
	}
	if (outcome == OUT_PENDING) {
		r->pending++;
		r->blocked = 1;
	}
	idx = *c[O_HOUSEHOLD] ? strmap_get(&r->list.index, c[O_HOUSEHOLD],
	    strlen(c[O_HOUSEHOLD])) : NULL;
	if (*c[O_HOUSEHOLD] && idx == NULL && kind != K_EXCLUDED)
		warnmsg("%s:%lu: household \"%s\" is not in the list", r->ofile,
		    row->line, c[O_HOUSEHOLD]);
	if (idx != NULL) {
		struct verdict *v = &r->verdict[*idx];
		int in_running = strcmp(hhlist_cell(&r->list, *idx,
		    r->list.col[HH_DECISION]), running(r->o->level)) == 0;

		v->objections++;
		if (in_running && outcome == OUT_PENDING && kind != K_EXCLUDED)
			v->pending = 1;
		if (in_running && outcome == OUT_UPHELD && kind == K_INCLUDED)
			v->removed = 1;
		if (!in_running && kind == K_INCLUDED && outcome == OUT_UPHELD)
			warnmsg("%s:%lu: household %s is not on the %s list; the "
			    "objection changes nothing", r->ofile, row->line,
			    c[O_HOUSEHOLD], levels[r->o->level]);
	}
	if (outcome == OUT_UPHELD && (kind == K_EXCLUDED || kind == K_DATA)) {
		char received_buf[DATE_BUF], decided_buf[DATE_BUF];
		long d;
		const char *cells[NRESURVEY] = { levels[r->o->level], c[O_HOUSEHOLD],
			c[O_ABOUT], kinds[kind].code, c[O_RECEIVED], c[O_SUMMARY],
			c[O_DECIDED], c[O_DECIDED_BY] };

		if (date_parse(c[O_RECEIVED], strlen(c[O_RECEIVED]), &d) == 0)
			cells[4] = date_format(received_buf, d);
		if (date_parse(c[O_DECIDED], strlen(c[O_DECIDED]), &d) == 0)
			cells[6] = date_format(decided_buf, d);
		add_resurvey(r, cells);
		r->resurvey_here++;
	}
	return 0;
}

/* Rows of an earlier resurvey.csv from the other levels. */
static int
keep_resurvey(void *ctx, const struct csvin_row *row)
{
	struct resolution *r = ctx;

	if (row->index == 0 || row->n != NRESURVEY ||
	    strcmp(row->cell[0], levels[r->o->level]) == 0)
		return 0;
	add_resurvey(r, (const char *const *)row->cell);
	return 0;
}

static int
level_rank(const char *s)
{
	enum level l;

	return level_parse(s, &l) == 0 ? (int)l : 3;
}

static int
cmp_resurvey(const void *a, const void *b)
{
	char *const *x = a, *const *y = b;
	int c = level_rank(x[0]) - level_rank(y[0]);

	for (int i = 1; c == 0 && i < NRESURVEY; i++)
		c = strcmp(x[i], y[i]);
	return c;
}

int
publicize_resolve(const struct publicize_options *o)
{
	struct resolution r;
	struct csvin *in;
	struct outfile *out, *rs;
	struct csvout w;
	const char **cells;
	const char *rules_path;
	uint32_t *order;
	int objcol, rc;
	long days;
	char *rs_path;
	char out_sha[DIGEST_HEX], rs_sha[DIGEST_HEX], n[5][32];
	size_t counts[3] = { 0 };

	memset(&r, 0, sizeof r);
	r.o = o;
	load_village(o, &r.village);
	rules_path = o->rules ? o->rules : r.village.rules_path;
	if (rules_path == NULL)
		die(EXIT_ERROR, "no rules: give --rules, or name them in %s", r.village.path);
	r.rules.include_anywhere = o->include_anywhere;
	if (rules_load(&r.rules, rules_path, r.err, sizeof r.err) != 0)
		die(EXIT_ERROR, "%s", r.err);
	load_list(o, &r.list);
	r.verdict = xcalloc(r.list.nrows + 1, sizeof *r.verdict);
	r.aliases = aliases_new();

	/* The period: long enough, or the procedure is blocked. */
	days = r.village.publicity[o->level].end - r.village.publicity[o->level].start + 1;
	if (r.rules.publicity_days[o->level] >= 0 && days < r.rules.publicity_days[o->level]) {
		warnmsg("%s: the %s publicity period lasted %ld days; the rules "
		    "require at least %lld", r.village.path, levels[o->level], days,
		    r.rules.publicity_days[o->level]);
		r.blocked = 1;
	}

	if ((in = csvin_open(o->objections, o->encoding, r.err, sizeof r.err)) == NULL)
		die(EXIT_ERROR, "%s", r.err);
	r.ofile = csvin_name(in);
	if ((out = outfile_open(o->output, OUTFILE_PRIVATE, r.err, sizeof r.err)) == NULL)
		die(EXIT_ERROR, "%s", r.err);
	/* Beside the output, unless that is written in place (a device). */
	rs_path = o->resurvey ? xstrdup(o->resurvey) : path_beside(
	    outfile_in_place(out) ? NULL : o->output, "resurvey.csv");
	/* may hold full ID numbers */
	if ((rs = outfile_open(rs_path, OUTFILE_PRIVATE, r.err, sizeof r.err)) == NULL)
		die(EXIT_ERROR, "%s", r.err);
	rc = csvin_read(in, on_objection, &r);
	if (rc != 0)
		die(EXIT_ERROR, "%s", rc < 0 ? csvin_error(in) : r.err);
	if (r.cols.ncells == 0)
		die(EXIT_ERROR, "%s:1: empty file: a header row is required", r.ofile);
	if (access(rs_path, F_OK) == 0) {
		struct csvin *old = csvin_open(rs_path, ENC_UTF8, r.err, sizeof r.err);

		if (old == NULL || csvin_read(old, keep_resurvey, &r) != 0)
			die(EXIT_ERROR, "%s", old ? csvin_error(old) : r.err);
		csvin_close(old);
	}

	objcol = hhlist_find(&r.list, "objections");
	if (objcol < 0)
		objcol = hhlist_column(&r.list, "objections");
	cells = xcalloc(r.list.ncols, sizeof *cells);
	order = hhlist_order(&r.list);
	csvout_init(&w, out, CSVOUT_DATA);
	hhlist_write_header(&r.list, &w);
	for (size_t i = 0; i < r.list.nrows; i++) {
		const struct verdict *v = &r.verdict[order[i]];
		char count[32], reasons[1024];
		const char *old;

		hhlist_cells(&r.list, order[i], cells);
		snprintf(count, sizeof count, "%u", v->objections + (unsigned)atoi(cells[objcol]));
		cells[objcol] = count;
		if (strcmp(cells[r.list.col[HH_DECISION]], running(o->level)) == 0) {
			if (v->removed) {
				old = cells[r.list.col[HH_REASONS]];
				snprintf(reasons, sizeof reasons, "%s%sOBJECTION", old, *old ? ";" : "");
				cells[r.list.col[HH_REASONS]] = reasons;
				cells[r.list.col[HH_DECISION]] = "removed";
				counts[1]++;
			} else if (v->pending) {
				cells[r.list.col[HH_DECISION]] = "pending";
				counts[2]++;
			} else {
				cells[r.list.col[HH_DECISION]] = "confirmed";
				counts[0]++;
			}
		}
		csvout_row(&w, cells, r.list.ncols);
	}
	if (r.nresurvey > 0)
		qsort(r.resurvey, r.nresurvey, NRESURVEY * sizeof *r.resurvey, cmp_resurvey);
	{
		struct csvout rw;

		csvout_init(&rw, rs, CSVOUT_HUMAN);
		csvout_row(&rw, resurvey_head, NRESURVEY);
		for (size_t i = 0; i < r.nresurvey; i++)
			csvout_row(&rw, (const char *const *)&r.resurvey[i * NRESURVEY], NRESURVEY);
	}
	if (outfile_finish(out, out_sha, r.err, sizeof r.err) != 0 ||
	    outfile_finish(rs, rs_sha, r.err, sizeof r.err) != 0)
		die(EXIT_ERROR, "%s", r.err);
	struct provenance p, *pp = NULL;

	if (!outfile_in_place(out)) {
		pp = &p;
		provenance_init(pp, "publicize", o->output);
		provenance_rules(pp, r.rules.path, r.rules.sha256);
		provenance_input(pp, o->list, r.list.sha256);
		provenance_input(pp, o->objections, csvin_sha256(in));
		provenance_input(pp, r.village.path, r.village.sha256);
		provenance_output(pp, o->output, out_sha);
		if (!outfile_in_place(rs))
			provenance_output(pp, rs_path, rs_sha);
	}
	if (provenance_seal(pp, (struct outfile *const[]){ out, rs }, 2, r.err, sizeof r.err) != 0)
		die(EXIT_ERROR, "%s", r.err);
	if (pp != NULL) {
		warnlines(provenance_notes(pp));
		provenance_free(pp);
	}
	if (r.pending > 0)
		warnmsg("%s: %u objection(s) still pending: the %s publicity is not "
		    "closed", r.ofile, r.pending, levels[o->level]);
	if (!o->quiet)
		fprintf(stderr, "publicized (%s): %s confirmed, %s removed, %s pending; "
		    "%s for resurvey\n", levels[o->level], text_count(n[0], counts[0]),
		    text_count(n[1], counts[1]), text_count(n[2], counts[2]),
		    text_count(n[3], r.resurvey_here));
	for (size_t i = 0; i < r.nresurvey * NRESURVEY; i++)
		free(r.resurvey[i]);
	free(r.resurvey);
	free(order);
	free(cells);
	free(r.verdict);
	free(rs_path);
	csvin_close(in);
	columns_free(&r.cols);
	aliases_free(r.aliases);
	hhlist_free(&r.list);
	rules_free(&r.rules);
	village_free(&r.village);
	return r.blocked ? EXIT_BLOCKED : EXIT_DONE;
}
