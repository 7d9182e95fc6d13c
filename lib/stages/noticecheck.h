/* The audit's check of a posted notice (SPEC §8 "What the audit covers":
 * Notices): the rows of notice-LEVEL.html — household (by value),
 * villager group, head, masked ID number, members, income per head — its
 * totals and the fingerprint it prints, against the notice its list gives
 * (made by notice_from_list(), the stage's own code), and the fingerprint
 * the town recorded from the posted paper against the list's, and a
 * county notice's receipt fingerprint against the county's ledger. Markup
 * is not compared: the page's table cells are read as text. Each
 * difference is reported with the household it concerns ("" for the
 * totals and the fingerprints); the caller files them as NOTICE_MISMATCH.
 * The stage that would make a posted notice again asks the same, of the
 * rows and totals only. */
#ifndef TPA_NOTICECHECK_H
#define TPA_NOTICECHECK_H

#include "base/strbuf.h"
#include "household/list.h"
#include "io/digest.h"
#include "io/ledger.h"
#include "values/enums.h"
#include "values/wording.h"

struct notice_check {
	const char *path;            /* the notice posted */
	const char *name;            /* its name in messages */
	const struct hhlist *list;   /* the list it shows */
	const char *list_name;       /* the list's name, as the notice prints it */
	enum level level;
	enum lang lang;              /* the village's: the notice's and the messages' */
	const char *posted;          /* the fingerprint recorded from the paper
	                              * (villages.csv posted_*), or NULL or "" */
	const char *posted_column;   /* its column, for messages */
	/* A county notice in the county's audit: the receipt fingerprints it
	 * may print when it prints one (fingerprint_format() of the last row
	 * of each county receipt of the village holding the list, the latest
	 * first: a notice made before a later receipt still anchors an
	 * earlier row); CHECK_RECEIPT 0: not checked. */
	int check_receipt;
	char (*receipts)[FINGERPRINT_LEN];
	size_t nreceipts;
	/* A town's or county's notice: the level has not received the
	 * village, so a part without households (not yet received) is no
	 * finding; one with households is checked against LIST. */
	int not_received;
	/* The rows and the totals only, not the fingerprints: whether a
	 * notice already posted shows what LIST gives, as values (a list made
	 * again from an input a spreadsheet re-saved, 001 written 1, shows
	 * the same), for the stage that would make it again. */
	int values_only;
};

typedef void notice_report(void *ctx, const char *household, const char *detail);

/* Check the notice C->path, calling REPORT for each difference; the
 * SHA-256 of the notice's bytes into SHA (for the audit's record of what
 * it read). Returns 0, or -1 with the reason in ERR when the notice cannot
 * be read (nothing reported). */
int notice_check(const struct notice_check *c, notice_report *report,
    void *ctx, char sha[DIGEST_HEX], struct strbuf *err);

/* A town's or county's notice (stages/areanotice.h): each village's part,
 * under its heading, checked as a village's own notice is (the same
 * comparison), the page read once. */
struct area_notice_page;

/* Read the notice PATH of LEVEL whose file name gives the period
 * START..END; the SHA-256 of its bytes into SHA. NULL, with the reason in
 * ERR, when it cannot be read. */
struct area_notice_page *area_notice_page_read(const char *path,
    enum level level, long start, long end, char sha[DIGEST_HEX],
    struct strbuf *err);
/* Its file name. */
const char *area_notice_page_name(const struct area_notice_page *ap);
/* Village CODE, posted at the level in START..END (0: no period yet): its
 * part against C->list (C->name the notice's name, C->list NULL when the
 * village has no list at the level yet), each difference reported; a
 * village of the notice's period with no part is reported too, one of
 * another period shown at the end. */
void area_notice_page_village(struct area_notice_page *ap,
    const struct notice_check *c, const char *code, long start, long end,
    notice_report *report, void *ctx);
/* Village CODE could not be checked (its files could not be read): its
 * part is its, and the whole's totals are not checked. */
void area_notice_page_unchecked(struct area_notice_page *ap, const char *code);
/* A finding of the whole notice, or of VILLAGE ("": of none): UNUSED
 * when the notice is of a period no village has (a record of a posting,
 * nothing else said of it). */
typedef void area_notice_report(void *ctx, int unused, const char *village,
    const char *detail);
/* After every village: a period no village has, villages of another
 * period it lists, parts no village took, the line of the whole's totals
 * against what the lists gave. */
void area_notice_page_end(struct area_notice_page *ap,
    area_notice_report *report, void *ctx);
void area_notice_page_free(struct area_notice_page *ap);

#endif
