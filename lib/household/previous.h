/* Last year's registry (SPEC §6: --previous, village.yaml previous:): the
 * folder tpa-file wrote, read whole and checked before a stage uses it.
 * households.csv and members.csv are required, history.csv is read when
 * there. The registry must be of an earlier year than the village's, of
 * the same village, not the village's own registry folder, and whole: a
 * household of members.csv that households.csv does not hold, a household
 * of households.csv whose members are not its rows in members.csv, a
 * household twice, rows of two years or two villages make it damaged.
 * A registry with no household is refused: its year cannot be known. */
#ifndef TPA_PREVIOUS_H
#define TPA_PREVIOUS_H

#include <stddef.h>

#include "base/strbuf.h"
#include "base/strmap.h"
#include "household/registryfile.h"
#include "io/digest.h"
#include "rules/columns.h"
#include "values/enums.h"

/* The registry's files, as registryfile.h numbers them. */
enum { PREVIOUS_HOUSEHOLDS = REGISTRY_HOUSEHOLDS,
	PREVIOUS_MEMBERS = REGISTRY_MEMBERS, PREVIOUS_HISTORY = REGISTRY_HISTORY,
	PREVIOUS_NFILES = REGISTRY_NFILES };

/* A household of households.csv, or (status unused) of history.csv. */
struct previous_household {
	char *id;
	enum status status;
	int registered_since;         /* 0 when not given */
	int exited_year;              /* 0 when not given */
	long members;                 /* households.csv's members (0: history) */
	unsigned long rows;           /* its rows in members.csv */
	unsigned long line;           /* its line in households.csv */
};

struct previous_registry {
	/* households.csv, members.csv, history.csv (NULL when absent), with
	 * the SHA-256 of the bytes read */
	char *path[PREVIOUS_NFILES];
	char sha256[PREVIOUS_NFILES][DIGEST_HEX];
	int year;                     /* the registry's (it has a household) */
	struct previous_household *households, *history;
	size_t nhouseholds, nhistory;
	struct registry_whole whole;  /* households.csv and members.csv checked
	                               * to agree; its index: household_id ->
	                               * index in households */
};

/* What the registry must fit: the village that reads it. */
struct previous_expect {
	const char *code;             /* the village's code */
	int year;                     /* the village's year */
	const char *village_dir;      /* its folder: DIR/registry is its own */
	const struct column_aliases *aliases;
};

/* Read the registry folder DIR into P (zeroed first). Returns 0, or -1
 * with "FILE:LINE: message" lines in ERR (P then needs only
 * previous_free). */
int previous_read(struct previous_registry *p, const char *dir,
    const struct previous_expect *x, struct strbuf *err);

/* The household ID of households.csv, or NULL when it has none. */
const struct previous_household *previous_household(
    const struct previous_registry *p, const char *id);

void previous_free(struct previous_registry *p);

#endif
