/* Publicity (SPEC §6 publicize): the notice a village, town or county
 * posts, the letters to the households, and the resolution of the
 * objections it drew. */
#ifndef TPA_PUBLICIZE_H
#define TPA_PUBLICIZE_H

#include "household/objectionfile.h"
#include "io/csvin.h"
#include "stages/notice.h"
#include "values/enums.h"

struct publicize_options {
	enum level level;
	const char *village;       /* village.yaml or its folder */
	const char *town, *county;  /* --town, --county: the area's folders, or NULL */
	const char *rules;         /* NULL: the one village.yaml names */
	const char *columns;       /* extra header aliases, or NULL */
	const char *list;          /* appraised.csv or publicized-LEVEL.csv */
	const char *objections;    /* resolve: objections-LEVEL.csv */
	const char *output;        /* NULL or "-": stdout */
	const char *resurvey;      /* resolve: NULL: resurvey.csv beside the output */
	enum notice_format format;
	enum csv_encoding encoding;
	int quiet;
	int include_anywhere;      /* rules may include files outside their folder */
	const char *explain;       /* resolve: the household to explain, writing nothing */
};

/* Parse a level name (village, town, county). Returns 0 or -1. */
int level_parse(const char *s, enum level *l);
const char *level_name(enum level l);

/* Write the notice. Returns EXIT_DONE or EXIT_ERROR. */
int publicize_notice(const struct publicize_options *o);
/* Write the decision letters: one page per household of the list
 * (stages/letter.c). Returns EXIT_DONE or EXIT_ERROR. */
int publicize_letter(const struct publicize_options *o);
struct stage;
struct area;
struct hhlist;
/* What every mode of tpa-publicize reads first: the village (and its
 * area), the rules when RULES, the level's posting (POSTS: the levels
 * that post, or NULL), the columns, O->list and O->objections as inputs;
 * *A the village's area when O->level is above the village's. L is
 * cleared. Returns 0, or EXIT_ERROR (recorded; no period at the level
 * is one). */
int publicize_load(struct stage *st, const struct publicize_options *o,
    int rules, struct hhlist *l, const struct area **a, int posts[NLEVELS]);
/* O->list read into L with the village's columns and rules, recorded as
 * read. Returns 0, or EXIT_ERROR (recorded). */
int publicize_read_list(struct stage *st, const struct publicize_options *o,
    struct hhlist *l);
/* The objections the levels below O->level decided for the village, read
 * from their conventional names: outside an area objections-LEVEL.csv
 * beside the file BESIDE; in an area the village's beside O->list and the
 * town's shared file (its rows of the village). A file that is not there
 * leaves its BELOW[level] empty; those read are recorded as inputs.
 * Returns 0, or EXIT_ERROR (recorded); BELOW[] then needs
 * objectionfile_free either way. */
int publicize_objections_below(struct stage *st, const struct publicize_options *o,
    const struct area *a, const char *beside, struct objectionfile below[NLEVELS]);

/* Apply the objections. Returns EXIT_DONE, EXIT_BLOCKED when an
 * objection is pending or the period was too short, or EXIT_ERROR. */
int publicize_resolve(const struct publicize_options *o);

#endif
