/* `tpa status [--no-audit] [--brief] [DIR...]`: which step of the procedure a village
 * folder is at, and what it waits for — one line per step: done, ready
 * (make runs it next), waiting (for an objections file, until the end of
 * its period; for an audit) or blocked (and why, as the stage recorded
 * it in .tpa-blocked.mk). */
#ifndef TPA_STATUS_H
#define TPA_STATUS_H

/* Print the status of village folder DIR on standard output. NO_AUDIT:
 * the village runs alone (make TPA_AUDIT=0). ONE_LINE: only the village
 * and the first step not done (for a town's or county's summary).
 * Returns EXIT_DONE, or EXIT_ERROR when village.yaml cannot be read. */
int status_run(const char *dir, int no_audit, int one_line);

/* Print the code that the village.yaml of folder DIR gives (make reads a
 * village's code so, never from its folder's name). Returns EXIT_DONE, or
 * EXIT_ERROR when village.yaml cannot be read or is refused. */
int status_print_code(const char *dir);

#endif
