/* The audit's check of a posted notice against its list (noticecheck.h):
 * the page's table rows read as text, the notice the list gives made by
 * notice_from_list(), the two compared household by household. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strmap.h"
#include "io/infile.h"
#include "io/ledger.h"
#include "stages/notice.h"
#include "stages/noticecheck.h"

/* A notice larger than this is not one the stage wrote. */
#define PAGE_MAX (64u << 20)

/* A table row of the page: the text of its cells. */
struct page_row {
	char **cell;
	size_t n, cap;
};

struct page {
	struct page_row *row;
	size_t n, cap;
};

static int
slurp(const char *path, struct strbuf *b, struct strbuf *err)
{
	char msg[1024], buf[65536];
	int fd = infile_open(path, INFILE_REGULAR, msg, sizeof msg);
	ssize_t k;

	if (fd < 0) {
		strbuf_printf(err, "%s", msg);
		return -1;
	}
	while ((k = read(fd, buf, sizeof buf)) != 0) {
		if (k < 0) {
			if (errno == EINTR)
				continue;
			strbuf_printf(err, "%s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (b->len + (size_t)k > PAGE_MAX) {
			strbuf_printf(err, "%s: larger than %u bytes: not a notice",
			    path, PAGE_MAX);
			close(fd);
			return -1;
		}
		strbuf_add(b, buf, (size_t)k);
	}
	close(fd);
	return 0;
}

/* The text of S[0..N) as a reader sees it: entities decoded, runs of
 * white space one space, none at either end. A new string. */
static char *
cell_text(const char *s, size_t n)
{
	static const struct { const char *e; char c; } ent[] = { { "&amp;", '&' },
		{ "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' },
		{ "&apos;", '\'' }, { "&nbsp;", ' ' } };
	struct strbuf b = { 0 };
	int space = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		size_t k;

		if (c == '&') {
			for (k = 0; k < sizeof ent / sizeof ent[0]; k++) {
				size_t l = strlen(ent[k].e);

				if (i + l <= n && memcmp(s + i, ent[k].e, l) == 0) {
					c = ent[k].c;
					i += l - 1;
					break;
				}
			}
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			space = b.len > 0;
			continue;
		}
		if (space)
			strbuf_putc(&b, ' ');
		space = 0;
		strbuf_putc(&b, c);
	}
	return b.s != NULL ? b.s : xstrdup("");
}

static int
tag_is(const char *name, size_t n, const char *want)
{
	return strlen(want) == n && strncasecmp(name, want, n) == 0;
}

static void
end_cell(struct page *pg, int *in_cell, const struct strbuf *text, int th,
    int *has_th)
{
	struct page_row *r;

	if (!*in_cell)
		return;
	*in_cell = 0;
	if (th) {
		*has_th = 1;
		return;
	}
	if (pg->n == 0)
		return;
	r = &pg->row[pg->n - 1];
	xgrow(&r->cell, &r->cap, r->n + 1, sizeof *r->cell);
	r->cell[r->n++] = cell_text(strbuf_str(text), text->len);
}

static void
page_free(struct page *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		for (size_t k = 0; k < pg->row[i].n; k++)
			free(pg->row[i].cell[k]);
		free(pg->row[i].cell);
	}
	free(pg->row);
}

/* The rows of data cells (td) of the HTML page S: tags inside a cell are
 * dropped, a row of header cells (th) is not kept. */
