/* Receipts and the ledger at an area audit: see receipt.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strmap.h"
#include "household/objectionfile.h"
#include "io/csvin.h"
#include "io/infile.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "rules/area.h"
#include "rules/columns.h"
#include "rules/rules.h"
#include "rules/village.h"
#include "stages/receipt.h"
#include "stages/shell.h"
#include "values/date.h"
#include "values/wording.h"

/* What the town receives of a village (SPEC §8), in this order. */
static const char *const town_files[] = { "village.yaml", "applications.csv",
	"survey.csv", "votes.csv", "objections-village.csv", "primary.csv",
	"appraised.csv", "publicized-village.csv", "notice-village.html",
	"PROVENANCE.csv" };
/* What the county receives of a village's registry. */
static const char *const registry_files[] = { "registry/households.csv",
	"registry/members.csv", "registry/history.csv" };

void
receipts_init(struct receipts *r, const struct audit_area *aa,
    struct ledger *town_ledgers, char *const *town_ledger_err,
    struct ledger *county_ledger, const char *county_ledger_err,
    receipt_report_fn report, void *ctx)
{
	memset(r, 0, sizeof *r);
	r->aa = aa;
	r->town_ledgers = town_ledgers;
	r->town_ledger_err = town_ledger_err;
	r->county_ledger = county_ledger;
	r->county_ledger_err = county_ledger_err;
	r->report = report;
	r->ctx = ctx;
	r->town_broken = xcalloc(aa->ntowns + 1, sizeof *r->town_broken);
}

void
receipts_free(struct receipts *r)
{
	free(r->town_broken);
	for (size_t i = 0; i < r->npending; i++) {
		free(r->pending[i].vdir);
		free(r->pending[i].tmp);
		free(r->pending[i].final);
	}
	free(r->pending);
	memset(r, 0, sizeof *r);
}

/* LEDGER_BROKEN for VILLAGE ("" when unknown): "WHERE: " and message M
 * (in audit.csv's language), or, M being NMSGS, the problem WHERE alone. */
static void
broken_v(struct receipts *r, const char *village, const char *where,
    enum msg m, va_list ap)
{
	struct strbuf what = { 0 }, b = { 0 };

	strbuf_puts(&what, where);
	if (m != NMSGS) {
		strbuf_puts(&what, ": ");
		wording_v(&what, LANG_ZH, m, ap);
	}
	wording(&b, LANG_ZH, MSG_AUDIT_LEDGER_BROKEN, strbuf_str(&what));
	r->report(r->ctx, "LEDGER_BROKEN", village, strbuf_str(&b));
	strbuf_free(&what);
	strbuf_free(&b);
}

static void
broken(struct receipts *r, const char *village, const char *where,
    enum msg m, ...)
{
	va_list ap;

	va_start(ap, m);
	broken_v(r, village, where, m, ap);
	va_end(ap);
}

/* LEDGER_BROKEN at ROW of L (LEDGER.csv:LINE), for ROW's village. */
static void
broken_at(struct receipts *r, const struct ledger *l,
    const struct ledger_row *row, enum msg m, ...)
{
	struct strbuf where = { 0 };
	va_list ap;

	strbuf_printf(&where, "%s:%lu", l->path, row->line);
	va_start(ap, m);
	broken_v(r, row->village, strbuf_str(&where), m, ap);
	va_end(ap);
	strbuf_free(&where);
}

/* The ledgers an audit covers: the county's (at a county audit) and each
 * town's. */
static size_t
nledgers(const struct receipts *r)
{
	return r->aa->ntowns + (r->aa->is_county && r->aa->have_county);
}

static struct ledger *
ledger_at(struct receipts *r, size_t i, const char **err, int **isbroken)
{
	if (i < r->aa->ntowns) {
		*err = r->town_ledger_err[i];
		*isbroken = &r->town_broken[i];
		return &r->town_ledgers[i];
	}
	*err = r->county_ledger_err;
	*isbroken = &r->county_broken;
	return r->county_ledger;
}

/* A received/VILLAGE/.N.tmp-PID name: N and PID, or -1. */
static int
tmp_name(const char *name, long *n, long *pid)
{
	char *end;

	if (name[0] != '.' || name[1] < '1' || name[1] > '9')
		return -1;
	*n = strtol(name + 1, &end, 10);
	if (strncmp(end, ".tmp-", 5) != 0 || end[5] < '1' || end[5] > '9')
		return -1;
	*pid = strtol(end + 5, &end, 10);
	return *end == '\0' && *n > 0 && *pid > 0 ? 0 : -1;
}

/* Whether process PID is running (not this one). */
static int
alive(long pid)
{
	if ((pid_t)pid == getpid())
		return 0;
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

static int
fsync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc == 0 || errno == EINVAL ? 0 : -1;
}

/* The rows of L whose file is under PREFIX ("received/VILLAGE/N/"). */
static size_t
rows_under(const struct ledger *l, const char *prefix)
{
	size_t n = 0, len = strlen(prefix);

	for (size_t i = 0; i < l->nrows; i++)
		if (strncmp(l->row[i].file, prefix, len) == 0)
			n++;
	return n;
}

/* Whether every row of L under PREFIX has its file, the same bytes, under
 * the folder TMP instead. */
static int
rows_match(const struct ledger *l, const char *prefix, const char *tmp)
{
	size_t len = strlen(prefix);

	for (size_t i = 0; i < l->nrows; i++) {
		char *p;
		int ok;

		if (strncmp(l->row[i].file, prefix, len) != 0)
			continue;
		p = path_join(tmp, l->row[i].file + len);
		ok = digest_file_is(p, l->row[i].sha256);
		free(p);
		if (!ok)
			return 0;
	}
	return 1;
}

