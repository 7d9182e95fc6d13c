/* The words of messages written into files meant for people — the message
 * column of rejects, the detail of audit findings — in the village's
 * language (village.yaml language: zh, the default, or en). One table,
 * compiled in, so a file holds the same bytes on every machine whatever
 * its locale. Each message has one printf format per language, taking the
 * same arguments in the same order. Field names are given by the caller
 * already in the language (field_label). */
#ifndef TPA_WORDING_H
#define TPA_WORDING_H

#include <stdarg.h>

#include "base/strbuf.h"

enum lang { LANG_ZH, LANG_EN };

enum msg {
	/* apply */
	MSG_EMPTY,               /* %s field */
	MSG_EMPTY_ON_HEAD,       /* %s field */
	MSG_NAME_TOO_LONG,       /* %s field */
	MSG_HOUSEHOLD_ID_FORM,   /* %s field, %s quoted value */
	MSG_NOT_THIS_VILLAGE,    /* %s field, %s quoted value */
	MSG_ID_FORMAT,           /* %s field */
	MSG_ID_CHECKSUM,         /* %s field */
	MSG_ID_DATE,             /* %s field */
	MSG_ID_OLD,              /* %s field */
	MSG_ID_MANGLED,          /* %s field */
	MSG_NOT_ONE_OF,          /* %s field, %s quoted value, %s codes */
	MSG_NOT_A_DATE,          /* %s field, %s quoted value */
	MSG_SHORT_YEAR,          /* %s field, %s quoted value, %d years */
	MSG_NOT_VALUE,           /* %s field, %s quoted value, %s what is accepted */
	MSG_CONTROL,             /* %s field, %s quoted value */
	MSG_DISAGREES_WITH_ID,   /* %s field, %s quoted value */
	MSG_DUPLICATE_PERSON,
	MSG_NO_HEAD,             /* %s household */
	MSG_MULTIPLE_HEADS,      /* %s household, %u heads */
	MSG_INCOMPLETE,          /* %s household */
	MSG_INCOMPLETE_UNNUMBERED, /* %s household */
	MSG_INCOMPLETE_MISNUMBERED, /* %s household */
	MSG_COLUMN_PLACE,        /* %zu column: a column without a name */
	MSG_CONFIDENTIAL,        /* a confidential value, not shown */
	MSG_EMPTY_HOUSEHOLD_ID,  /* %s household_id label, %s household above */
	MSG_BLANK_INCOME,        /* %s income parts' labels, listed */
	MSG_BLANK_AS_ZERO,       /* %s income parts' labels, listed */
	MSG_UNLISTED,            /* %s field, %s value quoted */
	MSG_RAGGED,              /* %zu cells, %zu header cells */
	MSG_UNNAMED_COLUMN,      /* %zu column, %s quoted value */
	MSG_HOUSEHOLD_AMBIGUOUS, /* %s number, %s the same number written otherwise */
	MSG_ZEROS_RESTORED,      /* %s number as written, %s as the village writes it */
	MSG_ZEROS_DROPPED,       /* %s number as written, %s as the village writes it */
	/* survey */
	MSG_NEGATIVE,            /* %s field, %s quoted value */
	MSG_DUPLICATE_SURVEY,    /* %s household */
	MSG_ORPHAN_SURVEY,       /* %s field, %s quoted value */
	MSG_MEMBER_BAD,          /* %s name, %s field, %s quoted value, %s accepted */
	MSG_PATTERN_LIMIT,       /* %s field, %s rule */
	MSG_WHOLE_NUMBER,        /* what a count must be */
	/* audit findings */
	MSG_AUDIT_NOT_REACHED,   /* %s file */
	MSG_AUDIT_MISSING,       /* %s what */
	MSG_AUDIT_BAD,           /* %s file, %lu line, %s message */
	MSG_AUDIT_CANNOT_READ,   /* %s message */
	MSG_AUDIT_NOT_REGULAR,   /* %s file */
	MSG_AUDIT_LEAK_HOUSEHOLD,/* %s file, %s file */
	MSG_AUDIT_LEAK_PERSON,   /* %s file, %lld members, %s file, %lld people */
	MSG_AUDIT_DUPLICATE_HOUSEHOLD, /* %s file */
	MSG_AUDIT_DUPLICATE_PERSON,    /* %s masked id, %s village, %s household */
	MSG_AUDIT_MISMATCH,      /* %s file, %s column, %s recorded, %s recomputed */
	MSG_AUDIT_QUORUM,        /* %lld present, %lld needed */
	MSG_AUDIT_PERIOD_SHORT,  /* %s level, %ld days, %lld minimum */
	MSG_AUDIT_DATE_ORDER,    /* %s what, %s date, %s what, %s date */
	MSG_AUDIT_DATE_ORDER_TOWN, /* after it: a village posted later than the town's period */
	MSG_AUDIT_PENDING,       /* %s file, %lu line */
	MSG_AUDIT_OVER_QUOTA,    /* %s file, %lld people, %lld quota */
	MSG_AUDIT_PROV_OUTPUT,   /* %s file */
	MSG_AUDIT_PROV_INPUT,    /* %s output, %s input */
	MSG_AUDIT_PROV_RULES,    /* %s output, %s rules */
	MSG_AUDIT_PROV_MISSING,  /* %s file */
	MSG_AUDIT_RULES_DIFFER,  /* %s recorded, %s official */
	MSG_AUDIT_NOTICE,        /* %s level, %s notice input, %s resolution input */
	MSG_AUDIT_NOTICE_ROW,    /* %s notice, %s list, %s row posted, %s row the list gives */
	MSG_AUDIT_NOTICE_PRINTED, /* %s notice, %s fingerprint printed, %s list, %s its fingerprint */
	MSG_AUDIT_NOTICE_RECEIPT, /* %s notice, %s receipt fingerprint printed, %s the ledger's */
	MSG_AUDIT_NOTICE_NO_RECEIPT, /* %s notice, %s receipt fingerprint printed, %s list */
	MSG_AUDIT_NOTICE_POSTED, /* %s villages.csv column, %s fingerprint recorded, %s notice, %s list, %s its fingerprint */
	MSG_AUDIT_RULES_CHANGED, /* %s rules file, %s level */
	MSG_AUDIT_POSTED_NONE,   /* %s villages.csv column, %s notice */
	MSG_AUDIT_AREA_PERIOD,   /* %s notice, %s %s the village's period, %s %s the notice's */
	MSG_AUDIT_AREA_NO_LIST,  /* %s notice, %zu households shown, %s list */
	MSG_AUDIT_AREA_MISSING,  /* %s notice, %s village code, %s list */
	MSG_AUDIT_AREA_RECEIVED_SINCE, /* %s notice, %s list */
	MSG_AUDIT_AREA_NO_VILLAGE, /* %s notice, %s %s its period */
	MSG_AUDIT_AREA_UNKNOWN,  /* %s notice, %s heading, %zu households shown */
	MSG_AUDIT_AREA_TOTAL,    /* %s notice, %s line shown, %s line the lists give */
	MSG_AUDIT_OUTSIDE_PERIOD, /* %s file, %lu line, %s received, %s level, %s start, %s end */
	/* printed on notices and letters */
	MSG_PAPER_FINGERPRINT,   /* %s fingerprint, %s list file name */
	MSG_PAPER_RECEIPT,       /* %s fingerprint */
	MSG_PAPER_NO_RECEIPT,
	MSG_AUDIT_UNEXPLAINED,   /* %s registry file */
	/* the audit's sample in an area, and permissions */
	MSG_SAMPLE_WHY_HELP,     /* (none) */
	MSG_SAMPLE_VERIFY_HELP,
	MSG_SAMPLE_WHY_NOT_HELPED, /* %s decision */
	MSG_SAMPLE_VERIFY_NOT_HELPED,
	MSG_SAMPLE_WHY_EXITING,  /* %s decision */
	MSG_SAMPLE_VERIFY_EXITING,
	MSG_SAMPLE_NOT_RECEIVED, /* %s level word */
	MSG_SAMPLE_LEDGER_BROKEN, /* %s level word, %s message */
	MSG_SAMPLE_COPY_DIFFERS, /* %s received file */
	MSG_SAMPLE_NO_PREVIOUS,  /* %s message */
	MSG_SAMPLE_PREDICTABLE,  /* %s the level's YAML file */
	MSG_AUDIT_PERMISSIONS,   /* %s file, %s mode (octal) */
	MSG_AUDIT_QUOTA_TOTAL,   /* %lld people, %lld quota, %zu villages */
	MSG_AUDIT_FOLDER_NOT_CODE, /* %s folder name, %s code */
	MSG_AUDIT_VILLAGE_MISSING, /* %s code, %s villages.csv */
	MSG_AUDIT_VILLAGE_NOT_LISTED, /* %s folder name, %s villages.csv */
	MSG_AUDIT_TOWN_QUOTA,    /* %s town code, %s name, %lld people, %lld quota, %s county.yaml */
	MSG_AUDIT_OWNER_FILE,    /* %s file in the village folder, %s the owner's */
	MSG_AUDIT_LEDGER_BROKEN, /* %s FILE:LINE: what is wrong (English) */
	MSG_AUDIT_NOT_RECEIVED,  /* %s file, %s level (in the message's language), %s LEDGER.csv */
	MSG_AUDIT_CHANGED,       /* %s file and household, %s column, %s received, %s now, %s level */
	MSG_AUDIT_CHANGED_ADDED, /* %s file and household, %s level */
	MSG_AUDIT_CHANGED_REMOVED, /* %s file and household, %s level */
	MSG_AUDIT_PREVIOUS_CHANGED, /* %s file and household, %s column, %s received, %s now */
	MSG_AUDIT_PREVIOUS_ADDED,   /* %s file and household */
	MSG_AUDIT_PREVIOUS_REMOVED, /* %s file and household */
	MSG_AUDIT_PREVIOUS_NO_LEDGER, /* %s registry, %s county folder */
	MSG_AUDIT_PREVIOUS_UNRECEIVED, /* %s registry, %s ledger */
	MSG_AUDIT_FILED_UNLISTED,   /* %s file and household */
	MSG_AUDIT_FILED_MISSING,    /* %s file and household */
	MSG_AUDIT_REPOST_MISSING, /* %s level, %s reopen.csv, %lu line, %s date, %s what is missing */
	MSG_REPOST_PERIOD,       /* %s level below, %s its start (or "-"), %s the reopen's date */
	MSG_REPOST_NO_LIST,      /* %s list */
	MSG_REPOST_FINGERPRINT_EMPTY, /* %s column, %s list, %s its fingerprint */
	MSG_REPOST_FINGERPRINT_WRONG, /* %s column, %s typed, %s list, %s its fingerprint */
	MSG_AUDIT_REOPENED,      /* %s level, %s reopen.csv, %lu line, %s reason, %ld receipt, %s files */
	MSG_AUDIT_REOPENED_VILLAGE, /* the same, for the village's own keys (village.yaml) */
	MSG_LEDGER_NOT_ROW,
	MSG_LEDGER_QUOTED,
	MSG_LEDGER_NOT_WRITTEN,
	MSG_LEDGER_HEADER,
	MSG_LEDGER_CELLS,
	MSG_LEDGER_SEQ, /* %s seq, %zu expected */
	MSG_LEDGER_CODE,
	MSG_LEDGER_RECEIPT,
	MSG_LEDGER_FILE,
	MSG_LEDGER_SHA,
	MSG_LEDGER_PREV,
	MSG_LEDGER_CHAIN,
	MSG_LEDGER_EMPTY,
	MSG_LEDGER_BOM,
	MSG_LEDGER_NO_LF,
	MSG_LEDGER_CR,
	MSG_LEDGER_FIRST_UNCHECKED, /* %s why */
	MSG_LEDGER_FIRST_ZEROS, /* %s last year's ledger */
	MSG_LEDGER_FIRST_NONE, /* %s last year's ledger */
	MSG_LEDGER_NEITHER, /* %s file */
	MSG_LEDGER_PIN_BROKEN, /* %s file, %ld row */
	MSG_LEDGER_PIN_SHORT, /* %s file, %ld row */
	MSG_LEDGER_PIN_HASH, /* %s file, %ld row, %.16s its hash, %.16s recorded */
	MSG_LEDGER_MISSING, /* %s file */
	MSG_LEDGER_HASH, /* %s file, %.16s its hash, %.16s recorded */
	MSG_LEDGER_UNRECORDED, /* %s file */
	MSG_LEDGER_NOT_VILLAGE, /* %s name */
	MSG_LEDGER_NO_ROWS, /* %s folder */
	/* the notice of a whole town or county */
	MSG_AREA_NOT_YET,        /* %s list not there yet */
	MSG_AREA_NOT_RECEIVED,   /* %s list not received */
	MSG_AREA_NO_PERIOD,      /* (none): the village has no period at the level */
	MSG_AREA_TOTAL_TOWN,     /* %zu villages, %zu households, %lld people */
	MSG_AREA_TOTAL_COUNTY,   /* the same, for the county */
	MSG_AREA_VILLAGES_NOT_YET, /* %zu villages listed as not yet */
	NMSGS
};

/* The words of message M, which takes no arguments, in language L. */
const char *wording_words(enum lang l, enum msg m);

/* Append message M in language L, with its arguments, to B. */
void wording(struct strbuf *b, enum lang l, enum msg m, ...);
void wording_v(struct strbuf *b, enum lang l, enum msg m, va_list ap);

/* Before the next item of a list in language L ("、" or ", "), when B
 * already holds one. */
void wording_list_sep(struct strbuf *b, enum lang l);

/* The name of a column as a message in language L shows it: the Chinese
 * title of a built-in or declared field in zh, else its name. */
struct field;
const char *field_label(const struct field *f, const char *name, enum lang l);

#endif
