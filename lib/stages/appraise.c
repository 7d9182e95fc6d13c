/* tpa-appraise: read the primary list and the votes, decide with
 * decide/appraisal, write the appraised list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "decide/appraisal.h"
#include "household/list.h"
#include "household/votefile.h"
#include "stages/blocked.h"
#include "stages/appraise.h"
#include "stages/shell.h"
#include "values/money.h"
#include "values/text.h"

struct meeting {
	struct stage *st;
	struct strbuf notes;       /* vote rows reported, printed after the quorum */
	size_t nnotes;
	size_t not_eligible;       /* rows of households not eligible: counted */
};

/* A vote row reported by the reader: a row for a household that is not
 * eligible changes nothing and is the ordinary case (the meeting votes on
 * every applicant): counted in the summary, not said one by one. */
static void
on_note(void *ctx, const struct vote_note *n)
{
	struct meeting *m = ctx;

	if (n->not_eligible) {
		m->not_eligible++;
		return;
	}
	strbuf_printf(&m->notes, "%s: %s:%lu: %s\n", program_name(), n->file,
	    n->line, strbuf_str(n->text));
	m->nnotes++;
}

static void
quorum_message(struct stage *st, const struct appraisal_summary *sum)
{
	const struct village *v = &st->village;
	const struct rules *r = &st->rules;

	if (r->min_share >= 0)
		stage_warn(st, _("%s: quorum not met: %lld representatives present, "
		    "%lld needed (%lld.%lld%% of all %lld representatives); nobody "
		    "is proposed"), v->path, sum->present, sum->needed,
		    r->min_share / 10000, r->min_share / 1000 % 10, v->total);
	else
		stage_warn(st, _("%s: quorum not met: %lld representatives present, "
		    "%lld needed for a village of %lld people; nobody is proposed"),
		    v->path, sum->present, sum->needed, v->population);
}

/* How household H was appraised: the vote, the quorum, its rank among
 * those that passed, and the running total against the quota. */
static void
decision_words(enum decision d, int zh, struct strbuf *b)
{
	size_t n;
	const char *label = enum_label(&enum_decision, (int)d, &n);

	if (zh)
		strbuf_printf(b, "%.*s（%s）", (int)n, label, decision_code(d));
	else
		strbuf_puts(b, decision_code(d));
}

