/* tpa-publicize: the notice a level posts, and the resolution of the
 * objections it drew (decide/objections). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "decide/objections.h"
#include "household/list.h"
#include "household/objectionfile.h"
#include "io/csvout.h"
#include "io/infile.h"
#include "io/ledger.h"
#include "rules/area.h"
#include "stages/blocked.h"
#include "stages/notice.h"
#include "stages/noticecheck.h"
#include "stages/publicize.h"
#include "stages/shell.h"
#include "values/date.h"
#include "values/hhnumber.h"
#include "values/idnumber.h"
#include "values/text.h"

int
level_parse(const char *s, enum level *l)
{
	for (int i = 0; i < NLEVELS; i++)
		if (strcmp(s, level_code(i)) == 0) {
			*l = (enum level)i;
			return 0;
		}
	return -1;
}

const char *
level_name(enum level l)
{
	return level_code(l);
}

/* Village facts, rules when needed, the list: what every command loads.
 * For the town and county levels of a village in an area, *A is the area
 * the stage loaded with the village (--town and --county honoured; the
 * village took its periods from it), else NULL. */
int
publicize_load(struct stage *st, const struct publicize_options *o, int rules,
    struct hhlist *l, const struct area **a, int posts[NLEVELS])
{
	st->town_dir = o->town;
	st->county_dir = o->county;
	*a = NULL;
	if (stage_load_village(st, o->village, 1) != 0 ||
	    (rules && stage_load_rules(st, o->rules, o->include_anywhere) != 0) ||
	    stage_check_level(st, o->rules, o->include_anywhere, o->level, posts) != 0 ||
	    stage_load_columns(st, o->columns) != 0 ||
	    stage_input(st, o->list) != 0 ||
	    (o->objections && stage_input(st, o->objections) != 0))
		return EXIT_ERROR;
	if (o->level != LEVEL_VILLAGE && st->have_area)
		*a = &st->area;
	if (!st->village.publicity[o->level].given)
		return stage_fail_no_period(st, (int)o->level);
	memset(l, 0, sizeof *l);
	return 0;
}

int
publicize_read_list(struct stage *st, const struct publicize_options *o,
    struct hhlist *l)
{
	struct strbuf err = { 0 };
	struct list_options lo = { o->list, o->encoding, st->aliases,
		st->have_rules ? &st->rules : NULL, st->lang };
	int rc = 0;

	if (hhlist_read(l, &lo, NULL, NULL, &err) != 0)
		rc = stage_fail_lines(st, &err);
	else
		stage_read(st, o->list, l->sha256);
	strbuf_free(&err);
	return rc;
}

/* The households a posted notice shows otherwise than a list gives. */
struct shown_otherwise {
	struct strbuf households;    /* "H036, H037", the first few */
	size_t n, named;
};

static void
on_shown_otherwise(void *ctx, const char *household, const char *detail)
{
	struct shown_otherwise *so = ctx;

	(void)detail;
	so->n++;
	if (*household == '\0' || so->named > 8)
		return;
	strbuf_printf(&so->households, "%s%s", so->named > 0 ? ", " : "",
	    so->named < 8 ? household : "…");
	so->named++;
}

/* The values of the notice at PATH (its rows and totals, as notice_check()
 * reads them in language LANG) against list L: 0 the same, else the
 * households it shows otherwise into SO. */
static int
shows_otherwise(enum level level, enum lang lang, const char *path,
    const struct hhlist *l, const char *list, struct shown_otherwise *so)
{
	struct strbuf err = { 0 };
	struct notice_check c;
	char sha[DIGEST_HEX];

	memset(&c, 0, sizeof c);
	c.path = path;
	c.name = path_base(path);
	c.list = l;
	c.list_name = path_base(list);
	c.level = level;
	c.lang = lang;
	c.values_only = 1;
	if (notice_check(&c, on_shown_otherwise, so, sha, &err) != 0)
		so->n++;             /* read above: gone since */
	strbuf_free(&err);
	if (so->n > 0 && so->named == 0)
		strbuf_printf(&so->households, "%s", _("the totals"));
	return so->n > 0;
}

