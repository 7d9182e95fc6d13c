/* decide/appraisal.c, decide/objections.c, decide/checks.c: the meeting,
 * the objections and the audit's own checks on records built by hand. */
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "decide/appraisal.h"
#include "decide/checks.h"
#include "decide/objections.h"
#include "values/date.h"
#include "suites.h"

/* SPEC §4's quorum table: under 1,000 people 20 representatives, else 30;
 * scale 50% in key villages, 5% elsewhere. */
static struct quorum_row table[] = { { 999, 20 }, { -1, 30 } };

static void
spec_rules(struct rules *r)
{
	memset(r, 0, sizeof *r);
	r->path = "rules.yaml";
	r->poverty_line = 285500;
	r->quorum = table;
	r->nquorum = 2;
	r->min_share = -1;
	r->scale_key = 500000;
	r->scale_other = 50000;
}

static void
village(struct village *v, long long population, long long present)
{
	memset(v, 0, sizeof *v);
	v->path = "village.yaml";
	v->population = population;
	v->representatives = present;
	v->total = -1;
	v->quota = -1;
}

static long long
needed(const struct rules *r, const struct village *v, struct strbuf *why)
{
	long long n = -7;

	strbuf_reset(why);
	if (appraisal_quorum(r, v, &n, why) != 0)
		return -1;
	return n;
}

START_TEST(quorum_by_population)
{
	struct rules r;
	struct village v;
	struct strbuf why = { 0 };

	spec_rules(&r);
	village(&v, 999, 0);
	ck_assert_int_eq(needed(&r, &v, &why), 20);
	v.population = 1000;
	ck_assert_int_eq(needed(&r, &v, &why), 30);
	v.population = 0;
	ck_assert_int_eq(needed(&r, &v, &why), 20);
	v.population = 2937;
	ck_assert_int_eq(needed(&r, &v, &why), 30);
	/* No population: no quorum. */
	v.population = -1;
	ck_assert_int_eq(needed(&r, &v, &why), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&why), "population"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&why), "village.yaml"));
	/* A table whose rows all stop below the population. */
	r.nquorum = 1;
	v.population = 1000;
	ck_assert_int_eq(needed(&r, &v, &why), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&why), "1000"));
	/* No table at all. */
	r.nquorum = 0;
	ck_assert_int_eq(needed(&r, &v, &why), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&why), "rules.yaml"));
	strbuf_free(&why);
}
END_TEST

START_TEST(quorum_by_share)
{
	struct rules r;
	struct village v;
	struct strbuf why = { 0 };

	spec_rules(&r);
	village(&v, 2937, 0);
	/* ceil(45 x 0.667) = ceil(30.015) = 31. */
	r.min_share = 667000;
	v.total = 45;
	ck_assert_int_eq(needed(&r, &v, &why), 31);
	/* 30 x 0.5 = 15 exactly; 31 x 0.5 = 15.5 -> 16. */
	r.min_share = 500000;
	v.total = 30;
	ck_assert_int_eq(needed(&r, &v, &why), 15);
	v.total = 31;
	ck_assert_int_eq(needed(&r, &v, &why), 16);
	/* The share wins over the table, and needs no population. */
	v.population = -1;
	ck_assert_int_eq(needed(&r, &v, &why), 16);
	/* ... but it needs the total. */
	v.total = -1;
	ck_assert_int_eq(needed(&r, &v, &why), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&why), "total"));
	strbuf_free(&why);
}
END_TEST

START_TEST(quota)
{
	struct rules r;
	struct village v;
	struct strbuf why = { 0 };
	long long q;

	spec_rules(&r);
	village(&v, 2937, 0);
	/* floor(2,937 x 0.05) = floor(146.85) = 146. */
	ck_assert_int_eq(appraisal_quota(&r, &v, &q, &why), 0);
	ck_assert_int_eq(q, 146);
	/* Key village: floor(2,937 x 0.5) = floor(1,468.5) = 1,468. */
	v.key_village = 1;
	ck_assert_int_eq(appraisal_quota(&r, &v, &q, &why), 0);
	ck_assert_int_eq(q, 1468);
	/* 100 x 0.05 = 5 exactly. */
	v.key_village = 0;
	v.population = 100;
	ck_assert_int_eq(appraisal_quota(&r, &v, &q, &why), 0);
	ck_assert_int_eq(q, 5);
	/* village.yaml's quota wins, and needs neither rate nor population. */
	v.quota = 1400;
	v.population = -1;
	r.scale_other = -1;
	ck_assert_int_eq(appraisal_quota(&r, &v, &q, &why), 0);
	ck_assert_int_eq(q, 1400);
	/* No quota: a rate and the population are needed. */
	v.quota = -1;
	ck_assert_int_eq(appraisal_quota(&r, &v, &q, &why), -1);
	strbuf_reset(&why);
	r.scale_other = 50000;
	ck_assert_int_eq(appraisal_quota(&r, &v, &q, &why), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&why), "population"));
	strbuf_free(&why);
}
END_TEST

