/* Household survey (SPEC §6 survey): join applicants and survey rows,
 * compute members and per-capita income, apply the rules in order
 * (exclusions, income, considerations within the margin) and write the
 * primary list with a decision and its reasons for every household. */
#ifndef TPA_SURVEY_H
#define TPA_SURVEY_H

#include "io/csvin.h"

struct survey_options {
	const char *applicants;   /* applicants.csv */
	const char *survey;       /* survey.csv */
	const char *village;      /* village.yaml or its folder; may be NULL */
	const char *town, *county;  /* --town, --county: the area's folders, or NULL */
	const char *rules;        /* rules file; NULL: the one village.yaml names */
	const char *output;       /* primary.csv; NULL or "-": stdout */
	const char *rejects;      /* NULL: rejects-survey.csv beside the output */
	const char *columns;      /* user aliases, or NULL */
	const char *explain;      /* household to explain instead of a run */
	enum csv_encoding encoding;
	int quiet;
	int include_anywhere;      /* rules may include files outside their folder */
};

/* Run the stage; dies with EXIT_ERROR on bad input. Returns EXIT_DONE. */
int survey_run(const struct survey_options *o);

#endif
