#include <string.h>

#include "decide/registry.h"

static int
first_holding(const struct rule_list *l, struct cond_context *ctx,
    struct trace *t, size_t from, size_t *which)
{
	for (size_t i = from; i < l->n; i++) {
		int h;

		ctx->trace = t;
		if (t != NULL)
			trace_printf(t, "%s\n", l->items[i].id);
		if ((h = cond_eval(l->items[i].when, ctx)) < 0)
			return -1;
		if (t != NULL)
			trace_printf(t, "  => %s %s\n", l->items[i].id,
			    h ? "HOLDS" : "does not hold");
		if (h) {
			*which = i;
			return 1;
		}
	}
	return 0;
}

static int
code_index(const struct enum_def *def, const char *code)
{
	int i = enum_lookup(def, code, strlen(code));

	return i;
}

int
registry_attribute(const struct rules *r, struct cond_context *ctx,
    struct trace *t)
{
	size_t i;
	int h = first_holding(&r->attributes, ctx, t, 0, &i);

	if (h < 0)
		return -1;
	return h ? code_index(&enum_attribute, r->attributes.items[i].id) : 0;
}

int
registry_causes(const struct rules *r, struct cond_context *ctx, int surveyed,
    int *main, struct strbuf *others, struct trace *t)
{
	size_t from = 0, i;
	int h, n = 0, said[2] = { -1, -1 };

	strbuf_reset(others);
	*main = surveyed;
	while (from < r->causes.n && n < 2) {
		if ((h = first_holding(&r->causes, ctx, t, from, &i)) < 0)
			return -1;
		if (!h)
			break;
		from = i + 1;
		{
			int c = code_index(&enum_cause, r->causes.items[i].id);

			if (*main < 0) {
				*main = c;
				continue;
			}
			/* each cause once: the main one, then at most two others */
			if (c == *main || c == said[0] || c == said[1])
				continue;
			strbuf_printf(others, "%s%s", n ? ";" : "", enum_code(&enum_cause, c));
			said[n++] = c;
		}
	}
	if (*main < 0)
		*main = code_index(&enum_cause, "other");
	return 0;
}

int
registry_exit(const struct rules *r, struct cond_context *ctx, struct trace *t)
{
	if (r->exit == NULL)
		return 0;
	ctx->trace = t;
	return cond_eval(r->exit, ctx);
}

void
registry_status(int confirmed, int exits, const struct registry_entry *entry,
    int year, struct registry_status *out)
{
	int registered = entry->known && entry->status != STATUS_EXITED;

	out->listed = 1;
	out->registered_since = entry->registered_since;
	out->exited_year = entry->exited_year;
	if (confirmed) {
		if (registered) {
			out->status = STATUS_CONTINUING;
		} else if (entry->exited_year > 0 ||
		    (entry->known && entry->status == STATUS_EXITED)) {
			out->status = STATUS_RETURNED;
		} else {
			out->status = STATUS_NEW;
			out->registered_since = year;
		}
		if (out->registered_since == 0)
			out->registered_since = year;
		out->exited_year = 0;    /* empty unless exited (SPEC §3) */
		return;
	}
	if (!registered) {
		/* Neither registered last year nor this year: no row. */
		out->listed = 0;
		return;
	}
	if (exits > 0) {
		out->status = STATUS_EXITED;
		out->exited_year = year;
	} else {
		out->status = STATUS_UNEXPLAINED;
	}
}
