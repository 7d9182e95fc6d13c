/* tpa-audit: read each village folder, re-derive its decisions with the
 * stages' own code, compare, and write the findings. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/idset.h"
#include "base/strmap.h"
#include "decide/appraisal.h"
#include "decide/checks.h"
#include "decide/eligibility.h"
#include "decide/filing.h"
#include "decide/objections.h"
#include "household/list.h"
#include "household/objectionfile.h"
#include "household/people.h"
#include "household/previous.h"
#include "household/registryfile.h"
#include "household/votefile.h"
#include "io/confidential.h"
#include "io/csvout.h"
#include "io/infile.h"
#include "io/ledger.h"
#include "io/provenance.h"
#include "rules/area.h"
#include "stages/areanotice.h"
#include "stages/audit.h"
#include "stages/auditarea.h"
#include "stages/blocked.h"
#include "stages/noticecheck.h"
#include "stages/sample.h"
#include "stages/receipt.h"
#include "stages/received.h"
#include "stages/shell.h"
#include "stages/surveying.h"
#include "values/date.h"
#include "values/hhnumber.h"
#include "values/idnumber.h"
#include "values/money.h"
#include "values/text.h"

enum severity { SEV_ERROR, SEV_WARNING, SEV_INFO };
static const char *const severities[3] = { "error", "warning", "info" };

struct finding {
	enum severity sev;
	const char *code;
	char *village, *household, *detail;
};

/* A household of every village audited, for duplicate people. */
struct known_household {
	uint32_t village;            /* index in villages */
	uint32_t id;                 /* offset of its household_id */
};

/* The area of the villages whose town and county folders (area_dirs())
 * are TOWN and COUNTY, as area_load() loads it: its county one of the
 * auditor's counties, its town the audit's area's (the same file, loaded
 * with the same county) or its own. */
struct loaded_area {
	char *town, *county;
	struct area area;
	int own_town;
};

/* A county.yaml loaded from DIR as area_load() is given it: the audit's
 * area's when it is that file so named, else its own. */
struct loaded_county {
	char *dir;
	struct area_county county;
	int own;
};

struct auditor {
	const struct audit_options *o;
	/* Whether the folder holding the villages is a county's year folder
	 * (town-* and county-* beside them): asked once per folder, not
	 * once per village (a listing of thousands of folders each time). */
	char *in_area_parent;
	int parent_in_area;
	struct stage st;
	struct rules official;
	int have_official;
	struct finding *f;
	size_t nf, fcap;
	struct idset ids;             /* ID number -> known household */
	struct known_household *kh;
	size_t nkh, kh_cap;
	char *khtext;
	size_t khtext_len, khtext_cap;
	char **village_codes;
	size_t nvillages;
	struct strmap codes;          /* village_code -> index in o->villages */
	size_t twice, twice_first;    /* a village_code given twice: those folders */
	char twice_code[13];
	struct sample sample;         /* sample.csv's rows */
	struct sample_village *drawn; /* in an area: the villages to draw from */
	size_t ndrawn;
	size_t *drawn_town;           /* the town of each, in area.towns */
	long long admitted, quota;
	size_t quota_villages;
	struct audit_area area;       /* when -o is a town's or county's folder */
	struct loaded_area *areas;    /* the villages' areas, each loaded once */
	size_t nareas;
	struct loaded_county *counties;
	size_t ncounties;
	int in_area;
	struct rules *town_rules;     /* per town of the area: county.yaml's */
	int *have_town_rules;
	long long *town_people;       /* people proposed in each town */
	struct ledger *town_ledgers;  /* per town of the area: its LEDGER.csv */
	char **town_ledger_err;       /* per town: why its ledger is broken, or NULL */
	struct ledger county_ledger;  /* the county's, when have_county */
	char *county_ledger_err;
	struct reopen *town_reopen;   /* per town of the area: its reopen.csv */
	struct reopen county_reopen;  /* the county's, when have_county */
	const struct reopen_row **reopen_ready;  /* per folder: the row of the
	                              * audit's own level whose repost is done */
	unsigned char *town_reopening;  /* per folder, at a county audit: the
	                              * town's row is open (the town receives
	                              * the village again before the county) */
	struct area_notice_page **area_notices;  /* the level's own notices
	                              * (notice-LEVEL-START-END.html), each read
	                              * once, each village's part checked as
	                              * the village is audited */
	size_t nareanotices;
	size_t *dir_errors;           /* in an area: errors found auditing each folder */
	size_t errors;
	struct strbuf msg;
};

/* The stage files of a village, in the procedure's order. */
enum { F_APPLICANTS, F_PRIMARY, F_APPRAISED, F_PUB_VILLAGE, F_PUB_TOWN,
	F_PUB_COUNTY, F_REGISTRY, NFILES };
static const char *const stage_files[NFILES] = { "applicants.csv",
	"primary.csv", "appraised.csv", "publicized-village.csv",
	"publicized-town.csv", "publicized-county.csv", "registry/households.csv" };

/* What the survey's re-derivation gives a household. */
struct derived {
	char *id;
	enum decision decision;
	char *reasons;
	long long pci;
	int has_pci;
	long long members;
	long apply_date, survey_date;
};

struct village_audit {
	struct auditor *a;
	const char *dir;
	char code[16];
	uint32_t index;              /* in a->village_codes */
	enum lang lang;
	struct village v;
	int have_v;
	struct rules rules;
	int have_rules;
	const struct rules *r;       /* the rules decisions are re-derived with */
	const struct rules *off;     /* the official rules, or NULL */
	long town;                   /* index in the area's towns, or -1 */
	size_t nth;                  /* in an area: index in area.dirs */
	struct column_aliases *aliases;
	struct provenance_rows prov;
	int have_prov;
	int present[NFILES];
	struct derived *dv;
	size_t ndv, dv_cap;
	struct strmap dindex;
	struct hhlist lists[NFILES];
	int have_list[NFILES];
	int apply_col, date_col;     /* applicants' apply_date, survey's survey_date */
	int in_area;                 /* in an area: AREA loaded with the village */
	int area_shared;             /* AREA a copy of one of a->areas */
	struct area area;
	struct strmap changed;       /* households whose inputs changed after
	                              * a receipt: their lists are not blamed */
	int all_changed;             /* village.yaml changed after a receipt */
	/* in a county's audit: the list the county received (publicized-town
	 * or -village), and publicized-county.csv re-derived from it */
	struct hhlist received, county;
	int have_received, have_county;
	int reopening;                /* a row of the town's or the county's
	                              * reopen.csv is open for the village */
	int county_reopening;         /* a row of the county's reopen.csv is
	                               * open for it (audit_received()) */
	/* the list the level's own notice shows, read when it is not one
	 * read already (a town's receipt; the county's while it reopens) */
	struct hhlist shown;
	int have_shown;
};

static void
finding(struct auditor *a, enum severity sev, const char *code,
    const char *village, const char *household, const char *detail)
{
	struct finding *x;

	xgrow(&a->f, &a->fcap, a->nf + 1, sizeof *a->f);
	x = &a->f[a->nf++];
	x->sev = sev;
	x->code = code;
	x->village = xstrdup(village);
	x->household = xstrdup(household ? household : "");
	/* Findings are for people: audit.csv is written by csvout in its
	 * HUMAN kind, which masks every ID-shaped run. */
	x->detail = xstrdup(detail);
	if (sev == SEV_ERROR)
		a->errors++;
}

/* A finding of village VA with a message in its language. */
static void
say(struct village_audit *va, enum severity sev, const char *code,
    const char *household, enum msg m, ...)
{
	struct strbuf b = { 0 };
	va_list ap;

	va_start(ap, m);
	wording_v(&b, va->lang, m, ap);
	va_end(ap);
	finding(va->a, sev, code, va->code, household, strbuf_str(&b));
	strbuf_free(&b);
}

/* The name of level L in the village's language. */
static void
level_word(const struct village_audit *va, enum level l, char out[32])
{
	const char *word;
	size_t n;

	if (va->lang == LANG_ZH) {
		word = enum_label(&enum_level, (int)l, &n);
	} else {
		word = level_code(l);
		n = strlen(word);
	}
	snprintf(out, 32, "%.*s", (int)n, word);
}

static char *
in_dir(const struct village_audit *va, const char *name)
{
	return path_join(va->dir, name);
}

static int
exists(const struct village_audit *va, const char *name)
{
	char *p = in_dir(va, name);
	int e = access(p, F_OK) == 0;

	free(p);
	return e;
}

/* Whether PATH (NAME in messages) may be read: a regular file, or nothing
 * (its reader then says what is missing). Anything else there (a FIFO, a
 * device, a folder, a link to one) would block or never end: it is the
 * finding NOT_REGULAR_FILE, and is not read. */
static int
regular(struct village_audit *va, const char *path, const char *name)
{
	char err[1024];

	if (infile_regular(path, err, sizeof err) != INFILE_NOT_REGULAR)
		return 1;
	say(va, SEV_ERROR, "NOT_REGULAR_FILE", "", MSG_AUDIT_NOT_REGULAR, name);
	return 0;
}

static int
regular_in(struct village_audit *va, const char *name)
{
	char *p = in_dir(va, name);
	int ok = regular(va, p, name);

	free(p);
	return ok;
}

/* A file of the village that could not be read: a finding CODE with the
 * reader's message (its last newline dropped). */
static void
cannot_read(struct village_audit *va, const char *code, struct strbuf *err)
{
	if (err->len > 0 && err->s[err->len - 1] == '\n')
		strbuf_truncate(err, err->len - 1);
	say(va, SEV_ERROR, code, "", MSG_AUDIT_CANNOT_READ, strbuf_str(err));
}

/* PATH of the village was read whole, with SHA: an input of the audit,
 * in its PROVENANCE.csv and .tpa-deps.mk (make audits again when it
 * changes; a village's gate sees which of its lists the audit covered). */
static void
audit_input(struct village_audit *va, const char *path, const char sha[DIGEST_HEX])
{
	stage_read(&va->a->st, path, sha);
}

/* --- provenance -------------------------------------------------------- */

struct prov_check {
	struct village_audit *va;
};

/* An input a later stage of the chain wrote again (resurvey.csv, carried
 * over from level to level) is not a change: its own row vouches for it. */
static int
rewritten(const struct village_audit *va, const char *name)
{
	const struct provenance_row *own = provenance_find(&va->prov, name);
	char *p;
	int same;

	if (own == NULL || strcmp(own->stage, "publicize") != 0)
		return 0;
	p = in_dir(va, name);
	same = digest_file_is(p, own->sha256);
	free(p);
	return same;
}

/* The SHA-256 of the input REF ("FILE#KEY", FILE relative to DIR) as it
 * is now, for provenance_verify_entries(): of a town's or county's
 * objections file and a village code (tpa-area(5)), the village's rows as
 * tpa-publicize resolve hashes them, read with the village's aliases and
 * year; of any other file of the area, its entry
 * (village_area_entry_digest()). Returns 0, or -1 when it cannot be had. */
static int
entry_digest(void *ctx, const char *dir, const char *ref,
    char sha256[DIGEST_HEX])
{
	const struct village_audit *va = ((struct prov_check *)ctx)->va;
	const char *hash = strrchr(ref, '#'), *base;
	struct objectionfile of;
	struct objectionfile_options oo = { NULL, ENC_AUTO, va->aliases,
		va->v.year, NULL, NULL, NULL };
	struct strbuf err = { 0 };
	char *file, *path, e[1024];
	int rc = -1;

	if (hash == NULL)
		return -1;
	file = xstrndup(ref, (size_t)(hash - ref));
	base = path_base(file);
	if (strcmp(base, "objections-town.csv") != 0 &&
	    strcmp(base, "objections-county.csv") != 0) {
		free(file);
		/* from the area loaded with the village, when it is its */
		if (va->in_area &&
		    village_area_loaded_digest(&va->area, dir, ref, sha256) == 0)
			return 0;
		return village_area_entry_digest(dir, ref, sha256);
	}
	path = path_join(dir, file);
	oo.path = path;
	oo.village = hash + 1;
	memset(&of, 0, sizeof of);
	/* Anything but a regular file there would block or never end. */
	if (infile_regular(path, e, sizeof e) != INFILE_NOT_REGULAR &&
	    objectionfile_read(&of, &oo, NULL, NULL, &err) == 0) {
		memcpy(sha256, of.village_sha256, DIGEST_HEX);
		rc = 0;
	}
	objectionfile_free(&of);
	strbuf_free(&err);
	free(path);
	free(file);
	return rc;
}

static void
on_prov(void *ctx, const struct provenance_row *row, enum provenance_problem what,
    const char *name)
{
	struct prov_check *pc = ctx;
	struct village_audit *va = pc->va;

	if ((what == PROV_OUTPUT_MISSING || what == PROV_INPUT_MISSING ||
	    what == PROV_RULES_MISSING) && !regular_in(va, name))
		return;
	switch (what) {
	case PROV_OUTPUT_MISSING:
	case PROV_OUTPUT_CHANGED:
		say(va, SEV_ERROR, "PROVENANCE_MISMATCH", "", MSG_AUDIT_PROV_OUTPUT, name);
		break;
	case PROV_INPUT_MISSING:
	case PROV_INPUT_CHANGED:
		if (!rewritten(va, name))
			say(va, SEV_ERROR, "PROVENANCE_MISMATCH", "", MSG_AUDIT_PROV_INPUT,
			    row->output, name);
		break;
	case PROV_RULES_MISSING:
	case PROV_RULES_CHANGED:
		say(va, SEV_ERROR, "PROVENANCE_MISMATCH", "", MSG_AUDIT_PROV_RULES,
		    row->output, name);
		break;
	}
}

/* Whether NAME is a notice of the village's folder that was posted: its
 * level's objections file exists. make clean keeps such a notice (a
 * record, SPEC §7) while PROVENANCE.csv goes: no PROVENANCE_MISSING. */
static int
posted_notice(const struct village_audit *va, const char *name)
{
	char *objections = NULL;
	int posted = 0;

	for (int l = 0; l < NLEVELS && objections == NULL; l++) {
		char notice[32];

		snprintf(notice, sizeof notice, "notice-%s.html", level_code((enum level)l));
		if (strcmp(name, notice) == 0)
			objections = objections_path(va->in_area ? &va->area : NULL,
			    (enum level)l, va->dir);
	}
	if (objections != NULL)
		posted = path_exists(objections);
	free(objections);
	return posted;
}

