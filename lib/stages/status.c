#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "stages/areanotice.h"
#include "stages/auditarea.h"
#include "stages/blocked.h"
#include "stages/shell.h"
#include "stages/status.h"
#include "io/confidential.h"
#include "io/digest.h"
#include "io/infile.h"
#include "io/ledger.h"
#include "io/provenance.h"
#include "rules/area.h"
#include "rules/rules.h"
#include "values/enums.h"
#include "values/date.h"
#include "values/text.h"

/* STALE: an output made before a step ahead of it was done (a town
 * objection still pending, a list blocked): not done, make makes it again
 * once that step is. */
enum state { DONE, READY, WAITING, BLOCKED, LATER, FAILED, STALE };

struct step {
	const char *name;
	const char *output;          /* the file that says it is done */
};

/* PATH opened for reading when it is a regular file, else NULL: status
 * never waits on a FIFO nor reads a device without end. */
static FILE *
open_file(const char *path)
{
	char err[64];
	int fd = infile_open(path, INFILE_REGULAR, err, sizeof err);
	FILE *fp;

	if (fd < 0)
		return NULL;
	if ((fp = fdopen(fd, "r")) == NULL)
		close(fd);
	return fp;
}

/* The reason .tpa-blocked.mk gives for OUTPUT, or NULL. */
static char *
blocked_reason(const char *dir, const char *output)
{
	char *path = path_join(dir, ".tpa-blocked.mk"), *line = NULL, *why = NULL;
	size_t cap = 0, n = strlen(output);
	FILE *fp = open_file(path);

	free(path);
	if (fp == NULL)
		return NULL;
	while (getline(&line, &cap, fp) > 0)
		if (strncmp(line, "#! ", 3) == 0 && strncmp(line + 3, output, n) == 0 &&
		    line[3 + n] == ':') {
			why = xstrdup(line + 3 + n + 1 + (line[4 + n] == ' '));
			why[strcspn(why, "\n")] = '\0';
			break;
		}
	free(line);
	fclose(fp);
	return why;
}

/* Add to NAMES the temporaries in folder DIR (SUB, as written before each
 * name): ".NAME.tmp-PID-XXXXXX", left by a stage that was stopped (or
 * that runs now). */
static void
temporaries(const char *dir, const char *sub, struct strbuf *names)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] == '.' && strstr(e->d_name + 1, ".tmp-") != NULL)
			strbuf_printf(names, "%s%s%s", names->len ? ", " : "", sub, e->d_name);
	closedir(d);
}

static int
has(const char *dir, const char *name)
{
	char *p = path_join(dir, name);
	int e = path_exists(p);

	free(p);
	return e;
}

/* Errors of the audit at AUDIT for village CODE: -1 when there is none. */
static int
audit_errors(const char *audit, const char *code)
{
	FILE *fp = open_file(audit);
	char *line = NULL;
	size_t cap = 0;
	int n = 0;

	if (fp == NULL)
		return -1;
	while (getline(&line, &cap, fp) > 0) {
		char sev[16], c[32], v[32];

		if (sscanf(line, "%15[^,],%31[^,],%31[^,]", sev, c, v) == 3 &&
		    strcmp(sev, "error") == 0 && strcmp(v, code) == 0)
			n++;
	}
	free(line);
	fclose(fp);
	return n;
}

/* Whether the audit whose PROVENANCE.csv is PROV read the LIST of the
 * village in folder DIR as it is now: "/FOLDER/LIST@sha256" among its
 * inputs, FOLDER the name of DIR (the audit names what it read by path,
 * whatever code village.yaml gives). */
static int
audit_covers(const char *prov, const char *dir, const char *list)
{
	char sha[DIGEST_HEX], *line = NULL, real[PATH_MAX];
	char *list_path = path_join(dir, list);
	size_t cap = 0;
	struct strbuf want = { 0 };
	FILE *fp = NULL;
	int found = 0, ok;

	/* digest_file() reads only a regular file: a missing list, a FIFO or
	 * a folder is not covered. */
	ok = realpath(dir, real) != NULL && digest_file(list_path, sha) == 0 &&
	    (fp = open_file(prov)) != NULL;
	free(list_path);
	if (!ok)
		return 0;
	strbuf_printf(&want, "/%s/%s@%s", path_base(real), list, sha);
	while (!found && getline(&line, &cap, fp) > 0)
		found = strstr(line, strbuf_str(&want)) != NULL;
	free(line);
	fclose(fp);
	strbuf_free(&want);
	return found;
}

