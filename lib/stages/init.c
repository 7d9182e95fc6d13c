/* tpa-init: check -> make the folder -> write. The folder (and any missing
 * parent) is made first, so that the paths village.yaml names can be
 * written relative to it; then every file goes through the stage shell as
 * an ordinary output (temporary, rename) and is committed together. A run
 * that fails removes the folders it made: nothing is left half made, and
 * nothing that was there is ever touched (the folder must be absent or
 * empty). The new folder is people's to fill in, no record of the
 * procedure: no PROVENANCE.csv. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/alloc.h"
#include "base/selfdir.h"
#include "base/strbuf.h"
#include "household/objectionfile.h"
#include "household/previous.h"
#include "household/surveyset.h"
#include "household/votefile.h"
#include "io/csvout.h"
#include "rules/area.h"
#include "rules/condition.h"
#include "stages/apply.h"
#include "stages/init.h"
#include "stages/shell.h"
#include "values/field.h"
#include "values/text.h"

#define NCOLS(a) (sizeof a / sizeof a[0])

struct names {
	char **v;
	size_t n, cap;
};

struct run {
	const struct init_options *o;
	struct stage st;
	int year;
	struct village *last;      /* last year's village.yaml, or NULL */
	struct village last_v;     /* what LAST points to */
	char **made;               /* folders made, outermost first */
	size_t nmade, capmade;
	struct names household, member;   /* fields the rules add */
};

static int
digits(const char *s, size_t n)
{
	return strlen(s) == n && text_digits(s, n);
}

static void
names_add(struct names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], s) == 0)
			return;
	xgrow(&ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
	ns->v[ns->n++] = xstrdup(s);
}

static int
names_have(const struct names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], s) == 0)
			return 1;
	return 0;
}

static void
names_free(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

/* ---- The folder ---- */

/* Whether folder PATH holds nothing. */
static int
empty_folder(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int empty = 1;

	if (d == NULL)
		return 0;
	while (empty && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

static int
make_folder(struct run *run, const char *path)
{
	if (mkdir(path, 0777) != 0)
		return stage_fail(&run->st, _("cannot make the folder %s: %s"), path,
		    strerror(errno));
	xgrow(&run->made, &run->capmade, run->nmade + 1, sizeof *run->made);
	run->made[run->nmade++] = xstrdup(path);
	return 0;
}

/* Make DIR and any missing parent, as mkdir -p does. */
static int
make_folders(struct run *run, const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;

	for (char *s = p + 1; *s && rc == 0; s++)
		if (*s == '/' && s[-1] != '/') {
			*s = '\0';
			if (!path_exists(p))
				rc = make_folder(run, p);
			else if (!path_is_dir(p))
				rc = stage_fail(&run->st, _("cannot make the folder %s: %s "
				    "is not a folder"), dir, p);
			*s = '/';
		}
	free(p);
	return rc != 0 ? rc : make_folder(run, dir);
}

/* DIR absent (made now) or an empty folder. */
static int
prepare_folder(struct run *run, const char *dir)
{
	struct stat sb;

	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			return stage_fail(&run->st, _("%s exists and is not a folder: "
			    "nothing was made"), dir);
		if (!empty_folder(dir))
			return stage_fail(&run->st, _("%s exists and is not empty: "
			    "tpa-init never overwrites anything; give a new folder"),
			    dir);
		return 0;
	}
	if (errno != ENOENT)
		return stage_fail(&run->st, "%s: %s", dir, strerror(errno));
	return make_folders(run, dir);
}

/* Remove the folders made, innermost first (only while empty). */
static void
unmake_folders(struct run *run)
{
	for (size_t i = run->nmade; i > 0; i--)
		rmdir(run->made[i - 1]);
}

/* ---- The rules' fields ---- */

static void
on_field(void *ctx, const char *field, int member)
{
	struct run *run = ctx;

	if (field_builtin(field) != NULL)     /* a column of §3, or computed */
		return;
	names_add(member ? &run->member : &run->household, field);
}

/* The columns the rules read beyond those of §3: member columns go to
 * applications.csv, the others (and fields declared but read nowhere) to
 * survey.csv, in the order the rules first read them. */
static void
rules_fields(struct run *run)
{
	struct rules *r = &run->st.rules;

	for (int l = 0; l < RULES_NLISTS; l++) {
		struct rule_list *list = rules_list(r, l);

		for (size_t i = 0; i < list->n; i++)
			if (list->items[i].when != NULL)
				cond_fields(list->items[i].when, on_field, run);
	}
	if (r->exit != NULL)
		cond_fields(r->exit, on_field, run);
	for (size_t i = 0; i < r->nfields; i++) {
		const char *name = r->fields[i]->f.name;

		if (field_builtin(name) == NULL && !names_have(&run->member, name))
			names_add(&run->household, name);
	}
}

/* ---- village.yaml ---- */

/* S as a YAML double-quoted scalar that reads back as S: the quote and
 * the backslash escaped, and every character YAML would read as a line
 * break (LF, CR, U+0085, U+2028, U+2029) or refuses as not printable (C0
 * and C1 controls, DEL, U+FEFF, U+FFFE, U+FFFF) written as an escape. */
static void
quoted(struct strbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	strbuf_putc(b, '"');
	while (*p) {
		if (*p == '"' || *p == '\\') {
			strbuf_putc(b, '\\');
			strbuf_putc(b, (char)*p++);
		} else if (*p == '\t') {
			strbuf_puts(b, "\\t"), p++;
		} else if (*p == '\n') {
			strbuf_puts(b, "\\n"), p++;
		} else if (*p == '\r') {
			strbuf_puts(b, "\\r"), p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			strbuf_printf(b, "\\x%02X", *p++);
		} else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			if (p[1] == 0x85)
				strbuf_puts(b, "\\N");
			else
				strbuf_printf(b, "\\x%02X", p[1]);
			p += 2;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			strbuf_puts(b, p[2] == 0xa8 ? "\\L" : "\\P");
			p += 3;
		} else if (p[0] == 0xef && ((p[1] == 0xbb && p[2] == 0xbf) ||
		    (p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf)))) {
			strbuf_puts(b, p[1] == 0xbb ? "\\uFEFF" : p[2] == 0xbe ?
			    "\\uFFFE" : "\\uFFFF");
			p += 3;
		} else {
			strbuf_putc(b, (char)*p++);
		}
	}
	strbuf_putc(b, '"');
}

