#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "rules/columns.h"
#include "rules/rules.h"
#include "base/alloc.h"
#include "base/strmap.h"
#include "values/field.h"
#include "values/text.h"
#include "rules/yamldoc.h"

/* Headers that name a column of a town's villages.csv only: elsewhere 村名
 * or 人口 beside 姓名 must not be taken for the person's name or the
 * household's size. The first alias of each is the header tpa-init
 * writes. */
static const struct { const char *canonical, *aliases; } villages_only[] = {
	{ "village_code", "村代码" },
	{ "name", "村名|村名称|行政村名称" },
	{ "population", "户籍人口|人口" },
	{ "households", "户数" },
	{ "key_village", "重点村" },
	{ "quota", "规模|指标" },
};

/* Headers of a level's reopen.csv alone (tpa-area(5)). */
static const struct { const char *canonical, *aliases; } reopen_only[] = {
	{ "date", "重新受理日期|日期" },
	{ "reason", "重新受理原因|理由|事由" },
};

struct alias {
	char *canonical;
	char *alias;
};

struct column_aliases {
	struct alias *list;
	size_t n, cap;
};

static void
add(struct column_aliases *a, const char *canonical, const char *alias,
    size_t alias_len)
{
	xgrow(&a->list, &a->cap, a->n + 1, sizeof *a->list);
	a->list[a->n].canonical = xstrdup(canonical);
	a->list[a->n].alias = xstrndup(alias, alias_len);
	a->n++;
}

static void
add_list(struct column_aliases *a, const char *canonical, const char *s)
{
	while (*s != '\0') {
		size_t k = strcspn(s, "|");

		add(a, canonical, s, k);
		s += k + (s[k] == '|');
	}
}

/* The headers of the column catalogue (values/field), as Excel/WPS
 * registers have them. */
static void
add_catalogue(struct column_aliases *a)
{
	size_t n;
	const struct field *f = field_catalogue(&n);

	for (size_t i = 0; i < n; i++)
		if (f[i].aliases != NULL)
			add_list(a, f[i].name, f[i].aliases);
}

struct column_aliases *
aliases_new(void)
{
	struct column_aliases *a = xcalloc(1, sizeof *a);

	add_catalogue(a);
	return a;
}

struct column_aliases *
aliases_new_villages(void)
{
	struct column_aliases *a = xcalloc(1, sizeof *a);

	for (size_t i = 0; i < sizeof villages_only / sizeof villages_only[0]; i++)
		add_list(a, villages_only[i].canonical, villages_only[i].aliases);
	add_catalogue(a);
	return a;
}

struct column_aliases *
aliases_new_reopen(void)
{
	struct column_aliases *a = xcalloc(1, sizeof *a);

	for (size_t i = 0; i < sizeof reopen_only / sizeof reopen_only[0]; i++)
		add_list(a, reopen_only[i].canonical, reopen_only[i].aliases);
	add_catalogue(a);
	return a;
}

static int
name_ok(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

int
aliases_load(struct column_aliases *a, const char *path, char *err, size_t errlen)
{
	struct yamldoc d;
	yaml_node_t *root;
	int rc = -1;

	if (yamldoc_load(&d, path) != 0)
		goto out;
	root = yamldoc_root(&d);
	if (root == NULL) {
		rc = 0;
		goto out;
	}
	if (root->type != YAML_MAPPING_NODE) {
		yamldoc_error(&d, root, _("expected canonical-name: [aliases]"));
		goto out;
	}
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d.doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&d.doc, p->value);
		const char *canonical = (const char *)k->data.scalar.value, *s;

		if (!name_ok(canonical)) {
			yamldoc_error(&d, k, _("\"%s\" is not a column name (a-z, 0-9, _)"), canonical);
			goto out;
		}
		if (v->type == YAML_SEQUENCE_NODE) {
			for (yaml_node_item_t *it = v->data.sequence.items.start;
			    it < v->data.sequence.items.top; it++) {
				yaml_node_t *item = yaml_document_get_node(&d.doc, *it);

				if (yamldoc_string(&d, item, &s) != 0)
					goto out;
				add(a, canonical, s, strlen(s));
			}
		} else {
			if (yamldoc_string(&d, v, &s) != 0)
				goto out;
			add(a, canonical, s, strlen(s));
		}
	}
	rc = 0;
out:
	if (rc != 0)
		snprintf(err, errlen, "%s", d.err);
	yamldoc_free(&d);
	return rc;
}

void
aliases_free(struct column_aliases *a)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->n; i++) {
		free(a->list[i].canonical);
		free(a->list[i].alias);
	}
	free(a->list);
	free(a);
}

/* The header's name exactly as written (ASCII case aside). */
static const char *
aliases_exact(const struct column_aliases *a, const char *s, size_t n)
{
	const struct field *f;
	size_t nf;

	for (size_t i = 0; i < a->n; i++)
		if (text_ieq(s, n, a->list[i].canonical) ||
		    text_ieq(s, n, a->list[i].alias))
			return a->list[i].canonical;
	f = field_catalogue(&nf);
	for (size_t i = 0; i < nf; i++)
		if (text_ieq(s, n, f[i].name))
			return f[i].name;
	return NULL;
}