START_TEST(pass_rule)
{
	/* votes_for > present / 2: exactly half is not enough. */
	ck_assert(appraisal_passes(16, 30));
	ck_assert(!appraisal_passes(15, 30));
	ck_assert(appraisal_passes(16, 31));   /* 16 > 15.5 */
	ck_assert(!appraisal_passes(15, 31));
	ck_assert(!appraisal_passes(0, 0));
	ck_assert(appraisal_passes(32, 32));
}
END_TEST

/* The list of the meeting. Households, their decision, per-capita
 * income (fen), members and vote (for, against, abstain) out of 30:
 *   A eligible  100,000  3  16-14-0  passes (32 > 30)
 *   B eligible  100,000  2  20-10-0
 *   C eligible   50,000  4  15-15-0  exactly half: voted down
 *   D eligible  120,000  4  25-5-0
 *   E eligible  130,000  1  25-5-0
 *   F eligible  100,000  1  20-5-5
 *   G excluded            (no vote)
 *   H eligible            no vote row
 *   I eligible            a bad vote row
 * Rank by income, then votes for (more first), then number: B (100,000,
 * 20 votes) before F (same income and votes, "B" < "F"), then A (16
 * votes), D, E. */
enum { A, B, C, D, E, F, G, H, I, NROWS };

static void
meeting(struct hhlist *l, struct vote *v)
{
	static const struct {
		const char *id;
		enum decision d;
		long long pci, members;
		enum vote_state st;
		long long n[3];
	} rows[NROWS] = {
		{ "A", DEC_ELIGIBLE, 100000, 3, VOTE_OK, { 16, 14, 0 } },
		{ "B", DEC_ELIGIBLE, 100000, 2, VOTE_OK, { 20, 10, 0 } },
		{ "C", DEC_ELIGIBLE, 50000, 4, VOTE_OK, { 15, 15, 0 } },
		{ "D", DEC_ELIGIBLE, 120000, 4, VOTE_OK, { 25, 5, 0 } },
		{ "E", DEC_ELIGIBLE, 130000, 1, VOTE_OK, { 25, 5, 0 } },
		{ "F", DEC_ELIGIBLE, 100000, 1, VOTE_OK, { 20, 5, 5 } },
		{ "G", DEC_EXCLUDED, 10000, 2, VOTE_NONE, { 0, 0, 0 } },
		{ "H", DEC_ELIGIBLE, 10000, 2, VOTE_NONE, { 0, 0, 0 } },
		{ "I", DEC_ELIGIBLE, 10000, 2, VOTE_BAD, { 0, 0, 0 } },
	};

	hhlist_init(l, "primary.csv");
	for (size_t i = 0; i < NROWS; i++) {
		size_t r = hhlist_add(l, rows[i].id, i + 2);

		hhlist_set_decision(l, r, rows[i].d);
		l->row[r].pci = rows[i].pci;
		l->row[r].members = rows[i].members;
		v[r].state = rows[i].st;
		memcpy(v[r].n, rows[i].n, sizeof v[r].n);
	}
}

#define OUTCOME(x, dec, rsn, rnk) do { \
	ck_assert_msg(out[x].changed, "%c unchanged", 'A' + (x)); \
	ck_assert_msg(out[x].decision == (dec), "%c: decision %s", 'A' + (x), \
	    decision_code(out[x].decision)); \
	ck_assert_msg(out[x].reason == (rsn), "%c: reason %d", 'A' + (x), (int)out[x].reason); \
	ck_assert_msg(out[x].rank == (rnk), "%c: rank %lld", 'A' + (x), out[x].rank); \
} while (0)

START_TEST(appraised_in_rank_order)
{
	struct rules r;
	struct village v;
	struct hhlist l;
	struct vote votes[NROWS];
	struct appraisal out[NROWS];
	struct appraisal_summary sum;
	struct strbuf why = { 0 };

	spec_rules(&r);
	village(&v, 900, 30);       /* 20 needed, 30 present */
	v.quota = 9;
	memset(votes, 0, sizeof votes);
	meeting(&l, votes);
	ck_assert_msg(appraisal_decide(&r, &v, &l, votes, out, &sum, &why) == 0,
	    "%s", strbuf_str(&why));
	/* Quota 9: B (2) -> 2, F (1) -> 3, A (3) -> 6, D (4) would make 10:
	 * over, and from there on all are over, E (1) too though it would fit. */
	OUTCOME(B, DEC_PROPOSED, NREASONS, 1);
	OUTCOME(F, DEC_PROPOSED, NREASONS, 2);
	OUTCOME(A, DEC_PROPOSED, NREASONS, 3);
	OUTCOME(D, DEC_OVER_QUOTA, RSN_SCALE, 4);
	OUTCOME(E, DEC_OVER_QUOTA, RSN_SCALE, 5);
	OUTCOME(C, DEC_VOTED_DOWN, RSN_VOTE, 0);
	OUTCOME(H, DEC_NOT_APPRAISED, RSN_NO_VOTE, 0);
	OUTCOME(I, DEC_NOT_APPRAISED, RSN_BAD_VOTE, 0);
	ck_assert(!out[G].changed);
	ck_assert_int_eq(out[G].rank, 0);
	ck_assert_int_eq(sum.needed, 20);
	ck_assert_int_eq(sum.present, 30);
	ck_assert_int_eq(sum.quota, 9);
	ck_assert(!sum.blocked);
	ck_assert_uint_eq(sum.proposed, 3);
	ck_assert_uint_eq(sum.over_quota, 2);
	ck_assert_uint_eq(sum.voted_down, 1);
	ck_assert_uint_eq(sum.not_appraised, 2);
	ck_assert_int_eq(sum.admitted_people, 6);

	/* Quota 10: D fits exactly (2 + 1 + 3 + 4), E does not (11). */
	v.quota = 10;
	ck_assert_int_eq(appraisal_decide(&r, &v, &l, votes, out, &sum, &why), 0);
	OUTCOME(D, DEC_PROPOSED, NREASONS, 4);
	OUTCOME(E, DEC_OVER_QUOTA, RSN_SCALE, 5);
	ck_assert_int_eq(sum.admitted_people, 10);
	ck_assert_uint_eq(sum.proposed, 4);
	hhlist_free(&l);
	strbuf_free(&why);
}
END_TEST

