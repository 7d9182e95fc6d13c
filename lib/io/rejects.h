/* Rejected rows: one record per problem, written as
 * stage,file,line,village_code,household_id,id_number,field,code,message
 * with the ID number masked as in notices. Sorted by household_id, then
 * line, then the order the problems were found. */
#ifndef TPA_REJECTS_H
#define TPA_REJECTS_H

#include <stddef.h>
#include <stdint.h>

#include "io/outfile.h"

struct rejects {
	const char *stage, *file, *village_code;
	struct reject {
		uint64_t file, household, id, field, message;  /* arena offsets */
		const char *code;
		uint32_t line, seq;
	} *list;
	size_t n, cap;
	char *arena;
	size_t arena_len, arena_cap;
};

/* STAGE, FILE and VILLAGE_CODE are borrowed for the rejects' lifetime.
 * FILE is the file the next problems are found in (see rejects_file). */
void rejects_init(struct rejects *r, const char *stage, const char *file,
    const char *village_code);
/* The file the next problems are found in. */
void rejects_file(struct rejects *r, const char *file);
/* Record a problem. ID[0..ID_LEN) is masked before it is stored; never put
 * an ID number in the message. */
void rejects_add(struct rejects *r, unsigned long line, const char *household,
    const char *id, size_t id_len, const char *field, const char *code,
    const char *fmt, ...) __attribute__((format(printf, 8, 9)));
/* Write the header and every record, sorted. */
void rejects_write(struct rejects *r, struct outfile *out);
void rejects_free(struct rejects *r);

#endif