static void
check_provenance(struct village_audit *va)
{
	char err[1024];
	int rc;
	struct prov_check pc = { va };
	static const char *const outputs[] = { "applicants.csv", "rejects-apply.csv",
		"primary.csv", "rejects-survey.csv", "appraised.csv",
		"notice-village.html", "publicized-village.csv", "notice-town.html",
		"publicized-town.csv", "notice-county.html", "publicized-county.csv",
		"resurvey.csv", "letters-village.html", "letters-town.html",
		"letters-county.html", "registry/households.csv",
		"registry/members.csv", "registry/history.csv", "registry/stats.csv",
		"registry/stats.svg", "registry/cards.html" };

	if (!regular_in(va, "PROVENANCE.csv"))
		return;
	rc = provenance_read(va->dir, &va->prov, err, sizeof err);
	if (rc < 0) {
		say(va, SEV_ERROR, "PROVENANCE_MISSING", "", MSG_AUDIT_CANNOT_READ, err);
		return;
	}
	va->have_prov = rc == 0;
	/* PROVENANCE.csv itself is not recorded as an input: it grows as the
	 * village goes on after the audit, which would make make audit again
	 * for nothing; the lists and data it vouches for are recorded. */
	if (va->have_prov)
		provenance_verify_entries(va->dir, &va->prov, entry_digest, on_prov,
		    &pc);
	for (size_t i = 0; i < sizeof outputs / sizeof outputs[0]; i++)
		if (exists(va, outputs[i]) && provenance_find(&va->prov, outputs[i]) == NULL &&
		    !posted_notice(va, outputs[i]))
			say(va, SEV_ERROR, "PROVENANCE_MISSING", "", MSG_AUDIT_PROV_MISSING,
			    outputs[i]);
}

/* Files holding ID numbers that other users may read: PERMISSIONS. */
static void
check_permissions(struct village_audit *va)
{
	for (size_t i = 0; confidential_files[i] != NULL; i++) {
		char *p = in_dir(va, confidential_files[i]), mode[8];
		unsigned m;

		if (confidential_exposed(p, &m)) {
			snprintf(mode, sizeof mode, "%04o", m);
			say(va, SEV_WARNING, "PERMISSIONS", "", MSG_AUDIT_PERMISSIONS,
			    confidential_files[i], mode);
		}
		free(p);
	}
}

/* FILE of the level's folder DIR, of VILLAGE ("": the level's own), if
 * other users may read it: PERMISSIONS. */
static void
level_permission(struct auditor *a, const char *dir, const char *file,
    const char *village)
{
	char *p = path_join(dir, file), mode[8];
	unsigned m;

	if (confidential_exposed(p, &m)) {
		struct strbuf b = { 0 };

		snprintf(mode, sizeof mode, "%04o", m);
		wording(&b, LANG_ZH, MSG_AUDIT_PERMISSIONS, file, mode);
		finding(a, SEV_WARNING, "PERMISSIONS", village, "", strbuf_str(&b));
		strbuf_free(&b);
	}
	free(p);
}

/* The copies the level received (every file its ledger names) and the
 * level's own objections file that other users may read: PERMISSIONS, in
 * the level's folder. */
static void
received_permissions(struct auditor *a, const struct ledger *l)
{
	for (size_t i = 0; confidential_level_files[i] != NULL; i++)
		level_permission(a, l->dir, confidential_level_files[i], "");
	for (size_t i = 0; i < l->nrows; i++)
		if (strchr(l->row[i].file, '#') == NULL)
			level_permission(a, l->dir, l->row[i].file, l->row[i].village);
}

/* Whether ROW was made with rules other than OFF: the rules file, or any
 * file the official rules include, by content. */
static int
rules_differ(const struct provenance_row *row, const struct rules *off)
{
	if (strcmp(row->rules_sha256, off->sha256) != 0)
		return 1;
	for (size_t i = 1; i < off->nfiles; i++) {
		int found = 0;

		for (size_t k = 0; k < row->ninputs && !found; k++)
			found = strcmp(row->inputs[k].sha256, off->files[i].sha256) == 0;
		if (!found)
			return 1;
	}
	return 0;
}

/* The rules the village used: those of its PROVENANCE rows, or the
 * official ones given (RULES_DIFFER when the contents differ for any list
 * made by rules: one made again by hand with other rules is found even
 * when the lists before it were made with the official ones). */
static void
load_rules(struct village_audit *va)
{
	const struct provenance_row *row = NULL;
	static const char *const ruled[] = { "primary.csv", "appraised.csv",
		"publicized-village.csv", "publicized-town.csv", "publicized-county.csv" };
	struct strbuf err = { 0 };
	char *path = NULL;

	if (va->off != NULL) {
		const struct rules *off = va->off;

		/* A village with no list made by rules yet has nothing to differ. */
		for (size_t i = 0; i < sizeof ruled / sizeof ruled[0]; i++) {
			row = provenance_find(&va->prov, ruled[i]);
			if (row != NULL && *row->rules && rules_differ(row, off)) {
				say(va, SEV_ERROR, "RULES_DIFFER", "", MSG_AUDIT_RULES_DIFFER,
				    row->rules, off->path);
				break;
			}
		}
		va->r = off;
		return;
	}
	for (size_t i = 0; i < sizeof ruled / sizeof ruled[0] && row == NULL; i++)
		if ((row = provenance_find(&va->prov, ruled[i])) != NULL && !*row->rules)
			row = NULL;
	if (row != NULL)
		path = path_join(va->dir, row->rules);
	else if (va->v.rules_path != NULL)
		path = xstrdup(va->v.rules_path);
	if (path == NULL) {
		say(va, SEV_ERROR, "MISSING_ITEM", "", MSG_AUDIT_MISSING, "rules");
		return;
	}
	va->rules.include_anywhere = va->a->o->include_anywhere;
	if (!regular(va, path, row != NULL ? row->rules : path)) {
		;
	} else if (rules_load(&va->rules, path, &err) != 0) {
		cannot_read(va, "BAD_VALUE", &err);
	} else {
		va->have_rules = 1;
		va->r = &va->rules;
	}
	free(path);
	strbuf_free(&err);
}

/* --- the survey, re-derived ------------------------------------------- */

static void
on_survey_problem(void *ctx, const struct read_problem *p)
{
	struct village_audit *va = ctx;

	/* survey.csv's problems are the survey's rejects; a bad cell in
	 * applicants.csv, a file tpa-apply checked, is a finding. */
	if (p->warning || strcmp(path_base(p->file), "applicants.csv") != 0)
		return;
	say(va, SEV_ERROR, "BAD_VALUE", p->household, MSG_AUDIT_BAD,
	    path_base(p->file), p->line, p->message);
}

static int
on_survey_header(void *ctx, const struct surveyset *ss, const struct schema *a)
{
	struct village_audit *va = ctx;

	va->apply_col = schema_find(a, "apply_date");
	va->date_col = ss->schema.cols.pos[S_DATE];
	return 0;
}

/* Index a person's ID number across every village audited. */
static void
index_person(struct village_audit *va, const char *hid, const char *id)
{
	struct auditor *a = va->a;
	const uint32_t *seen;
	uint32_t me;

	if (strlen(id) != ID_LEN)
		return;
	for (int i = 0; i < 17; i++)
		if (id[i] < '0' || id[i] > '9')
			return;
	/* the household: the last one added, unless it is a new one */
	if (a->nkh == 0 || a->kh[a->nkh - 1].village != va->index ||
	    strcmp(a->khtext + a->kh[a->nkh - 1].id, hid) != 0) {
		size_t n = strlen(hid);

		xgrow(&a->kh, &a->kh_cap, a->nkh + 1, sizeof *a->kh);
		xgrow(&a->khtext, &a->khtext_cap, a->khtext_len + n + 1, 1);
		memcpy(a->khtext + a->khtext_len, hid, n + 1);
		a->kh[a->nkh].village = va->index;
		a->kh[a->nkh].id = (uint32_t)a->khtext_len;
		a->khtext_len += n + 1;
		a->nkh++;
	}
	me = (uint32_t)(a->nkh - 1);
	seen = idset_add(&a->ids, id, me);
	if (seen != NULL && *seen != me) {
		const struct known_household *other = &a->kh[*seen];
		const char *ocode = a->village_codes[other->village];
		const char *ohid = a->khtext + other->id;
		char masked[ID_MASKED_BUF];
		struct strbuf b = { 0 };

		id_mask(masked, id, ID_LEN);
		say(va, SEV_ERROR, "DUPLICATE_PERSON", hid, MSG_AUDIT_DUPLICATE_PERSON,
		    masked, ocode, ohid);
		/* the other place gets its row, naming this one */
		wording(&b, va->lang, MSG_AUDIT_DUPLICATE_PERSON, masked, va->code, hid);
		finding(a, SEV_ERROR, "DUPLICATE_PERSON", ocode, ohid, strbuf_str(&b));
		strbuf_free(&b);
	}
}

static int
on_survey_household(void *ctx, const struct surveyed *s)
{
	struct village_audit *va = ctx;
	const struct household *h = s->h;
	struct derived *d;
	int id = h->mschema->cols.pos[P_ID];

	xgrow(&va->dv, &va->dv_cap, va->ndv + 1, sizeof *va->dv);
	d = &va->dv[va->ndv];
	memset(d, 0, sizeof *d);
	d->id = xstrdup(h->id);
	d->decision = s->e->decision;
	d->reasons = xstrdup(strbuf_str(&s->e->reasons));
	d->pci = s->pci;
	d->has_pci = s->priced;
	d->members = (long long)h->nmembers;
	if (va->apply_col >= 0 && h->nmembers > 0 && h->mcells[va->apply_col].len > 0)
		d->apply_date = (long)h->mcells[va->apply_col].v;
	if (s->row != NULL && s->surveyed && va->date_col >= 0 &&
	    s->ss->cells[s->row->cells + (size_t)va->date_col].len > 0)
		d->survey_date = (long)s->ss->cells[s->row->cells + (size_t)va->date_col].v;
	hhnumber_put(&va->dindex, h->id, strlen(h->id), (uint32_t)va->ndv, NULL);
	va->ndv++;
	if (h->heads != 1) {
		struct strbuf b = { 0 };

		strbuf_printf(&b, "applicants.csv: %u heads", h->heads);
		say(va, SEV_ERROR, "BAD_VALUE", h->id, MSG_AUDIT_CANNOT_READ, strbuf_str(&b));
		strbuf_free(&b);
	}
	for (size_t m = 0; m < h->nmembers; m++)
		index_person(va, h->id, h->text + h->mcells[m * h->mwidth + (size_t)id].off);
	return 0;
}

/* Re-derive the survey's list. Returns 1 when it was, 0 when survey.csv
 * or applicants.csv could not be read (the finding says so; primary.csv
 * is then not compared with a derivation that did not happen). */
static int
derive_survey(struct village_audit *va)
{
	struct surveyset ss;
	struct strbuf err = { 0 };
	char sha[DIGEST_HEX];
	char *app = in_dir(va, "applicants.csv"), *sv = in_dir(va, "survey.csv");
	struct surveying_options so = { app, sv, ENC_AUTO, va->aliases, va->r,
		eligibility_year(va->r, va->v.year), va->lang, NULL, NULL };
	struct surveying_handler sh = { va, on_survey_header, on_survey_household,
		on_survey_problem, NULL };

	int derived = 0;

	memset(&ss, 0, sizeof ss);
	va->apply_col = va->date_col = -1;
	if (!regular(va, sv, "survey.csv")) {
		;
	} else if (surveying_run(&so, &sh, &ss, sha, &err) != 0) {
		cannot_read(va, "BAD_VALUE", &err);
	} else {
		audit_input(va, app, sha);
		audit_input(va, sv, ss.sha256);
		derived = 1;
	}
	surveyset_free(&ss);
	strbuf_free(&err);
	free(app);
	free(sv);
	return derived;
}

/* --- lists ------------------------------------------------------------- */

struct list_reading {
	struct village_audit *va;
	const char *name;
};

static void
on_list_problem(void *ctx, const struct read_problem *p)
{
	struct list_reading *lr = ctx;

	if (strcmp(p->code, "DUPLICATE_HOUSEHOLD") == 0)
		say(lr->va, SEV_ERROR, "DUPLICATE_HOUSEHOLD", p->household,
		    MSG_AUDIT_DUPLICATE_HOUSEHOLD, lr->name);
	else
		say(lr->va, SEV_ERROR, "BAD_VALUE", p->household, MSG_AUDIT_BAD,
		    lr->name, p->line, p->message);
}

static int
read_list(struct village_audit *va, int k)
{
	struct list_reading lr = { va, stage_files[k] };
	char *p = in_dir(va, stage_files[k]);
	struct list_options lo = { p, ENC_AUTO, va->aliases, va->r, va->lang };
	struct strbuf err = { 0 };
	int rc = hhlist_read(&va->lists[k], &lo, on_list_problem, &lr, &err);

	if (rc != 0) {
		cannot_read(va, "BAD_VALUE", &err);
		hhlist_free(&va->lists[k]);
	} else {
		va->have_list[k] = 1;
		audit_input(va, p, va->lists[k].sha256);
	}
	strbuf_free(&err);
	free(p);
	return rc;
}

/* Whether the lists of household HID are not to be blamed: an input they
 * were made from changed after a level received it (the change is the
 * finding, CHANGED_AFTER_RECEIPT). */
static int
changed_input(const struct village_audit *va, const char *hid)
{
	return va->all_changed ||
	    hhnumber_get(&va->changed, hid, strlen(hid)) != NULL;
}

/* Every household of FROM is in TO, and the other way round. */
static void
leaks(struct village_audit *va, int from, int to)
{
	const struct hhlist *a = &va->lists[from], *b = &va->lists[to];

	for (size_t i = 0; i < a->nrows; i++) {
		const char *hid = hhlist_cell(a, i, a->col[L_HOUSEHOLD]);

		if (hhlist_lookup(b, hid) < 0 && !changed_input(va, hid))
			say(va, SEV_ERROR, "LEAK_HOUSEHOLD", hid, MSG_AUDIT_LEAK_HOUSEHOLD,
			    stage_files[from], stage_files[to]);
	}
	for (size_t i = 0; i < b->nrows; i++) {
		const char *hid = hhlist_cell(b, i, b->col[L_HOUSEHOLD]);

		if (hhlist_lookup(a, hid) < 0 && !changed_input(va, hid))
			say(va, SEV_ERROR, "LEAK_HOUSEHOLD", hid, MSG_AUDIT_LEAK_HOUSEHOLD,
			    stage_files[to], stage_files[from]);
	}
}

