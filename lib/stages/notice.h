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

struct notice {
	const struct village *village;
	enum level level;
	enum lang lang;
	const struct notice_row *rows;
	size_t nrows;
	long long people;
	int has_group;           /* some household has a villager group */
	int town_posted;         /* the procedure has a town posting (the
	                          * county's notice says whether the town
	                          * posted the list or reviewed it only) */
};

void notice_write(const struct notice *n, enum notice_format f,
    struct outfile *out);

/* Pieces shared with the letters: the place a level's documents name, the
 * issuer, the contact to object to, a date in the language. */
void notice_place(const struct village *v, enum level l, struct strbuf *b);
void notice_issuer(const struct village *v, enum level l, enum lang lang,
    struct strbuf *b);
const char *notice_contact(const struct village *v, enum level l);
void notice_date(long days, enum lang lang, struct strbuf *b);
/* Write S to OUT escaped for HTML. */
void html_text(struct outfile *out, const char *s);
/* Two cells of a fact table: <td class="k">K</td><td>V</td>. */
void html_fact(struct outfile *out, const char *k, const char *v);
/* The style sheet of printed pages: A4, Chinese fonts, page numbers in
 * the language. */
void notice_css(struct outfile *out, enum lang lang);

#endif