static int
recover_ledger(const struct ledger *l, struct strbuf *err)
{
	char *rdir = path_join(l->dir, "received");
	DIR *d = opendir(rdir), *vd;
	struct dirent *e, *f;
	int rc = 0;

	if (d == NULL) {
		free(rdir);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		char *vdir;

		if (e->d_name[0] == '.' || strlen(e->d_name) != 12)
			continue;
		vdir = path_join(rdir, e->d_name);
		if ((vd = opendir(vdir)) == NULL) {
			free(vdir);
			continue;
		}
		while ((f = readdir(vd)) != NULL) {
			long n, pid;
			char prefix[64], num[24], *tmp, *final;

			if (tmp_name(f->d_name, &n, &pid) != 0 || alive(pid))
				continue;
			tmp = path_join(vdir, f->d_name);
			snprintf(num, sizeof num, "%ld", n);
			final = path_join(vdir, num);
			snprintf(prefix, sizeof prefix, "received/%s/%ld/", e->d_name, n);
			if (rows_under(l, prefix) == 0) {
				/* stopped before its rows were written */
				if (path_remove_tree(tmp) != 0) {
					strbuf_printf(err, "cannot remove %s: %s", tmp,
					    strerror(errno));
					rc = -1;
				}
			} else if (!path_exists(final) && rows_match(l, prefix, tmp)) {
				/* stopped after its rows were written */
				if (rename(tmp, final) != 0 || fsync_dir(vdir) != 0) {
					strbuf_printf(err, "cannot rename %s to %s: %s", tmp,
					    final, strerror(errno));
					rc = -1;
				}
			}
			free(tmp);
			free(final);
		}
		closedir(vd);
		free(vdir);
	}
	closedir(d);
	free(rdir);
	return rc;
}

int
receipts_recover(struct receipts *r, struct strbuf *err)
{
	int rc = 0;

	for (size_t i = 0; i < nledgers(r); i++) {
		const char *lerr;
		int *isbroken;
		struct ledger *l = ledger_at(r, i, &lerr, &isbroken);

		if (lerr == NULL && recover_ledger(l, err) != 0)
			rc = -1;
	}
	return rc;
}

/* What a walk of received/ needs: the rows' files, and where it is. */
struct walk {
	struct receipts *r;
	const struct ledger *l;
	struct strmap files;         /* row file -> 1 */
	int *isbroken;
};

/* The village code of a path received/VILLAGE/..., or "". */
static void
village_of(const char *rel, char code[13])
{
	code[0] = '\0';
	if (strncmp(rel, "received/", 9) == 0 && strspn(rel + 9, "0123456789") == 12)
		snprintf(code, 13, "%.12s", rel + 9);
}

/* Every file under DIR (REL from the ledger's folder) must be a row's;
 * returns how many files it holds. */
static size_t
walk_files(struct walk *w, const char *dir, const char *rel)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	char code[13];

	if (d == NULL)
		return 0;
	village_of(rel, code);
	while ((e = readdir(d)) != NULL) {
		char *p, *q;
		struct stat st;
		struct strbuf b = { 0 };

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = path_join(dir, e->d_name);
		strbuf_printf(&b, "%s/%s", rel, e->d_name);
		q = (char *)strbuf_str(&b);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			n += walk_files(w, p, q);
		else {
			n++;
			if (strmap_get(&w->files, q, strlen(q)) == NULL) {
				broken(w->r, code, w->l->path, MSG_LEDGER_UNRECORDED, q);
				*w->isbroken = 1;
			}
		}
		free(p);
		strbuf_free(&b);
	}
	closedir(d);
	return n;
}

/* Folders under received/ without rows, files no row records. */
static void
walk_received(struct walk *w)
{
	char *rdir = path_join(w->l->dir, "received");
	DIR *d = opendir(rdir), *vd;
	struct dirent *e, *f;

	if (d == NULL) {
		free(rdir);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char *vdir;
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		vdir = path_join(rdir, e->d_name);
		if (lstat(vdir, &st) != 0 || !S_ISDIR(st.st_mode) ||
		    strlen(e->d_name) != 12 ||
		    strspn(e->d_name, "0123456789") != 12) {
			broken(w->r, "", w->l->path, MSG_LEDGER_NOT_VILLAGE,
			    e->d_name);
			*w->isbroken = 1;
			free(vdir);
			continue;
		}
		if ((vd = opendir(vdir)) == NULL) {
			free(vdir);
			continue;
		}
		while ((f = readdir(vd)) != NULL) {
			char *p, *rel;
			struct strbuf b = { 0 };
			long n, pid;
			size_t files, rlen;

			if (strcmp(f->d_name, ".") == 0 || strcmp(f->d_name, "..") == 0)
				continue;
			/* a receipt being written by a running audit */
			if (tmp_name(f->d_name, &n, &pid) == 0 && alive(pid))
				continue;
			p = path_join(vdir, f->d_name);
			strbuf_printf(&b, "received/%s/%s/", e->d_name, f->d_name);
			rlen = b.len;
			rel = xstrndup(b.s, rlen - 1);
			if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
				files = walk_files(w, p, rel);
				if (files == 0 || rows_under(w->l, strbuf_str(&b)) == 0) {
					broken(w->r, e->d_name, w->l->path,
					    MSG_LEDGER_NO_ROWS, rel);
					*w->isbroken = 1;
				}
			} else {
				broken(w->r, e->d_name, w->l->path,
				    MSG_LEDGER_UNRECORDED, rel);
				*w->isbroken = 1;
			}
			free(p);
			free(rel);
			strbuf_free(&b);
		}
		closedir(vd);
		free(vdir);
	}
	closedir(d);
	free(rdir);
}