/* End the line begun at START with COMMENT (if any) in a column of its
 * own. */
static void
comment(struct strbuf *b, size_t start, const char *text)
{
	if (text != NULL) {
		size_t w = text_width(b->s + start, b->len - start);

		do
			strbuf_putc(b, ' ');
		while (++w < 38);
		strbuf_printf(b, "# %s", text);
	}
	strbuf_putc(b, '\n');
}

/* "KEY: VALUE", VALUE as it is (RAW) or quoted; the line commented out
 * with PLACEHOLDER when VALUE is NULL. */
static void
line(struct strbuf *b, const char *indent, const char *key, const char *value,
    int raw, const char *placeholder, const char *text)
{
	size_t start = b->len;

	if (value == NULL)
		strbuf_printf(b, "%s# %s:%s%s", indent, key, *placeholder ? " " : "",
		    placeholder);
	else if (raw)
		strbuf_printf(b, "%s%s: %s", indent, key, value);
	else {
		strbuf_printf(b, "%s%s: ", indent, key);
		quoted(b, value);
	}
	comment(b, start, text);
}

/* A line of text alone with a comment. */
static void
note(struct strbuf *b, const char *s, const char *text)
{
	size_t start = b->len;

	strbuf_puts(b, s);
	comment(b, start, text);
}

static char *
relative(struct run *run, const char *path)
{
	return path != NULL ? path_relative(run->o->dir, path) : NULL;
}

/* rules, columns, previous and quota: outside an area, the village's. */
static void
owned_paths(struct run *run, struct strbuf *b, const char *rules,
    const char *columns, const char *previous)
{
	const struct village *v = run->last;
	char n[64];

	line(b, "", "rules", rules, 0, "../../rules/RULES.yaml",
	    v != NULL && run->o->rules == NULL ?
	    "识别规则 last year's: name this year's rules file" :
	    "识别规则 the rules file, relative to this file");
	line(b, "", "columns", columns, 0, "../../columns.yaml",
	    "县定表头 the county's header aliases (optional)");
	snprintf(n, sizeof n, "../../%d/%s/registry", run->year - 1, run->o->code);
	line(b, "", "previous", previous, 0, n, previous != NULL ?
	    "上年建档 last year's registry folder" :
	    "上年建档 last year's registry folder (optional)");
	line(b, "", "quota", NULL, 1, "", "规模 poor people allowed, handed down (optional)");
}

