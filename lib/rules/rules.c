#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "values/enums.h"
#include "values/money.h"
#include "values/text.h"
#include "rules/columns.h"
#include "rules/rules.h"
#include "rules/yamldoc.h"

#define MAX_INCLUDE_DEPTH 16

struct loader {
	struct rules *r;
	char *root;                         /* folder of the top file (real path) */
	char *stack[MAX_INCLUDE_DEPTH];     /* real paths being loaded */
	int depth;
	char **loaded;                      /* real paths loaded, each once */
	size_t nloaded;
	struct strbuf *err;
};

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

static void
list_free(struct rule_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].title);
		free(l->items[i].title_zh);
		free(l->items[i].file);
		cond_free(l->items[i].when);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

void
rules_free(struct rules *r)
{
	free(r->path);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].path);
	free(r->files);
	free(r->id);
	free(r->title);
	free(r->basis);
	list_free(&r->exclusions);
	list_free(&r->considerations);
	list_free(&r->attributes);
	list_free(&r->causes);
	cond_free(r->exit);
	free(r->exit_file);
	free(r->quorum);
	for (size_t i = 0; i < r->nfields; i++) {
		struct field_decl *fd = r->fields[i];

		for (size_t k = 0; k < fd->codes.count; k++) {
			free((char *)fd->values[k].code);
			free((char *)fd->values[k].labels);
		}
		free(fd->values);
		free((char *)fd->f.name);
		free((char *)fd->f.title);
		free((char *)fd->f.title_zh);
		free(fd->file);
		free(fd);
	}
	free(r->fields);
	memset(r, 0, sizeof *r);
}

static int
set_text(struct yamldoc *d, yaml_node_t *n, char **out)
{
	const char *s;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	free(*out);
	*out = xstrdup(s);
	return 0;
}

static int
money_value(struct yamldoc *d, yaml_node_t *n, long long *fen)
{
	const char *s;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (money_parse(s, strlen(s), fen) != 0 || *fen < 0)
		return yamldoc_error(d, n, _("expected an amount in yuan, not \"%s\""), s);
	return 0;
}

static int
share(struct yamldoc *d, yaml_node_t *n, long long *micro)
{
	if (yamldoc_decimal(d, n, micro) != 0)
		return -1;
	if (*micro > 1000000)
		return yamldoc_error(d, n, _("a share is at most 1"));
	return 0;
}

/* Where a rule id was first defined, across the files. */
static const struct rule *
find_rule(const struct rule_list *l, const char *id)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].id, id) == 0)
			return &l->items[i];
	return NULL;
}

static int
id_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* Append the rules of sequence N to L. OTHER is the list whose ids must
 * not clash with these (exclusions and considerations share reasons).
 * IDS, when not NULL, is the enumeration the ids must come from. */
static int
load_list(struct yamldoc *d, yaml_node_t *n,
    struct rule_list *l, const struct rule_list *other,
    const struct enum_def *ids)
{
	static const char *const keys[] = { "id", "title", "title_zh", "when", NULL };

	if (n->type != YAML_SEQUENCE_NODE)
		return yamldoc_error(d, n, _("expected a list of rules (- id: ..., when: ...)"));
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(&d->doc, *it), *v;
		const struct rule *dup;
		struct rule *x;
		const char *id;

		if (yamldoc_keys(d, item, keys) != 0)
			return -1;
		if ((v = yamldoc_get(d, item, "id")) == NULL)
			return yamldoc_error(d, item, _("a rule needs an id"));
		if (yamldoc_string(d, v, &id) != 0)
			return -1;
		if (!id_ok(id))
			return yamldoc_error(d, v, _("rule id \"%s\": use letters, digits, _ and -"), id);
		if (ids != NULL && enum_lookup(ids, id, strlen(id)) < 0) {
			char codes[512];

			return yamldoc_error(d, v, _("\"%s\" is not one of: %s"), id,
			    enum_codes(ids, codes, sizeof codes));
		}
		if ((dup = find_rule(l, id)) != NULL || (other && (dup = find_rule(other, id)) != NULL))
			return yamldoc_error(d, v, _("rule id %s is defined twice: "
			    "first at %s:%zu"), id, dup->file, dup->line);
		if ((v = yamldoc_get(d, item, "when")) == NULL)
			return yamldoc_error(d, item, _("rule %s needs when: (use {} for always)"), id);
		xgrow(&l->items, &l->cap, l->n + 1, sizeof *l->items);
		x = &l->items[l->n];
		memset(x, 0, sizeof *x);
		x->id = xstrdup(ids ? ids->values[enum_lookup(ids, id, strlen(id))].code : id);
		x->file = xstrdup(d->path);
		x->line = item->start_mark.line + 1;
		l->n++;
		if (((v = yamldoc_get(d, item, "title")) != NULL && set_text(d, v, &x->title) != 0) ||
		    ((v = yamldoc_get(d, item, "title_zh")) != NULL && set_text(d, v, &x->title_zh) != 0))
			return -1;
		if ((x->when = cond_compile(d, yamldoc_get(d, item, "when"), 0)) == NULL)
			return -1;
	}
	return 0;
}

