/* Field types (SPEC §4 "Field types"): what a column holds and how a cell
 * is read. Every column a rule reads has a type — built in for the columns
 * of SPEC §3, declared under `fields:` in the rules for the others — and
 * each cell is parsed once, by its type, into a typed value and the text
 * that is stored and written (a clerk's 是 is held and written as "yes").
 *
 *   type      value (int64)                 written as
 *   text      0                             the text, trimmed
 *   yes_no    1 yes, 0 no                   yes / no
 *   number    millionths (3.5 -> 3500000)   3.5
 *   money     fen                           12.30
 *   date      days since 1970-01-01         2015-05-23
 *   code      index in the code list,       the code; an unlisted value
 *             -1 for an unlisted value      (other: allow) as typed
 */
#ifndef TPA_FIELD_H
#define TPA_FIELD_H

#include <stddef.h>
#include <stdint.h>

#include "values/enums.h"

struct strbuf;

enum ftype { FT_TEXT, FT_YES_NO, FT_NUMBER, FT_MONEY, FT_DATE, FT_CODE, NFTYPES };

struct field {
	const char *name;
	enum ftype type;
	unsigned char free_text;      /* text: TAB, LF and CR allowed */
	unsigned char other_allow;    /* code: an unlisted value is kept as typed */
	unsigned char builtin;        /* a column of SPEC §3, or computed */
	unsigned char redeclarable;   /* a built-in free-text column rules may type */
	unsigned char computed;       /* members, per_capita_income, age */
	unsigned char confidential;   /* never written to a file for people:
	                               * bank account, phone, health detail */
	const struct enum_def *codes; /* code: the list */
	const char *title, *title_zh;
	const char *aliases;          /* built in: its headers, "|"-joined */
};

/* A typed cell of a record: its value and where its text (as written) lies
 * in the record's text arena. LEN 0 is an empty (missing) cell. */
struct cell {
	int64_t v;
	uint32_t off;
	uint32_t len;
};

#define FIELD_BUF 48   /* room for any normalised money, number or date */

enum field_status {
	FIELD_OK,
	FIELD_EMPTY,      /* nothing in the cell */
	FIELD_OTHER,      /* code with other: allow, not in the list: kept as typed */
	FIELD_BAD,        /* not a value of the type */
	FIELD_CONTROL,    /* holds a control character the type does not admit */
	FIELD_SHORT_YEAR  /* date: a two-digit year that cannot be settled */
};

/* Parse S[0..N) (already trimmed) as a value of F; a date's two-digit
 * year is read near YEAR, the village's year (0: not at all; see
 * date_parse). On FIELD_OK and
 * FIELD_OTHER, *V is the value and *NORM and *NORMLEN the text to store: it
 * points into S, to a static code, or into BUF. Never allocates. */
enum field_status field_parse(const struct field *f, const char *s, size_t n,
    int year, int64_t *v, const char **norm, size_t *normlen, char buf[FIELD_BUF]);

/* The text of value V of F, written as the column holds it, into BUF
 * (codes point to their static text). For yes_no, number, money, date and
 * listed codes. */
const char *field_format(const struct field *f, int64_t v, char buf[FIELD_BUF]);

/* What F accepts, for messages: "yes or no (是 or 否, 有 or 无, √ or ×,
 * ...)", "an amount in yuan", "one of: safe (安全), ...", in Chinese
 * when ZH. */
void field_describe(const struct field *f, int zh, struct strbuf *b);

/* The built-in field of a column of SPEC §3 or a computed one (members,
 * per_capita_income, age), or NULL. */
const struct field *field_builtin(const char *name);

/* The four parts of a household's net income, in the survey's order. */
extern const char *const income_part_names[4];
/* NAME's index in income_part_names, or -1. */
int income_part(const char *name);
/* A column of the files tpa writes about its work (rejects, audit,
 * statistics, provenance, the sample): "stage", "code", "severity",
 * "line", ... with its type and Chinese title; NULL for any other name. */
const struct field *field_report(const char *name);
/* The code list of F's cells: a code's list, or yes_no's for a yes_no
 * field (one a rules file declares has no list of its own); NULL for any
 * other type. */
const struct enum_def *field_codes(const struct field *f);

/* The column catalogue: every built-in field, *N of them. */
const struct field *field_catalogue(size_t *n);

/* Type names as rules files write them. */
const char *ftype_name(enum ftype t);
int ftype_parse(const char *s, enum ftype *t);

/* Parse a number (integer or up to 6 decimals; thousands separators and
 * full-width digits accepted) into millionths. Returns 0 or -1. */
int number_parse(const char *s, size_t n, int64_t *micro);
/* Write millionths as the shortest decimal ("3.5", "-12", "0.000001"). */
const char *number_format(char buf[FIELD_BUF], int64_t micro);

#endif