static void
village_yaml(struct run *run, struct strbuf *b, const char *rules_path,
    const char *columns_path, const char *previous_path)
{
	const struct village *v = run->last;
	const char *y = run->o->year;
	char *rules = relative(run, rules_path), *columns = relative(run, columns_path);
	char *previous = relative(run, previous_path);
	char n[64];
	/* In an area, what the town and county own is in their files. */
	int area = village_in_area(run->o->dir);

	strbuf_printf(b, "# village.yaml of village %s, %s (made by tpa-init).\n",
	    run->o->code, y);
	strbuf_puts(b,
	    "# The village's facts for this year's identification. Fill in the lines\n"
	    "# that start with \"#\" as the year goes on, and remove the \"#\": every key\n"
	    "# is checked, and a mistake is reported with its line (tpa-init(1)).\n");
	if (v != NULL) {
		char *from = relative(run, v->path);

		strbuf_printf(b, "# The village's facts were copied from %s.\n", from);
		free(from);
	}
	strbuf_puts(b, "village:\n");
	line(b, "  ", "code", run->o->code, 0, "", "村代码 the 12-digit division code");
	line(b, "  ", "name", v ? v->name : NULL, 0, "", "村名 the village's name");
	line(b, "  ", "town", v ? v->town : NULL, 0, "", "乡镇 the town");
	line(b, "  ", "county", v ? v->county : NULL, 0, "", "县 the county");
	if (v != NULL && v->population >= 0)
		snprintf(n, sizeof n, "%lld", v->population);
	if (!area) {
		line(b, "  ", "population", v && v->population >= 0 ? n : NULL, 1, "",
		    "户籍人口 registered population, people");
		line(b, "  ", "key_village", v ? (v->key_village ? "true" : "false") :
		    NULL, 1, "false", "重点贫困村 a key poor village");
	}
	line(b, "  ", "contact", v ? v->contact : NULL, 0, "",
	    "村级异议受理 where to object, village level");
	if (area) {
		strbuf_printf(b, "# In a county's area the town and the county own the "
		    "population,\n# key_village, quota, the other levels' contacts, "
		    "the rules, the columns,\n# last year's registry and the town and "
		    "county periods: they are in\n# ../town-%.9s/villages.csv, "
		    "../town-%.9s/town.yaml and\n# ../county-%.6s/county.yaml "
		    "(tpa-area(5)), never here.\n", run->o->code, run->o->code,
		    run->o->code);
	} else if (v != NULL && (v->contact_town || v->contact_county || v->hotline)) {
		note(b, "contacts:", "乡镇、县级异议受理 the other levels");
		if (v->contact_town)
			line(b, "  ", "town", v->contact_town, 0, "", NULL);
		if (v->contact_county)
			line(b, "  ", "county", v->contact_county, 0, "", NULL);
		if (v->hotline)
			line(b, "  ", "hotline", v->hotline, 0, "", "监督电话 on every notice");
	} else {
		note(b, "# contacts:", "乡镇、县级异议受理 the other levels (optional)");
		note(b, "#   town:", NULL);
		note(b, "#   county:", NULL);
		note(b, "#   hotline:", "监督电话 on every notice (optional)");
	}
	line(b, "", "language", v != NULL && v->language == VILLAGE_EN ? "en" : "zh",
	    1, "", "文件内文字 zh or en: messages inside files");
	line(b, "", "year", y, 1, "", "年度 the year of this identification");
	if (!area)
		owned_paths(run, b, rules, columns, previous);
	note(b, "# appraisal:", "民主评议 the representatives' meeting");
	snprintf(n, sizeof n, "#   date: %s-06-03", y);
	note(b, n, "评议日期 the day of the meeting");
	note(b, "#   representatives:", "到会代表 present at the meeting");
	note(b, "#   total:", "代表总数 all representatives (optional)");
	note(b, "# publicity:", "公示期 the periods used, first and last day");
	strbuf_printf(b, "#   village: {start: %s-06-05, end: %s-06-11}\n", y, y);
	if (!area)
		strbuf_printf(b,
		    "#   town:    {start: %s-06-14, end: %s-06-20}\n"
		    "#   county:  {start: %s-06-21, end: %s-06-25}\n", y, y, y, y);
	free(rules);
	free(columns);
	free(previous);
}

