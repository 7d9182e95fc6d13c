/* PROVENANCE.csv: which inputs, rules and tpa version made each output of
 * a folder, written by the stages, read and verified by the stages and
 * the audit; and .tpa-deps.mk, the same prerequisites for make.
 *
 * Columns: output,sha256,stage,tool_version,rules,rules_sha256,inputs
 * (inputs as name@sha256 joined by ';'), one row per output, sorted by
 * output. Every name is relative to the folder of PROVENANCE.csv (see
 * path_relative()), so the record holds wherever make or a shell runs;
 * "stdin" is standard input. A stage replaces only the rows of the outputs
 * it wrote; the update holds a lock on the folder, so two stages of one
 * village can run at once.
 *
 * Commit order (provenance_seal): PROVENANCE.csv is prepared first, then
 * every output is renamed into place, then PROVENANCE.csv, last, then the
 * make dependency file. A run killed between those renames leaves outputs
 * whose sha256 does not match their row: provenance_verify() reports them.
 *
 * Nothing here exits: failures are returned with a message in the
 * caller's ERR[ERRLEN]. */
#ifndef TPA_PROVENANCE_H
#define TPA_PROVENANCE_H

#include <stddef.h>

#include "io/digest.h"
#include "io/outfile.h"

/* The record a stage builds of one run. Fields are private. */
struct provenance {
	char *dir;              /* folder of the outputs (and of PROVENANCE.csv) */
	const char *stage;
	char *rules;            /* "" when the stage uses no rules */
	char rules_sha256[DIGEST_HEX];
	char *inputs;           /* name@sha256;... */
	size_t inputs_len;
	struct provenance_output {
		char *name;
		char sha256[DIGEST_HEX];
	} *outputs;
	size_t noutputs, cap;
	struct outfile *file;   /* the new PROVENANCE.csv, prepared */
	struct outfile *deps;   /* the new .tpa-deps.mk, prepared */
	int dirfd;              /* the folder, locked while prepared */
	char *notes;            /* what prepare repaired, one line each */
	size_t notes_len;
	char *unnamed;          /* the first rules file or input make cannot
	                         * name in .tpa-deps.mk, or NULL */
};

/* Start a record for STAGE (a string that outlives P) writing into the
 * folder of OUTPUT_PATH. */
void provenance_init(struct provenance *p, const char *stage,
    const char *output_path);
/* Record the rules file (its main file; includes are inputs), an input,
 * an output, each with its SHA-256. Names are recorded as
 * path_relative() to the record's folder; an output by its folder, so that
 * a symbolic link it replaces is not followed. */
void provenance_rules(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX]);
void provenance_input(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX]);
void provenance_output(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX]);
/* An input NAME recorded as it is, not made relative: an entry of a
 * town's or county's file, "FILE#KEY" (SPEC §8). */
void provenance_input_named(struct provenance *p, const char *name,
    const char sha256[DIGEST_HEX]);
/* When NAME is such an entry (FILE ending in villages.csv, town.yaml,
 * county.yaml, objections-town.csv or objections-county.csv, then '#'
 * and a KEY with no '/'), the length of FILE; else 0. */
size_t provenance_entry_file(const char *name);

/* Lock the folder and write the new PROVENANCE.csv and .tpa-deps.mk to
 * temporaries: all the work that can fail happens here, before a stage
 * commits its outputs. The old PROVENANCE.csv is read row by row: a row
 * that cannot be read (not UTF-8, not 7 cells, broken quoting) is dropped
 * and rewritten when it names one of this run's outputs (with a note, see
 * provenance_notes()), and is an error naming its line otherwise. Returns
 * 0, or -1 with a message in ERR (nothing is then held). A record with no
 * output does nothing. A rules file or input whose name make cannot write
 * in a rule (a line end, a tab, %, =, ; or a backslash in it) is an error
 * when an output of the record is named there: otherwise a change to it
 * would silently re-run nothing. */
