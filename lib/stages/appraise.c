#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stages/appraise.h"
#include "rules/columns.h"
#include "io/csvout.h"
#include "io/diag.h"
#include "household/hhlist.h"
#include "values/money.h"
#include "io/outfile.h"
#include "io/provenance.h"
#include "rules/rules.h"
#include "values/text.h"
#include "rules/village.h"

enum { V_HOUSEHOLD, V_FOR, V_AGAINST, V_ABSTAIN, V_NKNOWN };
static const char *const v_known[V_NKNOWN] = { "household_id", "votes_for",
	"votes_against", "votes_abstain" };
static const unsigned char v_required[V_NKNOWN] = { 1, 1, 1, 1 };

enum vote_state { NO_VOTE_ROW, VOTED, BAD };

struct tally {
	enum vote_state state;
	long long votes[3];       /* for, against, abstain */
	const char *decision;     /* new decision, or NULL: unchanged */
	const char *reason;       /* reason added, or NULL */
	long long rank;           /* 0: none */
	long long pci;            /* fen */
	long long members;
};

struct meeting {
	const struct appraise_options *o;
	struct village village;
	struct rules rules;
	struct hhlist list;
	struct column_aliases *aliases;
	struct columns vcols;
	struct tally *tally;
	const char *vfile;
	long long present;
	unsigned long reported;   /* vote rows reported on stderr */
	char err[1024];
};

static int
parse_count(const char *s, long long *v)
{
	long long n = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > 1000000)
			return -1;
		n = n * 10 + (*s - '0');
	}
	*v = n;
	return 0;
}

static void
report(struct meeting *m, unsigned long line, const char *fmt, const char *hid,
    const char *extra)
{
	char msg[512];

	snprintf(msg, sizeof msg, fmt, hid, extra);
	warnmsg("%s:%lu: %s", m->vfile, line, msg);
	m->reported++;
}

static int
on_vote(void *ctx, const struct csvin_row *row)
{
	struct meeting *m = ctx;
	const char *hid, *decision, *cells[V_NKNOWN];
	const uint32_t *r;
	struct tally *t;
	long long v[3];

	if (row->index == 0)
		return columns_header(&m->vcols, m->aliases, m->vfile, row, v_known,
		    v_required, V_NKNOWN, m->err, sizeof m->err) != 0;
	for (int k = 0; k < V_NKNOWN; k++)
		cells[k] = columns_cell(&m->vcols, row, k, NULL);
	hid = cells[V_HOUSEHOLD];
	r = strmap_get(&m->list.index, hid, strlen(hid));
	if (r == NULL) {
		report(m, row->line, "household \"%s\" is not in the list%s; the "
		    "vote changes nothing", hid, "");
		return 0;
	}
	t = &m->tally[*r];
	decision = hhlist_cell(&m->list, *r, m->list.col[HH_DECISION]);
	if (strcmp(decision, "eligible") != 0) {
		report(m, row->line, "household %s is not eligible (%s); the "
		    "vote changes nothing", hid, decision);
		return 0;
	}
	if (t->state != NO_VOTE_ROW) {
		report(m, row->line, "household %s has a second vote row%s: both are "
		    "set aside", hid, "");
		t->state = BAD;
		return 0;
	}
	if (row->n != m->vcols.ncells || parse_count(cells[V_FOR], &v[0]) != 0 ||
	    parse_count(cells[V_AGAINST], &v[1]) != 0 ||
	    parse_count(cells[V_ABSTAIN], &v[2]) != 0) {
		report(m, row->line, "household %s: the votes are not whole numbers%s",
		    hid, "");
		t->state = BAD;
		return 0;
	}
	if (v[0] + v[1] + v[2] > m->present) {
		char extra[96];

		snprintf(extra, sizeof extra, "%lld votes, %lld representatives present",
		    v[0] + v[1] + v[2], m->present);
		report(m, row->line, "household %s: more votes than representatives "
		    "(%s)", hid, extra);
		t->state = BAD;
		return 0;
	}
	t->state = VOTED;
	memcpy(t->votes, v, sizeof v);
	return 0;
}

/* Representatives the meeting needed. */
static long long
quorum(struct meeting *m)
{
	const struct rules *r = &m->rules;

	if (r->min_share >= 0) {
		if (m->village.total < 0)
			die(EXIT_ERROR, "%s: the rules hold the meeting to a share of all "
			    "representatives: give appraisal.total", m->village.path);
		/* ceil(total x share) */
		return (m->village.total * r->min_share + 999999) / 1000000;
	}
	if (r->nquorum == 0)
		die(EXIT_ERROR, "%s: the rules give no appraisal quorum", r->path);
	if (m->village.population < 0)
		die(EXIT_ERROR, "%s: village.population is needed for the quorum",
		    m->village.path);
	for (size_t i = 0; i < r->nquorum; i++)
		if (r->quorum[i].max_population < 0 ||
		    m->village.population <= r->quorum[i].max_population)
			return r->quorum[i].representatives;
	die(EXIT_ERROR, "%s: no quorum row fits a population of %lld", r->path,
	    m->village.population);
}