/* What appraise.csv holds, as tpa-appraise and the audit both write it:
 * the counts of a good vote row only, the rank of the ranked, and for the
 * households the appraisal changed their decision and the reason added
 * after those they had. */
START_TEST(appraisal_written_into_the_list)
{
	struct rules r;
	struct village v;
	struct hhlist l;
	struct vote votes[NROWS];
	struct appraisal out[NROWS];
	struct appraisal_summary sum;
	struct strbuf why = { 0 };
	int vf, va, vb, rk;

	spec_rules(&r);
	village(&v, 900, 30);
	v.quota = 9;
	memset(votes, 0, sizeof votes);
	meeting(&l, votes);
	hhlist_set_str(&l, C, l.col[L_REASONS], "X");
	ck_assert_int_eq(appraisal_decide(&r, &v, &l, votes, out, &sum, &why), 0);
	appraisal_write(&l, votes, out);
	vf = hhlist_find(&l, "votes_for");
	va = hhlist_find(&l, "votes_against");
	vb = hhlist_find(&l, "votes_abstain");
	rk = hhlist_find(&l, "rank");
	/* added after the list's own columns, in this order */
	ck_assert_int_eq(va, vf + 1);
	ck_assert_int_eq(vb, vf + 2);
	ck_assert_int_eq(rk, vf + 3);
	ck_assert_int_eq(rk, (int)l.ncols - 1);
	/* B: 20-10-0, first, proposed, no reason */
	ck_assert_str_eq(hhlist_cell(&l, B, vf), "20");
	ck_assert_str_eq(hhlist_cell(&l, B, va), "10");
	ck_assert_str_eq(hhlist_cell(&l, B, vb), "0");
	ck_assert_str_eq(hhlist_cell(&l, B, rk), "1");
	ck_assert_str_eq(hhlist_cell(&l, B, l.col[L_DECISION]), "proposed");
	ck_assert_int_eq(l.row[B].decision, DEC_PROPOSED);
	ck_assert_str_eq(hhlist_cell(&l, B, l.col[L_REASONS]), "");
	/* D: ranked 4th, over the quota: SCALE */
	ck_assert_str_eq(hhlist_cell(&l, D, rk), "4");
	ck_assert_str_eq(hhlist_cell(&l, D, l.col[L_DECISION]), "over_quota");
	ck_assert_str_eq(hhlist_cell(&l, D, l.col[L_REASONS]), "SCALE");
	/* C: voted down, its reason after the one it had; no rank */
	ck_assert_str_eq(hhlist_cell(&l, C, l.col[L_DECISION]), "voted_down");
	ck_assert_str_eq(hhlist_cell(&l, C, l.col[L_REASONS]), "X;VOTE");
	ck_assert_str_eq(hhlist_cell(&l, C, rk), "");
	ck_assert_str_eq(hhlist_cell(&l, C, vf), "15");
	/* G: not eligible, left as it was, no counts; I: a bad vote row */
	ck_assert_str_eq(hhlist_cell(&l, G, l.col[L_DECISION]), "excluded");
	ck_assert_str_eq(hhlist_cell(&l, G, l.col[L_REASONS]), "");
	ck_assert_str_eq(hhlist_cell(&l, G, vf), "");
	ck_assert_str_eq(hhlist_cell(&l, I, vf), "");
	ck_assert_str_eq(hhlist_cell(&l, I, vb), "");
	ck_assert_str_eq(hhlist_cell(&l, I, l.col[L_REASONS]), "BAD_VOTE");
	ck_assert_str_eq(hhlist_cell(&l, H, l.col[L_REASONS]), "NO_VOTE");
	/* Written twice (the audit on a list already appraised): the columns
	 * are found, not added again. */
	appraisal_write(&l, votes, out);
	ck_assert_int_eq(hhlist_find(&l, "rank"), rk);
	hhlist_free(&l);
	strbuf_free(&why);
}
END_TEST

