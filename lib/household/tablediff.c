/* Two copies of a file compared as read: see tablediff.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strmap.h"
#include "household/schema.h"
#include "household/tablediff.h"
#include "rules/yamldoc.h"
#include "values/field.h"
#include "values/hhnumber.h"

/* A row as read: its key, and its cells by column name, sorted. */
struct trow {
	char *key, *household, *id;
	char *about;                 /* a row of no household: its about cell */
	char **name, **value;
	size_t ncells;
	int matched;
};

struct table {
	struct trow *row;
	size_t n, cap;
	struct strmap index;         /* key -> row */
	struct strmap seen;          /* household (and id) -> rows so far */
};

enum { K_HOUSEHOLD, K_ID, K_VILLAGE, NKNOWN };
static const char *const known[NKNOWN] = { "household_id", "id_number",
	"village_code" };

struct reading {
	const struct tablediff_options *o;
	struct table *t;
	struct schema schema;
	int have_schema;
	int by_id;                   /* rows keyed by household_id and id_number */
	int about;                   /* the header cell of about, or -1 */
	char *file;
	struct strbuf *err;
};

static void
table_init(struct table *t)
{
	memset(t, 0, sizeof *t);
	strmap_init(&t->index);
	strmap_init(&t->seen);
}

static void
table_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		struct trow *r = &t->row[i];

		for (size_t c = 0; c < r->ncells; c++) {
			free(r->name[c]);
			free(r->value[c]);
		}
		free(r->name);
		free(r->value);
		free(r->key);
		free(r->household);
		free(r->id);
		free(r->about);
	}
	free(t->row);
	strmap_free(&t->index);
	strmap_free(&t->seen);
}

static struct trow *
table_add(struct table *t, const char *household, const char *id,
    const char *base)
{
	struct strbuf key = { 0 };
	uint32_t *count;
	int inserted;
	struct trow *r;

	/* the n-th row of a household (and person): its order within it */
	count = strmap_put(&t->seen, base, strlen(base), 0, &inserted);
	++*count;
	strbuf_printf(&key, "%s\x1f%u", base, (unsigned)*count);
	xgrow(&t->row, &t->cap, t->n + 1, sizeof *t->row);
	r = &t->row[t->n];
	memset(r, 0, sizeof *r);
	r->key = xstrdup(strbuf_str(&key));
	r->household = xstrdup(household);
	r->id = xstrdup(id);
	(void)strmap_put(&t->index, r->key, strlen(r->key), (uint32_t)t->n, &inserted);
	t->n++;
	strbuf_free(&key);
	return r;
}

static void
row_cell(struct trow *r, const char *name, const char *value, size_t n)
{
	r->name = xrealloc(r->name, (r->ncells + 1) * sizeof *r->name);
	r->value = xrealloc(r->value, (r->ncells + 1) * sizeof *r->value);
	r->name[r->ncells] = xstrdup(name);
	r->value[r->ncells] = xstrndup(value, n);
	r->ncells++;
}

static int
by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Sort the cells of R by name (names and values together). */
static void
row_sort(struct trow *r)
{
	size_t *order = xcalloc(r->ncells + 1, sizeof *order);
	char **name = xcalloc(r->ncells + 1, sizeof *name);
	char **value = xcalloc(r->ncells + 1, sizeof *value);

	for (size_t i = 0; i < r->ncells; i++)
		name[i] = r->name[i];
	qsort(name, r->ncells, sizeof *name, by_name);
	for (size_t i = 0; i < r->ncells; i++)
		for (size_t j = 0; j < r->ncells; j++)
			if (r->name[j] == name[i]) {
				order[i] = j;
				break;
			}
	for (size_t i = 0; i < r->ncells; i++)
		value[i] = r->value[order[i]];
	free(r->name);
	free(r->value);
	r->name = name;
	r->value = value;
	free(order);
}

static int
is_id_column(const char *name)
{
	size_t n = strlen(name);

	return n >= 9 && strcmp(name + n - 9, "id_number") == 0;
}

/* The text a cell is compared by: its typed value as the stages write it,
 * or the text as written when it is not a value of its type. */
