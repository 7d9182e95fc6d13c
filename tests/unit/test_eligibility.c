/* decide/eligibility.c and decide/registry.c: decisions on households
 * built by hand (typed cells) against a rules file loaded once per test.
 * Code values are indices in the code lists of SPEC §3 and §5:
 *   housing: safe 0, c_grade 1, d_grade 2, none 3
 *   health: healthy 0, chronic 1, serious 2, disabled 3
 *   labor: full 0, partial 1, none 2
 *   in_school: no 0, preschool 1, primary 2, junior 3, senior 4, ...
 *   main causes: illness 0, disability 1, education 2, ..., lack_of_labor 7,
 *   lack_of_funds 8, ..., other 11; attributes: general 0, low_income 1,
 *   five_guarantee 2. */
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "decide/eligibility.h"
#include "decide/registry.h"
#include "suites.h"

/* SPEC §4's example, cut down: line 2,855 yuan, margin 10%, so
 * considerations admit up to 2,855 x 1.1 = 3,140.50 yuan (314,050 fen). */
static const char rules_text[] =
    "income: {poverty_line: 2855, margin: 0.10}\n"
    "fields:\n"
    "  urban_house: {type: yes_no}\n"
    "  car_value: {type: money}\n"
    "exclusions:\n"
    "  - {id: X1, when: {field: urban_house, equals: 'yes'}}\n"
    "  - {id: X2, when: {field: car_value, gt: 30000}}\n"
    "  - {id: X3, when: {any_member: {field: health, equals: disabled}}}\n"
    "considerations:\n"
    "  - {id: C1, when: {any_member: {field: health, equals: serious}}}\n"
    "  - {id: C2, when: {field: housing, in: [c_grade, d_grade]}}\n"
    "attributes:\n"
    "  - {id: five_guarantee, when: {all_members: {any: [{field: age, ge: 60}, "
    "{field: age, lt: 16}, {field: labor, equals: none}]}}}\n"
    "  - {id: low_income, when: {field: dibao, equals: 'yes'}}\n"
    "causes:\n"
    "  - {id: illness, when: {any_member: {field: health, in: [serious, chronic]}}}\n"
    "  - {id: disability, when: {any_member: {field: health, equals: disabled}}}\n"
    "  - {id: education, when: {any_member: {field: in_school, in: [senior, vocational, college]}}}\n"
    "  - {id: lack_of_labor, when: {all_members: {field: labor, in: [none, partial]}}}\n"
    "  - {id: lack_of_funds, when: {}}\n"
    "exit:\n"
    "  when: {all: [{field: per_capita_income, ge: 2855}, {field: housing, in: [safe]}]}\n";

/* The same without the always-true cause and without exit. */
static const char rules_no_fallback[] =
    "income: {poverty_line: 2855}\n"
    "causes:\n"
    "  - {id: illness, when: {any_member: {field: health, in: [serious, chronic]}}}\n"
    "  - {id: disability, when: {any_member: {field: health, equals: disabled}}}\n";

static const char *const hnames[] = { "urban_house", "car_value", "housing",
	"dibao", "per_capita_income" };
enum { H_URBAN, H_CAR, H_HOUSING, H_DIBAO, H_PCI, HWIDTH };
static const char *const mnames[] = { "health", "age", "labor", "in_school" };
enum { M_HEALTH, M_AGE, M_LABOR, M_SCHOOL, MWIDTH };

static int
slot(void *ctx, const char *field, int member, size_t line, size_t col)
{
	(void)ctx;
	(void)line;
	(void)col;
	if (!member)
		for (int i = 0; i < HWIDTH; i++)
			if (strcmp(hnames[i], field) == 0)
				return i;
	for (int i = 0; i < MWIDTH; i++)
		if (strcmp(mnames[i], field) == 0)
			return member ? i : HWIDTH + i;
	return -1;
}

static struct rules rules;
static char *dir;

static void
load_rules(const char *text)
{
	struct strbuf err = { 0 };
	char *path;

	dir = test_tmpdir();
	path = test_path(dir, "rules.yaml");
	test_write(path, text);
	memset(&rules, 0, sizeof rules);
	ck_assert_msg(rules_load(&rules, path, &err) == 0, "%s", strbuf_str(&err));
	for (int l = 0; l < RULES_NLISTS; l++) {
		struct rule_list *list = rules_list(&rules, l);

		for (size_t i = 0; i < list->n; i++)
			ck_assert_uint_eq(cond_bind(list->items[i].when, slot, NULL), 0);
	}
	if (rules.exit != NULL)
		ck_assert_uint_eq(cond_bind(rules.exit, slot, NULL), 0);
	strbuf_free(&err);
	free(path);
}

