/* The rules loader and evaluator, in process: the input is a rules file;
 * the whole survey runs with it on the fixture's applicants and survey. */
#include "fixture.h"
#include "stages/survey.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct survey_options o = { 0 };
	int rc;

	o.rules = fixture_input("fuzzed.yaml", data, size);
	o.applicants = fixture_path("applicants.csv");
	o.survey = fixture_path("survey.csv");
	o.output = fixture_path("out-primary.csv");
	o.rejects = fixture_path("out-rejects.csv");
	o.quiet = 1;
	rc = survey_run(&o);
	if (rc < 0 || rc > 2)
		__builtin_trap();
	return 0;
}