const char *
aliases_first(const struct column_aliases *a, const char *canonical)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->list[i].canonical, canonical) == 0)
			return a->list[i].alias;
	return "";
}


static const char *
canonical_exact(const struct column_aliases *a, const struct rules *rules,
    const char *s, size_t n)
{
	const char *name = a != NULL ? aliases_exact(a, s, n) : NULL;

	if (name == NULL && rules != NULL)
		name = rules_field_name(rules, s, n);
	return name;
}

/* A header as a form or a spreadsheet may write it, S[0..N) into OUT (room
 * for N + 1 bytes): full-width letters, digits and brackets as ASCII
 * (ｄｅｃｉｓｉｏｎ, （元）), without invisible characters (U+200B..U+200D,
 * U+2060, U+FEFF), and its spaces (ASCII, U+3000, no-break) and hyphens
 * dropped (结 论) or, SEP '_', written as underscores (per capita income,
 * per-capita-income). Returns its length. */
static size_t
header_fold(const char *s, size_t n, char sep, char *out)
{
	size_t k = text_fold_width(s, n, out), j = 0;

	for (size_t i = 0; i < k; i++) {
		const unsigned char *c = (const unsigned char *)out + i;
		size_t left = k - i;

		if (left >= 3 && c[0] == 0xe2 && c[1] == 0x80 && c[2] >= 0x8b &&
		    c[2] <= 0x8d) {
			i += 2;          /* U+200B..U+200D */
			continue;
		}
		if (left >= 3 && ((c[0] == 0xe2 && c[1] == 0x81 && c[2] == 0xa0) ||
		    (c[0] == 0xef && c[1] == 0xbb && c[2] == 0xbf))) {
			i += 2;          /* U+2060, U+FEFF */
			continue;
		}
		if (left >= 2 && c[0] == 0xc2 && c[1] == 0xa0) {
			i++;             /* U+00A0: a space */
			if (sep != '\0' && j > 0 && out[j - 1] != sep)
				out[j++] = sep;
			continue;
		}
		if (*c == ' ' || *c == '\t' || *c == '-') {
			if (sep != '\0' && j > 0 && out[j - 1] != sep)
				out[j++] = sep;
			continue;
		}
		out[j++] = out[i];
	}
	while (sep != '\0' && j > 0 && out[j - 1] == sep)
		j--;
	out[j] = '\0';
	return j;
}

/* The units a header may name in brackets at its end, and the columns
 * each may stand on: a unit that says what the column's values are
 * already (yuan on a money column, people on a count of people). Any
 * other unit, or one on another column (工资性收入（万元）, （元/人） on a
 * household's income, 规模（户） on a quota of people), is not dropped: the
 * header then names no column. */
static const struct {
	const char *unit;
	enum ftype type;             /* a column of this type, or */
	const char *names[4];        /* one of these (NULL-terminated) */
} units[] = {
	{ "(元)", FT_MONEY, { NULL } },
	{ "(元/年)", FT_MONEY, { NULL } },
	{ "(人)", FT_TEXT, { "members", "population", "quota", NULL } },
	{ "(口)", FT_TEXT, { "members", "population", NULL } },
	{ "(户)", FT_TEXT, { "households", NULL } },
};

/* The column S[0..N) names once a unit of the table above is dropped
 * from its end, when that unit may stand on that column; NULL when none. */
static const char *
without_unit(const struct column_aliases *a, const struct rules *rules,
    const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t u = strlen(units[i].unit);
		const char *name;
		const struct field *f;

		if (n <= u || memcmp(s + n - u, units[i].unit, u) != 0 ||
		    (name = canonical_exact(a, rules, s, n - u)) == NULL)
			continue;
		if (units[i].names[0] != NULL) {
			for (const char *const *k = units[i].names; *k != NULL; k++)
				if (strcmp(*k, name) == 0)
					return name;
			return NULL;
		}
		f = rules != NULL ? rules_field(rules, name) : field_builtin(name);
		return f != NULL && f->type == units[i].type ? name : NULL;
	}
	return NULL;
}

const char *
columns_canonical(const struct column_aliases *a, const struct rules *rules,
    const char *s, size_t n)
{
	const char *name = canonical_exact(a, rules, s, n);
	char buf[256];
	size_t k;

	if (name != NULL || n >= sizeof buf)
		return name;
	/* As a clerk's form may write it: the same name, another way. */
	for (int pass = 0; pass < 2 && name == NULL; pass++) {
		k = header_fold(s, n, pass == 0 ? '\0' : '_', buf);
		if (k > 0 && (k != n || memcmp(buf, s, n) != 0))
			name = canonical_exact(a, rules, buf, k);
		if (name == NULL)
			name = without_unit(a, rules, buf, k);
	}
	return name;
}

const char *
aliases_canonical(const struct column_aliases *a, const char *s, size_t n)
{
	return columns_canonical(a, NULL, s, n);
}

