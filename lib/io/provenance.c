#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "io/csvin.h"
#include "io/csvout.h"
#include "io/diag.h"
#include "io/outfile.h"
#include "io/provenance.h"

#define NCOLS 7
static const char *const header[NCOLS] = { "output", "sha256", "stage",
	"tool_version", "rules", "rules_sha256", "inputs" };

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

void
provenance_init(struct provenance *p, const char *stage, const char *output_path)
{
	memset(p, 0, sizeof *p);
	p->dirfd = -1;
	p->stage = stage;
	p->dir = dir_of(output_path);
	p->rules = xstrdup("");
	p->inputs = xstrdup("");
}

char *
provenance_name(const struct provenance *p, const char *path)
{
	char a[PATH_MAX], b[PATH_MAX];
	char *dir = dir_of(path);
	const char *slash = strrchr(path, '/');
	int same = realpath(dir, a) != NULL && realpath(p->dir, b) != NULL &&
	    strcmp(a, b) == 0;

	free(dir);
	if (strcmp(path, "-") == 0)
		return xstrdup("stdin");
	return xstrdup(same ? (slash ? slash + 1 : path) : path);
}

void
provenance_rules(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX])
{
	free(p->rules);
	p->rules = provenance_name(p, path);
	memcpy(p->rules_sha256, sha256, DIGEST_HEX);
}

void
provenance_input(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX])
{
	char *name = provenance_name(p, path);
	size_t n = p->inputs_len + strlen(name) + DIGEST_HEX + 3;

	p->inputs = xrealloc(p->inputs, n);
	p->inputs_len += (size_t)snprintf(p->inputs + p->inputs_len,
	    n - p->inputs_len, "%s%s@%s", p->inputs_len ? ";" : "", name, sha256);
	free(name);
}

void
provenance_output(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX])
{
	xgrow(&p->outputs, &p->cap, p->noutputs + 1, sizeof *p->outputs);
	p->outputs[p->noutputs].name = provenance_name(p, path);
	memcpy(p->outputs[p->noutputs].sha256, sha256, DIGEST_HEX);
	p->noutputs++;
}

/* Rows kept from the previous PROVENANCE.csv. */
struct kept {
	char **cells;         /* NCOLS per row */
	size_t n, cap;
	const struct provenance *p;
};

static int
keep_row(void *ctx, const struct csvin_row *row)
{
	struct kept *k = ctx;

	if (row->index == 0 || row->n != NCOLS)
		return 0;
	for (size_t i = 0; i < k->p->noutputs; i++)
		if (strcmp(row->cell[0], k->p->outputs[i].name) == 0)
			return 0;
	xgrow(&k->cells, &k->cap, (k->n + 1) * NCOLS, sizeof *k->cells);
	for (size_t i = 0; i < NCOLS; i++)
		k->cells[k->n * NCOLS + i] = xstrdup(row->cell[i]);
	k->n++;
	return 0;
}

static int
by_output(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
provenance_prepare(struct provenance *p)
{
	char path[PATH_MAX], err[512];
	struct kept k = { NULL, 0, 0, p };
	struct csvin *in;
	struct outfile *out;
	struct csvout w;
	int dfd;

	p->file = NULL;
	p->dirfd = -1;
	if (p->noutputs == 0)
		return;
	if (snprintf(path, sizeof path, "%s/PROVENANCE.csv", p->dir) >= (int)sizeof path)
		die(EXIT_ERROR, "%s: path too long", p->dir);
	dfd = open(p->dir, O_RDONLY | O_DIRECTORY);
	if (dfd < 0 || flock(dfd, LOCK_EX) != 0)
		die(EXIT_ERROR, "cannot lock %s: %s", p->dir, strerror(errno));
	if (access(path, F_OK) == 0) {
		if ((in = csvin_open(path, ENC_UTF8, err, sizeof err)) == NULL)
			die(EXIT_ERROR, "%s", err);
		if (csvin_read(in, keep_row, &k) != 0)
			die(EXIT_ERROR, "%s", csvin_error(in));
		csvin_close(in);
	}
	for (size_t i = 0; i < p->noutputs; i++) {
		const char *row[NCOLS] = { p->outputs[i].name, p->outputs[i].sha256,
			p->stage, TPA_VERSION, p->rules, p->rules_sha256, p->inputs };

		xgrow(&k.cells, &k.cap, (k.n + 1) * NCOLS, sizeof *k.cells);
		for (size_t c = 0; c < NCOLS; c++)
			k.cells[k.n * NCOLS + c] = xstrdup(row[c]);
		k.n++;
	}
	qsort(k.cells, k.n, NCOLS * sizeof *k.cells, by_output);
	out = outfile_open(path, OUTFILE_PUBLIC);
	csvout_init(&w, out, CSVOUT_DATA);
	csvout_row(&w, header, NCOLS);
	for (size_t r = 0; r < k.n; r++)
		csvout_row(&w, (const char *const *)&k.cells[r * NCOLS], NCOLS);
	outfile_finish(out, NULL);
	p->file = out;
	p->dirfd = dfd;
	for (size_t i = 0; i < k.n * NCOLS; i++)
		free(k.cells[i]);
	free(k.cells);
}

void
provenance_commit(struct provenance *p)
{
	if (p->file == NULL)
		return;
	outfile_commit(p->file);
	p->file = NULL;
	close(p->dirfd);   /* releases the lock */
	p->dirfd = -1;
}

void
provenance_seal(struct provenance *p, struct outfile *const *outs, size_t n)
{
	if (p != NULL)
		provenance_prepare(p);
	for (size_t i = 0; i < n; i++)
		outfile_commit(outs[i]);
	if (p != NULL) {
		provenance_commit(p);
		provenance_free(p);
	}
}

void
provenance_free(struct provenance *p)
{
	free(p->dir);
	free(p->rules);
	free(p->inputs);
	for (size_t i = 0; i < p->noutputs; i++)
		free(p->outputs[i].name);
	free(p->outputs);
	memset(p, 0, sizeof *p);
}
