#define _GNU_SOURCE
#include "process_limits.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

int vigie_die_with_parent(void) {
#ifdef __linux__
    return prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
#else
    return 0;
#endif
}

int vigie_limit_memory(long megabytes) {
    struct rlimit core = {0, 0};
    if (setrlimit(RLIMIT_CORE, &core) != 0) return -1;
    rlim_t bytes = (rlim_t)megabytes * 1024 * 1024;
    struct rlimit memory = {bytes, bytes};
    return setrlimit(RLIMIT_AS, &memory);
}

int vigie_limit_cpu_from_now(long seconds) {
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) return -1;
    rlim_t used = (rlim_t)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1);
    struct rlimit cpu;
    if (getrlimit(RLIMIT_CPU, &cpu) != 0) return -1;
    cpu.rlim_cur = used + (rlim_t)seconds;
    if (cpu.rlim_max != RLIM_INFINITY && cpu.rlim_cur > cpu.rlim_max) cpu.rlim_cur = cpu.rlim_max;
    return setrlimit(RLIMIT_CPU, &cpu);
}
