#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/condition.h"
#include "io/diag.h"
#include "values/enums.h"
#include "values/money.h"
#include "values/pattern.h"

enum kind { K_TRUE, K_ALL, K_ANY, K_NOT, K_FIELD, K_ANY_MEMBER, K_ALL_MEMBERS,
	K_COUNT_MEMBERS };
enum op { OP_EQUALS, OP_NOT_EQUALS, OP_IN, OP_NOT_IN, OP_MATCHES, OP_GT, OP_GE,
	OP_LT, OP_LE, OP_BETWEEN, OP_EMPTY, NOPS };

static const char *const op_names[NOPS] = { "equals", "not_equals", "in",
	"not_in", "matches", "gt", "ge", "lt", "le", "between", "empty" };

/* A value a cell is compared with: its text, and its amount when it is a
 * number. */
struct value {
	char *text;
	long long num;
	int is_num;
};

struct cond {
	enum kind kind;
	size_t line, col;
	struct cond **kids;
	size_t nkids;
	/* K_FIELD */
	char *field;
	int member;          /* field of a member */
	int slot;            /* bound column, -1 before binding */
	enum op op;
	struct value *values;
	size_t nvalues;
	struct pattern *re;
	int empty;
	/* K_COUNT_MEMBERS */
	enum op count_op;
	long long count;
};

void
trace_printf(struct trace *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t == NULL)
		return;
	for (;;) {
		size_t room = t->cap - t->len;

		va_start(ap, fmt);
		n = vsnprintf(t->text ? t->text + t->len : NULL, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if ((size_t)n < room) {
			t->len += (size_t)n;
			return;
		}
		xgrow(&t->text, &t->cap, t->len + (size_t)n + 1, 1);
	}
}

static struct cond *
new_cond(enum kind k, const yaml_node_t *n)
{
	struct cond *c = xcalloc(1, sizeof *c);

	c->kind = k;
	c->slot = -1;
	c->line = n->start_mark.line + 1;
	c->col = n->start_mark.column + 1;
	return c;
}

void
cond_free(struct cond *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->nkids; i++)
		cond_free(c->kids[i]);
	free(c->kids);
	free(c->field);
	for (size_t i = 0; i < c->nvalues; i++)
		free(c->values[i].text);
	free(c->values);
	pattern_free(c->re);
	free(c);
}

static const char *
key_of(struct yamldoc *d, yaml_node_pair_t *p)
{
	return (const char *)yaml_document_get_node(&d->doc, p->key)->data.scalar.value;
}

/* Read scalar N as a comparison value of FIELD (enumeration labels become
 * codes; an unknown enumeration value is an error). */
static int
read_value(struct yamldoc *d, yaml_node_t *n, const char *field, struct value *v)
{
	const struct enum_def *e = enum_for_field(field);
	const char *s;
	int i;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (e != NULL && (i = enum_lookup(e, s, strlen(s))) < 0) {
		char codes[512];

		return yamldoc_error(d, n, "%s has no value \"%s\" (values: %s)",
		    field, s, enum_codes(e, codes, sizeof codes));
	} else if (e != NULL) {
		s = e->values[i].code;
	}
	v->text = xstrdup(s);
	v->is_num = money_parse(s, strlen(s), &v->num) == 0;
	return 0;
}

static int
need_number(struct yamldoc *d, yaml_node_t *n, struct value *v, const char *op)
{
	if (!v->is_num)
		return yamldoc_error(d, n, "%s needs a number, not \"%s\"", op, v->text);
	return 0;
}

