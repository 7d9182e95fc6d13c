/* tpa-survey: read -> decide -> write. survey.csv is read whole (one row
 * per household); applicants.csv is read one household at a time, joined
 * to its survey row, decided (decide/eligibility) and added to the primary
 * list, which is written sorted by household.
 *
 * applicants.csv as tpa-apply writes it is sorted already: each household's
 * row is then written as soon as it is decided, and memory holds one. When
 * a household comes out of order (a file sorted by hand, say), the pass
 * stops and the files are read again, this time keeping the whole list to
 * sort it. Inputs that cannot be read twice (standard input, a pipe) and
 * outputs that cannot be started again (standard output, a device) get the
 * whole list from the start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strmap.h"
#include "decide/eligibility.h"
#include "household/list.h"
#include "household/people.h"
#include "io/paths.h"
#include "io/rejects.h"
#include "stages/surveying.h"
#include "stages/shell.h"
#include "stages/survey.h"
#include "values/hhnumber.h"
#include "values/money.h"
#include "values/text.h"

/* Unlisted values of code fields with other: allow, counted. */
struct unlisted {
	char *field;
	struct strmap counts;        /* value -> count */
};

struct run {
	const struct survey_options *o;
	struct stage st;
	struct surveyset ss;
	struct hhlist list;
	struct rejects rejects;
	const char *village_code;
	int group_col;                   /* in the list, or -1 */
	int group_cell;                  /* in applicants.csv, or -1 */
	int name_cell, id_cell;
	int *survey_col;                 /* per survey cell: list column, or -1 */
	int explained;
	size_t counts[NDECISIONS];
	size_t households;
	struct unlisted *unlisted;
	size_t nunlisted;
	struct strbuf msg;
	struct strbuf notes;             /* --explain: the household's warnings */
	struct hhlist_stream *stream;    /* writing as households come, or NULL */
	int out_of_order;                /* the stream met a household out of order */
	char *first_village;             /* the first row's village_code */
};

static void
on_problem(void *ctx, const struct read_problem *p)
{
	struct run *run = ctx;

	(p->warning ? rejects_warn : rejects_add)(&run->rejects, p->file,
	    p->line, p->household, p->id, p->id_len, p->field, p->code,
	    p->message);
}

/* An unlisted word: a warning row naming the household, the column and
 * the word (shown with --explain for the household explained), and
 * counted for the summary. */
static void
on_other(void *ctx, const struct read_problem *p, const char *value)
{
	struct run *run = ctx;
	struct unlisted *u = NULL;
	const char *field = p->field;
	uint32_t *n;
	int inserted;

	if (run->o->explain != NULL && hhnumber_same(run->o->explain, p->household))
		strbuf_printf(&run->notes, "%s%s\n", run->st.lang == LANG_ZH ?
		    "注意：" : "note: ", p->message);
	on_problem(ctx, p);

	for (size_t i = 0; i < run->nunlisted; i++)
		if (strcmp(run->unlisted[i].field, field) == 0)
			u = &run->unlisted[i];
	if (u == NULL) {
		run->unlisted = xrealloc(run->unlisted,
		    (run->nunlisted + 1) * sizeof *run->unlisted);
		u = &run->unlisted[run->nunlisted++];
		u->field = xstrdup(field);
		strmap_init(&u->counts);
	}
	n = strmap_put(&u->counts, value, strlen(value), 0, &inserted);
	(*n)++;
}

/* The list's columns: the leading ones, the head's group, the survey's —
 * the known ones in the spec's order, then the others in the file's. */