START_TEST(ties_broken)
{
	struct rules r;
	struct village v;
	struct hhlist l;
	struct vote votes[3];
	struct appraisal out[3];
	struct appraisal_summary sum;
	struct strbuf why = { 0 };
	static const char *const ids[] = { "H10", "H9", "H2" };

	/* Same income, same votes: the household number, bytewise ("H10" <
	 * "H2" < "H9"). */
	spec_rules(&r);
	village(&v, 900, 20);
	v.quota = 100;
	hhlist_init(&l, "primary.csv");
	for (size_t i = 0; i < 3; i++) {
		hhlist_add(&l, ids[i], i + 2);
		hhlist_set_decision(&l, i, DEC_ELIGIBLE);
		l.row[i].pci = 5000;
		l.row[i].members = 1;
		votes[i].state = VOTE_OK;
		votes[i].n[0] = 11;
		votes[i].n[1] = votes[i].n[2] = 0;
	}
	ck_assert_int_eq(appraisal_decide(&r, &v, &l, votes, out, &sum, &why), 0);
	ck_assert_int_eq(out[0].rank, 1);     /* H10 */
	ck_assert_int_eq(out[2].rank, 2);     /* H2 */
	ck_assert_int_eq(out[1].rank, 3);     /* H9 */
	/* More votes for ranks first at equal income. */
	votes[1].n[0] = 12;
	ck_assert_int_eq(appraisal_decide(&r, &v, &l, votes, out, &sum, &why), 0);
	ck_assert_int_eq(out[1].rank, 1);
	ck_assert_int_eq(out[0].rank, 2);
	ck_assert_int_eq(out[2].rank, 3);
	/* Lower income ranks first whatever the votes. */
	l.row[2].pci = 4999;
	ck_assert_int_eq(appraisal_decide(&r, &v, &l, votes, out, &sum, &why), 0);
	ck_assert_int_eq(out[2].rank, 1);
	hhlist_free(&l);
	strbuf_free(&why);
}
END_TEST

START_TEST(quorum_not_met)
{
	struct rules r;
	struct village v;
	struct hhlist l;
	struct vote votes[NROWS];
	struct appraisal out[NROWS];
	struct appraisal_summary sum;
	struct strbuf why = { 0 };

	spec_rules(&r);
	village(&v, 900, 19);       /* 20 needed */
	v.quota = 100;
	memset(votes, 0, sizeof votes);
	meeting(&l, votes);
	ck_assert_int_eq(appraisal_decide(&r, &v, &l, votes, out, &sum, &why), 0);
	ck_assert(sum.blocked);
	ck_assert_int_eq(sum.needed, 20);
	ck_assert_int_eq(sum.present, 19);
	/* Every eligible household: not appraised, NO_VOTE, whatever its
	 * vote; nothing proposed. */
	for (int x = A; x < NROWS; x++) {
		if (x == G) {
			ck_assert(!out[x].changed);
			continue;
		}
		OUTCOME(x, DEC_NOT_APPRAISED, RSN_NO_VOTE, 0);
	}
	ck_assert_uint_eq(sum.proposed, 0);
	ck_assert_uint_eq(sum.not_appraised, 8);
	ck_assert_int_eq(sum.admitted_people, 0);

	/* Representatives present not given: an error, not a decision. */
	village(&v, 900, -1);
	v.quota = 100;
	ck_assert_int_eq(appraisal_decide(&r, &v, &l, votes, out, &sum, &why), -1);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&why), "representatives"));
	hhlist_free(&l);
	strbuf_free(&why);
}
END_TEST

/* ---- objections ---- */

struct findings {
	char household[16][16];
	enum objection_finding what[16];
	size_t n;
};

static void
on_finding(void *ctx, const struct objection *o, enum objection_finding what)
{
	struct findings *f = ctx;

	ck_assert_uint_lt(f->n, 16);
	snprintf(f->household[f->n], sizeof f->household[0], "%s", o->household);
	f->what[f->n++] = what;
}

static size_t
found(const struct findings *f, const char *household, enum objection_finding what)
{
	size_t k = 0;

	for (size_t i = 0; i < f->n; i++)
		k += strcmp(f->household[i], household) == 0 && f->what[i] == what;
	return k;
}

/* The village level's list: H1..H4 and H6 proposed, H5 voted down. */
static void
publicized(struct hhlist *l)
{
	static const char *const ids[] = { "H1", "H2", "H3", "H4", "H5", "H6" };

	hhlist_init(l, "appraised.csv");
	for (size_t i = 0; i < 6; i++) {
		hhlist_add(l, ids[i], i + 2);
		hhlist_set_decision(l, i, i == 4 ? DEC_VOTED_DOWN : DEC_PROPOSED);
	}
}

static struct objection
objection(const char *household, enum objection_kind k, enum objection_outcome o,
    int month, int day)
{
	struct objection x;

	memset(&x, 0, sizeof x);
	x.household = (char *)household;
	x.about = (char *)"";
	x.kind = k;
	x.outcome = o;
	x.received = month ? date_days(2015, month, day) : NO_DATE;
	x.decided = NO_DATE;
	x.line = 2;
	return x;
}

