/* `tpa wait WHAT ARG...`: the line make prints where the procedure waits
 * (village.mk, area.mk), on standard error, in the locale's language: the
 * make rules name what they wait for, the words are here, through
 * gettext, with the papers' words for the levels. */
#ifndef TPA_WAITING_H
#define TPA_WAITING_H

/* Print the line for WHAT with its ARGV[0..ARGC) (ARGV[0] is WHAT), as
 * "tpa: LINE\n" on standard error. The lines, and their arguments:
 *   input FILE                    an input the village fills in, not yet
 *   objections LEVEL              its objections file is not there yet
 *   owner-objections LEVEL FILE   the town's or county's file, not yet
 *   closed WHY                    the owner has not closed its posting
 *   audit-missing LEVEL DIR LIST  that audit has not run yet
 *   audit-stale LEVEL DIR LIST    it has not covered the village's LIST
 *   audit-errors LEVEL CODE DIR   it found errors for the village
 *   no-code                       village.yaml gives no code
 *   no-audit LEVEL AREA BELOW     no village has finished BELOW's posting
 * LEVEL is village, town or county. Returns 0, or 2 (EXIT_ERROR) for a
 * WHAT it does not know or a wrong count of arguments (said on
 * standard error). */
int waiting_say(int argc, char **argv);

#endif
