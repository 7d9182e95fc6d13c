/* Conditions of the rules language (SPEC §4): compiled once from YAML,
 * bound to the columns of the inputs, evaluated per household with no
 * allocation. */
#ifndef TPA_CONDITION_H
#define TPA_CONDITION_H

#include <stddef.h>

#include "rules/yamldoc.h"

struct cond;

/* Text of an explanation (--explain), grown as evaluation goes. */
struct trace {
	char *text;
	size_t len, cap;
	int depth;
};

/* What evaluation reads. Values are NUL-terminated; "" is missing. */
struct cond_context {
	const char *const *household;   /* by household slot */
	size_t nmembers;
	const char *const *members;     /* nmembers rows of member_width */
	size_t member_width;
	const char *const *member_labels;  /* for explanations; may be NULL */
	struct trace *trace;            /* NULL unless explaining */
	char *err;                      /* where an evaluation error goes */
	size_t errlen;
};

/* Compile node N of D (a mapping). IN_MEMBER: inside a member quantifier.
 * Returns NULL with the message in d->err. */
struct cond *cond_compile(struct yamldoc *d, yaml_node_t *n, int in_member);
void cond_free(struct cond *c);

/* Resolve field names to slots: household fields among HH_NAMES, member
 * fields among MEMBER_NAMES. RULE names the rule in messages, FILE the
 * rules file. Returns 0, or -1 with "FILE:LINE:COL: rule R: ..." in ERR. */
int cond_bind(struct cond *c, const char *const *hh_names, size_t nhh,
    const char *const *member_names, size_t nmember, const char *file,
    const char *rule, char *err, size_t errlen);

/* Call FN for every field the condition compares as a number (gt, ge, lt,
 * le, between, count thresholds excluded), with its scope (0 household,
 * 1 member). */
void cond_numeric_fields(const struct cond *c,
    void (*fn)(void *ctx, const char *field, int member), void *ctx);

/* Evaluate. Returns 1 or 0; -1 on an error (a pattern over its limits),
 * with the message in ctx->err. */
int cond_eval(const struct cond *c, const struct cond_context *ctx);

/* Append formatted text to a trace (no-op when T is NULL). */
void trace_printf(struct trace *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
