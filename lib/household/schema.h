/* The columns of a file as a reader sees them: each header cell matched to
 * its canonical name (through the aliases) and given its field type (the
 * rules' fields, else the spec's built-in type, else free text). A reader
 * names the columns it knows; every other named column is an extra one,
 * kept and passed through. */
#ifndef TPA_SCHEMA_H
#define TPA_SCHEMA_H

#include <stddef.h>

#include "base/strbuf.h"
#include "io/csvin.h"
#include "rules/columns.h"
#include "rules/rules.h"
#include "values/field.h"

struct schema {
	struct columns cols;         /* names per cell, known positions */
	const struct field **field;  /* per header cell: its type */
	unsigned char *want;         /* per header cell: parsed and kept */
	const char *file;            /* for messages (borrowed) */
};

/* The type of columns nobody declared: free text (TAB, LF and CR allowed,
 * other control characters refused). */
extern const struct field field_free_text;

/* Read HEADER of FILE against the KNOWN canonical names; RULES (may be
 * NULL) give the types of the columns they declare. Every cell is wanted
 * until schema_want() says otherwise. Returns 0, or -1 with a line in ERR
 * (two cells naming one column). */
int schema_read(struct schema *s, const struct column_aliases *a,
    const struct rules *rules, const char *file,
    const struct csvin_row *header, const char *const *known, size_t nknown,
    struct strbuf *err);

/* Check the known columns flagged in REQUIRED are present: every missing
 * one is named in one message ("FILE:LINE: required columns are missing:
 * name (姓名), id_number (身份证号)"). Returns 0 or -1. */
int schema_require(const struct schema *s, const struct column_aliases *a,
    unsigned long line, const char *const *known,
    const unsigned char *required, struct strbuf *err);

/* schema_read, then schema_require: the header of a file every reader
 * takes the same way. Returns 0 or -1. */
int schema_header(struct schema *s, const struct column_aliases *a,
    const struct rules *rules, const char *file,
    const struct csvin_row *header, const char *const *known, size_t nknown,
    const unsigned char *required, struct strbuf *err);

/* The header cell of column NAME, or -1. */
int schema_find(const struct schema *s, const char *name);
/* The header cell of known column K, or -1. */
static inline int
schema_pos(const struct schema *s, int k)
{
	return s->cols.pos[k];
}

/* Keep only the cells flagged in WANT (one flag per header cell). */
void schema_want(struct schema *s, const unsigned char *want);

void schema_free(struct schema *s);

#endif
