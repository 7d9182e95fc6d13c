/* Eligibility (SPEC §6 survey): the decision of the household survey.
 * In this order: no valid survey row -> unverified (SURVEY_MISSING); a
 * cell that is not a value of its type -> unverified (BAD_VALUE); every
 * exclusion that holds -> excluded (their ids); per-capita income below
 * the poverty line -> eligible; at or above it but within line x (1 +
 * margin) with at least one consideration holding -> eligible (the ids of
 * every consideration that holds); otherwise above_line (INCOME). */
#ifndef TPA_ELIGIBILITY_H
#define TPA_ELIGIBILITY_H

#include "base/strbuf.h"
#include "rules/condition.h"
#include "rules/rules.h"
#include "values/enums.h"

struct eligibility_input {
	int surveyed;                 /* one valid survey row */
	int bad;                      /* a cell the decision reads is not a value of its type */
	long long pci;                /* per-capita income, fen (when surveyed) */
	struct cond_context *ctx;     /* the household's cells, bound to the rules */
};

struct eligibility {
	enum decision decision;
	struct strbuf reasons;        /* ";"-joined, in rules-file order */
	const struct rule *failed;    /* a rule that could not be evaluated */
	const struct cond *failed_cond;
};

/* Per-capita income: INCOME fen shared by MEMBERS (> 0), rounded half
 * away from zero to the fen. */
/* The year whose 31 December ages are counted on: the rules' year when
 * they give one, else the village's (0: none). The survey, the audit and
 * the registry all count ages by it. */
int eligibility_year(const struct rules *r, int village_year);

long long eligibility_pci(long long income, long long members);

/* Decide. T (may be NULL) receives how. When a rule cannot be evaluated
 * (a pattern over its match limit), the household is unverified with
 * BAD_VALUE and OUT->failed names the rule: the caller records why. */
void eligibility_decide(const struct rules *r, const struct eligibility_input *in,
    struct trace *t, struct eligibility *out);

void eligibility_free(struct eligibility *e);

#endif
