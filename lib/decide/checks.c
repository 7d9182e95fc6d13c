#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "decide/checks.h"

static uint64_t
splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

size_t
checks_draw(int year, const char *village_code, size_t n, size_t k,
    size_t *picked)
{
	char seed_text[64];
	uint64_t s = 0xcbf29ce484222325ULL;   /* FNV-1a 64 offset basis */
	size_t *perm;
	int len = snprintf(seed_text, sizeof seed_text, "%d:%s", year, village_code);

	for (int i = 0; i < len && i < (int)sizeof seed_text - 1; i++) {
		s ^= (unsigned char)seed_text[i];
		s *= 0x100000001b3ULL;
	}
	if (k > n)
		k = n;
	perm = xcalloc(n + 1, sizeof *perm);
	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	for (size_t i = 0; i < k; i++) {
		size_t j = i + (size_t)(splitmix64(&s) % (uint64_t)(n - i));
		size_t t = perm[i];

		perm[i] = perm[j];
		perm[j] = t;
		picked[i] = perm[i];
	}
	free(perm);
	return k;
}

const char *const checks_date_names[NDATES] = { "apply_date", "survey_date",
	"appraisal.date", "publicity.village.start", "publicity.village.end",
	"publicity.town.start", "publicity.town.end", "publicity.county.start",
	"publicity.county.end" };

int
checks_date_order(const long *d, int *late, int *early)
{
	for (int b = 1; b < NDATES; b++) {
		if (d[b] <= 0)
			continue;
		for (int a = 0; a < b; a++)
			if (d[a] > 0 && d[a] > d[b]) {
				*late = a;
				*early = b;
				return 0;
			}
	}
	return -1;
}