static void
setup(void)
{
	load_rules(rules_text);
}

static void
teardown(void)
{
	rules_free(&rules);
	test_rmtree(dir);
	dir = NULL;
}

/* A household built by hand: its cells and text. */
struct hh {
	char htext[512], mtext[512];
	size_t hlen, mlen;
	struct cell h[HWIDTH];
	struct cell m[4 * MWIDTH];
	size_t nmembers;
	struct cond_context ctx;
};

static struct cell
put(char *text, size_t *len, const char *s, int64_t v)
{
	struct cell c = { v, 0, 0 };
	size_t n = strlen(s);

	if (*len == 0)
		*len = 1;       /* offset 0 reads "" */
	if (n == 0)
		return (struct cell){ 0, 0, 0 };
	memcpy(text + *len, s, n + 1);
	c.off = (uint32_t)*len;
	c.len = (uint32_t)n;
	*len += n + 1;
	return c;
}

#define MICRO 1000000LL

/* Household cells: urban_house, car_value in fen (-1: empty), housing
 * (its code and index; NULL: empty), dibao, per-capita income in fen. */
static void
household(struct hh *x, int urban, long long car, const char *housing,
    int housing_v, int dibao, long long pci)
{
	char num[32];

	memset(x, 0, sizeof *x);
	x->h[H_URBAN] = put(x->htext, &x->hlen, urban ? "yes" : "no", urban);
	snprintf(num, sizeof num, "%lld.%02lld", car / 100, car % 100);
	x->h[H_CAR] = car < 0 ? put(x->htext, &x->hlen, "", 0) :
	    put(x->htext, &x->hlen, num, car);
	x->h[H_HOUSING] = put(x->htext, &x->hlen, housing ? housing : "", housing_v);
	x->h[H_DIBAO] = put(x->htext, &x->hlen, dibao ? "yes" : "no", dibao);
	snprintf(num, sizeof num, "%lld.%02lld", pci / 100, pci % 100);
	x->h[H_PCI] = put(x->htext, &x->hlen, num, pci);
	x->ctx.household = x->h;
	x->ctx.household_width = HWIDTH;
	x->ctx.members = x->m;
	x->ctx.member_width = MWIDTH;
	x->ctx.htext = x->htext;
	x->ctx.mtext = x->mtext;
}

/* A member: health code and index, age, labor code and index, in_school
 * code and index. */
static void
member(struct hh *x, const char *health, int hv, int age, const char *labor,
    int lv, const char *school, int sv)
{
	struct cell *c = x->m + x->nmembers * MWIDTH;
	char num[16];

	snprintf(num, sizeof num, "%d", age);
	c[M_HEALTH] = put(x->mtext, &x->mlen, health, hv);
	c[M_AGE] = put(x->mtext, &x->mlen, num, age * MICRO);
	c[M_LABOR] = put(x->mtext, &x->mlen, labor, lv);
	c[M_SCHOOL] = put(x->mtext, &x->mlen, school, sv);
	x->nmembers++;
	x->ctx.nmembers = x->nmembers;
}

/* Decide X with income PCI; the reasons are left in OUT. */
static enum decision
decide(struct hh *x, int surveyed, int bad, long long pci, struct eligibility *out)
{
	struct eligibility_input in = { surveyed, bad, pci, &x->ctx };

	eligibility_decide(&rules, &in, NULL, out);
	return out->decision;
}

#define HEALTHY(x, age) member((x), "healthy", 0, (age), "full", 0, "no", 0)

START_TEST(below_the_line)
{
	static struct hh x;
	struct eligibility e = { 0 };

	household(&x, 0, 0, "safe", 0, 0, 285499);
	HEALTHY(&x, 40);
	ck_assert_int_eq(decide(&x, 1, 0, 285499, &e), DEC_ELIGIBLE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "");
	ck_assert_int_eq(decide(&x, 1, 0, -100000, &e), DEC_ELIGIBLE);   /* a loss */
	ck_assert_str_eq(strbuf_str(&e.reasons), "");
	eligibility_free(&e);
}
END_TEST

