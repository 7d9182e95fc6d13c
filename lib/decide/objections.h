/* Objection resolution (SPEC §6 publicize resolve): what a level's
 * objections do to the households in the running at that level (proposed
 * at village level, confirmed at town and county level). An upheld
 * wrongly_included objection removes the household (OBJECTION); a pending
 * one against it leaves it pending; otherwise it is confirmed. An upheld
 * wrongly_excluded or data_error objection puts an entry on the resurvey
 * worklist. The period must last the rules' minimum, and objections
 * received outside it are noted. */
#ifndef TPA_OBJECTIONS_H
#define TPA_OBJECTIONS_H

#include <stddef.h>

#include "household/list.h"
#include "household/objectionfile.h"
#include "rules/village.h"
#include "values/enums.h"

/* The decision a household must have to be in the running at level L. */
enum decision objections_running(enum level l);

/* What one objection does to the household it names, once decided: an
 * upheld wrongly_included removes it (when it is in the running); an
 * upheld wrongly_excluded or data_error puts it on the resurvey worklist;
 * anything else changes nothing. */
enum objection_effect { EFFECT_NONE, EFFECT_REMOVED, EFFECT_RESURVEY };
enum objection_effect objection_effect(const struct objection *x);

/* What the objections give one household of the list. */
struct resolution {
	unsigned objections;          /* objections about it at this level */
	int changed;                  /* in the running: DECISION is new */
	enum decision decision;
	int reason_objection;         /* OBJECTION is added to its reasons */
};

/* Something about one objection the people resolving it should know. */
enum objection_finding {
	OBJ_NOT_IN_LIST,              /* names a household that is not in the list */
	OBJ_NOT_RUNNING,              /* upheld against a household not in the running */
	OBJ_OUTSIDE_PERIOD,           /* received outside the period */
	OBJ_PENDING,                  /* still pending */
	OBJ_OTHER_FORM                /* names a household of the list by value
	                               * (values/hhnumber.h), written otherwise */
};

struct resolve_summary {
	long period_days;             /* the period as held */
	long long min_days;           /* the rules' minimum, -1 when none */
	int period_short;
	size_t confirmed, removed, pending;
	size_t pending_objections, outside, resurvey;
	int blocked;                  /* a pending objection or a short period */
};

/* Resolve the objections O[0..N) of level LEV against list L with the
 * period P and the rules' minimum MIN_DAYS (-1: none). OUT has one entry
 * per row of L; RESURVEY[i] is set for the objections that go on the
 * worklist. FINDING(CTX, objection, what) is called for each finding. */
void objections_resolve(enum level lev, const struct period *p,
    long long min_days, const struct hhlist *l, const struct objection *o,
    size_t n, struct resolution *out, unsigned char *resurvey,
    struct resolve_summary *sum,
    void (*finding)(void *ctx, const struct objection *o,
    enum objection_finding what), void *ctx);

/* Write the resolution into L, as publicized-LEVEL.csv holds it: the
 * column objections (added when L lacks it), each row's count (this
 * level's objections added to the levels' before), and for a household in
 * the running its new decision, with the reason OBJECTION when removed.
 * OUT has one entry per row. */
void objections_write(struct hhlist *l, const struct resolution *out);

#endif
