#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "io/paths.h"
#include "rules/village_area.h"

int
village_area_wanted(const struct village *v, const char *town_dir,
    const char *county_dir)
{
	return town_dir != NULL || county_dir != NULL || village_in_area(v->dir);
}

/* "FILE:LINE:COL: KEY is the OWNER's: set it in WHERE" when V sets K. */
static int
owned(const struct village *v, enum village_key k, const char *key,
    int town, const char *where, char *err, size_t errlen)
{
	if (v->at[k].line == 0)
		return 0;
	snprintf(err, errlen, town ? _("%s:%lu:%lu: %s is the town's: set it "
	    "in %s") : _("%s:%lu:%lu: %s is the county's: set it in %s"),
	    v->path, v->at[k].line, v->at[k].col, key, where);
	return -1;
}

/* The keys village.yaml may not set in an area, each named with the file
 * of the level that owns it. */
static int
refuse_owned(const struct village *v, const char *town, const char *county,
    char *err, size_t errlen)
{
	char *rel_town = path_relative(v->dir, town);
	char *rel_county = path_relative(v->dir, county);
	char *villages = path_join(rel_town, "villages.csv");
	char *town_yaml = path_join(rel_town, "town.yaml");
	char *county_yaml = path_join(rel_county, "county.yaml");
	int rc;

	rc = owned(v, VILLAGE_KEY_QUOTA, "quota", 1, villages, err, errlen) ||
	    owned(v, VILLAGE_KEY_POPULATION, "village.population", 1, villages,
	    err, errlen) ||
	    owned(v, VILLAGE_KEY_KEY_VILLAGE, "village.key_village", 1, villages,
	    err, errlen) ||
	    owned(v, VILLAGE_KEY_PUBLICITY_TOWN, "publicity.town", 1, villages,
	    err, errlen) ||
	    owned(v, VILLAGE_KEY_PREVIOUS, "previous", 1, villages, err, errlen) ||
	    owned(v, VILLAGE_KEY_PUBLICITY_COUNTY, "publicity.county", 0,
	    county_yaml, err, errlen) ||
	    owned(v, VILLAGE_KEY_RULES, "rules", 0, county_yaml, err, errlen) ||
	    owned(v, VILLAGE_KEY_COLUMNS, "columns", 0, county_yaml, err, errlen);
	if (rc == 0 && v->at[VILLAGE_KEY_CONTACTS].line != 0) {
		snprintf(err, errlen, _("%s:%lu:%lu: contacts are the town's and "
		    "the county's: set them in %s and %s"), v->path,
		    v->at[VILLAGE_KEY_CONTACTS].line, v->at[VILLAGE_KEY_CONTACTS].col,
		    town_yaml, county_yaml);
		rc = -1;
	}
	free(rel_town);
	free(rel_county);
	free(villages);
	free(town_yaml);
	free(county_yaml);
	return rc ? -1 : 0;
}

/* village.town and village.county, when given, name the area's town and
 * county; the year is the county's; the village is listed. */
static int
check_area(const struct village *v, const struct area *a, char *err,
    size_t errlen)
{
	char *rel;
	int rc = -1;

	if (v->town != NULL && strcmp(v->town, a->town.name) != 0) {
		rel = path_relative(v->dir, a->town.path);
		snprintf(err, errlen, _("%s:%lu:%lu: village.town \"%s\" is not the "
		    "town's name \"%s\" in %s"), v->path, v->at[VILLAGE_KEY_TOWN].line,
		    v->at[VILLAGE_KEY_TOWN].col, v->town, a->town.name, rel);
	} else if (v->county != NULL && strcmp(v->county, a->county.name) != 0) {
		rel = path_relative(v->dir, a->county.path);
		snprintf(err, errlen, _("%s:%lu:%lu: village.county \"%s\" is not the "
		    "county's name \"%s\" in %s"), v->path,
		    v->at[VILLAGE_KEY_COUNTY].line, v->at[VILLAGE_KEY_COUNTY].col,
		    v->county, a->county.name, rel);
	} else if (v->year != a->county.year) {
		rel = path_relative(v->dir, a->county.path);
		snprintf(err, errlen, _("%s:%lu:%lu: year %d is not the county's year "
		    "%d in %s"), v->path, v->at[VILLAGE_KEY_YEAR].line,
		    v->at[VILLAGE_KEY_YEAR].col, v->year, a->county.year, rel);
	} else if (a->village == NULL) {
		rel = path_relative(v->dir, a->town.villages_path);
		snprintf(err, errlen, _("%s: village %s is not listed in %s: the town "
		    "lists its villages there"), v->path, v->code, rel);
		rc = -2;
	} else {
		return 0;
	}
	free(rel);
	return rc;
}

