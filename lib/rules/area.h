/* A county's area (SPEC §8): the county's county.yaml, a town's town.yaml
 * and villages.csv, found from a village folder, loaded with every key and
 * cell checked, and the fingerprints of their entries that provenance
 * records. Nothing here prints or exits: every error is returned as
 * "FILE:LINE[:COL]: message". */
#ifndef TPA_AREA_H
#define TPA_AREA_H

#include <stddef.h>

#include "base/strbuf.h"
#include "io/csvin.h"
#include "io/digest.h"
#include "values/enums.h"

/* A posting period, inclusive, and the day it was closed. */
struct area_period {
	long start, end;   /* day numbers; 0 when not given */
	long closed;       /* 0 when not closed (yet) */
};

/* Whether P was closed: a closing date after its end (one on or before the
 * end does not close it: the audit's DATE_ORDER). */
int area_period_closed(const struct area_period *p);

/* audit: of county.yaml and town.yaml. */
struct area_audit {
	long long help, not_helped, exiting;  /* sample: per stratum; -1 when
	                                       * sample is not given */
	char *seed;                            /* NULL when not given */
};

struct area_town_rules {
	char code[10];
	char *rules;        /* as written, relative to county.yaml */
	char *rules_path;   /* resolved against its folder */
	unsigned long line;
};

struct area_town_quota {
	char code[10];
	long long quota;
};

/* county-C/county.yaml. */
struct area_county {
	char *path;                /* the county.yaml read */
	char *dir;                 /* its folder */
	char sha256[DIGEST_HEX];
	char code[7];
	char *name, *contact;      /* given, not empty */
	char *hotline;             /* NULL when not given */
	int year;
	int previous_year;         /* as given, else year - 1 */
	int previous_year_given;
	char *rules, *rules_path;  /* as written; resolved */
	struct area_town_rules *rules_by_town;
	size_t nrules_by_town;
	char *columns, *columns_path;   /* NULL when not given */
	struct area_period publicity;
	struct area_town_quota *towns;
	size_t ntowns;
	struct area_audit audit;
	long as_of;                /* 0 when not given */
};

/* A row of villages.csv, typed. */
struct area_village {
	char code[13];
	char *name;
	long long population, households, quota;   /* -1 when empty */
	int key_village;                           /* 1 yes, 0 no */
	struct area_period town;   /* the cells', else town.yaml's */
	char previous_code[13];    /* "" when empty */
	char posted_village[33];   /* 32 lower-case hex digits, or "" */
	char posted_town[33];
	unsigned long line;        /* in villages.csv */
};

/* town-T/town.yaml and town-T/villages.csv. */
struct area_town {
	char *path;                /* the town.yaml read */
	char *dir;
	char sha256[DIGEST_HEX];
	char code[10];
	char *name, *contact;
	struct area_period publicity;
	struct area_audit audit;
	char *villages_path;       /* DIR/villages.csv */
	char villages_sha256[DIGEST_HEX];
	struct area_village *village;   /* in the file's order */
	size_t nvillages;
};

/* Load county.yaml from PATH (the file, or the folder holding it): the
 * folder must be named county-CODE. Every key is checked as village.yaml's
 * are: unknown or repeated keys, wrong types, a missing required key
 * (county.code, name, contact; year; rules), a named file that does not
 * exist. Returns 0, or -1 with "FILE:LINE:COL: message" in ERR and C
 * emptied. Free with area_county_free(). */
int area_county_load(struct area_county *c, const char *path, char *err,
    size_t errlen);
void area_county_free(struct area_county *c);

/* Load town.yaml from PATH (the file or its folder, named town-CODE) and
 * the villages.csv beside it (required; UTF-8 with or without a BOM, or
 * GBK; headers through the built-in aliases of villages.csv and, when
 * COLUMNS_PATH is not NULL, the county's columns file). When COUNTY is
 * not NULL the town's code must begin with the county's. Each bad cell is
 * an error naming FILE:LINE and its column; so is a village listed twice,
 * or two villages taking last year's registry of the same village. Returns
 * 0, or -1 with the message in ERR and T emptied. */
int area_town_load(struct area_town *t, const char *path,
    const struct area_county *county, const char *columns_path,
    enum csv_encoding enc, char *err, size_t errlen);
void area_town_free(struct area_town *t);

/* The row of village CODE in T, or NULL when it is not listed. */
const struct area_village *area_town_village(const struct area_town *t,
    const char *code);

/* Where a village's town and county folders are: TOWN_DIR and COUNTY_DIR
 * when not NULL (--town DIR, --county DIR), else beside VILLAGE_DIR:
 * VILLAGE_DIR/../town-T and VILLAGE_DIR/../county-C, T and C the first 9
 * and 6 digits of CODE. Caller frees both. */
void area_dirs(const char *village_dir, const char *code, const char *town_dir,
    const char *county_dir, char **town, char **county);

