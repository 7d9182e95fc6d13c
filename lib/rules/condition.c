#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "rules/condition.h"
#include "values/enums.h"
#include "values/pattern.h"

enum kind { K_TRUE, K_ALL, K_ANY, K_NOT, K_FIELD, K_ANY_MEMBER, K_ALL_MEMBERS,
	K_COUNT_MEMBERS };
enum op { OP_EQUALS, OP_NOT_EQUALS, OP_IN, OP_NOT_IN, OP_MATCHES, OP_GT, OP_GE,
	OP_LT, OP_LE, OP_BETWEEN, OP_EMPTY, NOPS };

static const char *const op_names[NOPS] = { "equals", "not_equals", "in",
	"not_in", "matches", "gt", "ge", "lt", "le", "between", "empty" };

/* A value a cell is compared with: as written in the rules, and once
 * checked, as a value of the field's type. */
struct value {
	char *text;
	size_t line, col;
	int64_t v;
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
	const struct field *type;   /* set by cond_check */
	/* K_COUNT_MEMBERS */
	enum op count_op;
	long long count;
};

void
trace_printf(struct trace *t, const char *fmt, ...)
{
	va_list ap;

	if (t == NULL)
		return;
	va_start(ap, fmt);
	strbuf_vprintf(&t->text, fmt, ap);
	va_end(ap);
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

/* Keep scalar N as written; cond_check gives it its type. */
static int
read_value(struct yamldoc *d, yaml_node_t *n, struct value *v)
{
	const char *s;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	v->text = xstrdup(s);
	v->line = n->start_mark.line + 1;
	v->col = n->start_mark.column + 1;
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
			    _("unknown operator \"%s\" (expected equals, not_equals, in, "
			    "not_in, matches, gt, ge, lt, le, between, empty)"), k);
		if (++nops > 1)
			return yamldoc_error(d, yaml_document_get_node(&d->doc, p->key),
			    _("one operator per condition: \"%s\" is a second one "
			    "(combine conditions with all: or any:)"), k);
		c->op = (enum op)o;
		v = yaml_document_get_node(&d->doc, p->value);
	}
	if (nops == 0)
		return yamldoc_error(d, n, _("field %s has no operator"), field);
	switch (c->op) {
	case OP_IN:
	case OP_NOT_IN:
	case OP_BETWEEN:
		if (v->type != YAML_SEQUENCE_NODE)
			return yamldoc_error(d, v, _("%s needs a list"), op_names[c->op]);
		c->nvalues = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
		if (c->op == OP_BETWEEN && c->nvalues != 2)
			return yamldoc_error(d, v, _("between needs [low, high]"));
		if (c->nvalues == 0)
			return yamldoc_error(d, v, _("%s needs at least one value"), op_names[c->op]);
		c->values = xcalloc(c->nvalues, sizeof *c->values);
		for (size_t i = 0; i < c->nvalues; i++) {
			yaml_node_t *item = yaml_document_get_node(&d->doc,
			    v->data.sequence.items.start[i]);

			if (read_value(d, item, &c->values[i]) != 0)
				return -1;
		}
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
		c->values[0].line = v->start_mark.line + 1;
		c->values[0].col = v->start_mark.column + 1;
		return 0;
	}
	default:
		c->nvalues = 1;
		c->values = xcalloc(1, sizeof *c->values);
		return read_value(d, v, &c->values[0]);
	}
}