static int
on_header(void *ctx, const struct surveyset *ss, const struct schema *a)
{
	struct run *run = ctx;

	run->group_cell = a->cols.pos[P_GROUP];
	run->name_cell = a->cols.pos[P_NAME];
	run->id_cell = a->cols.pos[P_ID];
	if (run->group_cell >= 0)
		run->group_col = hhlist_column(&run->list, "group", NULL);
	run->survey_col = xcalloc(ss->schema.cols.ncells + 1, sizeof *run->survey_col);
	for (size_t i = 0; i < ss->schema.cols.ncells; i++)
		run->survey_col[i] = -1;
	for (int k = 1; k < S_NKNOWN; k++) {
		int pos = ss->schema.cols.pos[k];

		if (pos >= 0)
			run->survey_col[pos] = hhlist_column(&run->list, survey_known[k],
			    ss->schema.field[pos]);
		else
			(void)hhlist_column(&run->list, survey_known[k], NULL);
	}
	for (size_t i = 0; i < ss->schema.cols.ncells; i++)
		if (ss->schema.cols.slot[i] < 0 && ss->schema.cols.name[i] != NULL)
			run->survey_col[i] = hhlist_column(&run->list,
			    ss->schema.cols.name[i], ss->schema.field[i]);
	return 0;
}

/* The four parts of the income, as the survey row has them. */
static void
income_parts(const struct surveyed *s, struct strbuf *b, int zh)
{
	static const int parts[4] = { S_WAGE, S_BUSINESS, S_PROPERTY, S_TRANSFER };
	char total[MONEY_BUF];
	long long sum = 0;

	for (int k = 0; k < 4; k++) {
		int pos = s->ss->schema.cols.pos[parts[k]];
		const struct cell *c = &s->ss->cells[s->row->cells + (size_t)pos];
		const struct field *f = field_builtin(survey_known[parts[k]]);

		/* blank: read as 0 by the rules' blank_as_zero */
		strbuf_printf(b, "%s%s %s", k ? " + " : "", zh ? f->title_zh : f->name,
		    c->len > 0 ? s->ss->text + c->off : zh ? "0（空白，按本县规定计为0）" :
		    "0 (blank, 0 by the county's rule)");
		sum += c->v;
	}
	strbuf_printf(b, zh ? " = %s 元" : " = %s yuan", money_format(total, sum));
}

static void
explain(struct run *run, const struct surveyed *s)
{
	const struct rules *r = &run->st.rules;
	char line[MONEY_BUF], p[MONEY_BUF], top[MONEY_BUF];
	int zh = run->st.lang == LANG_ZH;
	struct strbuf b = { 0 };
	size_t n;
	const char *label = enum_label(&enum_decision, (int)s->e->decision, &n);

	money_format(line, r->poverty_line);
	money_format(top, r->poverty_line * (1000000 + r->margin) / 1000000);
	if (s->surveyed)
		income_parts(s, &b, zh);
	if (zh) {
		printf("第%s户：家庭人口%zu人\n", s->h->id, s->h->nmembers);
		if (s->surveyed)
			printf("收入：%s，÷ %zu人 = 人均纯收入 %s 元\n", strbuf_str(&b),
			    s->h->nmembers, money_format(p, s->pci));
		else
			printf("收入：不详（没有有效的入户调查记录）\n");
		printf("扶贫标准 %s 元；人均纯收入不超过 %s 元时，参考条件之一成立即可纳入\n\n",
		    line, top);
	} else {
		printf("household %s: members %zu, per-capita income %s, poverty line %s "
		    "(margin to %s)\n", s->h->id, s->h->nmembers,
		    s->surveyed ? money_format(p, s->pci) : "unknown (no valid survey row)",
		    line, top);
		if (s->surveyed)
			printf("income: %s, / %zu members = %s per person\n",
			    strbuf_str(&b), s->h->nmembers, p);
		printf("\n");
	}
	fputs(strbuf_str(&run->notes), stdout);
	if (run->notes.len > 0)
		fputc('\n', stdout);
	fputs(strbuf_str(&s->trace->text), stdout);
	if (zh)
		printf("结论：%.*s（%s）%s%s\n", (int)n, label,
		    decision_code(s->e->decision), s->e->reasons.len ? "  原因：" : "",
		    strbuf_str(&s->e->reasons));
	else
		printf("decision: %s%s%s\n", decision_code(s->e->decision),
		    s->e->reasons.len ? "  reasons: " : "", strbuf_str(&s->e->reasons));
	strbuf_free(&b);
	run->explained = 1;
}

