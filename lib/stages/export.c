/* tpa-export: read -> label -> write. Each CSV is read once, row by row
 * (io/csvin: BOM, GB18030), and written as it is read onto its sheet of a
 * workbook in libxlsxwriter's constant-memory mode, so memory stays flat
 * whatever the size of the files. The workbook is written by the library
 * itself, by name, into the temporary of an ordinary output of the stage
 * shell (io/outfile: outfile_temporary, outfile_adopt): it is renamed into
 * place only when complete, mode 0600 when any file held a full ID
 * number. Its own temporary files go to the output's folder. Confidential
 * columns (values/field's catalogue, and those the rules given declare so)
 * are left out of every sheet. The workbook
 * is for people and is no record of the procedure: no PROVENANCE.csv row
 * (people move, open and save it; the audit must not miss it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <xlsxwriter.h>

#include "base/i18n.h"
#include "base/alloc.h"
#include "base/strbuf.h"
#include "io/csvout.h"
#include "rules/columns.h"
#include "rules/rules.h"
#include "stages/export.h"
#include "stages/shell.h"
#include "values/enums.h"
#include "values/field.h"
#include "values/money.h"
#include "values/problems.h"
#include "values/text.h"

/* What a column holds, and so how its cells are written. */
enum kind {
	K_TEXT,          /* as it is, a string */
	K_CODE,          /* a code of CODES: its Chinese label */
	K_CODES,         /* ';'-joined codes of CODES: their labels */
	K_FIELD,         /* a column name: its Chinese title */
	K_BY_DIMENSION,  /* stats.csv value: a code of the row's dimension */
	K_MONEY,         /* a number, format 0.00 */
	K_NUMBER         /* a number */
};

/* Columns whose cells are written otherwise than their type says: code
 * lists, column names, a statistic's value. Every column's title and
 * type come from the column catalogue (values/field.h). */
static const struct {
	const char *name;
	enum kind kind;
	const struct enum_def *codes;
} shown_as[] = {
	{ "reasons", K_CODES, &enum_reason },
	{ "other_causes", K_CODES, &enum_cause },
	{ "field", K_FIELD, NULL },
	{ "dimension", K_FIELD, NULL },
	{ "value", K_BY_DIMENSION, NULL },
};

/* Sheet names of the files tpa writes and reads, by base name. */
static const struct {
	const char *file, *sheet;
} known_files[] = {
	{ "applications.csv", "申请表" },
	{ "applicants.csv", "申请人" },
	{ "rejects-apply.csv", "申请退回记录" },
	{ "survey.csv", "入户调查" },
	{ "primary.csv", "初选名单" },
	{ "rejects-survey.csv", "调查退回记录" },
	{ "votes.csv", "评议票数" },
	{ "appraised.csv", "评议结果" },
	{ "objections.csv", "异议" },
	{ "objections-village.csv", "村级异议" },
	{ "objections-town.csv", "乡镇异议" },
	{ "objections-county.csv", "县级异议" },
	{ "publicized-village.csv", "村级公示" },
	{ "publicized-town.csv", "乡镇公示" },
	{ "publicized-county.csv", "县级公告" },
	{ "resurvey.csv", "复查清单" },
	{ "audit.csv", "审核发现" },
	{ "sample.csv", "抽查名单" },
	{ "households.csv", "户表" },
	{ "members.csv", "成员表" },
	{ "stats.csv", "统计" },
	{ "history.csv", "建档历史" },
	{ "PROVENANCE.csv", "来源记录" },
};

#define SHEET_NAME_MAX 31      /* characters */
#define CELL_MAX 32767         /* characters in a cell (Excel) */
#define WIDTH_MIN 6            /* column widths, in Excel's characters */
#define WIDTH_MAX 50
/* Inputs larger than this in all make the zip container use ZIP64: a
 * sheet's XML is several times its CSV and may pass 4 GB. */
#define ZIP64_INPUT_BYTES (256ULL << 20)
/* The date in the workbook's properties (1980-01-01, as its zip entries):
 * the same inputs give the same bytes on any day. */
