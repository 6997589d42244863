#!/usr/bin/env bash
# What each thread of a vigie audit executes, in instructions (callgrind --separate-threads), beside
# the C floor. On a two-core machine an audit's wall time follows its longest thread, not the sum,
# and instruction counts are exact whatever the machine's load: this is the measure of what the
# second core gives (the history walk and the read-ahead thread) when the machine is too busy to
# show it in wall time.
#
#   bash bench/threads.sh                     # self audit, head scans and walks on the real mirrors
#   VIGIE=/path/to/vigie BENCH_BASE=/path/to/old/vigie bash bench/threads.sh    # before/after
#
# Environment (all optional):
#   VIGIE        the binary measured (default: .build-rel/release/vigie, a static release build)
#   BENCH_BASE   an older binary measured the same way, printed beside
#   MIRRORS      where the mirrors are (default /work/.mirror); THREAD_REPOS the names under it
#                (default: "git+git rails+rails curl+curl")
#   THREAD_RUNS  which runs (default: "self head walk"); BENCH_AS_OF (default 2026-11-30)
#
# Prints one line per run and binary: total Ir, the longest thread's Ir (the critical path), and
# each thread's. For walks, also F = lg2walk M odb none nohash (bench/yardsticks/lg2walk), whose one
# thread is its critical path. valgrind 3.19 cannot read Swift's DWARF 5: binaries are copied with
# `objcopy --strip-debug` first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
VIGIE=${VIGIE:-$root/.build-rel/release/vigie}
MIRRORS=${MIRRORS:-/work/.mirror}
REPOS=${THREAD_REPOS:-git+git rails+rails curl+curl}
RUNS=${THREAD_RUNS:-self head walk}
AS_OF=${BENCH_AS_OF:-2026-11-30}
work=$(mktemp -d /tmp/vigie-threads.XXXXXX)
trap 'rm -rf "$work"' EXIT

command -v valgrind >/dev/null || { echo "threads.sh: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
[ -x "$VIGIE" ] || { echo "threads.sh: no vigie binary at $VIGIE" >&2; exit 2; }

binaries=("new:$VIGIE")
[ -n "${BENCH_BASE:-}" ] && binaries=("old:$BENCH_BASE" "${binaries[@]}")
for entry in "${binaries[@]}"; do
  objcopy --strip-debug "${entry#*:}" "$work/${entry%%:*}"
done

lg2walk=""
if [[ " $RUNS " == *" walk "* ]]; then
  lg2walk="$work/lg2walk"
  gcc -O2 -pthread -o "$lg2walk" "$here/yardsticks/lg2walk.c" $(pkg-config --cflags --libs libgit2)
fi

# measure NAME ARGS...: callgrind per thread; prints total, longest and every thread's count.
measure() {
  local name=$1; shift
  rm -f "$work"/cg "$work"/cg-*
  valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/cg" "$@" >/dev/null 2>"$work/valgrind.err" || true
  local counts=()
  # One file per thread (cg-01, cg-02…); the thread numbers are valgrind's, not the program's.
  for file in "$work"/cg-*; do
    local ir
    ir=$(callgrind_annotate "$file" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}' || true)
    [ -n "$ir" ] && counts+=("$ir")
  done
  python3 - "$name" "${counts[@]}" <<'EOF'
import sys
name, counts = sys.argv[1], sorted((int(c) for c in sys.argv[2:]), reverse=True)
print(f"{name:<44} total {sum(counts):>15,}  longest thread {counts[0]:>15,}  threads {' '.join(f'{c:,}' for c in counts if c > 1_000_000)}")
EOF
}

for run in $RUNS; do
  case $run in
    self)
      for entry in "${binaries[@]}"; do
        b=${entry%%:*}
        (cd "$root" && measure "self audit ($b)" "$work/$b" audit "$root" --as-of "$AS_OF" --format json)
      done ;;
    head|walk)
      for repo in $REPOS; do
        m="$MIRRORS/$repo/repo"; [ -d "$m/.git" ] && m="$m/.git"
        [ -d "$m" ] || { echo "threads.sh: no mirror $m, skipped" >&2; continue; }
        if [ "$run" = walk ]; then
          measure "F lg2walk $repo" "$lg2walk" "$m" odb none nohash
          select=(--select activity)
        else
          select=(--select licence --select readme)
        fi
        for entry in "${binaries[@]}"; do
          b=${entry%%:*}
          measure "$run $repo ($b)" "$work/$b" audit "$m" "${select[@]}" --as-of "$AS_OF" --format json
        done
      done ;;
  esac
done