static int
compile_field(struct yamldoc *d, yaml_node_t *n, struct cond *c)
{
	yaml_node_t *fnode = yamldoc_get(d, n, "field"), *v = NULL;
	const char *field;
	int nops = 0;

	if (yamldoc_string(d, fnode, &field) != 0)
		return -1;
	c->field = xstrdup(field);
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	    p < n->data.mapping.pairs.top; p++) {
		const char *k = key_of(d, p);
		int o;

		if (strcmp(k, "field") == 0)
			continue;
		for (o = 0; o < NOPS && strcmp(op_names[o], k) != 0; o++)
			continue;
		if (o == NOPS)
			return yamldoc_error(d, yaml_document_get_node(&d->doc, p->key),
			    "unknown operator \"%s\" (expected equals, not_equals, in, "
			    "not_in, matches, gt, ge, lt, le, between, empty)", k);
		if (++nops > 1)
			return yamldoc_error(d, yaml_document_get_node(&d->doc, p->key),
			    "one operator per condition: \"%s\" is a second one "
			    "(combine conditions with all: or any:)", k);
		c->op = (enum op)o;
		v = yaml_document_get_node(&d->doc, p->value);
	}
	if (nops == 0)
		return yamldoc_error(d, n, "field %s has no operator", field);
	switch (c->op) {
	case OP_IN:
	case OP_NOT_IN:
	case OP_BETWEEN:
		if (v->type != YAML_SEQUENCE_NODE)
			return yamldoc_error(d, v, "%s needs a list", op_names[c->op]);
		c->nvalues = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
		if (c->op == OP_BETWEEN && c->nvalues != 2)
			return yamldoc_error(d, v, "between needs [low, high]");
		if (c->nvalues == 0)
			return yamldoc_error(d, v, "%s needs at least one value", op_names[c->op]);
		c->values = xcalloc(c->nvalues, sizeof *c->values);
		for (size_t i = 0; i < c->nvalues; i++) {
			yaml_node_t *item = yaml_document_get_node(&d->doc,
			    v->data.sequence.items.start[i]);

			if (read_value(d, item, field, &c->values[i]) != 0 ||
			    (c->op == OP_BETWEEN && need_number(d, item, &c->values[i], "between") != 0))
				return -1;
		}
		if (c->op == OP_BETWEEN && c->values[0].num > c->values[1].num)
			return yamldoc_error(d, v, "between: the low end is above the high end");
		return 0;
	case OP_EMPTY:
		return yamldoc_bool(d, v, &c->empty);
	case OP_MATCHES: {
		const char *src;
		char err[300];

		if (yamldoc_string(d, v, &src) != 0)
			return -1;
		if ((c->re = pattern_compile(src, 0, err, sizeof err)) == NULL)
			return yamldoc_error(d, v, "%s", err);
		/* Kept for explanations. */
		c->nvalues = 1;
		c->values = xcalloc(1, sizeof *c->values);
		c->values[0].text = xstrdup(src);
		return 0;
	}
	default:
		c->nvalues = 1;
		c->values = xcalloc(1, sizeof *c->values);
		if (read_value(d, v, field, &c->values[0]) != 0)
			return -1;
		if (c->op >= OP_GT && c->op <= OP_LE)
			return need_number(d, v, &c->values[0], op_names[c->op]);
		return 0;
	}
}

static int
compile_list(struct yamldoc *d, yaml_node_t *v, struct cond *c, int in_member,
    const char *what)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return yamldoc_error(d, v, "%s needs a list of conditions", what);
	c->nkids = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	c->kids = xcalloc(c->nkids ? c->nkids : 1, sizeof *c->kids);
	for (size_t i = 0; i < c->nkids; i++)
		if ((c->kids[i] = cond_compile(d, yaml_document_get_node(&d->doc,
		    v->data.sequence.items.start[i]), in_member)) == NULL)
			return -1;
	return 0;
}

static int
compile_count(struct yamldoc *d, yaml_node_t *v, struct cond *c)
{
	static const char *const ops[] = { "ge", "gt", "le", "lt", "equals" };
	static const enum op codes[] = { OP_GE, OP_GT, OP_LE, OP_LT, OP_EQUALS };
	yaml_node_t *where;
	int found = 0;

	if (v->type != YAML_MAPPING_NODE)
		return yamldoc_error(d, v, "count_members needs {where: C, ge: N}");
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
	    p < v->data.mapping.pairs.top; p++) {
		const char *k = key_of(d, p);
		yaml_node_t *kn = yaml_document_get_node(&d->doc, p->key);
		size_t i;

		if (strcmp(k, "where") == 0)
			continue;
		for (i = 0; i < 5 && strcmp(ops[i], k) != 0; i++)
			continue;
		if (i == 5)
			return yamldoc_error(d, kn, "count_members: unknown key \"%s\" "
			    "(expected where and one of ge, gt, le, lt, equals)", k);
		if (found++)
			return yamldoc_error(d, kn, "count_members takes one comparison");
		c->count_op = codes[i];
		if (yamldoc_int(d, yaml_document_get_node(&d->doc, p->value), 0,
		    1000000, &c->count) != 0)
			return -1;
	}
	if (!found)
		return yamldoc_error(d, v, "count_members needs one of ge, gt, le, lt, equals");
	if ((where = yamldoc_get(d, v, "where")) == NULL)
		return yamldoc_error(d, v, "count_members needs where: C");
	c->nkids = 1;
	c->kids = xcalloc(1, sizeof *c->kids);
	return (c->kids[0] = cond_compile(d, where, 1)) == NULL ? -1 : 0;
}