/* ---- Templates ---- */

/* A header row: each column's Chinese header (the county's form's in A,
 * else its title in R or the catalogue; the stages read either back),
 * else its name; the names alone when A is NULL. */
static void
header(const struct column_aliases *a, const struct rules *r,
    struct outfile *f, const char *const *known, size_t n,
    const struct names *more)
{
	struct csvout w;

	csvout_init(&w, f, CSVOUT_DATA);
	csvout_bom(&w);
	for (size_t i = 0; i < n + (more ? more->n : 0); i++) {
		const char *name = i < n ? known[i] : more->v[i - n];
		const char *zh = a != NULL ? rules_column_title(r, a, name) : NULL;

		csvout_str(&w, zh != NULL ? zh : name);
	}
	csvout_end(&w);
}

static void
template(struct run *run, struct outfile *f, const char *const *known, size_t n,
    const struct names *more)
{
	header(run->st.aliases, run->st.have_rules ? &run->st.rules : NULL, f,
	    known, n, more);
}

/* ---- The run ---- */

static struct outfile *
output(struct run *run, const char *name)
{
	char *path = path_join(run->o->dir, name);
	struct outfile *f = stage_output(&run->st, path, OUTFILE_PUBLIC);

	free(path);
	return f;
}

/* The git files of the folder that holds the village folders of a year
 * (the town's and the county's beside them): written when it has none. */
static const struct {
	const char *name, *text;
} git_files[] = {
	{ ".gitignore",
	    "# tpa: what git should not keep in the folders of a county's year.\n"
	    "# The temporaries of a stage that was stopped (kill, a power cut),\n"
	    "# which may hold full ID numbers; make clean removes them.\n"
	    ".*.tmp-*\n"
	    "# Where this machine's tpa programs are (tpa-init writes it when\n"
	    "# they are not on PATH): another machine has its own.\n"
	    ".tpa-bin.mk\n" },
	{ ".gitattributes",
	    "# tpa: every file is kept byte for byte (no line ends converted on\n"
	    "# checkout), so that the sha256 of PROVENANCE.csv and of the audits\n"
	    "# still hold.\n"
	    "* -text\n" },
};

/* The Makefiles of the three levels: one text, the level's name in it. */
#define MAKEFILE(level) \
	"include $(or $(TPA_MK_DIR),$(shell $(patsubst %,%/,$(or $(TPA_BIN)," \
	"$(shell sed -n 's/^TPA_BIN ?= //p' ../.tpa-bin.mk 2>/dev/null)))tpa " \
	"--mk-dir 2>/dev/null),$(error tpa: 找不到 tpa 程序：把它所在的文件夹加入 " \
	"PATH 或运行 make TPA_BIN=该文件夹 (tpa is not on PATH: add its folder to " \
	"PATH or run make TPA_BIN=that folder)))/" level ".mk\n"

/* The Makefile of a folder of LEVEL ("village", "town" or "county"), the
 * same one line on every machine: it includes LEVEL.mk from the folder
 * that TPA_MK_DIR names, else the one `tpa --mk-dir` prints — tpa in
 * TPA_BIN, else in the folder ../.tpa-bin.mk names (this machine's
 * programs, written by tpa-init and kept out of git), else on PATH. */
static const char *
init_makefile(const char *level)
{
	if (strcmp(level, "town") == 0)
		return MAKEFILE("town");
	if (strcmp(level, "county") == 0)
		return MAKEFILE("county");
	return MAKEFILE("village");
}

/* DIR holds no tpa (a program that is not tpa's, a unit test), or PATH
 * finds DIR/tpa first (the same file): 1, else 0. */
static int
needs_no_hint(const char *dir)
{
	struct strbuf found = { 0 };
	char *mine, *want = path_join(dir, "tpa"), *real = NULL;
	int same;

	mine = realpath(want, NULL);
	free(want);
	if (mine == NULL || access(mine, X_OK) != 0) {
		free(mine);
		return 1;
	}
	if (path_search("tpa", &found) == 0)
		real = realpath(strbuf_str(&found), NULL);
	same = real != NULL && strcmp(real, mine) == 0;
	free(real);
	free(mine);
	strbuf_free(&found);
	return same;
}

/* The folder holding the one being made (the year's), where the files
 * beside every folder of the year go. Caller frees. */
