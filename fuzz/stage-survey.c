/* The whole survey stage, in process: the input is survey.csv, with the
 * fixture's applicants and rules (typed fields, patterns, quantifiers). */
#include "fixture.h"
#include "stages/survey.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct survey_options o = { 0 };
	int rc;

	o.village = fixture_path("village.yaml");
	o.applicants = fixture_path("applicants.csv");
	o.survey = fixture_input("fuzzed.csv", data, size);
	o.output = fixture_path("out-primary.csv");
	o.rejects = fixture_path("out-rejects.csv");
	o.quiet = 1;
	rc = survey_run(&o);
	if (rc < 0 || rc > 2)
		__builtin_trap();
	return 0;
}
