#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "decide/appraisal.h"

int
appraisal_quorum(const struct rules *r, const struct village *v,
    long long *needed, struct strbuf *why)
{
	if (r->min_share >= 0) {
		if (v->total < 0) {
			strbuf_printf(why, _("%s: the rules hold the meeting to a share "
			    "of all representatives: give appraisal.total"), v->path);
			return -1;
		}
		/* ceil(total x share) */
		*needed = (v->total * r->min_share + 999999) / 1000000;
		return 0;
	}
	if (r->nquorum == 0) {
		strbuf_printf(why, _("%s: the rules give no appraisal quorum"), r->path);
		return -1;
	}
	if (v->population < 0) {
		strbuf_printf(why, _("%s: village.population is needed for the quorum"),
		    v->path);
		return -1;
	}
	for (size_t i = 0; i < r->nquorum; i++)
		if (r->quorum[i].max_population < 0 ||
		    v->population <= r->quorum[i].max_population) {
			*needed = r->quorum[i].representatives;
			return 0;
		}
	strbuf_printf(why, _("%s: no quorum row fits a population of %lld"), r->path,
	    v->population);
	return -1;
}

int
appraisal_quota(const struct rules *r, const struct village *v,
    long long *quota, struct strbuf *why)
{
	long long rate = v->key_village ? r->scale_key : r->scale_other;

	if (v->quota >= 0) {
		*quota = v->quota;
		return 0;
	}
	if (rate < 0) {
		strbuf_printf(why, _("%s: no quota in the village and no scale rate "
		    "in the rules"), r->path);
		return -1;
	}
	if (v->population < 0) {
		strbuf_printf(why, _("%s: village.population is needed for the scale"),
		    v->path);
		return -1;
	}
	*quota = v->population * rate / 1000000;   /* floor */
	return 0;
}

int
appraisal_passes(long long votes_for, long long present)
{
	return 2 * votes_for > present;
}

struct ranked {
	long long pci, votes_for, members;
	const char *household;
	size_t row;
};

/* Per-capita income ascending, then votes for descending, then the
 * household number. */
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

int
appraisal_decide(const struct rules *r, const struct village *v,
    const struct hhlist *l, const struct vote *votes,
    struct appraisal *out, struct appraisal_summary *sum, struct strbuf *why)
{
	struct ranked *passed;
	size_t npassed = 0;
	long long people = 0;

	memset(sum, 0, sizeof *sum);
	sum->present = v->representatives;
	if (v->representatives < 0) {
		strbuf_printf(why, _("%s: appraisal.representatives (present at the "
		    "meeting) is missing"), v->path);
		return -1;
	}
	if (appraisal_quorum(r, v, &sum->needed, why) != 0 ||
	    appraisal_quota(r, v, &sum->quota, why) != 0)
		return -1;
	sum->blocked = sum->present < sum->needed;
	passed = xcalloc(l->nrows + 1, sizeof *passed);
	for (size_t i = 0; i < l->nrows; i++) {
		struct appraisal *a = &out[i];
		const struct vote *vt = &votes[i];

		memset(a, 0, sizeof *a);
		a->reason = NREASONS;
		if (l->row[i].decision != DEC_ELIGIBLE)
			continue;
		a->changed = 1;
		if (sum->blocked || vt->state == VOTE_NONE) {
			a->decision = DEC_NOT_APPRAISED;
			a->reason = RSN_NO_VOTE;
		} else if (vt->state == VOTE_BAD) {
			a->decision = DEC_NOT_APPRAISED;
			a->reason = RSN_BAD_VOTE;
		} else if (appraisal_passes(vt->n[0], sum->present)) {
			passed[npassed].pci = l->row[i].pci;
			passed[npassed].votes_for = vt->n[0];
			passed[npassed].members = l->row[i].members;
			passed[npassed].household = hhlist_cell(l, i, l->col[L_HOUSEHOLD]);
			passed[npassed].row = i;
			npassed++;
		} else {
			a->decision = DEC_VOTED_DOWN;
			a->reason = RSN_VOTE;
		}
	}
	qsort(passed, npassed, sizeof *passed, by_rank);
	/* Admitted in rank order while the people fit the quota; from the
	 * first that does not fit, the rest are over the quota. */
	for (size_t k = 0; k < npassed; k++) {
		struct appraisal *a = &out[passed[k].row];

		a->rank = (long long)k + 1;
		if (people >= 0 && people + passed[k].members <= sum->quota) {
			people += passed[k].members;
			a->decision = DEC_PROPOSED;
		} else {
			people = -1;
			a->decision = DEC_OVER_QUOTA;
			a->reason = RSN_SCALE;
		}
	}
	sum->admitted_people = 0;
	for (size_t i = 0; i < l->nrows; i++) {
		if (!out[i].changed)
			continue;
		switch (out[i].decision) {
		case DEC_PROPOSED:
			sum->proposed++;
			sum->admitted_people += l->row[i].members;
			break;
		case DEC_VOTED_DOWN: sum->voted_down++; break;
		case DEC_OVER_QUOTA: sum->over_quota++; break;
		default: sum->not_appraised++; break;
		}
	}
	free(passed);
	return 0;
}

void
appraisal_write(struct hhlist *l, const struct vote *votes,
    const struct appraisal *out)
{
	int cols[4] = { hhlist_column(l, "votes_for", NULL),
		hhlist_column(l, "votes_against", NULL),
		hhlist_column(l, "votes_abstain", NULL),
		hhlist_column(l, "rank", NULL) };

	for (size_t r = 0; r < l->nrows; r++) {
		const struct vote *v = &votes[r];
		const struct appraisal *a = &out[r];
		char num[32];

		for (int k = 0; k < 3; k++) {
			if (v->state == VOTE_OK)
				snprintf(num, sizeof num, "%lld", v->n[k]);
			else
				num[0] = '\0';
			hhlist_set_str(l, r, cols[k], num);
		}
		if (a->rank > 0)
			snprintf(num, sizeof num, "%lld", a->rank);
		else
			num[0] = '\0';
		hhlist_set_str(l, r, cols[3], num);
		if (!a->changed)
			continue;
		hhlist_set_decision(l, r, a->decision);
		if (a->reason != NREASONS)
			hhlist_add_reason(l, r, a->reason);
	}
}