int provenance_prepare(struct provenance *p, char *err, size_t errlen);
/* Rename the prepared PROVENANCE.csv into place, then .tpa-deps.mk, and
 * release the lock. Returns 0, or -1 with a message in ERR. */
int provenance_commit(struct provenance *p, char *err, size_t errlen);
/* Commit a stage's outputs OUTS[0..N) (all finished) with their record:
 * prepare P, rename every output into place, commit P (PROVENANCE.csv
 * last). P may be NULL (outputs written in place have no record). Every
 * output is committed or dropped, and freed, in every case; on an error
 * the outputs not yet renamed keep their old content. Returns 0, or -1
 * with a message in ERR. P stays allocated: read its notes, then
 * provenance_free() it. */
int provenance_seal(struct provenance *p, struct outfile *const *outs,
    size_t n, char *err, size_t errlen);
/* What provenance_prepare() repaired, for the stage to print as warnings:
 * lines "PROVENANCE.csv:LINE: ..." joined by '\n' (no final one); "" when
 * nothing was. */
const char *provenance_notes(const struct provenance *p);
/* Free P (dropping anything prepared and not committed). P is zeroed, so
 * a second call does nothing. */
void provenance_free(struct provenance *p);

/* Reading PROVENANCE.csv. */
struct provenance_input {
	char *name;
	char sha256[DIGEST_HEX];  /* as recorded ("" when an entry has no '@') */
};

struct provenance_row {
	char *output;
	char sha256[DIGEST_HEX];
	char *stage, *tool_version, *rules;   /* rules "" when none */
	char rules_sha256[DIGEST_HEX];
	struct provenance_input *inputs;
	size_t ninputs;
	unsigned long line;       /* line of PROVENANCE.csv where the row starts */
};

struct provenance_rows {
	struct provenance_row *rows;
	size_t n, cap;
};

/* Read DIR/PROVENANCE.csv into ROWS (initialised here). Returns 0 (rows
 * filled), 1 when the file does not exist (no rows), -1 with a message
 * naming FILE:LINE in ERR when it cannot be read (ROWS is then empty).
 * ROWS needs provenance_rows_free() in every case. */
int provenance_read(const char *dir, struct provenance_rows *rows,
    char *err, size_t errlen);
/* The row of OUTPUT (a name as recorded), or NULL. */
const struct provenance_row *provenance_find(const struct provenance_rows *rows,
    const char *output);
void provenance_rows_free(struct provenance_rows *rows);

enum provenance_problem {
	PROV_OUTPUT_MISSING,  /* the output is gone (or cannot be read) */
	PROV_OUTPUT_CHANGED,  /* its sha256 is not the one recorded */
	PROV_INPUT_MISSING,
	PROV_INPUT_CHANGED,
	PROV_RULES_MISSING,
	PROV_RULES_CHANGED
};

/* Check every row of ROWS against the files in DIR (names are relative to
 * DIR; absolute ones are used as they are): the output's sha256, every
 * input's (except "stdin", which cannot be checked) and the rules file's.
 * Calls FN (when not NULL) once per problem with the row and the name of
 * the file concerned, as recorded; returns the number of problems. A file
 * that cannot be read counts as missing. */
size_t provenance_verify(const char *dir, const struct provenance_rows *rows,
    void (*fn)(void *ctx, const struct provenance_row *row,
    enum provenance_problem what, const char *name), void *ctx);
/* The same, an input "FILE#KEY" (provenance_entry_file()) checked by
 * ENTRY (given CTX, as FN is), which puts the entry's SHA-256 as it is
 * now (REF relative to DIR) and returns 0, or -1 when it cannot
 * (missing). With ENTRY NULL every such input is missing. */
size_t provenance_verify_entries(const char *dir,
    const struct provenance_rows *rows,
    int (*entry)(void *ctx, const char *dir, const char *ref,
    char sha256[DIGEST_HEX]),
    void (*fn)(void *ctx, const struct provenance_row *row,
    enum provenance_problem what, const char *name), void *ctx);

#endif
