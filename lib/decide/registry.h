/* The registry's decisions (SPEC §6 file, §5): a registered household's
 * attribute and causes of poverty, whether a household of last year's
 * registry has exited, and every household's status against last year's
 * registry. Pure: rules, the household's bound cells and last year's
 * entry in; codes out. */
#ifndef TPA_REGISTRY_H
#define TPA_REGISTRY_H

#include "base/strbuf.h"
#include "rules/condition.h"
#include "rules/rules.h"
#include "values/enums.h"

/* Index in enum_attribute: the first attributes rule that holds, else
 * general. -1 when a rule cannot be evaluated. T (may be NULL) explains. */
int registry_attribute(const struct rules *r, struct cond_context *ctx,
    struct trace *t);

/* The causes: MAIN (index in enum_cause) is SURVEYED when the survey gave
 * one (>= 0), else the first causes rule that holds, else other; OTHERS
 * gets at most two more ("a;b") from the further rules that hold. Returns
 * 0, or -1 when a rule cannot be evaluated. */
int registry_causes(const struct rules *r, struct cond_context *ctx,
    int surveyed, int *main, struct strbuf *others, struct trace *t);

/* Whether the rules' exit condition holds (0 when the rules have none).
 * -1 when it cannot be evaluated. */
int registry_exit(const struct rules *r, struct cond_context *ctx,
    struct trace *t);

/* Last year's entry of a household, as the registry keeps it. */
struct registry_entry {
	int known;                    /* in last year's registry */
	enum status status;           /* its status there */
	int registered_since;         /* first year registered, 0 unknown */
	int exited_year;              /* the year it last exited, 0 never */
};

/* A household's status this year and its history. */
struct registry_status {
	int listed;                   /* it has a row in this year's registry */
	enum status status;
	int registered_since;
	int exited_year;
};

/* The status of a household: CONFIRMED at county level this year or not,
 * EXITS (the exit condition holds on this year's survey; -1 when there is
 * no survey), last year's ENTRY, and its history HIST (an exit in an
 * earlier registry). YEAR is this year. */
void registry_status(int confirmed, int exits, const struct registry_entry *entry,
    int year, struct registry_status *out);

#endif
