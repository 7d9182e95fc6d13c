#include "decide/eligibility.h"
#include "values/money.h"

long long
eligibility_pci(long long income, long long members)
{
	return money_div_round(income, members);
}

static void
add_reason(struct strbuf *b, const char *id)
{
	if (b->len > 0)
		strbuf_putc(b, ';');
	strbuf_puts(b, id);
}

/* Evaluate rule X; -1 when it cannot be. */
static int
holds(const struct rule *x, struct cond_context *ctx, struct trace *t,
    struct eligibility *out)
{
	int r;

	if (t != NULL) {
		if (t->zh)
			trace_printf(t, "%s  %s\n", x->id, x->title_zh ? x->title_zh :
			    x->title ? x->title : "");
		else
			trace_printf(t, "%s  %s%s%s\n", x->id, x->title ? x->title : "",
			    x->title && x->title_zh ? " / " : "", x->title_zh ? x->title_zh : "");
		t->depth = 1;
	}
	ctx->trace = t;
	r = cond_eval(x->when, ctx);
	if (r < 0) {
		out->failed = x;
		out->failed_cond = ctx->failed;
		return -1;
	}
	if (t != NULL) {
		t->depth = 0;
		trace_printf(t, "  => %s %s\n\n", x->id, t->zh ? (r ? "成立" : "不成立") :
		    r ? "HOLDS" : "does not hold");
	}
	return r;
}

static void
unverified(struct eligibility *out, enum reason why)
{
	strbuf_reset(&out->reasons);
	out->decision = DEC_UNVERIFIED;
	add_reason(&out->reasons, reason_code(why));
}

void
eligibility_decide(const struct rules *r, const struct eligibility_input *in,
    struct trace *t, struct eligibility *out)
{
	__extension__ typedef __int128 wide;
	int any = 0, h;

	strbuf_reset(&out->reasons);
	out->failed = NULL;
	out->failed_cond = NULL;
	if (!in->surveyed) {
		unverified(out, RSN_SURVEY_MISSING);
		return;
	}
	if (in->bad) {
		unverified(out, RSN_BAD_VALUE);
		return;
	}
	if (t != NULL)
		trace_printf(t, "%s", t->zh ? "一、排除情形（任一成立即排除）\n\n" :
		    "-- exclusions (any that holds excludes)\n\n");
	for (size_t i = 0; i < r->exclusions.n; i++) {
		if ((h = holds(&r->exclusions.items[i], in->ctx, t, out)) < 0) {
			unverified(out, RSN_BAD_VALUE);
			return;
		}
		if (h)
			add_reason(&out->reasons, r->exclusions.items[i].id);
	}
	if (out->reasons.len > 0) {
		out->decision = DEC_EXCLUDED;
		return;
	}
	if (in->pci < r->poverty_line) {
		out->decision = DEC_ELIGIBLE;
		return;
	}
	/* At or above the line: within line x (1 + margin), considerations. */
	if ((wide)in->pci * 1000000 <= (wide)r->poverty_line * (1000000 + r->margin)) {
		if (t != NULL)
			trace_printf(t, "%s", t->zh ? "二、参考条件（收入在上浮范围内，任一成立即纳入）\n\n" :
			    "-- considerations (income within the margin; any that holds admits)\n\n");
		for (size_t i = 0; i < r->considerations.n; i++) {
			if ((h = holds(&r->considerations.items[i], in->ctx, t, out)) < 0) {
				unverified(out, RSN_BAD_VALUE);
				return;
			}
			if (h) {
				add_reason(&out->reasons, r->considerations.items[i].id);
				any = 1;
			}
		}
		if (any) {
			out->decision = DEC_ELIGIBLE;
			return;
		}
	}
	out->decision = DEC_ABOVE_LINE;
	add_reason(&out->reasons, reason_code(RSN_INCOME));
}

void
eligibility_free(struct eligibility *e)
{
	strbuf_free(&e->reasons);
}

int
eligibility_year(const struct rules *r, int village_year)
{
	return r != NULL && r->year ? r->year : village_year;
}
