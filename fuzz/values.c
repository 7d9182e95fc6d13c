/* Fuzz the value parsers: ID numbers, dates, money, enumerations, text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "values/date.h"
#include "values/enums.h"
#include "values/idnumber.h"
#include "values/money.h"
#include "values/text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct id_checker *ids;
	const char *s = (const char *)data, *t;
	char id[ID_LEN + 1], masked[ID_MASKED_BUF], buf[MONEY_BUF], dbuf[DATE_BUF];
	long long fen;
	long days;
	size_t n = size;

	if (ids == NULL)
		ids = id_checker_new(2015);
	if (utf8_valid_prefix(s, size, 0) == size) {
		/* The checker matches with PCRE2, which wants valid UTF-8. */
		if (id_check(ids, s, size, id) == ID_OK) {
			if (strlen(id) != ID_LEN || id_check_char(id) != id[17])
				__builtin_trap();
			(void)id_sex(id);
			(void)id_birth(id);
		}
		(void)enum_lookup(&enum_relation, s, size);
		(void)enum_lookup(&enum_cause, s, size);
		(void)text_width(s, size);
		(void)utf8_chars(s, size);
	}
	id_mask(masked, s, size);
	if (money_parse(s, size, &fen) == 0) {
		long long again;

		money_format(buf, fen);
		/* What is written reads back the same. */
		if (money_parse(buf, strlen(buf), &again) != 0 || again != fen)
			__builtin_trap();
	}
	if (date_parse(s, size, 2015, &days) == 0) {
		long again;

		date_format(dbuf, days);
		if (date_parse(dbuf, strlen(dbuf), 0, &again) != 0 || again != days)
			__builtin_trap();
	}
	t = text_trim(s, &n);
	if (t < s || t + n > s + size)
		__builtin_trap();
	(void)utf8_valid_prefix(s, size, 1);
	return 0;
}
