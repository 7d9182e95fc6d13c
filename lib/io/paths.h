/* File names: the folder and base name of a path, joining, the name of a
 * file as seen from another folder (what PROVENANCE.csv and the make
 * dependency file record), and whether two paths name the same file.
 * Nothing here exits or prints; every returned string is the caller's to
 * free (allocation failure ends the program, see base/alloc.h). */
#ifndef TPA_PATHS_H
#define TPA_PATHS_H

#include <stddef.h>
#include <sys/types.h>

#include "base/strbuf.h"

/* The folder part of PATH: "." when PATH has no slash, "/" for "/x",
 * "a/b" for "a/b/c" (and for "a/b//c"). Caller frees. */
char *path_dir(const char *path);

/* The last component of PATH (after the last slash; "" when PATH ends
 * with one). Points into PATH. */
const char *path_base(const char *path);

/* REL inside folder DIR: REL itself when it is absolute or DIR is ".",
 * otherwise "DIR/REL". Caller frees. */
char *path_join(const char *dir, const char *rel);

/* NAME in the folder of OUTPUT: NAME alone (the current folder) when
 * OUTPUT is NULL, "-" or has no slash. Caller frees. */
char *path_beside(const char *output, const char *name);

/* PATH as reached from folder FROM_DIR, e.g. "../../rules/x.yaml", "." when
 * PATH is FROM_DIR itself. Both are resolved with realpath(3) first
 * (symbolic links, "." and ".." gone); a PATH that does not exist yet
 * resolves through its folder. When PATH or FROM_DIR cannot be resolved
 * at all, the result is PATH made absolute (lexically) instead. "-" is
 * "stdin". Caller frees. */
char *path_relative(const char *from_dir, const char *path);

/* The identity of a file, for same-file checks. */
struct file_id {
	int exists;       /* PATH existed: DEV and INO are set */
	dev_t dev;
	ino_t ino;
	int is_chardev;   /* a character device (/dev/null): never "the same" */
	char *resolved;   /* realpath, or for a file that does not exist the
			     realpath of its folder plus its name; NULL for "-" */
};

/* Identity of PATH: device and inode when it exists (following symbolic
 * links); otherwise the resolved folder plus the base name, so that
 * "d/../x.csv" and "x.csv" compare equal. "-" (standard input or output)
 * has no identity and is the same as nothing. Returns 0, or -1 with a
 * message in ERR (e.g. the folder does not exist, or PATH names a folder
 * by a trailing slash); ID needs file_id_free() only after 0. */
int file_id_get(const char *path, struct file_id *id, char *err,
    size_t errlen);

/* Whether A and B are the same file. Never true when either is a
 * character device or "-". */
int file_id_same(const struct file_id *a, const struct file_id *b);

void file_id_free(struct file_id *id);

/* Whether A and B both exist and are the same file or folder (device and
 * inode, after symbolic links). False when either cannot be resolved. */
int path_same(const char *a, const char *b);

/* Whether two of PATHS[0..N) name the same file or folder (device and
 * inode, after symbolic links: "v" and "v/", or a link to it). Returns the
 * index of the first path that repeats an earlier one, *EARLIER the index
 * of that one; N when none repeats. A path that does not exist repeats
 * nothing (its reader says it is missing). */
size_t paths_repeated(const char *const *paths, size_t n, size_t *earlier);

/* Make folder DIR and any missing parent, as mkdir -p does (MODE less
 * the umask for each one made). Returns 0 when DIR is a folder after the
 * call, or -1 with a message in ERR naming DIR (and the part that is in
 * the way, when one is not a folder). */
int path_make_dirs(const char *dir, mode_t mode, char *err, size_t errlen);

/* Whether PATH exists; whether it is a folder; whether it is a regular
 * file, which can be read twice (following links; "-" is none of these). */
/* Hold the folder DIR for this process alone among those that ask the
 * same (an exclusive flock(2) on the folder, waited for; released when
 * the process ends or the descriptor is closed). Returns the descriptor,
 * or -1 with the reason in ERR. */
int path_lock_dir(const char *dir, char *err, size_t errlen);

/* The executable NAME as PATH finds it (an empty element is the current
 * folder; no PATH: /usr/bin:/bin), its path into B. Returns 0, or -1 when
 * no folder of PATH has it. */
int path_search(const char *name, struct strbuf *b);

int path_exists(const char *path);
int path_is_dir(const char *path);
int path_is_file(const char *path);
/* Remove the folder PATH and everything under it (symbolic links are
 * removed, never followed). Returns 0 or -1. */
int path_remove_tree(const char *path);

/* A private folder (0700) of this process for temporary files:
 * TMPDIR/PREFIX-PID-XXXXXX (TMPDIR unset or empty: /tmp) into DIR of
 * size N. First removes the folders of the same PREFIX that a process no
 * longer running left behind (killed before it could remove its own:
 * ours, real folders, never followed through a link). Returns 0, or -1
 * with errno set (the folder TMPDIR names in *BASE for messages). */
int path_temp_dir(const char *prefix, char *dir, size_t n, const char **base);

/* The names of folder DIR's entries but those that start with '.', sorted
 * bytewise; *N of them (NULL and 0 when DIR cannot be read). Free with
 * path_entries_free(). */
char **path_entries(const char *dir, size_t *n);
void path_entries_free(char **names, size_t n);

#endif
