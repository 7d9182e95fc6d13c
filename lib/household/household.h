/* The household record: one household as every decision sees it, built
 * once when a file is read. Its members (head first) with their typed
 * cells and computed age; its own typed cells (the survey row, or a row of
 * a household list); and the numbers the procedure works with, parsed
 * once. All text lies in one arena, so a condition can read any cell.
 *
 * Records come from two readers: people files (applicants.csv,
 * registry/members.csv), read one household at a time (household/people.h),
 * and household lists (primary.csv and after), held whole
 * (household/list.h). */
#ifndef TPA_HOUSEHOLD_H
#define TPA_HOUSEHOLD_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "household/schema.h"
#include "values/field.h"
#include "values/idnumber.h"
#include "values/wording.h"

#define NO_AGE (-1)

struct member {
	unsigned long line;
	int head;                    /* relation is head */
	int age;                     /* on 31 December of the year; NO_AGE */
	char id[ID_LEN + 1];         /* as in the file (trimmed), "" if none */
};

struct household {
	const char *id;              /* household_id */
	const char *village_code;    /* "" when the file has none */
	unsigned long line;          /* its first line */
	/* Members in output order: the head first, then by ID number, then
	 * by line. Each has MWIDTH cells: one per header cell of its file,
	 * then its age (cell MWIDTH - 1). */
	size_t nmembers;
	const struct member *member;
	const struct cell *mcells;
	size_t mwidth;
	const struct schema *mschema;
	unsigned heads;              /* members whose relation is head */
	unsigned bad;                /* member cells that are not values of their type */
	/* The household's own cells (the survey row, or the list row), by
	 * the header cells of HSCHEMA. */
	const struct cell *hcells;
	size_t hwidth;
	const struct schema *hschema;
	const char *text;            /* the arena of the members' cells */
	const char *htext;           /* the arena of the household's cells */
};

/* A growing home for one household's cells and text, reused from
 * household to household (no allocation once it has grown). */
struct household_buf {
	struct member *member;
	size_t nmember, member_cap;
	struct cell *mcells;
	size_t mcells_len, mcells_cap;
	struct cell *hcells;
	size_t hcells_cap;
	char *text;
	size_t text_len, text_cap;
};

void household_buf_reset(struct household_buf *b);
void household_buf_free(struct household_buf *b);
/* Store text S[0..N) in B's arena; the cell's off and len. */
void household_buf_text(struct household_buf *b, const char *s, size_t n,
    struct cell *c);

/* A problem met while reading a file, reported to the reader's caller. */
struct read_problem {
	const char *file;
	unsigned long line;
	const char *household;       /* "" when the row has none */
	const char *id;              /* the row's ID number as typed */
	size_t id_len;
	const char *field;           /* canonical column, "" for the whole row */
	const char *code;            /* BAD_VALUE, RAGGED_ROW, MISSING_FIELD, ... */
	const char *message;         /* in the reader's language */
	int warning;                 /* accepted, but a person should look */
};

/* The reject code of a cell that is not a value of F: BAD_DATE for a
 * date, BAD_VALUE for any other type (SPEC §3 rejects). */
const char *household_bad_code(const struct field *f);

/* Set P (a warning, UNLISTED_VALUE) for VALUE, a word of code field F
 * (column NAME) with other: allow that is in none of its lists: a rule
 * reading the column cannot recognise it. The message goes into MSG
 * (in language L); P's file, line, household and id are the caller's. */
void household_unlisted(struct read_problem *p, struct strbuf *msg,
    const struct field *f, const char *name, const char *value, enum lang l);

/* Parse cell S[0..N) of column NAME (type F) into C, storing its text in
 * B; a date's two-digit year is read near YEAR (field_parse). On a bad
 * value, the message (in L) goes to MSG and -1 is returned;
 * the cell is then left empty. An unlisted value of a code field with
 * other: allow is kept (v = -1) and 1 is returned. */
int household_parse_cell(struct household_buf *b, const struct field *f,
    const char *name, const char *s, size_t n, int year, struct cell *c,
    enum lang l, struct strbuf *msg);

#endif