static int
on_household(void *ctx, const struct surveyed *s)
{
	struct run *run = ctx;
	const struct household *h = s->h;
	char buf[FIELD_BUF];
	size_t r;

	run->households++;
	run->counts[s->e->decision]++;
	if (s->trace != NULL)
		explain(run, s);
	if (run->o->explain != NULL)
		return 0;
	if (s->row != NULL) {
		/* survey.csv may write the number otherwise (a spreadsheet drops
		 * leading zeros): the list keeps applicants.csv's form */
		const char *written = surveyset_household(&run->ss, s->row);

		if (strcmp(written, h->id) != 0) {
			int longer = strlen(h->id) > strlen(written);

			strbuf_reset(&run->msg);
			wording(&run->msg, run->st.lang, longer ? MSG_ZEROS_RESTORED :
			    MSG_ZEROS_DROPPED, written, h->id);
			rejects_warn(&run->rejects, run->ss.file, s->row->line, written,
			    NULL, 0, "household_id", longer ? "LEADING_ZEROS_RESTORED" :
			    "LEADING_ZEROS_DROPPED", strbuf_str(&run->msg));
		}
	}
	r = hhlist_add(&run->list, h->id, h->line);
	hhlist_set_str(&run->list, r, run->list.col[L_VILLAGE],
	    *h->village_code ? h->village_code : run->village_code);
	if (h->heads == 1 && h->nmembers > 0 && h->member[0].head) {
		const struct cell *head = h->mcells;

		hhlist_set(&run->list, r, run->list.col[L_HEAD_NAME],
		    h->text + head[run->name_cell].off, head[run->name_cell].len);
		hhlist_set(&run->list, r, run->list.col[L_HEAD_ID],
		    h->text + head[run->id_cell].off, head[run->id_cell].len);
		if (run->group_col >= 0)
			hhlist_set(&run->list, r, run->group_col,
			    h->text + head[run->group_cell].off, head[run->group_cell].len);
	}
	hhlist_set_str(&run->list, r, run->list.col[L_MEMBERS],
	    number_format(buf, (int64_t)h->nmembers * 1000000));
	if (s->priced)
		hhlist_set_str(&run->list, r, run->list.col[L_PCI], money_format(buf, s->pci));
	hhlist_set_str(&run->list, r, run->list.col[L_POVERTY_LINE],
	    money_format(buf, run->st.rules.poverty_line));
	hhlist_set_decision(&run->list, r, s->e->decision);
	hhlist_set_str(&run->list, r, run->list.col[L_REASONS], strbuf_str(&s->e->reasons));
	if (s->surveyed)
		for (size_t i = 0; i < run->ss.schema.cols.ncells; i++)
			if (run->survey_col[i] >= 0) {
				const struct cell *c = &run->ss.cells[s->row->cells + i];

				hhlist_set(&run->list, r, run->survey_col[i],
				    run->ss.text + c->off, c->len);
			}
	if (run->first_village == NULL)
		run->first_village = xstrdup(hhlist_cell(&run->list, r,
		    run->list.col[L_VILLAGE]));
	if (run->stream != NULL && hhlist_stream_row(run->stream, &run->list) != 0) {
		run->out_of_order = 1;
		return 1;
	}
	return 0;
}

struct seen_value {
	const char *text;
	uint32_t count;
};