static char *
year_dir(const struct run *run)
{
	char *d = xstrdup(run->o->dir), *parent;
	size_t n = strlen(d);

	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	parent = path_dir(d);
	free(d);
	return parent;
}

/* When the tpa beside this program is not the one PATH finds (a clone's
 * bin/, an install whose folder is not on PATH), ../.tpa-bin.mk beside
 * DIR names its folder, so that make there needs no variable; git keeps
 * it out (.gitignore). Returns 0, or -1 (the error recorded). */
static int
bin_hint(struct run *run)
{
	char *self = self_dir(), *parent, *path;
	struct outfile *f;
	int rc = 0;

	if (self == NULL || needs_no_hint(self) || strpbrk(self, " \t\n\\$#") != NULL) {
		free(self);
		return 0;
	}
	parent = year_dir(run);
	path = path_join(parent, ".tpa-bin.mk");
	if ((f = stage_output(&run->st, path, OUTFILE_PUBLIC)) == NULL)
		rc = -1;
	else
		outfile_printf(f, "# tpa: this machine's tpa programs (kept out of git)\n"
		    "TPA_BIN ?= %s\n", self);
	free(path);
	free(parent);
	free(self);
	return rc;
}

/* Open the git files that the folder holding DIR lacks; F[i] NULL for one
 * it has. Returns 0, or -1 (the error recorded). */
static int
git_outputs(struct run *run, struct outfile *f[])
{
	char *parent = year_dir(run);
	int rc = 0;

	for (size_t i = 0; i < NCOLS(git_files) && rc == 0; i++) {
		char *path = path_join(parent, git_files[i].name);
		struct stat sb;

		f[i] = NULL;
		if (lstat(path, &sb) != 0 &&
		    (f[i] = stage_output(&run->st, path, OUTFILE_PUBLIC)) == NULL)
			rc = -1;
		free(path);
	}
	free(parent);
	return rc;
}

/* Load last year's village.yaml (its own facts: what the stages would
 * apply from last year's area is not this year's); check it is last
 * year's. */
static int
load_last(struct run *run)
{
	struct stage *st = &run->st;
	char err[2048];

	if (village_load(&run->last_v, run->o->previous, err, sizeof err) != 0)
		return stage_fail(st, "%s", err);
	if (village_folder_check(run->last_v.dir, run->last_v.code, err,
	    sizeof err) != 0) {
		village_free(&run->last_v);
		return stage_fail(st, "%s", err);
	}
	run->last = &run->last_v;
	if (stage_input(st, run->last->path) != 0)
		return EXIT_ERROR;
	if (run->last->year >= run->year)
		return stage_fail(st, _("%s is the folder of %d: --year %d must come "
		    "after it"), run->o->previous, run->last->year, run->year);
	if (strcmp(run->last->code, run->o->code) != 0)
		stage_warn(st, _("%s is village %s, not %s: its facts are copied all "
		    "the same"), run->o->previous, run->last->code, run->o->code);
	return 0;
}

/* Last year's registry, when made, is checked as the stages will check
 * it (of an earlier year, of this village, whole): a folder whose
 * previous: the stages would refuse is not made. */
static int
check_registry(struct run *run, const char *registry)
{
	struct previous_expect x = { run->o->code, run->year, NULL,
		run->st.aliases };
	struct previous_registry p;
	struct strbuf err = { 0 };
	int rc = 0;

	if (previous_read(&p, registry, &x, &err) != 0)
		rc = stage_fail_lines(&run->st, &err);
	previous_free(&p);
	strbuf_free(&err);
	return rc;
}

static void
run_free(struct run *run)
{
	for (size_t i = 0; i < run->nmade; i++)
		free(run->made[i]);
	free(run->made);
	names_free(&run->household);
	names_free(&run->member);
	if (run->last != NULL)
		village_free(run->last);
}

/* ---- A town's or a county's folder (SPEC §8) ---- */

/* The columns of a town's villages.csv, in the order of tpa-area(5). */
static const char *const village_columns[] = { "village_code", "name",
	"population", "households", "key_village", "quota", "town_start",
	"town_end", "town_closed", "previous_code", "posted_village",
	"posted_town" };
static const char *const reopen_columns[] = { "village_code", "date",
	"reason" };