static void
typed_cell(struct reading *rd, size_t i, const char *s, size_t n,
    struct strbuf *out)
{
	const struct field *f = rd->schema.field[i];
	const char *name = rd->schema.cols.name[i];
	char buf[FIELD_BUF];
	const char *norm;
	size_t nlen;
	int64_t v;
	enum field_status st;

	strbuf_reset(out);
	if (strcmp(name, "household_id") == 0) {
		s = hhnumber_key(s, n, &nlen);
		strbuf_add(out, s, nlen);
		return;
	}
	if (is_id_column(name)) {
		for (size_t k = 0; k < n; k++)
			strbuf_putc(out, (char)toupper((unsigned char)s[k]));
		return;
	}
	/* a computed column (members, per_capita_income) is not read as an
	 * input, but it is compared by its type */
	if (f == &field_free_text && field_builtin(name) != NULL)
		f = field_builtin(name);
	st = field_parse(f, s, n, rd->o->year, &v, &norm, &nlen, buf);
	if (st == FIELD_OK || st == FIELD_OTHER)
		strbuf_add(out, norm, nlen);
	else
		strbuf_add(out, s, n);
}

static int
on_row(void *ctx, const struct csvin_row *row)
{
	struct reading *rd = ctx;
	const struct columns *c = &rd->schema.cols;
	struct strbuf base = { 0 }, id = { 0 }, cell = { 0 };
	const char *hid;
	size_t n, klen;
	struct trow *r;

	if (row->index == 0) {
		rd->have_schema = 1;
		if (schema_read(&rd->schema, rd->o->aliases, rd->o->rules,
		    rd->file, row, known, NKNOWN, rd->err) != 0)
			return -1;
		rd->about = schema_find(&rd->schema, "about");
		return 0;
	}
	if (rd->o->village != NULL && schema_pos(&rd->schema, K_VILLAGE) >= 0 &&
	    strcmp(columns_cell(c, row, K_VILLAGE, NULL), rd->o->village) != 0)
		return 0;
	hid = columns_cell(c, row, K_HOUSEHOLD, &n);
	{
		const char *k = hhnumber_key(hid, n, &klen);

		strbuf_add(&base, k, klen);
	}
	if (rd->by_id) {
		const char *s = columns_cell(c, row, K_ID, &n);

		for (size_t k = 0; k < n; k++)
			strbuf_putc(&id, (char)toupper((unsigned char)s[k]));
		strbuf_putc(&base, '\x1f');
		strbuf_puts(&base, strbuf_str(&id));
	}
	r = table_add(rd->t, hid, strbuf_str(&id), strbuf_str(&base));
	/* an objection about a household left out: what names it */
	if (*hid == '\0' && rd->about >= 0 && (size_t)rd->about < row->n)
		r->about = xstrndup(row->cell[rd->about], row->len[rd->about]);
	for (size_t i = 0; i < c->ncells; i++) {
		const char *s = i < row->n ? row->cell[i] : "";
		size_t len = i < row->n ? row->len[i] : 0;

		if (c->name[i] == NULL)
			continue;
		typed_cell(rd, i, s, len, &cell);
		row_cell(r, c->name[i], strbuf_str(&cell), strlen(strbuf_str(&cell)));
	}
	row_sort(r);
	strbuf_free(&base);
	strbuf_free(&id);
	strbuf_free(&cell);
	return 0;
}

static int
read_csv(const struct tablediff_options *o, const char *path, struct table *t,
    struct strbuf *err)
{
	struct reading rd;
	struct csvin_file f = { path, ENC_AUTO, NULL, on_row, &rd,
	    &rd.have_schema, NULL };
	const char *base = strrchr(o->name, '/') ? strrchr(o->name, '/') + 1 : o->name;
	char sha[DIGEST_HEX];
	int rc;

	memset(&rd, 0, sizeof rd);
	rd.o = o;
	rd.t = t;
	rd.err = err;
	rd.by_id = strcmp(base, "applications.csv") == 0 ||
	    strcmp(base, "members.csv") == 0;
	rc = csvin_read_file(&f, &rd.file, sha, err);
	if (rd.have_schema)
		schema_free(&rd.schema);
	free(rd.file);
	return rc == 0 ? 0 : -1;
}

/* village.yaml: one row, a cell per scalar at its dotted path. */
static void
flatten(struct yamldoc *d, yaml_node_t *n, struct strbuf *path,
    struct trow *r)
{
	size_t at = strlen(strbuf_str(path));

