#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strmap.h"

void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
}

void
strmap_free(struct strmap *m)
{
	free(m->slots);
	free(m->keys);
	memset(m, 0, sizeof *m);
}

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct strmap_slot *
lookup(const struct strmap *m, const char *key, size_t n, uint32_t h)
{
	size_t mask = m->cap - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct strmap_slot *s = &m->slots[i];

		if (!s->used || (s->hash == h && s->key_len == n &&
		    memcmp(m->keys + s->key_off, key, n) == 0))
			return s;
	}
}

static void
rehash(struct strmap *m)
{
	struct strmap_slot *old = m->slots;
	size_t oldcap = m->cap;

	m->cap = oldcap ? oldcap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].used) {
			size_t mask = m->cap - 1, j = old[i].hash & mask;

			while (m->slots[j].used)
				j = (j + 1) & mask;
			m->slots[j] = old[i];
		}
	free(old);
}

uint32_t *
strmap_get(const struct strmap *m, const char *key, size_t n)
{
	struct strmap_slot *s;

	if (m->cap == 0)
		return NULL;
	s = lookup(m, key, n, hash(key, n));
	return s->used ? &s->value : NULL;
}

uint32_t *
strmap_put(struct strmap *m, const char *key, size_t n, uint32_t value,
    int *inserted)
{
	uint32_t h = hash(key, n);
	struct strmap_slot *s;

	/* Keys are cells of one record held in memory: far below 4 GiB. */
	if ((m->count + 1) * 2 > m->cap)
		rehash(m);
	s = lookup(m, key, n, h);
	if (s->used) {
		if (inserted)
			*inserted = 0;
		return &s->value;
	}
	xgrow(&m->keys, &m->keys_cap, m->keys_len + n + 1, 1);
	memcpy(m->keys + m->keys_len, key, n);
	m->keys[m->keys_len + n] = '\0';
	s->key_off = m->keys_len;
	s->key_len = (uint32_t)n;
	s->hash = h;
	s->used = 1;
	s->value = value;
	m->keys_len += n + 1;
	m->count++;
	if (inserted)
		*inserted = 1;
	return &s->value;
}

const char *
strmap_key(const struct strmap *m, const uint32_t *value_ptr)
{
	const struct strmap_slot *s = (const struct strmap_slot *)
	    ((const char *)value_ptr - offsetof(struct strmap_slot, value));

	return m->keys + s->key_off;
}
