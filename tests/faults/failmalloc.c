/*
 * An LD_PRELOAD allocator that fails on purpose: with TPA_FAIL_AT=N the
 * N-th call to malloc, calloc or realloc returns NULL (ENOMEM); with
 * TPA_MALLOC_COUNT=FILE the number of calls made is written to FILE at
 * exit. Used to check that every allocation site a stage reaches ends in
 * a clean exit 2, never a crash.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long calls, fail_at;
static int ready;

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static void
setup(void)
{
	const char *s = getenv("TPA_FAIL_AT");

	fail_at = s ? strtoul(s, NULL, 10) : 0;
	ready = 1;
}

static int
should_fail(void)
{
	if (!ready)
		setup();
	return ++calls == fail_at;
}

void *
malloc(size_t n)
{
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}

__attribute__((destructor)) static void
report(void)
{
	const char *path = getenv("TPA_MALLOC_COUNT");
	char buf[32];
	FILE *fp;

	if (path == NULL || (fp = fopen(path, "w")) == NULL)
		return;
	snprintf(buf, sizeof buf, "%lu\n", calls);
	fputs(buf, fp);
	fclose(fp);
}
