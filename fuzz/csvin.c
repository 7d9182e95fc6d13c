/* Fuzz the CSV reader: any bytes, in any of the three encodings (first
 * byte), read in chunks of 1 to 256 bytes (second byte) so that chunk
 * boundaries fall inside multi-byte characters, quotes and CRLF pairs. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "io/csvin.h"

static int
touch(void *ctx, const struct csvin_row *row)
{
	size_t *total = ctx;

	for (size_t i = 0; i < row->n; i++)
		*total += row->len[i] + (row->cell[i][row->len[i]] == '\0');
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum csv_encoding enc[3] = { ENC_AUTO, ENC_UTF8, ENC_GB18030 };
	struct csvin *in;
	size_t total = 0;

	if (size < 2)
		return 0;
	in = csvin_open_mem("fuzz.csv", (const char *)data + 2, size - 2, enc[data[0] % 3]);
	csvin_set_chunk(in, (size_t)data[1] + 1);
	if (csvin_read(in, touch, &total) < 0 && strlen(csvin_error(in)) == 0)
		__builtin_trap();   /* an error always says why */
	csvin_close(in);
	return 0;
}
