/* The notice of a whole town or county (SPEC §8, tpa-publicize(1)
 * area-notice): the real 乡镇公示 and 县级公告, one paper listing every
 * village of the town's villages.csv (every town's, for the county), each
 * under a heading with its name, code and the fingerprint of its own list,
 * its households as the village's own copy of the notice shows them
 * (stages/notice.c writes both), its totals, and the totals of the whole
 * town or county. A village whose list for the level is not there yet is
 * listed as not yet. One file per posting period when the villages'
 * periods differ: notice-LEVEL-YYYYMMDD-YYYYMMDD.html. */
#ifndef TPA_AREANOTICE_H
#define TPA_AREANOTICE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "values/enums.h"
#include "values/wording.h"

struct area_notice_options {
	const char *dir;      /* the town's or the county's folder */
	const char *output;   /* the folder to write into; NULL: DIR */
	int quiet;
};

/* The file name of LEVEL's notice of the period START..END into NAME. */
void area_notice_name(enum level level, long start, long end, char name[64]);
/* The period the file name NAME gives, when it is LEVEL's notice's:
 * returns 0 with START and END, or -1. */
int area_notice_period(const char *name, enum level level, long *start,
    long *end);
struct ledger;
struct ledger_row;
/* Which list of village CODE a town's or county's notice shows, NAME the
 * list's file name (publicized-village.csv at the town): the row of its
 * latest receipt in LG, the level's ledger; NULL with *OWN set when LG is
 * NULL or was not there (before the level's first audit: the village's
 * own list), NULL with *OWN clear when the level has not received it
 * (the notice lists it as not received). The notice, its audit and tpa
 * status all ask this. */
const struct ledger_row *area_notice_source(const struct ledger *lg,
    const char *code, const char *name, int *own);

/* The names of LEVEL's notices in folder DIR (those whose names give a
 * period), sorted, N of them; free with path_entries_free(). */
char **area_notice_files(const char *dir, enum level level, size_t *n);
/* The code a village's heading TEXT gives ("NAME（CODE）", "NAME (CODE)")
 * into CODE: returns 0, or -1 when it gives none. */
int area_notice_heading_code(const char *text, char code[13]);
/* The line of the whole town's or county's totals. */
void area_notice_total_words(enum lang lang, enum level level,
    size_t villages, size_t households, long long people, struct strbuf *b);

/* Write the notices. Returns EXIT_DONE or EXIT_ERROR. */
int publicize_area_notice(const struct area_notice_options *o);

#endif
