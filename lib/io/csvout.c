#include <stdio.h>
#include <string.h>

#include "io/csvout.h"
#include "values/idnumber.h"
#include "values/money.h"

void
csvout_init(struct csvout *w, struct outfile *out, enum csvout_kind kind)
{
	w->out = out;
	w->kind = kind;
	w->fields = 0;
}

int
csvout_is_formula(const char *s, size_t n)
{
	return n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
	    s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

/* Bytes that make a cell need quotes. */
static const unsigned char special[256] = {
	['\n'] = 1, ['\r'] = 1, ['"'] = 1, [','] = 1,
};

/* Write S[0..N), its double quotes doubled when QUOTE. */
static void
body(struct csvout *w, const char *s, size_t n, int quote)
{
	while (quote) {
		const char *q = memchr(s, '"', n);
		size_t k = q ? (size_t)(q - s) + 1 : n;

		outfile_write(w->out, s, k);
		if (q == NULL)
			return;
		outfile_write(w->out, "\"", 1);
		s += k;
		n -= k;
	}
	outfile_write(w->out, s, n);
}

void
csvout_cell(struct csvout *w, const char *s, size_t n)
{
	int human = w->kind == CSVOUT_HUMAN;
	int guard = human && csvout_is_formula(s, n);
	int quote = 0;
	size_t pos = 0, start, from = 0;
	char masked[ID_MASKED_BUF];

	if (w->fields++ > 0)
		outfile_write(w->out, ",", 1);
	for (size_t i = 0; i < n; i++)
		if (special[(unsigned char)s[i]]) {
			quote = 1;
			break;
		}
	if (quote)
		outfile_write(w->out, guard ? "\"'" : "\"", guard ? 2 : 1);
	else if (guard)
		outfile_write(w->out, "'", 1);
	/* A file for people never shows a full ID number, wherever in a row
	 * it turned up: every ID-shaped run is masked as it is written. */
	while (human && id_next_run(s, n, &pos, &start, masked)) {
		body(w, s + from, start - from, quote);
		outfile_puts(w->out, masked);
		from = pos;
	}
	body(w, s + from, n - from, quote);
	if (quote)
		outfile_write(w->out, "\"", 1);
}

void
csvout_str(struct csvout *w, const char *s)
{
	csvout_cell(w, s ? s : "", s ? strlen(s) : 0);
}

void
csvout_int(struct csvout *w, long long v)
{
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%lld", v);

	csvout_cell(w, buf, (size_t)n);
}

void
csvout_fen(struct csvout *w, long long fen)
{
	char buf[MONEY_BUF];

	csvout_str(w, money_format(buf, fen));
}

void
csvout_bom(struct csvout *w)
{
	outfile_write(w->out, "\xEF\xBB\xBF", 3);
}

void
csvout_end(struct csvout *w)
{
	outfile_write(w->out, "\n", 1);
	w->fields = 0;
}

void
csvout_row(struct csvout *w, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csvout_str(w, cells[i]);
	csvout_end(w);
}