static const char *const words[] = {
	N_("done"), N_("ready"), N_("waiting"), N_("blocked"), N_("not yet"), N_("failed"),
	N_("made too early, to be made again"),
};

/* The steps of each level, whole phrases for the translator: its audit
 * (none at village level), its notice, its objections. */
static const char *const level_steps[3][3] = {
	{ NULL, N_("village notice"), N_("village objections") },
	{ N_("town audit"), N_("town notice"), N_("town objections") },
	{ N_("county audit"), N_("county notice"), N_("county objections") },
};

/* Spaces after STEP to fill 20 columns of the terminal. */
static int
pad(const char *step)
{
	size_t w = text_width(step, strlen(step));

	return w < 20 ? (int)(20 - w) : 0;
}

/* --brief: only the first step that is not done, on the village's line.
 * WORST: the worst state of any step. */
static int brief, said;
static enum state worst;
/* the reason a blocked step's line says, in the locale's language */
static struct strbuf said_why;

static void
line(const char *step, enum state s, const char *detail)
{
	/* A stage that failed (exit 2) is recorded as "failed: why". */
	if (s == BLOCKED && strncmp(detail, "failed: ", 8) == 0) {
		s = FAILED;
		detail += 8;
	}
	if (s == FAILED || (s == BLOCKED && worst != FAILED) ||
	    (s != DONE && worst == DONE))
		worst = s;
	if (s == BLOCKED && *detail != '\0') {
		strbuf_reset(&said_why);
		blocked_say(detail, &said_why);
		detail = strbuf_str(&said_why);
	}
	step = _(step);
	if (brief) {
		if (s != DONE && !said) {
			printf(" %s: %s%s%s\n", step, _(words[s]), *detail ? ": " : "", detail);
			said = 1;
		}
		return;
	}
	/* A Chinese character takes two columns. */
	printf("  %s%*s %s%s%s\n", step, pad(step), "",
	    _(words[s]), *detail ? ": " : "", detail);
}

/* A step whose OUTPUT is there: done when every step before it is
 * (PREVIOUS_DONE), else made too early. */
static void
made(const char *step, int previous_done, const char *output)
{
	line(step, previous_done ? DONE : STALE, output);
}

/* Load the village.yaml of folder DIR, refused as the stages refuse it,
 * and in an area its area into A (to free with area_free() either way).
 * Returns 1 in an area, 0 outside one, or -1 with the error printed (V
 * and A then freed). */
static int
load(struct village *v, struct area *a, const char *dir, char *err,
    size_t errlen)
{
	int rc;

	memset(a, 0, sizeof *a);
	if (village_load(v, dir, err, errlen) != 0) {
		fprintf(stderr, "%s: %s\n", program_name(), err);
		return -1;
	}
	if (village_folder_check(v->dir, v->code, err, errlen) != 0 ||
	    (rc = village_area_apply(v, a, NULL, NULL, ENC_AUTO, err, errlen)) < 0) {
		fprintf(stderr, "%s: %s\n", program_name(), err);
		village_free(v);
		return -1;
	}
	return rc;
}

/* Of a village in an area (loaded as V with its area A, which lists
 * it): whether the owner of level L (town or county) closed its posting
 * of the village (SPEC §8). Returns 1 when it is closed, 0 when not yet
 * (WHY says what is missing), -1 when a closing date is on or before the
 * end (DATE_ORDER; WHY says so). OWNER gets the level's objections file
 * (caller frees) when not NULL. */
static int
level_closed(const struct village *v, const struct area *a, int l,
    struct strbuf *why, char **owner, int full)
{
	char c[DATE_BUF], e[DATE_BUF];
	const struct area_period *p = area_level_period(a, (enum level)l);
	struct strbuf scratch = { 0 };
	int rc;

