/* The audit's check of a posted notice against its list (noticecheck.h):
 * the page's table rows read as text, the notice the list gives made by
 * notice_from_list(), the two compared household by household. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strmap.h"
#include "io/infile.h"
#include "io/paths.h"
#include "io/ledger.h"
#include "stages/areanotice.h"
#include "stages/notice.h"
#include "stages/noticecheck.h"
#include "values/date.h"
#include "values/hhnumber.h"

/* A notice larger than this is not one the stage wrote. */
#define PAGE_MAX (64u << 20)

/* A table row of the page: the text of its cells, and the part of the
 * page it is in (the number of headings h2 before it). */
struct page_row {
	char **cell;
	size_t n, cap;
	size_t part;
};

/* The text of a heading (h2) or a paragraph (p) outside the tables. */
struct page_text {
	char *text;
	size_t part;
};

struct page {
	struct page_row *row;
	size_t n, cap;
	struct page_text *head, *para;
	size_t nhead, headcap, npara, paracap;
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
	for (size_t i = 0; i < pg->nhead; i++)
		free(pg->head[i].text);
	free(pg->head);
	for (size_t i = 0; i < pg->npara; i++)
		free(pg->para[i].text);
	free(pg->para);
}

/* The end of a heading or paragraph whose text is TEXT: kept. */
static void
end_text(struct page *pg, int *in_text, struct strbuf *text)
{
	struct page_text *t;

	if (*in_text == 0)
		return;
	if (*in_text == 'h') {
		xgrow(&pg->head, &pg->headcap, pg->nhead + 1, sizeof *pg->head);
		t = &pg->head[pg->nhead++];
		t->part = pg->nhead;
	} else {
		xgrow(&pg->para, &pg->paracap, pg->npara + 1, sizeof *pg->para);
		t = &pg->para[pg->npara++];
		t->part = pg->nhead;
	}
	t->text = cell_text(strbuf_str(text), text->len);
	strbuf_reset(text);
	*in_text = 0;
}

/* The rows of data cells (td) of the HTML page S: tags inside a cell are
 * dropped, a row of header cells (th) is not kept; the text of each
 * heading h2 and paragraph p outside a cell, each row and paragraph with
 * the number of headings before it. */