static int
compile_list(struct yamldoc *d, yaml_node_t *v, struct cond *c, int in_member,
    const char *what)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return yamldoc_error(d, v, _("%s needs a list of conditions"), what);
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
		return yamldoc_error(d, v, _("count_members needs {where: C, ge: N}"));
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
			return yamldoc_error(d, kn, _("count_members: unknown key \"%s\" "
			    "(expected where and one of ge, gt, le, lt, equals)"), k);
		if (found++)
			return yamldoc_error(d, kn, _("count_members takes one comparison"));
		c->count_op = codes[i];
		if (yamldoc_int(d, yaml_document_get_node(&d->doc, p->value), 0,
		    1000000, &c->count) != 0)
			return -1;
	}
	if (!found)
		return yamldoc_error(d, v, _("count_members needs one of ge, gt, le, lt, equals"));
	if ((where = yamldoc_get(d, v, "where")) == NULL)
		return yamldoc_error(d, v, _("count_members needs where: C"));
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
		yamldoc_error(d, n, _("a condition is a mapping, like {field: X, equals: Y}"));
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
		    _("a condition has one form: \"%s\" and \"%s\" cannot stand "
		    "together (use all: or any:)"), k, key_of(d, &p[1]));
		return NULL;
	}
	for (i = 0; i < 6 && strcmp(forms[i], k) != 0; i++)
		continue;
	if (i == 6) {
		yamldoc_error(d, yaml_document_get_node(&d->doc, p->key),
		    _("unknown condition \"%s\" (expected field, all, any, not, "
		    "any_member, all_members, count_members)"), k);
		return NULL;
	}
	c = new_cond(kinds[i], n);
	v = yaml_document_get_node(&d->doc, p->value);
	if (in_member && i >= 3) {
		yamldoc_error(d, n, _("%s cannot stand inside another member condition"), k);
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

static const char *
type_word(enum ftype t)
{
	switch (t) {
	case FT_YES_NO: return _("yes or no");
	case FT_NUMBER: return _("a number");
	case FT_MONEY: return _("an amount in yuan");
	case FT_DATE: return _("a date");
	case FT_CODE: return _("a code");
	default: return _("text");
	}
}

static void
problem(struct strbuf *errors, const char *file, size_t line, size_t col,
    const char *fmt, ...)
{
	va_list ap;

	strbuf_printf(errors, "%s:%zu:%zu: ", file, line, col);
	va_start(ap, fmt);
	strbuf_vprintf(errors, fmt, ap);
	va_end(ap);
	strbuf_putc(errors, '\n');
}

/* Give literal V the type of field F. */
static size_t
check_value(const struct cond *c, struct value *v, const char *file,
    struct strbuf *errors)
{
	const struct field *f = c->type;
	char buf[FIELD_BUF];
	const char *norm;
	size_t n;
	enum field_status st;

	if (f->type == FT_TEXT)
		return 0;
	/* a rules file's dates have four-digit years */
	st = field_parse(f, v->text, strlen(v->text), 0, &v->v, &norm, &n, buf);
	if (st == FIELD_OK)
		return 0;
	{
		struct strbuf what = { 0 };

		field_describe(f, 0, &what);
		if (f->type == FT_CODE)
			problem(errors, file, v->line, v->col, _("\"%s\" is not a code "
			    "of %s (%s; add it under fields: %s: values: to test it)"),
			    v->text, c->field, strbuf_str(&what), c->field);
		else
			problem(errors, file, v->line, v->col, _("\"%s\" is not a value "
			    "of %s, which is %s: %s"), v->text, c->field,
			    ftype_name(f->type), strbuf_str(&what));
		strbuf_free(&what);
	}
	return 1;
}

size_t
cond_check(struct cond *c, const char *file, cond_types types, void *ctx,
    struct strbuf *errors)
{
	size_t bad = 0;

	if (c->kind != K_FIELD) {
		for (size_t i = 0; i < c->nkids; i++)
			bad += cond_check(c->kids[i], file, types, ctx, errors);
		return bad;
	}
	c->type = types(ctx, c->field);
	if (c->type == NULL) {
		problem(errors, file, c->line, c->col, _("%s has no type: declare it "
		    "under fields: (type: yes_no, number, money, date, code or "
		    "text)"), c->field);
		return 1;
	}
	if (c->type->computed && strcmp(c->field, "age") == 0 && !c->member) {
		problem(errors, file, c->line, c->col, _("age is a member's: use it "
		    "inside any_member, all_members or count_members"));
		return 1;
	}
	if (c->type->computed && strcmp(c->field, "age") != 0 && c->member) {
		problem(errors, file, c->line, c->col, _("%s is the household's: it "
		    "cannot stand inside a member condition"), c->field);
		return 1;
	}
	if (c->op == OP_EMPTY || c->op == OP_MATCHES)
		return 0;
	if ((c->op >= OP_GT && c->op <= OP_LE) || c->op == OP_BETWEEN) {
		enum ftype t = c->type->type;

		if (t != FT_NUMBER && t != FT_MONEY && t != FT_DATE) {
			/* TRANSLATORS: the operator (gt, ge, lt, le or between), the
			 * field, then "yes or no", "a code" or "text". */
			problem(errors, file, c->line, c->col, _("%s compares numbers, "
			    "amounts or dates; %s is %s"), op_names[c->op], c->field,
			    type_word(t));
			return 1;
		}
	}
	for (size_t i = 0; i < c->nvalues; i++)
		bad += check_value(c, &c->values[i], file, errors);
	if (bad == 0 && c->op == OP_BETWEEN && c->values[0].v > c->values[1].v) {
		problem(errors, file, c->values[0].line, c->values[0].col,
		    _("between: the low end is above the high end"));
		bad++;
	}
	return bad;
}

size_t
cond_bind(struct cond *c, cond_slot slot, void *ctx)
{
	size_t missing = 0;

	if (c->kind == K_FIELD) {
		c->slot = slot(ctx, c->field, c->member, c->line, c->col);
		return c->slot < 0;
	}
	for (size_t i = 0; i < c->nkids; i++)
		missing += cond_bind(c->kids[i], slot, ctx);
	return missing;
}

void
cond_unbound(const struct cond *c, void (*fn)(void *ctx, const char *field,
    int member, size_t line, size_t col), void *ctx)
{
	if (c->kind == K_FIELD && c->slot < 0)
		fn(ctx, c->field, c->member, c->line, c->col);
	for (size_t i = 0; i < c->nkids; i++)
		cond_unbound(c->kids[i], fn, ctx);
}

void
cond_fields(const struct cond *c,
    void (*fn)(void *ctx, const char *field, int member), void *ctx)
{
	if (c->kind == K_FIELD)
		fn(ctx, c->field, c->member);
	for (size_t i = 0; i < c->nkids; i++)
		cond_fields(c->kids[i], fn, ctx);
}

const char *
cond_field(const struct cond *c)
{
	return c->field ? c->field : "";
}

size_t
cond_line(const struct cond *c)
{
	return c->line;
}

static int
equal(const struct cond *c, const struct value *v, const struct cell *cell,
    const char *text)
{
	if (c->type->type == FT_TEXT)
		return strlen(v->text) == cell->len &&
		    memcmp(v->text, text + cell->off, cell->len) == 0;
	if (c->type->type == FT_CODE && cell->v < 0)
		return 0;   /* an unlisted value equals no listed code */
	return cell->v == v->v;
}

static int
eval_field(const struct cond *c, const struct cell *cell, const char *text)
{
	int64_t x = cell->v;
	int r = 0;

	if (c->op == OP_EMPTY)
		return (cell->len == 0) == c->empty;
	if (cell->len == 0)
		return 0;
	switch (c->op) {
	case OP_EQUALS:
		return equal(c, &c->values[0], cell, text);
	case OP_NOT_EQUALS:
		return !equal(c, &c->values[0], cell, text);
	case OP_IN:
	case OP_NOT_IN:
		for (size_t i = 0; i < c->nvalues && !r; i++)
			r = equal(c, &c->values[i], cell, text);
		return c->op == OP_IN ? r : !r;
	case OP_MATCHES:
		return pattern_match(c->re, text + cell->off, cell->len);
	case OP_GT: return x > c->values[0].v;
	case OP_GE: return x >= c->values[0].v;
	case OP_LT: return x < c->values[0].v;
	case OP_LE: return x <= c->values[0].v;
	case OP_BETWEEN:
		return x >= c->values[0].v && x <= c->values[1].v;
	default:
		return 0;
	}
}

static void
trace_field(const struct cond *c, const struct cell *cell, const char *text,
    int r, const struct cond_context *ctx, const char *label)
{
	static const char *const op_zh[NOPS] = { "等于", "不等于", "属于", "不属于",
		"匹配", "大于", "不小于", "小于", "不大于", "介于", "为空" };
	struct trace *t = ctx->trace;

	trace_printf(t, "%*s", 2 * t->depth, "");
	if (label != NULL)
		trace_printf(t, "[%s] ", label);
	if (t->zh) {
		const char *name = c->type && c->type->title_zh ? c->type->title_zh : c->field;

		trace_printf(t, "%s %s", name, op_zh[c->op]);
		if (c->op == OP_EMPTY)
			trace_printf(t, " %s", c->empty ? "是" : "否");
		for (size_t i = 0; i < c->nvalues; i++)
			trace_printf(t, "%s%s", i ? "、" : " ", c->values[i].text);
		trace_printf(t, "：“%.*s” → %s\n", (int)cell->len,
		    text + cell->off, r ? "是" : "否");
		return;
	}
	trace_printf(t, "%s %s", c->field, op_names[c->op]);
	if (c->op == OP_EMPTY)
		trace_printf(t, " %s", c->empty ? "true" : "false");
	for (size_t i = 0; i < c->nvalues; i++)
		trace_printf(t, "%s%s", i ? ", " : " ", c->values[i].text);
	trace_printf(t, ": \"%.*s\" -> %s\n", (int)cell->len,
	    text + cell->off, r ? "yes" : "no");
}

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

static const struct cell empty_cell;

/* The cell C reads, and the arena its text is in. */
static const struct cell *
cell_of(const struct cond *c, const struct cond_context *ctx,
    const struct cell *member, const char **text)
{
	size_t s = (size_t)c->slot;

	*text = ctx->mtext;
	if (c->member)
		return member ? &member[s] : &empty_cell;
	if (s < ctx->household_width) {
		*text = ctx->htext;
		return &ctx->household[s];
	}
	if (ctx->nmembers == 0)
		return &empty_cell;
	return &ctx->members[s - ctx->household_width];
}

static int
eval_at(const struct cond *c, struct cond_context *ctx,
    const struct cell *member, const char *label)
{
	struct trace *t = ctx->trace;
	long long count = 0;
	int r = 0;

	switch (c->kind) {
	case K_TRUE:
		return 1;
	case K_FIELD: {
		const char *text;
		const struct cell *cell = cell_of(c, ctx, member, &text);

		r = eval_field(c, cell, text ? text : "");
		if (r < 0) {
			ctx->failed = c;
			return r;
		}
		if (t != NULL)
			trace_field(c, cell, text ? text : "", r, ctx,
			    c->member ? label : NULL);
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
cond_eval(const struct cond *c, struct cond_context *ctx)
{
	ctx->failed = NULL;
	return eval_at(c, ctx, NULL, NULL);
}