#define WORKBOOK_CREATED 315532800

struct column {
	enum kind kind;
	const struct enum_def *codes;
	int id;               /* holds ID numbers: id_number, head_id_number */
	size_t width;         /* widest cell of the current sheet, display columns */
};

struct run;

/* One input file and the sheets it goes onto. */
struct sheet_file {
	struct run *run;
	const char *path;
	char *base;              /* the name of its first sheet, before uniqueness */
	lxw_worksheet *ws;       /* the current sheet; NULL before the header */
	lxw_row_t row;           /* next row on it */
	char **title;            /* the header row as written, less the
	                          * confidential columns */
	size_t ntitles;
	size_t nheader;          /* cells of the header */
	long *outcol;            /* per header cell: its column on the sheet,
	                          * or -1 when it is left out */
	struct column *col;
	size_t ncol, capcol;
	int dimension;           /* cell of the dimension column (stats.csv), or -1 */
	int cut;                 /* a cell longer than Excel's limit was cut */
	unsigned long rows;      /* data rows */
};

struct run {
	const struct export_options *o;
	struct stage st;
	lxw_workbook *wb;
	lxw_format *bold, *money;
	char *tmpdir;
	char **names;            /* sheet names used */
	size_t nnames, capnames;
	int full_ids;            /* some file holds a full ID number */
	unsigned long rows;
	struct strbuf cell;      /* the text of a cell as written */
	struct strbuf msg;
};

static int
fail_at(struct sheet_file *sf, unsigned long line, const char *what)
{
	return stage_fail(&sf->run->st, "%s:%lu: %s", strcmp(sf->path, "-") ? sf->path :
	    "stdin", line, what);
}


static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether S[0..N) holds a run shaped like a full ID number: 17 digits and
 * a digit or X, or 15 digits (a first-generation number), bounded by
 * anything but ASCII letters and digits (so that hexadecimal digests do
 * not count). */
static int
has_id_run(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t d = 0, len;

		if (!is_digit(s[i]) || (i > 0 && is_alnum(s[i - 1]))) {
			i++;
			continue;
		}
		while (i + d < n && is_digit(s[i + d]))
			d++;
		len = d;
		if (d == 17 && i + d < n && (s[i + d] == 'X' || s[i + d] == 'x'))
			len = 18;
		if ((len == 18 || len == 15) && !(i + len < n && is_alnum(s[i + len])))
			return 1;
		i += len;
	}
	return 0;
}

/* ---- Columns ---- */

static struct column *
column(struct sheet_file *sf, size_t i)
{
	if (i >= sf->ncol) {
		xgrow(&sf->col, &sf->capcol, i + 1, sizeof *sf->col);
		memset(sf->col + sf->ncol, 0, (i + 1 - sf->ncol) * sizeof *sf->col);
		sf->ncol = i + 1;
	}
	return &sf->col[i];
}

/* The field of column NAME: the rules' (given with --rules: the county's
 * own columns, and a built-in one they declare anew, such as occupation),
 * else the catalogue's; or NULL. */
static const struct field *
field_of(const struct run *run, const char *name)
{
	return run->st.have_rules ? rules_field(&run->st.rules, name) :
	    field_builtin(name);
}

