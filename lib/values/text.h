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

/* ASCII-only case-insensitive equality of A[0..N) and B[0..N). */
int text_ieqn(const char *a, const char *b, size_t n);

/* Whether S[0..N) holds full-width forms (U+FF01..U+FF5E) or U+3000. */
int text_has_wide_forms(const char *s, size_t n);

/* Fold full-width forms (U+FF01..U+FF5E: "ＹＥＳ", "１２", "（") to their
 * ASCII forms and U+3000 to a space, writing into OUT (room for N+1
 * bytes: folding never lengthens text). Returns the new length. */
size_t text_fold_width(const char *s, size_t n, char *out);

/* Offset of the first control character in S[0..N) — C0 (U+0000..U+001F)
 * or DEL — or -1 when there is none. With FREE_TEXT, TAB, LF and CR are
 * allowed (a multi-line free-text cell). */
long text_control(const char *s, size_t n, int free_text);

/* Whether S[0..N) is made only of ASCII digits, N > 0: a code (village,
 * town, county) or a household number of digits. */
int text_digits(const char *s, size_t n);

struct strbuf;
/* Append S[0..N) to B as a message quotes a value: in double quotes, at
 * most 48 characters (cut at a character boundary, then "..."), control
 * characters written as \xNN so a terminal never acts on them. */
void text_quote(struct strbuf *b, const char *s, size_t n);

/* The bytes of the first MAX characters of the UTF-8 text S[0..N) (a
 * character never cut in two). */
size_t text_cut_chars(const char *s, size_t n, size_t max);

#endif
