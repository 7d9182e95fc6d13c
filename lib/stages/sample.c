/* sample.csv, and the draw of an area: see sample.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "household/list.h"
#include "household/previous.h"
#include "io/csvout.h"
#include "io/digest.h"
#include "io/paths.h"
#include "rules/columns.h"
#include "stages/sample.h"
#include "values/idnumber.h"

enum { SEV_WARNING = 1, SEV_INFO = 2 };

void
sample_add(struct sample *s, const char *const *cells)
{
	struct sample_row *r;
	int n = s->area ? SAMPLE_AREA_COLS : SAMPLE_COLS;

	xgrow(&s->row, &s->cap, s->nrows + 1, sizeof *s->row);
	r = &s->row[s->nrows++];
	memset(r, 0, sizeof *r);
	for (int k = 0; k < n; k++)
		r->cells[k] = xstrdup(cells[k]);
}

static int
by_household(const void *x, const void *y)
{
	const struct sample_row *a = x, *b = y;
	int c = strcmp(a->cells[0], b->cells[0]);

	return c ? c : strcmp(a->cells[1], b->cells[1]);
}

void
sample_write(struct sample *s, struct outfile *out)
{
	static const char *const head[SAMPLE_AREA_COLS] = { "village_code",
		"household_id", "head_name", "head_id_number", "members", "decision",
		"stratum", "stratum_households", "drawn", "inclusion_probability",
		"why", "verify" };
	size_t n = s->area ? SAMPLE_AREA_COLS : SAMPLE_COLS;
	struct csvout w;

	if (s->nrows > 0)
		qsort(s->row, s->nrows, sizeof *s->row, by_household);
	csvout_init(&w, out, CSVOUT_HUMAN);
	csvout_bom(&w);
	csvout_row(&w, head, n);
	for (size_t i = 0; i < s->nrows; i++)
		csvout_row(&w, (const char *const *)s->row[i].cells, n);
}

void
sample_free(struct sample *s)
{
	for (size_t i = 0; i < s->nrows; i++)
		for (int k = 0; k < SAMPLE_AREA_COLS; k++)
			free(s->row[i].cells[k]);
	free(s->row);
	memset(s, 0, sizeof *s);
}

/* --- the draw of an area ------------------------------------------------ */

enum stratum { HELP, NOT_HELPED, EXITING, NSTRATA };
static const char *const strata[NSTRATA] = { "help", "not_helped", "exiting" };

/* A household of the received list, with its key. */
struct ranked {
	size_t row;
	char key[DIGEST_HEX];
	const char *id;
};

static const char *
level_word(enum level l, enum lang lang)
{
	if (lang == LANG_EN)
		return level_code(l);
	return l == LEVEL_TOWN ? "乡镇" : "县";
}

static void
say(const struct sample_report *r, const struct sample_village *v, int sev,
    const char *code, enum msg m, ...)
{
	struct strbuf b = { 0 };
	va_list ap;

	va_start(ap, m);
	wording_v(&b, v->lang, m, ap);
	va_end(ap);
	r->finding(r->ctx, sev, code, v->code, strbuf_str(&b));
	strbuf_free(&b);
}

static int
by_key(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	int c = strcmp(a->key, b->key);

	return c ? c : strcmp(a->id, b->id);
}

static void
ignore_problem(void *ctx, const struct read_problem *p)
{
	/* the village's own list is audited; this copy has its ledger's hash */
	(void)ctx;
	(void)p;
}

/* The households of last year's registry that were registered (not
 * exited), read from folder DIR: 0, or -1 with ERR (P then freed). */
static int
registered_last_year(struct previous_registry *p, const struct sample_village *v,
    const struct column_aliases *aliases, struct strbuf *err)
{
	struct previous_expect x = { v->code, v->year, NULL, aliases };

	if (previous_read(p, v->previous, &x, err) != 0) {
		previous_free(p);
		return -1;
	}
	return 0;
}

/* inclusion_probability: DRAWN / N to four decimals, rounded half up. */
static void
probability(char *buf, size_t len, long long drawn, long long n)
{
	long long q = (drawn * 20000 + n) / (2 * n);

	snprintf(buf, len, "%lld.%04lld", q / 10000, q % 10000);
}

