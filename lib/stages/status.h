/* `tpa status [--no-audit] [--brief] [DIR...]`: which step of the procedure a village
 * folder is at, and what it waits for — one line per step: done, ready
 * (make runs it next), waiting (for an objections file, until the end of
 * its period; for an audit) or blocked (and why, as the stage recorded
 * it in .tpa-blocked.mk). */
#ifndef TPA_STATUS_H
#define TPA_STATUS_H

/* The exit status of a village that waits (for a period to end, for an
 * audit, for make to run a step): nothing needs action. Beside it
 * EXIT_DONE (every step done), EXIT_BLOCKED (a step is blocked: it needs
 * action) and EXIT_ERROR (a stage failed, or village.yaml cannot be read
 * or is refused). */
enum { STATUS_WAITING = 3 };

/* Print the status of village folder DIR on standard output. NO_AUDIT:
 * the village runs alone (make TPA_AUDIT=0). ONE_LINE: only the village
 * and the first step not done (for a town's or county's summary).
 * Returns EXIT_DONE, STATUS_WAITING, EXIT_BLOCKED or EXIT_ERROR, as above:
 * the worst state of any step. */
int status_run(const char *dir, int no_audit, int one_line);

/* `tpa status` in a town's folder (town-TTTTTTTTT) or a county's
 * (county-CCCCCC): each village folder beside it whose code starts with
 * the level's (the villages its Makefile runs) on one line, as
 * status_run(ONE_LINE) prints it, then one line counting them: done,
 * waiting, blocked, and what the level waits for. DIR is not such a
 * folder: 0 villages, the line says so. Returns the worst status of any
 * village, as status_run(), or EXIT_ERROR when DIR's name is neither. */
int status_level(const char *dir);

/* Whether folder DIR is named as a town's or a county's (town-, county-
 * and digits) and holds no village.yaml: 1, else 0. */
int status_is_level(const char *dir);

/* Of two such statuses, the one that says more is wrong: error, then
 * blocked, then waiting, then done. */
int status_worse(int a, int b);

/* Print the code that the village.yaml of folder DIR gives (make reads a
 * village's code so, never from its folder's name). Returns EXIT_DONE, or
 * EXIT_ERROR when village.yaml cannot be read or is refused. */
int status_print_code(const char *dir);

/* Print the levels that post in the procedure of the village in folder
 * DIR (its rules: in an area the county's for its town), in order,
 * space-separated on one line (make reads them so). Returns EXIT_DONE,
 * or EXIT_ERROR when village.yaml or the rules cannot be read or are
 * refused. */
int status_print_levels(const char *dir);
/* `tpa status --exposed DIR`: print the confidential files of the village
 * folder DIR (io/confidential.h) that others may read, one name (relative
 * to DIR) a line, for make to restore their mode 0600. Returns EXIT_DONE,
 * or EXIT_ERROR when standard output cannot be written. */
int status_print_exposed(const char *dir);

/* `tpa status --closed LEVEL DIR`: whether the town (LEVEL "town") or
 * the county ("county") closed its posting of the village in folder DIR
 * (SPEC §8): EXIT_DONE when it did, or when the village is not in an area
 * (there the objections file alone says the period is over);
 * STATUS_WAITING when not yet, with one line on standard output saying
 * what the owner has not done; EXIT_ERROR (message on standard error) when
 * the area cannot be read, does not list the village, or gives a closing
 * date on or before the end. */
int status_closed(const char *dir, const char *level);

struct rules;
/* The rules of the village in folder DIR (in an area the county's for its
 * town), loaded into R as its stages load them. Returns 0 (free R with
 * rules_free), 1 when village.yaml names none, or -1 with the error
 * printed when village.yaml or the rules cannot be read or are refused.
 * *COLUMNS gets the county's header-aliases file, resolved, or NULL
 * (caller frees), unless COLUMNS is NULL. */
int status_rules(const char *dir, struct rules *r, char **columns);

#endif
