#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/idset.h"

void
idset_init(struct idset *s)
{
	memset(s, 0, sizeof *s);
}

void
idset_free(struct idset *s)
{
	free(s->slots);
	memset(s, 0, sizeof *s);
}

static size_t
slot_of(uint64_t key, size_t mask)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & mask;
}

static void
rehash(struct idset *s)
{
	struct idset_slot *old = s->slots;
	size_t oldcap = s->cap;

	s->cap = oldcap ? oldcap * 2 : 1024;
	s->slots = xcalloc(s->cap, sizeof *s->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key != 0) {
			size_t j = slot_of(old[i].key, s->cap - 1);

			while (s->slots[j].key != 0)
				j = (j + 1) & (s->cap - 1);
			s->slots[j] = old[i];
		}
	free(old);
}

const uint32_t *
idset_add(struct idset *s, const char *id, uint32_t value)
{
	uint64_t key = 0;
	size_t j;

	for (int i = 0; i < 17; i++)
		key = key * 10 + (uint64_t)(id[i] - '0');
	key += 1;   /* 0 marks an empty slot */
	if ((s->count + 1) * 2 > s->cap)
		rehash(s);
	for (j = slot_of(key, s->cap - 1); s->slots[j].key != 0; j = (j + 1) & (s->cap - 1))
		if (s->slots[j].key == key)
			return &s->slots[j].value;
	s->slots[j].key = key;
	s->slots[j].value = value;
	s->count++;
	return NULL;
}
