#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "household.h"

void
roster_init(struct roster *r, size_t ncells)
{
	memset(r, 0, sizeof *r);
	r->ncells = ncells;
	strmap_init(&r->index);
}

void
roster_free(struct roster *r)
{
	free(r->households);
	free(r->people);
	free(r->arena);
	strmap_free(&r->index);
	memset(r, 0, sizeof *r);
}

static uint64_t
store(struct roster *r, const char *s, size_t n)
{
	uint64_t off = r->arena_len;

	xgrow(&r->arena, &r->arena_cap, r->arena_len + n + 1, 1);
	if (n > 0)
		memcpy(r->arena + off, s, n);
	r->arena[off + n] = '\0';
	r->arena_len += n + 1;
	return off;
}

uint32_t
roster_household(struct roster *r, const char *id, size_t n, unsigned long line)
{
	int inserted;
	uint32_t *v = strmap_put(&r->index, id, n, (uint32_t)r->nhouseholds,
	    &inserted);
	struct household *h;

	if (!inserted)
		return *v;
	if (r->nhouseholds >= NO_HOUSEHOLD)
		die(EXIT_ERROR, "too many households");
	xgrow(&r->households, &r->households_cap, r->nhouseholds + 1,
	    sizeof *r->households);
	h = &r->households[r->nhouseholds];
	memset(h, 0, sizeof *h);
	h->key = store(r, id, n);
	h->first_line = (uint32_t)line;
	return (uint32_t)r->nhouseholds++;
}

const char *
roster_household_id(const struct roster *r, uint32_t h)
{
	return r->arena + r->households[h].key;
}

uint32_t
roster_add(struct roster *r, uint32_t h, unsigned long line, int head,
    const char *id, const char *const *cells, const size_t *lens)
{
	struct person *p;

	if (r->npeople >= UINT32_MAX)
		die(EXIT_ERROR, "too many rows");
	xgrow(&r->people, &r->people_cap, r->npeople + 1, sizeof *r->people);
	p = &r->people[r->npeople];
	memset(p, 0, sizeof *p);
	p->household = h;
	p->line = (uint32_t)line;
	p->head = head != 0;
	if (id != NULL)
		memcpy(p->id, id, ID_LEN);
	p->cells = r->arena_len;
	for (size_t i = 0; i < r->ncells; i++)
		store(r, cells[i] ? cells[i] : "", cells[i] ? lens[i] : 0);
	if (h != NO_HOUSEHOLD) {
		r->households[h].people++;
		r->households[h].heads += p->head;
	}
	return (uint32_t)r->npeople++;
}

void
roster_cells(const struct roster *r, uint32_t person, const char **cells)
{
	const char *s = r->arena + r->people[person].cells;

	for (size_t i = 0; i < r->ncells; i++) {
		cells[i] = s;
		s += strlen(s) + 1;
	}
}

struct hh_key {
	const char *id;
	uint32_t index;
};

struct person_key {
	uint32_t rank;           /* household's place in order */
	uint8_t not_head;
	char id[ID_LEN + 1];
	uint32_t line;
	uint32_t index;
};

static int
cmp_household(const void *a, const void *b)
{
	return strcmp(((const struct hh_key *)a)->id, ((const struct hh_key *)b)->id);
}

static int
cmp_person(const void *a, const void *b)
{
	const struct person_key *x = a, *y = b;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->not_head != y->not_head)
		return x->not_head < y->not_head ? -1 : 1;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

uint32_t *
roster_households_sorted(const struct roster *r)
{
	struct hh_key *hk = xcalloc(r->nhouseholds, sizeof *hk);
	uint32_t *sorted = xcalloc(r->nhouseholds, sizeof *sorted);

	for (size_t h = 0; h < r->nhouseholds; h++) {
		hk[h].id = roster_household_id(r, (uint32_t)h);
		hk[h].index = (uint32_t)h;
	}
	qsort(hk, r->nhouseholds, sizeof *hk, cmp_household);
	for (size_t h = 0; h < r->nhouseholds; h++)
		sorted[h] = hk[h].index;
	free(hk);
	return sorted;
}

uint32_t *
roster_order(const struct roster *r)
{
	uint32_t *sorted = roster_households_sorted(r);
	uint32_t *rank = xcalloc(r->nhouseholds, sizeof *rank);
	struct person_key *pk = xcalloc(r->npeople, sizeof *pk);
	uint32_t *order = xcalloc(r->npeople, sizeof *order);

	for (size_t h = 0; h < r->nhouseholds; h++)
		rank[sorted[h]] = (uint32_t)h;
	free(sorted);
	for (size_t i = 0; i < r->npeople; i++) {
		const struct person *p = &r->people[i];

		pk[i].rank = p->household == NO_HOUSEHOLD ? 0 : rank[p->household] + 1;
		pk[i].not_head = !p->head;
		memcpy(pk[i].id, p->id, sizeof pk[i].id);
		pk[i].line = p->line;
		pk[i].index = (uint32_t)i;
	}
	qsort(pk, r->npeople, sizeof *pk, cmp_person);
	for (size_t i = 0; i < r->npeople; i++)
		order[i] = pk[i].index;
	free(rank);
	free(pk);
	return order;
}
