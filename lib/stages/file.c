/* tpa-file: read the confirmed list, the primary list, the applicants and
 * last year's registry; build the registry with decide/filing; write it
 * with its statistics and cards. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strmap.h"
#include "decide/filing.h"
#include "household/list.h"
#include "household/people.h"
#include "household/previous.h"
#include "household/registryfile.h"
#include "io/ledger.h"
#include "stages/auditarea.h"
#include "stages/blocked.h"
#include "stages/cards.h"
#include "stages/notice.h"
#include "stages/file.h"
#include "stages/shell.h"
#include "stages/stats.h"
#include "values/text.h"

static void
count(const struct filing *f, struct stats *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < f->n; i++) {
		const struct filed *r = f->order[i];
		long long people = r->primary >= 0 ?
		    f->primary->row[r->primary].members : (long long)r->nmembers;

		stats_household(s, r->st.status, r->attribute, r->cause, people);
		for (size_t m = 0; m < r->nmembers; m++) {
			const struct card_member *cm = &f->members[r->first_member + m];

			stats_person(s, r->st.status, cm->labor, cm->health);
		}
	}
}

static int
make_dir(struct stage *st, const char *dir)
{
	struct stat sb;

	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			return stage_fail(st, _("%s: not a folder"), dir);
		return 0;
	}
	if (mkdir(dir, 0755) != 0)
		return stage_fail(st, _("cannot make %s: %s"), dir, strerror(errno));
	return 0;
}

/* The registry's warnings so far, one a line: said, and forgotten. */
static void
warnings(struct stage *st, struct strbuf *w)
{
	const char *s = strbuf_str(w), *nl;

	for (; *s != '\0'; s = nl + 1) {
		nl = strchr(s, '\n');
		stage_warn(st, "%.*s", (int)(nl - s), s);
	}
	strbuf_reset(w);
}

