/* tpa-apply: application intake. */
#include <stdlib.h>

#include "base/i18n.h"
#include "stages/apply.h"
#include "stages/shell.h"
#include "stages/options.h"

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char usage[] = N_(
"usage: tpa-apply --village V [--previous REGISTRY_DIR] [--rejects FILE]\n"
"                 [--columns FILE] [-e ENCODING] [-q] [-o FILE] APPLICATIONS.csv\n"
"\n"
"Validate the application forms, group them into households and write the\n"
"accepted applicants (-o, default standard output) and the rejected rows\n"
"(--rejects, default rejects-apply.csv beside the output).\n"
"\n"
"  --village V        village.yaml, or the folder holding it\n"
"  --town DIR         in a county's area, the town's folder (default: beside\n"
"                     the village folder, town-T with T its first 9 digits)\n"
"  --county DIR       the county's folder (default: beside it, county-C)\n"
"  --previous DIR     last year's registry folder (default: the previous: of\n"
"                     village.yaml): registered households are carried in for\n"
"                     re-survey unless an application replaces them\n"
"  --rejects FILE     where rejected rows go\n"
"  --columns FILE     extra header aliases (YAML)\n"
"  -e, --encoding E   auto (default), utf-8 or gb18030\n"
"  -o, --output FILE  applicants.csv\n"
"  -q, --quiet        no summary line\n"
"  --help, --version\n");

int
main(int argc, char **argv)
{
	struct apply_options o = { 0 };
	const char *encoding = "auto", *quiet = NULL;
	const struct option opts[] = {
		{ "village", 0, 1, &o.village },
		{ "town", 0, 1, &o.town },
		{ "county", 0, 1, &o.county },
		{ "previous", 0, 1, &o.previous },
		{ "rejects", 0, 1, &o.rejects },
		{ "columns", 0, 1, &o.columns },
		{ "encoding", 'e', 1, &encoding },
		{ "output", 'o', 1, &o.output },
		{ "quiet", 'q', 0, &quiet },
		{ NULL, 0, 0, NULL },
	};
	int n;

	program_set_name("tpa-apply");
	i18n_init();
	options_parse(argc, argv, opts, usage, &n);
	if (n != 1)
		usage_error(usage, "%s", n == 0 ? _("APPLICATIONS.csv is missing") :
		    _("only one APPLICATIONS.csv may be given"));
	if (o.village == NULL)
		usage_error(usage, _("--village is required"));
	if (csvin_encoding_parse(encoding, &o.encoding) != 0)
		usage_error(usage, _("unknown encoding \"%s\""), encoding);
	o.input = argv[0];
	o.quiet = quiet != NULL;
	return apply_run(&o);
}