static char *
xstrdup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Last year's registry: ../../Y/CODE/registry from the village's folder,
 * when that folder exists. */
static char *
previous_registry(const struct village *v, const struct area *a)
{
	const char *code = a->village->previous_code[0] != '\0' ?
	    a->village->previous_code : v->code;
	char rel[64], *path;

	snprintf(rel, sizeof rel, "../../%d/%s/registry", a->county.previous_year,
	    code);
	path = path_join(v->dir, rel);
	if (path_is_dir(path))
		return path;
	free(path);
	return NULL;
}

static void
take(struct village *v, const struct area *a)
{
	const struct area_village *row = a->village;
	const char *rules, *key;
	char keybuf[32];

	v->population = row->population;
	v->key_village = row->key_village;
	v->quota = row->quota;
	/* the names the papers print: the town's and the county's own, when
	 * village.yaml does not repeat them (check_area compared them) */
	if (v->town == NULL)
		v->town = xstrdup(a->town.name);
	if (v->county == NULL)
		v->county = xstrdup(a->county.name);
	free(v->contact_town);
	v->contact_town = xstrdup(a->town.contact);
	free(v->contact_county);
	v->contact_county = xstrdup(a->county.contact);
	free(v->hotline);
	v->hotline = xstrdup_or_null(a->county.hotline);
	v->publicity[1].start = row->town.start;
	v->publicity[1].end = row->town.end;
	v->publicity[1].given = row->town.start != 0 && row->town.end != 0;
	v->publicity[2].start = a->county.publicity.start;
	v->publicity[2].end = a->county.publicity.end;
	v->publicity[2].given = a->county.publicity.start != 0 &&
	    a->county.publicity.end != 0;
	area_county_rules_for(&a->county, v->code, &rules, &key, keybuf);
	free(v->rules_path);
	v->rules_path = xstrdup(rules);
	free(v->rules);
	v->rules = path_relative(v->dir, rules);
	free(v->columns_path);
	v->columns_path = xstrdup_or_null(a->county.columns_path);
	free(v->previous);
	v->previous = previous_registry(v, a);
}

int
village_area_apply(struct village *v, struct area *a, const char *town_dir,
    const char *county_dir, enum csv_encoding enc, char *err, size_t errlen)
{
	char *town, *county;
	int rc;

	memset(a, 0, sizeof *a);
	if (!village_area_wanted(v, town_dir, county_dir))
		return 0;
	area_dirs(v->dir, v->code, town_dir, county_dir, &town, &county);
	rc = refuse_owned(v, town, county, err, errlen);
	/* the folders found, given to area_load() as found */
	if (rc == 0)
		rc = area_load(a, v->dir, v->code, town, county, enc, err, errlen);
	free(town);
	free(county);
	if (rc != 0)
		return -1;
	if ((rc = check_area(v, a, err, errlen)) != 0) {
		area_free(a);
		return rc;
	}
	take(v, a);
	return 1;
}

size_t
village_area_entries(const struct village *v, const struct area *a,
    const char *from_dir, struct area_entry e[VILLAGE_AREA_NENTRIES])
{
	const char *rules, *key;
	char keybuf[32];
	size_t n = 0;

	area_village_entry(&a->town, a->village, from_dir, &e[n++]);
	area_town_entry(&a->town, from_dir, &e[n++]);
	(void)area_county_entry(&a->county, "county", from_dir, &e[n++]);
	(void)area_county_entry(&a->county, "year", from_dir, &e[n++]);
	area_county_rules_for(&a->county, v->code, &rules, &key, keybuf);
	(void)area_county_entry(&a->county, key, from_dir, &e[n++]);
	(void)area_county_entry(&a->county, "publicity", from_dir, &e[n++]);
	if (a->county.columns != NULL)
		(void)area_county_entry(&a->county, "columns", from_dir, &e[n++]);
	if (v->previous != NULL)
		(void)area_county_entry(&a->county, "previous_year", from_dir,
		    &e[n++]);
	return n;
}

int
village_area_apply_loaded(struct village *v, struct area *a,
    const char *town, const char *county, char *err, size_t errlen)
{
	int rc;

	if (refuse_owned(v, town, county, err, errlen) != 0)
		return -1;
	a->village = area_town_village(&a->town, v->code);
	if ((rc = check_area(v, a, err, errlen)) != 0)
		return rc;
	take(v, a);
	return 1;
}

