/* Finding a string among strings kept in strictly increasing order of a
 * comparison (rows read from a file sorted by household), with no index. */
#ifndef TPA_SEARCH_H
#define TPA_SEARCH_H

#include <stddef.h>

/* The position of KEY among the N strings KEY_AT(CTX, 0..N-1), which
 * strictly increase by CMP (strcmp's contract; 0 means the same), or -1.
 * *CURSOR is the position after the last one found (0 at first): a run of
 * lookups in the same order finds each key near the last, galloping from
 * there before the binary search. */
long sorted_find(const void *ctx, const char *(*key_at)(const void *ctx, size_t i),
    size_t n, const char *key, size_t *cursor,
    int (*cmp)(const char *, const char *));

#endif