static void
mismatch(struct village_audit *va, int k, const char *hid, const char *column,
    const char *recorded, const char *recomputed)
{
	if (changed_input(va, hid))
		return;
	say(va, SEV_ERROR, "DECISION_MISMATCH", hid, MSG_AUDIT_MISMATCH,
	    stage_files[k], column, *recorded ? recorded : "-",
	    *recomputed ? recomputed : "-");
}

/* The primary list against the survey re-derived. */
static void
compare_primary(struct village_audit *va)
{
	const struct hhlist *l = &va->lists[F_PRIMARY];
	char buf[MONEY_BUF];

	for (size_t i = 0; i < l->nrows; i++) {
		const char *hid = hhlist_cell(l, i, l->col[L_HOUSEHOLD]);
		uint32_t *k = hhnumber_get(&va->dindex, hid, strlen(hid));
		const struct derived *d;

		if (changed_input(va, hid))
			continue;
		if (k == NULL) {
			say(va, SEV_ERROR, "LEAK_HOUSEHOLD", hid, MSG_AUDIT_LEAK_HOUSEHOLD,
			    "primary.csv", "applicants.csv");
			continue;
		}
		d = &va->dv[*k];
		if (l->row[i].members != d->members) {
			say(va, SEV_ERROR, "LEAK_PERSON", hid, MSG_AUDIT_LEAK_PERSON,
			    "primary.csv", (long long)l->row[i].members, "applicants.csv",
			    d->members);
			continue;
		}
		if (l->row[i].decision != d->decision)
			mismatch(va, F_PRIMARY, hid, "decision",
			    hhlist_cell(l, i, l->col[L_DECISION]), decision_code(d->decision));
		else if (strcmp(hhlist_cell(l, i, l->col[L_REASONS]), d->reasons) != 0)
			mismatch(va, F_PRIMARY, hid, "reasons",
			    hhlist_cell(l, i, l->col[L_REASONS]), d->reasons);
		if (d->has_pci && (!(l->row[i].has & LR_PCI) || l->row[i].pci != d->pci))
			mismatch(va, F_PRIMARY, hid, "per_capita_income",
			    hhlist_cell(l, i, l->col[L_PCI]), money_format(buf, d->pci));
		else if (!d->has_pci && (l->row[i].has & LR_PCI))
			mismatch(va, F_PRIMARY, hid, "per_capita_income",
			    hhlist_cell(l, i, l->col[L_PCI]), "");
	}
	for (size_t k = 0; k < va->ndv; k++)
		if (hhlist_lookup(l, va->dv[k].id) < 0 && !changed_input(va, va->dv[k].id))
			say(va, SEV_ERROR, "LEAK_HOUSEHOLD", va->dv[k].id,
			    MSG_AUDIT_LEAK_HOUSEHOLD, "applicants.csv", "primary.csv");
}

/* Compare a list derived in memory (DERIVED, from the list before it) with
 * the one on file (K): decision, reasons, and the columns the stage sets. */
static void
compare_rows(struct village_audit *va, int k, const struct hhlist *derived,
    const char *const *cols, size_t ncols)
{
	const struct hhlist *l = &va->lists[k];

	for (size_t i = 0; i < derived->nrows; i++) {
		const char *hid = hhlist_cell(derived, i, derived->col[L_HOUSEHOLD]);
		long r = hhlist_lookup(l, hid);

		if (r < 0)
			continue;   /* a leak, reported apart */
		for (size_t c = 0; c < ncols; c++) {
			const char *want = hhlist_cell(derived, i, hhlist_find(derived, cols[c]));
			const char *got = hhlist_cell(l, (size_t)r, hhlist_find(l, cols[c]));

			if (strcmp(want, got) != 0) {
				mismatch(va, k, hid, cols[c], got, want);
				break;
			}
		}
	}
}

/* The households of a list re-derived from what a level received
 * (DERIVED) against list K on file: one on file that is not derived, or
 * derived and not on file, is a decision that differs. */
static void
derived_leaks(struct village_audit *va, const struct hhlist *derived, int k)
{
	const struct hhlist *l = &va->lists[k];

	for (size_t i = 0; i < l->nrows; i++) {
		const char *hid = hhlist_cell(l, i, l->col[L_HOUSEHOLD]);

		if (hhlist_lookup(derived, hid) < 0 && !changed_input(va, hid))
			say(va, SEV_ERROR, "DECISION_MISMATCH", hid,
			    MSG_AUDIT_FILED_UNLISTED, stage_files[k]);
	}
	for (size_t i = 0; i < derived->nrows; i++) {
		const char *hid = hhlist_cell(derived, i, derived->col[L_HOUSEHOLD]);

		if (hhlist_lookup(l, hid) < 0 && !changed_input(va, hid))
			say(va, SEV_ERROR, "DECISION_MISMATCH", hid,
			    MSG_AUDIT_FILED_MISSING, stage_files[k]);
	}
}

/* Copy list SRC into DST (the same rows and cells), to re-decide it. */
static void
copy_list(struct hhlist *dst, const struct hhlist *src)
{
	hhlist_init(dst, src->file);
	for (size_t c = 0; c < src->ncols; c++)
		(void)hhlist_column(dst, src->names[c], src->field[c]);
	for (size_t r = 0; r < src->nrows; r++) {
		size_t n = hhlist_add(dst, hhlist_cell(src, r, src->col[L_HOUSEHOLD]),
		    src->row[r].line);

		for (size_t c = 0; c < src->ncols; c++)
			hhlist_set_str(dst, n, hhlist_find(dst, src->names[c]),
			    hhlist_cell(src, r, (int)c));
		dst->row[n] = src->row[r];
	}
}

static void
audit_appraisal(struct village_audit *va)
{
	static const char *const cols[] = { "decision", "reasons", "votes_for",
		"votes_against", "votes_abstain", "rank" };
	const struct hhlist *p = &va->lists[F_PRIMARY];
	struct hhlist d;
	struct vote *votes = xcalloc(p->nrows + 1, sizeof *votes);
	struct appraisal *out = xcalloc(p->nrows + 1, sizeof *out);
	struct appraisal_summary sum;
	struct strbuf err = { 0 };
	char *vp = in_dir(va, "votes.csv"), sha[DIGEST_HEX];
	struct votefile_options vo = { vp, ENC_AUTO, va->aliases, va->v.representatives };
	long long people = 0;

	memset(&d, 0, sizeof d);
	if (!regular(va, vp, "votes.csv"))
		goto out;
	if (votefile_read(&vo, p, votes, NULL, NULL, sha, &err) != 0 ||
	    appraisal_decide(va->r, &va->v, p, votes, out, &sum, &err) != 0) {
		cannot_read(va, "BAD_VALUE", &err);
		goto out;
	}
	audit_input(va, vp, sha);
	if (sum.blocked)
		say(va, SEV_ERROR, "QUORUM", "", MSG_AUDIT_QUORUM, sum.present, sum.needed);
	/* what the stage would have written */
	copy_list(&d, p);
	appraisal_write(&d, votes, out);
	compare_rows(va, F_APPRAISED, &d, cols, sizeof cols / sizeof cols[0]);
	/* the quota, on the list as filed */
	{
		const struct hhlist *a = &va->lists[F_APPRAISED];

		for (size_t r = 0; r < a->nrows; r++)
			if (a->row[r].decision == DEC_PROPOSED)
				people += a->row[r].members;
		if (people > sum.quota)
			say(va, SEV_ERROR, "OVER_QUOTA", "", MSG_AUDIT_OVER_QUOTA,
			    "appraised.csv", people, sum.quota);
		va->a->admitted += people;
		va->a->quota += sum.quota;
		va->a->quota_villages++;
	}
out:
	hhlist_free(&d);
	free(votes);
	free(out);
	free(vp);
	strbuf_free(&err);
}

/* What the resolution says of an objection: a pending one is a finding. */
struct level_reading {
	struct village_audit *va;
	const struct objectionfile *of;
	enum level level;
};

static void
on_objection(void *ctx, const struct objection *x, enum objection_finding what)
{
	struct level_reading *lr = ctx;

	if (what == OBJ_PENDING)
		say(lr->va, SEV_ERROR, "OBJECTION_PENDING", x->household,
		    MSG_AUDIT_PENDING, path_base(lr->of->file), x->line);
	else if (what == OBJ_OUTSIDE_PERIOD) {
		/* The period as the village has it: in an area the town's
		 * (villages.csv, town.yaml) and the county's, taken at load. */
		const struct period *p = &lr->va->v.publicity[lr->level];
		char r[DATE_BUF], a[DATE_BUF], b[DATE_BUF], word[32];

		level_word(lr->va, lr->level, word);
		say(lr->va, SEV_WARNING, "OBJECTION_OUTSIDE_PERIOD", x->household,
		    MSG_AUDIT_OUTSIDE_PERIOD, path_base(lr->of->file), x->line,
		    date_format(r, x->received), word,
		    date_format(a, p->start), date_format(b, p->end));
	}
}

/* The list level LEV's notice shows and its resolution is made from:
 * appraised.csv for the village, else the list of the last level before
 * it that posts. */
static int
level_from(const struct village_audit *va, enum level lev)
{
	int before = rules_level_before(va->r, (int)lev);

	return before < 0 ? F_APPRAISED : F_PUB_VILLAGE + before;
}

/* Whether stage file K belongs to the procedure: a level's list only when
 * the level posts (every one while the rules are unknown). */
static int
file_expected(const struct village_audit *va, int k)
{
	return k < F_PUB_VILLAGE || k > F_PUB_COUNTY || va->r == NULL ||
	    rules_posts(va->r, (enum level)(k - F_PUB_VILLAGE));
}

/* The list of a level's resolution, and the one it was resolved from. */
static void
audit_level(struct village_audit *va, enum level lev)
{
	static const char *const cols[] = { "decision", "reasons", "objections" };
	int from = level_from(va, lev);
	int to = F_PUB_VILLAGE + (int)lev;
	const struct hhlist *in = &va->lists[from];
	struct hhlist d;

	/* The county resolves the list it received, not the village's copy. */
	if (lev == LEVEL_COUNTY && va->have_received)
		in = &va->received;
	struct objectionfile of;
	struct resolution *out = NULL;
	unsigned char *resurvey = NULL;
	struct resolve_summary sum;
	struct strbuf err = { 0 }, name = { 0 };
	char *op = NULL;
	const struct period *p = &va->v.publicity[lev];

	memset(&d, 0, sizeof d);
	memset(&of, 0, sizeof of);
	strbuf_printf(&name, "objections-%s.csv", level_code(lev));
	/* In an area the level's own file, the village's rows of it. */
	op = objections_path(va->in_area ? &va->area : NULL, lev, va->dir);
	if (!p->given) {
		strbuf_reset(&name);
		strbuf_printf(&name, "village.yaml publicity.%s", level_code(lev));
		say(va, SEV_ERROR, "MISSING_ITEM", "", MSG_AUDIT_MISSING, strbuf_str(&name));
		goto out;
	}
	if (!regular(va, op, strbuf_str(&name)))
		goto out;
	{
		struct objectionfile_options oo = { op, ENC_AUTO, va->aliases, va->v.year,
			NULL, NULL, NULL };

		if (va->in_area && lev != LEVEL_VILLAGE)
			oo.village = va->code;
		if (objectionfile_read(&of, &oo, NULL, NULL, &err) != 0) {
			cannot_read(va, "MISSING_ITEM", &err);
			goto out;
		}
		if (oo.village != NULL) {
			strbuf_reset(&name);
			strbuf_printf(&name, "%s#%s", op, va->code);
			audit_input(va, strbuf_str(&name), of.village_sha256);
		} else {
			audit_input(va, op, of.sha256);
		}
	}
	out = xcalloc(in->nrows + 1, sizeof *out);
	resurvey = xcalloc(of.n + 1, 1);
	{
		struct level_reading lr = { va, &of, lev };

		objections_resolve(lev, p, va->r->publicity_days[lev], in, of.o, of.n,
		    out, resurvey, &sum, on_objection, &lr);
	}
	if (sum.period_short) {
		char word[32];

		level_word(va, lev, word);
		say(va, SEV_ERROR, "PERIOD_SHORT", "", MSG_AUDIT_PERIOD_SHORT,
		    word, sum.period_days, sum.min_days);
	}
	copy_list(&d, in);
	objections_write(&d, out);
	compare_rows(va, to, &d, cols, sizeof cols / sizeof cols[0]);
	leaks(va, from, to);
	if (lev == LEVEL_COUNTY && va->have_received) {
		derived_leaks(va, &d, to);
		va->county = d;          /* the registry is re-derived from it */
		va->have_county = 1;
		memset(&d, 0, sizeof d);
	}
	/* The notice posted and the list resolved: made from the same list. */
	{
		struct strbuf notice = { 0 };
		const struct provenance_row *nr, *pr;

		strbuf_printf(&notice, "notice-%s.html", level_code(lev));
		nr = provenance_find(&va->prov, strbuf_str(&notice));
		pr = provenance_find(&va->prov, stage_files[to]);
		if (nr != NULL && pr != NULL) {
			const char *a = NULL, *b = NULL;

			for (size_t i = 0; i < nr->ninputs; i++)
				if (strcmp(nr->inputs[i].name, stage_files[from]) == 0)
					a = nr->inputs[i].sha256;
			for (size_t i = 0; i < pr->ninputs; i++)
				if (strcmp(pr->inputs[i].name, stage_files[from]) == 0)
					b = pr->inputs[i].sha256;
			if (a != NULL && b != NULL && strcmp(a, b) != 0) {
				char sa[16], sb[16];

				snprintf(sa, sizeof sa, "%.12s", a);
				snprintf(sb, sizeof sb, "%.12s", b);
				say(va, SEV_ERROR, "NOTICE_MISMATCH", "", MSG_AUDIT_NOTICE,
				    level_code(lev), sa, sb);
			}
		}
		strbuf_free(&notice);
	}
out:
	hhlist_free(&d);
	objectionfile_free(&of);
	free(out);
	free(resurvey);
	free(op);
	strbuf_free(&err);
	strbuf_free(&name);
}

/* The list NAME of the village's latest receipt in ledger LG that holds
 * it into OUT: 1, or 0 when there is none or it cannot be read (a
 * finding). */
