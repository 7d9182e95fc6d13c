/* tpa: the front door. "tpa STAGE ARGS" runs "tpa-STAGE ARGS". */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/selfdir.h"
#include "stages/auditarea.h"
#include "stages/options.h"
#include "stages/print.h"
#include "stages/receipt.h"
#include "stages/shell.h"
#include "stages/status.h"
#include "stages/waiting.h"
#include "stages/words.h"

static const struct {
	const char *name, *what;
} stages[] = {
	{ "apply", N_("application intake: validate forms, group households") },
	{ "survey", N_("household survey: income, exclusions, the primary list") },
	{ "appraise", N_("democratic appraisal: quorum, votes, scale quota") },
	{ "publicize", N_("publicity: notices to post, letters to households, objections resolved") },
	{ "audit", N_("level-by-level audit of village folders: every decision re-derived") },
	{ "file", N_("file and card: the registry, its statistics and the cards") },
	{ "export", N_("for people: any tpa CSV as an Excel workbook") },
	{ "init", N_("set-up: a new village-year folder with templates") },
};

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char status_usage[] = N_(
"usage: tpa status [--no-audit] [--brief | --code | --levels | --exposed |\n"
"                  --closed LEVEL] [DIR...]\n"
"\n"
"Which step each village folder (default: the current one) is at, and what\n"
"it waits for or why it is blocked: one line per step, or with --brief the\n"
"first step not done on the village's line. Exits 0 when every step is\n"
"done, 3 when a village waits (nothing needs action), 1 when one is\n"
"blocked (it needs action), 2 on an error.\n"
"\n"
"  --no-audit   the village runs without the town and county audits\n"
"               (make TPA_AUDIT=0)\n"
"  --brief      one line per village\n"
"  --code       only the code that its village.yaml gives\n"
"  --levels     only the levels that post, as its rules say (village\n"
"               town county, in order, on one line)\n"
"  --exposed    only the files holding ID numbers that other users may\n"
"               read, one a line (make restores their mode 0600)\n"
"  --closed LEVEL  in an area, whether the town or county (LEVEL) closed\n"
"               its posting of the village: exits 0 when it did (or\n"
"               outside an area), 3 with one line saying what is missing\n"
"               when not yet\n"
"  --help, --version\n");

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char print_usage[] = N_(
"usage: tpa print [-q] [--chromium PROGRAM] [-o FILE.pdf] FILE.html\n"
"\n"
"Print a notice, the letters or the cards (FILE.html) to PDF with headless\n"
"Chromium, without the browser's header and footer (date, title, address):\n"
"each page carries its own number. The PDF (default: FILE.pdf beside it) is\n"
"private (0600) when FILE.html is. Exits 0 when printed, 2 when it cannot\n"
"be (no Chromium installed, the browser failed): nothing is written then.\n"
"\n"
"  -o FILE.pdf          where to write the PDF\n"
"  --chromium PROGRAM   the browser to run (default: $TPA_CHROMIUM, else\n"
"                       chromium, chromium-browser or google-chrome in PATH)\n"
"  -q                   no summary line\n"
"  --help, --version\n");
/* Where the make rules are, from this program's folder: an install's
 * PREFIX/share/tpa, a clone's build-aux/ (from bin/ or build-san/bin/);
 * else the prefix it was built for. */
static const char *const mk_dirs[] = {
	"../share/tpa", "../build-aux", "../../build-aux", NULL,
};

/* tpa --mk-dir: print the folder of village.mk, town.mk and county.mk,
 * which a county's one-line Makefiles include. */
static int
print_mk_dir(void)
{
	char *dir = self_find(mk_dirs, "village.mk", TPA_DATADIR);

	if (dir == NULL) {
		fprintf(stderr, "tpa: ");
		fprintf(stderr, _("the make rules (village.mk) are neither beside "
		    "this program nor in %s: install tpa again\n"), TPA_DATADIR);
		return EXIT_ERROR;
	}
	printf("%s\n", dir);
	free(dir);
	return fflush(stdout) == 0 ? EXIT_DONE : EXIT_ERROR;
}

