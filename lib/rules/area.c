#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "io/paths.h"
#include "rules/area.h"
#include "rules/columns.h"
#include "rules/rules.h"
#include "rules/village.h"
#include "rules/yamldoc.h"
#include "values/date.h"
#include "values/enums.h"
#include "values/field.h"

#define MAX_ERRORS 20   /* bad cells of villages.csv reported in one run */

static int
digits(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789") == n;
}

int
area_period_closed(const struct area_period *p)
{
	return p->closed != 0 && p->end != 0 && p->closed > p->end;
}

/* ---- A level's owner in an area ---- */

const struct area_period *
area_level_period(const struct area *a, enum level l)
{
	return l == LEVEL_TOWN ? &a->village->town : &a->county.publicity;
}

char *
area_objections_path(const struct area *a, enum level l)
{
	char name[64];

	snprintf(name, sizeof name, "objections-%s.csv", level_code(l));
	return path_join(l == LEVEL_TOWN ? a->town.dir : a->county.dir, name);
}

char *
objections_path(const struct area *a, enum level l, const char *dir)
{
	char name[64];

	if (a != NULL && l != LEVEL_VILLAGE)
		return area_objections_path(a, l);
	snprintf(name, sizeof name, "objections-%s.csv", level_code(l));
	return path_join(dir, name);
}

int
area_level_closed(const struct area *a, enum level l, const char *code,
    struct strbuf *why)
{
	const struct area_period *p = area_level_period(a, l);

	if (area_period_closed(p))
		return 1;
	if (p->closed != 0)
		return -1;
	if (l == LEVEL_TOWN)
		/* TRANSLATORS: the village's code, then villages.csv. */
		strbuf_printf(why, _("the town has not closed the posting of %s: its "
		    "objections are not final; set town_closed in %s"),
		    code, a->town.villages_path);
	else
		/* TRANSLATORS: the village's code, then county.yaml. */
		strbuf_printf(why, _("the county has not closed the announcement of %s: "
		    "its objections are not final; set publicity.closed in %s"),
		    code, a->county.path);
	return 0;
}

/* ---- YAML values ---- */

/* A single-line text at KEY of MAP into *OUT (left NULL when KEY is not
 * there). REQUIRED: missing or empty is an error naming WHAT. */
static int
text(struct yamldoc *d, yaml_node_t *map, const char *key, const char *what,
    int required, char **out)
{
	yaml_node_t *n = yamldoc_get(d, map, key);
	const char *s;

	if (n == NULL) {
		if (required)
			return yamldoc_error(d, map, _("%s is missing"), what);
		return 0;
	}
	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (strchr(s, '\n') != NULL)
		return yamldoc_error(d, n, _("%s: a line end in the value"), what);
	if (required && *s == '\0')
		return yamldoc_error(d, n, _("%s is empty: fill it in"), what);
	*out = xstrdup(s);
	return 0;
}

/* A code of N digits at KEY of MAP (required). */
static int
code(struct yamldoc *d, yaml_node_t *map, const char *what, size_t n,
    char *out)
{
	yaml_node_t *v = yamldoc_get(d, map, "code");
	const char *s;

	if (v == NULL)
		return yamldoc_error(d, map, _("%s is missing (the %zu-digit "
		    "division code)"), what, n);
	if (yamldoc_string(d, v, &s) != 0)
		return -1;
	if (!digits(s, n))
		return yamldoc_error(d, v, _("%s must be %zu digits, not \"%s\""),
		    what, n, s);
	memcpy(out, s, n + 1);
	return 0;
}

/* The folder holding the file must be named PREFIX-CODE. */
static int
folder_is_code(struct yamldoc *d, yaml_node_t *map, const char *dir,
    const char *prefix, const char *c)
{
	yaml_node_t *n = yamldoc_get(d, map, "code");
	char *name = village_folder_name(dir), want[32];
	int rc = 0;

	snprintf(want, sizeof want, "%s-%s", prefix, c);
	if (name == NULL || strcmp(name, want) != 0)
		rc = yamldoc_error(d, n, _("the code %s is not the folder's: the "
		    "folder is named %s, and must be named %s"), c,
		    name ? name : dir, want);
	free(name);
	return rc;
}

/* A path at N, relative to DIR, naming a regular file: *REL as written,
 * *PATH resolved. */
static int
named_file(struct yamldoc *d, yaml_node_t *n, const char *what, const char *dir,
    char **rel, char **path)
{
	struct stat st;
	const char *s;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (*s == '\0' || strchr(s, '\n') != NULL)
		return yamldoc_error(d, n, _("%s: expected a path relative to this "
		    "file"), what);
	*rel = xstrdup(s);
	*path = path_join(dir, s);
	if (stat(*path, &st) != 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			return yamldoc_error(d, n, "%s: \"%s\": %s", what, s,
			    strerror(errno));
		return yamldoc_error(d, n, _("%s: \"%s\" does not exist "
		    "(looked for \"%s\")"), what, s, *path);
	}
	if (!S_ISREG(st.st_mode))
		return yamldoc_error(d, n, _("%s: \"%s\" is not a regular file"),
		    what, s);
	return 0;
}

