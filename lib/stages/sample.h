/* The audit's spot-check sample, sample.csv (SPEC §6 audit, §8 "What the
 * audit covers in an area: the sample"). Outside an area the audit adds
 * the rows it drew (six columns) and this file writes them. In an area
 * the draw is made here, after the level took its receipts: per village,
 * from the list the level received (its copy under received/, found by
 * the ledger), each household ranked by the SHA-256 of
 * "seed|level|village_code|household_id|H" (H the hash of the last
 * ledger row of the receipt that brought that list: the village's latest
 * at the level, unless a registry receipt came after it), the lowest k
 * of each stratum taken: help (confirmed), exiting (registered last year,
 * not confirmed this year) and not_helped (every other household). */
#ifndef TPA_SAMPLE_H
#define TPA_SAMPLE_H

#include <stddef.h>

#include "io/ledger.h"
#include "io/outfile.h"
#include "rules/area.h"
#include "values/enums.h"
#include "values/wording.h"

#define SAMPLE_COLS 6         /* outside an area */
#define SAMPLE_AREA_COLS 12   /* in an area */

struct sample_row {
	char *cells[SAMPLE_AREA_COLS];
};

struct sample {
	int area;                 /* the columns of an area's draw */
	struct sample_row *row;
	size_t nrows, cap;
};

/* Add a row: SAMPLE_COLS cells, or SAMPLE_AREA_COLS when S->area (copied). */
void sample_add(struct sample *s, const char *const *cells);
/* sample.csv: a BOM, the header, the rows sorted by village_code, then
 * household_id (bytes); a file for people (ID numbers masked). */
void sample_write(struct sample *s, struct outfile *out);
void sample_free(struct sample *s);

/* A village to draw from, as the audit read it. */
struct sample_village {
	char code[13];
	enum lang lang;           /* of why and verify, and of its findings */
	char *columns;            /* the county's header aliases, or NULL */
	char *previous;           /* last year's registry folder, or NULL */
	int year;
};

/* The level that draws: its folder (the ledger's file paths are relative
 * to it), its ledger as it stands after this run's receipts, and its
 * audit: (sample sizes, seed). */
struct sample_level {
	enum level level;         /* LEVEL_TOWN or LEVEL_COUNTY */
	const char *dir;
	const struct ledger *ledger;
	const char *ledger_err;   /* why the ledger does not verify, or NULL */
	const struct area_audit *audit;
};

/* Where the draw's findings go: severity 1 warning, 2 info (audit.c's
 * order); DETAIL in the village's language. */
struct sample_report {
	void *ctx;
	void (*finding)(void *ctx, int severity, const char *code,
	    const char *village, const char *detail);
};

/* The sizes the draw takes when the level's audit: gives no sample. */
#define SAMPLE_DEFAULT_HELP 3
#define SAMPLE_DEFAULT_NOT_HELPED 2
#define SAMPLE_DEFAULT_EXITING 1

/* Draw village V at level LV into S (S->area set): rows of SAMPLE_AREA_COLS
 * cells. A village the level has not received, a ledger that does not
 * verify or a received copy that differs from its row gives no rows and
 * a SAMPLE_NOT_DRAWN finding (info) saying why. */
void sample_draw_village(struct sample *s, const struct sample_level *lv,
    const struct sample_village *v, const struct sample_report *r);

#endif
