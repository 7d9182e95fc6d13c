/* The loaders read files: the fuzz targets write each input to one. */
#ifndef TPA_FUZZ_YAMLFILE_H
#define TPA_FUZZ_YAMLFILE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *
fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	static char path[256];
	FILE *fp;

	if (path[0] == '\0') {
		char dir[] = "/tmp/tpa-fuzz-XXXXXX";

		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof path, "%s/%s", dir, name);
	}
	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	fwrite(data, 1, size, fp);
	if (fclose(fp) != 0)
		abort();
	return path;
}

#endif
