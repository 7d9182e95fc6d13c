/* tpa: the front door. "tpa STAGE ARGS" runs "tpa-STAGE ARGS". */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "stages/shell.h"
#include "stages/status.h"

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

static void
help(FILE *fp)
{
	fputs(_("usage: tpa STAGE [ARGS...]\n"
	    "       tpa --help | --version\n\n"
	    "Runs tpa-STAGE with ARGS. The stages, in the order of the procedure:\n\n"),
	    fp);
	for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++)
		fprintf(fp, "  %-10s %s\n", stages[i].name, _(stages[i].what));
	fputs(_("\n  status [--no-audit] [--brief] [DIR...]\n"
	    "             which step each village folder is at, and what it waits for\n"), fp);
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
	if (strcmp(argv[1], "--version") == 0) {
		printf("tpa %s\n", TPA_VERSION);
		return fflush(stdout) == 0 ? 0 : EXIT_ERROR;
	}
	if (strcmp(argv[1], "status") == 0) {
		int no_audit = 0, one_line = 0, dirs = 0, rc = EXIT_DONE;

		for (int a = 2; a < argc; a++) {
			if (strcmp(argv[a], "--no-audit") == 0)
				no_audit = 1;
			else if (strcmp(argv[a], "--brief") == 0)
				one_line = 1;
		}
		for (int a = 2; a < argc; a++)
			if (argv[a][0] != '-') {
				if (status_run(argv[a], no_audit, one_line) != EXIT_DONE)
					rc = EXIT_ERROR;
				dirs++;
			}
		if (dirs == 0)
			rc = status_run(".", no_audit, one_line);
		return rc;
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