/* The town ledger a county's pin row names: "../town-T/LEDGER.csv#K". */
static void
check_pin(struct receipts *r, const struct ledger *l, const struct ledger_row *row,
    int *isbroken)
{
	const char *file = row->file, *hash;
	char code[10];
	long k;
	char *end;
	const struct ledger *town = NULL;
	struct ledger own;
	int loaded = 0, town_err = 0;

	if (strncmp(file, "../town-", 8) != 0 || strspn(file + 8, "0123456789") != 9 ||
	    strncmp(file + 17, "/LEDGER.csv#", 12) != 0 ||
	    (k = strtol(file + 29, &end, 10)) < 1 || *end != '\0') {
		broken_at(r, l, row, MSG_LEDGER_NEITHER, file);
		*isbroken = 1;
		return;
	}
	snprintf(code, sizeof code, "%.9s", file + 8);
	for (size_t t = 0; t < r->aa->ntowns && town == NULL; t++)
		if (strcmp(r->aa->towns[t].code, code) == 0) {
			town = &r->town_ledgers[t];
			town_err = r->town_ledger_err[t] != NULL;
		}
	if (town == NULL) {
		struct strbuf err = { 0 };
		char *dir, *ref = xstrndup(file, 17);

		dir = path_join(l->dir, ref);
		town_err = ledger_load(&own, dir, &err) != 0;
		loaded = 1;
		town = &own;
		free(ref);
		free(dir);
		strbuf_free(&err);
	}
	/* the rows loaded are those whose chain verifies */
	if ((size_t)k > town->nrows) {
		broken_at(r, l, row, town_err ? MSG_LEDGER_PIN_BROKEN :
		    MSG_LEDGER_PIN_SHORT, file, k);
		*isbroken = 1;
	} else if (strcmp((hash = town->row[k - 1].hash), row->sha256) != 0) {
		broken_at(r, l, row, MSG_LEDGER_PIN_HASH, file, k, hash,
		    row->sha256);
		*isbroken = 1;
	}
	if (loaded)
		ledger_free(&own);
}

static void
verify_ledger(struct receipts *r, struct ledger *l, const char *lerr, int *isbroken)
{
	struct walk w;

	if (lerr != NULL) {
		broken(r, "", lerr, NMSGS);
		*isbroken = 1;
	}
	if (r->aa->have_county && l->nrows > 0) {
		struct strbuf err = { 0 };
		char *prev = ledger_year_dir(l->dir, r->aa->county.previous_year);

		if (ledger_check_first_prev_in(l, prev, LANG_ZH, &err) != 0) {
			broken(r, l->row[0].village, strbuf_str(&err), NMSGS);
			*isbroken = 1;
		}
		free(prev);
		strbuf_free(&err);
	}
	memset(&w, 0, sizeof w);
	w.r = r;
	w.l = l;
	w.isbroken = isbroken;
	strmap_init(&w.files);
	for (size_t i = 0; i < l->nrows; i++) {
		const struct ledger_row *row = &l->row[i];
		char hex[DIGEST_HEX], *p;
		int inserted;

		if (strncmp(row->file, "../", 3) == 0) {
			check_pin(r, l, row, isbroken);
			continue;
		}
		(void)strmap_put(&w.files, row->file, strlen(row->file), 1, &inserted);
		p = path_join(l->dir, row->file);
		if (digest_file(p, hex) != 0) {
			broken_at(r, l, row, MSG_LEDGER_MISSING, row->file);
			*isbroken = 1;
		} else if (strcmp(hex, row->sha256) != 0) {
			broken_at(r, l, row, MSG_LEDGER_HASH, row->file, hex,
			    row->sha256);
			*isbroken = 1;
		}
		free(p);
	}
	walk_received(&w);
	strmap_free(&w.files);
}

void
receipts_verify(struct receipts *r)
{
	for (size_t i = 0; i < nledgers(r); i++) {
		const char *lerr;
		int *isbroken;
		struct ledger *l = ledger_at(r, i, &lerr, &isbroken);

		verify_ledger(r, l, lerr, isbroken);
	}
}

/* Whether the area's procedure posts at level L. */
static int
posts(const struct receipts *r, enum level l)
{
	return r->procedure == NULL || rules_posts(r->procedure, l);
}

static void
not_received(struct receipts *r, const struct receipt_village *v,
    const struct ledger *l, int county)
{
	static const char *const later[2][3] = {
		{ "notice-town.html", "letters-town.html", "publicized-town.csv" },
		{ "notice-county.html", "publicized-county.csv", "registry" },
	};
	int posting = posts(r, county ? LEVEL_COUNTY : LEVEL_TOWN);

	if (ledger_latest_receipt(l, v->code) > 0)
		return;
	for (int k = 0; k < 3; k++) {
		char *p;
		int there;

		/* a level that does not post makes none of its files */
		if (!posting && strcmp(later[county][k], "registry") != 0)
			continue;
		p = path_join(v->dir, later[county][k]);
		there = path_exists(p);
		free(p);
		if (there) {
			struct strbuf b = { 0 };

			wording(&b, LANG_ZH, MSG_AUDIT_NOT_RECEIVED, later[county][k],
			    county ? "县" : "乡镇", l->path);
			r->report(r->ctx, "NOT_RECEIVED", v->code, strbuf_str(&b));
			strbuf_free(&b);
			return;
		}
	}
}