static int
read_ledger_list(struct village_audit *va, const struct ledger *lg,
    const char *name, struct hhlist *out)
{
	const struct ledger_row *row = ledger_latest_file(lg, va->code, name);
	struct strbuf err = { 0 };
	int ok = 0;

	if (row != NULL) {
		struct list_reading lr = { va, row->file };
		struct list_options lo = { NULL, ENC_AUTO, va->aliases, va->r, va->lang };
		char *p = path_join(lg->dir, row->file);

		lo.path = p;
		if (hhlist_read(out, &lo, on_list_problem, &lr, &err) != 0) {
			cannot_read(va, "BAD_VALUE", &err);
			hhlist_free(out);
		} else {
			ok = 1;
			audit_input(va, p, out->sha256);
		}
		free(p);
	}
	strbuf_free(&err);
	return ok;
}

/* In the county's own audit, the list the county received of the village
 * (its latest receipt holding publicized-town.csv, or publicized-village.csv
 * when the procedure has no town posting): publicized-county.csv is
 * re-derived from it (SPEC §8 "What the audit covers in an area"). */
static void
read_received(struct village_audit *va)
{
	struct auditor *a = va->a;
	struct strbuf name = { 0 };
	int before;

	/* while the county reopens the village, the list it received
	 * before is what the reopen replaces: the county's list and the
	 * registry are judged from the list received again, at the audit
	 * after that receipt */
	if (!(va->in_area && a->in_area && a->area.is_county &&
	    a->area.have_county && a->county_ledger_err == NULL) ||
	    va->county_reopening || !rules_posts(va->r, LEVEL_COUNTY) ||
	    (before = rules_level_before(va->r, LEVEL_COUNTY)) < 0)
		return;
	strbuf_printf(&name, "publicized-%s.csv", level_code((enum level)before));
	va->have_received = read_ledger_list(va, &a->county_ledger,
	    strbuf_str(&name), &va->received);
	strbuf_free(&name);
}

/* --- the notices posted ------------------------------------------------ */

static void
on_notice(void *ctx, const char *household, const char *detail)
{
	struct village_audit *va = ctx;

	finding(va->a, SEV_ERROR, "NOTICE_MISMATCH", va->code, household, detail);
}

/* A difference between the village's own notice and its list: not
 * reported when an input of the list changed after a level received it
 * (CHANGED_AFTER_RECEIPT names the cause; the posted notice is not wrong,
 * the list made again differs because of it, in the household changed or
 * in others: one removed moves another into the quota), nor while a level
 * reopens the village (REPOST_MISSING says to post it again). */
static void
on_own_notice(void *ctx, const char *household, const char *detail)
{
	struct village_audit *va = ctx;

	if (va->all_changed || va->changed.count > 0 || va->reopening)
		return;
	on_notice(ctx, household, detail);
}

/* Each notice-LEVEL.html against the list it shows, and against the
 * fingerprint the town recorded from the posted paper (villages.csv's
 * posted_village, posted_town). */
static void
audit_notices(struct village_audit *va)
{
	struct auditor *a = va->a;
	static const char *const posted_column[NLEVELS] = { "posted_village",
		"posted_town", NULL };

	for (int lev = 0; lev < NLEVELS; lev++) {
		int from = level_from(va, (enum level)lev);
		struct notice_check c;
		struct strbuf name = { 0 }, err = { 0 };
		char *path;

		strbuf_printf(&name, "notice-%s.html", level_code((enum level)lev));
		path = in_dir(va, strbuf_str(&name));
		memset(&c, 0, sizeof c);
		c.path = path;
		c.name = strbuf_str(&name);
		c.list = &va->lists[from];
		c.list_name = stage_files[from];
		c.level = (enum level)lev;
		c.lang = va->lang;
		if (va->in_area && va->area.village != NULL && posted_column[lev]) {
			c.posted = lev == LEVEL_VILLAGE ? va->area.village->posted_village :
			    va->area.village->posted_town;
			c.posted_column = posted_column[lev];
		}
		if (lev == LEVEL_COUNTY && va->in_area && a->in_area &&
		    a->area.is_county && a->area.have_county &&
		    a->county_ledger_err == NULL) {
			c.check_receipt = 1;
			c.receipts = ledger_notice_rows(&a->county_ledger, va->code,
			    c.list_name, &c.nreceipts);
		}
		if (rules_posts(va->r, (enum level)lev) && va->have_list[from] &&
		    access(path, F_OK) == 0 && regular(va, path, c.name)) {
			char sha[DIGEST_HEX];

			/* read: an edit makes the audit run again */
			if (notice_check(&c, on_own_notice, va, sha, &err) != 0)
				cannot_read(va, "NOTICE_MISMATCH", &err);
			else
				audit_input(va, path, sha);
			/* the town's or county's audit: nothing but the
			 * fingerprint read off the paper ties the list it
			 * receives to the one posted (a list made again and
			 * its notice with it, before the receipt, is not seen
			 * otherwise) */
			if (a->in_area && c.posted_column != NULL &&
			    (c.posted == NULL || *c.posted == '\0'))
				say(va, SEV_WARNING, "POSTED_UNCONFIRMED", "",
				    MSG_AUDIT_POSTED_NONE, c.posted_column, c.name);
		}
		free(path);
		free(c.receipts);
		strbuf_free(&name);
		strbuf_free(&err);
	}
}

/* The village's part of each notice of the town or county whose audit
 * this is (SPEC §8 "What the audit covers in an area": notices), checked
 * by the same code as its own notice, against the list the notice shows
 * of it (area_notice_source()): the level's latest receipt of it, none
 * when the level has not received it, the village's own list before the
 * level's first audit. Unless CHECKED (the village's files could not be
 * read) its parts are only taken as its. */
static void
audit_area_notices(struct village_audit *va, int checked)
{
	struct auditor *a = va->a;
	enum level lev = a->area.is_county ? LEVEL_COUNTY : LEVEL_TOWN;
	struct notice_check c;
	int from;

	if (a->nareanotices == 0)
		return;
	if (checked && !(va->in_area && va->r != NULL && rules_posts(va->r, lev)))
		checked = 0;
	from = checked ? level_from(va, lev) : 0;
	if (checked && !va->have_list[from] && va->present[from])
		checked = 0;             /* there, but it could not be read */
	memset(&c, 0, sizeof c);
	if (checked) {
		c.list_name = stage_files[from];
		c.level = lev;
		c.lang = va->lang;
		const struct ledger *lg = lev == LEVEL_COUNTY ?
		    (a->area.have_county && a->county_ledger_err == NULL ?
		    &a->county_ledger : NULL) :
		    (va->town >= 0 && a->town_ledger_err[va->town] == NULL ?
		    &a->town_ledgers[va->town] : NULL);
		int own;

		if (area_notice_source(lg, va->code, stage_files[from], &own) == NULL) {
			c.not_received = !own;
			if (va->have_list[from])
				c.list = &va->lists[from];
		} else if (lev == LEVEL_COUNTY && va->have_received)
			c.list = &va->received;
		else if ((va->have_shown = read_ledger_list(va, lg,
		    stage_files[from], &va->shown)))
			c.list = &va->shown;
		if (lev == LEVEL_COUNTY && a->area.have_county &&
		    a->county_ledger_err == NULL) {
			c.check_receipt = 1;
			c.receipts = ledger_notice_rows(&a->county_ledger, va->code,
			    c.list_name, &c.nreceipts);
		}
	}
	for (size_t k = 0; k < a->nareanotices; k++) {
		struct area_notice_page *ap = a->area_notices[k];
		const struct period *p = &va->v.publicity[lev];

		if (!checked) {
			area_notice_page_unchecked(ap, va->code);
			continue;
		}
		c.name = area_notice_page_name(ap);
		area_notice_page_village(ap, &c, va->code, p->given ? p->start : 0,
		    p->given ? p->end : 0, on_notice, va);
	}
	free(c.receipts);
}

/* The level's own notices in its folder DIR, read once: one that cannot
 * be read is NOTICE_MISMATCH. */
static void
load_area_notices(struct auditor *a, const char *dir)
{
	enum level lev = a->area.is_county ? LEVEL_COUNTY : LEVEL_TOWN;
	size_t n;
	char **names = area_notice_files(dir, lev, &n);

	a->area_notices = xcalloc(n + 1, sizeof *a->area_notices);
	for (size_t i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]), sha[DIGEST_HEX], msg[1024];
		struct strbuf err = { 0 }, b = { 0 };
		struct area_notice_page *ap = NULL;
		long start, end;

		(void)area_notice_period(names[i], lev, &start, &end);
		if (infile_regular(path, msg, sizeof msg) == INFILE_NOT_REGULAR) {
			wording(&b, LANG_ZH, MSG_AUDIT_NOT_REGULAR, names[i]);
			finding(a, SEV_ERROR, "NOT_REGULAR_FILE", "", "", strbuf_str(&b));
		} else if ((ap = area_notice_page_read(path, lev, start, end, sha,
		    &err)) == NULL) {
			wording(&b, LANG_ZH, MSG_AUDIT_CANNOT_READ, strbuf_str(&err));
			finding(a, SEV_ERROR, "NOTICE_MISMATCH", "", "", strbuf_str(&b));
		} else {
			/* read: an edit makes the audit run again */
			stage_read(&a->st, path, sha);
			a->area_notices[a->nareanotices++] = ap;
		}
		strbuf_free(&err);
		strbuf_free(&b);
		free(path);
	}
	path_entries_free(names, n);
}

static void
on_area_notice(void *ctx, int unused, const char *village, const char *detail)
{
	if (unused)
		finding(ctx, SEV_WARNING, "NOTICE_PERIOD_UNUSED", village, "", detail);
	else
		finding(ctx, SEV_ERROR, "NOTICE_MISMATCH", village, "", detail);
}

/* registry/households.csv: households left unexplained. */
static int
on_registry_header(void *ctx, const struct registryfile *f, const char *maperr,
    struct strbuf *err)
{
	(void)ctx;
	(void)f;
	if (maperr == NULL)
		return 0;
	strbuf_printf(err, "%s\n", maperr);
	return -1;
}

static int
on_registry(void *ctx, const struct registryfile *f, const struct registry_row *r,
    struct strbuf *err)
{
	(void)f;
	(void)err;
	if (r->status == STATUS_UNEXPLAINED)
		say(ctx, SEV_ERROR, "UNEXPLAINED_EXIT", r->cell[RC_HOUSEHOLD],
		    MSG_AUDIT_UNEXPLAINED, "registry/households.csv");
	return 0;
}

static void
audit_registry(struct village_audit *va)
{
	struct registryfile_handler h = { va, on_registry_header, on_registry };
	char *p = in_dir(va, "registry/households.csv"), sha[DIGEST_HEX];
	struct strbuf err = { 0 };

	if (registryfile_read(p, REGISTRY_HOUSEHOLDS, va->aliases, &h, sha,
	    &err) != 0)
		cannot_read(va, "BAD_VALUE", &err);
	strbuf_free(&err);
	free(p);
}

/* The procedure's dates, for the village and for each household. */
static void
audit_dates(struct village_audit *va)
{
	long d[NDATES];
	int late, early;
	char a[DATE_BUF], b[DATE_BUF];

	memset(d, 0, sizeof d);
	d[DATE_APPRAISAL] = va->v.appraisal_date;
	for (int l = 0; l < NLEVELS; l++)
		if (va->v.publicity[l].given && rules_posts(va->r, (enum level)l)) {
			d[DATE_VILLAGE_START + 2 * l] = va->v.publicity[l].start;
			d[DATE_VILLAGE_END + 2 * l] = va->v.publicity[l].end;
		}
	if (checks_date_order(d, &late, &early) == 0) {
		struct strbuf m = { 0 };

		wording(&m, va->lang, MSG_AUDIT_DATE_ORDER,
		    checks_date_names[late], date_format(a, d[late]),
		    checks_date_names[early], date_format(b, d[early]));
		/* a village's period after the town's: its own town period is
		 * a row of villages.csv */
		if (va->in_area && (late == DATE_VILLAGE_START ||
		    late == DATE_VILLAGE_END) && (early == DATE_TOWN_START ||
		    early == DATE_TOWN_END))
			wording(&m, va->lang, MSG_AUDIT_DATE_ORDER_TOWN);
		finding(va->a, SEV_ERROR, "DATE_ORDER", va->code, "", strbuf_str(&m));
		strbuf_free(&m);
		return;
	}
	for (size_t i = 0; i < va->ndv; i++) {
		d[DATE_APPLY] = va->dv[i].apply_date;
		d[DATE_SURVEY] = va->dv[i].survey_date;
		if (checks_date_order(d, &late, &early) == 0)
			say(va, SEV_ERROR, "DATE_ORDER", va->dv[i].id, MSG_AUDIT_DATE_ORDER,
			    checks_date_names[late], date_format(a, d[late]),
			    checks_date_names[early], date_format(b, d[early]));
	}
}

/* N households of the furthest list, drawn from the year and the code. */
static void
draw_sample(struct village_audit *va)
{
	struct auditor *a = va->a;
	const struct hhlist *l = NULL;
	long long n = a->o->sample >= 0 ? a->o->sample :
	    va->r && va->r->audit_sample >= 0 ? va->r->audit_sample : 5;
	uint32_t *order;
	size_t *picked, k;

	for (int f = F_PUB_COUNTY; f >= F_PRIMARY && l == NULL; f--)
		if (va->have_list[f])
			l = &va->lists[f];
	if (l == NULL || n <= 0)
		return;
	order = hhlist_order(l);
	picked = xcalloc((size_t)n + 1, sizeof *picked);
	k = checks_draw(va->v.year, va->code, l->nrows, (size_t)n, picked);
	for (size_t i = 0; i < k; i++) {
		size_t r = order[picked[i]];
		const char *id = hhlist_cell(l, r, l->col[L_HEAD_ID]);
		char masked[ID_MASKED_BUF];
		const char *cells[SAMPLE_COLS];

		cells[0] = va->code;
		cells[1] = hhlist_cell(l, r, l->col[L_HOUSEHOLD]);
		cells[2] = hhlist_cell(l, r, l->col[L_HEAD_NAME]);
		cells[3] = id_mask(masked, id, strlen(id));
		cells[4] = hhlist_cell(l, r, l->col[L_MEMBERS]);
		cells[5] = hhlist_cell(l, r, l->col[L_DECISION]);
		sample_add(&a->sample, cells);
	}
	free(picked);
	free(order);
}

/* In an area the draw comes after the level's receipts (draw_area()):
 * what it needs of village VA is kept until then. */
