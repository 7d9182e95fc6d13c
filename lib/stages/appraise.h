/* Democratic appraisal (SPEC §6 appraise): quorum, the vote, the scale
 * quota, ranking and admission. */
#ifndef TPA_APPRAISE_H
#define TPA_APPRAISE_H

#include "io/csvin.h"

struct appraise_options {
	const char *primary;      /* primary.csv */
	const char *votes;        /* votes.csv */
	const char *village;      /* village.yaml or its folder (required) */
	const char *town, *county;  /* --town, --county: the area's folders, or NULL */
	const char *rules;        /* NULL: the one village.yaml names */
	const char *output;       /* appraised.csv; NULL or "-": stdout */
	const char *columns;
	enum csv_encoding encoding;
	int quiet;
	int include_anywhere;      /* rules may include files outside their folder */
	const char *explain;       /* household to explain instead of a run */
};

/* Run the stage. Returns EXIT_DONE, EXIT_BLOCKED when the quorum was not
 * met (the list is written, nobody proposed), or EXIT_ERROR. */
int appraise_run(const struct appraise_options *o);

#endif
