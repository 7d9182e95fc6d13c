/* ID numbers, each with the person it belongs to: the duplicate-person
 * checks. Keys are the 17 digits as one integer (the check character
 * follows from them), so an entry is 12 bytes.
 *
 * idset finds a repeat the moment it is added (a hash table: one random
 * memory access per ID). idlist finds them all at the end: IDs are
 * appended in order and sorted once by radix, which reads memory in
 * sequence and is several times faster for millions of people. */
#ifndef TPA_IDSET_H
#define TPA_IDSET_H

#include <stddef.h>
#include <stdint.h>

struct idset {
	struct idset_slot { uint64_t key; uint32_t value; } *slots;
	size_t cap, count;
};

void idset_init(struct idset *s);
void idset_free(struct idset *s);
/* Add the valid ID number ID with VALUE. Returns NULL when it is new, or
 * a pointer to the value already stored for it. */
const uint32_t *idset_add(struct idset *s, const char *id, uint32_t value);

struct idlist {
	struct idlist_entry { uint64_t key; uint32_t value; } *v;
	size_t n, cap;
};

void idlist_init(struct idlist *l);
void idlist_free(struct idlist *l);
/* Append the valid ID number ID with VALUE. */
void idlist_add(struct idlist *l, const char *id, uint32_t value);
/* Sort by ID number, equal ones in the order they were added. Repeats of
 * one number are then adjacent: l->v[i].key == l->v[i + 1].key. */
void idlist_sort(struct idlist *l);

#endif
