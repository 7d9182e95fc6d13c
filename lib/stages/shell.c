#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "household/previous.h"
#include "io/provenance.h"
#include "rules/village_area.h"
#include "stages/received.h"
#include "stages/shell.h"

/* What a recorded read is, for the order of PROVENANCE's inputs: the data
 * files in the order read, then village.yaml, the rules' includes, the
 * column aliases. */
enum { READ_DATA, READ_VILLAGE, READ_COLUMNS };

void
stage_begin(struct stage *st, const char *name, int quiet)
{
	memset(st, 0, sizeof *st);
	st->name = name;
	st->quiet = quiet;
	st->lang = LANG_ZH;
}

int
stage_fail(struct stage *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(&st->err, fmt, ap);
	va_end(ap);
	strbuf_putc(&st->err, '\n');
	return EXIT_ERROR;
}

int
stage_fail_lines(struct stage *st, const struct strbuf *err)
{
	const char *s = strbuf_str(err);

	if (err->len == 0)
		return stage_fail(st, "%s", _("failed"));
	strbuf_puts(&st->err, s);
	if (s[err->len - 1] != '\n')
		strbuf_putc(&st->err, '\n');
	return EXIT_ERROR;
}

void
say_lines(const struct strbuf *err)
{
	for (const char *l = strbuf_str(err); *l; ) {
		size_t n = strcspn(l, "\n");

		fprintf(stderr, "%s: %.*s\n", program_name(), (int)n, l);
		l += n + (l[n] == '\n');
	}
}

