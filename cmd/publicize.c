/* tpa-publicize: notices to post, letters to the households, and the
 * objections they drew. */
#include <string.h>

#include "base/i18n.h"
#include "stages/shell.h"
#include "stages/areanotice.h"
#include "stages/options.h"
#include "stages/publicize.h"

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char usage[] = N_(
"usage: tpa-publicize notice  --level L --village V [--format html|text|csv]\n"
"                             [-q] [-o FILE] LIST.csv\n"
"       tpa-publicize letter  --level L --village V [--rules R] [-q] [-o FILE]\n"
"                             LIST.csv\n"
"       tpa-publicize resolve --level L --village V [--rules R] [--resurvey FILE]\n"
"                             [-q] [-o FILE] LIST.csv OBJECTIONS.csv\n"
"       tpa-publicize resolve --explain HOUSEHOLD_ID --level L --village V\n"
"                             LIST.csv OBJECTIONS.csv\n"
"       tpa-publicize area-notice [-q] [-o FOLDER] TOWN_OR_COUNTY_FOLDER\n"
"\n"
"notice writes the notice to post at level L (village, town, county): the\n"
"proposed households of appraised.csv at village level, those confirmed at\n"
"the level below at town and county level. letter writes one printable page\n"
"per household of the list, whatever its decision: the decision so far and\n"
"why, what happens next, and until when and to whom to object at level L.\n"
"resolve applies the objections received during the period and writes the\n"
"publicized list; exit 1 while an objection is pending or when the period\n"
"was shorter than the rules'.\n"
"area-notice writes the notice of a whole town or county: every village of\n"
"villages.csv with its households, its list's fingerprint and its totals,\n"
"as notice-LEVEL-START-END.html, one file per posting period.\n"
"\n"
"  --level L          village, town or county\n"
"  --village V        village.yaml, or the folder holding it\n"
"  --town DIR         in a county's area, the town's folder (default: beside\n"
"                     the village folder, town-T with T its first 9 digits)\n"
"  --county DIR       the county's folder (default: beside it, county-C)\n"
"  --rules R          rules file (default: the one village.yaml names)\n"
"  --columns FILE     extra header aliases (YAML)\n"
"  --format F         notice: html (default), text or csv\n"
"  --explain H        resolve: print how household H was resolved; write nothing\n"
"  --resurvey FILE    worklist of households to survey again (default\n"
"                     resurvey.csv beside the output)\n"
"  -e, --encoding E   auto (default), utf-8 or gb18030\n"
"  -o, --output FILE  the notice, the letters, or the publicized list\n"
"                     (area-notice: the folder to write into; default the\n"
"                     town's or county's folder)\n"
"  --include-anywhere let the rules include files outside their folder\n"
"  -q, --quiet        no summary line\n"
"  --help, --version\n");

int
main(int argc, char **argv)
{
	struct publicize_options o = { 0 };
	const char *level = NULL, *format = NULL, *encoding = "auto", *quiet = NULL, *anywhere = NULL;
	const struct option opts[] = {
		{ "level", 0, 1, &level },
		{ "village", 0, 1, &o.village },
		{ "town", 0, 1, &o.town },
		{ "county", 0, 1, &o.county },
		{ "rules", 0, 1, &o.rules },
		{ "columns", 0, 1, &o.columns },
		{ "format", 0, 1, &format },
		{ "resurvey", 0, 1, &o.resurvey },
		{ "explain", 0, 1, &o.explain },
		{ "encoding", 'e', 1, &encoding },
		{ "output", 'o', 1, &o.output },
		{ "quiet", 'q', 0, &quiet },
		{ "include-anywhere", 0, 0, &anywhere },
		{ NULL, 0, 0, NULL },
	};
	int n, resolve, letter;

	program_set_name("tpa-publicize");
	i18n_init();
	options_parse(argc, argv, opts, usage, &n);
	if (n >= 1 && strcmp(argv[0], "area-notice") == 0) {
		struct area_notice_options a = { 0 };

		if (n != 2)
			usage_error(usage, "%s", _("area-notice needs the town's or the county's folder"));
		if (level != NULL || o.village != NULL || format != NULL)
			usage_error(usage, "%s", _("area-notice takes the level and the villages from "
			    "the folder: no --level, --village or --format"));
		a.dir = argv[1];
		a.output = o.output;
		a.quiet = quiet != NULL;
		return publicize_area_notice(&a);
	}
	if (n < 1 || (strcmp(argv[0], "notice") != 0 && strcmp(argv[0], "letter") != 0 &&
	    strcmp(argv[0], "resolve") != 0))
		usage_error(usage, _("say notice, letter, resolve or area-notice"));
	resolve = strcmp(argv[0], "resolve") == 0;
	letter = strcmp(argv[0], "letter") == 0;
	if (n != (resolve ? 3 : 2))
		usage_error(usage, "%s", resolve ? _("resolve needs LIST.csv and OBJECTIONS.csv") :
		    letter ? _("letter needs LIST.csv") : _("notice needs LIST.csv"));
	if (level == NULL || level_parse(level, &o.level) != 0)
		usage_error(usage, _("--level must be village, town or county"));
	if (o.village == NULL)
		usage_error(usage, _("--village is required"));
	if (format == NULL || strcmp(format, "html") == 0)
		o.format = NOTICE_HTML;
	else if (letter)
		usage_error(usage, _("letters are written as html only"));
	else if (strcmp(format, "text") == 0)
		o.format = NOTICE_TEXT;
	else if (strcmp(format, "csv") == 0)
		o.format = NOTICE_CSV;
	else
		usage_error(usage, _("--format must be html, text or csv"));
	if (csvin_encoding_parse(encoding, &o.encoding) != 0)
		usage_error(usage, _("unknown encoding \"%s\""), encoding);
	o.list = argv[1];
	o.objections = resolve ? argv[2] : NULL;
	o.quiet = quiet != NULL;
	o.include_anywhere = anywhere != NULL;
	return resolve ? publicize_resolve(&o) : letter ? publicize_letter(&o) :
	    publicize_notice(&o);
}
