/* The language of what a person reads at the terminal — diagnostics,
 * summaries, --help — follows the locale (LANG, LC_ALL, LC_MESSAGES,
 * LANGUAGE) through GNU gettext, domain "tpa"; English is the source
 * language. What goes into a file or onto standard output as a result
 * (lists, rejects, audit findings, notices, --explain) never goes through
 * here: it follows village.yaml's language through compiled tables
 * (values/wording), so a file holds the same bytes whatever the locale.
 *
 *	_("text")	translated now
 *	N_("text")	marked for the catalogue, translated where used
 */
#ifndef TPA_I18N_H
#define TPA_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) s

/* At a program's start: the locale's messages (LC_MESSAGES) and
 * characters (LC_CTYPE) — never its numbers, dates or collation — and the
 * catalogue in TPA_LOCALEDIR when set, else the one beside the program
 * (a clone's build/locale, an install's PREFIX/share/locale), else the
 * one of the prefix it was built for. */
void i18n_init(void);

/* Until i18n_restore(SAVED), gettext and strerror give the English source
 * text: for messages of the readers that a stage quotes into a file
 * (tpa-audit's findings). */
char *i18n_untranslated(void);
void i18n_restore(char *saved);

#endif
