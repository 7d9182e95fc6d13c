/* tpa-init (SPEC §6 init): a new village-year folder, ready to fill in —
 * village.yaml with every key commented, the one-line Makefile, and under
 * templates/ the header-only input files with Chinese headers; or a town's
 * or a county's folder of an area (SPEC §8): town.yaml and villages.csv,
 * or county.yaml; reopen.csv; the one-line Makefile. */
#ifndef TPA_INIT_H
#define TPA_INIT_H

struct init_options {
	const char *dir;          /* the folder to make: absent or empty */
	const char *code;         /* the village's 12-digit division code */
	const char *town;         /* or a town's 9-digit code (--town) */
	const char *county;       /* or a county's 6-digit code (--county) */
	const char *year;         /* the year, 4 digits */
	const char *previous;     /* last year's village folder (or its
	                           * village.yaml), or NULL */
	const char *rules;        /* the rules file, or NULL: last year's (for a
	                           * county, the one county.yaml names) */
	int include_anywhere;     /* let the rules include files anywhere */
	int quiet;
};

/* Run the stage. Returns EXIT_DONE, or EXIT_ERROR (nothing made: folders
 * it created are removed again; the message is on stderr). */
int init_run(const struct init_options *o);

#endif
