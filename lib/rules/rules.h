/* A rules file (SPEC §4): poverty line, exclusions, considerations, scale,
 * appraisal, publicity, audit, exit, attributes, causes and the types of
 * the fields the conditions read. Loaded with its includes (each file
 * once); every condition compiled once and checked against the field
 * types. */
#ifndef TPA_RULES_H
#define TPA_RULES_H

#include <stddef.h>

#include "base/strbuf.h"
#include "io/digest.h"
#include "rules/condition.h"
#include "values/enums.h"
#include "values/field.h"

struct rule {
	char *id;
	char *title, *title_zh;
	struct cond *when;
	char *file;           /* where it was defined */
	size_t line;
};

struct rule_list {
	struct rule *items;
	size_t n, cap;
};

struct quorum_row {
	long long max_population;   /* -1: any */
	long long representatives;
};

/* The files read: the top one and every include, in load order. */
struct rules_file {
	char *path;
	char sha256[DIGEST_HEX];
};

/* A field declared under fields:, with its code list when it is a code. */
struct field_decl {
	struct field f;
	struct enum_def codes;
	struct enum_cache cache;       /* codes.cache, once the rules are loaded */
	struct enum_value *values;     /* code and '|'-joined labels, owned */
	size_t cap;
	char *file;                    /* where first declared */
	size_t line;
	int other_given;               /* other: was written */
};

struct rules {
	char *path;                       /* the file named */
	char sha256[DIGEST_HEX];          /* of that file */
	struct rules_file *files;
	size_t nfiles, files_cap;
	int version;
	char *id, *title;
	int year;                         /* 0 when not given */
	long long poverty_line;           /* fen; -1 when not given */
	char *basis;
	long long margin;                 /* millionths */
	struct rule_list exclusions, considerations, attributes, causes;
	struct cond *exit;
	char *exit_file;                  /* where exit: was defined */
	long long scale_key, scale_other; /* millionths; -1 when not given */
	struct quorum_row *quorum;
	size_t nquorum;
	long long min_share;              /* millionths; -1: use the table */
	long long publicity_days[3];      /* village, town, county; -1 */
	enum level posting[NLEVELS];      /* the levels that post, in order:
	                                   * village first; every level when
	                                   * no file gives publicity: */
	size_t nposting;
	long long audit_sample;           /* households per village; -1 */
	struct field_decl **fields;
	size_t nfields, fields_cap;
	/* blank_as_zero: the income parts of the survey in which a blank
	 * cell is read as 0 (the county's rule): bit k for income_part_names[k]. */
	unsigned blank_as_zero;
	/* Files may include other files only below this folder, unless
	 * include_anywhere is set. */
	int include_anywhere;
};

/* Most files one rules file may pull in through include (all levels). */
#define RULES_MAX_FILES 64

/* Load PATH and its includes. Returns 0, or -1 with one line per problem
 * ("FILE:LINE:COL: message\n") appended to ERR: every type problem of
 * every file is reported at once. R->include_anywhere is kept. */
int rules_load(struct rules *r, const char *path, struct strbuf *err);
void rules_free(struct rules *r);

/* The type of field NAME: declared in the rules, else built in; NULL when
 * it has none. */
const struct field *rules_field(const struct rules *r, const char *name);

/* Whether the rules read a blank cell of column NAME (canonical) as 0
 * (blank_as_zero:). */
int rules_blank_as_zero(const struct rules *r, const char *name);

/* Whether column NAME (canonical) is confidential — in the column
 * catalogue or declared so under fields: — and so never written to a file
 * for people. R may be NULL: the catalogue only. */
int rules_confidential(const struct rules *r, const char *name);

/* The name of the field declared under fields: that header text S[0..N)
 * names (trimmed): its name (ASCII letters in any case) or its title_zh
 * (so a template headed with it reads back), or NULL. */
const char *rules_field_name(const struct rules *r, const char *s, size_t n);

struct column_aliases;
/* The Chinese header of column NAME (canonical), as a template and a
 * workbook head it: its first header in A (the catalogue's title, or the
 * county's form's from a columns file), else the title_zh R declares for
 * it (R may be NULL); NULL when it has neither. */
const char *rules_column_title(const struct rules *r,
    const struct column_aliases *a, const char *name);

/* Every rule list, for walking them all: exclusions, considerations,
 * attributes, causes. */
#define RULES_NLISTS 4
struct rule_list *rules_list(struct rules *r, int i);

/* The levels that post (SPEC §4 publicity:). Whether R's procedure posts
 * at level L. */
int rules_posts(const struct rules *r, enum level l);
/* The first level after L (an enum level, or -1 for "before the
 * village") that posts, or NLEVELS when L is the last: the level whose
 * notice is made from L's list (NLEVELS: the registry is). */
int rules_level_after(const struct rules *r, int l);
/* The last level before L that posts (-1 when none): the level whose
 * list L's notice shows, or an audit of level L covers. */
int rules_level_before(const struct rules *r, int l);
/* The last level that posts: its list is the announced one, from which
 * the registry is filed. */
enum level rules_last_level(const struct rules *r);
/* Append the posting levels' codes, ", "-separated, to B. */
void rules_postings(const struct rules *r, struct strbuf *b);
/* Whether R posts at the same levels as COUNTY, in the same order. */
int rules_same_postings(const struct rules *r, const struct rules *county);

#endif
