/* Why a stage is blocked (exit 1), as .tpa-blocked.mk and PROVENANCE.csv
 * record it: English, the same bytes in any locale, "; " between causes.
 * The stages write each cause through these functions and tpa status says
 * the record in the locale's language through blocked_say(): the words of
 * a cause are known in this one place. Each adds "; " first when B holds
 * a cause already. */
#ifndef TPA_BLOCKED_H
#define TPA_BLOCKED_H

#include <stddef.h>

#include "values/enums.h"

struct strbuf;

/* N objections without an outcome, of HOUSEHOLDS ("H003, H007"). */
void blocked_pending(struct strbuf *b, size_t n, const char *households);
/* Level L's posting lasted DAYS days, the rules require MIN. */
void blocked_period(struct strbuf *b, enum level l, long days, long long min);
/* PRESENT representatives at the meeting, NEEDED for a quorum. */
void blocked_quorum(struct strbuf *b, long long present, long long needed);
/* The audit found ERRORS errors. */
void blocked_audit(struct strbuf *b, size_t errors);
/* Households whose status changed with no reason given. */
void blocked_unexplained(struct strbuf *b, const char *households);

/* LIST changed after the notice was posted and its objections recorded:
 * the notice shows HOUSEHOLDS ("H036, H037") otherwise. */
void blocked_posted(struct strbuf *b, const char *list, const char *households);

/* The record WHY said in the locale's language into OUT; a cause these
 * functions do not write is said as it is. */
void blocked_say(const char *why, struct strbuf *out);

#endif
