/* The registry built (SPEC §6 file): from the list the county confirmed,
 * the primary list, the applicants (read by the caller through
 * people_read with filing_people()) and last year's registry, each
 * household's attribute, causes, exit and status decided with
 * decide/registry, and households.csv, members.csv and history.csv
 * written. tpa-file and the audit's re-derivation of a registry call the
 * same functions (SPEC §8 "What the audit covers in an area"). Nothing
 * here prints or exits: warnings are lines in warn. */
#ifndef TPA_FILING_H
#define TPA_FILING_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "base/strmap.h"
#include "decide/registry.h"
#include "household/list.h"
#include "household/people.h"
#include "household/previous.h"
#include "io/outfile.h"
#include "rules/rules.h"

/* A member: its cells, NUL-separated in the text (after an empty one). */
struct card_member {
	uint32_t cells;
	int labor, health;           /* indices in their code lists, -1 */
};

/* A household of this year's registry (or a candidate for it). */
struct filed {
	char *id;
	long primary;                /* its row in primary.csv, or -1 */
	long confirmed_row;          /* its row in the announced list, or -1 */
	int confirmed;
	struct registry_entry prev;
	struct registry_status st;
	int exits;                   /* -1: no survey to tell */
	int attribute, cause;
	char *others;
	size_t first_member, nmembers;
	int seen;
};

struct filing {
	const struct rules *rules;
	const char *village_code;
	int year;
	const struct hhlist *primary, *confirmed;   /* the caller's */
	struct filed *reg;
	size_t nreg, reg_cap;
	struct strmap index;         /* household_id -> reg */
	struct strmap history;       /* households that exited before */
	char **history_ids;          /* with their registered_since */
	int *history_since, *history_exited;
	size_t nhistory;
	/* members of the listed households */
	struct card_member *members;
	size_t nmembers, members_cap;
	char *text;                  /* members' cells */
	size_t text_len, text_cap;
	/* applicants.csv */
	const struct schema *aschema;
	size_t ncells;               /* applicant header cells */
	int hcol;                    /* their household_id */
	char **aschema_names;        /* their names (NULL: unnamed), kept */
	unsigned char *awant;
	struct strbuf missing;
	size_t nmissing;
	struct cell *hcells;         /* the primary row, typed */
	size_t hcells_cap;
	struct strbuf others;
	/* after filing_finish: the registry's households by household_id */
	struct filed **order;
	size_t n;
	struct strbuf unexplained;   /* "H1, H2" */
	size_t nunexplained;
	struct strbuf warn;          /* warnings, one a line, no program name */
};

/* Begin with RULES and the village's code and YEAR, the PRIMARY list and
 * the CONFIRMED (announced) list, both kept by the caller until
 * filing_free. */
void filing_init(struct filing *f, const struct rules *rules,
    const char *village_code, int year, const struct hhlist *primary,
    const struct hhlist *confirmed);

/* Last year's registry (read whole by previous_read), or none. */
void filing_previous(struct filing *f, const struct previous_registry *p);

/* The confirmed households of the announced list: call after
 * filing_previous. A number written otherwise than last year's registry
 * writes it is a warning. */
void filing_confirmed(struct filing *f);

/* The handler to read applicants.csv with (people_read). */
struct people_handler filing_people(struct filing *f);

/* Decide every household's status and sort the registry: call after
 * people_read. */
void filing_finish(struct filing *f);

/* The registry's files. */
void filing_write_households(struct filing *f, struct outfile *out);
void filing_write_members(struct filing *f, struct outfile *out);
void filing_write_history(struct filing *f, struct outfile *out);

/* Cell I of member M. */
const char *card_member_cell(const char *text, const struct card_member *m,
    size_t i);

void filing_free(struct filing *f);

#endif
