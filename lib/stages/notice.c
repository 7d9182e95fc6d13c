#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "decide/objections.h"
#include "io/csvout.h"
#include "stages/notice.h"
#include "values/date.h"
#include "values/idnumber.h"
#include "values/text.h"

static const char *
orempty(const char *s)
{
	return s ? s : "";
}

void
notice_date(long days, enum lang lang, struct strbuf *b)
{
	static const char *const months[12] = { "January", "February", "March",
		"April", "May", "June", "July", "August", "September", "October",
		"November", "December" };
	int y, m, d;

	date_ymd(days, &y, &m, &d);
	if (lang == LANG_EN)
		strbuf_printf(b, "%d %s %d", d, months[m - 1], y);
	else
		strbuf_printf(b, "%d年%d月%d日", y, m, d);
}

void
notice_place(const struct village *v, enum level l, struct strbuf *b)
{
	if (l == LEVEL_COUNTY)
		strbuf_puts(b, orempty(v->county));
	if (l >= LEVEL_TOWN)
		strbuf_puts(b, orempty(v->town));
	strbuf_puts(b, orempty(v->name));
}

void
notice_issuer(const struct village *v, enum level l, enum lang lang,
    struct strbuf *b)
{
	if (lang == LANG_EN) {
		if (l == LEVEL_VILLAGE)
			strbuf_printf(b, "Villagers' Committee of %s", orempty(v->name));
		else if (l == LEVEL_TOWN)
			strbuf_printf(b, "People's Government of %s", orempty(v->town));
		else
			strbuf_printf(b, "Poverty Alleviation Office of %s", orempty(v->county));
		return;
	}
	if (l == LEVEL_VILLAGE)
		strbuf_printf(b, "%s村民委员会", orempty(v->name));
	else if (l == LEVEL_TOWN)
		strbuf_printf(b, "%s人民政府", orempty(v->town));
	else
		strbuf_printf(b, "%s扶贫开发领导小组办公室", orempty(v->county));
}

const char *
notice_contact(const struct village *v, enum level l)
{
	const char *c = l == LEVEL_TOWN ? v->contact_town :
	    l == LEVEL_COUNTY ? v->contact_county : NULL;

	return c ? c : v->contact;
}

void
notice_title_words(enum lang lang, enum level level, const char *place,
    const char *name, int year, struct strbuf *b)
{
	if (lang == LANG_EN) {
		strbuf_printf(b, "%s: registered poor households of %d — %s",
		    name, year, level == LEVEL_COUNTY ? "county announcement" :
		    level == LEVEL_TOWN ? "town notice" : "village notice");
		return;
	}
	strbuf_printf(b, "%s%d年建档立卡贫困户%s", place, year,
	    level == LEVEL_COUNTY ? "公告" : "公示");
}

static void
title(const struct notice *n, struct strbuf *b)
{
	struct strbuf place = { 0 };

	notice_place(n->village, n->level, &place);
	notice_title_words(n->lang, n->level, strbuf_str(&place),
	    orempty(n->village->name), n->village->year, b);
	strbuf_free(&place);
}

const char *
notice_stage_words(enum lang lang, enum level level)
{
	static const char *const zh[3] = { "村级公示", "乡镇审核公示", "县级审定公告" };
	static const char *const en[3] = { "publicised by the village",
		"reviewed and publicised by the town", "approved and announced by the county" };

	return (lang == LANG_EN ? en : zh)[level];
}

static const char *
stage_words(const struct notice *n)
{
	return notice_stage_words(n->lang, n->level);
}

void
notice_period(enum lang lang, long start, long end, struct strbuf *b)
{
	notice_date(start, lang, b);
	strbuf_puts(b, lang == LANG_EN ? " to " : "至");
	notice_date(end, lang, b);
	if (lang == LANG_EN)
		strbuf_printf(b, " (%ld days)", end - start + 1);
	else
		strbuf_printf(b, "（共%ld天）", end - start + 1);
}

static void
period(const struct notice *n, struct strbuf *b)
{
	const struct period *p = &n->village->publicity[n->level];

	notice_period(n->lang, p->start, p->end, b);
}

