/* Memory: allocation that never returns NULL, and the program's name.
 * This is the lowest floor of the library. Running out of memory is the
 * one failure below the stage shell that ends the program: the message
 * "PROGRAM: out of memory" goes to stderr and the exit status is 2 (the
 * outfile module's exit handler still removes unfinished temporaries). */
#ifndef TPA_ALLOC_H
#define TPA_ALLOC_H

#include <stddef.h>

/* The program name every message starts with ("tpa-survey"). It is the
 * only mutable global of the library. */
void program_set_name(const char *name);
const char *program_name(void);

/* Report that N bytes could not be had and end the program (status 2). */
_Noreturn void alloc_failed(size_t n);

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
/* Append S[0..N) and a NUL to the text arena *TEXT (*LEN bytes used of
 * *CAP); returns where it starts. The record readers keep their cells so. */
size_t xstore(char **text, size_t *len, size_t *cap, const char *s, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
