/* Diagnostics: every message is "tpa-STAGE: [FILE:LINE[:COL]: ]message". */
#ifndef TPA_DIAG_H
#define TPA_DIAG_H

#include <stddef.h>
#include <stdnoreturn.h>

#include "base/alloc.h"

/* Exit statuses shared by every program (see tpa(1)). */
enum {
	EXIT_DONE = 0,     /* done */
	EXIT_BLOCKED = 1,  /* outputs written, the procedure is blocked */
	EXIT_ERROR = 2     /* error, nothing written */
};

/* The program name is base/alloc.h's program_set_name(). */
#define diag_set_program program_set_name
#define diag_program program_name

/* Print "PROGRAM: message" on stderr and exit with STATUS. Temporary output
 * files still open are removed by the outfile module's exit handler. */
noreturn void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print "PROGRAM: message" on stderr and carry on. */
void warnmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print each line of LINES (joined by '\n') as "PROGRAM: line"; nothing
 * when LINES is empty. */
void warnlines(const char *lines);

#endif