int
file_run(const struct file_options *o)
{
	struct filing f;
	struct stage stage, *st = &stage;
	struct hhlist primary, confirmed;
	struct outfile *hh, *mem, *hist, *sc, *sv, *cards;
	char *pub = NULL, *prim = NULL, *app = NULL, *out_dir = NULL;
	struct previous_registry previous;
	char *paths[6] = { 0 }, sha[DIGEST_HEX];
	struct stats stats;
	struct strbuf title = { 0 }, err = { 0 };
	int status = EXIT_ERROR;
	static const char *const names[6] = { "households.csv", "members.csv",
		"history.csv", "stats.csv", "stats.svg", "cards.html" };

	memset(&previous, 0, sizeof previous);
	memset(&primary, 0, sizeof primary);
	memset(&confirmed, 0, sizeof confirmed);
	stage_begin(st, "file", o->quiet);
	filing_init(&f, &st->rules, st->village.code, 0, &primary, &confirmed);
	stage_record_in(st, o->dir);
	{
		char *t = o->output ? path_join(o->output, "households.csv") :
		    path_join(o->dir, "registry/households.csv");

		stage_target(st, t);
		free(t);
	}
	st->town_dir = o->town;
	st->county_dir = o->county;
	if (stage_load_village(st, o->village ? o->village : o->dir, 1) != 0 ||
	    stage_load_rules(st, o->rules, o->include_anywhere) != 0 ||
	    stage_load_columns(st, o->columns) != 0)
		goto out;
	f.year = st->village.year;
	{
		/* the announced list: that of the last level that posts */
		struct strbuf b = { 0 };

		strbuf_printf(&b, "publicized-%s.csv",
		    level_code(rules_last_level(&st->rules)));
		pub = path_join(o->dir, strbuf_str(&b));
		strbuf_free(&b);
	}
	prim = path_join(o->dir, "primary.csv");
	app = path_join(o->dir, "applicants.csv");
	out_dir = o->output ? xstrdup(o->output) : path_join(o->dir, "registry");
	if (stage_input(st, pub) != 0 || stage_input(st, prim) != 0 ||
	    stage_input(st, app) != 0)
		goto out;
	{
		struct list_options lo = { prim, o->encoding, st->aliases, &st->rules, st->lang };

		if (hhlist_read(&primary, &lo, NULL, NULL, &err) != 0) {
			stage_fail_lines(st, &err);
			goto out;
		}
		stage_read(st, prim, primary.sha256);
		lo.path = pub;
		if (hhlist_read(&confirmed, &lo, NULL, NULL, &err) != 0) {
			stage_fail_lines(st, &err);
			goto out;
		}
		stage_read(st, pub, confirmed.sha256);
	}
	{
		const char *prev = o->previous ? o->previous : st->village.previous;

		if (prev != NULL) {
			if (stage_load_previous(st, &previous, prev) != 0)
				goto out;
			filing_previous(&f, &previous);
		}
	}
	filing_confirmed(&f);
	warnings(st, &f.warn);
	if (make_dir(st, out_dir) != 0)
		goto out;
	stage_record_in(st, o->dir);
	for (int i = 0; i < 6; i++)
		paths[i] = path_join(out_dir, names[i]);
	if ((hh = stage_output(st, paths[0], OUTFILE_PRIVATE)) == NULL ||
	    (mem = stage_output(st, paths[1], OUTFILE_PRIVATE)) == NULL ||
	    (hist = stage_output(st, paths[2], OUTFILE_PUBLIC)) == NULL ||
	    (sc = stage_output(st, paths[3], OUTFILE_PUBLIC)) == NULL ||
	    (sv = stage_output(st, paths[4], OUTFILE_PUBLIC)) == NULL ||
	    (cards = stage_output(st, paths[5], OUTFILE_PRIVATE)) == NULL)
		goto out;
	{
		/* The registry is this year's: ages on 31 December of the
		 * village's year, in members.csv and for the exit rule. */
		struct people_options po = { app, o->encoding, st->aliases, &st->rules,
			f.year, st->lang, NULL };
		struct people_handler ph = filing_people(&f);

		if (people_read(&po, &ph, sha, &err) != 0) {
			stage_fail_lines(st, &err);
			goto out;
		}
		stage_read(st, app, sha);
	}
	warnings(st, &f.warn);
	filing_finish(&f);
	filing_write_households(&f, hh);
	filing_write_members(&f, mem);
	filing_write_history(&f, hist);
	count(&f, &stats);
	stats_write_csv(&stats, NULL, 0, sc);
	notice_place(&st->village, LEVEL_COUNTY, &title);
	strbuf_printf(&title, st->lang == LANG_EN ? " %d: registered poor households" :
	    "%d年建档立卡贫困户统计", f.year);
	stats_write_svg(&stats, strbuf_str(&title), st->lang, sv);
	{
		struct cards c = { &st->village, st->lang, f.year, &primary,
			(const char *const *)f.aschema_names, f.ncells, f.text };
		struct card_household *ch = xcalloc(f.n + 1, sizeof *ch);

		for (size_t i = 0; i < f.n; i++) {
			const struct filed *r = f.order[i];

			ch[i].id = r->id;
			ch[i].primary = r->primary;
			ch[i].attribute = r->attribute;
			ch[i].cause = r->cause;
			ch[i].others = r->others;
			ch[i].status = r->st.status;
			ch[i].registered_since = r->st.registered_since;
			ch[i].members = f.members + r->first_member;
			ch[i].nmembers = r->nmembers;
		}
		cards_write(&c, ch, f.n, cards);
		free(ch);
	}
	{
		struct strbuf why = { 0 };
		int rc;

		blocked_unexplained(&why, strbuf_str(&f.unexplained));
		rc = stage_commit_blocked(st, f.nunexplained ? strbuf_str(&why) : NULL);
		strbuf_free(&why);
		if (rc != 0)
			goto out;
	}
	status = f.nunexplained ? EXIT_BLOCKED : EXIT_DONE;
	if (f.nunexplained)
		stage_warn(st, _("%zu household(s) of last year's registry are neither "
		    "confirmed this year nor meet the exit condition: %s (status "
		    "unexplained; the audit reports them)"), f.nunexplained,
		    strbuf_str(&f.unexplained));
	if (!o->quiet) {
		char c[5][32];

		fprintf(stderr, _("registry: %s households: %s new, %s continuing, %s "
		    "returned, %s exited\n"), text_count(c[0], f.n),
		    text_count(c[1], (uint64_t)stats.status[STATUS_NEW][0]),
		    text_count(c[2], (uint64_t)stats.status[STATUS_CONTINUING][0]),
		    text_count(c[3], (uint64_t)stats.status[STATUS_RETURNED][0]),
		    text_count(c[4], (uint64_t)stats.status[STATUS_EXITED][0]));
	}
out:
	warnings(st, &f.warn);
	free(pub);
	free(prim);
	free(app);
	free(out_dir);
	previous_free(&previous);
	for (int i = 0; i < 6; i++)
		free(paths[i]);
	strbuf_free(&title);
	strbuf_free(&err);
	filing_free(&f);
	hhlist_free(&primary);
	hhlist_free(&confirmed);
	return stage_end(st, status);
}