static void
keep_for_draw(struct village_audit *va)
{
	struct auditor *a = va->a;
	struct sample_village *v;

	a->drawn = xrealloc(a->drawn, (a->ndrawn + 1) * sizeof *a->drawn);
	a->drawn_town = xrealloc(a->drawn_town, (a->ndrawn + 1) * sizeof *a->drawn_town);
	v = &a->drawn[a->ndrawn];
	memset(v, 0, sizeof *v);
	memcpy(v->code, va->code, sizeof v->code - 1);
	v->lang = va->lang;
	v->columns = va->v.columns_path ? xstrdup(va->v.columns_path) : NULL;
	v->previous = va->v.previous ? xstrdup(va->v.previous) : NULL;
	v->year = va->v.year;
	a->drawn_town[a->ndrawn++] = va->town >= 0 ? (size_t)va->town : 0;
}

/* --- changed after receipt ---------------------------------------------- */

/* What a difference is about: the file, the household, a person's ID
 * number masked ("applications.csv H032 371323********6119"). */
static void
subject(struct strbuf *b, const struct received_change *c, enum lang lang)
{
	char masked[ID_MASKED_BUF];

	strbuf_puts(b, c->file);
	if (*c->d->household)
		strbuf_printf(b, " %s", c->d->household);
	else if (c->d->about != NULL && *c->d->about)
		strbuf_printf(b, " %s %s", field_label(field_builtin("about"),
		    "about", lang), c->d->about);
	if (*c->d->id)
		strbuf_printf(b, " %s", id_mask(masked, c->d->id, strlen(c->d->id)));
}

/* The old or new value V of a change in column COLUMN as a finding shows
 * it: a confidential column's (phone, bank account, health detail, one
 * the rules declare confidential) is not shown in a file for people. */
static const char *
shown(const struct village_audit *va, const char *column, const char *v)
{
	const struct field *f = va->r != NULL ? rules_field(va->r, column) :
	    field_builtin(column);

	if (*v == '\0')
		return "-";
	if (f != NULL && f->confidential)
		return wording_words(va->lang, MSG_CONFIDENTIAL);
	return v;
}

static void
on_received(void *ctx, const struct received_change *c)
{
	struct village_audit *va = ctx;
	const struct tablediff *d = c->d;
	struct strbuf who = { 0 };
	char level[32];
	int inserted;

	level_word(va, c->level, level);
	subject(&who, c, va->lang);
	if (d->added)
		say(va, SEV_ERROR, "CHANGED_AFTER_RECEIPT", d->household,
		    MSG_AUDIT_CHANGED_ADDED, strbuf_str(&who), level);
	else if (d->removed)
		say(va, SEV_ERROR, "CHANGED_AFTER_RECEIPT", d->household,
		    MSG_AUDIT_CHANGED_REMOVED, strbuf_str(&who), level);
	else
		say(va, SEV_ERROR, "CHANGED_AFTER_RECEIPT", d->household,
		    MSG_AUDIT_CHANGED, strbuf_str(&who), d->column,
		    shown(va, d->column, d->old), shown(va, d->column, d->new),
		    level);
	if (c->input && *d->household)
		(void)hhnumber_put(&va->changed, d->household, strlen(d->household),
		    0, &inserted);
	else if (c->input && strcmp(c->file, "village.yaml") == 0)
		va->all_changed = 1;
	strbuf_free(&who);
}

/* The village's files against its latest receipt at the town and at the
 * county (SPEC §8 "Changed after receipt"): each difference an error.
 * The inputs first: when one changed, it is named, and the lists made
 * from it are neither compared with their receipts (they differ because
 * it did) nor blamed by the re-derivation for its households; when none
 * changed, a list that differs from its receipt is named. */
/* The open row ROW of level LEV's reopen.csv (SPEC §8 "Reopening"): the
 * list posted again at the level below, or REPOST_MISSING. A row whose
 * repost is done makes the audit's own level's receipt due. */
static void
reopen_check(struct village_audit *va, enum level lev,
    const struct reopen_row *row, const char *path)
{
	struct auditor *a = va->a;
	const struct area_village *listed = va->area.village;
	struct strbuf why = { 0 };
	char *list, word[32], d[DATE_BUF];
	long start;
	const char *posted;

	if (row == NULL || listed == NULL)
		return;
	list = in_dir(va, receipt_reopen_list(lev, va->r == NULL ||
	    rules_posts(va->r, LEVEL_VILLAGE)));
	if (lev == LEVEL_TOWN) {
		start = va->v.publicity[LEVEL_VILLAGE].given ?
		    va->v.publicity[LEVEL_VILLAGE].start : 0;
		posted = listed->posted_village;
	} else {
		start = area_level_period(&va->area, LEVEL_TOWN)->start;
		posted = listed->posted_town;
	}
	if (receipt_reopen_ready(row, lev - 1, start, posted, list, va->lang,
	    &why)) {
		if (lev == (a->area.is_county ? LEVEL_COUNTY : LEVEL_TOWN))
			a->reopen_ready[va->nth] = row;
	} else {
		level_word(va, lev, word);
		say(va, SEV_ERROR, "REPOST_MISSING", "", MSG_AUDIT_REPOST_MISSING,
		    word, path, row->line, date_format(d, row->date),
		    strbuf_str(&why));
	}
	free(list);
	strbuf_free(&why);
}

/* The rules the village's lists are made with now against those its
 * latest receipt in ledger LG was made with (the received PROVENANCE.csv,
 * primary.csv's row: the rules file and the files it includes): a rules
 * file changed after the receipt is a CHANGED_AFTER_RECEIPT naming it.
 * The lists, made again with it, differ from their receipts because of
 * it and are not compared with them; they are still derived again under
 * the rules as they are (a hand edit is DECISION_MISMATCH). Returns 1
 * when it changed. */
static int
rules_received(struct village_audit *va, const struct ledger *lg,
    enum level lev)
{
	const struct ledger_row *r = ledger_latest_file(lg, va->code,
	    "PROVENANCE.csv");
	const struct provenance_row *then, *now;
	struct provenance_rows rows;
	const char *changed = NULL;
	char *copy, *dir, err[512], level[32];

	if (r == NULL || !va->have_prov ||
	    (now = provenance_find(&va->prov, "primary.csv")) == NULL)
		return 0;
	copy = path_join(lg->dir, r->file);
	dir = path_dir(copy);
	if (provenance_read(dir, &rows, err, sizeof err) == 0 &&
	    (then = provenance_find(&rows, "primary.csv")) != NULL) {
		if (strcmp(then->rules, now->rules) != 0 ||
		    strcmp(then->rules_sha256, now->rules_sha256) != 0)
			changed = now->rules;
		for (size_t i = 0; changed == NULL && i < then->ninputs; i++) {
			const struct provenance_input *in = &then->inputs[i];
			size_t n = strlen(in->name);
			int same = 0;

			if (n < 5 || strcmp(in->name + n - 5, ".yaml") != 0 ||
			    strcmp(path_base(in->name), "village.yaml") == 0)
				continue;
			for (size_t k = 0; k < now->ninputs; k++)
				if (strcmp(now->inputs[k].name, in->name) == 0) {
					same = strcmp(now->inputs[k].sha256,
					    in->sha256) == 0;
					break;
				}
			if (!same)
				changed = in->name;
		}
		if (changed != NULL) {
			level_word(va, lev, level);
			say(va, SEV_ERROR, "CHANGED_AFTER_RECEIPT", "",
			    MSG_AUDIT_RULES_CHANGED, changed, level);
		}
	}
	provenance_rows_free(&rows);
	free(dir);
	free(copy);
	return changed != NULL;
}

static void
audit_received(struct village_audit *va)
{
	struct auditor *a = va->a;
	struct received_village rv = { va->code, va->dir, &va->area, va->aliases,
		va->r, va->v.year };
	struct strbuf err = { 0 };
	const struct reopen_row *town_open = NULL, *county_open = NULL;
	long n = 0, rules = 0;

	/* while a level's reopen row is open, the village's differences
	 * against that level's receipt are what the reopen is for */
	if (a->town_ledger_err[va->town] == NULL)
		town_open = receipt_reopen_open(&a->town_ledgers[va->town],
		    &a->town_reopen[va->town], va->code);
	if (a->area.have_county && a->county_ledger_err == NULL)
		county_open = receipt_reopen_open(&a->county_ledger,
		    &a->county_reopen, va->code);
	va->county_reopening = county_open != NULL;
	va->reopening = town_open != NULL || county_open != NULL;
	/* the rules, like an input: the lists are compared only when
	 * neither they nor an input changed */
	if (a->town_ledger_err[va->town] == NULL && town_open == NULL)
		rules += rules_received(va, &a->town_ledgers[va->town], LEVEL_TOWN);
	if (a->area.have_county && a->county_ledger_err == NULL &&
	    county_open == NULL)
		rules += rules_received(va, &a->county_ledger, LEVEL_COUNTY);
	for (int part = RECEIVED_INPUTS; part <= RECEIVED_LISTS &&
	    (part == RECEIVED_INPUTS || n + rules == 0); part++) {
		if (a->town_ledger_err[va->town] == NULL && town_open == NULL)
			n += received_compare(&rv, &a->town_ledgers[va->town],
			    LEVEL_TOWN, (enum received_part)part, on_received, va, &err);
		if (a->area.have_county && a->county_ledger_err == NULL &&
		    county_open == NULL)
			n += received_compare(&rv, &a->county_ledger, LEVEL_COUNTY,
			    (enum received_part)part, on_received, va, &err);
	}
	/* a level's repost is checked at its own audit and above: the
	 * county's waits for the town's receipt, which the town audit takes */
	reopen_check(va, LEVEL_TOWN, town_open, a->town_reopen[va->town].path);
	if (a->area.is_county && town_open != NULL)
		a->town_reopening[va->nth] = 1;
	if (a->area.is_county)
		reopen_check(va, LEVEL_COUNTY, county_open, a->county_reopen.path);
	if (err.len > 0)
		cannot_read(va, "BAD_VALUE", &err);
	strbuf_free(&err);
}

/* Last year's registry against year Y's county receipt of it (SPEC §8
 * "Across years"). */
static void
on_previous(void *ctx, const struct received_change *c)
{
	struct village_audit *va = ctx;
	const struct tablediff *d = c->d;
	struct strbuf who = { 0 };

	subject(&who, c, va->lang);
	if (d->added)
		say(va, SEV_ERROR, "PREVIOUS_CHANGED", d->household,
		    MSG_AUDIT_PREVIOUS_ADDED, strbuf_str(&who));
	else if (d->removed)
		say(va, SEV_ERROR, "PREVIOUS_CHANGED", d->household,
		    MSG_AUDIT_PREVIOUS_REMOVED, strbuf_str(&who));
	else
		say(va, SEV_ERROR, "PREVIOUS_CHANGED", d->household,
		    MSG_AUDIT_PREVIOUS_CHANGED, strbuf_str(&who), d->column,
		    shown(va, d->column, d->old), shown(va, d->column, d->new));
	strbuf_free(&who);
}

static void
audit_previous(struct village_audit *va)
{
	const char *reg = va->v.previous;
	const char *code = va->area.village != NULL &&
	    va->area.village->previous_code[0] != '\0' ?
	    va->area.village->previous_code : va->code;
	struct strbuf err = { 0 };
	long n;
	char *dir, *rreg, *rdir;

	if (reg == NULL || !path_is_dir(reg))
		return;
	dir = received_previous_county(reg, code);
	/* named as the village's folder sees them */
	rreg = path_relative(va->dir, reg);
	rdir = path_relative(va->dir, dir);
	switch (received_previous(reg, code, va->aliases, on_previous, va, &n,
	    &err)) {
	case PREVIOUS_NO_LEDGER:
		say(va, SEV_WARNING, "PREVIOUS_UNRECEIVED", "",
		    MSG_AUDIT_PREVIOUS_NO_LEDGER, rreg, rdir);
		break;
	case PREVIOUS_NOT_RECEIVED:
		if (err.len == 0) {
			char *ledger = path_join(rdir, "LEDGER.csv");

			say(va, SEV_ERROR, "PREVIOUS_UNRECEIVED", "",
			    MSG_AUDIT_PREVIOUS_UNRECEIVED, rreg, ledger);
			free(ledger);
		}
		break;
	case PREVIOUS_RECEIVED:
		break;
	case PREVIOUS_BROKEN:
		cannot_read(va, "PREVIOUS_CHANGED", &err);
		strbuf_reset(&err);
		break;
	}
	if (err.len > 0)
		cannot_read(va, "BAD_VALUE", &err);
	strbuf_free(&err);
	free(dir);
	free(rreg);
	free(rdir);
}

/* --- the registry re-derived ------------------------------------------- */

/* A file of the registry being compared. */
struct filed_file {
	struct village_audit *va;
	const char *name;            /* "registry/households.csv" */
};

/* A difference between the registry re-derived and the one filed. */
static void
on_filed(void *ctx, const struct tablediff *d)
{
	const struct filed_file *ff = ctx;
	struct village_audit *va = ff->va;
	struct received_change c = { LEVEL_COUNTY, ff->name, 0, d };
	struct strbuf who = { 0 };

	if (changed_input(va, d->household))
		return;
	subject(&who, &c, va->lang);
	if (d->added)
		say(va, SEV_ERROR, "DECISION_MISMATCH", d->household,
		    MSG_AUDIT_FILED_UNLISTED, strbuf_str(&who));
	else if (d->removed)
		say(va, SEV_ERROR, "DECISION_MISMATCH", d->household,
		    MSG_AUDIT_FILED_MISSING, strbuf_str(&who));
	else {
		/* the file, and a person's masked ID */
		strbuf_reset(&who);
		c.d = &(struct tablediff){ "", d->id, "", "", "", 0, 0, "" };
		subject(&who, &c, va->lang);
		say(va, SEV_ERROR, "DECISION_MISMATCH", d->household,
		    MSG_AUDIT_MISMATCH, strbuf_str(&who), d->column,
		    shown(va, d->column, d->new), shown(va, d->column, d->old));
	}
	strbuf_free(&who);
}

/* Last year's registry as the county received it, read into P: the copy
 * of the latest registry receipt in year Y's county ledger, or the
 * registry as it is when that county keeps no ledger. Returns 1 when there
 * is none to read (the village's first registry), 0 when read, -1 when
 * it cannot be had (PREVIOUS_UNRECEIVED or a finding already says why). */
