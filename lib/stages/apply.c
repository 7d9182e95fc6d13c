#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stages/apply.h"
#include "rules/columns.h"
#include "values/date.h"
#include "io/diag.h"
#include "values/enums.h"
#include "household/household.h"
#include "base/idset.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "io/csvout.h"
#include "values/pattern.h"
#include "io/provenance.h"
#include "io/rejects.h"
#include "values/text.h"
#include "rules/village.h"

/* The columns apply knows, in applicants.csv order (after village_code). */
enum {
	C_VILLAGE, C_HOUSEHOLD, C_NAME, C_ID, C_RELATION, C_SEX, C_BIRTH,
	C_HEALTH, C_LABOR, C_EDUCATION, C_IN_SCHOOL, C_OCCUPATION, C_PHONE,
	C_APPLY_DATE, C_REASON, NKNOWN
};
static const char *const known[NKNOWN] = {
	"village_code", "household_id", "name", "id_number", "relation", "sex",
	"birth_date", "health", "labor", "education", "in_school", "occupation",
	"phone", "apply_date", "declared_reason",
};
static const unsigned char required[NKNOWN] = {
	[C_HOUSEHOLD] = 1, [C_NAME] = 1, [C_ID] = 1, [C_RELATION] = 1,
	[C_APPLY_DATE] = 1,
};
static const struct enum_def *const enums[NKNOWN] = {
	[C_RELATION] = &enum_relation, [C_SEX] = &enum_sex,
	[C_HEALTH] = &enum_health, [C_LABOR] = &enum_labor,
	[C_EDUCATION] = &enum_education, [C_IN_SCHOOL] = &enum_in_school,
};

#define NAME_MAX_CHARS 64

struct intake {
	const struct apply_options *o;
	struct village village;
	struct column_aliases *aliases;
	struct columns cols;
	size_t nextra;              /* extra columns carried through */
	size_t *extra_cell;         /* their header cells */
	struct id_checker *ids;
	struct pattern *household_re;
	struct roster roster;       /* cells: NKNOWN - 1 known (no village) + extras */
	struct idset people;        /* ID number -> person index */
	uint32_t last_household;    /* the previous row's (rows come grouped) */
	struct rejects rejects;
	int hint[NKNOWN];           /* enumeration value last seen per column */
	const char *file;
	unsigned long rows;
	char err[1024];
};

static int
header(struct intake *in, const struct csvin_row *row)
{
	if (columns_header(&in->cols, in->aliases, in->file, row, known,
	    required, NKNOWN, in->err, sizeof in->err) != 0)
		return 1;
	in->extra_cell = xcalloc(row->n, sizeof *in->extra_cell);
	for (size_t i = 0; i < row->n; i++)
		if (in->cols.slot[i] < 0 && in->cols.name[i] != NULL)
			in->extra_cell[in->nextra++] = i;
	roster_init(&in->roster, NKNOWN - 1 + in->nextra);
	return 0;
}

/* Problems of one row are recorded as they are found. */
struct row_check {
	struct intake *in;
	const struct csvin_row *row;
	const char *household;      /* as written, "" when missing */
	const char *id;             /* as written */
	size_t id_len;
	int problems;
};

static void
problem(struct row_check *rc, const char *field, const char *code,
    const char *fmt, const char *value)
{
	rejects_add(&rc->in->rejects, rc->row->line, rc->household, rc->id,
	    rc->id_len, field, code, fmt, field, value);
	rc->problems++;
}

/* Normalise an enumerated cell into OUT (its code). */
static void
check_enum(struct row_check *rc, int k, const char **out, size_t *outlen)
{
	size_t n;
	const char *s = columns_cell(&rc->in->cols, rc->row, k, &n);
	int v;

	*out = s;
	*outlen = n;
	if (n == 0)
		return;
	if ((v = enum_lookup_hint(enums[k], s, n, &rc->in->hint[k])) < 0) {
		char codes[256], fmt[400];

		snprintf(fmt, sizeof fmt, "%%s \"%%s\" is not one of: %s",
		    enum_codes(enums[k], codes, sizeof codes));
		problem(rc, known[k], "BAD_VALUE", fmt, s);
		return;
	}
	*out = enums[k]->values[v].code;
	*outlen = strlen(*out);
}