int
columns_map(struct columns *c, const struct column_aliases *a, const char *file,
    const struct csvin_row *h, const char *const *known, size_t nknown,
    char *err, size_t errlen)
{
	return columns_map_rules(c, a, NULL, file, h, known, nknown, err, errlen);
}

int
columns_map_rules(struct columns *c, const struct column_aliases *a,
    const struct rules *rules, const char *file, const struct csvin_row *h,
    const char *const *known, size_t nknown, char *err, size_t errlen)
{
	struct strmap seen;   /* each name once: the header hashed once */
	int rc = 0;

	memset(c, 0, sizeof *c);
	strmap_init(&seen);
	c->ncells = h->n;
	c->nknown = nknown;
	c->name = xcalloc(h->n, sizeof *c->name);
	c->slot = xcalloc(h->n, sizeof *c->slot);
	c->pos = xcalloc(nknown, sizeof *c->pos);
	for (size_t k = 0; k < nknown; k++)
		c->pos[k] = -1;
	for (size_t i = 0; i < h->n && rc == 0; i++) {
		const char *canonical = columns_canonical(a, rules, h->cell[i],
		    h->len[i]);
		uint32_t *first;
		int inserted;

		c->slot[i] = -1;
		if (h->len[i] == 0)
			continue;
		c->name[i] = xstrdup(canonical ? canonical : h->cell[i]);
		first = strmap_put(&seen, c->name[i], strlen(c->name[i]), (uint32_t)i,
		    &inserted);
		if (!inserted) {
			snprintf(err, errlen, _("%s:%lu: columns %zu and %zu both "
			    "name %s"), file, h->line, (size_t)*first + 1, i + 1,
			    c->name[i]);
			rc = -1;
			break;
		}
		for (size_t k = 0; k < nknown; k++)
			if (strcmp(known[k], c->name[i]) == 0) {
				c->slot[i] = (int)k;
				c->pos[k] = (int)i;
				break;
			}
	}
	strmap_free(&seen);
	return rc;
}

const char *
columns_unit_refused_format(void)
{
	/* TRANSLATORS: file, line, the column's place, its header, the
	 * column it would be. */
	return _("%s:%lu: column %zu, \"%s\", would be %s but for its unit, "
	    "which is not what the column holds");
}

size_t
columns_unit_refused(const struct columns *c, const struct column_aliases *a,
    const char *name)
{
	char buf[256];

	for (size_t i = 0; i < c->ncells; i++) {
		const char *s = c->name[i], *open, *n;
		size_t k;

		if (s == NULL || c->slot[i] >= 0 || strlen(s) >= sizeof buf)
			continue;
		k = header_fold(s, strlen(s), '\0', buf);
		if (k < 3 || buf[k - 1] != ')' || (open = strrchr(buf, '(')) == NULL ||
		    open == buf)
			continue;
		n = canonical_exact(a, NULL, buf, (size_t)(open - buf));
		if (n != NULL && strcmp(n, name) == 0)
			return i + 1;
	}
	return 0;
}

int
columns_require(const struct columns *c, const struct column_aliases *a,
    const char *file, unsigned long line, const char *const *known,
    const unsigned char *required, char *err, size_t errlen)
{
	for (size_t k = 0; k < c->nknown; k++)
		if (required[k] && c->pos[k] < 0) {
			const char *zh = aliases_first(a, known[k]);

			/* TRANSLATORS: file, line, the column's name, then " (",
			 * its Chinese header and ")" when it has one. */
			size_t at = columns_unit_refused(c, a, known[k]), len;

			snprintf(err, errlen, _("%s:%lu: required column %s%s%s%s is "
			    "missing"), file, line, known[k], *zh ? " (" : "", zh,
			    *zh ? ")" : "");
			len = strlen(err);
			if (at > 0 && len + 1 < errlen) {
				err[len++] = '\n';
				snprintf(err + len, errlen - len, COLUMNS_UNIT_REFUSED,
				    file, line, at, c->name[at - 1], known[k]);
			}
			return -1;
		}
	return 0;
}

int
columns_header(struct columns *c, const struct column_aliases *a,
    const char *file, const struct csvin_row *h, const char *const *known,
    const unsigned char *required, size_t nknown, char *err, size_t errlen)
{
	if (columns_map(c, a, file, h, known, nknown, err, errlen) != 0)
		return -1;
	return columns_require(c, a, file, h->line, known, required, err, errlen);
}

const char *
columns_cell(const struct columns *c, const struct csvin_row *row, int k,
    size_t *n)
{
	int pos = c->pos[k];
	int there = pos >= 0 && (size_t)pos < row->n;

	if (n != NULL)
		*n = there ? row->len[pos] : 0;
	return there ? row->cell[pos] : "";
}

void
columns_free(struct columns *c)
{
	for (size_t i = 0; i < c->ncells; i++)
		free(c->name[i]);
	free(c->name);
	free(c->slot);
	free(c->pos);
	memset(c, 0, sizeof *c);
}
