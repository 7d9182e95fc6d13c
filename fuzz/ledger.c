/* Fuzz the LEDGER.csv reader: any bytes are read as a ledger or refused
 * with a message, and the lookups on what was read never fail. */
#include <stdint.h>
#include <string.h>

#include "io/ledger.h"
#include "io/paths.h"
#include "yamlfile.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ledger l;
	struct strbuf err = { 0 };
	char *dir = path_dir(fuzz_file("LEDGER.csv", data, size));
	int rc = ledger_load(&l, dir, &err);

	if (rc != 0 && strbuf_str(&err)[0] == '\0')
		__builtin_trap();
	for (size_t i = 0; i < l.nrows; i++) {
		const struct ledger_row *r = &l.row[i];

		if (strlen(r->village) != 12 || strlen(r->sha256) != 64 ||
		    r->seq != (long)i + 1 || ledger_row_seq(&l, r->seq) != r)
			__builtin_trap();
		(void)ledger_latest_file(&l, r->village, "survey.csv");
		if (ledger_receipt_last(&l, r->village, r->receipt) == NULL ||
		    ledger_latest_receipt(&l, r->village) < r->receipt)
			__builtin_trap();
	}
	ledger_free(&l);
	strbuf_free(&err);
	free(dir);
	return 0;
}