START_TEST(at_the_line)
{
	static struct hh x;
	struct eligibility e = { 0 };

	/* Exactly at the line is not below it: above_line, INCOME. */
	household(&x, 0, 0, "safe", 0, 0, 285500);
	HEALTHY(&x, 40);
	ck_assert_int_eq(decide(&x, 1, 0, 285500, &e), DEC_ABOVE_LINE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "INCOME");
	/* Within the margin but no consideration holds. */
	ck_assert_int_eq(decide(&x, 1, 0, 300000, &e), DEC_ABOVE_LINE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "INCOME");
	eligibility_free(&e);
}
END_TEST

START_TEST(within_the_margin)
{
	static struct hh x;
	struct eligibility e = { 0 };

	/* A dangerous house (C2): admitted at the line and up to 314,050 fen. */
	household(&x, 0, 0, "c_grade", 1, 0, 285500);
	HEALTHY(&x, 40);
	ck_assert_int_eq(decide(&x, 1, 0, 285500, &e), DEC_ELIGIBLE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "C2");
	ck_assert_int_eq(decide(&x, 1, 0, 314050, &e), DEC_ELIGIBLE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "C2");
	ck_assert_int_eq(decide(&x, 1, 0, 314051, &e), DEC_ABOVE_LINE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "INCOME");
	/* Below the line no consideration is named. */
	ck_assert_int_eq(decide(&x, 1, 0, 200000, &e), DEC_ELIGIBLE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "");
	/* Both considerations, in rules order. */
	member(&x, "serious", 2, 70, "none", 2, "no", 0);
	ck_assert_int_eq(decide(&x, 1, 0, 300000, &e), DEC_ELIGIBLE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "C1;C2");
	eligibility_free(&e);
}
END_TEST

START_TEST(no_margin)
{
	static struct hh x;
	struct eligibility e = { 0 };

	/* Margin 0: line x (1 + 0) is the line itself. */
	rules.margin = 0;
	household(&x, 0, 0, "d_grade", 2, 0, 285500);
	HEALTHY(&x, 40);
	ck_assert_int_eq(decide(&x, 1, 0, 285500, &e), DEC_ELIGIBLE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "C2");
	ck_assert_int_eq(decide(&x, 1, 0, 285501, &e), DEC_ABOVE_LINE);
	ck_assert_str_eq(strbuf_str(&e.reasons), "INCOME");
	eligibility_free(&e);
}
END_TEST

START_TEST(exclusions_first)
{
	static struct hh x;
	struct eligibility e = { 0 };

	/* A town house, a car of 30,000.01 yuan and a disabled member: every
	 * exclusion, in rules order, whatever the income. */
	household(&x, 1, 3000001, "c_grade", 1, 0, 100000);
	HEALTHY(&x, 40);
	member(&x, "disabled", 3, 12, "none", 2, "primary", 2);
	ck_assert_int_eq(decide(&x, 1, 0, 100000, &e), DEC_EXCLUDED);
	ck_assert_str_eq(strbuf_str(&e.reasons), "X1;X2;X3");
	/* A car of exactly 30,000 yuan is not more than 30,000. */
	household(&x, 1, 3000000, "c_grade", 1, 0, 300000);
	HEALTHY(&x, 40);
	member(&x, "disabled", 3, 12, "none", 2, "primary", 2);
	ck_assert_int_eq(decide(&x, 1, 0, 300000, &e), DEC_EXCLUDED);
	ck_assert_str_eq(strbuf_str(&e.reasons), "X1;X3");
	/* Only the car. */
	household(&x, 0, 5000000, "safe", 0, 0, 100000);
	HEALTHY(&x, 40);
	ck_assert_int_eq(decide(&x, 1, 0, 100000, &e), DEC_EXCLUDED);
	ck_assert_str_eq(strbuf_str(&e.reasons), "X2");
	eligibility_free(&e);
}
END_TEST

