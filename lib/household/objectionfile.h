/* objections.csv (SPEC §3): one row per objection raised during a level's
 * publicity — household_id (empty for a household left out), about,
 * received, kind, summary, outcome, decided, decided_by. Read whole; what
 * cannot be read is noted (with FILE:LINE) and made safe: an unknown kind
 * or outcome, or a ragged row, counts as pending. */
#ifndef TPA_OBJECTIONFILE_H
#define TPA_OBJECTIONFILE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "io/csvin.h"
#include "io/digest.h"
#include "rules/columns.h"
#include "values/enums.h"

#define NO_DATE (-2147483647L)

struct objection {
	unsigned long line;
	char *household, *about, *summary, *decided_by;
	char *received_text, *decided_text;   /* as written */
	long received, decided;          /* day numbers, NO_DATE when absent or bad */
	enum objection_kind kind;
	enum objection_outcome outcome;
};

struct objection_note {
	const char *file;
	unsigned long line;
	const char *household;
	const char *text;
};

struct objectionfile {
	char *file;
	char sha256[DIGEST_HEX];
	char village_sha256[DIGEST_HEX];   /* with options' village: of its rows */
	struct objection *o;
	size_t n, cap;
};

/* The columns of an objections file, in order: a village's file has the
 * first OBJECTION_NVILLAGE, a town's or county's shared file village_code
 * after them. */
#define OBJECTION_NVILLAGE 8
extern const char *const objection_columns[OBJECTION_NVILLAGE + 1];

struct objectionfile_options {
	const char *path;
	enum csv_encoding encoding;
	const struct column_aliases *aliases;
	int year;          /* the village's: dates' two-digit years read near it */
	/* A town's or county's shared file (SPEC §8): when VILLAGE is not
	 * NULL, the file has a village_code column and only the rows of
	 * VILLAGE are read; a row whose village_code is empty or not KNOWN
	 * (KNOWN(KNOWN_CTX, code) returns 0) is an error naming FILE:LINE. */
	const char *village;
	int (*known)(void *known_ctx, const char *code);
	void *known_ctx;
};

/* Read the file. NOTE(CTX, n) gets every row that could not be read as
 * written. With O->village, F holds only that village's rows, and
 * F->village_sha256 is the SHA-256 of them as the reader took them: for
 * each row, in the file's order, the lines "name=value" (LF after each)
 * of village_code, household_id, about, received, kind, summary,
 * outcome, decided, decided_by, as written; rows of other villages do
 * not change it. Returns 0, or -1 with a message in ERR. */
int objectionfile_read(struct objectionfile *f,
    const struct objectionfile_options *o,
    void (*note)(void *ctx, const struct objection_note *n), void *ctx,
    struct strbuf *err);
void objectionfile_free(struct objectionfile *f);

#endif