/* Whether the notice at PATH shows other values than list L gives:
 * another household, or another row or total of one (noticecheck.h, as
 * the audit compares them; household numbers by value), the households it
 * shows otherwise into SO. It is read in the language it is printed in,
 * either of the two (a village.yaml whose language changed since does not
 * make it another notice). Returns 0 when it shows the same values (a list
 * made again from an input a spreadsheet re-saved, 001 written 1, is
 * posted as it is), 1 when it prints the level's period as village.yaml
 * now gives it and shows other values, 2 when it prints another period
 * (an earlier posting the new one replaces, SPEC §7) and shows other
 * values; a notice of another period is compared only when ANY is set
 * (0 otherwise). */
static int
posted_other_list(const struct stage *st, enum level level, const char *path,
    const struct hhlist *l, const char *list, int any,
    struct shown_otherwise *so)
{
	const struct period *p = &st->village.publicity[level];
	enum lang langs[2] = { st->lang, st->lang == LANG_ZH ? LANG_EN : LANG_ZH };
	char msg[256];
	struct strbuf html = { 0 };
	int in_period = 0, rc;

	if (infile_read_all(path, &html, msg, sizeof msg) == 1)
		for (int k = 0; k < 2 && !in_period; k++) {
			struct strbuf per = { 0 };

			notice_period(langs[k], p->start, p->end, &per);
			if (strstr(strbuf_str(&html), strbuf_str(&per)) != NULL) {
				in_period = 1;
				if (k == 1) {
					langs[1] = langs[0];
					langs[0] = langs[1] == LANG_ZH ? LANG_EN : LANG_ZH;
				}
			}
			strbuf_free(&per);
		}
	strbuf_free(&html);
	if (!in_period && !any)
		return 0;
	rc = shows_otherwise(level, langs[0], path, l, list, so);
	if (rc) {
		struct shown_otherwise other = { { 0 }, 0, 0 };

		rc = shows_otherwise(level, langs[1], path, l, list, &other);
		strbuf_free(&other.households);
	}
	return rc ? (in_period ? 1 : 2) : 0;
}

/* A notice is posted once. While the level's objections file exists
 * (its publicity took place), the notice is not made again from a list
 * whose values differ from what it shows: the new list must be posted
 * again. The notice itself is compared, so that PROVENANCE.csv gone (make
 * clean) changes nothing. Returns 1 when that is so (and says what to do),
 * the households it shows otherwise into HOUSEHOLDS. */
static int
already_posted(struct stage *st, const struct publicize_options *o,
    const struct hhlist *l, const struct outfile *out, const struct area *a,
    struct strbuf *households)
{
	struct shown_otherwise so = { { 0 }, 0, 0 };
	char *objections, *dir, name[64];
	int posted;

	if (outfile_in_place(out) || !path_exists(outfile_path(out)))
		return 0;
	snprintf(name, sizeof name, "objections-%s.csv", level_code(o->level));
	dir = path_dir(outfile_path(out));
	objections = objections_path(a, o->level, dir);
	free(dir);
	/* The village's own notice is compared whatever period it prints:
	 * its objections file answers that posting, and stays only while
	 * the list is that list. */
	posted = path_exists(objections) ?
	    posted_other_list(st, o->level, outfile_path(out), l, o->list,
	    o->level == LEVEL_VILLAGE, &so) : 0;
	if (posted == 1)
		/* TRANSLATORS: the list; the level (village, town or county);
		 * the objections file; the households whose rows differ (H036,
		 * H037); the level; the objections file's name. */
		stage_warn(st, _("%s changed after the %s notice was posted and its "
		    "objections recorded in %s (the notice shows otherwise: %s): "
		    "the new list must be posted again — give village.yaml a new %s "
		    "publicity period, move %s aside, and run again"), o->list,
		    stage_level_word(o->level), objections,
		    strbuf_str(&so.households), stage_level_word(o->level), name);
	else if (posted == 2)
		/* TRANSLATORS: the notice; the objections file (twice); the
		 * households whose rows differ (H036, H037). */
		stage_warn(st, _("%s shows the list posted in an earlier period, "
		    "and %s, which answers that posting, is still there (the "
		    "notice shows otherwise: %s): to post the new list in the new "
		    "period, move %s aside and run again"), outfile_path(out),
		    objections, strbuf_str(&so.households), name);
	if (posted)
		strbuf_puts(households, strbuf_str(&so.households));
	free(objections);
	strbuf_free(&so.households);
	return posted;
}

/* The receipt the county notice of the village prints (notice.c), the
 * county folder that of area A: the receipt of the list shown, not a
 * later one (the registry's), so a notice made again after the registry
 * was received prints what the posted paper printed. Returns 0, or -1
 * when the county's ledger cannot be read (said). */
