/* The stage shell: what every program does around its decisions. It loads
 * the village's facts, the rules and the column aliases; checks that no
 * output is an input or another output (or a device it must not replace);
 * opens the outputs; records exactly what was read — every input, every
 * rules file included, carried-over files — for PROVENANCE.csv and make;
 * commits the outputs together; and reports. It is the only place that
 * decides an exit status: a stage function returns it, never exits, so
 * the same entry points run in-process (the fuzz targets) and as
 * programs.
 *
 *	struct stage st;
 *	stage_begin(&st, "survey", quiet);
 *	if (stage_load_rules(&st, ...) != 0) return stage_end(&st, EXIT_ERROR);
 *	...read, decide, write...
 *	return stage_end(&st, stage_commit(&st) ? EXIT_ERROR : status);
 */
#ifndef TPA_SHELL_H
#define TPA_SHELL_H

#include <stddef.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "io/digest.h"
#include "io/outfile.h"
#include "io/paths.h"
#include "rules/columns.h"
#include "rules/rules.h"
#include "rules/village.h"
#include "rules/village_area.h"
#include "values/wording.h"

/* Exit statuses shared by every program (see tpa(1)). */
enum {
	EXIT_DONE = 0,     /* done */
	EXIT_BLOCKED = 1,  /* outputs written, the procedure is blocked */
	EXIT_ERROR = 2     /* error, nothing written */
};

#define STAGE_MAX_OUTPUTS 12

struct stage_path {
	char *path;
	struct file_id id;
	int output;
};

struct stage_output {
	struct outfile *f;
	char *path;
	char sha256[DIGEST_HEX];
	int finished;
	int in_place;                /* standard output or a device */
};

struct stage_read {
	char *path;
	char sha256[DIGEST_HEX];
	int kind;                    /* data, village.yaml, column aliases */
};

struct stage {
	const char *name;            /* the stage column of PROVENANCE.csv */
	int quiet;
	struct village village;
	int have_village;
	const char *town_dir;        /* --town, --county: the village's area */
	const char *county_dir;      /* folders, NULL: beside the village */
	struct area area;            /* the village's area (SPEC §8) */
	int have_area;
	struct rules rules;
	int have_rules;
	struct column_aliases *aliases;
	enum lang lang;              /* of messages inside files */
	struct stage_path *paths;
	size_t npaths, npath_outputs;
	struct stage_output out[STAGE_MAX_OUTPUTS];
	size_t nout;
	struct stage_read *reads;
	size_t nreads;
	struct strbuf err;           /* the errors to print, one per line */
	char *record_dir;            /* where PROVENANCE.csv goes, or NULL */
	char *target;                /* the output asked for, for a failure
	                              * record (stage_target), or NULL */
	int unrecorded;              /* commit with no PROVENANCE.csv row: files
	                              * for people that are no record of the
	                              * procedure (tpa-export's workbook,
	                              * tpa-init's new folder) */
};

void stage_begin(struct stage *st, const char *name, int quiet);