struct cond *
cond_compile(struct yamldoc *d, yaml_node_t *n, int in_member)
{
	static const char *const forms[] = { "all", "any", "not", "any_member",
		"all_members", "count_members" };
	static const enum kind kinds[] = { K_ALL, K_ANY, K_NOT, K_ANY_MEMBER,
		K_ALL_MEMBERS, K_COUNT_MEMBERS };
	struct cond *c;
	yaml_node_pair_t *p;
	const char *k;
	yaml_node_t *v;
	size_t npairs, i;
	int rc;

	if (n->type != YAML_MAPPING_NODE) {
		yamldoc_error(d, n, "a condition is a mapping, like {field: X, equals: Y}");
		return NULL;
	}
	p = n->data.mapping.pairs.start;
	npairs = (size_t)(n->data.mapping.pairs.top - p);
	if (npairs == 0)
		return new_cond(K_TRUE, n);
	if (yamldoc_get(d, n, "field") != NULL) {
		c = new_cond(K_FIELD, n);
		c->member = in_member;
		if (compile_field(d, n, c) != 0) {
			cond_free(c);
			return NULL;
		}
		return c;
	}
	k = key_of(d, p);
	if (npairs > 1) {
		yamldoc_error(d, yaml_document_get_node(&d->doc, p[1].key),
		    "a condition has one form: \"%s\" and \"%s\" cannot stand "
		    "together (use all: or any:)", k, key_of(d, &p[1]));
		return NULL;
	}
	for (i = 0; i < 6 && strcmp(forms[i], k) != 0; i++)
		continue;
	if (i == 6) {
		yamldoc_error(d, yaml_document_get_node(&d->doc, p->key),
		    "unknown condition \"%s\" (expected field, all, any, not, "
		    "any_member, all_members, count_members)", k);
		return NULL;
	}
	c = new_cond(kinds[i], n);
	v = yaml_document_get_node(&d->doc, p->value);
	if (in_member && i >= 3) {
		yamldoc_error(d, n, "%s cannot stand inside another member condition", k);
		cond_free(c);
		return NULL;
	}
	switch (c->kind) {
	case K_ALL:
	case K_ANY:
		rc = compile_list(d, v, c, in_member, k);
		break;
	case K_COUNT_MEMBERS:
		rc = compile_count(d, v, c);
		break;
	default:   /* not, any_member, all_members: one condition */
		c->nkids = 1;
		c->kids = xcalloc(1, sizeof *c->kids);
		c->kids[0] = cond_compile(d, v, in_member || c->kind != K_NOT);
		rc = c->kids[0] == NULL ? -1 : 0;
		break;
	}
	if (rc != 0) {
		cond_free(c);
		return NULL;
	}
	return c;
}

int
cond_bind(struct cond *c, const char *const *hh, size_t nhh,
    const char *const *mem, size_t nmem, const char *file, const char *rule,
    char *err, size_t errlen)
{
	if (c->kind == K_FIELD) {
		const char *const *names = c->member ? mem : hh;
		size_t n = c->member ? nmem : nhh;

		for (size_t i = 0; i < n; i++)
			if (strcmp(names[i], c->field) == 0) {
				c->slot = (int)i;
				return 0;
			}
		snprintf(err, errlen, "%s:%zu:%zu: rule %s: %s is not a column of "
		    "the %s", file, c->line, c->col, rule, c->field,
		    c->member ? "members (applicants)" : "household (survey, "
		    "applicants' head row, members, per_capita_income)");
		return -1;
	}
	for (size_t i = 0; i < c->nkids; i++)
		if (cond_bind(c->kids[i], hh, nhh, mem, nmem, file, rule, err, errlen) != 0)
			return -1;
	return 0;
}

void
cond_numeric_fields(const struct cond *c,
    void (*fn)(void *ctx, const char *field, int member), void *ctx)
{
	if (c->kind == K_FIELD && ((c->op >= OP_GT && c->op <= OP_LE) ||
	    c->op == OP_BETWEEN))
		fn(ctx, c->field, c->member);
	for (size_t i = 0; i < c->nkids; i++)
		cond_numeric_fields(c->kids[i], fn, ctx);
}

static int
equal(const struct value *v, const char *cell, int cell_is_num, long long num)
{
	if (v->is_num && cell_is_num)
		return v->num == num;
	return strcmp(v->text, cell) == 0;
}

