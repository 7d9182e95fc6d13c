#include <locale.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/selfdir.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* Where a clone's or an install's catalogues are, from the program's own
 * folder: PREFIX/bin -> PREFIX/share/locale, a clone's bin/ ->
 * build/locale, build-san/bin/ -> build-san/locale. */
static const char *const catalogues[] = {
	"../share/locale", "../build/locale", "../locale", NULL,
};

void
i18n_init(void)
{
	const char *dir = getenv("TPA_LOCALEDIR");
	char *found = NULL;

	if (dir == NULL || *dir == '\0') {
		found = self_find(catalogues, "zh_CN/LC_MESSAGES/tpa.mo", NULL);
		dir = found != NULL ? found : LOCALEDIR;
	}
	/* LC_CTYPE changes no byte of any output: text is handled as UTF-8
	 * by the library's own code, never by <ctype.h> or the wide
	 * functions. LC_NUMERIC, LC_TIME and LC_COLLATE stay "C". */
	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
	bindtextdomain("tpa", dir);
	bind_textdomain_codeset("tpa", "UTF-8");
	textdomain("tpa");
	free(found);
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
