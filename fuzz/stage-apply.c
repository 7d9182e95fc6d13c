/* The whole apply stage, in process: the input is applications.csv. */
#include "fixture.h"
#include "stages/apply.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct apply_options o = { 0 };
	int rc;

	o.village = fixture_path("village.yaml");
	o.input = fixture_input("fuzzed.csv", data, size);
	o.output = fixture_path("out-applicants.csv");
	o.rejects = fixture_path("out-rejects.csv");
	o.quiet = 1;
	rc = apply_run(&o);
	if (rc < 0 || rc > 2)
		__builtin_trap();
	return 0;
}
