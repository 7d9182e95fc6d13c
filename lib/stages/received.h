/* What a village handed up, against what it holds now (SPEC §8 "Changed
 * after receipt"): each file of the village's latest receipt at a level
 * compared, as the stages read it, with the file now. The audit turns
 * each difference into CHANGED_AFTER_RECEIPT. */
#ifndef TPA_RECEIVED_H
#define TPA_RECEIVED_H

#include "base/strbuf.h"
#include "household/tablediff.h"
#include "io/ledger.h"
#include "rules/area.h"
#include "values/enums.h"

struct received_village {
	const char *code;                      /* village_code */
	const char *dir;                       /* its folder */
	const struct area *area;               /* its town's and county's files */
	const struct column_aliases *aliases;  /* the county's */
	const struct rules *rules;             /* the types of declared columns */
	int year;
};

/* One difference: the receiving LEVEL, the FILE as the receipt names it
 * ("survey.csv", "objections-town.csv", "registry/members.csv"), whether
 * it is an INPUT of the village's stages (village.yaml, applications,
 * survey, votes, objections) rather than a list made from them. */
struct received_change {
	enum level level;
	const char *file;
	int input;
	const struct tablediff *d;
};

typedef void (*received_fn)(void *ctx, const struct received_change *c);

/* Which files of a receipt: the village's inputs, the lists (the
 * registry's files among them), or the registry's files alone. */
enum received_part { RECEIVED_INPUTS, RECEIVED_LISTS, RECEIVED_REGISTRY };

/* Compare every file of V's latest receipt in L, the ledger of level LEV
 * (PROVENANCE.csv, notices and reopen rows aside) that is of PART, with
 * the file now, and
 * call FN for each difference; a file gone is every row of it removed.
 * The town's and county's objections are the village's rows of the
 * level's file. Returns the number of differences; a copy or a file that
 * cannot be read is a line in ERR (the others are still compared). */
long received_compare(const struct received_village *v, const struct ledger *l,
    enum level lev, enum received_part part, received_fn fn, void *ctx,
    struct strbuf *err);

/* Receipt N of V in L (a reopened village's new receipt, SPEC §8
 * "Reopening") against the latest receipt before it holding each file:
 * FN is called for each difference (for REOPENED, naming the households
 * whose rows differ). The audit calls it for a receipt it took through a
 * reopen row (receipts_take() sets its number). Returns the number of
 * differences. */
long received_reopened(const struct received_village *v, const struct ledger *l,
    long n, enum level lev, received_fn fn, void *ctx, struct strbuf *err);

/* Last year's registry against the county's receipt of it (SPEC §8
 * "Across years"): REGISTRY is the folder of year Y's registry of village
 * CODE (../../Y/CODE/registry), its county's folder ../../Y/county-C
 * beside it. */
enum previous_receipt {
	PREVIOUS_NO_LEDGER,          /* year Y's county keeps no ledger: the
	                              * registry is taken as it is */
	PREVIOUS_NOT_RECEIVED,       /* the ledger holds no registry of CODE */
	PREVIOUS_RECEIVED,           /* compared: FN called for each difference */
	PREVIOUS_BROKEN              /* year Y's county ledger does not verify,
	                              * or a copy of the registry no longer has
	                              * the hash of its row: what the county
	                              * received cannot be known (ERR says why) */
};
/* The folder of year Y's county (../../Y/county-C beside REGISTRY, C the
 * first 6 digits of CODE). Caller frees. */
char *received_previous_county(const char *registry, const char *code);

/* Compare the files of the latest registry receipt of CODE in year Y's
 * county ledger with REGISTRY's, calling FN for each difference (FILE
 * "registry/households.csv", ...); *N is their number. A ledger that
 * cannot be read is a line in ERR and PREVIOUS_NOT_RECEIVED. */
enum previous_receipt received_previous(const char *registry, const char *code,
    const struct column_aliases *aliases, received_fn fn, void *ctx, long *n,
    struct strbuf *err);

/* The folder of the latest registry receipt of CODE in year Y's county
 * ledger (REGISTRY as above): received/CODE/N/registry, the copy of last
 * year's registry the stages' decisions are re-derived from. Returns it
 * (caller frees) with *HOW PREVIOUS_RECEIVED; NULL with *HOW
 * PREVIOUS_NO_LEDGER (take REGISTRY as it is) or PREVIOUS_NOT_RECEIVED
 * (a ledger that cannot be read is a line in ERR). */
char *received_previous_copy(const char *registry, const char *code,
    enum previous_receipt *how, struct strbuf *err);

#endif
