#include "base/search.h"

long
sorted_find(const void *ctx, const char *(*key_at)(const void *ctx, size_t i),
    size_t n, const char *key, size_t *cursor,
    int (*cmp)(const char *, const char *))
{
	size_t lo = 0, hi = n, step = 1;

	/* every string before the cursor goes before KEY: start there */
	if (*cursor > 0 && *cursor <= n && cmp(key_at(ctx, *cursor - 1), key) < 0)
		lo = *cursor;
	while (lo + step - 1 < hi) {
		size_t p = lo + step - 1;

		if (cmp(key_at(ctx, p), key) >= 0) {
			hi = p + 1;
			break;
		}
		lo = p + 1;
		step *= 2;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp(key_at(ctx, mid), key);

		if (c == 0) {
			*cursor = mid + 1;
			return (long)mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}
