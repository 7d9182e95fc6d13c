#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"

static const char *program = "tpa";

void
program_set_name(const char *name)
{
	program = name;
}

const char *
program_name(void)
{
	return program;
}

void
alloc_failed(size_t n)
{
	fprintf(stderr, "%s: ", program);
	fprintf(stderr, _("out of memory (%zu bytes)\n"), n);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		alloc_failed(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		alloc_failed(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		alloc_failed(n);
	return q;
}

void
xgrow_slow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	size_t n = *cap ? *cap : 16;

	if (need <= *cap && *p != NULL)
		return;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			alloc_failed(SIZE_MAX);
		n *= 2;
	}
	*p = xrealloc(*p, n * size);
	*cap = n;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t
xstore(char **text, size_t *len, size_t *cap, const char *s, size_t n)
{
	size_t off = *len;

	xgrow(text, cap, off + n + 1, 1);
	if (n > 0)
		memcpy(*text + off, s, n);
	(*text)[off + n] = '\0';
	*len = off + n + 1;
	return off;
}
