/* The audit's own checks (SPEC §6 audit), pure: the reproducible
 * spot-check draw and the order of the procedure's dates. */
#ifndef TPA_CHECKS_H
#define TPA_CHECKS_H

#include <stddef.h>

/* The spot-check draw: a 64-bit state seeded with FNV-1a of the text
 * "YEAR:VILLAGE_CODE", stepped by splitmix64; a partial Fisher-Yates
 * shuffle of 0..N-1 picks min(K, N) indices into PICKED, in draw order.
 * The same on every machine, whatever the folder is called. */
size_t checks_draw(int year, const char *village_code, size_t n, size_t k,
    size_t *picked);

/* The dates of the procedure, in order; a day number <= 0 is unknown. */
enum { DATE_APPLY, DATE_SURVEY, DATE_APPRAISAL, DATE_VILLAGE_START,
	DATE_VILLAGE_END, DATE_TOWN_START, DATE_TOWN_END, DATE_COUNTY_START,
	DATE_COUNTY_END, NDATES };
extern const char *const checks_date_names[NDATES];

/* The first pair of known dates out of order: 0 with *LATE and *EARLY the
 * indices (D[*LATE] > D[*EARLY] although *LATE comes first), or -1 when
 * every known date follows the ones before it. Within a level the end
 * may not precede the start; a later step may begin on the day an
 * earlier one ends. */
int checks_date_order(const long *d, int *late, int *early);

#endif