START_TEST(unverified)
{
	static struct hh x;
	struct eligibility e = { 0 };

	household(&x, 1, 0, "safe", 0, 0, 100000);
	HEALTHY(&x, 40);
	/* No valid survey row: nothing else is looked at. */
	ck_assert_int_eq(decide(&x, 0, 0, 0, &e), DEC_UNVERIFIED);
	ck_assert_str_eq(strbuf_str(&e.reasons), "SURVEY_MISSING");
	ck_assert_int_eq(decide(&x, 0, 1, 0, &e), DEC_UNVERIFIED);
	ck_assert_str_eq(strbuf_str(&e.reasons), "SURVEY_MISSING");
	/* A cell that is not a value of its type. */
	ck_assert_int_eq(decide(&x, 1, 1, 100000, &e), DEC_UNVERIFIED);
	ck_assert_str_eq(strbuf_str(&e.reasons), "BAD_VALUE");
	ck_assert_ptr_null(e.failed);
	eligibility_free(&e);
}
END_TEST

START_TEST(explained)
{
	static struct hh x;
	struct eligibility e = { 0 };
	struct trace t = { { 0 }, 0, 0 };
	struct eligibility_input in;

	household(&x, 1, 0, "safe", 0, 0, 100000);
	HEALTHY(&x, 40);
	in = (struct eligibility_input){ 1, 0, 100000, &x.ctx };
	eligibility_decide(&rules, &in, &t, &e);
	ck_assert_int_eq(e.decision, DEC_EXCLUDED);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&t.text), "X1"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&t.text), "HOLDS"));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&t.text), "does not hold"));
	strbuf_free(&t.text);
	eligibility_free(&e);
}
END_TEST

START_TEST(per_capita_income)
{
	/* Fen shared by members, half away from zero. */
	ck_assert_int_eq(eligibility_pci(100000, 3), 33333);     /* 33,333.33 */
	ck_assert_int_eq(eligibility_pci(200000, 3), 66667);     /* 66,666.67 */
	ck_assert_int_eq(eligibility_pci(10, 4), 3);             /* 2.5 */
	ck_assert_int_eq(eligibility_pci(-10, 4), -3);           /* -2.5 */
	ck_assert_int_eq(eligibility_pci(1, 2), 1);              /* 0.5 */
	ck_assert_int_eq(eligibility_pci(-1, 2), -1);            /* -0.5 */
	ck_assert_int_eq(eligibility_pci(-200000, 3), -66667);
	ck_assert_int_eq(eligibility_pci(-100000, 3), -33333);
	ck_assert_int_eq(eligibility_pci(7, 7), 1);
	ck_assert_int_eq(eligibility_pci(0, 5), 0);
	ck_assert_int_eq(eligibility_pci(140050, 3), 46683);     /* 46,683.33 */
	ck_assert_int_eq(eligibility_pci(856500, 3), 285500);
}
END_TEST

/* ---- registry: attribute, causes, exit, status ---- */

START_TEST(attributes)
{
	static struct hh x;

	/* Everyone 60 or over, or under 16: five_guarantee, even with dibao. */
	household(&x, 0, 0, "safe", 0, 1, 100000);
	HEALTHY(&x, 70);
	HEALTHY(&x, 10);
	ck_assert_int_eq(registry_attribute(&rules, &x.ctx, NULL), 2);
	/* A member of 45 who can work: not five_guarantee; dibao: low_income. */
	HEALTHY(&x, 45);
	ck_assert_int_eq(registry_attribute(&rules, &x.ctx, NULL), 1);
	/* ... unless that member has no labor. */
	x.m[2 * MWIDTH + M_LABOR] = put(x.mtext, &x.mlen, "none", 2);
	ck_assert_int_eq(registry_attribute(&rules, &x.ctx, NULL), 2);
	/* Neither: general. */
	household(&x, 0, 0, "safe", 0, 0, 100000);
	HEALTHY(&x, 45);
	ck_assert_int_eq(registry_attribute(&rules, &x.ctx, NULL), 0);
}
END_TEST