/* Record an error (printf-style, one line). Returns EXIT_ERROR. */
int stage_fail(struct stage *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Add ERR's lines (each "FILE:LINE: message") to the errors. Returns
 * EXIT_ERROR. */
int stage_fail_lines(struct stage *st, const struct strbuf *err);

/* Each line of ERR on stderr after the program's name, outside a stage
 * (tpa status, tpa words). */
void say_lines(const struct strbuf *err);
/* Print "PROGRAM: message" on stderr now. */
void stage_warn(struct stage *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Load village.yaml (PATH: the file or its folder). With REQUIRED 0 a
 * NULL PATH is fine. Returns 0, or EXIT_ERROR. */
int stage_load_village(struct stage *st, const char *path, int required);
/* The name of level L in a line for people (stderr): "village", "town"
 * or "county" in the locale's language (村, 乡镇, 县). A file, an option
 * or a key of village.yaml takes level_code() instead. */
const char *stage_level_word(enum level l);

/* The publicity period of LEVEL (enum level) is not given: the error,
 * naming the file that owns it (village.yaml, or in an area villages.csv
 * and town.yaml, or county.yaml). Returns EXIT_ERROR. */
int stage_fail_no_period(struct stage *st, int level);
/* Load the rules: PATH, else the ones village.yaml names. */
int stage_load_rules(struct stage *st, const char *path, int include_anywhere);
/* Whether level L posts in the procedure: with the rules loaded, theirs;
 * else those that stage_load_rules() would load (PATH, include_anywhere
 * as there), read without being recorded. POSTS, when not NULL, gets
 * whether each level posts (all do when there are no rules, and for L
 * the village, whose posting is always there: they are not read). Returns 0
 * (also when there are no rules to read: the stage needs none), or
 * EXIT_ERROR with the error recorded (a level that does not post, rules
 * that cannot be read). */
int stage_check_level(struct stage *st, const char *path,
    int include_anywhere, enum level l, int posts[NLEVELS]);
/* The column aliases: built in, then village.yaml's columns file, then
 * PATH (--columns, may be NULL). */
int stage_load_columns(struct stage *st, const char *path);

struct previous_registry;
/* Read last year's registry folder DIR into P (household/previous.h),
 * checked against the village loaded (its code, its year, its own
 * registry) and recorded as inputs. Needs the village and the column
 * aliases loaded. Returns 0, or EXIT_ERROR (P then needs previous_free). */
int stage_load_previous(struct stage *st, struct previous_registry *p,
    const char *dir);

/* Register an input path (for the same-file checks). */
int stage_input(struct stage *st, const char *path);
/* Open an output after checking it is not an input, another output, a
 * folder, a FIFO or a socket. NULL or "-" is standard output. Returns the
 * file, or NULL (the error is recorded). */
struct outfile *stage_output(struct stage *st, const char *path,
    enum outfile_mode mode);
/* Where a secondary output NAME (rejects, resurvey) goes by default: beside
 * the main output MAIN (opened), or — when it is written in place
 * (standard output, a device) — beside village.yaml (the current folder
 * when there is none). Caller frees. */
char *stage_beside(const struct stage *st, const struct outfile *main,
    const char *name);

/* Keep the record (PROVENANCE.csv, .tpa-deps.mk) in folder DIR rather
 * than in the folder of the first output (tpa-file: the village folder
 * for the outputs in registry/). */
void stage_record_in(struct stage *st, const char *dir);

/* The output the stage is asked to write (its -o; NULL or "-" for
 * standard output). When the stage fails (exit 2) with a village loaded
 * and TPA_RECORD_FAILURE set in the environment (village.mk sets it),
 * before or after opening it, .tpa-blocked.mk names it with
 * "failed: " and the first error, so that `tpa status` and the town and
 * county summaries say so rather than "ready"; a later run that succeeds
 * takes it off. */
void stage_target(struct stage *st, const char *path);

/* Blocked without writing: the outputs opened so far (or the target) are
 * named in the folder's .tpa-blocked.mk with REASON and dropped, an
 * earlier version of them left as it is (a notice not made again from a
 * changed list). Returns EXIT_BLOCKED. */
int stage_block(struct stage *st, const char *reason);

/* Record that PATH was read, with the SHA-256 of its bytes. */
void stage_read(struct stage *st, const char *path, const char sha256[DIGEST_HEX]);

/* Finish every output, then commit them with their PROVENANCE rows (rules
 * with every file it includes, the inputs read, village.yaml) — none when
 * ST->unrecorded is set. Returns 0 or EXIT_ERROR (nothing committed). */
int stage_commit(struct stage *st);

/* As stage_commit, for a stage that is blocked (REASON, one line) or not
 * (NULL). A blocked stage's outputs are written like any others, and the
 * folder's .tpa-blocked.mk names them with the reason, so that make runs
 * the stage again until it is no longer blocked (and `tpa status` can say
 * why); a stage that is not blocked takes its outputs off that list. */
int stage_commit_blocked(struct stage *st, const char *reason);

/* Print the errors, drop outputs not committed, free everything. Returns
 * STATUS. */
int stage_end(struct stage *st, int status);

#endif
