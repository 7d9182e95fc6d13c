/* votes.csv (SPEC §3): household_id, votes_for, votes_against,
 * votes_abstain — the counts of the representatives' meeting, matched to
 * the rows of a household list. A row that is ragged, not whole numbers,
 * counts more votes than representatives present, or a second row for one
 * household makes that household's vote bad (BAD_VOTE); a row for a
 * household that is not in the list or not eligible changes nothing.
 * Each is reported with its FILE:LINE. */
#ifndef TPA_VOTEFILE_H
#define TPA_VOTEFILE_H

#include "base/strbuf.h"
#include "household/list.h"

/* A household's vote, as read. */
enum vote_state { VOTE_NONE, VOTE_OK, VOTE_BAD };
struct vote {
	enum vote_state state;
	long long n[3];               /* for, against, abstain */
};

/* A note about a vote row, for stderr. */
struct vote_note {
	const char *file;
	unsigned long line;
	const char *household;
	struct strbuf *text;
	int not_eligible;            /* a row for a household that is not
	                              * eligible: it changes nothing, the
	                              * ordinary case (the only note of its row) */
};

/* The columns of votes.csv, in order. */
#define VOTE_NCOLUMNS 4
extern const char *const vote_columns[VOTE_NCOLUMNS];

struct votefile_options {
	const char *path;
	enum csv_encoding encoding;
	const struct column_aliases *aliases;
	long long present;           /* representatives at the meeting */
};

/* Read the votes into VOTES (one per row of L, zeroed by the caller).
 * NOTE(CTX, n) is called for every row reported. Returns 0 with the
 * file's SHA-256, or -1 with a message in ERR. */
int votefile_read(const struct votefile_options *o, const struct hhlist *l,
    struct vote *votes, void (*note)(void *ctx, const struct vote_note *n),
    void *ctx, char sha256[DIGEST_HEX], struct strbuf *err);

#endif