static void
missing(struct row_check *rc, int k)
{
	problem(rc, known[k], "MISSING_FIELD", "%s is empty%s", "");
}

static int
data_row(struct intake *in, const struct csvin_row *row)
{
	const char *out[NKNOWN + 1024];
	size_t outlen[NKNOWN + 1024];
	const char **cells = out, *s;
	size_t *lens = outlen, n;
	struct row_check rc = { in, row, "", "", 0, 0 };
	char id[ID_LEN + 1] = "", birth[DATE_BUF], applied[DATE_BUF];
	uint32_t household = NO_HOUSEHOLD, person;
	enum id_status st = ID_BAD_FORMAT;
	int head = 0;
	long days;

	in->rows++;
	if (in->roster.ncells > sizeof out / sizeof out[0]) {
		cells = xcalloc(in->roster.ncells + 1, sizeof *cells);
		lens = xcalloc(in->roster.ncells + 1, sizeof *lens);
	}
	rc.household = columns_cell(&in->cols, row, C_HOUSEHOLD, &n);
	rc.id = columns_cell(&in->cols, row, C_ID, &rc.id_len);
	if (row->n != in->cols.ncells) {
		char count[64];

		snprintf(count, sizeof count, "%zu cells, the header has %zu",
		    row->n, in->cols.ncells);
		problem(&rc, "", "RAGGED_ROW", "%sthe row has %s", count);
	}
	for (size_t i = 0; i < row->n && i < in->cols.ncells; i++)
		if (in->cols.name[i] == NULL && row->len[i] > 0) {
			char field[32];

			snprintf(field, sizeof field, "column %zu", i + 1);
			rejects_add(&in->rejects, row->line, rc.household, rc.id,
			    rc.id_len, field, "BAD_VALUE",
			    "a value under a column with no name: \"%s\"",
			    row->cell[i]);
			rc.problems++;
		}

	/* household_id */
	if (n == 0)
		missing(&rc, C_HOUSEHOLD);
	else if (pattern_match(in->household_re, rc.household, n) != 1)
		problem(&rc, "household_id", "BAD_VALUE",
		    "%s \"%s\" must be 1-32 of A-Z a-z 0-9 _ -", rc.household);
	if (n > 0) {
		uint32_t last = in->last_household;

		if (last != NO_HOUSEHOLD && strcmp(roster_household_id(&in->roster, last),
		    rc.household) == 0)
			household = last;
		else
			household = roster_household(&in->roster, rc.household, n, row->line);
		in->last_household = household;
	}

	/* village_code, when the file has one */
	s = columns_cell(&in->cols, row, C_VILLAGE, &n);
	if (n > 0 && strcmp(s, in->village.code) != 0)
		problem(&rc, "village_code", "BAD_VALUE",
		    "%s \"%s\" is not this village's code", s);

	/* name */
	cells[C_NAME - 1] = columns_cell(&in->cols, row, C_NAME, &lens[C_NAME - 1]);
	if (lens[C_NAME - 1] == 0)
		missing(&rc, C_NAME);
	else if (utf8_chars(cells[C_NAME - 1], lens[C_NAME - 1]) > NAME_MAX_CHARS)
		problem(&rc, "name", "BAD_VALUE", "%s is longer than 64 characters%s", "");

	/* id_number */
	if (rc.id_len == 0) {
		missing(&rc, C_ID);
	} else if ((st = id_check(in->ids, rc.id, rc.id_len, id)) != ID_OK) {
		static const char *const why[] = {
			[ID_BAD_FORMAT] = "%s is not 17 digits and a check character%s",
			[ID_BAD_CHECKSUM] = "%s: the check character does not match%s",
			[ID_BAD_DATE] = "%s: the birth date is impossible or after the year's end%s",
			[ID_OLD_15_DIGIT] = "%s is an old 15-digit number; the 18-digit one is needed%s",
		};

		problem(&rc, "id_number", id_status_code(st), why[st], "");
		id[0] = '\0';
	}
	cells[C_ID - 1] = id;
	lens[C_ID - 1] = id[0] ? ID_LEN : 0;

	/* relation */
	check_enum(&rc, C_RELATION, &cells[C_RELATION - 1], &lens[C_RELATION - 1]);
	if (lens[C_RELATION - 1] == 0)
		missing(&rc, C_RELATION);
	head = strcmp(cells[C_RELATION - 1], "head") == 0;

	/* sex and birth_date: must agree with the ID number, filled from it */
	check_enum(&rc, C_SEX, &cells[C_SEX - 1], &lens[C_SEX - 1]);
	s = columns_cell(&in->cols, row, C_BIRTH, &n);
	if (n > 0 && date_parse(s, n, &days) != 0) {
		problem(&rc, "birth_date", "BAD_DATE", "%s \"%s\" is not a date", s);
		n = 0;
	}
	if (st == ID_OK) {
		const char *sex = id_sex(id) == 1 ? "male" : "female";

		if (lens[C_SEX - 1] > 0 && strcmp(cells[C_SEX - 1], sex) != 0)
			problem(&rc, "sex", "SEX_MISMATCH",
			    "%s \"%s\" does not agree with the ID number", cells[C_SEX - 1]);
		if (n > 0 && days != id_birth(id))
			problem(&rc, "birth_date", "BIRTH_MISMATCH",
			    "%s \"%s\" does not agree with the ID number", s);
		cells[C_SEX - 1] = sex;
		lens[C_SEX - 1] = strlen(sex);
		cells[C_BIRTH - 1] = date_format(birth, id_birth(id));
		lens[C_BIRTH - 1] = strlen(birth);
	} else {
		cells[C_BIRTH - 1] = "";
		lens[C_BIRTH - 1] = 0;
	}

	/* health (default healthy), labor, education, schooling */
	check_enum(&rc, C_HEALTH, &cells[C_HEALTH - 1], &lens[C_HEALTH - 1]);
	if (lens[C_HEALTH - 1] == 0) {
		cells[C_HEALTH - 1] = "healthy";
		lens[C_HEALTH - 1] = strlen("healthy");
	}
	check_enum(&rc, C_LABOR, &cells[C_LABOR - 1], &lens[C_LABOR - 1]);
	check_enum(&rc, C_EDUCATION, &cells[C_EDUCATION - 1], &lens[C_EDUCATION - 1]);
	check_enum(&rc, C_IN_SCHOOL, &cells[C_IN_SCHOOL - 1], &lens[C_IN_SCHOOL - 1]);

	/* free text */
	cells[C_OCCUPATION - 1] = columns_cell(&in->cols, row, C_OCCUPATION,
	    &lens[C_OCCUPATION - 1]);
	cells[C_PHONE - 1] = columns_cell(&in->cols, row, C_PHONE, &lens[C_PHONE - 1]);
	cells[C_REASON - 1] = columns_cell(&in->cols, row, C_REASON, &lens[C_REASON - 1]);

	/* apply_date: required on the head's row */
	s = columns_cell(&in->cols, row, C_APPLY_DATE, &n);
	cells[C_APPLY_DATE - 1] = "";
	lens[C_APPLY_DATE - 1] = 0;
	if (n > 0 && date_parse(s, n, &days) != 0) {
		problem(&rc, "apply_date", "BAD_DATE", "%s \"%s\" is not a date", s);
	} else if (n > 0) {
		cells[C_APPLY_DATE - 1] = date_format(applied, days);
		lens[C_APPLY_DATE - 1] = strlen(applied);
	} else if (head) {
		problem(&rc, "apply_date", "MISSING_FIELD",
		    "%s is empty on the head's row%s", "");
	}

	for (size_t e = 0; e < in->nextra; e++) {
		size_t pos = in->extra_cell[e];

		cells[NKNOWN - 1 + e] = pos < row->n ? row->cell[pos] : "";
		lens[NKNOWN - 1 + e] = pos < row->n ? row->len[pos] : 0;
	}
	cells[C_HOUSEHOLD - 1] = rc.household;
	lens[C_HOUSEHOLD - 1] = strlen(rc.household);

	person = roster_add(&in->roster, household, row->line, head,
	    id[0] ? id : NULL, cells, lens);
	if (rc.problems > 0) {
		in->roster.people[person].rejected = 1;
		if (household != NO_HOUSEHOLD)
			in->roster.households[household].rejected = 1;
	}

	/* The same person twice: every household holding the number goes. */
	if (id[0] != '\0') {
		const uint32_t *seen = idset_add(&in->people, id, person);

		if (seen != NULL) {
			uint32_t first = *seen;
			struct person *p[2] = { &in->roster.people[first],
				&in->roster.people[person] };

			for (int i = 0; i < 2; i++) {
				if (p[i]->rejected == 2)   /* already reported */
					continue;
				rejects_add(&in->rejects, p[i]->line,
				    p[i]->household == NO_HOUSEHOLD ? "" :
				    roster_household_id(&in->roster, p[i]->household),
				    p[i]->id, ID_LEN, "id_number", "DUPLICATE_PERSON",
				    "the same ID number is on more than one row");
				p[i]->rejected = 2;
				if (p[i]->household != NO_HOUSEHOLD)
					in->roster.households[p[i]->household].rejected = 1;
			}
		}
	}
	if (cells != out) {
		free(cells);
		free(lens);
	}
	return 0;
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct intake *in = ctx;

	return row->index == 0 ? header(in, row) : data_row(in, row);
}

