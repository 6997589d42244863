/*
 * lg2init.c - start-up floor (yardstick) for a libgit2 program: git_libgit2_init() and exit.
 * Our own code. With Debian's libgit2 (built with mbedTLS) init parses the system CA bundle,
 * so this is what any process that initialises libgit2 pays before doing anything.
 *
 * build: gcc -O2 -o lg2init lg2init.c $(pkg-config --cflags --libs libgit2)
 * usage: lg2init [noinit]   (noinit: only print the linked version, as `--version` could)
 */
#include <git2.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    int major, minor, rev;
    if (!(argc > 1 && !strcmp(argv[1], "noinit"))) git_libgit2_init();
    git_libgit2_version(&major, &minor, &rev);
    printf("libgit2 %d.%d.%d\n", major, minor, rev);
    return 0;
}
