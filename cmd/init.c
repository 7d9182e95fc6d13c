/* tpa-init: a new village-year folder, ready to fill in. */
#include "base/i18n.h"
#include "stages/init.h"
#include "stages/options.h"
#include "stages/shell.h"

/* Where `make install` puts the shared village rules (Makefile DATADIR). */
#ifndef TPA_DATADIR
#define TPA_DATADIR "/usr/local/share/tpa"
#endif

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char usage[] = N_(
"usage: tpa-init --code VILLAGE_CODE --year YEAR [--previous LAST_YEAR_DIR]\n"
"                [--rules R] [-q] DIR\n"
"       tpa-init --town TOWN_CODE --year YEAR [-q] DIR\n"
"       tpa-init --county COUNTY_CODE --year YEAR [--rules R] [-q] DIR\n"
"\n"
"Make DIR (absent or empty; nothing is ever overwritten) a village-year\n"
"folder ready to fill in: village.yaml with every key commented, the\n"
"one-line Makefile, and under templates/ the header-only applications.csv,\n"
"survey.csv (with the columns the rules read), votes.csv and objections.csv\n"
"with Chinese headers. Copy a template to DIR when its step's data comes in.\n"
"With --town, DIR (named town-TOWN_CODE) gets town.yaml, villages.csv,\n"
"reopen.csv and the Makefile; with --county, DIR (named county-COUNTY_CODE)\n"
"county.yaml, reopen.csv and the Makefile (tpa-area(5)).\n"
"\n"
"  --code CODE        the village's 12-digit division code\n"
"  --town CODE        a town's folder: the town's 9-digit code\n"
"  --county CODE      a county's folder: the county's 6-digit code\n"
"  --year YEAR        the year of the identification\n"
"  --previous DIR     last year's village folder: its facts are copied\n"
"                     forward and its registry becomes previous:\n"
"  --rules R          the rules file (default: last year's, with --previous);\n"
"                     with --county, the rules county.yaml names\n"
"  --include-anywhere let the rules include files outside their folder\n"
"  -q, --quiet        no summary line\n"
"  --help, --version\n");

int
main(int argc, char **argv)
{
	struct init_options o = { 0 };
	const char *quiet = NULL, *anywhere = NULL;
	const struct option opts[] = {
		{ "code", 0, 1, &o.code },
		{ "town", 0, 1, &o.town },
		{ "county", 0, 1, &o.county },
		{ "year", 0, 1, &o.year },
		{ "previous", 0, 1, &o.previous },
		{ "rules", 0, 1, &o.rules },
		{ "include-anywhere", 0, 0, &anywhere },
		{ "quiet", 'q', 0, &quiet },
		{ NULL, 0, 0, NULL },
	};
	int n;

	program_set_name("tpa-init");
	i18n_init();
	options_parse(argc, argv, opts, usage, &n);
	if ((o.code != NULL) + (o.town != NULL) + (o.county != NULL) != 1)
		usage_error(usage, _("one of --code, --town and --county is needed"));
	if (o.year == NULL)
		usage_error(usage, _("--year is needed"));
	if (n != 1)
		usage_error(usage, _("one DIR is needed"));
	o.dir = argv[0];
	o.quiet = quiet != NULL;
	o.include_anywhere = anywhere != NULL;
	return init_run(&o);
}