static int
load_income(struct rules *r, struct yamldoc *d, yaml_node_t *n)
{
	static const char *const keys[] = { "poverty_line", "basis", "margin", NULL };
	yaml_node_t *v;

	if (yamldoc_keys(d, n, keys) != 0)
		return -1;
	if ((v = yamldoc_get(d, n, "poverty_line")) != NULL && money_value(d, v, &r->poverty_line) != 0)
		return -1;
	if ((v = yamldoc_get(d, n, "basis")) != NULL && set_text(d, v, &r->basis) != 0)
		return -1;
	if ((v = yamldoc_get(d, n, "margin")) != NULL && share(d, v, &r->margin) != 0)
		return -1;
	return 0;
}

/* blank_as_zero: a list of income parts (wage_income, business_income,
 * property_income, transfer_income); a later file's list replaces an
 * earlier one's. */
static int
load_blank_as_zero(struct rules *r, struct yamldoc *d, yaml_node_t *n)
{
	unsigned parts = 0;

	if (n->type != YAML_SEQUENCE_NODE)
		return yamldoc_error(d, n, _("blank_as_zero: expected a list of "
		    "columns, e.g. [wage_income, property_income]"));
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(&d->doc, *it);
		const struct field *f;
		const char *name;
		int k;

		if (yamldoc_string(d, item, &name) != 0)
			return -1;
		if ((f = rules_field(r, name)) == NULL)
			return yamldoc_error(d, item, _("blank_as_zero: %s is not a "
			    "column (the income parts are wage_income, business_income, "
			    "property_income, transfer_income)"), name);
		if (f->type != FT_MONEY)
			return yamldoc_error(d, item, _("blank_as_zero: %s is not an "
			    "amount of money: only a money column may read a blank as "
			    "0"), name);
		if ((k = income_part(f->name)) < 0)
			return yamldoc_error(d, item, _("blank_as_zero: %s is not an "
			    "income part: only wage_income, business_income, "
			    "property_income and transfer_income may read a blank as 0"),
			    name);
		parts |= 1u << k;
	}
	r->blank_as_zero = parts;
	return 0;
}

