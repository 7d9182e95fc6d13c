/* The survey's derivation (SPEC §6 survey): survey.csv read whole,
 * applicants.csv one household at a time, each household joined to its
 * survey row, its per-capita income worked out and its decision taken by
 * decide/eligibility. tpa-survey writes what it gives as the primary
 * list; tpa-audit compares it with the primary list on file. */
#ifndef TPA_SURVEYING_H
#define TPA_SURVEYING_H

#include "decide/eligibility.h"
#include "household/household.h"
#include "household/surveyset.h"
#include "rules/columns.h"
#include "rules/rules.h"

/* One household, decided. */
struct surveyed {
	const struct household *h;         /* its members, head first */
	const struct survey_row *row;      /* its survey row, or NULL */
	const struct surveyset *ss;        /* the survey rows */
	int surveyed;                      /* one valid survey row */
	long long pci;                     /* fen, when surveyed */
	int priced;                        /* the per-capita income stands:
	                                      surveyed, and every member row
	                                      read (an incomplete household's
	                                      is never written) */
	const struct eligibility *e;       /* the decision and its reasons */
	const struct trace *trace;         /* how, when it was the one explained */
};

struct surveying_options {
	const char *applicants, *survey;
	enum csv_encoding encoding;
	const struct column_aliases *aliases;
	const struct rules *rules;
	int year;                          /* ages on 31 December; dates'
	                                      two-digit years read near it */
	enum lang lang;                    /* of problem messages */
	const char *progress;              /* program name for a progress line */
	const char *explain;               /* household to trace, or NULL */
};

struct surveying_handler {
	void *ctx;
	/* Both headers are read and the rules bound. May be NULL. */
	int (*header)(void *ctx, const struct surveyset *ss,
	    const struct schema *applicants);
	/* A household decided. Return 0 to go on. */
	int (*household)(void *ctx, const struct surveyed *s);
	/* A problem of a row or cell (for the rejects). May be NULL. */
	void (*problem)(void *ctx, const struct read_problem *p);
	/* An unlisted value of a code field with other: allow: P is its
	 * warning, VALUE the word. May be NULL. */
	void (*other)(void *ctx, const struct read_problem *p, const char *value);
};

/* Derive. SS receives survey.csv (the caller frees it with
 * surveyset_free, even on failure); its rows never matched to a household
 * have used == 0. APPLICANTS_SHA gets applicants.csv's SHA-256. Returns 0,
 * or -1 with the message in ERR: a file that cannot be read, a column the
 * rules read that the inputs lack (every one named). */
int surveying_run(const struct surveying_options *o,
    const struct surveying_handler *h, struct surveyset *ss,
    char applicants_sha[DIGEST_HEX], struct strbuf *err);

#endif