static void
explain(const struct hhlist *l, long h, const struct vote *votes,
    const struct appraisal *out, const struct appraisal_summary *sum, int zh)
{
	const struct list_row *row = &l->row[h];
	const struct vote *v = &votes[h];
	const char *hid = hhlist_cell(l, (size_t)h, l->col[L_HOUSEHOLD]);
	char pci[MONEY_BUF];
	long long before = 0;
	struct strbuf d = { 0 };

	if (row->has & LR_PCI)
		money_format(pci, row->pci);
	decision_words(row->decision, zh, &d);
	if (zh) {
		printf("第%s户：评议前为%s；家庭人口%lld人，人均纯收入%s\n", hid,
		    strbuf_str(&d), (long long)row->members,
		    row->has & LR_PCI ? pci : "不详");
		printf("民主评议：到会代表%lld人，至少需要%lld人：%s\n", sum->present,
		    sum->needed, sum->blocked ? "不足法定人数，评议无效" : "达到法定人数");
	} else {
		printf("household %s: %s before the appraisal; %lld members, per-capita "
		    "income %s\n", hid, strbuf_str(&d), (long long)row->members,
		    row->has & LR_PCI ? pci : "unknown");
		printf("meeting: %lld representatives present, %lld needed: quorum %s\n",
		    sum->present, sum->needed, sum->blocked ? "NOT MET" : "met");
	}
	strbuf_reset(&d);
	if (row->decision != DEC_ELIGIBLE) {
		decision_words(row->decision, zh, &d);
		printf(zh ? "不参加评议：只对符合条件的户评议\n结论：%s\n" :
		    "not appraised: only eligible households are voted on\ndecision: %s\n",
		    strbuf_str(&d));
		strbuf_free(&d);
		return;
	}
	if (v->state == VOTE_OK) {
		int passes = appraisal_passes(v->n[0], sum->present);

		if (zh)
			printf("表决：赞成%lld票，反对%lld票，弃权%lld票；赞成票须超过到会代表"
			    "%lld人的一半：%s\n", v->n[0], v->n[1], v->n[2], sum->present,
			    passes ? "通过" : "未通过");
		else
			printf("votes: %lld for, %lld against, %lld abstaining; passes when "
			    "more than %lld/2 are for: %s\n", v->n[0], v->n[1], v->n[2],
			    sum->present, passes ? "passed" : "not passed");
	} else {
		printf(zh ? "表决：%s\n" : "votes: %s\n", v->state == VOTE_BAD ?
		    (zh ? "票数记录有误（见运行时的提示）" : "the vote row is bad (see the "
		    "messages of a run)") : (zh ? "没有表决记录" : "no vote row"));
	}
	if (out[h].rank > 0) {
		long cut = -1;   /* the first household that did not fit */

		for (size_t i = 0; i < l->nrows; i++) {
			if (out[i].rank <= 0 || out[i].rank >= out[h].rank)
				continue;
			if (out[i].decision == DEC_PROPOSED)
				before += l->row[i].members;
			else if (out[i].decision == DEC_OVER_QUOTA &&
			    (cut < 0 || out[i].rank < out[cut].rank))
				cut = (long)i;
		}
		if (cut >= 0) {
			/* The quota closed at an earlier household: this one
			 * is over it whatever its size (decide/appraisal.c). */
			const char *cid = hhlist_cell(l, (size_t)cut, l->col[L_HOUSEHOLD]);
			long long cm = (long long)l->row[cut].members;

			decision_words(out[h].decision, zh, &d);
			if (zh)
				printf("排序：通过评议的户中第%lld位（按人均纯收入由低到高，再按赞成票由多到"
				    "少，再按户编号）\n规模：%lld人；排在前面的%s（第%lld位，%lld人）已放不下"
				    "（已纳入%lld人，加上该户共%lld人），从该户起其后各户均超出规模 → %s\n",
				    out[h].rank, sum->quota, cid, out[cut].rank, cm, before,
				    before + cm, strbuf_str(&d));
			else
				printf("rank %lld of the households that passed (per-capita "
				    "income ascending, then votes for, then household number)\n"
				    "quota %lld people; %s (rank %lld, %lld people) did not fit "
				    "(%lld admitted, %lld with it), and every household from it "
				    "on is over the quota -> %s\n", out[h].rank, sum->quota, cid,
				    out[cut].rank, cm, before, before + cm, strbuf_str(&d));
			strbuf_reset(&d);
			goto decided;
		}
		decision_words(out[h].decision, zh, &d);
		if (zh) {
			printf("排序：通过评议的户中第%lld位（按人均纯收入由低到高，再按赞成票由多到少，"
			    "再按户编号）\n", out[h].rank);
			printf("规模：%lld人；排在前面已纳入%lld人，加上本户%lld人共%lld人 → %s\n",
			    sum->quota, before, (long long)row->members,
			    before + (long long)row->members, strbuf_str(&d));
		} else {
			printf("rank %lld of the households that passed (per-capita income "
			    "ascending, then votes for, then household number)\n", out[h].rank);
			printf("quota %lld people; %lld admitted before it; with its %lld: "
			    "%lld -> %s\n", sum->quota, before, (long long)row->members,
			    before + (long long)row->members, strbuf_str(&d));
		}
		strbuf_reset(&d);
	}
decided:
	decision_words(out[h].decision, zh, &d);
	if (zh)
		printf("结论：%s%s%s\n", strbuf_str(&d), out[h].reason != NREASONS ?
		    "  增加原因：" : "", out[h].reason != NREASONS ? reason_code(out[h].reason) : "");
	else
		printf("decision: %s%s%s\n", strbuf_str(&d), out[h].reason != NREASONS ?
		    "  reason added: " : "", out[h].reason != NREASONS ? reason_code(out[h].reason) : "");
	strbuf_free(&d);
}

