/* tpa-publicize area-notice: the notice of a whole town or county. Each
 * village is read as the village's own notice reads it (its village.yaml,
 * its rules, its column aliases) and its rows are the ones
 * notice_from_list() gives and notice_html_rows() writes: one logic for
 * both papers. The list shown is the one the level received of the
 * village (its LEDGER.csv's latest receipt of it): a village the level
 * has not received, or sent back, is listed as not yet received, and a
 * list changed after its receipt is not what the level posts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "household/list.h"
#include "io/paths.h"
#include "io/digest.h"
#include "io/ledger.h"
#include "stages/areanotice.h"
#include "stages/auditarea.h"
#include "stages/notice.h"
#include "stages/shell.h"
#include "values/date.h"
#include "values/text.h"
#include "values/wording.h"

/* One village of the notice. */
struct place {
	const struct area_village *row;
	const char *town;          /* its town's name */
	struct stage st;           /* its village.yaml, rules and aliases */
	int have_st;
	char *list;                /* the list received, NULL: not yet */
	char list_name[64];        /* the list's file name, as notices name it */
	int not_received;          /* the village has its list, the level
	                            * has not received it */
	struct hhlist l;
	struct notice n;
	long start, end;           /* its period at the level; 0 when none */
};

struct area_notice {
	enum level level;
	struct audit_area aa;
	struct place *p;
	size_t np;
	const struct village *v;   /* the first village loaded: the words
	                            * the town or county gives every village
	                            * (names, contact, hotline, year, language) */
	const struct rules *rules; /* its rules: the levels that post are
	                            * the county's, for every town */
	char list_name[64];        /* the list the level's notice shows */
	enum lang lang;
	struct ledger ledger;      /* the level's own, read once: the lists
	                            * it received; at the county each
	                            * village's receipt line on its notice */
};

static void
places_free(struct area_notice *an)
{
	for (size_t i = 0; i < an->np; i++) {
		struct place *p = &an->p[i];

		notice_free(&p->n);
		if (p->list != NULL)
			hhlist_free(&p->l);
		free(p->list);
		if (p->have_st)
			(void)stage_end(&p->st, EXIT_DONE);
	}
	free(an->p);
}

/* Read village P (folder DIR): its village.yaml, rules, aliases, and its
 * list for the level when it is there. Returns 0, or EXIT_ERROR with the
 * errors in TOP. */
static int
load_place(struct area_notice *an, struct place *p, const char *dir,
    struct stage *top)
{
	struct stage *st = &p->st;
	struct strbuf err = { 0 };
	char name[64], *list, *own;
	const struct ledger_row *got;
	int before, mine;