static int
county_receipt(struct stage *st, const struct area *a, const char *code,
    const char *list, struct notice *n)
{
	struct strbuf err = { 0 };
	int rc = 0;

	if (notice_county_receipt(n, a->county.dir, code, list, &err) != 0) {
		(void)stage_fail_lines(st, &err);
		rc = -1;
	}
	strbuf_free(&err);
	return rc;
}

int
publicize_notice(const struct publicize_options *o)
{
	struct stage st;
	struct hhlist l;
	struct notice n;
	struct outfile *out = NULL;
	const struct area *a = NULL;
	struct strbuf households = { 0 };
	int status = EXIT_ERROR, posts[NLEVELS];

	memset(&l, 0, sizeof l);
	memset(&n, 0, sizeof n);
	stage_begin(&st, "publicize", o->quiet);
	stage_target(&st, o->output);
	if (publicize_load(&st, o, 0, &l, &a, posts) != 0 ||
	    (out = stage_output(&st, o->output, OUTFILE_PUBLIC)) == NULL ||
	    publicize_read_list(&st, o, &l) != 0)
		goto out;
	if (already_posted(&st, o, &l, out, a, &households)) {
		struct strbuf why = { 0 };

		blocked_posted(&why, path_base(o->list), strbuf_str(&households));
		status = stage_block(&st, strbuf_str(&why));
		strbuf_free(&why);
		goto out;
	}
	notice_from_list(&n, &l, o->level, path_base(o->list));
	n.village = &st.village;
	n.lang = st.lang;
	n.town_posted = posts[LEVEL_TOWN];
	if (o->level == LEVEL_COUNTY && a != NULL &&
	    county_receipt(&st, a, st.village.code, path_base(o->list), &n) != 0)
		goto out;
	notice_write(&n, o->format, out);
	if (stage_commit(&st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet) {
		char c1[32], c2[32];

		/* TRANSLATORS: the level (village, town or county), then counts
		 * written like 1,234. */
		fprintf(stderr, _("notice (%s): %s households, %s people\n"),
		    stage_level_word(o->level), text_count(c1, n.nrows),
		    text_count(c2, (uint64_t)n.people));
	}
out:
	strbuf_free(&households);
	notice_free(&n);
	hhlist_free(&l);
	return stage_end(&st, status);
}

/* resurvey.csv: the households to survey again (SPEC §6 resolve), one row
 * per upheld wrongly_excluded or data_error objection of any level. */
#define NRESURVEY 8
static const char *const resurvey_head[NRESURVEY] = { "level", "household_id",
	"about", "kind", "received", "summary", "decided", "decided_by" };

struct resolution_run {
	const struct publicize_options *o;
	struct stage *st;
	const struct hhlist *list;
	struct objectionfile objections;
	char **resurvey;              /* NRESURVEY cells per row */
	size_t nresurvey, cap;
	struct strbuf pending;        /* households with a pending objection */
};

static void
add_resurvey(struct resolution_run *rr, const char *const *cells)
{
	xgrow(&rr->resurvey, &rr->cap, (rr->nresurvey + 1) * NRESURVEY,
	    sizeof *rr->resurvey);
	for (int i = 0; i < NRESURVEY; i++)
		rr->resurvey[rr->nresurvey * NRESURVEY + i] = xstrdup(cells[i]);
	rr->nresurvey++;
}

static const char *
day(long d, char buf[DATE_BUF], const char *as_written)
{
	return d != NO_DATE ? date_format(buf, d) : as_written;
}

/* An upheld wrongly_excluded or data_error objection goes on the worklist. */
static void
add_objection_to_worklist(struct resolution_run *rr, enum level lev,
    const struct objection *x)
{
	char rb[DATE_BUF], db[DATE_BUF];
	const char *cells[NRESURVEY] = { level_code(lev), x->household, x->about,
		enum_code(&enum_objection_kind, (int)x->kind),
		day(x->received, rb, x->received_text), x->summary,
		day(x->decided, db, x->decided_text), x->decided_by };

	if (x->outcome == OUTCOME_UPHELD && (x->kind == KIND_WRONGLY_EXCLUDED ||
	    x->kind == KIND_DATA_ERROR))
		add_resurvey(rr, cells);
}

static void
on_note(void *ctx, const struct objection_note *n)
{
	struct resolution_run *rr = ctx;

	stage_warn(rr->st, "%s:%lu: %s", n->file, n->line, n->text);
}

static void
on_finding(void *ctx, const struct objection *x, enum objection_finding what)
{
	struct resolution_run *rr = ctx;
	const struct period *p = &rr->st->village.publicity[rr->o->level];
	const char *file = rr->objections.file;

	switch (what) {
	case OBJ_NOT_IN_LIST:
		stage_warn(rr->st, _("%s:%lu: household \"%s\" is not in the list"),
		    file, x->line, x->household);
		break;
	case OBJ_NOT_RUNNING:
		/* TRANSLATORS: the fourth %s is the level: village, town or
		 * county. */
		stage_warn(rr->st, _("%s:%lu: household %s is not on the %s list; the "
		    "objection changes nothing"), file, x->line, x->household,
		    stage_level_word(rr->o->level));
		break;
	case OBJ_OUTSIDE_PERIOD: {
		char rd[DATE_BUF], sd[DATE_BUF], ed[DATE_BUF];

		stage_warn(rr->st, _("%s:%lu: received %s, outside the %s publicity "
		    "period %s to %s"), file, x->line, date_format(rd, x->received),
		    stage_level_word(rr->o->level), date_format(sd, p->start),
		    date_format(ed, p->end));
		break;
	}
	case OBJ_OTHER_FORM: {
		long r = hhlist_lookup(rr->list, x->household);

		stage_warn(rr->st, _("%s:%lu: household %s is written %s in the list "
		    "(the same number): the objection is about it"), file, x->line,
		    x->household, r < 0 ? "" : hhlist_cell(rr->list, (size_t)r,
		    rr->list->col[L_HOUSEHOLD]));
		break;
	}
	case OBJ_PENDING:
		strbuf_printf(&rr->pending, "%s%s", rr->pending.len ? ", " : "",
		    *x->household ? x->household : *x->about ? x->about : "(no household)");
		break;
	}
}

static int
level_rank(const char *s)
{
	enum level l;

	return level_parse(s, &l) == 0 ? (int)l : NLEVELS;
}

static int
cmp_resurvey(const void *a, const void *b)
{
	char *const *x = a, *const *y = b;
	int c = level_rank(x[0]) - level_rank(y[0]);

	for (int i = 1; c == 0 && i < NRESURVEY; i++)
		c = strcmp(x[i], y[i]);
	return c;
}

static void
write_resurvey(struct resolution_run *rr, struct outfile *out)
{
	struct csvout w;

	if (rr->nresurvey > 0)
		qsort(rr->resurvey, rr->nresurvey, NRESURVEY * sizeof *rr->resurvey,
		    cmp_resurvey);
	csvout_init(&w, out, CSVOUT_HUMAN);
	csvout_bom(&w);
	csvout_row(&w, resurvey_head, NRESURVEY);
	/* csvout masks the ID-shaped runs of a file for people. */
	for (size_t i = 0; i < rr->nresurvey; i++)
		csvout_row(&w, (const char *const *)rr->resurvey + i * NRESURVEY, NRESURVEY);
}


/* How household H was resolved at the level: its decision before, every
 * objection about it, the period, the outcome. */
static void
explain_resolution(const struct stage *st, const struct publicize_options *o,
    const struct hhlist *l, long h, const struct objectionfile *of,
    const struct resolution *out, const struct resolve_summary *sum)
{
	int zh = st->lang == LANG_ZH;
	const char *hid = hhlist_cell(l, (size_t)h, l->col[L_HOUSEHOLD]);
	enum decision before = (enum decision)l->row[h].decision;
	enum decision after = out[h].changed ? out[h].decision : before;
	size_t n1, n2, seen = 0;
	const char *b1 = enum_label(&enum_decision, (int)before, &n1);
	const char *b2 = enum_label(&enum_decision, (int)after, &n2);
	const struct period *p = &st->village.publicity[o->level];
	char s[DATE_BUF], e[DATE_BUF];

	if (zh) {
		static const char *const lv[NLEVELS] = { "村级", "乡镇", "县级" };

		printf("第%s户：%s公示前为%.*s（%s）；公示期%s至%s，共%ld天%s\n",
		    hid, lv[o->level], (int)n1, b1, decision_code(before),
		    date_format(s, p->start), date_format(e, p->end), sum->period_days,
		    sum->period_short ? "（短于规则要求，公示无效）" : "");
	} else {
		printf("household %s: %s before the %s publicity; the period ran %s to "
		    "%s, %ld days%s\n", hid, decision_code(before), level_code(o->level),
		    date_format(s, p->start), date_format(e, p->end), sum->period_days,
		    sum->period_short ? " (shorter than the rules require)" : "");
	}
	for (size_t i = 0; i < of->n; i++) {
		const struct objection *x = &of->o[i];
		size_t nk, no;
		const char *k = enum_label(&enum_objection_kind, (int)x->kind, &nk);
		const char *oc = enum_label(&enum_objection_outcome, (int)x->outcome, &no);

		if (!hhnumber_same(x->household, hid))
			continue;
		seen++;
		if (zh)
			printf("异议（%s第%lu行）：%.*s，%s受理，处理结果：%.*s\n",
			    path_base(of->file), x->line, (int)nk, k, x->received_text,
			    (int)no, oc);
		else
			printf("objection (%s:%lu): %s, received %s, outcome %s\n",
			    path_base(of->file), x->line,
			    enum_code(&enum_objection_kind, (int)x->kind), x->received_text,
			    enum_code(&enum_objection_outcome, (int)x->outcome));
	}
	if (seen == 0)
		printf(zh ? "本级没有关于该户的异议\n" : "no objection about it at this level\n");
	if (zh)
		printf("结论：%.*s（%s）%s\n", (int)n2, b2, decision_code(after),
		    after == DEC_REMOVED ? "  增加原因：OBJECTION" : "");
	else
		printf("decision: %s%s\n", decision_code(after),
		    after == DEC_REMOVED ? "  reason added: OBJECTION" : "");
}

/* Whether CODE names a village of the shared file's level: for the town,
 * a row of its villages.csv; for the county, a 12-digit code of the
 * county (its towns' villages.csv are the towns'). */
struct known_villages {
	const struct area *a;
	enum level level;
};

static int
known_village(void *ctx, const char *code)
{
	const struct known_villages *k = ctx;

	if (k->level == LEVEL_TOWN)
		return area_town_village(&k->a->town, code) != NULL;
	if (strlen(code) != 12 || strspn(code, "0123456789") != 12)
		return 0;
	return strncmp(code, k->a->county.code, strlen(k->a->county.code)) == 0;
}

/* Read the objections of level LEV for the village: outside an area the
 * file PATH whole; in an area (A not NULL) the owner's shared file, only
 * the village's rows, recorded as FILE#VILLAGE with their SHA-256.
 * Returns 0, or EXIT_ERROR (the errors recorded). */
static int
read_objections(struct stage *st, const struct publicize_options *o,
    const struct area *a, enum level lev, const char *path,
    struct objectionfile *of,
    void (*note)(void *ctx, const struct objection_note *n), void *ctx)
{
	struct known_villages k = { a, lev };
	struct objectionfile_options oo = { path, o->encoding, st->aliases,
		st->village.year, NULL, NULL, NULL };
	struct strbuf err = { 0 };

	if (a != NULL && lev != LEVEL_VILLAGE) {
		oo.village = st->village.code;
		oo.known = known_village;
		oo.known_ctx = &k;
	}
	if (objectionfile_read(of, &oo, note, ctx, &err) != 0) {
		stage_fail_lines(st, &err);
		strbuf_free(&err);
		return EXIT_ERROR;
	}
	strbuf_free(&err);
	if (oo.village != NULL) {
		struct strbuf ref = { 0 };

		strbuf_printf(&ref, "%s#%s", path, oo.village);
		stage_read(st, ref.s, of->village_sha256);
		strbuf_free(&ref);
	} else {
		stage_read(st, path, of->sha256);
	}
	return 0;
}

int
publicize_objections_below(struct stage *st, const struct publicize_options *o,
    const struct area *a, const char *beside, struct objectionfile below[NLEVELS])
{
	memset(below, 0, NLEVELS * sizeof *below);
	for (int lev = 0; lev < (int)o->level; lev++) {
		char name[64], *path;
		int rc = 0;

		snprintf(name, sizeof name, "objections-%s.csv", level_code(lev));
		path = a == NULL ? path_beside(beside, name) :
		    lev == LEVEL_VILLAGE ? path_beside(o->list, name) :
		    area_objections_path(a, (enum level)lev);
		if (path_exists(path))
			rc = stage_input(st, path) != 0 ||
			    read_objections(st, o, a, (enum level)lev, path,
			    &below[lev], NULL, NULL) != 0;
		free(path);
		if (rc)
			return EXIT_ERROR;
	}
	return 0;
}

/* In an area the level's objections are final for the village only once
 * the owner closed its posting (SPEC §8): returns 0 when closed; else
 * says why and returns EXIT_BLOCKED (not closed yet: waiting) or
 * EXIT_ERROR (a closing date on or before the end: DATE_ORDER). */
static int
posting_closed(struct stage *st, const struct publicize_options *o,
    const struct area *a)
{
	const struct area_period *p = area_level_period(a, o->level);
	char c[DATE_BUF], e[DATE_BUF];
	struct strbuf why = { 0 };
	int closed = area_level_closed(a, o->level, st->village.code, &why);

	if (closed > 0)
		return 0;
	if (closed < 0) {
		if (o->level == LEVEL_TOWN)
			/* TRANSLATORS: villages.csv:LINE, the closing date, the
			 * village's code, the end of its posting. */
			return stage_fail(st, _("%s:%lu: town_closed %s of village %s is "
			    "not after the end of its posting %s (DATE_ORDER): a posting "
			    "is closed after it ends"), a->town.villages_path,
			    a->village->line, date_format(c, p->closed),
			    st->village.code, date_format(e, p->end));
		/* TRANSLATORS: county.yaml, the closing date, the end. */
		return stage_fail(st, _("%s: publicity.closed %s is not after the end "
		    "of the announcement %s (DATE_ORDER): a posting is closed after "
		    "it ends"), a->county.path, date_format(c, p->closed),
		    date_format(e, p->end));
	}
	stage_warn(st, "%s", strbuf_str(&why));
	strbuf_free(&why);
	return EXIT_BLOCKED;
}

int
publicize_resolve(const struct publicize_options *o)
{
	struct stage st;
	struct resolution_run rr;
	struct hhlist l;
	struct resolution *out = NULL;
	unsigned char *resurvey = NULL;
	struct resolve_summary sum;
	struct outfile *f = NULL, *rs = NULL;
	struct strbuf err = { 0 };
	char *rs_path = NULL, *owner = NULL, n[5][32];
	const struct area *a = NULL;
	struct objectionfile below[NLEVELS];
	int status = EXIT_ERROR, posts[NLEVELS];

	memset(below, 0, sizeof below);
	memset(&rr, 0, sizeof rr);
	memset(&l, 0, sizeof l);
	rr.o = o;
	rr.st = &st;
	rr.list = &l;
	stage_begin(&st, "publicize", o->quiet);
	if (o->explain == NULL)
		stage_target(&st, o->output);
	if (publicize_load(&st, o, 1, &l, &a, posts) != 0)
		goto out;
	if (a != NULL) {
		/* The operand must be the owner's file: one in the village
		 * folder is never read. */
		struct file_id x, y;
		char e1[256], e2[256];
		int same;

		owner = area_objections_path(a, o->level);
		same = file_id_get(o->objections, &x, e1, sizeof e1) == 0 &&
		    file_id_get(owner, &y, e2, sizeof e2) == 0;
		if (same) {
			same = file_id_same(&x, &y) ||
			    (!x.exists && !y.exists && strcmp(x.resolved, y.resolved) == 0);
			file_id_free(&x);
			file_id_free(&y);
		}
		if (!same) {
			/* TRANSLATORS: the level (town or county), the owner's
			 * file, the file given. */
			stage_fail(&st, _("in an area the %s's objections are read from "
			    "%s, never from %s"), stage_level_word(o->level), owner,
			    o->objections);
			goto out;
		}
		if ((status = posting_closed(&st, o, a)) != 0)
			goto out;
		status = EXIT_ERROR;
	}
	if (o->explain == NULL &&
	    (f = stage_output(&st, o->output, OUTFILE_PRIVATE)) == NULL)
		goto out;
	rs_path = o->resurvey ? xstrdup(o->resurvey) :
	    stage_beside(&st, o->explain ? NULL : f, "resurvey.csv");
	/* The worklist holds the levels below too: their objections files
	 * beside this one, by their conventional names. */
	if (publicize_objections_below(&st, o, a, o->objections, below) != 0)
		goto out;
	for (int lev = 0; lev < (int)o->level; lev++)
		for (size_t i = 0; i < below[lev].n; i++)
			add_objection_to_worklist(&rr, (enum level)lev, &below[lev].o[i]);
	if ((o->explain == NULL &&
	    (rs = stage_output(&st, rs_path, OUTFILE_PUBLIC)) == NULL) ||
	    publicize_read_list(&st, o, &l) != 0)
		goto out;
	/* The list resolved must be the one the notice posted. */
	if (o->explain == NULL && !outfile_in_place(f)) {
		struct shown_otherwise so = { { 0 }, 0, 0 };
		char name[64], *notice;
		int differs;

		snprintf(name, sizeof name, "notice-%s.html", level_code(o->level));
		notice = path_beside(outfile_path(f), name);
		differs = posted_other_list(&st, o->level, notice, &l, o->list, 0, &so);
		if (differs)
			/* TRANSLATORS: the list, the notice, the households whose
			 * rows differ (H036, H037), the level. */
			stage_warn(&st, _("%s is not the list %s was made from (the "
			    "notice shows otherwise: %s): the %s objections answer the "
			    "list that was posted; post this list first"), o->list,
			    notice, strbuf_str(&so.households), stage_level_word(o->level));
		free(notice);
		strbuf_free(&so.households);
		if (differs) {
			status = EXIT_BLOCKED;
			goto out;
		}
	}
	if (read_objections(&st, o, a, o->level, a != NULL ? owner : o->objections,
	    &rr.objections, on_note, &rr) != 0)
		goto out;
	out = xcalloc(l.nrows + 1, sizeof *out);
	resurvey = xcalloc(rr.objections.n + 1, 1);
	objections_resolve(o->level, &st.village.publicity[o->level],
	    st.rules.publicity_days[o->level], &l, rr.objections.o, rr.objections.n,
	    out, resurvey, &sum, on_finding, &rr);
	if (o->explain != NULL) {
		long h = hhlist_lookup(&l, o->explain);

		if (h < 0) {
			stage_fail(&st, _("household %s is not in %s"), o->explain, o->list);
			goto out;
		}
		explain_resolution(&st, o, &l, h, &rr.objections, out, &sum);
		status = EXIT_DONE;
		goto out;
	}
	if (sum.period_short)
		stage_warn(&st, _("%s: the %s publicity period lasted %ld days; the "
		    "rules require at least %lld"), st.village.path,
		    stage_level_word(o->level), sum.period_days, sum.min_days);
	for (size_t i = 0; i < rr.objections.n; i++)
		if (resurvey[i])
			add_objection_to_worklist(&rr, o->level, &rr.objections.o[i]);
	objections_write(&l, out);
	hhlist_write(&l, f);
	write_resurvey(&rr, rs);
	{
		struct strbuf why = { 0 };
		int rc;

		if (sum.period_short)
			blocked_period(&why, o->level, sum.period_days, sum.min_days);
		if (sum.pending_objections > 0)
			blocked_pending(&why, sum.pending_objections,
			    strbuf_str(&rr.pending));
		rc = stage_commit_blocked(&st, sum.blocked ? strbuf_str(&why) : NULL);
		strbuf_free(&why);
		if (rc != 0)
			goto out;
	}
	status = sum.blocked ? EXIT_BLOCKED : EXIT_DONE;
	if (sum.pending_objections > 0)
		stage_warn(&st, _("%s: %zu objection(s) still pending (%s): the %s "
		    "publicity is not closed"), rr.objections.file,
		    sum.pending_objections, strbuf_str(&rr.pending),
		    stage_level_word(o->level));
	if (!o->quiet)
		/* TRANSLATORS: the level (village, town or county), then counts
		 * written like 1,234. */
		fprintf(stderr, _("publicized (%s): %s confirmed, %s removed, %s "
		    "pending; %s for resurvey\n"), stage_level_word(o->level),
		    text_count(n[0], sum.confirmed), text_count(n[1], sum.removed),
		    text_count(n[2], sum.pending), text_count(n[3], sum.resurvey));
out:
	for (size_t i = 0; i < rr.nresurvey * NRESURVEY; i++)
		free(rr.resurvey[i]);
	free(rr.resurvey);
	free(out);
	free(resurvey);
	free(rs_path);
	free(owner);
	objectionfile_free(&rr.objections);
	for (int lev = 0; lev < NLEVELS; lev++)
		objectionfile_free(&below[lev]);
	strbuf_free(&rr.pending);
	strbuf_free(&err);
	hhlist_free(&l);
	return stage_end(&st, status);
}
