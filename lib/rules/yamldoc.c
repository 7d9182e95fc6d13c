#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "values/date.h"
#include "io/diag.h"
#include "values/money.h"
#include "rules/yamldoc.h"

#define YAML_MAX_BYTES (16 * 1024 * 1024)

int
yamldoc_error(struct yamldoc *d, const yaml_node_t *node, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (node != NULL)
		n = snprintf(d->err, sizeof d->err, "%s:%zu:%zu: ", d->path,
		    node->start_mark.line + 1, node->start_mark.column + 1);
	else
		n = snprintf(d->err, sizeof d->err, "%s: ", d->path);
	if (n < 0 || (size_t)n >= sizeof d->err)
		return -1;
	va_start(ap, fmt);
	vsnprintf(d->err + n, sizeof d->err - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *
scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* Walk the tree once: refuse aliases (a node reached twice) and duplicate
 * keys. SEEN has one flag per node. */
static int
check_tree(struct yamldoc *d, yaml_node_t *node, unsigned char *seen, int depth)
{
	size_t idx = (size_t)(node - d->doc.nodes.start);

	if (seen[idx])
		return yamldoc_error(d, node, "this value is reused through an alias (*name); aliases are not supported");
	seen[idx] = 1;
	if (depth > 64)
		return yamldoc_error(d, node, "nested more than 64 levels deep");
	if (node->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = node->data.sequence.items.start;
		    it < node->data.sequence.items.top; it++)
			if (check_tree(d, yaml_document_get_node(&d->doc, *it),
			    seen, depth + 1) != 0)
				return -1;
	} else if (node->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *start = node->data.mapping.pairs.start;

		for (yaml_node_pair_t *p = start; p < node->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);

			if (k->type != YAML_SCALAR_NODE)
				return yamldoc_error(d, k, "a key must be a plain name");
			for (yaml_node_pair_t *q = start; q < p; q++) {
				yaml_node_t *k2 = yaml_document_get_node(&d->doc, q->key);

				if (strcmp(scalar(k), scalar(k2)) == 0)
					return yamldoc_error(d, k,
					    "duplicate key \"%s\" (first at line %zu)",
					    scalar(k), k2->start_mark.line + 1);
			}
			if (check_tree(d, k, seen, depth + 1) != 0 ||
			    check_tree(d, yaml_document_get_node(&d->doc, p->value),
			    seen, depth + 1) != 0)
				return -1;
		}
	}
	return 0;
}

int
yamldoc_load_bytes(struct yamldoc *d, const char *path, const char *bytes,
    size_t n)
{
	yaml_parser_t parser;
	yaml_node_t *root;
	int rc = 0;

	memset(d, 0, sizeof *d);
	d->path = xstrdup(path);
	digest_bytes(bytes, n, d->sha256);
	if (!yaml_parser_initialize(&parser))
		die(EXIT_ERROR, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)bytes, n);
	if (!yaml_parser_load(&parser, &d->doc)) {
		const char *problem = parser.problem ? parser.problem : "invalid YAML";

		if (parser.error == YAML_READER_ERROR)
			snprintf(d->err, sizeof d->err,
			    "%s: byte %zu: %s (the file must be UTF-8)", d->path,
			    parser.problem_offset, problem);
		else
			snprintf(d->err, sizeof d->err, "%s:%zu:%zu: %s%s%s",
			    d->path, parser.problem_mark.line + 1,
			    parser.problem_mark.column + 1, problem,
			    parser.context ? " " : "",
			    parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return -1;
	}
	d->loaded = 1;
	yaml_parser_delete(&parser);
	root = yaml_document_get_root_node(&d->doc);
	if (root != NULL) {
		size_t count = (size_t)(d->doc.nodes.top - d->doc.nodes.start);
		unsigned char *seen = xcalloc(count, 1);

		rc = check_tree(d, root, seen, 0);
		free(seen);
	}
	return rc;
}

int
yamldoc_load(struct yamldoc *d, const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *bytes;
	size_t n = 0, cap = 4096;
	int rc;

	if (fp == NULL) {
		memset(d, 0, sizeof *d);
		d->path = xstrdup(path);
		snprintf(d->err, sizeof d->err, "cannot open %s: %s", path,
		    strerror(errno));
		return -1;
	}
	bytes = xmalloc(cap);
	for (;;) {
		size_t k = fread(bytes + n, 1, cap - n, fp);

		n += k;
		if (n < cap)
			break;
		if (cap >= YAML_MAX_BYTES) {
			fclose(fp);
			free(bytes);
			memset(d, 0, sizeof *d);
			d->path = xstrdup(path);
			snprintf(d->err, sizeof d->err, "%s: larger than 16 MiB",
			    path);
			return -1;
		}
		cap *= 2;
		bytes = xrealloc(bytes, cap);
	}
	if (ferror(fp)) {
		fclose(fp);
		free(bytes);
		memset(d, 0, sizeof *d);
		d->path = xstrdup(path);
		snprintf(d->err, sizeof d->err, "cannot read %s: %s", path,
		    strerror(errno));
		return -1;
	}
	fclose(fp);
	rc = yamldoc_load_bytes(d, path, bytes, n);
	free(bytes);
	return rc;
}

