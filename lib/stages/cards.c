#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "stages/cards.h"
#include "stages/notice.h"
#include "values/field.h"
#include "values/money.h"

static const char card_css[] =
"section.card { break-after: page; page-break-after: always; }\n"
"section.card:last-child { break-after: auto; page-break-after: auto; }\n"
"h2 { font-size: 12pt; margin: 4mm 0 1.5mm; }\n"
"table.facts td.k { background: #f3f3f3; width: 18%; white-space: nowrap; }\n"
"td.blank { height: 9mm; }\n"
"table.members th, table.members td { white-space: nowrap; font-size: 10pt; padding: 1mm 1.2mm; }\n";

/* The label of code VALUE of column NAME in the language. */
static void
label(struct outfile *out, const char *name, const char *value, enum lang lang)
{
	const struct enum_def *def = enum_for_field(name);
	int i;
	size_t n;
	const char *l;

	if (def == NULL || lang == LANG_EN || (i = enum_lookup(def, value,
	    strlen(value))) < 0) {
		html_text(out, value);
		return;
	}
	l = enum_label(def, i, &n);
	{
		char buf[128];

		snprintf(buf, sizeof buf, "%.*s", (int)n, l);
		html_text(out, buf);
	}
}

/* The labour of a member in Chinese: "none" as 无劳动力 for a child or a
 * pupil, 丧失劳动力 for others (values/enums.c decides). */
static void
labor(struct outfile *out, const char *value, const char *age,
    const char *in_school)
{
	int i = enum_lookup(&enum_labor, value, strlen(value));
	int school = enum_lookup(&enum_in_school, in_school, strlen(in_school));
	char *end;
	long years = strtol(age, &end, 10);
	size_t n;
	const char *l;
	char buf[128];

	if (i < 0) {
		html_text(out, value);
		return;
	}
	if (*age == '\0' || *end != '\0' || years < 0 || years > 200)
		years = -1;
	l = enum_labor_label(i, (int)years, school, &n);
	snprintf(buf, sizeof buf, "%.*s", (int)n, l);
	html_text(out, buf);
}

static const char *
list_cell(const struct cards *c, const struct card_household *h, const char *col)
{
	if (h->primary < 0)
		return "";
	return hhlist_cell(c->primary, (size_t)h->primary, hhlist_find(c->primary, col));
}

static void
code_text(struct strbuf *b, const struct enum_def *def, int i, enum lang lang)
{
	size_t n;
	const char *l;

	if (i < 0)
		return;
	if (lang == LANG_EN) {
		strbuf_puts(b, def->values[i].code);
		return;
	}
	l = enum_label(def, i, &n);
	strbuf_add(b, l, n);
}

static void
others_text(struct strbuf *b, const char *others, enum lang lang)
{
	const char *s = others;

	while (*s) {
		size_t k = strcspn(s, ";");
		char code[64];
		int i;

		snprintf(code, sizeof code, "%.*s", (int)k, s);
		i = enum_lookup(&enum_cause, code, strlen(code));
		wording_list_sep(b, lang);
		if (i >= 0)
			code_text(b, &enum_cause, i, lang);
		else
			strbuf_puts(b, code);
		s += k + (s[k] == ';');
	}
}

/* The Chinese title of column NAME, from the column catalogue. */
static const char *
title(const char *name)
{
	return field_label(field_builtin(name), name, LANG_ZH);
}

