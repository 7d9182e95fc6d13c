/* tpa print: a notice, letters or cards (HTML) printed to PDF by headless
 * Chromium, without the browser's own header and footer (date, title,
 * file:// address, its page numbers): the pages carry their own. The PDF
 * is written atomically beside the HTML (or to -o), with the HTML's
 * privacy: private (0600) when the HTML is not readable by others, as
 * letters and cards are not. Chromium stamps the time of the run into the
 * PDF's CreationDate and ModDate; both entries are blanked, so the same
 * HTML printed by the same Chromium gives the same bytes. */
#ifndef TPA_PRINT_H
#define TPA_PRINT_H

struct print_options {
	const char *html;       /* the page to print */
	const char *output;     /* the PDF, NULL: HTML's name with .pdf */
	const char *browser;    /* --chromium, NULL: $TPA_CHROMIUM, then PATH */
	int quiet;
};

/* The browsers looked for in PATH, in order (NULL-terminated). */
extern const char *const print_browsers[];

/* Print O->html. Returns EXIT_DONE, or EXIT_ERROR with the reason on
 * stderr (no browser found, the browser failed or timed out, the output
 * cannot be written): nothing is written then. */
int print_pdf(const struct print_options *o);

#endif
