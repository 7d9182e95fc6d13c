/* tpa-export (SPEC §6 export): any tpa CSV files as one .xlsx workbook for
 * people, written with libxlsxwriter. One sheet per file (a file of more
 * than 1,048,575 rows goes on over further sheets), Chinese headers and
 * labels, ID numbers and other text as text, money as numbers with two
 * decimals, the header row frozen and filtered, widths fitted. */
#ifndef TPA_EXPORT_H
#define TPA_EXPORT_H

#include <stddef.h>

#include "io/csvin.h"

struct export_options {
	const char *output;            /* the workbook; must be a file */
	const char *const *inputs;     /* the CSV files, "-" for stdin */
	size_t ninputs;
	const char *columns;           /* user aliases YAML, or NULL */
	const char *rules;             /* rules whose fields are shown as
	                                * declared and whose confidential
	                                * fields are left out too, or NULL */
	const char *village;           /* a village folder whose columns file
	                                * and rules to use, or NULL */
	enum csv_encoding encoding;
	int quiet;
};

/* Data rows on one sheet: Excel's 1,048,576 rows less the header. */
#define EXPORT_SHEET_ROWS 1048575UL

/* Run the stage. Returns EXIT_DONE, or EXIT_ERROR (nothing written; the
 * message is on stderr). */
int export_run(const struct export_options *o);

#endif