static void
add_drawn(struct sample *s, const struct hhlist *l, const struct ranked *h,
    enum stratum st, long long stratum_n, long long drawn, enum lang lang)
{
	const char *id = hhlist_cell(l, h->row, l->col[L_HEAD_ID]);
	const char *decision = hhlist_cell(l, h->row, l->col[L_DECISION]);
	char masked[ID_MASKED_BUF], n[32], k[32], p[32];
	struct strbuf why = { 0 }, verify = { 0 };
	const char *cells[SAMPLE_AREA_COLS];
	static const enum msg whys[NSTRATA] = { MSG_SAMPLE_WHY_HELP,
		MSG_SAMPLE_WHY_NOT_HELPED, MSG_SAMPLE_WHY_EXITING };
	static const enum msg verifies[NSTRATA] = { MSG_SAMPLE_VERIFY_HELP,
		MSG_SAMPLE_VERIFY_NOT_HELPED, MSG_SAMPLE_VERIFY_EXITING };

	{
		/* the decision in the village's words: 公示确认, 超出规模, ... */
		int d = enum_lookup(&enum_decision, decision, strlen(decision));
		size_t len = strlen(decision);
		const char *w = lang == LANG_ZH && d >= 0 ?
		    enum_label(&enum_decision, d, &len) : decision;
		char word[128];

		snprintf(word, sizeof word, "%.*s", (int)len, w);
		wording(&why, lang, whys[st], word);
	}
	wording(&verify, lang, verifies[st]);
	snprintf(n, sizeof n, "%lld", stratum_n);
	snprintf(k, sizeof k, "%lld", drawn);
	probability(p, sizeof p, drawn, stratum_n);
	cells[0] = hhlist_cell(l, h->row, l->col[L_VILLAGE]);
	cells[1] = h->id;
	cells[2] = hhlist_cell(l, h->row, l->col[L_HEAD_NAME]);
	cells[3] = id_mask(masked, id, strlen(id));
	cells[4] = hhlist_cell(l, h->row, l->col[L_MEMBERS]);
	cells[5] = decision;
	cells[6] = strata[st];
	cells[7] = n;
	cells[8] = k;
	cells[9] = p;
	cells[10] = strbuf_str(&why);
	cells[11] = strbuf_str(&verify);
	sample_add(s, cells);
	strbuf_free(&why);
	strbuf_free(&verify);
}

/* The list the level received of village CODE: the row of its copy. The
 * county receives publicized-town.csv, or publicized-village.csv when the
 * procedure has no town posting. */
static const struct ledger_row *
received_list(const struct sample_level *lv, const char *code)
{
	const struct ledger_row *row = NULL;

	if (lv->level == LEVEL_COUNTY)
		row = ledger_latest_file(lv->ledger, code, "publicized-town.csv");
	if (row == NULL)
		row = ledger_latest_file(lv->ledger, code, "publicized-village.csv");
	return row;
}