	stage_begin(st, "publicize", 1);
	p->have_st = 1;
	if (stage_load_village(st, dir, 1) != 0 ||
	    stage_load_rules(st, NULL, 0) != 0 ||
	    stage_load_columns(st, NULL) != 0) {
		stage_fail_lines(top, &st->err);
		strbuf_reset(&st->err);
		return EXIT_ERROR;
	}
	if (an->v == NULL) {
		an->v = &st->village;
		an->rules = &st->rules;
		an->lang = st->lang;
	}
	if (!rules_posts(&st->rules, an->level))
		/* TRANSLATORS: the village's folder. */
		return stage_fail(top, _("%s: the procedure of the rules has no "
		    "posting at this level: there is no notice to make"), dir);
	if (st->village.publicity[an->level].given) {
		p->start = st->village.publicity[an->level].start;
		p->end = st->village.publicity[an->level].end;
	}
	before = rules_level_before(&st->rules, (int)an->level);
	snprintf(name, sizeof name, "publicized-%s.csv", level_code((enum level)before));
	if (an->list_name[0] == '\0')
		snprintf(an->list_name, sizeof an->list_name, "%s", name);
	own = path_join(dir, name);
	got = area_notice_source(&an->ledger, st->village.code, name, &mine);
	if (mine) {
		list = own;
		if (!path_exists(list)) {
			free(list);
			return 0;
		}
	} else if (got == NULL) {
		p->not_received = path_exists(own);
		free(own);
		return 0;
	} else {
		char sha[DIGEST_HEX];

		list = path_join(an->ledger.dir, got->file);
		/* the village's list is not the one received: the audit
		 * names the change; the notice keeps to what was received */
		if (digest_file(own, sha) == 0 && strcmp(sha, got->sha256) != 0)
			/* TRANSLATORS: the village's list, the level, the
			 * received copy. */
			stage_warn(top, _("%s differs from the list the %s "
			    "received (%s): the notice shows the list received"),
			    own, stage_level_word(an->level), list);
		free(own);
	}
	{
		struct list_options lo = { list, ENC_AUTO, st->aliases, &st->rules,
			an->lang };

		memset(&p->l, 0, sizeof p->l);
		p->list = list;
		if (hhlist_read(&p->l, &lo, NULL, NULL, &err) != 0) {
			stage_fail_lines(top, &err);
			strbuf_free(&err);
			return EXIT_ERROR;
		}
	}
	snprintf(p->list_name, sizeof p->list_name, "%s", name);
	notice_from_list(&p->n, &p->l, an->level, p->list_name);
	p->n.village = &st->village;
	p->n.lang = an->lang;
	/* The county's notice prints each village's receipt, as the
	 * village's copy does. */
	if (an->level == LEVEL_COUNTY && an->aa.have_county)
		notice_receipt_from(&p->n, &an->ledger, st->village.code,
		    p->list_name);
	strbuf_free(&err);
	return 0;
}

const struct ledger_row *
area_notice_source(const struct ledger *lg, const char *code,
    const char *name, int *own)
{
	*own = lg == NULL || !lg->exists;
	return *own ? NULL : ledger_latest_file(lg, code, name);
}

/* Every village of the area, in the order of the towns' villages.csv (the
 * towns by code). Returns 0 or EXIT_ERROR (recorded in TOP). */
static int
load_places(struct area_notice *an, const char *dir, struct stage *top)
{
	char *parent = path_join(dir, "..");
	size_t n = 0;
	int rc = 0;

	for (size_t t = 0; t < an->aa.ntowns; t++)
		n += an->aa.towns[t].nvillages;
	an->p = xcalloc(n + 1, sizeof *an->p);
	for (size_t t = 0; t < an->aa.ntowns && rc == 0; t++)
		for (size_t k = 0; k < an->aa.towns[t].nvillages && rc == 0; k++) {
			const struct area_village *row = &an->aa.towns[t].village[k];
			struct place *p = &an->p[an->np++];
			char *vdir = path_join(parent, row->code);

			p->row = row;
			p->town = an->aa.towns[t].name;
			if (path_is_dir(vdir))
				rc = load_place(an, p, vdir, top);
			else if (an->level == LEVEL_TOWN && row->town.start != 0) {
				p->start = row->town.start;
				p->end = row->town.end;
			} else if (an->level == LEVEL_COUNTY && an->aa.have_county &&
			    an->aa.county.publicity.start != 0) {
				p->start = an->aa.county.publicity.start;
				p->end = an->aa.county.publicity.end;
			}
			free(vdir);
		}
	free(parent);
	return rc;
}

static void
compact_date(long day, char out[16])
{
	int y, m, d;

	date_ymd(day, &y, &m, &d);
	snprintf(out, 16, "%04d%02d%02d", y, m, d);
}

void
area_notice_name(enum level level, long start, long end, char name[64])
{
	char a[16], b[16];

	compact_date(start, a);
	compact_date(end, b);
	snprintf(name, 64, "notice-%s-%s-%s.html", level_code(level), a, b);
}

