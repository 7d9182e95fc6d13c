/* The household cards of the registry (SPEC §6 file): one printable A4
 * page per household in one self-contained HTML file — the household's
 * facts, its members, its income and the four parts of it, attribute,
 * main and other causes, status, and a blank help-plan section to fill in
 * by hand. In the village's language. The cards hold full ID numbers:
 * the file is confidential (mode 0600). */
#ifndef TPA_CARDS_H
#define TPA_CARDS_H

#include <stddef.h>
#include <stdint.h>

#include "decide/filing.h"
#include "household/list.h"
#include "io/outfile.h"
#include "rules/village.h"
#include "values/enums.h"
#include "values/wording.h"

struct card_household {
	const char *id;
	long primary;                /* its row in the primary list, or -1 */
	int attribute, cause;        /* indices, -1 */
	const char *others;          /* other causes, "a;b" */
	enum status status;
	int registered_since;
	const struct card_member *members;
	size_t nmembers;
};

struct cards {
	const struct village *village;
	enum lang lang;
	int year;
	const struct hhlist *primary;
	const char *const *names;    /* member columns (NULL: unnamed), then age */
	size_t ncells;
	const char *text;            /* the members' cells */
};

void cards_write(const struct cards *c, const struct card_household *h,
    size_t n, struct outfile *out);

#endif