/* A village's area: the county, its town, and its row. */
struct area {
	struct area_county county;
	struct area_town town;
	const struct area_village *village;   /* NULL when not listed */
};

/* Load the area of village CODE (12 digits) whose folder is VILLAGE_DIR,
 * its folders found by area_dirs(). The county's columns file is read
 * with villages.csv. The town must be the village's (its first 9 digits);
 * the county the town's. Returns 0 (A->village NULL when the village is
 * not in villages.csv: for the caller to refuse or report), or -1 with
 * the message in ERR. Free with area_free(). */
int area_load(struct area *a, const char *village_dir, const char *code,
    const char *town_dir, const char *county_dir, enum csv_encoding enc,
    char *err, size_t errlen);
void area_free(struct area *a);

/* The owner of level L (LEVEL_TOWN or LEVEL_COUNTY) of the village A was
 * loaded for: its posting period (SPEC §8), the town's the one the
 * village's row of villages.csv gives (town.yaml's when its cells are
 * empty), the county's county.yaml's; they replace village.yaml's. */
const struct area_period *area_level_period(const struct area *a,
    enum level l);

/* The level's shared objections file: the town's or county's folder's
 * objections-LEVEL.csv, never the village folder's. Caller frees. */
char *area_objections_path(const struct area *a, enum level l);
/* The objections file of level L for the village folder DIR: in an area
 * (A not NULL) the town's or county's shared file, the village's own
 * objections-village.csv in DIR; outside one DIR's objections-LEVEL.csv.
 * Caller frees. */
char *objections_path(const struct area *a, enum level l, const char *dir);

/* Whether the owner of level L closed its posting of the village CODE
 * (SPEC §8), its objections then final: 1 closed; 0 not yet, with the
 * sentence saying what is missing appended to WHY; -1 when the closing
 * date is on or before the end (DATE_ORDER), WHY untouched (each caller
 * words it). */
int area_level_closed(const struct area *a, enum level l, const char *code,
    struct strbuf *why);

/* The fingerprint of one entry, for PROVENANCE.csv's inputs: REF is
 * "FILE#KEY" (FILE as seen from the folder given, e.g.
 * "../town-371323105/villages.csv#371323105201"), SHA256 the SHA-256 of
 * the entry's typed values as "name=value" lines (UTF-8, LF after each). */
struct area_entry {
	char *ref;
	char sha256[DIGEST_HEX];
};
void area_entry_free(struct area_entry *e);

/* The lines of village row V, in the order of villages.csv's columns
 * (village_code, name, population, households, key_village, quota,
 * town_start, town_end, town_closed, previous_code, posted_village,
 * posted_town), empty values for empty cells, town_* as the village has
 * them (town.yaml's when its cells are empty). Appended to B. */
void area_village_lines(const struct area_village *v, struct strbuf *b);
/* The entry of V in T's villages.csv, FILE seen from FROM_DIR (as loaded
 * when FROM_DIR is NULL). */
void area_village_entry(const struct area_town *t, const struct area_village *v,
    const char *from_dir, struct area_entry *e);

/* The entry "town" of T's town.yaml (its code, name and contact, a
 * "name=value" line each), FILE seen from FROM_DIR as
 * area_village_entry(). */
void area_town_entry(const struct area_town *t, const char *from_dir,
    struct area_entry *e);

/* The lines of county.yaml's entry KEY: a top-level key (county, year,
 * previous_year, rules, columns, publicity, audit, as_of) or one town's
 * (rules_by_town.T, towns.T). A mapping gives a line per key it may hold,
 * in the order of the county.yaml page, empty when not given
 * (audit's sample as sample.help, ...); a single value one line named by
 * its last key. Returns 0, or -1 when KEY names no entry of C (a town
 * without rules_by_town or towns). */
int area_county_lines(const struct area_county *c, const char *key,
    struct strbuf *b);
/* The entry KEY of C's county.yaml, as area_village_entry(). */
int area_county_entry(const struct area_county *c, const char *key,
    const char *from_dir, struct area_entry *e);

/* The rules of town TOWN: its rules_by_town entry, else the county's
 * rules. Sets *PATH (resolved) and *KEY (the entry: "rules_by_town.T" or
 * "rules", in the static buffer KEYBUF). */
void area_county_rules_for(const struct area_county *c, const char *town,
    const char **path, const char **key, char keybuf[32]);

struct rules;
/* Load into R (R->include_anywhere kept) the rules of town TOWN, as
 * area_county_rules_for() names them. A town's own rules must post at the
 * same levels as the county's (SPEC §8: all towns of a county follow the
 * county's procedure): otherwise an error naming county.yaml's line and
 * both files. Returns 0, or -1 with the lines in ERR (R then freed). */
int area_rules_load(struct rules *r, const struct area_county *c,
    const char *town, struct strbuf *err);

#endif
