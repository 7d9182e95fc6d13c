/* The intake roster: people grouped into households by household_id,
 * wherever their rows stand in a file. Compact: one struct per person, one
 * per household, and every cell in one arena (no allocation per field). */
#ifndef TPA_ROSTER_H
#define TPA_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "values/idnumber.h"
#include "base/strmap.h"

#define NO_HOUSEHOLD UINT32_MAX

struct roster_person {
	uint64_t cells;          /* offset of the person's cells in the arena */
	uint32_t household;      /* index in roster.households, or NO_HOUSEHOLD */
	uint32_t line;           /* input line */
	uint8_t head;            /* relation is head */
	uint8_t rejected;        /* has at least one reject row */
	uint8_t carried;         /* from last year's registry */
	char id[ID_LEN + 1];     /* canonical ID number, "" when invalid */
};

struct roster_household {
	uint64_t key;            /* offset of household_id in the arena */
	uint64_t other;          /* ambiguous: another form seen */
	uint32_t people;         /* rows */
	uint32_t heads;
	uint32_t first_line;
	uint8_t rejected;        /* rejected whole */
	uint8_t carried;         /* from last year's registry */
	uint8_t replaced;        /* carried, but a new application replaces it */
	uint8_t ambiguous;       /* written two ways (1 and 01) in one file */
	uint8_t unnumbered;      /* rows below it without a household_id
	                            (merged cells): incomplete */
	uint8_t misnumbered;     /* a row below it whose household_id is no
	                            household number (an invisible or odd
	                            character): perhaps incomplete */
};

struct roster {
	struct roster_household *households;
	size_t nhouseholds, households_cap;
	struct roster_person *people;
	size_t npeople, people_cap;
	char *arena;
	size_t arena_len, arena_cap;
	size_t ncells;           /* cells stored per person */
	struct strmap index;     /* household_id (by value) -> household */
};

/* An empty roster storing NCELLS cells per person. */
void roster_init(struct roster *r, size_t ncells);
void roster_free(struct roster *r);

/* The household numbered ID[0..N) by value (values/hhnumber.h: 1 = 01),
 * added if new (LINE is its first line, ID its form). NO_HOUSEHOLD when
 * the roster is full (2^32 - 1 households). */
uint32_t roster_household(struct roster *r, const char *id, size_t n,
    unsigned long line);
/* Household H's number as it is written: its first form, until
 * roster_household_form sets another. */
const char *roster_household_id(const struct roster *r, uint32_t h);
void roster_household_form(struct roster *r, uint32_t h, const char *id,
    size_t n);
/* Household H's number is written ID[0..N) on a row of the file that
 * made it: a form other than its first marks it ambiguous (and keeps that
 * form in other). */
void roster_household_seen(struct roster *r, uint32_t h, const char *id,
    size_t n);

/* Add a person of household H (or NO_HOUSEHOLD) with its CELLS (r->ncells
 * NUL-free strings; NULL means empty). Returns the person's index, or
 * UINT32_MAX when the roster is full. */
uint32_t roster_add(struct roster *r, uint32_t h, unsigned long line, int head,
    const char *id, const char *const *cells, const size_t *lens);

/* Fill CELLS and LENS (r->ncells entries each) with a person's stored
 * cells and their lengths. */
void roster_cells(const struct roster *r, uint32_t person, const char **cells,
    size_t *lens);

/* Indices of all households sorted by household_id as written (bytewise). Returns a
 * new array of r->nhouseholds entries; caller frees. */
uint32_t *roster_households_sorted(const struct roster *r);

/* Indices of all people in output order: households by household_id
 * (bytewise), the head first, then by ID number, then by line. Returns a
 * new array of r->npeople entries; caller frees. */
uint32_t *roster_order(const struct roster *r);

#endif
