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

/* The 17 digits as one integer, plus 1: 0 marks an empty slot. */
static uint64_t
key_of(const char *id)
{
	uint64_t key = 0;

	for (int i = 0; i < 17; i++)
		key = key * 10 + (uint64_t)(id[i] - '0');
	return key + 1;
}

const uint32_t *
idset_add(struct idset *s, const char *id, uint32_t value)
{
	uint64_t key = key_of(id);
	size_t j;

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

void
idlist_init(struct idlist *l)
{
	memset(l, 0, sizeof *l);
}

void
idlist_free(struct idlist *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
idlist_add(struct idlist *l, const char *id, uint32_t value)
{
	xgrow(&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n].key = key_of(id);
	l->v[l->n].value = value;
	l->n++;
}

/* Least-significant-digit radix sort, 11 bits a pass: stable, so equal
 * keys keep the order they were added in. A pass whose digit is the same
 * for every key is skipped (the top bits of an ID number rarely vary). */
#define DIGIT_BITS 11
#define DIGITS ((64 + DIGIT_BITS - 1) / DIGIT_BITS)
#define BUCKETS (1u << DIGIT_BITS)

void
idlist_sort(struct idlist *l)
{
	size_t (*count)[BUCKETS];
	struct idlist_entry *from = l->v, *to;

	if (l->n < 2)
		return;
	count = xcalloc(DIGITS, sizeof *count);
	to = xcalloc(l->n, sizeof *to);
	for (size_t i = 0; i < l->n; i++)
		for (int d = 0; d < DIGITS; d++)
			count[d][(from[i].key >> (d * DIGIT_BITS)) & (BUCKETS - 1)]++;
	for (int d = 0; d < DIGITS; d++) {
		unsigned shift = (unsigned)(d * DIGIT_BITS);
		size_t sum = 0;
		struct idlist_entry *t;

		if (count[d][(from[0].key >> shift) & (BUCKETS - 1)] == l->n)
			continue;
		for (unsigned b = 0; b < BUCKETS; b++) {
			size_t c = count[d][b];

			count[d][b] = sum;
			sum += c;
		}
		for (size_t i = 0; i < l->n; i++)
			to[count[d][(from[i].key >> shift) & (BUCKETS - 1)]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	if (from != l->v) {   /* the sorted copy is the temporary one */
		to = l->v;
		l->v = from;
		l->cap = l->n;
	}
	free(to);
	free(count);
}
