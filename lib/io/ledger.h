/* LEDGER.csv of a town's or a county's folder (SPEC §8 "The ledger"): the
 * hash-chained record of every file the level received. A data file
 * (UTF-8, LF, no BOM), header `seq,village_code,receipt,file,sha256,prev`,
 * rows in the order written and never rewritten; `prev` is the SHA-256 of
 * the previous row's bytes without its LF.
 *
 * Reading checks the form and the chain; finding a village's receipts and
 * the latest copy of a file is a lookup in the rows read. Nothing here
 * exits. */
#ifndef TPA_LEDGER_H
#define TPA_LEDGER_H

#include <stddef.h>

#include "base/strbuf.h"
#include "base/strmap.h"
#include "io/digest.h"
#include "values/wording.h"

struct ledger_row {
	long seq;
	char village[16];            /* village_code */
	long receipt;                /* N of received/VILLAGE/N/ */
	char *file;                  /* relative to the ledger's folder */
	char sha256[DIGEST_HEX];     /* of the file's bytes */
	char prev[DIGEST_HEX];       /* of the previous row's bytes */
	char hash[DIGEST_HEX];       /* of this row's bytes, without its LF */
	unsigned long line;          /* in LEDGER.csv */
	size_t before;               /* 1 + the index of the row before of the
	                              * same village, or 0 */
};

struct ledger {
	char *dir;                   /* the level's folder */
	char *path;                  /* DIR/LEDGER.csv */
	int exists;                  /* LEDGER.csv was there */
	struct ledger_row *row;
	size_t nrows, cap;
	size_t saved;                /* the rows LEDGER.csv holds; the rest
	                              * were added by ledger_add() */
	struct strmap last;          /* village -> 1 + index of its last row:
	                              * a village's rows without a pass over
	                              * the whole ledger */
};

/* The ledger of the level folder DIR: LEDGER.csv read, its form and its
 * chain checked (seq from 1, each prev the hash of the row before; the
 * first row's prev is not checked here, see ledger_first_prev()). No
 * LEDGER.csv: 0 with no rows and L->exists 0. A row is well formed when
 * its bytes are exactly its six cells joined by commas (no quotes, no
 * spaces, no CR), seq the row's number, village_code 12 digits, receipt
 * from 1, file not empty, both digests 64 lower-case hex digits. Returns
 * 0, or -1 with the problem (FILE:LINE) in ERR: unreadable, a malformed
 * row, a broken chain — the caller reports LEDGER_BROKEN; L then holds
 * the rows before the first bad one. Free with ledger_free() either way. */
int ledger_load(struct ledger *l, const char *dir, struct strbuf *err);
/* The same, the problem in language LANG (a file's, such as audit.csv;
 * ledger_load() gives English). */
int ledger_load_in(struct ledger *l, const char *dir, enum lang lang,
    struct strbuf *err);
void ledger_free(struct ledger *l);

/* A row to append: the ledger computes seq and prev. */
struct ledger_entry {
	const char *village;
	long receipt;
	const char *file;            /* relative to the ledger's folder */
	const char *sha256;          /* 64 lower-case hex digits */
};

/* Add the N rows E to L, loaded by ledger_load() without error, in
 * memory: the lookups below see them at once, LEDGER.csv only after
 * ledger_save(). The first row of a ledger without rows takes FIRST_PREV
 * (see ledger_first_prev()). Returns 0, or -1 with the problem in ERR
 * when an entry cannot be a ledger row (nothing added). */
int ledger_add(struct ledger *l, const char first_prev[DIGEST_HEX],
    const struct ledger_entry *e, size_t n, struct strbuf *err);

/* Write the rows ledger_add() added by one atomic replace of
 * DIR/LEDGER.csv (temporary, fsync, rename: a run killed at any point
 * leaves the old ledger or the new one whole): one write however many
 * receipts an audit takes. Nothing added: nothing written. The ledger
 * holds no ID numbers: it is written 0666 less the umask, like the posted
 * lists. Returns 0, or -1 with the problem in ERR (LEDGER.csv unchanged,
 * the added rows dropped). */
