/* Where this program's own files are: a clone's programs (bin/, or
 * build-san/bin/) and an installed tpa (PREFIX/bin) each find their make
 * rules and message catalogues relative to their own executable, so that
 * neither a variable nor a path written into a county's files is needed.
 */
#ifndef TPA_SELFDIR_H
#define TPA_SELFDIR_H

/* The folder holding the running program's executable (symbolic links
 * resolved), newly allocated; NULL when it cannot be known
 * (/proc/self/exe unreadable). */
char *self_dir(void);

/* The first of the folders REL[] (NULL-terminated, each relative to
 * self_dir()) that holds the file PROBE, as a newly allocated path
 * without a trailing "/"; else FALLBACK (copied) when it holds PROBE,
 * else NULL. */
char *self_find(const char *const rel[], const char *probe, const char *fallback);

#endif
