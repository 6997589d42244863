#ifndef VIGIE_BYTE_SEARCH_H
#define VIGIE_BYTE_SEARCH_H

#include <stddef.h>

/* glibc's memmem (two-way algorithm, vectorised), which Swift cannot see: <string.h> declares it
 * only under _GNU_SOURCE, and the Glibc module is built without it. The content scans look for
 * dozens of markers in every file read (docs/performance.md, "Path folders and marker search"). */
const void *vigie_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
