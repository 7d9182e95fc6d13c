/* Command-line options, declared as a table: --name VALUE, --name=VALUE,
 * -x VALUE, -xVALUE; flags without values; options may come before or
 * after operands; "--" ends them; "-" alone is an operand. */
#ifndef TPA_OPTIONS_H
#define TPA_OPTIONS_H

#include <stddef.h>

struct option {
	const char *name;      /* long name without "--" */
	char letter;           /* short letter, or 0 */
	int takes_value;
	const char **value;    /* receives the value, or "1" for a flag */
};

/* Parse ARGV against OPTS (ended by a zero entry). Operands are gathered,
 * in order, at the start of ARGV (so ARGV[0..*NOPERANDS) after the call).
 * --help prints USAGE on stdout and exits 0; --version prints the version
 * and exits 0; an unknown option or a missing value prints the message and
 * USAGE on stderr and exits 2. */
void options_parse(int argc, char **argv, const struct option *opts,
    const char *usage, int *noperands);

/* Print "usage: ..." and a message on stderr and exit 2. */
_Noreturn void usage_error(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
