/* A village in a county's area (SPEC §8): the facts the town and the
 * county own, taken from their files and never from village.yaml. */
#ifndef TPA_VILLAGE_AREA_H
#define TPA_VILLAGE_AREA_H

#include <stddef.h>

#include "rules/area.h"
#include "rules/village.h"

/* Whether village V is in an area: its folder is (village_in_area()), or
 * TOWN_DIR or COUNTY_DIR (--town, --county) is given. */
int village_area_wanted(const struct village *v, const char *town_dir,
    const char *county_dir);

/* Give village V (loaded by village_load()) its area's facts. Outside an
 * area (village_area_wanted() false) nothing is done and 0 returned. In
 * an area: a village.yaml that sets what the town or county owns (quota,
 * population, key_village, contacts, rules, columns, previous,
 * publicity.town, publicity.county) is refused naming the owner's file;
 * the area is loaded into A (area_load(), with TOWN_DIR and COUNTY_DIR);
 * the village must be a row of its town's villages.csv, its year the
 * county's, its village.town and village.county (when given) the names of
 * town.yaml and county.yaml. Then V takes population, key_village and
 * quota from its row; contact_town from town.yaml, contact_county and
 * hotline from county.yaml; publicity[1] from its row (else town.yaml),
 * publicity[2] from county.yaml; rules from county.yaml's rules_by_town
 * for its town, else rules; columns from county.yaml; previous from
 * ../../Y/CODE/registry (Y the county's previous_year, CODE the row's
 * previous_code, else the village's code) when that folder exists.
 * Returns 1 (A loaded, to free with area_free()), 0 (outside an area, A
 * emptied), -2 when the village is not a row of villages.csv, or -1 for
 * any other error; the message ("FILE[:LINE:COL]: message") in ERR and A
 * emptied on either. V keeps what it loaded on an error. */
int village_area_apply(struct village *v, struct area *a, const char *town_dir,
    const char *county_dir, enum csv_encoding enc, char *err, size_t errlen);

/* village_area_apply() of a village in an area, A already loaded by
 * area_load() from TOWN and COUNTY, the folders area_dirs() gives the
 * village (A's village not yet looked up): the keys the town or county
 * own refused, A's village set to V's row, the same checks, and V given
 * the same facts. Returns 1, -2 or -1 as village_area_apply(), A never
 * freed (the caller's, with the rows V's facts point to none of). */
int village_area_apply_loaded(struct village *v, struct area *a,
    const char *town, const char *county, char *err, size_t errlen);

/* The area entries village V used, for PROVENANCE.csv's inputs (FILE seen
 * from FROM_DIR): its row of villages.csv, town.yaml's town entry
 * (contact), county.yaml's county (contact, hotline), year, rules (or
 * rules_by_town.T), publicity, and columns and previous_year when they
 * are used. Returns how many were put in E (at most VILLAGE_AREA_NENTRIES);
 * free each with area_entry_free(). */
#define VILLAGE_AREA_NENTRIES 8
size_t village_area_entries(const struct village *v, const struct area *a,
    const char *from_dir, struct area_entry e[VILLAGE_AREA_NENTRIES]);

/* The SHA-256 of the entry REF ("FILE#KEY", FILE relative to DIR: a
 * villages.csv and a village code, a county.yaml and a key of
 * area_county_lines(), a town.yaml and "town") as it is now. Returns 0,
 * or -1 when the file cannot be loaded or holds no such entry. */
int village_area_entry_digest(const char *dir, const char *ref,
    char sha256[DIGEST_HEX]);

/* The SHA-256 of the entry REF (as village_area_entry_digest(), FILE
 * relative to DIR) from the loaded area A, without reading any file:
 * when REF is an entry of A's villages.csv, town.yaml or county.yaml, as
 * village_area_entries() names them from DIR. Returns 0, or -1 when REF
 * is no entry of A (another town's or county's file, a key it lacks). */
int village_area_loaded_digest(const struct area *a, const char *dir,
    const char *ref, char sha256[DIGEST_HEX]);

#endif
