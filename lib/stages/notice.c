#include <stdio.h>
#include <string.h>

#include "io/csvout.h"
#include "values/date.h"
#include "stages/notice.h"
#include "values/text.h"

/* The table's columns, in text and CSV notices. */
static const char *const head[5] = { "序号", "户主姓名", "身份证号码",
	"家庭人口", "人均纯收入（元）" };

static const char *const stage_words[3] = { "村级公示", "乡镇审核公示", "县级审定公告" };

static const char *
orempty(const char *s)
{
	return s ? s : "";
}

/* "2015年6月5日" */
static const char *
zh_date(char buf[32], long days)
{
	int y, m, d;

	date_ymd(days, &y, &m, &d);
	snprintf(buf, 32, "%d年%d月%d日", y, m, d);
	return buf;
}

/* The place named in the title: village, town+village, county+town+village. */
static void
place(const struct notice *n, char *buf, size_t len)
{
	const struct village *v = n->village;

	snprintf(buf, len, "%s%s%s",
	    n->level == LEVEL_COUNTY ? orempty(v->county) : "",
	    n->level >= LEVEL_TOWN ? orempty(v->town) : "", orempty(v->name));
}

static void
title(const struct notice *n, char *buf, size_t len)
{
	char where[512];

	place(n, where, sizeof where);
	snprintf(buf, len, "%s%d年建档立卡贫困户%s", where, n->village->year,
	    n->level == LEVEL_COUNTY ? "公告" : "公示");
}

static void
body(const struct notice *n, char *buf, size_t len)
{
	static const char *const how[3] = {
		"经农户申请、入户调查、村民代表民主评议",
		"经村级公示、乡镇人民政府审核",
		"经村级公示、乡镇审核公示、县扶贫开发领导小组审定",
	};
	const struct period *p = &n->village->publicity[n->level];
	char a[32], b[32];

	snprintf(buf, len, "根据精准识别工作程序，%s，现将%s%d年建档立卡贫困户名单"
	    "予以%s。%s期为%s至%s（共%ld天）。对名单有异议的，请在此期间内向%s反映。",
	    how[n->level], orempty(n->village->name), n->village->year,
	    n->level == LEVEL_COUNTY ? "公告" : "公示",
	    n->level == LEVEL_COUNTY ? "公告" : "公示",
	    zh_date(a, p->start), zh_date(b, p->end), p->end - p->start + 1,
	    n->village->contact ? n->village->contact : "村民委员会");
}

static void
issuer(const struct notice *n, char *buf, size_t len)
{
	const struct village *v = n->village;

	if (n->level == LEVEL_VILLAGE)
		snprintf(buf, len, "%s村民委员会", orempty(v->name));
	else if (n->level == LEVEL_TOWN)
		snprintf(buf, len, "%s人民政府", orempty(v->town));
	else
		snprintf(buf, len, "%s扶贫开发领导小组办公室", orempty(v->county));
}

static void
html_text(struct outfile *out, const char *s)
{
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
}

static const char css[] =
"@page { size: A4; margin: 18mm 15mm 20mm 15mm;\n"
"  @bottom-center { content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"; font-size: 9pt; } }\n"
"body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Zen Hei\",\n"
"  \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", \"PingFang SC\", \"SimSun\", \"Songti SC\", sans-serif;\n"
"  font-size: 11pt; line-height: 1.5; color: #000; margin: 0; padding: 0 1mm; }\n"
"h1 { text-align: center; font-size: 18pt; margin: 0 0 2mm; }\n"
"p.stage { text-align: center; margin: 0 0 4mm; }\n"
"p.body { text-indent: 2em; margin: 0 0 4mm; }\n"
"table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
"col.no { width: 10%; } col.name { width: 20%; } col.id { width: 32%; }\n"
"col.members { width: 14%; } col.income { width: 24%; }\n"
"thead { display: table-header-group; }\n"
"tfoot { display: table-row-group; }\n"
"tr { break-inside: avoid; page-break-inside: avoid; }\n"
"th, td { border: 1px solid #000; padding: 1.5mm 2mm; }\n"
"th { background: #eee; }\n"
"td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
"td.id { font-family: monospace; }\n"
"p.issuer { text-align: right; margin-top: 8mm; }\n";

