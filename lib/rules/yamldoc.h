/* YAML documents for the village and rules files (libyaml document API),
 * with the checks libyaml leaves to us: duplicate keys, aliases, typed
 * scalars. Every error is "FILE:LINE:COL: message" with 1-based positions.
 * Functions that can fail return -1 and leave the message in doc->err. */
#ifndef TPA_YAMLDOC_H
#define TPA_YAMLDOC_H

#include <stddef.h>
#include <yaml.h>

#include "io/digest.h"

struct yamldoc {
	yaml_document_t doc;
	int loaded;
	char *path;                 /* as given */
	char sha256[DIGEST_HEX];    /* of the file's bytes */
	char err[1024];
};

/* Read and parse the file PATH (at most 16 MiB). Before the document is
 * built, the event stream is read once and the file refused at the first
 * of: bytes that are not UTF-8 (placed by line and column; UTF-16 too),
 * nesting deeper than 64 lists and mappings, more than 1,000,000 values,
 * a second document, an anchor (&name) or alias (*name), a control
 * character (C0 but TAB and LF, or DEL) in a key or value. Then every key
 * must be a scalar and unique in its mapping (checked in O(n log n)).
 * Loading is linear in the size of the file. PATH must be a regular file:
 * a FIFO, a device or a socket is refused without waiting on it. Returns
 * 0, or -1 with the message in D->err; either way D is to be freed with
 * yamldoc_free(). */
int yamldoc_load(struct yamldoc *d, const char *path);
/* The same, on BYTES[0..N), naming it PATH in messages. */
int yamldoc_load_bytes(struct yamldoc *d, const char *path, const char *bytes,
    size_t n);
void yamldoc_free(struct yamldoc *d);

/* The root node, or NULL for an empty document. */
yaml_node_t *yamldoc_root(struct yamldoc *d);

/* Record an error at NODE (its start) and return -1. */
int yamldoc_error(struct yamldoc *d, const yaml_node_t *node,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Fail unless NODE is a mapping whose keys are all in ALLOWED (NULL-ended). */
int yamldoc_keys(struct yamldoc *d, yaml_node_t *node,
    const char *const *allowed);
/* The value of KEY in mapping MAP, or NULL. */
yaml_node_t *yamldoc_get(struct yamldoc *d, yaml_node_t *map, const char *key);
/* The key node of KEY in MAP (for messages), or NULL. */
yaml_node_t *yamldoc_key_node(struct yamldoc *d, yaml_node_t *map,
    const char *key);

/* Typed scalars: each fails with a message at N when N is not a scalar of
 * the type. A string handed out holds no control character. */
int yamldoc_string(struct yamldoc *d, yaml_node_t *n, const char **out);
int yamldoc_int(struct yamldoc *d, yaml_node_t *n, long long min,
    long long max, long long *out);
int yamldoc_bool(struct yamldoc *d, yaml_node_t *n, int *out);
int yamldoc_date(struct yamldoc *d, yaml_node_t *n, long *days);
/* A decimal number with up to 6 decimals, as millionths. */
int yamldoc_decimal(struct yamldoc *d, yaml_node_t *n, long long *micro);
/* Whether a scalar is a plain (unquoted) one. */
int yamldoc_plain(const yaml_node_t *n);

#endif
