/* Conditions of the rules language (SPEC §4). A condition is compiled once
 * from YAML (cond_compile), checked against the field types of the rules
 * (cond_check: every field has a type, every literal is a value of it),
 * bound to the columns of the inputs (cond_bind) and evaluated on typed
 * cells with no allocation (cond_eval). */
#ifndef TPA_CONDITION_H
#define TPA_CONDITION_H

#include <stddef.h>

#include "base/strbuf.h"
#include "rules/yamldoc.h"
#include "values/field.h"

struct cond;

/* The text of an explanation (--explain), grown as evaluation goes. */
struct trace {
	struct strbuf text;
	int depth;
	int zh;                      /* in Chinese (the village's language) */
};

/* What evaluation reads: typed cells (values/field.h). A household slot
 * below HOUSEHOLD_WIDTH is HOUSEHOLD[slot]; a higher one is cell
 * (slot - HOUSEHOLD_WIDTH) of the first member (the head's applicant row). */
struct cond_context {
	const struct cell *household;
	size_t household_width;
	const struct cell *members;     /* nmembers rows of member_width, head first */
	size_t nmembers, member_width;
	const char *htext;              /* the arena of the household cells' text */
	const char *mtext;              /* the arena of the member cells' text */
	const char *const *member_labels;  /* names, for explanations; may be NULL */
	struct trace *trace;            /* NULL unless explaining */
	const struct cond *failed;      /* set when evaluation fails */
};

/* Compile node N of D (a mapping). IN_MEMBER: inside a member quantifier.
 * Literals are kept as written until cond_check. Returns NULL with the
 * message in d->err. */
struct cond *cond_compile(struct yamldoc *d, yaml_node_t *n, int in_member);
void cond_free(struct cond *c);

/* The type of a field name: declared in the rules, else built in; NULL
 * when it has none. */
typedef const struct field *(*cond_types)(void *ctx, const char *name);

/* Check C (from FILE) against the field types: a field with no type, a
 * comparison its type does not allow (gt on a code) or a literal that is
 * not a value of the type ("ye" for yes_no, a code not in the list) is a
 * problem; each is appended to ERRORS as a line "FILE:LINE:COL: message".
 * Literals become typed values. Returns the number of problems. */
size_t cond_check(struct cond *c, const char *file, cond_types types,
    void *ctx, struct strbuf *errors);

/* Bind every field of C to a slot: SLOT(ctx, field, member, line, col)
 * returns the slot of FIELD in the household (member 0) or member (1)
 * scope, or -1 when the inputs lack it (the resolver records it). Returns
 * the number of fields left unbound. */
typedef int (*cond_slot)(void *ctx, const char *field, int member,
    size_t line, size_t col);
size_t cond_bind(struct cond *c, cond_slot slot, void *ctx);

/* Call FN for every field cond_bind left unbound, with its scope and the
 * position of its condition in the rules file. */
void cond_unbound(const struct cond *c, void (*fn)(void *ctx, const char *field,
    int member, size_t line, size_t col), void *ctx);

/* Call FN for every field C reads, with its scope (0 household, 1 member). */
void cond_fields(const struct cond *c,
    void (*fn)(void *ctx, const char *field, int member), void *ctx);

/* Evaluate. Returns 1 or 0; -1 when a pattern went over its match limit,
 * with ctx->failed set to that condition. */
int cond_eval(const struct cond *c, struct cond_context *ctx);

/* The field and position of a condition (for messages about it). */
const char *cond_field(const struct cond *c);
size_t cond_line(const struct cond *c);

/* Append formatted text to a trace (no-op when T is NULL). */
void trace_printf(struct trace *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
