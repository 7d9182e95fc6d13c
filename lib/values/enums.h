/* Enumerated values of the spec: each has an English code and labels (in
 * Chinese; some also in English); input may use the code or any label,
 * output always uses the code. The C enumerations below are the indices
 * of their tables, so each decision, reason, level, status, kind and
 * outcome has exactly one name table: these. */
#ifndef TPA_ENUMS_H
#define TPA_ENUMS_H

#include <stddef.h>

struct strbuf;

struct enum_value {
	const char *code;
	const char *labels;   /* labels separated by '|', the first the Chinese one shown to people */
};

/* The last texts looked up in a list, byte for byte, with their value:
 * a rules file's list (occupations) is read on every member row. */
#define ENUM_CACHE_SLOTS 8
#define ENUM_CACHE_TEXT 32
struct enum_cache {
	struct {
		unsigned char n;          /* 0: empty */
		char text[ENUM_CACHE_TEXT];
		int value;
	} slot[ENUM_CACHE_SLOTS];
	unsigned next;
};

struct enum_def {
	const char *field;            /* the column it belongs to */
	const struct enum_value *values;
	size_t count;
	/* Set only once the list is complete (the spec's lists always; a
	 * rules file's after loading), so that a text always gives the value
	 * an uncached lookup gives; or NULL. */
	struct enum_cache *cache;
};

extern const struct enum_def enum_relation, enum_sex, enum_health,
    enum_labor, enum_education, enum_in_school, enum_housing,
    enum_drinking_water, enum_yes_no, enum_cause, enum_attribute,
    enum_decision, enum_reason, enum_level, enum_status, enum_source,
    enum_objection_kind, enum_objection_outcome;

/* Decisions of SPEC §3, in the order of the stages. */
enum decision {
	DEC_ELIGIBLE, DEC_EXCLUDED, DEC_ABOVE_LINE, DEC_UNVERIFIED,
	DEC_PROPOSED, DEC_VOTED_DOWN, DEC_OVER_QUOTA, DEC_NOT_APPRAISED,
	DEC_CONFIRMED, DEC_REMOVED, DEC_PENDING, NDECISIONS
};
/* Reason codes that are not rule ids. */
enum reason {
	RSN_INCOME, RSN_SURVEY_MISSING, RSN_BAD_VALUE, RSN_VOTE, RSN_SCALE,
	RSN_NO_VOTE, RSN_BAD_VOTE, RSN_OBJECTION, NREASONS
};
enum level { LEVEL_VILLAGE, LEVEL_TOWN, LEVEL_COUNTY, NLEVELS };
enum status {
	STATUS_NEW, STATUS_CONTINUING, STATUS_EXITED, STATUS_RETURNED,
	STATUS_UNEXPLAINED, NSTATUSES
};
enum source { SOURCE_APPLICATION, SOURCE_REGISTRY };
enum objection_kind { KIND_WRONGLY_INCLUDED, KIND_WRONGLY_EXCLUDED, KIND_DATA_ERROR };
enum objection_outcome { OUTCOME_UPHELD, OUTCOME_DISMISSED, OUTCOME_PENDING };

/* The code of value I of DEF. */
static inline const char *
enum_code(const struct enum_def *def, int i)
{
	return def->values[i].code;
}
#define decision_code(d) enum_code(&enum_decision, (int)(d))
#define reason_code(r) enum_code(&enum_reason, (int)(r))
#define level_code(l) enum_code(&enum_level, (int)(l))
#define status_code(s) enum_code(&enum_status, (int)(s))

/* The first label of value I (the Chinese one shown to people): a pointer
 * to it and its length in *N (not NUL-terminated); the code when it has
 * none. */
const char *enum_label(const struct enum_def *def, int i, size_t *n);

/* The label of labor code I (enum_labor) for a member of AGE (-1: not
 * known) whose in_school code is IN_SCHOOL (-1: not known): "none" is
 * 无劳动力 for a child under 16 or a pupil or student at school, who has
 * no labour yet, and 丧失劳动力 (lost it) for anyone else; the other codes
 * their enum_label. Same contract as enum_label. */
const char *enum_labor_label(int i, int age, int in_school, size_t *n);

/* Index of the value S[0..N) (a code or a label, ASCII letters in any case) in DEF,
 * or -1 when it is none of them. Full-width letters and digits read as
 * their ASCII forms. */
int enum_lookup(const struct enum_def *def, const char *s, size_t n);

/* As enum_lookup, trying *HINT (the index found the time before) first
 * and updating it: a column repeats a handful of values row after row. */
int enum_lookup_hint(const struct enum_def *def, const char *s, size_t n,
    int *hint);

/* The enumeration of a canonical column name, or NULL. */
const struct enum_def *enum_for_field(const char *field);

/* Codes of DEF joined by ", " into BUF (for messages). Returns BUF. */
const char *enum_codes(const struct enum_def *def, char *buf, size_t len);
/* Codes with their first label, "healthy (健康), chronic (长期慢性病)",
 * appended to B. */
void enum_describe(const struct enum_def *def, struct strbuf *b);

#endif
