/* tpa-audit: the level-by-level audit of village folders. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "stages/audit.h"
#include "stages/auditarea.h"
#include "stages/options.h"
#include "stages/publicize.h"
#include "stages/shell.h"

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char usage[] = N_(
"usage: tpa-audit --level town|county [--rules R] [--sample N] [-q] [-o DIR]\n"
"                 [VILLAGE_DIR...]\n"
"\n"
"Audit village folders at whatever stage they have reached: re-derive every\n"
"decision with the stages' own code from the recorded inputs and rules,\n"
"and check leaks between stages, the same person in two households or\n"
"villages, quorum, periods, dates, objections, quotas and provenance.\n"
"Writes audit.csv (findings) and sample.csv (households drawn for field\n"
"re-visits) in DIR (default the current folder). Exit 1 when any finding\n"
"is an error. When DIR is a town's or a county's folder (town.yaml,\n"
"county.yaml) the audit covers every village its villages.csv lists (every\n"
"town's, for a county) with the rules county.yaml names for its town;\n"
"VILLAGE_DIRs are then optional, and must be listed ones.\n"
"\n"
"  --level L          town or county\n"
"  --rules R          the county's official rules: a village whose recorded\n"
"                     rules differ gets RULES_DIFFER, and is re-derived with R\n"
"  --sample N         households drawn per village (default: the rules'\n"
"                     audit.sample, else 5)\n"
"  -o, --output DIR   folder of audit.csv and sample.csv (made if missing)\n"
"  --include-anywhere let the rules include files outside their folder\n"
"  -q, --quiet        no summary line\n"
"  --help, --version\n");

int
main(int argc, char **argv)
{
	struct audit_options o = { 0 };
	const char *level = NULL, *sample = NULL, *quiet = NULL, *anywhere = NULL;
	const struct option opts[] = {
		{ "level", 0, 1, &level },
		{ "rules", 0, 1, &o.rules },
		{ "sample", 0, 1, &sample },
		{ "output", 'o', 1, &o.output },
		{ "quiet", 'q', 0, &quiet },
		{ "include-anywhere", 0, 0, &anywhere },
		{ NULL, 0, 0, NULL },
	};
	int n;

	program_set_name("tpa-audit");
	i18n_init();
	options_parse(argc, argv, opts, usage, &n);
	if (level == NULL || level_parse(level, &o.level) != 0 || o.level == LEVEL_VILLAGE)
		usage_error(usage, _("--level must be town or county"));
	if (n < 1 && !audit_area_is(o.output != NULL ? o.output : "."))
		usage_error(usage, _("at least one VILLAGE_DIR is needed, unless -o "
		    "is a town's or a county's folder"));
	o.sample = -1;
	if (sample != NULL) {
		char *end;

		o.sample = strtoll(sample, &end, 10);
		if (*sample == '\0' || *end != '\0' || o.sample < 0 || o.sample > 1000000)
			usage_error(usage, _("--sample takes a whole number"));
	}
	o.villages = (const char *const *)argv;
	o.nvillages = (size_t)n;
	o.quiet = quiet != NULL;
	o.include_anywhere = anywhere != NULL;
	return audit_run(&o);
}