/* Household-level problems: heads, and rows left without a reason. */
static void
judge_households(struct intake *in)
{
	struct roster *r = &in->roster;

	for (size_t h = 0; h < r->nhouseholds; h++)
		if (r->households[h].heads != 1)
			r->households[h].rejected = 1;
	for (size_t i = 0; i < r->npeople; i++) {
		struct person *p = &r->people[i];
		struct household *h;
		const char *hid;
		const char *cells[NKNOWN];

		if (p->household == NO_HOUSEHOLD)
			continue;
		h = &r->households[p->household];
		if (!h->rejected)
			continue;
		hid = roster_household_id(r, p->household);
		roster_cells(r, (uint32_t)i, cells);
		if (h->heads == 0) {
			rejects_add(&in->rejects, p->line, hid, cells[C_ID - 1],
			    strlen(cells[C_ID - 1]), "relation", "NO_HEAD",
			    "household %s has no head (户主)", hid);
			p->rejected = 1;
		} else if (h->heads > 1 && p->head) {
			rejects_add(&in->rejects, p->line, hid, cells[C_ID - 1],
			    strlen(cells[C_ID - 1]), "relation", "MULTIPLE_HEADS",
			    "household %s has %u heads (户主)", hid, h->heads);
			p->rejected = 1;
		} else if (!p->rejected) {
			rejects_add(&in->rejects, p->line, hid, cells[C_ID - 1],
			    strlen(cells[C_ID - 1]), "", "HOUSEHOLD_INCOMPLETE",
			    "another row of household %s was rejected", hid);
			p->rejected = 1;
		}
	}
}

