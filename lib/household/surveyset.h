/* survey.csv, read whole: one typed row per household, looked up by
 * household_id. Rows for the same household twice are both refused
 * (DUPLICATE_SURVEY); a cell that is not a value of its column's type, a
 * required cell left empty or a negative income other than
 * business_income refuse the row (BAD_VALUE, MISSING_FIELD). The blank
 * income parts of a row are one problem naming them all and the fix
 * (type 0), unless the rules read a blank in that column as 0
 * (blank_as_zero:): then the cell stays blank, counts 0, and the row has
 * a warning (BLANK_AS_ZERO). A row with every cell empty is skipped and
 * counted. */
#ifndef TPA_SURVEYSET_H
#define TPA_SURVEYSET_H

#include "base/strbuf.h"
#include "base/strmap.h"
#include "household/household.h"
#include "io/csvin.h"
#include "io/digest.h"

/* The survey columns of SPEC §3, in the order lists write them. */
enum { S_HOUSEHOLD, S_DATE, S_SURVEYORS, S_WAGE, S_BUSINESS, S_PROPERTY,
	S_TRANSFER, S_HOUSING, S_WATER, S_DIBAO, S_CAUSE, S_NKNOWN };
extern const char *const survey_known[S_NKNOWN];

enum survey_state { SURVEY_OK, SURVEY_REFUSED, SURVEY_DUPLICATE };

struct survey_row {
	uint32_t cells;              /* first of its cells in the set */
	uint32_t line;
	uint8_t state;               /* enum survey_state */
	uint8_t used;                /* matched to an applicant household */
	int64_t income;              /* the four parts, fen (SURVEY_OK rows) */
};

struct surveyset {
	char *file;
	char sha256[DIGEST_HEX];
	struct schema schema;
	struct survey_row *rows;
	size_t nrows, rows_cap;
	struct cell *cells;          /* nrows x schema.cols.ncells */
	size_t cells_cap;
	char *text;
	size_t text_len, text_cap;
	struct strmap index;         /* household_id -> row (unless ordered) */
	int ordered;                 /* household_ids so far strictly increase */
	size_t cursor;               /* ordered: the row after the last found */
	size_t empty_rows;           /* rows with every cell empty: skipped */
};

struct surveyset_options {
	const char *path;
	enum csv_encoding encoding;
	const struct column_aliases *aliases;
	const struct rules *rules;   /* field types; may be NULL */
	int year;                    /* dates' two-digit years read near it */
	enum lang lang;
	const char *progress;
	/* A value of a code field with other: allow not in its list. */
	void (*other)(void *ctx, const struct read_problem *p, const char *value);
};

/* Read the file. Problems of rows go to PROBLEM(CTX, p). Returns 0, or -1
 * with a message in ERR (cannot open, not CSV, required columns missing). */
int surveyset_read(struct surveyset *s, const struct surveyset_options *o,
    void (*problem)(void *ctx, const struct read_problem *p), void *ctx,
    struct strbuf *err);
/* The row of household ID (by value: values/hhnumber.h), or NULL. A file whose household_ids strictly
 * increase (as written by the county's tools) needs no index: it is
 * searched from the row after the last one found (base/search.h). */
struct survey_row *surveyset_find(const struct surveyset *s, const char *id);
/* The household_id of a row. */
const char *surveyset_household(const struct surveyset *s,
    const struct survey_row *r);
void surveyset_free(struct surveyset *s);

#endif
