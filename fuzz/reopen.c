/* Fuzz the reader of a level's reopen.csv: any bytes are read, each bad
 * row refused with a FILE:LINE message, and every row kept is whole: a
 * 12-digit village, a reason, and bytes for a receipt that read back as
 * the same row. */
#include <stdint.h>
#include <string.h>

#include "io/paths.h"
#include "rules/reopen.h"
#include "yamlfile.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reopen r, back;
	struct strbuf err = { 0 }, bytes = { 0 };
	char *dir = path_dir(fuzz_file("reopen.csv", data, size));
	int rc = reopen_load(&r, dir, NULL, &err);

	if (rc != 0 && strbuf_str(&err)[0] == '\0')
		__builtin_trap();
	for (size_t i = 0; i < r.n; i++) {
		const struct reopen_row *row = &r.row[i];

		if (strlen(row->village) != 12 || row->reason[0] == '\0')
			__builtin_trap();
		strbuf_reset(&bytes);
		reopen_row_bytes(row, &bytes);
		(void)fuzz_file("reopen.csv", (const uint8_t *)bytes.s, bytes.len);
		strbuf_reset(&err);
		if (reopen_load(&back, dir, NULL, &err) != 0 || back.n != 1 ||
		    back.row[0].date != row->date ||
		    strcmp(back.row[0].reason, row->reason) != 0)
			__builtin_trap();
		reopen_free(&back);
	}
	reopen_free(&r);
	strbuf_free(&err);
	strbuf_free(&bytes);
	free(dir);
	return 0;
}
