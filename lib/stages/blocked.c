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
/* the list's name, POSTED_A, the households, POSTED_B */
#define POSTED_A " changed after the notice was posted and its objections " \
    "recorded (the notice shows otherwise: "
#define POSTED_B "): post the new list again"

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
blocked_posted(struct strbuf *b, const char *list, const char *households)
{
	size_t at;

	next(b);
	strbuf_puts(b, list);
	strbuf_puts(b, POSTED_A);
	at = b->len;
	strbuf_puts(b, households);
	for (size_t i = at; i < b->len; i++)
		if (b->s[i] == ';')  /* the causes' separator */
			b->s[i] = ',';
	strbuf_puts(b, POSTED_B);
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
		const char *a_at;
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
		else if ((a_at = strstr(part, POSTED_A)) != NULL && len >= strlen(POSTED_B) &&
		    strcmp(part + len - strlen(POSTED_B), POSTED_B) == 0 &&
		    a_at + strlen(POSTED_A) <= part + len - strlen(POSTED_B)) {
			const char *h = a_at + strlen(POSTED_A);

			/* TRANSLATORS: the list, the households whose rows the
			 * notice shows otherwise (H036, H037). */
			strbuf_printf(out, _("%.*s changed after the notice was posted "
			    "and its objections recorded (the notice shows otherwise: "
			    "%.*s): post the new list again"), (int)(a_at - part), part,
			    (int)(part + len - strlen(POSTED_B) - h), h);
		}
		else
			strbuf_puts(out, part);
		free(part);
		why += len;
		while (*why == ';' || *why == ' ')
			why++;
	}
}
