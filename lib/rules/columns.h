/* Column names: a header cell is matched, after trimming and ignoring ASCII
 * case, against the canonical names of the spec and their aliases (the
 * built-in Chinese headers, plus a user's --columns YAML). Column order is
 * free; extra columns are kept under their own names. */
#ifndef TPA_COLUMNS_H
#define TPA_COLUMNS_H

#include <stddef.h>

#include "io/csvin.h"

struct column_aliases;

/* The built-in aliases: those of the column catalogue (values/field.h;
 * rules/columns.yaml lists the same). */
struct column_aliases *aliases_new(void);
/* The built-in aliases for a town's villages.csv: those above, after the
 * headers of that file alone (村名 is its name, 人口 its population). */
struct column_aliases *aliases_new_villages(void);
/* The same for a level's reopen.csv (date, reason). */
struct column_aliases *aliases_new_reopen(void);
/* Add the aliases of a YAML file: a mapping of canonical names to one alias
 * or a list of them. Returns 0, or -1 with "FILE:LINE:COL: message". */
int aliases_load(struct column_aliases *a, const char *path, char *err,
    size_t errlen);
void aliases_free(struct column_aliases *a);
/* The canonical name of header text S[0..N), or NULL when it is none
 * (read as columns_canonical() reads it, without rules). */
const char *aliases_canonical(const struct column_aliases *a, const char *s,
    size_t n);
/* The first alias of CANONICAL (for messages), or "". */
const char *aliases_first(const struct column_aliases *a, const char *canonical);

/* A header read against the columns a stage knows. */
struct columns {
	size_t ncells;       /* cells in the header */
	char **name;         /* per cell: canonical or own name; NULL if unnamed */
	int *slot;           /* per cell: index in the known list, or -1 */
	int *pos;            /* per known column: its cell, or -1 when absent */
	size_t nknown;
};

struct rules;

/* The name a header cell S[0..N) gives a column: the county's alias of
 * it, else (RULES given) the column the rules declare under that name in
 * any case or under that Chinese title; NULL when S is its own name.
 * A header that is none as written is looked up again with full-width
 * forms read as ASCII, without invisible characters, without spaces or
 * hyphens (ｄｅｃｉｓｉｏｎ, 结 论) and with them as underscores (per capita
 * income), each then without a unit in brackets at its end that says
 * what the column's values are already (工资性收入（元）, 家庭人口（人）;
 * not （万元）, nor （元/人） on a household's income, nor （户） on a count
 * of people). */
const char *columns_canonical(const struct column_aliases *a,
    const struct rules *rules, const char *s, size_t n);

/* Map HEADER against the KNOWN canonical names, each cell named by
 * columns_canonical(). Refuses two cells that name the same column
 * (car_value and 汽车价值 included). Returns 0, or -1 with "FILE:1:
 * message" in ERR. */
int columns_map(struct columns *c, const struct column_aliases *a,
    const char *file, const struct csvin_row *header,
    const char *const *known, size_t nknown, char *err, size_t errlen);
/* The same, with the columns RULES declare. */
int columns_map_rules(struct columns *c, const struct column_aliases *a,
    const struct rules *rules, const char *file,
    const struct csvin_row *header, const char *const *known, size_t nknown,
    char *err, size_t errlen);
/* Check that every known column flagged in REQUIRED (nknown flags) is
 * present; -1 with a message naming the first that is not. */
/* The header cell of C that would name column NAME but for a unit in
 * brackets at its end that is not what the column holds (工资性收入（万元）):
 * its place from 1, or 0; said after NAME's "required column is missing"
 * through COLUMNS_UNIT_REFUSED (file, line, the place, the header, NAME). */
size_t columns_unit_refused(const struct columns *c,
    const struct column_aliases *a, const char *name);
const char *columns_unit_refused_format(void);
#define COLUMNS_UNIT_REFUSED columns_unit_refused_format()

int columns_require(const struct columns *c, const struct column_aliases *a,
    const char *file, unsigned long line, const char *const *known,
    const unsigned char *required, char *err, size_t errlen);
/* columns_map, then columns_require on the header's line. */
int columns_header(struct columns *c, const struct column_aliases *a,
    const char *file, const struct csvin_row *header,
    const char *const *known, const unsigned char *required, size_t nknown,
    char *err, size_t errlen);
/* The cell of known column K in ROW: "" when the column is absent or the
 * row too short. Its length goes to *N unless N is NULL. */
const char *columns_cell(const struct columns *c, const struct csvin_row *row,
    int k, size_t *n);
void columns_free(struct columns *c);

#endif
