/* Fuzz the rules loader and the evaluator: the input is a rules file; when
 * it loads, its conditions are bound to a fixed set of columns and run on
 * households made of slices of the same input. */
#include <stdint.h>
#include <string.h>

#include "rules/rules.h"
#include "yamlfile.h"

static const char *const hh_names[] = { "x", "housing", "dibao", "members",
	"per_capita_income", "car_value", "urban_house" };
static const char *const member_names[] = { "health", "age", "occupation",
	"labor", "in_school" };

static void
run(struct rule_list *l, const uint8_t *data, size_t size)
{
	char err[1024], cells[12][32], errbuf[256];
	const char *hh[7], *members[3 * 5];
	struct cond_context ctx;

	if (rules_bind(l, hh_names, 7, member_names, 5, err, sizeof err) != 0)
		return;
	/* Cells: pieces of the input, NUL-free (and not always valid UTF-8:
	 * a pattern must not crash on such a subject). */
	for (int i = 0; i < 12; i++) {
		size_t n = 0;

		for (size_t k = 0; k < 31 && (size_t)(i * 7) + k < size; k++) {
			uint8_t c = data[i * 7 + k];

			if (c == 0)
				break;
			cells[i][n++] = (char)c;
		}
		cells[i][n] = '\0';
	}
	for (int i = 0; i < 7; i++)
		hh[i] = cells[i];
	hh[3] = "3";
	for (int i = 0; i < 15; i++)
		members[i] = cells[(i + 5) % 12];
	memset(&ctx, 0, sizeof ctx);
	ctx.household = hh;
	ctx.nmembers = 3;
	ctx.members = members;
	ctx.member_width = 5;
	ctx.err = errbuf;
	ctx.errlen = sizeof errbuf;
	for (size_t i = 0; i < l->n; i++)
		(void)cond_eval(l->items[i].when, &ctx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules r;
	char err[1024];

	memset(&r, 0, sizeof r);
	if (rules_load(&r, fuzz_file("rules.yaml", data, size), err, sizeof err) != 0) {
		if (err[0] == '\0')
			__builtin_trap();
		return 0;
	}
	run(&r.exclusions, data, size);
	run(&r.considerations, data, size);
	run(&r.attributes, data, size);
	run(&r.causes, data, size);
	rules_free(&r);
	return 0;
}
