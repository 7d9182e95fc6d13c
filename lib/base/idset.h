/* ID numbers seen so far, each with the person it belongs to: the
 * duplicate-person check of apply. Keys are the 17 digits as one integer
 * (the check character follows from them), so a slot is 12 bytes and a
 * lookup touches one cache line. */
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

#endif
