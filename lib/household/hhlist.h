/* The household lists that pass from stage to stage — primary.csv,
 * appraised.csv, publicized-LEVEL.csv: one row per household, the leading
 * columns of SPEC §3, then each stage's own. Held whole (a stage may
 * re-rank or re-decide any household), cells in one arena. */
#ifndef TPA_HHLIST_H
#define TPA_HHLIST_H

#include <stddef.h>
#include <stdint.h>

#include "io/csvin.h"
#include "io/csvout.h"
#include "base/strmap.h"

/* Columns every list has. */
enum hhcol { HH_VILLAGE, HH_HOUSEHOLD, HH_HEAD_NAME, HH_HEAD_ID, HH_MEMBERS,
	HH_PCI, HH_LINE, HH_DECISION, HH_REASONS, HH_NCOLS };

struct hhlist {
	char *file;              /* as read, for messages */
	char sha256[DIGEST_HEX];
	char **names;            /* column names */
	size_t ncols, cap_cols;
	size_t nstored;          /* columns stored per row (the file's) */
	int col[HH_NCOLS];       /* where the common columns are */
	char *arena;
	size_t arena_len, arena_cap;
	uint64_t *row;           /* per row: offset of its cells */
	uint32_t *line;          /* per row: line in the file */
	size_t nrows, cap_rows;
	struct strmap index;     /* household_id -> row */
};

/* Read PATH. Returns 0, or -1 with "FILE:LINE: message" in ERR (not CSV,
 * a missing column, a household listed twice, a ragged row). */
int hhlist_read(struct hhlist *l, const char *path, enum csv_encoding enc,
    char *err, size_t errlen);
void hhlist_free(struct hhlist *l);

/* The column NAME, added (empty in every row) when the list lacks it. */
int hhlist_column(struct hhlist *l, const char *name);
/* The column NAME, or -1. */
int hhlist_find(const struct hhlist *l, const char *name);

/* The cell of row R in column COL ("" for an added column). */
const char *hhlist_cell(const struct hhlist *l, size_t r, int col);
/* Fill CELLS (l->ncols pointers) with row R; added columns read "". */
void hhlist_cells(const struct hhlist *l, size_t r, const char **cells);

/* Row indices sorted by village_code, then household_id (bytewise). The
 * caller frees the array. */
uint32_t *hhlist_order(const struct hhlist *l);

/* Write the header. */
void hhlist_write_header(const struct hhlist *l, struct csvout *w);

#endif
