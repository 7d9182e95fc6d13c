/* tpa-appraise: democratic appraisal. */
#include "base/i18n.h"
#include "stages/appraise.h"
#include "stages/shell.h"
#include "stages/options.h"

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char usage[] = N_(
"usage: tpa-appraise --village V [--rules R] [--columns FILE] [-e ENCODING]\n"
"                    [-q] [-o FILE] PRIMARY.csv VOTES.csv\n"
"       tpa-appraise --explain HOUSEHOLD_ID --village V PRIMARY.csv VOTES.csv\n"
"\n"
"Check the meeting's quorum, count the votes of the villagers'\n"
"representatives, rank the households that passed and admit them within\n"
"the village's quota; write the appraised list (-o, default standard\n"
"output). Exit 1 when the quorum was not met.\n"
"\n"
"  --village V        village.yaml, or the folder holding it (required)\n"
"  --town DIR         in a county's area, the town's folder (default: beside\n"
"                     the village folder, town-T with T its first 9 digits)\n"
"  --county DIR       the county's folder (default: beside it, county-C)\n"
"  --rules R          rules file (default: the one village.yaml names)\n"
"  --columns FILE     extra header aliases (YAML)\n"
"  --explain H        print how household H was appraised; write nothing\n"
"  -e, --encoding E   auto (default), utf-8 or gb18030\n"
"  -o, --output FILE  appraised.csv\n"
"  --include-anywhere let the rules include files outside their folder\n"
"  -q, --quiet        no summary line\n"
"  --help, --version\n");

int
main(int argc, char **argv)
{
	struct appraise_options o = { 0 };
	const char *encoding = "auto", *quiet = NULL, *anywhere = NULL;
	const struct option opts[] = {
		{ "village", 0, 1, &o.village },
		{ "town", 0, 1, &o.town },
		{ "county", 0, 1, &o.county },
		{ "rules", 0, 1, &o.rules },
		{ "columns", 0, 1, &o.columns },
		{ "explain", 0, 1, &o.explain },
		{ "encoding", 'e', 1, &encoding },
		{ "output", 'o', 1, &o.output },
		{ "quiet", 'q', 0, &quiet },
		{ "include-anywhere", 0, 0, &anywhere },
		{ NULL, 0, 0, NULL },
	};
	int n;

	program_set_name("tpa-appraise");
	i18n_init();
	options_parse(argc, argv, opts, usage, &n);
	if (n != 2)
		usage_error(usage, _("PRIMARY.csv and VOTES.csv are needed"));
	if (o.village == NULL)
		usage_error(usage, _("--village is required"));
	if (csvin_encoding_parse(encoding, &o.encoding) != 0)
		usage_error(usage, _("unknown encoding \"%s\""), encoding);
	o.primary = argv[0];
	o.votes = argv[1];
	o.quiet = quiet != NULL;
	o.include_anywhere = anywhere != NULL;
	return appraise_run(&o);
}
