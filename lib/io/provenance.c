#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "io/csvout.h"
#include "io/infile.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "io/provenance.h"
#include "values/text.h"

#define NCOLS 7
enum { C_OUTPUT, C_SHA256, C_STAGE, C_VERSION, C_RULES, C_RULES_SHA256, C_INPUTS };
static const char *const header[NCOLS] = { "output", "sha256", "stage",
	"tool_version", "rules", "rules_sha256", "inputs" };

#define FILE_NAME "PROVENANCE.csv"
#define DEPS_NAME ".tpa-deps.mk"

/* ---- Recording a run ---- */

static int make_can_name(const char *name);

/* Keep NAME as the first name make cannot write, if it is one. */
static void
check_name(struct provenance *p, const char *name)
{
	if (p->unnamed == NULL && !make_can_name(name))
		p->unnamed = xstrdup(name);
}

void
provenance_init(struct provenance *p, const char *stage, const char *output_path)
{
	memset(p, 0, sizeof *p);
	p->dirfd = -1;
	p->stage = stage;
	p->dir = path_dir(output_path);
	p->rules = xstrdup("");
	p->inputs = xstrdup("");
}

void
provenance_rules(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX])
{
	free(p->rules);
	p->rules = path_relative(p->dir, path);
	check_name(p, p->rules);
	memcpy(p->rules_sha256, sha256, DIGEST_HEX);
}

void
provenance_input_named(struct provenance *p, const char *name,
    const char sha256[DIGEST_HEX])
{
	size_t n = p->inputs_len + strlen(name) + DIGEST_HEX + 3;

	check_name(p, name);
	p->inputs = xrealloc(p->inputs, n);
	p->inputs_len += (size_t)snprintf(p->inputs + p->inputs_len,
	    n - p->inputs_len, "%s%s@%s", p->inputs_len ? ";" : "", name, sha256);
}

void
provenance_input(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX])
{
	char *name = path_relative(p->dir, path);

	provenance_input_named(p, name, sha256);
	free(name);
}

void
provenance_output(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX])
{
	/* By its folder: the rename replaces a symbolic link at PATH, it
	 * does not write through it. */
	char *dir = path_dir(path), *rel = path_relative(p->dir, dir);

	xgrow(&p->outputs, &p->cap, p->noutputs + 1, sizeof *p->outputs);
	p->outputs[p->noutputs].name = path_join(rel, path_base(path));
	memcpy(p->outputs[p->noutputs].sha256, sha256, DIGEST_HEX);
	p->noutputs++;
	free(rel);
	free(dir);
}

static void
add_note(struct provenance *p, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	n = strlen(line);
	p->notes = xrealloc(p->notes, p->notes_len + n + 2);
	if (p->notes_len > 0)
		p->notes[p->notes_len++] = '\n';
	memcpy(p->notes + p->notes_len, line, n + 1);
	p->notes_len += n;
}

const char *
provenance_notes(const struct provenance *p)
{
	return p->notes ? p->notes : "";
}

/* ---- Reading PROVENANCE.csv, row by row ---- */

/*
 * One record of the file. The reader does not give up at the first bad
 * row: a record that cannot be read is skipped to the end of the line it
 * starts on, and reading goes on from the next line, so that one broken
 * row (a crash that wrote garbage, a hand edit) can be named and replaced.
 */
struct record {
	unsigned long line;        /* where it starts */
	char **cells;
	size_t ncells, cap;
	char *first;               /* the first cell, read leniently */
	char why[160];             /* why it cannot be read; "" when it can */
	unsigned long why_line;    /* the line WHY is about */
};

