/* Objection resolution, in process: the input is objections.csv; the
 * notice of the same list is written too. */
#include "fixture.h"
#include "stages/publicize.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct publicize_options o = { 0 };
	int rc;

	o.level = LEVEL_VILLAGE;
	o.village = fixture_path("village.yaml");
	o.list = fixture_path("appraised.csv");
	o.objections = fixture_input("fuzzed.csv", data, size);
	o.output = fixture_path("out-publicized.csv");
	o.resurvey = fixture_path("out-resurvey.csv");
	o.quiet = 1;
	rc = publicize_resolve(&o);
	if (rc < 0 || rc > 2)
		__builtin_trap();
	o.list = fixture_path("out-publicized.csv");
	o.level = LEVEL_TOWN;
	o.objections = NULL;
	o.output = fixture_path("out-notice.html");
	if (rc != 2 && (rc = publicize_notice(&o)) > 2)
		__builtin_trap();
	return 0;
}