/* tpa-file stats: the statistics of several registries, recomputed from
 * their households.csv and members.csv. Each registry is one village of
 * one year: the same village twice, or registries of two years, would
 * count households twice. */
struct rollup {
	struct stage *st;
	struct stats *s;
	int members;                  /* reading members.csv */
	struct registry_whole w;      /* households.csv and members.csv */
	const char *households;       /* households.csv, for messages */
};

/* What the roll-up says of a fault of row R (F). */
static int
rollup_say(struct rollup *ru, enum registry_fault fault,
    const struct registryfile *f, const struct registry_row *r,
    struct strbuf *err)
{
	const char *hid = r->cell[RC_HOUSEHOLD], *code = r->cell[RC_VILLAGE];

	switch (fault) {
	case REGISTRY_WHOLE:
		return 0;
	case REGISTRY_NOT_YEAR:
		strbuf_printf(err, _("%s:%lu: year \"%s\" is not a year"),
		    f->name, r->line, r->cell[RC_YEAR]);
		break;
	case REGISTRY_NOT_ONE:
		strbuf_printf(err, _("%s:%lu: village %s of %lld, and line %lu "
		    "village %s of %d: a registry is one village of one year"),
		    f->name, r->line, code, (long long)r->year, ru->w.line,
		    ru->w.code, ru->w.year);
		break;
	case REGISTRY_NOT_STATUS:
		strbuf_printf(err, _("%s:%lu: status \"%s\" is not known"),
		    f->name, r->line, r->cell[RC_STATUS]);
		break;
	case REGISTRY_NOT_MEMBERS:
		strbuf_printf(err, _("%s:%lu: members \"%s\" is not a whole number "
		    "of 1 or more"), f->name, r->line, r->cell[RC_MEMBERS]);
		break;
	case REGISTRY_TWICE:
		strbuf_printf(err, _("%s:%lu: household %s is there twice: the "
		    "registry is damaged"), f->name, r->line, hid);
		break;
	default:
		strbuf_printf(err, _("%s:%lu: household %s of village %s is not "
		    "in %s: the registry is damaged"), f->name, r->line, hid,
		    code, ru->households);
		break;
	}
	strbuf_putc(err, '\n');
	return -1;
}

static int
on_registry_header(void *ctx, const struct registryfile *f, const char *maperr,
    struct strbuf *err)
{
	static const int hneed[] = { RC_HOUSEHOLD, RC_STATUS, RC_ATTRIBUTE,
		RC_CAUSE, RC_MEMBERS, RC_VILLAGE, RC_YEAR };
	static const int mneed[] = { RC_HOUSEHOLD, RC_LABOR, RC_HEALTH,
		RC_VILLAGE };
	struct rollup *ru = ctx;
	const int *need = ru->members ? mneed : hneed;
	size_t n = ru->members ? sizeof mneed / sizeof *mneed :
	    sizeof hneed / sizeof *hneed;