/* The date YYYYMMDD at S into DAY: 0, or -1. */
static int
compact_parse(const char *s, long *day)
{
	int y, m, d;

	if (strspn(s, "0123456789") < 8)
		return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[4] - '0') * 10 + (s[5] - '0');
	d = (s[6] - '0') * 10 + (s[7] - '0');
	if (!date_valid(y, m, d))
		return -1;
	*day = date_days(y, m, d);
	return 0;
}

int
area_notice_period(const char *name, enum level level, long *start, long *end)
{
	char check[64];
	size_t k;

	k = strlen("notice-") + strlen(level_code(level)) + 1;
	if (strlen(name) != k + 8 + 1 + 8 + 5 ||
	    compact_parse(name + k, start) != 0 ||
	    compact_parse(name + k + 9, end) != 0)
		return -1;
	area_notice_name(level, *start, *end, check);
	return strcmp(check, name) == 0 ? 0 : -1;
}

char **
area_notice_files(const char *dir, enum level level, size_t *n)
{
	size_t all, k = 0;
	char **names = path_entries(dir, &all);

	for (size_t i = 0; i < all; i++) {
		long start, end;

		if (area_notice_period(names[i], level, &start, &end) == 0)
			names[k++] = names[i];
		else
			free(names[i]);
	}
	*n = k;
	return names;
}

void
area_notice_total_words(enum lang lang, enum level level, size_t villages,
    size_t households, long long people, struct strbuf *b)
{
	wording(b, lang, level == LEVEL_COUNTY ? MSG_AREA_TOTAL_COUNTY :
	    MSG_AREA_TOTAL_TOWN, villages, households, people);
}

static const char more_css[] =
"h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }\n"
"p.notyet { margin: 0 0 4mm; }\n"
"div.end { break-inside: avoid; page-break-inside: avoid; margin-top: 6mm; }\n"
"p.total { font-weight: bold; margin: 0; }\n";

/* The heading of village P: its town (in a county's notice), its name and
 * code. */
static void
heading(const struct area_notice *an, const struct place *p, struct strbuf *b)
{
	if (an->level == LEVEL_COUNTY && p->town != NULL)
		strbuf_printf(b, "%s%s", p->town, an->lang == LANG_EN ? ", " : "");
	strbuf_printf(b, "%s%s%s%s", p->row->name, an->lang == LANG_EN ? " (" : "（",
	    p->row->code, an->lang == LANG_EN ? ")" : "）");
}

int
area_notice_heading_code(const char *text, char code[13])
{
	size_t n = strlen(text);
	const char *close = NULL, *open = NULL;

	/* heading() ends it with the code in brackets, full-width or not */
	if (n >= 3 && strcmp(text + n - 3, "）") == 0) {
		close = text + n - 3;
		open = close - 12 - 3;
		if (close - text < 15 || strncmp(open, "（", 3) != 0)
			return -1;
	} else if (n >= 1 && text[n - 1] == ')') {
		close = text + n - 1;
		open = close - 12 - 1;
		if (close - text < 13 || *open != '(')
			return -1;
	} else
		return -1;
	if (!text_digits(close - 12, 12))
		return -1;
	memcpy(code, close - 12, 12);
	code[12] = '\0';
	return 0;
}

/* Whether P is posted in the period START..END: its own period is it. */
static int
in_period(const struct place *p, long start, long end)
{
	return p->start == start && p->end == end;
}

/* The notice of the period START..END into OUT: every village of the area
 * whose period it is, and those with no period yet, as not yet. */
static void
write_notice(const struct area_notice *an, long start, long end,
    struct outfile *out)
{
	const struct village *v = an->v;
	const char *place = an->level == LEVEL_COUNTY ? v->county : v->town;
	struct strbuf t = { 0 }, b = { 0 }, per = { 0 }, h = { 0 }, who = { 0 },
	    d = { 0 }, place_zh = { 0 };
	size_t nvillages = 0, nhouseholds = 0, notyet = 0;
	long long people = 0;