static int
date_at(struct yamldoc *d, yaml_node_t *map, const char *key, long *days)
{
	yaml_node_t *n = yamldoc_get(d, map, key);

	return n == NULL ? 0 : yamldoc_date(d, n, days);
}

/* {start, end, closed}: start and end required, closed optional. */
static int
period(struct yamldoc *d, yaml_node_t *n, struct area_period *p)
{
	static const char *const keys[] = { "start", "end", "closed", NULL };
	yaml_node_t *e;

	if (yamldoc_keys(d, n, keys) != 0)
		return -1;
	if (yamldoc_get(d, n, "start") == NULL ||
	    (e = yamldoc_get(d, n, "end")) == NULL)
		return yamldoc_error(d, n, _("a period needs start and end dates"));
	if (date_at(d, n, "start", &p->start) != 0 ||
	    date_at(d, n, "end", &p->end) != 0 ||
	    date_at(d, n, "closed", &p->closed) != 0)
		return -1;
	if (p->end < p->start)
		return yamldoc_error(d, e, _("the period ends before it starts"));
	return 0;
}

/* {sample: {help, not_helped, exiting}, seed}. */
static int
audit(struct yamldoc *d, yaml_node_t *n, struct area_audit *a)
{
	static const char *const keys[] = { "sample", "seed", NULL };
	static const char *const strata[] = { "help", "not_helped", "exiting",
		NULL };
	long long *size[] = { &a->help, &a->not_helped, &a->exiting };
	yaml_node_t *s;

	if (yamldoc_keys(d, n, keys) != 0 ||
	    text(d, n, "seed", "audit.seed", 0, &a->seed) != 0)
		return -1;
	if ((s = yamldoc_get(d, n, "sample")) == NULL)
		return 0;
	if (yamldoc_keys(d, s, strata) != 0)
		return -1;
	for (int i = 0; strata[i] != NULL; i++) {
		yaml_node_t *v = yamldoc_get(d, s, strata[i]);

		if (v == NULL)
			return yamldoc_error(d, s, _("audit.sample.%s is missing (the "
			    "households drawn per village)"), strata[i]);
		if (yamldoc_int(d, v, 0, 1000000, size[i]) != 0)
			return -1;
	}
	return 0;
}

/* The file of PATH (a file, or the folder holding NAME), and its folder. */
static void
file_and_dir(const char *path, const char *name, char **file, char **dir)
{
	struct stat st;
	char *f;
	size_t n;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		f = path_join(path, name);
	else
		f = xstrdup(path);
	n = strlen(f);
	while (n > 1 && f[n - 1] == '/')
		f[--n] = '\0';
	*file = f;
	*dir = path_dir(f);
}

/* A town code key of a map under county.yaml: 9 digits beginning with the
 * county's code. */
static int
town_key(struct yamldoc *d, yaml_node_t *k, const char *county, const char *what)
{
	const char *s = (const char *)k->data.scalar.value;

	if (!digits(s, 9))
		return yamldoc_error(d, k, _("%s: \"%s\" is not a town code (9 "
		    "digits)"), what, s);
	if (strncmp(s, county, 6) != 0)
		return yamldoc_error(d, k, _("%s: town %s is not in county %s"),
		    what, s, county);
	return 0;
}

/* ---- county.yaml ---- */

static int
county_rules_by_town(struct yamldoc *d, yaml_node_t *m, struct area_county *c)
{
	if (m->type != YAML_MAPPING_NODE)
		return yamldoc_error(d, m, _("expected a mapping (key: value)"));
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	    p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&d->doc, p->value);
		struct area_town_rules *r;

		if (town_key(d, k, c->code, "rules_by_town") != 0)
			return -1;
		c->rules_by_town = xrealloc(c->rules_by_town,
		    (c->nrules_by_town + 1) * sizeof *c->rules_by_town);
		r = &c->rules_by_town[c->nrules_by_town++];
		memset(r, 0, sizeof *r);
		memcpy(r->code, k->data.scalar.value, 10);
		r->line = k->start_mark.line + 1;
		if (named_file(d, v, "rules_by_town", c->dir, &r->rules,
		    &r->rules_path) != 0)
			return -1;
	}
	return 0;
}

static int
county_towns(struct yamldoc *d, yaml_node_t *m, struct area_county *c)
{
	static const char *const keys[] = { "quota", NULL };

	if (m->type != YAML_MAPPING_NODE)
		return yamldoc_error(d, m, _("expected a mapping (key: value)"));
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	    p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&d->doc, p->value);
		struct area_town_quota *t;
		yaml_node_t *q;

		if (town_key(d, k, c->code, "towns") != 0 ||
		    yamldoc_keys(d, v, keys) != 0)
			return -1;
		if ((q = yamldoc_get(d, v, "quota")) == NULL)
			return yamldoc_error(d, v, _("towns.%s.quota is missing (the "
			    "people handed down to the town)"),
			    (const char *)k->data.scalar.value);
		c->towns = xrealloc(c->towns, (c->ntowns + 1) * sizeof *c->towns);
		t = &c->towns[c->ntowns++];
		memcpy(t->code, k->data.scalar.value, 10);
		if (yamldoc_int(d, q, 0, 1000000000LL, &t->quota) != 0)
			return -1;
	}
	return 0;
}