	if (maperr != NULL) {
		strbuf_printf(err, "%s\n", maperr);
		return -1;
	}
	for (size_t k = 0; k < n; k++)
		if (f->cols.pos[need[k]] < 0) {
			strbuf_printf(err, _("%s: column %s is missing"), f->name,
			    registry_columns[need[k]]);
			strbuf_putc(err, '\n');
			return -1;
		}
	return 0;
}

static int
on_registry_row(void *ctx, const struct registryfile *f,
    const struct registry_row *r, struct strbuf *err)
{
	struct rollup *ru = ctx;
	size_t k;

	if (ru->members) {
		/* Each member is of a household of households.csv. */
		if (rollup_say(ru, registry_whole_member(&ru->w, f, r, &k), f, r,
		    err) != 0)
			return -1;
		stats_person(ru->s, (enum status)ru->w.hh[k].status, r->labor,
		    r->health);
		return 0;
	}
	/* A registry is one village of one year. */
	if (r->len[RC_VILLAGE] != 12 ||
	    strspn(r->cell[RC_VILLAGE], "0123456789") != 12) {
		strbuf_printf(err, _("%s:%lu: village_code \"%s\" is not a "
		    "village code"), f->name, r->line, r->cell[RC_VILLAGE]);
		strbuf_putc(err, '\n');
		return -1;
	}
	if (rollup_say(ru, registry_whole_household(&ru->w, f, r), f, r,
	    err) != 0)
		return -1;
	stats_household(ru->s, (enum status)r->status, r->attribute, r->cause,
	    r->members);
	return 0;
}

static int
read_registry_file(struct rollup *ru, const char *path)
{
	struct registryfile_handler h = { ru, on_registry_header, on_registry_row };
	struct strbuf err = { 0 };
	char sha[DIGEST_HEX];
	int rc = registryfile_read(path, ru->members ? REGISTRY_MEMBERS :
	    REGISTRY_HOUSEHOLDS, ru->st->aliases, &h, sha, &err);

	if (rc != 0)
		stage_fail_lines(ru->st, &err);
	else if (stage_input(ru->st, path) == 0)
		stage_read(ru->st, path, sha);
	strbuf_free(&err);
	return rc == 0 && ru->st->err.len == 0 ? 0 : EXIT_ERROR;
}

/* What tpa-file stats counts: each registry's households.csv and
 * members.csv, and in an area the villages it leaves out. */
struct counted {
	char **hs, **ms;             /* the files read */
	char **name;                 /* the registry, for messages */
	size_t n;
	struct stats_left_out *left;
	size_t nleft;
};

static void
count_files(struct counted *c, char *hs, char *ms, const char *name)
{
	c->hs = xrealloc(c->hs, (c->n + 1) * sizeof *c->hs);
	c->ms = xrealloc(c->ms, (c->n + 1) * sizeof *c->ms);
	c->name = xrealloc(c->name, (c->n + 1) * sizeof *c->name);
	c->hs[c->n] = hs;
	c->ms[c->n] = ms;
	c->name[c->n++] = xstrdup(name);
}

static int
by_code(const void *x, const void *y)
{
	return strcmp(((const struct stats_left_out *)x)->code,
	    ((const struct stats_left_out *)y)->code);
}

/* The county's copy of NAME of village CODE's latest registry receipt, or
 * NULL with *WHY saying why there is none. */
static char *
received_copy(const struct ledger *l, const char *code, const char *name,
    const char **why)
{
	const struct ledger_row *row = ledger_latest_file(l, code, name);
	char *p;

	if (row == NULL) {
		*why = "not_received";
		return NULL;
	}
	p = path_join(l->dir, row->file);
	if (!digest_file_is(p, row->sha256)) {
		*why = "copy_changed";
		free(p);
		return NULL;
	}
	return p;
}

