#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "io/infile.h"
#include "io/paths.h"
#include "stages/print.h"
#include "stages/shell.h"

const char *const print_browsers[] = { "chromium", "chromium-browser",
	"google-chrome", "google-chrome-stable", "chrome", "headless_shell", NULL };

/* Seconds the browser may take, unless TPA_PRINT_TIMEOUT says otherwise. */
enum { PRINT_TIMEOUT = 180 };

/* The browser to run, into B; 0, or -1 with the reason recorded. */
static int
browser(struct stage *st, const struct print_options *o, struct strbuf *b)
{
	const char *given = o->browser ? o->browser : getenv("TPA_CHROMIUM");

	if (given != NULL && *given) {
		if (strchr(given, '/') == NULL) {
			if (path_search(given, b) == 0)
				return 0;
			stage_fail(st, _("%s: no such program in PATH"), given);
			return -1;
		}
		strbuf_reset(b);
		strbuf_puts(b, given);
		if (access(given, X_OK) != 0) {
			stage_fail(st, _("cannot run %s: %s"), given, strerror(errno));
			return -1;
		}
		return 0;
	}
	for (size_t i = 0; print_browsers[i] != NULL; i++)
		if (path_search(print_browsers[i], b) == 0)
			return 0;
	stage_fail(st, _("no Chromium to print with (looked for chromium, "
	    "chromium-browser, google-chrome in PATH): install it (apt-get "
	    "install chromium), or give its path with --chromium or "
	    "TPA_CHROMIUM; or open %s in a browser and print it there, with "
	    "the browser's headers and footers turned off"), o->html);
	return -1;
}

/* file:// and the absolute path of PATH, percent-encoded, into B. */
static int
file_url(const char *path, struct strbuf *b)
{
	char *abs = realpath(path, NULL);

	if (abs == NULL)
		return -1;
	strbuf_puts(b, "file://");
	for (const unsigned char *s = (const unsigned char *)abs; *s; s++)
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || strchr("/-._~", *s) != NULL)
			strbuf_putc(b, (char)*s);
		else
			strbuf_printf(b, "%%%02X", *s);
	free(abs);
	return 0;
}

/* Run ARGV with its output into LOG, in a process group of its own (the
 * browser starts helpers), in the C.UTF-8 locale and UTC, for at most
 * SECONDS. Returns its wait status,
 * or -1 when it could not start, -2 when it ran out of time (the group is
 * killed). */
static int
run(char *const argv[], const char *log, long seconds)
{
	struct timespec tick = { 0, 50 * 1000 * 1000 };
	long waited = 0;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int out = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		setpgid(0, 0);
		/* the same pages whatever the caller's locale and zone: the
		 * browser's locale picks fallback fonts */
		setenv("LC_ALL", "C.UTF-8", 1);
		setenv("TZ", "UTC", 1);
		unsetenv("LANGUAGE");
		unsetenv("LANG");
		if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
		    dup2(out, 2) < 0)
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	setpgid(pid, pid);
	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid) {
			kill(-pid, SIGKILL);   /* helpers left behind */
			return status;
		}
		if (r < 0 && errno != EINTR)
			return -1;
		if (waited >= seconds * 20) {
			kill(-pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			return -2;
		}
		nanosleep(&tick, NULL);
		waited++;
	}
}

/* The last line of text of file PATH, into B (empty when none). */
static void
last_line(const char *path, struct strbuf *b)
{
	FILE *f = fopen(path, "r");
	char line[512];

	strbuf_reset(b);
	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		size_t n = strcspn(line, "\r\n");

		if (n > 0) {
			strbuf_reset(b);
			strbuf_add(b, line, n);
		}
	}
	fclose(f);
}


/* Blank every "/KEY (D:...)" entry of the PDF in B with spaces: the same
 * length, so the cross-reference offsets stay right, and a dictionary
 * without the entry (a date is optional). */
static void
blank_dates(struct strbuf *b, const char *key)
{
	size_t klen = strlen(key);

	for (size_t i = 0; i + klen + 4 < b->len; i++) {
		size_t j = i + klen;

		if (memcmp(b->s + i, key, klen) != 0)
			continue;
		while (j < b->len && b->s[j] == ' ')
			j++;
		if (j + 3 >= b->len || memcmp(b->s + j, "(D:", 3) != 0)
			continue;
		while (j < b->len && b->s[j] != ')' && j - i < 64)
			j++;
		if (j >= b->len || b->s[j] != ')')
			continue;
		memset(b->s + i, ' ', j - i + 1);
		i = j;
	}
}

/* The pages of the PDF in B ("/Type /Page", not /Pages). */
static long
count_pages(const struct strbuf *b)
{
	static const char key[] = "/Type /Page";
	long n = 0;

	for (size_t i = 0; i + sizeof key <= b->len; i++)
		if (memcmp(b->s + i, key, sizeof key - 1) == 0 &&
		    b->s[i + sizeof key - 1] != 's')
			n++;
	return n;
}

/* The default output: HTML with .html (or .htm) replaced by .pdf. */
static char *
default_output(const char *html)
{
	size_t n = strlen(html);
	struct strbuf b = { 0 };

	if (n > 5 && strcmp(html + n - 5, ".html") == 0)
		n -= 5;
	else if (n > 4 && strcmp(html + n - 4, ".htm") == 0)
		n -= 4;
	strbuf_add(&b, html, n);
	strbuf_puts(&b, ".pdf");
	return b.s;
}

