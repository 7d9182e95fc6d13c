/* The audit in an area (SPEC §8 "What the audit covers in an area"): when
 * the audit's folder is a town's (town.yaml) or a county's (county.yaml),
 * the villages it covers are those of villages.csv (every town's, for the
 * county), the rules each is re-derived with are those county.yaml names
 * for its town, and each town's people proposed are held against its
 * towns.T.quota. */
#ifndef TPA_AUDITAREA_H
#define TPA_AUDITAREA_H

#include <stddef.h>

#include "base/strbuf.h"
#include "rules/area.h"

struct audit_area {
	int is_county;
	struct area_county county;
	int have_county;             /* a town's county.yaml may be absent */
	struct area_town *towns;
	size_t ntowns;
	char **dirs;                 /* the village folders to audit */
	size_t *town_of;             /* index in towns of each */
	size_t ndirs;
	char **missing;              /* listed codes with no folder */
	size_t nmissing;
	char **unlisted;             /* folders beside that no town lists */
	size_t nunlisted;
};

/* Whether DIR is a town's or a county's folder. */
int audit_area_is(const char *dir);

/* Load the area of the level folder DIR: its county.yaml (for a town, the
 * ../county-C/county.yaml beside it when there is one) and every town's
 * town.yaml and villages.csv; the villages to audit are OPERANDS (each
 * must be a listed village's folder) or, when N is 0, every listed one
 * that has a folder. Returns 0, or -1 with a message in ERR (an operand
 * not listed, a file that cannot be loaded). Free with audit_area_free(). */
int audit_area_load(struct audit_area *aa, const char *dir,
    const char *const *operands, size_t n, struct strbuf *err);
void audit_area_free(struct audit_area *aa);

#endif
