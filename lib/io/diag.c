#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/diag.h"

static void
vmessage(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", program_name());
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	exit(status);
}

void
warnmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
}


void
warnlines(const char *lines)
{
	while (*lines != '\0') {
		size_t n = strcspn(lines, "\n");

		fprintf(stderr, "%s: %.*s\n", program_name(), (int)n, lines);
		lines += n + (lines[n] == '\n');
	}
}
