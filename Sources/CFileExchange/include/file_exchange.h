#ifndef GLOSS_FILE_EXCHANGE_H
#define GLOSS_FILE_EXCHANGE_H

/// Atomically exchanges two paths on one file system (Linux renameat2 with
/// RENAME_EXCHANGE). Returns 0 on success, else -1 with errno set; ENOSYS or
/// EINVAL means the kernel or file system cannot do it and the caller must
/// fall back to two renames.
int gloss_exchange_paths(const char *first, const char *second);

#endif
