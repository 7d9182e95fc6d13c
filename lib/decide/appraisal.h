/* Democratic appraisal (SPEC §6 appraise): the quorum of the meeting, the
 * vote on each eligible household, the scale quota, the ranking and the
 * admission in rank order. Pure: the list, the votes, the rules and the
 * village's facts in; a decision per household out. */
#ifndef TPA_APPRAISAL_H
#define TPA_APPRAISAL_H

#include <stddef.h>

#include "base/strbuf.h"
#include "household/list.h"
#include "household/votefile.h"
#include "rules/rules.h"
#include "rules/village.h"
#include "values/enums.h"

/* Representatives the meeting needed: the rules' quorum table for the
 * village's population, or ceil(total x min_share). Returns 0, or -1 with
 * the reason in WHY (no quorum in the rules, no population, no total). */
int appraisal_quorum(const struct rules *r, const struct village *v,
    long long *needed, struct strbuf *why);

/* The quota of people: village.yaml's quota, else floor(population x the
 * rate for a key or other village). Returns 0, or -1 with WHY. */
int appraisal_quota(const struct rules *r, const struct village *v,
    long long *quota, struct strbuf *why);

/* Whether a household passes: votes_for > representatives present / 2. */
int appraisal_passes(long long votes_for, long long present);

/* What the appraisal gives one household of the list. Households that
 * were not eligible keep their decision (CHANGED is 0). */
struct appraisal {
	int changed;
	enum decision decision;
	enum reason reason;           /* added to the reasons, or NREASONS */
	long long rank;               /* 0: not ranked */
};

struct appraisal_summary {
	long long needed, present, quota, admitted_people;
	int blocked;                  /* the quorum was not met */
	size_t proposed, voted_down, over_quota, not_appraised;
};

/* Appraise every household of L with VOTES (one per row of L). Writes
 * OUT (one per row). Returns 0, or -1 with WHY when the quorum or the
 * quota cannot be worked out. */
int appraisal_decide(const struct rules *r, const struct village *v,
    const struct hhlist *l, const struct vote *votes,
    struct appraisal *out, struct appraisal_summary *sum, struct strbuf *why);

/* Write the appraisal into L, as appraised.csv holds it: the columns
 * votes_for, votes_against, votes_abstain and rank (added when L lacks
 * them), each row's counts (empty unless its vote row was good) and rank
 * (empty when not ranked), and for a row the appraisal changed its new
 * decision and the reason added. VOTES and OUT have one entry per row. */
void appraisal_write(struct hhlist *l, const struct vote *votes,
    const struct appraisal *out);

#endif