/* 5 to 11 June 2015: 7 days. */
static struct period
period(int end_day)
{
	struct period p = { date_days(2015, 6, 5), date_days(2015, 6, end_day), 1 };

	return p;
}

struct resolved {
	struct hhlist l;
	struct resolution out[6];
	unsigned char resurvey[8];
	struct resolve_summary sum;
	struct findings f;
};

static struct resolved rs;

static void
resolve(enum level lev, struct period p, long long min_days,
    const struct objection *o, size_t n)
{
	memset(&rs.f, 0, sizeof rs.f);
	memset(rs.resurvey, 0xAA, sizeof rs.resurvey);
	objections_resolve(lev, &p, min_days, &rs.l, o, n, rs.out, rs.resurvey,
	    &rs.sum, on_finding, &rs.f);
}

static void
objections_setup(void)
{
	memset(&rs, 0, sizeof rs);
	publicized(&rs.l);
}

static void
objections_teardown(void)
{
	hhlist_free(&rs.l);
}

START_TEST(no_objections)
{
	resolve(LEVEL_VILLAGE, period(11), 7, NULL, 0);
	/* Every proposed household confirmed; H5 left as it was. */
	for (size_t i = 0; i < 6; i++) {
		if (i == 4) {
			ck_assert(!rs.out[i].changed);
			continue;
		}
		ck_assert(rs.out[i].changed);
		ck_assert_int_eq(rs.out[i].decision, DEC_CONFIRMED);
		ck_assert_uint_eq(rs.out[i].objections, 0);
	}
	ck_assert_uint_eq(rs.sum.confirmed, 5);
	ck_assert_int_eq(rs.sum.period_days, 7);
	ck_assert(!rs.sum.period_short);
	ck_assert(!rs.sum.blocked);
	ck_assert_int_eq(objections_running(LEVEL_VILLAGE), DEC_PROPOSED);
	ck_assert_int_eq(objections_running(LEVEL_TOWN), DEC_CONFIRMED);
	ck_assert_int_eq(objections_running(LEVEL_COUNTY), DEC_CONFIRMED);
}
END_TEST

START_TEST(upheld_removes)
{
	struct objection o[1] = {
		objection("H1", KIND_WRONGLY_INCLUDED, OUTCOME_UPHELD, 6, 6),
	};

	resolve(LEVEL_VILLAGE, period(11), 7, o, 1);
	ck_assert(rs.out[0].changed);
	ck_assert_int_eq(rs.out[0].decision, DEC_REMOVED);
	ck_assert(rs.out[0].reason_objection);
	ck_assert_uint_eq(rs.out[0].objections, 1);
	ck_assert_int_eq(rs.out[1].decision, DEC_CONFIRMED);
	ck_assert(!rs.out[1].reason_objection);
	ck_assert_uint_eq(rs.sum.removed, 1);
	ck_assert_uint_eq(rs.sum.confirmed, 4);
	ck_assert(!rs.sum.blocked);
	ck_assert_int_eq(rs.resurvey[0], 0);
	ck_assert_uint_eq(rs.f.n, 0);
}
END_TEST

/* What publicized-LEVEL.csv holds, as tpa-publicize resolve and the
 * audit both write it: each row's objections added to the count the list
 * had, the new decision of a household in the running, OBJECTION after
 * the reasons of one removed. */
START_TEST(resolution_written_into_the_list)
{
	struct objection o[3] = {
		objection("H1", KIND_WRONGLY_INCLUDED, OUTCOME_UPHELD, 6, 6),
		objection("H2", KIND_WRONGLY_INCLUDED, OUTCOME_PENDING, 6, 7),
		objection("H5", KIND_WRONGLY_EXCLUDED, OUTCOME_DISMISSED, 6, 7),
	};
	int oc;

	hhlist_set_str(&rs.l, 0, rs.l.col[L_REASONS], "X");
	rs.l.row[2].objections = 2;   /* two at the level before */
	resolve(LEVEL_VILLAGE, period(11), 7, o, 3);
	objections_write(&rs.l, rs.out);
	oc = hhlist_find(&rs.l, "objections");
	ck_assert_int_eq(oc, (int)rs.l.ncols - 1);
	ck_assert_str_eq(hhlist_cell(&rs.l, 0, rs.l.col[L_DECISION]), "removed");
	ck_assert_str_eq(hhlist_cell(&rs.l, 0, rs.l.col[L_REASONS]), "X;OBJECTION");
	ck_assert_str_eq(hhlist_cell(&rs.l, 0, oc), "1");
	ck_assert_str_eq(hhlist_cell(&rs.l, 1, rs.l.col[L_DECISION]), "pending");
	ck_assert_str_eq(hhlist_cell(&rs.l, 1, rs.l.col[L_REASONS]), "");
	ck_assert_str_eq(hhlist_cell(&rs.l, 1, oc), "1");
	ck_assert_str_eq(hhlist_cell(&rs.l, 2, rs.l.col[L_DECISION]), "confirmed");
	ck_assert_int_eq(rs.l.row[2].decision, DEC_CONFIRMED);
	ck_assert_str_eq(hhlist_cell(&rs.l, 2, oc), "2");
	/* H5, voted down, is not in the running: its decision stays */
	ck_assert_str_eq(hhlist_cell(&rs.l, 4, rs.l.col[L_DECISION]), "voted_down");
	ck_assert_str_eq(hhlist_cell(&rs.l, 4, oc), "1");
	ck_assert_str_eq(hhlist_cell(&rs.l, 5, oc), "0");
}
END_TEST