	if (owner != NULL)
		*owner = area_objections_path(a, (enum level)l);
	/* Not closed: in full the stage's own words (tpa-publicize
	 * resolve), else status's short ones. */
	rc = area_level_closed(a, (enum level)l, v->code, full ? why : &scratch);
	strbuf_free(&scratch);
	if (rc < 0)
		strbuf_printf(why, _("%s: the closing date %s is not after the end "
		    "of the posting %s (DATE_ORDER)"), l == 1 ? a->town.villages_path :
		    a->county.path, date_format(c, p->closed), date_format(e, p->end));
	else if (rc == 0 && !full) {
		if (l == 1)
			strbuf_printf(why, _("the town has not closed its posting: set "
			    "town_closed in %s"), a->town.villages_path);
		else
			strbuf_printf(why, _("the county has not closed its announcement: "
			    "set publicity.closed in %s"), a->county.path);
	}
	return rc;
}

int
status_closed(const char *dir, const char *level)
{
	struct village v;
	struct area a;
	struct strbuf why = { 0 };
	char err[2048];
	int l, rc;

	if (strcmp(level, "town") == 0)
		l = 1;
	else if (strcmp(level, "county") == 0)
		l = 2;
	else {
		fprintf(stderr, "%s: ", program_name());
		fprintf(stderr, _("--closed takes town or county, not \"%s\"\n"), level);
		return EXIT_ERROR;
	}
	if ((rc = load(&v, &a, dir, err, sizeof err)) < 0)
		return EXIT_ERROR;
	if (rc == 0) {
		village_free(&v);
		area_free(&a);
		return EXIT_DONE;
	}
	rc = level_closed(&v, &a, l, &why, NULL, 1);
	if (rc < 0)
		fprintf(stderr, "%s: %s\n", program_name(), strbuf_str(&why));
	else if (rc == 0)
		printf("%s\n", strbuf_str(&why));
	strbuf_free(&why);
	village_free(&v);
	area_free(&a);
	if (fflush(stdout) != 0)
		return EXIT_ERROR;
	return rc > 0 ? EXIT_DONE : rc == 0 ? STATUS_WAITING : EXIT_ERROR;
}

int
status_print_code(const char *dir)
{
	struct village v;
	struct area a;
	char err[2048];

	if (load(&v, &a, dir, err, sizeof err) < 0)
		return EXIT_ERROR;
	printf("%s\n", v.code);
	village_free(&v);
	area_free(&a);
	return fflush(stdout) == 0 ? EXIT_DONE : EXIT_ERROR;
}

/* The rules of the village V (in an area, with its area A: the county's
 * rules for its town) into R. Returns 0, 1 when no rules are named (R
 * untouched: the stages say so), or -1 with the error printed when SAY. */
static int
load_rules(struct rules *r, const struct village *v, const struct area *a,
    int in_area, int say)
{
	struct strbuf err = { 0 };
	int rc;

	memset(r, 0, sizeof *r);
	if (v->rules_path == NULL)
		return 1;
	rc = in_area ? area_rules_load(r, &a->county, v->code, &err) :
	    rules_load(r, v->rules_path, &err);
	if (rc != 0) {
		/* one line per problem, each "FILE:LINE:COL: message" */
		if (say)
			say_lines(&err);
		strbuf_free(&err);
		return -1;
	}
	strbuf_free(&err);
	return 0;
}

int
status_rules(const char *dir, struct rules *r, char **columns)
{
	struct village v;
	struct area a;
	char err[2048];
	int in_area, rc;

	memset(r, 0, sizeof *r);
	if ((in_area = load(&v, &a, dir, err, sizeof err)) < 0)
		return -1;
	rc = load_rules(r, &v, &a, in_area, 1);
	if (columns != NULL)
		*columns = v.columns_path != NULL ? xstrdup(v.columns_path) : NULL;
	village_free(&v);
	area_free(&a);
	return rc;
}

/* The levels that post, as the village's rules say, and for each level
 * the last one before it that posts (-1 before the village). Returns 0,
 * or -1 with the error printed when the rules cannot be read. Unless
 * STRICT, rules that cannot be read (the stage that reads them records
 * why, and the status shows it) or none named are all three levels. */
static int
postings(const struct village *v, const struct area *a, int in_area,
    int strict, int posts[NLEVELS], int before[NLEVELS])
{
	struct rules r;
	int rc = load_rules(&r, v, a, in_area, strict);

	for (int l = 0; l < NLEVELS; l++) {
		posts[l] = rc != 0 || rules_posts(&r, (enum level)l);
		before[l] = rc == 0 ? rules_level_before(&r, l) : l - 1;
	}
	if (rc == 0)
		rules_free(&r);
	return rc < 0 && strict ? -1 : 0;
}

