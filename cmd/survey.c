/* tpa-survey: household survey. */
#include "base/i18n.h"
#include "stages/shell.h"
#include "stages/options.h"
#include "stages/survey.h"

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char usage[] = N_(
"usage: tpa-survey [--village V] [--rules R] [--rejects FILE] [--columns FILE]\n"
"                  [-e ENCODING] [-q] [-o FILE] APPLICANTS.csv SURVEY.csv\n"
"       tpa-survey --explain HOUSEHOLD_ID [--village V] [--rules R] APPLICANTS.csv SURVEY.csv\n"
"\n"
"Join applicants and survey rows, compute per-capita income, apply the\n"
"rules and write the primary list (-o, default standard output) with a\n"
"decision and its reasons for every household; rejected survey rows go to\n"
"--rejects (default rejects-survey.csv beside the output).\n"
"\n"
"  --village V        village.yaml, or the folder holding it\n"
"  --town DIR         in a county's area, the town's folder (default: beside\n"
"                     the village folder, town-T with T its first 9 digits)\n"
"  --county DIR       the county's folder (default: beside it, county-C)\n"
"  --rules R          rules file (default: the one village.yaml names)\n"
"  --rejects FILE     where rejected rows go\n"
"  --columns FILE     extra header aliases (YAML)\n"
"  --explain H        print how every rule decides household H; write nothing\n"
"  --include-anywhere let the rules include files outside their folder\n"
"  -e, --encoding E   auto (default), utf-8 or gb18030\n"
"  -o, --output FILE  primary.csv\n"
"  -q, --quiet        no summary line\n"
"  --help, --version\n");

int
main(int argc, char **argv)
{
	struct survey_options o = { 0 };
	const char *encoding = "auto", *quiet = NULL, *anywhere = NULL;
	const struct option opts[] = {
		{ "village", 0, 1, &o.village },
		{ "town", 0, 1, &o.town },
		{ "county", 0, 1, &o.county },
		{ "rules", 0, 1, &o.rules },
		{ "rejects", 0, 1, &o.rejects },
		{ "columns", 0, 1, &o.columns },
		{ "explain", 0, 1, &o.explain },
		{ "include-anywhere", 0, 0, &anywhere },
		{ "encoding", 'e', 1, &encoding },
		{ "output", 'o', 1, &o.output },
		{ "quiet", 'q', 0, &quiet },
		{ NULL, 0, 0, NULL },
	};
	int n;

	program_set_name("tpa-survey");
	i18n_init();
	options_parse(argc, argv, opts, usage, &n);
	if (n != 2)
		usage_error(usage, _("APPLICANTS.csv and SURVEY.csv are needed"));
	if (csvin_encoding_parse(encoding, &o.encoding) != 0)
		usage_error(usage, _("unknown encoding \"%s\""), encoding);
	o.applicants = argv[0];
	o.survey = argv[1];
	o.quiet = quiet != NULL;
	o.include_anywhere = anywhere != NULL;
	return survey_run(&o);
}