/* ---- Verifying a recorded entry ---- */

/* The county folder beside town folder TOWN_DIR, or NULL. */
static int
county_beside(const char *town_dir, const char *town_code,
    struct area_county *c)
{
	char name[32], *parent = path_join(town_dir, ".."), *dir, err[1024];
	int rc;

	snprintf(name, sizeof name, "county-%.6s", town_code);
	dir = path_join(parent, name);
	rc = path_is_dir(dir) ? area_county_load(c, dir, err, sizeof err) : -1;
	free(dir);
	free(parent);
	return rc;
}

static int
town_entry(const char *file, const char *key, char sha256[DIGEST_HEX])
{
	char *dir = path_dir(file), err[1024];
	const char *base = path_base(file);
	struct area_town t;
	struct area_county c;
	struct strbuf b = { 0 };
	int have_county, rc = -1;

	if (strcmp(base, "villages.csv") != 0 && strcmp(base, "town.yaml") != 0) {
		free(dir);
		return -1;
	}
	{
		const char *name = path_base(dir);

		have_county = strncmp(name, "town-", 5) == 0 &&
		    county_beside(dir, name + 5, &c) == 0;
	}
	if (area_town_load(&t, dir, have_county ? &c : NULL,
	    have_county ? c.columns_path : NULL, ENC_AUTO, err, sizeof err) == 0) {
		const struct area_village *row;

		if (strcmp(base, "town.yaml") == 0 && strcmp(key, "town") == 0) {
			struct area_entry e;

			area_town_entry(&t, NULL, &e);
			memcpy(sha256, e.sha256, DIGEST_HEX);
			area_entry_free(&e);
			rc = 0;
		} else if (strcmp(base, "villages.csv") == 0 &&
		    (row = area_town_village(&t, key)) != NULL) {
			area_village_lines(row, &b);
			digest_bytes(b.s != NULL ? b.s : "", b.len, sha256);
			rc = 0;
		}
		area_town_free(&t);
	}
	if (have_county)
		area_county_free(&c);
	strbuf_free(&b);
	free(dir);
	return rc;
}

int
village_area_loaded_digest(const struct area *a, const char *dir,
    const char *ref, char sha256[DIGEST_HEX])
{
	const char *hash = strrchr(ref, '#'), *key, *base;
	struct area_entry e = { 0 };
	char *file;
	int have = 0, rc = -1;

	if (hash == NULL || hash[1] == '\0')
		return -1;
	key = hash + 1;
	file = xstrndup(ref, (size_t)(hash - ref));
	base = path_base(file);
	if (strcmp(base, "villages.csv") == 0) {
		const struct area_village *row = area_town_village(&a->town, key);

		if (row != NULL) {
			area_village_entry(&a->town, row, dir, &e);
			have = 1;
		}
	} else if (strcmp(base, "town.yaml") == 0 && strcmp(key, "town") == 0) {
		area_town_entry(&a->town, dir, &e);
		have = 1;
	} else if (strcmp(base, "county.yaml") == 0) {
		have = area_county_entry(&a->county, key, dir, &e) == 0;
	}
	if (have) {
		/* the entry of another file than the area's is not its */
		if (strcmp(e.ref, ref) == 0) {
			memcpy(sha256, e.sha256, DIGEST_HEX);
			rc = 0;
		}
		area_entry_free(&e);
	}
	free(file);
	return rc;
}

int
village_area_entry_digest(const char *dir, const char *ref,
    char sha256[DIGEST_HEX])
{
	const char *hash = strrchr(ref, '#');
	char *rel, *file, err[1024];
	int rc = -1;

	if (hash == NULL || hash[1] == '\0')
		return -1;
	rel = xstrndup(ref, (size_t)(hash - ref));
	file = path_join(dir, rel);
	if (strcmp(path_base(file), "county.yaml") == 0) {
		struct area_county c;
		struct strbuf b = { 0 };

		if (area_county_load(&c, file, err, sizeof err) == 0) {
			if (area_county_lines(&c, hash + 1, &b) == 0) {
				digest_bytes(b.s != NULL ? b.s : "", b.len, sha256);
				rc = 0;
			}
			area_county_free(&c);
		}
		strbuf_free(&b);
	} else {
		rc = town_entry(file, hash + 1, sha256);
	}
	free(rel);
	free(file);
	return rc;
}
