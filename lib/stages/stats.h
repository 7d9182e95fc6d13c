/* The classified statistics of a registry (SPEC §3 registry/stats.csv and
 * stats.svg): households and people by attribute and by main cause (of the
 * registered households: new, continuing, returned), by status (every
 * household of the registry), and people by labor capacity and by health.
 * The same for one village (tpa-file) and rolled up over several
 * registries (tpa-file stats). */
#ifndef TPA_STATS_H
#define TPA_STATS_H

#include "base/strbuf.h"
#include "io/outfile.h"
#include "values/enums.h"
#include "values/wording.h"

#define STATS_LABOR 4     /* full, partial, none, unknown */
#define STATS_HEALTH 5    /* healthy, chronic, serious, disabled, unknown */

struct stats {
	long long attribute[3][2];        /* [value][households, people] */
	long long cause[12][2];
	long long status[NSTATUSES][2];
	long long labor[STATS_LABOR];     /* people */
	long long health[STATS_HEALTH];
};

/* Whether a status counts as registered this year. */
int stats_registered(enum status s);

/* Count a household (ATTRIBUTE and CAUSE are indices in their code lists,
 * -1 when unknown) of PEOPLE members. */
void stats_household(struct stats *s, enum status st, int attribute,
    int cause, long long people);
/* Count a member of a household of status ST (LABOR, HEALTH: indices, -1
 * unknown). */
void stats_person(struct stats *s, enum status st, int labor, int health);
void stats_add(struct stats *to, const struct stats *from);

/* A village the statistics of an area leave out (SPEC §8): WHY is
 * not_received (it has a registry the county has not received),
 * no_registry (it has none yet) or copy_changed (the county's copy does
 * not match its row of LEDGER.csv). */
struct stats_left_out {
	char code[13];
	const char *why;
};

/* dimension,value,households,people — for people (BOM, formula-safe);
 * after the counts, a row per village left out (LEFT[0..NLEFT)):
 * dimension its why, value its code, households and people empty. */
void stats_write_csv(const struct stats *s, const struct stats_left_out *left,
    size_t nleft, struct outfile *out);
/* A self-contained SVG bar chart: households and people by main cause and
 * by attribute, with labels in LANG. */
void stats_write_svg(const struct stats *s, const char *title, enum lang lang,
    struct outfile *out);

#endif
