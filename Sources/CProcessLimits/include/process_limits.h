#ifndef VIGIE_PROCESS_LIMITS_H
#define VIGIE_PROCESS_LIMITS_H

/// Limits a fleet worker puts on itself (Linux). Swift cannot call the variadic prctl(2); these
/// small functions do. Each returns 0 on success, else -1 with errno set.

/// The kernel sends SIGKILL to this process when its parent (the fleet) dies, so that a worker
/// stuck in a C call never outlives the fleet.
int vigie_die_with_parent(void);

/// Caps the address space at `megabytes` (RLIMIT_AS) and turns core dumps off (RLIMIT_CORE 0).
int vigie_limit_memory(long megabytes);

/// Lets the process use at most `seconds` more CPU seconds from now (soft RLIMIT_CPU: SIGXCPU
/// ends it past that); the hard limit stays unlimited so the next job can raise it again.
int vigie_limit_cpu_from_now(long seconds);

#endif
