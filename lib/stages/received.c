/* A village's files against its latest receipt at a level: see received.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "io/csvin.h"
#include "io/digest.h"
#include "io/infile.h"
#include "io/paths.h"
#include "stages/received.h"

/* The files of a receipt that are not compared row by row: the record of
 * what was read, the notices (their markup; their rows are audited
 * against their lists), the reopen row a receipt copies. */
static int
compared(const char *name)
{
	size_t n = strlen(name);

	if (strcmp(name, "PROVENANCE.csv") == 0 || strcmp(name, "reopen.csv") == 0)
		return 0;
	return (n > 4 && strcmp(name + n - 4, ".csv") == 0) ||
	    strcmp(name, "village.yaml") == 0;
}

/* The village's inputs (what its cadres and the levels above write), as
 * against the lists the stages make from them. */
static int
is_input(const char *name)
{
	return strcmp(name, "village.yaml") == 0 ||
	    strcmp(name, "applications.csv") == 0 ||
	    strcmp(name, "survey.csv") == 0 || strcmp(name, "votes.csv") == 0 ||
	    strncmp(name, "objections-", 11) == 0;
}

/* The name of row R's file within its receipt (the part after
 * received/VILLAGE/N/), or NULL when R is not a copy of VILLAGE's. */
static const char *
receipt_name(const struct ledger_row *r, const char *village)
{
	const char *p = r->file;
	size_t n = strlen(village);

	if (strncmp(p, "received/", 9) != 0)
		return NULL;
	p += 9;
	if (strncmp(p, village, n) != 0 || p[n] != '/')
		return NULL;
	p += n + 1;
	if (*p < '0' || *p > '9')
		return NULL;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '/' && p[1] != '\0' ? p + 1 : NULL;
}

/* The row of the latest receipt of VILLAGE holding NAME. */
static const struct ledger_row *
latest(const struct ledger *l, const char *village, const char *name)
{
	return ledger_latest_file(l, village, name);
}

/* Whether the copy COPY still has the hash its ledger row R gives. */
static int
copy_whole(const char *copy, const struct ledger_row *r)
{
	return digest_file_is(copy, r->sha256);
}

struct relay {
	const char *file;
	enum level level;
	received_fn fn;
	void *ctx;
};

static void
on_difference(void *ctx, const struct tablediff *d)
{
	struct relay *r = ctx;
	struct received_change c = { r->level, r->file, is_input(r->file), d };

	r->fn(r->ctx, &c);
}

long
received_compare(const struct received_village *v, const struct ledger *l,
    enum level lev, enum received_part part, received_fn fn, void *ctx,
    struct strbuf *err)
{
	const struct ledger *rows = l;
	long total = 0;
	size_t nmine, *mine = ledger_village_rows(rows, v->code, &nmine);

	for (size_t k = 0; k < nmine; k++) {
		size_t i = mine[k];
		const char *name = receipt_name(&rows->row[i], v->code);
		const struct ledger_row *r;
		struct tablediff_options o = { name, v->aliases, v->rules, v->year,
		    NULL };
		struct relay relay = { name, lev, fn, ctx };
		char *copy, *now, msg[512];
		long n;
		int kind;

		/* each file once: at the row of the latest receipt holding it */
		if (name == NULL || !compared(name) ||
		    is_input(name) != (part == RECEIVED_INPUTS) ||
		    (part == RECEIVED_REGISTRY && strncmp(name, "registry/", 9) != 0) ||
		    (r = latest(rows, v->code, name)) != &rows->row[i])
			continue;
		if (strncmp(name, "objections-", 11) == 0 &&
		    strcmp(name, "objections-village.csv") != 0 && v->area == NULL)
			continue;
		/* a registry received before the village's latest receipt (its
		 * list received again through a reopen) is due again: the
		 * registry filed from the new list is audited and received,
		 * not compared with the old one. Last year's registry
		 * (RECEIVED_REGISTRY) is compared with the latest received. */
		if (part == RECEIVED_LISTS && strncmp(name, "registry/", 9) == 0 &&
		    ledger_superseded(rows, r))
			continue;
		copy = path_join(rows->dir, r->file);
		if (strncmp(name, "objections-", 11) == 0 &&
		    strcmp(name, "objections-village.csv") != 0) {
			/* the level's file: the village's rows of it */
			enum level owner = strcmp(name, "objections-town.csv") == 0 ?
			    LEVEL_TOWN : LEVEL_COUNTY;

			now = area_objections_path(v->area, owner);
			o.village = v->code;
		} else {
			now = path_join(v->dir, name);
		}
		if (!path_is_file(copy) || !copy_whole(copy, r)) {
			/* a row without its file, a copy changed since its row
			 * was written: LEDGER_BROKEN, the ledger's to report; a
			 * changed copy is no receipt to compare with */
			free(copy);
			free(now);
			continue;
		}
		/* the file now: a regular file (a FIFO or a folder is never
		 * waited on nor read), or gone: an input gone is every row
		 * removed; a list or registry gone is one make removed to
		 * make it again (make clean, a stale list), compared once it
		 * is there again */
		kind = infile_regular(now, msg, sizeof msg);
		if (kind < 0) {
			strbuf_printf(err, "%s\n", msg);
		} else if (kind == 0 && !is_input(name)) {
			;
		} else {
			n = tablediff_files(&o, copy, kind == 1 ? now : NULL,
			    on_difference, &relay, err);
			if (n > 0)
				total += n;
		}
		free(copy);
		free(now);
	}
	free(mine);
	return total;
}

