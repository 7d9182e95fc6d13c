/* People files — applicants.csv, registry/members.csv — read one
 * household at a time. The rows of a household stand together, as
 * tpa-apply and tpa-file write them; a household whose rows are split by
 * other households' is an error (the file was not written by tpa, or was
 * edited by hand). Memory holds one household, however long the file. */
#ifndef TPA_PEOPLE_H
#define TPA_PEOPLE_H

#include "base/strbuf.h"
#include "household/household.h"
#include "io/csvin.h"
#include "io/digest.h"
#include "rules/columns.h"
#include "rules/rules.h"

/* The columns a people file must have, and those readers look for. */
enum { P_VILLAGE, P_HOUSEHOLD, P_NAME, P_ID, P_RELATION, P_BIRTH, P_GROUP,
	P_SOURCE, P_NKNOWN };
extern const char *const people_known[P_NKNOWN];

struct people_handler {
	void *ctx;
	/* The header is read: S is the file's schema (mark the cells wanted
	 * with schema_want, bind rules). Return 0, or -1 with a message in
	 * ERR to stop. May be NULL. */
	int (*header)(void *ctx, struct schema *s, struct strbuf *err);
	/* A whole household. Return 0 to go on, anything else to stop. */
	int (*household)(void *ctx, const struct household *h);
	/* A row or cell problem (the row is still part of its household,
	 * counted in its bad). A row with no household_id is not a member:
	 * under a household's rows it is that household's problem (merged
	 * cells), and makes it bad, never smaller. A row with every cell
	 * empty is skipped. */
	void (*problem)(void *ctx, const struct read_problem *p);
	/* A value of a code field with other: allow that is not in its
	 * list, kept as typed: P is its warning (UNLISTED_VALUE, naming the
	 * row's household and the column), VALUE the word. May be NULL. */
	void (*other)(void *ctx, const struct read_problem *p, const char *value);
};

struct people_options {
	const char *path;            /* "-" is standard input */
	enum csv_encoding encoding;
	const struct column_aliases *aliases;
	const struct rules *rules;   /* field types; may be NULL */
	int year;                    /* ages on 31 December of this year;
	                                dates' two-digit years read near it */
	enum lang lang;              /* of problem messages */
	const char *progress;        /* program name for a progress line, or NULL */
};

/* Read the file. Returns 0 with its SHA-256 in SHA256, the handler's
 * non-zero value if it stopped, or -1 with a message in ERR (cannot open,
 * not CSV, undecodable, a required column missing, a household split). */
int people_read(const struct people_options *o, const struct people_handler *h,
    char sha256[DIGEST_HEX], struct strbuf *err);

#endif