static int
load_appraisal(struct rules *r, struct yamldoc *d, yaml_node_t *n)
{
	static const char *const keys[] = { "quorum", "pass", NULL };
	static const char *const row_keys[] = { "max_population", "representatives", NULL };
	static const char *const share_keys[] = { "min_share", NULL };
	yaml_node_t *q, *v;
	const char *s;

	if (yamldoc_keys(d, n, keys) != 0)
		return -1;
	if ((v = yamldoc_get(d, n, "pass")) != NULL) {
		if (yamldoc_string(d, v, &s) != 0)
			return -1;
		if (strcmp(s, "more_than_half_present") != 0)
			return yamldoc_error(d, v, _("pass: expected more_than_half_present, not \"%s\""), s);
	}
	if ((q = yamldoc_get(d, n, "quorum")) == NULL)
		return 0;
	if (q->type == YAML_MAPPING_NODE) {
		if (yamldoc_keys(d, q, share_keys) != 0 ||
		    (v = yamldoc_get(d, q, "min_share")) == NULL)
			return yamldoc_error(d, q, _("quorum: a list of rows or {min_share: X}"));
		return share(d, v, &r->min_share);
	}
	if (q->type != YAML_SEQUENCE_NODE)
		return yamldoc_error(d, q, _("quorum: a list of rows or {min_share: X}"));
	free(r->quorum);
	r->nquorum = (size_t)(q->data.sequence.items.top - q->data.sequence.items.start);
	r->quorum = xcalloc(r->nquorum ? r->nquorum : 1, sizeof *r->quorum);
	r->min_share = -1;
	for (size_t i = 0; i < r->nquorum; i++) {
		yaml_node_t *row = yaml_document_get_node(&d->doc, q->data.sequence.items.start[i]);

		if (yamldoc_keys(d, row, row_keys) != 0)
			return -1;
		r->quorum[i].max_population = -1;
		if ((v = yamldoc_get(d, row, "max_population")) != NULL &&
		    yamldoc_int(d, v, 0, 1000000000LL, &r->quorum[i].max_population) != 0)
			return -1;
		if ((v = yamldoc_get(d, row, "representatives")) == NULL)
			return yamldoc_error(d, row, _("a quorum row needs representatives"));
		if (yamldoc_int(d, v, 1, 100000, &r->quorum[i].representatives) != 0)
			return -1;
		if (r->quorum[i].max_population < 0 && i + 1 < r->nquorum)
			return yamldoc_error(d, row, _("only the last quorum row may leave out max_population"));
	}
	return 0;
}

/* Code names: what the files hold, stable and plain. */
static int
code_ok(const char *s)
{
	return id_ok(s);
}

static struct field_decl *
find_decl(const struct rules *r, const char *name)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i]->f.name, name) == 0)
			return r->fields[i];
	return NULL;
}

const struct field *
rules_field(const struct rules *r, const char *name)
{
	const struct field_decl *fd = find_decl(r, name);

	return fd ? &fd->f : field_builtin(name);
}

int
rules_blank_as_zero(const struct rules *r, const char *name)
{
	int k = income_part(name);

	return r != NULL && k >= 0 && (r->blank_as_zero >> k & 1u);
}

int
rules_confidential(const struct rules *r, const char *name)
{
	const struct field *f = r != NULL ? rules_field(r, name) : field_builtin(name);

	return f != NULL && f->confidential;
}

const char *
rules_field_name(const struct rules *r, const char *s, size_t n)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (text_ieq(s, n, r->fields[i]->f.name))
			return r->fields[i]->f.name;
	for (size_t i = 0; i < r->nfields; i++) {
		const char *t = r->fields[i]->f.title_zh;

		if (t != NULL && strlen(t) == n && memcmp(t, s, n) == 0)
			return r->fields[i]->f.name;
	}
	return NULL;
}

const char *
rules_column_title(const struct rules *r, const struct column_aliases *a,
    const char *name)
{
	const char *t = a != NULL ? aliases_first(a, name) : "";
	const struct field *f;

	if (*t != '\0' && strcmp(t, name) != 0)
		return t;
	f = r != NULL ? rules_field(r, name) : field_builtin(name);
	return f != NULL ? f->title_zh : NULL;
}

struct rule_list *
rules_list(struct rules *r, int i)
{
	struct rule_list *lists[RULES_NLISTS] = { &r->exclusions,
		&r->considerations, &r->attributes, &r->causes };

	return lists[i];
}