int
status_print_levels(const char *dir)
{
	struct village v;
	struct area a;
	char err[2048];
	int posts[NLEVELS], before[NLEVELS], in_area, rc;

	if ((in_area = load(&v, &a, dir, err, sizeof err)) < 0)
		return EXIT_ERROR;
	if ((rc = postings(&v, &a, in_area, 1, posts, before)) == 0) {
		for (int l = 0, n = 0; l < NLEVELS; l++)
			if (posts[l])
				printf("%s%s", n++ ? " " : "", level_code(l));
		printf("\n");
	}
	village_free(&v);
	area_free(&a);
	if (rc != 0)
		return EXIT_ERROR;
	return fflush(stdout) == 0 ? EXIT_DONE : EXIT_ERROR;
}

int
status_print_exposed(const char *dir)
{
	for (size_t i = 0; confidential_files[i] != NULL; i++) {
		char *p = path_join(dir, confidential_files[i]);
		unsigned mode;

		if (confidential_exposed(p, &mode))
			printf("%s\n", confidential_files[i]);
		free(p);
	}
	return fflush(stdout) == 0 ? EXIT_DONE : EXIT_ERROR;
}

int
status_worse(int a, int b)
{
	static const int rank[] = { 0, 2, 3, 1 };   /* by status 0..3 */

	return rank[a & 3] >= rank[b & 3] ? a : b;
}