static int
county_load(struct yamldoc *d, struct area_county *c)
{
	static const char *const top[] = { "county", "year", "previous_year",
		"rules", "rules_by_town", "columns", "publicity", "towns", "audit",
		"as_of", NULL };
	static const char *const county_keys[] = { "code", "name", "contact",
		"hotline", NULL };
	yaml_node_t *root = yamldoc_root(d), *n, *m;
	long long y;

	if (root == NULL)
		return yamldoc_error(d, NULL, _("empty file: a county.yaml needs "
		    "county:, year: and rules:"));
	if (yamldoc_keys(d, root, top) != 0)
		return -1;
	if ((m = yamldoc_get(d, root, "county")) == NULL)
		return yamldoc_error(d, root, _("the county: section is missing"));
	if (yamldoc_keys(d, m, county_keys) != 0 ||
	    code(d, m, "county.code", 6, c->code) != 0 ||
	    folder_is_code(d, m, c->dir, "county", c->code) != 0 ||
	    text(d, m, "name", "county.name", 1, &c->name) != 0 ||
	    text(d, m, "contact", "county.contact", 1, &c->contact) != 0 ||
	    text(d, m, "hotline", "county.hotline", 0, &c->hotline) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "year")) == NULL)
		return yamldoc_error(d, root, _("year: is missing"));
	if (yamldoc_int(d, n, 1949, 9999, &y) != 0)
		return -1;
	c->year = (int)y;
	c->previous_year = c->year - 1;
	if ((n = yamldoc_get(d, root, "previous_year")) != NULL) {
		if (yamldoc_int(d, n, 1949, 9999, &y) != 0)
			return -1;
		if (y >= c->year)
			return yamldoc_error(d, n, _("previous_year %lld must come "
			    "before year %d"), y, c->year);
		c->previous_year = (int)y;
		c->previous_year_given = 1;
	}
	if ((n = yamldoc_get(d, root, "rules")) == NULL)
		return yamldoc_error(d, root, _("rules: is missing (the rules file "
		    "of the year, relative to this file)"));
	if (named_file(d, n, "rules", c->dir, &c->rules, &c->rules_path) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "rules_by_town")) != NULL &&
	    county_rules_by_town(d, n, c) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "columns")) != NULL &&
	    named_file(d, n, "columns", c->dir, &c->columns, &c->columns_path) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "publicity")) != NULL &&
	    period(d, n, &c->publicity) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "towns")) != NULL &&
	    county_towns(d, n, c) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "audit")) != NULL &&
	    audit(d, n, &c->audit) != 0)
		return -1;
	return date_at(d, root, "as_of", &c->as_of);
}

static void
audit_init(struct area_audit *a)
{
	a->help = a->not_helped = a->exiting = -1;
}

int
area_county_load(struct area_county *c, const char *path, char *err,
    size_t errlen)
{
	struct yamldoc d;
	int rc;

	memset(c, 0, sizeof *c);
	audit_init(&c->audit);
	file_and_dir(path, "county.yaml", &c->path, &c->dir);
	rc = yamldoc_load(&d, c->path);
	if (rc == 0)
		rc = county_load(&d, c);
	if (rc != 0) {
		snprintf(err, errlen, "%s", d.err);
		area_county_free(c);
	} else {
		memcpy(c->sha256, d.sha256, DIGEST_HEX);
	}
	yamldoc_free(&d);
	return rc;
}

void
area_county_free(struct area_county *c)
{
	free(c->path);
	free(c->dir);
	free(c->name);
	free(c->contact);
	free(c->hotline);
	free(c->rules);
	free(c->rules_path);
	for (size_t i = 0; i < c->nrules_by_town; i++) {
		free(c->rules_by_town[i].rules);
		free(c->rules_by_town[i].rules_path);
	}
	free(c->rules_by_town);
	free(c->columns);
	free(c->columns_path);
	free(c->towns);
	free(c->audit.seed);
	memset(c, 0, sizeof *c);
}

/* ---- town.yaml ---- */

static int
town_load(struct yamldoc *d, struct area_town *t, const struct area_county *c)
{
	static const char *const top[] = { "town", "publicity", "audit", NULL };
	static const char *const town_keys[] = { "code", "name", "contact", NULL };
	yaml_node_t *root = yamldoc_root(d), *n, *m;

	if (root == NULL)
		return yamldoc_error(d, NULL, _("empty file: a town.yaml needs town:"));
	if (yamldoc_keys(d, root, top) != 0)
		return -1;
	if ((m = yamldoc_get(d, root, "town")) == NULL)
		return yamldoc_error(d, root, _("the town: section is missing"));
	if (yamldoc_keys(d, m, town_keys) != 0 ||
	    code(d, m, "town.code", 9, t->code) != 0 ||
	    folder_is_code(d, m, t->dir, "town", t->code) != 0)
		return -1;
	if (c != NULL && strncmp(t->code, c->code, 6) != 0)
		return yamldoc_error(d, yamldoc_get(d, m, "code"), _("town %s is not "
		    "in county %s (%s)"), t->code, c->code, c->path);
	if (text(d, m, "name", "town.name", 1, &t->name) != 0 ||
	    text(d, m, "contact", "town.contact", 1, &t->contact) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "publicity")) != NULL &&
	    period(d, n, &t->publicity) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "audit")) != NULL &&
	    audit(d, n, &t->audit) != 0)
		return -1;
	return 0;
}

