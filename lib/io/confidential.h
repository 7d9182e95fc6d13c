/* The files of a village folder that hold full ID numbers or a person's
 * details (SPEC §3: applications.csv, the stage lists, the registry's
 * households and members, the cards and the letters; the objections file,
 * which names who objected, about whom, and may hold an ID number or a
 * phone): the stages write theirs mode 0600,
 * but a copy or a git checkout makes them 0644. The audit reports one
 * that others may read (PERMISSIONS); the village's make restores 0600
 * (tpa status --exposed names them). Nothing here prints or exits. */
#ifndef TPA_CONFIDENTIAL_H
#define TPA_CONFIDENTIAL_H

/* Their names relative to the village folder, NULL-terminated. */
extern const char *const confidential_files[];
/* A town's or county's own files of that kind (its objections file),
 * relative to its folder, NULL-terminated. */
extern const char *const confidential_level_files[];

/* Whether PATH is a regular file that users other than its owner may
 * read or write (any of the mode bits 077): 1, with its permission bits
 * in *MODE; 0 when it is not, or not there. */
int confidential_exposed(const char *path, unsigned *mode);

#endif
