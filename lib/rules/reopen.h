/* A level's reopen.csv (SPEC §8 "Reopening"): town-T/reopen.csv or
 * county-C/reopen.csv, `village_code,date,reason`, one row per village the
 * level accepts again after a correction. Read like any input (UTF-8 with
 * or without a BOM, or GBK; Chinese headers through the aliases). Nothing
 * here prints or exits. */
#ifndef TPA_REOPEN_H
#define TPA_REOPEN_H

#include <stddef.h>

#include "base/strbuf.h"
#include "io/digest.h"

struct reopen_row {
	char village[13];            /* 12 digits */
	long date;                   /* day number */
	char *reason;                /* as written, not empty */
	unsigned long line;          /* in reopen.csv */
};

struct reopen {
	char *path;                  /* DIR/reopen.csv */
	int exists;                  /* an absent file: no reopen */
	int read;                    /* it was read: SHA256 is its bytes' */
	char sha256[DIGEST_HEX];
	struct reopen_row *row;      /* the good rows, in the file's order */
	size_t n, cap;
};

/* Read DIR/reopen.csv, its headers through the built-in aliases and, when
 * COLUMNS_PATH is not NULL, the county's columns file. No file: 0, no
 * rows. A bad row (a village_code that is not 12 digits, a date that is
 * not one, an empty reason, the same row twice) is left out, with a line
 * "FILE:LINE: column: message" in ERR. Returns the number of such lines
 * (0 when every row is good), or -1 with the line in ERR when the file
 * cannot be read (no rows then). Free with reopen_free() either way. */
int reopen_load(struct reopen *r, const char *dir, const char *columns_path,
    struct strbuf *err);
void reopen_free(struct reopen *r);

struct area_town;
/* Leave out of RO the rows naming a village that none of the N towns T
 * lists in its villages.csv (a town's reopen.csv: its own town alone),
 * each with a line "FILE:LINE: village_code: message" in ERR. Returns the
 * number of rows left out. */
int reopen_keep_listed(struct reopen *ro, const struct area_town *t, size_t n,
    struct strbuf *err);

/* The bytes a receipt copies of ROW (received/VILLAGE/N/reopen.csv): the
 * header and the row, UTF-8, LF, the date as YYYY-MM-DD, the reason quoted
 * when it must be. Appended to B. */
void reopen_row_bytes(const struct reopen_row *row, struct strbuf *b);

#endif
