/* Level-by-level audit (SPEC §6 audit): every village folder read by its
 * conventional names at whatever stage it has reached; every decision
 * re-derived with the stages' own code (decide/, stages/surveying) from
 * the recorded inputs and compared with the lists on file; leaks between
 * stages, the same person in two households or villages, quorum,
 * periods, dates, pending objections, quotas and provenance checked.
 * Findings go to audit.csv, a reproducible spot-check draw to sample.csv.
 * One village at a time in memory, plus a compact index of ID numbers. */
#ifndef TPA_AUDIT_H
#define TPA_AUDIT_H

#include <stddef.h>

#include "values/enums.h"

struct audit_options {
	enum level level;             /* town or county */
	const char *rules;            /* the county's official rules, or NULL */
	long long sample;             /* households per village; -1: the rules' (else 5) */
	const char *output;           /* folder of audit.csv and sample.csv; NULL: . */
	const char *const *villages;
	size_t nvillages;
	int quiet;
	int include_anywhere;
};

/* Returns EXIT_DONE, EXIT_BLOCKED when any finding is an error, or
 * EXIT_ERROR (nothing written). */
int audit_run(const struct audit_options *o);

#endif
