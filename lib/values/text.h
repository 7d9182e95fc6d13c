/* Text helpers for UTF-8 cells: validation, trimming, case-insensitive
 * ASCII comparison, counting. Nothing here depends on the locale. */
#ifndef TPA_TEXT_H
#define TPA_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Length of the longest valid UTF-8 prefix of S[0..N). Equals N when the
 * whole text is valid. With PARTIAL_OK, an incomplete sequence cut by the
 * end of the buffer counts as valid (more bytes are on their way). */
size_t utf8_valid_prefix(const char *s, size_t n, int partial_ok);

/* Number of characters (code points) in valid UTF-8 text. */
size_t utf8_chars(const char *s, size_t n);

/* Trim white space at both ends in place: ASCII space, tab, CR, LF, and
 * U+3000 (ideographic space) and U+00A0. Returns the new start and sets
 * *N to the new length. */
const char *text_trim(const char *s, size_t *n);

/* ASCII-only case-insensitive equality of S[0..N) and the C string T. */
int text_ieq(const char *s, size_t n, const char *t);

/* Write N with thousands separators ("1,390") into BUF (at least 32 bytes). */
const char *text_count(char *buf, uint64_t n);

/* Display width of UTF-8 text on a terminal: East Asian wide and
 * full-width characters count two columns, others one. */
size_t text_width(const char *s, size_t n);

#endif
