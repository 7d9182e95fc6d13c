/* The notice posted at each level of publicity: title, village, town and
 * county, year, the period, how to object, one row per household (number,
 * head's name, masked ID number, members, per-capita income) and totals.
 * Written as a printable A4 HTML page, as aligned text, or as CSV. Full ID
 * numbers and phone numbers never appear; CSV cells are formula-safe. */
#ifndef TPA_NOTICE_H
#define TPA_NOTICE_H

#include <stddef.h>

#include "values/idnumber.h"
#include "io/outfile.h"
#include "stages/publicize.h"
#include "rules/village.h"

struct notice_row {
	const char *name;
	char masked[ID_MASKED_BUF];
	const char *members;
	const char *income;      /* yuan, two decimals */
};

struct notice {
	const struct village *village;
	enum level level;
	const struct notice_row *rows;
	size_t nrows;
	long long people;
};

void notice_write(const struct notice *n, enum notice_format f,
    struct outfile *out);

#endif
