/* The household lists that pass from stage to stage — primary.csv,
 * appraised.csv, publicized-LEVEL.csv — one row per household: the
 * leading columns of SPEC §3, the head's group, the survey's columns, then
 * each stage's own (votes and rank, objections). Held whole, since a
 * stage may re-rank or re-decide any household. The numbers of the
 * procedure (members, income, decision, votes, rank) are parsed once, at
 * reading; every cell keeps its text, written back as it was unless a
 * stage sets it. */
#ifndef TPA_LIST_H
#define TPA_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "base/strmap.h"
#include "household/household.h"
#include "io/csvin.h"
#include "io/csvout.h"
#include "io/digest.h"
#include "io/outfile.h"
#include "rules/rules.h"

enum { L_VILLAGE, L_HOUSEHOLD, L_HEAD_NAME, L_HEAD_ID, L_MEMBERS, L_PCI,
	L_POVERTY_LINE, L_DECISION, L_REASONS, L_GROUP, L_VOTES_FOR,
	L_VOTES_AGAINST, L_VOTES_ABSTAIN, L_RANK, L_OBJECTIONS, L_NKNOWN };
#define L_NLEADING 9      /* village_code .. reasons: every list has them */
extern const char *const list_known[L_NKNOWN];

/* What a row holds beyond its text. */
enum { LR_PCI = 1, LR_VOTES = 2, LR_RANK = 4 };

struct list_row {
	uint32_t line;
	uint8_t decision;             /* enum decision */
	uint8_t has;                  /* LR_ flags */
	int64_t members;
	int64_t pci;                  /* fen */
	int64_t poverty_line;         /* fen */
	int64_t votes[3];             /* for, against, abstain */
	int64_t rank;
	int64_t objections;           /* 0 when the column is empty */
};

struct hhlist {
	char *file;                   /* as read, for messages */
	char sha256[DIGEST_HEX];
	char **names;                 /* column names: the file's, then added */
	struct strmap columns;        /* column name -> its index in names */
	const struct field **field;   /* their types */
	size_t ncols, cols_cap;
	int col[L_NKNOWN];            /* where the known columns are, or -1 */
	uint32_t *cell;               /* nrows x width text offsets */
	size_t width;                 /* cells per row: ncols and room for more */
	char *text;
	size_t text_len, text_cap;
	struct list_row *row;
	size_t nrows, rows_cap;
	struct strmap index;          /* household_id -> row, for rows < nindexed */
	size_t nindexed;              /* rows added by id are indexed at the first lookup */
	size_t sorted;                /* leading rows read in household_id order */
	size_t cursor;                /* sorted: the row after the last one found */
};

struct list_options {
	const char *path;
	enum csv_encoding encoding;
	const struct column_aliases *aliases;  /* may be NULL: names as written */
	const struct rules *rules;    /* types of the survey's columns; may be NULL */
	enum lang lang;
};

/* Read a list. A row problem (a cell that is not a value of its type, a
 * household listed twice, a ragged row) goes to PROBLEM(CTX, p) and the
 * row is kept as far as it could be read; with PROBLEM NULL the first one
 * is an error. Returns 0, or -1 with "FILE:LINE: message" in ERR (cannot
 * open, not CSV, a leading column missing). */
int hhlist_read(struct hhlist *l, const struct list_options *o,
    void (*problem)(void *ctx, const struct read_problem *p), void *ctx,
    struct strbuf *err);
/* An empty list with the leading columns, for a stage that makes one. */
void hhlist_init(struct hhlist *l, const char *file);
void hhlist_free(struct hhlist *l);

/* Append a row for household ID; its cells are empty. Returns its index. */
size_t hhlist_add(struct hhlist *l, const char *id, unsigned long line);

/* The column NAME, added (empty in every row) when the list lacks it. */
int hhlist_column(struct hhlist *l, const char *name,
    const struct field *type);
/* The column NAME, or -1. */
int hhlist_find(const struct hhlist *l, const char *name);

/* The text of row R's cell in column COL ("" for -1). */
const char *hhlist_cell(const struct hhlist *l, size_t r, int col);
/* Set row R's cell in column COL to S[0..N). */
void hhlist_set(struct hhlist *l, size_t r, int col, const char *s, size_t n);
void hhlist_set_str(struct hhlist *l, size_t r, int col, const char *s);
/* Set the decision (its text and the parsed value). */
void hhlist_set_decision(struct hhlist *l, size_t r, enum decision d);
/* Add the reason REASON to row R's reasons (after a ';' when it has some). */
void hhlist_add_reason(struct hhlist *l, size_t r, enum reason reason);
/* The row of household ID, or -1: numbers of digits match by value
 * (values/hhnumber.h; compare the row's household_id with ID to tell a
 * form with other leading zeros). Households are unique in a list (a
 * repeat, by value, is refused on reading). */
long hhlist_lookup(const struct hhlist *l, const char *id);

/* Row R's cells as typed cells (values/field.h) by the columns' types, in
 * OUT (l->ncols cells; text offsets are l->text's). Returns the number of
 * cells that are not values of their type (left empty). */
size_t hhlist_typed(const struct hhlist *l, size_t r, struct cell *out);

/* Row indices sorted by village_code, then household_id (bytewise). The
 * caller frees the array. */
uint32_t *hhlist_order(const struct hhlist *l);

/* Write the list: header, then the rows in hhlist_order. */
void hhlist_write(const struct hhlist *l, struct outfile *out);

/* Writing a list as its rows are made, for a stage that makes them one at
 * a time in what is usually list order already (survey: households come as
 * applicants.csv has them, and tpa-apply writes it sorted). The output is
 * then the same as hhlist_write's, with one row in memory at a time.
 *
 * hhlist_stream_row writes the list's one row (after the header, the
 * first time) and empties the list. When that row goes before the last
 * one written, it writes nothing and returns
 * -1: the caller must start again, keeping every row for hhlist_write.
 * hhlist_stream_end writes the header if no row came. */
struct hhlist_stream {
	struct outfile *out;
	struct csvout w;
	struct strbuf last;           /* village_code NUL household_id written last */
	size_t rows;
};

void hhlist_stream_init(struct hhlist_stream *s, struct outfile *out);
int hhlist_stream_row(struct hhlist_stream *s, struct hhlist *l);
void hhlist_stream_end(struct hhlist_stream *s, const struct hhlist *l);
void hhlist_stream_free(struct hhlist_stream *s);

#endif
