/* Application intake (SPEC §6 apply): validate every row, group rows into
 * households, accept or reject each household whole, write applicants.csv
 * and rejects-apply.csv. */
#ifndef TPA_APPLY_H
#define TPA_APPLY_H

#include "io/csvin.h"

struct apply_options {
	const char *input;        /* applications.csv, "-" for stdin */
	const char *village;      /* village.yaml or its folder */
	const char *town, *county;  /* --town, --county: the area's folders, or NULL */
	const char *previous;     /* last year's registry folder or members.csv; NULL: village.yaml's */
	const char *output;       /* applicants.csv, NULL or "-" for stdout */
	const char *rejects;      /* NULL: rejects-apply.csv beside the output */
	const char *columns;      /* user aliases YAML, or NULL */
	enum csv_encoding encoding;
	int quiet;
};

/* The columns of applications.csv and applicants.csv (SPEC §3), in
 * applicants.csv's order: village_code first and source last, the two
 * the program fills (a clerk's template starts with those between). */
#define APPLY_NCOLUMNS 17
extern const char *const apply_columns[APPLY_NCOLUMNS];

/* Run the stage. Returns EXIT_DONE (rejected rows are records, not
 * errors) or EXIT_ERROR (nothing written; the message is on stderr). */
int apply_run(const struct apply_options *o);

#endif
