/* tpa-export: tpa CSV files as an .xlsx workbook for people. */
#include "base/i18n.h"
#include "stages/export.h"
#include "stages/options.h"
#include "stages/shell.h"

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char usage[] = N_(
"usage: tpa-export [--village DIR] [--columns FILE] [--rules R] [-e ENCODING] [-q]\n"
"                  -o FILE.xlsx FILE.csv...\n"
"\n"
"Write the CSV files as one .xlsx workbook for Excel and WPS: a sheet per\n"
"file (a file of more than 1,048,575 rows goes on over further sheets),\n"
"headers, enumerations, decisions, reasons and codes in Chinese, ID numbers\n"
"as text, money as numbers with two decimals, the header row frozen and\n"
"filtered. Cells are copied as they are: masked IDs stay masked. A workbook\n"
"made from a file holding a full ID number is written mode 0600. Confidential\n"
"columns (bank account, phone, health detail, and those the rules declare\n"
"confidential) are left out.\n"
"\n"
"  -o, --output FILE  the workbook (required; not standard output)\n"
"  --columns FILE     extra header aliases (YAML)\n"
"  --village DIR      the village's folder: its columns file and its rules\n"
"                     (in an area the county's), as with --columns and --rules\n"
"  --rules R          rules: the columns they declare in Chinese, with their\n"
"                     words and types, and their confidential fields left out\n"
"  -e, --encoding E   auto (default), utf-8 or gb18030\n"
"  -q, --quiet        no summary line\n"
"  --help, --version\n");

int
main(int argc, char **argv)
{
	struct export_options o = { 0 };
	const char *encoding = "auto", *quiet = NULL;
	const struct option opts[] = {
		{ "output", 'o', 1, &o.output },
		{ "columns", 0, 1, &o.columns },
		{ "rules", 0, 1, &o.rules },
		{ "village", 0, 1, &o.village },
		{ "encoding", 'e', 1, &encoding },
		{ "quiet", 'q', 0, &quiet },
		{ NULL, 0, 0, NULL },
	};
	int n;

	program_set_name("tpa-export");
	i18n_init();
	options_parse(argc, argv, opts, usage, &n);
	if (o.output == NULL)
		usage_error(usage, _("-o FILE.xlsx is needed"));
	if (n < 1)
		usage_error(usage, _("at least one FILE.csv is needed"));
	if (csvin_encoding_parse(encoding, &o.encoding) != 0)
		usage_error(usage, _("unknown encoding \"%s\""), encoding);
	o.inputs = (const char *const *)argv;
	o.ninputs = (size_t)n;
	o.quiet = quiet != NULL;
	return export_run(&o);
}
