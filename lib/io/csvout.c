#include <stdio.h>
#include <string.h>

#include "io/csvout.h"
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

void
csvout_cell(struct csvout *w, const char *s, size_t n)
{
	int guard = w->kind == CSVOUT_HUMAN && csvout_is_formula(s, n);
	int quote = 0;

	if (w->fields++ > 0)
		outfile_write(w->out, ",", 1);
	for (size_t i = 0; i < n; i++)
		if (special[(unsigned char)s[i]]) {
			quote = 1;
			break;
		}
	if (!quote) {
		if (guard)
			outfile_write(w->out, "'", 1);
		outfile_write(w->out, s, n);
		return;
	}
	outfile_write(w->out, guard ? "\"'" : "\"", guard ? 2 : 1);
	for (;;) {
		const char *q = memchr(s, '"', n);
		size_t k = q ? (size_t)(q - s) + 1 : n;

		outfile_write(w->out, s, k);
		if (q == NULL)
			break;
		outfile_write(w->out, "\"", 1);
		s += k;
		n -= k;
	}
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