char *
received_previous_county(const char *registry, const char *code)
{
	char *village = path_dir(registry), *year = path_dir(village), county[32];
	char *dir;

	snprintf(county, sizeof county, "county-%.6s", code);
	dir = path_join(year, county);
	free(village);
	free(year);
	return dir;
}

enum previous_receipt
received_previous(const char *registry, const char *code,
    const struct column_aliases *aliases, received_fn fn, void *ctx, long *n,
    struct strbuf *err)
{
	char *village = path_dir(registry);
	char *dir = received_previous_county(registry, code);
	char *file = path_join(dir, "LEDGER.csv");
	struct ledger l;
	const struct ledger *rows;
	enum previous_receipt rc = PREVIOUS_NOT_RECEIVED;

	*n = 0;
	if (!path_is_file(file)) {
		rc = PREVIOUS_NO_LEDGER;
		goto out;
	}
	if (ledger_load(&l, dir, err) != 0) {
		ledger_free(&l);
		rc = PREVIOUS_BROKEN;
		goto out;
	}
	rows = &l;
	for (size_t i = 0; i < rows->nrows && rc == PREVIOUS_NOT_RECEIVED; i++) {
		const char *name = receipt_name(&rows->row[i], code);

		if (name != NULL && strncmp(name, "registry/", 9) == 0)
			rc = PREVIOUS_RECEIVED;
	}
	/* the copies compared with must be what the county received */
	for (size_t i = 0; i < rows->nrows && rc == PREVIOUS_RECEIVED; i++) {
		const char *name = receipt_name(&rows->row[i], code);
		char *copy;

		if (name == NULL || strncmp(name, "registry/", 9) != 0 ||
		    latest(rows, code, name) != &rows->row[i])
			continue;
		copy = path_join(rows->dir, rows->row[i].file);
		if (!copy_whole(copy, &rows->row[i])) {
			strbuf_printf(err, "%s: not the file %s/LEDGER.csv:%lu "
			    "recorded (its SHA-256 differs, or it is gone): the "
			    "county's receipt of last year's registry was changed\n",
			    copy, rows->dir, rows->row[i].line);
			rc = PREVIOUS_BROKEN;
		}
		free(copy);
	}
	if (rc == PREVIOUS_RECEIVED) {
		struct received_village v = { code, village, NULL, aliases, NULL, 0 };

		*n = received_compare(&v, rows, LEVEL_COUNTY, RECEIVED_REGISTRY, fn,
		    ctx, err);
	}
	ledger_free(&l);
out:
	free(village);
	free(dir);
	free(file);
	return rc;
}

char *
received_previous_copy(const char *registry, const char *code,
    enum previous_receipt *how, struct strbuf *err)
{
	char *dir = received_previous_county(registry, code);
	char *file = path_join(dir, "LEDGER.csv"), *copy = NULL;
	const struct ledger_row *row;
	struct ledger l;

	*how = PREVIOUS_NOT_RECEIVED;
	if (!path_is_file(file)) {
		*how = PREVIOUS_NO_LEDGER;
		goto out;
	}
	if (ledger_load(&l, dir, err) == 0 &&
	    (row = ledger_latest_file(&l, code, "registry/households.csv")) != NULL) {
		char *p = path_join(dir, row->file);

		copy = path_dir(p);
		free(p);
		*how = PREVIOUS_RECEIVED;
	}
	ledger_free(&l);
out:
	free(dir);
	free(file);
	return copy;
}

long
received_reopened(const struct received_village *v, const struct ledger *l,
    long n, enum level lev, received_fn fn, void *ctx, struct strbuf *err)
{
	long total = 0;

	for (size_t i = 0; i < l->nrows; i++) {
		const struct ledger_row *r = &l->row[i], *before = NULL;
		const char *name = receipt_name(r, v->code), *other;
		struct tablediff_options o = { name, v->aliases, v->rules, v->year,
		    v->code };
		struct relay relay = { name, lev, fn, ctx };
		char *a, *b;
		long k;

		if (name == NULL || r->receipt != n || !compared(name))
			continue;
		/* the same file in the latest receipt before N that holds it */
		for (size_t j = 0; j < l->nrows; j++)
			if (l->row[j].receipt < n &&
			    (other = receipt_name(&l->row[j], v->code)) != NULL &&
			    strcmp(other, name) == 0 &&
			    (before == NULL || l->row[j].receipt >= before->receipt))
				before = &l->row[j];
		if (before == NULL)
			continue;
		a = path_join(l->dir, before->file);
		b = path_join(l->dir, r->file);
		if (path_is_file(a) && path_is_file(b) &&
		    (k = tablediff_files(&o, a, b, on_difference, &relay, err)) > 0)
			total += k;
		free(a);
		free(b);
	}
	return total;
}