static void
page_read(struct page *pg, const char *s, size_t n)
{
	struct strbuf cell = { 0 };
	size_t i = 0;
	int in_row = 0, in_cell = 0, th = 0, has_th = 0;

	memset(pg, 0, sizeof *pg);
	while (i < n) {
		const char *gt, *name;
		size_t len, close;

		if (s[i] != '<') {
			if (in_cell)
				strbuf_putc(&cell, s[i]);
			i++;
			continue;
		}
		gt = memchr(s + i, '>', n - i);
		if (gt == NULL)
			break;
		close = s[i + 1] == '/';
		name = s + i + 1 + close;
		for (len = 0; name + len < gt && name[len] != ' ' && name[len] != '\t' &&
		    name[len] != '\n' && name[len] != '/'; len++)
			;
		if (!close && (tag_is(name, len, "style") || tag_is(name, len, "script"))) {
			/* their text is not the page's */
			const char *end = NULL;

			for (size_t k = (size_t)(gt - s); k + 1 < n && end == NULL; k++)
				if (s[k] == '<' && s[k + 1] == '/')
					end = s + k;
			i = end != NULL ? (size_t)(end - s) : n;
			continue;
		}
		if (tag_is(name, len, "tr") || tag_is(name, len, "tbody") ||
		    tag_is(name, len, "thead") || tag_is(name, len, "table")) {
			end_cell(pg, &in_cell, &cell, th, &has_th);
			if (in_row && has_th && pg->n > 0) {
				/* a header row: not kept */
				struct page_row *r = &pg->row[--pg->n];

				for (size_t k = 0; k < r->n; k++)
					free(r->cell[k]);
				free(r->cell);
			}
			in_row = 0;
			if (!close && tag_is(name, len, "tr")) {
				xgrow(&pg->row, &pg->cap, pg->n + 1, sizeof *pg->row);
				memset(&pg->row[pg->n++], 0, sizeof *pg->row);
				in_row = 1;
				has_th = 0;
			}
		} else if (tag_is(name, len, "td") || tag_is(name, len, "th")) {
			end_cell(pg, &in_cell, &cell, th, &has_th);
			if (!close && in_row) {
				in_cell = 1;
				th = tag_is(name, len, "th");
				strbuf_reset(&cell);
			}
		} else if (in_cell && !close && tag_is(name, len, "br")) {
			strbuf_putc(&cell, ' ');
		}
		i = (size_t)(gt - s) + 1;
	}
	end_cell(pg, &in_cell, &cell, th, &has_th);
	strbuf_free(&cell);
}

/* A household row's text as the notice shows it, without its number:
 * household, group (when shown), head, masked ID, members, income. */
static char *
row_text(const char *const *cells, size_t n)
{
	struct strbuf b = { 0 };

	for (size_t k = 0; k < n; k++)
		strbuf_printf(&b, "%s%s", k > 0 ? " | " : "", cells[k]);
	return b.s != NULL ? b.s : xstrdup("");
}

static void
report_row(const struct notice_check *c, notice_report *report, void *ctx,
    const char *household, const char *posted, const char *expected)
{
	struct strbuf b = { 0 };

	wording(&b, c->lang, MSG_AUDIT_NOTICE_ROW, c->name, c->list_name,
	    posted ? posted : "-", expected ? expected : "-");
	report(ctx, household, strbuf_str(&b));
	strbuf_free(&b);
}

/* The fingerprint a line of the page prints where LINE, the line as the
 * stage words it, holds the marker \x01: the page's row of one cell that
 * starts with LINE's words before the marker, its hex digits and spaces
 * after them into FP (at most FINGERPRINT_LEN - 1 bytes). 0: no such row. */
static int
printed_fingerprint(const struct page *pg, const char *line,
    char fp[FINGERPRINT_LEN])
{
	size_t pl = strcspn(line, "\x01");

	for (size_t i = 0; i < pg->n; i++) {
		const char *t;
		size_t k = 0;

		if (pg->row[i].n != 1 || strncmp(pg->row[i].cell[0], line, pl) != 0)
			continue;
		t = pg->row[i].cell[0] + pl;
		while (k < FINGERPRINT_LEN - 1 && t[k] != '\0' &&
		    strchr("0123456789abcdefABCDEF ", t[k]) != NULL)
			k++;
		while (k > 0 && t[k - 1] == ' ')
			k--;
		memcpy(fp, t, k);
		fp[k] = '\0';
		return 1;
	}
	return 0;
}