void
notice_body_words(enum lang lang, enum level level, int town_posted,
    const char *place, int year, long start, long end, const char *contact,
    const char *hotline, struct strbuf *b)
{
	/* by level; the last, the county's when the town did not post */
	static const char *const how[4] = {
		"经农户申请、入户调查、村民代表民主评议",
		"经村级公示、乡镇人民政府审核",
		"经村级公示、乡镇审核公示、县扶贫开发领导小组审定",
		"经村级公示、乡镇人民政府审核、县扶贫开发领导小组审定",
	};
	static const char *const how_en[4] = {
		"after application, household survey and appraisal by the villagers' representatives",
		"after the village's publicity and the town government's review",
		"after the village's and the town's publicity and approval by the county",
		"after the village's publicity, the town government's review and approval by the county",
	};
	int way = level == LEVEL_COUNTY && !town_posted ? 3 : (int)level;

	if (lang == LANG_EN) {
		strbuf_printf(b, "Following the identification procedure, %s, the "
		    "list of poor households of %s for %d is made public. It is "
		    "posted from ", how_en[way], place, year);
		notice_period(lang, start, end, b);
		strbuf_printf(b, ". Anyone who objects to the list may say so "
		    "within this period to %s.", contact ? contact :
		    "the villagers' committee");
		if (hotline)
			strbuf_printf(b, " Supervision hotline: %s.", hotline);
		return;
	}
	strbuf_printf(b, "根据精准识别工作程序，%s，现将%s%d年建档立卡贫困户名单予以%s。%s期为",
	    how[way], place, year,
	    level == LEVEL_COUNTY ? "公告" : "公示",
	    level == LEVEL_COUNTY ? "公告" : "公示");
	notice_period(lang, start, end, b);
	strbuf_printf(b, "。对名单有异议的，请在此期间内向%s反映。",
	    contact ? contact : "村民委员会");
	if (hotline)
		strbuf_printf(b, "监督电话：%s。", hotline);
}

static void
body(const struct notice *n, struct strbuf *b)
{
	const struct period *p = &n->village->publicity[n->level];

	notice_body_words(n->lang, n->level, n->town_posted,
	    orempty(n->village->name), n->village->year, p->start, p->end,
	    notice_contact(n->village, n->level), n->village->hotline, b);
}

/* The table's columns. */
enum { T_NO, T_HOUSEHOLD, T_GROUP, T_NAME, T_ID, T_MEMBERS, T_INCOME, NT };
static const char *const head_zh[NT] = { "序号", "户编号", "村民小组",
	"户主姓名", "身份证号码", "家庭人口", "人均纯收入（元）" };
static const char *const head_en[NT] = { "No.", "Household", "Group",
	"Head of household", "ID number", "Members", "Income per person (yuan)" };

static const char *
head(const struct notice *n, int c)
{
	return (n->lang == LANG_EN ? head_en : head_zh)[c];
}

static int
shown(const struct notice *n, int c)
{
	return c != T_GROUP || n->has_group;
}

void
notice_totals(const struct notice *n, struct strbuf *b)
{
	if (n->lang == LANG_EN)
		strbuf_printf(b, "Total: %zu households, %lld people", n->nrows, n->people);
	else
		strbuf_printf(b, "合计：%zu户，%lld人", n->nrows, n->people);
}

void
notice_fingerprint(enum lang lang, const char *fp, const char *list_name,
    struct strbuf *b)
{
	wording(b, lang, MSG_PAPER_FINGERPRINT, fp, list_name);
}

void
notice_receipt_words(const struct notice *n, struct strbuf *b)
{
	if (n->receipt == RECEIPT_SHOWN)
		wording(b, n->lang, MSG_PAPER_RECEIPT, n->receipt_fp);
	else if (n->receipt == RECEIPT_NONE)
		wording(b, n->lang, MSG_PAPER_NO_RECEIPT);
}

/* A cell of the notice with its ID-shaped runs masked: the household
 * number, group or name a clerk typed an ID number into is posted masked
 * like the head's ID. A cell with no such run is the list's own text; a
 * masked one is a copy N keeps. */
static const char *
masked_cell(struct notice *n, const char *s)
{
	char m[ID_MASKED_BUF];
	size_t len = strlen(s), pos = 0, start;
	struct strbuf b = { 0 };

	if (!id_next_run(s, len, &pos, &start, m))
		return s;
	id_mask_runs(&b, s, len);
	xgrow(&n->copies, &n->copies_cap, n->ncopies + 1, sizeof *n->copies);
	return n->copies[n->ncopies++] = b.s;
}