int ledger_save(struct ledger *l, struct strbuf *err);

/* ledger_add() then ledger_save(). */
int ledger_append(struct ledger *l, const char first_prev[DIGEST_HEX],
    const struct ledger_entry *e, size_t n, struct strbuf *err);

/* The same level's folder of year YEAR beside DIR's year:
 * DIR/../../YEAR/NAME, NAME the name of DIR's folder (town-T or
 * county-C; DIR may be ".").
 * Caller frees. */
char *ledger_year_dir(const char *dir, int year);

/* The prev of the first row of a new ledger whose previous year's folder
 * is PREV_DIR (ledger_year_dir()): the hash of the last row of the
 * ledger there, or 64 zeros when there is none or it has no rows.
 * Returns 0, or -1 with the problem in ERR when that ledger is broken. */
int ledger_first_prev(const char *prev_dir, char out[DIGEST_HEX],
    struct strbuf *err);

/* Whether the first row of L is pinned as SPEC §8 says: its prev the
 * hash of a row of the ledger in PREV_DIR that still verifies there, or
 * 64 zeros when PREV_DIR has no ledger rows. L without rows: 0. Returns
 * 0, or -1 with the problem (FILE:LINE) in ERR. */
int ledger_check_first_prev(const struct ledger *l, const char *prev_dir,
    struct strbuf *err);
int ledger_check_first_prev_in(const struct ledger *l, const char *prev_dir,
    enum lang lang, struct strbuf *err);

/* The row K (seq) of L, or NULL. */
const struct ledger_row *ledger_row_seq(const struct ledger *l, long k);

/* The rows of VILLAGE in L, in the ledger's order: N indexes into
 * L->row (none: NULL, N 0). A lookup, not a pass over the ledger. Caller
 * frees. */
size_t *ledger_village_rows(const struct ledger *l, const char *village,
    size_t *n);

/* The highest receipt number of VILLAGE in L, or 0 when it has none. */
long ledger_latest_receipt(const struct ledger *l, const char *village);

/* Whether a later receipt of the village of R (a row of L) came after
 * R's: its copy is not the village's latest receipt. */
int ledger_superseded(const struct ledger *l, const struct ledger_row *r);

/* The row of the latest receipt of VILLAGE that holds a file named NAME
 * (the part after received/VILLAGE/N/, e.g. "survey.csv" or
 * "registry/households.csv"), or NULL. */
const struct ledger_row *ledger_latest_file(const struct ledger *l,
    const char *village, const char *name);

/* The last row of receipt N of VILLAGE (whose hash the county notice
 * prints and the sample's draw uses), or NULL. */
const struct ledger_row *ledger_receipt_last(const struct ledger *l,
    const char *village, long n);

/* The row whose hash a county notice of VILLAGE showing the list NAME
 * prints (SPEC §8 "The ledger"): the last row of the latest receipt that
 * holds NAME — the list's receipt, not a later one (the registry's) — or
 * NULL when none holds it. */
const struct ledger_row *ledger_notice_row(const struct ledger *l,
    const char *village, const char *name);

/* The fingerprint printed on paper: the first 32 hex digits of HEX in
 * groups of four, "1a2b 3c4d ... " (39 bytes and the NUL). */
#define FINGERPRINT_LEN 40
void fingerprint_format(const char hex[DIGEST_HEX], char out[FINGERPRINT_LEN]);

/* The fingerprints of the last rows of every receipt of VILLAGE that
 * holds NAME, the latest first: N of them (none: NULL). Caller frees. */
char (*ledger_notice_rows(const struct ledger *l, const char *village,
    const char *name, size_t *n))[FINGERPRINT_LEN];

/* Whether TYPED (as read off a paper: spaces and hyphens anywhere, any
 * case) is the fingerprint of HEX. */
int fingerprint_matches(const char *typed, const char hex[DIGEST_HEX]);

#endif
