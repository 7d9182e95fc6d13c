/* The decision letter (告知书, SPEC §6 publicize letter): one printable
 * A4 page per household of a list, in one self-contained HTML file, in the
 * village's language. Each page tells one household the decision so far
 * and why in plain words — the titles of the rules its reasons name, its
 * income worked out from the four parts and the members against the
 * poverty line and the margin, the vote, the rank and the quota — what
 * happens next, and until when and to whom it may object at the letter's
 * level (that level's contact, the hotline). A page shows only its own
 * household: its head's name, its masked ID number, its own numbers; never
 * another household's. The issuer signs with the first day of the period. */
#ifndef TPA_LETTER_H
#define TPA_LETTER_H

#include <stddef.h>
#include <stdint.h>

#include "household/list.h"
#include "household/objectionfile.h"
#include "io/ledger.h"
#include "io/rejects.h"
#include "io/outfile.h"
#include "rules/rules.h"
#include "rules/village.h"
#include "values/enums.h"
#include "values/wording.h"

struct letters {
	const struct village *village;
	const struct rules *rules;   /* the titles of the rules, the margin */
	const struct hhlist *list;
	enum level level;            /* whose period and contact */
	enum lang lang;
	long long quota;             /* people; -1 when it cannot be worked out */
	const char *list_name;       /* the list's file name, printed with ... */
	char fingerprint[FINGERPRINT_LEN];   /* ... its fingerprint, on each page */
	/* the objections of the levels below, by level (NULL: none told) */
	const struct objectionfile *below;
	/* at village level, apply's rejects: the households turned away get
	 * a letter too, after the list's (NULL: none) */
	const struct rejects_file *rejected;
};

/* Write the letters of the N rows ORDER names (indices into LT->list), one
 * page each, as one HTML document to OUT, then those of the households of
 * LT->rejected that apply turned away (an error row, not in the list).
 * Returns how many of these. */
size_t letters_write(const struct letters *lt, const uint32_t *order, size_t n,
    struct outfile *out);

#endif