static int
received_last_year(struct village_audit *va, struct previous_registry *p)
{
	const char *reg = va->v.previous;
	const char *code = va->area.village != NULL &&
	    va->area.village->previous_code[0] != '\0' ?
	    va->area.village->previous_code : va->code;
	struct previous_expect x = { code, va->v.year, va->dir, va->aliases };
	enum previous_receipt how;
	struct strbuf err = { 0 };
	char *dir;
	int rc = -1;

	if (reg == NULL)
		return 1;
	if (!path_is_dir(reg))
		return -1;
	dir = received_previous_copy(reg, code, &how, &err);
	if (how == PREVIOUS_NO_LEDGER)
		dir = xstrdup(reg);
	if (dir != NULL && previous_read(p, dir, &x, &err) == 0)
		rc = 0;
	else if (err.len > 0)
		cannot_read(va, "BAD_VALUE", &err);
	free(dir);
	strbuf_free(&err);
	return rc;
}

/* Write the registry F into the folder DIR. Returns 0, or -1 with ERR. */
static int
write_filing(struct filing *f, const char *dir, char *err, size_t errlen)
{
	void (*const write[REGISTRY_NFILES])(struct filing *, struct outfile *) = {
		filing_write_households, filing_write_members, filing_write_history };
	int rc = 0;

	for (int i = 0; i < REGISTRY_NFILES && rc == 0; i++) {
		char *path = path_join(dir, registry_file_names[i]);
		struct outfile *out = outfile_open(path, OUTFILE_PRIVATE, err, errlen);

		if (out == NULL) {
			rc = -1;
		} else {
			write[i](f, out);
			if (outfile_finish(out, NULL, err, errlen) != 0) {
				outfile_abort(out);
				rc = -1;
			} else {
				rc = outfile_commit(out, err, errlen);
			}
		}
		free(path);
	}
	return rc;
}

/* The registry (SPEC §8): re-derived, with the code tpa-file decides it
 * with, from publicized-county.csv as re-derived from the list the county
 * received, primary.csv and applicants.csv as tpa-file reads them, and
 * last year's registry as the county received it; each of its files
 * against the one filed. A household filed that the re-derivation does
 * not hold, one it holds that is not filed, or a cell that differs is
 * DECISION_MISMATCH naming the household and the file. */
static void
audit_filing(struct village_audit *va)
{
	struct previous_registry prev;
	struct filing f;
	struct strbuf err = { 0 };
	char *app = in_dir(va, "applicants.csv"), *tmp = NULL, sha[DIGEST_HEX];
	char msg[1024];
	const char *base = NULL;
	int rc;

	memset(&prev, 0, sizeof prev);
	filing_init(&f, va->r, va->code, va->v.year, &va->lists[F_PRIMARY],
	    &va->county);
	if ((rc = received_last_year(va, &prev)) < 0)
		goto out;
	if (rc == 0)
		filing_previous(&f, &prev);
	filing_confirmed(&f);
	{
		struct people_options po = { app, ENC_AUTO, va->aliases, va->r,
			va->v.year, va->lang, NULL };
		struct people_handler ph = filing_people(&f);

		if (people_read(&po, &ph, sha, &err) != 0) {
			cannot_read(va, "BAD_VALUE", &err);
			goto out;
		}
	}
	filing_finish(&f);
	/* a private folder: those of audits killed in this step go first */
	tmp = xmalloc(PATH_MAX);
	if (path_temp_dir("tpa-audit", tmp, PATH_MAX, &base) != 0) {
		say(va, SEV_ERROR, "BAD_VALUE", "", MSG_AUDIT_CANNOT_READ, base);
		free(tmp);
		tmp = NULL;
		goto out;
	}
	if (write_filing(&f, tmp, msg, sizeof msg) != 0) {
		say(va, SEV_ERROR, "BAD_VALUE", "", MSG_AUDIT_CANNOT_READ, msg);
		goto out;
	}
	for (int i = 0; i < REGISTRY_NFILES; i++) {
		char name[64], *derived = path_join(tmp, registry_file_names[i]), *filed;
		struct tablediff_options o = { name, va->aliases, va->r, va->v.year,
			NULL };
		struct filed_file ctx = { va, name };

		snprintf(name, sizeof name, "registry/%s", registry_file_names[i]);
		filed = in_dir(va, name);

		if (path_exists(filed)) {
			/* read: an edit makes the audit run again */
			if (digest_file(filed, sha) == 0)
				audit_input(va, filed, sha);
			(void)tablediff_files(&o, derived, filed, on_filed, &ctx, &err);
		} else if (i == REGISTRY_HISTORY) {
			(void)tablediff_files(&o, derived, NULL, on_filed, &ctx, &err);
		}
		if (err.len > 0)
			cannot_read(va, "BAD_VALUE", &err);
		strbuf_reset(&err);
		free(derived);
		free(filed);
	}
out:
	if (tmp != NULL) {
		for (int i = 0; i < REGISTRY_NFILES; i++) {
			char *p = path_join(tmp, registry_file_names[i]);

			(void)unlink(p);
			free(p);
		}
		(void)rmdir(tmp);
		free(tmp);
	}
	filing_free(&f);
	previous_free(&prev);
	free(app);
	strbuf_free(&err);
}

static void
village_free_audit(struct village_audit *va)
{
	if (va->have_v)
		village_free(&va->v);
	if (va->have_rules)
		rules_free(&va->rules);
	if (va->in_area && !va->area_shared)
		area_free(&va->area);
	aliases_free(va->aliases);
	provenance_rows_free(&va->prov);
	for (size_t i = 0; i < va->ndv; i++) {
		free(va->dv[i].id);
		free(va->dv[i].reasons);
	}
	free(va->dv);
	strmap_free(&va->dindex);
	strmap_free(&va->changed);
	for (int k = 0; k < NFILES; k++)
		hhlist_free(&va->lists[k]);
	hhlist_free(&va->received);
	hhlist_free(&va->shown);
	hhlist_free(&va->county);
}

/* A village in an area (its area loaded with it, whose periods it
 * took): the town's and county's objections files are theirs, never the
 * village folder's (OWNER_FILE_IN_VILLAGE); the town and county levels
 * are re-derived from the owners' files. */
static void
audit_area(struct village_audit *va)
{
	for (int lev = LEVEL_TOWN; lev <= LEVEL_COUNTY; lev++) {
		char name[64], *owner;

		snprintf(name, sizeof name, "objections-%s.csv", level_code(lev));
		if (exists(va, name)) {
			owner = area_objections_path(&va->area, (enum level)lev);
			say(va, SEV_ERROR, "OWNER_FILE_IN_VILLAGE", "",
			    MSG_AUDIT_OWNER_FILE, name, owner);
			free(owner);
		}
	}
}

static int
same_dir(const char *x, const char *y)
{
	char *rx, *ry;
	int same;

	if (strcmp(x, y) == 0)
		return 1;
	rx = realpath(x, NULL);
	ry = realpath(y, NULL);
	same = rx != NULL && ry != NULL && strcmp(rx, ry) == 0;
	free(rx);
	free(ry);
	return same;
}

/* The county.yaml of folder COUNTY (as area_load() is given it), loaded
 * once, or NULL when it is not there or cannot be loaded. */
static const struct area_county *
county_once(struct auditor *a, const char *county)
{
	struct loaded_county lc;
	char *file, err[2048];
	int ok = 1;

	for (size_t k = 0; k < a->ncounties; k++)
		if (strcmp(a->counties[k].dir, county) == 0)
			return &a->counties[k].county;
	memset(&lc, 0, sizeof lc);
	file = path_join(county, "county.yaml");
	if (a->in_area && a->area.have_county &&
	    strcmp(a->area.county.path, file) == 0)
		lc.county = a->area.county;
	else if (area_county_load(&lc.county, county, err, sizeof err) == 0)
		lc.own = 1;
	else
		ok = 0;
	free(file);
	if (!ok)
		return NULL;
	lc.dir = xstrdup(county);
	a->counties = xrealloc(a->counties, (a->ncounties + 1) * sizeof *a->counties);
	a->counties[a->ncounties] = lc;
	return &a->counties[a->ncounties++].county;
}

/* What area_load() of village CODE's folders TOWN and COUNTY loads, into
 * L (its village not looked up): the county loaded once, the town the
 * audit's area's when it is the same file loaded with the same county.
 * Returns 0, or -1 when area_load() would fail (L empty). */
static int
load_area_once(struct auditor *a, const char *code, const char *town,
    const char *county, struct loaded_area *l)
{
	const struct area_county *c;
	char *file, err[2048];
	size_t k;
	int rc = -1;

	memset(l, 0, sizeof *l);
	file = path_join(county, "county.yaml");
	if (!path_is_file(file)) {
		free(file);
		return -1;
	}
	free(file);
	file = path_join(town, "town.yaml");
	if (!path_is_file(file) || (c = county_once(a, county)) == NULL ||
	    strncmp(c->code, code, 6) != 0)
		goto out;
	l->area.county = *c;
	for (k = 0; a->in_area && a->area.have_county && k < a->area.ntowns; k++)
		if (strcmp(a->area.towns[k].path, file) == 0 &&
		    same_dir(a->area.county.dir, c->dir)) {
			l->area.town = a->area.towns[k];
			break;
		}
	if (!a->in_area || !a->area.have_county || k == a->area.ntowns) {
		if (area_town_load(&l->area.town, town, c, c->columns_path, ENC_AUTO,
		    err, sizeof err) != 0)
			goto out;
		l->own_town = 1;
	}
	if (strncmp(l->area.town.code, code, 9) != 0) {
		if (l->own_town)
			area_town_free(&l->area.town);
		goto out;
	}
	l->town = xstrdup(town);
	l->county = xstrdup(county);
	rc = 0;
out:
	free(file);
	if (rc != 0)
		memset(l, 0, sizeof *l);
	return rc;
}

/* village_area_apply() of VA's village, its area loaded once for all the
 * villages whose town and county folders are its: an area that cannot be
 * loaded is left to village_area_apply() (its message, each time). */
static int
apply_area(struct auditor *a, struct village_audit *va, char *err,
    size_t errlen)
{
	struct loaded_area *la = NULL;
	char *town, *county;
	int rc;

	memset(&va->area, 0, sizeof va->area);
	{
		char *parent = path_dir(va->v.dir);

		if (a->in_area_parent == NULL ||
		    strcmp(a->in_area_parent, parent) != 0) {
			free(a->in_area_parent);
			a->in_area_parent = parent;
			a->parent_in_area = village_area_wanted(&va->v, NULL, NULL);
		} else {
			free(parent);
		}
	}
	if (!a->parent_in_area)
		return 0;
	area_dirs(va->v.dir, va->v.code, NULL, NULL, &town, &county);
	for (size_t k = 0; k < a->nareas && la == NULL; k++)
		if (strcmp(a->areas[k].town, town) == 0 &&
		    strcmp(a->areas[k].county, county) == 0)
			la = &a->areas[k];
	if (la == NULL) {
		struct loaded_area l;

		if (load_area_once(a, va->v.code, town, county, &l) == 0) {
			a->areas = xrealloc(a->areas, (a->nareas + 1) * sizeof *a->areas);
			la = &a->areas[a->nareas++];
			*la = l;
		}
	}
	if (la == NULL) {
		rc = village_area_apply(&va->v, &va->area, NULL, NULL, ENC_AUTO, err,
		    errlen);
	} else {
		va->area = la->area;
		rc = village_area_apply_loaded(&va->v, &va->area, la->town,
		    la->county, err, errlen);
		if (rc == 1)
			va->area_shared = 1;
		else
			memset(&va->area, 0, sizeof va->area);
	}
	free(town);
	free(county);
	return rc;
}

/* Audit the village folder DIR, the I-th audited, of town TOWN of the
 * area (-1: not in one). Returns 0, or -1 when its village_code is that
 * of a folder audited before (a->twice_first): it would be audited
 * twice. */
static int
audit_village(struct auditor *a, const char *dir, long town, size_t i)
{
	struct village_audit va;
	char err[2048];
	int derived, reached = 0;

	memset(&va, 0, sizeof va);
	va.a = a;
	va.dir = dir;
	va.town = town;
	va.nth = i;
	va.off = a->have_official ? &a->official :
	    town >= 0 && a->have_town_rules[town] ? &a->town_rules[town] : NULL;
	strmap_init(&va.dindex);
	strmap_init(&va.changed);
	snprintf(va.code, sizeof va.code, "%.12s", path_base(dir));
	{
		char *vy = path_join(dir, "village.yaml");
		int ok = regular(&va, vy, "village.yaml");

		free(vy);
		if (!ok) {
			va.index = (uint32_t)a->nvillages;
			goto out;
		}
	}
	if (village_load(&va.v, dir, err, sizeof err) != 0) {
		finding(a, SEV_ERROR, access(dir, F_OK) == 0 ? "BAD_VALUE" : "MISSING_ITEM",
		    va.code, "", err);
		va.index = (uint32_t)a->nvillages;
		goto out;
	}
	va.have_v = 1;
	memcpy(va.code, va.v.code, 13);
	{
		int inserted;
		uint32_t *first = strmap_put(&a->codes, va.code, strlen(va.code),
		    (uint32_t)i, &inserted);

		if (!inserted) {
			a->twice = i;
			a->twice_first = *first;
			memcpy(a->twice_code, va.code, sizeof a->twice_code);
			village_free_audit(&va);
			return -1;
		}
	}
	va.lang = va.v.language == 1 ? LANG_EN : LANG_ZH;
	if (village_folder_check(dir, va.code, err, sizeof err) != 0) {
		char *name = village_folder_name(dir);

		say(&va, SEV_ERROR, "FOLDER_NOT_CODE", "", MSG_AUDIT_FOLDER_NOT_CODE,
		    name, va.code);
		free(name);
		va.index = (uint32_t)a->nvillages;
		goto out;
	}
	{
		/* In an area, what the town and county own, from their files:
		 * the area stays loaded for the town and county levels. */
		int rc = apply_area(a, &va, err, sizeof err);

		if (rc < 0) {
			finding(a, SEV_ERROR, rc == -2 ? "VILLAGE_NOT_LISTED" :
			    "BAD_VALUE", va.code, "", err);
			va.index = (uint32_t)a->nvillages;
			goto out;
		}
		va.in_area = rc == 1;
	}
	if (va.in_area)
		audit_area(&va);
	stage_read(&a->st, va.v.path, va.v.sha256);
	a->village_codes = xrealloc(a->village_codes, (a->nvillages + 1) * sizeof *a->village_codes);
	a->village_codes[a->nvillages] = xstrdup(va.code);
	va.index = (uint32_t)a->nvillages++;
	va.aliases = aliases_new();
	if (va.v.columns_path != NULL && aliases_load(va.aliases, va.v.columns_path,
	    err, sizeof err) != 0)
		say(&va, SEV_ERROR, "BAD_VALUE", "", MSG_AUDIT_CANNOT_READ, err);
	check_provenance(&va);
	check_permissions(&va);
	/* in an area the draw, from what was received, needs no rules */
	if (va.in_area && a->in_area)
		keep_for_draw(&va);
	load_rules(&va);
	if (va.in_area && va.town >= 0) {
		audit_received(&va);
		audit_previous(&va);
	}
	for (int k = 0; k < NFILES; k++)
		va.present[k] = exists(&va, stage_files[k]) ?
		    regular_in(&va, stage_files[k]) : 0;
	/* What the level needs, and what is not there yet. */
	/* What is not there yet is information (SPEC: STAGE_NOT_REACHED is
	 * info); whatever is there is checked, at either level. */
	for (int k = 0; k < NFILES; k++)
		if (!va.present[k] && !exists(&va, stage_files[k]) &&
		    file_expected(&va, k))
			say(&va, SEV_INFO, "STAGE_NOT_REACHED", "",
			    MSG_AUDIT_NOT_REACHED, stage_files[k]);
	if (va.r == NULL)
		goto out;
	derived = va.present[F_APPLICANTS] && va.present[F_PRIMARY] &&
	    derive_survey(&va);
	for (int k = F_PRIMARY; k <= F_PUB_COUNTY; k++)
		if (va.present[k])
			(void)read_list(&va, k);
	if (va.have_list[F_PRIMARY] && derived)
		compare_primary(&va);
	/* the town's people proposed, on the lists as filed */
	if (va.town >= 0 && va.have_list[F_APPRAISED])
		for (size_t r = 0; r < va.lists[F_APPRAISED].nrows; r++)
			if (va.lists[F_APPRAISED].row[r].decision == DEC_PROPOSED)
				a->town_people[va.town] += va.lists[F_APPRAISED].row[r].members;
	if (va.have_list[F_PRIMARY] && va.have_list[F_APPRAISED]) {
		leaks(&va, F_PRIMARY, F_APPRAISED);
		audit_appraisal(&va);
	}
	read_received(&va);
	for (int l = 0; l < NLEVELS; l++) {
		if (!rules_posts(va.r, (enum level)l))
			continue;
		if (va.have_list[level_from(&va, (enum level)l)] &&
		    va.have_list[F_PUB_VILLAGE + l])
			audit_level(&va, (enum level)l);
	}
	audit_notices(&va);
	reached = 1;
	if (va.present[F_REGISTRY])
		audit_registry(&va);
	if (va.present[F_REGISTRY] && va.have_county && va.have_list[F_PRIMARY] &&
	    va.present[F_APPLICANTS])
		audit_filing(&va);
	audit_dates(&va);
	if (!(va.in_area && a->in_area))
		draw_sample(&va);
out:
	if (a->in_area)
		audit_area_notices(&va, reached);
	village_free_audit(&va);
	return 0;
}