/* Most seen first, then bytewise: the same order on every machine. */
static int
by_count(const void *a, const void *b)
{
	const struct seen_value *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* "occupation: 3 values not in the list: 个体 (12), 教师 (4), 司机 (1)":
 * on standard error (the summary) in the terminal's language, the column
 * under its Chinese title when the line is translated (the catalogue tpa
 * ships is Chinese: "职业：有 3 个值不在代码表中：…"); on standard output
 * (--explain) in English whatever the locale. */
static void
print_unlisted(struct run *run, FILE *fp)
{
	struct strbuf head = { 0 };

	for (size_t i = 0; i < run->nunlisted; i++) {
		struct strmap *m = &run->unlisted[i].counts;
		struct seen_value *v = xcalloc(m->count + 1, sizeof *v);
		const char *name = run->unlisted[i].field;
		size_t n = 0;

		for (size_t s = 0; s < m->cap; s++)
			if (m->slots[s].used) {
				v[n].text = strmap_key(m, &m->slots[s].value);
				v[n++].count = m->slots[s].value;
			}
		qsort(v, n, sizeof *v, by_count);
		strbuf_reset(&head);
		if (fp == stderr) {
			const char *fmt = ngettext("%s: %zu value not in the list:",
			    "%s: %zu values not in the list:", n);
			enum lang tl = strstr(fmt, " not in the list:") ? LANG_EN : LANG_ZH;

			strbuf_printf(&head, fmt, field_label(rules_field(&run->st.rules,
			    name), name, tl), n);
		} else
			strbuf_printf(&head, "%s: %zu value%s not in the list:",
			    name, n, n == 1 ? "" : "s");
		fputs(strbuf_str(&head), fp);
		for (size_t k = 0; k < n; k++)
			fprintf(fp, "%s %s (%u)", k ? "," : "", v[k].text, v[k].count);
		fputc('\n', fp);
		free(v);
	}
	strbuf_free(&head);
}

static void
orphans(struct run *run)
{
	for (size_t i = 0; i < run->ss.nrows; i++) {
		const struct survey_row *row = &run->ss.rows[i];
		struct strbuf q = { 0 };
		const char *hid;

		if (row->used)
			continue;
		hid = surveyset_household(&run->ss, row);
		text_quote(&q, hid, strlen(hid));
		strbuf_reset(&run->msg);
		wording(&run->msg, run->st.lang, MSG_ORPHAN_SURVEY,
		    field_label(field_builtin("household_id"), "household_id",
		    run->st.lang), strbuf_str(&q));
		rejects_add(&run->rejects, run->ss.file, row->line, hid, NULL, 0,
		    "household_id", "ORPHAN_SURVEY", strbuf_str(&run->msg));
		strbuf_free(&q);
	}
}

static void
summary(struct run *run)
{
	char c[6][32];

	fprintf(stderr, _("primary: %s households: %s eligible, %s excluded, "
	    "%s above the line, %s unverified; %s problems in the survey "
	    "rejects\n"), text_count(c[0], run->households),
	    text_count(c[1], run->counts[DEC_ELIGIBLE]),
	    text_count(c[2], run->counts[DEC_EXCLUDED]),
	    text_count(c[3], run->counts[DEC_ABOVE_LINE]),
	    text_count(c[4], run->counts[DEC_UNVERIFIED]),
	    text_count(c[5], run->rejects.n));
	if (run->ss.empty_rows > 0)
		fprintf(stderr, ngettext("%s: %s empty row skipped\n",
		    "%s: %s empty rows skipped\n", run->ss.empty_rows),
		    run->ss.file, text_count(c[0], run->ss.empty_rows));
}

/* Forget what a pass found, for the next pass or the end. */
static void
pass_free(struct run *run)
{
	surveyset_free(&run->ss);
	hhlist_free(&run->list);
	rejects_free(&run->rejects);
	strbuf_free(&run->msg);
	strbuf_free(&run->notes);
	free(run->survey_col);
	run->survey_col = NULL;
	for (size_t i = 0; i < run->nunlisted; i++) {
		free(run->unlisted[i].field);
		strmap_free(&run->unlisted[i].counts);
	}
	free(run->unlisted);
	run->unlisted = NULL;
	run->nunlisted = 0;
	free(run->first_village);
	run->first_village = NULL;
	run->group_col = -1;
	run->explained = 0;
	run->households = 0;
	memset(run->counts, 0, sizeof run->counts);
	run->out_of_order = 0;
	run->stream = NULL;
}

/* One pass over survey.csv and applicants.csv, writing through STREAM
 * when it is not NULL. Returns 0, or -1 with a message in ERR (empty when
 * the stream stopped it: run->out_of_order). */
static int
pass(struct run *run, struct hhlist_stream *stream, char sha[DIGEST_HEX],
    struct strbuf *err)
{
	const struct survey_options *o = run->o;
	struct stage *st = &run->st;
	struct surveying_options so = { o->applicants, o->survey, o->encoding,
		st->aliases, &st->rules, eligibility_year(&st->rules,
		st->have_village ? st->village.year : 0), st->lang,
		o->quiet ? NULL : program_name(), o->explain };
	struct surveying_handler sh = { run, on_header, on_household,
		on_problem, on_other };

	run->stream = stream;
	rejects_init(&run->rejects, "survey", run->village_code);
	hhlist_init(&run->list, o->output ? o->output : "-");
	return surveying_run(&so, &sh, &run->ss, sha, err);
}

int
survey_run(const struct survey_options *o)
{
	struct run run;
	struct stage *st = &run.st;
	struct outfile *out = NULL, *rej = NULL;
	char *rejects_path = NULL;
	struct strbuf err = { 0 };
	struct hhlist_stream stream;
	char sha[DIGEST_HEX];
	int status = EXIT_ERROR, streaming = 0;

	memset(&run, 0, sizeof run);
	memset(&stream, 0, sizeof stream);
	run.o = o;
	run.group_col = -1;
	stage_begin(st, "survey", o->quiet);
	if (o->explain == NULL)
		stage_target(st, o->output);
	st->town_dir = o->town;
	st->county_dir = o->county;
	if (stage_load_village(st, o->village, 0) != 0 ||
	    stage_load_rules(st, o->rules, o->include_anywhere) != 0 ||
	    stage_load_columns(st, o->columns) != 0 ||
	    stage_input(st, o->applicants) != 0 || stage_input(st, o->survey) != 0)
		goto out;
	run.village_code = st->have_village ? st->village.code : "";
	if (o->explain == NULL) {
		if ((out = stage_output(st, o->output, OUTFILE_PRIVATE)) == NULL)
			goto out;
		rejects_path = o->rejects ? xstrdup(o->rejects) :
		    stage_beside(st, out, "rejects-survey.csv");
		if ((rej = stage_output(st, rejects_path, OUTFILE_PUBLIC)) == NULL)
			goto out;
	}
	if (out != NULL && outfile_rewindable(out) && path_is_file(o->applicants) &&
	    path_is_file(o->survey)) {
		hhlist_stream_init(&stream, out);
		streaming = 1;
		if (pass(&run, &stream, sha, &err) != 0 && !run.out_of_order) {
			stage_fail_lines(st, &err);
			goto out;
		}
		if (run.out_of_order) {
			char e[1024];

			pass_free(&run);
			hhlist_stream_free(&stream);
			strbuf_reset(&err);
			streaming = 0;
			if (outfile_rewind(out, e, sizeof e) != 0) {
				stage_fail(st, "%s", e);
				goto out;
			}
		}
	}
	if (!streaming && pass(&run, NULL, sha, &err) != 0) {
		stage_fail_lines(st, &err);
		goto out;
	}
	/* The village's code for the rejects, from the list when no village. */
	if (!st->have_village && run.first_village != NULL)
		run.rejects.village_code = run.first_village;
	stage_read(st, o->applicants, sha);
	stage_read(st, o->survey, run.ss.sha256);
	if (o->explain != NULL) {
		if (!run.explained) {
			stage_fail(st, _("household %s is not in %s"), o->explain, o->applicants);
			goto out;
		}
		if (run.nunlisted > 0)
			print_unlisted(&run, stdout);
		status = EXIT_DONE;
		goto out;
	}
	orphans(&run);
	if (streaming)
		hhlist_stream_end(&stream, &run.list);
	else
		hhlist_write(&run.list, out);
	rejects_write(&run.rejects, rej);
	if (stage_commit(st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet) {
		summary(&run);
		print_unlisted(&run, stderr);
	}
out:
	free(rejects_path);
	strbuf_free(&err);
	hhlist_stream_free(&stream);
	pass_free(&run);
	return stage_end(st, status);
}