static void
write_html(const struct notice *n, struct outfile *out)
{
	char t[1024], b[2048], who[512], d[32];

	title(n, t, sizeof t);
	body(n, b, sizeof b);
	issuer(n, who, sizeof who);
	outfile_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>");
	html_text(out, t);
	outfile_puts(out, "</title>\n<style>\n");
	outfile_puts(out, css);
	outfile_puts(out, "</style>\n</head>\n<body>\n<h1>");
	html_text(out, t);
	outfile_puts(out, "</h1>\n<p class=\"stage\">（");
	html_text(out, stage_words[n->level]);
	outfile_puts(out, "）</p>\n<p class=\"body\">");
	html_text(out, b);
	outfile_puts(out, "</p>\n<table>\n<colgroup><col class=\"no\"><col class=\"name\">"
	    "<col class=\"id\"><col class=\"members\"><col class=\"income\"></colgroup>\n"
	    "<thead><tr><th>序号</th><th>户主姓名</th>"
	    "<th>身份证号码</th><th>家庭人口</th><th>人均纯收入（元）</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n->nrows; i++) {
		outfile_printf(out, "<tr><td class=\"n\">%zu</td><td>", i + 1);
		html_text(out, n->rows[i].name);
		outfile_puts(out, "</td><td class=\"id\">");
		html_text(out, n->rows[i].masked);
		outfile_puts(out, "</td><td class=\"n\">");
		html_text(out, n->rows[i].members);
		outfile_puts(out, "</td><td class=\"n\">");
		html_text(out, n->rows[i].income);
		outfile_puts(out, "</td></tr>\n");
	}
	outfile_printf(out, "</tbody>\n<tfoot><tr><td colspan=\"5\">合计：%zu户，%lld人"
	    "</td></tr></tfoot>\n</table>\n<p class=\"issuer\">", n->nrows, n->people);
	html_text(out, who);
	outfile_puts(out, "<br>");
	html_text(out, zh_date(d, n->village->publicity[n->level].start));
	outfile_puts(out, "</p>\n</body>\n</html>\n");
}

/* Pad S to WIDTH display columns (right-aligned when RIGHT). */
static void
cell(struct outfile *out, const char *s, size_t width, int right)
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
write_text(const struct notice *n, struct outfile *out)
{
	static const int right[5] = { 1, 0, 0, 1, 1 };
	size_t w[5];
	char t[1024], b[2048], who[512], d[32], num[32];

	for (int c = 0; c < 5; c++)
		w[c] = text_width(head[c], strlen(head[c]));
	for (size_t i = 0; i < n->nrows; i++) {
		const char *v[5] = { "", n->rows[i].name, n->rows[i].masked,
			n->rows[i].members, n->rows[i].income };

		snprintf(num, sizeof num, "%zu", i + 1);
		v[0] = num;
		for (int c = 0; c < 5; c++) {
			size_t k = text_width(v[c], strlen(v[c]));

			if (k > w[c])
				w[c] = k;
		}
	}
	title(n, t, sizeof t);
	body(n, b, sizeof b);
	issuer(n, who, sizeof who);
	outfile_printf(out, "%s\n（%s）\n\n%s\n\n", t, stage_words[n->level], b);
	for (int c = 0; c < 5; c++) {
		cell(out, head[c], c < 4 ? w[c] : 0, 0);
		outfile_puts(out, c < 4 ? "  " : "\n");
	}
	for (size_t i = 0; i < n->nrows; i++) {
		const char *v[5] = { num, n->rows[i].name, n->rows[i].masked,
			n->rows[i].members, n->rows[i].income };

		snprintf(num, sizeof num, "%zu", i + 1);
		for (int c = 0; c < 5; c++) {
			cell(out, v[c], w[c], right[c]);
			outfile_puts(out, c < 4 ? "  " : "\n");
		}
	}
	outfile_printf(out, "\n合计：%zu户，%lld人\n\n%s\n%s\n", n->nrows, n->people,
	    who, zh_date(d, n->village->publicity[n->level].start));
}

static void
write_csv(const struct notice *n, struct outfile *out)
{
	struct csvout w;
	char num[32], total[64], people[64];

	csvout_init(&w, out, CSVOUT_HUMAN);
	csvout_row(&w, head, 5);
	for (size_t i = 0; i < n->nrows; i++) {
		snprintf(num, sizeof num, "%zu", i + 1);
		csvout_str(&w, num);
		csvout_str(&w, n->rows[i].name);
		csvout_str(&w, n->rows[i].masked);
		csvout_str(&w, n->rows[i].members);
		csvout_str(&w, n->rows[i].income);
		csvout_end(&w);
	}
	snprintf(total, sizeof total, "%zu户", n->nrows);
	snprintf(people, sizeof people, "%lld人", n->people);
	{
		const char *row[5] = { "合计", total, "", people, "" };

		csvout_row(&w, row, 5);
	}
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