	if (an->level == LEVEL_TOWN)
		strbuf_puts(&place_zh, v->county ? v->county : "");
	strbuf_puts(&place_zh, place ? place : "");
	notice_title_words(an->lang, an->level, strbuf_str(&place_zh),
	    place ? place : "", v->year, &t);
	notice_body_words(an->lang, an->level, rules_posts(an->rules,
	    LEVEL_TOWN), place ? place : "", v->year, start,
	    end, notice_contact(v, an->level), v->hotline, &b);
	notice_period(an->lang, start, end, &per);
	notice_html_begin(out, an->lang, strbuf_str(&t), more_css);
	outfile_puts(out, "<h1>");
	html_text(out, strbuf_str(&t));
	outfile_puts(out, "</h1>\n<p class=\"stage\">（");
	html_text(out, notice_stage_words(an->lang, an->level));
	outfile_puts(out, "）</p>\n<p class=\"body\">");
	html_text(out, strbuf_str(&b));
	outfile_puts(out, "</p>\n");
	for (size_t i = 0; i < an->np; i++) {
		const struct place *p = &an->p[i];
		int ncols;

		if (p->start != 0 && !in_period(p, start, end))
			continue;
		strbuf_reset(&h);
		heading(an, p, &h);
		outfile_puts(out, "<h2>");
		html_text(out, strbuf_str(&h));
		outfile_puts(out, "</h2>\n");
		if (p->list == NULL || p->start == 0) {
			strbuf_reset(&b);
			if (p->start == 0)
				wording(&b, an->lang, MSG_AREA_NO_PERIOD);
			else if (p->not_received)
				wording(&b, an->lang, MSG_AREA_NOT_RECEIVED,
				    an->list_name);
			else
				wording(&b, an->lang, MSG_AREA_NOT_YET, an->list_name);
			outfile_puts(out, "<p class=\"notyet\">");
			html_text(out, strbuf_str(&b));
			outfile_puts(out, "</p>\n");
			notyet++;
			continue;
		}
		ncols = notice_html_ncols(&p->n);
		outfile_puts(out, "<table>\n<thead>\n");
		/* Repeated on every printed page: the title, the period and the
		 * village. */
		notice_html_repeat(out, an->lang, ncols, strbuf_str(&t),
		    strbuf_str(&per), strbuf_str(&h));
		notice_html_header(&p->n, out);
		outfile_puts(out, "</thead>\n<tbody>\n");
		notice_html_rows(&p->n, out);
		notice_html_totals(&p->n, out);
		outfile_puts(out, "</tbody>\n</table>\n");
		nvillages++;
		nhouseholds += p->n.nrows;
		people += p->n.people;
	}
	strbuf_reset(&b);
	area_notice_total_words(an->lang, an->level, nvillages, nhouseholds,
	    people, &b);
	outfile_puts(out, "<div class=\"end\">\n<p class=\"total\">");
	html_text(out, strbuf_str(&b));
	outfile_puts(out, "</p>\n");
	if (notyet > 0) {
		strbuf_reset(&b);
		wording(&b, an->lang, MSG_AREA_VILLAGES_NOT_YET, notyet);
		outfile_puts(out, "<p>");
		html_text(out, strbuf_str(&b));
		outfile_puts(out, "</p>\n");
	}
	notice_issuer(v, an->level, an->lang, &who);
	notice_date(start, an->lang, &d);
	notice_html_signature(out, an->lang, strbuf_str(&who), strbuf_str(&d));
	outfile_puts(out, "\n</div>\n</body>\n</html>\n");
	strbuf_free(&t);
	strbuf_free(&b);
	strbuf_free(&per);
	strbuf_free(&h);
	strbuf_free(&who);
	strbuf_free(&d);
	strbuf_free(&place_zh);
}

struct span {
	long start, end;
};