static void
page_read(struct page *pg, const char *s, size_t n)
{
	struct strbuf cell = { 0 }, text = { 0 };
	size_t i = 0;
	int in_row = 0, in_cell = 0, th = 0, has_th = 0, in_text = 0;

	memset(pg, 0, sizeof *pg);
	while (i < n) {
		const char *gt, *name;
		size_t len, close;

		if (s[i] != '<') {
			if (in_cell)
				strbuf_putc(&cell, s[i]);
			else if (in_text)
				strbuf_putc(&text, s[i]);
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
				pg->row[pg->n - 1].part = pg->nhead;
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
		} else if (!in_cell && (tag_is(name, len, "h2") || tag_is(name, len, "p"))) {
			end_text(pg, &in_text, &text);
			if (!close)
				in_text = tag_is(name, len, "h2") ? 'h' : 'p';
		}
		i = (size_t)(gt - s) + 1;
	}
	end_cell(pg, &in_cell, &cell, th, &has_th);
	end_text(pg, &in_text, &text);
	strbuf_free(&cell);
	strbuf_free(&text);
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

/* The rows of PG, the notice's part that shows one village's list, against
 * N, the notice C->list gives (notice_from_list()): each household's row,
 * the totals, the fingerprints; one check for a village's own notice and
 * for each village's part of a town's or county's. */
static void
check_part(const struct notice_check *c, const struct page *pg,
    const struct notice *n, notice_report *report, void *ctx)
{
	struct strbuf b = { 0 };
	struct strmap posted;
	char **want, fp[FINGERPRINT_LEN];
	size_t width = n->has_group ? 6 : 5;
	unsigned char *seen;
	int found_totals = 0, found;

	/* The rows the list gives, by household. */
	want = xcalloc(n->nrows + 1, sizeof *want);
	seen = xcalloc(n->nrows + 1, 1);
	strmap_init(&posted);
	for (size_t i = 0; i < n->nrows; i++) {
		const struct notice_row *r = &n->rows[i];
		const char *cells[6];
		size_t k = 0;
		int inserted;

		cells[k++] = r->household;
		if (n->has_group)
			cells[k++] = r->group;
		cells[k++] = r->name;
		cells[k++] = r->masked;
		cells[k++] = r->members;
		cells[k++] = r->income;
		want[i] = row_text(cells, k);
		(void)hhnumber_put(&posted, r->household, strlen(r->household),
		    (uint32_t)i, &inserted);
	}

	/* The page's household rows: the number, then the cells above. The
	 * household is found by value (001 is 1), its other cells compared as
	 * text. */
	for (size_t i = 0; i < pg->n; i++) {
		const struct page_row *r = &pg->row[i];
		const uint32_t *at;
		char *text;

		if (r->n < 2)
			continue;
		text = row_text((const char *const *)r->cell + 1, r->n - 1);
		at = hhnumber_get(&posted, r->cell[1], strlen(r->cell[1]));
		if (at == NULL || seen[*at])
			report_row(c, report, ctx, r->cell[1], text, NULL);
		else {
			seen[*at] = 1;
			if (r->n - 1 != width || strcmp(text + strlen(r->cell[1]),
			    want[*at] + strlen(n->rows[*at].household)) != 0)
				report_row(c, report, ctx, r->cell[1], text, want[*at]);
		}
		free(text);
	}
	for (size_t i = 0; i < n->nrows; i++)
		if (!seen[i])
			report_row(c, report, ctx, n->rows[i].household, NULL, want[i]);

	/* The totals. */
	notice_totals(n, &b);
	for (size_t i = 0; i < pg->n && !found_totals; i++)
		found_totals = pg->row[i].n == 1 && strcmp(pg->row[i].cell[0], b.s) == 0;
	if (!found_totals) {
		const char *shown = NULL;

		/* the line after the households, as posted */
		for (size_t i = pg->n; i-- > 0 && shown == NULL;)
			if (pg->row[i].n >= 2 && i + 1 < pg->n && pg->row[i + 1].n == 1)
				shown = pg->row[i + 1].cell[0];
		report_row(c, report, ctx, "", shown, b.s);
	}

	if (c->values_only)
		goto done;

	/* The fingerprint printed: after the words that come before it. */
	strbuf_reset(&b);
	notice_fingerprint(c->lang, "\x01", c->list_name, &b);
	found = printed_fingerprint(pg, b.s, fp);
	if (!found || strcmp(fp, n->fingerprint) != 0) {
		struct strbuf m = { 0 };

		wording(&m, c->lang, MSG_AUDIT_NOTICE_PRINTED, c->name,
		    found && *fp ? fp : "-", c->list_name, n->fingerprint);
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
		    c->name, c->list_name, n->fingerprint);
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
		if (printed_fingerprint(pg, b.s, fp)) {
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

done:
	for (size_t i = 0; i < n->nrows; i++)
		free(want[i]);
	free(want);
	free(seen);
	strmap_free(&posted);
	strbuf_free(&b);
}

/* The page at PATH read into PG, the SHA-256 of its bytes into SHA.
 * Returns 0, or -1 with the reason in ERR. */
static int
page_load(struct page *pg, const char *path, char sha[DIGEST_HEX],
    struct strbuf *err)
{
	struct strbuf html = { 0 };

	if (slurp(path, &html, err) != 0) {
		strbuf_free(&html);
		return -1;
	}
	digest_bytes(html.s != NULL ? html.s : "", html.len, sha);
	page_read(pg, html.s ? html.s : "", html.len);
	strbuf_free(&html);
	return 0;
}

int
notice_check(const struct notice_check *c, notice_report *report, void *ctx,
    char sha[DIGEST_HEX], struct strbuf *err)
{
	struct page pg;
	struct notice n;

	if (page_load(&pg, c->path, sha, err) != 0)
		return -1;
	notice_from_list(&n, c->list, c->level, c->list_name);
	n.lang = c->lang;
	check_part(c, &pg, &n, report, ctx);
	page_free(&pg);
	notice_free(&n);
	return 0;
}

/* --- a town's or county's notice ----------------------------------------- */

/* A village's part of the page: its heading, its rows. */
struct area_part {
	char code[13];               /* the code its heading gives, or "" */
	const char *heading;
	size_t first, nrows;         /* its table rows in the page */
	size_t households;           /* of them, the household rows */
	int claimed;                 /* a village of the period took it */
};

struct area_notice_page {
	char *path;
	const char *name;            /* its file name, in messages */
	enum level level;
	long start, end;             /* the period its name gives */
	struct page pg;
	struct area_part *part;      /* part[k]: under heading k */
	size_t nparts;
	struct strmap by_code;       /* code -> index in part */
	struct area_later {          /* villages of other periods it lists,
	                              * said at the end when the period is
	                              * some village's */
		char code[13];
		char *detail;
	} *later;
	size_t nlater, latercap;
	enum lang lang;              /* the notice's: the first village's */
	int lang_set;
	int any;                     /* a village of the period was seen */
	int unsure;                  /* a part could not be checked: no totals */
	size_t villages, households;
	long long people;            /* what the lists checked give */
};

struct area_notice_page *
area_notice_page_read(const char *path, enum level level, long start,
    long end, char sha[DIGEST_HEX], struct strbuf *err)
{
	struct area_notice_page *ap = xcalloc(1, sizeof *ap);

	if (page_load(&ap->pg, path, sha, err) != 0) {
		free(ap);
		return NULL;
	}
	ap->path = xstrdup(path);
	ap->name = path_base(ap->path);
	ap->level = level;
	ap->start = start;
	ap->end = end;
	ap->lang = LANG_ZH;
	strmap_init(&ap->by_code);
	ap->nparts = ap->pg.nhead;
	ap->part = xcalloc(ap->nparts + 1, sizeof *ap->part);
	for (size_t k = 0; k < ap->nparts; k++) {
		struct area_part *p = &ap->part[k];
		int inserted;

		p->heading = ap->pg.head[k].text;
		if (area_notice_heading_code(p->heading, p->code) == 0)
			(void)strmap_put(&ap->by_code, p->code, strlen(p->code),
			    (uint32_t)k, &inserted);
	}
	/* the rows of part k + 1 follow heading k: one pass */
	for (size_t i = 0; i < ap->pg.n; i++) {
		size_t k = ap->pg.row[i].part;
		struct area_part *p;

		if (k == 0)
			continue;
		p = &ap->part[k - 1];
		if (p->nrows == 0)
			p->first = i;
		p->nrows++;
		p->households += ap->pg.row[i].n >= 2;
	}
	return ap;
}

const char *
area_notice_page_name(const struct area_notice_page *ap)
{
	return ap->name;
}

static void
say_area(const struct area_notice_page *ap, notice_report *report, void *ctx,
    enum msg m, ...)
{
	struct strbuf b = { 0 };
	va_list va;

	va_start(va, m);
	wording_v(&b, ap->lang, m, va);
	va_end(va);
	report(ctx, "", strbuf_str(&b));
	strbuf_free(&b);
}

void
area_notice_page_village(struct area_notice_page *ap,
    const struct notice_check *c, const char *code, long start, long end,
    notice_report *report, void *ctx)
{
	const uint32_t *at = strmap_get(&ap->by_code, code, strlen(code));
	struct area_part *p = at != NULL ? &ap->part[*at] : NULL;
	char a[DATE_BUF], b[DATE_BUF], x[DATE_BUF], y[DATE_BUF];

	/* tpa-publicize writes the whole notice in the language of the
	 * first village it reads, the first audited */
	if (!ap->lang_set) {
		ap->lang = c->lang;
		ap->lang_set = 1;
	}
	if (p != NULL && p->claimed)
		p = NULL;                /* a second part of the village */
	if (p != NULL)
		p->claimed = 1;
	if (start == 0) {
		/* no period at the level yet (the village's own findings say
		 * so): its part is the notice's words, not checked */
		if (p != NULL && p->households > 0)
			ap->unsure = 1;
		return;
	}
	if (start != ap->start || end != ap->end) {
		if (p != NULL && p->households > 0) {
			struct area_later *l;
			struct strbuf m = { 0 };

			wording(&m, ap->lang, MSG_AUDIT_AREA_PERIOD, ap->name,
			    date_format(a, start), date_format(b, end),
			    date_format(x, ap->start), date_format(y, ap->end));
			xgrow(&ap->later, &ap->latercap, ap->nlater + 1,
			    sizeof *ap->later);
			l = &ap->later[ap->nlater++];
			snprintf(l->code, sizeof l->code, "%s", code);
			l->detail = m.s != NULL ? m.s : xstrdup("");
			ap->unsure = 1;      /* its rows are in the totals */
		}
		return;
	}
	ap->any = 1;
	if (c->not_received && (p == NULL || p->households == 0))
		return;

	if (c->list == NULL) {
		if (p != NULL && p->households > 0)
			say_area(ap, report, ctx, MSG_AUDIT_AREA_NO_LIST, ap->name,
			    p->households, c->list_name);
		return;
	}
	if (p == NULL) {
		say_area(ap, report, ctx, MSG_AUDIT_AREA_MISSING, ap->name, code,
		    c->list_name);
		ap->unsure = 1;
		return;
	}
	{
		struct page part = { 0 };
		struct notice_check in_notice = *c;
		struct notice n;

		part.row = ap->pg.row + p->first;
		part.n = p->nrows;
		in_notice.lang = ap->lang;
		notice_from_list(&n, c->list, c->level, c->list_name);
		n.lang = ap->lang;
		if (p->households == 0 && n.nrows > 0 && !c->not_received) {
			/* made before the level received the village: one
			 * finding, the notice to be made again, not one per
			 * household */
			say_area(ap, report, ctx, MSG_AUDIT_AREA_RECEIVED_SINCE,
			    ap->name, c->list_name);
			ap->unsure = 1;
			notice_free(&n);
			return;
		}
		check_part(&in_notice, &part, &n, report, ctx);
		ap->villages++;
		ap->households += n.nrows;
		ap->people += n.people;
		notice_free(&n);
	}
}

void
area_notice_page_unchecked(struct area_notice_page *ap, const char *code)
{
	const uint32_t *at = strmap_get(&ap->by_code, code, strlen(code));

	if (at != NULL && !ap->part[*at].claimed) {
		ap->part[*at].claimed = 1;
		ap->unsure |= ap->part[*at].households > 0;
	}
}

/* A finding of the whole notice: its message M in the notice's language. */
static void
say_end(const struct area_notice_page *ap, area_notice_report *report,
    void *ctx, int unused, enum msg m, ...)
{
	struct strbuf b = { 0 };
	va_list va;

	va_start(va, m);
	wording_v(&b, ap->lang, m, va);
	va_end(va);
	report(ctx, unused, "", strbuf_str(&b));
	strbuf_free(&b);
}

void
area_notice_page_end(struct area_notice_page *ap, area_notice_report *report,
    void *ctx)
{
	struct strbuf want = { 0 };
	char a[DATE_BUF], b[DATE_BUF];
	const char *shown = NULL;
	size_t prefix;
	int found = 0;

	/* A notice of a period no village has (any longer) is a record of a
	 * posting, not a list posted wrong: the villages it lists are not
	 * blamed. */
	if (!ap->any) {
		say_end(ap, report, ctx, 1, MSG_AUDIT_AREA_NO_VILLAGE, ap->name,
		    date_format(a, ap->start), date_format(b, ap->end));
		return;
	}
	for (size_t i = 0; i < ap->nlater; i++)
		report(ctx, 0, ap->later[i].code, ap->later[i].detail);
	for (size_t k = 0; k < ap->nparts; k++)
		if (!ap->part[k].claimed && ap->part[k].households > 0) {
			say_end(ap, report, ctx, 0, MSG_AUDIT_AREA_UNKNOWN, ap->name,
			    ap->part[k].heading, ap->part[k].households);
			ap->unsure = 1;
		}
	if (ap->unsure)
		return;
	/* The line of the whole town's or county's totals. */
	area_notice_total_words(ap->lang, ap->level, ap->villages, ap->households,
	    ap->people, &want);
	for (prefix = 0; prefix < want.len && (want.s[prefix] < '0' ||
	    want.s[prefix] > '9'); prefix++)
		;
	for (size_t i = 0; i < ap->pg.npara && !found; i++) {
		const char *t = ap->pg.para[i].text;

		found = strcmp(t, want.s) == 0;
		if (shown == NULL && strncmp(t, want.s, prefix) == 0)
			shown = t;
	}
	if (!found)
		say_end(ap, report, ctx, 0, MSG_AUDIT_AREA_TOTAL, ap->name,
		    shown != NULL ? shown : "-", want.s);
	strbuf_free(&want);
}

void
area_notice_page_free(struct area_notice_page *ap)
{
	if (ap == NULL)
		return;
	page_free(&ap->pg);
	strmap_free(&ap->by_code);
	for (size_t i = 0; i < ap->nlater; i++)
		free(ap->later[i].detail);
	free(ap->later);
	free(ap->part);
	free(ap->path);
	free(ap);
}