START_TEST(pending_blocks)
{
	struct objection o[1] = {
		objection("H2", KIND_WRONGLY_INCLUDED, OUTCOME_PENDING, 6, 7),
	};

	resolve(LEVEL_VILLAGE, period(11), 7, o, 1);
	ck_assert_int_eq(rs.out[1].decision, DEC_PENDING);
	ck_assert(!rs.out[1].reason_objection);
	ck_assert_uint_eq(rs.sum.pending, 1);
	ck_assert_uint_eq(rs.sum.pending_objections, 1);
	ck_assert(rs.sum.blocked);
	ck_assert_uint_eq(found(&rs.f, "H2", OBJ_PENDING), 1);
}
END_TEST

START_TEST(removal_wins_over_pending)
{
	struct objection o[2] = {
		objection("H3", KIND_WRONGLY_INCLUDED, OUTCOME_PENDING, 6, 7),
		objection("H3", KIND_WRONGLY_INCLUDED, OUTCOME_UPHELD, 6, 8),
	};

	resolve(LEVEL_VILLAGE, period(11), 7, o, 2);
	ck_assert_int_eq(rs.out[2].decision, DEC_REMOVED);
	ck_assert(rs.out[2].reason_objection);
	ck_assert_uint_eq(rs.out[2].objections, 2);
	ck_assert_uint_eq(rs.sum.removed, 1);
	ck_assert_uint_eq(rs.sum.pending, 0);
	/* The pending objection itself still waits for a decision. */
	ck_assert_uint_eq(rs.sum.pending_objections, 1);
	ck_assert(rs.sum.blocked);
}
END_TEST

START_TEST(dismissed_keeps)
{
	struct objection o[2] = {
		objection("H4", KIND_WRONGLY_INCLUDED, OUTCOME_DISMISSED, 6, 9),
		objection("H4", KIND_DATA_ERROR, OUTCOME_DISMISSED, 6, 9),
	};

	resolve(LEVEL_VILLAGE, period(11), 7, o, 2);
	ck_assert_int_eq(rs.out[3].decision, DEC_CONFIRMED);
	ck_assert(!rs.out[3].reason_objection);
	ck_assert_uint_eq(rs.out[3].objections, 2);
	ck_assert_int_eq(rs.resurvey[0], 0);
	ck_assert_int_eq(rs.resurvey[1], 0);
	ck_assert_uint_eq(rs.sum.resurvey, 0);
	ck_assert(!rs.sum.blocked);
}
END_TEST

START_TEST(resurveys)
{
	struct objection o[4] = {
		/* A household left out: no household_id. */
		objection("", KIND_WRONGLY_EXCLUDED, OUTCOME_UPHELD, 6, 6),
		/* Wrong data of a listed household: resurveyed, not removed. */
		objection("H6", KIND_DATA_ERROR, OUTCOME_UPHELD, 6, 6),
		objection("", KIND_WRONGLY_EXCLUDED, OUTCOME_DISMISSED, 6, 6),
		objection("H2", KIND_DATA_ERROR, OUTCOME_PENDING, 6, 6),
	};

	resolve(LEVEL_VILLAGE, period(11), 7, o, 4);
	ck_assert_int_eq(rs.resurvey[0], 1);
	ck_assert_int_eq(rs.resurvey[1], 1);
	ck_assert_int_eq(rs.resurvey[2], 0);
	ck_assert_int_eq(rs.resurvey[3], 0);
	ck_assert_uint_eq(rs.sum.resurvey, 2);
	ck_assert_int_eq(rs.out[5].decision, DEC_CONFIRMED);
	ck_assert_uint_eq(rs.out[5].objections, 1);
	/* A pending data_error against a listed household holds it. */
	ck_assert_int_eq(rs.out[1].decision, DEC_PENDING);
	ck_assert(rs.sum.blocked);
	/* An objection about a household left out names none in the list. */
	ck_assert_uint_eq(found(&rs.f, "", OBJ_NOT_IN_LIST), 0);
}
END_TEST

