/* The whole appraisal, in process: the input is votes.csv. */
#include "fixture.h"
#include "stages/appraise.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct appraise_options o = { 0 };
	int rc;

	o.village = fixture_path("village.yaml");
	o.primary = fixture_path("primary.csv");
	o.votes = fixture_input("fuzzed.csv", data, size);
	o.output = fixture_path("out-appraised.csv");
	o.quiet = 1;
	rc = appraise_run(&o);
	if (rc < 0 || rc > 2)
		__builtin_trap();
	return 0;
}