void
receipts_not_received(struct receipts *r, const struct receipt_village *v)
{
	if (v->town < r->aa->ntowns && r->town_ledger_err[v->town] == NULL)
		not_received(r, v, &r->town_ledgers[v->town], 0);
	if (r->aa->is_county && r->aa->have_county && r->county_ledger_err == NULL)
		not_received(r, v, r->county_ledger, 1);
}

int
receipt_due(const struct ledger *l, const char *village, const char *key)
{
	return ledger_latest_file(l, village, key) == NULL;
}

/* Whether the county's registry receipt of VILLAGE is due: none yet, or
 * a later receipt (a list received again through the county's
 * reopen.csv) came after it, so the registry filed from the new list is
 * received again. */
static int
registry_due(const struct ledger *l, const char *village)
{
	const struct ledger_row *r = ledger_latest_file(l, village,
	    "registry/households.csv");

	return r == NULL || ledger_superseded(l, r);
}

const char *
receipt_county_list(const struct rules *procedure)
{
	if (procedure != NULL &&
	    rules_level_before(procedure, LEVEL_COUNTY) != LEVEL_TOWN)
		return "publicized-village.csv";
	return "publicized-town.csv";
}

/* Whether a receipt of VILLAGE in L holds ROW. */
static int
reopen_used(const struct ledger *l, const struct reopen_row *row)
{
	struct strbuf b = { 0 }, suffix = { 0 };
	char hex[DIGEST_HEX];
	int used = 0;

	reopen_row_bytes(row, &b);
	digest_bytes(b.s, b.len, hex);
	for (size_t i = 0; i < l->nrows && !used; i++) {
		const char *f = l->row[i].file;
		size_t n = strlen(f);

		strbuf_reset(&suffix);
		strbuf_printf(&suffix, "received/%s/%ld/reopen.csv", row->village,
		    l->row[i].receipt);
		used = strcmp(l->row[i].village, row->village) == 0 &&
		    n == suffix.len && strcmp(f, strbuf_str(&suffix)) == 0 &&
		    strcmp(l->row[i].sha256, hex) == 0;
	}
	strbuf_free(&b);
	strbuf_free(&suffix);
	return used;
}

const struct reopen_row *
receipt_reopen_open(const struct ledger *l, const struct reopen *ro,
    const char *village)
{
	if (ledger_latest_receipt(l, village) == 0)
		return NULL;
	for (size_t i = 0; i < ro->n; i++)
		if (strcmp(ro->row[i].village, village) == 0 &&
		    !reopen_used(l, &ro->row[i]))
			return &ro->row[i];
	return NULL;
}

const char *
receipt_reopen_list(enum level lev, int village_posts)
{
	return lev == LEVEL_COUNTY && village_posts ? "publicized-village.csv" :
	    "appraised.csv";
}

int
receipt_reopen_ready(const struct reopen_row *row, enum level below,
    long start, const char *posted, const char *list, enum lang lang,
    struct strbuf *why)
{
	const char *name = path_base(list);
	const char *column = below == LEVEL_VILLAGE ? "posted_village" :
	    "posted_town";
	const char *word = below == LEVEL_VILLAGE ?
	    (lang == LANG_ZH ? "村级" : "village") :
	    (lang == LANG_ZH ? "乡镇" : "town");
	size_t before = why->len;
	char hex[DIGEST_HEX], fp[FINGERPRINT_LEN], d1[DATE_BUF], d2[DATE_BUF];

	if (start <= row->date)
		wording(why, lang, MSG_REPOST_PERIOD, word,
		    start > 0 ? date_format(d1, start) : "-",
		    date_format(d2, row->date));
	if (!path_is_file(list) || digest_file(list, hex) != 0) {
		if (why->len > before)
			strbuf_puts(why, "; ");
		wording(why, lang, MSG_REPOST_NO_LIST, name);
	} else if (!fingerprint_matches(posted, hex)) {
		if (why->len > before)
			strbuf_puts(why, "; ");
		fingerprint_format(hex, fp);
		if (*posted == '\0')
			wording(why, lang, MSG_REPOST_FINGERPRINT_EMPTY, column, name, fp);
		else
			wording(why, lang, MSG_REPOST_FINGERPRINT_WRONG, column, posted,
			    name, fp);
	}
	return why->len == before;
}

/* One file of a receipt: copied from SRC, or the bytes given. */
struct copy {
	const char *name;            /* in the receipt's folder */
	char *src;                   /* NULL: BYTES */
	struct strbuf bytes;
};

/* Copy SRC, or write BYTES, into PATH (0600, synced); its SHA-256 into HEX. */
static int
write_copy(const char *path, const struct copy *c, char hex[DIGEST_HEX],
    struct strbuf *err)
{
	char msg[1024] = "";
	struct strbuf b = { 0 };
	struct outfile *out;

	if (c->src != NULL && infile_read_all(c->src, &b, msg, sizeof msg) != 1) {
		if (strcmp(msg, "") == 0)
			snprintf(msg, sizeof msg, "%s is gone", c->src);
		strbuf_puts(err, msg);
		strbuf_free(&b);
		return -1;
	}
	if ((out = outfile_open(path, OUTFILE_PRIVATE, msg, sizeof msg)) == NULL) {
		strbuf_puts(err, msg);
		strbuf_free(&b);
		return -1;
	}
	if (c->src == NULL)
		outfile_write(out, c->bytes.s, c->bytes.len);
	else
		outfile_write(out, b.s, b.len);
	strbuf_free(&b);
	if (outfile_finish(out, hex, msg, sizeof msg) != 0) {
		outfile_abort(out);
		strbuf_puts(err, msg);
		return -1;
	}
	if (outfile_commit(out, msg, sizeof msg) != 0) {
		strbuf_puts(err, msg);
		return -1;
	}
	return 0;
}