/* The index of NAME in shown_as, or -1. */
static int
shown_as_find(const char *name)
{
	for (size_t i = 0; i < sizeof shown_as / sizeof shown_as[0]; i++)
		if (strcmp(shown_as[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* The Chinese title of column NAME, or NULL: the catalogue's for the
 * columns tpa writes about its work and for those written otherwise than
 * their type says, else the county's (its aliases, its rules). */
static const char *
title_of(const struct run *run, const char *name)
{
	const struct field *f = field_report(name);

	if (f != NULL)
		return f->title_zh;
	if (shown_as_find(name) >= 0)
		return rules_column_title(NULL, NULL, name);
	return rules_column_title(run->st.have_rules ? &run->st.rules : NULL,
	    run->st.aliases, name);
}

/* The Chinese title of column NAME, or NULL; its kind into C. */
static const char *
classify(const struct run *run, struct column *c, const char *name)
{
	const struct field *f = field_report(name);
	int k = shown_as_find(name);

	c->kind = K_TEXT;
	c->codes = NULL;
	c->id = strcmp(name, "id_number") == 0 || strcmp(name, "head_id_number") == 0;
	if (k >= 0) {
		c->kind = shown_as[k].kind;
		c->codes = shown_as[k].codes;
	} else if (f != NULL || (f = field_of(run, name)) != NULL) {
		if (f->type == FT_MONEY)
			c->kind = K_MONEY;
		else if (f->type == FT_NUMBER)
			c->kind = K_NUMBER;
		else if ((c->codes = field_codes(f)) != NULL)
			c->kind = K_CODE;
	}
	return title_of(run, name);
}

/* The title of a column name as a cell shows it ("household_id" in the
 * field column of rejects): its Chinese title, else NULL. */
static const char *
field_title(const struct run *run, const char *s, size_t n)
{
	char name[64];

	if (n >= sizeof name)
		return NULL;
	memcpy(name, s, n);
	name[n] = '\0';
	return title_of(run, name);
}

/* Append the label of code S[0..N) of DEF to B; the text as it is when it
 * is not exactly one of the codes (labels typed by people stay as typed). */
static void
put_label(struct strbuf *b, const struct enum_def *def, const char *s, size_t n)
{
	for (size_t i = 0; def != NULL && i < def->count; i++) {
		const char *code = def->values[i].code;

		if (strlen(code) == n && memcmp(code, s, n) == 0) {
			size_t k;
			const char *label = enum_label(def, (int)i, &k);

			strbuf_add(b, label, k);
			return;
		}
	}
	strbuf_add(b, s, n);
}

/* The text S[0..N) of a cell of R as its column shows it, into run->cell. */
static void
cell_text(struct sheet_file *sf, const struct column *c, const struct csvin_row *r,
    const char *s, size_t n)
{
	struct strbuf *b = &sf->run->cell;
	const char *t;

	strbuf_reset(b);
	switch (c->kind) {
	case K_CODE:
		put_label(b, c->codes, s, n);
		break;
	case K_CODES:
		for (size_t k = 0, start = 0; k <= n; k++)
			if (k == n || s[k] == ';') {
				if (start > 0)
					strbuf_puts(b, "；");
				put_label(b, c->codes, s + start, k - start);
				start = k + 1;
			}
		break;
	case K_FIELD:
		t = field_title(sf->run, s, n);
		if (t != NULL)
			strbuf_puts(b, t);
		else
			strbuf_add(b, s, n);
		break;
	case K_BY_DIMENSION:
		if (n == 7 && memcmp(s, "unknown", 7) == 0)
			strbuf_puts(b, "未填写");   /* stats.csv: no value given */
		else if (sf->dimension >= 0 && (size_t)sf->dimension < r->n)
			put_label(b, enum_for_field(r->cell[sf->dimension]), s, n);
		else
			strbuf_add(b, s, n);
		break;
	default:
		strbuf_add(b, s, n);
		break;
	}
}

static void
widen(struct column *c, const char *s, size_t n)
{
	size_t w = 0, line = 0;

	/* the widest line of the cell */
	for (size_t i = 0, start = 0; i <= n; i++)
		if (i == n || s[i] == '\n') {
			line = text_width(s + start, i - start);
			if (line > w)
				w = line;
			start = i + 1;
		}
	if (w > c->width)
		c->width = w;
}

/* ---- Sheets ---- */

static int
name_taken(const struct run *run, const char *name)
{
	if (text_ieq(name, strlen(name), "History"))   /* reserved by Excel */
		return 1;
	for (size_t i = 0; i < run->nnames; i++)
		if (text_ieq(name, strlen(name), run->names[i]))
			return 1;
	return 0;
}

/* A sheet name not used yet: BASE, else "BASE (2)", "BASE (3)", ...,
 * BASE cut so that the whole stays within 31 characters. */
static const char *
sheet_name(struct run *run, const char *base)
{
	struct strbuf b = { 0 };

	strbuf_puts(&b, base);
	for (unsigned k = 2; name_taken(run, strbuf_str(&b)); k++) {
		char suffix[24];
		size_t room;

		snprintf(suffix, sizeof suffix, " (%u)", k);
		room = SHEET_NAME_MAX - strlen(suffix);
		strbuf_reset(&b);
		strbuf_add(&b, base, text_cut_chars(base, strlen(base), room));
		strbuf_puts(&b, suffix);
	}
	xgrow(&run->names, &run->capnames, run->nnames + 1, sizeof *run->names);
	run->names[run->nnames] = xstrdup(strbuf_str(&b));
	strbuf_free(&b);
	return run->names[run->nnames++];
}

/* The name of the first sheet of PATH, before uniqueness: the Chinese
 * name of a known tpa file, else the file's name without ".csv", with
 * the characters a sheet name cannot hold ([]:*?/\, control characters,
 * an apostrophe at either end) made "_", cut to 31 characters. */
static char *
sheet_base(const char *path)
{
	const char *base = path_base(csvin_path_name(path));
	size_t n = strlen(base);
	char *s;

	for (size_t i = 0; i < sizeof known_files / sizeof known_files[0]; i++)
		if (strcmp(base, known_files[i].file) == 0)
			return xstrdup(known_files[i].sheet);
	if (n > 4 && text_ieq(base + n - 4, 4, ".csv"))
		n -= 4;
	if (n == 0 || utf8_valid_prefix(base, n, 0) != n)
		return xstrdup("Sheet");
	n = text_cut_chars(base, n, SHEET_NAME_MAX);
	s = xstrndup(base, n);
	for (size_t i = 0; i < n; i++)
		if (strchr("[]:*?/\\", s[i]) != NULL || (unsigned char)s[i] < 0x20 ||
		    s[i] == 0x7F || (s[i] == '\'' && (i == 0 || i == n - 1)))
			s[i] = '_';
	return s;
}

static int
put_string(struct sheet_file *sf, unsigned long line, lxw_col_t col,
    const char *s, size_t n, lxw_format *format)
{
	struct run *run = sf->run;
	lxw_error e;

	if (n > CELL_MAX && utf8_chars(s, n) > CELL_MAX) {
		/* Excel holds no more: cut it, and say so once per file. */
		struct strbuf b = { 0 };

		strbuf_add(&b, s, text_cut_chars(s, n, CELL_MAX));
		e = worksheet_write_string(sf->ws, sf->row, col, strbuf_str(&b), format);
		strbuf_free(&b);
		if (!sf->cut)
			stage_warn(&run->st, _("%s:%lu: a cell longer than 32,767 "
			    "characters (Excel's limit) was cut"), strcmp(sf->path, "-") ?
			    sf->path : "stdin", line);
		sf->cut = 1;
	} else {
		e = worksheet_write_string(sf->ws, sf->row, col, s, format);
	}
	if (e != LXW_NO_ERROR) {
		strbuf_reset(&run->msg);
		strbuf_printf(&run->msg, "cannot write cell %u: %s", (unsigned)col + 1,
		    lxw_strerror(e));
		return fail_at(sf, line, strbuf_str(&run->msg));
	}
	return 0;
}

/* Start a sheet for SF (its first, or the next when the current one is
 * full) and write the header row onto it. */
static int
new_sheet(struct sheet_file *sf, unsigned long line)
{
	struct run *run = sf->run;
	const char *name = sheet_name(run, sf->base);

	if ((sf->ws = workbook_add_worksheet(run->wb, name)) == NULL)
		return stage_fail(&run->st, _("cannot add sheet %s: a temporary file "
		    "in %s cannot be made"), name, run->tmpdir);
	sf->row = 0;
	for (size_t i = 0; i < sf->ncol; i++)
		sf->col[i].width = 0;
	for (size_t i = 0; i < sf->ntitles; i++) {
		const char *t = sf->title[i];

		if (put_string(sf, line, (lxw_col_t)i, t, strlen(t), run->bold) != 0)
			return EXIT_ERROR;
		widen(&sf->col[i], t, strlen(t));
		sf->col[i].width += 2;    /* the filter's button */
	}
	if (sf->ntitles > 0)
		worksheet_freeze_panes(sf->ws, 1, 0);
	sf->row = 1;
	return 0;
}

/* Set the widths and the filter of the current sheet. */
static void
finish_sheet(struct sheet_file *sf)
{
	for (size_t i = 0; i < sf->ncol; i++) {
		size_t w = sf->col[i].width + 2;

		if (w < WIDTH_MIN)
			w = WIDTH_MIN;
		if (w > WIDTH_MAX)
			w = WIDTH_MAX;
		worksheet_set_column(sf->ws, (lxw_col_t)i, (lxw_col_t)i, (double)w, NULL);
	}
	if (sf->ntitles > 0)
		worksheet_autofilter(sf->ws, 0, 0, sf->row - 1, (lxw_col_t)(sf->ntitles - 1));
}

static int
header(struct sheet_file *sf, const struct csvin_row *r)
{
	struct run *run = sf->run;
	const struct column_aliases *a = run->st.aliases;
	const struct rules *rules = run->st.have_rules ? &run->st.rules : NULL;

	sf->title = xcalloc(r->n + 1, sizeof *sf->title);
	sf->outcol = xcalloc(r->n + 1, sizeof *sf->outcol);
	sf->nheader = r->n;
	sf->ntitles = 0;
	for (size_t i = 0; i < r->n; i++) {
		const char *canonical = aliases_canonical(a, r->cell[i], r->len[i]);
		const char *name = canonical ? canonical : r->cell[i];
		const char *title;

		/* A confidential column (bank account, phone, ...) never
		 * reaches a workbook for people. */
		if (rules_confidential(rules, name)) {
			sf->outcol[i] = -1;
			continue;
		}
		sf->outcol[i] = (long)sf->ntitles;
		title = classify(run, column(sf, sf->ntitles), name);
		sf->title[sf->ntitles++] = xstrdup(title ? title : r->cell[i]);
		if (strcmp(name, "dimension") == 0)
			sf->dimension = (int)i;
	}
	return new_sheet(sf, r->line);
}

/* The sheet column of cell I of a row, or -1 when it is left out: a cell
 * beyond the header goes after the header's columns. */
static long
sheet_column(const struct sheet_file *sf, size_t i)
{
	if (i < sf->nheader)
		return sf->outcol[i];
	return (long)(sf->ntitles + (i - sf->nheader));
}

static int
write_cell(struct sheet_file *sf, const struct csvin_row *r, size_t i)
{
	struct run *run = sf->run;
	long o = sheet_column(sf, i);
	struct column *c;
	const char *s = r->cell[i];
	size_t n = r->len[i];
	lxw_error e = LXW_NO_ERROR;
	long long fen;
	int64_t micro;

	if (n == 0 || o < 0)
		return 0;
	/* A file for people guards a cell that a spreadsheet would take for
	 * a formula with an apostrophe ('-41: io/csvout); a workbook's
	 * string cell is never a formula and needs none. */
	if (n > 1 && s[0] == '\'' && csvout_is_formula(s + 1, n - 1)) {
		s++;
		n--;
	}
	c = column(sf, (size_t)o);
	if (!run->full_ids)
		run->full_ids = (c->id && memchr(s, '*', n) == NULL) || has_id_run(s, n);
	if (c->kind == K_MONEY && money_parse(s, n, &fen) == 0)
		e = worksheet_write_number(sf->ws, sf->row, (lxw_col_t)o,
		    (double)fen / 100, run->money);
	else if (c->kind == K_NUMBER && number_parse(s, n, &micro) == 0)
		e = worksheet_write_number(sf->ws, sf->row, (lxw_col_t)o,
		    (double)micro / 1000000, NULL);
	else {
		cell_text(sf, c, r, s, n);
		widen(c, run->cell.s, run->cell.len);
		return put_string(sf, r->line, (lxw_col_t)o, run->cell.s,
		    run->cell.len, NULL);
	}
	if (e != LXW_NO_ERROR) {
		strbuf_reset(&run->msg);
		strbuf_printf(&run->msg, "cannot write cell %zu: %s", i + 1, lxw_strerror(e));
		return fail_at(sf, r->line, strbuf_str(&run->msg));
	}
	widen(c, s, n);
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *r)
{
	struct sheet_file *sf = ctx;

	if (r->n > LXW_COL_MAX)
		return fail_at(sf, r->line, "more than 16,384 columns (Excel's limit)");
	if (r->index == 0)
		return header(sf, r);
	if (sf->row > EXPORT_SHEET_ROWS) {
		finish_sheet(sf);
		if (new_sheet(sf, r->line) != 0)
			return EXIT_ERROR;
	}
	for (size_t i = 0; i < r->n; i++)
		if (write_cell(sf, r, i) != 0)
			return EXIT_ERROR;
	sf->row++;
	sf->rows++;
	return 0;
}

static void
sheet_file_free(struct sheet_file *sf)
{
	for (size_t i = 0; i < sf->ntitles; i++)
		free(sf->title[i]);
	free(sf->title);
	free(sf->outcol);
	free(sf->col);
	free(sf->base);
}

/* Put the file PATH on its sheets. */
static int
export_file(struct run *run, const char *path, size_t *nsheets)
{
	struct sheet_file sf;
	char err[1024];
	struct csvin *in;
	size_t before = run->nnames;
	int rc;

	memset(&sf, 0, sizeof sf);
	sf.run = run;
	sf.path = path;
	sf.dimension = -1;
	if ((in = csvin_open(path, run->o->encoding, err, sizeof err)) == NULL)
		return stage_fail(&run->st, "%s", err);
	if (!run->o->quiet)
		csvin_set_progress(in, program_name());
	sf.base = sheet_base(path);
	rc = csvin_read(in, on_row, &sf);
	if (rc < 0)
		rc = stage_fail(&run->st, "%s", csvin_error(in));
	else if (rc == 0 && sf.ws == NULL)
		rc = new_sheet(&sf, 1);     /* an empty file: an empty sheet */
	if (rc == 0)
		finish_sheet(&sf);
	csvin_close(in);
	run->rows += sf.rows;
	*nsheets += run->nnames - before;
	sheet_file_free(&sf);
	return rc == 0 ? 0 : EXIT_ERROR;
}

static unsigned long long
input_bytes(const struct export_options *o)
{
	unsigned long long total = 0;

	for (size_t i = 0; i < o->ninputs; i++) {
		struct stat st;

		if (strcmp(o->inputs[i], "-") == 0 || stat(o->inputs[i], &st) != 0 ||
		    !S_ISREG(st.st_mode))
			return ZIP64_INPUT_BYTES;    /* unknown: assume large */
		total += (unsigned long long)st.st_size;
	}
	return total;
}

static int
open_workbook(struct run *run, struct outfile *out)
{
	lxw_workbook_options opt;
	lxw_doc_properties props;

	memset(&opt, 0, sizeof opt);
	opt.constant_memory = LXW_TRUE;
	opt.tmpdir = run->tmpdir;
	opt.use_zip64 = input_bytes(run->o) >= ZIP64_INPUT_BYTES;
	if ((run->wb = workbook_new_opt(outfile_temporary(out), &opt)) == NULL)
		return stage_fail(&run->st, _("cannot write %s: the workbook cannot be "
		    "started"), run->o->output);
	run->bold = workbook_add_format(run->wb);
	run->money = workbook_add_format(run->wb);
	if (run->bold == NULL || run->money == NULL)
		return stage_fail(&run->st, _("cannot write %s: out of memory"),
		    run->o->output);
	format_set_bold(run->bold);
	format_set_num_format(run->money, "0.00");
	memset(&props, 0, sizeof props);
	props.created = WORKBOOK_CREATED;
	if (workbook_set_properties(run->wb, &props) != LXW_NO_ERROR)
		return stage_fail(&run->st, _("cannot write %s: out of memory"),
		    run->o->output);
	return 0;
}

static void
run_free(struct run *run)
{
	for (size_t i = 0; i < run->nnames; i++)
		free(run->names[i]);
	free(run->names);
	free(run->tmpdir);
	strbuf_free(&run->cell);
	strbuf_free(&run->msg);
}

/* The folder of the first file exported when it is a village's (it holds
 * village.yaml), or NULL: without --village and --rules, its columns file
 * and rules are read as if it were given (caller frees). */
static char *
beside(const struct export_options *o)
{
	char *dir, *yaml;

	if (o->ninputs == 0 || strcmp(o->inputs[0], "-") == 0)
		return NULL;
	dir = path_dir(o->inputs[0]);
	yaml = path_join(dir, "village.yaml");
	if (!path_is_file(yaml)) {
		free(dir);
		dir = NULL;
	}
	free(yaml);
	return dir;
}

int
export_run(const struct export_options *o)
{
	struct run run;
	struct stage *st = &run.st;
	struct outfile *out;
	size_t nsheets = 0;
	char err[1024];
	int status = EXIT_ERROR;
	lxw_error e;
	char *village;
	int loaded;

	memset(&run, 0, sizeof run);
	run.o = o;
	stage_begin(st, "export", o->quiet);
	st->unrecorded = 1;
	village = o->village != NULL || o->rules != NULL ? NULL : beside(o);
	loaded = stage_load_village(st, o->village != NULL ? o->village : village, 0);
	free(village);
	if (loaded != 0 ||
	    stage_load_columns(st, o->columns) != 0 ||
	    ((o->rules != NULL || (st->have_village && st->village.rules_path != NULL)) &&
	    stage_load_rules(st, o->rules, 0) != 0))
		goto out;
	for (size_t i = 0; i < o->ninputs; i++)
		if (stage_input(st, o->inputs[i]) != 0)
			goto out;
	if ((out = stage_output(st, o->output, OUTFILE_PRIVATE)) == NULL)
		goto out;
	if (outfile_in_place(out)) {
		stage_fail(st, _("%s: a workbook cannot be written to standard output "
		    "or a device: give -o FILE.xlsx"), o->output ? o->output : "-");
		goto out;
	}
	run.tmpdir = path_dir(o->output);
	if (open_workbook(&run, out) != 0)
		goto close;
	for (size_t i = 0; i < o->ninputs; i++)
		if (export_file(&run, o->inputs[i], &nsheets) != 0)
			goto close;
	e = workbook_close(run.wb);
	run.wb = NULL;
	if (e != LXW_NO_ERROR) {
		stage_fail(st, _("cannot write %s: %s"), o->output, lxw_strerror(e));
		goto out;
	}
	/* Confidential whatever it holds: a household's details, and ID
	 * numbers in forms no scan can tell from other digits. */
	if (outfile_adopt(out, OUTFILE_PRIVATE, err, sizeof err) != 0) {
		stage_fail(st, "%s", err);
		goto out;
	}
	if (stage_commit(st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet) {
		char rows[32];

		fprintf(stderr, run.full_ids ?
		    _("workbook: %zu file(s), %s rows on %zu sheet(s); full ID numbers: mode 0600\n") :
		    _("workbook: %zu file(s), %s rows on %zu sheet(s)\n"),
		    o->ninputs, text_count(rows, run.rows), nsheets);
	}
	goto out;
close:
	/* The library frees the workbook only when closing it: close it into
	 * the temporary, which the shell then removes. */
	if (run.wb != NULL)
		(void)workbook_close(run.wb);
out:
	run_free(&run);
	return stage_end(st, status);
}