/* tpa status of folder DIR: a village's steps; a town's or a county's
 * villages, each on a line, after what it received (in an area). */
static int
status_folder(const char *dir, int no_audit, int brief)
{
	int rc = EXIT_DONE;

	if (audit_area_is(dir)) {
		rc = receipts_status(dir);
		fflush(stdout);
	} else if (!status_is_level(dir))
		return status_run(dir, no_audit, brief);
	return status_worse(rc, status_level(dir));
}

/* TRANSLATORS: keep the program, option and file names as they are. */
static const char words_usage[] = N_(
"usage: tpa words [-C DIR] [COLUMN]\n"
"\n"
"The words a file may hold in each coded column (relation, health, labor,\n"
"kind and outcome of an objection, yes/no columns, ...): each code, then\n"
"the words read as it; the code itself is read too. In a village's, a\n"
"town's or a county's folder, also the code columns its rules declare, and\n"
"the words its rules give for them. COLUMN (its name, its Chinese title or\n"
"a header it is known by) shows one. Exits 0, or 2 when COLUMN is not a\n"
"coded column or the folder's rules cannot be read.\n"
"\n"
"  -C DIR       the folder whose rules to read (default: the current one)\n"
"  --help, --version\n");

static void
help(FILE *fp)
{
	fputs(_("usage: tpa STAGE [ARGS...]\n"
	    "       tpa --mk-dir | --help | --version\n\n"
	    "Runs tpa-STAGE with ARGS. The stages, in the order of the procedure:\n\n"),
	    fp);
	for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++)
		fprintf(fp, "  %-10s %s\n", stages[i].name, _(stages[i].what));
	fputs(_("\n  status [--no-audit] [--brief | --code] [DIR...]\n"
	    "             which step each village folder is at, and what it waits for\n"), fp);
	fputs(_("\n  print [-o FILE.pdf] FILE.html\n"
	    "             a notice, the letters or the cards to PDF, by headless Chromium\n"), fp);
	fputs(_("\n  --mk-dir   the folder of the make rules (village.mk, town.mk,\n"
	    "             county.mk) that a folder's one-line Makefile includes\n"), fp);
	fputs(_("\n  words [COLUMN]\n"
	    "             the words each coded column accepts (relation, health, ...)\n"), fp);
	fputs(_("\nEach stage has its own --help and man page, tpa-STAGE(1).\n"), fp);
}

