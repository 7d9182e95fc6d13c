/* tpa-file: the registry of a village, and statistics over registries. */
#include <string.h>

#include "base/i18n.h"
#include "stages/file.h"
#include "stages/options.h"
#include "stages/shell.h"

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char usage[] = N_(
"usage: tpa-file --village V [--rules R] [--previous REGISTRY_DIR] [--columns FILE]\n"
"                [-q] [-o DIR] VILLAGE_DIR\n"
"       tpa-file stats [-q] [-o DIR] REGISTRY_DIR...\n"
"\n"
"Build the village's registry (-o, default VILLAGE_DIR/registry) from the\n"
"list the county confirmed (publicized-county.csv), primary.csv and\n"
"applicants.csv: households.csv and members.csv (confidential, 0600),\n"
"stats.csv and stats.svg, cards.html (one A4 page per household, 0600)\n"
"and history.csv. Each household's status is decided against last year's\n"
"registry (--previous, default the previous: of village.yaml): new,\n"
"continuing, exited (the rules' exit condition holds), returned; one that\n"
"is neither confirmed nor exits is unexplained and the exit status is 1.\n"
"stats rolls the statistics of several registries up (town, county).\n"
"\n"
"  --village V        village.yaml, or the folder holding it (default VILLAGE_DIR)\n"
"  --town DIR         in a county's area, the town's folder (default: beside\n"
"                     the village folder, town-T with T its first 9 digits)\n"
"  --county DIR       the county's folder (default: beside it, county-C)\n"
"  --rules R          rules file (default: the one village.yaml names)\n"
"  --previous DIR     last year's registry folder\n"
"  --columns FILE     extra header aliases (YAML)\n"
"  -e, --encoding E   auto (default), utf-8 or gb18030\n"
"  -o, --output DIR   the registry folder (stats: the folder of stats.csv)\n"
"  --include-anywhere let the rules include files outside their folder\n"
"  -q, --quiet        no summary line\n"
"  --help, --version\n");

int
main(int argc, char **argv)
{
	struct file_options o = { 0 };
	const char *encoding = "auto", *quiet = NULL, *anywhere = NULL;
	const struct option opts[] = {
		{ "village", 0, 1, &o.village },
		{ "town", 0, 1, &o.town },
		{ "county", 0, 1, &o.county },
		{ "rules", 0, 1, &o.rules },
		{ "previous", 0, 1, &o.previous },
		{ "columns", 0, 1, &o.columns },
		{ "encoding", 'e', 1, &encoding },
		{ "output", 'o', 1, &o.output },
		{ "quiet", 'q', 0, &quiet },
		{ "include-anywhere", 0, 0, &anywhere },
		{ NULL, 0, 0, NULL },
	};
	int n;

	program_set_name("tpa-file");
	i18n_init();
	options_parse(argc, argv, opts, usage, &n);
	if (n >= 1 && strcmp(argv[0], "stats") == 0) {
		struct file_stats_options so = { 0 };

		if (n < 2)
			usage_error(usage, _("stats needs at least one REGISTRY_DIR"));
		/* stats reads registries only: the options of a village's
		 * filing would be ignored, so they are refused. */
		if (o.village || o.rules || o.previous || o.columns || anywhere ||
		    strcmp(encoding, "auto") != 0)
			usage_error(usage, _("stats takes only -q and -o"));
		so.output = o.output;
		so.registries = (const char *const *)argv + 1;
		so.nregistries = (size_t)n - 1;
		so.quiet = quiet != NULL;
		return file_stats_run(&so);
	}
	if (n != 1)
		usage_error(usage, _("one VILLAGE_DIR is needed"));
	if (csvin_encoding_parse(encoding, &o.encoding) != 0)
		usage_error(usage, _("unknown encoding \"%s\""), encoding);
	o.dir = argv[0];
	o.quiet = quiet != NULL;
	o.include_anywhere = anywhere != NULL;
	return file_run(&o);
}
