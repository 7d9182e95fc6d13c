#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "values/date.h"
#include "base/alloc.h"
#include "values/money.h"
#include "io/infile.h"
#include "rules/yamldoc.h"

#define YAML_MAX_BYTES (16 * 1024 * 1024)
#define YAML_MAX_DEPTH 64          /* nesting of lists and mappings */
#define YAML_MAX_NODES 1000000     /* values (scalars, lists, mappings) */

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

/* The line and column (1-based, in characters, as libyaml counts them) of
 * byte OFF of BYTES: libyaml leaves the mark at 0:0 on a reader error. */
static void
position(const unsigned char *bytes, size_t off, size_t *line, size_t *col)
{
	size_t i = 0;

	*line = *col = 1;
	if (off >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < off; i++) {
		unsigned char c = bytes[i];

		if (c == '\n' || (c == '\r' && (i + 1 >= off || bytes[i + 1] != '\n')) ||
		    (c == 0xc2 && i + 1 < off && bytes[i + 1] == 0x85) ||
		    (c == 0xe2 && i + 2 < off && bytes[i + 1] == 0x80 &&
		    (bytes[i + 2] == 0xa8 || bytes[i + 2] == 0xa9))) {
			(*line)++;
			*col = 1;
		} else if ((c & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

/* Record the error of a failed yaml_parser_parse or yaml_parser_load. */
static int
parser_error(struct yamldoc *d, const yaml_parser_t *p, const char *bytes,
    size_t n)
{
	const char *problem = p->problem ? p->problem : _("invalid YAML");
	size_t line, col, off = p->problem_offset;

	if (p->error == YAML_MEMORY_ERROR)
		alloc_failed(0);
	if (p->error != YAML_READER_ERROR)
		return snprintf(d->err, sizeof d->err, "%s:%zu:%zu: %s%s%s",
		    d->path, p->problem_mark.line + 1, p->problem_mark.column + 1,
		    problem, p->context ? " " : "", p->context ? p->context : ""), -1;
	if (off > n)
		off = n;
	if (strcmp(problem, "control characters are not allowed") == 0) {
		position((const unsigned char *)bytes, off, &line, &col);
		snprintf(d->err, sizeof d->err,
		    _("%s:%zu:%zu: a control character (U+%04X) in the file%s"),
		    d->path, line, col, (unsigned)p->problem_value,
		    p->problem_value >= 0x80 ? _("; the file must be UTF-8 "
		    "(if it was saved as GBK or ANSI, save it as UTF-8)") : "");
		return -1;
	}
	if (strstr(problem, "UTF-8") != NULL || strstr(problem, "Unicode") != NULL) {
		size_t at = off;

		/* A bad trailing byte: place the error at its character. */
		if (strcmp(problem, "invalid trailing UTF-8 octet") == 0) {
			while (at > 0 && ((unsigned char)bytes[at - 1] & 0xc0) == 0x80)
				at--;
			if (at > 0)
				at--;
		}
		position((const unsigned char *)bytes, at, &line, &col);
		snprintf(d->err, sizeof d->err, _("%s:%zu:%zu: byte 0x%02X is not "
		    "UTF-8: the file must be UTF-8 (if it was saved as GBK or ANSI, "
		    "save it as UTF-8)"), d->path, line, col,
		    at < n ? (unsigned char)bytes[at] : 0);
		return -1;
	}
	position((const unsigned char *)bytes, off, &line, &col);
	snprintf(d->err, sizeof d->err, "%s:%zu:%zu: %s", d->path, line, col,
	    problem);
	return -1;
}

static int
mark_error(struct yamldoc *d, const yaml_mark_t *m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
mark_error(struct yamldoc *d, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(d->err, sizeof d->err, "%s:%zu:%zu: ", d->path,
	    m->line + 1, m->column + 1);
	if (n < 0 || (size_t)n >= sizeof d->err)
		return -1;
	va_start(ap, fmt);
	vsnprintf(d->err + n, sizeof d->err - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* The first control character of S[0..N) (C0 but TAB and LF, and DEL), or
 * -1 when there is none. */
static int
control_char(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return c;
	}
	return -1;
}

/* Read the event stream once before the document is built, and stop at the
 * first thing the document API would take too long over or that we refuse:
 * nesting deeper than YAML_MAX_DEPTH, more than YAML_MAX_NODES values, a
 * second document, anchors and aliases, control characters in scalars.
 * Syntax errors are found here too. */
static int
prescan(struct yamldoc *d, const char *bytes, size_t n)
{
	yaml_parser_t p;
	yaml_event_t ev;
	/* Per open collection: a mapping? and how many values it holds. */
	unsigned char mapping[YAML_MAX_DEPTH + 1];
	size_t count[YAML_MAX_DEPTH + 1];
	size_t open = 0, nodes = 0, documents = 0;
	int rc = 0, done = 0, c;

	if (!yaml_parser_initialize(&p))
		alloc_failed(0);
	yaml_parser_set_input_string(&p, (const unsigned char *)bytes, n);
	while (!done && rc == 0) {
		const char *anchor = NULL;

		if (!yaml_parser_parse(&p, &ev)) {
			rc = parser_error(d, &p, bytes, n);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1)
				rc = mark_error(d, &ev.start_mark, _("a second YAML "
				    "document starts here: the file must hold only one"));
			break;
		case YAML_ALIAS_EVENT:
			rc = mark_error(d, &ev.start_mark, _("this value is reused "
			    "through an alias (*%s); aliases are not supported"),
			    (const char *)ev.data.alias.anchor);
			break;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ev.type == YAML_SCALAR_EVENT)
				anchor = (const char *)ev.data.scalar.anchor;
			else if (ev.type == YAML_SEQUENCE_START_EVENT)
				anchor = (const char *)ev.data.sequence_start.anchor;
			else
				anchor = (const char *)ev.data.mapping_start.anchor;
			if (anchor != NULL) {
				rc = mark_error(d, &ev.start_mark, _("this value is "
				    "named for reuse (&%s); anchors and aliases are "
				    "not supported"), anchor);
				break;
			}
			if (open > YAML_MAX_DEPTH) {
				rc = mark_error(d, &ev.start_mark,
				    _("nested more than %d levels deep"), YAML_MAX_DEPTH);
				break;
			}
			if (++nodes > YAML_MAX_NODES) {
				rc = mark_error(d, &ev.start_mark, _("more than %d "
				    "values in one file"), YAML_MAX_NODES);
				break;
			}
			if (ev.type == YAML_SCALAR_EVENT &&
			    (c = control_char((const char *)ev.data.scalar.value,
			    ev.data.scalar.length)) >= 0) {
				rc = mark_error(d, &ev.start_mark, open > 0 &&
				    mapping[open - 1] && count[open - 1] % 2 == 0 ?
				    _("a control character (U+%04X) in the key") :
				    _("a control character (U+%04X) in the value"), (unsigned)c);
				break;
			}
			if (open > 0)
				count[open - 1]++;
			if (ev.type != YAML_SCALAR_EVENT) {
				mapping[open] = ev.type == YAML_MAPPING_START_EVENT;
				count[open] = 0;
				open++;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			open--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

struct keyref {
	const char *name;
	size_t pos;         /* the pair's place in its mapping */
	size_t line;
};

static int
keyref_cmp(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Walk the tree once: every key a scalar, no duplicate keys. The keys of
 * each mapping are sorted (O(n log n)); the duplicate reported is the one
 * met first in the file, as a reader would find it. Depth is bounded by
 * prescan(). */
static int
check_tree(struct yamldoc *d, yaml_node_t *node)
{
	if (node->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = node->data.sequence.items.start;
		    it < node->data.sequence.items.top; it++)
			if (check_tree(d, yaml_document_get_node(&d->doc, *it)) != 0)
				return -1;
	} else if (node->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *start = node->data.mapping.pairs.start;
		size_t npairs = (size_t)(node->data.mapping.pairs.top - start);
		size_t dup = npairs, first_line = 0;

		if (npairs > 1) {
			struct keyref *keys = xmalloc(npairs * sizeof *keys);
			size_t nkeys = 0, i, j;

			/* Up to the first key that is not a scalar (reported
			 * in the walk below, in its place). */
			for (; nkeys < npairs; nkeys++) {
				yaml_node_t *k = yaml_document_get_node(&d->doc,
				    start[nkeys].key);

				if (k->type != YAML_SCALAR_NODE)
					break;
				keys[nkeys].name = scalar(k);
				keys[nkeys].pos = nkeys;
				keys[nkeys].line = k->start_mark.line + 1;
			}
			qsort(keys, nkeys, sizeof *keys, keyref_cmp);
			for (i = 0; i < nkeys; i = j) {
				for (j = i + 1; j < nkeys &&
				    strcmp(keys[j].name, keys[i].name) == 0; j++)
					;
				if (j > i + 1 && keys[i + 1].pos < dup) {
					dup = keys[i + 1].pos;
					first_line = keys[i].line;
				}
			}
			free(keys);
		}
		for (size_t i = 0; i < npairs; i++) {
			yaml_node_t *k = yaml_document_get_node(&d->doc, start[i].key);

			if (k->type != YAML_SCALAR_NODE)
				return yamldoc_error(d, k, _("a key must be a plain name"));
			if (i == dup)
				return yamldoc_error(d, k,
				    _("duplicate key \"%s\" (first at line %zu)"),
				    scalar(k), first_line);
			if (check_tree(d, yaml_document_get_node(&d->doc,
			    start[i].value)) != 0)
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

	memset(d, 0, sizeof *d);
	d->path = xstrdup(path);
	digest_bytes(bytes, n, d->sha256);
	if (n >= 2 && (memcmp(bytes, "\xff\xfe", 2) == 0 ||
	    memcmp(bytes, "\xfe\xff", 2) == 0)) {
		snprintf(d->err, sizeof d->err, _("%s:1:1: the file is UTF-16: "
		    "the file must be UTF-8 (save it as UTF-8)"), d->path);
		return -1;
	}
	if (prescan(d, bytes, n) != 0)
		return -1;
	if (!yaml_parser_initialize(&parser))
		alloc_failed(0);
	yaml_parser_set_input_string(&parser, (const unsigned char *)bytes, n);
	if (!yaml_parser_load(&parser, &d->doc)) {
		parser_error(d, &parser, bytes, n);
		yaml_parser_delete(&parser);
		return -1;
	}
	d->loaded = 1;
	yaml_parser_delete(&parser);
	root = yaml_document_get_root_node(&d->doc);
	return root != NULL ? check_tree(d, root) : 0;
}


int
yamldoc_load(struct yamldoc *d, const char *path)
{
	char err[sizeof d->err];
	int fd = infile_open(path, INFILE_REGULAR, err, sizeof err);
	FILE *fp = fd >= 0 ? fdopen(fd, "rb") : NULL;
	char *bytes;
	size_t n = 0, cap = 4096;
	int rc;

	if (fp == NULL) {
		if (fd >= 0) {
			snprintf(err, sizeof err, _("cannot open %s: %s"), path,
			    strerror(errno));
			close(fd);
		}
		memset(d, 0, sizeof *d);
		d->path = xstrdup(path);
		snprintf(d->err, sizeof d->err, "%s", err);
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
			snprintf(d->err, sizeof d->err, _("%s: larger than 16 MiB"),
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
		snprintf(d->err, sizeof d->err, _("cannot read %s: %s"), path,
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
		return yamldoc_error(d, node, _("expected a mapping (key: value)"));
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
			return yamldoc_error(d, k, _("unknown key \"%s\" (expected %s)"),
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
	int c;

	if (n->type != YAML_SCALAR_NODE)
		return yamldoc_error(d, n, "%s", n->type == YAML_MAPPING_NODE ?
		    _("expected a single value, not a mapping") :
		    _("expected a single value, not a list"));
	if ((c = control_char(scalar(n), n->data.scalar.length)) >= 0)
		return yamldoc_error(d, n, _("a control character (U+%04X) in the value"),
		    (unsigned)c);
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
		return yamldoc_error(d, n, _("expected a whole number, found nothing"));
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > (max - (*p - '0')) / 10)
			return yamldoc_error(d, n,
			    _("expected a whole number from %lld to %lld, not \"%s\""),
			    min, max, s);
		v = v * 10 + (*p - '0');
	}
	if (v < min)
		return yamldoc_error(d, n,
		    _("expected a whole number from %lld to %lld, not \"%s\""),
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
	return yamldoc_error(d, n, _("expected true or false, not \"%s\""), s);
}

int
yamldoc_date(struct yamldoc *d, yaml_node_t *n, long *days)
{
	const char *s;

	if (yamldoc_string(d, n, &s) != 0)
		return -1;
	if (date_parse(s, strlen(s), 0, days) != 0)
		return yamldoc_error(d, n, _("expected a date like 2015-06-03, not \"%s\""), s);
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
		    _("expected a number like 0.10 (at most 6 decimals), not \"%s\""), s);
	while (nd++ < 6)
		frac *= 10;
	*micro = whole * 1000000 + frac;
	return 0;
}