/* ---- villages.csv ---- */

enum { C_CODE, C_NAME, C_POPULATION, C_HOUSEHOLDS, C_KEY, C_QUOTA,
	C_START, C_END, C_CLOSED, C_PREVIOUS, C_POSTED_VILLAGE, C_POSTED_TOWN,
	C_N };
static const char *const known[C_N] = { "village_code", "name", "population",
	"households", "key_village", "quota", "town_start", "town_end",
	"town_closed", "previous_code", "posted_village", "posted_town" };
static const unsigned char required[C_N] = { 1, 1, 1, 0, 1 };

struct reading {
	struct area_town *t;
	struct column_aliases *aliases;
	struct columns cols;
	int header_seen;
	char *file;
	const char *header[C_N];   /* as written in the file, for messages */
	char *header_text[C_N];
	struct strbuf err;
	int nerr;
	/* which town_* cells were given, per row */
	unsigned char *given;
};

/* Record "FILE:LINE: COLUMN: message" for column K. */
static void
cell_error(struct reading *rd, unsigned long line, int k, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
cell_error(struct reading *rd, unsigned long line, int k, const char *fmt, ...)
{
	va_list ap;

	if (rd->nerr++ >= MAX_ERRORS)
		return;
	if (k >= 0 && rd->header_text[k] != NULL &&
	    strcmp(rd->header_text[k], known[k]) != 0)
		strbuf_printf(&rd->err, "%s:%lu: %s (%s): ", rd->file, line,
		    known[k], rd->header_text[k]);
	else if (k >= 0)
		strbuf_printf(&rd->err, "%s:%lu: %s: ", rd->file, line, known[k]);
	else
		strbuf_printf(&rd->err, "%s:%lu: ", rd->file, line);
	va_start(ap, fmt);
	strbuf_vprintf(&rd->err, fmt, ap);
	va_end(ap);
	strbuf_putc(&rd->err, '\n');
}

static const struct field whole_field = { .name = "number", .type = FT_NUMBER };
static const struct field yes_no_field = { .name = "yes_no", .type = FT_YES_NO };
static const struct field date_field = { .name = "date", .type = FT_DATE };
static const struct field text_field = { .name = "text", .type = FT_TEXT };

/* A whole number of people or households, or -1 when empty. */
static int
cell_whole(struct reading *rd, unsigned long line, int k, const char *s,
    long long *out)
{
	char buf[FIELD_BUF];
	const char *norm;
	size_t nlen;
	int64_t v;
	enum field_status st;

	*out = -1;
	st = field_parse(&whole_field, s, strlen(s), 0, &v, &norm, &nlen, buf);
	if (st == FIELD_EMPTY)
		return 0;
	if (st != FIELD_OK || v < 0 || v % 1000000 != 0 ||
	    v / 1000000 > 1000000000LL) {
		cell_error(rd, line, k, _("\"%s\" is not a whole number"), s);
		return -1;
	}
	*out = v / 1000000;
	return 0;
}

static int
cell_date(struct reading *rd, unsigned long line, int k, const char *s,
    long *out)
{
	char buf[FIELD_BUF];
	const char *norm;
	size_t nlen;
	int64_t v;
	enum field_status st;

	*out = 0;
	st = field_parse(&date_field, s, strlen(s), 0, &v, &norm, &nlen, buf);
	if (st == FIELD_EMPTY)
		return 0;
	if (st != FIELD_OK) {
		cell_error(rd, line, k, _("\"%s\" is not a date (2015-06-14, "
		    "2015/6/14, 2015年6月14日)"), s);
		return -1;
	}
	*out = (long)v;
	return 0;
}

/* A village code: 12 digits. */
static int
cell_code(const char *s)
{
	return digits(s, 12);
}

/* A fingerprint read off a posted paper: 32 hex digits once spaces and
 * hyphens are removed, held in lower case. */
static int
cell_fingerprint(struct reading *rd, unsigned long line, int k, const char *s,
    char out[33])
{
	size_t n = 0;

	out[0] = '\0';
	for (const char *p = s; *p; p++) {
		char ch = *p;

		if (ch == ' ' || ch == '-' || ch == '\t')
			continue;
		if (ch >= 'A' && ch <= 'F')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')) ||
		    n == 32) {
			n = 33;
			break;
		}
		out[n++] = ch;
	}
	if (n != 0 && n != 32) {
		out[0] = '\0';
		cell_error(rd, line, k, _("\"%s\" is not a fingerprint (32 hex "
		    "digits, as the notice prints them in groups of four)"), s);
		return -1;
	}
	out[n] = '\0';
	return 0;
}