int
print_pdf(const struct print_options *o)
{
	struct stage st;
	struct strbuf prog = { 0 }, url = { 0 }, a_profile = { 0 },
	    a_pdf = { 0 }, tmp_pdf = { 0 }, log = { 0 }, pdf = { 0 }, why = { 0 };
	char *output = o->output ? xstrdup(o->output) : default_output(o->html);
	char dir[PATH_MAX];
	const char *tmp = NULL;
	const char *limit = getenv("TPA_PRINT_TIMEOUT");
	long seconds = limit && atol(limit) > 0 ? atol(limit) : PRINT_TIMEOUT;
	int status = EXIT_ERROR, have_dir = 0, rc;
	char msg[1024];
	struct stat sb;
	struct outfile *out;

	stage_begin(&st, "print", o->quiet);
	st.unrecorded = 1;   /* a copy for the printer, no record of the procedure */
	/* a regular file, opened as every stage opens its inputs (a FIFO is
	 * never waited on) */
	if ((rc = infile_regular(o->html, msg, sizeof msg)) != 1) {
		if (rc == 0)
			stage_fail(&st, _("cannot read %s: %s"), o->html,
			    strerror(ENOENT));
		else
			stage_fail(&st, "%s", msg);
		goto out;
	}
	/* private (0600) when the page is: its mode, read once it is known
	 * to be a regular file */
	if (stat(o->html, &sb) != 0) {
		stage_fail(&st, _("cannot read %s: %s"), o->html, strerror(errno));
		goto out;
	}
	if (stage_input(&st, o->html) != 0 || browser(&st, o, &prog) != 0)
		goto out;
	if (file_url(o->html, &url) != 0) {
		stage_fail(&st, _("cannot read %s: %s"), o->html, strerror(errno));
		goto out;
	}
	/* the folders of prints killed before they could remove their own
	 * go first, with the PDF and the browser's profile they may hold */
	if (path_temp_dir("tpa-print", dir, sizeof dir, &tmp) != 0) {
		stage_fail(&st, _("cannot make a temporary folder in %s: %s"),
		    tmp, strerror(errno));
		goto out;
	}
	have_dir = 1;
	/* the output opened (and checked) before the browser runs */
	if ((out = stage_output(&st, output, (sb.st_mode & 077) == 0 ?
	    OUTFILE_PRIVATE : OUTFILE_PUBLIC)) == NULL)
		goto out;
	strbuf_printf(&a_profile, "--user-data-dir=%s/profile", dir);
	strbuf_printf(&tmp_pdf, "%s/out.pdf", dir);
	strbuf_printf(&a_pdf, "--print-to-pdf=%s", strbuf_str(&tmp_pdf));
	strbuf_printf(&log, "%s/browser.log", dir);
	{
		/* both spellings of "no header and footer": older Chromium
		 * knows --print-to-pdf-no-header, recent ones
		 * --no-pdf-header-footer, and each ignores the other */
		char *argv[] = { prog.s, "--headless", "--disable-gpu",
			"--no-first-run", "--no-default-browser-check",
			"--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--disable-extensions", "--mute-audio",
			"--no-pdf-header-footer", "--print-to-pdf-no-header",
			a_profile.s, a_pdf.s, url.s,
			geteuid() == 0 ? "--no-sandbox" : NULL, NULL };

		rc = run(argv, strbuf_str(&log), seconds);
	}
	if (rc == -1) {
		stage_fail(&st, _("cannot run %s: %s"), strbuf_str(&prog), strerror(errno));
		goto out;
	}
	if (rc == -2) {
		stage_fail(&st, _("%s did not finish printing %s within %ld seconds "
		    "(TPA_PRINT_TIMEOUT)"), strbuf_str(&prog), o->html, seconds);
		goto out;
	}
	if (infile_read_all(strbuf_str(&tmp_pdf), &pdf, msg, sizeof msg) != 1 ||
	    pdf.len < 5 ||
	    memcmp(pdf.s, "%PDF-", 5) != 0) {
		last_line(strbuf_str(&log), &why);
		if (WIFEXITED(rc) && WEXITSTATUS(rc) != 0)
			stage_fail(&st, _("%s failed to print %s (exit status %d): %s"),
			    strbuf_str(&prog), o->html, WEXITSTATUS(rc), strbuf_str(&why));
		else
			stage_fail(&st, _("%s printed no PDF from %s: %s"),
			    strbuf_str(&prog), o->html, strbuf_str(&why));
		goto out;
	}
	blank_dates(&pdf, "/CreationDate");
	blank_dates(&pdf, "/ModDate");
	outfile_write(out, pdf.s, pdf.len);
	if (stage_commit(&st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet) {
		long pages = count_pages(&pdf);

		if (pages > 0)
			fprintf(stderr, ngettext("printed %s: %ld page\n",
			    "printed %s: %ld pages\n", (unsigned long)pages), output, pages);
		else
			fprintf(stderr, _("printed %s\n"), output);
	}
out:
	if (have_dir)
		(void)path_remove_tree(dir);
	free(output);
	strbuf_free(&prog);
	strbuf_free(&url);
	strbuf_free(&a_profile);
	strbuf_free(&a_pdf);
	strbuf_free(&tmp_pdf);
	strbuf_free(&log);
	strbuf_free(&pdf);
	strbuf_free(&why);
	return stage_end(&st, status);
}
