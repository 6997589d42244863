/*
 * lg2read.c - floor benchmark (yardstick): what reading the files of HEAD costs through libgit2.
 *
 * An audit whose rules read every text file of the tree (vigie's self audit reads all 659 of its
 * 679 files) cannot be faster than inflating those blobs once. This program does only that: list
 * HEAD's tree, then read every blob of at most CAP bytes (vigie's read cap, 1 MiB), optionally
 * only those whose name ends in one of the given extensions, on THREADS threads each with its own
 * git_repository (libgit2 objects are not shared between threads). It prints the files and bytes
 * read, so that a run can be checked against vigie's `facts.reading`.
 *
 * build: gcc -O2 -pthread -o lg2read lg2read.c $(pkg-config --cflags --libs libgit2)
 * usage: lg2read GITDIR [THREADS] [CAP] [EXT ...]
 *   THREADS  1 (default) or more
 * Object hashes are not verified on read (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION 0), as vigie does;
 * LG2READ_VERIFY=1 verifies them (libgit2's default).
 *   CAP      largest blob read, in bytes (default 1048576); larger ones are sized, not read
 *   EXT      read only files named *.EXT (any case); all files when none is given
 */
#include <git2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    git_oid *ids;
    size_t count, capacity;
} id_list;

typedef struct {
    const char *gitdir;
    const git_oid *ids;
    size_t first, last;
    long long cap;
    size_t files;
    long long bytes;
    unsigned checksum;
} share;

static char **extensions;
static int extension_count;
static id_list blobs;

static void check(int error, const char *what) {
    if (error < 0) {
        const git_error *e = git_error_last();
        fprintf(stderr, "lg2read: %s: %s\n", what, e ? e->message : "error");
        exit(1);
    }
}

static int wanted(const char *name) {
    if (extension_count == 0) return 1;
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name) return 0;
    for (int i = 0; i < extension_count; i++)
        if (strcasecmp(dot + 1, extensions[i]) == 0) return 1;
    return 0;
}

static int collect(const char *root, const git_tree_entry *entry, void *payload) {
    (void)root;
    (void)payload;
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB || !wanted(git_tree_entry_name(entry))) return 0;
    if (blobs.count == blobs.capacity) {
        blobs.capacity = blobs.capacity ? blobs.capacity * 2 : 1024;
        blobs.ids = realloc(blobs.ids, blobs.capacity * sizeof(git_oid));
    }
    git_oid_cpy(&blobs.ids[blobs.count++], git_tree_entry_id(entry));
    return 0;
}

static void *read_share(void *argument) {
    share *s = argument;
    git_repository *repository;
    git_odb *odb;
    check(git_repository_open_bare(&repository, s->gitdir), "open");
    check(git_repository_odb(&odb, repository), "odb");
    for (size_t i = s->first; i < s->last; i++) {
        size_t size;
        git_object_t type;
        if (git_odb_read_header(&size, &type, odb, &s->ids[i]) < 0) continue; /* absent: skipped */
        if ((long long)size > s->cap) continue;
        git_odb_object *object;
        if (git_odb_read(&object, odb, &s->ids[i]) < 0) continue;
        const unsigned char *data = git_odb_object_data(object);
        size_t length = git_odb_object_size(object);
        /* Touch the bytes, as a scan would. */
        for (size_t k = 0; k < length; k += 64) s->checksum += data[k];
        s->files++;
        s->bytes += (long long)length;
        git_odb_object_free(object);
    }
    git_odb_free(odb);
    git_repository_free(repository);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: lg2read GITDIR [THREADS] [CAP] [EXT ...]\n");
        return 2;
    }
    int threads = argc > 2 ? atoi(argv[2]) : 1;
    long long cap = argc > 3 ? atoll(argv[3]) : 1 << 20;
    if (threads < 1) threads = 1;
    extensions = argv + 4;
    extension_count = argc > 4 ? argc - 4 : 0;

    git_libgit2_init();
    const char *verify = getenv("LG2READ_VERIFY");
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, verify && strcmp(verify, "1") == 0);
    git_repository *repository;
    git_object *tree;
    check(git_repository_open_bare(&repository, argv[1]), "open");
    check(git_revparse_single(&tree, repository, "HEAD^{tree}"), "HEAD^{tree}");
    check(git_tree_walk((git_tree *)tree, GIT_TREEWALK_PRE, collect, NULL), "tree walk");

    share *shares = calloc((size_t)threads, sizeof(share));
    pthread_t *ids = calloc((size_t)threads, sizeof(pthread_t));
    for (int t = 0; t < threads; t++) {
        shares[t] = (share){.gitdir = argv[1], .ids = blobs.ids, .cap = cap,
                            .first = blobs.count * (size_t)t / (size_t)threads,
                            .last = blobs.count * (size_t)(t + 1) / (size_t)threads};
        if (threads == 1) read_share(&shares[t]);
        else pthread_create(&ids[t], NULL, read_share, &shares[t]);
    }
    size_t files = 0;
    long long bytes = 0;
    unsigned checksum = 0;
    for (int t = 0; t < threads; t++) {
        if (threads > 1) pthread_join(ids[t], NULL);
        files += shares[t].files;
        bytes += shares[t].bytes;
        checksum += shares[t].checksum;
    }
    printf("blobs %zu read %zu bytes %lld (checksum %u)\n", blobs.count, files, bytes, checksum);
    git_object_free(tree);
    git_repository_free(repository);
    git_libgit2_shutdown();
    return 0;
}
