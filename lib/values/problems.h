/* The stable codes of problems and of where they were found, with the
 * words people read for them: reject codes (SPEC §3 rejects-*.csv), audit
 * finding codes (§6 audit), the severities of findings and the names of
 * the stages. Files keep the English codes; these tables give the Chinese
 * label a workbook shows (tpa-export). They are enumerations as in
 * values/enums.h (enum_label and enum_lookup work on them), kept apart
 * because no household record holds them. */
#ifndef TPA_PROBLEMS_H
#define TPA_PROBLEMS_H

#include "values/enums.h"

/* Reject codes and audit finding codes, one table: the codes both use
 * (BAD_VALUE, DUPLICATE_PERSON) mean the same in both. */
extern const struct enum_def enum_problem;
/* error, warning, info (the severity of audit.csv). */
extern const struct enum_def enum_severity;
/* apply, survey, appraise, publicize, audit, file, export, init (the stage
 * column of rejects and PROVENANCE.csv). */
extern const struct enum_def enum_stage;

#endif