static void
record_clear(struct record *r)
{
	for (size_t i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	r->ncells = 0;
	free(r->first);
	r->first = NULL;
	r->why[0] = '\0';
}

static void
record_free(struct record *r)
{
	record_clear(r);
	free(r->cells);
}

/* A growing string for one cell. */
struct buf {
	char *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, char c)
{
	xgrow(&b->s, &b->cap, b->len + 2, 1);
	b->s[b->len++] = c;
}

static void
push_cell(struct record *r, struct buf *b)
{
	xgrow(&r->cells, &r->cap, r->ncells + 1, sizeof *r->cells);
	r->cells[r->ncells++] = xstrndup(b->s ? b->s : "", b->len);
	b->len = 0;
}

/* The first cell of the line S[0..N), read as well as can be: what an
 * unreadable row says its output is. */
static char *
lenient_first(const char *s, size_t n)
{
	struct buf b = { NULL, 0, 0 };
	size_t i = 0;
	char *cell;

	if (n > 0 && s[0] == '"') {
		for (i = 1; i < n; i++) {
			if (s[i] == '"') {
				if (i + 1 < n && s[i + 1] == '"')
					i++;
				else
					break;
			}
			buf_add(&b, s[i]);
		}
	} else {
		for (; i < n && s[i] != ',' && s[i] != '\r'; i++)
			buf_add(&b, s[i]);
	}
	cell = xstrndup(b.s ? b.s : "", b.len);
	free(b.s);
	return cell;
}

/* Where the first byte of S[0..N) that is not UTF-8 lies: sets *LINE
 * (counted from LINE0) and *BYTE (1-based, in its line). Returns 0 when
 * all is UTF-8. */
static int
bad_utf8(const char *s, size_t n, unsigned long line0, unsigned long *line,
    size_t *byte)
{
	size_t ok = utf8_valid_prefix(s, n, 0), bol = 0;

	if (ok == n)
		return 0;
	*line = line0;
	for (size_t i = 0; i < ok; i++)
		if (s[i] == '\n') {
			(*line)++;
			bol = i + 1;
		}
	*byte = ok - bol + 1;
	return 1;
}

/* Why the cells of a record that parsed do not make a row, or NULL. */
static const char *
row_problem(const struct record *r, char *why, size_t whylen)
{
	const char *e;

	if (r->ncells != NCOLS) {
		snprintf(why, whylen, _("the row has %zu cells, not %d"), r->ncells, NCOLS);
		return why;
	}
	if (strlen(r->cells[C_SHA256]) >= DIGEST_HEX ||
	    strlen(r->cells[C_RULES_SHA256]) >= DIGEST_HEX)
		return _("a sha256 cell is too long to be a SHA-256");
	for (const char *s = r->cells[C_INPUTS]; *s != '\0'; s = *e ? e + 1 : e) {
		const char *at = NULL;

		for (e = s; *e != '\0' && *e != ';'; e++)
			if (*e == '@')
				at = e;
		if (at != NULL && (size_t)(e - at - 1) >= DIGEST_HEX)
			return _("an input's sha256 is too long to be a SHA-256");
	}
	return NULL;
}

/*
 * Read the record of S[0..N) that starts at *POS (the start of line
 * *LINE), skipping blank lines. Returns 0 at the end of the file, else 1
 * with R filled: R->why is "" when the record is a readable row.
 */
static int
next_record(const char *s, size_t n, size_t *pos, unsigned long *line,
    struct record *r)
{
	struct buf b = { NULL, 0, 0 };
	size_t i = *pos, start, eol;
	unsigned long l = *line, bad_line;
	size_t bad_byte;
	const char *why = NULL;
	char whybuf[sizeof r->why];

	record_clear(r);
	for (;;) {
		if (i < n && s[i] == '\n') {
			i++;
			l++;
		} else if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n') {
			i += 2;
			l++;
		} else {
			break;
		}
	}
	*pos = i;
	*line = l;
	if (i >= n)
		return 0;
	start = i;
	r->line = r->why_line = l;
	for (;;) {
		if (i < n && s[i] == '"') {
			for (i++;; i++) {
				if (i >= n) {
					why = _("a quoted cell is never closed");
					goto broken;
				}
				if (s[i] == '"') {
					if (i + 1 < n && s[i + 1] == '"') {
						i++;
					} else {
						i++;
						break;
					}
				} else if (s[i] == '\n') {
					l++;
				}
				buf_add(&b, s[i]);
			}
			if (i < n && s[i] != ',' && s[i] != '\n' &&
			    !(s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')) {
				why = _("text after a closing quote");
				goto broken;
			}
		} else {
			for (; i < n && s[i] != ',' && s[i] != '\n'; i++) {
				if (s[i] == '"') {
					why = _("a quote inside an unquoted cell");
					goto broken;
				}
				buf_add(&b, s[i]);
			}
			if (b.len > 0 && b.s[b.len - 1] == '\r' && (i >= n || s[i] == '\n'))
				b.len--;
		}
		push_cell(r, &b);
		if (i < n && s[i] == ',') {
			i++;
			continue;
		}
		if (i < n && s[i] == '\r')
			i++;
		if (i < n && s[i] == '\n') {
			i++;
			l++;
		}
		break;
	}
	free(b.s);
	*pos = i;
	*line = l;
	r->first = xstrdup(r->ncells > 0 ? r->cells[0] : "");
	if (bad_utf8(s + start, i - start, r->line, &bad_line, &bad_byte)) {
		snprintf(r->why, sizeof r->why, _("byte %zu of the line is not UTF-8"),
		    bad_byte);
		r->why_line = bad_line;
	} else if (memchr(s + start, '\0', i - start) != NULL) {
		snprintf(r->why, sizeof r->why, "%s", _("a NUL byte"));
	} else if ((why = row_problem(r, whybuf, sizeof whybuf)) != NULL) {
		snprintf(r->why, sizeof r->why, "%s", why);
	}
	return 1;

broken:
	/* Skip the line the record starts on; go on at the next one. */
	free(b.s);
	eol = start;
	while (eol < n && s[eol] != '\n')
		eol++;
	r->first = lenient_first(s + start, eol - start);
	if (bad_utf8(s + start, eol - start, r->line, &bad_line, &bad_byte))
		snprintf(r->why, sizeof r->why, _("byte %zu of the line is not UTF-8"),
		    bad_byte);
	else
		snprintf(r->why, sizeof r->why, "%s", why);
	*pos = eol < n ? eol + 1 : n;
	*line = r->line + 1;
	return 1;
}

/* Read the whole of PATH into *DATA (NUL-terminated). Returns 0, 1 when
 * it does not exist, -1 with a message. */
static int
slurp(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
	struct stat st;
	size_t cap, n = 0;
	char *s;
	int fd;

	*data = NULL;
	*len = 0;
	if ((fd = infile_open(path, INFILE_REGULAR, err, errlen)) < 0)
		return fd == INFILE_ERROR && errno == ENOENT ? 1 : -1;
	if (fstat(fd, &st) != 0) {
		snprintf(err, errlen, _("cannot read %s: %s"), path, strerror(errno));
		close(fd);
		return -1;
	}
	cap = (size_t)st.st_size + 1;
	s = xmalloc(cap + 1);
	for (;;) {
		ssize_t r;

		if (n == cap)
			s = xrealloc(s, (cap *= 2) + 1);
		r = read(fd, s + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errlen, _("cannot read %s: %s"), path, strerror(errno));
			free(s);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	s[n] = '\0';
	*data = s;
	*len = n;
	return 0;
}

/* Where the records of DATA begin: after a UTF-8 byte-order mark. */
static size_t
after_bom(const char *data, size_t len)
{
	return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* ---- Writing PROVENANCE.csv and .tpa-deps.mk ---- */

/* Rows to write: NCOLS cells each. */
struct table {
	char **cells;
	size_t n, cap;
};

static void
table_add(struct table *t, const char *const *row)
{
	xgrow(&t->cells, &t->cap, (t->n + 1) * NCOLS, sizeof *t->cells);
	for (size_t c = 0; c < NCOLS; c++)
		t->cells[t->n * NCOLS + c] = xstrdup(row[c]);
	t->n++;
}

static void
table_free(struct table *t)
{
	for (size_t i = 0; i < t->n * NCOLS; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

static int
by_row(const void *a, const void *b)
{
	char *const *x = a, *const *y = b;

	for (size_t c = 0; c < NCOLS; c++) {
		int d = strcmp(x[c], y[c]);

		if (d != 0)
			return d;
	}
	return 0;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
own_output(const struct provenance *p, const char *name)
{
	for (size_t i = 0; i < p->noutputs; i++)
		if (strcmp(name, p->outputs[i].name) == 0)
			return 1;
	return 0;
}

/* Whether make can name NAME in a rule: '%' makes a pattern, '=' an
 * assignment, ';' a recipe, and white space other than a space, a
 * backslash or a line end cannot be escaped. */
static int
make_can_name(const char *name)
{
	return *name != '\0' && strpbrk(name, "%=;\\\t\r\n") == NULL;
}

/* NAME escaped for a make rule. */
static void
put_make_name(struct outfile *f, const char *name)
{
	if (*name == '~')
		outfile_write(f, "\\", 1);
	for (const char *s = name; *s != '\0'; s++) {
		if (*s == '$')
			outfile_write(f, "$", 1);
		else if (strchr(" #:*?[]", *s) != NULL)
			outfile_write(f, "\\", 1);
		outfile_write(f, s, 1);
	}
}

size_t
provenance_entry_file(const char *name)
{
	static const char *const files[] = { "villages.csv", "town.yaml",
		"county.yaml", "objections-town.csv", "objections-county.csv" };
	const char *hash = strrchr(name, '#');

	if (hash == NULL || hash[1] == '\0' || strchr(hash, '/') != NULL)
		return 0;
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		size_t n = strlen(files[i]), k = (size_t)(hash - name);

		if (k >= n && memcmp(hash - n, files[i], n) == 0 &&
		    (k == n || hash[-(long)n - 1] == '/'))
			return k;
	}
	return 0;
}

/* The prerequisites of a row: its inputs (but "stdin") and its rules, as
 * recorded; appended to *NAMES. */
static void
row_prerequisites(char *const *row, char ***names, size_t *n, size_t *cap)
{
	const char *s = row[C_INPUTS], *e;
	size_t k;

	for (; *s != '\0'; s = *e ? e + 1 : e) {
		const char *at = NULL;

		for (e = s; *e != '\0' && *e != ';'; e++)
			if (*e == '@')
				at = e;
		if (at == NULL)
			at = e;
		if (at == s || ((size_t)(at - s) == 5 && memcmp(s, "stdin", 5) == 0))
			continue;
		xgrow(names, cap, *n + 1, sizeof **names);
		(*names)[(*n)++] = xstrndup(s, (size_t)(at - s));
		/* An entry FILE#KEY depends on its file. */
		if ((k = provenance_entry_file((*names)[*n - 1])) != 0)
			(*names)[*n - 1][k] = '\0';
	}
	if (*row[C_RULES] != '\0') {
		xgrow(names, cap, *n + 1, sizeof **names);
		(*names)[(*n)++] = xstrdup(row[C_RULES]);
	}
}

/* Sort NAMES[0..N) and drop duplicates; returns the new count. */
static size_t
sort_unique(char **names, size_t n)
{
	size_t k = 0;

	if (n == 0)
		return 0;
	qsort(names, n, sizeof *names, by_string);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(names[i], names[k]) == 0)
			free(names[i]);
		else
			names[++k] = names[i];
	}
	return k + 1;
}

/*
 * The make dependency file: for every row "OUTPUT: PREREQUISITE...", then
 * an empty rule for every prerequisite (as gcc -MP writes), so that a
 * prerequisite that is removed does not stop make. Names make cannot
 * express are left out.
 */
static void
write_deps(struct outfile *f, const struct table *t)
{
	char **all = NULL;
	size_t nall = 0, allcap = 0;

	outfile_puts(f, "# What each output of this folder was made from, as "
	    "PROVENANCE.csv records it.\n# Written by tpa; include it from "
	    "the folder's Makefile.\n");
	for (size_t r = 0; r < t->n; r++) {
		char *const *row = &t->cells[r * NCOLS];
		char **names = NULL;
		size_t n = 0, cap = 0;

		if (!make_can_name(row[C_OUTPUT]))
			continue;
		row_prerequisites(row, &names, &n, &cap);
		n = sort_unique(names, n);
		put_make_name(f, row[C_OUTPUT]);
		outfile_puts(f, ":");
		for (size_t i = 0; i < n; i++) {
			if (make_can_name(names[i])) {
				outfile_puts(f, " ");
				put_make_name(f, names[i]);
				xgrow(&all, &allcap, nall + 1, sizeof *all);
				all[nall++] = names[i];
			} else {
				free(names[i]);
			}
		}
		outfile_puts(f, "\n");
		free(names);
	}
	nall = sort_unique(all, nall);
	if (nall > 0)
		outfile_puts(f, "\n");
	for (size_t i = 0; i < nall; i++) {
		put_make_name(f, all[i]);
		outfile_puts(f, ":\n");
		free(all[i]);
	}
	free(all);
}

/* Keep the readable rows of DATA that are not this run's; drop this run's
 * unreadable ones with a note. FILE names the file in messages. */
static int
merge_old(struct provenance *p, const char *file, const char *data, size_t len,
    struct table *t, char *err, size_t errlen)
{
	struct record r;
	size_t pos = after_bom(data, len);
	unsigned long line = 1;
	int first = 1, rc = 0;

	memset(&r, 0, sizeof r);
	while (next_record(data, len, &pos, &line, &r)) {
		if (first && strcmp(r.first, header[0]) == 0) {
			first = 0;
			continue;
		}
		first = 0;
		if (r.why[0] == '\0') {
			if (!own_output(p, r.cells[C_OUTPUT]))
				table_add(t, (const char *const *)r.cells);
		} else if (own_output(p, r.first)) {
			add_note(p, _("%s:%lu: an unreadable row of %s was replaced (%s)"),
			    file, r.why_line, r.first, r.why);
		} else {
			snprintf(err, errlen, _("%s:%lu: %s; fix or delete that line "
			    "(the stage that wrote it writes it again)"), file,
			    r.why_line, r.why);
			rc = -1;
			break;
		}
	}
	record_free(&r);
	return rc;
}

static void
drop_prepared(struct provenance *p)
{
	if (p->file != NULL)
		outfile_abort(p->file);
	if (p->deps != NULL)
		outfile_abort(p->deps);
	p->file = p->deps = NULL;
	if (p->dirfd >= 0)
		close(p->dirfd);   /* releases the lock */
	p->dirfd = -1;
}

int
provenance_prepare(struct provenance *p, char *err, size_t errlen)
{
	char *path = NULL, *deps_path = NULL, *data = NULL;
	struct table t = { NULL, 0, 0 };
	size_t len;
	int rc;

	if (p->noutputs == 0 || p->file != NULL)
		return 0;
	for (size_t i = 0; i < p->noutputs && p->unnamed != NULL; i++)
		if (make_can_name(p->outputs[i].name)) {
			char shown[PATH_MAX * 2 + 1], *o = shown;

			/* On one line: a line end or tab shown as \n, \t. */
			for (const char *s = p->unnamed; *s && o < shown + sizeof shown - 3; s++)
				if (*s == '\n' || *s == '\t' || *s == '\r')
					*o++ = '\\', *o++ = *s == '\n' ? 'n' : *s == '\t' ? 't' : 'r';
				else
					*o++ = *s;
			*o = '\0';
			snprintf(err, errlen, _("%s: make cannot name this file in %s "
			    "(its name holds a line end, a tab, %%, =, ; or a backslash), "
			    "so a change to it would re-run nothing: rename it"),
			    shown, DEPS_NAME);
			return -1;
		}
	if ((p->dirfd = path_lock_dir(p->dir, err, errlen)) < 0)
		goto fail;
	path = path_join(p->dir, FILE_NAME);
	deps_path = path_join(p->dir, DEPS_NAME);
	if ((rc = slurp(path, &data, &len, err, errlen)) < 0)
		goto fail;
	if (rc == 0 && merge_old(p, path, data, len, &t, err, errlen) != 0)
		goto fail;
	for (size_t i = 0; i < p->noutputs; i++) {
		const char *row[NCOLS] = { p->outputs[i].name, p->outputs[i].sha256,
			p->stage, TPA_VERSION, p->rules, p->rules_sha256, p->inputs };

		table_add(&t, row);
	}
	qsort(t.cells, t.n, NCOLS * sizeof *t.cells, by_row);

	if ((p->file = outfile_open(path, OUTFILE_PUBLIC, err, errlen)) == NULL)
		goto fail;
	{
		struct csvout w;

		csvout_init(&w, p->file, CSVOUT_DATA);
		csvout_row(&w, header, NCOLS);
		for (size_t r = 0; r < t.n; r++)
			csvout_row(&w, (const char *const *)&t.cells[r * NCOLS], NCOLS);
	}
	if (outfile_finish(p->file, NULL, err, errlen) != 0)
		goto fail;
	if ((p->deps = outfile_open(deps_path, OUTFILE_PUBLIC, err, errlen)) == NULL)
		goto fail;
	write_deps(p->deps, &t);
	if (outfile_finish(p->deps, NULL, err, errlen) != 0)
		goto fail;
	table_free(&t);
	free(data);
	free(path);
	free(deps_path);
	return 0;

fail:
	drop_prepared(p);
	table_free(&t);
	free(data);
	free(path);
	free(deps_path);
	return -1;
}

int
provenance_commit(struct provenance *p, char *err, size_t errlen)
{
	int rc = 0;

	if (p->file == NULL)
		return 0;
	/* PROVENANCE.csv last of the outputs, then what make reads. */
	rc = outfile_commit(p->file, err, errlen);
	p->file = NULL;
	if (rc == 0) {
		rc = outfile_commit(p->deps, err, errlen);
		p->deps = NULL;
	}
	drop_prepared(p);
	return rc;
}

int
provenance_seal(struct provenance *p, struct outfile *const *outs, size_t n,
    char *err, size_t errlen)
{
	size_t i = 0;

	if (p != NULL && provenance_prepare(p, err, errlen) != 0)
		goto fail;
	while (i < n)
		if (outfile_commit(outs[i++], err, errlen) != 0)
			goto fail;
	return p != NULL ? provenance_commit(p, err, errlen) : 0;

fail:
	/* The outputs not renamed keep their old content; the old
	 * PROVENANCE.csv stays, and names what it no longer matches. */
	while (i < n)
		outfile_abort(outs[i++]);
	if (p != NULL)
		drop_prepared(p);
	return -1;
}

void
provenance_free(struct provenance *p)
{
	if (p->dir == NULL)
		return;
	drop_prepared(p);
	free(p->dir);
	free(p->rules);
	free(p->inputs);
	for (size_t i = 0; i < p->noutputs; i++)
		free(p->outputs[i].name);
	free(p->outputs);
	free(p->notes);
	free(p->unnamed);
	memset(p, 0, sizeof *p);
	p->dirfd = -1;
}

/* ---- The reader ---- */

static void
split_inputs(struct provenance_row *row, const char *s)
{
	const char *e;
	size_t cap = 0;

	for (; *s != '\0'; s = *e ? e + 1 : e) {
		const char *at = NULL;
		struct provenance_input *in;

		for (e = s; *e != '\0' && *e != ';'; e++)
			if (*e == '@')
				at = e;
		xgrow(&row->inputs, &cap, row->ninputs + 1, sizeof *row->inputs);
		in = &row->inputs[row->ninputs++];
		if (at == NULL) {
			in->name = xstrndup(s, (size_t)(e - s));
			in->sha256[0] = '\0';
		} else {
			in->name = xstrndup(s, (size_t)(at - s));
			memcpy(in->sha256, at + 1, (size_t)(e - at - 1));
			in->sha256[e - at - 1] = '\0';
		}
	}
}

int
provenance_read(const char *dir, struct provenance_rows *rows, char *err,
    size_t errlen)
{
	char *path = path_join(dir, FILE_NAME), *data;
	struct record r;
	size_t len, pos;
	unsigned long line = 1;
	int rc, first = 1;

	memset(rows, 0, sizeof *rows);
	if ((rc = slurp(path, &data, &len, err, errlen)) != 0) {
		free(path);
		return rc;
	}
	memset(&r, 0, sizeof r);
	pos = after_bom(data, len);
	while (next_record(data, len, &pos, &line, &r)) {
		struct provenance_row *row;

		if (first && strcmp(r.first, header[0]) == 0) {
			first = 0;
			continue;
		}
		first = 0;
		if (r.why[0] != '\0') {
			snprintf(err, errlen, _("%s:%lu: %s; fix or delete that line "
			    "(the stage that wrote it writes it again)"), path,
			    r.why_line, r.why);
			provenance_rows_free(rows);
			rc = -1;
			break;
		}
		xgrow(&rows->rows, &rows->cap, rows->n + 1, sizeof *rows->rows);
		row = &rows->rows[rows->n++];
		memset(row, 0, sizeof *row);
		row->output = xstrdup(r.cells[C_OUTPUT]);
		strcpy(row->sha256, r.cells[C_SHA256]);
		row->stage = xstrdup(r.cells[C_STAGE]);
		row->tool_version = xstrdup(r.cells[C_VERSION]);
		row->rules = xstrdup(r.cells[C_RULES]);
		strcpy(row->rules_sha256, r.cells[C_RULES_SHA256]);
		split_inputs(row, r.cells[C_INPUTS]);
		row->line = r.line;
	}
	record_free(&r);
	free(data);
	free(path);
	return rc;
}

const struct provenance_row *
provenance_find(const struct provenance_rows *rows, const char *output)
{
	for (size_t i = 0; i < rows->n; i++)
		if (strcmp(rows->rows[i].output, output) == 0)
			return &rows->rows[i];
	return NULL;
}

void
provenance_rows_free(struct provenance_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++) {
		struct provenance_row *row = &rows->rows[i];

		free(row->output);
		free(row->stage);
		free(row->tool_version);
		free(row->rules);
		for (size_t k = 0; k < row->ninputs; k++)
			free(row->inputs[k].name);
		free(row->inputs);
	}
	free(rows->rows);
	memset(rows, 0, sizeof *rows);
}

/* ---- The verifier ---- */

/* Digests of the files looked at, so that a file named by many rows
 * (village.yaml) is read once. */
struct seen {
	struct seen_file {
		char *name;
		int readable;
		char sha256[DIGEST_HEX];
	} *files;
	size_t n, cap;
};

static const struct seen_file *
look(struct seen *s, const char *dir, const char *name,
    int (*entry)(void *ctx, const char *dir, const char *ref,
    char sha256[DIGEST_HEX]), void *ctx)
{
	struct seen_file *f;
	char *path;

	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->files[i].name, name) == 0)
			return &s->files[i];
	xgrow(&s->files, &s->cap, s->n + 1, sizeof *s->files);
	f = &s->files[s->n++];
	f->name = xstrdup(name);
	if (provenance_entry_file(name) != 0) {
		/* FILE#KEY: the entry as FILE has it now, not the whole file */
		f->readable = entry != NULL && entry(ctx, dir, name, f->sha256) == 0;
		return f;
	}
	path = path_join(dir, name);
	f->readable = digest_file(path, f->sha256) == 0;
	free(path);
	return f;
}

