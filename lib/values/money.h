/* Money: yuan on input and output, integer fen (1/100 yuan) inside. */
#ifndef TPA_MONEY_H
#define TPA_MONEY_H

#include <stddef.h>

#define MONEY_BUF 32
/* Largest amount accepted: 10^13 yuan, far above any household income and
 * far below the range of long long in fen. */
#define MONEY_MAX_FEN 1000000000000000LL

/* Parse S[0..N) (already trimmed) as yuan: optional sign, optional '¥' or
 * '￥', digits with optional thousands separators (groups of three), up to
 * two decimals. Stores fen in *FEN. Returns 0, or -1 when S is not an
 * amount (including empty). */
int money_parse(const char *s, size_t n, long long *fen);
/* The unsigned part of a number or an amount, S up to END: digits with
 * optional thousands separators (groups of three), up to PLACES decimals,
 * at most MAX_WHOLE before the point. Stores the value times 10^PLACES in
 * *SCALED. Returns 0, or -1 when S is not such a number. */
int decimal_parse(const char *s, const char *end, int places, long long max_whole,
    long long *scaled);

/* Format FEN as yuan with two decimals ("-12.30") into BUF. Returns BUF. */
const char *money_format(char buf[MONEY_BUF], long long fen);

/* Divide NUM fen by DEN (> 0) rounding half away from zero. */
long long money_div_round(long long num, long long den);

#endif