static long long
quota(struct meeting *m)
{
	long long rate = m->village.key_village ? m->rules.scale_key : m->rules.scale_other;

	if (m->village.quota >= 0)
		return m->village.quota;
	if (rate < 0)
		die(EXIT_ERROR, "%s: no quota in the village and no scale rate in the rules",
		    m->rules.path);
	if (m->village.population < 0)
		die(EXIT_ERROR, "%s: village.population is needed for the scale",
		    m->village.path);
	return m->village.population * rate / 1000000;   /* floor */
}

struct ranked {
	long long pci, votes_for;
	const char *household;
	uint32_t row;
};

static int
by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->pci != y->pci)
		return x->pci < y->pci ? -1 : 1;
	if (x->votes_for != y->votes_for)
		return x->votes_for > y->votes_for ? -1 : 1;
	return strcmp(x->household, y->household);
}

static void
write_list(struct meeting *m, struct outfile *out, const int *cols)
{
	uint32_t *order = hhlist_order(&m->list);
	const char **cells = xcalloc(m->list.ncols, sizeof *cells);
	struct csvout w;

	csvout_init(&w, out, CSVOUT_DATA);
	hhlist_write_header(&m->list, &w);
	for (size_t i = 0; i < m->list.nrows; i++) {
		const struct tally *t = &m->tally[order[i]];
		char reasons[1024], num[4][32];

		hhlist_cells(&m->list, order[i], cells);
		if (t->decision != NULL)
			cells[m->list.col[HH_DECISION]] = t->decision;
		if (t->reason != NULL) {
			const char *old = cells[m->list.col[HH_REASONS]];

			snprintf(reasons, sizeof reasons, "%s%s%s", old, *old ? ";" : "", t->reason);
			cells[m->list.col[HH_REASONS]] = reasons;
		}
		for (int k = 0; k < 3; k++) {
			if (t->state == VOTED)
				snprintf(num[k], sizeof num[k], "%lld", t->votes[k]);
			else
				num[k][0] = '\0';
			cells[cols[k]] = num[k];
		}
		if (t->rank > 0)
			snprintf(num[3], sizeof num[3], "%lld", t->rank);
		else
			num[3][0] = '\0';
		cells[cols[3]] = num[3];
		csvout_row(&w, cells, m->list.ncols);
	}
	free(cells);
	free(order);
}