int
notice_check(const struct notice_check *c, notice_report *report, void *ctx,
    char sha[DIGEST_HEX], struct strbuf *err)
{
	struct strbuf html = { 0 }, b = { 0 };
	struct page pg;
	struct notice n;
	struct strmap posted;
	char **want, fp[FINGERPRINT_LEN];
	size_t width;
	unsigned char *seen;
	int found_totals = 0, found;

	if (slurp(c->path, &html, err) != 0) {
		strbuf_free(&html);
		return -1;
	}
	digest_bytes(html.s != NULL ? html.s : "", html.len, sha);
	page_read(&pg, html.s ? html.s : "", html.len);
	strbuf_free(&html);
	notice_from_list(&n, c->list, c->level, c->list_name);
	n.lang = c->lang;
	width = n.has_group ? 6 : 5;

	/* The rows the list gives, by household. */
	want = xcalloc(n.nrows + 1, sizeof *want);
	seen = xcalloc(n.nrows + 1, 1);
	strmap_init(&posted);
	for (size_t i = 0; i < n.nrows; i++) {
		const struct notice_row *r = &n.rows[i];
		const char *cells[6];
		size_t k = 0;
		int inserted;

		cells[k++] = r->household;
		if (n.has_group)
			cells[k++] = r->group;
		cells[k++] = r->name;
		cells[k++] = r->masked;
		cells[k++] = r->members;
		cells[k++] = r->income;
		want[i] = row_text(cells, k);
		(void)strmap_put(&posted, r->household, strlen(r->household),
		    (uint32_t)i, &inserted);
	}

	/* The page's household rows: the number, then the cells above. */
	for (size_t i = 0; i < pg.n; i++) {
		const struct page_row *r = &pg.row[i];
		const uint32_t *at;
		char *text;

		if (r->n < 2)
			continue;
		text = row_text((const char *const *)r->cell + 1, r->n - 1);
		at = strmap_get(&posted, r->cell[1], strlen(r->cell[1]));
		if (at == NULL || seen[*at])
			report_row(c, report, ctx, r->cell[1], text, NULL);
		else {
			seen[*at] = 1;
			if (r->n - 1 != width || strcmp(text, want[*at]) != 0)
				report_row(c, report, ctx, r->cell[1], text, want[*at]);
		}
		free(text);
	}
	for (size_t i = 0; i < n.nrows; i++)
		if (!seen[i])
			report_row(c, report, ctx, n.rows[i].household, NULL, want[i]);

	/* The totals. */
	notice_totals(&n, &b);
	for (size_t i = 0; i < pg.n && !found_totals; i++)
		found_totals = pg.row[i].n == 1 && strcmp(pg.row[i].cell[0], b.s) == 0;
	if (!found_totals) {
		const char *shown = NULL;

		/* the line after the households, as posted */
		for (size_t i = pg.n; i-- > 0 && shown == NULL;)
			if (pg.row[i].n >= 2 && i + 1 < pg.n && pg.row[i + 1].n == 1)
				shown = pg.row[i + 1].cell[0];
		report_row(c, report, ctx, "", shown, b.s);
	}

	/* The fingerprint printed: after the words that come before it. */
	strbuf_reset(&b);
	notice_fingerprint(c->lang, "\x01", c->list_name, &b);
	found = printed_fingerprint(&pg, b.s, fp);
	if (!found || strcmp(fp, n.fingerprint) != 0) {
		struct strbuf m = { 0 };

		wording(&m, c->lang, MSG_AUDIT_NOTICE_PRINTED, c->name,
		    found && *fp ? fp : "-", c->list_name, n.fingerprint);
		report(ctx, "", strbuf_str(&m));
		strbuf_free(&m);
	}

	/* The fingerprint the town read off the posted paper. */
	if (c->posted != NULL && *c->posted != '\0' &&
	    !fingerprint_matches(c->posted, c->list->sha256)) {
		struct strbuf m = { 0 };
		char hex[DIGEST_HEX], typed[FINGERPRINT_LEN];

		memset(hex, 0, sizeof hex);
		snprintf(hex, sizeof hex, "%s", c->posted);
		if (strlen(hex) >= 32) {
			fingerprint_format(hex, typed);
		} else
			snprintf(typed, sizeof typed, "%s", hex);
		wording(&m, c->lang, MSG_AUDIT_NOTICE_POSTED, c->posted_column, typed,
		    c->name, c->list_name, n.fingerprint);
		report(ctx, "", strbuf_str(&m));
		strbuf_free(&m);
	}

	/* The county receipt's fingerprint, when the notice prints one: a
	 * printed line that no receipt of the county's gives would anchor
	 * nothing. */
	if (c->check_receipt) {
		int known = 0;

		strbuf_reset(&b);
		wording(&b, c->lang, MSG_PAPER_RECEIPT, "\x01");
		if (printed_fingerprint(&pg, b.s, fp)) {
			for (size_t i = 0; i < c->nreceipts; i++)
				known |= strcmp(fp, c->receipts[i]) == 0;
		} else {
			known = 1;
		}
		if (!known) {
			struct strbuf m = { 0 };

			if (c->nreceipts > 0)
				wording(&m, c->lang, MSG_AUDIT_NOTICE_RECEIPT, c->name,
				    *fp ? fp : "-", c->receipts[0]);
			else
				wording(&m, c->lang, MSG_AUDIT_NOTICE_NO_RECEIPT, c->name,
				    *fp ? fp : "-", c->list_name);
			report(ctx, "", strbuf_str(&m));
			strbuf_free(&m);
		}
	}

	for (size_t i = 0; i < n.nrows; i++)
		free(want[i]);
	free(want);
	free(seen);
	strmap_free(&posted);
	strbuf_free(&b);
	page_free(&pg);
	notice_free(&n);
	return 0;
}
