/* Fuzz the village.yaml loader. */
#include <stdint.h>
#include <string.h>

#include "rules/village.h"
#include "yamlfile.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct village v;
	char err[1024];

	err[0] = '\0';
	if (village_load(&v, fuzz_file("village.yaml", data, size), err, sizeof err) != 0) {
		if (err[0] == '\0')
			__builtin_trap();
		return 0;
	}
	village_free(&v);
	return 0;
}
