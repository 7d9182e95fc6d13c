#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/selfdir.h"

char *
self_dir(void)
{
	char *real = realpath("/proc/self/exe", NULL), *slash, *dir;

	if (real == NULL)
		return NULL;
	slash = strrchr(real, '/');
	dir = xstrndup(real, slash != NULL && slash != real ? (size_t)(slash - real) : 1);
	free(real);
	return dir;
}

/* DIR/PROBE is a file that can be read: DIR, copied; else NULL. */
static char *
holds(const char *dir, const char *probe)
{
	size_t n = strlen(dir) + strlen(probe) + 2;
	char *path = xmalloc(n);
	int ok;

	snprintf(path, n, "%s/%s", dir, probe);
	ok = access(path, R_OK) == 0;
	free(path);
	return ok ? xstrdup(dir) : NULL;
}

char *
self_find(const char *const rel[], const char *probe, const char *fallback)
{
	char *self = self_dir(), *found = NULL;

	for (size_t i = 0; self != NULL && rel[i] != NULL && found == NULL; i++) {
		size_t n = strlen(self) + strlen(rel[i]) + 2;
		char *dir = xmalloc(n), *real;

		snprintf(dir, n, "%s/%s", self, rel[i]);
		if ((real = realpath(dir, NULL)) != NULL) {
			found = holds(real, probe);
			free(real);
		}
		free(dir);
	}
	free(self);
	if (found == NULL && fallback != NULL)
		found = holds(fallback, probe);
	return found;
}