void
sample_draw_village(struct sample *s, const struct sample_level *lv,
    const struct sample_village *v, const struct sample_report *r)
{
	const struct area_audit *au = lv->audit;
	long long size[NSTRATA] = { au->help, au->not_helped, au->exiting };
	const struct ledger_row *list, *last;
	struct column_aliases *aliases = aliases_new();
	struct previous_registry prev;
	int have_prev = 0;
	struct hhlist l;
	struct strbuf err = { 0 }, key = { 0 };
	struct ranked *h[NSTRATA] = { NULL };
	size_t nh[NSTRATA] = { 0 };
	char *path = NULL, e[1024];

	s->area = 1;
	memset(&l, 0, sizeof l);
	if (au->help < 0) {
		size[HELP] = SAMPLE_DEFAULT_HELP;
		size[NOT_HELPED] = SAMPLE_DEFAULT_NOT_HELPED;
		size[EXITING] = SAMPLE_DEFAULT_EXITING;
	}
	if (lv->ledger_err != NULL) {
		say(r, v, SEV_INFO, "SAMPLE_NOT_DRAWN", MSG_SAMPLE_LEDGER_BROKEN,
		    level_word(lv->level, v->lang), lv->ledger_err);
		goto out;
	}
	/* H: the last row of the village's latest receipt at this level
	 * (SPEC §8): at the county, once its registry is received, that
	 * receipt's, so the draw then is a new one that nobody could know
	 * before the registry was filed. */
	list = received_list(lv, v->code);
	last = list == NULL ? NULL : ledger_receipt_last(lv->ledger, v->code,
	    ledger_latest_receipt(lv->ledger, v->code));
	if (list == NULL || last == NULL) {
		say(r, v, SEV_INFO, "SAMPLE_NOT_DRAWN", MSG_SAMPLE_NOT_RECEIVED,
		    level_word(lv->level, v->lang));
		goto out;
	}
	if (v->columns != NULL && aliases_load(aliases, v->columns, e, sizeof e) != 0) {
		say(r, v, SEV_INFO, "SAMPLE_NOT_DRAWN", MSG_AUDIT_CANNOT_READ, e);
		goto out;
	}
	path = path_join(lv->dir, list->file);
	{
		struct list_options lo = { path, ENC_AUTO, aliases, NULL, v->lang };

		if (hhlist_read(&l, &lo, ignore_problem, NULL, &err) != 0) {
			if (err.len > 0 && err.s[err.len - 1] == '\n')
				strbuf_truncate(&err, err.len - 1);
			say(r, v, SEV_INFO, "SAMPLE_NOT_DRAWN", MSG_AUDIT_CANNOT_READ,
			    strbuf_str(&err));
			goto out;
		}
	}
	if (strcmp(l.sha256, list->sha256) != 0) {
		say(r, v, SEV_INFO, "SAMPLE_NOT_DRAWN", MSG_SAMPLE_COPY_DIFFERS,
		    list->file);
		goto out;
	}
	memset(&prev, 0, sizeof prev);
	if (v->previous != NULL) {
		strbuf_reset(&err);
		if (registered_last_year(&prev, v, aliases, &err) == 0) {
			have_prev = 1;
		} else {
			if (err.len > 0 && err.s[err.len - 1] == '\n')
				strbuf_truncate(&err, err.len - 1);
			say(r, v, SEV_INFO, "SAMPLE_NOT_DRAWN", MSG_SAMPLE_NO_PREVIOUS,
			    strbuf_str(&err));
		}
	}
	for (int k = 0; k < NSTRATA; k++)
		h[k] = xcalloc(l.nrows + 1, sizeof *h[k]);
	for (size_t i = 0; i < l.nrows; i++) {
		const char *id = hhlist_cell(&l, i, l.col[L_HOUSEHOLD]);
		const struct previous_household *ph = have_prev ?
		    previous_household(&prev, id) : NULL;
		enum stratum st = l.row[i].decision == DEC_CONFIRMED ? HELP :
		    ph != NULL && ph->status != STATUS_EXITED ? EXITING : NOT_HELPED;
		struct ranked *x = &h[st][nh[st]++];

		strbuf_reset(&key);
		strbuf_printf(&key, "%s|%s|%s|%s|%s", au->seed ? au->seed : "",
		    level_code(lv->level), v->code, id, last->hash);
		digest_bytes(key.s, key.len, x->key);
		x->row = i;
		x->id = id;
	}
	for (int k = 0; k < NSTRATA; k++) {
		long long drawn = size[k] < (long long)nh[k] ? size[k] : (long long)nh[k];

		qsort(h[k], nh[k], sizeof *h[k], by_key);
		for (long long i = 0; i < drawn; i++)
			add_drawn(s, &l, &h[k][i], (enum stratum)k, (long long)nh[k],
			    drawn, v->lang);
	}
	if (have_prev)
		previous_free(&prev);
out:
	for (int k = 0; k < NSTRATA; k++)
		free(h[k]);
	hhlist_free(&l);
	aliases_free(aliases);
	strbuf_free(&err);
	strbuf_free(&key);
	free(path);
}
