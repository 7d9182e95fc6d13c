#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "stages/shell.h"
#include "stages/waiting.h"
#include "values/enums.h"

/* LEVEL's index (village 0, town 1, county 2), or -1. */
static int
level_index(const char *level)
{
	return enum_lookup(&enum_level, level, strlen(level));
}

int
waiting_say(int argc, char **argv)
{
	/* Whole sentences per level, for the translator. */
	static const char *const audit_missing[3] = {
		NULL,
		N_("waiting for the town audit: run make in %s (its audit covers "
		    "the villages that have %s)"),
		N_("waiting for the county audit: run make in %s (its audit covers "
		    "the villages that have %s)"),
	};
	static const char *const audit_stale[3] = {
		NULL,
		N_("waiting for the town audit: it has not covered this village's %s "
		    "yet: run make in %s"),
		N_("waiting for the county audit: it has not covered this village's "
		    "%s yet: run make in %s"),
	};
	static const char *const audit_errors[3] = {
		NULL,
		N_("the town audit found errors for %s: see %s/audit.csv; correct "
		    "them, then run make in %s"),
		N_("the county audit found errors for %s: see %s/audit.csv; correct "
		    "them, then run make in %s"),
	};
	static const char *const owner[3] = {
		NULL,
		N_("waiting for %s: the town records there the objections its "
		    "posting drew (a header row alone if there were none)"),
		N_("waiting for %s: the county records there the objections its "
		    "announcement drew (a header row alone if there were none)"),
	};
	/* no-audit: [the level][the level below] */
	static const char *const no_audit[3][3] = {
		{ NULL, NULL, NULL },
		{ N_("town %s: no village has finished its village posting yet: no "
		    "audit"), NULL, NULL },
		{ N_("county %s: no village has finished its village posting yet: no "
		    "audit"), N_("county %s: no village has finished its town posting "
		    "yet: no audit"), NULL },
	};
	const char *what = argc > 0 ? argv[0] : "";
	int l = argc > 1 ? level_index(argv[1]) : -1, b;

	fprintf(stderr, "tpa: ");
	if (strcmp(what, "objections") == 0 && argc == 2 && l >= 0)
		fprintf(stderr, _("waiting for objections-%s.csv: post notice-%s.html; "
		    "when its period is over, record the objections there (a header "
		    "row alone if there were none) and run make again\n"), argv[1],
		    argv[1]);
	else if (strcmp(what, "owner-objections") == 0 && argc == 3 && l > 0)
		fprintf(stderr, _(owner[l]), argv[2]), fputc('\n', stderr);
	else if (strcmp(what, "closed") == 0 && argc == 2)
		fprintf(stderr, _("waiting: %s\n"), argv[1]);
	else if (strcmp(what, "audit-missing") == 0 && argc == 4 && l > 0)
		fprintf(stderr, _(audit_missing[l]), argv[2], argv[3]), fputc('\n', stderr);
	else if (strcmp(what, "audit-stale") == 0 && argc == 4 && l > 0)
		fprintf(stderr, _(audit_stale[l]), argv[3], argv[2]), fputc('\n', stderr);
	else if (strcmp(what, "audit-errors") == 0 && argc == 4 && l > 0)
		fprintf(stderr, _(audit_errors[l]), argv[2], argv[3], argv[3]),
		    fputc('\n', stderr);
	else if (strcmp(what, "input") == 0 && argc == 2)
		fprintf(stderr, _("waiting for %s: fill in templates/%s (its "
		    "headers are there) and save it in this folder, then run make "
		    "again\n"), argv[1], argv[1]);
	else if (strcmp(what, "no-code") == 0 && argc == 1)
		fprintf(stderr, "%s\n", _("village.yaml gives no code that can be "
		    "read: run make status"));
	else if (strcmp(what, "no-audit") == 0 && argc == 4 && l > 0 &&
	    (b = level_index(argv[3])) >= 0 && b < l)
		fprintf(stderr, _(no_audit[l][b]), argv[2]), fputc('\n', stderr);
	else {
		fprintf(stderr, _("wait: no line \"%s\" with %d arguments\n"), what,
		    argc > 0 ? argc - 1 : 0);
		return EXIT_ERROR;
	}
	return fflush(stderr) == 0 ? EXIT_DONE : EXIT_ERROR;
}