void
stage_warn(struct stage *st, const char *fmt, ...)
{
	va_list ap;

	(void)st;
	fprintf(stderr, "%s: ", program_name());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
record(struct stage *st, const char *path, const char sha256[DIGEST_HEX], int kind)
{
	struct stage_read *r;

	st->reads = xrealloc(st->reads, (st->nreads + 1) * sizeof *st->reads);
	r = &st->reads[st->nreads++];
	r->path = xstrdup(path);
	memcpy(r->sha256, sha256, DIGEST_HEX);
	r->kind = kind;
}

void
stage_record_in(struct stage *st, const char *dir)
{
	free(st->record_dir);
	st->record_dir = xstrdup(dir);
}

void
stage_read(struct stage *st, const char *path, const char sha256[DIGEST_HEX])
{
	record(st, path, sha256, READ_DATA);
}

static int
add_path(struct stage *st, const char *path, int output)
{
	struct stage_path *p;
	char msg[1024];

	if (path == NULL || strcmp(path, "-") == 0)
		return 0;
	st->paths = xrealloc(st->paths, (st->npaths + 1) * sizeof *st->paths);
	p = &st->paths[st->npaths];
	memset(p, 0, sizeof *p);
	if (file_id_get(path, &p->id, msg, sizeof msg) != 0) {
		if (output)   /* MSG names PATH */
			return stage_fail(st, _("cannot write %s"), msg);
		return 0;   /* an input that cannot be found fails when opened */
	}
	p->path = xstrdup(path);
	p->output = output;
	/* An input is compared with the outputs only: none yet, no loop
	 * (tpa-file stats and the audit take thousands of inputs). */
	for (size_t i = 0; (output || st->npath_outputs > 0) && i < st->npaths; i++)
		if (file_id_same(&st->paths[i].id, &p->id) &&
		    (output || st->paths[i].output)) {
			int rc = stage_fail(st, !output ?
			    _("input %s is the same file as output %s: nothing was written") :
			    st->paths[i].output ?
			    _("output %s is the same file as output %s: nothing was written") :
			    _("output %s is the same file as input %s: nothing was written"),
			    path, st->paths[i].path);

			file_id_free(&p->id);
			free(p->path);
			return rc;
		}
	st->npaths++;
	st->npath_outputs += output != 0;
	return 0;
}

int
stage_input(struct stage *st, const char *path)
{
	return add_path(st, path, 0);
}

int
stage_load_village(struct stage *st, const char *path, int required)
{
	char err[2048];
	int rc;

	if (path == NULL) {
		if (required)
			return stage_fail(st, "%s", _("--village is needed"));
		return 0;
	}
	if (village_load(&st->village, path, err, sizeof err) != 0)
		return stage_fail(st, "%s", err);
	if (village_folder_check(st->village.dir, st->village.code, err, sizeof err) != 0) {
		village_free(&st->village);
		return stage_fail(st, "%s", err);
	}
	rc = village_area_apply(&st->village, &st->area, st->town_dir,
	    st->county_dir, ENC_AUTO, err, sizeof err);
	if (rc < 0) {
		village_free(&st->village);
		return stage_fail(st, "%s", err);
	}
	st->have_area = rc == 1;
	st->have_village = 1;
	st->lang = st->village.language == 1 ? LANG_EN : LANG_ZH;
	record(st, st->village.path, st->village.sha256, READ_VILLAGE);
	/* The town's and county's files are inputs too: no output may
	 * replace them. */
	if (st->have_area && (stage_input(st, st->area.county.path) != 0 ||
	    stage_input(st, st->area.town.path) != 0 ||
	    stage_input(st, st->area.town.villages_path) != 0))
		return EXIT_ERROR;
	return stage_input(st, st->village.path);
}

int
stage_fail_no_period(struct stage *st, int level)
{
	char *a, *b;
	int rc;

	if (!st->have_area || level == 0)
		/* TRANSLATORS: village.yaml, then the level's code (village, town
		 * or county) as village.yaml spells it. */
		return stage_fail(st, _("%s: publicity.%s (the period: {start, end}) "
		    "is missing"), st->village.path, level == 0 ? "village" :
		    level == 1 ? "town" : "county");
	if (level == 2) {
		a = path_relative(".", st->area.county.path);
		rc = stage_fail(st, _("%s: the county's announcement period is "
		    "missing: set publicity: {start, end} in %s"), st->village.path, a);
		free(a);
		return rc;
	}
	a = path_relative(".", st->area.town.villages_path);
	b = path_relative(".", st->area.town.path);
	rc = stage_fail(st, _("%s: village %s has no town posting period: set "
	    "town_start and town_end in %s, or publicity: {start, end} in %s"),
	    st->village.path, st->village.code, a, b);
	free(a);
	free(b);
	return rc;
}

/* OPTION given for a village in an area: the county decides. */
static int
area_option(struct stage *st, const char *option)
{
	char *rel = path_relative(".", st->area.county.path);
	int rc = stage_fail(st, _("%s: village %s is in a county's area: the "
	    "county's %s decides, not %s"), option, st->village.code, rel, option);

	free(rel);
	return rc;
}

/* Load the rules into R: PATH, else the ones village.yaml names (in an
 * area the county's for the village's town, which follow the county's
 * procedure). Returns 0, 1 when there are none to load (nothing
 * recorded), or EXIT_ERROR with the errors recorded. */
static int
rules_into(struct stage *st, const char *path, int include_anywhere,
    struct rules *r)
{
	struct strbuf err = { 0 };
	int rc = 0;

	if (path != NULL && st->have_area)
		return area_option(st, "--rules");
	if (path == NULL && st->have_village)
		path = st->village.rules_path;
	if (path == NULL)
		return 1;
	memset(r, 0, sizeof *r);
	r->include_anywhere = include_anywhere;
	if ((st->have_area && path == st->village.rules_path ?
	    area_rules_load(r, &st->area.county, st->village.code, &err) :
	    rules_load(r, path, &err)) != 0)
		rc = stage_fail_lines(st, &err);
	strbuf_free(&err);
	return rc;
}

int
stage_load_rules(struct stage *st, const char *path, int include_anywhere)
{
	int rc = rules_into(st, path, include_anywhere, &st->rules);

	if (rc == 1)
		return stage_fail(st, "%s", _("no rules: give --rules, or --village "
		    "with a village.yaml that names its rules"));
	if (rc != 0)
		return rc;
	st->have_rules = 1;
	for (size_t i = 0; i < st->rules.nfiles && rc == 0; i++)
		rc = stage_input(st, st->rules.files[i].path);
	return rc;
}

int
stage_check_level(struct stage *st, const char *path, int include_anywhere,
    enum level l, int posts[NLEVELS])
{
	struct rules own;
	const struct rules *r = &st->rules;
	struct strbuf b = { 0 };
	int rc = 0;

	for (int i = 0; posts != NULL && i < NLEVELS; i++)
		posts[i] = 1;
	if (l == LEVEL_VILLAGE)
		return 0;
	if (!st->have_rules) {
		if ((rc = rules_into(st, path, include_anywhere, &own)) != 0)
			return rc == 1 ? 0 : rc;
		r = &own;
	}
	for (int i = 0; posts != NULL && i < NLEVELS; i++)
		posts[i] = rules_posts(r, (enum level)i);
	if (!rules_posts(r, l)) {
		rules_postings(r, &b);
		rc = stage_fail(st, _("--level %s: the procedure of %s does not post "
		    "at that level (it posts at %s)"), level_code(l), r->path,
		    strbuf_str(&b));
		strbuf_free(&b);
	}
	if (r == &own)
		rules_free(&own);
	return rc;
}

static int
load_aliases(struct stage *st, const char *path)
{
	char err[2048], sha[DIGEST_HEX];

	if (aliases_load(st->aliases, path, err, sizeof err) != 0)
		return stage_fail(st, "%s", err);
	if (digest_file(path, sha) != 0)
		return stage_fail(st, _("cannot read %s"), path);
	record(st, path, sha, READ_COLUMNS);
	return stage_input(st, path);
}

int
stage_load_columns(struct stage *st, const char *path)
{
	if (path != NULL && st->have_area)
		return area_option(st, "--columns");
	st->aliases = aliases_new();
	if (st->have_village && st->village.columns_path != NULL &&
	    load_aliases(st, st->village.columns_path) != 0)
		return EXIT_ERROR;
	if (path != NULL && load_aliases(st, path) != 0)
		return EXIT_ERROR;
	return 0;
}

/* The first difference of last year's registry from its receipt. */
static void
on_previous_difference(void *ctx, const struct received_change *c)
{
	struct strbuf *first = ctx;
	const struct tablediff *d = c->d;

	if (first->len > 0)
		return;
	strbuf_printf(first, "%s %s", c->file, d->household);
	if (d->added)
		strbuf_puts(first, " +");
	else if (d->removed)
		strbuf_puts(first, " -");
	else
		strbuf_printf(first, " %s %s \u2192 %s", d->column,
		    *d->old ? d->old : "-", *d->new ? d->new : "-");
}

/* In an area, last year's registry DIR of village CODE must be, file by
 * file as read, the latest registry receipt of CODE in that year's county
 * ledger (SPEC §8 "Across years"); with no ledger that year it is taken
 * as it is (the audit warns). Returns 0 or EXIT_ERROR. */
static int
previous_as_received(struct stage *st, const char *dir, const char *code)
{
	struct strbuf first = { 0 }, err = { 0 };
	long n = 0;
	int rc = 0;

	enum previous_receipt how = received_previous(dir, code, st->aliases,
	    on_previous_difference, &first, &n, &err);

	if (how == PREVIOUS_RECEIVED && n > 0)
		rc = stage_fail(st, _("%s: PREVIOUS_CHANGED: last year's registry "
		    "is not what the county received (differences: %ld; the first: "
		    "%s); it is corrected only through that year's county "
		    "reopen.csv"), dir, n, strbuf_str(&first));
	else if (how == PREVIOUS_BROKEN) {
		if (err.len > 0 && err.s[err.len - 1] == '\n')
			strbuf_truncate(&err, err.len - 1);
		rc = stage_fail(st, _("%s: PREVIOUS_CHANGED: what the county "
		    "received of last year's registry cannot be known: %s"), dir,
		    strbuf_str(&err));
	}
	if (rc == 0 && err.len > 0)
		rc = stage_fail_lines(st, &err);
	strbuf_free(&first);
	strbuf_free(&err);
	return rc;
}

int
stage_load_previous(struct stage *st, struct previous_registry *p, const char *dir)
{
	/* After a renumbering (villages.csv's previous_code) last year's
	 * registry is of last year's code. */
	const char *code = st->have_area && st->area.village->previous_code[0] ?
	    st->area.village->previous_code : st->village.code;
	struct previous_expect x = { code, st->village.year, st->village.dir,
		st->aliases };
	struct strbuf err = { 0 };
	int rc = 0;

	if (previous_read(p, dir, &x, &err) != 0)
		rc = stage_fail_lines(st, &err);
	if (rc == 0 && st->have_area)
		rc = previous_as_received(st, dir, code);
	for (int i = 0; i < PREVIOUS_NFILES && rc == 0; i++)
		if (p->path[i] != NULL && (rc = stage_input(st, p->path[i])) == 0)
			stage_read(st, p->path[i], p->sha256[i]);
	strbuf_free(&err);
	return rc;
}

char *
stage_beside(const struct stage *st, const struct outfile *main, const char *name)
{
	if (main == NULL || outfile_in_place(main))
		return path_beside(st->have_village ? st->village.path : NULL, name);
	return path_beside(outfile_path(main), name);
}

struct outfile *
stage_output(struct stage *st, const char *path, enum outfile_mode mode)
{
	struct stage_output *o;
	char err[1024];

	if (st->nout == STAGE_MAX_OUTPUTS) {
		stage_fail(st, "%s", _("too many outputs"));
		return NULL;
	}
	if (path != NULL && strcmp(path, "-") != 0) {
		const char *base = path_base(path);

		if (strcmp(base, "PROVENANCE.csv") == 0 || strcmp(base, ".tpa-deps.mk") == 0) {
			stage_fail(st, _("%s: that name is tpa's record of the folder; "
			    "choose another output name"), path);
			return NULL;
		}
		if (add_path(st, path, 1) != 0)
			return NULL;
	}
	o = &st->out[st->nout];
	memset(o, 0, sizeof *o);
	if ((o->f = outfile_open(path, mode, err, sizeof err)) == NULL) {
		stage_fail(st, "%s", err);
		return NULL;
	}
	o->path = xstrdup(path ? path : "-");
	o->in_place = outfile_in_place(o->f);
	st->nout++;
	return o->f;
}

/* The provenance of the committed outputs: NULL when none is a file. */
static struct provenance *
prepare(struct stage *st, struct provenance *p)
{
	const char *first = NULL;

	for (size_t i = 0; i < st->nout && first == NULL; i++)
		if (!st->out[i].in_place)
			first = st->out[i].path;
	if (first == NULL)
		return NULL;
	if (st->record_dir != NULL) {
		char *inside = path_join(st->record_dir, "PROVENANCE.csv");

		provenance_init(p, st->name, inside);
		free(inside);
	} else {
		provenance_init(p, st->name, first);
	}
	if (st->have_rules)
		provenance_rules(p, st->rules.path, st->rules.sha256);
	for (size_t i = 0; i < st->nreads; i++)
		if (st->reads[i].kind == READ_DATA)
			provenance_input(p, st->reads[i].path, st->reads[i].sha256);
	for (size_t i = 0; i < st->nreads; i++)
		if (st->reads[i].kind == READ_VILLAGE)
			provenance_input(p, st->reads[i].path, st->reads[i].sha256);
	if (st->have_area) {
		struct area_entry e[VILLAGE_AREA_NENTRIES];
		size_t n = village_area_entries(&st->village, &st->area, p->dir, e);

		for (size_t i = 0; i < n; i++) {
			provenance_input_named(p, e[i].ref, e[i].sha256);
			area_entry_free(&e[i]);
		}
	}
	if (st->have_rules)
		for (size_t i = 1; i < st->rules.nfiles; i++)
			provenance_input(p, st->rules.files[i].path,
			    st->rules.files[i].sha256);
	for (size_t i = 0; i < st->nreads; i++)
		if (st->reads[i].kind == READ_COLUMNS)
			provenance_input(p, st->reads[i].path, st->reads[i].sha256);
	for (size_t i = 0; i < st->nout; i++)
		if (!st->out[i].in_place)
			provenance_output(p, st->out[i].path, st->out[i].sha256);
	return p;
}

/* The folder's record of blocked outputs: pairs of lines
 *	#! OUTPUT: reason
 *	OUTPUT: .tpa-blocked
 * for every output whose stage was blocked. */
#define BLOCKED_NAME ".tpa-blocked.mk"

/* The names, relative to DIR, of what a record of ST covers: its outputs
 * opened so far (written in another folder's place or not), else the
 * output it was asked for. */
static size_t
names(const struct stage *st, const char *dir, char *out[STAGE_MAX_OUTPUTS])
{
	size_t n = 0;

	for (size_t i = 0; i < st->nout; i++)
		if (!st->out[i].in_place)
			out[n++] = path_relative(dir, st->out[i].path);
	if (n == 0 && st->target != NULL)
		out[n++] = path_relative(dir, st->target);
	return n;
}

static void
record_blocked(struct stage *st, const char *dir, const char *reason)
{
	char *path = path_join(dir, BLOCKED_NAME), err[1024];
	char *mine[STAGE_MAX_OUTPUTS];
	size_t nmine = names(st, dir, mine);
	struct strbuf keep = { 0 }, out = { 0 };
	struct outfile *f;
	FILE *fp = fopen(path, "r");

	if (fp != NULL) {
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;

		while ((n = getline(&line, &cap, fp)) > 0) {
			char name[4096];
			int ours = 0, pair;

			/* Keep the other outputs' pairs. */
			pair = strncmp(line, "#! ", 3) == 0 ?
			    sscanf(line + 3, "%4095[^:]:", name) == 1 :
			    line[0] != '#' && strstr(line, ".tpa-blocked") != NULL &&
			    sscanf(line, "%4095[^:]:", name) == 1;
			for (size_t i = 0; pair && i < nmine; i++)
				ours |= strcmp(mine[i], name) == 0;
			if (pair && !ours)
				strbuf_add(&keep, line, (size_t)n);
		}
		free(line);
		fclose(fp);
	}
	if (fp == NULL && reason == NULL)
		goto out;                 /* nothing blocked, nothing to take off */
	strbuf_puts(&out, "# The outputs of this folder whose stage is blocked, and why.\n"
	    "# Written by tpa; make runs their stage again until it is not.\n");
	strbuf_puts(&out, strbuf_str(&keep));
	for (size_t i = 0; reason != NULL && i < nmine; i++)
		strbuf_printf(&out, "#! %s: %s\n%s: .tpa-blocked\n", mine[i], reason,
		    mine[i]);
	if ((f = outfile_open(path, OUTFILE_PUBLIC, err, sizeof err)) != NULL) {
		outfile_write(f, strbuf_str(&out), out.len);
		if (outfile_finish(f, NULL, err, sizeof err) == 0)
			(void)outfile_commit(f, err, sizeof err);
		else
			outfile_abort(f);
	}
out:
	for (size_t i = 0; i < nmine; i++)
		free(mine[i]);
	free(path);
	strbuf_free(&keep);
	strbuf_free(&out);
}

/* The folder of ST's record: the record folder, else that of its first
 * output or of its target; NULL when it writes to standard output. */
static char *
record_folder(const struct stage *st)
{
	if (st->record_dir != NULL)
		return xstrdup(st->record_dir);
	for (size_t i = 0; i < st->nout; i++)
		if (!st->out[i].in_place)
			return path_dir(st->out[i].path);
	return st->target != NULL ? path_dir(st->target) : NULL;
}

void
stage_target(struct stage *st, const char *path)
{
	free(st->target);
	st->target = path != NULL && strcmp(path, "-") != 0 ? xstrdup(path) : NULL;
}

int
stage_block(struct stage *st, const char *reason)
{
	char *dir = record_folder(st);

	if (dir != NULL && !st->unrecorded)
		record_blocked(st, dir, reason);
	free(dir);
	return EXIT_BLOCKED;
}

int
stage_commit(struct stage *st)
{
	return stage_commit_blocked(st, NULL);
}

int
stage_commit_blocked(struct stage *st, const char *reason)
{
	struct outfile *outs[STAGE_MAX_OUTPUTS];
	struct provenance p, *pp;
	char err[2048];
	const char *notes;
	int rc;

	for (size_t i = 0; i < st->nout; i++) {
		if (outfile_finish(st->out[i].f, st->out[i].sha256, err, sizeof err) != 0) {
			st->out[i].finished = 1;   /* finish dropped it */
			outfile_abort(st->out[i].f);
			st->out[i].f = NULL;
			return stage_fail(st, "%s", err);
		}
		st->out[i].finished = 1;
		outs[i] = st->out[i].f;
	}
	pp = st->unrecorded ? NULL : prepare(st, &p);
	rc = provenance_seal(pp, outs, st->nout, err, sizeof err);
	if (pp != NULL) {
		notes = provenance_notes(pp);
		while (notes != NULL && *notes) {
			size_t n = strcspn(notes, "\n");

			fprintf(stderr, "%s: %.*s\n", program_name(), (int)n, notes);
			notes += n + (notes[n] == '\n');
		}
		if (rc == 0)
			record_blocked(st, pp->dir, reason);
		provenance_free(pp);
	}
	for (size_t i = 0; i < st->nout; i++)
		st->out[i].f = NULL;   /* committed or dropped by the seal */
	if (rc != 0)
		return stage_fail(st, "%s", err);
	return 0;
}

int
stage_end(struct stage *st, int status)
{
	const char *s = strbuf_str(&st->err);

	/* Run by village.mk (which exports TPA_RECORD_FAILURE=1), a failed
	 * stage is named in the folder's .tpa-blocked.mk, make's own record,
	 * so that `make status` and the town and county summaries say
	 * "failed"; run otherwise, a failed stage leaves nothing behind. */
	if (status == EXIT_ERROR && st->have_village && !st->unrecorded &&
	    getenv("TPA_RECORD_FAILURE") != NULL) {
		struct strbuf why = { 0 };

		strbuf_printf(&why, "failed: %.*s", (int)strcspn(s, "\n"), s);
		stage_block(st, strbuf_str(&why));
		strbuf_free(&why);
	}
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);

		fprintf(stderr, "%s: %.*s\n", program_name(), (int)n, s);
		s += n + (nl != NULL);
	}
	for (size_t i = 0; i < st->nout; i++) {
		if (st->out[i].f != NULL)
			outfile_abort(st->out[i].f);
		free(st->out[i].path);
	}
	for (size_t i = 0; i < st->npaths; i++) {
		file_id_free(&st->paths[i].id);
		free(st->paths[i].path);
	}
	free(st->paths);
	for (size_t i = 0; i < st->nreads; i++)
		free(st->reads[i].path);
	free(st->reads);
	if (st->have_rules)
		rules_free(&st->rules);
	if (st->have_village)
		village_free(&st->village);
	if (st->have_area)
		area_free(&st->area);
	aliases_free(st->aliases);
	free(st->record_dir);
	free(st->target);
	strbuf_free(&st->err);
	if (fflush(stdout) != 0 && status != EXIT_ERROR) {
		fprintf(stderr, "%s: %s\n", program_name(),
		    _("standard output: write error"));
		status = EXIT_ERROR;
	}
	return status;
}

const char *
stage_level_word(enum level l)
{
	static const char *const words[NLEVELS] = {
		N_("village"), N_("town"), N_("county"),
	};

	return (int)l >= 0 && (int)l < NLEVELS ? _(words[l]) : level_code(l);
}
