/* Two copies of one tpa file compared as the stages read them (SPEC §8
 * "Changed after receipt"): decoded (UTF-8 or GBK, a BOM, CRLF), headers
 * mapped through the county's aliases, each cell typed by its column's
 * field (money in fen, dates, yes/no words, codes), household numbers by
 * value (001 = 1) and ID numbers in upper case. Bytes alone — encoding,
 * line ends, column order, `6000` for `6000.00` — are no difference.
 *
 * Rows are matched by household_id; applications.csv and the registry's
 * members.csv by household_id and id_number; every other row of a
 * household (objections, the registry's history) by its order within the
 * household. village.yaml is compared by key (its scalars at their dotted
 * paths). Nothing here prints or exits. */
#ifndef TPA_TABLEDIFF_H
#define TPA_TABLEDIFF_H

#include "base/strbuf.h"
#include "io/csvin.h"
#include "rules/columns.h"
#include "rules/rules.h"

/* One difference. A row added has OLD "" and COLUMN "" (NEW the row's
 * first cells are not given: the row is named by its household); a row
 * removed, NEW "" and COLUMN "". Strings are valid during the callback. */
struct tablediff {
	const char *household;   /* household_id as the newer copy writes it
	                          * (the older when the row was removed); "" in
	                          * village.yaml */
	const char *id;          /* id_number of a person's row, else "" */
	const char *column;      /* canonical name, a dotted YAML key, or "" */
	const char *old, *new;   /* typed values as the stages write them */
	int added, removed;      /* the whole row */
	const char *about;       /* a row of no household (an objection about
	                          * a household left out): its about cell,
	                          * else "" */
};

typedef void (*tablediff_fn)(void *ctx, const struct tablediff *d);

struct tablediff_options {
	const char *name;        /* the file's name, e.g. "survey.csv" or
	                          * "registry/members.csv": it chooses the keys */
	const struct column_aliases *aliases;
	const struct rules *rules;   /* the types of the columns they declare;
	                              * NULL: the built-in ones */
	int year;                /* for two-digit years (0: none) */
	const char *village;     /* when set, only the rows whose village_code
	                          * is it (a town's or county's objections) */
};

/* Compare OLD (the copy received) with NEW (the file now), calling FN for
 * each difference in the order of the rows of NEW, then the rows removed
 * in the order of OLD. NEW NULL: the file is gone, every row of OLD is
 * removed. Returns the number of differences, or -1 with "FILE:LINE:
 * message" in ERR when either cannot be read. */
long tablediff_files(const struct tablediff_options *o, const char *old,
    const char *new, tablediff_fn fn, void *ctx, struct strbuf *err);

#endif