static int
on_header(struct reading *rd, const struct csvin_row *row)
{
	char msg[1024];

	rd->header_seen = 1;
	if (columns_header(&rd->cols, rd->aliases, rd->file, row, known,
	    required, C_N, msg, sizeof msg) != 0) {
		strbuf_printf(&rd->err, "%s\n", msg);
		rd->nerr++;
		return -1;
	}
	for (int k = 0; k < C_N; k++)
		if (rd->cols.pos[k] >= 0)
			rd->header_text[k] = xstrdup(row->cell[rd->cols.pos[k]]);
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	struct area_town *t = rd->t;
	struct area_village v;
	const char *c[C_N];
	size_t i;
	int bad = 0;

	if (row->index == 0)
		return on_header(rd, row);
	if (csvin_row_empty(row))
		return 0;
	if (row->n > rd->cols.ncells) {
		cell_error(rd, row->line, -1, _("the row has %zu cells, the header "
		    "%zu"), row->n, rd->cols.ncells);
		return 0;
	}
	for (int k = 0; k < C_N; k++)
		c[k] = columns_cell(&rd->cols, row, k, NULL);
	memset(&v, 0, sizeof v);
	v.line = row->line;
	if (!cell_code(c[C_CODE])) {
		if (*c[C_CODE] == '\0')
			cell_error(rd, row->line, C_CODE, _("empty: every row names "
			    "its village"));
		else
			cell_error(rd, row->line, C_CODE, _("\"%s\" is not a village "
			    "code (12 digits; a spreadsheet may have turned it into a "
			    "number: format the column as text)"), c[C_CODE]);
		return 0;
	}
	if (strncmp(c[C_CODE], t->code, 9) != 0) {
		cell_error(rd, row->line, C_CODE, _("village %s is not in town %s"),
		    c[C_CODE], t->code);
		return 0;
	}
	memcpy(v.code, c[C_CODE], 13);
	{
		char buf[FIELD_BUF];
		const char *norm;
		size_t nlen;
		int64_t x;
		enum field_status st = field_parse(&text_field, c[C_NAME],
		    strlen(c[C_NAME]), 0, &x, &norm, &nlen, buf);

		if (st == FIELD_EMPTY) {
			cell_error(rd, row->line, C_NAME, _("empty: the village's name "
			    "is needed"));
			bad = 1;
		} else if (st != FIELD_OK) {
			cell_error(rd, row->line, C_NAME, _("a control character in "
			    "the name"));
			bad = 1;
		}
	}
	bad |= cell_whole(rd, row->line, C_POPULATION, c[C_POPULATION],
	    &v.population) != 0;
	bad |= cell_whole(rd, row->line, C_HOUSEHOLDS, c[C_HOUSEHOLDS],
	    &v.households) != 0;
	bad |= cell_whole(rd, row->line, C_QUOTA, c[C_QUOTA], &v.quota) != 0;
	{
		char buf[FIELD_BUF];
		const char *norm;
		size_t nlen;
		int64_t x;
		enum field_status st = field_parse(&yes_no_field, c[C_KEY],
		    strlen(c[C_KEY]), 0, &x, &norm, &nlen, buf);

		if (st == FIELD_OK) {
			v.key_village = x != 0;
		} else if (st == FIELD_EMPTY) {
			cell_error(rd, row->line, C_KEY, _("empty: write 是 (a key "
			    "poor village) or 否"));
			bad = 1;
		} else {
			cell_error(rd, row->line, C_KEY, _("\"%s\" is not 是 or 否 "
			    "(yes or no)"), c[C_KEY]);
			bad = 1;
		}
	}
	bad |= cell_date(rd, row->line, C_START, c[C_START], &v.town.start) != 0;
	bad |= cell_date(rd, row->line, C_END, c[C_END], &v.town.end) != 0;
	bad |= cell_date(rd, row->line, C_CLOSED, c[C_CLOSED], &v.town.closed) != 0;
	if (*c[C_PREVIOUS] != '\0') {
		if (cell_code(c[C_PREVIOUS])) {
			memcpy(v.previous_code, c[C_PREVIOUS], 13);
		} else {
			size_t run = 0, runs = 0;

			for (const char *p = c[C_PREVIOUS]; ; p++) {
				if (*p >= '0' && *p <= '9') {
					run++;
					continue;
				}
				runs += run == 12;
				run = 0;
				if (*p == '\0')
					break;
			}
			if (runs > 1)
				cell_error(rd, row->line, C_PREVIOUS, _("PREVIOUS_AMBIGUOUS: "
				    "\"%s\" names several villages: a merger of villages "
				    "is not supported; give one village's code"),
				    c[C_PREVIOUS]);
			else
				cell_error(rd, row->line, C_PREVIOUS, _("\"%s\" is not a "
				    "village code (12 digits)"), c[C_PREVIOUS]);
			bad = 1;
		}
	}
	bad |= cell_fingerprint(rd, row->line, C_POSTED_VILLAGE,
	    c[C_POSTED_VILLAGE], v.posted_village) != 0;
	bad |= cell_fingerprint(rd, row->line, C_POSTED_TOWN, c[C_POSTED_TOWN],
	    v.posted_town) != 0;
	for (i = 0; i < t->nvillages; i++)
		if (strcmp(t->village[i].code, v.code) == 0) {
			cell_error(rd, row->line, C_CODE, _("village %s is listed "
			    "twice (first at line %lu)"), v.code, t->village[i].line);
			return 0;
		}
	if (bad)
		return 0;
	v.name = xstrdup(c[C_NAME]);
	t->village = xrealloc(t->village, (t->nvillages + 1) * sizeof *t->village);
	rd->given = xrealloc(rd->given, t->nvillages + 1);
	rd->given[t->nvillages] = (unsigned char)((v.town.start != 0) |
	    (v.town.end != 0) << 1);
	t->village[t->nvillages++] = v;
	return 0;
}