/* Write the receipt of VILLAGE holding the N files C into its temporary
 * folder under the folder L->dir, synced, and add its rows to the ledger
 * L in memory, ending with the pin of town ledger PIN when it is not NULL
 * (its last row); receipts_commit() saves the ledger and renames the
 * folder. Returns 0 or -1 with the problem in ERR (nothing of the receipt
 * left). */
static int
write_receipt(struct receipts *r, struct ledger *l, const char *village,
    struct copy *c, size_t n, const struct ledger *pin, const char *pin_code,
    struct strbuf *err)
{
	long num = ledger_latest_receipt(l, village) + 1;
	struct ledger_entry *e = xcalloc(n + 1, sizeof *e);
	char (*hex)[DIGEST_HEX] = xcalloc(n + 1, sizeof *hex);
	char **files = xcalloc(n + 1, sizeof *files);
	char *vdir, *tmp, *final, name[64], msg[1024], zero[DIGEST_HEX];
	struct strbuf b = { 0 };
	size_t ne = 0;
	int rc = -1;

	strbuf_printf(&b, "received/%s", village);
	vdir = path_join(l->dir, strbuf_str(&b));
	snprintf(name, sizeof name, ".%ld.tmp-%ld", num, (long)getpid());
	tmp = path_join(vdir, name);
	snprintf(name, sizeof name, "%ld", num);
	final = path_join(vdir, name);
	if (path_make_dirs(vdir, 0700, msg, sizeof msg) != 0) {
		strbuf_puts(err, msg);
		goto out;
	}
	if (path_exists(final)) {
		strbuf_printf(err, "%s is there already: a receipt is never "
		    "overwritten", final);
		goto out;
	}
	(void)path_remove_tree(tmp);
	if (mkdir(tmp, 0700) != 0) {
		strbuf_printf(err, "cannot make %s: %s", tmp, strerror(errno));
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char *p = path_join(tmp, c[i].name), *pd = path_dir(p);

		if (path_make_dirs(pd, 0700, msg, sizeof msg) != 0) {
			strbuf_puts(err, msg);
			free(p);
			free(pd);
			goto out;
		}
		free(pd);
		rc = write_copy(p, &c[i], hex[ne], err);
		free(p);
		if (rc != 0)
			goto out;
		rc = -1;
		strbuf_reset(&b);
		strbuf_printf(&b, "received/%s/%ld/%s", village, num, c[i].name);
		files[ne] = xstrdup(strbuf_str(&b));
		e[ne].village = village;
		e[ne].receipt = num;
		e[ne].file = files[ne];
		e[ne].sha256 = hex[ne];
		ne++;
	}
	if (pin != NULL) {
		strbuf_reset(&b);
		strbuf_printf(&b, "../town-%s/LEDGER.csv#%zu", pin_code, pin->nrows);
		files[ne] = xstrdup(strbuf_str(&b));
		memcpy(hex[ne], pin->row[pin->nrows - 1].hash, DIGEST_HEX);
		e[ne].village = village;
		e[ne].receipt = num;
		e[ne].file = files[ne];
		e[ne].sha256 = hex[ne];
		ne++;
	}
	if (fsync_dir(tmp) != 0) {
		strbuf_printf(err, "cannot sync %s: %s", tmp, strerror(errno));
		goto out;
	}
	memset(zero, '0', 64);
	zero[64] = '\0';
	if (l->nrows == 0 && r->aa->have_county) {
		char *prev = ledger_year_dir(l->dir, r->aa->county.previous_year);

		rc = ledger_first_prev(prev, zero, err);
		free(prev);
		if (rc != 0)
			goto out;
		rc = -1;
	}
	if (ledger_add(l, zero, e, ne, err) != 0)
		goto out;
	xgrow(&r->pending, &r->pending_cap, r->npending + 1, sizeof *r->pending);
	r->pending[r->npending].l = l;
	r->pending[r->npending].vdir = vdir;
	r->pending[r->npending].tmp = tmp;
	r->pending[r->npending].final = final;
	r->npending++;
	vdir = tmp = final = NULL;
	rc = 0;
out:
	/* no rows added: nothing of the receipt is left */
	if (rc != 0 && tmp != NULL)
		(void)path_remove_tree(tmp);
	for (size_t i = 0; i < ne; i++)
		free(files[i]);
	free(files);
	free(e);
	free(hex);
	free(vdir);
	free(tmp);
	free(final);
	strbuf_free(&b);
	return rc;
}

/* The byte offset of each physical line of B (N lines), and one past the
 * end. Caller frees. */
static size_t *
line_starts(const struct strbuf *b, size_t *n)
{
	size_t *s = NULL, cap = 0, k = 0;

	xgrow(&s, &cap, 1, sizeof *s);
	s[0] = 0;
	for (size_t i = 0; i < b->len; i++)
		if (b->s[i] == '\n') {
			xgrow(&s, &cap, k + 2, sizeof *s);
			s[++k] = i + 1;
		}
	if (k == 0 || s[k] != b->len) {
		xgrow(&s, &cap, k + 2, sizeof *s);
		s[++k] = b->len;
	}
	*n = k;
	return s;
}

struct records {
	unsigned long *line;         /* where each record starts */
	size_t n, cap;
};

static int
on_record(void *ctx, const struct csvin_row *row)
{
	struct records *rs = ctx;

	xgrow(&rs->line, &rs->cap, rs->n + 1, sizeof *rs->line);
	rs->line[rs->n++] = row->line;
	return 0;
}