START_TEST(causes)
{
	static struct hh x;
	struct strbuf others = { 0 };
	int main;

	/* chronic, disabled, at senior school: illness, disability,
	 * education and lack_of_funds hold (labor full: not lack_of_labor). */
	household(&x, 0, 0, "safe", 0, 0, 100000);
	member(&x, "chronic", 1, 50, "full", 0, "no", 0);
	member(&x, "disabled", 3, 48, "full", 0, "no", 0);
	member(&x, "healthy", 0, 17, "full", 0, "senior", 4);
	/* No cause from the survey: the first rule is the main one, at most
	 * two more. */
	ck_assert_int_eq(registry_causes(&rules, &x.ctx, -1, &main, &others, NULL), 0);
	ck_assert_int_eq(main, 0);
	ck_assert_str_eq(strbuf_str(&others), "disability;education");
	/* The survey's cause wins and is never repeated. */
	ck_assert_int_eq(registry_causes(&rules, &x.ctx, 1, &main, &others, NULL), 0);
	ck_assert_int_eq(main, 1);
	ck_assert_str_eq(strbuf_str(&others), "illness;education");
	ck_assert_int_eq(registry_causes(&rules, &x.ctx, 3, &main, &others, NULL), 0);
	ck_assert_int_eq(main, 3);                 /* disaster, from the survey */
	ck_assert_str_eq(strbuf_str(&others), "illness;disability");

	/* Everyone healthy and able: only lack_of_funds holds. */
	household(&x, 0, 0, "safe", 0, 0, 100000);
	HEALTHY(&x, 40);
	ck_assert_int_eq(registry_causes(&rules, &x.ctx, 8, &main, &others, NULL), 0);
	ck_assert_int_eq(main, 8);
	ck_assert_str_eq(strbuf_str(&others), "");
	ck_assert_int_eq(registry_causes(&rules, &x.ctx, -1, &main, &others, NULL), 0);
	ck_assert_int_eq(main, 8);
	ck_assert_str_eq(strbuf_str(&others), "");
	/* No labor: lack_of_labor, then lack_of_funds. */
	household(&x, 0, 0, "safe", 0, 0, 100000);
	member(&x, "healthy", 0, 80, "none", 2, "no", 0);
	member(&x, "healthy", 0, 75, "partial", 1, "no", 0);
	ck_assert_int_eq(registry_causes(&rules, &x.ctx, -1, &main, &others, NULL), 0);
	ck_assert_int_eq(main, 7);
	ck_assert_str_eq(strbuf_str(&others), "lack_of_funds");
	ck_assert_int_eq(registry_causes(&rules, &x.ctx, 0, &main, &others, NULL), 0);
	ck_assert_int_eq(main, 0);
	ck_assert_str_eq(strbuf_str(&others), "lack_of_labor;lack_of_funds");
	strbuf_free(&others);
}
END_TEST

START_TEST(causes_none_holds)
{
	static struct hh x;
	struct strbuf others = { 0 };
	int main;

	teardown();
	load_rules(rules_no_fallback);
	household(&x, 0, 0, "safe", 0, 0, 100000);
	HEALTHY(&x, 40);
	ck_assert_int_eq(registry_causes(&rules, &x.ctx, -1, &main, &others, NULL), 0);
	ck_assert_int_eq(main, 11);                /* other */
	ck_assert_str_eq(strbuf_str(&others), "");
	/* No exit condition: nobody exits. */
	ck_assert_int_eq(registry_exit(&rules, &x.ctx, NULL), 0);
	strbuf_free(&others);
}
END_TEST

START_TEST(exit_condition)
{
	static struct hh x;

	/* per_capita_income >= 2,855 and a safe house. */
	household(&x, 0, 0, "safe", 0, 0, 285500);
	HEALTHY(&x, 40);
	ck_assert_int_eq(registry_exit(&rules, &x.ctx, NULL), 1);
	household(&x, 0, 0, "safe", 0, 0, 285499);
	HEALTHY(&x, 40);
	ck_assert_int_eq(registry_exit(&rules, &x.ctx, NULL), 0);
	household(&x, 0, 0, "c_grade", 1, 0, 400000);
	HEALTHY(&x, 40);
	ck_assert_int_eq(registry_exit(&rules, &x.ctx, NULL), 0);
	household(&x, 0, 0, NULL, 0, 0, 400000);   /* housing unknown */
	HEALTHY(&x, 40);
	ck_assert_int_eq(registry_exit(&rules, &x.ctx, NULL), 0);
}
END_TEST

static struct registry_status
status(int confirmed, int exits, int known, enum status last, int since,
    int exited)
{
	struct registry_entry e = { known, last, since, exited };
	struct registry_status s;

	memset(&s, 0x55, sizeof s);
	registry_status(confirmed, exits, &e, 2015, &s);
	return s;
}