/* Index of code CODE in FD, or -1. */
static int
decl_code(const struct field_decl *fd, const char *code)
{
	for (size_t i = 0; i < fd->codes.count; i++)
		if (strcmp(fd->values[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* Which code of FD already reads S (as a code or a label), or -1. */
static int
decl_reads(const struct field_decl *fd, const char *s)
{
	return enum_lookup(&fd->codes, s, strlen(s));
}

static void
add_label(struct field_decl *fd, int k, const char *label)
{
	const char *old = fd->values[k].labels;
	size_t n = strlen(old) + strlen(label) + 2;
	char *joined = xmalloc(n);

	snprintf(joined, n, "%s%s%s", old, *old ? "|" : "", label);
	free((char *)old);
	fd->values[k].labels = joined;
}

/* values: {code: [labels] | label | null}, merged into FD. */
static int
load_codes(struct yamldoc *d, yaml_node_t *n, struct field_decl *fd)
{
	if (n->type != YAML_MAPPING_NODE)
		return yamldoc_error(d, n, _("values: a mapping of codes to their "
		    "labels (code: [label, ...])"));
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	    p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(&d->doc, p->key);
		yaml_node_t *vn = yaml_document_get_node(&d->doc, p->value);
		const char *code, *label;
		size_t nlabels;
		int k;

		if (yamldoc_string(d, kn, &code) != 0)
			return -1;
		if (!code_ok(code))
			return yamldoc_error(d, kn, _("code \"%s\": use letters, digits, "
			    "_ and - (the Chinese words go in its list of labels)"), code);
		if ((k = decl_code(fd, code)) < 0) {
			if (decl_reads(fd, code) >= 0)
				return yamldoc_error(d, kn, _("code \"%s\" is already a "
				    "label of code %s"), code,
				    fd->values[decl_reads(fd, code)].code);
			xgrow(&fd->values, &fd->cap, fd->codes.count + 1, sizeof *fd->values);
			k = (int)fd->codes.count++;
			fd->values[k].code = xstrdup(code);
			fd->values[k].labels = xstrdup("");
			fd->codes.values = fd->values;
		}
		if (vn->type == YAML_SCALAR_NODE && yamldoc_plain(vn) &&
		    (vn->data.scalar.length == 0 || strcmp((char *)vn->data.scalar.value, "~") == 0 ||
		    strcmp((char *)vn->data.scalar.value, "null") == 0))
			continue;
		nlabels = vn->type == YAML_SEQUENCE_NODE ?
		    (size_t)(vn->data.sequence.items.top - vn->data.sequence.items.start) : 1;
		for (size_t i = 0; i < nlabels; i++) {
			yaml_node_t *ln = vn->type == YAML_SEQUENCE_NODE ?
			    yaml_document_get_node(&d->doc, vn->data.sequence.items.start[i]) : vn;
			int other;

			if (yamldoc_string(d, ln, &label) != 0)
				return -1;
			if (*label == '\0' || strchr(label, '|') != NULL)
				return yamldoc_error(d, ln, _("a label is a non-empty word "
				    "without |"));
			if ((other = decl_reads(fd, label)) >= 0) {
				if (other == k)
					continue;
				return yamldoc_error(d, ln, _("label \"%s\" already reads as "
				    "code %s"), label, fd->values[other].code);
			}
			add_label(fd, k, label);
		}
	}
	return 0;
}

static int
load_fields(struct rules *r, struct yamldoc *d, yaml_node_t *n)
{
	static const char *const keys[] = { "type", "title", "title_zh",
		"values", "other", "confidential", NULL };

	if (n->type != YAML_MAPPING_NODE)
		return yamldoc_error(d, n, _("fields: a mapping of column names to "
		    "{type: yes_no|number|money|date|code|text, ...}"));
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	    p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(&d->doc, p->key);
		yaml_node_t *vn = yaml_document_get_node(&d->doc, p->value), *t;
		const struct field *builtin;
		struct field_decl *fd;
		const char *name, *s;
		enum ftype type;
		int other = -1, confidential = -1;

		if (yamldoc_string(d, kn, &name) != 0)
			return -1;
		if (*name == '\0')
			return yamldoc_error(d, kn, _("a field needs a name"));
		if (yamldoc_keys(d, vn, keys) != 0)
			return -1;
		if ((t = yamldoc_get(d, vn, "type")) == NULL)
			return yamldoc_error(d, vn, _("field %s needs type: (yes_no, "
			    "number, money, date, code or text)"), name);
		if (yamldoc_string(d, t, &s) != 0)
			return -1;
		if (ftype_parse(s, &type) != 0)
			return yamldoc_error(d, t, _("type \"%s\" is none of yes_no, "
			    "number, money, date, code, text"), s);
		builtin = field_builtin(name);
		if (builtin != NULL && builtin->computed)
			return yamldoc_error(d, kn, _("%s is computed by tpa; it cannot "
			    "be declared"), name);
		if (builtin != NULL && !builtin->redeclarable)
			return yamldoc_error(d, kn, _("%s is a column of the spec with "
			    "its own type (%s); it cannot be re-declared"), name,
			    ftype_name(builtin->type));
		if (builtin != NULL && type != FT_TEXT && type != FT_CODE)
			return yamldoc_error(d, t, _("%s is free text in the spec: it "
			    "may be declared text or code, not %s"), name, s);
		if ((t = yamldoc_get(d, vn, "other")) != NULL) {
			if (yamldoc_string(d, t, &s) != 0)
				return -1;
			if (strcmp(s, "allow") != 0 && strcmp(s, "reject") != 0)
				return yamldoc_error(d, t, _("other: allow or reject, not "
				    "\"%s\""), s);
			if (type != FT_CODE)
				return yamldoc_error(d, t, _("other: is for code fields"));
			other = strcmp(s, "allow") == 0;
		}
		if ((t = yamldoc_get(d, vn, "confidential")) != NULL) {
			if (yamldoc_bool(d, t, &confidential) != 0)
				return -1;
			if (!confidential && builtin != NULL && builtin->confidential)
				return yamldoc_error(d, t, _("%s is confidential (it never "
				    "reaches a file for people); it cannot be declared "
				    "otherwise"), name);
		}
		if ((t = yamldoc_get(d, vn, "values")) != NULL && type != FT_CODE)
			return yamldoc_error(d, t, _("values: is for code fields"));
		if (type == FT_CODE && t == NULL && find_decl(r, name) == NULL)
			return yamldoc_error(d, vn, _("code field %s needs values: "
			    "(code: [labels])"), name);
		if ((fd = find_decl(r, name)) != NULL) {
			if (fd->f.type != type)
				/* TRANSLATORS: the types are yes_no, number, money, date,
				 * code or text, as the rules file spells them. */
				return yamldoc_error(d, kn, _("field %s is declared %s here "
				    "and %s at %s:%zu"), name, ftype_name(type),
				    ftype_name(fd->f.type), fd->file, fd->line);
			if (confidential == 0 && fd->f.confidential)
				return yamldoc_error(d, kn, _("field %s: confidential: false "
				    "here, but it is confidential (declared at %s:%zu)"),
				    name, fd->file, fd->line);
			if (other >= 0 && fd->other_given && other != fd->f.other_allow)
				/* TRANSLATORS: "allow" or "reject", as the rules file
				 * spells them. */
				return yamldoc_error(d, kn, _("field %s: other: %s here, %s at "
				    "%s:%zu"), name, other ? "allow" : "reject",
				    fd->f.other_allow ? "allow" : "reject", fd->file, fd->line);
		} else {
			fd = xcalloc(1, sizeof *fd);
			fd->f.name = xstrdup(name);
			fd->f.type = type;
			fd->f.redeclarable = 0;
			fd->f.free_text = builtin != NULL && builtin->free_text;
			fd->f.confidential = builtin != NULL && builtin->confidential;
			fd->codes.field = fd->f.name;
			fd->file = xstrdup(d->path);
			fd->line = kn->start_mark.line + 1;
			if (type == FT_CODE)
				fd->f.codes = &fd->codes;
			xgrow(&r->fields, &r->fields_cap, r->nfields + 1, sizeof *r->fields);
			r->fields[r->nfields++] = fd;
		}
		if (other >= 0) {
			fd->f.other_allow = (unsigned char)other;
			fd->other_given = 1;
		}
		/* confidential anywhere it is declared (an included file too) */
		if (confidential > 0)
			fd->f.confidential = 1;
		if ((t = yamldoc_get(d, vn, "title")) != NULL) {
			if (yamldoc_string(d, t, &s) != 0)
				return -1;
			free((char *)fd->f.title);
			fd->f.title = xstrdup(s);
		}
		if ((t = yamldoc_get(d, vn, "title_zh")) != NULL) {
			if (yamldoc_string(d, t, &s) != 0)
				return -1;
			free((char *)fd->f.title_zh);
			fd->f.title_zh = xstrdup(s);
		}
		if ((t = yamldoc_get(d, vn, "values")) != NULL &&
		    load_codes(d, t, fd) != 0)
			return -1;
	}
	return 0;
}

/* publicity: {village: DAYS[, town: DAYS][, county: DAYS]}: the levels
 * that post, in the order of the procedure, and their minimum days. A
 * file that gives publicity: gives the whole procedure: the levels it
 * does not name do not post, whatever an included file said. */
static int
load_publicity(struct rules *r, struct yamldoc *d, yaml_node_t *n)
{
	static const char *const levels[] = { "village", "town", "county", NULL };
	long long days[NLEVELS];
	yaml_node_t *v;

	if (yamldoc_keys(d, n, levels) != 0)
		return -1;
	if (yamldoc_get(d, n, "village") == NULL)
		return yamldoc_error(d, n, _("publicity: the village always posts: "
		    "give village: DAYS"));
	for (int i = 0; i < NLEVELS; i++) {
		days[i] = -1;
		if ((v = yamldoc_get(d, n, levels[i])) == NULL)
			continue;
		if (yamldoc_int(d, v, 0, 366, &days[i]) != 0)
			return -1;
		if (days[i] == 0)
			return yamldoc_error(d, v, _("publicity: %s: 0 days: a level "
			    "that does not post is left out of publicity:"), levels[i]);
	}
	for (int i = 0; i < NLEVELS; i++)
		r->publicity_days[i] = days[i];
	r->nposting = 0;
	for (int i = 0; i < NLEVELS; i++)
		if (days[i] > 0)
			r->posting[r->nposting++] = (enum level)i;
	return 0;
}

static int load_file(struct loader *ld, const char *path, yaml_node_t *from,
    struct yamldoc *parent);

static int
load_doc(struct loader *ld, struct yamldoc *d)
{
	static const char *const top[] = { "version", "id", "title", "year",
		"include", "income", "exclusions", "considerations", "scale",
		"appraisal", "publicity", "audit", "exit", "attributes", "causes",
		"fields", "blank_as_zero", NULL };
	static const char *const scale_keys[] = { "key_village", "other_village", NULL };
	static const char *const audit_keys[] = { "sample", NULL };
	struct rules *r = ld->r;
	yaml_node_t *root = yamldoc_root(d), *n, *v;
	long long num;

	if (root == NULL)
		return 0;
	if (yamldoc_keys(d, root, top) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "include")) != NULL) {
		char *dir = dir_of(d->path);

		if (n->type != YAML_SEQUENCE_NODE) {
			free(dir);
			return yamldoc_error(d, n, _("include: expected a list of files"));
		}
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		    it < n->data.sequence.items.top; it++) {
			yaml_node_t *item = yaml_document_get_node(&d->doc, *it);
			const char *rel;
			char *full;
			size_t len;
			int rc;

			if (yamldoc_string(d, item, &rel) != 0) {
				free(dir);
				return -1;
			}
			len = strlen(dir) + strlen(rel) + 2;
			full = xmalloc(len);
			if (rel[0] == '/' || strcmp(dir, ".") == 0)
				snprintf(full, len, "%s", rel);
			else
				snprintf(full, len, "%s/%s", dir, rel);
			rc = load_file(ld, full, item, d);
			free(full);
			if (rc != 0) {
				free(dir);
				return -1;
			}
		}
		free(dir);
	}
	if ((n = yamldoc_get(d, root, "version")) != NULL) {
		if (yamldoc_int(d, n, 1, 1, &num) != 0)
			return -1;
		r->version = (int)num;
	}
	if ((n = yamldoc_get(d, root, "id")) != NULL && set_text(d, n, &r->id) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "title")) != NULL && set_text(d, n, &r->title) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "year")) != NULL) {
		if (yamldoc_int(d, n, 1949, 9999, &num) != 0)
			return -1;
		r->year = (int)num;
	}
	if ((n = yamldoc_get(d, root, "fields")) != NULL && load_fields(r, d, n) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "income")) != NULL && load_income(r, d, n) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "blank_as_zero")) != NULL &&
	    load_blank_as_zero(r, d, n) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "exclusions")) != NULL &&
	    load_list(d, n, &r->exclusions, &r->considerations, NULL) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "considerations")) != NULL &&
	    load_list(d, n, &r->considerations, &r->exclusions, NULL) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "attributes")) != NULL &&
	    load_list(d, n, &r->attributes, NULL, &enum_attribute) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "causes")) != NULL &&
	    load_list(d, n, &r->causes, NULL, &enum_cause) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "scale")) != NULL) {
		if (yamldoc_keys(d, n, scale_keys) != 0)
			return -1;
		if ((v = yamldoc_get(d, n, "key_village")) != NULL && share(d, v, &r->scale_key) != 0)
			return -1;
		if ((v = yamldoc_get(d, n, "other_village")) != NULL && share(d, v, &r->scale_other) != 0)
			return -1;
	}
	if ((n = yamldoc_get(d, root, "appraisal")) != NULL && load_appraisal(r, d, n) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "publicity")) != NULL &&
	    load_publicity(r, d, n) != 0)
		return -1;
	if ((n = yamldoc_get(d, root, "audit")) != NULL) {
		if (yamldoc_keys(d, n, audit_keys) != 0)
			return -1;
		if ((v = yamldoc_get(d, n, "sample")) != NULL &&
		    yamldoc_int(d, v, 0, 1000000, &r->audit_sample) != 0)
			return -1;
	}
	if ((n = yamldoc_get(d, root, "exit")) != NULL) {
		static const char *const exit_keys[] = { "when", NULL };
		struct cond *c;

		if (yamldoc_keys(d, n, exit_keys) != 0)
			return -1;
		if ((v = yamldoc_get(d, n, "when")) == NULL)
			return yamldoc_error(d, n, _("exit needs when:"));
		if ((c = cond_compile(d, v, 0)) == NULL)
			return -1;
		cond_free(r->exit);
		r->exit = c;
		free(r->exit_file);
		r->exit_file = xstrdup(d->path);
	}
	return 0;
}