void
notice_from_list(struct notice *n, const struct hhlist *l, enum level level,
    const char *list_name)
{
	enum decision running = objections_running(level);
	uint32_t *order;
	int group;

	memset(n, 0, sizeof *n);
	n->level = level;
	n->list_name = list_name;
	fingerprint_format(l->sha256, n->fingerprint);
	n->own_rows = xcalloc(l->nrows + 1, sizeof *n->own_rows);
	n->rows = n->own_rows;
	order = hhlist_order(l);
	group = hhlist_find(l, "group");
	for (size_t i = 0; i < l->nrows; i++) {
		size_t r = order[i];
		struct notice_row *x = &n->own_rows[n->nrows];
		const char *id;

		if (l->row[r].decision != running)
			continue;
		id = hhlist_cell(l, r, l->col[L_HEAD_ID]);
		x->household = masked_cell(n, hhlist_cell(l, r, l->col[L_HOUSEHOLD]));
		x->group = masked_cell(n, hhlist_cell(l, r, group));
		x->name = masked_cell(n, hhlist_cell(l, r, l->col[L_HEAD_NAME]));
		id_mask(x->masked, id, strlen(id));
		x->members = hhlist_cell(l, r, l->col[L_MEMBERS]);
		x->income = hhlist_cell(l, r, l->col[L_PCI]);
		n->has_group |= *x->group != '\0';
		n->people += l->row[r].members;
		n->nrows++;
	}
	free(order);
}

void
notice_free(struct notice *n)
{
	for (size_t i = 0; i < n->ncopies; i++)
		free(n->copies[i]);
	free(n->copies);
	free(n->own_rows);
	n->copies = NULL;
	n->own_rows = NULL;
	n->ncopies = n->copies_cap = 0;
}

/* Whether S may hold an ID-shaped run: 15 ASCII digits in a row, or a
 * full-width form (whose digits id_mask_runs reads as well). */
static int
maybe_id(const char *s)
{
	size_t run = 0;

	for (; *s; s++) {
		if ((unsigned char)*s == 0xEF)
			return 1;
		run = *s >= '0' && *s <= '9' ? run + 1 : 0;
		if (run >= 15)
			return 1;
	}
	return 0;
}

void
html_text(struct outfile *out, const char *text)
{
	struct strbuf m = { 0 };
	const char *s;

	/* Everything on a notice or a letter is for people: an ID-shaped run
	 * is masked wherever it stands. Text with no long digit run and no
	 * full-width form needs no copy. */
	s = text;
	if (maybe_id(text)) {
		id_mask_runs(&m, text, strlen(text));
		s = strbuf_str(&m);
	}
	for (; *s; s++) {
		switch (*s) {
		case '&': outfile_puts(out, "&amp;"); break;
		case '<': outfile_puts(out, "&lt;"); break;
		case '>': outfile_puts(out, "&gt;"); break;
		case '"': outfile_puts(out, "&quot;"); break;
		case '\'': outfile_puts(out, "&#39;"); break;
		default: outfile_write(out, s, 1);
		}
	}
	strbuf_free(&m);
}

void
html_fact(struct outfile *out, const char *k, const char *v)
{
	outfile_puts(out, "<td class=\"k\">");
	html_text(out, k);
	outfile_puts(out, "</td><td>");
	html_text(out, v);
	outfile_puts(out, "</td>");
}

static const char css[] =
"body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Zen Hei\",\n"
"  \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", \"PingFang SC\", \"SimSun\", \"Songti SC\", sans-serif;\n"
"  font-size: 11pt; line-height: 1.5; color: #000; margin: 0; padding: 0 1mm; }\n"
"h1 { text-align: center; font-size: 18pt; margin: 0 0 2mm; }\n"
"p.stage { text-align: center; margin: 0 0 4mm; }\n"
"p.body { text-indent: 2em; margin: 0 0 4mm; }\n"
"table { width: 100%; border-collapse: collapse; }\n"
"thead { display: table-header-group; }\n"
"tr { break-inside: avoid; page-break-inside: avoid; }\n"
"th, td { border: 1px solid #000; padding: 1.2mm 1.5mm; }\n"
"th { background: #eee; }\n"
"thead tr.repeat th { border: none; background: none; font-weight: normal; text-align: center; padding: 0 0 2mm; }\n"
"td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
"td.id { font-family: monospace; white-space: nowrap; }\n"
"td.total { font-weight: bold; }\n"
"tr.sign td { border: none; padding: 0; }\n"
"tr.fp td { border: none; padding: 1.5mm 0 0; font-size: 9.5pt; }\n"
"div.fp { contain: inline-size; }\n"
"tbody.end { break-inside: avoid; page-break-inside: avoid; }\n"
"div.sign { margin-top: 10mm; text-align: right; break-inside: avoid; }\n"
"div.sign p { margin: 1mm 0; }\n"
"span.seal { display: inline-block; width: 36mm; height: 14mm; border: 1px dashed #888; vertical-align: middle; margin-left: 4mm; }\n";

