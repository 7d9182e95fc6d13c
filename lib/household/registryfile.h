/* The files of a registry folder as tpa-file writes them (SPEC §7):
 * households.csv, members.csv and history.csv. One reader for every
 * program that reads one (last year's registry, the statistics rolled up
 * from registries, the audit's look at a village's registry): the header
 * matched against the registry's columns, and each row's cells with the
 * registry's values parsed once (status, years, members, attribute,
 * causes, labour, health). Whether a registry is whole (registry_whole
 * below: one village of one year, each household once, members.csv's
 * rows its households' members) is checked here for every caller that
 * requires it; the columns a caller needs, and what it says of a fault,
 * are the caller's. */
#ifndef TPA_REGISTRYFILE_H
#define TPA_REGISTRYFILE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "base/strmap.h"
#include "io/csvin.h"
#include "io/digest.h"
#include "rules/columns.h"

enum registry_file { REGISTRY_HOUSEHOLDS, REGISTRY_MEMBERS, REGISTRY_HISTORY,
	REGISTRY_NFILES };

/* "households.csv", "members.csv", "history.csv" */
extern const char *const registry_file_names[REGISTRY_NFILES];

/* The columns households.csv and history.csv begin with, as tpa-file
 * writes them (households.csv then has the survey's columns). */
#define REGISTRY_NHOUSEHOLD_COLUMNS 13
extern const char *const registry_household_columns[REGISTRY_NHOUSEHOLD_COLUMNS];
#define REGISTRY_NHISTORY_COLUMNS 3
extern const char *const registry_history_columns[REGISTRY_NHISTORY_COLUMNS];

/* The registry's columns a reader knows. */
enum registry_column { RC_HOUSEHOLD, RC_STATUS, RC_SINCE, RC_EXITED, RC_YEAR,
	RC_VILLAGE, RC_ATTRIBUTE, RC_CAUSE, RC_MEMBERS, RC_LABOR, RC_HEALTH, RC_N };

/* Their canonical names, in that order. */
extern const char *const registry_columns[RC_N];

/* A year of a registry cell: 1 to 4 digits and nothing else. Returns the
 * year, 0 for an empty cell, -1 for anything else. */
int registry_year(const char *s);

/* A file being read: the header, mapped once it has been read. */
struct registryfile {
	const char *path;
	const char *name;             /* as messages name the file */
	enum registry_file file;
	struct columns cols;          /* the header against registry_columns */
};

/* One row. A column the file lacks reads "" (and -1 below). */
struct registry_row {
	unsigned long line;
	const char *cell[RC_N];
	size_t len[RC_N];
	int status;                   /* enum status, -1 when not one */
	int year, since, exited;      /* registry_year of the cells */
	long long members;            /* 1 to 1,000,000; -1 when not such a
	                               * whole number */
	int attribute, cause, labor, health;   /* their enums', -1 when not one */
};

struct registryfile_handler {
	void *ctx;
	/* The header row: mapped (MAPERR NULL), or not (MAPERR says why: two
	 * cells name one column). Return 0 to go on, anything else to stop
	 * (with a line in ERR). */
	int (*header)(void *ctx, const struct registryfile *f, const char *maperr,
	    struct strbuf *err);
	/* Each row after it, in the file's order; 0 to go on, else stop. */
	int (*row)(void *ctx, const struct registryfile *f,
	    const struct registry_row *r, struct strbuf *err);
};

enum { REGISTRYFILE_UNOPENED = -2 };

/* Read registry file FILE at PATH (UTF-8) through H, header aliases A.
 * Returns 0 with SHA256 the hash of the bytes read; REGISTRYFILE_UNOPENED
 * when PATH cannot be opened (the reason in ERR, no newline); or -1 when
 * the file is not CSV or a callback stopped (a line in ERR: the callback's,
 * or the CSV reader's "FILE:LINE: message"). */
int registryfile_read(const char *path, enum registry_file file,
    const struct column_aliases *a, const struct registryfile_handler *h,
    char sha256[DIGEST_HEX], struct strbuf *err);

/* A registry checked whole as it is read: households.csv's households, one
 * village of one year, each once, with a status and its members, and then
 * members.csv's rows, each of one of them, as many as its members. Every
 * reader of a registry checked whole checks it so; what it says of a fault
 * is its own. */
enum registry_fault {
	REGISTRY_WHOLE,
	REGISTRY_NOT_VILLAGE,         /* village_code is not the expected one */
	REGISTRY_NOT_YEAR,            /* year is not a year */
	REGISTRY_NOT_ONE,             /* village or year not the first row's */
	REGISTRY_NOT_EARLIER,         /* year not before the expected one */
	REGISTRY_NOT_STATUS,          /* status is not one */
	REGISTRY_NOT_MEMBERS,         /* members is not 1 or more */
	REGISTRY_TWICE,               /* the household is there twice */
	REGISTRY_UNLISTED,            /* a member's household is not in
	                               * households.csv, or of another village */
	REGISTRY_NO_ROWS,             /* a household has no row in members.csv */
	REGISTRY_ROWS,                /* nor as many as its members */
};

/* What the caller requires beyond that (NULL, 0: nothing). */
struct registry_expect {
	const char *code;             /* the village's code */
	int before;                   /* a year the registry's comes before */
};

struct registry_household {
	char *id;
	int status;                   /* enum status */
	long long members;            /* households.csv's */
	unsigned long line;           /* there */
	unsigned long rows;           /* in members.csv */
};

struct registry_whole {
	struct registry_expect x;
	struct registry_household *hh;   /* in households.csv's order */
	size_t nhh;
	struct strmap index;          /* household_id -> index in hh */
	char *code;                   /* the registry's village (NULL before a */
	int year;                     /* household), its year (0 before) */
	unsigned long line;           /* the row that fixed both */
};

/* Start W with the caller's requirements X (NULL: none). */
void registry_whole_init(struct registry_whole *w,
    const struct registry_expect *x);

/* A row of households.csv (F): the household added to W, or the fault
 * (W unchanged but for the first household's village and year). */
enum registry_fault registry_whole_household(struct registry_whole *w,
    const struct registryfile *f, const struct registry_row *r);

/* A row of members.csv (F): its household's index in W->hh in *K, its row
 * counted, or the fault. */
enum registry_fault registry_whole_member(struct registry_whole *w,
    const struct registryfile *f, const struct registry_row *r, size_t *k);

/* Once members.csv has been read: the first household whose rows are not
 * its members, its index in *K, and the fault; or REGISTRY_WHOLE. */
enum registry_fault registry_whole_rows(const struct registry_whole *w,
    size_t *k);

void registry_whole_free(struct registry_whole *w);

#endif
