/* The notice posted at each level of publicity (SPEC §6 publicize notice):
 * title, the place and year, the period and whom to object to (that
 * level's contact and the supervision hotline), one row per household
 * (number, household number, villager group when known, head's name,
 * masked ID number, members, per-capita income), the totals and the
 * issuer's signature with the first day of the period. In the village's
 * language. Written as a printable A4 page (HTML: the title and period
 * repeat on every printed page), as aligned text, or as CSV for people
 * (BOM, formula-safe). Full ID numbers and phone numbers of households
 * never appear; no fixed-size buffer ever cuts a text. */
#ifndef TPA_NOTICE_H
#define TPA_NOTICE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "household/list.h"
#include "io/ledger.h"
#include "io/outfile.h"
#include "rules/village.h"
#include "values/enums.h"
#include "values/idnumber.h"
#include "values/wording.h"

enum notice_format { NOTICE_HTML, NOTICE_TEXT, NOTICE_CSV };

struct notice_row {
	const char *household;
	const char *group;
	const char *name;
	char masked[ID_MASKED_BUF];
	const char *members;
	const char *income;      /* yuan, two decimals */
};

/* The receipt a county notice names (SPEC §8 "The ledger"). */
enum notice_receipt {
	RECEIPT_NOT_SHOWN,       /* not a county notice in an area */
	RECEIPT_NONE,            /* the county has not received the village */
	RECEIPT_SHOWN            /* receipt_fp holds its last row's fingerprint */
};

struct notice {
	const struct village *village;
	enum level level;
	enum lang lang;
	const struct notice_row *rows;
	size_t nrows;
	long long people;
	int has_group;           /* some household has a villager group */
	const char *list_name;   /* the list's file name, printed with ... */
	char fingerprint[FINGERPRINT_LEN];   /* ... its fingerprint */
	enum notice_receipt receipt;
	char receipt_fp[FINGERPRINT_LEN];
	/* what notice_from_list() allocated */
	struct notice_row *own_rows;
	char **copies;
	size_t ncopies, copies_cap;
	int town_posted;         /* the procedure has a town posting (the
	                          * county's notice says whether the town
	                          * posted the list or reviewed it only) */
};

/* The notice of level LEVEL of list L (its file name LIST_NAME, kept, not
 * copied): one row per household at the level's running decision, in
 * household order, the head's ID number masked and any ID-shaped run of
 * the household number, group or name masked as well; the people, whether
 * groups are shown, the list's fingerprint. The village, language and
 * receipt are the caller's to set. Free with notice_free(). The stage and
 * the audit's check of a posted notice make it with this one function. */
void notice_from_list(struct notice *n, const struct hhlist *l,
    enum level level, const char *list_name);
void notice_free(struct notice *n);

void notice_write(const struct notice *n, enum notice_format f,
    struct outfile *out);

/* The totals line of N ("合计：5户，16人"). */
void notice_totals(const struct notice *n, struct strbuf *b);
/* The sentence printing the fingerprint FP of the list LIST_NAME, in the
 * language: on every notice and letter. */
void notice_fingerprint(enum lang lang, const char *fp, const char *list_name,
    struct strbuf *b);
/* The receipt a county notice of village CODE showing the list LIST
 * (its file name) prints (SPEC §8 "The ledger"), from the LEDGER.csv of
 * COUNTY_DIR, into N: the last row of the village's latest county receipt
 * of that list, or RECEIPT_NONE. Returns 0, or -1 with the problem in ERR
 * when the ledger cannot be read. */
int notice_county_receipt(struct notice *n, const char *county_dir,
    const char *code, const char *list, struct strbuf *err);
/* The same from the county's ledger LG, already loaded (a notice of many
 * villages reads it once). */
void notice_receipt_from(struct notice *n, const struct ledger *lg,
    const char *code, const char *list);
/* The sentence on N's receipt (nothing when RECEIPT_NOT_SHOWN). */
void notice_receipt_words(const struct notice *n, struct strbuf *b);

/* Pieces shared with the letters: the place a level's documents name, the
 * issuer, the contact to object to, a date in the language. */
void notice_place(const struct village *v, enum level l, struct strbuf *b);
void notice_issuer(const struct village *v, enum level l, enum lang lang,
    struct strbuf *b);
const char *notice_contact(const struct village *v, enum level l);
void notice_date(long days, enum lang lang, struct strbuf *b);
/* The words of a notice, for a notice of one village (notice_write) and
 * for the notice of a whole town or county (stages/areanotice.c) alike:
 * the title of LEVEL's notice of PLACE (NAME in English) for YEAR; the
 * words under it; the period START to END; the sentence saying how the
 * list was made, its period and whom to object to. */
void notice_title_words(enum lang lang, enum level level, const char *place,
    const char *name, int year, struct strbuf *b);
const char *notice_stage_words(enum lang lang, enum level level);
void notice_period(enum lang lang, long start, long end, struct strbuf *b);
void notice_body_words(enum lang lang, enum level level, int town_posted,
    const char *place, int year, long start, long end, const char *contact,
    const char *hotline, struct strbuf *b);
/* The pieces of a notice's page: the document up to <body> with TITLE and
 * the style sheet (then MORE_CSS when not NULL); the number of columns of N's table; its header row;
 * one <tr> per household (the last two opening a <tbody class="end">
 * kept on one page with what follows); the row repeated at the top of
 * every printed page (TITLE, the period, then MORE when not NULL); the
 * issuer's signature and date. */
void notice_html_begin(struct outfile *out, enum lang lang, const char *title,
    const char *more_css);
/* The same for a file of one-page papers (letters, cards): the style of
 * notice_css_one_page(). */
void notice_html_begin_one_page(struct outfile *out, enum lang lang,
    const char *title, const char *more_css);
int notice_html_ncols(const struct notice *n);
void notice_html_header(const struct notice *n, struct outfile *out);
void notice_html_rows(const struct notice *n, struct outfile *out);
/* The rows after the households: N's totals, its list's fingerprint and
 * the receipt's sentence when there is one, each a closed <tr>. */
void notice_html_totals(const struct notice *n, struct outfile *out);
void notice_html_repeat(struct outfile *out, enum lang lang, int ncols,
    const char *title, const char *period, const char *more);
void notice_html_signature(struct outfile *out, enum lang lang,
    const char *who, const char *date);
/* Write S to OUT escaped for HTML. */
void html_text(struct outfile *out, const char *s);
/* Two cells of a fact table: <td class="k">K</td><td>V</td>. */
void html_fact(struct outfile *out, const char *k, const char *v);
/* The style sheet of printed pages: A4, Chinese fonts, page numbers in
 * the language. notice_css numbers the pages over the file (a notice);
 * notice_css_one_page is for a file of one-page papers, one per household
 * (letters, cards): each page says it is page 1 of 1, and the paper's own
 * style must keep each to its page. */
void notice_css(struct outfile *out, enum lang lang);
void notice_css_one_page(struct outfile *out, enum lang lang);

#endif
