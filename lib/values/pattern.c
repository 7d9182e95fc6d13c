#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "values/pattern.h"

#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000

struct pattern {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mc;
};

struct pattern *
pattern_compile(const char *src, int flags, char *err, size_t errlen)
{
	uint32_t options = PCRE2_UTF | PCRE2_UCP;
	struct pattern *p;
	PCRE2_SIZE off;
	int code;

	if (flags & PATTERN_WHOLE)
		options |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	p = xcalloc(1, sizeof *p);
	p->code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, options,
	    &code, &off, NULL);
	if (p->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, _("bad pattern at offset %zu: %s"),
		    (size_t)off, (const char *)msg);
		free(p);
		return NULL;
	}
	/* JIT is an optimisation: when it fails the interpreter is used. */
	(void)pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
	p->md = pcre2_match_data_create_from_pattern(p->code, NULL);
	p->mc = pcre2_match_context_create(NULL);
	if (p->md == NULL || p->mc == NULL)
		alloc_failed(0);
	pcre2_set_match_limit(p->mc, MATCH_LIMIT);
	pcre2_set_depth_limit(p->mc, DEPTH_LIMIT);
	return p;
}

int
pattern_match(struct pattern *p, const char *subject, size_t n)
{
	int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, n, 0, 0, p->md, p->mc);

	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	return -1;
}

void
pattern_free(struct pattern *p)
{
	if (p == NULL)
		return;
	pcre2_match_context_free(p->mc);
	pcre2_match_data_free(p->md);
	pcre2_code_free(p->code);
	free(p);
}