START_TEST(not_in_the_running)
{
	struct objection o[3] = {
		objection("H5", KIND_WRONGLY_INCLUDED, OUTCOME_UPHELD, 6, 6),
		objection("H99", KIND_WRONGLY_INCLUDED, OUTCOME_UPHELD, 6, 6),
		objection("H5", KIND_WRONGLY_INCLUDED, OUTCOME_PENDING, 6, 6),
	};

	resolve(LEVEL_VILLAGE, period(11), 7, o, 3);
	/* H5 was voted down: nothing changes for it. */
	ck_assert(!rs.out[4].changed);
	ck_assert(!rs.out[4].reason_objection);
	ck_assert_uint_eq(rs.out[4].objections, 2);
	ck_assert_uint_eq(found(&rs.f, "H5", OBJ_NOT_RUNNING), 1);
	ck_assert_uint_eq(found(&rs.f, "H99", OBJ_NOT_IN_LIST), 1);
	ck_assert_uint_eq(rs.sum.removed, 0);
	ck_assert_uint_eq(rs.sum.pending, 0);
	ck_assert_uint_eq(rs.sum.confirmed, 5);
	/* Its pending objection is still undecided and blocks. */
	ck_assert_uint_eq(rs.sum.pending_objections, 1);
	ck_assert(rs.sum.blocked);
}
END_TEST

START_TEST(received_outside_the_period)
{
	struct objection o[5] = {
		objection("H1", KIND_WRONGLY_INCLUDED, OUTCOME_DISMISSED, 6, 4),
		objection("H1", KIND_WRONGLY_INCLUDED, OUTCOME_DISMISSED, 6, 5),
		objection("H2", KIND_WRONGLY_INCLUDED, OUTCOME_DISMISSED, 6, 11),
		objection("H2", KIND_WRONGLY_INCLUDED, OUTCOME_UPHELD, 6, 12),
		objection("H3", KIND_WRONGLY_INCLUDED, OUTCOME_DISMISSED, 0, 0),
	};

	/* The bounds are inclusive; no date is not outside. Counted, noted,
	 * and the objections still count. */
	resolve(LEVEL_VILLAGE, period(11), 7, o, 5);
	ck_assert_uint_eq(rs.sum.outside, 2);
	ck_assert_uint_eq(found(&rs.f, "H1", OBJ_OUTSIDE_PERIOD), 1);
	ck_assert_uint_eq(found(&rs.f, "H2", OBJ_OUTSIDE_PERIOD), 1);
	ck_assert_uint_eq(found(&rs.f, "H3", OBJ_OUTSIDE_PERIOD), 0);
	ck_assert_int_eq(rs.out[1].decision, DEC_REMOVED);
	ck_assert(!rs.sum.blocked);
}
END_TEST

START_TEST(short_period)
{
	/* 5 to 10 June: 6 days, the rules want 7. */
	resolve(LEVEL_VILLAGE, period(10), 7, NULL, 0);
	ck_assert_int_eq(rs.sum.period_days, 6);
	ck_assert_int_eq(rs.sum.min_days, 7);
	ck_assert(rs.sum.period_short);
	ck_assert(rs.sum.blocked);
	/* Exactly 7 is enough; no minimum, no check. */
	resolve(LEVEL_VILLAGE, period(11), 7, NULL, 0);
	ck_assert(!rs.sum.period_short);
	ck_assert(!rs.sum.blocked);
	resolve(LEVEL_VILLAGE, period(5), -1, NULL, 0);
	ck_assert_int_eq(rs.sum.period_days, 1);
	ck_assert(!rs.sum.period_short);
}
END_TEST

START_TEST(town_level)
{
	struct objection o[2] = {
		objection("H1", KIND_WRONGLY_INCLUDED, OUTCOME_UPHELD, 6, 6),
		objection("H2", KIND_WRONGLY_INCLUDED, OUTCOME_UPHELD, 6, 6),
	};

	/* At town level the running households are the confirmed ones. */
	hhlist_set_decision(&rs.l, 0, DEC_CONFIRMED);
	hhlist_set_decision(&rs.l, 2, DEC_CONFIRMED);
	resolve(LEVEL_TOWN, period(11), 7, o, 2);
	ck_assert_int_eq(rs.out[0].decision, DEC_REMOVED);
	ck_assert_int_eq(rs.out[2].decision, DEC_CONFIRMED);
	ck_assert(!rs.out[1].changed);        /* H2 is only proposed */
	ck_assert_uint_eq(found(&rs.f, "H2", OBJ_NOT_RUNNING), 1);
	ck_assert_uint_eq(rs.sum.confirmed, 1);
	ck_assert_uint_eq(rs.sum.removed, 1);
}
END_TEST

/* ---- checks ---- */

START_TEST(draw_reproducible)
{
	size_t a[5], b[5], c[5], d[5];

	ck_assert_uint_eq(checks_draw(2015, "371323105201", 100, 5, a), 5);
	ck_assert_uint_eq(checks_draw(2015, "371323105201", 100, 5, b), 5);
	ck_assert(memcmp(a, b, sizeof a) == 0);
	/* Distinct households, all in range. */
	for (size_t i = 0; i < 5; i++) {
		ck_assert_uint_lt(a[i], 100);
		for (size_t j = 0; j < i; j++)
			ck_assert_uint_ne(a[i], a[j]);
	}
	/* Another village or another year draws otherwise. */
	checks_draw(2015, "371323105202", 100, 5, c);
	ck_assert(memcmp(a, c, sizeof a) != 0);
	checks_draw(2016, "371323105201", 100, 5, d);
	ck_assert(memcmp(a, d, sizeof a) != 0);
	/* The first picks do not depend on how many are drawn. */
	ck_assert_uint_eq(checks_draw(2015, "371323105201", 100, 2, b), 2);
	ck_assert(memcmp(a, b, 2 * sizeof a[0]) == 0);
}
END_TEST