static void
town_yaml(struct run *run, struct strbuf *b)
{
	const char *y = run->o->year;
	char n[128];

	strbuf_printf(b, "# town.yaml of town %s, %s (made by tpa-init).\n",
	    run->o->town, y);
	strbuf_puts(b,
	    "# The town's own facts (tpa-area(5)). Fill in name and contact: the\n"
	    "# file is refused while they are empty. Fill in the lines that start\n"
	    "# with \"#\" as the year goes on, and remove the \"#\". The town's\n"
	    "# villages are the rows of villages.csv beside this file.\n");
	note(b, "town:", "乡镇 the town");
	line(b, "  ", "code", run->o->town, 0, "", "乡镇代码 the 9-digit division code");
	line(b, "  ", "name", "", 0, "", "乡镇名称 the town's name (fill in)");
	line(b, "  ", "contact", "", 0, "",
	    "乡镇异议受理 where to object, town level (fill in)");
	note(b, "# publicity:", "乡镇公示期 the villages' town posting (default)");
	snprintf(n, sizeof n, "#   start: %s-06-14", y);
	note(b, n, "开始日期 the first day");
	snprintf(n, sizeof n, "#   end: %s-06-20", y);
	note(b, n, "结束日期 the last day");
	snprintf(n, sizeof n, "#   closed: %s-06-21", y);
	note(b, n, "办结日期 once the posting is over: closes it");
	note(b, "# audit:", "乡镇审核抽查 the town audit's spot checks");
	note(b, "#   sample: {help: 3, not_helped: 2, exiting: 1}",
	    "每村抽查户数 per village");
	note(b, "#   seed: \"\"", "抽样种子 published once the lists are final");
}

static void
county_yaml(struct run *run, struct strbuf *b, const char *rules)
{
	const char *y = run->o->year;
	char n[128];

	strbuf_printf(b, "# county.yaml of county %s, %s (made by tpa-init).\n",
	    run->o->county, y);
	strbuf_puts(b,
	    "# The county's own facts (tpa-area(5)), paths relative to this file.\n"
	    "# Fill in name, contact and rules: the file is refused while they are\n"
	    "# empty. Fill in the lines that start with \"#\" as the year goes on,\n"
	    "# and remove the \"#\".\n");
	note(b, "county:", "县 the county");
	line(b, "  ", "code", run->o->county, 0, "", "县代码 the 6-digit division code");
	line(b, "  ", "name", "", 0, "", "县名称 the county's name (fill in)");
	line(b, "  ", "contact", "", 0, "",
	    "县级异议受理 where to object, county level (fill in)");
	line(b, "  ", "hotline", NULL, 0, "\"12317\"",
	    "监督电话 on every notice (optional)");
	line(b, "", "year", y, 1, "", "年度 the year of this identification");
	snprintf(n, sizeof n, "%d", run->year - 1);
	line(b, "", "previous_year", NULL, 1, n,
	    "上年度 whose registry is last year's (default: year - 1)");
	line(b, "", "rules", rules != NULL ? rules : "", 0, "", rules != NULL ?
	    "识别规则 the rules of the year" :
	    "识别规则 the rules of the year, e.g. ../../rules/RULES.yaml (fill in)");
	note(b, "# rules_by_town:", "乡镇识别规则 towns with rules of their own");
	snprintf(n, sizeof n, "#   \"%s101\": ../../rules/RULES.yaml", run->o->county);
	note(b, n, "乡镇代码: 规则文件 town code: rules file");
	line(b, "", "columns", NULL, 0, "../../columns.yaml",
	    "县定表头 the county's header aliases (optional)");
	note(b, "# publicity:", "县级公告期 the county's announcement");
	snprintf(n, sizeof n, "#   start: %s-06-21", y);
	note(b, n, "开始日期 the first day");
	snprintf(n, sizeof n, "#   end: %s-06-25", y);
	note(b, n, "结束日期 the last day");
	snprintf(n, sizeof n, "#   closed: %s-06-26", y);
	note(b, n, "办结日期 once the announcement is over: closes it");
	note(b, "# towns:", "乡镇规模 people handed down to a town (optional)");
	snprintf(n, sizeof n, "#   \"%s101\": {quota: 120}", run->o->county);
	note(b, n, "乡镇代码: {quota: 人数}");
	note(b, "# audit:", "县级审核抽查 the county audit's spot checks");
	note(b, "#   sample: {help: 3, not_helped: 2, exiting: 1}",
	    "每村抽查户数 per village");
	note(b, "#   seed: \"\"", "抽样种子 published once the lists are final");
	snprintf(n, sizeof n, "# as_of: %s-07-01", y);
	note(b, n, "截止日期 deadlines are judged on this day (optional)");
}

