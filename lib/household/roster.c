#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "household/roster.h"
#include "values/hhnumber.h"

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
	return xstore(&r->arena, &r->arena_len, &r->arena_cap, s, n);
}

uint32_t
roster_household(struct roster *r, const char *id, size_t n, unsigned long line)
{
	int inserted;
	uint32_t *v = hhnumber_put(&r->index, id, n, (uint32_t)r->nhouseholds,
	    &inserted);
	struct roster_household *h;

	if (!inserted)
		return *v;
	if (r->nhouseholds >= NO_HOUSEHOLD)
		return NO_HOUSEHOLD;
	xgrow(&r->households, &r->households_cap, r->nhouseholds + 1,
	    sizeof *r->households);
	h = &r->households[r->nhouseholds];
	memset(h, 0, sizeof *h);
	h->key = store(r, id, n);
	h->other = h->key;
	h->first_line = (uint32_t)line;
	return (uint32_t)r->nhouseholds++;
}

const char *
roster_household_id(const struct roster *r, uint32_t h)
{
	return r->arena + r->households[h].key;
}

void
roster_household_form(struct roster *r, uint32_t h, const char *id, size_t n)
{
	r->households[h].key = store(r, id, n);
}

void
roster_household_seen(struct roster *r, uint32_t h, const char *id, size_t n)
{
	struct roster_household *x = &r->households[h];
	const char *first = r->arena + x->key;

	if (strlen(first) == n && memcmp(first, id, n) == 0)
		return;
	if (!x->ambiguous)
		x->other = store(r, id, n);
	x->ambiguous = 1;
}

uint32_t
roster_add(struct roster *r, uint32_t h, unsigned long line, int head,
    const char *id, const char *const *cells, const size_t *lens)
{
	struct roster_person *p;

	if (r->npeople >= UINT32_MAX)
		return UINT32_MAX;
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
roster_cells(const struct roster *r, uint32_t person, const char **cells,
    size_t *lens)
{
	const char *s = r->arena + r->people[person].cells;

	for (size_t i = 0; i < r->ncells; i++) {
		cells[i] = s;
		lens[i] = strlen(s);
		s += lens[i] + 1;
	}
}

struct hh_key {
	const char *id;
	uint32_t index;
};

static int
cmp_household(const void *a, const void *b)
{
	return strcmp(((const struct hh_key *)a)->id, ((const struct hh_key *)b)->id);
}

uint32_t *
roster_households_sorted(const struct roster *r)
{
	struct hh_key *hk = xcalloc(r->nhouseholds, sizeof *hk);
	uint32_t *sorted = xcalloc(r->nhouseholds, sizeof *sorted);
	int ordered = 1;

	for (size_t h = 0; h < r->nhouseholds; h++) {
		hk[h].id = roster_household_id(r, (uint32_t)h);
		hk[h].index = (uint32_t)h;
		if (h > 0 && ordered && strcmp(hk[h - 1].id, hk[h].id) > 0)
			ordered = 0;
	}
	/* households are numbered as they first appear: a file already in
	 * order needs no sort */
	if (!ordered)
		qsort(hk, r->nhouseholds, sizeof *hk, cmp_household);
	for (size_t h = 0; h < r->nhouseholds; h++)
		sorted[h] = hk[h].index;
	free(hk);
	return sorted;
}

/* Whether person A goes before person B of the same household: the head
 * first, then by ID number, then by line. */
static int
before(const struct roster *r, uint32_t a, uint32_t b)
{
	const struct roster_person *x = &r->people[a], *y = &r->people[b];
	int c;

	if (x->head != y->head)
		return x->head > y->head;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c < 0;
	return x->line != y->line ? x->line < y->line : a < b;
}

/* Sort A[0..N) with BEFORE, merging through TMP (N entries). */
static void
sort_people(const struct roster *r, uint32_t *a, size_t n, uint32_t *tmp)
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n <= 8) {
		for (size_t x = 1; x < n; x++) {
			uint32_t v = a[x];
			size_t y = x;

			for (; y > 0 && before(r, v, a[y - 1]); y--)
				a[y] = a[y - 1];
			a[y] = v;
		}
		return;
	}
	sort_people(r, a, half, tmp);
	sort_people(r, a + half, n - half, tmp);
	while (i < half && j < n)
		tmp[k++] = before(r, a[j], a[i]) ? a[j++] : a[i++];
	while (i < half)
		tmp[k++] = a[i++];
	while (j < n)
		tmp[k++] = a[j++];
	memcpy(a, tmp, k * sizeof *a);
}

uint32_t *
roster_order(const struct roster *r)
{
	uint32_t *sorted = roster_households_sorted(r);
	size_t groups = r->nhouseholds + 1;
	/* Group g: people without a household (0), then households in order. */
	uint32_t *group = xcalloc(groups, sizeof *group);
	size_t *start = xcalloc(groups + 1, sizeof *start);
	uint32_t *order = xcalloc(r->npeople + 1, sizeof *order);
	uint32_t *tmp = xcalloc(r->npeople + 1, sizeof *tmp);

	for (size_t h = 0; h < r->nhouseholds; h++)
		group[sorted[h]] = (uint32_t)h + 1;
	free(sorted);
	for (size_t i = 0; i < r->npeople; i++) {
		uint32_t h = r->people[i].household;

		start[(h == NO_HOUSEHOLD ? 0 : group[h]) + 1]++;
	}
	for (size_t g = 1; g <= groups; g++)
		start[g] += start[g - 1];
	for (size_t i = 0; i < r->npeople; i++) {
		uint32_t h = r->people[i].household;

		order[start[h == NO_HOUSEHOLD ? 0 : group[h]]++] = (uint32_t)i;
	}
	/* start[g] is now the end of group g; sort within each household. */
	for (size_t g = 1; g < groups; g++)
		sort_people(r, order + start[g - 1], start[g] - start[g - 1], tmp);
	free(group);
	free(start);
	free(tmp);
	return order;
}