int
status_run(const char *dir, int no_audit, int one_line)
{
	static const char *const lvl[3] = { "village", "town", "county" };
	struct village v;
	struct area area;
	char err[2048], code_town[16], code_county[16];
	int previous_done = 1, in_area, posts[NLEVELS], before[NLEVELS];

	if ((in_area = load(&v, &area, dir, err, sizeof err)) < 0)
		return EXIT_ERROR;
	(void)postings(&v, &area, in_area, 0, posts, before);
	snprintf(code_town, sizeof code_town, "%.9s", v.code);
	snprintf(code_county, sizeof code_county, "%.6s", v.code);
	brief = one_line;
	said = 0;
	worst = DONE;
	printf("%s%s%s%s%s, %d%s", one_line ? "" : _("village "), v.code, v.name ? " (" : "",
	    v.name ? v.name : "", v.name ? ")" : "", v.year, one_line ? ":" : "\n");
	{
		static const struct step first[] = {
			{ N_("apply"), "applicants.csv" }, { N_("survey"), "primary.csv" },
			{ N_("appraise"), "appraised.csv" },
		};
		/* what the village fills in for each (tpa-init's templates/) */
		static const char *const input[] = {
			"applications.csv", "survey.csv", "votes.csv",
		};

		for (size_t i = 0; i < 3; i++) {
			char *why = blocked_reason(dir, first[i].output);
			struct strbuf d = { 0 };

			if (why != NULL)
				line(first[i].name, BLOCKED, why), previous_done = 0;
			else if (has(dir, first[i].output))
				made(first[i].name, previous_done, first[i].output);
			else if (previous_done && !has(dir, input[i])) {
				strbuf_printf(&d, _("for %s (fill in templates/%s)"),
				    input[i], input[i]);
				line(first[i].name, WAITING, strbuf_str(&d));
				previous_done = 0;
			} else
				line(first[i].name, previous_done ? READY : LATER, ""),
				    previous_done = 0;
			strbuf_free(&d);
			free(why);
		}
	}
	for (int l = 0; l < 3; l++) {
		char notice[48], objections[48], list[48], audit[96];
		const char *step;
		char *why;
		struct strbuf d = { 0 };

		snprintf(notice, sizeof notice, "notice-%s.html", lvl[l]);
		snprintf(objections, sizeof objections, "objections-%s.csv", lvl[l]);
		snprintf(list, sizeof list, "publicized-%s.csv", lvl[l]);
		/* Both audits, whatever posts: each covers the list of the last
		 * level below it that posts. */
		if (l > 0) {
			int errors;

			snprintf(audit, sizeof audit, "../%s-%s/audit.csv",
			    l == 1 ? "town" : "county", l == 1 ? code_town : code_county);
			step = level_steps[l][0];
			if (no_audit) {
				line(step, DONE, _("skipped (TPA_AUDIT=0)"));
			} else {
				char *p = path_join(dir, audit), *pd = path_dir(p);
				char *prov = path_join(pd, "PROVENANCE.csv");
				char below[48];

				snprintf(below, sizeof below, "publicized-%s.csv",
				    lvl[before[l]]);
				errors = audit_errors(p, v.code);
				if (errors >= 0 && has(dir, below) &&
				    !audit_covers(prov, dir, below)) {
					strbuf_printf(&d, _("%s has not covered this village's %s yet"),
					    audit, below);
					line(step, previous_done ? WAITING : LATER, previous_done ?
					    strbuf_str(&d) : ""), previous_done = 0;
					errors = -2;
				}
				free(p);
				free(pd);
				free(prov);
				if (errors == -2)
					;
				else if (errors < 0)
					line(step, previous_done ? WAITING : LATER, previous_done ?
					    audit : ""), previous_done = 0;
				else if (errors > 0) {
					strbuf_printf(&d, ngettext("%d error for this village in %s",
					    "%d errors for this village in %s", (unsigned long)errors),
					    errors, audit);
					line(step, BLOCKED, strbuf_str(&d));
					previous_done = 0;
				} else if (!previous_done)
					/* an audit of lists the village no longer has */
					line(step, LATER, "");
				else
					line(step, DONE, audit);
				strbuf_reset(&d);
			}
		}
		if (!posts[l]) {
			strbuf_free(&d);
			continue;
		}
		step = level_steps[l][1];
		why = blocked_reason(dir, notice);
		if (why != NULL)
			line(step, BLOCKED, why), previous_done = 0;
		else if (has(dir, notice))
			made(step, previous_done, notice);
		else
			line(step, previous_done ? READY : LATER, ""), previous_done = 0;
		free(why);
		step = level_steps[l][2];
		why = blocked_reason(dir, list);
		if (why != NULL) {
			line(step, BLOCKED, why);
			previous_done = 0;
		} else if (has(dir, list)) {
			made(step, previous_done, list);
		} else if (l > 0 && previous_done && in_area) {
			char *owner = NULL;
			int closed = level_closed(&v, &area, l, &d, &owner, 0);

			if (owner != NULL && !path_exists(owner)) {
				strbuf_reset(&d);
				strbuf_printf(&d, l == 1 ? _("for %s (the town records its "
				    "objections there)") : _("for %s (the county records its "
				    "objections there)"), owner);
				line(step, WAITING, strbuf_str(&d));
			} else if (closed < 0) {
				line(step, BLOCKED, strbuf_str(&d));
			} else if (closed == 0) {
				line(step, WAITING, strbuf_str(&d));
			} else {
				line(step, READY, "");
			}
			free(owner);
			previous_done = 0;
		} else if (!has(dir, objections) && previous_done) {
			char a[DATE_BUF], b[DATE_BUF];

			if (v.publicity[l].given)
				strbuf_printf(&d, _("for %s (the period runs %s to %s)"), objections,
				    date_format(a, v.publicity[l].start),
				    date_format(b, v.publicity[l].end));
			else
				strbuf_printf(&d, _("for %s (village.yaml gives no publicity period for this level yet)"),
				    objections);
			line(step, WAITING, strbuf_str(&d));
			previous_done = 0;
		} else {
			line(step, previous_done ? READY : LATER, "");
			previous_done = 0;
		}
		free(why);
		strbuf_free(&d);
	}
	{
		char *why = blocked_reason(dir, "registry/households.csv");

		if (why != NULL)
			line(N_("registry"), BLOCKED, why);
		else if (has(dir, "registry/households.csv"))
			made(N_("registry"), previous_done, "registry/");
		else
			line(N_("registry"), previous_done ? READY : LATER, "");
		free(why);
	}
	{
		struct strbuf t = { 0 };
		char *reg = path_join(dir, "registry");

		/* A stage stopped there (or running now) may not have made its
		 * outputs from what they depend on: not done. */
		temporaries(dir, "", &t);
		temporaries(reg, "registry/", &t);
		if (t.len && worst == DONE)
			worst = WAITING;
		if (brief && !said && t.len)
			printf(_(" temporaries left by a stage that was stopped (make "
			    "clean removes them): %s\n"), strbuf_str(&t));
		else if (brief && !said)
			printf(" %s\n", _("every step done"));
		if (!brief && t.len)
			printf(_("  temporaries left by a stage that was stopped (make "
			    "clean removes them): %s\n"), strbuf_str(&t));
		free(reg);
		strbuf_free(&t);
	}
	village_free(&v);
	area_free(&area);
	strbuf_free(&said_why);
	if (fflush(stdout) != 0)
		return EXIT_ERROR;
	return worst == DONE ? EXIT_DONE : worst == FAILED ? EXIT_ERROR :
	    worst == BLOCKED ? EXIT_BLOCKED : STATUS_WAITING;
}