int
appraise_run(const struct appraise_options *o)
{
	struct meeting m;
	struct csvin *votes;
	struct outfile *out;
	struct ranked *passed;
	const char **cells;
	const char *rules_path;
	size_t npassed = 0;
	long long needed, limit, people = 0;
	int cols[4], rc, blocked;
	size_t counts[4] = { 0 };
	char sha[DIGEST_HEX], count[6][32];

	memset(&m, 0, sizeof m);
	m.o = o;
	if (village_load(&m.village, o->village, m.err, sizeof m.err) != 0)
		die(EXIT_ERROR, "%s", m.err);
	rules_path = o->rules ? o->rules : m.village.rules_path;
	if (rules_path == NULL)
		die(EXIT_ERROR, "no rules: give --rules, or name them in %s", m.village.path);
	m.rules.include_anywhere = o->include_anywhere;
	if (rules_load(&m.rules, rules_path, m.err, sizeof m.err) != 0)
		die(EXIT_ERROR, "%s", m.err);
	if ((m.present = m.village.representatives) < 0)
		die(EXIT_ERROR, "%s: appraisal.representatives (present at the "
		    "meeting) is missing", m.village.path);
	needed = quorum(&m);
	limit = quota(&m);
	m.aliases = aliases_new();
	if (o->columns && aliases_load(m.aliases, o->columns, m.err, sizeof m.err) != 0)
		die(EXIT_ERROR, "%s", m.err);
	if (hhlist_read(&m.list, o->primary, o->encoding, m.err, sizeof m.err) != 0)
		die(EXIT_ERROR, "%s", m.err);
	cols[0] = hhlist_column(&m.list, "votes_for");
	cols[1] = hhlist_column(&m.list, "votes_against");
	cols[2] = hhlist_column(&m.list, "votes_abstain");
	cols[3] = hhlist_column(&m.list, "rank");
	m.tally = xcalloc(m.list.nrows + 1, sizeof *m.tally);

	if ((votes = csvin_open(o->votes, o->encoding, m.err, sizeof m.err)) == NULL)
		die(EXIT_ERROR, "%s", m.err);
	m.vfile = csvin_name(votes);
	if ((out = outfile_open(o->output, OUTFILE_PRIVATE, m.err, sizeof m.err)) == NULL)
		die(EXIT_ERROR, "%s", m.err);
	rc = csvin_read(votes, on_vote, &m);
	if (rc != 0)
		die(EXIT_ERROR, "%s", rc < 0 ? csvin_error(votes) : m.err);
	if (m.vcols.ncells == 0)
		die(EXIT_ERROR, "%s:1: empty file: a header row is required", m.vfile);

	blocked = m.present < needed;
	if (blocked)
		warnmsg("%s: quorum not met: %lld representatives present, %lld "
		    "needed for a village of %lld people; nobody is proposed",
		    m.village.path, m.present, needed, m.village.population);
	passed = xcalloc(m.list.nrows + 1, sizeof *passed);
	cells = xcalloc(m.list.ncols, sizeof *cells);
	for (size_t r = 0; r < m.list.nrows; r++) {
		struct tally *t = &m.tally[r];

		hhlist_cells(&m.list, r, cells);
		if (strcmp(cells[m.list.col[HH_DECISION]], "eligible") != 0)
			continue;
		if (blocked || t->state == NO_VOTE_ROW) {
			t->decision = "not_appraised";
			t->reason = "NO_VOTE";
		} else if (t->state == BAD) {
			t->decision = "not_appraised";
			t->reason = "BAD_VOTE";
		} else if (2 * t->votes[0] > m.present) {
			const char *pci = cells[m.list.col[HH_PCI]];

			if (money_parse(pci, strlen(pci), &passed[npassed].pci) != 0 ||
			    parse_count(cells[m.list.col[HH_MEMBERS]], &t->members) != 0)
				die(EXIT_ERROR, "%s:%u: household %s: members or "
				    "per_capita_income is not a number", m.list.file,
				    m.list.line[r], cells[m.list.col[HH_HOUSEHOLD]]);
			passed[npassed].votes_for = t->votes[0];
			passed[npassed].household = cells[m.list.col[HH_HOUSEHOLD]];
			passed[npassed].row = (uint32_t)r;
			npassed++;
		} else {
			t->decision = "voted_down";
			t->reason = "VOTE";
		}
	}
	/* households point into the arena: stable. */
	qsort(passed, npassed, sizeof *passed, by_rank);
	for (size_t i = 0; i < npassed; i++) {
		struct tally *t = &m.tally[passed[i].row];

		t->rank = (long long)i + 1;
		if (people >= 0 && people + t->members <= limit) {
			people += t->members;
			t->decision = "proposed";
		} else {
			people = -1;    /* from the first that does not fit, the rest */
			t->decision = "over_quota";
			t->reason = "SCALE";
		}
	}
	write_list(&m, out, cols);
	if (outfile_finish(out, sha, m.err, sizeof m.err) != 0)
		die(EXIT_ERROR, "%s", m.err);
	struct provenance p, *pp = NULL;

	if (!outfile_in_place(out)) {
		pp = &p;
		provenance_init(pp, "appraise", o->output);
		provenance_rules(pp, m.rules.path, m.rules.sha256);
		provenance_input(pp, o->primary, m.list.sha256);
		provenance_input(pp, o->votes, csvin_sha256(votes));
		provenance_input(pp, m.village.path, m.village.sha256);
		for (size_t i = 1; i < m.rules.nfiles; i++)
			provenance_input(pp, m.rules.files[i].path, m.rules.files[i].sha256);
		provenance_output(pp, o->output, sha);
	}
	if (provenance_seal(pp, (struct outfile *const[]){ out }, 1, m.err, sizeof m.err) != 0)
		die(EXIT_ERROR, "%s", m.err);
	if (pp != NULL) {
		warnlines(provenance_notes(pp));
		provenance_free(pp);
	}
	for (size_t r = 0; r < m.list.nrows; r++) {
		const char *d = m.tally[r].decision;

		if (d == NULL)
			continue;
		counts[d[0] == 'p' ? 0 : d[0] == 'v' ? 1 : d[0] == 'o' ? 2 : 3]++;
	}
	if (!o->quiet)
		fprintf(stderr, "appraised: %s proposed, %s voted down, %s over the "
		    "quota of %s people, %s not appraised\n",
		    text_count(count[0], counts[0]), text_count(count[1], counts[1]),
		    text_count(count[2], counts[2]), text_count(count[3], (uint64_t)limit),
		    text_count(count[4], counts[3]));
	free(cells);
	free(passed);
	free(m.tally);
	csvin_close(votes);
	columns_free(&m.vcols);
	aliases_free(m.aliases);
	hhlist_free(&m.list);
	rules_free(&m.rules);
	village_free(&m.village);
	return blocked ? EXIT_BLOCKED : EXIT_DONE;
}