/* The header and the rows of VILLAGE of the town's objections file PATH,
 * their bytes as written, into OUT. Returns 1, 0 when PATH is not there,
 * or -1 when it cannot be read as the audit reads it. */
static int
objection_rows(const struct receipts *r, const char *path, const char *village,
    struct strbuf *out)
{
	struct strbuf bytes = { 0 }, err = { 0 };
	struct records rs = { 0 };
	struct objectionfile of;
	struct objectionfile_options o;
	struct column_aliases *aliases = aliases_new();
	size_t *start = NULL, nlines;
	char msg[1024];
	struct csvin *in;
	int n, rc = -1;

	memset(&of, 0, sizeof of);
	if ((n = infile_read_all(path, &bytes, msg, sizeof msg)) <= 0) {
		rc = n;
		goto out;
	}
	if (r->aa->have_county && r->aa->county.columns_path != NULL &&
	    aliases_load(aliases, r->aa->county.columns_path, msg, sizeof msg) != 0)
		goto out;
	memset(&o, 0, sizeof o);
	o.path = path;
	o.encoding = ENC_AUTO;
	o.aliases = aliases;
	o.year = r->aa->have_county ? r->aa->county.year : 0;
	o.village = village;
	if (objectionfile_read(&of, &o, NULL, NULL, &err) != 0)
		goto out;
	in = csvin_open_mem(path, bytes.s, bytes.len, ENC_AUTO);
	n = csvin_read(in, on_record, &rs);
	csvin_close(in);
	if (n != 0 || rs.n == 0)
		goto out;
	start = line_starts(&bytes, &nlines);
	for (size_t i = 0; i < rs.n; i++) {
		int take = i == 0;
		unsigned long from = rs.line[i], to = i + 1 < rs.n ?
		    rs.line[i + 1] : (unsigned long)nlines + 1;

		for (size_t k = 0; k < of.n && !take; k++)
			take = of.o[k].line == from;
		if (take && from >= 1 && to - 1 <= nlines && from < to)
			strbuf_add(out, bytes.s + start[from - 1],
			    start[to - 1] - start[from - 1]);
	}
	rc = 1;
out:
	objectionfile_free(&of);
	aliases_free(aliases);
	free(start);
	free(rs.line);
	strbuf_free(&bytes);
	strbuf_free(&err);
	return rc;
}

static void
copies_free(struct copy *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].src);
		strbuf_free(&c[i].bytes);
	}
}

/* Add the file NAME of the village folder DIR, when it is there. */
static void
add_file(struct copy *c, size_t *n, const char *dir, const char *name)
{
	char *p = path_join(dir, name);

	if (!path_is_file(p)) {
		free(p);
		return;
	}
	memset(&c[*n], 0, sizeof c[*n]);
	c[*n].name = name;
	c[*n].src = p;
	(*n)++;
}

/* Whether the village V has the file NAME. */
static int
has(const struct receipt_village *v, const char *name)
{
	char *p = path_join(v->dir, name);
	int there = path_is_file(p);

	free(p);
	return there;
}

/* The row ROW of the level's reopen.csv, when not NULL, as the receipt's
 * reopen.csv. */
static void
add_reopen(struct copy *c, size_t *n, const struct reopen_row *row)
{
	if (row == NULL)
		return;
	memset(&c[*n], 0, sizeof c[*n]);
	c[*n].name = "reopen.csv";
	reopen_row_bytes(row, &c[*n].bytes);
	(*n)++;
}

/* End the receipts written: each ledger with rows added saved once, then
 * each receipt's folder renamed (a kill between the two leaves rows
 * whose folder receipts_recover() renames). A ledger that cannot be
 * saved drops its rows: its receipts' folders are removed. Returns 0, or
 * -1 with the problem in ERR. */
static int
receipts_commit(struct receipts *r, struct strbuf *err)
{
	struct ledger **failed = xcalloc(nledgers(r) + 1, sizeof *failed);
	size_t nfailed = 0;
	int rc = 0;

	for (size_t i = 0; i < nledgers(r); i++) {
		const char *lerr;
		int *isbroken;
		struct ledger *l = ledger_at(r, i, &lerr, &isbroken);

		if (lerr == NULL && ledger_save(l, err) != 0) {
			failed[nfailed++] = l;
			rc = -1;
		}
	}
	for (size_t i = 0; i < r->npending; i++) {
		struct receipt_pending *p = &r->pending[i];
		int dropped = 0;

		for (size_t k = 0; k < nfailed; k++)
			dropped |= failed[k] == p->l;
		if (dropped)
			/* its rows are not written: nothing of it is left */
			(void)path_remove_tree(p->tmp);
		else if (rename(p->tmp, p->final) != 0 || fsync_dir(p->vdir) != 0) {
			/* the rows are written: the next audit completes the
			 * rename */
			strbuf_printf(err, "cannot rename %s to %s: %s", p->tmp,
			    p->final, strerror(errno));
			rc = -1;
		}
		free(p->vdir);
		free(p->tmp);
		free(p->final);
	}
	r->npending = 0;
	free(failed);
	return rc;
}

static long
take(struct receipts *r, struct receipt_village *v, size_t n,
    struct strbuf *err)
{
	const struct audit_area *aa = r->aa;
	long taken = 0;