/* One file a row names, to check. */
struct check {
	const char *name, *sha256;
	enum provenance_problem missing, changed;
};

/* The K-th file ROW names: the output, its inputs, its rules. Returns 0
 * when there is nothing to check there ("stdin", no rules). */
static int
nth_check(const struct provenance_row *row, size_t k, struct check *c)
{
	if (k == 0) {
		*c = (struct check){ row->output, row->sha256,
			PROV_OUTPUT_MISSING, PROV_OUTPUT_CHANGED };
		return 1;
	}
	if (k <= row->ninputs) {
		*c = (struct check){ row->inputs[k - 1].name, row->inputs[k - 1].sha256,
			PROV_INPUT_MISSING, PROV_INPUT_CHANGED };
		return strcmp(c->name, "stdin") != 0;
	}
	*c = (struct check){ row->rules, row->rules_sha256,
		PROV_RULES_MISSING, PROV_RULES_CHANGED };
	return row->rules[0] != '\0';
}

size_t
provenance_verify(const char *dir, const struct provenance_rows *rows,
    void (*fn)(void *ctx, const struct provenance_row *row,
    enum provenance_problem what, const char *name), void *ctx)
{
	return provenance_verify_entries(dir, rows, NULL, fn, ctx);
}

size_t
provenance_verify_entries(const char *dir, const struct provenance_rows *rows,
    int (*entry)(void *ctx, const char *dir, const char *ref,
    char sha256[DIGEST_HEX]),
    void (*fn)(void *ctx, const struct provenance_row *row,
    enum provenance_problem what, const char *name), void *ctx)
{
	struct seen seen = { NULL, 0, 0 };
	size_t problems = 0;

	for (size_t i = 0; i < rows->n; i++) {
		const struct provenance_row *row = &rows->rows[i];

		for (size_t k = 0; k < row->ninputs + 2; k++) {
			const struct seen_file *f;
			struct check c;

			if (!nth_check(row, k, &c))
				continue;
			f = look(&seen, dir, c.name, entry, ctx);
			if (f->readable && strcmp(f->sha256, c.sha256) == 0)
				continue;
			problems++;
			if (fn != NULL)
				fn(ctx, row, f->readable ? c.changed : c.missing, c.name);
		}
	}
	for (size_t i = 0; i < seen.n; i++)
		free(seen.files[i].name);
	free(seen.files);
	return problems;
}
