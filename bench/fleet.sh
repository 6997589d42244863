#!/usr/bin/env bash
# Fleet benchmark (issue 7): 40 repositories of realistic sizes (100 to 20 000 commits, 50 to 5 000
# files), audited in one run with --jobs 1 and --jobs 2 (worker processes, and --in-process for the cost
# of isolation), the incremental re-run, and a shell loop of
# `git log --format='%H %ae %at'` + `git ls-tree -r HEAD` over the same repositories.
#
#   bash bench/fleet.sh              # builds vigie (release), makes the fleet if missing, measures
#   BENCH_RUNS=5 bash bench/fleet.sh
#   VIGIE=/path/to/vigie bash bench/fleet.sh   # a binary already built
#
# Repositories go to bench/work/fleet/ (git-ignored). Targets (docs/performance.md): --jobs 2 at least
# 1.7× faster than --jobs 1 on 2 cores; the incremental re-run under 5 % of the first run; the full
# fleet within 2× of the shell loop.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/work/fleet"
runs="${BENCH_RUNS:-3}"
mkdir -p "$work"
export GIT_CONFIG_NOSYSTEM=1 HOME="$work" GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org \
       GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
: > "$work/.gitconfig"

# VIGIE=/path/to/vigie measures that binary instead of building one.
if [ -z "${VIGIE:-}" ] && [ "${BENCH_BUILD:-1}" = 1 ]; then
    (cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-bench >/dev/null)
fi
vigie="${VIGIE:-$root/.build-bench/release/vigie}"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine" >&2; exit 2; }

# 40 sizes spread geometrically: commits 100 → 20 000, files 50 → 5 000, authors 2 → 40.
manifest="$work/fleet.yml"
printf 'name: bench fleet\nruleset: eig\nrepositories:\n' > "$manifest"
repos=()
for i in $(seq 0 39); do
    commits=$(python3 -c "print(round(100 * (200 ** ($i / 39))))")
    files=$(python3 -c "print(round(50 * (100 ** ($i / 39))))")
    authors=$(python3 -c "print(2 + $i)")
    name=$(printf 'repo%02d' "$i")
    bare="$work/$name.git"
    if [ ! -d "$bare" ]; then
        git init -q --bare -b main "$work/$name.src.git"
        python3 "$here/gen-stream.py" "$commits" "$files" "$authors" "$((100 + i))" "$root/fixtures/licences/MIT.txt" \
            | git -C "$work/$name.src.git" fast-import --quiet --done
        git clone -q --bare --no-local "$work/$name.src.git" "$bare"
        rm -rf "$work/$name.src.git"
    fi
    repos+=("$bare")
    printf '  - {name: %s, path: %s}\n' "$name" "$bare" >> "$manifest"
done
total=$(for r in "${repos[@]}"; do git -C "$r" rev-list --count HEAD; done | awk '{s+=$1} END {print s}')
echo "fleet: ${#repos[@]} repositories, $total commits in all"

loop="$work/shell-loop.sh"
{ echo '#!/bin/sh'; for r in "${repos[@]}"; do echo "git -C $r log --format='%H %ae %at' HEAD >/dev/null; git -C $r ls-tree -r HEAD >/dev/null"; done; } > "$loop"
chmod +x "$loop"

audit="$vigie fleet $manifest --as-of 2026-11-29 --quiet --force"
rm -rf "$work/out-inc"
$vigie fleet "$manifest" --as-of 2026-11-29 --quiet --output "$work/out-inc" >/dev/null || true   # the run to reuse
hyperfine -N -w 1 -r "$runs" --export-json "$work/fleet.hyperfine.json" \
    -n "vigie --jobs 1" "$audit --jobs 1 --output $work/out-1" \
    -n "vigie --jobs 2" "$audit --jobs 2 --output $work/out-2" \
    -n "vigie --jobs 2 --in-process" "$audit --jobs 2 --in-process --output $work/out-3" \
    -n "vigie incremental" "$vigie fleet $manifest --as-of 2026-11-29 --quiet --jobs 2 --output $work/out-inc" \
    -n "git shell loop" "$loop" >/dev/null || true
python3 - "$work/fleet.hyperfine.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
one, two, inc, loop = (results[k] for k in ["vigie --jobs 1", "vigie --jobs 2", "vigie incremental", "git shell loop"])
print(f"| measure | median (s) |\n|---|---:|")
for name, value in results.items():
    print(f"| {name} | {value:.3f} |")
print()
print(f"speed-up --jobs 2 / --jobs 1: {one / two:.2f}x   (target >= 1.7)")
print(f"incremental / first run (--jobs 2): {inc / two * 100:.1f} %   (target < 5 %)")
print(f"full fleet (--jobs 2) / shell loop: {two / loop:.2f}x   (target <= 2)")
inproc = results.get("vigie --jobs 2 --in-process")
if inproc:
    print(f"worker processes / in-process (--jobs 2): {two / inproc:.2f}x   (the cost of isolation)")
PY
