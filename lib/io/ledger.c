/* LEDGER.csv: see ledger.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "io/ledger.h"

int
ledger_load(struct ledger *l, const char *dir, struct strbuf *err)
{
	(void)err;
	memset(l, 0, sizeof *l);
	l->dir = xstrdup(dir);
	return 0;
}

void
ledger_free(struct ledger *l)
{
	for (size_t i = 0; i < l->nrows; i++)
		free(l->row[i].file);
	free(l->row);
	free(l->dir);
	free(l->path);
	memset(l, 0, sizeof *l);
}

long
ledger_latest_receipt(const struct ledger *l, const char *village)
{
	long n = 0;

	for (size_t i = 0; i < l->nrows; i++)
		if (strcmp(l->row[i].village, village) == 0 && l->row[i].receipt > n)
			n = l->row[i].receipt;
	return n;
}

const struct ledger_row *
ledger_latest_file(const struct ledger *l, const char *village, const char *name)
{
	(void)l; (void)village; (void)name;
	return NULL;
}

const struct ledger_row *
ledger_receipt_last(const struct ledger *l, const char *village, long n)
{
	const struct ledger_row *last = NULL;

	for (size_t i = 0; i < l->nrows; i++)
		if (strcmp(l->row[i].village, village) == 0 && l->row[i].receipt == n)
			last = &l->row[i];
	return last;
}

void
fingerprint_format(const char hex[DIGEST_HEX], char out[FINGERPRINT_LEN])
{
	size_t o = 0;

	for (int i = 0; i < 32; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = hex[i];
	}
	out[o] = '\0';
}

int
fingerprint_matches(const char *typed, const char hex[DIGEST_HEX])
{
	int i = 0;

	for (const char *p = typed; *p != '\0'; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (i >= 32 || tolower((unsigned char)*p) != hex[i])
			return 0;
		i++;
	}
	return i == 32;
}
