/* PROVENANCE.csv: which inputs, rules and tpa version made each output.
 * Columns: output,sha256,stage,tool_version,rules,rules_sha256,inputs
 * (inputs as name@sha256 joined by ';'), one row per output, sorted by
 * output. A stage replaces only the rows of the outputs it wrote; the
 * update holds a lock on the folder, so two stages of one village can run
 * at once. */
#ifndef TPA_PROVENANCE_H
#define TPA_PROVENANCE_H

#include <stddef.h>

#include "io/digest.h"
#include "io/outfile.h"

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
	int dirfd;              /* the folder, locked while prepared */
};

/* Start a record for STAGE writing into the folder of OUTPUT_PATH. */
void provenance_init(struct provenance *p, const char *stage,
    const char *output_path);
/* The name a file goes by in the record: its base name when it lies in the
 * record's folder, otherwise the path as given. Caller frees. */
char *provenance_name(const struct provenance *p, const char *path);
void provenance_rules(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX]);
void provenance_input(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX]);
void provenance_output(struct provenance *p, const char *path,
    const char sha256[DIGEST_HEX]);
/* Lock the folder and write the new PROVENANCE.csv to a temporary. All the
 * work that can fail happens here, before a stage commits its outputs.
 * Dies with EXIT_ERROR on failure. */
void provenance_prepare(struct provenance *p);
/* Rename the prepared file into place and release the lock. */
void provenance_commit(struct provenance *p);
/* Commit a stage's outputs OUTS[0..N) (all finished) with their record:
 * prepare P, rename every output into place, commit P, free P. P may be
 * NULL (outputs on standard output have no record). */
void provenance_seal(struct provenance *p, struct outfile *const *outs, size_t n);
void provenance_free(struct provenance *p);

#endif
