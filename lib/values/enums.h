/* Enumerated values of the spec: each has English codes and Chinese labels;
 * input may use either, output always uses the code. */
#ifndef TPA_ENUMS_H
#define TPA_ENUMS_H

#include <stddef.h>

struct enum_value {
	const char *code;
	const char *labels;   /* Chinese labels separated by '|' */
};

struct enum_def {
	const char *field;            /* the column it belongs to */
	const struct enum_value *values;
	size_t count;
};

extern const struct enum_def enum_relation, enum_sex, enum_health,
    enum_labor, enum_education, enum_in_school, enum_housing,
    enum_drinking_water, enum_yes_no, enum_cause, enum_attribute;

/* Index of the value S[0..N) (a code, case-insensitive, or a label) in DEF,
 * or -1 when it is none of them. */
int enum_lookup(const struct enum_def *def, const char *s, size_t n);

/* As enum_lookup, trying *HINT (the index found the time before) first
 * and updating it: a column repeats a handful of values row after row. */
int enum_lookup_hint(const struct enum_def *def, const char *s, size_t n,
    int *hint);

/* The enumeration of a canonical column name, or NULL. */
const struct enum_def *enum_for_field(const char *field);

/* Codes of DEF joined by ", " into BUF (for messages). Returns BUF. */
const char *enum_codes(const struct enum_def *def, char *buf, size_t len);

#endif
