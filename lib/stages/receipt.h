/* Receipts and the ledger at an area audit (SPEC §8 "Receipts", "The
 * ledger"): what a town or a county received of each village, copied into
 * its folder's received/VILLAGE/N/ and recorded in its LEDGER.csv.
 *
 * At the end of an audit of a town's or a county's folder that read every
 * listed village, after its findings are known, the audit
 *   1. completes or removes what a receipt stopped half-way left
 *      (receipts_recover), then verifies every ledger of the area: the
 *      town's at a town audit, the county's and every town's at a county
 *      audit (receipts_verify: LEDGER_BROKEN);
 *   2. reports a village with files that come after a receipt it does not
 *      have (receipts_not_received: NOT_RECEIVED);
 *   3. takes the receipts due (receipts_take).
 * Findings go to the caller through REPORT; nothing here prints or exits. */
#ifndef TPA_RECEIPT_H
#define TPA_RECEIPT_H

#include <stddef.h>

#include "base/strbuf.h"
#include "io/ledger.h"
#include "rules/rules.h"
#include "rules/reopen.h"
#include "stages/auditarea.h"
#include "values/enums.h"
#include "values/wording.h"

/* A finding: CODE ("LEDGER_BROKEN" or "NOT_RECEIVED", errors), the
 * village's code ("" when no row names one) and the detail (Chinese, as
 * audit.csv has it). */
typedef void (*receipt_report_fn)(void *ctx, const char *code,
    const char *village, const char *detail);

/* What the audit knows of one village of the area at its end. */
struct receipt_village {
	const char *dir;
	const char *code;            /* 12 digits */
	size_t town;                 /* index in the area's towns */
	int has_error;               /* an error finding names it (a pending
	                              * objection is one) */
	const struct reopen_row *reopen;  /* a row of the level's reopen.csv
	                              * whose repost is done
	                              * (receipt_reopen_ready()): the receipt
	                              * it makes due, or NULL */
	long taken;                  /* set by receipts_take(): the receipt
	                              * taken now, or 0 */
};

struct receipts {
	const struct audit_area *aa;
	struct ledger *town_ledgers;      /* per town, as load_area() loaded them */
	char *const *town_ledger_err;     /* per town: why it did not load, or NULL */
	struct ledger *county_ledger;     /* when aa->have_county */
	const char *county_ledger_err;
	/* The area's procedure (all its towns follow the county's): the
	 * levels that post decide what the county receives and which files
	 * come after a receipt. NULL (no county.yaml): every level posts.
	 * Set by the caller after receipts_init(); not owned. */
	const struct rules *procedure;
	receipt_report_fn report;
	void *ctx;
	int *town_broken;                 /* set by receipts_verify() */
	int county_broken;
	/* Receipts receipts_take() wrote to their temporary folders, whose
	 * rows are added to their ledger in memory: one save of each ledger
	 * and the renames end the audit's receipts. */
	struct receipt_pending {
		struct ledger *l;
		char *vdir, *tmp, *final;
	} *pending;
	size_t npending, pending_cap;
};

/* Set R up for the area AA and the ledgers loaded with it. Free with
 * receipts_free(). */
void receipts_init(struct receipts *r, const struct audit_area *aa,
    struct ledger *town_ledgers, char *const *town_ledger_err,
    struct ledger *county_ledger, const char *county_ledger_err,
    receipt_report_fn report, void *ctx);
void receipts_free(struct receipts *r);

/* What a receipt stopped half-way left in the audit's own level's
 * received/: a received/VILLAGE/.N.tmp-PID/ folder (PID no longer
 * running) whose files the ledger's rows of receipt N hold, with the same
 * hashes, is renamed to N; one without rows is removed. Neither is a
 * finding. Returns 0, or -1 with the problem in ERR (a rename or removal
 * that failed). */
int receipts_recover(struct receipts *r, struct strbuf *err);

/* Verify every ledger of the area (see above), reporting LEDGER_BROKEN;
 * a broken ledger receives nothing at this audit. */
void receipts_verify(struct receipts *r);

/* NOT_RECEIVED for village V: at the town, notice-town.html,
 * letters-town.html or publicized-town.csv without a town receipt; at a
 * county audit also notice-county.html, publicized-county.csv or
 * registry/ without a county receipt. Only the files of the levels that
 * post are looked for (the registry always is). */