/* The page's number in its margin. A notice is one paper, numbered over
 * the file; letters and cards are one paper per household, each laid out
 * to fit its page, so the margin says "page 1 of 1" and never counts the
 * pages of other households (a page counter runs over the whole file). */
static void
page_css(struct outfile *out, const char *number)
{
	outfile_printf(out, "@page { size: A4; margin: 15mm 15mm 18mm 15mm;\n"
	    "  @bottom-center { content: %s; font-size: 9pt; } }\n", number);
	outfile_puts(out, css);
}

void
notice_css(struct outfile *out, enum lang lang)
{
	page_css(out, lang == LANG_EN ?
	    "\"page \" counter(page) \" of \" counter(pages)" :
	    "\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"");
}

void
notice_css_one_page(struct outfile *out, enum lang lang)
{
	page_css(out, lang == LANG_EN ? "\"page 1 of 1\"" : "\"第 1 页，共 1 页\"");
}

static void
html_cell(struct outfile *out, const char *cls, const char *s)
{
	outfile_puts(out, cls ? "<td class=\"" : "<td>");
	if (cls) {
		outfile_puts(out, cls);
		outfile_puts(out, "\">");
	}
	html_text(out, s);
	outfile_puts(out, "</td>");
}

/* The head of a page: its title, the style (the notices', or that of a
 * page per household when ONE_PAGE) and MORE_CSS; the body opened. */
static void
html_begin(struct outfile *out, enum lang lang, const char *title,
    const char *more_css, int one_page)
{
	outfile_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", lang == LANG_EN ? "en" : "zh-CN");
	html_text(out, title);
	outfile_puts(out, "</title>\n<style>\n");
	if (one_page)
		notice_css_one_page(out, lang);
	else
		notice_css(out, lang);
	if (more_css != NULL)
		outfile_puts(out, more_css);
	outfile_puts(out, "</style>\n</head>\n<body>\n");
}

void
notice_html_begin(struct outfile *out, enum lang lang, const char *title,
    const char *more_css)
{
	html_begin(out, lang, title, more_css, 0);
}

void
notice_html_begin_one_page(struct outfile *out, enum lang lang,
    const char *title, const char *more_css)
{
	html_begin(out, lang, title, more_css, 1);
}

int
notice_html_ncols(const struct notice *n)
{
	int ncols = 0;

	for (int c = 0; c < NT; c++)
		ncols += shown(n, c);
	return ncols;
}

void
notice_html_header(const struct notice *n, struct outfile *out)
{
	outfile_puts(out, "<tr>");
	for (int c = 0; c < NT; c++)
		if (shown(n, c)) {
			outfile_puts(out, "<th>");
			html_text(out, head(n, c));
			outfile_puts(out, "</th>");
		}
	outfile_puts(out, "</tr>\n");
}

void
notice_html_rows(const struct notice *n, struct outfile *out)
{
	for (size_t i = 0; i < n->nrows; i++) {
		const struct notice_row *r = &n->rows[i];

		/* The last two households, the totals and what follows are
		 * kept on one page: the signature never stands alone. */
		if (i + 2 == n->nrows || (n->nrows < 2 && i == 0))
			outfile_puts(out, "</tbody>\n<tbody class=\"end\">\n");
		outfile_printf(out, "<tr><td class=\"n\">%zu</td>", i + 1);
		html_cell(out, NULL, r->household);
		if (n->has_group)
			html_cell(out, NULL, r->group);
		html_cell(out, NULL, r->name);
		html_cell(out, "id", r->masked);
		html_cell(out, "n", r->members);
		html_cell(out, "n", r->income);
		outfile_puts(out, "</tr>\n");
	}
}

void
notice_html_repeat(struct outfile *out, enum lang lang, int ncols,
    const char *title, const char *period, const char *more)
{
	outfile_printf(out, "<tr class=\"repeat\"><th colspan=\"%d\">", ncols);
	html_text(out, title);
	outfile_puts(out, lang == LANG_EN ? " — " : "　");
	html_text(out, lang == LANG_EN ? "period: " : "公示期：");
	html_text(out, period);
	if (more != NULL) {
		outfile_puts(out, lang == LANG_EN ? " — " : "　");
		html_text(out, more);
	}
	outfile_puts(out, "</th></tr>\n");
}

void
notice_html_signature(struct outfile *out, enum lang lang, const char *who,
    const char *date)
{
	outfile_puts(out, "<div class=\"sign\">\n<p>");
	html_text(out, who);
	outfile_puts(out, lang == LANG_EN ? " (seal)" : "（盖章）");
	outfile_puts(out, "<span class=\"seal\"></span></p>\n<p>");
	html_text(out, date);
	outfile_puts(out, "</p>\n</div>");
}

void
notice_html_totals(const struct notice *n, struct outfile *out)
{
	struct strbuf b = { 0 };
	int ncols = notice_html_ncols(n);

	notice_totals(n, &b);
	outfile_printf(out, "<tr><td class=\"total\" colspan=\"%d\">", ncols);
	html_text(out, strbuf_str(&b));
	outfile_puts(out, "</td></tr>\n");
	/* The fingerprints, with the totals; their long lines take no width
	 * from the columns (contain: inline-size). */
	for (int k = 0; k < 2; k++) {
		strbuf_reset(&b);
		if (k == 0)
			notice_fingerprint(n->lang, n->fingerprint, n->list_name, &b);
		else
			notice_receipt_words(n, &b);
		if (b.len == 0)
			continue;
		outfile_printf(out, "<tr class=\"fp\"><td colspan=\"%d\">"
		    "<div class=\"fp\">", ncols);
		html_text(out, strbuf_str(&b));
		outfile_puts(out, "</div></td></tr>\n");
	}
	strbuf_free(&b);
}

int
notice_county_receipt(struct notice *n, const char *county_dir,
    const char *code, const char *list, struct strbuf *err)
{
	struct ledger lg;
	int rc = 0;

	n->receipt = RECEIPT_NONE;
	if (ledger_load(&lg, county_dir, err) != 0)
		rc = -1;
	else
		notice_receipt_from(n, &lg, code, list);
	ledger_free(&lg);
	return rc;
}

void
notice_receipt_from(struct notice *n, const struct ledger *lg,
    const char *code, const char *list)
{
	const struct ledger_row *last = ledger_notice_row(lg, code, list);

	n->receipt = last != NULL ? RECEIPT_SHOWN : RECEIPT_NONE;
	if (last != NULL)
		fingerprint_format(last->hash, n->receipt_fp);
}

static void
write_html(const struct notice *n, struct outfile *out)
{
	struct strbuf t = { 0 }, b = { 0 }, who = { 0 }, d = { 0 }, p = { 0 };
	int ncols = notice_html_ncols(n);

	title(n, &t);
	body(n, &b);
	notice_issuer(n->village, n->level, n->lang, &who);
	notice_date(n->village->publicity[n->level].start, n->lang, &d);
	period(n, &p);
	notice_html_begin(out, n->lang, strbuf_str(&t), NULL);
	outfile_puts(out, "<h1>");
	html_text(out, strbuf_str(&t));
	outfile_puts(out, "</h1>\n<p class=\"stage\">（");
	html_text(out, stage_words(n));
	outfile_puts(out, "）</p>\n<p class=\"body\">");
	html_text(out, strbuf_str(&b));
	outfile_puts(out, "</p>\n<table>\n<thead>\n");
	/* Repeated on every printed page: the title and the period. */
	notice_html_repeat(out, n->lang, ncols, strbuf_str(&t), strbuf_str(&p), NULL);
	notice_html_header(n, out);
	outfile_puts(out, "</thead>\n<tbody>\n");
	notice_html_rows(n, out);
	notice_html_totals(n, out);
	/* The signature is the table's last row, kept whole: a page it falls
	 * on alone still carries the repeated title and period. */
	outfile_printf(out, "<tr class=\"sign\"><td colspan=\"%d\">", ncols);
	notice_html_signature(out, n->lang, strbuf_str(&who), strbuf_str(&d));
	outfile_puts(out, "</td></tr>\n</tbody>\n</table>\n</body>\n</html>\n");
	strbuf_free(&t);
	strbuf_free(&b);
	strbuf_free(&who);
	strbuf_free(&d);
	strbuf_free(&p);
}

/* Pad S to WIDTH display columns (right-aligned when RIGHT). */
static void
pad(struct outfile *out, const char *s, size_t width, int right)
{
	size_t w = text_width(s, strlen(s));

	if (right)
		for (size_t i = w; i < width; i++)
			outfile_write(out, " ", 1);
	outfile_puts(out, s);
	if (!right)
		for (size_t i = w; i < width; i++)
			outfile_write(out, " ", 1);
}

static void
row_values(const struct notice *n, size_t i, char num[32], const char *v[NT])
{
	const struct notice_row *r = &n->rows[i];

	snprintf(num, 32, "%zu", i + 1);
	v[T_NO] = num;
	v[T_HOUSEHOLD] = r->household;
	v[T_GROUP] = r->group;
	v[T_NAME] = r->name;
	v[T_ID] = r->masked;
	v[T_MEMBERS] = r->members;
	v[T_INCOME] = r->income;
}

static void
write_text(const struct notice *n, struct outfile *out)
{
	static const int right[NT] = { 1, 0, 0, 0, 0, 1, 1 };
	size_t w[NT];
	struct strbuf t = { 0 }, b = { 0 }, who = { 0 }, d = { 0 }, tot = { 0 };
	char num[32];
	const char *v[NT];
	int last = T_INCOME;

	for (int c = 0; c < NT; c++)
		w[c] = text_width(head(n, c), strlen(head(n, c)));
	for (size_t i = 0; i < n->nrows; i++) {
		row_values(n, i, num, v);
		for (int c = 0; c < NT; c++) {
			size_t k = text_width(v[c], strlen(v[c]));

			if (k > w[c])
				w[c] = k;
		}
	}
	title(n, &t);
	body(n, &b);
	notice_issuer(n->village, n->level, n->lang, &who);
	notice_date(n->village->publicity[n->level].start, n->lang, &d);
	notice_totals(n, &tot);
	outfile_printf(out, "%s\n（%s）\n\n%s\n\n", strbuf_str(&t), stage_words(n),
	    strbuf_str(&b));
	for (int c = 0; c < NT; c++)
		if (shown(n, c)) {
			pad(out, head(n, c), c < last ? w[c] : 0, 0);
			outfile_puts(out, c < last ? "  " : "\n");
		}
	for (size_t i = 0; i < n->nrows; i++) {
		row_values(n, i, num, v);
		for (int c = 0; c < NT; c++)
			if (shown(n, c)) {
				pad(out, v[c], w[c], right[c]);
				outfile_puts(out, c < last ? "  " : "\n");
			}
	}
	outfile_printf(out, "\n%s\n", strbuf_str(&tot));
	strbuf_reset(&tot);
	notice_fingerprint(n->lang, n->fingerprint, n->list_name, &tot);
	outfile_printf(out, "%s\n", strbuf_str(&tot));
	strbuf_reset(&tot);
	notice_receipt_words(n, &tot);
	if (tot.len > 0)
		outfile_printf(out, "%s\n", strbuf_str(&tot));
	outfile_printf(out, "\n%s%s\n%s\n",
	    strbuf_str(&who), n->lang == LANG_EN ? " (seal)" : "（盖章）",
	    strbuf_str(&d));
	strbuf_free(&t);
	strbuf_free(&b);
	strbuf_free(&who);
	strbuf_free(&d);
	strbuf_free(&tot);
}

static void
write_csv(const struct notice *n, struct outfile *out)
{
	struct csvout w;
	struct strbuf tot = { 0 };
	char num[32];
	const char *v[NT];

	csvout_init(&w, out, CSVOUT_HUMAN);
	csvout_bom(&w);
	for (int c = 0; c < NT; c++)
		if (shown(n, c))
			csvout_str(&w, head(n, c));
	csvout_end(&w);
	for (size_t i = 0; i < n->nrows; i++) {
		row_values(n, i, num, v);
		for (int c = 0; c < NT; c++)
			if (shown(n, c))
				csvout_str(&w, v[c]);
		csvout_end(&w);
	}
	notice_totals(n, &tot);
	csvout_str(&w, strbuf_str(&tot));
	csvout_end(&w);
	strbuf_reset(&tot);
	notice_fingerprint(n->lang, n->fingerprint, n->list_name, &tot);
	csvout_str(&w, strbuf_str(&tot));
	csvout_end(&w);
	strbuf_reset(&tot);
	notice_receipt_words(n, &tot);
	if (tot.len > 0) {
		csvout_str(&w, strbuf_str(&tot));
		csvout_end(&w);
	}
	strbuf_free(&tot);
}

void
notice_write(const struct notice *n, enum notice_format f, struct outfile *out)
{
	if (f == NOTICE_HTML)
		write_html(n, out);
	else if (f == NOTICE_TEXT)
		write_text(n, out);
	else
		write_csv(n, out);
}
