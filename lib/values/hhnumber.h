/* Household numbers (household_id) compared by value. A number made only
 * of digits is the same household however many leading zeros it is
 * written with — `1`, `01` and `001` are one household, since a
 * spreadsheet that saves a file drops them — and any other number is
 * compared byte for byte. Every lookup of a household by its number
 * (lists, survey rows, votes, objections, the intake roster, last year's
 * registry) goes through these functions. */
#ifndef TPA_HHNUMBER_H
#define TPA_HHNUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "base/strmap.h"

/* The key of S[0..N) for hashing and comparing: a number made only of
 * digits without its leading zeros (one 0 kept for zero), any other as
 * written. The key is a suffix of S: returns its start, length in *LEN. */
const char *hhnumber_key(const char *s, size_t n, size_t *len);

/* A total order of household numbers in which equal values compare 0:
 * numbers of digits first, by value; then the others, byte for byte. A
 * file sorted bytewise whose numbers of digits all have the same width
 * is in this order too (the fast paths of sorted lists rely on it). */
int hhnumber_cmp(const char *a, const char *b);

/* Whether A and B name the same household. */
int hhnumber_same(const char *a, const char *b);

/* Household maps (base/strmap.h) keyed by value. */
uint32_t *hhnumber_get(const struct strmap *m, const char *s, size_t n);
uint32_t *hhnumber_put(struct strmap *m, const char *s, size_t n,
    uint32_t value, int *inserted);

/* The number of leading zeros S[0..N) lacks to be written in WIDTH
 * digits: 0 unless S is made only of digits and is shorter. */
size_t hhnumber_pad(const char *s, size_t n, size_t width);

#endif
