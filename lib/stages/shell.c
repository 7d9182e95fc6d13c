#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "io/provenance.h"
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
		return stage_fail(st, "failed");
	strbuf_puts(&st->err, s);
	if (s[err->len - 1] != '\n')
		strbuf_putc(&st->err, '\n');
	return EXIT_ERROR;
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
		if (output)
			return stage_fail(st, "cannot write %s: %s", path, msg);
		return 0;   /* an input that cannot be found fails when opened */
	}
	p->path = xstrdup(path);
	p->output = output;
	for (size_t i = 0; i < st->npaths; i++)
		if (file_id_same(&st->paths[i].id, &p->id) &&
		    (output || st->paths[i].output)) {
			int rc = stage_fail(st, "%s %s is the same file as %s %s: "
			    "nothing was written", output ? "output" : "input", path,
			    st->paths[i].output ? "output" : "input", st->paths[i].path);

			file_id_free(&p->id);
			free(p->path);
			return rc;
		}
	st->npaths++;
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

	if (path == NULL) {
		if (required)
			return stage_fail(st, "--village is needed");
		return 0;
	}
	if (village_load(&st->village, path, err, sizeof err) != 0)
		return stage_fail(st, "%s", err);
	st->have_village = 1;
	st->lang = st->village.language == 1 ? LANG_EN : LANG_ZH;
	record(st, st->village.path, st->village.sha256, READ_VILLAGE);
	return stage_input(st, st->village.path);
}

int
stage_load_rules(struct stage *st, const char *path, int include_anywhere)
{
	struct strbuf err = { 0 };
	int rc = 0;

	if (path == NULL && st->have_village)
		path = st->village.rules_path;
	if (path == NULL)
		return stage_fail(st, "no rules: give --rules, or --village with a "
		    "village.yaml that names its rules");
	st->rules.include_anywhere = include_anywhere;
	if (rules_load(&st->rules, path, &err) != 0) {
		rc = stage_fail_lines(st, &err);
		strbuf_free(&err);
		return rc;
	}
	strbuf_free(&err);
	st->have_rules = 1;
	for (size_t i = 0; i < st->rules.nfiles && rc == 0; i++)
		rc = stage_input(st, st->rules.files[i].path);
	return rc;
}

static int
load_aliases(struct stage *st, const char *path)
{
	char err[2048], sha[DIGEST_HEX];

	if (aliases_load(st->aliases, path, err, sizeof err) != 0)
		return stage_fail(st, "%s", err);
	if (digest_file(path, sha) != 0)
		return stage_fail(st, "cannot read %s", path);
	record(st, path, sha, READ_COLUMNS);
	return stage_input(st, path);
}

int
stage_load_columns(struct stage *st, const char *path)
{
	st->aliases = aliases_new();
	if (st->have_village && st->village.columns_path != NULL &&
	    load_aliases(st, st->village.columns_path) != 0)
		return EXIT_ERROR;
	if (path != NULL && load_aliases(st, path) != 0)
		return EXIT_ERROR;
	return 0;
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
		stage_fail(st, "too many outputs");
		return NULL;
	}
	if (path != NULL && strcmp(path, "-") != 0) {
		const char *base = path_base(path);

		if (strcmp(base, "PROVENANCE.csv") == 0 || strcmp(base, ".tpa-deps.mk") == 0) {
			stage_fail(st, "%s: that name is tpa's record of the folder; "
			    "choose another output name", path);
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
	st->nout++;
	return o->f;
}

/* The provenance of the committed outputs: NULL when none is a file. */
static struct provenance *
prepare(struct stage *st, struct provenance *p)
{
	const char *first = NULL;

	for (size_t i = 0; i < st->nout && first == NULL; i++)
		if (!outfile_in_place(st->out[i].f))
			first = st->out[i].path;
	if (first == NULL)
		return NULL;
	provenance_init(p, st->name, first);
	if (st->have_rules)
		provenance_rules(p, st->rules.path, st->rules.sha256);
	for (size_t i = 0; i < st->nreads; i++)
		if (st->reads[i].kind == READ_DATA)
			provenance_input(p, st->reads[i].path, st->reads[i].sha256);
	for (size_t i = 0; i < st->nreads; i++)
		if (st->reads[i].kind == READ_VILLAGE)
			provenance_input(p, st->reads[i].path, st->reads[i].sha256);
	if (st->have_rules)
		for (size_t i = 1; i < st->rules.nfiles; i++)
			provenance_input(p, st->rules.files[i].path,
			    st->rules.files[i].sha256);
	for (size_t i = 0; i < st->nreads; i++)
		if (st->reads[i].kind == READ_COLUMNS)
			provenance_input(p, st->reads[i].path, st->reads[i].sha256);
	for (size_t i = 0; i < st->nout; i++)
		if (!outfile_in_place(st->out[i].f))
			provenance_output(p, st->out[i].path, st->out[i].sha256);
	return p;
}

int
stage_commit(struct stage *st)
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
	for (size_t i = 0; i < st->nout; i++)
		st->out[i].f = NULL;   /* committed or dropped by the seal */
	if (pp != NULL) {
		notes = provenance_notes(pp);
		if (notes != NULL && *notes)
			fprintf(stderr, "%s: %s", program_name(), notes);
		provenance_free(pp);
	}
	if (rc != 0)
		return stage_fail(st, "%s", err);
	return 0;
}

int
stage_end(struct stage *st, int status)
{
	const char *s = strbuf_str(&st->err);

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
	aliases_free(st->aliases);
	strbuf_free(&st->err);
	if (fflush(stdout) != 0 && status != EXIT_ERROR) {
		fprintf(stderr, "%s: standard output: write error\n", program_name());
		status = EXIT_ERROR;
	}
	return status;
}
