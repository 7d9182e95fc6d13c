#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "stages/blocked.h"
#include "stages/shell.h"

/* The record's words: each written by printf and read back by sscanf. */
#define PENDING "%zu objection(s) pending: "
/* the level's word goes where W says: "s" to write, "15s" to read */
#define PERIOD(w) "the %" w " publicity period lasted %ld days, the rules require %lld"
#define QUORUM "quorum not met: %lld representatives present, %lld needed"
#define AUDIT "the audit found %zu error(s)"
#define UNEXPLAINED "unexplained: "

static void
next(struct strbuf *b)
{
	if (b->len > 0)
		strbuf_puts(b, "; ");
}

void
blocked_pending(struct strbuf *b, size_t n, const char *households)
{
	next(b);
	strbuf_printf(b, PENDING "%s", n, households);
}

void
blocked_period(struct strbuf *b, enum level l, long days, long long min)
{
	next(b);
	strbuf_printf(b, PERIOD("s"), level_code(l), days, min);
}

void
blocked_quorum(struct strbuf *b, long long present, long long needed)
{
	next(b);
	strbuf_printf(b, QUORUM, present, needed);
}

void
blocked_audit(struct strbuf *b, size_t errors)
{
	next(b);
	strbuf_printf(b, AUDIT, errors);
}

void
blocked_unexplained(struct strbuf *b, const char *households)
{
	next(b);
	strbuf_printf(b, UNEXPLAINED "%s", households);
}

void
blocked_say(const char *why, struct strbuf *out)
{
	while (*why != '\0') {
		size_t len = strcspn(why, ";");
		char *part = xstrndup(why, len), word[16];
		long long a, b;
		long days;
		size_t n;
		int off = 0;

		if (out->len)
			strbuf_puts(out, _("; "));
		if (sscanf(part, PENDING "%n", &n, &off) == 1 && off > 0)
			strbuf_printf(out, _("%zu objection(s) pending: %s"), n, part + off);
		else if (sscanf(part, PERIOD("15s"), word, &days, &a) == 3) {
			int l = enum_lookup(&enum_level, word, strlen(word));

			strbuf_printf(out, _("the %s publicity period lasted %ld days, "
			    "the rules require %lld"), l >= 0 ?
			    stage_level_word((enum level)l) : word, days, a);
		} else if (sscanf(part, QUORUM, &a, &b) == 2)
			strbuf_printf(out, _("quorum not met: %lld representatives present, "
			    "%lld needed"), a, b);
		else if (sscanf(part, AUDIT "%n", &n, &off) == 1 && off > 0)
			strbuf_printf(out, _("the audit found %zu error(s)"), n);
		else if (strncmp(part, UNEXPLAINED, strlen(UNEXPLAINED)) == 0)
			strbuf_printf(out, _("unexplained: %s"), part + strlen(UNEXPLAINED));
		else
			strbuf_puts(out, part);
		free(part);
		why += len;
		while (*why == ';' || *why == ' ')
			why++;
	}
}
