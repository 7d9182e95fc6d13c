/* Regular expressions: PCRE2 in UTF + UCP mode, JIT-compiled where the
 * machine allows (interpreter otherwise), with match and depth limits so a
 * pattern from a user's rules file cannot hang a stage. */
#ifndef TPA_PATTERN_H
#define TPA_PATTERN_H

#include <stddef.h>

struct pattern;

enum pattern_flags {
	PATTERN_WHOLE = 1   /* the pattern must match the whole subject */
};

/* Compile PATTERN. On error returns NULL and writes a message naming the
 * offset into ERR (ERRLEN bytes). */
struct pattern *pattern_compile(const char *pattern, int flags, char *err,
    size_t errlen);

/* Match valid UTF-8 SUBJECT[0..N). Returns 1 on a match, 0 on none, -1 when
 * a limit was hit or the subject is not valid UTF-8. */
int pattern_match(struct pattern *p, const char *subject, size_t n);

void pattern_free(struct pattern *p);

#endif
