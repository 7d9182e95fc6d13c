#include <string.h>

#include "values/hhnumber.h"
#include "values/text.h"

const char *
hhnumber_key(const char *s, size_t n, size_t *len)
{
	size_t i = 0;

	if (text_digits(s, n))
		while (i + 1 < n && s[i] == '0')
			i++;
	*len = n - i;
	return s + i;
}

int
hhnumber_cmp(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), ka, kb;
	int da = text_digits(a, na), db = text_digits(b, nb);

	if (da != db)
		return da ? -1 : 1;
	if (!da)
		return strcmp(a, b);
	a = hhnumber_key(a, na, &ka);
	b = hhnumber_key(b, nb, &kb);
	if (ka != kb)
		return ka < kb ? -1 : 1;
	return memcmp(a, b, ka);
}

int
hhnumber_same(const char *a, const char *b)
{
	return strcmp(a, b) == 0 || hhnumber_cmp(a, b) == 0;
}

uint32_t *
hhnumber_get(const struct strmap *m, const char *s, size_t n)
{
	size_t k;
	const char *key = hhnumber_key(s, n, &k);

	return strmap_get(m, key, k);
}

uint32_t *
hhnumber_put(struct strmap *m, const char *s, size_t n, uint32_t value,
    int *inserted)
{
	size_t k;
	const char *key = hhnumber_key(s, n, &k);

	return strmap_put(m, key, k, value, inserted);
}

size_t
hhnumber_pad(const char *s, size_t n, size_t width)
{
	return text_digits(s, n) && n < width ? width - n : 0;
}