static void
card(const struct cards *c, const struct card_household *h, struct outfile *out)
{
	static const char *const mcols[] = { "name", "relation", "sex", "age",
		"id_number", "health", "labor", "education", "in_school" };
	static const char *const mhead_en[] = { "Name", "Relation", "Sex", "Age",
		"ID number", "Health", "Labor", "Education", "Schooling" };
	const char *const *parts = income_part_names;
	static const char *const parts_en[] = { "Wages", "Business", "Property",
		"Transfers" };
	int en = c->lang == LANG_EN;
	int pos[9];
	struct strbuf b = { 0 };
	long long total = 0;
	int have_total = 0;
	char buf[MONEY_BUF];

	for (int k = 0; k < 9; k++) {
		pos[k] = -1;
		if (strcmp(mcols[k], "age") == 0) {
			pos[k] = (int)c->ncells;
			continue;
		}
		for (size_t i = 0; i < c->ncells; i++)
			if (c->names[i] != NULL && strcmp(c->names[i], mcols[k]) == 0)
				pos[k] = (int)i;
	}
	outfile_puts(out, "<section class=\"card\">\n<h1>");
	html_text(out, en ? "Registered poor household card" : "建档立卡贫困户登记卡");
	outfile_puts(out, "</h1>\n<p class=\"stage\">");
	notice_place(c->village, LEVEL_COUNTY, &b);
	strbuf_printf(&b, en ? " — %d" : "　%d年度", c->year);
	html_text(out, strbuf_str(&b));
	strbuf_reset(&b);
	outfile_puts(out, "</p>\n<table class=\"facts\">\n<tr>");
	html_fact(out, en ? "Household" : title("household_id"), h->id);
	html_fact(out, en ? "Head" : title("head_name"), list_cell(c, h, "head_name"));
	outfile_puts(out, "</tr>\n<tr>");
	html_fact(out, en ? "Head's ID number" : title("head_id_number"), list_cell(c, h, "head_id_number"));
	html_fact(out, en ? "Members" : title("members"), list_cell(c, h, "members"));
	outfile_puts(out, "</tr>\n<tr>");
	code_text(&b, &enum_status, (int)h->status, c->lang);
	html_fact(out, en ? "Status" : title("status"), strbuf_str(&b));
	strbuf_reset(&b);
	if (h->registered_since > 0)
		strbuf_printf(&b, "%d", h->registered_since);
	html_fact(out, en ? "Registered since" : title("registered_since"), strbuf_str(&b));
	strbuf_reset(&b);
	outfile_puts(out, "</tr>\n<tr>");
	code_text(&b, &enum_attribute, h->attribute, c->lang);
	html_fact(out, en ? "Attribute" : title("attribute"), strbuf_str(&b));
	strbuf_reset(&b);
	code_text(&b, &enum_cause, h->cause, c->lang);
	html_fact(out, en ? "Main cause" : title("main_cause"), strbuf_str(&b));
	strbuf_reset(&b);
	outfile_puts(out, "</tr>\n<tr>");
	others_text(&b, h->others ? h->others : "", c->lang);
	html_fact(out, en ? "Other causes" : title("other_causes"), strbuf_str(&b));
	strbuf_reset(&b);
	html_fact(out, en ? "Group" : title("group"), list_cell(c, h, "group"));
	outfile_puts(out, "</tr>\n</table>\n<h2>");
	html_text(out, en ? "Members" : "家庭成员");
	outfile_puts(out, "</h2>\n<table class=\"members\">\n<thead><tr>");
	for (int k = 0; k < 9; k++) {
		outfile_puts(out, "<th>");
		html_text(out, en ? mhead_en[k] : title(mcols[k]));
		outfile_puts(out, "</th>");
	}
	outfile_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t m = 0; m < h->nmembers; m++) {
		const char *v[9];

		for (int k = 0; k < 9; k++)
			v[k] = pos[k] >= 0 ?
			    card_member_cell(c->text, &h->members[m], (size_t)pos[k]) : "";
		outfile_puts(out, "<tr>");
		for (int k = 0; k < 9; k++) {
			outfile_puts(out, k == 4 ? "<td class=\"id\">" : k == 3 ?
			    "<td class=\"n\">" : "<td>");
			if (k == 6 && !en)
				labor(out, v[6], v[3], v[8]);
			else
				label(out, mcols[k], v[k], c->lang);
			outfile_puts(out, "</td>");
		}
		outfile_puts(out, "</tr>\n");
	}
	outfile_puts(out, "</tbody>\n</table>\n<h2>");
	html_text(out, en ? "Income in the survey year (yuan)" : "家庭年收入（元）");
	outfile_puts(out, "</h2>\n<table>\n<tr>");
	for (int k = 0; k < 4; k++) {
		outfile_puts(out, "<th>");
		html_text(out, en ? parts_en[k] : title(parts[k]));
		outfile_puts(out, "</th>");
	}
	outfile_puts(out, "<th>");
	html_text(out, en ? "Total" : "合计");
	outfile_puts(out, "</th><th>");
	html_text(out, en ? "Per person" : "人均纯收入");
	outfile_puts(out, "</th></tr>\n<tr>");
	for (int k = 0; k < 4; k++) {
		const char *v = list_cell(c, h, parts[k]);
		long long fen;

		if (money_parse(v, strlen(v), &fen) == 0) {
			total += fen;
			have_total = 1;
		}
		outfile_puts(out, "<td class=\"n\">");
		html_text(out, v);
		outfile_puts(out, "</td>");
	}
	outfile_puts(out, "<td class=\"n\">");
	html_text(out, have_total ? money_format(buf, total) : "");
	outfile_puts(out, "</td><td class=\"n\">");
	html_text(out, list_cell(c, h, "per_capita_income"));
	outfile_puts(out, "</td></tr>\n</table>\n<h2>");
	html_text(out, en ? "Help plan (to be filled in by hand)" : "帮扶计划（手工填写）");
	outfile_puts(out, "</h2>\n<table>\n<tr><th>");
	html_text(out, en ? "Helper" : "帮扶责任人");
	outfile_puts(out, "</th><th>");
	html_text(out, en ? "Measures" : "帮扶措施");
	outfile_puts(out, "</th><th>");
	html_text(out, en ? "Date" : "时间");
	outfile_puts(out, "</th><th>");
	html_text(out, en ? "Result" : "成效");
	outfile_puts(out, "</th></tr>\n");
	for (int k = 0; k < 5; k++)
		outfile_puts(out, "<tr><td class=\"blank\"></td><td></td><td></td><td></td></tr>\n");
	outfile_puts(out, "</table>\n</section>\n");
	strbuf_free(&b);
}

void
cards_write(const struct cards *c, const struct card_household *h, size_t n,
    struct outfile *out)
{
	notice_html_begin_one_page(out, c->lang, c->lang == LANG_EN ?
	    "Registered poor household cards" : "建档立卡贫困户登记卡", card_css);
	for (size_t i = 0; i < n; i++)
		card(c, &h[i], out);
	outfile_puts(out, "</body>\n</html>\n");
}