int
main(int argc, char **argv)
{
	char self[PATH_MAX], prog[PATH_MAX + 32];
	ssize_t n;
	size_t i;

	program_set_name("tpa");
	i18n_init();
	if (argc < 2) {
		help(stderr);
		return EXIT_ERROR;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		help(stdout);
		return fflush(stdout) == 0 ? 0 : EXIT_ERROR;
	}
	if (strcmp(argv[1], "--mk-dir") == 0)
		return print_mk_dir();
	/* the lines of make's waiting points (village.mk, area.mk) */
	if (strcmp(argv[1], "wait") == 0)
		return waiting_say(argc - 2, argv + 2);
	if (strcmp(argv[1], "--version") == 0) {
		printf("tpa %s\n", TPA_VERSION);
		return fflush(stdout) == 0 ? 0 : EXIT_ERROR;
	}
	if (strcmp(argv[1], "status") == 0) {
		const char *no_audit = NULL, *brief = NULL, *code = NULL, *closed = NULL;
		const char *levels = NULL;
		const char *exposed = NULL;
		const struct option opts[] = {
			{ "closed", 0, 1, &closed },
			{ "no-audit", 0, 0, &no_audit },
			{ "brief", 0, 0, &brief },
			{ "code", 0, 0, &code },
			{ "levels", 0, 0, &levels },
			{ "exposed", 0, 0, &exposed },
			{ NULL, 0, 0, NULL },
		};
		int dirs, rc = EXIT_DONE;

		program_set_name("tpa status");
		options_parse(argc - 1, argv + 1, opts, status_usage, &dirs);
		if (closed != NULL) {
			for (int a = 0; a < dirs; a++)
				rc = status_worse(rc, status_closed(argv[1 + a], closed));
			return dirs == 0 ? status_closed(".", closed) : rc;
		}
		if (levels != NULL) {
			for (int a = 0; a < dirs; a++)
				if (status_print_levels(argv[1 + a]) != EXIT_DONE)
					rc = EXIT_ERROR;
			return dirs == 0 ? status_print_levels(".") : rc;
		}
		if (exposed != NULL) {
			for (int a = 0; a < dirs; a++)
				if (status_print_exposed(argv[1 + a]) != EXIT_DONE)
					rc = EXIT_ERROR;
			return dirs == 0 ? status_print_exposed(".") : rc;
		}
		if (code != NULL) {
			for (int a = 0; a < dirs; a++)
				if (status_print_code(argv[1 + a]) != EXIT_DONE)
					rc = EXIT_ERROR;
			return dirs == 0 ? status_print_code(".") : rc;
		}
		for (int a = 0; a < dirs; a++)
			rc = status_worse(rc, status_folder(argv[1 + a],
			    no_audit != NULL, brief != NULL));
		if (dirs == 0)
			rc = status_folder(".", no_audit != NULL, brief != NULL);
		return rc;
	}
	if (strcmp(argv[1], "print") == 0) {
		struct print_options po = { 0 };
		const char *quiet = NULL;
		const struct option opts[] = {
			{ "output", 'o', 1, &po.output },
			{ "chromium", 0, 1, &po.browser },
			{ "quiet", 'q', 0, &quiet },
			{ NULL, 0, 0, NULL },
		};
		int files;

		program_set_name("tpa print");
		options_parse(argc - 1, argv + 1, opts, print_usage, &files);
		if (files != 1)
			usage_error(print_usage, _("print needs one FILE.html"));
		po.html = argv[1];
		po.quiet = quiet != NULL;
		return print_pdf(&po);
	}
	if (strcmp(argv[1], "words") == 0) {
		const char *dir = NULL;
		const struct option opts[] = {
			{ "directory", 'C', 1, &dir },
			{ NULL, 0, 0, NULL },
		};
		int columns;

		program_set_name("tpa words");
		options_parse(argc - 1, argv + 1, opts, words_usage, &columns);
		if (columns > 1)
			usage_error(words_usage, _("words takes at most one COLUMN"));
		return words_print(columns == 1 ? argv[1] : NULL,
		    dir != NULL ? dir : ".");
	}
	for (i = 0; i < sizeof stages / sizeof stages[0]; i++)
		if (strcmp(argv[1], stages[i].name) == 0)
			break;
	if (i == sizeof stages / sizeof stages[0]) {
		fprintf(stderr, "tpa: ");
		fprintf(stderr, _("unknown stage \"%s\"\n"), argv[1]);
		help(stderr);
		return EXIT_ERROR;
	}
	/* Prefer the stage installed beside this program, then PATH. */
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		char *slash;

		self[n] = '\0';
		slash = strrchr(self, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(prog, sizeof prog, "%s/tpa-%s", self, argv[1]);
			if (access(prog, X_OK) == 0) {
				argv[1] = prog;
				execv(prog, argv + 1);
			}
		}
	}
	snprintf(prog, sizeof prog, "tpa-%s", stages[i].name);
	argv[1] = prog;
	execvp(prog, argv + 1);
	{
		int e = errno;

		fprintf(stderr, "tpa: ");
		fprintf(stderr, _("cannot run %s: %s\n"), prog, strerror(e));
	}
	return EXIT_ERROR;
}
