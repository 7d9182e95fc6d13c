#include <locale.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

void
i18n_init(void)
{
	const char *dir = getenv("TPA_LOCALEDIR");

	if (dir == NULL || *dir == '\0')
		dir = LOCALEDIR;
	/* LC_CTYPE changes no byte of any output: text is handled as UTF-8
	 * by the library's own code, never by <ctype.h> or the wide
	 * functions. LC_NUMERIC, LC_TIME and LC_COLLATE stay "C". */
	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
	bindtextdomain("tpa", dir);
	bind_textdomain_codeset("tpa", "UTF-8");
	textdomain("tpa");
}

char *
i18n_untranslated(void)
{
	const char *now = setlocale(LC_MESSAGES, NULL);
	char *saved = xstrdup(now != NULL ? now : "C");

	setlocale(LC_MESSAGES, "C");
	return saved;
}

void
i18n_restore(char *saved)
{
	if (saved == NULL)
		return;
	setlocale(LC_MESSAGES, saved);
	free(saved);
}