static int
by_finding(const void *x, const void *y)
{
	const struct finding *a = x, *b = y;
	int c;

	if ((c = strcmp(a->village, b->village)) != 0)
		return c;
	if ((c = strcmp(a->household, b->household)) != 0)
		return c;
	if ((c = strcmp(a->code, b->code)) != 0)
		return c;
	return strcmp(a->detail, b->detail);
}

static void
write_findings(struct auditor *a, struct outfile *out)
{
	static const char *const head[] = { "severity", "code", "village_code",
		"household_id", "detail" };
	struct csvout w;

	if (a->nf > 0)
		qsort(a->f, a->nf, sizeof *a->f, by_finding);
	csvout_init(&w, out, CSVOUT_HUMAN);
	csvout_bom(&w);
	csvout_row(&w, head, 5);
	for (size_t i = 0; i < a->nf; i++) {
		/* the same finding twice (a duplicate seen from both sides) once */
		if (i > 0 && by_finding(&a->f[i - 1], &a->f[i]) == 0 &&
		    a->f[i - 1].sev == a->f[i].sev)
			continue;
		csvout_str(&w, severities[a->f[i].sev]);
		csvout_str(&w, a->f[i].code);
		csvout_str(&w, a->f[i].village);
		csvout_str(&w, a->f[i].household);
		csvout_str(&w, a->f[i].detail);
		csvout_end(&w);
	}
}

/* The reopen.csv of the level folder DIR into RO: each bad row (or one
 * naming a village none of the NTOWNS TOWNS lists) left out, and, when
 * REPORT, a BAD_VALUE finding naming FILE:LINE. A town audit reads the
 * county's file without reporting it: the county's audit does. */
static void
load_reopen(struct auditor *a, struct reopen *ro, const char *dir,
    const struct area_town *towns, size_t ntowns, int report)
{
	struct strbuf err = { 0 };
	const char *columns = a->area.have_county ? a->area.county.columns_path :
	    NULL;
	const char *p;

	(void)reopen_load(ro, dir, columns, &err);
	/* read: a row added runs the audit again */
	if (ro->read)
		stage_read(&a->st, ro->path, ro->sha256);
	if (report)
		(void)reopen_keep_listed(ro, towns, ntowns, &err);
	for (p = strbuf_str(&err); report && *p != '\0'; ) {
		size_t k = strcspn(p, "\n");
		char *line = xstrndup(p, k);

		finding(a, SEV_ERROR, "BAD_VALUE", "", "", line);
		free(line);
		p += k + (p[k] == '\n');
	}
	strbuf_free(&err);
}

/* The area of the level folder DIR (SPEC §8): its villages, and each
 * town's rules as county.yaml names them, read once per file. */
static int
load_area(struct auditor *a, const char *dir)
{
	struct strbuf err = { 0 };
	struct audit_area *aa = &a->area;
	int rc = 0;

	if (audit_area_load(aa, dir, a->o->villages, a->o->nvillages, &err) != 0) {
		rc = stage_fail_lines(&a->st, &err);
		strbuf_free(&err);
		return rc;
	}
	a->in_area = 1;
	if (aa->is_county != (a->o->level == LEVEL_COUNTY))
		return stage_fail(&a->st, _("%s is a %s's folder: audit it with "
		    "--level %s"), dir, aa->is_county ? _("county") : _("town"),
		    aa->is_county ? "county" : "town");
	a->town_rules = xcalloc(aa->ntowns + 1, sizeof *a->town_rules);
	a->have_town_rules = xcalloc(aa->ntowns + 1, sizeof *a->have_town_rules);
	a->town_people = xcalloc(aa->ntowns + 1, sizeof *a->town_people);
	a->town_ledgers = xcalloc(aa->ntowns + 1, sizeof *a->town_ledgers);
	a->town_ledger_err = xcalloc(aa->ntowns + 1, sizeof *a->town_ledger_err);
	a->town_reopen = xcalloc(aa->ntowns + 1, sizeof *a->town_reopen);
	a->reopen_ready = xcalloc(aa->ndirs + 1, sizeof *a->reopen_ready);
	a->town_reopening = xcalloc(aa->ndirs + 1, sizeof *a->town_reopening);
	if (aa->have_county) {
		stage_read(&a->st, aa->county.path, aa->county.sha256);
		if (ledger_load_in(&a->county_ledger, aa->county.dir, LANG_ZH, &err) != 0)
			a->county_ledger_err = xstrdup(strbuf_str(&err));
		strbuf_reset(&err);
		load_reopen(a, &a->county_reopen, aa->county.dir, aa->towns,
		    aa->ntowns, aa->is_county);
	}
	for (size_t t = 0; t < aa->ntowns; t++) {
		stage_read(&a->st, aa->towns[t].path, aa->towns[t].sha256);
		stage_read(&a->st, aa->towns[t].villages_path,
		    aa->towns[t].villages_sha256);
		if (ledger_load_in(&a->town_ledgers[t], aa->towns[t].dir, LANG_ZH,
		    &err) != 0)
			a->town_ledger_err[t] = xstrdup(strbuf_str(&err));
		strbuf_reset(&err);
		load_reopen(a, &a->town_reopen[t], aa->towns[t].dir, &aa->towns[t],
		    1, 1);
	}
	if (!aa->have_county || a->have_official)
		return 0;
	for (size_t t = 0; t < aa->ntowns && rc == 0; t++) {
		const char *path, *key;
		char keybuf[32];
		size_t same;

		area_county_rules_for(&aa->county, aa->towns[t].code, &path, &key,
		    keybuf);
		/* a rules file shared by several towns is read once */
		for (same = 0; same < t; same++) {
			const char *p2, *k2;
			char kb2[32];

			area_county_rules_for(&aa->county, aa->towns[same].code, &p2,
			    &k2, kb2);
			if (strcmp(p2, path) == 0)
				break;
		}
		a->town_rules[t].include_anywhere = a->o->include_anywhere;
		if (area_rules_load(&a->town_rules[t], &aa->county,
		    aa->towns[t].code, &err) != 0) {
			rc = stage_fail_lines(&a->st, &err);
			break;
		}
		a->have_town_rules[t] = 1;
		if (same == t)
			for (size_t i = 0; i < a->town_rules[t].nfiles && rc == 0; i++)
				rc = stage_input(&a->st, a->town_rules[t].files[i].path);
	}
	strbuf_free(&err);
	return rc;
}

/* The area's own findings: listed villages with no folder, folders no
 * town lists, and each town's people against its county quota. */
static void
area_findings(struct auditor *a)
{
	const struct audit_area *aa = &a->area;
	struct strbuf b = { 0 };

	for (size_t i = 0; i < aa->nmissing; i++) {
		size_t t;

		for (t = 0; t + 1 < aa->ntowns; t++)
			if (area_town_village(&aa->towns[t], aa->missing[i]) != NULL)
				break;
		strbuf_reset(&b);
		wording(&b, LANG_ZH, MSG_AUDIT_VILLAGE_MISSING, aa->missing[i],
		    aa->towns[t].villages_path);
		finding(a, SEV_ERROR, "VILLAGE_MISSING", aa->missing[i], "",
		    strbuf_str(&b));
	}
	for (size_t i = 0; i < aa->nunlisted; i++) {
		const char *name = aa->unlisted[i];
		int coded = strlen(name) == 12 && strspn(name, "0123456789") == 12;

		strbuf_reset(&b);
		wording(&b, LANG_ZH, MSG_AUDIT_VILLAGE_NOT_LISTED, name,
		    aa->is_county ? "villages.csv" : aa->towns[0].villages_path);
		finding(a, SEV_ERROR, "VILLAGE_NOT_LISTED", coded ? name : "", "",
		    strbuf_str(&b));
	}
	for (size_t t = 0; aa->have_county && t < aa->ntowns; t++)
		for (size_t q = 0; q < aa->county.ntowns; q++) {
			const struct rules *r = a->have_official ? &a->official :
			    a->have_town_rules[t] ? &a->town_rules[t] : NULL;

			if (strcmp(aa->county.towns[q].code, aa->towns[t].code) != 0 ||
			    aa->county.towns[q].quota < 0)
				continue;
			/* no scale in the procedure: no quota to hold */
			if (r == NULL || (r->scale_key < 0 && r->scale_other < 0))
				continue;
			if (a->town_people[t] > aa->county.towns[q].quota) {
				strbuf_reset(&b);
				wording(&b, LANG_ZH, MSG_AUDIT_TOWN_QUOTA,
				    aa->towns[t].code, aa->towns[t].name,
				    a->town_people[t], aa->county.towns[q].quota,
				    aa->county.path);
				finding(a, SEV_ERROR, "OVER_QUOTA", "", "", strbuf_str(&b));
			}
		}
	strbuf_free(&b);
}

static void
sample_finding(void *ctx, int sev, const char *code, const char *village,
    const char *detail)
{
	finding(ctx, (enum severity)sev, code, village, "", detail);
}

/* The level's seed: without one the draw can be worked out in advance. */
static void
seed_given(struct auditor *a, const struct area_audit *au, const char *file)
{
	struct strbuf b = { 0 };

	if (au->seed != NULL)
		return;
	wording(&b, LANG_ZH, MSG_SAMPLE_PREDICTABLE, path_base(file));
	finding(a, SEV_WARNING, "SAMPLE_PREDICTABLE", "", "", strbuf_str(&b));
	strbuf_free(&b);
}

/* The draw of an area (SPEC §8 "The sample"), from what the level
 * received. It must come after this run's receipts, with the level's
 * ledger holding their rows: a village received now is drawn from the
 * copy just taken, and H is the hash of its receipt's last row. */
static void
draw_area(struct auditor *a)
{
	const struct audit_area *aa = &a->area;
	struct sample_report r = { a, sample_finding };

	if (aa->is_county) {
		seed_given(a, &aa->county.audit, aa->county.path);
		received_permissions(a, &a->county_ledger);
	} else {
		for (size_t t = 0; t < aa->ntowns; t++) {
			seed_given(a, &aa->towns[t].audit, aa->towns[t].path);
			received_permissions(a, &a->town_ledgers[t]);
		}
	}
	for (size_t i = 0; i < a->ndrawn; i++) {
		size_t t = a->drawn_town[i];
		struct sample_level lv;

		if (aa->is_county) {
			lv.level = LEVEL_COUNTY;
			lv.dir = aa->county.dir;
			lv.ledger = &a->county_ledger;
			lv.ledger_err = a->county_ledger_err;
			lv.audit = &aa->county.audit;
		} else {
			lv.level = LEVEL_TOWN;
			lv.dir = aa->towns[t].dir;
			lv.ledger = &a->town_ledgers[t];
			lv.ledger_err = a->town_ledger_err[t];
			lv.audit = &aa->towns[t].audit;
		}
		sample_draw_village(&a->sample, &lv, &a->drawn[i], &r);
	}
}

/* The households of a reopened village's new receipt that differ from
 * the receipt before, each with the files they differ in. */
struct reopened_households {
	struct strmap index;         /* household -> 1 + its place */
	char **household;
	struct strbuf *files;
	size_t n, cap;
};

static void
on_reopened(void *ctx, const struct received_change *c)
{
	struct reopened_households *h = ctx;
	const char *who = c->d->household;
	int inserted;
	uint32_t *at = strmap_put(&h->index, who, strlen(who), 0, &inserted);
	struct strbuf *files;

	if (inserted) {
		xgrow(&h->household, &h->cap, h->n + 1, sizeof *h->household);
		h->files = xrealloc(h->files, h->cap * sizeof *h->files);
		h->household[h->n] = xstrdup(who);
		memset(&h->files[h->n], 0, sizeof h->files[h->n]);
		*at = (uint32_t)h->n++;
	}
	files = &h->files[*at];
	/* each file once: a file's differences come together */
	{
		size_t k = strlen(c->file);
		int same = files->len >= k &&
		    strcmp(files->s + files->len - k, c->file) == 0 &&
		    (files->len == k || files->s[files->len - k - 1] == ' ');

		if (!same) {
			if (files->len > 0)
				strbuf_puts(files, ", ");
			strbuf_puts(files, c->file);
		}
	}
}