	for (size_t i = 0; i < n; i++) {
		struct copy c[16];
		size_t nc = 0;
		struct receipt_village *x = &v[i];
		const struct area_town *town = &aa->towns[x->town];
		const struct area_village *row = area_town_village(town, x->code);

		if (x->has_error || row == NULL)
			continue;
		if (!aa->is_county) {
			struct ledger *l = &r->town_ledgers[x->town];

			if (r->town_ledger_err[x->town] != NULL ||
			    r->town_broken[x->town] || !has(x, "publicized-village.csv") ||
			    (!receipt_due(l, x->code, "publicized-village.csv") &&
			    x->reopen == NULL))
				continue;
			for (size_t k = 0; k < sizeof town_files / sizeof *town_files; k++)
				add_file(c, &nc, x->dir, town_files[k]);
			add_reopen(c, &nc, x->reopen);
			if (write_receipt(r, l, x->code, c, nc, NULL, NULL, err) != 0) {
				copies_free(c, nc);
				return -1;
			}
			copies_free(c, nc);
			x->taken = ledger_latest_receipt(l, x->code);
			taken++;
			continue;
		}
		{
			struct ledger *l = r->county_ledger, *tl = &r->town_ledgers[x->town];
			const char *list = receipt_county_list(r->procedure);
			int town_posts = posts(r, LEVEL_TOWN);
			int usable = aa->have_county && r->county_ledger_err == NULL &&
			    !r->county_broken && r->town_ledger_err[x->town] == NULL &&
			    !r->town_broken[x->town] &&
			    ledger_latest_receipt(tl, x->code) > 0;

			/* the county receives only what the town received, its
			 * ledger whole */
			if (!usable)
				continue;
			/* the list of the level before the county that posts:
			 * the town's once the town closed its posting, the
			 * village's (received by the town) when the town does
			 * not post */
			if (has(x, list) &&
			    (!town_posts || area_period_closed(&row->town)) &&
			    (receipt_due(l, x->code, list) || x->reopen != NULL)) {
				char *op = path_join(town->dir, "objections-town.csv");
				int orc;

				add_file(c, &nc, x->dir, list);
				if (town_posts)
					add_file(c, &nc, x->dir, "notice-town.html");
				memset(&c[nc], 0, sizeof c[nc]);
				c[nc].name = "objections-town.csv";
				orc = objection_rows(r, op, x->code, &c[nc].bytes);
				free(op);
				if (orc > 0)
					nc++;
				else
					strbuf_free(&c[nc].bytes);
				add_reopen(c, &nc, x->reopen);
				if (orc >= 0 && write_receipt(r, l, x->code, c, nc, tl,
				    town->code, err) != 0) {
					copies_free(c, nc);
					return -1;
				}
				copies_free(c, nc);
				nc = 0;
				if (orc < 0)
					continue;
				x->taken = ledger_latest_receipt(l, x->code);
				taken++;
			}
			/* the registry, after the list: once the county closed
			 * its announcement, when it makes one. Not in the audit
			 * that received the list again through a reopen: the
			 * registry audit of this run re-derived it from the list
			 * received before; the next audit re-derives it from the
			 * new one. */
			if (x->reopen != NULL && x->taken > 0)
				continue;
			if (has(x, "registry/households.csv") &&
			    (!posts(r, LEVEL_COUNTY) ||
			    area_period_closed(&aa->county.publicity)) &&
			    !receipt_due(l, x->code, list) &&
			    registry_due(l, x->code)) {
				for (size_t k = 0; k < sizeof registry_files /
				    sizeof *registry_files; k++)
					add_file(c, &nc, x->dir, registry_files[k]);
				if (write_receipt(r, l, x->code, c, nc, tl, town->code,
				    err) != 0) {
					copies_free(c, nc);
					return -1;
				}
				copies_free(c, nc);
				taken++;
			}
		}
	}
	return taken;
}

long
receipts_take(struct receipts *r, struct receipt_village *v, size_t n,
    struct strbuf *err)
{
	long taken = take(r, v, n, err);

	/* the receipts written before a failure are kept, as when each was
	 * saved at once */
	if (receipts_commit(r, err) != 0)
		return -1;
	return taken;
}

static void
on_status_finding(void *ctx, const char *code, const char *village,
    const char *detail)
{
	int *broken_seen = ctx;

	*broken_seen = 1;
	printf("  %s %s: %s\n", code, village[0] ? village : "-", detail);
}

/* The reopen.csv of the level folder DIR, whose rows name villages of
 * the N towns T; its bad rows printed. */
static void
status_reopen_load(struct reopen *ro, const char *dir,
    const struct audit_area *aa, const struct area_town *t, size_t n)
{
	struct strbuf err = { 0 };
	const char *p;

	(void)reopen_load(ro, dir, aa->have_county ? aa->county.columns_path :
	    NULL, &err);
	(void)reopen_keep_listed(ro, t, n, &err);
	for (p = strbuf_str(&err); *p != '\0'; ) {
		size_t k = strcspn(p, "\n");

		printf("  BAD_VALUE -: %.*s\n", (int)k, p);
		p += k + (p[k] == '\n');
	}
	strbuf_free(&err);
}

/* What waits for a reopen of village V of town T at the status's level
 * (own ledger L, reopen.csv RO): REPOST_MISSING and what is missing, or
 * the receipt the next audit takes. */
