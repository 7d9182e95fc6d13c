/* `tpa words [COLUMN] [-C DIR]`: the words a file may hold in each coded
 * column — the spec's lists (values/enums through the column catalogue)
 * and, in a village's, a town's or a county's folder, the code columns its
 * rules declare — printed from the tables the readers look words up in. */
#ifndef TPA_WORDS_H
#define TPA_WORDS_H

/* Print on standard output, for COLUMN (its name, Chinese title or any
 * header it is known by; NULL: every coded column), each code with the
 * words read as it. The rules are those of the folder DIR when it holds
 * a village.yaml, a town.yaml or a county.yaml (tpa-audit's area). Headings follow the locale (gettext).
 * Returns EXIT_DONE, or EXIT_ERROR with a message on standard error when
 * COLUMN is not a coded column (naming those that are), the folder's
 * rules cannot be read, or standard output cannot be written. */
int words_print(const char *column, const char *dir);

#endif