/* The level's own notices (tpa-publicize(1) area-notice) in its folder
 * DIR, of LEVEL, whose villages' folders are the N VILLAGES: each made
 * (done), or made before a list it shows changed, or by hand since, or
 * before a village's list it does not show was there (made too early,
 * to be made again); none made: ready once a village has its list. What
 * each read is its row of DIR's PROVENANCE.csv. */
static void
area_notices_status(const char *dir, enum level level, char *const *villages,
    size_t n)
{
	const char *step = level == LEVEL_COUNTY ? N_("county-wide notice") :
	    N_("town-wide notice");
	struct provenance_rows rows;
	struct strbuf d = { 0 }, shown = { 0 };
	char err[1024], *list = NULL, **names;
	size_t nnames, uncovered = 0;
	struct ledger lg;
	struct strbuf lerr = { 0 };
	int have_ledger;

	brief = 0;
	(void)provenance_read(dir, &rows, err, sizeof err);
	names = area_notice_files(dir, level, &nnames);
	/* the list the notices show: the one they read, else the level's
	 * usual one (the list of the level below) */
	for (size_t i = 0; i < nnames && list == NULL; i++) {
		const struct provenance_row *r = provenance_find(&rows, names[i]);

		for (size_t k = 0; r != NULL && k < r->ninputs && list == NULL; k++)
			list = xstrdup(path_base(r->inputs[k].name));
	}
	if (list == NULL)
		list = xstrdup(level == LEVEL_COUNTY ? "publicized-town.csv" :
		    "publicized-village.csv");
	for (size_t i = 0; i < nnames; i++) {
		const struct provenance_row *r = provenance_find(&rows, names[i]);
		char *path = path_join(dir, names[i]);

		strbuf_reset(&d);
		if (r == NULL || !digest_file_is(path, r->sha256))
			strbuf_printf(&d, _("%s: changed since tpa-publicize "
			    "area-notice made it"), names[i]);
		for (size_t k = 0; r != NULL && k < r->ninputs && d.len == 0; k++) {
			char *in = path_join(dir, r->inputs[k].name);

			if (!digest_file_is(in, r->inputs[k].sha256))
				strbuf_printf(&d, _("%s: %s changed after it was made"),
				    names[i], r->inputs[k].name);
			free(in);
		}
		if (d.len > 0)
			line(step, STALE, strbuf_str(&d));
		else
			line(step, DONE, names[i]);
		free(path);
	}
	/* the villages whose list, as the notices show it (the level's
	 * receipt of it, the village's own before the level's first audit),
	 * is on none of them; one not received is listed as such */
	have_ledger = ledger_load(&lg, dir, &lerr) == 0;
	for (size_t v = 0; v < n; v++) {
		char *lp = path_join(villages[v], list);
		const struct ledger_row *got;
		int covered = 0, own;

		got = area_notice_source(have_ledger ? &lg : NULL,
		    path_base(villages[v]), list, &own);
		if (path_exists(lp) && (own || got != NULL)) {
			struct strbuf want = { 0 };

			if (own)
				strbuf_printf(&want, "../%s/%s", path_base(villages[v]), list);
			else
				strbuf_puts(&want, got->file);
			for (size_t i = 0; i < nnames && !covered; i++) {
				const struct provenance_row *r = provenance_find(&rows,
				    names[i]);

				for (size_t k = 0; r != NULL && k < r->ninputs; k++)
					covered |= strcmp(r->inputs[k].name, want.s) == 0;
			}
			if (!covered)
				strbuf_printf(&shown, "%s%s", uncovered++ ? ", " : "",
				    own ? strbuf_str(&want) + 3 : strbuf_str(&want));
			strbuf_free(&want);
		}
		free(lp);
	}
	if (uncovered > 0 && nnames > 0) {
		strbuf_reset(&d);
		strbuf_printf(&d, _("%s: on no notice, made after them"),
		    strbuf_str(&shown));
		line(step, STALE, strbuf_str(&d));
	} else if (nnames == 0 && uncovered > 0)
		line(step, READY, _("make notices writes it"));
	else if (nnames == 0)
		line(step, LATER, "");
	path_entries_free(names, nnames);
	free(list);
	ledger_free(&lg);
	strbuf_free(&lerr);
	provenance_rows_free(&rows);
	strbuf_free(&d);
	strbuf_free(&shown);
}