/* REOPENED (SPEC §8 "Reopening"): the households whose rows differ
 * between the receipt V just took and the one before it, one warning
 * each (the village's own keys, of village.yaml, under no household). */
static void
reopened(struct auditor *a, const struct receipt_village *v)
{
	const struct audit_area *aa = &a->area;
	int county = aa->is_county;
	const struct ledger *l = county ? &a->county_ledger :
	    &a->town_ledgers[v->town];
	const char *path = county ? a->county_reopen.path :
	    a->town_reopen[v->town].path;
	struct column_aliases *aliases = aliases_new();
	struct received_village rv;
	struct reopened_households h;
	struct strbuf err = { 0 }, b = { 0 };
	char msg[1024];

	memset(&h, 0, sizeof h);
	strmap_init(&h.index);
	if (aa->have_county && aa->county.columns_path != NULL)
		(void)aliases_load(aliases, aa->county.columns_path, msg, sizeof msg);
	memset(&rv, 0, sizeof rv);
	rv.code = v->code;
	rv.dir = v->dir;
	rv.aliases = aliases;
	rv.rules = a->have_town_rules[v->town] ? &a->town_rules[v->town] : NULL;
	rv.year = aa->have_county ? aa->county.year : 0;
	(void)received_reopened(&rv, l, v->taken, county ? LEVEL_COUNTY :
	    LEVEL_TOWN, on_reopened, &h, &err);
	for (size_t i = 0; i < h.n; i++) {
		strbuf_reset(&b);
		wording(&b, LANG_ZH, *h.household[i] ? MSG_AUDIT_REOPENED :
		    MSG_AUDIT_REOPENED_VILLAGE, county ? "县" : "乡镇", path,
		    v->reopen->line, v->reopen->reason, v->taken,
		    strbuf_str(&h.files[i]));
		finding(a, SEV_WARNING, "REOPENED", v->code, h.household[i],
		    strbuf_str(&b));
		free(h.household[i]);
		strbuf_free(&h.files[i]);
	}
	free(h.household);
	free(h.files);
	strmap_free(&h.index);
	aliases_free(aliases);
	strbuf_free(&err);
	strbuf_free(&b);
}

static void
on_receipt_finding(void *ctx, const char *code, const char *village,
    const char *detail)
{
	finding(ctx, SEV_ERROR, code, village, "", detail);
}

/* The area's ledgers (SPEC §8): what receipts stopped half-way left put
 * right, every ledger verified, villages with files that come after a
 * receipt they lack; then, when the audit read every listed village (no
 * operands), the receipts due taken, each village's error findings known.
 * Returns 0, or -1 (the stage failed: a receipt could not be written). */
static int
area_receipts(struct auditor *a)
{
	const struct audit_area *aa = &a->area;
	struct receipt_village *v = xcalloc(aa->ndirs + 1, sizeof *v);
	struct receipts r;
	struct strbuf err = { 0 };
	int rc = 0;

	receipts_init(&r, aa, a->town_ledgers, a->town_ledger_err,
	    &a->county_ledger, a->county_ledger_err, on_receipt_finding, a);
	/* the county's procedure, which every town follows: any town's
	 * rules post at its levels (area_rules_load()) */
	for (size_t t = 0; t < aa->ntowns && r.procedure == NULL; t++)
		if (a->have_town_rules[t])
			r.procedure = &a->town_rules[t];
	if (receipts_recover(&r, &err) != 0)
		rc = stage_fail(&a->st, "%s", strbuf_str(&err));
	if (rc == 0)
		receipts_verify(&r);
	for (size_t i = 0; i < aa->ndirs && rc == 0; i++) {
		v[i].dir = aa->dirs[i];
		v[i].code = path_base(aa->dirs[i]);
		v[i].town = aa->town_of[i];
		receipts_not_received(&r, &v[i]);
	}
	if (rc == 0 && a->o->nvillages == 0) {
		/* the errors found auditing its folder (whatever code its
		 * village.yaml gives), and those that name it since */
		for (size_t i = 0; i < aa->ndirs; i++) {
			/* the county receives only what the town received: not
			 * while the town's reopen waits for its receipt */
			v[i].has_error = a->dir_errors[i] > 0 || a->town_reopening[i];
			v[i].reopen = a->reopen_ready[i];
		}
		for (size_t k = 0; k < a->nf; k++)
			if (a->f[k].sev == SEV_ERROR)
				for (size_t i = 0; i < aa->ndirs; i++)
					if (strcmp(a->f[k].village, v[i].code) == 0)
						v[i].has_error = 1;
		if (receipts_take(&r, v, aa->ndirs, &err) < 0)
			rc = stage_fail(&a->st, "%s", strbuf_str(&err));
		for (size_t i = 0; i < aa->ndirs && rc == 0; i++)
			if (v[i].taken > 0 && v[i].reopen != NULL)
				reopened(a, &v[i]);
	}
	receipts_free(&r);
	strbuf_free(&err);
	free(v);
	return rc;
}

int
audit_run(const struct audit_options *o)
{
	struct auditor a;
	struct outfile *af, *sf;
	char *ap = NULL, *sp = NULL;
	const char *dir = o->output ? o->output : ".";
	char errmsg[1024];
	struct strbuf err = { 0 };
	int status = EXIT_ERROR;
	size_t counts[3] = { 0 };
	const char *const *villages = o->villages;
	size_t nvillages = o->nvillages;
	int lockfd = -1;

	memset(&a, 0, sizeof a);
	strmap_init(&a.codes);
	a.o = o;
	idset_init(&a.ids);
	stage_begin(&a.st, "audit", o->quiet);
	/* In an area the county's county.yaml decides the rules and the
	 * sample (SPEC §8). */
	if ((o->rules != NULL || o->sample >= 0) && audit_area_is(dir)) {
		stage_fail(&a.st, _("%s: %s is a town's or a county's folder: the "
		    "county's county.yaml decides, not %s"),
		    o->rules != NULL ? "--rules" : "--sample", dir,
		    o->rules != NULL ? "--rules" : "--sample");
		goto out;
	}
	for (size_t i = 0; i < o->nvillages && (o->rules != NULL || o->sample >= 0); i++)
		if (village_in_area(o->villages[i])) {
			stage_fail(&a.st, _("%s: village folder %s is in a county's area: "
			    "the county's county.yaml decides, not %s"),
			    o->rules != NULL ? "--rules" : "--sample", o->villages[i],
			    o->rules != NULL ? "--rules" : "--sample");
			goto out;
		}
	if (stage_load_columns(&a.st, NULL) != 0)
		goto out;
	if (o->rules != NULL) {
		if (stage_load_rules(&a.st, o->rules, o->include_anywhere) != 0)
			goto out;
		a.official = a.st.rules;
		a.have_official = 1;
	}
	{
		/* The same folder twice would hold every person twice. */
		size_t first, twice = paths_repeated(o->villages, o->nvillages, &first);

		if (twice < o->nvillages) {
			stage_fail(&a.st, _("%s and %s are the same village folder: it "
			    "would be audited twice, each person a duplicate of "
			    "itself"), o->villages[first], o->villages[twice]);
			goto out;
		}
	}
	if (audit_area_is(dir)) {
		/* one audit of a level's folder at a time: two would each
		 * append their receipts to the ledger they read. The lock is
		 * on received/ (made 0700 when missing): the folder itself is
		 * PROVENANCE.csv's to lock while it is written. An audit given
		 * VILLAGE_DIRs receives nothing: without received/ it has
		 * nothing to lock. */
		char *rdir = path_join(dir, "received");

		if ((o->nvillages == 0 || path_is_dir(rdir)) &&
		    (path_make_dirs(rdir, 0700, errmsg, sizeof errmsg) != 0 ||
		    (lockfd = path_lock_dir(rdir, errmsg, sizeof errmsg)) < 0)) {
			stage_fail(&a.st, "%s", errmsg);
			free(rdir);
			goto out;
		}
		free(rdir);
		if (load_area(&a, dir) != 0)
			goto out;
		villages = (const char *const *)a.area.dirs;
		nvillages = a.area.ndirs;
		a.sample.area = 1;
		/* the level's notices list every village: checked when the
		 * audit reads every one */
		if (o->nvillages == 0)
			load_area_notices(&a, dir);
	} else if (o->nvillages == 0) {
		stage_fail(&a.st, _("%s is not a town's or a county's folder (no "
		    "town.yaml or county.yaml): give the VILLAGE_DIRs to audit"), dir);
		goto out;
	}
	if (path_make_dirs(dir, 0777, errmsg, sizeof errmsg) != 0) {
		stage_fail(&a.st, "%s", errmsg);
		goto out;
	}
	ap = path_join(dir, "audit.csv");
	sp = path_join(dir, "sample.csv");
	if ((af = stage_output(&a.st, ap, OUTFILE_PUBLIC)) == NULL ||
	    (sf = stage_output(&a.st, sp, OUTFILE_PUBLIC)) == NULL)
		goto out;
	/* The readers' messages quoted in the findings are in English
	 * whatever the locale: audit.csv holds the same bytes everywhere. */
	if (a.in_area)
		a.dir_errors = xcalloc(nvillages + 1, sizeof *a.dir_errors);
	for (size_t i = 0; i < nvillages; i++) {
		char *locale = i18n_untranslated();
		size_t before = a.errors;
		int rc = audit_village(&a, villages[i],
		    a.in_area ? (long)a.area.town_of[i] : -1, i);

		if (a.in_area)
			a.dir_errors[i] = a.errors - before;

		i18n_restore(locale);
		/* One village under two folders would hold every person twice. */
		if (rc != 0) {
			stage_fail(&a.st, _("%s and %s are both village %s: it would "
			    "be audited twice, each person a duplicate of itself"),
			    villages[a.twice_first], villages[a.twice],
			    a.twice_code);
			goto out;
		}
	}
	if (a.in_area) {
		area_findings(&a);
		for (size_t k = 0; k < a.nareanotices; k++)
			area_notice_page_end(a.area_notices[k], on_area_notice, &a);
		if (area_receipts(&a) != 0)
			goto out;
		/* the draw after the receipts: a village received now is
		 * drawn from the copy just taken */
		draw_area(&a);
	}
	if (a.quota_villages > 1) {
		struct strbuf b = { 0 };

		wording(&b, LANG_ZH, MSG_AUDIT_QUOTA_TOTAL, a.admitted, a.quota,
		    a.quota_villages);
		/* a count, over or under: OVER_QUOTA (超出规模) is only an
		 * excess */
		finding(&a, SEV_INFO, "QUOTA_TOTAL", "", "", strbuf_str(&b));
		strbuf_free(&b);
	}
	write_findings(&a, af);
	sample_write(&a.sample, sf);
	{
		struct strbuf why = { 0 };
		int rc;

		blocked_audit(&why, a.errors);
		rc = stage_commit_blocked(&a.st, a.errors ? strbuf_str(&why) : NULL);
		strbuf_free(&why);
		if (rc != 0)
			goto out;
	}
	for (size_t i = 0; i < a.nf; i++)
		counts[a.f[i].sev]++;
	status = a.errors > 0 ? EXIT_BLOCKED : EXIT_DONE;
	if (!o->quiet) {
		char c[5][32];

		/* TRANSLATORS: the level (town or county), then counts written
		 * like 1,234. */
		fprintf(stderr, _("audit (%s): %s villages: %s errors, %s warnings, %s "
		    "notes; %s households drawn for re-visits\n"), stage_level_word(o->level),
		    text_count(c[0], nvillages), text_count(c[1], counts[0]),
		    text_count(c[2], counts[1]), text_count(c[3], counts[2]),
		    text_count(c[4], a.sample.nrows));
	}
out:
	for (size_t i = 0; i < a.nf; i++) {
		free(a.f[i].village);
		free(a.f[i].household);
		free(a.f[i].detail);
	}
	free(a.f);
	sample_free(&a.sample);
	for (size_t i = 0; i < a.ndrawn; i++) {
		free(a.drawn[i].columns);
		free(a.drawn[i].previous);
	}
	free(a.drawn);
	free(a.drawn_town);
	for (size_t i = 0; i < a.nvillages; i++)
		free(a.village_codes[i]);
	free(a.village_codes);
	strmap_free(&a.codes);
	free(a.kh);
	free(a.khtext);
	idset_free(&a.ids);
	for (size_t t = 0; a.have_town_rules != NULL && t < a.area.ntowns; t++)
		if (a.have_town_rules[t])
			rules_free(&a.town_rules[t]);
	free(a.town_rules);
	free(a.have_town_rules);
	free(a.town_people);
	for (size_t t = 0; a.town_ledgers != NULL && t < a.area.ntowns; t++) {
		ledger_free(&a.town_ledgers[t]);
		free(a.town_ledger_err[t]);
	}
	free(a.town_ledgers);
	free(a.town_ledger_err);
	free(a.dir_errors);
	for (size_t k = 0; k < a.nareanotices; k++)
		area_notice_page_free(a.area_notices[k]);
	free(a.area_notices);
	ledger_free(&a.county_ledger);
	free(a.county_ledger_err);
	for (size_t t = 0; a.town_reopen != NULL && t < a.area.ntowns; t++)
		reopen_free(&a.town_reopen[t]);
	free(a.town_reopen);
	reopen_free(&a.county_reopen);
	free(a.reopen_ready);
	free(a.town_reopening);
	audit_area_free(&a.area);
	for (size_t k = 0; k < a.nareas; k++) {
		free(a.areas[k].town);
		free(a.areas[k].county);
		if (a.areas[k].own_town)
			area_town_free(&a.areas[k].area.town);
	}
	free(a.areas);
	free(a.in_area_parent);
	for (size_t k = 0; k < a.ncounties; k++) {
		free(a.counties[k].dir);
		if (a.counties[k].own)
			area_county_free(&a.counties[k].county);
	}
	free(a.counties);
	free(ap);
	free(sp);
	strbuf_free(&err);
	strbuf_free(&a.msg);
	status = stage_end(&a.st, status);
	if (lockfd >= 0)
		close(lockfd);
	return status;
}