void receipts_not_received(struct receipts *r, const struct receipt_village *v);

/* Whether a new receipt of VILLAGE holding KEY (the file that marks that
 * kind of receipt: publicized-village.csv at the town, the county's list
 * (receipt_county_list()) or registry/households.csv at the county) is
 * to be taken now: when none
 * of its receipts in L holds KEY. A village received whose files changed
 * is not received again (that is CHANGED_AFTER_RECEIPT); only a reopen
 * row of the level's reopen.csv makes a new receipt due (a
 * receipt_village's reopen, see receipts_take()). */
int receipt_due(const struct ledger *l, const char *village, const char *key);

/* The list the county receives of a village (SPEC §8 "Receipts"): that
 * of the last level before the county that posts in PROCEDURE (NULL:
 * every level posts) — "publicized-town.csv", or
 * "publicized-village.csv" when the town does not post. */
const char *receipt_county_list(const struct rules *procedure);

/* Reopening (SPEC §8 "Reopening"). The row of RO, a level's reopen.csv,
 * open for VILLAGE: the first of VILLAGE's rows that no receipt of it in
 * L, the same level's ledger, holds (a receipt holds a row when its
 * reopen.csv has the bytes reopen_row_bytes() gives). NULL when there is
 * none, or when L holds no receipt of VILLAGE: a first receipt needs no
 * reopen, and a row written before it waits for it. While a row is open,
 * the village's files are not compared with that level's receipt: their
 * differences are what the reopen is for, and REOPENED names them once
 * the village is received again. */
const struct reopen_row *receipt_reopen_open(const struct ledger *l,
    const struct reopen *ro, const char *village);

/* The list whose fingerprint a reopen at LEV (LEVEL_TOWN or LEVEL_COUNTY)
 * needs: the one the notice of the level below shows — appraised.csv for
 * the village's posting; publicized-village.csv for the town's, or
 * appraised.csv when VILLAGE_POSTS is 0 (the procedure has no village
 * posting). */
const char *receipt_reopen_list(enum level lev, int village_posts);

/* Whether the village's list was posted again for ROW, a row of the
 * reopen.csv of the level above BELOW (LEVEL_VILLAGE for the town,
 * LEVEL_TOWN for the county): the period of BELOW starts on START (0 when
 * not given) after ROW's date, and the list LIST the level below posts
 * (the one its notice shows: appraised.csv for the village, where the
 * village posts) is there with POSTED (villages.csv's
 * posted_village or posted_town, "" when empty) its fingerprint. Returns
 * 1; or 0 with what is missing appended to WHY in LANG (each thing
 * missing, "; " between them). */
int receipt_reopen_ready(const struct reopen_row *row, enum level below,
    long start, const char *posted, const char *list, enum lang lang,
    struct strbuf *why);

/* Take the receipts due of the N villages V at the audit's own level, in
 * V's order (SPEC §8 "Receipts"; a village whose V->reopen is set is
 * received again, the row's bytes copied as reopen.csv). The town receives a village's files
 * once publicized-village.csv is there. The county receives, once the
 * town received the village, the county's list (receipt_county_list())
 * with the town's objection rows — and notice-town.html, once the town
 * closed the village's posting, when the town posts; then, after
 * tpa-file, the registry — once the county closed its announcement, when
 * the county posts. A village with an error receives nothing. Each is
 * written as received/VILLAGE/.N.tmp-PID/ (files 0600,
 * synced), its rows appended to LEDGER.csv by one atomic replace, the
 * folder renamed to N. Returns the number of receipts taken, or -1 with
 * the problem in ERR (a file that cannot be copied, a full disk: the
 * receipt is then not recorded). */
long receipts_take(struct receipts *r, struct receipt_village *v,
    size_t n, struct strbuf *err);

/* `tpa status` of a town's or a county's folder DIR: per listed village,
 * how many receipts that level took and the files of the latest, and
 * what waits for a reopen of the level's reopen.csv (REPOST_MISSING, or
 * the receipt the next audit takes), then
 * the ledger verified as the audit verifies it (nothing is put right or
 * written). Prints on standard output. Returns EXIT_DONE, EXIT_BLOCKED
 * when a ledger is broken, or EXIT_ERROR (message on standard error) when
 * the area cannot be read. */
int receipts_status(const char *dir);

#endif
