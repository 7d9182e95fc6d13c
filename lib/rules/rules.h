/* A rules file (SPEC §4): poverty line, exclusions, considerations, scale,
 * appraisal, publicity, exit, attributes and causes. Loaded with its
 * includes; every condition compiled once. */
#ifndef TPA_RULES_H
#define TPA_RULES_H

#include <stddef.h>

#include "rules/condition.h"
#include "io/digest.h"

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
	long long scale_key, scale_other; /* millionths; -1 when not given */
	struct quorum_row *quorum;
	size_t nquorum;
	long long min_share;              /* millionths; -1: use the table */
	long long publicity_days[3];      /* village, town, county; -1 */
	/* Files may include other files only below this folder, unless
	 * include_anywhere is set. */
	int include_anywhere;
};

/* Load PATH and its includes. Returns 0, or -1 with "FILE:LINE:COL:
 * message" in ERR. */
int rules_load(struct rules *r, const char *path, char *err, size_t errlen);
void rules_free(struct rules *r);

/* Bind the conditions of LIST to the columns available. */
int rules_bind(struct rule_list *list, const char *const *hh_names, size_t nhh,
    const char *const *member_names, size_t nmember, char *err, size_t errlen);

#endif
