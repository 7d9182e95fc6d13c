#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "household/schema.h"

const struct field field_free_text = { .name = "", .type = FT_TEXT, .free_text = 1 };

int
schema_read(struct schema *s, const struct column_aliases *a,
    const struct rules *rules, const char *file,
    const struct csvin_row *header, const char *const *known, size_t nknown,
    struct strbuf *err)
{
	char msg[1024];

	memset(s, 0, sizeof *s);
	s->file = file;
	if (columns_map_rules(&s->cols, a, rules, file, header, known, nknown, msg,
	    sizeof msg) != 0) {
		strbuf_printf(err, "%s\n", msg);
		return -1;
	}
	s->field = xcalloc(header->n + 1, sizeof *s->field);
	s->want = xcalloc(header->n + 1, 1);
	for (size_t i = 0; i < header->n; i++) {
		const char *name = s->cols.name[i];
		const struct field *f = NULL;

		if (name == NULL) {
			s->field[i] = &field_free_text;
			continue;
		}
		f = rules ? rules_field(rules, name) : field_builtin(name);
		if (f == NULL || f->computed)
			f = &field_free_text;
		s->field[i] = f;
		s->want[i] = 1;
	}
	return 0;
}

int
schema_require(const struct schema *s, const struct column_aliases *a,
    unsigned long line, const char *const *known,
    const unsigned char *required, struct strbuf *err)
{
	struct strbuf names = { 0 };
	size_t missing = 0;

	for (size_t k = 0; k < s->cols.nknown; k++) {
		const char *zh;

		if (!required[k] || s->cols.pos[k] >= 0)
			continue;
		if (missing++ > 0)
			strbuf_puts(&names, ", ");
		zh = aliases_first(a, known[k]);
		strbuf_puts(&names, known[k]);
		if (*zh)
			strbuf_printf(&names, " (%s)", zh);
	}
	if (missing > 0)
		strbuf_printf(err, ngettext("%s:%lu: required column %s is missing\n",
		    "%s:%lu: required columns %s are missing\n", missing), s->file,
		    line, strbuf_str(&names));
	for (size_t k = 0; missing > 0 && k < s->cols.nknown; k++) {
		size_t at;

		if (!required[k] || s->cols.pos[k] >= 0 ||
		    (at = columns_unit_refused(&s->cols, a, known[k])) == 0)
			continue;
		strbuf_printf(err, COLUMNS_UNIT_REFUSED, s->file, line, at,
		    s->cols.name[at - 1], known[k]);
		strbuf_puts(err, "\n");
	}
	strbuf_free(&names);
	return missing == 0 ? 0 : -1;
}

int
schema_find(const struct schema *s, const char *name)
{
	for (size_t i = 0; i < s->cols.ncells; i++)
		if (s->cols.name[i] != NULL && strcmp(s->cols.name[i], name) == 0)
			return (int)i;
	return -1;
}

void
schema_want(struct schema *s, const unsigned char *want)
{
	memcpy(s->want, want, s->cols.ncells);
}

void
schema_free(struct schema *s)
{
	columns_free(&s->cols);
	free(s->field);
	free(s->want);
	memset(s, 0, sizeof *s);
}

int
schema_header(struct schema *s, const struct column_aliases *a,
    const struct rules *rules, const char *file,
    const struct csvin_row *header, const char *const *known, size_t nknown,
    const unsigned char *required, struct strbuf *err)
{
	if (schema_read(s, a, rules, file, header, known, nknown, err) != 0)
		return -1;
	return schema_require(s, a, header->line, known, required, err);
}