/* Each village's town period: its cells, else town.yaml's; then the
 * checks across rows. */
static void
villages_finish(struct reading *rd)
{
	struct area_town *t = rd->t;
	char a[DATE_BUF], b[DATE_BUF];

	for (size_t i = 0; i < t->nvillages; i++) {
		struct area_village *v = &t->village[i];

		if (v->town.start == 0)
			v->town.start = t->publicity.start;
		if (v->town.end == 0)
			v->town.end = t->publicity.end;
		if (v->town.closed == 0)
			v->town.closed = t->publicity.closed;
		if ((v->town.start == 0) != (v->town.end == 0))
			cell_error(rd, v->line, v->town.start == 0 ? C_START : C_END,
			    _("empty, and %s gives no town posting period: give "
			    "both town_start and town_end"), t->path);
		else if (v->town.end < v->town.start)
			cell_error(rd, v->line, (rd->given[i] & 2) ? C_END : C_START,
			    _("the town posting ends (%s) before it starts (%s)"),
			    date_format(a, v->town.end), date_format(b, v->town.start));
		else if (v->town.closed != 0 && v->town.start == 0)
			cell_error(rd, v->line, C_CLOSED, _("closed, but there is no "
			    "town posting period (town_start, town_end, or "
			    "town.yaml's publicity)"));
	}
	/* Last year's registry of one village is taken by one village only:
	 * two rows taking the same one is a split. */
	for (size_t i = 0; i < t->nvillages; i++) {
		const struct area_village *v = &t->village[i];
		const char *pi = *v->previous_code ? v->previous_code : v->code;

		for (size_t j = 0; j < i; j++) {
			const struct area_village *w = &t->village[j];
			const char *pj = *w->previous_code ? w->previous_code : w->code;

			if (strcmp(pi, pj) == 0) {
				cell_error(rd, v->line, C_PREVIOUS, _("PREVIOUS_AMBIGUOUS: "
				    "villages %s (line %lu) and %s both take last year's "
				    "registry of %s: a split of a village is not "
				    "supported"), w->code, w->line, v->code, pi);
				break;
			}
		}
	}
}

static int
villages_read(struct area_town *t, const char *columns_path,
    enum csv_encoding enc, char *err, size_t errlen)
{
	struct reading rd;
	struct csvin_file f = { t->villages_path, enc, NULL, on_row, &rd,
	    &rd.header_seen, NULL };
	char msg[1024];
	int rc = 0;

	memset(&rd, 0, sizeof rd);
	rd.t = t;
	rd.aliases = aliases_new_villages();
	if (columns_path != NULL &&
	    aliases_load(rd.aliases, columns_path, msg, sizeof msg) != 0) {
		snprintf(err, errlen, "%s", msg);
		aliases_free(rd.aliases);
		return -1;
	}
	if (!path_exists(t->villages_path)) {
		snprintf(err, errlen, _("%s: %s does not exist: a town folder holds "
		    "the list of its villages (tpa-area(5))"), t->path,
		    t->villages_path);
		rc = -1;
	} else if (!path_is_file(t->villages_path)) {
		snprintf(err, errlen, _("cannot read %s: not a regular file"),
		    t->villages_path);
		rc = -1;
	} else if (csvin_read_file(&f, &rd.file, t->villages_sha256, &rd.err) != 0) {
		rc = -1;
	} else {
		villages_finish(&rd);
		rc = rd.nerr != 0 ? -1 : 0;
	}
	if (rc != 0 && rd.err.len > 0) {
		if (rd.nerr > MAX_ERRORS)
			strbuf_printf(&rd.err, _("%s: %d more errors\n"), rd.file,
			    rd.nerr - MAX_ERRORS);
		while (rd.err.len > 0 && rd.err.s[rd.err.len - 1] == '\n')
			rd.err.s[--rd.err.len] = '\0';
		snprintf(err, errlen, "%s", rd.err.s);
	}
	for (int k = 0; k < C_N; k++)
		free(rd.header_text[k]);
	free(rd.given);
	free(rd.file);
	columns_free(&rd.cols);
	strbuf_free(&rd.err);
	aliases_free(rd.aliases);
	return rc;
}

int
area_town_load(struct area_town *t, const char *path,
    const struct area_county *county, const char *columns_path,
    enum csv_encoding enc, char *err, size_t errlen)
{
	struct yamldoc d;
	int rc;

	memset(t, 0, sizeof *t);
	audit_init(&t->audit);
	file_and_dir(path, "town.yaml", &t->path, &t->dir);
	rc = yamldoc_load(&d, t->path);
	if (rc == 0)
		rc = town_load(&d, t, county);
	if (rc != 0)
		snprintf(err, errlen, "%s", d.err);
	else
		memcpy(t->sha256, d.sha256, DIGEST_HEX);
	yamldoc_free(&d);
	if (rc == 0) {
		t->villages_path = path_join(t->dir, "villages.csv");
		rc = villages_read(t, columns_path, enc, err, errlen);
	}
	if (rc != 0)
		area_town_free(t);
	return rc;
}