static void
reopen_status(const struct audit_area *aa, size_t t,
    const struct area_village *v, const struct ledger *l,
    const struct reopen *ro)
{
	const struct reopen_row *row = receipt_reopen_open(l, ro, v->code);
	enum level lev = aa->is_county ? LEVEL_COUNTY : LEVEL_TOWN;
	const char *dir = NULL;
	struct strbuf why = { 0 }, err = { 0 };
	struct rules rules;
	char *list, d[DATE_BUF], msg[1024];
	int village_posts = 1;
	long start = 0;

	if (row == NULL)
		return;
	for (size_t i = 0; i < aa->ndirs && dir == NULL; i++)
		if (strcmp(path_base(aa->dirs[i]), v->code) == 0)
			dir = aa->dirs[i];
	if (dir == NULL)
		return;
	if (aa->have_county) {
		memset(&rules, 0, sizeof rules);
		if (area_rules_load(&rules, &aa->county, aa->towns[t].code, &err) == 0) {
			village_posts = rules_posts(&rules, LEVEL_VILLAGE);
			rules_free(&rules);
		}
	}
	if (lev == LEVEL_TOWN) {
		struct village vy;

		if (village_load(&vy, dir, msg, sizeof msg) == 0) {
			if (vy.publicity[LEVEL_VILLAGE].given)
				start = vy.publicity[LEVEL_VILLAGE].start;
			village_free(&vy);
		}
	} else {
		start = v->town.start;
	}
	list = path_join(dir, receipt_reopen_list(lev, village_posts));
	if (receipt_reopen_ready(row, lev - 1, start, lev == LEVEL_TOWN ?
	    v->posted_village : v->posted_town, list, LANG_ZH, &why))
		printf(_("    reopen.csv:%lu (%s): posted again; the next audit "
		    "receives it again\n"), row->line, date_format(d, row->date));
	else
		printf(_("    REPOST_MISSING reopen.csv:%lu (%s): %s\n"), row->line,
		    date_format(d, row->date), strbuf_str(&why));
	free(list);
	strbuf_free(&why);
	strbuf_free(&err);
}

int
receipts_status(const char *dir)
{
	struct audit_area aa;
	struct strbuf err = { 0 };
	struct ledger *towns, county;
	char **town_err;
	char *county_err = NULL;
	struct receipts r;
	struct reopen *town_reopen, county_reopen;
	int broken_seen = 0;

	if (audit_area_load(&aa, dir, NULL, 0, &err) != 0) {
		fprintf(stderr, "%s: %s\n", program_name(), strbuf_str(&err));
		strbuf_free(&err);
		audit_area_free(&aa);
		return EXIT_ERROR;
	}
	towns = xcalloc(aa.ntowns + 1, sizeof *towns);
	town_err = xcalloc(aa.ntowns + 1, sizeof *town_err);
	memset(&county, 0, sizeof county);
	for (size_t t = 0; t < aa.ntowns; t++) {
		strbuf_reset(&err);
		if (ledger_load_in(&towns[t], aa.towns[t].dir, LANG_ZH, &err) != 0)
			town_err[t] = xstrdup(strbuf_str(&err));
	}
	if (aa.have_county) {
		strbuf_reset(&err);
		if (ledger_load_in(&county, aa.county.dir, LANG_ZH, &err) != 0)
			county_err = xstrdup(strbuf_str(&err));
	}
	town_reopen = xcalloc(aa.ntowns + 1, sizeof *town_reopen);
	memset(&county_reopen, 0, sizeof county_reopen);
	{
		const struct ledger *own = aa.is_county ? &county : &towns[0];

		printf(_("%s %s (%s): %zu rows in %s\n"), aa.is_county ?
		    _("county") : _("town"), aa.is_county ? aa.county.code :
		    aa.towns[0].code, aa.is_county ? aa.county.name : aa.towns[0].name,
		    own->nrows, own->path);
		/* the level's own reopen.csv: a town's, or the county's */
		if (aa.is_county && aa.have_county)
			status_reopen_load(&county_reopen, aa.county.dir, &aa,
			    aa.towns, aa.ntowns);
		else if (!aa.is_county)
			status_reopen_load(&town_reopen[0], aa.towns[0].dir, &aa,
			    &aa.towns[0], 1);
		for (size_t t = 0; t < aa.ntowns; t++)
			for (size_t i = 0; i < aa.towns[t].nvillages; i++) {
				const struct area_village *v = &aa.towns[t].village[i];
				long n = ledger_latest_receipt(own, v->code);

				if (n == 0) {
					printf(_("  %s (%s): not received\n"), v->code, v->name);
					continue;
				}
				printf(_("  %s (%s): receipt %ld:"), v->code, v->name, n);
				for (size_t k = 0; k < own->nrows; k++) {
					const struct ledger_row *row = &own->row[k];
					const char *f = row->file;
					size_t skip;

					if (strcmp(row->village, v->code) != 0 || row->receipt != n)
						continue;
					/* received/VILLAGE/N/NAME: NAME; a pin as written */
					skip = strncmp(f, "received/", 9) == 0 ?
					    9 + 13 + strspn(f + 22, "0123456789") + 1 : 0;
					printf(" %s", strlen(f) > skip ? f + skip : f);
				}
				putchar('\n');
				reopen_status(&aa, t, v, own, aa.is_county ?
				    &county_reopen : &town_reopen[t]);
			}
	}
	receipts_init(&r, &aa, towns, town_err, &county, county_err,
	    on_status_finding, &broken_seen);
	receipts_verify(&r);
	receipts_free(&r);
	for (size_t t = 0; t < aa.ntowns; t++) {
		ledger_free(&towns[t]);
		free(town_err[t]);
	}
	free(towns);
	free(town_err);
	for (size_t t = 0; t < aa.ntowns; t++)
		reopen_free(&town_reopen[t]);
	free(town_reopen);
	reopen_free(&county_reopen);
	ledger_free(&county);
	free(county_err);
	audit_area_free(&aa);
	strbuf_free(&err);
	return broken_seen ? EXIT_BLOCKED : EXIT_DONE;
}
