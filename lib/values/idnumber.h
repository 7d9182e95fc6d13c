/* Resident identity numbers (GB 11643-1999): 6-digit division code,
 * 8-digit birth date, 3-digit sequence (odd: male, even: female), check
 * character by ISO 7064 MOD 11-2. */
#ifndef TPA_IDNUMBER_H
#define TPA_IDNUMBER_H

#include <stddef.h>

#define ID_LEN 18
#define ID_MASKED_BUF 80

/* Outcome of a check; the names are the reject codes. */
enum id_status {
	ID_OK,
	ID_BAD_FORMAT,      /* BAD_ID_FORMAT: not 17 digits and a digit or X */
	ID_BAD_CHECKSUM,    /* BAD_ID_CHECKSUM: check character does not match */
	ID_BAD_DATE,        /* BAD_ID_DATE: impossible, or after the year's end */
	ID_OLD_15_DIGIT,    /* OLD_15_DIGIT_ID: a first-generation number */
	ID_MANGLED          /* ID_MANGLED: a spreadsheet made a number of it
	                     * ("3.71323E+17", or the last three digits zeroed) */
};

struct id_checker;

/* A checker for numbers of people living on 31 December of LAST_YEAR:
 * a birth date after that day is refused. */
struct id_checker *id_checker_new(int last_year);
void id_checker_free(struct id_checker *c);

/* Check S[0..N) (trimmed). On ID_OK, OUT holds the canonical number
 * (upper-case X, NUL-terminated). */
enum id_status id_check(struct id_checker *c, const char *s, size_t n,
    char out[ID_LEN + 1]);

/* The check character the first 17 digits call for. */
char id_check_char(const char *digits17);

/* Reject code of a status ("BAD_ID_CHECKSUM"); NULL for ID_OK. */
const char *id_status_code(enum id_status st);

/* Sex (1 male, 2 female) and birth day number of a valid number. */
int id_sex(const char id[ID_LEN]);
long id_birth(const char id[ID_LEN]);

/* The number as public notices show it: first 6 and last 4 characters,
 * the rest as '*' ("371323********123X"). Text that is not a full number
 * is masked the same way when longer than 10 characters, and entirely
 * otherwise. Returns BUF. */
const char *id_mask(char buf[ID_MASKED_BUF], const char *s, size_t n);

struct strbuf;
/* Bank card numbers: 16 to 19 digits. */
#define CARD_MIN 16
#define CARD_MAX 19

/* Append S[0..N) to B with every ID-shaped run masked as id_mask() does:
 * exactly 18 ID characters (17 digits and a digit or X) or exactly 15
 * digits, bounded by non-digits — and every bank card number, a run of 16
 * to 19 digits, the same way ("622202*********1234"). Other digit runs
 * (household numbers, amounts, phone numbers) are left as they are. Every
 * message written into a file meant for people goes through this. */
void id_mask_runs(struct strbuf *b, const char *s, size_t n);

/* The next ID-shaped run of S[0..N) at or after *POS, as id_mask_runs
 * finds them: returns 1 with its start in *START, *POS moved past it and
 * its masked form in MASKED (ASCII, never longer than the run); 0 when
 * there is none. For writers that mask as they go. */
int id_next_run(const char *s, size_t n, size_t *pos, size_t *start,
    char masked[ID_MASKED_BUF]);

#endif