void
yamldoc_free(struct yamldoc *d)
{
	if (d->loaded)
		yaml_document_delete(&d->doc);
	d->loaded = 0;
	free(d->path);
	d->path = NULL;
}

yaml_node_t *
yamldoc_root(struct yamldoc *d)
{
	return d->loaded ? yaml_document_get_root_node(&d->doc) : NULL;
}

int
yamldoc_keys(struct yamldoc *d, yaml_node_t *node, const char *const *allowed)
{
	if (node->type != YAML_MAPPING_NODE)
		return yamldoc_error(d, node, "expected a mapping (key: value)");
	for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
	    p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		size_t i;

		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(allowed[i], scalar(k)) == 0)
				break;
		if (allowed[i] == NULL) {
			char list[512];
			size_t o = 0;

			list[0] = '\0';
			for (i = 0; allowed[i] != NULL && o < sizeof list; i++) {
				int w = snprintf(list + o, sizeof list - o, "%s%s",
				    i ? ", " : "", allowed[i]);

				if (w < 0)
					break;
				o += (size_t)w;
			}
			return yamldoc_error(d, k, "unknown key \"%s\" (expected %s)",
			    scalar(k), list);
		}
	}
	return 0;
}

static yaml_node_pair_t *
find_pair(struct yamldoc *d, yaml_node_t *map, const char *key)
{
	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++)
		if (strcmp(scalar(yaml_document_get_node(&d->doc, p->key)), key) == 0)
			return p;
	return NULL;
}

yaml_node_t *
yamldoc_get(struct yamldoc *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p = find_pair(d, map, key);

	return p ? yaml_document_get_node(&d->doc, p->value) : NULL;
}

yaml_node_t *
yamldoc_key_node(struct yamldoc *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p = find_pair(d, map, key);

	return p ? yaml_document_get_node(&d->doc, p->key) : NULL;
}

int
yamldoc_plain(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

int
yamldoc_string(struct yamldoc *d, yaml_node_t *n, const char **out)
{
	if (n->type != YAML_SCALAR_NODE)
		return yamldoc_error(d, n, "expected a single value, not a %s",
		    n->type == YAML_MAPPING_NODE ? "mapping" : "list");
	if (strlen(scalar(n)) != n->data.scalar.length)
		return yamldoc_error(d, n, "a value holds a NUL character");
	*out = scalar(n);
	return 0;
}

int
yamldoc_int(struct yamldoc *d, yaml_node_t *n, long long min, long long max,
    long long *out)
{
	const char *s;
	long long v = 0;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (*s == '\0')
		return yamldoc_error(d, n, "expected a whole number, found nothing");
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > (max - (*p - '0')) / 10)
			return yamldoc_error(d, n,
			    "expected a whole number from %lld to %lld, not \"%s\"",
			    min, max, s);
		v = v * 10 + (*p - '0');
	}
	if (v < min)
		return yamldoc_error(d, n,
		    "expected a whole number from %lld to %lld, not \"%s\"",
		    min, max, s);
	*out = v;
	return 0;
}

int
yamldoc_bool(struct yamldoc *d, yaml_node_t *n, int *out)
{
	static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes", "YES", NULL };
	static const char *const no[] = { "false", "False", "FALSE", "no", "No", "NO", NULL };
	const char *s;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (yamldoc_plain(n)) {
		for (int i = 0; yes[i]; i++)
			if (strcmp(s, yes[i]) == 0)
				return *out = 1, 0;
		for (int i = 0; no[i]; i++)
			if (strcmp(s, no[i]) == 0)
				return *out = 0, 0;
	}
	return yamldoc_error(d, n, "expected true or false, not \"%s\"", s);
}

int
yamldoc_date(struct yamldoc *d, yaml_node_t *n, long *days)
{
	const char *s;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (date_parse(s, strlen(s), days) != 0)
		return yamldoc_error(d, n, "expected a date like 2015-06-03, not \"%s\"", s);
	return 0;
}

int
yamldoc_decimal(struct yamldoc *d, yaml_node_t *n, long long *micro)
{
	const char *s, *p;
	long long whole = 0, frac = 0;
	int nd = 0, digits = 0;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	for (p = s; *p >= '0' && *p <= '9' && whole < 1000000000LL; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9' && nd < 6; p++, nd++, digits++)
			frac = frac * 10 + (*p - '0');
	if (*p != '\0' || digits == 0)
		return yamldoc_error(d, n,
		    "expected a number like 0.10 (at most 6 decimals), not \"%s\"", s);
	while (nd++ < 6)
		frac *= 10;
	*micro = whole * 1000000 + frac;
	return 0;
}
