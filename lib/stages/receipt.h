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
#include "stages/auditarea.h"

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
 * is not received again (that is CHANGED_AFTER_RECEIPT); a reopen row of
 * the level's reopen.csv is what will make a new receipt due. */
int receipt_due(const struct ledger *l, const char *village, const char *key);

/* The list the county receives of a village (SPEC §8 "Receipts"): that
 * of the last level before the county that posts in PROCEDURE (NULL:
 * every level posts) — "publicized-town.csv", or
 * "publicized-village.csv" when the town does not post. */
const char *receipt_county_list(const struct rules *procedure);

/* Take the receipts due of the N villages V at the audit's own level, in
 * V's order (SPEC §8 "Receipts"). The town receives a village's files
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
long receipts_take(struct receipts *r, const struct receipt_village *v,
    size_t n, struct strbuf *err);

/* `tpa status` of a town's or a county's folder DIR: per listed village,
 * how many receipts that level took and the files of the latest, then
 * the ledger verified as the audit verifies it (nothing is put right or
 * written). Prints on standard output. Returns EXIT_DONE, EXIT_BLOCKED
 * when a ledger is broken, or EXIT_ERROR (message on standard error) when
 * the area cannot be read. */
int receipts_status(const char *dir);

#endif
