/* The villages, rules and quotas of an area's audit. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "io/paths.h"
#include "rules/village.h"
#include "stages/auditarea.h"
#include "values/text.h"

static int
has_file(const char *dir, const char *name)
{
	char *p = path_join(dir, name);
	int yes = path_is_file(p);

	free(p);
	return yes;
}

int
audit_area_is(const char *dir)
{
	return has_file(dir, "town.yaml") || has_file(dir, "county.yaml");
}

static int
digits(const char *s, size_t n)
{
	return strlen(s) == n && text_digits(s, n);
}

static const struct area_village *
listed(const struct audit_area *aa, const char *code, size_t *town)
{
	for (size_t t = 0; t < aa->ntowns; t++) {
		const struct area_village *v = area_town_village(&aa->towns[t], code);

		if (v != NULL) {
			*town = t;
			return v;
		}
	}
	return NULL;
}

static int
load_town(struct audit_area *aa, const char *dir, struct strbuf *err)
{
	char msg[2048];
	struct area_town *t;

	aa->towns = xrealloc(aa->towns, (aa->ntowns + 1) * sizeof *aa->towns);
	t = &aa->towns[aa->ntowns];
	if (area_town_load(t, dir, aa->have_county ? &aa->county : NULL,
	    aa->have_county ? aa->county.columns_path : NULL, ENC_AUTO, msg,
	    sizeof msg) != 0) {
		strbuf_printf(err, "%s", msg);
		return -1;
	}
	aa->ntowns++;
	return 0;
}

/* The folder of an operand, without trailing slashes. */
static char *
trimmed(const char *path)
{
	char *p = xstrdup(path);
	size_t n = strlen(p);

	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	return p;
}

int
audit_area_load(struct audit_area *aa, const char *dir,
    const char *const *operands, size_t n, struct strbuf *err)
{
	char msg[2048];
	char *parent = path_join(dir, "..");
	char **names = NULL;
	size_t nnames = 0;
	int rc = -1;

	memset(aa, 0, sizeof *aa);
	aa->is_county = has_file(dir, "county.yaml");
	if (aa->is_county) {
		if (area_county_load(&aa->county, dir, msg, sizeof msg) != 0) {
			strbuf_printf(err, "%s", msg);
			goto out;
		}
		aa->have_county = 1;
	} else {
		char *name = village_folder_name(dir);

		/* The town's county, when its folder is beside: a town folder is
		 * named by its code (area_town_load refuses any other name). */
		if (name != NULL && strncmp(name, "town-", 5) == 0 &&
		    digits(name + 5, 9) && name[14] == '\0') {
			char cdir[32], *cpath;

			snprintf(cdir, sizeof cdir, "county-%.6s", name + 5);
			cpath = path_join(parent, cdir);
			if (has_file(cpath, "county.yaml")) {
				if (area_county_load(&aa->county, cpath, msg, sizeof msg) != 0) {
					strbuf_printf(err, "%s", msg);
					free(cpath);
					free(name);
					goto out;
				}
				aa->have_county = 1;
			}
			free(cpath);
		}
		free(name);
		if (load_town(aa, dir, err) != 0)
			goto out;
	}
	names = path_entries(parent, &nnames);
	if (aa->is_county)
		for (size_t i = 0; i < nnames; i++) {
			char *sub;
			int ok = 0;

			if (strncmp(names[i], "town-", 5) != 0 || !digits(names[i] + 5, 9) ||
			    strncmp(names[i] + 5, aa->county.code, 6) != 0)
				continue;
			sub = path_join(parent, names[i]);
			if (has_file(sub, "town.yaml"))
				ok = load_town(aa, sub, err) == 0 ? 1 : -1;
			free(sub);
			if (ok < 0)
				goto out;
		}
	/* Folders beside that no town lists: named by a code of the level, or
	 * holding a village.yaml. */
	for (size_t i = 0; i < nnames; i++) {
		const char *prefix = aa->is_county ? aa->county.code : aa->towns[0].code;
		int coded = digits(names[i], 12);
		char *sub = path_join(parent, names[i]);
		size_t t;

		if (path_is_dir(sub) && listed(aa, names[i], &t) == NULL &&
		    ((coded && strncmp(names[i], prefix, strlen(prefix)) == 0) ||
		    (!coded && strncmp(names[i], "town-", 5) != 0 &&
		    strncmp(names[i], "county-", 7) != 0 &&
		    has_file(sub, "village.yaml")))) {
			aa->unlisted = xrealloc(aa->unlisted,
			    (aa->nunlisted + 1) * sizeof *aa->unlisted);
			aa->unlisted[aa->nunlisted++] = xstrdup(names[i]);
		}
		free(sub);
	}
	/* Listed villages with no folder. */
	for (size_t t = 0; t < aa->ntowns; t++)
		for (size_t k = 0; k < aa->towns[t].nvillages; k++) {
			char *sub = path_join(parent, aa->towns[t].village[k].code);

			if (!path_is_dir(sub)) {
				aa->missing = xrealloc(aa->missing,
				    (aa->nmissing + 1) * sizeof *aa->missing);
				aa->missing[aa->nmissing++] =
				    xstrdup(aa->towns[t].village[k].code);
			} else if (n == 0) {
				aa->dirs = xrealloc(aa->dirs, (aa->ndirs + 1) * sizeof *aa->dirs);
				aa->town_of = xrealloc(aa->town_of,
				    (aa->ndirs + 1) * sizeof *aa->town_of);
				aa->town_of[aa->ndirs] = t;
				aa->dirs[aa->ndirs++] = sub;
				sub = NULL;
			}
			free(sub);
		}
	/* The operands: each a listed village's folder. */
	for (size_t i = 0; i < n; i++) {
		char *p = trimmed(operands[i]), *real = realpath(p, NULL);
		/* "." or ".." name a folder too: by its resolved name */
		const char *code = path_base(real != NULL ? real : p);
		char *there = path_join(parent, code);
		size_t t = 0;
		int ok = listed(aa, code, &t) != NULL && path_same(p, there);

		free(there);
		free(real);
		free(p);
		if (!ok) {
			strbuf_printf(err, _("%s is not a village of the %s's "
			    "villages.csv (%s): in an area the audit covers the "
			    "listed villages"), operands[i],
			    aa->is_county ? _("county") : _("town"),
			    aa->is_county ? aa->county.path : aa->towns[0].villages_path);
			goto out;
		}
		aa->dirs = xrealloc(aa->dirs, (aa->ndirs + 1) * sizeof *aa->dirs);
		aa->town_of = xrealloc(aa->town_of, (aa->ndirs + 1) * sizeof *aa->town_of);
		aa->town_of[aa->ndirs] = t;
		aa->dirs[aa->ndirs++] = xstrdup(operands[i]);
	}
	rc = 0;
out:
	path_entries_free(names, nnames);
	free(parent);
	if (rc != 0)
		audit_area_free(aa);
	return rc;
}

void
audit_area_free(struct audit_area *aa)
{
	if (aa->have_county)
		area_county_free(&aa->county);
	for (size_t t = 0; t < aa->ntowns; t++)
		area_town_free(&aa->towns[t]);
	free(aa->towns);
	for (size_t i = 0; i < aa->ndirs; i++)
		free(aa->dirs[i]);
	free(aa->dirs);
	free(aa->town_of);
	for (size_t i = 0; i < aa->nmissing; i++)
		free(aa->missing[i]);
	free(aa->missing);
	for (size_t i = 0; i < aa->nunlisted; i++)
		free(aa->unlisted[i]);
	free(aa->unlisted);
	memset(aa, 0, sizeof *aa);
}
