/* CSV writer: RFC 4180, LF line ends, quotes only the cells that need it
 * (a comma, a double quote, CR or LF inside). In HUMAN mode — files meant
 * for people: notices, ledgers, cards, statistics, rejects — a cell that
 * begins with '=', '+', '-', '@', tab or CR gets a leading apostrophe so a
 * spreadsheet shows it as text instead of running it as a formula, and
 * every ID-shaped run of a cell (values/idnumber: id_mask_runs) is written
 * masked, whatever column it was typed in. */
#ifndef TPA_CSVOUT_H
#define TPA_CSVOUT_H

#include <stddef.h>

#include "io/outfile.h"

enum csvout_kind { CSVOUT_DATA, CSVOUT_HUMAN };

struct csvout {
	struct outfile *out;     /* borrowed */
	enum csvout_kind kind;
	int fields;              /* cells written on the current row */
};

void csvout_init(struct csvout *w, struct outfile *out, enum csvout_kind kind);
/* Write one cell of N bytes. */
void csvout_cell(struct csvout *w, const char *s, size_t n);
void csvout_str(struct csvout *w, const char *s);
/* Write an integer cell, or an amount of fen as yuan with two decimals. */
void csvout_int(struct csvout *w, long long v);
void csvout_fen(struct csvout *w, long long fen);
/* The UTF-8 byte-order mark that files meant for people start with, so
 * that Excel and WPS open them as UTF-8. */
void csvout_bom(struct csvout *w);
/* End the current row with LF. */
void csvout_end(struct csvout *w);
/* Write a whole row of C strings. */
void csvout_row(struct csvout *w, const char *const *cells, size_t n);

/* Whether a cell would be run as a spreadsheet formula. */
int csvout_is_formula(const char *s, size_t n);

#endif