/* Pass an error of D up to the including file, or to the caller. */
static void
pass_error(struct loader *ld, struct yamldoc *parent, const char *msg)
{
	if (parent != NULL)
		snprintf(parent->err, sizeof parent->err, "%s", msg);
	else
		strbuf_printf(ld->err, "%s\n", msg);
}

static int
load_file(struct loader *ld, const char *path, yaml_node_t *from,
    struct yamldoc *parent)
{
	char real[PATH_MAX];
	struct stat st;
	struct yamldoc d;
	int rc;

	if (realpath(path, real) == NULL || stat(real, &st) != 0) {
		if (parent != NULL)
			return yamldoc_error(parent, from, _("cannot include %s: %s"),
			    path, strerror(errno));
		strbuf_printf(ld->err, _("cannot open %s: %s\n"), path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		if (parent != NULL)
			return yamldoc_error(parent, from, _("cannot include %s: not a "
			    "regular file"), path);
		strbuf_printf(ld->err, _("%s: not a regular file\n"), path);
		return -1;
	}
	if (parent != NULL && !ld->r->include_anywhere &&
	    (strncmp(real, ld->root, strlen(ld->root)) != 0 ||
	    real[strlen(ld->root)] != '/'))
		return yamldoc_error(parent, from, _("include %s lies outside the "
		    "rules folder %s"), path, ld->root);
	for (int i = 0; i < ld->depth; i++)
		if (strcmp(ld->stack[i], real) == 0)
			return yamldoc_error(parent, from, _("include cycle: %s "
			    "includes itself (through the files above)"), path);
	/* A file included twice is read once: its rules are already in. */
	for (size_t i = 0; i < ld->nloaded; i++)
		if (strcmp(ld->loaded[i], real) == 0)
			return 0;
	if (ld->depth == MAX_INCLUDE_DEPTH)
		return yamldoc_error(parent, from, _("includes nested too deep"));
	if (ld->nloaded == RULES_MAX_FILES)
		return yamldoc_error(parent, from, _("more than %d rules files "
		    "through include"), RULES_MAX_FILES);
	ld->loaded = xrealloc(ld->loaded, (ld->nloaded + 1) * sizeof *ld->loaded);
	ld->loaded[ld->nloaded++] = xstrdup(real);
	if (yamldoc_load(&d, path) != 0) {
		pass_error(ld, parent, d.err);
		yamldoc_free(&d);
		return -1;
	}
	ld->stack[ld->depth++] = xstrdup(real);
	xgrow(&ld->r->files, &ld->r->files_cap, ld->r->nfiles + 1,
	    sizeof *ld->r->files);
	ld->r->files[ld->r->nfiles].path = xstrdup(path);
	memcpy(ld->r->files[ld->r->nfiles].sha256, d.sha256, DIGEST_HEX);
	ld->r->nfiles++;
	rc = load_doc(ld, &d);
	free(ld->stack[--ld->depth]);
	if (rc != 0)
		pass_error(ld, parent, d.err);
	yamldoc_free(&d);
	return rc;
}

static const struct field *
type_of(void *ctx, const char *name)
{
	return rules_field(ctx, name);
}

/* Every condition against the field types; every problem reported. */
static size_t
check_types(struct rules *r, struct strbuf *err)
{
	size_t bad = 0;

	for (int l = 0; l < RULES_NLISTS; l++) {
		struct rule_list *list = rules_list(r, l);

		for (size_t i = 0; i < list->n; i++)
			bad += cond_check(list->items[i].when, list->items[i].file,
			    type_of, r, err);
	}
	if (r->exit != NULL)
		bad += cond_check(r->exit, r->exit_file, type_of, r, err);
	return bad;
}

int
rules_load(struct rules *r, const char *path, struct strbuf *err)
{
	struct loader ld;
	char real[PATH_MAX];
	int rc;
	int anywhere = r->include_anywhere;

	memset(r, 0, sizeof *r);
	r->include_anywhere = anywhere;
	r->poverty_line = -1;
	r->scale_key = r->scale_other = r->min_share = -1;
	r->publicity_days[0] = r->publicity_days[1] = r->publicity_days[2] = -1;
	/* no publicity: given: every level posts, with no minimum */
	for (int i = 0; i < NLEVELS; i++)
		r->posting[i] = (enum level)i;
	r->nposting = NLEVELS;
	r->audit_sample = -1;
	r->path = xstrdup(path);
	memset(&ld, 0, sizeof ld);
	ld.r = r;
	ld.err = err;
	if (realpath(path, real) == NULL) {
		strbuf_printf(err, _("cannot open %s: %s\n"), path, strerror(errno));
		rules_free(r);
		return -1;
	}
	ld.root = dir_of(real);
	rc = load_file(&ld, path, NULL, NULL);
	free(ld.root);
	for (size_t i = 0; i < ld.nloaded; i++)
		free(ld.loaded[i]);
	free(ld.loaded);
	if (rc == 0 && r->nfiles > 0)
		memcpy(r->sha256, r->files[0].sha256, DIGEST_HEX);
	if (rc == 0 && check_types(r, err) > 0)
		rc = -1;
	if (rc == 0 && r->poverty_line < 0) {
		strbuf_printf(err, _("%s: income.poverty_line is missing\n"), path);
		rc = -1;
	}
	if (rc != 0) {
		rules_free(r);
		return rc;
	}
	/* The lists are complete: lookups may remember their answers. */
	for (size_t i = 0; i < r->nfields; i++)
		if (r->fields[i]->f.type == FT_CODE)
			r->fields[i]->codes.cache = &r->fields[i]->cache;
	return 0;
}

int
rules_posts(const struct rules *r, enum level l)
{
	for (size_t i = 0; i < r->nposting; i++)
		if (r->posting[i] == l)
			return 1;
	return 0;
}

int
rules_level_after(const struct rules *r, int l)
{
	for (size_t i = 0; i < r->nposting; i++)
		if ((int)r->posting[i] > l)
			return (int)r->posting[i];
	return NLEVELS;
}

int
rules_level_before(const struct rules *r, int l)
{
	int before = -1;

	for (size_t i = 0; i < r->nposting; i++)
		if ((int)r->posting[i] < l)
			before = (int)r->posting[i];
	return before;
}

enum level
rules_last_level(const struct rules *r)
{
	return r->posting[r->nposting - 1];
}

void
rules_postings(const struct rules *r, struct strbuf *b)
{
	for (size_t i = 0; i < r->nposting; i++)
		strbuf_printf(b, "%s%s", i ? ", " : "", level_code(r->posting[i]));
}

int
rules_same_postings(const struct rules *r, const struct rules *county)
{
	return r->nposting == county->nposting &&
	    memcmp(r->posting, county->posting,
	    r->nposting * sizeof r->posting[0]) == 0;
}