START_TEST(statuses)
{
	struct registry_status s;

	/* new: confirmed, never registered. */
	s = status(1, 0, 0, STATUS_NEW, 0, 0);
	ck_assert(s.listed);
	ck_assert_int_eq(s.status, STATUS_NEW);
	ck_assert_int_eq(s.registered_since, 2015);
	ck_assert_int_eq(s.exited_year, 0);
	/* continuing: registered last year (new, continuing or returned). */
	s = status(1, 0, 1, STATUS_NEW, 2014, 0);
	ck_assert(s.listed);
	ck_assert_int_eq(s.status, STATUS_CONTINUING);
	ck_assert_int_eq(s.registered_since, 2014);
	ck_assert_int_eq(s.exited_year, 0);
	s = status(1, 1, 1, STATUS_RETURNED, 2012, 2013);
	ck_assert_int_eq(s.status, STATUS_CONTINUING);
	ck_assert_int_eq(s.registered_since, 2012);
	s = status(1, 0, 1, STATUS_CONTINUING, 0, 0);   /* first year unknown */
	ck_assert_int_eq(s.status, STATUS_CONTINUING);
	ck_assert_int_eq(s.registered_since, 2015);
	/* exited: registered, not confirmed, meets the exit condition. */
	s = status(0, 1, 1, STATUS_CONTINUING, 2013, 0);
	ck_assert(s.listed);
	ck_assert_int_eq(s.status, STATUS_EXITED);
	ck_assert_int_eq(s.exited_year, 2015);
	ck_assert_int_eq(s.registered_since, 2013);
	/* returned: exited last year, confirmed again. */
	s = status(1, 0, 1, STATUS_EXITED, 2013, 2014);
	ck_assert(s.listed);
	ck_assert_int_eq(s.status, STATUS_RETURNED);
	ck_assert_int_eq(s.registered_since, 2013);
	/* returned: not in last year's registry, an exit in its history. */
	s = status(1, 0, 0, STATUS_NEW, 2011, 2013);
	ck_assert(s.listed);
	ck_assert_int_eq(s.status, STATUS_RETURNED);
	ck_assert_int_eq(s.registered_since, 2011);
	/* unexplained: registered, not confirmed, not meeting the exit
	 * condition, or with no survey to tell. */
	s = status(0, 0, 1, STATUS_CONTINUING, 2014, 0);
	ck_assert(s.listed);
	ck_assert_int_eq(s.status, STATUS_UNEXPLAINED);
	s = status(0, -1, 1, STATUS_NEW, 2014, 0);
	ck_assert_int_eq(s.status, STATUS_UNEXPLAINED);
	/* not listed: neither registered last year nor confirmed now; nor
	 * an exited household that stays out. */
	s = status(0, 1, 0, STATUS_NEW, 0, 0);
	ck_assert(!s.listed);
	s = status(0, 0, 1, STATUS_EXITED, 2013, 2014);
	ck_assert(!s.listed);
	s = status(0, 0, 0, STATUS_NEW, 2011, 2013);
	ck_assert(!s.listed);
}
END_TEST

START_TEST(returned_by_last_status)
{
	struct registry_status s;

	/* Last year's registry says exited, with no exit year written: the
	 * household was registered (since 2013) and exited, so confirmed
	 * again it has returned and keeps its first year. */
	s = status(1, 0, 1, STATUS_EXITED, 2013, 0);
	ck_assert(s.listed);
	ck_assert_int_eq(s.status, STATUS_RETURNED);
	ck_assert_int_eq(s.registered_since, 2013);
}
END_TEST

Suite *
suite_eligibility(void)
{
	Suite *s = suite_create("eligibility");
	TCase *t = tcase_create("core");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, below_the_line);
	tcase_add_test(t, at_the_line);
	tcase_add_test(t, within_the_margin);
	tcase_add_test(t, no_margin);
	tcase_add_test(t, exclusions_first);
	tcase_add_test(t, unverified);
	tcase_add_test(t, explained);
	tcase_add_test(t, per_capita_income);
	suite_add_tcase(s, t);
	return s;
}

Suite *
suite_registry(void)
{
	Suite *s = suite_create("registry");
	TCase *t = tcase_create("core");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, attributes);
	tcase_add_test(t, causes);
	tcase_add_test(t, causes_none_holds);
	tcase_add_test(t, exit_condition);
	suite_add_tcase(s, t);
	/* Statuses need no rules. */
	t = tcase_create("status");
	tcase_add_test(t, statuses);
	tcase_add_test(t, returned_by_last_status);
	suite_add_tcase(s, t);
	return s;
}