/* tpa-init --town T / --county C: DIR (named town-T or county-C) with
 * its YAML file, villages.csv for a town, reopen.csv, the Makefile. */
static int
area_init(struct run *run)
{
	const struct init_options *o = run->o;
	struct stage *st = &run->st;
	int town = o->town != NULL;
	const char *code = town ? o->town : o->county;
	const char *level = town ? "town" : "county";
	struct column_aliases *villages = NULL;
	struct outfile *f[4] = { NULL }, *git[2];
	struct strbuf yaml = { 0 };
	char want[32], *name = NULL, *rules = NULL;
	int status = EXIT_ERROR;

	if (!digits(code, town ? 9 : 6)) {
		stage_fail(st, town ? _("--town \"%s\": a town code is 9 digits") :
		    _("--county \"%s\": a county code is 6 digits"), code);
		goto out;
	}
	if (!digits(o->year, 4) || atoi(o->year) < 1949) {
		stage_fail(st, _("--year \"%s\": a year is 4 digits, 1949 or later"), o->year);
		goto out;
	}
	run->year = atoi(o->year);
	if (o->previous != NULL) {
		stage_fail(st, _("--previous is for a village's folder"));
		goto out;
	}
	if (town && o->rules != NULL) {
		stage_fail(st, _("--rules with --town: a town's rules are the "
		    "county's (county.yaml rules_by_town)"));
		goto out;
	}
	snprintf(want, sizeof want, "%s-%s", level, code);
	name = village_folder_name(o->dir);
	if (name == NULL || strcmp(name, want) != 0) {
		stage_fail(st, _("%s: a %s's folder is named %s, after its code"),
		    o->dir, level, want);
		goto out;
	}
	if (o->rules != NULL && stage_load_rules(st, o->rules, o->include_anywhere) != 0)
		goto out;
	if (prepare_folder(run, o->dir) != 0)
		goto out;
	if (o->rules != NULL)
		rules = path_relative(o->dir, o->rules);
	if ((f[0] = output(run, town ? "town.yaml" : "county.yaml")) == NULL ||
	    (f[1] = output(run, "Makefile")) == NULL ||
	    (f[2] = output(run, "reopen.csv")) == NULL ||
	    (town && (f[3] = output(run, "villages.csv")) == NULL) ||
	    git_outputs(run, git) != 0 || bin_hint(run) != 0)
		goto out;
	for (size_t i = 0; i < NCOLS(git_files); i++)
		if (git[i] != NULL)
			outfile_write(git[i], git_files[i].text, strlen(git_files[i].text));
	if (town)
		town_yaml(run, &yaml);
	else
		county_yaml(run, &yaml, rules);
	outfile_write(f[0], yaml.s, yaml.len);
	outfile_puts(f[1], init_makefile(level));
	header(NULL, NULL, f[2], reopen_columns, NCOLS(reopen_columns), NULL);
	if (town) {
		villages = aliases_new_villages();
		header(villages, NULL, f[3], village_columns, NCOLS(village_columns), NULL);
	}
	if (stage_commit(st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet)
		fprintf(stderr, town ?
		    _("init: %s: town.yaml, villages.csv, reopen.csv, Makefile; fill "
		    "in town.yaml's name and contact and a row of villages.csv per "
		    "village\n") :
		    _("init: %s: county.yaml, reopen.csv, Makefile; fill in "
		    "county.yaml's name, contact and rules\n"), o->dir);
out:
	aliases_free(villages);
	free(name);
	free(rules);
	strbuf_free(&yaml);
	return status;
}

int
init_run(const struct init_options *o)
{
	struct run run;
	struct stage *st = &run.st;
	struct outfile *f[6], *git[2];
	struct strbuf yaml = { 0 };
	const char *rules_path = o->rules;
	char *templates = NULL, *registry = NULL;
	struct area_county area_county;
	int status = EXIT_ERROR, have_county = 0, in_area;

	memset(&run, 0, sizeof run);
	run.o = o;
	stage_begin(st, "init", o->quiet);
	st->unrecorded = 1;
	if (o->town != NULL || o->county != NULL) {
		status = area_init(&run);
		goto out;
	}
	if (!digits(o->code, 12)) {
		stage_fail(st, _("--code \"%s\": a village code is 12 digits"), o->code);
		goto out;
	}
	if (!digits(o->year, 4) || atoi(o->year) < 1949) {
		stage_fail(st, _("--year \"%s\": a year is 4 digits, 1949 or later"), o->year);
		goto out;
	}
	run.year = atoi(o->year);
	{
		char err[2048];

		if (village_folder_check(o->dir, o->code, err, sizeof err) != 0) {
			stage_fail(st, "%s", err);
			goto out;
		}
	}
	if (o->previous != NULL && load_last(&run) != 0)
		goto out;
	in_area = village_in_area(o->dir);
	/* last year's rules outside an area; in one, this year's county's */
	if (rules_path == NULL && run.last != NULL && !in_area)
		rules_path = run.last->rules_path;
	/* In an area the county names the rules of the village's town and the
	 * columns: the templates follow them (when county.yaml loads; the
	 * stages say why when it does not). */
	if (rules_path == NULL && in_area) {
		char *town, *county, err[2048], code[10];

		area_dirs(o->dir, o->code, NULL, NULL, &town, &county);
		if (area_county_load(&area_county, county, err, sizeof err) == 0) {
			const char *key;
			char keybuf[32];

			have_county = 1;
			snprintf(code, sizeof code, "%.9s", o->code);
			area_county_rules_for(&area_county, code, &rules_path, &key, keybuf);
		}
		free(town);
		free(county);
	}
	if (rules_path != NULL) {
		if (stage_load_rules(st, rules_path, o->include_anywhere) != 0)
			goto out;
		rules_fields(&run);
	}
	if (stage_load_columns(st, have_county ? area_county.columns_path :
	    run.last != NULL ? run.last->columns_path : NULL) != 0)
		goto out;
	if (run.last != NULL) {
		registry = path_join(run.last->dir, "registry");
		if (!path_is_dir(registry))
			stage_warn(st, _("%s does not exist yet: village.yaml names it as "
			    "previous:, and the stages will refuse it until last year's "
			    "registry is made (tpa-file)"), registry);
		else if (check_registry(&run, registry) != 0)
			goto out;
	}
	if (prepare_folder(&run, o->dir) != 0)
		goto out;
	templates = path_join(o->dir, "templates");
	if (!path_is_dir(templates) && make_folder(&run, templates) != 0)
		goto out;
	if ((f[0] = output(&run, "village.yaml")) == NULL ||
	    (f[1] = output(&run, "Makefile")) == NULL ||
	    (f[2] = output(&run, "templates/applications.csv")) == NULL ||
	    (f[3] = output(&run, "templates/survey.csv")) == NULL ||
	    (f[4] = output(&run, "templates/votes.csv")) == NULL ||
	    (f[5] = output(&run, "templates/objections.csv")) == NULL ||
	    git_outputs(&run, git) != 0 || bin_hint(&run) != 0)
		goto out;
	for (size_t i = 0; i < NCOLS(git_files); i++)
		if (git[i] != NULL)
			outfile_write(git[i], git_files[i].text, strlen(git_files[i].text));
	village_yaml(&run, &yaml, rules_path, run.last ? run.last->columns_path : NULL,
	    registry);
	outfile_write(f[0], yaml.s, yaml.len);
	outfile_puts(f[1], init_makefile("village"));
	/* Each template starts with the columns of SPEC §3 its file's
	 * reader knows, but those the programs fill (village_code, source). */
	template(&run, f[2], apply_columns + 1, APPLY_NCOLUMNS - 2, &run.member);
	template(&run, f[3], survey_known, S_NKNOWN, &run.household);
	template(&run, f[4], vote_columns, VOTE_NCOLUMNS, NULL);
	template(&run, f[5], objection_columns, OBJECTION_NVILLAGE, NULL);
	if (stage_commit(st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet)
		fprintf(stderr, run.last ?
		    _("init: %s: village.yaml, Makefile, templates/ (applications, "
		    "survey, votes, objections); facts copied from last year\n") :
		    _("init: %s: village.yaml, Makefile, templates/ (applications, "
		    "survey, votes, objections)\n"), o->dir);
out:
	free(templates);
	free(registry);
	strbuf_free(&yaml);
	if (have_county)
		area_county_free(&area_county);
	status = stage_end(st, status);
	if (status != EXIT_DONE)
		unmake_folders(&run);
	run_free(&run);
	return status;
}
