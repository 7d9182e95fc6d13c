/* File and card (SPEC §6 file): the village's registry from the list the
 * county confirmed — households.csv, members.csv, stats.csv, stats.svg,
 * cards.html, and history.csv (the households that exited, carried
 * forward so that one previous registry is enough to tell a return) —
 * and the roll-up of several registries' statistics. */
#ifndef TPA_FILE_H
#define TPA_FILE_H

#include "io/csvin.h"

struct file_options {
	const char *village;       /* village.yaml or its folder */
	const char *town, *county;  /* --town, --county: the area's folders, or NULL */
	const char *rules;         /* NULL: the one village.yaml names */
	const char *columns;
	const char *dir;           /* the village folder */
	const char *previous;      /* last year's registry folder; NULL: village.yaml's */
	const char *output;        /* the registry folder; NULL: DIR/registry */
	enum csv_encoding encoding;
	int quiet;
	int include_anywhere;
};

/* Build the registry. Returns EXIT_DONE, EXIT_BLOCKED when a household of
 * last year's registry is neither confirmed nor meets the exit condition
 * (written with status unexplained and named), or EXIT_ERROR. */
int file_run(const struct file_options *o);

struct file_stats_options {
	const char *output;        /* folder of stats.csv and stats.svg; NULL: . */
	const char *const *registries;
	size_t nregistries;
	int quiet;
};

/* Roll the statistics of several registries up. */
int file_stats_run(const struct file_stats_options *o);

#endif