int
appraise_run(const struct appraise_options *o)
{
	struct stage st;
	struct meeting m;
	struct hhlist l;
	struct vote *votes = NULL;
	struct appraisal *out = NULL;
	struct appraisal_summary sum;
	struct outfile *f = NULL;
	struct strbuf err = { 0 };
	char sha[DIGEST_HEX], c[5][32];
	int status = EXIT_ERROR;

	memset(&m, 0, sizeof m);
	memset(&l, 0, sizeof l);
	m.st = &st;
	stage_begin(&st, "appraise", o->quiet);
	if (o->explain == NULL)
		stage_target(&st, o->output);
	st.town_dir = o->town;
	st.county_dir = o->county;
	if (stage_load_village(&st, o->village, 1) != 0 ||
	    stage_load_rules(&st, o->rules, o->include_anywhere) != 0 ||
	    stage_load_columns(&st, o->columns) != 0 ||
	    stage_input(&st, o->primary) != 0 || stage_input(&st, o->votes) != 0)
		goto out;
	if (o->explain == NULL && (f = stage_output(&st, o->output, OUTFILE_PRIVATE)) == NULL)
		goto out;
	{
		struct list_options lo = { o->primary, o->encoding, st.aliases,
			&st.rules, st.lang };

		if (hhlist_read(&l, &lo, NULL, NULL, &err) != 0) {
			stage_fail_lines(&st, &err);
			goto out;
		}
	}
	stage_read(&st, o->primary, l.sha256);
	votes = xcalloc(l.nrows + 1, sizeof *votes);
	out = xcalloc(l.nrows + 1, sizeof *out);
	{
		struct votefile_options vo = { o->votes, o->encoding, st.aliases,
			st.village.representatives };

		if (votefile_read(&vo, &l, votes, on_note, &m, sha, &err) != 0) {
			stage_fail_lines(&st, &err);
			goto out;
		}
	}
	stage_read(&st, o->votes, sha);
	if (appraisal_decide(&st.rules, &st.village, &l, votes, out, &sum, &err) != 0) {
		stage_fail_lines(&st, &err);
		goto out;
	}
	if (o->explain != NULL) {
		long h = hhlist_lookup(&l, o->explain);

		if (h < 0) {
			stage_fail(&st, _("household %s is not in %s"), o->explain, o->primary);
			goto out;
		}
		explain(&l, h, votes, out, &sum, st.lang == LANG_ZH);
		status = EXIT_DONE;
		goto out;
	}
	/* The cause first, then the rows it set aside. */
	if (sum.blocked)
		quorum_message(&st, &sum);
	fputs(strbuf_str(&m.notes), stderr);
	appraisal_write(&l, votes, out);
	hhlist_write(&l, f);
	{
		struct strbuf why = { 0 };
		int rc;

		blocked_quorum(&why, sum.present, sum.needed);
		rc = stage_commit_blocked(&st, sum.blocked ? strbuf_str(&why) : NULL);
		strbuf_free(&why);
		if (rc != 0)
			goto out;
	}
	status = sum.blocked ? EXIT_BLOCKED : EXIT_DONE;
	if (!o->quiet)
		fprintf(stderr, _("appraised: %s proposed, %s voted down, %s over the "
		    "quota of %s people, %s not appraised\n"),
		    text_count(c[0], sum.proposed), text_count(c[1], sum.voted_down),
		    text_count(c[2], sum.over_quota), text_count(c[3], (uint64_t)sum.quota),
		    text_count(c[4], sum.not_appraised));
	if (!o->quiet && m.not_eligible > 0)
		fprintf(stderr, ngettext("%s vote row for a household that is not "
		    "eligible changes nothing\n", "%s vote rows for households that "
		    "are not eligible change nothing\n", (unsigned long)m.not_eligible),
		    text_count(c[0], m.not_eligible));
out:
	free(votes);
	free(out);
	hhlist_free(&l);
	strbuf_free(&m.notes);
	strbuf_free(&err);
	return stage_end(&st, status);
}