static int
eval_field(const struct cond *c, const char *cell, const struct cond_context *ctx)
{
	long long num = 0;
	int is_num, r = 0;

	if (c->op == OP_EMPTY)
		return (*cell == '\0') == c->empty;
	if (*cell == '\0')
		return 0;
	is_num = money_parse(cell, strlen(cell), &num) == 0;
	switch (c->op) {
	case OP_EQUALS:
		return equal(&c->values[0], cell, is_num, num);
	case OP_NOT_EQUALS:
		return !equal(&c->values[0], cell, is_num, num);
	case OP_IN:
	case OP_NOT_IN:
		for (size_t i = 0; i < c->nvalues && !r; i++)
			r = equal(&c->values[i], cell, is_num, num);
		return c->op == OP_IN ? r : !r;
	case OP_MATCHES:
		r = pattern_match(c->re, cell, strlen(cell));
		if (r < 0)
			snprintf(ctx->err, ctx->errlen, "line %zu: the pattern on %s "
			    "went over its match limit (simplify the pattern)",
			    c->line, c->field);
		return r;
	case OP_GT: return is_num && num > c->values[0].num;
	case OP_GE: return is_num && num >= c->values[0].num;
	case OP_LT: return is_num && num < c->values[0].num;
	case OP_LE: return is_num && num <= c->values[0].num;
	case OP_BETWEEN:
		return is_num && num >= c->values[0].num && num <= c->values[1].num;
	default:
		return 0;
	}
}

static void
trace_field(const struct cond *c, const char *cell, int r, struct trace *t,
    const char *label)
{
	trace_printf(t, "%*s", 2 * t->depth, "");
	if (label != NULL)
		trace_printf(t, "[%s] ", label);
	trace_printf(t, "%s %s", c->field, op_names[c->op]);
	if (c->op == OP_EMPTY)
		trace_printf(t, " %s", c->empty ? "true" : "false");
	for (size_t i = 0; i < c->nvalues; i++)
		trace_printf(t, "%s%s", i ? ", " : " ", c->values[i].text);
	trace_printf(t, ": \"%s\" -> %s\n", cell, r ? "yes" : "no");
}

static int eval_at(const struct cond *c, const struct cond_context *ctx,
    const char *const *member, const char *label);

static int
count_ok(enum op op, long long n, long long want)
{
	switch (op) {
	case OP_GE: return n >= want;
	case OP_GT: return n > want;
	case OP_LE: return n <= want;
	case OP_LT: return n < want;
	default: return n == want;
	}
}

static int
eval_at(const struct cond *c, const struct cond_context *ctx,
    const char *const *member, const char *label)
{
	struct trace *t = ctx->trace;
	long long count = 0;
	int r = 0;

	switch (c->kind) {
	case K_TRUE:
		return 1;
	case K_FIELD: {
		const char *cell = c->member ? member[c->slot] : ctx->household[c->slot];

		r = eval_field(c, cell ? cell : "", ctx);
		if (t != NULL && r >= 0)
			trace_field(c, cell ? cell : "", r, t, c->member ? label : NULL);
		return r;
	}
	case K_ALL:
	case K_ANY:
		for (size_t i = 0; i < c->nkids; i++) {
			r = eval_at(c->kids[i], ctx, member, label);
			if (r < 0)
				return r;
			if (c->kind == K_ALL ? !r : r)
				return c->kind == K_ANY;
		}
		return c->kind == K_ALL;
	case K_NOT:
		r = eval_at(c->kids[0], ctx, member, label);
		return r < 0 ? r : !r;
	default:   /* member quantifiers */
		if (t != NULL)
			t->depth++;
		for (size_t m = 0; m < ctx->nmembers; m++) {
			r = eval_at(c->kids[0], ctx, ctx->members + m * ctx->member_width,
			    ctx->member_labels ? ctx->member_labels[m] : NULL);
			if (r < 0)
				break;
			if (c->kind == K_ANY_MEMBER && r) {
				count = 1;
				break;
			}
			if (c->kind == K_ALL_MEMBERS && !r) {
				count = -1;
				break;
			}
			count += r;
		}
		if (t != NULL)
			t->depth--;
		if (ctx->nmembers > 0 && r < 0)
			return r;
		if (c->kind == K_ANY_MEMBER)
			return count == 1;
		if (c->kind == K_ALL_MEMBERS)
			return count >= 0;
		return count_ok(c->count_op, count, c->count);
	}
}

int
cond_eval(const struct cond *c, const struct cond_context *ctx)
{
	return eval_at(c, ctx, NULL, NULL);
}
