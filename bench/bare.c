/*
 * tpa-bare: the physical limit a stage is measured against — read a CSV
 * file in 256 KiB chunks and parse it with libcsv, doing nothing with the
 * fields. Prints records and bytes.
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void
on_field(void *s, size_t n, void *ctx)
{
	(void)s;
	(void)n;
	(void)ctx;
}

static void
on_record(int c, void *ctx)
{
	(void)c;
	(*(unsigned long *)ctx)++;
}

int
main(int argc, char **argv)
{
	static char buf[256 * 1024];
	struct csv_parser p;
	unsigned long records = 0, long_bytes = 0;
	ssize_t n;
	int fd;

	if (argc != 2 || (fd = open(argv[1], O_RDONLY)) < 0) {
		fprintf(stderr, "usage: tpa-bare FILE.csv\n");
		return 2;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return 2;
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		if (csv_parse(&p, buf, (size_t)n, on_field, on_record, &records) != (size_t)n) {
			fprintf(stderr, "tpa-bare: %s\n", csv_strerror(csv_error(&p)));
			return 2;
		}
		long_bytes += (unsigned long)n;
	}
	csv_fini(&p, on_field, on_record, &records);
	csv_free(&p);
	close(fd);
	printf("%lu records, %lu bytes\n", records, long_bytes);
	return 0;
}
