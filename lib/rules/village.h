/* village.yaml: one village in one year (SPEC §3). */
#ifndef TPA_VILLAGE_H
#define TPA_VILLAGE_H

#include "io/digest.h"

struct period {
	long start, end;    /* day numbers, inclusive; 0/0 when not given */
	int given;
};

enum village_language { VILLAGE_ZH = 0, VILLAGE_EN = 1 };

/* The keys of village.yaml whose place the loader keeps: in a county's
 * area (SPEC §8) all but year are another level's. */
enum village_key {
	VILLAGE_KEY_QUOTA, VILLAGE_KEY_POPULATION, VILLAGE_KEY_KEY_VILLAGE,
	VILLAGE_KEY_CONTACTS, VILLAGE_KEY_RULES, VILLAGE_KEY_COLUMNS,
	VILLAGE_KEY_PREVIOUS, VILLAGE_KEY_PUBLICITY_TOWN,
	VILLAGE_KEY_PUBLICITY_COUNTY, VILLAGE_KEY_TOWN, VILLAGE_KEY_COUNTY,
	VILLAGE_KEY_YEAR, VILLAGE_NKEYS
};

struct village {
	char *path;                /* the village.yaml read */
	char *dir;                 /* its folder */
	char sha256[DIGEST_HEX];
	char code[13];             /* 12-digit division code */
	char *name, *town, *county, *contact;
	char *contact_town, *contact_county, *hotline;  /* contacts:; may be NULL */
	int language;              /* 0 zh (the default), 1 en: enum village_language */
	long long population;      /* -1 when not given */
	int key_village;
	int year;
	char *rules;               /* as written, relative to the file; may be NULL */
	char *rules_path;          /* resolved against dir; NULL when rules is */
	char *columns_path;        /* the county's header aliases, resolved; may be NULL */
	char *previous;            /* last year's registry folder, resolved; may be NULL */
	long long quota;           /* -1 when not given */
	long appraisal_date;       /* 0 when not given */
	long long representatives; /* present at the meeting; -1 when not given */
	long long total;           /* all representatives; -1 when not given */
	struct period publicity[3];  /* village, town, county */
	/* Where the file sets each key of enum village_key: 1-based line
	 * and column, 0 when it is not set. */
	struct { unsigned long line, col; } at[VILLAGE_NKEYS];
};

/* Load PATH (a village.yaml, or a folder holding one). Every field is
 * type-checked; unknown and duplicate keys are refused; rules and columns
 * must name regular files and previous a folder (last year's registry),
 * all relative to the village.yaml's folder, when given.
 * Returns 0, or -1 with "FILE:LINE:COL: message" in ERR (ERRLEN bytes) and
 * V emptied. Strings of V are V's, freed by village_free(). */
int village_load(struct village *v, const char *path, char *err, size_t errlen);
void village_free(struct village *v);

/* Whether the village folder DIR (it need not exist yet) is in an area
 * (SPEC §8): its parent folder holds a folder town-T with a town.yaml or
 * a folder county-C with a county.yaml. */
int village_in_area(const char *dir);

/* The area's rule on folder names: in an area, village folder DIR must be
 * named CODE, its code. Returns 0 when it is, or when DIR is outside an
 * area (any name will do there); otherwise -1 with a message naming both
 * in ERR (ERRLEN bytes). Every reader of a village.yaml calls it: the
 * stages, tpa status, tpa-audit (FOLDER_NOT_CODE) and tpa-init. */
int village_folder_check(const char *dir, const char *code, char *err,
    size_t errlen);

/* The name of folder DIR ("V" for "a/V/", resolved for "." or ".."), or
 * NULL when it cannot be resolved. Caller frees. */
char *village_folder_name(const char *dir);

#endif
