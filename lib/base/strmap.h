/* A map from byte strings to 32-bit values (open addressing, FNV-1a).
 * Keys are copied into one growing arena: no allocation per key. */
#ifndef TPA_STRMAP_H
#define TPA_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap {
	struct strmap_slot { uint64_t key_off; uint32_t key_len, value; uint32_t hash, used; } *slots;
	size_t cap, count;
	char *keys;
	size_t keys_len, keys_cap;
};

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);

/* Find KEY[0..N). Returns a pointer to its value, or NULL. */
uint32_t *strmap_get(const struct strmap *m, const char *key, size_t n);
/* Find or insert KEY with VALUE. Returns a pointer to the value stored
 * (the old one when the key was there: compare to tell). */
uint32_t *strmap_put(struct strmap *m, const char *key, size_t n,
    uint32_t value, int *inserted);
/* The stored copy of a key (NUL-terminated) of the slot holding VALUE_PTR. */
const char *strmap_key(const struct strmap *m, const uint32_t *value_ptr);

#endif
