#include <stdio.h>
#include <string.h>

#include "decide/objections.h"

enum objection_effect
objection_effect(const struct objection *x)
{
	if (x->outcome != OUTCOME_UPHELD)
		return EFFECT_NONE;
	if (x->kind == KIND_WRONGLY_INCLUDED)
		return EFFECT_REMOVED;
	if (x->kind == KIND_WRONGLY_EXCLUDED || x->kind == KIND_DATA_ERROR)
		return EFFECT_RESURVEY;
	return EFFECT_NONE;
}

enum decision
objections_running(enum level l)
{
	return l == LEVEL_VILLAGE ? DEC_PROPOSED : DEC_CONFIRMED;
}

static void
say(void (*finding)(void *, const struct objection *, enum objection_finding),
    void *ctx, const struct objection *o, enum objection_finding what)
{
	if (finding != NULL)
		finding(ctx, o, what);
}

void
objections_resolve(enum level lev, const struct period *p, long long min_days,
    const struct hhlist *l, const struct objection *o, size_t n,
    struct resolution *out, unsigned char *resurvey,
    struct resolve_summary *sum,
    void (*finding)(void *ctx, const struct objection *o,
    enum objection_finding what), void *ctx)
{
	enum decision running = objections_running(lev);

	memset(sum, 0, sizeof *sum);
	sum->period_days = p->end - p->start + 1;
	sum->min_days = min_days;
	if (min_days >= 0 && sum->period_days < min_days) {
		sum->period_short = 1;
		sum->blocked = 1;
	}
	memset(out, 0, l->nrows * sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const struct objection *x = &o[i];
		long r = *x->household ? hhlist_lookup(l, x->household) : -1;
		int in_running;

		resurvey[i] = 0;
		if (x->received != NO_DATE && (x->received < p->start || x->received > p->end)) {
			sum->outside++;
			say(finding, ctx, x, OBJ_OUTSIDE_PERIOD);
		}
		if (x->outcome == OUTCOME_PENDING) {
			sum->pending_objections++;
			sum->blocked = 1;
			say(finding, ctx, x, OBJ_PENDING);
		}
		if (*x->household && r < 0 && x->kind != KIND_WRONGLY_EXCLUDED)
			say(finding, ctx, x, OBJ_NOT_IN_LIST);
		if (r >= 0 && strcmp(hhlist_cell(l, (size_t)r, l->col[L_HOUSEHOLD]),
		    x->household) != 0)
			say(finding, ctx, x, OBJ_OTHER_FORM);
		if (r >= 0) {
			struct resolution *v = &out[r];

			in_running = l->row[r].decision == running;
			v->objections++;
			/* changed = 2 marks a pending objection until the
			 * decisions are made below. */
			if (in_running && x->outcome == OUTCOME_PENDING &&
			    x->kind != KIND_WRONGLY_EXCLUDED)
				v->changed = 2;
			if (in_running && objection_effect(x) == EFFECT_REMOVED)
				v->reason_objection = 1;
			if (!in_running && objection_effect(x) == EFFECT_REMOVED)
				say(finding, ctx, x, OBJ_NOT_RUNNING);
		}
		if (objection_effect(x) == EFFECT_RESURVEY) {
			resurvey[i] = 1;
			sum->resurvey++;
		}
	}
	for (size_t r = 0; r < l->nrows; r++) {
		struct resolution *v = &out[r];

		if (l->row[r].decision != running) {
			v->changed = 0;
			v->reason_objection = 0;
			continue;
		}
		/* An upheld removal wins over a pending objection. */
		if (v->reason_objection) {
			v->decision = DEC_REMOVED;
			sum->removed++;
		} else if (v->changed == 2) {
			v->decision = DEC_PENDING;
			sum->pending++;
		} else {
			v->decision = DEC_CONFIRMED;
			sum->confirmed++;
		}
		v->changed = 1;
	}
}

void
objections_write(struct hhlist *l, const struct resolution *out)
{
	int oc = hhlist_column(l, "objections", NULL);

	for (size_t r = 0; r < l->nrows; r++) {
		char count[32];

		snprintf(count, sizeof count, "%lld",
		    (long long)out[r].objections + l->row[r].objections);
		hhlist_set_str(l, r, oc, count);
		if (!out[r].changed)
			continue;
		hhlist_set_decision(l, r, out[r].decision);
		if (out[r].decision == DEC_REMOVED)
			hhlist_add_reason(l, r, RSN_OBJECTION);
	}
}
