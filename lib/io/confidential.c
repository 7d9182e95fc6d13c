/* Confidential files: see confidential.h. */
#include <stddef.h>
#include <sys/stat.h>

#include "io/confidential.h"

const char *const confidential_files[] = {
	"applications.csv", "applicants.csv", "primary.csv", "appraised.csv",
	"publicized-village.csv", "publicized-town.csv", "publicized-county.csv",
	"letters-village.html", "letters-town.html", "letters-county.html",
	"registry/households.csv", "registry/members.csv", "registry/cards.html",
	"objections-village.csv",
	NULL
};

const char *const confidential_level_files[] = {
	"objections-town.csv", "objections-county.csv", NULL
};

int
confidential_exposed(const char *path, unsigned *mode)
{
	struct stat st;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077) == 0)
		return 0;
	*mode = (unsigned)(st.st_mode & 07777);
	return 1;
}
