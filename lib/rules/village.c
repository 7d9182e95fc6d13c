#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "io/paths.h"
#include "rules/village.h"
#include "rules/yamldoc.h"
#include "values/text.h"

static int
text(struct yamldoc *d, yaml_node_t *map, const char *key, char **out)
{
	yaml_node_t *n = yamldoc_get(d, map, key);
	const char *s;

	if (n == NULL)
		return 0;
	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	*out = xstrdup(s);
	return 0;
}

static int
whole(struct yamldoc *d, yaml_node_t *map, const char *key, long long *out)
{
	yaml_node_t *n = yamldoc_get(d, map, key);

	return n == NULL ? 0 : yamldoc_int(d, n, 0, 1000000000LL, out);
}

static char *
resolve(const char *dir, const char *rel)
{
	size_t n;
	char *p;

	if (rel[0] == '/' || strcmp(dir, ".") == 0)
		return xstrdup(rel);
	n = strlen(dir) + strlen(rel) + 2;
	p = xmalloc(n);
	snprintf(p, n, "%s/%s", dir, rel);
	return p;
}

static int
load_village_map(struct yamldoc *d, yaml_node_t *m, struct village *v)
{
	static const char *const keys[] = { "code", "name", "town", "county",
		"population", "key_village", "contact", NULL };
	yaml_node_t *n;
	const char *code;

	if (yamldoc_keys(d, m, keys) != 0)
		return -1;
	if ((n = yamldoc_get(d, m, "code")) == NULL)
		return yamldoc_error(d, m, _("village.code is missing (the 12-digit division code)"));
	if (yamldoc_string(d, n, &code) != 0)
		return -1;
	if (strlen(code) != 12 || !text_digits(code, 12))
		return yamldoc_error(d, n, _("village.code must be 12 digits, not \"%s\""), code);
	memcpy(v->code, code, 13);
	if (text(d, m, "name", &v->name) || text(d, m, "town", &v->town) ||
	    text(d, m, "county", &v->county) || text(d, m, "contact", &v->contact) ||
	    whole(d, m, "population", &v->population))
		return -1;
	if ((n = yamldoc_get(d, m, "key_village")) != NULL &&
	    yamldoc_bool(d, n, &v->key_village) != 0)
		return -1;
	return 0;
}

/* The file (or, when FOLDER, the folder) named by KEY of ROOT, resolved
 * against DIR into *PATH, left NULL when KEY is not there. A path that
 * does not exist, or names something else (a FIFO, a device), is an
 * error at the value. */
static int
named_path(struct yamldoc *d, yaml_node_t *root, const char *key,
    const char *dir, int folder, char **path)
{
	yaml_node_t *n = yamldoc_get(d, root, key);
	struct stat st;
	const char *s;

	if (n == NULL)
		return 0;
	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (*s == '\0')
		return yamldoc_error(d, n, _("%s: expected a path relative to this file"),
		    key);
	*path = resolve(dir, s);
	if (stat(*path, &st) != 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			return yamldoc_error(d, n, "%s: \"%s\": %s", key, s,
			    strerror(errno));
		if (strcmp(*path, s) == 0)
			return yamldoc_error(d, n, _("%s: \"%s\" does not exist"),
			    key, s);
		return yamldoc_error(d, n, _("%s: \"%s\" does not exist "
		    "(looked for \"%s\")"), key, s, *path);
	}
	if (folder ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode))
		return 0;
	if (folder)
		return yamldoc_error(d, n, _("%s: \"%s\" is not a folder (last "
		    "year's registry folder)"), key, s);
	return yamldoc_error(d, n, _("%s: \"%s\" is not a regular file"), key, s);
}

/* rules and columns name files; previous last year's registry folder. */
static int
load_paths(struct yamldoc *d, yaml_node_t *root, struct village *v)
{
	if (text(d, root, "rules", &v->rules) != 0 ||
	    named_path(d, root, "rules", v->dir, 0, &v->rules_path) != 0 ||
	    named_path(d, root, "columns", v->dir, 0, &v->columns_path) != 0 ||
	    named_path(d, root, "previous", v->dir, 1, &v->previous) != 0)
		return -1;
	return 0;
}

static int
load_contacts(struct yamldoc *d, yaml_node_t *m, struct village *v)
{
	static const char *const keys[] = { "town", "county", "hotline", NULL };

	if (yamldoc_keys(d, m, keys) != 0 ||
	    text(d, m, "town", &v->contact_town) != 0 ||
	    text(d, m, "county", &v->contact_county) != 0 ||
	    text(d, m, "hotline", &v->hotline) != 0)
		return -1;
	return 0;
}