static int
by_span(const void *x, const void *y)
{
	const struct span *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

/* Write the notice of period S into folder OUTDIR as its own stage: it
 * records the lists it shows. Returns EXIT_DONE or EXIT_ERROR. */
static int
write_period(const struct area_notice *an, const struct span *s,
    const char *outdir, int quiet)
{
	struct stage st;
	struct outfile *out;
	char name[64], c1[32], c2[32];
	char *path;
	size_t nh = 0;
	long long people = 0;
	int status = EXIT_ERROR;

	area_notice_name(an->level, s->start, s->end, name);
	path = path_join(outdir, name);
	stage_begin(&st, "publicize", quiet);
	stage_target(&st, path);
	for (size_t i = 0; i < an->np; i++) {
		const struct place *p = &an->p[i];

		if (p->list == NULL || !in_period(p, s->start, s->end))
			continue;
		if (stage_input(&st, p->list) != 0)
			goto out;
		stage_read(&st, p->list, p->l.sha256);
		nh += p->n.nrows;
		people += p->n.people;
	}
	if ((out = stage_output(&st, path, OUTFILE_PUBLIC)) == NULL)
		goto out;
	write_notice(an, s->start, s->end, out);
	if (stage_commit(&st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!quiet)
		/* TRANSLATORS: the file written, then counts written like 1,234. */
		fprintf(stderr, _("%s: %s households, %s people\n"), path,
		    text_count(c1, nh), text_count(c2, (uint64_t)people));
out:
	free(path);
	return stage_end(&st, status);
}

int
publicize_area_notice(const struct area_notice_options *o)
{
	struct area_notice an;
	struct stage top;
	struct strbuf err = { 0 };
	struct span *spans = NULL;
	size_t nspans = 0;
	int status = EXIT_ERROR;

	memset(&an, 0, sizeof an);
	stage_begin(&top, "publicize", o->quiet);
	if (!audit_area_is(o->dir)) {
		/* TRANSLATORS: the folder given. */
		stage_fail(&top, _("%s: not a town's folder (town.yaml) nor a "
		    "county's (county.yaml)"), o->dir);
		return stage_end(&top, EXIT_ERROR);
	}
	if (audit_area_load(&an.aa, o->dir, NULL, 0, &err) != 0) {
		stage_fail_lines(&top, &err);
		strbuf_free(&err);
		audit_area_free(&an.aa);
		return stage_end(&top, EXIT_ERROR);
	}
	an.level = an.aa.is_county ? LEVEL_COUNTY : LEVEL_TOWN;
	if (ledger_load(&an.ledger, o->dir, &err) != 0) {
		stage_fail_lines(&top, &err);
		goto out;
	}
	if (load_places(&an, o->dir, &top) != 0)
		goto out;
	if (an.v == NULL) {
		/* TRANSLATORS: the folder given. */
		stage_fail(&top, _("%s: no village its villages.csv lists has a "
		    "folder yet: there is no notice to make"), o->dir);
		goto out;
	}
	spans = xcalloc(an.np + 1, sizeof *spans);
	for (size_t i = 0; i < an.np; i++)
		if (an.p[i].start != 0) {
			struct span s = { an.p[i].start, an.p[i].end };
			size_t k;

			for (k = 0; k < nspans; k++)
				if (spans[k].start == s.start && spans[k].end == s.end)
					break;
			if (k == nspans)
				spans[nspans++] = s;
		}
	if (nspans == 0) {
		if (an.level == LEVEL_TOWN)
			stage_fail(&top, "%s", _("no village has a town posting period: "
			    "set publicity in town.yaml, or town_start and town_end in "
			    "villages.csv"));
		else
			stage_fail(&top, "%s", _("the county's announcement has no "
			    "period: set publicity in county.yaml"));
		goto out;
	}
	qsort(spans, nspans, sizeof *spans, by_span);
	status = EXIT_DONE;
	for (size_t k = 0; k < nspans && status == EXIT_DONE; k++)
		status = write_period(&an, &spans[k], o->output ? o->output : o->dir,
		    o->quiet);
out:
	free(spans);
	places_free(&an);
	ledger_free(&an.ledger);
	audit_area_free(&an.aa);
	strbuf_free(&err);
	return stage_end(&top, status);
}