int
status_level(const char *dir)
{
	char *name = village_folder_name(dir), *parent, **found = NULL, **names;
	const char *code;
	size_t len, n = 0, cap = 0, count[4] = { 0 }, nnames;
	int town, rc = EXIT_DONE;

	if (name == NULL)
		name = xstrdup("");
	town = strncmp(name, "town-", 5) == 0;
	code = town ? name + 5 : strncmp(name, "county-", 7) == 0 ? name + 7 : NULL;
	len = town ? 9 : 6;
	if (code == NULL || strlen(code) != len || !text_digits(code, len)) {
		fprintf(stderr, "%s: ", program_name());
		fprintf(stderr, _("%s is neither a village's folder (no village.yaml) "
		    "nor a town's (town-TTTTTTTTT) or a county's (county-CCCCCC)\n"), dir);
		free(name);
		return EXIT_ERROR;
	}
	parent = path_join(dir, "..");
	/* the villages the level's Makefile runs: ../CODE??? (town) or
	 * ../CODE?????? (county) holding village.yaml */
	names = path_entries(parent, &nnames);
	for (size_t i = 0; i < nnames; i++) {
		char *v, *yaml;

		if (strlen(names[i]) != 12 || strncmp(names[i], code, len) != 0 ||
		    !text_digits(names[i], 12))
			continue;
		v = path_join(parent, names[i]);
		yaml = path_join(v, "village.yaml");
		if (path_exists(yaml)) {
			xgrow(&found, &cap, n + 1, sizeof *found);
			found[n++] = v;
		} else
			free(v);
		free(yaml);
	}
	path_entries_free(names, nnames);
	for (size_t i = 0; i < n; i++) {
		int r;

		fflush(stdout);
		r = status_run(found[i], 0, 1);
		count[r == EXIT_DONE ? 0 : r == STATUS_WAITING ? 1 :
		    r == EXIT_BLOCKED ? 2 : 3]++;
		rc = status_worse(rc, r);
	}
	/* TRANSLATORS: the level (town or county) and its code, then counts of
	 * villages. */
	printf(_("%s %s: %zu villages: %zu done, %zu waiting, %zu blocked, %zu "
	    "failed\n"), town ? _("town") : _("county"), code, n, count[0],
	    count[1], count[2], count[3]);
	if (n > 0 && count[0] < n)
		printf("%s\n", count[2] + count[3] > 0 ?
		    _("  a blocked or failed village needs action: its line says "
		    "what; make status in its folder says more") :
		    _("  no village is blocked: each line above says what it waits "
		    "for (make here runs the audits)"));
	fflush(stdout);
	/* a town's or county's own notice is made in an area only */
	if (audit_area_is(dir))
		area_notices_status(dir, town ? LEVEL_TOWN : LEVEL_COUNTY, found, n);
	for (size_t i = 0; i < n; i++)
		free(found[i]);
	free(found);
	free(parent);
	free(name);
	return fflush(stdout) == 0 ? rc : EXIT_ERROR;
}

int
status_is_level(const char *dir)
{
	char *name = village_folder_name(dir), *yaml = path_join(dir, "village.yaml");
	int is = name != NULL && !path_exists(yaml) &&
	    ((strncmp(name, "town-", 5) == 0 && text_digits(name + 5, strlen(name + 5))) ||
	    (strncmp(name, "county-", 7) == 0 && text_digits(name + 7, strlen(name + 7))));

	free(name);
	free(yaml);
	return is;
}