static void
write_applicants(struct intake *in, struct outfile *out)
{
	struct roster *r = &in->roster;
	uint32_t *order = roster_order(r);
	const char **cells = xcalloc(r->ncells, sizeof *cells);
	struct csvout w;

	csvout_init(&w, out, CSVOUT_DATA);
	for (size_t k = 0; k < NKNOWN; k++)
		csvout_str(&w, known[k]);
	for (size_t e = 0; e < in->nextra; e++)
		csvout_str(&w, in->cols.name[in->extra_cell[e]]);
	csvout_end(&w);
	for (size_t i = 0; i < r->npeople; i++) {
		const struct person *p = &r->people[order[i]];

		if (p->household == NO_HOUSEHOLD || r->households[p->household].rejected)
			continue;
		roster_cells(r, order[i], cells);
		csvout_str(&w, in->village.code);
		for (size_t c = 0; c < r->ncells; c++)
			csvout_str(&w, cells[c]);
		csvout_end(&w);
	}
	free(cells);
	free(order);
}

int
apply_run(const struct apply_options *o)
{
	struct intake in;
	struct csvin *csv;
	struct outfile *out, *rej;
	char out_sha[DIGEST_HEX], rej_sha[DIGEST_HEX], count[3][32];
	char *rejects_path;
	size_t accepted_hh = 0, accepted_people = 0, rejected_hh = 0;
	int rc;

	memset(&in, 0, sizeof in);
	in.o = o;
	if (village_load(&in.village, o->village, in.err, sizeof in.err) != 0)
		die(EXIT_ERROR, "%s", in.err);
	in.aliases = aliases_new();
	if (o->columns && aliases_load(in.aliases, o->columns, in.err, sizeof in.err) != 0)
		die(EXIT_ERROR, "%s", in.err);
	in.ids = id_checker_new(in.village.year);
	in.household_re = pattern_compile("[A-Za-z0-9_-]{1,32}", PATTERN_WHOLE,
	    in.err, sizeof in.err);
	if (in.household_re == NULL)
		die(EXIT_ERROR, "internal pattern: %s", in.err);
	idset_init(&in.people);
	in.last_household = NO_HOUSEHOLD;
	if ((csv = csvin_open(o->input, o->encoding, in.err, sizeof in.err)) == NULL)
		die(EXIT_ERROR, "%s", in.err);
	in.file = csvin_name(csv);
	if (!o->quiet)
		csvin_set_progress(csv, diag_program());
	/* Rejects name the file by its base name: the same on every machine. */
	rejects_init(&in.rejects, "apply", path_base(in.file), in.village.code);

	/* Create the outputs first: an unwritable folder fails before work. */
	if ((out = outfile_open(o->output, OUTFILE_PRIVATE, in.err, sizeof in.err)) == NULL)
		die(EXIT_ERROR, "%s", in.err);
	/* Beside the output, unless that is written in place (a device). */
	rejects_path = o->rejects ? xstrdup(o->rejects) : path_beside(
	    outfile_in_place(out) ? NULL : o->output, "rejects-apply.csv");
	if ((rej = outfile_open(rejects_path, OUTFILE_PUBLIC, in.err, sizeof in.err)) == NULL)
		die(EXIT_ERROR, "%s", in.err);
	rc = csvin_read(csv, on_row, &in);
	if (rc != 0)
		die(EXIT_ERROR, "%s", rc < 0 ? csvin_error(csv) : in.err);
	if (csvin_bytes(csv) == 0 || in.cols.ncells == 0)
		die(EXIT_ERROR, "%s:1: empty file: a header row is required", in.file);
	judge_households(&in);

	write_applicants(&in, out);
	rejects_write(&in.rejects, rej);
	if (outfile_finish(out, out_sha, in.err, sizeof in.err) != 0 ||
	    outfile_finish(rej, rej_sha, in.err, sizeof in.err) != 0)
		die(EXIT_ERROR, "%s", in.err);
	struct provenance p, *pp = NULL;

	if (!outfile_in_place(out)) {
		pp = &p;
		provenance_init(pp, "apply", o->output);
		provenance_input(pp, o->input, csvin_sha256(csv));
		provenance_input(pp, in.village.path, in.village.sha256);
		provenance_output(pp, o->output, out_sha);
		if (!outfile_in_place(rej))
			provenance_output(pp, rejects_path, rej_sha);
	}
	if (provenance_seal(pp, (struct outfile *const[]){ out, rej }, 2, in.err, sizeof in.err) != 0)
		die(EXIT_ERROR, "%s", in.err);
	if (pp != NULL) {
		warnlines(provenance_notes(pp));
		provenance_free(pp);
	}

	for (size_t h = 0; h < in.roster.nhouseholds; h++) {
		if (in.roster.households[h].rejected) {
			rejected_hh++;
		} else {
			accepted_hh++;
			accepted_people += in.roster.households[h].people;
		}
	}
	if (!o->quiet)
		fprintf(stderr, "applicants: %s households, %s people accepted; "
		    "%s households rejected\n",
		    text_count(count[0], accepted_hh),
		    text_count(count[1], accepted_people),
		    text_count(count[2], rejected_hh));

	csvin_close(csv);
	free(rejects_path);
	free(in.extra_cell);
	columns_free(&in.cols);
	roster_free(&in.roster);
	idset_free(&in.people);
	rejects_free(&in.rejects);
	pattern_free(in.household_re);
	id_checker_free(in.ids);
	aliases_free(in.aliases);
	village_free(&in.village);
	return EXIT_DONE;
}