	if (n == NULL)
		return;
	switch (n->type) {
	case YAML_SCALAR_NODE:
		row_cell(r, strbuf_str(path), (const char *)n->data.scalar.value,
		    n->data.scalar.length);
		break;
	case YAML_SEQUENCE_NODE: {
		long k = 0;

		for (yaml_node_item_t *i = n->data.sequence.items.start;
		    i < n->data.sequence.items.top; i++, k++) {
			strbuf_printf(path, "[%ld]", k);
			flatten(d, yaml_document_get_node(&d->doc, *i), path, r);
			strbuf_truncate(path, at);
		}
		break;
	}
	case YAML_MAPPING_NODE:
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
		    p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);

			if (k == NULL || k->type != YAML_SCALAR_NODE)
				continue;
			if (at > 0)
				strbuf_putc(path, '.');
			strbuf_add(path, (const char *)k->data.scalar.value,
			    k->data.scalar.length);
			flatten(d, yaml_document_get_node(&d->doc, p->value), path, r);
			strbuf_truncate(path, at);
		}
		break;
	default:
		break;
	}
}

static int
read_yaml(const char *path, struct table *t, struct strbuf *err)
{
	struct yamldoc d;
	struct strbuf p = { 0 };
	struct trow *r;
	int rc = 0;

	if (yamldoc_load(&d, path) != 0) {
		strbuf_printf(err, "%s\n", d.err);
		rc = -1;
	} else {
		r = table_add(t, "", "", "");
		flatten(&d, yamldoc_root(&d), &p, r);
		row_sort(r);
	}
	yamldoc_free(&d);
	strbuf_free(&p);
	return rc;
}

static int
read_table(const struct tablediff_options *o, const char *path,
    struct table *t, struct strbuf *err)
{
	size_t n = strlen(o->name);

	if (n >= 5 && strcmp(o->name + n - 5, ".yaml") == 0)
		return read_yaml(path, t, err);
	return read_csv(o, path, t, err);
}

static void
whole_row(const struct trow *r, int added, tablediff_fn fn, void *ctx)
{
	struct tablediff d = { r->household, r->id, "", "", "", added, !added,
		r->about ? r->about : "" };

	fn(ctx, &d);
}

/* The cells of A and B (both sorted by name) that differ. */
static long
compare_rows(const struct trow *a, const struct trow *b, tablediff_fn fn,
    void *ctx)
{
	size_t i = 0, j = 0;
	long n = 0;

	while (i < a->ncells || j < b->ncells) {
		int c = i == a->ncells ? 1 : j == b->ncells ? -1 :
		    strcmp(a->name[i], b->name[j]);
		const char *name = c <= 0 ? a->name[i] : b->name[j];
		const char *x = c <= 0 ? a->value[i] : "";
		const char *y = c >= 0 ? b->value[j] : "";

		if (strcmp(x, y) != 0) {
			struct tablediff d = { b->household, b->id, name, x, y, 0, 0,
				b->about ? b->about : "" };

			fn(ctx, &d);
			n++;
		}
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
	}
	return n;
}

long
tablediff_files(const struct tablediff_options *o, const char *old,
    const char *new, tablediff_fn fn, void *ctx, struct strbuf *err)
{
	struct table a, b;
	long n = 0;

	table_init(&a);
	table_init(&b);
	if (read_table(o, old, &a, err) != 0 ||
	    (new != NULL && read_table(o, new, &b, err) != 0)) {
		n = -1;
		goto out;
	}
	for (size_t i = 0; i < b.n; i++) {
		uint32_t *k = strmap_get(&a.index, b.row[i].key, strlen(b.row[i].key));

		if (k == NULL) {
			whole_row(&b.row[i], 1, fn, ctx);
			n++;
			continue;
		}
		a.row[*k].matched = 1;
		n += compare_rows(&a.row[*k], &b.row[i], fn, ctx);
	}
	for (size_t i = 0; i < a.n; i++)
		if (!a.row[i].matched) {
			whole_row(&a.row[i], 0, fn, ctx);
			n++;
		}
out:
	table_free(&a);
	table_free(&b);
	return n;
}