/* In an area (DIR holds town.yaml or county.yaml, SPEC §8), with the
 * county's LEDGER.csv: every village the level's villages.csv list is
 * counted from the registry the county received, or left out. The
 * operands must be registries of listed villages. Returns 0, 1 when the
 * county keeps no ledger (the registries given are counted as they are),
 * or EXIT_ERROR. */
static int
received_registries(struct stage *st, const char *dir,
    const struct file_stats_options *o, struct counted *c)
{
	struct audit_area aa;
	struct ledger l;
	struct strbuf err = { 0 };
	int rc = EXIT_ERROR;

	memset(&l, 0, sizeof l);
	if (audit_area_load(&aa, dir, NULL, 0, &err) != 0) {
		stage_fail_lines(st, &err);
		strbuf_free(&err);
		return EXIT_ERROR;
	}
	for (size_t i = 0; i < o->nregistries; i++) {
		char *real = realpath(o->registries[i], NULL), *v;
		int ok = 0;

		v = path_dir(real != NULL ? real : o->registries[i]);
		for (size_t t = 0; t < aa.ntowns && !ok; t++)
			ok = area_town_village(&aa.towns[t], path_base(v)) != NULL;
		free(v);
		free(real);
		if (!ok) {
			stage_fail(st, _("%s is not the registry of a village of the %s's "
			    "villages.csv: in an area the statistics cover the listed "
			    "villages"), o->registries[i],
			    aa.is_county ? _("county") : _("town"));
			goto out;
		}
	}
	if (!aa.have_county) {
		rc = 1;
		goto out;
	}
	if (ledger_load(&l, aa.county.dir, &err) != 0) {
		stage_fail_lines(st, &err);
		goto out;
	}
	if (!l.exists) {
		rc = 1;
		goto out;
	}
	if (stage_input(st, l.path) != 0)
		goto out;
	for (size_t t = 0; t < aa.ntowns; t++)
		for (size_t k = 0; k < aa.towns[t].nvillages; k++) {
			const char *code = aa.towns[t].village[k].code, *why = NULL;
			char *hs = received_copy(&l, code, "registry/households.csv", &why);
			char *ms = hs ? received_copy(&l, code, "registry/members.csv", &why) : NULL;

			if (hs != NULL && ms != NULL) {
				count_files(c, hs, ms, code);
				continue;
			}
			if (hs == NULL && strcmp(why, "not_received") == 0) {
				char rel[64], *p;

				snprintf(rel, sizeof rel, "../%s/registry/households.csv", code);
				p = path_join(dir, rel);
				if (!path_exists(p))
					why = "no_registry";
				free(p);
			}
			free(hs);
			c->left = xrealloc(c->left, (c->nleft + 1) * sizeof *c->left);
			snprintf(c->left[c->nleft].code, sizeof c->left[c->nleft].code,
			    "%s", code);
			c->left[c->nleft++].why = why;
		}
	if (c->nleft > 0)
		qsort(c->left, c->nleft, sizeof *c->left, by_code);
	rc = 0;
out:
	ledger_free(&l);
	audit_area_free(&aa);
	strbuf_free(&err);
	return rc;
}

