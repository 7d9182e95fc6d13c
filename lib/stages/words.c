#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "io/paths.h"
#include "rules/area.h"
#include "rules/columns.h"
#include "rules/rules.h"
#include "stages/auditarea.h"
#include "stages/shell.h"
#include "stages/status.h"
#include "stages/words.h"
#include "values/enums.h"
#include "values/field.h"
#include "values/text.h"

/* The coded columns, the catalogue's first (a county's rules may declare
 * one anew: then as they do), then those the rules add, in their order;
 * *N of them. Caller frees the array. */
static const struct field **
coded(const struct rules *r, size_t *n)
{
	size_t nb, cap = 0;
	const struct field *b = field_catalogue(&nb), **all = NULL;

	*n = 0;
	for (size_t i = 0; i < nb; i++) {
		const struct field *f = r != NULL ? rules_field(r, b[i].name) : &b[i];

		if (f != NULL && field_codes(f) != NULL) {
			xgrow(&all, &cap, *n + 1, sizeof *all);
			all[(*n)++] = f;
		}
	}
	for (size_t i = 0; r != NULL && i < r->nfields; i++) {
		const struct field *f = &r->fields[i]->f;

		if (field_builtin(f->name) == NULL && field_codes(f) != NULL) {
			xgrow(&all, &cap, *n + 1, sizeof *all);
			all[(*n)++] = f;
		}
	}
	return all;
}

static void
print_column(const struct field *f)
{
	const struct enum_def *def = field_codes(f);
	const char *title = f->title_zh != NULL ? f->title_zh : f->title;

	if (title != NULL)
		/* TRANSLATORS: a column's heading in `tpa words`: its name as
		 * files spell it and its Chinese title. */
		printf(_("%s (%s):\n"), f->name, title);
	else
		printf("%s:\n", f->name);
	for (size_t i = 0; i < def->count; i++) {
		const struct enum_value *v = &def->values[i];
		struct strbuf words = { 0 };

		for (const char *l = v->labels; l != NULL && *l != '\0'; ) {
			size_t k = strcspn(l, "|");

			/* TRANSLATORS: between two words of a list in `tpa
			 * words` ("户主, 本人"). */
			strbuf_printf(&words, "%s%.*s", words.len ?
			    _(", ") : "", (int)k, l);
			l += k + (l[k] == '|');
		}
		if (words.len > 0)
			/* TRANSLATORS: a code and the words read as it,
			 * one line of `tpa words`. */
			printf(_("  %s: %s\n"), v->code, strbuf_str(&words));
		else
			printf("  %s\n", v->code);
		strbuf_free(&words);
	}
	if (f->other_allow)
		fputs(_("  any other word: kept as typed, with a warning\n"), stdout);
}

/* The rules of folder DIR into R: a village's (in an area the county's
 * for its town), a town's (the county's for it, when the county's folder
 * is beside) or a county's; *COLUMNS the county's header-aliases file or
 * NULL (caller frees). Returns 0, 1 when DIR has no rules, -1 with the
 * error printed. */
static int
folder_rules(const char *dir, struct rules *r, char **columns)
{
	char *p = path_join(dir, "village.yaml");
	int village = path_is_file(p), rc = 1;
	struct audit_area aa;
	struct strbuf err = { 0 };

	free(p);
	memset(r, 0, sizeof *r);
	*columns = NULL;
	if (village)
		return status_rules(dir, r, columns);
	if (!audit_area_is(dir))
		return 1;
	if (audit_area_load(&aa, dir, NULL, 0, &err) != 0) {
		fprintf(stderr, "%s: %s\n", program_name(), strbuf_str(&err));
		strbuf_free(&err);
		return -1;
	}
	if (aa.have_county && aa.county.columns_path != NULL)
		*columns = xstrdup(aa.county.columns_path);
	if (aa.is_county)
		rc = rules_load(r, aa.county.rules_path, &err) != 0 ? -1 : 0;
	else if (aa.have_county && aa.ntowns > 0)
		rc = area_rules_load(r, &aa.county, aa.towns[0].code, &err) != 0 ? -1 : 0;
	/* one line per problem, each "FILE:LINE:COL: message" */
	if (rc < 0)
		say_lines(&err);
	strbuf_free(&err);
	audit_area_free(&aa);
	return rc;
}

/* The canonical name of the column a clerk types as COLUMN: as a file's
 * header cell names it (the catalogue's headers, the county's aliases,
 * the rules' titles), else COLUMN itself. Returns 0, or -1 with the
 * error printed when the county's aliases cannot be read. */
static int
column_name(const char *column, const char *columns_path,
    const struct rules *r, char **name)
{
	struct column_aliases *a = aliases_new();
	const char *canon;
	char err[1024];

	if (columns_path != NULL &&
	    aliases_load(a, columns_path, err, sizeof err) != 0) {
		fprintf(stderr, "%s: %s\n", program_name(), err);
		aliases_free(a);
		return -1;
	}
	canon = columns_canonical(a, r, column, strlen(column));
	*name = xstrdup(canon != NULL ? canon : column);
	aliases_free(a);
	return 0;
}

int
words_print(const char *column, const char *dir)
{
	struct rules r;
	size_t n = 0, shown = 0;
	const struct field **all = NULL;
	char *columns = NULL, *name = NULL;
	int have, status = EXIT_ERROR;

	if ((have = folder_rules(dir, &r, &columns)) < 0)
		goto out;
	if (column != NULL && column_name(column, columns,
	    have == 0 ? &r : NULL, &name) != 0)
		goto out;
	all = coded(have == 0 ? &r : NULL, &n);
	for (size_t i = 0; i < n; i++)
		if (name == NULL || strcmp(all[i]->name, name) == 0) {
			if (shown++ > 0)
				putchar('\n');
			print_column(all[i]);
		}
	if (shown == 0) {
		struct strbuf known = { 0 };

		for (size_t i = 0; i < n; i++) {
			const char *title = all[i]->title_zh != NULL ?
			    all[i]->title_zh : all[i]->title;

			if (i > 0)
				strbuf_printf(&known, "%s", _(", "));
			if (title != NULL)
				/* TRANSLATORS: a coded column in the list of
				 * them: its name as files spell it, its
				 * Chinese title (what a clerk types to `tpa
				 * words`). */
				strbuf_printf(&known, _("%s (%s)"), all[i]->name, title);
			else
				strbuf_printf(&known, "%s", all[i]->name);
		}
		fprintf(stderr, "%s: ", program_name());
		fprintf(stderr, _("\"%s\" is not a coded column; the coded columns "
		    "are: %s\n"), column, strbuf_str(&known));
		strbuf_free(&known);
	} else
		status = fflush(stdout) == 0 ? EXIT_DONE : EXIT_ERROR;
out:
	free(all);
	free(name);
	free(columns);
	if (have == 0)
		rules_free(&r);
	return status;
}