void
area_town_free(struct area_town *t)
{
	free(t->path);
	free(t->dir);
	free(t->name);
	free(t->contact);
	free(t->audit.seed);
	free(t->villages_path);
	for (size_t i = 0; i < t->nvillages; i++)
		free(t->village[i].name);
	free(t->village);
	memset(t, 0, sizeof *t);
}

const struct area_village *
area_town_village(const struct area_town *t, const char *c)
{
	for (size_t i = 0; i < t->nvillages; i++)
		if (strcmp(t->village[i].code, c) == 0)
			return &t->village[i];
	return NULL;
}

/* ---- The area of a village ---- */

void
area_dirs(const char *village_dir, const char *c, const char *town_dir,
    const char *county_dir, char **town, char **county)
{
	char name[32], *parent;
	char *d = xstrdup(village_dir);
	size_t n = strlen(d);

	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	/* "Y/V" is in "Y"; "." and ".." are resolved by the file system */
	if (strcmp(path_base(d), ".") == 0 || strcmp(path_base(d), "..") == 0 ||
	    strcmp(d, "/") == 0)
		parent = path_join(d, "..");
	else
		parent = path_dir(d);
	snprintf(name, sizeof name, "town-%.9s", c);
	*town = town_dir != NULL ? xstrdup(town_dir) : path_join(parent, name);
	snprintf(name, sizeof name, "county-%.6s", c);
	*county = county_dir != NULL ? xstrdup(county_dir) : path_join(parent, name);
	free(parent);
	free(d);
}

int
area_load(struct area *a, const char *village_dir, const char *c,
    const char *town_dir, const char *county_dir, enum csv_encoding enc,
    char *err, size_t errlen)
{
	char *town, *county, *file;
	int rc = -1;

	memset(a, 0, sizeof *a);
	area_dirs(village_dir, c, town_dir, county_dir, &town, &county);
	file = path_join(county, "county.yaml");
	if (!path_exists(file)) {
		snprintf(err, errlen, _("%s: village %s is in a county's area, and "
		    "its county's file %s does not exist"), village_dir, c, file);
		goto out;
	}
	free(file);
	file = path_join(town, "town.yaml");
	if (!path_exists(file)) {
		snprintf(err, errlen, _("%s: village %s is in a county's area, and "
		    "its town's file %s does not exist"), village_dir, c, file);
		goto out;
	}
	if (area_county_load(&a->county, county, err, errlen) != 0)
		goto out;
	if (strncmp(a->county.code, c, 6) != 0) {
		snprintf(err, errlen, _("%s: county %s is not the county of village "
		    "%s"), a->county.path, a->county.code, c);
		area_county_free(&a->county);
		goto out;
	}
	if (area_town_load(&a->town, town, &a->county, a->county.columns_path,
	    enc, err, errlen) != 0) {
		area_county_free(&a->county);
		goto out;
	}
	if (strncmp(a->town.code, c, 9) != 0) {
		snprintf(err, errlen, _("%s: town %s is not the town of village %s"),
		    a->town.path, a->town.code, c);
		area_free(a);
		goto out;
	}
	a->village = area_town_village(&a->town, c);
	rc = 0;
out:
	free(file);
	free(town);
	free(county);
	return rc;
}

void
area_free(struct area *a)
{
	area_county_free(&a->county);
	area_town_free(&a->town);
	a->village = NULL;
}

/* ---- Fingerprints ---- */

void
area_entry_free(struct area_entry *e)
{
	free(e->ref);
	e->ref = NULL;
}

static void
put_whole(struct strbuf *b, const char *name, long long v)
{
	if (v >= 0)
		strbuf_printf(b, "%s=%lld\n", name, v);
	else
		strbuf_printf(b, "%s=\n", name);
}

static void
put_date(struct strbuf *b, const char *name, long days)
{
	char buf[DATE_BUF];

	strbuf_printf(b, "%s=%s\n", name, days != 0 ? date_format(buf, days) : "");
}

static void
put_text(struct strbuf *b, const char *name, const char *s)
{
	strbuf_printf(b, "%s=%s\n", name, s != NULL ? s : "");
}

void
area_village_lines(const struct area_village *v, struct strbuf *b)
{
	put_text(b, "village_code", v->code);
	put_text(b, "name", v->name);
	put_whole(b, "population", v->population);
	put_whole(b, "households", v->households);
	put_text(b, "key_village", v->key_village ? "yes" : "no");
	put_whole(b, "quota", v->quota);
	put_date(b, "town_start", v->town.start);
	put_date(b, "town_end", v->town.end);
	put_date(b, "town_closed", v->town.closed);
	put_text(b, "previous_code", v->previous_code);
	put_text(b, "posted_village", v->posted_village);
	put_text(b, "posted_town", v->posted_town);
}

static void
entry(struct area_entry *e, const char *file, const char *from_dir,
    const char *key, const struct strbuf *lines)
{
	char *rel = from_dir != NULL ? path_relative(from_dir, file) : xstrdup(file);
	size_t n = strlen(rel) + strlen(key) + 2;

	e->ref = xmalloc(n);
	snprintf(e->ref, n, "%s#%s", rel, key);
	digest_bytes(lines->s != NULL ? lines->s : "", lines->len, e->sha256);
	free(rel);
}