START_TEST(draw_more_than_there_are)
{
	size_t p[10];
	int seen[4] = { 0 };

	/* k > n: every household, once each. */
	ck_assert_uint_eq(checks_draw(2015, "371323105201", 4, 10, p), 4);
	for (size_t i = 0; i < 4; i++) {
		ck_assert_uint_lt(p[i], 4);
		seen[p[i]]++;
	}
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(seen[i], 1);
	ck_assert_uint_eq(checks_draw(2015, "371323105201", 0, 5, p), 0);
	ck_assert_uint_eq(checks_draw(2015, "371323105201", 7, 0, p), 0);
	ck_assert_uint_eq(checks_draw(2015, "371323105201", 1, 1, p), 1);
	ck_assert_uint_eq(p[0], 0);
}
END_TEST

static void
dates(long d[NDATES])
{
	/* apply 1 June, survey 1 June (the same day), appraisal 3 June,
	 * village 5-11, town 11-17 (beginning the day the village ends),
	 * county 18-22. */
	static const int md[NDATES][2] = { { 6, 1 }, { 6, 1 }, { 6, 3 }, { 6, 5 },
		{ 6, 11 }, { 6, 11 }, { 6, 17 }, { 6, 18 }, { 6, 22 } };

	for (int i = 0; i < NDATES; i++)
		d[i] = date_days(2015, md[i][0], md[i][1]);
}

START_TEST(date_order)
{
	long d[NDATES];
	int late = -1, early = -1;

	dates(d);
	ck_assert_int_eq(checks_date_order(d, &late, &early), -1);
	/* Unknown dates are skipped. */
	d[DATE_SURVEY] = 0;
	d[DATE_TOWN_START] = 0;
	ck_assert_int_eq(checks_date_order(d, &late, &early), -1);
	/* Applied after the survey. */
	dates(d);
	d[DATE_APPLY] = date_days(2015, 6, 2);
	ck_assert_int_eq(checks_date_order(d, &late, &early), 0);
	ck_assert_int_eq(late, DATE_APPLY);
	ck_assert_int_eq(early, DATE_SURVEY);
	/* A period that ends before it starts. */
	dates(d);
	d[DATE_VILLAGE_END] = date_days(2015, 6, 4);
	ck_assert_int_eq(checks_date_order(d, &late, &early), 0);
	ck_assert_int_eq(late, DATE_VILLAGE_START);
	ck_assert_int_eq(early, DATE_VILLAGE_END);
	/* Compared across an unknown one: the appraisal after the village
	 * publicity started, the survey date unknown. */
	dates(d);
	d[DATE_SURVEY] = 0;
	d[DATE_APPRAISAL] = date_days(2015, 6, 20);
	ck_assert_int_eq(checks_date_order(d, &late, &early), 0);
	ck_assert_int_eq(late, DATE_APPRAISAL);
	ck_assert_int_eq(early, DATE_VILLAGE_START);
	ck_assert_str_eq(checks_date_names[DATE_APPRAISAL], "appraisal.date");
	ck_assert_str_eq(checks_date_names[DATE_COUNTY_END], "publicity.county.end");
}
END_TEST

Suite *
suite_appraisal(void)
{
	Suite *s = suite_create("appraisal");
	TCase *t = tcase_create("core");

	tcase_add_test(t, quorum_by_population);
	tcase_add_test(t, quorum_by_share);
	tcase_add_test(t, quota);
	tcase_add_test(t, pass_rule);
	tcase_add_test(t, appraised_in_rank_order);
	tcase_add_test(t, appraisal_written_into_the_list);
	tcase_add_test(t, ties_broken);
	tcase_add_test(t, quorum_not_met);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_objections(void)
{
	Suite *s = suite_create("objections");
	TCase *t = tcase_create("core");

	tcase_add_checked_fixture(t, objections_setup, objections_teardown);
	tcase_add_test(t, no_objections);
	tcase_add_test(t, upheld_removes);
	tcase_add_test(t, resolution_written_into_the_list);
	tcase_add_test(t, pending_blocks);
	tcase_add_test(t, removal_wins_over_pending);
	tcase_add_test(t, dismissed_keeps);
	tcase_add_test(t, resurveys);
	tcase_add_test(t, not_in_the_running);
	tcase_add_test(t, received_outside_the_period);
	tcase_add_test(t, short_period);
	tcase_add_test(t, town_level);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_checks(void)
{
	Suite *s = suite_create("checks");
	TCase *t = tcase_create("core");

	tcase_add_test(t, draw_reproducible);
	tcase_add_test(t, draw_more_than_there_are);
	tcase_add_test(t, date_order);
	suite_add_tcase(s, t);
	return s;
}
