#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "stages/options.h"

void
usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_name());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s", _(usage));
	exit(2);
}

static const struct option *
find_long(const struct option *opts, const char *name, size_t n)
{
	for (; opts->name != NULL; opts++)
		if (strlen(opts->name) == n && strncmp(opts->name, name, n) == 0)
			return opts;
	return NULL;
}

static const struct option *
find_short(const struct option *opts, char c)
{
	for (; opts->name != NULL; opts++)
		if (opts->letter == c)
			return opts;
	return NULL;
}

void
options_parse(int argc, char **argv, const struct option *opts,
    const char *usage, int *noperands)
{
	int nop = 0, only_operands = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct option *o;
		const char *value = NULL;

		if (only_operands || a[0] != '-' || a[1] == '\0') {
			argv[nop++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_operands = 1;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(_(usage), stdout);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2);
		}
		if (strcmp(a, "--version") == 0) {
			printf("%s (tpa) %s\n", program_name(), TPA_VERSION);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2);
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			if ((o = find_long(opts, a + 2, n)) == NULL)
				usage_error(usage, _("unknown option %s"), a);
			if (eq != NULL && !o->takes_value)
				usage_error(usage, _("option --%s takes no value"), o->name);
			value = eq ? eq + 1 : NULL;
		} else {
			if ((o = find_short(opts, a[1])) == NULL)
				usage_error(usage, _("unknown option %s"), a);
			if (a[2] != '\0') {
				if (!o->takes_value)
					usage_error(usage, _("unknown option %s"), a);
				value = a + 2;
			}
		}
		if (o->takes_value && value == NULL) {
			if (i + 1 >= argc)
				usage_error(usage, _("option --%s needs a value"), o->name);
			value = argv[++i];
		}
		*o->value = o->takes_value ? value : "1";
	}
	*noperands = nop;
}