int
file_stats_run(const struct file_stats_options *o)
{
	struct stage st;
	struct stats total;
	struct outfile *sc, *sv;
	char *csv = NULL, *svg = NULL;
	const char *dir = o->output ? o->output : ".";
	struct strbuf title = { 0 };
	struct strmap villages;
	struct counted c;
	size_t year_of_registry = 0;
	int status = EXIT_ERROR, year = 0, rc = 1;

	memset(&total, 0, sizeof total);
	memset(&c, 0, sizeof c);
	strmap_init(&villages);
	stage_begin(&st, "file", o->quiet);
	if (stage_load_columns(&st, NULL) != 0)
		goto out;
	csv = path_join(dir, "stats.csv");
	svg = path_join(dir, "stats.svg");
	/* In an area, only what the county received (SPEC §8). */
	if (audit_area_is(dir) && (rc = received_registries(&st, dir, o, &c)) == EXIT_ERROR)
		goto out;
	if (rc == 1)
		for (size_t i = 0; i < o->nregistries; i++)
			count_files(&c, path_join(o->registries[i], "households.csv"),
			    path_join(o->registries[i], "members.csv"), o->registries[i]);
	for (size_t i = 0; i < c.n; i++)
		if (stage_input(&st, c.hs[i]) || stage_input(&st, c.ms[i]))
			goto out;
	{
		/* A registry named twice would be counted twice. */
		size_t first, twice = paths_repeated((const char *const *)c.hs,
		    c.n, &first);

		if (twice < c.n) {
			stage_fail(&st, _("%s is given twice (as %s and %s): it would "
			    "be counted twice"), c.hs[twice], c.name[first],
			    c.name[twice]);
			goto out;
		}
	}
	if ((sc = stage_output(&st, csv, OUTFILE_PUBLIC)) == NULL ||
	    (sv = stage_output(&st, svg, OUTFILE_PUBLIC)) == NULL)
		goto out;
	for (size_t i = 0; i < c.n; i++) {
		struct rollup ru;
		struct stats one;
		char *m = c.ms[i];
		size_t k;

		memset(&ru, 0, sizeof ru);
		memset(&one, 0, sizeof one);
		ru.st = &st;
		ru.s = &one;
		registry_whole_init(&ru.w, NULL);
		rc = read_registry_file(&ru, c.hs[i]);
		if (rc == 0 && ru.w.year != 0) {
			/* one village once, one year */
			int inserted;
			uint32_t *first = strmap_put(&villages, ru.w.code, 12,
			    (uint32_t)i, &inserted);

			if (!inserted)
				rc = stage_fail(&st, _("%s: village %s is also the registry "
				    "%s: it would be counted twice"), c.name[i],
				    ru.w.code, c.name[*first]);
			else if (year == 0)
				year = ru.w.year, year_of_registry = i;
			else if (ru.w.year != year)
				rc = stage_fail(&st, _("%s: the registry of %d, and %s of %d: "
				    "statistics add up registries of one year"),
				    c.name[i], ru.w.year,
				    c.name[year_of_registry], year);
		}
		ru.members = 1;
		ru.households = c.hs[i];
		if (rc == 0)
			rc = read_registry_file(&ru, m);
		/* Each household has as many rows in members.csv as its members. */
		if (rc == 0 && registry_whole_rows(&ru.w, &k) != REGISTRY_WHOLE) {
			const struct registry_household *x = &ru.w.hh[k];

			rc = stage_fail(&st, _("%s:%lu: household %s has %lld "
			    "members, and %lu rows in %s: the registry is "
			    "damaged"), c.hs[i], x->line, x->id, x->members, x->rows, m);
		}
		registry_whole_free(&ru.w);
		if (rc != 0)
			goto out;
		stats_add(&total, &one);
	}
	stats_write_csv(&total, c.left, c.nleft, sc);
	strbuf_printf(&title, "建档立卡贫困户统计（%zu个村）", c.n);
	stats_write_svg(&total, strbuf_str(&title), LANG_ZH, sv);
	if (stage_commit(&st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet)
		fprintf(stderr, _("stats: %zu registries\n"), c.n);
out:
	strmap_free(&villages);
	for (size_t i = 0; i < c.n; i++) {
		free(c.hs[i]);
		free(c.ms[i]);
		free(c.name[i]);
	}
	free(c.hs);
	free(c.ms);
	free(c.name);
	free(c.left);
	free(csv);
	free(svg);
	strbuf_free(&title);
	return stage_end(&st, status);
}