static int
load_language(struct yamldoc *d, yaml_node_t *n, struct village *v)
{
	const char *s;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (strcmp(s, "zh") == 0)
		v->language = VILLAGE_ZH;
	else if (strcmp(s, "en") == 0)
		v->language = VILLAGE_EN;
	else
		return yamldoc_error(d, n, _("language must be zh or en, not \"%s\""), s);
	return 0;
}

static int
load_period(struct yamldoc *d, yaml_node_t *n, struct period *p)
{
	static const char *const keys[] = { "start", "end", NULL };
	yaml_node_t *s, *e;

	if (yamldoc_keys(d, n, keys) != 0)
		return -1;
	if ((s = yamldoc_get(d, n, "start")) == NULL ||
	    (e = yamldoc_get(d, n, "end")) == NULL)
		return yamldoc_error(d, n, _("a period needs start and end dates"));
	if (yamldoc_date(d, s, &p->start) != 0 || yamldoc_date(d, e, &p->end) != 0)
		return -1;
	if (p->end < p->start)
		return yamldoc_error(d, e, _("the period ends before it starts"));
	p->given = 1;
	return 0;
}

static void
mark(struct yamldoc *d, yaml_node_t *map, const char *key, struct village *v,
    enum village_key k)
{
	yaml_node_t *n = map != NULL ? yamldoc_key_node(d, map, key) : NULL;

	if (n != NULL) {
		v->at[k].line = (unsigned long)n->start_mark.line + 1;
		v->at[k].col = (unsigned long)n->start_mark.column + 1;
	}
}

/* Where the keys of enum village_key are. */
static void
mark_keys(struct yamldoc *d, struct village *v)
{
	yaml_node_t *root = yamldoc_root(d);
	yaml_node_t *vm = yamldoc_get(d, root, "village");
	yaml_node_t *pm = yamldoc_get(d, root, "publicity");

	mark(d, root, "quota", v, VILLAGE_KEY_QUOTA);
	mark(d, vm, "population", v, VILLAGE_KEY_POPULATION);
	mark(d, vm, "key_village", v, VILLAGE_KEY_KEY_VILLAGE);
	mark(d, root, "contacts", v, VILLAGE_KEY_CONTACTS);
	mark(d, root, "rules", v, VILLAGE_KEY_RULES);
	mark(d, root, "columns", v, VILLAGE_KEY_COLUMNS);
	mark(d, root, "previous", v, VILLAGE_KEY_PREVIOUS);
	mark(d, pm, "town", v, VILLAGE_KEY_PUBLICITY_TOWN);
	mark(d, pm, "county", v, VILLAGE_KEY_PUBLICITY_COUNTY);
	mark(d, vm, "town", v, VILLAGE_KEY_TOWN);
	mark(d, vm, "county", v, VILLAGE_KEY_COUNTY);
	mark(d, root, "year", v, VILLAGE_KEY_YEAR);
}

static int
load(struct yamldoc *d, struct village *v)
{
	static const char *const top[] = { "village", "contacts", "language",
		"year", "rules", "columns", "previous", "quota", "appraisal",
		"publicity", NULL };
	static const char *const appraisal_keys[] = { "date", "representatives",
		"total", NULL };
	static const char *const levels[] = { "village", "town", "county", NULL };
	yaml_node_t *root = yamldoc_root(d), *n;
	long long year;

	if (root == NULL)
		return yamldoc_error(d, NULL, _("empty file: a village.yaml needs village: and year:"));
	if (yamldoc_keys(d, root, top) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "village")) == NULL)
		return yamldoc_error(d, root, _("the village: section is missing"));
	if (load_village_map(d, n, v) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "year")) == NULL)
		return yamldoc_error(d, root, _("year: is missing"));
	if (yamldoc_int(d, n, 1949, 9999, &year) != 0)
		return -1;
	v->year = (int)year;
	if ((n = yamldoc_get(d, root, "contacts")) != NULL &&
	    load_contacts(d, n, v) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "language")) != NULL &&
	    load_language(d, n, v) != 0)
		return -1;
	if (load_paths(d, root, v) != 0 || whole(d, root, "quota", &v->quota) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "appraisal")) != NULL) {
		yaml_node_t *date;

		if (yamldoc_keys(d, n, appraisal_keys) != 0 ||
		    whole(d, n, "representatives", &v->representatives) != 0 ||
		    whole(d, n, "total", &v->total) != 0)
			return -1;
		if ((date = yamldoc_get(d, n, "date")) != NULL &&
		    yamldoc_date(d, date, &v->appraisal_date) != 0)
			return -1;
	}
	if ((n = yamldoc_get(d, root, "publicity")) != NULL) {
		if (yamldoc_keys(d, n, levels) != 0)
			return -1;
		for (int i = 0; i < 3; i++) {
			yaml_node_t *p = yamldoc_get(d, n, levels[i]);

			if (p != NULL && load_period(d, p, &v->publicity[i]) != 0)
				return -1;
		}
	}
	return 0;
}

