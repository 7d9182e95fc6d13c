/* Rejected rows: one record per problem, written as
 * stage,file,line,village_code,household_id,id_number,field,code,message,
 * severity
 * — a file meant for people: a UTF-8 BOM, formula-safe cells, and every
 * ID-shaped run in any cell masked (an ID typed into the wrong column
 * never shows in full). Sorted by household_id, then file order, then
 * line, then the order the problems were found. */
#ifndef TPA_REJECTS_H
#define TPA_REJECTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "io/digest.h"
#include "io/outfile.h"

struct rejects {
	const char *stage, *village_code;
	struct reject {
		uint64_t file, household, id, field, message;  /* arena offsets */
		const char *code;
		uint32_t line, seq, file_rank;
		uint8_t warning;             /* severity warning, else error */
	} *list;
	size_t n, cap;
	char *arena;
	size_t arena_len, arena_cap;
	char **files;            /* files in the order first named */
	size_t nfiles;
};

/* STAGE and VILLAGE_CODE are borrowed for the rejects' lifetime. */
void rejects_init(struct rejects *r, const char *stage, const char *village_code);
/* Record a problem found at LINE of FILE (its base name is what is
 * written). ID[0..ID_LEN) is the ID number of the row as typed, masked
 * when written; MESSAGE is in the village's language. */
void rejects_add(struct rejects *r, const char *file, unsigned long line,
    const char *household, const char *id, size_t id_len, const char *field,
    const char *code, const char *message);
/* The same, of severity warning: the row or household was accepted, but
 * a person should look. */
void rejects_warn(struct rejects *r, const char *file, unsigned long line,
    const char *household, const char *id, size_t id_len, const char *field,
    const char *code, const char *message);
/* The columns of a rejects file, in order (SPEC §3). */
#define REJECTS_NCOLUMNS 10
extern const char *const rejects_columns[REJECTS_NCOLUMNS];

/* Write the header and every record, sorted. */
void rejects_write(struct rejects *r, struct outfile *out);
void rejects_free(struct rejects *r);

/* A rejects file read back, its rows in the file's order (tpa-publicize
 * letter writes to the households apply turned away). The ID numbers are
 * as the file holds them: masked. */
struct reject_row {
	unsigned long line;          /* of the rejects file */
	unsigned long source_line;   /* the line column: of the file rejected */
	char *file;                  /* the file column: the file rejected */
	char *household, *id, *field, *code, *message;
	int warning;                 /* severity warning, else error */
};
struct rejects_file {
	struct reject_row *row;
	size_t n, cap;
	char sha256[DIGEST_HEX];
};
/* Read PATH (as rejects_write writes it; columns found by name). Returns
 * 0, or -1 with FILE:LINE: message lines in ERR (F then needs
 * rejects_file_free as well). */
int rejects_read(struct rejects_file *f, const char *path, struct strbuf *err);
void rejects_file_free(struct rejects_file *f);

#endif
