/* Diagnostics: every message is "tpa-STAGE: [FILE:LINE[:COL]: ]message". */
#ifndef TPA_DIAG_H
#define TPA_DIAG_H

#include <stddef.h>
#include <stdnoreturn.h>

/* Exit statuses shared by every program (see tpa(1)). */
enum {
	EXIT_DONE = 0,     /* done */
	EXIT_BLOCKED = 1,  /* outputs written, the procedure is blocked */
	EXIT_ERROR = 2     /* error, nothing written */
};

/* Set the program name used as the prefix of every message. */
void diag_set_program(const char *name);
const char *diag_program(void);

/* Print "PROGRAM: message" on stderr and exit with STATUS. Temporary output
 * files still open are removed by the outfile module's exit handler. */
noreturn void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print "PROGRAM: message" on stderr and carry on. */
void warnmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation that never returns NULL: on failure, die with EXIT_ERROR. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *P (an array of *CAP elements of SIZE bytes) to hold at least NEED;
 * a NULL *P is always allocated, so *P is never NULL afterwards. */
void xgrow_slow(void *p, size_t *cap, size_t need, size_t size);
static inline void
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need > *cap || *(void **)p == NULL)
		xgrow_slow(p, cap, need, size);
}
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