int
village_load(struct village *v, const char *path, char *err, size_t errlen)
{
	struct yamldoc d;
	struct stat st;
	char *slash;
	int rc;

	memset(v, 0, sizeof *v);
	v->population = v->quota = v->representatives = v->total = -1;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		size_t n = strlen(path) + sizeof "/village.yaml";

		v->path = xmalloc(n);
		snprintf(v->path, n, "%s/village.yaml", path);
	} else {
		v->path = xstrdup(path);
	}
	slash = strrchr(v->path, '/');
	v->dir = slash ? xstrndup(v->path, (size_t)(slash - v->path)) : xstrdup(".");
	if (v->dir[0] == '\0') {
		free(v->dir);
		v->dir = xstrdup("/");
	}
	rc = yamldoc_load(&d, v->path);
	if (rc == 0)
		rc = load(&d, v);
	if (rc == 0)
		mark_keys(&d, v);
	if (rc != 0) {
		snprintf(err, errlen, "%s", d.err);
		village_free(v);
	} else {
		memcpy(v->sha256, d.sha256, DIGEST_HEX);
	}
	yamldoc_free(&d);
	return rc;
}

void
village_free(struct village *v)
{
	free(v->path);
	free(v->dir);
	free(v->name);
	free(v->town);
	free(v->county);
	free(v->contact);
	free(v->contact_town);
	free(v->contact_county);
	free(v->hotline);
	free(v->columns_path);
	free(v->rules);
	free(v->rules_path);
	free(v->previous);
	memset(v, 0, sizeof *v);
}

/* The name of folder DIR and (in *PARENT) the folder that holds it, as
 * written, or resolved when DIR ends in "." or "..". NULL when DIR
 * cannot be resolved. Caller frees both. */
static char *
folder_name(const char *dir, char **parent)
{
	char *d = xstrdup(dir), *name = NULL, real[PATH_MAX];
	size_t n = strlen(d);
	const char *base;

	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	base = path_base(d);
	*parent = NULL;
	if (strcmp(base, ".") != 0 && strcmp(base, "..") != 0 && *base != '\0') {
		name = xstrdup(base);
		*parent = path_dir(d);
	} else if (realpath(d, real) != NULL) {
		name = xstrdup(path_base(real));
		*parent = path_dir(real);
	}
	free(d);
	return name;
}

char *
village_folder_name(const char *dir)
{
	char *parent, *name = folder_name(dir, &parent);

	free(parent);
	return name;
}

int
village_in_area(const char *dir)
{
	char *parent, *name = folder_name(dir, &parent);
	struct dirent *e;
	DIR *dp;
	int in = 0;

	free(name);
	if (parent == NULL || (dp = opendir(parent)) == NULL) {
		free(parent);
		return 0;
	}
	while (!in && (e = readdir(dp)) != NULL) {
		const char *level = strncmp(e->d_name, "town-", 5) == 0 ? "town.yaml" :
		    strncmp(e->d_name, "county-", 7) == 0 ? "county.yaml" : NULL;
		char *sub, *file;

		if (level == NULL)
			continue;
		sub = path_join(parent, e->d_name);
		file = path_join(sub, level);
		in = path_exists(file);
		free(sub);
		free(file);
	}
	closedir(dp);
	free(parent);
	return in;
}

int
village_folder_check(const char *dir, const char *code, char *err,
    size_t errlen)
{
	char *parent, *name = folder_name(dir, &parent);
	int rc = 0;

	if (name != NULL && strcmp(name, code) != 0 && village_in_area(dir)) {
		snprintf(err, errlen, _("%s: the folder's name %s is not the village's "
		    "code %s: in a county's folders (beside town-* and county-* "
		    "folders) a village folder is named by its code"),
		    dir, name, code);
		rc = -1;
	}
	free(name);
	free(parent);
	return rc;
}