void
area_village_entry(const struct area_town *t, const struct area_village *v,
    const char *from_dir, struct area_entry *e)
{
	struct strbuf b = { 0 };

	area_village_lines(v, &b);
	entry(e, t->villages_path, from_dir, v->code, &b);
	strbuf_free(&b);
}

void
area_town_entry(const struct area_town *t, const char *from_dir,
    struct area_entry *e)
{
	struct strbuf b = { 0 };

	strbuf_printf(&b, "code=%s\nname=%s\ncontact=%s\n", t->code, t->name,
	    t->contact);
	entry(e, t->path, from_dir, "town", &b);
	strbuf_free(&b);
}

static void
put_period(struct strbuf *b, const struct area_period *p)
{
	put_date(b, "start", p->start);
	put_date(b, "end", p->end);
	put_date(b, "closed", p->closed);
}

int
area_county_lines(const struct area_county *c, const char *key,
    struct strbuf *b)
{
	if (strcmp(key, "county") == 0) {
		put_text(b, "code", c->code);
		put_text(b, "name", c->name);
		put_text(b, "contact", c->contact);
		put_text(b, "hotline", c->hotline);
	} else if (strcmp(key, "year") == 0) {
		put_whole(b, "year", c->year);
	} else if (strcmp(key, "previous_year") == 0) {
		put_whole(b, "previous_year", c->previous_year);
	} else if (strcmp(key, "rules") == 0) {
		put_text(b, "rules", c->rules);
	} else if (strcmp(key, "columns") == 0) {
		put_text(b, "columns", c->columns);
	} else if (strcmp(key, "publicity") == 0) {
		put_period(b, &c->publicity);
	} else if (strcmp(key, "audit") == 0) {
		put_whole(b, "sample.help", c->audit.help);
		put_whole(b, "sample.not_helped", c->audit.not_helped);
		put_whole(b, "sample.exiting", c->audit.exiting);
		put_text(b, "seed", c->audit.seed);
	} else if (strcmp(key, "as_of") == 0) {
		put_date(b, "as_of", c->as_of);
	} else if (strncmp(key, "rules_by_town.", 14) == 0) {
		for (size_t i = 0; i < c->nrules_by_town; i++)
			if (strcmp(c->rules_by_town[i].code, key + 14) == 0) {
				put_text(b, key + 14, c->rules_by_town[i].rules);
				return 0;
			}
		return -1;
	} else if (strncmp(key, "towns.", 6) == 0) {
		for (size_t i = 0; i < c->ntowns; i++)
			if (strcmp(c->towns[i].code, key + 6) == 0) {
				put_whole(b, "quota", c->towns[i].quota);
				return 0;
			}
		return -1;
	} else {
		return -1;
	}
	return 0;
}

int
area_county_entry(const struct area_county *c, const char *key,
    const char *from_dir, struct area_entry *e)
{
	struct strbuf b = { 0 };
	int rc = area_county_lines(c, key, &b);

	if (rc == 0)
		entry(e, c->path, from_dir, key, &b);
	strbuf_free(&b);
	return rc;
}

void
area_county_rules_for(const struct area_county *c, const char *town,
    const char **path, const char **key, char keybuf[32])
{
	for (size_t i = 0; i < c->nrules_by_town; i++)
		if (strncmp(c->rules_by_town[i].code, town, 9) == 0) {
			snprintf(keybuf, 32, "rules_by_town.%s", c->rules_by_town[i].code);
			*path = c->rules_by_town[i].rules_path;
			*key = keybuf;
			return;
		}
	*path = c->rules_path;
	*key = "rules";
}

int
area_rules_load(struct rules *r, const struct area_county *c, const char *town,
    struct strbuf *err)
{
	const struct area_town_rules *own = NULL;
	struct rules county;
	struct strbuf a = { 0 }, b = { 0 };
	int anywhere = r->include_anywhere, same;

	for (size_t i = 0; i < c->nrules_by_town; i++)
		if (strncmp(c->rules_by_town[i].code, town, 9) == 0)
			own = &c->rules_by_town[i];
	if (rules_load(r, own != NULL ? own->rules_path : c->rules_path, err) != 0)
		return -1;
	if (own == NULL)
		return 0;
	memset(&county, 0, sizeof county);
	county.include_anywhere = anywhere;
	if (rules_load(&county, c->rules_path, err) != 0) {
		rules_free(r);
		return -1;
	}
	if (!(same = rules_same_postings(r, &county))) {
		rules_postings(r, &a);
		rules_postings(&county, &b);
		strbuf_printf(err, _("%s:%lu: rules_by_town.%s: %s posts at %s, the "
		    "county's rules %s at %s: all towns of a county follow the "
		    "county's procedure\n"), c->path, own->line, own->code,
		    own->rules_path, strbuf_str(&a), c->rules_path, strbuf_str(&b));
		rules_free(r);
	}
	rules_free(&county);
	strbuf_free(&a);
	strbuf_free(&b);
	return same ? 0 : -1;
}
